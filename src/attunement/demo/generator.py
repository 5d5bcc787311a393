"""A deterministic generator of synthetic coaching sessions, with timings.

A session has a shape: opening and agreement on its aim, exploration, insight, actions and a
close. Each stretch is written in one of two qualities. With good connection the coach asks open
questions, reflects the client's own words back, summarises and checks the relationship; the
client talks at length, brings topics and talks about change. With strained connection the coach
sets the agenda, gives advice in monologues and asks closed, stacked, leading and "why"
questions; the client answers briefly, says "yes, but", doubts the coaching and gets
interrupted. A ``mixed`` session starts well, strains in the middle, and recovers after the
coach names the strain. A ``compliant`` session has the good coach and a client who complies
without engaging: they report doing what was agreed ("yes, I did it"), name no feelings and no
realisations, raise no aim of their own and leave the coach to propose the focus and the next
step.

Everything comes from ``random.Random(seed)``: the same spec always gives the same turns. The
client's world (the other person in their story, who that person is, how the client talks about
experience, the order of the actions they might take) comes from ``world_seed`` instead, so that
a series of sessions with one client keeps the same people; ``part`` (the session's number in
the series) moves the client on to actions not yet talked about.

Within one session nobody says the same line twice (backchannels such as "Mm-hm." aside): each
phrase table is dealt like a deck, a line already said is passed over, and a long session that
has used up a table says a line again only with a different opening ("As I said, ...").
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from attunement.demo.dealer import Dealer, cap, second_person
from attunement.demo.phrases import lines as L
from attunement.demo.phrases import world as W
from attunement.transcript.model import Conversation, Role, Turn

T = TypeVar("T")
QUALITIES = ("good", "strained", "mixed", "compliant")
# Fractions of the session's length at which each stretch should end.
PHASES = (("opening", 0.07), ("exploration", 0.55), ("insight", 0.70), ("actions", 0.95))
# A mixed session strains between these fractions, then the coach repairs it.
MIXED_STRAIN = (0.30, 0.62)


@dataclass(frozen=True, slots=True)
class SessionSpec:
    """What to generate: who, how well it goes, how long, about what."""

    seed: int
    coach: str
    client: str
    quality: str = "good"
    minutes: float = 30.0
    topic: str | None = None  # a key of ``world.TOPICS``; chosen from the world when None
    world_seed: int | None = None  # the client's world; the session's seed when None
    part: int = 0  # the session's place in a series with one client (0 = the first)

    def __post_init__(self) -> None:
        if self.quality not in QUALITIES:
            raise ValueError(f"quality must be one of {QUALITIES}, not {self.quality!r}")


# Details of the client's story that a reflection may only use once the client has said them.
_STORY_SLOTS = ("feeling", "metaphor", "sense", "value", "hope", "setback", "focus")
_ALWAYS = {"client", "coach", "name", "relation", "coach_focus", "article", "when", "task"}


def _needs(template: str) -> set[str]:
    """The story details a template uses ("metaphor_you" needs "metaphor")."""
    fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    bases = {re.sub(r"(_you)?(_cap)?$", "", f) for f in fields}
    return bases - _ALWAYS


TASKS_PER_SESSION = 3


def _tasks_for_part(tasks: list[str], world: random.Random, spec: SessionSpec) -> list[str]:
    """The actions this session can talk about: the client's own order of the topic's actions,
    a few at a time, moving on by two each session so that the next session talks of new ones."""
    world.shuffle(tasks)
    start = 2 * spec.part
    return [tasks[(start + k) % len(tasks)] for k in range(TASKS_PER_SESSION)]


class _Draft:
    """The session being written: turns with times, and what the client has said so far."""

    def __init__(self, spec: SessionSpec) -> None:
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.total = spec.minutes * 60.0
        self.turns: list[list] = []  # [role, text, start, end]
        self.slots: dict[str, str] = {}
        self.rates = {
            Role.COACH: self.rng.uniform(2.6, 3.0),
            Role.CLIENT: self.rng.uniform(2.4, 2.9),
        }
        self.repaired = False
        self.explored = False
        self.said: set[str] = set()
        # The phrase tables' decks, and every line said so far: none is said twice.
        self.dealer = Dealer(self.rng)
        self._set_world()

    # ---- the client's world ----
    def _set_world(self) -> None:
        spec = self.spec
        # The same client keeps the same people, whichever session of theirs this is.
        world = random.Random(f"world:{spec.seed if spec.world_seed is None else spec.world_seed}")
        client_first, coach_first = spec.client.split()[0], spec.coach.split()[0]
        topics = {t.key: t for t in W.TOPICS}
        self.topic = topics[spec.topic] if spec.topic else world.choice(W.TOPICS)
        relation = world.choice(W.relations_for(self.topic.key))
        names = [n for n in W.names_for(relation) if n not in (client_first, coach_first)]
        other = world.choice(names)
        self.sense_system = world.choice(sorted(W.SENSES))
        self.tasks = _tasks_for_part([t.format(name=other) for t in self.topic.tasks], world, spec)
        self.slots.update(client=client_first, coach=coach_first, name=other)
        self.slots["relation"] = relation
        self.slots["relation_cap"] = cap(relation)
        for key in ("focus", "success", "stake"):
            self.set_slot(key, getattr(self.topic, key).format(name=other))
        self.slots["coach_focus"] = self.topic.coach_focus.format(name=other)
        self.slots["article"] = self.topic.article
        self.refresh()

    def set_slot(self, key: str, value: str) -> None:
        self.slots[key] = value
        self.slots[f"{key}_cap"] = cap(value)
        self.slots[f"{key}_you"] = second_person(value)
        self.slots[f"{key}_you_cap"] = cap(second_person(value))

    def refresh(self) -> None:
        """New details for the next stretch of the client's story."""
        rng = self.rng
        self.set_slot("feeling", self.deal(W.FEELINGS))
        self.set_slot("metaphor", self.deal(W.METAPHORS))
        self.slots["metaphor_you"] = "you're " + self.slots["metaphor"]
        self.set_slot("sense", self.deal(W.SENSES[self.sense_system]))
        self.set_slot("value", self.deal(W.VALUES))
        self.set_slot("hope", self.deal(W.HOPES))
        self.set_slot("event", self.deal(self.topic.events))
        self.set_slot("setback", self.deal(self.topic.setbacks).format(name=self.slots["name"]))
        self.set_slot("when", self.deal(W.WHEN))
        self.said = {"focus"}
        # The action committed to is one of the first two of this session's tasks, which no
        # neighbouring session shares, so that each session's commitment is its own.
        first = rng.choice(self.tasks[:2])
        second = rng.choice([task for task in self.tasks if task != first])
        self.set_slot("task", first)
        self.set_slot("task2", second)

    def deal(self, options: tuple[T, ...]) -> T:
        return self.dealer.deal(options)

    def pick(self, options: tuple[str, ...], leads: tuple[str, ...] = L.LEAD_INS) -> str:
        return self.dealer.pick(options, self.slots, leads)

    def pick_pair(self, pairs: tuple[tuple[str, str], ...]) -> tuple[str, str]:
        return self.dealer.pick_pair(pairs, self.slots)

    def pick_said(self, options: tuple[str, ...], fallback: tuple[str, ...]) -> str:
        """A line that only re-uses what the client has actually said in this stretch, and that
        has not been said already."""
        fitting = tuple(o for o in options if _needs(o) <= self.said)
        fresh = tuple(o for o in fitting if self.dealer.is_new(o.format(**self.slots)))
        # Summaries framed the same way ("Here's what I'm hearing …") wait until the others
        # have had their turn.
        unused = tuple(o for o in fresh if o not in self.dealer.used)
        return self.pick(unused or fresh or fitting or fallback)

    def note_said(self, text: str) -> None:
        # A feeling is one word ("proud") that can turn up in other phrases; look for the
        # way the client names it.
        spoken = {key: self.slots[key] for key in _STORY_SLOTS}
        spoken["feeling"] = f"really {self.slots['feeling']}"
        self.said |= {key for key, words in spoken.items() if words in text}

    # ---- time ----
    @property
    def clock(self) -> float:
        return self.turns[-1][3] if self.turns else 0.0

    def quality(self) -> str:
        if self.spec.quality != "mixed":
            return self.spec.quality
        low, high = MIXED_STRAIN
        return "strained" if low * self.total <= self.clock < high * self.total else "good"

    def _gap(self, role: Role) -> float:
        previous = self.turns[-1][1] if self.turns else ""
        if role == Role.CLIENT and previous.endswith("?"):
            # A client given room thinks before answering; a pressed one answers fast.
            if self.quality() == "good":
                return self.rng.uniform(1.2, 3.2) + (self.rng.random() < 0.15) * 2.5
            return self.rng.uniform(0.3, 1.2)
        return self.rng.uniform(0.15, 0.8)

    def say(self, role: Role, text: str, *, interrupt: bool = False) -> None:
        words = len(text.split())
        duration = max(0.45, words / self.rates[role] * self.rng.uniform(0.9, 1.12))
        if self.turns and self.turns[-1][0] == role:
            last = self.turns[-1]
            last[1] += " " + text
            last[3] = round(last[3] + self.rng.uniform(0.2, 0.6) + duration, 3)
            return
        if interrupt and self.turns:
            prev_start, prev_end = self.turns[-1][2], self.turns[-1][3]
            start = max(prev_start + 0.4, prev_end - self.rng.uniform(0.4, 1.4))
        else:
            start = self.clock + self._gap(role)
        start = round(start, 3)
        self.turns.append([role, text, start, round(start + duration, 3)])

    def coach(self, options: tuple[str, ...], **kw: bool) -> None:
        self.say(Role.COACH, self.pick(options), **kw)

    def client(self, options: tuple[str, ...]) -> None:
        self.say(Role.CLIENT, self.pick(options))

    def conversation(self) -> Conversation:
        names = {Role.COACH: self.spec.coach, Role.CLIENT: self.spec.client}
        turns = [
            Turn(index=i, speaker=names[role], text=text, role=role, start=start, end=end)
            for i, (role, text, start, end) in enumerate(self.turns)
        ]
        metadata = {
            "generator": "attunement.demo",
            "seed": self.spec.seed,
            "quality": self.spec.quality,
            "topic": self.topic.key,
        }
        return Conversation(turns=tuple(turns), source="demo", format="demo", metadata=metadata)


