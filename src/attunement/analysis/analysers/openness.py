"""The client's openness: change and sustain talk, feelings and self-disclosure, reflection
against reporting, resistance signs, goals the client raises, and looking ahead.

Talk type follows the motivational-interviewing key: *change* talk leans towards doing something
differently (desire, ability, reasons, need, commitment, steps already taken), *sustain* talk
leans towards keeping things as they are, everything else is *neutral*. A short "yes" or "no"
takes its meaning from the coach's question before it, so the previous coach turn is read too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, ClassVar

from attunement.analysis.analysers._connection_util import (
    TaggedPattern,
    lexicon,
    phrase_pattern,
    share,
)
from attunement.analysis.analysers._resistance import (
    MIN_GUARDED_RUN,
    is_guarded,
    resistance_markers,
    resistance_signs,
)
from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.transcript.model import Role, Turn

LEX = lexicon("openness.json")
TALK = TaggedPattern(
    {
        **{f"change:{k}": v for k, v in LEX["change"].items() if k != "target"},
        **{f"sustain:{k}": v for k, v in LEX["sustain"].items()},
    }
)
FEATURES = TaggedPattern(
    {
        "feeling": LEX["feeling"],
        "self_disclosure": LEX["self_disclosure"],
        "insight": LEX["insight"],
        "reporting": LEX["reporting"],
        "client_goal": LEX["client_goal"],
        "future": LEX["future"],
    }
)
AFFIRM = re.compile(rf"^\W*(?:{'|'.join(LEX['affirm'])})\b", re.IGNORECASE)
DENY = re.compile(rf"^\W*(?:{'|'.join(LEX['deny'])})\b", re.IGNORECASE)
CHANGE_QUESTION = phrase_pattern(LEX["change_question"], ignore_case=False)
STATUS_QUESTION = phrase_pattern(LEX["status_question"], ignore_case=False)
SCALE_QUESTION = re.compile(r"\bscale\b|\b(?:zero|0|one|1) to (?:ten|10)\b", re.IGNORECASE)
NUMBER = re.compile(
    r"\b(?:(?P<low>zero|one|two|three|[0-3])|(?P<high>four|five|six|seven|eight|nine|ten|[4-9]|10))\b",
    re.IGNORECASE,
)
# A reply this short to a yes/no question carries its meaning in the question.
SHORT_REPLY_WORDS = 6


@dataclass(frozen=True, slots=True)
class TalkCall:
    talk_type: str  # change | sustain | neutral
    evidence: tuple[str, ...]
    reason: str
    phrases: tuple[int, int] = (0, 0)  # change and sustain phrases found in the turn


# Spoken transcripts stutter and contract; phrases are written in plain form.
SPOKEN_FORMS = (
    (re.compile(r"\b(\w+)(?=-)(?:-+\s*\1\b)+", re.IGNORECASE), r"\1"),  # "I-I-I" -> "I"
    (re.compile(r",?\s*\b(?:um+|uh+|er+m?|hmm+)\b[,.]?", re.IGNORECASE), ""),
    (re.compile(r"\b(wan|gon|got)(?:na|ta)\b", re.IGNORECASE), r"\1_to"),
    (re.compile(r",?\s*\byou know\b,?", re.IGNORECASE), ""),
    (re.compile(r"\s{2,}"), " "),
)
SPOKEN_WORDS = {"wan_to": "want to", "gon_to": "going to", "got_to": "got to"}


@lru_cache(maxsize=2048)
def plain_speech(text: str) -> str:
    """The turn with stutters, fillers and spoken contractions smoothed out (cached: the talk
    type and the other features of a turn read the same smoothed text)."""
    for pattern, replacement in SPOKEN_FORMS:
        text = pattern.sub(replacement, text)
    if "_to" in text:
        for short, full in SPOKEN_WORDS.items():
            text = text.replace(short, full)
    return text.strip()


def classify_talk(text: str, word_count: int, coach_before: str) -> TalkCall:
    """Change, sustain or neutral for one client turn, with the words that decided it."""
    text = plain_speech(text)
    hits = TALK.find(text)
    change = [words for tag, words in hits if tag.startswith("change")]
    sustain = [words for tag, words in hits if tag.startswith("sustain")]
    if change or sustain:
        return replace(_weigh(hits, change, sustain), phrases=(len(change), len(sustain)))
    if word_count <= SHORT_REPLY_WORDS and coach_before:
        return _answer_to_question(text, coach_before)
    return TalkCall("neutral", (), "no change or sustain language")


def _weigh(hits: list[tuple[str, str]], change: list[str], sustain: list[str]) -> TalkCall:
    if len(change) > len(sustain):
        return TalkCall("change", tuple(change), "leans towards change: " + _kinds(hits, "change"))
    if len(sustain) > len(change):
        return TalkCall(
            "sustain", tuple(sustain), "leans towards the status quo: " + _kinds(hits, "sustain")
        )
    # As many of each: what the client says last is usually where they land ("yes, but ...").
    last_tag, last_words = hits[-1]
    side = last_tag.split(":")[0]
    return TalkCall(side, (last_words,), "mixed; ends on " + side)


def _kinds(hits: list[tuple[str, str]], side: str) -> str:
    kinds = dict.fromkeys(tag.split(":")[1] for tag, _ in hits if tag.startswith(side))
    return ", ".join(kinds)


def _answer_to_question(text: str, question: str) -> TalkCall:
    """A short reply read against the coach's question: agreeing that change matters is change
    talk, agreeing that the status quo suits them is sustain talk."""
    if SCALE_QUESTION.search(question):
        number = NUMBER.search(text)
        if number:
            side = "change" if number.group("high") else "sustain"
            return TalkCall(side, (number.group(0).lower(),), "answer on the coach's scale")
    lowered = question.lower()
    about_change = bool(CHANGE_QUESTION.search(lowered))
    about_status = bool(STATUS_QUESTION.search(lowered))
    if about_change == about_status:
        return TalkCall("neutral", (), "short reply")
    yes, no = AFFIRM.search(text), DENY.search(text)
    if not (yes or no) or (yes and no):
        return TalkCall("neutral", (), "short reply")
    agrees = bool(yes)
    side = "change" if agrees == about_change else "sustain"
    word = (yes or no).group(0).strip().lower()  # type: ignore[union-attr]
    return TalkCall(
        side,
        (word,),
        f"'{word}' to a question about {'change' if about_change else 'the status quo'}",
    )


def previous_coach_text(turns: tuple[Turn, ...], index: int) -> str:
    """The coach's words just before this turn, if the coach spoke last."""
    if index > 0 and turns[index - 1].role == Role.COACH:
        return turns[index - 1].text
    return ""


