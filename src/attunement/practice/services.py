"""The use cases of the workspace. Views and the JSON API call these; they hold the rules.

Errors a coach can cause are ``AttuneError``s whose message is one sentence the page shows next
to the field. Anything that stores several rows does so inside one transaction.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from attunement import transcript as transcripts
from attunement.errors import AttuneError
from attunement.practice.models import (
    Agreement,
    Analysis,
    AuditEvent,
    Client,
    Coach,
    Consent,
    Engagement,
    Practice,
    Session,
    Transcript,
)
from attunement.transcript.model import Conversation

log = logging.getLogger(__name__)


class ConsentMissing(AttuneError):
    """The client has not consented to what was asked for."""


class UploadTooLarge(AttuneError):
    """A file is bigger than ATTUNE_MAX_UPLOAD_MB."""


class Upload(Protocol):
    """What an uploaded file offers (Django's ``UploadedFile`` fits)."""

    @property
    def name(self) -> str | None: ...

    @property
    def size(self) -> int | None: ...

    def read(self) -> bytes: ...


# ---- accounts -------------------------------------------------------------------------------


def needs_setup() -> bool:
    """True until the first account exists: the first visit then creates the owner."""
    return not get_user_model().objects.exists()


@transaction.atomic
def create_owner(username: str, password: str, practice_name: str) -> Any:
    """The first account: a coach in a new practice who is also a Django superuser."""
    user = get_user_model().objects.create_superuser(username=username, password=password)
    Coach.objects.create(user=user, practice=Practice.objects.create(name=practice_name))
    return user


@transaction.atomic
def add_coach(practice: Practice, username: str, password: str, role: str = "coach") -> Any:
    user = get_user_model().objects.create_user(username=username, password=password)
    Coach.objects.create(user=user, practice=practice, role=role)
    return user


# ---- records --------------------------------------------------------------------------------


@transaction.atomic
def create_client(
    coach: Coach, *, goals: str = "", cadence_days: int = 14, **fields: Any
) -> Client:
    """A new client with its first engagement opened today."""
    client = Client.objects.create(coach=coach, **fields)
    Engagement.objects.create(client=client, goals=goals, cadence_days=cadence_days)
    return client


def engagement_for(client: Client) -> Engagement:
    """The client's current engagement, opening one if the client has none."""
    return client.current_engagement() or Engagement.objects.create(client=client)


def log_session(engagement: Engagement, **fields: Any) -> Session:
    return Session.objects.create(engagement=engagement, **fields)


@transaction.atomic
def add_agreement(engagement: Engagement, kind: str, text: str) -> Agreement:
    """A new version of the agreement of this kind; earlier versions stay as history."""
    latest = engagement.agreements.filter(kind=kind).order_by("-version").first()
    version = latest.version + 1 if latest else 1
    return Agreement.objects.create(engagement=engagement, kind=kind, version=version, text=text)


def current_agreements(engagement: Engagement) -> list[Agreement]:
    latest: dict[str, Agreement] = {}
    for agreement in engagement.agreements.order_by("kind", "version"):
        latest[agreement.kind] = agreement
    return list(latest.values())


def record_consent(
    client: Client, *, recording: bool, transcription: bool, analysis: bool, user: Any = None
) -> Consent:
    return Consent.objects.create(
        client=client,
        recording=recording,
        transcription=transcription,
        analysis=analysis,
        recorded_by=user,
    )


def audit(user: Any, client: Client | None, action: str, path: str) -> None:
    AuditEvent.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        client=client,
        client_ref=client.pk if client else None,
        action=action[:40],
        path=path[:300],
    )


def recent_access(client: Client, limit: int = 8) -> list[AuditEvent]:
    """The latest entries of the client's audit trail, newest first."""
    events = AuditEvent.objects.filter(client_ref=client.pk).select_related("user")
    return list(events.order_by("-at", "-id")[:limit])


# ---- transcripts and analysis ---------------------------------------------------------------


def missing_consent(consent: Consent | None) -> list[str]:
    """What a transcript upload still needs the client to agree to, in the form's order."""
    if consent is None:
        return ["transcription", "analysis"]
    return [kind for kind in ("transcription", "analysis") if not getattr(consent, kind)]


def consent_gap(client: Client) -> str | None:
    """Why a transcript of ``client`` may not be stored, naming what is missing; None if it may."""
    consent = client.current_consent()
    missing = missing_consent(consent)
    if not missing:
        return None
    if consent is None:
        return f"{client.name} has no recorded consent to transcription and analysis"
    if len(missing) == 2:
        return f"{client.name}'s consent on record allows neither transcription nor analysis"
    given = "analysis" if missing == ["transcription"] else "transcription"
    return f"{client.name} has consented to {given} but not to {missing[0]}"


def require_consent(client: Client) -> None:
    gap = consent_gap(client)
    if gap is not None:
        # The fix is said by each way in (page or API); the refusal stores nothing.
        raise ConsentMissing(gap, "record what they agree to first; nothing was stored")


def check_size(size: int | None) -> None:
    limit = settings.MAX_UPLOAD_BYTES
    if size is not None and size > limit:
        raise UploadTooLarge(
            f"The file is {size / 1e6:.1f} MB, more than the {limit // 2**20} MB allowed",
            "upload a shorter transcript or raise ATTUNE_MAX_UPLOAD_MB",
        )


