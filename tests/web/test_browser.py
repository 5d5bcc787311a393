"""A coach's first hour, in a real Chromium: set up, add a client, log a session, upload, sign out.

Debian's Chromium (``/usr/bin/chromium``, installed by ``scripts/system-deps``) is driven by
Playwright through the ``page`` fixture of ``conftest.py``; ``playwright install`` is never
needed. The app runs in pytest-django's live server. Each step saves a screenshot under
``test-artifacts/browser/``. The browser also reports any content-security-policy violation, so
a page that tries to load or run something the policy forbids fails here.
"""

from __future__ import annotations

from browser_helpers import BROWSER, sign_in_with_password, snap
from personas import PASSWORD, SESSION_TEXT

pytestmark = BROWSER


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
