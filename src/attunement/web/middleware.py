"""A strict content-security policy (everything from this server, nothing from anywhere else),
no caching of pages, and JSON for every error under ``/api/``."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers

from attunement.practice.api_errors import fallback_detail

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class NoStoreMiddleware:
    """Pages are never kept by the browser or a proxy: nearly every one shows client records,
    and a cached copy outlives signing out (the back button on a shared computer shows it).

    A response that already says how to cache (the static files) keeps its own header.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


API_PREFIX = "/api/"


class ApiFallbackMiddleware:
    """Under ``/api/``, the answers no endpoint gives are JSON too: an unknown path (Django's
    404, otherwise the workspace's HTML page) and a wrong method (Ninja's plain-text 405).

    A middleware rather than a catch-all route, so the URL list keeps naming real endpoints
    only. Answers the endpoints made themselves (already JSON) pass untouched.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not _needs_json(request, response):
            return response
        allow = response.get("Allow", "")
        detail = fallback_detail(request.method or "GET", request.path, response.status_code, allow)
        answer = JsonResponse({"detail": detail}, status=response.status_code)
        if allow:
            answer["Allow"] = allow
        return answer


def _needs_json(request: HttpRequest, response: HttpResponse) -> bool:
    under_api = request.path_info.startswith(API_PREFIX)
    is_json = response.get("Content-Type", "").startswith("application/json")
    return under_api and response.status_code in (404, 405) and not is_json
