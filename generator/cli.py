"""The ``wardsite`` command. The only place that reads the clock, prints, or exits."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator.catalogue import LoadResult, load_catalogue
from generator.problems import Problem, Severity
from generator.review_dates import DEFAULT_DUE_SOON_DAYS, ReviewState, review_status

DEFAULT_WARDS = Path("wards")


def _today(value: str | None) -> dt.date:
    return dt.date.fromisoformat(value) if value else dt.date.today()


def _parse_today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    try:
        return _today(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written as YYYY-MM-DD.") from None


today_option = click.option("--today", callback=_parse_today, metavar="YYYY-MM-DD", help="Pretend today is this date (for reproducible runs). Default: the real date.")
due_soon_option = click.option("--due-soon-days", type=click.IntRange(0, 365), default=DEFAULT_DUE_SOON_DAYS, show_default=True, help="How many days before the due date a review counts as due soon.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wardsite")
def main() -> None:
    """Publish accessible, up-to-date information about mental health wards from YAML files."""


def _wards_root(path: Path) -> Path:
    """The wards folder for a path that may be the folder itself, a provider folder or a file."""
    path = path.resolve()
    if path.is_file():
        path = path.parent.parent
    elif (path / "provider.yaml").is_file():
        path = path.parent
    return path


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _load(paths: tuple[Path, ...]) -> tuple[LoadResult, list[Problem]]:
    """Load the wards folder behind ``paths``; keep only problems in the files or folders given."""
    targets = paths or (DEFAULT_WARDS,)
    roots = {_wards_root(p) for p in targets}
    if len(roots) > 1:
        raise click.UsageError("all paths must be inside one wards folder.")
    root = roots.pop()
    result = load_catalogue(Path(_relative(root)))
    wanted = [_relative(p) for p in targets]
    problems = [p for p in result.problems if any(p.file == w or p.file.startswith(w.rstrip("/") + "/") or w == _relative(root) for w in wanted)]
    return result, problems


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@today_option
@due_soon_option
@click.option("--overdue-is-warning", is_flag=True, help="Report overdue wards but still exit 0 if nothing else is wrong.")
def check(paths: tuple[Path, ...], today: dt.date, due_soon_days: int, overdue_is_warning: bool) -> None:
    """Check ward files for mistakes and overdue reviews.

    PATHS can be the wards folder (the default), a provider folder, or single ward files.
    Exit status: 0 when everything is fine, 1 when there are problems or overdue wards,
    2 when the command itself was used wrongly.
    """
    result, problems = _load(paths)
    for problem in problems:
        click.echo(problem.format())
    wards = [w for w in result.catalogue.wards if not paths or any(w.source_path == _relative(p) or w.source_path.startswith(_relative(p).rstrip("/") + "/") or _wards_root(p) == p.resolve() for p in paths)]
    overdue = 0
    if wards:
        click.echo(f"\nReview dates on {today.isoformat()}:")
    for entry in wards:
        status = review_status(entry.ward.review.last_reviewed, entry.ward.review.next_review_due, today, due_soon_days)
        if status.state is ReviewState.overdue:
            overdue += 1
        click.echo(f"  {status.label:<20} {entry.source_path}  last reviewed {status.last_reviewed.isoformat()}, next review due {status.due.isoformat()}")
    n_errors = sum(p.severity is Severity.error for p in problems)
    n_warnings = len(problems) - n_errors
    click.echo(f"\n{len(wards)} wards valid; {n_errors} errors, {n_warnings} warnings, {overdue} overdue for review.")
    if n_errors or (overdue and not overdue_is_warning):
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
