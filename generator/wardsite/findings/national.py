"""One national picture from many published sites: each source's data checked, then merged.

A source is a site's web address or a local folder holding a built site. Its
``data/availability.json`` and ``data/wards.json`` must be JSON, declare a schema version this
wardsite knows, and match that version's shape; a source that fails any of these is listed
with the reason and left out of the figures, and the others go on. Review states are worked
out again for the national report's own date from each ward's dates, so a site built weeks ago
is not shown as fresher than it is.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from wardsite.findings.availability import (
    LONG_OVERDUE_MONTHS,
    AvailabilityReport,
    CategoryInfo,
    ProviderTotals,
    RecommendedInfo,
    Totals,
    WardAvailability,
    totals_of,
)
from wardsite.findings.review_dates import DEFAULT_DUE_SOON_DAYS, add_months, review_status
from wardsite.model.inventory import CATEGORIES, RECOMMENDED
from wardsite.model.publication import KNOWN_SCHEMA_VERSIONS, Publication, publication
from wardsite.model.types import SLUG_PATTERN, WARD_KEY_PATTERN
from wardsite.problems import format_path
from wardsite.source.fetch import Fetched

AVAILABILITY_FILE = "data/availability.json"
WARDS_FILE = "data/wards.json"
DATA_FILES = (AVAILABILITY_FILE, WARDS_FILE)


class SourceState(StrEnum):
    included = "included"
    failed = "failed"


class SourceResult(BaseModel):
    """One source of the national report: whether it is included and, if not, why."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    source: str
    """The source as given: a site's web address or a folder."""
    state: SourceState
    """included, or failed (then ``reason`` says why, and none of its wards are counted)."""
    reason: str | None = None
    """Why the source was left out, in plain words, naming the file."""
    schema_version: int | None = None
    """The schema version its data files declare."""
    generator_version: str | None = None
    """The wardsite version that built it."""
    built_at: dt.datetime | None = None
    """When it was built, as it says."""
    report_date: dt.date | None = None
    """The date its own report was worked out for."""
    wards: int = 0
    """Wards taken from it."""
    providers: int = 0
    """Providers taken from it."""
    from_cache: list[str] = []
    """Data files the server said had not changed since the last run, so the cached copy was used."""


