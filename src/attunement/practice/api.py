"""The JSON API for scripts and integrations, mounted at ``/api/`` by ``attunement/web/urls.py``.

Owned by the accounts/security work (helper 8). Callers authenticate with a personal API token
(``Authorization: Bearer att_...``) made on the account security page. Every object is looked up
through ``access.owned``: another coach's id answers 404, exactly like an id that does not
exist. Input is validated by the same forms as the pages, so limits and messages agree. The
schema is at ``/api/openapi.json``; there is no docs page because it would load a CDN script.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from django.db.models import Model
from django.http import Http404, HttpRequest
from ninja import File, Form, NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.files import UploadedFile
from ninja.security import HttpBearer
from pydantic import ConfigDict

from attunement.errors import AttuneError, sentence
from attunement.practice import presenters, services
from attunement.practice.access import owned
from attunement.practice.accounts_security import user_for_token
from attunement.practice.api_errors import NO_TOKEN, NOT_FOUND, field_errors, plain_http_error
from attunement.practice.forms import NewClientForm, SessionForm
from attunement.practice.models import Analysis, Client, Session

M = TypeVar("M", bound=Model)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return user_for_token(token)


api = NinjaAPI(
    title="Attunement API",
    version="1",
    description="Clients, sessions, transcript uploads and analysis results of one coach.",
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url=None,
)


# ---- schemas ---------------------------------------------------------------------------------


class Error(Schema):
    detail: Any


class ClientIn(Schema):
    name: str
    contact: str = ""
    time_zone: str = ""
    language: str = ""
    communication_style: str = ""
    notes: str = ""
    goals: str = ""
    cadence_days: int = 14


class ClientOut(Schema):
    id: int
    name: str
    contact: str
    time_zone: str
    language: str
    phase: str
    sessions_held: int


class SessionIn(Schema):
    when: datetime
    minutes: int = 60
    format: str = "video"
    status: str = "held"
    by_whom: str = ""
    private_notes: str = ""


class SessionOut(Schema):
    id: int
    client_id: int
    when: datetime
    minutes: int
    format: str
    status: str
    by_whom: str
    has_transcript: bool
    analysis_id: int | None


class ConsentIn(Schema):
    # Every field, and nothing else: a misspelt or missing one would otherwise quietly
    # record "not agreed" and replace the client's real consent.
    model_config = ConfigDict(extra="forbid")

    recording: bool
    transcription: bool
    analysis: bool


class ConsentOut(Schema):
    client_id: int
    recording: bool
    transcription: bool
    analysis: bool
    recorded_at: datetime | None
    uploads_allowed: bool
    detail: str


class AnalysisOut(Schema):
    id: int
    session_id: int
    status: str
    progress: int
    mode: str
    attunement_version: str
    versions: dict[str, Any]
    error: str
    result: dict[str, Any] | None


# ---- helpers ---------------------------------------------------------------------------------


def _user(request: HttpRequest) -> Any:
    """The account the API token belongs to (Ninja puts it on ``request.auth``)."""
    return getattr(request, "auth", None)


def _get(model: type[M], request: HttpRequest, pk: int) -> M:
    try:
        return owned(model, _user(request)).get(pk=pk)
    except model.DoesNotExist:
        raise Http404("No such record") from None


def _coach(request: HttpRequest) -> Any:
    coach = getattr(_user(request), "coach", None)
    if coach is None or not coach.sees_client_content:
        raise HttpError(403, "Practice admins manage accounts and cannot hold client records.")
    return coach


INVALID = "Some values were not accepted; see the messages per field."


def _invalid(form: Any) -> HttpError:
    errors = {field: [str(m) for m in messages] for field, messages in form.errors.items()}
    error = HttpError(422, INVALID)
    error.errors = errors  # type: ignore[attr-defined]
    return error


def client_out(client: Client) -> ClientOut:
    engagement = client.current_engagement()
    held = engagement.held_count() if engagement else 0
    phase = str(engagement.phase) if engagement else "initial"
    return ClientOut(
        id=client.pk,
        name=client.name,
        contact=client.contact,
        time_zone=client.time_zone,
        language=client.language,
        phase=phase,
        sessions_held=held,
    )


def session_out(session: Session) -> SessionOut:
    analysis = session.latest_analysis()
    return SessionOut(
        id=session.pk,
        client_id=session.engagement.client_id,
        when=session.when,
        minutes=session.minutes,
        format=session.format,
        status=session.status,
        by_whom=session.by_whom,
        has_transcript=hasattr(session, "transcript"),
        analysis_id=analysis.pk if analysis else None,
    )


def analysis_out(analysis: Analysis) -> AnalysisOut:
    return AnalysisOut(
        id=analysis.pk,
        session_id=analysis.session.pk,
        status=analysis.status,
        progress=analysis.progress,
        mode=analysis.mode,
        attunement_version=analysis.attunement_version,
        versions=analysis.versions or {},
        error=analysis.error,
        result=analysis.result if analysis.status == Analysis.Status.DONE else None,
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> Any:
    body: dict[str, Any] = {"detail": plain_http_error(exc)}
    if getattr(exc, "errors", None):
        body["errors"] = exc.errors  # type: ignore[attr-defined]
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(AuthenticationError)
def _no_token(request: HttpRequest, exc: AuthenticationError) -> Any:
    response = api.create_response(request, {"detail": NO_TOKEN}, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(ValidationError)
def _wrong_shape(request: HttpRequest, exc: ValidationError) -> Any:
    """A value of the wrong type: the same answer as a value the forms refuse."""
    body = {"detail": INVALID, "errors": field_errors(exc.errors)}
    return api.create_response(request, body, status=422)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> Any:
    return api.create_response(request, {"detail": NOT_FOUND}, status=404)


# ---- endpoints -------------------------------------------------------------------------------


@api.get("/clients", response=list[ClientOut], tags=["clients"])
def list_clients(request: HttpRequest) -> list[ClientOut]:
    clients = sorted(owned(Client, _user(request)), key=lambda c: c.name.casefold())
    return [client_out(c) for c in clients]


@api.post("/clients", response={201: ClientOut, 403: Error, 422: Error}, tags=["clients"])
def create_client(request: HttpRequest, payload: ClientIn) -> Status[ClientOut]:
    coach = _coach(request)
    form = NewClientForm(data=payload.dict())
    if not form.is_valid():
        raise _invalid(form)
    client = services.create_client(coach, **form.cleaned_data)
    services.after_notes(client, client.notes)
    return Status(201, client_out(client))


@api.get("/clients/{int:client_id}", response={200: ClientOut, 404: Error}, tags=["clients"])
def get_client(request: HttpRequest, client_id: int) -> ClientOut:
    client = _get(Client, request, client_id)
    services.audit(_user(request), client, "api: view client", request.path)
    return client_out(client)


@api.get(
    "/clients/{int:client_id}/sessions",
    response={200: list[SessionOut], 404: Error},
    tags=["sessions"],
)
def list_sessions(request: HttpRequest, client_id: int) -> list[SessionOut]:
    client = _get(Client, request, client_id)
    sessions = Session.objects.filter(engagement__client=client).order_by("-when")
    return [session_out(s) for s in sessions]


@api.post(
    "/clients/{int:client_id}/sessions",
    response={201: SessionOut, 404: Error, 422: Error},
    tags=["sessions"],
)
def create_session(request: HttpRequest, client_id: int, payload: SessionIn) -> Status[SessionOut]:
    client = _get(Client, request, client_id)
    form = SessionForm(data=payload.dict())
    if not form.is_valid():
        raise _invalid(form)
    session = services.log_session(services.engagement_for(client), **form.cleaned_data)
    services.after_notes(client, session.private_notes, session)
    return Status(201, session_out(session))


@api.get("/sessions/{int:session_id}", response={200: SessionOut, 404: Error}, tags=["sessions"])
def get_session(request: HttpRequest, session_id: int) -> SessionOut:
    return session_out(_get(Session, request, session_id))


@api.post(
    "/sessions/{int:session_id}/transcript",
    response={201: AnalysisOut, 400: Error, 404: Error},
    tags=["transcripts"],
)
def upload_transcript(
    request: HttpRequest,
    session_id: int,
    file: UploadedFile = File(...),  # noqa: B008 (Ninja's idiom)
    coach: str = Form(""),
) -> Status[AnalysisOut]:
    """Store a transcript and analyse it. A file the readers reject answers 400, storing nothing.
    A long transcript is analysed in the background: the answer says ``queued``; ask
    ``GET /api/analyses/{id}`` until ``status`` is ``done``.
    ``coach`` names the coach's speaker when the talk alone cannot tell who coached."""
    session = _get(Session, request, session_id)
    try:
        analysis = services.upload_transcript(
            session, file, user=_user(request), coach=coach.strip() or None
        )
    except services.ConsentMissing as error:
        fix = RECORD_CONSENT.format(client_id=session.client.pk)
        raise HttpError(400, sentence(error.what, fix)) from None
    except AttuneError as error:
        raise HttpError(400, presenters.upload_refusal(error, NAME_THE_COACH)) from None
    services.audit(_user(request), session.client, "api: upload transcript", request.path)
    return Status(201, analysis_out(analysis))


