"""The synthetic national dataset: valid, varied and the same every time for a seed."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from wardsite.cli import main
from wardsite.findings.review_dates import ReviewState, review_status
from wardsite.loading.catalogue import load_catalogue
from wardsite.model.enums import SecurityLevel, Specialism
from wardsite.source.reader import nhs_number_offsets
from wardsite.synthetic import synthetic_files, write_files

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def fifty_wards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "wards"
    write_files(synthetic_files(50, seed=7, today=TODAY), out)
    return out


def test_fifty_synthetic_wards_pass_every_check(fifty_wards: Path) -> None:
    result = load_catalogue(fifty_wards)
    assert [p.format() for p in result.problems] == []
    assert len(result.catalogue.wards) == 50
    assert len(result.catalogue.providers) == 2  # one provider for about every 20 wards


def test_synthetic_wards_cover_every_specialism_and_every_review_state(fifty_wards: Path) -> None:
    wards = load_catalogue(fifty_wards).catalogue.wards
    assert {w.ward.classification.specialism for w in wards} == set(Specialism)
    assert {w.ward.classification.security_level for w in wards} == {
        SecurityLevel.general,
        SecurityLevel.low,
        SecurityLevel.medium,
    }
    states = Counter(
        review_status(w.ward.review.last_reviewed, w.ward.review.next_review_due, TODAY).state for w in wards
    )
    assert states[ReviewState.overdue] >= 1
    assert states[ReviewState.due_soon] >= 1
    assert states[ReviewState.current] > states[ReviewState.overdue]


def test_some_synthetic_wards_leave_out_optional_categories(fifty_wards: Path) -> None:
    wards = [w.ward for w in load_catalogue(fifty_wards).catalogue.wards]
    categories = ("staffing", "environment", "activities", "visiting", "getting_here")
    missing = [c for c in categories if any(getattr(w, c) is None for w in wards)]
    assert missing, "at least one ward should leave out an optional category"
    assert any(w.quick_read is None for w in wards) or any(w.description is None for w in wards)


def test_the_same_seed_always_makes_the_same_files_and_another_seed_does_not() -> None:
    first = synthetic_files(30, seed=3, today=TODAY)
    assert synthetic_files(30, seed=3, today=TODAY) == first
    assert synthetic_files(30, seed=4, today=TODAY) != first


def test_synthetic_files_hold_no_number_that_could_pass_for_an_nhs_number() -> None:
    files = synthetic_files(200, seed=1, today=TODAY)
    assert [name for name, text in files.items() if nhs_number_offsets(text)] == []
    assert all("SYNTHETIC DATA" in text for text in files.values())


def test_the_synthetic_command_writes_wards_that_check_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    made = runner.invoke(main, ["synthetic", "--wards", "20", "--out", "wards", "--seed", "2", "--today", "2026-11-26"])
    assert made.exit_code == 0, made.output
    assert made.output.strip() == "Wrote 20 synthetic wards across 1 provider into wards."
    checked = runner.invoke(main, ["check", "wards", "--today", "2026-11-26", "--overdue-is-warning"])
    assert checked.exit_code == 0, checked.output
    missing = [line for line in checked.output.splitlines() if "section is missing" in line]
    assert missing  # some synthetic wards leave sections out, and each is counted as a warning
    assert f"20 wards valid; 0 errors, {len(missing)} warnings" in checked.output


def test_the_synthetic_command_refuses_a_folder_that_already_holds_files(tmp_path: Path) -> None:
    (tmp_path / "heron-ward.yaml").write_text("name: Heron Ward\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["synthetic", "--wards", "5", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "is not empty" in result.output
    assert (tmp_path / "heron-ward.yaml").read_text(encoding="utf-8") == "name: Heron Ward\n"
