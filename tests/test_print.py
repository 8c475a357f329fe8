"""A ward page prints as a clean leaflet, and "Large print" works with and without JavaScript.

Checked in Debian's chromium with print media emulated: what is hidden, what each link prints
after it, how pages break, and the text size.
"""

from __future__ import annotations

from pathlib import Path

from tests.a11y_sites import in_chromium
from tests.inspector_sites import sample_site

HIDDEN_WHEN_PRINTED = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".ward-tools",
    ".ward-breadcrumb",
    ".ward-skip",
]

SHOWN = f"""
const shown = {{}};
for (const selector of {HIDDEN_WHEN_PRINTED}) {{
  const element = document.querySelector(selector);
  shown[selector] = element === null ? "missing" : getComputedStyle(element).display !== "none";
}}
return shown;
"""


def _ward_page() -> Path:
    return sample_site() / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html"


def test_a_printed_ward_page_has_no_header_menus_search_footer_or_switches() -> None:
    assert in_chromium(_ward_page(), SHOWN, media="print") == {selector: False for selector in HIDDEN_WHEN_PRINTED}


def test_on_screen_the_header_search_and_large_print_switch_are_there() -> None:
    shown = in_chromium(_ward_page(), SHOWN, media="screen")
    assert shown[".md-header"] is True and shown[".ward-tools"] is True and shown[".md-footer"] is True


def test_printed_links_show_where_they_go() -> None:
    found = in_chromium(
        _ward_page(),
        """
const after = a => getComputedStyle(a, "::after").content;
const web = document.querySelector('article a[href="https://www.example.nhs.uk/sites/example-general-hospital/map"]');
const inside = document.querySelector('article .ward-glance a[href="../../../providers/example-valley-nhs-ft/"]');
const phone = document.querySelector('article a[href^="tel:"]');
return {web: after(web), inside: after(inside), phone: after(phone)};
""",
        media="print",
    )
    assert found["web"] == '" (https://www.example.nhs.uk/sites/example-general-hospital/map)"'
    assert found["inside"] == f'" ({(sample_site() / "providers" / "example-valley-nhs-ft").as_uri()}/)"'
    assert found["phone"] in ("none", "normal")  # the number is already the link's text


def test_headings_stay_with_what_follows_and_rows_and_facts_are_not_split_across_pages() -> None:
    found = in_chromium(
        _ward_page(),
        """
const style = selector => getComputedStyle(document.querySelector(selector));
return {
  heading: style("article h2").breakAfter,
  row: style("article table.ward-visiting tr").breakInside,
  fact: style("article .ward-facts__row").breakInside,
  banner: style("article .ward-banner").breakInside,
  tableHead: style("article table.ward-visiting thead").display,
};
""",
        media="print",
    )
    assert found == {
        "heading": "avoid",
        "row": "avoid",
        "fact": "avoid",
        "banner": "avoid",
        "tableHead": "table-header-group",
    }


LARGE_PRINT = """
const text = () => parseFloat(getComputedStyle(document.querySelector("article p")).fontSize);
const before = text();
document.querySelector('label[for="ward-large-print"]').click();
return {before: before, after: text(), checked: document.getElementById("ward-large-print").checked};
"""


def test_large_print_makes_the_text_bigger_without_javascript() -> None:
    found = in_chromium(_ward_page(), LARGE_PRINT, javascript=False)
    assert found["checked"] is True
    assert found["after"] >= found["before"] * 1.3


def test_large_print_also_prints_large() -> None:
    found = in_chromium(_ward_page(), LARGE_PRINT, media="print")
    assert found["before"] == 16  # 12pt
    assert found["after"] == 24  # 18pt


def test_with_javascript_the_large_print_choice_is_saved_for_the_next_page() -> None:
    found = in_chromium(
        _ward_page(),
        """
document.getElementById("ward-large-print").click();
return window.localStorage.getItem("wardsite.largePrint");
""",
    )
    assert found == "1"


def test_the_easy_read_page_has_large_text_and_prints_without_the_site_around_it() -> None:
    page = sample_site() / "wards" / "example-valley-nhs-ft" / "heron-ward" / "easy-read" / "index.html"
    size = in_chromium(
        page, 'return parseFloat(getComputedStyle(document.querySelector(".easy-read__points p")).fontSize);'
    )
    assert size >= 20
    assert in_chromium(page, SHOWN, media="print") == {selector: False for selector in HIDDEN_WHEN_PRINTED}
