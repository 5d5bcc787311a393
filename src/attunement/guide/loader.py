"""Read the guide's TOML files into records and check that everything they refer to exists.

A mistake in a content file (a misspelt tag, a related section that was renamed) fails at load
time with the file, the item and the fix, rather than as a broken link on a page.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from attunement.guide.model import (
    BARRIER_IDS,
    CLIENT_TYPES,
    LAYERS,
    PHASES,
    QUESTION_TYPES,
    Barrier,
    Guide,
    GuideError,
    PhaseGuide,
    Question,
    Section,
    Strategy,
)

CONTENT = Path(__file__).resolve().parent / "content"
SECTION_FILES = (
    "foundation",
    "connection",
    "communication",
    "phases",
    "clients",
    "practice",
    "measuring",
)
LINK = re.compile(r"\]\(guide:([a-z0-9-]+)\)")

Raw = dict[str, Any]


def read_toml(path: Path) -> Raw:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuideError(f"The guide file {path} is missing", "reinstall Attunement") from None
    except tomllib.TOMLDecodeError as error:
        raise GuideError(f"{path.name} is not valid TOML ({error})", "fix the line named") from None


class Reader:
    """Pulls typed fields out of one raw item and names the item in every complaint."""

    def __init__(self, source: str, kind: str, raw: Raw, allowed: Iterable[str]) -> None:
        self.source, self.kind, self.raw = source, kind, raw
        self.name = f"{source}: {kind} {raw.get('id', raw.get('type', '?'))!r}"
        unknown = sorted(set(raw) - set(allowed))
        if unknown:
            self.fail(f"has unknown field(s) {', '.join(unknown)}", f"use {', '.join(allowed)}")

    def fail(self, problem: str, fix: str) -> None:
        raise GuideError(f"{self.name} {problem}", fix)

    def text(self, key: str, default: str | None = None) -> str:
        value = self.raw.get(key, default)
        if not isinstance(value, str) or not value.strip():
            self.fail(f"needs a non-empty text field {key!r}", f'add {key} = "..."')
        return str(value).strip()

    def texts(self, key: str, choices: Iterable[str] | None = None) -> tuple[str, ...]:
        value = self.raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"field {key!r} must be a list of texts", f'write {key} = ["...", "..."]')
        if choices is not None:
            allowed = tuple(choices)
            wrong = [v for v in value if v not in allowed]
            if wrong:
                self.fail(f"has unknown {key} {wrong}", f"use only: {', '.join(allowed)}")
        return tuple(v.strip() for v in value)


def _section(source: str, raw: Raw) -> Section:
    allowed = ("id", "title", "layer", "tags", "summary", "body", "related", "aliases")
    r = Reader(source, "section", raw, allowed)
    layer = r.text("layer")
    if layer not in LAYERS:
        r.fail(f"has unknown layer {layer!r}", f"use one of {', '.join(LAYERS)}")
    tags = tuple(t.lower() for t in r.texts("tags"))
    return Section(
        r.text("id"), r.text("title"), layer, tags, r.text("summary"), r.text("body"),
        r.texts("related"), r.texts("aliases"),
    )  # fmt: skip


def _strategy(source: str, raw: Raw, rule_ids: tuple[str, ...]) -> Strategy:
    allowed = (
        "id", "title", "summary", "try", "avoid", "works_if", "section", "layers", "phases",
        "barriers", "client_types", "signs",
    )  # fmt: skip
    r = Reader(source, "strategy", raw, allowed)
    return Strategy(
        id=r.text("id"),
        title=r.text("title"),
        summary=r.text("summary"),
        try_=_non_empty(r, "try"),
        avoid=_non_empty(r, "avoid"),
        works_if=_non_empty(r, "works_if"),
        section=r.text("section"),
        layers=r.texts("layers", LAYERS),
        phases=r.texts("phases", PHASES),
        barriers=r.texts("barriers", BARRIER_IDS),
        client_types=r.texts("client_types", CLIENT_TYPES),
        signs=r.texts("signs", rule_ids),
    )


def _non_empty(r: Reader, key: str) -> tuple[str, ...]:
    values = r.texts(key)
    if not values:
        r.fail(f"needs at least one entry in {key!r}", f'add {key} = ["..."]')
    return values


def _barrier(source: str, raw: Raw) -> Barrier:
    allowed = ("id", "title", "summary", "signs", "strategies", "section")
    r = Reader(source, "barrier", raw, allowed)
    barrier_id = r.text("id")
    if barrier_id not in BARRIER_IDS:
        r.fail("is not one of the barrier sources", f"use one of {', '.join(BARRIER_IDS)}")
    return Barrier(
        barrier_id, r.text("title"), r.text("summary"), _non_empty(r, "signs"),
        _non_empty(r, "strategies"), r.text("section"),
    )  # fmt: skip


def _phase(source: str, raw: Raw) -> PhaseGuide:
    allowed = (
        "id", "title", "sessions", "focus", "asks", "often_missing", "going_well", "section",
        "strategies",
    )  # fmt: skip
    r = Reader(source, "phase", raw, allowed)
    phase_id = r.text("id")
    if phase_id not in PHASES:
        r.fail("is not a phase", f"use one of {', '.join(PHASES)}")
    return PhaseGuide(
        phase_id, r.text("title"), r.text("sessions"), r.text("focus"), _non_empty(r, "asks"),
        _non_empty(r, "often_missing"), _non_empty(r, "going_well"), r.text("section"),
        r.texts("strategies"),
    )  # fmt: skip


def question_id(text: str) -> str:
    """A stable id from the wording, so a coach's stars survive reordering of the file."""
    return "q-" + hashlib.sha1(text.strip().lower().encode("utf-8")).hexdigest()[:10]


