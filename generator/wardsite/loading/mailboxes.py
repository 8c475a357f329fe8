"""Email addresses published for a ward that look like one person's, as warnings.

A ward's contact address is read by whoever is on shift; a personal one (jo.smith@) goes unread
when that person is away or leaves, and publishes a member of staff's name. It may still be
right (a carers' lead who wants it), so it is a warning, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

from wardsite.model.contacts import email_parts, looks_personal
from wardsite.model.types import Email
from wardsite.model.ward import Ward

FieldPath = tuple[str | int, ...]
Finding = tuple[FieldPath, str, str]

# What a shared mailbox for each group holding an address is usually called, for the example in the fix.
# The same example for every ward, so an address from ward_defaults is one warning, not one per ward.
_MAILBOX_FOR = {"pals": "pals", "lead": "carers.team"}
_WARD_MAILBOX = "heron.ward"


def personal_email_findings(ward: Ward) -> Iterator[Finding]:
    """``(field path, message, fix)`` for each email address in ``ward`` that looks like a person's."""
    names = [ward.name, *ward.alternate_names, ward.site.name]
    own_words = [word for name in names for word in re.findall(r"[^\W\d_]+", name)]
    for path, address in _addresses(ward, ()):
        if not looks_personal(address, own_words):
            continue
        parts = email_parts(address)
        domain = parts[1] if parts else "example.nhs.uk"
        group = next((str(p) for p in reversed(path[:-1]) if isinstance(p, str)), "")
        mailbox = _MAILBOX_FOR.get(group, _WARD_MAILBOX)
        yield (
            path,
            f'"{address}" looks like one person\'s email address (a first and last name before the @).',
            f"Give a shared mailbox that whoever is on shift reads, such as {mailbox}@{domain}: a personal address "
            "goes unanswered when that person is away or leaves, and publishes their name.",
        )


def _addresses(model: BaseModel, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    for name, holds_email in _fields(type(model)):
        value = getattr(model, name)
        if holds_email and isinstance(value, str):
            yield (*path, name), value
        elif isinstance(value, BaseModel):
            yield from _addresses(value, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _addresses(item, (*path, name, index))


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``model`` that hold an email address or other models, and which hold an address."""
    return tuple(
        (name, _mentions(info.annotation, Email))
        for name, info in model.model_fields.items()
        if _mentions(info.annotation, Email) or _holds_models(info.annotation)
    )


def _mentions(annotation: Any, wanted: Any) -> bool:
    return annotation == wanted or any(_mentions(arg, wanted) for arg in get_args(annotation))


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(arg) for arg in get_args(annotation))
