"""The shape of the published ward data, as models, so its JSON Schema is generated like the rest.

``data/wards.json`` holds every provider and ward; ``data/wards/<provider>/<ward>.json`` holds one ward with
its provider. Each ward's facts sit under ``ward`` exactly as the ward model holds them after the
provider's defaults are merged, so ``ward`` also validates against ``schema/ward.schema.json``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from wardsite.model import Provider, Ward
from wardsite.model.classification import NationalCodes
from wardsite.model.publication import Publication, publication
from wardsite.model.types import IsoDate, Slug, WardKey


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class ProviderRecord(_Record):
    """A provider, with its web address name and page."""

    id: Slug
    """The provider's folder name, such as example-valley-nhs-ft."""
    page: str
    """The provider's page, relative to the site's home page."""
    provider: Provider
    """The provider file's facts (ward_defaults are not repeated: they are merged into each ward)."""


class WardRecord(_Record):
    """A ward, with its web address name, its provider and where its pages and data are."""

    id: WardKey
    """The ward's identity, unique nationally: its provider's id and its file name, such as example-trust/heron-ward.
    Ward names repeat across providers, so the provider is part of it."""
    provider_id: Slug
    """The id of the provider that runs the ward."""
    page: str
    """The ward's page, relative to the site's home page."""
    easy_read_page: str
    """The ward's Easy Read page, relative to the site's home page."""
    data_file: str
    """This ward's own JSON file, relative to the site's home page."""
    ward: Ward
    """Everything published about the ward, with the provider's defaults merged in."""
    national_codes: NationalCodes
    """The ward's classification in the NHS Data Model and Dictionary's national codes."""


class WardsData(_Record):
    """data/wards.json: every provider and every ward on the site."""

    publication: Publication = Field(default_factory=publication)
    """Which shape this file has, what made it and when: what a national build reads first."""
    generated_on: IsoDate
    """The date the site was built."""
    providers: list[ProviderRecord]
    wards: list[WardRecord]


class WardData(WardRecord):
    """data/wards/<provider>/<ward>.json: one ward and its provider."""

    generated_on: IsoDate
    """The date the site was built."""
    provider: ProviderRecord
    """The provider that runs the ward."""
