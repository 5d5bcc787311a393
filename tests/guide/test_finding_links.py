"""Every finding a session analysis makes and every warning sign opens the part of the guide
that explains it, resolved exactly as the workspace pages resolve them."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from attunement.analysis.pipeline import analyse
from attunement.analysis.registry import analysers
from attunement.demo.build import BUNDLED, SESSIONS_DIR
from attunement.guide import load
from attunement.library.links import section_for_marker, section_for_sign
from attunement.relationship.rules import RULES
from attunement.transcript import read

ANALYSERS_DIR = (
    Path(__file__).resolve().parents[2] / "src" / "attunement" / "analysis" / "analysers"
)


@cache
def markers_of_the_demo_sessions() -> dict[tuple[str, str], object]:
    """One marker of each (analyser, kind) the bundled sessions produce, keyword mode."""
    found: dict[tuple[str, str], object] = {}
    for item in BUNDLED:
        for result in analyse(read(SESSIONS_DIR / item.filename)).results.values():
            for marker in result.markers:
                found.setdefault((marker.analyser, marker.kind), marker)
    return found


def test_the_demo_sessions_exercise_most_analysers() -> None:
    seen = {analyser for analyser, _ in markers_of_the_demo_sessions()}
    assert len(seen) >= len(analysers()) - 1, f"only {sorted(seen)} made findings"


@pytest.mark.parametrize("pair", sorted(markers_of_the_demo_sessions()), ids="{0[0]}:{0[1]}".format)
def test_every_kind_of_finding_links_to_a_guide_section(pair: tuple[str, str]) -> None:
    marker = markers_of_the_demo_sessions()[pair]
    assert section_for_marker(marker) is not None, f"map {pair[0]}:{pair[1]} in links.toml"


@pytest.mark.parametrize("rule", [rule.id for rule in RULES])
def test_every_warning_sign_links_to_a_guide_section(rule: str) -> None:
    assert section_for_sign(rule) is not None


def _kinds_written_by_analysers() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in ANALYSERS_DIR.glob("*.py"))


@pytest.mark.parametrize("key", sorted(k for k in load().findings if ":" in k), ids=lambda key: key)
def test_each_kind_named_in_the_link_map_is_one_an_analyser_can_make(key: str) -> None:
    analyser, kind = key.split(":")
    assert analyser in analysers(), f"links.toml names an unknown analyser in {key}"
    assert re.search(rf"['\"]{re.escape(kind)}['\"]", _kinds_written_by_analysers()), (
        f"links.toml maps {key}, a kind no analyser writes: fix or drop the key"
    )


def test_withdrawal_leads_to_going_slow_transparency_and_asking_about_the_relationship() -> None:
    from attunement.guide import strategies_for

    fitting = {s.id for s in strategies_for(sign="withdrawal")}
    assert {"go-slow", "transparent-process", "short-meta-conversation"} <= fitting


def test_a_mature_relationship_is_pointed_to_meta_conversation() -> None:
    from attunement.guide import strategies_for

    mature = load().phase("mature")
    assert "short-meta-conversation" in {s.id for s in strategies_for(phase="mature")}
    assert any("meta-conversation" in ask for ask in mature.asks)


@pytest.mark.parametrize("limit", [1, 3])
def test_the_mature_phase_card_shows_the_meta_conversation_first(limit: int) -> None:
    from attunement.guide import strategies_for

    assert strategies_for(phase="mature", limit=limit)[0].id == "short-meta-conversation"


def test_a_phase_lead_never_outranks_the_strategies_a_warning_sign_asks_for() -> None:
    from attunement.guide import strategies_for

    chosen = strategies_for(phase="mature", sign="prediction-gap")
    assert "short-meta-conversation" not in {s.id for s in chosen}
    assert chosen and all("prediction-gap" in s.signs for s in chosen)


def test_the_reminder_about_a_concern_not_discussed_links_to_the_guide_too() -> None:
    section = section_for_sign("concern-not-discussed")
    assert section is not None and section.id == "relationship-checkins"