class NationalReport(BaseModel):
    """The national report: every source and the merged availability of every ward from the included ones."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    publication: Publication
    """Which shape this file has, what made it and when."""
    report_date: dt.date
    """The date review states were worked out for."""
    sources: list[SourceResult]
    """Every source, in the order given, included or not."""
    availability: AvailabilityReport
    """Every ward of the included sources, with provider and national totals (the same shape as one site's)."""


@dataclass(frozen=True)
class Checked:
    """A source's checked data, or why it failed."""

    result: SourceResult
    report: AvailabilityReport | None = None
    base: str = ""
    """Where its pages are, to link each ward to its page on the source site."""


def _first_error(error: ValidationError) -> str:
    """The first few places a file does not match its schema, by error type (never the validator's English)."""
    kinds = {
        "missing": "is missing",
        "extra_forbidden": "is not part of the schema",
        "enum": "has a value the schema does not allow",
        "literal_error": "has a value the schema does not allow",
    }
    shown = []
    for item in error.errors()[:3]:
        where = format_path(tuple(item["loc"])) or "the top level"
        shown.append(f"`{where}` {kinds.get(item['type'], 'has a value of the wrong type or form')}")
    more = error.error_count() - len(shown)
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


def _parse(fetched: Fetched, name: str) -> tuple[dict[str, Any] | None, str | None]:
    if fetched.body is None:
        return None, f"{name}: {fetched.reason}"
    try:
        data = json.loads(fetched.body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, f"{name} is not UTF-8 text."
    except json.JSONDecodeError as exc:
        return None, f"{name} is not JSON (line {exc.lineno}, column {exc.colno})."
    if not isinstance(data, dict):
        return None, f"{name} is not a JSON object."
    return data, None


def _declared_version(data: dict[str, Any], name: str) -> tuple[int | None, str | None]:
    declared = data.get("publication")
    version = declared.get("schema_version") if isinstance(declared, dict) else None
    if version is None:
        return (
            None,
            f"{name} declares no schema version (publication.schema_version): it was built by an older wardsite.",
        )
    if not isinstance(version, int) or isinstance(version, bool) or version not in KNOWN_SCHEMA_VERSIONS:
        known = ", ".join(str(v) for v in sorted(KNOWN_SCHEMA_VERSIONS))
        return (
            None,
            f"{name} declares schema version {json.dumps(version)}, "
            f"which this wardsite does not read (it reads {known}).",
        )
    return version, None


def check_source(source: str, files: dict[str, Fetched], base: str, wards_model: type[BaseModel]) -> Checked:
    """Check one source's two data files against the schema version they declare.

    ``wards_model`` is the shape of data/wards.json (``wardsite.open_data.records.WardsData``, which
    is made after the findings, so the caller passes it): its ``wards`` must be the report's wards.
    """
    failed: Callable[[str], Checked] = lambda reason: Checked(  # noqa: E731
        SourceResult(source=source, state=SourceState.failed, reason=reason)
    )
    models: dict[str, type[BaseModel]] = {AVAILABILITY_FILE: AvailabilityReport, WARDS_FILE: wards_model}
    parsed: dict[str, BaseModel] = {}
    for name in DATA_FILES:
        data, problem = _parse(files[name], name)
        if data is None:
            return failed(problem or name)
        _, problem = _declared_version(data, name)
        if problem:
            return failed(problem)
        try:
            parsed[name] = models[name].model_validate(data)
        except ValidationError as exc:
            return failed(
                f"{name} does not match schema version {data['publication']['schema_version']}: {_first_error(exc)}."
            )
    report = parsed[AVAILABILITY_FILE]
    assert isinstance(report, AvailabilityReport)
    wards = parsed[WARDS_FILE]
    ids = [
        *((p.provider_id, SLUG_PATTERN) for p in report.providers),
        *(x for w in report.wards for x in ((w.ward_id, WARD_KEY_PATTERN), (w.provider_id, SLUG_PATTERN))),
    ]
    bad = next((i for i, pattern in ids if not re.fullmatch(pattern, i)), None)
    if bad is not None:
        return failed(f"{AVAILABILITY_FILE} has an id that is not a web-address name: {json.dumps(bad)}.")
    if {w.ward_id for w in report.wards} != {w.id for w in getattr(wards, "wards", [])}:
        return failed(f"{AVAILABILITY_FILE} and {WARDS_FILE} list different wards: they are from different builds.")
    meta = report.publication
    return Checked(
        SourceResult(
            source=source,
            state=SourceState.included,
            schema_version=meta.schema_version,
            generator_version=meta.generator_version,
            built_at=meta.built_at,
            report_date=report.report_date,
            wards=len(report.wards),
            providers=len(report.providers),
            from_cache=[name for name in DATA_FILES if files[name].from_cache],
        ),
        report,
        base,
    )


def _as_of(row: WardAvailability, today: dt.date, due_soon_days: int, base: str) -> WardAvailability:
    """The ward's review state worked out again for ``today``, and its page as a full address on its own site."""
    status = review_status(row.last_reviewed, row.next_review_due, today, due_soon_days)
    return row.model_copy(
        update={
            "review_state": status.state,
            "days_until_due": status.days_until_due,
            "long_overdue": today > add_months(row.last_reviewed, LONG_OVERDUE_MONTHS),
            "page": base + row.page.lstrip("/"),  # always under the source's own address
        }
    )


def national_report(
    checked: Sequence[Checked],
    today: dt.date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    built_at: dt.datetime | None = None,
) -> NationalReport:
    """Merge the included sources: providers by name, wards by provider then name, totals worked out again."""
    providers: list[ProviderTotals] = []
    wards: list[WardAvailability] = []
    seen_ids: dict[str, int] = {}
    for index, item in enumerate(checked):
        if item.report is None:
            continue
        for provider in item.report.providers:
            rows = [
                _as_of(w, today, due_soon_days, item.base)
                for w in item.report.wards
                if w.provider_id == provider.provider_id
            ]
            # The same folder name on two sites is two providers: keep them apart in the filters.
            provider_id = (
                provider.provider_id
                if seen_ids.setdefault(provider.provider_id, index) == index
                else (f"{provider.provider_id}-{index + 1}")
            )
            rows = [r.model_copy(update={"provider_id": provider_id}) for r in rows]
            providers.append(
                ProviderTotals(provider_id=provider_id, provider_name=provider.provider_name, **totals_of(rows))
            )
            wards.extend(rows)
    providers.sort(key=lambda p: (p.provider_name.lower(), p.provider_id))
    order = {p.provider_id: i for i, p in enumerate(providers)}
    wards.sort(key=lambda w: (order[w.provider_id], w.ward_name.lower()))
    merged = AvailabilityReport(
        publication=publication(built_at),
        report_date=today,
        due_soon_days=due_soon_days,
        accessibility_report=None,
        categories=[CategoryInfo(key=c.key, label=c.label) for c in CATEGORIES],
        recommended_items=[RecommendedInfo(id=i.id, label=i.label, category=i.category) for i in RECOMMENDED],
        site=Totals(**totals_of(wards)),
        providers=providers,
        wards=wards,
    )
    return NationalReport(
        publication=publication(built_at),
        report_date=today,
        sources=[c.result for c in checked],
        availability=merged,
    )
