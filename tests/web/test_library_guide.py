"""The guide inside the workspace: pages, the "How can I help you?" box, and links from findings
and warning signs to the part of the guide that explains them."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from attunement import guide
from attunement.analysis.model import AnalyserResult, Layer, Marker, SessionAnalysis
from attunement.library import asking, links
from attunement.practice.models import Analysis

pytestmark = pytest.mark.django_db


def test_the_guide_index_lists_every_section_by_layer_and_the_phases(as_user, owner):
    page = as_user(owner).get(reverse("library:guide")).content.decode()
    g = guide.load()
    for section in g.sections:
        assert reverse("library:section", kwargs={"section_id": section.id}) in page
    for phase in g.phases:
        assert phase.title in page


def test_a_section_page_shows_its_text_and_links_its_related_sections(as_user, owner):
    g = guide.load()
    section = next(s for s in g.sections if s.related)
    page = as_user(owner).get(reverse("library:section", args=[section.id])).content.decode()
    assert section.title in page and "<h3>" in page  # the Markdown body rendered
    related = g.section(section.related[0])
    assert reverse("library:section", args=[related.id]) in page


def test_links_between_sections_point_to_the_workspace_pages(as_user, owner):
    section = next(s for s in guide.load().sections if "](guide:" in s.body)
    target = re.search(r"\]\(guide:([a-z0-9-]+)\)", section.body).group(1)
    page = as_user(owner).get(reverse("library:section", args=[section.id])).content.decode()
    assert f'href="{reverse("library:section", args=[target])}"' in page


def test_the_section_explaining_a_kind_of_question_opens_those_questions_in_the_bank(
    as_user, owner
):
    from attunement.guide.links import QUESTION_TYPE_SECTIONS

    qtype, section_id = next(iter(QUESTION_TYPE_SECTIONS.items()))
    page = as_user(owner).get(reverse("library:section", args=[section_id])).content.decode()
    assert f"{reverse('library:questions')}?type={qtype}" in page


def test_an_unknown_section_is_not_found(as_user, owner):
    response = as_user(owner).get(reverse("library:section", args=["no-such-part"]))
    assert response.status_code == 404


def test_the_search_box_is_on_every_signed_in_page_and_not_for_visitors(as_user, owner, client):
    assert "How can I help you?" in as_user(owner).get(reverse("dashboard")).content.decode()
    as_user(None)
    assert "How can I help you?" not in client.get(reverse("login")).content.decode()


def test_asking_without_javascript_answers_on_a_full_page_from_the_guide(as_user, owner):
    response = as_user(owner).get(reverse("library:search"), {"q": "client keeps rescheduling"})
    page = response.content.decode()
    assert response.status_code == 200 and "<html" in page
    top = guide.search("client keeps rescheduling", limit=1)[0]
    assert top.title in page


def test_asking_from_the_box_with_htmx_returns_only_the_answers(as_user, owner):
    response = as_user(owner).get(
        reverse("library:search"),
        {"q": "how do I challenge without breaking trust"},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert "<html" not in page and 'class="hits"' in page


def test_the_answers_include_questions_from_the_bank(as_user, owner):
    query = "opening a first session"
    response = as_user(owner).get(reverse("library:search"), {"q": query}, HTTP_HX_REQUEST="true")
    best = guide.search(query, kinds=("question",), limit=1)[0]
    assert f"#q-{best.id}" in response.content.decode()


def test_questions_found_only_by_meaning_say_the_guide_itself_had_nothing(
    as_user, owner, monkeypatch
):
    # What meaning search does with words it cannot place ("qwzx blorp"): no section or
    # strategy, yet always a few "nearest" questions.
    nearest = guide.search("opening a first session", kinds=("question",), limit=1)
    monkeypatch.setattr(
        asking, "answer", lambda query, kinds, limit: nearest if kinds == ("question",) else []
    )
    page = as_user(owner).get(reverse("library:search"), {"q": "qwzx blorp"}).content.decode()
    assert "Nothing in the guide matches “qwzx blorp”" in page
    assert f"#q-{nearest[0].id}" in page


def test_emptying_the_box_clears_the_answers(as_user, owner):
    response = as_user(owner).get(reverse("library:search"), {"q": " "}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response.content == b""


@pytest.mark.parametrize(
    ("query", "expected"),
    [("", "Ask in your own words"), ("x" * 201, "the box takes up to 200")],
    ids=["empty", "overlong"],
)
def test_an_empty_or_overlong_question_is_explained(as_user, owner, query, expected):
    response = as_user(owner).get(reverse("library:search"), {"q": query})
    assert response.status_code == 200 and expected in response.content.decode()


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "box"])
def test_an_overlong_question_is_explained_once(as_user, owner, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = as_user(owner).get(reverse("library:search"), {"q": "x" * 300}, **headers)
    assert response.content.decode().count("That is 300 characters") == 1


def _analysis_with(session, marker: Marker) -> Analysis:
    result = SessionAnalysis(
        results={marker.analyser: AnalyserResult(marker.analyser, "1", markers=(marker,))}
    )
    return Analysis.objects.create(
        session=session, status=Analysis.Status.DONE, progress=100, result=result.to_dict()
    )


def test_a_finding_on_the_session_page_links_to_the_guide_part_that_explains_it(
    as_user, owner, owner_analysis
):
    marker = Marker(
        "openness", "yes_but", (1,), "Agreed and then turned it around.", layer=Layer.OPENNESS
    )
    _analysis_with(owner_analysis.session, marker)
    explained = links.section_for_marker(marker)
    assert explained is not None
    page = as_user(owner).get(reverse("session_detail", args=[owner_analysis.session.pk]))
    assert reverse("library:section", args=[explained.id]) in page.content.decode()


def test_every_warning_sign_rule_has_a_guide_section():
    from attunement.relationship.rules import RULES

    missing = [rule.id for rule in RULES if links.section_for_sign(rule.id) is None]
    assert not missing


def test_a_warning_sign_on_the_client_page_links_to_the_guide(as_user, owner, owner_session):
    # The owner's only session was held weeks ago, so the cadence-gap sign is open.
    client = owner_session.client
    page = as_user(owner).get(reverse("client_detail", args=[client.pk])).content.decode()
    explained = links.section_for_sign("cadence-gap")
    assert explained is not None and "agreed rhythm" in page
    assert reverse("library:section", args=[explained.id]) in page


def test_the_box_answers_by_keyword_until_meaning_search_is_ready(monkeypatch):
    from attunement.library import asking

    encoders = []
    monkeypatch.setattr(asking, "_state", {"started": True, "meaning": False})
    monkeypatch.setattr(
        asking.guide, "search", lambda q, **kw: encoders.append(kw.get("encoder")) or []
    )
    asking.answer("trust", kinds=("section",), limit=1)
    asking._state["meaning"] = True
    asking.answer("trust", kinds=("section",), limit=1)
    assert encoders == [False, None]  # None: the installed encoder, blended with keywords


def test_a_model_that_fails_to_start_leaves_the_box_on_keywords(monkeypatch):
    from attunement.library import asking

    def broken(*args, **kwargs):
        raise RuntimeError("the model file is damaged")

    monkeypatch.setattr(asking, "_state", {"started": True, "meaning": False})
    monkeypatch.setattr(asking.guide, "search", broken)
    asking._warm_up()
    assert asking._state["meaning"] is False
