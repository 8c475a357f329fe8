"""Property tests: no input, however broken, makes the reader or the loader raise.

Whatever the text, the result is either data or problems (with a line and column inside the
file), never a traceback. Example counts are bounded so the suite stays fast.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURE_PROVIDER
from wardsite.loading.catalogue import load_catalogue
from wardsite.loading.validate import validate_model
from wardsite.model import Ward
from wardsite.problems import Problem
from wardsite.source.characters import hidden_in_value
from wardsite.source.reader import Source, parse_text, read_source

FAST = settings(max_examples=200, deadline=None)

# Pieces that make YAML interesting: indicators, typing surprises, anchors, tags, quotes, NHS numbers.
TOKENS = [
    "name",
    "beds",
    "site",
    "who_for",
    "review",
    "visiting",
    "hours",
    "start",
    "wifi",
    "no",
    "yes",
    "on",
    "~",
    "null",
    "01234567",
    "012",
    "0x1F",
    "1e3",
    "12:30",
    "25:00",
    "2025-02-30",
    "01632 960123",
    "943 476 5919",
    "9434765919",
    "1-000000102",
    "&a",
    "*a",
    "&b",
    "*b",
    "!tag",
    "!!str",
    "!!binary",
    "<<",
    "?",
    "|",
    ">-",
    "[",
    "]",
    "{",
    "}",
    ",",
    '"',
    "'",
    "#",
    "%YAML 1.1",
    "---",
    "...",
    "@",
    "`",
    "\\",
    "é",
    "\u2028",
    "\ufeff",
    "\x00",
    "\t",
]
INDENTS = ["", " ", "  ", "    ", "\t", "- ", "  - ", "? ", ": "]

yaml_ish_line = st.builds(
    lambda indent, key, sep, value, comment: f"{indent}{key}{sep}{value}{comment}",
    st.sampled_from(INDENTS),
    st.sampled_from(TOKENS) | st.text(max_size=8),
    st.sampled_from([": ", ":", " ", "", ": |\n  ", ": >\n   "]),
    st.lists(st.sampled_from(TOKENS) | st.text(max_size=6), max_size=4).map(" ".join),
    st.sampled_from(["", " # note", "  #", ":"]),
)
yaml_ish_text = st.lists(yaml_ish_line, max_size=12).map("\n".join)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), st.sampled_from(TOKENS)
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10) | st.sampled_from(TOKENS), inner, max_size=4)
    ),
    max_leaves=20,
)


def dumped(document: Any, style: str | None, flow: bool) -> str:
    return yaml.safe_dump(document, default_style=style, default_flow_style=flow, allow_unicode=True)


def assert_data_or_problems(source: Source, text: str) -> None:
    if source.problems:
        assert_sensible(source.problems, text.count("\n") + 2)
    else:
        assert isinstance(source.data, dict)
        for path in _paths(source.data):
            assert path in source.marks


def assert_sensible(problems: list[Problem], max_line: int | None = None) -> None:
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        assert max_line is None or problem.line <= max_line
        assert problem.message
        assert problem.format().startswith(f"{problem.file}:{problem.line}:{problem.column}: ")
        assert len(problem.format().splitlines()) == 1, "each problem must print as one line"


def _paths(data: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in items:
        found.append(prefix + (key,))
        found.extend(_paths(value, prefix + (key,)))
    return found


@FAST
@given(st.text())
def test_any_text_gives_data_or_problems_and_never_raises(text: str) -> None:
    source = Source("ward.yaml")
    parse_text(text, source)
    assert_data_or_problems(source, text)


@FAST
@given(yaml_ish_text)
def test_any_yaml_ish_text_gives_data_or_problems_and_never_raises(text: str) -> None:
    source = Source("ward.yaml")
    parse_text(text, source)
    assert_data_or_problems(source, text)


@FAST
@given(documents, st.sampled_from([None, '"', "'", "|"]), st.booleans())
def test_any_dumped_yaml_document_gives_data_or_problems_and_never_raises(
    document: Any, style: str | None, flow: bool
) -> None:
    text = dumped(document, style, flow)
    source = Source("ward.yaml")
    parse_text(text, source)
    assert_data_or_problems(source, text)


@FAST
@given(st.dictionaries(st.text(max_size=12), st.text(max_size=12), min_size=1, max_size=6))
def test_quoted_text_is_read_back_exactly_as_written(document: dict[str, str]) -> None:
    source = Source("ward.yaml")
    parse_text(dumped(document, '"', False), source)
    hidden = any(hidden_in_value(text) for pair in document.items() for text in pair)
    refused = [p.message for p in source.problems if "NHS number" not in p.message]
    # Text that looks like an NHS number, and invisible characters or tabs, are the only things refused.
    assert bool(refused) == hidden
    assert all("invisible character" in m or "tab character" in m for m in refused)
    if not source.problems:
        assert source.data == document


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_in_a_ward_file_give_a_ward_or_problems_and_never_raise(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        wards = Path(folder) / "wards"
        provider = wards / "example-provider"
        provider.mkdir(parents=True)
        (provider / "provider.yaml").write_bytes((FIXTURE_PROVIDER / "provider.yaml").read_bytes())
        (provider / "some-ward.yaml").write_bytes(content)
        source = read_source(provider / "some-ward.yaml", "some-ward.yaml")
        result = load_catalogue(wards)
    assert_sensible(result.problems)
    assert bool(result.problems) or len(result.catalogue.wards) == 1
    assert source.problems or source.data is not None or not content.strip()


WARD_FIELDS = sorted(Ward.model_fields)
values = st.recursive(
    st.none() | st.text(max_size=10) | st.sampled_from(TOKENS + ["acute_adult", "female", "2026-06-10", "13:00"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["name", "start", "end", "days", "single", "sex", "role", "x"]), inner, max_size=3
        )
    ),
    max_leaves=10,
)


@FAST
@given(st.dictionaries(st.sampled_from(WARD_FIELDS + ["vistiing", "x"]), values, max_size=10))
def test_any_ward_shaped_data_validates_or_gives_a_problem_with_a_fix_and_never_raises(data: dict[str, Any]) -> None:
    ward, problems = validate_model(Ward, data, lambda path: Source("ward.yaml").mark(path))
    assert (ward is None) == bool(problems)
    assert_sensible(problems)
    for problem in problems:
        assert problem.fix, problem.format()
