"""From stored records to the relationship layer's plain history, and on to connection health.

The rules live in ``attunement.relationship`` (no Django); this module only translates.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from attunement.practice.models import Engagement, Session
from attunement.relationship import History, Party, SessionRecord, SessionSignals, Status, score
from attunement.relationship.health import Health


def _share(metrics: dict[str, Any], role: str) -> float | None:
    shares = metrics.get("share_words")
    if isinstance(shares, dict) and isinstance(shares.get(role), int | float):
        return float(shares[role])
    return None


def _client_words_per_turn(conversation: dict[str, Any]) -> float | None:
    turns = [t for t in conversation.get("turns", []) if t.get("role") == "client"]
    if not turns:
        return None
    return sum(len(str(t.get("text", "")).split()) for t in turns) / len(turns)


def _depth(results: dict[str, Any]) -> float | None:
    """Share of the coach's turns the listening analyser placed at level 3."""
    rows = (results.get("listening") or {}).get("turn_labels") or []
    levels = [row.get("level") for row in rows if row.get("level") in (1, 2, 3)]
    return sum(1 for level in levels if level == 3) / len(levels) if levels else None


def signals_for(session: Session) -> SessionSignals | None:
    """What the session's finished analysis says about the relationship, or None."""
    analysis = session.latest_analysis()
    transcript = getattr(session, "transcript", None)
    if analysis is None or analysis.result is None or transcript is None:
        return None
    results = analysis.result.get("results", {})
    talk = (results.get("talk") or {}).get("metrics") or {}
    return SessionSignals(
        client_share=_share(talk, "client"),
        client_words_per_turn=_client_words_per_turn(transcript.conversation),
        depth=_depth(results),
        # Openness and resistance are left out until the openness analyser's counts are
        # calibrated against the rules' floors: on the demo's strong client they fired
        # "surface talk" and "reluctance", which would mislead a coach.
    )


def record_for(session: Session) -> SessionRecord:
    return SessionRecord(
        when=session.when,
        status=Status(session.status),
        by=Party(session.by_whom) if session.by_whom else None,
        signals=signals_for(session) if session.status == Session.Status.HELD else None,
        ref=str(session.pk),
    )


def history_for(engagement: Engagement) -> History:
    sessions = engagement.sessions.order_by("when").select_related("transcript")  # type: ignore[attr-defined]
    return History(
        started=datetime.combine(engagement.start, time(), tzinfo=UTC),
        cadence_days=engagement.cadence_days,
        sessions=tuple(record_for(s) for s in sessions),
    )


def health_for(engagement: Engagement, now: datetime) -> Health:
    return score(history_for(engagement), now=now)
