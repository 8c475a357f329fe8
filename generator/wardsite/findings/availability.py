"""Information availability: for each ward, what is published, what is missing, and whether it is overdue.

The CQC checks that providers publish appropriate, accurate, up-to-date information. This
module reads the validated catalogue only (never the YAML) and answers, per ward: which of the
eight required categories are published, which recommended items are missing, the review
state, the formats offered and the accessibility check result; then totals per provider and
for the whole site. The inspector page, ``wardsite report`` and the published CSV and JSON
are all views of the one ``AvailabilityReport`` built here. ``today`` is always a parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from pydantic import BaseModel, ConfigDict, Field

from wardsite.findings.accessibility_results import NO_RESULTS, AccessibilityResults, CheckState
from wardsite.findings.review_dates import DEFAULT_DUE_SOON_DAYS, ReviewState, add_months, review_status
from wardsite.loading.catalogue import Catalogue, ProviderEntry, WardEntry
from wardsite.loading.fields import description_at
from wardsite.model import Ward
from wardsite.model import addresses as links
from wardsite.model.classification import Classification, NationalCodes
from wardsite.model.enums import Format, Sex, WardStatus
from wardsite.model.inventory import (
    CATEGORIES,
    CATEGORY_KEYS,
    RECOMMENDED,
    category_published,
    expected_items,
    is_published,
)
from wardsite.model.publication import Publication, publication
from wardsite.model.ward import Person, ward_national_codes
from wardsite.problems import Problem, Severity

LONG_OVERDUE_MONTHS = 18
"""The field inventory's "very overdue": more than 18 months since the last review."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class AccessibilityCheck(_Frozen):
    """The automated accessibility check of the ward's pages (its page, Easy Read version...)."""

    state: CheckState
    """not_checked (no report, or the report has none of this ward's pages), passed or failed."""
    pages_checked: int = Field(ge=0)
    """How many of the ward's pages the report covers."""
    errors: int = Field(ge=0)
    """Errors found on those pages."""
    last_checked: dt.date | None = None
    """The day the oldest of those page results was found, when the report says (``wardsite a11y`` keeps a
    page's result while its HTML is unchanged, for up to 30 days)."""


class WardAvailability(_Frozen):
    """One ward: what is published, what is missing, and its review state on the report date."""

    ward_id: str
    """The ward's identity, unique nationally: its provider's folder and file name, as example-trust/heron-ward."""
    ward_name: str
    provider_id: str
    """The provider's folder name, such as example-valley-nhs-ft."""
    provider_name: str
    provider_ods_code: str | None
    cqc_location_id: str | None
    classification: Classification
    """What kind of ward this is, as the ward wrote it: specialism, security_level, age_group."""
    national_codes: NationalCodes
    """The same in national codes (NHS Data Model and Dictionary), with intended sex and locked ward."""
    status: WardStatus
    page: str
    """The ward page, relative to the site's home page, such as wards/example-trust/heron-ward/."""
    categories_published: list[str]
    """Required categories the ward publishes, in the standard order."""
    categories_missing: list[str]
    """Required categories the ward leaves out."""
    recommended_total: int
    """How many recommended items this ward is expected to publish (it depends on its type: see the guide's table)."""
    recommended_published: int
    """How many of them the ward publishes."""
    recommended_missing: list[str]
    """Recommended items not published, as field paths such as visiting.where."""
    last_reviewed: dt.date
    next_review_due: dt.date
    review_state: ReviewState
    """current, due_soon or overdue."""
    days_until_due: int
    """Negative when overdue."""
    long_overdue: bool
    """True when the last review was more than 18 months ago."""
    formats: list[Format]
    """Formats the ward says it offers (the site's own Easy Read page is not counted)."""
    last_changed: dt.date | None = None
    """The day the ward's file was last committed to git (null when the site was built outside git)."""
    accessibility_check: AccessibilityCheck
    sex: Sex
    """Who the ward admits: male, female or mixed."""
    mixed_sex_arrangements: str | None = None
    """On a mixed ward, how sleeping areas, bathrooms and lounges are kept separate, from environment.same_sex."""
    dormitory_beds: int | None = None
    """Beds in shared rooms (None when the environment section is not published)."""
    last_change_on: dt.date | None = None
    """The date of the newest entry in review.changes."""
    last_change: str | None = None
    """What that change was, in the ward's words."""
    approved_by: str | None = None
    """Who approved the information, by role (and name if given)."""
    coproduced_with: list[str] = []
    """Who helped write it."""


class ReviewCounts(_Frozen):
    """How many wards are in each review state."""

    current: int = 0
    due_soon: int = 0
    overdue: int = 0
    long_overdue: int = 0
    """Overdue by more than 18 months since the last review (also counted in overdue)."""


