"""Read ESConv (JSON lines, one dialogue per line) into labelled conversations.

The supporter (``sys``) becomes the coach and the seeker (``usr``) the client; every dialogue
entry is its own turn, and each supporter turn carries its author's strategy label.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from attunement.analysis.evaluation.tasks import DatasetError, LabelledConversation
from attunement.transcript.model import Conversation, Role, Turn

TASKS = ("strategy",)
ROLES = {"sys": Role.COACH, "usr": Role.CLIENT}
SPEAKERS = {"sys": "supporter", "usr": "seeker"}
FIX = "pass an ESConv file such as esconv-valid.jsonl (one dialogue object per line)"


def read_esconv(path: Path) -> tuple[list[LabelledConversation], tuple[str, ...]]:
    """The labelled conversations of an ESConv JSON-lines file and the tasks it can score."""
    conversations = [
        _conversation(record, path.name, line) for line, record in _records(path) if record
    ]
    if not conversations:
        raise DatasetError(f"{path.name} holds no dialogues", FIX)
    return conversations, TASKS


def _records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DatasetError(f"There is no file {path}", "check the path") from None
    except UnicodeDecodeError:
        raise DatasetError(f"{path.name} is not UTF-8 text", FIX) from None
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise DatasetError(f"Line {number} of {path.name} is not a JSON object", FIX) from None
        if not isinstance(record, dict) or not isinstance(record.get("dialog"), list):
            raise DatasetError(f"Line {number} of {path.name} has no dialog list", FIX)
        records.append((number, record))
    return records


def _conversation(record: dict[str, Any], name: str, line: int) -> LabelledConversation:
    turns: list[Turn] = []
    strategies: dict[int, str] = {}
    for entry in record["dialog"]:
        if not isinstance(entry, dict) or entry.get("speaker") not in ROLES:
            raise DatasetError(
                f"Line {line} of {name} has a dialog entry without speaker usr or sys", FIX
            )
        speaker = entry["speaker"]
        index = len(turns)
        turns.append(Turn(index, SPEAKERS[speaker], str(entry.get("text", "")), ROLES[speaker]))
        if speaker == "sys" and entry.get("strategy"):
            strategies[index] = str(entry["strategy"])
    conversation = Conversation(turns=tuple(turns), source=f"esconv:{line}", format="esconv")
    return LabelledConversation(conversation, {"strategy": strategies})
