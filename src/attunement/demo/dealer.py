"""Dealing lines from the phrase tables so that nobody in a session says the same line twice.

Each table is dealt like a shuffled deck, so nothing comes back until the rest were used; a line
already said in the session (after its slots are filled) is passed over; and when a long session
has used up a table, the line said again gets an opening it has not had ("As I said, ...").
Backchannels and one-word answers ("Mm-hm.", "Not really.") may repeat, as they do in life.
The small wording helpers the slots are filled with (capitals, the client's words in the second
person) live here too.
"""

from __future__ import annotations

import random
import re
from typing import Any, TypeVar

from attunement.demo.phrases import lines as L
from attunement.demo.phrases import world as W

T = TypeVar("T")
# Lines this short are backchannels and one-word answers, which people do repeat; anything
# longer is said at most once in a session.
SHORT_LINE_WORDS = 3


def uncap(text: str) -> str:
    """``text`` as the middle of a sentence: "Why not?" becomes "why not?", but "I" and names
    keep their capitals."""
    first = re.split(r"[\s,.'?]", text, maxsplit=1)[0]
    keep = first == "I" or first in W.FIRST_NAMES or first.isupper()
    return text if keep else text[:1].lower() + text[1:]


_SECOND_PERSON = {
    "i": "you",
    "i'm": "you're",
    "i'd": "you'd",
    "i've": "you've",
    "i'll": "you'll",
    "my": "your",
    "me": "you",
    "myself": "yourself",
    "mine": "yours",
    "am": "are",
}
_PRONOUN = re.compile(r"\b(I'm|I'd|I've|I'll|I|[Mm]y|me|myself|mine|am)\b")


def second_person(text: str) -> str:
    """The client's words as the coach says them back: "I'm stuck" becomes "you're stuck"."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        replacement = _SECOND_PERSON[word.lower()]
        # "I" is always capitalised; only a sentence-initial "My" keeps its capital.
        return replacement.capitalize() if word[0] == "M" else replacement

    return _PRONOUN.sub(swap, text)


def cap(text: str) -> str:
    """``text`` as the start of a sentence."""
    return text[:1].upper() + text[1:]


class Dealer:
    """The session's decks and every line said so far; all chance comes from ``rng``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.decks: dict[tuple[Any, ...], list[Any]] = {}
        self.orders: dict[tuple[Any, ...], list[Any]] = {}
        self.spoken: set[str] = set()
        self.used: set[str] = set()  # the templates behind the lines said so far

    def deal(self, options: tuple[T, ...]) -> T:
        """The next option from a shuffled deck of them: nothing repeats until all were used."""
        deck = self.decks.get(options)
        if not deck:
            deck = list(options)
            self.rng.shuffle(deck)
            self.decks[options] = deck
        return deck.pop()

    def deal_all(self, options: tuple[T, ...]) -> list[T]:
        """Every option, in this session's shuffled order (the same for every call)."""
        if options not in self.orders:
            order = list(options)
            self.rng.shuffle(order)
            self.orders[options] = order
        return self.orders[options]

    def is_new(self, text: str) -> bool:
        return len(text.split()) <= SHORT_LINE_WORDS or text not in self.spoken

    def pick(
        self, options: tuple[str, ...], slots: dict[str, str], leads: tuple[str, ...] = L.LEAD_INS
    ) -> str:
        """The next line of ``options``, filled from ``slots``, that nobody has said yet in this
        session; when every one has been said, the last one drawn opened with one of ``leads``."""
        text = template = ""
        for _ in range(len(options)):
            template = self.deal(options)
            text = template.format(**slots)
            if self.is_new(text):
                break
        else:
            text = self.vary(text, leads)
        self.spoken.add(text)
        self.used.add(template)
        return text

    def pick_pair(
        self, pairs: tuple[tuple[str, str], ...], slots: dict[str, str]
    ) -> tuple[str, str]:
        """A (first, second) pair of lines, neither said yet in this session."""
        first = second = ""
        for _ in range(len(pairs)):
            first, second = (line.format(**slots) for line in self.deal(pairs))
            if self.is_new(first) and self.is_new(second):
                break
        first, second = (line if self.is_new(line) else self.vary(line) for line in (first, second))
        self.spoken |= {first, second}
        return first, second

    def vary(self, text: str, leads: tuple[str, ...] = L.LEAD_INS) -> str:
        """``text`` said again, but not verbatim: opened with the first lead-in that makes it new.
        Only a fallback for long sessions that outrun a phrase table."""
        opening = text.split()[0].strip(",.").lower()
        for lead in self.deal_all(leads):
            varied = f"{lead} {uncap(text)}"
            if not lead.lower().startswith(opening) and self.is_new(varied):
                return varied
        return text
