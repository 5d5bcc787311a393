"""JSON: our own conversation (``Conversation.to_dict`` or ``attune analyze --json`` output) and
a generic list of ``{speaker, text, start?, end?}`` objects as many transcription tools write.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from typing import Any

from attunement.errors import TranscriptError
from attunement.transcript.model import Conversation, Role, Turn
from attunement.transcript.segments import (
    Segment,
    check_times,
    clean_name,
    merge_segments,
    parse_timestamp,
)

_LIST_KEYS = ("turns", "segments", "utterances", "transcript", "results")
_SPEAKER_KEYS = ("speaker", "name", "speaker_name", "participant")
_TEXT_KEYS = ("text", "content", "transcript", "words")
_START_KEYS = ("start", "start_time", "startTime", "begin")
_END_KEYS = ("end", "end_time", "endTime")
_ROLES = {str(role) for role in Role}
_FIX = "export the transcript again, or give a list of {speaker, text, start, end} objects"


def load_json(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        where = (
            f" (line {error.lineno}, column {error.colno})"
            if isinstance(error, json.JSONDecodeError)
            else ""
        )
        raise TranscriptError(
            f"The transcript is not valid JSON{where}",
            "check that the file is complete, or export it again",
        ) from None


def read_json(text: str) -> Conversation:
    """A conversation from JSON text: our own form keeps its turns and roles, others merge."""
    data = load_json(text)
    if isinstance(data, Mapping) and isinstance(data.get("conversation"), Mapping):
        data = data["conversation"]
    items = _turn_list(data)
    if isinstance(data, Mapping) and _is_our_own(items):
        return _own_conversation(data, items)
    return Conversation.from_turns(merge_segments(_generic_segments(items)), format="json")


def _turn_list(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                return list(data[key])
    raise TranscriptError("The JSON file holds no list of turns", _FIX)


def _is_our_own(items: list[Any]) -> bool:
    return bool(items) and all(
        isinstance(item, Mapping) and item.get("role") in _ROLES for item in items
    )


def _own_conversation(data: Mapping[str, Any], items: list[Any]) -> Conversation:
    turns = []
    for number, item in enumerate(items):
        segment = _segment(item, number)
        turns.append(
            Turn(
                number,
                segment.speaker or "",
                segment.text,
                Role(item["role"]),
                segment.start,
                segment.end,
            )
        )
    metadata = data.get("metadata")
    return Conversation(
        turns=tuple(turns),
        source=str(data.get("source") or ""),
        format="json",
        metadata=dict(metadata) if isinstance(metadata, Mapping) else {},
    )


def _generic_segments(items: list[Any]) -> Iterator[Segment]:
    for number, item in enumerate(items):
        yield _segment(item, number)


def _segment(item: Any, number: int) -> Segment:
    if not isinstance(item, Mapping):
        raise TranscriptError(
            f"Turn {number + 1} of the JSON file is not an object with a speaker and text", _FIX
        )
    speaker = _first(item, _SPEAKER_KEYS)
    text = _first(item, _TEXT_KEYS)
    if not isinstance(speaker, str | int) or not clean_name(str(speaker)):
        raise TranscriptError(f"Turn {number + 1} of the JSON file has no speaker name", _FIX)
    if not isinstance(text, str):
        raise TranscriptError(f"Turn {number + 1} of the JSON file has no text", _FIX)
    start = _seconds(_first(item, _START_KEYS), number)
    end = _seconds(_first(item, _END_KEYS), number)
    check_times(start, end, f"in turn {number + 1}")
    return Segment(clean_name(str(speaker)), " ".join(text.split()), start, end)


def _first(item: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    return next((item[key] for key in keys if key in item), None)


def _seconds(value: Any, number: int) -> float | None:
    if value is None:
        return None
    seconds = parse_timestamp(value) if isinstance(value, str) else value
    if not isinstance(value, bool) and isinstance(seconds, int | float):
        try:
            result = float(seconds)
        except OverflowError:
            result = math.inf
        if math.isfinite(result) and result >= 0:
            return result
    raise TranscriptError(
        f"Turn {number + 1} of the JSON file has a time that is not seconds or hh:mm:ss", _FIX
    )
