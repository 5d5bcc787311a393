"""Synthetic engagement histories with known ruptures, for the web demo and the simulator.

``engagement(kind, seed=..., sessions=..., start=...)`` returns a ``History`` and the index of
the session where the rupture began (``None`` for a healthy engagement). Every kind of rupture
shows up in the measures some rule of ``attunement.relationship.rules`` reads:

- ``withdrawing``: the client's share of talk and words per turn fall, a session is missed;
- ``surface``: openness falls below the phase's floor;
- ``reluctant``: several resistance signs every session;
- ``compliant``: actions done but never reflected on, polite perfect check-ins, less openness,
  and the coach, not the client, proposing what each session is for;
- ``coach_overloaded``: the coach talks more and asks more, forgets promises, over-predicts;
- ``checkin_drop``: the client's check-in falls sharply after a session.

Healthy kinds (``healthy``, ``busy_but_fine``, and the web demo's ``strong`` and ``steady``)
carry real noise: off days, the odd reschedule, a lukewarm check-in, so that a false alarm is
possible and the simulator's false-alarm rate means something. Everything comes from the seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from attunement.relationship.history import (
    CHECKIN_ITEMS,
    CheckIn,
    Commitment,
    History,
    Party,
    SessionRecord,
    SessionSignals,
    Status,
)

RUPTURES = ("withdrawing", "surface", "reluctant", "compliant", "coach_overloaded", "checkin_drop")
HEALTHY = ("healthy", "busy_but_fine")
SIMULATED_KINDS = ("healthy", *RUPTURES, "busy_but_fine")
WEB_KINDS = ("strong", "steady", "strained")
KINDS = SIMULATED_KINDS + WEB_KINDS
FIRST_ONSET = 4  # ruptures begin once the engagement has a baseline (the deepening phase)
OFF_DAY = 0.07  # chance that a healthy session is simply a flat one


@dataclass(slots=True)
class _Client:
    """One client's usual way of being in sessions, drawn once per engagement."""

    share: float
    words: float
    openness: float
    resistance: float
    questions: float
    item_means: dict[str, float]
    reschedule_rate: float
    reflects: float  # chance of reflecting on a completed action


@dataclass(slots=True)
class _Session:
    """What happened at one scheduled session, before it becomes records."""

    index: int
    when: datetime
    status: Status = Status.HELD
    by: Party | None = None
    late: bool = False
    share: float = 0.0
    words: float = 0.0
    openness: float = 0.0
    resistance: int = 0
    questions: float = 0.0
    checkin_shift: float = 0.0  # added to every check-in item
    perfect: bool = False  # a polite 10 on every item
    overpredict: int = 0
    action_reflected: bool = True
    coach_keeps_promise: bool = True
    answers_checkin: bool = True
    coach_sets_aim: bool = False  # the client goes along with the coach's aim for the session
    extra: dict[str, float] = field(default_factory=dict)


def _client(rng: random.Random, kind: str) -> _Client:
    strong = kind == "strong"
    base_item = rng.uniform(8.7, 9.3) if strong else rng.uniform(8.0, 9.0)
    return _Client(
        share=min(0.8, rng.gauss(0.7 if strong else 0.65, 0.04)),
        words=rng.gauss(48.0 if strong else 42.0, 6.0),
        openness=rng.uniform(0.26, 0.34),
        resistance=rng.uniform(0.2, 0.7),
        questions=rng.uniform(0.7, 1.0),
        item_means={item: min(9.6, base_item + rng.gauss(0, 0.3)) for item in CHECKIN_ITEMS},
        reschedule_rate=0.01 if strong else rng.uniform(0.02, 0.06),
        reflects=rng.uniform(0.85, 0.97),
    )


