"""Rules that need today's date, decided in one place for check, build, generate, report and the preview.

The loader's other rules depend only on the files; these also depend on the day, so they
are applied after loading (a cached ward stays valid across midnight) by whoever knows the
date: the command line, or the site builder's own setting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import cache
from typing import get_args

from pydantic import BaseModel

from wardsite.model.ward import Ward
from wardsite.problems import Mark, Problem

DatedField = tuple[str, dt.date, Mark]
"""A date the ward wrote that must not be after today: its field path, the date, and where it is written."""


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


@cache
def _sections_with_check_dates(ward_type: type[Ward]) -> tuple[str, ...]:
    """The ward's sections that have a ``checked_on`` field (worked out once: a rebuild asks for every ward)."""

    def models(annotation: object) -> list[type[BaseModel]]:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return [annotation]
        return [model for argument in get_args(annotation) for model in models(argument)]

    return tuple(
        name
        for name, info in ward_type.model_fields.items()
        if any("checked_on" in model.model_fields for model in models(info.annotation))
    )


def _check_dates(ward: Ward) -> list[tuple[tuple[str, str], dt.date]]:
    """The ward's review date and each section's ``checked_on``, by field path."""
    found = [(("review", "last_reviewed"), ward.review.last_reviewed)]
    for name in _sections_with_check_dates(type(ward)):
        checked_on = getattr(getattr(ward, name), "checked_on", None)
        if isinstance(checked_on, dt.date):
            found.append(((name, "checked_on"), checked_on))
    return found


def dated_fields(ward: Ward, mark: Callable[[tuple[str, ...]], Mark]) -> tuple[DatedField, ...]:
    """The ward's review date and each section's ``checked_on``: the dates that say when someone checked."""
    return tuple((".".join(path), day, mark(path)) for path, day in _check_dates(ward))


def any_checked_after_today(ward: Ward, today: dt.date) -> bool:
    """Whether any date of a check is after today. Asks for no line marks: a ward read back from the
    cache would have to read its file again to make them, which only a refused ward needs."""
    return any(day > today for _path, day in _check_dates(ward))


def checked_after_today(dated: Iterable[DatedField], today: dt.date) -> list[Problem]:
    """Each date of a check that is after today: a typing mistake, which would also show readers a date to come."""
    problems = []
    for path, day, where in dated:
        if path == "review.last_reviewed":
            problem = reviewed_after_today(day, where, today)
            if problem is not None:
                problems.append(problem)
        elif day > today:
            problems.append(
                Problem.at(
                    where,
                    path,
                    f"{day.isoformat()} is after today ({today.isoformat()}).",
                    "Write the date someone last checked this section: today or earlier.",
                )
            )
    return problems
