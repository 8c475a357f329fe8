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


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in minutes, sorted, with overlapping or touching ones joined."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        elif end > start:
            result.append((start, end))
    return result


def _without(spans: list[tuple[int, int]], gaps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` less every minute in ``gaps`` (both merged), so 13:00-19:45 less 17:00-18:00 is two spans."""
    result = []
    for start, end in spans:
        for gap_start, gap_end in gaps:
            if gap_end <= start or gap_start >= end:
                continue
            if gap_start > start:
                result.append((start, gap_start))
            start = max(start, gap_end)
            if start >= end:
                break
        if start < end:
            result.append((start, end))
    return result


def visiting_by_day(ward: Ward) -> list[DaySlots]:
    """The real visiting times of each weekday, Monday first: the ward's hours less its "no visits" times
    (``visiting.not_during``, which apply every day). A day with no visiting has no spans."""
    visiting = ward.visiting
    gaps = _merged([(_minutes(g.start), _minutes(g.end)) for g in visiting.not_during]) if visiting else []
    result = []
    for day in Day:
        hours = [(_minutes(h.start), _minutes(h.end)) for h in (visiting.hours if visiting else []) if day in h.days]
        spans = _without(_merged(hours), gaps)
        result.append(DaySlots(day, tuple((_clock(s), _clock(e)) for s, e in spans)))
    return result


def _clock(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


def visiting_week(ward: Ward) -> list[tuple[tuple[Day, ...], tuple[tuple[dt.time, dt.time], ...]]]:
    """Days that share the same real visiting times, with those times, in the order of their first day:
    what "Monday to Friday, 1pm to 5pm and 6pm to 7:45pm" is written from."""
    groups: dict[tuple[tuple[dt.time, dt.time], ...], list[Day]] = {}
    for slot in visiting_by_day(ward):
        if slot.spans:
            groups.setdefault(slot.spans, []).append(slot.day)
    return [(tuple(days), spans) for spans, days in groups.items()]


def visiting_periods(ward: Ward) -> list[tuple[tuple[Day, ...], dt.time, dt.time]]:
    """Each real visiting period (gaps taken off) and the days it happens on: for weekly schedules in open data."""
    periods: dict[tuple[dt.time, dt.time], list[Day]] = {}
    for slot in visiting_by_day(ward):
        for span in slot.spans:
            periods.setdefault(span, []).append(slot.day)
    return [
        (tuple(days), start, end) for (start, end), days in sorted(periods.items(), key=lambda kv: kv[1][0].weekday)
    ]


def visiting_minutes_per_week(ward: Ward) -> int:
    """Total visiting time in a week, in minutes: overlapping hours counted once, "no visits" times taken off."""
    return sum(_minutes(end) - _minutes(start) for slot in visiting_by_day(ward) for start, end in slot.spans)


def activity_minutes_per_week(ward: Ward) -> int:
    """Scheduled activity time in the weekly timetable, in minutes."""
    if not ward.activities:
        return 0
    return sum(minutes_between(e.start, e.end) * len(set(e.days)) for e in ward.activities.timetable)


def committed_activity_minutes(ward: Ward) -> int | None:
    """The therapeutic activity a week the ward commits to (``activities.committed_hours``), in minutes.

    None if the ward does not say."""
    committed = ward.activities.committed_hours if ward.activities else None
    return round(committed.hours_per_week * 60) if committed else None


def weekly_activity_minutes(ward: Ward) -> int | None:
    """What compare shows: the committed hours when the ward gives them, else its timetable added up, else None."""
    committed = committed_activity_minutes(ward)
    if committed is not None:
        return committed
    return activity_minutes_per_week(ward) if ward.activities and ward.activities.timetable else None


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
