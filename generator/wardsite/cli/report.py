"""``wardsite report``: what every ward publishes, what is missing and what is overdue, for inspectors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from wardsite.cli.loading import count_errors, publishable_catalogue
from wardsite.cli.options import a11y_report_option, due_soon_option, skip_option, today_option, wards_option
from wardsite.findings.accessibility_results import AccessibilityResults, read_accessibility_report
from wardsite.findings.as_of import report_as_of
from wardsite.findings.availability import AvailabilityReport, availability_report
from wardsite.findings.availability_export import to_csv, to_json, to_markdown
from wardsite.source.git_versions import folder_history
from wardsite.source.history import file_history

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
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    default=None,
    help="Report the ward files as committed at the end of this day (read from git, the work tree is not touched), "
    "with review states on that day.",
)
def report(
    wards: Path,
    output_format: str,
    today: dt.date,
    due_soon_days: int,
    a11y_report: Path | None,
    output: Path | None,
    skip_broken_providers: bool,
    as_of: str | None,
) -> None:
    """Report which required categories and recommended items each ward publishes, review dates and formats.

    Problems in the ward files are printed first (to standard error). Exit status: 0 when
    the report was written, 1 when the ward files have errors (unless --skip-broken-providers).
    """
    if as_of is not None:
        text = FORMATS[output_format](_report_as_of(wards, as_of, due_soon_days))
        _write(text, output, output_format)
        return
    catalogue = publishable_catalogue(
        wards, skip_broken_providers, "no report was written, because it would leave those wards out", today
    )
    text = FORMATS[output_format](
        availability_report(
            catalogue,
            today,
            due_soon_days,
            accessibility_results(a11y_report),
            last_changed={key: changes[0].date for key, changes in (file_history(wards) or {}).items() if changes},
        )
    )
    _write(text, output, output_format)


def _write(text: str, output: Path | None, output_format: str) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote the {output_format} report to {output}.", err=True)


def _report_as_of(wards: Path, as_of: str, due_soon_days: int) -> AvailabilityReport:
    """The report as committed at the end of ``as_of``; problems in the files then are shown, never fatal."""
    try:
        day = dt.date.fromisoformat(as_of)
    except ValueError:
        raise click.BadParameter(f"{as_of!r} is not a date written as YYYY-MM-DD.", param_hint="--as-of") from None
    if not wards.is_dir():
        raise click.UsageError(f"{wards} is not a folder (give the wards folder with --wards).")
    history = folder_history(wards)
    if history is None:
        raise click.UsageError(f"--as-of reads the git history, and {wards} is not in a git repository.")
    report, result = report_as_of(history, day, due_soon_days, wards.resolve().name)
    for problem in result.problems:
        click.echo(problem.format(), err=True)
    if result.has_errors:
        click.echo(
            f"{count_errors(result.problems)} in the ward files as committed on {day.isoformat()}: "
            "the wards they stopped from loading are not in this report.",
            err=True,
        )
    if not report.wards:
        click.echo(f"No ward file had been committed by {day.isoformat()}.", err=True)
    return report
