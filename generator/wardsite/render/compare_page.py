"""Compare wards (``compare/`` and ``compare/<ward type>/``): wards of one type side by side.

People choosing between wards, or commissioners benchmarking them, compare like with like,
so there is one table per ward type: beds, bedrooms, visiting and activity hours a week,
planned staff per shift and the last review. Each table is complete without JavaScript;
``site_src/javascripts/compare.js`` lets a reader tick the wards they want and shows just
those side by side. A fact a ward has not published says "Not published", never zero.
A type with more wards than one table holds (``site_pages.LIST_PAGE_LIMIT``) lists its providers
instead, each with a table of its wards of that type at ``compare/<type>/<provider>/``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from wardsite.findings import derived
from wardsite.loading.catalogue import Catalogue, ProviderEntry, WardEntry
from wardsite.model import addresses as links
from wardsite.model import words
from wardsite.model.classification import WardGroup, ward_group
from wardsite.model.enums import label
from wardsite.render import site_pages
from wardsite.render.environment import COMPARE_SCRIPTS, SCRIPTS, Macros, front_matter, html_block, macros
from wardsite.render.page_parts import parts
from wardsite.render.report_page import WIDE_PAGE

COMPARE_DIR = "compare/"
NOT_PUBLISHED = "Not published"
MEASURES: tuple[str, ...] = (
    "Beds",
    "Single bedrooms",
    "En-suite bedrooms",
    "Beds in shared rooms (dormitory beds)",
    "Visiting hours a week",
    "Activity hours a week",
    "Planned staff per shift",
    "Last reviewed",
)

Cell = tuple[tuple[str, ...], str]
"""The lines shown in a table cell, and the value it sorts by."""


def compare_dir(kind: WardGroup) -> str:
    """The compare page of one group of wards (one specialism, one age band): ``compare/acute/``."""
    return f"{COMPARE_DIR}{kind.slug}/"


@dataclass(frozen=True)
class CompareRow:
    key: str
    """The ward's key with ``--`` for its ``/`` (``example-trust--heron-ward``): usable in element ids and the
    page's ``#compare=`` address; slugs never hold ``--``, so it cannot be read two ways."""
    url: str
    name: str
    provider: str
    town: str
    cells: tuple[Cell, ...]


def _number(value: int | None) -> Cell:
    return ((NOT_PUBLISHED,), "") if value is None else ((str(value),), str(value))


def _hours(minutes: int | None) -> Cell:
    return ((NOT_PUBLISHED,), "") if minutes is None else ((words.hours_text(minutes),), str(minutes))


def _activity(minutes: int | None, committed: bool) -> Cell:
    """The ward's committed hours, or its timetable added up, saying which (a timetable may be a sample week)."""
    if minutes is None:
        return ((NOT_PUBLISHED,), "")
    source = "committed by the ward" if committed else "added up from its timetable"
    return (words.hours_text(minutes), source), str(minutes)


def _staff(entry: WardEntry) -> Cell:
    staffing = entry.ward.staffing
    if not staffing or not staffing.planned_per_shift:
        return ((NOT_PUBLISHED,), "")
    shifts = staffing.planned_per_shift.shifts
    lines = tuple(
        f"{label(s.shift)}: {s.registered_nurses} {'nurse' if s.registered_nurses == 1 else 'nurses'} and "
        f"{s.support_workers} {'support worker' if s.support_workers == 1 else 'support workers'}"
        for s in shifts
    )
    return lines, str(max(s.registered_nurses + s.support_workers for s in shifts))


def compare_cells(entry: WardEntry) -> tuple[Cell, ...]:
    """The measures for one ward, in the order of ``MEASURES``."""
    ward = entry.ward
    rooms = ward.environment.bedrooms if ward.environment else None
    activity = derived.weekly_activity_minutes(ward)  # the committed hours, not a sample timetable, when given
    committed = derived.committed_activity_minutes(ward) is not None
    reviewed = ward.review.last_reviewed
    return (
        _number(ward.beds),
        _number(rooms.single if rooms else None),
        _number(rooms.en_suite if rooms else None),
        _number(rooms.dormitory_beds if rooms else None),
        _hours(derived.visiting_minutes_per_week(ward) if ward.visiting else None),
        _activity(activity, committed),
        _staff(entry),
        ((words.long_date(reviewed),), reviewed.isoformat()),
    )


def _row(here: str, provider: ProviderEntry, entry: WardEntry) -> CompareRow:
    return CompareRow(
        entry.key.replace("/", "--"),
        links.relative(here, links.ward_dir(entry.provider_slug, entry.slug)),
        entry.ward.name,
        provider.provider.name,
        entry.ward.address.town,
        compare_cells(entry),
    )


def _module() -> Macros:
    return macros("compare.html.j2")


