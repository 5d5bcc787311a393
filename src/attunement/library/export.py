"""The supervision export: chosen sessions with their analysis and the coach's reflections, as
one self-contained HTML file (styles inside, no links out) that prints cleanly to PDF.

No PDF library is installed, so the file carries a print stylesheet and the page tells the
coach to use the browser's "Print to PDF".
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.template.loader import render_to_string

from attunement.analysis.model import SessionAnalysis
from attunement.library.models import JournalEntry
from attunement.practice import presenters
from attunement.practice.access import owned
from attunement.practice.models import Analysis, Session


def consented(session: Session) -> bool:
    """Whether the client's consent in force covers analysis (what the export shows)."""
    consent = session.client.current_consent()
    return consent is not None and consent.analysis


def exportable_sessions(user: Any) -> QuerySet[Session]:
    """The coach's sessions that have a finished analysis and a client who consented."""
    candidates = (
        owned(Session, user)
        .filter(analyses__status=Analysis.Status.DONE)
        .select_related("engagement__client")
        .distinct()
        .order_by("-when")
    )
    allowed = [s.pk for s in candidates if consented(s)]
    return owned(Session, user).filter(pk__in=allowed).order_by("-when")


@dataclass
class ExportedSession:
    session: Session
    label: str
    layers: list[Any] = field(default_factory=list)
    talk_chart: str = ""
    turns: list[Any] = field(default_factory=list)
    entries: list[JournalEntry] = field(default_factory=list)


def _client_labels(sessions: list[Session], names: bool) -> dict[int, str]:
    labels: dict[int, str] = {}
    for session in sorted(sessions, key=lambda s: s.when):
        client = session.client
        if client.pk not in labels:
            letter = string.ascii_uppercase[len(labels) % 26]
            labels[client.pk] = client.name if names else f"Client {letter}"
    return labels


def _exported(session: Session, label: str, user: Any, transcripts: bool) -> ExportedSession:
    item = ExportedSession(session, label)
    analysis = session.latest_analysis()
    if analysis is not None and analysis.result is not None:
        result = SessionAnalysis.from_dict(analysis.result)
        views = presenters.marker_views(result)
        item.layers = presenters.findings_by_layer(views)
        item.talk_chart = presenters.talk_chart(result)
        transcript = getattr(session, "transcript", None)
        if transcripts and transcript is not None:
            item.turns = presenters.turn_views(transcript.conversation, views)
    item.entries = list(owned(JournalEntry, user).filter(session=session).order_by("created"))
    return item


def render_export(user: Any, sessions: list[Session], *, names: bool, transcripts: bool) -> str:
    """The HTML file; refuses (ValueError) a session whose client has not consented."""
    refused = [s for s in sessions if not consented(s)]
    if refused:
        raise ValueError("a chosen session's client has no consent to analysis recorded")
    labels = _client_labels(sessions, names)
    items = [
        _exported(s, labels[s.client.pk], user, transcripts)
        for s in sorted(sessions, key=lambda s: s.when)
    ]
    return render_to_string("library/export.html", {"items": items, "coach": user})
