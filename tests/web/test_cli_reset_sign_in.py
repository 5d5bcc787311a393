"""`attune reset-sign-in`: the way back in for a coach with no admin to reset them."""

from __future__ import annotations

import io
import sys

import pytest
from django.contrib.auth import get_user_model

from attunement.practice import accounts_security as security
from attunement.practice.accounts_models import LoginFailure

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a brand new passphrase 47"


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch):
    """``typed("text")``: what the command reads from standard input."""

    def feed(text: str) -> None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(text))

    return feed


def test_a_locked_out_owner_gets_a_new_password_and_two_factor_turned_off(attune, owner, typed):
    device = security.start_two_factor(owner)
    device.confirmed = True
    device.save()
    LoginFailure.objects.create(username="owner", ip="203.0.113.9")
    typed(NEW_PASSWORD + "\n")
    code, out, err = attune("reset-sign-in", "OWNER", "--password-stdin")
    assert code == 0, err
    assert "owner can sign in again" in out
    user = get_user_model().objects.get(pk=owner.pk)
    assert user.check_password(NEW_PASSWORD)
    assert not security.two_factor_enabled(user)
    assert not LoginFailure.objects.filter(username="owner").exists()


def test_an_unknown_account_is_one_sentence_naming_the_accounts_there(attune, owner, typed):
    typed(NEW_PASSWORD + "\n")
    code, out, err = attune("reset-sign-in", "nobody")
    assert code == 2 and out == ""
    assert "No account called nobody" in err and "accounts there: owner" in err


@pytest.mark.parametrize("password", ["short", "password123", "owner1234"])
def test_a_weak_password_is_refused_and_the_old_one_still_works(attune, owner, typed, password):
    from personas import PASSWORD

    typed(password + "\n")
    code, _, err = attune("reset-sign-in", "owner")
    assert code == 2
    assert "That password was not accepted" in err
    assert get_user_model().objects.get(pk=owner.pk).check_password(PASSWORD)


def test_a_folder_without_a_workspace_is_one_sentence_and_is_left_untouched(tmp_path):
    import os
    import subprocess

    # A fresh process, as a coach runs it: Django is not set up before the check.
    folder = tmp_path / "not-a-workspace"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["ATTUNE_DATA_DIR"] = str(folder)
    done = subprocess.run(
        [sys.executable, "-m", "attunement", "reset-sign-in", "owner", "--password-stdin"],
        input=NEW_PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert f"There is no workspace in {folder} yet" in done.stderr
    assert not folder.exists()