# --- Sentence meaning (encoder mode) -------------------------------------------------------
# Each kind of talk is scored by how close the turn is to its nearest examples we wrote
# (mean cosine of the closest few); the phrases found add to their side, and neutral gets a
# head start because most of what clients say is neither. Calibrated on AnnoMI dev (see docs).
NEAREST = 5
PHRASE_WEIGHT = 0.12
PHRASE_CAP = 2
NEUTRAL_HEAD_START = 0.07
SUSTAIN_OFFSET = -0.01
# A client's stance tends to hold for a few turns: the previous turn's change or sustain call
# gets this much extra weight.
STANCE_CARRY = 0.06
TALK_TYPES = ("change", "neutral", "sustain")
_EXAMPLE_VECTORS: dict[str, dict[str, Any]] = {}


def example_vectors(encoder: Any) -> dict[str, Any]:
    """Our example turns per talk type, encoded once per process and encoder."""
    # Keyed by model name: wrappers around one model share the vectors, and the cache stays small.
    key = str(getattr(encoder, "name", type(encoder).__name__))
    if key not in _EXAMPLE_VECTORS:
        examples = lexicon("openness_examples.json")
        from attunement.analysis.prototypes import stored_vectors  # kept on disk between runs

        _EXAMPLE_VECTORS[key] = {
            kind: stored_vectors(examples[kind], encoder) for kind in TALK_TYPES
        }
    return _EXAMPLE_VECTORS[key]


def blend_with_meaning(
    call: TalkCall, change: int, sustain: int, scores: dict[str, float], previous: str = "neutral"
) -> TalkCall:
    """The talk type once the turn's meaning is weighed together with the phrases found and
    the client's previous turn."""
    total = {
        "change": scores["change"] + PHRASE_WEIGHT * min(change, PHRASE_CAP),
        "sustain": scores["sustain"] + SUSTAIN_OFFSET + PHRASE_WEIGHT * min(sustain, PHRASE_CAP),
        "neutral": scores["neutral"] + NEUTRAL_HEAD_START,
    }
    if previous != "neutral":
        total[previous] += STANCE_CARRY
    kind = max(total, key=lambda k: total[k])
    if kind == call.talk_type:
        return call
    reason = f"closest in meaning to {kind} talk" + (f" ({call.reason})" if call.evidence else "")
    return TalkCall(kind, call.evidence if kind != "neutral" else (), reason)


def meaning_scores(vector: Any, examples: dict[str, Any]) -> dict[str, float]:
    import numpy as np

    scores = {}
    for kind, matrix in examples.items():
        similarities = matrix @ vector
        top = (
            np.partition(similarities, -NEAREST)[-NEAREST:]
            if len(similarities) > NEAREST
            else similarities
        )
        scores[kind] = float(top.mean())
    return scores


