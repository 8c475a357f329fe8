"""Read an accessibility report (from ``wardsite a11y``) and give each ward its result.

The report is a JSON file of per-page results. Reading is deliberately tolerant, because the
checker and this report are built separately and a missing report must never stop a build:

* no file given, or the file does not exist: every ward is "not checked";
* ``{"pages": [{"url": ..., "errors": [...]}, ...]}`` or a bare list of such entries, where a
  page is named by ``url`` or ``path`` (or ``pageUrl``) and ``errors`` is a list or a count;
* pa11y-ci's JSON reporter: ``{"results": {"<url>": [issue, ...]}}``, counting issues whose
  ``type`` is ``error`` (or that have no type).

A page belongs to a ward when its address contains ``wards/<provider>/<ward>/`` (the ward page, its Easy
Read version and anything else under it), whatever the host or folder the site was checked at.
A file that cannot be read as JSON, or has none of these shapes, gives one warning and no results.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from wardsite.problems import Problem, Severity

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
WARD_PATH = re.compile(rf"(?:^|/)wards/({_SLUG}/{_SLUG})(?:/|$)")


class CheckState(str, Enum):
    """The accessibility check result for one ward's pages."""

    not_checked = "not_checked"
    passed = "passed"
    failed = "failed"


CHECK_LABELS = {
    CheckState.not_checked: "Not checked",
    CheckState.passed: "No errors found",
    CheckState.failed: "Errors found",
}


@dataclass(frozen=True)
class WardCheck:
    """What the accessibility checker found on one ward's pages."""

    state: CheckState = CheckState.not_checked
    pages_checked: int = 0
    errors: int = 0
    last_checked: dt.date | None = None
    """The day the oldest of these page results was found (a result kept from an earlier run keeps its day)."""

    @property
    def label(self) -> str:
        return CHECK_LABELS[self.state]


NOT_CHECKED = WardCheck()


@dataclass(frozen=True)
class AccessibilityResults:
    """Per-ward results from one report. Empty when there was no report."""

    by_ward: dict[str, WardCheck]
    source: str | None = None

    def for_ward(self, key: str) -> WardCheck:
        """The result for the ward whose key (``<provider>/<ward>``) is ``key``."""
        return self.by_ward.get(key, NOT_CHECKED)


NO_RESULTS = AccessibilityResults({})


def ward_key_of(page: str) -> str | None:
    """``https://x/site/wards/example-trust/heron-ward/easy-read/`` -> ``example-trust/heron-ward``; else None."""
    path = unquote(urlsplit(page).path if "://" in page else page)
    match = WARD_PATH.search(path)
    return match.group(1) if match else None


def _error_count(errors: Any) -> int | None:
    if isinstance(errors, bool):
        return None
    if isinstance(errors, int):
        return max(errors, 0)
    if isinstance(errors, list):
        return sum(1 for e in errors if not isinstance(e, dict) or e.get("type", "error") == "error")
    return None


def _checked_on(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _page_entries(data: Any) -> list[tuple[str, int, dt.date | None]] | None:
    """``(page address, error count, day checked)`` for every page in any accepted shape; None if unrecognised."""
    entries: list[tuple[str, int | None, dt.date | None]]
    if isinstance(data, dict) and isinstance(data.get("results"), dict):
        entries = [(url, _error_count(issues), None) for url, issues in data["results"].items()]
    else:
        pages = data.get("pages") if isinstance(data, dict) else data
        if not isinstance(pages, list):
            return None
        entries = []
        for page in pages:
            if not isinstance(page, dict):
                continue
            address = page.get("url") or page.get("path") or page.get("pageUrl")
            if isinstance(address, str):
                entries.append((address, _error_count(page.get("errors", [])), _checked_on(page.get("checked_at"))))
    return [(url, count, day) for url, count, day in entries if isinstance(url, str) and count is not None]


def parse_accessibility_report(data: Any, source: str = "") -> AccessibilityResults | None:
    """Per-ward results from parsed report JSON; None if the JSON has no recognised shape."""
    entries = _page_entries(data)
    if entries is None:
        return None
    pages: dict[str, int] = defaultdict(int)
    errors: dict[str, int] = defaultdict(int)
    checked: dict[str, list[dt.date]] = defaultdict(list)
    for address, count, day in entries:
        slug = ward_key_of(address)
        if slug:
            pages[slug] += 1
            errors[slug] += count
            checked[slug] += [day] if day else []
    by_ward = {
        slug: WardCheck(
            CheckState.failed if errors[slug] else CheckState.passed,
            pages[slug],
            errors[slug],
            min(checked[slug]) if checked[slug] else None,
        )
        for slug in pages
    }
    return AccessibilityResults(by_ward, source or None)


def read_accessibility_report(path: Path | None) -> tuple[AccessibilityResults, list[Problem]]:
    """Results from the report at ``path``. No path or no file means "not checked", not an error."""
    if path is None or not path.is_file():
        return NO_RESULTS, []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return NO_RESULTS, [_unreadable(path, f"it could not be read as JSON ({error.__class__.__name__}).")]
    results = parse_accessibility_report(data, str(path))
    if results is None:
        return NO_RESULTS, [_unreadable(path, "it has no list of pages.")]
    return results, []


def _unreadable(path: Path, why: str) -> Problem:
    return Problem(
        str(path),
        1,
        1,
        "",
        f'the accessibility report was not used: {why} Every ward shows "not checked".',
        'Give the JSON file `wardsite a11y` writes: {"pages": [{"url": ..., "errors": [...]}]}.',
        Severity.warning,
    )
