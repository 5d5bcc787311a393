"""The workspace on a phone: every main page fits a 390-pixel-wide screen without sideways scrolling.

Uses the browser set-up of ``browser_helpers.py`` and the ``page`` fixture of ``conftest.py``
(Debian's Chromium, screenshots under ``test-artifacts/browser/``, content-security-policy
violations collected and asserted empty).
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_helpers import BROWSER, sign_in_with_password, snap
from personas import make_analysis_of, make_client_of, make_member, make_session_of

pytestmark = BROWSER

PHONE = {"width": 390, "height": 844}  # a common phone, in CSS pixels


@pytest.fixture
def coach_with_analysis(db: Any) -> Any:
    dana = make_member("dana")
    omar = make_client_of(dana, name="Omar Haddad")
    session = make_session_of(omar)
    make_analysis_of(session)
    return omar, session


def test_the_main_pages_fit_a_phone_screen(page, live_server, coach_with_analysis):
    omar, session = coach_with_analysis
    page.set_viewport_size(PHONE)
    sign_in_with_password(page, live_server.url, "dana")
    page.wait_for_url(live_server.url + "/")
    paths = {
        "dashboard": "/",
        "client": f"/clients/{omar.pk}/",
        "session": f"/sessions/{session.pk}/",
        "new-client": "/clients/new/",
    }
    too_wide = {}
    for name, path in paths.items():
        page.goto(live_server.url + path)
        snap(page, f"30-phone-{name}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[name] = width
    assert too_wide == {}
    assert page.csp_violations == []
