"""The inspectors' pages: what every ward publishes, what is missing, and what is overdue.

``report/`` is the summary: site totals and one row per provider, linked to the provider's own
page, ``report/<provider>/``, which has one row per ward with every column. No page lists every
ward of the site (a national site has about 2,000: one table of them was 3 MB), so every page
stays the same size whatever the size of the country; the CSV and JSON linked from the summary
hold every ward. Each page is complete without JavaScript; ``report-table.js`` (in the theme's
static files) adds sorting and filters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wardsite.findings.accessibility_results import CHECK_LABELS, CheckState
from wardsite.findings.availability import AvailabilityReport, ProviderTotals, Totals, WardAvailability
from wardsite.findings.availability_export import (
    AVAILABILITY_CSV,
    AVAILABILITY_JSON,
    coproduced_text,
    days_text,
    dormitory_text,
    formats_text,
    last_change_text,
    missing_categories_text,
    missing_items_text,
    mixed_sex_text,
    review_text,
    sex_text,
    summary_sentences,
)
from wardsite.findings.review_dates import STATE_LABELS, ReviewState
from wardsite.model import addresses as links
from wardsite.model import words
from wardsite.model.classification import describe
from wardsite.model.enums import Sex
from wardsite.model.inventory import CATEGORIES
from wardsite.render.environment import HTML_TOC, REPORT_SCRIPTS, SCRIPTS, Macros, front_matter, html_block, macros
from wardsite.render.history_page import provider_history_dir
from wardsite.render.page_parts import parts

REPORT_DIR = links.REPORT_DIR
REPORT_TITLE = "Ward information for inspectors"
WIDE_PAGE = ["navigation", "toc"]
"""Front matter that gives a wide table the whole width (MkDocs Material and Zensical read it)."""
_REVIEW_RANK = {ReviewState.overdue: 0, ReviewState.due_soon: 1, ReviewState.current: 2}


@dataclass(frozen=True)
class ReportRow:
    """One ward in the table: display text plus the values the sorting and filters use."""

    url: str
    row_id: str
    """The id of the ward's row (``links.report_row_id``): its provider's report page links here."""
    name: str
    provider_id: str
    provider: str
    type: str
    published_count: int
    missing_count: int
    missing: str
    recommended: int
    recommended_total: int
    last_reviewed: str
    last_reviewed_iso: str
    due: str
    due_iso: str
    review: str
    review_state: ReviewState
    review_rank: int
    formats: str
    check: str
    missing_items: str
    days_until_due: int
    days_text: str
    sex: str
    sex_value: str
    mixed_sex: str
    dormitory_beds: str
    dormitory_beds_sort: int
    last_change: str
    last_change_iso: str
    approved_by: str
    coproduced_with: str
    """Who helped write the information (review.coproduced_with), or that the ward does not say."""
    last_changed: str = "Not known"
    """The day the ward's file was last committed, or "Not known" when the site was built outside git."""
    last_changed_iso: str = ""
    history_url: str | None = None
    """The ward's section of its provider's change history page, when the site was built in git."""


@dataclass(frozen=True)
class ProviderRow:
    """One provider in the summary (or the All providers row): its totals, counts of its wards, and the values
    the filters use (each provider is shown when any of its wards matches)."""

    name: str
    totals: Totals
    wards_missing_categories: int
    """Wards that leave out at least one required category."""
    wards_missing_recommended: int
    """Wards that leave out at least one recommended item (the report's "Missing items")."""
    dormitory_wards: int
    """Wards with at least one bed in a shared room."""
    mixed_sex_wards: int
    review_states: str
    """The review states its wards are in, as ``ReviewState`` values separated by spaces."""
    sexes: str
    """Who its wards admit, as ``Sex`` values separated by spaces."""
    url: str | None = None
    """The provider's report page, from the page the row is on; None where the name is not a link."""


