"""Who is the coach: named by the user, or judged from questions, talk share, opening and close."""

from __future__ import annotations

import pytest

from attunement.errors import RoleError, TranscriptError
from attunement.transcript import Role, assign_roles, parse, read_text

SESSION = """Ann Smith: Welcome back. What would you like to explore today?
Bo Lee: The move to Leeds. I keep going back and forth and I cannot settle it, it is tiring me out.
Ann Smith: What pulls you towards going?
Bo Lee: The job, mostly, and being near my sister. But my friends are all here and I like my flat.
Cy Host: Sorry, just checking the recording works.
Ann Smith: What would help you decide?
Bo Lee: Maybe writing down what I would miss and what I would gain, and talking to my sister about it.
Ann Smith: Good, let us stop there for today.
"""
# Both ask as many questions as each other and say as many words.
TIE = """Ann: How are you?
Bo: Fine, and you?
Ann: Good thanks.
Bo: Good to hear.
"""


def roles_of(conversation):  # type: ignore[no-untyped-def]
    return {t.speaker: t.role for t in conversation.turns}


def test_coach_is_the_speaker_who_asks_the_questions_and_talks_less():
    conversation = read_text(SESSION, "s.txt")

    assert roles_of(conversation) == {
        "Ann Smith": Role.COACH,
        "Bo Lee": Role.CLIENT,
        "Cy Host": Role.OTHER,
    }
    roles = conversation.metadata["roles"]
    assert (roles["coach"], roles["client"], roles["method"]) == ("Ann Smith", "Bo Lee", "auto")
    assert 0.5 < roles["confidence"] <= 1
    assert "Ann Smith asked 3 of the 3 questions" in roles["reasons"]
    assert "Ann Smith opened the session" in roles["reasons"]


def test_near_tie_is_refused_with_a_request_to_name_the_coach():
    with pytest.raises(RoleError, match="pass --coach NAME with one of Ann, Bo"):
        read_text(TIE, "t.txt")


@pytest.mark.parametrize("given", ["Bo", "bo", "BO "])
def test_explicit_coach_wins_over_the_judgement_and_forgives_case(given):
    conversation = read_text(TIE, "t.txt", coach=given)

    assert roles_of(conversation) == {"Ann": Role.CLIENT, "Bo": Role.COACH}
    assert conversation.metadata["roles"]["method"] == "explicit"
    assert conversation.metadata["roles"]["confidence"] == 1.0


def test_explicit_coach_may_be_given_by_first_name_alone():
    conversation = read_text(SESSION, "s.txt", coach="Bo")

    assert conversation.metadata["roles"]["coach"] == "Bo Lee"
    assert conversation.metadata["roles"]["client"] == "Ann Smith"


def test_explicit_client_alone_makes_the_most_talkative_other_speaker_the_coach():
    conversation = read_text(SESSION, "s.txt", client="Bo Lee")

    assert roles_of(conversation)["Ann Smith"] == Role.COACH
    assert roles_of(conversation)["Cy Host"] == Role.OTHER


def test_unknown_coach_name_is_refused_listing_the_speakers():
    with pytest.raises(RoleError) as caught:
        read_text(SESSION, "s.txt", coach="Dee")

    assert "Ann Smith, Bo Lee, Cy Host" in str(caught.value)
    assert "--coach" in str(caught.value)


def test_same_speaker_as_coach_and_client_is_refused():
    with pytest.raises(RoleError, match="both coach and client"):
        read_text(TIE, "t.txt", coach="Ann", client="ann")


def test_speaker_called_coach_is_taken_for_the_coach_even_in_a_tie():
    text = TIE.replace("Ann:", "Coach:").replace("Bo:", "Client:")

    conversation = read_text(text, "t.txt")

    assert conversation.metadata["roles"]["coach"] == "Coach"
    assert conversation.metadata["roles"]["confidence"] == 1.0


def test_assign_roles_on_a_conversation_with_one_speaker_is_refused():
    conversation = parse("Ann: Hello?\nAnn: Anyone?\n", name="a.txt")

    with pytest.raises(TranscriptError, match="one speaker"):
        assign_roles(conversation)


def test_assign_roles_keeps_the_turns_and_other_metadata():
    conversation = parse(SESSION, name="s.txt")

    assigned = assign_roles(conversation, coach="Ann Smith", client="Bo Lee")

    assert [t.text for t in assigned.turns] == [t.text for t in conversation.turns]
    assert assigned.metadata["roles"]["reasons"] == ["you named the coach and client"]


def test_unnamed_speech_before_the_first_name_is_kept_but_never_taken_for_coach_or_client():
    text = (
        "WEBVTT\n\n00:00.000 --> 00:02.000\nCan everyone hear me? Is this on? Hello?\n\n"
        "00:02.000 --> 00:04.000\nAnn: Welcome, Bo. What would you like to focus on today?\n\n"
        "00:04.000 --> 00:09.000\nBo: My new role and how to settle into it without burning out.\n"
    )

    conversation = read_text(text, "a.vtt")

    assert roles_of(conversation) == {
        "Unknown speaker": Role.OTHER,
        "Ann": Role.COACH,
        "Bo": Role.CLIENT,
    }


# A team session: the coach is labelled in the export but says less than either client.
LABELLED_THREE = """Alex (coach): What would make today useful?
Sam: I want us to stop arguing in every meeting we have together.
Robin: I want Sam to actually listen to me for once, that is all I am asking for.
Alex (coach): What do you each hear?
Sam: That Robin wants to be heard, I suppose, more than anything else.
"""


def test_speaker_labelled_coach_in_brackets_is_the_coach_even_when_not_among_the_two_most_talkative():
    conversation = read_text(LABELLED_THREE, "team.txt")

    assert roles_of(conversation) == {
        "Alex (coach)": Role.COACH,
        "Sam": Role.CLIENT,  # the most talkative of the others
        "Robin": Role.OTHER,
    }
    assert conversation.turns[0].text == "What would make today useful?"
