"""Check-ins by private link: the coach asks, the client answers once, health and dashboard see it.

Who may open the coach's pages is covered by ``test_access_matrix.py`` (every view here is marked
with the model its id names); these tests cover what the pages do and the public link page.
"""

from __future__ import annotations

import re
import time
from datetime import timedelta
from typing import Any

import pytest
from checkin_factories import make_checkin_of
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from attunement.checkins.links import SALT, LinkProblem, make_token, read_token
from attunement.checkins.models import Checkin, ContactTerms
from attunement.practice import health, services
from attunement.practice.models import Engagement

pytestmark = pytest.mark.django_db

GOOD_SCORES = {"heard_respected": 8, "worked_on_wanted": 7, "approach_fits": 9, "overall": 8}
PRIVATE_WORDS = "Please slow down when we reach the hard part about my sister."


def link_of(checkin: Checkin) -> str:
    return reverse("checkin_answer", args=[make_token(checkin)])


def session_answer(**changes: Any) -> dict[str, Any]:
    return {**GOOD_SCORES, "differently": PRIVATE_WORDS, **changes}


def raw_column(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.fixture
def checkin(owner_session: Any) -> Checkin:
    return make_checkin_of(owner_session)


# ---- the coach asks --------------------------------------------------------------------------


def test_the_checkins_page_without_any_says_what_to_do_next(as_user, owner, owner_client):
    page = as_user(owner).get(reverse("client_checkins", args=[owner_client.pk]))
    assert page.status_code == 200
    assert "No check-ins yet" in page.content.decode()


def test_making_a_link_opens_a_page_with_the_private_link_to_copy(as_user, owner, owner_session):
    client = owner_session.client
    response = as_user(owner).post(
        reverse("checkin_new", args=[client.pk]), {"kind": "session", "session": owner_session.pk}
    )
    made = Checkin.objects.get(client=client)
    assert response["Location"] == reverse("checkin_detail", args=[made.pk])
    assert made.session == owner_session and made.kind == "session"
    page = as_user(owner).get(response["Location"]).content.decode()
    assert 'id="private-link"' in page and "/c/" in page


@pytest.mark.parametrize("kind", ["relationship", "message"])
def test_a_link_about_the_relationship_is_not_tied_to_the_session_left_in_the_form(
    as_user, owner, owner_session, kind
):
    client = owner_session.client
    response = as_user(owner).post(
        reverse("checkin_new", args=[client.pk]), {"kind": kind, "session": owner_session.pk}
    )
    assert Checkin.objects.get(client=client).session is None
    assert "for the session of" not in as_user(owner).get(response["Location"]).content.decode()


def test_the_form_says_the_session_only_matters_for_an_after_session_checkin(
    as_user, owner, owner_session
):
    page = as_user(owner).get(reverse("client_checkins", args=[owner_session.client.pk]))
    assert "Only for an after-session check-in" in page.content.decode()
    assert "No session is logged as held yet" not in page.content.decode()


def test_making_the_same_link_twice_returns_the_unused_one(as_user, owner, owner_session):
    client = owner_session.client
    ask = {"kind": "session", "session": owner_session.pk}
    first = as_user(owner).post(reverse("checkin_new", args=[client.pk]), ask)
    again = as_user(owner).post(reverse("checkin_new", args=[client.pk]), ask, follow=True)
    assert Checkin.objects.filter(client=client).count() == 1  # one session, one link
    assert again.redirect_chain[-1][0] == first["Location"]
    assert "You already made this link and it is still unused" in again.content.decode()


@pytest.mark.parametrize(
    "earlier",
    [
        {"answered_at": timezone.now() - timedelta(hours=1)},
        {"created": timezone.now() - timedelta(hours=200)},
    ],
    ids=["answered", "expired"],
)
def test_a_new_link_is_made_when_the_earlier_one_is_answered_or_expired(
    as_user, owner, owner_session, earlier
):
    make_checkin_of(owner_session, **earlier)
    ask = {"kind": "session", "session": owner_session.pk}
    as_user(owner).post(reverse("checkin_new", args=[owner_session.client.pk]), ask)
    assert Checkin.objects.filter(client=owner_session.client).count() == 2


def test_an_unknown_link_kind_is_refused_next_to_its_field(as_user, owner, owner_client):
    response = as_user(owner).post(reverse("checkin_new", args=[owner_client.pk]), {"kind": "x"})
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()
    assert not Checkin.objects.exists()


# ---- the client answers ----------------------------------------------------------------------


def test_a_valid_link_shows_four_sliders_and_the_open_question(client, checkin):
    page = client.get(link_of(checkin))
    body = page.content.decode()
    assert page.status_code == 200
    assert body.count('type="range"') == 4
    assert "What is one thing your coach could do differently next time?" in body
    assert f"About our session on {checkin.session.when:%A %-d %B}" in body  # which one
    assert "no-store" in page["Cache-Control"] and page["Referrer-Policy"] == "strict-origin"


def test_answers_are_stored_once_and_the_free_text_is_encrypted(client, checkin):
    response = client.post(link_of(checkin), session_answer())
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    checkin.refresh_from_db()
    assert checkin.scores == GOOD_SCORES and checkin.total == 32
    assert checkin.answers == {"differently": PRIVATE_WORDS}
    raw = raw_column("checkins_checkin", "answers", checkin.pk)
    assert raw.startswith("gcm1:") and "sister" not in raw


def test_a_used_link_explains_itself_and_keeps_the_first_answers(client, checkin):
    link = link_of(checkin)
    client.post(link, session_answer())
    again = client.post(link, session_answer(overall=0, differently="second try"))
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert "ask your coach for a new link" in again.content.decode().lower()
    checkin.refresh_from_db()
    assert checkin.scores["overall"] == 8 and checkin.answers["differently"] == PRIVATE_WORDS


def test_a_link_past_its_hours_explains_itself_and_stores_nothing(client, owner_session):
    old = make_checkin_of(owner_session, created=timezone.now() - timedelta(hours=169))
    response = client.post(link_of(old), session_answer())
    assert response.status_code == 410 and "has expired" in response.content.decode()
    old.refresh_from_db()
    assert old.answered_at is None and old.scores is None


def test_the_signature_itself_expires_after_the_configured_hours(
    client, checkin, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("ATTUNE_CHECKIN_LINK_HOURS", "2")
    signed_at = time.time() - 3 * 3600  # a token signed three hours ago, on a fixed clock
    with monkeypatch.context() as frozen:
        frozen.setattr(time, "time", lambda: signed_at)
        token = make_token(checkin)
    assert read_token(token, timezone.now()).problem == LinkProblem.EXPIRED
    response = client.get(reverse("checkin_answer", args=[token]))
    assert response.status_code == 410


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # the signature changed
        lambda t: "x" + t,  # the payload changed
        lambda t: t.split(":")[0],  # cut off when copied
    ],
    ids=["signature", "payload", "truncated"],
)
def test_a_tampered_link_explains_itself_and_stores_nothing(client, checkin, tamper):
    token = tamper(make_token(checkin))
    response = client.post(reverse("checkin_answer", args=[token]), session_answer())
    assert response.status_code == 404
    assert "not valid" in response.content.decode()
    checkin.refresh_from_db()
    assert checkin.answered_at is None


