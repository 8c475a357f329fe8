"""The ward file: everything a patient, carer or inspector needs to know about one ward.

Sections follow the field inventory in ``shared/ward-information.md`` (section 6). Facts
needed to reach the ward safely (name, phone, address, who it is for, review date) are
required. The eight categories the national review names (staffing, environment, daily life,
activities, visiting, carers, rights, feedback) may be left out while a provider is still
writing them; ``wardsite check`` warns and the inspector report flags them as missing. A
category that is present must be complete.
"""

from __future__ import annotations

from pydantic import Field

from wardsite.model.classification import Classification, NationalCodes, national_codes
from wardsite.model.enums import (
    Booking,
    DoorStatus,
    Facility,
    Format,
    Meal,
    OnPurposeAnswer,
    OwnPhone,
    Sex,
    Shift,
    SmokingPolicy,
    TeamRole,
    Vaping,
    WardStatus,
)
from wardsite.model.types import (
    LIST_LIMIT,
    ClockTime,
    Day,
    Email,
    IsoDate,
    Phone,
    Postcode,
    ShortText,
    Strict,
    Text,
    WebUrl,
)

# --- identity -------------------------------------------------------------------------


class Site(Strict):
    """The hospital or unit the ward is in."""

    name: ShortText
    """The hospital or unit name. Example: Larkfield Unit, Example General Hospital."""
    ods_site_code: ShortText | None = Field(default=None, pattern=r"^[A-Z0-9]{5}$")
    """The NHS ODS site code: 5 capital letters or digits. Example: RZZ01."""


class Alert(Strict):
    """A short-term notice, such as visiting being suspended."""

    message: Text
    """What has changed, in plain words. Example: Visiting is stopped from 3 to 5 March because of a stomach bug."""
    until: IsoDate
    """The last day the notice applies (YYYY-MM-DD). After this day it is no longer shown."""


# --- contact and location -------------------------------------------------------------


class Contact(Strict):
    """How to reach the ward."""

    ward_phone: Phone
    """The ward's own phone number. Example: 01632 960123."""
    ward_phone_hours: ShortText = "24 hours"
    """When the ward phone is answered. Example: 24 hours."""
    switchboard_phone: Phone | None = None
    """The hospital switchboard. Example: 01632 960000."""
    patient_phone: Text | None = None
    """How patients can make and take calls. Example: There is a ward mobile phone you can use to call family."""
    email: Email | None = None
    """A shared ward or unit email address (never a personal one)."""
    post_for_patients: Text | None = None
    """How to send post to a patient. Example: Write the person's name and 'Heron Ward' on the envelope."""


class Address(Strict):
    """The postal address of the ward."""

    lines: list[ShortText] = Field(min_length=1, max_length=8)
    """Address lines before the town. Example: [Heron Ward, Larkfield Unit, 1 Example Road]."""
    town: ShortText
    """The town or city. Example: Exampleton."""
    postcode: Postcode
    """The postcode. Example: EX1 2AB."""


class Parking(Strict):
    """Car parking at the site."""

    charges: Text | None = None
    """What parking costs. Example: Free for the first 3 hours."""
    blue_badge_bays: Text | None = None
    """Where the Blue Badge spaces are. Example: 6 spaces next to the main entrance."""
    drop_off: Text | None = None
    """Where someone can be dropped off. Example: Drop-off bay outside the unit door."""


class BusStop(Strict):
    """A bus stop near the ward."""

    stop: ShortText
    """The name of the stop. Example: Larkfield Road."""
    routes: list[ShortText] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Bus numbers that stop there. Example: [8, 111]."""


class GettingHere(Strict):
    """How to travel to the ward and find it once on site."""

    by_car: Text | None = None
    """Directions by car. Example: Use car park 3, off Example Road."""
    satnav_postcode: Postcode | None = None
    """A postcode that takes a satnav to the right entrance, if different from the address."""
    parking: Parking | None = None
    """Parking charges, Blue Badge spaces and drop-off."""
    by_bus: Text | None = None
    """Directions by bus. Example: Get off at Larkfield Road; the unit is a 2-minute walk."""
    bus_stops: list[BusStop] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Nearby bus stops and the routes that use them."""
    by_train: Text | None = None
    """The nearest station and how far it is. Example: Exampleton station is 2 miles away."""
    finding_the_ward: Text | None = None
    """How to find the ward inside the site. Example: Go in the main door and ring the intercom. The ward is on the first floor."""
    site_map_url: WebUrl | None = None
    """A link to a map of the site."""
    virtual_tour_url: WebUrl | None = None
    """A link to photos or a virtual tour of the ward."""
    travel_support: Text | None = None
    """Help with travel costs for visitors. Example: Ask staff about help with travel costs for family visits."""


