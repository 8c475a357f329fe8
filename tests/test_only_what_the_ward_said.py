"""Pages say only what the ward wrote, and every figure worked out from it matches a hand count.

Hand counts for the sample wards (visiting hours less the "no visits" times, which apply every day):

* Brightwater Care's Heron Ward: Monday to Friday 13:00-19:45, Saturday and Sunday 10:00-19:45;
  no visits 12:30-13:30 (lunch) and 17:00-18:00 (tea).
  Weekdays: 13:30-17:00 (3 h 30 m) + 18:00-19:45 (1 h 45 m) = 5 h 15 m, x 5 = 26 h 15 m.
  Weekend days: 10:00-12:30 (2 h 30 m) + 13:30-17:00 (3 h 30 m) + 18:00-19:45 (1 h 45 m) = 7 h 45 m, x 2 = 15 h 30 m.
  A week: 41 h 45 m (2,505 minutes). Counting the hours without the gaps would give 47 h 15 m.
* Example Valley's Heron Ward: every day 13:00-19:45, no visits 17:00-18:00 (tea).
  A day: 13:00-17:00 (4 h) + 18:00-19:45 (1 h 45 m) = 5 h 45 m, x 7 = 40 h 15 m (2,415 minutes).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from bs4 import BeautifulSoup

from tests.inspector_sites import published_json, sample_site
from tests.sitebuild import SAMPLE_WARDS, page, text_of
from wardsite.findings import derived
from wardsite.loading.catalogue import load_catalogue
from wardsite.model import explanations
from wardsite.model.types import Day
from wardsite.model.ward import PROTECTED_MEALTIMES_MEANING, NotDuring, VisitingHours, Ward
from wardsite.render import easy_read

BRIGHTWATER_HERON = "wards/brightwater-care/heron-ward/"
EXAMPLE_VALLEY_HERON = "wards/example-valley-nhs-ft/heron-ward/"


def _sample(key: str) -> Ward:
    return next(w.ward for w in load_catalogue(SAMPLE_WARDS).catalogue.wards if w.key == key)


def _t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def _with_visiting(ward: Ward, hours: list[tuple[str, str]], gaps: list[tuple[str, str]]) -> Ward:
    """``ward`` visited every day at ``hours``, with no visits at ``gaps``."""
    assert ward.visiting is not None
    visiting = ward.visiting.model_copy(
        update={
            "hours": [VisitingHours(days=list(Day), start=_t(s), end=_t(e)) for s, e in hours],
            "not_during": [NotDuring(start=_t(s), end=_t(e), reason="Meals") for s, e in gaps],
        }
    )
    return ward.model_copy(update={"visiting": visiting})


def test_the_weekly_visiting_hours_take_off_the_no_visits_times_as_hand_counted() -> None:
    assert derived.visiting_minutes_per_week(_sample("brightwater-care/heron-ward")) == 2505
    assert derived.visiting_minutes_per_week(_sample("example-valley-nhs-ft/heron-ward")) == 2415


def test_each_day_has_its_real_visiting_times_with_the_gaps_cut_out() -> None:
    days = {slot.day: slot.spans for slot in derived.visiting_by_day(_sample("brightwater-care/heron-ward"))}
    assert days[Day.monday] == ((_t("13:30"), _t("17:00")), (_t("18:00"), _t("19:45")))
    assert days[Day.sunday] == (
        (_t("10:00"), _t("12:30")),
        (_t("13:30"), _t("17:00")),
        (_t("18:00"), _t("19:45")),
    )


def test_overlapping_hours_and_overlapping_gaps_are_each_counted_once() -> None:
    # Hours 10:00-12:00 and 11:00-14:00 make 10:00-14:00; gaps 11:30-12:30 and 12:00-13:00 make 11:30-13:00.
    # Left: 10:00-11:30 (90 minutes) and 13:00-14:00 (60 minutes): 150 minutes a day, 1,050 a week.
    ward = _with_visiting(
        _sample("example-valley-nhs-ft/heron-ward"),
        [("10:00", "12:00"), ("11:00", "14:00")],
        [("11:30", "12:30"), ("12:00", "13:00")],
    )
    assert derived.visiting_by_day(ward)[0].spans == ((_t("10:00"), _t("11:30")), (_t("13:00"), _t("14:00")))
    assert derived.visiting_minutes_per_week(ward) == 1050


def test_a_gap_that_covers_all_the_visiting_hours_leaves_no_visiting() -> None:
    ward = _with_visiting(_sample("example-valley-nhs-ft/heron-ward"), [("12:00", "13:00")], [("11:00", "14:00")])
    assert all(slot.spans == () for slot in derived.visiting_by_day(ward))
    assert derived.visiting_minutes_per_week(ward) == 0


def _visiting_rows(soup: BeautifulSoup) -> dict[str, str]:
    table = soup.select_one("table.ward-visiting")
    return {
        tr.th.get_text(" ", strip=True).removesuffix(" (today)"): tr.td.get_text(" ", strip=True)
        for tr in table.select("tbody tr")
    }


def test_the_visiting_table_shows_the_gaps_in_each_days_row() -> None:
    rows = _visiting_rows(page(sample_site(), BRIGHTWATER_HERON))
    assert rows["Monday"] == "1:30pm to 5pm and 6pm to 7:45pm"
    assert rows["Saturday"] == "10am to 12:30pm, 1:30pm to 5pm and 6pm to 7:45pm"
    assert set(_visiting_rows(page(sample_site(), EXAMPLE_VALLEY_HERON)).values()) == {"1pm to 5pm and 6pm to 7:45pm"}


def test_the_visiting_line_at_the_top_of_the_page_gives_the_real_times() -> None:
    soup = page(sample_site(), BRIGHTWATER_HERON)
    facts = {row.dt.get_text(strip=True): row.dd.get_text(" ", strip=True) for row in soup.select(".ward-facts__row")}
    assert facts["Visiting"].startswith(
        "Monday to Friday, 1:30pm to 5pm and 6pm to 7:45pm; "
        "Saturday and Sunday, 10am to 12:30pm, 1:30pm to 5pm and 6pm to 7:45pm."
    )


def test_the_easy_read_page_gives_the_real_times() -> None:
    text = text_of(page(sample_site(), BRIGHTWATER_HERON + "easy-read/"))
    assert "You can visit on Monday to Friday, 1:30pm to 5pm and 6pm to 7:45pm." in text
    assert "You can visit on Saturday and Sunday, 10am to 12:30pm." in text  # three times: a sentence each
    assert "You can visit on Saturday and Sunday, 6pm to 7:45pm." in text


def test_the_compare_page_shows_the_hand_counted_visiting_hours() -> None:
    soup = page(sample_site(), "compare/acute/")
    rows = {
        tr["data-ward"]: [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in soup.select("table[data-compare-table] tbody tr")
    }
    assert rows["brightwater-care--heron-ward"][4] == "41 hours 45 minutes"
    assert rows["example-valley-nhs-ft--heron-ward"][4] == "40 hours 15 minutes"


def test_open_data_schedules_are_the_real_visiting_periods() -> None:
    services = published_json(sample_site(), "data/openreferral/services.json")["contents"]
    heron = next(
        s for s in services if s["name"] == "Heron Ward" and s["organization"]["name"].startswith("Example Valley")
    )
    visiting = [
        (s["byday"], s["opens_at"], s["closes_at"])
        for s in heron["schedules"]
        if s["description"].startswith("Visiting")
    ]
    assert visiting == [("MO,TU,WE,TH,FR,SA,SU", "13:00", "17:00"), ("MO,TU,WE,TH,FR,SA,SU", "18:00", "19:45")]
    soup = page(sample_site(), EXAMPLE_VALLEY_HERON)
    (block,) = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    feature = next(f for f in block["amenityFeature"] if f["name"] == "Visiting hours")
    assert [(h["opens"], h["closes"]) for h in feature["hoursAvailable"]] == [("13:00", "17:00"), ("18:00", "19:45")]


def test_the_formats_line_lists_only_the_formats_the_ward_offers() -> None:
    soup = page(sample_site(), BRIGHTWATER_HERON)
    section = soup.select_one(".ward-section--formats")
    text = " ".join(section.get_text(" ").split())
    assert "You can ask for this information in: Large print." in text
    # The site's own Easy Read page is offered as what it is, not as one of the ward's formats.
    assert section.select_one("a").get_text(strip=True) == "Read the Easy Read version of this page"
    assert "Easy Read," not in text and "Easy Read and" not in text


def test_the_report_lists_only_the_formats_the_ward_offers() -> None:
    rows = {r["ward_id"]: r for r in csv.DictReader(io.StringIO(_report_csv()))}
    assert rows["brightwater-care/heron-ward"]["formats"] == "large_print"


def _report_csv() -> str:
    return (sample_site() / "data" / "availability.csv").read_text(encoding="utf-8")


def test_protected_mealtimes_say_only_what_the_ward_wrote_or_the_one_fixed_explanation() -> None:
    bluebell = page(sample_site(), "wards/example-valley-nhs-ft/bluebell-ward/")
    life = " ".join(bluebell.select_one(".ward-section--daily-life").get_text(" ").split())
    assert "Mealtimes are protected. Family and carers are welcome at meal times" in life
    assert "no visits or meetings during meals" not in life and PROTECTED_MEALTIMES_MEANING not in life
    cedar = page(sample_site(), "wards/brightwater-care/cedar-ward/")
    life = " ".join(cedar.select_one(".ward-section--daily-life").get_text(" ").split())
    assert f"Mealtimes are protected. {PROTECTED_MEALTIMES_MEANING}" in life


def test_the_fixed_mealtimes_explanation_is_documented_in_the_field_the_ward_can_replace_it_with() -> None:
    note = Ward.model_json_schema()["$defs"]["ProtectedMealtimes"]["properties"]["note"]["description"]
    assert PROTECTED_MEALTIMES_MEANING in note


def _easy_read_text(url: str) -> str:
    return text_of(page(sample_site(), url + "easy-read/"))


def _every_ward_url() -> list[str]:
    return [f"wards/{w.key}/" for w in load_catalogue(SAMPLE_WARDS).catalogue.wards]


def test_the_ward_page_lists_the_languages_staff_speak_without_saying_interpreters_are_free() -> None:
    cedar = page(sample_site(), "wards/brightwater-care/cedar-ward/")
    formats = " ".join(cedar.select_one(".ward-section--formats").get_text(" ").split())
    assert "Staff on the ward speak:" in formats
    assert "Interpreters are free" not in formats


def test_no_easy_read_page_says_interpreters_are_free_but_each_links_to_the_wards_own_words() -> None:
    for url in _every_ward_url():
        soup = page(sample_site(), url + "easy-read/")
        assert "You can have an interpreter" not in text_of(soup)
        link = soup.find("a", string="how to get an interpreter")
        assert link is not None and link["href"].endswith("#rights"), url


def test_the_easy_read_page_says_nothing_about_the_ward_that_the_ward_did_not_write() -> None:
    for url in _every_ward_url():
        text = _easy_read_text(url)
        assert "You can talk to any nurse on the ward." not in text
        assert "If you are unhappy, you can tell any member of staff." not in text


def test_the_free_tribunal_solicitor_is_the_documented_legal_fact() -> None:
    text = _easy_read_text(EXAMPLE_VALLEY_HERON)
    assert f"{explanations.TRIBUNAL} {explanations.TRIBUNAL_SOLICITOR}" in text
    assert text.count("It is free") == explanations.TRIBUNAL_SOLICITOR.count("It is free")


def test_every_fixed_explanation_is_listed_in_the_readme() -> None:
    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8").split())
    assert "## Fixed explanations" in readme
    for sentence in explanations.FIXED_EXPLANATIONS:
        assert f'"{sentence}"' in readme, sentence


def test_the_home_page_says_what_the_site_asks_of_wards_not_that_every_ward_does_it() -> None:
    home = text_of(page(sample_site(), ""))
    assert "Wards check their information at least once a year" not in home
    assert (
        "Each ward page says when the ward team last checked it. "
        "This site asks every ward to check its information at least once a year."
    ) in home


def test_the_rules_for_everyone_do_not_claim_the_ward_reviews_them() -> None:
    for url in _every_ward_url():
        assert "we review them" not in text_of(page(sample_site(), url))


def test_the_readme_names_the_easy_read_pages_fixed_explanations_of_terms() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for name in ("SPECIALISM_SENTENCES", "AGE_SENTENCES", "HARD_WORDS"):
        assert f"`{name}`" in readme
        assert hasattr(easy_read, name)
