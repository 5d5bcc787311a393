"""Verbal matching: does the coach speak the client's language?

- Echo: content words the client brought in that the coach reuses within a few turns, and the
  client's images ("it's like a treadmill") the coach picks up.
- Language-style matching over function-word categories: for each category,
  ``1 - |a - b| / (a + b + 0.0001)`` of the two speakers' rates, averaged over the categories.
- Pace: words per turn, and words per minute where the transcript has times.
- Formality: formal against casual words, per speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, ClassVar

from attunement.analysis.analysers._connection_util import (
    content_stems,
    content_words,
    lexicon,
    share,
    stem,
)
from attunement.analysis.analysers._word_start import word_start_alternation
from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.analysis.text import CaselessPattern
from attunement.transcript.model import Role

LEX = lexicon("matching.json")
CATEGORIES: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in LEX["function_words"].items()}
INFORMAL = frozenset(LEX["informal"])
FORMAL = frozenset(LEX["formal"])
_IMAGE = r"\s+((?:[a-z']+\s+){0,2}[a-z']+)"
METAPHOR = re.compile(r"\b(?:" + "|".join(LEX["metaphor_lead"]) + ")" + _IMAGE, re.IGNORECASE)
# Most turns hold no image: a quick look first, found wherever METAPHOR is.
HAS_METAPHOR = CaselessPattern(
    METAPHOR.pattern, same=word_start_alternation(lead + _IMAGE for lead in LEX["metaphor_lead"])
)
LITERAL = frozenset(stem(w) for w in LEX["metaphor_literal"])
# The image as quoted: from its lead to the end of the clause, at most this many words after it.
IMAGE_WORDS = 7
IMAGE_TAIL = re.compile(r"[^.,;:!?\n]*")
# The coach "echoes" a word when the client used it within this many turns before.
ECHO_WINDOW = 6
LOW_STYLE_MATCH = 0.7
PACE_GAP = 2.5  # the coach's turns this many times longer (or shorter) than the client's
FORMALITY_GAP = 3.0  # points per hundred words
MIN_WORDS_PER_SIDE = 50  # below this, rates say little
ROLES = (Role.COACH, Role.CLIENT)


def style_rates(words: list[str]) -> dict[str, float]:
    """Each function-word category's share of the words."""
    total = len(words) or 1
    counts = Counter(words)
    return {name: sum(counts[w] for w in members) / total for name, members in CATEGORIES.items()}


def style_matching(coach: list[str], client: list[str]) -> dict[str, Any] | None:
    """Language-style matching per category and its mean, or ``None`` with too few words."""
    if len(coach) < MIN_WORDS_PER_SIDE or len(client) < MIN_WORDS_PER_SIDE:
        return None
    a, b = style_rates(coach), style_rates(client)
    per = {
        name: round(1 - abs(a[name] - b[name]) / (a[name] + b[name] + 0.0001), 3)
        for name in CATEGORIES
    }
    # Who uses each category more, so a finding can say which way the styles part.
    more = {name: "coach" if a[name] > b[name] else "client" for name in CATEGORIES}
    return {"score": round(sum(per.values()) / len(per), 3), "categories": per, "more": more}


def formality(words: list[str]) -> float | None:
    """Formal minus casual words per hundred words (positive: more formal)."""
    if not words:
        return None
    counts = Counter(words)
    formal = sum(counts[w] for w in FORMAL)
    casual = sum(counts[w] for w in INFORMAL) + sum(1 for w in words if "'" in w)
    return round(100 * (formal - casual) / len(words), 2)


def find_echoes(ctx: AnalysisContext) -> dict[int, list[str]]:
    """For each coach turn, the client's own words it reuses (said by the client within the
    last few turns, and not by the coach before the client said them), as the client said them."""
    last_by_client: dict[str, tuple[int, str]] = {}
    said_by_coach: set[str] = set()
    echoes: dict[int, list[str]] = {}
    for turn in ctx.turns:
        stems = content_stems(ctx.texts[turn.index].words)
        if turn.role == Role.CLIENT:
            for s, word in stems.items():
                if s not in said_by_coach:
                    last_by_client[s] = (turn.index, word)
        elif turn.role == Role.COACH:
            reused = sorted(
                last_by_client[s][1]
                for s in stems
                if s in last_by_client and turn.index - last_by_client[s][0] <= ECHO_WINDOW
            )
            if reused:
                echoes[turn.index] = reused
            said_by_coach |= stems.keys()
    return echoes


