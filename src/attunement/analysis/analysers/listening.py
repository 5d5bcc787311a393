"""Levels of listening: each coach turn placed at level 1, 2 or 3, with the reason.

- Level 1, the coach's own world: their story, advice, opinions, or a switch to their own topic.
- Level 2, focused on the client: reflecting and following up on the client's own words.
- Level 3, global: naming emotion or energy, what is unsaid, patterns across the session, or a
  shift in the client.

The coach's moves (from the ``moves`` analyser, when it ran) sharpen the call; without them the
phrases and the overlap with the client's last words decide.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from dataclasses import dataclass
from typing import Any, ClassVar

from attunement.analysis.analysers._connection_util import (
    TaggedPattern,
    content_words,
    lexicon,
    phrase_pattern,
    quoted_sentence,
    share,
)
from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.analysis.text import folded
from attunement.analysis.text import words as split_words
from attunement.transcript.model import Role

LEX = lexicon("listening.json")
CUES = TaggedPattern(
    {
        f"{level}:{kind}": phrases
        for level in ("level1", "level2", "level3")
        for kind, phrases in LEX[level].items()
    }
)
# Greetings, thanks and goodbyes keep the relationship but start no topic, and asking how the
# session went asks the client's view: neither is a switch to the coach's own topic.
RITUAL = TaggedPattern({k: v for k, v in LEX["ritual"].items() if not k.startswith("_")})
# A ritual turn may carry a couple of other content words ("Thanks, Maya, really useful").
RITUAL_LEFTOVER_WORDS = 2
FEELING = phrase_pattern(LEX["feeling"], ignore_case=False)
# "You seem frustrated", and the feeling named as the weight of what the client carries: "that's
# a lonely place to be", "it must have been frightening".
YOU_FEEL = phrase_pattern(
    [
        "you(?:'re| are| feel| felt| seem| sound)(?: \\w+)?",
        "(?:that|it)(?:'s| is| must be| must have been| sounds)(?: a| so| really)?",
    ],
    ignore_case=False,
)
# Moves that put the coach's own material first, and moves that stay with the client's words.
SELF_MOVES = {"advice": "advice", "self_disclosure": "own_story", "judging": "own_view"}
CLIENT_MOVES = {
    "reflection",
    "summary",
    "facilitation",
    "question",
    "affirmation",
    "feedback_invite",
}
# A coach question that shares no words with a long client turn moves to a new topic, unless
# it points back at what the client said ("Which of them are you drawn to?", "What would it take
# to feel solid with this?", "Please, go ahead").
SWITCH_AFTER_CLIENT_WORDS = 15
SWITCH_MIN_COACH_WORDS = 6
POINTS_BACK = frozenset(
    {"this", "that", "these", "those", "them", "it", "there", "said", "saying", "ahead"}
    | {"he", "she", "they", "him", "her", "which", "either", "both"}
)
# "Yes, let's." or "Of course." takes up what the client asked for before asking anything.
CONSENT = re.compile(r"^\W*(?:yes|sure|of course|please|absolutely|by all means)\b", re.IGNORECASE)
# "I see", "Right", "Okay" keep the client talking only when they are (nearly) the whole turn:
# "What I see is someone who won't act" or "Right, let's get going" are something else.
MINIMAL_LEFTOVER_WORDS = 3
# A feeling the client named in their last few turns, said back, is a reflection (level 2).
RECENT_CLIENT_TURNS = 6
MIN_LEVEL1_RUN = 3
LEVELS = (1, 2, 3)
KIND_REASONS = {
    "own_story": "the coach's own story",
    "advice": "advice or a suggestion",
    "own_view": "the coach's own view",
    "topic_switch": "a switch to another topic",
    "emotion_energy": "attends to the client's emotion or energy",
    "unsaid": "reaches for what is not being said",
    "pattern": "points to a pattern across the session",
    "shift": "notices a shift in the client",
    "whole_person": "turns to what matters to the client as a person",
    "reflection": "reflects the client's words",
    "follow_up": "follows up on what the client said",
    "minimal": "keeps the client talking",
    "client_focus": "asks about the client's own view or plans",
    "session_feedback": "asks how the session is going for the client",
}


@dataclass(frozen=True, slots=True)
class LevelCall:
    level: int
    reason: str
    evidence: tuple[str, ...]


def place_turn(
    text: str,
    words: tuple[str, ...],
    client_before: frozenset[str],
    client_words: int,
    move: str | None,
    client_recent: frozenset[str] = frozenset(),
) -> LevelCall | None:
    """The listening level of one coach turn from its phrases, its move and its overlap with
    the client's last words; ``None`` for a greeting, thanks or goodbye, which has no level.
    ``client_recent`` holds the words of the client's last few turns, as said."""
    hits = CUES.find(text)
    cued = _cued_call(text, hits, move, client_recent)
    if cued is not None:
        return cued
    return _uncued_call(text, words, hits, client_before, client_words, move)


