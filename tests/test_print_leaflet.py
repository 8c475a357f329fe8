"""A ward page prints as a leaflet: A4, contact details together on page one, under 10 pages.

Every sample ward page is printed to PDF in Debian's chromium, as a reader's "Print" or "Save as
PDF" does (paper size from the page's own CSS), and the PDF is read back with pypdf. The page
asks for Helvetica or Arial; `make system-deps` installs Liberation Sans, which has Arial's
measurements, so the page count is the one most readers get (with DejaVu Sans it is one more).
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from tests.browser import Task, run_tasks
from tests.inspector_sites import sample_site
from tests.sitebuild import SAMPLE_WARDS, page
from wardsite.loading.catalogue import load_catalogue

A4_MM = (210, 297)
MM_PER_POINT = 25.4 / 72


def _ward_slugs() -> list[str]:
    """Each sample ward's key, ``<provider>/<ward>`` (its page is ``wards/<key>/``)."""
    return sorted(entry.key for entry in load_catalogue(SAMPLE_WARDS).catalogue.wards)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PdfReader]:
    folder = tmp_path_factory.mktemp("printed")
    site = sample_site()
    slugs = _ward_slugs()
    run_tasks(
        [
            Task(
                url=(site / "wards" / slug / "index.html").as_uri(),
                script="return null;",
                pdf=str(folder / f"{slug.replace('/', '--')}.pdf"),
            )
            for slug in slugs
        ]
    )
    return {slug: PdfReader(folder / f"{slug.replace('/', '--')}.pdf") for slug in slugs}


def _words(text: str) -> str:
    return " ".join(text.split())


def test_every_ward_page_prints_on_a4_paper(printed: dict[str, PdfReader]) -> None:
    for slug, pdf in printed.items():
        for sheet in pdf.pages:
            size = (
                round(float(sheet.mediabox.width) * MM_PER_POINT),
                round(float(sheet.mediabox.height) * MM_PER_POINT),
            )
            assert size == A4_MM, slug


def test_the_largest_sample_ward_prints_on_fewer_than_10_pages(printed: dict[str, PdfReader]) -> None:
    site = sample_site()
    lengths = {slug: len(page(site, f"wards/{slug}/").select_one("article").get_text()) for slug in printed}
    largest = max(lengths, key=lengths.__getitem__)
    assert len(printed[largest].pages) < 10, largest
    assert all(len(pdf.pages) < 10 for pdf in printed.values())


def test_page_one_has_the_wards_name_phone_and_address_together(printed: dict[str, PdfReader]) -> None:
    site = sample_site()
    for slug, pdf in printed.items():
        glance = page(site, f"wards/{slug}/")
        name = glance.select_one("h1").get_text(strip=True)
        facts = {
            row.dt.get_text(strip=True): _words(row.dd.get_text(" "))
            for row in glance.select(".ward-glance .ward-facts__row")
        }
        page_one = _words(pdf.pages[0].extract_text())
        assert page_one.startswith(name), slug
        phone = re.match(r"[\d ]+\d", facts["Ward phone"]).group(0)
        assert phone in page_one, slug
        assert facts["Address"] in page_one, slug


PICTURES = """
const images = [...document.querySelectorAll("article img")];
if (matchMedia("screen").matches) {
  /* On screen the photos load lazily: bring each into view and wait until it loads or fails. */
  for (const img of images) {
    img.scrollIntoView();
    await new Promise(resolve => {
      if (img.complete) return resolve();
      img.addEventListener("load", resolve);
      img.addEventListener("error", resolve);
      setTimeout(resolve, 5000);
    });
  }
  /* A picture's state changes before its load or error event is sent; let the events that are
   * already queued reach the page's own script before the pictures are read. */
  await new Promise(resolve => setTimeout(resolve, 200));
}
return images.map(img => ({
  src: img.getAttribute("src"),
  loaded: img.complete && img.naturalWidth > 0,
  broken: img.complete && img.naturalWidth === 0,  /* what shows as a broken-picture sign */
  printed: getComputedStyle(img).display !== "none",
}));
"""


def test_photos_that_cannot_be_loaded_are_not_printed_as_broken_pictures() -> None:
    site = sample_site()
    with_photos = [slug for slug in _ward_slugs() if page(site, f"wards/{slug}/").select(".ward-photos img")]
    assert with_photos, "some sample wards have photos"
    url = (site / "wards" / with_photos[0] / "index.html").as_uri()
    [on_paper, on_screen] = run_tasks(
        [Task(url=url, script=PICTURES, media="print"), Task(url=url, script=PICTURES, media="screen")]
    )
    assert on_paper, "the page has pictures"
    photos = [picture for picture in on_paper if "/photos/" in picture["src"]]
    # The sample photos are at addresses that do not exist.
    assert photos and not any(photo["loaded"] for photo in photos)
    assert [picture for picture in on_paper if picture["printed"] and not picture["loaded"]] == []
    assert [picture for picture in on_screen if picture["printed"] and picture["broken"]] == []
    assert any(picture["broken"] for picture in on_screen)  # a photo did fail to load, and is hidden


def test_a_ward_page_keeps_its_summary_box_whole_and_headings_with_what_follows() -> None:
    url = (sample_site() / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").as_uri()
    [found] = run_tasks(
        [
            Task(
                url=url,
                media="print",
                script="""
const style = selector => getComputedStyle(document.querySelector(selector));
return {glance: style(".ward-glance").breakInside, heading: style("article h3").breakAfter,
        item: style("article li").breakInside, columns: style("article").columnCount};
""",
            )
        ]
    )
    assert found == {"glance": "avoid", "heading": "avoid", "item": "avoid", "columns": "2"}
