"""Words for keyword search: lower case, compounds kept whole and split, stop words dropped,
light suffix stripping, a small list of coach-language synonyms, everyday feeling words leading to
the guide's general words for feelings, a check for the coach naming a feeling of their own, and
guesses for query words one typo away from a word the guide uses or a listed coach word.

The stemmer is deliberately light: it only has to make "rescheduling", "rescheduled" and
"reschedule" meet, not to be a linguist's stemmer. Query and documents go through the same
function, so any oddity cancels out.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache
from pathlib import Path

from attunement.guide.loader import CONTENT, read_toml

WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
STOP_WORDS = """a an and are as at be been but by can do does for from had has have how i if in into is it
    its me my of on or our so than that the their them then there these they this to too was we
    what when where which who why will with would you your about just very really get got keep
    keeps kept should could can't cannot don't do doing did done all am im i'm it's gets getting go goes"""
STOP = frozenset(STOP_WORDS.split())
SUFFIXES = (
    ("ational", "ate"), ("ization", "ize"), ("ations", ""), ("ation", ""), ("ness", ""),
    ("ingly", ""), ("edly", ""), ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"),
    ("ful", ""), ("ly", ""), ("ed", ""), ("es", ""), ("s", ""),
)  # fmt: skip
VOWELS = set("aeiouy")


@cache
def stem(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _shortest_root(suffix):
            root = word[: -len(suffix)] + replacement
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if not VOWELS & set(root):
                continue
            word = root
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # running -> runn -> run
    if len(word) > 4 and word.endswith("ll"):
        word = word[:-1]  # cancelled -> cancell -> cancel
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def _shortest_root(suffix: str) -> int:
    # "cries" and "cried" keep two letters before the "y" they gain back ("cry"), like "tried".
    return 2 if suffix in ("ies", "ied") else 3


LETTERS = "abcdefghijklmnopqrstuvwxyz"
TYPO_MIN = 5  # shorter words have too many neighbours one letter away


def one_edit(term: str) -> set[str]:
    """Every string one typo away: a letter dropped, added, changed, or two swapped."""
    splits = [(term[:i], term[i:]) for i in range(len(term) + 1)]
    dropped = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    added = {a + c + b for a, b in splits for c in LETTERS}
    return (dropped | swapped | changed | added) - {term}


def near_misses(term: str, known: Container[str]) -> list[str]:
    """Known terms one typo away from an unknown query term ("cleint" -> "client")."""
    if len(term) < TYPO_MIN or not term.isalpha() or term in known:
        return []
    return sorted(t for t in one_edit(term) if t in known)


def raw_words(text: str) -> list[str]:
    """Lower-case tokens as written, compounds whole ("no-show", "i'm"), stop words kept."""
    return WORD.findall(text.lower().replace("’", "'"))


def joined(token: str) -> str:
    """A compound with its hyphens and apostrophes dropped ("self-blame" -> "selfblame"), the
    form ``words`` indexes it under and ``broader``'s keys are built from."""
    return "".join(re.split(r"['-]", token))


def words(text: str) -> list[str]:
    """Lower-case words; a hyphenated compound also yields its joined form ("no-show", "noshow")."""
    out: list[str] = []
    for match in raw_words(text):
        parts = re.split(r"['-]", match)
        if len(parts) > 1:
            out.append(joined(match))
            out.extend(p for p in parts if p not in STOP and len(p) > 1)
        elif match not in STOP:
            out.append(match)
    return out


def terms(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


SYNONYMS = CONTENT / "synonyms.toml"
SYNONYM_WEIGHT = 0.5  # a listed synonym counts half as much as the word the coach typed


def _stems(phrases: list[str]) -> set[str]:
    # A compound ("no-show") stands for itself only, not for its parts ("show").
    return {terms(phrase)[0] for phrase in phrases if terms(phrase)}


@cache
def synonyms(path: Path = SYNONYMS) -> dict[str, frozenset[str]]:
    """Each stemmed word mapped to the other stems of its synonym and feeling groups."""
    raw = read_toml(path)
    table: dict[str, set[str]] = {}
    groups = (*raw.get("groups", []), raw.get("feeling_words", []), *raw.get("feelings", []))
    for group in groups:
        stems = _stems(group)
        for term in stems:
            table.setdefault(term, set()).update(stems - {term})
    return {k: frozenset(v) for k, v in table.items()}


@cache
def broader(path: Path = SYNONYMS) -> dict[str, frozenset[str]]:
    """Each stemmed feeling word ("crying") mapped to the guide's general words for feelings.

    One way only, so a query about feelings in general is not flooded with every emotion.
    """
    raw = read_toml(path)
    general = _stems(raw.get("feeling_words", []))
    return {t: frozenset(general - {t}) for g in raw.get("feelings", []) for t in _stems(g)}


# The coach as the one who feels ("I got teary", "makes me so angry"); see OTHER_SUBJECTS for
# "client told me she was furious", which is the client's feeling.
FIRST_PERSON = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "me", "myself"})
OWN_WINDOW = 3  # "I felt really irritated": the feeling comes within three words
# Another subject in between takes the feeling over: "I think she is angry".
OTHER_SUBJECTS = frozenset(
    {"she", "he", "they", "she's", "he's", "they're", "client", "clients", "you", "we", "it"}
    | {"her", "him", "them"}
)


@cache
def own_feeling_terms(path: Path = SYNONYMS) -> frozenset[str]:
    return frozenset(_stems(read_toml(path).get("own_feeling_words", [])))


def speaks_of_own_feeling(text: str) -> bool:
    """True when a first-person word is followed closely by a feeling word ("I got teary")."""
    raw = raw_words(text)
    feeling = broader()
    return any(
        word in FIRST_PERSON and _feeling_follows(raw[at + 1 : at + 1 + OWN_WINDOW], feeling)
        for at, word in enumerate(raw)
    )


def _feeling_follows(window: list[str], feeling: Container[str]) -> bool:
    """A feeling word in ``window`` before any other subject ("I think she is angry": no)."""
    for word in window:
        if word in OTHER_SUBJECTS:
            return False
        if stem(joined(word)) in feeling:  # "self-critical" as broader() holds it
            return True
    return False


def expand(query_terms: list[str], weight: float = SYNONYM_WEIGHT) -> dict[str, float]:
    """Query terms with their weights: each term 1.0, its synonyms and, for a feeling word, the
    general feeling words ``weight`` unless present."""
    out: dict[str, float] = {}
    for term in query_terms:
        out[term] = 1.0
    table, wider = synonyms(), broader()
    for term in query_terms:
        for other in (*table.get(term, ()), *wider.get(term, ())):
            out.setdefault(other, weight)
    return out


def plain(markdown: str) -> str:
    """Markdown reduced to sentences for snippets: no markers, no link targets."""
    text = re.sub(r"\]\([^)]*\)", "]", markdown)
    text = re.sub(r"[#>*_`\[\]]", "", text)
    return re.sub(r"^\s*-\s+", "", text, flags=re.MULTILINE)