def _cued_call(
    text: str, hits: list[tuple[str, str]], move: str | None, client_recent: frozenset[str]
) -> LevelCall | None:
    """Level 1 or 3 when the turn's phrases or its move speak for one of them (a tie between
    the two is level 2); ``None`` when neither does."""
    level1 = [(tag, w) for tag, w in hits if tag.startswith("level1")]
    level3 = [(tag, w) for tag, w in hits if tag.startswith("level3")]
    if not any(tag == "level1:own_view" for tag, _ in level1):
        # "Here's what I think is going on: you're scared" is the coach's verdict, not attunement.
        level3 += _named_feelings(text, client_recent)
    if move in SELF_MOVES and not level1:
        level1 = [(f"level1:{SELF_MOVES[move]}", quoted_sentence(text))]
    if not (level1 or level3):
        return None
    if len(level3) > len(level1):
        return _call(3, level3)
    if len(level1) > len(level3):
        return _call(1, level1)
    return LevelCall(2, "mixes the coach's own material with attention to the client", ())


def _uncued_call(
    text: str,
    words: tuple[str, ...],
    hits: list[tuple[str, str]],
    client_before: frozenset[str],
    client_words: int,
    move: str | None,
) -> LevelCall | None:
    """Level 2 or 1 for a turn no level-1 or level-3 phrase decided: following the client's
    words, a ritual (no level), a change of topic, or the coach's own plan."""
    level2 = [
        (tag, w)
        for tag, w in hits
        if tag.startswith("level2") and (tag != "level2:minimal" or _only_encouragement(text, w))
    ]
    if level2:
        return _call(2, level2)
    echoed = sorted(content_words(words) & client_before)
    if echoed:
        return LevelCall(2, "picks up the client's words", tuple(echoed[:5]))
    ritual = ritual_kind(text)
    if ritual == "session_feedback":
        return LevelCall(2, KIND_REASONS["session_feedback"], ())
    if ritual:
        return None
    if _switches_topic(text, words, client_words):
        return LevelCall(
            1, KIND_REASONS["topic_switch"] + " without picking up the client's words", ()
        )
    if move in CLIENT_MOVES or "you" in words or "your" in words:
        return LevelCall(2, "addresses the client", ())
    return LevelCall(
        1, "about the coach's own plan or topic, with no link to the client's words", ()
    )


def ritual_kind(text: str) -> str | None:
    """``"session_feedback"`` when the turn asks how the session went, ``"ritual"`` for a
    greeting, thanks or goodbye, ``None`` otherwise. The phrases must make up nearly all of the
    turn: "Thanks, and where does the budget stand now?" still opens a topic."""
    hits = [(tag, phrase) for tag, phrase in RITUAL.find(text) if tag]
    if not hits:
        return None
    rest = folded(text)
    for _, phrase in hits:
        rest = rest.replace(phrase, " ")
    if len(content_words(split_words(rest))) > RITUAL_LEFTOVER_WORDS:
        return None
    return "session_feedback" if any(t == "session_feedback" for t, _ in hits) else "ritual"


def _named_feelings(text: str, client_recent: frozenset[str]) -> list[tuple[str, str]]:
    """'You seem frustrated': the coach names a feeling the client has not named. Giving back a
    feeling word the client just used ("I felt angry" - "So you felt angry") is a reflection of
    their words, level 2."""
    found: list[tuple[str, str]] = []
    text = text.lower()
    for match in YOU_FEEL.finditer(text):
        tail = text[match.end() : match.end() + 40]
        said = match.group(0)
        feeling = FEELING.search(said)
        if feeling is None and (feeling := FEELING.match(tail.strip())) is not None:
            said = f"{said} {feeling.group(0)}"  # quote the feeling: "that's a lonely"
        if feeling and feeling.group(0) not in client_recent:
            found.append(("level3:emotion_energy", said))
    return found


def _only_encouragement(text: str, phrase: str) -> bool:
    """Whether an encourager ("Mm-hmm", "I see", "Go on") is nearly all the turn says."""
    rest = folded(text).replace(phrase, " ", 1)
    return len(split_words(rest)) <= MINIMAL_LEFTOVER_WORDS


def _switches_topic(text: str, words: tuple[str, ...], client_words: int) -> bool:
    return (
        client_words >= SWITCH_AFTER_CLIENT_WORDS
        and len(words) >= SWITCH_MIN_COACH_WORDS
        and text.rstrip().endswith("?")
        and not POINTS_BACK.intersection(words)
        and not CONSENT.match(text)
    )


def _call(level: int, hits: list[tuple[str, str]]) -> LevelCall:
    kinds = dict.fromkeys(tag.split(":")[1] for tag, _ in hits)
    reason = "; ".join(KIND_REASONS.get(kind, kind.replace("_", " ")) for kind in kinds)
    return LevelCall(level, reason, tuple(dict.fromkeys(w for _, w in hits)))


def coach_moves(ctx: AnalysisContext) -> dict[int, str]:
    """The main move of each coach turn, when the moves analyser ran."""
    moves = ctx.results.get("moves")
    if moves is None:
        return {}
    return {i: str(label.get("main")) for i, label in moves.turn_labels.items()}


