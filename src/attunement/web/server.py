"""Start the workspace: prepare the database, then hand over to Granian (a production server).

Shared by ``attune serve`` and ``attune demo``. Django is imported here, never at CLI start-up.
"""

from __future__ import annotations

import os

SETTINGS_MODULE = "attunement.web.settings"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    import django

    django.setup()


def migrate() -> None:
    """Bring the database schema up to date (safe to run on every start)."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def serve(host: str, port: int, *, workers: int = 1) -> None:
    """Serve until interrupted. One worker by default: background analyses live in its threads."""
    from granian import Granian
    from granian.constants import Interfaces

    # The worker process picks these up when it imports the WSGI module.
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    if workers == 1:
        os.environ["ATTUNE_RESUME_ANALYSES"] = "1"
    Granian(
        "attunement.web.wsgi:application",
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        websockets=False,  # WSGI has none; saying so once per start only adds noise
        workers=workers,
        # Enough threads per worker for a few browser tabs and the progress polling; SQLite
        # serialises writes anyway, and a practice server scales with --workers.
        blocking_threads=max(2, min(8, os.cpu_count() or 2)),
        log_access=False,
    ).serve()
