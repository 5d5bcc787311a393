"""Everything recorded about one client, as one JSON document: for a client who asks for a copy
of their data, or for the coach before deleting them.

The rows are found the way deleting the client finds them (Django's deletion collector), so the
export covers every app's records about the client, including apps added later, with nothing to
keep in step. Text stored encrypted is written out decrypted: the file is for the client.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import router
from django.db.models import Model
from django.db.models.deletion import Collector
from django.utils import timezone

from attunement.practice.models import AuditEvent, Client

# Values that open a private link: a copy of the data must not work as a key.
SKIPPED_FIELDS = frozenset({"nonce"})


class _EveryRow(Collector):
    """A collector that lists rows one by one instead of deleting them in bulk."""

    def can_fast_delete(self, *args: Any, **kwargs: Any) -> bool:
        return False


def _row(obj: Model) -> dict[str, Any]:
    fields = obj._meta.concrete_fields
    return {
        f.attname: f.value_from_object(obj)
        for f in fields
        if f.name not in SKIPPED_FIELDS and not f.primary_key
    } | {"id": obj.pk}


def _rows_about(client: Client) -> dict[str, list[dict[str, Any]]]:
    collector = _EveryRow(using=router.db_for_write(Client))
    collector.collect([client])
    tables: dict[str, list[dict[str, Any]]] = {}
    for model, instances in collector.data.items():
        rows = sorted((_row(obj) for obj in instances), key=lambda r: r["id"])
        tables[model._meta.label_lower] = rows
    return dict(sorted(tables.items()))


def _access_log(client: Client) -> list[dict[str, Any]]:
    events = AuditEvent.objects.filter(client_ref=client.pk).select_related("user")
    return [
        {"at": e.at, "who": e.user.get_username() if e.user else None, "action": e.action}
        for e in events.order_by("at", "id")
    ]


def client_export(client: Client, now: datetime | None = None) -> dict[str, Any]:
    """The client's records by table (``app.model``), and who opened them when."""
    return {
        "about": (
            f"Everything recorded about {client.name} in Attunement, exported "
            f"{(now or timezone.now()):%Y-%m-%d %H:%M} UTC. It includes the coach's private "
            "notes and journal entries about their sessions."
        ),
        "records": _rows_about(client),
        "access_log": _access_log(client),
    }


def client_export_json(client: Client, now: datetime | None = None) -> str:
    return json.dumps(
        client_export(client, now), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False
    )


def export_filename(client: Client, now: datetime | None = None) -> str:
    """``attunement-client-12-2026-11-29.json``: an id, not the name, in case it is mailed."""
    return f"attunement-client-{client.pk}-{(now or timezone.now()):%Y-%m-%d}.json"
