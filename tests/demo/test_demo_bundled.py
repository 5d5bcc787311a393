"""The bundled demo sessions: regenerable, readable, and the story they are meant to tell."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from attunement.demo.build import BUNDLED, README_NAME, SESSIONS_DIR, bundled_texts
from attunement.demo.dealer import SHORT_LINE_WORDS
from attunement.transcript import read
from attunement.transcript.model import Conversation, Role

BY_NAME = {item.filename: item for item in BUNDLED}


@pytest.fixture(scope="module")
def sessions() -> dict[str, Conversation]:
    return {item.filename: read(SESSIONS_DIR / item.filename) for item in BUNDLED}


def client_word_share(conversation: Conversation) -> float:
    coach = sum(len(t.text.split()) for t in conversation.by_role(Role.COACH))
    client = sum(len(t.text.split()) for t in conversation.by_role(Role.CLIENT))
    return client / (coach + client)


def test_the_committed_files_are_exactly_what_the_generator_makes() -> None:
    # If this fails after a change to the generator, run `python -m attunement.demo.build`.
    for name, text in bundled_texts().items():
        assert (SESSIONS_DIR / name).read_text(encoding="utf-8") == text, name


def test_there_are_at_least_three_formats_and_the_folder_stays_small() -> None:
    assert len({item.fmt for item in BUNDLED}) >= 3
    assert sum(p.stat().st_size for p in SESSIONS_DIR.iterdir()) < 1_000_000


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_each_bundled_session_reads_back_with_its_coach_and_client(
    name: str, sessions: dict[str, Conversation]
) -> None:
    conversation = sessions[name]
    spec = BY_NAME[name].spec
    assert conversation.speakers == (spec.coach, spec.client)
    assert conversation.speaker_for(Role.COACH) == spec.coach
    assert conversation.speaker_for(Role.CLIENT) == spec.client


@pytest.mark.parametrize("role", [Role.COACH, Role.CLIENT])
@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_no_bundled_session_has_anyone_say_the_same_line_twice(
    name: str, role: Role, sessions: dict[str, Conversation]
) -> None:
    said = Counter(
        turn.text
        for turn in sessions[name].by_role(role)
        if len(turn.text.split()) > SHORT_LINE_WORDS  # "Mm-hm." and "Go on." may come back
    )
    assert [line for line, times in said.items() if times > 1] == []


def test_one_session_is_about_an_hour_with_about_800_turns(
    sessions: dict[str, Conversation],
) -> None:
    hour = sessions["hour-long-session.srt"]
    assert 50 * 60 <= hour[-1].end <= 70 * 60  # type: ignore[operator]
    assert 700 <= len(hour) <= 900


def test_the_good_session_gives_the_client_more_of_the_talk_than_the_strained_one(
    sessions: dict[str, Conversation],
) -> None:
    good = client_word_share(sessions["maya-session-05-zoom.vtt"])
    strained = client_word_share(sessions["daniel-session-02-teams.vtt"])
    assert good > 0.6 > 0.3 > strained


def test_the_hour_long_session_holds_both_qualities(sessions: dict[str, Conversation]) -> None:
    turns = sessions["hour-long-session.srt"].turns
    third = len(turns) // 3
    early, middle = Conversation(turns[:third]), Conversation(turns[third + 40 : 2 * third - 40])
    assert client_word_share(early) > client_word_share(middle) + 0.25


def test_demo_data_writes_every_session_and_a_readme(attune, tmp_path: Path) -> None:
    code, out, _ = attune("demo-data", str(tmp_path / "demo"))
    assert code == 0
    written = sorted(p.name for p in (tmp_path / "demo").iterdir())
    assert written == sorted([*BY_NAME, README_NAME])
    assert "maya-session-05-zoom.vtt" in (tmp_path / "demo" / README_NAME).read_text()
    assert "Wrote 7 files" in out


def test_demo_data_refuses_to_overwrite_without_force(attune, tmp_path: Path) -> None:
    target = tmp_path / "demo"
    attune("demo-data", str(target))
    (target / "maya-session-05-zoom.vtt").write_text("my own notes", encoding="utf-8")
    code, out, err = attune("demo-data", str(target))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "--force" in err
    assert (target / "maya-session-05-zoom.vtt").read_text(encoding="utf-8") == "my own notes"


def test_demo_data_overwrites_with_force(attune, tmp_path: Path) -> None:
    target = tmp_path / "demo"
    attune("demo-data", str(target))
    (target / "maya-session-05-zoom.vtt").write_text("my own notes", encoding="utf-8")
    code, _, _ = attune("demo-data", str(target), "--force")
    assert code == 0
    assert (target / "maya-session-05-zoom.vtt").read_text(encoding="utf-8").startswith("WEBVTT")


def test_demo_data_refuses_a_path_that_is_a_file(attune, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    code, _, err = attune("demo-data", str(tmp_path / "taken"))
    assert code == 2 and "is a file" in err


def test_demo_data_into_a_folder_that_cannot_be_made_says_so_in_one_sentence(
    attune, tmp_path: Path
) -> None:
    (tmp_path / "taken").write_text("x", encoding="utf-8")

    code, _, err = attune("demo-data", str(tmp_path / "taken" / "demo"))

    assert code == 2
    assert "Could not write the demo sessions" in err and "Traceback" not in err
