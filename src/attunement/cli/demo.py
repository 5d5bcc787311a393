"""``attune demo``: a workspace full of example clients, served at once."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def demo(
        host: str = typer.Option(
            None, "--host", help="Address to listen on (default: ATTUNE_HOST)."
        ),
        port: int = typer.Option(None, "--port", help="Port to listen on (default: ATTUNE_PORT)."),
        serve: bool = typer.Option(True, "--serve/--no-serve", help="Serve after loading."),
        fresh: bool = typer.Option(
            False, "--fresh", help="Reload the demo so its sessions end close to today."
        ),
    ) -> None:
        """Load a demo coach with strong, steady and strained client relationships, then serve."""
        import os
        import tempfile

        if not os.environ.get("ATTUNE_DATA_DIR"):
            # Demo data never mixes with a coach's real records.
            os.environ["ATTUNE_DATA_DIR"] = os.path.join(tempfile.gettempdir(), "attunement-demo")
        from attunement.config import get_settings
        from attunement.web import server

        settings = get_settings()
        server.setup_django()
        server.migrate()
        from attunement.practice.demo_load import load_demo

        username, password, count = load_demo(fresh=fresh)
        typer.echo(f"Demo workspace with {count} clients in {settings.data_path}")
        typer.echo(f"Sign in as  {username}  with password  {password}")
        if serve:
            host, port = host or settings.host, port or settings.port
            typer.echo(f"Open http://{host}:{port}/")
            server.serve(host, port)