def find_metaphors(ctx: AnalysisContext) -> list[dict[str, Any]]:
    """The client's images and whether the coach picked them up within a few turns."""
    found = []
    turns = ctx.turns
    for turn in turns:
        if turn.role != Role.CLIENT or not HAS_METAPHOR.occurs_in(turn.text):
            continue
        for match in METAPHOR.finditer(turn.text):
            image = content_words(tuple(match.group(1).lower().split()))
            if not image or image & LITERAL:
                continue
            later = turns[turn.index + 1 : turn.index + 1 + ECHO_WINDOW]
            echoed = next(
                (
                    t.index
                    for t in later
                    if t.role == Role.COACH and image & content_words(ctx.texts[t.index].words)
                ),
                None,
            )
            found.append(
                {"turn": turn.index, "image": image_quote(turn.text, match), "echoed_in": echoed}
            )
    return found


def image_quote(text: str, match: re.Match[str]) -> str:
    """The client's image as they said it, to the end of its clause: "like a stone in my shoe",
    not "like a stone in my"."""
    clause = IMAGE_TAIL.match(text, match.start())
    said = (clause.group(0) if clause else match.group(0)).split()
    lead = len(match.group(0).split()) - len(match.group(1).split())
    return " ".join(said[: lead + IMAGE_WORDS])


def pace(ctx: AnalysisContext) -> dict[str, Any]:
    """Words per turn and, where times exist, words per minute, per role."""
    out: dict[str, Any] = {}
    for role in ROLES:
        turns = [t for t in ctx.turns if t.role == role]
        words = sum(ctx.texts[t.index].word_count for t in turns)
        timed = [(ctx.texts[t.index].word_count, d) for t in turns if (d := t.duration)]
        minutes = sum(d for _, d in timed if d) / 60
        out[str(role)] = {
            "words_per_turn": round(words / len(turns), 1) if turns else None,
            "words_per_minute": round(sum(w for w, _ in timed) / minutes, 1)
            if minutes > 0
            else None,
        }
    return out


def ratio_match(a: float | None, b: float | None) -> float | None:
    if not a or not b:
        return None
    return round(1 - abs(a - b) / (a + b), 3)


