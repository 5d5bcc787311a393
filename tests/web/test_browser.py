"""A coach's first hour, in a real Chromium: set up, add a client, log a session, upload, sign out.

Debian's Chromium (``/usr/bin/chromium``, installed by ``scripts/system-deps``) is driven by
Playwright; ``playwright install`` is never needed. The app runs in pytest-django's live server.
Each step saves a screenshot under ``test-artifacts/browser/``. The browser also reports any
content-security-policy violation, so a page that tries to load or run something the policy
forbids fails here.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from personas import PASSWORD, SESSION_TEXT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(
        shutil.which(CHROMIUM) is None,
        reason="Chromium is not installed at /usr/bin/chromium; run `bash scripts/system-deps`",
    ),
]


@pytest.fixture
def page(
    live_server: Any, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop alive in this thread; the ORM calls the test
    # makes between browser steps are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.csp_violations = []  # type: ignore[attr-defined]
        tab.on("console", lambda m: _note_csp(tab, m))
        try:
            yield tab
        finally:
            # The last screen of every test, so a failure can be seen, not guessed.
            tab.screenshot(
                path=str(ARTIFACTS / f"last-{request.node.name[:60]}.png"), full_page=True
            )
            context.close()
            browser.close()


def _note_csp(tab: Any, message: Any) -> None:
    if "Content Security Policy" in message.text:
        tab.csp_violations.append(message.text)


def snap(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_a_new_coach_sets_up_adds_a_client_logs_a_session_uploads_and_signs_out(
    page, live_server, tmp_path
):
    page.goto(live_server.url + "/")
    assert page.url.endswith("/setup/")
    page.fill("[name=practice_name]", "Harbour Coaching")
    page.fill("[name=username]", "dana")
    page.fill("[name=password]", PASSWORD)
    page.fill("[name=password_again]", PASSWORD)
    snap(page, "01-setup")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/")

    page.get_by_role("link", name="Add your first client").click()
    page.fill("[name=name]", "Omar Haddad")
    page.fill("[name=goals]", "Speak up in leadership meetings")
    snap(page, "02-new-client")
    page.click("main button[type=submit]")
    page.wait_for_url("**/clients/*/")
    assert "Omar Haddad" in page.inner_text("main")

    page.get_by_role("link", name="Record consent").click()
    for box in ("recording", "transcription", "analysis"):
        page.check(f"[name={box}]")
    page.click("main button[type=submit]")
    page.wait_for_url("**/clients/*/")

    page.get_by_role("link", name="Log a session").click()
    page.fill("[name=when]", "2026-10-20T09:00")
    snap(page, "03-log-session")
    page.click("main button[type=submit]")
    page.wait_for_url("**/sessions/*/")

    transcript = tmp_path / "omar-2026-10-20.txt"
    transcript.write_text(SESSION_TEXT, encoding="utf-8")
    page.set_input_files("input[type=file]", str(transcript))
    page.get_by_role("button", name="Upload and analyse").click()
    page.wait_for_selector("text=Findings by layer")
    body = page.inner_text("main")
    assert "Transcript" in body and "I froze when my director asked about the delay" in body
    snap(page, "04-analysis")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/**")
    snap(page, "05-signed-out")
    page.goto(live_server.url + "/")
    assert "/accounts/login/" in page.url
    assert page.csp_violations == []


def test_sign_in_page_shows_the_lockout_message_after_five_wrong_passwords(page, live_server):
    from personas import make_member

    make_member("dana")
    page.goto(live_server.url + "/accounts/login/")
    for _ in range(5):
        page.fill("[name=username]", "dana")
        page.fill("[name=password]", "wrong password")
        page.click("main button[type=submit]")
    assert "Too many failed sign-ins" in page.inner_text("main")
    snap(page, "06-locked-out")
    assert page.csp_violations == []


def sign_in_with_password(page: Any, base: str, username: str) -> None:
    page.goto(base + "/accounts/login/")
    page.fill("[name=username]", username)
    page.fill("[name=password]", PASSWORD)
    page.click("main button[type=submit]")


def test_a_coach_turns_on_two_factor_and_then_needs_a_code_to_sign_in(page, live_server):
    import time

    import pyotp
    from personas import make_member

    make_member("dana")
    sign_in_with_password(page, live_server.url, "dana")
    page.get_by_role("link", name="Account security").click()
    page.get_by_role("link", name="Turn on two-factor sign-in").click()
    assert page.locator(".qr svg").is_visible()
    snap(page, "07-two-factor-setup")
    totp = pyotp.TOTP(page.inner_text("#totp-secret").strip())
    page.fill("[name=code]", totp.now())
    page.click("main button[type=submit]")
    assert "Two-factor sign-in is on" in page.inner_text("main")

    page.get_by_role("button", name="Sign out").click()
    sign_in_with_password(page, live_server.url, "dana")
    page.wait_for_url("**/accounts/login/code/")
    snap(page, "08-two-factor-code")
    page.fill("[name=code]", totp.at(time.time() + 30))  # the next code: the last one is spent
    page.click("main button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert page.csp_violations == []
