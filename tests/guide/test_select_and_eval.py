"""Strategies and questions chosen by tag, and the structure of the search evaluation."""

from __future__ import annotations

import pytest

from attunement.guide import GuideError, questions_for, strategies_for
from attunement.guide.evaluate import AIM_MS, SETS, eval_queries, evaluate
from attunement.guide.loader import CONTENT


def test_strategies_for_a_sign_all_answer_that_sign() -> None:
    chosen = strategies_for(sign="missed-sessions")
    assert chosen and all("missed-sessions" in s.signs for s in chosen)


def test_strategies_for_a_barrier_profile_put_the_best_fit_first() -> None:
    chosen = strategies_for(barriers=["control-autonomy", "past-betrayal"], client_type="resistant")
    assert chosen[0].id in {"hand-back-control", "transparent-process"}
    assert all({"control-autonomy", "past-betrayal"} & set(s.barriers) for s in chosen)


def test_strategies_meant_for_a_later_phase_are_left_out_early_on() -> None:
    early = {s.id for s in strategies_for(phase="initial")}
    assert "titrate-challenge" not in early
    assert "explicit-safety" in early


def test_strategies_for_one_client_type_exclude_those_written_for_others() -> None:
    executive = {s.id for s in strategies_for(client_type="executive")}
    assert "show-value-early" in executive
    assert "cultural-curiosity" not in executive


def test_questions_written_for_the_client_type_come_first() -> None:
    chosen = questions_for(type="exploration", client_type="resistant", limit=3)
    assert all(q.type == "exploration" and "resistant" in q.client_types for q in chosen)


@pytest.mark.parametrize(("name", "least"), [("heldout", 40), ("tuning", 40), ("feelings", 20)])
def test_each_search_test_set_has_enough_questions_with_known_ids(name: str, least: int) -> None:
    assert len(eval_queries(CONTENT / SETS[name][0])) >= least


@pytest.mark.parametrize(("name", "earlier"), [("heldout", "tuning"), ("feelings", "heldout")])
def test_a_later_test_set_does_not_copy_an_earlier_ones_questions(name: str, earlier: str) -> None:
    seen = {q.text.lower() for n in ("tuning", earlier) for q in eval_queries(CONTENT / SETS[n][0])}
    assert not [q for q in eval_queries(CONTENT / SETS[name][0]) if q.text.lower() in seen]


def test_the_evaluation_reports_shares_and_latency_per_set_and_mode() -> None:
    report = evaluate(encoder=False)
    assert [b["set"] for b in report["sets"]] == ["heldout", "tuning", "feelings"]
    assert report["queries"] == sum(b["queries"] for b in report["sets"]) >= 80
    assert report["aim_ms"] == AIM_MS
    for block in report["sets"]:
        (lexical,) = block["modes"]
        assert lexical["mode"] == "lexical"
        assert 0.0 <= lexical["top1_share"] <= lexical["top3_share"] <= 1.0
        assert lexical["median_ms"] > 0 and isinstance(lexical["within_aim"], bool)
        assert all({"query", "expect", "got"} <= set(m) for m in lexical["misses"])


def test_one_test_set_can_be_measured_alone() -> None:
    report = evaluate(encoder=False, sets="heldout")
    (block,) = report["sets"]
    assert block["set"] == "heldout" and block["queries"] == report["queries"]
    assert "frozen" in block["meaning"]


def test_an_unknown_test_set_is_refused_with_the_names_to_use() -> None:
    with pytest.raises(GuideError, match="heldout, tuning"):
        evaluate(encoder=False, sets="holdout")


def test_evidence_suggests_barrier_sources_with_its_reasons_most_supported_first() -> None:
    from attunement.guide import suggest_barriers

    suggested = suggest_barriers([("openness", "guarded_replies")], ["reluctance"])
    top, reasons = suggested[0]
    assert top in {"self-protection", "fear-of-vulnerability"}
    assert reasons == ["openness:guarded_replies", "sign:reluctance"]


def test_findings_without_a_barrier_hint_suggest_nothing() -> None:
    from attunement.guide import suggest_barriers

    assert suggest_barriers([("talk", "longest_monologue")]) == []


@pytest.mark.parametrize(
    ("choice", "shown", "hidden"),
    [("all", ["heldout set", "tuning set"], []), ("tuning", ["tuning set"], ["heldout set"])],
)
def test_guide_eval_prints_each_chosen_set_with_what_its_figures_mean(
    choice: str, shown: list[str], hidden: list[str]
) -> None:
    from typer.testing import CliRunner

    from attunement.cli import app

    outcome = CliRunner().invoke(app, ["guide", "eval", "--lexical", "--set", choice])
    assert outcome.exit_code == 0, outcome.output
    assert all(name in outcome.stdout for name in shown)
    assert not any(name in outcome.stdout for name in hidden)
    assert "lexical: top-3" in outcome.stdout


def test_guide_search_names_an_unknown_kind_plainly_with_the_kinds_to_use(attune) -> None:
    code, _, err = attune("guide", "search", "trust", "--kind", "sections")

    assert code == 2
    assert "Unknown --kind 'sections'; use one or more of section, strategy, question." in err


def test_guide_questions_says_when_more_questions_fit_than_it_shows(attune) -> None:
    code, out, _ = attune("guide", "questions", "--limit", "2")

    assert code == 0
    assert len([line for line in out.splitlines() if line.startswith("[")]) == 2
    assert out.splitlines()[-1].startswith("Showing 2 of ")


def test_guide_search_with_an_empty_question_asks_for_one_in_your_own_words(attune) -> None:
    code, out, err = attune("guide", "search", "  ")

    assert (code, out) == (2, "")
    assert err.startswith("Error: The question to search for is empty; ask in your own words")