# --- who the ward is for --------------------------------------------------------------


class Door(Strict):
    """Whether the ward door is locked, and what that means."""

    status: DoorStatus
    """open, locked or controlled_entry."""
    note: Text | None = None
    """What the door means for people here. Example: The door is locked to keep everyone safe. If you are here informally, ask staff and they will let you out."""


class WhoFor(Strict):
    """Who the ward cares for."""

    sex: Sex
    """male, female or mixed."""
    sex_note: Text | None = None
    """How the ward includes trans and non-binary people. Example: Trans and non-binary people are offered the ward that fits how they see themselves."""
    age_min: int = Field(ge=0, le=120)
    """The youngest age the ward admits. Example: 18."""
    age_max: int | None = Field(default=None, ge=0, le=120)
    """The oldest age the ward admits, if there is a limit. Example: 65."""
    age_note: Text | None = None
    """Anything else about ages. Example: We sometimes care for people outside this age range."""
    legal_status: Text | None = None
    """Whether people are here informally, detained under the Mental Health Act, or both."""
    all_detained: bool = False
    """true if everyone on the ward is detained under the Mental Health Act: the ward is then not asked about informal patients' leave."""
    conditions: list[ShortText] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Conditions the ward often helps with, in plain words. Example: [psychosis, severe depression]."""
    area_served: Text | None = None
    """The places most patients come from. Example: Exampleton and the villages around it."""
    how_admission_happens: Text | None = None
    """How people come to the ward. Example: The crisis team arranges admissions."""
    length_of_stay: Text | None = None
    """How long people usually stay, in plain words."""
    door: Door | None = None
    """Whether the ward door is locked."""


# --- staffing -------------------------------------------------------------------------


class NamedRole(Strict):
    """A key person on the ward. Names are optional: some wards use a staff board instead."""

    role: ShortText
    """The job title. Example: Ward manager."""
    name: ShortText | None = None
    """The person's name, if the ward publishes names."""


class ShiftStaffing(Strict):
    """The planned number of staff on one shift."""

    shift: Shift
    """early, late, long_day or night."""
    registered_nurses: int = Field(ge=0, le=50)
    """Planned registered nurses on this shift. Example: 3."""
    support_workers: int = Field(ge=0, le=50)
    """Planned healthcare assistants or support workers on this shift. Example: 4."""
    note: Text | None = None
    """Anything else about this shift."""


class PlannedStaffing(Strict):
    """Planned staff per shift, with the date the numbers were true."""

    as_of: IsoDate
    """The date these numbers were checked (YYYY-MM-DD)."""
    shifts: list[ShiftStaffing] = Field(min_length=1, max_length=LIST_LIMIT)
    """One entry for each shift."""


class Staffing(Strict):
    """Who works on the ward and how many staff there are."""

    checked_on: IsoDate | None = None
    """The date this section was last checked, if later than the whole ward's review (review.last_reviewed): the page shows it beside the section. Example: 2026-11-02."""
    team_roles: list[TeamRole] = Field(min_length=1, max_length=LIST_LIMIT)
    """The jobs in the ward team. Example: [consultant_psychiatrist, ward_manager, registered_nurse]."""
    team_note: Text | None = None
    """Anything else about the team."""
    named_roles: list[NamedRole] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Key people, with names if the ward publishes them."""
    planned_per_shift: PlannedStaffing | None = None
    """Planned staff numbers on each shift."""
    data_url: WebUrl | None = None
    """A link to published staffing figures (planned against actual)."""
    named_nurse_model: Text | None = None
    """How named nurses work. Example: You will have a named nurse on every shift."""
    contact_commitments: list[ShortText] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Time you can expect with staff. Example: [Time on your own with your named nurse every day]."""
    identify_staff: Text | None = None
    """How to tell who is who. Example: Staff wear name badges. There is a photo board by the door."""
    ward_rounds: Text | None = None
    """How care is reviewed. Example: You meet your consultant every week. You choose who comes."""
    peer_support: Text | None = None
    """Peer support on the ward: staff who have used mental health services themselves."""


