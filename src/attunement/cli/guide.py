"""`attune guide`: search the guide, measure the search, and browse the question bank."""

from __future__ import annotations

import re
from typing import Any

import typer

guide_app = typer.Typer(
    help="The framework guide: search it, measure the search, browse the question bank.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(guide_app, name="guide")


def _encoder_choice(lexical: bool) -> object:
    # None lets the guide use the installed encoder (per ATTUNE_ENCODER); False forces keywords.
    return False if lexical else None


@guide_app.command("search")
def search_command(
    query: str = typer.Argument(
        ..., metavar="QUERY", help="What you want help with, in your own words."
    ),
    limit: int = typer.Option(5, "--limit", "-n", min=1, max=50, help="How many answers."),
    kind: str = typer.Option(
        "", "--kind", help="Only these kinds, comma-separated: section, strategy, question."
    ),
    lexical: bool = typer.Option(False, "--lexical", help="Keyword search only."),
    as_json: bool = typer.Option(False, "--json", help="Print the hits as JSON."),
) -> None:
    """Find the guide sections, strategies and questions that answer QUERY."""
    import json
    from dataclasses import asdict

    from attunement.errors import AttuneError
    from attunement.guide import search
    from attunement.guide.lookup import KINDS

    if not query.strip():
        raise AttuneError(
            "The question to search for is empty",
            'ask in your own words, e.g. attune guide search "client keeps cancelling"',
        )
    kinds = tuple(k.strip() for k in kind.split(",") if k.strip()) or KINDS
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise AttuneError(
            f"Unknown --kind {', '.join(repr(k) for k in unknown)}",
            f"use one or more of {', '.join(KINDS)}",
        )
    encoder = _search_encoder(lexical)
    hits = search(query, limit=limit, kinds=kinds, encoder=encoder)
    if as_json:
        typer.echo(json.dumps([asdict(h) for h in hits], indent=2))
        return
    if not hits:
        typer.echo(
            "Nothing in the guide matched. Try other words, e.g. 'client keeps rescheduling'."
        )
        return
    for rank, hit in enumerate(hits, 1):
        typer.echo(f"{rank}. [{hit.kind}] {hit.title}  ({hit.id}, score {hit.score:.2f})")
        if hit.kind != "question":
            typer.echo(f"   {hit.snippet}")
        if hit.section != hit.id:
            typer.echo(f"   see section: {hit.section}")
    typer.echo(_how_searched(encoder, lexical))


def _search_encoder(lexical: bool) -> object:
    """The encoder the search will use, or False for keywords only: resolved here so the
    output can say which search answered."""
    if lexical:
        return False
    from attunement.guide.meaning import default_encoder

    return default_encoder() or False


def _how_searched(encoder: object, lexical: bool) -> str:
    # Scores of the two searches are on different scales, so a reader needs to know which ran.
    if encoder is not False:
        how = "Searched by keyword and meaning (sentence encoder)"
    elif lexical:
        how = "Searched by keyword only (--lexical)"
    else:
        how = "Searched by keyword only (the sentence encoder is off or not installed)"
    return f"{how}; scores only rank these answers.\nRead one in full: attune guide show ID"


@guide_app.command("show")
def show_command(
    item_id: str = typer.Argument(
        ..., metavar="ID", help="A section or strategy id, as `guide search` prints it."
    ),
) -> None:
    """Read one section or strategy of the guide in the terminal."""
    from rich.console import Console

    from attunement.errors import AttuneError
    from attunement.guide import load
    from attunement.guide.model import UnknownId

    guide, wanted = load(), item_id.strip()
    found: Any = guide.get_section(wanted)
    if found is None:
        try:
            found = guide.strategy(wanted)
        except UnknownId:
            raise AttuneError(
                f"The guide has no section or strategy called {item_id!r}",
                'find one with attune guide search "your question" and use the id in brackets',
            ) from None
    console = Console()
    for part in _shown(found):
        console.print(part)
        console.print()


_GUIDE_LINK = re.compile(r"\[([^\]]+)\]\(guide:([a-z0-9-]+)\)")


def _shown(item: Any) -> list[Any]:
    """Title, summary and body of a section, or a strategy's advice, as Rich renderables."""
    from rich.markdown import Markdown
    from rich.text import Text

    from attunement.guide import Section

    parts: list[Any] = [Text(item.title, style="bold"), Text(item.summary, style="italic")]
    if isinstance(item, Section):
        # A link to another section shows its id, which `attune guide show` takes.
        parts.append(Markdown(_GUIDE_LINK.sub(r"\1 (see \2)", item.body)))
        if item.related:
            parts.append(Text(f"Related: {', '.join(item.related)}", style="dim"))
        return parts
    for heading, lines in (("Try", item.try_), ("Avoid", item.avoid), ("Works if", item.works_if)):
        if lines:
            parts.append(Markdown(f"**{heading}**\n\n" + "\n".join(f"- {x}" for x in lines)))
    parts.append(Text(f"Section: {item.section}", style="dim"))
    return parts


@guide_app.command("eval")
def eval_command(
    lexical: bool = typer.Option(False, "--lexical", help="Measure keyword search only."),
    test_set: str = typer.Option(
        "all",
        "--set",
        help="heldout (frozen before measuring), tuning (the search was tuned on it), "
        "feelings (emotional moments; sections and strategies) or all.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Share of the bundled test questions answered in the top three, and query latency."""
    import json

    from attunement.guide.evaluate import evaluate

    report = evaluate(encoder=_encoder_choice(lexical), sets=test_set)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(f"{report['queries']} test questions; aim: a median under {report['aim_ms']:.0f} ms")
    for block in report["sets"]:
        typer.echo(f"{block['set']} set, {block['queries']} questions ({block['meaning']}):")
        _echo_modes(block["modes"])
    setup = ", ".join(f"{k} {v:.0f}" for k, v in report["setup"].items())
    typer.echo(f"one-off setup (ms): {setup}")
    if len(report["sets"][0]["modes"]) == 1 and not lexical:
        typer.echo("The sentence encoder is not installed: only keyword search was measured.")


def _echo_modes(modes: list[dict[str, Any]]) -> None:
    for mode in modes:
        verdict = "within aim" if mode["within_aim"] else "OVER AIM"
        typer.echo(
            f"{mode['mode']:>8}: top-3 {mode['top3_share']:.0%}, top-1 {mode['top1_share']:.0%}, "
            f"median {mode['median_ms']:.1f} ms, max {mode['max_ms']:.1f} ms ({verdict})"
        )
        for miss in mode["misses"]:
            typer.echo(f"          missed {miss['query']!r}: got {', '.join(miss['got'])}")


@guide_app.command("questions")
def questions_command(
    type: str | None = typer.Option(None, "--type", help="exploration, future-focused, …"),
    phase: str | None = typer.Option(None, "--phase", help="initial, deepening or mature."),
    client_type: str | None = typer.Option(None, "--client-type", help="resistant, executive, …"),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many questions."),
) -> None:
    """List questions from the bank for a type, phase and client type."""
    from attunement.errors import AttuneError
    from attunement.guide import CLIENT_TYPES, PHASES, QUESTION_TYPES, questions_for

    for value, allowed, name in (
        (type, QUESTION_TYPES, "--type"),
        (phase, PHASES, "--phase"),
        (client_type, CLIENT_TYPES, "--client-type"),
    ):
        if value is not None and value not in allowed:
            raise AttuneError(f"Unknown {name} {value!r}", f"use one of {', '.join(allowed)}")
    fitting = questions_for(type=type, phase=phase, client_type=client_type)
    for question in fitting[:limit]:
        typer.echo(f"[{question.type}] {question.text}")
    if not fitting:
        typer.echo("No questions fit these filters; drop one of them.")
    elif len(fitting) > limit:
        typer.echo(
            f"Showing {limit} of {len(fitting)}; narrow with --type or --phase, or raise --limit."
        )
