"""``attune demo``: a workspace full of example clients, served at once."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command(
        help="Load a demo practice (two coaches and an admin) with strong, steady and strained "
        "client relationships, then serve it."
    )
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
        import os
        import tempfile

        if not os.environ.get("ATTUNE_DATA_DIR"):
            # Demo data never mixes with a coach's real records.
            os.environ["ATTUNE_DATA_DIR"] = os.path.join(tempfile.gettempdir(), "attunement-demo")
        from attunement.config import get_settings
        from attunement.web import server

        settings = get_settings()
        host, port = host or settings.host, port or settings.port
        if serve:
            server.check_address_free(host, port)  # before the half-minute load, not after it
        server.setup_django()
        server.migrate()
        from attunement.practice.demo_load import LOGINS, load_demo

        load_demo(fresh=fresh)
        typer.echo(f"Demo practice in {settings.data_path}")
        typer.echo("Sign in as (user, password, what it shows):")
        user_width = max(len(login.username) for login in LOGINS)
        word_width = max(len(login.password) for login in LOGINS)
        for login in LOGINS:
            user, word = f"{login.username:<{user_width}}", f"{login.password:<{word_width}}"
            typer.echo(f"  {user}  {word}  {login.sees}")
        if serve:
            typer.echo(f"Open http://{host}:{port}/ in your browser; Ctrl+C stops the server.")
            server.serve(host, port)
