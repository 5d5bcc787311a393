"""The questions analyser: each coach question found, open or closed, and stacked questions."""

from __future__ import annotations

import pytest

from attunement.analysis.analysers.questions import is_question, question_form
from attunement.analysis.pipeline import analyse


def questions(conversation):
    return analyse(conversation, only=["questions"]).results["questions"]


@pytest.mark.parametrize(
    "sentence",
    [
        "What would you like from today?",
        "So what do you want to do about it",
        "Tell me more about the new job.",
        "I'm wondering what that was like for you.",
        "Could you walk me through a normal morning",
        "You felt let down?",
        "So how sure are you that you can keep it up",
        "Let me ask you this, thinking of the last month, how often did you walk",
        "And after all that, do you still want the job",
        "I'm just wondering where you are with all this.",
        "I'm sort of wondering if we could pause here.",
        "Remind me why this matters to you.",
        "If you could just give me a rough idea of when it began.",
        "I wanted to check in and see how the week went.",
        "Any other thoughts",
        "So that is the plan, is that right",
        "And did it help",
        "Are there other options you can see",
    ],
)
def test_a_sentence_counts_as_a_question_with_or_without_its_question_mark(sentence) -> None:
    assert is_question(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "What I mean is that it was late.",
        "You went to the meeting.",
        "Okay, right.",
        "You know what?",
        "What is happening is that your body gets used to it.",
        "What I'm hearing is that the job matters a great deal.",
        'It is almost like, "how could I ever manage that."',
        "I want to make sure you know how to take it.",
        "You made a list, and anything else you think of can go on it later.",
        "One good thing, is that you can join from home.",
        "It is hard, but do your best.",
        "You feel sure you could go ahead and do that.",
        # "do it" instructs: a question would say "does it".
        "List the tasks you dread, and do it this week, not next month.",
        "So do something kind for yourself tonight.",
        # Leaves room to correct an observation the coach asked permission to share.
        "You can tell me if I'm off.",
    ],
)
def test_a_plain_statement_is_not_a_question(sentence) -> None:
    assert not is_question(sentence)


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("What matters most to you about this?", "open"),
        ("How did that feel?", "open"),
        ("Can you tell me a little about your family?", "open"),
        ("Can you-can you tell me about it?", "open"),
        ("Tell me about the last time it happened.", "open"),
        ("I wonder what would change if you said no.", "open"),
        ("In what way is it different now?", "open"),
        ("Would you mind telling me how it started?", "open"),
        ("He left early, and-and how did you feel?", "open"),
        ("Did you speak to her?", "closed"),
        ("Is it the money or the time?", "closed"),
        ("How many nights a week do you drink?", "closed"),
        ("When did you move?", "closed"),
        ("You felt let down?", "closed"),
        ("I wonder if you'd be willing to try it.", "closed"),
    ],
)
def test_question_form_tells_open_invitations_from_closed_checks(sentence, form) -> None:
    assert question_form(sentence) == form


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        # A name or a preamble before the question proper.
        ("Maria, could you give me an example?", "open"),
        ("So, given how the week went, what would you change?", "open"),
        ("Now, if the car was gone, can you think of anything else you could do?", "open"),
        # A subordinate clause first: "when you…" sets the scene, "how…" asks.
        ("When you picture next year, how do you hope it looks?", "open"),
        # A restart: the question after the break is the one asked.
        ("Is it-- why'd he stop?", "open"),
        ("Did- have you spoken to him since?", "closed"),
        # A word broken off and restarted, or a few words said twice.
        ("Wh-what stops you?", "open"),
        ("Where do you- where do you feel you are with it?", "open"),
        # A question joined on with "and".
        ("That sounds good and is there anything else on your list?", "open"),
        ("You went on your own and did you enjoy it?", "closed"),
        # A tag after a statement checks.
        ("You said it was hard, is that right?", "closed"),
        ("Or is it something else?", "closed"),
    ],
)
def test_each_clause_built_as_a_question_is_read_on_its_own(sentence, form) -> None:
    assert question_form(sentence) == form


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("On a scale of one to ten, how ready are you?", "closed"),
        ("Where would you put yourself on that scale?", "closed"),
        ("So, tell me, on a scale of one to ten, how important is this?", "closed"),
        ("If you had to pick a number out of ten, what number would it be?", "closed"),
    ],
)
def test_a_scaling_question_asks_for_a_number(sentence, form) -> None:
    assert question_form(sentence) == form


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("Do you have any thoughts about what might help?", "open"),
        ("Have you thought about how you might start?", "open"),
        ("I'm wondering if you have any ideas on how to begin.", "open"),
        ("Any thoughts on what comes next?", "open"),
        ("And the new job, any thoughts on how it is going?", "open"),
        ("Any other things that worry you?", "open"),
        ("Anything else?", "open"),
        ("Any other tablets?", "closed"),
        ("Do you have the leaflet?", "closed"),
    ],
)
def test_a_question_about_the_clients_own_ideas_is_open(sentence, form) -> None:
    assert question_form(sentence) == form


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("Would you be willing to tell me more about that?", "open"),
        ("Do you want to say a bit more about it?", "open"),
        # Asking leave to raise a topic is a yes or a no.
        ("Would you like to talk about the move today?", "closed"),
        ("Would you like some water?", "closed"),
    ],
)
def test_a_yes_no_question_that_asks_for_more_in_the_clients_words_is_open(sentence, form) -> None:
    assert question_form(sentence) == form


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("Where do you keep the tablets?", "closed"),
        ("W-where did you park?", "closed"),
        ("Where would you like to start?", "open"),
        ("Where do you think this is heading?", "open"),
        ("What was your partner's name?", "closed"),
    ],
)
def test_a_question_about_a_place_or_a_name_is_closed(sentence, form) -> None:
    assert question_form(sentence) == form


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("Where does that leave you?", "open"),
        ("Where have you got to with the forms?", "open"),
        ("So where is the drinking fitting in now?", "open"),
        ("Where did you leave the car?", "closed"),
    ],
)
def test_where_about_a_place_in_a_process_is_open(sentence, form) -> None:
    assert question_form(sentence) == form


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("What was-- what was his name?", "closed"),
        ("How did-- do you still see her?", "closed"),
        ("Did-- what did she say?", "open"),
        # A comma is no restart: "what" still asks.
        ("What, do you think, would help?", "open"),
    ],
)
def test_a_question_broken_off_gives_way_to_the_one_asked_after_it(sentence, form) -> None:
    assert question_form(sentence) == form


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("Why don't we meet again in two weeks?", "closed"),
        ("How about if I call you on Monday?", "closed"),
        ("Why don't you tell me what happened?", "open"),
        ("How about we look at what went well?", "open"),
        ("How about your sister?", "open"),
    ],
)
def test_a_proposal_is_closed_unless_it_invites_the_client_to_talk(sentence, form) -> None:
    assert question_form(sentence) == form


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("I'm just wondering where you are with all this.", "open"),
        ("I'm really interested to know what you've been thinking.", "open"),
        ("Remind me why this matters to you.", "open"),
        ("I'm sort of wondering if we could pause here.", "closed"),
    ],
)
def test_a_wondering_or_a_request_without_a_question_mark_has_a_form(sentence, form) -> None:
    assert question_form(sentence) == form


