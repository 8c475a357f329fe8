"""What ``wardsite check`` reports, worked out folder by folder and remembered between runs.

Checking 2,000 wards takes seconds (reading, validating, scoring reading age), but a ward
manager runs ``wardsite check`` again and again while only their own file changes. A
provider folder's part of the report (its problems; each ward's reading-age and
missing-section warnings and review dates) depends only on the bytes of the files in that
folder, the reading-age target and wardsite's own code (ward names are scoped by provider, so
no folder's findings depend on another's). So each part is kept under a hash of exactly those, in one small file
in a cache folder, and the next run reads again only the folders whose key changed.
The date is not part of it: review states are worked out from the dates when printing.

The file is plain JSON, read back through the report's own types: a cache folder may be
shared or restored from elsewhere, so reading it must never run code, and an entry that is
not exactly a folder report is simply not there (that folder is read again).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from wardsite.findings.availability import missing_category_warnings
from wardsite.findings.maintainers import no_maintainers_warning
from wardsite.findings.readability import free_text, readability_warnings
from wardsite.loading.cache import LoadCache, code_fingerprint
from wardsite.loading.catalogue import WardEntry, load_catalogue, load_provider, provider_folders, stray_problems
from wardsite.loading.dates import DatedField, dated_fields
from wardsite.problems import Mark, Problem
from wardsite.source.kept import keep, read_kept_json
from wardsite.source.reader import read_capped


@dataclass(frozen=True)
class WardReport:
    """One valid ward's part of the report."""

    source_path: str
    last_reviewed: dt.date
    next_review_due: dt.date | None
    reading_age: tuple[Problem, ...]
    missing: tuple[Problem, ...]
    reading_key: str = ""
    """What ``reading_age`` was worked out from (see ``_reading_age``), so it can be reused."""
    dated: tuple[DatedField, ...] = ()
    """The dates of checks the ward wrote (review and sections), for the rule that none is after today."""

    @property
    def last_reviewed_at(self) -> Mark | None:
        """Where ``review.last_reviewed`` is written (one of ``dated``), for review-state problems."""
        return next((mark for path, _day, mark in self.dated if path == "review.last_reviewed"), None)


@dataclass(frozen=True)
class FolderReport:
    """One provider folder's part of the report."""

    provider_name: str | None
    problems: tuple[Problem, ...]
    wards: tuple[WardReport, ...]


@dataclass
class CheckReport:
    """Problems in file and line order (as ``load_catalogue`` gives them), and valid wards in catalogue order."""

    problems: list[Problem]
    wards: list[WardReport]


@dataclass(frozen=True)
class _Folder:
    """A provider folder and its cache key (a hash of its files' names and bytes)."""

    path: Path
    key: str


def _folder(folder: Path, target: int) -> _Folder:
    digest = hashlib.blake2b(code_fingerprint(), digest_size=20)
    digest.update(f"{folder}\0{target}\0".encode())
    entries = sorted(os.scandir(folder), key=lambda e: e.name)
    for entry in entries:
        try:  # a link's target is part of the key: where it leads decides whether it is read
            kind = "folder" if entry.is_dir() else "file" if entry.is_file() else "other"
            link = os.readlink(entry.path) if entry.is_symlink() else ""
        except OSError:  # a link that loops
            kind, link = "unreadable", ""
        digest.update(f"{entry.name}\0{kind}\0{link}\0".encode())
        if kind == "file":
            try:
                data, size = read_capped(Path(entry.path))  # a huge file is a problem, not something to hash whole
            except OSError:  # unreadable: the loader reports it, and a folder with it is never cached as clean
                data, size = os.urandom(16), 0
            digest.update(size.to_bytes(8, "little") + data)
    return _Folder(folder, digest.hexdigest())


def _reading_age(
    ward: WardEntry, target: int, known: Mapping[str, tuple[Problem, ...]]
) -> tuple[str, tuple[Problem, ...]]:
    """The ward's reading-age warnings, and their key: its free texts and where they are written.

    Most edits (a phone number, a date, visiting times) change no free text, so the warnings of
    the last run are reused and nothing is scored (which would first load pyphen's dictionary).
    """
    texts = [(path, text, ward.mark(path)) for path, text in free_text(ward.ward)]
    key = hashlib.blake2b(
        repr((code_fingerprint(), target, ward.source_path, texts)).encode(), digest_size=20
    ).hexdigest()
    found = known.get(key)
    return key, found if found is not None else tuple(readability_warnings([ward], target))


