"""Resistance signs in a client's turn, read in context so that a health rule can rely on them.

A phrase alone is a poor sign: "yes, but" is also how people add a detail, "it's fine" turns
up in "I keep telling myself it's fine when it isn't" (an insight, not minimising), and a
"Mm." after a reflection is listening, not holding back. So each sign needs its context:

- *yes, but*: it opens the client's reply, and the coach's turn before it made a suggestion or
  pressed a view ("you should", "don't you think", "have you tried");
- *minimising*: the client makes light of the matter, not describing their own habit of doing
  so ("telling myself it's fine") and not taking it back in the same breath ("... when it isn't");
- *deflecting*: blaming others or steering away ("can we move on"); "anyway" and "whatever"
  only when they open the reply;
- *doubt about coaching*: doubts the coaching itself;
- *guarded*: a reply of three words or fewer with no content ("Not really.", "I guess.") to the
  coach's open question; the session counts them only once there are ``MIN_GUARDED_RUN``.

The lists live in ``lexicon/openness.json`` under ``resistance``.
"""

from __future__ import annotations

import re
from typing import Any

from attunement.analysis.analysers._connection_util import lexicon, phrase_pattern
from attunement.analysis.model import Layer, Marker
from attunement.analysis.text import folded

LEX = lexicon("openness.json")["resistance"]
GUARDED_WORDS = 3
MIN_GUARDED_RUN = 3
# "Yes, but" counts when it opens the reply: within the first few words, after any filler.
_OPENING = r"^\W*(?:(?:well|oh|um|uh|so|hmm|mm|i mean)\W+){0,2}"
YES_BUT = re.compile(_OPENING + rf"(?:{'|'.join(LEX['yes_but'])})\b")
DEFLECT_OPENING = re.compile(_OPENING + rf"(?:{'|'.join(LEX['deflecting_opening'])})\b")
SUGGESTION = phrase_pattern(LEX["coach_suggestion"], ignore_case=False)
MINIMISING = phrase_pattern(LEX["minimising"], ignore_case=False)
DEFLECTING = phrase_pattern(LEX["deflecting"], ignore_case=False)
DOUBT = phrase_pattern(LEX["doubt_coaching"], ignore_case=False)
# Most turns hold none of the phrases above: one look for any of them first (wherever one of
# the three finds a phrase, this one finds one too).
ANY_PHRASE = phrase_pattern(
    LEX["minimising"] + LEX["deflecting"] + LEX["doubt_coaching"], ignore_case=False
)
SELF_AWARE = re.compile(rf"\b(?:{'|'.join(LEX['self_aware'])})\W+(?:\w+\W+){{0,2}}$")
CONTRAST_AFTER = re.compile(rf"^\W*(?:{'|'.join(LEX['contrast_after'])})\b")
NONCOMMITTAL = re.compile(rf"^\W*(?:(?:{'|'.join(LEX['noncommittal'])})\W*){{1,3}}$")
OPEN_START = re.compile(
    r"^\W*(?:(?:so|and|okay|ok|well|now|then|but|right)\W+){0,2}"
    rf"(?:{'|'.join(LEX['open_question'])})\b"
)
CLOSED_START = re.compile(
    r"^\W*(?:(?:so|and|okay|ok|well|now|then|but|right)\W+){0,2}"
    rf"(?:{'|'.join(LEX['closed_open_start'])})\b"
)
SENTENCE = re.compile(r"[^.!?]+[.!?]*")
INVITATION = re.compile(r"^\W*(?:tell me|say more|walk me through|talk me through|describe)\b")


def asks_open_question(coach_text: str) -> bool:
    """Whether the coach's turn ends on an open question or an invitation to say more.

    Only the last two sentences count: they are what the client is answering. "How much" and
    "how often" ask for a fact, and "I can hear how much clearer that is" is no question.
    """
    sentences = [s.strip() for s in SENTENCE.findall(folded(coach_text)) if s.strip()][-2:]
    for sentence in sentences:
        if CLOSED_START.search(sentence):
            continue
        if sentence.endswith("?") and OPEN_START.search(sentence):
            return True
        if INVITATION.search(sentence):
            return True
    return False


def is_guarded(text: str, word_count: int, coach_before: str) -> bool:
    """A reply of a few words without content to the coach's open question."""
    return (
        bool(coach_before)
        and 0 < word_count <= GUARDED_WORDS
        and bool(NONCOMMITTAL.match(folded(text)))
        and asks_open_question(coach_before)
    )


def _yes_but(lowered: str, coach_before: str) -> list[str]:
    match = YES_BUT.search(lowered)
    if match is None or not SUGGESTION.search(folded(coach_before)):
        return []
    return [match.group(0).strip(" ,.")]


def _minimising(lowered: str) -> list[str]:
    found = []
    for match in MINIMISING.finditer(lowered):
        before = lowered[max(0, match.start() - 40) : match.start()]
        after = lowered[match.end() : match.end() + 30]
        if SELF_AWARE.search(before) or CONTRAST_AFTER.search(after):
            continue  # "I keep telling myself it's fine when it isn't": insight, not minimising
        found.append(match.group(0))
    return found


def _deflecting(lowered: str, phrased: bool = True) -> list[str]:
    found = [m.group(0) for m in DEFLECTING.finditer(lowered)] if phrased else []
    opening = DEFLECT_OPENING.search(lowered)
    if opening:
        found.insert(0, opening.group(0).strip(" ,."))
    return found


def resistance_signs(text: str, coach_before: str) -> dict[str, list[str]]:
    """Each kind of resistance sign found in one client turn, with the words behind it."""
    lowered = folded(text)
    phrased = ANY_PHRASE.search(lowered) is not None
    found = {
        "yes_but": _yes_but(lowered, coach_before),
        "minimising": _minimising(lowered) if phrased else [],
        "deflecting": _deflecting(lowered, phrased),
        "doubt_coaching": [m.group(0) for m in DOUBT.finditer(lowered)] if phrased else [],
    }
    return {kind: words for kind, words in found.items() if words}


RESISTANCE_NOTES = {
    "yes_but": "The client agreed and then turned it around ('yes, but'): there may be a "
    "reservation that has not been explored yet.",
    "minimising": "The client made light of the matter here; it may matter more than it sounds.",
    "deflecting": "The conversation was steered away from the client here (towards others, or "
    "off the topic).",
    "doubt_coaching": "The client voiced doubt about the coaching itself: a chance to talk about "
    "how you work together.",
}


def resistance_markers(
    name: str, labels: dict[int, dict[str, Any]], evidence: dict[int, dict[str, Any]]
) -> list[Marker]:
    markers = []
    for kind, note in RESISTANCE_NOTES.items():
        turns = tuple(i for i in labels if kind in evidence[i]["resistance"])
        if turns:
            words = tuple(dict.fromkeys(w for i in turns for w in evidence[i]["resistance"][kind]))
            markers.append(
                Marker(
                    name,
                    kind,
                    turns,
                    note,
                    words[:8],
                    Layer.OPENNESS,
                    notable=kind == "doubt_coaching",
                    guide="warning-signs",
                )
            )
    guarded = tuple(i for i, label in labels.items() if "guarded" in label["resistance"])
    if len(guarded) >= MIN_GUARDED_RUN:
        markers.append(
            Marker(
                name,
                "guarded_replies",
                guarded,
                f"{len(guarded)} open invitations "
                "got a reply of a few words: the client may be holding back, or "
                "the questions may not yet feel safe to answer.",
                (),
                Layer.OPENNESS,
                notable=True,
                guide="warning-signs",
            )
        )
    return markers
