"""The inspectors' page (``report/``): what every ward publishes, what is missing, and what is overdue.

One table row per ward, kept lean because a national site has about 2,000 of them; the full
lists of missing items are in the CSV and JSON linked from the page. The page is complete
without JavaScript; ``site_src/javascripts/report-table.js`` adds sorting and filters.
"""

from __future__ import annotations

from dataclasses import dataclass

from wardsite.findings.accessibility_results import CHECK_LABELS, CheckState
from wardsite.findings.availability import AvailabilityReport, Totals, WardAvailability
from wardsite.findings.availability_export import (
    AVAILABILITY_CSV,
    AVAILABILITY_JSON,
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
from wardsite.model.enums import label
from wardsite.model.inventory import CATEGORIES
from wardsite.render.environment import REPORT_SCRIPTS, SCRIPTS, Macros, front_matter, html_block, macros

REPORT_DIR = "report/"
WIDE_PAGE = ["navigation", "toc"]
"""Front matter that gives a wide table the whole width (MkDocs Material and Zensical read it)."""
_REVIEW_RANK = {ReviewState.overdue: 0, ReviewState.due_soon: 1, ReviewState.current: 2}


@dataclass(frozen=True)
class ReportRow:
    """One ward in the table: display text plus the values the sorting and filters use."""

    url: str
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
    review_state: str
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
    last_changed: str = "Not known"
    """The day the ward's file was last committed, or "Not known" when the site was built outside git."""
    last_changed_iso: str = ""
    history_url: str | None = None
    """The ward's section of its provider's change history page, when the site was built in git."""


@dataclass(frozen=True)
class ProviderRow:
    name: str
    totals: Totals


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


def report_row(w: WardAvailability, with_history: bool = False) -> ReportRow:
    return ReportRow(
        url=links.relative(REPORT_DIR, w.page),
        name=w.ward_name,
        provider_id=w.provider_id,
        provider=w.provider_name,
        type=label(w.ward_type),
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
        review_state=w.review_state.value,
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
        last_changed=words.long_date(w.last_changed) if w.last_changed else "Not known",
        last_changed_iso=w.last_changed.isoformat() if w.last_changed else "",
        history_url=(
            # the provider's change history page has one heading per ward, with the ward's file name as its id
            links.relative(REPORT_DIR, links.change_log_dir(w.provider_id)) + f"#{w.ward_id.rsplit('/', 1)[-1]}"
            if with_history
            else None
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
            "This table: one row per ward, with the missing recommended items listed.",
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
                " (this one is for the first ward in the table).",
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


def render_report_page(report: AvailabilityReport, history_page: bool = False, with_history: bool = False) -> str:
    """The Markdown source of ``report/index.md``.

    With ``history_page``, a link to each provider's last 24 months; with ``with_history``, a link from
    each ward to its section of its provider's change history page.
    """
    module = _report_macros()
    site = report.site
    providers = [ProviderRow(p.provider_name, p) for p in report.providers]
    missing_by_category = [(c.label, site.categories_missing[c.key]) for c in CATEGORIES]
    states = [(s.value, STATE_LABELS[s]) for s in ReviewState]
    date = words.long_date(report.report_date)
    intro = str(module.intro(len(CATEGORIES), date))
    parts = [
        front_matter(
            title="Ward information for inspectors",
            description="What every ward publishes, what is missing and which wards are overdue for review.",
            hide=WIDE_PAGE,
            **{SCRIPTS: REPORT_SCRIPTS},
        ),
        "# Ward information for inspectors",
        "",
        html_block(intro),
        "",
        html_block(str(module.summary(summary_sentences(site)))),
        "",
        "## Totals by provider {#providers}",
        "",
        html_block(str(module.provider_table(providers, site))),
        "",
        "## Missing categories {#missing}",
        "",
        html_block(str(module.category_table(missing_by_category, site.wards))),
        "",
        "## Every ward {#wards}",
        "",
        html_block(
            str(module.filters([(p.provider_id, p.provider_name) for p in report.providers], states, site.wards))
        ),
        "",
        html_block(str(module.ward_table([report_row(w, with_history) for w in report.wards], len(CATEGORIES)))),
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
