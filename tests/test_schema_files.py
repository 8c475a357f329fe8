"""The JSON Schema that editors use: generated from the model, committed, published, referenced."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from ruamel.yaml import YAML

from tests.sitebuild import REPO, SAMPLE_WARDS, build_site
from wardsite.cli import main
from wardsite.loading.catalogue import load_catalogue
from wardsite.open_data.schemas import schema_files

COMMITTED = REPO / "site_src"
SCHEMA_LINE = "# yaml-language-server: $schema="


def _as_editor_reads(path: Path) -> object:
    """Read YAML the way yaml-language-server does (YAML 1.2), with dates as the text typed."""
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    return json.loads(
        json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, (dt.date, dt.time)) else str(v))
    )


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((COMMITTED / "schema" / name).read_text(encoding="utf-8")))


def _what_an_editor_underlines(name: str, data: object) -> str:
    """The most specific problem, as editors show it (jsonschema's best match), or ""."""
    error = best_match(_validator(name).iter_errors(data))
    return error.message if error else ""


PROVIDER = {
    "name": "Example",
    "type": "independent",
    "website": "https://www.example.org/",
    "switchboard": "01632 960000",
}


def test_committed_schema_files_match_the_data_model() -> None:
    for relative, text in schema_files().items():
        assert (COMMITTED / relative).read_text(encoding="utf-8") == text, (
            f"{relative} is out of date: run `wardsite schema` and commit it"
        )


def test_schema_check_passes_on_the_committed_files() -> None:
    result = CliRunner().invoke(main, ["schema", "--check", "--docs-dir", str(COMMITTED)])
    assert result.exit_code == 0, result.output
    assert "match the data model" in result.output


def test_schema_check_fails_and_names_the_file_when_the_schema_has_drifted(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["schema", "--docs-dir", str(tmp_path)]).exit_code == 0
    ward_schema = tmp_path / "schema" / "ward.schema.json"
    ward_schema.write_text(
        ward_schema.read_text(encoding="utf-8").replace("The ward's name.", "The name."), encoding="utf-8"
    )
    result = runner.invoke(main, ["schema", "--check", "--docs-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert (
        f"{ward_schema}: out of date with the data model. Fix: run `wardsite schema` and commit the result."
        in result.output
    )
    fixed = runner.invoke(main, ["schema", "--docs-dir", str(tmp_path)])
    assert fixed.output == f"Wrote {ward_schema}.\n"
    assert runner.invoke(main, ["schema", "--check", "--docs-dir", str(tmp_path)]).exit_code == 0


@pytest.mark.parametrize("name", ["ward.schema.json", "ward-file.schema.json", "provider.schema.json"])
def test_schema_files_are_valid_json_schema_draft_2020_12(name: str) -> None:
    schema = json.loads((COMMITTED / "schema" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == name


def test_every_sample_ward_file_as_written_is_valid_against_the_ward_file_schema() -> None:
    wards = [p for p in (SAMPLE_WARDS).glob("*/*.yaml") if p.name != "provider.yaml"]
    assert len(wards) == 9
    for path in wards:
        assert _what_an_editor_underlines("ward-file.schema.json", _as_editor_reads(path)) == "", path


def test_every_whole_sample_ward_after_defaults_are_merged_is_valid_against_the_ward_schema() -> None:
    result = load_catalogue(SAMPLE_WARDS)
    assert len(result.catalogue.wards) == 9
    for entry in result.catalogue.wards:
        assert (
            _what_an_editor_underlines("ward.schema.json", entry.ward.model_dump(mode="json", exclude_none=True)) == ""
        ), entry.slug


def test_the_whole_ward_schema_requires_what_a_ward_file_may_leave_to_its_provider() -> None:
    section = {"daily_life": {"smoking": {"policy": "smoke_free"}}}
    assert "'name' is a required property" in [e.message for e in _validator("ward.schema.json").iter_errors(section)]
    assert _what_an_editor_underlines("ward-file.schema.json", section) == ""


def test_a_misspelt_field_in_a_ward_file_is_underlined() -> None:
    assert (
        _what_an_editor_underlines("ward-file.schema.json", {"vistiing": {}})
        == "Additional properties are not allowed ('vistiing' was unexpected)"
    )


def test_a_wrong_enum_value_in_a_ward_file_is_underlined() -> None:
    assert _what_an_editor_underlines(
        "ward-file.schema.json", {"classification": {"specialism": "acute_adult"}}
    ).startswith("'acute_adult' is not one of ['acute', 'picu',")


def test_every_sample_provider_file_including_ward_defaults_is_valid_against_the_provider_schema() -> None:
    for path in (SAMPLE_WARDS).glob("*/provider.yaml"):
        data = _as_editor_reads(path)
        assert data["ward_defaults"], "the sample providers share some ward facts"
        assert _what_an_editor_underlines("provider.schema.json", data) == "", path


def test_a_misspelt_field_in_ward_defaults_is_underlined_by_the_provider_schema() -> None:
    provider = {**PROVIDER, "ward_defaults": {"feedback": {"pals": {"phonee": "01632 960001"}}}}
    assert (
        _what_an_editor_underlines("provider.schema.json", provider)
        == "Additional properties are not allowed ('phonee' was unexpected)"
    )


def test_ward_defaults_may_give_part_of_a_section_whose_other_fields_are_required() -> None:
    provider = {**PROVIDER, "ward_defaults": {"daily_life": {"smoking": {"policy": "smoke_free"}}}}
    assert _what_an_editor_underlines("provider.schema.json", provider) == ""


def test_a_wrong_enum_value_in_ward_defaults_is_underlined() -> None:
    provider = {**PROVIDER, "ward_defaults": {"daily_life": {"smoking": {"policy": "smoking_allowed"}}}}
    assert (
        _what_an_editor_underlines("provider.schema.json", provider)
        == "'smoking_allowed' is not one of ['smoke_free', 'designated_areas']"
    )


def test_the_provider_schema_still_requires_the_provider_fields() -> None:
    assert _what_an_editor_underlines("provider.schema.json", {"name": "Example"}) == "'type' is a required property"


def test_every_demo_and_test_ward_file_names_its_schema_on_the_first_line_and_the_path_resolves() -> None:
    for path in sorted([*(REPO / "wards").glob("*/*.yaml"), *SAMPLE_WARDS.glob("*/*.yaml")]):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(SCHEMA_LINE), path
        expected = "provider.schema.json" if path.name == "provider.yaml" else "ward-file.schema.json"
        target = (path.parent / first[len(SCHEMA_LINE) :]).resolve()
        assert target == (COMMITTED / "schema" / expected).resolve(), path


def test_the_schema_files_are_published_with_the_site(tmp_path: Path) -> None:
    site = build_site(tmp_path / "site")
    for name in ("ward.schema.json", "ward-file.schema.json", "provider.schema.json"):
        assert (site / "schema" / name).read_text(encoding="utf-8") == (COMMITTED / "schema" / name).read_text(
            encoding="utf-8"
        )
