"""`wardsite a11y` in Debian's chromium: the sample site has no WCAG 2.2 AA errors, and the check can fail.

These tests run pa11y-ci for real (HTML_CodeSniffer and axe), so `make test` installs chromium
and runs `npm ci` in accessibility/ first.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.a11y_sites import build_with_tabs, copy_theme, overdue_site, run_a11y
from tests.git_repo import commit, init
from tests.inspector_sites import sample_site
from tests.sitebuild import SAMPLE_WARDS, build_site
from wardsite.findings.accessibility_results import CheckState, read_accessibility_report

PAGE_KINDS = {
    "home": "/",
    "not found": "/404.html",
    "provider": "/providers/example-valley-nhs-ft/",
    "ward": "/wards/example-valley-nhs-ft/heron-ward/",
    "ward for people with a learning disability": "/wards/brightwater-care/maple-house/",
    "Easy Read": "/wards/example-valley-nhs-ft/heron-ward/easy-read/",
    "ward type": "/ward-types/acute/",
    "area": "/areas/exampleton/",
    "guide for providers": "/guide/",
    "inspectors' summary": "/report/",
    "a provider's report for inspectors": "/report/example-valley-nhs-ft/",
    "search, open with results": "/?q=ward",
}


@pytest.fixture(scope="module")
def sample_check(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, Any]]:
    report_file = tmp_path_factory.mktemp("a11y") / "report.json"
    result = run_a11y("--site", str(sample_site()), "--report", str(report_file))
    return result, json.loads(report_file.read_text(encoding="utf-8"))


def test_every_page_of_the_sample_site_has_no_errors_at_phone_and_desktop_sizes(
    sample_check: tuple[Any, dict[str, Any]],
) -> None:
    result, report = sample_check
    assert result.exit_code == 0, result.output
    assert report["passed"] is True
    assert report["viewports"] == ["phone", "desktop"]
    assert report["totals"]["errors"] == 0
    assert report["totals"]["pages_not_loaded"] == 0
    assert [p["url"] for p in report["pages"] if p["errors"]] == []
    # The only text axe may leave for a person to look at is a search result cut off at the
    # bottom of the scrolling list, where it cannot see the background.
    to_review = [(p["url"], issue["code"]) for p in report["pages"] for issue in p["to_review"]]
    assert set(to_review) <= {("/?q=ward", "color-contrast")}


def test_the_check_covers_every_page_in_the_site_folder_including_each_kind(
    sample_check: tuple[Any, dict[str, Any]],
) -> None:
    _, report = sample_check
    urls = {p["url"] for p in report["pages"]}
    site = sample_site()
    assert len(urls) == len(list(site.rglob("index.html"))) + 2  # every folder page, 404.html and the open search
    assert set(PAGE_KINDS.values()) <= urls
    ward_pages = list(site.glob("wards/*/*/index.html"))
    assert len(ward_pages) == 9
    assert {f"/wards/{w.parent.parent.name}/{w.parent.name}/easy-read/" for w in ward_pages} <= urls
    assert report["totals"]["pages"] == report["totals"]["pages_passed"] == len(urls)


def test_the_summary_names_each_page_and_the_totals(sample_check: tuple[Any, dict[str, Any]]) -> None:
    result, report = sample_check
    assert "  ok      /wards/example-valley-nhs-ft/heron-ward/easy-read/" in result.output
    assert (
        f"{report['totals']['pages']} pages checked: {report['totals']['pages']} passed, 0 with errors, 0 did not load."
        in result.output
    )


def test_the_report_gives_each_ward_a_passed_result_for_the_inspectors_report(
    sample_check: tuple[Any, dict[str, Any]], tmp_path: Path
) -> None:
    _, report = sample_check
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    results, problems = read_accessibility_report(path)
    assert problems == []
    heron = results.for_ward("example-valley-nhs-ft/heron-ward")
    assert (heron.state, heron.pages_checked, heron.errors) == (CheckState.passed, 2, 0)  # ward page and Easy Read


def test_the_inspectors_pages_from_git_history_have_no_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The change history and 24-month pages exist only for wards kept in git, which the sample site's are not."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    repo = init(tmp_path / "repo")
    shutil.copytree(SAMPLE_WARDS, repo / "wards")
    commit(repo, "Add our wards", "2026-01-05")
    site = build_site(tmp_path / "site", wards=repo / "wards")
    pages = [
        "report/",
        "report/example-valley-nhs-ft/",
        "report/changes/example-valley-nhs-ft/",
        "report/history/",
        "report/history/example-valley-nhs-ft/",
    ]
    assert all((site / page / "index.html").is_file() for page in pages)
    result = run_a11y(
        "--site",
        str(site),
        "--report",
        str(tmp_path / "report.json"),
        "--search",
        "",
        *[arg for page in pages for arg in ("--page", page)],
    )
    assert result.exit_code == 0, result.output
    assert "5 pages checked: 5 passed, 0 with errors, 0 did not load." in result.output


def test_overdue_ward_pages_with_their_warning_banners_have_no_errors(tmp_path: Path) -> None:
    site = overdue_site()
    banner = BeautifulSoup(
        (site / "wards/example-valley-nhs-ft/heron-ward/index.html").read_text(encoding="utf-8"), "html.parser"
    ).select_one("[data-ward-overdue-banner]")
    assert banner is not None and not banner.has_attr("hidden")
    pages = [
        "wards/example-valley-nhs-ft/heron-ward/",
        "wards/example-valley-nhs-ft/heron-ward/easy-read/",
        "wards/example-valley-nhs-ft/robin-unit/",
        "providers/example-valley-nhs-ft/",
        "areas/exampleton/",
        "/",
    ]
    result = run_a11y(
        "--site",
        str(site),
        "--report",
        str(tmp_path / "report.json"),
        *[arg for page in pages for arg in ("--page", page)],
    )
    assert result.exit_code == 0, result.output
    assert "6 pages checked: 6 passed, 0 with errors, 0 did not load." in result.output


def test_with_navigation_tabs_switched_on_every_tab_is_readable(tmp_path: Path) -> None:
    site = build_with_tabs(tmp_path)
    assert BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select(".md-tabs__link")
    result = run_a11y("--site", str(site), "--viewport", "desktop", "--page", "/", "--page", "guide/")
    assert result.exit_code == 0, result.output


def _broken_copy(tmp_path: Path) -> Path:
    """A one-page site: a built ward page with a picture with no alt text and pale grey words."""
    site = tmp_path / "site"
    copy_theme(sample_site(), site)
    page = site / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html"
    page.parent.mkdir(parents=True)
    html = (sample_site() / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").read_text(encoding="utf-8")
    broken = (
        '<img src="ward-photo.png" width="200" height="100"><p style="color:#c8c8c8">Visiting times may change.</p>'
    )
    page.write_text(html.replace('<h1 id="ward-name">', broken + '<h1 id="ward-name">', 1), encoding="utf-8")
    return site


def test_a_page_with_a_picture_without_alt_text_and_pale_text_fails_naming_the_page_and_both_rules(
    tmp_path: Path,
) -> None:
    site = _broken_copy(tmp_path)
    result = run_a11y("--site", str(site), "--viewport", "phone")
    assert result.exit_code == 1
    assert (
        "FAILED  /wards/example-valley-nhs-ft/heron-ward/ (wards/example-valley-nhs-ft/heron-ward/index.html)"
        in result.output
    )
    assert "axe image-alt [phone]" in result.output
    assert "axe color-contrast [phone]" in result.output
    assert "htmlcs WCAG2AA.Principle1.Guideline1_1.1_1_1.H37 [phone]" in result.output
    assert "htmlcs WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail [phone]" in result.output
    assert "FAILED: 1 page has accessibility errors" in result.output
    report = json.loads((site / "accessibility-report.json").read_text(encoding="utf-8"))
    codes = {(e["runner"], e["code"]) for e in report["pages"][0]["errors"]}
    assert {("axe", "image-alt"), ("axe", "color-contrast")} <= codes
    assert report["passed"] is False


def test_wcag_2_2_rules_are_checked_too_such_as_the_size_of_things_to_tap(tmp_path: Path) -> None:
    site = tmp_path / "site"
    page = site / "index.html"
    page.parent.mkdir(parents=True)
    tiny = "".join(
        f'<button type="button" style="width:10px;height:10px;padding:0;margin:0;border:0">{n}</button>'
        for n in range(3)
    )
    page.write_text(
        '<!doctype html><html lang="en-GB"><head><title>Tiny buttons</title></head><body><main><h1>Tiny '
        f"buttons</h1><p>{tiny}</p></main></body></html>",
        encoding="utf-8",
    )
    result = run_a11y("--site", str(site), "--viewport", "desktop")
    assert result.exit_code == 1
    assert "axe target-size [desktop]" in result.output


def test_a_page_that_never_finishes_loading_fails_and_counts_as_an_error_for_its_ward(tmp_path: Path) -> None:
    site = tmp_path / "site"
    page = site / "wards" / "stuck-trust" / "stuck-ward" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<!doctype html><html lang="en-GB"><head><title>Stuck</title></head><body><h1>Stuck</h1><script>while '
        "(true) {}</script></body></html>",
        encoding="utf-8",
    )
    result = run_a11y("--site", str(site), "--viewport", "phone", "--page-timeout", "3")
    assert result.exit_code == 1
    assert (
        "FAILED  /wards/stuck-trust/stuck-ward/ (wards/stuck-trust/stuck-ward/index.html): did not load"
        in result.output
    )
    assert "FAILED: 1 page did not load, so it was not checked." in result.output
    results, _ = read_accessibility_report(site / "accessibility-report.json")
    assert results.for_ward("stuck-trust/stuck-ward").state is CheckState.failed


def test_a_site_folder_with_no_pages_fails_even_with_a_sitemap(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/wards/example-valley-nhs-ft/heron-ward/</loc></url></urlset>',
        encoding="utf-8",
    )
    result = run_a11y("--site", str(site))
    assert result.exit_code == 1
    assert "0 pages checked" in result.output
    assert (
        "FAILED: no pages were checked: the site folder has no index.html pages. Build the site first." in result.output
    )


def test_a_missing_site_folder_says_to_build_first(tmp_path: Path) -> None:
    result = run_a11y("--site", str(tmp_path / "nothing-here"))
    assert result.exit_code == 1
    assert f"There is no site at {tmp_path / 'nothing-here'}. Build it first with `wardsite build`." in result.output
