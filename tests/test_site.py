"""What a reader sees on the built sample site: ward pages, review dates, banners, lists."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURE_PROVIDER, PROVIDER_SLUG
from tests.sitebuild import SAMPLE_WARDS, build_site, page, text_of

SAMPLE_FILES = sorted(SAMPLE_WARDS.glob("*/*.yaml"))
WARD_FILES = [p for p in SAMPLE_FILES if p.name != "provider.yaml"]
SECTION_HEADINGS = [
    "About the ward",
    "Contact",
    "Getting here",
    "Visiting",
    "What to bring",
    "What is not allowed",
    "Daily life on the ward",
    "Activities and therapy",
    "Staff and your care",
    "Bedrooms and facilities",
    "Carers, family and friends",
    "Your rights and advocacy",
    "Feedback and complaints",
    "Accessibility and other formats",
    "About this information",
]


def _raw(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def site_two_years_on(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("site-late"), today="2028-11-26")


@pytest.mark.parametrize("ward_file", WARD_FILES, ids=lambda p: p.stem)
def test_every_sample_ward_has_a_page_with_its_name_phone_and_review_dates(site: Path, ward_file: Path) -> None:
    raw = _raw(ward_file)
    soup = page(site, f"wards/{ward_file.parent.name}/{ward_file.stem}/")
    assert soup.find("h1").get_text(strip=True) == raw["name"]
    glance = soup.select_one(".ward-glance")
    facts = {row.dt.get_text(strip=True): row.dd.get_text(" ", strip=True) for row in glance.select(".ward-facts__row")}
    assert facts["Ward phone"].startswith(raw["contact"]["ward_phone"])
    assert soup.select_one(".ward-glance a[href^='tel:']")["href"] == "tel:" + raw["contact"]["ward_phone"].replace(
        " ", ""
    )
    assert "Last reviewed" in facts and "Next review due" in facts
    last = soup.select_one(".ward-glance time")
    assert last["datetime"] == raw["review"]["last_reviewed"]


def test_a_ward_page_shows_review_dates_in_plain_words(site: Path) -> None:
    soup = page(site, "wards/example-valley-nhs-ft/heron-ward/")
    facts = {
        row.dt.get_text(strip=True): row.dd.get_text(" ", strip=True)
        for row in soup.select(".ward-glance .ward-facts__row")
    }
    assert facts["Last reviewed"] == "14 October 2026"
    assert facts["Next review due"] == "14 October 2027"


def test_a_ward_page_opens_with_who_it_is_for_beds_phone_visiting_and_address(site: Path) -> None:
    soup = page(site, "wards/example-valley-nhs-ft/heron-ward/")
    terms = [dt.get_text(strip=True) for dt in soup.select(".ward-glance dt")]
    assert terms == [
        "Ward phone",
        "Visiting today",
        "Address",
        "Visiting",
        "Who it is for",
        "Beds",
        "Last reviewed",
        "Next review due",
    ]
    facts = {
        row.dt.get_text(strip=True): row.dd.get_text(" ", strip=True)
        for row in soup.select(".ward-glance .ward-facts__row")
    }
    assert facts["Who it is for"] == "Women aged 18 to 65"
    assert facts["Beds"] == "18"
    assert facts["Visiting"].startswith("Every day, 1pm to 5pm and 6pm to 7:45pm")  # tea time, 5pm to 6pm, taken out
    assert "ZZ1 2AB" in facts["Address"]


def test_sections_follow_in_a_fixed_order_under_clear_headings(site: Path) -> None:
    for ward_file in WARD_FILES:
        soup = page(site, f"wards/{ward_file.parent.name}/{ward_file.stem}/")
        headings = [
            h.get_text(strip=True)
            for h in soup.select("article h2")
            if h.get("id") not in {"quick-read", "on-this-page"}
        ]
        assert headings == SECTION_HEADINGS, ward_file.stem


def test_visiting_times_are_a_table_of_days_in_plain_words(site: Path) -> None:
    soup = page(site, "wards/example-valley-nhs-ft/heron-ward/")
    table = soup.select_one("table.ward-visiting")
    assert table.caption.get_text(strip=True) == "Visiting times"
    rows = [(str(tr.th.contents[0]).strip(), tr.td.get_text(strip=True)) for tr in table.select("tbody tr")]
    assert [day for day, _ in rows] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    assert all(times == "1pm to 5pm and 6pm to 7:45pm" for _, times in rows)  # the gap is in each row
    # Each row carries its weekday so the reader's browser can mark today's row.
    assert [tr["data-weekday"] for tr in table.select("tbody tr")] == [str(i) for i in range(7)]
    assert all(label.has_attr("hidden") for label in table.select(".ward-today-label"))


def test_a_current_ward_carries_a_hidden_banner_with_its_due_date_for_the_readers_browser(site: Path) -> None:
    soup = page(site, "wards/example-valley-nhs-ft/heron-ward/")
    banner = soup.select_one("[data-ward-overdue-banner]")
    assert banner.has_attr("hidden")
    assert banner["data-next-review-due"] == "2027-10-14"


def test_an_overdue_ward_page_shows_the_banner_and_still_shows_phone_and_address(site_two_years_on: Path) -> None:
    soup = page(site_two_years_on, "wards/example-valley-nhs-ft/heron-ward/")
    banner = soup.select_one("[data-ward-overdue-banner]")
    assert not banner.has_attr("hidden")
    words = banner.get_text(" ", strip=True)
    assert "Warning: this information may be out of date." in words
    assert "last checked on 14 October 2026" in words
    assert "phone the ward on 01632 960101" in words
    assert soup.select_one(".ward-glance a[href^='tel:']") is not None
    assert "Example Road" in soup.select_one(".ward-section--contact address").get_text()


def test_lists_of_wards_flag_overdue_ones(site_two_years_on: Path) -> None:
    soup = page(site_two_years_on, "providers/example-valley-nhs-ft/")
    assert len(soup.select("table.ward-list .ward-overdue-tag")) == 5


def test_provider_pages_list_their_wards_with_links(site: Path) -> None:
    soup = page(site, "providers/example-valley-nhs-ft/")
    names = [a.get_text(strip=True) for a in soup.select("table.ward-list tbody th a")]
    assert names == ["Bluebell Ward", "Heron Ward", "Kestrel Ward", "Osprey Ward", "Robin Mother and Baby Unit"]
    assert soup.select_one("table.ward-list tbody th a")["href"] == "../../wards/example-valley-nhs-ft/bluebell-ward/"


def test_the_home_page_finds_wards_by_provider_type_and_area(site: Path) -> None:
    soup = page(site, "")
    text = text_of(soup)
    assert "There are 9 wards on this site." in text
    for heading in ["Find a ward by provider", "Find a ward by type", "Find a ward by area"]:
        assert soup.find("h2", string=heading) is not None
    links = {a.get_text(strip=True): a["href"] for a in soup.select("article .ward-link-list a")}
    assert links["Example Valley NHS Foundation Trust"] == "providers/example-valley-nhs-ft/"
    assert links["Mother and baby units"] == "ward-types/mother-and-baby/"
    for href in links.values():
        assert (site / href / "index.html").is_file(), href


def test_the_navigation_does_not_list_ward_pages(site: Path) -> None:
    soup = page(site, "wards/example-valley-nhs-ft/heron-ward/")
    nav_links = [a.get("href", "") for a in soup.select("nav.md-nav--primary a")]
    assert not any("wards/" in href for href in nav_links)


def test_search_finds_a_ward_by_name_town_provider_and_type(site: Path) -> None:
    import json

    index = json.loads((site / "search" / "search_index.json").read_text())
    heron = " ".join(
        doc["title"] + " " + doc["text"]
        for doc in index["docs"]
        if doc["location"].startswith("wards/example-valley-nhs-ft/heron-ward/")
    )
    for term in ["Heron Ward", "Exampleton", "Example Valley NHS Foundation Trust", "Acute ward for adults"]:
        assert term in heron, term


def test_the_mkdocs_build_fails_and_names_the_problem_when_a_ward_is_invalid(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(SAMPLE_WARDS, wards)
    heron = wards / "example-valley-nhs-ft" / "heron-ward.yaml"
    heron.write_text(heron.read_text().replace("  ward_phone: 01632 960101", "  ward_phone: call us"))
    with pytest.raises(AssertionError) as failure:
        build_site(tmp_path / "site", wards=wards)
    assert "heron-ward.yaml:" in str(failure.value)
    assert "contact.ward_phone" in str(failure.value)
    assert "Aborted" not in str(failure.value)
    assert not (tmp_path / "site" / "wards").exists()


def test_the_readers_browser_shows_the_banner_once_the_due_date_has_passed(tmp_path: Path) -> None:
    """Built when the ward was current, read after its due date: the page's script shows the banner."""
    # Only Heron Ward: built in 2023, the other sample wards' reviews would be "after today".
    folder = tmp_path / "wards" / "example-valley-nhs-ft"
    folder.mkdir(parents=True)
    shutil.copy(SAMPLE_WARDS / "example-valley-nhs-ft" / "provider.yaml", folder)
    heron = folder / "heron-ward.yaml"
    source = (SAMPLE_WARDS / "example-valley-nhs-ft" / "heron-ward.yaml").read_text(encoding="utf-8")
    heron.write_text(source.replace("last_reviewed: 2026-10-14", "last_reviewed: 2023-01-10"), encoding="utf-8")
    site = build_site(tmp_path / "site", today="2023-06-01", wards=folder.parent)
    assert (
        page(site, "wards/example-valley-nhs-ft/heron-ward/")
        .select_one("[data-ward-overdue-banner]")
        .has_attr("hidden")
    )
    dom = subprocess.run(
        [
            "/usr/bin/chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            (site / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    from bs4 import BeautifulSoup

    seen = BeautifulSoup(dom, "html.parser")
    assert not seen.select_one("[data-ward-overdue-banner]").has_attr("hidden")
    today_rows = seen.select("table.ward-visiting tr.ward-today")
    assert len(today_rows) == 1 and "(today)" in today_rows[0].th.get_text()


def test_an_address_never_repeats_the_sites_name(site: Path) -> None:
    for ward_file in WARD_FILES:
        soup = page(site, f"wards/{ward_file.parent.name}/{ward_file.stem}/")
        lines = [
            line.strip()
            for line in soup.select_one(".ward-section--contact address").get_text("\n").splitlines()
            if line.strip()
        ]
        assert len(lines) == len(set(lines)), (ward_file.stem, lines)
        glance = {
            row.dt.get_text(strip=True): row.dd.get_text(" ", strip=True)
            for row in soup.select(".ward-glance .ward-facts__row")
        }["Address"]
        parts = [p.strip() for p in glance.split(",")]
        assert len(parts) == len(set(parts)), (ward_file.stem, glance)


def test_a_site_with_one_ward_says_1_ward(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(FIXTURE_PROVIDER, wards / PROVIDER_SLUG)
    site = build_site(tmp_path / "site", wards=wards)
    assert "There is 1 ward on this site." in page(site, "").get_text(" ")
    report = page(site, "report/")
    assert report.select_one("[data-ward-report-count]").get_text(strip=True) == "Showing all 1 provider."
    assert "(of 1 ward)" in report.get_text()
    provider = page(site, f"report/{PROVIDER_SLUG}/")
    assert provider.select_one("[data-ward-report-count]").get_text(strip=True) == "Showing all 1 ward."


def test_the_address_keeps_the_wards_own_name_first_and_adds_the_site_after_it() -> None:
    from wardsite.loading.catalogue import load_catalogue
    from wardsite.render.ward_page import address_lines

    wards = {e.key: e.ward for e in load_catalogue(SAMPLE_WARDS).catalogue.wards}
    osprey = wards["example-valley-nhs-ft/osprey-ward"]
    short = osprey.model_copy(
        update={"address": osprey.address.model_copy(update={"lines": ["Osprey Ward", "1 Road"]})}
    )
    assert address_lines(short) == [
        "Osprey Ward",
        "Larkfield Unit",
        "Example General Hospital",
        "1 Road",
        osprey.address.town,
        osprey.address.postcode,
    ]
    unnamed = osprey.model_copy(update={"address": osprey.address.model_copy(update={"lines": ["1 Road"]})})
    assert address_lines(unnamed)[:3] == ["Larkfield Unit", "Example General Hospital", "1 Road"]
