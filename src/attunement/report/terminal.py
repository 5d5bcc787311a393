"""The report in the terminal, drawn with Rich.

Order follows what a coach asks first: who spoke how much, how the coach asked and listened,
the moments worth looking at again, then every finding by layer and what text cannot show.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from attunement.analysis.model import Marker, SessionAnalysis
from attunement.report import summary
from attunement.transcript.model import Conversation

# In the terminal a kind of finding shows this many examples; the HTML report shows all.
SHOWN_PER_KIND = 3
ROLE_STYLES = {"coach": "bold blue", "client": "bold yellow", "other": "dim"}


def render_terminal(
    conversation: Conversation, analysis: SessionAnalysis, console: Console | None = None
) -> None:
    """Print the whole report to ``console`` (stdout by default)."""
    console = console or Console()
    for part in report_parts(conversation, analysis):
        console.print(part)


def report_parts(conversation: Conversation, analysis: SessionAnalysis) -> list[RenderableType]:
    parts: list[RenderableType] = [
        Text(summary.role_line(conversation), style="bold"),
        facts_table("Session", summary.session_facts(conversation, analysis)),
    ]
    rows = summary.talk_rows(conversation, analysis)
    if rows:
        parts.append(talk_table(rows))
    asked = summary.question_facts(analysis) + summary.listening_facts(analysis)
    if asked:
        parts.append(facts_table("Questions and listening", asked))
    moments = summary.notable_moments(analysis)
    parts.append(moments_panel(moments, summary.notable_count(analysis), conversation))
    parts += [layer_panel(group, conversation) for group in summary.findings_by_layer(analysis)]
    parts.append(not_assessable_panel(conversation))
    return parts


def facts_table(title: str, facts: list[summary.Fact]) -> Table:
    table = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    for fact in facts:
        table.add_row(escape(fact.label), escape(fact.value))
    return table


def talk_table(rows: list[summary.TalkRow]) -> Table:
    table = Table(title="Who spoke how much", title_justify="left")
    for heading in ("role", "speaker", "turns", "words", "share of words", "share of time"):
        # A name reads badly broken over two lines; the headings can wrap instead.
        table.add_column(
            heading,
            justify="left" if heading in ("role", "speaker") else "right",
            no_wrap=heading == "speaker",
        )
    table.add_column("words per turn", justify="right")
    for row in rows:
        table.add_row(
            Text(row.role, style=ROLE_STYLES.get(row.role, "")),
            escape(row.speaker),
            str(row.turns),
            str(row.words),
            row.share_words,
            row.share_time,
            row.mean_turn_words,
        )
    return table


def marker_text(marker: Marker, conversation: Conversation) -> Text:
    line = Text()
    line.append(f"{summary.turn_span(marker.turns)}: ", style="bold")
    line.append(marker.note)
    quotes = summary.quotes(marker, conversation)
    if quotes:
        quoted = " · ".join(f"“{q}”" for q in quotes)
        line.append(f"\n    {quoted}", style="italic dim")
    return line


def moments_panel(markers: list[Marker], total: int, conversation: Conversation) -> Panel:
    if not markers:
        body: RenderableType = Text("Nothing stood out strongly enough to flag.", style="dim")
    else:
        lines: list[RenderableType] = [marker_text(m, conversation) for m in markers]
        if total > len(markers):
            more = f"{total - len(markers)} more notable moments are among the findings below."
            lines.append(Text(more, style="dim"))
        body = Group(*lines)
    return Panel(body, title="Moments worth looking at again", title_align="left")


def kind_lines(same_kind: list[Marker], conversation: Conversation) -> list[RenderableType]:
    """The first few findings of one kind in full, then the turns of the rest."""
    shown = same_kind[:SHOWN_PER_KIND]
    lines: list[RenderableType] = [marker_text(m, conversation) for m in shown]
    rest = same_kind[SHOWN_PER_KIND:]
    if rest:
        where = summary.turn_span(m.turns[0] for m in rest if m.turns)
        lines.append(Text(f"    … and {len(rest)} more like this ({where})", style="dim"))
    return lines


def layer_panel(group: summary.LayerFindings, conversation: Conversation) -> Panel:
    lines: list[RenderableType] = [Text(group.blurb, style="dim")]
    for same_kind in summary.kinds(group.markers):
        lines += kind_lines(same_kind, conversation)
    if not group.markers:
        lines.append(Text(group.empty_note, style="dim"))
    return Panel(Group(*lines), title=group.title, title_align="left")


def not_assessable_panel(conversation: Conversation) -> Panel:
    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(style="dim")
    for thing, why in summary.not_assessable(conversation):
        table.add_row(thing, why)
    return Panel(table, title="Not assessable from a transcript", title_align="left")
