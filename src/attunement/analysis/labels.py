"""What a stored turn label means, read the same way by the analysers that write it and by the
layers that read stored analyses later (connection health), without importing any analyser."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def is_open(label: Mapping[str, Any]) -> bool:
    """A client turn (``openness`` label) where the client shows something of themselves: a
    feeling, a disclosure, an insight. ``get``: labels stored by older versions may lack a key."""
    return bool(label.get("feelings") or label.get("self_disclosure") or label.get("insight"))
