"""The availability model: what each ward publishes, what is missing, review state, formats, roll-ups.

Counts are checked against the hand-built fixture wards described in
tests/fixtures/availability/README.md, on the pinned date 2026-11-26.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.sitebuild import SAMPLE_WARDS
from wardsite.cli import main
from wardsite.findings.availability import AvailabilityReport, availability_report
from wardsite.findings.review_dates import ReviewState
from wardsite.loading.catalogue import load_catalogue
from wardsite.loading.fields import field_at
from wardsite.model import Ward
from wardsite.model.enums import Format
from wardsite.model.inventory import CATEGORY_KEYS, RECOMMENDED

TODAY = dt.date(2026, 11, 26)
REPO = Path(__file__).resolve().parent.parent
FIXTURE_WARDS = Path(__file__).parent / "fixtures" / "availability" / "wards"
NOT_IN_COMPLETE_WARD = ["accessibility.access_guide_url", "review.coproduced_with"]


@pytest.fixture(scope="module")
def report() -> AvailabilityReport:
    loaded = load_catalogue(FIXTURE_WARDS)
    assert loaded.problems == []
    return availability_report(loaded.catalogue, TODAY)


def _ward(report: AvailabilityReport, slug: str):  # type: ignore[no-untyped-def]
    return next(w for w in report.wards if w.ward_id == slug)


def test_every_recommended_item_names_a_real_field_of_the_ward_model() -> None:
    for item in RECOMMENDED:
        for path in item.paths:
            assert field_at(Ward, path) is not None, f"{'.'.join(path)} is not a field of the ward model"


def test_the_eight_required_categories_are_the_optional_sections_of_the_ward_model() -> None:
    assert CATEGORY_KEYS == (
        "staffing",
        "environment",
        "daily_life",
        "activities",
        "visiting",
        "carers",
        "rights",
        "feedback",
    )
    for key in CATEGORY_KEYS:
        assert not Ward.model_fields[key].is_required()


def test_a_complete_ward_publishes_every_category_and_misses_only_the_two_items_left_out(
    report: AvailabilityReport,
) -> None:
    ward = _ward(report, "availability-trust/complete-ward")
    assert ward.categories_missing == []
    assert ward.categories_published == list(CATEGORY_KEYS)
    assert ward.recommended_missing == NOT_IN_COMPLETE_WARD
    assert (ward.recommended_published, ward.recommended_total) == (44, 46)
    assert ward.review_state is ReviewState.current
    assert (ward.last_reviewed, ward.next_review_due) == (dt.date(2026, 6, 10), dt.date(2027, 6, 10))


def test_a_ward_without_visiting_carers_and_rights_lists_those_categories_and_their_items_as_missing(
    report: AvailabilityReport,
) -> None:
    ward = _ward(report, "availability-trust/gaps-ward")
    assert ward.categories_missing == ["visiting", "carers", "rights"]
    assert ward.categories_published == ["staffing", "environment", "daily_life", "activities", "feedback"]
    assert ward.recommended_missing == [
        "visiting.not_during",
        "visiting.where",
        "visiting.flexible_for_carers",
        "visiting.patient_choice",
        "carers.support_groups",
        "carers.carers_assessment",
        "carers.local_organisations",
        "carers.nearest_relative",
        "rights.easy_read_rights_url",
        "rights.general_advocacy",
        "rights.care_plan_copy",
        *NOT_IN_COMPLETE_WARD,
    ]
    assert ward.recommended_published == 33


def test_a_ward_past_its_due_date_is_overdue_with_its_due_date(report: AvailabilityReport) -> None:
    ward = _ward(report, "availability-trust/overdue-ward")
    assert ward.review_state is ReviewState.overdue
    assert ward.next_review_due == dt.date(2026, 10, 1)
    assert ward.days_until_due == -56
    assert ward.long_overdue is False


def test_a_ward_last_reviewed_more_than_eighteen_months_ago_is_long_overdue(report: AvailabilityReport) -> None:
    ward = _ward(report, "other-provider/bare-ward")
    assert ward.review_state is ReviewState.overdue
    assert ward.long_overdue is True
    assert ward.categories_published == []
    assert ward.recommended_published == 0
    assert len(ward.recommended_missing) == 46


def test_a_ward_due_within_28_days_is_due_soon(report: AvailabilityReport) -> None:
    ward = _ward(report, "other-provider/soon-ward")
    assert ward.review_state is ReviewState.due_soon
    assert ward.days_until_due == 14


def test_only_the_formats_the_ward_offers_are_listed_not_the_sites_own_easy_read_page(
    report: AvailabilityReport,
) -> None:
    assert _ward(report, "availability-trust/complete-ward").formats == [Format.large_print]
    assert _ward(report, "other-provider/bare-ward").formats == []


def test_provider_totals_add_up_the_provider_wards(report: AvailabilityReport) -> None:
    trust, other = report.providers
    assert trust.provider_id == "availability-trust"
    assert (trust.wards, trust.wards_with_all_categories) == (3, 2)
    assert trust.categories_missing == {
        "staffing": 0,
        "environment": 0,
        "daily_life": 0,
        "activities": 0,
        "visiting": 1,
        "carers": 1,
        "rights": 1,
        "feedback": 0,
    }
    assert (trust.recommended_published, trust.recommended_possible) == (44 + 33 + 44, 3 * 46)
    assert (trust.review.current, trust.review.due_soon, trust.review.overdue, trust.review.long_overdue) == (
        2,
        0,
        1,
        0,
    )
    assert other.provider_id == "other-provider"
    assert (other.wards, other.wards_with_all_categories, other.missing_total) == (2, 0, 16)
    assert (other.review.current, other.review.due_soon, other.review.overdue, other.review.long_overdue) == (
        0,
        1,
        1,
        1,
    )


def test_site_totals_cover_every_ward_of_every_provider(report: AvailabilityReport) -> None:
    site = report.site
    assert (site.wards, site.wards_with_all_categories, site.missing_total) == (5, 2, 19)
    assert (site.recommended_published, site.recommended_possible, site.recommended_percent) == (121, 230, 52)
    assert (site.review.current, site.review.due_soon, site.review.overdue) == (2, 1, 2)
    assert [w.ward_id for w in report.wards] == [
        *(f"availability-trust/{w}-ward" for w in ("complete", "gaps", "overdue")),
        *(f"other-provider/{w}-ward" for w in ("bare", "soon")),
    ]


def test_every_shipped_sample_ward_publishes_all_eight_categories_and_is_current() -> None:
    loaded = load_catalogue(SAMPLE_WARDS)
    sample = availability_report(loaded.catalogue, TODAY)
    assert len(sample.wards) == 9
    assert [w.ward_id for w in sample.wards if w.categories_missing] == []
    assert [w.ward_id for w in sample.wards if w.review_state is not ReviewState.current] == []


def test_wardsite_check_warns_about_each_missing_category_but_still_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURE_WARDS / "availability-trust", tmp_path / "wards" / "availability-trust")
    (tmp_path / "wards" / "availability-trust" / "overdue-ward.yaml").unlink()
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(main, ["check", "--today", TODAY.isoformat()], catch_exceptions=False)

    assert result.exit_code == 0, result.stdout
    lines = result.stdout.splitlines()
    block = lines[lines.index("Sections not published yet (the inspector report lists them as missing):") + 1 :]
    block = block[: block.index("")]
    assert block == [
        "wards/availability-trust/gaps-ward.yaml:1:1: visiting: warning: the visiting section is missing: the "
        'ward page says "Not published yet" and the inspector report lists it as missing. Fix: Add the '
        "`visiting:` section (visiting times and arrangements), or put it in the provider's ward_defaults if "
        "it is the same on every ward.",
        "wards/availability-trust/gaps-ward.yaml:1:1: carers: warning: the carers and family section is "
        'missing: the ward page says "Not published yet" and the inspector report lists it as missing. Fix: '
        "Add the `carers:` section (support for carers and family), or put it in the provider's ward_defaults "
        "if it is the same on every ward.",
        "wards/availability-trust/gaps-ward.yaml:1:1: rights: warning: the rights and advocacy section is "
        'missing: the ward page says "Not published yet" and the inspector report lists it as missing. Fix: '
        "Add the `rights:` section (your rights and advocacy), or put it in the provider's ward_defaults if "
        "it is the same on every ward.",
    ]
    assert (
        "3 required sections not published yet (listed above; counted in the warnings). They do not stop "
        "publishing, but readers and inspectors see the gaps: fill them in when you can." in result.stdout.splitlines()
    )


def test_wardsite_check_on_complete_wards_prints_no_missing_sections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SAMPLE_WARDS, tmp_path / "wards")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--today", TODAY.isoformat()], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
    assert "Sections not published yet" not in result.stdout
    assert "required sections not published" not in result.stdout