def provider_row(name: str, totals: Totals, wards: Sequence[WardAvailability], url: str | None = None) -> ProviderRow:
    """A row of the summary for ``wards`` (one provider's, or every ward for the All providers row)."""
    return ProviderRow(
        name=name,
        totals=totals,
        wards_missing_categories=sum(bool(w.categories_missing) for w in wards),
        wards_missing_recommended=sum(bool(w.recommended_missing) for w in wards),
        dormitory_wards=sum(bool(w.dormitory_beds) for w in wards),
        mixed_sex_wards=sum(w.sex is Sex.mixed for w in wards),
        review_states=" ".join(s.value for s in ReviewState if any(w.review_state is s for w in wards)),
        sexes=" ".join(s.value for s in Sex if any(w.sex is s for w in wards)),
        url=url,
    )


@dataclass(frozen=True)
class DataFile:
    name: str
    url: str
    what: str
    schema_name: str
    schema_url: str | None


def _check_text(w: WardAvailability) -> str:
    check = w.accessibility_check
    when = f" (checked {words.long_date(check.last_checked)})" if check.last_checked else ""
    if check.state is CheckState.failed:
        errors = f"{check.errors} {'error' if check.errors == 1 else 'errors'}"
        return f"{errors} on {check.pages_checked} {'page' if check.pages_checked == 1 else 'pages'}{when}"
    return CHECK_LABELS[check.state] + (when if check.state is CheckState.passed else "")


def report_row(w: WardAvailability, with_history: bool = False, here: str | None = None) -> ReportRow:
    """The ward's row on the page at ``here`` (default: its provider's report page)."""
    here = links.provider_report_dir(w.provider_id) if here is None else here
    slug = w.ward_id.rsplit("/", 1)[-1]
    return ReportRow(
        url=links.relative(here, w.page),
        row_id=links.report_row_id(slug),
        name=w.ward_name,
        provider_id=w.provider_id,
        provider=w.provider_name,
        type=describe(w.classification),
        published_count=len(w.categories_published),
        missing_count=len(w.categories_missing),
        missing=missing_categories_text(w),
        recommended=w.recommended_published,
        recommended_total=w.recommended_total,
        last_reviewed=words.long_date(w.last_reviewed),
        last_reviewed_iso=w.last_reviewed.isoformat(),
        due=words.long_date(w.next_review_due),
        due_iso=w.next_review_due.isoformat(),
        review=review_text(w),
        review_state=w.review_state,
        review_rank=_REVIEW_RANK[w.review_state] - (1 if w.long_overdue else 0),
        formats=formats_text(w),
        check=_check_text(w),
        missing_items=missing_items_text(w),
        days_until_due=w.days_until_due,
        days_text=days_text(w),
        sex=sex_text(w),
        sex_value=w.sex.value,
        mixed_sex=mixed_sex_text(w),
        dormitory_beds=dormitory_text(w),
        dormitory_beds_sort=w.dormitory_beds or 0,
        last_change=last_change_text(w),
        last_change_iso=w.last_change_on.isoformat() if w.last_change_on else "",
        approved_by=w.approved_by or "Not recorded",
        coproduced_with=coproduced_text(w),
        last_changed=words.long_date(w.last_changed) if w.last_changed else "Not known",
        last_changed_iso=w.last_changed.isoformat() if w.last_changed else "",
        history_url=(
            # the provider's change history page has one heading per ward, with the ward's file name as its id
            links.relative(here, links.change_log_dir(w.provider_id)) + f"#{slug}" if with_history else None
        ),
    )


