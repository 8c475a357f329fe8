"""Every phone number, email address and web address a reader meets is a link they can tap,
including the ones providers write inside sentences (the CQC's, the Ombudsman's, PALS's...)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.inspector_sites import sample_site
from tests.sitebuild import page
from wardsite.render.contact_links import Piece, contact_pieces
from wardsite.render.environment import paras

# What a reader would recognise as a number or an address in running text.
LOOKS_LIKE_CONTACT = re.compile(
    r"(?:\+44|\b0)\d{2,4}[ \d]{6,10}\d\b|[\w.+-]+@[\w-]+\.[\w.-]+|https?://\S+|\bwww\.\S+",
)


def _reader_pages() -> list[str]:
    site = sample_site()
    return sorted(
        str(path.parent.relative_to(site)) + "/"
        for folder in ("wards", "providers")
        for path in (site / folder).rglob("index.html")
    )


def test_a_sentence_is_cut_into_plain_text_and_links_to_each_number_email_and_web_address() -> None:
    text = (
        "Phone the CQC on 03000 616161 or +44 (0)1632 960 123, email patient.experience@example.com, "
        "or see https://example.org/give-feedback. Or www.example.nhs.uk."
    )
    assert contact_pieces(text) == (
        Piece("Phone the CQC on "),
        Piece("03000 616161", "tel:03000616161"),
        Piece(" or "),
        Piece("+44 (0)1632 960 123", "tel:+441632960123"),
        Piece(", email "),
        Piece("patient.experience@example.com", "mailto:patient.experience@example.com"),
        Piece(", or see "),
        Piece("https://example.org/give-feedback", "https://example.org/give-feedback"),
        Piece(". Or "),
        Piece("www.example.nhs.uk", "https://www.example.nhs.uk"),
        Piece("."),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Reviewed on 2026-10-14 for women aged 18 to 65.",
        "Up to 3 visitors, bus 12 and 14, 1pm to 7:45pm.",
        "Ward 36, room 101, 8 beds.",
        "javascript:alert(1) and mailto:nobody and ftp://example.org/file",
        "name@localhost is not an address; nor is @example.org",
    ],
)
def test_dates_times_counts_and_other_schemes_are_never_made_into_links(text: str) -> None:
    assert contact_pieces(text) == (Piece(text),)


def test_a_number_that_runs_into_another_figure_links_only_the_phone_number() -> None:
    assert contact_pieces("Phone 0300 123 4567 2 times") == (
        Piece("Phone "),
        Piece("0300 123 4567", "tel:03001234567"),
        Piece(" 2 times"),
    )


def test_linked_provider_text_is_escaped_and_cannot_break_out_of_the_link() -> None:
    html = str(paras('See https://example.org/a"onmouseover="alert(1)"<b>x</b> & phone 01632 960101.'))
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == ["https://example.org/a", "tel:01632960101"]
    assert all(set(a.attrs) == {"href"} for a in soup.find_all("a"))
    assert soup.find("b") is None
    assert soup.get_text() == 'See https://example.org/a"onmouseover="alert(1)"<b>x</b> & phone 01632 960101.'


def test_the_cqc_and_ombudsman_phone_numbers_and_web_addresses_on_a_ward_page_are_links() -> None:
    section = page(sample_site(), "wards/example-valley-nhs-ft/heron-ward/").select_one(".ward-section--feedback")
    links = {a.get_text(strip=True): a["href"] for a in section.find_all("a")}
    assert links["020 7946 0100"] == "tel:02079460100"
    assert links["020 7946 0200"] == "tel:02079460200"
    assert links["https://example.org/cqc-give-feedback"] == "https://example.org/cqc-give-feedback"


def test_an_email_address_written_in_a_sentence_is_a_mailto_link() -> None:
    soup = page(sample_site(), "wards/brightwater-care/cedar-ward/")
    links = [a["href"] for a in soup.select("article a") if a.get_text(strip=True) == "patient.experience@example.com"]
    assert links and set(links) == {"mailto:patient.experience@example.com"}


def test_no_ward_easy_read_or_provider_page_shows_a_number_or_address_that_is_not_a_link() -> None:
    unlinked = []
    for url in _reader_pages():
        article = page(sample_site(), url).select_one("article")
        for text in article.find_all(string=True):
            if text.find_parent(["a", "script", "style"]):
                continue
            unlinked += [(url, m.group()) for m in LOOKS_LIKE_CONTACT.finditer(text)]
    assert len(_reader_pages()) > 16
    assert unlinked == []
