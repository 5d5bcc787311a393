"""The engagements ``attune simulate`` replays: the demo histories of the issue's four kinds,
with every held session measured from a generated transcript (``attune simulate``'s default).

Without transcripts (``--fast``) each held session carries the signals ``histories.engagement``
drew for it. With ``transcripts=True`` the session is written by the demo generator in the
quality those signals describe (good, mixed, strained or compliant, with the client's turns cut
short when the history has them saying less) and the signals are measured from it by the
analysers the rules read, through ``signals_from`` as the web app measures an uploaded
transcript, so the simulation exercises the analysers end to end. Check-ins and commitments
come from the history either way and move with the rupture (lower check-ins while a client
withdraws; polite perfect ones and actions never reflected on while a client complies).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from statistics import median

from attunement.analysis.pipeline import analyse
from attunement.demo.clients import COACH
from attunement.demo.generator import SessionSpec, generate_session
from attunement.demo.histories import FIRST_ONSET, SIMULATED_KINDS, engagement
from attunement.relationship.history import History, SessionRecord, SessionSignals
from attunement.relationship.signals import signals_from
from attunement.relationship.simulate import Engagement
from attunement.transcript.model import Conversation, Role, Turn

# The issue's kinds: a client who withdraws from session 6, one who complies without engaging,
# one who is simply busy and reschedules once (healthy, must not be flagged), and a healthy one.
ISSUE_KINDS = ("healthy", "withdrawing", "compliant", "busy_but_fine")
ALL_KINDS = SIMULATED_KINDS
LABELS = {
    "healthy": "healthy",
    "withdrawing": "withdrawing",
    "compliant": "complying",
    "busy_but_fine": "busy",
    "surface": "surface talk",
    "reluctant": "reluctant",
    "coach_overloaded": "coach overloaded",
    "checkin_drop": "check-in drop",
}
WITHDRAWAL_ONSET = 5  # 0-based: the sixth planned session
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
MIN_SESSIONS = WITHDRAWAL_ONSET + 3  # onset plus two sessions to be flagged in
CLIENTS = ("Sam Carter", "Ana Ruiz", "Lee Park", "Noor Haddad", "Ines Weber")
TRANSCRIPT_MINUTES = 10  # long enough for every stretch of a session, quick to analyse
# The analysers behind the signals the rules read (listening gives the depth that
# shallow-listening reads); the web app runs them all.
SIGNAL_ANALYSERS = ("talk", "openness", "agreement", "questions", "listening")
# The generator writes good, mixed (a strained middle, then a repair), strained and compliant
# sessions. A client who goes quiet is written by cutting the client's turns of a good session
# down to their first sentences (see ``quieter``), as far as the history has their words per
# turn fall. So a withdrawing client keeps a good coach and simply says less, an off day of a
# healthy client is a little quieter, and only a coach who takes over the session (the client's
# share 30 points or more below their usual) gets a strained one. A session whose aim the
# history has the coach propose is written as a compliant one: the client reports doing what
# was agreed, names no feelings or realisations and goes along with the coach's aim.
STRAINED_DROP = 0.30
MIXED_RESISTANCE = 4  # a reluctant client's session (3-6 signs); healthy ones rarely reach it
QUIETER_BELOW = 0.9  # words per turn under 90% of the client's usual: cut their turns
SENTENCE = re.compile(r"[^.!?]+[.!?]*\s*")


def split(count: int, kinds: Sequence[str]) -> dict[str, int]:
    """``count`` engagements shared as evenly as possible between ``kinds``."""
    share, rest = divmod(count, len(kinds))
    return {kind: share + (i < rest) for i, kind in enumerate(kinds)}


def engagements(
    count: int,
    *,
    seed: int,
    sessions: int = 12,
    kinds: Sequence[str] = ISSUE_KINDS,
    transcripts: bool = False,
) -> Iterator[Engagement]:
    """``count`` engagements of ``kinds``, built one at a time as the simulator asks."""
    for kind, number in split(count, kinds).items():
        for n in range(number):
            yield one(kind, seed=seed * 100_000 + n, sessions=sessions, transcripts=transcripts)


def one(kind: str, *, seed: int, sessions: int, transcripts: bool) -> Engagement:
    onset = WITHDRAWAL_ONSET if kind == "withdrawing" else None
    history, at = engagement(kind, seed=seed, sessions=sessions, start=START, onset=onset)
    if transcripts:
        history = with_transcripts(history, seed=seed)
    return Engagement(kind, history, at)


def usual(history: History, attribute: str, default: float) -> float:
    """The client's usual value of a signal: its median in the first sessions, before any
    rupture can begin."""
    values = [
        value
        for s in history.held[:FIRST_ONSET]
        if s.signals is not None and (value := getattr(s.signals, attribute)) is not None
    ]
    return float(median(values)) if values else default


def quality_for(signals: SessionSignals, usual_share: float) -> str:
    """How the coach's side of the session should read, from what the history says about it."""
    share = signals.client_share if signals.client_share is not None else usual_share
    if share <= usual_share - STRAINED_DROP:
        return "strained"
    if (signals.resistance or 0) >= MIXED_RESISTANCE:
        return "mixed"
    if signals.client_proposed_goals is False:
        return "compliant"
    return "good"


