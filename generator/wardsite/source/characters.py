"""Characters a reader cannot see: control codes, line and paragraph separators, bidi and zero-width marks.

They hide, reorder or break text (a right-to-left override shows a different phone number; a
U+2028 once broke a page's metadata), and nobody types them on purpose. So a ward file may
hold none of them, wherever they are written, and quoted text may not write them as escapes.
Ordinary line breaks are allowed here; the model decides which fields may span lines.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Format characters (category Cf: bidi controls, zero-width spaces and joiners, soft hyphens, the
# byte-order mark...), line and paragraph separators and lone surrogates. Control codes (Cc) are
# handled by code point below, as the tab and line breaks among them are allowed in some places.
_HIDDEN_CATEGORIES = frozenset({"Cf", "Zl", "Zp", "Cs"})


def _is_noncharacter(code: int) -> bool:
    """U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE...)."""
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


@lru_cache(maxsize=1 << 12)
def is_invisible(char: str) -> bool:
    """True for a character that may never appear in a ward file: every control code but tab and line breaks.

    Cached: every file's distinct characters are looked at, and they are mostly the same few dozen.
    """
    code = ord(char)
    if code < 0x80:
        return (code < 0x20 and char not in "\t\n\r") or code == 0x7F
    if code <= 0x9F:  # C1 controls, U+0085 (next line) among them
        return True
    return unicodedata.category(char) in _HIDDEN_CATEGORIES or _is_noncharacter(code)


def invisible_offsets(text: str) -> list[int]:
    """Where each invisible character of ``text`` is (a carriage return only when no line feed follows it)."""
    found = sorted({char for char in set(text) if is_invisible(char)} | ({"\r"} if "\r" in text else set()))
    offsets = []
    for char in found:
        start = text.find(char)
        while start != -1:
            if char != "\r" or text[start + 1 : start + 2] != "\n":
                offsets.append(start)
            start = text.find(char, start + 1)
    return sorted(offsets)


def hidden_in_value(value: str) -> list[str]:
    """The characters of a value (as YAML gave it) that may not be published: invisible ones, tabs, returns."""
    return sorted({char for char in set(value) if char in "\t\r" or is_invisible(char)})


# YAML's escapes in double-quoted text (a `\\\\` pair is matched whole, so it is never read as the start of one).
_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)
_SHORT_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f"}
_SHORT_ESCAPES.update({"r": "\r", "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"})


def escape_offset(written: str, char: str) -> int | None:
    """Where, in a double-quoted scalar as written, the first escape that writes ``char`` starts."""
    for match in _ESCAPE.finditer(written):
        code = match.group()[1:]
        decoded = chr(int(code[1:], 16)) if len(code) > 1 else _SHORT_ESCAPES.get(code)
        if decoded == char:
            return match.start()
    return None


def describe(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``: the code point and, where Unicode has one, its name."""
    code = ord(char)
    name = _NAMES.get(char) or unicodedata.name(char, "")
    if not name:
        name = "a noncharacter" if _is_noncharacter(code) else "a control character"
    return f"U+{code:04X} ({name})"


_NAMES = {
    "\t": "TAB",
    "\r": "CARRIAGE RETURN",
    "\x00": "NULL",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}

INVISIBLE_FIX = (
    "Delete it: put the cursor just after it and press Backspace until the text around it changes, then retype "
    "what was lost (or retype the whole text). For a new line press Enter; for a space type an ordinary space."
)
ESCAPE_FIX = "Remove the escape (the \\ and the code after it) from the quoted text."
TAB_IN_TEXT_FIX = "Replace the tab with an ordinary space."