def _ordinary(rng: random.Random, client: _Client, index: int, when: datetime) -> _Session:
    """A session of a healthy engagement: the client's usual self with everyday noise."""
    growth = min(index, 10) * 0.02  # openness deepens as the relationship does
    off = rng.random() < OFF_DAY
    s = _Session(index=index, when=when)
    s.share = rng.gauss(client.share - 0.08 * off, 0.035)
    s.words = max(5.0, rng.gauss(client.words * (0.75 if off else 1.0), client.words * 0.08))
    s.openness = rng.gauss(client.openness + growth - 0.1 * off, 0.05)
    s.resistance = _poisson(rng, client.resistance + 0.8 * off)
    s.questions = rng.gauss(client.questions, 0.08)
    s.checkin_shift = -0.5 * off + rng.gauss(0, 0.2)
    s.overpredict = round(rng.gauss(0.5, 1.5))
    s.action_reflected = rng.random() < client.reflects
    s.coach_keeps_promise = rng.random() < 0.99
    s.answers_checkin = rng.random() < 0.85
    if rng.random() < client.reschedule_rate:
        s.status, s.by = Status.RESCHEDULED, Party.CLIENT
    return s


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw by counting exponential gaps (fine for the small means used here)."""
    count, total = 0, rng.expovariate(1.0)
    while total < mean:
        count += 1
        total += rng.expovariate(1.0)
    return count


# ---- what each rupture does to a session ---------------------------------------------------


def _withdrawing(rng: random.Random, s: _Session, step: int, c: _Client) -> None:
    strength = 0.6 if step == 0 else 1.0
    s.share -= strength * rng.uniform(0.18, 0.26)
    s.words *= 1 - strength * rng.uniform(0.4, 0.55)
    s.openness -= strength * 0.12
    s.checkin_shift -= strength * rng.uniform(0.4, 1.0)
    if step == 1 and rng.random() < 0.6:
        s.status, s.by = rng.choice((Status.NO_SHOW, Status.RESCHEDULED)), Party.CLIENT


def _surface(rng: random.Random, s: _Session, step: int, c: _Client) -> None:
    s.openness = rng.uniform(0.06, 0.17)
    s.words *= rng.uniform(0.8, 0.95)


def _reluctant(rng: random.Random, s: _Session, step: int, c: _Client) -> None:
    s.resistance = rng.randint(3, 6)
    s.openness -= 0.06
    s.checkin_shift -= rng.uniform(0.2, 0.8)


def _compliant(rng: random.Random, s: _Session, step: int, c: _Client) -> None:
    s.action_reflected = False
    s.perfect = rng.random() < 0.7
    s.openness = min(s.openness, rng.uniform(0.12, 0.26))
    s.share -= rng.uniform(0.0, 0.08)
    s.coach_sets_aim = True


def _coach_overloaded(rng: random.Random, s: _Session, step: int, c: _Client) -> None:
    s.share = rng.uniform(0.26, 0.36)
    s.questions *= rng.uniform(1.5, 2.0)
    s.coach_keeps_promise = rng.random() < 0.3
    s.overpredict = rng.randint(5, 9)


def _checkin_drop(rng: random.Random, s: _Session, step: int, c: _Client) -> None:
    s.checkin_shift -= rng.uniform(2.0, 3.2) if step < 3 else rng.uniform(1.0, 2.0)
    s.answers_checkin = True
    s.openness -= 0.04


def _strained(rng: random.Random, s: _Session, step: int, c: _Client) -> None:
    """The web demo's strained client: withdrawing, rating the sessions lower, cancelling late."""
    _withdrawing(rng, s, step, c)
    s.checkin_shift -= rng.uniform(1.8, 2.6)
    if step == 2:
        s.status, s.by, s.late = Status.CANCELLED, Party.CLIENT, True


RUPTURE_EFFECTS = {
    "withdrawing": _withdrawing,
    "surface": _surface,
    "reluctant": _reluctant,
    "compliant": _compliant,
    "coach_overloaded": _coach_overloaded,
    "checkin_drop": _checkin_drop,
    "strained": _strained,
}


# ---- from sessions to records --------------------------------------------------------------


