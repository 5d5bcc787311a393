"""The question bank: browse and filter, own questions, stars, and the questions a coach used."""

from __future__ import annotations

import pytest
from django.urls import reverse
from library_factories import make_own_question_of

from attunement import guide
from attunement.library import matching
from attunement.library.models import Favourite, OwnQuestion
from attunement.practice.models import Transcript

pytestmark = pytest.mark.django_db
BANK = reverse("library:questions")


def test_the_bank_lists_every_guide_question(as_user, owner):
    page = as_user(owner).get(BANK).content.decode()
    assert all(f'id="q-{q.id}"' in page for q in guide.load().questions)


@pytest.mark.parametrize("qtype", guide.QUESTION_TYPES)
def test_filtering_by_type_shows_only_that_type(as_user, owner, qtype):
    page = as_user(owner).get(BANK, {"type": qtype}).content.decode()
    for q in guide.load().questions:
        assert (f'id="q-{q.id}"' in page) == (q.type == qtype)


def test_filtering_by_phase_keeps_questions_for_any_phase(as_user, owner):
    page = as_user(owner).get(BANK, {"phase": "mature"}).content.decode()
    for q in guide.load().questions:
        assert (f'id="q-{q.id}"' in page) == (not q.phases or "mature" in q.phases)


def test_an_unknown_filter_value_is_explained_next_to_the_filter(as_user, owner):
    response = as_user(owner).get(BANK, {"type": "../../etc/passwd"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_a_star_is_kept_for_the_coach_who_gave_it_only(as_user, owner, teammate):
    question = guide.load().questions[0]
    as_user(owner).post(reverse("library:question_star"), {"question": question.id})
    assert Favourite.objects.filter(coach=owner.coach, question_id=question.id).exists()
    starred = as_user(owner).get(BANK, {"show": "starred"}).content.decode()
    assert f'id="q-{question.id}"' in starred
    assert (
        f'id="q-{question.id}"'
        not in as_user(teammate).get(BANK, {"show": "starred"}).content.decode()
    )


def test_starring_again_removes_the_star(as_user, owner):
    question = guide.load().questions[0]
    for _ in range(2):
        as_user(owner).post(reverse("library:question_star"), {"question": question.id})
    assert not Favourite.objects.exists()


@pytest.mark.parametrize("question", ["no-such-question", "own-999999", "../x", "<b>", ""])
def test_starring_something_that_is_not_a_question_stores_nothing(as_user, owner, question):
    response = as_user(owner).post(reverse("library:question_star"), {"question": question})
    assert response.status_code == 302 and not Favourite.objects.exists()


def test_starring_another_coachs_own_question_stores_nothing(as_user, owner, teammate):
    theirs = make_own_question_of(teammate)
    as_user(owner).post(reverse("library:question_star"), {"question": theirs.bank_id})
    assert not Favourite.objects.exists()


def test_the_star_form_never_sends_the_coach_to_another_site(as_user, owner):
    question = guide.load().questions[0]
    response = as_user(owner).post(
        reverse("library:question_star"), {"question": question.id, "next": "//evil.example/"}
    )
    assert response["Location"] == f"{BANK}#q-{question.id}"


def test_starring_returns_to_the_same_card_with_the_filters_kept(as_user, owner):
    question = guide.load().questions[0]
    back = f"{BANK}?type=exploration"
    response = as_user(owner).post(
        reverse("library:question_star"), {"question": question.id, "next": back}
    )
    assert response["Location"] == f"{back}#q-{question.id}"


def test_a_coachs_own_question_is_listed_for_them_and_hidden_from_others(as_user, owner, teammate):
    as_user(owner).post(
        reverse("library:question_new"),
        {"text": "What are you not saying yet?", "type": "exploration", "phase": "deepening"},
    )
    assert OwnQuestion.objects.get().text == "What are you not saying yet?"
    assert (
        "What are you not saying yet?"
        in as_user(owner).get(BANK, {"show": "mine"}).content.decode()
    )
    assert "What are you not saying yet?" not in as_user(teammate).get(BANK).content.decode()


def test_a_coach_removes_their_own_question(as_user, owner):
    mine = make_own_question_of(owner)
    as_user(owner).post(reverse("library:question_delete", args=[mine.pk]))
    assert not OwnQuestion.objects.exists()


def test_questions_the_coach_asked_in_an_analysed_transcript_are_marked_used(
    as_user, owner, owner_analysis
):
    asked = guide.load().questions[3]
    transcript = Transcript.objects.get(session=owner_analysis.session)
    transcript.conversation = {
        "turns": [
            {"index": 0, "speaker": "Dana", "role": "coach", "text": f"Thanks. So, {asked.text}"},
            {"index": 1, "speaker": "Omar", "role": "client", "text": "Good question?"},
        ]
    }
    transcript.save()
    page = as_user(owner).get(BANK, {"show": "used"}).content.decode()
    assert f'id="q-{asked.id}"' in page and "used 1 time" in page


@pytest.mark.parametrize(
    ("bank", "asked", "same"),
    [
        ("What would success look like for you?", "So what would success look like for you?", True),
        ("What would success look like for you?", "What would success look like, for you?", True),
        ("What matters most to you here?", "What matters most here to you?", True),
        ("What would success look like for you?", "What would you like to talk about?", False),
        ("What else?", "What else could you try at work this week?", False),
    ],
)
def test_a_bank_question_matches_the_same_question_in_other_words_order_only(bank, asked, same):
    assert matching.is_same_question(bank, asked) is same


def test_only_the_coachs_questions_are_read_from_a_transcript():
    conversation = {
        "turns": [
            {"role": "coach", "text": "Welcome. What brings you here? Tell me."},
            {"role": "client", "text": "Why do you ask?"},
        ]
    }
    assert matching.coach_questions(conversation) == ["What brings you here?"]


@pytest.mark.parametrize(
    ("show", "says"),
    [
        ("starred", "You have not starred a question yet"),
        ("mine", "You have not added a question of your own yet"),
        ("used", "None of the bank's questions was found in your analysed transcripts yet"),
    ],
)
def test_an_empty_view_of_the_bank_says_how_to_fill_it(as_user, owner, show, says):
    page = as_user(owner).get(BANK, {"show": show}).content.decode()
    assert says in page and "No question matches these filters" not in page


def test_narrow_filters_on_starred_questions_are_blamed_on_the_filters(as_user, owner):
    page = as_user(owner).get(BANK, {"show": "starred", "type": "exploration"}).content.decode()
    assert "No question matches these filters" in page


def test_the_page_for_a_new_question_leads_back_to_the_bank(as_user, owner):
    page = as_user(owner).get(reverse("library:question_new"))
    assert page.status_code == 200 and f'href="{BANK}">← Question bank' in page.content.decode()
    refused = as_user(owner).post(reverse("library:question_new"), {"type": "exploration"})
    assert refused.status_code == 400 and "Write the question" in refused.content.decode()
