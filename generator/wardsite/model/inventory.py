"""What a ward is expected to publish: the eight required categories and the recommended items.

One place, taken from the field inventory (``shared/ward-information.md`` section 6): the
categories are the ones the national review names; the recommended items are the fields the
inventory marks **S** ("should: the inspector view flags it if missing"), each mapped to the
model field (or fields) that publish it. The availability report, ``wardsite check`` and the
inspector page all read these tuples, so adding an item here adds it everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wardsite.model.classification import YOUNG_PEOPLE
from wardsite.model.enums import OnPurposeAnswer, Specialism
from wardsite.model.ward import OnPurpose, Ward

EVERY_WARD = "Every ward"

FieldPath = tuple[str, ...]


@dataclass(frozen=True)
class Category:
    """A required category: a top-level section of the ward file."""

    key: str
    """The ward file's field, such as ``daily_life``."""
    label: str
    """What inspectors call it."""


CATEGORIES: tuple[Category, ...] = (
    Category("staffing", "Staffing"),
    Category("environment", "Environment"),
    Category("daily_life", "Life on the ward"),
    Category("activities", "Therapeutic activity"),
    Category("visiting", "Visiting"),
    Category("carers", "Carers and family"),
    Category("rights", "Rights and advocacy"),
    Category("feedback", "Feedback and complaints"),
)

CATEGORY_KEYS: tuple[str, ...] = tuple(c.key for c in CATEGORIES)


@dataclass(frozen=True)
class RecommendedItem:
    """A recommended ("should") item. It counts as published when any of its fields has a value."""

    paths: tuple[FieldPath, ...]
    label: str
    asked_of: str = EVERY_WARD
    """Which wards are expected to publish it, in plain words (the "Every field" page shows it)."""
    applies: Callable[[Ward], bool] = field(default=lambda ward: True, compare=False, repr=False)
    """Whether ``asked_of`` takes in this ward."""
    none_words: str = ""
    """What a page says when the ward answers ``none`` (default: "<label>: none on this ward.")."""

    @property
    def id(self) -> str:
        """The first field path written with dots, as in the ward file: ``visiting.where``."""
        return ".".join(self.paths[0])

    @property
    def category(self) -> str | None:
        """The required category this item sits in, if any."""
        head = self.paths[0][0]
        return head if head in CATEGORY_KEYS else None


def _item(
    label: str,
    *paths: str,
    asked_of: str = EVERY_WARD,
    applies: Callable[[Ward], bool] | None = None,
    none_words: str = "",
) -> RecommendedItem:
    return RecommendedItem(
        tuple(tuple(p.split(".")) for p in paths), label, asked_of, applies or (lambda ward: True), none_words
    )


