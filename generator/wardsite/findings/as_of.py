"""The ward files as committed on a past date, and what they published then: for inspections that look back.

"Was this ward's information current when we visited in March?" The git history knows. The
wards folder is replayed from ``git log`` (``wardsite.source.git_versions``) into a scratch
folder, never the work tree, and loaded as usual; each month of a 24-month history rewrites
only the files that changed that month, and a ``LoadCache`` keyed by file bytes validates each
version of a file once, so the cost follows the number of changes, not wards times months.
"""

from __future__ import annotations

import calendar
import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from wardsite.findings.availability import AvailabilityReport, availability_report
from wardsite.findings.review_dates import DEFAULT_DUE_SOON_DAYS
from wardsite.loading.cache import LoadCache
from wardsite.loading.catalogue import LoadResult, load_catalogue
from wardsite.source.git_versions import FolderHistory

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
    def complete_percent(self) -> int:
        """Whole percent, rounded down; 0 when the provider had no wards."""
        return 100 * self.complete // self.wards if self.wards else 0


class Replay:
    """A scratch copy of the wards folder that can be set to any day of its history."""

    def __init__(self, history: FolderHistory, folder: Path) -> None:
        self.history = history
        self.folder = folder
        self.cache = LoadCache()
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


def monthly_history(
    history: FolderHistory, today: dt.date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS, months: int = HISTORY_MONTHS
) -> dict[str, list[MonthPoint]]:
    """For each provider folder, its completeness and overdue wards at the end of each of the last ``months`` months."""
    days = month_ends(today, months)
    found: dict[str, list[MonthPoint]] = {}
    with replay(history) as scratch:
        scratch.prefetch(days)
        for day in days:
            report = availability_report(scratch.load(day).catalogue, day, due_soon_days)
            for provider in report.providers:
                found.setdefault(provider.provider_id, [])
            by_id = {p.provider_id: p for p in report.providers}
            for provider_id, points in found.items():
                totals = by_id.get(provider_id)
                points.append(
                    MonthPoint(
                        day,
                        totals.wards if totals else 0,
                        totals.wards_with_all_categories if totals else 0,
                        totals.review.overdue if totals else 0,
                    )
                )
    width = len(days)
    return {pid: [MonthPoint(d, 0, 0, 0) for d in days[: width - len(p)]] + p for pid, p in found.items()}
