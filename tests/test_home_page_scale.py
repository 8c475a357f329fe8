"""The home page stays small at national scale: long lists of providers or towns move to
A to Z pages of their own, which the home page links to."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import PINNED_TODAY, SAMPLE_WARDS
from wardsite.loading.catalogue import load_catalogue
from wardsite.render import site_pages
from wardsite.site.generate import render_site

TODAY = dt.date.fromisoformat(PINNED_TODAY)


def _body(page: str) -> BeautifulSoup:
    return BeautifulSoup(page.split("\n---\n", 1)[1], "html.parser")


def test_short_lists_stay_on_the_home_page_with_no_a_to_z_pages() -> None:
    pages = render_site(load_catalogue(SAMPLE_WARDS).catalogue, TODAY)
    home = _body(pages["index.md"])
    assert "areas/exampleton/" in [a["href"] for a in home.find_all("a")]
    assert "areas/index.md" not in pages and "providers/index.md" not in pages


def test_a_long_list_of_towns_moves_to_an_a_to_z_page_the_home_page_links_to(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_pages, "HOME_LIST_LIMIT", 3)  # the samples have 4 towns and 2 providers
    pages = render_site(load_catalogue(SAMPLE_WARDS).catalogue, TODAY)
    home = _body(pages["index.md"])
    hrefs = [a["href"] for a in home.find_all("a")]
    assert not any(h.startswith("areas/") and h != "areas/" for h in hrefs)
    assert home.find("a", href="areas/").get_text() == "All 4 towns and cities, from A to Z"
    assert "providers/example-valley-nhs-ft/" in hrefs  # two providers: still listed on the home page
    assert "providers/index.md" not in pages

    towns = _body(pages["areas/index.md"])
    assert [h.get_text() for h in towns.find_all("h2")] == ["B", "E", "L", "S"]
    assert [a["href"] for a in towns.select("nav.ward-letters a")] == [
        "#letter-b",
        "#letter-e",
        "#letter-l",
        "#letter-s",
    ]
    links = {a.get_text(): a["href"] for a in towns.select("ul.ward-link-list a")}
    assert links == {
        "Brightwater Bay": "brightwater-bay/",
        "Exampleton": "exampleton/",
        "Lowmere": "lowmere/",
        "Saltmarsh": "saltmarsh/",
    }
    assert all(f"areas/{href}index.md" in pages for href in links.values())
    assert towns.find("a", string="All wards")["href"] == "../"
