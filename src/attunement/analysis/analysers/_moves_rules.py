"""The lexical rules of the ``moves`` analyser: each sentence's move and each turn's main move.

Every sentence of a coach turn is read against our lexicon (``lexicon/moves.toml``). A statement
with no cue of its own counts as a reflection when it talks about the client ("you…") or reuses
the content words of the client's last turns; without either it is "other". With the sentence
encoder, turns the lexicon leaves undecided take the vote of their nearest example turns
(``examples/moves.json``), and closeness in meaning to the client's last turn supports a
reflection. The main move is the one the coach's turn leans on: a question asked, then what
the coach offers (advice, information), then what they give back (reflection, affirmation).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from attunement.analysis.analysers._cue_index import CueIndex
from attunement.analysis.analysers._question_reading import asking_clauses
from attunement.analysis.analysers._word_start import word_start_alternation
from attunement.analysis.analysers.questions import has_question_form, is_question, words
from attunement.analysis.text import TurnText

MOVES: tuple[str, ...] = (
    "question",
    "reflection",
    "summary",
    "affirmation",
    "advice",
    "information",
    "self_disclosure",
    "permission",
    "structuring",
    "facilitation",
    "feedback_invite",
    "challenge",
    "judging",
    "other",
)
# Which move of a turn is its main one: asking first, then offering, then giving back.
PRIORITY: tuple[str, ...] = (
    "permission",
    "feedback_invite",
    "challenge",
    "self_disclosure",
    "question",
    "judging",
    "summary",
    "advice",
    "information",
    "reflection",
    "structuring",
    "affirmation",
    "facilitation",
    "other",
)
_PRIORITY_RANK = {move: rank for rank, move in enumerate(PRIORITY)}
# Statement cues tried in this order; the first that matches names the sentence's move.
STATEMENT_CUES: tuple[str, ...] = (
    "permission",
    "feedback_invite",
    "summary",
    "judging",
    "challenge",
    "self_disclosure",
    "advice",
    "information",
    "structuring",
    "affirmation",
)
LEXICON_FILE = Path(__file__).parents[1] / "lexicon" / "moves.toml"
# Content words shared with the client's last turns that make a cue-less statement a reflection.
MIN_SHARED_WORDS = 2
# A reflection with no cue either way is complex when it adds this many content words the
# client did not use in their last turns: it says something more than what was said.
COMPLEX_ADDED_WORDS = 5
# Encoder: cosine to the client's last turn that supports a reflection, and the vote share and
# closeness an example vote needs before it overrides an undecided lexical reading.
REFLECTION_COSINE = 0.55
VOTE_SHARE = 0.5
VOTE_NEAREST = 0.45
ADVICE_RUN = 3
INFORMING_WORDS = 3
ASKING = ("question", "permission", "feedback_invite", "challenge")
OFFERING = ("advice", "information", "judging")
# An offer with this many times the words of the question asked with it is the main move.
OFFER_OUTWEIGHS = 1.5
# Openers that acknowledge the client ("I hear you", "I'm sorry", "I understand") before the
# coach goes on, in the same sentence, to tell of their own life.
ACKNOWLEDGING = ("reflection", "affirmation")
# Moves whose opening cue can frame a judgement later in the same sentence ("What I see is
# someone who won't…", "Do it now; you should have started weeks ago").
VERDICT_CARRIERS = ("advice", "information")


class SearchedCues(Mapping[str, re.Pattern[str]]):
    """Each move's cues as one pattern, for ``search`` (where a cue occurs, not which one),
    compiled the first time it is asked for: most moves are only ever found through
    ``Lexicon.any_cue``. Spelled from their first letters, they are found faster (see
    ``_word_start``)."""

    def __init__(self, phrases: dict[str, list[str]]) -> None:
        self._phrases = phrases
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, move: str) -> re.Pattern[str]:
        if move not in self._compiled:
            self._compiled[move] = word_start_alternation(self._phrases[move])
        return self._compiled[move]

    def __iter__(self) -> Iterator[str]:
        return iter(self._phrases)

    def __len__(self) -> int:
        return len(self._phrases)


@dataclass(frozen=True, slots=True)
class Lexicon:
    cues: SearchedCues  # each move's cues, for ``search``
    facilitation_tokens: frozenset[str]
    reflection_stems: re.Pattern[str]
    complex_cues: re.Pattern[str]  # a feeling, meaning, value, wish, guess or image added
    double_sided: re.Pattern[str]  # both sides at once ("part of you…", "on the other hand")
    restating: re.Pattern[str]  # giving back, as such, what was said ("you mentioned…")
    quantities: re.Pattern[str]  # counts and amounts, the stuff of restated facts
    stopwords: frozenset[str]  # too common to show that the coach took up the client's words
    any_cue: CueIndex  # every statement cue at once, for the earliest one


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    # Sentences are lower-cased by ``plain``; matching without IGNORECASE is much faster.
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")")


@cache
def lexicon_data() -> dict[str, Any]:
    """``lexicon/moves.toml`` as parsed, read once per process for every list compiled from it
    (the moves here, the finer distinctions in ``_support_reading``)."""
    return tomllib.loads(LEXICON_FILE.read_text(encoding="utf-8"))


@cache
def lexicon() -> Lexicon:
    """The move lexicon, compiled once per process."""
    data = lexicon_data()
    cues = {move: data[move]["phrases"] for move in (*STATEMENT_CUES, "facilitation")}
    return Lexicon(
        cues=SearchedCues(cues),
        facilitation_tokens=frozenset(data["facilitation"]["tokens"]),
        reflection_stems=_alternation(data["reflection"]["stems"]),
        complex_cues=_alternation(
            data["reflection"]["complex"] + data["reflection"]["double_sided"]
        ),
        double_sided=_alternation(data["reflection"]["double_sided"]),
        restating=_alternation(data["reflection"]["restating"]),
        quantities=_alternation(data["reflection"]["quantities"]),
        stopwords=frozenset(data["content"]["stopwords"].split()),
        any_cue=CueIndex.build(
            {
                **{move: data[move]["phrases"] for move in STATEMENT_CUES},
                "reflection": data["reflection"]["stems"],
            }
        ),
    )


_SPOKEN = (
    (re.compile(r"\b(\w+)(?:-+\s*\1\b)+", re.IGNORECASE), r"\1"),  # "I-I-I" -> "I"
    (re.compile(r"\b(?:um+|uh+|er+m?)\b[,.]?\s*", re.IGNORECASE), ""),
    (re.compile(r",?\s*\byou know\b,?", re.IGNORECASE), ""),
    (re.compile(r"\bwanna\b", re.IGNORECASE), "want to"),
    (re.compile(r"\bgonna\b", re.IGNORECASE), "going to"),
    (re.compile(r"[\u2019`]"), "'"),
    (re.compile(r"\s{2,}"), " "),
)


def excerpt(text: str, limit: int = 120) -> str:
    """A quote for a finding's evidence: at most ``limit`` characters, "…" where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@lru_cache(maxsize=16384)
