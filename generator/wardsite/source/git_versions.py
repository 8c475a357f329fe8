"""Every version of every file under the wards folder, from one ``git log``, to replay the folder at any date.

``git log --raw`` names, for each commit, the blob id each changed file had after it. Replaying
those changes in order gives the folder's files on any day without checking anything out (the
work tree is never touched), and ``git cat-file --batch`` then reads all the versions needed in
one process. 2,000 wards over two years is one ``git log`` and one ``cat-file``, not one process
per ward per month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wardsite.source.git_files import read_objects, run_git, top_folder

_RECORD = "\x1e"
_FIELD = "\x1f"
_NO_BLOB = "0" * 40


@dataclass(frozen=True)
class Commit:
    """One commit: the day it was made (UTC) and each changed file's blob after it (None: deleted)."""

    day: dt.date
    changes: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class FolderHistory:
    """The commits that changed the wards folder, oldest first; paths relative to the wards folder."""

    top: Path
    commits: tuple[Commit, ...]

    def files_on(self, day: dt.date) -> dict[str, str]:
        """``{path: blob id}`` of the files as committed at the end of ``day``."""
        files: dict[str, str] = {}
        for commit in self.commits:
            if commit.day > day:
                break
            _apply(files, commit)
        return files

    def last_changed_on(self, day: dt.date) -> dict[str, dt.date]:
        """Each file present at the end of ``day`` and the day it last changed."""
        changed: dict[str, dt.date] = {}
        for commit in self.commits:
            if commit.day > day:
                break
            for path, blob in commit.changes:
                if blob is None:
                    changed.pop(path, None)
                else:
                    changed[path] = commit.day
        return changed

    def read(self, blobs: Iterable[str]) -> dict[str, bytes | None]:
        """The contents of these blobs, in one ``git cat-file --batch``."""
        return read_objects(self.top, blobs)


def _apply(files: dict[str, str], commit: Commit) -> None:
    for path, blob in commit.changes:
        if blob is None:
            files.pop(path, None)
        else:
            files[path] = blob


def parse_raw_log(output: str, prefix: str) -> list[Commit]:
    """Parse ``git log --reverse --raw --no-abbrev --no-renames --format=%x1e%ct`` output (oldest first)."""
    commits = []
    strip = prefix.rstrip("/") + "/" if prefix not in ("", ".") else ""
    for record in output.split(_RECORD)[1:]:
        header, _, body = record.partition("\n")
        try:
            day = dt.datetime.fromtimestamp(int(header.strip()), dt.UTC).date()
        except ValueError:
            continue
        changes = []
        for line in body.splitlines():
            if not line.startswith(":"):
                continue
            meta, _, path = line.partition("\t")
            parts = meta.split()
            if len(parts) < 5 or not path.startswith(strip):
                continue
            blob = None if parts[4].startswith("D") or parts[3] == _NO_BLOB else parts[3]
            changes.append((path[len(strip) :], blob))
        commits.append(Commit(day, tuple(changes)))
    return commits


def folder_history(wards_dir: Path) -> FolderHistory | None:
    """The wards folder's history on the current branch (first parents), or None outside git."""
    top = top_folder(wards_dir)
    if top is None:
        return None
    try:
        inside = wards_dir.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return None
    output = run_git(
        top,
        "-c",
        "core.quotepath=off",
        "log",
        "--first-parent",
        "-m",
        "--reverse",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        f"--format={_RECORD}%ct",
        "HEAD",
        "--",
        inside,
    )
    if output is None:
        return None
    return FolderHistory(top, tuple(parse_raw_log(output, inside)))
