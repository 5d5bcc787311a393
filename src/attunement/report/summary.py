"""What a report says, independent of how it is drawn: shared by the terminal and HTML reports.

Everything here reads a ``SessionAnalysis`` generically: markers are grouped by their layer
whatever analyser made them, and the known per-turn labels (questions, moves, inquiry, listening,
openness) are summarised only when the analyser that makes them ran.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from attunement.analysis.model import Layer, Marker, SessionAnalysis
from attunement.analysis.pipeline import NOT_ASKED_FOR
from attunement.transcript.model import Conversation, Role

LAYER_TITLES: dict[Layer, str] = {
    Layer.SAFETY_TRUST: "Safety and trust",
    Layer.RAPPORT: "Rapport and resonance",
    Layer.LISTENING_INQUIRY: "Listening and inquiry",
    Layer.OPENNESS: "The client's openness",
    Layer.STRUCTURE: "Agreement and structure",
}
LAYER_BLURBS: dict[Layer, str] = {
    Layer.SAFETY_TRUST: "Whether the client could speak without being judged, fixed or rushed.",
    Layer.RAPPORT: "How closely the coach's words, pace and style met the client's.",
    Layer.LISTENING_INQUIRY: "Where the coach's attention was and what their questions opened.",
    Layer.OPENNESS: "How much the client let the coach in: feelings, insight, change, doubt.",
    Layer.STRUCTURE: "What the session set out to do and how it closed.",
}
# The four layers always shown, even when nothing was found in them.
CORE_LAYERS = (Layer.SAFETY_TRUST, Layer.RAPPORT, Layer.LISTENING_INQUIRY, Layer.OPENNESS)

NOT_ASSESSABLE: tuple[tuple[str, str], ...] = (
    ("Posture and gestures", "a transcript carries no picture of the body"),
    ("Tone of voice", "warmth, irritation or hesitation in the voice are lost in text"),
    ("Eye contact", "where someone looks is not recorded"),
    ("Facial expression", "a smile or a frown leaves no trace in words"),
    ("Energy in the room", "breathing, stillness and restlessness are not written down"),
)
# What an empty layer says: a transcript carries only some of the signs a layer looks for, so
# nothing flagged must not read as a clean bill.
EMPTY_LAYER = (
    "Nothing was flagged in this layer. A transcript shows only some of its signs, so this is "
    "not proof that all went well: read it beside the other layers."
)
# How many moments the summary lists before pointing to the full findings.
MOMENTS = 8
NO_TIMING = ("Pauses and interruptions", "this transcript has no times")
START_TIMES_ONLY = "not measured: the transcript gives when each turn starts, not when it ends"


@dataclass(frozen=True)
class Fact:
    """One line of a summary: a label and its value in words."""

    label: str
    value: str


@dataclass(frozen=True)
class LayerFindings:
    layer: Layer
    title: str
    blurb: str
    markers: tuple[Marker, ...]
    empty_note: str = EMPTY_LAYER  # what the layer says when nothing was flagged in it


def percent(share: float | None) -> str:
    return "n/a" if share is None else f"{round(share * 100)}%"


def turn_number(index: int) -> int:
    """Turns are numbered from 1 for people; indices stay 0-based in data."""
    return index + 1


def turn_span(turns: Iterable[int]) -> str:
    numbers = sorted({turn_number(i) for i in turns})
    if not numbers:
        return "whole session"
    if len(numbers) == 1:
        return f"turn {numbers[0]}"
    if numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"turns {numbers[0]}–{numbers[-1]}"
    shown = ", ".join(str(n) for n in numbers[:4])
    return f"turns {shown}" + (" …" if len(numbers) > 4 else "")


def speaker_names(conversation: Conversation) -> dict[str, str]:
    """Role -> speaker name(s), e.g. {"coach": "Ann", "client": "Bo", "other": "Cy, Di"}."""
    names: dict[str, list[str]] = {str(role): [] for role in Role}
    for turn in conversation.turns:
        if turn.speaker not in names[str(turn.role)]:
            names[str(turn.role)].append(turn.speaker)
    return {role: ", ".join(found) for role, found in names.items() if found}


def role_line(conversation: Conversation) -> str:
    """Which speaker was taken for the coach, and how sure the reader was."""
    roles: Mapping[str, Any] = conversation.metadata.get("roles") or {}
    coach = roles.get("coach") or conversation.speaker_for(Role.COACH) or "nobody"
    client = roles.get("client") or conversation.speaker_for(Role.CLIENT) or "nobody"
    line = f"Coach: {coach}; client: {client}"
    if roles.get("method") == "explicit":
        return line + " (as given)."
    if roles.get("method") == "auto":
        sure = roles.get("confidence")
        line += " (chosen from the conversation"
        line += f", {round(float(sure) * 100)}% sure" if sure is not None else ""
        reasons = [str(r) for r in roles.get("reasons") or ()]
        line += f": {'; '.join(reasons[:3])})." if reasons else ")."
        return line
    return line + "."


def quotes(marker: Marker, conversation: Conversation, limit: int = 3) -> list[str]:
    """Up to ``limit`` different quotes of a finding, each as the transcript writes it.

    Analysers match cue phrases in lower case ("i notice"); a coach should read the words as
    spoken ("I notice"), and the same sentence twice adds nothing.
    """
    texts = [conversation.turns[i].text for i in marker.turns if 0 <= i < len(conversation)]
    shown: list[str] = []
    for quote in marker.evidence:
        written = whole_words(as_written(quote, texts), texts)
        if written not in shown:
            shown.append(written)
        if len(shown) == limit:
            break
    return shown


def as_written(quote: str, texts: Iterable[str]) -> str:
    """``quote`` with the capitals of its first occurrence in ``texts`` (unchanged if absent)."""
    if quote != quote.lower():
        return quote
    for text in texts:
        lowered = text.lower()
        at = lowered.find(quote)
        # Some letters change length when lowered; then positions no longer line up.
        if at >= 0 and len(lowered) == len(text):
            return text[at : at + len(quote)]
    return quote


def whole_words(quote: str, texts: Iterable[str]) -> str:
    """A quote shortened in the middle of a word ("it all f…") ends on the last whole word."""
    stem = quote[:-1]
    if not quote.endswith("…") or not stem or stem[-1].isspace():
        return quote
    for text in texts:
        at = text.find(stem)
        if at >= 0 and text[at + len(stem) : at + len(stem) + 1].isalnum():
            kept, space, _ = stem.rpartition(" ")
            return f"{kept} …" if space and kept else quote
    return quote


def findings_by_layer(analysis: SessionAnalysis) -> list[LayerFindings]:
    """The core layers always, then any other layer that has findings."""
    grouped: dict[Layer, list[Marker]] = {layer: [] for layer in LAYER_TITLES}
    for marker in analysis.markers:
        grouped.setdefault(marker.layer, []).append(marker)
    note = empty_layer_note(analysis)
    return [
        LayerFindings(layer, LAYER_TITLES[layer], LAYER_BLURBS[layer], tuple(found), note)
        for layer, found in grouped.items()
        if found or layer in CORE_LAYERS
    ]


def empty_layer_note(analysis: SessionAnalysis) -> str:
    """``EMPTY_LAYER``, or, when some analysers did not run (``--only``, or their needs were not
    met), that the layer was read only in part: nothing flagged then says even less."""
    if not analysis.skipped:
        return EMPTY_LAYER
    return (
        "Nothing was flagged here by the analysers that ran; some did not run (see the "
        "session's facts), so this layer was read only in part."
    )


def notable_moments(analysis: SessionAnalysis, limit: int = MOMENTS) -> list[Marker]:
    """Up to ``limit`` notable findings, taking kinds in turn so one kind cannot crowd out
    the rest, shown in the order they happened."""
    by_kind: dict[tuple[str, str], list[Marker]] = {}
    for marker in analysis.markers:
        if marker.notable:
            by_kind.setdefault((marker.analyser, marker.kind), []).append(marker)
    queues = list(by_kind.values())
    picked: list[Marker] = []
    while len(picked) < limit and any(queues):
        for queue in queues:
            if queue and len(picked) < limit:
                picked.append(queue.pop(0))
    return sorted(picked, key=lambda m: (m.turns[:1], m.analyser))


def notable_count(analysis: SessionAnalysis) -> int:
    return sum(1 for m in analysis.markers if m.notable)


def kinds(markers: Iterable[Marker]) -> list[list[Marker]]:
    """Markers grouped by analyser and kind, groups in order of first appearance."""
    grouped: dict[tuple[str, str], list[Marker]] = {}
    for marker in markers:
        grouped.setdefault((marker.analyser, marker.kind), []).append(marker)
    return list(grouped.values())


def not_assessable(conversation: Conversation) -> list[tuple[str, str]]:
    found = list(NOT_ASSESSABLE)
    if not conversation.has_times:
        found.append(NO_TIMING)
    elif all(turn.end is None for turn in conversation.turns):
        found.append(("Pauses and interruptions", "this transcript gives start times only"))
    return found


def markers_by_turn(analysis: SessionAnalysis) -> dict[int, list[Marker]]:
    """Each turn index -> the findings pointing at it (for highlighting the transcript)."""
    found: dict[int, list[Marker]] = {}
    for marker in analysis.markers:
        for index in marker.turns:
            found.setdefault(index, []).append(marker)
    return found


def marker_id(position: int) -> str:
    """A stable anchor id for the n-th marker of ``analysis.markers``."""
    return f"finding-{position}"


def _labels(analysis: SessionAnalysis, name: str) -> list[Mapping[str, Any]]:
    result = analysis.results.get(name)
    return list(result.turn_labels.values()) if result else []


def _counts_line(counter: Counter[Any], total: int) -> str:
    parts = [
        f"{label(key)} {count} ({share_of(count, total)})" for key, count in counter.most_common()
    ]
    return ", ".join(parts)


def label(key: Any) -> str:
    """A label as a coach reads it: ``self_disclosure`` -> ``self-disclosure``."""
    return str(key).replace("_", "-")


# Inquiry types whose name says little on its own: "other" is a closed question of none of
# the framework's families (see the inquiry analyser), so the summary says what it is.
INQUIRY_LABELS = {"other": "closed facts or checks"}


def share_of(count: int, total: int) -> str:
    """``count`` as a percentage of ``total``; a few among many show as "<1%", never "0%"."""
    if count > 0 and round(100 * count / total) == 0:
        return "<1%"
    return percent(count / total)


@dataclass(frozen=True)
class TalkRow:
    role: str
    speaker: str
    turns: int
    words: int
    share_words: str
    share_time: str
    mean_turn_words: str


def talk_rows(conversation: Conversation, analysis: SessionAnalysis) -> list[TalkRow]:
    """Who spoke how much, one row per role that spoke (empty when `talk` did not run)."""
    metrics = analysis.metrics("talk")
    stats: Mapping[str, Any] = metrics.get("roles") or {}
    words = metrics.get("share_words") or {}
    time = metrics.get("share_time") or {}
    names = speaker_names(conversation)
    rows = []
    for role in (str(r) for r in Role):
        row = stats.get(role) or {}
        if not row.get("turns"):
            continue
        mean = row.get("mean_turn_words")
        rows.append(
            TalkRow(
                role=role,
                speaker=names.get(role, ""),
                turns=int(row["turns"]),
                words=int(row.get("words", 0)),
                share_words=percent(words.get(role)),
                share_time=percent(time.get(role)) if time else "no times",
                mean_turn_words="n/a" if mean is None else f"{mean:g}",
            )
        )
    return rows


def question_facts(analysis: SessionAnalysis) -> list[Fact]:
    rows = _labels(analysis, "questions")
    if "questions" not in analysis.results:
        return []
    asked = [q for row in rows for q in row.get("questions", ())]
    facts = [Fact("Coach questions", str(len(asked)))]
    if asked:
        opened = sum(1 for q in asked if q.get("form") == "open")
        facts.append(Fact("Open questions", f"{opened} ({percent(opened / len(asked))})"))
        stacked = sum(1 for row in rows if row.get("stacked"))
        facts.append(Fact("Turns with stacked questions", str(stacked)))
    inquiry = [q for row in _labels(analysis, "inquiry") for q in row.get("questions", ())]
    if inquiry:
        types = (str(q.get("type", "other")) for q in inquiry)
        kinds = Counter(INQUIRY_LABELS.get(kind, kind) for kind in types)
        facts.append(Fact("Kinds of question", _counts_line(kinds, len(inquiry))))
        leading = sum(1 for q in inquiry if q.get("leading"))
        why = sum(1 for q in inquiry if q.get("why"))
        facts.append(Fact("Leading / why questions", f"{leading} / {why}"))
    return facts


def listening_facts(analysis: SessionAnalysis) -> list[Fact]:
    facts = []
    levels = Counter(
        int(row["level"]) for row in _labels(analysis, "listening") if row.get("level") is not None
    )
    if levels:
        total = sum(levels.values())
        line = ", ".join(f"level {k}: {percent(levels[k] / total)}" for k in sorted(levels))
        facts.append(Fact("Listening levels", line))
    moves = Counter(str(row["main"]) for row in _labels(analysis, "moves") if row.get("main"))
    if moves:
        facts.append(Fact("Main coach moves", _counts_line(moves, sum(moves.values()))))
    talk_types = Counter(
        str(row["talk_type"]) for row in _labels(analysis, "openness") if row.get("talk_type")
    )
    if talk_types:
        facts.append(Fact("Client talk", _counts_line(talk_types, sum(talk_types.values()))))
    return facts + timing_facts(analysis)


def timing_facts(analysis: SessionAnalysis) -> list[Fact]:
    metrics = analysis.metrics("timing")
    if not metrics:
        return []
    if metrics.get("mode") != "timed":
        return [Fact("Pauses and interruptions", "not measured: the transcript has no times")]
    if metrics.get("duration") is None:
        # Start times alone (Otter, "[hh:mm:ss] Name:" lines) cannot show overlaps or silences.
        return [Fact("Pauses and interruptions", START_TIMES_ONLY)]
    pauses = metrics.get("pauses_after_questions") or {}
    cut_ins = metrics.get("interruptions") or {}
    facts = []
    if pauses.get("count"):
        facts.append(
            Fact(
                "Silence before the client answers a question",
                f"median {pauses['median']:g} s, longest {pauses['max']:g} s, "
                f"{pauses['long']} of {pauses['count']} answers after 3 s or more",
            )
        )
    facts.append(
        Fact(
            "Interruptions",
            f"coach cut in {cut_ins.get('coach', 0)}×, client cut in {cut_ins.get('client', 0)}×",
        )
    )
    return facts


def session_facts(conversation: Conversation, analysis: SessionAnalysis) -> list[Fact]:
    """Mode, size and what did not run."""
    facts = [
        Fact("Turns", str(len(conversation))),
        Fact(
            "Analysis mode",
            "sentence meaning (encoder)" if analysis.mode == "encoder" else "lexical (words only)",
        ),
    ]
    duration = analysis.metrics("timing").get("duration")
    if duration:
        facts.append(Fact("Length", length(duration)))
    left_out = sorted(name for name, why in analysis.skipped.items() if why == NOT_ASKED_FOR)
    if left_out:
        facts.append(Fact("Not asked for (--only)", ", ".join(left_out)))
    for name, why in analysis.skipped.items():
        if why != NOT_ASKED_FOR:
            facts.append(Fact(f"Not run: {name}", why))
    return facts


def length(seconds: float) -> str:
    """A session's length: minutes, or seconds for a clip under a minute (never "0 min")."""
    if round(seconds) < 60:
        return f"{round(seconds)} s"
    return f"{round(seconds / 60)} min"
