"""`attune settings`: every setting, its environment variable, its value and what it does."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    app.command("settings", help="Show every setting, where it comes from and its current value.")(
        show_settings
    )


def show_settings() -> None:
    from dataclasses import fields

    from rich.console import Console
    from rich.table import Table

    from attunement.config import get_settings

    current = get_settings()
    table = Table("variable", "value", "what it does", show_lines=False)
    for f in fields(current):
        value = getattr(current, f.name)
        table.add_row(
            f.metadata["env"], str(value) if value != "" else "(default)", f.metadata["doc"]
        )
    console = Console()
    console.print(table)
    # Printed apart from the table: a long path would otherwise be squeezed into a cell.
    console.print(f"Data folder in use: {current.data_path}", highlight=False, soft_wrap=True)
