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
        server.check_address_free(host, port)
        server.setup_django()
        server.migrate()
        typer.echo(
            f"Attunement workspace on http://{server.display_host(host)}:{port}/  (data: {settings.data_path})"
        )
        typer.echo(
            "Open that address in your browser (a new workspace first asks you to create the "
            "owner account); Ctrl+C stops the server."
        )
        server.serve(host, port, workers=workers)
