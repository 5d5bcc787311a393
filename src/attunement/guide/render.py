"""Guide Markdown to safe HTML for the web pages and exports.

Raw HTML in a content file is escaped, never passed through, so the pages stay within a strict
content security policy. ``[words](guide:section-id)`` links become real URLs via ``link``.
"""

from __future__ import annotations

from collections.abc import Callable

from attunement.guide.loader import LINK


def _default_link(section_id: str) -> str:
    return f"#{section_id}"


def render_html(markdown_text: str, link: Callable[[str], str] = _default_link) -> str:
    from markdown_it import MarkdownIt

    text = LINK.sub(lambda m: f"]({link(m.group(1))})", markdown_text)
    return MarkdownIt("commonmark", {"html": False}).render(text)