def read_conversation(data: bytes, filename: str, coach: str | None = None) -> Conversation:
    """Parse the upload with the transcript readers; their error message reaches the coach.
    ``coach`` names the coach's speaker when the talk alone cannot tell."""
    return transcripts.read_bytes(data, filename, coach=coach or None)


def upload_transcript(
    session: Session, upload: Upload, *, user: Any = None, coach: str | None = None
) -> Analysis:
    """Store the transcript and its analysis, or nothing at all.

    Short transcripts are analysed before this returns; longer ones get a queued analysis that a
    background thread runs once the transcript is committed (see ``run_analysis``).
    """
    check_size(upload.size)
    require_consent(session.client)
    data = upload.read()
    check_size(len(data))  # the declared size can lie
    filename = Path(upload.name or "transcript.txt").name
    conversation = read_conversation(data, filename, coach)
    return store_conversation(
        session, conversation, filename=filename, text=transcripts.decoded_text(data, filename)
    )


def store_conversation(
    session: Session, conversation: Conversation, *, filename: str, text: str
) -> Analysis:
    """Store an already-read conversation (an upload, or demo data) and analyse it."""
    require_consent(session.client)
    background = len(conversation.turns) > settings.ATTUNE_BACKGROUND_TURNS
    with transaction.atomic():
        Transcript.objects.filter(session=session).delete()
        session.analyses.all().delete()  # derived from the transcript being replaced
        Transcript.objects.create(
            session=session,
            filename=filename,
            format=conversation.format or Path(filename).suffix.lstrip("."),
            text=text,
            conversation=conversation.to_dict(),
        )
        analysis = Analysis.objects.create(session=session)
        if background:
            transaction.on_commit(lambda: start_background_analysis(analysis.pk))
        else:
            _analyse_into(analysis, conversation)
    return analysis


def _analyse_into(analysis: Analysis, conversation: Conversation) -> None:
    from attunement.analysis.encoder import load_encoder
    from attunement.analysis.pipeline import analyse

    def progress(done: int, total: int, name: str) -> None:
        percent = int(100 * done / max(total, 1))
        if percent >= analysis.progress + 10:  # a row update per ~10 %, not per analyser
            Analysis.objects.filter(pk=analysis.pk).update(progress=percent)
            analysis.progress = percent

    result = analyse(conversation, encoder=load_encoder(), progress=progress)
    analysis.result = result.to_dict()
    analysis.versions = result.versions
    analysis.attunement_version = result.attunement_version
    analysis.mode = result.mode
    analysis.status = Analysis.Status.DONE
    analysis.progress = 100
    analysis.save()
    after_analysis(analysis.session, conversation)


def after_analysis(session: Session, conversation: Conversation) -> None:
    """Records derived from a finished analysis: the follow-up app proposes (unconfirmed)
    commitments and memory cards for the coach to confirm."""
    from attunement.followup.services import propose_from_transcript  # builds on practice

    try:  # proposals are a convenience: their failure must not lose the analysis
        propose_from_transcript(session, conversation)
    except Exception:
        log.exception("proposing commitments and memory cards for session %s failed", session.pk)


def after_notes(client: Client, notes: str, session: Session | None = None) -> None:
    """The coach saved new or changed notes (the client's, or a session's private ones): the
    follow-up app proposes (unconfirmed) memory cards from them for the coach to confirm, in
    place of what it proposed from the earlier wording."""
    from attunement.followup.services import propose_from_notes  # builds on practice

    try:  # proposals are a convenience: their failure must not lose the saved notes
        propose_from_notes(client, notes, session)
    except Exception:
        log.exception("proposing memory cards from the notes of client %s failed", client.pk)


def run_analysis(analysis_id: int) -> None:
    """Analyse a stored transcript; a failure is recorded on the analysis, never lost silently."""
    analysis = Analysis.objects.select_related("session__transcript").get(pk=analysis_id)
    Analysis.objects.filter(pk=analysis_id).update(status=Analysis.Status.RUNNING, progress=1)
    analysis.progress = 1
    try:
        conversation = Conversation.from_dict(analysis.session.transcript.conversation)
        _analyse_into(analysis, conversation)
    except Exception as error:  # recorded for the coach; the transcript itself is kept
        log.exception("analysis %s failed", analysis_id)
        message = str(error) if isinstance(error, AttuneError) else f"internal error: {error}"
        Analysis.objects.filter(pk=analysis_id).update(
            status=Analysis.Status.FAILED, error=message[:2000]
        )


def start_background_analysis(analysis_id: int) -> threading.Thread:
    def work() -> None:
        close_old_connections()
        try:
            run_analysis(analysis_id)
        finally:
            connection.close()

    thread = threading.Thread(target=work, name=f"analysis-{analysis_id}", daemon=True)
    thread.start()
    return thread


def requeue_interrupted(now: datetime | None = None) -> int:
    """Analyses left queued or running by a stopped server are started again; returns how many."""
    pending = Analysis.objects.filter(
        status__in=[Analysis.Status.QUEUED, Analysis.Status.RUNNING],
        created__lte=now or timezone.now(),
    )
    ids = list(pending.values_list("pk", flat=True))
    for analysis_id in ids:
        start_background_analysis(analysis_id)
    return len(ids)
