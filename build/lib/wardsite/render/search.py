"""What the site search knows about each generated page: its title and a short description.

Search is how a reader on a phone finds a ward by its name, another name for it, its town,
its provider or its type. It does not need every sentence of every page: indexing whole
pages makes the index grow with the country (megabytes at 2,000 wards), and a phone
downloads it all before its first search. So each generated page gives one entry: its title, and
its front matter description (or ``search_text``), which for a ward page holds exactly those
facts and a short summary (``ward_page.ward_description``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

SUMMARY_CHARACTERS = 160
"""The most of a ward's quick read (or description) that goes into its search entry."""


@dataclass(frozen=True)
class SearchEntry:
    """One search result: where it leads, its title, and the words it can be found by (all HTML-escaped)."""

    location: str
    title: str
    text: str


def short_summary(text: str | None, limit: int = SUMMARY_CHARACTERS) -> str:
    """The first sentences of ``text`` that fit in ``limit`` characters (at least the first sentence, cut at a word)."""
    if not text:
        return ""
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    summary = sentences[0]
    for sentence in sentences[1:]:
        if len(summary) + 1 + len(sentence) > limit:
            break
        summary += " " + sentence
    if len(summary) > limit:
        summary = summary[:limit].rsplit(" ", 1)[0] + "…"
    return summary


SEARCH_TEXT = "search_text"
"""Front matter key for a generated page whose entry should not hold its description: its
value is the entry's text instead (an Easy Read page gives "", its title being enough)."""


def page_search_entry(location: str, title: str, meta: Mapping[str, object]) -> SearchEntry:
    """The entry for one generated page, from its front matter (``meta``, values already escaped)."""
    text = meta.get(SEARCH_TEXT, meta.get("description"))
    return SearchEntry(location, title, str(text) if text else "")
