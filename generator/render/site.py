"""Every generated page of the site, as ``{path inside docs_dir: Markdown text}``."""

from __future__ import annotations

import datetime as dt

from generator.catalogue import Catalogue
from generator.history import History, history_key
from generator.render import links
from generator.render.site_pages import render_group_pages, render_home_page, render_provider_page
from generator.render.ward_page import render_ward_page
from generator.review_dates import DEFAULT_DUE_SOON_DAYS

GENERATED_DIRS = ("wards", "providers", "ward-types", "areas")
"""Folders of the docs dir that belong to the generator (plus the home page, index.md)."""


def render_site(catalogue: Catalogue, today: dt.date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS, history: History | None = None) -> dict[str, str]:
    """Render every page. Pure: reads the catalogue, returns text, writes nothing."""
    pages: dict[str, str] = {"index.md": render_home_page(catalogue)}
    for provider in catalogue.providers:
        pages[links.page_file(links.provider_dir(provider.slug))] = render_provider_page(provider, today, due_soon_days)
        for entry in provider.wards:
            pages[links.page_file(links.ward_dir(entry.slug))] = render_ward_page(provider, entry, today, due_soon_days, (history or {}).get(history_key(provider.slug, entry.slug), ()))
    pages.update(render_group_pages(catalogue, today, due_soon_days))
    return pages
