"""Every ward has an Easy Read page, built from its facts: short sentences, a picture beside each
(a distinct one for each kind of thing), hard words explained, and where the ward is."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.a11y_sites import overdue_site
from tests.inspector_sites import run_in_browser, sample_site
from tests.sitebuild import SAMPLE_WARDS, build_site, page
from wardsite.loading.catalogue import load_catalogue
from wardsite.render.easy_read import SYMBOLS, easy_read_sections, kind_symbol, render_easy_read_page
from wardsite.site import theme

SAMPLE_WARD_PATHS = sorted(
    f"{p.parent.name}/{p.stem}" for p in SAMPLE_WARDS.glob("*/*.yaml") if p.name != "provider.yaml"
)  # each ward's key: <provider>/<ward>
TODAY = dt.date(2026, 11, 26)


def _easy_read(site: Path, key: str) -> BeautifulSoup:
    """The Easy Read page of the ward whose key (``<provider>/<ward>``) is ``key``."""
    return page(site, f"wards/{key}/easy-read/")


def _points(soup: BeautifulSoup) -> list[Tag]:
    return soup.select(".easy-read .easy-read__points > li")


def _sentence(point: Tag) -> str:
    return " ".join(point.select_one("p").get_text().split())


def test_every_sample_ward_has_an_easy_read_page() -> None:
    for slug in SAMPLE_WARD_PATHS:
        soup = _easy_read(sample_site(), slug)
        assert soup.select_one("h1").get_text(strip=True).endswith(": Easy Read"), slug


def test_the_breadcrumb_names_the_provider_so_two_wards_of_the_same_name_are_told_apart() -> None:
    for provider, name in (
        ("brightwater-care", "Brightwater Care (fictional independent provider)"),
        ("example-valley-nhs-ft", "Example Valley NHS Foundation Trust"),
    ):
        crumb = page(sample_site(), f"wards/{provider}/heron-ward/easy-read/").select_one("nav.ward-breadcrumb")
        assert [a.get_text(strip=True) for a in crumb.select("a")] == ["All wards", name, "Heron Ward"]
        assert crumb.select("a")[1]["href"] == f"../../../../providers/{provider}/"


def test_the_ward_page_links_to_its_easy_read_page_and_lists_the_wards_own_formats() -> None:
    soup = page(sample_site(), "wards/example-valley-nhs-ft/heron-ward/")
    texts = [" ".join(a.get_text().split()) for a in soup.select('article a[href="easy-read/"]')]
    assert texts == ["Easy Read version of this page", "Read the Easy Read version of this page"]
    formats = " ".join(soup.select_one(".ward-section--formats").get_text(" ").split())
    # The ward lists easy_read itself (in provider.yaml), so it is one of its formats, in the standard order.
    assert "You can ask for this information in: Easy Read, Large print, Audio and Other languages." in formats


def test_every_point_has_a_picture_kept_in_the_site_with_no_picture_of_in_its_text_alternative() -> None:
    site = sample_site()
    for slug in SAMPLE_WARD_PATHS:
        for point in _points(_easy_read(site, slug)):
            for picture in point.select("img"):
                assert picture.has_attr("alt") and not picture["alt"].lower().startswith("picture of"), (slug, point)
                assert not picture["src"].startswith(("http:", "https:", "//")), picture["src"]
                assert (site / "wards" / slug / "easy-read" / picture["src"]).resolve().is_file(), picture["src"]
            assert point.select_one("img.easy-read__symbol") is not None, (slug, point)


def _pictures(soup: BeautifulSoup, section: str) -> list[tuple[str, str, str, str]]:
    """(picture file, its text alternative, the small picture over it, the sentence) for each point of a section."""
    points = soup.find("h2", id=section).find_next("ul").select(":scope > li")
    return [
        (
            p.select_one("img.easy-read__symbol")["src"].rsplit("/", 1)[1],
            p.select_one("img.easy-read__symbol")["alt"],
            p.select_one("img.easy-read__badge")["src"].rsplit("/", 1)[1]
            if p.select_one("img.easy-read__badge")
            else "",
            _sentence(p),
        )
        for p in points
    ]


def test_each_kind_of_thing_to_bring_has_its_own_picture_with_an_empty_alt_as_the_sentence_names_it() -> None:
    assert _pictures(_easy_read(sample_site(), "example-valley-nhs-ft/heron-ward"), "bring") == [
        ("clothes.svg", "", "", "Bring clothes for about a week."),
        ("shoes.svg", "", "", "Bring nightwear and slippers."),
        ("toiletries.svg", "", "", "Bring toiletries (no spray cans)."),
        ("money.svg", "", "", "Bring a small amount of money."),
        ("glasses.svg", "", "", "Bring glasses, hearing aids or other aids you use."),
        ("medicines.svg", "", "", "Bring a list of your medicines."),
        ("contacts.svg", "", "", "Bring phone numbers of people you want us to contact."),
    ]


def test_each_thing_not_allowed_shows_that_thing_under_a_no_sign_and_kept_things_under_a_padlock() -> None:
    pictures = _pictures(_easy_read(sample_site(), "example-valley-nhs-ft/heron-ward"), "not-allowed")
    assert [(file, alt, badge) for file, alt, badge, _ in pictures] == [
        ("alcohol.svg", "", "not-allowed.svg"),
        ("drugs.svg", "", "not-allowed.svg"),
        ("knife.svg", "", "not-allowed.svg"),
        ("fire.svg", "", "not-allowed.svg"),
        ("glass.svg", "", "not-allowed.svg"),
        ("toiletries.svg", "", "not-allowed.svg"),
        ("plastic-bags.svg", "", "not-allowed.svg"),
        ("razor.svg", "", "locker.svg"),
        ("mobile.svg", "", "locker.svg"),
        ("scissors.svg", "", "locker.svg"),
        ("cans.svg", "", "locker.svg"),
        ("locker.svg", "A padlock and a key", ""),
        ("no-smoking.svg", "", ""),
    ]


def test_a_picture_that_does_not_repeat_its_sentence_is_described_by_what_it_shows() -> None:
    about = _pictures(_easy_read(sample_site(), "example-valley-nhs-ft/heron-ward"), "about")
    assert about == [
        ("hospital.svg", "", "", "Heron Ward is a mental health ward in hospital."),
        ("hospital.svg", "A hospital building", "", "It is for people who are very unwell with their mental health."),
        ("hospital.svg", "A hospital building", "", "It is for adults."),
        ("hospital.svg", "A hospital building", "", "Example Valley NHS Foundation Trust runs the ward."),
    ]
    assert set(SYMBOLS[name].alt("") for name in SYMBOLS) >= {"Weighing scales, a sign for the law", "A syringe"}


@pytest.mark.parametrize(
    ("thing", "picture"),
    [
        ("glasses, hearing aids and dentures, with their cases", "glasses"),
        ("glass bottles, jars and mirrors", "glass"),
        ("shoes without laces", "shoes"),
        ("belts, laces and cords", "cords"),
        ("phone numbers and addresses of people you want to keep in touch with", "contacts"),
        ("long phone cables", "cords"),
        ("a phone and a short charger", "mobile"),
        ("toiletries (no spray cans or glass)", "toiletries"),
        ("medicines, including baby medicines", "medicines"),
        ("a pram or a car seat", "baby"),
        ("your communication passport or hospital passport", "documents"),
        ("hair straighteners", "bag"),
    ],
)
def test_a_thing_gets_the_picture_of_the_first_kind_its_words_name(thing: str, picture: str) -> None:
    assert kind_symbol(thing, "bag") == picture


def test_the_pictures_are_from_openmoji_with_their_licence_recorded_beside_them_and_credited_on_the_page() -> None:
    folder = theme.STATIC_DIR / "images" / "easy-read"
    notice = (folder / "NOTICE.txt").read_text(encoding="utf-8")
    assert "OpenMoji 17.0.0" in notice and "CC BY-SA 4.0" in notice
    files = {s.file for s in SYMBOLS.values()}
    assert files == {p.name for p in folder.glob("*.svg")}
    for file in files:
        assert re.search(rf"^{re.escape(file)} +OpenMoji [0-9A-F-]+ ", notice, re.MULTILINE), file
        svg = (folder / file).read_text(encoding="utf-8")
        assert "<script" not in svg and "href" not in svg, file
    credit = _easy_read(sample_site(), "example-valley-nhs-ft/heron-ward").select_one(".easy-read__credit")
    assert [a["href"] for a in credit.find_all("a")] == [
        "https://openmoji.org/",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ]


def test_the_words_we_use_box_explains_each_hard_word_the_page_uses_and_no_other() -> None:
    heron = _easy_read(sample_site(), "example-valley-nhs-ft/heron-ward")
    box = heron.select_one("section.easy-read__words")
    assert box.h2.get_text() == "Words we use"
    words = [dt.get_text() for dt in box.select("dt")]
    assert words == ["Advocate", "Detained", "Section", "Tribunal", "Solicitor", "Interpreter", "PALS", "Complaint"]
    text = " ".join(_sentence(p) for p in _points(heron))
    for word in words:
        assert word.lower() in text.lower(), word
    assert box.select_one("dt:-soup-contains('Tribunal') + dd").get_text() == (
        "A group of people from outside the hospital. They can decide that you can leave."
    )
    cedar_words = [
        dt.get_text() for dt in _easy_read(sample_site(), "brightwater-care/cedar-ward").select(".easy-read__words dt")
    ]
    assert "PALS" not in cedar_words and "PALS" not in " ".join(
        _sentence(p) for p in _points(_easy_read(sample_site(), "brightwater-care/cedar-ward"))
    )
    for slug in SAMPLE_WARD_PATHS:
        for dd in _easy_read(sample_site(), slug).select(".easy-read__words dd"):
            for sentence in re.split(r"(?<=[.?!])\s+", dd.get_text()):
                assert len(sentence.split()) <= 15, (slug, sentence)


def test_the_easy_read_page_gives_the_address_and_how_to_get_there() -> None:
    soup = _easy_read(sample_site(), "example-valley-nhs-ft/heron-ward")
    assert [sentence for _, _, _, sentence in _pictures(soup, "where")] == [
        "The address is:",
        "Buses 8 and 111 stop at Larkfield Road.",
        "Buses 8, 22 and X4 stop at Example General Hospital main entrance.",
        "You can come by train.",
        "You can come by car. There is parking.",
        "The full page tells you how to get here.",
    ]
    where = soup.find("h2", id="where").find_next("ul")
    assert where.select("a")[-1]["href"] == "../#getting-here"
    assert list(where.select_one("address").stripped_strings) == [
        "Heron Ward",
        "Larkfield Unit, Example General Hospital",
        "1 Example Road",
        "Exampleton",
        "ZZ1 2AB",
    ]


def test_sentences_are_short_with_about_fifteen_words_or_fewer() -> None:
    for slug in SAMPLE_WARD_PATHS:
        for point in _points(_easy_read(sample_site(), slug)):
            for sentence in re.split(r"(?<=[.?!])\s+", _sentence(point)):
                assert len(sentence.split()) <= 15, (slug, sentence)


def test_the_sections_cover_what_matters_most_in_a_fixed_order() -> None:
    headings = [
        h.get_text(strip=True)
        for h in _easy_read(sample_site(), "example-valley-nhs-ft/heron-ward").select(".easy-read h2")
    ]
    assert headings == [
        "About this ward",
        "Who the ward is for",
        "How to phone the ward",
        "Where the ward is",
        "Visiting",
        "What to bring",
        "What is not allowed",
        "Your rights",
        "Who can help you",
        "How to complain",
        "When we checked this page",
        "Words we use",
        "More information",
    ]


def test_the_facts_come_from_the_wards_own_data() -> None:
    soup = _easy_read(sample_site(), "example-valley-nhs-ft/heron-ward")
    sentences = [_sentence(p) for p in _points(soup)]
    assert "This ward is for women aged 18 to 65." in sentences
    assert "Phone the ward on 01632 960101." in sentences
    assert "You can visit every day, 1pm to 5pm and 6pm to 7:45pm." in sentences  # tea time taken out
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
    result = load_catalogue(SAMPLE_WARDS)
    provider = next(
        p for p in result.catalogue.providers if any(w.key == "example-valley-nhs-ft/heron-ward" for w in p.wards)
    )
    entry = next(w for w in provider.wards if w.key == "example-valley-nhs-ft/heron-ward")
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
    current = _easy_read(sample_site(), "example-valley-nhs-ft/heron-ward").select_one("[data-ward-overdue-banner]")
    overdue = _easy_read(overdue_site(), "example-valley-nhs-ft/heron-ward").select_one("[data-ward-overdue-banner]")
    assert current.has_attr("hidden")
    assert not overdue.has_attr("hidden")
    assert "Warning: this page may be out of date." in " ".join(overdue.get_text(" ").split())
    assert current["data-next-review-due"] == "2027-10-14"  # the reader's browser shows it after this date


def test_an_overdue_ward_says_when_it_should_have_been_checked_not_that_it_will_be() -> None:
    def checked(site: Path) -> list[str]:
        soup = _easy_read(site, "example-valley-nhs-ft/heron-ward")
        return [_sentence(p) for p in soup.select("#checked + ul li")]

    assert checked(sample_site())[-1] == "They will check it again by 14 October 2027."
    assert checked(overdue_site())[-1] == "They should have checked it again by 14 October 2027."


def test_a_page_read_after_its_review_date_says_in_the_browser_when_they_should_have_checked_it() -> None:
    built = sample_site() / "wards" / "example-valley-nhs-ft" / "heron-ward" / "easy-read" / "index.html"
    html = built.read_text(encoding="utf-8")
    assert html.count('data-next-review-due="2027-10-14"') == 2  # the banner and the sentence
    # As read on a day after 14 October 2027: the page's dates moved back instead of the browser's clock.
    late = built.with_name("test-read-late.html")
    late.write_text(html.replace('data-next-review-due="2027-10-14"', 'data-next-review-due="2000-01-01"'))
    try:
        shown = run_in_browser(
            late,
            "var p = document.querySelectorAll('#checked + ul li p');"
            "report([p[p.length - 1].textContent, document.querySelector('[data-ward-overdue-banner]').hidden]);",
        )
    finally:
        late.unlink()
    assert shown == ["They should have checked it again by 14 October 2027.", False]


def test_provider_text_is_escaped_on_the_easy_read_page(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(SAMPLE_WARDS, wards)
    ward_file = wards / "example-valley-nhs-ft" / "heron-ward.yaml"
    text = ward_file.read_text(encoding="utf-8")
    ward_file.write_text(
        text.replace("    - clothes for about a week\n", '    - "<script>alert(1)</script> socks"\n'), encoding="utf-8"
    )
    site = build_site(tmp_path / "site", wards=wards)
    html = (site / "wards" / "example-valley-nhs-ft" / "heron-ward" / "easy-read" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<script>alert(1)</script>" not in html
    assert "Bring &lt;script&gt;alert(1)&lt;/script&gt; socks." in html


def test_the_page_is_one_html_block_with_front_matter() -> None:
    result = load_catalogue(SAMPLE_WARDS)
    provider = result.catalogue.providers[0]
    markdown = render_easy_read_page(provider, provider.wards[0], TODAY, 28)
    assert markdown.startswith("---\ntitle: ")
    body = markdown.split("---\n", 2)[2]
    assert "\n\n" not in body.strip()  # a blank line would end the HTML block and let Markdown in


@pytest.mark.parametrize(
    ("key", "sentence"),
    [
        ("brightwater-care/maple-house", "Children can visit on the ward."),
        ("brightwater-care/harbour-view", "Children can visit in a family room, not on the ward."),
        ("brightwater-care/cedar-ward", "Children cannot visit on the ward. Phone to ask about other ways."),
    ],
)
def test_what_children_can_do_follows_the_wards_visiting_facts(key: str, sentence: str) -> None:
    sentences = [_sentence(p) for p in _points(_easy_read(sample_site(), key))]
    assert sentence in sentences
