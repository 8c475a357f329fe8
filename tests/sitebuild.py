"""Build the sample site into a temporary folder, the way a reader's site is built.

MkDocs runs as a subprocess with the repo's mkdocs.yml; the hook renders pages in memory,
so nothing is written into site_src. The date is pinned so tests never follow the calendar.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
PINNED_TODAY = "2026-11-26"


def build_site(
    site_dir: Path, today: str = PINNED_TODAY, wards: Path | None = None, extra_env: dict[str, str] | None = None
) -> Path:
    """Build the site from ``wards`` (default: the shipped samples) into ``site_dir``."""
    env = {**os.environ, "WARDSITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    env.pop("WARDSITE_PAGES_GENERATED", None)
    if wards is not None:
        env["WARDSITE_WARDS"] = str(wards.resolve())
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--config-file",
            str(REPO / "mkdocs.yml"),
            "--site-dir",
            str(site_dir),
            "--quiet",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if completed.returncode != 0:
        raise AssertionError(f"site build failed:\n{completed.stdout}\n{completed.stderr}")
    return site_dir


def page(site_dir: Path, url_path: str) -> BeautifulSoup:
    """Parse the HTML a reader gets at ``url_path`` (such as ``wards/heron-ward/``)."""
    file = site_dir / url_path / "index.html" if not url_path.endswith(".html") else site_dir / url_path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    """The visible text of the page content, whitespace collapsed."""
    article = soup.select_one("article") or soup
    return " ".join(article.get_text(" ").split())
