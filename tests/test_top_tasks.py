"""A carer on a phone finds the top tasks in seconds: the ward's phone, today's visiting times and
the address on the first screen, and one tap from the summary box to visiting, what to bring,
what is not allowed, getting here, rights and complaints, each a section in the page's contents.
"""

from __future__ import annotations

import pytest

from tests.a11y_sites import in_chromium
from tests.inspector_sites import sample_site
from tests.sitebuild import SAMPLE_WARDS, page
from wardsite.loading.catalogue import load_catalogue

PHONE = {"width": 390, "height": 844}
TASKS = [
    ("Visiting times", "visiting", "Visiting"),
    ("What to bring", "what-to-bring", "What to bring"),
    ("What is not allowed", "not-allowed", "What is not allowed"),
    ("How to get here", "getting-here", "Getting here"),
    ("Your rights", "rights", "Your rights and advocacy"),
    ("How to complain", "feedback", "Feedback and complaints"),
]
WARD_SLUGS = sorted(entry.key for entry in load_catalogue(SAMPLE_WARDS).catalogue.wards)  # <provider>/<ward>

FIRST_SCREEN = """
const screen = window.innerHeight;
const seen = element => {
  if (!element) return "missing";
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  return box.height > 0 && style.visibility !== "hidden" && box.top >= 0 && box.bottom <= screen;
};
const weekday = (new Date().getDay() + 6) % 7;
const todayRow = document.querySelector(`table.ward-visiting tr[data-weekday="${weekday}"] td`);
const today = document.querySelector("[data-ward-visiting-today]");
const address = [...document.querySelectorAll(".ward-glance .ward-facts__row")]
  .find(r => r.querySelector("dt").textContent === "Address");
return {
  screen,
  phone: seen(document.querySelector(".ward-glance a[href^='tel:']")),
  visitingToday: seen(today && [...today.querySelectorAll("[data-weekday]")].find(s => !s.hidden)),
  todayText: today ? today.innerText.replace(/\\s+/g, " ").trim() : null,
  tableToday: todayRow ? todayRow.textContent.trim() : null,
  address: seen(address && address.querySelector("dd")),
};
"""

JUMPS = """
const results = [];
for (const link of document.querySelectorAll(".ward-glance nav.ward-tasks a")) {
  window.scrollTo(0, 0);
  link.click();
  await new Promise(resolve => setTimeout(resolve, 50));
  const target = document.getElementById(link.getAttribute("href").slice(1));
  const box = target.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  results.push({
    text: link.textContent,
    hash: location.hash,
    heading: target.tagName + " " + target.textContent.trim(),
    inView: box.top >= header - 1 && box.bottom <= window.innerHeight,
    scrolled: window.scrollY > 0,
  });
}
return results;
"""


@pytest.mark.parametrize("slug", ["example-valley-nhs-ft/heron-ward", "example-valley-nhs-ft/robin-unit"])
def test_on_a_phone_the_ward_phone_todays_visiting_times_and_address_are_on_the_first_screen(slug: str) -> None:
    found = in_chromium(sample_site() / "wards" / slug / "index.html", FIRST_SCREEN, **PHONE)
    assert found["screen"] == 844
    assert found["phone"] is True
    assert found["visitingToday"] is True
    assert found["todayText"] == f"Visiting today {found['tableToday']}"
    assert found["address"] is True


def test_each_jump_link_in_the_summary_box_takes_the_reader_to_its_section_below_the_header() -> None:
    found = in_chromium(sample_site() / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html", JUMPS, **PHONE)
    assert [(f["text"], f["hash"], f["heading"]) for f in found] == [
        (text, f"#{anchor}", f"H2 {heading}") for text, anchor, heading in TASKS
    ]
    assert all(f["inView"] and f["scrolled"] for f in found), found


@pytest.mark.parametrize("slug", WARD_SLUGS)
def test_every_top_task_is_a_section_in_the_pages_contents(slug: str) -> None:
    soup = page(sample_site(), f"wards/{slug}/")
    links = [(a.get_text(strip=True), a["href"]) for a in soup.select(".ward-glance nav.ward-tasks a")]
    assert links == [(text, f"#{anchor}") for text, anchor, _ in TASKS]
    contents = {a["href"] for a in soup.select("nav.md-nav--secondary a")}
    on_this_page = {a["href"] for a in soup.select("nav.ward-contents a")}
    for _, anchor, heading in TASKS:
        assert soup.find("h2", id=anchor).get_text(strip=True) == heading
        assert f"#{anchor}" in contents and f"#{anchor}" in on_this_page


def test_without_javascript_the_summary_box_gives_the_weeks_visiting_times_instead_of_todays() -> None:
    soup = page(sample_site(), "wards/example-valley-nhs-ft/heron-ward/")
    today = soup.select_one("[data-ward-visiting-today]")
    assert today.has_attr("hidden") and all(span.has_attr("hidden") for span in today.select("[data-weekday]"))
    assert [span["data-weekday"] for span in today.select("[data-weekday]")] == [str(i) for i in range(7)]
    rows = {r.dt.get_text(strip=True): r.dd.get_text(" ", strip=True) for r in soup.select(".ward-facts--first > div")}
    assert rows["Visiting"] == "Every day, 1pm to 5pm and 6pm to 7:45pm. Please phone the ward before you come."
    assert list(rows) == ["Ward phone", "Visiting today", "Address", "Visiting"]


def test_the_not_allowed_list_is_its_own_section_right_after_what_to_bring() -> None:
    soup = page(sample_site(), "wards/example-valley-nhs-ft/heron-ward/")
    bring = soup.find("h2", id="what-to-bring")
    assert bring.find_next("h2").get("id") == "not-allowed"
    section = soup.select_one(".ward-section--not-allowed")
    assert "These things are not allowed on the ward:" in section.get_text(" ")
    assert soup.select_one(".ward-section--daily-life").find(string="What is not allowed") is None
