"""`attune bench [FILE]`: how long reading and analysing the hour-long demo session takes.

Each step is repeated and reported with its median and spread, beside baselines measured in the
same run (just reading the file, just tokenising it) so that figures from different machines
can be compared as ratios. Model loading is timed once and reported on its own; encoding is part
of every encoder-mode run because each run starts from a fresh analysis context (the example
turns' vectors come from the data folder's cache, as in a real run). Start-up is timed too: a
fresh interpreter answering `attune --help` and `attune analyze --help`, beside one that does
nothing.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

# The speed targets of the issues, in seconds after start-up.
TARGETS = {
    "analyse_lexical": 0.1,
    "analyze_lexical": 0.5,
    "analyze_encoder": 1.0,
    "help": 0.3,
    "analyze_help": 0.3,
}
STEP_TITLES = {
    "read": "read (base)",
    "tokenise": "tokenise (base)",
    "encode_turns": "encode all turns",
    "analyse_lexical": "analyse, lexical",
    "analyze_lexical": "whole run, lexical *",
    "analyse_encoder": "analyse, encoder",
    "analyze_encoder": "whole run, encoder *",
    "python": "python -c pass (base)",
    "help": "attune --help",
    "analyze_help": "attune analyze --help",
}
# Each start-up step runs in a fresh interpreter, exactly as the `attune` script starts.
STARTUP_ARGS = {"python": None, "help": ["--help"], "analyze_help": ["analyze", "--help"]}


def register(app: typer.Typer) -> None:
    app.command("bench", help="Time reading and analysing the hour-long demo session.")(bench)


def bench(
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar="FILE", help="Transcript to time (default: the longest demo session)."
        ),
    ] = None,
    repeat: Annotated[int, typer.Option(min=3, help="Timed runs per step.")] = 15,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as one JSON object.")
    ] = False,
    startup: Annotated[
        bool, typer.Option(help="Also time `attune --help` and `attune analyze --help`.")
    ] = True,
) -> None:
    path = file or longest_demo_session()
    figures = measure(path, repeat)
    figures["startup"] = measure_startup(repeat) if startup else None
    if as_json:
        import json

        typer.echo(json.dumps(figures, indent=2))
    else:
        print_figures(figures)


def longest_demo_session() -> Path:
    """The biggest bundled demo transcript: the hour-long session."""
    from attunement.errors import AttuneError
    from attunement.transcript.detect import transcript_files_in

    folder = Path(__file__).resolve().parent.parent / "demo" / "sessions"
    found = transcript_files_in(folder) if folder.is_dir() else []
    if not found:
        raise AttuneError(
            f"No demo sessions found in {folder}",
            "pass a transcript file to time, e.g. `attune bench session.vtt`",
        )
    return max(found, key=lambda p: p.stat().st_size)


class CountingEncoder:
    """Passes texts to the real encoder and counts them, to show what a run really encoded."""

    def __init__(self, encoder: Any) -> None:
        self.encoder = encoder
        self.name = encoder.name
        self.path = getattr(encoder, "path", None)  # the model file keys the example cache
        self.texts = 0

    def encode(self, texts: Any) -> Any:
        self.texts += len(texts)
        return self.encoder.encode(texts)


def timed(step: Callable[[], object], repeat: int) -> dict[str, float]:
    """The spread of wall-clock seconds over ``repeat`` runs of ``step`` (garbage collected
    before each), with the median CPU seconds of this process (all its threads): on a busy
    machine the wall clock waits for other programs, the CPU figure much less."""
    from statistics import median

    runs, cpu = [], []
    for _ in range(repeat):
        gc.collect()
        began, began_cpu = time.perf_counter(), time.process_time()
        step()
        runs.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return {**spread(runs), "cpu_median": median(cpu)}


def spread(runs: list[float]) -> dict[str, float]:
    from statistics import median, quantiles

    q1, _, q3 = quantiles(runs, n=4, method="inclusive")
    return {
        "median": median(runs),
        "min": min(runs),
        "max": max(runs),
        "iqr": q3 - q1,
        "runs": len(runs),
    }


def measure(path: Path, repeat: int) -> dict[str, Any]:
    from attunement.analysis.encoder import load_encoder
    from attunement.analysis.pipeline import analyse
    from attunement.transcript import read  # type: ignore[attr-defined,unused-ignore]

    began = time.perf_counter()
    conversation = read(path)
    analyse(conversation)  # imports and builds the registry once, outside the timed runs
    first_run = time.perf_counter() - began
    began = time.perf_counter()
    loaded = load_encoder()  # per ATTUNE_ENCODER: auto times encoder mode when installed
    model_load = time.perf_counter() - began
    encoder = CountingEncoder(loaded) if loaded is not None else None
    if encoder is not None:
        analyse(conversation, encoder=encoder)  # example vectors: from the cache, or made once
        encoder.texts = 0
    through_model = getattr(loaded, "encoded", 0)
    steps = build_steps(path, conversation, encoder)
    results = {name: timed(step, repeat) for name, step in steps.items()}
    encoder_runs = 2 * repeat  # analyse_encoder and analyze_encoder each ran `repeat` times
    # The model also ran for the "encode all turns" step, on the unique turns once per run.
    unique_turns = len({t.text for t in conversation.turns})
    through_model = getattr(loaded, "encoded", 0) - through_model - repeat * unique_turns
    return {
        "machine": machine(),
        "file": str(path),
        "turns": len(conversation),
        "words": sum(len(t.text.split()) for t in conversation.turns),
        "first_run_seconds": first_run,
        "encoder": getattr(encoder, "name", None),
        "model_load_seconds": model_load if encoder is not None else None,
        "turns_encoded_per_run": encoder.texts / encoder_runs if encoder is not None else None,
        "texts_through_model_per_run": through_model / encoder_runs if encoder else None,
        "unique_turns": unique_turns,
        "steps": with_ratios_and_targets(results),
        "analysers_lexical": per_analyser(conversation, None, repeat),
        "analysers_encoder": per_analyser(conversation, loaded, repeat) if loaded else None,
    }


def build_steps(path: Path, conversation: Any, encoder: Any) -> dict[str, Callable[[], object]]:
    """The timed steps; each encoder-mode run starts from a fresh context, so it encodes."""
    import io

    from rich.console import Console

    from attunement.analysis.pipeline import analyse
    from attunement.analysis.text import turn_text
    from attunement.report.terminal import render_terminal
    from attunement.transcript import read  # type: ignore[attr-defined,unused-ignore]

    def report(encoder: Any) -> None:
        conv = read(path)
        render_terminal(conv, analyse(conv, encoder=encoder), Console(file=io.StringIO()))

    texts = [t.text for t in conversation.turns]
    steps: dict[str, Callable[[], object]] = {
        "read": lambda: read(path),
        "tokenise": lambda: [turn_text(text) for text in texts],
        "analyse_lexical": lambda: analyse(conversation),
        "analyze_lexical": lambda: report(None),
    }
    if encoder is not None:
        steps["encode_turns"] = lambda: encoder.encoder.encode(texts)
        steps["analyse_encoder"] = lambda: analyse(conversation, encoder=encoder)
        steps["analyze_encoder"] = lambda: report(encoder)
    return steps


def per_analyser(conversation: Any, encoder: Any, repeat: int) -> dict[str, float]:
    """Median seconds each analyser took, from the pipeline's progress calls (the first
    analyser to ask for sentence vectors also carries the encoding)."""
    from itertools import pairwise
    from statistics import median

    from attunement.analysis.pipeline import analyse

    runs: dict[str, list[float]] = {}
    for _ in range(repeat):
        marks: list[tuple[str, float]] = []

        def mark(_done: int, _total: int, name: str, marks: list = marks) -> None:
            marks.append((name, time.perf_counter()))

        analyse(conversation, encoder=encoder, progress=mark)
        marks.append(("", time.perf_counter()))
        for (name, began), (_, ended) in pairwise(marks):
            runs.setdefault(name, []).append(ended - began)
    medians = {name: median(times) for name, times in runs.items()}
    return dict(sorted(medians.items(), key=lambda item: -item[1]))


def measure_startup(repeat: int) -> dict[str, dict[str, Any]]:
    """Wall-clock seconds for a fresh interpreter to answer each start-up command, with the
    ratio to one that only starts (``python -c pass``) and the 0.3 s aim."""
    import subprocess
    import sys

    runs: dict[str, list[float]] = {}
    for name, args in STARTUP_ARGS.items():
        command = [sys.executable, "-c", "pass"]
        if args is not None:
            script = "import sys; sys.argv[0] = 'attune'; from attunement.cli import main; main()"
            command = [sys.executable, "-c", script, *args]
        runs[name] = []
        for _ in range(repeat):
            began = time.perf_counter()
            subprocess.run(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
            )
            runs[name].append(time.perf_counter() - began)
    base = spread(runs["python"])["median"] or 1e-9
    out: dict[str, dict[str, Any]] = {}
    for name, times in runs.items():
        row: dict[str, Any] = spread(times)
        row["x_python"] = row["median"] / base
        row["target"] = TARGETS.get(name)
        row["verdict"] = verdict(row["median"], row["target"])
        out[name] = row
    return out


def verdict(median: float, target: float | None) -> str | None:
    return None if target is None else ("PASS" if median < target else "MISS")


def machine() -> dict[str, Any]:
    """What the figures were measured on; a busy machine explains a wide spread."""
    import os
    import platform

    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()]
        if hasattr(os, "getloadavg")
        else None,
    }


def with_ratios_and_targets(results: dict[str, dict[str, float]]) -> dict[str, dict[str, Any]]:
    """Add each step's ratio to the two baselines and, where one exists, its target verdict."""
    read_median = results["read"]["median"] or 1e-9
    tokenise_median = results["tokenise"]["median"] or 1e-9
    out: dict[str, dict[str, Any]] = {}
    for name, figures in results.items():
        row: dict[str, Any] = dict(figures)
        row["x_read"] = figures["median"] / read_median
        row["x_tokenise"] = figures["median"] / tokenise_median
        row["target"] = TARGETS.get(name)
        row["verdict"] = verdict(figures["median"], row["target"])
        out[name] = row
    return out


