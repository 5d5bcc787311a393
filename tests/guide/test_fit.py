"""Questions chosen for one client: barrier profile, communication style, phase and sign."""

from __future__ import annotations

import pytest

from attunement.guide import Guide, Question, load
from attunement.guide.fit import (
    BARRIER_TAGS,
    SIGN_QUESTIONS,
    STYLE_CUES,
    ClientFit,
    pick_questions,
    style_cues,
)


def q(
    id: str, type: str = "exploration", tags: tuple[str, ...] = (), **more: tuple[str, ...]
) -> Question:
    return Question(id, f"Question {id}?", type, tags=tags, **more)


BANK = Guide(
    sections=(),
    strategies=(),
    questions=(
        q("plain-1", tags=("opening",)),
        q("plain-2", tags=("opening",)),
        q("gentle", tags=("gentle", "permission"), client_types=("resistant",)),
        q("trust", "meta-conversation", ("doubt", "trust"), client_types=("resistant",)),
        q("aloud", tags=("auditory",)),
        q("challenge", "assumption-challenging", ("beliefs",), phases=("deepening",)),
        q("relationship", "meta-conversation", ("process", "relationship"), phases=("deepening",)),
        q("board", "assumption-challenging", ("leadership",), client_types=("executive",)),
    ),
    barriers=(),
    phases=(),
)


def ids(picks: list) -> list[str]:
    return [p.question.id for p in picks]


@pytest.mark.parametrize(
    ("style", "cues"),
    [
        ("direct; likes to think aloud", ["auditory", "direct"]),
        ("reflective; needs time before answering", ["reflective"]),
        ("brief; prefers concrete next steps", ["concrete"]),
        ("Visual thinker, likes a picture of the whole", ["visual"]),
        ("dislikes being challenged; go gently", ["gentle"]),
        ("", []),
    ],
)
def test_a_communication_style_is_read_for_its_cues_and_negations_are_left_out(style, cues):
    assert [cue.name for cue in style_cues(style)] == cues


def test_without_records_the_general_questions_come_in_bank_order():
    assert ids(pick_questions(ClientFit(), limit=2, guide=BANK)) == ["plain-1", "aloud"]


def test_a_barrier_brings_its_questions_first_and_names_the_barrier():
    picks = pick_questions(ClientFit(barriers=("lack-of-trust",)), limit=1, guide=BANK)
    assert ids(picks) == ["trust"]
    assert picks[0].why == ("lack of trust",)


def test_the_picks_cover_the_barrier_and_the_style_rather_than_one_of_them_twice():
    fit = ClientFit(barriers=("fear-of-vulnerability", "lack-of-trust"), style="thinks aloud")
    assert set(ids(pick_questions(fit, limit=3, guide=BANK))) == {"gentle", "trust", "aloud"}


def test_questions_for_another_kind_of_client_appear_only_when_the_records_point_to_them():
    assert not {"gentle", "trust", "board"} & set(
        ids(pick_questions(ClientFit(), limit=8, guide=BANK))
    )
    executive = ids(pick_questions(ClientFit(client_type="executive"), limit=8, guide=BANK))
    assert "board" in executive and "gentle" not in executive


def test_a_direct_client_in_the_deepening_phase_is_offered_a_challenge():
    fit = ClientFit(phase="deepening", style="direct, wants challenge")
    picks = pick_questions(fit, limit=1, guide=BANK)
    assert ids(picks) == ["challenge"] and picks[0].why == ("style: direct",)


def test_a_warning_sign_brings_the_questions_that_answer_it():
    picks = pick_questions(ClientFit(phase="deepening"), sign="withdrawal", limit=1, guide=BANK)
    assert ids(picks) == ["relationship"] and "this warning sign" in picks[0].why


def test_questions_already_on_the_page_are_not_offered_again():
    first = ids(pick_questions(ClientFit(), limit=1, guide=BANK))
    again = ids(pick_questions(ClientFit(), limit=1, exclude=first, guide=BANK))
    assert again and again != first


def test_the_same_records_always_give_the_same_questions():
    fit = ClientFit("initial", None, ("control-autonomy",), "brief; concrete next steps")
    assert ids(pick_questions(fit)) == ids(pick_questions(fit))


def test_every_tag_and_type_the_choice_uses_is_in_the_question_bank():
    bank = load().questions
    tags = {t for question in bank for t in question.tags}
    types = {question.type for question in bank}
    wanted = set().union(*BARRIER_TAGS.values(), *(t for _, t in SIGN_QUESTIONS.values()))
    wanted |= set().union(*(cue.tags for cue in STYLE_CUES))
    assert wanted <= tags
    assert (
        set().union(*(t for t, _ in SIGN_QUESTIONS.values()), *(c.types for c in STYLE_CUES))
        <= types
    )


def test_every_barrier_and_warning_sign_has_questions_to_choose_from():
    from attunement.relationship.rules import RULES

    assert {b.id for b in load().barriers} == set(BARRIER_TAGS)
    assert {rule.id for rule in RULES} <= set(SIGN_QUESTIONS)


@pytest.mark.parametrize("barrier", sorted(BARRIER_TAGS))
def test_each_barrier_finds_a_question_in_the_real_bank(barrier):
    picks = pick_questions(ClientFit(phase="initial", barriers=(barrier,)), limit=1)
    assert picks and picks[0].why, barrier
