"""Agreement templates, filled for a client, and the signed single-use links to acknowledge them.

The link carries a signed token naming the request and its nonce (``django.core.signing``):
a changed character breaks the signature, an old link expires, and acknowledging (or the
coach withdrawing the request) clears the nonce so the link cannot be used again.

A signed token is readable by whoever holds it, so the request's database id travels masked
(XOR with a keyed hash of the link's own nonce): the client cannot read from it how many
agreements the practice has sent, yet a used or withdrawn link (whose nonce the record no
longer holds) still finds its request and says what happened. Links of the earlier form, with
the plain id under ``"r"``, still say when they were used, withdrawn or expired; one still
pending is refused with its own explanation, since the coach's page shows the new link.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from attunement.library.models import AgreementRequest
from attunement.practice import services
from attunement.practice.models import Client

SALT = "attunement.library.agreement"
MAX_DAYS = 30

_TEMPLATES: dict[str, str] = {
    "logistics": """How we will meet
- Sessions of {minutes} minutes, about every {cadence} days, by {format}.
- If either of us needs to move a session, we say so at least 24 hours before and offer
  another time. A session missed without notice counts as held.
- Between sessions you can reach me by {contact}{contact_hours}; I reply within {reply}.
  Messages are for arranging things and short updates, not for coaching itself.
- In an emergency: {emergency}
- Fees, invoices and cancellations follow the terms we agreed when we started.
- Either of us can end the coaching at any time; we will use a last session to close well.
""",
    "relationship": """How we will work together
- What you say here stays between us. The limits: I would act if I believed you or someone
  else were at risk of serious harm, if the law required me to, and I discuss my work in
  supervision without your name or identifying details.
- If a sponsor or your organisation pays for the coaching, they hear only what you and I agree
  to share, and you hear first what I would share.
- You can tell me at any time that something is not working for you; I will ask you too.
- Feedback and challenge: {feedback}
- I will say so when I notice a pattern, and you decide what to do with it.
""",
    "working": """What the coaching is for
- The goals we agreed, in your words: {goals}
- How we will know it is working: we review progress together every few sessions.
- What you bring: the topic for each session, and what you try between sessions.
- What I bring: attention, questions, honest observations and structure.
- How we will end: we agree together when the goals are met or the coaching is no longer
  helping, and take a session to look back.
""",
}


def _unwrap(text: str) -> str:
    """Join the indented continuation lines above, so each point is one line in the textarea."""
    return text.replace("\n  ", " ")


TEMPLATES: dict[str, str] = {kind: _unwrap(text) for kind, text in _TEMPLATES.items()}


@dataclass(frozen=True)
class Facts:
    """What a template is filled with, taken from the client's records."""

    minutes: str
    cadence: str
    format: str
    contact: str
    contact_hours: str
    reply: str
    emergency: str
    feedback: str
    goals: str


def mid_sentence(text: str) -> str:
    """``text`` as it reads inside a sentence: "A private link" becomes "a private link".
    Only a leading article is lowered; other capitals may be names ("Signal", "Zoom")."""
    first, _, rest = text.partition(" ")
    if first in ("A", "An", "The") and rest:
        return f"{first.lower()} {rest}"
    return text


def facts_for(client: Client) -> Facts:
    # The contact terms recorded for between-session messages (issue 5) fill the logistics
    # template, so what the client acknowledges is what their private-link pages show.
    from attunement.checkins.services import terms_for

    engagement = services.engagement_for(client)
    last = engagement.sessions.order_by("-when").first()
    terms = terms_for(engagement)
    return Facts(
        minutes=str(last.minutes if last else 60),
        cadence=str(engagement.cadence_days),
        format=(last.get_format_display() if last else "video call").lower(),
        contact=mid_sentence(terms.channels.strip()) or "the contact details we agreed",
        contact_hours=f" ({terms.hours.strip()})" if terms.hours.strip() else "",
        reply=f"{terms.response_hours} hours",
        emergency=terms.emergency.strip()
        or "messages to me are not an emergency service; call your local emergency number.",
        feedback=client.communication_style
        or "tell me how direct you want me to be; we will check it together.",
        goals=engagement.goals.replace("\n", " ") or "to be agreed in our first sessions.",
    )


def fill(kind: str, client: Client) -> str:
    return TEMPLATES[kind].format(**facts_for(client).__dict__)


