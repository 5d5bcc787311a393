"""Check-ins for the demo clients, so the dashboard and the prediction chart have something to show.

The strong client rates sessions highly, the steady one a little lower and evenly, and the
strained one starts well and then drops, while the coach keeps predicting the early scores.
Each also answered a monthly relationship check-in: the strong client's request was taken up,
the strained client's still waits. All wording is ours.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from attunement.checkins.models import Checkin, ContactTerms
from attunement.practice.models import Client, Session
from attunement.relationship.history import CHECKIN_ITEMS

# Scores per item (heard, worked on what they wanted, approach fits, overall) by how far
# into the engagement (0..1) the session is.
SHAPES = {
    "strong": lambda position: (9, 9, 8, 9),
    "steady": lambda position: _unsure_lately(position),
    "strained": lambda position: _dropping(position),
}


def _unsure_lately(position: float) -> tuple[int, int, int, int]:
    # Even, then lately less sure the sessions work on what they want (as their relationship
    # check-in says): one low item, which makes the relationship read steady rather than strong.
    if position >= 1:
        return (8, 4, 7, 7)
    return (8, 7, 7, 8) if position > 0.4 else (8, 8, 7, 8)


DIFFERENTLY = {
    "strong": "Keep the pace; the silences help me think.",
    "steady": "Maybe check earlier whether the topic still matters to me.",
    "strained": "Let me finish before suggesting an exercise.",
}


# The monthly relationship check-in: (days before now, answers, days before now it was discussed).
RELATIONSHIP: dict[str, tuple[int, dict[str, str], int | None]] = {
    "strong": (
        12,
        {
            "feels": "Easy and honest; I say things here I do not say at work.",
            "works_best": "You remember what I said weeks ago and bring it back.",
            "to_address": "Could we try one session walking outside?",
        },
        5,
    ),
    "steady": (
        25,
        {
            "feels": "Steady. I am still not sure where it is heading.",
            "more_effective": "A short summary at the end of what we decided.",
        },
        None,
    ),
    "strained": (
        18,
        {
            "feels": "Useful at first, lately more like being managed.",
            "to_address": "Sometimes I leave feeling I was told what to do.",
        },
        None,
    ),
}


def _add_relationship(client: Client, kind: str, now: datetime) -> None:
    days, answers, discussed = RELATIONSHIP[kind]
    answered = now - timedelta(days=days)
    Checkin.objects.create(
        client=client,
        kind=Checkin.Kind.RELATIONSHIP,
        created=answered - timedelta(hours=20),
        answered_at=answered,
        answers=answers,
        discussed_at=now - timedelta(days=discussed) if discussed is not None else None,
    )


def _dropping(position: float) -> tuple[int, ...]:
    if position < 0.4:
        return (8, 8, 8, 8)
    fall = round((position - 0.4) * 5)  # three points per item by the last session
    return tuple(
        max(2, score - fall + shift)
        for score, shift in zip((8, 8, 8, 8), (1, 0, -1, 0), strict=True)
    )


def add_demo_checkins(client: Client, kind: str, now: datetime) -> None:
    """One answered check-in the day after each held session, with the coach's prediction."""
    shape = SHAPES.get(kind)
    if shape is None:
        return
    held = list(
        Session.objects.filter(engagement__client=client, status=Session.Status.HELD).order_by(
            "when"
        )
    )
    for index, session in enumerate(held):
        answered = session.when + timedelta(days=1)
        if answered > now:
            continue
        scores = dict(zip(CHECKIN_ITEMS, shape(index / max(len(held) - 1, 1)), strict=True))
        Checkin.objects.create(
            client=client,
            session=session,
            created=session.when + timedelta(hours=2),
            answered_at=answered,
            scores=scores,
            predicted=dict(zip(CHECKIN_ITEMS, shape(0.0), strict=True)),
            answers={"differently": DIFFERENTLY[kind]},
        )
    _add_contact(client, kind, now)
    _add_relationship(client, kind, now)


def _add_contact(client: Client, kind: str, now: datetime) -> None:
    engagement = client.engagements.order_by("-start").first()  # type: ignore[attr-defined]
    if engagement is None:
        return
    ContactTerms.objects.get_or_create(
        engagement=engagement,
        defaults={
            "response_hours": 48,
            "hours": "Weekdays between 9:00 and 17:00",
            "channels": "A private message link, or email for scheduling",
            "emergency": "I am not a crisis service: call your local emergency number.",
        },
    )
    if kind == "strained":  # a message that has waited past the agreed two days
        sent = now - timedelta(hours=60)
        Checkin.objects.create(
            client=client,
            kind=Checkin.Kind.MESSAGE,
            created=sent - timedelta(hours=1),
            answered_at=sent,
            answers={"message": "Could we talk about whether to keep going with the sessions?"},
        )
