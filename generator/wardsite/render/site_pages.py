"""Pages that list wards: the home page, one per provider, one per ward type and one per town.

Each page lists only its own wards. The home page lists providers and towns itself only while
the lists are short; at national scale each gets an A to Z page of its own (``HOME_LIST_LIMIT``).
A ward type with more wards than one page holds (``LIST_PAGE_LIMIT``) lists its providers, each
with a page of its wards of that type, so no page grows with the country.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from wardsite.findings.review_dates import ReviewState, review_status
from wardsite.loading.catalogue import Catalogue, ProviderEntry, WardEntry
from wardsite.model import addresses as links
from wardsite.model import words
from wardsite.model.classification import WardGroup, describe, ward_group
from wardsite.render.environment import HTML_TOC, Macros, front_matter, html_block, macros
from wardsite.render.page_parts import page_top, parts
from wardsite.render.search import PLACE_BOOST
from wardsite.render.ward_page import who_summary


@dataclass(frozen=True)
class WardRow:
    """One line in a list of wards."""

    url: str
    name: str
    provider: str
    type: str
    who: str
    town: str
    phone: str
    last_reviewed: str
    overdue: bool


@dataclass(frozen=True)
class Town:
    """A town's wards, under the name most of them write (``Brightwater Bay`` and ``brightwater-bay`` are one town)."""

    name: str
    slug: str
    entries: tuple[WardEntry, ...]


def towns(catalogue: Catalogue) -> list[Town]:
    """Every town with wards, one per area page, in A to Z order."""
    grouped: dict[str, list[WardEntry]] = defaultdict(list)
    for entry in catalogue.wards:
        grouped[links.area_slug(entry.ward.address.town)].append(entry)
    result = []
    for slug, entries in grouped.items():
        spellings = Counter(e.ward.address.town for e in entries)
        name = min(spellings, key=lambda town: (-spellings[town], town.casefold(), town))
        result.append(Town(name, slug, tuple(entries)))
    return sorted(result, key=lambda t: (t.name.casefold(), t.slug))


def _rows(
    entries: list[WardEntry], provider_names: dict[str, str], here: str, today: dt.date, due_soon_days: int
) -> list[WardRow]:
    """One row per ward, with its provider and town beside its name (ward names repeat across providers)."""
    rows = []
    for e in sorted(entries, key=lambda e: (e.ward.name.lower(), provider_names[e.provider_slug], e.ward.address.town)):
        status = review_status(e.ward.review.last_reviewed, e.ward.review.next_review_due, today, due_soon_days)
        rows.append(
            WardRow(
                links.relative(here, links.ward_dir(e.provider_slug, e.slug)),
                e.ward.name,
                provider_names[e.provider_slug],
                describe(e.ward.classification),
                who_summary(e),
                e.ward.address.town,
                e.ward.contact.ward_phone,
                words.long_date(status.last_reviewed),
                status.state is ReviewState.overdue,
            )
        )
    return rows


def _lists() -> Macros:
    return macros("lists.html.j2")


def render_provider_page(provider: ProviderEntry, today: dt.date, due_soon_days: int) -> str:
    here = links.provider_dir(provider.slug)
    body = [
        front_matter(
            title=provider.provider.name,
            description=f"Mental health wards run by {provider.provider.name}.",
            search={"boost": PLACE_BOOST},
        ),
        html_block(page_top(links.relative(here, ""), provider.provider.name)),
        "",
        html_block(str(_lists().provider_intro(provider.provider, ""))),
        "",
        "## Wards {#wards}",
        "",
        html_block(
            str(
                _lists().ward_table(
                    _rows(provider.wards, {provider.slug: provider.provider.name}, here, today, due_soon_days),
                    f"Wards run by {provider.provider.name}",
                )
            )
        )
        if provider.wards
        else html_block(str(_lists().no_wards())),
        "",
    ]
    return "\n".join(body)


