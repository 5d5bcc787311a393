"""Coach questions: each one found, open or closed, and questions stacked in one turn.

Transcripts often drop the question mark, so a sentence also counts as a question when it
opens the way questions open ("what do you…", "could you…", "tell me about…"). Whether a
question is open or closed is one small pure function, ``question_form``, so that it can be
measured against expert coders and improved on its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, ClassVar

from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.analysis.text import words as _words
from attunement.transcript.model import Role

# Words people start a sentence with before the question proper ("So, what…", "Okay and how…").
_FILLERS = frozenset(
    [
        "so",
        "and",
        "but",
        "okay",
        "ok",
        "well",
        "um",
        "uh",
        "erm",
        "er",
        "hmm",
        "mm",
        "yeah",
        "yes",
        "right",
        "alright",
        "now",
        "then",
        "oh",
        "mhm",
        "hm",
        "just",
        "also",
        "like",
        "anyway",
        "great",
        "good",
        "sure",
        "fine",
        "gotcha",
        "wow",
        "cool",
        "sorry",
    ]
)
_WH = frozenset(["what", "how", "why", "when", "where", "who", "whom", "whose", "which"])
_AUX = frozenset(
    [
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "am",
        "have",
        "has",
        "had",
        "can",
        "could",
        "would",
        "will",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "don't",
        "doesn't",
        "didn't",
        "haven't",
        "hasn't",
        "can't",
        "couldn't",
        "wouldn't",
        "won't",
        "shouldn't",
    ]
)
_SUBJECTS = frozenset(
    [
        "i",
        "you",
        "we",
        "they",
        "he",
        "she",
        "it",
        "there",
        "that",
        "this",
        "those",
        "these",
        "people",
        "anyone",
        "someone",
        "anybody",
        "somebody",
        "anything",
        "something",
        "your",
        "my",
        "his",
        "her",
        "their",
        "any",
    ]
)
# Phrases that ask for an account even in a sentence without a question mark.
_INVITE = re.compile(
    r"\b(tell me|tell us|describe|talk (me )?through|say (a bit |a little |some )?more|"
    r"walk me through|help me understand|i'd (like|love) to (hear|know)|"
    r"i would (like|love) to (hear|know)|i'm (curious|interested) (about|in|to (hear|know))|"
    r"i am curious|share with me|fill me in|elaborate|expand on)\b"
)
# "I wonder what…" invites an account; "I wonder if…" asks for a yes or a no.
_WONDER = re.compile(r"\b(i wonder|i'm wondering|i am wondering|i was wondering|i'm curious)\b")
_WONDER_OPEN = re.compile(
    r"\b(wonder(ing)?|curious) (about|what|how|why|where|whether you (could|can) (tell|say))\b"
)
# An aux-first question that asks for an account: "could you tell me…", "can you say more…".
_AUX_OPEN = re.compile(
    r"^(can|could|would|will) you (please )?(just )?(tell|describe|say|share|talk|explain|"
    r"walk|help me|give me (an example|a sense|an idea)|think of (some|a few|any)|imagine|"
    r"repeat|remind me|paint|expand|elaborate)\b|"
    r"^would you mind (telling|filling|sharing|describing|talking|saying|explaining|walking)\b"
)
# Wh-questions that usually ask for a number, a time, a place or a choice.
_FACTUAL_WH = re.compile(
    r"^(how (many|much|often|long|old|far|soon)|when\b|where (do|did|does) (you|they|he|she) "
    r"(live|work|go)|which\b|who (is|was) your|what (time|age|day|year|number|percent)|"
    r"what (is|was|'s) your (name|age|job|number)|on a scale)\b"
)
# Invitations phrased as questions: "Why don't we…", "What about…", "How about…".
_OPEN_LEADS = re.compile(
    r"^(why don't (we|you)|what about|how about|anything else|how come|in what|to what extent|"
    r"is there anything else|are there any other)\b"
)
# A statement that still asks for the client's view: "…I don't know what you think about that?"
_EMBEDDED_VIEW = re.compile(r"\b(what|how) (do )?you (think|feel|make of|see)\b")
_LATE_WH = re.compile(r",\s*(and\s+)?(so\s+)?(what|how|why)\b(?! (about|if)\b)")
_STUTTER = re.compile(r"\b(\w+)(?:-+\s*\1\b)+")
_CONTRACTION = re.compile(r"'(s|re|d|ll|ve)$")
# Sentences are read by several analysers (questions, moves, inquiry, timing); caching their
# words and readings keeps an hour-long session well inside the lexical-mode time budget.
CACHE_SIZE = 16384


@lru_cache(maxsize=CACHE_SIZE)
def words(sentence: str) -> tuple[str, ...]:
    return _words(sentence)


def _without_stutters(tokens: list[str]) -> list[str]:
    """Drop a word or a pair of words said twice in a row ("can you can you tell")."""
    kept: list[str] = []
    for word in tokens:
        kept.append(word)
        for size in (1, 2):
            if len(kept) >= 2 * size and kept[-size:] == kept[-2 * size : -size]:
                del kept[-size:]
                break
    return kept


def lead_words(sentence: str, limit: int = 6) -> list[str]:
    """The first words of a sentence after the fillers people start with, stutters merged."""
    # "What's" and "how'd" lead like "what" and "how"; "what-what do you" like "what do you".
    tokens = _without_stutters([_CONTRACTION.sub("", w) for w in words(sentence)[: limit + 16]])
    start = 0
    while start < len(tokens) and tokens[start] in _FILLERS:
        start += 1
    if tokens[start : start + 2] in (["you", "know"], ["i", "mean"]):
        start += 2
        while start < len(tokens) and tokens[start] in _FILLERS:
            start += 1
    return tokens[start : start + limit]


def looks_interrogative(sentence: str) -> bool:
    """True for a question written without its question mark ("what do you want from this")."""
    lead = lead_words(sentence)
    if len(lead) < 2:
        return False
    first, second = lead[0], lead[1]
    if " ".join(lead[:2]) in ("tell me", "tell us") or first == "describe":
        return True
    if first in _WH:
        # "What I mean is…" is not a question; "what do you mean" and "how come" are.
        return second in _AUX or second in ("else", "come", "about", "kind", "sort")
    if first in _AUX:
        return second in _SUBJECTS
    return False


_LATE_ASK = re.compile(
    r"(^|[,;:\-]\s*|\b(and|so|but|or)\s+)(w-)?(what|how|why|where|when|who|which|do|does|did|"
    r"is|are|was|were|can|could|would|will|have|has|should)\s+"
    r"(you|it|that|this|there|they|we|he|she|i)\b"
)


@lru_cache(maxsize=CACHE_SIZE)
def has_question_form(sentence: str) -> bool:
    """True when the sentence is built as a question (a wh-word or an auxiliary before its
    subject, here or in a later clause), false for a statement said with a rising voice."""
    lead = lead_words(sentence)
    if not lead:
        return False
    if lead[0] in _WH or lead[0] in _AUX or lead[0] in ("any", "anything", "tell", "describe"):
        return True
    lowered = " ".join(words(sentence))
    return bool(
        _LATE_ASK.search(sentence.lower())
        or _INVITE.search(lowered)
        or _WONDER.search(lowered)
        or _OPEN_LEADS.match(" ".join(lead))
    )


@lru_cache(maxsize=CACHE_SIZE)
def is_question(sentence: str) -> bool:
    text = sentence.rstrip()
    if text.endswith("?"):
        return True
    if looks_interrogative(sentence):
        return True
    lowered = " ".join(words(sentence))
    return bool(_INVITE.search(lowered) or _WONDER.search(lowered))


@lru_cache(maxsize=CACHE_SIZE)
def question_form(sentence: str) -> str:
    """``"open"`` when the question invites an account, ``"closed"`` when it can be met with
    yes, no, a choice or a fact."""
    lead = lead_words(sentence, limit=12)
    opener = " ".join(lead)
    text = " ".join(words(sentence))
    if not lead:
        return "closed"
    if _OPEN_LEADS.match(opener):
        return "open"
    if lead[0] in _AUX:
        # "Could you tell me…" is open in substance; "Is it this or that?" is a choice.
        return "open" if _AUX_OPEN.match(opener) else "closed"
    if lead[0] in _WH:
        return "closed" if _FACTUAL_WH.match(opener) else "open"
    if _INVITE.search(text) or _WONDER_OPEN.search(text) or _EMBEDDED_VIEW.search(text):
        return "open"
    if _WONDER.search(text):
        return "closed"
    # A statement with a question mark ("You felt let down?") checks rather than explores,
    # unless a wh-word opens a later clause ("…and, thinking about it, what would help?").
    return "open" if _LATE_WH.search(_STUTTER.sub(r"\1", sentence.lower())) else "closed"


def coach_questions(sentences: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every question among one coach turn's sentences, with its form."""
    return [
        {"text": s, "form": question_form(s), "marked": s.rstrip().endswith("?")}
        for s in sentences
        if is_question(s)
    ]


