"""Enumerations for facts that inspectors compare across providers.

Each enum value is the word a provider writes in YAML; ``LABELS`` holds the plain words a
reader sees on the page.
"""

from __future__ import annotations

from enum import Enum


class Specialism(str, Enum):
    """What kind of care the ward gives (wardsite's list: the national data has no code list for it)."""

    acute = "acute"
    picu = "picu"
    rehabilitation = "rehabilitation"
    forensic = "forensic"
    eating_disorders = "eating_disorders"
    mother_and_baby = "mother_and_baby"
    learning_disability_and_autism = "learning_disability_and_autism"
    dementia = "dementia"
    other = "other"


class SecurityLevel(str, Enum):
    """WARD SECURITY LEVEL in the NHS Data Model and Dictionary: general (not secure), low, medium, high."""

    general = "general"
    low = "low"
    medium = "medium"
    high = "high"


class AgeGroup(str, Enum):
    """WARD INTENDED AGE GROUP (MENTAL HEALTH) in the NHS Data Model and Dictionary."""

    child = "child"
    adolescent = "adolescent"
    child_and_adolescent = "child_and_adolescent"
    adult = "adult"
    older_adult = "older_adult"
    adult_and_older_adult = "adult_and_older_adult"
    any_age = "any_age"


class OnPurposeAnswer(str, Enum):
    """An answer that says there is nothing to publish, on purpose."""

    none = "none"
    not_applicable = "not_applicable"


class WardStatus(str, Enum):
    """Whether the ward is taking patients."""

    open = "open"
    temporarily_closed = "temporarily_closed"
    closed = "closed"


class Sex(str, Enum):
    """Who the ward admits, by sex."""

    male = "male"
    female = "female"
    mixed = "mixed"


class DoorStatus(str, Enum):
    """How the ward's main door works."""

    open = "open"
    locked = "locked"
    controlled_entry = "controlled_entry"


class TeamRole(str, Enum):
    """A job on the ward team."""

    consultant_psychiatrist = "consultant_psychiatrist"
    specialty_doctor = "specialty_doctor"
    ward_manager = "ward_manager"
    matron = "matron"
    registered_nurse = "registered_nurse"
    healthcare_assistant = "healthcare_assistant"
    occupational_therapist = "occupational_therapist"
    activity_coordinator = "activity_coordinator"
    psychologist = "psychologist"
    pharmacist = "pharmacist"
    social_worker = "social_worker"
    physiotherapist = "physiotherapist"
    speech_and_language_therapist = "speech_and_language_therapist"
    dietitian = "dietitian"
    peer_support_worker = "peer_support_worker"
    ward_administrator = "ward_administrator"
    carers_champion = "carers_champion"
    teacher = "teacher"
    nursery_nurse = "nursery_nurse"


class Shift(str, Enum):
    """A nursing shift."""

    early = "early"
    late = "late"
    long_day = "long_day"
    night = "night"


class Facility(str, Enum):
    """A room or facility on or next to the ward."""

    garden = "garden"
    courtyard = "courtyard"
    sensory_room = "sensory_room"
    multi_faith_room = "multi_faith_room"
    quiet_room = "quiet_room"
    de_escalation_room = "de_escalation_room"
    family_visiting_room = "family_visiting_room"
    overnight_stay_room = "overnight_stay_room"
    activity_room = "activity_room"
    therapy_kitchen = "therapy_kitchen"
    gym = "gym"
    laundry = "laundry"
    dining_room = "dining_room"
    lounge = "lounge"
    female_only_lounge = "female_only_lounge"
    drinks_24_hours = "drinks_24_hours"
    wifi = "wifi"
    patient_telephone = "patient_telephone"
    shop = "shop"
    cafe = "cafe"
    nursery = "nursery"
    school_room = "school_room"


class OwnPhone(str, Enum):
    """Whether patients may keep their own mobile phone."""

    allowed = "allowed"
    risk_assessed = "risk_assessed"
    not_allowed = "not_allowed"


class SmokingPolicy(str, Enum):
    """Where smoking is allowed."""

    smoke_free = "smoke_free"
    designated_areas = "designated_areas"


class Vaping(str, Enum):
    """Whether e-cigarettes may be used."""

    allowed = "allowed"
    risk_assessed = "risk_assessed"
    not_allowed = "not_allowed"


class Booking(str, Enum):
    """Whether visits must be booked."""

    not_needed = "not_needed"
    please_phone_ahead = "please_phone_ahead"
    must_book = "must_book"


class Format(str, Enum):
    """An accessible format the information is offered in."""

    easy_read = "easy_read"
    large_print = "large_print"
    braille = "braille"
    audio = "audio"
    bsl_video = "bsl_video"
    other_languages = "other_languages"
    makaton = "makaton"


class ProviderType(str, Enum):
    """The kind of organisation that runs the wards."""

    nhs_trust = "nhs_trust"
    nhs_foundation_trust = "nhs_foundation_trust"
    independent = "independent"


class Meal(str, Enum):
    """A meal or snack time."""

    breakfast = "breakfast"
    lunch = "lunch"
    tea = "tea"
    dinner = "dinner"
    supper = "supper"
    snack = "snack"


