"""Rules that need today's date, decided in one place for check, build, generate, report and the preview.

The loader's other rules depend only on the files; these also depend on the day, so they
are applied after loading (a cached ward stays valid across midnight) by whoever knows the
date: the command line, or the site builder's own setting.
"""

from __future__ import annotations

import datetime as dt

from wardsite.problems import Mark, Problem


def reviewed_after_today(last_reviewed: dt.date, where: Mark, today: dt.date) -> Problem | None:
    """A review date after today is a typing mistake (such as 2027 for 2026), and would put off the next review."""
    if last_reviewed <= today:
        return None
    return Problem.at(
        where,
        "review.last_reviewed",
        f"{last_reviewed.isoformat()} is after today ({today.isoformat()}).",
        "Write the date the ward team last checked every part of this file: today or earlier.",
    )
