"""Docs stay complete: every setting, analyser and command is described in docs/."""

from __future__ import annotations

from pathlib import Path

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
