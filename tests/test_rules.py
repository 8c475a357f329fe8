"""Rules that need more than one field: ages, times, rooms against beds, review dates."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.conftest import FIXTURE_PROVIDER
from wardsite.loading.rules import check_ward
from wardsite.model import Ward
from wardsite.source.reader import read_source

BASE = read_source(FIXTURE_PROVIDER / "example-ward.yaml", "example-ward.yaml").data

VISITING = {
    "hours": [{"days": ["monday"], "start": "13:00", "end": "19:45"}],
    "booking": "not_needed",
    "children": {"allowed_on_ward": "false", "family_room": "true", "arrangements": "Book the family room."},
}
ENVIRONMENT = {
    "bedrooms": {"single": "12", "en_suite": "12", "dormitory_beds": "0"},
    "facilities": ["garden", "lounge"],
}


def findings(**sections: Any) -> list[tuple[str, str]]:
    """The (field path, message) of each rule broken by the fixture ward with ``sections`` merged in."""
    data = copy.deepcopy(BASE)
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    ward = Ward.model_validate(data)
    return [(".".join(str(p) for p in path), message) for path, message, _fix in check_ward(ward)]


def paths(**sections: Any) -> list[str]:
    return [path for path, _ in findings(**sections)]


def test_the_fixture_ward_breaks_no_rule() -> None:
    assert findings() == []


# --- ages ---------------------------------------------------------------------------


def test_the_same_youngest_and_oldest_age_is_allowed() -> None:
    assert paths(who_for={"age_min": "18", "age_max": "18"}) == []


def test_an_oldest_age_below_the_youngest_is_reported_at_age_max() -> None:
    assert paths(who_for={"age_min": "65", "age_max": "18"}) == ["who_for.age_max"]


# --- times --------------------------------------------------------------------------


def test_visiting_that_ends_when_it_starts_is_reported() -> None:
    visiting = copy.deepcopy(VISITING)
    visiting["hours"][0]["end"] = "13:00"
    assert paths(visiting=visiting) == ["visiting.hours.0.end"]


def test_visiting_that_ends_one_minute_after_it_starts_is_allowed() -> None:
    visiting = copy.deepcopy(VISITING)
    visiting["hours"][0]["end"] = "13:01"
    assert paths(visiting=visiting) == []


def test_a_break_in_visiting_that_ends_before_it_starts_is_reported() -> None:
    visiting = {**VISITING, "not_during": [{"start": "12:00", "end": "11:00", "reason": "Lunch"}]}
    assert findings(visiting=visiting) == [
        ("visiting.not_during.0.end", "the break ends at 11:00, which is not after it starts at 12:00.")
    ]


def test_an_activity_that_ends_before_it_starts_is_reported() -> None:
    activities = {
        "summary": "Groups every day.",
        "timetable": [{"days": ["friday"], "start": "14:00", "end": "10:00", "activity": "Art"}],
    }
    assert paths(activities=activities) == ["activities.timetable.0.end"]


# --- rooms and beds -----------------------------------------------------------------


def test_as_many_single_rooms_as_beds_is_allowed() -> None:
    assert paths(environment=ENVIRONMENT) == []


def test_more_single_rooms_than_beds_is_reported_once() -> None:
    environment = copy.deepcopy(ENVIRONMENT)
    environment["bedrooms"].update(single="14", en_suite="10")
    assert paths(environment=environment) == ["environment.bedrooms.single"]


def test_more_en_suite_rooms_than_beds_is_reported() -> None:
    environment = copy.deepcopy(ENVIRONMENT)
    environment["bedrooms"]["en_suite"] = "13"
    assert paths(environment=environment) == ["environment.bedrooms.en_suite"]


def test_dormitory_beds_on_a_ward_where_every_bed_is_in_a_single_room_are_reported() -> None:
    environment = copy.deepcopy(ENVIRONMENT)
    environment["bedrooms"]["dormitory_beds"] = "2"
    assert paths(environment=environment) == ["environment.bedrooms.dormitory_beds"]


def test_single_rooms_and_dormitory_beds_that_add_up_to_the_beds_are_allowed() -> None:
    environment = copy.deepcopy(ENVIRONMENT)
    environment["bedrooms"].update(single="8", en_suite="8", dormitory_beds="4")
    assert paths(environment=environment) == []


def test_single_rooms_and_dormitory_beds_that_add_up_to_more_than_the_beds_are_reported() -> None:
    environment = copy.deepcopy(ENVIRONMENT)
    environment["bedrooms"].update(single="8", en_suite="8", dormitory_beds="6")
    assert findings(environment=environment) == [
        (
            "environment.bedrooms.dormitory_beds",
            "single rooms (8) and dormitory beds (6) add up to more than the 12 beds.",
        )
    ]


def test_a_mixed_ward_must_say_how_men_and_women_are_kept_apart() -> None:
    assert paths(who_for={"sex": "mixed"}, environment=ENVIRONMENT) == ["environment.same_sex"]
    same_sex = {"sleeping_segregated": "yes", "bathrooms_segregated": "yes", "female_only_lounge": "no"}
    assert paths(who_for={"sex": "mixed"}, environment={**ENVIRONMENT, "same_sex": same_sex}) == []


def test_details_of_a_facility_that_is_not_in_the_list_are_reported() -> None:
    environment = {
        **ENVIRONMENT,
        "facility_details": [{"facility": "garden"}, {"facility": "gym", "hours": "9am to 5pm"}],
    }
    assert paths(environment=environment) == ["environment.facility_details.1.facility"]


# --- review dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "next_due", "broken"),
    [
        ("2026-06-10", "2027-06-10", False),  # exactly twelve months
        ("2026-06-10", "2027-06-11", True),  # a day more
        ("2026-06-10", "2026-06-11", False),  # the next day
        ("2026-06-10", "2026-06-10", True),  # the same day
        ("2026-06-10", "2026-01-01", True),  # before the last review
        ("2024-02-29", "2025-02-28", False),  # twelve months after a leap day
        ("2024-02-29", "2025-03-01", True),
    ],
)
def test_the_next_review_must_be_after_the_last_and_within_twelve_months(
    last: str, next_due: str, broken: bool
) -> None:
    review = {**BASE["review"], "last_reviewed": last, "next_review_due": next_due}
    assert paths(review=review) == (["review.next_review_due"] if broken else [])


def test_a_next_review_too_far_ahead_names_the_latest_date_allowed() -> None:
    ward = Ward.model_validate(
        {**BASE, "review": {**BASE["review"], "last_reviewed": "2024-02-29", "next_review_due": "2025-06-01"}}
    )
    [(_, _, fix)] = list(check_ward(ward))
    assert "use 2025-02-28 or earlier" in fix
