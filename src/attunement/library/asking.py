"""Answers for the "How can I help you?" box, without ever making a coach wait for the model.

With the sentence encoder installed, the first meaning search encodes every passage of the
guide (about 15 s, then cached on disk). The box answers by keyword until that is done in a
background thread, then blends in meaning.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from attunement import guide
from attunement.guide.model import Hit

log = logging.getLogger(__name__)
_lock = threading.Lock()
_state = {"started": False, "meaning": False}


def _warm_up() -> None:
    try:
        guide.search("warming up", limit=1)  # loads the encoder and the guide's vectors
    except Exception:  # the box must keep answering by keyword whatever the model does
        log.exception("Meaning search could not start; the guide search box uses keywords")
        return
    _state["meaning"] = True


def _start_warm_up() -> None:
    with _lock:
        if _state["started"]:
            return
        _state["started"] = True
    threading.Thread(target=_warm_up, name="guide-warm-up", daemon=True).start()


def answer(query: str, *, kinds: Sequence[str], limit: int) -> list[Hit]:
    """The guide's best answers: blended with meaning once ready, by keyword until then."""
    if _state["meaning"]:
        return guide.search(query, kinds=tuple(kinds), limit=limit)
    _start_warm_up()
    return guide.search(query, kinds=tuple(kinds), limit=limit, encoder=False)
