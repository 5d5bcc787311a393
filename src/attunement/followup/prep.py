"""The session preparation page, as plain data: what to remember and what the bond needs now.

Suggestions come from the guide (``attunement.guide``: strategies by warning sign, phase and
barrier profile; questions chosen by ``guide.fit`` for the phase, each sign, the barrier profile
and the communication style) when it loads; otherwise from the small fallback below, written for this
page, so the page never breaks because guide content is being edited.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from attunement.analysis.model import SessionAnalysis
from attunement.followup.models import Commitment, MemoryCard
from attunement.followup.services import due_soon, not_talked_through
from attunement.practice import health
from attunement.practice.models import Client, Engagement, Session
from attunement.relationship.health import Health
from attunement.relationship.phase import PHASE_FOCUS, Phase
from attunement.relationship.signs import Sign

log = logging.getLogger(__name__)
MOMENTS = 6  # key moments shown from the last session
SUGGESTIONS = 3  # strategies per sign and phase, questions for the next session
SIGN_QUESTIONS = 2  # questions under each warning sign

# Used only when the guide cannot be loaded: one idea per warning sign, in our own words.
FALLBACK_STRATEGIES: dict[str, str] = {
    "missed-sessions": "Ask openly what makes the sessions hard to keep, without blame.",
    "cadence-gap": "Check whether the agreed rhythm still suits the client's life.",
    "withdrawal": "Slow down, explain what you are doing and why, and ask how the work feels.",
    "surface-talk": "Invite one level deeper with an open question about what it means to them.",
    "reluctance": "Name the hesitation gently and let the client choose the pace.",
    "compliance-without-engagement": "Ask what the client learned from the actions, not only "
    "whether they did them.",
    "coach-working-harder": "Talk less, leave silences, hand the agenda back to the client.",
    "low-checkin": "Ask what would make the next session more useful, and act on it.",
    "checkin-drop": "Mention the change and ask what was different last time.",
    "perfect-checkins": "Invite candid feedback: what is one thing you could do differently?",
    "coach-promises-overdue": "Keep the promise before the session, or say when you will.",
    "prediction-gap": "Ask how the session landed before assuming it went well.",
    "concern-not-discussed": "Open the session with what the client asked to talk about, in "
    "their words, and ask what they hope will change.",
}
FALLBACK_QUESTIONS: dict[Phase, tuple[str, ...]] = {
    Phase.INITIAL: (
        "What would make these sessions feel safe enough to say what is really going on?",
        "How will we both know this coaching is working for you?",
    ),
    Phase.DEEPENING: (
        "What pattern do you notice when this keeps happening?",
        "How much challenge from me is useful right now?",
    ),
    Phase.MATURE: (
        "How has the way we work together changed since we started?",
        "What does our relationship show you about how you relate to others?",
    ),
}


@dataclass
class Suggestion:
    title: str
    detail: str = ""
    section: str = ""  # the guide section explaining it, for a link
    why: tuple[str, ...] = ()  # what it was chosen for: a barrier, the style, the sign


@dataclass
class Profile:
    """The client's newest barrier profile (``attunement.library``), if the coach made one."""

    barriers: list[str] = field(default_factory=list)  # rated 2 or 3 of 3
    client_type: str | None = None
    style: str = ""  # the client's communication style (practice.Client), free text


@dataclass
class SignPlan:
    sentence: str
    rule: str
    strategies: list[Suggestion] = field(default_factory=list)
    questions: list[Suggestion] = field(default_factory=list)


@dataclass
class Advice:
    """What the guide suggests for this client now: under each sign, for the phase, for the
    barrier profile, and questions for the next session."""

    signs: list[SignPlan]
    questions: list[Suggestion]
    for_barriers: list[Suggestion]
    for_phase: list[Suggestion]
    phase_section: str  # the guide section on the phase, "" without the guide
    from_guide: bool
    profile: Profile


@dataclass
class Preparation:
    client: Client
    engagement: Engagement
    health: Health
    phase_focus: str
    last_session: Session | None
    moments: list[dict[str, Any]]
    due: list[Commitment]
    remembered: list[MemoryCard]
    signs: list[SignPlan]
    questions: list[Suggestion]
    from_guide: bool
    today: date
    for_barriers: list[Suggestion] = field(default_factory=list)
    analysed: bool = False  # the last session has a finished analysis
    for_phase: list[Suggestion] = field(default_factory=list)
    phase_section: str = ""
    profile: Profile = field(default_factory=Profile)
    # The client's actions done without talking about what they learned: ask about them.
    to_talk_through: list[Commitment] = field(default_factory=list)


