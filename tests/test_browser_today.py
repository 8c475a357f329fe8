"""In the reader's browser, "today" is the date in England, whatever zone the device is set to.

The page marks today's visiting row and shows the out-of-date banner once the review date has
passed. Both are worked out from the London date, so a device set to Kiritimati, Kiribati (14 hours ahead)
or American Samoa (11 hours behind) sees the same day as a reader in London. Checked in
Debian's chromium, started with another TZ and with its clock pinned to a known instant.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.inspector_sites import sample_site
from tests.sitebuild import a11y_tool_dir

PROBE = """
const puppeteer = require("puppeteer");
const [url, instant] = process.argv.slice(1);
(async () => {
  const browser = await puppeteer.launch({args: ["--no-sandbox", "--disable-gpu"]});
  try {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(fixed => {
      const Real = Date;
      class Pinned extends Real {
        constructor(...args) { if (args.length === 0) { super(fixed); } else { super(...args); } }
        static now() { return fixed; }
      }
      window.Date = Pinned;
    }, Number(instant));
    await page.goto(url, {waitUntil: "load"});
    const found = await page.evaluate(() => {
      const now = new Date();
      const banner = document.querySelector("[data-ward-overdue-banner]");
      return {
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        deviceDay: now.getDate(),
        bannerShown: !banner.hidden,
        markedRows: [...document.querySelectorAll("table.ward-visiting tr.ward-today")].map(r => r.dataset.weekday),
        labelsShown: [...document.querySelectorAll("table.ward-visiting .ward-today-label")]
          .filter(label => !label.hidden).length,
      };
    });
    process.stdout.write(JSON.stringify(found));
  } finally {
    await browser.close();
  }
})().catch(error => { console.error(error); process.exit(1); });
"""


def _in_chromium(page_file: Path, zone: str, instant: dt.datetime) -> dict[str, Any]:
    ran = subprocess.run(
        ["node", "-e", PROBE, page_file.as_uri(), str(int(instant.timestamp() * 1000))],
        cwd=a11y_tool_dir(),
        env={**os.environ, "TZ": zone},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    return json.loads(ran.stdout)


@pytest.fixture(scope="module")
def heron() -> tuple[Path, dt.date]:
    page = sample_site() / "wards/example-valley-nhs-ft/heron-ward/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return page, dt.date.fromisoformat(soup.select_one("[data-ward-overdue-banner]")["data-next-review-due"])


def _utc(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


def test_a_device_a_day_ahead_of_london_still_sees_londons_day_and_no_early_warning(
    heron: tuple[Path, dt.date],
) -> None:
    page, due = heron
    found = _in_chromium(page, "Pacific/Kiritimati", _utc(due, 11))  # London: the due date; Kiribati: the day after
    assert found["zone"] == "Pacific/Kiritimati" and found["deviceDay"] == (due + dt.timedelta(days=1)).day
    assert found["bannerShown"] is False
    assert found["markedRows"] == [str(due.weekday())] and found["labelsShown"] == 1


def test_a_device_a_day_behind_london_sees_the_warning_once_londons_date_passes_the_due_date(
    heron: tuple[Path, dt.date],
) -> None:
    page, due = heron
    after = due + dt.timedelta(days=1)
    found = _in_chromium(page, "Pacific/Pago_Pago", _utc(after, 5))  # London: the day after; Pago Pago: the due date
    assert found["zone"] == "Pacific/Pago_Pago" and found["deviceDay"] == due.day
    assert found["bannerShown"] is True
    assert found["markedRows"] == [str(after.weekday())] and found["labelsShown"] == 1
