"""The inspectors' report: the published CSV and JSON, the report page a reader sees, and `wardsite report`.

Expected numbers come from tests/fixtures/availability/README.md (hand-counted), on 2026-11-26.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from tests.inspector_sites import FIXTURE_WARDS, cell_labels, fixture_site, published_json
from tests.sitebuild import PINNED_TODAY, build_site, page
from wardsite.cli import main
from wardsite.model.words import long_date

CATEGORY_COLUMNS = ["staffing", "environment", "daily_life", "activities", "visiting", "carers", "rights", "feedback"]


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["report", "--today", PINNED_TODAY, *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def site() -> Path:
    return fixture_site()


@pytest.fixture(scope="module")
def csv_rows(site: Path) -> dict[str, dict[str, str]]:
    text = (site / "data" / "availability.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len({r["ward_id"] for r in rows}), "one row per ward, no ward twice"
    return {r["ward_id"]: r for r in rows}


def test_the_published_csv_has_exactly_one_row_per_ward(csv_rows: dict[str, dict[str, str]]) -> None:
    assert sorted(csv_rows) == [
        "availability-trust/complete-ward",
        "availability-trust/gaps-ward",
        "availability-trust/overdue-ward",
        "other-provider/bare-ward",
        "other-provider/soon-ward",
    ]


def test_the_csv_counts_match_the_hand_counted_fixtures(csv_rows: dict[str, dict[str, str]]) -> None:
    counts = {
        slug: (
            r["categories_published"],
            r["recommended_published"],
            r["recommended_total"],
            r["review_state"],
            r["next_review_due"],
            r["long_overdue"],
        )
        for slug, r in csv_rows.items()
    }
    assert counts == {
        "availability-trust/complete-ward": ("8", "44", "46", "current", "2027-06-10", "no"),
        "availability-trust/gaps-ward": ("5", "33", "46", "current", "2027-06-10", "no"),
        "availability-trust/overdue-ward": ("8", "44", "46", "overdue", "2026-10-01", "no"),
        "other-provider/bare-ward": ("0", "0", "46", "overdue", "2026-04-01", "yes"),
        "other-provider/soon-ward": ("0", "0", "46", "due_soon", "2026-12-10", "no"),
    }


def test_the_csv_says_which_categories_a_ward_with_missing_sections_leaves_out(
    csv_rows: dict[str, dict[str, str]],
) -> None:
    gaps = csv_rows["availability-trust/gaps-ward"]
    assert gaps["categories_missing"] == "visiting; carers; rights"
    assert [gaps[c] for c in CATEGORY_COLUMNS] == ["published"] * 4 + ["missing"] * 3 + ["published"]
    assert gaps["recommended_missing"].split("; ")[:4] == [
        "visiting.not_during",
        "visiting.where",
        "visiting.flexible_for_carers",
        "visiting.patient_choice",
    ]
    assert [csv_rows["availability-trust/complete-ward"][c] for c in CATEGORY_COLUMNS] == ["published"] * 8


def test_the_csv_gives_identity_review_dates_and_formats(csv_rows: dict[str, dict[str, str]]) -> None:
    row = csv_rows["availability-trust/overdue-ward"]
    assert (
        row["provider_id"],
        row["provider_name"],
        row["provider_ods_code"],
        row["ward_name"],
        row["cqc_location_id"],
    ) == ("availability-trust", "Availability Test NHS Trust", "RZY", "Overdue Ward", "1-000000913")
    assert (row["last_reviewed"], row["days_until_due"], row["page"]) == (
        "2025-10-01",
        "-56",
        "wards/availability-trust/overdue-ward/",
    )
    assert row["formats"] == "large_print"  # the ward's own formats only: the site's Easy Read page is not one
    assert csv_rows["other-provider/bare-ward"]["formats"] == ""
    assert row["accessibility_check"] == "not_checked"


def test_the_published_csv_and_json_are_what_wardsite_report_prints(site: Path) -> None:
    assert _run("--wards", str(FIXTURE_WARDS), "--format", "csv").stdout == (
        site / "data" / "availability.csv"
    ).read_text(encoding="utf-8")
    printed = json.loads(_run("--wards", str(FIXTURE_WARDS), "--format", "json").stdout)
    published = json.loads((site / "data" / "availability.json").read_text(encoding="utf-8"))
    assert published["publication"].pop("built_at")  # a build says when it was built; a report is not a build
    assert printed["publication"].pop("built_at") is None
    assert printed == published


def test_the_published_availability_json_validates_against_the_published_schema(site: Path) -> None:
    schema = published_json(site, "schema/availability.schema.json")
    data = published_json(site, "data/availability.json")
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert data["site"]["wards"] == 5
    assert [p["provider_id"] for p in data["providers"]] == ["availability-trust", "other-provider"]
    data["wards"][0]["review_state"] = "fine"
    assert not jsonschema.Draft202012Validator(schema).is_valid(data), "the schema must reject a wrong review state"


# --- the page -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_page(site: Path) -> BeautifulSoup:
    return page(site, "report/")


CHECK = 10
"""The accessibility check's cell in a row of the ward table (after the ward and nine other columns)."""