# --- environment ----------------------------------------------------------------------


class Bedrooms(Strict):
    """Bedrooms on the ward."""

    single: int = Field(ge=0, le=200)
    """Number of single bedrooms. Example: 18."""
    en_suite: int = Field(ge=0, le=200)
    """Number of bedrooms with their own toilet and shower. Example: 18."""
    dormitory_beds: int = Field(ge=0, le=200)
    """Beds in shared rooms or bays. Write 0 if there are none."""
    note: Text | None = None
    """Anything else about bedrooms. Example: You may be asked to move rooms; we keep this to a minimum."""
    access: Text | None = None
    """How you get into your room. Example: You get a key fob for your room."""


class SameSex(Strict):
    """Same-sex accommodation on a mixed ward. Required when who_for.sex is mixed."""

    sleeping_segregated: bool
    """true if men and women sleep in separate corridors or areas."""
    bathrooms_segregated: bool
    """true if men and women have separate toilets and bathrooms."""
    female_only_lounge: bool
    """true if there is a lounge for women only."""
    note: Text | None = None
    """How this works in practice."""


class FacilityDetail(Strict):
    """More about one facility: where it is, when it is open, how to book."""

    facility: Facility
    """Which facility this is about."""
    where: Text | None = None
    """Where it is. Example: Off the main corridor."""
    hours: Text | None = None
    """When it is open. Example: 8am to 9pm."""
    booking: Text | None = None
    """How to book it. Example: Book 24 hours ahead."""


class Photo(Strict):
    """A photo of the ward. The text description is required."""

    src: WebUrl
    """Where the photo is published."""
    alt: ShortText
    """What the photo shows, for people who cannot see it. Example: A bedroom with a bed, desk and window."""


class Environment(Strict):
    """Bedrooms, facilities and outdoor space."""

    checked_on: IsoDate | None = None
    """The date this section was last checked, if later than the whole ward's review (review.last_reviewed): the page shows it beside the section. Example: 2026-11-02."""
    bedrooms: Bedrooms
    """Single, en-suite and shared bedrooms."""
    same_sex: SameSex | None = None
    """Same-sex accommodation. Required on a mixed ward."""
    facilities: list[Facility] = Field(min_length=1, max_length=LIST_LIMIT)
    """Facilities on or next to the ward. Example: [garden, quiet_room, lounge]."""
    facilities_note: Text | None = None
    """Anything else about facilities."""
    facility_details: list[FacilityDetail] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Where facilities are, when they open and how to book them."""
    outdoor_access: Text | None = None
    """When and how you can go outside. Example: You can use the garden from 8am to 9pm."""
    patient_control: Text | None = None
    """What you can control in your room. Example: You can change the lighting and heating in your room."""
    accessible_rooms: Text | None = None
    """Rooms adapted for disabled people. Example: 1 bedroom and bathroom for wheelchair users."""
    photos: list[Photo] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Photos of the ward, each with a description."""


# --- daily life -----------------------------------------------------------------------


class MealTime(Strict):
    """When a meal is served."""

    meal: Meal
    """breakfast, lunch, tea, dinner, supper or snack."""
    start: ClockTime
    """When it starts (HH:MM). Example: 08:00."""
    end: ClockTime
    """When it ends (HH:MM). Example: 09:00."""


PROTECTED_MEALTIMES_MEANING = "This usually means that ward rounds, meetings and visits do not happen during meals."
"""The site's one fixed explanation of "protected mealtimes", shown only when the ward writes no ``note``."""


