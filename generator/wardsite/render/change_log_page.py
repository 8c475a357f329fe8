"""The inspectors' change history of one provider's wards (``report/changes/<provider>/``).

Patients read "What changed" on the ward page, in the ward's own words (``review.changes``).
Commit subjects from git are written for the people who keep the files, so they are shown
here, where inspectors look, linked from each ward's row in the report. One page per
provider (not per ward) keeps a national build to about 100 extra pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wardsite.loading.catalogue import ProviderEntry
from wardsite.model import addresses as links
from wardsite.model.ward import Change
from wardsite.render.environment import HTML_TOC, environment, front_matter, html_block
from wardsite.source.history import FileChange, History, history_key


@dataclass(frozen=True)
class WardChanges:
    """One ward's section: its log in its own words, and the commits to its file (newest first)."""

    slug: str
    name: str
    ward_url: str
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
            sorted(entry.ward.review.changes, key=lambda c: c.date, reverse=True),
            history.get(history_key(provider.slug, entry.slug), ()),
        )
        for entry in provider.wards
    ]
    body = (
        environment()
        .get_template("change_log.html.j2")
        .render(
            provider=provider.provider,
            provider_url=links.relative(here, links.provider_dir(provider.slug)),
            report_url=links.relative(here, "report/"),
            wards=wards,
        )
    )
    title = f"Change history: {provider.provider.name}"
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
