"""Cross-references inside the guide: every id a record points at must exist.

Kept apart from the loader so each check is a small function with its own message.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from attunement.guide.model import BARRIER_IDS, PHASES, Guide, GuideError

FIX_SECTION = "use the id of a section in content/sections/ (or add an alias there)"


def check_references(guide: Guide, rule_ids: Iterable[str]) -> None:
    _unique(guide)
    _section_links(guide)
    _strategy_links(guide)
    _complete(guide)
    _link_maps(guide, tuple(rule_ids))
    _question_links(guide)


def _unique(guide: Guide) -> None:
    groups = {
        "section": [s.id for s in guide.sections] + [a for s in guide.sections for a in s.aliases],
        "strategy": [s.id for s in guide.strategies],
        "question": [q.id for q in guide.questions],
        "barrier": [b.id for b in guide.barriers],
        "phase": [p.id for p in guide.phases],
    }
    for kind, ids in groups.items():
        twice = sorted(i for i, n in Counter(ids).items() if n > 1)
        if twice:
            raise GuideError(f"Two {kind}s share the id(s) {twice}", "give each a unique id")


def _need_section(guide: Guide, where: str, target: str) -> None:
    if guide.get_section(target) is None:
        raise GuideError(f"{where} points at section {target!r}, which does not exist", FIX_SECTION)


def _section_links(guide: Guide) -> None:
    from attunement.guide.loader import LINK

    for section in guide.sections:
        for target in section.related:
            _need_section(guide, f"section {section.id!r} (related)", target)
        for target in LINK.findall(section.body):
            _need_section(guide, f"section {section.id!r} (a link in its body)", target)


def _strategy_links(guide: Guide) -> None:
    strategy_ids = {s.id for s in guide.strategies}
    for strategy in guide.strategies:
        _need_section(guide, f"strategy {strategy.id!r}", strategy.section)
    for barrier in guide.barriers:
        _need_section(guide, f"barrier {barrier.id!r}", barrier.section)
        _need_strategies(f"barrier {barrier.id!r} lists", barrier.strategies, strategy_ids)
    for phase in guide.phases:
        _need_section(guide, f"phase {phase.id!r}", phase.section)
        _need_strategies(f"phase {phase.id!r} puts first", phase.strategies, strategy_ids)


def _need_strategies(owner: str, listed: Iterable[str], known: set[str]) -> None:
    unknown = [s for s in listed if s not in known]
    if unknown:
        raise GuideError(f"{owner} unknown strategies {unknown}", "use ids from strategies.toml")


def _complete(guide: Guide) -> None:
    missing_barriers = set(BARRIER_IDS) - {b.id for b in guide.barriers}
    missing_phases = set(PHASES) - {p.id for p in guide.phases}
    if missing_barriers or missing_phases:
        raise GuideError(
            f"The guide lacks barrier sources {sorted(missing_barriers)} "
            f"or phases {sorted(missing_phases)}",
            "add them to barriers.toml and phase_guidance.toml",
        )


def _link_maps(guide: Guide, rule_ids: tuple[str, ...]) -> None:
    for name, target in guide.findings.items():
        _need_section(guide, f"links.toml [findings] {name!r}", target)
    for rule, target in guide.signs.items():
        if rule not in rule_ids:
            raise GuideError(
                f"links.toml [signs] names rule {rule!r}, which does not exist",
                f"use one of {', '.join(rule_ids)}",
            )
        _need_section(guide, f"links.toml [signs] {rule!r}", target)
    for name in guide.barrier_hints:
        if name.startswith("sign:") and name[5:] not in rule_ids:
            raise GuideError(
                f"links.toml [barrier_hints] names rule {name[5:]!r}, which does not exist",
                f"use one of {', '.join(rule_ids)}",
            )
    unmapped = [r for r in rule_ids if r not in guide.signs]
    if unmapped:
        raise GuideError(
            f"links.toml [signs] has no section for rule(s) {unmapped}",
            "map every warning-sign rule to the section that explains it",
        )


def _question_links(guide: Guide) -> None:
    from attunement.guide.links import QUESTION_TYPE_SECTIONS

    for question_type, target in QUESTION_TYPE_SECTIONS.items():
        _need_section(guide, f"questions of type {question_type!r}", target)
