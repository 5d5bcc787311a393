"""What the finer distinctions of the coach's turns (``_support_reading``) show over a session.

The labels themselves never change (the ESConv mapping reads them); this module only counts them
and picks out the few moments a coach may want to look at again:

- the reflections of a session that seldom or never name a feeling: following the client's
  emotional flow, not only their story, is part of focused listening;
- reassurance given straight after the client named a hard feeling, before the feeling was
  reflected or acknowledged: holding what is heavy before moving to make it better;
- the coach checking they had understood, which hands the client the chance to correct them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from attunement.analysis.analysers._connection_util import share
from attunement.analysis.analysers._moves_rules import TurnMoves, excerpt, plain
from attunement.analysis.analysers._support_reading import (
    CHECK,
    SUPPORT_KINDS,
    cues_in,
    lexicon,
    names_feeling,
)
from attunement.analysis.analysers.questions import is_question
from attunement.analysis.base import AnalysisContext
from attunement.analysis.model import Layer, Marker
from attunement.analysis.text import words
from attunement.transcript.model import Role

ANALYSER = "moves"
# Turns that lean on giving the client's words back; a reflection tucked into advice or the
# coach's own story is not counted as one.
REFLECTING = ("reflection", "summary")
# A check such as ", right?" after advice or a story presses a view rather than checks one.
NOT_CHECKING = ("advice", "information", "self_disclosure", "judging", "challenge")
# The focus marker needs enough reflections to speak of a habit, and fires when fewer than this
# share of them name a feeling (the bundled good sessions sit at 29-44%).
MIN_REFLECTIONS = 5
FEW_FEELINGS = 0.2
EXAMPLES = 3
# Feeling words that are pleasant or only say that there is a feeling: the rest of the feelings
# lexicon names something hard ("overwhelmed", "stuck", "ashamed").
NOT_HARD = frozenset(
    {"happy", "excited", "relieved", "proud", "emotion", "emotions", "emotional"}
    | {"feel", "feels", "feeling", "feelings", "felt"}
    # Words that name a feeling only sometimes: "a blue car", "a torn ligament".
    | {"blue", "torn"}
)
# A sentence read as a reflection only because it speaks to the client ("you…") may be telling
# them what to do ("I want you to…", "You've got to…"): it is not counted as a reflection here.
_DIRECTIVE = re.compile(
    r"^(?:\w+, )*(?:i want you to|i'd|i would|if i were you|you(?:'ve| have)? got to|"
    r"you (?:have|need|ought) to|you should|you must|stop|just|try)\b"
)
# A check tagged onto what the coach wants ("You should call him, right?") presses a view
# rather than checks one.
_PRESSES = re.compile(r"\b(?:should|must|ought to|have to|need to|got to|i'd|agree)\b")
# A reassurance that tells the client not to have the feeling does not hear it, even when it
# repeats the word ("don't worry").
_TOLD_NOT_TO = re.compile(r"\b(?:don't|do not|dont|try not to|no need to)\b")


@dataclass(frozen=True, slots=True)
class EarlyReassurance:
    """A client turn naming a hard feeling, and the coach's reply that reassured first."""

    client: int
    coach: int
    feeling: str  # the client's sentence that names the feeling
    reassurance: str  # the coach's reassuring sentence


def hard_feelings(sentence: str) -> set[str]:
    """The hard feeling words a sentence names ("I feel so overwhelmed" -> {"overwhelmed"})."""
    return set(words(plain(sentence))) & (lexicon().feelings - NOT_HARD)


def reflecting_turns(
    calls: Mapping[int, TurnMoves], labels: Mapping[int, Mapping[str, Any]]
) -> list[int]:
    """Turns that lean on a reflection or summary, have a focus, and stay with the client: no
    hint of a suggestion, none of the coach's own life, and more than a directive."""
    return sorted(
        i
        for i, row in labels.items()
        if row["main"] in REFLECTING
        and row["reflection_focus"]
        and not row["suggestion_hint"]
        # "Have I got that right?" reads as the coach's own life too; a check is not.
        and not (row["speaks_of_self"] and not row["checks_understanding"])
        and not all(_DIRECTIVE.match(plain(s)) for s in calls[i].reflected)
    )


