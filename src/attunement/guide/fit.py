"""Questions from the bank chosen for one client: their barrier profile, their communication
style, the phase and (optionally) a warning sign, each pick with the reasons it was chosen.

``questions_for`` filters by phase and client type only; this module ranks what it keeps by
what the coach recorded about the client. Pure Python (no Django), so the preparation page and
the reasons page choose the same way and tests use tiny hand-written questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from attunement.guide.loader import load
from attunement.guide.model import Guide, Question
from attunement.guide.select import questions_for

# Question tags that suit each barrier source (tags as in content/questions.toml): ways in that
# lower the stakes for the fearful, hand control back to the autonomous, make trust explicit.
BARRIER_TAGS: dict[str, frozenset[str]] = {
    "fear-of-vulnerability": frozenset({"gentle", "permission", "safety", "strengths"}),
    "self-protection": frozenset({"gentle", "permission", "competence", "strengths"}),
    "lack-of-trust": frozenset({"trust", "doubt", "safety", "contracting", "process"}),
    "goal-misalignment": frozenset({"goals", "contracting", "vision", "values"}),
    "past-betrayal": frozenset({"trust", "doubt", "safety", "permission"}),
    "cultural-identity": frozenset({"culture", "norms", "permission"}),
    "control-autonomy": frozenset({"permission", "competence", "independence", "strengths"}),
}

# Question types and tags that answer each warning sign (rule ids of relationship/rules.py).
SIGN_QUESTIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "missed-sessions": (frozenset({"meta-conversation"}), frozenset({"contracting", "process"})),
    "cadence-gap": (frozenset({"meta-conversation"}), frozenset({"contracting", "goals"})),
    "withdrawal": (frozenset({"meta-conversation"}), frozenset({"relationship", "gentle"})),
    "surface-talk": (frozenset({"exploration"}), frozenset({"meaning", "opening"})),
    "reluctance": (frozenset(), frozenset({"gentle", "permission", "curiosity"})),
    "compliance-without-engagement": (
        frozenset({"check-in"}),
        frozenset({"between-sessions", "learning"}),
    ),
    "coach-working-harder": (frozenset({"exploration"}), frozenset({"opening", "strengths"})),
    "low-checkin": (frozenset({"meta-conversation"}), frozenset({"relationship", "contracting"})),
    "checkin-drop": (frozenset({"meta-conversation"}), frozenset({"relationship", "process"})),
    "perfect-checkins": (frozenset({"meta-conversation"}), frozenset({"candour", "relationship"})),
    "coach-promises-overdue": (frozenset({"meta-conversation"}), frozenset({"trust"})),
    "prediction-gap": (frozenset({"check-in"}), frozenset({"learning", "relationship"})),
    "concern-not-discussed": (frozenset({"meta-conversation"}), frozenset({"relationship"})),
    "checkin-decline": (frozenset({"meta-conversation"}), frozenset({"relationship", "process"})),
    "shallow-listening": (frozenset({"exploration"}), frozenset({"meaning", "opening"})),
    # Fewer, more open questions rather than more of them.
    "coach-question-load": (frozenset({"exploration"}), frozenset({"opening", "strengths"})),
}


@dataclass(frozen=True, slots=True)
class StyleCue:
    """Words in a free-text communication style and the questions they point to."""

    name: str
    pattern: re.Pattern[str]
    types: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()


def _cue(name: str, words: str, types: str = "", tags: str = "") -> StyleCue:
    pattern = re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
    return StyleCue(name, pattern, frozenset(types.split()), frozenset(tags.split()))


STYLE_CUES: tuple[StyleCue, ...] = (
    _cue("visual", r"visual|pictures?|diagrams?|images?|draw\w*|sketch\w*|see", tags="visual"),
    _cue("auditory", r"aloud|out loud|talk\w* (?:it )?through|verbal|hear\w*|listen\w*",
         tags="auditory"),
    _cue("kinesthetic", r"gut|hands-on|body|physical|feel\w*", tags="kinesthetic"),
    _cue("direct", r"direct|blunt|straight|challeng\w*|candid|frank",
         types="assumption-challenging", tags="candour"),
    _cue("reflective", r"reflective|time to think|needs time|quiet|slow\w*|pauses?|silences?",
         tags="meaning gentle"),
    _cue("concrete", r"brief|concrete|practical|next steps?|actions?|results?|to the point",
         types="future-focused", tags="results success"),
    _cue("gentle", r"gentle|gently|sensitive|soft\w*|careful|cautious", tags="gentle permission"),
)  # fmt: skip

# A cue preceded closely by one of these is the opposite of a preference ("dislikes challenge").
_NEGATION = re.compile(
    r"\b(?:not|no|never|dislikes?|avoids?|hates?|doesn't|don't|without|less)\W+(?:\w+\W+)?$",
    re.IGNORECASE,
)
SIGN_WEIGHT, BARRIER_WEIGHT, STYLE_WEIGHT = 3, 3, 2
REPEAT_PENALTY = 2  # per question already picked from the same group of the bank
REPEAT_DIVISOR = 3  # a reason a pick already serves keeps a third of its points


@dataclass(frozen=True, slots=True)
class ClientFit:
    """What the coach recorded about a client that choosing questions can use."""

    phase: str | None = None
    client_type: str | None = None
    barriers: tuple[str, ...] = ()  # barrier ids rated as present
    style: str = ""  # the client's communication style, free text


@dataclass(frozen=True, slots=True)
class Pick:
    question: Question
    why: tuple[str, ...]  # short reasons, e.g. "lack of trust", "style: direct"


def style_cues(style: str) -> tuple[StyleCue, ...]:
    """The cues a communication style mentions, in STYLE_CUES order, negated ones left out."""
    return tuple(cue for cue in STYLE_CUES if _mentions(cue, style))


def _mentions(cue: StyleCue, style: str) -> bool:
    return any(not _NEGATION.search(style[: m.start()]) for m in cue.pattern.finditer(style))


def _reasons(
    question: Question, fit: ClientFit, sign: str | None, titles: dict[str, str]
) -> list[tuple[int, str]]:
    """(points, reason) for each way the question suits the client or the sign."""
    tags = set(question.tags)
    found = []
    if sign in SIGN_QUESTIONS:
        types, sign_tags = SIGN_QUESTIONS[sign]
        if question.type in types or tags & sign_tags:
            found.append((SIGN_WEIGHT, "this warning sign"))
    found += [
        (BARRIER_WEIGHT, titles.get(barrier, barrier.replace("-", " ")).lower())
        for barrier in fit.barriers
        if tags & BARRIER_TAGS.get(barrier, frozenset())
    ]
    found += [
        (STYLE_WEIGHT, f"style: {cue.name}")
        for cue in style_cues(fit.style)
        if question.type in cue.types or tags & cue.tags
    ]
    return found


def _fit_points(question: Question, fit: ClientFit) -> int:
    points = fit.phase is not None and fit.phase in question.phases
    return points + (fit.client_type is not None and fit.client_type in question.client_types)


@dataclass(slots=True)
class _Candidate:
    question: Question
    base: int  # phase and client type written for this one
    reasons: list[tuple[int, str]]


def _candidates(fit: ClientFit, sign: str | None, guide: Guide) -> list[_Candidate]:
    chosen = []
    titles = {barrier.id: barrier.title for barrier in guide.barriers}
    for question in questions_for(phase=fit.phase, client_type=fit.client_type, guide=guide):
        reasons = _reasons(question, fit, sign, titles)
        # Written for another kind of client: only when the coach's records point to it.
        if question.client_types and fit.client_type is None and not reasons:
            continue
        chosen.append(_Candidate(question, _fit_points(question, fit), reasons))
    return chosen


def _score(candidate: _Candidate, used: set[str], groups: dict[tuple[str, ...], int]) -> int:
    """A reason already served by a pick counts for less, so the picks cover the sign, each
    barrier and the style rather than three times the strongest of them."""
    points = sum(p if why not in used else p // REPEAT_DIVISOR for p, why in candidate.reasons)
    return candidate.base + points - REPEAT_PENALTY * groups.get(_group(candidate.question), 0)


def pick_questions(
    fit: ClientFit,
    *,
    sign: str | None = None,
    limit: int = 3,
    exclude: Sequence[str] = (),
    guide: Guide | None = None,
) -> list[Pick]:
    """A few questions for this client, best first, covering different reasons and groups.

    Ties keep the bank's order, so the same records always give the same questions.
    """
    pool = [c for c in _candidates(fit, sign, guide or load()) if c.question.id not in exclude]
    picked: list[Pick] = []
    used: set[str] = set()
    groups: dict[tuple[str, ...], int] = {}
    while pool and len(picked) < limit:
        best = max(pool, key=lambda c: _score(c, used, groups))  # first of equals wins
        pool.remove(best)
        used.update(why for _, why in best.reasons)
        groups[_group(best.question)] = groups.get(_group(best.question), 0) + 1
        picked.append(Pick(best.question, tuple(why for _, why in best.reasons)))
    return picked


def _group(question: Question) -> tuple[str, ...]:
    return (question.type, *question.tags)
