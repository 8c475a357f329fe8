"""The national inspectors' site: a plain folder of HTML pages made from the merged report of many sites.

The home page lists every source (included, or left out with the reason), then the same
summary, provider table and missing categories as one site's report summary (its Jinja macros
are reused). Each provider has a page of its own with its ward table, each ward linked to its
page on its own site, so no page lists every ward of the country. The CSV and JSON are the same
shape as one site's, and whole. No JavaScript, no MkDocs.
"""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

from markupsafe import Markup

from wardsite.findings.availability import ProviderTotals, WardAvailability
from wardsite.findings.availability_export import summary_sentences, to_csv, to_json
from wardsite.findings.national import NationalReport, SourceState
from wardsite.model import words
from wardsite.model.inventory import CATEGORIES
from wardsite.render.environment import environment, macros
from wardsite.render.report_page import ReportRow, all_providers_row, provider_row, provider_rows, report_row

SOURCES_JSON = "data/sources.json"
NATIONAL_JSON = "data/national.json"
CSS = "national.css"


@dataclasses.dataclass(frozen=True)
class _SourceRow:
    source: str
    state: str
    included: bool
    built: str
    generator_version: str
    wards: int
    reason: str


@dataclasses.dataclass(frozen=True)
class _ProviderLink:
    url: str
    name: str
    wards: int


def provider_page(provider_id: str) -> str:
    return f"providers/{provider_id}/"


def _sources(report: NationalReport) -> list[_SourceRow]:
    return [
        _SourceRow(
            source=s.source,
            state=s.state.value,
            included=s.state is SourceState.included,
            built=s.built_at.strftime("%d %B %Y, %H:%M UTC").lstrip("0") if s.built_at else "Not known",
            generator_version=s.generator_version or "Not known",
            wards=s.wards,
            reason=s.reason or "",
        )
        for s in report.sources
    ]


def _page(title: str, description: str, body: str, root: str, report: NationalReport) -> str:
    built = report.publication.built_at
    included = sum(s.state is SourceState.included for s in report.sources)
    return (
        environment()
        .get_template("national/page.html.j2")
        .render(
            title=title,
            description=description,
            body=Markup(body),
            root=root,
            category_count=len(CATEGORIES),
            generator_version=report.publication.generator_version,
            built=built.strftime("%d %B %Y at %H:%M UTC").lstrip("0") if built else words.long_date(report.report_date),
            source_count=f"{words.count(included, 'site')} of {words.count(len(report.sources), 'site')} read",
            date=words.long_date(report.report_date),
        )
    )


def _rows(wards: list[WardAvailability]) -> list[ReportRow]:
    """One provider's wards, each linked to its page on its own site."""
    return [dataclasses.replace(report_row(w, here=provider_page(w.provider_id)), url=w.page) for w in wards]


def _home(report: NationalReport) -> str:
    report_macros = macros("report.html.j2", {"category_count": len(CATEGORIES)})
    mine = macros("national/macros.html.j2", {})
    a = report.availability
    failed = [s for s in report.sources if s.state is SourceState.failed]
    intro = str(
        mine.intro(
            n=words.count(len(report.sources), "site"),
            date=words.long_date(report.report_date),
            failed=words.count(len(failed), "site") if failed else "",
        )
    )
    providers = provider_rows(a, "", provider_page)
    links = [_ProviderLink(provider_page(p.provider_id), p.provider_name, p.wards) for p in a.providers]
    files = [
        ("availability.csv", "data/availability.csv", "every ward, one row each (the same columns as one site's CSV)"),
        ("availability.json", "data/availability.json", "every ward, provider totals and national totals"),
        ("sources.json", SOURCES_JSON, "every site read, whether it is included, and why not"),
    ]
    parts = [
        Markup(intro),
        Markup("<h2 id='sources'>Sites read</h2>"),
        mine.sources_table(_sources(report)),
        Markup("<h2 id='summary'>Summary</h2>"),
        report_macros.summary(summary_sentences(a.site)),
        Markup("<h2 id='providers'>Totals by provider</h2>"),
        report_macros.provider_table(providers, all_providers_row(a)),
        mine.provider_links(links),
        Markup("<h2 id='missing'>Missing categories</h2>"),
        report_macros.category_table([(c.label, a.site.categories_missing[c.key]) for c in CATEGORIES], a.site.wards),
        Markup("<h2 id='data'>Download the data</h2>"),
        mine.downloads(files),
    ]
    return _page(
        "Ward information for inspectors, national",
        "What every ward publishes, what is missing and which wards are overdue, across every provider's site.",
        "\n".join(str(p) for p in parts),
        "",
        report,
    )


def _provider(report: NationalReport, provider: ProviderTotals) -> str:
    wards = [w for w in report.availability.wards if w.provider_id == provider.provider_id]
    report_macros = macros("report.html.j2", {"category_count": len(CATEGORIES)})
    body = "\n".join(
        str(p)
        for p in (
            report_macros.summary(summary_sentences(provider)),
            report_macros.provider_table(
                [provider_row(provider.provider_name, provider, wards)], None, f"{provider.provider_name}: totals"
            ),
            Markup("<h2 id='wards'>Wards</h2>"),
            report_macros.ward_table(_rows(wards), len(CATEGORIES)),
        )
    )
    return _page(
        provider.provider_name, f"Ward information published by {provider.provider_name}.", body, "../../", report
    )


def national_site(report: NationalReport) -> dict[str, str]:
    """``{path in the output folder: text}``: the pages, the stylesheet and the data files."""
    files = {"index.html": _home(report)}
    for provider in report.availability.providers:
        files[f"{provider_page(provider.provider_id)}index.html"] = _provider(report, provider)
    files[CSS] = resources.files("wardsite.render").joinpath("templates/national/national.css").read_text("utf-8")
    files["data/availability.csv"] = to_csv(report.availability)
    files["data/availability.json"] = to_json(report.availability)
    files[SOURCES_JSON] = (
        json.dumps([s.model_dump(mode="json") for s in report.sources], indent=1, ensure_ascii=False) + "\n"
    )
    return files
