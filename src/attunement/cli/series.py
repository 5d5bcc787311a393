"""`attune series FILE_OR_DIR...`: analyse several sessions and show them side by side.

One row per session (the figures of ``report/series.py``) and, under the table, each figure's
course over the sessions. A file that cannot be read gets its reason in its row and the others
are still analysed. Heavy imports stay inside the command so `attune --help` stays instant.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from attunement.cli._progress import progress
from attunement.cli.analyze import EncoderOption

if TYPE_CHECKING:
    from attunement.report.series import SeriesRow


def register(app: typer.Typer) -> None:
    app.command(
        "series",
        help="Analyse several sessions (files or folders) and show their figures side by side.",
    )(series)


def series(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE_OR_DIR",
            help="Transcripts, or folders of them (.vtt, .srt, .txt, .json), in session order.",
        ),
    ],
    coach: Annotated[str | None, typer.Option(help="Name of the coach as in the files.")] = None,
    client: Annotated[str | None, typer.Option(help="Name of the client as in the files.")] = None,
    csv_path: Annotated[
        Path | None, typer.Option("--csv", help="Also write the figures to this CSV file.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as one JSON object, nothing else.")
    ] = False,
    encoder: EncoderOption = None,
) -> None:
    from rich.console import Console

    from attunement.analysis.encoder import load_encoder

    files = transcript_files(paths)
    loaded = load_encoder(encoder.value if encoder is not None else None)
    err = Console(stderr=True)
    rows = []
    with progress(err, len(files), "analysing") as advance:
        for path in files:
            rows.append(analyse_file(path, coach=coach, client=client, encoder=loaded))
            advance(1)
    mode = "encoder" if loaded is not None else "lexical"
    refuse_if_none_analysed(rows, err)
    if csv_path is not None:
        write_csv(csv_path, rows)
    if as_json:
        typer.echo(json_text(rows, mode))
    else:
        print_table(Console(), rows, mode, csv_path)
    finish(rows, err)


def natural_key(path: Path) -> list[Any]:
    """ "session-2" before "session-10": digits compare as numbers."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name)]


def transcript_files(paths: list[Path]) -> list[Path]:
    """The files to analyse: each file as given, each folder's transcripts in natural order."""
    from attunement.errors import AttuneError
    from attunement.transcript.detect import transcript_files_in

    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)  # a missing file gets its reason in its row
            continue
        inside = transcript_files_in(path)
        if not inside:
            raise AttuneError(
                f"The folder {path} holds no transcripts",
                "point at a folder of .vtt, .srt, .txt or .json files, or name the files",
            )
        found.extend(sorted(inside, key=natural_key))
    return found


def analyse_file(path: Path, *, coach: str | None, client: str | None, encoder: Any) -> SeriesRow:
    """One row: the session's figures, or the reason it could not be analysed."""
    from attunement.analysis.pipeline import analyse
    from attunement.cli.analyze import read_conversation
    from attunement.errors import AttuneError
    from attunement.report.series import SeriesRow, session_row

    try:
        conversation = read_conversation(path, coach=coach, client=client, format=None)
        analysis = analyse(conversation, encoder=encoder)
    except AttuneError as error:
        return SeriesRow(path.name, error=str(error))
    return session_row(path.name, conversation, analysis)


def write_csv(target: Path, rows: list[SeriesRow]) -> None:
    from attunement.errors import AttuneError
    from attunement.report.series import csv_text

    try:
        target.write_text(csv_text(rows), encoding="utf-8")
    except OSError as error:
        raise AttuneError(
            f"Could not write the CSV file {target} ({error.strerror or error})",
            "choose a folder that exists and that you can write to",
        ) from None


def json_text(rows: list[SeriesRow], mode: str) -> str:
    import json
    from dataclasses import asdict

    return json.dumps({"mode": mode, "sessions": [asdict(row) for row in rows]}, indent=2)


def print_table(out: Any, rows: list[SeriesRow], mode: str, csv_path: Path | None) -> None:
    """One line per session, narrow enough for an 80-column terminal (minutes and the full
    figures are in --csv and --json)."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from attunement.report.series import COLUMNS, shown

    analysed = sum(row.error is None for row in rows)
    table = Table(
        title=f"{analysed} session{'s' if analysed != 1 else ''} ({mode} mode)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 0),  # the box's own blank column separates the columns
    )
    table.add_column("Session", no_wrap=True, overflow="ellipsis", max_width=18)
    table.add_column("Turns", justify="right", no_wrap=True, min_width=5)
    for column in COLUMNS:
        width = max(4, *(len(line) for line in column.title.splitlines()))
        table.add_column(column.title, justify="right", no_wrap=True, min_width=width)
    for row in rows:
        if row.error is not None:
            continue  # listed with its reason under the tables (``finish``)
        figures = row.figures or {}
        cells = [shown(figures.get(c.key), c) for c in COLUMNS]
        table.add_row(escape(row.name), str(row.turns), *cells)
    out.print(table)
    if sum(row.error is None for row in rows) > 1:
        out.print(course_table(rows))
    out.print(
        "; ".join(f"{c.name}: {c.meaning}" for c in COLUMNS) + ". – means not measured.",
        style="dim",
        highlight=False,
    )
    if csv_path is not None:
        out.print(f"Wrote the figures to {csv_path}", highlight=False, soft_wrap=True)


def course_table(rows: list[SeriesRow]) -> Any:
    """Each figure from the first analysed session to the last, and its course between."""
    from rich import box
    from rich.table import Table

    from attunement.report.series import COLUMNS, course, shown

    analysed = [row for row in rows if row.error is None]
    table = Table(
        title="How the figures moved", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False
    )
    for title in ("Figure", "First", "Last", "Course"):
        table.add_column(title, justify="left" if title in ("Figure", "Course") else "right")
    for column in COLUMNS:
        first, last = ((analysed[i].figures or {}).get(column.key) for i in (0, -1))
        table.add_row(column.name, shown(first, column), shown(last, column), course(rows, column))
    return table


def refuse_if_none_analysed(rows: list[SeriesRow], err: Any) -> None:
    """With no file analysed there is no table to show: each reason, then one error (exit 2)."""
    from attunement.errors import AttuneError

    if any(row.error is None for row in rows):
        return
    print_failures(rows, err)
    if len(rows) == 1:
        raise AttuneError(f"{rows[0].name} could not be analysed", "see the reason given above")
    raise AttuneError(
        f"None of the {len(rows)} files could be analysed",
        "see the reason given for each file above",
    )


def print_failures(rows: list[SeriesRow], err: Any) -> None:
    for row in rows:
        if row.error is not None:
            err.print(f"Not analysed: {row.name}: {row.error}", highlight=False, markup=False)


def finish(rows: list[SeriesRow], err: Any) -> None:
    """Exit 1, after saying why for each, when some files could not be analysed."""
    failed = [row for row in rows if row.error is not None]
    if failed:
        print_failures(rows, err)
        were = "was" if len(failed) == 1 else "were"
        err.print(f"{len(failed)} of {len(rows)} files {were} not analysed.", highlight=False)
        raise typer.Exit(1)
