"""Recent changes to each ward file, read from git, for the inspectors' change history pages.

One ``git log`` runs for the whole wards folder (never one per file), so 2,000 wards cost
one process. Outside a git repository, or without git, there is simply no history.
Commit subjects are published (on the inspectors' change history pages), so one that looks like it
holds an NHS number is replaced, and anyone who can commit writes them: terminal codes, control and
bidi characters are removed, the length is capped, and each ``git log`` run separates its records
with a marker no subject can forge.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import subprocess
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from wardsite.source.reader import nhs_number_offsets

DEFAULT_PER_FILE = 5
_RECORD = "\x1e"
_FIELD = "\x1f"
_WITHHELD = "Changed the ward information."
MAX_SUBJECT = 120
"""Longest subject published, in characters; a longer one is cut at a word and ends with an ellipsis."""
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Unicode categories removed from subjects: controls, format characters (bidi overrides such as
U+202E, zero-width marks), surrogates, private use, unassigned and non-characters, line and paragraph separators."""
_TERMINAL_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")
"""A terminal colour or cursor code (ECMA-48), dropped whole so none of it is published."""

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


def clean_subject(subject: str) -> str:
    """The subject as it may be published: one line of visible text, at most ``MAX_SUBJECT`` characters.

    Terminal codes (the escape and all that follows it) and invisible characters are dropped and
    any run of spaces (of any kind) becomes one space, so a subject can neither reorder the text
    around it nor look like a second entry. The NHS-number scan sees the whole visible text,
    before it is cut.
    """
    spaced = "".join(" " if c.isspace() else c for c in _TERMINAL_ESCAPE.sub("", subject))
    visible = "".join(c for c in spaced if unicodedata.category(c) not in _INVISIBLE)
    text = " ".join(visible.split())
    if nhs_number_offsets(text):
        return _WITHHELD
    if len(text) > MAX_SUBJECT:
        cut = text[: MAX_SUBJECT - 1]
        word_end = cut.rfind(" ")
        text = (cut[:word_end] if word_end > MAX_SUBJECT // 2 else cut).rstrip() + "\u2026"
    return text or _WITHHELD


def parse_log(output: str, per_file: int = DEFAULT_PER_FILE, marker: str = _RECORD) -> dict[str, list[FileChange]]:
    """Parse ``git log --format=<marker>%cs%x1f%s --name-only`` output, newest commit first."""
    changes: dict[str, list[FileChange]] = {}
    for record in output.split(marker)[1:]:
        header, _, names = record.partition("\n")
        day, _, subject = header.partition(_FIELD)
        try:
            date = dt.date.fromisoformat(day.strip())
        except ValueError:
            continue
        subject = clean_subject(subject)
        for name in names.splitlines():
            name = name.strip()
            if name and len(changes.setdefault(name, [])) < per_file:
                changes[name].append(FileChange(date, subject))
    return changes


def file_history(
    wards_dir: Path, per_file: int = DEFAULT_PER_FILE, timeout: int = 120
) -> dict[str, list[FileChange]] | None:
    """The newest ``per_file`` commits for every file under ``wards_dir``, or None outside git."""
    marker = f"{_RECORD}{secrets.token_hex(8)}{_RECORD}"  # new each run: a subject written beforehand cannot hold it
    command = [
        "git",
        "-C",
        str(wards_dir),
        "log",
        "--no-merges",
        "--relative",
        f"--format={marker}%cs{_FIELD}%s",
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
    return parse_log(completed.stdout, per_file, marker)
