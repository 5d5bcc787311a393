"""`attune eval`: measure the analysers against expert-coded public conversations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from attunement.cli._progress import progress
from attunement.cli.analyze import EncoderChoice

eval_app = typer.Typer(
    help="Measure the analysers against expert-coded conversations (AnnoMI, ESConv).",
    no_args_is_help=True,
)

JSON_HELP = "Print one JSON object with a member per task instead of tables."
ENCODER_HELP = "Sentence encoder: auto (if installed), on (required) or off (lexical mode)."
LIMIT_HELP = "Score only the first N conversations of the file (0: all of them)."
ERRORS_HELP = "Also show up to N turns per task where we disagree with the experts (for tuning)."
# Where the files come from: they are not shipped with Attunement (see docs/evaluation.md).
ANNOMI_HELP = "AnnoMI's CSV (annomi-dev-simple.csv or annomi-dev-full.csv); see docs/evaluation.md."
ESCONV_HELP = "An ESConv JSON-lines file (e.g. esconv-valid.jsonl); see docs/evaluation.md."

# The default is auto, whatever ATTUNE_ENCODER says (analyze and series read it); the report
# names the mode it measured.
EvalEncoder = Annotated[
    EncoderChoice, typer.Option("--encoder", case_sensitive=False, help=ENCODER_HELP)
]


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")


@eval_app.command("annomi")
def eval_annomi(
    path: Annotated[Path, typer.Argument(metavar="PATH.csv", help=ANNOMI_HELP)],
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    encoder: EvalEncoder = EncoderChoice.AUTO,
    limit: int = typer.Option(0, "--limit", min=0, help=LIMIT_HELP),
    errors: int = typer.Option(0, "--errors", min=0, help=ERRORS_HELP),
) -> None:
    """Score therapist behaviour, question and reflection subtypes and client talk type."""
    from attunement.analysis.evaluation.mi_corpus import read_annomi

    _run("AnnoMI", read_annomi, path, as_json, encoder.value, limit, errors)


@eval_app.command("esconv")
def eval_esconv(
    path: Annotated[Path, typer.Argument(metavar="PATH.jsonl", help=ESCONV_HELP)],
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    encoder: EvalEncoder = EncoderChoice.AUTO,
    limit: int = typer.Option(0, "--limit", min=0, help=LIMIT_HELP),
    errors: int = typer.Option(0, "--errors", min=0, help=ERRORS_HELP),
) -> None:
    """Score the supporter strategy of every supporter turn."""
    from attunement.analysis.evaluation.support_corpus import read_esconv

    _run("ESConv", read_esconv, path, as_json, encoder.value, limit, errors)


def _run(
    dataset: str,
    reader: Any,
    path: Path,
    as_json: bool,
    setting: str,
    limit: int,
    errors: int = 0,
) -> None:
    import json
    import time

    from rich.console import Console

    from attunement.analysis.encoder import load_encoder
    from attunement.analysis.evaluation.tasks import (
        analysers_for,
        available_analysers,
        evaluate,
        pipeline_labeller,
    )

    started = time.perf_counter()
    items, tasks = reader(path)
    items = items[:limit] if limit else items
    encoder = load_encoder(setting)
    err = Console(stderr=True)
    if encoder is not None:
        encoder = _precomputed(encoder, items, path, err)
    installed = available_analysers()
    labeller = pipeline_labeller(encoder, analysers_for(tasks) & installed)
    with progress(err, len(items), "analysing") as advance:
        report = evaluate(
            items,
            tasks,
            labeller,
            installed=installed,
            on_progress=advance,
            errors=errors,
        )
    seconds = time.perf_counter() - started
    mode = "encoder" if encoder is not None else "lexical"
    summary = f"{dataset}: {len(items)} conversations in {seconds:.1f} s, {mode} mode"
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        err.print(summary, highlight=False)
        return
    out = Console()
    for name, scores in report.items():
        _print_task(out, name, scores)
    out.print(summary, highlight=False)


def _precomputed(encoder: Any, items: list[Any], path: Path, err: Any) -> Any:
    """Every turn of the file encoded once, batched across conversations and cached."""
    from attunement.analysis.evaluation.vectors import cache_file, precompute
    from attunement.config import get_settings

    texts = [turn.text for item in items for turn in item.conversation]
    cache = cache_file(get_settings().data_path, path, Path(encoder.path).stem)
    with progress(err, len(set(texts)), "encoding") as advance:
        return precompute(encoder, texts, cache, on_progress=advance)


def _print_task(out: Any, name: str, scores: dict[str, Any]) -> None:
    from rich.markup import escape
    from rich.table import Table

    if "skipped" in scores:
        out.print(f"[bold]{name}[/]: skipped, {scores['skipped']}")
        return
    table = Table("class", "precision", "recall", "F1", "support", title=name, title_justify="left")
    for label, row in scores["per_class"].items():
        cells = (f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}")
        table.add_row(label, *cells, str(row["support"]))
    out.print(table)
    out.print(
        f"macro-F1 {scores['macro_f1']:.3f}   kappa {scores['kappa']:.3f}   "
        f"accuracy {scores['accuracy']:.3f}   n {scores['n']}",
        highlight=False,
    )
    out.print(_confusion_table(scores["confusion"]))
    for miss in scores.get("errors", []):
        out.print(
            f"[dim]{miss['source']} turn {miss['turn']}[/] expert [bold]{miss['expert']}[/], "
            f"ours [bold]{miss['ours']}[/]: {escape(miss['text'])}"
        )


def _confusion_table(confusion: dict[str, Any]) -> Any:
    from rich.table import Table

    labels = confusion["labels"]
    # Long labels (ESConv's strategies) would crush the columns: number them instead.
    numbered = any(len(label) > 12 for label in labels)
    columns = [str(n) for n in range(1, len(labels) + 1)] if numbered else labels
    rows = [f"{n} {label}" for n, label in enumerate(labels, 1)] if numbered else labels
    table = Table("expert \\ ours", *columns, title="confusion", title_justify="left")
    for label, row in zip(rows, confusion["matrix"], strict=True):
        table.add_row(label, *(str(n) for n in row))
    return table
