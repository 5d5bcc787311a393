"""Check-in use cases: ask, answer, predict, reply; and what the dashboard needs from them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F, Max, Q, QuerySet

from attunement.checkins.models import Checkin, ContactTerms
from attunement.practice.charts import line_chart
from attunement.practice.models import Client, Engagement, Session
from attunement.relationship.history import CheckIn
from attunement.relationship.rules import concern_not_discussed
from attunement.relationship.signs import Sign

RELATIONSHIP_CHECKIN_DAYS = 30  # the relationship check-in is monthly
CONCERN_KEY = "to_address"  # the relationship check-in's "anything to talk about" answer
DEFAULT_HOURS = ContactTerms().response_hours  # until the coach records the contact terms


def new_checkin(client: Client, kind: str, session: Session | None = None) -> Checkin:
    # Only the after-session check-in is about one session; the form's session field keeps its
    # default (the latest session) when the coach picks a monthly check-in or a message link.
    if kind != Checkin.Kind.SESSION:
        session = None
    return Checkin.objects.create(client=client, kind=kind, session=session)


def open_link_like(
    client: Client, kind: str, session: Session | None, now: datetime
) -> Checkin | None:
    """An unanswered, unexpired link of this kind (and session) the coach already made, if any.

    Pressing "Make the link" twice, or again a day later, would otherwise send the client two
    links for one session, and two answers would count the session twice.
    """
    if kind != Checkin.Kind.SESSION:
        session = None
    waiting = client.checkins.filter(  # type: ignore[attr-defined]
        kind=kind, session=session, answered_at__isnull=True
    ).order_by("-created")
    return next((c for c in waiting if not c.expired(now)), None)


@transaction.atomic
def answer(
    checkin: Checkin,
    now: datetime,
    *,
    scores: dict[str, int] | None = None,
    answers: dict[str, str],
) -> bool:
    """Store the client's answers once. False when the link was used in the meantime."""
    # A conditional update, so two submissions racing each other cannot both be stored.
    claimed = Checkin.objects.filter(pk=checkin.pk, answered_at__isnull=True).update(
        answered_at=now
    )
    if not claimed:
        return False
    checkin.answered_at, checkin.scores, checkin.answers = now, scores, answers
    checkin.save(update_fields=["answered_at", "scores", "answers"])
    return True


def predict(checkin: Checkin, predicted: dict[str, int]) -> None:
    checkin.predicted = predicted
    checkin.save(update_fields=["predicted"])


def mark_replied(checkin: Checkin, now: datetime) -> None:
    """Note that the coach answered a message (anything else has nothing to answer)."""
    if checkin.kind != Checkin.Kind.MESSAGE or not checkin.answered:
        return
    checkin.replied_at = now
    checkin.save(update_fields=["replied_at"])


def terms_for(engagement: Engagement) -> ContactTerms:
    """The engagement's contact terms; the defaults until the coach records their own."""
    found = ContactTerms.objects.filter(engagement=engagement).first()
    return found or ContactTerms(engagement=engagement)


def save_terms(terms: ContactTerms, now: datetime) -> ContactTerms:
    terms.updated = now
    terms.save()
    return terms


# ---- reading --------------------------------------------------------------------------------


def history_checkins_by_engagement(
    engagements: Sequence[Engagement],
) -> dict[int, tuple[CheckIn, ...]]:
    """Each engagement's answered after-session check-ins, as the relationship rules read them,
    in one query, by engagement id. A check-in made for a session of an earlier engagement stays
    with that engagement."""
    ids = [e.pk for e in engagements]
    answered = (
        Checkin.objects.filter(
            client__in={e.client_id for e in engagements},
            kind=Checkin.Kind.SESSION,
            answered_at__isnull=False,
        )
        .filter(Q(session__isnull=True) | Q(session__engagement__in=ids))
        .annotate(session_engagement=F("session__engagement"))
        .order_by("answered_at", "pk")
    )
    found: dict[int, list[CheckIn]] = {pk: [] for pk in ids}
    by_client: dict[int, list[int]] = defaultdict(list)
    for e in engagements:
        by_client[e.client_id].append(e.pk)
    for c in answered:
        for pk in by_client[c.client_id]:
            if c.session_engagement in (None, pk):
                found[pk].append(_plain_checkin(c))
    return {pk: tuple(items) for pk, items in found.items()}


