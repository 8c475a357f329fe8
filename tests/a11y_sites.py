"""Helpers for the accessibility tests: an overdue build of the sample site, and `wardsite a11y`.

The current-date sample site is shared with other tests (tests/inspector_sites.sample_site).
The overdue build pins a date years after every sample ward's review was due, so every ward
page and Easy Read page carries its out-of-date warning.
"""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from tests.sitebuild import SAMPLE_WARDS, a11y_tool_dir, build_site
from wardsite.cli import main

OVERDUE_TODAY = "2031-01-01"


@functools.cache
def overdue_site() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="wardsite-overdue-site-"))
    atexit.register(shutil.rmtree, folder, True)
    return build_site(folder / "site", today=OVERDUE_TODAY)


def run_a11y(*args: str) -> Result:
    """Run `wardsite a11y ARGS...` and return click's result (output and exit code)."""
    return CliRunner().invoke(main, ["a11y", *args], catch_exceptions=False)


def copy_theme(site: Path, to: Path) -> None:
    """Copy a built site's styles, scripts and pictures (not its pages) into ``to``."""
    for folder in ("assets", "stylesheets", "javascripts", "images"):
        shutil.copytree(site / folder, to / folder)


PROBE = """
const puppeteer = require("puppeteer");
const [url, media, javascript, width, height, script] = process.argv.slice(1);
(async () => {
  const browser = await puppeteer.launch({args: ["--no-sandbox", "--disable-gpu"]});
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(javascript === "on");
    await page.setViewport({width: Number(width), height: Number(height)});
    await page.goto(url, {waitUntil: "load"});
    await page.emulateMediaType(media);
    const result = await page.evaluate(new Function("return (async () => {" + script + "})();"));
    process.stdout.write(JSON.stringify(result));
  } finally {
    await browser.close();
  }
})().catch(error => { console.error(error); process.exit(1); });
"""


def in_chromium(
    page_file: Path, script: str, media: str = "screen", javascript: bool = True, width: int = 1280, height: int = 900
) -> Any:
    """Open a built page in Debian's chromium (through puppeteer) and return what ``script`` returns.

    ``media`` is "screen" or "print" (the page as it prints); ``javascript`` off shows the page
    as a reader without JavaScript gets it; ``width`` and ``height`` are the window's size in CSS
    pixels. The script is the body of an async function.
    """
    ran = subprocess.run(
        [
            "node",
            "-e",
            PROBE,
            page_file.as_uri(),
            media,
            "on" if javascript else "off",
            str(width),
            str(height),
            script,
        ],
        cwd=a11y_tool_dir(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if ran.returncode != 0:
        raise AssertionError(f"the browser script failed:\n{ran.stderr[-3000:]}")
    return json.loads(ran.stdout)


def build_with_tabs(folder: Path) -> Path:
    """The sample site built with Material's navigation tabs switched on (mkdocs.yml plus one feature)."""
    repo = Path(__file__).resolve().parent.parent
    config = folder / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {repo / 'mkdocs.yml'}\n"
        f"docs_dir: {repo / 'site_src'}\n"
        "theme:\n  name: material\n  features:\n    - navigation.tabs\n    - navigation.sections\n    - "
        "search.suggest\n",
        encoding="utf-8",
    )
    site = build_site(folder / "site", "2026-11-26", wards=SAMPLE_WARDS, config=config)
    return site
