"""The availability report as CSV, JSON and Markdown text: for ``wardsite report`` and the published site.

The CSV has exactly one row per ward, so a spreadsheet can sort and filter it; the JSON holds
the whole report (wards, provider totals, site totals) and validates against
``schema/availability.schema.json``. The same functions feed the command line and the files
published at ``data/availability.csv`` and ``data/availability.json``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from wardsite.findings.accessibility_results import CHECK_LABELS
from wardsite.findings.availability import AvailabilityReport, Totals, WardAvailability
from wardsite.findings.review_dates import STATE_LABELS
from wardsite.model import words
from wardsite.model.classification import describe, sex_words
from wardsite.model.enums import label
from wardsite.model.inventory import CATEGORIES, CATEGORY_KEYS, RECOMMENDED

AVAILABILITY_CSV = "data/availability.csv"
AVAILABILITY_JSON = "data/availability.json"
LIST_SEPARATOR = "; "

CSV_COLUMNS: tuple[str, ...] = (
    "provider_id",
    "provider_name",
    "provider_ods_code",
    "ward_id",
    "ward_name",
    "specialism",
    "security_level",
    "age_group",
    "ward_security_level_code",
    "ward_intended_age_group_code",
    "ward_intended_sex_of_patients_code",
    "locked_ward_indicator",
    "status",
    "cqc_location_id",
    "page",
    "categories_published",
    "categories_missing",
    *CATEGORY_KEYS,
    "recommended_published",
    "recommended_total",
    "recommended_missing",
    "last_reviewed",
    "next_review_due",
    "review_state",
    "days_until_due",
    "long_overdue",
    "formats",
    "accessibility_check",
    "accessibility_pages_checked",
    "accessibility_errors",
    "accessibility_last_checked",
    "sex",
    "mixed_sex_arrangements",
    "dormitory_beds",
    "last_change_on",
    "last_change",
    "last_changed",
    "approved_by",
    "coproduced_with",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str | None) -> str:
    """Provider-written text, made safe to open in a spreadsheet: a leading = + - @ cannot start a formula."""
    text = text or ""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _csv_row(w: WardAvailability) -> list[object]:
    return [
        w.provider_id,
        _cell(w.provider_name),
        w.provider_ods_code or "",
        w.ward_id,
        _cell(w.ward_name),
        w.classification.specialism.value,
        w.classification.security_level.value,
        w.classification.age_group.value,
        w.national_codes.ward_security_level,
        w.national_codes.ward_intended_age_group,
        w.national_codes.ward_intended_sex_of_patients,
        w.national_codes.locked_ward_indicator or "",
        w.status.value,
        w.cqc_location_id or "",
        w.page,
        len(w.categories_published),
        LIST_SEPARATOR.join(w.categories_missing),
        *("published" if key in w.categories_published else "missing" for key in CATEGORY_KEYS),
        w.recommended_published,
        w.recommended_total,
        LIST_SEPARATOR.join(w.recommended_missing),
        w.last_reviewed.isoformat(),
        w.next_review_due.isoformat(),
        w.review_state.value,
        w.days_until_due,
        "yes" if w.long_overdue else "no",
        LIST_SEPARATOR.join(f.value for f in w.formats),
        w.accessibility_check.state.value,
        w.accessibility_check.pages_checked,
        w.accessibility_check.errors,
        _iso(w.accessibility_check.last_checked),
        w.sex.value,
        w.mixed_sex_arrangements or "",
        "" if w.dormitory_beds is None else w.dormitory_beds,
        _iso(w.last_change_on),
        _cell(w.last_change),
        _iso(w.last_changed),
        _cell(w.approved_by),
        LIST_SEPARATOR.join(_cell(c) for c in w.coproduced_with),
    ]


def to_csv(report: AvailabilityReport) -> str:
    """One header row, then one row per ward (providers by name, wards by name)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_row(w) for w in report.wards)
    return out.getvalue()


def to_json(report: AvailabilityReport) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=1, ensure_ascii=False) + "\n"


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("\\", "\\\\").replace("|", "\\|")


CATEGORY_LABELS = {c.key: c.label for c in CATEGORIES}


def missing_categories_text(w: WardAvailability) -> str:
    return ", ".join(CATEGORY_LABELS[key] for key in w.categories_missing) or "None"


def missing_items_text(w: WardAvailability) -> str:
    """The recommended items the ward leaves out, by name (not only how many)."""
    labels = {item.id: item.label for item in RECOMMENDED}
    return "; ".join(labels.get(i, i) for i in w.recommended_missing) or "None"


def days_text(w: WardAvailability) -> str:
    """ "12 days overdue", "due today" or "due in 30 days"."""
    days = w.days_until_due
    if days < 0:
        return f"{-days} {'day' if days == -1 else 'days'} overdue"
    return "due today" if days == 0 else f"due in {days} {'day' if days == 1 else 'days'}"


