"""On a phone, the keyboard only lands on things a reader can see, and it can open the menu.

Tabs through a ward page in Debian's chromium at 390 x 844 (a common phone), one browser for
every check (tests/browser.py).
"""

from __future__ import annotations

import pytest

from tests.browser import Task, run_tasks
from tests.inspector_sites import sample_site

FOCUSED = """
const element = document.activeElement;
if (!element || element === document.body) return {name: "(nothing)", visible: false};
const box = element.getBoundingClientRect();
const style = getComputedStyle(element);
const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
const onTop = document.elementFromPoint(x, y);
return {
  name: (element.getAttribute("aria-label") || element.textContent || element.id).trim().slice(0, 60),
  /* within a pixel: scrolling a link into view can leave it a fraction of a pixel past the edge */
  inScreen: box.width > 0 && box.height > 0 && box.left >= -1 && box.top >= -1
    && box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1,
  shown: style.visibility !== "hidden" && parseFloat(style.opacity) > 0,
  notCovered: onTop !== null && (onTop === element || element.contains(onTop) || onTop.contains(element)),
};
"""
TABS = 80


def _ward_page() -> str:
    return (sample_site() / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").as_uri()


@pytest.fixture(scope="module")
def focus_path() -> list[dict]:
    """Every stop of the Tab key from the top of the page to its end (where focus leaves the page)."""
    [seen] = run_tasks([Task(url=_ward_page(), script=FOCUSED, width=390, height=844, tabs=TABS)])
    names = [stop["name"] for stop in seen]
    assert "(nothing)" in names, f"{TABS} presses of Tab did not reach the end of the page"
    return seen[: names.index("(nothing)")]


def test_every_element_the_tab_key_reaches_on_a_phone_is_on_screen_and_not_covered(focus_path: list[dict]) -> None:
    hidden = [stop for stop in focus_path if not (stop["inScreen"] and stop["shown"] and stop["notCovered"])]
    assert hidden == []
    assert len({stop["name"] for stop in focus_path}) > 30  # the walk went well into the page


def test_the_menu_button_is_reached_straight_after_the_skip_link(focus_path: list[dict]) -> None:
    assert [stop["name"] for stop in focus_path[:3]] == ["Skip to main content", "Menu", "Search"]


def test_the_closed_menus_links_are_never_reached(focus_path: list[dict]) -> None:
    menu_links = {"Find a ward", "Compare wards", "Updating your ward's information", "Every field", "For inspectors"}
    assert menu_links.isdisjoint(stop["name"] for stop in focus_path)


OPENED = """
await new Promise(resolve => setTimeout(resolve, 400));  /* the menu slides in */
const link = document.activeElement;
const box = link.getBoundingClientRect();
return {
  open: document.getElementById("__drawer").checked,
  expanded: document.querySelector('label[for="__drawer"].md-header__button').getAttribute("aria-expanded"),
  focused: link.textContent.trim(),
  inScreen: box.left >= 0 && box.right <= innerWidth && box.top >= 0 && box.bottom <= innerHeight,
};
"""
CLOSED = """
await new Promise(resolve => setTimeout(resolve, 400));
return {
  open: document.getElementById("__drawer").checked,
  focused: document.activeElement.getAttribute("aria-label"),
  menuLinkVisible: getComputedStyle(document.querySelector(".md-sidebar--primary")).visibility,
};
"""


@pytest.mark.parametrize("key", ["Enter", " "], ids=["Enter", "Space"])
def test_the_menu_button_opens_the_menu_and_focus_moves_to_its_first_link(key: str) -> None:
    [opened] = run_tasks([Task(url=_ward_page(), script=OPENED, width=390, height=844, keys=("Tab", "Tab", key))])
    assert opened == {"open": True, "expanded": "true", "focused": "Find a ward", "inScreen": True}


def test_escape_closes_the_menu_and_focus_goes_back_to_the_menu_button() -> None:
    [closed] = run_tasks(
        [Task(url=_ward_page(), script=CLOSED, width=390, height=844, keys=("Tab", "Tab", "Enter", "Escape"))]
    )
    assert closed == {"open": False, "focused": "Menu", "menuLinkVisible": "hidden"}


def test_on_a_desktop_the_menu_is_always_shown_and_its_links_are_reached() -> None:
    [seen] = run_tasks([Task(url=_ward_page(), script=FOCUSED, width=1280, height=900, tabs=6)])
    names = [stop["name"] for stop in seen]
    assert "Find a ward" in names
    assert all(stop["inScreen"] and stop["shown"] for stop in seen)
