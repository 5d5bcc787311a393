"""Contracting: a filled agreement sent through a private signed link the client opens once.

The link page is public (no account), so it is outside the access matrix; these tests cover
a valid, a used, an expired, a withdrawn and a tampered link.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from library_factories import make_agreement_request_of

from attunement.library import contracting
from attunement.library.models import AgreementRequest
from attunement.practice.models import Agreement

pytestmark = pytest.mark.django_db
ACK = {"name": "Omar Haddad", "agree": "on", "comment": "Fine by me."}


def link_of(request: AgreementRequest) -> str:
    return reverse("library:acknowledge", kwargs={"token": contracting.token_for(request)})


@pytest.mark.parametrize("kind", ["logistics", "relationship", "working"])
def test_each_template_is_filled_for_the_client(as_user, owner, owner_client, kind):
    page = as_user(owner).get(reverse("library:agreements", args=[owner_client.pk]), {"kind": kind})
    assert contracting.fill(kind, owner_client).splitlines()[0] in page.content.decode()


def test_the_relationship_template_names_the_limits_of_confidentiality(owner_client):
    text = contracting.fill("relationship", owner_client)
    assert "limits" in text and "supervision" in text and "Feedback and challenge" in text


def test_sending_an_agreement_gives_the_coach_a_private_link(as_user, owner, owner_client):
    response = as_user(owner).post(
        reverse("library:agreements", args=[owner_client.pk]),
        {"kind": "working", "text": "We work on speaking up.", "days": 7},
    )
    sent = AgreementRequest.objects.get()
    assert response["Location"] == reverse("library:agreement_request", args=[sent.pk])
    page = as_user(owner).get(response["Location"]).content.decode()
    assert "/agree/" in page and sent.text == "We work on speaking up."


def test_the_agreement_link_has_the_same_copy_button_as_a_checkin_link(
    as_user, owner, owner_client, owner_session
):
    from checkin_factories import make_checkin_of

    web = as_user(owner)
    sent = make_agreement_request_of(owner_client)
    agreement = web.get(reverse("library:agreement_request", args=[sent.pk])).content.decode()
    checkin = make_checkin_of(owner_session)
    check_in = web.get(reverse("checkin_detail", args=[checkin.pk])).content.decode()
    for page in (agreement, check_in):  # one script for both, loaded from a file (strict CSP)
        assert 'id="private-link"' in page and 'data-copy="private-link"' in page
        assert '<script src="/static/practice/copy.js" defer></script>' in page
    assert finders.find("practice/copy.js") and not finders.find("checkins/copy.js")


def test_the_client_acknowledges_once_and_the_agreement_is_recorded(client, owner_client):
    sent = make_agreement_request_of(owner_client)
    url = link_of(sent)
    assert "We meet every two weeks." in client.get(url).content.decode()
    assert client.post(url, ACK).status_code == 200
    sent.refresh_from_db()
    assert sent.acknowledged and sent.acknowledged_name == "Omar Haddad"
    agreement = Agreement.objects.get(engagement__client=owner_client, kind="logistics")
    assert agreement.text == "We meet every two weeks."
    again = client.post(url, ACK)
    assert again.status_code == 410 and "Already acknowledged" in again.content.decode()
    assert Agreement.objects.count() == 1


def test_an_expired_link_explains_itself_and_stores_nothing(client, owner_client):
    sent = make_agreement_request_of(owner_client)
    AgreementRequest.objects.filter(pk=sent.pk).update(
        expires=timezone.now() - timedelta(minutes=1)
    )
    response = client.post(link_of(sent), ACK)
    assert response.status_code == 410 and "expired" in response.content.decode()
    assert not AgreementRequest.objects.get().acknowledged


def test_a_link_older_than_the_longest_validity_is_expired_whatever_the_record_says(
    client, owner_client, monkeypatch
):
    sent = make_agreement_request_of(owner_client)
    old = timezone.now() - timedelta(days=contracting.MAX_DAYS + 1)
    monkeypatch.setattr(signing.time, "time", lambda: old.timestamp())
    token = contracting.token_for(sent)
    monkeypatch.undo()
    response = client.get(reverse("library:acknowledge", kwargs={"token": token}))
    assert response.status_code == 410 and "expired" in response.content.decode()


def test_a_withdrawn_link_explains_itself(as_user, owner, client, owner_client):
    sent = make_agreement_request_of(owner_client)
    url = link_of(sent)
    as_user(owner).post(reverse("library:agreement_withdraw", args=[sent.pk]))
    client.logout()
    response = client.post(url, ACK)
    assert response.status_code == 410 and "withdrew" in response.content.decode()
    assert not Agreement.objects.exists()


def test_a_link_does_not_show_the_requests_database_id(owner_client):
    sent = [make_agreement_request_of(owner_client) for _ in range(2)]
    payloads = [signing.loads(contracting.token_for(r), salt=contracting.SALT) for r in sent]
    assert [set(p) for p in payloads] == [{"m", "n"}, {"m", "n"}]  # no plain id under any name
    assert [p["m"] for p in payloads] != [r.pk for r in sent]
    assert abs(payloads[1]["m"] - payloads[0]["m"]) > 1000  # consecutive ids look unrelated


def test_a_used_link_still_finds_its_request_and_says_when(client, owner_client):
    sent = make_agreement_request_of(owner_client)
    url = link_of(sent)
    client.post(url, ACK)
    again = client.get(url)
    assert again.status_code == 410 and "acknowledged on" in again.content.decode()


def test_a_link_of_the_old_kind_naming_the_id_explains_itself_and_stores_nothing(
    client, owner_client
):
    sent = make_agreement_request_of(owner_client)
    old = signing.dumps({"r": sent.pk, "n": sent.nonce}, salt=contracting.SALT, compress=True)
    response = client.post(reverse("library:acknowledge", kwargs={"token": old}), ACK)
    body = response.content.decode()
    assert response.status_code == 410 and "no longer works" in body
    assert "Ask your coach for the link again" in body
    assert not AgreementRequest.objects.get().acknowledged


@pytest.mark.parametrize("change", ["flip", "cut", "other-salt"])
def test_a_tampered_link_explains_itself_and_stores_nothing(client, owner_client, change):
    sent = make_agreement_request_of(owner_client)
    token = contracting.token_for(sent)
    token = {
        "flip": token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1],
        "cut": token[: len(token) // 2],
        "other-salt": signing.dumps({"r": sent.pk, "n": sent.nonce}, salt="checkins"),
    }[change]
    response = client.post(reverse("library:acknowledge", kwargs={"token": token}), ACK)
    assert (
        response.status_code == 404 and "ask your coach for a new link" in response.content.decode()
    )
    assert not AgreementRequest.objects.get().acknowledged


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"agree": "on"}, "name", "Type your name"),
        ({"name": "Omar"}, "agree", "Tick the box"),
        ({"name": "x" * 121, "agree": "on"}, "name", "at most 120"),
        ({"name": "<script>alert(1)</script>", "agree": "on"}, "name", "looks like HTML"),
    ],
    ids=["no-name", "not-ticked", "overlong", "html"],
)
def test_a_bad_acknowledgement_is_explained_and_nothing_is_stored(
    client, owner_client, data, field, message
):
    sent = make_agreement_request_of(owner_client)
    response = client.post(link_of(sent), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not AgreementRequest.objects.get().acknowledged


def test_the_record_shows_what_was_agreed_when(as_user, owner, client, owner_client):
    sent = make_agreement_request_of(owner_client)
    client.post(link_of(sent), ACK)
    page = (
        as_user(owner).get(reverse("library:agreements", args=[owner_client.pk])).content.decode()
    )
    assert "acknowledged" in page and "Omar Haddad" in page


def test_the_public_page_works_with_csrf_checks_on_as_in_a_browser(owner_client):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    url = link_of(make_agreement_request_of(owner_client))
    page = browser.get(url)
    token = page.context["csrf_token"]
    assert browser.post(url, {**ACK, "csrfmiddlewaretoken": str(token)}).status_code == 200
    assert AgreementRequest.objects.get().acknowledged


def test_a_used_link_of_the_old_kind_still_says_it_was_acknowledged(client, owner_client):
    sent = make_agreement_request_of(owner_client)
    old = signing.dumps({"r": sent.pk, "n": sent.nonce}, salt=contracting.SALT, compress=True)
    client.post(link_of(sent), ACK)
    response = client.get(reverse("library:acknowledge", kwargs={"token": old}))
    assert response.status_code == 410 and "acknowledged on" in response.content.decode()