# How this endpoint takes the coach's name, for a transcript whose coach is unclear.
NAME_THE_COACH = "send the form field coach with your name as the transcript spells it ({names})"
RECORD_CONSENT = (
    "once they agree, record it with POST /api/clients/{client_id}/consent "
    '(JSON {{"transcription": true, "analysis": true}}) and upload again; nothing was stored'
)


def consent_out(client: Client) -> ConsentOut:
    consent = client.current_consent()
    gap = services.consent_gap(client)
    return ConsentOut(
        client_id=client.pk,
        recording=bool(consent and consent.recording),
        transcription=bool(consent and consent.transcription),
        analysis=bool(consent and consent.analysis),
        recorded_at=consent.recorded_at if consent else None,
        uploads_allowed=gap is None,
        detail=f"{gap}; transcript uploads are refused." if gap else "Transcripts may be uploaded.",
    )


@api.get(
    "/clients/{int:client_id}/consent", response={200: ConsentOut, 404: Error}, tags=["consent"]
)
def get_consent(request: HttpRequest, client_id: int) -> ConsentOut:
    """What the client has agreed to (the newest record) and whether transcripts may be uploaded."""
    return consent_out(_get(Client, request, client_id))


@api.post(
    "/clients/{int:client_id}/consent",
    response={201: ConsentOut, 404: Error, 422: Error},
    tags=["consent"],
)
def record_consent(request: HttpRequest, client_id: int, payload: ConsentIn) -> Status[ConsentOut]:
    """Record what the client agrees to; it replaces the earlier record, which is kept.
    Send all three fields, true or false: a missing or unknown field is refused (422)."""
    client = _get(Client, request, client_id)
    services.record_consent(client, user=_user(request), **payload.dict())
    services.audit(_user(request), client, "api: record consent", request.path)
    return Status(201, consent_out(client))


@api.get(
    "/sessions/{int:session_id}/analysis",
    response={200: AnalysisOut, 404: Error},
    tags=["analyses"],
)
def session_analysis(request: HttpRequest, session_id: int) -> AnalysisOut:
    """The newest analysis of the session's transcript."""
    analysis = _get(Session, request, session_id).latest_analysis()
    if analysis is None:
        raise HttpError(404, "This session has no analysis yet; upload a transcript first.")
    return analysis_out(analysis)


@api.get("/analyses/{int:analysis_id}", response={200: AnalysisOut, 404: Error}, tags=["analyses"])
def get_analysis(request: HttpRequest, analysis_id: int) -> AnalysisOut:
    analysis = _get(Analysis, request, analysis_id)
    services.audit(_user(request), analysis.session.client, "api: view analysis", request.path)
    return analysis_out(analysis)
