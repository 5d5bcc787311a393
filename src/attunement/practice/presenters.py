"""What the pages show, computed from stored records as plain data for the templates."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from attunement.analysis.model import Layer, Marker, SessionAnalysis
from attunement.errors import AttuneError, RoleError, sentence
from attunement.practice import charts
from attunement.practice.models import Client, Session
from attunement.report import summary

LAYER_TITLES = {
    Layer.SAFETY_TRUST: "Safety and trust",
    Layer.RAPPORT: "Rapport and connection",
    Layer.LISTENING_INQUIRY: "Listening and inquiry",
    Layer.OPENNESS: "The client's openness",
    Layer.STRUCTURE: "Structure of the session",
}

# Kinds whose stored name does not read well as a heading ("level3", "close_open"); the rest
# read fine once underscores become spaces.
KIND_TITLES = {
    "level3": "Listening beyond the words",
    "level1_stretch": "Coach-centred stretch",
    "close_open": "Close leaves something uncovered",
    "close_invites": "Close covers what the client takes away",
    "contracting_open": "Part of the session agreement not visible at the start",
    "contracting_agreed": "Session aim agreed at the start",
    "echo": "Client's words reused",
    "pace_gap": "Different pace",
    "yes_but": "Yes, but",
    "why_question": "Why question",
    "offer_run": "Run of advice",
    "advice_unasked": "Advice not asked for",
    "no_future_questions": "No future-focused questions",
    "doubt_coaching": "Doubt about the coaching",
    "feedback_invite": "Feedback on the coaching invited",
    "client_preference": "Client's sensory wording",
    "coach_matches_preference": "Coach matches sensory wording",
    "low_style_matching": "Different speaking styles",
    "formality_gap": "Different formality",
    "client_carries_stretch": "Client carries a stretch",
    "coach_dominates_stretch": "Coach dominates a stretch",
}


CONSENT_KINDS = ("recording", "transcription", "analysis")


def consent_saved(client: Client) -> str:
    """What the consent just recorded allows, so the coach sees whether uploads are open."""
    consent = client.current_consent()
    given = [kind for kind in CONSENT_KINDS if consent and getattr(consent, kind)]
    agreed = f"{client.name} agrees to {' and '.join(given)}" if given else "Nothing is agreed"
    if consent and consent.transcription and consent.analysis:
        return f"Consent saved: {agreed}; you can upload transcripts."
    return (
        f"Consent saved: {agreed}; transcript uploads stay closed until the client agrees to "
        "both transcription and analysis."
    )


def upload_refusal(error: AttuneError, name_the_coach: str) -> str:
    """Why a reader refused an uploaded file, with the fix said for this way in rather than the
    terminal's: ``name_the_coach`` is how this form takes the coach's name, with a ``{names}``
    slot for the transcript's speakers; no ``--format`` hint, since uploads cannot pick a reader."""
    if isinstance(error, RoleError) and error.speakers:
        return sentence(error.what, name_the_coach.format(names=", ".join(error.speakers)))
    # The decoder's advice ends "and read that" (run ``attune analyze`` on it); here it is a new upload.
    return sentence(error.what, error.fix.replace(" and read that", " and upload that"))


# What the analysis could draw on, in a coach's words (see SessionAnalysis.mode).
MODE_NOTES = {
    "lexical": "Read from wording and timing only.",
    "encoder": "Read from wording, timing and sentence meaning.",
}


def kind_title(kind: str) -> str:
    """A finding kind as a heading: "level3" -> "Listening beyond the words"."""
    return KIND_TITLES.get(kind, kind.replace("_", " ").capitalize())


def mode_note(mode: str) -> str:
    return MODE_NOTES.get(mode, "")


SHOWN_TURNS = 6  # links per finding; a long stretch is shown by its first turns
STRETCH_TURNS = 12  # a finding over more turns than this is a stretch of the session


@dataclass
class MarkerView:
    marker: Marker
    number: int  # position in the session's list, for anchors "finding-N"

    @property
    def turn_numbers(self) -> list[int]:
        return [t + 1 for t in self.marker.turns]  # people count turns from 1

    @property
    def shown_turns(self) -> list[int]:
        return self.turn_numbers[:SHOWN_TURNS]

    @property
    def kind_label(self) -> str:
        return kind_title(self.marker.kind).lower()

    @property
    def more_turns(self) -> int:
        return max(0, len(self.marker.turns) - SHOWN_TURNS)


@dataclass
class TurnView:
    index: int
    speaker: str
    role: str
    text: str
    start: float | None
    findings: list[MarkerView] = field(default_factory=list)

    @property
    def clock(self) -> str:
        if self.start is None:
            return ""
        minutes, seconds = divmod(int(self.start), 60)
        return f"{minutes}:{seconds:02d}"


def marker_views(analysis: SessionAnalysis) -> list[MarkerView]:
    return [MarkerView(m, i + 1) for i, m in enumerate(analysis.markers)]