def _plain_checkin(c: Checkin) -> CheckIn:
    return CheckIn(
        when=c.answered_at,
        scores=dict(c.scores or {}),
        predicted=dict(c.predicted) if c.predicted else None,
        ref=str(c.pk),
    )


@dataclass(frozen=True)
class Overdue:
    checkin: Checkin
    waited_hours: int
    allowed_hours: int


@dataclass(frozen=True)
class Reminders:
    """What the dashboard reminds the coach of for one client."""

    overdue: list[Overdue]
    concern: Sign | None
    relationship_due: bool


Current = Sequence[tuple[Client, Engagement | None]]  # clients with their current engagement


def reminders_for(current: Current, now: datetime) -> dict[int, Reminders]:
    """Every client's reminders by client id, in a handful of queries however many clients."""
    clients = [client for client, _ in current]
    overdue = overdue_by_client(current, now)
    concerns = concern_signs(clients, now)
    due = relationship_due_by_client(current, now)
    return {c.pk: Reminders(overdue[c.pk], concerns[c.pk], due[c.pk]) for c in clients}


def overdue_messages(
    client: Client, now: datetime, engagement: Engagement | None = None
) -> list[Overdue]:
    """Messages the coach has not answered within the agreed response time, oldest first
    (``engagement``: the client's current one, when the caller has read it already)."""
    return overdue_by_client([(client, engagement or _engagement(client))], now)[client.pk]


def _answered_awaiting(clients: Iterable[int], kind: str, follow_up: str) -> QuerySet[Checkin]:
    """The clients' answered check-ins of ``kind`` whose ``follow_up`` time (the coach's reply,
    the talk about a concern) is not set yet, oldest answer first."""
    return Checkin.objects.filter(
        client__in=list(clients), kind=kind, answered_at__isnull=False, **{follow_up: None}
    ).order_by("answered_at", "pk")


