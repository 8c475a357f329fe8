"""Build the site into a staging folder and swap it into place only when everything worked.

After a failed build the previous site folder is exactly as it was; after a good one the
new site takes its place in one step (see ``exchange``), so a web server serving it never
finds it missing or half-written. The site builder (MkDocs today) runs as a subprocess,
so the core never imports it.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wardsite.site.exchange import exchange

if sys.platform != "win32":
    import fcntl


@dataclass(frozen=True)
class BuildOutcome:
    """What the builder said, and whether the site folder was replaced."""

    ok: bool
    output: str
    shown: bool = False
    """Whether ``output`` was already passed to the caller's ``show`` as it came."""


def builder_command(
    config_file: Path, site_dir: Path, settings: dict[str, Any], progress_bar: bool = False
) -> list[str]:
    """The MkDocs run (``wardsite.site.mkdocs_run``), with ``settings`` for the wardsite plugin."""
    return [
        sys.executable,
        "-m",
        "wardsite.site.mkdocs_run",
        "build",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site_dir),
        "--settings",
        json.dumps(settings),
        *(["--progress-bar"] if progress_bar else []),
    ]


def _run_showing_output(command: list[str], timeout: int, show: Callable[[str], None] | None) -> tuple[int, str]:
    """Run ``command``; pass its output to ``show`` as it comes (progress), and return its status and output."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=os.environ.copy())
    assert process.stdout is not None
    chunks: list[str] = []
    deadline = time.monotonic() + timeout
    with process.stdout:
        while chunk := process.stdout.read1(4096):  # type: ignore[attr-defined]
            text = chunk.decode("utf-8", errors="replace")
            chunks.append(text)
            if show is not None:
                show(text)
            if time.monotonic() > deadline:
                process.kill()
                raise subprocess.TimeoutExpired(command, timeout)
    return process.wait(), "".join(chunks)


def build_and_swap(
    config_file: Path,
    site_dir: Path,
    settings: dict[str, Any],
    timeout: int = 1800,
    show: Callable[[str], None] | None = None,
    progress_bar: bool = False,
) -> BuildOutcome:
    """Build into a sibling staging folder, then put it in ``site_dir``'s place in one step.

    ``show`` receives the builder's output as it is written (the CLI prints it, so long builds show progress).
    The staging folder gets the permissions any new folder would (the umask), not the private
    ones a temporary folder has. Staging folders left by a build that was killed are removed
    first. Problems with the target are returned in plain words, never raised.
    """
    site_dir = site_dir.resolve()  # a site folder that is a link: the folder it points to is replaced
    if site_dir.exists() and not site_dir.is_dir():
        return BuildOutcome(False, f"{site_dir} is not a folder: move it away or choose another --site-dir.")
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=staging_prefix(site_dir), dir=site_dir.parent))
    except OSError as error:
        return BuildOutcome(False, f"cannot write the site next to {site_dir}: {error.strerror or error}.")
    with _held(staging):
        outcome = _build_into(config_file, staging, settings, timeout, show, progress_bar)
        if not outcome.ok:
            shutil.rmtree(staging, ignore_errors=True)
            return outcome
        try:
            os.chmod(staging, 0o777 & ~_umask())
            _swap(staging, site_dir)
        except OSError as error:
            shutil.rmtree(staging, ignore_errors=True)
            return BuildOutcome(False, f"cannot replace {site_dir}: {error.strerror or error}.")
    shutil.rmtree(staging, ignore_errors=True)  # it now holds the previous site (a later build removes what is left)
    return outcome


def _build_into(
    config_file: Path,
    staging: Path,
    settings: dict[str, Any],
    timeout: int,
    show: Callable[[str], None] | None,
    progress_bar: bool,
) -> BuildOutcome:
    try:
        returncode, output = _run_showing_output(
            builder_command(config_file, staging, settings, progress_bar), timeout, show
        )
    except subprocess.TimeoutExpired:
        return BuildOutcome(False, f"the site builder took longer than {timeout} seconds and was stopped.")
    output = output.strip()
    if returncode != 0 or not (staging / "index.html").is_file():
        return BuildOutcome(
            False, output or f"the site builder exited with status {returncode}.", bool(output and show)
        )
    return BuildOutcome(True, output, show is not None)


def _swap(staging: Path, site_dir: Path) -> None:
    """Put ``staging`` at ``site_dir``; afterwards ``staging`` holds the previous site, if there was one."""
    if not site_dir.exists():
        staging.rename(site_dir)  # one step already
    elif not exchange(staging, site_dir):  # this system cannot swap in one step: two renames, as close as can be
        previous = Path(tempfile.mkdtemp(prefix=staging_prefix(site_dir), dir=site_dir.parent))
        previous.rmdir()
        site_dir.rename(previous)
        staging.rename(site_dir)
        previous.rename(staging)


def staging_prefix(site_dir: Path) -> str:
    """``.site-staging-`` for ``site``: staging folders are hidden siblings of the site folder."""
    return f".{site_dir.name}-staging-"


def remove_stale_staging(site_dir: Path) -> list[Path]:
    """Remove staging folders of ``site_dir`` that no running build holds (left by a build that was killed)."""
    removed = []
    for folder in sorted(site_dir.parent.glob(f"{glob.escape(staging_prefix(site_dir))}*")):
        if folder.is_dir() and not folder.is_symlink() and _unheld(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    legacy = site_dir.with_name(f"{site_dir.name}.previous")  # left by older versions' two-rename swap
    if legacy.is_dir() and not legacy.is_symlink():
        shutil.rmtree(legacy, ignore_errors=True)
        removed.append(legacy)
    return removed


@contextmanager
def _held(folder: Path) -> Iterator[None]:
    """Hold a lock on ``folder`` while building in it, so another build never takes it for a stale one."""
    if sys.platform == "win32":  # no flock: see _unheld
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _unheld(folder: Path) -> bool:
    if sys.platform == "win32":  # no locks here: only folders untouched for a day are taken as stale
        try:
            return time.time() - folder.stat().st_mtime > 86_400
        except OSError:
            return False
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(descriptor)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