class AccessibilityTotals(_Frozen):
    """Accessibility check results, counted by ward."""

    wards_checked: int = 0
    wards_with_errors: int = 0
    errors: int = 0


class Totals(_Frozen):
    """Roll-up for a group of wards (one provider, or the whole site)."""

    wards: int
    wards_with_all_categories: int
    """Wards that publish every required category."""
    categories_missing: dict[str, int]
    """For each required category, how many wards leave it out."""
    recommended_published: int
    """Recommended items published, summed over the wards."""
    recommended_possible: int
    """Recommended items there could be: wards times items."""
    review: ReviewCounts
    accessibility: AccessibilityTotals

    @property
    def missing_total(self) -> int:
        return sum(self.categories_missing.values())

    @property
    def recommended_percent(self) -> int:
        """Whole percent, rounded down so 99.6% never shows as 100%."""
        return (100 * self.recommended_published) // self.recommended_possible if self.recommended_possible else 0


class ProviderTotals(Totals):
    """Roll-up for one provider."""

    provider_id: str
    provider_name: str


class CategoryInfo(_Frozen):
    key: str
    label: str


class RecommendedInfo(_Frozen):
    id: str
    """The field path, such as visiting.where."""
    label: str
    category: str | None
    """The required category it belongs to, if any."""


class ExcludedProvider(_Frozen):
    """A provider left out of this build because its files have errors."""

    provider_id: str
    """The provider's folder name."""
    errors: int
    """How many errors its files have."""
    problems: list[str]
    """Each error as `file:line:col: field: message`."""


class AvailabilityReport(_Frozen):
    """Everything an inspector needs: published at data/availability.json."""

    publication: Publication = Field(default_factory=publication)
    """Which shape this file has, what made it and when: what a national build reads first."""
    report_date: dt.date
    """The date the review states were worked out for."""
    due_soon_days: int
    """How many days before the due date a review counts as due soon."""
    accessibility_report: str | None
    """The accessibility report the results came from, if one was used."""
    categories: list[CategoryInfo]
    recommended_items: list[RecommendedInfo]
    site: Totals
    providers: list[ProviderTotals]
    wards: list[WardAvailability]
    excluded_providers: list[ExcludedProvider] = []
    """Providers whose files have errors, left out of a build that skipped broken providers."""


def formats_offered(ward: Ward) -> list[Format]:
    """The formats the ward says it offers, in the standard order. The site's own Easy Read page is not
    counted: it is made for every ward and is not the ward's Easy Read information."""
    offered = set(ward.accessibility.formats_available if ward.accessibility else [])
    return [f for f in Format if f in offered]


def ward_availability(
    provider: ProviderEntry,
    entry: WardEntry,
    today: dt.date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    a11y: AccessibilityResults = NO_RESULTS,
    last_changed: dt.date | None = None,
) -> WardAvailability:
    ward = entry.ward
    status = review_status(ward.review.last_reviewed, ward.review.next_review_due, today, due_soon_days)
    expected = expected_items(ward)  # scored only against what a ward of its type is expected to publish
    missing_items = [item.id for item in expected if not is_published(ward, item)]
    check = a11y.for_ward(entry.key)
    last = max(ward.review.changes, key=lambda c: c.date, default=None)
    return WardAvailability(
        ward_id=entry.key,
        ward_name=ward.name,
        provider_id=provider.slug,
        provider_name=provider.provider.name,
        provider_ods_code=provider.provider.ods_code,
        cqc_location_id=ward.cqc_location_id,
        classification=ward.classification,
        national_codes=ward_national_codes(ward),
        status=ward.status,
        page=links.ward_dir(entry.provider_slug, entry.slug),
        categories_published=[key for key in CATEGORY_KEYS if category_published(ward, key)],
        categories_missing=[key for key in CATEGORY_KEYS if not category_published(ward, key)],
        recommended_total=len(expected),
        recommended_published=len(expected) - len(missing_items),
        recommended_missing=missing_items,
        last_reviewed=status.last_reviewed,
        next_review_due=status.due,
        review_state=status.state,
        days_until_due=status.days_until_due,
        long_overdue=today > add_months(status.last_reviewed, LONG_OVERDUE_MONTHS),
        formats=formats_offered(ward),
        last_changed=last_changed,
        accessibility_check=AccessibilityCheck(
            state=check.state, pages_checked=check.pages_checked, errors=check.errors, last_checked=check.last_checked
        ),
        sex=ward.who_for.sex,
        mixed_sex_arrangements=mixed_sex_arrangements(ward),
        dormitory_beds=ward.environment.bedrooms.dormitory_beds if ward.environment else None,
        last_change_on=last.date if last else None,
        last_change=last.summary if last else None,
        approved_by=_person(ward.review.approved_by),
        coproduced_with=list(ward.review.coproduced_with),
    )