class ProtectedMealtimes(Strict):
    """Whether meals are protected from interruptions."""

    protected: bool
    """true if visits and meetings do not happen during meals."""
    note: Text | None = None
    """What this means on this ward, in your words; it replaces the site's standard explanation ("This usually means that ward rounds, meetings and visits do not happen during meals."). Example: Visitors are welcome to help someone eat if they need help."""


class RoutineItem(Strict):
    """A fixed point in the ward's day."""

    time: ClockTime
    """When it happens (HH:MM)."""
    what: ShortText
    """What happens. Example: Morning meeting."""


class PhonesInternet(Strict):
    """Mobile phones, chargers and the internet."""

    own_phone: OwnPhone
    """allowed, risk_assessed or not_allowed."""
    camera_rule: Text | None = None
    """Rules on photos and recordings. Example: Do not take photos or videos of other people."""
    chargers: Text | None = None
    """How chargers are kept. Example: Staff keep chargers. Ask any time."""
    wifi: bool
    """true if patients can use Wi-Fi."""
    note: Text | None = None
    """Anything else, such as laptops and tablets."""


class Smoking(Strict):
    """Smoking and vaping."""

    policy: SmokingPolicy
    """smoke_free or designated_areas."""
    nicotine_replacement_offered: bool
    """true if patches, gum or similar are offered free."""
    vaping: Vaping
    """allowed, risk_assessed or not_allowed."""
    note: Text | None = None
    """Anything else about smoking."""


class Leave(Strict):
    """Leaving the ward, for informal and detained patients."""

    informal: Text | None = None
    """Required unless everyone on the ward is detained (who_for.all_detained: true). Leave for people here by agreement. Example: You can leave. Please talk to the nurse in charge first."""
    detained: Text
    """Leave for people detained under the Mental Health Act (section 17 leave)."""


class Items(Strict):
    """Items that are not allowed, or that staff keep for you."""

    prohibited: list[ShortText] = Field(min_length=1, max_length=LIST_LIMIT)
    """Items that are never allowed. Example: [alcohol, illegal drugs, lighters]."""
    restricted: list[ShortText] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Items staff keep for you and you can use with support. Example: [razors, phone chargers]."""
    how_restricted_works: Text | None = None
    """How restricted items work. Example: Staff keep them safe. Ask when you need them."""
    full_list_url: WebUrl | None = None
    """A link to the full list."""


class BlanketRestriction(Strict):
    """A rule that applies to everyone on the ward, with the reason for it."""

    restriction: Text
    """The rule. Example: The kitchen is locked from 11pm to 7am."""
    reason: Text
    """Why the rule is needed."""
    review_date: IsoDate | None = None
    """When the rule will next be reviewed (YYYY-MM-DD)."""


class DailyLife(Strict):
    """Life on the ward: meals, phones, smoking, leave, what to bring and the ward's rules."""

    checked_on: IsoDate | None = None
    """The date this section was last checked, if later than the whole ward's review (review.last_reviewed): the page shows it beside the section. Example: 2026-11-02."""
    meal_times: list[MealTime] = Field(min_length=1, max_length=LIST_LIMIT)
    """When meals are served."""
    protected_mealtimes: ProtectedMealtimes | None = None
    """Whether meals are protected from interruptions."""
    food: Text | None = None
    """Menu choice, special diets, snacks, and food brought in by visitors."""
    routine: list[RoutineItem] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Fixed points in the day."""
    phones_internet: PhonesInternet
    """Mobile phones and the internet."""
    smoking: Smoking
    """Smoking and vaping. Often set once for the provider in provider.yaml."""
    leave: Leave
    """Leaving the ward."""
    what_to_bring: list[ShortText] = Field(min_length=1, max_length=LIST_LIMIT)
    """Things to bring. Example: [clothes for about a week, toiletries, a list of your medicines]."""
    items: Items
    """Items that are not allowed or are kept by staff."""
    searches: Text | None = None
    """When staff check bags or rooms. Example: Staff check bags when you arrive and after leave."""
    blanket_restrictions: list[BlanketRestriction] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Rules that apply to everyone, each with its reason."""
    money_valuables: Text | None = None
    """Keeping money and valuables safe."""
    laundry: Text | None = None
    """How to wash your clothes."""
    faith_spiritual_care: Text | None = None
    """Support for your faith or beliefs. Example: Chaplains for all faiths and none."""
    observation_explained: Text | None = None
    """How staff check on people, in plain words."""


