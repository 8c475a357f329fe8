"""Invisible characters in a ward file (control codes, separators, bidi and zero-width marks, noncharacters)
are errors at their own line and column, under their field, wherever and however they are written."""

from __future__ import annotations

import pytest

from wardsite.source.reader import Source, parse_text

# The class, not one example: every kind that once broke a page or can hide text from a reader.
INVISIBLE = {
    "\x00": "U+0000 (NULL)",
    "\x08": "U+0008 (a control character)",
    "\x1b": "U+001B (ESCAPE)",
    "\x1f": "U+001F (a control character)",
    "\x7f": "U+007F (DELETE)",
    "\x80": "U+0080 (a control character)",
    "\x85": "U+0085 (NEXT LINE)",
    "\x9f": "U+009F (a control character)",
    "\u00ad": "U+00AD (SOFT HYPHEN)",
    "\u200b": "U+200B (ZERO WIDTH SPACE)",
    "\u200d": "U+200D (ZERO WIDTH JOINER)",
    "\u200f": "U+200F (RIGHT-TO-LEFT MARK)",
    "\u2028": "U+2028 (LINE SEPARATOR)",
    "\u2029": "U+2029 (PARAGRAPH SEPARATOR)",
    "\u202e": "U+202E (RIGHT-TO-LEFT OVERRIDE)",
    "\u2066": "U+2066 (LEFT-TO-RIGHT ISOLATE)",
    "\u2060": "U+2060 (WORD JOINER)",
    "\ufeff": "U+FEFF (ZERO WIDTH NO-BREAK SPACE)",
    "\ufdd0": "U+FDD0 (a noncharacter)",
    "\ufffe": "U+FFFE (a noncharacter)",
    "\uffff": "U+FFFF (a noncharacter)",
    "\U0001fffe": "U+1FFFE (a noncharacter)",
    "\U000e0001": "U+E0001 (LANGUAGE TAG)",
}


def parsed(text: str) -> Source:
    source = Source("ward.yaml")
    parse_text(text, source)
    return source


def found(source: Source) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.path, p.message) for p in source.problems]


@pytest.mark.parametrize("char", sorted(INVISIBLE), ids=lambda c: f"U+{ord(c):04X}")
def test_an_invisible_character_typed_into_text_is_an_error_at_its_place_under_its_field(char: str) -> None:
    source = parsed(f"name: Heron Ward\ncontact:\n  ward_phone: 01632 960123\nquick_read: Call us{char} first.\n")
    assert found(source) == [
        (
            4,
            20,
            "quick_read",
            f"there is an invisible character here, {INVISIBLE[char]}, which can hide or change the text.",
        )
    ]
    assert source.problems[0].fix.startswith("Delete it:")
    assert source.data is None


@pytest.mark.parametrize("char", sorted(INVISIBLE), ids=lambda c: f"U+{ord(c):04X}")
def test_an_invisible_character_in_a_block_of_text_or_a_field_name_is_found_on_its_own_line(char: str) -> None:
    source = parsed(f"name: Heron\ndescription: |\n  First line.\n  Sec{char}ond line.\nsi{char}te: x\n")
    assert found(source) == [
        (
            4,
            6,
            "description",
            f"there is an invisible character here, {INVISIBLE[char]}, which can hide or change the text.",
        ),
        (
            5,
            3,
            "",
            f"there is an invisible character here, {INVISIBLE[char]}, which can hide or change the text.",
        ),
    ]


@pytest.mark.parametrize(
    "escape,char",
    [("\\0", "\x00"), ("\\e", "\x1b"), ("\\x7f", "\x7f"), ("\\N", "\x85"), ("\\L", "\u2028"), ("\\P", "\u2029")]
    + [
        ("\\u202E", "\u202e"),
        ("\\u200b", "\u200b"),
        ("\\uFFFE", "\ufffe"),
        ("\\U0001FFFE", "\U0001fffe"),
        ("\\r", "\r"),
    ],
)
def test_an_invisible_character_written_as_an_escape_is_an_error_at_the_escape(escape: str, char: str) -> None:
    source = parsed(f'name: Heron\nquick_read: "A \\\\ ward.{escape} Visit."\n')
    expected = INVISIBLE.get(char, "U+000D (CARRIAGE RETURN)")
    assert found(source) == [(2, 24, "quick_read", f"this escape writes an invisible character, {expected}.")]
    assert source.problems[0].fix == "Remove the escape (the \\ and the code after it) from the quoted text."


def test_a_tab_inside_a_value_is_an_error_but_a_tab_in_a_comment_is_not() -> None:
    assert found(parsed('name: "Heron\tWard"\nsite: x   #\ta comment\n')) == [
        (1, 13, "name", "there is a tab character inside this text.")
    ]


def test_windows_line_endings_are_ordinary_line_breaks_but_a_lone_carriage_return_is_not() -> None:
    assert parsed("name: Heron\r\nsite: x\r\n").problems == []
    assert found(parsed("name: Heron\rsite: x\n"))[:1] == [
        (
            1,
            12,
            "",  # the stray carriage return breaks the file, so no field is known
            "there is an invisible character here, U+000D (CARRIAGE RETURN), which can hide or change the text.",
        )
    ]


def test_visible_characters_beyond_ascii_are_kept_as_written() -> None:
    text = "name: Café Ward · 10\u00a0am – ‘quoted’ 😀 ﷺ\n"
    source = parsed(text)
    assert source.problems == []
    assert source.data == {"name": "Café Ward · 10\u00a0am – ‘quoted’ 😀 ﷺ"}