def phrase_sides(call: TalkCall) -> tuple[int, int]:
    """How many change and sustain phrases the turn holds (a context answer counts as one)."""
    if call.phrases == (0, 0) and call.talk_type != "neutral":
        return (1, 0) if call.talk_type == "change" else (0, 1)
    return call.phrases


# --- The analyser --------------------------------------------------------------------------
def turn_features(text: str, coach_before: str = "") -> dict[str, Any]:
    """Feelings, disclosure, insight, reporting, goals, future and resistance in one turn
    (resistance is read against the coach's turn before it: see ``_resistance``)."""
    plain = plain_speech(text)
    found: dict[str, list[str]] = {}
    for tag, words in FEATURES.find(plain):
        found.setdefault(tag, []).append(words)
    return {
        "feelings": found.get("feeling", []),
        "self_disclosure": found.get("self_disclosure", []),
        "insight": found.get("insight", []),
        "reporting": found.get("reporting", []),
        "goal": found.get("client_goal", []),
        "future": found.get("future", []),
        "resistance": resistance_signs(plain, coach_before),
    }


def label_turn(call: TalkCall, features: dict[str, Any], guarded: bool) -> dict[str, Any]:
    return {
        "talk_type": call.talk_type,
        "talk_reason": call.reason,
        "talk_evidence": list(call.evidence),
        "feelings": features["feelings"],
        "self_disclosure": bool(features["self_disclosure"]),
        "insight": bool(features["insight"]),
        "reporting": bool(features["reporting"]) and not features["insight"],
        "goal": bool(features["goal"]),
        "future": bool(features["future"]),
        "resistance": sorted(features["resistance"]) + (["guarded"] if guarded else []),
    }


