"""Small corrections to how Typer 0.2x draws help, applied once when the CLI is imported.

Each replaces one method of a Typer class with a wrapper around the original; on a Typer
version without that class or method the correction is skipped, so the CLI still works, only
its help reads as Typer draws it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

Wrap = Callable[[Callable[..., Any]], Callable[..., Any]]


def _patch(class_name: str, method: str, wrap: Wrap) -> None:
    """Replace ``typer.core.<class_name>.<method>`` with ``wrap(original)``, if both exist."""
    try:
        import typer.core
    except ImportError:
        return
    cls = getattr(typer.core, class_name, None)
    original = getattr(cls, method, None) if cls is not None else None
    if original is not None:
        setattr(cls, method, wrap(original))


def _light_help_option(build: Callable[..., Any]) -> Callable[..., Any]:
    """Keep `attune <command> --help` from importing pydantic (about 0.1 s of start-up).

    Typer 0.2x coerces every parameter through a pydantic adapter, built on first use, even for
    the group's own ``--help`` flag when it was not given (its value is ``None``). A help flag
    only ever holds ``None``, ``True`` or ``False``, so it gets the plain pass-through coercion.
    """
    from typer._coercion import PassThroughRuntimeParam

    def get_runtime_param(self: Any) -> Any:
        if self.name == "help" and getattr(self, "_runtime_param", None) is None:
            info = self.type_descriptor.parameter_info
            self._runtime_param = PassThroughRuntimeParam(parameter_info=info, annotation=bool)
        return build(self)

    return get_runtime_param


def _no_type_for_flags(shown: Callable[..., Any]) -> Callable[..., Any]:
    """No ``<bool>`` beside on/off flags such as ``--json``: it makes a flag look as if it
    wanted a value (``--json true``)."""

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        result: str | None = None if getattr(self, "is_bool_flag", False) else shown(self, ctx)
        return result

    return display_type_rich


def _plain_list_types(shown: Callable[..., Any]) -> Callable[..., Any]:
    """An argument that takes several paths reads ``<path>...``, not ``<list[Path]>``."""

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        result: str | None = shown(self, ctx)
        if result and result.startswith("<list[") and result.endswith("]>"):
            return f"<{result[6:-2].lower()}>..."
        return result

    return display_type_rich


def _plain_usage_names(_original: Callable[..., Any]) -> Callable[..., Any]:
    """A required argument reads ``FILE`` in the usage line, as the docs write it; Typer's
    ``{FILE}`` reads like a set of choices. Optional ones keep their brackets."""

    def _usage_display_name(self: Any) -> str:
        name: str = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name if self.nargs == 1 else f"{name}..."

    return _usage_display_name


def apply() -> None:
    """Every correction above, each only where this Typer has what it replaces."""
    with suppress(ImportError):  # no typer._coercion: nothing to lighten
        _patch("_TyperParameter", "get_runtime_param", _light_help_option)
    _patch("TyperOption", "display_type_rich", _no_type_for_flags)
    _patch("TyperArgument", "display_type_rich", _plain_list_types)
    _patch("TyperArgument", "_usage_display_name", _plain_usage_names)
