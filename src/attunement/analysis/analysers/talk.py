"""Who spoke how much: share of words and time per role, turn lengths, the longest coach
monologue and how the balance moved over the session.

The balance is measured in windows of consecutive turns so that a coach who talks most of the
time only in one stretch (explaining a tool, say) is told apart from one who does so throughout.
"""

from __future__ import annotations

from statistics import mean, median
from typing import Any, ClassVar

from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.transcript.model import Role, Turn

WINDOWS = 10
# A window where the coach says this share of the words, with enough words to mean something.
COACH_DOMINATES = 0.7
CLIENT_CARRIES = 0.85
MIN_WINDOW_WORDS = 40
# In short sessions a window is a turn or two; a stretch needs some back-and-forth to count.
MIN_STRETCH_TURNS = 4
# About a minute of uninterrupted speech: long enough that the client is only listening.
LONG_MONOLOGUE_WORDS = 120
# Below this (about ten seconds of speech) the coach's longest turn is not worth a finding:
# "the longest turn runs to 4 words" tells the coach nothing.
MIN_MONOLOGUE_WORDS = 25
SESSION_COACH_HEAVY = 0.6
ROLES = (Role.COACH, Role.CLIENT, Role.OTHER)


def opening_words(text: str, limit: int = 14) -> str:
    """The first words of a turn, to quote as evidence."""
    parts = text.split()
    return " ".join(parts[:limit]) + (" …" if len(parts) > limit else "")


def shares(amounts: dict[Role, float]) -> dict[str, float] | None:
    """Each role's part of the total, rounded; ``None`` when there is nothing to share."""
    total = sum(amounts.values())
    if total <= 0:
        return None
    return {str(role): round(amounts.get(role, 0.0) / total, 3) for role in ROLES}


def word_counts(ctx: AnalysisContext) -> list[int]:
    return [text.word_count for text in ctx.texts]


def time_by_role(turns: tuple[Turn, ...]) -> dict[Role, float]:
    spoken = {role: 0.0 for role in ROLES}
    for turn in turns:
        if turn.duration is not None:
            spoken[turn.role] += turn.duration
    return spoken


def role_stats(turns: tuple[Turn, ...], counts: list[int]) -> dict[str, dict[str, Any]]:
    """Turns, words and turn lengths (in words) per role."""
    stats: dict[str, dict[str, Any]] = {}
    for role in ROLES:
        lengths = [counts[t.index] for t in turns if t.role == role]
        stats[str(role)] = {
            "turns": len(lengths),
            "words": sum(lengths),
            "mean_turn_words": round(mean(lengths), 1) if lengths else None,
            "median_turn_words": median(lengths) if lengths else None,
        }
    return stats


def window_bounds(n_turns: int, n_windows: int = WINDOWS) -> list[tuple[int, int]]:
    """Split turn indices 0..n-1 into up to ``n_windows`` runs of near-equal length
    (inclusive bounds)."""
    n_windows = min(n_windows, n_turns)
    if n_windows == 0:
        return []
    edges = [round(k * n_turns / n_windows) for k in range(n_windows + 1)]
    return [(edges[k], edges[k + 1] - 1) for k in range(n_windows)]


def windows(turns: tuple[Turn, ...], counts: list[int]) -> list[dict[str, Any]]:
    """Share of words per role in each window of the session."""
    found = []
    for start, end in window_bounds(len(turns)):
        amounts = {role: 0.0 for role in ROLES}
        for turn in turns[start : end + 1]:
            amounts[turn.role] += counts[turn.index]
        part = shares(amounts) or {str(role): 0.0 for role in ROLES}
        found.append(
            {
                "start_turn": start,
                "end_turn": end,
                "coach": part["coach"],
                "client": part["client"],
                "other": part["other"],
                "words": int(sum(amounts.values())),
                "start_time": turns[start].start,
            }
        )
    return found


def longest_coach_turn(turns: tuple[Turn, ...], counts: list[int]) -> Turn | None:
    coach = [t for t in turns if t.role == Role.COACH]
    return max(coach, key=lambda t: counts[t.index], default=None)


def monologue_marker(turn: Turn, words: int) -> Marker:
    seconds = f" (about {round(turn.duration)} seconds)" if turn.duration else ""
    return Marker(
        analyser=TalkAnalyser.name,
        kind="longest_monologue",
        turns=(turn.index,),
        note=(
            f"The coach's longest turn runs to {words} words{seconds}. "
            "What was the client doing while it lasted, and what did they pick up from it?"
        ),
        evidence=(opening_words(turn.text),),
        layer=Layer.LISTENING_INQUIRY,
        notable=words >= LONG_MONOLOGUE_WORDS,
    )


def stretches(flags: list[bool]) -> list[tuple[int, int]]:
    """Runs of consecutive ``True`` as (first, last) positions."""
    runs: list[tuple[int, int]] = []
    for pos, flag in enumerate(flags):
        if flag and runs and runs[-1][1] == pos - 1:
            runs[-1] = (runs[-1][0], pos)
        elif flag:
            runs.append((pos, pos))
    return runs


def _stretch_turns(
    turns: tuple[Turn, ...], found: list[dict[str, Any]], run: tuple[int, int]
) -> tuple[Turn, ...]:
    first, last = found[run[0]]["start_turn"], found[run[1]]["end_turn"]
    return turns[first : last + 1]


