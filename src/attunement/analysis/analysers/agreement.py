"""Session agreement and close.

At the start: were the session's aim, how success would be known, why it matters and what to
address agreed, and who put the aim forward (sessions where the client proposes the goal tend to
go better than when the coach does)? At the end: did the close invite learning, next actions and
accountability?

An element counts as agreed when the coach asked about it and the client answered with
substance, or when the client stated it unprompted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, ClassVar

from attunement.analysis.analysers._connection_util import TaggedPattern, lexicon
from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.transcript.model import Role, Turn

LEX = lexicon("agreement.json")
OPENING = ("aim", "measure", "importance", "address")
CLOSING = ("learning", "next_actions", "accountability")
COACH_CUES = TaggedPattern(
    {
        "aim": LEX["aim_question"],
        "measure": LEX["measure_question"],
        "importance": LEX["importance_question"],
        "address": LEX["address_question"],
        "proposes": LEX["coach_proposes"],
        "learning": LEX["close_learning"],
        "next_actions": LEX["close_action"],
        "accountability": LEX["close_accountability"],
    }
)
CLIENT_CUES = TaggedPattern(
    {
        "proposes": LEX["client_proposes"],
        "action": LEX["client_action"],
        "accountability": LEX["client_accountability"],
    }
)
# Client statements that carry an element by themselves.
CLIENT_ELEMENT = {
    "success": "measure",
    "know": "measure",
    "important": "importance",
    "matters": "importance",
}
OPENING_SHARE, OPENING_MIN, OPENING_MAX = 0.25, 8, 60
CLOSING_SHARE, CLOSING_MIN, CLOSING_MAX = 0.2, 6, 40
ANSWER_WORDS = 4  # a client reply this long (or longer) answers the coach's question
AGREES = re.compile(rf"^\W*(?:{'|'.join(LEX['agree'])})\b", re.IGNORECASE)


def opening_span(n: int) -> tuple[int, int]:
    size = min(OPENING_MAX, max(OPENING_MIN, round(n * OPENING_SHARE)))
    return 0, min(n, size) - 1


def closing_span(n: int) -> tuple[int, int]:
    size = min(CLOSING_MAX, max(CLOSING_MIN, round(n * CLOSING_SHARE)))
    return max(0, n - size), n - 1


def answered(ctx: AnalysisContext, index: int, agreeing: bool = False) -> Turn | None:
    """The client's reply to the coach turn at ``index``, if it says something; with
    ``agreeing``, a short yes ("Yes, let's.") to a proposal such as "Shall we start there?"
    answers it too."""
    for turn in ctx.turns[index + 1 : index + 3]:
        if turn.role == Role.CLIENT:
            if ctx.texts[turn.index].word_count >= ANSWER_WORDS:
                return turn
            return turn if agreeing and AGREES.match(turn.text) else None
    return None


def opening_elements(
    ctx: AnalysisContext, span: tuple[int, int]
) -> tuple[dict[str, Any], str | None]:
    """Each opening element with its turns and who raised it, and who proposed the aim."""
    elements: dict[str, dict[str, Any]] = {
        k: {"agreed": False, "turns": [], "raised_by": None, "words": []} for k in OPENING
    }
    proposer: str | None = None
    for turn in ctx.turns[span[0] : span[1] + 1]:
        if turn.role == Role.COACH:
            for tag, words in COACH_CUES.find(turn.text):
                if tag == "proposes" and proposer is None:
                    proposer = "coach"
                elif tag in elements:
                    reply = answered(ctx, turn.index, agreeing=tag == "address")
                    if reply is not None:
                        _agree(elements[tag], "coach", (turn.index, reply.index), words)
                        if tag == "aim" and proposer is None:
                            proposer = (
                                "client"  # the client named the aim in answer to an open question
                            )
        elif turn.role == Role.CLIENT:
            for tag, words in CLIENT_CUES.find(turn.text):
                if tag != "proposes":
                    continue
                proposer = proposer or "client"
                element = next((e for key, e in CLIENT_ELEMENT.items() if key in words), "aim")
                _agree(elements[element], "client", (turn.index,), words)
    return elements, proposer


def _agree(element: dict[str, Any], by: str, turns: tuple[int, ...], words: str) -> None:
    element["agreed"] = True
    element["raised_by"] = element["raised_by"] or by
    element["turns"] = sorted({*element["turns"], *turns})
    if words not in element["words"]:
        element["words"].append(words)


def closing_elements(ctx: AnalysisContext, span: tuple[int, int]) -> dict[str, Any]:
    """Whether the close invited learning, next actions and accountability, and where."""
    elements: dict[str, dict[str, Any]] = {
        k: {"present": False, "turns": [], "words": []} for k in CLOSING
    }
    for turn in ctx.turns[span[0] : span[1] + 1]:
        cues = COACH_CUES if turn.role == Role.COACH else CLIENT_CUES
        for tag, words in cues.find(turn.text):
            key = "next_actions" if tag == "action" else tag
            if key in elements and turn.index not in elements[key]["turns"]:
                elements[key]["present"] = True
                elements[key]["turns"].append(turn.index)
                elements[key]["words"].append(words)
    return elements


class AgreementAnalyser:
    name: ClassVar[str] = "agreement"
    version: ClassVar[str] = "1.1"
    needs: ClassVar[tuple[str, ...]] = ("roles",)
    uses: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("session_agreement",)
    description: ClassVar[str] = (
        "Whether the session's aim, measure of success, importance and focus were agreed early "
        "and who proposed them; whether the close invited learning, next actions and accountability."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        n = len(ctx.turns)
        start, end = opening_span(n), closing_span(n)
        opening, proposer = opening_elements(ctx, start)
        closing = closing_elements(ctx, end)
        metrics = {
            "opening_turns": list(start),
            "closing_turns": list(end),
            "opening": opening,
            "aim_proposed_by": proposer,
            "opening_agreed": sum(1 for e in opening.values() if e["agreed"]),
            "closing": closing,
            "closing_present": sum(1 for e in closing.values() if e["present"]),
        }
        return result(self, metrics=metrics, markers=tuple(agreement_markers(self.name, metrics)))


ELEMENT_WORDS = {
    "aim": "what the session is for",
    "measure": "how success would be known",
    "importance": "why it matters",
    "address": "what to address",
    "learning": "what the client is taking away",
    "next_actions": "next actions",
    "accountability": "how the client will follow through",
}


def agreement_markers(name: str, metrics: dict[str, Any]) -> list[Marker]:
    opening, closing = metrics["opening"], metrics["closing"]
    markers = _element_markers(
        name,
        opening,
        OPENING,
        "agreed",
        ("contracting_agreed", "Agreed early in the session: {}."),
        ("contracting_open", "Not visibly agreed at the start: {}. Was it settled another way?"),
        notable_if_none=True,
    )
    proposer = metrics["aim_proposed_by"]
    if proposer == "client":
        markers.append(
            Marker(
                name,
                "client_set_aim",
                tuple(opening["aim"]["turns"]),
                "The client named the session's aim in their own words.",
                (),
                Layer.STRUCTURE,
                notable=True,
                guide="contracting",
            )
        )
    elif proposer == "coach":
        markers.append(
            Marker(
                name,
                "coach_set_aim",
                (),
                "The coach put the session's aim "
                "forward; inviting the client to name it tends to build ownership.",
                (),
                Layer.STRUCTURE,
                guide="contracting",
            )
        )
    markers += _element_markers(
        name,
        closing,
        CLOSING,
        "present",
        ("close_invites", "The close covered {}."),
        ("close_open", "The close did not visibly cover {}. Was it done another way?"),
    )
    return markers


def _element_markers(
    name: str,
    part: dict[str, Any],
    keys: Sequence[str],
    flag: str,
    seen: tuple[str, str],
    unseen: tuple[str, str],
    notable_if_none: bool = False,
) -> list[Marker]:
    """One marker for the elements of the opening (or close) that were there, with their turns
    and first words, and one naming those that were not."""
    found = [k for k in keys if part[k][flag]]
    missing = [k for k in keys if not part[k][flag]]
    markers = []
    if found:
        code, text = seen
        markers.append(
            Marker(
                name,
                code,
                tuple(sorted({t for k in found for t in part[k]["turns"]})),
                text.format(", ".join(ELEMENT_WORDS[k] for k in found)),
                tuple(w for k in found for w in part[k]["words"])[:6],
                Layer.STRUCTURE,
                guide="contracting",
            )
        )
    if missing:
        code, text = unseen
        markers.append(
            Marker(
                name,
                code,
                (),
                text.format(", ".join(ELEMENT_WORDS[k] for k in missing)),
                (),
                Layer.STRUCTURE,
                notable=notable_if_none and len(missing) == len(keys),
                guide="contracting",
            )
        )
    return markers


@hookimpl
def attunement_analysers() -> list[AgreementAnalyser]:
    return [AgreementAnalyser()]
