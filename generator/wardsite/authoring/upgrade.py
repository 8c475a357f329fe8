"""Rewrite a ward or provider file written for an older wardsite, changing only the lines whose shape changed.

Today that is one change: ``ward_type`` (one list mixing specialism, security and age) became
``classification`` with ``specialism``, ``security_level`` and ``age_group`` (the national code
lists). As in ``wardsite review``, ruamel.yaml only finds where the old key is; the text is edited
on those lines alone, so comments, order and layout stay, and the result is read back and compared
with what was meant before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from wardsite.authoring.review_edit import Lines, read_back, value_lines
from wardsite.model.classification import OLD_WARD_TYPES
from wardsite.problems import Problem

_BY_HAND = (
    "Replace ward_type with classification (specialism, security_level, age_group) by hand: see the "
    '"Every field" page of the guide.'
)


@dataclass
class Upgrade:
    """The upgraded text (None when nothing was changed), what changed, and any problems."""

    text: str | None
    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def classification_for(old_ward_type: str) -> dict[str, str] | None:
    """What an old ``ward_type`` value becomes, or None for a value wardsite never had."""
    found = OLD_WARD_TYPES.get(old_ward_type)
    if found is None:
        return None
    specialism, security_level, age_group = found
    return {"specialism": specialism.value, "security_level": security_level.value, "age_group": age_group.value}


def _mappings_with_ward_type(data: Any) -> list[tuple[CommentedMap, str]]:
    """The ward itself, or a provider's ward_defaults, where an old ``ward_type`` can be."""
    found: list[tuple[CommentedMap, str]] = []
    if isinstance(data, CommentedMap):
        if "ward_type" in data:
            found.append((data, ""))
        defaults = data.get("ward_defaults")
        if isinstance(defaults, CommentedMap) and "ward_type" in defaults:
            found.append((defaults, "ward_defaults."))
    return found


def upgrade_text(text: str, file: str) -> Upgrade:
    """``text`` with each old ``ward_type`` replaced by the ``classification`` block it stands for."""
    try:
        data = YAML(typ="rt", pure=True).load(text.replace("\t", " "))
    except YAMLError:
        return Upgrade(None, problems=[Problem(file, 1, 1, "ward_type", "the file is not valid YAML.", _BY_HAND)])
    lines = Lines(text)
    replacements: list[tuple[range, list[str]]] = []
    changes: list[str] = []
    problems: list[Problem] = []
    expected: dict[str, Any] = {}
    for mapping, prefix in _mappings_with_ward_type(data):
        line, column = mapping.lc.key("ward_type")
        old = mapping["ward_type"]
        new = classification_for(old) if isinstance(old, str) else None
        where = Problem(file, line + 1, column + 1, f"{prefix}ward_type", "", _BY_HAND)
        if new is None:
            problems.append(replace(where, message=f"`{old}` is not a ward type wardsite had: it cannot be upgraded."))
            continue
        if "classification" in mapping:
            problems.append(replace(where, message="the file has both ward_type and classification."))
            continue
        span = value_lines(mapping, "ward_type", lines.lines)
        if span.stop - span.start != 1 or lines.lines[line].lstrip().startswith(("{", "-")):
            problems.append(replace(where, message="ward_type is written in a way this command cannot edit safely."))
            continue
        body = lines.lines[line].rstrip("\r\n")
        comment = body[body.index("#") :] if "#" in body else ""
        ending = lines.ending(line)
        indent = " " * column
        block = ([f"{indent}{comment}{ending}"] if comment else []) + [
            f"{indent}classification:{ending}",
            *(f"{indent}  {key}: {value}{ending}" for key, value in new.items()),
        ]
        replacements.append((span, block))
        expected[prefix] = new
        changes.append(
            f"{file}:{line + 1}: {prefix}ward_type: {old} -> {prefix}classification: "
            + ", ".join(f"{key} {value}" for key, value in new.items())
        )
    if problems or not replacements:
        return Upgrade(None, problems=problems)
    for span, block in sorted(replacements, key=lambda r: r[0].start, reverse=True):
        lines.lines[span.start : span.stop] = block
    new_text = lines.text()
    if not _only_ward_type_changed(text, new_text, file, expected):
        return Upgrade(
            None,
            problems=[
                Problem(
                    file, 1, 1, "ward_type", "the file is laid out in a way this command cannot edit safely.", _BY_HAND
                )
            ],
        )
    return Upgrade(new_text, changes)


def _only_ward_type_changed(old: str, new: str, file: str, expected: dict[str, dict[str, str]]) -> bool:
    """True if ``new`` reads back as ``old`` with each ward_type replaced by its classification, nothing else."""
    before, after = read_back(old, file), read_back(new, file)
    if not isinstance(before, dict) or not isinstance(after, dict):
        return False
    want = dict(before)
    for prefix, classification in expected.items():
        target = want if not prefix else dict(want["ward_defaults"])
        del target["ward_type"]
        target["classification"] = classification
        if prefix:
            want["ward_defaults"] = target
    return after == want