def _group_page(
    title: str,
    intro: str,
    here: str,
    entries: list[WardEntry],
    provider_names: dict[str, str],
    today: dt.date,
    due_soon_days: int,
    trail: list[tuple[str, str]] | None = None,
) -> str:
    crumb = page_top(links.relative(here, ""), title, intro, trail or ())
    return "\n".join(
        [
            front_matter(title=title, search={"boost": PLACE_BOOST}),
            html_block(crumb),
            "",
            html_block(str(_lists().ward_table(_rows(entries, provider_names, here, today, due_soon_days), title))),
            "",
        ]
    )


LIST_PAGE_LIMIT = 250
"""The most wards one list of a ward type (or one compare table) holds. A type with more (at national
scale, acute wards for adults: about 700 of 2,000) gets one page per provider instead, which its
own page lists: every page stays under 300 KB at any size of country."""


def by_provider(entries: list[WardEntry], names: dict[str, str]) -> list[tuple[str, list[WardEntry]]]:
    """``entries`` grouped by provider folder, providers in the order of their names."""
    grouped: dict[str, list[WardEntry]] = defaultdict(list)
    for entry in entries:
        grouped[entry.provider_slug].append(entry)
    return sorted(grouped.items(), key=lambda kv: (names[kv[0]].lower(), kv[0]))


def type_provider_dir(kind: WardGroup, provider_slug: str) -> str:
    """One provider's wards of one type, when the type has too many wards for one page."""
    return f"{links.ward_group_dir(kind)}{provider_slug}/"


def _ward_type_pages(
    kind: WardGroup, entries: list[WardEntry], names: dict[str, str], today: dt.date, due_soon_days: int
) -> dict[str, str]:
    here = links.ward_group_dir(kind)
    title = kind.title
    count = words.count(len(entries), "ward")
    if len(entries) <= LIST_PAGE_LIMIT:
        return {
            links.page_file(here): _group_page(
                title, f"{count} of this type.", here, entries, names, today, due_soon_days
            )
        }
    groups = by_provider(entries, names)
    items = [(names[slug], links.relative(here, type_provider_dir(kind, slug)), len(group)) for slug, group in groups]
    intro = f"{count} of this type, run by {words.count(len(groups), 'provider')}. Choose a provider to see its wards."
    pages = {
        links.page_file(here): "\n".join(
            [
                front_matter(title=title, search={"boost": PLACE_BOOST}),
                html_block(page_top(links.relative(here, ""), title, intro)),
                "",
                html_block(str(_lists().link_list(items))),
                "",
            ]
        )
    }
    for slug, group in groups:
        there = type_provider_dir(kind, slug)
        pages[links.page_file(there)] = _group_page(
            f"{title}: {names[slug]}",
            f"{words.count(len(group), 'ward')} of this type run by {names[slug]}.",
            there,
            group,
            names,
            today,
            due_soon_days,
            trail=[(links.relative(there, here), title)],
        )
    return pages


def render_group_pages(catalogue: Catalogue, today: dt.date, due_soon_days: int) -> dict[str, str]:
    """One page per ward type and one per town that has wards."""
    pages: dict[str, str] = {}
    by_type: dict[WardGroup, list[WardEntry]] = defaultdict(list)
    names = {p.slug: p.provider.name for p in catalogue.providers}
    for entry in catalogue.wards:
        by_type[ward_group(entry.ward.classification)].append(entry)
    by_town = towns(catalogue)
    for kind, entries in by_type.items():
        pages.update(_ward_type_pages(kind, entries, names, today, due_soon_days))
    for town in by_town:
        here = links.area_dir(town.name)
        pages[links.page_file(here)] = _group_page(
            f"Wards in {town.name}",
            f"{len(town.entries)} {'ward' if len(town.entries) == 1 else 'wards'} in or near {town.name}.",
            here,
            list(town.entries),
            names,
            today,
            due_soon_days,
        )
    if len(by_town) > HOME_LIST_LIMIT:
        pages[links.page_file(AREAS_INDEX)] = _a_to_z_page(
            "Find a ward by area",
            "Every town or city with a ward on this site.",
            AREAS_INDEX,
            _town_items(catalogue, AREAS_INDEX),
        )
    if len(catalogue.providers) > HOME_LIST_LIMIT:
        pages[links.page_file(PROVIDERS_INDEX)] = _a_to_z_page(
            "Find a ward by provider",
            "Every NHS trust and independent provider with a ward on this site.",
            PROVIDERS_INDEX,
            _provider_items(catalogue, PROVIDERS_INDEX),
        )
    return pages


