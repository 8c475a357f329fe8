"""Arbitrary provider text, rendered and run through Markdown as the site builder does, adds no markup."""

from __future__ import annotations

import datetime as dt

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sitebuild import SAMPLE_WARDS
from wardsite.loading.catalogue import load_catalogue
from wardsite.render.ward_page import render_ward_page

CATALOGUE = load_catalogue(SAMPLE_WARDS).catalogue
PROVIDER = CATALOGUE.provider("example-valley-nhs-ft")
ENTRY = next(w for w in PROVIDER.wards if w.key == "example-valley-nhs-ft/heron-ward")
TODAY = dt.date(2026, 11, 26)

# Text a provider could type: any printable characters, with markup characters made likely.
provider_text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(list("<>&\"'`[]()*_#!{}\n")),
        min_size=1,
        max_size=200,
    )
    .map(str.strip)
    .filter(bool)
)


def _html(name: str, quick_read: str, description: str) -> BeautifulSoup:
    ward = ENTRY.ward.model_copy(update={"name": name, "quick_read": quick_read, "description": description})
    entry = type(ENTRY)(ENTRY.slug, ENTRY.provider_slug, ward, ENTRY.source_path)
    source = render_ward_page(PROVIDER, entry, TODAY, 28)
    body = source.split("\n---\n", 1)[1]
    return BeautifulSoup(markdown.markdown(body, extensions=["attr_list", "toc"]), "html.parser")


BASELINE_TAGS = {tag.name for tag in _html("Heron Ward", "A ward.", "Aims.").find_all(True)}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=provider_text, quick_read=provider_text, description=provider_text)
def test_arbitrary_text_in_any_field_never_adds_tags_or_attributes(
    name: str, quick_read: str, description: str
) -> None:
    soup = _html(name, quick_read, description)
    assert {tag.name for tag in soup.find_all(True)} <= BASELINE_TAGS
    for tag in soup.find_all(True):
        assert not any(attr.lower().startswith("on") for attr in tag.attrs)
        assert not str(tag.get("href", "")).lower().startswith(("javascript:", "data:"))
    assert soup.find("h1").get_text() == name
