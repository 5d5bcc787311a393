"""The report as one self-contained HTML page: inline CSS, inline SVG, no scripts, nothing
fetched from anywhere, so it can be opened offline or mailed to a supervisor as it is.

Every piece of text from the transcript or the analysis is escaped. Findings link to their
turns in the transcript below (``#turn-N``) and each highlighted turn links back to its findings.
"""

from __future__ import annotations

from html import escape
from pathlib import PurePath

from attunement.analysis.model import Marker, SessionAnalysis
from attunement.report import charts, summary
from attunement.transcript.model import Conversation, Turn

# Findings of one kind shown before the rest are folded away.
SHOWN_PER_KIND = 3
STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;margin:0;background:#fafafa}
main{max-width:860px;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
h3{font-size:1.05rem;margin-bottom:.2rem}
table{border-collapse:collapse}td,th{padding:.2rem .7rem;text-align:left;border-bottom:1px solid #eee}
dl.facts{display:grid;grid-template-columns:fit-content(45%) minmax(0,1fr);gap:.2rem 1rem}dl.facts dt{color:#666}
dl.facts dd{margin:0}
.blurb{color:#666;margin-top:0}.none{color:#888;font-style:italic}
ul.findings{padding-left:1.1rem}ul.findings li{margin:.5rem 0}
.evidence{color:#555;font-style:italic;display:block}
.turns a{font-weight:600}
.turn{padding:.4rem .7rem;margin:.3rem 0;border-left:4px solid transparent;background:#fff}
.turn.coach .who{color:#2f6690}.turn.client .who{color:#a86d00}.turn.other .who{color:#777}
.turn.flagged{border-left-color:#d9534f;background:#fff6f5}
.turn:target,li:target{outline:2px solid #2f6690}
.who{font-weight:600}.when,.num{color:#888;font-size:.85em;margin-right:.5rem}
.tags a{font-size:.8em;background:#eee;border-radius:3px;padding:0 .35rem;margin-right:.3rem;
color:#333;text-decoration:none}
details{margin:0 0 .6rem 1.1rem}summary{cursor:pointer;color:#2f6690}
.bar{display:flex;align-items:center;gap:.6rem}.bar span{width:8rem;color:#666}
footer{color:#888;font-size:.85em;margin-top:2rem}
svg{max-width:100%;height:auto}.wide{overflow-x:auto}.bar svg{min-width:0;flex:0 1 320px}
"""


def render_html(conversation: Conversation, analysis: SessionAnalysis) -> str:
    """The whole report page as a string."""
    ids = {id(marker): summary.marker_id(pos) for pos, marker in enumerate(analysis.markers)}
    # The file name, not the path: the page may be mailed on, and folders can name the client.
    title = PurePath(conversation.source).name or "session"
    body = [
        f"<h1>Session report: {escape(title)}</h1>",
        f"<p>{escape(summary.role_line(conversation))}</p>",
        facts_list(summary.session_facts(conversation, analysis)),
        talk_section(conversation, analysis),
        questions_section(analysis),
        moments_section(
            summary.notable_moments(analysis), conversation, summary.notable_count(analysis)
        ),
        "<h2>Findings by layer</h2>",
        *(layer_section(g, ids, conversation) for g in summary.findings_by_layer(analysis)),
        not_assessable_section(conversation),
        transcript_section(conversation, analysis, ids),
        footer(analysis),
    ]
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Attunement: {escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )


def facts_list(facts: list[summary.Fact]) -> str:
    rows = "".join(f"<dt>{escape(f.label)}</dt><dd>{escape(f.value)}</dd>" for f in facts)
    return f'<dl class="facts">{rows}</dl>'


def talk_section(conversation: Conversation, analysis: SessionAnalysis) -> str:
    rows = summary.talk_rows(conversation, analysis)
    if not rows:
        return ""
    metrics = analysis.metrics("talk")
    head = "".join(
        f"<th>{h}</th>"
        for h in ("role", "speaker", "turns", "words", "words %", "time %", "words per turn")
    )
    cells = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(str(v))}</td>"
            for v in (r.role, r.speaker, r.turns, r.words, r.share_words, r.share_time)
        )
        + f"<td>{escape(r.mean_turn_words)}</td></tr>"
        for r in rows
    )
    bars = bar_line("Share of words", charts.share_bar(metrics.get("share_words")))
    if metrics.get("share_time"):
        bars += bar_line("Share of time", charts.share_bar(metrics.get("share_time")))
    chart = charts.talk_share_chart(metrics.get("windows") or [])
    return (
        # On a phone the table scrolls by itself rather than widening the whole page.
        f'<h2>Who spoke how much</h2><div class="wide"><table><tr>{head}</tr>{cells}</table></div>'
        f"{bars}"
        f"<h3>Across the session</h3>{chart}"
    )


def bar_line(label: str, svg: str) -> str:
    return f'<p class="bar"><span>{escape(label)}</span>{svg}</p>'


def questions_section(analysis: SessionAnalysis) -> str:
    facts = summary.question_facts(analysis) + summary.listening_facts(analysis)
    if not facts:
        return ""
    return f"<h2>Questions and listening</h2>{facts_list(facts)}"


def turn_links(turns: tuple[int, ...]) -> str:
    if not turns:
        return "whole session"
    links = ", ".join(
        f'<a href="#turn-{i}">{summary.turn_number(i)}</a>' for i in sorted(set(turns))[:8]
    )
    more = " …" if len(set(turns)) > 8 else ""
    return f'<span class="turns">turn{"s" if len(turns) > 1 else ""} {links}{more}</span>'


def finding_item(marker: Marker, anchor: str | None, conversation: Conversation) -> str:
    evidence = " · ".join(f"“{escape(q)}”" for q in summary.quotes(marker, conversation))
    quoted = f'<span class="evidence">{evidence}</span>' if evidence else ""
    id_attr = f' id="{anchor}"' if anchor else ""
    return f"<li{id_attr}>{turn_links(marker.turns)}: {escape(marker.note)}{quoted}</li>"


def moments_section(markers: list[Marker], conversation: Conversation, total: int = 0) -> str:
    if not markers:
        return '<h2>Moments worth looking at again</h2><p class="none">Nothing stood out.</p>'
    # The anchor ids belong to the full findings list below; these items link to the turns.
    items = "".join(finding_item(m, None, conversation) for m in markers)
    more = total - len(markers)
    rest = f'<p class="none">{more} more notable moments are among the findings below.</p>'
    return f'<h2>Moments worth looking at again</h2><ul class="findings">{items}</ul>' + (
        rest if more > 0 else ""
    )


def layer_section(
    group: summary.LayerFindings, ids: dict[int, str], conversation: Conversation
) -> str:
    head = f"<h3>{escape(group.title)}</h3><p class='blurb'>{escape(group.blurb)}</p>"
    if not group.markers:
        return head + f'<p class="none">{escape(group.empty_note)}</p>'
    kinds = summary.kinds(group.markers)
    return head + "".join(kind_list(same, ids, conversation) for same in kinds)


def kind_list(same_kind: list[Marker], ids: dict[int, str], conversation: Conversation) -> str:
    """One kind's findings: the first few open, the rest folded (still linkable, no script)."""
    first = same_kind[:SHOWN_PER_KIND]
    shown = "".join(finding_item(m, ids.get(id(m)), conversation) for m in first)
    rest = same_kind[SHOWN_PER_KIND:]
    if not rest:
        return f'<ul class="findings">{shown}</ul>'
    folded = "".join(finding_item(m, ids.get(id(m)), conversation) for m in rest)
    return (
        f'<ul class="findings">{shown}</ul><details><summary>{len(rest)} more like this</summary>'
        f'<ul class="findings">{folded}</ul></details>'
    )


def not_assessable_section(conversation: Conversation) -> str:
    items = "".join(
        f"<li><strong>{escape(thing)}</strong>: {escape(why)}</li>"
        for thing, why in summary.not_assessable(conversation)
    )
    return f"<h2>Not assessable from a transcript</h2><ul>{items}</ul>"


def clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 3600:d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def turn_block(turn: Turn, markers: list[Marker], ids: dict[int, str]) -> str:
    flagged = " flagged" if markers else ""
    tags = "".join(
        f'<a href="#{ids[id(m)]}" title="{escape(m.note)}">{escape(m.kind.replace("_", " "))}</a>'
        for m in markers
        if id(m) in ids
    )
    when = f'<span class="when">{clock(turn.start)}</span>' if turn.start is not None else ""
    return (
        f'<div class="turn {escape(str(turn.role))}{flagged}" id="turn-{turn.index}">'
        f'<span class="num">{summary.turn_number(turn.index)}</span>{when}'
        f'<span class="who">{escape(turn.speaker)}</span> '
        f'<span class="tags">{tags}</span><div class="text">{escape(turn.text)}</div></div>'
    )


def transcript_section(
    conversation: Conversation, analysis: SessionAnalysis, ids: dict[int, str]
) -> str:
    by_turn = summary.markers_by_turn(analysis)
    blocks = "".join(turn_block(t, by_turn.get(t.index, []), ids) for t in conversation.turns)
    return f"<h2>Transcript</h2>{blocks}"


def footer(analysis: SessionAnalysis) -> str:
    versions = ", ".join(f"{n} {v}" for n, v in analysis.versions.items())
    return (
        f"<footer>Attunement {escape(analysis.attunement_version)}, {escape(analysis.mode)} mode, "
        f"schema {analysis.schema_version}; analysers: {escape(versions)}. "
        "Observations to reflect on, not a grade.</footer>"
    )
