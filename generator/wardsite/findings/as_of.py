"""The ward files as committed on a past date, and what they published then: for inspections that look back.

"Was this ward's information current when we visited in March?" The git history knows. The
wards folder is replayed from ``git log`` (``wardsite.source.git_versions``) into a scratch
folder, never the work tree, and loaded as usual; each month of a 24-month history rewrites
only the files that changed that month, and a ``LoadCache`` keyed by file bytes validates each
version of a file once, so the cost follows the number of changes, not wards times months.

A past month never changes, so its figures are kept on disk (``MonthCache``), keyed by the files
committed that day, the day, the due-soon window and wardsite's code: a daily build works out
only the month it falls in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from wardsite.findings.availability import AvailabilityReport, availability_report
from wardsite.findings.review_dates import DEFAULT_DUE_SOON_DAYS
from wardsite.loading.cache import CACHE_VERSION, LoadCache, code_fingerprint
from wardsite.loading.catalogue import LoadResult, WardEntry, load_catalogue
from wardsite.source.git_versions import FolderHistory
from wardsite.source.kept import keep, read_kept_json

HISTORY_MONTHS = 24


@dataclass(frozen=True)
class MonthPoint:
    """One provider at the end of one month, worked out from the files as committed then."""

    month: dt.date
    """The last day of the month (or the report date, for the month it falls in)."""
    wards: int
    complete: int
    """Wards publishing every required category."""
    overdue: int
    """Wards overdue for review on that day."""

    @property
    def complete_percent(self) -> int | None:
        """Whole percent, rounded down; None when the provider had no wards yet (not 0%: nothing to count)."""
        return 100 * self.complete // self.wards if self.wards else None


class Replay:
    """A scratch copy of the wards folder that can be set to any day of its history."""

    def __init__(self, history: FolderHistory, folder: Path) -> None:
        self.history = history
        self.folder = folder
        self.cache: LoadCache[WardEntry] = LoadCache()
        self._written: dict[str, str] = {}
        self._blobs: dict[str, bytes | None] = {}

    def prefetch(self, days: Sequence[dt.date]) -> None:
        """Read every version needed for ``days`` in one ``git cat-file --batch``."""
        wanted = {blob for day in days for blob in self.history.files_on(day).values()}
        self._blobs.update(self.history.read(wanted - self._blobs.keys()))

    def load(self, day: dt.date) -> LoadResult:
        """The catalogue as committed at the end of ``day``."""
        files = self.history.files_on(day)
        missing = set(files.values()) - self._blobs.keys()
        if missing:
            self._blobs.update(self.history.read(missing))
        for path in set(self._written) - set(files):
            (self.folder / path).unlink(missing_ok=True)
            del self._written[path]
        for path, blob in files.items():
            if self._written.get(path) == blob:
                continue
            target = (self.folder / path).resolve()
            if not target.is_relative_to(self.folder.resolve()):
                continue  # a path git holds can never put a file outside the scratch folder
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self._blobs.get(blob) or b"")
            self._written[path] = blob
        for folder in sorted(self.folder.iterdir()):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        return load_catalogue(self.folder, self.cache)


@contextmanager
def replay(history: FolderHistory, name: str = "wards") -> Iterator[Replay]:
    """A ``Replay`` in a temporary folder named like the wards folder (so problems name files the same way)."""
    scratch = Path(tempfile.mkdtemp(prefix="wardsite-as-of-"))
    try:
        folder = scratch / name
        folder.mkdir()
        yield Replay(history, folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def report_as_of(
    history: FolderHistory, day: dt.date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS, name: str = "wards"
) -> tuple[AvailabilityReport, LoadResult]:
    """The inspectors' report as it stood at the end of ``day``: the files committed by then, review states that day.

    Each ward's ``last_changed`` is the day its file was last committed, up to ``day``.
    """
    with replay(history, name) as scratch:
        result = scratch.load(day)
    changed = history.last_changed_on(day)
    report = availability_report(result.catalogue, day, due_soon_days, last_changed=changed)
    return report, result


def month_ends(today: dt.date, months: int = HISTORY_MONTHS) -> list[dt.date]:
    """The last day of each of the ``months`` months up to ``today``'s, oldest first; ``today`` for its own month."""
    ends = []
    year, month = today.year, today.month
    for _ in range(months):
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        ends.append(min(last, today))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return ends[::-1]


