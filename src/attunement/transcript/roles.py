"""Who is the coach: given by the user, or judged from how each speaker talks.

A coach usually asks most of the questions and opens the session; speaking less and closing it
count for less. Each cue is weighed, the two speakers with the most words are compared, and the
reader refuses to guess when the cues do not point clearly one way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from attunement.errors import RoleError, TranscriptError
from attunement.transcript.model import Conversation, Role
from attunement.transcript.segments import UNKNOWN_SPEAKER

MIN_CONFIDENCE = 0.2
_QUESTION_RUN = re.compile(r"\?+")
_COACH_NAME = re.compile(r"\bcoach\b", re.IGNORECASE)
_CLIENT_NAME = re.compile(r"\b(?:client|coachee)\b", re.IGNORECASE)
# How much each cue counts; they add up to 1, so a score is a share of the evidence.
# Calibrated on the AnnoMI and ESConv dev sets (counselling and support talk, not coaching):
# the questioner was the helper in ~90% of sessions, who opens in ~70%, while "speaks less"
# held in under half, so it only breaks near-ties. With these weights 83 of 84 AnnoMI and
# 148 of 162 ESConv sessions above MIN_CONFIDENCE were assigned correctly; the rest refused.
_WEIGHT_QUESTIONS = 0.7
_WEIGHT_LISTENING = 0.1
_WEIGHT_OPENS = 0.1
_WEIGHT_CLOSES = 0.1


@dataclass(frozen=True, slots=True)
class SpeakerStats:
    name: str
    words: int
    questions: int


def assign_roles(
    conversation: Conversation, *, coach: str | None = None, client: str | None = None
) -> Conversation:
    """The conversation with every turn's role set and ``metadata["roles"]`` telling how."""
    speakers = conversation.speakers
    if len(speakers) < 2:
        who = f"only {speakers[0]}" if speakers else "nobody"
        raise TranscriptError(
            f"The transcript has one speaker ({who}), so there is no coach and client to tell apart",
            "check that the export kept the speaker names of both people",
        )
    coach, client = (coach or "").strip() or None, (client or "").strip() or None
    if coach is None and client is None:
        return _with_roles(conversation, **_decide(conversation))
    return _with_roles(conversation, **_explicit(conversation, coach, client))


def _explicit(conversation: Conversation, coach: str | None, client: str | None) -> dict[str, Any]:
    speakers = conversation.speakers
    coach_name = match_speaker(coach, speakers, "--coach") if coach else None
    client_name = match_speaker(client, speakers, "--client") if client else None
    if coach_name is not None and coach_name == client_name:
        raise RoleError(
            f"{coach_name} was given as both coach and client", "pass two different speakers"
        )
    coach_name, client_name = _complete_pair(conversation, coach_name, client_name)
    if coach and client:
        reason = "you named the coach and client"
    else:
        reason = "you named one of them; the other is the most talkative remaining speaker"
    return {
        "coach": coach_name,
        "client": client_name,
        "method": "explicit",
        "confidence": 1.0,
        "reasons": [reason],
    }


def match_speaker(name: str, speakers: tuple[str, ...], option: str) -> str:
    """The speaker ``name`` means: exact, then case-insensitive, then a unique first-word match."""
    wanted = " ".join(name.split()).casefold()
    exact = [s for s in speakers if s.casefold() == wanted]
    partial = [
        s
        for s in speakers
        if s.casefold().split()[:1] == [wanted] or s.casefold().startswith(wanted + " ")
    ]
    found = exact or partial
    if len(found) == 1:
        return found[0]
    listed = ", ".join(speakers)
    raise RoleError(
        f"No single speaker called {name!r} is in the transcript (its speakers are {listed})",
        f"pass {option} with one of those names",
        speakers,
    )


def _complete_pair(
    conversation: Conversation, coach: str | None, client: str | None
) -> tuple[str, str]:
    # Unnamed speech is the last choice for the missing role (stable sort keeps word order).
    stats = sorted(speaker_stats(conversation), key=lambda s: s.name == UNKNOWN_SPEAKER)
    if coach is None:
        coach = next(s.name for s in stats if s.name != client)
    if client is None:
        client = next(s.name for s in stats if s.name != coach)
    return coach, client


def speaker_stats(conversation: Conversation) -> list[SpeakerStats]:
    """Words and questions per speaker, most words first."""
    words: dict[str, int] = {}
    questions: dict[str, int] = {}
    for turn in conversation.turns:
        words[turn.speaker] = words.get(turn.speaker, 0) + count_words(turn.text)
        questions[turn.speaker] = questions.get(turn.speaker, 0) + len(
            _QUESTION_RUN.findall(turn.text)
        )
    stats = [SpeakerStats(name, words[name], questions[name]) for name in words]
    return sorted(stats, key=lambda s: (-s.words, s.name))


def count_words(text: str) -> int:
    # Readers leave single spaces between words, so counting spaces avoids a list per turn.
    return text.count(" ") + 1 if text.strip() else 0


