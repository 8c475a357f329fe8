"""Build a fictional national dataset: N wards across N/20 providers, as YAML file texts.

For benchmarks and scale tests only. The same ``seed`` always gives the same files. The
dataset has every ward type, wards overdue and due soon for review relative to ``today``,
wards with optional sections and whole categories left out, providers that share facts
through ``ward_defaults`` and providers that do not. Every phone number is in an Ofcom drama
range, every postcode starts ``ZZ``, and no value holds ten digits in a row, so nothing can
pass for an NHS number.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

import yaml

from wardsite.findings.review_dates import add_months
from wardsite.model.classification import OLD_WARD_TYPES
from wardsite.model.enums import (
    Booking,
    Facility,
    Format,
    Meal,
    OwnPhone,
    Sex,
    Shift,
    SmokingPolicy,
    TeamRole,
    Vaping,
)
from wardsite.synthetic import phrases as P

WARDS_PER_PROVIDER = 20

# (prefix, first digits of the local part): each gives 1,000 numbers kept for drama by Ofcom.
DRAMA_RANGES = (
    "0113 496 0",
    "0114 496 0",
    "0115 496 0",
    "0116 496 0",
    "0117 496 0",
    "0118 496 0",
    "0121 496 0",
    "0131 496 0",
    "0141 496 0",
    "0151 496 0",
    "0161 496 0",
    "0191 498 0",
    "020 7946 0",
    "029 2018 0",
    "01632 960",
)

# How common each kind of ward is (roughly as in England), named as the old ward_type values (their
# classification is OLD_WARD_TYPES'); the first wards cover every kind once.
TYPE_WEIGHTS: dict[str, int] = {
    "acute_adult": 35,
    "picu": 7,
    "older_adult_functional": 8,
    "older_adult_organic_dementia": 7,
    "rehabilitation": 10,
    "low_secure": 8,
    "medium_secure": 5,
    "eating_disorder": 3,
    "mother_and_baby": 2,
    "camhs": 6,
    "learning_disability_autism": 6,
    "other": 3,
}

# Categories a ward may leave out while its provider is still writing them.
OPTIONAL_CATEGORIES = (
    "staffing",
    "environment",
    "daily_life",
    "activities",
    "visiting",
    "carers",
    "rights",
    "feedback",
    "accessibility",
    "getting_here",
)


@dataclass(frozen=True)
class _TypeProfile:
    """Who a kind of ward admits and how big it is."""

    sexes: tuple[Sex, ...]
    ages: tuple[int, int | None]
    beds: tuple[int, int]
    extra_roles: tuple[TeamRole, ...] = ()
    extra_facilities: tuple[Facility, ...] = ()


_PROFILES: dict[str, _TypeProfile] = {
    "acute_adult": _TypeProfile((Sex.female, Sex.male, Sex.mixed), (18, 65), (14, 24)),
    "picu": _TypeProfile(
        (Sex.male, Sex.female), (18, 65), (8, 12), (TeamRole.psychologist,), (Facility.de_escalation_room,)
    ),
    "older_adult_functional": _TypeProfile((Sex.mixed,), (65, None), (12, 20), (TeamRole.physiotherapist,)),
    "older_adult_organic_dementia": _TypeProfile(
        (Sex.mixed, Sex.female, Sex.male),
        (65, None),
        (10, 16),
        (TeamRole.physiotherapist, TeamRole.dietitian),
        (Facility.sensory_room,),
    ),
    "rehabilitation": _TypeProfile(
        (Sex.male, Sex.female, Sex.mixed), (18, 65), (10, 18), (TeamRole.social_worker,), (Facility.therapy_kitchen,)
    ),
    "low_secure": _TypeProfile(
        (Sex.male, Sex.female), (18, None), (10, 16), (TeamRole.social_worker,), (Facility.gym,)
    ),
    "medium_secure": _TypeProfile(
        (Sex.male,), (18, None), (12, 16), (TeamRole.social_worker, TeamRole.psychologist), (Facility.gym,)
    ),
    "eating_disorder": _TypeProfile(
        (Sex.female, Sex.mixed), (18, None), (8, 14), (TeamRole.dietitian,), (Facility.therapy_kitchen,)
    ),
    "mother_and_baby": _TypeProfile((Sex.female,), (16, None), (6, 10), (TeamRole.nursery_nurse,), (Facility.nursery,)),
    "camhs": _TypeProfile((Sex.mixed,), (13, 17), (8, 14), (TeamRole.teacher,), (Facility.school_room,)),
    "learning_disability_autism": _TypeProfile(
        (Sex.male, Sex.female), (18, 65), (6, 10), (TeamRole.speech_and_language_therapist,), (Facility.sensory_room,)
    ),
    "other": _TypeProfile((Sex.mixed, Sex.female), (18, None), (8, 16)),
}

_BASE_FACILITIES = (
    Facility.garden,
    Facility.quiet_room,
    Facility.lounge,
    Facility.dining_room,
    Facility.laundry,
    Facility.activity_room,
    Facility.wifi,
    Facility.patient_telephone,
    Facility.drinks_24_hours,
    Facility.multi_faith_room,
    Facility.cafe,
)
_BASE_ROLES = (
    TeamRole.consultant_psychiatrist,
    TeamRole.ward_manager,
    TeamRole.registered_nurse,
    TeamRole.healthcare_assistant,
    TeamRole.occupational_therapist,
)
_MORE_ROLES = (
    TeamRole.specialty_doctor,
    TeamRole.matron,
    TeamRole.activity_coordinator,
    TeamRole.pharmacist,
    TeamRole.peer_support_worker,
    TeamRole.ward_administrator,
    TeamRole.carers_champion,
)
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _sentences(rng: random.Random, pool: tuple[str, ...], low: int, high: int, **fill: object) -> str:
    """Between ``low`` and ``high`` sentences from ``pool``, in pool order, placeholders filled."""
    count = min(len(pool), rng.randint(low, high))
    chosen = sorted(rng.sample(range(len(pool)), count))
    return " ".join(pool[i] for i in chosen).format(**fill)


def _clock(hour: int, minute: int = 0) -> str:
    return f"{hour:02d}:{minute:02d}"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(P.PEOPLE_FIRST)} {rng.choice(P.PEOPLE_LAST)}"


class _Phones:
    """Hands out drama-range phone numbers for one provider, never the same one twice."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.next = 0

    def take(self) -> str:
        number = f"{self.prefix}{self.next % 1000:03d}"
        self.next += 1
        return number