def plain(sentence: str) -> str:
    """A sentence with stutters, fillers and spoken contractions smoothed out."""
    for pattern, replacement in _SPOKEN:
        sentence = pattern.sub(replacement, sentence)
    return sentence.strip().lower()


def content_words(tokens: tuple[str, ...] | list[str]) -> set[str]:
    """Content words, crudely stemmed so that "drinking" meets "drink"."""
    stop = lexicon().stopwords
    return {_stem(w) for w in tokens if w not in stop and len(w) > 2 and not w.isdigit()}


@lru_cache(maxsize=16384)  # pure, and called for every word of every turn
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def is_facilitation(tokens: tuple[str, ...]) -> bool:
    """A turn or sentence made only of nods in words ("Mm-hmm, okay, right")."""
    lex = lexicon()
    return bool(tokens) and len(tokens) <= 8 and all(t in lex.facilitation_tokens for t in tokens)


def read_statement(sentence: str, client_words: set[str]) -> tuple[str, bool]:
    """(move, whether a cue decided it) for one statement."""
    text = plain(sentence)
    tokens = words(text)
    if is_facilitation(tokens):
        return "facilitation", True
    cue = earliest_cue(text)
    if cue in ACKNOWLEDGING and lexicon().cues["self_disclosure"].search(text):
        # "I hear you, I've been through the same": the coach's own story is what it adds.
        return "self_disclosure", True
    if cue in VERDICT_CARRIERS and lexicon().cues["judging"].search(text):
        # "What I see is someone who won't act on it": the verdict is what the sentence says.
        return "judging", True
    if cue is not None:
        return cue, True
    return _without_cue(tokens, client_words), False


