"""What every published data file says about itself, so a national build can read many sites safely.

An aggregator reads data files from sites built by different versions of wardsite, on
different days. Each file says which shape it has (``schema_version``), what made it and
when, so the aggregator can refuse a shape it does not know instead of misreading it, and
can show inspectors how fresh each site is.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import metadata

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 3
"""The shape of data/availability.json and data/wards.json. Goes up when a field is renamed or removed.

2: a ward's id is ``<provider>/<ward>`` (ward names repeat across providers) and its data file is
``data/wards/<provider>/<ward>.json``.
3: ``ward_type`` is replaced by ``classification`` (specialism, security_level, age_group) and
``national_codes`` (the NHS Data Model and Dictionary's codes)."""
KNOWN_SCHEMA_VERSIONS = frozenset({SCHEMA_VERSION})
"""Versions this wardsite can read when aggregating."""


class Publication(BaseModel):
    """Which shape this file has, what made it and when."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    schema_version: int = Field(ge=1)
    """The version of this file's shape (its JSON Schema is published with the site)."""
    generator: str
    """The program that made the file: wardsite."""
    generator_version: str
    """The version of that program, such as 0.1.0."""
    built_at: dt.datetime | None = None
    """When the site was built, in UTC, as the builder recorded it (null when it did not say)."""


@cache
def generator_version() -> str:
    try:
        return metadata.version("wardsite")
    except metadata.PackageNotFoundError:
        return "unknown"


def publication(built_at: dt.datetime | None = None) -> Publication:
    """This wardsite's publication details, for a site built at ``built_at``."""
    return Publication(
        schema_version=SCHEMA_VERSION, generator="wardsite", generator_version=generator_version(), built_at=built_at
    )
