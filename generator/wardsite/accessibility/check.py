"""Check every page of a built site: serve it, run pa11y-ci, and build the report."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urljoin

from wardsite.accessibility.pa11y import CHROMIUM, DESKTOP, PHONE, Target, Viewport, run_pa11y_ci
from wardsite.accessibility.pages import page_file, search_page, site_pages
from wardsite.accessibility.report import (
    AccessibilityReport,
    IgnoredRule,
    PageResult,
    background_unseen,
    is_load_error,
    issue_from_pa11y,
)
from wardsite.accessibility.result_cache import KeptResult, ResultCache, assets_fingerprint, page_key
from wardsite.accessibility.server import serve_site

DEFAULT_VIEWPORTS: tuple[Viewport, ...] = (PHONE, DESKTOP)
"""Most readers use a phone; providers' staff and inspectors use desktops. Check both."""

DEFAULT_SEARCH = "ward"
"""Words to search for, to check the search box open with its results (every site has wards)."""


IGNORED_RULES_FILE = Path("accessibility", "ignored-rules.json")
"""Where a site lists the rules it does not apply, each with its reason (none by default)."""


def ignored_rules(path: Path | None) -> list[IgnoredRule]:
    """The rules pa11y-ci is told to skip, with reasons, from the site's ``accessibility/ignored-rules.json``."""
    if path is None or not path.is_file():
        return []
    return [IgnoredRule(r["code"], r["reason"]) for r in json.loads(path.read_text(encoding="utf-8"))["rules"]]


def normalise_page(path: str) -> str:
    """A page as a reader might type it (``/wards/x``, ``wards/x/index.html``) -> ``wards/x/``."""
    path = path.strip().lstrip("/")
    if path.startswith("?"):
        return path
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    if path and not path.endswith((".html", "/")):
        path += "/"
    return path


def _address(base: str, path: str, viewport: Viewport, first: bool) -> str:
    # pa11y-ci keys results by address, so each extra screen size gets its own query string.
    url = urljoin(base, path)
    return url if first else f"{url}{'&' if '?' in url else '?'}viewport={viewport.name}"


def check_site(
    site_dir: Path,
    tool_dir: Path,
    only: Sequence[str] = (),
    viewports: Sequence[Viewport] = DEFAULT_VIEWPORTS,
    concurrency: int = 4,
    page_timeout_s: int = 30,
    checked_at: str | None = None,
    search: str | None = DEFAULT_SEARCH,
    ignored: Sequence[IgnoredRule] = (),
    chromium: Path = CHROMIUM,
    kept: ResultCache | None = None,
) -> AccessibilityReport:
    """Check the pages of ``site_dir`` (all of them, or those in ``only``) at each screen size.

    With ``search``, the home page is also checked with the search open showing the results
    for those words (``?q=ward``). With ``kept`` (results of earlier runs), a page whose HTML,
    the site's styles and scripts, and the checker are unchanged keeps its earlier result; only
    the rest go to the browser.

    Raises ``ToolError`` if the checker cannot run. A folder with no pages gives a report
    that fails, never a silent pass.
    """
    paths = site_pages(site_dir)
    if search and "" in paths:
        paths.append(search_page(search))
    if only:
        wanted = {normalise_page(p) for p in only}
        paths = [p for p in paths if p in wanted]
    results = {p: PageResult(p, page_file(p)) for p in paths}
    report = AccessibilityReport(list(results.values()), [v.name for v in viewports], list(ignored), checked_at)
    if not paths:
        return report
    assets = assets_fingerprint(site_dir) if kept else ""
    rules = ",".join(sorted(rule.code for rule in ignored))
    keys: dict[tuple[str, str], str | None] = {}
    pending: list[tuple[str, Viewport]] = []
    for viewport in viewports:
        for path in paths:
            settings = (path, viewport.name, str(viewport.width), str(viewport.height), rules)
            key = keys[path, viewport.name] = (
                page_key(site_dir, page_file(path), path.startswith("?"), assets, settings) if kept else None
            )
            found = kept.get(key) if kept else None
            if found is None:
                pending.append((path, viewport))
                continue
            results[path].errors.extend(found.errors)
            results[path].to_review.extend(found.to_review)
            results[path].checked_at.append(found.checked_at)
            report.reused += 1
    if pending:
        _check_in_browser(site_dir, tool_dir, pending, results, concurrency, page_timeout_s, ignored, chromium)
    for path, viewport in pending:
        page = results[path]
        if checked_at:
            page.checked_at.append(checked_at)
        if kept and checked_at and not page.load_errors:
            mine = [issue for issue in page.errors if issue.viewport == viewport.name]
            review = [issue for issue in page.to_review if issue.viewport == viewport.name]
            kept.put(keys[path, viewport.name], KeptResult(checked_at, tuple(mine), tuple(review)))
    if kept:
        kept.save()
    return report


def _check_in_browser(
    site_dir: Path,
    tool_dir: Path,
    pending: list[tuple[str, Viewport]],
    results: dict[str, PageResult],
    concurrency: int,
    page_timeout_s: int,
    ignored: Sequence[IgnoredRule],
    chromium: Path,
) -> None:
    """Serve the site, run pa11y-ci on the ``pending`` page checks and add what it found to ``results``."""
    with serve_site(site_dir) as base:
        targets: dict[str, tuple[str, Viewport]] = {}
        first_viewport = pending[0][1].name
        for path, viewport in pending:
            targets[_address(base, path, viewport, viewport.name == first_viewport)] = (path, viewport)
        raw = run_pa11y_ci(
            [Target(url, viewport) for url, (_, viewport) in targets.items()],
            tool_dir,
            concurrency,
            page_timeout_s,
            ignore=[rule.code for rule in ignored],
            chromium=chromium,
        )
    seen: set[str] = set()
    for url, outcome in raw["results"].items():
        if url not in targets:
            continue
        seen.add(url)
        path, viewport = targets[url]
        for item in outcome if isinstance(outcome, list) else [outcome]:
            if is_load_error(item):
                results[path].load_errors.append(f"{viewport.name}: {item['message']}")
            elif isinstance(item, dict) and item.get("type", "error") == "error":
                found = results[path].to_review if background_unseen(item) else results[path].errors
                found.append(issue_from_pa11y(item, viewport.name))
    for url, (path, viewport) in targets.items():
        if url not in seen:
            results[path].load_errors.append(f"{viewport.name}: pa11y-ci returned no result for this page.")