def _question_group(source: str, raw: Raw) -> list[Question]:
    allowed = ("type", "phases", "client_types", "tags", "questions")
    r = Reader(source, "question group", raw, allowed)
    qtype = r.text("type")
    if qtype not in QUESTION_TYPES:
        r.fail(f"has unknown type {qtype!r}", f"use one of {', '.join(QUESTION_TYPES)}")
    phases, clients = r.texts("phases", PHASES), r.texts("client_types", CLIENT_TYPES)
    tags = tuple(t.lower() for t in r.texts("tags"))
    return [
        Question(question_id(text), text, qtype, phases, clients, tags)
        for text in _non_empty(r, "questions")
    ]


def _items(data: Raw, key: str, source: str) -> list[Raw]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise GuideError(f"{source}: expected [[{key}]] tables", f"write each as [[{key}]]")
    return items


def _rule_ids() -> tuple[str, ...]:
    from attunement.relationship.rules import RULES

    return tuple(rule.id for rule in RULES)


def build(content: Path = CONTENT) -> Guide:
    """Read and validate every content file under ``content``."""
    rule_ids = _rule_ids()
    sections = [
        _section(f"sections/{name}.toml", raw)
        for name in SECTION_FILES
        for raw in _items(read_toml(content / "sections" / f"{name}.toml"), "section", name)
    ]
    strategies = _load(
        content, "strategies.toml", "strategy", lambda s, r: _strategy(s, r, rule_ids)
    )
    barriers = _load(content, "barriers.toml", "barrier", _barrier)
    phases = _load(content, "phase_guidance.toml", "phase", _phase)
    questions = [
        q
        for raw in _items(read_toml(content / "questions.toml"), "group", "questions.toml")
        for q in _question_group("questions.toml", raw)
    ]
    links = read_toml(content / "links.toml")
    guide = Guide(
        tuple(sections), tuple(strategies), tuple(questions), tuple(barriers), tuple(phases),
        _mapping(links, "findings"), _mapping(links, "signs"), _hints(links),
    )  # fmt: skip
    from attunement.guide.validate import check_references

    check_references(guide, rule_ids)
    return guide


def _load(content: Path, name: str, key: str, make: Callable[[str, Raw], Any]) -> list[Any]:
    return [make(name, raw) for raw in _items(read_toml(content / name), key, name)]


def _mapping(data: Raw, key: str) -> dict[str, str]:
    table = data.get(key, {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise GuideError(f"links.toml: [{key}] must map names to section ids", 'write "x" = "id"')
    return dict(table)


def _hints(data: Raw) -> dict[str, tuple[str, ...]]:
    table = data.get("barrier_hints", {})
    out: dict[str, tuple[str, ...]] = {}
    for name, barriers in table.items():
        wrong = (
            [b for b in barriers if b not in BARRIER_IDS]
            if isinstance(barriers, list)
            else [barriers]
        )
        if wrong:
            raise GuideError(
                f"links.toml [barrier_hints] {name!r} names unknown barrier sources {wrong}",
                f"use a list of: {', '.join(BARRIER_IDS)}",
            )
        out[name] = tuple(barriers)
    return out


@cache
def load() -> Guide:
    """The bundled guide, read and validated once per process."""
    return build(CONTENT)
