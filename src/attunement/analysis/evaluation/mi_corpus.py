"""Read AnnoMI (simple or full CSV) into labelled conversations.

The simple CSV has one row per utterance; the full CSV one row per utterance *per annotator*,
so there each label is the majority of the annotators' codes (ties go to the code seen first)
and the open/closed question and simple/complex reflection subtypes are scored as well.
Therapist turns become coach turns, client turns client turns, in utterance order.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from attunement.analysis.evaluation.tasks import DatasetError, LabelledConversation
from attunement.transcript.model import Conversation, Role, Turn

REQUIRED = (
    "transcript_id",
    "utterance_id",
    "interlocutor",
    "utterance_text",
    "main_therapist_behaviour",
    "client_talk_type",
)
FULL_ONLY = ("annotator_id", "question_exists", "question_subtype")
SIMPLE_TASKS = ("therapist_behaviour", "client_talk_type")
FULL_TASKS = ("therapist_behaviour", "question_subtype", "reflection_subtype", "client_talk_type")
ROLES = {"therapist": Role.COACH, "client": Role.CLIENT}
MISSING = {"", "n/a", "na", "none"}

Row = dict[str, str]


def read_annomi(path: Path) -> tuple[list[LabelledConversation], tuple[str, ...]]:
    """The labelled conversations of an AnnoMI CSV and the tasks it can score."""
    rows, columns = _read_rows(path)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise DatasetError(
            f"{path.name} is not an AnnoMI CSV: it has no {', '.join(missing)} column",
            "pass annomi-dev-simple.csv or annomi-dev-full.csv",
        )
    full = all(c in columns for c in FULL_ONLY)
    grouped = _group_utterances(rows, path)
    conversations = [_conversation(tid, utterances, full) for tid, utterances in grouped.items()]
    return conversations, FULL_TASKS if full else SIMPLE_TASKS


def _read_rows(path: Path) -> tuple[list[Row], list[str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            columns = [c.strip() for c in reader.fieldnames or []]
    except FileNotFoundError:
        raise DatasetError(f"There is no file {path}", "check the path") from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise DatasetError(
            f"{path.name} could not be read as a UTF-8 CSV ({error.__class__.__name__})",
            "pass the AnnoMI CSV itself, not a spreadsheet or archive",
        ) from None
    if not rows:
        raise DatasetError(f"{path.name} has no rows", "pass a non-empty AnnoMI CSV")
    return [{k.strip(): (v or "").strip() for k, v in r.items() if k} for r in rows], columns


def _group_utterances(rows: list[Row], path: Path) -> dict[str, dict[int, list[Row]]]:
    """transcript -> utterance number -> its rows (one per annotator), in file order."""
    grouped: dict[str, dict[int, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for line, row in enumerate(rows, start=2):
        try:
            number = int(row["utterance_id"])
        except ValueError:
            raise DatasetError(
                f"Line {line} of {path.name} has utterance_id {row['utterance_id']!r}, "
                "not a whole number",
                "pass an unedited AnnoMI CSV",
            ) from None
        grouped[row["transcript_id"]][number].append(row)
    return grouped


def majority(codes: Sequence[str]) -> str | None:
    """The most frequent real code (ties: the first seen); None when nobody coded it."""
    real = [c for c in codes if c.lower() not in MISSING]
    return Counter(real).most_common(1)[0][0] if real else None


def _says_yes(rows: list[Row], column: str) -> bool:
    votes = [r.get(column, "").lower() for r in rows]
    yes = votes.count("true")
    return yes > 0 and yes * 2 >= yes + votes.count("false")


def _turns_and_gold(
    utterances: dict[int, list[Row]], full: bool
) -> Iterator[tuple[Turn, dict[str, str]]]:
    for index, number in enumerate(sorted(utterances)):
        rows = utterances[number]
        first = rows[0]
        role = ROLES.get(first["interlocutor"].lower(), Role.OTHER)
        turn = Turn(index, first["interlocutor"] or "unknown", first["utterance_text"], role)
        yield turn, _gold(rows, role, full)


def _gold(rows: list[Row], role: Role, full: bool) -> dict[str, str]:
    gold: dict[str, str | None] = {}
    if role == Role.COACH:
        gold["therapist_behaviour"] = majority([r["main_therapist_behaviour"] for r in rows])
        if full and _says_yes(rows, "question_exists"):
            gold["question_subtype"] = majority([r["question_subtype"] for r in rows])
        if full and _says_yes(rows, "reflection_exists"):
            gold["reflection_subtype"] = majority([r.get("reflection_subtype", "") for r in rows])
    elif role == Role.CLIENT:
        gold["client_talk_type"] = majority([r["client_talk_type"] for r in rows])
    return {task: label for task, label in gold.items() if label}


def _conversation(
    transcript_id: str, utterances: dict[int, list[Row]], full: bool
) -> LabelledConversation:
    turns: list[Turn] = []
    gold: dict[str, dict[int, str]] = defaultdict(dict)
    for turn, labels in _turns_and_gold(utterances, full):
        turns.append(turn)
        for task, label in labels.items():
            gold[task][turn.index] = label
    conversation = Conversation(
        turns=tuple(turns), source=f"annomi:{transcript_id}", format="annomi"
    )
    return LabelledConversation(conversation, dict(gold))
