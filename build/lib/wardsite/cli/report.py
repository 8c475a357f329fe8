"""``wardsite report``: what every ward publishes, what is missing and what is overdue, for inspectors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from wardsite.cli.loading import publishable_catalogue
from wardsite.cli.options import a11y_report_option, due_soon_option, skip_option, today_option, wards_option
from wardsite.findings.accessibility_results import AccessibilityResults, read_accessibility_report
from wardsite.findings.availability import availability_report
from wardsite.findings.availability_export import to_csv, to_json, to_markdown

FORMATS = {"csv": to_csv, "json": to_json, "md": to_markdown}


def accessibility_results(a11y_report: Path | None) -> AccessibilityResults:
    """Read ``--a11y-report``, saying on standard error when it is missing or unusable (never fatal)."""
    if a11y_report is not None and not a11y_report.is_file():
        click.echo(
            f'No accessibility report at {a11y_report}: every ward\'s accessibility check shows "not checked".',
            err=True,
        )
    results, problems = read_accessibility_report(a11y_report)
    for problem in problems:
        click.echo(problem.format(), err=True)
    return results


@click.command()
@wards_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="md",
    show_default=True,
    help="csv: one row per ward, for spreadsheets. json: the whole report, for machines. md: a readable summary.",
)
@today_option
@due_soon_option
@a11y_report_option
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write the report to this file instead of the screen.",
)
@skip_option
def report(
    wards: Path,
    output_format: str,
    today: dt.date,
    due_soon_days: int,
    a11y_report: Path | None,
    output: Path | None,
    skip_broken_providers: bool,
) -> None:
    """Report which required categories and recommended items each ward publishes, review dates and formats.

    Problems in the ward files are printed first (to standard error). Exit status: 0 when
    the report was written, 1 when the ward files have errors (unless --skip-broken-providers).
    """
    catalogue = publishable_catalogue(
        wards, skip_broken_providers, "no report was written, because it would leave those wards out"
    )
    text = FORMATS[output_format](
        availability_report(catalogue, today, due_soon_days, accessibility_results(a11y_report))
    )
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote the {output_format} report to {output}.", err=True)
