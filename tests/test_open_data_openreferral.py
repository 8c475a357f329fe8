"""The Open Referral export validates against the public HSDS 3.1 and Open Referral UK schemas.

The schemas are unchanged copies kept in tests/fixtures/openreferral (see SOURCE.md there).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.inspector_sites import published_json, sample_site
from tests.sitebuild import SAMPLE_WARDS
from wardsite.loading.catalogue import load_catalogue
from wardsite.open_data.openreferral import BED_CAPACITY_NOTE, services_page

SCHEMAS = Path(__file__).parent / "fixtures" / "openreferral"
HSDS_BASE = "https://openreferral.test/hsds-3.1/"


def _hsds(name: str) -> jsonschema.Draft202012Validator:
    """A validator for one HSDS 3.1 schema, with the other schema files it refers to by name."""
    resources = [
        (
            HSDS_BASE + p.name,
            Resource.from_contents(json.loads(p.read_text(encoding="utf-8")), default_specification=DRAFT202012),
        )
        for p in (SCHEMAS / "hsds-3.1").glob("*.json")
    ]
    return jsonschema.Draft202012Validator(
        {"$ref": HSDS_BASE + name},
        registry=Registry().with_resources(resources),
        format_checker=jsonschema.FormatChecker(),
    )


def _oruk(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json.loads((SCHEMAS / "oruk-3.0" / name).read_text(encoding="utf-8")), format_checker=jsonschema.FormatChecker()
    )


@pytest.fixture(scope="module")
def export() -> dict[str, Any]:
    return published_json(sample_site(), "data/openreferral/services.json")


def _example_valley_heron(services: list[dict[str, Any]]) -> dict[str, Any]:
    """Example Valley's Heron Ward (Brightwater Care has a Heron Ward too)."""
    (heron,) = [
        s for s in services if s["name"] == "Heron Ward" and s["organization"]["name"].startswith("Example Valley")
    ]
    return heron


def test_every_published_service_validates_against_hsds_3_1(export: dict[str, Any]) -> None:
    validator = _hsds("service.json")
    assert len(export["contents"]) == 9
    for service in export["contents"]:
        validator.validate(service)


def test_every_published_service_validates_against_the_open_referral_uk_profile(export: dict[str, Any]) -> None:
    full, listed = _oruk("service.json"), _oruk("service_list.json")
    for service in export["contents"]:
        full.validate(service)
        listed.validate(service)


def test_the_file_is_one_page_of_the_hsds_services_list(export: dict[str, Any]) -> None:
    _hsds("page.from-openapi.json").validate(export)
    assert {
        k: export[k] for k in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty")
    } == {
        "total_items": 9,
        "total_pages": 1,
        "page_number": 1,
        "size": 9,
        "first_page": True,
        "last_page": True,
        "empty": False,
    }


def test_the_schemas_reject_a_service_that_breaks_them(export: dict[str, Any]) -> None:
    bad = copy.deepcopy(export["contents"][0])
    bad["status"] = "open"
    assert not _hsds("service.json").is_valid(bad)
    assert not _oruk("service.json").is_valid(bad)
    bad = copy.deepcopy(export["contents"][0])
    bad["id"] = "example-valley-nhs-ft/heron-ward"
    assert not _hsds("service.json").is_valid(bad)
    bad = copy.deepcopy(export["contents"][0])
    del bad["capacities"][0]["unit"]
    assert not _hsds("service.json").is_valid(bad)


def test_provider_ward_and_site_map_to_organization_service_and_location(export: dict[str, Any]) -> None:
    heron = _example_valley_heron(export["contents"])
    assert heron["organization"]["name"] == "Example Valley NHS Foundation Trust"
    assert heron["organization_id"] == heron["organization"]["id"]
    assert {i["identifier_type"]: i["identifier"] for i in heron["organization"]["organization_identifiers"]} == {
        "NHS ODS code": "RZZ",
        "CQC provider ID": "1-000000001",
    }
    (at_location,) = heron["service_at_locations"]
    location = at_location["location"]
    assert (location["name"], location["location_type"], location["external_identifier"]) == (
        "Larkfield Unit, Example General Hospital",
        "physical",
        "RZZ01",
    )
    assert location["addresses"][0]["postal_code"] == "ZZ1 2AB"
    assert heron["phones"][0]["number"] == "01632 960101"
    assert (heron["status"], heron["minimum_age"], heron["maximum_age"]) == ("active", 18, 65)


def test_assured_date_is_the_last_review_and_beds_are_a_capacity(export: dict[str, Any]) -> None:
    heron = _example_valley_heron(export["contents"])
    assert heron["assured_date"] == "2026-10-14"
    (beds,) = heron["capacities"]
    assert (beds["unit"]["name"], beds["maximum"], beds["available"], beds["updated"]) == (
        "Bed",
        18,
        18,
        "2026-10-14T00:00:00Z",
    )
    assert beds["description"] == BED_CAPACITY_NOTE


def test_visiting_times_and_activities_are_weekly_schedules(export: dict[str, Any]) -> None:
    heron = _example_valley_heron(export["contents"])
    schedules = heron["schedules"]
    visiting = [s for s in schedules if s["description"].startswith("Visiting times")]
    activities = [s for s in schedules if s["description"].startswith("Activity")]
    assert len(visiting) == 2 and len(activities) == 4  # 13:00 to 19:45 less the 17:00 to 18:00 tea time
    assert [{k: v[k] for k in ("freq", "byday", "opens_at", "closes_at")} for v in visiting] == [
        {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": "13:00", "closes_at": "17:00"},
        {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": "18:00", "closes_at": "19:45"},
    ]
    assert {k: activities[0][k] for k in ("byday", "opens_at", "closes_at")} == {
        "byday": "MO,WE",
        "opens_at": "10:30",
        "closes_at": "11:30",
    }


def test_identifiers_are_unique_and_the_same_in_every_build(export: dict[str, Any]) -> None:
    ids = [s["id"] for s in export["contents"]]
    assert len(set(ids)) == len(ids)
    again = services_page(load_catalogue(SAMPLE_WARDS).catalogue, dt.date(2026, 11, 26))
    assert [s["id"] for s in again["contents"]] == ids


def test_with_the_site_address_known_each_service_links_to_its_ward_page() -> None:
    page = services_page(
        load_catalogue(SAMPLE_WARDS).catalogue, dt.date(2026, 11, 26), site_url="https://wards.example.org/mh"
    )
    heron = _example_valley_heron(page["contents"])
    assert heron["url"] == "https://wards.example.org/mh/wards/example-valley-nhs-ft/heron-ward/"
    _hsds("service.json").validate(heron)
    assert "url" not in services_page(load_catalogue(SAMPLE_WARDS).catalogue, dt.date(2026, 11, 26))["contents"][0]