def test_a_link_signed_for_another_purpose_is_refused(client, checkin):
    from django.core import signing

    forged = signing.dumps({"c": checkin.pk, "n": checkin.nonce}, salt="another.purpose")
    assert read_token(forged, timezone.now()).problem == LinkProblem.TAMPERED


def test_a_link_whose_checkin_was_remade_does_not_open_the_new_one(checkin):
    token = make_token(checkin)
    Checkin.objects.filter(pk=checkin.pk).update(nonce="another")
    assert read_token(token, timezone.now()).problem == LinkProblem.TAMPERED


def test_a_link_carries_only_its_random_nonce_and_no_database_id(owner_session):
    from django.core import signing

    first, second = make_checkin_of(owner_session), make_checkin_of(owner_session)
    payloads = [signing.loads(make_token(c), salt=SALT) for c in (first, second)]
    assert payloads == [first.nonce, second.nonce]  # nothing else: no id to count or guess
    assert len({first.nonce, second.nonce}) == 2


def test_a_link_of_the_old_kind_naming_the_id_explains_itself_and_stores_nothing(client, checkin):
    from django.core import signing

    old = signing.dumps({"c": checkin.pk, "n": checkin.nonce}, salt=SALT, compress=False)
    response = client.post(reverse("checkin_answer", args=[old]), session_answer())
    body = response.content.decode()
    assert response.status_code == 410 and "no longer works" in body
    assert "Ask your coach for the link again" in body
    checkin.refresh_from_db()
    assert checkin.answered_at is None


