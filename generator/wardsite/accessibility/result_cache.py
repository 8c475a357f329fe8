"""Results kept from earlier runs, so a daily check of a national site looks only at pages that changed.

A page's result is reused when nothing that decides it has changed: the page's address and HTML, every
style sheet, script, picture and font in the site (they change how every page looks), the
search index for the page with the search open, the checker (wardsite's accessibility code and
its locked Node packages), the screen size and the rules not applied. A result is also checked
again once it is older than ``max_age`` (30 days by default), because a page's scripts show
things by the reader's date (the out-of-date banner) and the report must never lean on an old run
for long. A page that did not load is never kept.

The cache is a JSON file of data only (issues as plain fields), in the user's cache folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from wardsite.accessibility.report import Issue
from wardsite.source.kept import keep, read_kept_json

CACHE_FILE = Path("accessibility", "results-1.json")
"""Inside the cache folder. A change to what is kept starts a new file name."""

DEFAULT_MAX_AGE = dt.timedelta(days=30)

_ASSET_SUFFIXES = frozenset({".css", ".js", ".mjs", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})
_ASSET_SUFFIXES |= frozenset({".ico", ".woff", ".woff2", ".ttf", ".otf"})
SEARCH_INDEX = Path("search", "search_index.json")
_CHECKER = Path(__file__).parent


@dataclass(frozen=True)
class KeptResult:
    """One page at one screen size, as an earlier run found it."""

    checked_at: str
    errors: tuple[Issue, ...]
    to_review: tuple[Issue, ...]


@cache
def checker_fingerprint() -> str:
    """wardsite's accessibility code and runner (settings, runner, lock file): a new checker checks afresh."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in _CHECKER.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(_CHECKER).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def assets_fingerprint(site_dir: Path) -> str:
    """Every style sheet, script, picture and font in the built site, by path and content."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in site_dir.rglob("*") if p.suffix.lower() in _ASSET_SUFFIXES and p.is_file()):
        digest.update(path.relative_to(site_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return digest.hexdigest()


def page_key(site_dir: Path, page_file: str, searched: bool, assets: str, settings: Iterable[str]) -> str | None:
    """The key of one page check; None if the page's file cannot be read (it is then always checked)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (checker_fingerprint(), assets, *settings):
        digest.update(part.encode() + b"\0")
    try:
        digest.update((site_dir / page_file).read_bytes())
        if searched:
            digest.update(b"\0search\0" + (site_dir / SEARCH_INDEX).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def _issues(value: Any) -> tuple[Issue, ...] | None:
    if not isinstance(value, list):
        return None
    issues = []
    for item in value:
        if not isinstance(item, dict) or not all(isinstance(v, str) for v in item.values()):
            return None
        try:
            issues.append(Issue(**item))
        except TypeError:  # fields of another version
            return None
    return tuple(issues)


class ResultCache:
    """Kept results by key: read once, and written back with this run's results."""

    def __init__(self, folder: Path | None, now: dt.datetime, max_age: dt.timedelta = DEFAULT_MAX_AGE) -> None:
        self.file = folder / CACHE_FILE if folder else None
        self.now = now
        self.max_age = max_age
        self._kept = self._read()
        self._used: dict[str, KeptResult] = {}

    def _read(self) -> dict[str, KeptResult]:
        loaded = read_kept_json(self.file) if self.file is not None else None
        kept = {}
        for key, value in loaded.items() if isinstance(loaded, dict) else ():
            if not isinstance(value, dict) or not isinstance(value.get("checked_at"), str):
                continue
            errors, to_review = _issues(value.get("errors")), _issues(value.get("to_review"))
            if errors is not None and to_review is not None:
                kept[key] = KeptResult(value["checked_at"], errors, to_review)
        return kept

    def _fresh(self, kept: KeptResult) -> bool:
        try:
            checked = dt.datetime.fromisoformat(kept.checked_at)
        except ValueError:
            return False
        return checked.tzinfo is not None and self.now - self.max_age <= checked <= self.now

    def get(self, key: str | None) -> KeptResult | None:
        """The kept result, if there is one and it is recent enough."""
        found = self._kept.get(key) if key else None
        if key is None or found is None or not self._fresh(found):
            return None
        self._used[key] = found
        return found

    def put(self, key: str | None, result: KeptResult) -> None:
        if key:
            self._used[key] = result

    def save(self) -> None:
        """Write this run's results and the kept ones still recent enough (older ones drop out).

        A cache that cannot be written only makes the next run slower."""
        if self.file is None:
            return
        results = {key: kept for key, kept in self._kept.items() if self._fresh(kept)} | self._used
        data = {
            key: {
                "checked_at": kept.checked_at,
                "errors": [asdict(issue) for issue in kept.errors],
                "to_review": [asdict(issue) for issue in kept.to_review],
            }
            for key, kept in results.items()
        }
        keep(self.file, json.dumps(data).encode())
