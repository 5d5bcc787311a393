"""``attune serve``: the coach's private web workspace."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option(
            None, "--host", help="Address to listen on (default: ATTUNE_HOST)."
        ),
        port: int = typer.Option(None, "--port", help="Port to listen on (default: ATTUNE_PORT)."),
        workers: int = typer.Option(1, "--workers", min=1, max=32, help="Server processes."),
    ) -> None:
        """Run the web workspace (migrates the database first). Stop with Ctrl+C."""
        from attunement.config import get_settings
        from attunement.web import server

        settings = get_settings()
        host = host or settings.host
        port = port or settings.port
        server.setup_django()
        server.migrate()
        typer.echo(
            f"Attunement workspace on http://{_display(host)}:{port}/  (data: {settings.data_path})"
        )
        server.serve(host, port, workers=workers)


def _display(host: str) -> str:
    return f"[{host}]" if ":" in host else host
