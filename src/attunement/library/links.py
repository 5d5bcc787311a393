"""From what the workspace shows (a finding, a warning sign) to the guide section explaining it."""

from __future__ import annotations

from typing import Any

from attunement import guide
from attunement.guide.model import Section


def section_for_marker(marker: Any) -> Section | None:
    """The section explaining a finding: the guide's own mapping first, then the id the
    analyser stored on the marker (older analyses may carry an alias, which still resolves)."""
    found = guide.for_finding(str(marker.analyser), str(marker.kind)) or str(
        getattr(marker, "guide", "") or ""
    )
    return guide.load().get_section(found) if found else None


def section_for_sign(rule: str) -> Section | None:
    found = guide.for_sign(rule)
    return guide.load().get_section(found) if found else None
