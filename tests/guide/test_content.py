"""The guide's content files load, are complete, and every id they point at exists."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from attunement.guide import (
    BARRIER_IDS,
    PHASES,
    QUESTION_TYPES,
    GuideError,
    UnknownId,
    build,
    for_finding,
    for_sign,
    load,
)
from attunement.guide.loader import CONTENT, LINK

SRC = Path(__file__).resolve().parents[2] / "src" / "attunement"

TOPICS = [
    "connection-overview", "psychological-safety", "trust-behaviours", "verbal-matching",
    "presence-attunement", "listening-levels", "powerful-inquiry", "phase-initial",
    "phase-deepening", "phase-mature", "contracting", "challenge-support", "meta-conversation",
    "resistant-clients", "cross-cultural", "executive-clients", "virtual-sessions",
    "between-sessions", "maintenance", "ethics-boundaries", "measuring-connection",
    "positive-markers", "warning-signs",
]  # fmt: skip


@pytest.mark.parametrize("section_id", TOPICS)
def test_the_guide_covers_each_topic_of_the_framework(section_id: str) -> None:
    assert len(load().section(section_id).body.split()) > 150


def test_every_barrier_source_has_signs_and_strategies_that_exist() -> None:
    guide = load()
    assert [b.id for b in guide.barriers] == list(BARRIER_IDS)
    for barrier in guide.barriers:
        assert barrier.signs
        assert all(guide.strategy(s).id == s for s in barrier.strategies)


def test_every_phase_has_guidance() -> None:
    assert [p.id for p in load().phases] == list(PHASES)


def test_the_question_bank_has_at_least_150_questions_of_every_type() -> None:
    questions = load().questions
    assert len(questions) >= 150
    assert {q.type for q in questions} == set(QUESTION_TYPES)
    assert len({q.text.lower() for q in questions}) == len(questions), "no question twice"


def test_every_strategy_says_what_to_try_what_to_avoid_and_how_to_tell() -> None:
    for strategy in load().strategies:
        assert strategy.try_ and strategy.avoid and strategy.works_if, strategy.id


def test_body_links_and_related_ids_resolve() -> None:
    guide = load()
    for section in guide.sections:
        targets = [*section.related, *LINK.findall(section.body)]
        assert all(guide.get_section(t) is not None for t in targets), section.id


def test_every_warning_sign_rule_links_to_a_section() -> None:
    from attunement.relationship.rules import RULES

    for rule in RULES:
        target = for_sign(rule.id)
        assert target is not None and load().get_section(target) is not None, rule.id


def test_every_analyser_links_to_a_section() -> None:
    from attunement.analysis.registry import analysers

    for name in analysers():
        target = for_finding(name, "any_kind")
        assert target is not None and load().get_section(target) is not None, name


def test_a_specific_marker_kind_links_to_its_own_section() -> None:
    assert for_finding("moves", "judging") == "psychological-safety"
    assert for_finding("moves", "reflection") == "listening-levels"


def test_every_guide_id_an_analyser_writes_on_its_markers_resolves() -> None:
    written = {
        match
        for path in (SRC / "analysis" / "analysers").glob("*.py")
        for match in re.findall(r'guide="([a-z0-9-]+)"', path.read_text(encoding="utf-8"))
    }
    assert written, "the analysers name guide sections on their markers"
    assert {w for w in written if load().get_section(w) is None} == set()


def test_an_old_id_resolves_through_its_alias() -> None:
    assert load().section("levels-of-listening").id == "listening-levels"


def test_asking_for_a_missing_section_names_it() -> None:
    with pytest.raises(UnknownId, match="no-such-thing"):
        load().section("no-such-thing")


def test_select_finds_sections_by_tag_and_layer() -> None:
    chosen = {s.id for s in load().select("measuring", "warning-signs")}
    assert "warning-signs" in chosen


# --- Broken content fails with the file, the item and the fix -------------------------------


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKAGES = [
    ("sections/clients.toml", '"psychological-safety", "goal-alignment"', '"no-such-section"',
     "no-such-section"),
    ("strategies.toml", 'section = "psychological-safety"', 'section = "gone"', "gone"),
    ("strategies.toml", 'signs = ["reluctance", "surface-talk"]', 'signs = ["sulking"]',
     "sulking"),
    ("strategies.toml", 'barriers = ["goal-misalignment", "control-autonomy"]',
     'barriers = ["moodiness"]', "moodiness"),
    ("questions.toml", 'type = "check-in"', 'type = "small-talk"', "small-talk"),
    ("barriers.toml", 'strategies = ["hand-back-control",', 'strategies = ["invented",',
     "invented"),
    ("links.toml", 'withdrawal = "client-withdrawal"', 'withdrawal = "nowhere"', "nowhere"),
    ("links.toml", 'prediction-gap = "relationship-checkins"', "", "prediction-gap"),
    ("phase_guidance.toml", 'strategies = ["short-meta-conversation"]',
     'strategies = ["talk-it-over"]', "talk-it-over"),
    ("links.toml", '"sign:cadence-gap" = ["goal-misalignment"]',
     '"sign:cadence-gap" = ["laziness"]', "laziness"),
    ("sections/practice.toml", 'layer = "practice"', 'layer = "misc"', "misc"),
    ("sections/measuring.toml", "[warning signs](guide:warning-signs)",
     "[signs](guide:nonexistent)", "nonexistent"),
]  # fmt: skip


@pytest.mark.parametrize(("file", "old", "new", "named"), BREAKAGES)
def test_broken_content_is_refused_with_a_message_naming_the_problem(
    content_copy: Path, file: str, old: str, new: str, named: str
) -> None:
    _edit(content_copy / file, old, new)
    with pytest.raises(GuideError, match=re.escape(named)):
        build(content_copy)


def test_invalid_toml_names_the_file(content_copy: Path) -> None:
    (content_copy / "barriers.toml").write_text("[[barrier]\n", encoding="utf-8")
    with pytest.raises(GuideError, match=r"barriers\.toml"):
        build(content_copy)


def test_rendered_sections_escape_raw_html_and_turn_guide_links_into_urls() -> None:
    from attunement.guide import render_html

    html = render_html(
        "### Title\n\n<script>alert(1)</script> see [safety](guide:psychological-safety)",
        link=lambda section_id: f"/guide/{section_id}/",
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="/guide/psychological-safety/">safety</a>' in html
    assert "<h3>Title</h3>" in html