def _person(person: Person | None) -> str | None:
    if person is None:
        return None
    return f"{person.role} ({person.name})" if person.name else person.role


def mixed_sex_arrangements(ward: Ward) -> str | None:
    """ "Separate sleeping areas: yes; separate bathrooms: yes; women-only lounge: no", from what the ward wrote."""
    same = ward.environment.same_sex if ward.environment else None
    if same is None:
        return None

    def yes(value: bool) -> str:
        return "yes" if value else "no"

    return (
        f"Separate sleeping areas: {yes(same.sleeping_segregated)}; "
        f"separate bathrooms: {yes(same.bathrooms_segregated)}; "
        f"women-only lounge: {yes(same.female_only_lounge)}"
    )


def totals_of(rows: list[WardAvailability]) -> dict:
    """The fields of ``Totals`` for ``rows`` (one provider's wards, or every ward)."""
    return _totals(rows)


def _totals(rows: list[WardAvailability]) -> dict:
    review = ReviewCounts(
        current=sum(r.review_state is ReviewState.current for r in rows),
        due_soon=sum(r.review_state is ReviewState.due_soon for r in rows),
        overdue=sum(r.review_state is ReviewState.overdue for r in rows),
        long_overdue=sum(r.long_overdue for r in rows),
    )
    checked = [r.accessibility_check for r in rows if r.accessibility_check.state is not CheckState.not_checked]
    return {
        "wards": len(rows),
        "wards_with_all_categories": sum(not r.categories_missing for r in rows),
        "categories_missing": {key: sum(key in r.categories_missing for r in rows) for key in CATEGORY_KEYS},
        "recommended_published": sum(r.recommended_published for r in rows),
        "recommended_possible": sum(r.recommended_total for r in rows),
        "review": review,
        "accessibility": AccessibilityTotals(
            wards_checked=len(checked),
            wards_with_errors=sum(c.state is CheckState.failed for c in checked),
            errors=sum(c.errors for c in checked),
        ),
    }


def availability_report(
    catalogue: Catalogue,
    today: dt.date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    a11y: AccessibilityResults = NO_RESULTS,
    built_at: dt.datetime | None = None,
    last_changed: Mapping[str, dt.date] | None = None,
) -> AvailabilityReport:
    """The whole report: every ward (providers by name, wards by name), provider totals and site totals.

    ``built_at`` is when the site is being built, if the caller knows (it is published, never read here).
    ``last_changed`` maps each ward file's path inside the wards folder (``provider/ward.yaml``) to
    the day it was last committed.
    """
    providers: list[ProviderTotals] = []
    wards: list[WardAvailability] = []
    for provider in catalogue.providers:
        rows = [
            ward_availability(
                provider,
                entry,
                today,
                due_soon_days,
                a11y,
                (last_changed or {}).get(f"{provider.slug}/{entry.slug}.yaml"),
            )
            for entry in provider.wards
        ]
        providers.append(
            ProviderTotals(provider_id=provider.slug, provider_name=provider.provider.name, **_totals(rows))
        )
        wards.extend(rows)
    return AvailabilityReport(
        publication=publication(built_at),
        report_date=today,
        due_soon_days=due_soon_days,
        accessibility_report=a11y.source,
        categories=[CategoryInfo(key=c.key, label=c.label) for c in CATEGORIES],
        recommended_items=[RecommendedInfo(id=i.id, label=i.label, category=i.category) for i in RECOMMENDED],
        site=Totals(**_totals(wards)),
        providers=providers,
        wards=wards,
        excluded_providers=[
            ExcludedProvider(provider_id=slug, errors=len(errors), problems=[p.format() for p in errors])
            for slug, problems in catalogue.excluded.items()
            for errors in [[p for p in problems if p.severity is Severity.error]]
        ],
    )


def missing_category_warnings(wards: Iterable[WardEntry]) -> list[Problem]:
    """A warning for each required category a ward leaves out, for ``wardsite check``."""
    problems = []
    for entry in wards:
        for category in CATEGORIES:
            if not category_published(entry.ward, category.key):
                what = description_at(Ward, (category.key,)).rstrip(".")
                problems.append(
                    Problem(
                        entry.source_path,
                        1,
                        1,
                        category.key,
                        f'the {category.label.lower()} section is missing: the ward page says "Not published '
                        'yet" and the inspector report lists it as missing.',
                        f"Add the `{category.key}:` section ({what[:1].lower() + what[1:]}), or put it in the "
                        "provider's ward_defaults if it is the same on every ward.",
                        Severity.warning,
                    )
                )
    return problems
