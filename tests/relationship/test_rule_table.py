"""The rule table holds together: a rule kept quiet while another is open names a real rule."""

from __future__ import annotations

import pytest

from attunement.relationship.rules import RULES
from attunement.relationship.signs import Rule

RULE_IDS = {rule.id for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_a_rule_is_quiet_only_while_another_real_rule_is_open(rule: Rule) -> None:
    # A misspelt id would never be open, so the rule would never be silenced: two signs, not one.
    assert rule.quiet_while in RULE_IDS - {rule.id} | {None}, (
        f"{rule.id}: quiet_while={rule.quiet_while!r} names no other rule in RULES"
    )
