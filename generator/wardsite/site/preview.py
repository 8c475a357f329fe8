"""Live preview: show each file's problems on the page it affects, and never stop the server.

While ``wardsite serve`` runs, a ward file with an error has no valid ward to render. Rather
than the page vanishing, the preview keeps showing the ward's last good page (or, if it never
had one, a page saying what is wrong) under a box listing every problem with its line. The
box is added only in the live preview; a real build stops on any error instead.

The plugin's ``LivePreview`` holds one ``PreviewSession`` for the life of the server.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from wardsite.loading.catalogue import PROVIDER_FILE
from wardsite.model import addresses as links
from wardsite.problems import Problem, Severity
from wardsite.render.environment import front_matter, html_block, macros
from wardsite.render.page_parts import parts

STALE_NOTE = (
    "Below is the last version of this page that had no errors. Save the file again after fixing it to see your "
    "changes."
)
MISSING_NOTE = "This page cannot be shown until the errors are fixed."


def problem_box(file: str, problems: list[Problem], note: str = "") -> str:
    """The preview-only box listing ``problems`` in ``file`` (all provider text escaped)."""
    errors = sum(p.severity is Severity.error for p in problems)
    return html_block(str(macros("preview.html.j2").problem_box(file, problems, errors, len(problems) - errors, note)))


def _insert_after_front_matter(page: str, box: str) -> str:
    if page.startswith("---\n"):
        end = page.index("\n---\n", 4) + len("\n---\n")
        return page[:end] + "\n" + box + "\n\n" + page[end:]
    return box + "\n\n" + page


def _affected_pages(file: str, ward_files_by_provider: dict[str, list[str]]) -> list[str]:
    """The generated pages a problem in ``file`` (shown as ``wards/<provider>/<name>.yaml``) affects."""
    parts = PurePosixPath(file).parts
    if len(parts) < 2 or not file.endswith(".yaml"):
        return []
    provider = parts[-2]
    if parts[-1] == PROVIDER_FILE:
        return [links.page_file(links.provider_dir(provider))] + [
            links.page_file(links.ward_dir(provider, slug)) for slug in ward_files_by_provider.get(provider, [])
        ]
    return [links.page_file(links.ward_dir(provider, PurePosixPath(file).stem))]


@dataclass
class PreviewSession:
    """What the live preview remembers between rebuilds: each page's last good version."""

    last_good: dict[str, str] = field(default_factory=dict)

    def with_problems(
        self, pages: dict[str, str], problems: list[Problem], ward_files_by_provider: dict[str, list[str]]
    ) -> dict[str, str]:
        """``pages`` with each file's problems boxed on the pages it affects, and on the home page."""
        by_file: dict[str, list[Problem]] = defaultdict(list)
        for problem in problems:
            by_file[problem.file].append(problem)
        result = dict(pages)
        boxes: dict[str, list[str]] = defaultdict(list)
        failed: set[str] = set()
        for file, found in sorted(by_file.items()):
            has_errors = any(p.severity is Severity.error for p in found)
            for page in _affected_pages(file, ward_files_by_provider):
                if page in pages:
                    boxes[page].append(problem_box(file, found))
                elif has_errors:
                    failed.add(page)
                    note = STALE_NOTE if page in self.last_good else MISSING_NOTE
                    boxes[page].append(problem_box(file, found, note))
            boxes["index.md"].append(problem_box(file, found))
        for page in failed:
            if page in self.last_good:
                result[page] = _insert_after_front_matter(self.last_good[page], "\n\n".join(boxes.pop(page)))
            else:
                name = PurePosixPath(page).parent.name
                heading = html_block(str(parts().heading(f"Problems: {name}")))
                result[page] = (
                    front_matter(title=f"Problems: {name}") + heading + "\n\n" + "\n\n".join(boxes.pop(page)) + "\n"
                )
        for page, page_boxes in boxes.items():
            if page in result:
                result[page] = _insert_after_front_matter(result[page], "\n\n".join(page_boxes))
        self.last_good.update({path: text for path, text in pages.items()})
        return result


"""The one preview session of this process (``mkdocs serve`` serves one site)."""


def ward_files(wards_dir: Path) -> dict[str, list[str]]:
    """``{provider folder: [ward file names without .yaml]}``, for pages a provider.yaml problem affects."""
    if not wards_dir.is_dir():
        return {}
    return {
        folder.name: sorted(p.stem for p in folder.glob("*.yaml") if p.name != PROVIDER_FILE)
        for folder in sorted(wards_dir.iterdir())
        if folder.is_dir()
    }
