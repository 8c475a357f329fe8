"""Every ward has an Easy Read page, built from its facts: short sentences, a picture beside each."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.a11y_sites import overdue_site
from tests.inspector_sites import sample_site
from tests.sitebuild import REPO, build_site, page
from wardsite.loading.catalogue import load_catalogue
from wardsite.render.easy_read import easy_read_sections, render_easy_read_page

SAMPLE_WARDS = sorted(p.stem for p in (REPO / "wards").glob("*/*.yaml") if p.name != "provider.yaml")
TODAY = dt.date(2026, 11, 26)


def _easy_read(site: Path, slug: str) -> BeautifulSoup:
    return page(site, f"wards/{slug}/easy-read/")


def _points(soup: BeautifulSoup) -> list[Tag]:
    return soup.select(".easy-read .easy-read__points > li")


def _sentence(point: Tag) -> str:
    return " ".join(point.select_one("p").get_text().split())


def test_every_sample_ward_has_an_easy_read_page() -> None:
    for slug in SAMPLE_WARDS:
        soup = _easy_read(sample_site(), slug)
        assert soup.select_one("h1").get_text(strip=True).endswith(": Easy Read"), slug


def test_the_ward_page_links_to_its_easy_read_page_and_lists_it_among_the_formats() -> None:
    soup = page(sample_site(), "wards/heron-ward/")
    texts = [" ".join(a.get_text().split()) for a in soup.select('article a[href="easy-read/"]')]
    assert texts == ["Easy Read version of this page", "Read the Easy Read version of this page"]
    formats = " ".join(soup.select_one(".ward-section--formats").get_text(" ").split())
    assert "You can ask for this information in: Audio, Easy Read, Large print and Other languages." in formats


def test_every_point_has_a_picture_with_a_text_alternative_that_exists_in_the_site() -> None:
    site = sample_site()
    for slug in SAMPLE_WARDS:
        for point in _points(_easy_read(site, slug)):
            picture = point.select_one("img.easy-read__symbol")
            assert picture is not None and picture["alt"].startswith("Picture of"), (slug, point)
            assert (site / "wards" / slug / "easy-read" / picture["src"]).resolve().is_file(), picture["src"]


def test_sentences_are_short_with_about_fifteen_words_or_fewer() -> None:
    for slug in SAMPLE_WARDS:
        for point in _points(_easy_read(sample_site(), slug)):
            for sentence in re.split(r"(?<=[.?!])\s+", _sentence(point)):
                assert len(sentence.split()) <= 15, (slug, sentence)


def test_the_sections_cover_what_matters_most_in_a_fixed_order() -> None:
    headings = [h.get_text(strip=True) for h in _easy_read(sample_site(), "heron-ward").select(".easy-read h2")]
    assert headings == [
        "About this ward",
        "Who the ward is for",
        "How to phone the ward",
        "Visiting",
        "What to bring",
        "What is not allowed",
        "Your rights",
        "Who can help you",
        "How to complain",
        "When we checked this page",
        "More information",
    ]


def test_the_facts_come_from_the_wards_own_data() -> None:
    soup = _easy_read(sample_site(), "heron-ward")
    sentences = [_sentence(p) for p in _points(soup)]
    assert "This ward is for women aged 18 to 65." in sentences
    assert "Phone the ward on 01632 960101." in sentences
    assert "You can visit every day, 1pm to 7:45pm." in sentences
    assert "There are no visits from 5pm to 6pm." in sentences
    assert "Up to 2 people can visit at a time." in sentences
    assert "Bring clothes for about a week." in sentences
    assert "You cannot bring alcohol." in sentences
    assert "Staff keep razors safe for you." in sentences
    assert "Phone Exampleshire Advocacy on 01632 960500." in sentences
    assert "The ward team checked this page on 14 October 2026." in sentences
    assert soup.select_one('a[href="tel:01632960101"]') is not None
    assert soup.select_one('.easy-read a[href="../"]').get_text(strip=True) == "Read the full page about Heron Ward"


def test_a_ward_without_visiting_or_daily_life_published_says_to_phone() -> None:
    result = load_catalogue(REPO / "wards")
    provider = next(p for p in result.catalogue.providers if any(w.slug == "heron-ward" for w in p.wards))
    entry = next(w for w in provider.wards if w.slug == "heron-ward")
    bare = type(entry)(
        entry.slug,
        entry.provider_slug,
        entry.ward.model_copy(update={"visiting": None, "daily_life": None}),
        entry.source_path,
    )
    sections = {s.id: [p.words for p in s.points] for s in easy_read_sections(provider, bare, TODAY, 28)}
    assert sections["visiting"] == ["Phone the ward on 01632 960101 to ask when you can visit."]
    assert sections["bring"] == ["Phone the ward on 01632 960101 to ask what to bring."]
    assert sections["not-allowed"] == ["Phone the ward on 01632 960101 to ask what is not allowed."]


def test_the_out_of_date_warning_shows_only_when_the_review_is_overdue() -> None:
    current = _easy_read(sample_site(), "heron-ward").select_one("[data-ward-overdue-banner]")
    overdue = _easy_read(overdue_site(), "heron-ward").select_one("[data-ward-overdue-banner]")
    assert current.has_attr("hidden")
    assert not overdue.has_attr("hidden")
    assert "Warning: this page may be out of date." in " ".join(overdue.get_text(" ").split())
    assert current["data-next-review-due"] == "2027-10-14"  # the reader's browser shows it after this date


def test_provider_text_is_escaped_on_the_easy_read_page(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(REPO / "wards", wards)
    ward_file = wards / "example-valley-nhs-ft" / "heron-ward.yaml"
    text = ward_file.read_text(encoding="utf-8")
    ward_file.write_text(
        text.replace("    - clothes for about a week\n", '    - "<script>alert(1)</script> socks"\n'), encoding="utf-8"
    )
    site = build_site(tmp_path / "site", wards=wards)
    html = (site / "wards" / "heron-ward" / "easy-read" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "Bring &lt;script&gt;alert(1)&lt;/script&gt; socks." in html


def test_the_page_is_one_html_block_with_front_matter() -> None:
    result = load_catalogue(REPO / "wards")
    provider = result.catalogue.providers[0]
    markdown = render_easy_read_page(provider, provider.wards[0], TODAY, 28)
    assert markdown.startswith("---\ntitle: ")
    body = markdown.split("---\n", 2)[2]
    assert "\n\n" not in body.strip()  # a blank line would end the HTML block and let Markdown in


@pytest.mark.parametrize(
    ("slug", "sentence"),
    [
        ("maple-house", "Children can visit on the ward."),
        ("harbour-view", "Children can visit in a family room, not on the ward."),
        ("cedar-ward", "Children cannot visit on the ward. Phone to ask about other ways."),
    ],
)
def test_what_children_can_do_follows_the_wards_visiting_facts(slug: str, sentence: str) -> None:
    sentences = [_sentence(p) for p in _points(_easy_read(sample_site(), slug))]
    assert sentence in sentences
