"""Files as committed in git, read without touching the work tree, in one process for many files.

``git cat-file --batch`` answers any number of ``<commit>:<path>`` (or blob id) questions through
one pipe, so reading 2,000 ward files as they were on some date costs one process, not 2,000.
Outside git, or without git, nothing is found (``None``), and callers say so.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

GIT_TIMEOUT = 300


def top_folder(folder: Path) -> Path | None:
    """The top folder of the git work tree holding ``folder``, or None outside git."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None


def read_objects(repo: Path, names: Iterable[str]) -> dict[str, bytes | None]:
    """The contents of each object ``name`` (``<rev>:<path>`` or a blob id); None for one git does not have.

    Raises ``OSError`` when git cannot be run at all, so callers can tell "not in git" from "not there".
    """
    wanted = list(dict.fromkeys(names))
    if not wanted:
        return {}
    if any("\n" in name for name in wanted):
        raise ValueError("an object name cannot hold a line break")
    done = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "--batch"],
        input="".join(f"{name}\n" for name in wanted).encode(),
        capture_output=True,
        timeout=GIT_TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        raise OSError(done.stderr.decode("utf-8", "replace").strip() or "git cat-file failed")
    return _parse_batch(done.stdout, wanted)


def _parse_batch(out: bytes, wanted: list[str]) -> dict[str, bytes | None]:
    found: dict[str, bytes | None] = {}
    at = 0
    for name in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        at = end + 1
        if len(header) == 3 and header[1] in (b"blob", b"tree", b"commit", b"tag"):
            size = int(header[2])
            found[name] = out[at : at + size] if header[1] == b"blob" else None
            at += size + 1  # the contents are followed by a line break
        else:
            found[name] = None  # "<name> missing" (or ambiguous)
    return found


def run_git(repo: Path, *args: str) -> str | None:
    """The output of one git command, or None if it failed or git is missing."""
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
