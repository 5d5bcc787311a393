"""Warning signs read from a slow movement across sessions rather than one step.

Three signals the framework lists for connection health that no single-step rule catches: a
check-in that slides a little every time, listening that stays at the surface, and a coach whose
question load climbs. ``rules.py`` lists them in ``RULES`` (and keeps one sign from repeating
another); the thresholds are constants here, explained in ``docs/health-rules.md``.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from statistics import median

from attunement.relationship.history import History, SessionRecord
from attunement.relationship.phase import Phase
from attunement.relationship.signs import Sign, checkin_evidence, count_word, session_evidence

CHECKIN_TREND_RUN = 4  # check-ins in a row, none higher than the one before
CHECKIN_DECLINE = 6  # points lost from the first of the run to the last
# Share of the coach's turns at listening level 3 below which a session stays at the surface.
# None: the initial phase is allowed to stay there while the client finds their feet.
DEPTH_FLOOR: dict[Phase, float | None] = {
    Phase.INITIAL: None,
    Phase.DEEPENING: 0.03,
    Phase.MATURE: 0.05,
}
# Level 2 (the client's own words) is the ground of a good session and level 3 comes and goes,
# so a few sessions below the floor say little on their own (two in a row came up on five in six
# healthy simulated engagements). The sign asks for a change in this relationship: three
# analysed sessions in a row below the floor, together at most half the coach's own usual with
# this client (the median of the sessions before).
DEPTH_RUN = 3
DEPTH_FALL = 0.5
# All three are informational for now (weight 0: shown among the reasons, never lowering the
# value or band). On simulated engagements each one raised the false alarms and caught no
# rupture the other rules missed. Tuning the thresholds to the simulator's seeds would say
# nothing about real coaches (docs/health-rules.md).
CHECKIN_DECLINE_WEIGHT = 0
SHALLOW_LISTENING_WEIGHT = 0
QUESTION_LOAD_WEIGHT = 0
QUESTION_RISE = 1.3  # coach's questions per turn against the median of the sessions before
# Lower than QUESTION_RISE: coach-working-harder is already open, so a smaller rise is worth
# naming in its sentence, while coach-question-load must stand on the rise alone.
COACH_QUESTION_RISE = 1.2
QUESTION_LOAD_FLOOR = 0.5  # below one question every other turn a rise is not a load


def checkin_decline(history: History, now: datetime, phase: Phase) -> Sign | None:
    """Check-ins sliding a few points at a time: no answer above the one before across the
    run, and the last well below the first (38, 34, 31, 29)."""
    run = history.checkins[-CHECKIN_TREND_RUN:]
    if len(run) < CHECKIN_TREND_RUN:
        return None
    totals = [c.total for c in run]
    steady_fall = all(later <= earlier for earlier, later in pairwise(totals))
    if not steady_fall or totals[0] - totals[-1] < CHECKIN_DECLINE:
        return None
    return Sign(
        "checkin-decline",
        f"check-ins sliding over the last {len(run)}: {', '.join(map(str, totals))} out of 40",
        CHECKIN_DECLINE_WEIGHT,
        tuple(checkin_evidence(c, f"{c.total}/40") for c in run),
    )


def recent_and_baseline(
    history: History, attribute: str, recent_count: int = 2
) -> tuple[list[SessionRecord], float, float] | None:
    """The last ``recent_count`` analysed sessions with the attribute, their mean, and the
    median of the sessions before them (at least two)."""
    measured = [s for s in history.analysed if getattr(s.signals, attribute) is not None]
    if len(measured) < recent_count + 2:
        return None
    recent, earlier = measured[-recent_count:], measured[:-recent_count]
    recent_mean = sum(value(s, attribute) for s in recent) / len(recent)
    return recent, recent_mean, median(value(s, attribute) for s in earlier)


def fell_from_usual(
    found: tuple[list[SessionRecord], float, float] | None,
    attribute: str,
    drop: float,
    part: float,
    *,
    relative: bool = False,
) -> bool:
    """Whether the recent sessions of ``found`` (from ``recent_and_baseline``) fell ``drop``
    below the median before on average and each one at least ``part`` of ``drop``; with
    ``relative`` the drop is a share of that median."""
    if found is None:
        return False
    recent, mean_recent, usual = found
    if relative and usual <= 0:
        return False
    scale = usual if relative else 1.0
    if usual - mean_recent < drop * scale:
        return False
    return all(usual - value(s, attribute) >= drop * part * scale for s in recent)


def value(session: SessionRecord, attribute: str) -> float:
    """The session's measured ``attribute`` (call only on sessions where it is not None)."""
    return float(getattr(session.signals, attribute))


def shallow_listening(history: History, now: datetime, phase: Phase) -> Sign | None:
    """The coach's listening went to the surface with this client and stayed there: each of the
    last three analysed sessions below the phase's floor of level-3 turns (hearing what is behind
    the words), and together at most half the coach's usual with this client. A coach who never
    listened at level 3 with this client is not told it fell (each session's listening says so)."""
    floor = DEPTH_FLOOR[phase]
    found = recent_and_baseline(history, "depth", DEPTH_RUN)
    if floor is None or found is None:
        return None
    recent, lately, usual = found
    if usual <= 0 or lately > usual * DEPTH_FALL:
        return None
    if any(value(s, "depth") >= floor for s in recent):
        return None
    return Sign(
        "shallow-listening",
        f"the coach's listening stayed at the surface in the last {count_word(len(recent))} sessions: "
        f"{lately:.0%} of the coach's turns at level 3 against {usual:.0%} before with this "
        f"client (the {phase} phase's floor is {floor:.0%})",
        SHALLOW_LISTENING_WEIGHT,
        tuple(
            session_evidence(s, f"{value(s, 'depth'):.0%} of coach turns at level 3")
            for s in recent
        ),
    )


def question_load(history: History, now: datetime, phase: Phase) -> Sign | None:
    """The coach asks markedly more questions a turn in the last two analysed sessions than
    their usual with this client (the median of at least two sessions before)."""
    found = recent_and_baseline(history, "coach_questions_per_turn")
    if found is None:
        return None
    recent, now_load, usual = found
    if now_load < QUESTION_LOAD_FLOOR or now_load < usual * QUESTION_RISE:
        return None
    return Sign(
        "coach-question-load",
        f"the coach asked {now_load:.1f} questions a turn in the last two sessions against "
        f"{usual:.1f} before",
        QUESTION_LOAD_WEIGHT,
        tuple(
            session_evidence(s, f"{value(s, 'coach_questions_per_turn'):.1f} questions a turn")
            for s in recent
        ),
    )
