"""Facts that had no field: committed activity hours, a section's own checked-on date, IMHA opt-out and
what visitors must not bring.

Hand count for Brightwater Care's Heron Ward, which gives no committed hours: its timetable is a
walking group on Monday, Wednesday and Friday, 10:30 to 11:30 (3 x 1 hour), and an art group on
Tuesday and Thursday, 14:00 to 15:30 (2 x 1 hour 30 minutes): 6 hours a week.

Hand count for Example Valley's Osprey Ward (no committed hours): gym or a courtyard walk Monday to
Friday, 11:00 to 11:45 (5 x 45 minutes), and a relaxation group on Wednesday, 14:00 to 15:00
(1 hour): 4 hours 45 minutes a week.
"""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from tests.inspector_sites import sample_site
from tests.sitebuild import SAMPLE_WARDS, page
from wardsite.loading.catalogue import load_catalogue
from wardsite.render.ward_page import render_ward_page

TODAY = dt.date(2026, 11, 26)


def _section(path: str, section: str) -> str:
    return " ".join(page(sample_site(), path).select_one(f".ward-section--{section}").get_text(" ").split())


def _compare_cells() -> dict[str, list[str]]:
    soup = page(sample_site(), "compare/acute/")
    return {
        tr["data-ward"]: [" / ".join(td.get_text("\n", strip=True).split("\n")) for td in tr.find_all("td")]
        for tr in soup.select("table[data-compare-table] tbody tr")
    }


def test_the_committed_activity_hours_are_shown_with_evenings_and_weekends() -> None:
    text = _section("wards/example-valley-nhs-ft/kestrel-ward/", "activities")
    assert "The ward offers 20 hours of therapeutic activity a week, including evenings and weekends." in text
    assert "Weekly activities (a typical week)" in text  # the timetable is not added up beside the promise


def test_compare_shows_the_committed_hours_instead_of_a_timetable_sum_and_says_which_it_is() -> None:
    cells = _compare_cells()
    assert cells["example-valley-nhs-ft--kestrel-ward"][5] == "20 hours / committed by the ward"
    assert cells["brightwater-care--heron-ward"][5] == "6 hours / added up from its timetable"


def test_the_ward_page_and_the_compare_page_write_the_same_activity_hours_the_same_way() -> None:
    caption = page(sample_site(), "wards/example-valley-nhs-ft/osprey-ward/").select_one(
        ".ward-section--activities caption"
    )
    assert " ".join(caption.get_text(" ").split()) == "Weekly activities (4 hours 45 minutes a week)"
    soup = page(sample_site(), "compare/picu/")
    cells = {
        tr["data-ward"]: [" / ".join(td.get_text("\n", strip=True).split("\n")) for td in tr.find_all("td")]
        for tr in soup.select("table[data-compare-table] tbody tr")
    }
    assert cells["example-valley-nhs-ft--osprey-ward"][5] == "4 hours 45 minutes / added up from its timetable"


def _rendered(key: str, **section_dates: dt.date) -> BeautifulSoup:
    catalogue = load_catalogue(SAMPLE_WARDS).catalogue
    entry = next(w for w in catalogue.wards if w.key == key)
    ward = entry.ward.model_copy(
        update={
            name: getattr(entry.ward, name).model_copy(update={"checked_on": on}) for name, on in section_dates.items()
        }
    )
    copy = type(entry)(entry.slug, entry.provider_slug, ward, entry.source_path)
    return BeautifulSoup(render_ward_page(catalogue.provider(entry.provider_slug), copy, TODAY, 28), "html.parser")


def test_a_section_checked_after_the_wards_review_says_when_beside_it() -> None:
    visiting = page(sample_site(), "wards/brightwater-care/heron-ward/").select_one(".ward-section--visiting")
    checked = visiting.select_one(".ward-checked")
    assert checked.get_text(" ", strip=True) == "This section was checked on 20 November 2026 ."
    assert checked.time["datetime"] == "2026-11-20"
    assert len(page(sample_site(), "wards/brightwater-care/heron-ward/").select(".ward-checked")) == 1


def test_a_section_checked_before_the_wards_review_shows_no_date() -> None:
    # Example Valley's Heron Ward was reviewed on 14 October 2026.
    soup = _rendered("example-valley-nhs-ft/heron-ward", visiting=dt.date(2026, 9, 1), carers=dt.date(2026, 10, 30))
    assert soup.select_one(".ward-section--visiting .ward-checked") is None
    assert soup.select_one(".ward-section--carers .ward-checked").time["datetime"] == "2026-10-30"


def test_the_imha_opt_out_is_shown_in_the_wards_words_and_never_invented() -> None:
    rights = _section("wards/example-valley-nhs-ft/kestrel-ward/", "rights")
    assert "If you do not want an advocate If you do not want to see an advocate, tell your nurse." in rights
    brightwater = _section("wards/brightwater-care/cedar-ward/", "rights")
    assert "If you are detained, we will ask an advocate to visit you." in brightwater
    assert "visit you. You can say no." not in brightwater and "If you do not want an advocate" not in brightwater


def test_what_visitors_must_not_bring_is_listed_in_the_visiting_section() -> None:
    soup = page(sample_site(), "wards/example-valley-nhs-ft/kestrel-ward/")
    heading = soup.select_one(".ward-section--visiting").find("h3", string="What visitors must not bring")
    assert [li.get_text(strip=True) for li in heading.find_next("ul").find_all("li")] == [
        "alcohol or drugs",
        "glass bottles or jars",
        "food for other patients",
    ]
