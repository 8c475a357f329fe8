"""The inspectors' report: the published CSV and JSON, the report page a reader sees, and `wardsite report`.

Expected numbers come from tests/fixtures/availability/README.md (hand-counted), on 2026-11-26.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
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


# --- the pages ------------------------------------------------------------------------
# report/ is the summary (one row per provider); report/<provider>/ has one row per ward of that provider.

PROVIDERS = {"availability-trust": "Availability Test NHS Trust", "other-provider": "Other Test Provider"}


@pytest.fixture(scope="module")
def report_page(site: Path) -> BeautifulSoup:
    return page(site, "report/")


@pytest.fixture(scope="module")
def provider_pages(site: Path) -> dict[str, BeautifulSoup]:
    """Each provider's report page, by its folder name."""
    return {slug: page(site, f"report/{slug}/") for slug in PROVIDERS}


CHECK = 10
"""The accessibility check's cell in a row of the ward table (after the ward and nine other columns)."""


def _ward_rows(soup: BeautifulSoup) -> dict[str, list[str]]:
    table = soup.select_one("table[data-ward-report]")
    rows = {}
    for tr in table.select("tbody tr"):
        cells = [" ".join(c.get_text(" ").split()) for c in tr.find_all(["th", "td"])]
        rows[cells[0]] = cells
    return rows


def _every_ward_row(pages: dict[str, BeautifulSoup]) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for soup in pages.values():
        rows.update(_ward_rows(soup))
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


def test_each_provider_report_page_lists_exactly_that_providers_wards(
    provider_pages: dict[str, BeautifulSoup],
) -> None:
    assert sorted(_ward_rows(provider_pages["availability-trust"])) == ["Complete Ward", "Gaps Ward", "Overdue Ward"]
    assert sorted(_ward_rows(provider_pages["other-provider"])) == ["Bare Ward", "Soon Ward"]
    for slug, soup in provider_pages.items():
        assert {row[1] for row in _ward_rows(soup).values()} == {PROVIDERS[slug]}
        assert soup.h1.get_text(strip=True) == f"Ward information for inspectors: {PROVIDERS[slug]}"


def test_a_provider_report_page_shows_what_each_ward_is_missing_and_its_review_dates(
    provider_pages: dict[str, BeautifulSoup],
) -> None:
    rows = _every_ward_row(provider_pages)
    assert len(rows["Gaps Ward"]) == 20  # the last 8 columns are checked by hand in test_report_columns.py
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


def test_the_summary_lists_providers_not_wards(report_page: BeautifulSoup) -> None:
    assert report_page.select("table.ward-report") == []
    names = [tr.th.get_text(strip=True) for tr in report_page.select("table.ward-report-providers tbody tr")]
    assert names == list(PROVIDERS.values())


def test_without_javascript_every_ward_row_is_in_the_html_and_none_is_hidden(
    provider_pages: dict[str, BeautifulSoup], report_page: BeautifulSoup
) -> None:
    for soup in [*provider_pages.values(), report_page]:
        table = soup.select_one("table[data-ward-report]")
        assert table.select("tbody tr")
        assert [tr for tr in table.select("tr") if tr.has_attr("hidden")] == []
    assert sum(len(_ward_rows(soup)) for soup in provider_pages.values()) == 5  # every ward of the fixtures


def test_overdue_wards_are_marked_in_words_and_bold_not_by_colour_alone(
    provider_pages: dict[str, BeautifulSoup],
) -> None:
    for soup in provider_pages.values():
        for tr in soup.select("table[data-ward-report] tbody tr"):
            review = tr.find_all("td")[7]
            if tr["data-review"] == "overdue":
                assert review.strong is not None and review.strong.get_text().startswith("Overdue")
            else:
                assert review.strong is None


def test_each_ward_name_links_to_its_ward_page(site: Path, provider_pages: dict[str, BeautifulSoup]) -> None:
    for slug, soup in provider_pages.items():
        for link in soup.select("table[data-ward-report] tbody th a"):
            target = (site / "report" / slug / link["href"]).resolve()
            assert (target / "index.html").is_file(), link["href"]
            assert target.parent.name == slug


def test_each_provider_in_the_summary_links_to_its_own_report_page(site: Path, report_page: BeautifulSoup) -> None:
    reached = {}
    for tr in report_page.select("table.ward-report-providers tbody tr"):
        target = (site / "report" / tr.th.a["href"]).resolve()
        reached[tr.th.a.get_text(strip=True)] = page(site, str(target.relative_to(site.resolve()))).h1.get_text(
            strip=True
        )
    assert reached == {name: f"Ward information for inspectors: {name}" for name in PROVIDERS.values()}


