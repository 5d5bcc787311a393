"""Reading one sentence as a question: whether it asks, and whether it asks openly.

Transcripts often drop the question mark, so a sentence also counts as a question when it
opens the way questions open ("what do you…", "could you…", "tell me about…") or when a later
clause does ("Let me ask you this, on a scale…, how sure are you…"). Whether a question is
open or closed is one small pure function, ``question_form``, so that it can be measured
against expert coders and improved on its own: each clause built as a question is read on its
own, and one open clause makes the question open.
"""

from __future__ import annotations

import re
from functools import lru_cache

from attunement.analysis.analysers._question_words import AUX, FILLERS, SUBJECTS, WH
from attunement.analysis.text import folded
from attunement.analysis.text import words as _words

# Phrases that ask for an account even in a sentence without a question mark ("You can tell me
# if I'm off" only invites a correction: it is not a second question).
_INVITE = re.compile(
    r"\b(tell me(?! if (i'm|i am|that's|this is|it's) )|tell us|describe|talk (me )?through|say (a bit |a little |some )?more|"
    r"walk me through|help me understand|i'd (like|love) to (hear|know)|"
    r"i would (like|love) to (hear|know)|(curious|interested) (about|in (hearing|knowing|what|"
    r"how|why)|to (hear|know|learn))|i am curious|share with me|fill me in|elaborate|expand on|"
    r"remind me|if you (could|can|would) (\w+ ){0,3}(tell|give me|say|describe|share|walk|talk)|"
    r"(want|wanted|like) to (\w+ ){0,6}(?<!you )(see|hear|know|find out|understand|ask) (about )?"
    r"(how|what|why))\b"
)
# "I wonder what…" invites an account; "I wonder if…" asks for a yes or a no.
_WONDER = re.compile(
    r"\bi('m| am| was)?( just| sort of| kind of| really| also| still| guess i'm| guess)* "
    r"wonder(ing|ed)?\b|\bi'm (just |really )?curious\b"
)
_WONDER_OPEN = re.compile(
    r"\b(wonder(ing|ed)?|curious),? ((?!if |whether )[\w,]+ ){0,8}?(about|what|how|why|where|"
    r"who|whether you (could|can) (tell|say))\b"
)
# An aux-first question that asks for an account: "could you tell me…", "can you say more…".
_AUX_OPEN = re.compile(
    r"^(can|could|would|will) you (please )?(just )?(tell|describe|say|share|talk|explain|"
    r"walk|help me|give me (an example|a sense|an idea)|imagine|repeat|remind me|paint|expand|"
    r"elaborate|think of (some|a few|any|anything|anyone|other|ways|what|how))\b|"
    r"^would you mind (telling|filling|sharing|describing|talking|saying|explaining|walking)\b|"
    r"^(do|would) you (want|wanna|like|care) to (tell|say|share|describe|explain|expand)\b|"
    r"^(would|are) you (be )?(willing|able) to (tell|say|share|describe|explain)\b"
)
# Wh-questions that usually ask for a number, a time, a place or a choice.
_FACTUAL_WH = re.compile(
    r"^(how (many|much|often|long|old|far|soon)|when\b|which\b|"
    r"where (?!(do|does|did) (you|they|he|she|we) (think|see|feel|want)|would|could|should|might|"
    r"can|will)|who (is|was) your|what (time|age|day|year|number|percent)|"
    r"what (is|was|'s) (your|his|her|their) (\w+ )?(name|age|job|number|address|birthday)|"
    r"on a scale)\b"
)
# "Where" about a place in a process, not on a map: "Where does that leave you?", "Where have
# you got to with it?", "Where is the drinking fitting in now?"
_WHERE_ALONG = re.compile(
    r"^where (\w+ )?(that|this|it|all this|all that|everything|the \w+|your \w+) .*"
    r"\b(leaves?|leaving|left|takes?|taking|took|fits?|fitting|comes? in|came in|sits?)\b|"
    r"^where .*\b((got|get|gotten) to with|are you at|you're at|at with|"
    r"(sit|sits|stand|stands|are you|is it|are things) with|your thinking)\b"
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
# A word broken off and restarted: "wh-what", "w-where", "sup-supporting".
_FRAGMENT = re.compile(r"\b(\w{1,4})-+\s?(?=\1)", re.IGNORECASE)
# Hesitation sounds carry no meaning anywhere in a question ("can you, um, tell me…").
_HESITATIONS = frozenset(["um", "uh", "erm", "er", "uhm", "hmm", "mm", "ah"])
_CONTRACTION = re.compile(r"'(s|re|d|ll|ve)$")
# Sentences are read by several analysers (questions, moves, inquiry, timing); caching their
# words and readings keeps an hour-long session well inside the lexical-mode time budget.
CACHE_SIZE = 16384


@lru_cache(maxsize=CACHE_SIZE)
def words(sentence: str) -> tuple[str, ...]:
    return _words(sentence)


def _without_stutters(tokens: list[str]) -> list[str]:
    """Drop one to three words said twice in a row ("can you can you tell")."""
    if len(set(tokens)) == len(tokens):
        return tokens
    kept: list[str] = []
    for word in tokens:
        kept.append(word)
        n = len(kept)
        for size in (1, 2, 3):
            # Cheap test first: a repeat of ``size`` words ends with the word ``size`` back.
            if (
                n >= 2 * size
                and kept[-1] == kept[-1 - size]
                and kept[-size:] == kept[-2 * size : -size]
            ):
                del kept[-size:]
                break
    return kept


def _plain(word: str) -> str:
    return _CONTRACTION.sub("", word) if "'" in word else word


# The words of ``attunement.analysis.text.words``, found in a lower-cased text in one pass.
_WORD = re.compile(r"[a-z\u00c0-\u024f]+(?:'[a-z\u00c0-\u024f]+)*|\d+(?:[.,]\d+)?")
# Characters of a sentence read for its lead words: about thirty words.
_HEAD_CHARS = 200


def lead_words(sentence: str, limit: int = 6) -> list[str]:
    """The first words of a sentence after the fillers people start with, stutters merged."""
    # "What's" and "how'd" lead like "what" and "how"; "what-what do you" like "what do you".
    # Only the opening of a long sentence is read: the lead never needs more.
    head = sentence[:_HEAD_CHARS]
    if "-" in head:
        head = _FRAGMENT.sub("", head)
    raw = _WORD.findall(folded(head))
    tokens = [_plain(w) for w in raw if w not in _HESITATIONS]
    start = 0
    while start < len(tokens):
        if tokens[start] in FILLERS:
            start += 1
        elif tokens[start : start + 2] in (["you", "know"], ["i", "mean"]):
            start += 2
        else:
            break
    return _without_stutters(tokens[start : start + limit + 6])[:limit]


# "What is happening is…", "what's hard is…": a statement that only opens like a question.
_CLEFT = re.compile(r"^what ((?!think|say|feel|guess|believe|suppose|reckon)\w+ ){1,5}?(is|was)\b")


# "Do", "have", "are" and "were" never ask about "it", "he" or "that" ("does it", "has he"):
# after them those words make an instruction ("…and do it this week", "have that talk").
_PLURAL_AUX = frozenset(["do", "have", "are", "were"])
_SINGULAR = frozenset(
    ["it", "he", "she", "that", "this", "something", "someone", "somebody", "anything", "anyone"]
)


def asks_subject(aux: str, subject: str) -> bool:
    """An auxiliary followed by a subject it can ask about: "did it", "do you", not "do it"."""
    return subject in SUBJECTS and not (aux in _PLURAL_AUX and subject in _SINGULAR)


def looks_interrogative(sentence: str) -> bool:
    """True for a question written without its question mark ("what do you want from this")."""
    lead = lead_words(sentence, limit=8)
    if len(lead) < 2:
        return False
    first, second = lead[0], lead[1]
    if " ".join(lead[:2]) in ("tell me", "tell us") or first == "describe":
        return True
    if first in WH:
        # "What I mean is…" is not a question; "what do you mean" and "how come" are, and
        # "what is happening is…" is a statement built around "what".
        if _CLEFT.match(" ".join(lead)):
            return False
        return second in AUX or second in ("else", "come", "about", "kind", "sort")
    if first in AUX:
        return asks_subject(first, second)
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
    if lead[0] in WH or lead[0] in AUX or lead[0] in ("any", "anything", "tell", "describe"):
        return True
    lowered = " ".join(words(sentence))
    return bool(
        _LATE_ASK.search(sentence.lower())
        or _INVITE.search(lowered)
        or _WONDER.search(lowered)
        or _OPEN_LEADS.match(" ".join(lead))
    )


# Said like questions, asked of no one: "You know what?", "Guess what?"
_RHETORICAL = re.compile(r"^\W*(you know what|guess what|know what i mean)\W*$", re.IGNORECASE)


@lru_cache(maxsize=CACHE_SIZE)
def is_question(sentence: str) -> bool:
    text = sentence.rstrip()
    if _RHETORICAL.match(text):
        return False
    if text.endswith("?"):
        return True
    if looks_interrogative(sentence) or _some_clause_asks(sentence):
        return True
    lowered = " ".join(words(_FRAGMENT.sub("", sentence)))
    return bool(_INVITE.search(lowered) or _WONDER.search(lowered))


# Where one clause ends and the next begins: commas, dashes, a restart ("Is it-- why'd she…").
_CLAUSE_BREAK = re.compile(
    r"\s*(?:[,;:]|--+|[\u2014\u2013]|\s-(?=\s)|\.\.\.)\s*|"
    # "That's great and is there anything else…": a question joined on with "and", "but", "so".
    r"\s+(?=(?:and|but|so|or)\s+(?:do|does|did|is|are|was|were|can|could|would|will|have|has|"
    r"should)\s+(?:you|we|they|he|she|i|there)\b)"
)
_QUOTES = frozenset("\"\u201c\u2018'")
_PRONOUNS = frozenset(["i", "you", "we", "they", "he", "she", "it"])
# A scaling question asks for a number, however it is worded.
_SCALE = re.compile(r"\b(scale|what number|which number|out of (10|ten))\b")
# A yes/no question about the client's own thoughts or ideas on what, how or why invites them.
_ASKS_FOR_IDEAS = re.compile(
    r"\b(any|some|an|a|your own) (\w+ )?(thoughts?|ideas?|sense|plans?)( \w+){0,3}? "
    r"(about|on|of|to|as to|why|what|how|where|who)\b|"
    r"\bthought (\w+ ){0,3}about (what|how|why|where|who|which)\b"
)
# "Any other…?", "anything else?": open when they ask for more of the client's own material.
_ANY_MORE = re.compile(
    r"^(anything else|any ((other|more|further|not|so|good|bad|\w+-\w+) )*(thoughts|ideas|things|"
    r"ways|reasons|concerns|questions|worries|feelings))\b"
)


# "Why'd she leave?" is "why did she leave?": the contraction is the auxiliary.
_WH_CONTRACTION = re.compile(r"\b(what|how|why|where|when|who)['\u2019](s|d|re|ll|ve)\b")
_EXPANDED = {"s": "is", "d": "did", "re": "are", "ll": "will", "ve": "have"}


def _expand(match: re.Match[str]) -> str:
    return f"{match.group(1)} {_EXPANDED[match.group(2)]}"


def clauses(sentence: str) -> list[str]:
    """The clauses of a sentence, split at commas, dashes and restarts."""
    return [part for part in _CLAUSE_BREAK.split(sentence) if part.strip()]


def _aux_then_subject(rest: list[str], subject: bool = True) -> bool:
    """ "…confident are you", "…much time have you": a short phrase, an auxiliary, then its
    subject (without ``subject``, the auxiliary is enough: "…consequences might follow")."""
    for i, word in enumerate(rest[:4]):
        if word.split("'")[0] in _PRONOUNS:
            return False
        if word in AUX and (not subject or (i + 1 < len(rest) and asks_subject(word, rest[i + 1]))):
            return True
    return False


def _that_clause(rest: list[str]) -> bool:
    """ "is that you…": "that" opens a clause here, it is not the subject asked about."""
    return rest[:1] == ["that"] and rest[1:2] != [] and rest[1].split("'")[0] in _PRONOUNS


def clause_asks(lead: list[str], strict: bool = False) -> bool:
    """A clause built as a question: a wh-word before its verb, an auxiliary before its
    subject, or an invitation ("tell me…", "anything else"). ``strict`` (for sentences without
    a question mark) wants the subject after a wh-word's auxiliary: "what is happening is…"
    tells rather than asks."""
    if not lead:
        return False
    first, rest = lead[0], lead[1:]
    if first in AUX:
        # "…but do your best", "…, is that you don't need to": an order or a statement.
        if strict and (rest[:1] in (["your"], ["my"], ["their"]) or _that_clause(rest)):
            return False
        return bool(rest) and asks_subject(first, rest[0])
    if first in ("what", "how", "why", "where", "when") and not strict:
        # In a sentence asked with a question mark: "…, what consequences might follow?"
        return _aux_then_subject(rest, subject=False)
    if first in WH:
        # "…, which is something you don't like" relates, it does not ask.
        return _aux_then_subject(rest) and not _CLEFT.match(" ".join(lead))
    opener = " ".join(lead)
    if _ANY_MORE.match(opener) or lead[:2] == ["anything", "else"]:
        # "Any other thoughts?" asks; "…and anything else that you might come up with" lists.
        return not strict or len(lead) <= 4
    return (lead[:2] == ["tell", "me"] and len(lead) > 2) or bool(_OPEN_LEADS.match(opener))


def _first_clause_asks(lead: list[str]) -> bool:
    """The opening clause of a sentence already read as a question asks unless it is a
    subordinate clause ("When you think about it, how…")."""
    if lead[0] in ("when", "if") and lead[1:2] and lead[1] in _PRONOUNS:
        return False
    return lead[0] in AUX or lead[0] in WH or lead[0] in ("any", "anything") or clause_asks(lead)


# A proposal put as a question ("Why don't we meet again next week?", "How about if I call you
# on Monday?") is met with yes or no, unless what it proposes is that the client talks.
_PROPOSAL = re.compile(r"^(why don't (we|i|you)|how about (we|i|if (we|i|you))|what about if)\b")
_PROPOSES_TALK = re.compile(
    r"\b(tell(ing)?|talk(ing)?|shar(e|ing)|describ(e|ing)|fill(ing)? me in|say(ing)?|"
    r"explain(ing)?|walk(ing)? me through|go(ing)? (over|through)|explor(e|ing)|look(ing)? at|"
    r"think(ing)? about|hear(ing)?|updat(e|ing) me)\b"
)


def _clause_form(lead: list[str], rest: str, whole: str) -> str:
    """Open or closed for one asking clause; ``rest`` is the text from it to the sentence end."""
    opener = " ".join(lead)
    if lead[0] in ("how", "where", "what") and _SCALE.search(whole):
        return "closed"
    if _PROPOSAL.match(rest) and not _PROPOSES_TALK.search(rest):
        return "closed"
    if _OPEN_LEADS.match(opener) or lead[:2] == ["tell", "me"]:
        return "open"
    if lead[0] in AUX:
        # "Could you tell me…" is open in substance; "Is it this or that?" is a choice.
        return "open" if _AUX_OPEN.match(opener) or _ASKS_FOR_IDEAS.search(rest) else "closed"
    if lead[0] in WH:
        factual = _FACTUAL_WH.match(opener) and not _WHERE_ALONG.match(opener)
        return "closed" if factual else "open"
    return "open" if _ANY_MORE.match(opener) or _ASKS_FOR_IDEAS.search(rest) else "closed"


def _statement_form(sentence: str) -> str:
    """The form of a question with no asking clause: an invitation, a wondering or a
    statement said with a rising voice."""
    text = " ".join(words(sentence))
    if _INVITE.search(text) or _WONDER_OPEN.search(text) or _EMBEDDED_VIEW.search(text):
        return "open"
    if _ASKS_FOR_IDEAS.search(text):
        return "open"
    if _WONDER.search(text):
        return "closed"
    # A statement with a question mark ("You felt let down?") checks rather than explores,
    # unless a wh-word opens a later clause ("…and, thinking about it, what would help?").
    return "open" if _LATE_WH.search(_STUTTER.sub(r"\1", sentence.lower())) else "closed"


# Asking clauses: (their lead words, the words from them to the end of the sentence).
Asking = tuple[tuple[tuple[str, ...], str], ...]


def asking_clauses(sentence: str) -> Asking:
    """Each clause of the sentence built as a question, as (its lead words, the words from it
    to the end of the sentence). The opening clause is read more generously than later ones:
    "Is it…", "Why…" open a question there but may relate or subordinate further on."""
    parts = clauses(_WH_CONTRACTION.sub(_expand, _FRAGMENT.sub("", sentence).lower()))
    found: list[tuple[tuple[str, ...], str]] = []
    opening = True
    for i, part in enumerate(parts):
        lead = lead_words(part, limit=12)
        if not lead:
            continue
        if _first_clause_asks(lead) if opening else clause_asks(lead):
            found.append((tuple(lead), " ".join(words(" ".join(parts[i:])))))
        opening = False
    return tuple(found)


def _alternation(found: frozenset[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))


# A clause that could ask: one of the words questions start with, after any fillers. A cheap
# first look, so that most statements are never split into clauses.
_CLAUSE_START = re.compile(
    r"(?:^|[,;:]|--|[\u2014\u2013]|\s-\s|\.\.\.|\s(?=(?:and|but|so|or)\s))[\s\W]*(?:(?:"
    + _alternation(FILLERS | _HESITATIONS | {"you know", "i mean"})
    + r")\b[\s\W]*)*(?:"
    + _alternation(AUX | WH | {"tell", "any", "anything", "in", "to"})
    + r")\b"
)


def _some_clause_asks(sentence: str) -> bool:
    """A question without its question mark further into the sentence ("Let me ask you this,
    on a scale…, how confident are you…")."""
    text = _WH_CONTRACTION.sub(_expand, _FRAGMENT.sub("", sentence).lower())
    if not _CLAUSE_START.search(text):
        return False
    parts = clauses(text)
    # A quoted question ("…it's almost, "How could I do it?"") is the client's voice, not a
    # question put to them.
    return any(
        clause_asks(lead_words(part, limit=12), strict=True)
        for part in parts
        if part.lstrip()[:1] not in _QUOTES
    )


@lru_cache(maxsize=CACHE_SIZE)
def question_form(sentence: str) -> str:
    """``"open"`` when the question invites an account, ``"closed"`` when it can be met with
    yes, no, a choice or a fact. Each clause built as a question is read on its own
    ("Sandra, can you give me an example?"); one open clause makes the question open."""
    asking = asking_clauses(sentence)
    if not asking:
        return _statement_form(sentence)
    whole = " ".join(words(sentence))
    if _BROKEN_OFF.search(sentence):
        asking = _without_restarts(asking)
    forms = [_clause_form(list(lead), rest, whole) for lead, rest in asking]
    return "open" if "open" in forms else "closed"


# A clause of two words or fewer, cut off by a dash and followed by another asking clause,
# was broken off; "What, do you think, would help?" keeps its "what".
_BROKEN_OFF = re.compile(r"--|[\u2014\u2013]|\w-\s|\s-\s")


def _without_restarts(asking: Asking) -> Asking:
    """Each asking clause but those broken off and asked again ("What was-- what was his
    name?", "Is it-- why did he stop?"): the question the coach went on to ask counts."""
    last = len(asking) - 1
    return tuple(clause for i, clause in enumerate(asking) if i == last or len(clause[0]) > 2)
