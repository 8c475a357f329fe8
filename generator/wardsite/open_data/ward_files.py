"""``data/wards.json`` and ``data/wards/<provider>/<ward>.json``: every published fact about every ward, as JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from wardsite.loading.catalogue import Catalogue, ProviderEntry, WardEntry
from wardsite.model import addresses as links
from wardsite.model.publication import publication
from wardsite.model.ward import ward_national_codes
from wardsite.open_data.records import ProviderRecord, WardRecord, WardsData

WARDS_JSON = links.WARDS_JSON
ward_json_path = links.ward_json_path


def provider_record(provider: ProviderEntry) -> ProviderRecord:
    return ProviderRecord(id=provider.slug, page=links.provider_dir(provider.slug), provider=provider.provider)


def ward_record(provider: ProviderEntry, entry: WardEntry) -> WardRecord:
    return WardRecord(
        id=entry.key,
        provider_id=provider.slug,
        page=links.ward_dir(entry.provider_slug, entry.slug),
        easy_read_page=links.easy_read_dir(entry.provider_slug, entry.slug),
        data_file=ward_json_path(entry.key),
        ward=entry.ward,
        national_codes=ward_national_codes(entry.ward),
    )


# The provider's ward_defaults are already merged into each ward: never repeated in the data.
_PROVIDER_FACTS = {"provider": {"ward_defaults"}}


def _dump(record: Any, exclude: dict[str, Any]) -> dict[str, Any]:
    """JSON-ready data: empty optional fields left out, times as HH:MM, the provider's defaults not repeated."""
    return record.model_dump(mode="json", exclude_none=True, exclude=exclude)


def _codes(record: WardRecord) -> dict[str, Any]:
    """The national codes whole: a LOCKED WARD INDICATOR that does not apply is null, as in availability.json."""
    return record.national_codes.model_dump(mode="json")


def ward_data_files(catalogue: Catalogue, today: dt.date, built_at: dt.datetime | None = None) -> dict[str, str]:
    """``{path in the site: JSON text}``: the all-wards file (compact) and one readable file per ward.

    Each ward is turned into JSON-ready data once, for both files: its own file is its entry in the
    all-wards file with the date and its provider added (``WardData``)."""
    files: dict[str, str] = {}
    providers = [provider_record(p) for p in catalogue.providers]
    provider_data = [_dump(record, _PROVIDER_FACTS) for record in providers]
    ward_data: list[dict[str, Any]] = []
    generated_on = today.isoformat()
    for provider, provider_facts in zip(catalogue.providers, provider_data, strict=True):
        for entry in provider.wards:
            record = ward_record(provider, entry)
            data = _dump(record, {})
            data["national_codes"] = _codes(record)
            ward_data.append(data)
            single = {**data, "generated_on": generated_on, "provider": provider_facts}
            files[ward_json_path(entry.key)] = json.dumps(single, indent=1, ensure_ascii=False) + "\n"
    everything = _dump(WardsData(publication=publication(built_at), generated_on=today, providers=[], wards=[]), {})
    everything.update(providers=provider_data, wards=ward_data)
    files[WARDS_JSON] = json.dumps(everything, separators=(",", ":"), ensure_ascii=False) + "\n"
    return files
