"""What the JSON API answers when a request goes wrong, in sentences a script's author can act on.

Django Ninja's own answers ("Unauthorized", "Not Found", a list of pydantic error objects) name
neither the cause nor the fix; ``api.py`` swaps them for these. Every error body has ``detail``
(one sentence) and, for refused values, ``errors`` (field name -> sentences), the same shape
whether a form or the schema refused the value.
"""

from __future__ import annotations

from typing import Any

NO_TOKEN = (
    "No valid API token was sent; send your personal token as the header "
    "'Authorization: Bearer att_...' (make one under Account security, /accounts/security/). "
    "A revoked token, or one of a switched-off account, no longer works."
)
NOT_FOUND = (
    "No such record among yours: the id does not exist, was deleted or belongs to another "
    "account; list yours with GET /api/clients."
)
BAD_BODY = (
    'The request body is not valid JSON; send a JSON object such as {"name": "Maya"} '
    "with the header 'Content-Type: application/json'."
)
# Answers for requests that reach no endpoint (``web.middleware.ApiFallbackMiddleware``).
NO_ENDPOINT = (
    "No endpoint answers at {path} (usually a misspelt path, a trailing slash or an id that "
    "is not a whole number); the schema at /api/openapi.json lists every endpoint and its methods."
)
WRONG_METHOD = (
    "{path} does not take {method}, only {allowed}; the schema at /api/openapi.json lists "
    "every endpoint and its methods."
)
# Ninja's wording when the body cannot be parsed (ninja/params/models.py).
NINJA_BAD_BODY = "Cannot parse request body"

# Pydantic's error types, in plain words; other types keep pydantic's own message.
PLAIN = {
    "missing": "This field is required.",
    "bool_parsing": "Send true or false.",
    "int_parsing": "Send a whole number, without quotes.",
    "int_type": "Send a whole number, without quotes.",
    "string_type": "Send text in double quotes.",
    "extra_forbidden": "No such field here; check its spelling against /api/openapi.json.",
}
WHEN_HINT = " Send a date and time such as 2026-11-20T10:00:00Z (ISO 8601)."


def _field(loc: list[Any]) -> str:
    """``["body", "payload", "name"]`` -> ``name``; ``["file", "file"]`` -> ``file``."""
    parts = [str(p) for p in loc if p not in ("body", "payload", "query", "path", "form")]
    names = [p for p in parts if not p.isdigit()]
    return ".".join(dict.fromkeys(names)) or "body"


def _message(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    if kind in PLAIN:
        return PLAIN[kind]
    message = str(error.get("msg", "This value was not accepted")).rstrip(".") + "."
    return message + (WHEN_HINT if kind.startswith(("datetime", "date")) else "")


def field_errors(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Ninja's validation errors as ``{field: [sentence, ...]}``, like a form's errors."""
    out: dict[str, list[str]] = {}
    for error in errors:
        out.setdefault(_field(list(error.get("loc", []))), []).append(_message(error))
    return out


def plain_http_error(exc: Exception) -> str:
    """An ``HttpError``'s message, with Ninja's bare parse failure explained."""
    message = str(exc)
    return BAD_BODY if message.startswith(NINJA_BAD_BODY) else message


def fallback_detail(method: str, path: str, status: int, allow: str) -> str:
    """The sentence for a 404 (no endpoint at ``path``) or 405 (``method`` not in ``allow``)."""
    if status == 405:
        methods = sorted(m.strip() for m in allow.split(",") if m.strip())
        allowed = " or ".join(methods) or "other methods"
        return WRONG_METHOD.format(path=path, method=method, allowed=allowed)
    return NO_ENDPOINT.format(path=path)
