"""Private links: a signed, salted token naming one ``Checkin``; valid once, for a while.

The token carries the check-in's id and a random nonce stored with it, signed with the
project's secret key under a salt of its own (a session cookie or CSRF token can never pass
as a link). The signature's age is checked with ``max_age`` and the check-in's own expiry and
"answered" state are checked against the database, so a link copied again later still expires
when the first one does.
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


@dataclass(frozen=True)
class LinkState:
    checkin: Checkin | None
    problem: LinkProblem | None = None


def make_token(checkin: Checkin) -> str:
    return signing.dumps({"c": checkin.pk, "n": checkin.nonce}, salt=SALT, compress=False)


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
    checkin = _checkin_named(data)
    if checkin is None:
        return LinkState(None, LinkProblem.TAMPERED)
    if checkin.answered:
        return LinkState(checkin, LinkProblem.USED)
    if checkin.expired(now):
        return LinkState(checkin, LinkProblem.EXPIRED)
    return LinkState(checkin)


def _checkin_named(data: object) -> Checkin | None:
    if not isinstance(data, dict):
        return None
    found = Checkin.objects.filter(pk=data.get("c")).select_related("client").first()
    if found is None or found.nonce != data.get("n"):
        return None  # a deleted check-in whose id was reused never opens the new one
    return found