# --- activities -----------------------------------------------------------------------


class TimetableEntry(Strict):
    """One regular activity in the weekly timetable."""

    days: list[Day] = Field(min_length=1, max_length=7)
    """Days it happens. Example: [monday, wednesday]."""
    start: ClockTime
    """Start time (HH:MM). Example: 10:30."""
    end: ClockTime
    """End time (HH:MM). Example: 11:30."""
    activity: ShortText
    """What it is. Example: Gardening group."""
    led_by: ShortText | None = None
    """Who runs it. Example: Occupational therapist."""


class CommittedHours(Strict):
    """The hours of therapeutic activity a week the ward commits to offering each patient."""

    hours_per_week: float = Field(ge=0, le=100)
    """Hours a week. Example: 20."""
    includes_evenings: bool
    """true if the hours include activities in the evenings."""
    includes_weekends: bool
    """true if the hours include activities at weekends."""


class Activities(Strict):
    """Therapy and things to do, in the day, evenings and weekends."""

    checked_on: IsoDate | None = None
    """The date this section was last checked, if later than the whole ward's review (review.last_reviewed): the page shows it beside the section. Example: 2026-11-02."""
    summary: Text
    """What there is to do, in plain words."""
    committed_hours: CommittedHours | None = None
    """The hours of therapeutic activity a week the ward commits to: shown on the page and on compare instead of adding up the sample timetable."""
    timetable: list[TimetableEntry] = Field(default_factory=list, max_length=LIST_LIMIT)
    """The weekly activity timetable."""
    timetable_url: WebUrl | None = None
    """A link to the timetable, if it is published elsewhere."""
    evenings_weekends: Text | None = None
    """What happens in the evenings and at weekends."""
    therapies: list[ShortText] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Therapies offered. Example: [art therapy, Hearing Voices group]."""
    education_work: Text | None = None
    """School, learning or work support."""


# --- visiting -------------------------------------------------------------------------


class VisitingHours(Strict):
    """Visiting times on some days of the week."""

    days: list[Day] = Field(min_length=1, max_length=7)
    """Days these times apply. Example: [monday, tuesday, wednesday, thursday, friday]."""
    start: ClockTime
    """When visiting starts (HH:MM). Example: 13:00."""
    end: ClockTime
    """When visiting ends (HH:MM). Example: 19:45."""


class NotDuring(Strict):
    """A time when visits do not happen, such as a mealtime."""

    start: ClockTime
    """Start (HH:MM)."""
    end: ClockTime
    """End (HH:MM)."""
    reason: ShortText
    """Why. Example: Lunch."""


class ChildVisiting(Strict):
    """Children visiting."""

    allowed_on_ward: bool
    """true if children can come onto the ward itself."""
    family_room: bool
    """true if there is a family room away from the ward for visits with children."""
    arrangements: Text
    """How to arrange a visit with children. Example: Book the family room a day ahead. An adult must stay with the child."""


class Visiting(Strict):
    """When and how people can visit."""

    checked_on: IsoDate | None = None
    """The date this section was last checked, if later than the whole ward's review (review.last_reviewed): the page shows it beside the section. Example: 2026-11-02."""
    hours: list[VisitingHours] = Field(min_length=1, max_length=LIST_LIMIT)
    """Visiting times by day."""
    not_during: list[NotDuring] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Times with no visits, such as meals."""
    booking: Booking
    """not_needed, please_phone_ahead or must_book."""
    booking_how: Text | None = None
    """How to book or arrange a visit."""
    max_visitors: int | None = Field(default=None, ge=1, le=20)
    """The most visitors a patient can have at once. Example: 2."""
    where: Text | None = None
    """Where visits happen. Example: In the visitors' lounge or the garden, not in bedrooms."""
    must_not_bring: list[ShortText] = Field(default_factory=list, max_length=LIST_LIMIT)
    """What visitors must not bring onto the ward. Example: [alcohol, glass bottles, food for other patients]."""
    children: ChildVisiting
    """Children visiting."""
    flexible_for_carers: Text | None = None
    """Visiting outside the usual times for carers."""
    patient_choice: Text | None = None
    """The patient's right to say no to a visitor. Example: You can choose not to see visitors."""
    arrival: Text | None = None
    """What happens when visitors arrive. Example: Sign in at reception. Staff may check bags."""
    virtual: Text | None = None
    """Video calls."""
    overnight_stay: Text | None = None
    """Whether family can stay overnight."""
    facilities_for_visitors: Text | None = None
    """Café, toilets and other things for visitors."""


