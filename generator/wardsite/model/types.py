"""Small value types shared by the ward and provider models.

Each type raises a ``PydanticCustomError`` whose *type* names the problem, so the problem
reporter can choose a friendly message by error type rather than by matching English text.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from functools import lru_cache
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from wardsite.model import contacts


class Strict(BaseModel):
    """Base for every model: unknown keys are errors and attribute docstrings become descriptions."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        use_attribute_docstrings=True,
        frozen=True,
    )


LIST_LIMIT = 40
"""The most entries a list may hold (unless its field says fewer): enough for any ward, and a page stays readable."""

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]

WARD_KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"

WardKey = Annotated[str, StringConstraints(pattern=WARD_KEY_PATTERN)]
"""A ward's identity on a national site: ``<provider folder>/<ward file name>``, such as example-trust/heron-ward."""

YES_NO_WORDS = frozenset({"true", "false", "yes", "no", "y", "n", "on", "off"})
"""Whole values that are a yes/no answer, not words a reader can use (``peer_support: true`` would say "true")."""


FILLER_WORDS = frozenset({"not applicable", "n/a", "na", "none", "nil", "nothing", "not known", "tbc", "-"})
"""Whole values that stand for "we have none" or "does not apply": said on purpose in ``on_purpose`` instead."""


def _not_yes_no(value: str) -> str:
    words = value.strip().lower().rstrip(".")
    if words in YES_NO_WORDS:
        raise PydanticCustomError("yes_no_text", "a yes/no answer where words are needed")
    if words in FILLER_WORDS:
        raise PydanticCustomError("filler_text", "filler where the ward has nothing to say")
    return value


Text = Annotated[str, StringConstraints(min_length=1, max_length=5000), AfterValidator(_not_yes_no)]
"""Plain-language free text. Blank lines start a new paragraph. No HTML or Markdown is rendered."""


def _one_line(value: str) -> str:
    if "\n" in value:
        raise PydanticCustomError("one_line", "text that must fit on one line")
    return value


ShortText = Annotated[
    str, StringConstraints(min_length=1, max_length=200), AfterValidator(_one_line), AfterValidator(_not_yes_no)
]
"""A name, title or other short text: one line (a line break there is an error), at most 200 characters."""


@lru_cache(maxsize=1 << 14)
def _is_uk_phone(value: str) -> bool:
    """Cached: parsing a number with phonenumbers is slow, and a provider's numbers repeat on all its wards."""
    return contacts.uk_phone_number(value) is not None


def _check_phone(value: str) -> str:
    if not _is_uk_phone(value):
        raise PydanticCustomError("phone_format", "not a UK phone number")
    return value


Phone = Annotated[str, AfterValidator(_check_phone)]
"""A whole UK phone number (checked with phonenumbers), such as ``0113 496 0123`` or ``+44 113 496 0123``."""


def _check_email(value: str) -> str:
    problem = contacts.email_problem(value)
    if problem == "link":
        raise PydanticCustomError("email_link", "an email address holding characters that change a mailto: link")
    if problem:
        raise PydanticCustomError("email_format", "not an email address")
    return value


Email = Annotated[str, AfterValidator(_check_email)]
"""An email address (checked with email-validator) that a ``mailto:`` link holds as it is."""

HANDLE_PATTERN = r"^@[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?(?:/[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?)*$"
"""@user, @organisation/team (GitHub) or @group/subgroup (GitLab): names that are safe in a CODEOWNERS line."""


def _check_handle(value: str) -> str:
    if not re.fullmatch(HANDLE_PATTERN, value):
        raise PydanticCustomError("handle_format", "not a GitHub or GitLab handle")
    return value


Handle = Annotated[str, AfterValidator(_check_handle), WithJsonSchema({"type": "string", "pattern": HANDLE_PATTERN})]
"""A GitHub or GitLab user, team or group, written as in a CODEOWNERS file: ``@jo-smith``, ``@example-trust/ward-editors``."""

ALLOWED_URL_SCHEMES = ("https", "http")


def _check_web_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme.lower() not in ALLOWED_URL_SCHEMES:
        raise PydanticCustomError("url_scheme", "web addresses must start with https://")
    if not parts.netloc or " " in value or "." not in parts.netloc:
        raise PydanticCustomError("url_format", "not a web address")
    return value


WebUrl = Annotated[str, AfterValidator(_check_web_url)]


def _check_postcode(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", value.upper()):
        raise PydanticCustomError("postcode_format", "not a UK postcode")
    return value.upper()


Postcode = Annotated[str, AfterValidator(_check_postcode)]


def _require_hh_mm(value: object) -> object:
    if isinstance(value, str) and not re.fullmatch(r"\d{2}:\d{2}", value.strip()):
        raise PydanticCustomError("time_format", "not a time written as HH:MM")
    return value


ClockTime = Annotated[
    dt.time,
    BeforeValidator(_require_hh_mm),
    PlainSerializer(lambda t: t.strftime("%H:%M"), return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$"}),
]
"""A time of day written ``HH:MM`` on the 24-hour clock, such as ``13:00``. Published data writes it the same way."""


def _require_iso_date(value: object) -> object:
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise PydanticCustomError("date_format", "not a date written as YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_require_iso_date)]
"""A calendar date written ``YYYY-MM-DD``, such as ``2026-04-14``."""


class Day(str, Enum):
    """A day of the week, written in full and in lower case."""

    monday = "monday"
    tuesday = "tuesday"
    wednesday = "wednesday"
    thursday = "thursday"
    friday = "friday"
    saturday = "saturday"
    sunday = "sunday"

    @property
    def weekday(self) -> int:
        """Monday is 0, as in ``datetime.date.weekday`` (named so, not ``index``, which ``str`` already has)."""
        return list(Day).index(self)
