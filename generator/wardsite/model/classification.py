"""What kind of ward this is, in fields that map to national data.

The NHS Data Model and Dictionary codes a mental health ward's security level, intended age group
and intended sex of patients separately (WARD SECURITY LEVEL, WARD INTENDED AGE GROUP (MENTAL
HEALTH), WARD INTENDED SEX OF PATIENTS, LOCKED WARD INDICATOR, all used by the Mental Health Services
Data Set). A ward writes words; the open data carries the national codes beside them, so
commissioners can join a ward to national returns. The specialism has no national code list: it is
wardsite's own, in the words readers and the CQC use.

Readers see one phrase made from the three fields ("Low secure forensic ward for adults"), and lists
and compare pages group wards by specialism and broad age band, so a parent finds young people's
wards together and an adult ward is compared with adult wards.
"""

from __future__ import annotations

from typing import NamedTuple

from wardsite.model.enums import AgeGroup, DoorStatus, SecurityLevel, Sex, Specialism, label
from wardsite.model.types import Strict


class Classification(Strict):
    """What kind of ward this is: its specialism, security level and the age group it is meant for."""

    specialism: Specialism
    """What kind of care the ward gives. Example: acute."""
    security_level: SecurityLevel
    """How secure the ward is (the national WARD SECURITY LEVEL): general for a ward that is not a secure ward. Example: general."""
    age_group: AgeGroup
    """Who the ward is meant for by age (the national WARD INTENDED AGE GROUP (MENTAL HEALTH)). Example: adult."""


SECURITY_LEVEL_CODES: dict[SecurityLevel, str] = {
    SecurityLevel.general: "0",
    SecurityLevel.low: "1",
    SecurityLevel.medium: "2",
    SecurityLevel.high: "3",
}
"""WARD SECURITY LEVEL: 0 General (non-secure), 1 Low Secure, 2 Medium Secure, 3 High Secure."""

AGE_GROUP_CODES: dict[AgeGroup, str] = {
    AgeGroup.child: "10",
    AgeGroup.adolescent: "11",
    AgeGroup.child_and_adolescent: "12",
    AgeGroup.adult: "13",
    AgeGroup.older_adult: "14",
    AgeGroup.adult_and_older_adult: "15",
    AgeGroup.any_age: "99",
}
"""WARD INTENDED AGE GROUP (MENTAL HEALTH): 10 Child only ... 15 Adult and Older Adult, 99 Any age."""

INTENDED_SEX_CODES: dict[Sex, str] = {Sex.male: "1", Sex.female: "2", Sex.mixed: "8"}
"""WARD INTENDED SEX OF PATIENTS: 1 Male, 2 Female, 8 Not specified (a ward for men and women)."""

NATIONAL_CODE_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "ward_security_level": {"0": "General (non-secure)", "1": "Low Secure", "2": "Medium Secure", "3": "High Secure"},
    "ward_intended_age_group": {
        "10": "Child only",
        "11": "Adolescent only",
        "12": "Child and Adolescent",
        "13": "Adult only",
        "14": "Older Adult only",
        "15": "Adult and Older Adult",
        "99": "Any age",
    },
    "ward_intended_sex_of_patients": {"1": "Male", "2": "Female", "8": "Not specified"},
    "locked_ward_indicator": {"Y": "Yes", "N": "No"},
}
"""Each national code's description in the NHS Data Model and Dictionary, by NationalCodes field and code."""


YOUNG_PEOPLE = frozenset({AgeGroup.child, AgeGroup.adolescent, AgeGroup.child_and_adolescent})
"""The age groups of children's and young people's (CAMHS) wards."""

_AGE_WORDS: dict[AgeGroup, str] = {
    AgeGroup.child: "children",
    AgeGroup.adolescent: "young people",
    AgeGroup.child_and_adolescent: "children and young people",
    AgeGroup.adult: "adults",
    AgeGroup.older_adult: "older adults",
    AgeGroup.adult_and_older_adult: "adults of any age",
    AgeGroup.any_age: "people of any age",
}


class NationalCodes(Strict):
    """The ward's classification in the NHS Data Model and Dictionary's national codes, worked out from
    classification, who_for.sex and environment.door: the open data publishes them beside the words."""

    ward_security_level: str
    """WARD SECURITY LEVEL: 0 General (non-secure), 1 Low Secure, 2 Medium Secure, 3 High Secure."""
    ward_intended_age_group: str
    """WARD INTENDED AGE GROUP (MENTAL HEALTH): 10 Child only, 11 Adolescent only, 12 Child and Adolescent, 13 Adult only, 14 Older Adult only, 15 Adult and Older Adult, 99 Any age."""
    ward_intended_sex_of_patients: str
    """WARD INTENDED SEX OF PATIENTS: 1 Male, 2 Female, 8 Not specified (a ward for men and women)."""
    locked_ward_indicator: str | None = None
    """LOCKED WARD INDICATOR, for a general (non-secure) ward only: Y when its door is locked or staff open it (controlled entry), N when it is open; null ("not applicable") for a secure ward or when the door is not published: always present, and null, in data/wards.json, each ward's data file and data/availability.json alike, and blank in availability.csv."""