Lines = tuple[str, ...]


def _exchanges(d: _Draft, *pairs: tuple[Lines, Lines]) -> None:
    """The coach says a line of the first of each pair, the client answers with one of the second."""
    for coach_lines, client_lines in pairs:
        d.coach(coach_lines)
        d.client(client_lines)


# ---- good connection ----------------------------------------------------------------------


def _client_story(d: _Draft) -> None:
    """A long account from the client, with the coach's small encouragements in between."""
    middles = dict.fromkeys(d.pick(L.CLIENT_STORY_MIDDLE) for _ in range(d.rng.randint(3, 5)))
    sentences = [d.pick(L.CLIENT_STORY_OPEN), *middles]
    sentences.append(d.pick(L.CLIENT_STORY_CLOSE))
    d.note_said(" ".join(sentences))
    cut = 0
    while cut < len(sentences):
        size = d.rng.choice((1, 1, 2))
        d.say(Role.CLIENT, " ".join(sentences[cut : cut + size]))
        cut += size
        if cut < len(sentences):
            d.coach(L.ENCOURAGERS)


def _clarify(d: _Draft) -> None:
    """Quick questions about the story just told, with short answers."""
    for _ in range(d.rng.randint(1, 2)):
        question, answer = d.pick_pair(L.GOOD_CLARIFY)
        d.say(Role.COACH, question)
        d.say(Role.CLIENT, answer)


