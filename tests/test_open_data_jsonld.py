"""schema.org JSON-LD on every ward page: it parses, has the expected types, and no value can break out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.inspector_sites import sample_site
from tests.sitebuild import REPO, SAMPLE_WARDS, build_site, page
from wardsite.loading.catalogue import load_catalogue

PSYCHIATRIC = "https://schema.org/Psychiatric"


def _jsonld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


@pytest.fixture(scope="module")
def ward_data() -> dict[str, dict[str, Any]]:
    site = sample_site()
    result = {}
    for entry in load_catalogue(SAMPLE_WARDS).catalogue.wards:
        blocks = _jsonld(page(site, f"wards/{entry.key}/"))
        assert len(blocks) == 1, f"{entry.slug} must carry exactly one JSON-LD block"
        result[entry.key] = blocks[0]
    return result


def test_every_ward_page_describes_the_ward_as_a_psychiatric_medical_organization_and_place(
    ward_data: dict[str, dict[str, Any]],
) -> None:
    assert len(ward_data) == 9
    for slug, data in ward_data.items():
        assert data["@context"] == "https://schema.org", slug
        assert data["@type"] == ["MedicalOrganization", "Place"], slug
        assert data["medicalSpecialty"] == PSYCHIATRIC, slug
        assert data["address"]["@type"] == "PostalAddress", slug
        assert data["parentOrganization"]["@type"] == "MedicalOrganization", slug
        assert data["containedInPlace"]["@type"] == "Hospital", slug
        assert data["containedInPlace"]["medicalSpecialty"] == PSYCHIATRIC, slug
        assert {f["@type"] for f in data["amenityFeature"]} == {"LocationFeatureSpecification"}, slug


def test_the_facts_match_the_ward_file(ward_data: dict[str, dict[str, Any]]) -> None:
    heron = ward_data["example-valley-nhs-ft/heron-ward"]
    assert (heron["name"], heron["telephone"], heron["alternateName"]) == ("Heron Ward", "01632 960101", ["Ward 36"])
    assert heron["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Heron Ward, Larkfield Unit, Example General Hospital, 1 Example Road",
        "addressLocality": "Exampleton",
        "postalCode": "ZZ1 2AB",
        "addressCountry": "GB",
    }
    assert heron["parentOrganization"]["name"] == "Example Valley NHS Foundation Trust"
    assert heron["containedInPlace"]["name"] == "Larkfield Unit, Example General Hospital"
    assert heron["sameAs"] == "https://www.cqc.org.uk/location/1-000000101"
    features = {f["name"]: f["value"] for f in heron["amenityFeature"]}
    assert (
        features["Beds"],
        features["Single bedrooms"],
        features["En-suite bedrooms"],
        features["Beds in shared rooms"],
    ) == (18, 18, 18, 0)
    assert features["Garden"] is True


def test_visiting_hours_are_an_amenity_with_hours_never_opening_hours(ward_data: dict[str, dict[str, Any]]) -> None:
    for slug, data in ward_data.items():
        assert "openingHoursSpecification" not in json.dumps(data), slug
        assert "openingHours" not in data, slug
    heron = ward_data["example-valley-nhs-ft/heron-ward"]
    visiting = next(f for f in heron["amenityFeature"] if f["name"] == "Visiting hours")
    every_day = [
        f"https://schema.org/{d}"
        for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    ]
    assert visiting["hoursAvailable"] == [  # 13:00 to 19:45 less the 17:00 to 18:00 tea time
        {"@type": "OpeningHoursSpecification", "dayOfWeek": every_day, "opens": "13:00", "closes": "17:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": every_day, "opens": "18:00", "closes": "19:45"},
    ]


def test_smoking_allowed_follows_the_smoking_policy(ward_data: dict[str, dict[str, Any]]) -> None:
    assert ward_data["brightwater-care/cedar-ward"]["smokingAllowed"] is True  # Brightwater: designated areas
    assert ward_data["example-valley-nhs-ft/heron-ward"]["smokingAllowed"] is False  # Example Valley: smoke free


def test_no_ward_name_can_break_out_of_the_json_ld_script(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(REPO / "tests" / "fixtures" / "availability" / "wards", wards)
    ward = wards / "availability-trust" / "complete-ward.yaml"
    hostile = "</script><script>alert(1)</script> & <!-- Ward"
    ward.write_text(ward.read_text().replace("name: Complete Ward", f"name: '{hostile}'"))

    built = build_site(tmp_path / "site", wards=wards)
    html = (built / "wards" / "availability-trust" / "complete-ward" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")

    assert "<script>alert(1)" not in html
    assert not [
        s for s in soup.find_all("script") if "alert(1)" in (s.string or "") and s.get("type") != "application/ld+json"
    ]
    (data,) = _jsonld(soup)
    assert data["name"] == hostile
    raw = soup.find("script", type="application/ld+json").string
    assert "<" not in raw and ">" not in raw and "&" not in raw
