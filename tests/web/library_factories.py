"""Builders for the library's records (plain functions; used by conftest.py and library tests)."""

from __future__ import annotations

from typing import Any


def make_entry_of(session: Any, text: str = "I rushed to fix things today.") -> Any:
    """A journal entry of the session's coach about that session."""
    from attunement.library.models import JournalEntry

    return JournalEntry.objects.create(
        coach=session.client.coach, session=session, prompt="frustration", text=text
    )


def make_own_question_of(user: Any, text: str = "What would a braver version of you try?") -> Any:
    from attunement.library.models import OwnQuestion

    return OwnQuestion.objects.create(coach=user.coach, text=text, type="future-focused")


def make_agreement_request_of(client: Any, days: int = 14) -> Any:
    """A logistics agreement sent to the client, not yet acknowledged."""
    from attunement.library import contracting

    return contracting.create_request(client, "logistics", "We meet every two weeks.", days)
