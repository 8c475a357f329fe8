"""`wardsite report --as-of DATE`: the ward files as committed on that date, read from git, never the work tree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import FIXTURE_PROVIDER
from tests.git_repo import commit, init
from wardsite.cli import main

WARD = "wards/example-provider/example-ward.yaml"


@pytest.fixture
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A hand-built history of one provider:

    - 2025-03-10: example-ward added, last reviewed 2024-03-01 (so overdue from 2025-03-02)
    - 2025-03-31 23:59:59 UTC: example-ward reviewed (last_reviewed 2025-03-31), staffing still missing
    - 2025-06-15: second-ward added
    - 2025-09-01: second-ward deleted
    - the work tree then holds an uncommitted edit that must never be reported
    """
    repo = init(tmp_path / "repo")
    folder = repo / "wards" / "example-provider"
    shutil.copytree(FIXTURE_PROVIDER, folder)
    ward = folder / "example-ward.yaml"
    original = ward.read_text(encoding="utf-8")
    ward.write_text(original.replace("2026-06-10", "2024-03-01"), encoding="utf-8")
    commit(repo, "Add Example Ward", "2025-03-10")
    ward.write_text(original.replace("2026-06-10", "2025-03-31"), encoding="utf-8")
    commit(repo, "Review Example Ward", "2025-03-31T23:59:59")
    (folder / "second-ward.yaml").write_text(original.replace("name: Example Ward", "name: Second Ward"))
    commit(repo, "Add Second Ward", "2025-06-15")
    (folder / "second-ward.yaml").unlink()
    commit(repo, "Close Second Ward", "2025-09-01")
    ward.write_text(original.replace("name: Example Ward", "name: Uncommitted Name"), encoding="utf-8")
    monkeypatch.chdir(repo)
    return repo


def _as_of(day: str) -> dict:
    result = CliRunner().invoke(main, ["report", "--as-of", day, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _states(day: str) -> dict[str, tuple[str, str, str | None]]:
    return {w["ward_id"]: (w["review_state"], w["last_reviewed"], w["last_changed"]) for w in _as_of(day)["wards"]}


def test_before_the_first_commit_there_is_nothing_to_report(history: Path) -> None:
    assert _states("2025-03-09") == {}


def test_on_the_day_of_a_commit_its_files_count(history: Path) -> None:
    assert _states("2025-03-10") == {"example-provider/example-ward": ("overdue", "2024-03-01", "2025-03-10")}


def test_a_commit_at_the_last_second_of_a_day_counts_for_that_day_and_not_the_day_before(history: Path) -> None:
    assert _states("2025-03-30") == {"example-provider/example-ward": ("overdue", "2024-03-01", "2025-03-10")}
    assert _states("2025-03-31") == {"example-provider/example-ward": ("current", "2025-03-31", "2025-03-31")}


def test_an_added_ward_appears_and_a_deleted_ward_disappears_on_their_days(history: Path) -> None:
    assert set(_states("2025-06-14")) == {"example-provider/example-ward"}
    assert set(_states("2025-06-15")) == {"example-provider/example-ward", "example-provider/second-ward"}
    assert set(_states("2025-08-31")) == {"example-provider/example-ward", "example-provider/second-ward"}
    assert set(_states("2025-09-01")) == {"example-provider/example-ward"}


def test_review_states_are_those_of_the_date_asked_for(history: Path) -> None:
    # Reviewed 2025-03-31, so due 2026-03-31: due soon from 2026-03-03, overdue from 2026-04-01.
    assert _states("2026-03-02")["example-provider/example-ward"][0] == "current"
    assert _states("2026-03-03")["example-provider/example-ward"][0] == "due_soon"
    assert _states("2026-03-31")["example-provider/example-ward"][0] == "due_soon"
    assert _states("2026-04-01")["example-provider/example-ward"][0] == "overdue"
    assert _as_of("2026-04-01")["report_date"] == "2026-04-01"


def test_the_work_tree_is_neither_read_nor_touched(history: Path) -> None:
    before = (history / WARD).read_text(encoding="utf-8")
    names = [w["ward_name"] for w in _as_of("2026-01-01")["wards"]]
    assert names == ["Example Ward"]  # the uncommitted name is not reported
    assert (history / WARD).read_text(encoding="utf-8") == before


def test_as_of_outside_git_is_a_usage_error(wards_tree: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--as-of", "2026-01-01"])
    assert result.exit_code == 2
    assert "--as-of reads the git history, and wards is not in a git repository." in result.output


def test_as_of_needs_a_real_date(history: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--as-of", "2026-02-30"])
    assert result.exit_code == 2
    assert "'2026-02-30' is not a date written as YYYY-MM-DD." in result.output


def test_the_markdown_report_as_of_a_date_says_that_date(history: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--as-of", "2025-06-15"], catch_exceptions=False)
    assert result.stdout.startswith("# Ward information availability on 15 June 2025")
    assert "2 wards." in result.stdout
