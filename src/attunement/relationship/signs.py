"""What a rule reports: a warning sign with its plain sentence and the evidence behind it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from attunement.relationship.history import CheckIn, History, SessionRecord
from attunement.relationship.phase import Phase


@dataclass(frozen=True, slots=True)
class Evidence:
    """One thing a coach can open to check a warning sign: a session, a check-in, a commitment
    or turns of a transcript."""

    kind: str  # "session" | "checkin" | "commitment" | "turns"
    ref: str
    when: datetime | None
    detail: str
    turns: tuple[int, ...] = ()


def session_evidence(session: SessionRecord, detail: str) -> Evidence:
    return Evidence("session", session.ref, session.when, detail)


def checkin_evidence(checkin: CheckIn, detail: str) -> Evidence:
    return Evidence("checkin", checkin.ref, checkin.when, detail)


@dataclass(frozen=True, slots=True)
class Sign:
    rule: str  # the rule's id, which is also the guide's warning-sign id
    sentence: str  # plain words, fit to be read in a list on the dashboard
    weight: int  # points taken off the health value while the sign is open
    evidence: tuple[Evidence, ...] = ()


Check = Callable[[History, datetime, Phase], Sign | None]

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def count_word(number: int) -> str:
    """A small count in words ("three"), larger ones in digits, as a sentence reads best."""
    return NUMBER_WORDS.get(number, str(number))


@dataclass(frozen=True, slots=True)
class Rule:
    """A named warning sign of the framework, its threshold, and where the threshold comes from."""

    id: str
    title: str
    threshold: str
    source: str
    weight: int
    check: Check
    # Another rule's id: while that rule's sign is open this one is not shown (one sign, not two).
    quiet_while: str | None = None