def _ward_rows(soup: BeautifulSoup) -> dict[str, list[str]]:
    table = soup.select_one("table[data-ward-report]")
    rows = {}
    for tr in table.select("tbody tr"):
        cells = [" ".join(c.get_text(" ").split()) for c in tr.find_all(["th", "td"])]
        rows[cells[0]] = cells
    return rows


def _last_commit_day(file: Path) -> str:
    """The day git last committed ``file``, as the report writes dates (the report's "Information last changed")."""
    day = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", file.name],
        cwd=file.parent,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return long_date(dt.date.fromisoformat(day)) if day else "Not known"


def test_the_report_page_lists_every_ward_once_with_what_is_missing_and_review_dates(
    report_page: BeautifulSoup,
) -> None:
    rows = _ward_rows(report_page)
    assert sorted(rows) == ["Bare Ward", "Complete Ward", "Gaps Ward", "Overdue Ward", "Soon Ward"]
    assert len(rows["Gaps Ward"]) == 19  # the last 7 columns are checked by hand in test_report_columns.py
    assert rows["Gaps Ward"][:12] == [
        "Gaps Ward",
        "Availability Test NHS Trust",
        "Acute ward for adults",
        "5 of 8",
        "Visiting, Carers and family, Rights and advocacy",
        "33 of 46",
        "10 June 2026",
        "10 June 2027",
        "Up to date",
        "Large print",
        "Not checked",
        _last_commit_day(FIXTURE_WARDS / "availability-trust" / "gaps-ward.yaml") + " Change history",
    ]
    assert rows["Overdue Ward"][3:9] == [
        "8 of 8",
        "None",
        "44 of 46",
        "1 October 2025",
        "1 October 2026",
        "Overdue for review",
    ]
    assert rows["Bare Ward"][8] == "Overdue for review (more than 18 months)"
    assert rows["Soon Ward"][8] == "Review due soon"


def test_overdue_wards_are_marked_in_words_and_bold_not_by_colour_alone(report_page: BeautifulSoup) -> None:
    for tr in report_page.select("table[data-ward-report] tbody tr"):
        review = tr.find_all("td")[7]
        if tr["data-review"] == "overdue":
            assert review.strong is not None and review.strong.get_text().startswith("Overdue")
        else:
            assert review.strong is None


def test_each_ward_name_links_to_its_ward_page(site: Path, report_page: BeautifulSoup) -> None:
    for link in report_page.select("table[data-ward-report] tbody th a"):
        target = (site / "report" / link["href"]).resolve()
        assert (target / "index.html").is_file(), link["href"]


def test_provider_totals_and_the_all_providers_row_add_up(report_page: BeautifulSoup) -> None:
    table = report_page.select_one("table.ward-report-providers")
    body = {
        tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in table.select("tbody tr")
    }
    assert body["Availability Test NHS Trust"][:6] == ["3", "2", "3", "121 of 138 (87%)", "1", "0"]
    assert body["Other Test Provider"][:6] == ["2", "0", "16", "0 of 92 (0%)", "1 (1 more than 18 months)", "1"]
    total = table.select_one("tfoot tr")
    assert total.th.get_text(strip=True) == "All providers"
    assert [td.get_text(" ", strip=True) for td in total.find_all("td")][:6] == [
        "5",
        "2",
        "19",
        "121 of 230 (52%)",
        "2 (1 more than 18 months)",
        "1",
    ]


def test_the_missing_categories_table_counts_wards_per_category(report_page: BeautifulSoup) -> None:
    table = report_page.select_one("table.ward-report-categories")
    counts = {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in table.select("tbody tr")}
    assert counts == {
        "Staffing": "2",
        "Environment": "2",
        "Life on the ward": "2",
        "Therapeutic activity": "2",
        "Visiting": "3",
        "Carers and family": "3",
        "Rights and advocacy": "3",
        "Feedback and complaints": "2",
    }


