"""schema.org JSON-LD for a ward page, so search engines and directories can read the facts.

The ward is a ``MedicalOrganization`` (with ``medicalSpecialty`` Psychiatric) and a ``Place``
(for ``amenityFeature`` and ``smokingAllowed``), inside its site (a ``Hospital``) and run by its
provider (``parentOrganization``). schema.org has no property for visiting hours, so they are an
amenity feature with ``hoursAvailable``; ``openingHoursSpecification`` is never used, because a
ward is staffed all day and night.

Provider text is untrusted: ``script_tag`` escapes ``<``, ``>`` and ``&`` as ``\\u003c`` and so
on, so no value can close the ``<script>`` element, whatever it contains.
"""

from __future__ import annotations

import json
from typing import Any

from wardsite.findings import derived
from wardsite.loading.catalogue import ProviderEntry, WardEntry
from wardsite.model.enums import SmokingPolicy, label

SCHEMA_ORG = "https://schema.org"
PSYCHIATRIC = "https://schema.org/Psychiatric"
CQC_LOCATION_URL = "https://www.cqc.org.uk/location/"
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _identifier(name: str, value: str | None) -> dict[str, str] | None:
    return {"@type": "PropertyValue", "propertyID": name, "value": value} if value else None


def _postal_address(entry: WardEntry) -> dict[str, str]:
    address = entry.ward.address
    return {
        "@type": "PostalAddress",
        "streetAddress": ", ".join(address.lines),
        "addressLocality": address.town,
        "postalCode": address.postcode,
        "addressCountry": "GB",
    }


def _feature(name: str, value: Any, **extra: Any) -> dict[str, Any]:
    return {"@type": "LocationFeatureSpecification", "name": name, "value": value, **extra}


def _visiting_feature(entry: WardEntry) -> dict[str, Any] | None:
    visiting = entry.ward.visiting
    if not visiting:
        return None
    hours = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"{SCHEMA_ORG}/{d.value.capitalize()}" for d in days],
            "opens": start.strftime("%H:%M"),
            "closes": end.strftime("%H:%M"),
        }
        for days, start, end in derived.visiting_periods(entry.ward)
    ]
    return _feature("Visiting hours", True, hoursAvailable=hours, description=label(visiting.booking))


def _amenities(entry: WardEntry) -> list[dict[str, Any]]:
    ward = entry.ward
    features = [_feature("Beds", ward.beds)]
    if ward.environment:
        rooms = ward.environment.bedrooms
        features += [
            _feature("Single bedrooms", rooms.single),
            _feature("En-suite bedrooms", rooms.en_suite),
            _feature("Beds in shared rooms", rooms.dormitory_beds),
        ]
        features += [_feature(label(f), True) for f in ward.environment.facilities]
    visiting = _visiting_feature(entry)
    if visiting:
        features.append(visiting)
    return features


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def ward_jsonld(provider: ProviderEntry, entry: WardEntry) -> dict[str, Any]:
    """The ward as schema.org data."""
    ward = entry.ward
    org = provider.provider
    parent = _compact(
        {
            "@type": "MedicalOrganization",
            "name": org.name,
            "url": org.website,
            "telephone": org.switchboard,
            "identifier": [
                i
                for i in (
                    _identifier("NHS ODS code", org.ods_code),
                    _identifier("CQC provider ID", org.cqc_provider_id),
                )
                if i
            ],
        }
    )
    site = _compact(
        {
            "@type": "Hospital",
            "name": ward.site.name,
            "medicalSpecialty": PSYCHIATRIC,
            "address": _postal_address(entry),
            "identifier": _identifier("NHS ODS site code", ward.site.ods_site_code),
        }
    )
    smoking = ward.daily_life.smoking.policy is SmokingPolicy.designated_areas if ward.daily_life else None
    return _compact(
        {
            "@context": SCHEMA_ORG,
            "@type": ["MedicalOrganization", "Place"],
            "@id": "#ward",
            "name": ward.name,
            "alternateName": list(ward.alternate_names),
            "description": ward.quick_read or ward.description,
            "medicalSpecialty": PSYCHIATRIC,
            "telephone": ward.contact.ward_phone,
            "email": ward.contact.email,
            "address": _postal_address(entry),
            "parentOrganization": parent,
            "containedInPlace": site,
            "identifier": _identifier("CQC location ID", ward.cqc_location_id),
            "sameAs": CQC_LOCATION_URL + ward.cqc_location_id if ward.cqc_location_id else None,
            "hasMap": ward.getting_here.site_map_url if ward.getting_here else None,
            "amenityFeature": _amenities(entry),
            "smokingAllowed": smoking,
            "photo": [
                {"@type": "ImageObject", "contentUrl": p.src, "description": p.alt} for p in ward.environment.photos
            ]
            if ward.environment
            else [],
        }
    )


def script_tag(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` element on one line that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _ESCAPES.items():
        text = text.replace(char, escaped)
    return f'<script type="application/ld+json">{text}</script>'


def ward_jsonld_script(provider: ProviderEntry, entry: WardEntry) -> str:
    return script_tag(ward_jsonld(provider, entry))