def _without_cue(tokens: tuple[str, ...], client_words: set[str]) -> str:
    shared = content_words(tokens) & client_words
    if len(shared) >= MIN_SHARED_WORDS or _addresses_client(tokens):
        return "reflection"
    # A bare fragment with content ("Too much.", "Part of the family.") gives the client's
    # thread back more often than it does anything else.
    if shared:
        return "reflection"
    # A substantial statement about the world rather than about the client informs.
    return "information" if len(content_words(tokens)) >= INFORMING_WORDS else "other"


def _addresses_client(tokens: tuple[str, ...]) -> bool:
    """The statement has the client as its subject or owner ("you…", "your…"), not merely
    thanks them ("thank you")."""
    if len(tokens) < 3:
        return False
    pairs = zip(("", *tokens), tokens, strict=False)
    return any(t in ("you", "you're", "your", "you've") and p != "thank" for p, t in pairs)


def earliest_cue(text: str) -> str | None:
    """The move whose cue starts first in the sentence (ties: the order of STATEMENT_CUES).

    The leftmost match wins and, at one position, the move listed first."""
    return lexicon().any_cue.earliest(text)


# Suggestions put as questions: "How about we…", "Have you thought about trying…".
SUGGESTING_QUESTION = re.compile(
    r"^\W*(?:(?:so|and|well|okay|ok|maybe|then),?\s+)*(?:how about (?:we|you|trying)|"
    r"why don't (?:you|we) (?:try|just|give|start|think about|plan|look into|make|set|write|call|"
    r"see if|revisit)|what if you (?:tried|try|were to)|have you (?:tried|considered|thought of) |"
    r"(?:can|could) you (?:try|make a|plan|reach out|ask|switch|find a)|"
    r"(?:have|did) you (?:ever )?(?:tried|try|considered|consider|thought (?:about|of)|"
    r"looked (?:into|at)|look into|reached out|reach out|spoken to|talked to|sought|joined|"
    r"checked (?:into|with|out))\b|"
    r"is (?:it possible|there a way) (?:to|for you|that you)|would it help (?:to|if)|"
    r"would you (?:feel comfortable|be able to|consider)|"
    r"do you think (?:it|that|this) (?:would|might|could) help|"
    r"what (?:would|do) you think (?:about|of) (?:trying|a plan|an arrangement|maybe|\w+ing)|"
    r"do you think you (?:could|can|might) (?:try|do|ask|talk|make|find|start|get|switch|reach)|"
    r"would you (?:be willing|like|want) to "
    r"(?:try|give|consider|start|do some|think about|set|make|call|sign)|have you (?:thought about|"
    r"considered) (?:\w+ing|getting|using|trying))",
    re.IGNORECASE,
)


# A suggestion said with a rising voice: "Maybe you could ask her?", "…you might want to…?"
SUGGESTION_INSIDE = re.compile(
    r"^\W*(?:(?:so|and|well|okay|ok|then|yes|yeah),?\s+)*(?:maybe|perhaps) you (?:could|can|"
    r"should|might)\b|\byou (?:might|may) want to\b|"
    r"\bit (?:might|may|could|would) (?:help|be (?:good|worth|helpful|useful|a good idea))\b|"
    r"\bwhat about (?:\w+ing|maybe)\b|"
    # "Is there anyone you could talk to?", "Do you have friends you can lean on?": a resource
    # the client could turn to, offered as a question.
    r"\b(?:is|are) there (?:any|anyone|anybody|someone|somebody|other|some)\b.{0,60}?"
    r"\b(?:you|that you) (?:can|could|might)\b|"
    r"\bdo you have (?:any|a|anyone|someone|some)\b.{0,40}?\b(?:you can (?:talk|turn|lean|call)|"
    r"you could (?:talk|turn|lean|call)|to (?:talk|lean|turn) to|for (?:support|comfort|help))\b|"
    r"\bwould it be possible\b|"
    r"^\W*(?:(?:so|and|well|okay|ok|or),?\s+)*(?:maybe|perhaps) (?:a|an|some|someone|something|try|"
    r"\w+ing)\b|"
    r"^\W*(?:(?:so|and|well|okay|ok|or),?\s+)*(?:try|make sure|consider|remember to)\b"
)