def test_every_table_has_a_caption_and_scoped_headers(report_page: BeautifulSoup) -> None:
    tables = report_page.select("article table")
    assert len(tables) == 4
    for table in tables:
        assert table.caption is not None and table.caption.get_text(strip=True)
        assert all(th.get("scope") == "col" for th in table.select("thead th"))
        assert all(th.get("scope") == "row" for th in table.select("tbody th, tfoot th"))


def test_on_a_phone_each_cell_is_labelled_with_its_column_heading(report_page: BeautifulSoup) -> None:
    for table_class in ("ward-report", "ward-report-providers", "ward-report-files"):
        headings, rows = cell_labels(report_page, table_class)
        assert rows, table_class
        assert all(labels == headings for labels in rows), table_class


def test_the_filters_are_hidden_without_javascript_and_every_control_has_a_label(report_page: BeautifulSoup) -> None:
    form = report_page.select_one("section[data-ward-report-filters]")
    assert form.has_attr("hidden")
    controls = form.select("input, select")
    assert len(controls) == 6  # words, provider, review state, something missing, dormitory beds, mixed-sex
    for control in controls:
        assert form.select_one(f'label[for="{control["id"]}"]') is not None, control["id"]
    providers = [o.get_text(strip=True) for o in form.select("#ward-filter-provider option")]
    assert providers == ["All providers", "Availability Test NHS Trust", "Other Test Provider"]
    assert form.select_one("[role=status]").get_text(strip=True) == "Showing all 5 wards."


def test_the_report_page_links_to_the_published_data_and_its_schemas(site: Path, report_page: BeautifulSoup) -> None:
    links = [a["href"] for a in report_page.select("table.ward-report-files a")]
    assert links, "the page must link to its data"
    for href in links:
        assert (site / "report" / href).resolve().is_file(), href


def test_the_report_page_is_in_the_navigation_as_for_inspectors(report_page: BeautifulSoup) -> None:
    nav_links = [" ".join(a.get_text().split()) for a in report_page.select("nav.md-nav--primary a")]
    assert "For inspectors" in nav_links


# --- the command ----------------------------------------------------------------------


def test_wardsite_report_md_shows_totals_and_each_ward_for_people() -> None:
    result = _run("--wards", str(FIXTURE_WARDS))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Ward information availability on 26 November 2026"
    assert "5 wards. 2 publish all 8 required categories; 19 categories are missing in all." in lines
    # The first ten columns; the rest (days to review, sex...) are checked in test_report_columns.py.
    assert any(
        line.startswith(
            "| Availability Test NHS Trust | Gaps Ward | 5 of 8 | Visiting, Carers and family, Rights and advocacy "
            "| 33 of 46 | 2026-06-10 | 2027-06-10 | Up to date | Large print | Not checked | due in 196 days |"
        )
        for line in lines
    )
    assert any(
        line.startswith(
            "| Other Test Provider | Bare Ward | 0 of 8 | Staffing, Environment, Life on the ward, Therapeutic "
            "activity, Visiting, Carers and family, Rights and advocacy, Feedback and complaints | 0 of 46 | "
            "2025-04-01 | 2026-04-01 | Overdue for review (more than 18 months) | None listed | Not checked | "
            "239 days overdue |"
        )
        for line in lines
    )


def test_wardsite_report_writes_to_a_file_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    result = _run("--wards", str(FIXTURE_WARDS), "--format", "csv", "--output", str(out))
    assert result.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6
    assert f"Wrote the csv report to {out}." in result.stderr


