"""Load the demo practice: one coach whose clients show a strong, a steady and a strained bond.

The clients, their histories and generated transcripts come from ``attunement.demo.clients``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from attunement.demo.clients import DemoClient, demo_clients
from attunement.practice import services
from attunement.practice.models import Coach, Practice
from attunement.transcript.model import Conversation

DEMO_USER = "demo"
DEMO_PASSWORD = "attune-demo-2026"


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
    _add_checkins_and_followup(coach, clients, now)
    return DEMO_USER, DEMO_PASSWORD, len(clients)


def _demo_coach() -> Coach:
    existing = Coach.objects.filter(user__username=DEMO_USER).first()
    if existing is not None:
        return existing
    practice = Practice.objects.create(name="Demo coaching practice")
    return services.add_coach(practice, DEMO_USER, DEMO_PASSWORD).coach


def _add_checkins_and_followup(coach: Coach, clients: list[DemoClient], now: datetime) -> None:
    """Answered check-ins and contact terms for each demo client (``attunement.checkins``), then
    the commitments and cards of older transcripts confirmed and completed (``followup``)."""
    from attunement.checkins.demo import add_demo_checkins
    from attunement.followup.demo import settle_demo_followup

    kinds = {demo.name: demo.kind for demo in clients}
    for client in coach.clients.all():
        add_demo_checkins(client, kinds.get(client.name, ""), now)
    for client in coach.clients.all():
        settle_demo_followup(client, kinds.get(client.name, ""), now)


@transaction.atomic
def _load_client(coach: Coach, demo: DemoClient) -> None:
    extra = {k: getattr(demo, k) for k in ("communication_style", "notes") if getattr(demo, k)}
    client = services.create_client(
        coach, name=demo.name, goals=demo.goals, cadence_days=demo.cadence_days, **extra
    )
    services.record_consent(client, recording=True, transcription=True, analysis=True)
    engagement = services.engagement_for(client)
    engagement.start = min(s.when for s in demo.sessions).date()
    engagement.save()
    for kind, text in demo.agreements.items():
        services.add_agreement(engagement, kind, text)
    for item in demo.sessions:
        session = services.log_session(
            engagement,
            when=item.when,
            status=item.status,
            by_whom=item.by or "",
            minutes=item.minutes,
        )
        if item.conversation is not None:
            text = _as_text(item.conversation)
            services.store_conversation(
                session, item.conversation, filename=item.filename, text=text
            )
        elif item.transcript:
            upload = SimpleUploadedFile(item.filename, item.transcript.encode("utf-8"))
            services.upload_transcript(session, upload)


def _as_text(conversation: Conversation) -> str:
    return "".join(f"{turn.speaker}: {turn.text}\n" for turn in conversation.turns)
