"""Commitments and memory cards in the workspace: proposed from transcripts, confirmed by hand,
fed into connection health, and gathered on the preparation page."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from followup_factories import make_card_of, make_commitment_of

from attunement.followup.models import Commitment, MemoryCard
from attunement.practice import health, services

pytestmark = pytest.mark.django_db

TRANSCRIPT = """Dana: Where would you like to start?
Omar: My manager Sarah keeps moving the deadline. Honesty really matters to me.
Dana: What would you like to do about it?
Omar: I'm going to talk to Sarah by Friday.
Dana: Good. I'll send you the article on difficult conversations tomorrow.
Omar: Maybe I'll tell my brother too.
"""


def upload(client, session, text=TRANSCRIPT):
    file = SimpleUploadedFile("omar.txt", text.encode())
    return client.post(reverse("transcript_upload", args=[session.pk]), {"file": file})


def test_an_uploaded_transcript_proposes_commitments_and_cards_that_count_for_nothing_yet(
    as_user, owner, owner_session
):
    upload(as_user(owner), owner_session)
    found = Commitment.objects.filter(session=owner_session).order_by("turn")
    assert [(c.owner, c.text, c.status) for c in found] == [
        ("client", "talk to Sarah", "proposed"),
        ("coach", "send you the article on difficult conversations", "proposed"),
    ]
    assert found[0].due == date(2026, 10, 9)  # the session was on Tuesday 6 October
    cards = {(c.kind, c.text) for c in MemoryCard.objects.filter(confirmed=False)}
    assert {("person", "manager, Sarah"), ("value", "Honesty")} <= cards
    assert health.history_for(services.engagement_for(owner_session.client)).commitments == ()


def test_a_new_transcript_replaces_the_proposals_but_keeps_what_the_coach_confirmed(
    as_user, owner, owner_session
):
    web = as_user(owner)
    upload(web, owner_session)
    kept = Commitment.objects.get(owner="client")
    web.post(reverse("commitment_confirm", args=[kept.pk]))
    upload(web, owner_session)
    rows = Commitment.objects.filter(session=owner_session)
    assert sorted((c.owner, c.status) for c in rows) == [("client", "open"), ("coach", "proposed")]


def test_confirming_a_memory_card_shows_it_on_the_preparation_page(as_user, owner, owner_client):
    card = make_card_of(owner_client, text="daughter, Lina, starts school in May", kind="event")
    web = as_user(owner)
    page = reverse("followup_prepare", args=[owner_client.pk])
    assert "starts school in May" not in web.get(page).content.decode()
    web.post(reverse("card_confirm", args=[card.pk]))
    assert "starts school in May" in web.get(page).content.decode()


def test_the_ledger_shows_both_ways_overdue_and_the_follow_through_rate(
    as_user, owner, owner_client
):
    today = date.today()
    make_commitment_of(owner_client, text="send the reading list", due=today - timedelta(days=3))
    make_commitment_of(
        owner_client, text="share the feedback model", status="done", done_at=datetime.now(UTC)
    )
    make_commitment_of(owner_client, owner="client", text="ask for the budget", due=today)
    body = as_user(owner).get(reverse("followup_ledger", args=[owner_client.pk])).content.decode()
    assert "send the reading list" in body and "ask for the budget" in body
    assert "overdue" in body
    assert re.search(r'class="big">50%', body)  # one done, one overdue


def test_actions_done_without_talking_them_through_raise_compliance_without_engagement(
    as_user, owner, owner_client
):
    web = as_user(owner)
    for text in ("draft the email to the board", "list three strengths"):
        action = make_commitment_of(owner_client, owner="client", text=text)
        web.post(reverse("commitment_done", args=[action.pk]))  # no "talked through" box
    engagement = services.engagement_for(owner_client)
    signs = health.health_for(engagement, datetime.now(UTC) + timedelta(minutes=1)).reasons
    assert "compliance-without-engagement" in {s.rule for s in signs}


def test_an_action_talked_through_is_engagement_not_compliance(as_user, owner, owner_client):
    web = as_user(owner)
    for text in ("draft the email to the board", "list three strengths"):
        action = make_commitment_of(owner_client, owner="client", text=text)
        web.post(reverse("commitment_done", args=[action.pk]), {"reflected": "on"})
    engagement = services.engagement_for(owner_client)
    signs = health.health_for(engagement, datetime.now(UTC) + timedelta(minutes=1)).reasons
    assert "compliance-without-engagement" not in {s.rule for s in signs}


BAD_INPUT = [
    ({"owner": "client", "text": ""}, "text", "Write what was promised"),
    ({"owner": "client", "text": "x" * 301}, "text", "under 300 characters"),
    ({"owner": "client", "text": "<script>alert(1)</script>"}, "text", "looks like HTML"),
    ({"owner": "", "text": "call Sarah"}, "owner", "whose commitment"),
    ({"owner": "client", "text": "call Sarah", "due": "next Friday"}, "due", "YYYY-MM-DD"),
]


@pytest.mark.parametrize(("data", "field", "message"), BAD_INPUT)
def test_a_bad_commitment_is_refused_next_to_its_field_and_nothing_is_stored(
    as_user, owner, owner_client, data, field, message
):
    response = as_user(owner).post(reverse("followup_ledger", args=[owner_client.pk]), data)
    assert response.status_code == 400
    assert message in _errors_of(response.content.decode(), field)
    assert not Commitment.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"kind": "person", "text": ""}, "text", "Write what to remember"),
        ({"kind": "person", "text": "y" * 301}, "text", "under 300 characters"),
        ({"kind": "hope", "text": "<b>bold</b> hope"}, "text", "looks like HTML"),
        ({"kind": "", "text": "sister, Ana"}, "kind", "what kind of detail"),
    ],
)
def test_a_bad_memory_card_is_refused_next_to_its_field_and_nothing_is_stored(
    as_user, owner, owner_client, data, field, message
):
    response = as_user(owner).post(reverse("followup_memory", args=[owner_client.pk]), data)
    assert response.status_code == 400
    assert message in _errors_of(response.content.decode(), field)
    assert not MemoryCard.objects.exists()


def test_editing_a_card_with_html_keeps_the_old_words(as_user, owner, owner_client):
    card = make_card_of(owner_client)
    response = as_user(owner).post(
        reverse("card_edit", args=[card.pk]), {"kind": "person", "text": "<i>Sarah</i>"}
    )
    assert response.status_code == 400
    card.refresh_from_db()
    assert card.text == "manager, Sarah" and not card.confirmed


def test_preparing_before_any_session_was_held_shows_no_health_reading_yet(
    as_user, owner, owner_client
):
    body = as_user(owner).get(reverse("followup_prepare", args=[owner_client.pk])).content.decode()
    assert "No reading yet" in body and "connection 100/100" not in body


def test_the_preparation_page_is_printable_without_inline_styles(as_user, owner, owner_client):
    make_commitment_of(owner_client, owner="client", text="ask for the budget")
    body = as_user(owner).get(reverse("followup_prepare", args=[owner_client.pk])).content.decode()
    for heading in ("The phase's focus", "Open warning signs", "Key moments", "Remember"):
        assert heading in body
    assert "ask for the budget" in body
    assert "followup/followup.css" in body
    assert " style=" not in body and "<style" not in body


def test_commitment_words_are_encrypted_at_rest(owner_client):
    from django.db import connection

    make_commitment_of(owner_client, text="call the sponsor about the budget")
    with connection.cursor() as cursor:
        cursor.execute("select text from followup_commitment")
        stored = cursor.fetchone()[0]
    assert "sponsor" not in stored


def _errors_of(body: str, field: str) -> str:
    """The error text shown in the block of ``field`` (the label's ``for`` names it)."""
    start = body.index(f'for="id_{field}"')
    end = body.find('<div class="field', start)
    return body[start : end if end != -1 else len(body)]


def test_the_demo_practice_has_commitments_and_cards_found_in_its_transcripts():
    from attunement.practice.demo_load import load_demo

    load_demo()  # the demo's histories end about a week before today
    assert Commitment.objects.filter(session__isnull=False).exists()
    assert Commitment.objects.filter(status="done").exists()
    assert MemoryCard.objects.filter(confirmed=True).exists()
    assert MemoryCard.objects.filter(confirmed=False).exists()  # the last session's, to confirm


def _overdue_promise(client):
    """An open warning sign for the preparation page: a promise of the coach ten days late."""
    make_commitment_of(client, text="send the reading list", due=date.today() - timedelta(days=10))


def test_the_preparation_page_takes_strategies_and_questions_from_the_guide(
    as_user, owner, owner_client
):
    from html import unescape

    from attunement.guide import load
    from attunement.library.models import BarrierAssessment

    # An overdue promise asks for trust questions, and so does a client who finds trust hard:
    # the first question under the sign is one from the bank that serves both.
    BarrierAssessment.objects.create(client=owner_client, ratings={"lack-of-trust": 3})
    _overdue_promise(owner_client)
    body = as_user(owner).get(reverse("followup_prepare", args=[owner_client.pk])).content.decode()
    signs = body.split("Open warning signs")[1].split("</section>")[0]
    assert "Keep every small promise" in signs  # the guide's strategy for an overdue promise
    first = re.search(r'sign-questions"><li>(.*?) <span class="help why">— for (.*?)</span>', signs)
    assert first is not None
    trust_questions = {q.text for q in load().questions if "trust" in q.tags}
    assert unescape(first.group(1)) in trust_questions
    assert first.group(2) == "this warning sign, lack of trust"
    assert "guide could not be loaded" not in body


def test_without_the_guide_the_preparation_page_shows_its_own_short_list(
    as_user, owner, owner_client, monkeypatch
):
    from attunement import guide

    def broken(**_):
        raise guide.GuideError("The guide file x.toml is missing", "reinstall Attunement")

    monkeypatch.setattr(guide, "strategies_for", broken)
    _overdue_promise(owner_client)
    response = as_user(owner).get(reverse("followup_prepare", args=[owner_client.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Keep the promise before the session" in body and "guide could not be loaded" in body


@pytest.mark.parametrize(("status", "has_moment"), [("done", True), ("open", False)])
def test_setting_the_status_by_editing_keeps_the_moment_it_was_done_in_step(
    as_user, owner, owner_client, status, has_moment
):
    promise = make_commitment_of(owner_client, status="done", done_at=datetime.now(UTC))
    if status == "done":
        promise.status, promise.done_at = "open", None
        promise.save()
    data = {"owner": "coach", "text": promise.text, "due": "2026-10-23", "status": status}
    response = as_user(owner).post(reverse("commitment_edit", args=[promise.pk]), data)
    assert response.status_code == 302
    promise.refresh_from_db()
    assert (promise.done_at is not None) is has_moment


def test_the_preparation_page_shows_the_notable_moments_of_the_last_session(
    as_user, owner, owner_session
):
    from attunement.analysis.model import AnalyserResult, Layer, Marker, SessionAnalysis
    from attunement.practice.models import Analysis

    markers = (
        Marker(
            "openness", "insight", (7,), "The client named a pattern of their own.", notable=True
        ),
        Marker("questions", "closed", (2,), "A closed question.", layer=Layer.LISTENING_INQUIRY),
    )
    result = SessionAnalysis(results={"x": AnalyserResult("x", "1", markers=markers)})
    Analysis.objects.create(session=owner_session, status="done", result=result.to_dict())
    client = owner_session.client
    body = as_user(owner).get(reverse("followup_prepare", args=[client.pk])).content.decode()
    assert "The client named a pattern of their own." in body and "turn 8" in body
    assert "A closed question." not in body


def test_an_action_done_earlier_can_be_marked_talked_through_and_keeps_its_day(
    as_user, owner, owner_client
):
    done_on = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)
    action = make_commitment_of(owner_client, owner="client", status="done", done_at=done_on)
    web = as_user(owner)
    ledger = web.get(reverse("followup_ledger", args=[owner_client.pk])).content.decode()
    assert "not yet talked through" in ledger and "We talked it through" in ledger
    response = web.post(reverse("commitment_done", args=[action.pk]), {"reflected": "on"})
    assert response["Location"].endswith(f"#commitment-{action.pk}")  # back to the same row
    action.refresh_from_db()
    assert action.reflected and action.done_at == done_on
    ledger = web.get(reverse("followup_ledger", args=[owner_client.pk])).content.decode()
    assert "talked it through" in ledger and "We talked it through" not in ledger


def test_marking_a_done_action_again_without_the_box_keeps_what_was_recorded(
    as_user, owner, owner_client
):
    done_on = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)
    action = make_commitment_of(
        owner_client, owner="client", status="done", done_at=done_on, reflected=True
    )
    as_user(owner).post(reverse("commitment_done", args=[action.pk]))
    action.refresh_from_db()
    assert action.reflected and action.done_at == done_on


def test_confirming_a_proposal_returns_to_the_ones_still_to_check(as_user, owner, owner_client):
    card = make_card_of(owner_client)
    commitment = make_commitment_of(owner_client, status="proposed")
    web = as_user(owner)
    to_card = web.post(reverse("card_confirm", args=[card.pk]))["Location"]
    to_row = web.post(reverse("commitment_confirm", args=[commitment.pk]))["Location"]
    assert to_card == reverse("followup_memory", args=[owner_client.pk]) + "#found"
    assert (
        to_row
        == reverse("followup_ledger", args=[owner_client.pk]) + f"#commitment-{commitment.pk}"
    )
    memory = web.get(reverse("followup_memory", args=[owner_client.pk])).content.decode()
    assert 'id="found"' not in memory  # nothing left to check: the page's top is the place


def test_the_preparation_page_lists_actions_done_but_not_yet_talked_through(
    as_user, owner, owner_client
):
    now = datetime.now(UTC)
    done = [
        ("draft the email", 3, False),
        ("ask for feedback", 3, True),
        ("call the bank", 90, False),  # long before the rule looks
    ]
    for text, days_ago, reflected in done:
        make_commitment_of(
            owner_client,
            owner="client",
            text=text,
            status="done",
            done_at=now - timedelta(days=days_ago),
            reflected=reflected,
        )
    page = as_user(owner).get(reverse("followup_prepare", args=[owner_client.pk]))
    body = page.content.decode()
    section = body[body.index("Done, not yet talked through") :]
    assert "draft the email" in section
    assert "ask for feedback" not in section and "call the bank" not in section


def test_without_such_actions_the_preparation_page_does_not_mention_them(
    as_user, owner, owner_client
):
    page = as_user(owner).get(reverse("followup_prepare", args=[owner_client.pk]))
    assert "Done, not yet talked through" not in page.content.decode()


def test_deleting_a_confirmed_card_asks_first_on_a_page_that_needs_no_script(
    as_user, owner, owner_client
):
    card = make_card_of(owner_client, text="brother, Karim", kind="person", confirmed=True)
    web = as_user(owner)
    delete_url = reverse("card_delete", args=[card.pk])
    memory = web.get(reverse("followup_memory", args=[owner_client.pk])).content.decode()
    assert f'<a href="{delete_url}">Delete</a>' in memory
    asked = web.get(delete_url)
    page = asked.content.decode()
    assert asked.status_code == 200 and "brother, Karim" in page and "no undo" in page
    assert '<form method="post">' in page and "<script" not in page.split("<main>")[1]
    assert MemoryCard.objects.filter(pk=card.pk).exists()  # asking deleted nothing
    deleted = web.post(delete_url)
    assert deleted["Location"] == reverse("followup_memory", args=[owner_client.pk])
    assert not MemoryCard.objects.filter(pk=card.pk).exists()


def test_a_proposal_is_discarded_with_one_press(as_user, owner, owner_client):
    card = make_card_of(owner_client, confirmed=False)
    web = as_user(owner)
    delete_url = reverse("card_delete", args=[card.pk])
    memory = web.get(reverse("followup_memory", args=[owner_client.pk])).content.decode()
    assert f'action="{delete_url}"' in memory and f'<a href="{delete_url}">' not in memory
    web.post(delete_url)
    assert not MemoryCard.objects.filter(pk=card.pk).exists()
