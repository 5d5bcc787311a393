"""The representational analyser: visual, auditory and kinesthetic wording."""

from __future__ import annotations

import pytest

from attunement.analysis.pipeline import analyse


def representational(conversation):
    return analyse(conversation, only=["representational"]).results["representational"]


VISUAL = "I can see it clearly now, the picture looks bright and I imagine the view."
AUDITORY = "It sounds right, I hear a voice telling me, and it rings true when I listen."
FEELING = "It feels heavy, I'm stuck under the pressure, my gut is tight and tense."


@pytest.mark.parametrize(
    ("text", "system"), [(VISUAL, "visual"), (AUDITORY, "auditory"), (FEELING, "kinesthetic")]
)
def test_a_clear_leaning_in_the_clients_words_is_named_as_their_preference(
    make_conversation, text, system
) -> None:
    conversation = make_conversation(
        [("coach", "Go on."), ("client", text), ("coach", "Mm."), ("client", text)]
    )
    assert representational(conversation).metrics["client_preference"] == system


def test_no_preference_is_named_without_enough_evidence(make_conversation) -> None:
    conversation = make_conversation([("coach", "Go on."), ("client", "I see, it feels odd.")])
    assert representational(conversation).metrics["client_preference"] is None


def test_no_preference_is_named_when_the_systems_are_balanced(make_conversation) -> None:
    conversation = make_conversation([("coach", "Go on."), ("client", VISUAL + " " + AUDITORY)])
    assert representational(conversation).metrics["client_preference"] is None


def test_coach_matching_share_counts_coach_words_in_the_preferred_system(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", FEELING),
            ("coach", "How does that feel in your gut?"),
            ("client", FEELING),
            ("coach", "What do you see when you look at it?"),
        ]
    )
    result = representational(conversation)
    assert result.metrics["coach_match_share"] == 0.5
    kinds = {m.kind for m in result.markers}
    assert {"client_preference", "coach_matches_preference"} <= kinds


def test_words_for_talking_are_not_taken_as_a_preference_for_hearing(make_conversation) -> None:
    reported = (
        "I told him and he said no, so I asked again and we talked, and I'll tell her and call."
    )
    conversation = make_conversation(
        [("coach", "Go on."), ("client", reported), ("coach", "Mm."), ("client", reported)]
    )
    assert representational(conversation).metrics["client_preference"] is None