# Inventory items marked S that the model has no field for (visiting.what_not_to_bring,
# activities.hours_per_week_offered: worked out from the timetable) are left out, and so is
# accessibility.easy_read_url: an Easy Read page is generated for every ward. An item with
# ``asked_of`` is expected only of those wards (``applies``), so a ward is scored only against
# what a ward of its type is expected to publish.
RECOMMENDED: tuple[RecommendedItem, ...] = (
    # 6.1 identity
    _item("NHS ODS site code", "site.ods_site_code"),
    _item("CQC location ID", "cqc_location_id"),
    _item("What the ward type means", "ward_type_explained"),
    _item("Quick read summary", "quick_read"),
    _item("Aims and approach to care", "description"),
    # 6.2 contact and location
    _item("Hospital switchboard number", "contact.switchboard_phone"),
    _item("Getting here by car and parking", "getting_here.by_car", "getting_here.parking"),
    _item("Getting here by bus", "getting_here.by_bus", "getting_here.bus_stops"),
    _item("Finding the ward on the site", "getting_here.finding_the_ward"),
    # 6.3 who the ward is for
    _item("Trans and non-binary people", "who_for.sex_note"),
    _item("Informal and detained patients", "who_for.legal_status"),
    _item("Area served", "who_for.area_served"),
    _item("How admission happens", "who_for.how_admission_happens"),
    _item("Whether the ward door is locked", "who_for.door"),
    # 6.4 staffing
    _item("Planned staff per shift", "staffing.planned_per_shift"),
    _item("How named nurses work", "staffing.named_nurse_model"),
    _item("Time you can expect with staff", "staffing.contact_commitments"),
    _item("How care is reviewed (ward rounds)", "staffing.ward_rounds"),
    # 6.5 environment
    _item("Outdoor access", "environment.outdoor_access"),
    _item("Rooms adapted for disabled people", "environment.accessible_rooms"),
    # 6.6 daily life and activities
    _item("Protected mealtimes", "daily_life.protected_mealtimes"),
    _item("Food, diets and snacks", "daily_life.food"),
    _item("Daily routine", "daily_life.routine"),
    _item("Searches", "daily_life.searches"),
    _item(
        "Blanket restrictions and their reasons",
        "daily_life.blanket_restrictions",
        none_words="This ward has no blanket restrictions.",
    ),
    _item("Money and valuables", "daily_life.money_valuables"),
    _item("Faith and spiritual care", "daily_life.faith_spiritual_care"),
    _item("Activity timetable", "activities.timetable", "activities.timetable_url"),
    _item("Evenings and weekends", "activities.evenings_weekends"),
    _item("Therapies offered", "activities.therapies"),
    _item(
        "School, learning or work",
        "activities.education_work",
        asked_of="Wards for children and young people (age_group child, adolescent or child_and_adolescent)",
        applies=lambda ward: ward.classification.age_group in YOUNG_PEOPLE,
    ),
    # 6.7 visiting
    _item("Times with no visits", "visiting.not_during", none_words="Visits can happen at any time in visiting hours."),
    _item("Where visits happen", "visiting.where"),
    _item("Flexible visiting for carers", "visiting.flexible_for_carers"),
    _item("The right to refuse visitors", "visiting.patient_choice"),
    _item(
        "Family staying overnight",
        "visiting.overnight_stay",
        asked_of="Mother and baby units (specialism mother_and_baby)",
        applies=lambda ward: ward.classification.specialism is Specialism.mother_and_baby,
    ),
    # 6.8 carers
    _item("Carers' support groups", "carers.support_groups"),
    _item("Carer's assessment", "carers.carers_assessment"),
    _item("Local carers' organisations", "carers.local_organisations"),
    _item("The nearest relative", "carers.nearest_relative"),
    # 6.9 rights
    _item("Easy Read rights leaflet", "rights.easy_read_rights_url"),
    _item("General advocacy", "rights.general_advocacy"),
    _item("A copy of your care plan", "rights.care_plan_copy"),
    # 6.10 feedback
    _item("How to contact the CQC", "feedback.cqc_contact"),
    # 6.11 accessibility
    _item("Building access features", "accessibility.building"),
    _item("Access guide", "accessibility.access_guide_url"),
    _item("Communication support", "accessibility.communication_support"),
    # 6.12 review
    _item("Co-produced with", "review.coproduced_with"),
)


def value_at(ward: Ward, path: FieldPath) -> Any:
    """The value at ``path``, or None when the path runs through a section that is left out."""
    value: Any = ward
    for name in path:
        if value is None:
            return None
        value = getattr(value, name)
    return value


def has_value(value: Any) -> bool:
    """Published: not left out and not an empty list. (Empty text never validates.)"""
    return value is not None and value != [] and value != ""


@dataclass(frozen=True)
class ConditionalRequirement:
    """A required field that some wards are not asked for, and how they say so."""

    path: str
    label: str
    asked_of: str


CONDITIONAL: tuple[ConditionalRequirement, ...] = (
    ConditionalRequirement(
        "daily_life.leave.informal",
        "Leave for informal patients",
        "Every ward except those where everyone is detained (who_for.all_detained: true)",
    ),
)
"""Required fields with a condition, checked by the loader's rules and shown in the expectations table."""


def expected_items(ward: Ward) -> tuple[RecommendedItem, ...]:
    """The recommended items this ward is expected to publish, given its type (see ``asked_of``)."""
    return tuple(item for item in RECOMMENDED if item.applies(ward))


ANSWERABLE: dict[str, str] = {
    **{c.key: c.label for c in CATEGORIES},
    **{item.id: item.label for item in RECOMMENDED},
}
"""The sections and items a ward can answer ``none`` or ``not_applicable`` in ``on_purpose``, with their labels."""


def on_purpose_answer(ward: Ward, item_id: str) -> OnPurpose | None:
    """The ward's on-purpose answer for a section or item (``daily_life.blanket_restrictions``), if it gave one."""
    return next((a for a in ward.on_purpose if a.field == item_id), None)


def on_purpose_words(item_id: str, answer: OnPurposeAnswer) -> str:
    """The plain words a page shows for an on-purpose answer, before the ward's reason."""
    item = next((i for i in RECOMMENDED if i.id == item_id), None)
    label = ANSWERABLE.get(item_id, item_id)
    if answer is OnPurposeAnswer.not_applicable:
        return f"{label}: this does not apply to this ward."
    return (item.none_words if item else "") or f"{label}: none on this ward."


def is_published(ward: Ward, item: RecommendedItem) -> bool:
    """Published: any of its fields has a value, or the ward said on purpose that it has none or it does not apply."""
    return any(has_value(value_at(ward, path)) for path in item.paths) or on_purpose_answer(ward, item.id) is not None


def category_published(ward: Ward, key: str) -> bool:
    """A required section counts as published when it is written, or answered on purpose."""
    return getattr(ward, key) is not None or on_purpose_answer(ward, key) is not None
