"""Load the demo practice: one coach whose clients show a strong, a steady and a strained bond,
a teammate with two clients of their own, and a practice admin who sees the practice's
overview and team page but no client.

The clients, their histories and generated transcripts come from ``attunement.demo.clients``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from attunement.demo.clients import DemoClient, demo_clients, teammate_clients
from attunement.practice import services
from attunement.practice.models import Coach, Practice
from attunement.transcript.model import Conversation

DEMO_USER = "demo"
DEMO_PASSWORD = "attune-demo-2026"
TEAMMATE_USER = "demo-teammate"
TEAMMATE_PASSWORD = "attune-teammate-2026"
ADMIN_USER = "demo-admin"
ADMIN_PASSWORD = "attune-admin-2026"
PRACTICE_NAME = "Demo coaching practice"


@dataclass(frozen=True, slots=True)
class DemoLogin:
    username: str
    password: str
    role: str  # a ``Coach.Role`` value
    sees: str  # what the account shows, for ``attune demo`` to print


LOGINS = (
    DemoLogin(
        DEMO_USER,
        DEMO_PASSWORD,
        Coach.Role.COACH,
        "coach: three clients (strong, steady, strained) with analysed sessions",
    ),
    DemoLogin(
        TEAMMATE_USER,
        TEAMMATE_PASSWORD,
        Coach.Role.COACH,
        "coach in the same practice: only their own two clients",
    ),
    DemoLogin(
        ADMIN_USER,
        ADMIN_PASSWORD,
        Coach.Role.ADMIN,
        "practice admin: the Practice overview and Team pages, counts only, no clients",
    ),
)

# Which login's clients come from which generator; the admin holds none.
CLIENTS_OF: dict[str, Callable[[datetime], list[DemoClient]]] = {
    DEMO_USER: demo_clients,
    TEAMMATE_USER: teammate_clients,
}


def load_demo(now: datetime | None = None, *, fresh: bool = False) -> tuple[str, str, int]:
    """Create (or complete) the demo practice; returns the first coach's login and client count.

    Accounts or clients already there are kept, so loading again adds nothing; ``fresh`` first
    removes the demo practice and its accounts, so the histories end close to today again.
    """
    now = now or datetime.now(UTC)
    if fresh:
        remove_demo()
    practice = _demo_practice()
    for login in LOGINS:
        coach = _member(practice, login)
        make = CLIENTS_OF.get(login.username)
        if make is not None and not coach.clients.exists():
            _load_clients(coach, make(now), now)
    return DEMO_USER, DEMO_PASSWORD, Coach.objects.get(user__username=DEMO_USER).clients.count()


def remove_demo() -> None:
    """The demo practice, its accounts and everything its clients hold."""
    usernames = [login.username for login in LOGINS]
    Practice.objects.filter(members__user__username__in=usernames).delete()
    get_user_model().objects.filter(username__in=usernames).delete()


def _demo_practice() -> Practice:
    """The practice the first demo coach belongs to (folders loaded before the teammate and
    admin existed keep theirs), or a new one."""
    existing = Coach.objects.filter(user__username=DEMO_USER).select_related("practice").first()
    if existing is not None:
        return existing.practice
    return Practice.objects.create(name=PRACTICE_NAME)


def _member(practice: Practice, login: DemoLogin) -> Coach:
    existing = Coach.objects.filter(user__username=login.username).first()
    if existing is not None:
        return existing
    return services.add_coach(practice, login.username, login.password, role=login.role).coach


def _load_clients(coach: Coach, clients: list[DemoClient], now: datetime) -> None:
    for demo in clients:
        _load_client(coach, demo)
    _add_checkins_and_followup(coach, clients, now)


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
