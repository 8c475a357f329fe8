"""An Open Referral (HSDS 3.1 / Open Referral UK) export: ``data/openreferral/services.json``.

Directories and referral tools that read HSDS can take every ward from one file. The file has
the shape of the HSDS API's paginated ``/services`` answer (one page holding everything) with
each service in full:

- the provider is the ``organization`` (its ODS code and CQC provider ID as identifiers);
- the ward is the ``service``; ``assured_date`` is the ward's last review;
- the ward's site is the ``location`` (reached through ``service_at_locations``);
- visiting times and the activity timetable are weekly ``schedules`` (their ``description``
  says which is which: a ward itself is staffed day and night);
- the ward's beds are a ``service_capacity`` (``capacities``) with the unit "bed".

HSDS wants an ``available`` count for a capacity; wardsite does not know how many beds are free
today, so ``available`` and ``maximum`` both hold the ward's size and ``description`` says so.
Identifiers are UUIDs derived from the web address names, so they stay the same between builds.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from wardsite.findings import derived
from wardsite.findings.derived import active_alert
from wardsite.loading.catalogue import Catalogue, ProviderEntry, WardEntry
from wardsite.model import addresses as links
from wardsite.model import words
from wardsite.model.classification import NATIONAL_CODE_DESCRIPTIONS, describe
from wardsite.model.enums import WardStatus, label
from wardsite.model.types import Day
from wardsite.model.ward import ward_national_codes
from wardsite.render.ward_page import who_summary

OPENREFERRAL_SERVICES = links.OPENREFERRAL_SERVICES
HSDS_VERSION = "3.1"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wardsite.invalid/openreferral")
_STATUS = {
    WardStatus.open: "active",
    WardStatus.temporarily_closed: "temporarily closed",
    WardStatus.closed: "inactive",
}
_BYDAY = {d: d.value[:2].upper() for d in Day}
BED_CAPACITY_NOTE = (
    "Beds on the ward. This is the size of the ward, not how many beds are free today: phone the ward to ask."
)


def stable_id(*parts: str) -> str:
    """A UUID that is the same every build for the same thing, such as ("service", "heron-ward")."""
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def organization(provider: ProviderEntry) -> dict[str, Any]:
    org = provider.provider
    org_id = stable_id("organization", provider.slug)
    identifiers = [
        {
            "id": stable_id("organization", provider.slug, kind),
            "organization_id": org_id,
            "identifier_type": kind,
            "identifier": value,
        }
        for kind, value in (("NHS ODS code", org.ods_code), ("CQC provider ID", org.cqc_provider_id))
        if value
    ]
    return _compact(
        {
            "id": org_id,
            "name": org.name,
            "description": org.about or label(org.type),
            "website": org.website,
            "organization_identifiers": identifiers,
        }
    )


def _schedule(
    service_id: str, key: str, days: list[Day], start: dt.time, end: dt.time, description: str
) -> dict[str, Any]:
    return {
        "id": stable_id("schedule", key),
        "service_id": service_id,
        "freq": "WEEKLY",
        "byday": ",".join(_BYDAY[d] for d in Day if d in days),
        "opens_at": start.strftime("%H:%M"),
        "closes_at": end.strftime("%H:%M"),
        "description": description,
    }


def schedules(entry: WardEntry, service_id: str) -> list[dict[str, Any]]:
    """Visiting times, then the activity timetable, as weekly schedules (UK local time)."""
    ward = entry.ward
    result = []
    if ward.visiting:
        booking = label(ward.visiting.booking)
        for i, (days, start, end) in enumerate(derived.visiting_periods(ward)):  # gaps taken off
            result.append(
                _schedule(
                    service_id,
                    f"{entry.key}/visiting/{i}",
                    list(days),
                    start,
                    end,
                    f"Visiting times: {words.days(days)}, {words.time_range(start, end)}. {booking}.",
                )
            )
    if ward.activities:
        for i, a in enumerate(ward.activities.timetable):
            led = f", led by {a.led_by}" if a.led_by else ""
            result.append(
                _schedule(
                    service_id,
                    f"{entry.key}/activity/{i}",
                    a.days,
                    a.start,
                    a.end,
                    f"Activity: {a.activity}{led}. {words.days(a.days)}, {words.time_range(a.start, a.end)}.",
                )
            )
    return result


def location(entry: WardEntry) -> dict[str, Any]:
    ward = entry.ward
    location_id = stable_id("location", entry.key)
    lines = list(ward.address.lines)
    address = _compact(
        {
            "id": stable_id("address", entry.key),
            "location_id": location_id,
            "address_1": lines[0],
            "address_2": ", ".join(lines[1:]),
            "city": ward.address.town,
            "state_province": "England",
            "postal_code": ward.address.postcode,
            "country": "GB",
            "address_type": "physical",
        }
    )
    access = []
    if ward.accessibility:
        for i, feature in enumerate(ward.accessibility.building):
            access.append(
                _compact(
                    {
                        "id": stable_id("accessibility", entry.key, str(i)),
                        "location_id": location_id,
                        "description": feature.feature if feature.available else f"{feature.feature}: not available",
                        "details": feature.detail,
                    }
                )
            )
        if ward.accessibility.access_guide_url:
            access.append(
                {
                    "id": stable_id("accessibility", entry.key, "guide"),
                    "location_id": location_id,
                    "description": "Access guide",
                    "url": ward.accessibility.access_guide_url,
                }
            )
    travel = [
        t
        for t in (
            (ward.getting_here.by_bus, ward.getting_here.by_car, ward.getting_here.by_train)
            if ward.getting_here
            else ()
        )
        if t
    ]
    return _compact(
        {
            "id": location_id,
            "location_type": "physical",
            "name": ward.site.name,
            "external_identifier": ward.site.ods_site_code,
            "external_identifier_type": "NHS ODS site code" if ward.site.ods_site_code else None,
            "transportation": " ".join(travel),
            "addresses": [address],
            "accessibility": access,
        }
    )


def service(provider: ProviderEntry, entry: WardEntry, today: dt.date, site_url: str | None = None) -> dict[str, Any]:
    """One ward as a full HSDS service, with its organization, location, schedules and capacity."""
    ward = entry.ward
    service_id = stable_id("service", entry.key)
    loc = location(entry)
    reviewed = ward.review.last_reviewed
    alert = " ".join(t for t in (active_alert(ward, today), ward.status_note) if t)
    return _compact(
        {
            "id": service_id,
            "organization_id": stable_id("organization", provider.slug),
            "name": ward.name,
            "alternate_name": ", ".join(ward.alternate_names),
            "description": ward.quick_read or ward.description or describe(ward.classification),
            "url": site_url.rstrip("/") + "/" + links.ward_dir(entry.provider_slug, entry.slug) if site_url else None,
            "email": ward.contact.email,
            "status": _STATUS[ward.status],
            "eligibility_description": f"{who_summary(entry)}. {describe(ward.classification)}.",
            "application_process": ward.who_for.how_admission_happens,
            "interpretation_services": ward.rights.interpreters if ward.rights else None,
            "minimum_age": ward.who_for.age_min,
            "maximum_age": ward.who_for.age_max,
            "assured_date": reviewed.isoformat(),
            "alert": alert,
            "phones": [
                {
                    "id": stable_id("phone", entry.key),
                    "service_id": service_id,
                    "number": ward.contact.ward_phone,
                    "type": "voice",
                    "description": f"Ward phone ({ward.contact.ward_phone_hours})",
                }
            ],
            "schedules": schedules(entry, service_id),
            "service_areas": [
                {
                    "id": stable_id("service_area", entry.key),
                    "service_id": service_id,
                    "name": ward.who_for.area_served,
                }
            ]
            if ward.who_for.area_served
            else [],
            "service_at_locations": [
                {
                    "id": stable_id("service_at_location", entry.key),
                    "service_id": service_id,
                    "location_id": loc["id"],
                    "location": loc,
                }
            ],
            "organization": organization(provider),
            "capacities": [
                {
                    "id": stable_id("capacity", entry.key),
                    "service_id": service_id,
                    "unit": {"id": stable_id("unit", "bed"), "name": "Bed"},
                    "available": ward.beds,
                    "maximum": ward.beds,
                    "description": BED_CAPACITY_NOTE,
                    "updated": f"{reviewed.isoformat()}T00:00:00Z",
                }
            ],
            "attributes": national_code_attributes(entry, service_id),
        }
    )


_NATIONAL_TERMS: tuple[tuple[str, str, str], ...] = (
    ("ward_security_level", "WARD SECURITY LEVEL", "The level of security for a ward."),
    (
        "ward_intended_age_group",
        "WARD INTENDED AGE GROUP (MENTAL HEALTH)",
        "The age group of patients intended to use a ward.",
    ),
    ("ward_intended_sex_of_patients", "WARD INTENDED SEX OF PATIENTS", "The sex of patients intended to use a ward."),
    (
        "locked_ward_indicator",
        "LOCKED WARD INDICATOR",
        "Whether a general (non-secure) ward is locked to prevent unauthorised entry or exit.",
    ),
)
"""The NHS Data Model and Dictionary data elements a ward's national codes belong to."""


