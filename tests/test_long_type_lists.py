"""No page grows with the country: a ward type with more wards than one page holds
(``site_pages.LIST_PAGE_LIMIT``, 250) lists its providers, and each provider gets a page of its wards
of that type, for the list of the type and for its compare table alike.

The test wards (a copy of the demo) have three acute wards for adults (Heron Ward at Brightwater Care; Heron Ward and
Kestrel Ward at Example Valley) and one ward of each other type, so a limit of 2 splits only that type.
"""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import PINNED_TODAY, SAMPLE_WARDS
from wardsite.loading.catalogue import load_catalogue
from wardsite.render import site_pages
from wardsite.site.generate import render_site

TODAY = dt.date.fromisoformat(PINNED_TODAY)
BRIGHTWATER = "Brightwater Care (fictional independent provider)"
EXAMPLE_VALLEY = "Example Valley NHS Foundation Trust"


def _body(page: str) -> BeautifulSoup:
    return BeautifulSoup(page.split("\n---\n", 1)[1], "html.parser")


@pytest.fixture
def split_pages(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(site_pages, "LIST_PAGE_LIMIT", 2)
    return render_site(load_catalogue(SAMPLE_WARDS).catalogue, TODAY)


def test_a_type_within_the_limit_keeps_every_ward_on_one_page() -> None:
    pages = render_site(load_catalogue(SAMPLE_WARDS).catalogue, TODAY)
    rows = _body(pages["ward-types/acute/index.md"]).select("table tbody tr")
    assert len(rows) == 3
    assert not any(p.startswith(("ward-types/acute/", "compare/acute/")) and p.count("/") > 2 for p in pages)


def test_a_type_over_the_limit_lists_its_providers_each_with_a_page_of_its_wards(split_pages: dict[str, str]) -> None:
    listing = _body(split_pages["ward-types/acute/index.md"])
    assert listing.select("table") == []
    links = {a.get_text(): a["href"] for a in listing.select("ul.ward-link-list a")}
    assert links == {BRIGHTWATER: "brightwater-care/", EXAMPLE_VALLEY: "example-valley-nhs-ft/"}
    assert "3 wards of this type, run by 2 providers." in listing.get_text(" ")
    wards = {}
    for href in links.values():
        page = _body(split_pages[f"ward-types/acute/{href}index.md"])
        wards[href] = [tr.th.get_text(" ", strip=True) for tr in page.select("table tbody tr")]
        crumbs = [(a.get_text(), a["href"]) for a in page.select(".ward-breadcrumb a")]
        assert crumbs == [("All wards", "../../../"), ("Acute wards for adults", "../")]
        for link in page.select("table tbody th a"):
            assert f"{link['href'].removeprefix('../../../')}index.md" in split_pages, link["href"]
    assert wards == {"brightwater-care/": ["Heron Ward"], "example-valley-nhs-ft/": ["Heron Ward", "Kestrel Ward"]}
    assert len(_body(split_pages["ward-types/picu/index.md"]).select("table tbody tr")) == 1  # within the limit


def test_a_compare_table_over_the_limit_is_one_table_per_provider(split_pages: dict[str, str]) -> None:
    listing = _body(split_pages["compare/acute/index.md"])
    assert listing.select("table.ward-compare") == []
    links = {a.get_text(): a["href"] for a in listing.select("table.ward-compare-types a")}
    assert links == {BRIGHTWATER: "brightwater-care/", EXAMPLE_VALLEY: "example-valley-nhs-ft/"}
    page = _body(split_pages["compare/acute/example-valley-nhs-ft/index.md"])
    names = [tr.th.get_text(" ", strip=True) for tr in page.select("table tbody tr")]
    assert [n.split(" ")[0] for n in names] == ["Heron", "Kestrel"]
    assert page.h1.get_text() == f"Compare wards: Acute wards for adults, {EXAMPLE_VALLEY}"
    crumbs = [a.get_text() for a in page.select(".ward-breadcrumb a")]
    assert crumbs == ["All wards", "Compare wards", "Acute wards for adults"]
    assert "compare/acute/brightwater-care/index.md" in split_pages