def _stacked_note(found: list[dict[str, Any]]) -> str:
    forms = [q["form"] for q in found]
    note = f"{len(found)} questions in one turn before the client could answer."
    if forms[0] == "open" and forms[-1] == "closed":
        note += " The last one is closed: which of them did the client take up?"
    else:
        note += " Which of them did the client answer, and which were left behind?"
    return note


def _stacked_marker(index: int, found: list[dict[str, Any]]) -> Marker:
    forms = [q["form"] for q in found]
    narrowed = forms[0] == "open" and forms[-1] == "closed"
    return Marker(
        analyser=QuestionsAnalyser.name,
        kind="stacked_questions",
        turns=(index,),
        note=_stacked_note(found),
        evidence=tuple(q["text"] for q in found),
        layer=Layer.LISTENING_INQUIRY,
        notable=len(found) >= 3 or narrowed,
    )


def _closed_run_markers(asked: list[tuple[int, list[dict[str, Any]]]]) -> list[Marker]:
    """Runs of three or more coach turns in a row whose questions are all closed."""
    markers: list[Marker] = []
    run: list[tuple[int, list[dict[str, Any]]]] = []
    for item in [*asked, (-1, [{"form": "open"}])]:
        if all(q["form"] == "closed" for q in item[1]):
            run.append(item)
            continue
        if len(run) >= 3:
            markers.append(
                Marker(
                    analyser=QuestionsAnalyser.name,
                    kind="closed_question_run",
                    turns=tuple(i for i, _ in run),
                    note=(
                        f"{len(run)} coach turns in a row asked only closed questions. "
                        "Was the conversation following the client or a checklist here?"
                    ),
                    evidence=tuple(qs[0]["text"] for _, qs in run),
                    layer=Layer.LISTENING_INQUIRY,
                )
            )
        run = []
    return markers