class ListeningAnalyser:
    name: ClassVar[str] = "listening"
    version: ClassVar[str] = "1.4"
    needs: ClassVar[tuple[str, ...]] = ("roles",)
    uses: ClassVar[tuple[str, ...]] = ("moves",)
    produces: ClassVar[tuple[str, ...]] = ("listening_levels",)
    description: ClassVar[str] = (
        "Each coach turn at listening level 1 (own agenda), 2 (the client's words) or 3 "
        "(emotion, pattern, the unsaid), with the reason, the mix and its course over the session."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        calls = self.place_turns(ctx)
        labels = {
            i: {"level": c.level, "reason": c.reason, "evidence": list(c.evidence)}
            for i, c in calls.items()
        }
        return result(
            self,
            metrics=listening_metrics(calls, len(ctx.turns)),
            markers=tuple(listening_markers(self.name, calls)),
            turn_labels=labels,
        )

    def place_turns(self, ctx: AnalysisContext) -> dict[int, LevelCall]:
        moves = coach_moves(ctx)
        client_before: frozenset[str] = frozenset()
        client_words = 0
        recent: deque[tuple[str, ...]] = deque(maxlen=RECENT_CLIENT_TURNS)
        # The words of the client's last few turns, gathered once per client turn rather than
        # for every coach turn after it.
        recent_words: frozenset[str] = frozenset()
        calls: dict[int, LevelCall] = {}
        for turn in ctx.turns:
            words = ctx.texts[turn.index].words
            if turn.role == Role.CLIENT:
                client_before, client_words = content_words(words), len(words)
                recent.append(words)
                recent_words = frozenset().union(*recent)
            elif turn.role == Role.COACH:
                call = place_turn(
                    turn.text,
                    words,
                    client_before,
                    client_words,
                    moves.get(turn.index),
                    recent_words,
                )
                if call is not None:
                    calls[turn.index] = call
        return calls


def listening_metrics(calls: dict[int, LevelCall], n_turns: int) -> dict[str, Any]:
    counts = Counter(call.level for call in calls.values())
    total = len(calls)
    return {
        "coach_turns": total,
        "levels": {str(level): counts.get(level, 0) for level in LEVELS},
        "shares": {str(level): share(counts.get(level, 0), total) for level in LEVELS},
        "course": level_course(calls, n_turns),
    }


def level_course(calls: dict[int, LevelCall], n_turns: int) -> list[dict[str, Any]]:
    """The share of each level in each third of the session."""
    course = []
    for k in range(3):
        start, end = round(k * n_turns / 3), round((k + 1) * n_turns / 3) - 1
        inside = Counter(call.level for i, call in calls.items() if start <= i <= end)
        total = sum(inside.values())
        course.append(
            {
                "start_turn": start,
                "end_turn": end,
                **{str(level): share(inside.get(level, 0), total) for level in LEVELS},
            }
        )
    return course


def listening_markers(name: str, calls: dict[int, LevelCall]) -> list[Marker]:
    markers = [
        Marker(
            name,
            "level3",
            (i,),
            f"Listening beyond the words here: the coach {call.reason}.",
            call.evidence,
            Layer.LISTENING_INQUIRY,
            notable=True,
            guide="levels-of-listening",
        )
        for i, call in calls.items()
        if call.level == 3
    ]
    markers += _level1_runs(name, calls)
    # Only a real change of subject: a turn of the coach's own plan with no link to the client's
    # words ("She won't. Trust me.") answers the client, however badly; it switches nothing.
    switches = tuple(
        i
        for i, call in calls.items()
        if call.level == 1 and call.reason.startswith(KIND_REASONS["topic_switch"])
    )
    if switches:
        markers.append(
            Marker(
                name,
                "topic_switch",
                switches,
                "The coach moved to another topic "
                "here without picking up what the client had just said.",
                (),
                Layer.LISTENING_INQUIRY,
                guide="levels-of-listening",
            )
        )
    return markers


def _level1_runs(name: str, calls: dict[int, LevelCall]) -> list[Marker]:
    """Stretches of several coach turns in a row at level 1."""
    markers: list[Marker] = []
    run: list[int] = []
    for i in [*sorted(calls), None]:
        if i is not None and calls[i].level == 1:
            run.append(i)
            continue
        if len(run) >= MIN_LEVEL1_RUN:
            evidence = tuple(dict.fromkeys(w for j in run for w in calls[j].evidence))[:8]
            markers.append(
                Marker(
                    name,
                    "level1_stretch",
                    tuple(run),
                    f"{len(run)} coach turns in a "
                    "row centre on the coach's own material (advice, story, agenda). "
                    "What was the client doing meanwhile?",
                    evidence,
                    Layer.LISTENING_INQUIRY,
                    notable=True,
                    guide="levels-of-listening",
                )
            )
        run = []
    return markers


@hookimpl
def attunement_analysers() -> list[ListeningAnalyser]:
    return [ListeningAnalyser()]
