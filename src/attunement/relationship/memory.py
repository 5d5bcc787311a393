"""What the client mentioned that a coach should remember: people, events, dates, values, hopes.

Only the client's turns are read. Each kind has a few narrow patterns (listed with examples in
docs/followup.md); a card is proposed only when a pattern matches exactly, because every
candidate costs the coach a moment to confirm or delete:

- person: "my <relation>" from a fixed list of family, work and support relations, with the
  name when it follows ("my manager Sarah", "my dad, Hannah,", "a mentor of mine, Ingrid").
  A relation seen with a name replaces the same relation seen without one.
- event: a life event from a fixed vocabulary (wedding, birthday, surgery, hospital, diagnosis,
  redundancy, promotion, a missed match or recital ...) in the client's sentence, unless the
  sentence speaks of "you" in general or asks a question. One card per event word stem and
  session.
- date: an occasion with a day ("Tuesday's meeting", "my review is on the 14th").
- value: "<a few words> (really) matters to me", "<...> is important to me", "I value <...>",
  where the words are not a pronoun ("it matters to me" says nothing on its own).
- hope: "I hope ...", "I wish I could ...", "I'd love to ...", "what I really want is ...",
  "my dream is ..." at the start of a sentence or clause (after "I suppose", "I think" at most),
  at least five words long, not wishing the coach well ("I hope you have a good day"), not
  a shrug ("I hope so", "I wish I could do that") and not about the conversation itself
  ("I hope this is normal").

Repeats within a session become one card (the first mention), by kind and wording.

``find_memories_in_notes`` reads the coach's own notes instead (client notes, private session
notes). They speak of the client in the third person ("Her daughter Ana starts university in
March", "values honesty"), so the patterns differ: a relation needs "her", "his", "their" or
"the client's" (or a name right after it at the start of a line: "Daughter Ana ..."), never
"my" (that is the coach's own life); values and hopes need the client as subject or no subject
at all; an event is the life-event vocabulary above or someone starting, leaving or moving.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from attunement.relationship.dates import MONTHS, WEEKDAYS
from attunement.relationship.phrases import clip, normalised, sentences, without_fillers
from attunement.transcript.model import Conversation, Role


class Kind(StrEnum):
    PERSON = "person"
    EVENT = "event"
    DATE = "date"
    VALUE = "value"
    HOPE = "hope"


@dataclass(frozen=True, slots=True)
class FoundMemory:
    kind: Kind
    text: str
    turn: int


RELATIONS = (
    "manager|boss|line manager|director|ceo|mentor|colleague|co-worker|team lead|assistant"
    "|wife|husband|partner|fiancée|fiancé|girlfriend|boyfriend|ex"
    "|son|daughter|kids|children|baby|mum|mom|mother|dad|father|parents|brother|sister"
    "|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|best friend|friend"
    "|therapist|doctor|neighbour|neighbor|sponsor"
)
_NAME = r"(?:,\s*|\s+)(?P<name>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\b"
PERSON = re.compile(
    rf"\b(?:[Mm]y (?P<rel>{RELATIONS})|[Aa] (?P<rel2>{RELATIONS}) of mine)(?:'s)?\b(?:{_NAME})?"
)
NOT_NAMES = {"I", "And", "But", "So", "The", "This", "That", "It", "He", "She", "They", "We"}
EVENT = re.compile(
    r"\b(?:wedding|funeral|birthday|anniversary|pregnan\w*|surgery|operation|diagnos\w+"
    r"|hospital|divorce\w*|separat(?:ed|ion)|redundan\w+|laid off|made redundant|promot(?:ed|ion)"
    r"|retir(?:e|ed|ing|ement)|graduat\w+|moving house|new job|passed away|died"
    r"|missed my \w+'s \w+)\b",
    re.IGNORECASE,
)
OCCASION = r"meeting|review|interview|deadline|presentation|appointment|launch|exam|board|trip"
_WHEN = rf"{'|'.join(w.capitalize() for w in WEEKDAYS)}"
_MONTH = "|".join(m.capitalize() for m in MONTHS)


def _occasion_date(owners: str) -> re.Pattern[str]:
    """An occasion with its day: "Tuesday's meeting", "<owner> review is on the 14th"."""
    return re.compile(
        rf"\b(?:(?:{_WHEN})'s (?:{OCCASION})"
        rf"|(?i:{owners}) (?:{OCCASION}) (?:is |was )?(?:on |next |this )"
        rf"(?:{_WHEN}|the \d{{1,2}}(?:st|nd|rd|th)|{_MONTH} \d{{1,2}}|week))\b"
    )


DATE = _occasion_date("my|our|the")
VALUE = re.compile(
    r"(?:^|, )(?P<v>[\w' -]{3,40}?) (?:really |so |very )?(?:matters|is important|are important)"
    r" to me\b|\bI (?:really |deeply )?value (?P<v2>[\w' -]{3,40})",
    re.IGNORECASE,
)
GENERIC_YOU = re.compile(r"^you\b", re.IGNORECASE)  # "You end up in hospital" is not news
MIN_HOPE_WORDS = 5  # "I hope so" hopes for nothing in particular
NOT_HOPES = re.compile(
    r"\b(?:hope|wish|love to)\s+(?:you|so|not|it|this|that|there|they)\b|\bI wish I could know",
    re.IGNORECASE,
)
PRONOUNS = re.compile(r"^(?:it|this|that|what|why|which|who|something|everything|nothing)\b", re.I)
HOPE = re.compile(
    r"(?:^|, (?:and|but) |; )(?:(?:I suppose|I think|I guess|honestly),? )?(?P<h>(?:I (?:really )?hope|I wish I could|I'd love to|I would love to"
    r"|what I really want is|my dream is|one day I'd like to)\b[^.?!]*)",
    re.IGNORECASE,
)


def find_memories(conversation: Conversation) -> list[FoundMemory]:
    """Candidate memory cards from the client's turns, first mention of each, in order."""
    said = ((t.index, s) for t in conversation.by_role(Role.CLIENT) for s in sentences(t.text))
    return _first_mentions(said, _in_sentence)


