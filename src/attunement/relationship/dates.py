"""Relative dates as people say them ("by Friday", "next week", "on the 3rd"), made concrete.

Everything is relative to the session's date, which the caller passes in; nothing here reads
the clock. The readings are deliberate simplifications, documented in docs/followup.md:

- "today", "tonight" -> the session date; "tomorrow" -> the day after.
- "this week", "by the end of the week" -> the Friday of the session's week (the next Friday
  when the session is on a weekend); "next week" -> the Friday of the following week;
  "the week after next" -> the Friday two weeks on.
- "on/by/this Friday" -> the next Friday after the session date (a week on if the session is on
  a Friday); "next Friday" -> the Friday of the following week.
- "in N days/weeks", "in a couple of weeks", "in a few days" -> that many days on.
- "on the 3rd" -> the next 3rd of a month after the session date.
- "at the end of the month", "next month" -> the last day of this / next month;
  "by the end of the year" -> 31 December.
- "before the summer", "after the holidays" -> kept as words, no date (seasons differ by place).
- "in early/mid/late March", "in March", "by March" -> the 10th / 15th / last day / last day
  of the next March on or after the session date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = tuple(m.lower() for m in calendar.month_name[1:])
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "a couple of": 2, "a few": 3}
_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(MONTHS)
_COUNT = r"\d+|a couple of|a few|one|two|three|four|a"

# One alternation, longest phrases first, so "the week after next" wins over "next week".
DUE_PATTERN = re.compile(
    r"\b(?:"
    rf"(?:by |before |on |this |next )?(?:{_WEEKDAY})\b(?! ?'s)"
    r"|(?:by |before |at )?the end of (?:the|this) (?:week|month|year)"
    r"|(?:before|after) the (?:summer|holidays|break|weekend)"
    r"|(?:by |before )?(?:the )?week after next"
    r"|(?:by |before )?(?:this|next) (?:week|month)"
    rf"|in (?:{_COUNT}) (?:days?|weeks?)"
    r"|(?:on |by )?the \d{1,2}(?:st|nd|rd|th)\b"
    rf"|(?:in |by )?(?:early |mid[- ]|late |the end of )?(?:{_MONTH})\b"
    r"|today|tonight|tomorrow"
    r")",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DueHint:
    """The words that said when, and the date they mean (None if they mean nothing definite)."""

    phrase: str
    due: date | None


def find_due(text: str, said_on: date | None) -> DueHint | None:
    """The last date phrase in ``text`` and its date relative to ``said_on``; None if none."""
    matches = list(DUE_PATTERN.finditer(text))
    if not matches:
        return None
    phrase = matches[-1].group(0)
    return DueHint(phrase, resolve(phrase, said_on) if said_on else None)


def resolve(phrase: str, said_on: date) -> date | None:
    """The date ``phrase`` means when said on ``said_on``, or None if it is not understood."""
    words = re.sub(r"^(?:by|before|on|in|at)\s+", "", phrase.strip().lower())
    words = re.sub(r"\s+", " ", words)
    for reader in (_simple, _week, _weekday, _count, _day_of_month, _month):
        found = reader(words, said_on)
        if found is not None:
            return found
    return None


def _simple(words: str, said_on: date) -> date | None:
    return {"today": said_on, "tonight": said_on, "tomorrow": said_on + timedelta(days=1)}.get(
        words
    )


def _friday_of_week(day: date, weeks_on: int) -> date:
    monday = day - timedelta(days=day.weekday())
    friday = monday + timedelta(days=4, weeks=weeks_on)
    # Said on a weekend, "this week" means the coming working week.
    return friday + timedelta(weeks=1) if day.weekday() > 4 else friday


def _week(words: str, said_on: date) -> date | None:
    if words in ("this week", "the end of the week", "the end of this week"):
        return _friday_of_week(said_on, 0)
    if words == "next week":
        return _friday_of_week(said_on, 1)
    if words in ("the week after next", "week after next"):
        return _friday_of_week(said_on, 2)
    if words in ("the end of the year", "the end of this year"):
        return date(said_on.year, 12, 31)
    if words in ("the end of the month", "the end of this month"):
        return _month_end(said_on.year, said_on.month)
    if words == "next month":
        year, month = (
            (said_on.year + 1, 1) if said_on.month == 12 else (said_on.year, said_on.month + 1)
        )
        return _month_end(year, month)
    return None


def _weekday(words: str, said_on: date) -> date | None:
    match = re.fullmatch(rf"(this |next )?({_WEEKDAY})", words)
    if not match:
        return None
    target = WEEKDAYS.index(match.group(2))
    if match.group(1) == "next ":
        monday_next = said_on + timedelta(days=7 - said_on.weekday())
        return monday_next + timedelta(days=target)
    ahead = (target - said_on.weekday()) % 7 or 7
    return said_on + timedelta(days=ahead)


def _count(words: str, said_on: date) -> date | None:
    match = re.fullmatch(rf"({_COUNT}) (days?|weeks?)", words)
    if not match:
        return None
    amount = match.group(1)
    number = int(amount) if amount.isdigit() else NUMBERS[amount]
    return said_on + timedelta(days=number * (7 if match.group(2).startswith("week") else 1))


def _day_of_month(words: str, said_on: date) -> date | None:
    match = re.fullmatch(r"the (\d{1,2})(?:st|nd|rd|th)", words)
    if not match or not 1 <= int(match.group(1)) <= 31:
        return None
    day, year, month = int(match.group(1)), said_on.year, said_on.month
    for _ in range(13):  # the next month that has this day, after the session date
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) > said_on:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _month(words: str, said_on: date) -> date | None:
    match = re.fullmatch(rf"(early |mid[- ]|late |the end of )?({_MONTH})", words)
    if not match:
        return None
    month = MONTHS.index(match.group(2)) + 1
    year = said_on.year if month >= said_on.month else said_on.year + 1
    part = (match.group(1) or "").strip()
    last = calendar.monthrange(year, month)[1]
    day = {"early": 10, "mid-": 15, "mid": 15, "late": last, "the end of": last}.get(part, last)
    return date(year, month, day)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
