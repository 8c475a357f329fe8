"""The inspectors' change history of one provider's wards (``report/changes/<provider>/``).

Patients read "What changed" on the ward page, in the ward's own words (``review.changes``).
Commit subjects from git are written for the people who keep the files, so they are shown
here, where inspectors look, linked from each ward's row on its provider's report page (and
each ward's section links back to that row). One page per
provider (not per ward) keeps a national build to about 100 extra pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wardsite.loading.catalogue import ProviderEntry
from wardsite.model import addresses as links
from wardsite.model.ward import Change
from wardsite.render.environment import HTML_TOC, environment, front_matter, html_block
from wardsite.render.page_parts import parts
from wardsite.source.history import FileChange, History, history_key


@dataclass(frozen=True)
class WardChanges:
    """One ward's section: its log in its own words, and the commits to its file (newest first)."""

    slug: str
    name: str
    ward_url: str
    row_url: str
    """The ward's row on its provider's report page."""
    changes: Sequence[Change]
    commits: Sequence[FileChange]


def render_change_log_page(provider: ProviderEntry, history: History) -> str:
    """The Markdown source of one provider's change history page (HTML blocks only)."""
    here = links.change_log_dir(provider.slug)
    wards = [
        WardChanges(
            entry.slug,
            entry.ward.name,
            links.relative(here, links.ward_dir(entry.provider_slug, entry.slug)),
            links.relative(here, links.provider_report_dir(provider.slug)) + f"#{links.report_row_id(entry.slug)}",
            sorted(entry.ward.review.changes, key=lambda c: c.date, reverse=True),
            history.get(history_key(provider.slug, entry.slug), ()),
        )
        for entry in provider.wards
    ]
    title = f"Change history: {provider.provider.name}"
    crumb = parts().breadcrumb(
        links.relative(here, ""),
        "Change history",
        [
            (links.relative(here, links.REPORT_DIR), "Ward information for inspectors"),
            (links.relative(here, links.provider_report_dir(provider.slug)), provider.provider.name),
        ],
    )
    body = (
        environment()
        .get_template("change_log.html.j2")
        .render(
            breadcrumb=crumb,
            heading=parts().heading(title, "change-history"),
            provider=provider.provider,
            provider_url=links.relative(here, links.provider_dir(provider.slug)),
            report_url=links.relative(here, links.provider_report_dir(provider.slug)),
            wards=wards,
        )
    )
    return "\n".join(
        [
            front_matter(
                title=title,
                description=f"Every recorded change to the ward information of {provider.provider.name}.",
                search={"exclude": True},  # for inspectors: readers' searches never lead here
                **{HTML_TOC: [[w.slug, w.name] for w in wards]},
            ),
            html_block(body),
            "",
        ]
    )


def render_change_log_pages(providers: Sequence[ProviderEntry], history: History | None) -> dict[str, str]:
    """One page per provider, or none when the wards folder has no git history."""
    if history is None:
        return {}
    return {links.page_file(links.change_log_dir(p.slug)): render_change_log_page(p, history) for p in providers}
