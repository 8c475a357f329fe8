"""The theme around every page: only the scripts a page uses, and a site title that fits a phone."""

from __future__ import annotations

import pytest

from tests.browser import Task, run_tasks
from tests.inspector_sites import sample_site
from tests.sitebuild import page


def _own_scripts(path: str) -> list[str]:
    """The site's own scripts a page loads (not the theme's bundle), as file names."""
    srcs = [script.get("src", "") for script in page(sample_site(), path).select("script[src]")]
    return [src.rsplit("/", 1)[-1] for src in srcs if "javascripts/" in src and "assets/javascripts/" not in src]


@pytest.mark.parametrize(
    ("path", "scripts"),
    [
        ("wards/example-valley-nhs-ft/heron-ward/", ["wardsite.js"]),
        ("wards/example-valley-nhs-ft/heron-ward/easy-read/", ["wardsite.js"]),
        ("", ["wardsite.js"]),
        ("providers/example-valley-nhs-ft/", ["wardsite.js"]),
        ("compare/", ["wardsite.js"]),
        ("report/", ["wardsite.js", "report-table.js"]),
        ("report/example-valley-nhs-ft/", ["wardsite.js", "report-table.js"]),
        ("compare/acute/", ["wardsite.js", "report-table.js", "compare.js"]),
    ],
)
def test_each_page_loads_only_the_scripts_it_uses(path: str, scripts: list[str]) -> None:
    assert _own_scripts(path) == scripts


def test_every_script_a_page_names_is_in_the_site() -> None:
    site = sample_site()
    for path in ("report/", "report/example-valley-nhs-ft/", "compare/acute/"):
        for script in page(site, path).select("script[src]"):
            assert (site / path / script["src"]).resolve().is_file(), script["src"]


TITLE = """
const shown = [...document.querySelectorAll(".md-header__topic:first-child .md-ellipsis > span")]
  .filter(span => getComputedStyle(span).display !== "none");
const box = document.querySelector(".md-header__topic:first-child .md-ellipsis");
return {shown: shown.map(span => span.textContent.trim()), cutOff: box.scrollWidth > box.clientWidth};
"""


def test_a_phone_shows_the_short_site_title_whole_and_a_desktop_the_full_name() -> None:
    url = (sample_site() / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").as_uri()
    phone, small_phone, desktop = run_tasks(
        [Task(url=url, script=TITLE, width=390), Task(url=url, script=TITLE, width=320), Task(url=url, script=TITLE)]
    )
    assert phone == small_phone == {"shown": ["Ward information"], "cutOff": False}
    assert desktop == {"shown": ["Mental health ward information"], "cutOff": False}


CONTENTS = """
const links = [...document.querySelectorAll(".md-sidebar--secondary .md-nav__link[href^='#']")];
const seen = [];
for (const link of links) {
  link.click();  /* as a reader picks a section in the contents list */
  await new Promise(resolve => setTimeout(resolve, 300));
  const active = document.querySelector(".md-sidebar--secondary .md-nav__link--active");
  seen.push([link.getAttribute("href"), active ? active.getAttribute("href") : null]);
}
return seen;
"""


@pytest.mark.parametrize("path", ["wards/example-valley-nhs-ft/heron-ward/", "guide/"])
def test_the_desktop_contents_list_highlights_the_section_the_reader_went_to(path: str) -> None:
    url = (sample_site() / path / "index.html").as_uri()
    [seen] = run_tasks([Task(url=url, script=CONTENTS, width=1280, height=900)])
    assert len(seen) > 5
    # The last sections may be too short to reach the top of the screen; every other one is highlighted.
    wrong = [(went, highlighted) for went, highlighted in seen[:-3] if highlighted != went]
    assert wrong == []
