"""The question bank as a coach sees it: the guide's questions plus their own, with stars and
the questions found in their analysed transcripts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max

from attunement import guide
from attunement.guide.links import section_for_question_type
from attunement.library import matching
from attunement.library.models import Favourite, OwnQuestion
from attunement.practice.access import owned
from attunement.practice.models import Transcript

# How many of the coach's most recent transcripts are searched for their questions: enough for
# months of practice, few enough to decrypt on a page load.
RECENT_TRANSCRIPTS = 60
CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class BankRow:
    id: str
    text: str
    type: str
    phases: tuple[str, ...]
    client_types: tuple[str, ...]
    own: bool = False
    starred: bool = False
    used: int = 0  # how many times it was found in the coach's transcripts
    pk: int | None = None  # the coach's own question's id

    @property
    def section(self) -> str:
        """The guide section explaining questions of this type."""
        return section_for_question_type(self.type)


def _guide_rows() -> list[BankRow]:
    return [
        BankRow(q.id, q.text, q.type, tuple(q.phases), tuple(q.client_types))
        for q in guide.load().questions
    ]


def _own_rows(user: Any) -> list[BankRow]:
    rows = []
    for q in owned(OwnQuestion, user).order_by("-created"):
        phases = (q.phase,) if q.phase else ()
        clients = (q.client_type,) if q.client_type else ()
        rows.append(BankRow(q.bank_id, q.text, q.type, phases, clients, own=True, pk=q.pk))
    return rows


def asked_questions(user: Any) -> list[str]:
    """The questions in the coach's turns of their most recent analysed transcripts."""
    transcripts = owned(Transcript, user).order_by("-created")[:RECENT_TRANSCRIPTS]
    asked: list[str] = []
    for transcript in transcripts:
        asked += matching.coach_questions(transcript.conversation or {})
    return asked


def bank_for(user: Any) -> list[BankRow]:
    """Every question the coach can use, own ones first, each marked starred and/or used."""
    rows = _own_rows(user) + _guide_rows()
    stars = set(owned(Favourite, user).values_list("question_id", flat=True))
    used = _used(user, rows)
    return [replace(r, starred=r.id in stars, used=used.get(r.id, 0)) for r in rows]


def _used(user: Any, rows: list[BankRow]) -> dict[str, int]:
    """Question id -> times asked. Matching months of transcripts takes a fraction of a second,
    so the result is kept (ids and counts only) until a transcript or own question changes."""
    transcripts = owned(Transcript, user).aggregate(
        n=Count("id"), last=Max("id"), at=Max("created")
    )
    own = owned(OwnQuestion, user).aggregate(n=Count("id"), last=Max("id"))
    state = f"{user.pk}|{transcripts}|{own}".encode()
    key = "library-used-" + hashlib.sha256(state).hexdigest()[:32]
    found = cache.get(key)
    if found is None:
        found = matching.used_questions(((r.id, r.text) for r in rows), asked_questions(user))
        cache.set(key, found, CACHE_SECONDS)
    return found


def matches(row: BankRow, type: str, phase: str, client_type: str, show: str) -> bool:
    """Whether a row passes the filters; an empty filter passes everything, and a question
    for any phase or client passes every phase or client filter."""
    return (
        (not type or row.type == type)
        and (not phase or not row.phases or phase in row.phases)
        and (not client_type or not row.client_types or client_type in row.client_types)
        and (show != "starred" or row.starred)
        and (show != "used" or row.used > 0)
        and (show != "mine" or row.own)
    )


def exists(user: Any, question_id: str) -> bool:
    """Whether a question id names a guide question or one of this coach's own."""
    if question_id.startswith("own-"):
        pk = question_id[4:]
        return pk.isdigit() and owned(OwnQuestion, user).filter(pk=int(pk)).exists()
    return any(q.id == question_id for q in guide.load().questions)