# Pairs, not a dict keyed by member: these enums are also strings, so OwnPhone.allowed and
# Vaping.allowed (both "allowed") would be one dict key and one would show the other's words.
_LABEL_PAIRS: tuple[tuple[Enum, str], ...] = (
    (Specialism.acute, "Acute ward"),
    (Specialism.picu, "Psychiatric intensive care unit (PICU)"),
    (Specialism.rehabilitation, "Rehabilitation ward"),
    (Specialism.forensic, "Forensic ward"),
    (Specialism.eating_disorders, "Eating disorder ward"),
    (Specialism.mother_and_baby, "Mother and baby unit"),
    (Specialism.learning_disability_and_autism, "Learning disability and autism ward"),
    (Specialism.dementia, "Dementia ward"),
    (Specialism.other, "Specialist ward"),
    (SecurityLevel.general, "Not a secure ward"),
    (SecurityLevel.low, "Low secure"),
    (SecurityLevel.medium, "Medium secure"),
    (SecurityLevel.high, "High secure"),
    (AgeGroup.child, "Children"),
    (AgeGroup.adolescent, "Young people"),
    (AgeGroup.child_and_adolescent, "Children and young people"),
    (AgeGroup.adult, "Adults"),
    (AgeGroup.older_adult, "Older adults"),
    (AgeGroup.adult_and_older_adult, "Adults of any age"),
    (AgeGroup.any_age, "People of any age"),
    (WardStatus.open, "Open"),
    (WardStatus.temporarily_closed, "Closed for now"),
    (WardStatus.closed, "Closed"),
    (Sex.male, "Men only"),
    (Sex.female, "Women only"),
    (Sex.mixed, "Men and women"),
    (DoorStatus.open, "The ward door is open"),
    (DoorStatus.locked, "The ward door is locked"),
    (DoorStatus.controlled_entry, "You ring or buzz to come in and go out"),
    (TeamRole.consultant_psychiatrist, "Consultant psychiatrist"),
    (TeamRole.specialty_doctor, "Ward doctor"),
    (TeamRole.ward_manager, "Ward manager"),
    (TeamRole.matron, "Matron"),
    (TeamRole.registered_nurse, "Nurses"),
    (TeamRole.healthcare_assistant, "Healthcare assistants"),
    (TeamRole.occupational_therapist, "Occupational therapist"),
    (TeamRole.activity_coordinator, "Activity coordinator"),
    (TeamRole.psychologist, "Psychologist"),
    (TeamRole.pharmacist, "Pharmacist"),
    (TeamRole.social_worker, "Social worker"),
    (TeamRole.physiotherapist, "Physiotherapist"),
    (TeamRole.speech_and_language_therapist, "Speech and language therapist"),
    (TeamRole.dietitian, "Dietitian"),
    (TeamRole.peer_support_worker, "Peer support worker"),
    (TeamRole.ward_administrator, "Ward administrator"),
    (TeamRole.carers_champion, "Carers' champion"),
    (TeamRole.teacher, "Teacher"),
    (TeamRole.nursery_nurse, "Nursery nurse"),
    (Shift.early, "Early shift"),
    (Shift.late, "Late shift"),
    (Shift.long_day, "Long day"),
    (Shift.night, "Night"),
    (Facility.garden, "Garden"),
    (Facility.courtyard, "Courtyard"),
    (Facility.sensory_room, "Sensory room"),
    (Facility.multi_faith_room, "Multi-faith room"),
    (Facility.quiet_room, "Quiet room"),
    (Facility.de_escalation_room, "Calm-down room"),
    (Facility.family_visiting_room, "Family visiting room"),
    (Facility.overnight_stay_room, "Room for family to stay overnight"),
    (Facility.activity_room, "Activity room"),
    (Facility.therapy_kitchen, "Kitchen for cooking sessions"),
    (Facility.gym, "Gym"),
    (Facility.laundry, "Laundry"),
    (Facility.dining_room, "Dining room"),
    (Facility.lounge, "Lounge"),
    (Facility.female_only_lounge, "Lounge for women only"),
    (Facility.drinks_24_hours, "Hot and cold drinks at any time"),
    (Facility.wifi, "Wi-Fi"),
    (Facility.patient_telephone, "Phone for patients"),
    (Facility.shop, "Shop"),
    (Facility.cafe, "Café"),
    (Facility.nursery, "Nursery"),
    (Facility.school_room, "School room"),
    (OwnPhone.allowed, "You can keep your own mobile phone"),
    (OwnPhone.risk_assessed, "Staff will talk with you about keeping your own mobile phone"),
    (OwnPhone.not_allowed, "You cannot keep your own mobile phone on the ward"),
    (SmokingPolicy.smoke_free, "No smoking anywhere on the site"),
    (SmokingPolicy.designated_areas, "Smoking only in marked outdoor areas"),
    (Vaping.allowed, "You can use an e-cigarette (vape)"),
    (Vaping.risk_assessed, "Staff will talk with you about using an e-cigarette (vape)"),
    (Vaping.not_allowed, "E-cigarettes (vapes) are not allowed"),
    (Booking.not_needed, "You do not need to book"),
    (Booking.please_phone_ahead, "Please phone the ward before you come"),
    (Booking.must_book, "You must book your visit"),
    (Format.easy_read, "Easy Read"),
    (Format.large_print, "Large print"),
    (Format.braille, "Braille"),
    (Format.audio, "Audio"),
    (Format.bsl_video, "British Sign Language video"),
    (Format.other_languages, "Other languages"),
    (Format.makaton, "Makaton"),
    (ProviderType.nhs_trust, "NHS trust"),
    (ProviderType.nhs_foundation_trust, "NHS foundation trust"),
    (ProviderType.independent, "Independent provider"),
    (Meal.breakfast, "Breakfast"),
    (Meal.lunch, "Lunch"),
    (Meal.tea, "Tea"),
    (Meal.dinner, "Dinner"),
    (Meal.supper, "Supper"),
    (Meal.snack, "Snack"),
)

LABELS: dict[tuple[type, str], str] = {(type(member), member.value): text for member, text in _LABEL_PAIRS}
"""Reader-facing words, keyed by (enum class, value)."""


def label(value: Enum) -> str:
    """The plain words a reader sees for an enum value."""
    return LABELS.get((type(value), value.value), value.value.replace("_", " ").capitalize())