def _reflect(d: _Draft) -> None:
    d.say(Role.COACH, d.pick_said(L.GOOD_REFLECTION, L.GOOD_PLAIN_REFLECTION))


def _good_story(d: _Draft, first: bool = False) -> None:
    d.refresh()
    d.coach(L.GOOD_FIRST_QUESTION if first else L.GOOD_OPEN_QUESTION)
    _client_story(d)
    if d.rng.random() < 0.7:
        _clarify(d)
    _reflect(d)
    d.client(L.CLIENT_AFTER_REFLECTION)
    if d.rng.random() < 0.5:
        d.coach(L.ENCOURAGERS)
        d.client(L.CLIENT_STORY_MIDDLE)


def _good_sense(d: _Draft) -> None:
    d.coach(W.COACH_SENSE_QUESTIONS[d.sense_system])
    answer = "Hmm. " + cap(d.slots["sense"]) + ". " + d.pick(L.CLIENT_STORY_MIDDLE)
    d.note_said(answer)
    d.say(Role.CLIENT, answer)
    d.coach(L.ENCOURAGERS)
    d.client(L.CLIENT_STORY_CLOSE)


def _good_summary(d: _Draft) -> None:
    d.say(Role.COACH, d.pick_said(L.GOOD_SUMMARY, L.GOOD_PLAIN_REFLECTION))
    d.client(L.CLIENT_AFTER_SUMMARY)


