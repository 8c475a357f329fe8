"""A ward's classification: separate fields in the national code lists, words for readers, codes in the data.

The expected codes below are counted by hand from the test wards' files (who_for.sex,
who_for.door.status and classification) and the NHS Data Model and Dictionary's code lists.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from click.testing import CliRunner

from tests.inspector_sites import published_json, sample_site
from tests.sitebuild import SAMPLE_WARDS, build_site, page, text_of
from wardsite.cli import main
from wardsite.model.classification import (
    AGE_GROUP_CODES,
    INTENDED_SEX_CODES,
    NATIONAL_CODE_DESCRIPTIONS,
    SECURITY_LEVEL_CODES,
)

# ward: (reader words, security level, age group, intended sex, locked ward indicator)
EXPECTED = {
    "brightwater-care/cedar-ward": ("Low secure forensic ward for adults", "1", "13", "1", None),
    "brightwater-care/harbour-view": ("Acute ward for young people", "0", "11", "8", "Y"),
    "brightwater-care/heron-ward": ("Acute ward for adults", "0", "13", "2", "Y"),
    "brightwater-care/maple-house": ("Learning disability and autism ward for adults", "0", "13", "1", "Y"),
    "example-valley-nhs-ft/bluebell-ward": ("Dementia ward for older adults", "0", "14", "8", "Y"),
    "example-valley-nhs-ft/heron-ward": ("Acute ward for adults", "0", "13", "2", "Y"),
    "example-valley-nhs-ft/kestrel-ward": ("Acute ward for adults", "0", "13", "8", "Y"),
    "example-valley-nhs-ft/osprey-ward": ("Psychiatric intensive care unit (PICU) for adults", "0", "13", "1", "Y"),
    "example-valley-nhs-ft/robin-unit": ("Mother and baby unit", "0", "13", "2", "Y"),
}


def test_each_ward_page_says_what_kind_of_ward_it_is_in_words_made_from_its_classification() -> None:
    for key, (words, *_codes) in EXPECTED.items():
        glance = page(sample_site(), f"wards/{key}/").select_one(".ward-glance__type")
        assert glance is not None, key
        assert " ".join(glance.get_text(" ").split()).startswith(f"{words} run by "), key


def test_the_all_wards_data_carries_the_national_codes_beside_the_words() -> None:
    data = published_json(sample_site(), "data/wards.json")
    codes = {
        w["id"]: (
            w["national_codes"]["ward_security_level"],
            w["national_codes"]["ward_intended_age_group"],
            w["national_codes"]["ward_intended_sex_of_patients"],
            w["national_codes"].get("locked_ward_indicator"),
        )
        for w in data["wards"]
    }
    assert codes == {key: tuple(expected[1:]) for key, expected in EXPECTED.items()}
    cedar = next(w for w in data["wards"] if w["id"] == "brightwater-care/cedar-ward")
    assert cedar["ward"]["classification"] == {"specialism": "forensic", "security_level": "low", "age_group": "adult"}


def test_the_inspectors_csv_has_the_classification_and_its_codes_in_columns_of_their_own() -> None:
    text = (sample_site() / "data" / "availability.csv").read_text(encoding="utf-8")
    rows = {row["ward_id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert (
        rows["brightwater-care/cedar-ward"]["specialism"],
        rows["brightwater-care/cedar-ward"]["security_level"],
        rows["brightwater-care/cedar-ward"]["age_group"],
        rows["brightwater-care/cedar-ward"]["ward_security_level_code"],
        rows["brightwater-care/cedar-ward"]["locked_ward_indicator"],
    ) == ("forensic", "low", "adult", "1", "")
    for key, (_words, security, age, sex, locked) in EXPECTED.items():
        row = rows[key]
        assert (
            row["ward_security_level_code"],
            row["ward_intended_age_group_code"],
            row["ward_intended_sex_of_patients_code"],
            row["locked_ward_indicator"] or None,
        ) == (security, age, sex, locked), key


def test_the_open_referral_export_gives_each_national_code_as_an_attribute_with_its_data_element() -> None:
    services = published_json(sample_site(), "data/openreferral/services.json")["contents"]
    osprey = next(s for s in services if s["name"] == "Osprey Ward")
    attributes = {a["label"]: a["taxonomy_term"]["code"] for a in osprey["attributes"]}
    assert attributes == {
        "WARD SECURITY LEVEL": "0",
        "WARD INTENDED AGE GROUP (MENTAL HEALTH)": "13",
        "WARD INTENDED SEX OF PATIENTS": "1",
        "LOCKED WARD INDICATOR": "Y",
    }
    cedar = next(s for s in services if s["name"] == "Cedar Ward")
    assert "LOCKED WARD INDICATOR" not in {a["label"] for a in cedar["attributes"]}  # a secure ward has none
    term = osprey["attributes"][0]["taxonomy_term"]
    assert term["taxonomy"] == "NHS Data Model and Dictionary: WARD SECURITY LEVEL"


def test_each_open_referral_term_is_named_with_the_national_codes_description() -> None:
    services = published_json(sample_site(), "data/openreferral/services.json")["contents"]
    osprey = next(s for s in services if s["name"] == "Osprey Ward")
    names = {a["label"]: a["taxonomy_term"]["name"] for a in osprey["attributes"]}
    # The NHS Data Model and Dictionary's descriptions of codes 0, 13, 1 and Y.
    assert names == {
        "WARD SECURITY LEVEL": "WARD SECURITY LEVEL 0: General (non-secure)",
        "WARD INTENDED AGE GROUP (MENTAL HEALTH)": "WARD INTENDED AGE GROUP (MENTAL HEALTH) 13: Adult only",
        "WARD INTENDED SEX OF PATIENTS": "WARD INTENDED SEX OF PATIENTS 1: Male",
        "LOCKED WARD INDICATOR": "LOCKED WARD INDICATOR Y: Yes",
    }
    cedar = next(s for s in services if s["name"] == "Cedar Ward")
    assert {a["taxonomy_term"]["name"] for a in cedar["attributes"]} >= {"WARD SECURITY LEVEL 1: Low Secure"}


def test_every_national_code_wardsite_writes_has_its_description() -> None:
    written = {
        "ward_security_level": set(SECURITY_LEVEL_CODES.values()),
        "ward_intended_age_group": set(AGE_GROUP_CODES.values()),
        "ward_intended_sex_of_patients": set(INTENDED_SEX_CODES.values()),
        "locked_ward_indicator": {"Y", "N"},
    }
    assert {field: set(codes) for field, codes in NATIONAL_CODE_DESCRIPTIONS.items()} == written


def test_a_locked_ward_indicator_that_does_not_apply_is_null_in_every_data_file_alike() -> None:
    site = sample_site()
    cedar = "brightwater-care/cedar-ward"  # low secure: the indicator is for general wards only
    availability = next(w for w in published_json(site, "data/availability.json")["wards"] if w["ward_id"] == cedar)
    everything = next(w for w in published_json(site, "data/wards.json")["wards"] if w["id"] == cedar)
    single = published_json(site, f"data/wards/{cedar}.json")
    for codes in (availability["national_codes"], everything["national_codes"], single["national_codes"]):
        assert "locked_ward_indicator" in codes and codes["locked_ward_indicator"] is None
    rows = {r["ward_id"]: r for r in csv.DictReader(io.StringIO((site / "data/availability.csv").read_text()))}
    assert rows[cedar]["locked_ward_indicator"] == ""
    osprey = next(w for w in published_json(site, "data/wards.json")["wards"] if w["id"].endswith("/osprey-ward"))
    assert osprey["national_codes"]["locked_ward_indicator"] == "Y"


def test_lists_and_compare_pages_group_wards_by_specialism_and_age_band() -> None:
    site = sample_site()
    adults = page(site, "ward-types/acute/")
    assert adults.h1.get_text(strip=True) == "Acute wards for adults"
    listed = text_of(adults)
    assert "Kestrel Ward" in listed and "Harbour View" not in listed
    young = page(site, "ward-types/acute-young-people/")
    assert young.h1.get_text(strip=True) == "Acute wards for children and young people"
    assert "Harbour View" in text_of(young)
    assert page(site, "compare/dementia-older-adults/").h1.get_text(strip=True) == (
        "Compare wards: Dementia wards for older adults"
    )


def test_a_low_secure_ward_for_young_people_can_be_written_and_is_described_as_one(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    shutil.copytree(SAMPLE_WARDS / "brightwater-care", wards / "brightwater-care")
    harbour = wards / "brightwater-care" / "harbour-view.yaml"
    harbour.write_text(
        harbour.read_text(encoding="utf-8").replace("security_level: general", "security_level: low"), encoding="utf-8"
    )
    site = build_site(tmp_path / "site", wards=wards)
    glance = page(site, "wards/brightwater-care/harbour-view/").select_one(".ward-glance__type")
    assert " ".join(glance.get_text(" ").split()).startswith("Low secure acute ward for young people run by ")
    easy = text_of(page(site, "wards/brightwater-care/harbour-view/easy-read/"))
    assert "It is for young people." in easy and "It is a secure ward." in easy
    data = published_json(site, "data/wards/brightwater-care/harbour-view.json")
    assert data["national_codes"]["ward_security_level"] == "1"
    assert data["national_codes"]["ward_intended_age_group"] == "11"
    assert data["national_codes"].get("locked_ward_indicator") is None


OLD_WARD = """\
# Kept by the ward manager: please keep my comments.
name: Example Ward
site:
  name: Example Unit