def share_range(shares: list[float]) -> str:
    """ "84%" for one part of a session, "at least 72% (up to 84%)" across several, so the
    note does not read as if the top figure held throughout."""
    low, high = round(min(shares) * 100), round(max(shares) * 100)
    return f"{high}%" if low == high else f"at least {low}% (up to {high}%)"


def dominated_markers(
    turns: tuple[Turn, ...], counts: list[int], found: list[dict[str, Any]]
) -> list[Marker]:
    """One marker per stretch of windows where the coach said most of the words."""
    flags = [w["coach"] >= COACH_DOMINATES and w["words"] >= MIN_WINDOW_WORDS for w in found]
    markers = []
    for run in stretches(flags):
        span = _stretch_turns(turns, found, run)
        if len(span) < MIN_STRETCH_TURNS:
            continue
        shares = [found[p]["coach"] for p in range(run[0], run[1] + 1)]
        loudest = max((t for t in span if t.role == Role.COACH), key=lambda t: counts[t.index])
        markers.append(
            Marker(
                analyser=TalkAnalyser.name,
                kind="coach_dominates_stretch",
                turns=tuple(t.index for t in span if t.role == Role.COACH),
                note=(
                    f"From turn {span[0].index + 1} to {span[-1].index + 1} the coach says "
                    f"{share_range(shares)} of the words. Whose agenda was the conversation "
                    "following here, and what might the client have said with more room?"
                ),
                evidence=(opening_words(loudest.text),),
                layer=Layer.LISTENING_INQUIRY,
                notable=True,
            )
        )
    return markers


def carried_markers(
    turns: tuple[Turn, ...], counts: list[int], found: list[dict[str, Any]]
) -> list[Marker]:
    """Stretches where the client did nearly all the talking: room the coach gave."""
    flags = [w["client"] >= CLIENT_CARRIES and w["words"] >= MIN_WINDOW_WORDS for w in found]
    markers = []
    for run in stretches(flags):
        span = _stretch_turns(turns, found, run)
        if len(span) < MIN_STRETCH_TURNS:
            continue
        client = [t for t in span if t.role == Role.CLIENT]
        fullest = max(client, key=lambda t: counts[t.index])
        markers.append(
            Marker(
                analyser=TalkAnalyser.name,
                kind="client_carries_stretch",
                turns=tuple(t.index for t in client),
                note=(
                    f"From turn {span[0].index + 1} to {span[-1].index + 1} the client does "
                    "nearly all the talking. What did the coach do that opened this space?"
                ),
                evidence=(opening_words(fullest.text),),
                layer=Layer.OPENNESS,
            )
        )
    return markers


def session_balance_marker(
    turns: tuple[Turn, ...], counts: list[int], share_words: dict[str, float] | None
) -> list[Marker]:
    """A session-level note when the coach says most of the words overall."""
    if not share_words or share_words["coach"] < SESSION_COACH_HEAVY:
        return []
    longest = sorted((t for t in turns if t.role == Role.COACH), key=lambda t: -counts[t.index])
    coach = sorted(longest[:3], key=lambda t: t.index)
    return [
        Marker(
            analyser=TalkAnalyser.name,
            kind="coach_talks_most",
            turns=tuple(t.index for t in coach),
            note=(
                f"Over the whole session the coach says {round(share_words['coach'] * 100)}% of "
                "the words. Who was doing the thinking in this conversation?"
            ),
            evidence=tuple(opening_words(t.text, 8) for t in coach),
            layer=Layer.LISTENING_INQUIRY,
            notable=True,
        )
    ]


class TalkAnalyser:
    name: ClassVar[str] = "talk"
    version: ClassVar[str] = "1.1"
    needs: ClassVar[tuple[str, ...]] = ()
    uses: ClassVar[tuple[str, ...]] = ("timestamps",)
    produces: ClassVar[tuple[str, ...]] = ("talk_share",)
    description: ClassVar[str] = (
        "Share of words and time per role, turn lengths, monologues, balance over time."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        turns = ctx.turns
        counts = word_counts(ctx)
        stats = role_stats(turns, counts)
        share_words = shares({role: float(stats[str(role)]["words"]) for role in ROLES})
        share_time = shares(time_by_role(turns)) if ctx.conversation.has_times else None
        found = windows(turns, counts)
        longest = longest_coach_turn(turns, counts)
        markers = session_balance_marker(turns, counts, share_words)
        markers += dominated_markers(turns, counts, found)
        markers += carried_markers(turns, counts, found)
        if longest is not None and counts[longest.index] >= MIN_MONOLOGUE_WORDS:
            markers.append(monologue_marker(longest, counts[longest.index]))
        metrics = {
            "share_words": share_words,
            "share_time": share_time,
            "roles": stats,
            "windows": found,
            "longest_coach_turn": (
                {"turn": longest.index, "words": counts[longest.index]} if longest else None
            ),
        }
        markers.sort(key=lambda m: m.turns[:1])
        return result(self, metrics=metrics, markers=tuple(markers))


@hookimpl
def attunement_analysers() -> list[TalkAnalyser]:
    return [TalkAnalyser()]
