"""The inspectors' report shows, per ward, what it is missing by name, days to its review, sex and
mixed-sex arrangements, dormitory beds, formats, its last change and who approved it; in the HTML
table, the CSV and the JSON alike, with filters for dormitories and mixed-sex wards.

Hand-checked against the sample files: Kestrel Ward is mixed, with 4 dormitory beds, reviewed on
2 September 2026 (due 2 September 2027: 280 days after 26 November 2026), last change 2026-09-02.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from click.testing import CliRunner

from tests.inspector_sites import published_json, run_in_browser, sample_site
from tests.sitebuild import PINNED_TODAY, SAMPLE_WARDS, page
from wardsite.cli import main

KESTREL = "example-valley-nhs-ft/kestrel-ward"


def _report_rows(soup: BeautifulSoup) -> dict[str, dict[str, str]]:
    table = soup.select_one("table[data-ward-report]")
    headings = [th.get_text(strip=True) for th in table.select("thead th")]
    rows = {}
    for tr in table.select("tbody tr"):
        cells = [tr.th, *tr.find_all("td")]
        rows[tr.th.a["href"]] = dict(zip(headings, (c.get_text(" ", strip=True) for c in cells), strict=True))
    return rows


def test_the_provider_report_pages_show_the_new_columns_for_each_ward() -> None:
    rows = _report_rows(page(sample_site(), "report/example-valley-nhs-ft/"))
    rows.update(_report_rows(page(sample_site(), "report/brightwater-care/")))
    kestrel = rows[f"../../wards/{KESTREL}/"]
    assert kestrel["Sex"] == "Men and women"
    assert kestrel["Dormitory beds"] == "4"
    assert kestrel["Mixed-sex arrangements"].startswith("Separate sleeping areas: yes")
    assert kestrel["Days to review"] == "due in 280 days"
    assert kestrel["Last change (ward's log)"].startswith("2026-09-02: ")
    heron = rows["../../wards/brightwater-care/heron-ward/"]
    assert heron["Sex"] == "Women only" and heron["Mixed-sex arrangements"] == "Single-sex ward"
    assert heron["Formats"] == "Large print"
    assert heron["Approved by"] == "Not recorded" and heron["Last change (ward's log)"] == "None recorded"
    assert heron["Written with"] == "Not recorded"
    robin = rows["../../wards/example-valley-nhs-ft/robin-unit/"]
    assert robin["Written with"] == "mums who have stayed on the Robin Unit; the partners' group"
    assert "Getting here by car and parking" in heron["Missing items"]
    assert "Getting here by bus" not in heron["Missing items"]  # answered not applicable, on purpose


def test_the_csv_and_json_have_the_same_columns() -> None:
    site = sample_site()
    rows = {r["ward_id"]: r for r in csv.DictReader(io.StringIO((site / "data/availability.csv").read_text()))}
    kestrel = rows[KESTREL]
    assert (kestrel["sex"], kestrel["dormitory_beds"], kestrel["last_change_on"]) == ("mixed", "4", "2026-09-02")
    assert kestrel["days_until_due"] == "280"
    data: Any = published_json(site, "data/availability.json")
    ward = next(w for w in data["wards"] if w["ward_id"] == KESTREL)
    assert (ward["sex"], ward["dormitory_beds"], ward["last_change_on"]) == ("mixed", 4, "2026-09-02")
    assert ward["mixed_sex_arrangements"] == kestrel["mixed_sex_arrangements"]


SHOW_DORMITORIES_THEN_MIXED = """
function shown() {
  return Array.prototype.filter.call(document.querySelectorAll('table[data-ward-report] tbody tr'),
    function (row) { return !row.hidden; }).map(function (row) { return row.cells[0].textContent.trim(); });
}
var out = {};
document.getElementById('ward-filter-dormitories').click();
out.dormitories = shown();
document.getElementById('ward-filter-dormitories').click();
document.getElementById('ward-filter-mixed').click();
out.mixed = shown();
report(out);
"""


def test_the_dormitory_and_mixed_sex_filters_show_only_those_wards() -> None:
    result: Any = run_in_browser(
        sample_site() / "report" / "example-valley-nhs-ft" / "index.html", SHOW_DORMITORIES_THEN_MIXED
    )
    assert result["dormitories"] == ["Kestrel Ward"]
    assert result["mixed"] == ["Bluebell Ward", "Kestrel Ward"]


def test_on_the_summary_the_same_filters_show_the_providers_with_such_a_ward() -> None:
    result: Any = run_in_browser(sample_site() / "report" / "index.html", SHOW_DORMITORIES_THEN_MIXED)
    assert result["dormitories"] == ["Example Valley NHS Foundation Trust"]
    assert result["mixed"] == [
        "Brightwater Care (fictional independent provider)",
        "Example Valley NHS Foundation Trust",
    ]


def test_the_markdown_report_has_the_same_columns(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = CliRunner().invoke(
        main,
        [
            "report",
            "--wards",
            str(SAMPLE_WARDS),
            "--today",
            PINNED_TODAY,
            "--format",
            "md",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    header = next(line for line in lines if line.startswith("| Provider | Ward |"))
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    kestrel = next(line for line in lines if "| Kestrel Ward |" in line)
    cells = dict(zip(columns, (cell.strip() for cell in kestrel.strip("|").split("|")), strict=True))
    assert (cells["Sex"], cells["Dormitory beds"], cells["Days to review"]) == ("Men and women", "4", "due in 280 days")
    assert cells["Last change (ward's log)"].startswith("2026-09-02: ")
    assert cells["Mixed-sex arrangements"].startswith("Separate sleeping areas: yes")


# Fields the JSON nests are flattened into these CSV columns; every other JSON field has a column of its own name.
_CSV_COLUMNS_OF = {
    "classification": ["specialism", "security_level", "age_group"],
    "national_codes": [
        "ward_security_level_code",
        "ward_intended_age_group_code",
        "ward_intended_sex_of_patients_code",
        "locked_ward_indicator",
    ],
    "accessibility_check": [
        "accessibility_check",
        "accessibility_pages_checked",
        "accessibility_errors",
        "accessibility_last_checked",
    ],
}


def test_every_field_of_a_ward_in_the_json_has_its_column_in_the_csv() -> None:
    site = sample_site()
    columns = next(csv.reader(io.StringIO((site / "data/availability.csv").read_text())))
    data: Any = published_json(site, "data/availability.json")
    for field in data["wards"][0]:
        for column in _CSV_COLUMNS_OF.get(field, [field]):
            assert column in columns, field
    assert len(columns) == len(set(columns))


def test_the_csv_says_when_each_wards_file_last_changed_as_the_json_does() -> None:
    site = sample_site()
    rows = {r["ward_id"]: r for r in csv.DictReader(io.StringIO((site / "data/availability.csv").read_text()))}
    data: Any = published_json(site, "data/availability.json")
    changed = {w["ward_id"]: w["last_changed"] or "" for w in data["wards"]}
    assert any(changed.values())
    assert {ward_id: row["last_changed"] for ward_id, row in rows.items()} == changed


def test_the_markdown_report_gives_each_wards_type_and_when_its_information_last_changed(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = CliRunner().invoke(
        main,
        ["report", "--wards", str(SAMPLE_WARDS), "--today", PINNED_TODAY, "--format", "md", "--output", str(out)],
    )
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    header = next(line for line in lines if line.startswith("| Provider | Ward |"))
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    separator = lines[lines.index(header) + 1]
    assert len(separator.strip("|").split("|")) == len(columns)
    rows = [line for line in lines if line.startswith("| ") and line.count("|") == header.count("|")]
    cells = {
        c["Ward"]: c
        for c in (dict(zip(columns, (x.strip() for x in r.strip("|").split("|")), strict=True)) for r in rows[1:])
    }
    assert cells["Kestrel Ward"]["Type"] == "Acute ward for adults"
    csv_result = CliRunner().invoke(
        main, ["report", "--wards", str(SAMPLE_WARDS), "--today", PINNED_TODAY, "--format", "csv"]
    )
    changed = {r["ward_name"]: r["last_changed"] for r in csv.DictReader(io.StringIO(csv_result.output))}
    assert changed["Kestrel Ward"]
    assert cells["Kestrel Ward"]["Information last changed"] == changed["Kestrel Ward"]