def create_request(client: Client, kind: str, text: str, days: int) -> AgreementRequest:
    days = max(1, min(days, MAX_DAYS))
    return AgreementRequest.objects.create(
        client=client,
        kind=kind,
        text=text,
        nonce=secrets.token_urlsafe(16),
        expires=timezone.now() + timedelta(days=days),
    )


def _mask(nonce: str) -> int:
    """A 64-bit pad only the server can compute, different for every link."""
    return int.from_bytes(salted_hmac(SALT + ".id", nonce).digest()[:8], "big")


def token_for(request: AgreementRequest) -> str:
    masked = request.pk ^ _mask(request.nonce)
    return signing.dumps({"m": masked, "n": request.nonce}, salt=SALT, compress=True)


def _request_named(data: Any) -> AgreementRequest | None:
    if not isinstance(data, dict) or not isinstance(data.get("m"), int):
        return None
    pk = data["m"] ^ _mask(str(data.get("n", "")))
    return AgreementRequest.objects.filter(pk=pk).first()


def _old_request(data: dict[str, Any]) -> AgreementRequest | None:
    pk = data.get("r")
    return AgreementRequest.objects.filter(pk=pk).first() if isinstance(pk, int) else None


class LinkProblem(Exception):
    """Why a link cannot be used, in words for the person holding it."""

    def __init__(self, status: int, title: str, explanation: str) -> None:
        super().__init__(title)
        self.status, self.title, self.explanation = status, title, explanation


def resolve(token: str) -> AgreementRequest:
    """The request a link names, if the link is genuine, unused and in date."""
    try:
        data: Any = signing.loads(token, salt=SALT, max_age=timedelta(days=MAX_DAYS))
    except signing.SignatureExpired:
        raise _expired() from None
    except signing.BadSignature:
        raise _broken() from None
    outdated = isinstance(data, dict) and "r" in data  # the earlier form, with the plain id
    found = _old_request(data) if outdated else _request_named(data)
    if found is None:
        raise _broken()
    if found.acknowledged:
        raise LinkProblem(
            410,
            "Already acknowledged",
            f"This agreement was acknowledged on {found.acknowledged_at:%d %B %Y}. Nothing more is needed; the link works only once.",
        )
    if not found.nonce or not secrets.compare_digest(found.nonce, str(data.get("n", ""))):
        raise LinkProblem(
            410,
            "This link was withdrawn",
            "Your coach replaced or withdrew this agreement. Ask them for the current link.",
        )
    if found.expires <= timezone.now():
        raise _expired()
    if outdated:  # still pending: the coach's page for it shows the new link
        raise _outdated()
    return found


def _expired() -> LinkProblem:
    return LinkProblem(
        410,
        "This link has expired",
        "Links to acknowledge an agreement work for a limited time. Ask your coach to send a new one.",
    )


def _outdated() -> LinkProblem:
    return LinkProblem(
        410,
        "This link no longer works",
        "It was made before your coach's workspace switched to a safer kind of link, and links of the old kind are no longer accepted. Nothing was recorded. Ask your coach for the link again: their page for this agreement shows a new one.",
    )


def _broken() -> LinkProblem:
    return LinkProblem(
        404,
        "This link is not valid",
        "The address may have been cut short or changed when it was copied. Open the link exactly as you received it, or ask your coach for a new link.",
    )


@transaction.atomic  # spent link, recorded name and agreement in force: all or nothing
def acknowledge(request: AgreementRequest, name: str, comment: str) -> AgreementRequest:
    """Record the acknowledgement, spend the link, and keep the text as the agreement in force.

    The link is spent with one conditional UPDATE, so two submissions at once record one.
    """
    now = timezone.now()
    spent = AgreementRequest.objects.filter(
        pk=request.pk, nonce=request.nonce, acknowledged_at__isnull=True
    ).update(nonce="", acknowledged_at=now)
    if not request.nonce or not spent:
        raise LinkProblem(
            410, "Already acknowledged", "This link has just been used. Nothing more is needed."
        )
    request.refresh_from_db()
    request.acknowledged_name = name
    request.client_comment = comment
    request.save(update_fields=["acknowledged_name", "client_comment"])
    services.add_agreement(services.engagement_for(request.client), request.kind, request.text)
    return request


def withdraw(request: AgreementRequest) -> None:
    request.nonce = ""
    request.save(update_fields=["nonce"])
