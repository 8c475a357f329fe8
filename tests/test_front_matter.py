"""Page metadata is written by a YAML serialiser: any text reads back as itself, and can never end the block."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape
from mkdocs.utils.meta import get_data

from wardsite.render.environment import HTML_TOC, front_matter

# Any character but a lone surrogate (which no UTF-8 file holds and the reader refuses as an escape), with
# the ones that broke pages made likely.
BREAKERS = list("\x00\x1b\x7f\x85\x9f\u2028\u2029\ufeff\ufffe\uffff\u202e\u200b\r\n\t:#-'\"{}[]&*!|>%@`")
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(BREAKERS), max_size=80)


@settings(max_examples=300, deadline=None)
@given(title=any_text, description=any_text, heading=any_text)
def test_any_text_in_page_metadata_reads_back_as_itself_through_mkdocs(
    title: str, description: str, heading: str
) -> None:
    page = front_matter(title=title, description=description, **{HTML_TOC: [["id", heading]]}) + "<p>body</p>\n"
    body, meta = get_data(page)
    assert meta == {"title": str(escape(title)), "description": str(escape(description)), HTML_TOC: [["id", heading]]}
    assert body == "<p>body</p>\n"


@pytest.mark.parametrize("breaker", ["\u2028", "\u2029", "\x85", "\x7f", "\ufffe", "\n---\n", "\r"])
def test_a_title_holding_a_line_break_or_control_character_keeps_the_metadata_readable(breaker: str) -> None:
    body, meta = get_data(front_matter(title=f"Heron{breaker}Ward", html_toc=[]) + "<p>x</p>\n")
    assert meta == {"title": f"Heron{breaker}Ward", "html_toc": []}
    assert body == "<p>x</p>\n"