# --- carers ---------------------------------------------------------------------------


class CarersLead(Strict):
    """The person carers can contact."""

    title: ShortText
    """Their job title. Example: Carers' champion."""
    phone: Phone | None = None
    """A phone number for them."""
    email: Email | None = None
    """A shared email address for them."""
    how_to_contact: Text | None = None
    """How to reach them. Example: Ask any nurse on the ward."""


class SupportGroup(Strict):
    """A group for carers."""

    name: ShortText
    """The group's name. Example: Carers' group."""
    when: ShortText
    """When it meets. Example: First Wednesday of the month, 6pm."""
    where: ShortText | None = None
    """Where it meets."""


class Organisation(Strict):
    """An organisation outside the hospital that can help."""

    name: ShortText
    """Its name."""
    phone: Phone | None = None
    """Its phone number."""
    url: WebUrl | None = None
    """Its website."""


class TriangleOfCare(Strict):
    """Membership of the Triangle of Care scheme for carers."""

    member: bool
    """true if the provider is a member."""
    stars: int | None = Field(default=None, ge=0, le=3)
    """Stars awarded, 0 to 3."""


class Carers(Strict):
    """Support for carers, family and friends."""

    checked_on: IsoDate | None = None
    """The date this section was last checked, if later than the whole ward's review (review.last_reviewed): the page shows it beside the section. Example: 2026-11-02."""
    lead: CarersLead
    """The person carers can contact."""
    welcome_info: Text
    """Information for carers when someone is admitted."""
    carers_pack_url: WebUrl | None = None
    """A link to the carers' pack."""
    involvement: Text
    """How carers can take part in care and ward reviews."""
    information_sharing: Text
    """What staff can and cannot share with carers, and why."""
    support_groups: list[SupportGroup] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Groups for carers."""
    carers_assessment: Text | None = None
    """The right to a carer's assessment."""
    local_organisations: list[Organisation] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Local carers' organisations."""
    nearest_relative: Text | None = None
    """What the nearest relative is under the Mental Health Act."""
    triangle_of_care: TriangleOfCare | None = None
    """Triangle of Care membership."""
    young_carers: Text | None = None
    """Support for children in the family."""


# --- rights ---------------------------------------------------------------------------


class AdvocacyService(Strict):
    """An advocacy service."""

    provider_name: ShortText
    """Who provides the service. Example: Exampleshire Advocacy."""
    phone: Phone | None = None
    """Their phone number."""
    how_to_contact: Text | None = None
    """How to reach them. Example: Ask staff, or phone them yourself."""
    auto_referral: bool | None = None
    """true if detained patients are referred to the advocate automatically."""
    opt_out: Text | None = None
    """How to say no to an automatic referral, if you do not want an advocate (this is separate from auto_referral). Example: Tell your nurse, and we will let the advocate know."""


