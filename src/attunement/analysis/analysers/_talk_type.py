"""The client's talk type in one turn: change, sustain or neutral, with the words behind it.

Talk type follows the motivational-interviewing key: *change* talk leans towards doing something
differently (desire, ability, reasons, need, commitment, steps already taken, turning the habit
down), *sustain* talk leans towards keeping things as they are, everything else is *neutral*.

- Phrases are counted on the client's own words: what they report someone else saying ("my
  doctor says I should stop") does not count.
- A short "yes" or "no" takes its meaning from the coach's question before it.
- With the encoder, the turn's closeness to example turns we wrote is weighed with the phrases,
  the client's previous turn and the side the coach's question invited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from attunement.analysis.analysers._connection_util import TaggedPattern, lexicon, phrase_pattern
from attunement.analysis.analysers._question_reading import lead_words
from attunement.analysis.analysers._question_words import WH
from attunement.analysis.text import CaselessPattern
from attunement.transcript.model import Role, Turn

LEX = lexicon("openness.json")
TALK = TaggedPattern(
    {
        **{f"change:{k}": v for k, v in LEX["change"].items() if k != "target"},
        **{f"sustain:{k}": v for k, v in LEX["sustain"].items()},
    }
)
AFFIRM = re.compile(rf"^\W*(?:{'|'.join(LEX['affirm'])})\b", re.IGNORECASE)
DENY = re.compile(rf"^\W*(?:{'|'.join(LEX['deny'])})\b", re.IGNORECASE)
CHANGE_QUESTION = phrase_pattern(LEX["change_question"], ignore_case=False)
STATUS_QUESTION = phrase_pattern(LEX["status_question"], ignore_case=False)
# "Does that sound right?" after a summary asks whether the coach understood: a "yes" to it
# confirms the summary, it does not argue for or against change.
UNDERSTANDING_CHECK = phrase_pattern(LEX["understanding_check"], ignore_case=False)
# "The doctor told me I need to cut down" is the doctor's voice, not the client's: from someone
# else's "told me", "says" or "wants me to" to the end of that sentence, words do not count.
_REPORTED = (
    rf"\b(?:{'|'.join(LEX['others_voice']['speakers'])})\b[^.!?]{{0,25}}?"
    rf"\b(?:{'|'.join(LEX['others_voice']['verbs'])})\b[^.!?]*"
)
REPORTED = re.compile(_REPORTED, re.IGNORECASE)
# Most turns report no one's words: a quick look first, the same pattern in any case.
REPORTS = CaselessPattern(_REPORTED)
SCALE_QUESTION = re.compile(r"\bscale\b|\b(?:zero|0|one|1) to (?:ten|10)\b", re.IGNORECASE)
NUMBER = re.compile(
    r"\b(?:(?P<low>zero|one|two|three|[0-3])|(?P<high>four|five|six|seven|eight|nine|ten|[4-9]|10))\b",
    re.IGNORECASE,
)
# A reply this short to a yes/no question carries its meaning in the question.
SHORT_REPLY_WORDS = 6
# Where a sentence ends and the next begins: after ".", "!" or "?" and a space.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


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
    if REPORTS.occurs_in(text):
        text = REPORTED.sub(" ", text)
    hits = TALK.find(text)
    change = [words for tag, words in hits if tag.startswith("change")]
    sustain = [words for tag, words in hits if tag.startswith("sustain")]
    if change or sustain:
        return replace(_weigh(hits, change, sustain), phrases=(len(change), len(sustain)))
    if word_count <= SHORT_REPLY_WORDS and asks_yes_or_no(coach_before):
        return _answer_to_question(text, coach_before)
    return TalkCall("neutral", (), "no change or sustain language")


def asks_yes_or_no(coach_before: str) -> bool:
    """Whether the coach's last question can be answered with a yes, a no or a number.

    Only then does a short reply take its meaning from it: "Okay" after advice ("You've got to
    be firmer") goes along with it, and "No reason" after "Why do you let him get to you?"
    answers the why; neither is the client arguing for or against change."""
    asked = [s for s in SENTENCE_END.split(coach_before) if s.rstrip().endswith("?")]
    if not asked:
        return False
    lead = lead_words(asked[-1], limit=2)
    return bool(SCALE_QUESTION.search(asked[-1])) or not (lead and lead[0] in WH)


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
    asked = [part for part in SENTENCE_END.split(question) if part.rstrip().endswith("?")]
    if asked and UNDERSTANDING_CHECK.search(asked[-1].lower()):
        return TalkCall("neutral", (), "confirms the coach's summary")
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
# Clients answer the question they were asked: after a question that invites change talk (or
# talk about what the habit gives them) that side gets this much extra weight.
QUESTION_PULL = 0.04
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
    call: TalkCall,
    change: int,
    sustain: int,
    scores: dict[str, float],
    previous: str = "neutral",
    asked: str = "neutral",
) -> TalkCall:
    """The talk type once the turn's meaning is weighed together with the phrases found, the
    client's previous turn and the side the coach's question asked about."""
    total = {
        "change": scores["change"] + PHRASE_WEIGHT * min(change, PHRASE_CAP),
        "sustain": scores["sustain"] + SUSTAIN_OFFSET + PHRASE_WEIGHT * min(sustain, PHRASE_CAP),
        "neutral": scores["neutral"] + NEUTRAL_HEAD_START,
    }
    if previous != "neutral":
        total[previous] += STANCE_CARRY
    if asked != "neutral":
        total[asked] += QUESTION_PULL
    kind = max(total, key=lambda k: total[k])
    if kind == call.talk_type:
        return call
    reason = f"closest in meaning to {kind} talk" + (f" ({call.reason})" if call.evidence else "")
    return TalkCall(kind, call.evidence if kind != "neutral" else (), reason)


def meaning_scores(vectors: Any, examples: dict[str, Any]) -> list[dict[str, float]]:
    """Per turn (a row of ``vectors`` each), the mean cosine of its ``NEAREST`` closest example
    turns of each kind."""
    import numpy as np

    if len(vectors) == 0:
        return []
    stacked = np.concatenate([examples[kind] for kind in examples])
    # One matrix-vector product per turn against every example at once: a single matrix
    # product for the whole session is split over threads by BLAS, and on a busy machine those
    # threads wait for each other (several times slower than this, measured on two shared cores).
    similarities = np.stack([stacked @ vector for vector in vectors])
    per_kind, start = {}, 0
    for kind, matrix in examples.items():
        part = similarities[:, start : start + len(matrix)]
        start += len(matrix)
        if part.shape[1] > NEAREST:
            part = np.partition(part, -NEAREST, axis=1)[:, -NEAREST:]
        per_kind[kind] = part.mean(axis=1)
    return [
        {kind: float(values[row]) for kind, values in per_kind.items()}
        for row in range(len(vectors))
    ]


def asked_side(coach_before: str) -> str:
    """The side a coach's question invites: "what worries you about it?" invites change talk,
    "what do you enjoy about it?" sustain talk (neutral when it is no question, or both)."""
    if not coach_before.rstrip().endswith("?"):
        return "neutral"
    lowered = coach_before.lower()
    about_change = bool(CHANGE_QUESTION.search(lowered))
    if about_change == bool(STATUS_QUESTION.search(lowered)):
        return "neutral"
    return "change" if about_change else "sustain"


def phrase_sides(call: TalkCall) -> tuple[int, int]:
    """How many change and sustain phrases the turn holds (a context answer counts as one)."""
    if call.phrases == (0, 0) and call.talk_type != "neutral":
        return (1, 0) if call.talk_type == "change" else (0, 1)
    return call.phrases