def _schedule(rng: random.Random, start: datetime, count: int, cadence: int) -> list[datetime]:
    """Session times on the agreed rhythm, give or take a day, during working hours."""
    times = []
    for i in range(count):
        day = start + timedelta(days=cadence * i + rng.choice((0, 0, 0, -1, 1)))
        times.append(day.replace(hour=rng.choice((9, 10, 11, 14, 15, 16)), minute=0, second=0))
    return times


def _signals(s: _Session) -> SessionSignals:
    share = min(0.9, max(0.05, s.share))
    return SessionSignals(
        client_share=round(share, 3),
        client_words_per_turn=round(max(3.0, s.words), 1),
        openness=round(min(1.0, max(0.0, s.openness)), 3),
        insight_rate=round(min(1.0, max(0.0, s.openness * 0.6)), 3),
        reporting_rate=round(min(1.0, max(0.0, 0.7 - s.openness)), 3),
        resistance=s.resistance,
        depth=round(min(1.0, max(0.0, 0.1 + s.openness * 0.6)), 3),
        client_proposed_goals=s.openness > 0.2 and not s.coach_sets_aim,
        coach_questions_per_turn=round(max(0.1, s.questions), 2),
    )


def _checkin(rng: random.Random, s: _Session, client: _Client, ref: str) -> CheckIn:
    if s.perfect:
        scores = dict.fromkeys(CHECKIN_ITEMS, 10)
    else:
        scores = {
            item: max(0, min(10, round(mean + s.checkin_shift + rng.gauss(0, 0.3))))
            for item, mean in client.item_means.items()
        }
    predicted = {item: max(0, min(10, scores[item] + round(s.overpredict / 4))) for item in scores}
    when = s.when + timedelta(hours=rng.uniform(2, 20))
    return CheckIn(when=when, scores=scores, predicted=predicted, ref=f"{ref}-checkin")


def _commitments(rng: random.Random, s: _Session, nxt: datetime, ref: str) -> list[Commitment]:
    """The client's action from this session and, now and then, a promise of the coach."""
    done = nxt - timedelta(days=rng.uniform(1, 5))
    found = [
        Commitment(
            Party.CLIENT,
            rng.choice(_CLIENT_ACTIONS),
            due=nxt,
            done_at=done if rng.random() < 0.85 else None,
            reflected=s.action_reflected,
            ref=f"{ref}-action",
        )
    ]
    if rng.random() < 0.5:
        due = s.when + timedelta(days=rng.choice((3, 5, 7)))
        kept = due - timedelta(days=rng.uniform(0, 2)) if s.coach_keeps_promise else None
        found.append(
            Commitment(Party.COACH, rng.choice(_COACH_PROMISES), due, kept, ref=f"{ref}-promise")
        )
    return found


_CLIENT_ACTIONS = (
    "Book the conversation with the team lead",
    "Block two afternoons without meetings",
    "Write down three examples before the review",
    "Ask a colleague for honest feedback",
    "Try one evening a week with the phone off",
)
_COACH_PROMISES = (
    "Send the article on difficult conversations",
    "Share the values exercise",
    "Email the notes from today",
    "Find a reading on delegation",
)


def _records(
    rng: random.Random, client: _Client, plan: list[_Session], cadence: int, kind: str, seed: int
) -> tuple[History, list[int]]:
    """The history, and where each planned session landed among its records (a rescheduled
    session is held a few days later, so it takes two records)."""
    sessions: list[SessionRecord] = []
    checkins: list[CheckIn] = []
    commitments: list[Commitment] = []
    positions: list[int] = []
    for s in plan:
        ref = f"{kind}-{seed}-s{s.index + 1:02d}"
        positions.append(len(sessions))
        sessions.append(SessionRecord(s.when, s.status, s.by, s.late, None, ref))
        if s.status == Status.RESCHEDULED:
            s.when += timedelta(days=rng.randint(2, 5))
            ref += "b"
            sessions.append(SessionRecord(s.when, ref=ref))
        elif s.status != Status.HELD:
            continue
        sessions[-1] = SessionRecord(s.when, signals=_signals(s), ref=ref)
        if s.answers_checkin:
            checkins.append(_checkin(rng, s, client, ref))
        commitments += _commitments(rng, s, s.when + timedelta(days=cadence), ref)
    history = History(
        started=plan[0].when - timedelta(days=7),
        cadence_days=cadence,
        sessions=tuple(sessions),
        checkins=tuple(sorted(checkins, key=lambda c: c.when)),
        commitments=tuple(commitments),
    )
    return history, positions


