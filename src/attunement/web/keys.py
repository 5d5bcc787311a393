"""Key files made on first run: owner-only, never overwritten, shared by settings and crypto.

Imports no Django so ``settings.py`` can use it before the app registry exists.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def read_or_create_key_file(path: Path, make: Callable[[], bytes]) -> bytes:
    """The key stored at ``path``; on first use a new one from ``make()``, readable by the owner only.

    ``O_EXCL`` makes creation atomic: when two processes start at once, one writes the key and
    the other reads it, so both end up with the same key.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    with os.fdopen(fd, "wb") as handle:
        handle.write(make())
    return _read_key(path)


def _read_key(path: Path) -> bytes:
    key = path.read_bytes().strip()
    if not key:
        from attunement.errors import ConfigError

        raise ConfigError(
            f"The key file {path} is empty",
            "restore it from your backup, or delete it only if the database is new",
        )
    return key
