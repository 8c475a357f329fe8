"""How `wardsite a11y` finds pages and reads pa11y-ci's answer, without a browser.

pa11y-ci is replaced by canned answers in its own JSON shape, to pin down the cases that are
slow or hard to cause for real: a page missing from the answer, unknown addresses, a crash.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.sitebuild import a11y_tool_dir
from wardsite.accessibility import check as check_module
from wardsite.accessibility import pa11y
from wardsite.accessibility.check import check_site, normalise_page
from wardsite.accessibility.pa11y import PHONE, Target, ToolError, run_pa11y_ci
from wardsite.accessibility.pages import site_pages
from wardsite.accessibility.result_cache import DEFAULT_MAX_AGE, ResultCache
from wardsite.findings.accessibility_results import CheckState, parse_accessibility_report


def _page(site: Path, path: str) -> None:
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("<!doctype html><title>x</title>", encoding="utf-8")


def test_pages_are_found_by_walking_the_folder_not_from_the_sitemap(tmp_path: Path) -> None:
    for path in (
        "index.html",
        "404.html",
        "wards/example-valley-nhs-ft/heron-ward/index.html",
        "wards/example-valley-nhs-ft/heron-ward/easy-read/index.html",
        "assets/other.html",
        "search/search_index.json",
    ):
        _page(tmp_path, path)
    (tmp_path / "sitemap.xml").write_text("<urlset></urlset>", encoding="utf-8")
    assert site_pages(tmp_path) == [
        "",
        "404.html",
        "wards/example-valley-nhs-ft/heron-ward/",
        "wards/example-valley-nhs-ft/heron-ward/easy-read/",
    ]


def test_pages_can_be_named_the_way_people_type_them() -> None:
    assert normalise_page("/wards/example-valley-nhs-ft/heron-ward") == "wards/example-valley-nhs-ft/heron-ward/"
    assert (
        normalise_page("wards/example-valley-nhs-ft/heron-ward/index.html") == "wards/example-valley-nhs-ft/heron-ward/"
    )
    assert normalise_page("/") == ""
    assert normalise_page("404.html") == "404.html"


def _fake_pa11y(answer: Any, seen: list[list[Target]]) -> Any:
    def run(targets: list[Target], *args: Any, **kwargs: Any) -> dict[str, Any]:
        seen.append(targets)
        return answer(targets) if callable(answer) else answer

    return run


def test_each_page_is_checked_once_per_screen_size_and_issues_are_kept_with_their_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _page(tmp_path, "index.html")
    _page(tmp_path, "wards/example-valley-nhs-ft/heron-ward/index.html")
    seen: list[list[Target]] = []

    def answer(targets: list[Target]) -> dict[str, Any]:
        results: dict[str, Any] = {t.url: [] for t in targets}
        ward_desktop = next(t.url for t in targets if t.url.endswith("/wards/example-valley-nhs-ft/heron-ward/"))
        results[ward_desktop] = [
            {
                "code": "color-contrast",
                "type": "error",
                "message": "Elements must meet minimum color contrast",
                "selector": "p.pale",
                "context": '<p class="pale">',
                "runner": "axe-wcag22",
            },
            {"code": "region", "type": "warning", "message": "not an error", "selector": "div", "runner": "axe-wcag22"},
        ]
        return {"total": len(targets), "passes": len(targets) - 1, "errors": 1, "results": results}

    monkeypatch.setattr(check_module, "run_pa11y_ci", _fake_pa11y(answer, seen))
    report = check_site(tmp_path, a11y_tool_dir(), checked_at="2026-11-26T10:00:00+00:00", search=None)
    assert len(seen[0]) == 4  # two pages, phone and desktop
    assert {t.viewport.name for t in seen[0]} == {"phone", "desktop"}
    assert len({t.url for t in seen[0]}) == 4  # pa11y-ci keys results by address, so none may repeat
    data = report.to_json()
    assert data["passed"] is False
    assert data["totals"] == {
        "pages": 2,
        "pages_passed": 1,
        "pages_with_errors": 1,
        "pages_not_loaded": 0,
        "errors": 1,
        "to_review": 0,
        "checks_reused": 0,
    }
    ward = next(p for p in data["pages"] if p["url"] == "/wards/example-valley-nhs-ft/heron-ward/")
    assert ward["path"] == "wards/example-valley-nhs-ft/heron-ward/index.html"
    assert ward["errors"] == [
        {
            "runner": "axe",
            "code": "color-contrast",
            "message": "Elements must meet minimum color contrast",
            "selector": "p.pale",
            "context": '<p class="pale">',
            "viewport": "phone",
        }
    ]
    assert data["checked_at"] == "2026-11-26T10:00:00+00:00"


def test_text_whose_background_axe_could_not_see_is_listed_for_review_and_does_not_fail_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _page(tmp_path, "index.html")
    unseen = {
        "code": "color-contrast",
        "type": "error",
        "message": "Elements must meet minimum color contrast",
        "selector": "ol > li:nth-child(7) > a > article",
        "runner": "axe-wcag22",
        "runnerExtras": {"needsFurtherReview": True, "backgroundUnseen": True},
    }
    unsure = {**unseen, "selector": "p.over-a-photo", "runnerExtras": {"needsFurtherReview": True}}

    def answer(targets: list[Target]) -> dict[str, Any]:
        phone = next(t.url for t in targets if t.viewport.name == "phone")
        return {
            "total": 2,
            "passes": 1,
            "errors": 1,
            "results": {t.url: [unseen] if t.url == phone else [] for t in targets},
        }

    monkeypatch.setattr(check_module, "run_pa11y_ci", _fake_pa11y(answer, []))
    report = check_site(tmp_path, a11y_tool_dir(), search=None)
    data = report.to_json()
    assert data["passed"] is True
    assert data["totals"]["to_review"] == 1 and data["totals"]["errors"] == 0
    [home] = data["pages"]
    assert [issue["selector"] for issue in home["to_review"]] == ["ol > li:nth-child(7) > a > article"]

    # Anything else axe is unsure of still fails the page.
    monkeypatch.setattr(
        check_module,
        "run_pa11y_ci",
        _fake_pa11y(lambda targets: {"results": {t.url: [unsure] for t in targets}}, []),
    )
    unsure_report = check_site(tmp_path, a11y_tool_dir(), search=None).to_json()
    assert unsure_report["passed"] is False
    assert unsure_report["totals"]["errors"] == 2 and unsure_report["totals"]["to_review"] == 0


def test_a_page_that_failed_to_load_or_is_missing_from_the_answer_fails_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _page(tmp_path, "wards/example-valley-nhs-ft/heron-ward/index.html")
    _page(tmp_path, "wards/example-valley-nhs-ft/kestrel-ward/index.html")

    def answer(targets: list[Target]) -> dict[str, Any]:
        heron = [t.url for t in targets if "heron" in t.url]
        # pa11y-ci lists a load failure as an error object with no rule code, and counts it as neither pass nor error.
        return {
            "total": len(targets),
            "passes": 0,
            "errors": 0,
            "results": {heron[0]: [{"message": "net::ERR_CONNECTION_REFUSED"}], heron[1]: []},
        }

    monkeypatch.setattr(check_module, "run_pa11y_ci", _fake_pa11y(answer, []))
    report = check_site(tmp_path, a11y_tool_dir(), viewports=[PHONE, pa11y.DESKTOP])
    assert report.failures == ["2 pages did not load, so they were not checked."]
    data = report.to_json()
    heron = next(p for p in data["pages"] if p["url"] == "/wards/example-valley-nhs-ft/heron-ward/")
    assert heron["loaded"] is False
    assert heron["load_errors"] == ["phone: net::ERR_CONNECTION_REFUSED"]
    assert heron["errors"][0]["code"] == "page-did-not-load"
    kestrel = next(p for p in data["pages"] if p["url"] == "/wards/example-valley-nhs-ft/kestrel-ward/")
    assert kestrel["load_errors"] == [
        "phone: pa11y-ci returned no result for this page.",
        "desktop: pa11y-ci returned no result for this page.",
    ]
    by_ward = parse_accessibility_report(data)
    assert by_ward is not None
    assert by_ward.for_ward("example-valley-nhs-ft/heron-ward").state is CheckState.failed
    assert by_ward.for_ward("example-valley-nhs-ft/kestrel-ward").state is CheckState.failed


def test_the_home_page_is_also_checked_with_the_search_open_on_its_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _page(tmp_path, "index.html")
    seen: list[list[Target]] = []
    monkeypatch.setattr(
        check_module, "run_pa11y_ci", _fake_pa11y(lambda targets: {"results": {t.url: [] for t in targets}}, seen)
    )
    report = check_site(tmp_path, a11y_tool_dir(), search="heron ward")
    assert [p.url for p in report.pages] == ["/", "/?q=heron+ward"]
    assert [p.file for p in report.pages] == ["index.html", "index.html"]
    addresses = sorted(t.url.split("/", 3)[3] for t in seen[0])
    assert addresses == ["", "?q=heron+ward", "?q=heron+ward&viewport=desktop", "?viewport=desktop"]
    assert normalise_page("/?q=heron+ward") == "?q=heron+ward"


def test_an_empty_site_folder_fails_without_starting_the_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[Target]] = []
    monkeypatch.setattr(check_module, "run_pa11y_ci", _fake_pa11y({}, seen))
    report = check_site(tmp_path, a11y_tool_dir())
    assert seen == []
    assert report.passed is False
    assert report.failures == ["no pages were checked: the site folder has no index.html pages. Build the site first."]


def test_checking_only_some_pages_leaves_out_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in (
        "index.html",
        "wards/example-valley-nhs-ft/heron-ward/index.html",
        "wards/example-valley-nhs-ft/heron-ward/easy-read/index.html",
    ):
        _page(tmp_path, path)
    seen: list[list[Target]] = []
    monkeypatch.setattr(
        check_module, "run_pa11y_ci", _fake_pa11y(lambda targets: {"results": {t.url: [] for t in targets}}, seen)
    )
    report = check_site(tmp_path, a11y_tool_dir(), only=["/wards/example-valley-nhs-ft/heron-ward"], viewports=[PHONE])
    assert [p.url for p in report.pages] == ["/wards/example-valley-nhs-ft/heron-ward/"]
    assert report.passed is True


def test_without_pa11y_ci_installed_the_check_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(ToolError, match=r"pa11y-ci is not installed in .*Run `wardsite a11y --install` to install it"):
        run_pa11y_ci([Target("http://127.0.0.1:1/", PHONE)], tool_dir=tmp_path)


def test_the_report_line_is_found_in_output_with_other_lines_before_it() -> None:
    line = json.dumps({"total": 1, "passes": 1, "errors": 0, "results": {"http://x/": []}})
    assert pa11y._json_line(f"Some browser warning\n{line}\n") == json.loads(line)
    assert pa11y._json_line("no report here") is None


NOW = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)
CONTRAST = {
    "code": "color-contrast",
    "type": "error",
    "message": "Elements must meet minimum color contrast",
    "selector": "p.pale",
    "runner": "axe-wcag22",
}


def _kept_run(site: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, now: dt.datetime = NOW) -> list[Target]:
    """Check ``site`` keeping results in ``cache``; the checks sent to the browser (kestrel's desktop check fails)."""
    seen: list[list[Target]] = []

    def answer(targets: list[Target]) -> dict[str, Any]:
        return {
            "results": {
                t.url: [CONTRAST] if "kestrel" in t.url and t.viewport.name == "desktop" else [] for t in targets
            }
        }

    monkeypatch.setattr(check_module, "run_pa11y_ci", _fake_pa11y(answer, seen))
    kept = ResultCache(cache, now)
    report = check_site(site, a11y_tool_dir(), checked_at=now.isoformat(), search="ward", kept=kept)
    _kept_run.report = report.to_json()  # type: ignore[attr-defined]
    return seen[0] if seen else []


def _checked(targets: list[Target]) -> set[tuple[str, str]]:
    return {(urlsplit(t.url).path + ("?q" if "q=" in t.url else ""), t.viewport.name) for t in targets}


@pytest.fixture
def kept_site(tmp_path: Path) -> tuple[Path, Path]:
    site = tmp_path / "site"
    # The pages' HTML is the same: a kept result belongs to its page's address too.
    for path in ("index.html", "wards/heron-ward/index.html", "wards/kestrel-ward/index.html"):
        _page(site, path)
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text('{"docs": []}', encoding="utf-8")
    (site / "stylesheets").mkdir()
    (site / "stylesheets" / "site.css").write_text("p { color: #212b32; }", encoding="utf-8")
    return site, tmp_path / "cache"


def test_a_second_run_on_an_unchanged_site_keeps_every_result_and_its_date(
    kept_site: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, cache = kept_site
    assert len(_kept_run(site, cache, monkeypatch)) == 8  # 4 pages (the search open too), phone and desktop
    first = _kept_run.report  # type: ignore[attr-defined]
    later = NOW + dt.timedelta(days=1)
    assert _kept_run(site, cache, monkeypatch, later) == []  # nothing went to the browser
    second = _kept_run.report  # type: ignore[attr-defined]
    assert second["totals"]["checks_reused"] == 8
    assert second["pages"] == first["pages"]  # the same errors, and each page's date is the first run's
    kestrel = next(p for p in second["pages"] if p["url"] == "/wards/kestrel-ward/")
    assert kestrel["checked_at"] == NOW.isoformat() and [e["code"] for e in kestrel["errors"]] == ["color-contrast"]
    assert second["passed"] is False  # a kept error still fails the check


def test_a_changed_page_is_checked_again_and_a_changed_style_sheet_rechecks_every_page(
    kept_site: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, cache = kept_site
    _kept_run(site, cache, monkeypatch)
    (site / "wards" / "heron-ward" / "index.html").write_text("<!doctype html><title>y</title>", encoding="utf-8")
    assert _checked(_kept_run(site, cache, monkeypatch)) == {
        ("/wards/heron-ward/", "phone"),
        ("/wards/heron-ward/", "desktop"),
    }
    (site / "search" / "search_index.json").write_text('{"docs": [{"title": "Heron"}]}', encoding="utf-8")
    assert _checked(_kept_run(site, cache, monkeypatch)) == {("/?q", "phone"), ("/?q", "desktop")}
    (site / "stylesheets" / "site.css").write_text("p { color: #767676; }", encoding="utf-8")
    assert len(_kept_run(site, cache, monkeypatch)) == 8


def test_results_older_than_the_limit_and_pages_that_did_not_load_are_checked_again(
    kept_site: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, cache = kept_site
    _kept_run(site, cache, monkeypatch)
    assert len(_kept_run(site, cache, monkeypatch, NOW + DEFAULT_MAX_AGE + dt.timedelta(seconds=1))) == 8

    def heron_does_not_load(targets: list[Target]) -> dict[str, Any]:
        return {"results": {t.url: [{"message": "net::ERR_TIMED_OUT"}] if "heron" in t.url else [] for t in targets}}

    fresh = cache.with_name("fresh-cache")
    monkeypatch.setattr(check_module, "run_pa11y_ci", _fake_pa11y(heron_does_not_load, []))
    check_site(site, a11y_tool_dir(), checked_at=NOW.isoformat(), search="ward", kept=ResultCache(fresh, NOW))
    assert _checked(_kept_run(site, fresh, monkeypatch)) == {
        ("/wards/heron-ward/", "phone"),
        ("/wards/heron-ward/", "desktop"),
    }


def test_an_item_to_look_at_by_eye_names_its_text_and_what_to_look_for() -> None:
    from wardsite.accessibility.report import Issue
    from wardsite.cli.a11y import _to_look_at

    issue = Issue(
        "axe-wcag22",
        "color-contrast",
        "Elements must meet minimum color contrast",
        "ol > li:nth-child(7) > a > article",
        context='<article class="md-search-result__article"><h1>Heron <b>Ward</b></h1></article>',
        viewport="phone",
    )
    assert _to_look_at(issue).strip() == (
        'to look at by eye [phone]: the text "Heron Ward" (at ol > li:nth-child(7) > a > article): check that it '
        "stands out clearly from what is behind it; axe could not see its background."
    )
