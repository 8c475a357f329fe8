"""Checks that need more than one field: beds against bedrooms, start before end, and so on.

Each rule reads a validated ``Ward`` and yields ``(field path, message, fix)``; the loader
turns those into problems at the right line.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator

from wardsite.model.classification import YOUNG_PEOPLE
from wardsite.model.dates import add_months
from wardsite.model.enums import AgeGroup, DoorStatus, SecurityLevel, Sex
from wardsite.model.inventory import ANSWERABLE, CATEGORY_KEYS, RECOMMENDED, has_value, value_at
from wardsite.model.ward import Ward

Finding = tuple[tuple[str | int, ...], str, str]


def _clock(value: dt.time) -> str:
    return value.strftime("%H:%M")


def _spans(ward: Ward) -> Iterator[tuple[tuple[str | int, ...], dt.time, dt.time, str]]:
    if ward.visiting:
        for i, hours in enumerate(ward.visiting.hours):
            yield ("visiting", "hours", i), hours.start, hours.end, "visiting"
        for i, gap in enumerate(ward.visiting.not_during):
            yield ("visiting", "not_during", i), gap.start, gap.end, "the break"
    if ward.daily_life:
        for i, meal in enumerate(ward.daily_life.meal_times):
            yield ("daily_life", "meal_times", i), meal.start, meal.end, "the meal"
    if ward.activities:
        for i, entry in enumerate(ward.activities.timetable):
            yield ("activities", "timetable", i), entry.start, entry.end, "the activity"


def _written(ward: Ward, field: str) -> bool:
    """Whether the ward file gives a value for an answerable section or item."""
    if field in CATEGORY_KEYS:
        return getattr(ward, field) is not None
    item = next(i for i in RECOMMENDED if i.id == field)
    return any(has_value(value_at(ward, path)) for path in item.paths)


def _on_purpose(ward: Ward) -> Iterator[Finding]:
    """Each on-purpose answer names a section or item that can be answered so, once, and is not also written."""
    seen: set[str] = set()
    for i, answer in enumerate(ward.on_purpose):
        where = ("on_purpose", i, "field")
        if answer.field not in ANSWERABLE:
            close = difflib.get_close_matches(answer.field, sorted(ANSWERABLE), n=1, cutoff=0.6)
            hint = f"Did you mean `{close[0]}`? " if close else ""
            yield (
                where,
                f"`{answer.field}` is not a section or item that can be answered none or not_applicable.",
                f'{hint}The fields that can be answered this way are listed on the "Every field" page of the guide.',
            )
        elif answer.field in seen:
            yield where, f"`{answer.field}` is answered twice.", "Keep one of the two answers."
        elif _written(ward, answer.field):
            yield (
                where,
                f"`{answer.field}` is answered {answer.answer.value}, but the ward file also gives it a value.",
                f"Remove the value of `{answer.field}`, or remove this answer.",
            )
        seen.add(answer.field)


_ADULT_GROUPS = frozenset({AgeGroup.adult, AgeGroup.older_adult, AgeGroup.adult_and_older_adult})
_YOUNG_AGE_FIX = (
    "Choose the age group that fits who the ward admits (adolescent or child_and_adolescent for young people; "
    "adult, older_adult, adult_and_older_adult or any_age for adults), or correct who_for.age_min and age_max."
)


def _classification(ward: Ward) -> Iterator[Finding]:
    """The classification agrees with the ward's own ages and door: its national codes are worked out from it."""
    who, kind = ward.who_for, ward.classification
    group = kind.age_group.value
    ages = f"{who.age_min} to {who.age_max}" if who.age_max is not None else f"{who.age_min} and over"
    where = ("classification", "age_group")
    if kind.age_group in YOUNG_PEOPLE and (who.age_min >= 18 or who.age_max is None or who.age_max > 18):
        message = f"the age group is {group} (a ward for young people), but who_for says ages {ages}."
        yield where, message, _YOUNG_AGE_FIX
    elif kind.age_group in _ADULT_GROUPS and (who.age_min < 16 or (who.age_max is not None and who.age_max < 18)):
        yield where, f"the age group is {group}, but who_for says ages {ages}.", _YOUNG_AGE_FIX
    elif kind.age_group is AgeGroup.older_adult and who.age_min < 50:
        yield (
            where,
            f"the age group is older_adult, but who_for says ages {ages}.",
            "A ward for adults of every age is adult_and_older_adult. A ward for older adults gives the age it "
            "usually admits from as who_for.age_min, and any exceptions in who_for.age_note.",
        )
    door = who.door.status if who.door else None
    if kind.security_level is not SecurityLevel.general and door is DoorStatus.open:
        yield (
            ("classification", "security_level"),
            f"the security level is {kind.security_level.value} (a secure ward), but who_for.door.status is open.",
            "Write general for a ward that is not secure, or correct who_for.door.status (locked or controlled_entry).",
        )