def key_moments(result: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The notable findings of a finished analysis's ``result``, in transcript order."""
    if not result:
        return []
    markers = SessionAnalysis.from_dict(result).markers  # already in turn order
    return [
        {"note": m.note, "turn": (m.turns[0] if m.turns else 0) + 1} for m in markers if m.notable
    ][:MOMENTS]


def profile_for(client: Client) -> Profile:
    assessments = getattr(client, "barrier_assessments", None)  # absent without the library
    newest = assessments.order_by("-created", "-id").first() if assessments is not None else None
    if newest is None:
        return Profile(style=client.communication_style)
    barriers = [b for b, rating in (newest.ratings or {}).items() if int(rating) >= 2]
    return Profile(barriers, newest.client_type or None, client.communication_style)


def _strategy(found: Any) -> Suggestion:
    return Suggestion(found.title, found.summary, found.section)


def _question(pick: Any) -> Suggestion:
    return Suggestion(pick.question.text, why=pick.why)


def _guide_advice(signs: list[SignPlan], phase: Phase, profile: Profile) -> Advice | None:
    """Fill the signs' strategies and questions and choose the rest from the guide. None if the
    guide cannot be loaded (its content is being edited, or a file is broken)."""
    try:
        from attunement import guide
        from attunement.guide.fit import ClientFit, pick_questions

        fit = {"phase": phase.value, "client_type": profile.client_type, "limit": SUGGESTIONS}
        client = ClientFit(phase.value, profile.client_type, tuple(profile.barriers), profile.style)
        shown: list[str] = []  # a question is suggested once on a page
        for plan in signs:
            found = guide.strategies_for(sign=plan.rule, **fit)
            plan.strategies = [_strategy(s) for s in found] or _fallback_strategy(plan.rule)
            picks = pick_questions(client, sign=plan.rule, limit=SIGN_QUESTIONS, exclude=shown)
            shown += [p.question.id for p in picks]
            plan.questions = [_question(p) for p in picks]
        barriers = (
            guide.strategies_for(barriers=profile.barriers, **fit) if profile.barriers else []
        )
        questions = pick_questions(client, limit=SUGGESTIONS, exclude=shown)
        return Advice(
            signs,
            [_question(p) for p in questions],
            [_strategy(s) for s in barriers],
            [_strategy(s) for s in guide.strategies_for(**fit)],
            guide.load().phase(phase.value).section,
            True,
            profile,
        )
    except Exception as error:  # the page must still render; the log says why
        log.warning("guide unavailable for suggestions: %s", error)
        return None


def _fallback_strategy(rule: str) -> list[Suggestion]:
    idea = FALLBACK_STRATEGIES.get(rule)
    return [Suggestion(idea)] if idea else []


def _fallback_advice(signs: list[SignPlan], phase: Phase, profile: Profile) -> Advice:
    for plan in signs:
        plan.strategies = _fallback_strategy(plan.rule)
    questions = [Suggestion(q) for q in FALLBACK_QUESTIONS[phase]]
    return Advice(signs, questions, [], [], "", False, profile)


def advice_for(client: Client, signs: Sequence[Sign], phase: Phase) -> Advice:
    """Strategies and questions for these warning signs and this phase, chosen for the client's
    barrier profile and communication style (the reasons page and the preparation page)."""
    plans = [SignPlan(s.sentence, s.rule) for s in signs]
    profile = profile_for(client)
    return _guide_advice(plans, phase, profile) or _fallback_advice(plans, phase, profile)


def _open_signs(client: Client, state: Health, now: datetime) -> list[Sign]:
    """The health signs, and the reminder of a concern the client raised and still waits."""
    from attunement.checkins.services import concern_sign  # the app builds on practice

    waiting = concern_sign(client, now)
    return [*state.reasons, *([waiting] if waiting else [])]


def preparation_for(client: Client, engagement: Engagement, now: datetime) -> Preparation:
    today = now.date()
    state = health.health_for(engagement, now)
    held = engagement.sessions.filter(status=Session.Status.HELD, when__lte=now)  # type: ignore[attr-defined]
    last = held.order_by("-when", "-id").first()
    analysis = last.latest_analysis() if last else None
    result = analysis.result if analysis else None  # empty until the analysis is finished
    advice = advice_for(client, _open_signs(client, state, now), state.phase)
    return Preparation(
        client=client,
        engagement=engagement,
        health=state,
        phase_focus=PHASE_FOCUS[state.phase],
        last_session=last,
        moments=key_moments(result),
        due=due_soon(client, today),
        remembered=list(client.memory_cards.filter(confirmed=True).order_by("kind", "created")),  # type: ignore[attr-defined]
        signs=advice.signs,
        questions=advice.questions,
        from_guide=advice.from_guide,
        today=today,
        for_barriers=advice.for_barriers,
        analysed=bool(result),
        for_phase=advice.for_phase,
        phase_section=advice.phase_section,
        profile=advice.profile,
        to_talk_through=not_talked_through(client, today),
    )
