"""The browser tests' shared set-up: Debian's Chromium, its flags, the marks and two small steps.

Debian's Chromium (``/usr/bin/chromium``, installed by ``scripts/system-deps``) is driven by
Playwright; ``playwright install`` is never needed. The ``page`` fixture in ``conftest.py``
launches it; a browser test module sets ``pytestmark = BROWSER`` and uses ``page``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from personas import PASSWORD

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

BROWSER = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(
        shutil.which(CHROMIUM) is None,
        reason="Chromium is not installed at /usr/bin/chromium; run `bash scripts/system-deps`",
    ),
]


def snap(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def sign_in_with_password(page: Any, base: str, username: str) -> None:
    page.goto(base + "/accounts/login/")
    page.fill("[name=username]", username)
    page.fill("[name=password]", PASSWORD)
    page.click("main button[type=submit]")
