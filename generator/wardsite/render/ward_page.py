"""The page for one ward: an at-a-glance summary, then every section in a fixed order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from wardsite.findings import derived
from wardsite.findings.availability import formats_offered
from wardsite.findings.review_dates import ReviewStatus, review_status
from wardsite.loading.catalogue import ProviderEntry, WardEntry
from wardsite.model import addresses as links
from wardsite.model import words
from wardsite.model.classification import YOUNG_PEOPLE, describe
from wardsite.model.enums import label
from wardsite.model.inventory import CATEGORY_KEYS, on_purpose_answer, on_purpose_words
from wardsite.model.ward import PROTECTED_MEALTIMES_MEANING, Ward
from wardsite.render.environment import HTML_TOC, front_matter, html_block, macros
from wardsite.render.jsonld import ward_jsonld_script
from wardsite.render.page_parts import page_top
from wardsite.render.search import SEARCH_TEXT, WARD_BOOST, short_summary


@dataclass(frozen=True)
class Section:
    """A heading on the ward page and the template macro that fills it."""

    id: str
    heading: str
    macro: str


# The order a reader meets: how to reach the ward and visit first, rights and complaints after.
# Every top task is a section of its own, so it is in the page's contents as well as one tap
# from the summary box (TOP_TASKS).
SECTIONS: tuple[Section, ...] = (
    Section("about", "About the ward", "about"),
    Section("contact", "Contact", "contact"),
    Section("getting-here", "Getting here", "getting_here"),
    Section("visiting", "Visiting", "visiting"),
    Section("what-to-bring", "What to bring", "what_to_bring"),
    Section("not-allowed", "What is not allowed", "not_allowed"),
    Section("daily-life", "Daily life on the ward", "daily_life"),
    Section("activities", "Activities and therapy", "activities"),
    Section("staff", "Staff and your care", "staffing"),
    Section("environment", "Bedrooms and facilities", "environment"),
    Section("carers", "Carers, family and friends", "carers"),
    Section("rights", "Your rights and advocacy", "rights"),
    Section("feedback", "Feedback and complaints", "feedback"),
    Section("formats", "Accessibility and other formats", "accessibility"),
    Section("review", "About this information", "review_section"),
)


@dataclass(frozen=True)
class TopTask:
    """A jump link in the summary box to the section a frightened carer looks for first."""

    label: str
    section: str


TOP_TASKS: tuple[TopTask, ...] = (
    TopTask("Visiting times", "visiting"),
    TopTask("What to bring", "what-to-bring"),
    TopTask("What is not allowed", "not-allowed"),
    TopTask("How to get here", "getting-here"),
    TopTask("Your rights", "rights"),
    TopTask("How to complain", "feedback"),
)


_SECTION_OF_FIELD = {
    "who_for": "about",
    "site": "about",
    "cqc_location_id": "about",
    "ward_type_explained": "about",
    "quick_read": "about",
    "description": "about",
    "review": "review_section",
    "daily_life.what_to_bring": "what_to_bring",
    "daily_life.items": "not_allowed",
    "daily_life.searches": "not_allowed",
}
"""The page section (its macro) that shows a field (or a group's field), where the section is not named
after the field's group."""

_CATEGORY_OF_SECTION = {"what_to_bring": "daily_life", "not_allowed": "daily_life"}
"""Sections that show part of a category: when the whole category is answered on purpose, they say so too."""


def _section_of(field: str) -> str:
    parts = field.split(".")
    return _SECTION_OF_FIELD.get(".".join(parts[:2])) or _SECTION_OF_FIELD.get(parts[0], parts[0])


def on_purpose_by_section(ward: Ward) -> dict[str, list[tuple[str, str]]]:
    """The ward's on-purpose answers as (plain words, reason), by the page section (macro) they belong in."""
    result: dict[str, list[tuple[str, str]]] = {}
    for answer in ward.on_purpose:
        result.setdefault(_section_of(answer.field), []).append(
            (on_purpose_words(answer.field, answer.answer), answer.reason)
        )
    return result


def who_summary(entry: WardEntry) -> str:
    """ "Women aged 18 to 65"."""
    who = entry.ward.who_for
    people = {"male": "Men", "female": "Women", "mixed": "Men and women"}[who.sex.value]
    if entry.ward.classification.age_group in YOUNG_PEOPLE and who.age_max is not None and who.age_max < 18:
        people = {"male": "Boys and young men", "female": "Girls and young women", "mixed": "Young people"}[
            who.sex.value
        ]
    return f"{people} {age_text(entry).lower()}"


def age_text(entry: WardEntry) -> str:
    who = entry.ward.who_for
    if who.age_max is None:
        return f"Aged {who.age_min} and over"
    return f"Aged {who.age_min} to {who.age_max}"


def visiting_summary(entry: WardEntry) -> str:
    """ "Every day, 1pm to 5pm and 6pm to 7:45pm": the real times, gaps taken off (each distinct set on its own)."""
    visiting = entry.ward.visiting
    if not visiting:
        return ""
    parts = [f"{words.days(days)}, {words.spans(spans)}" for days, spans in derived.visiting_week(entry.ward)]
    return "; ".join(parts) + f". {label(visiting.booking)}."


def address_lines(ward: Ward) -> list[str]:
    """The postal address, with the parts of the site's name that its lines do not already give: after the
    ward's own name when the lines start with it (Heron Ward, Larkfield Unit, 1 Example Road), else first."""
    a = ward.address
    given = {part.strip().casefold() for line in a.lines for part in line.split(",")}
    missing = [
        part.strip() for part in ward.site.name.split(",") if part.strip() and part.strip().casefold() not in given
    ]
    names = {n.casefold() for n in (ward.name, *ward.alternate_names)}
    lead = a.lines[:1] if a.lines and a.lines[0].strip().casefold() in names else []
    return [*lead, *missing, *a.lines[len(lead) :], a.town, a.postcode]


def address_line(entry: WardEntry) -> str:
    return ", ".join(address_lines(entry.ward))


def search_title(provider: ProviderEntry, entry: WardEntry) -> str:
    """The page's title (browser tab, search results): names repeat across providers, so the provider and town."""
    return f"{entry.ward.name} ({provider.provider.name}, {entry.ward.address.town})"


def ward_description(provider: ProviderEntry, entry: WardEntry) -> str:
    """What search engines and the site search know the ward by: its other names, type,
    provider, place, who it is for, and the start of its quick read."""
    ward = entry.ward
    also = f" (also called {', '.join(ward.alternate_names)})" if ward.alternate_names else ""
    place = ward.site.name if ward.address.town in ward.site.name else f"{ward.site.name}, {ward.address.town}"
    summary = short_summary(ward.quick_read or ward.description)
    return (
        f"{ward.name}{also}: {describe(ward.classification)} run by {provider.provider.name}, at {place}. "
        f"{who_summary(entry)}.{' ' + summary if summary else ''}"
    )


def ward_search_text(provider: ProviderEntry, entry: WardEntry) -> str:
    """The ward's search entry: its description and its visiting times, the task readers search for most."""
    visiting = visiting_summary(entry) if entry.ward.visiting else "Phone the ward to ask about visiting."
    return f"{ward_description(provider, entry)} Visiting times: {visiting}"


def render_ward_page(provider: ProviderEntry, entry: WardEntry, today: dt.date, due_soon_days: int) -> str:
    """The Markdown source of one ward's page.

    The body is HTML blocks only, headings included, and says so with ``HTML_TOC`` in its front
    matter, so a builder can use it as it is instead of running Markdown over 2,000 pages.
    """
    ward = entry.ward
    here = links.ward_dir(entry.provider_slug, entry.slug)
    review: ReviewStatus = review_status(ward.review.last_reviewed, ward.review.next_review_due, today, due_soon_days)
    activity_minutes = derived.activity_minutes_per_week(ward)
    formats = [label(f) for f in formats_offered(ward)]
    context = {
        "provider_url": links.relative(here, links.provider_dir(provider.slug)),
        "easy_read_url": links.relative(here, links.easy_read_dir(entry.provider_slug, entry.slug)),
        "who_summary": who_summary(entry),
        "age_text": age_text(entry),
        "visiting_summary": visiting_summary(entry),
        "address_line": address_line(entry),
        "address_lines": address_lines(ward),
        "formats_text": words.and_list(formats),  # only what the ward offers: the site's Easy Read page is not one
        "top_tasks": TOP_TASKS,
        "protected_mealtimes_meaning": PROTECTED_MEALTIMES_MEANING,
        "committed_hours": words.hours_text(derived.committed_activity_minutes(ward) or 0),
    }
    module = macros("ward.html.j2", context)
    visiting_days = derived.visiting_by_day(ward)
    arguments = {
        "about": (ward,),
        "contact": (ward,),
        "getting_here": (ward,),
        "visiting": (ward, visiting_days),
        "what_to_bring": (ward,),
        "not_allowed": (ward,),
        "daily_life": (ward,),
        "activities": (
            ward,
            derived.timetable_by_day(ward),
            words.hours_text(activity_minutes) if activity_minutes else "",
        ),
        "staffing": (ward,),
        "environment": (ward,),
        "carers": (ward,),
        "rights": (ward,),
        "feedback": (ward,),
        "accessibility": (ward,),
        "review_section": (ward, review),
    }
    breadcrumb = page_top(
        links.relative(here, ""),
        ward.name,
        trail=[(str(context["provider_url"]), provider.provider.name)],
        heading_id="ward-name",
    )
    parts = [
        front_matter(
            title=search_title(provider, entry),
            description=ward_description(provider, entry),
            search={"boost": WARD_BOOST},
            **{SEARCH_TEXT: ward_search_text(provider, entry)},
            **{HTML_TOC: [[s.id, s.heading] for s in SECTIONS]},
        ),
        html_block(breadcrumb + "\n" + str(module.banner(ward, review, derived.active_alert(ward, today)))),
        "",
        html_block(str(module.glance(ward, provider.provider, review, visiting_days))),
        "",
        html_block(str(module.contents(SECTIONS))),
        "",
    ]
    answered = on_purpose_by_section(ward)
    for section in SECTIONS:
        answers = answered.get(section.macro, [])
        category = _CATEGORY_OF_SECTION.get(section.macro, section.macro)
        section_answer = category in CATEGORY_KEYS and on_purpose_answer(ward, category)
        if section_answer and getattr(ward, category) is None:
            # the whole section: none, or not applicable, on purpose (said in each section showing part of it)
            body = str(module.on_purpose(answers or answered.get(category, [])))
        else:
            body = str(getattr(module, section.macro)(*arguments[section.macro])) + (
                str(module.on_purpose(answers)) if answers else ""
            )
        checked_on = getattr(getattr(ward, section.macro, None), "checked_on", None)
        if checked_on and checked_on > ward.review.last_reviewed:  # newer than the whole ward's review
            body = str(module.checked(checked_on)) + str(body)
        parts += [html_block(str(module.section(section.id, section.heading, Markup(body)))), ""]
    parts += [ward_jsonld_script(provider, entry), ""]  # schema.org facts for search engines and directories
    return "\n".join(parts)
