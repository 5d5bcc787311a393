"""Web fixtures: the personas of the access rules and small factories for their records.

Personas: ``owner`` (a coach whose records the tests probe), ``teammate`` (another coach in the
same practice), ``outsider`` (a coach in another practice), ``practice_admin`` (manages the
owner's practice's accounts, sees no client content) and the anonymous visitor (Django's
unauthenticated ``client``). Owner records: ``owner_client``, ``owner_session``,
``owner_analysis``, ``owner_token``. ``objects_by_model`` maps a model to the owner's object of
that model, for the access-matrix test. ``page`` is a tab of Debian's Chromium on the live server,
for the browser tests (their marks and steps are in ``browser_helpers.py``).

To run any web tests on PostgreSQL: ``python tests/web/pgcluster.py run -- .venv/bin/pytest
tests/web`` (a throwaway cluster; ``DATABASE_URL`` points the settings at it). The ``postgres``
marked test does exactly that for a representative subset.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # pgcluster.py and the helper modules

from browser_helpers import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS
from checkin_factories import make_checkin_of
from followup_factories import make_card_of, make_commitment_of
from library_factories import make_agreement_request_of, make_entry_of, make_own_question_of
from personas import (
    PASSWORD,
    SESSION_TEXT,
    make_analysis_of,
    make_client_of,
    make_member,
    make_session_of,
)

__all__ = ["PASSWORD", "SESSION_TEXT"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Still Argon2 (hashes start with ``argon2$``), at a cost that keeps the suite fast."""
    settings.PASSWORD_HASHERS = ["personas.FastArgon2PasswordHasher"]


@pytest.fixture(autouse=True)
def _lexical_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Web tests analyse without the sentence encoder: each test has a fresh data folder, and
    building the encoder's model there takes ~10 s. The encoder has its own tests."""
    monkeypatch.setenv("ATTUNE_ENCODER", "off")


# ---- the browser tests' page ------------------------------------------------------------------


@pytest.fixture
def page(
    live_server: Any, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[Any]:
    """A tab of Debian's Chromium on the live server; it collects content-security-policy
    violations in ``page.csp_violations`` and saves its last screen under ``ARTIFACTS``."""
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


# ---- personas ----------------------------------------------------------------------------------


@pytest.fixture
def owner(db: Any) -> Any:
    return make_member("owner")


@pytest.fixture
def teammate(owner: Any) -> Any:
    return make_member("teammate", practice=owner.coach.practice)


@pytest.fixture
def outsider(db: Any) -> Any:
    return make_member("outsider")


@pytest.fixture
def practice_admin(owner: Any) -> Any:
    return make_member("admin", practice=owner.coach.practice, role="admin")


@pytest.fixture
def personas(owner: Any, teammate: Any, outsider: Any, practice_admin: Any) -> dict[str, Any]:
    return {"owner": owner, "teammate": teammate, "outsider": outsider, "admin": practice_admin}


# ---- the owner's records -----------------------------------------------------------------------


@pytest.fixture
def owner_client(owner: Any) -> Any:
    return make_client_of(owner)


@pytest.fixture
def owner_session(owner_client: Any) -> Any:
    return make_session_of(owner_client)


@pytest.fixture
def owner_analysis(owner_session: Any) -> Any:
    return make_analysis_of(owner_session)


@pytest.fixture
def owner_token(owner: Any) -> Any:
    from attunement.practice.accounts_security import create_token

    return create_token(owner, "test script")


@pytest.fixture
def objects_by_model(
    owner_client: Any, owner_session: Any, owner_analysis: Any, owner_token: Any
) -> dict[str, Any]:
    """The owner's object of each model, by model name (what a view's ``pk`` refers to)."""
    return {
        "Client": owner_client,
        "Session": owner_session,
        "Analysis": owner_analysis,
        "ApiToken": owner_token.record,
        "Engagement": owner_client.current_engagement(),
        "Coach": owner_client.coach,  # the owner's membership of the practice
        "Checkin": make_checkin_of(owner_session),  # a private check-in link the owner made
        "Commitment": make_commitment_of(owner_client),
        "MemoryCard": make_card_of(owner_client),
        "JournalEntry": make_entry_of(owner_session),
        "OwnQuestion": make_own_question_of(owner_client.coach.user),
        "AgreementRequest": make_agreement_request_of(owner_client),
    }


# ---- helpers -----------------------------------------------------------------------------------


@pytest.fixture
def as_user(client: Any) -> Any:
    """``as_user(user)`` signs the test client in as ``user`` (None stays anonymous)."""

    def sign_in(user: Any) -> Any:
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def api_token_of() -> Any:
    """``api_token_of(user)`` returns a new plain-text token for ``user``."""
    from attunement.practice.accounts_security import create_token

    return lambda user: create_token(user, "test").token