Totals = dict[str, tuple[int, int, int]]
"""One day's figures: provider id -> (wards, wards with every required category, overdue wards)."""


class MonthCache:
    """Each day's ``Totals``, kept in ``keep_in`` (a folder CI can keep) between builds; data only.

    Only the days the latest history used are written back, so the file stays at 24 entries.
    Without a folder it keeps nothing, and every day is worked out.
    """

    def __init__(self, keep_in: Path | None) -> None:
        self.file = keep_in / CACHE_VERSION / "history-months.json" if keep_in else None
        self._old: dict[str, Totals] = self._read()
        self._used: dict[str, Totals] = {}

    def _read(self) -> dict[str, Totals]:
        loaded = read_kept_json(self.file) if self.file is not None else None
        kept: dict[str, Totals] = {}
        for key, totals in loaded.items() if isinstance(loaded, dict) else ():
            if isinstance(totals, dict) and all(_figures(value) for value in totals.values()):
                kept[key] = {provider: (value[0], value[1], value[2]) for provider, value in totals.items()}
        return kept

    @staticmethod
    def key(day: dt.date, due_soon_days: int, files: dict[str, str]) -> str:
        """The day, the window, wardsite's code and every file committed that day (path and blob)."""
        digest = hashlib.blake2b(code_fingerprint(), digest_size=16)
        digest.update(f"{day.isoformat()}\0{due_soon_days}\0".encode())
        for path, blob in sorted(files.items()):
            digest.update(f"{path}\0{blob}\0".encode())
        return digest.hexdigest()

    def get(self, key: str) -> Totals | None:
        found = self._used.get(key, self._old.get(key))
        if found is not None:
            self._used[key] = found
        return found

    def put(self, key: str, totals: Totals) -> None:
        self._used[key] = totals

    def save(self) -> None:
        """Write the days used, unless they are there already (a cache that cannot be written costs only time)."""
        if self.file is None or self._used == self._old:
            return
        if keep(self.file, json.dumps(self._used).encode()):
            self._old = dict(self._used)


def _figures(value: object) -> bool:
    return isinstance(value, list) and len(value) == 3 and all(type(n) is int and n >= 0 for n in value)


def _totals(report: AvailabilityReport) -> Totals:
    return {p.provider_id: (p.wards, p.wards_with_all_categories, p.review.overdue) for p in report.providers}


def monthly_history(
    history: FolderHistory,
    today: dt.date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    months: int = HISTORY_MONTHS,
    keep_in: Path | None = None,
) -> dict[str, list[MonthPoint]]:
    """For each provider folder, its completeness and overdue wards at the end of each of the last ``months`` months.

    With ``keep_in`` (the build's cache folder), days worked out before are read from there.
    """
    days = month_ends(today, months)
    cache = MonthCache(keep_in)
    keys = {day: cache.key(day, due_soon_days, history.files_on(day)) for day in days}
    by_day = {day: cache.get(keys[day]) for day in days}
    missing = [day for day, totals in by_day.items() if totals is None]
    if missing:
        with replay(history) as scratch:
            scratch.prefetch(missing)
            for day in missing:
                totals = by_day[day] = _totals(availability_report(scratch.load(day).catalogue, day, due_soon_days))
                cache.put(keys[day], totals)
    cache.save()
    providers = list(dict.fromkeys(provider for day in days for provider in by_day[day] or {}))
    return {
        provider: [MonthPoint(day, *(by_day[day] or {}).get(provider, (0, 0, 0))) for day in days]
        for provider in providers
    }