@dataclass
class NoteLine:
    """Findings that say the same thing: one sentence, then the turns of each of them."""

    note: str
    notable: bool
    views: list[MarkerView] = field(default_factory=list)

    @property
    def single(self) -> bool:
        return len(self.views) == 1

    @property
    def turns_label(self) -> str:
        """ "turns 7, 9, 13 and 2 more" across the findings, for the exports; "" without turns."""
        shown = [str(n) for view in self.views for n in view.shown_turns]
        if not shown:
            return ""
        more = sum(view.more_turns for view in self.views)
        return f"turns {', '.join(shown)}" + (f" and {more} more" if more else "")


@dataclass
class KindGroup:
    """Findings of one kind in one layer: shown as one expandable line with a count."""

    kind: str
    views: list[MarkerView]

    @property
    def title(self) -> str:
        return kind_title(self.kind)

    @property
    def notable(self) -> bool:
        return any(v.marker.notable for v in self.views)

    @property
    def lines(self) -> list[NoteLine]:
        """The findings by sentence, in order of first appearance: 36 self-disclosures read
        as one question with 36 turn links, not 36 identical lines."""
        lines: dict[tuple[str, bool], NoteLine] = {}
        for view in self.views:
            key = (view.marker.note, view.marker.notable)
            lines.setdefault(key, NoteLine(*key)).views.append(view)
        return list(lines.values())


def findings_by_layer(views: list[MarkerView]) -> list[tuple[str, list[KindGroup]]]:
    """Layers in the framework's order, each with its findings grouped by kind, notable first."""
    layers = []
    for layer, title in LAYER_TITLES.items():
        kinds: dict[str, list[MarkerView]] = {}
        for view in views:
            if view.marker.layer == layer:
                kinds.setdefault(view.marker.kind, []).append(view)
        if kinds:
            groups = [KindGroup(kind, found) for kind, found in kinds.items()]
            groups.sort(key=lambda g: (not g.notable, -len(g.views)))
            layers.append((title, groups))
    return layers


def layer_index(layers: list[tuple[str, list[KindGroup]]]) -> list[tuple[str, int]]:
    """Each layer with its number of findings: the links at the top of a long session page."""
    return [(title, sum(len(g.views) for g in groups)) for title, groups in layers]


def key_figures(result: SessionAnalysis) -> list[summary.Fact]:
    """Counts and shares only (no words of the client): talk share, questions, listening."""
    facts = []
    words = result.metrics("talk").get("share_words") or {}
    shares = [f"{role} {summary.percent(share)}" for role, share in words.items() if share]
    if shares:
        facts.append(summary.Fact("Share of the words", ", ".join(shares)))
    return facts + summary.question_facts(result) + summary.listening_facts(result)


def talk_chart(analysis: SessionAnalysis) -> str:
    """Who spoke how much through the session (the report's chart), or "" without talk data."""
    windows = analysis.metrics("talk").get("windows")
    if not windows:
        return ""
    from attunement.report.charts import talk_share_chart

    return talk_share_chart(windows)


def turn_views(conversation: dict[str, Any], views: list[MarkerView]) -> list[TurnView]:
    """The transcript's turns, each with the findings that point at it."""
    turns = [
        TurnView(t["index"], t["speaker"], t.get("role", "other"), t["text"], t.get("start"))
        for t in conversation.get("turns", [])
    ]
    by_index = {t.index: t for t in turns}
    for view in views:
        marked = view.marker.turns
        if len(marked) > STRETCH_TURNS:
            marked = marked[:1]  # a long stretch is tagged where it begins, not on every turn
        for index in marked:
            if index in by_index:
                by_index[index].findings.append(view)
    return turns


def attendance(sessions: list[Session]) -> dict[str, int]:
    """Counts per outcome, with who cancelled or moved: e.g. {"held": 5, "cancelled by client": 1}."""
    counts: Counter[str] = Counter()
    for s in sessions:
        label = s.get_status_display().lower()
        if s.status != Session.Status.HELD and s.by_whom:
            label += f" by {s.by_whom}"
        counts[label] += 1
    return dict(counts)


def markers_over_sessions(client: Client, sessions: list[Session]) -> str:
    """SVG: findings per layer in each analysed session, oldest first."""
    labels: list[str] = []
    series: dict[str, list[int]] = {title: [] for title in LAYER_TITLES.values()}
    for session in sorted(sessions, key=lambda s: s.when):
        analysis = session.latest_analysis()
        if analysis is None or analysis.result is None:
            continue
        counts = Counter(m.layer for m in SessionAnalysis.from_dict(analysis.result).markers)
        labels.append(f"{session.when.day} {session.when:%b}")  # "1 Sep", as elsewhere
        for layer, title in LAYER_TITLES.items():
            series[title].append(counts.get(layer, 0))
    series = {title: values for title, values in series.items() if any(values)}
    if len(labels) < 2:
        return ""  # one point is not a trend; the page says what to do instead
    return charts.line_chart(labels, series, title=f"Findings per session for {client.name}")