def _onset(rng: random.Random, kind: str, sessions: int) -> int | None:
    if kind not in RUPTURE_EFFECTS:
        return None
    last = max(FIRST_ONSET, sessions - 3)
    return rng.randint(FIRST_ONSET, last) if kind != "strained" else max(FIRST_ONSET, sessions - 4)


def _busy(rng: random.Random, plan: list[_Session]) -> None:
    """Life gets in the way once: one reschedule by the client, and now and then a second
    change (by the coach, or early notice) that is still ordinary."""
    held = [s for s in plan[1:] if s.status == Status.HELD]
    if held:
        moved = rng.choice(held)
        moved.status, moved.by = Status.RESCHEDULED, Party.CLIENT
    if rng.random() < 0.3 and len(held) > 2:
        other = rng.choice([s for s in held if s.status == Status.HELD])
        other.status, other.by = Status.CANCELLED, rng.choice((Party.COACH, Party.CLIENT))


def _steady(rng: random.Random, plan: list[_Session]) -> None:
    """A good relationship going through a busy patch: the last two sessions each moved by the
    client, and the latest check-in a few points lower."""
    for s in plan[-2:]:
        s.status, s.by = Status.RESCHEDULED, Party.CLIENT
    plan[-1].checkin_shift -= 1.6
    plan[-1].answers_checkin = plan[-2].answers_checkin = True


def engagement(
    kind: str,
    *,
    seed: int,
    sessions: int = 12,
    start: datetime,
    cadence_days: int = 14,
    onset: int | None = None,
) -> tuple[History, int | None]:
    """A synthetic engagement of ``kind`` (one of ``KINDS``) and where its rupture began.

    ``onset`` fixes the planned session (0-based) where a rupture begins; drawn when None.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown engagement kind {kind!r}; choose one of {', '.join(KINDS)}")
    if sessions < FIRST_ONSET + 2:
        raise ValueError(f"an engagement needs at least {FIRST_ONSET + 2} sessions")
    rng = random.Random(f"{kind}:{seed}")
    client = _client(rng, kind)
    if kind == "busy_but_fine":
        client.reschedule_rate = 0.0  # the one reschedule is placed by _busy
    times = _schedule(rng, start, sessions, cadence_days)
    plan = [_ordinary(rng, client, i, when) for i, when in enumerate(times)]
    drawn = _onset(rng, kind, sessions)  # drawn even when fixed, so the rest of the seed holds
    onset = drawn if onset is None or drawn is None else onset
    if onset is not None:
        for s in plan[onset:]:
            s.status, s.by = Status.HELD, None  # the rupture's own pattern decides attendance
            RUPTURE_EFFECTS[kind](rng, s, s.index - onset, client)
    if kind == "busy_but_fine":
        _busy(rng, plan)
    if kind == "steady":
        _steady(rng, plan)
    history, positions = _records(rng, client, plan, cadence_days, kind, seed)
    return history, None if onset is None else positions[onset]


def engagements(
    count_per_kind: int, *, seed: int, start: datetime, sessions: int = 12
) -> list[tuple[str, History, int | None]]:
    """``count_per_kind`` engagements of every simulated kind, for ``attune simulate``."""
    return [
        (kind, *engagement(kind, seed=seed * 100_000 + n, sessions=sessions, start=start))
        for kind in SIMULATED_KINDS
        for n in range(count_per_kind)
    ]
