"""Builders for check-in records (plain functions; used by conftest.py and the check-in tests)."""

from __future__ import annotations

from typing import Any


def make_checkin_of(session: Any, kind: str = "session", **fields: Any) -> Any:
    """A check-in link the session's coach made for its client (unanswered unless told)."""
    from attunement.checkins.models import Checkin

    return Checkin.objects.create(client=session.client, session=session, kind=kind, **fields)
