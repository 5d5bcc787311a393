"""Advice the client had not asked for: a ``moves`` finding in the safety layer.

Fixing before being invited can leave the client less room to find their own way, so the coach
gets the turns where advice came with no permission asked (in that turn or the two coach turns
before) and no request for ideas from the client just before ("What should I do?"). The same
turns give the ``advice_without_permission`` metric, so the count and the finding agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from attunement.analysis.analysers._connection_util import quoted_sentence
from attunement.analysis.analysers._moves_rules import TurnMoves, excerpt
from attunement.analysis.base import AnalysisContext
from attunement.analysis.model import Layer, Marker
from attunement.transcript.model import Role

# Coach turns before the advice in which asked permission still counts.
PERMISSION_WINDOW = 2
# From this many turns of unasked advice the pattern is worth a second look.
UNASKED_NOTABLE = 3
EXAMPLES = 3
# A client who asks for ideas has invited the advice that follows.
ASKS_FOR_IDEAS = re.compile(
    r"\b(?:what (?:should|would|could|can) i do|what would you do|what do you (?:think|suggest|"
    r"recommend)|any (?:ideas|advice|suggestions|tips)|how (?:should|do|can) i)\b",
    re.IGNORECASE,
)


def unasked_advice(ctx: AnalysisContext, calls: Mapping[int, TurnMoves]) -> list[int]:
    """Coach turns with advice anywhere in them (also beside the coach's own story) that
    neither followed asked permission nor answered a request for ideas."""
    order = sorted(calls)
    found = []
    for position, index in enumerate(order):
        if "advice" not in calls[index].moves:
            continue
        window = order[max(0, position - PERMISSION_WINDOW) : position + 1]
        if any("permission" in calls[i].moves for i in window) or invited(ctx, index):
            continue
        found.append(index)
    return found


def invited(ctx: AnalysisContext, index: int) -> bool:
    """Whether the client's turn just before asked for ideas."""
    before = ctx.turns[index - 1] if index > 0 else None
    return (
        before is not None
        and before.role == Role.CLIENT
        and bool(ASKS_FOR_IDEAS.search(before.text))
    )


def unasked_advice_marker(
    ctx: AnalysisContext, calls: Mapping[int, TurnMoves], turns: list[int]
) -> Marker | None:
    """One marker for all of them, quoting the advice (a question to reflect on, not a verdict)."""
    if not turns:
        return None
    times = "once" if len(turns) == 1 else f"in {len(turns)} turns"
    quotes = [
        calls[i].evidence if calls[i].main == "advice" else quoted_sentence(ctx.turns[i].text)
        for i in turns[:EXAMPLES]
    ]
    return Marker(
        analyser="moves",
        kind="advice_unasked",
        turns=tuple(turns),
        note=(
            f"The coach offered advice without first asking whether the client wanted it "
            f"({times}). How might asking first have changed what the client brought?"
        ),
        evidence=tuple(excerpt(q) for q in quotes),
        layer=Layer.SAFETY_TRUST,
        notable=len(turns) >= UNASKED_NOTABLE,
        guide="psychological-safety",
    )