def _first_mentions(
    said: Iterable[tuple[int, str]], read: Callable[[str], Iterator[tuple[Kind, str, str]]]
) -> list[FoundMemory]:
    """One card per kind and wording (the first mention) from each (turn, sentence) ``read``."""
    cards: dict[tuple[Kind, str], FoundMemory] = {}
    for turn, sentence in said:
        for kind, text, key in read(without_fillers(sentence)):
            cards.setdefault((kind, normalised(key)), FoundMemory(kind, text, turn))
    return _named_people_win(list(cards.values()))


def _in_sentence(sentence: str) -> Iterator[tuple[Kind, str, str]]:
    """(kind, card text, what makes two cards the same) for each pattern that matches."""
    yield from ((Kind.PERSON, person, person) for person in _people(sentence))
    event = EVENT.search(sentence)
    if event and not GENERIC_YOU.match(sentence) and not sentence.endswith("?"):
        # The whole sentence says what happened; the event word's stem says which event
        # ("pregnant" and "pregnancy" are one).
        yield Kind.EVENT, clip(sentence, 160), event.group(0).lower()[:6]
    for match in DATE.finditer(sentence):
        yield Kind.DATE, match.group(0), match.group(0)
    value = _value(sentence)
    if value:
        yield Kind.VALUE, value, value
    hope = HOPE.search(sentence)
    if hope and _real_hope(hope.group("h")):
        yield Kind.HOPE, clip(hope.group("h"), 160), hope.group("h")


def _real_hope(words: str) -> bool:
    """Not a pleasantry ("I hope you have a good day"), a shrug ("I hope so", "I wish I could
    do that") or a remark on the conversation ("I hope this is normal")."""
    if len(words.split()) < MIN_HOPE_WORDS or NOT_HOPES.search(words):
        return False
    return not re.search(r"\b(?:do|know|try|have|give) (?:it|that|this)\b", words, re.IGNORECASE)


def _people(sentence: str) -> Iterator[str]:
    for match in PERSON.finditer(sentence):
        relation = (match.group("rel") or match.group("rel2")).lower()
        name = match.group("name")
        yield f"{relation}, {name}" if name and name not in NOT_NAMES else relation


def _value(sentence: str) -> str | None:
    match = VALUE.search(sentence)
    if not match:
        return None
    words = (match.group("v") or match.group("v2") or "").strip()
    words = re.sub(r"^(?:the thing is,?|and|but|so)\s+", "", words, flags=re.I)
    if not words or PRONOUNS.match(words) or len(words.split()) > 4:
        return None
    return words


def _named_people_win(cards: list[FoundMemory]) -> list[FoundMemory]:
    """Drop "son" when "son, Beatriz" is also there: the named card says more."""
    named = {c.text.split(",")[0] for c in cards if c.kind == Kind.PERSON and "," in c.text}
    return [c for c in cards if not (c.kind == Kind.PERSON and c.text in named)]


# ---- the coach's notes -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NotedMemory:
    kind: Kind
    text: str