def test_a_provider_report_page_leads_back_to_the_summary(site: Path, provider_pages: dict[str, BeautifulSoup]) -> None:
    for slug, soup in provider_pages.items():
        crumbs = soup.select(".ward-breadcrumb a")
        assert [a.get_text(strip=True) for a in crumbs] == ["All wards", "Ward information for inspectors"]
        assert (site / "report" / slug / crumbs[1]["href"]).resolve() == (site / "report").resolve()
        assert soup.select_one('.ward-breadcrumb [aria-current="page"]').get_text(strip=True) == PROVIDERS[slug]


def test_the_change_history_links_to_each_wards_row_and_the_row_links_back(site: Path) -> None:
    changes = page(site, "report/changes/availability-trust/")
    rows = [a for a in changes.select("article a") if a.get_text(strip=True) == "Its row in the report"]
    assert len(rows) == 3
    for link in rows:
        address, fragment = link["href"].split("#")
        target = (site / "report" / "changes" / "availability-trust" / address).resolve()
        assert target == (site / "report" / "availability-trust").resolve()
        row = page(site, "report/availability-trust/").find("tr", id=fragment)
        assert row is not None, fragment
        back = row.find("a", string="Change history")["href"]
        assert back.endswith("#" + fragment.removeprefix("row-"))
        assert (site / "report" / "availability-trust" / back.split("#")[0]).resolve() == (
            site / "report" / "changes" / "availability-trust"
        ).resolve()


def test_the_summary_counts_each_providers_wards_by_hand(report_page: BeautifulSoup) -> None:
    table = report_page.select_one("table.ward-report-providers")
    headings = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    body = {
        tr.th.get_text(strip=True): dict(
            zip(headings, [td.get_text(" ", strip=True) for td in tr.find_all("td")], strict=True)
        )
        for tr in table.select("tbody tr")
    }
    wanted = ["Wards", "Overdue for review", "Review due soon", "Wards missing a required category"]
    wanted += ["Wards missing recommended items", "Categories missing", "Recommended items published"]
    wanted += ["Wards with dormitory beds", "Mixed-sex wards"]
    # tests/fixtures/availability/README.md; every ward misses some recommended item; only availability-trust's
    # ward_defaults give dormitory beds (2); no ward is mixed.
    assert [body["Availability Test NHS Trust"][h] for h in wanted] == ["3", "1", "0", "1", "3", "3"] + [
        "121 of 138 (87%)",
        "3",
        "0",
    ]
    assert [body["Other Test Provider"][h] for h in wanted] == ["2", "1 (1 more than 18 months)", "1", "2", "2"] + [
        "16",
        "0 of 92 (0%)",
        "0",
        "0",
    ]
    total = table.select_one("tfoot tr")
    assert total.th.get_text(strip=True) == "All providers"
    totals = dict(zip(headings, [td.get_text(" ", strip=True) for td in total.find_all("td")], strict=True))
    assert [totals[h] for h in wanted] == ["5", "2 (1 more than 18 months)", "1", "3", "5", "19"] + [
        "121 of 230 (52%)",
        "3",
        "0",
    ]


def test_a_provider_report_page_has_only_that_providers_totals(provider_pages: dict[str, BeautifulSoup]) -> None:
    table = provider_pages["other-provider"].select_one("table.ward-report-providers")
    assert [tr.th.get_text(strip=True) for tr in table.select("tbody tr")] == ["Other Test Provider"]
    assert table.select("tfoot") == []
    categories = provider_pages["other-provider"].select_one("table.ward-report-categories")
    assert {tr.td.get_text(strip=True) for tr in categories.select("tbody tr")} == {"2"}  # both wards miss all 8


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


def test_every_table_has_a_caption_and_scoped_headers(
    report_page: BeautifulSoup, provider_pages: dict[str, BeautifulSoup]
) -> None:
    for soup in [report_page, *provider_pages.values()]:
        tables = soup.select("article table")
        assert len(tables) == 3
        for table in tables:
            assert table.caption is not None and table.caption.get_text(strip=True)
            assert all(th.get("scope") == "col" for th in table.select("thead th"))
            assert all(th.get("scope") == "row" for th in table.select("tbody th, tfoot th"))


