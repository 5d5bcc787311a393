"""Load the demo practice: one coach whose clients show a strong, a steady and a strained bond.

Histories come from ``attunement.demo.histories`` when that module is installed; otherwise a
small built-in history below (our own words) keeps ``attune demo`` working.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from attunement.practice import services
from attunement.practice.models import Coach, Practice
from attunement.transcript.model import Conversation

DEMO_USER = "demo"
DEMO_PASSWORD = "attune-demo-2026"


@dataclass
class DemoSession:
    when: datetime
    status: str = "held"
    by: str | None = None
    minutes: int = 60
    transcript: str | None = None  # file text, read like an upload
    conversation: Conversation | None = None  # or a conversation made by the demo generator
    filename: str = "session.txt"


@dataclass
class DemoClient:
    name: str
    kind: str
    goals: str
    cadence_days: int = 14
    sessions: list[DemoSession] = field(default_factory=list)
    communication_style: str = ""


def demo_clients(now: datetime) -> list[Any]:
    try:
        from attunement.demo.histories import demo_clients as bundled
    except ImportError:
        return builtin_clients(now)
    return list(bundled())


def load_demo(now: datetime | None = None, *, fresh: bool = False) -> tuple[str, str, int]:
    """Create (or reuse) the demo coach and fill in the clients; returns login and client count.

    ``fresh`` first removes the demo practice, so the histories end close to today again.
    """
    now = now or datetime.now(UTC)
    if fresh:
        Practice.objects.filter(members__user__username=DEMO_USER).delete()
        get_user_model().objects.filter(username=DEMO_USER).delete()
    coach = _demo_coach()
    if coach.clients.exists():
        return DEMO_USER, DEMO_PASSWORD, coach.clients.count()
    clients = demo_clients(now)
    for demo in clients:
        _load_client(coach, demo)
    _add_checkins(coach, clients, now)
    _settle_followup(coach, clients, now)
    return DEMO_USER, DEMO_PASSWORD, len(clients)


def _demo_coach() -> Coach:
    existing = Coach.objects.filter(user__username=DEMO_USER).first()
    if existing is not None:
        return existing
    practice = Practice.objects.create(name="Demo coaching practice")
    return services.add_coach(practice, DEMO_USER, DEMO_PASSWORD).coach


def _add_checkins(coach: Coach, clients: list[Any], now: datetime) -> None:
    """Answered check-ins and contact terms for each demo client (``attunement.checkins``)."""
    from attunement.checkins.demo import add_demo_checkins

    kinds = {demo.name: getattr(demo, "kind", "") for demo in clients}
    for client in coach.clients.all():
        add_demo_checkins(client, kinds.get(client.name, ""), now)


def _settle_followup(coach: Coach, clients: list[Any], now: datetime) -> None:
    """Confirm and complete the commitments and cards found in older demo transcripts."""
    from attunement.followup.demo import settle_demo_followup

    kinds = {demo.name: getattr(demo, "kind", "") for demo in clients}
    for client in coach.clients.all():
        settle_demo_followup(client, kinds.get(client.name, ""), now)


@transaction.atomic
def _load_client(coach: Coach, demo: Any) -> None:
    extra = {
        k: getattr(demo, k)
        for k in ("contact", "time_zone", "language", "communication_style", "notes")
        if getattr(demo, k, "")
    }
    client = services.create_client(
        coach, name=demo.name, goals=demo.goals, cadence_days=demo.cadence_days, **extra
    )
    services.record_consent(client, recording=True, transcription=True, analysis=True)
    engagement = services.engagement_for(client)
    engagement.start = min(s.when for s in demo.sessions).date()
    engagement.save()
    for kind, text in (getattr(demo, "agreements", None) or {}).items():
        services.add_agreement(engagement, kind, text)
    for item in demo.sessions:
        session = services.log_session(
            engagement,
            when=item.when,
            status=item.status,
            by_whom=item.by or "",
            minutes=item.minutes,
        )
        conversation = getattr(item, "conversation", None)
        if conversation is not None:
            text = _as_text(conversation)
            services.store_conversation(session, conversation, filename=item.filename, text=text)
        elif getattr(item, "transcript", None):
            upload = SimpleUploadedFile(item.filename, item.transcript.encode("utf-8"))
            services.upload_transcript(session, upload)


# ---- the built-in history ---------------------------------------------------------------------

# (name, kind, goals, cadence, attendance per session: h held, or what the client did instead)
BUILTIN = (
    ("Amara Okafor", "strong", "Step into the director role with confidence", 14, "hhhhhhhhhh"),
    ("Kenji Nakamura", "steady", "Find a sustainable pace after the merger", 14, "hhhhrhhh"),
    ("Lucía Moreno", "strained", "Decide whether to stay in her company", 10, "hhhhhchnhn"),
)
ABSENCE = {"c": "cancelled", "n": "no_show", "r": "rescheduled"}


def _quality(kind: str, position: float) -> str:
    """How a session goes, by the relationship's shape and how far into it (0..1) we are."""
    if kind == "strong":
        return "good"
    if kind == "steady":
        return "mixed" if position > 0.4 else "good"
    return "good" if position < 0.3 else ("mixed" if position < 0.6 else "strained")


def _as_text(conversation: Conversation) -> str:
    return "".join(f"{turn.speaker}: {turn.text}\n" for turn in conversation.turns)


def builtin_clients(now: datetime) -> list[DemoClient]:
    from attunement.demo.generator import SessionSpec, generate_session

    clients = []
    for number, (name, kind, goals, cadence, pattern) in enumerate(BUILTIN):
        start = now - timedelta(days=cadence * len(pattern) - 3)
        sessions = []
        for i, mark in enumerate(pattern):
            when = (start + timedelta(days=cadence * i)).replace(hour=9, minute=0, second=0)
            if mark != "h":
                sessions.append(DemoSession(when, status=ABSENCE[mark], by="client"))
                continue
            quality = _quality(kind, i / max(len(pattern) - 1, 1))
            spec = SessionSpec(
                seed=100 * number + i,
                coach="Sam",
                client=name.split()[0],
                quality=quality,
                world_seed=number,  # the same people in every session of this client
                part=i,
            )
            conversation = generate_session(spec)
            sessions.append(
                DemoSession(when, conversation=conversation, filename=f"session-{i + 1:02d}.txt")
            )
        clients.append(DemoClient(name, kind, goals, cadence_days=cadence, sessions=sessions))
    return clients
