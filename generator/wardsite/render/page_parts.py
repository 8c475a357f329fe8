"""The top of every generated page: breadcrumb, heading and intro, written once (templates/page_parts.html.j2)."""

from __future__ import annotations

from collections.abc import Sequence

from wardsite.render.environment import Macros, macros


def parts() -> Macros:
    """The shared page pieces: ``breadcrumb``, ``heading``, ``section_heading``, ``intro``, ``letters``, ``see_all``."""
    return macros("page_parts.html.j2")


def page_top(
    home: str,
    title: str,
    intro: str | None = None,
    trail: Sequence[tuple[str, str]] = (),
    heading_id: str | None = None,
) -> str:
    """The breadcrumb (All wards > ``trail`` > ``title``), the page's heading and, if given, its intro paragraph."""
    shared = parts()
    pieces = [str(shared.breadcrumb(home, title, trail)), str(shared.heading(title, heading_id))]
    if intro:
        pieces.append(str(shared.intro(intro)))
    return "\n".join(pieces)