def test_two_questions_before_the_client_answers_are_stacked(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", "Work has been hard."),
            ("coach", "What's been hardest? Is it the hours?"),
            ("client", "The hours, mostly."),
        ]
    )
    labels = questions(conversation).turn_labels[1]
    assert labels["stacked"] is True
    assert [q["form"] for q in labels["questions"]] == ["open", "closed"]


def test_a_stacked_turn_that_narrows_to_a_closed_question_is_marked(make_conversation) -> None:
    conversation = make_conversation(
        [("coach", "How do you feel about it? Are you angry?"), ("client", "A bit.")]
    )
    markers = questions(conversation).markers
    assert [m.kind for m in markers] == ["stacked_questions"]
    assert markers[0].notable


def test_asking_leave_for_a_summary_is_not_stacked_with_the_check_after_it(
    make_conversation,
) -> None:
    summary = (
        "Can I pull a few threads together? There's the new team, and there's feeling guilty. "
        "Is that a fair summary?"
    )
    conversation = make_conversation([("client", "Yeah."), ("coach", summary)])
    result = questions(conversation)
    assert result.turn_labels[1]["stacked"] is False
    assert "stacked_questions" not in [m.kind for m in result.markers]


def test_client_questions_are_not_counted_as_coach_questions(make_conversation) -> None:
    conversation = make_conversation(
        [("client", "Do you think I should go?"), ("coach", "You're unsure about going.")]
    )
    result = questions(conversation)
    assert result.turn_labels == {}
    assert result.metrics["count"] == 0


def test_three_coach_turns_of_closed_questions_in_a_row_are_marked(make_conversation) -> None:
    rows = []
    for question in ("Did you go?", "Was it busy?", "Did you stay long?"):
        rows += [("coach", question), ("client", "Yes.")]
    markers = questions(make_conversation(rows)).markers
    assert [m.kind for m in markers] == ["closed_question_run"]
    assert markers[0].turns == (0, 2, 4)
