"""Where a question of each type is explained (a question hit links to this section)."""

from __future__ import annotations

QUESTION_TYPE_SECTIONS = {
    "exploration": "powerful-inquiry",
    "assumption-challenging": "powerful-inquiry",
    "future-focused": "powerful-inquiry",
    "resource-accessing": "powerful-inquiry",
    "meta-conversation": "meta-conversation",
    "check-in": "relationship-checkins",
}


def section_for_question_type(question_type: str) -> str:
    return QUESTION_TYPE_SECTIONS.get(question_type, "powerful-inquiry")
