"""Mark a ward file as reviewed, changing only the lines that say when and by whom.

A ward manager's file has their comments, blank lines, quoting and indenting; rewriting it
through a YAML dumper would churn all of that. So ruamel.yaml's round-trip loader is used
only to *find* the values (it knows the line and column of every key and value), and the
text is edited on those lines alone. The result is read back and compared with what was
meant, so an edit that would change anything else is refused rather than written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from wardsite.problems import Problem
from wardsite.source.reader import Source, parse_text

_PLAIN_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 '’().,&/+-]*")
_BY_HAND = "Change review.last_reviewed and review.reviewed_by by hand, then run `wardsite check`."


@dataclass
class ReviewEdit:
    """The edited text (None if nothing could be written), what changed, and any problems."""

    text: str | None
    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain where that reads back as the same text, else double-quoted."""
    if (
        _PLAIN_SAFE.fullmatch(text)
        and text == text.strip()
        and not re.fullmatch(r"(?i)(yes|no|on|off|true|false|null|~|[\d.+-]+)", text)
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _place(mapping: Any, key: str) -> tuple[int, int]:
    """Where ruamel found ``key``'s value in ``mapping``: (line, column), both from 0."""
    line, column = mapping.lc.value(key)
    return int(line), int(column)


class Lines:
    """The file as a list of lines that keep their own line endings."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines(keepends=True)

    def ending(self, number: int) -> str:
        line = self.lines[number]
        return line[len(line.rstrip("\r\n")) :] or "\n"

    def replace_value(self, number: int, column: int, new: str) -> None:
        """Replace the one-line scalar that starts at ``column``, keeping its quote style and any comment."""
        line = self.lines[number]
        body = line.rstrip("\r\n")
        start = body[column:]
        if start[:1] in "\"'":
            end = _closing_quote(start)
            if end < 0:
                raise ValueError("a quoted value that goes on to the next line")
            quote = start[0]
            new_text = (
                new
                if new.startswith('"')
                else f"{quote}{new}{quote}"
                if quote == '"'
                else "'" + new.strip('"').replace("'", "''") + "'"
            )
            self.lines[number] = body[:column] + new_text + start[end + 1 :] + self.ending(number)
            return
        if start[:1] in "|>{[&*!":
            raise ValueError("a value written in a special YAML style")
        comment = re.search(r"\s+#", start)
        value_end = comment.start() if comment else len(start.rstrip())
        self.lines[number] = body[:column] + new + start[value_end:] + self.ending(number)

    def text(self) -> str:
        return "".join(self.lines)


def _closing_quote(text: str) -> int:
    quote = text[0]
    i = 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return -1


def value_lines(mapping: CommentedMap, key: str, lines: list[str]) -> range:
    """The lines holding ``key`` and its value: continuation lines count, comments after it do not."""
    keys = list(mapping)
    first, column = mapping.lc.key(key)
    after = keys.index(key) + 1
    stop = mapping.lc.key(keys[after])[0] if after < len(keys) else len(lines)
    last = mapping.lc.value(key)[0]
    while last + 1 < stop:
        following = lines[last + 1]
        indent = len(following) - len(following.lstrip(" "))
        if not following.strip() or following.lstrip().startswith("#") or indent <= column:
            break
        last += 1
    return range(first, last + 1)


def _problem(file: str, line: int, message: str) -> Problem:
    return Problem(file, line, 1, "review", message, _BY_HAND)


def mark_reviewed(text: str, file: str, today: dt.date, role: str, name: str | None = None) -> ReviewEdit:
    """Set review.last_reviewed to ``today`` and review.reviewed_by to ``role`` (and ``name``, else none).

    A ``next_review_due`` on or before ``today`` is removed, so the 12-month default applies, and so
    is ``approved_by``: an approval given for the last review does not approve this one.
    Nothing else in the file changes, byte for byte.
    """
    try:
        # Positions only: ruamel refuses some tabs that YAML allows, and a tab and a space are
        # one column each. The edit itself is made to the original text.
        data = YAML(typ="rt", pure=True).load(text.replace("\t", " "))
    except YAMLError:
        return ReviewEdit(
            None, problems=[_problem(file, 1, "the file is not valid YAML, so it cannot be edited safely.")]
        )
    review = data.get("review") if isinstance(data, CommentedMap) else None
    if not isinstance(review, CommentedMap) or "last_reviewed" not in review:
        return ReviewEdit(None, problems=[_problem(file, 1, "the file has no review.last_reviewed to update.")])
    by = review.get("reviewed_by")
    if not isinstance(by, CommentedMap) or "role" not in by:
        return ReviewEdit(
            None,
            problems=[
                _problem(
                    file, review.lc.key("last_reviewed")[0] + 1, "the file has no review.reviewed_by.role to update."
                )
            ],
        )
    lines = Lines(text)
    changes = [
        f"review.last_reviewed: {review['last_reviewed']} -> {today.isoformat()}",
        f"review.reviewed_by.role: {by['role']}" + (" (unchanged)" if by["role"] == role else f" -> {role}"),
    ]
    # In-place edits first (line numbers stay as ruamel found them), then inserts and
    # removals from the bottom of the file up, so no edit moves the lines of another.
    structural: list[tuple[int, list[str] | None, range | None]] = []
    try:
        lines.replace_value(*_place(review, "last_reviewed"), today.isoformat())
        if by.fa.flow_style():
            _rewrite_flow(lines, review, role, name)
        else:
            lines.replace_value(*_place(by, "role"), yaml_scalar(role))
            if name is not None and "name" in by:
                lines.replace_value(*_place(by, "name"), yaml_scalar(name))
            elif name is not None:
                role_line = by.lc.value("role")[0]
                structural.append(
                    (
                        role_line + 1,
                        [" " * by.lc.key("role")[1] + f"name: {yaml_scalar(name)}" + lines.ending(role_line)],
                        None,
                    )
                )
            elif "name" in by:
                gone = value_lines(by, "name", lines.lines)
                structural.append((gone.start, None, gone))
        if name is not None:
            changes.append(f"review.reviewed_by.name: {by.get('name', '(none)')} -> {name}")
        elif "name" in by:
            changes.append(f"review.reviewed_by.name: {by['name']} removed")
        due = review.get("next_review_due")
        if due is not None and str(due) <= today.isoformat():
            gone = value_lines(review, "next_review_due", lines.lines)
            structural.append((gone.start, None, gone))
            changes.append(
                f"review.next_review_due: {due} removed (it had passed; the next review is due 12 months from today)"
            )
        if "approved_by" in review:
            gone = value_lines(review, "approved_by", lines.lines)
            structural.append((gone.start, None, gone))
            changes.append(
                f"review.approved_by: {_person(review['approved_by'])} removed: ask the approver to approve this "
                "review, then add it again"
            )
    except ValueError as exc:
        return ReviewEdit(
            None,
            problems=[
                _problem(
                    file,
                    review.lc.key("reviewed_by")[0] + 1,
                    f"review.reviewed_by is written as {exc}, which cannot be edited safely.",
                )
            ],
        )
    for position, insert, removal in sorted(structural, key=lambda op: op[0], reverse=True):
        if removal is not None:
            del lines.lines[removal.start : removal.stop]
        else:
            lines.lines[position:position] = insert or []
    new_text = lines.text()
    if not _only_review_changed(text, new_text, file, today, role, name):
        return ReviewEdit(
            None,
            problems=[
                _problem(
                    file,
                    data.lc.key("review")[0] + 1,
                    "the review section is laid out in a way this command cannot edit safely.",
                )
            ],
        )
    return ReviewEdit(new_text, changes)


def _person(value: Any) -> str:
    """An approver as the page shows one: the role, then any name in brackets."""
    if not isinstance(value, dict):
        return str(value)
    role, name = value.get("role"), value.get("name")
    return f"{role} ({name})" if name else str(role)


def _rewrite_flow(lines: Lines, review: CommentedMap, role: str, name: str | None) -> None:
    number, column = review.lc.value("reviewed_by")
    body = lines.lines[number].rstrip("\r\n")
    depth = 0
    for end in range(column, len(body)):
        depth += {"{": 1, "}": -1}.get(body[end], 0)
        if depth == 0:
            break
    else:
        raise ValueError("a group of fields in braces over several lines")
    parts = [f"role: {yaml_scalar(role)}"] + ([f"name: {yaml_scalar(name)}"] if name is not None else [])
    lines.lines[number] = body[:column] + "{" + ", ".join(parts) + "}" + body[end + 1 :] + lines.ending(number)


def read_back(text: str, file: str) -> Any:
    source = Source(file)
    parse_text(text, source)
    return None if source.problems else source.data


def _only_review_changed(old: str, new: str, file: str, today: dt.date, role: str, name: str | None) -> bool:
    """True if ``new`` reads back as ``old`` with exactly the intended review changes."""
    before, after = read_back(old, file), read_back(new, file)
    if before is None or after is None:
        return False
    review = dict(before["review"])
    review["last_reviewed"] = today.isoformat()
    review["reviewed_by"] = {"role": role, **({"name": name} if name is not None else {})}
    due = review.get("next_review_due")
    if due is not None and str(due) <= today.isoformat():
        del review["next_review_due"]
    review.pop("approved_by", None)
    expected = {**before, "review": review}
    return after == expected
