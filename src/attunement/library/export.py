"""The supervision export: chosen sessions with their analysis and the coach's reflections, as
one self-contained HTML file (styles inside, no links out) or as a PDF (``export_pdf``).

Both formats are built from the same ``ExportedSession`` items, so they show the same content
and pass the same consent check.
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
from attunement.report import summary


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
    figures: list[summary.Fact] = field(default_factory=list)
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


def coach_name(user: Any) -> str:
    return user.get_full_name() or user.get_username()


def key_figures(result: SessionAnalysis) -> list[summary.Fact]:
    """Counts and shares only (no words of the client): talk share, questions, listening."""
    facts = []
    words = result.metrics("talk").get("share_words") or {}
    shares = [f"{role} {summary.percent(share)}" for role, share in words.items() if share]
    if shares:
        facts.append(summary.Fact("Share of the words", ", ".join(shares)))
    return facts + summary.question_facts(result) + summary.listening_facts(result)


def _exported(session: Session, label: str, user: Any, transcripts: bool) -> ExportedSession:
    item = ExportedSession(session, label)
    analysis = session.latest_analysis()
    if analysis is not None and analysis.result is not None:
        result = SessionAnalysis.from_dict(analysis.result)
        views = presenters.marker_views(result)
        item.layers = presenters.findings_by_layer(views)
        item.talk_chart = presenters.talk_chart(result)
        item.figures = key_figures(result)
        transcript = getattr(session, "transcript", None)
        if transcripts and transcript is not None:
            item.turns = presenters.turn_views(transcript.conversation, views)
    item.entries = list(owned(JournalEntry, user).filter(session=session).order_by("created"))
    return item


def export_items(
    user: Any, sessions: list[Session], *, names: bool, transcripts: bool
) -> list[ExportedSession]:
    """What either format shows; refuses (ValueError) a session whose client has not consented."""
    refused = [s for s in sessions if not consented(s)]
    if refused:
        raise ValueError("a chosen session's client has no consent to analysis recorded")
    labels = _client_labels(sessions, names)
    return [
        _exported(s, labels[s.client.pk], user, transcripts)
        for s in sorted(sessions, key=lambda s: s.when)
    ]


def render_export(user: Any, sessions: list[Session], *, names: bool, transcripts: bool) -> str:
    """The HTML file; refuses (ValueError) a session whose client has not consented."""
    items = export_items(user, sessions, names=names, transcripts=transcripts)
    context = {"items": items, "coach": coach_name(user)}
    return render_to_string("library/export.html", context)
