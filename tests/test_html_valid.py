"""Every page of the sample site is valid HTML: no errors from the Nu Html Checker."""

from __future__ import annotations

from tests.html_checker import html_errors
from tests.inspector_sites import sample_site
from tests.sitebuild import page


def test_every_page_of_the_sample_site_has_no_html_errors() -> None:
    pages = sorted(sample_site().rglob("*.html"))
    assert len(pages) > 40
    errors = [f"{m['url'].rsplit('/site/', 1)[-1]}: {m['message']}" for m in html_errors(pages)]
    assert errors == []


def test_the_checker_finds_errors_in_invalid_html(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="en"><title>x</title><input type="checkbox" autocomplete="off">'
        '<label tabindex="">a</label></html>',
        encoding="utf-8",
    )
    messages = [m["message"] for m in html_errors([bad])]
    assert len(messages) == 2
    assert messages[0].startswith("Attribute “autocomplete” is only allowed when the input type is")
    assert messages[1].startswith("Bad value “” for attribute “tabindex” on element “label”")


def test_a_ward_pages_navigation_regions_each_have_their_own_name() -> None:
    soup = page(sample_site(), "wards/example-valley-nhs-ft/heron-ward/")
    names = []
    for nav in soup.select("nav"):
        labelled_by = nav.get("aria-labelledby")
        names.append(nav.get("aria-label") or " ".join(soup.find(id=labelled_by).get_text().split()))
    assert len(names) == len(set(names)), names
    assert "On this page" in names and "Contents" in names  # the page's own list, and the theme's side list
