"""The Easy Read page for one ward, built from the ward's structured facts.

Easy Read means: one short sentence for each idea (about 15 words or fewer), large text, and
a picture beside every point. So the page is written here from the facts a reader needs
first (who the ward is for, how to phone, visiting, what to bring, what is not allowed, your
rights, who can help, how to complain), in fixed plain sentences filled with the ward's values.
Long free text that providers write for the full page is not copied in: it is linked instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wardsite.findings.review_dates import ReviewState, review_status
from wardsite.loading.catalogue import ProviderEntry, WardEntry
from wardsite.model import Ward, words
from wardsite.model import addresses as links
from wardsite.model.enums import Booking, DoorStatus, SmokingPolicy, WardType
from wardsite.render.environment import HTML_TOC, environment, front_matter, html_block, tel
from wardsite.render.search import EASY_READ_BOOST, SEARCH_TEXT
from wardsite.render.ward_page import who_summary

SYMBOLS_DIR = "images/easy-read/"
"""Where the pictures live in the docs folder (site_src/images/easy-read/*.svg)."""


@dataclass(frozen=True)
class Symbol:
    """A picture beside a point, and the words a screen reader says for it."""

    file: str
    alt: str


SYMBOLS: dict[str, Symbol] = {
    "hospital": Symbol("hospital.svg", "Picture of a hospital"),
    "people": Symbol("people.svg", "Picture of two people"),
    "door": Symbol("door.svg", "Picture of a door"),
    "phone": Symbol("phone.svg", "Picture of a telephone"),
    "clock": Symbol("clock.svg", "Picture of a clock"),
    "calendar": Symbol("calendar.svg", "Picture of a calendar"),
    "visitors": Symbol("visitors.svg", "Picture of two visitors with a heart"),
    "child": Symbol("child.svg", "Picture of an adult and a child"),
    "bag": Symbol("bag.svg", "Picture of a bag"),
    "not-allowed": Symbol("not-allowed.svg", "Picture of a red circle with a line through it, meaning no"),
    "no-smoking": Symbol("no-smoking.svg", "Picture of a cigarette crossed out, meaning no smoking"),
    "locker": Symbol("locker.svg", "Picture of a locker"),
    "rights": Symbol("rights.svg", "Picture of a shield with a tick"),
    "tribunal": Symbol("tribunal.svg", "Picture of weighing scales, meaning the law"),
    "interpreter": Symbol("interpreter.svg", "Picture of two speech bubbles"),
    "advocate": Symbol("advocate.svg", "Picture of a person speaking up"),
    "help": Symbol("help.svg", "Picture of a speech bubble with a question mark"),
    "complain": Symbol("complain.svg", "Picture of a letter"),
    "checked": Symbol("checked.svg", "Picture of a calendar with a tick"),
    "warning": Symbol("warning.svg", "Picture of a warning sign"),
    "page": Symbol("page.svg", "Picture of a page"),
}


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Point:
    """One idea: a picture and a short sentence, which may end in a link (a phone number, a page)."""

    symbol: str
    text: str
    link: Link | None = None
    after: str = ""

    @property
    def words(self) -> str:
        """The whole sentence as a reader hears it."""
        linked = f" {self.link.text}{self.after}" if self.link else ""
        return self.text + linked


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    points: tuple[Point, ...]


TYPE_SENTENCES: dict[WardType, str] = {
    WardType.acute_adult: "It is for adults who are very unwell with their mental health.",
    WardType.picu: "It is for people who need extra care to keep safe.",
    WardType.older_adult_functional: "It is for older people who are unwell with their mental health.",
    WardType.older_adult_organic_dementia: "It is for older people with dementia.",
    WardType.rehabilitation: "It helps people get ready to live outside hospital again.",
    WardType.low_secure: "It is a secure ward. Most people here are detained.",
    WardType.medium_secure: "It is a secure ward. People here are detained.",
    WardType.eating_disorder: "It is for people with an eating disorder.",
    WardType.mother_and_baby: "It is for mothers who are unwell. Their babies stay with them.",
    WardType.camhs: "It is for children and young people.",
    WardType.learning_disability_autism: "It is for people with a learning disability or autism.",
    WardType.other: "It gives special care for some mental health problems.",
}

DOOR_SENTENCES: dict[DoorStatus, str] = {
    DoorStatus.open: "The ward door is not locked.",
    DoorStatus.locked: "The ward door is locked. Staff can open it.",
    DoorStatus.controlled_entry: "You ring a bell to come in or go out.",
}

BOOKING_SENTENCES: dict[Booking, str] = {
    Booking.not_needed: "You do not need to book a visit.",
    Booking.please_phone_ahead: "Please phone the ward before you visit.",
    Booking.must_book: "You must book your visit. Phone the ward to book.",
}


def _phone(number: str) -> Link:
    return Link(number, f"tel:{tel(number)}")


def _about(provider: ProviderEntry, ward: Ward) -> tuple[Point, ...]:
    points = [
        Point("hospital", f"{ward.name} is a mental health ward in hospital."),
        Point("hospital", TYPE_SENTENCES[ward.ward_type]),
        Point("hospital", f"{provider.provider.name} runs the ward."),
    ]
    if ward.status.value != "open":
        points.append(Point("warning", "The ward is closed at the moment."))
    return tuple(points)


def _who(entry: WardEntry) -> tuple[Point, ...]:
    ward = entry.ward
    points = [Point("people", f"This ward is for {who_summary(entry).lower()}.")]
    if ward.who_for.door:
        points.append(Point("door", DOOR_SENTENCES[ward.who_for.door.status]))
    return tuple(points)


def _phoning(ward: Ward) -> tuple[Point, ...]:
    hours = ward.contact.ward_phone_hours
    when = (
        "You can phone at any time, day or night."
        if hours.strip().lower() == "24 hours"
        else f"The phone is answered at these times: {hours}."
    )
    return (
        Point("phone", "Phone the ward on", _phone(ward.contact.ward_phone), "."),
        Point("clock", when),
    )


def _visiting(ward: Ward) -> tuple[Point, ...]:
    visiting = ward.visiting
    if visiting is None:
        return (Point("phone", "Phone the ward on", _phone(ward.contact.ward_phone), " to ask when you can visit."),)
    points = []
    for hours in visiting.hours:
        days = words.days(hours.days)
        on = days.lower() if days == "Every day" else f"on {days}"
        points.append(Point("calendar", f"You can visit {on}, {words.time_range(hours.start, hours.end)}."))
    for gap in visiting.not_during:
        points.append(Point("clock", f"There are no visits from {words.time_range(gap.start, gap.end)}."))
    points.append(Point("phone", BOOKING_SENTENCES[visiting.booking]))
    if visiting.max_visitors:
        people = "person" if visiting.max_visitors == 1 else "people"
        points.append(Point("visitors", f"Up to {visiting.max_visitors} {people} can visit at a time."))
    children = visiting.children
    if children.allowed_on_ward:
        points.append(Point("child", "Children can visit on the ward."))
    elif children.family_room:
        points.append(Point("child", "Children can visit in a family room, not on the ward."))
    else:
        points.append(Point("child", "Children cannot visit on the ward. Phone to ask about other ways."))
    return tuple(points)


def _bring(ward: Ward) -> tuple[Point, ...]:
    if ward.daily_life is None:
        return (Point("phone", "Phone the ward on", _phone(ward.contact.ward_phone), " to ask what to bring."),)
    return tuple(Point("bag", f"Bring {_lower_first(item)}.") for item in ward.daily_life.what_to_bring)


def _not_allowed(ward: Ward) -> tuple[Point, ...]:
    daily = ward.daily_life
    if daily is None:
        return (Point("phone", "Phone the ward on", _phone(ward.contact.ward_phone), " to ask what is not allowed."),)
    points = [Point("not-allowed", f"You cannot bring {_lower_first(item)}.") for item in daily.items.prohibited]
    points += [Point("locker", f"Staff keep {_lower_first(item)} safe for you.") for item in daily.items.restricted]
    if daily.items.restricted:
        points.append(Point("locker", "Ask staff when you need them."))
    if daily.smoking.policy is SmokingPolicy.smoke_free:
        points.append(Point("no-smoking", "You cannot smoke anywhere at the hospital."))
    else:
        points.append(Point("no-smoking", "You can only smoke outside, in marked places."))
    return tuple(points)


def _rights(ward: Ward) -> tuple[Point, ...]:
    points = [
        Point("rights", "You have rights while you are in hospital."),
        Point("door", "If you agreed to come in, you can ask to leave."),
        Point("rights", "If you are detained, staff must explain your rights to you."),
        Point("rights", "You can ask staff to explain your rights again at any time."),
        Point("tribunal", "If you are detained, you can ask a tribunal to end your section."),
        Point("advocate", "A solicitor can help you with this. It is free."),
        Point("interpreter", "You can have an interpreter. It is free."),
    ]
    if ward.rights and ward.rights.easy_read_rights_url:
        points.append(
            Point(
                "page",
                "Read more:",
                Link("an Easy Read leaflet about your rights", ward.rights.easy_read_rights_url),
                ".",
            )
        )
    return tuple(points)


def _helpers(ward: Ward) -> tuple[Point, ...]:
    points = [Point("people", "You can talk to any nurse on the ward.")]
    rights = ward.rights
    if rights:
        points.append(Point("advocate", "An advocate can help you say what you want."))
        points.append(Point("advocate", "Advocates do not work for the hospital."))
        for service in (rights.imha, rights.general_advocacy):
            if service and service.phone:
                points.append(Point("phone", f"Phone {service.provider_name} on", _phone(service.phone), "."))
            elif service:
                points.append(Point("advocate", f"Ask a nurse to contact {service.provider_name}."))
    if ward.feedback:
        points.append(Point("help", f"{ward.feedback.pals.name} can help if you have a problem."))
        points.append(Point("phone", "Phone them on", _phone(ward.feedback.pals.phone), "."))
    return tuple(points)


def _complaints(ward: Ward) -> tuple[Point, ...]:
    points = [
        Point("help", "If you are unhappy, you can tell any member of staff."),
        Point("complain", "You can make a complaint."),
        Point("complain", "Making a complaint will not change the care you get."),
        Point("advocate", "An advocate can help you make a complaint."),
    ]
    feedback = ward.feedback
    if feedback and feedback.complaints.url:
        points.append(Point("page", "Read more:", Link("how to make a complaint", feedback.complaints.url), "."))
    elif feedback:
        points.append(Point("phone", "To complain, phone", _phone(feedback.pals.phone), "."))
    return tuple(points)


def _lower_first(text: str) -> str:
    """ "Clothes for a week" reads inside a sentence as "clothes for a week" (but "TV" stays "TV")."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def easy_read_sections(
    provider: ProviderEntry, entry: WardEntry, today: dt.date, due_soon_days: int
) -> tuple[Section, ...]:
    """Every section of the Easy Read page, in the order a reader needs them."""
    ward = entry.ward
    review = review_status(ward.review.last_reviewed, ward.review.next_review_due, today, due_soon_days)
    return (
        Section("about", "About this ward", _about(provider, ward)),
        Section("who", "Who the ward is for", _who(entry)),
        Section("phone", "How to phone the ward", _phoning(ward)),
        Section("visiting", "Visiting", _visiting(ward)),
        Section("bring", "What to bring", _bring(ward)),
        Section("not-allowed", "What is not allowed", _not_allowed(ward)),
        Section("rights", "Your rights", _rights(ward)),
        Section("help", "Who can help you", _helpers(ward)),
        Section("complain", "How to complain", _complaints(ward)),
        Section(
            "checked",
            "When we checked this page",
            (
                Point("checked", f"The ward team checked this page on {words.long_date(review.last_reviewed)}."),
                Point("checked", f"They will check it again by {words.long_date(review.due)}."),
            ),
        ),
    )


def render_easy_read_page(provider: ProviderEntry, entry: WardEntry, today: dt.date, due_soon_days: int) -> str:
    """The Markdown source of one ward's Easy Read page (one HTML block; all values escaped)."""
    ward = entry.ward
    here = links.easy_read_dir(entry.slug)
    review = review_status(ward.review.last_reviewed, ward.review.next_review_due, today, due_soon_days)
    body = (
        environment()
        .get_template("easy_read.html.j2")
        .render(
            ward=ward,
            review=review,
            overdue=review.state is ReviewState.overdue,
            sections=easy_read_sections(provider, entry, today, due_soon_days),
            symbols={name: (links.relative(here, SYMBOLS_DIR + s.file), s.alt) for name, s in SYMBOLS.items()},
            ward_url=links.relative(here, links.ward_dir(entry.slug)),
            home_url=links.relative(here, ""),
            phone=_phone(ward.contact.ward_phone),
        )
    )
    return "\n".join(
        [
            # HTML_TOC: the body is HTML blocks only, so the MkDocs hook skips Markdown for it (no contents sidebar).
            # SEARCH_TEXT: search finds it by its title; the ward's own entry holds the facts.
            front_matter(
                title=f"{ward.name}: Easy Read",
                description=f"Easy Read information about {ward.name}: who it is for, phoning, visiting, your rights.",
                search={"boost": EASY_READ_BOOST},
                **{HTML_TOC: [], SEARCH_TEXT: ""},
            ),
            html_block(body),
            "",
        ]
    )
