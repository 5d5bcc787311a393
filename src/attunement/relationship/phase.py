"""The phase of an engagement, derived from the number of sessions held."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    INITIAL = "initial"  # sessions 1-3: contracting, discovery, safety
    DEEPENING = "deepening"  # sessions 4-8: patterns, calibrated challenge
    MATURE = "mature"  # sessions 9+: meta-conversation, relationship as a vehicle


PHASE_FOCUS = {
    Phase.INITIAL: "agree how you will work together, learn the client's world, make safety explicit",
    Phase.DEEPENING: "name the client's patterns and balance challenge with support",
    Phase.MATURE: "talk about how you work together and use the relationship itself for growth",
}


def phase_for(sessions_held: int) -> Phase:
    """Initial for the first three sessions, deepening for 4-8, mature from the ninth on.

    Before any session is held the engagement is in its initial phase.
    """
    if sessions_held <= 3:
        return Phase.INITIAL
    if sessions_held <= 8:
        return Phase.DEEPENING
    return Phase.MATURE
