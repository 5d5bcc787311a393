"""Run the registered analysers over a conversation and gather a ``SessionAnalysis``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from attunement import __version__
from attunement.analysis.base import AnalysisContext, Encoder
from attunement.analysis.model import SessionAnalysis
from attunement.analysis.registry import analysers, ordered
from attunement.errors import AnalysisError
from attunement.transcript.model import Conversation

NOT_ASKED_FOR = "not asked for"  # the reason ``skipped`` gives for an analyser ``only`` left out


def analyse(
    conversation: Conversation,
    *,
    encoder: Encoder | None = None,
    only: Iterable[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> SessionAnalysis:
    """Analyse one conversation. Analysers whose needs are not met are listed in ``skipped``.

    ``progress(done, total, name)`` is called before each analyser runs (the web app shows it).
    """
    registry = analysers()
    selected = _select(registry, only)
    ctx = AnalysisContext(conversation=conversation, encoder=encoder)
    have = ctx.capabilities()
    # Analysers left out by ``only`` are named too, so a report can say what was not read.
    skipped = {name: NOT_ASKED_FOR for name in registry if name not in selected}
    queue = ordered(selected)
    for step, analyser in enumerate(queue):
        if progress is not None:
            progress(step, len(queue), analyser.name)
        missing = [n for n in analyser.needs if n not in have]
        if missing:
            skipped[analyser.name] = "needs " + ", ".join(missing)
            continue
        ctx.results[analyser.name] = analyser.analyse(ctx)
        have.update(analyser.produces)
        have.add(analyser.name)
    return SessionAnalysis(
        results=dict(ctx.results),
        mode="encoder" if encoder is not None else "lexical",
        attunement_version=__version__,
        skipped=skipped,
    )


def _select(registry: dict, only: Iterable[str] | None) -> dict:
    if only is None:
        return dict(registry)
    wanted = list(only)
    unknown = [n for n in wanted if n not in registry]
    if unknown:
        raise AnalysisError(
            f"No analyser called {', '.join(unknown)}",
            f"choose from {', '.join(registry)}",
        )
    # Pull in what the chosen analysers need from other analysers.
    chosen = {n: registry[n] for n in wanted}
    producers = {p: a for a in registry.values() for p in (*a.produces, a.name)}
    pending = list(chosen.values())
    while pending:
        for need in pending.pop().needs:
            provider = producers.get(need)
            if provider is not None and provider.name not in chosen:
                chosen[provider.name] = provider
                pending.append(provider)
    return chosen
