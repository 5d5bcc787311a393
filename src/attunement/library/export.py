"""The supervision export: chosen sessions with their analysis and the coach's reflections, as
one self-contained HTML file (styles inside, no links out) or as a PDF (``export_pdf``).

Both formats are built from the same ``ExportedSession`` items, so they show the same content
and pass the same consent check.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field, replace
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


def transcript_consented(session: Session) -> bool:
    """Whether the consent in force still covers transcription: without it the export leaves
    the transcript out, even when the analysis (consented to) is shown."""
    consent = session.client.current_consent()
    return consent is not None and consent.transcription


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
    transcript_withheld: bool = False  # asked for, but the client's consent no longer covers it


def letters(number: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, 27 -> AB: a different label for every client in one export."""
    first, last = divmod(number, 26)
    return (letters(first - 1) if first else "") + string.ascii_uppercase[last]


def _client_labels(sessions: list[Session], names: bool) -> dict[int, str]:
    labels: dict[int, str] = {}
    for session in sorted(sessions, key=lambda s: s.when):
        client = session.client
        if client.pk not in labels:
            labels[client.pk] = client.name if names else f"Client {letters(len(labels))}"
    return labels


def _name_pattern(name: str) -> re.Pattern[str] | None:
    """The client's full name and each part of it, as whole words (longest first)."""
    parts = {name.strip(), *name.split()}
    words = sorted((p for p in parts if len(p) >= 2), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def pseudonymise(text: str, name: str, label: str) -> str:
    """``text`` with the client's name replaced by ``label``: a transcript or a reflection
    names the client ("Thanks, Riya") even when the headings say "Client A"."""
    pattern = _name_pattern(name)
    return pattern.sub(label, text) if pattern else text


def _without_name(item: ExportedSession) -> None:
    name, label = item.session.client.name, item.label

    def hide(text: str) -> str:
        return pseudonymise(text, name, label)

    # The speaker too: a client's turn mislabelled as another party's still carries their name.
    item.turns = [replace(t, speaker=hide(t.speaker), text=hide(t.text)) for t in item.turns]
    for entry in item.entries:  # changed for the file only; the entry is never saved from here
        entry.text = hide(entry.text)


def coach_name(user: Any) -> str:
    return user.get_full_name() or user.get_username()


def _exported(session: Session, label: str, user: Any, transcripts: bool) -> ExportedSession:
    item = ExportedSession(session, label)
    analysis = session.latest_analysis()
    if analysis is not None and analysis.result is not None:
        result = SessionAnalysis.from_dict(analysis.result)
        views = presenters.marker_views(result)
        item.layers = presenters.findings_by_layer(views)
        item.talk_chart = presenters.talk_chart(result)
        item.figures = presenters.key_figures(result)
        transcript = getattr(session, "transcript", None)
        if transcripts and transcript is not None and not transcript_consented(session):
            item.transcript_withheld = True
        elif transcripts and transcript is not None:
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
    items = [
        _exported(s, labels[s.client.pk], user, transcripts)
        for s in sorted(sessions, key=lambda s: s.when)
    ]
    if not names:
        for item in items:
            _without_name(item)
    return items


def render_export(user: Any, sessions: list[Session], *, names: bool, transcripts: bool) -> str:
    """The HTML file; refuses (ValueError) a session whose client has not consented."""
    items = export_items(user, sessions, names=names, transcripts=transcripts)
    context = {"items": items, "coach": coach_name(user)}
    return render_to_string("library/export.html", context)