class Rights(Strict):
    """Your rights, advocacy and help with language."""

    checked_on: IsoDate | None = None
    """The date this section was last checked, if later than the whole ward's review (review.last_reviewed): the page shows it beside the section. Example: 2026-11-02."""
    informal_patients: Text
    """Rights of people here by agreement."""
    detained_patients: Text
    """Rights of people detained under the Mental Health Act (section 132)."""
    easy_read_rights_url: WebUrl | None = None
    """A link to an Easy Read leaflet about rights."""
    imha: AdvocacyService
    """The Independent Mental Health Advocate (IMHA) service."""
    general_advocacy: AdvocacyService | None = None
    """Other advocacy for people not detained."""
    tribunal: Text
    """How to apply to the Mental Health Tribunal."""
    hospital_managers: Text | None = None
    """Hospital managers' hearings."""
    cqc: Text
    """How the Care Quality Commission checks on people and how to contact it."""
    interpreters: Text
    """Free interpreters, including British Sign Language."""
    health_records: Text | None = None
    """How to see your health records."""
    care_plan_copy: Text | None = None
    """Getting a copy of your care plan."""


# --- feedback -------------------------------------------------------------------------


class Pals(Strict):
    """The Patient Advice and Liaison Service (or an independent provider's patient experience team)."""

    name: ShortText = "Patient Advice and Liaison Service (PALS)"
    """The service's name."""
    phone: Phone
    """Its phone number."""
    email: Email | None = None
    """Its email address."""
    hours: ShortText | None = None
    """When it is open. Example: Monday to Friday, 9am to 5pm."""


class Complaints(Strict):
    """How to make a complaint."""

    how: Text
    """How to complain, in plain words."""
    url: WebUrl | None = None
    """A link to the complaints page."""


class Healthwatch(Strict):
    """The local Healthwatch."""

    name: ShortText
    """Its name. Example: Healthwatch Exampleshire."""
    url: WebUrl | None = None
    """Its website."""


class Feedback(Strict):
    """Compliments, concerns and complaints."""

    checked_on: IsoDate | None = None
    """The date this section was last checked, if later than the whole ward's review (review.last_reviewed): the page shows it beside the section. Example: 2026-11-02."""
    on_the_ward: Text
    """How to give feedback on the ward."""
    pals: Pals
    """PALS or the patient experience team."""
    complaints: Complaints
    """How to complain."""
    cqc_contact: Text | None = None
    """How to contact the Care Quality Commission."""
    ombudsman: Text | None = None
    """The Parliamentary and Health Service Ombudsman."""
    care_opinion_url: WebUrl | None = None
    """A link to the ward on Care Opinion."""
    healthwatch: Healthwatch | None = None
    """The local Healthwatch."""
    you_said_we_did: list[Text] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Changes made because of feedback. Example: [You asked for more evening activities. We now run a film night on Fridays.]."""


# --- accessibility --------------------------------------------------------------------


class BuildingFeature(Strict):
    """An access feature of the building."""

    feature: ShortText
    """The feature. Example: Step-free entrance."""
    available: bool
    """true if the building has it."""
    detail: Text | None = None
    """More detail."""


class Accessibility(Strict):
    """Access to the building, and information in other formats."""

    building: list[BuildingFeature] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Access features such as lifts, accessible toilets and hearing loops."""
    access_guide_url: WebUrl | None = None
    """A link to a detailed access guide."""
    formats_available: list[Format] = Field(min_length=1, max_length=LIST_LIMIT)
    """Formats this information is offered in. Example: [easy_read, large_print]."""
    how_to_request: Text
    """How to ask for another format. Example: Ask any member of staff, or phone the ward."""
    easy_read_url: WebUrl | None = None
    """A link to an Easy Read version made by hand, if there is one. A generated Easy Read page is always published."""
    languages_spoken: list[ShortText] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Languages staff on the ward speak. How to get an interpreter goes in rights.interpreters."""
    communication_support: Text | None = None
    """How to tell staff you need information in another way."""


# --- review ---------------------------------------------------------------------------


class Person(Strict):
    """Who did something, by role. A name is optional."""

    role: ShortText
    """Their job title. Example: Ward manager."""
    name: ShortText | None = None
    """Their name (optional)."""


class Change(Strict):
    """A change made to the ward information."""

    date: IsoDate
    """When the change was made (YYYY-MM-DD)."""
    summary: Text
    """What changed. Example: Visiting now starts at 1pm."""


class Review(Strict):
    """When the information was last checked. It must be checked at least every 12 months."""

    last_reviewed: IsoDate
    """The date the ward team last checked every part of this file (YYYY-MM-DD)."""
    reviewed_by: Person
    """Who checked it, by role."""
    next_review_due: IsoDate | None = None
    """When it must next be checked. Leave out to use 12 months after last_reviewed; it may be earlier, never later."""
    approved_by: Person | None = None
    """Who approved it, by role."""
    coproduced_with: list[ShortText] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Who helped write it. Example: [people who have stayed on the ward, the carers' forum]."""
    changes: list[Change] = Field(default_factory=list, max_length=100)
    """A log of changes."""
    reference: ShortText | None = None
    """A document reference, if the provider uses one."""


