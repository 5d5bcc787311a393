"""The web demo's clients: a strong, a steady and a strained relationship, with transcripts,
and a teammate's two clients (a strong and a strained one) for the practice's own pages.

Each client's history comes from ``histories.engagement``; each held session gets a generated
transcript whose quality follows what the history says about that session, so the session pages
and the client's trend tell the same story. ``attune demo`` loads these through
``attunement.practice.demo_load``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from attunement.demo.generator import SessionSpec, generate_session
from attunement.demo.histories import engagement
from attunement.relationship.history import History, SessionRecord
from attunement.transcript.model import Conversation

COACH = "Joanna Reyes"
TRANSCRIPT_MINUTES = 20  # long enough to show the shape, short enough to load in seconds


@dataclass
class DemoSession:
    when: datetime
    status: str = "held"
    by: str | None = None
    minutes: int = 60
    conversation: Conversation | None = None
    transcript: str | None = None
    filename: str = "session.json"


@dataclass
class DemoClient:
    name: str
    kind: str
    goals: str
    cadence_days: int
    history: History
    onset: int | None
    sessions: list[DemoSession] = field(default_factory=list)
    communication_style: str = ""
    notes: str = ""
    agreements: dict[str, str] = field(default_factory=dict)


# (name, kind, topic, goals, cadence, sessions, communication style, seed)
Row = tuple[str, str, str, str, int, int, str, int]
CLIENTS: tuple[Row, ...] = (
    ("Maya Lindqvist", "strong", "confidence",
     "Be heard in the leadership meetings and go for the director role", 14, 10,
     "direct; likes to think aloud", 11),
    ("Tom Byrne", "steady", "career-change",
     "Decide, step by step, whether to retrain as a teacher", 14, 8,
     "reflective; needs time before answering", 12),
    ("Daniel Okafor", "strained", "delegation",
     "Hand over work and stop being the team's bottleneck", 10, 10,
     "brief; prefers concrete next steps", 13),
)  # fmt: skip

# A second coach in the same practice, so the practice overview has two coaches to compare.
# Fewer and shorter sessions than the first coach's keep the demo quick to load.
TEAMMATE = "Alex Moreau"
TEAMMATE_MINUTES = 8
TEAMMATE_CLIENTS: tuple[Row, ...] = (
    ("Ines Carvalho", "strong", "return",
     "Come back from parental leave on terms that work for the family", 14, 6,
     "warm; thinks in stories", 21),
    ("Victor Lang", "strained", "overload",
     "Say no to work that is not his, without losing the team's goodwill", 10, 7,
     "guarded; answers briefly at first", 22),
)  # fmt: skip

AGREEMENTS = {
    "logistics": "Sessions by video, 60 minutes; cancellations at least 24 hours ahead.",
    "relationship": "We say when something is not working, either of us, as soon as we notice.",
    "working": "The client sets the agenda; the coach asks before offering ideas.",
}


def _quality(record: SessionRecord) -> str:
    """How the transcript should read, from what the history says about the session."""
    signals = record.signals
    if signals is None or signals.client_share is None:
        return "good"
    if signals.client_share < 0.45:
        return "strained"
    if signals.client_share < 0.55 or (signals.openness or 0) < 0.2:
        return "mixed"
    return "good"


def _session(record: SessionRecord, spec: SessionSpec, number: int) -> DemoSession:
    by = str(record.by) if record.by else None
    if not record.held:
        return DemoSession(record.when, status=str(record.status), by=by)
    conversation = generate_session(spec)
    return DemoSession(
        record.when, conversation=conversation, filename=f"session-{number:02d}.json"
    )


def demo_clients(now: datetime | None = None) -> list[DemoClient]:
    """The demo coach's three clients, their last session about a week before ``now``."""
    return _clients(CLIENTS, COACH, TRANSCRIPT_MINUTES, now or datetime.now(UTC))


def teammate_clients(now: datetime | None = None) -> list[DemoClient]:
    """The teammate's two clients, built the same way with shorter transcripts."""
    return _clients(TEAMMATE_CLIENTS, TEAMMATE, TEAMMATE_MINUTES, now or datetime.now(UTC))


def _clients(rows: tuple[Row, ...], coach: str, minutes: int, now: datetime) -> list[DemoClient]:
    clients = []
    for name, kind, topic, goals, cadence, count, style, seed in rows:
        start = now - timedelta(days=cadence * (count - 1) + 8)
        history, onset = engagement(
            kind, seed=seed, sessions=count, start=start, cadence_days=cadence
        )
        client = DemoClient(name, kind, goals, cadence, history, onset, communication_style=style)
        client.agreements = dict(AGREEMENTS)
        for number, record in enumerate(history.sessions, 1):
            # One world per client (world_seed): the same people in every session of theirs.
            spec = SessionSpec(
                seed * 100 + number,
                coach,
                name,
                _quality(record),
                minutes,
                topic,
                world_seed=seed,
                part=number - 1,
            )
            client.sessions.append(_session(record, spec, number))
        clients.append(client)
    return clients
