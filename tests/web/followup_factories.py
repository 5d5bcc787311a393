"""Builders for the follow-up tests: a client's commitment and memory card, as found or by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

from attunement.followup.models import Commitment, MemoryCard


def make_commitment_of(client: Any, **fields: Any) -> Commitment:
    values: dict[str, Any] = {
        "owner": "coach",
        "text": "send the article on giving feedback",
        "due": date(2026, 10, 23),
        "status": Commitment.Status.OPEN,
    }
    return Commitment.objects.create(client=client, **(values | fields))


def make_card_of(client: Any, **fields: Any) -> MemoryCard:
    values: dict[str, Any] = {"kind": "person", "text": "manager, Sarah", "confirmed": False}
    return MemoryCard.objects.create(client=client, **(values | fields))