def test_on_a_phone_each_cell_is_labelled_with_its_column_heading(
    report_page: BeautifulSoup, provider_pages: dict[str, BeautifulSoup]
) -> None:
    for soup, table_class in [
        (report_page, "ward-report-providers"),
        (report_page, "ward-report-files"),
        (provider_pages["availability-trust"], "ward-report"),
        (provider_pages["availability-trust"], "ward-report-providers"),
    ]:
        headings, rows = cell_labels(soup, table_class)
        assert rows, table_class
        assert all(labels == headings for labels in rows), table_class


def test_the_filters_are_hidden_without_javascript_and_every_control_has_a_label(
    report_page: BeautifulSoup, provider_pages: dict[str, BeautifulSoup]
) -> None:
    for soup, shown in [
        (report_page, "Showing all 2 providers."),
        (provider_pages["availability-trust"], "Showing all 3 wards."),
    ]:
        form = soup.select_one("section[data-ward-report-filters]")
        assert form.has_attr("hidden")
        controls = form.select("input, select")
        assert len(controls) == 5  # words, review state, something missing, dormitory beds, mixed-sex
        for control in controls:
            assert form.select_one(f'label[for="{control["id"]}"]') is not None, control["id"]
        assert form.select_one("[role=status]").get_text(strip=True) == shown


def test_the_report_page_links_to_the_published_data_and_its_schemas(site: Path, report_page: BeautifulSoup) -> None:
    links = [a["href"] for a in report_page.select("table.ward-report-files a")]
    assert links, "the page must link to its data"
    for href in links:
        assert (site / "report" / href).resolve().is_file(), href


def test_the_report_page_is_in_the_navigation_as_for_inspectors(report_page: BeautifulSoup) -> None:
    nav_links = [" ".join(a.get_text().split()) for a in report_page.select("nav.md-nav--primary a")]
    assert "For inspectors" in nav_links


def test_a_provider_folder_cannot_take_the_name_of_an_inspectors_page(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(FIXTURE_WARDS, wards)
    (wards / "other-provider").rename(wards / "history")
    result = CliRunner().invoke(main, ["check", str(wards), "--today", PINNED_TODAY], env={"WARDSITE_CACHE_DIR": "off"})
    assert result.exit_code == 1
    assert "the folder name `history` is taken" in result.output


# --- the command ----------------------------------------------------------------------


def test_wardsite_report_md_shows_totals_and_each_ward_for_people() -> None:
    result = _run("--wards", str(FIXTURE_WARDS))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Ward information availability on 26 November 2026"
    assert "5 wards. 2 publish all 8 required categories; 19 categories are missing in all." in lines
    # The first thirteen columns (the twelfth is the file's last commit, from git); the rest (sex...) are
    # checked in test_report_columns.py.
    assert any(
        re.match(
            re.escape(
                "| Availability Test NHS Trust | Gaps Ward | Acute ward for adults | 5 of 8 | Visiting, Carers and "
                "family, Rights and advocacy | 33 of 46 | 2026-06-10 | 2027-06-10 | Up to date | Large print "
                "| Not checked | "
            )
            + r"(\d{4}-\d\d-\d\d|Not known) \| due in 196 days \|",
            line,
        )
        for line in lines
    )
    assert any(
        re.match(
            re.escape(
                "| Other Test Provider | Bare Ward | Acute ward for adults | 0 of 8 | Staffing, Environment, Life on "
                "the ward, Therapeutic activity, Visiting, Carers and family, Rights and advocacy, Feedback and "
                "complaints | 0 of 46 | 2025-04-01 | 2026-04-01 | Overdue for review (more than 18 months) "
                "| None listed | Not checked | "
            )
            + r"(\d{4}-\d\d-\d\d|Not known) \| 239 days overdue \|",
            line,
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
    rows = _every_ward_row(
        {
            slug: BeautifulSoup((docs / "report" / slug / "index.md").read_text(encoding="utf-8"), "html.parser")
            for slug in PROVIDERS
        }
    )
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
    rows = _every_ward_row({slug: page(built, f"report/{slug}/") for slug in PROVIDERS})
    assert rows["Overdue Ward"][CHECK] == "2 errors on 2 pages"
    assert rows["Complete Ward"][CHECK] == "Not checked"
    assert published_json(built, "data/availability.json")["site"]["accessibility"] == {
        "wards_checked": 1,
        "wards_with_errors": 1,
        "errors": 2,
    }
