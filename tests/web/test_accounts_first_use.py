"""The account pages as a new coach or practice admin meets them: what each message says next.

Sign-up, wrong passwords before and at the lockout, two-factor codes, a teammate's reset of a
forgotten password or lost phone, consent wording and the API token page.
"""

from __future__ import annotations

import pyotp
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from personas import PASSWORD, make_client_of, make_session_of

from attunement.practice import accounts_security as security
from attunement.practice import services
from attunement.practice.accounts_models import LoginFailure, TwoFactor

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a brand new passphrase 77"


def sign_in(client, username="owner", password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def two_factor_on(user):
    device = security.start_two_factor(user)
    device.confirmed = True
    device.save()
    return device


# ---- first visit ---------------------------------------------------------------------------------


def test_an_empty_setup_form_says_what_to_type_in_each_field(client, db):
    response = client.post(reverse("setup"), {"practice_name": ""})
    errors = response.context["form"].errors
    assert errors["practice_name"] == ["Name the practice; your own name is fine."]
    assert "what you type to sign in" in errors["username"][0]
    assert errors["password"] == ["Choose a password."]
    assert "This field is required." not in response.content.decode()


def test_the_setup_form_says_what_a_password_needs_before_it_is_refused(client, db):
    assert "At least 8 characters" in client.get(reverse("setup")).content.decode()


# ---- wrong passwords and the lockout -------------------------------------------------------------


@pytest.mark.parametrize(
    "failures, warning",
    [(1, None), (2, None), (3, "Two more failed tries"), (4, "One more failed try")],
)
def test_wrong_passwords_warn_before_the_last_tries_lock_the_account(
    client, owner, failures, warning
):
    for _ in range(failures):
        response = sign_in(client, password="not it")
    page = response.content.decode()
    assert "do not match" in page
    if warning is None:
        assert "failed tr" not in page
    else:
        assert warning in page and "pause sign-in for this account for 15 minutes" in page


def test_the_lockout_says_the_right_password_waits_too_and_who_can_help(client, owner):
    for _ in range(5):
        response = sign_in(client, password="not it")
    page = response.content.decode()
    assert response.status_code == 429
    assert "even with the right password" in page and "A practice admin can reset" in page


def test_the_sign_in_page_says_where_a_forgotten_password_is_reset(client, owner):
    assert "A practice admin can reset" in client.get(reverse("login")).content.decode()


# ---- two-factor codes ----------------------------------------------------------------------------


def test_a_code_used_a_moment_ago_is_refused_with_a_wait_for_the_next_one(client, owner):
    device = two_factor_on(owner)
    code = pyotp.TOTP(device.secret).now()
    assert security.verify_code(device, code)  # e.g. just used to turn two-factor on
    sign_in(client)
    response = client.post(reverse("login_code"), {"code": code})
    assert "used a moment ago" in response.context["form"].errors["code"][0]
    assert "_auth_user_id" not in client.session


def test_a_wrong_code_suggests_the_app_entry_may_be_another_one(client, owner):
    two_factor_on(owner)
    sign_in(client)
    response = client.post(reverse("login_code"), {"code": "000000"})
    assert "Attunement entry" in response.context["form"].errors["code"][0]


def test_the_setup_key_is_shown_in_groups_of_four_and_the_lost_phone_path_is_named(client, owner):
    client.force_login(owner)
    page = client.get(reverse("two_factor_setup")).content.decode()
    secret = TwoFactor.objects.get(user=owner).secret
    assert f"<span>{secret[:4]}</span><span>{secret[4:8]}</span>" in page
    assert "lose the" in page and "reset your sign-in" in page


# ---- a teammate's reset --------------------------------------------------------------------------


def test_an_admin_resets_a_teammates_sign_in_after_a_lost_phone_and_a_lockout(
    client, practice_admin, owner
):
    two_factor_on(owner)
    for _ in range(5):
        sign_in(client, password="not it")
    client.force_login(practice_admin)
    url = reverse("team_member_reset", args=[owner.coach.pk])
    response = client.post(url, {"password": NEW_PASSWORD}, follow=True)
    assert "can sign in with the new password" in response.content.decode()
    assert not TwoFactor.objects.filter(user=owner).exists()
    assert not LoginFailure.objects.filter(username="owner").exists()
    client.logout()
    assert sign_in(client, password=NEW_PASSWORD)["Location"] == reverse("dashboard")


def test_a_reset_signs_the_teammate_out_of_their_open_sessions(client, practice_admin, owner):
    from django.test import Client

    theirs = Client()
    theirs.force_login(owner)
    client.force_login(practice_admin)
    client.post(reverse("team_member_reset", args=[owner.coach.pk]), {"password": NEW_PASSWORD})
    assert theirs.get(reverse("dashboard")).status_code == 302


def test_a_weak_reset_password_is_refused_next_to_its_field(client, practice_admin, owner):
    client.force_login(practice_admin)
    url = reverse("team_member_reset", args=[owner.coach.pk])
    response = client.post(url, {"password": "owner"})
    assert response.status_code == 200 and response.context["form"].errors["password"]
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


def test_an_admin_is_sent_to_their_own_security_page_to_change_their_own_password(
    client, practice_admin
):
    client.force_login(practice_admin)
    response = client.get(reverse("team_member_reset", args=[practice_admin.coach.pk]))
    assert response["Location"] == reverse("account_security")


def test_the_team_page_offers_a_reset_for_others_and_marks_who_you_are(
    client, practice_admin, owner
):
    client.force_login(practice_admin)
    page = client.get(reverse("team")).content.decode()
    assert reverse("team_member_reset", args=[owner.coach.pk]) in page
    assert reverse("team_member_reset", args=[practice_admin.coach.pk]) not in page
    assert "admin (you)" in page


def test_the_founding_owner_is_shown_as_the_one_who_manages_the_team(client, db):
    founder = services.create_owner("founder", PASSWORD, "Harbour Coaching")
    client.force_login(founder)
    assert "manages the team" in client.get(reverse("team")).content.decode()


def test_a_reset_page_shows_no_client_content(client, practice_admin, owner_client):
    client.force_login(practice_admin)
    page = client.get(reverse("team_member_reset", args=[owner_client.coach.pk]))
    assert page.status_code == 200 and owner_client.name not in page.content.decode()


# ---- consent -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given, words",
    [
        (None, "has no recorded consent to transcription and analysis"),
        ({}, "allows neither transcription nor analysis"),
        ({"transcription": True}, "has consented to transcription but not to analysis"),
        ({"analysis": True}, "has consented to analysis but not to transcription"),
        ({"transcription": True, "analysis": True}, None),
    ],
)
def test_the_consent_gap_names_what_is_missing(owner, given, words):
    client = make_client_of(owner, "Lena", consent=False)
    if given is not None:
        flags = {"recording": False, "transcription": False, "analysis": False, **given}
        services.record_consent(client, **flags)
    gap = services.consent_gap(client)
    assert gap is None if words is None else words in gap


