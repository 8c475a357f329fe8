"""Templates for a new ward or provider file, generated from the model so they never drift.

Every field is in the template, with a comment above it saying what it is and an example,
taken from the model's own descriptions. Fields that must be filled in are left empty after
their colon; optional fields are commented out (``# field:``), so a new file checks clean as
soon as the required values are written. A ward template knows its provider's
``ward_defaults``: a field the provider already gives is commented out with a note, and a
section the defaults start (so its other required fields become required) is left open.
"""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from wardsite.model import Provider, Ward
from wardsite.model.inventory import CATEGORY_KEYS
from wardsite.model.types import Email, Phone, Postcode, WebUrl

INDENT = 2

# Examples for value types whose descriptions may not give one. All fictional: the phone
# number is in Ofcom's drama range and the addresses use example domains.
_TYPE_EXAMPLES: tuple[tuple[Any, str], ...] = (
    (Phone, "01632 960000"),
    (WebUrl, "https://www.example.nhs.uk/"),
    (Email, "ward@example.nhs.uk"),
    (Postcode, "ZZ1 2AB"),
)

# Sections a provider usually writes once for all its wards; shown in a new provider.yaml.
SHARED_SECTIONS = ("rights", "feedback")

WARD_HEADER = """\
# yaml-language-server: $schema={schema_ref}
#
# {title}
#
# How to fill it in:
# - Write each value after its colon. The line above each field says what it is.
# - Lines that start with a field name are required. Fill them all in.
# - Lines like "# field:" are optional. To use one, delete the "# " in front of it and
#   of the lines under it, fill in what you know, and delete the lines you do not need
#   (keep the ones marked "required if you use this section").
# - A line with only "-" is a list: write one entry after each "- ". For another
#   entry, add another "- " line lined up under the first.
# - Start lines with spaces, never tabs, and keep each line lined up as it is.
# - Dates are written YYYY-MM-DD, like 2026-04-14. Times are HH:MM, like 13:00.
# - Never write anything that could identify a patient.
# - Check your work: wardsite check {path}
#   It names the line and field of every mistake, and how to fix it.
# - Every field is explained in the guide for providers, under "Every field".
"""


@dataclass(frozen=True)
class _Line:
    """One line of the template: its indent, its text, and the column of a commenting-out ``# ``."""

    indent: int
    text: str
    commented_at: int | None = None

    def render(self) -> str:
        if self.commented_at is None:
            return " " * self.indent + self.text
        return " " * self.commented_at + "# " + " " * (self.indent - self.commented_at) + self.text