ward_type: camhs   # our young people's unit
ward_type_explained: A ward for young people aged 13 to 17.
"""

UPGRADED_WARD = """\
# Kept by the ward manager: please keep my comments.
name: Example Ward
site:
  name: Example Unit
# our young people's unit
classification:
  specialism: acute
  security_level: general
  age_group: adolescent
ward_type_explained: A ward for young people aged 13 to 17.
"""


def _old_repository(tmp_path: Path) -> Path:
    folder = tmp_path / "wards" / "example-provider"
    folder.mkdir(parents=True)
    (folder / "provider.yaml").write_text(
        "name: Example Provider\nward_defaults:\n  ward_type: acute_adult\n", encoding="utf-8"
    )
    (folder / "young-people.yaml").write_text(OLD_WARD, encoding="utf-8")
    return tmp_path / "wards"


def test_upgrade_rewrites_an_old_ward_type_keeping_comments_and_layout(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wards = _old_repository(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["upgrade"])
    assert result.exit_code == 0, result.output
    assert (wards / "example-provider" / "young-people.yaml").read_text(encoding="utf-8") == UPGRADED_WARD
    assert (wards / "example-provider" / "provider.yaml").read_text(encoding="utf-8") == (
        "name: Example Provider\nward_defaults:\n  classification:\n    specialism: acute\n"
        "    security_level: general\n    age_group: adult\n"
    )
    assert result.output.splitlines()[:2] == [
        "wards/example-provider/provider.yaml:3: ward_defaults.ward_type: acute_adult -> "
        "ward_defaults.classification: specialism acute, security_level general, age_group adult",
        "wards/example-provider/young-people.yaml:5: ward_type: camhs -> "
        "classification: specialism acute, security_level general, age_group adolescent",
    ]
    assert "2 files upgraded." in result.output


def test_upgrade_check_says_what_would_change_writes_nothing_and_fails(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wards = _old_repository(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["upgrade", "--check"])
    assert result.exit_code == 1
    assert "2 files need upgrading." in result.output
    assert (wards / "example-provider" / "young-people.yaml").read_text(encoding="utf-8") == OLD_WARD


def test_upgrade_leaves_a_ward_type_it_never_had_alone_and_says_so(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wards = _old_repository(tmp_path)
    odd = wards / "example-provider" / "young-people.yaml"
    odd.write_text(OLD_WARD.replace("ward_type: camhs", "ward_type: forensic_rehab"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["upgrade"])
    assert result.exit_code == 1
    assert (
        "wards/example-provider/young-people.yaml:5:1: ward_type: `forensic_rehab` is not a ward type wardsite had: "
        "it cannot be upgraded." in result.output
    )
    assert odd.read_text(encoding="utf-8") == OLD_WARD.replace("ward_type: camhs", "ward_type: forensic_rehab")


def test_an_upgraded_repository_passes_check(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wards = tmp_path / "wards"
    shutil.copytree(SAMPLE_WARDS, wards)
    for path in wards.glob("*/*.yaml"):  # back to the old shape, as a 0.2 repository had it
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace(
                "classification: {specialism: forensic, security_level: low, age_group: adult}", "ward_type: low_secure"
            ).replace(
                "classification: {specialism: picu, security_level: general, age_group: adult}", "ward_type: picu"
            ),
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path)
    before = CliRunner().invoke(main, ["check", "--today", "2026-11-26"])
    assert before.exit_code == 1 and "run `wardsite upgrade`" in before.output
    assert CliRunner().invoke(main, ["upgrade"]).exit_code == 0
    after = CliRunner().invoke(main, ["check", "--today", "2026-11-26"])
    assert after.exit_code == 0, after.output


def test_a_young_peoples_ward_says_boys_and_girls_not_men_and_women() -> None:
    about = page(sample_site(), "wards/brightwater-care/harbour-view/").select_one(".ward-section--about")
    who = about.find("h3", string="Who the ward is for").find_next("ul")
    assert who.li.get_text(" ", strip=True).startswith("Boys and girls.")
    adults = page(sample_site(), "wards/example-valley-nhs-ft/kestrel-ward/").select_one(".ward-section--about")
    assert (
        adults.find("h3", string="Who the ward is for")
        .find_next("ul")
        .li.get_text(strip=True)
        .startswith("Men and women.")
    )
    text = (sample_site() / "data" / "availability.csv").read_text(encoding="utf-8")
    assert "Boys and girls" not in text  # the data keeps the code word (mixed); only pages and the report use words


def test_upgrade_never_rewrites_a_file_that_is_not_utf8_text(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wards = _old_repository(tmp_path)
    odd = wards / "example-provider" / "young-people.yaml"
    raw = OLD_WARD.replace("A ward for young people", "A ward for young people \xe9t\xe9").encode("latin-1")
    odd.write_bytes(raw)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["upgrade"])
    assert result.exit_code == 1
    assert "wards/example-provider/young-people.yaml: not upgraded: the file is not UTF-8 text" in result.output
    assert odd.read_bytes() == raw
