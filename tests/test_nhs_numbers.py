"""The NHS-number guard reads through every separator, line break and phone-style prefix, scans file and folder
names and published commit subjects, and lets a provider mark one value as not an NHS number, visibly."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import problem_lines
from wardsite.loading.catalogue import load_catalogue
from wardsite.problems import Severity
from wardsite.source.history import file_history
from wardsite.source.nhs_numbers import nhs_number_offsets
from wardsite.source.reader import Source, parse_text

LOOKS_LIKE = "this looks like an NHS number. Never publish information that identifies a patient."


@pytest.mark.parametrize(
    "written",
    [
        "943 476 5919",
        "943  476  5919",  # double spaces
        "943\u00a0476\u00a05919",  # no-break spaces
        "943\u2009476\u20095919",  # thin spaces
        "943\u202f476\u202f5919",  # narrow no-break spaces
        "943.476.5919",
        "943\u2013476\u20135919",  # en dashes
        "943\u2014476\u20145919",  # em dashes
        "943 476-5919",  # mixed
        "943/476/5919",
        "(943) 476 5919",
        "[943] 476 5919",
        "+44 943 476 5919",
        "+44 (0)943 476 5919",
        "0044 943 476 5919",
        "(0)943 476 5919",
        "0943 476 5919",
        "1-943 476 5919",  # after a CQC ID's 1-
    ],
)
def test_an_nhs_number_is_found_however_its_digits_are_separated_or_prefixed(written: str) -> None:
    assert nhs_number_offsets(f"Patient {written} was here.") != []


@pytest.mark.parametrize(
    "written",
    [
        *["01632 960123", "+44 1632 960123", "+44 (0)191 498 0999", "0044 191 498 0999", "(0)191 498 0999"],
        *["0191 498 0999", "1-9434765919", "943 476 59190", "19434765919", "2026-06-10 to 2026-07-01", "9434765918"],
    ],
)
def test_phone_numbers_cqc_ids_dates_and_longer_numbers_are_not_nhs_numbers(written: str) -> None:
    assert nhs_number_offsets(written) == []


@pytest.mark.parametrize("style", ["|", ">"])
def test_an_nhs_number_split_over_two_lines_of_a_block_of_text_is_found_at_its_start(style: str) -> None:
    source = Source("ward.yaml")
    parse_text(f"name: Heron\ndescription: {style}\n  Our patient 943 476\n  5919 settled well.\n", source)
    assert [(p.line, p.column, p.path, p.message) for p in source.problems] == [(3, 15, "description", LOOKS_LIKE)]


def test_a_value_marked_not_an_nhs_number_is_a_warning_shown_by_check_and_the_ward_is_published(
    wards_tree: Path, run_check: Callable[..., Result]
) -> None:
    ward = wards_tree / "example-provider" / "example-ward.yaml"
    text = ward.read_text(encoding="utf-8").replace(
        "name: Example Ward\n",
        "name: Example Ward\nquick_read: Our leaflet's ISBN is 943 476 5919.  # not an NHS number\n",
    )
    ward.write_text(text, encoding="utf-8")
    result = load_catalogue(wards_tree)
    assert [(p.line, p.column, p.path, p.severity) for p in result.problems] == [
        (3, 35, "quick_read", Severity.warning)
    ]
    assert [w.slug for w in result.catalogue.wards] == ["example-ward"]
    checked = run_check("--today", "2026-07-01")
    assert checked.exit_code == 0
    assert problem_lines(checked.output)[0] == (
        "wards/example-provider/example-ward.yaml:3:35: quick_read: warning: this number looks like an NHS number "
        "but is marked `# not an NHS number`, so it is published. "
        "Fix: Check it is not an NHS number. If it is one, remove it and the comment."
    )


def test_the_mark_covers_only_its_own_line(wards_tree: Path) -> None:
    ward = wards_tree / "example-provider" / "example-ward.yaml"
    text = ward.read_text(encoding="utf-8").replace(
        "name: Example Ward\n",
        "name: Example Ward  # not an NHS number\nquick_read: Patient 943 476 5919 is here.\n",
    )
    ward.write_text(text, encoding="utf-8")
    assert [(p.line, p.message, p.severity) for p in load_catalogue(wards_tree).problems] == [
        (3, LOOKS_LIKE, Severity.error)
    ]


@pytest.mark.parametrize("kind", ["ward file", "provider folder"])
def test_an_nhs_number_in_a_file_or_folder_name_is_an_error(wards_tree: Path, kind: str) -> None:
    folder = wards_tree / "example-provider"
    if kind == "ward file":
        shutil.copy(folder / "example-ward.yaml", folder / "943-476-5919.yaml")
        where = "wards/example-provider/943-476-5919.yaml"
    else:
        folder.rename(wards_tree / "943-476-5919")
        where = "wards/943-476-5919"
    result = load_catalogue(wards_tree)
    assert [(p.file, p.message.split(",")[0]) for p in result.problems] == [
        (where, "this name looks like it holds an NHS number")
    ]
    assert "943-476-5919" not in [w.slug for w in result.catalogue.wards]


def test_a_commit_subject_holding_an_nhs_number_however_written_is_never_published(tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    (wards / "p").mkdir(parents=True)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=T", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    for n, subject in enumerate(["Patient 943.476.5919 moved", "Patient +44 (0)943 476 5919 moved", "Visiting times"]):
        (wards / "p" / "heron-ward.yaml").write_text(f"name: Heron {n}\n", encoding="utf-8")
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", subject], check=True)
    history = file_history(wards)
    assert history is not None
    subjects = [change.subject for change in history["p/heron-ward.yaml"]]
    assert len(subjects) == 3 and subjects[0] == "Visiting times"
    assert not [s for s in subjects if "5919" in s]
