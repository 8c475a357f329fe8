"""Build the site into a staging folder and swap it into place only when everything worked.

After a failed build the previous site folder is exactly as it was. The site builder
(MkDocs today) runs as a subprocess, so the core never imports it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


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
    """Build into a sibling staging folder, then replace ``site_dir`` with it in two renames.

    ``show`` receives the builder's output as it is written (the CLI prints it, so long builds show progress).
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-staging-", dir=site_dir.parent))
    try:
        returncode, output = _run_showing_output(
            builder_command(config_file, staging, settings, progress_bar), timeout, show
        )
    except subprocess.TimeoutExpired:
        shutil.rmtree(staging, ignore_errors=True)
        return BuildOutcome(False, f"the site builder took longer than {timeout} seconds and was stopped.")
    output = output.strip()
    if returncode != 0 or not (staging / "index.html").is_file():
        shutil.rmtree(staging, ignore_errors=True)
        return BuildOutcome(
            False, output or f"the site builder exited with status {returncode}.", bool(output and show)
        )
    previous = site_dir.with_name(site_dir.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return BuildOutcome(True, output, show is not None)
