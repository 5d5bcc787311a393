"""From stored records to the relationship layer's plain history, and on to connection health.

The rules live in ``attunement.relationship`` (no Django); this module only translates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, time

from attunement.analysis.model import SessionAnalysis
from attunement.practice.models import Engagement, Session, with_latest_analysis
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
    analysis = session.latest_analysis()  # prefetched by ``histories_for``
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


def history_for(engagement: Engagement, sessions: Sequence[Session] | None = None) -> History:
    """``sessions``: the engagement's sessions when the page has read them already with
    ``with_latest_analysis`` (in any order), so their transcripts are not read and decrypted twice."""
    read = None if sessions is None else {engagement.pk: sessions}
    return histories_for([engagement], read)[engagement.pk]


def histories_for(
    engagements: Sequence[Engagement], read: Mapping[int, Sequence[Session]] | None = None
) -> dict[int, History]:
    """Each engagement's history by engagement id, read in a few queries however many there are
    (the dashboard scores every client at once); ``read``: their sessions, if already loaded."""
    sessions = _sessions_by_engagement(engagements) if read is None else read
    checkins = checkins_for(engagements)
    commitments = commitments_for({e.client_id for e in engagements})
    return {
        e.pk: History(
            started=datetime.combine(e.start, time(), tzinfo=UTC),
            cadence_days=e.cadence_days,
            sessions=tuple(record_for(s) for s in sorted(sessions[e.pk], key=_in_time)),
            checkins=checkins[e.pk],
            commitments=commitments.get(e.client_id, ()),
        )
        for e in engagements
    }


def _in_time(session: Session) -> tuple[datetime, int]:
    return (session.when, session.pk)


def _sessions_by_engagement(engagements: Sequence[Engagement]) -> dict[int, list[Session]]:
    found: dict[int, list[Session]] = {e.pk: [] for e in engagements}
    rows = Session.objects.filter(engagement__in=list(found)).order_by("when", "pk")
    # Scoring reads only the conversation: the transcript's text and file name stay encrypted.
    rows = with_latest_analysis(rows).defer("transcript__text", "transcript__filename")
    for session in rows:
        found[session.engagement_id].append(session)
    return found


def checkins_for(engagements: Sequence[Engagement]) -> dict[int, tuple[CheckIn, ...]]:
    """The answered after-session check-ins (from ``attunement.checkins``) by engagement id."""
    from attunement.checkins.services import history_checkins_by_engagement  # builds on practice

    return history_checkins_by_engagement(engagements)


def commitments_for(client_ids: Iterable[int]) -> dict[int, tuple[Commitment, ...]]:
    """The coach-confirmed commitments both ways (from ``attunement.followup``) by client id."""
    from attunement.followup.services import history_commitments_by_client  # builds on practice

    return history_commitments_by_client(client_ids)


def measured(held_any: bool, health: Health) -> bool:
    """Whether there is a reading to show yet: a session held or a sign open. Before that a new
    client's untouched 100 would read as a strong relationship nobody has had yet."""
    return held_any or bool(health.reasons)


def held_count(history: History) -> int:
    """Sessions held in the engagement (what ``Engagement.held_count`` counts, without a query)."""
    return sum(1 for record in history.sessions if record.held)


def health_for(
    engagement: Engagement, now: datetime, sessions: Sequence[Session] | None = None
) -> Health:
    """The engagement's connection health (``sessions``: as for ``history_for``)."""
    return score(history_for(engagement, sessions), now=now)