_THEIR = r"(?:[Hh]er|[Hh]is|[Tt]heir|(?:[Tt]he )?[Cc]lient's)"
NOTE_PERSON = re.compile(rf"\b{_THEIR} (?P<rel>{RELATIONS})(?:'s)?\b(?:{_NAME})?")
# "Daughter Ana starts university": a capitalised relation opening the note, with a name.
NOTE_PERSON_OPENING = re.compile(rf"^(?P<rel>(?i:{RELATIONS})) (?P<name>[A-Z][a-zà-ÿ]+)\b")
NOTE_EVENT = re.compile(
    r"\b(?:start(?:s|ing)?|begin(?:s|ning)?) (?:university|uni|school|college|a new (?:job|role))\b"
    r"|\b(?:leav(?:es|ing)|mov(?:es|ing)) (?:to [A-Z][a-z]+|abroad|house|the company|her job"
    r"|his job|their job)\b"
)
# The client as subject ("She values ...", "Values ..." with no subject, "Omar values ...").
_SUBJECT = r"(?:^|\b(?:[Ss]he|[Hh]e|[Tt]hey|[Cc]lient|[A-Z][a-z]+) )(?:really |deeply |clearly )?"
NOTE_VALUE = re.compile(
    rf"{_SUBJECT}(?i:values?|cares? (?:a lot |deeply )?about) (?P<v>[\w' -]{{3,40}})"
    r"|(?:^|, )(?P<v2>[\w' -]{3,40}?) (?:really |so |very )?(?:matters|is important|are important)"
    r" to (?:her|him|them)\b"
)
NOT_VALUE_WORDS = {
    "i", "we", "you", "she", "he", "they", "what", "it", "this", "that", "talked", "discussed",
    "were", "was", "are", "is", "came", "come", "session", "exercise", "work",
}  # fmt: skip
NOTE_HOPE = re.compile(
    rf"{_SUBJECT}(?P<h>(?i:hopes|dreams of|would love to|wishes (?:she|he|they) could)\b[^.?!;]*)"
)
NOTE_DATE = _occasion_date("her|his|their|the")


def find_memories_in_notes(notes: str) -> list[NotedMemory]:
    """Candidate memory cards from the coach's free-text notes, first mention of each, in order.

    Each line and sentence is read on its own, so a list of short notes works as well as prose.
    """
    written = ((0, s) for line in notes.splitlines() for s in sentences(line))
    return [NotedMemory(c.kind, c.text) for c in _first_mentions(written, _in_note)]


def _in_note(sentence: str) -> Iterator[tuple[Kind, str, str]]:
    """(kind, card text, what makes two cards the same) for each notes pattern that matches."""
    yield from ((Kind.PERSON, person, person) for person in _noted_people(sentence))
    if (EVENT.search(sentence) or NOTE_EVENT.search(sentence)) and not sentence.endswith("?"):
        yield Kind.EVENT, clip(sentence, 160), sentence
    for match in NOTE_DATE.finditer(sentence):
        yield Kind.DATE, match.group(0), match.group(0)
    value = _noted_value(sentence)
    if value:
        yield Kind.VALUE, value, value
    hope = NOTE_HOPE.search(sentence)
    # A note leaves out the subject ("hopes to get promoted"): one word fewer than speech.
    if hope and len(hope.group("h").split()) >= MIN_HOPE_WORDS - 1:
        yield Kind.HOPE, clip(hope.group("h"), 160), hope.group("h")


def _is_name(word: str | None) -> bool:
    """A capitalised word after a relation, unless it is a pronoun or a day or month
    ("her boss Monday" names nobody)."""
    return bool(word) and word not in NOT_NAMES and str(word).lower() not in (*WEEKDAYS, *MONTHS)


def _noted_people(sentence: str) -> Iterator[str]:
    for match in NOTE_PERSON.finditer(sentence):
        name = match.group("name")
        relation = match.group("rel").lower()
        yield f"{relation}, {name}" if _is_name(name) else relation
    opening = NOTE_PERSON_OPENING.match(sentence)
    if opening and _is_name(opening.group("name")):
        yield f"{opening.group('rel').lower()}, {opening.group('name')}"


def _noted_value(sentence: str) -> str | None:
    match = NOTE_VALUE.search(sentence)
    if not match:
        return None
    words = (match.group("v") or match.group("v2") or "").strip()
    words = re.split(r"\s+(?:and|but|so|because|when|if)\s+(?!\w+$)", words)[0].strip()
    if not words or len(words.split()) > 4:
        return None
    if NOT_VALUE_WORDS & set(words.lower().split()):
        return None
    return words
