"""Reflection prompts for the coach's journal, written for this project."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Prompt:
    title: str
    questions: tuple[str, ...]


PROMPTS: dict[str, Prompt] = {
    "countertransference": Prompt(
        "What this client stirred in me",
        (
            "Which feeling stayed with me after the session, and when did it start?",
            "Who or what does this client remind me of?",
            "Was I reacting to them, or to something of mine that they touched?",
        ),
    ),
    "frustration": Prompt(
        "Frustration and stuckness",
        (
            "What did I want to happen that did not?",
            "Whose agenda was I pushing when I felt most impatient?",
            "What would I try if I were curious instead of frustrated?",
        ),
    ),
    "boundaries": Prompt(
        "Boundaries",
        (
            "Did anything drift outside what we agreed (time, contact, topics, role)?",
            "Where did I say yes when I meant no, or rescue instead of coach?",
            "What do I need to name or re-agree with the client?",
        ),
    ),
    "power": Prompt(
        "Power and difference",
        (
            "Who held the power in the room today, and how did it show?",
            "How might my background, role or assumptions have shaped what the client felt able to say?",
            "Did a sponsor, organisation or payer sit silently in the conversation?",
        ),
    ),
    "supervision": Prompt(
        "What I need from supervision",
        (
            "What question about this work would I most like another view on?",
            "What am I avoiding looking at on my own?",
            "What support would help me serve this client better?",
        ),
    ),
    "free": Prompt("Free reflection", ("What stands out as I look back?",)),
}