def _report_folder(
    folder: Path,
    wards_dir: Path,
    target: int,
    known: Mapping[str, tuple[Problem, ...]] | None = None,
    loads: LoadCache[WardEntry] | None = None,
) -> FolderReport:
    entry, problems = load_provider(folder, wards_dir, loads)
    wards = []
    for w in entry.wards if entry else []:
        reading_key, reading = _reading_age(w, target, known or {})
        wards.append(
            WardReport(
                w.source_path,
                w.ward.review.last_reviewed,
                w.ward.review.next_review_due,
                reading,
                tuple(missing_category_warnings([w])),
                reading_key,
                dated_fields(w.ward, w.mark),
            )
        )
    unmaintained = no_maintainers_warning(entry) if entry else None
    if unmaintained:
        problems.append(unmaintained)
    return FolderReport(entry.provider.name if entry else None, tuple(problems), tuple(wards))


def check_report(
    wards_dir: Path, reading_age: int, cache_dir: Path | None = None, workers: int | None = None
) -> CheckReport:
    """Everything ``wardsite check`` says about ``wards_dir``; with ``cache_dir``, unchanged folders are not read again.

    Folders the cache does not have are read by ``workers`` processes at once (default: one per
    core), when there are enough of them to be worth it (the first run on a machine).
    """
    if not wards_dir.is_dir():
        return CheckReport(load_catalogue(wards_dir).problems, [])
    store = (
        _Store(
            cache_dir / f"check-{hashlib.blake2b(str(wards_dir.resolve()).encode(), digest_size=8).hexdigest()}.json"
        )
        if cache_dir
        else None
    )
    folders = [_folder(path, reading_age) for path in provider_folders(wards_dir)]
    ahead = _read_ahead(
        [f for f in folders if not (store and store.has(f.key))], wards_dir, reading_age, workers, cache_dir
    )
    loads: LoadCache[WardEntry] | None = LoadCache(cache_dir) if cache_dir else None  # what build reads too
    problems = stray_problems(wards_dir)
    reports: list[FolderReport] = []
    for folder in folders:
        found = (store.get(folder.key) if store else None) or ahead.get(folder.path)
        if found is None:
            found = _report_folder(folder.path, wards_dir, reading_age, store.reading_ages() if store else None, loads)
        if store:
            store.put(folder.key, found)
        problems.extend(found.problems)
        reports.append(found)
    if store:
        store.save()
    if loads:
        loads.save()
    reports = sorted((r for r in reports if r.provider_name is not None), key=lambda r: r.provider_name.lower())  # type: ignore[union-attr]
    return CheckReport(sorted(set(problems), key=lambda p: (p.sort_key, p.path)), [w for r in reports for w in r.wards])


MIN_FOLDERS_TO_SHARE = 8
"""Fewer folders to read than this are read in this process: starting workers would cost more."""


def _read_alone(folder: Path, wards_dir: Path, target: int, keep_in: Path | None) -> tuple[Path, FolderReport]:
    loads: LoadCache[WardEntry] | None = LoadCache(keep_in) if keep_in else None
    report = _report_folder(folder, wards_dir, target, loads=loads)
    if loads:
        loads.save()  # each folder's read files are kept in a file of its own, so workers never share one
    return folder, report


def _read_ahead(
    folders: list[_Folder], wards_dir: Path, target: int, workers: int | None, keep_in: Path | None = None
) -> dict[Path, FolderReport]:
    """Reports for ``folders``, read in worker processes."""
    workers = min(workers or os.cpu_count() or 1, len(folders))
    if workers < 2 or len(folders) < MIN_FOLDERS_TO_SHARE or "fork" not in multiprocessing.get_all_start_methods():
        return {}
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return dict(
            pool.map(
                _read_alone,
                [f.path for f in folders],
                [wards_dir] * len(folders),
                [target] * len(folders),
                [keep_in] * len(folders),
                chunksize=4,
            )
        )


_REPORT = TypeAdapter(FolderReport)
_REPORTS = TypeAdapter(dict[str, FolderReport])


class _Store:
    """The cached folder reports of one wards folder: one JSON file, replaced whole when anything changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.old: dict[str, FolderReport] = {}
        self.new: dict[str, FolderReport] = {}
        loaded = read_kept_json(path)
        if isinstance(loaded, dict):
            for key, value in loaded.items():
                try:
                    self.old[key] = _REPORT.validate_python(value)
                except (ValidationError, RecursionError):
                    continue  # not a folder report: that folder is read again

    def reading_ages(self) -> dict[str, tuple[Problem, ...]]:
        """Every ward's reading-age warnings from the last run, by what they were worked out from."""
        return {w.reading_key: w.reading_age for report in self.old.values() for w in report.wards if w.reading_key}

    def has(self, key: str) -> bool:
        return key in self.old

    def get(self, key: str) -> FolderReport | None:
        found = self.old.get(key)
        if found is not None:
            self.new[key] = found
        return found

    def put(self, key: str, report: FolderReport) -> None:
        self.new[key] = report

    def save(self) -> None:
        if self.new.keys() == self.old.keys():
            return
        keep(self.path, _REPORTS.dump_json(self.new))