def quieter(conversation: Conversation, keep: float) -> Conversation:
    """The session with the client's turns cut to their first sentences so that about ``keep``
    of the client's words remain: a client who answers but says less.

    A one-sentence turn stays whole, so the longer turns give up more; the cut carries what it
    owes from turn to turn, so the whole session, not each turn rounded on its own, keeps
    ``keep`` of the words: the client's words per turn fall as far as the history says, down to
    about 60% of their usual, below which only one-sentence turns are left.
    """
    turns, said, kept = [], 0, 0
    for turn in conversation.turns:
        if turn.role == Role.CLIENT:
            said += len(turn.text.split())
            turn = _cut(turn, keep * said - kept)
            kept += len(turn.text.split())
        turns.append(turn)
    return replace(conversation, turns=tuple(turns))


def _cut(turn: Turn, budget: float) -> Turn:
    """The turn cut to the first sentences whose words come closest to ``budget`` (at least one)."""
    sentences = SENTENCE.findall(turn.text)
    if len(sentences) < 2:
        return turn
    counts = [len(" ".join(sentences[:k]).split()) for k in range(1, len(sentences) + 1)]
    kept = 1 + min(range(len(counts)), key=lambda k: abs(counts[k] - budget))
    text = "".join(sentences[:kept]).strip()
    end = turn.end
    if turn.start is not None and turn.end is not None:
        end = round(turn.start + (turn.end - turn.start) * len(text) / len(turn.text), 3)
    return replace(turn, text=text, end=end)


def with_transcripts(history: History, *, seed: int) -> History:
    """The history with each held session's signals measured from a generated transcript."""
    share = usual(history, "client_share", 0.65)
    words = usual(history, "client_words_per_turn", 42.0)
    client = CLIENTS[seed % len(CLIENTS)]
    sessions = tuple(
        _measured(
            record,
            SessionSpec(seed * 100 + i, COACH, client, "good", TRANSCRIPT_MINUTES),
            share,
            words,
        )
        for i, record in enumerate(history.sessions)
    )
    return replace(history, sessions=sessions)


def _measured(
    record: SessionRecord, spec: SessionSpec, share: float, words: float
) -> SessionRecord:
    signals = record.signals
    if signals is None:
        return record
    conversation = generate_session(replace(spec, quality=quality_for(signals, share)))
    ratio = (signals.client_words_per_turn or words) / words
    if ratio < QUIETER_BELOW:
        conversation = quieter(conversation, ratio)
    analysis = analyse(conversation, only=SIGNAL_ANALYSERS)
    return replace(record, signals=signals_from(analysis, conversation))