def _strip_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        rest = [a for a in get_args(annotation) if a is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _inner(annotation: Any) -> Any:
    """The type inside Optional and list, without its Annotated wrapper."""
    annotation = _strip_optional(annotation)
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _is_list(info: FieldInfo) -> bool:
    return get_origin(_strip_optional(info.annotation)) is list


def _model(info: FieldInfo) -> type[BaseModel] | None:
    inner = _inner(info.annotation)
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def _enum(info: FieldInfo) -> type[Enum] | None:
    inner = _inner(info.annotation)
    return inner if isinstance(inner, type) and issubclass(inner, Enum) else None


def _value_annotation(info: FieldInfo) -> Any:
    """The value's own annotation with its validators, for both ``Phone`` and ``Phone | None`` fields."""
    stripped = _strip_optional(info.annotation)
    if get_origin(stripped) is list:
        return get_args(stripped)[0]
    if get_origin(stripped) is Annotated:
        return stripped
    return Annotated[(stripped, *info.metadata)] if info.metadata else stripped


def _type_example(info: FieldInfo, today: dt.date) -> str:
    annotation = _value_annotation(info)
    for known, example in _TYPE_EXAMPLES:
        if annotation == known or (
            get_origin(annotation) is Annotated
            and set(map(id, get_args(known)[1:])) <= set(map(id, get_args(annotation)[1:]))
        ):
            return example
    inner = _inner(info.annotation)
    if inner is dt.date:
        return today.isoformat()
    if inner is dt.time:
        return "09:00"
    if inner is int:
        low = next((rule.ge for rule in info.metadata if getattr(rule, "ge", None) is not None), 0)
        return str(low)
    return ""


def describe(info: FieldInfo, today: dt.date) -> str:
    """The one-line comment for a field: its description, then an example or the allowed words."""
    text = " ".join((info.description or "").split())
    enum = _enum(info)
    if enum is not None:
        text += f" Write {'any' if _is_list(info) else 'one'} of: {', '.join(m.value for m in enum)}."
    elif _inner(info.annotation) is bool:
        if "true or false" not in text:
            text += " Write true or false."
    elif "Example:" not in text and _model(info) is None:
        example = _type_example(info, today)
        if example:
            text += f" Example: {example}."
    return text.strip()


def _default_value(info: FieldInfo) -> str | None:
    """A non-empty default to write out, such as ``status: open``."""
    default = info.default
    if default is PydanticUndefined or default is None or info.default_factory is not None:
        return None
    if isinstance(default, Enum):
        return str(default.value)
    if isinstance(default, bool):
        return "true" if default else "false"
    return str(default)


def _required(info: FieldInfo) -> bool:
    """Required, or required for most wards ("Required unless ...": daily_life.leave.informal), so a new file has it."""
    return info.is_required() or (info.description or "").startswith("Required unless")


def must_write(info: FieldInfo, given: bool, defaults: Any) -> bool:
    """True if a ward file must contain this field, given what its provider's defaults supply."""
    model = _model(info)
    if model is not None and not _is_list(info):
        if given:
            if not isinstance(defaults, dict):
                return False
            return any(
                must_write(child, name in defaults, defaults.get(name)) for name, child in model.model_fields.items()
            )
        return _required(info)
    return _required(info) and not given


def _emit(
    model: type[BaseModel],
    defaults: Any,
    indent: int,
    commented_at: int | None,
    today: dt.date,
    dash_first: bool = False,
) -> list[_Line]:
    """Lines for every field of ``model``; with ``dash_first`` they form one list item (``- first:``)."""
    lines: list[_Line] = []
    defaults = defaults if isinstance(defaults, dict) else {}
    fields = list(model.model_fields.items())
    if dash_first and commented_at is None:  # the dash must sit on a line that is not commented out
        fields.sort(key=lambda item: not must_write(item[1], item[0] in defaults, defaults.get(item[0])))
    for position, (name, info) in enumerate(fields):
        first = dash_first and position == 0
        at = indent if first or not dash_first else indent + INDENT
        given = name in defaults
        comment = describe(info, today)
        if commented_at is None:
            writes = must_write(info, given, defaults.get(name)) or (_default_value(info) is not None and not given)
            if given and writes:
                comment += " Your provider.yaml gives part of this for every ward: fill in the rest here. (required)"
            elif given:
                comment += (
                    " Your provider.yaml gives this for every ward: write it here only if this ward is different."
                )
            elif _required(info) and writes:
                comment += " (required)"
            field_commented = None if writes else at
            if not writes and not given and indent == 0 and name in CATEGORY_KEYS:
                comment += ' Every ward should publish this: until you do, the page says "Not published yet".'
        else:
            field_commented = commented_at
            if _required(info):
                comment += " (required if you use this section)"
        lines.append(_Line(at, f"# {comment}", commented_at))
        lines.extend(_emit_field(name, info, defaults.get(name), at, "- " if first else "", field_commented, today))
    return lines


def _emit_field(
    name: str, info: FieldInfo, defaults: Any, indent: int, prefix: str, commented_at: int | None, today: dt.date
) -> list[_Line]:
    model = _model(info)
    child_indent = indent + len(prefix) + INDENT
    value = _default_value(info)
    if model is not None and _is_list(info):
        return [
            _Line(indent, f"{prefix}{name}:", commented_at),
            *_emit(model, None, child_indent, commented_at, today, dash_first=True),
        ]
    if model is not None:
        return [
            _Line(indent, f"{prefix}{name}:", commented_at),
            *_emit(model, defaults, child_indent, commented_at, today),
        ]
    if _is_list(info):
        return [_Line(indent, f"{prefix}{name}:", commented_at), _Line(child_indent, "-", commented_at)]
    return [_Line(indent, f"{prefix}{name}:" + (f" {value}" if value is not None else ""), commented_at)]


def _render(header: str, lines: list[_Line]) -> str:
    out = [header.rstrip("\n"), ""]
    for line in lines:
        # A blank line before each top-level field's comment keeps the sections apart.
        if line.indent == 0 and line.text.startswith("# ") and line.commented_at in (None, 0) and out[-1] != "":
            out.append("")
        out.append(line.render())
    return "\n".join(out) + "\n"


def ward_template(
    provider_slug: str, ward_slug: str, defaults: dict[str, Any], schema_ref: str, path: str, today: dt.date
) -> str:
    """The text of a new ward file for ``provider_slug``, with ``defaults`` from its provider.yaml."""
    header = WARD_HEADER.format(
        schema_ref=schema_ref,
        title=f"The ward at /wards/{provider_slug}/{ward_slug}/, run by the provider in the folder {provider_slug}.",
        path=path,
    )
    return _render(header, _emit(Ward, defaults, 0, None, today))


def provider_template(provider_slug: str, schema_ref: str, path: str, today: dt.date) -> str:
    """The text of a new provider.yaml, with a commented-out start on the usually shared ward sections."""
    header = WARD_HEADER.format(
        schema_ref=schema_ref,
        title=f"Facts about the provider whose wards are in the folder {provider_slug}.",
        path=path,
    )
    lines: list[_Line] = []
    for name, info in Provider.model_fields.items():
        if name == "ward_defaults":
            continue
        writes = _required(info)
        comment = describe(info, today) + (" (required)" if writes else "")
        lines.append(_Line(0, f"# {comment}"))
        lines.extend(_emit_field(name, info, None, 0, "", None if writes else 0, today))
    info = Provider.model_fields["ward_defaults"]
    lines.append(_Line(0, f"# {describe(info, today)} Lists here are replaced whole by a ward's own list."))
    lines.append(_Line(0, "ward_defaults:", 0))
    for section in SHARED_SECTIONS:
        section_info = Ward.model_fields[section]
        lines.append(_Line(INDENT, f"# {describe(section_info, today)}", 0))
        lines.extend(_emit_field(section, section_info, None, INDENT, "", 0, today))
    return _render(header, lines)
