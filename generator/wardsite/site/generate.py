"""Every generated page of the site, as ``{path inside docs_dir: Markdown text}``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from wardsite.findings.accessibility_results import NO_RESULTS, AccessibilityResults
from wardsite.findings.as_of import MonthPoint
from wardsite.findings.availability import availability_report
from wardsite.findings.availability_export import availability_files
from wardsite.findings.review_dates import DEFAULT_DUE_SOON_DAYS
from wardsite.loading.catalogue import Catalogue, ProviderEntry, WardEntry
from wardsite.model import addresses as links
from wardsite.open_data.files import open_data_files
from wardsite.open_data.schemas import schema_files
from wardsite.render.change_log_page import render_change_log_pages
from wardsite.render.compare_page import render_compare_pages
from wardsite.render.easy_read import render_easy_read_page
from wardsite.render.field_guide import PAGE as FIELD_GUIDE_PAGE
from wardsite.render.field_guide import render_field_guide
from wardsite.render.history_page import render_history_pages
from wardsite.render.report_page import render_report_pages
from wardsite.render.site_pages import render_group_pages, render_home_page, render_provider_page
from wardsite.render.ward_page import render_ward_page
from wardsite.source.history import History

GENERATED_DIRS = ("wards", "providers", "ward-types", "areas", "report", "compare", "data")
"""Folders of the docs dir that belong to the generator (plus the home page, index.md)."""


def render_ward_pages(
    provider: ProviderEntry, entry: WardEntry, today: dt.date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS
) -> dict[str, str]:
    """The pages of one ward (all under its folder, ``wards/<provider>/<ward>/``): what the live preview
    re-renders at once after that ward's file is edited."""
    return {
        links.page_file(links.ward_dir(entry.provider_slug, entry.slug)): render_ward_page(
            provider, entry, today, due_soon_days
        ),
        links.page_file(links.easy_read_dir(entry.provider_slug, entry.slug)): render_easy_read_page(
            provider, entry, today, due_soon_days
        ),
    }


def render_site(
    catalogue: Catalogue,
    today: dt.date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    a11y: AccessibilityResults = NO_RESULTS,
    site_url: str | None = None,
    history: History | None = None,
    ward_pages: Callable[[ProviderEntry, WardEntry], dict[str, str]] | None = None,
    built_at: dt.datetime | None = None,
    timelines: Mapping[str, Sequence[MonthPoint]] | None = None,
) -> dict[str, str]:
    """Render every page and data file. Pure: reads the catalogue, returns text, writes nothing.

    ``a11y`` holds results from an accessibility report, if there is one; ``site_url`` is the
    published address, if known (the Open Referral export then gives absolute ward URLs).
    ``history`` holds each ward file's recent commits (``wardsite.source.history``), if known: they
    go on the inspectors' history pages, linked from the report, never on patients' pages.
    ``ward_pages`` renders one ward's pages (default ``render_ward_pages``); the live preview
    passes one that reuses the pages of wards that did not change. ``built_at`` (when the site is
    built) is published in the data files for national aggregation. ``timelines`` (each provider's
    last 24 months, ``wardsite.findings.as_of.monthly_history``) adds the history page.
    """
    pages: dict[str, str] = {"index.md": render_home_page(catalogue)}
    for provider in catalogue.providers:
        pages[links.page_file(links.provider_dir(provider.slug))] = render_provider_page(provider, today, due_soon_days)
        for entry in provider.wards:
            pages.update(
                ward_pages(provider, entry) if ward_pages else render_ward_pages(provider, entry, today, due_soon_days)
            )
    pages.update(render_group_pages(catalogue, today, due_soon_days))
    pages[FIELD_GUIDE_PAGE] = render_field_guide()  # the guide's field reference, from the schema
    pages.update(schema_files())  # published at /schema/ whether or not the docs folder keeps copies
    report = availability_report(
        catalogue,
        today,
        due_soon_days,
        a11y,
        built_at,
        {key: changes[0].date for key, changes in (history or {}).items() if changes},
    )
    pages.update(render_report_pages(report, history_page=bool(timelines), with_history=history is not None))
    if timelines:
        names = {p.slug: p.provider.name for p in catalogue.providers}
        pages.update(render_history_pages(timelines, names))
    pages.update(render_change_log_pages(catalogue.providers, history))
    pages.update(availability_files(report))
    pages.update(render_compare_pages(catalogue))
    pages.update(open_data_files(catalogue, today, site_url, built_at))
    return pages
