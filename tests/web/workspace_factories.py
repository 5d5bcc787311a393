"""Small builders for the workspace tests (plain functions, so any test module can use them).

The coach and client builders are the personas' (``personas.py``) under the names these tests use.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from personas import PASSWORD, make_client_of
from personas import make_member as make_coach

from attunement.practice import services
from attunement.practice.models import Client, Session

__all__ = [
    "GOOD_TRANSCRIPT",
    "PASSWORD",
    "SECRET_SENTENCE",
    "make_client",
    "make_coach",
    "make_session",
]

# A tiny session we wrote ourselves: speaker labels, then what they said.
GOOD_TRANSCRIPT = """Sam: Welcome back. What would you like to focus on today?
Riya: I keep putting off the conversation with my manager about the promotion.
Sam: What makes that conversation feel so hard to start?
Riya: I worry she will think I am ungrateful, and honestly I am scared of hearing no.
Sam: So part of you wants to ask, and part of you wants to stay safe. What would it mean to ask anyway?
Riya: It would mean I take my own ambitions seriously. I have never said that out loud before.
Sam: You sound surprised hearing yourself say it. What do you notice right now?
Riya: I feel lighter. I think I could ask her next week.
"""
SECRET_SENTENCE = "I worry she will think I am ungrateful"


def make_client(user: Any, name: str = "Riya Kapoor", consent: bool = True) -> Client:
    return make_client_of(user, name=name, consent=consent)


def make_session(client: Client, days_ago: int = 1, status: str = "held", by: str = "") -> Session:
    when = datetime.now(UTC).replace(microsecond=0) - timedelta(days=days_ago)
    return services.log_session(
        services.engagement_for(client), when=when, status=status, by_whom=by
    )
