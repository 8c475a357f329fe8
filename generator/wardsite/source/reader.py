"""Read one YAML file into plain data plus the line and column of every field.

YAML 1.1's implicit typing surprises people who are not programmers (``no`` becomes False,
``01234567`` an octal number, ``2025-02-30`` a crash), so every scalar is read as text and
the model decides what type it must be. The structure is checked here, before the model
sees it: one mapping per file, no duplicate keys, no anchors or aliases, UTF-8 text, a
size limit, and no NHS numbers anywhere.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.parser import Parser, ParserError
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from wardsite.problems import Mark, Problem, Severity, format_path
from wardsite.source import characters
from wardsite.source.nhs_numbers import (
    has_ten_digits,
    is_nhs_number,
    marked_not_an_nhs_number,
    nhs_number_offsets,
)

__all__ = [
    "MAX_FILE_BYTES",
    "Source",
    "is_nhs_number",
    "nhs_number_offsets",
    "parse_text",
    "read_capped",
    "read_source",
]

MAX_FILE_BYTES = 1_000_000
# Ward files nest five or six levels at most; a limit keeps hostile input from exhausting the stack.
MAX_DEPTH = 50

FieldPath = tuple[str | int, ...]

_NULLS = {"", "~", "null", "Null", "NULL"}


class _AliasNode(yaml.Node):
    """Stands where a ``*name`` alias was written, so an alias is never expanded into shared data."""

    id = "alias"

    def __init__(self, anchor: str, start_mark: yaml.Mark, end_mark: yaml.Mark, target: yaml.Node | None) -> None:
        super().__init__("alias", anchor, start_mark, end_mark)
        self.target = target


class _TooDeep(yaml.MarkedYAMLError):
    """Raised when fields are nested deeper than ``MAX_DEPTH``."""


class _ComposeMixin(Composer):
    """Compose nodes with every scalar left as text, recording anchors, tags and aliases.

    PyYAML's own composer returns the anchored node again for each alias; this one returns an
    ``_AliasNode`` at the alias's own place instead, so the file's problems can point at it and
    a "billion laughs" document can never be expanded.
    """

    if TYPE_CHECKING:  # given by the Parser this is mixed with

        def check_event(self, *choices: type) -> bool: ...
        def get_event(self) -> Any: ...
        def peek_event(self) -> Any: ...

    def __init__(self) -> None:
        Composer.__init__(self)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        if self.check_event(AliasEvent):
            event = self.get_event()
            return _AliasNode(event.anchor, event.start_mark, event.end_mark, self.anchors.get(event.anchor))
        event = self.peek_event()
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _TooDeep(None, None, f"the fields are nested more than {MAX_DEPTH} levels deep", event.start_mark)
        try:
            node = Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1
        assert node is not None  # an event was waiting, so a node was composed
        node.anchor = event.anchor  # type: ignore[attr-defined]
        node.explicit_tag = event.tag  # type: ignore[attr-defined]
        return node


class _PyLoader(_ComposeMixin, Reader, Scanner, Parser, BaseResolver):  # type: ignore[misc]
    """The pure-Python reader: used when PyYAML was built without libyaml."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        BaseResolver.__init__(self)
        _ComposeMixin.__init__(self)