def _type_page(
    kind: WardGroup, wards: list[tuple[ProviderEntry, WardEntry]], provider: ProviderEntry | None = None
) -> str:
    """The compare table of ``wards``: every ward of the type, or (with ``provider``) that provider's."""
    here = compare_dir(kind) if provider is None else compare_provider_dir(kind, provider.slug)
    title = f"Compare wards: {kind.title}"
    trail = [(links.relative(here, COMPARE_DIR), "Compare wards")]
    current = kind.title
    if provider is not None:
        title = f"{title}, {provider.provider.name}"
        trail.append((links.relative(here, compare_dir(kind)), kind.title))
        current = provider.provider.name
    rows = [
        _row(here, p, e)
        for p, e in sorted(
            wards, key=lambda pe: (pe[1].ward.name.lower(), pe[0].provider.name, pe[1].ward.address.town)
        )
    ]
    shared = parts()
    crumb = "\n".join(
        [
            str(shared.breadcrumb(links.relative(here, ""), current, trail)),
            str(shared.heading(title)),
            str(_module().intro(len(rows))),
        ]
    )
    caption = f"{kind.title}: beds, bedrooms, visiting, activities and staff"
    if provider is not None:
        caption = f"{kind.title}, {provider.provider.name}: beds, bedrooms, visiting, activities and staff"
    return "\n".join(
        [
            front_matter(
                title=title,
                description=f"Compare {len(rows)} mental health wards: beds, bedrooms, visiting hours, activities and "
                "staff.",
                hide=WIDE_PAGE,
                **{SCRIPTS: COMPARE_SCRIPTS},
            ),
            html_block(crumb),
            "",
            html_block(str(_module().compare_table(rows, caption, MEASURES))),
            "",
        ]
    )


def compare_provider_dir(kind: WardGroup, provider_slug: str) -> str:
    return f"{compare_dir(kind)}{provider_slug}/"


def _type_pages(kind: WardGroup, wards: list[tuple[ProviderEntry, WardEntry]]) -> dict[str, str]:
    """One compare page for the type, or (over ``site_pages.LIST_PAGE_LIMIT`` wards) a list of its providers and a
    compare page for each."""
    here = compare_dir(kind)
    if len(wards) <= site_pages.LIST_PAGE_LIMIT:
        return {links.page_file(here): _type_page(kind, wards)}
    grouped: dict[str, list[tuple[ProviderEntry, WardEntry]]] = defaultdict(list)
    for provider, entry in wards:
        grouped[provider.slug].append((provider, entry))
    groups = sorted(grouped.values(), key=lambda g: (g[0][0].provider.name.lower(), g[0][0].slug))
    items = [
        (g[0][0].provider.name, links.relative(here, compare_provider_dir(kind, g[0][0].slug)), len(g)) for g in groups
    ]
    title = f"Compare wards: {kind.title}"
    shared = parts()
    top = "\n".join(
        [
            str(
                shared.breadcrumb(
                    links.relative(here, ""), kind.title, [(links.relative(here, COMPARE_DIR), "Compare wards")]
                )
            ),
            str(shared.heading(title)),
            str(_module().provider_intro(len(wards), len(groups))),
            str(_module().type_list(items, f"{kind.title}: providers", "Provider")),
        ]
    )
    pages = {
        links.page_file(here): "\n".join(
            [
                front_matter(
                    title=title,
                    description=f"Compare {len(wards)} mental health wards, provider by provider: beds, bedrooms, "
                    "visiting hours, activities and staff.",
                ),
                html_block(top),
                "",
            ]
        )
    }
    for group in groups:
        provider = group[0][0]
        pages[links.page_file(compare_provider_dir(kind, provider.slug))] = _type_page(kind, group, provider)
    return pages


def render_compare_pages(catalogue: Catalogue) -> dict[str, str]:
    """The compare index and one page per ward type that has wards."""
    by_type: dict[WardGroup, list[tuple[ProviderEntry, WardEntry]]] = defaultdict(list)
    for provider in catalogue.providers:
        for entry in provider.wards:
            by_type[ward_group(entry.ward.classification)].append((provider, entry))
    pages: dict[str, str] = {}
    for t, wards in by_type.items():
        pages.update(_type_pages(t, wards))
    types = [
        (t.title, links.relative(COMPARE_DIR, compare_dir(t)), len(w))
        for t, w in sorted(by_type.items(), key=lambda kv: kv[0].title)
    ]
    pages[links.page_file(COMPARE_DIR)] = "\n".join(
        [
            front_matter(
                title="Compare wards",
                description="Compare mental health wards of the same type: beds, bedrooms, visiting hours, "
                "activities and "
                "staff.",
            ),
            "# Compare wards",
            "",
            "Wards are compared with wards of the same type, because a ward for older adults and a ward for "
            "children do different jobs. "
            "Choose a type of ward to see its wards side by side: beds, bedrooms, visiting hours and activity "
            "hours a week, planned staff on each shift, "
            "and when the ward last checked its information.",
            "",
            html_block(str(_module().type_list(types))) if types else "No wards are published yet.",
            "",
        ]
    )
    return pages