def _good_client_topic(d: _Draft) -> None:
    d.refresh()
    brings, follows = d.pick_pair(L.CLIENT_BRINGS_TOPIC)
    d.say(Role.CLIENT, brings)
    d.say(Role.COACH, follows)
    _client_story(d)
    _reflect(d)
    d.client(L.CLIENT_FILLERS)


def _good_exploration(d: _Draft) -> None:
    if not d.explored:  # exploring starts with the client's own account
        d.explored = True
        _good_story(d, first=True)
        return
    beats = (_good_story, _good_story, _good_story, _good_sense, _good_summary, _good_client_topic)
    d.rng.choice(beats)(d)


def _good_insight(d: _Draft) -> None:
    _exchanges(d, (L.GOOD_INSIGHT_QUESTION, L.CLIENT_INSIGHT), (L.GOOD_AFFIRM, L.CLIENT_FILLERS))


def _good_actions(d: _Draft) -> None:
    d.refresh()
    _exchanges(
        d,
        (L.GOOD_ASK_ACTION, L.CLIENT_OPTIONS),
        (L.GOOD_ASK_CHOICE, L.CLIENT_COMMIT),
        (L.GOOD_ASK_CONFIDENCE, L.CLIENT_CONFIDENCE),
        (L.GOOD_RAISE_CONFIDENCE, L.CLIENT_RAISE),
    )


# ---- strained connection ------------------------------------------------------------------


def _advice_monologue(d: _Draft) -> None:
    advice = list(
        dict.fromkeys(
            d.pick(L.STRAINED_ADVICE, L.ADVICE_LEAD_INS) for _ in range(d.rng.randint(3, 5))
        )
    )
    cut = d.rng.randint(1, max(1, len(advice) - 1))
    d.say(Role.COACH, " ".join(advice[:cut]), interrupt=d.rng.random() < 0.3)
    if d.rng.random() < 0.8:
        # The client's murmur in the middle of the monologue, which the coach talks over.
        d.say(Role.CLIENT, d.rng.choice(("Mm.", "Yeah.", "Right.", "Okay.")))
    d.say(Role.COACH, " ".join(advice[cut:]))


_STRAINED_ANSWERS = (
    (L.STRAINED_CLOSED, L.CLIENT_GUARDED_CLOSED),
    (L.STRAINED_WHY, L.CLIENT_GUARDED_WHY),
    (L.STRAINED_LEADING, L.CLIENT_YES_BUT),
    (L.STRAINED_STACKED, L.CLIENT_GUARDED_STACKED),
)


def _strained_question(d: _Draft) -> None:
    _exchanges(d, d.rng.choice(_STRAINED_ANSWERS))


def _strained_advice(d: _Draft) -> None:
    d.refresh()
    _advice_monologue(d)
    d.client(d.rng.choice((L.CLIENT_YES_BUT, L.CLIENT_GUARDED, L.CLIENT_SUSTAIN)))


def _strained_cut_off(d: _Draft) -> None:
    d.say(Role.CLIENT, d.pick(L.CLIENT_CUT_OFF) + "...")
    _advice_monologue(d)
    d.client(L.CLIENT_GUARDED)


def _strained_doubt(d: _Draft) -> None:
    d.client(L.CLIENT_DOUBT)
    d.coach(L.STRAINED_DOUBT_REPLY, interrupt=True)
    _advice_monologue(d)
    d.client(L.CLIENT_GUARDED)


