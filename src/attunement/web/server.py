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


def check_address_free(host: str, port: int) -> None:
    """Refuse in one sentence when the server could not listen there: Granian would stop with
    a long Rust backtrace instead."""
    import socket

    from attunement.errors import AttuneError

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror:
        raise AttuneError(
            f"{host} is not an address this machine can find",
            "use 127.0.0.1 (this machine only) or a host name that resolves",
        ) from None
    with socket.socket(family, kind, proto) as probe:
        # As the server does, so a port left in TIME_WAIT by a server just stopped counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            raise AttuneError(*_why_not(error, host, port)) from None


def _why_not(error: OSError, host: str, port: int) -> tuple[str, str]:
    import errno

    if error.errno == errno.EADDRINUSE:
        return (
            f"Port {port} on {display_host(host)} is already in use (by another program, or by an "
            "Attunement workspace still running)",
            f"stop that program, or choose another port, e.g. --port {port + 1}",
        )
    if error.errno == errno.EACCES:
        return (f"This user may not listen on port {port}", "choose a port above 1023")
    if error.errno == errno.EADDRNOTAVAIL:
        return (
            f"{host} is not an address of this machine",
            "use 127.0.0.1 (this machine only) or one of this machine's own addresses",
        )
    return (
        f"Cannot listen on {display_host(host)}:{port} ({error.strerror})",
        "check --host and --port",
    )


def display_host(host: str) -> str:
    """The host as an address is written in a URL: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host else host
