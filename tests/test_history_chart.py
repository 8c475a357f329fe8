"""Each provider's last 24 months: worked out from git, drawn as SVG at build time, with a table that agrees."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import FIXTURE_PROVIDER
from tests.git_repo import commit, init
from wardsite.findings import as_of
from wardsite.findings.as_of import MonthPoint, month_ends, monthly_history
from wardsite.render.history_page import BOTTOM, TOP, render_history_page, render_provider_history_page
from wardsite.source.git_versions import folder_history


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """example-ward added 2025-03-10 (last reviewed 2024-03-01: overdue), reviewed 2025-05-20;
    second-ward added 2025-06-15 (last reviewed 2024-01-01: overdue), deleted 2025-09-01."""
    repo = init(tmp_path / "repo")
    folder = repo / "wards" / "example-provider"
    shutil.copytree(FIXTURE_PROVIDER, folder)
    ward = folder / "example-ward.yaml"
    original = ward.read_text(encoding="utf-8")
    ward.write_text(original.replace("2026-06-10", "2024-03-01"), encoding="utf-8")
    commit(repo, "Add Example Ward", "2025-03-10")
    ward.write_text(original.replace("2026-06-10", "2025-05-20"), encoding="utf-8")
    commit(repo, "Review Example Ward", "2025-05-20")
    second = original.replace("name: Example Ward", "name: Second Ward").replace("2026-06-10", "2024-01-01")
    (folder / "second-ward.yaml").write_text(second, encoding="utf-8")
    commit(repo, "Add Second Ward", "2025-06-15")
    (folder / "second-ward.yaml").unlink()
    commit(repo, "Close Second Ward", "2025-09-01")
    return repo


def test_month_ends_are_the_last_day_of_each_of_24_months_and_today_for_this_one() -> None:
    ends = month_ends(dt.date(2026, 2, 10))
    assert len(ends) == 24
    assert ends[0] == dt.date(2024, 3, 31) and ends[-2] == dt.date(2026, 1, 31) and ends[-1] == dt.date(2026, 2, 10)
    assert dt.date(2024, 2, 29) not in ends and dt.date(2025, 2, 28) in ends


def test_each_month_counts_the_wards_and_overdue_wards_the_history_says(repo: Path) -> None:
    history = folder_history(repo / "wards")
    assert history is not None
    points = {p.month: p for p in monthly_history(history, dt.date(2025, 10, 15))["example-provider"]}
    by_hand = {  # (wards, overdue) at the end of each month, from the commits above
        dt.date(2025, 2, 28): (0, 0),
        dt.date(2025, 3, 31): (1, 1),  # example-ward, last reviewed 2024-03-01
        dt.date(2025, 4, 30): (1, 1),
        dt.date(2025, 5, 31): (1, 0),  # reviewed on 2025-05-20
        dt.date(2025, 6, 30): (2, 1),  # second-ward, last reviewed 2024-01-01
        dt.date(2025, 8, 31): (2, 1),
        dt.date(2025, 9, 30): (1, 0),  # second-ward deleted on 2025-09-01
        dt.date(2025, 10, 15): (1, 0),
    }
    assert {day: (points[day].wards, points[day].overdue) for day in by_hand} == by_hand
    assert all(p.complete == 0 for p in points.values())  # the fixture ward leaves out 8 required sections
    assert len(points) == 24


def _series() -> list[MonthPoint]:
    days = month_ends(dt.date(2026, 11, 30))
    return [MonthPoint(d, 10, (i * 7) % 11, (i * 5) % 4) for i, d in enumerate(days)]


def test_months_worked_out_once_are_read_from_the_cache_folder_and_a_new_commit_redoes_only_its_days(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep_in = tmp_path / "cache"
    today = dt.date(2025, 10, 15)
    first = monthly_history(folder_history(repo / "wards"), today, keep_in=keep_in)
    loads: list[Path] = []
    real_load = as_of.load_catalogue

    def counted(folder: Path, *args: object, **kwargs: object) -> object:
        loads.append(folder)
        return real_load(folder, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(as_of, "load_catalogue", counted)
    assert monthly_history(folder_history(repo / "wards"), today, keep_in=keep_in) == first
    assert loads == []  # every month came from the cache

    ward = repo / "wards" / "example-provider" / "example-ward.yaml"
    ward.write_text(ward.read_text(encoding="utf-8").replace("2025-05-20", "2024-01-01"), encoding="utf-8")
    commit(repo, "Example Ward: review date typed wrongly", "2025-10-10")
    again = monthly_history(folder_history(repo / "wards"), today, keep_in=keep_in)
    assert len(loads) == 1  # only the month the commit falls in (today's) is worked out again
    october = again["example-provider"][-1]
    assert (october.month, october.wards, october.overdue) == (today, 1, 1)
    assert again["example-provider"][:-1] == first["example-provider"][:-1]


def test_the_charts_and_their_table_agree_month_by_month() -> None:
    page = BeautifulSoup(render_provider_history_page("acme", "Acme <Care>", _series()), "html.parser")
    rows = {tr["data-month"]: [td.get_text() for td in tr.find_all("td")] for tr in page.select("tr[data-month]")}
    line, bars = page.select("svg[data-chart]")
    assert line["data-chart"] == "line" and bars["data-chart"] == "bars"
    circles = {c["data-month"]: c for c in line.select("circle")}
    rects = {r["data-month"]: r for r in bars.select("rect[data-month]")}  # the others are the white ground
    assert set(rows) == set(circles) == set(rects) and len(rows) == 24
    most = int(bars["data-max"])
    assert most == max(int(r[3]) for r in rows.values())
    for month, (wards, complete, percent, overdue) in rows.items():
        assert percent == f"{100 * int(complete) // int(wards)}%"
        assert circles[month]["data-value"] == percent.rstrip("%")
        expected_y = BOTTOM - (BOTTOM - TOP) * int(percent.rstrip("%")) / 100
        assert float(circles[month]["cy"]) == pytest.approx(expected_y, abs=0.01)
        assert rects[month]["data-value"] == overdue
        assert float(rects[month]["height"]) == pytest.approx((BOTTOM - TOP) * int(overdue) / most, abs=0.02)
    xs = [float(c["cx"]) for c in line.select("circle")]
    assert xs == sorted(xs)  # oldest on the left


def _late_starter() -> list[MonthPoint]:
    """No wards for the first 3 months; then 4 wards, 1 complete (25%), and all 4 complete (100%) in the last."""
    days = month_ends(dt.date(2026, 11, 30))
    points = [MonthPoint(d, 0, 0, 0) if i < 3 else MonthPoint(d, 4, 1, 2) for i, d in enumerate(days)]
    points[-1] = MonthPoint(days[-1], 4, 4, 1)
    return points


def test_months_before_a_provider_had_wards_say_no_wards_yet_and_the_summary_starts_at_its_first_ward() -> None:
    points = _late_starter()
    page = BeautifulSoup(render_provider_history_page("acme", "Acme", points), "html.parser")
    first, fourth = points[0].month, points[3].month
    assert (f"{first:%B %Y}", f"{fourth:%B %Y}") == ("December 2024", "March 2025")
    rows = {tr["data-month"]: [td.get_text() for td in tr.find_all("td")] for tr in page.select("tr[data-month]")}
    assert [rows[p.month.isoformat()] for p in points[:4]] == [["No wards yet"]] * 3 + [["4", "1", "25%", "2"]]
    line, bars = page.select("svg[data-chart]")
    assert [c["data-month"] for c in line.select("circle")] == [p.month.isoformat() for p in points[3:]]
    assert [r["data-month"] for r in bars.select("rect[data-month]")] == [p.month.isoformat() for p in points[3:]]
    assert line.desc.get_text() == "From 25% in March 2025 to 100% in November 2026. No wards before March 2025."
    assert bars.desc.get_text() == "2 in March 2025, 1 in November 2026, at most 2. No wards before March 2025."
    listing = BeautifulSoup(render_history_page({"acme": points[:2]}, {"acme": "Acme"}), "html.parser")
    assert [td.get_text() for td in listing.select("tbody td")] == ["January 2025", "No wards yet"]


def test_each_charts_caption_gives_its_months_once() -> None:
    page = BeautifulSoup(render_provider_history_page("acme", "Acme", _series()), "html.parser")
    captions = [" ".join(f.get_text().split()) for f in page.select("figcaption")]
    assert captions[0] == (
        "Acme: wards publishing every required category, per cent, December 2024 to November 2026, on a scale from "
        "0 to 100%. The table below has every figure."
    )
    assert all(c.count("December 2024") == 1 for c in captions)


def test_each_chart_is_an_image_named_by_its_title_and_description_and_provider_text_is_escaped() -> None:
    html = render_provider_history_page("acme", "Acme <Care>", _series())
    page = BeautifulSoup(html, "html.parser")
    for svg in page.select("svg"):
        assert svg["role"] == "img"
        title, desc = svg["aria-labelledby"].split()
        assert page.find(id=title).name == "title" and page.find(id=desc).name == "desc"
    assert page.h1.get_text() == "Acme <Care>: the last 24 months"
    listing = render_history_page({"acme": _series()}, {"acme": "Acme <Care>"})
    assert BeautifulSoup(listing, "html.parser").select_one("tbody th a").get_text() == "Acme <Care>"
    for text in (html, listing):
        assert "<Care>" not in text and "&lt;Care&gt;" in text
        assert "<script" not in text


def test_the_built_site_lists_each_providers_last_24_months_and_links_them_with_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.sitebuild import SAMPLE_WARDS, build_site, page

    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    repo = init(tmp_path / "repo")
    shutil.copytree(SAMPLE_WARDS, repo / "wards")
    commit(repo, "Add our wards", "2026-01-05")  # within the 24 months before the pinned day, 26 November 2026
    site = build_site(tmp_path / "site", wards=repo / "wards")
    history = page(site, "report/history/")
    assert history.select("svg[data-chart]") == []  # the charts are on each provider's page
    rows = {tr.th.get_text(): tr for tr in history.select("table.ward-history-providers tbody tr")}
    assert list(rows) == ["Brightwater Care (fictional independent provider)", "Example Valley NHS Foundation Trust"]
    assert [rows[name].find_all("td")[1].get_text() for name in rows] == ["4", "5"]  # the providers' wards today
    for name, row in rows.items():
        slug = row.th.a["href"].rstrip("/")
        assert row.th.a["href"] == f"{slug}/"
        provider = page(site, f"report/history/{slug}/")
        assert provider.h1.get_text() == f"{name}: the last 24 months"
        assert len(provider.select("svg[role=img]")) == 2 and len(provider.select("table[data-history-table]")) == 1
        assert len(provider.select("table[data-history-table] tbody tr")) == 24
        before = provider.select_one("table[data-history-table] tr[data-month='2025-12-31']")
        assert [td.get_text() for td in before.find_all("td")] == ["No wards yet"]  # committed on 5 January 2026
        assert provider.select_one("svg[data-chart=line] desc").get_text().startswith("From ")
        assert "in January 2026 to" in provider.select_one("svg[data-chart=line] desc").get_text()
        to_report = provider.find("a", string=lambda text: bool(text) and "every ward's row in the report" in text)
        assert to_report["href"] == f"../../{slug}/"
        back = page(site, f"report/{slug}/").find("a", href=f"../history/{slug}/")
        assert back is not None and "last 24 months" in back.get_text()
    link = page(site, "report/").select_one("a[href='history/']")
    assert link is not None and "last 24 months" in link.get_text()