_Loader: type = _PyLoader
try:  # libyaml's C parser is several times faster; fall back to pure Python if absent.
    from yaml._yaml import CParser

    class _CLoader(_ComposeMixin, CParser, BaseResolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            BaseResolver.__init__(self)
            _ComposeMixin.__init__(self)

    class _CFastLoader(CParser, BaseResolver):  # type: ignore[misc]
        """libyaml composes the whole tree; every scalar stays text, so no tag needs resolving."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            BaseResolver.__init__(self)

        def resolve(self, kind: type, value: Any, implicit: Any) -> str:
            return ""

    _Loader = _CLoader
    _FastLoader: type | None = _CFastLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _FastLoader = None

# Anchors, aliases, tags, nested flow collections ([[...]]), compact nested lists or very deep indenting need the
# careful reader above, which reports each at its own place. A file with none of them (nearly
# every ward file) is composed by libyaml alone, several times faster. A false alarm here only
# costs speed: "!" in text, say, sends that file to the careful reader.
# A `?` complex key can nest on one line (`? ? ? a`), so it needs the careful reader too. The builder
# holds every shape to MAX_DEPTH as well, whichever reader composed it.
# Each sign is looked for on its own, most with a plain `in` first: as one regex of alternatives it took
# about a millisecond a file (the `?` branch tried at every space), more than a tenth of reading one.
_NESTED_FLOW = re.compile(r"[\[{][^\]}]*[\[{]")
_DEEP_LINE = re.compile(rf"[ \t]{{{MAX_DEPTH - 2}}}")
_DEEP_LATER_LINE = re.compile(rf"\n[ \t]{{{MAX_DEPTH - 2}}}")
_COMPACT_LIST = re.compile(r"-[ \t]+-[ \t]")
_COMPLEX_KEY = re.compile(r"\?(?<![^ \t\n]\?)(?:[ \t]|$)", re.MULTILINE)  # a `?` at a line's start or after a space


def _needs_careful_reader(text: str) -> bool:
    """True if ``text`` may hold an anchor, alias, tag, nested flow collection, compact nested list, complex key or
    very deep indenting."""
    return bool(
        "&" in text
        or "*" in text
        or "!" in text
        or (("[" in text or "{" in text) and _NESTED_FLOW.search(text))
        or _DEEP_LINE.match(text)
        or _DEEP_LATER_LINE.search(text)
        or _COMPACT_LIST.search(text)
        or ("?" in text and _COMPLEX_KEY.search(text))
    )


def _compose_all(text: str) -> list[yaml.Node]:
    fast = _FastLoader is not None and not _needs_careful_reader(text)
    loader: Any = _FastLoader if fast else _Loader  # PyYAML's types name only its own loaders
    return list(yaml.compose_all(text, Loader=loader))


def _may_hold_nhs_number(text: str) -> bool:
    """A quick look at the whole file: could any value hold an NHS number? (An escape could write one.)

    One regex search for ten digits joined by separators: a value's digits and separators are the file's own
    (without escapes; a folded line break is a separator too), so a value with ten never comes from a file without.
    """
    return "\\" in text or has_ten_digits(text) is not None


@dataclass
class Source:
    """A YAML file read into data, with a mark for every mapping key and list item."""

    path: str
    data: Any = None
    marks: dict[FieldPath, Mark] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def mark(self, path: FieldPath) -> Mark:
        """The nearest known place for a field path: the field itself, or its closest parent."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, Mark(self.path, 1, 1))


def read_capped(path: Path) -> tuple[bytes, int]:
    """A file's bytes and its size, never reading more than one byte over ``MAX_FILE_BYTES``.

    The size is asked before reading, so a 2 GB file costs nothing; the read is capped too, for
    files that grow or report no size. Over the limit, the bytes read so far are returned.
    """
    with path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > MAX_FILE_BYTES:
            return b"", size
        raw = file.read(MAX_FILE_BYTES + 1)
    return raw, max(size, len(raw))


def read_source(path: Path, display_path: str) -> Source:
    """Read and parse one file. Never raises for bad content: problems are collected instead."""
    source = Source(display_path)
    try:
        raw, size = read_capped(path)
    except OSError as exc:
        source.problems.append(
            Problem(
                display_path,
                1,
                1,
                "",
                f"could not read the file ({exc.strerror}).",
                "Check the file exists and can be read.",
            )
        )
        return source
    if size > MAX_FILE_BYTES:
        source.problems.append(
            Problem(
                display_path,
                1,
                1,
                "",
                f"the file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}.",
                "Ward files are normally a few kilobytes: check nothing was pasted in by mistake.",
            )
        )
        return source
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        source.problems.append(
            Problem(
                display_path,
                line,
                column,
                "",
                f"byte 0x{raw[exc.start]:02x} is not UTF-8 text.",
                "Save the file as UTF-8 (most editors offer this under 'Save with encoding').",
            )
        )
        return source
    parse_text(text, source)
    return source


def parse_text(text: str, source: Source) -> None:
    """Parse YAML text into ``source.data`` and ``source.marks``, adding any problems."""
    if not text.strip():
        source.problems.append(Problem(source.path, 1, 1, "", "the file is empty.", _TEMPLATE_FIX))
        return
    if all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        source.problems.append(
            Problem(source.path, 1, 1, "", "the file holds only comments, and no fields.", _TEMPLATE_FIX)
        )
        return
    hidden = [(offset, text[offset]) for offset in characters.invisible_offsets(text)]
    if hidden:  # each is reported where it is; the rest is read with a visible stand-in, to find its field
        stand_in = list(text)
        for offset, _ in hidden:
            stand_in[offset] = "\ufffd"
        text = "".join(stand_in)
    _parse(text, source)
    if hidden:
        source.problems[:0] = [_invisible(source, text, offset, char) for offset, char in hidden]
        source.data = None


def _invisible(source: Source, text: str, offset: int, char: str) -> Problem:
    """An invisible character in the file, at its line and column, under the field it is written in."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    before = [(m.line, m.column, path) for path, m in source.marks.items() if (m.line, m.column) <= (line, column)]
    path = max(before, key=lambda b: (b[0], b[1]))[2] if before else ()
    while any("\ufffd" in str(part) for part in path):  # in a field's own name: shown under the group holding it
        path = path[:-1]
    message = f"there is an invisible character here, {characters.describe(char)}, which can hide or change the text."
    return Problem(source.path, line, column, format_path(path), message, characters.INVISIBLE_FIX)


def _parse(text: str, source: Source) -> None:
    try:
        nodes = _compose_all(text)
    except _TooDeep as exc:
        assert exc.problem_mark is not None  # raised with the place of the event that went too deep
        source.problems.append(_too_deep(source.path, exc.problem_mark))
        return
    except yaml.MarkedYAMLError as exc:
        if exc.problem_mark is not None and "nesting depth" in (exc.problem or ""):  # libyaml's own limit
            source.problems.append(_too_deep(source.path, exc.problem_mark))
        else:
            source.problems.append(_syntax_problem(exc, text, source.path))
        return
    except yaml.YAMLError as exc:  # unmarked errors are rare; still never a traceback
        source.problems.append(
            Problem(
                source.path,
                1,
                1,
                "",
                f"this is not valid YAML ({type(exc).__name__}).",
                "Check the file in a YAML-aware editor.",
            )
        )
        return
    nodes = [n for n in nodes if n is not None]
    if len(nodes) > 1:
        line = _document_start_line(text, nodes[1])
        source.problems.append(
            Problem(
                source.path,
                line,
                1,
                "",
                "the file holds more than one YAML document (a line with --- starts another).",
                "Keep one ward per file: remove the --- line and anything after it that belongs in another file.",
            )
        )
        return
    if not nodes or _is_null(nodes[0]):  # only a --- or ... line
        source.problems.append(Problem(source.path, 1, 1, "", "the file has no fields in it.", _TEMPLATE_FIX))
        return
    root = nodes[0]
    if not isinstance(root, yaml.MappingNode):
        mark = _mark(source.path, root)
        source.problems.append(
            Problem.at(
                mark, "", f"the file must be a set of `field: value` lines, but it is {_kind(root)}.", _TEMPLATE_FIX
            )
        )
        return
    before = len(source.problems)
    builder = _Builder(source, text, _may_hold_nhs_number(text))
    source.data = builder.build_root(root)
    if builder.too_deep:  # said alone, as the careful reader says it
        deep = [p for p in source.problems[before:] if p.message.startswith("the fields are nested")]
        source.problems[before:] = deep
        source.data, source.marks = None, {}


_TEMPLATE_FIX = "Start from a template: run `wardsite new PROVIDER WARD`."
_DEEP_FIX = "Ward files need only a few levels of indenting: check the file is the right one."


def _too_deep(path: str, mark: yaml.Mark) -> Problem:
    message = f"the fields are nested more than {MAX_DEPTH} levels deep."
    return Problem(path, mark.line + 1, mark.column + 1, "", message, _DEEP_FIX)


def _document_start_line(text: str, node: yaml.Node) -> int:
    """The line of the ``---`` that starts the document holding ``node`` (or the node's own line)."""
    lines = text.splitlines()
    for number in range(min(node.start_mark.line, len(lines) - 1), -1, -1):
        if lines[number].startswith("---"):
            return number + 1
    return node.start_mark.line + 1


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and mark and mark.index >= len(text.rstrip()):
        mark = exc.context_mark  # "unexpected end of stream": point where the unfinished part began
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    bad_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    leading = bad_line[: len(bad_line) - len(bad_line.lstrip())]
    if "\t" in leading or (mark and text[mark.index : mark.index + 1] == "\t"):
        return Problem(path, line, column, "", "a tab character is used for indenting.", _TAB_FIX)
    unclosed = _unclosed_quote(exc, lines)
    if unclosed is not None:
        number, at, quote = unclosed
        return Problem(
            path,
            number,
            at,
            format_path(field_on_line(text, number - 1)),
            f"the text on line {number} starts with a quote mark ({quote}) that is not closed on that line, so "
            f"everything up to the next {quote} is read as that text.",
            f"Add {quote} at the end of the text on line {number}, or delete the {quote} at its start.",
        )
    brackets = _bracket_problem(exc, text, path)
    if brackets is not None:
        return replace(brackets, path=format_path(field_on_line(text, brackets.line - 1)))
    problem = re.sub(
        r"^found character '.*' that", "found character that", (exc.problem or "").strip()
    )  # PyYAML names the character
    started = exc.context_mark.line + 1 if exc.context_mark else line
    misaligned = _misaligned_field(exc, lines, problem)
    if misaligned is not None and exc.context_mark is not None:
        # Its path is its group's, not what the indenting makes it: `town` indented one space too far is address.town.
        group = field_on_line(text, exc.context_mark.line)[:-1]
        key = lines[line - 1].strip().split(":", 1)[0].strip()
        return Problem(path, line, column, format_path((*group, key)), *misaligned)
    for starts, message, fix in _PLAIN_SYNTAX:
        if problem.startswith(starts):
            if (
                problem.startswith("could not find expected ':'") and exc.context_mark
            ):  # the key without its colon, not the line after it
                line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
            return Problem(path, line, column, "", message.format(started=started), fix)
    summary = (exc.problem or exc.context or "the YAML cannot be read").strip()
    if exc.problem and exc.context and exc.context_mark:
        summary += f" ({exc.context.strip()} that starts on line {exc.context_mark.line + 1})"
    return Problem(
        path,
        line,
        column,
        "",
        f"the file cannot be read here: {summary}.",
        "Check the indenting and any `:` or quotes on this line and the line above; text containing `: ` or "
        "starting with a symbol needs quotes.",
    )


_QUOTED_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_][\w-]*\s*:\s+)?([\"'])")


def _unclosed_quote(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, int, str] | None:
    """The line (from 1), column and quote mark of a value that opens a quote it does not close on its line,
    on the lines from where the part being read began up to the error: the usual cause of an error there."""
    mark = exc.problem_mark
    if mark is None or exc.context_mark is None or mark.line >= len(lines):
        return None
    for number in range(exc.context_mark.line, mark.line):
        found = _QUOTED_VALUE.match(lines[number])
        if found is None:
            continue
        quote, rest = found.group(1), lines[number][found.end() :]
        closed = re.search(r'(?<!\\)"', rest) if quote == '"' else re.search(r"'(?!')", rest.replace("''", ""))
        if closed is None:
            return number + 1, found.start(1) + 1, quote
    return None


def _misaligned_field(exc: yaml.MarkedYAMLError, lines: list[str], problem: str) -> tuple[str, str] | None:
    """A field indented differently from the group it is in, said with the numbers of spaces: "line 12 starts
    with 3 spaces, but the fields of its group start with 2 (like `lines` on line 9)"."""
    if not problem.startswith(("did not find expected key", "expected <block end>")):
        return None
    context, mark = exc.context_mark, exc.problem_mark
    if context is None or mark is None or mark.line >= len(lines) or context.line >= len(lines):
        return None
    bad, first = lines[mark.line], lines[context.line]
    indent, expected = len(bad) - len(bad.lstrip(" ")), context.column
    name = first[expected:].split(":", 1)[0].strip()
    if indent == expected or ": " not in bad + " " or not name or name.startswith(("-", "#", '"', "'")):
        return None
    spaces = f"{indent} {'space' if indent == 1 else 'spaces'}"
    return (
        f"line {mark.line + 1} starts with {spaces}, but the fields of its group start with {expected} "
        f"(like `{name}` on line {context.line + 1}).",
        f"Start line {mark.line + 1} with {expected} {'space' if expected == 1 else 'spaces'}, level with `{name}`. "
        "If it is text that goes on from the line above, put the whole text in double quotes instead.",
    )


_CLOSERS = {"{": "}", "[": "]"}
_OPENERS = {"}": "{", "]": "["}
_HOLDS = {
    "{": "`{` and `}` hold a group of fields written on one line, like {protected: true}",
    "[": "`[` and `]` hold a list written on one line, like [monday, tuesday]",
}


def _bracket_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem | None:
    """A stray, unclosed or mismatched ``{ } [ ]``, told by the characters at the error's marks.

    The reader's own words for these ("did not find expected key") read as bad indenting, which
    sends people to the wrong line. The character the reader stopped at and the one where the part
    it was reading began say what really happened, whichever reader (libyaml or PyYAML) found it.
    """
    if not isinstance(exc, ParserError) or exc.problem_mark is None:
        return None
    at, began = exc.problem_mark, exc.context_mark
    found = text[at.index : at.index + 1]
    opener = text[began.index : began.index + 1] if began is not None else ""
    if began is not None and opener in _CLOSERS:  # the reader was inside a `{...}` or `[...]`
        start_line = text[began.index : _line_end(text, began.index)]
        if found in _OPENERS and found != _CLOSERS[opener]:
            return Problem(
                path,
                at.line + 1,
                at.column + 1,
                "",
                f"the {_NAMES[opener]} opened with `{opener}` on line {began.line + 1} is closed with `{found}`.",
                f"Close it with `{_CLOSERS[opener]}`: in YAML, {_HOLDS[opener]}.",
            )
        if _CLOSERS[opener] not in start_line:
            return Problem(
                path,
                began.line + 1,
                began.column + 1,
                "",
                f"a `{opener}` on line {began.line + 1} is never closed with `{_CLOSERS[opener]}`. In YAML, "
                f"{_HOLDS[opener]}.",
                f"If this is text, put the whole text in double quotes{_like_quoted(text, began.index)}. If it is a "
                f"{_NAMES[opener]}, end it with `{_CLOSERS[opener]}` on the same line.",
            )
        return None
    if found in _OPENERS:
        before = text[_line_start(text, at.index) : at.index]
        closes_nothing = f"a `{found}` with no `{_OPENERS[found]}` before it on line {at.line + 1}"
        if _OPENERS[found] in before:
            fix = f"Delete the extra `{found}`: the {_NAMES[_OPENERS[found]]} on this line is already closed."
        elif not text[_line_start(text, at.index) : _line_end(text, at.index)].strip().strip(found):
            fix = f"Delete this line: a `{found}` on a line of its own is not part of any field."
        else:
            fix = f"If this is text, put the whole text in double quotes{_like_quoted(text, at.index)}."
        message = f"{closes_nothing}. In YAML, {_HOLDS[_OPENERS[found]]}."
        return Problem(path, at.line + 1, at.column + 1, "", message, fix)
    before = text[_line_start(text, at.index) : at.index].rstrip()
    if before[-1:] in _OPENERS and _OPENERS[before[-1]] in before:  # text after a `{...}` that began the value
        closer = before[-1]
        message = (
            f"the value on line {at.line + 1} starts a {_NAMES[_OPENERS[closer]]} with `{_OPENERS[closer]}`, so the"
            f" text after its `{closer}` cannot be read. In YAML, {_HOLDS[_OPENERS[closer]]}."
        )
        return Problem(
            path,
            at.line + 1,
            at.column + 1,
            "",
            message,
            f"If this is text, put the whole text in double quotes{_like_quoted(text, at.index)}.",
        )
    return None


_NAMES = {"{": "group of fields", "[": "list"}

# One level of a block line: `- ` starting a list entry, or a `field:` (ward fields are lowercase words).
_LEVEL = re.compile(r"(-[ \t]+)|([a-z0-9_]+):(?=[ \t]|$)")


def _levels(line: str) -> list[tuple[int, str | None]]:
    """The column and field name of each level a line opens: ``    - shift: early`` is [(4, None), (6, "shift")]."""
    levels: list[tuple[int, str | None]] = []
    column = len(line) - len(line.lstrip(" "))
    while column < len(line):
        found = _LEVEL.match(line, column)
        if found is None:
            break
        levels.append((column, found.group(2)))
        if found.group(2) is not None:
            break
        column = found.end()
    return levels


def field_on_line(text: str, index: int) -> FieldPath:
    """The field path of line ``index`` (from 0), worked out from the indenting of the lines above it.

    For a file the reader cannot read, so there are no marks: a problem can still name the field
    (``getting_here.finding_the_ward``) instead of only the file. Empty if it cannot be told.
    """
    lines = text.splitlines()
    if not 0 <= index < len(lines):
        return ()
    path: list[str | int] = []
    own = _levels(lines[index])
    limit = own[-1][0] + 1 if own else len(lines[index]) - len(lines[index].lstrip())
    for number in range(index, -1, -1):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        for column, name in reversed(_levels(line)):
            if column >= limit:
                continue
            path.insert(0, name if name is not None else _entry_number(lines, number, column))
            limit = column
        if limit == 0:
            break
    return tuple(path)


def _entry_number(lines: list[str], number: int, column: int) -> int:
    """Which entry of its list (from 0) the ``- `` at ``column`` of line ``number`` starts."""
    count = 0
    for line in reversed(lines[:number]):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent < column:
            break
        if indent == column and line[column:].startswith("-"):
            count += 1
    return count


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end == -1 else end


_VALUE_LINE = re.compile(r"^[ \t]*((?:-[ \t]+)*(?:[A-Za-z0-9_]+:[ \t]+)?)(.*?)[ \t]*$")


def _like_quoted(text: str, index: int) -> str:
    """``, like: note: "{Ward} is open"``: the line at ``index`` with its value in quotes, when that is plain to see."""
    line = text[_line_start(text, index) : _line_end(text, index)]
    found = _VALUE_LINE.match(line)
    if found is None or not found.group(2) or '"' in found.group(2) or " #" in found.group(2):
        return ""
    return f', like: {found.group(1)}"{found.group(2)}"'


_TAB_FIX = (
    "Delete the tab and type spaces instead, so the line starts level with the others in its group. Ward files "
    "cannot use tabs (many editors can be set to type spaces when you press Tab)."
)

# What libyaml and PyYAML report for the mistakes people make most (each beginning of the
# reader's words, libyaml's first), in plain words. Anything else is shown as the reader
# reports it, with the general fix.
_PLAIN_SYNTAX: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("mapping values are not allowed",),
        "there is a second `: ` (a colon and a space) on this line, or the line is indented further than the "
        "one above.",
        'If the text has a colon in it, put the whole text in double quotes, like: name: "Block A: first '
        'floor". Otherwise, start the line level with the fields above it.',
    ),
    (
        ("did not find expected key", "expected <block end>"),
        "this line, or one just above it, does not line up with the other fields in its group (the group that "
        "starts on line {started}).",
        "Start every field in a group with the same number of spaces. If it is text that goes on from the line "
        "above, put the whole text in double quotes.",
    ),
    (
        ("could not find expected ':'",),
        "this line has no `: ` (a colon and a space) after the field name.",
        "Write the field name, a colon, a space, then the value, like: beds: 16. Text that goes on to the next "
        "line must start further in than its field name.",
    ),
    (
        ("found unexpected end of stream",),
        "a quote mark is opened here but never closed.",
        "Add the same quote mark at the end of the text, or delete the one at the start.",
    ),
    (
        ("found character that cannot start any token",),
        "text cannot start with this symbol unless it is in quotes.",
        'Put the whole text in double quotes, like: note: "@ward_team on the ward notice board".',
    ),
)


