"""Settings come from the environment; production refuses to start half-configured."""

from __future__ import annotations

import os
import subprocess
import sys


def _import_settings(tmp_path, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "ATTUNE_DATA_DIR": str(tmp_path), **env}
    code = "import attunement.web.settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.PASSWORD_HASHERS[0])"
    return subprocess.run([sys.executable, "-c", code], env=environ, capture_output=True, text=True)


def test_production_without_a_host_list_stops_with_one_sentence(tmp_path):
    run = _import_settings(tmp_path, ATTUNE_ENV="production", ATTUNE_ALLOWED_HOSTS="")
    assert run.returncode != 0
    assert "ATTUNE_ALLOWED_HOSTS is empty; set ATTUNE_ALLOWED_HOSTS" in run.stderr


def test_development_defaults_use_argon2_and_make_an_owner_only_secret_key(tmp_path):
    run = _import_settings(tmp_path, ATTUNE_ENV="development")
    assert run.stdout.split() == [
        "False",
        "False",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]
    assert oct((tmp_path / "secret.key").stat().st_mode & 0o777) == "0o600"


def test_debug_pages_are_off_unless_a_developer_asks_and_never_in_production(tmp_path):
    asked = _import_settings(tmp_path, ATTUNE_DEBUG="1")
    production = _import_settings(
        tmp_path, ATTUNE_DEBUG="1", ATTUNE_ENV="production", ATTUNE_ALLOWED_HOSTS="coach.example"
    )
    assert asked.stdout.split()[0] == "True"
    assert production.stdout.split()[0] == "False"
