"""Where each generated page lives, and relative links between them.

Raw HTML links are not rewritten by the site builder, so every link is made relative here.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata

from wardsite.model.classification import WardGroup


def ward_key(provider_slug: str, ward_slug: str) -> str:
    """A ward's identity on a national site: ward names repeat across providers, so the provider is part of it."""
    return f"{provider_slug}/{ward_slug}"


def ward_dir(provider_slug: str, ward_slug: str) -> str:
    return f"wards/{ward_key(provider_slug, ward_slug)}/"


def easy_read_dir(provider_slug: str, ward_slug: str) -> str:
    return f"{ward_dir(provider_slug, ward_slug)}easy-read/"


def provider_dir(slug: str) -> str:
    return f"providers/{slug}/"


REPORT_DIR = "report/"
"""The inspectors' summary: site totals and one row per provider."""

REPORT_SECTIONS = ("changes", "history")
"""Folders of ``report/`` that are not a provider's report page, so no provider folder may have these names."""


def provider_report_dir(provider_slug: str) -> str:
    """The inspectors' report of one provider: one row per ward, every column (``report/<provider>/``)."""
    return f"{REPORT_DIR}{provider_slug}/"


def report_row_id(ward_slug: str) -> str:
    """The id of a ward's row on its provider's report page, for links to that row."""
    return f"row-{ward_slug}"


def change_log_dir(provider_slug: str) -> str:
    """The inspectors' page of every change to one provider's ward files (one section per ward).

    Not ``report/history/``, which is the national page of each provider's last 24 months."""
    return f"{REPORT_DIR}changes/{provider_slug}/"


def ward_group_dir(group: WardGroup) -> str:
    """The list of one group of wards (one specialism, one age band): ``ward-types/acute/``."""
    return f"ward-types/{group.slug}/"


def area_slug(town: str) -> str:
    """The address of a town's page: towns written with other capitals, accents or punctuation share it."""
    plain = unicodedata.normalize("NFKD", town).encode("ascii", "ignore").decode("ascii").casefold()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return slug or "area-" + hashlib.blake2b(town.casefold().encode(), digest_size=4).hexdigest()


def area_dir(town: str) -> str:
    return f"areas/{area_slug(town)}/"


def page_file(directory: str) -> str:
    """The Markdown file that becomes ``directory`` with directory URLs on."""
    return f"{directory}index.md" if directory else "index.md"


def relative(from_dir: str, to: str) -> str:
    """A link from the page served at ``from_dir`` to ``to`` (a directory or a file path)."""
    start = from_dir.rstrip("/") or "."
    target = to.rstrip("/") or "."
    rel = posixpath.relpath(target, start)
    if to.endswith("/") or to == "":
        return "./" if rel == "." else rel + "/"
    return rel


SCHEMA_DIR = "schema"
"""Where the JSON Schemas are published (and kept in a site's docs folder for editors)."""

WARDS_JSON = "data/wards.json"
"""Every published fact about every ward, as one JSON file."""

OPENREFERRAL_SERVICES = "data/openreferral/services.json"
"""The Open Referral (HSDS) export of every ward."""


def ward_json_path(key: str) -> str:
    """One ward's facts as JSON: ``data/wards/<provider>/<ward>.json``, from the ward's key (``WardEntry.key``)."""
    return f"data/wards/{key}.json"
