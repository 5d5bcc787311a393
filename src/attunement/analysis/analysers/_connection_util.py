"""Small helpers shared by the connection analysers (listening, matching, representational,
openness, agreement, competency): lexicon loading, fast phrase patterns, content words.

The leading underscore keeps the registry from treating this module as a plugin.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from attunement.analysis.analysers import _word_start
from attunement.analysis.text import folded, sentences


@cache
def lexicon(name: str) -> Any:
    """A JSON lexicon from ``attunement/analysis/lexicon/`` (read once per process)."""
    path = resources.files("attunement.analysis").joinpath("lexicon", name)
    return json.loads(path.read_text(encoding="utf-8"))


def phrase_pattern(phrases: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """One pattern matching any of the phrases as whole words.

    A phrase may itself be a small regular expression ("i('m| am) noticing"); longer phrases
    are tried first so the most specific one is reported as evidence. With
    ``ignore_case=False`` the pattern is lower-case only and about twice as fast: search
    lower-cased text with it.
    """
    return _whole_words(phrases, re.IGNORECASE if ignore_case else 0)


class TaggedPattern:
    """Many phrase lists in one compiled pattern that reports which list each match came from.

    Where phrases from different lists start at the same place, the longest match wins
    (``"i don't want to keep"`` is found as one phrase, not as the shorter ``"i don't want to"``
    inside it). A turn is scanned once for where phrases start, however many lists there are.
    """

    def __init__(self, lists: dict[str, Iterable[str]]) -> None:
        # Texts are lower-cased before matching: case-sensitive patterns run about twice as fast.
        lists = {tag: list(phrases) for tag, phrases in lists.items()}
        self.by_tag = {tag: _whole_words(phrases, 0) for tag, phrases in lists.items()}
        # Only where a match starts is read from this one: see ``_whole_words``' spell_rest.
        self.pattern = _whole_words(
            (p for phrases in lists.values() for p in phrases), 0, spell_rest=True
        )
        # Only the lists with a phrase starting at a match's first letter are tried there.
        starts = {tag: _start_letters(phrases) for tag, phrases in lists.items()}
        letters = set().union(*(s for s in starts.values() if s is not None))
        self.anywhere = tuple((t, p) for t, p in self.by_tag.items() if starts[t] is None)
        self.by_letter = {
            letter: tuple(
                (t, p) for t, p in self.by_tag.items() if letter in (starts[t] or letters)
            )
            for letter in letters
        }

    def find(self, text: str) -> list[tuple[str, str]]:
        """``(tag, matched words)`` for every match in ``text``, in order."""
        text = folded(text)
        found: list[tuple[str, str]] = []
        position = 0
        while (first := self.pattern.search(text, position)) is not None:
            start = first.start()
            tag, words = "", ""
            for candidate, p in self.by_letter.get(text[start], self.anywhere):
                # The longest match wins; on a tie, the list named first.
                if (m := p.match(text, start)) and (not tag or len(m.group(0)) > len(words)):
                    tag, words = candidate, m.group(0)
            found.append((tag, words))
            position = start + max(len(words), 1)
        return found


def _start_letters(phrases: Iterable[str]) -> frozenset[str] | None:
    """The letters the phrases can start with (as ``_whole_words`` groups them), or ``None``
    when some phrase may start with anything."""
    letters: set[str] = set()
    for phrase in {v for p in phrases for v in _without_optional_start(_non_capturing(_lower(p)))}:
        spelled = _spelled_out_start(phrase)
        if not spelled:
            return None
        letters.update(variant[0] for variant in spelled)
    return frozenset(letters)


def _whole_words(
    phrases: Iterable[str], flags: int = re.IGNORECASE, *, spell_rest: bool = False
) -> re.Pattern[str]:
    """One pattern for all phrases, as whole words.

    Phrases are grouped by their first letter and each group opens with that letter, so the
    regular-expression engine can skip ahead to the letters that can start a phrase (in C)
    instead of trying every phrase at every position. With ``spell_rest`` the phrases that do
    not open plainly are spelled out too (``_word_start``): the pattern is then found at the
    same places, but which phrase it matched may differ, so only where it starts may be read.
    """
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for phrase in {v for p in phrases for v in _without_optional_start(_non_capturing(_lower(p)))}:
        spelled = _spelled_out_start(phrase)
        if not spelled and spell_rest:
            variants = _word_start.spelled(phrase) or []
            # Only letters: a word boundary before them is what "(?<![\w'])" already says.
            if variants and all(first.isalpha() for first, _ in variants):
                spelled = [first + tail for first, tail in variants]
        for variant in spelled:
            groups.setdefault(variant[0], []).append(variant[1:])
        if not spelled:
            rest.append(phrase)
    branches = [
        f"{first}(?<![\\w']{first})(?:{'|'.join(sorted(tails, key=len, reverse=True))})"
        for first, tails in sorted(groups.items())
    ]
    branches += [f"(?<![\\w'])(?:{p})" for p in sorted(rest, key=len, reverse=True)]
    return re.compile(rf"(?:{'|'.join(branches) or '(?!x)x'})(?![\w'])", flags)


def _spelled_out_start(phrase: str) -> list[str]:
    """The phrase with a leading group of plain alternatives spelled out ("(?:it|that) x" ->
    "it x", "that x"), each starting with a plain letter; empty when that is not possible."""
    letters = _first_letters(phrase)
    if not letters:
        return []
    if not phrase.startswith("(?:"):
        return [phrase]
    end = _group_end(phrase)
    return [option + phrase[end + 1 :] for option in phrase[3:end].split("|")]


def _group_end(phrase: str) -> int:
    """Where the group opening the phrase closes, or -1."""
    depth = 0
    for position, char in enumerate(phrase):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return position
    return -1


def _without_optional_start(phrase: str) -> list[str]:
    """``(?:but )?i only`` as ``(?:but )i only`` and ``i only``: both start with a known letter."""
    if not phrase.startswith("(?:"):
        return [phrase]
    end = _group_end(phrase)
    if end < 0 or phrase[end + 1 : end + 2] != "?" or phrase[end + 2 : end + 3] in {"?", "+"}:
        return [phrase]
    rest = phrase[end + 2 :]
    return [phrase[: end + 1] + rest, rest] if rest else [phrase]


def _first_letters(phrase: str) -> set[str]:
    """The letters a phrase can start with, or an empty set when that is not plain to see."""
    if len(phrase) > 1 and phrase[0].isalpha() and phrase[1] not in "+*?{|":
        return {phrase[0].lower()}
    if not phrase.startswith("(?:"):
        return set()
    end = _group_end(phrase)
    inner = phrase[3:end]
    if end < 0 or phrase[end + 1 : end + 2] in {"?", "*", "+", "{"} or "(" in inner:
        return set()
    options = inner.split("|")
    if any(not o or not o[0].isalpha() or o[1:2] in {"?", "*", "+", "{"} for o in options):
        return set()
    return {o[0].lower() for o in options}


def _lower(phrase: str) -> str:
    """Lower-case a phrase's letters but not its escapes (``\\W`` must stay ``\\W``)."""
    return re.sub(r"(?<!\\)[A-Z]", lambda m: m.group(0).lower(), phrase)