HOME_LIST_LIMIT = 30
"""The longest list of providers or towns the home page shows itself. A longer one (at national
scale, about 100 providers and hundreds of towns) gets its own A to Z page, which the home
page links to, so the home page a reader on a phone opens first stays small."""
AREAS_INDEX = "areas/"
PROVIDERS_INDEX = "providers/"


def _town_items(catalogue: Catalogue, here: str) -> list[tuple[str, str, int]]:
    return [(t.name, links.relative(here, links.area_dir(t.name)), len(t.entries)) for t in towns(catalogue)]


def _provider_items(catalogue: Catalogue, here: str) -> list[tuple[str, str, int]]:
    return [
        (p.provider.name, links.relative(here, links.provider_dir(p.slug)), len(p.wards)) for p in catalogue.providers
    ]


def _letter_anchor(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"


def _a_to_z_page(title: str, intro: str, here: str, items: list[tuple[str, str, int]]) -> str:
    """A long list of links on a page of its own, under a heading for each first letter."""
    by_letter: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for item in items:
        letter = item[0][:1].upper()
        by_letter[letter if letter.isalpha() else "#"].append(item)
    letters = sorted(by_letter)
    page = (
        page_top(links.relative(here, ""), title, intro)
        + "\n"
        + str(parts().letters(letters, {letter: _letter_anchor(letter) for letter in letters}))
    )
    sections = [
        str(_lists().letter_section(_letter_anchor(letter), letter, by_letter[letter])) for letter in sorted(by_letter)
    ]
    return "\n".join(
        [
            front_matter(title=title, description=intro, **{HTML_TOC: []}),
            html_block(page),
            "",
            *(html_block(section) + "\n" for section in sections),
        ]
    )


def render_home_page(catalogue: Catalogue) -> str:
    """The front door: what the site is, who to call in a crisis, and three ways to find a ward."""
    wards = catalogue.wards
    providers = [
        (p.provider.name, links.relative("", links.provider_dir(p.slug)), len(p.wards)) for p in catalogue.providers
    ]
    type_counts: dict[WardGroup, int] = defaultdict(int)
    for e in wards:
        type_counts[ward_group(e.ward.classification)] += 1
    types = [
        (t.title, links.relative("", links.ward_group_dir(t)), n)
        for t, n in sorted(type_counts.items(), key=lambda kv: kv[0].title)
    ]
    town_links = _town_items(catalogue, "")
    lists = _lists()
    return "\n".join(
        [
            front_matter(
                title="Find a mental health ward",
                description="Honest, up-to-date information about mental health wards: phone numbers, visiting, daily "
                "life, your rights.",
            ),
            "# Find a mental health ward",
            "",
            html_block(str(lists.home_intro())),
            "",
            f"There {'is' if len(wards) == 1 else 'are'} {words.count(len(wards), 'ward')} on this site. "
            "You can also use the search box at the top of the page.",
            "",
            "## Find a ward by provider {#by-provider}",
            "",
            html_block(
                str(lists.link_list(providers))
                if len(providers) <= HOME_LIST_LIMIT
                else _see_all(f"All {len(providers)} providers, from A to Z", PROVIDERS_INDEX)
            ),
            "",
            "## Find a ward by type {#by-type}",
            "",
            html_block(str(lists.link_list(types))),
            "",
            "## Find a ward by area {#by-area}",
            "",
            html_block(
                str(lists.link_list(town_links))
                if len(town_links) <= HOME_LIST_LIMIT
                else _see_all(f"All {len(town_links)} towns and cities, from A to Z", AREAS_INDEX)
            ),
            "",
        ]
    )


def _see_all(text: str, index: str) -> str:
    return str(parts().see_all(links.relative("", index), text))
