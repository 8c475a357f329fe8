"""``wardsite check``: every problem in the ward files, and each ward's review state."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from wardsite.cli.loading import load_wards
from wardsite.cli.options import DEFAULT_WARDS, cache_folder, due_soon_option, today_option
from wardsite.findings.check_output import (
    CheckFindings,
    check_findings,
    check_json,
    github_commands,
    gitlab_code_quality,
    summary_line,
)
from wardsite.findings.check_report import WardReport, check_report
from wardsite.findings.maintainers import changed_folders, folder_maintainers, owner_problems
from wardsite.findings.readability import DEFAULT_READING_AGE
from wardsite.loading import dates
from wardsite.loading.catalogue import PROVIDER_FILE, LoadResult, WardEntry
from wardsite.model.words import count
from wardsite.problems import Problem, Severity


def _wards_root(path: Path) -> Path:
    """The wards folder for a path that may be the folder itself, a provider folder or a file."""
    path = path.resolve()
    if path.is_file():
        return path.parent.parent
    if (path / "provider.yaml").is_file():
        return path.parent
    return path


def display_path(path: Path) -> str:
    """A path as problems show it: relative to the current folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path.resolve())


def _selected(file: str, targets: list[str]) -> bool:
    return any(file == t or file.startswith(t.rstrip("/") + "/") for t in targets)


def _selection(paths: tuple[Path, ...]) -> tuple[Path, list[str]]:
    """The one wards folder behind ``paths``, and the paths asked for, as problems show them."""
    targets = paths or (DEFAULT_WARDS,)
    roots = {_wards_root(p) for p in targets}
    if len(roots) > 1:
        raise click.UsageError("all paths must be inside one wards folder.")
    root = roots.pop()
    # The loader shows files relative to the wards folder's parent (wards/<provider>/<file>),
    # wherever the command runs from, so the paths asked for are written the same way.
    return root, [str(p.resolve().relative_to(root.parent)) for p in targets]


def _changed_selection(changed: list[str], root: Path, prefix: str) -> list[str]:
    """The changed files to check, written as problems show them (a provider.yaml change checks its whole folder)."""
    wanted = []
    for folder in changed_folders(changed, prefix):
        files = [c for c in changed if c.startswith(f"{prefix}/{folder}/")]
        if any(Path(c).name == PROVIDER_FILE for c in files):
            wanted.append(f"{root.name}/{folder}")
        else:
            wanted += [f"{root.name}/{folder}/{Path(c).name}" for c in files]
    return wanted


def checked_after_today(ward: WardReport, today: dt.date) -> list[Problem]:
    """The loader's own date rule (``wardsite.loading.dates``), for a ward check read from its cache."""
    return dates.checked_after_today(ward.dated, today)


def _asked_for(problems: list[Problem], wards: list, root: Path, wanted: list[str]) -> tuple[list[Problem], list]:
    """Only the problems and wards in the paths asked for (and problems about the wards folder itself).

    A ward file asked for brings the errors in its provider.yaml: they stop that ward too (a bad
    ward default is reported there once), so checking one ward never says 0 errors for a ward
    that cannot be published.
    """
    providers = {str(Path(t).parent / PROVIDER_FILE) for t in wanted if t.endswith(".yaml")}
    return [
        p
        for p in problems
        if _selected(p.file, wanted) or p.file == str(root) or (p.file in providers and p.severity is Severity.error)
    ], [w for w in wards if _selected(w.source_path, wanted)]


def load_for_paths(paths: tuple[Path, ...]) -> tuple[LoadResult, list[Problem], list[WardEntry]]:
    """Load the whole wards folder behind ``paths`` (cross-file rules need it all), keep what was asked for."""
    root, wanted = _selection(paths)
    result = load_wards(root)
    problems, wards = _asked_for(result.problems, result.catalogue.wards, root, wanted)
    return result, problems, wards


