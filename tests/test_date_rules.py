"""One rule decides that a ward reviewed "after today" is an error: check, generate and report all refuse it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from tests.conftest import problem_lines
from wardsite.cli import main
from wardsite.loading.catalogue import load_catalogue

TODAY = "2026-06-01"  # the fixture ward says it was last reviewed on 2026-06-10
FUTURE = (
    "wards/example-provider/example-ward.yaml:19:3: review.last_reviewed: 2026-06-10 is after today (2026-06-01). "
    "Fix: Write the date the ward team last checked every part of this file: today or earlier."
)


def test_the_loader_refuses_a_review_dated_after_the_day_it_is_given(wards_tree: Path) -> None:
    result = load_catalogue(wards_tree, today=dt.date.fromisoformat(TODAY))
    assert [p.format() for p in result.problems] == [FUTURE]
    assert result.has_errors and result.catalogue.wards == []
    assert list(result.without_broken_providers().excluded) == ["example-provider"]
    assert load_catalogue(wards_tree, today=dt.date(2026, 6, 10)).problems == []


def test_check_generate_and_report_give_the_same_error_and_publish_nothing(
    wards_tree: Path, run_check: Callable[..., Result], tmp_path: Path
) -> None:
    checked = run_check("--today", TODAY)
    assert checked.exit_code == 1 and problem_lines(checked.output) == [FUTURE]
    assert "Up to date" not in checked.output  # the ward is refused on this day, so it has no review state
    assert "0 wards valid; 1 error" in checked.output
    due = CliRunner().invoke(main, ["due", "--today", TODAY])
    assert "wards/example-provider/example-ward.yaml" in due.stdout.splitlines()[-1]  # named, not left out
    docs = tmp_path / "docs"
    generated = CliRunner().invoke(main, ["generate", "--docs-dir", str(docs), "--today", TODAY])
    assert generated.exit_code == 1
    assert generated.output.splitlines()[0] == FUTURE  # click's runner mixes standard error in
    assert not docs.exists() or not any(docs.rglob("*.md"))
    report = CliRunner().invoke(main, ["report", "--today", TODAY])
    assert report.exit_code == 1 and report.output.splitlines()[0] == FUTURE


VISITING_CHECKED_LATER = """\
visiting:
  checked_on: 2026-07-01
  hours:
    - days: [monday]
      start: "14:00"
      end: "17:00"
  booking: not_needed
  children:
    allowed_on_ward: false
    family_room: false
    arrangements: Please ask the ward.
"""
SECTION_FUTURE = (
    "wards/example-provider/example-ward.yaml:23:3: visiting.checked_on: 2026-07-01 is after today (2026-06-20). "
    "Fix: Write the date someone last checked this section: today or earlier."
)


def test_a_section_checked_after_today_is_refused_by_check_cold_and_from_its_cache_and_by_the_build(
    wards_tree: Path, run_check: Callable[..., Result], tmp_path: Path
) -> None:
    ward = wards_tree / "example-provider" / "example-ward.yaml"
    ward.write_text(ward.read_text(encoding="utf-8") + VISITING_CHECKED_LATER, encoding="utf-8")
    for _run in ("cold", "from the cache"):
        checked = run_check("--today", "2026-06-20")
        assert checked.exit_code == 1 and problem_lines(checked.output) == [SECTION_FUTURE]
    assert run_check("--today", "2026-07-01").exit_code == 0
    loaded = load_catalogue(wards_tree, today=dt.date(2026, 6, 20))
    assert [p.format() for p in loaded.problems] == [SECTION_FUTURE] and loaded.catalogue.wards == []
