"""Strategies and questions chosen by tag, and the structure of the search evaluation."""

from __future__ import annotations

from attunement.guide import questions_for, strategies_for
from attunement.guide.evaluate import AIM_MS, eval_queries, evaluate


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


def test_the_search_test_set_has_at_least_forty_questions_with_known_sections() -> None:
    assert len(eval_queries()) >= 40


def test_the_evaluation_reports_shares_and_latency_per_mode() -> None:
    report = evaluate(encoder=False)
    assert report["queries"] >= 40 and report["aim_ms"] == AIM_MS
    (lexical,) = report["modes"]
    assert lexical["mode"] == "lexical"
    assert 0.0 <= lexical["top1_share"] <= lexical["top3_share"] <= 1.0
    assert lexical["median_ms"] > 0 and isinstance(lexical["within_aim"], bool)
    assert all({"query", "expect", "got"} <= set(m) for m in lexical["misses"])


def test_evidence_suggests_barrier_sources_with_its_reasons_most_supported_first() -> None:
    from attunement.guide import suggest_barriers

    suggested = suggest_barriers([("openness", "guarded_replies")], ["reluctance"])
    top, reasons = suggested[0]
    assert top in {"self-protection", "fear-of-vulnerability"}
    assert reasons == ["openness:guarded_replies", "sign:reluctance"]


def test_findings_without_a_barrier_hint_suggest_nothing() -> None:
    from attunement.guide import suggest_barriers

    assert suggest_barriers([("talk", "longest_monologue")]) == []