def milliseconds(seconds: float) -> str:
    value = seconds * 1000
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def print_figures(figures: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    console.print(
        f"[bold]{escape(figures['file'])}[/]: {figures['turns']} turns, {figures['words']} words"
    )
    host = figures["machine"]
    console.print(
        f"{host['cpus']} CPUs, Python {host['python']}, load average {host['load_average']}; "
        f"first run (imports, registry): {figures['first_run_seconds'] * 1000:.0f} ms"
    )
    if figures["encoder"]:
        load = figures["model_load_seconds"] * 1000
        console.print(f"encoder {figures['encoder']}: model load {load:.0f} ms (excluded below)")
        per_run = figures["turns_encoded_per_run"]
        console.print(
            f"texts asked for per encoder-mode analysis: {per_run:.0f}"
            + (
                f"; through the model: {figures['texts_through_model_per_run']:.0f} "
                f"({figures['unique_turns']} different turns)"
                if per_run
                else " (no analyser asked for sentence vectors)"
            )
        )
    else:
        console.print("encoder: not installed or switched off; encoder mode not timed")
    console.print(figures_table("milliseconds per run", figures["steps"], "read"))
    if figures.get("startup"):
        title = "start-up, milliseconds per run (a fresh interpreter each time)"
        console.print(figures_table(title, figures["startup"], "python"))
    for mode in ("lexical", "encoder"):
        slowest = figures[f"analysers_{mode}"]
        if slowest:
            top = ", ".join(f"{n} {milliseconds(t)}" for n, t in list(slowest.items())[:6])
            console.print(f"slowest analysers, {mode} (median ms): {top}")
    console.print(
        "* whole run: read + analyse + terminal report, the work of `attune analyze` after start-up"
    )


def figures_table(title: str, rows: dict[str, dict[str, Any]], base: str) -> Any:
    """One row per step: median and spread in milliseconds (and the median CPU time, where
    measured), ratio to the base, target."""
    from rich.table import Table

    columns = ["median", "min", "max", "iqr"]
    if all("cpu_median" in row for row in rows.values()):
        columns.append("cpu_median")
    table = Table(title=title, title_justify="left")
    table.add_column("step", no_wrap=True)
    for heading in [*columns, f"x_{base}"]:
        label = {"iqr": "IQR", "cpu_median": "CPU", f"x_{base}": f"×{base}"}.get(heading, heading)
        table.add_column(label, justify="right", no_wrap=True)
    table.add_column("target")
    for name, row in rows.items():
        verdict = ""
        if row["target"] is not None:
            colour = "green" if row["verdict"] == "PASS" else "red"
            verdict = f"[{colour}]{row['verdict']}[/] <{row['target']:g} s"
        table.add_row(
            STEP_TITLES.get(name, name),
            *(milliseconds(row[k]) for k in columns),
            f"{row[f'x_{base}']:.1f}",
            verdict,
        )
    return table
