"""Each open warning sign with the records behind it, as links the coach can open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse

from attunement.practice.health import signals_for
from attunement.practice.models import Engagement, Session
from attunement.relationship import RULES
from attunement.relationship.health import Health
from attunement.relationship.signs import Evidence, Sign

# The transcript turns that show a sign, by the signal that marks them
# (``relationship.signals.turns_with_markers``): listed under each session the sign names.
SIGN_TURNS = {
    "reluctance": ("resistance", "client turns with a sign of resistance"),
    "surface-talk": ("reporting", "client turns that report events without reflecting"),
    "compliance-without-engagement": ("reporting", "client turns that report rather than reflect"),
}

KIND_LABELS = {
    "session": "Session",
    "turns": "Transcript",
    "checkin": "Check-in",
    "commitment": "Commitment",
}


@dataclass(frozen=True)
class EvidenceView:
    label: str
    detail: str
    when: datetime | None
    url: str  # empty when there is nothing to open


@dataclass(frozen=True)
class ReasonView:
    sign: Sign
    title: str
    threshold: str
    evidence: tuple[EvidenceView, ...]


def _number(ref: str) -> int | None:
    return int(ref) if ref.isdigit() else None


def _url(item: Evidence, session_ids: set[int], checkin_ids: set[int]) -> str:
    """A link only to records of this engagement; anything else is shown without one."""
    number = _number(item.ref)
    if number is None:
        return ""
    if item.kind in ("session", "turns") and number in session_ids:
        anchor = f"#turn-{item.turns[0] + 1}" if item.turns else ""
        return reverse("session_detail", args=[number]) + anchor
    if item.kind == "checkin" and number in checkin_ids:
        return reverse("checkin_detail", args=[number])
    return ""


def _label(item: Evidence) -> str:
    label = KIND_LABELS.get(item.kind, item.kind.capitalize())
    if item.turns:
        # Evidence holds turn indices (from 0, like markers); people count turns from 1.
        shown = ", ".join(str(t + 1) for t in item.turns[:6])
        label += f", turn{'s' if len(item.turns) > 1 else ''} {shown}"
    return label


def _with_turns(sign: Sign, sessions: dict[int, Session]) -> list[Evidence]:
    """The sign's evidence, each session it names followed by the turns that show the sign."""
    wanted = SIGN_TURNS.get(sign.rule)
    items: list[Evidence] = []
    for item in sign.evidence:
        items.append(item)
        session = sessions.get(_number(item.ref) or -1) if item.kind == "session" else None
        signals = signals_for(session) if wanted and session is not None else None
        turns = signals.turns_with_markers.get(wanted[0], ()) if signals and wanted else ()
        if wanted and turns:
            items.append(Evidence("turns", item.ref, item.when, wanted[1], turns))
    return items


def explain(health: Health, engagement: Engagement) -> list[ReasonView]:
    rules = {rule.id: rule for rule in RULES}
    sessions = {s.pk: s for s in engagement.sessions.select_related("transcript")}  # type: ignore[attr-defined]
    session_ids = set(sessions)
    checkin_ids = set(engagement.client.checkins.values_list("pk", flat=True))  # type: ignore[attr-defined]
    reasons = []
    for sign in health.reasons:
        rule = rules.get(sign.rule)
        items = tuple(
            EvidenceView(_label(e), e.detail, e.when, _url(e, session_ids, checkin_ids))
            for e in _with_turns(sign, sessions)
        )
        reasons.append(
            ReasonView(
                sign, rule.title if rule else sign.rule, rule.threshold if rule else "", items
            )
        )
    return reasons
