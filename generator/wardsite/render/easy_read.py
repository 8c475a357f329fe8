"""The Easy Read page for one ward, built from the ward's structured facts.

Easy Read means: one short sentence for each idea (about 15 words or fewer), large text, and
a picture beside every point. So the page is written here from the facts a reader needs
first (who the ward is for, how to phone, visiting, what to bring, what is not allowed, your
rights, who can help, how to complain), in fixed plain sentences filled with the ward's values.
Long free text that providers write for the full page is not copied in: it is linked instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from wardsite.findings import derived
from wardsite.findings.review_dates import ReviewState, review_status
from wardsite.loading.catalogue import ProviderEntry, WardEntry
from wardsite.model import Ward, words
from wardsite.model import addresses as links
from wardsite.model import explanations as fixed
from wardsite.model.classification import Classification
from wardsite.model.enums import AgeGroup, Booking, DoorStatus, SecurityLevel, SmokingPolicy, Specialism
from wardsite.render.environment import HTML_TOC, environment, front_matter, html_block, tel
from wardsite.render.search import EASY_READ_BOOST, SEARCH_TEXT
from wardsite.render.ward_page import address_lines, who_summary

SYMBOLS_DIR = "images/easy-read/"
"""Where the pictures are in the built site (from the package's theme/static/images/easy-read/). They
are OpenMoji pictures (CC BY-SA 4.0), kept in the package and never fetched: see NOTICE.txt there."""


@dataclass(frozen=True)
class Symbol:
    """A picture beside a point: what it shows, and the words that mean a sentence already says it.

    A picture that repeats its sentence has an empty text alternative (a screen reader would
    otherwise say the same thing twice); any other picture is described, as what it shows.
    """

    file: str
    shows: str
    said: re.Pattern[str]

    def alt(self, sentence: str) -> str:
        return "" if self.said.search(sentence) else self.shows


def _symbol(name: str, shows: str, said: str, file: str = "") -> tuple[str, Symbol]:
    return name, Symbol(file or f"{name}.svg", shows, re.compile(said, re.IGNORECASE))


# Pictures for the page's own sentences ("Phone the ward on ...").
_GENERAL = (
    _symbol("hospital", "A hospital building", r"hospital"),
    _symbol("people", "Two people", r"people|person|nurse|staff"),
    _symbol("door", "A door", r"door|leave"),
    _symbol("phone", "A telephone", r"phone"),
    _symbol("clock", "A clock", r"\btimes?\b|no visits from"),
    _symbol("calendar", "A calendar", r"day|date"),
    _symbol("visitors", "A family", r"visit"),
    _symbol("child", "A child", r"child"),
    _symbol("bag", "A suitcase", r"bring"),
    _symbol("not-allowed", "A red circle with a line through it, meaning no", r"cannot|not allowed"),
    _symbol("no-smoking", "A cigarette crossed out, meaning no smoking", r"smoke"),
    _symbol("locker", "A padlock and a key", r"safe|\bkeep"),
    _symbol("rights", "A shield", r"rights"),
    _symbol("tribunal", "Weighing scales, a sign for the law", r"tribunal|\blaw\b"),
    _symbol("interpreter", "A head speaking", r"interpreter"),
    _symbol("advocate", "A person with a raised hand", r"advocate|solicitor"),
    _symbol("help", "A speech bubble", r"help|talk|tell"),
    _symbol("complain", "A page and a pencil", r"complain"),
    _symbol("checked", "A tick", r"check"),
    _symbol("warning", "A warning sign", r"warning"),
    _symbol("page", "A page of writing", r"read|page|leaflet|passport|list|letter"),
    _symbol("address", "A pin on a map", r"address"),
    _symbol("bus", "A bus", r"\bbus"),
    _symbol("train", "A train", r"train"),
    _symbol("car", "A car", r"\bcar\b|park"),
    _symbol("map", "A map", r"\bmap\b|get here"),
    _symbol("words", "An open book", r"\bwords?\b"),
)

# A picture for each kind of thing people bring, may not bring or hand to staff. The first kind
# whose words a thing uses gives its picture, and those words in the sentence mean the picture
# only repeats it. Order matters: "glasses" (spectacles) before "glass", "shoes without laces"
# before "laces", "phone numbers" (a list of people) before "phone".
_KINDS = (
    _symbol("medicines", "Tablets", r"medicine|medication|tablets|pills"),
    _symbol("drugs", "A syringe", r"drug|legal high"),
    _symbol("alcohol", "A glass of wine", r"alcohol|beer|wine|spirits"),
    _symbol("fire", "A flame", r"lighter|matches"),
    _symbol("smoking", "A cigarette", r"cigarette|tobacco"),
    _symbol("toiletries", "A bottle of lotion", r"toiletr|toothbrush|shampoo|soap|deodorant|aerosol|spray"),
    _symbol("make-up", "A lipstick", r"make-up|makeup"),
    _symbol("razor", "A razor", r"razor"),
    _symbol("scissors", "A pair of scissors", r"scissors"),
    _symbol("knife", "A kitchen knife", r"knife|knives|blade|weapon|sharp"),
    _symbol("glasses", "A pair of glasses", r"glasses|hearing aid|denture"),
    _symbol("glass", "A glass jar", r"glass|\bjars?\b|mirror|bottle"),
    _symbol("shoes", "A trainer", r"shoe|slipper|trainers"),
    _symbol("clothes", "A T-shirt", r"cloth|pyjama|nightwear"),
    _symbol("plastic-bags", "Shopping bags", r"plastic bag|bin bag|carrier bag"),
    _symbol("contacts", "A card index of names and numbers", r"phone numbers|addresses|people you want"),
    _symbol("cords", "A knotted rope", r"belt|\blaces\b|cord|cable"),
    _symbol("mobile", "A mobile phone", r"phone|mobile|charger"),
    _symbol("money", "A pound note", r"money|cash|bank card|valuables"),
    _symbol("photos", "A framed picture", r"photo|reminds you of home|blanket"),
    _symbol("baby", "A baby's bottle", r"baby|nappies|pram|car seat"),
    _symbol("books", "A pile of books", r"book|school|magazine"),
    _symbol("food", "A sandwich", r"food|snack|sweets"),
    _symbol("cans", "A tin can", r"\bcans?\b|\btins?\b"),
    _symbol("calm", "A pair of headphones", r"headphone|fidget|music"),
    _symbol("games", "A games controller", r"\bgames?\b"),
    _symbol("computer", "A computer disk", r"usb|laptop|computer"),
    _symbol("documents", "A page of writing", r"leaflet|passport|\blist\b|letter", file="page.svg"),
)
SYMBOLS: dict[str, Symbol] = dict(_GENERAL + _KINDS)
KINDS: tuple[str, ...] = tuple(name for name, _ in _KINDS)


def kind_symbol(thing: str, fallback: str) -> str:
    """The picture for a thing a provider listed ("clothes for about a week"), or ``fallback``."""
    return next((name for name in KINDS if SYMBOLS[name].said.search(thing)), fallback)


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
    badge: str = ""
    """A small second picture over the first: "not-allowed" (a no sign) or "locker" (kept safe)."""
    lines: tuple[str, ...] = ()
    """Lines shown under the sentence, one to a line (an address)."""
    once_overdue: tuple[str, str] | None = None
    """(a date as YYYY-MM-DD, the sentence to show instead after it): a page is read long after it was
    built, so the reader's browser swaps the sentence once its own date is past the review date."""

    @property
    def words(self) -> str:
        """The whole sentence as a reader hears it."""
        linked = f" {self.link.text}{self.after}" if self.link else ""
        return self.text + linked + "".join(f" {line}" for line in self.lines)


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    points: tuple[Point, ...]


SPECIALISM_SENTENCES: dict[Specialism, str] = {
    Specialism.acute: "It is for people who are very unwell with their mental health.",
    Specialism.picu: "It is for people who need extra care to keep safe.",
    Specialism.rehabilitation: "It helps people get ready to live outside hospital again.",
    Specialism.forensic: "It is for people who need care and treatment in a secure place.",
    Specialism.eating_disorders: "It is for people with an eating disorder.",
    Specialism.mother_and_baby: "It is for mothers who are unwell. Their babies stay with them.",
    Specialism.learning_disability_and_autism: "It is for people with a learning disability or autism.",
    Specialism.dementia: "It is for people with dementia.",
    Specialism.other: "It gives special care for some mental health problems.",
}

AGE_SENTENCES: dict[AgeGroup, str] = {
    AgeGroup.child: "It is for children.",
    AgeGroup.adolescent: "It is for young people.",
    AgeGroup.child_and_adolescent: "It is for children and young people.",
    AgeGroup.adult: "It is for adults.",
    AgeGroup.older_adult: "It is for older people.",
    AgeGroup.adult_and_older_adult: "It is for adults of any age.",
    AgeGroup.any_age: "It is for people of any age.",
}


def _kind_sentences(classification: Classification) -> list[str]:
    """What kind of ward this is, one short sentence at a time: what it does, who for, and if it is secure."""
    sentences = [SPECIALISM_SENTENCES[classification.specialism]]
    if classification.specialism is not Specialism.mother_and_baby:
        sentences.append(AGE_SENTENCES[classification.age_group])
    if classification.security_level is not SecurityLevel.general:
        sentences.append("It is a secure ward.")
    return sentences


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
        *(Point("hospital", sentence) for sentence in _kind_sentences(ward.classification)),
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
    for visiting_days, spans in derived.visiting_week(ward):
        days = words.days(visiting_days)
        on = days.lower() if days == "Every day" else f"on {days}"
        # Easy Read keeps sentences to about 15 words: three or more times a day get a sentence each.
        for part in [spans] if len(spans) <= 2 else [(span,) for span in spans]:
            points.append(Point("calendar", f"You can visit {on}, {words.spans(part)}."))
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
    return tuple(
        Point(kind_symbol(item, "bag"), f"Bring {_lower_first(item)}.") for item in ward.daily_life.what_to_bring
    )


def _not_allowed(ward: Ward) -> tuple[Point, ...]:
    daily = ward.daily_life
    if daily is None:
        return (Point("phone", "Phone the ward on", _phone(ward.contact.ward_phone), " to ask what is not allowed."),)
    points = [
        Point(kind_symbol(item, "not-allowed"), f"You cannot bring {_lower_first(item)}.", badge="not-allowed")
        for item in daily.items.prohibited
    ]
    points += [
        Point(kind_symbol(item, "locker"), f"Staff keep {_lower_first(item)} safe for you.", badge="locker")
        for item in daily.items.restricted
    ]
    if daily.items.restricted:
        points.append(Point("locker", "Ask staff when you need them."))
    if daily.smoking.policy is SmokingPolicy.smoke_free:
        points.append(Point("no-smoking", "You cannot smoke anywhere at the hospital."))
    else:
        points.append(Point("no-smoking", "You can only smoke outside, in marked places."))
    return tuple(points)


def _where(ward: Ward, getting_here_url: str) -> tuple[Point, ...]:
    """The address, and how to get there in a few plain sentences from the ward's travel facts."""
    points = [Point("address", "The address is:", lines=tuple(address_lines(ward)))]
    g = ward.getting_here
    if g is None:
        points.append(Point("phone", "Phone the ward on", _phone(ward.contact.ward_phone), " to ask the way."))
        return tuple(points)
    for stop in g.bus_stops:
        if len(stop.routes) == 1:
            points.append(Point("bus", f"Bus {stop.routes[0]} stops at {stop.stop}."))
        elif stop.routes:
            points.append(Point("bus", f"Buses {words.and_list(list(stop.routes))} stop at {stop.stop}."))
        else:
            points.append(Point("bus", f"A bus stops at {stop.stop}."))
    if g.by_bus and not g.bus_stops:
        points.append(Point("bus", "You can come by bus."))
    if g.by_train:
        points.append(Point("train", "You can come by train."))
    if g.by_car or g.parking:
        points.append(Point("car", "You can come by car. There is parking." if g.parking else "You can come by car."))
    points.append(Point("map", "The full page tells you", Link("how to get here", getting_here_url), "."))
    return tuple(points)


def _rights(ward: Ward, rights_url: str) -> tuple[Point, ...]:
    """The legal facts true on every ward (wardsite.model.explanations), then what the ward published."""
    points = [
        Point("rights", fixed.RIGHTS_IN_HOSPITAL),
        *([] if ward.who_for.all_detained else [Point("door", fixed.INFORMAL_CAN_ASK_TO_LEAVE)]),
        Point("rights", fixed.RIGHTS_EXPLAINED),
        Point("rights", fixed.RIGHTS_EXPLAINED_AGAIN),
        Point("tribunal", fixed.TRIBUNAL),
        Point("advocate", fixed.TRIBUNAL_SOLICITOR),
    ]
    if ward.rights:
        # The ward's own words about interpreters (rights.interpreters) are on the full page.
        interpreters = Link("how to get an interpreter", rights_url)
        points.append(Point("interpreter", "The full page tells you", interpreters, "."))
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
    points: list[Point] = []
    rights = ward.rights
    if rights:
        points.append(Point("advocate", fixed.ADVOCATE_MEANING))
        points.append(Point("advocate", fixed.ADVOCATES_INDEPENDENT))
        for service in (rights.imha, rights.general_advocacy):
            if service and service.phone:
                points.append(Point("phone", f"Phone {service.provider_name} on", _phone(service.phone), "."))
            elif service:
                points.append(Point("advocate", f"Ask a nurse to contact {service.provider_name}."))
    if ward.feedback:
        points.append(Point("help", f"{ward.feedback.pals.name} can help if you have a problem."))
        points.append(Point("phone", "Phone them on", _phone(ward.feedback.pals.phone), "."))
    if not points:
        points.append(Point("phone", "Phone the ward on", _phone(ward.contact.ward_phone), " to ask who can help."))
    return tuple(points)


def _complaints(ward: Ward) -> tuple[Point, ...]:
    points = [
        Point("complain", fixed.CAN_COMPLAIN),
        Point("complain", fixed.COMPLAINING_IS_SAFE),
        Point("advocate", fixed.COMPLAINTS_ADVOCACY),
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
    due = words.long_date(review.due)
    late = f"They should have checked it again by {due}."  # the ward page: "was due to be checked again by"
    ward_url = links.relative(
        links.easy_read_dir(entry.provider_slug, entry.slug), links.ward_dir(entry.provider_slug, entry.slug)
    )
    return (
        Section("about", "About this ward", _about(provider, ward)),
        Section("who", "Who the ward is for", _who(entry)),
        Section("phone", "How to phone the ward", _phoning(ward)),
        Section("where", "Where the ward is", _where(ward, ward_url + "#getting-here")),
        Section("visiting", "Visiting", _visiting(ward)),
        Section("bring", "What to bring", _bring(ward)),
        Section("not-allowed", "What is not allowed", _not_allowed(ward)),
        Section("rights", "Your rights", _rights(ward, ward_url + "#rights")),
        Section("help", "Who can help you", _helpers(ward)),
        Section("complain", "How to complain", _complaints(ward)),
        Section(
            "checked",
            "When we checked this page",
            (
                Point("checked", f"The ward team checked this page on {words.long_date(review.last_reviewed)}."),
                Point(
                    "checked",
                    late if review.state is ReviewState.overdue else f"They will check it again by {due}.",
                    once_overdue=(review.due.isoformat(), late),
                ),
            ),
        ),
    )


@dataclass(frozen=True)
class HardWord:
    """A word an Easy Read reader may not know, and what it means in plain words."""

    word: str
    meaning: str
    used: re.Pattern[str]


def _hard(word: str, meaning: str, used: str, flags: re.RegexFlag = re.IGNORECASE) -> HardWord:
    return HardWord(word, meaning, re.compile(used, flags))


HARD_WORDS: tuple[HardWord, ...] = (
    _hard("Advocate", "A person who helps you say what you want. They do not work for the hospital.", r"\badvoca"),
    _hard("Detained", "Kept in hospital under the Mental Health Act, even if you want to leave.", r"\bdetained\b"),
    _hard("Section", "A part of the Mental Health Act. Being on a section means you are detained.", r"\bsection"),
    _hard("Tribunal", "A group of people from outside the hospital. They can decide that you can leave.", r"tribunal"),
    _hard("Solicitor", "A lawyer. A solicitor can help you at a tribunal.", r"solicitor"),
    _hard("Interpreter", "A person who says what people say in another language or in sign language.", r"interpret"),
    _hard(
        "PALS", "The Patient Advice and Liaison Service. They help with problems and questions.", r"\bPALS\b", re.NOFLAG
    ),
    _hard("Complaint", "Telling the hospital you are unhappy, so they look into it and answer you.", r"complain"),
)


def words_we_use(sections: tuple[Section, ...]) -> tuple[HardWord, ...]:
    """The hard words the page's sentences use, in a fixed order, each once."""
    text = " ".join(p.words for section in sections for p in section.points)
    return tuple(hard for hard in HARD_WORDS if hard.used.search(text))


def render_easy_read_page(provider: ProviderEntry, entry: WardEntry, today: dt.date, due_soon_days: int) -> str:
    """The Markdown source of one ward's Easy Read page (one HTML block; all values escaped)."""
    ward = entry.ward
    here = links.easy_read_dir(entry.provider_slug, entry.slug)
    review = review_status(ward.review.last_reviewed, ward.review.next_review_due, today, due_soon_days)
    sections = easy_read_sections(provider, entry, today, due_soon_days)
    body = (
        environment()
        .get_template("easy_read.html.j2")
        .render(
            ward=ward,
            review=review,
            overdue=review.state is ReviewState.overdue,
            sections=sections,
            hard_words=words_we_use(sections),
            symbols={name: links.relative(here, SYMBOLS_DIR + s.file) for name, s in SYMBOLS.items()},
            alt=lambda point: SYMBOLS[point.symbol].alt(point.words),
            ward_url=links.relative(here, links.ward_dir(entry.provider_slug, entry.slug)),
            home_url=links.relative(here, ""),
            provider_url=links.relative(here, links.provider_dir(entry.provider_slug)),
            provider_name=provider.provider.name,
            phone=_phone(ward.contact.ward_phone),
        )
    )
    return "\n".join(
        [
            # HTML_TOC: the body is HTML blocks only, so the MkDocs hook skips Markdown for it (no contents sidebar).
            # SEARCH_TEXT: search finds it by its title; the ward's own entry holds the facts.
            front_matter(
                title=f"{ward.name}: Easy Read ({provider.provider.name}, {ward.address.town})",
                description=f"Easy Read information about {ward.name}: who it is for, phoning, visiting, your rights.",
                search={"boost": EASY_READ_BOOST},
                **{HTML_TOC: [], SEARCH_TEXT: ""},
            ),
            html_block(body),
            "",
        ]
    )