class MatchingAnalyser:
    name: ClassVar[str] = "matching"
    version: ClassVar[str] = "1.4"
    needs: ClassVar[tuple[str, ...]] = ("roles",)
    uses: ClassVar[tuple[str, ...]] = ("timestamps",)
    produces: ClassVar[tuple[str, ...]] = ("verbal_matching",)
    description: ClassVar[str] = (
        "Echo of the client's own words and images, language-style matching over function "
        "words, pace (words per turn and per minute) and formality."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        words = {
            role: [w for t in ctx.turns if t.role == role for w in ctx.texts[t.index].words]
            for role in ROLES
        }
        echoes = find_echoes(ctx)
        metaphors = find_metaphors(ctx)
        speed = pace(ctx)
        metrics = {
            "echo": echo_metrics(ctx, echoes),
            "metaphors": metaphors,
            "style_matching": style_matching(words[Role.COACH], words[Role.CLIENT]),
            "pace": speed,
            "pace_match": {
                "words_per_turn": ratio_match(
                    speed["coach"]["words_per_turn"], speed["client"]["words_per_turn"]
                ),
                "words_per_minute": ratio_match(
                    speed["coach"]["words_per_minute"], speed["client"]["words_per_minute"]
                ),
            },
            "formality": {str(role): formality(words[role]) for role in ROLES},
        }
        labels = {i: {"echo": reused} for i, reused in echoes.items()}
        return result(
            self,
            metrics=metrics,
            markers=tuple(matching_markers(self.name, metrics, echoes)),
            turn_labels=labels,
        )


def echo_metrics(ctx: AnalysisContext, echoes: dict[int, list[str]]) -> dict[str, Any]:
    after_client = [
        t.index
        for t in ctx.turns
        if t.role == Role.COACH and t.index > 0 and ctx.turns[t.index - 1].role == Role.CLIENT
    ]
    words = Counter(w for reused in echoes.values() for w in reused)
    return {
        "coach_turns_after_client": len(after_client),
        "echo_turns": sum(1 for i in after_client if i in echoes),
        "echo_share": share(sum(1 for i in after_client if i in echoes), len(after_client)),
        "top_words": [w for w, _ in words.most_common(10)],
    }


def matching_markers(
    name: str, metrics: dict[str, Any], echoes: dict[int, list[str]]
) -> list[Marker]:
    markers = []
    if echoes:
        top = tuple(metrics["echo"]["top_words"][:8])
        markers.append(
            Marker(
                name,
                "echo",
                tuple(sorted(echoes)),
                "The coach reused the client's own words in these turns.",
                top,
                Layer.RAPPORT,
                guide="verbal-matching",
            )
        )
    markers += _metaphor_markers(name, metrics["metaphors"])
    markers += _style_markers(name, metrics)
    return markers


def _metaphor_markers(name: str, metaphors: list[dict[str, Any]]) -> list[Marker]:
    markers = []
    for item in metaphors:
        if item["echoed_in"] is not None:
            # The finding is about what the coach did, so it points at the coach's turn only;
            # the client's turn is named in the note (turns are numbered from 1 for people).
            markers.append(
                Marker(
                    name,
                    "metaphor_echoed",
                    (item["echoed_in"],),
                    f"The coach picked up the image the client offered in turn {item['turn'] + 1}.",
                    (item["image"],),
                    Layer.RAPPORT,
                    notable=True,
                    guide="verbal-matching",
                )
            )
        else:
            markers.append(
                Marker(
                    name,
                    "metaphor_not_taken_up",
                    (item["turn"],),
                    "The client "
                    "offered an image here; working with it in their terms could "
                    "open it up.",
                    (item["image"],),
                    Layer.RAPPORT,
                    guide="verbal-matching",
                )
            )
    return markers


def formality_note(coach: float, client: float) -> str:
    """Which way the registers part, said so that two casual speakers are not called formal:
    the coach is "less casual" than a client who contracts and chats even more."""
    if coach > client:
        way = "more formal" if coach > 0 else "less casual"
    else:
        way = "more casual" if coach < 0 else "less formal"
    return (
        f"The coach's wording is noticeably {way} than the client's (contractions and everyday "
        "words against formal ones). Did the difference help or keep a distance?"
    )


def pace_gap_note(coach: float, client: float) -> str:
    """Which side talks longer per turn, longer figure first so the sentence reads plainly."""
    if coach > client:
        return (
            "The coach's turns are much longer than the client's "
            f"({coach:.0f} words per turn against {client:.0f})."
        )
    return (
        "The client's turns are much longer than the coach's "
        f"({client:.0f} words per turn against {coach:.0f})."
    )


def _who_uses_more(categories: list[str], more: dict[str, str]) -> str:
    """ "the client uses more negations, the coach more articles and prepositions"."""
    parts: list[str] = []
    for side in ("client", "coach"):
        names = [c.replace("_", " ") for c in categories if more.get(c) == side]
        if names:
            verb = "" if parts else "uses "
            listed = " and ".join([", ".join(names[:-1]), names[-1]] if names[1:] else names)
            parts.append(f"the {side} {verb}more {listed}")
    return ", ".join(parts)


def _style_markers(name: str, metrics: dict[str, Any]) -> list[Marker]:
    markers = []
    style = metrics["style_matching"]
    if style is not None and style["score"] < LOW_STYLE_MATCH:
        apart = sorted(style["categories"], key=lambda c: style["categories"][c])[:3]
        markers.append(
            Marker(
                name,
                "low_style_matching",
                (),
                "Coach and client use the small words that carry style (pronouns, articles, "
                f"negations…) quite differently (style match {style['score']:.2f}): "
                f"{_who_uses_more(apart, style['more'])}.",
                (),  # the categories are named in the note; quotes are for spoken words
                Layer.RAPPORT,
                guide="verbal-matching",
            )
        )
    per_turn = metrics["pace"]
    coach, client = per_turn["coach"]["words_per_turn"], per_turn["client"]["words_per_turn"]
    if coach and client and (coach / client >= PACE_GAP or client / coach >= PACE_GAP):
        markers.append(
            Marker(
                name,
                "pace_gap",
                (),
                pace_gap_note(coach, client),
                (),
                Layer.RAPPORT,
                guide="verbal-matching",
            )
        )
    formal = metrics["formality"]
    if (
        formal["coach"] is not None
        and formal["client"] is not None
        and abs(formal["coach"] - formal["client"]) >= FORMALITY_GAP
    ):
        markers.append(
            Marker(
                name,
                "formality_gap",
                (),
                formality_note(formal["coach"], formal["client"]),
                (),
                Layer.RAPPORT,
                guide="verbal-matching",
            )
        )
    return markers


@hookimpl
def attunement_analysers() -> list[MatchingAnalyser]:
    return [MatchingAnalyser()]