def test_a_used_link_of_the_old_kind_still_says_it_was_used(client, checkin):
    from django.core import signing

    old = signing.dumps({"c": checkin.pk, "n": checkin.nonce}, salt=SALT, compress=False)
    client.post(link_of(checkin), session_answer())
    response = client.get(reverse("checkin_answer", args=[old]))
    assert response.status_code == 410 and "already been used" in response.content.decode()


def test_the_coach_page_shows_a_link_of_the_new_kind_that_opens(as_user, owner, client, checkin):
    page = as_user(owner).get(reverse("checkin_detail", args=[checkin.pk])).content.decode()
    url = re.search(r'value="https?://[^/]+(/c/[^"]+)" id="private-link"', page)
    assert url is not None and client.get(url.group(1)).status_code == 200


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"overall": 11}, "overall"),
        ({"heard_respected": -1}, "heard_respected"),
        ({"approach_fits": "lots"}, "approach_fits"),
        ({"differently": "x" * 1001}, "differently"),
        ({"differently": "<script>alert(1)</script>"}, "differently"),
    ],
    ids=["above-10", "below-0", "not-a-number", "overlong-text", "html"],
)
def test_bad_input_is_refused_next_to_its_field_and_nothing_is_stored(
    client, checkin, changes, field
):
    response = client.post(link_of(checkin), session_answer(**changes))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == [field]
    body = response.content.decode()
    assert body.index(f'name="{field}"') < body.index('class="error"')
    checkin.refresh_from_db()
    assert checkin.answered_at is None and checkin.scores is None


def test_the_relationship_checkin_needs_at_least_one_answer(client, owner_session):
    monthly = make_checkin_of(owner_session, kind="relationship")
    empty = client.post(link_of(monthly), {})
    assert empty.status_code == 400 and "at least one question" in empty.content.decode()
    client.post(link_of(monthly), {"works_best": "The quiet pauses."})
    monthly.refresh_from_db()
    assert monthly.answers["works_best"] == "The quiet pauses." and monthly.scores is None


# ---- the coach's prediction ------------------------------------------------------------------


def test_a_prediction_before_the_answer_is_kept_and_charted_against_it(
    as_user, owner, client, checkin
):
    predicted = {"heard_respected": 9, "worked_on_wanted": 9, "approach_fits": 9, "overall": 9}
    as_user(owner).post(reverse("checkin_predict", args=[checkin.pk]), predicted)
    client.logout()
    client.post(link_of(checkin), session_answer())
    checkin.refresh_from_db()
    assert checkin.predicted_total == 36 and checkin.total == 32
    page = as_user(owner).get(reverse("client_checkins", args=[checkin.client.pk]))
    body = page.content.decode()
    assert "<svg" in body and "you expected 4 more" in body


def test_a_prediction_after_the_answer_is_refused(as_user, owner, client, checkin):
    client.post(link_of(checkin), session_answer())
    late = as_user(owner).post(reverse("checkin_predict", args=[checkin.pk]), GOOD_SCORES)
    assert late.status_code == 400 and "already answered" in late.content.decode()
    checkin.refresh_from_db()
    assert checkin.predicted is None


def test_the_prediction_sliders_show_their_number_and_scale_as_the_clients_do(
    as_user, owner, checkin
):
    predicted = {"heard_respected": 7, "worked_on_wanted": 6, "approach_fits": 8, "overall": 7}
    as_user(owner).post(reverse("checkin_predict", args=[checkin.pk]), predicted)
    page = as_user(owner).get(reverse("checkin_detail", args=[checkin.pk])).content.decode()
    shown = re.findall(r'<output for="id_(\w+)" class="slider-value">(\d+)</output>', page)
    assert dict(shown) == {item: str(score) for item, score in predicted.items()}
    assert page.count("0 = not at all · 10 = completely") == 4
    assert "checkins/slider" in page  # moves the number with the slider


# ---- between sessions: messages and the contact terms -----------------------------------------