# --- answers given on purpose ---------------------------------------------------------


class OnPurpose(Strict):
    """Something the ward has none of, or that does not apply to it, said on purpose so it is not counted as missing."""

    field: ShortText
    """The section or item, written as in the ward file. Example: daily_life.blanket_restrictions."""
    answer: OnPurposeAnswer
    """none (the ward has none of these) or not_applicable (this does not apply to the ward)."""
    reason: Text
    """Why, in a short sentence that readers see. Example: We agree any limits with each person on their own."""


# --- the ward -------------------------------------------------------------------------


class Ward(Strict):
    """One ward. The file name (without .yaml) is the ward's web address, such as heron-ward."""

    name: ShortText
    """The ward's name. Example: Heron Ward."""
    alternate_names: list[ShortText] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Other names people use. Example: [Ward 36]."""
    site: Site
    """The hospital or unit the ward is in."""
    cqc_location_id: ShortText | None = Field(default=None, pattern=r"^(1-\d{9,11}|[A-Z0-9]{3,5})$")
    """The CQC location ID for the site. Example: 1-000000001."""
    classification: Classification
    """What kind of ward this is: specialism, security_level and age_group. Example: {specialism: acute, security_level: general, age_group: adult}."""
    ward_type_explained: Text | None = None
    """What kind of ward this is, in plain words for readers."""
    status: WardStatus = WardStatus.open
    """open, temporarily_closed or closed."""
    status_note: Text | None = None
    """More about the status. Example: Closed for building work until May 2027."""
    quick_read: Text | None = None
    """A few short sentences about the ward, for a reading age of 9 to 11."""
    description: Text | None = None
    """The ward's aims and approach to care."""
    alert: Alert | None = None
    """A short-term notice shown at the top of the page."""
    contact: Contact
    """Phone numbers and email."""
    address: Address
    """The postal address."""
    getting_here: GettingHere | None = None
    """How to get to the ward."""
    beds: int = Field(ge=1, le=200)
    """Number of beds. Example: 18."""
    who_for: WhoFor
    """Who the ward cares for."""
    staffing: Staffing | None = None
    """The ward team and staff numbers."""
    environment: Environment | None = None
    """Bedrooms, facilities and outdoor space."""
    daily_life: DailyLife | None = None
    """Meals, phones, smoking, leave, what to bring and ward rules."""
    activities: Activities | None = None
    """Therapy and things to do."""
    visiting: Visiting | None = None
    """Visiting times and arrangements."""
    carers: Carers | None = None
    """Support for carers and family."""
    rights: Rights | None = None
    """Your rights and advocacy."""
    feedback: Feedback | None = None
    """Compliments, concerns and complaints."""
    accessibility: Accessibility | None = None
    """Building access and other formats."""
    review: Review
    """When this information was last checked."""
    on_purpose: list[OnPurpose] = Field(default_factory=list, max_length=LIST_LIMIT)
    """Sections or items this ward has none of, or that do not apply to it, each with a reason. Pages say so in plain words and the inspectors' report counts them as published. The fields that can be answered this way are listed on the "Every field" page."""


def ward_national_codes(ward: Ward) -> NationalCodes:
    """The ward's national codes, from its classification, who it admits and its door."""
    door = ward.who_for.door.status if ward.who_for.door else None
    return national_codes(ward.classification, ward.who_for.sex, door)
