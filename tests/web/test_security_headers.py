"""Headers, cookies, CSRF and the production settings, checked on real responses."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from personas import PASSWORD

import attunement.practice
from attunement.web import settings as project_settings

pytestmark = pytest.mark.django_db

ALLOWED_SOURCES = {"'self'", "'none'", "data:"}


def csp_directives(header: str) -> dict[str, list[str]]:
    parts = [p.strip().split() for p in header.split(";") if p.strip()]
    return {p[0]: p[1:] for p in parts}


@pytest.mark.parametrize("url", ["/accounts/login/", "/", "/api/openapi.json"])
def test_every_response_has_a_csp_that_names_no_outside_source(client, owner, url):
    header = client.get(url)["Content-Security-Policy"]
    directives = csp_directives(header)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'none'"]
    sources = {s for values in directives.values() for s in values}
    assert sources <= ALLOWED_SOURCES, f"unexpected sources: {sources - ALLOWED_SOURCES}"


def test_pages_carry_the_strict_security_headers(client, owner):
    client.force_login(owner)
    response = client.get(reverse("dashboard"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_templates_and_styles_load_nothing_from_other_hosts():
    root = Path(attunement.practice.__file__).parent
    external = re.compile(r"""(?:src|href|url)\s*[=(]\s*["']?(?:https?:)?//""", re.I)
    offenders = [
        str(path.relative_to(root))
        for path in [*root.rglob("*.html"), *root.rglob("*.css")]
        if external.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_sign_in_sets_an_http_only_same_site_session_cookie(client, owner):
    client.post("/accounts/login/", {"username": "owner", "password": PASSWORD})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_argon2_is_the_configured_password_hasher():
    assert (
        project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    )


# ---- CSRF ------------------------------------------------------------------------------------


def csrf_token_from(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_sign_in_form_without_its_csrf_token_is_refused(owner):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/accounts/login/", {"username": "owner", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in browser.session


def test_sign_in_form_with_its_csrf_token_is_accepted(owner):
    browser = Client(enforce_csrf_checks=True)
    token = csrf_token_from(browser.get("/accounts/login/").content.decode())
    response = browser.post(
        "/accounts/login/",
        {"username": "owner", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


@pytest.mark.parametrize("name", ["client_new", "api_token_new", "team"])
def test_signed_in_forms_refuse_a_post_without_the_csrf_token(owner, name):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner)
    response = browser.post(
        reverse(name), {"name": "Forged", "username": "forged", "password": PASSWORD}
    )
    assert response.status_code == 403


# ---- production settings ---------------------------------------------------------------------

PRODUCTION_PROBE = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({k: getattr(s, k) for k in (
    "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS", "SESSION_COOKIE_HTTPONLY", "ALLOWED_HOSTS")}))
"""


def production_env(tmp_path: Path, secret: bool = True) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATTUNE_", "DATABASE_URL"))}
    env.update(
        ATTUNE_ENV="production",
        ATTUNE_DATA_DIR=str(tmp_path / "data"),
        ATTUNE_ALLOWED_HOSTS="coaching.example.org",
        DJANGO_SETTINGS_MODULE="attunement.web.settings",
    )
    if secret:
        env["ATTUNE_SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


@pytest.mark.parametrize("secret_from_env", [True, False], ids=["key-from-env", "key-file"])
def test_deploy_check_is_clean_in_production(tmp_path, secret_from_env):
    done = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(tmp_path, secret=secret_from_env),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_production_settings_use_secure_cookies_https_and_no_debug(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    values = json.loads(done.stdout)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_SSL_REDIRECT"] and values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SESSION_COOKIE_HTTPONLY"] and values["ALLOWED_HOSTS"] == ["coaching.example.org"]


def test_an_uptime_check_with_head_gets_the_sign_in_page_headers(client, owner):
    response = client.head("/accounts/login/")
    assert response.status_code == 200
    assert response.content == b""