def checking_turns(ctx: AnalysisContext, labels: Mapping[int, Mapping[str, Any]]) -> list[int]:
    """Turns where the coach checks they understood, unless advice or a view leads the turn or
    the check is tagged onto what the coach wants."""
    return sorted(
        i
        for i, row in labels.items()
        if row["checks_understanding"]
        and row["main"] not in NOT_CHECKING
        and check_sentence(ctx.texts[i].sentences) is not None
    )


def check_sentence(sentences: Sequence[str]) -> str | None:
    """The first sentence that checks the coach's understanding without pressing a view."""
    return next(
        (s for s in sentences if CHECK in cues_in([s]) and not _PRESSES.search(plain(s))), None
    )


@dataclass(frozen=True, slots=True)
class SessionNuance:
    """The session's turns each finding and count reads, found once for all of them."""

    reflecting: list[int]  # ``reflecting_turns``
    checking: list[int]  # ``checking_turns``
    early: list[EarlyReassurance]  # ``early_reassurances``


def session_nuance(
    ctx: AnalysisContext, calls: Mapping[int, TurnMoves], labels: Mapping[int, Mapping[str, Any]]
) -> SessionNuance:
    return SessionNuance(
        reflecting_turns(calls, labels),
        checking_turns(ctx, labels),
        early_reassurances(ctx, labels),
    )


def nuance_metrics(labels: Mapping[int, Mapping[str, Any]], found: SessionNuance) -> dict[str, Any]:
    """JSON-ready counts of the finer distinctions across the session's coach turns."""
    reflecting = found.reflecting
    focus = Counter(labels[i]["reflection_focus"] for i in reflecting)
    support = Counter(kind for row in labels.values() for kind in row["support"])
    return {
        "reflection_focus": {"feeling": focus["feeling"], "content": focus["content"]},
        "feeling_reflection_share": share(focus["feeling"], len(reflecting)),
        "signposted_reflections": sum(labels[i]["reflection_signposted"] for i in reflecting),
        "checks_understanding": len(found.checking),
        "support": {kind: support[kind] for kind in SUPPORT_KINDS},
        "suggestion_hints": sum(bool(row["suggestion_hint"]) for row in labels.values()),
        "speaks_of_self": sum(bool(row["speaks_of_self"]) for row in labels.values()),
        "reassured_before_heard": len(found.early),
    }


def early_reassurances(
    ctx: AnalysisContext, labels: Mapping[int, Mapping[str, Any]]
) -> list[EarlyReassurance]:
    """Coach turns that reassure straight after a client turn naming a hard feeling, before
    anything in the reply reflects a feeling or acknowledges how hard it is."""
    found = []
    for index in sorted(labels):
        before = index - 1
        if "reassurance" not in labels[index]["support"] or before < 0:
            continue
        if ctx.turns[before].role != Role.CLIENT:
            continue
        feeling = next((s for s in ctx.texts[before].sentences if hard_feelings(s)), None)
        if feeling is None:
            continue
        said = _reassured_first(ctx.texts[index].sentences, hard_feelings(feeling))
        if said is not None:
            found.append(EarlyReassurance(before, index, feeling, said))
    return found


def _reassured_first(sentences: Sequence[str], client_feelings: set[str]) -> str | None:
    """The reassuring sentence, when no sentence before it (nor the sentence itself, by
    taking up the client's feeling word) heard the feeling; ``None`` otherwise."""
    for sentence in sentences:
        found = cues_in([sentence])
        if "reassurance" in found and not is_question(sentence):
            echoed = client_feelings & set(words(plain(sentence)))
            return None if echoed and not _TOLD_NOT_TO.search(plain(sentence)) else sentence
        if "empathy" in found or names_feeling([sentence]):
            return None
    return None


