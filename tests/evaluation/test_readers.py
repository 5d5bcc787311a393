"""Reading AnnoMI-shaped CSV and ESConv-shaped JSON lines written by us for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attunement.analysis.evaluation.mi_corpus import majority, read_annomi
from attunement.analysis.evaluation.support_corpus import read_esconv
from attunement.analysis.evaluation.tasks import DatasetError
from attunement.transcript.model import Role

SIMPLE_HEADER = (
    "transcript_id,mi_quality,video_title,video_url,topic,utterance_id,interlocutor,timestamp,"
    "utterance_text,main_therapist_behaviour,client_talk_type\n"
)
SIMPLE_ROWS = [
    "7,high,A walk,u,walking,1,client,00:00:05,I keep meaning to walk more.,n/a,change",
    "7,high,A walk,u,walking,0,therapist,00:00:01,What brings you here today?,question,n/a",
    "7,high,A walk,u,walking,2,therapist,00:00:09,You want to move more.,reflection,n/a",
    "9,low,Sleep,u,sleep,0,therapist,00:00:02,Late screens keep people awake.,therapist_input,n/a",
    '9,low,Sleep,u,sleep,1,client,00:00:06,"Maybe, but I like my shows.",n/a,sustain',
]
FULL_HEADER = (
    "mi_quality,transcript_id,video_title,video_url,topic,utterance_id,interlocutor,timestamp,"
    "utterance_text,annotator_id,therapist_input_exists,therapist_input_subtype,"
    "reflection_exists,reflection_subtype,question_exists,question_subtype,"
    "main_therapist_behaviour,client_talk_type\n"
)
# Utterance 0 coded by three annotators: two say open question, one says a reflection.
FULL_ROWS = [
    "high,3,T,u,t,0,therapist,00:00:01,How has the week gone?,1,False,n/a,False,n/a,True,open,question,n/a",
    "high,3,T,u,t,0,therapist,00:00:01,How has the week gone?,2,False,n/a,False,n/a,True,open,question,n/a",
    "high,3,T,u,t,0,therapist,00:00:01,How has the week gone?,4,False,n/a,True,simple,False,n/a,reflection,n/a",
    "high,3,T,u,t,1,client,00:00:04,Busy and a bit flat.,1,n/a,n/a,n/a,n/a,n/a,n/a,n/a,neutral",
    "high,3,T,u,t,2,therapist,00:00:07,Flat and tired of it.,1,False,n/a,True,complex,False,n/a,reflection,n/a",
]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_simple_annomi_csv_becomes_one_conversation_per_transcript_in_utterance_order(
    tmp_path: Path,
) -> None:
    items, tasks = read_annomi(_write(tmp_path, "s.csv", SIMPLE_HEADER + "\n".join(SIMPLE_ROWS)))
    assert tasks == ("therapist_behaviour", "client_talk_type")
    first = items[0].conversation
    assert [t.role for t in first] == [Role.COACH, Role.CLIENT, Role.COACH]
    assert first[0].text == "What brings you here today?"
    assert items[0].gold == {
        "therapist_behaviour": {0: "question", 2: "reflection"},
        "client_talk_type": {1: "change"},
    }
    assert items[1].gold["client_talk_type"] == {1: "sustain"}


def test_full_annomi_csv_takes_the_majority_code_and_scores_the_subtypes(tmp_path: Path) -> None:
    items, tasks = read_annomi(_write(tmp_path, "f.csv", FULL_HEADER + "\n".join(FULL_ROWS)))
    assert "question_subtype" in tasks and "reflection_subtype" in tasks
    (item,) = items
    assert len(item.conversation) == 3
    assert item.gold["therapist_behaviour"] == {0: "question", 2: "reflection"}
    assert item.gold["question_subtype"] == {0: "open"}
    # Only one of three annotators heard a reflection in utterance 0: not a reflection.
    assert item.gold["reflection_subtype"] == {2: "complex"}
    assert item.gold["client_talk_type"] == {1: "neutral"}


@pytest.mark.parametrize(
    ("codes", "expected"),
    [(["a", "b", "b"], "b"), (["a", "b"], "a"), (["n/a", "n/a"], None), (["n/a", "c"], "c")],
)
def test_majority_ignores_missing_codes_and_breaks_ties_by_first_seen(
    codes: list[str], expected: str | None
) -> None:
    assert majority(codes) == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,age\nAnn,4\n", "not an AnnoMI CSV"),
        (SIMPLE_HEADER, "has no rows"),
        (SIMPLE_HEADER + "7,h,t,u,t,zero,client,0,Hi,n/a,neutral\n", "not a whole number"),
    ],
)
def test_malformed_annomi_files_raise_one_clear_sentence(
    tmp_path: Path, content: str, message: str
) -> None:
    with pytest.raises(DatasetError, match=message):
        read_annomi(_write(tmp_path, "bad.csv", content))


def test_a_binary_file_given_as_annomi_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"\xff\xfe\x00\x81binary")
    with pytest.raises(DatasetError, match="UTF-8 CSV"):
        read_annomi(path)


DIALOGUE = {
    "emotion_type": "anxiety",
    "dialog": [
        {"text": "Hello, how are you feeling tonight?", "speaker": "sys", "strategy": "Question"},
        {"text": "Worried about my exam.", "speaker": "usr"},
        {
            "text": "Exams can feel huge.",
            "speaker": "sys",
            "strategy": "Affirmation and Reassurance",
        },
        {
            "text": "It sounds like the worry is keeping you up.",
            "speaker": "sys",
            "strategy": "Reflection of feelings",
        },
    ],
}


def test_esconv_dialogues_map_supporter_to_coach_and_keep_every_entry_as_a_turn(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, "d.jsonl", json.dumps(DIALOGUE) + "\n\n" + json.dumps(DIALOGUE))
    items, tasks = read_esconv(path)
    assert tasks == ("strategy",) and len(items) == 2
    conversation = items[0].conversation
    assert [t.role for t in conversation] == [Role.COACH, Role.CLIENT, Role.COACH, Role.COACH]
    assert items[0].gold["strategy"] == {
        0: "Question",
        2: "Affirmation and Reassurance",
        3: "Reflection of feelings",
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all\n", "not a JSON object"),
        ('{"turns": []}\n', "no dialog list"),
        ('{"dialog": [{"text": "hi", "speaker": "bot"}]}\n', "without speaker"),
        ("\n", "holds no dialogues"),
    ],
)
def test_malformed_esconv_files_raise_one_clear_sentence(
    tmp_path: Path, content: str, message: str
) -> None:
    with pytest.raises(DatasetError, match=message):
        read_esconv(_write(tmp_path, "bad.jsonl", content))
