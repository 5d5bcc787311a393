"""Sign-in, lockout, two-factor sign-in, sign-out, password change and the team page."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from personas import PASSWORD, make_member

from attunement.practice import accounts_security as security
from attunement.practice.accounts_models import LoginFailure, TwoFactor

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def sign_in(client, username="owner", password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def fail_times(client, n, username="owner", **extra):
    for _ in range(n):
        response = sign_in(client, username, "not the password", **extra)
    return response


def test_passwords_are_hashed_with_argon2(owner):
    assert owner.password.startswith("argon2$")


def test_right_password_signs_the_coach_in_and_goes_to_the_dashboard(client, owner):
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200


def test_wrong_password_is_refused_with_a_message_and_recorded(client, owner):
    response = sign_in(client, password="wrong")
    assert response.status_code == 200
    assert "do not match" in response.content.decode()
    assert LoginFailure.objects.filter(username="owner").count() == 1


def test_fifth_failure_locks_the_account_for_that_address_and_says_when_to_retry(client, owner):
    response = fail_times(client, 5)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed sign-ins" in page and "try again in 15 minutes" in page


def test_locked_account_refuses_even_the_right_password(client, owner):
    fail_times(client, 5)
    response = sign_in(client)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_address_so_the_coach_can_still_sign_in_elsewhere(client, owner):
    fail_times(client, 5, REMOTE_ADDR="203.0.113.9")
    response = sign_in(client, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302


def test_lockout_also_applies_to_usernames_that_do_not_exist(client, db):
    make_member("someone")
    response = fail_times(client, 5, username="nobody-here")
    assert response.status_code == 429


def test_lockout_lifts_when_the_failures_leave_the_fifteen_minute_window(owner):
    start = timezone.now()
    for minute in range(5):
        security.record_failure("owner", "127.0.0.1", now=start + timedelta(minutes=minute))
    assert security.locked_until(
        "owner", "127.0.0.1", now=start + timedelta(minutes=5)
    ) == start + timedelta(minutes=15)
    assert (
        security.locked_until("owner", "127.0.0.1", now=start + timedelta(minutes=15, seconds=1))
        is None
    )


def test_successful_sign_in_clears_earlier_failures(client, owner):
    fail_times(client, 4)
    assert sign_in(client).status_code == 302
    assert not LoginFailure.objects.filter(username="owner").exists()


def test_sign_out_needs_a_post_and_ends_the_session(client, owner):
    client.force_login(owner)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("login")
    assert client.get(reverse("dashboard")).status_code == 302


def test_next_parameter_cannot_send_the_coach_to_another_site(client, owner):
    response = client.post(
        LOGIN, {"username": "owner", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("dashboard")


def test_password_change_needs_the_old_password_and_stores_an_argon2_hash(client, owner):
    client.force_login(owner)
    new = "another long passphrase 77"
    wrong = client.post(
        reverse("password_change"),
        {"old_password": "nope", "new_password1": new, "new_password2": new},
    )
    assert wrong.status_code == 200 and wrong.context["form"].errors["old_password"]
    right = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert right.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password(new) and owner.password.startswith("argon2$")


def test_an_empty_password_change_says_what_to_type_in_each_field(client, owner):
    client.force_login(owner)
    errors = client.post(reverse("password_change"), {}).context["form"].errors
    assert errors["old_password"] == ["Type your current password: it shows the change is yours."]
    assert errors["new_password1"] == ["Choose a new password."]
    assert errors["new_password2"] == ["Type the new password a second time."]


# ---- two-factor ------------------------------------------------------------------------------


def turn_on_two_factor(client, user):
    client.force_login(user)
    page = client.get(reverse("two_factor_setup"))
    assert "<svg" in page.content.decode()
    device = TwoFactor.objects.get(user=user)
    response = client.post(reverse("two_factor_setup"), {"code": pyotp.TOTP(device.secret).now()})
    assert response.status_code == 302
    client.logout()
    device.refresh_from_db()
    return device


def test_two_factor_setup_shows_an_inline_qr_code_and_stays_off_until_confirmed(client, owner):
    client.force_login(owner)
    page = client.get(reverse("two_factor_setup")).content.decode()
    assert "<svg" in page and "<img" not in page
    assert not security.two_factor_enabled(owner)


def test_two_factor_setup_refuses_a_wrong_code(client, owner):
    client.force_login(owner)
    client.get(reverse("two_factor_setup"))
    response = client.post(reverse("two_factor_setup"), {"code": "000000"})
    assert response.status_code == 200 and response.context["form"].errors["code"]
    assert not security.two_factor_enabled(owner)


def test_two_factor_setup_without_a_code_says_what_to_type(client, owner):
    client.force_login(owner)
    client.get(reverse("two_factor_setup"))
    response = client.post(reverse("two_factor_setup"), {"code": ""})
    errors = response.context["form"].errors["code"]
    assert errors == ["Type the six digits your authenticator app shows."]


def test_with_two_factor_on_the_password_alone_does_not_sign_in(client, owner):
    turn_on_two_factor(client, owner)
    response = sign_in(client)
    assert response["Location"] == reverse("login_code")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("dashboard")).status_code == 302


def test_with_two_factor_on_a_fresh_code_completes_sign_in(client, owner):
    device = turn_on_two_factor(client, owner)
    sign_in(client)
    code = pyotp.TOTP(device.secret).at(timezone.now() + timedelta(seconds=30))  # next step
    response = client.post(reverse("login_code"), {"code": code})
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    assert int(client.session["_auth_user_id"]) == owner.pk


def test_a_used_code_cannot_be_replayed(owner):
    device = security.start_two_factor(owner)
    code = pyotp.TOTP(device.secret).now()
    assert security.verify_code(device, code)
    assert not security.verify_code(TwoFactor.objects.get(pk=device.pk), code)


def test_wrong_codes_count_towards_the_lockout(client, owner):
    turn_on_two_factor(client, owner)
    sign_in(client)
    for _ in range(5):
        client.post(reverse("login_code"), {"code": "123456"})
    response = client.post(reverse("login_code"), {"code": "123456"}, follow=True)
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_code_page_without_a_password_step_sends_back_to_sign_in(client, owner):
    assert client.get(reverse("login_code"))["Location"] == reverse("login")


def test_turning_two_factor_off_needs_the_password(client, owner):
    turn_on_two_factor(client, owner)
    client.force_login(owner)
    client.post(reverse("two_factor_disable"), {"password": "wrong"})
    assert security.two_factor_enabled(owner)
    client.post(reverse("two_factor_disable"), {"password": PASSWORD})
    assert not security.two_factor_enabled(owner)


def test_totp_secret_is_encrypted_at_rest(owner):
    from django.db import connection

    device = security.start_two_factor(owner)
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM practice_twofactor WHERE id = %s", [device.pk])
        stored = cursor.fetchone()[0]
    assert device.secret not in stored


# ---- the team page ---------------------------------------------------------------------------


def test_practice_admin_creates_a_coach_account_in_their_practice(client, practice_admin):
    client.force_login(practice_admin)
    response = client.post(
        reverse("team"),
        {"username": "newcoach", "password": "a fresh passphrase 31", "role": "coach"},
    )
    assert response.status_code == 302
    created = get_user_model().objects.get(username="newcoach")
    assert created.coach.practice == practice_admin.coach.practice
    assert created.password.startswith("argon2$")


def test_a_teammates_username_is_not_filled_with_the_admins_own(client, practice_admin):
    client.force_login(practice_admin)
    response = client.post(
        reverse("team"), {"username": "new coach", "password": "a fresh passphrase 31"}
    )
    assert "only letters, digits, - and _" in response.context["form"].errors["username"][0]
    page = response.content.decode()
    assert 'autocomplete="off"' in page and 'autocomplete="new-password"' in page


def test_the_owner_who_set_up_the_practice_finds_the_team_page_in_the_menu(client):
    client.post(
        reverse("setup"),
        {
            "practice_name": "P",
            "username": "founder",
            "password": PASSWORD,
            "password_again": PASSWORD,
        },
    )
    menu = client.get(reverse("dashboard")).content.decode()
    assert f'href="{reverse("team")}"' in menu
    assert client.get(reverse("team")).status_code == 200


def test_a_plain_coach_sees_no_team_link(client, teammate):
    client.force_login(teammate)
    assert f'href="{reverse("team")}"' not in client.get(reverse("dashboard")).content.decode()


def test_team_page_lists_accounts_but_no_client_names(client, practice_admin, owner_client):
    client.force_login(practice_admin)
    page = client.get(reverse("team")).content.decode()
    assert "owner" in page and owner_client.name not in page


def test_practice_admin_sees_no_client_of_the_practice(client, practice_admin, owner_client):
    client.force_login(practice_admin)
    assert client.get(reverse("client_detail", args=[owner_client.pk])).status_code == 404
    assert owner_client.name not in client.get(reverse("dashboard")).content.decode()


def test_plain_coach_has_no_team_page(client, teammate):
    client.force_login(teammate)
    assert client.get(reverse("team")).status_code == 404


@pytest.mark.parametrize(
    "username, password",
    [("", PASSWORD), ("x" * 61, PASSWORD), ("<script>", PASSWORD), ("ok-name", "short")],
)
def test_team_page_rejects_bad_accounts_and_stores_nothing(
    client, practice_admin, username, password
):
    client.force_login(practice_admin)
    before = get_user_model().objects.count()
    response = client.post(
        reverse("team"), {"username": username, "password": password, "role": "coach"}
    )
    assert response.status_code == 200 and response.context["form"].errors
    assert get_user_model().objects.count() == before


# ---- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "username, password",
    [
        ("", PASSWORD),
        ("owner", ""),
        ("x" * 151, PASSWORD),
        ("owner", "p" * 201),
        ("owner' OR '1'='1", "' OR '1'='1"),
        ("<img src=x onerror=alert(1)>", PASSWORD),
    ],
)
def test_sign_in_refuses_bad_input_without_an_error_page_or_a_session(
    client, owner, username, password
):
    response = client.post(LOGIN, {"username": username, "password": password})
    assert response.status_code == 200
    assert "<img src=x" not in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_empty_sign_in_says_what_is_missing_next_to_each_field(client, owner):
    errors = sign_in(client, "", "").context["form"].errors
    assert errors["username"] == ["Type your username."]
    assert errors["password"] == ["Type your password."]


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", "<b>1</b>", "9" * 50])
def test_code_step_refuses_malformed_codes_with_a_sentence(client, owner, code):
    turn_on_two_factor(client, owner)
    sign_in(client)
    response = client.post(reverse("login_code"), {"code": code})
    assert response.status_code == 200 and response.context["form"].errors["code"]
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("name", ["", "n" * 81])
def test_api_token_form_refuses_a_missing_or_overlong_name(client, owner, name):
    from attunement.practice.accounts_models import ApiToken

    client.force_login(owner)
    response = client.post(reverse("api_token_new"), {"name": name}, follow=True)
    assert "at most 80 characters" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_owner_from_first_run_setup_manages_the_team(client, db):
    from attunement.practice import services

    founder = services.create_owner("founder", PASSWORD, "Harbour Coaching")
    client.force_login(founder)
    assert client.get(reverse("team")).status_code == 200


# ---- the visitor's address behind a proxy ----------------------------------------------------


@pytest.mark.parametrize(
    "trusted, peer, forwarded, expected",
    [
        ("", "203.0.113.9", "198.51.100.1", "203.0.113.9"),  # no proxy trusted: header ignored
        ("127.0.0.1", "127.0.0.1", "198.51.100.1", "198.51.100.1"),
        ("127.0.0.1", "127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # forged left part
        ("127.0.0.1", "203.0.113.9", "198.51.100.1", "203.0.113.9"),  # not from the proxy
        ("127.0.0.1", "127.0.0.1", "not-an-address", "127.0.0.1"),
        ("127.0.0.1", "127.0.0.1", "", "127.0.0.1"),
    ],
)
def test_client_address_believes_forwarded_headers_only_from_trusted_proxies(
    rf, monkeypatch, trusted, peer, forwarded, expected
):
    monkeypatch.setenv("ATTUNE_TRUSTED_PROXIES", trusted)
    request = rf.get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    assert security.client_address(request) == expected


def test_behind_a_trusted_proxy_one_visitor_cannot_lock_out_another(client, owner, monkeypatch):
    monkeypatch.setenv("ATTUNE_TRUSTED_PROXIES", "127.0.0.1")
    fail_times(client, 5, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    response = sign_in(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 302


def test_practice_admin_switches_an_account_off_and_on(client, practice_admin, owner):
    from personas import bearer

    token = security.create_token(owner, "script").token
    client.force_login(practice_admin)
    client.post(reverse("team_member_active", args=[owner.coach.pk]))
    owner.refresh_from_db()
    assert not owner.is_active
    assert sign_in(client).status_code == 200  # the right password no longer opens the account
    assert client.get("/api/clients", **bearer(token)).status_code == 401
    client.force_login(practice_admin)
    client.post(reverse("team_member_active", args=[owner.coach.pk]))
    owner.refresh_from_db()
    assert owner.is_active


def test_practice_admin_cannot_switch_off_their_own_account(client, practice_admin):
    client.force_login(practice_admin)
    response = client.post(
        reverse("team_member_active", args=[practice_admin.coach.pk]), follow=True
    )
    practice_admin.refresh_from_db()
    assert (
        practice_admin.is_active
        and "cannot switch off your own account" in response.content.decode()
    )
