"""The site search: one short entry per ward that finds it by name, other name, town, provider
or type, and nothing else of the ward pages, so the index stays small at national scale."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import markdown
import pytest

from tests.sitebuild import PINNED_TODAY, SAMPLE_WARDS, build_site, page
from wardsite.loading.catalogue import load_catalogue
from wardsite.render.environment import HTML_TOC
from wardsite.site.generate import render_site
from wardsite.synthetic import synthetic_files, write_files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def index(site: Path) -> list[dict[str, str]]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _entries(index: list[dict[str, str]], location: str) -> list[dict[str, str]]:
    return [doc for doc in index if doc["location"].split("#")[0] == location]


def _found_by(index: list[dict[str, str]], words: str) -> set[str]:
    """Pages whose entry holds every word, as Material's search matches them (case ignored)."""
    wanted = words.lower().split()
    return {doc["location"] for doc in index if all(w in (doc["title"] + " " + doc["text"]).lower() for w in wanted)}


@pytest.mark.parametrize(
    "words",
    [
        "Heron Ward",
        "Ward 36",
        "Exampleton",
        "Example Valley NHS Foundation Trust",
        "Acute ward for adults",
        "women aged 18 to 65",
    ],
)
def test_search_finds_heron_ward_by_its_name_other_name_town_provider_type_and_who_it_is_for(
    index: list[dict[str, str]], words: str
) -> None:
    assert "wards/example-valley-nhs-ft/heron-ward/" in _found_by(index, words)


def test_search_finds_a_ward_by_the_start_of_its_quick_read(index: list[dict[str, str]]) -> None:
    assert "wards/example-valley-nhs-ft/heron-ward/" in _found_by(index, "very unwell with their mental health")


def test_each_ward_page_has_exactly_one_entry_titled_with_its_name_provider_and_town(
    index: list[dict[str, str]],
) -> None:
    catalogue = load_catalogue(SAMPLE_WARDS).catalogue
    for entry in catalogue.wards:
        found = _entries(index, f"wards/{entry.key}/")
        provider = catalogue.provider(entry.provider_slug).provider.name
        assert [doc["title"] for doc in found] == [f"{entry.ward.name} ({provider}, {entry.ward.address.town})"]


def test_two_wards_with_the_same_name_are_told_apart_in_search_by_provider_and_town(
    index: list[dict[str, str]],
) -> None:
    found = {doc["location"]: doc["title"] for doc in index if doc["location"] in _found_by(index, "Heron Ward")}
    assert found["wards/brightwater-care/heron-ward/"] == (
        "Heron Ward (Brightwater Care (fictional independent provider), Brightwater Bay)"
    )
    assert found["wards/example-valley-nhs-ft/heron-ward/"] == (
        "Heron Ward (Example Valley NHS Foundation Trust, Exampleton)"
    )


def test_the_index_holds_none_of_the_ward_pages_long_text(index: list[dict[str, str]]) -> None:
    everything = json.dumps(index)
    # From Heron Ward's description, visiting arrangements and daily life.
    for sentence in [
        "Your care plan is written with you",
        "Please phone the ward on the day before you come",
        "Staff keep chargers at the nurses' station",
    ]:
        assert sentence not in everything
    ward_entries = [
        doc for doc in index if doc["location"].startswith("wards/") and "/easy-read/" not in doc["location"]
    ]
    assert max(len(json.dumps(doc)) for doc in ward_entries) < 700


def test_lists_of_wards_are_found_by_their_titles_not_their_tables(index: list[dict[str, str]]) -> None:
    assert [doc["title"] for doc in _entries(index, "areas/exampleton/")] == ["Wards in Exampleton"]
    assert [doc["title"] for doc in _entries(index, "providers/example-valley-nhs-ft/")] == [
        "Example Valley NHS Foundation Trust"
    ]
    assert "01632 960101" not in json.dumps(index)  # Heron Ward's phone, listed in those tables


def test_the_hand_written_guide_is_still_searched_in_full(index: list[dict[str, str]]) -> None:
    guide = " ".join(doc["text"] for doc in index if doc["location"].startswith("guide/"))
    assert "wardsite check" in guide
    assert len(_entries(index, "guide/")) > 1  # one entry per section, as Material makes them


def test_search_entries_are_escaped_html(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(SAMPLE_WARDS, wards)
    heron = wards / "example-valley-nhs-ft" / "heron-ward.yaml"
    heron.write_text(
        heron.read_text(encoding="utf-8").replace(
            "name: Heron Ward", 'name: Heron <img src=x onerror="alert(1)"> Ward', 1
        ),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "site", wards=wards)
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entry = _entries(docs, "wards/example-valley-nhs-ft/heron-ward/")[0]
    assert entry["title"] == (
        "Heron &lt;img src=x onerror=&#34;alert(1)&#34;&gt; Ward (Example Valley NHS Foundation Trust, Exampleton)"
    )
    assert "<img" not in json.dumps(docs)


def test_pages_declared_html_only_are_html_that_markdown_would_leave_exactly_as_it_is(tmp_path: Path) -> None:
    """Pages that declare HTML_TOC (ward and Easy Read pages, each provider's report page) skip Markdown in the MkDocs
    hook: they must need none."""
    today = dt.date.fromisoformat(PINNED_TODAY)
    write_files(synthetic_files(30, seed=5, today=today), tmp_path / "wards")
    pages = {
        **render_site(load_catalogue(SAMPLE_WARDS).catalogue, today),
        **render_site(load_catalogue(tmp_path / "wards").catalogue, today),
    }
    declared = {path: text for path, text in pages.items() if f"\n{HTML_TOC}: " in text.split("\n---\n", 1)[0]}
    providers_reports = {p for p in pages if p.startswith("report/") and p.count("/") == 2} - {
        "report/history/index.md"
    }
    assert len(providers_reports) == 4  # the test wards' two providers and the synthetic wards' two
    assert {path for path in pages if path.startswith("wards/")} | providers_reports == set(declared)
    assert len(declared) > 2 * 30  # each ward page and its Easy Read page
    for path, text in declared.items():
        body = text.split("\n---\n", 1)[1]
        converted = markdown.Markdown(extensions=["attr_list", "toc"]).convert(body)
        assert [line for line in converted.splitlines() if line.strip()] == [
            line for line in body.splitlines() if line.strip()
        ], path


def test_the_contents_sidebar_of_a_ward_page_lists_every_section(site: Path) -> None:
    soup = page(site, "wards/example-valley-nhs-ft/heron-ward/")
    sidebar = [a.get_text(strip=True) for a in soup.select("nav.md-nav--secondary a.md-nav__link")]
    assert sidebar == [a.get_text(strip=True) for a in soup.select("nav.ward-contents a")]
    assert sidebar[0] == "About the ward" and sidebar[-1] == "About this information"
    for link in soup.select("nav.md-nav--secondary a.md-nav__link"):
        assert soup.find(id=link["href"].removeprefix("#")) is not None, link["href"]


def test_an_easy_read_page_is_found_by_its_title_alone(index: list[dict[str, str]]) -> None:
    assert _entries(index, "wards/example-valley-nhs-ft/heron-ward/easy-read/") == [
        {
            "location": "wards/example-valley-nhs-ft/heron-ward/easy-read/",
            "title": "Heron Ward: Easy Read (Example Valley NHS Foundation Trust, Exampleton)",
            "text": "",
            "boost": 2.0,
        }
    ]
