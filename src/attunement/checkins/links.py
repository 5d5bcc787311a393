"""Private links: a signed, salted token naming one ``Checkin``; valid once, for a while.

The token carries only the random nonce stored with the check-in, signed with the project's
secret key under a salt of its own (a session cookie or CSRF token can never pass as a link).
It names no database id: a link's payload is readable by whoever holds it, and a sequential id
there would tell a client how many check-ins the practice has made and invite guessing.
The signature's age is checked with ``max_age`` and the check-in's own expiry and "answered"
state are checked against the database, so a link copied again later still expires when the
first one does.

Links made before this carried ``{"c": id, "n": nonce}``. They are found by their nonce only
so that a used or expired one still says so; one still open is refused with its own
explanation (``OUTDATED``): the coach's page for the check-in shows the new link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from django.core import signing

from attunement.checkins.models import Checkin
from attunement.config import get_settings

SALT = "attunement.checkins.link"


class LinkProblem(StrEnum):
    TAMPERED = "tampered"  # not a link we made, or altered on the way
    EXPIRED = "expired"
    USED = "used"
    OUTDATED = "outdated"  # made by an earlier version, which put the check-in's id in the link


@dataclass(frozen=True)
class LinkState:
    checkin: Checkin | None
    problem: LinkProblem | None = None


def make_token(checkin: Checkin) -> str:
    return signing.dumps(checkin.nonce, salt=SALT, compress=False)


def _max_age_seconds() -> int:
    return get_settings().checkin_link_hours * 3600


def read_token(token: str, now: datetime) -> LinkState:
    """What a link leads to: the check-in to answer, or why it cannot be answered."""
    try:
        data = signing.loads(token, salt=SALT, max_age=_max_age_seconds())
    except signing.SignatureExpired:
        return LinkState(None, LinkProblem.EXPIRED)
    except (signing.BadSignature, ValueError):
        return LinkState(None, LinkProblem.TAMPERED)
    outdated = isinstance(data, dict) and "c" in data  # the old form, with the id: see above
    checkin = _checkin_named(data.get("n") if outdated else data)
    if checkin is None:
        return LinkState(None, LinkProblem.TAMPERED)
    if checkin.answered:
        return LinkState(checkin, LinkProblem.USED)
    if checkin.expired(now):
        return LinkState(checkin, LinkProblem.EXPIRED)
    if outdated:  # still open: the coach's page shows the new link to send again
        return LinkState(checkin, LinkProblem.OUTDATED)
    return LinkState(checkin)


def _checkin_named(nonce: object) -> Checkin | None:
    if not isinstance(nonce, str) or not nonce:
        return None
    # Two check-ins never share a nonce in practice (96 random bits); if they ever did, the
    # link would be ambiguous, so it opens neither.
    found = list(Checkin.objects.filter(nonce=nonce).select_related("client")[:2])
    return found[0] if len(found) == 1 else None
