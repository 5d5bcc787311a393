"""From stored records to the relationship layer's plain history, and on to connection health.

The rules live in ``attunement.relationship`` (no Django); this module only translates.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time

from django.db.models import Prefetch

from attunement.analysis.model import SessionAnalysis
from attunement.practice.models import Analysis, Engagement, Session
from attunement.relationship import (
    CheckIn,
    Commitment,
    History,
    Party,
    SessionRecord,
    SessionSignals,
    Status,
    score,
)
from attunement.relationship.health import Health
from attunement.relationship.signals import signals_from
from attunement.transcript.model import Conversation

# Resistance signs are read in context from openness 1.1 on; older stored analyses counted
# every "yes, but" and short reply and would fire "reluctance" on good sessions.
UNCALIBRATED_OPENNESS = ("1.0",)


def signals_for(session: Session) -> SessionSignals | None:
    """What the session's finished analysis says about the relationship, or None.

    The same ``signals_from`` that ``attune simulate --transcripts`` measures the rules with.
    """
    newest = getattr(session, "newest_analyses", None)  # prefetched by ``history_for``
    analysis = session.latest_analysis() if newest is None else next(iter(newest), None)
    transcript = getattr(session, "transcript", None)
    if analysis is None or analysis.result is None or transcript is None:
        return None
    try:
        stored = SessionAnalysis.from_dict(analysis.result)
        conversation = Conversation.from_dict(transcript.conversation)
    except (KeyError, TypeError, ValueError):
        return None  # an analysis from an older schema: health goes without it
    signals = signals_from(stored, conversation)
    openness = stored.results.get("openness")
    if openness is not None and openness.version in UNCALIBRATED_OPENNESS:
        signals = replace(signals, resistance=None)
    return signals


def record_for(session: Session) -> SessionRecord:
    return SessionRecord(
        when=session.when,
        status=Status(session.status),
        by=Party(session.by_whom) if session.by_whom else None,
        signals=signals_for(session) if session.status == Session.Status.HELD else None,
        ref=str(session.pk),
    )


def history_for(engagement: Engagement) -> History:
    newest = Prefetch(  # each session's latest analysis, in one query for them all
        "analyses", Analysis.objects.order_by("-created", "-id")[:1], to_attr="newest_analyses"
    )
    sessions = (
        engagement.sessions.order_by("when")  # type: ignore[attr-defined]
        .select_related("transcript")
        .prefetch_related(newest)
    )
    return History(
        started=datetime.combine(engagement.start, time(), tzinfo=UTC),
        cadence_days=engagement.cadence_days,
        sessions=tuple(record_for(s) for s in sessions),
        checkins=checkins_for(engagement),
        commitments=commitments_for(engagement),
    )


def checkins_for(engagement: Engagement) -> tuple[CheckIn, ...]:
    """The client's answered after-session check-ins (from ``attunement.checkins``), oldest first."""
    from attunement.checkins.services import history_checkins  # the app builds on practice

    return history_checkins(engagement)


def commitments_for(engagement: Engagement) -> tuple[Commitment, ...]:
    """The coach-confirmed commitments both ways (from ``attunement.followup``), oldest first."""
    from attunement.followup.services import history_commitments  # the app builds on practice

    return history_commitments(engagement.client)


def health_for(engagement: Engagement, now: datetime) -> Health:
    return score(history_for(engagement), now=now)
