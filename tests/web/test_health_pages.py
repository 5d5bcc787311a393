"""Connection health in the workspace: the dashboard row, and reasons that open onto their turns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from attunement.practice import services

pytestmark = pytest.mark.django_db

# Two "yes, but" to the coach's push and three guarded replies (client turns 2, 4, 6, 8, 10).
GUARDED = """Dana: You should really just tell your manager how it is.
Omar: Yes, but it's not that simple.
Dana: What do you make of that?
Omar: I don't know.
Dana: How did the week go?
Omar: Fine.
Dana: What else is there?
Omar: Not really.
Dana: Don't you think you'd feel better if you did it?
Omar: Yeah, but I don't have the time.
"""


@pytest.fixture
def guarded_twice(owner_client):
    engagement = services.engagement_for(owner_client)
    sessions = []
    for days in (10, 3):
        when = timezone.now() - timedelta(days=days)
        session = services.log_session(engagement, when=when, status="held")
        services.upload_transcript(session, SimpleUploadedFile("s.txt", GUARDED.encode()))
        sessions.append(session)
    return sessions


def test_reluctance_on_the_reasons_page_links_the_turns_that_show_it(
    as_user, owner, owner_client, guarded_twice
):
    page = as_user(owner).get(reverse("health_evidence", args=[owner_client.pk]))
    html = page.content.decode()
    start = html.index('id="sign-reluctance"')
    reluctance = html[start : html.index("</details>", start)]
    latest = reverse("session_detail", args=[guarded_twice[-1].pk])
    assert f'href="{latest}#turn-2"' in reluctance
    assert "Transcript, turns 2, 4, 6, 8, 10" in reluctance
    assert "client turns with a sign of resistance" in reluctance


def test_a_sign_not_read_from_turns_lists_only_its_sessions(as_user, owner, owner_client):
    engagement = services.engagement_for(owner_client)
    for days in (20, 12):
        services.log_session(
            engagement,
            when=timezone.now() - timedelta(days=days),
            status="no_show",
            by_whom="client",
        )
    html = as_user(owner).get(reverse("health_evidence", args=[owner_client.pk])).content.decode()
    start = html.index('id="sign-missed-sessions"')
    assert "Transcript" not in html[start : html.index("</details>", start)]


# Omar talks freely in two sessions, then answers in a few words while Dana talks for him.
OPEN = """Dana: How has the week been?
Omar: It has been a full week, and I finally spoke to my team about the new plan. It went better than I feared, although I still feel unsure about the budget part of it.
Dana: What made it go better?
Omar: I prepared the first two sentences and said them slowly. When I am calm people listen to me, and I noticed I was calmer because I had slept properly for once.
Dana: What do you make of that?
Omar: That I have been running on empty for months and calling it commitment. I want to protect my evenings so I can think clearly again.
Dana: What would protecting your evenings look like?
Omar: Leaving at six on three days a week, and not opening the laptop after dinner. I would like to try that and see what changes at home and at work.
"""
# Client turns 2, 4, 6, 8 are the short replies; coach turns 1, 3, 5, 7 are long or stack questions.
QUIET = """Dana: Last time you told me the budget talk mattered a great deal to you, and I have been thinking about how much was riding on it for you and the team, and about the evenings you wanted to protect, so I am curious where things are now. How did it go? What happened with the evenings?
Omar: Fine.
Dana: Fine can mean a lot of things, and I do not want to put words in your mouth, but it sounded a bit flat to me, and I wonder whether something changed since we last met or whether this is just a tired day for you. What is going on? Is there something we should look at?
Omar: Not really.
Dana: Okay. What would be most useful today? Where shall we start?
Omar: I don't know.
Dana: Perhaps we could go back to the plan of leaving at six, since that was something you cared about, and look at what got in the way of it this week, and what you would need from your manager or from home to make it work. Would that help? Or is there something else?
Omar: Maybe.
"""


@pytest.fixture
def falling_quiet(owner_client):
    engagement = services.engagement_for(owner_client)
    sessions = []
    for days, text in ((40, OPEN), (26, OPEN), (12, QUIET), (3, QUIET)):
        when = timezone.now() - timedelta(days=days)
        session = services.log_session(engagement, when=when, status="held")
        services.upload_transcript(session, SimpleUploadedFile("s.txt", text.encode()))
        sessions.append(session)
    return sessions


def _reason(html, rule):
    start = html.index(f'id="sign-{rule}"')
    return html[start : html.index("</details>", start)]


@pytest.mark.parametrize(
    ("rule", "turns", "detail"),
    [
        ("withdrawal", (2, 4, 6, 8), "the client&#x27;s shortest replies (5 words or fewer)"),
        (
            "coach-working-harder",
            (1, 3, 5, 7),
            "the coach&#x27;s longest turns and turns asking several questions at once",
        ),
    ],
)
def test_a_sign_read_from_shares_of_words_links_the_turns_that_show_it(
    as_user, owner, owner_client, falling_quiet, rule, turns, detail
):
    html = as_user(owner).get(reverse("health_evidence", args=[owner_client.pk])).content.decode()
    reason = _reason(html, rule)
    for session in falling_quiet[2:]:
        url = reverse("session_detail", args=[session.pk])
        assert f'href="{url}#turn-{turns[0]}"' in reason
    assert f"Transcript, turns {', '.join(map(str, turns))}" in reason
    assert detail in reason
    opened = reverse("session_detail", args=[falling_quiet[0].pk])
    assert opened not in reason  # the sessions before the fall are not evidence of it


@pytest.mark.parametrize(
    ("text", "shortest", "heaviest"),
    [
        ("A: Hello there, how are you?\nB: Fine.\nA: Good.\nB: Yes.\n", (1, 3), ()),
        ("A: Why? How? When?\nB: I cannot say right now because it is complicated.\n", (), (0,)),
    ],
)
def test_the_turns_shown_are_the_clients_shortest_and_the_coachs_heaviest(text, shortest, heaviest):
    from attunement.checkins.evidence import heavy_coach_turns, shortest_client_turns

    conversation = services.read_conversation(text.encode(), "t.txt")
    assert shortest_client_turns(conversation) == shortest
    assert heavy_coach_turns(conversation) == heaviest


def test_only_the_six_shortest_replies_are_shown_in_transcript_order():
    from attunement.checkins.evidence import TURNS_SHOWN, shortest_client_turns

    replies = ["Yes, fine, thank you.", "No.", "Maybe.", "Hm.", "Sure.", "Ok.", "I guess.", "No."]
    text = "".join(f"A: And then?\nB: {reply}\n" for reply in replies)
    shown = shortest_client_turns(services.read_conversation(text.encode(), "t.txt"))
    assert len(shown) == TURNS_SHOWN and shown == tuple(sorted(shown))
    assert 1 not in shown  # the four-word reply is the longest of the short ones


def test_the_dashboard_puts_a_falling_relationship_first_with_its_trend_and_reasons_in_a_line(
    as_user, owner
):
    from workspace_factories import make_client, make_session

    steady = make_client(owner, name="Aaron Abel")
    for days in (40, 26, 12):
        make_session(steady, days_ago=days)
    slipping = make_client(owner, name="Zoe Zimmer")
    for days in (40, 30):
        make_session(slipping, days_ago=days)
    make_session(slipping, days_ago=12, status="no_show", by="client")
    make_session(slipping, days_ago=5, status="rescheduled", by="client")
    html = as_user(owner).get(reverse("dashboard")).content.decode()
    zoe = html[html.index("Zoe Zimmer") : html.index("</tr>", html.index("Zoe Zimmer"))]
    aaron = html[html.index("Aaron Abel") : html.index("</tr>", html.index("Aaron Abel"))]
    assert html.index("Zoe Zimmer") < html.index("Aaron Abel")
    assert "↓ falling" in zoe and "→ stable" in aaron
    assert "One no-show and one reschedule by the client in the last month</a>; <a" in zoe


def _troubled_client(owner, name, *, held, missed, low_checkin_day, promise_late_days):
    """A client whose sessions, low check-in and overdue promise of the coach are placed in
    time so the health value and its trend come out as each test below needs."""
    from checkin_factories import make_checkin_of
    from followup_factories import make_commitment_of
    from workspace_factories import make_client, make_session

    client = make_client(owner, name=name)
    sessions = [make_session(client, days_ago=d) for d in held]
    sessions += [make_session(client, days_ago=d, status="no_show", by="client") for d in missed]
    low = {"heard_respected": 5, "worked_on_wanted": 5, "approach_fits": 5, "overall": 5}
    when = timezone.now() - timedelta(days=low_checkin_day)
    make_checkin_of(sessions[0], answered_at=when, scores=low)
    due = (timezone.now() - timedelta(days=promise_late_days)).date()
    make_commitment_of(client, text="send the notes", due=due)
    return client


def test_among_clients_needing_attention_the_weakest_comes_first_then_a_falling_one(as_user, owner):
    from workspace_factories import make_session

    from attunement.practice import health

    # Amy's signs were all open before her last session: strained but not getting worse.
    amy = _troubled_client(
        owner, "Amy Archer", held=(28, 5), missed=(20, 15), low_checkin_day=18, promise_late_days=30
    )
    # Ben has as many signs, all since the session before his last one: the same value, falling.
    ben = _troubled_client(
        owner,
        "Ben Brook",
        held=(40, 28, 12),
        missed=(8, 4),
        low_checkin_day=10,
        promise_late_days=6,
    )
    # Cara also has a gap of 60 days without a session held: the lowest value, though stable
    # (her last session, cancelled by the coach, changed nothing).
    cara = _troubled_client(
        owner, "Cara Cole", held=(60,), missed=(25, 20), low_checkin_day=30, promise_late_days=40
    )
    make_session(cara, days_ago=15, status="cancelled", by="coach")
    now = timezone.now()
    states = {c.name: health.health_for(services.engagement_for(c), now) for c in (amy, ben, cara)}
    assert states["Amy Archer"].value == states["Ben Brook"].value > states["Cara Cole"].value
    assert [s.trend for s in states.values()] == ["stable", "falling", "stable"]
    html = as_user(owner).get(reverse("dashboard")).content.decode()
    order = sorted(states, key=html.index)
    assert order == ["Cara Cole", "Ben Brook", "Amy Archer"]


def test_each_open_sign_on_the_preparation_page_links_to_the_guide_part_explaining_it(
    as_user, owner, owner_client
):
    engagement = services.engagement_for(owner_client)
    for days in (20, 12):
        when = timezone.now() - timedelta(days=days)
        services.log_session(engagement, when=when, status="no_show", by_whom="client")
    html = as_user(owner).get(reverse("followup_prepare", args=[owner_client.pk])).content.decode()
    section = reverse("library:section", args=["missed-sessions"])
    assert f'href="{section}">What this can mean: ' in html


# ---- commitments and memory cards by hand ---------------------------------------------------


def test_a_promise_added_by_hand_is_on_the_ledger_with_its_due_date_and_counts_when_overdue(
    as_user, owner, owner_client
):
    from attunement.practice import health

    due = (timezone.now() - timedelta(days=5)).date()
    data = {"owner": "coach", "text": "send the article on feedback", "due": due.isoformat()}
    web = as_user(owner)
    assert web.post(reverse("followup_ledger", args=[owner_client.pk]), data).status_code == 302
    ledger = web.get(reverse("followup_ledger", args=[owner_client.pk])).content.decode()
    assert "send the article on feedback" in ledger and "added by hand" in ledger
    engagement = services.engagement_for(owner_client)
    signs = health.health_for(engagement, timezone.now()).reasons
    assert "coach-promises-overdue" in {s.rule for s in signs}


def test_a_card_added_by_hand_shows_when_preparing_and_a_deleted_one_does_not(
    as_user, owner, owner_client
):
    from followup_factories import make_card_of

    web = as_user(owner)
    web.post(
        reverse("followup_memory", args=[owner_client.pk]), {"kind": "value", "text": "fairness"}
    )
    unwanted = make_card_of(owner_client, text="cousin, Rafa", confirmed=True)
    web.post(reverse("card_delete", args=[unwanted.pk]))
    prepare = web.get(reverse("followup_prepare", args=[owner_client.pk])).content.decode()
    assert "fairness" in prepare and "cousin, Rafa" not in prepare


def test_a_deleted_commitment_leaves_the_ledger(as_user, owner, owner_client):
    from followup_factories import make_commitment_of

    gone = make_commitment_of(owner_client, text="book the room")
    web = as_user(owner)
    web.post(reverse("commitment_delete", args=[gone.pk]))
    ledger = web.get(reverse("followup_ledger", args=[owner_client.pk])).content.decode()
    assert "book the room" not in ledger
