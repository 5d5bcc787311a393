"""`attune analyze FILE`: read a session transcript, analyse it, and report in the terminal,
as a self-contained HTML page (``--html``) or as JSON for scripts (``--json``).

Everything heavy is imported inside the command so that `attune analyze --help` stays instant.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from attunement.analysis.model import SessionAnalysis
    from attunement.transcript.model import Conversation


class EncoderChoice(StrEnum):
    AUTO = "auto"
    ON = "on"
    OFF = "off"


# The encoder choice as every analysing command takes it (analyze, series).
EncoderOption = Annotated[
    EncoderChoice | None,
    typer.Option(
        case_sensitive=False,
        help="Sentence encoder: auto (if installed), on (required), off. Default: ATTUNE_ENCODER.",
    ),
]


def register(app: typer.Typer) -> None:
    app.command(
        "analyze",
        help="Analyse one session transcript: talk, questions, listening and connection markers.",
    )(analyze)


def analyze(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="Transcript: .vtt, .srt, .txt or .json; - reads standard input."
        ),
    ],
    coach: Annotated[str | None, typer.Option(help="Name of the coach as in the file.")] = None,
    client: Annotated[str | None, typer.Option(help="Name of the client as in the file.")] = None,
    format: Annotated[
        str | None,
        typer.Option(
            help="Read as this format instead of guessing: vtt, srt, text (or txt), otter, json."
        ),
    ] = None,
    html: Annotated[Path | None, typer.Option(help="Also write an HTML report here.")] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="Print conversation and analysis as one JSON object, nothing else."
        ),
    ] = False,
    encoder: EncoderOption = None,
    only: Annotated[
        str | None,
        typer.Option(help="Run only these analysers (comma-separated) and what they need."),
    ] = None,
) -> None:
    if html is not None:
        check_html_target(html, file)
    conversation = read_conversation(file, coach=coach, client=client, format=format)
    setting = encoder.value if encoder is not None else None
    analysis = run_analysis(conversation, encoder=setting, only=parse_only(only))
    if html is not None:
        write_html(html, conversation, analysis)
    if as_json:
        # stdout carries only the JSON; who was taken for the coach still goes to the person.
        if (conversation.metadata.get("roles") or {}).get("method") == "auto":
            from attunement.report.summary import role_line

            typer.echo(role_line(conversation), err=True)
        sys.stdout.write(json_text(conversation, analysis) + "\n")
        return
    from attunement.report.terminal import render_terminal

    render_terminal(conversation, analysis)
    if html is not None:
        typer.echo(f"Wrote the HTML report to {html}")


def parse_only(only: str | None) -> list[str] | None:
    if not only:
        return None
    return [name.strip() for name in only.split(",") if name.strip()] or None


def read_conversation(
    file: Path, *, coach: str | None, client: str | None, format: str | None
) -> Conversation:
    from attunement.transcript import read, read_bytes  # type: ignore[attr-defined,unused-ignore]

    if str(file) == "-":  # the usual Unix name for standard input: `… | attune analyze -`
        data = sys.stdin.buffer.read()
        piped: Conversation = read_bytes(data, "", coach=coach, client=client, format=format)
        return piped
    conversation: Conversation = read(file, coach=coach, client=client, format=format)
    return conversation


def run_analysis(
    conversation: Conversation, *, encoder: str | None, only: list[str] | None
) -> SessionAnalysis:
    from attunement.analysis.encoder import load_encoder
    from attunement.analysis.pipeline import analyse

    return analyse(conversation, encoder=load_encoder(encoder), only=only)


def json_object(conversation: Conversation, analysis: SessionAnalysis) -> dict[str, Any]:
    return {"conversation": conversation.to_dict(), "analysis": analysis.to_dict()}


def json_text(conversation: Conversation, analysis: SessionAnalysis) -> str:
    import json

    return json.dumps(json_object(conversation, analysis), ensure_ascii=False)


def check_html_target(target: Path, transcript: Path) -> None:
    """Refuse an ``--html`` path that is the transcript itself: writing would destroy it."""
    from attunement.errors import AttuneError

    if target.exists() and transcript.exists() and target.samefile(transcript):
        raise AttuneError(
            f"--html {target} is the transcript itself, which the report would overwrite",
            f"give the report a name of its own, e.g. --html {transcript.with_suffix('.html')}",
        )


def write_html(target: Path, conversation: Conversation, analysis: SessionAnalysis) -> None:
    from attunement.errors import AttuneError
    from attunement.report.html import render_html

    try:
        target.write_text(render_html(conversation, analysis), encoding="utf-8")
    except OSError as error:
        raise AttuneError(
            f"Could not write the HTML report to {target} ({error.strerror or error})",
            "choose a folder that exists and that you can write to",
        ) from None
