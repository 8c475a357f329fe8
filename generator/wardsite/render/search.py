"""What the site search knows about each generated page: its title and a short description.

Search is how a reader on a phone finds a ward by its name, another name for it, its town,
its provider or its type. It does not need every sentence of every page: indexing whole
pages makes the index grow with the country (megabytes at 2,000 wards), and a phone
downloads it all before its first search. So each generated page gives one entry: its title, and
its front matter description (or ``search_text``), which for a ward page holds exactly those
facts and a short summary (``ward_page.ward_description``), plus its visiting times.

Readers search for a ward (its name, town, provider or type) or a top task ("visiting"), so
ward pages are boosted above everything else and the providers' guide far below: a carer
typing "visiting times" gets wards, not the page that explains the ``visiting`` field. The
guide is still found by words only it uses ("pre-commit", "schema"). Boosts are the search
plugin's own ``search.boost`` front matter, multiplied into each entry's score by lunr.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

WARD_BOOST = 10.0
"""A ward's own page: what nearly every reader is looking for."""
PLACE_BOOST = 4.0
"""Lists of wards: a provider, a type of ward, a town."""
EASY_READ_BOOST = 2.0
"""A ward's Easy Read page: found by its title, below the ward's own page."""
GUIDE_BOOST = 0.001
"""The providers' guide: for ward staff, so below every page for readers."""

SUMMARY_CHARACTERS = 160
"""The most of a ward's quick read (or description) that goes into its search entry."""


@dataclass(frozen=True)
class SearchEntry:
    """One search result: where it leads, its title, and the words it can be found by (all HTML-escaped)."""

    location: str
    title: str
    text: str
    boost: float | None = None


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
    search = meta.get("search")
    boost = search.get("boost") if isinstance(search, dict) else None
    return SearchEntry(location, title, str(text) if text else "", float(boost) if boost is not None else None)


def index_entry(entry: SearchEntry) -> dict[str, object]:
    """The entry as the search index holds it (no ``boost`` key when it has none)."""
    fields: dict[str, object] = {"location": entry.location, "title": entry.title, "text": entry.text}
    if entry.boost is not None:
        fields["boost"] = entry.boost
    return fields