def _data_files(report: AvailabilityReport) -> list[DataFile]:
    def here(path: str) -> str:
        return links.relative(REPORT_DIR, path)

    def schema(name: str) -> str:
        return here(f"{links.SCHEMA_DIR}/{name}")

    files = [
        DataFile(
            "availability.csv",
            here(AVAILABILITY_CSV),
            "Every ward of every provider, one row each, with the missing recommended items listed.",
            "availability.schema.json (same fields)",
            schema("availability.schema.json"),
        ),
        DataFile(
            "availability.json",
            here(AVAILABILITY_JSON),
            "This page as data: every ward, provider totals and site totals.",
            "availability.schema.json",
            schema("availability.schema.json"),
        ),
        DataFile(
            "wards.json",
            here(links.WARDS_JSON),
            "Everything published about every ward and provider.",
            "wards-data.schema.json",
            schema("wards-data.schema.json"),
        ),
        DataFile(
            "services.json",
            here(links.OPENREFERRAL_SERVICES),
            "Every ward as an Open Referral UK / HSDS 3.1 service, for service directories.",
            "the HSDS 3.1 and Open Referral UK service schemas",
            None,
        ),
    ]
    if report.wards:
        first = report.wards[0]
        files.insert(
            3,
            DataFile(
                f"{first.ward_id.rsplit('/', 1)[-1]}.json",
                here(links.ward_json_path(first.ward_id)),
                "One file per ward, in its provider's folder, named after the ward's web address"
                " (this one is for the first ward of the first provider).",
                "ward-data.schema.json",
                schema("ward-data.schema.json"),
            ),
        )
    return files


def _report_macros() -> Macros:
    return macros("report.html.j2", {"category_count": len(CATEGORIES)})


def _excluded_section(report: AvailabilityReport) -> list[str]:
    """Providers left out of this build for errors: an inspector must see that they are missing, and why."""
    if not report.excluded_providers:
        return []
    body = str(_report_macros().excluded(report.excluded_providers))
    return ["## Providers left out {#excluded}", "", html_block(body), ""]


def _states() -> list[tuple[str, str]]:
    return [(s.value, STATE_LABELS[s]) for s in ReviewState]


def provider_rows(report: AvailabilityReport, here: str, url_of: Callable[[str], str] | None) -> list[ProviderRow]:
    """One row per provider, each linked to ``url_of(provider_id)`` (a path from the site root), if given."""
    by_provider: dict[str, list[WardAvailability]] = {}
    for w in report.wards:
        by_provider.setdefault(w.provider_id, []).append(w)
    return [
        provider_row(
            p.provider_name,
            p,
            by_provider.get(p.provider_id, []),
            links.relative(here, url_of(p.provider_id)) if url_of else None,
        )
        for p in report.providers
    ]


def all_providers_row(report: AvailabilityReport) -> ProviderRow:
    return provider_row("All providers", report.site, report.wards)


def render_report_page(report: AvailabilityReport, history_page: bool = False) -> str:
    """The Markdown source of ``report/index.md``: the summary, one row per provider.

    With ``history_page``, a link to each provider's last 24 months.
    """
    module = _report_macros()
    site = report.site
    providers = provider_rows(report, REPORT_DIR, links.provider_report_dir)
    missing_by_category = [(c.label, site.categories_missing[c.key]) for c in CATEGORIES]
    date = words.long_date(report.report_date)
    intro = str(module.intro(len(CATEGORIES), date))
    parts = [
        front_matter(
            title=REPORT_TITLE,
            description="What every ward publishes, what is missing and which wards are overdue for review.",
            hide=WIDE_PAGE,
            **{SCRIPTS: REPORT_SCRIPTS},
        ),
        f"# {REPORT_TITLE}",
        "",
        html_block(intro),
        "",
        html_block(str(module.summary(summary_sentences(site)))),
        "",
        "## Providers {#providers}",
        "",
        "Each provider's name leads to its own page, with a row for every one of its wards: what each publishes and "
        "leaves out, its review dates, sex, mixed-sex arrangements, dormitory beds, formats and last change.",
        "",
        html_block(str(module.filters(True, _states(), len(providers)))),
        "",
        html_block(
            str(
                module.provider_table(
                    providers, all_providers_row(report), "Every provider: totals of its wards", filterable=True
                )
            )
        ),
        "",
        "## Missing categories {#missing}",
        "",
        html_block(str(module.category_table(missing_by_category, site.wards))),
        "",
        *_excluded_section(report),
        *(
            [
                "## Over time {#history}",
                "",
                "[Each provider's last 24 months](history/): wards publishing every required category, and wards "
                "overdue for review, month by month, from the git history, as charts and tables.",
                "",
            ]
            if history_page
            else []
        ),
        "## Download the data {#data}",
        "",
        html_block(str(module.downloads(_data_files(report)))),
        "",
        "Every ward page also describes the ward in schema.org data (JSON-LD) for search engines.",
        "",
    ]
    return "\n".join(parts)