def overdue_by_client(current: Current, now: datetime) -> dict[int, list[Overdue]]:
    """``overdue_messages`` for many clients in two queries, by client id."""
    allowed = _response_hours([e for _, e in current if e is not None])
    found: dict[int, list[Overdue]] = {client.pk: [] for client, _ in current}
    hours = {client.pk: allowed.get(e.pk if e else None, DEFAULT_HOURS) for client, e in current}
    for m in _answered_awaiting(found, Checkin.Kind.MESSAGE, "replied_at"):
        waited, limit = now - m.answered_at, hours[m.client_id]
        if waited > timedelta(hours=limit):
            found[m.client_id].append(Overdue(m, int(waited.total_seconds() // 3600), limit))
    return found


def _response_hours(engagements: Sequence[Engagement]) -> dict[int | None, int]:
    terms = ContactTerms.objects.filter(engagement__in=engagements)
    return dict(terms.values_list("engagement_id", "response_hours"))


def _engagement(client: Client) -> Engagement:
    from attunement.practice.services import engagement_for

    return engagement_for(client)


def relationship_checkin_due(
    client: Client, now: datetime, engagement: Engagement | None = None
) -> bool:
    """True when a month has passed since the last relationship check-in was asked for, or
    since the engagement began when none was. A paused or ended engagement is never due.
    ``engagement``: the client's current one, when the caller has read it already."""
    if engagement is None:
        engagement = client.current_engagement()  # never opens one: the dashboard only reads
    return relationship_due_by_client([(client, engagement)], now)[client.pk]


def relationship_due_by_client(current: Current, now: datetime) -> dict[int, bool]:
    """``relationship_checkin_due`` for many clients in one query, by client id."""
    asked = Checkin.objects.filter(
        client__in=[client for client, _ in current], kind=Checkin.Kind.RELATIONSHIP
    )
    last = dict(asked.values("client").annotate(last=Max("created")).values_list("client", "last"))
    return {client.pk: _due(client, e, last.get(client.pk), now) for client, e in current}


def _due(client: Client, engagement: Engagement | None, last: Any, now: datetime) -> bool:
    if engagement is not None and engagement.status != Engagement.Status.ACTIVE:
        return False
    began = datetime.combine(engagement.start, time(), tzinfo=UTC) if engagement else client.created
    return bool(now - (last or began) >= timedelta(days=RELATIONSHIP_CHECKIN_DAYS))


def relationship_answers(client: Client, limit: int = 3) -> list[Checkin]:
    """The newest answered relationship check-ins, newest first (what the client wrote)."""
    answered = client.checkins.filter(  # type: ignore[attr-defined]
        kind=Checkin.Kind.RELATIONSHIP, answered_at__isnull=False
    )
    return list(answered.order_by("-answered_at", "-pk")[:limit])


def concern(checkin: Checkin) -> str:
    """What the client wrote under "anything to talk about", or ""."""
    return str((checkin.answers or {}).get(CONCERN_KEY) or "").strip()


def _open_concerns_by_client(clients: Sequence[Client]) -> dict[int, list[Checkin]]:
    """Relationship check-ins with something to talk about the coach has not marked discussed."""
    found: dict[int, list[Checkin]] = {c.pk: [] for c in clients}
    for c in _answered_awaiting(found, Checkin.Kind.RELATIONSHIP, "discussed_at"):
        if concern(c):  # the words are encrypted: filtered in Python
            found[c.client_id].append(c)
    return found


def concern_sign(client: Client, now: datetime) -> Sign | None:
    """The reminder of ``rules.concern_not_discussed`` for this client, or None."""
    return concern_signs([client], now)[client.pk]


def concern_signs(clients: Sequence[Client], now: datetime) -> dict[int, Sign | None]:
    """``concern_sign`` for many clients in two queries, by client id."""
    raised = _open_concerns_by_client(clients)
    held: dict[int, list[datetime]] = {c.pk: [] for c in clients}
    sessions = Session.objects.filter(
        engagement__client__in=list(held), status=Session.Status.HELD, when__lte=now
    )
    for client_id, when in sessions.values_list("engagement__client", "when"):
        held[client_id].append(when)
    return {
        pk: concern_not_discussed(
            [(c.answered_at, str(c.pk)) for c in raised[pk] if c.answered_at], held[pk], now
        )
        for pk in held
    }


@dataclass(frozen=True)
class ClientWords:
    """One answered relationship check-in as the coach reads it."""

    checkin: Checkin
    rows: list[tuple[str, str]]  # (question, answer) for the questions the client answered
    concern: str  # what the client asked to talk about, "" if nothing

    @property
    def waiting(self) -> bool:
        return bool(self.concern) and self.checkin.discussed_at is None


def client_words(client: Client, limit: int = 3) -> list[ClientWords]:
    """The newest relationship check-ins' answers, newest first, blank answers left out."""
    from attunement.checkins.forms import RELATIONSHIP_QUESTIONS

    return [
        ClientWords(
            c,
            [
                (question, str(answer).strip())
                for key, question in RELATIONSHIP_QUESTIONS.items()
                if str((answer := (c.answers or {}).get(key)) or "").strip()
            ],
            concern(c),
        )
        for c in relationship_answers(client, limit)
    ]


def mark_discussed(checkin: Checkin, now: datetime) -> None:
    """Note that the coach took up what the client asked to talk about (relationship only)."""
    if checkin.kind != Checkin.Kind.RELATIONSHIP or not checkin.answered:
        return
    checkin.discussed_at = now
    checkin.save(update_fields=["discussed_at"])


def prediction_chart(checkins: list[Checkin]) -> str:
    """Predicted against answered totals (out of 40), for check-ins that have both."""
    both = [c for c in checkins if c.predicted and c.scores and c.answered_at]
    if not both:
        return ""
    labels = [c.answered_at.strftime("%d %b") for c in both if c.answered_at]
    series: dict[str, Any] = {
        "Your prediction": [c.predicted_total for c in both],
        "Client's answer": [c.total for c in both],
    }
    return line_chart(
        labels, series, title="Your predictions against the client's check-ins", top=40
    )