def test_wardsite_report_uses_an_accessibility_report_and_says_when_there_is_none(tmp_path: Path) -> None:
    a11y = tmp_path / "accessibility-report.json"
    a11y.write_text(
        json.dumps(
            {
                "pages": [
                    {
                        "url": "/wards/availability-trust/gaps-ward/",
                        "errors": [{"code": "x", "message": "Missing label"}],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    rows = {
        r["ward_id"]: r
        for r in csv.DictReader(
            io.StringIO(_run("--wards", str(FIXTURE_WARDS), "--format", "csv", "--a11y-report", str(a11y)).stdout)
        )
    }
    assert (
        rows["availability-trust/gaps-ward"]["accessibility_check"],
        rows["availability-trust/gaps-ward"]["accessibility_errors"],
    ) == ("failed", "1")
    assert rows["availability-trust/complete-ward"]["accessibility_check"] == "not_checked"
    missing = _run("--wards", str(FIXTURE_WARDS), "--a11y-report", str(tmp_path / "nope.json"))
    assert missing.exit_code == 0
    assert (
        f'No accessibility report at {tmp_path / "nope.json"}: every ward\'s accessibility check shows "not checked".'
        in missing.stderr
    )


def test_wardsite_report_with_a_broken_ward_prints_the_problem_and_writes_nothing(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(FIXTURE_WARDS, wards)
    (wards / "other-provider" / "bare-ward.yaml").write_text(
        (wards / "other-provider" / "bare-ward.yaml").read_text().replace("beds: 12", "beds: many")
    )
    out = tmp_path / "report.csv"
    result = _run("--wards", str(wards), "--format", "csv", "--output", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert not out.exists()
    assert "bare-ward.yaml" in result.stderr and "beds" in result.stderr
    assert "no report was written" in result.stderr


def test_wardsite_report_can_leave_out_a_broken_provider_and_says_so(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(FIXTURE_WARDS, wards)
    (wards / "other-provider" / "bare-ward.yaml").write_text(
        (wards / "other-provider" / "bare-ward.yaml").read_text().replace("beds: 12", "beds: many")
    )
    result = _run("--wards", str(wards), "--format", "csv", "--skip-broken-providers")
    assert result.exit_code == 0
    assert [r["ward_id"] for r in csv.DictReader(io.StringIO(result.stdout))] == [
        "availability-trust/complete-ward",
        "availability-trust/gaps-ward",
        "availability-trust/overdue-ward",
    ]
    assert "Excluded provider other-provider: 1 error (listed above). Its wards are left out." in result.stderr


def test_a_ward_name_that_looks_like_a_spreadsheet_formula_cannot_run_as_one(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(FIXTURE_WARDS, wards)
    ward = wards / "other-provider" / "soon-ward.yaml"
    ward.write_text(ward.read_text().replace("name: Soon Ward", 'name: "=HYPERLINK(\\"https://example.org\\")"'))
    rows = {r["ward_id"]: r for r in csv.DictReader(io.StringIO(_run("--wards", str(wards), "--format", "csv").stdout))}
    assert rows["other-provider/soon-ward"]["ward_name"] == '\'=HYPERLINK("https://example.org")'


def test_wardsite_generate_puts_the_accessibility_results_on_the_report_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    a11y = tmp_path / "accessibility-report.json"
    a11y.write_text(
        json.dumps(
            {
                "pages": [
                    {
                        "url": "/wards/availability-trust/gaps-ward/",
                        "errors": [{"code": "x", "message": "Missing label"}],
                    },
                    {
                        "url": "/wards/availability-trust/complete-ward/",
                        "errors": [],
                        "checked_at": "2026-11-20T09:00:00+00:00",
                    },
                    {
                        "url": "/wards/availability-trust/complete-ward/easy-read/",
                        "errors": [],
                        "checked_at": "2026-11-28T09:00:00+00:00",
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    docs = tmp_path / "docs"
    result = CliRunner().invoke(
        main,
        [
            "generate",
            "--wards",
            str(FIXTURE_WARDS),
            "--docs-dir",
            str(docs),
            "--today",
            PINNED_TODAY,
            "--a11y-report",
            str(a11y),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    rows = _ward_rows(BeautifulSoup((docs / "report" / "index.md").read_text(encoding="utf-8"), "html.parser"))
    assert (rows["Gaps Ward"][CHECK], rows["Complete Ward"][CHECK], rows["Soon Ward"][CHECK]) == (
        "1 error on 1 page",
        "No errors found (checked 20 November 2026)",  # the older of its two pages' results
        "Not checked",
    )


def test_a_site_built_by_mkdocs_with_an_accessibility_report_shows_its_results(tmp_path: Path) -> None:
    a11y = tmp_path / "accessibility-report.json"
    a11y.write_text(
        json.dumps(
            {
                "pages": [
                    {"url": "/wards/availability-trust/overdue-ward/", "errors": [{"code": "a"}, {"code": "b"}]},
                    {"url": "/wards/availability-trust/overdue-ward/easy-read/", "errors": []},
                ]
            }
        ),
        encoding="utf-8",
    )
    built = build_site(tmp_path / "site", wards=FIXTURE_WARDS, settings={"accessibility_report": str(a11y)})
    rows = _ward_rows(page(built, "report/"))
    assert rows["Overdue Ward"][CHECK] == "2 errors on 2 pages"
    assert rows["Complete Ward"][CHECK] == "Not checked"
    assert published_json(built, "data/availability.json")["site"]["accessibility"] == {
        "wards_checked": 1,
        "wards_with_errors": 1,
        "errors": 2,
    }
