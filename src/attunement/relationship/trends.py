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
from attunement.relationship.signs import Sign, checkin_evidence, session_evidence

CHECKIN_TREND_RUN = 4  # check-ins in a row, none higher than the one before
CHECKIN_DECLINE = 6  # points lost from the first of the run to the last
# Share of the coach's turns at listening level 3 below which a session stays at the surface.
# None: the initial phase is allowed to stay there while the client finds their feet.
DEPTH_FLOOR: dict[Phase, float | None] = {
    Phase.INITIAL: None,
    Phase.DEEPENING: 0.03,
    Phase.MATURE: 0.05,
}
# All three are informational for now (weight 0: shown among the reasons, never lowering the
# value or band). On simulated engagements each one raised the false alarms and caught no
# rupture the other rules missed; shallow listening flagged most healthy engagements, because
# the generated coach seldom listens at level 3 even when all is well. Tuning the thresholds to
# the simulator's seeds would say nothing about real coaches (docs/health-rules.md).
CHECKIN_DECLINE_WEIGHT = 0
SHALLOW_LISTENING_WEIGHT = 0
QUESTION_LOAD_WEIGHT = 0
QUESTION_RISE = 1.3  # coach's questions per turn against the median of the sessions before
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


def value(session: SessionRecord, attribute: str) -> float:
    """The session's measured ``attribute`` (call only on sessions where it is not None)."""
    return float(getattr(session.signals, attribute))


def shallow_listening(history: History, now: datetime, phase: Phase) -> Sign | None:
    """The coach's listening stayed at the surface in the last two analysed sessions: few turns
    at level 3 (hearing what is behind the words), judged against the phase's floor."""
    floor = DEPTH_FLOOR[phase]
    recent = [s for s in history.analysed if s.signals and s.signals.depth is not None][-2:]
    if floor is None or len(recent) < 2:
        return None
    if not all(value(s, "depth") < floor for s in recent):
        return None
    return Sign(
        "shallow-listening",
        f"the coach's listening stayed at the surface in the last two sessions (fewer than {floor:.0%} "
        f"of the coach's turns at level 3 for the {phase} phase)",
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
