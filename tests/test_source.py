"""Reading one YAML file: every scalar stays text, structure problems are collected, never raised."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from wardsite.problems import Mark
from wardsite.source import reader as source_module
from wardsite.source.reader import MAX_FILE_BYTES, Source, is_nhs_number, nhs_number_offsets, parse_text, read_source


def parsed(text: str) -> Source:
    source = Source("ward.yaml")
    parse_text(text, source)
    return source


def messages(source: Source) -> list[str]:
    return [f"{p.line}:{p.column} {p.path}: {p.message}" for p in source.problems]


# --- every scalar is text -----------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "no",
        "yes",
        "on",
        "off",
        "01234567",
        "012",
        "0x1F",
        "1e3",
        "12:30",
        "2026-06-10",
        "01632960123",
        "true",
        ".inf",
        "1_000",
    ],
)
def test_a_plain_value_is_kept_exactly_as_written(written: str) -> None:
    assert parsed(f"value: {written}\n").data == {"value": written}


@pytest.mark.parametrize("written", ["", "~", "null", "Null", "NULL"])
def test_an_unquoted_empty_or_null_value_means_nothing(written: str) -> None:
    assert parsed(f"value: {written}\n").data == {"value": None}


def test_a_quoted_empty_value_is_empty_text_not_nothing() -> None:
    assert parsed('value: ""\nother: "null"\n').data == {"value": "", "other": "null"}


def test_each_field_and_list_item_is_marked_with_its_line_and_column() -> None:
    source = parsed("name: Heron\nsite:\n  lines:\n    - one\n    - two\n")
    assert source.marks[("site", "lines")] == Mark("ward.yaml", 3, 3)
    assert source.marks[("site", "lines", 1)] == Mark("ward.yaml", 5, 7)


def test_the_mark_of_a_missing_field_is_its_closest_written_parent() -> None:
    source = parsed("site:\n  name: Example Unit\n")
    assert source.mark(("site", "ods_site_code")) == Mark("ward.yaml", 1, 1)
    assert source.mark(("nowhere", "at_all")) == Mark("ward.yaml", 1, 1)


# --- structure ----------------------------------------------------------------------


def test_a_duplicate_key_is_reported_at_the_second_one_and_names_the_first_line() -> None:
    source = parsed("beds: 12\nname: Heron\nbeds: 14\n")
    assert messages(source) == ["3:1 beds: `beds` appears twice here (first on line 1)."]
    assert source.data == {"beds": "12", "name": "Heron"}


def test_a_duplicate_key_inside_a_group_is_reported_with_its_full_path() -> None:
    source = parsed("who_for:\n  sex: male\n  sex: female\n")
    assert messages(source) == ["3:3 who_for.sex: `sex` appears twice here (first on line 2)."]


def test_a_group_used_as_a_field_name_is_reported() -> None:
    source = parsed("? [a, b]\n: value\n")
    assert [p.message for p in source.problems] == ["a field name must be a single word, not a list or group."]


def test_an_alias_is_never_expanded_into_shared_data() -> None:
    source = parsed("a: &x [1, 2]\nb: *x\n")
    assert source.data == {"a": ["1", "2"], "b": None}
    assert len(source.problems) == 2


def test_a_billion_laughs_document_is_reported_quickly_without_being_expanded() -> None:
    lines = ['l0: &l0 "lol"'] + [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 30) + "]" for i in range(1, 12)]
    started = time.perf_counter()
    source = parsed("\n".join(lines))
    assert time.perf_counter() - started < 2
    assert len(source.problems) == 12 + 11  # each anchor, and each line of aliases once


def test_a_yaml_tag_that_changes_nothing_is_allowed() -> None:
    source = parsed("beds: !!str 12\n")
    assert source.problems == []
    assert source.data == {"beds": "12"}


def test_fields_nested_too_deeply_are_reported_instead_of_exhausting_the_stack() -> None:
    source = parsed("".join(f"{'  ' * depth}level{depth}:\n" for depth in range(60)))
    assert messages(source) == ["50:99 : the fields are nested more than 50 levels deep."]


def test_thousands_of_nested_brackets_are_a_problem_not_a_crash() -> None:
    assert len(parsed("a: " + "[" * 5000 + "]" * 5000).problems) == 1


def test_a_file_that_is_only_a_document_marker_has_no_fields() -> None:
    assert messages(parsed("---\n...\n")) == ["1:1 : the file has no fields in it."]


def test_a_leading_document_marker_is_allowed() -> None:
    source = parsed("---\nname: Heron\n")
    assert source.problems == []
    assert source.data == {"name": "Heron"}


def test_an_unclosed_quote_is_reported_where_the_quote_opens_not_at_the_end_of_the_file() -> None:
    source = parsed('name: "Heron\nbeds: 12\nsite: x\n')
    assert (source.problems[0].line, source.problems[0].column) == (1, 7)


def test_windows_line_endings_give_the_same_lines_as_unix_ones() -> None:
    source = parsed("name: Heron\r\nbeds: 12\r\nbeds: 13\r\n")
    assert messages(source) == ["3:1 beds: `beds` appears twice here (first on line 2)."]


# --- reading bytes ------------------------------------------------------------------


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "ward.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: Heron\n")
    source = read_source(path, "ward.yaml")
    assert source.problems == []
    assert source.data == {"name": "Heron"}


def test_a_file_of_exactly_the_size_limit_is_read_but_one_byte_more_is_not(tmp_path: Path) -> None:
    path = tmp_path / "ward.yaml"
    body = b"name: Heron\n"
    path.write_bytes(body + b"#" * (MAX_FILE_BYTES - len(body)))
    assert read_source(path, "ward.yaml").problems == []
    path.write_bytes(body + b"#" * (MAX_FILE_BYTES - len(body) + 1))
    assert [p.message for p in read_source(path, "ward.yaml").problems] == [
        "the file is 1,000,001 bytes, over the limit of 1,000,000."
    ]


def test_a_byte_that_is_not_utf8_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "ward.yaml"
    path.write_bytes(b"name: Heron\nsite: Caf\xe9\n")
    problems = read_source(path, "ward.yaml").problems
    assert [(p.line, p.column, p.message) for p in problems] == [(2, 10, "byte 0xe9 is not UTF-8 text.")]


def test_a_file_that_cannot_be_read_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    problems = read_source(tmp_path / "missing.yaml", "missing.yaml").problems
    assert len(problems) == 1
    assert problems[0].message.startswith("could not read the file")


# --- NHS numbers --------------------------------------------------------------------


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919"])
def test_an_nhs_number_with_a_valid_check_digit_is_recognised(number: str) -> None:
    assert is_nhs_number(number)


@pytest.mark.parametrize("number", ["9434765918", "943476591", "94347659190", "4000000080"])
def test_a_ten_digit_number_with_the_wrong_check_digit_is_not_an_nhs_number(number: str) -> None:
    # 400000008 gives a check digit of 10, which no NHS number can have.
    assert not is_nhs_number(number)


@pytest.mark.parametrize(
    "text",
    [
        "1-9434765919",  # a CQC ID whose digits would pass the check
        "1-000000102",
        "943 476 59190",  # glued to more digits: part of a longer number
        "19434765919",
        "+44 191 498 0999",  # a phone number with the country code (the digits pass the check)
        "+44 (0)191 498 0999",
        "0044 191 498 0999",
        "(0)191 498 0999",
    ],
)
def test_cqc_ids_phone_numbers_and_longer_numbers_are_not_nhs_numbers(text: str) -> None:
    assert nhs_number_offsets(text) == []


def _drama_phone_numbers() -> list[str]:
    """Every Ofcom drama number for the 01632 area, in the ways people write phone numbers."""
    numbers = []
    for n in range(1000):
        local = f"960{n:03d}"
        numbers += [
            f"01632 {local}",
            f"01632{local}",
            f"+44 1632 {local}",
            f"+441632{local}",
            f"(01632) {local}",
            f"01632 {local[:3]} {local[3:]}",
        ]
    return numbers


def test_no_drama_range_phone_number_is_mistaken_for_an_nhs_number() -> None:
    assert [n for n in _drama_phone_numbers() if nhs_number_offsets(n)] == []


def test_an_nhs_number_is_found_wherever_it_is_in_the_text() -> None:
    assert nhs_number_offsets("Ref 943 476 5919, and ref-9434765919.") == [4, 26]


def test_an_nhs_number_in_a_folded_paragraph_is_reported_at_its_own_line_and_column() -> None:
    source = parsed("description: >-\n  First line.\n  Patient 943 476 5919 was here.\n")
    assert messages(source) == [
        "3:11 description: this looks like an NHS number. Never publish information that identifies a patient."
    ]


def test_two_nhs_numbers_in_one_value_are_both_reported() -> None:
    source = parsed("note: 943 476 5919 and 943-476-5919\n")
    assert [(p.line, p.column) for p in source.problems] == [(1, 7), (1, 24)]


def test_an_nhs_number_used_as_a_field_name_is_reported_without_printing_it() -> None:
    source = parsed("9434765919: admitted\n")
    assert len(source.problems) == 1
    assert "9434765919" not in source.problems[0].format()


# --- the pure-Python reader agrees with libyaml's ----------------------------------

GOLDEN_AND_FIXTURES = sorted((Path(__file__).parent / "golden" / "invalid").glob("*.yaml")) + sorted(
    (Path(__file__).parent / "fixtures").rglob("*.yaml")
)


@pytest.mark.parametrize("path", GOLDEN_AND_FIXTURES, ids=lambda p: p.name)
def test_the_pure_python_reader_gives_the_same_data_marks_and_problems_as_libyaml(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def result(source: Source) -> tuple[object, ...]:
        # Syntax-error wording differs a little between the two parsers; places and fixes do not.
        return source.data, source.marks, [(p.line, p.column, p.path, p.fix) for p in source.problems]

    with_libyaml = read_source(path, path.name)
    monkeypatch.setattr(source_module, "_Loader", source_module._PyLoader)
    assert result(read_source(path, path.name)) == result(with_libyaml)


FILE_WITH_LISTS = """\
name: x
staffing:
  planned_per_shift:
    shifts:
      - shift: early
        registered_nurses: 2
      - shift: late
        support_workers: {3
}
"""


@pytest.mark.parametrize(
    ("line", "path"),
    [
        (0, ("name",)),
        (3, ("staffing", "planned_per_shift", "shifts")),
        (4, ("staffing", "planned_per_shift", "shifts", 0, "shift")),
        (7, ("staffing", "planned_per_shift", "shifts", 1, "support_workers")),
        (8, ()),
    ],
)
def test_the_field_of_a_line_is_told_from_the_indenting_above_it(line: int, path: tuple) -> None:
    assert source_module.field_on_line(FILE_WITH_LISTS, line) == path
