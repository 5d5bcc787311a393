"""The "How can I help you?" box is on every page a signed-in coach opens, and on no public one."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

BOX = "How can I help you?"
TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "attunement"
# Partials (named "_…"), the base itself, the server-error page and the self-contained export
# file (downloaded for supervision, read offline) are not pages of the workspace.
NOT_PAGES = {"base.html", "500.html", "export.html"}

CLIENT_PAGES = [
    "client_detail", "client_edit", "client_checkins", "contact_terms",
    "health_evidence", "followup_ledger", "followup_memory", "followup_prepare",
    "library:barriers", "library:agreements", "consent_new", "session_new", "agreement_new",
]  # fmt: skip
OTHER_PAGES = [
    "dashboard", "client_new", "library:guide", "library:questions", "library:journal",
    "library:entry_new", "library:export",
]  # fmt: skip


def full_page_templates() -> list[Path]:
    return sorted(
        p
        for p in TEMPLATES.glob("*/templates/**/*.html")
        if not p.name.startswith("_") and p.name not in NOT_PAGES
    )


@pytest.mark.parametrize("template", full_page_templates(), ids=lambda p: p.name)
def test_every_page_template_builds_on_the_base_that_carries_the_box(template: Path) -> None:
    assert template.read_text(encoding="utf-8").startswith('{% extends "practice/base.html" %}')


@pytest.mark.parametrize("name", CLIENT_PAGES + OTHER_PAGES)
def test_the_box_is_on_each_page_a_coach_opens(as_user, owner, owner_client, name):
    args = [owner_client.pk] if name in CLIENT_PAGES else []
    response = as_user(owner).get(reverse(name, args=args))
    assert response.status_code == 200
    assert BOX in response.content.decode()


def test_the_box_is_on_a_session_page_and_a_guide_section(as_user, owner, owner_session):
    coach = as_user(owner)
    for url in (
        reverse("session_detail", args=[owner_session.pk]),
        reverse("library:section", args=["contracting"]),
    ):
        assert BOX in coach.get(url).content.decode(), url


def test_a_private_link_page_for_the_client_has_no_box(client, owner_session):
    from checkin_factories import make_checkin_of

    from attunement.checkins.links import make_token

    page = client.get(reverse("checkin_answer", args=[make_token(make_checkin_of(owner_session))]))
    assert page.status_code == 200 and BOX not in page.content.decode()
