"""Who may open what: every URL of the project, enumerated from Django's resolver.

A URL that takes an id is probed with the owner's object: the teammate (same practice), the
outsider (another practice) and the practice admin get 404, exactly as for an id that does not
exist; the anonymous visitor is sent to sign in (the API answers 401); the owner gets through.

A new URL with an id fails ``test_every_url_with_an_id_has_an_access_case`` until it has a case:
either its view names the model its id refers to (``view.owned_model = Model``, set by the
``owns`` decorators) or it has a row in ``API_CASES`` below.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from personas import SESSION_TEXT, bearer

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    kwargs: tuple[str, ...]
    callback: Any

    @property
    def is_api(self) -> bool:
        return self.name.startswith("api:")


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else entry.namespace or namespace
            )
            yield from _walk(entry, prefix + str(entry.pattern), inner or "")
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else str(entry.name)
            kwargs = tuple(entry.pattern.regex.groupindex)
            yield Route(name, prefix + str(entry.pattern), kwargs, entry.callback)


def all_routes() -> list[Route]:
    return list(_walk(get_resolver()))


def _session_payload() -> dict[str, Any]:
    return {"when": "2026-10-20T09:00:00Z"}


def _upload_payload() -> dict[str, Any]:
    return {"file": SimpleUploadedFile("session.txt", SESSION_TEXT.encode())}


# API routes: url name -> (model its id refers to, HTTP method, a valid request body builder).
# A valid body matters: with an invalid one the API would answer 422 before the ownership check.
API_CASES: dict[str, tuple[str, str, Any]] = {
    "api:get_client": ("Client", "get", None),
    "api:list_sessions": ("Client", "get", None),
    "api:create_session": ("Client", "post_json", _session_payload),
    "api:get_session": ("Session", "get", None),
    "api:upload_transcript": ("Session", "post", _upload_payload),
    "api:session_analysis": ("Session", "get", None),
    "api:get_analysis": ("Analysis", "get", None),
    "api:get_consent": ("Client", "get", None),
    "api:record_consent": (
        "Client",
        "post_json",
        lambda: {"recording": True, "transcription": True, "analysis": True},
    ),
}
# Reachable without signing in, on purpose.
PUBLIC = {"login", "login_code", "logout", "setup", "api:openapi-json", "api:api-root"}
# Public pages opened by a signed token instead of an account: the token is the key, so they
# are outside the persona matrix. Each has its own tests that a tampered, expired or used token
# explains itself and stores nothing (tests/web/test_checkins.py for ``checkin_answer``,
# tests/web/test_library_contracting.py for ``library:acknowledge``).
PUBLIC_TOKEN_PAGES = {"checkin_answer", "library:acknowledge"}


def model_of(route: Route) -> str | None:
    if route.name in API_CASES:
        return API_CASES[route.name][0]
    model = getattr(route.callback, "owned_model", None)
    return model.__name__ if model is not None else None


def _shared(route: Route) -> bool:
    """A page whose id names shared reading (a guide section), not anybody's record."""
    return bool(getattr(route.callback, "shared_content", False))


ID_ROUTES = [
    r for r in all_routes() if r.kwargs and r.name not in PUBLIC_TOKEN_PAGES and not _shared(r)
]
SHARED_ROUTES = [r for r in all_routes() if r.kwargs and _shared(r)]
OPEN_ROUTES = [r for r in all_routes() if not r.kwargs]


def test_every_url_with_an_id_has_an_access_case():
    missing = [f"{r.name} ({r.route})" for r in ID_ROUTES if model_of(r) is None]
    assert not missing, (
        "These URLs take an id but no access case says whose object the id names; mark the view "
        f"with owned_model or add a row to API_CASES: {', '.join(missing)}"
    )


def test_the_enumeration_sees_the_pages_accounts_and_api():
    names = {r.name for r in all_routes()}
    assert {"client_detail", "session_detail", "api_token_revoke", "api:get_client"} <= names