def test_saving_consent_says_whether_transcripts_can_now_be_uploaded(client, owner):
    session = make_session_of(make_client_of(owner, "Lena", consent=False))
    client.force_login(owner)
    url = reverse("consent_new", args=[session.client.pk]) + f"?session={session.pk}"
    page = client.post(url, {"transcription": "on"}, follow=True).content.decode()
    assert "Consent saved: Lena agrees to transcription; transcript uploads stay closed" in page
    assert "Lena has consented to transcription but not to analysis" in page
    page = client.post(url, {"transcription": "on", "analysis": "on"}, follow=True)
    assert "you can upload transcripts" in page.content.decode()


# ---- API tokens ----------------------------------------------------------------------------------


def test_a_new_token_comes_with_a_command_to_try_it_and_the_schema_link(client, owner):
    client.force_login(owner)
    response = client.post(reverse("api_token_new"), {"name": "calendar sync"})
    page = response.content.decode()
    token = response.context["new"].token
    assert f'curl -H "Authorization: Bearer {token}" http://testserver/api/clients' in page
    assert reverse("api:openapi-json") in page


def test_the_schema_is_linked_from_the_security_page(client, owner):
    client.force_login(owner)
    page = client.get(reverse("account_security")).content.decode()
    assert reverse("api:openapi-json") in page