class OpennessAnalyser:
    name: ClassVar[str] = "openness"
    version: ClassVar[str] = "1.1"
    needs: ClassVar[tuple[str, ...]] = ("roles",)
    uses: ClassVar[tuple[str, ...]] = ("encoder",)
    produces: ClassVar[tuple[str, ...]] = ("client_talk_type", "client_openness")
    description: ClassVar[str] = (
        "The client's change and sustain talk, feelings and self-disclosure, reflection against "
        "reporting, resistance signs, goals the client raised, and looking ahead."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        labels, evidence = self.label_turns(ctx)
        return result(
            self,
            metrics=openness_metrics(labels, len(ctx.turns)),
            markers=tuple(openness_markers(self.name, labels, evidence)),
            turn_labels=labels,
        )

    def label_turns(
        self, ctx: AnalysisContext
    ) -> tuple[dict[int, dict[str, Any]], dict[int, dict[str, Any]]]:
        turns, texts = ctx.turns, ctx.texts
        # Only the client's turns with words are read by meaning, so only they are encoded.
        vectors = ctx.vectors_for(
            t.index for t in turns if t.role == Role.CLIENT and texts[t.index].word_count
        )
        examples = example_vectors(ctx.encoder) if vectors is not None else None
        labels: dict[int, dict[str, Any]] = {}
        evidence: dict[int, dict[str, Any]] = {}
        previous = "neutral"
        for turn in turns:
            if turn.role != Role.CLIENT:
                continue
            before = previous_coach_text(turns, turn.index)
            count = texts[turn.index].word_count
            call = classify_talk(turn.text, count, before)
            if examples is not None and vectors is not None and count:
                change, sustain = phrase_sides(call)
                scores = meaning_scores(vectors[turn.index], examples)
                call = blend_with_meaning(call, change, sustain, scores, previous)
            previous = call.talk_type
            features = turn_features(turn.text, before)
            guarded = is_guarded(turn.text, count, before)
            labels[turn.index] = label_turn(call, features, guarded)
            evidence[turn.index] = features
        return _guarded_only_when_repeated(labels), evidence


def _guarded_only_when_repeated(labels: dict[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """One short answer is ordinary; only a run of them says the client may be holding back."""
    guarded = [i for i, label in labels.items() if "guarded" in label["resistance"]]
    if len(guarded) < MIN_GUARDED_RUN:
        for i in guarded:
            labels[i]["resistance"] = [k for k in labels[i]["resistance"] if k != "guarded"]
    return labels


def openness_metrics(labels: dict[int, dict[str, Any]], n_turns: int) -> dict[str, Any]:
    client = len(labels)
    kinds = Counter(label["talk_type"] for label in labels.values())
    change, sustain = kinds.get("change", 0), kinds.get("sustain", 0)
    insight = sum(1 for label in labels.values() if label["insight"])
    reporting = sum(1 for label in labels.values() if label["reporting"])
    resistance = Counter(kind for label in labels.values() for kind in label["resistance"])
    return {
        "client_turns": client,
        "talk_types": {kind: kinds.get(kind, 0) for kind in TALK_TYPES},
        "change_share": share(change, change + sustain),
        "feeling_turn_share": share(_count(labels, "feelings"), client),
        "self_disclosure_turns": _count(labels, "self_disclosure"),
        "insight_turns": insight,
        "reporting_turns": reporting,
        "reflection_share": share(insight, insight + reporting),
        "resistance": dict(sorted(resistance.items())),
        "resistance_turns": sum(1 for label in labels.values() if label["resistance"]),
        "client_goal_turns": sorted(i for i, label in labels.items() if label["goal"]),
        "future_share": share(_count(labels, "future"), client),
        "course": openness_course(labels, n_turns),
    }


def _count(labels: dict[int, dict[str, Any]], key: str) -> int:
    return sum(1 for label in labels.values() if label[key])


def is_open(label: dict[str, Any]) -> bool:
    """A turn where the client shows something of themselves: a feeling, a disclosure, an insight."""
    return bool(label["feelings"] or label["self_disclosure"] or label["insight"])


def openness_course(labels: dict[int, dict[str, Any]], n_turns: int) -> list[dict[str, Any]]:
    """Per third of the session: how many client turns showed feelings, disclosure or insight,
    and the share of change among change and sustain talk."""
    thirds = [(round(k * n_turns / 3), round((k + 1) * n_turns / 3) - 1) for k in range(3)]
    course = []
    for start, end in thirds:
        inside = [label for i, label in labels.items() if start <= i <= end]
        change = sum(1 for label in inside if label["talk_type"] == "change")
        sustain = sum(1 for label in inside if label["talk_type"] == "sustain")
        course.append(
            {
                "start_turn": start,
                "end_turn": end,
                "open_share": share(sum(1 for label in inside if is_open(label)), len(inside)),
                "change_share": share(change, change + sustain),
            }
        )
    return course


def openness_markers(
    name: str, labels: dict[int, dict[str, Any]], evidence: dict[int, dict[str, Any]]
) -> list[Marker]:
    markers = [
        Marker(
            name,
            "insight",
            (i,),
            "The client put a realisation into words here: reflection "
            "rather than an account of events.",
            tuple(evidence[i]["insight"]),
            Layer.OPENNESS,
            notable=True,
            guide="positive-markers",
        )
        for i, label in labels.items()
        if label["insight"]
    ]
    markers += _talk_markers(name, labels)
    markers += resistance_markers(name, labels, evidence)
    markers += _summary_markers(name, labels, evidence)
    return markers


def _talk_markers(name: str, labels: dict[int, dict[str, Any]]) -> list[Marker]:
    notes = {
        "change": "The client spoke for change in these turns (wanting, being able, reasons, "
        "need, commitment or steps taken).",
        "sustain": "The client spoke for keeping things as they are in these turns: worth "
        "understanding before moving on.",
    }
    markers = []
    for kind, note in notes.items():
        turns = tuple(i for i, label in labels.items() if label["talk_type"] == kind)
        if turns:
            words = tuple(dict.fromkeys(w for i in turns for w in labels[i]["talk_evidence"]))
            markers.append(Marker(name, f"{kind}_talk", turns, note, words[:12], Layer.OPENNESS))
    return markers


def _summary_markers(
    name: str, labels: dict[int, dict[str, Any]], evidence: dict[int, dict[str, Any]]
) -> list[Marker]:
    markers = []
    feeling = tuple(i for i, label in labels.items() if label["feelings"])
    if feeling:
        words = tuple(dict.fromkeys(w for i in feeling for w in evidence[i]["feelings"]))
        markers.append(
            Marker(
                name,
                "feelings_named",
                feeling,
                "The client named feelings in these turns.",
                words[:12],
                Layer.OPENNESS,
            )
        )
    disclosed = tuple(i for i, label in labels.items() if label["self_disclosure"])
    if disclosed:
        words = tuple(dict.fromkeys(w for i in disclosed for w in evidence[i]["self_disclosure"]))
        markers.append(
            Marker(
                name,
                "self_disclosure",
                disclosed,
                "The client shared something personal or hard to say here.",
                words[:8],
                Layer.OPENNESS,
                notable=True,
                guide="positive-markers",
            )
        )
    goals = tuple(i for i, label in labels.items() if label["goal"])
    if goals:
        words = tuple(dict.fromkeys(w for i in goals for w in evidence[i]["goal"]))
        markers.append(
            Marker(
                name,
                "client_goal",
                goals,
                "The client named what they want to work on, in their own words.",
                words[:6],
                Layer.OPENNESS,
            )
        )
    return markers


@hookimpl
def attunement_analysers() -> list[OpennessAnalyser]:
    return [OpennessAnalyser()]
