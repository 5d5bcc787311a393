"""Template helpers linking workspace pages to the guide, and rendering guide text."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from attunement import guide
from attunement.library import links

register = template.Library()


@register.filter
def guide_html(markdown_text: str) -> SafeString:
    # render_html escapes any raw HTML in the source, so its output is safe to mark as such;
    # links between sections ([words](guide:section-id)) become this workspace's addresses.
    html = guide.render_html(markdown_text, link=_section_url)
    return mark_safe(html)


def _section_url(section_id: str) -> str:
    return reverse("library:section", kwargs={"section_id": section_id})


@register.simple_tag
def marker_section(marker: Any) -> Any:
    return links.section_for_marker(marker)


@register.simple_tag
def sign_section(rule: str) -> Any:
    return links.section_for_sign(rule)


@register.filter
def label(value: str) -> str:
    """An id like ``assumption-challenging`` as words: "Assumption challenging"."""
    return str(value).replace("-", " ").replace("_", " ").capitalize()


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None