def _strained_exploration(d: _Draft) -> None:
    beats = (_strained_question,) * 3 + (_strained_advice, _strained_cut_off)
    chosen = d.rng.choice(beats + (_strained_doubt,) * (d.rng.random() < 0.25))
    chosen(d)


def _strained_insight(d: _Draft) -> None:
    d.coach(L.STRAINED_INSIGHT)
    d.client(d.rng.choice((L.CLIENT_GUARDED, L.CLIENT_DOUBT, L.CLIENT_YES_BUT)))


def _strained_actions(d: _Draft) -> None:
    d.refresh()
    _exchanges(d, (L.STRAINED_HOMEWORK, L.CLIENT_GUARDED))
    _strained_question(d)


def _repair(d: _Draft) -> None:
    _exchanges(d, (L.REPAIR_OPEN, L.REPAIR_CLIENT), (L.REPAIR_ACKNOWLEDGE, L.REPAIR_RESUME))
    d.repaired = True


# ---- complying without engaging ----------------------------------------------------------


def _compliant_report(d: _Draft) -> None:
    """The coach opens a topic; the client reports what happened, and a probe for what it
    meant to them gets a flat answer."""
    d.refresh()
    d.coach(L.GOOD_OPEN_QUESTION)
    # A flat report may repeat its sentences, as such reports do, but with no lead-ins.
    report = dict.fromkeys(d.pick(L.CLIENT_REPORT, ()) for _ in range(d.rng.randint(4, 6)))
    d.say(Role.CLIENT, " ".join(report))
    _exchanges(d, (L.COMPLIANT_PROBE, L.CLIENT_FLAT), (L.COMPLIANT_REFLECTION, L.CLIENT_FILLERS))


def _compliant_insight(d: _Draft) -> None:
    _exchanges(d, (L.GOOD_INSIGHT_QUESTION, L.CLIENT_NO_INSIGHT), (L.ENCOURAGERS, L.CLIENT_FILLERS))


def _compliant_actions(d: _Draft) -> None:
    d.refresh()
    _exchanges(
        d,
        (L.GOOD_ASK_ACTION, L.CLIENT_ASKS_COACH),
        (L.COACH_OFFERS_STEP, L.CLIENT_ACCEPTS),
        (L.GOOD_ASK_CONFIDENCE, L.CLIENT_SURE),
    )


# ---- the session's shape ------------------------------------------------------------------

_STRETCHES: dict[str, dict[str, Callable[[_Draft], None]]] = {
    "exploration": {
        "good": _good_exploration,
        "strained": _strained_exploration,
        "compliant": _compliant_report,
    },
    "insight": {
        "good": _good_insight,
        "strained": _strained_insight,
        "compliant": _compliant_insight,
    },
    "actions": {
        "good": _good_actions,
        "strained": _strained_actions,
        "compliant": _compliant_actions,
    },
}


def _opening(d: _Draft) -> None:
    _exchanges(d, *L.OPENINGS[d.quality()])


def _close(d: _Draft) -> None:
    _exchanges(d, *L.CLOSES[d.quality()])
    d.say(Role.COACH, d.rng.choice(("Bye now.", "Take care. Bye.", "Bye.")))


def _run_stretch(d: _Draft, name: str, until: float) -> None:
    first = True
    while d.clock < until * d.total:
        quality = d.quality()
        strain_over = d.spec.quality == "mixed" and d.clock >= MIXED_STRAIN[0] * d.total
        if quality == "good" and strain_over and not d.repaired:
            _repair(d)
            continue
        # A long stretch returns to exploring between its own beats, as real sessions do.
        stretch = name if first or d.rng.random() < 0.3 else "exploration"
        _STRETCHES[stretch][quality](d)
        first = False


def generate_session(spec: SessionSpec) -> Conversation:
    """The session ``spec`` describes: the same spec always gives the same conversation."""
    draft = _Draft(spec)
    _opening(draft)
    for name, until in PHASES[1:]:
        _run_stretch(draft, name, until)
    _close(draft)
    return draft.conversation()
