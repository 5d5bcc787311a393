"""Builders for the web tests' personas and records (plain functions; fixtures in conftest.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.contrib.auth.hashers import Argon2PasswordHasher

PASSWORD = "a long enough passphrase 42"

# A short session we wrote ourselves, in the plain "Speaker: words" format.
SESSION_TEXT = """Dana: Good to see you again. Where would you like to start today?
Omar: With the team meeting. I froze when my director asked about the delay.
Dana: What happened for you in that moment?
Omar: I felt like a student caught without homework, even though I had the answer.
Dana: So you knew the answer and something stopped you. What stopped you?
Omar: Fear of sounding defensive, I think. I would rather stay quiet than look weak.
Dana: What would speaking up look like if it came from confidence instead of defence?
Omar: Short and factual. I could try that at Thursday's meeting.
"""


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 with tiny costs, for tests only: the production cost makes each hash ~0.3 s."""

    time_cost = 1
    memory_cost = 64
    parallelism = 1


def make_member(username: str, practice: Any = None, role: str = "coach") -> Any:
    from attunement.practice import services
    from attunement.practice.models import Practice

    practice = practice or Practice.objects.create(name=f"{username}'s practice")
    return services.add_coach(practice, username, PASSWORD, role=role)


def make_client_of(user: Any, name: str = "Omar Haddad", consent: bool = True) -> Any:
    from attunement.practice import services

    client = services.create_client(user.coach, name=name)
    if consent:
        services.record_consent(
            client, recording=True, transcription=True, analysis=True, user=user
        )
    return client


def make_session_of(client: Any, status: str = "held") -> Any:
    from attunement.practice import services

    when = datetime(2026, 10, 6, 9, 30, tzinfo=UTC)
    return services.log_session(services.engagement_for(client), when=when, status=status)


def make_analysis_of(session: Any) -> Any:
    """A stored two-turn transcript and a finished analysis with no findings (no readers run)."""
    from attunement.analysis.model import SessionAnalysis
    from attunement.practice.models import Analysis, Transcript
    from attunement.transcript.model import Conversation, Role, Turn

    turns = [Turn(0, "Dana", "How are you?", Role.COACH), Turn(1, "Omar", "Fine.", Role.CLIENT)]
    Transcript.objects.create(
        session=session,
        filename="s.txt",
        format="txt",
        text=SESSION_TEXT,
        conversation=Conversation.from_turns(turns).to_dict(),
    )
    result = SessionAnalysis(results={})
    return Analysis.objects.create(
        session=session, status=Analysis.Status.DONE, progress=100, result=result.to_dict()
    )


def bearer(token: str) -> dict[str, str]:
    """Test-client headers that present ``token`` to the JSON API."""
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