def render_provider_report_page(
    report: AvailabilityReport,
    provider: ProviderTotals,
    wards: Sequence[WardAvailability],
    history_page: bool = False,
    with_history: bool = False,
) -> str:
    """The source of ``report/<provider>/index.md`` (HTML blocks only): the provider's totals and one row per ward.

    With ``history_page``, a link to the provider's last 24 months; with ``with_history``, to its change
    history page, and from each ward to its section there.
    """
    module = _report_macros()
    shared = parts()
    here = links.provider_report_dir(provider.provider_id)
    name = provider.provider_name
    title = f"{REPORT_TITLE}: {name}"
    pages = [
        (links.relative(here, links.provider_dir(provider.provider_id)), f"{name}: the page for patients and carers")
    ]
    if with_history:
        pages.append((links.relative(here, links.change_log_dir(provider.provider_id)), f"Change history: {name}"))
    if history_page:
        pages.append((links.relative(here, provider_history_dir(provider.provider_id)), f"{name}: the last 24 months"))
    top = "\n".join(
        [
            str(shared.breadcrumb(links.relative(here, ""), name, [(links.relative(here, REPORT_DIR), REPORT_TITLE)])),
            str(shared.heading(title)),
            str(module.provider_intro(name, words.long_date(report.report_date), pages)),
            str(module.summary(summary_sentences(provider))),
        ]
    )
    sections = [("totals", "Totals"), ("missing", "Missing categories"), ("wards", "Every ward")]
    body = [
        top,
        str(shared.section_heading("Totals", "totals")),
        str(module.provider_table([provider_row(name, provider, wards)], None, f"{name}: totals of its wards")),
        str(shared.section_heading("Missing categories", "missing")),
        str(module.category_table([(c.label, provider.categories_missing[c.key]) for c in CATEGORIES], provider.wards)),
        str(shared.section_heading("Every ward", "wards")),
        str(module.filters(False, _states(), len(wards))),
        str(
            module.ward_table(
                [report_row(w, with_history, here) for w in wards],
                len(CATEGORIES),
                f"Every ward of {name}: what is published, what is missing, and review dates",
            )
        ),
        str(module.data_note(links.relative(here, REPORT_DIR) + "#data")),
    ]
    return "\n".join(
        [
            front_matter(
                title=title,
                description=f"What each ward of {name} publishes, what is missing and which are overdue for review.",
                hide=WIDE_PAGE,
                search={"exclude": True},  # for inspectors: readers' searches never lead here
                **{SCRIPTS: REPORT_SCRIPTS, HTML_TOC: [[key, text] for key, text in sections]},
            ),
            *(html_block(piece) + "\n" for piece in body),
        ]
    )


def render_report_pages(
    report: AvailabilityReport, history_page: bool = False, with_history: bool = False
) -> dict[str, str]:
    """The summary (``report/``) and one page per provider (``report/<provider>/``), by Markdown file."""
    pages = {links.page_file(REPORT_DIR): render_report_page(report, history_page)}
    by_provider: dict[str, list[WardAvailability]] = {}
    for w in report.wards:
        by_provider.setdefault(w.provider_id, []).append(w)
    for provider in report.providers:
        pages[links.page_file(links.provider_report_dir(provider.provider_id))] = render_provider_report_page(
            report, provider, by_provider.get(provider.provider_id, []), history_page, with_history
        )
    return pages
