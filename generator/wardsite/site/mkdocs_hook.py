"""The MkDocs adapter: run the builder-agnostic core inside ``mkdocs build`` and ``mkdocs serve``.

Listed under ``hooks:`` in mkdocs.yml. It adds the generated pages to MkDocs' file list in
memory (nothing is written to ``site_src``) and makes ``mkdocs serve`` watch ``wards/``.
Other builders use ``wardsite generate`` instead, which writes the same pages to disk.

Settings come from the environment, because hooks have no config block of their own:
``WARDSITE_WARDS`` (default ``wards`` beside mkdocs.yml) and ``WARDSITE_TODAY`` (YYYY-MM-DD,
default: the real date). ``wardsite build`` sets ``WARDSITE_PAGES_GENERATED=1`` because it has
already written the pages to disk.
``WARDSITE_A11Y_REPORT`` names the JSON report from ``wardsite a11y``, if there is one, so the
inspectors' page shows each ward's accessibility check.

For national scale (README, Performance): a page whose front matter declares ``html_toc`` is
HTML only and skips Markdown; every generated page gives one short search entry instead of
its full text; and ``mkdocs serve --dirty`` re-renders only the pages an edit changed, an
edited ward's own pages first (``wardsite.site.rebuilds``, ``wardsite.site.incremental``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import asdict
from functools import partial
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from wardsite.findings.accessibility_results import AccessibilityResults, read_accessibility_report
from wardsite.loading.catalogue import load_catalogue
from wardsite.problems import Severity
from wardsite.render.environment import HTML_TOC
from wardsite.render.search import page_search_entry
from wardsite.site import preview
from wardsite.site.file_links import folder_links_to_files
from wardsite.site.generate import GENERATED_DIRS, render_site, render_ward_pages
from wardsite.site.incremental import RenderWard
from wardsite.site.rebuilds import REBUILDS
from wardsite.source.history import file_history

log = logging.getLogger("mkdocs.wardsite")
_command = "build"
_html_bodies: dict[str, tuple[str, list[list[str]]]] = {}  # pages whose body is used as HTML as it is


def _wards_dir(config) -> Path:  # type: ignore[no-untyped-def]
    return Path(config.config_file_path).parent / os.environ.get("WARDSITE_WARDS", "wards")


def _today() -> dt.date:
    value = os.environ.get("WARDSITE_TODAY")
    return dt.date.fromisoformat(value) if value else dt.date.today()


def _a11y() -> AccessibilityResults:
    value = os.environ.get("WARDSITE_A11Y_REPORT")
    results, problems = read_accessibility_report(Path(value) if value else None)
    for problem in problems:
        log.warning(problem.format())
    return results


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command
    preview.SESSION.serving = command == "serve"  # kept outside this module, which MkDocs reloads on every rebuild


def on_files(files: Files, config) -> Files:  # type: ignore[no-untyped-def]
    if os.environ.get("WARDSITE_PAGES_GENERATED") == "1":
        return files  # `wardsite build` already wrote the pages to the docs folder.
    serving = preview.SESSION.serving
    result = load_catalogue(_wards_dir(config), REBUILDS.loads if serving else None)
    for problem in result.problems:
        (log.error if problem.severity is Severity.error else log.warning)(problem.format())
    if result.has_errors and not serving:
        raise Abort(
            f"wardsite: {sum(p.severity is Severity.error for p in result.problems)} problems in the ward files; nothing was built. Run `wardsite check` for details."
        )
    today, a11y, site_url, history = _today(), _a11y(), config.site_url or None, file_history(_wards_dir(config))

    def render_all(ward_pages: RenderWard | None = None) -> dict[str, str]:
        return render_site(
            result.catalogue, today, a11y=a11y, site_url=site_url, history=history, ward_pages=ward_pages
        )

    if serving:  # an edited ward's pages now, the rest in the background (wardsite.site.incremental)
        pages = REBUILDS.site.pages(
            result.catalogue,
            (today, a11y, site_url, history),
            render_all,
            lambda p, w: render_ward_pages(p, w, today, history=history),
            REBUILDS.request_rebuild,
        )
    else:
        pages = render_all()
    if serving:  # show each problem on the page it affects, keep the last good page
        pages = preview.SESSION.with_problems(pages, result.problems, preview.ward_files(_wards_dir(config)))
    # In the live preview each page is backed by a file rewritten only when its text changes,
    # so `mkdocs serve --dirty` re-renders just the pages an edit changed.
    mirror = REBUILDS.mirror_folder() if serving else None
    if mirror is not None:
        REBUILDS.unbuilt.update(mirror.update(pages))
    addresses = set()
    for path, text in pages.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        file = (
            File.generated(config, path, abs_src_path=str(mirror.path(path)))
            if mirror
            else File.generated(config, path, content=text)
        )
        if mirror is not None:  # the mirror knows what changed: no need for MkDocs to compare two file times per page
            file.is_modified = partial(REBUILDS.unbuilt.__contains__, path)  # type: ignore[method-assign]
        files.append(file)
        addresses.add(file.url)
    REBUILDS.search = {url: entry for url, entry in REBUILDS.search.items() if url in addresses}
    return files


def on_env(env, config, files):  # type: ignore[no-untyped-def]
    if preview.SESSION.serving:
        env.bytecode_cache = REBUILDS.templates  # compile the theme once per preview, not once per rebuild
    return env


def on_page_markdown(markdown: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
    """Pages that multiply with the wards get one short search entry each; HTML-only pages skip Markdown."""
    source = page.file.src_uri
    if source == "index.md" or source.split("/", 1)[0] in GENERATED_DIRS:
        page.meta["search"] = {
            **(page.meta.get("search") or {}),
            "exclude": True,
        }  # not the whole page: see on_post_build
        REBUILDS.search[page.url] = page_search_entry(page.url, str(page.meta.get("title") or page.title), page.meta)
    toc = page.meta.get(HTML_TOC)
    if toc is None:
        return markdown
    _html_bodies[source] = (markdown, toc)
    return ""  # nothing for Markdown to do: on_page_content puts the HTML back


def on_page_content(html: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
    held = _html_bodies.pop(page.file.src_uri, None)
    if held is None:
        return html
    body, toc = held
    page.toc = get_toc([{"level": 2, "id": anchor, "name": escape(heading), "children": []} for anchor, heading in toc])
    page.present_anchor_ids = {anchor for anchor, _ in toc}
    return body


@event_priority(-50)  # after the search plugin writes the index, before the offline plugin copies it
def on_post_build(config) -> None:  # type: ignore[no-untyped-def]
    """Add one short entry per generated page to the search index, in place of the pages' full text."""
    REBUILDS.unbuilt.clear()  # every changed page is built now (a failed build never gets here)
    if preview.SESSION.serving:
        REBUILDS.settle()
    index = Path(config.site_dir) / "search" / "search_index.json"
    if not REBUILDS.search or not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    ours = REBUILDS.search
    data["docs"] = [doc for doc in data["docs"] if doc.get("location", "").split("#", 1)[0] not in ours] + [
        asdict(entry) for entry in ours.values()
    ]
    index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def on_serve(server, config, builder):  # type: ignore[no-untyped-def]
    server.watch(str(_wards_dir(config)))
    server.watch(str(REBUILDS.signal_folder()))  # the background render asks for a rebuild here
    return server


def on_shutdown() -> None:
    REBUILDS.close()  # the preview's mirror of generated pages


def on_post_page(output: str, page, config) -> str:  # type: ignore[no-untyped-def]
    """The offline bundle (mkdocs-offline.yml) opens from disk: point folder links at index.html."""
    return output if config.use_directory_urls else folder_links_to_files(output)
