"""``wardsite a11y``: check every page of the built site for accessibility errors in a real browser."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click
from markupsafe import Markup

from wardsite.accessibility import AccessibilityReport, check_site
from wardsite.accessibility.check import DEFAULT_SEARCH, DEFAULT_VIEWPORTS, IGNORED_RULES_FILE, ignored_rules
from wardsite.accessibility.pa11y import CHROMIUM, DESKTOP, PHONE, ToolError
from wardsite.accessibility.report import Issue
from wardsite.accessibility.result_cache import DEFAULT_MAX_AGE, ResultCache
from wardsite.accessibility.tools import ensure_installed
from wardsite.cli.options import cache_folder, tools_folder

REPORT_NAME = "accessibility-report.json"
VIEWPORTS = {"phone": (PHONE,), "desktop": (DESKTOP,), "both": DEFAULT_VIEWPORTS}


def _issue_line(issue: Issue, label: str = "") -> str:
    where = f" at {issue.selector}" if issue.selector else ""
    return f"          {label}{issue.runner} {issue.code} [{issue.viewport}]{where}: {issue.message}"


def _to_look_at(issue: Issue) -> str:
    """A contrast result axe could not decide, in words: which text to look at, and what to look for."""
    text = " ".join(Markup(issue.context).striptags().split())
    shown = f'the text "{text[:60]}{"..." if len(text) > 60 else ""}"' if text else "an element"
    return (
        f"          to look at by eye [{issue.viewport}]: {shown} (at {issue.selector or 'the page'}): check that it "
        "stands out clearly from what is behind it; axe could not see its background."
    )


def _summary(report: AccessibilityReport) -> list[str]:
    lines = []
    for page in report.pages:
        if page.passed:
            lines.append(f"  ok      {page.url}")
            for issue in page.to_review:
                lines.append(_to_look_at(issue))
            continue
        problems = [f"{len(page.errors)} errors"] if page.errors else []
        problems += ["did not load"] if page.load_errors else []
        lines.append(f"  FAILED  {page.url} ({page.file}): {', '.join(problems)}")
        for message in page.load_errors:
            lines.append(f"          did not load ({message})")
        lines += [_issue_line(issue) for issue in page.errors]
    return lines


@click.command("a11y")
@click.option(
    "--site",
    "site_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="The built site folder (from `wardsite build`).",
)
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Where to write the JSON report. Default: {REPORT_NAME} inside the site folder.",
)
@click.option(
    "--page",
    "pages",
    multiple=True,
    metavar="PATH",
    help="Check only this page, such as wards/example-trust/heron-ward/ (repeat for more). Default: every page.",
)
@click.option(
    "--viewport",
    type=click.Choice(sorted(VIEWPORTS)),
    default="both",
    show_default=True,
    help="Screen sizes to check at: a phone (390px wide), a desktop (1280px), or both.",
)
@click.option(
    "--concurrency",
    type=click.IntRange(1, 16),
    default=4,
    show_default=True,
    help="Pages checked at the same time (most of each page's time is waiting, so more than the number of cores is "
    "fine).",
)
@click.option(
    "--search",
    default=DEFAULT_SEARCH,
    show_default=True,
    metavar="WORDS",
    help="Also check the home page with the search open, showing the results for these words. An empty value leaves "
    "it out.",
)
@click.option(
    "--page-timeout",
    type=click.IntRange(1, 600),
    default=30,
    show_default=True,
    help="Seconds a page may take to load and be checked; a page that takes longer fails as not loaded.",
)
@click.option(
    "--chromium",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=CHROMIUM,
    show_default=True,
    help="The Chromium to check pages in (Debian's chromium by default; nothing downloads a browser).",
)
@click.option(
    "--ignored-rules",
    "ignored_rules_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=IGNORED_RULES_FILE,
    show_default=True,
    help="The site's list of rules not applied, each with its reason (JSON); none if the file is missing.",
)
@click.option(
    "--recheck",
    is_flag=True,
    help="Check every page again. Default: a page whose HTML, the site's styles and scripts and the checker are "
    "unchanged since a run within --max-age days keeps that run's result (kept in the cache folder).",
)
@click.option(
    "--max-age",
    type=click.IntRange(0, 365),
    default=DEFAULT_MAX_AGE.days,
    show_default=True,
    metavar="DAYS",
    help="Results older than this are never kept: the page is checked again.",
)
@click.option(
    "--install",
    "install_only",
    is_flag=True,
    help="Only install the checker's locked Node packages (once per user, in the cache folder), then stop.",
)
def a11y(
    site_dir: Path,
    report_file: Path | None,
    pages: tuple[str, ...],
    viewport: str,
    concurrency: int,
    search: str,
    page_timeout: int,
    chromium: Path,
    ignored_rules_file: Path,
    recheck: bool,
    max_age: int,
    install_only: bool,
) -> None:
    """Check every page of the built site against WCAG 2.2 AA in Chromium (pa11y-ci: HTML_CodeSniffer and axe).

    Prints each page's result and writes a JSON report. Exit status: 0 when every page was
    checked with no errors; 1 when a page has errors, a page did not load, or there were no
    pages; 2 when the checker could not run (for example, Node.js is not installed).
    The first run installs the checker's locked Node packages (`npm ci`) into the user's cache folder.
    """
    try:
        tool_dir = ensure_installed(tools_folder())
    except ToolError as error:
        click.echo(f"The accessibility check could not run: {error}", err=True)
        sys.exit(2)
    if install_only:
        click.echo(f"The accessibility checker is installed in {tool_dir}.")
        return
    if not site_dir.is_dir():
        click.echo(f"There is no site at {site_dir}. Build it first with `wardsite build`.", err=True)
        sys.exit(1)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)  # the CLI reads the clock
    checked_at = now.isoformat()
    keep_in = None if recheck else cache_folder()
    kept = ResultCache(keep_in, now, dt.timedelta(days=max_age)) if keep_in else None
    try:
        report = check_site(
            site_dir,
            tool_dir,
            only=pages,
            viewports=VIEWPORTS[viewport],
            concurrency=concurrency,
            page_timeout_s=page_timeout,
            checked_at=checked_at,
            search=search or None,
            ignored=ignored_rules(ignored_rules_file),
            chromium=chromium,
            kept=kept,
        )
    except ToolError as error:
        click.echo(f"The accessibility check could not run: {error}", err=True)
        sys.exit(2)
    report_file = report_file or site_dir / REPORT_NAME
    report_file.parent.mkdir(parents=True, exist_ok=True)
    report_file.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    click.echo(f"Accessibility check of {site_dir} at WCAG 2.2 AA ({', '.join(report.viewports)}):")
    for line in _summary(report):
        click.echo(line)
    for rule in report.ignored_rules:
        click.echo(f"  (rule not applied: {rule.code}: {rule.reason})")
    passed = sum(p.passed for p in report.pages)
    click.echo(
        f"\n{len(report.pages)} pages checked: {passed} passed, {len(report.pages_with_errors)} with errors, "
        f"{len(report.pages_not_loaded)} did not load. Report: {report_file}"
    )
    if report.reused:
        click.echo(
            f"{report.reused} of {len(report.pages) * len(report.viewports)} page checks kept from a run in the last "
            f"{max_age} days: the page's HTML, the site's styles and scripts and the checker are unchanged "
            "(--recheck checks them all again)."
        )
    if report.to_review:
        click.echo(
            f"{report.to_review} to look at by eye: text whose background axe could not see (it is partly "
            "covered or scrolled out of sight); these do not fail the check."
        )
    if not report.passed:
        for reason in report.failures:
            click.echo(f"FAILED: {reason}", err=True)
        sys.exit(1)
