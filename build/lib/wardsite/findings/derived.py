"""Facts worked out from a ward's data, shared by pages, reports and open data.

Nothing here parses files or renders HTML: it reads the validated model only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wardsite.model.types import Day
from wardsite.model.ward import Ward
from wardsite.model.words import minutes_between


@dataclass(frozen=True)
class DaySlots:
    """What happens on one weekday: visiting times, for example."""

    day: Day
    spans: tuple[tuple[dt.time, dt.time], ...]


def visiting_by_day(ward: Ward) -> list[DaySlots]:
    """Visiting times for each weekday, Monday first; a day with no visiting has no spans."""
    result = []
    for day in Day:
        spans = sorted((h.start, h.end) for h in (ward.visiting.hours if ward.visiting else []) if day in h.days)
        result.append(DaySlots(day, tuple(spans)))
    return result


def visiting_minutes_per_week(ward: Ward) -> int:
    """Total visiting time in a week, in minutes (overlapping entries are not double counted)."""
    total = 0
    for slot in visiting_by_day(ward):
        covered: list[tuple[int, int]] = []
        for start, end in slot.spans:
            s, e = start.hour * 60 + start.minute, end.hour * 60 + end.minute
            if covered and s <= covered[-1][1]:
                covered[-1] = (covered[-1][0], max(covered[-1][1], e))
            else:
                covered.append((s, e))
        total += sum(e - s for s, e in covered)
    return total


def activity_minutes_per_week(ward: Ward) -> int:
    """Scheduled activity time in the weekly timetable, in minutes."""
    if not ward.activities:
        return 0
    return sum(minutes_between(e.start, e.end) * len(set(e.days)) for e in ward.activities.timetable)


def timetable_by_day(ward: Ward) -> list[tuple[Day, list]]:
    """The activity timetable as (day, entries sorted by start time), Monday first, only days with entries."""
    if not ward.activities:
        return []
    result = []
    for day in Day:
        entries = sorted((e for e in ward.activities.timetable if day in e.days), key=lambda e: e.start)
        if entries:
            result.append((day, entries))
    return result


def active_alert(ward: Ward, today: dt.date) -> str | None:
    """The ward's notice, if it still applies today."""
    if ward.alert and ward.alert.until >= today:
        return ward.alert.message
    return None