@dataclass
class _Provider:
    slug: str
    name: str
    domain: str
    code: str
    phones: _Phones
    towns: list[str]
    style: str  # "shared": most facts in ward_defaults; "light": rights and feedback only; "none"
    data: dict[str, Any]


@dataclass
class _Site:
    name: str
    town: str
    street: str
    postcode: str
    ods: str


def _towns(rng: random.Random, count: int) -> list[str]:
    names = sorted({start + end for start in P.TOWN_STARTS for end in P.TOWN_ENDS})
    rng.shuffle(names)
    return names[:count]


def synthetic_files(wards: int, seed: int, today: dt.date) -> dict[str, str]:
    """``{"<provider>/provider.yaml" or "<provider>/<ward>.yaml": YAML text}`` for ``wards`` wards."""
    if wards < 1:
        raise ValueError("wards must be at least 1")
    rng = random.Random(seed)
    n_providers = max(1, round(wards / WARDS_PER_PROVIDER))
    towns = _towns(rng, max(3, wards // 6))
    types = list(TYPE_WEIGHTS) + rng.choices(
        list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()), k=max(0, wards - len(TYPE_WEIGHTS))
    )
    header = (
        f"# SYNTHETIC DATA made by `wardsite synthetic --wards {wards} --seed {seed}`.\n# Every name, phone "
        "number, address, postcode and code is invented.\n\n"
    )
    files: dict[str, str] = {}
    used_ward_slugs: dict[str, set[str]] = {}  # by provider: ward names repeat across providers, not within one
    providers = [_provider(rng, i, towns) for i in range(n_providers)]
    for index, ward_type in enumerate(types):
        provider = providers[index % n_providers]
        ward_number = index // n_providers
        site = _site(rng, provider, ward_number)
        slug, ward = _ward(rng, provider, site, ward_type, today, used_ward_slugs.setdefault(provider.slug, set()))
        files[f"{provider.slug}/{slug}.yaml"] = header + _dump(ward)
    for provider in providers:
        files[f"{provider.slug}/provider.yaml"] = header + _dump(provider.data)
    return dict(sorted(files.items()))


def _dump(data: dict[str, Any]) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def _provider(rng: random.Random, index: int, towns: list[str]) -> _Provider:
    home = towns[index % len(towns)]
    nhs = rng.random() < 0.7
    if nhs:
        kind = rng.choice(("nhs_trust", "nhs_foundation_trust"))
        name = (
            f"{home} {'Partnership NHS Trust' if kind == 'nhs_trust' else 'Mental Health NHS Foundation Trust'} "
            "(fictional)"
        )
        domain = f"{_slug(home)}.example.nhs.uk"
    else:
        kind = "independent"
        name = f"{home} {rng.choice(('Care', 'Healthcare', 'Hospitals', 'Clinics'))} (fictional independent provider)"
        domain = f"example.com/{_slug(home)}"
    slug = f"{_slug(name.split(' (')[0])}-{index + 1}"
    code = f"{'R' if nhs else 'N'}Z{index % 10}{chr(65 + index // 10 % 26)}"
    phones = _Phones(DRAMA_RANGES[index % len(DRAMA_RANGES)])
    own_towns = [home] + rng.sample(towns, min(len(towns), rng.randint(1, 3)))
    style = rng.choices(("shared", "light", "none"), weights=(6, 3, 1))[0]
    website = f"https://www.{domain}/"
    data: dict[str, Any] = {
        "name": name,
        "type": kind,
        "ods_code": code,
        "cqc_provider_id": f"1-{900000000 + index:09d}",
        "website": website,
        "switchboard": phones.take(),
        "about": f"{name.split(' (')[0]} runs mental health wards in and around {home}. Your care is free.",
        "maintainers": [f"@{slug}/ward-editors"],
    }
    provider = _Provider(slug, name, domain, code, phones, own_towns, style, data)
    defaults: dict[str, Any] = {}
    if style != "none":
        defaults["contact"] = {"switchboard_phone": data["switchboard"]}
        defaults["rights"] = _rights(rng, provider)
        defaults["feedback"] = _feedback(rng, provider)
    if style == "shared":
        defaults["daily_life"] = {
            "smoking": _smoking(rng),
            "items": {
                "prohibited": rng.sample(P.PROHIBITED, 6),
                "how_restricted_works": P.HOW_RESTRICTED,
                "full_list_url": f"{website}what-not-to-bring",
            },
            "faith_spiritual_care": P.FAITH,
        }
        defaults["carers"] = {
            "lead": _carers_lead(rng, provider),
            "carers_pack_url": f"{website}carers-pack",
            "information_sharing": P.INFO_SHARING,
            "carers_assessment": P.CARERS_ASSESSMENT,
            "nearest_relative": P.NEAREST_RELATIVE,
        }
        defaults["accessibility"] = _accessibility(rng, provider)
    if defaults:
        data["ward_defaults"] = defaults
    return provider


def _site(rng: random.Random, provider: _Provider, ward_number: int) -> _Site:
    """Wards of a provider share a few sites (about five wards to a site)."""
    site_number = ward_number // 5
    local = random.Random(f"{provider.slug}/{site_number}")  # the same site every time it is used
    town = provider.towns[site_number % len(provider.towns)]
    name = f"{local.choice(P.WARD_WORDS)} {local.choice(P.SITE_KINDS)}, {town}"
    street = f"{local.randint(1, 99)} {local.choice(P.TOWN_STARTS)} {local.choice(P.STREET_KINDS)}"
    letters = f"{chr(65 + local.randint(0, 25))}{chr(65 + local.randint(0, 25))}"
    postcode = f"ZZ{local.randint(1, 98)} {local.randint(1, 9)}{letters}"
    return _Site(name, town, street, postcode, f"{provider.code[:3]}{site_number % 100:02d}")


def _ward(
    rng: random.Random, provider: _Provider, site: _Site, ward_type: str, today: dt.date, used: set[str]
) -> tuple[str, dict[str, Any]]:
    name = f"{rng.choice(P.WARD_WORDS)} {rng.choice(P.WARD_KINDS)}"
    if _slug(name) in used:
        name = f"{name} {site.town}"
    base, n = name, 2
    while _slug(name) in used:
        name, n = f"{base} {n}", n + 1
    slug = _slug(name)
    used.add(slug)
    profile = _PROFILES[ward_type]
    sex = rng.choice(profile.sexes)
    beds = rng.randint(*profile.beds)
    fill = {
        "ward": name,
        "site": site.name,
        "town": site.town,
        "street": site.street.split(" ", 1)[1],
        "miles": rng.randint(2, 5),
        "floor": rng.choice(("ground", "first", "second")),
    }
    dropped = {c for c in OPTIONAL_CATEGORIES if rng.random() < 0.07}
    shared = provider.style == "shared"
    if shared:  # these categories are part-filled by ward_defaults, so the ward must finish them
        dropped -= {"daily_life", "carers", "accessibility"}
    if provider.style != "none":
        dropped -= {"rights", "feedback"}  # always present through the defaults
    email_local = slug.replace("-", ".")
    ward: dict[str, Any] = {"name": name}
    if rng.random() < 0.3:
        ward["alternate_names"] = [f"Ward {rng.randint(1, 60)}"]
    ward["site"] = {"name": site.name, "ods_site_code": site.ods}
    ward["cqc_location_id"] = f"1-{rng.randint(100000000, 999999999)}"
    specialism, security_level, age_group = OLD_WARD_TYPES[ward_type]
    ward["classification"] = {
        "specialism": specialism.value,
        "security_level": security_level.value,
        "age_group": age_group.value,
    }
    ward["ward_type_explained"] = P.TYPE_EXPLAINED[ward_type]
    if rng.random() < 0.03:
        ward["status"] = "temporarily_closed"
        ward["status_note"] = P.STATUS_NOTE
    if rng.random() < 0.85:
        ward["quick_read"] = _sentences(rng, P.QUICK_READ, 3, 6, **fill)
    if rng.random() < 0.9:
        ward["description"] = _sentences(rng, P.DESCRIPTION, 3, 6, **fill)
    if rng.random() < 0.06:
        ward["alert"] = {"message": P.ALERT, "until": (today + dt.timedelta(days=rng.randint(-20, 60))).isoformat()}
    ward["contact"] = {
        "ward_phone": provider.phones.take(),
        "ward_phone_hours": "24 hours",
        "patient_phone": _sentences(rng, P.PATIENT_PHONE, 1, 3),
        "email": f"{email_local}@{provider.domain.split('/')[0]}",
        "post_for_patients": _sentences(rng, P.POST, 1, 3, **fill),
    }
    lines = [name, site.name.split(",")[0], site.street] if rng.random() < 0.7 else [site.street]
    ward["address"] = {"lines": lines, "town": site.town, "postcode": site.postcode}
    if "getting_here" not in dropped:
        ward["getting_here"] = _getting_here(rng, provider, slug, fill)
    ward["beds"] = beds
    ward["who_for"] = _who_for(rng, profile, sex, fill)
    if security_level.value != "general" and ward["who_for"]["door"]["status"] == "open":
        ward["who_for"]["door"] = {"status": "locked", "note": P.DOOR_NOTE["locked"]}  # a secure ward is locked
    if "staffing" not in dropped:
        ward["staffing"] = _staffing(rng, provider, profile, today)
    if "environment" not in dropped:
        ward["environment"] = _environment(rng, profile, sex, beds, slug)
    if "daily_life" not in dropped:
        ward["daily_life"] = _daily_life(rng, shared)
    if "activities" not in dropped:
        ward["activities"] = _activities(rng)
    if "visiting" not in dropped:
        ward["visiting"] = _visiting(rng, ward_type)
    if "carers" not in dropped:
        ward["carers"] = _carers(rng, provider, shared)
    if "rights" not in dropped and provider.style == "none":
        ward["rights"] = _rights(rng, provider)
    if "feedback" not in dropped and (feedback := _ward_feedback(rng, provider)):
        ward["feedback"] = feedback
    if "accessibility" not in dropped and not shared:
        ward["accessibility"] = _accessibility(rng, provider)
    elif shared and rng.random() < 0.5:
        ward["accessibility"] = {
            "languages_spoken": rng.sample(P.LANGUAGES, 3),
            "building": [_feature(b) for b in P.BUILDING],
        }
    ward["review"] = _review(rng, today)
    return slug, ward


def _getting_here(rng: random.Random, provider: _Provider, slug: str, fill: dict[str, object]) -> dict[str, Any]:
    here: dict[str, Any] = {
        "by_car": _sentences(rng, P.BY_CAR, 2, 3, **fill),
        "parking": {
            "charges": "Free for the first 3 hours.",
            "blue_badge_bays": f"{rng.randint(1, 8)} spaces next to the door.",
            "drop_off": "There is a drop-off bay outside the door.",
        },
        "by_bus": _sentences(rng, P.BY_BUS, 1, 2, **fill),
        "bus_stops": [
            {"stop": str(fill["street"]), "routes": [str(rng.randint(1, 99)) for _ in range(rng.randint(1, 3))]}
        ],
        "by_train": _sentences(rng, P.BY_TRAIN, 1, 2, **fill),
        "finding_the_ward": _sentences(rng, P.FINDING, 2, 3, **fill),
    }
    if rng.random() < 0.5:
        here["site_map_url"] = f"https://www.{provider.domain}/sites/{slug}/map"
    if rng.random() < 0.5:
        here["travel_support"] = (
            "If coming to visit costs too much, ask the ward. We may be able to help with bus fares."
        )
    return here


def _who_for(rng: random.Random, profile: _TypeProfile, sex: Sex, fill: dict[str, object]) -> dict[str, Any]:
    who: dict[str, Any] = {"sex": sex.value, "sex_note": P.SEX_NOTE[sex.value], "age_min": profile.ages[0]}
    if profile.ages[1] is not None:
        who["age_max"] = profile.ages[1]
    who["legal_status"] = rng.choice(P.LEGAL_STATUS)
    who["conditions"] = rng.sample(P.CONDITIONS, rng.randint(2, 5))
    who["area_served"] = f"{fill['town']} and the places around it."
    if rng.random() < 0.8:
        who["how_admission_happens"] = _sentences(rng, P.ADMISSION, 2, 3)
        who["length_of_stay"] = _sentences(rng, P.STAY, 1, 2)
    status = rng.choice(("locked", "controlled_entry", "open"))
    who["door"] = {"status": status, "note": P.DOOR_NOTE[status]}
    return who


def _staffing(rng: random.Random, provider: _Provider, profile: _TypeProfile, today: dt.date) -> dict[str, Any]:
    roles = [*_BASE_ROLES, *rng.sample(_MORE_ROLES, rng.randint(2, 5)), *profile.extra_roles]
    staffing: dict[str, Any] = {
        "team_roles": [r.value for r in dict.fromkeys(roles)],
        "team_note": rng.choice(P.TEAM_NOTE),
    }
    staffing["named_roles"] = [
        {"role": "Ward manager", "name": _person(rng)},
        {"role": "Consultant psychiatrist", "name": f"Dr {_person(rng)}"},
    ]
    if rng.random() < 0.8:
        shifts = (
            [(Shift.early, 3, 4), (Shift.late, 3, 4), (Shift.night, 2, 3)]
            if rng.random() < 0.7
            else [(Shift.long_day, 3, 5), (Shift.night, 2, 3)]
        )
        staffing["planned_per_shift"] = {
            "as_of": (today - dt.timedelta(days=rng.randint(10, 90))).isoformat(),
            "shifts": [
                {"shift": s.value, "registered_nurses": n + rng.randint(0, 1), "support_workers": w + rng.randint(0, 2)}
                for s, n, w in shifts
            ],
        }
    staffing["data_url"] = f"https://www.{provider.domain}/safe-staffing"
    staffing["named_nurse_model"] = " ".join(P.NAMED_NURSE)
    staffing["contact_commitments"] = rng.sample(P.COMMITMENTS, rng.randint(2, 4))
    staffing["identify_staff"] = " ".join(P.IDENTIFY)
    staffing["ward_rounds"] = " ".join(P.WARD_ROUNDS)
    if TeamRole.peer_support_worker.value in staffing["team_roles"]:
        staffing["peer_support"] = " ".join(P.PEER)
    return staffing


def _environment(rng: random.Random, profile: _TypeProfile, sex: Sex, beds: int, slug: str) -> dict[str, Any]:
    single = beds if rng.random() < 0.85 else beds - rng.randint(2, min(4, beds - 1))
    bedrooms = {
        "single": single,
        "en_suite": rng.randint(single // 2, single),
        "dormitory_beds": beds - single,
        "note": P.BEDROOM_NOTE[0],
        "access": rng.choice(P.BEDROOM_ACCESS),
    }
    facilities = [*rng.sample(_BASE_FACILITIES, rng.randint(6, len(_BASE_FACILITIES))), *profile.extra_facilities]
    if sex is Sex.mixed:
        facilities.append(Facility.female_only_lounge)
    facilities = list(dict.fromkeys(facilities))
    environment: dict[str, Any] = {"bedrooms": bedrooms}
    if sex is Sex.mixed:
        environment["same_sex"] = {
            "sleeping_segregated": True,
            "bathrooms_segregated": True,
            "female_only_lounge": True,
            "note": P.SAME_SEX_NOTE,
        }
    environment["facilities"] = [f.value for f in facilities]
    environment["facility_details"] = [
        {"facility": facilities[0].value, "where": "Next to the lounge.", "hours": "8am to 9pm"}
    ]
    environment["outdoor_access"] = rng.choice(P.OUTDOOR)
    environment["patient_control"] = " ".join(P.PATIENT_CONTROL)
    if rng.random() < 0.6:
        environment["accessible_rooms"] = " ".join(P.ACCESSIBLE_ROOMS)
    if rng.random() < 0.4:
        environment["photos"] = [
            {
                "src": f"https://example.org/photos/{slug}/bedroom.jpg",
                "alt": "A bedroom with a bed, a desk, a chair and a large window.",
            }
        ]
    return environment


def _smoking(rng: random.Random) -> dict[str, Any]:
    policy = rng.choice(list(SmokingPolicy))
    return {
        "policy": policy.value,
        "nicotine_replacement_offered": True,
        "vaping": rng.choice(list(Vaping)).value,
        "note": "We can give you patches or gum to help with cravings. They are free.",
    }


def _daily_life(rng: random.Random, shared: bool) -> dict[str, Any]:
    breakfast = rng.choice((8, 8, 9))
    meals = [(Meal.breakfast, breakfast, 0, breakfast, 45), (Meal.lunch, 12, 0, 13, 0), (Meal.tea, 17, 0, 18, 0)]
    if rng.random() < 0.5:
        meals.append((Meal.supper, 20, 30, 21, 0))
    daily: dict[str, Any] = {
        "meal_times": [{"meal": m.value, "start": _clock(h, mi), "end": _clock(eh, em)} for m, h, mi, eh, em in meals]
    }
    daily["protected_mealtimes"] = {"protected": True, "note": P.PROTECTED_NOTE}
    daily["food"] = _sentences(rng, P.FOOD, 2, 4)
    daily["routine"] = [
        {"time": _clock(h, m), "what": what} for h, m, what in P.ROUTINE[: rng.randint(3, len(P.ROUTINE))]
    ]
    daily["phones_internet"] = {
        "own_phone": rng.choice(list(OwnPhone)).value,
        "camera_rule": P.CAMERA_RULE,
        "chargers": P.CHARGERS,
        "wifi": rng.random() < 0.8,
    }
    if not shared:
        daily["smoking"] = _smoking(rng)
    daily["leave"] = {"informal": P.LEAVE_INFORMAL, "detained": P.LEAVE_DETAINED}
    daily["what_to_bring"] = rng.sample(P.WHAT_TO_BRING, rng.randint(4, len(P.WHAT_TO_BRING)))
    items: dict[str, Any] = (
        {} if shared else {"prohibited": rng.sample(P.PROHIBITED, 6), "how_restricted_works": P.HOW_RESTRICTED}
    )
    items["restricted"] = rng.sample(P.RESTRICTED, rng.randint(2, 4))
    daily["items"] = items
    daily["searches"] = P.SEARCHES
    if rng.random() < 0.5:
        restriction, reason = rng.choice(P.BLANKET)
        daily["blanket_restrictions"] = [{"restriction": restriction, "reason": reason}]
    daily["money_valuables"] = P.MONEY
    daily["laundry"] = P.LAUNDRY
    daily["observation_explained"] = P.OBSERVATION
    return daily


def _activities(rng: random.Random) -> dict[str, Any]:
    timetable = []
    for activity, led_by in rng.sample(P.ACTIVITY_NAMES, rng.randint(3, 6)):
        start = rng.choice((10, 11, 14, 15))
        timetable.append(
            {
                "days": sorted(rng.sample(_DAYS[:5], rng.randint(1, 2)), key=_DAYS.index),
                "start": _clock(start, 0),
                "end": _clock(start + 1, rng.choice((0, 30))),
                "activity": activity,
                "led_by": led_by,
            }
        )
    return {
        "summary": " ".join(P.ACTIVITIES_SUMMARY),
        "timetable": timetable,
        "evenings_weekends": P.EVENINGS,
        "therapies": rng.sample(P.THERAPIES, rng.randint(2, 4)),
        "education_work": P.EDUCATION,
    }


def _visiting(rng: random.Random, ward_type: str) -> dict[str, Any]:
    start = rng.choice((13, 14, 10))
    hours = (
        [{"days": list(_DAYS), "start": _clock(start), "end": _clock(19, 45)}]
        if rng.random() < 0.6
        else [
            {"days": list(_DAYS[:5]), "start": _clock(start), "end": _clock(20)},
            {"days": list(_DAYS[5:]), "start": _clock(10), "end": _clock(20)},
        ]
    )
    visiting: dict[str, Any] = {
        "hours": hours,
        "not_during": [{"start": "17:00", "end": "18:00", "reason": "Tea time"}],
    }
    visiting["booking"] = rng.choice(list(Booking)).value
    visiting["booking_how"] = P.BOOKING_HOW
    visiting["max_visitors"] = rng.randint(2, 4)
    visiting["where"] = P.VISIT_WHERE
    family = ward_type in ("mother_and_baby", "camhs")
    visiting["children"] = {"allowed_on_ward": family, "family_room": True, "arrangements": P.CHILDREN}
    visiting["flexible_for_carers"] = P.FLEXIBLE
    visiting["patient_choice"] = P.PATIENT_CHOICE
    visiting["arrival"] = P.ARRIVAL
    if rng.random() < 0.6:
        visiting["virtual"] = P.VIRTUAL
    return visiting


def _carers_lead(rng: random.Random, provider: _Provider) -> dict[str, Any]:
    return {
        "title": rng.choice(("Carers' champion", "Family liaison worker")),
        "phone": provider.phones.take(),
        "email": f"carers@{provider.domain.split('/')[0]}",
        "how_to_contact": "Ask any nurse on the ward, or phone our carers' team.",
    }


def _carers(rng: random.Random, provider: _Provider, shared: bool) -> dict[str, Any]:
    carers: dict[str, Any] = (
        {} if shared else {"lead": _carers_lead(rng, provider), "information_sharing": P.INFO_SHARING}
    )
    carers["welcome_info"] = " ".join(P.CARERS_WELCOME)
    carers["involvement"] = P.CARERS_INVOLVEMENT
    if rng.random() < 0.6:
        carers["support_groups"] = [
            {"name": "Carers' group", "when": f"First {rng.choice(_DAYS[:5]).capitalize()} of the month, 6pm"}
        ]
    if rng.random() < 0.5:
        carers["young_carers"] = P.YOUNG_CARERS
    return carers


def _advocacy(rng: random.Random, provider: _Provider, name: str) -> dict[str, Any]:
    return {"provider_name": name, "phone": provider.phones.take(), "how_to_contact": P.IMHA_HOW, "auto_referral": True}


def _rights(rng: random.Random, provider: _Provider) -> dict[str, Any]:
    area = provider.name.split(" ")[0]
    return {
        "informal_patients": P.RIGHTS_INFORMAL,
        "detained_patients": P.RIGHTS_DETAINED,
        "easy_read_rights_url": f"https://www.{provider.domain}/easy-read/your-rights",
        "imha": _advocacy(rng, provider, f"{area} Advocacy"),
        "tribunal": P.TRIBUNAL,
        "hospital_managers": P.MANAGERS,
        "cqc": P.CQC,
        "interpreters": P.INTERPRETERS,
        "health_records": P.RECORDS,
        "care_plan_copy": P.CARE_PLAN,
    }


def _feedback(rng: random.Random, provider: _Provider) -> dict[str, Any]:
    """Every feedback fact; shared through ward_defaults by most providers."""
    area = provider.name.split(" ")[0]
    return {
        "on_the_ward": P.ON_THE_WARD,
        "pals": {"phone": provider.data["switchboard"], "hours": "Monday to Friday, 9am to 5pm"},
        "complaints": {"how": P.COMPLAINTS, "url": f"https://www.{provider.domain}/complaints"},
        "cqc_contact": P.CQC_CONTACT,
        "ombudsman": P.OMBUDSMAN,
        "healthwatch": {"name": f"Healthwatch {area}"},
    }


def _ward_feedback(rng: random.Random, provider: _Provider) -> dict[str, Any]:
    """The ward's own feedback: everything if the provider shares nothing, else only what differs."""
    feedback = _feedback(rng, provider) if provider.style == "none" else {}
    if rng.random() < 0.5:
        feedback["you_said_we_did"] = rng.sample(P.YOU_SAID, 2)
    return feedback


def _feature(entry: tuple[str, bool, str | None]) -> dict[str, Any]:
    feature, available, detail = entry
    return {"feature": feature, "available": available, **({"detail": detail} if detail else {})}


def _accessibility(rng: random.Random, provider: _Provider) -> dict[str, Any]:
    formats = [Format.easy_read, *rng.sample([f for f in Format if f is not Format.easy_read], rng.randint(1, 3))]
    return {
        "access_guide_url": f"https://example.org/access-guides/{provider.slug}",
        "formats_available": [f.value for f in formats],
        "how_to_request": P.HOW_TO_REQUEST,
        "communication_support": P.COMMUNICATION,
    }


def _review(rng: random.Random, today: dt.date) -> dict[str, Any]:
    """About one ward in ten overdue, one in ten due within four weeks, the rest current."""
    roll = rng.random()
    year_ago = add_months(today, -12)
    if roll < 0.1:
        last = year_ago - dt.timedelta(days=rng.randint(1, 200))  # overdue
    elif roll < 0.2:
        last = year_ago + dt.timedelta(days=rng.randint(0, 27))  # due within 28 days
    else:
        last = today - dt.timedelta(days=rng.randint(0, 300))
    review: dict[str, Any] = {
        "last_reviewed": last.isoformat(),
        "reviewed_by": {"role": "Ward manager", "name": _person(rng)},
    }
    if rng.random() < 0.05:
        review["next_review_due"] = add_months(last, 6).isoformat()
    review["approved_by"] = {"role": "Matron"}
    review["coproduced_with"] = ["people who have stayed on the ward"]
    review["changes"] = [{"date": last.isoformat(), "summary": rng.choice(P.CHANGES)}]
    return review