FORMATS = ("text", "github", "gitlab", "json")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@today_option
@due_soon_option
@click.option(
    "--overdue-is-warning", is_flag=True, help="Report overdue wards but still exit 0 if nothing else is wrong."
)
@click.option(
    "--reading-age",
    type=click.IntRange(5, 25),
    default=DEFAULT_READING_AGE,
    show_default=True,
    help="Warn about free text whose estimated reading age is above this (the NHS aims for 9 to 11). Warnings do "
    "not change the exit status.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people; for CI: github (workflow commands, shown on the lines of a pull request), "
    "gitlab (a code quality report) or json.",
)
@click.option(
    "--changed",
    multiple=True,
    metavar="FILES",
    help="Check only these changed files, as `git diff --name-only` prints them from the repository's top folder "
    "(one per line, or the option repeated). Files outside the wards folder and deleted files are skipped.",
)
@click.option(
    "--owner",
    "owners",
    multiple=True,
    metavar="HANDLE",
    help="With --changed: fail when a changed file is in a provider folder that none of these GitHub or GitLab "
    "handles maintains (provider.yaml `maintainers`). Repeat it for the author's teams.",
)
@click.option(
    "--wards",
    "wards_folder",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="The wards folder, as the other commands take it (the same as giving it as PATHS).",
)
@click.option(
    "--base",
    metavar="REF",
    help="With --owner: read maintainers as committed at this git branch or commit (the one the change goes into), "
    "so a change cannot approve itself by adding its author.",
)
def check(
    paths: tuple[Path, ...],
    today: dt.date,
    due_soon_days: int,
    overdue_is_warning: bool,
    reading_age: int,
    output_format: str,
    changed: tuple[str, ...],
    owners: tuple[str, ...],
    wards_folder: Path | None,
    base: str | None,
) -> None:
    """Check ward files for mistakes and overdue reviews.

    PATHS can be the wards folder (the default), a provider folder, or single ward files.
    Exit status: 0 when everything is fine, 1 when there are problems or overdue wards,
    2 when the command itself was used wrongly.
    """
    if wards_folder is not None:
        if paths:
            raise click.UsageError("give the wards folder either as --wards or as PATHS, not both.")
        paths = (wards_folder,)
    if (owners or base) and not changed:
        raise click.UsageError("--owner and --base need --changed (the files a change touches).")
    root, wanted = _selection(paths)
    changed_files = [line.strip() for value in changed for line in value.splitlines() if line.strip()]
    owner_checked: list[Problem] = []
    if changed:
        prefix = display_path(root)
        wanted = _changed_selection(changed_files, root, prefix)
        if owners:
            maintainers, base_problems = folder_maintainers(root, changed_folders(changed_files, prefix), base)
            owner_checked = base_problems or owner_problems(changed_files, owners, maintainers, prefix)
    report = check_report(root, reading_age, cache_folder())  # folders unchanged since the last run are not read again
    problems, wards = _asked_for(report.problems, report.wards, root, wanted)
    problems = [*problems, *owner_checked]
    reading = set(p for w in wards for p in w.reading_age)  # a ward default is reported once, in provider.yaml
    future = [p for w in wards for p in checked_after_today(w, today)]
    refused = {p.file for p in future}
    wards = [w for w in wards if w.source_path not in refused]  # not valid on this day: no review state to list
    problems = sorted(
        [*problems, *future, *sorted(reading, key=lambda p: (p.sort_key, p.path))], key=lambda p: (p.sort_key, p.path)
    )
    missing = [p for w in wards for p in w.missing]
    result = check_findings(
        problems,
        missing,
        [(w.source_path, w.last_reviewed, w.next_review_due, w.last_reviewed_at) for w in wards],
        today,
        due_soon_days,
        overdue_is_warning,
    )
    if output_format == "github":
        click.echo(github_commands(result), nl=False)
    elif output_format == "gitlab":
        click.echo(gitlab_code_quality(result), nl=False)
    elif output_format == "json":
        click.echo(json.dumps(check_json(result), indent=2, ensure_ascii=False))
    else:
        _print_text(problems, missing, result)
    if not result.passed:
        sys.exit(1)


def _print_text(problems: list[Problem], missing: list[Problem], result: CheckFindings) -> None:
    for problem in problems:
        click.echo(problem.format())
    if missing:
        click.echo("\nSections not published yet (the inspector report lists them as missing):")
        for problem in missing:
            click.echo(problem.format())
    if result.wards:
        click.echo(f"\nReview dates on {result.today.isoformat()}:")
    for ward in result.wards:
        status = ward.status
        dates = f"last reviewed {status.last_reviewed.isoformat()}, next review due {status.due.isoformat()}"
        click.echo(f"  {status.label:<20} {ward.file}  {dates}")
    click.echo(f"\n{summary_line(result)}")
    if missing:
        click.echo(
            f"{count(len(missing), 'required section')} not published yet (listed above; counted in the warnings). "
            "They do not stop publishing, but readers and inspectors see the gaps: fill them in when you can."
        )
