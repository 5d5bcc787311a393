"""`attune simulate`: replay engagements with known ruptures and measure the warning signs.

Generates engagements of the issue's kinds (healthy; withdrawing from session 6; complying
without engaging; busy and rescheduling once, which must not be flagged), walks each one session
by session as the dashboard would, and reports how many sessions after onset each rupture was
flagged and how many healthy engagements were flagged by mistake, against the aims. By default
every held session is a generated transcript read by the real analysers; ``--fast`` uses the
signals the history drew instead.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

DEFAULT_COUNT = 240
DEFAULT_SESSIONS = 12


def register(app: typer.Typer) -> None:
    app.command(
        "simulate", help="Replay engagements with known ruptures and measure the warning signs."
    )(simulate)


def simulate(
    count: Annotated[
        int, typer.Option("--count", help="Engagements to generate, shared between the kinds.")
    ] = DEFAULT_COUNT,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same engagements.")] = 1,
    sessions: Annotated[
        int, typer.Option("--sessions", help="Scheduled sessions per engagement.")
    ] = DEFAULT_SESSIONS,
    transcripts: Annotated[
        bool,
        typer.Option(
            "--transcripts/--fast",
            help="Measure every held session from a generated transcript with the real "
            "analysers (the default, about 0.1 s per engagement), or with --fast read the "
            "signals the history drew for it (about ten times quicker).",
        ),
    ] = True,
    all_kinds: Annotated[
        bool,
        typer.Option(
            "--all-kinds",
            help="Also simulate surface talk, reluctance, a coach working harder and "
            "check-in drops.",
        ),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the report as one JSON object.")
    ] = False,
) -> None:
    from attunement.cli import fail
    from attunement.demo.simulation import ALL_KINDS, ISSUE_KINDS, MIN_SESSIONS

    kinds = ALL_KINDS if all_kinds else ISSUE_KINDS
    if count < len(kinds):
        raise fail(
            f"--count {count} is too small: it needs at least one engagement of each of the "
            f"{len(kinds)} kinds, so pass --count {len(kinds)} or more (the aims need 200+)"
        )
    if sessions < MIN_SESSIONS:
        raise fail(
            f"--sessions {sessions} is too few: the withdrawing client starts at session 6 and "
            f"needs two more to be flagged in, so pass --sessions {MIN_SESSIONS} or more"
        )
    report = _run(count, seed, sessions, kinds, transcripts, quiet=as_json)
    if as_json:
        import json

        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        _print(report, transcripts)


def _run(
    count: int, seed: int, sessions: int, kinds: tuple[str, ...], transcripts: bool, quiet: bool
) -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from attunement.demo.simulation import engagements
    from attunement.relationship.simulate import simulate as replay

    err = Console(stderr=True)
    columns = ("simulating", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    generated = engagements(
        count, seed=seed, sessions=sessions, kinds=kinds, transcripts=transcripts
    )
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        job = bar.add_task("simulating", total=count)
        return replay(generated, progress=lambda: bar.advance(job))


def _delay(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _print(report: Any, transcripts: bool) -> None:
    from rich.console import Console
    from rich.table import Column, Table

    from attunement.demo.simulation import LABELS
    from attunement.relationship.simulate import DETECTION_AIM, FALSE_ALARM_AIM

    out = Console()
    source = "generated transcripts, real analysers" if transcripts else "drawn signals"
    table = Table(
        Column("kind", no_wrap=True),
        "count",
        "flagged",
        "before onset",
        "median delay",
        "max delay",
        f"within {DETECTION_AIM} sessions",
        title=f"Warning signs on simulated engagements ({source})",
        title_justify="left",
    )
    for k in report.kinds:
        table.add_row(
            LABELS.get(k.kind, k.kind),
            str(k.engagements),
            str(k.detected if k.ruptured else k.false_alarms),
            str(k.false_alarms) if k.ruptured else "–",
            _delay(k.median_delay),
            _delay(k.worst_delay),
            _share(k.within_aim),
        )
    out.print(table)
    out.print(
        "Delays count sessions from the rupture's first session to the first flag. Healthy "
        "and busy engagements have no rupture: each one flagged is a false alarm."
    )
    out.print("Rules that fired most, with the number of engagements each fired on:")
    out.print(_rules_grid(report.kinds, LABELS), highlight=False)
    _print_totals(out, report, DETECTION_AIM, FALSE_ALARM_AIM)


def _rules_grid(kinds: Any, labels: dict[str, str]) -> Any:
    """Kind and its four commonest rules; a long line wraps under the rules, not the kind."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for k in kinds:
        rules = ", ".join(f"{name} {n}" for name, n in list(k.rules.items())[:4]) or "none"
        grid.add_row(f"  {labels.get(k.kind, k.kind)}:", rules)
    return grid


def _print_totals(out: Any, report: Any, aim_delay: int, aim_false: float) -> None:
    detected, false_alarms = report.detection_within_aim, report.false_alarm_rate
    rows = (
        (
            f"ruptures flagged within {aim_delay} sessions of onset",
            detected,
            "all",
            detected >= 1.0,
        ),
        (
            "healthy and busy engagements flagged by mistake",
            false_alarms,
            f"under {aim_false:.0%}",
            false_alarms < aim_false,
        ),
    )
    for what, value, aim, met in rows:
        verdict = "[green]met[/]" if met else "[red]missed[/]"
        out.print(f"{what}: [bold]{value:.1%}[/] (aim {aim}) {verdict}")
    out.print(f"{report.engagements} engagements")