def _metrics(asked: list[tuple[int, list[dict[str, Any]]]], coach_turns: int) -> dict[str, Any]:
    forms = [q["form"] for _, found in asked for q in found]
    count = len(forms)
    opened = forms.count("open")
    return {
        "count": count,
        "open": opened,
        "closed": count - opened,
        "open_share": round(opened / count, 3) if count else None,
        "coach_turns": coach_turns,
        "turns_with_questions": len(asked),
        "per_coach_turn": round(count / coach_turns, 3) if coach_turns else None,
        "stacked_turns": sum(1 for _, found in asked if len(found) >= 2),
    }


class QuestionsAnalyser:
    name: ClassVar[str] = "questions"
    version: ClassVar[str] = "1"
    needs: ClassVar[tuple[str, ...]] = ("roles",)
    uses: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("coach_questions",)
    description: ClassVar[str] = (
        "Each coach question, open or closed; questions stacked in one turn."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        asked: list[tuple[int, list[dict[str, Any]]]] = []
        coach_turns = 0
        for turn, text in zip(ctx.turns, ctx.texts, strict=True):
            if turn.role != Role.COACH:
                continue
            coach_turns += 1
            found = coach_questions(text.sentences)
            if found:
                asked.append((turn.index, found))
        labels = {i: {"questions": found, "stacked": len(found) >= 2} for i, found in asked}
        markers = [_stacked_marker(i, found) for i, found in asked if len(found) >= 2]
        markers += _closed_run_markers(asked)
        markers.sort(key=lambda m: m.turns)
        return result(
            self, metrics=_metrics(asked, coach_turns), markers=tuple(markers), turn_labels=labels
        )


@hookimpl
def attunement_analysers() -> list[QuestionsAnalyser]:
    return [QuestionsAnalyser()]
