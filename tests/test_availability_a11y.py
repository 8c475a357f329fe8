"""Reading the accessibility report from `wardsite a11y`: tolerant, per ward, never fatal."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from wardsite.findings.accessibility_results import CheckState, WardCheck, read_accessibility_report, ward_key_of
from wardsite.findings.availability import availability_report
from wardsite.loading.catalogue import load_catalogue
from wardsite.problems import Severity

FIXTURE_WARDS = Path(__file__).parent / "fixtures" / "availability" / "wards"


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "a11y.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_no_report_means_every_ward_is_not_checked(tmp_path: Path) -> None:
    results, problems = read_accessibility_report(tmp_path / "does-not-exist.json")
    assert problems == []
    assert results.for_ward("example-valley-nhs-ft/heron-ward") == WardCheck(CheckState.not_checked, 0, 0)
    results, problems = read_accessibility_report(None)
    assert (results.by_ward, problems) == ({}, [])


def test_pages_under_a_ward_address_count_towards_that_ward(tmp_path: Path) -> None:
    report = _write(
        tmp_path,
        {
            "pages": [
                {"url": "http://127.0.0.1:8000/wards/availability-trust/complete-ward/", "errors": []},
                {"url": "http://127.0.0.1:8000/wards/availability-trust/complete-ward/easy-read/", "errors": []},
                {
                    "path": "wards/availability-trust/gaps-ward/",
                    "errors": [{"code": "WCAG2AA.1_4_3", "message": "contrast"}, {"code": "x", "message": "y"}],
                },
                {"url": "http://127.0.0.1:8000/report/", "errors": [{"message": "not a ward page"}]},
            ]
        },
    )
    results, problems = read_accessibility_report(report)
    assert problems == []
    assert results.for_ward("availability-trust/complete-ward") == WardCheck(CheckState.passed, 2, 0)
    assert results.for_ward("availability-trust/gaps-ward") == WardCheck(CheckState.failed, 1, 2)
    assert results.for_ward("availability-trust/overdue-ward") == WardCheck(CheckState.not_checked, 0, 0)
    assert set(results.by_ward) == {"availability-trust/complete-ward", "availability-trust/gaps-ward"}


def test_pa11y_ci_json_counts_only_issues_of_type_error(tmp_path: Path) -> None:
    report = _write(
        tmp_path,
        {
            "total": 2,
            "passes": 1,
            "errors": 1,
            "results": {
                "file:///tmp/site/wards/availability-trust/complete-ward/index.html": [],
                "file:///tmp/site/wards/availability-trust/gaps-ward/index.html": [
                    {"type": "error", "code": "a"},
                    {"type": "warning", "code": "b"},
                    {"type": "notice", "code": "c"},
                ],
            },
        },
    )
    results, _ = read_accessibility_report(report)
    assert results.for_ward("availability-trust/complete-ward") == WardCheck(CheckState.passed, 1, 0)
    assert results.for_ward("availability-trust/gaps-ward") == WardCheck(CheckState.failed, 1, 1)


def test_a_bare_list_of_pages_with_error_counts_is_accepted(tmp_path: Path) -> None:
    results, _ = read_accessibility_report(
        _write(tmp_path, [{"url": "/site/wards/availability-trust/bare-ward/", "errors": 3}])
    )
    assert results.for_ward("availability-trust/bare-ward") == WardCheck(CheckState.failed, 1, 3)


def test_a_report_that_is_not_json_gives_one_warning_and_no_results(tmp_path: Path) -> None:
    path = tmp_path / "a11y.json"
    path.write_text("<html>not json</html>", encoding="utf-8")
    results, problems = read_accessibility_report(path)
    assert results.by_ward == {}
    assert len(problems) == 1
    assert problems[0].severity is Severity.warning
    assert "could not be read as JSON" in problems[0].message


def test_a_report_with_no_pages_gives_one_warning(tmp_path: Path) -> None:
    _, problems = read_accessibility_report(_write(tmp_path, {"summary": "ok"}))
    assert [p.message for p in problems] == [
        'the accessibility report was not used: it has no list of pages. Every ward shows "not checked".'
    ]


def test_ward_addresses_are_found_with_their_provider_whatever_the_host_or_folder() -> None:
    assert (
        ward_key_of("https://wards.example.org/mh/wards/example-valley-nhs-ft/heron-ward/easy-read/")
        == "example-valley-nhs-ft/heron-ward"
    )
    assert ward_key_of("wards/brightwater-care/heron-ward") == "brightwater-care/heron-ward"
    assert ward_key_of("/wards/heron-ward/") is None  # an address from before wards were filed under providers
    assert ward_key_of("/providers/example/") is None
    assert ward_key_of("/report/") is None


def test_the_availability_report_carries_each_ward_check_and_totals(tmp_path: Path) -> None:
    report_file = _write(
        tmp_path,
        {
            "pages": [
                {"url": "/wards/availability-trust/complete-ward/", "errors": []},
                {"url": "/wards/availability-trust/gaps-ward/", "errors": [{"message": "a"}]},
                {
                    "url": "/wards/availability-trust/gaps-ward/easy-read/",
                    "errors": [{"message": "b"}, {"message": "c"}],
                },
            ]
        },
    )
    results, _ = read_accessibility_report(report_file)
    report = availability_report(load_catalogue(FIXTURE_WARDS).catalogue, dt.date(2026, 11, 26), a11y=results)
    checks = {
        w.ward_id: (
            w.accessibility_check.state.value,
            w.accessibility_check.pages_checked,
            w.accessibility_check.errors,
        )
        for w in report.wards
    }
    assert checks == {
        "availability-trust/complete-ward": ("passed", 1, 0),
        "availability-trust/gaps-ward": ("failed", 2, 3),
        "availability-trust/overdue-ward": ("not_checked", 0, 0),
        "other-provider/bare-ward": ("not_checked", 0, 0),
        "other-provider/soon-ward": ("not_checked", 0, 0),
    }
    assert (
        report.site.accessibility.wards_checked,
        report.site.accessibility.wards_with_errors,
        report.site.accessibility.errors,
    ) == (2, 1, 3)
    assert report.accessibility_report == str(report_file)