def test_the_client_sees_the_agreed_boundaries_on_the_message_link(as_user, owner, owner_session):
    client_record = owner_session.client
    terms = {
        "response_hours": 24,
        "hours": "Weekdays, 9 to 17",
        "channels": "This link or email",
        "emergency": "Call 112; I am not a crisis service.",
    }
    saved = as_user(owner).post(reverse("contact_terms", args=[client_record.pk]), terms)
    assert saved.status_code == 302
    message = make_checkin_of(owner_session, kind="message")
    as_user(None)
    page = as_user(None).get(link_of(message)).content.decode()
    assert "within 24 hours" in page and "Weekdays, 9 to 17" in page and "Call 112" in page
    raw = raw_column("checkins_contactterms", "emergency", ContactTerms.objects.get().pk)
    assert raw.startswith("gcm1:")
    thanks = as_user(None).post(link_of(message), {"message": "Can we move Thursday?"})
    assert "Your coach replies within 24 hours (Weekdays, 9 to 17)." in thanks.content.decode()


@pytest.mark.parametrize(
    ("hours", "says"),
    [("0", "Give at least 1 hour"), ("721", "at most 720 hours"), ("two days", "whole number")],
)
def test_contact_terms_refuse_an_impossible_response_time_and_say_why(
    as_user, owner, owner_client, hours, says
):
    response = as_user(owner).post(
        reverse("contact_terms", args=[owner_client.pk]), {"response_hours": hours}
    )
    assert response.status_code == 400 and "response_hours" in response.context["form"].errors
    assert says in response.content.decode()
    assert not ContactTerms.objects.exists()


def test_a_message_waiting_past_the_response_time_is_flagged_until_replied(
    as_user, owner, client, owner_session
):
    message = make_checkin_of(owner_session, kind="message")
    client.post(link_of(message), {"message": "Can we move Thursday?"})
    Checkin.objects.filter(pk=message.pk).update(answered_at=timezone.now() - timedelta(hours=50))
    dashboard = as_user(owner).get(reverse("dashboard")).content.decode()
    assert "Message waiting 50 h" in dashboard and "reply within 48 h" in dashboard
    as_user(owner).post(reverse("checkin_replied", args=[message.pk]))
    assert "Message waiting" not in as_user(owner).get(reverse("dashboard")).content.decode()


def test_a_message_within_the_response_time_is_not_flagged(as_user, owner, client, owner_session):
    message = make_checkin_of(owner_session, kind="message")
    client.post(link_of(message), {"message": "Thanks for today."})
    assert "Message waiting" not in as_user(owner).get(reverse("dashboard")).content.decode()


# ---- connection health and the dashboard -----------------------------------------------------


def answered(session: Any, days_ago: int, **scores: int) -> Checkin:
    when = timezone.now() - timedelta(days=days_ago)
    return make_checkin_of(session, answered_at=when, scores={**GOOD_SCORES, **scores})


def test_answered_checkins_feed_the_connection_health(owner_session):
    answered(owner_session, 3, overall=2, approach_fits=3)
    engagement = owner_session.engagement
    history = health.history_for(engagement)
    assert [c.total for c in history.checkins] == [20]
    rules = [sign.rule for sign in health.health_for(engagement, timezone.now()).reasons]
    assert "low-checkin" in rules


def test_the_dashboard_links_each_reason_to_its_evidence(as_user, owner, owner_session):
    earlier = answered(owner_session, 10)
    latest = answered(owner_session, 2, overall=2, worked_on_wanted=3)
    client_record = owner_session.client
    dashboard = as_user(owner).get(reverse("dashboard")).content.decode()
    evidence_url = reverse("health_evidence", args=[client_record.pk])
    assert f'{evidence_url}#sign-checkin-drop"' in dashboard
    assert "last check-in 22/40, down 10" in dashboard
    page = as_user(owner).get(evidence_url).content.decode()
    assert reverse("checkin_detail", args=[latest.pk]) in page
    assert reverse("checkin_detail", args=[earlier.pk]) in page


def test_the_evidence_page_without_signs_says_what_to_do(as_user, owner, owner_client):
    services.log_session(services.engagement_for(owner_client), when=timezone.now())
    page = as_user(owner).get(reverse("health_evidence", args=[owner_client.pk]))
    assert "No warning signs" in page.content.decode()
    assert "Each reason below opens" not in page.content.decode()  # there is none to open


def test_the_evidence_page_before_any_session_says_when_a_reading_starts(
    as_user, owner, owner_client
):
    page = as_user(owner).get(reverse("health_evidence", args=[owner_client.pk])).content.decode()
    assert "No reading yet: it starts once the first session is" in page
    assert "Trend: new" not in page


