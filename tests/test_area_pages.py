"""Towns written with other capitals or punctuation are one town: one area page listing all its wards."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import SAMPLE_WARDS
from wardsite.loading.catalogue import load_catalogue
from wardsite.model.addresses import area_slug
from wardsite.site.generate import render_site

TODAY = dt.date(2026, 11, 26)


def _body(page: str) -> BeautifulSoup:
    return BeautifulSoup(page.split("\n---\n", 1)[1], "html.parser")


@pytest.fixture
def pages(tmp_path: Path) -> dict[str, str]:
    """The sample site with Brightwater Care's wards in `Brightwater Bay`, `Brightwater-Bay` and `BRIGHTWATER BAY.`."""
    wards = tmp_path / "wards"
    shutil.copytree(SAMPLE_WARDS / "brightwater-care", wards / "brightwater-care")
    for name, town in [("cedar-ward", "Brightwater-Bay"), ("maple-house", "BRIGHTWATER BAY.")]:
        path = wards / "brightwater-care" / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("  town: Brightwater Bay\n", "  town: Saltmarsh\n").replace(
                "  town: Saltmarsh\n", f'  town: "{town}"\n'
            ),
            encoding="utf-8",
        )
    result = load_catalogue(wards)
    assert result.problems == []
    return render_site(result.catalogue, TODAY)


def test_towns_differing_only_by_case_or_punctuation_share_one_area_page(pages: dict[str, str]) -> None:
    areas = sorted(path for path in pages if path.startswith("areas/"))
    assert areas == ["areas/brightwater-bay/index.md"]
    page = _body(pages["areas/brightwater-bay/index.md"])
    assert page.find("h1").get_text() == "Wards in Brightwater Bay"
    assert sorted(a.get_text() for a in page.select("table a, li a") if "wards/" in a["href"]) == [
        "Cedar Ward",
        "Harbour View",
        "Heron Ward",
        "Maple House",
    ]


def test_the_home_page_links_to_each_town_once_with_all_its_wards_counted(pages: dict[str, str]) -> None:
    items = [" ".join(li.get_text(" ").split()) for li in _body(pages["index.md"]).select("li:has(a[href^='areas/'])")]
    assert items == ["Brightwater Bay (4 wards)"]


@pytest.mark.parametrize(
    ("town", "slug"),
    [("Brightwater Bay", "brightwater-bay"), ("brightwater-bay", "brightwater-bay"), ("St. Albans", "st-albans")]
    + [("Ynys Môn", "ynys-mon"), ("Bôtle", "botle")],
)
def test_an_area_address_ignores_case_accents_and_punctuation(town: str, slug: str) -> None:
    assert area_slug(town) == slug


def test_towns_with_no_latin_letters_get_addresses_of_their_own() -> None:
    assert area_slug("Лондон") != area_slug("Париж")
    assert area_slug("Лондон").startswith("area-")
