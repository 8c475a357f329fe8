"""Build the national inspectors' site: fetch every source at once, check each, merge, write, swap.

Sources are fetched in threads (the work is waiting on the network), each within its own
time and size limits, so a slow or broken site delays only itself. The output folder is
written next to the old one and swapped in only when complete, so a failed run leaves the
last good national site exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from wardsite.findings.national import DATA_FILES, Checked, NationalReport, check_source, national_report
from wardsite.findings.review_dates import DEFAULT_DUE_SOON_DAYS
from wardsite.model.publication import generator_version
from wardsite.open_data.records import WardsData
from wardsite.render.national_page import national_site
from wardsite.site import theme
from wardsite.source.fetch import Fetched, Limits, fetch_url, is_address, read_local

MAX_PARALLEL = 8


def _base(source: str) -> str:
    """Where a source's pages are: its address with one trailing slash, or its folder as a file:// address."""
    if is_address(source):
        return source.rstrip("/") + "/"
    return Path(source).resolve().as_uri() + "/"


def fetch_source(source: str, limits: Limits, cache_folder: Path | None, session: requests.Session) -> Checked:
    """One source's data files, checked. Never raises."""
    files: dict[str, Fetched] = {}
    if is_address(source):
        for name in DATA_FILES:
            agent = f"wardsite/{generator_version()} (national report)"
            files[name] = fetch_url(session, _base(source) + name, limits, cache_folder, agent)
    else:
        folder = Path(source)
        if not folder.is_dir():
            missing = Fetched(source, None, "this folder does not exist.")
            return check_source(source, dict.fromkeys(DATA_FILES, missing), _base(source), WardsData)
        for name in DATA_FILES:
            files[name] = read_local(folder, name, limits)
    return check_source(source, files, _base(source), WardsData)


def collect(
    sources: Sequence[str], limits: Limits, cache_folder: Path | None, parallel: int = MAX_PARALLEL
) -> list[Checked]:
    """Every source fetched and checked, in the order given."""
    with requests.Session() as session, ThreadPoolExecutor(max(1, min(parallel, len(sources)))) as pool:
        return list(pool.map(lambda s: fetch_source(s, limits, cache_folder, session), sources))


def build_national(
    sources: Sequence[str],
    out: Path,
    today: dt.date,
    built_at: dt.datetime | None,
    limits: Limits,
    cache_folder: Path | None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> NationalReport:
    """Fetch, check, merge and write the national site into ``out`` (replaced only when complete)."""
    report = national_report(collect(sources, limits, cache_folder), today, due_soon_days, built_at)
    files = national_site(report)
    # The tables look and work as on a site's own report page (on a phone, each row becomes labelled lines).
    files["tables.css"] = theme.STATIC_DIR.joinpath("stylesheets", "tables.css").read_text(encoding="utf-8")
    write_folder(files, out)
    return report


def write_folder(files: dict[str, str], out: Path) -> None:
    """Write ``files`` into a staging folder beside ``out``, then swap it in. No path may leave the folder."""
    out = out.resolve()
    staging = out.with_name(f".{out.name}.staging-{os.getpid()}")
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for relative, text in files.items():
            target = (staging / relative).resolve()
            if not target.is_relative_to(staging.resolve()):
                raise ValueError(f"{relative!r} would be written outside the output folder")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if out.exists():
            out.rename(old)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not out.exists():
            old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)
