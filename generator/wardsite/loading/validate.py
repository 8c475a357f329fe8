"""Validate parsed data against a model and turn every error into a friendly ``Problem``.

Messages are chosen by pydantic's error *type* (``missing``, ``int_parsing``...), never by
matching its English text. The fix names the field's purpose and an example, taken from the
model's own descriptions.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from wardsite.loading.fields import FieldPath, bounds_at, description_at, enum_at, field_at, model_at
from wardsite.model.classification import OLD_WARD_TYPES
from wardsite.model.enums import label
from wardsite.model.inventory import ANSWERABLE
from wardsite.model.words import and_list
from wardsite.problems import Mark, Problem, format_path

MarkLookup = Callable[[FieldPath], Mark]
ModelT = TypeVar("ModelT", bound=BaseModel)


def validate_model(
    model: type[ModelT], data: Any, mark: MarkLookup, defaults_file: str | None = None
) -> tuple[ModelT | None, list[Problem]]:
    """Validate ``data``; return the model, or None and every problem found.

    ``defaults_file`` names the file whose ``ward_defaults`` were merged into ``data`` (provider.yaml):
    a field missing from a group written only there is that file's to fix, and the fix says so.
    """
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        details = _without_misspelled_missing(model, exc.errors(include_url=False))
        problems = [_problem(model, error, mark, defaults_file) for error in details]
        return None, _unique(problems)


def _suggested_name(root: type[BaseModel], loc: FieldPath) -> str | None:
    """The field a misspelled name (``wify``) most likely means (``wifi``), as the message suggests it."""
    parent = model_at(root, loc[:-1])
    if parent and SYNONYMS.get(str(loc[-1])) in parent.model_fields:
        return SYNONYMS[str(loc[-1])]
    close = (
        difflib.get_close_matches(str(loc[-1]), sorted(parent.model_fields), n=1, cutoff=_CLOSE_NAME) if parent else []
    )
    return close[0] if close else None


def _without_misspelled_missing(root: type[BaseModel], errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Leave out "`wifi` is required but missing" when the same group has `wify`.

    The misspelling's own message ("Did you mean `wifi`?") is the one fix; a second error
    asking to add `wifi` would lead people to write the field twice.
    """
    meant = {
        (tuple(e["loc"][:-1]), _suggested_name(root, tuple(e["loc"]))) for e in errors if e["type"] == "extra_forbidden"
    }
    return [e for e in errors if not (e["type"] == "missing" and (tuple(e["loc"][:-1]), e["loc"][-1]) in meant)]


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, int, int, str, str]] = set()
    result = []
    for p in problems:
        key = (p.file, p.line, p.column, p.path, p.message)
        if key not in seen:
            seen.add(key)
            result.append(p)
    return result


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


def _example(root: type[BaseModel], path: FieldPath) -> str:
    description = description_at(root, path)
    return description if description else ""


def _problem(root: type[BaseModel], error: ErrorDetails, mark: MarkLookup, defaults_file: str | None) -> Problem:
    loc: FieldPath = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    path_text = format_path(loc)
    about = _example(root, loc)
    where = mark(loc)
    if value is None and kind in _TYPE_ERRORS:
        message, fix = _empty(root, loc, value, ctx, about, kind)
    elif kind == "missing" and where.file == defaults_file:
        message, fix = _missing_from_defaults(loc, about)
    else:
        message, fix = _MESSAGES.get(kind, _generic)(root, loc, value, ctx, about)
    return Problem.at(where, path_text, message, fix)