def test_nobody_but_an_admin_of_the_practice_can_reset_a_sign_in(client, teammate, owner):
    client.force_login(teammate)
    response = client.post(
        reverse("team_member_reset", args=[owner.coach.pk]), {"password": NEW_PASSWORD}
    )
    assert response.status_code == 404
    assert get_user_model().objects.get(pk=owner.pk).check_password(PASSWORD)


def test_the_server_log_records_who_reset_whose_sign_in(client, practice_admin, owner, caplog):
    client.force_login(practice_admin)
    client.post(reverse("team_member_reset", args=[owner.coach.pk]), {"password": NEW_PASSWORD})
    assert "admin reset the sign-in of owner" in caplog.text


def test_a_session_without_consent_offers_the_consent_step_instead_of_a_doomed_upload(
    client, owner
):
    session = make_session_of(make_client_of(owner, "Lena", consent=False))
    client.force_login(owner)
    page = client.get(reverse("session_detail", args=[session.pk])).content.decode()
    assert reverse("consent_new", args=[session.client.pk]) in page
    assert reverse("transcript_upload", args=[session.pk]) not in page


def test_deleting_a_client_confirms_it_on_the_dashboard(client, owner):
    person = make_client_of(owner, "Lena")
    client.force_login(owner)
    page = client.post(reverse("client_delete", args=[person.pk]), follow=True)
    assert "Everything recorded about Lena is deleted." in page.content.decode()


def test_setup_tells_the_owner_how_a_forgotten_password_can_be_reset_later(client, db):
    assert "can reset your sign-in" in client.get(reverse("setup")).content.decode()


def test_a_switched_off_coach_with_the_right_password_is_told_the_account_is_off(client, owner):
    owner.is_active = False
    owner.save()
    page = sign_in(client).content.decode()
    assert "This account is switched off" in page and "do not match" not in page
    assert "do not match" in sign_in(client, password="not it").content.decode()


def test_a_practice_admins_home_page_leads_to_the_team_page(client, practice_admin):
    client.force_login(practice_admin)
    page = client.get(reverse("dashboard")).content.decode()
    assert f'<a class="button" href="{reverse("team")}">Add or manage accounts</a>' in page


def test_a_signed_in_coach_opening_the_sign_in_page_goes_straight_on(client, owner):
    client.force_login(owner)
    assert client.get(reverse("login"))["Location"] == reverse("dashboard")


def _holds_a_client(user):
    from personas import make_client_of

    make_client_of(user)


def _set_up_the_practice(user):
    user.is_superuser = True
    user.save(update_fields=["is_superuser"])


@pytest.mark.parametrize(
    "make_unresettable",
    [_holds_a_client, _set_up_the_practice],
    ids=["coach-with-clients", "founding-owner"],
)
def test_an_account_an_admin_could_misuse_is_reset_on_the_server_not_by_an_admin(
    client, practice_admin, owner, make_unresettable
):
    from personas import PASSWORD

    make_unresettable(owner)
    two_factor_on(owner)
    client.force_login(practice_admin)
    url = reverse("team_member_reset", args=[owner.coach.pk])
    page = client.get(url).content.decode()
    assert "attune reset-sign-in owner" in page and "<form" not in page.split("<main>")[1]
    response = client.post(url, {"password": NEW_PASSWORD})
    assert response.status_code == 403
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD) and TwoFactor.objects.filter(user=owner).exists()


def test_a_reset_of_a_switched_off_account_says_it_must_be_switched_on(
    client, practice_admin, owner
):
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    client.force_login(practice_admin)
    url = reverse("team_member_reset", args=[owner.coach.pk])
    response = client.post(url, {"password": NEW_PASSWORD}, follow=True)
    assert "once you switch the account on again" in response.content.decode()