# A question that only checks the coach understood: the reflection before it is the move.
CHECK = re.compile(
    r"^\W*(?:(?:and|so|but|or),?\s+)*(?:is (?:that|this|it) (?:right|correct|true|fair|accurate|so)|"
    r"am i (?:right|correct|understanding|getting)|did i (?:get|understand|hear) (?:that|this|it|you)|"
    r"(?:have|did) i (?:got|get|understood) (?:that|this|it) (?:right|correct)|"
    r"do i have (?:that|this|it) right|does that sound (?:right|about right|correct)|"
    r"(?:would you say|wouldn't you say) (?:that's|that is) (?:right|fair|true))\W*$"
)


def is_check(sentence: str) -> bool:
    """A question that only checks the coach understood ("Is that right?", "Am I correct?")."""
    return bool(CHECK.search(plain(sentence)))


# Openers that give back what was heard even when a question word follows them.
_HEARD = re.compile(r"(?:so )?(?:what i'm hearing|what i am hearing|it sounds like|sounds like)\b")
_LEAD_IN = re.compile(r"^\W*(?:(?:okay|ok|yeah|yes|right|mm+|hmm+|oh|well|alright|and),?\s+)*")


def reflects_aloud(sentence: str) -> bool:
    """A statement said with a rising voice that opens like a reflection ("So you feel stuck?",
    "It sounds like work is the hard part?"): it reflects and checks, rather than asks."""
    text = _LEAD_IN.sub("", plain(sentence), count=1)
    if _HEARD.match(text):
        return True
    return is_declarative(sentence) and bool(lexicon().reflection_stems.match(text))


def opens_as_reflection(sentence: str) -> bool:
    """The sentence opens with a reflective lead-in ("It sounds like…", "So you…", "I hear…"),
    rather than only speaking about the client somewhere in it."""
    text = _LEAD_IN.sub("", plain(sentence), count=1)
    return bool(_HEARD.match(text) or lexicon().reflection_stems.match(text))


def _gives_back(sentence: str, client_words: set[str]) -> bool:
    """A statement said with a rising voice that reuses the client's own words."""
    if not is_declarative(sentence):
        return False
    shared = content_words(words(plain(sentence))) & client_words
    return len(shared) >= MIN_SHARED_WORDS


@lru_cache(maxsize=16384)  # asked up to three times per sentence
def is_declarative(sentence: str) -> bool:
    """A statement said with a rising voice ("So you feel stuck?"): it checks the coach's
    understanding rather than asking, so it reflects as well (see ``read_sentences``)."""
    return (
        sentence.rstrip().endswith("?")
        and not has_question_form(sentence)
        and not asking_clauses(sentence)  # "Hello, how are you?" asks after its lead-in
    )


# A short question that only proposes where to go next ("Shall we start there?"): it frames the
# conversation, so a reflection or summary before it stays the turn's main move.
NEXT_STEP = re.compile(
    r"^\W*(?:(?:so|and|okay|ok|well|then|right),?\s+)*(?:shall|should|can|could) we "
    r"(?:start|begin|go|pick up|stay|stop|leave it|look) (?:there|here|with (?:that|this|it))\W*$"
)


def question_move(sentence: str) -> str:
    """A question asks, unless it asks for permission or for feedback on the coaching, or only
    proposes where to start."""
    lex = lexicon()
    text = plain(sentence)
    if NEXT_STEP.search(text):
        return "structuring"
    for move in ("permission", "feedback_invite"):
        if lex.cues[move].search(text):
            return move
    if SUGGESTING_QUESTION.search(text) or SUGGESTION_INSIDE.search(text):
        return "advice"
    if lex.cues["judging"].search(text):
        return "judging"
    if lex.cues["challenge"].search(text):
        return "challenge"
    return "question"


@dataclass(frozen=True, slots=True)
class TurnMoves:
    main: str
    moves: tuple[str, ...]  # every move found, in the order of the sentences, no repeats
    reflection: str | None  # "simple" | "complex" when the turn reflects
    evidence: str  # the sentence that decided the main move
    cued: bool = True  # False when no cue decided the main move (a fallback reading)
    reflected: tuple[str, ...] = ()  # the sentences read as reflections
    judged: tuple[str, ...] = ()  # the sentences read as judging, whatever the main move