# ---- probing ---------------------------------------------------------------------------------


def _request(client: Any, route: Route, obj: Any, method: str, headers: dict[str, str]) -> Any:
    url = reverse(route.name, kwargs={name: obj.pk for name in route.kwargs})
    builder = API_CASES.get(route.name, (None, None, None))[2]
    body = builder() if builder else {}
    if method == "get":
        return client.get(url, **headers)
    if method == "post_json":
        import json

        return client.post(url, json.dumps(body), content_type="application/json", **headers)
    return client.post(url, body, **headers)


def _method(client: Any, route: Route, obj: Any, entitled: Any) -> str:
    """The method the route answers: the API table says; a page that refuses GET takes POST."""
    if route.is_api:
        return API_CASES[route.name][1]
    client.force_login(entitled)
    url = reverse(route.name, kwargs={k: obj.pk for k in route.kwargs})
    refused = client.get(url).status_code == 405
    client.logout()
    return "post" if refused else "get"


def _as(client: Any, user: Any, route: Route, token_of: Any) -> dict[str, str]:
    client.logout()
    if user is None:
        return {}
    if route.is_api:
        return bearer(token_of(user))
    client.force_login(user)
    return {}


@pytest.mark.parametrize("route", ID_ROUTES, ids=lambda r: r.name)
def test_only_the_entitled_persona_reaches_an_object_url(
    client, route, personas, objects_by_model, api_token_of
):
    model = model_of(route)
    if model is None:
        pytest.fail(f"{route.name} has no access case (see the first test of this module)")
    if model not in objects_by_model:
        pytest.fail(f"{route.name} takes a {model} id: add the owner's {model} to objects_by_model")
    obj = objects_by_model[model]
    allowed = getattr(route.callback, "allowed_persona", "owner")
    method = _method(client, route, obj, personas[allowed])
    for persona in sorted(set(personas) - {allowed}):
        headers = _as(client, personas[persona], route, api_token_of)
        status = _request(client, route, obj, method, headers).status_code
        assert status == 404, f"{persona} got {status} from {method.upper()} {route.route}"
    anonymous = _request(client, route, obj, method, _as(client, None, route, api_token_of))
    if route.is_api:
        assert anonymous.status_code == 401
    else:
        assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    # Last, as it may change the object (a revoke, a switch-off): the entitled one gets through.
    headers = _as(client, personas[allowed], route, api_token_of)
    entitled = _request(client, route, obj, method, headers)
    assert entitled.status_code not in (401, 403, 404), f"{allowed} got {entitled.status_code}"
    assert entitled.status_code < 500, entitled.content[:300]


@pytest.mark.parametrize(
    "route", [r for r in OPEN_ROUTES if r.name not in PUBLIC], ids=lambda r: r.name
)
def test_anonymous_visitor_is_sent_to_sign_in(client, route, owner):
    url = reverse(route.name)
    response = client.get(url) if route.name != "api:create_client" else client.post(url)
    if route.is_api:
        assert response.status_code == 401
    elif response.status_code == 405:  # POST-only page: the POST must be refused too
        response = client.post(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", sorted(PUBLIC_TOKEN_PAGES))
def test_a_public_token_page_explains_a_token_it_did_not_make(client, name, owner):
    response = client.get(reverse(name, kwargs={"token": "not-a-token-we-made"}))
    assert response.status_code == 404
    assert "ask your coach for a new link" in response.content.decode().lower()


@pytest.mark.parametrize("route", SHARED_ROUTES, ids=lambda r: r.name)
def test_a_shared_guide_page_is_for_every_member_and_nobody_signed_out(client, route, personas):
    from attunement import guide

    url = reverse(route.name, kwargs={"section_id": guide.load().sections[0].id})
    assert client.get(url)["Location"].startswith(reverse("login"))
    for persona, user in personas.items():
        client.force_login(user)
        assert client.get(url).status_code == 200, persona