def national_codes(classification: Classification, sex: Sex, door: DoorStatus | None) -> NationalCodes:
    """The national codes for a ward."""
    locked = None
    if classification.security_level is SecurityLevel.general and door is not None:
        locked = "N" if door is DoorStatus.open else "Y"
    return NationalCodes(
        ward_security_level=SECURITY_LEVEL_CODES[classification.security_level],
        ward_intended_age_group=AGE_GROUP_CODES[classification.age_group],
        ward_intended_sex_of_patients=INTENDED_SEX_CODES[sex],
        locked_ward_indicator=locked,
    )


def describe(classification: Classification) -> str:
    """The phrase a reader sees: "Acute ward for adults", "Low secure forensic ward for adults"."""
    noun = label(classification.specialism)
    if classification.security_level is not SecurityLevel.general:
        noun = f"{label(classification.security_level)} {noun[0].lower()}{noun[1:]}"
    if classification.specialism is Specialism.mother_and_baby:
        return noun
    return f"{noun} for {_AGE_WORDS[classification.age_group]}"


_YOUNG_SEX_WORDS: dict[Sex, str] = {
    Sex.male: "Boys and young men only",
    Sex.female: "Girls and young women only",
    Sex.mixed: "Boys and girls",
}


def sex_words(sex: Sex, age_group: AgeGroup) -> str:
    """Who the ward admits by sex, in words for its ages: "Men only", or "Boys and young men only" on a
    young people's ward."""
    return _YOUNG_SEX_WORDS[sex] if age_group in YOUNG_PEOPLE else label(sex)


class WardGroup(NamedTuple):
    """Wards a reader looks at together: one specialism and one broad age band (lists, compare pages)."""

    slug: str
    """The web address part: ``acute``, ``acute-young-people``, ``dementia-older-adults``."""
    title: str
    """The heading: "Acute wards for adults"."""


def ward_group(classification: Classification) -> WardGroup:
    """The group a ward is listed and compared in."""
    specialism = classification.specialism
    slug = specialism.value.replace("_", "-")
    if specialism is Specialism.mother_and_baby:  # always adults: no age band in its address or title
        return WardGroup(slug, _GROUP_NOUNS[specialism])
    if classification.age_group in YOUNG_PEOPLE:
        band, band_words = "-young-people", "children and young people"
    elif classification.age_group is AgeGroup.older_adult:
        band, band_words = "-older-adults", "older adults"
    else:
        band, band_words = "", "adults"
    return WardGroup(slug + band, f"{_GROUP_NOUNS[specialism]} for {band_words}")


_GROUP_NOUNS: dict[Specialism, str] = {
    Specialism.acute: "Acute wards",
    Specialism.picu: "Psychiatric intensive care units (PICU)",
    Specialism.rehabilitation: "Rehabilitation wards",
    Specialism.forensic: "Forensic wards",
    Specialism.eating_disorders: "Eating disorder wards",
    Specialism.mother_and_baby: "Mother and baby units",
    Specialism.learning_disability_and_autism: "Learning disability and autism wards",
    Specialism.dementia: "Dementia wards",
    Specialism.other: "Specialist wards",
}

OLD_WARD_TYPES: dict[str, tuple[Specialism, SecurityLevel, AgeGroup]] = {
    "acute_adult": (Specialism.acute, SecurityLevel.general, AgeGroup.adult),
    "picu": (Specialism.picu, SecurityLevel.general, AgeGroup.adult),
    "older_adult_functional": (Specialism.acute, SecurityLevel.general, AgeGroup.older_adult),
    "older_adult_organic_dementia": (Specialism.dementia, SecurityLevel.general, AgeGroup.older_adult),
    "rehabilitation": (Specialism.rehabilitation, SecurityLevel.general, AgeGroup.adult),
    "low_secure": (Specialism.forensic, SecurityLevel.low, AgeGroup.adult),
    "medium_secure": (Specialism.forensic, SecurityLevel.medium, AgeGroup.adult),
    "eating_disorder": (Specialism.eating_disorders, SecurityLevel.general, AgeGroup.adult),
    "mother_and_baby": (Specialism.mother_and_baby, SecurityLevel.general, AgeGroup.adult),
    "camhs": (Specialism.acute, SecurityLevel.general, AgeGroup.adolescent),
    "learning_disability_autism": (Specialism.learning_disability_and_autism, SecurityLevel.general, AgeGroup.adult),
    "other": (Specialism.other, SecurityLevel.general, AgeGroup.adult),
}
"""What each value of the old ``ward_type`` (wardsite 0.2 and before) becomes: the likeliest reading,
which ``wardsite check`` suggests and ``wardsite upgrade`` writes, for the ward to confirm (the CHANGELOG's Upgrading table)."""
