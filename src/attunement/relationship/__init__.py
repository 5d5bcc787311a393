"""The relationship over time: pure functions over an engagement's history.

Phase, warning signs as named rules with their evidence, and connection health
(``score(history, *, now) -> Health``). Imports no Django; every function takes ``now``.
"""

from attunement.relationship.health import Health, Trend, score, warning_signs
from attunement.relationship.history import (
    CheckIn,
    Commitment,
    History,
    Party,
    SessionRecord,
    SessionSignals,
    Status,
)
from attunement.relationship.phase import Phase, phase_for
from attunement.relationship.rules import RULES
from attunement.relationship.signs import Evidence, Rule, Sign

__all__ = [
    "RULES",
    "CheckIn",
    "Commitment",
    "Evidence",
    "Health",
    "History",
    "Party",
    "Phase",
    "Rule",
    "SessionRecord",
    "SessionSignals",
    "Sign",
    "Status",
    "Trend",
    "phase_for",
    "score",
    "warning_signs",
]
