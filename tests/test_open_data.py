"""Published ward data: data/wards.json and data/wards/<id>.json validate against the published schemas."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from tests.inspector_sites import published_json, sample_site
from tests.sitebuild import SAMPLE_WARDS
from wardsite.cli import main
from wardsite.loading.catalogue import load_catalogue
from wardsite.model import Ward


def _validator(site: Path, name: str) -> jsonschema.Draft202012Validator:
    schema = published_json(site, f"schema/{name}")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def site() -> Path:
    return sample_site()


@pytest.fixture(scope="module")
def all_wards(site: Path) -> dict[str, Any]:
    return published_json(site, "data/wards.json")


def test_the_all_wards_file_validates_against_the_published_schema(site: Path, all_wards: dict[str, Any]) -> None:
    _validator(site, "wards-data.schema.json").validate(all_wards)
    assert all_wards["generated_on"] == "2026-11-26"
    assert [p["id"] for p in all_wards["providers"]] == ["brightwater-care", "example-valley-nhs-ft"]
    assert len(all_wards["wards"]) == 9


def test_each_ward_has_its_own_file_that_validates_against_the_published_schema(
    site: Path, all_wards: dict[str, Any]
) -> None:
    validator = _validator(site, "ward-data.schema.json")
    folder = site / "data" / "wards"
    files = sorted(p.relative_to(folder).with_suffix("").as_posix() for p in folder.glob("*/*.json"))
    assert files == sorted(w["id"] for w in all_wards["wards"])
    assert "brightwater-care/heron-ward" in files and "example-valley-nhs-ft/heron-ward" in files
    for key in files:
        record = published_json(site, f"data/wards/{key}.json")
        validator.validate(record)
        assert record["id"] == key
        assert record["provider"]["id"] == record["provider_id"]
        assert record["data_file"] == f"data/wards/{key}.json"


def test_the_ward_facts_validate_against_the_ward_schema_and_read_back_into_the_same_ward(
    site: Path, all_wards: dict[str, Any]
) -> None:
    validator = _validator(site, "ward.schema.json")
    loaded = {w.key: w.ward for w in load_catalogue(SAMPLE_WARDS).catalogue.wards}
    for record in all_wards["wards"]:
        validator.validate(record["ward"])
        assert Ward.model_validate(record["ward"]) == loaded[record["id"]], record["id"]


def test_times_are_published_as_written_hh_mm(all_wards: dict[str, Any]) -> None:
    heron = next(w["ward"] for w in all_wards["wards"] if w["id"] == "example-valley-nhs-ft/heron-ward")
    assert heron["visiting"]["hours"][0] == {
        "days": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        "start": "13:00",
        "end": "19:45",
    }


def test_provider_defaults_are_merged_into_each_ward_and_not_repeated(all_wards: dict[str, Any]) -> None:
    for provider in all_wards["providers"]:
        assert "ward_defaults" not in provider["provider"]
    heron = next(w["ward"] for w in all_wards["wards"] if w["id"] == "example-valley-nhs-ft/heron-ward")
    assert heron["feedback"]["pals"]["phone"] == "01632 960400"  # written once, in provider.yaml


def test_the_schema_rejects_data_that_breaks_it(site: Path, all_wards: dict[str, Any]) -> None:
    validator = _validator(site, "wards-data.schema.json")
    bad = copy.deepcopy(all_wards)
    bad["wards"][0]["ward"]["beds"] = "many"
    assert not validator.is_valid(bad)
    bad = copy.deepcopy(all_wards)
    bad["wards"][0]["ward"]["visiting"]["hours"][0]["start"] = "1pm"
    assert not validator.is_valid(bad)
    bad = copy.deepcopy(all_wards)
    bad["wards"][0]["surprise"] = True
    assert not validator.is_valid(bad)


def test_wardsite_generate_writes_the_data_files_for_any_builder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    result = CliRunner().invoke(
        main,
        ["generate", "--wards", str(SAMPLE_WARDS), "--docs-dir", str(docs), "--today", "2026-11-26"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    for path in (
        "data/wards.json",
        "data/wards/example-valley-nhs-ft/heron-ward.json",
        "data/availability.csv",
        "data/availability.json",
        "data/openreferral/services.json",
        "report/index.md",
        "report/example-valley-nhs-ft/index.md",
        "compare/index.md",
    ):
        assert (docs / path).is_file(), path
    generated = json.loads((docs / "data" / "wards.json").read_text(encoding="utf-8"))
    built = json.loads((sample_site() / "data" / "wards.json").read_text(encoding="utf-8"))
    assert generated["publication"].pop("built_at") and built["publication"].pop("built_at")  # each says when
    assert generated == built
