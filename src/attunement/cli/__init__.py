"""The ``attune`` command.

Start-up stays light: this module imports only Typer. Each command lives in its own module in
this package, listed in ``COMMAND_MODULES``, and imports what it needs inside its function, so
``attune --help`` answers in a fraction of a second.
"""

from __future__ import annotations

import importlib
import sys

import typer

from attunement.cli import _typer_fixes

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


_typer_fixes.apply()


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
