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
from wardsite.render.history_page import BOTTOM, TOP, render_history_page
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
    page = BeautifulSoup(render_history_page({"acme": _series()}, {"acme": "Acme <Care>"}), "html.parser")
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


def test_each_chart_is_an_image_named_by_its_title_and_description_and_provider_text_is_escaped() -> None:
    html = render_history_page({"acme": _series()}, {"acme": "Acme <Care>"})
    page = BeautifulSoup(html, "html.parser")
    for svg in page.select("svg"):
        assert svg["role"] == "img"
        title, desc = svg["aria-labelledby"].split()
        assert page.find(id=title).name == "title" and page.find(id=desc).name == "desc"
    assert page.select_one("h2#acme").get_text() == "Acme <Care>"
    assert "<Care>" not in html and "&lt;Care&gt;" in html
    assert "<script" not in html


def test_the_built_site_has_a_history_page_linked_from_the_report(tmp_path: Path) -> None:
    from tests.sitebuild import build_site, page

    site = build_site(tmp_path / "site")
    history = page(site, "report/history/")
    sections = history.select("h2[id]")
    assert [h["id"] for h in sections] == ["brightwater-care", "example-valley-nhs-ft"]
    assert len(history.select("svg[role=img]")) == 4 and len(history.select("table[data-history-table]")) == 2
    last_rows = [t.select("tbody tr")[-1] for t in history.select("table[data-history-table]")]
    assert [r.find_all("td")[0].get_text() for r in last_rows] == ["3", "5"]  # the sample providers' wards today
    link = page(site, "report/").select_one("a[href='history/']")
    assert link is not None and "last 24 months" in link.get_text()
    for section in sections:  # each provider's section leads to its report page today, and that page back here
        to_report = section.find_next("a")
        assert to_report["href"] == f"../{section['id']}/"
        back = page(site, f"report/{section['id']}/").find("a", href=f"../history/#{section['id']}")
        assert back is not None and "last 24 months" in back.get_text()
