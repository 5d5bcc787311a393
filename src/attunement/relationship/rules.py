"""The warning signs of the framework as named rules.

Each rule states its threshold and where the threshold comes from (``docs/health-rules.md``
lists them all). Thresholds were set from the framework's descriptions and then checked with
``attune simulate`` for detection delay and false alarms; they are constants here so that a
change is one visible edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from statistics import median

from attunement.relationship.history import (
    Commitment,
    History,
    Party,
    SessionRecord,
    Status,
)
from attunement.relationship.phase import Phase
from attunement.relationship.signs import (
    Evidence,
    Rule,
    Sign,
    checkin_evidence,
    count_word,
    session_evidence,
)
from attunement.relationship.trends import (
    CHECKIN_DECLINE,
    CHECKIN_DECLINE_WEIGHT,
    CHECKIN_TREND_RUN,
    COACH_QUESTION_RISE,
    DEPTH_FALL,
    DEPTH_FLOOR,
    DEPTH_RUN,
    QUESTION_LOAD_FLOOR,
    QUESTION_LOAD_WEIGHT,
    QUESTION_RISE,
    SHALLOW_LISTENING_WEIGHT,
    checkin_decline,
    fell_from_usual,
    question_load,
    recent_and_baseline,
    shallow_listening,
    value,
)

MISSED_WINDOW_DAYS = 30
MISSED_THRESHOLD = 2
CADENCE_GAP_FACTOR = 2.0
SHARE_DROP = 0.12  # absolute fall in the client's share of words
WORDS_DROP = 0.25  # relative fall in the client's words per turn
# Withdrawal is a pattern across sessions: each recent session must have fallen at least this
# part of the drop, so one very quiet session beside an ordinary one (an off day) is not read
# as a client withdrawing (docs/health-rules.md has the figures).
EACH_SESSION_PART = 0.5
OPENNESS_FLOOR = {Phase.INITIAL: 0.10, Phase.DEEPENING: 0.22, Phase.MATURE: 0.28}
RESISTANCE_PER_SESSION = 3
COACH_SHARE_CEILING = 0.60
COACH_RISE = 0.08  # above the coach's own usual share with this client
# One session in which the coach spoke three quarters of the words was taken over by the coach,
# and needs no second one (see the withdrawal rule, which no longer reads one such session).
COACH_SESSION_CEILING = 0.75
COMPLIANCE_WINDOW_DAYS = 45
COMPLIANCE_SESSIONS = 2  # analysed sessions in a row with the coach's aim and no reflection
LOW_CHECKIN_TOTAL = 28
LOW_CHECKIN_ITEM = 4
# The check-in items as a reason reads them ("low on working on what they wanted"); the stored
# keys are identifiers, not words a coach should see.
CHECKIN_ITEM_WORDS = {
    "heard_respected": "feeling heard and respected",
    "worked_on_wanted": "working on what they wanted",
    "approach_fits": "the way of working suiting them",
    "overall": "the session being worth their time",
}
CHECKIN_DROP = 5
CHECKIN_USUAL = 3  # earlier check-ins whose median stands for the client's usual
PERFECT_RUN = 3
PROMISE_GRACE_DAYS = 2
PREDICTION_GAP = 6


def _count_phrase(count: int, noun: str) -> str:
    return f"{count_word(count)} {noun}{'' if count == 1 else 's'}"


def _client_absences(history: History, now: datetime) -> list[SessionRecord]:
    since = now - timedelta(days=MISSED_WINDOW_DAYS)
    return [
        s
        for s in history.sessions
        if s.when >= since
        and s.by == Party.CLIENT
        and (
            s.status in (Status.NO_SHOW, Status.RESCHEDULED)
            or (s.status == Status.CANCELLED and s.late_notice)
        )
    ]


def missed_sessions(history: History, now: datetime, phase: Phase) -> Sign | None:
    absences = _client_absences(history, now)
    if len(absences) < MISSED_THRESHOLD:
        return None
    kinds: dict[str, int] = {}
    for s in absences:
        label = {
            "no_show": "no-show",
            "rescheduled": "reschedule",
            "cancelled": "late cancellation",
        }[s.status]
        kinds[label] = kinds.get(label, 0) + 1
    parts = [_count_phrase(n, label) for label, n in kinds.items()]
    return Sign(
        "missed-sessions",
        f"{' and '.join(parts)} by the client in the last month",
        20 if len(absences) == MISSED_THRESHOLD else 30,
        tuple(session_evidence(s, f"{s.status.replace('_', ' ')} by the client") for s in absences),
    )


def cadence_gap(history: History, now: datetime, phase: Phase) -> Sign | None:
    held = history.held
    last = held[-1].when if held else history.started
    allowed = timedelta(days=history.cadence_days * CADENCE_GAP_FACTOR)
    gap = now - last
    if gap <= allowed:
        return None
    evidence = (session_evidence(held[-1], "last session held"),) if held else ()
    return Sign(
        "cadence-gap",
        f"no session held for {gap.days} days against an agreed rhythm of every {history.cadence_days}",
        10,
        evidence,
    )


def _falls(history: History, recent_count: int) -> tuple[list[str], list[SessionRecord]]:
    """What fell in the last ``recent_count`` analysed sessions against the median before."""
    share = recent_and_baseline(history, "client_share", recent_count)
    words = recent_and_baseline(history, "client_words_per_turn", recent_count)
    reasons: list[str] = []
    recent: list[SessionRecord] = []
    if share and fell_from_usual(share, "client_share", SHARE_DROP, EACH_SESSION_PART):
        reasons.append(f"client's share of talk down from {share[2]:.0%} to {share[1]:.0%}")
        recent = share[0]
    if words and fell_from_usual(
        words, "client_words_per_turn", WORDS_DROP, EACH_SESSION_PART, relative=True
    ):
        reasons.append(
            f"client's turns shorter: {words[2]:.0f} words on average before, {words[1]:.0f} lately"
        )
        recent = recent or words[0]
    return reasons, recent


def _missed_before(history: History, now: datetime, session: SessionRecord) -> list[SessionRecord]:
    """No-shows and late cancellations by the client in the last month, before ``session``
    (a reschedule is left out: moving a session is what busy clients do)."""
    return [
        s
        for s in _client_absences(history, now)
        if s.status != Status.RESCHEDULED and s.when < session.when
    ]


def withdrawal(history: History, now: datetime, phase: Phase) -> Sign | None:
    reasons, recent = _falls(history, 2)
    span = f"over the last {len(recent)} sessions"
    missed: list[SessionRecord] = []
    if not reasons:
        # A missed session and a clearly quieter one since are two signs of one withdrawal:
        # the quieter session counts alone, without waiting for a second.
        reasons, recent = _falls(history, 1)
        missed = _missed_before(history, now, recent[0]) if recent else []
        if not missed:
            return None
        span = f"in the session after {_count_phrase(len(missed), 'missed session')}"
    evidence = tuple(session_evidence(s, f"client spoke {_value_text(s)}") for s in recent)
    evidence += tuple(session_evidence(s, "missed by the client") for s in missed)
    return Sign("withdrawal", f"{'; '.join(reasons)} {span}", 25, evidence)


def _value_text(session: SessionRecord) -> str:
    signals = session.signals
    if signals is None or signals.client_share is None:
        return "(not measured)"
    return f"{signals.client_share:.0%} of the words"


def surface_talk(history: History, now: datetime, phase: Phase) -> Sign | None:
    measured = [s for s in history.analysed if s.signals and s.signals.openness is not None]
    if len(measured) < 2:
        return None
    floor = OPENNESS_FLOOR[phase]
    recent = measured[-2:]
    if not all(value(s, "openness") < floor for s in recent):
        return None
    return Sign(
        "surface-talk",
        f"little self-disclosure or reflection in the last two sessions (openness below {floor:.0%} for the {phase} phase)",
        15,
        tuple(session_evidence(s, f"openness {value(s, 'openness'):.0%}") for s in recent),
    )


def reluctance(history: History, now: datetime, phase: Phase) -> Sign | None:
    measured = [s for s in history.analysed if s.signals and s.signals.resistance is not None]
    recent = measured[-2:]
    if len(recent) < 2 or not all(value(s, "resistance") >= RESISTANCE_PER_SESSION for s in recent):
        return None
    return Sign(
        "reluctance",
        "the client pushed back or deflected repeatedly in each of the last two sessions",
        15,
        tuple(
            session_evidence(s, f"{int(value(s, 'resistance'))} resistance signs") for s in recent
        ),
    )


def _client_actions_done(history: History, now: datetime) -> list[Commitment]:
    since = now - timedelta(days=COMPLIANCE_WINDOW_DAYS)
    return [
        c
        for c in history.commitments
        if c.owner == Party.CLIENT and c.done_at is not None and c.done_at >= since
    ]


def _going_along(session: SessionRecord) -> bool:
    """The coach proposed the session's aim and the client reflected no more than they
    reported: doing the work without taking it up as their own."""
    signals = session.signals
    if signals is None or signals.client_proposed_goals is not False:
        return False
    insight, reporting = signals.insight_rate, signals.reporting_rate
    return insight is not None and reporting is not None and insight <= reporting


def _sessions_going_along(history: History, phase: Phase) -> list[SessionRecord]:
    """The last analysed sessions, when every one of them reads as going along (never in the
    initial phase, where the coach often frames the work while the client finds their feet)."""
    known = [
        s for s in history.analysed if s.signals and s.signals.client_proposed_goals is not None
    ]
    recent = known[-COMPLIANCE_SESSIONS:]
    if phase == Phase.INITIAL or len(recent) < COMPLIANCE_SESSIONS:
        return []
    return recent if all(_going_along(s) for s in recent) else []


def compliance_without_engagement(history: History, now: datetime, phase: Phase) -> Sign | None:
    done = _client_actions_done(history, now)
    if not done:
        return None
    unreflected = len(done) >= 2 and not any(c.reflected for c in done)
    sessions = _sessions_going_along(history, phase)
    if not unreflected and not sessions:
        return None
    parts = []
    if unreflected:
        parts.append(
            f"the client completed {_count_phrase(len(done), 'action')} without talking about what they learned from them"
        )
    if sessions:
        parts.append(
            f"the coach proposed the aim of the last {_count_phrase(len(sessions), 'session')} and the client reported rather than reflected"
        )
    evidence = [Evidence("commitment", c.ref, c.done_at, c.text) for c in done]
    evidence += [
        session_evidence(s, "aim proposed by the coach; reporting, no reflection") for s in sessions
    ]
    return Sign("compliance-without-engagement", "; ".join(parts), 20, tuple(evidence))


def _coach_took_over(
    history: History, recent_count: int, ceiling: float
) -> tuple[list[SessionRecord], float, float] | None:
    """The last ``recent_count`` sessions, the coach's share in them and before, when the coach
    spoke at least ``ceiling`` of the words and clearly more than their usual with this client."""
    share = recent_and_baseline(history, "client_share", recent_count)
    if share is None:
        return None
    recent, recent_client, baseline_client = share
    coach_now, coach_before = 1 - recent_client, 1 - baseline_client
    if coach_now < ceiling or coach_now < coach_before + COACH_RISE:
        return None
    return recent, coach_now, coach_before


def coach_working_harder(history: History, now: datetime, phase: Phase) -> Sign | None:
    found = _coach_took_over(history, 2, COACH_SHARE_CEILING) or _coach_took_over(
        history, 1, COACH_SESSION_CEILING
    )
    if found is None:
        return None
    recent, coach_now, coach_before = found
    questions = recent_and_baseline(history, "coach_questions_per_turn", len(recent))
    extra = ""
    if questions and questions[1] > questions[2] * COACH_QUESTION_RISE:
        extra = f", asking {questions[1]:.1f} questions a turn against {questions[2]:.1f} before"
    when = "lately" if len(recent) > 1 else "in the latest session"
    return Sign(
        "coach-working-harder",
        f"the coach spoke {coach_now:.0%} of the words {when} against {coach_before:.0%} before{extra}",
        15,
        tuple(
            session_evidence(s, f"coach spoke {1 - value(s, 'client_share'):.0%}") for s in recent
        ),
    )


def low_checkin(history: History, now: datetime, phase: Phase) -> Sign | None:
    if not history.checkins:
        return None
    latest = history.checkins[-1]
    low_items = [item for item, score in latest.scores.items() if score <= LOW_CHECKIN_ITEM]
    if latest.total >= LOW_CHECKIN_TOTAL and not low_items:
        return None
    what = f"last check-in {latest.total}/40"
    if low_items:
        words = (CHECKIN_ITEM_WORDS.get(item, item.replace("_", " ")) for item in low_items)
        what += f", low on {', '.join(words)}"
    return Sign("low-checkin", what, 20, (checkin_evidence(latest, what),))


def checkin_drop(history: History, now: datetime, phase: Phase) -> Sign | None:
    """A fall from the last check-in that is also a fall from the client's usual: one unusually
    high answer followed by an ordinary one is noise, not a drop."""
    if len(history.checkins) < 2:
        return None
    before, latest = history.checkins[-2], history.checkins[-1]
    usual = median(c.total for c in history.checkins[-1 - CHECKIN_USUAL : -1])
    fall = before.total - latest.total
    if fall < CHECKIN_DROP or usual - latest.total < CHECKIN_DROP:
        return None
    return Sign(
        "checkin-drop",
        f"last check-in {latest.total}/40, down {fall} from the one before",
        15,
        (
            checkin_evidence(before, f"{before.total}/40"),
            checkin_evidence(latest, f"{latest.total}/40"),
        ),
    )


def perfect_checkins(history: History, now: datetime, phase: Phase) -> Sign | None:
    run = history.checkins[-PERFECT_RUN:]
    if len(run) < PERFECT_RUN or any(c.total < 40 for c in run):
        return None
    return Sign(
        "perfect-checkins",
        f"the last {len(run)} check-ins were all perfect: worth inviting more candid feedback",
        5,
        tuple(checkin_evidence(c, "40/40") for c in run),
    )


def coach_promises_overdue(history: History, now: datetime, phase: Phase) -> Sign | None:
    grace = timedelta(days=PROMISE_GRACE_DAYS)
    late = [
        c
        for c in history.commitments
        if c.owner == Party.COACH
        and c.done_at is None
        and c.due is not None
        and c.due + grace < now
    ]
    if not late:
        return None
    return Sign(
        "coach-promises-overdue",
        f"{_count_phrase(len(late), 'promise')} of the coach overdue",
        10,
        tuple(Evidence("commitment", c.ref, c.due, c.text) for c in late),
    )


def prediction_gap(history: History, now: datetime, phase: Phase) -> Sign | None:
    latest = history.checkins[-1] if history.checkins else None
    if latest is None or latest.predicted_total is None:
        return None
    gap = latest.predicted_total - latest.total
    if gap < PREDICTION_GAP:
        return None
    return Sign(
        "prediction-gap",
        f"the coach expected {latest.predicted_total}/40 and the client answered {latest.total}/40",
        5,
        (checkin_evidence(latest, f"predicted {latest.predicted_total}, answered {latest.total}"),),
    )


SOURCE_SEED = "the framework's connection warning signs"

RULES: tuple[Rule, ...] = (
    Rule("missed-sessions", "Missed or moved sessions",
         f"{MISSED_THRESHOLD}+ no-shows, reschedules or late cancellations by the client in {MISSED_WINDOW_DAYS} days",
         f"{SOURCE_SEED}: missed sessions or frequent rescheduling; one alone is ordinary life", 20, missed_sessions),
    Rule("cadence-gap", "Gap against the agreed rhythm",
         f"no session held for more than {CADENCE_GAP_FACTOR:g}x the agreed cadence",
         "the logistics agreement: session frequency", 10, cadence_gap),
    Rule("withdrawal", "Client withdrawing",
         f"client's share of words down {SHARE_DROP * 100:.0f} percentage points, or words per turn down {WORDS_DROP:.0%}, over the last 2 analysed sessions against the median before, "
         f"each of the two at least {EACH_SESSION_PART:.0%} of that fall; "
         "or in the latest analysed session alone when the client missed a session (no-show or late cancellation) in the month before it",
         f"{SOURCE_SEED}: decreased engagement or participation, and missed sessions, both signs of a client withdrawing; a withdrawal shows in every session, not one off day beside an ordinary one; two signs together need one session, not two", 25, withdrawal),
    Rule("surface-talk", "Surface-level conversation",
         "openness below the phase's floor in the last 2 analysed sessions: "
         + ", ".join(f"{p} {v:.0%}" for p, v in OPENNESS_FLOOR.items()),
         f"{SOURCE_SEED}: surface-level conversations without depth; early sessions are allowed less depth", 15, surface_talk),
    Rule("reluctance", "Reluctance to explore",
         f"{RESISTANCE_PER_SESSION}+ resistance signs in each of the last 2 analysed sessions",
         f"{SOURCE_SEED}: reluctance to explore important topics", 15, reluctance),
    Rule("compliance-without-engagement", "Compliance without engagement",
         f"a client action completed in {COMPLIANCE_WINDOW_DAYS} days, and either 2+ completed and none reflected on, "
         f"or the coach proposed the aim of the last {COMPLIANCE_SESSIONS} analysed sessions and the client reflected no more than they reported (not in the initial phase)",
         f"{SOURCE_SEED}: client compliance without genuine engagement; in a deepening relationship the client reflects rather than only recounting events", 20, compliance_without_engagement),
    Rule("coach-working-harder", "Coach working harder than the client",
         f"coach's share of words at least {COACH_SHARE_CEILING:.0%} over the last 2 analysed sessions, or at least {COACH_SESSION_CEILING:.0%} in the latest alone, "
         f"and {COACH_RISE * 100:.0f} percentage points above the median before",
         f"{SOURCE_SEED}: a sense of working harder than the client; a session in which the coach spoke three quarters of the words was taken over on its own", 15, coach_working_harder),
    Rule("low-checkin", "Low check-in",
         f"latest check-in below {LOW_CHECKIN_TOTAL}/40 or any item at {LOW_CHECKIN_ITEM} or less",
         "the client's own rating of the relationship", 20, low_checkin),
    Rule("checkin-drop", "Check-in dropped",
         f"latest check-in {CHECKIN_DROP}+ points below the one before and below the median of the {CHECKIN_USUAL} before it",
         "session-by-session calibration; the median keeps one unusually high answer from making an ordinary one look like a drop", 15, checkin_drop),
    Rule("perfect-checkins", "Always-perfect check-ins",
         f"the last {PERFECT_RUN} check-ins all 40/40",
         "candour: ratings that never vary may be politeness rather than feedback", 5, perfect_checkins),
    Rule("coach-promises-overdue", "Coach's promises overdue",
         f"a promise of the coach more than {PROMISE_GRACE_DAYS} days past its due date",
         "trust behaviours: consistency, following through on commitments", 10, coach_promises_overdue),
    Rule("prediction-gap", "Coach over-estimates the session",
         f"coach's predicted check-in {PREDICTION_GAP}+ points above the client's answer",
         "session calibration: the gap between how the coach and the client saw the session", 5, prediction_gap),
    Rule("checkin-decline", "Check-ins sliding",
         f"the last {CHECKIN_TREND_RUN} check-ins each no higher than the one before and the last {CHECKIN_DECLINE}+ points below the first (silent while checkin-drop is open)",
         "the trend of the client's own ratings: steps too small for checkin-drop that add up to one", CHECKIN_DECLINE_WEIGHT, checkin_decline,
         quiet_while="checkin-drop"),  # a slide that ends in a drop is told by checkin-drop
    Rule("shallow-listening", "Listening stays at the surface",
         f"share of the coach's turns at listening level 3 below the phase's floor in each of the last {DEPTH_RUN} analysed sessions "
         f"and on average at most {DEPTH_FALL:.0%} of the median before with this client; floors: "
         + ", ".join(f"{p} {'no floor' if v is None else f'{v:.0%}'}" for p, v in DEPTH_FLOOR.items()),
         f"{SOURCE_SEED}: surface-level conversations without depth; the levels of listening, where level 2 is the ground of a good session and level 3 comes and goes, so the sign asks for a change with this client; early sessions are allowed less depth", SHALLOW_LISTENING_WEIGHT, shallow_listening),
    Rule("coach-question-load", "Coach's question load rising",
         f"coach's questions per turn over the last 2 analysed sessions at least {QUESTION_RISE:g}x the median before and at least {QUESTION_LOAD_FLOOR:g} (silent while coach-working-harder is open)",
         f"{SOURCE_SEED}: a sense of working harder than the client, here as a rising question load on its own", QUESTION_LOAD_WEIGHT, question_load,
         quiet_while="coach-working-harder"),  # which already names a rising question load
)  # fmt: skip


# ---- a reminder beside the rules, not one of them ----------------------------------------------
# Raising something in a relationship check-in is the candour the framework asks for, so it
# never lowers the band (it is not in RULES, weight 0); what matters is that the coach takes it
# up. The wait: the next held session is the natural moment, two weeks the outer limit.
CONCERN_WAIT_DAYS = 14
CONCERN_THRESHOLD = (
    "the client wrote under “anything to talk about” in a relationship check-in, and it is not "
    f"marked discussed after a session held since, or after {CONCERN_WAIT_DAYS} days"
)


def concern_not_discussed(
    raised: Sequence[tuple[datetime, str]], held: Sequence[datetime], now: datetime
) -> Sign | None:
    """The client's concerns (answer time, check-in ref) still waiting, oldest first, or None.

    ``raised`` holds only concerns the coach has not marked discussed; ``held`` the times of
    held sessions.
    """
    wait = timedelta(days=CONCERN_WAIT_DAYS)
    waiting = sorted(
        (when, ref)
        for when, ref in raised
        if when <= now and (now - when >= wait or any(when < h <= now for h in held))
    )
    if not waiting:
        return None
    days = (now - waiting[0][0]).days
    ago = f"{_count_phrase(days, 'day')} ago" if days else "today"
    sentence = (
        f"the client asked to talk about something {ago}; not yet marked discussed"
        if len(waiting) == 1
        else f"{len(waiting)} things the client asked to talk about are not yet marked discussed"
    )
    evidence = tuple(
        Evidence("checkin", ref, when, "not marked discussed") for when, ref in waiting
    )
    return Sign("concern-not-discussed", sentence, 0, evidence)
