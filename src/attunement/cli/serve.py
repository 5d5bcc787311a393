"""``attune serve``: the coach's private web workspace."""

from __future__ import annotations

import typer

# One paragraph per line: Rich keeps a help text's line breaks.
SERVE_HELP = (
    "Run the web workspace (migrates the database first). Stop with Ctrl+C.\n\n"
    "It answers on http://127.0.0.1:8000 unless --host and --port say otherwise; the data "
    "(SQLite, unless DATABASE_URL is set) lives in the data folder that `attune settings` "
    "shows. The first visit creates the owner account."
)


def register(app: typer.Typer) -> None:
    @app.command(help=SERVE_HELP)
    def serve(
        host: str = typer.Option(
            None,
            "--host",
            help="Address to listen on (default: ATTUNE_HOST, 127.0.0.1 unless set: only this "
            "machine can connect).",
        ),
        port: int = typer.Option(
            None, "--port", help="Port to listen on (default: ATTUNE_PORT, 8000 unless set)."
        ),
        workers: int = typer.Option(1, "--workers", min=1, max=32, help="Server processes."),
    ) -> None:
        from attunement.config import get_settings
        from attunement.web import server

        settings = get_settings()
        host = host or settings.host
        port = port or settings.port
        check_address_free(host, port)
        server.setup_django()
        server.migrate()
        typer.echo(
            f"Attunement workspace on http://{_display(host)}:{port}/  (data: {settings.data_path})"
        )
        typer.echo(
            "Open that address in your browser (a new workspace first asks you to create the "
            "owner account); Ctrl+C stops the server."
        )
        server.serve(host, port, workers=workers)


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
            f"Port {port} on {_display(host)} is already in use (by another program, or by an "
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
        f"Cannot listen on {_display(host)}:{port} ({error.strerror})",
        "check --host and --port",
    )


def _display(host: str) -> str:
    return f"[{host}]" if ":" in host else host