def _non_capturing(phrase: str) -> str:
    # Phrases may use groups of their own; they must not shift the group numbers.
    return re.sub(r"\((?!\?)", "(?:", phrase)


def share(part: float, whole: float) -> float | None:
    """``part / whole`` rounded for reports, or ``None`` when there is nothing to divide."""
    return round(part / whole, 3) if whole else None


# Words too common to count as the client's own language when the coach repeats them.
STOPWORDS = frozenset(lexicon("stopwords.json")["words"])


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A crude stem so that "worries" and "worried" count as the same word."""
    for suffix in ("ings", "ing", "ies", "ied", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def content_words(words: tuple[str, ...]) -> frozenset[str]:
    """The stems of the meaningful words of a turn (no function words, no short words)."""
    return frozenset(
        stem(w) for w in words if len(w) > 3 and w not in STOPWORDS and not w.isdigit()
    )


@lru_cache(maxsize=4096)
def content_stems(words: tuple[str, ...]) -> dict[str, str]:
    """Like ``content_words``, mapping each stem to the word as it was said (first seen)."""
    found: dict[str, str] = {}
    for w in words:
        if len(w) > 3 and w not in STOPWORDS and not w.isdigit():
            found.setdefault(stem(w), w)
    return found


# A sentence this short ("Right.", "Okay, well.") says too little to quote on its own.
MIN_QUOTE_WORDS = 4


def quoted_sentence(text: str, limit: int = 14) -> str:
    """The first sentence of a turn that says something (at most ``limit`` words), to quote as
    evidence when no cue phrase was found: "Right. Well, I'd do X." gives "Well, I'd do X."."""
    said = sentences(text) or (text.strip(),)
    chosen = next((s for s in said if len(s.split()) >= MIN_QUOTE_WORDS), said[0])
    words = chosen.split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")
