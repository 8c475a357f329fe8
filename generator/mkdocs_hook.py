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
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from generator import preview
from generator.a11y_results import AccessibilityResults, read_accessibility_report
from generator.catalogue import load_catalogue
from generator.history import file_history
from generator.problems import Severity
from generator.render.file_links import folder_links_to_files
from generator.render.site import render_site

log = logging.getLogger("mkdocs.wardsite")
_command = "build"


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
    result = load_catalogue(_wards_dir(config))
    for problem in result.problems:
        (log.error if problem.severity is Severity.error else log.warning)(problem.format())
    if result.has_errors and not preview.SESSION.serving:
        raise Abort(f"wardsite: {sum(p.severity is Severity.error for p in result.problems)} problems in the ward files; nothing was built. Run `wardsite check` for details.")
    pages = render_site(result.catalogue, _today(), a11y=_a11y(), site_url=config.site_url or None, history=file_history(_wards_dir(config)))
    if preview.SESSION.serving:  # show each problem on the page it affects, keep the last good page
        pages = preview.SESSION.with_problems(pages, result.problems, preview.ward_files(_wards_dir(config)))
    for path, text in pages.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=text))
    return files


def on_serve(server, config, builder):  # type: ignore[no-untyped-def]
    server.watch(str(_wards_dir(config)))
    return server


def on_post_page(output: str, page, config) -> str:  # type: ignore[no-untyped-def]
    """The offline bundle (mkdocs-offline.yml) opens from disk: point folder links at index.html."""
    return output if config.use_directory_urls else folder_links_to_files(output)