def nuance_markers(
    ctx: AnalysisContext,
    calls: Mapping[int, TurnMoves],
    labels: Mapping[int, Mapping[str, Any]],
    found: SessionNuance,
) -> list[Marker]:
    """The few moments the finer distinctions point to (see the module docstring)."""
    markers = [reassurance_marker(moment) for moment in found.early]
    for marker in (
        focus_marker(ctx, calls, labels, found.reflecting),
        checking_marker(ctx, found.checking),
    ):
        if marker is not None:
            markers.append(marker)
    return markers


def reassurance_marker(moment: EarlyReassurance) -> Marker:
    return Marker(
        analyser=ANALYSER,
        kind="reassured_before_heard",
        turns=(moment.client, moment.coach),
        note=(
            "The client had just put a hard feeling into words, and the reply went to "
            "reassurance before the feeling was reflected or acknowledged. What might have "
            "changed if it had been heard first?"
        ),
        evidence=(excerpt(moment.feeling), excerpt(moment.reassurance)),
        layer=Layer.RAPPORT,
        notable=True,
        guide="presence-attunement",
    )


def focus_marker(
    ctx: AnalysisContext,
    calls: Mapping[int, TurnMoves],
    labels: Mapping[int, Mapping[str, Any]],
    reflecting: Sequence[int],
) -> Marker | None:
    """A session whose reflections (``reflecting_turns``) seldom or never name a feeling."""
    content = [i for i in reflecting if labels[i]["reflection_focus"] == "content"]
    named = len(reflecting) - len(content)
    if len(reflecting) < MIN_REFLECTIONS or named >= FEW_FEELINGS * len(reflecting):
        return None
    opening, rest = ("None", "they") if not named else (str(named), "the others")
    note = (
        f"{opening} of the {len(reflecting)} reflections in this session named a feeling; "
        f"{rest} gave back what happened or what it meant."
        + _client_feelings(ctx)
        + " Where might naming how it felt have let the client feel more fully heard?"
    )
    # Reflections that open as one ("It sounds like…") make the clearest examples.
    examples = sorted(content, key=lambda i: not labels[i]["reflection_signposted"])
    return Marker(
        analyser=ANALYSER,
        kind="feelings_not_reflected",
        turns=tuple(content),
        note=note,
        evidence=tuple(excerpt(calls[i].reflected[0]) for i in examples[:EXAMPLES]),
        layer=Layer.LISTENING_INQUIRY,
        notable=not named,
        guide="listening-levels",
    )


def _client_feelings(ctx: AnalysisContext) -> str:
    """' The client named feelings of their own (…).' when they did, else ''."""
    found: dict[str, None] = {}
    for turn, text in zip(ctx.turns, ctx.texts, strict=True):
        if turn.role == Role.CLIENT:
            for sentence in text.sentences:
                found.update(dict.fromkeys(sorted(hard_feelings(sentence))))
    if not found:
        return ""
    named = ", ".join(f"“{word}”" for word in list(found)[:EXAMPLES])
    return f" The client named feelings of their own ({named})."


def checking_marker(ctx: AnalysisContext, turns: Sequence[int]) -> Marker | None:
    """The coach checking they had understood (``checking_turns``): the client gets the chance
    to correct them."""
    if not turns:
        return None
    times = "once" if len(turns) == 1 else f"in {len(turns)} turns"
    evidence = [check_sentence(ctx.texts[i].sentences) or "" for i in turns]
    return Marker(
        analyser=ANALYSER,
        kind="checks_understanding",
        turns=tuple(turns),
        note=(
            f"The coach checked they had understood ({times}), which leaves the client room "
            "to correct the picture. What did the client add or change in reply?"
        ),
        evidence=tuple(excerpt(s) for s in evidence if s)[:EXAMPLES],
        layer=Layer.LISTENING_INQUIRY,
        guide="listening-levels",
    )
