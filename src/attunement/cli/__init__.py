"""The ``attune`` command.

Start-up stays light: this module imports only Typer. Each command lives in its own module in
this package, listed in ``COMMAND_MODULES``, and imports what it needs inside its function, so
``attune --help`` answers in a fraction of a second.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import typer

app = typer.Typer(
    name="attune",
    help="Attunement: build and measure the coaching connection.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

# Each module defines ``register(app)``; order is the order of `attune --help`.
COMMAND_MODULES: list[str] = [
    "analyze",
    "series",
    "bench",
    "settings",
    "encoder",
    "eval",
    "serve",
    "reset_sign_in",
    "demo",
    "demo_data",
    "simulate",
    "guide",
]

_state = {"debug": False}


def _light_help_option() -> None:
    """Keep `attune <command> --help` from importing pydantic (about 0.1 s of start-up).

    Typer 0.2x coerces every parameter through a pydantic adapter, built on first use, and it
    uses one even for the group's own ``--help`` flag when that flag was not given (its value
    is ``None``). A help flag only ever holds ``None``, ``True`` or ``False``, so it gets Typer's
    plain pass-through coercion instead. Other Typer versions are left alone.
    """
    try:
        from typer._coercion import PassThroughRuntimeParam
        from typer.core import _TyperParameter
    except ImportError:
        return
    build = getattr(_TyperParameter, "get_runtime_param", None)
    if build is None:
        return

    def get_runtime_param(self: Any) -> Any:
        if self.name == "help" and getattr(self, "_runtime_param", None) is None:
            info = self.type_descriptor.parameter_info
            self._runtime_param = PassThroughRuntimeParam(parameter_info=info, annotation=bool)
        return build(self)

    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]


_light_help_option()


def _no_type_for_flags() -> None:
    """Keep `--help` from showing ``<bool>`` beside on/off flags such as ``--json``.

    Typer 0.2x prints every option's type, which makes a flag look as if it wanted a value
    (``--json true``). Flags take none, so their type column stays empty. Other Typer versions
    are left alone.
    """
    try:
        from typer.core import TyperOption
    except ImportError:
        return
    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None:
        return

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        if getattr(self, "is_bool_flag", False):
            return None
        result: str | None = shown(self, ctx)
        return result

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_no_type_for_flags()


def _plain_list_types() -> None:
    """Show an argument that takes several paths as ``<path>...``, not ``<list[Path]>``."""
    try:
        from typer.core import TyperArgument
    except ImportError:
        return
    shown = getattr(TyperArgument, "display_type_rich", None)
    if shown is None:
        return

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        result: str | None = shown(self, ctx)
        if result and result.startswith("<list[") and result.endswith("]>"):
            return f"<{result[6:-2].lower()}>..."
        return result

    TyperArgument.display_type_rich = display_type_rich  # type: ignore[method-assign]


_plain_list_types()


def _plain_usage_names() -> None:
    """Write a required argument as ``FILE`` in the usage line, as the docs do.

    Typer 0.2x wraps it in braces (``{FILE}``), which reads like a set of choices or something
    to type literally. Optional ones keep their brackets (``[FILE]``). Other Typer versions are
    left alone.
    """
    try:
        from typer.core import TyperArgument
    except ImportError:
        return
    if getattr(TyperArgument, "_usage_display_name", None) is None:
        return

    def _usage_display_name(self: Any) -> str:
        name: str = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name if self.nargs == 1 else f"{name}..."

    TyperArgument._usage_display_name = _usage_display_name  # type: ignore[method-assign]


_plain_usage_names()


def _print_version(wanted: bool) -> None:
    # Eager, so `attune --version` answers before click asks for a command.
    if wanted:
        from attunement import __version__

        typer.echo(f"attune {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
    version: bool = typer.Option(
        False,
        "--version",
        help="Print the version and exit.",
        is_eager=True,
        callback=_print_version,
    ),
) -> None:
    _state["debug"] = debug


for _name in COMMAND_MODULES:
    importlib.import_module(f"attunement.cli.{_name}").register(app)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one clear sentence to stderr and return the exit to raise."""
    ended = message if message.endswith((".", "?", "!")) else f"{message}."
    typer.secho(f"Error: {ended}", fg=typer.colors.RED, err=True)
    return typer.Exit(code)


def main() -> None:
    from attunement.errors import AttuneError

    debug = "--debug" in sys.argv[1:]
    try:
        # Without standalone mode click hands back exit codes instead of calling sys.exit,
        # so our own errors can be printed as one sentence.
        outcome = app(standalone_mode=False)
    except AttuneError as error:
        if debug:
            raise
        raise SystemExit(_report(str(error), error.exit_code)) from None
    except (typer.Exit, SystemExit) as done:
        code = getattr(done, "exit_code", None)
        if code is None:
            code = getattr(done, "code", 0)
        raise SystemExit(code) from None
    except KeyboardInterrupt:
        raise SystemExit(_report("Interrupted.", 130)) from None
    except Exception as error:  # click usage errors and the like
        if isinstance(error, _usage_errors()):
            _drop_validator_prefix(error)
            error.show()  # type: ignore[attr-defined]
            raise SystemExit(2) from None
        if debug:
            raise
        raise SystemExit(
            _report(
                f"Unexpected internal error ({type(error).__name__}: {error}); "
                "run again with --debug and report the traceback",
                1,
            )
        ) from None
    raise SystemExit(outcome if isinstance(outcome, int) else 0)


def _usage_errors() -> tuple[type[Exception], ...]:
    """Click's usage errors: Typer 0.2x raises those of its own copy of click (`typer._click`)."""
    kinds: list[type[Exception]] = []
    for module in ("click", "typer._click"):
        try:
            kinds.append(importlib.import_module(module).ClickException)
        except (ImportError, AttributeError):
            continue
    return tuple(kinds)


def _drop_validator_prefix(error: Exception) -> None:
    # Typer 0.2x checks values with pydantic, whose message starts "Value error, ": words
    # about its internals, not about what was typed.
    message = getattr(error, "message", None)
    if isinstance(message, str) and message.startswith("Value error, "):
        error.message = message.removeprefix("Value error, ")  # type: ignore[attr-defined]


def _report(message: str, code: int) -> int:
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)
    return code
