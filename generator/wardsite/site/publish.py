"""Build the site into a staging folder and swap it into place only when everything worked.

After a failed build the previous site folder is exactly as it was. The site builder
(MkDocs today) runs as a subprocess, so the core never imports it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildOutcome:
    """What the builder said, and whether the site folder was replaced."""

    ok: bool
    output: str


def builder_command(config_file: Path, site_dir: Path) -> list[str]:
    """The MkDocs command line; the hook is told the pages are already generated."""
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site_dir),
        "--quiet",
    ]


def build_and_swap(config_file: Path, site_dir: Path, env: dict[str, str], timeout: int = 1800) -> BuildOutcome:
    """Build into a sibling staging folder, then replace ``site_dir`` with it in two renames."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-staging-", dir=site_dir.parent))
    try:
        completed = subprocess.run(
            builder_command(config_file, staging),
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        shutil.rmtree(staging, ignore_errors=True)
        return BuildOutcome(False, f"the site builder took longer than {timeout} seconds and was stopped.")
    output = (completed.stdout + completed.stderr).strip()
    if completed.returncode != 0 or not (staging / "index.html").is_file():
        shutil.rmtree(staging, ignore_errors=True)
        return BuildOutcome(False, output or f"the site builder exited with status {completed.returncode}.")
    previous = site_dir.with_name(site_dir.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return BuildOutcome(True, output)