def _generic(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return f"{_shown(value)} is not allowed here.", about or "Check the value against the guide for providers."


def _empty(root, loc, value, ctx, about, kind=""):  # type: ignore[no-untyped-def]
    info = field_at(root, loc)
    required = bool(info and info.is_required())
    if loc and isinstance(loc[-1], int):
        label = "this list entry"
        where = "Write the entry after the `- ` on this line" + (
            "." if required and loc[-1] == 0 else ", or delete the line if you do not need it."
        )
    else:
        label = f"`{loc[-1]}`" if loc else "this value"
        where = (
            "This field is required: write its value after the colon."
            if required
            else "Write the value after the colon, or delete the line if you do not know it yet."
        )
    group = model_at(root, loc) if kind in _GROUP_ERRORS else None
    if group is not None:  # `site:` with nothing after it: the fields go underneath, not after the colon
        where = " ".join(
            part
            for part in (
                "Write its fields on the lines below, indented, each as `name: value`"
                + ("." if required else ", or delete the line if you do not need it."),
                _fields_of(group, loc),
            )
            if part
        )
    enum = enum_at(root, loc)
    if enum and "Write one of" not in about:
        about += f" Write one of: {', '.join(m.value for m in enum)}."
    elif kind == "bool_type" and "true or false" not in about.lower():
        about += " Write true or false."
    return f"{label} has no value.", f"{where} {about}".strip()


def _missing(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    name = loc[-1]
    parent = format_path(loc[:-1])
    where = f" under `{parent}`" if parent else ""
    return f"`{name}` is required but missing.", f"Add `{name}:`{where}. {about}".strip()


def _missing_from_defaults(loc: FieldPath, about: str) -> tuple[str, str]:
    """A required field missing from a group that only the provider's ``ward_defaults`` write."""
    name, group = loc[-1], format_path(loc[:-1])
    return (
        f"`{name}` is required but missing from `{group}`, which the wards take from ward_defaults.",
        f"Add `{name}:` under `ward_defaults.{group}` here, so every ward has it, or write it in each of those ward "
        f"files under `{group}`. {about}".strip(),
    )


SYNONYMS: dict[str, str] = {
    "nrt_offered": "nicotine_replacement_offered",
    "nrt": "nicotine_replacement_offered",
    "from": "start",
    "to": "end",
    "until": "end",
    "starts": "start",
    "ends": "end",
    "opens": "start",
    "closes": "end",
    "telephone": "ward_phone",
    "phone_number": "ward_phone",
    "postal_code": "postcode",
    "post_code": "postcode",
    "number_of_beds": "beds",
    "bed_count": "beds",
    "visiting_times": "hours",
    "no_visits": "not_during",
    "protected_meals": "protected_mealtimes",
    "ward_type": "classification",
    "type": "classification",
    "security": "security_level",
    "age_range": "age_group",
}
"""Words people use for a field (from the field inventory and real ward pages), and the field they mean."""


def _elsewhere(root: type[BaseModel], loc: FieldPath, name: str) -> str | None:
    """A field called ``name`` one group below where it was written (top-level ``virtual_tour_url`` is in
    ``getting_here``), as the path to write it at."""
    parent = model_at(root, loc[:-1])
    if parent is None:
        return None
    for group in sorted(parent.model_fields):
        child = model_at(parent, (group,))
        if child is not None and name in child.model_fields:
            return format_path((*loc[:-1], group, name))
    return None


def _extra(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    name = str(loc[-1])
    parent = model_at(root, loc[:-1])
    allowed = sorted(parent.model_fields) if parent else []
    if name == "ward_type" and "classification" in allowed:
        return _old_ward_type(value)
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=_CLOSE_NAME)
    if SYNONYMS.get(name) in allowed:
        close = [SYNONYMS[name]]
    if close:
        return f"`{name}` is not a field here.", f"Did you mean `{close[0]}`?"
    moved = _elsewhere(root, loc, name)
    if moved:
        group = moved.rsplit(".", 1)[0]
        return f"`{name}` is not a field here: it belongs in `{group}`.", (
            f"Move the line under `{group.rsplit('.', 1)[-1]}:`, indented level with the fields there "
            f"(its full name is `{moved}`)."
        )
    return f"`{name}` is not a field here.", "Check the spelling, or remove it. Fields allowed here: " + ", ".join(
        allowed
    ) + "."


def _old_ward_type(value: Any) -> tuple[str, str]:
    """The one-line change from an old ``ward_type`` to the ``classification`` it most likely means."""
    message = "`ward_type` was replaced by `classification` (specialism, security_level, age_group) in wardsite 0.3."
    new = OLD_WARD_TYPES.get(str(value))
    if new is None:
        return message, (
            "Write `classification:` with `specialism`, `security_level` and `age_group` instead "
            '(the "Every field" page lists their values).'
        )
    specialism, security_level, age_group = (member.value for member in new)
    return message, (
        f"Write `classification: {{specialism: {specialism}, security_level: {security_level}, "
        f"age_group: {age_group}}}` instead, if that fits this ward, or run `wardsite upgrade` to rewrite the file."
    )


def _enum(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    enum = enum_at(root, loc)
    allowed = (
        [m.value for m in enum]
        if enum
        else [v.strip(" '") for v in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
    )
    close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
    by_label = _by_reader_label(enum, value) if enum else None
    if by_label:
        close = [by_label]
    hint = f"Did you mean `{close[0]}`? " if close else ""
    if by_label and enum:  # say why: the page shows the value in words, and those words were written
        hint += f'Pages show it as "{label(enum(by_label))}". '
    return f"{_shown(value)} is not one of the allowed values.", f"{hint}Write one of: {', '.join(allowed)}."


def _by_reader_label(enum: type[Enum], value: Any) -> str | None:
    """The value whose reader label is what was written: ``ward_doctor`` means `specialty_doctor`, shown as
    "Ward doctor". Only an exact match of the words (ignoring case, spaces and underscores) counts."""
    words = " ".join(str(value).replace("_", " ").replace("-", " ").lower().split())
    for member in enum:
        if " ".join(label(member).lower().split()) == words and member.value != str(value):
            return member.value
    return None


def _whole_number(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return (
        f"{_shown(value)} is not a whole number.",
        f"Write a whole number in digits{',' if _range(root, loc) else ''}{_range(root, loc)}. {about}".strip(),
    )


def _yes_no_field(root: type[BaseModel], loc: FieldPath) -> str | None:
    """The true/false field beside a text field that a yes/no answer most likely belongs in, as a path."""
    parent_path = loc[:-1]
    while parent_path and isinstance(parent_path[-1], int):
        parent_path = parent_path[:-1]
    field_path = loc[: len(parent_path) + 1]
    parent = model_at(root, parent_path)
    if parent is None:
        return None
    yes_no = [name for name, info in parent.model_fields.items() if info.annotation in (bool, bool | None)]
    close = difflib.get_close_matches(str(field_path[-1]), yes_no, n=1, cutoff=0.4)
    # A group's `note` explains its one yes/no answer (protected_mealtimes: protected, note).
    lone = yes_no[0] if len(yes_no) == 1 and field_path[-1] == "note" else None
    found = close[0] if close else lone
    return format_path((*parent_path, found)) if found else None


def _yes_no_text(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    name = next((str(part) for part in reversed(loc) if not isinstance(part, int)), "this field")
    yes_no = _yes_no_field(root, loc)
    where = f" If you meant to answer yes or no, write true or false in `{yes_no}` instead." if yes_no else ""
    return (
        f"{_shown(value)} is a yes/no answer, but `{name}` is published as words, so readers would see "
        f"{_shown(value)}.",
        f"Write in words what this ward does or offers.{where} {about}".strip(),
    )


def _filler_text(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    names = tuple(str(part) for part in loc if not isinstance(part, int))
    field = ".".join(names)
    if names[-2:] == ("leave", "informal"):
        fix = "If everyone on this ward is detained, delete this line and write `all_detained: true` under `who_for`."
    else:
        prefixes = (".".join(names[:n]) for n in range(len(names), 0, -1))
        answerable = next((p for p in prefixes if p in ANSWERABLE), "")
        fix = (
            f"Delete this line and say it on purpose, with a reason readers see: under `on_purpose:`, add"
            f" `- field: {answerable}`, `answer: none` (or `not_applicable`) and `reason: ...`."
            if answerable
            else "Delete this line: a field left out is not shown, so readers never see filler words."
        )
    return f"{_shown(value)} in `{field}` would be published as it is, and counts as information the ward gave.", fix


def _bool(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return f"{_shown(value)} is not true or false.", f"Write true or false. {about}".strip()


# Ways people write dates and times that can only mean one thing (UK order: day before month).
# They are never accepted, only suggested, so the file keeps one way of writing each.
_DATE_SHAPES = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d/%m/%y",
    "%d %B %Y",
    "%d %b %Y",
    "%A %d %B %Y",
    "%Y/%m/%d",
)
_TIME_SHAPES = ("%H:%M", "%H.%M", "%H%M", "%I%p", "%I:%M%p", "%I.%M%p")


def _meant(value: Any, shapes: tuple[str, ...], written: str) -> str:
    """``Did you mean 2026-11-26? `` when ``value`` is a date or time in another clear shape, else nothing."""
    text = " ".join(str(value).replace(",", " ").split())
    for shape in shapes:
        try:
            parsed = dt.datetime.strptime(text.replace(" ", "") if "%p" in shape else text, shape)
        except ValueError:
            continue
        return f"Did you mean {parsed.strftime(written)}? "
    return ""


def _date(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return (
        f"{_shown(value)} is not a real date.",
        "Write the date as YYYY-MM-DD, for example 2026-04-14, and check the day exists in that month.",
    )


def _date_format(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return (
        f"{_shown(value)} is not a date written as YYYY-MM-DD.",
        f"{_meant(value, _DATE_SHAPES, '%Y-%m-%d')}Write the date as YYYY-MM-DD, for example 2026-04-14.",
    )


def _time(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return (
        f"{_shown(value)} is not a real time.",
        "Write the time as HH:MM on the 24-hour clock, from 00:00 to 23:59, for example 13:00.",
    )


def _time_format(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    meant = _meant(value, _TIME_SHAPES, "%H:%M")
    if meant:
        return (
            f"{_shown(value)} is not a time written as HH:MM.",
            f"{meant}Times are written HH:MM on the 24-hour clock.",
        )
    return (
        f"{_shown(value)} is not a time written as HH:MM.",
        "Write the time as HH:MM on the 24-hour clock, for example 13:00 for 1pm or 09:00 for 9am.",
    )


def _phone(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return (
        f"{_shown(value)} is not a UK phone number.",
        "Write the full number with its area code, for example 01632 960123 or +44 1632 960123.",
    )


def _email(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return f"{_shown(value)} is not an email address.", "Write it like wardname@example.nhs.uk."


def _email_link(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return (
        f"{_shown(value)} holds ? & % or # before the @, which would add to the email link (such as a copy to "
        "someone else) instead of being part of the address.",
        "Write just the address, like wardname@example.nhs.uk.",
    )


def _url_scheme(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return (
        f"{_shown(value)} is not a web address starting with https:// or http://.",
        "Write the full address, for example https://www.example.nhs.uk/wards. Phone numbers and email "
        "addresses have their own fields.",
    )


def _url_format(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return (
        f"{_shown(value)} is not a complete web address.",
        "Write the full address, for example https://www.example.nhs.uk/wards.",
    )


def _postcode(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return f"{_shown(value)} is not a UK postcode.", "Write the postcode like EX1 2AB."


def _too_short(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    if isinstance(value, list):
        return "the list is empty.", f"Add at least one entry. {about}".strip()
    return "the text is empty.", f"Write something, or remove the field if it is optional. {about}".strip()


def _too_long(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    limit = ctx.get("max_length")
    if isinstance(value, list):
        return (
            f"the list has {len(value):,} entries; `{loc[-1]}` can have at most {limit}.",
            f"Keep the {limit} that matter most to patients and visitors, and delete the rest: "
            "a long list is hard to read, on screen and printed.",
        )
    return (
        f"the text is {len(str(value))} characters long; the limit here is {limit}.",
        "Shorten it: short sentences are easier to read.",
    )


def _one_line(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return (
        "this text goes over more than one line, but it must fit on one (it is used as a name or title).",
        "Write it on one line: delete the line break, and remove any `|` or `>` after the colon.",
    )


def _pattern(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    if "Example:" in about:
        return f"{_shown(value)} is not in the expected format.", f"Write it in the same form as the example. {about}"
    return (
        f"{_shown(value)} is not in the expected format.",
        f"Check the format in the guide for providers. {about}".strip(),
    )


def _handle(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return (
        f"{_shown(value)} is not a GitHub or GitLab handle.",
        "Write @ and the user name, like @jo-smith, or @ and the organisation (or group) and team, "
        "like @example-trust/ward-editors.",
    )


def _range(root: type[BaseModel], loc: FieldPath) -> str:
    """`` from 1 to 200`` for a field with both limits, or nothing."""
    low, high = bounds_at(root, loc)
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f" of {low} or more"
    return ""


def _at_least(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    bound = ctx.get("ge", ctx.get("gt"))
    word = "at least" if "ge" in ctx else "more than"
    return (
        f"{_shown(value)} is too small: it must be {word} {bound}.",
        f"Write a whole number{_range(root, loc)}. {about}".strip(),
    )


def _at_most(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    bound = ctx.get("le", ctx.get("lt"))
    word = "at most" if "le" in ctx else "less than"
    return (
        f"{_shown(value)} is too big: it must be {word} {bound}.",
        f"Write a whole number{_range(root, loc)}. {about}".strip(),
    )


def _needs_text(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    return f"expected text here, but found {_shown(value)}.", f"Write a single value. {about}".strip()


def _needs_list(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    entry = model_at(root, loc)  # the model of each entry, for a list of groups
    how = "Write each entry on its own line starting with `- `."
    if entry is not None and isinstance(value, dict) and value and set(value) <= set(entry.model_fields):
        how = (
            "Put `- ` before the first field, so the group is the list's first entry (and each further entry "
            "starts with `- `)."
        )
    fields = _fields_of(entry, (*loc, 0)) if entry is not None else ""
    return (
        f"expected a list here, but found {_shown(value)}.",
        " ".join(part for part in (how, fields, about) if part),
    )


def _needs_mapping(root, loc, value, ctx, about):  # type: ignore[no-untyped-def]
    group = model_at(root, loc)
    return (
        f"expected a group of fields here, but found {_shown(value)}.",
        " ".join(part for part in (_how_to_group(group, value), _fields_of(group, loc), about) if part),
    )


def _how_to_group(group: type[BaseModel] | None, value: Any) -> str:
    """How to turn what was written into a group: a list of this group's own fields loses its dashes; a list
    of entries of one of its lists (``shift:`` rows under ``planned_per_shift``) goes under that list's name."""
    written = {key for item in value for key in item} if isinstance(value, list) and _all_groups(value) else set()
    if group is not None and written:
        if written <= set(group.model_fields):
            return "Remove the `- ` before the first field: a group of fields is written without dashes."
        for name in group.model_fields:
            entry = model_at(group, (name,))
            if entry is not None and written <= set(entry.model_fields) and _is_list(group, name):
                return f"These look like entries of its list `{name}`: write `{name}:` and indent the list under it."
    return "Write the fields indented underneath, each as `name: value`."


def _all_groups(value: list[Any]) -> bool:
    return bool(value) and all(isinstance(item, dict) for item in value)


def _is_list(group: type[BaseModel], name: str) -> bool:
    info = group.model_fields[name]
    return get_origin(info.annotation) is list or list in (get_origin(t) for t in get_args(info.annotation))


def _fields_of(group: type[BaseModel] | None, loc: FieldPath) -> str:
    """ "`planned_per_shift` needs `as_of` and `shifts`.", from the model, so a shape message names the fields."""
    if group is None:
        return ""
    names = [str(part) for part in loc if not isinstance(part, int)]
    if loc and not isinstance(loc[-1], int):
        whose = f"`{names[-1]}`"
    else:
        whose = f"Each entry of `{names[-1]}`" if names else "It"
    required = [f"`{name}`" for name, info in group.model_fields.items() if info.is_required()]
    optional = [f"`{name}`" for name, info in group.model_fields.items() if not info.is_required()]
    if required and optional:
        return f"{whose} needs {and_list(required)}, and can also have {and_list(optional)}."
    if required:
        return f"{whose} needs {and_list(required)}."
    return f"{whose} can have {_or_list(optional)}." if optional else ""


def _or_list(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" or {items[-1]}" if len(items) > 1 else "".join(items)


# How close a misspelled field name must be to a real one to be suggested (difflib ratio).
# 0.65 suggests `visiting` for `vistiing` and `ward_phone` for `phone`, but not `door` for `colour`.
_CLOSE_NAME = 0.65

# Errors that mean "this is the wrong kind of value"; given nothing (`name:`), say it is empty instead.
_TYPE_ERRORS = {
    "string_type",
    "int_type",
    "bool_type",
    "date_type",
    "time_type",
    "list_type",
    "model_type",
    "model_attributes_type",
    "dict_type",
    "enum",
    "is_instance_of",
}

# Errors that mean "a group of fields was expected".
_GROUP_ERRORS = {"model_type", "model_attributes_type", "dict_type"}

_MESSAGES: dict[str, Callable[..., tuple[str, str]]] = {
    "missing": _missing,
    "extra_forbidden": _extra,
    "enum": _enum,
    "int_parsing": _whole_number,
    "int_type": _whole_number,
    "int_from_float": _whole_number,
    "yes_no_text": _yes_no_text,
    "filler_text": _filler_text,
    "bool_parsing": _bool,
    "bool_type": _bool,
    "date_parsing": _date,
    "date_from_datetime_parsing": _date,
    "date_from_datetime_inexact": _date,
    "date_type": _date,
    "date_format": _date_format,
    "time_parsing": _time,
    "time_type": _time,
    "time_format": _time_format,
    "phone_format": _phone,
    "email_format": _email,
    "handle_format": _handle,
    "email_link": _email_link,
    "url_scheme": _url_scheme,
    "url_format": _url_format,
    "postcode_format": _postcode,
    "too_short": _too_short,
    "string_too_short": _too_short,
    "string_too_long": _too_long,
    "too_long": _too_long,
    "string_pattern_mismatch": _pattern,
    "one_line": _one_line,
    "greater_than_equal": _at_least,
    "greater_than": _at_least,
    "less_than_equal": _at_most,
    "less_than": _at_most,
    "string_type": _needs_text,
    "list_type": _needs_list,
    "model_type": _needs_mapping,
    "model_attributes_type": _needs_mapping,
    "dict_type": _needs_mapping,
}
