"""Built sites shared by the report, open-data and compare tests: each is built once per test run.

``fixture_site()`` is built from the hand-built wards in tests/fixtures/availability (known gaps,
an overdue ward); ``sample_site()`` from the shipped sample wards. Both on the pinned date.
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

from bs4 import BeautifulSoup

from tests.sitebuild import build_site

FIXTURE_WARDS = Path(__file__).parent / "fixtures" / "availability" / "wards"


def _temporary_folder(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, True)
    return folder


@functools.cache
def fixture_site() -> Path:
    return build_site(_temporary_folder("wardsite-fixture-site-") / "site", wards=FIXTURE_WARDS)


@functools.cache
def sample_site() -> Path:
    return build_site(_temporary_folder("wardsite-sample-site-") / "site")


def published_json(site: Path, path: str) -> Any:
    return json.loads((site / path).read_text(encoding="utf-8"))


def run_in_browser(page_file: Path, script: str, fragment: str = "") -> Any:
    """Run ``script`` in a copy of a built page in Debian's headless chromium; return what it reported.

    The script runs on the page's ``load`` event, after the site's own scripts set the page up,
    and reports by calling ``report(value)``: the value comes back as JSON. The copy sits beside
    the page, so its stylesheets and scripts load exactly as they do for a reader.
    """
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    harness = (
        "<script>window.addEventListener('load', function () {"
        "function report(value) { var pre = document.createElement('pre'); pre.id = 'test-report';"
        " pre.textContent = JSON.stringify(value); document.body.appendChild(pre); }"
        f"try {{ {script} }} catch (error) {{ report({{error: String(error)}}); }}"
        "});</script></body>"
    )
    html = page_file.read_text(encoding="utf-8")
    copy = page_file.with_name(f"test-{abs(hash(script))}.html")
    copy.write_text(html.replace("</body>", harness, 1), encoding="utf-8")
    completed = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=3000",
            "--dump-dom",
            copy.as_uri() + fragment,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = BeautifulSoup(completed.stdout, "html.parser").find("pre", id="test-report")
    if found is None:
        raise AssertionError(
            f"the page script did not report (exit {completed.returncode}):\n{completed.stderr[-2000:]}"
        )
    return json.loads(found.get_text())


def cell_labels(soup: BeautifulSoup, table_class: str) -> tuple[list[str], list[list[str]]]:
    """The column headings of ``table.<table_class>`` after the first, and each row's cell labels.

    On a phone each cell shows its ``data-label`` before its value (tables.css), so every row's
    labels must be the headings, in order.
    """
    table = soup.select_one(f"table.{table_class}")
    headings = [" ".join(th.get_text().split()) for th in table.select("thead th")][1:]
    rows = [[td.get("data-label", "") for td in tr.find_all("td")] for tr in table.select("tbody tr, tfoot tr")]
    return headings, rows
