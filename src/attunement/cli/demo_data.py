"""`attune demo-data DIR`: copy the bundled synthetic sessions (and a README) into a folder."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command(
        "demo-data", help="Write the bundled demo sessions (synthetic transcripts) into DIR."
    )(demo_data)


_FOLDER = typer.Argument(..., metavar="DIR", help="Folder to write into (created if missing).")
_FORCE = typer.Option(False, "--force", help="Overwrite demo files already there.")


def demo_data(folder: Path = _FOLDER, force: bool = _FORCE) -> None:
    from attunement.demo.build import write_demo_data
    from attunement.errors import AttuneError

    try:
        written = write_demo_data(folder, force=force)
    except OSError as error:
        raise AttuneError(
            f"Could not write the demo sessions into {folder} ({error.strerror or error})",
            "choose a folder you can write to",
        ) from None
    for path in written:
        typer.echo(f"{path.stat().st_size:>8} bytes  {path}")
    typer.echo(f"Wrote {len(written)} files; try `attune analyze {written[0]}`.")
