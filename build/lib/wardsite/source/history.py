"""Recent changes to each ward file, read from git, for the "About this information" section.

One ``git log`` runs for the whole wards folder (never one per file), so 2,000 wards cost
one process. Outside a git repository, or without git, there is simply no history.
Commit subjects are published, so one that looks like it holds an NHS number is replaced.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from wardsite.source.reader import nhs_number_offsets

DEFAULT_PER_FILE = 5
_RECORD = "\x1e"
_FIELD = "\x1f"
_WITHHELD = "Changed the ward information."

History = Mapping[str, Sequence["FileChange"]]
"""Changes keyed by the file's path inside the wards folder, such as ``provider/heron-ward.yaml``."""


@dataclass(frozen=True)
class FileChange:
    """One commit that changed a file: the day it was committed and its one-line subject."""

    date: dt.date
    subject: str


def history_key(provider_slug: str, ward_slug: str) -> str:
    """The key of a ward file in a ``History``."""
    return f"{provider_slug}/{ward_slug}.yaml"


def parse_log(output: str, per_file: int = DEFAULT_PER_FILE) -> dict[str, list[FileChange]]:
    """Parse ``git log --format=%x1e%cs%x1f%s --name-only`` output, newest commit first."""
    changes: dict[str, list[FileChange]] = {}
    for record in output.split(_RECORD)[1:]:
        header, _, names = record.partition("\n")
        day, _, subject = header.partition(_FIELD)
        try:
            date = dt.date.fromisoformat(day.strip())
        except ValueError:
            continue
        subject = subject.strip() or _WITHHELD
        if nhs_number_offsets(subject):
            subject = _WITHHELD
        for name in names.splitlines():
            name = name.strip()
            if name and len(changes.setdefault(name, [])) < per_file:
                changes[name].append(FileChange(date, subject))
    return changes


def file_history(
    wards_dir: Path, per_file: int = DEFAULT_PER_FILE, timeout: int = 120
) -> dict[str, list[FileChange]] | None:
    """The newest ``per_file`` commits for every file under ``wards_dir``, or None outside git."""
    command = [
        "git",
        "-C",
        str(wards_dir),
        "log",
        "--no-merges",
        "--relative",
        f"--format={_RECORD}%cs{_FIELD}%s",
        "--name-only",
        "--",
        ".",
    ]
    try:
        completed = subprocess.run(
            command, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if completed.returncode != 0:
        return None
    return parse_log(completed.stdout, per_file)
