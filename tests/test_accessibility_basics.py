"""What a person using assistive technology expects on every page of the built site.

British English declared, a skip link to the content, headings in order, tables with header
cells and captions, links that make sense on their own, content without JavaScript, a visible
focus, and warnings that do not rely on colour.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.a11y_sites import in_chromium, overdue_site
from tests.inspector_sites import sample_site


def _pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    files = sorted([*site.rglob("index.html"), site / "404.html"])
    return [
        (f.relative_to(site).as_posix(), BeautifulSoup(f.read_text(encoding="utf-8"), "html.parser")) for f in files
    ]


@pytest.fixture(scope="module")
def pages() -> list[tuple[str, BeautifulSoup]]:
    return _pages(sample_site()) + [
        (f"overdue:{name}", soup) for name, soup in _pages(overdue_site()) if name.startswith("wards/")
    ]


def test_every_page_says_it_is_in_british_english(pages: list[tuple[str, BeautifulSoup]]) -> None:
    assert {soup.html["lang"] for _, soup in pages} == {"en-GB"}


def test_every_page_starts_with_a_skip_link_to_the_start_of_its_content(pages: list[tuple[str, BeautifulSoup]]) -> None:
    for name, soup in pages:
        # Material's own skip link (.md-skip) is hidden by CSS: it is missing on pages with no contents list.
        skip = next(a for a in soup.body.find_all("a") if "md-skip" not in a.get("class", []))
        assert "ward-skip" in skip["class"] and skip["href"] == "#main-content", name
        assert skip.find_next("header") is not None, name  # before the header and everything else
        assert skip.get_text(strip=True) == "Skip to main content", name
        assert soup.select_one("article #main-content") is not None, name


def test_headings_start_at_one_main_heading_and_never_skip_a_level(pages: list[tuple[str, BeautifulSoup]]) -> None:
    for name, soup in pages:
        levels = [
            int(h.name[1])
            for h in soup.select("article h1, article h2, article h3, article h4, article h5, article h6")
        ]
        assert levels[:1] == [1] and levels.count(1) == 1, (name, levels)
        skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert skipped == [], (name, skipped)


GENERATED = ("wards/", "providers/", "ward-types/", "areas/", "overdue:")


def test_every_table_has_header_cells_and_every_generated_table_a_caption(
    pages: list[tuple[str, BeautifulSoup]],
) -> None:
    captioned = 0
    for name, soup in pages:
        for table in soup.select("article table"):
            assert table.select("thead th") or table.select("th[scope=row]"), (name, str(table)[:200])
            if name.startswith(GENERATED):
                captioned += 1
                assert table.caption is not None and table.caption.get_text(strip=True), (name, str(table)[:200])
                assert table.select("th[scope]"), (name, str(table)[:200])
    assert captioned > 20  # visiting, meal, activity, staffing and ward-list tables were all looked at


def test_ward_page_tables_for_visiting_meals_and_activities_have_their_captions() -> None:
    soup = BeautifulSoup(
        (sample_site() / "wards/example-valley-nhs-ft/heron-ward/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    captions = [c.get_text(" ", strip=True) for c in soup.select("article table caption")]
    assert "Visiting times" in captions and "Meal times" in captions
    assert any(c.startswith("Weekly activities") for c in captions)


VAGUE = re.compile(r"^(click here|here|more|read more|link|this|this page|find out more)$", re.IGNORECASE)


def test_every_link_has_words_that_make_sense_out_of_context(pages: list[tuple[str, BeautifulSoup]]) -> None:
    for name, soup in pages:
        for link in soup.select("article a[href]"):
            words = " ".join(link.get_text(" ").split()) or link.get("aria-label", "")
            if link.get("aria-hidden") == "true" or "headerlink" in link.get("class", []):
                continue
            assert words and not VAGUE.match(words), (name, str(link)[:200])


def test_no_dark_colour_scheme_is_offered_so_there_is_none_left_unchecked(
    pages: list[tuple[str, BeautifulSoup]],
) -> None:
    for name, soup in pages:
        assert soup.body["data-md-color-scheme"] == "default", name
        assert soup.select_one("form[data-md-component=palette]") is None, name


def test_the_overdue_warning_says_so_in_words_not_only_in_colour() -> None:
    ward = BeautifulSoup(
        (overdue_site() / "wards/example-valley-nhs-ft/heron-ward/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    banner = ward.select_one("[data-ward-overdue-banner]")
    assert banner["role"] == "note" and banner["aria-label"] == "Out of date warning"
    assert banner.get_text(" ", strip=True).startswith("Warning: this information may be out of date.")
    listing = BeautifulSoup(
        (overdue_site() / "providers/example-valley-nhs-ft/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert "(overdue for review)" in listing.select_one("table.ward-list").get_text(" ")


def test_a_ward_page_without_javascript_still_shows_every_section_and_fact() -> None:
    found = in_chromium(
        sample_site() / "wards/example-valley-nhs-ft/heron-ward/index.html",
        """
const visible = selector => { const e = document.querySelector(selector); return e !== null && e.offsetParent !== null; };
return {
  phone: visible('article .ward-glance a[href^="tel:"]'),
  visiting: visible("article table.ward-visiting"),
  rights: visible("article .ward-section--rights"),
  easyRead: visible('article a[href="easy-read/"]'),
  largePrint: visible("#ward-large-print"),
  rows: document.querySelectorAll("article table.ward-visiting tbody tr").length,
};
""",
        javascript=False,
        width=390,
    )
    assert found == {"phone": True, "visiting": True, "rights": True, "easyRead": True, "largePrint": True, "rows": 7}


def test_keyboard_focus_is_visible_and_the_skip_link_appears_when_focused() -> None:
    found = in_chromium(
        sample_site() / "wards/example-valley-nhs-ft/heron-ward/index.html",
        """
const skip = document.querySelector(".ward-skip");
const materialSkip = document.querySelector(".md-skip");
const hidden = skip.getBoundingClientRect().right <= 0;
skip.focus();
const box = skip.getBoundingClientRect();
const link = document.querySelector("article .ward-glance a");
link.focus();
const style = getComputedStyle(link);
return {hiddenBefore: hidden, shownOnFocus: box.left >= 0 && box.width > 0, outline: style.outlineStyle, outlineWidth: style.outlineWidth,
        materialSkip: materialSkip === null ? "none" : getComputedStyle(materialSkip).display};
""",
    )
    assert found["hiddenBefore"] is True and found["shownOnFocus"] is True
    assert found["outline"] == "solid" and found["outlineWidth"] == "3px"
    assert found["materialSkip"] == "none"


def test_the_not_found_page_says_so_plainly_and_leads_back_to_the_wards() -> None:
    soup = BeautifulSoup((sample_site() / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article h1").get_text(strip=True) == "Page not found"
    assert [a.get_text(strip=True) for a in soup.select("article a")] == [
        "Find a ward on the home page",
        "NHS 111",
        "999",
    ]
