"""Each open warning sign with the records behind it, as links the coach can open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse

from attunement.practice.health import signals_for
from attunement.practice.models import Engagement, Session
from attunement.relationship import RULES
from attunement.relationship.health import Health
from attunement.relationship.signs import Evidence, Sign
from attunement.transcript.model import Conversation, Role, Turn

# Withdrawal and the coach working harder are read from shares of words, which no single turn
# carries; the turns that make them visible are picked from the transcript itself.
SHORT_REPLY_WORDS = 5  # a client reply this short gives little of what is going on
LONG_COACH_WORDS = 40  # a coach turn this long carries the conversation for the client
TURNS_SHOWN = 6  # the most striking turns, so the coach reads a few rather than a list


def _words(turn: Turn) -> int:
    return len(turn.text.split())


def shortest_client_turns(conversation: Conversation) -> tuple[int, ...]:
    """The client's shortest replies (``SHORT_REPLY_WORDS`` words or fewer), at most
    ``TURNS_SHOWN`` of them, in transcript order."""
    short = [t for t in conversation.by_role(Role.CLIENT) if _words(t) <= SHORT_REPLY_WORDS]
    shortest = sorted(short, key=lambda t: (_words(t), t.index))[:TURNS_SHOWN]
    return tuple(sorted(t.index for t in shortest))


def heavy_coach_turns(conversation: Conversation) -> tuple[int, ...]:
    """The coach's turns that do the client's work: long ones (``LONG_COACH_WORDS`` words or
    more) or several questions at once, the longest ``TURNS_SHOWN``, in transcript order."""
    heavy = [
        t
        for t in conversation.by_role(Role.COACH)
        if _words(t) >= LONG_COACH_WORDS or t.text.count("?") >= 2
    ]
    longest = sorted(heavy, key=lambda t: (-_words(t), t.index))[:TURNS_SHOWN]
    return tuple(sorted(t.index for t in longest))


def _conversation(session: Session) -> Conversation | None:
    transcript = getattr(session, "transcript", None)
    if transcript is None:
        return None
    try:
        return Conversation.from_dict(transcript.conversation)
    except (KeyError, TypeError, ValueError):
        return None  # a transcript from an older schema: the session is still listed


def _marked(signal: str) -> Callable[[Session], tuple[int, ...]]:
    """Turns the analysis marked with ``signal`` (``relationship.signals.turns_with_markers``)."""

    def pick(session: Session) -> tuple[int, ...]:
        signals = signals_for(session)
        return signals.turns_with_markers.get(signal, ()) if signals else ()

    return pick


def _from_transcript(
    choose: Callable[[Conversation], tuple[int, ...]],
) -> Callable[[Session], tuple[int, ...]]:
    def pick(session: Session) -> tuple[int, ...]:
        conversation = _conversation(session)
        return choose(conversation) if conversation else ()

    return pick


# The transcript turns that show a sign, listed under each session the sign names.
SIGN_TURNS: dict[str, tuple[Callable[[Session], tuple[int, ...]], str]] = {
    "reluctance": (_marked("resistance"), "client turns with a sign of resistance"),
    "surface-talk": (_marked("reporting"), "client turns that report events without reflecting"),
    "compliance-without-engagement": (
        _marked("reporting"),
        "client turns that report rather than reflect",
    ),
    "withdrawal": (
        _from_transcript(shortest_client_turns),
        f"the client's shortest replies ({SHORT_REPLY_WORDS} words or fewer)",
    ),
    "coach-working-harder": (
        _from_transcript(heavy_coach_turns),
        "the coach's longest turns and turns asking several questions at once",
    ),
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
        turns = wanted[0](session) if wanted and session is not None else ()
        if wanted and turns:
            items.append(Evidence("turns", item.ref, item.when, wanted[1], turns))
    return items


def explain(
    health: Health, engagement: Engagement, read: Sequence[Session] | None = None
) -> list[ReasonView]:
    """Each reason with its evidence; ``read``: the engagement's sessions with their
    transcripts, when the page has loaded them already (not read and decrypted twice)."""
    rules = {rule.id: rule for rule in RULES}
    if read is None:
        read = engagement.sessions.select_related("transcript")  # type: ignore[attr-defined]
    sessions = {s.pk: s for s in read}
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
