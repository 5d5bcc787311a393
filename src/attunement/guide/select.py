"""Choosing from the guide by tag: the section behind a finding or a warning sign, and the
strategies and questions that fit a client's barriers, phase and situation."""

from __future__ import annotations

from collections.abc import Iterable

from attunement.guide.loader import load
from attunement.guide.model import Guide, Question, Strategy


def for_finding(analyser: str, kind: str, guide: Guide | None = None) -> str | None:
    """The section that explains a session-analysis marker (its analyser and kind)."""
    links = (guide or load()).findings
    return links.get(f"{analyser}:{kind}") or links.get(analyser)


# Reminders shown beside the warning signs without being rules (``rules.py`` keeps them out of
# RULES, so links.toml, which is checked against RULES, cannot name them).
REMINDER_SECTIONS = {"concern-not-discussed": "relationship-checkins"}


def for_sign(rule_id: str, guide: Guide | None = None) -> str | None:
    """The section that explains a warning sign (its rule id in ``relationship/rules.py``) or a
    reminder shown beside them."""
    rule = str(rule_id)
    return (guide or load()).signs.get(rule) or REMINDER_SECTIONS.get(rule)


def _fits(values: tuple[str, ...], wanted: str | None) -> bool:
    # An empty tag list means the item suits every phase or client.
    return wanted is None or not values or wanted in values or "any" in values


# A strategy the phase itself puts first (phase_guidance.toml ``strategies``) outranks one that
# merely suits the phase or client type, never one answering the sign or barriers asked about.
PHASE_LEAD = 2


def _strategy_score(
    strategy: Strategy,
    sign: str | None,
    barriers: set[str],
    phase: str | None,
    client: str | None,
    leads: tuple[str, ...] = (),
) -> int:
    score = 4 * (sign in strategy.signs) + 3 * len(barriers & set(strategy.barriers))
    score += phase is not None and phase in strategy.phases
    score += client is not None and client in strategy.client_types
    return score + PHASE_LEAD * (strategy.id in leads)


def _phase_leads(guide: Guide, phase: str | None) -> tuple[str, ...]:
    return next((p.strategies for p in guide.phases if p.id == phase), ())


def strategies_for(
    *,
    sign: str | None = None,
    phase: str | None = None,
    barriers: Iterable[str] = (),
    client_type: str | None = None,
    limit: int | None = None,
    guide: Guide | None = None,
) -> list[Strategy]:
    """Strategies that fit, best first.

    A given sign or barrier list must be answered by the strategy; phase and client type
    exclude strategies meant for other phases or clients. Ties keep the file's order.
    """
    wanted = set(barriers)
    phase = str(phase) if phase is not None else None
    guide = guide or load()
    leads = _phase_leads(guide, phase)
    chosen = [
        s
        for s in guide.strategies
        if (sign is None or sign in s.signs)
        and (not wanted or wanted & set(s.barriers))
        and _fits(s.phases, phase)
        and _fits(s.client_types, client_type)
    ]
    ranked = sorted(
        chosen, key=lambda s: -_strategy_score(s, sign, wanted, phase, client_type, leads)
    )
    return ranked[:limit] if limit is not None else ranked


def questions_for(
    *,
    type: str | None = None,
    phase: str | None = None,
    client_type: str | None = None,
    limit: int | None = None,
    guide: Guide | None = None,
) -> list[Question]:
    """Questions of a type for a phase and client type; those written for them come first."""
    phase = str(phase) if phase is not None else None
    chosen = [
        q
        for q in (guide or load()).questions
        if (type is None or q.type == type)
        and _fits(q.phases, phase)
        and _fits(q.client_types, client_type)
    ]
    ranked = sorted(
        chosen,
        key=lambda q: -((phase in q.phases) + (client_type in q.client_types)),
    )
    return ranked[:limit] if limit is not None else ranked


def suggest_barriers(
    findings: Iterable[tuple[str, str]] = (),
    signs: Iterable[str] = (),
    guide: Guide | None = None,
) -> list[tuple[str, list[str]]]:
    """Barrier sources the evidence may point to, most supported first, each with its reasons.

    ``findings`` are (analyser, kind) pairs from session markers and ``signs`` open warning-sign
    rule ids. These are suggestions for the coach to confirm, never a diagnosis.
    """
    hints = (guide or load()).barrier_hints
    reasons: dict[str, list[str]] = {}
    keys = [f"{a}:{k}" for a, k in findings] + [f"sign:{s}" for s in signs]
    for key in keys:
        for barrier in hints.get(key, ()):
            reasons.setdefault(barrier, []).append(key)
    return sorted(reasons.items(), key=lambda item: -len(item[1]))
