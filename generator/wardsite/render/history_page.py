"""The inspectors' history pages: each provider's last 24 months, from git.

``report/history/`` lists the providers with this month's figures; each provider's page,
``report/history/<provider>/``, has two small SVG charts drawn here, at build time (wards
publishing every required category, as a per cent; wards overdue for review), and beside them
the table they are drawn from, which is the accessible alternative and has every figure. One
page per provider keeps every page small at national scale (about 100 providers' charts and
tables were 1 MB on one page). No JavaScript.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wardsite.findings.as_of import MonthPoint
from wardsite.model import addresses as links
from wardsite.render.environment import HTML_TOC, front_matter, html_block, macros
from wardsite.render.page_parts import parts as page_parts

HISTORY_DIR = f"{links.REPORT_DIR}history/"
TITLE = "Ward information over the last 24 months"


def provider_history_dir(provider_id: str) -> str:
    return f"{HISTORY_DIR}{provider_id}/"


WIDTH, HEIGHT = 480, 170
LEFT, RIGHT, TOP, BOTTOM = 36, 470, 12, 146


@dataclass(frozen=True)
class ChartPoint:
    month: str
    value: int
    x: float
    y: float


@dataclass(frozen=True)
class Chart:
    id: str
    kind: str
    title: str
    description: str
    max: int
    max_label: str
    points: list[ChartPoint]
    first_label: str
    last_label: str
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = RIGHT
    top: int = TOP
    bottom: int = BOTTOM

    @property
    def bar_width(self) -> float:
        return round(0.6 * (RIGHT - LEFT) / max(1, len(self.points)), 2)


@dataclass(frozen=True)
class Row:
    month: str
    month_iso: str
    wards: int
    complete: int
    percent: int | None
    """None for a month before the provider had any ward: the table says "No wards yet"."""
    overdue: int


def y_for(value: int, top_value: int) -> float:
    """Where ``value`` sits on a scale from 0 (the bottom line) to ``top_value`` (the top)."""
    return round(BOTTOM - (BOTTOM - TOP) * value / top_value, 2) if top_value else float(BOTTOM)


def _x(index: int, count: int) -> float:
    step = (RIGHT - LEFT) / count
    return round(LEFT + step * (index + 0.5), 2)


def _month(day: object) -> str:
    return f"{day:%B %Y}"  # type: ignore[str-format]


def charts(provider_id: str, name: str, points: Sequence[MonthPoint]) -> tuple[Chart, Chart]:
    """The completeness line (0 to 100%) and the overdue bars (0 to the most overdue in the period).

    A month before the provider had any ward has no point and no bar, and the descriptions start
    from the first month with wards: 0% of no wards is not a figure to improve on.
    """
    first, last = _month(points[0].month), _month(points[-1].month)
    counted = [(i, p) for i, p in enumerate(points) if p.wards]
    most = max((p.overdue for _, p in counted), default=0) or 1
    complete = Chart(
        f"history-{provider_id}-complete",
        "line",
        f"{name}: wards publishing every required category, per cent, {first} to {last}",
        _complete_description(points),
        100,
        "100%",
        [
            ChartPoint(p.month.isoformat(), percent, _x(i, len(points)), y_for(percent, 100))
            for i, p in counted
            if (percent := p.complete_percent) is not None
        ],
        first,
        last,
    )
    overdue = Chart(
        f"history-{provider_id}-overdue",
        "bars",
        f"{name}: wards overdue for review, {first} to {last}",
        _overdue_description(points),
        most,
        str(most),
        [ChartPoint(p.month.isoformat(), p.overdue, _x(i, len(points)), y_for(p.overdue, most)) for i, p in counted],
        first,
        last,
    )
    return complete, overdue


def _since(points: Sequence[MonthPoint]) -> tuple[list[MonthPoint], str]:
    """The months with wards, and what to say of the months before them."""
    counted = [p for p in points if p.wards]
    before = f" No wards before {_month(counted[0].month)}." if counted and counted[0] is not points[0] else ""
    return counted, before


def _complete_description(points: Sequence[MonthPoint]) -> str:
    counted, before = _since(points)
    if not counted:
        return "No wards yet in these months."
    start, end = counted[0], counted[-1]
    if start is end:
        return f"{start.complete_percent}% in {_month(end.month)}.{before}"
    return (
        f"From {start.complete_percent}% in {_month(start.month)} to {end.complete_percent}% in "
        f"{_month(end.month)}.{before}"
    )


def _overdue_description(points: Sequence[MonthPoint]) -> str:
    counted, before = _since(points)
    if not counted:
        return "No wards yet in these months."
    start, end = counted[0], counted[-1]
    most = max(p.overdue for p in counted)
    if start is end:
        return f"{end.overdue} in {_month(end.month)}.{before}"
    return f"{start.overdue} in {_month(start.month)}, {end.overdue} in {_month(end.month)}, at most {most}.{before}"


@dataclass(frozen=True)
class ProviderNow:
    """A provider in the list of providers: its page, and its figures for the latest month."""

    url: str
    name: str
    month: str
    wards: int
    complete: int
    percent: int | None
    overdue: int


def _in_order(timelines: Mapping[str, Sequence[MonthPoint]], names: Mapping[str, str]) -> list[str]:
    """Providers with any months, by name."""
    return [p for p in sorted(timelines, key=lambda p: names.get(p, p).lower()) if timelines[p]]


def render_history_page(timelines: Mapping[str, Sequence[MonthPoint]], names: Mapping[str, str]) -> str:
    """The Markdown source of ``report/history/index.md``: providers by name, each with this month's figures and a
    link to its page of charts and tables."""
    module = macros("history.html.j2", {})
    rows = []
    for provider_id in _in_order(timelines, names):
        last = timelines[provider_id][-1]
        rows.append(
            ProviderNow(
                links.relative(HISTORY_DIR, provider_history_dir(provider_id)),
                names.get(provider_id, provider_id),
                _month(last.month),
                last.wards,
                last.complete,
                last.complete_percent,
                last.overdue,
            )
        )
    parts = [
        front_matter(
            title=TITLE,
            description="For each provider: wards publishing every required category, and wards overdue, by month.",
        ),
        f"# {TITLE}",
        "",
        "For each provider, at the end of each month (today, for this month): how many of its wards published every "
        "required category, and how many were overdue for review, worked out from the ward files as they were "
        "committed then. Each provider's page has two charts and the table they are drawn from, with every figure.",
        "",
        html_block(str(module.providers_table(rows))),
        "",
    ]
    return "\n".join(parts)


def render_provider_history_page(provider_id: str, name: str, points: Sequence[MonthPoint]) -> str:
    """The source of ``report/history/<provider>/index.md`` (HTML blocks only): its charts and table."""
    module = macros("history.html.j2", {})
    shared = page_parts()
    here = provider_history_dir(provider_id)
    title = f"{name}: the last 24 months"
    complete, overdue = charts(provider_id, name, points)
    rows = [
        Row(_month(p.month), p.month.isoformat(), p.wards, p.complete, p.complete_percent, p.overdue) for p in points
    ]
    table = {"id": f"history-{provider_id}", "caption": f"{name}, month by month", "rows": rows}
    trail = [
        (links.relative(here, links.REPORT_DIR), "Ward information for inspectors"),
        (links.relative(here, HISTORY_DIR), "The last 24 months"),
    ]
    body = [
        str(shared.breadcrumb(links.relative(here, ""), name, trail)),
        str(shared.heading(title)),
        str(module.report_link(links.relative(here, links.provider_report_dir(provider_id)), name)),
        str(module.chart(complete)) + "\n" + str(module.chart(overdue)),
        str(module.table(table)),
    ]
    return "\n".join(
        [
            front_matter(
                title=title,
                description=f"{name}: wards publishing every required category, and wards overdue, by month.",
                search={"exclude": True},  # for inspectors: readers' searches never lead here
                **{HTML_TOC: []},
            ),
            *(html_block(piece) + "\n" for piece in body),
        ]
    )


def render_history_pages(timelines: Mapping[str, Sequence[MonthPoint]], names: Mapping[str, str]) -> dict[str, str]:
    """The list of providers and one page for each provider with any months, by Markdown file."""
    pages = {links.page_file(HISTORY_DIR): render_history_page(timelines, names)}
    for provider_id in _in_order(timelines, names):
        pages[links.page_file(provider_history_dir(provider_id))] = render_provider_history_page(
            provider_id, names.get(provider_id, provider_id), timelines[provider_id]
        )
    return pages