def _is_null(node: yaml.Node) -> bool:
    """True for an unquoted empty value, ``~`` or ``null``. (libyaml calls plain style "", PyYAML None.)"""
    return (
        isinstance(node, yaml.ScalarNode)
        and not isinstance(node, _AliasNode)
        and not node.style
        and node.value in _NULLS
    )


def _mark(path: str, node: yaml.Node) -> Mark:
    return Mark(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a group of fields"
    return "a single value"


_STANDARD_TAGS = "tag:yaml.org,2002:"
_LOOKS_LIKE = "this looks like an NHS number. Never publish information that identifies a patient."
_LOOKS_LIKE_FIX = (
    "Remove the number. If it really is not an NHS number (an ISBN, say), end this line with the comment "
    "`# not an NHS number`, so whoever reviews the change can see it."
)
_MARKED = "this number looks like an NHS number but is marked `# not an NHS number`, so it is published."
_MARKED_FIX = "Check it is not an NHS number. If it is one, remove it and the comment."
_QUOTE_FIX = "If it is part of the text, put the whole value in quotes."


class _Builder:
    """Turn a composed YAML node tree into dicts, lists and strings, recording marks."""

    def __init__(self, source: Source, text: str, scan_for_nhs_numbers: bool = True) -> None:
        self.source = source
        self.text = text
        self.scan = scan_for_nhs_numbers
        self.depth = 0
        self.too_deep = False
        # Raw invisible characters are found before parsing; escapes and tabs can still put some in a value.
        self.may_hide = "\\" in text or "\t" in text
        # Aliases on one line are reported once, with a count, so a "billion laughs" stays short.
        self.aliases: dict[tuple[int, str], tuple[Mark, FieldPath, _AliasNode, int]] = {}

    def build_root(self, node: yaml.MappingNode) -> dict[str, Any]:
        self.depth = 1
        data = self._mapping(node, ())
        for (_, name), (mark, path, alias, count) in self.aliases.items():
            if alias.target is None:
                self._problem(
                    mark,
                    path,
                    f"`*{name}` is read as a YAML alias, because the value starts with *.",
                    "Put the whole value in quotes.",
                )
            else:
                times = f" ({count} times on this line)" if count > 1 else ""
                self._problem(
                    mark,
                    path,
                    f"`*{name}` repeats the value marked `&{name}` on line {alias.target.start_mark.line + 1}{times}; "
                    "YAML anchors (&) and aliases (*) are not allowed.",
                    "Write the value out in full here.",
                )
        return data

    def _problem(self, mark: Mark, path: FieldPath, message: str, fix: str) -> None:
        self.source.problems.append(Problem.at(mark, format_path(path), message, fix))

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        """One node as plain data. Deeper than ``MAX_DEPTH`` is a problem, so no shape reaches Python's stack limit."""
        if self.depth >= MAX_DEPTH:
            if not self.too_deep:
                self.too_deep = True
                self.source.problems.append(_too_deep(self.source.path, node.start_mark))
            return None
        self.depth += 1
        try:
            return self._build(node, path)
        finally:
            self.depth -= 1

    def _build(self, node: yaml.Node, path: FieldPath) -> Any:
        # A node's own mark is made only for a problem: most nodes never need one (keys and items are marked).
        if isinstance(node, _AliasNode):
            mark = _mark(self.source.path, node)
            first_mark, first_path, alias, count = self.aliases.get((mark.line, node.value), (mark, path, node, 0))
            self.aliases[(mark.line, node.value)] = (first_mark, first_path, alias, count + 1)
            return None
        anchor = getattr(node, "anchor", None)
        if anchor is not None:
            self._problem(
                _mark(self.source.path, node),
                path,
                f"`&{anchor}` marks a YAML anchor; anchors (&) and aliases (*) are not allowed.",
                f"Remove `&{anchor}`. {_QUOTE_FIX}",
            )
        tag = getattr(node, "explicit_tag", None)
        if tag is not None and not tag.startswith(_STANDARD_TAGS):  # `!!str` and the like change nothing here
            self._problem(
                _mark(self.source.path, node),
                path,
                f"`{tag}` is read as a YAML tag, because it starts with !.",
                f"Remove `{tag}`. {_QUOTE_FIX}",
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            marks, file = self.source.marks, self.source.path
            for index, item in enumerate(node.value):
                child = (*path, index)
                start = item.start_mark
                marks[child] = Mark(file, start.line + 1, start.column + 1)
                plain = (  # as in _mapping
                    type(item) is yaml.ScalarNode
                    and self.depth < MAX_DEPTH
                    and getattr(item, "anchor", None) is None
                    and getattr(item, "explicit_tag", None) is None
                )
                items.append(self._scalar(item, child) if plain else self.build(item, child))
            return items
        assert isinstance(node, yaml.ScalarNode)  # the only other kind of YAML node
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        marks, file = self.source.marks, self.source.path
        for key_node, value_node in node.value:
            if (
                not isinstance(key_node, yaml.ScalarNode)
                or getattr(key_node, "anchor", None)
                or getattr(key_node, "explicit_tag", None)
            ):
                key_mark = _mark(file, key_node)
                self.build(key_node, path)  # reports any alias, anchor, tag or NHS number in it
                if not isinstance(key_node, yaml.ScalarNode):
                    self._problem(
                        key_mark,
                        path,
                        "a field name must be a single word, not a list or group.",
                        "Write the field name followed by a colon, like `name:`.",
                    )
                continue
            key = key_node.value
            if self.scan and has_ten_digits(key) and self._nhs_numbers(key_node, path):
                continue  # the path would show the number; it must not be printed
            if self.may_hide:
                self._hidden(key_node, path)
            child = (*path, key)
            if key in result:
                first = marks[child]
                self._problem(
                    _mark(file, key_node),
                    child,
                    f"`{key}` appears twice here (first on line {first.line}).",
                    "Keep one of them and delete the other.",
                )
                continue
            start = key_node.start_mark
            marks[child] = Mark(file, start.line + 1, start.column + 1)
            # A scalar with no anchor or tag, within the depth limit (nearly every value): ``build`` would only
            # call ``_scalar``, so it is read straight away, saving two calls for each value.
            plain = (
                type(value_node) is yaml.ScalarNode
                and self.depth < MAX_DEPTH
                and getattr(value_node, "anchor", None) is None
                and getattr(value_node, "explicit_tag", None) is None
            )
            result[key] = self._scalar(value_node, child) if plain else self.build(value_node, child)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> str | None:
        value: str = node.value
        if not node.style and value in _NULLS:  # _is_null: this is a scalar, and not an alias
            return None
        if self.scan and has_ten_digits(value):  # only a value with ten digits in a row can hold an NHS number
            self._nhs_numbers(node, path)
        if self.may_hide:
            self._hidden(node, path)
        return value

    def _mark_at(self, index: int) -> Mark:
        line = self.text.count("\n", 0, index) + 1
        return Mark(self.source.path, line, index - (self.text.rfind("\n", 0, index) + 1) + 1)

    def _hidden(self, node: yaml.ScalarNode, path: FieldPath) -> None:
        """Report each tab, or invisible character written as an escape (``"\\u202e"``), in a value."""
        start, end = node.start_mark.index, node.end_mark.index
        for char in characters.hidden_in_value(node.value):
            raw = self.text.find(char, start, end)
            if raw != -1:
                mark = self._mark_at(raw)
                message, fix = "there is a tab character inside this text.", characters.TAB_IN_TEXT_FIX
            else:
                escape = characters.escape_offset(self.text[start:end], char)
                mark = _mark(self.source.path, node) if escape is None else self._mark_at(start + escape)
                message = f"this escape writes an invisible character, {characters.describe(char)}."
                fix = characters.ESCAPE_FIX
            self._problem(mark, path, message, fix)

    def _nhs_numbers(self, node: yaml.ScalarNode, path: FieldPath) -> bool:
        """Report each NHS number in the node at its own line and column; True if one is not marked as no NHS number.

        One on a line ending ``# not an NHS number`` is a warning instead, so a reviewer sees it.
        """
        if not self.scan or not nhs_number_offsets(node.value):
            return False
        start = node.start_mark.index
        places = [start + offset for offset in nhs_number_offsets(self.text[start : node.end_mark.index])] or [start]
        unmarked = False
        for index in places:
            line_start = self.text.rfind("\n", 0, index) + 1
            line_end = self.text.find("\n", index)
            mark = self._mark_at(index)
            if marked_not_an_nhs_number(self.text[line_start : line_end if line_end != -1 else None]):
                self.source.problems.append(Problem.at(mark, format_path(path), _MARKED, _MARKED_FIX, Severity.warning))
            else:
                unmarked = True
                self._problem(mark, path, _LOOKS_LIKE, _LOOKS_LIKE_FIX)
        return unmarked
