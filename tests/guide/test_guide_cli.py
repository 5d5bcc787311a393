"""`attune guide search` says which search answered; `attune guide show ID` reads one in full."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _lexical_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTUNE_ENCODER", "off")


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        pytest.param(["--lexical"], "Searched by keyword only (--lexical)", id="lexical"),
        pytest.param([], "the sentence encoder is off or not installed", id="encoder-off"),
    ],
)
def test_guide_search_says_which_search_answered_and_how_to_read_a_hit(
    attune, flags: list[str], said: str
) -> None:
    code, out, _ = attune("guide", "search", "client keeps rescheduling", *flags)

    assert code == 0
    assert said in out
    assert out.rstrip().endswith("Read one in full: attune guide show ID")


def test_guide_show_prints_a_section_with_its_title_body_and_related_sections(attune) -> None:
    from attunement.guide import load

    section = load().section("missed-sessions")

    code, out, _ = attune("guide", "show", "missed-sessions")

    assert code == 0
    assert out.startswith(section.title)
    assert "Related: " in out and section.related[0] in out


def test_guide_show_prints_a_strategy_with_what_to_try_and_its_section(attune) -> None:
    from attunement.guide import load

    strategy = load().strategy("name-attendance-pattern")

    code, out, _ = attune("guide", "show", "name-attendance-pattern")

    assert code == 0
    assert out.startswith(strategy.title)
    assert "Try" in out and "Avoid" in out
    assert f"Section: {strategy.section}" in out


def test_guide_show_turns_a_link_between_sections_into_the_id_to_show(attune) -> None:
    from attunement.guide import load

    linking = next(s for s in load().sections if "](guide:" in s.body)

    code, out, _ = attune("guide", "show", linking.id)

    assert code == 0
    assert "guide:" not in out and "(see" in out


def test_guide_show_with_an_unknown_id_says_how_to_find_one(attune) -> None:
    code, out, err = attune("guide", "show", "no-such-section")

    assert (code, out) == (2, "")
    assert err.startswith("Error: The guide has no section or strategy called 'no-such-section'")
    assert "attune guide search" in err
