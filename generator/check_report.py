"""What ``wardsite check`` reports, worked out folder by folder and remembered between runs.

Checking 2,000 wards takes seconds (reading, validating, scoring reading age), but a ward
manager runs ``wardsite check`` again and again while only their own file changes. A
provider folder's part of the report (its problems; each ward's reading-age and
missing-section warnings and review dates) depends only on the bytes of the files in that
folder, the ward names taken by the folders read before it, the reading-age target and
wardsite's own code. So each part is kept under a hash of exactly those, in one small file
in a cache folder, and the next run reads again only the folders whose key changed.
The date is not part of it: review states are worked out from the dates when printing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import sys
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from generator.availability import missing_category_warnings
from generator.catalogue import load_catalogue, load_provider, provider_folders, stray_problems
from generator.problems import Mark, Problem
from generator.readability import readability_warnings

_PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "textstat", "pyphen")


@dataclass(frozen=True)
class WardReport:
    """One valid ward's part of the report."""

    source_path: str
    last_reviewed: dt.date
    next_review_due: dt.date | None
    reading_age: tuple[Problem, ...]
    missing: tuple[Problem, ...]
    last_reviewed_at: Mark | None = None
    """Where ``review.last_reviewed`` is written, for problems about the date that depend on today."""


@dataclass(frozen=True)
class FolderReport:
    """One provider folder's part of the report, and the ward names it takes."""

    provider_name: str | None
    problems: tuple[Problem, ...]
    wards: tuple[WardReport, ...]
    names: tuple[tuple[str, str], ...]


@dataclass
class CheckReport:
    """Problems in file and line order (as ``load_catalogue`` gives them), and valid wards in catalogue order."""

    problems: list[Problem]
    wards: list[WardReport]


@cache
def code_fingerprint() -> bytes:
    """A hash of wardsite's own code and the libraries that shape its findings: any change empties the cache."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.digest()


def _folder_key(folder: Path, seen: dict[str, str], target: int) -> str:
    digest = hashlib.blake2b(code_fingerprint(), digest_size=20)
    digest.update(f"{folder}\0{target}\0".encode())
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        digest.update(f"{entry.name}\0{entry.is_dir()}\0".encode())
        if entry.is_file():
            data = Path(entry.path).read_bytes()
            digest.update(len(data).to_bytes(8, "little") + data)
        taken = seen.get(Path(entry.name).stem)
        if taken is not None:  # a name an earlier folder took decides this folder's problems
            digest.update(f"taken\0{taken}\0".encode())
    return digest.hexdigest()


def _report_folder(folder: Path, wards_dir: Path, seen: dict[str, str], target: int) -> FolderReport:
    before = set(seen)
    entry, problems = load_provider(folder, wards_dir, seen)
    wards = tuple(
        WardReport(w.source_path, w.ward.review.last_reviewed, w.ward.review.next_review_due, tuple(readability_warnings([w], target)), tuple(missing_category_warnings([w])), w.mark(("review", "last_reviewed")))
        for w in (entry.wards if entry else [])
    )
    names = tuple((slug, seen[slug]) for slug in seen if slug not in before)
    return FolderReport(entry.provider.name if entry else None, tuple(problems), wards, names)


def check_report(wards_dir: Path, reading_age: int, cache_dir: Path | None = None) -> CheckReport:
    """Everything ``wardsite check`` says about ``wards_dir``; with ``cache_dir``, unchanged folders are not read again."""
    if not wards_dir.is_dir():
        return CheckReport(load_catalogue(wards_dir).problems, [])
    store = _Store(cache_dir / f"check-{hashlib.blake2b(str(wards_dir.resolve()).encode(), digest_size=8).hexdigest()}.pickle") if cache_dir else None
    seen: dict[str, str] = {}
    problems = stray_problems(wards_dir)
    folders: list[FolderReport] = []
    for folder in provider_folders(wards_dir):
        key = _folder_key(folder, seen, reading_age)
        found = store.get(key) if store else None
        if found is None:
            found = _report_folder(folder, wards_dir, seen, reading_age)
            if store:
                store.put(key, found)
        else:
            seen.update(found.names)
        problems.extend(found.problems)
        folders.append(found)
    if store:
        store.save()
    folders = sorted((f for f in folders if f.provider_name is not None), key=lambda f: f.provider_name.lower())  # type: ignore[union-attr]
    return CheckReport(sorted(set(problems), key=lambda p: (p.sort_key, p.path)), [w for f in folders for w in f.wards])


class _Store:
    """The cached folder reports of one wards folder: one pickle file, replaced whole when anything changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.old: dict[str, FolderReport] = {}
        self.new: dict[str, FolderReport] = {}
        try:
            with path.open("rb") as file:
                loaded = pickle.load(file)
            if isinstance(loaded, dict):
                self.old = loaded
        except Exception:  # noqa: BLE001 - a missing, old or damaged cache is simply rebuilt
            self.old = {}

    def get(self, key: str) -> FolderReport | None:
        found = self.old.get(key)
        if isinstance(found, FolderReport):
            self.new[key] = found
            return found
        return None

    def put(self, key: str, report: FolderReport) -> None:
        self.new[key] = report

    def save(self) -> None:
        if self.new.keys() == self.old.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            with partial.open("wb") as file:
                pickle.dump(self.new, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, self.path)
        except OSError:
            pass  # a cache that cannot be written only makes the next run slower
