"""The analyser registry, built from plugin hooks.

Attunement's own analysers are plugins like any other: each module in
``attunement.analysis.analysers`` implements the ``attunement_analysers`` hook, and third-party
packages do the same through the ``attunement`` entry-point group. The registry is built once,
on first use, so ``attune --help`` imports none of it.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import pluggy

from attunement.analysis.base import CAPABILITIES, Analyser
from attunement.errors import AnalysisError

hookspec = pluggy.HookspecMarker("attunement")
hookimpl = pluggy.HookimplMarker("attunement")


class AnalyserHooks:
    @hookspec
    def attunement_analysers(self) -> list[Analyser]:  # type: ignore[empty-body]
        """Return the analysers this plugin contributes."""


def core_modules() -> list[str]:
    """Every module of ``attunement.analysis.analysers``: the built-in plugins."""
    package = importlib.import_module("attunement.analysis.analysers")
    return sorted(
        f"{package.__name__}.{info.name}"
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    )


@cache
def plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("attunement")
    pm.add_hookspecs(AnalyserHooks)
    for name in core_modules():
        pm.register(importlib.import_module(name), name=name)
    pm.load_setuptools_entrypoints("attunement")
    return pm


@cache
def analysers() -> dict[str, Analyser]:
    """All registered analysers by name, checked for clashes and unknown needs."""
    found: dict[str, Analyser] = {}
    for batch in plugin_manager().hook.attunement_analysers():
        for analyser in batch:
            if analyser.name in found:
                raise AnalysisError(
                    f"Two plugins register an analyser called {analyser.name!r}",
                    "uninstall one of them or rename the analyser",
                )
            found[analyser.name] = analyser
    _check_needs(found)
    return dict(sorted(found.items()))


def _check_needs(found: dict[str, Analyser]) -> None:
    produced = {p for a in found.values() for p in a.produces} | set(found)
    for analyser in found.values():
        unknown = [n for n in analyser.needs if n not in produced and n not in CAPABILITIES]
        if unknown:
            raise AnalysisError(
                f"Analyser {analyser.name!r} needs {', '.join(unknown)}, which nothing provides",
                "install the plugin that produces it or remove the analyser",
            )


def ordered(selected: dict[str, Analyser]) -> list[Analyser]:
    """Analysers in an order where each runs after those producing what it needs or uses."""
    producers = {p: a.name for a in selected.values() for p in (*a.produces, a.name)}
    done: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            raise AnalysisError(f"Analysers depend on each other in a loop at {name!r}", "")
        visiting.add(name)
        # Optional inputs (``uses``) order the run too, so an analyser sees them when present.
        for need in (*selected[name].needs, *selected[name].uses):
            if need in producers and producers[need] in selected:
                visit(producers[need])
        visiting.discard(name)
        done.append(name)

    for name in selected:
        visit(name)
    return [selected[n] for n in done]