def read_sentences(text: TurnText, client_words: set[str]) -> list[tuple[str, str, bool]]:
    """(move, sentence, whether a cue or the question form decided it) for every sentence."""
    found = []
    for sentence in text.sentences:
        if is_question(sentence):
            # "Right?" or "Is that right?" checks in, it does not ask
            tag = is_facilitation(words(sentence)) or is_check(sentence)
            if reflects_aloud(sentence) or _gives_back(sentence, client_words):
                found.append(("reflection", sentence, True))
                continue
            found.append(("facilitation" if tag else question_move(sentence), sentence, True))
            if is_declarative(sentence) and content_words(words(plain(sentence))):
                # "So you feel stuck?" asks, and reflects on the way: a statement said with a
                # rising voice checks the coach's understanding of what the client said.
                found.append(("reflection", sentence, True))
        else:
            move, cued = read_statement(sentence, client_words)
            found.append((move, sentence, cued))
    return found


# Where a clause that only gives the client's words back ends and another begins.
_NEXT_CLAUSE = re.compile(r",\s*(?:and|but)\b|;|[.!?]\s")


def reflection_depth(sentences: list[str], client_words: set[str] | None) -> str:
    """Simple or complex, read in this order:

    1. saying outright that it gives back the client's words ("You mentioned…", "You said…")
       is simple, unless it holds two sides at once ("…, and part of you…") or a later clause
       adds one of the cues of 2 ("You mentioned your mum, and you sound afraid…");
    2. adding a feeling, a meaning or value, a wish, a guess at how things seem, an image or
       a second side (the lexicon's ``complex`` and ``double_sided`` cues) is complex;
    3. counts and amounts with none of that ("about two bottles a week") restate facts: simple;
    4. otherwise, complex when it adds ``COMPLEX_ADDED_WORDS`` or more content words the client
       did not use in their last turns. Without ``client_words`` only the cues decide.
    """
    lex = lexicon()
    text = plain(" ".join(sentences))
    restated = lex.restating.search(text)
    if restated and not lex.double_sided.search(text):
        # "You mentioned your mum" gives her back; "…, and you sound afraid of letting her down"
        # then adds to it: only a later clause can make it complex.
        later = _NEXT_CLAUSE.split(text[restated.end() :], maxsplit=1)[1:]
        return "complex" if later and lex.complex_cues.search(later[0]) else "simple"
    if lex.complex_cues.search(text):
        return "complex"
    if client_words is None or lex.quantities.search(text):
        return "simple"
    added = content_words(words(text)) - client_words
    return "complex" if len(added) >= COMPLEX_ADDED_WORDS else "simple"


def main_move(found: list[tuple[str, str]], uncued: frozenset[str] = frozenset()) -> str:
    """The move the turn leans on: the highest in PRIORITY, except that a long stretch of
    advice or information with a short question tagged on ("…How does that sound?") is
    advice or information. Moves no cue decided (``uncued``) lead only when no cued move
    other than a nod or framing is there."""
    weight = Counter[str]()
    for move, sentence in found:
        weight[move] += len(sentence.split())
    cued = [m for m in weight if m not in uncued and m not in ("facilitation", "other")]
    main = min(cued or weight, key=_PRIORITY_RANK.__getitem__)
    if main in ASKING:
        offered = max(OFFERING, key=lambda m: weight[m])
        if weight[offered] > OFFER_OUTWEIGHS * sum(weight[m] for m in ASKING):
            return offered
    return main


def classify_turn(text: TurnText, client_words: set[str]) -> TurnMoves:
    """The moves of one coach turn, read against the content words of the client's last turns."""
    if not text.words or is_facilitation(text.words):
        main = "facilitation" if text.words else "other"
        return TurnMoves(main, (main,), None, " ".join(text.sentences))
    read = read_sentences(text, client_words)
    found = [(move, sentence) for move, sentence, _ in read]
    moves = tuple(dict.fromkeys(move for move, _ in found))
    uncued = frozenset(m for m, _, _ in read) - {m for m, _, cue in read if cue}
    main = main_move(found, uncued)
    evidence = next(sentence for move, sentence in found if move == main)
    cued = any(cue for move, _, cue in read if move == main)
    reflected = [s for move, s, _ in read if move == "reflection"]
    depth = reflection_depth(reflected, client_words) if reflected else None
    judged = tuple(s for move, s, _ in read if move == "judging")
    return TurnMoves(main, moves, depth, evidence, cued, tuple(reflected), judged)