def sex_text(w: WardAvailability) -> str:
    return sex_words(w.sex, w.classification.age_group)


def mixed_sex_text(w: WardAvailability) -> str:
    if w.mixed_sex_arrangements:
        return w.mixed_sex_arrangements
    return "Not published" if w.sex.value == "mixed" else "Single-sex ward"


def dormitory_text(w: WardAvailability) -> str:
    return "Not published" if w.dormitory_beds is None else str(w.dormitory_beds)


def last_change_text(w: WardAvailability) -> str:
    """ "2026-10-14: Visiting now starts at 1pm", or "None recorded"."""
    if w.last_change_on is None:
        return "None recorded"
    return f"{w.last_change_on.isoformat()}: {w.last_change}"


def coproduced_text(w: WardAvailability) -> str:
    """Who helped write the information, in the ward's words ("people who stayed here; the carers' forum"),
    or "Not recorded"."""
    return LIST_SEPARATOR.join(w.coproduced_with) or "Not recorded"


def last_changed_text(w: WardAvailability) -> str:
    """When the ward's file was last committed (git), or "Not known" outside git."""
    return w.last_changed.isoformat() if w.last_changed else "Not known"


def review_text(w: WardAvailability) -> str:
    text = STATE_LABELS[w.review_state]
    return text + " (more than 18 months)" if w.long_overdue else text


def formats_text(w: WardAvailability) -> str:
    """The formats the ward offers (the site's own Easy Read page is not one of them)."""
    return ", ".join(label(f) for f in w.formats) or "None listed"


def summary_sentences(site: Totals) -> list[str]:
    """The headline numbers, in plain words."""
    review = site.review
    return [
        f"{site.wards} wards. {site.wards_with_all_categories} publish all {len(CATEGORIES)} required "
        f"categories; {site.missing_total} categories are missing in all.",
        f"Recommended items published: {site.recommended_published} of {site.recommended_possible} "
        f"({site.recommended_percent}%).",
        f"Review: {review.current} up to date, {review.due_soon} due soon, {review.overdue} overdue "
        f"({review.long_overdue} more than 18 months since the last review).",
    ]


def to_markdown(report: AvailabilityReport) -> str:
    """A readable report for people: headline numbers, provider totals, then every ward."""
    lines = [f"# Ward information availability on {words.long_date(report.report_date)}", ""]
    lines += [*summary_sentences(report.site), ""]
    lines += [
        "## Providers",
        "",
        "| Provider | Wards | All categories published | Categories missing | Recommended items published | "
        "Overdue | Due soon |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for p in report.providers:
        lines.append(
            f"| {_md(p.provider_name)} | {p.wards} | {p.wards_with_all_categories} | {p.missing_total} | "
            f"{p.recommended_published} of {p.recommended_possible} ({p.recommended_percent}%) | "
            f"{p.review.overdue} | {p.review.due_soon} |"
        )
    lines += [
        "",
        "## Wards",
        "",
        "| Provider | Ward | Type | Categories published | Missing categories | Recommended items | Last reviewed | "
        "Next review due | Review | Formats | Accessibility check | Information last changed | Days to review | Sex | "
        "Mixed-sex arrangements | Dormitory beds | Last change (ward's log) | Approved by | Written with | "
        "Missing items |",
        "| --- | --- | --- | ---: | --- | ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---: | --- "
        "| --- | --- | --- |",
    ]
    for w in report.wards:
        lines.append(
            f"| {_md(w.provider_name)} | {_md(w.ward_name)} | {_md(describe(w.classification))} "
            f"| {len(w.categories_published)} of "
            f"{len(CATEGORIES)} | {missing_categories_text(w)} "
            f"| {w.recommended_published} of {w.recommended_total} | {w.last_reviewed.isoformat()} | "
            f"{w.next_review_due.isoformat()} | {review_text(w)} "
            f"| {formats_text(w)} | {CHECK_LABELS[w.accessibility_check.state]} | {last_changed_text(w)} "
            f"| {days_text(w)} | {sex_text(w)} "
            f"| {_md(mixed_sex_text(w))} | {dormitory_text(w)} | {_md(last_change_text(w))} "
            f"| {_md(w.approved_by or 'Not recorded')} | {_md(coproduced_text(w))} | {_md(missing_items_text(w))} |"
        )
    return "\n".join(lines) + "\n"


def availability_files(report: AvailabilityReport) -> dict[str, str]:
    """``{path in the site: text}`` for the published CSV and JSON."""
    return {AVAILABILITY_CSV: to_csv(report), AVAILABILITY_JSON: to_json(report)}
