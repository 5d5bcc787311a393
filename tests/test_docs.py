"""Docs stay complete: every setting, analyser and command is described in docs/."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _doc(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _settings() -> list[str]:
    from attunement.config import documented_settings

    return list(documented_settings())


def _commands() -> list[str]:
    import typer.main

    from attunement.cli import app

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def _analysers() -> list[str]:
    from attunement.analysis.registry import analysers

    return list(analysers())


@pytest.mark.parametrize("variable", _settings())
def test_every_setting_is_documented(variable: str) -> None:
    assert f"`{variable}`" in _doc("settings.md"), f"describe {variable} in docs/settings.md"


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented(command: str) -> None:
    assert f"`attune {command}" in _doc("commands.md"), (
        f"describe `attune {command}` in docs/commands.md"
    )


def _defaults() -> list[tuple[str, object]]:
    from dataclasses import fields

    from attunement.config import Settings

    return [(f.metadata["env"], f.default) for f in fields(Settings)]


@pytest.mark.parametrize(("variable", "default"), _defaults())
def test_settings_doc_gives_the_real_default(variable: str, default: object) -> None:
    row = next(r for r in _doc("settings.md").splitlines() if r.startswith(f"| `{variable}`"))
    shown = row.split("|")[2]
    if isinstance(default, bool):
        assert ("on" if default else "off") in shown, f"{variable} defaults to {default}"
    elif default != "":
        assert f"`{default}`" in shown, f"docs/settings.md: {variable} defaults to {default}"


@pytest.mark.parametrize("analyser", _analysers())
def test_every_analyser_is_documented(analyser: str) -> None:
    assert f"`{analyser}`" in _doc("analysers.md"), (
        f"describe analyser `{analyser}` in docs/analysers.md"
    )


def _rules() -> list[str]:
    from attunement.relationship.rules import RULES

    return [rule.id for rule in RULES]


@pytest.mark.parametrize("rule", _rules())
def test_every_health_rule_is_documented(rule: str) -> None:
    assert f"`{rule}`" in _doc("health-rules.md"), f"describe rule `{rule}` in docs/health-rules.md"


def _thresholds() -> list[tuple[str, str]]:
    from attunement.relationship.rules import RULES

    return [(rule.id, rule.threshold) for rule in RULES]


@pytest.mark.parametrize(("rule", "threshold"), _thresholds())
def test_health_rules_doc_states_each_threshold_as_the_code_does(rule: str, threshold: str) -> None:
    # The doc marks rule ids as `code`; the threshold text in the code names them plainly.
    assert threshold in _doc("health-rules.md").replace("`", ""), (
        f"docs/health-rules.md: give `{rule}` the threshold the code states: {threshold}"
    )


# --- Commands and options the docs show exist --------------------------------------------------
# A renamed or dropped option leaves the docs teaching a command that fails; these read every
# `attune …` the docs show and every `--option` they name, and look each up in the real CLI.

ROOT = DOCS.parent
PAGES = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted(DOCS.glob("*.md"))]
# Options of other tools the docs mention (pip, Django's `check`), not of `attune`.
FOREIGN_OPTIONS = {"--no-deps", "--deploy", "--settings"}


def _cli_commands() -> list[tuple[tuple[str, ...], Any]]:
    """Every command of the real CLI with its path (() is `attune` itself)."""
    import typer.main

    from attunement.cli import app

    found: list[tuple[tuple[str, ...], Any]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        found.append((path, command))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


@functools.cache
def _command_tree() -> dict[tuple[str, ...], frozenset[str]]:
    """Every command path with the options it accepts."""
    return {
        path: frozenset({"--help", *(o for p in cmd.params for o in (*p.opts, *p.secondary_opts))})
        for path, cmd in _cli_commands()
    }


def _command_path(words: list[str], tree: dict[tuple[str, ...], frozenset[str]]) -> tuple[str, ...]:
    """The longest run of leading words that names a command (the rest are arguments)."""
    path: tuple[str, ...] = ()
    for word in words:
        if (*path, word) not in tree:
            break
        path = (*path, word)
    return path


def _shown_commands() -> list[tuple[str, str]]:
    """(page, text) of every `attune …` code span in the README, the changelog and docs/."""
    spans = []
    for page in PAGES:
        for text in re.findall(r"`attune ([^`]*)`", page.read_text(encoding="utf-8")):
            if not text.startswith("<"):  # `attune <command> --help` is a pattern, not a command
                spans.append((page.name, text))
    return spans


@pytest.mark.parametrize(("page", "shown"), _shown_commands())
def test_every_command_shown_in_the_docs_exists_with_its_options(page: str, shown: str) -> None:
    tree = _command_tree()
    words = shown.split()
    path = _command_path(words, tree)
    rest = words[len(path) :]
    is_group = any(len(other) == len(path) + 1 and other[:-1] == path for other in tree)
    assert not (is_group and rest and not rest[0].startswith("-")), (
        f"{page}: `attune {shown}`: there is no command `attune {' '.join((*path, rest[0]))}`"
    )
    unknown = set(re.findall(r"--[a-z][a-z-]*", shown)) - tree[path]
    assert not unknown, f"{page}: `attune {shown}` shows {sorted(unknown)}, which it lacks"


def _command_rows() -> list[str]:
    return [row for row in _doc("commands.md").splitlines() if row.startswith("| `attune ")]


@pytest.mark.parametrize("row", _command_rows(), ids=lambda row: row.split("`")[1][:40])
def test_every_option_a_commands_row_describes_exists(row: str) -> None:
    tree = _command_tree()
    path = _command_path(row.split("`")[1].split()[1:], tree)
    unknown = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", row)) - tree[path]
    assert not unknown, (
        f"docs/commands.md describes {sorted(unknown)} for `attune {' '.join(path)}`"
    )


def test_every_option_the_docs_name_belongs_to_some_command() -> None:
    known = set().union(*_command_tree().values()) | FOREIGN_OPTIONS
    named = {
        (page.name, option)
        for page in PAGES
        for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", page.read_text(encoding="utf-8"))
    }
    unknown = sorted(f"{page}: {option}" for page, option in named if option not in known)
    assert not unknown, f"options no attune command has: {unknown}"


def test_help_texts_survive_the_terminal_markup() -> None:
    # `--help` is drawn by Rich, which swallows anything in square brackets ("[default: X]")
    from rich.text import Text

    texts = [
        (" ".join(("attune", *path)), text)
        for path, cmd in _cli_commands()
        for text in [cmd.help or "", *(getattr(p, "help", "") or "" for p in cmd.params)]
    ]
    eaten = [(where, text) for where, text in texts if Text.from_markup(text).plain != text]
    assert not eaten, f"help text that `--help` would print garbled (use round brackets): {eaten}"


# --- Links between the pages resolve ----------------------------------------------------------


def _anchors(page: Path) -> set[str]:
    """The #anchors GitHub makes from a page's headings (outside code blocks)."""
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.S | re.M)
    found: set[str] = set()
    for heading in re.findall(r"^#+\s+(.+)$", text, flags=re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", "")).replace(" ", "-")
        found.add(slug if slug not in found else f"{slug}-1")
    return found


def _links() -> list[tuple[str, str]]:
    return [
        (page.name, target)
        for page in PAGES
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8"))
        if not target.startswith(("http:", "https:", "mailto:", "guide:"))
    ]


@pytest.mark.parametrize(("page", "target"), _links())
def test_every_link_between_the_pages_resolves(page: str, target: str) -> None:
    source = ROOT / page if page in {"README.md", "CHANGELOG.md"} else DOCS / page
    path, _, anchor = target.partition("#")
    linked = (source.parent / path).resolve() if path else source
    assert linked.exists(), f"{page} links to {target}, which does not exist"
    if anchor and linked.is_file():
        assert anchor in _anchors(linked), f"{page} links to {target}: no such heading"


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_every_docs_page_is_linked_from_the_readme(page: str) -> None:
    assert f"(docs/{page})" in (ROOT / "README.md").read_text(encoding="utf-8"), (
        f"link docs/{page} from the README's list of documentation"
    )
