"""Plain words for dates, times and days, as a reader would say them.

``13:00`` becomes "1pm", ``[monday ... friday]`` becomes "Monday to Friday", and
``2026-04-14`` becomes "14 April 2026". Shared by every page and export that speaks to people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from wardsite.model.types import Day


def clock(value: dt.time) -> str:
    """``13:00`` -> "1pm", ``19:45`` -> "7:45pm", ``12:00`` -> "midday", ``00:00`` -> "midnight"."""
    if value.hour == 12 and value.minute == 0:
        return "midday"
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def time_range(start: dt.time, end: dt.time) -> str:
    """ "1pm to 7:45pm"."""
    return f"{clock(start)} to {clock(end)}"


def spans(values: Iterable[tuple[dt.time, dt.time]]) -> str:
    """A day's visiting times with their gaps: "1pm to 5pm and 6pm to 7:45pm"."""
    return and_list([time_range(start, end) for start, end in values])


def day_name(day: Day) -> str:
    return day.value.capitalize()


def and_list(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def days(values: Iterable[Day]) -> str:
    """Days in plain words: "Every day", "Monday to Friday", "Saturday and Sunday"."""
    indexes = sorted({d.weekday for d in values})
    if len(indexes) == 7:
        return "Every day"
    ordered = list(Day)
    runs: list[list[int]] = []
    for i in indexes:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{day_name(ordered[run[0]])} to {day_name(ordered[run[-1]])}")
        else:
            parts.extend(day_name(ordered[i]) for i in run)
    return and_list(parts)


def long_date(value: dt.date) -> str:
    """ "14 April 2026"."""
    return f"{value.day} {value.strftime('%B')} {value.year}"


def paragraphs(text: str) -> list[str]:
    """Split provider text into paragraphs on blank lines; single line breaks become spaces."""
    blocks = [
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in text.replace("\r\n", "\n").split("\n\n")
    ]
    return [b for b in blocks if b]


def count(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 ward", "2 wards", "0 errors"."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def minutes_between(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def hours_text(minutes: int) -> str:
    """475 -> "7 hours 55 minutes": exact, so two wards never look the same when they are not.

    The one way pages write a length of time in hours, so a ward page and a compare page agree.
    """
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} {'hour' if hours == 1 else 'hours'}"] if hours or not rest else []
    if rest:
        parts.append(f"{rest} {'minute' if rest == 1 else 'minutes'}")
    return " ".join(parts)
