"""JSON in: our own conversation form (and `attune analyze --json` output), and generic lists."""

from __future__ import annotations

import json

from attunement.transcript import Conversation, Role, Turn, read_bytes, read_text

GENERIC = """[
  {"speaker": "Ann", "text": "What brings you here today?", "start": 0.5, "end": 3},
  {"speaker": "Bo", "text": "A decision about work.", "start": "00:00:03.200", "end": "00:00:05"},
  {"speaker": "Bo", "text": "Whether to stay.", "start": 5.1, "end": 6.0},
  {"speaker": "Ann", "text": "What would staying give you?"}
]"""


def own_conversation() -> Conversation:
    turns = [
        Turn(0, "Ann", "What brings you here?", Role.COACH, 0.0, 2.0),
        Turn(1, "Bo", "Work.", Role.CLIENT, 2.5, 3.0),
        Turn(2, "Bo", "Mostly work.", Role.CLIENT, 3.0, 4.0),
    ]
    roles = {"coach": "Ann", "client": "Bo", "method": "auto", "confidence": 0.7, "reasons": ["x"]}
    return Conversation(tuple(turns), source="s.vtt", format="vtt", metadata={"roles": roles})


def test_our_own_json_reads_back_the_same_turns_and_roles_without_merging():
    original = own_conversation()

    again = read_text(json.dumps(original.to_dict()), "s.json")

    assert again.turns == original.turns
    assert again.metadata["roles"] == original.metadata["roles"]


def test_analyze_json_output_is_read_through_its_conversation():
    payload = {"conversation": own_conversation().to_dict(), "analysis": {"results": {}}}

    again = read_bytes(json.dumps(payload).encode(), "report.json")

    assert again.turns == own_conversation().turns


def test_explicit_coach_overrides_the_roles_in_our_own_json():
    again = read_text(json.dumps(own_conversation().to_dict()), "s.json", coach="Bo")

    assert again.turns[0].role == Role.CLIENT
    assert again.metadata["roles"]["method"] == "explicit"


def test_generic_json_list_merges_one_speakers_pieces_and_reads_clock_times():
    conversation = read_text(GENERIC, "tool.json")

    assert [(t.speaker, t.text, t.start, t.end) for t in conversation.turns] == [
        ("Ann", "What brings you here today?", 0.5, 3.0),
        ("Bo", "A decision about work. Whether to stay.", 3.2, 6.0),
        ("Ann", "What would staying give you?", None, None),
    ]
    assert conversation.metadata["roles"]["coach"] == "Ann"


def test_generic_json_under_a_segments_key_is_read_without_a_json_suffix():
    text = json.dumps({"segments": json.loads(GENERIC)})

    assert len(read_text(text, "export").turns) == 3