def check_ward(ward: Ward) -> Iterator[Finding]:
    """Every rule that the model's field types cannot express on their own."""
    yield from _classification(ward)
    who = ward.who_for
    if who.age_max is not None and who.age_max < who.age_min:
        yield (
            ("who_for", "age_max"),
            f"the oldest age ({who.age_max}) is below the youngest age ({who.age_min}).",
            "Check age_min and age_max are the right way round.",
        )
    for path, start, end, what in _spans(ward):
        if end <= start:
            yield (
                path + ("end",),
                f"{what} ends at {_clock(end)}, which is not after it starts at {_clock(start)}.",
                "Check the times: use the 24-hour clock, so 7:45pm is 19:45.",
            )
    if ward.environment:
        rooms = ward.environment.bedrooms
        if rooms.single > ward.beds:
            yield (
                ("environment", "bedrooms", "single"),
                f"there are more single rooms ({rooms.single}) than beds ({ward.beds}).",
                "Check the number of single rooms and the number of beds.",
            )
        if rooms.en_suite > ward.beds:
            yield (
                ("environment", "bedrooms", "en_suite"),
                f"there are more en-suite rooms ({rooms.en_suite}) than beds ({ward.beds}).",
                "Check the number of en-suite rooms and the number of beds.",
            )
        if rooms.dormitory_beds > 0 and rooms.single >= ward.beds:
            yield (
                ("environment", "bedrooms", "dormitory_beds"),
                f"the ward has {rooms.dormitory_beds} dormitory beds, but every one of its {ward.beds} beds is "
                "in a single room.",
                "Write 0 dormitory beds, or correct the number of single rooms.",
            )
        elif rooms.dormitory_beds > 0 and rooms.single + rooms.dormitory_beds > ward.beds:
            yield (
                ("environment", "bedrooms", "dormitory_beds"),
                f"single rooms ({rooms.single}) and dormitory beds ({rooms.dormitory_beds}) add up to more "
                f"than the {ward.beds} beds.",
                "Check the numbers of rooms and beds.",
            )
        if who.sex is Sex.mixed and ward.environment.same_sex is None:
            yield (
                ("environment", "same_sex"),
                "the ward is for men and women, but does not say how sleeping areas and bathrooms are kept separate.",
                "Add `same_sex:` with sleeping_segregated, bathrooms_segregated and female_only_lounge.",
            )
        listed = set(ward.environment.facilities)
        for i, detail in enumerate(ward.environment.facility_details):
            if detail.facility not in listed:
                yield (
                    ("environment", "facility_details", i, "facility"),
                    f"`{detail.facility.value}` has details but is not in the facilities list.",
                    "Add it to `facilities`, or remove these details.",
                )
    yield from _on_purpose(ward)
    if ward.daily_life and ward.daily_life.leave.informal is None and not who.all_detained:
        yield (
            ("daily_life", "leave", "informal"),
            "`informal` is required but missing: it says how people here by agreement can leave.",
            "Add `informal:` under `daily_life.leave`. If everyone on this ward is detained under the Mental Health"
            " Act, write `all_detained: true` under `who_for` instead.",
        )
    review = ward.review
    if review.next_review_due is not None:
        latest = add_months(review.last_reviewed, 12)
        if review.next_review_due > latest:
            yield (
                ("review", "next_review_due"),
                f"the next review ({review.next_review_due.isoformat()}) is more than 12 months after the last review.",
                f"Information must be reviewed at least every year: use {latest.isoformat()} or earlier, or "
                "leave the field out.",
            )
        elif review.next_review_due <= review.last_reviewed:
            yield (
                ("review", "next_review_due"),
                "the next review is not after the last review.",
                "Use a date after last_reviewed, or leave the field out.",
            )
