"""Annual review dates: when a ward is current, due soon or overdue, and what `wardsite check` does about it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_PROVIDER, PROVIDER_SLUG, problem_lines
from wardsite.findings.review_dates import DEFAULT_DUE_SOON_DAYS, ReviewState, add_months, due_date, review_status

LAST = dt.date(2025, 6, 10)
DUE = dt.date(2026, 6, 10)


def state_on(today: dt.date, **kwargs) -> ReviewState:  # type: ignore[no-untyped-def]
    return review_status(kwargs.pop("last", LAST), kwargs.pop("next_due", None), today, **kwargs).state


def test_a_review_is_due_twelve_months_after_the_last_one() -> None:
    assert due_date(LAST) == DUE
    assert review_status(LAST, None, DUE).due == DUE


def test_the_day_before_the_due_soon_window_is_current() -> None:
    day = DUE - dt.timedelta(days=DEFAULT_DUE_SOON_DAYS + 1)
    assert day == dt.date(2026, 5, 12)
    assert state_on(day) is ReviewState.current


def test_the_first_day_of_the_due_soon_window_is_due_soon() -> None:
    day = DUE - dt.timedelta(days=DEFAULT_DUE_SOON_DAYS)
    assert day == dt.date(2026, 5, 13)
    assert state_on(day) is ReviewState.due_soon


def test_the_due_day_itself_is_due_soon_not_overdue() -> None:
    status = review_status(LAST, None, DUE)
    assert status.state is ReviewState.due_soon
    assert status.days_until_due == 0


def test_the_day_after_the_due_day_is_overdue() -> None:
    status = review_status(LAST, None, DUE + dt.timedelta(days=1))
    assert status.state is ReviewState.overdue
    assert status.days_until_due == -1


def test_a_review_on_29_february_is_next_due_on_28_february() -> None:
    assert due_date(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert state_on(dt.date(2025, 2, 28), last=dt.date(2024, 2, 29)) is ReviewState.due_soon
    assert state_on(dt.date(2025, 3, 1), last=dt.date(2024, 2, 29)) is ReviewState.overdue


def test_a_review_on_29_february_four_years_on_keeps_the_leap_day() -> None:
    assert add_months(dt.date(2024, 2, 29), 48) == dt.date(2028, 2, 29)


def test_a_review_on_the_31st_is_due_on_the_last_day_of_a_shorter_month() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2025, 12, 31), 12) == dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    ("days", "today", "expected"),
    [
        (7, dt.date(2026, 6, 2), ReviewState.current),
        (7, dt.date(2026, 6, 3), ReviewState.due_soon),
        (0, dt.date(2026, 6, 9), ReviewState.current),
        (0, dt.date(2026, 6, 10), ReviewState.due_soon),
        (90, dt.date(2026, 3, 12), ReviewState.due_soon),
        (90, dt.date(2026, 3, 11), ReviewState.current),
    ],
)
def test_a_custom_due_soon_window_moves_where_due_soon_starts(days: int, today: dt.date, expected: ReviewState) -> None:
    assert state_on(today, due_soon_days=days) is expected


def test_an_earlier_next_review_date_chosen_by_the_provider_is_used() -> None:
    chosen = dt.date(2026, 1, 15)
    status = review_status(LAST, chosen, dt.date(2026, 1, 16))
    assert status.due == chosen
    assert status.state is ReviewState.overdue
    assert state_on(chosen, next_due=chosen) is ReviewState.due_soon
    assert state_on(chosen - dt.timedelta(days=DEFAULT_DUE_SOON_DAYS + 1), next_due=chosen) is ReviewState.current


def test_the_status_labels_are_plain_words() -> None:
    assert [review_status(LAST, None, day).label for day in (dt.date(2025, 7, 1), DUE, DUE + dt.timedelta(days=1))] == [
        "Up to date",
        "Review due soon",
        "Overdue for review",
    ]


# --- wardsite check -----------------------------------------------------------------


def _second_ward(wards: Path, last_reviewed: str) -> None:
    text = (FIXTURE_PROVIDER / "example-ward.yaml").read_text()
    (wards / PROVIDER_SLUG / "second-ward.yaml").write_text(
        text.replace("last_reviewed: 2026-06-10", f"last_reviewed: {last_reviewed}").replace(
            "name: Example Ward", "name: Second Ward"
        )
    )


def _overdue_lines(output: str) -> list[str]:
    return [line.split()[3] for line in output.splitlines() if line.strip().startswith("Overdue for review")]


def test_check_two_years_on_exits_1_and_names_each_overdue_ward(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    _second_ward(wards_tree, "2026-09-01")
    result = run_check("--today", "2028-11-26")
    assert result.exit_code == 1
    assert problem_lines(result.stdout) == []
    assert _overdue_lines(result.stdout) == [
        "wards/example-provider/example-ward.yaml",
        "wards/example-provider/second-ward.yaml",
    ]
    assert "2 overdue for review" in result.stdout


def test_check_names_only_the_wards_that_are_overdue(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    _second_ward(wards_tree, "2026-09-01")
    result = run_check("--today", "2027-06-11")
    assert result.exit_code == 1
    assert _overdue_lines(result.stdout) == ["wards/example-provider/example-ward.yaml"]


def test_check_on_the_due_day_exits_0(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    result = run_check("--today", "2027-06-10")
    assert result.exit_code == 0, result.stdout
    assert "Review due soon" in result.stdout


def test_overdue_is_warning_reports_overdue_wards_but_exits_0(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    result = run_check("--today", "2028-11-26", "--overdue-is-warning")
    assert result.exit_code == 0
    assert _overdue_lines(result.stdout) == ["wards/example-provider/example-ward.yaml"]


def test_overdue_is_warning_still_exits_1_when_a_file_has_a_problem(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    ward = wards_tree / PROVIDER_SLUG / "example-ward.yaml"
    ward.write_text(ward.read_text().replace("beds: 12", "beds: 0"))
    result = run_check("--today", "2028-11-26", "--overdue-is-warning")
    assert result.exit_code == 1


def test_a_last_reviewed_date_after_today_is_an_error_at_its_line(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    result = run_check("--today", "2026-06-09")
    assert result.exit_code == 1
    assert problem_lines(result.stdout) == [
        "wards/example-provider/example-ward.yaml:19:3: review.last_reviewed: 2026-06-10 is after today "
        "(2026-06-09). Fix: Write the date the ward team last checked every part of this file: today or "
        "earlier."
    ]


def test_a_last_reviewed_date_of_today_is_accepted(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    result = run_check("--today", "2026-06-10")
    assert result.exit_code == 0, result.stdout
    assert problem_lines(result.stdout) == []


def test_a_today_that_is_not_a_date_exits_2(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    result = run_check("--today", "notadate")
    assert result.exit_code == 2
    assert "'notadate' is not a date written as YYYY-MM-DD." in result.output


def test_an_impossible_today_exits_2(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    assert run_check("--today", "2026-02-30").exit_code == 2


def test_a_path_that_does_not_exist_exits_2(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    result = run_check("--today", "2026-11-26", "wards/no-such-provider")
    assert result.exit_code == 2
    assert "no-such-provider" in result.output