def test_a_checkin_before_any_session_was_held_points_to_logging_one(as_user, owner, owner_client):
    page = as_user(owner).get(reverse("client_checkins", args=[owner_client.pk])).content.decode()
    assert "No session is logged as held yet" in page
    assert reverse("session_new", args=[owner_client.pk]) in page


def test_the_coach_reads_the_answers_on_the_checkin_page(as_user, owner, client, checkin):
    client.post(link_of(checkin), session_answer())
    page = as_user(owner).get(reverse("checkin_detail", args=[checkin.pk])).content.decode()
    assert PRIVATE_WORDS in page and "32/40" in page and 'id="private-link"' not in page


def test_the_coach_reads_a_message_as_the_clients_words_not_their_own(
    as_user, owner, client, owner_session
):
    message = make_checkin_of(owner_session, kind="message")
    client.post(link_of(message), {"message": "Can we move Thursday?"})
    page = as_user(owner).get(reverse("checkin_detail", args=[message.pk])).content.decode()
    name = owner_session.client.name
    assert f"<dt>{name} wrote</dt>" in page and "<dt>Your message</dt>" not in page
    assert "Nothing is sent from here" in page  # says where the reply goes before the button


def test_a_concern_on_the_checkin_page_says_what_to_do_before_marking_it(
    as_user, owner, client, owner_session
):
    monthly = make_checkin_of(owner_session, kind="relationship")
    client.post(link_of(monthly), {"to_address": "I felt rushed at the end."})
    page = as_user(owner).get(reverse("checkin_detail", args=[monthly.pk])).content.decode()
    assert "Raise it at your next session" in page
    assert page.index("Raise it at your next session") < page.index("Mark as discussed")


def test_a_checkin_from_an_earlier_engagement_stays_with_it(owner_session):
    answered(owner_session, 5, overall=1)
    client_record = owner_session.client
    later = Engagement.objects.create(client=client_record, start=timezone.localdate())
    assert health.history_for(later).checkins == ()
    assert len(health.history_for(owner_session.engagement).checkins) == 1


def test_the_sliders_ask_exactly_the_items_the_health_rules_read():
    from attunement.checkins.forms import ITEM_LABELS, SessionCheckinForm
    from attunement.relationship.history import CHECKIN_ITEMS

    assert tuple(ITEM_LABELS) == CHECKIN_ITEMS
    assert [name for name in SessionCheckinForm().fields][:4] == list(CHECKIN_ITEMS)


def test_a_link_cannot_name_another_coachs_session(as_user, owner, outsider, owner_client):
    from personas import make_client_of, make_session_of

    theirs = make_session_of(make_client_of(outsider, name="Someone Else"))
    response = as_user(owner).post(
        reverse("checkin_new", args=[owner_client.pk]), {"kind": "session", "session": theirs.pk}
    )
    assert response.status_code == 400 and "session" in response.context["form"].errors
    assert not Checkin.objects.exists()


def test_turn_evidence_links_to_the_turn_and_foreign_refs_get_no_link(owner_session):
    from attunement.checkins.evidence import explain
    from attunement.relationship.health import Health
    from attunement.relationship.phase import Phase
    from attunement.relationship.signs import Evidence, Sign

    turns = Evidence("turns", str(owner_session.pk), owner_session.when, "short replies", (4, 5))
    foreign = Evidence("session", "999999", None, "not this engagement")
    sign = Sign("withdrawal", "client's turns shorter", 25, (turns, foreign))
    report = Health(value=75, band="steady", reasons=(sign,), phase=Phase.INITIAL)
    [reason] = explain(report, owner_session.engagement)
    assert reason.title == "Client withdrawing"
    assert reason.evidence[0].url == reverse("session_detail", args=[owner_session.pk]) + "#turn-5"
    assert reason.evidence[0].label == "Transcript, turns 5, 6"  # counted from 1
    assert reason.evidence[1].url == ""


def test_the_session_page_offers_a_checkin_on_that_session(as_user, owner, owner_session):
    page = as_user(owner).get(reverse("session_detail", args=[owner_session.pk])).content.decode()
    url = reverse("client_checkins", args=[owner_session.client.pk])
    assert f"{url}?session={owner_session.pk}" in page
    form = as_user(owner).get(f"{url}?session={owner_session.pk}").context["form"]
    assert form.initial["session"] == owner_session.pk
