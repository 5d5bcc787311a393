"""`attune encoder`: build the optional sentence encoder once and show where it is."""

from __future__ import annotations

import typer

encoder_app = typer.Typer(
    help="The optional sentence encoder (all-MiniLM-L6-v2, int8, onnxruntime).",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(encoder_app, name="encoder")


@encoder_app.command("install")
def install() -> None:
    """Build the int8 ONNX encoder from the installed weights and cache it in the data folder."""
    import time

    from attunement.analysis.encoder import (
        INSTALL_HINT,
        ensure_model,
        model_package_dir,
        model_path,
    )
    from attunement.config import get_settings
    from attunement.errors import AnalysisError

    model_dir = model_package_dir()
    if model_dir is None:
        raise AnalysisError("The sentence encoder's weights are not installed", INSTALL_HINT)
    data_path = get_settings().data_path
    built = model_path(model_dir, data_path)
    if built.is_file():
        size = built.stat().st_size / 1e6
        typer.echo(f"Sentence encoder already built: {built} ({size:.1f} MB); nothing to do.")
        return
    refuse_without_build_tools()
    started = time.perf_counter()
    path = ensure_model(model_dir, data_path)
    seconds = time.perf_counter() - started
    size = path.stat().st_size / 1e6
    typer.echo(f"Sentence encoder ready: {path} ({size:.1f} MB, built in {seconds:.1f} s).")


# Needed only to build the model once; analysing needs onnxruntime and tokenizers alone.
BUILD_TOOLS = ("safetensors", "onnx")


def missing_build_tools() -> list[str]:
    import importlib.util

    return [name for name in BUILD_TOOLS if importlib.util.find_spec(name) is None]


def refuse_without_build_tools() -> None:
    """Name the missing packages instead of failing half-way with an internal error."""
    from attunement.errors import AnalysisError

    missing = missing_build_tools()
    if missing:
        are = "is" if len(missing) == 1 else "are"
        raise AnalysisError(
            f"Building the sentence encoder needs {' and '.join(missing)}, which {are} not "
            "installed",
            f"run `.venv/bin/pip install {' '.join(missing)}` (or scripts/setup-encoder, which "
            "installs everything), then `attune encoder install` again",
        )


@encoder_app.command("status")
def status() -> None:
    """Say whether the weights are installed and the encoder is built, where, and how big."""
    from attunement.analysis.encoder import encoder_status
    from attunement.config import get_settings

    settings = get_settings()
    info = encoder_status(settings.data_path)
    typer.echo(f"setting ATTUNE_ENCODER: {settings.encoder}")
    if info["package"] is None:
        typer.echo("weights: not installed (analysis runs in lexical mode)")
        typer.echo("install: scripts/setup-encoder")
        return
    typer.echo(f"weights: {info['package']}")
    if info["built"]:
        typer.echo(f"model: {info['model']} ({info['size_mb']} MB)")
    else:
        typer.echo(f"model: not built yet (run `attune encoder install`; goes to {info['model']})")
        missing = missing_build_tools()
        if missing:
            typer.echo(f"to build it, first: .venv/bin/pip install {' '.join(missing)}")
