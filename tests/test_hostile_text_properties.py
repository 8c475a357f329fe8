"""Arbitrary Unicode in every provider field, through the real builder, gives only the markup the templates write.

Each example writes the sample ward with the same text in every free-text field as a YAML file,
loads it as the site does (reader, model, rules), renders every page, and reads each page the way
MkDocs does: its metadata with MkDocs' own reader (which must parse), its body as HTML when the
page says it is HTML only, else through Markdown with the site's extensions. Either the file is
refused with problems (invisible characters among them, whenever the text holds one), or every
element and attribute on every page is one the sample site's pages already have.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from mkdocs.utils.meta import get_data

from tests.sitebuild import SAMPLE_WARDS
from tests.test_injection import _merged_sample_ward, _set, poisoned_ward
from wardsite.loading.catalogue import load_catalogue
from wardsite.problems import errors
from wardsite.render.environment import HTML_TOC
from wardsite.site.generate import render_site
from wardsite.source.characters import hidden_in_value

TODAY = dt.date(2026, 11, 26)
PROVIDER = "example-valley-nhs-ft"
MARKDOWN = {"extensions": ["attr_list", "toc"]}  # as mkdocs.yml sets them
SAFE_SCHEMES = ("https:", "http:", "mailto:", "tel:", "#", "../", "./", "/")
_, FREE_TEXT_FIELDS = poisoned_ward()  # every field that accepts free text


def _pages_as_mkdocs_reads_them(pages: dict[str, str]) -> dict[str, tuple[dict, BeautifulSoup]]:
    read = {}
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        body, meta = get_data(text)
        assert meta.get("title") is not None, f"{path}: its metadata did not parse"
        html = body if HTML_TOC in meta else markdown.markdown(body, **MARKDOWN)
        read[path] = (meta, BeautifulSoup(html, "html.parser"))
    return read


def _markup(read: dict[str, tuple[dict, BeautifulSoup]]) -> set[tuple[str, str]]:
    return {(tag.name, attr) for _, soup in read.values() for tag in soup.find_all(True) for attr in ["", *tag.attrs]}


def _site(wards: Path) -> dict[str, str]:
    result = load_catalogue(wards)
    assert not errors(result.problems), [p.format() for p in result.problems]
    return render_site(result.catalogue, TODAY)


def _sample_wards(root: Path, *only: str) -> Path:
    wards = root / "wards"
    if only:
        (wards / PROVIDER).mkdir(parents=True)
        for name in only:
            shutil.copy(SAMPLE_WARDS / PROVIDER / name, wards / PROVIDER / name)
    else:
        shutil.copytree(SAMPLE_WARDS / PROVIDER, wards / PROVIDER)
    return wards


with tempfile.TemporaryDirectory() as _folder:
    ALLOWED = _markup(_pages_as_mkdocs_reads_them(_site(_sample_wards(Path(_folder)))))

# Any character but a lone surrogate (which no UTF-8 file can hold), with the ones that broke pages, markup
# and YAML made likely; half the examples keep to visible characters, so the pages get built and looked at.
BREAKERS = list("\x00\x1b\x7f\x85\x9f\u2028\u2029\ufeff\ufffe\u202e\u200b\r\t")
MARKUP = list("<>&\"'`[]()*_#!{}:|-=%\n")
PAYLOADS = ["{onerror=alert(1)}", "javascript:alert(1)", "![a](x){onerror=alert(1)}", "[a](javascript:x)", "<script>"]
PAYLOADS += ["\n---\n", "<!--", "-->", "&amp;", "{{ 7*7 }}", "\n\n    indented\n", "\n# heading\n", "<div markdown=1>"]
visible = st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn"))
anything = st.characters(blacklist_categories=("Cs",))


def _text(alphabet: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    pieces = st.one_of(st.text(alphabet=alphabet, min_size=1, max_size=10), st.sampled_from(PAYLOADS))
    return st.lists(pieces, min_size=1, max_size=6).map("".join)


hostile_text = st.one_of(_text(visible | st.sampled_from(MARKUP)), _text(anything | st.sampled_from(BREAKERS + MARKUP)))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text)
def test_arbitrary_unicode_in_every_field_gives_problems_or_pages_with_only_the_templates_markup(text: str) -> None:
    ward = _merged_sample_ward()
    for path in FREE_TEXT_FIELDS:
        _set(ward, path, text)
    with tempfile.TemporaryDirectory() as folder:
        wards = _sample_wards(Path(folder), "provider.yaml")
        written = yaml.safe_dump(ward, allow_unicode=True, sort_keys=False)
        (wards / PROVIDER / "heron-ward.yaml").write_text(written, encoding="utf-8")
        result = load_catalogue(wards)
        refused = errors(result.problems)
        if hidden_in_value(text):
            assert any("invisible character" in p.message or "tab character" in p.message for p in refused)
        event("refused" if refused else "built")
        if refused:
            assert all(p.line >= 1 and p.column >= 1 and p.file.startswith("wards/") for p in refused)
            return
        read = _pages_as_mkdocs_reads_them(render_site(result.catalogue, TODAY))
    assert _markup(read) <= ALLOWED
    for _meta, soup in read.values():
        for tag in soup.find_all(href=True) + soup.find_all(src=True):
            address = str(tag.get("href") or tag.get("src")).strip().lower()
            assert address.startswith(SAFE_SCHEMES) or ":" not in address.split("/", 1)[0], address
    meta, soup = read["wards/example-valley-nhs-ft/heron-ward/index.md"]
    assert meta["title"].startswith(str(escape(text.strip())) + " (")  # the provider and town follow the name
    assert soup.find("h1").get_text() == text.strip()
