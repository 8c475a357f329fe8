"""Build the test site into a temporary folder, the way a reader's site is built.

The wards come from ``tests/fixtures/wards`` (``SAMPLE_WARDS``), a fixed copy of the demo wards,
so the demo in ``wards/`` can change without changing what the tests expect.

MkDocs runs as a subprocess with the repo's mkdocs.yml; the plugin renders pages in memory,
so nothing is written into site_src. The date is pinned so tests never follow the calendar.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
PINNED_TODAY = "2026-11-26"
SAMPLE_WARDS = Path(__file__).resolve().parent / "fixtures" / "wards"


def build_site(
    site_dir: Path,
    today: str = PINNED_TODAY,
    wards: Path | None = None,
    settings: dict[str, object] | None = None,
    config: Path = REPO / "mkdocs.yml",
) -> Path:
    """Build the site from ``wards`` (default: the test wards, ``SAMPLE_WARDS``) into ``site_dir``,
    strictly, as ``wardsite build`` does; ``settings`` go to the wardsite plugin (``accessibility_report``...)."""
    build_site_saying(site_dir, today, wards, settings, config)
    return site_dir


def build_site_saying(
    site_dir: Path,
    today: str = PINNED_TODAY,
    wards: Path | None = None,
    settings: dict[str, object] | None = None,
    config: Path = REPO / "mkdocs.yml",
) -> str:
    """``build_site``, giving back what the build said on its standard error (its steps and warnings)."""
    chosen: dict[str, object] = {"today": today, **(settings or {})}
    chosen["wards"] = str((wards or SAMPLE_WARDS).resolve())
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "wardsite.site.mkdocs_run",
            "build",
            "--config-file",
            str(config),
            "--site-dir",
            str(site_dir),
            "--settings",
            json.dumps(chosen),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if completed.returncode != 0:
        raise AssertionError(f"site build failed:\n{completed.stdout}\n{completed.stderr}")
    return completed.stderr


def page(site_dir: Path, url_path: str) -> BeautifulSoup:
    """Parse the HTML a reader gets at ``url_path`` (such as ``wards/example-valley-nhs-ft/heron-ward/``)."""
    file = site_dir / url_path / "index.html" if not url_path.endswith(".html") else site_dir / url_path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    """The visible text of the page content, whitespace collapsed."""
    article = soup.select_one("article") or soup
    return " ".join(article.get_text(" ").split())


def copy_project(folder: Path) -> Path:
    """A provider's repository as ``wardsite init`` leaves it, with the test wards: the configs, the
    wards and the docs folder's editor schemas. Everything else comes from the installed package."""
    for name in ("mkdocs.yml", "mkdocs-offline.yml"):
        shutil.copy(REPO / name, folder / name)
    shutil.copytree(SAMPLE_WARDS, folder / "wards")
    shutil.copytree(REPO / "site_src" / "schema", folder / "site_src" / "schema")
    return folder


@functools.cache
def a11y_tool_dir() -> Path:
    """The accessibility checker's Node packages, installed once per user as `wardsite a11y` installs them."""
    from wardsite.accessibility.tools import ensure_installed
    from wardsite.cli.options import tools_folder

    return ensure_installed(tools_folder())