def _decide(conversation: Conversation) -> dict[str, Any]:
    stats = speaker_stats(conversation)
    named = _decide_by_label(stats)
    if named is not None:
        return named
    first, second = _candidates(stats)
    named = _decide_by_names(first.name, second.name)
    if named is not None:
        return named
    score = _coach_score(conversation, first, second)
    coach, client = (first, second) if score >= 0.5 else (second, first)
    confidence = round(abs(2 * score - 1), 2)
    if confidence < MIN_CONFIDENCE:
        raise RoleError(
            f"Could not tell whether {first.name} or {second.name} is the coach: they ask questions and talk in similar measure (confidence {confidence:.2f})",
            f"pass --coach NAME with one of {', '.join(conversation.speakers)}",
            conversation.speakers,
        )
    reasons = _reasons(conversation, coach, client)
    return {
        "coach": coach.name,
        "client": client.name,
        "method": "auto",
        "confidence": confidence,
        "reasons": reasons,
    }


def _candidates(stats: list[SpeakerStats]) -> tuple[SpeakerStats, SpeakerStats]:
    """The two most talkative speakers, passing over unnamed speech when two named ones exist."""
    named = [s for s in stats if s.name != UNKNOWN_SPEAKER]
    pool = named if len(named) >= 2 else stats
    return pool[0], pool[1]


def _decide_by_label(stats: list[SpeakerStats]) -> dict[str, Any] | None:
    """The one speaker labelled coach, even if they say little (a session with three people);
    the client is the speaker labelled client, else the most talkative other named speaker."""
    coaches = [
        s.name for s in stats if _COACH_NAME.search(s.name) and not _CLIENT_NAME.search(s.name)
    ]
    others = [s.name for s in stats if s.name not in coaches and s.name != UNKNOWN_SPEAKER]
    if len(coaches) != 1 or not others:
        return None
    clients = [name for name in others if _CLIENT_NAME.search(name)]
    return _decide_by_names(coaches[0], (clients or others)[0])


def _decide_by_names(a: str, b: str) -> dict[str, Any] | None:
    for coach, client in ((a, b), (b, a)):
        if (
            _COACH_NAME.search(coach)
            and not _COACH_NAME.search(client)
            and not _CLIENT_NAME.search(coach)
        ):
            reason = f"the speaker is called {coach!r}"
            return {
                "coach": coach,
                "client": client,
                "method": "auto",
                "confidence": 1.0,
                "reasons": [reason],
            }
    return None


def _coach_score(conversation: Conversation, a: SpeakerStats, b: SpeakerStats) -> float:
    """How much the evidence says ``a`` (rather than ``b``) is the coach, from 0 to 1."""
    asked = a.questions + b.questions
    question_share = a.questions / asked if asked else 0.5
    spoken = a.words + b.words
    listening_share = 1 - a.words / spoken if spoken else 0.5
    pair = [t.speaker for t in conversation.turns if t.speaker in (a.name, b.name)]
    opens = 1.0 if pair[0] == a.name else 0.0
    closes = 1.0 if pair[-1] == a.name else 0.0
    return (
        _WEIGHT_QUESTIONS * question_share
        + _WEIGHT_LISTENING * listening_share
        + _WEIGHT_OPENS * opens
        + _WEIGHT_CLOSES * closes
    )


def _reasons(conversation: Conversation, coach: SpeakerStats, client: SpeakerStats) -> list[str]:
    asked = coach.questions + client.questions
    spoken = coach.words + client.words
    pair = [t.speaker for t in conversation.turns if t.speaker in (coach.name, client.name)]
    reasons = [f"{coach.name} asked {coach.questions} of the {asked} questions"] if asked else []
    reasons.append(f"{coach.name} spoke {round(100 * coach.words / max(spoken, 1))}% of the words")
    if pair[0] == coach.name:
        reasons.append(f"{coach.name} opened the session")
    if pair[-1] == coach.name:
        reasons.append(f"{coach.name} closed the session")
    return reasons


def _with_roles(conversation: Conversation, *, coach: str, client: str, **how: Any) -> Conversation:
    roles: Mapping[str, Role] = {coach: Role.COACH, client: Role.CLIENT}
    metadata = {**conversation.metadata, "roles": {"coach": coach, "client": client, **how}}
    return replace(conversation.with_roles(roles), metadata=metadata)


def roles_from_file(conversation: Conversation) -> Conversation | None:
    """Keep the roles a JSON file already gives (both a coach and a client), else None."""
    coach = conversation.speaker_for(Role.COACH)
    client = conversation.speaker_for(Role.CLIENT)
    if coach is None or client is None:
        return None
    if isinstance(conversation.metadata.get("roles"), Mapping):
        return conversation
    how = {
        "method": "explicit",
        "confidence": 1.0,
        "reasons": ["the file gives each speaker's role"],
    }
    metadata = {**conversation.metadata, "roles": {"coach": coach, "client": client, **how}}
    return replace(conversation, metadata=metadata)