def national_code_attributes(entry: WardEntry, service_id: str) -> list[dict[str, Any]]:
    """The ward's national codes as HSDS attributes: each links the service to a term whose taxonomy is
    the NHS Data Model and Dictionary data element and whose code is the national code."""
    codes = ward_national_codes(entry.ward).model_dump()
    attributes = []
    for field, element, description in _NATIONAL_TERMS:
        code = codes[field]
        if code is None:
            continue
        attributes.append(
            {
                "id": stable_id("attribute", entry.key, field),
                "link_id": service_id,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": stable_id("taxonomy_term", field, code),
                "label": element,
                "value": code,
                "taxonomy_term": {
                    "id": stable_id("taxonomy_term", field, code),
                    "code": code,
                    "name": f"{element} {code}: {NATIONAL_CODE_DESCRIPTIONS[field][code]}",
                    "description": description,
                    "taxonomy": f"NHS Data Model and Dictionary: {element}",
                },
            }
        )
    return attributes


def services_page(catalogue: Catalogue, today: dt.date, site_url: str | None = None) -> dict[str, Any]:
    """Every ward as one page of the HSDS ``/services`` list."""
    contents = [service(p, e, today, site_url) for p in catalogue.providers for e in p.wards]
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def openreferral_files(catalogue: Catalogue, today: dt.date, site_url: str | None = None) -> dict[str, str]:
    return {
        OPENREFERRAL_SERVICES: json.dumps(
            services_page(catalogue, today, site_url), separators=(",", ":"), ensure_ascii=False
        )
        + "\n"
    }
