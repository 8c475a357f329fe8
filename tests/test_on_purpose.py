""" "None" and "not applicable" are real answers: said on purpose, shown in plain words, counted as published.

Hand counts of what each sample ward is expected to publish (``wardsite.model.inventory``): 46
recommended items for every ward, plus "School, learning or work" for a CAMHS ward (Harbour View: 47)
and "Family staying overnight" for a mother and baby unit (Robin Mother and Baby Unit: 47).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from tests.inspector_sites import sample_site
from tests.sitebuild import REPO, SAMPLE_WARDS, page, text_of
from wardsite.findings.availability import availability_report
from wardsite.loading.catalogue import load_catalogue
from wardsite.site.generate import render_site

TODAY = dt.date(2026, 11, 26)


def _report():  # type: ignore[no-untyped-def]
    return {w.ward_id: w for w in availability_report(load_catalogue(SAMPLE_WARDS).catalogue, TODAY).wards}


def _section(path: str, section: str) -> str:
    return " ".join(page(sample_site(), path).select_one(f".ward-section--{section}").get_text(" ").split())


def test_a_list_that_is_empty_on_purpose_is_said_in_plain_words_with_its_reason() -> None:
    text = _section("wards/brightwater-care/maple-house/", "daily-life")
    assert (
        "This ward has no blanket restrictions. We agree any limits with each person and their family,"
        " one person at a time." in text
    )


def test_an_item_that_does_not_apply_is_said_in_plain_words_with_its_reason() -> None:
    text = _section("wards/brightwater-care/heron-ward/", "getting-here")  # a section of its own
    assert "Getting here by bus: this does not apply to this ward. No buses stop near Brightwater Bay Hospital." in text


def test_the_report_counts_answers_given_on_purpose_as_published() -> None:
    report = _report()
    maple, heron = report["brightwater-care/maple-house"], report["brightwater-care/heron-ward"]
    assert "daily_life.blanket_restrictions" not in maple.recommended_missing
    assert "getting_here.by_bus" not in heron.recommended_missing
    assert "getting_here.by_car" in heron.recommended_missing  # written neither way: still missing


def test_each_ward_is_scored_against_what_a_ward_of_its_type_is_expected_to_publish() -> None:
    totals = {key: w.recommended_total for key, w in _report().items()}
    assert totals["brightwater-care/harbour-view"] == 47  # a CAMHS ward is also asked about school
    assert totals["example-valley-nhs-ft/robin-unit"] == 47  # a mother and baby unit, about staying overnight
    assert totals["example-valley-nhs-ft/heron-ward"] == totals["brightwater-care/maple-house"] == 46


def test_a_ward_where_everyone_is_detained_is_not_asked_about_informal_leave() -> None:
    text = _section("wards/brightwater-care/cedar-ward/", "daily-life")
    assert "If you are detained under the Mental Health Act" in text
    assert "If you are here by agreement (informal)" not in text
    easy_read = text_of(page(sample_site(), "wards/brightwater-care/cedar-ward/easy-read/"))
    assert "If you agreed to come in, you can ask to leave." not in easy_read
    assert "If you agreed to come in, you can ask to leave." in text_of(
        page(sample_site(), "wards/example-valley-nhs-ft/heron-ward/easy-read/")
    )


def test_a_whole_section_answered_on_purpose_is_published_and_says_why(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(REPO / "tests" / "fixtures" / "availability" / "wards", wards)
    gaps = wards / "availability-trust" / "gaps-ward.yaml"
    gaps.write_text(
        gaps.read_text(encoding="utf-8")
        + "on_purpose:\n  - field: visiting\n    answer: not_applicable\n"
        + "    reason: Gaps Ward is closed to visitors while it is rebuilt. Phone the ward to talk to someone.\n",
        encoding="utf-8",
    )
    result = load_catalogue(wards)
    assert [p for p in result.problems if p.severity.value == "error"] == []
    ward = next(w for w in availability_report(result.catalogue, TODAY).wards if w.ward_id.endswith("/gaps-ward"))
    assert ward.categories_missing == ["carers", "rights"]
    assert "visiting" in ward.categories_published


def test_the_every_field_page_shows_the_one_expectations_table() -> None:
    soup = page(sample_site(), "guide/fields/")
    heading = soup.find("h2", id="expected")
    assert heading is not None and heading.get_text(strip=True).startswith("What each ward is expected to publish")
    table = heading.find_next("table")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == [
        "What",
        "Field",
        "Asked of",
        "Can be answered on purpose",
    ]
    rows = {
        tr.find_all("td")[1].get_text(strip=True): tr.find_all("td")[2].get_text(strip=True)
        for tr in table.select("tbody tr")
    }
    assert rows["activities.education_work"] == (
        "Wards for children and young people (age_group child, adolescent or child_and_adolescent)"
    )
    assert rows["visiting.overnight_stay"] == "Mother and baby units (specialism mother_and_baby)"
    assert rows["daily_life.leave.informal"].startswith("Every ward except those where everyone is detained")
    assert rows["daily_life.blanket_restrictions"] == "Every ward"
    assert len(rows) == 8 + 1 + 48  # the sections, the conditional requirement and the recommended items


def test_life_on_the_ward_answered_on_purpose_is_said_in_each_section_that_shows_part_of_it(tmp_path: Path) -> None:
    """What to bring and what is not allowed are parts of daily_life with sections of their own on the page."""
    wards = tmp_path / "wards"
    shutil.copytree(REPO / "tests" / "fixtures" / "availability" / "wards", wards)
    bare = wards / "other-provider" / "bare-ward.yaml"
    reason = "Bare Ward is a place of safety where people stay a few hours, so there is no daily routine."
    bare.write_text(
        bare.read_text(encoding="utf-8")
        + f"on_purpose:\n  - field: daily_life\n    answer: not_applicable\n    reason: {reason}\n",
        encoding="utf-8",
    )
    result = load_catalogue(wards)
    assert [p for p in result.problems if p.severity.value == "error"] == []
    markdown = render_site(result.catalogue, TODAY)["wards/other-provider/bare-ward/index.md"]
    soup = BeautifulSoup(markdown.split("\n---\n", 1)[1], "html.parser")
    for section in ("daily-life", "what-to-bring", "not-allowed"):
        text = " ".join(soup.select_one(f".ward-section--{section}").get_text(" ").split())
        assert text == f"Life on the ward: this does not apply to this ward. {reason}", section
