"""Every page fits a phone: no sideways scrolling, Large print enlarges the whole page, tables read well.

Measured in Debian's chromium (one browser for all the measurements, tests/browser.py) on the
sample site, at 320 px (the narrowest phones), 390 px (a common phone) and 1280 px (a desktop).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import Task, run_tasks
from tests.inspector_sites import sample_site

# One page of every type the site has (two ward pages: the one with the widest tables too).
PAGE_TYPES = {
    "home": "index.html",
    "page not found": "404.html",
    "ward": "wards/example-valley-nhs-ft/heron-ward/index.html",
    "ward with the widest timetable": "wards/brightwater-care/cedar-ward/index.html",
    "Easy Read": "wards/example-valley-nhs-ft/heron-ward/easy-read/index.html",
    "provider": "providers/example-valley-nhs-ft/index.html",
    "ward type": "ward-types/acute/index.html",
    "area": "areas/exampleton/index.html",
    "compare index": "compare/index.html",
    "compare": "compare/acute/index.html",
    "report": "report/index.html",
    "provider's report": "report/example-valley-nhs-ft/index.html",
    "guide": "guide/index.html",
    "every field": "guide/fields/index.html",
    "publishing": "guide/deploy/index.html",
}
WIDTHS = (320, 390, 1280)

PAGE_WIDTH = """
const root = document.documentElement;
const wider = [];
for (const element of document.querySelectorAll("body *")) {
  const box = element.getBoundingClientRect();
  if (box.width > 0 && box.right > root.clientWidth + 1 && getComputedStyle(element).visibility !== "hidden") {
    wider.push(element.tagName.toLowerCase() + (element.className ? "." + element.className : ""));
  }
}
return {page: root.scrollWidth, screen: root.clientWidth, wider: wider.slice(0, 5)};
"""


def _url(path: str) -> str:
    return (sample_site() / path).as_uri()


@pytest.fixture(scope="module")
def widths() -> dict[tuple[str, int, bool], dict]:
    tasks = [(name, width, large) for name in PAGE_TYPES for width in WIDTHS for large in (False, True)]
    measured = run_tasks(
        [
            Task(url=_url(PAGE_TYPES[name]), script=PAGE_WIDTH, width=width, large_print=large)
            for name, width, large in tasks
        ]
    )
    return dict(zip(tasks, measured, strict=True))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("large", [False, True], ids=["normal text", "large print"])
def test_no_page_type_scrolls_sideways(widths: dict, width: int, large: bool) -> None:
    too_wide = {
        name: measured
        for (name, at, is_large), measured in widths.items()
        if at == width and is_large == large and measured["page"] > measured["screen"]
    }
    assert too_wide == {}
    assert all(m["screen"] == width for (_, at, _), m in widths.items() if at == width)  # no scroll bar took room


FONT_SIZES = """
const size = selector => {
  const element = document.querySelector(selector);
  return element === null ? null : parseFloat(getComputedStyle(element).fontSize);
};
return {
  header: size(".md-header__topic"),
  menu: size(".md-nav--primary .md-nav__link"),
  contents: size(".md-nav--secondary .md-nav__link"),
  text: size("article p"),
  table: size("article table.ward-visiting td"),
  screen: document.documentElement.clientWidth,
  page: document.documentElement.scrollWidth,
};
"""


def test_large_print_enlarges_the_header_menus_and_contents_as_well_as_the_text() -> None:
    ward = _url(PAGE_TYPES["ward"])
    normal, large = run_tasks([Task(url=ward, script=FONT_SIZES), Task(url=ward, script=FONT_SIZES, large_print=True)])
    for part in ("header", "menu", "contents", "text", "table"):
        assert large[part] >= normal[part] * 1.3, part
    assert large["page"] == large["screen"] == 1280  # and the page reflows to fit the same screen


TABLE_LOOK = """
const style = selector => getComputedStyle(document.querySelector(selector));
const phoneLink = document.querySelector("article table.ward-list a[href^='tel:']");
const look = {phoneWrap: phoneLink ? getComputedStyle(phoneLink).whiteSpace : "no phone link"};
if (!document.querySelector("article table.ward-visiting")) return look;
const row = style("article table.ward-visiting tbody td");
const heading = style("article table.ward-visiting thead th");
return {
  ...look,
  text: parseFloat(style("article p").fontSize),
  cell: parseFloat(row.fontSize),
  rule: parseFloat(row.borderBottomWidth),
  padding: parseFloat(row.paddingTop) + parseFloat(row.paddingRight),
  headingAlign: heading.textAlign,
  headingWeight: heading.fontWeight,
};
"""


def test_tables_have_row_rules_padding_left_aligned_headings_and_text_as_large_as_the_page() -> None:
    [ward, provider] = run_tasks(
        [
            Task(url=_url(PAGE_TYPES["ward"]), script=TABLE_LOOK),
            Task(url=_url(PAGE_TYPES["provider"]), script=TABLE_LOOK),
        ]
    )
    assert ward["cell"] == ward["text"]
    assert ward["rule"] >= 1
    assert ward["padding"] >= 6
    assert ward["headingAlign"] == "left" and ward["headingWeight"] == "700"
    assert provider["phoneWrap"] == "nowrap"  # a phone number in a list of wards never breaks over two lines


BLOCKS = """
const tables = [...document.querySelectorAll("article table.ward-blocks")];
return tables.map(table => ({
  table: table.className,
  headingsShown: table.tHead.getBoundingClientRect().height > 1,
  cells: [...table.querySelectorAll("tbody td")].filter(td => td.textContent.trim()).slice(0, 12).map(td => ({
    label: td.getAttribute("data-label"),
    before: getComputedStyle(td, "::before").content,
    display: getComputedStyle(td).display,
  })),
}));
"""


@pytest.mark.parametrize("name", ["ward", "provider", "area", "report", "compare"])
def test_on_a_phone_every_many_column_table_shows_each_cell_after_its_label(name: str) -> None:
    [tables] = run_tasks([Task(url=_url(PAGE_TYPES[name]), script=BLOCKS, width=390)])
    assert tables, "the page has tables shown as blocks"
    for table in tables:
        assert table["headingsShown"] is False, table["table"]
        assert table["cells"], table["table"]
        for cell in table["cells"]:
            assert cell["label"], table["table"]
            assert cell["before"] == f'"{cell["label"]}: "', table["table"]
            assert cell["display"] == "block", table["table"]


def test_on_a_desktop_the_same_tables_are_tables_with_their_headings() -> None:
    [tables] = run_tasks([Task(url=_url(PAGE_TYPES["report"]), script=BLOCKS, width=1280)])
    for table in tables:
        assert table["headingsShown"] is True, table["table"]
        assert {cell["before"] for cell in table["cells"]} == {"none"}, table["table"]
        assert {cell["display"] for cell in table["cells"]} == {"table-cell"}, table["table"]


def test_the_page_types_cover_every_folder_of_the_built_site() -> None:
    folders = {path.relative_to(sample_site()).parts[0] for path in sample_site().rglob("*.html")}
    covered = {Path(path).parts[0] for path in PAGE_TYPES.values()}
    assert folders == covered
