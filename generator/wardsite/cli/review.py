"""``wardsite review``: confirm a ward's information is still right, in one command."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import sys
import tempfile
from pathlib import Path

import click

from wardsite.authoring.review_edit import mark_reviewed
from wardsite.cli.check import display_path, load_for_paths
from wardsite.cli.options import today_option, wards_option
from wardsite.findings.review_dates import review_status
from wardsite.loading.catalogue import PROVIDER_FILE, SLUG, provider_folders
from wardsite.model import words


def _find_ward(ward: str, wards: Path) -> Path:
    """The ward file named exactly by its web-address name (like heron-ward), its file name alone
    (heron-ward.yaml, found in whichever one provider folder has it) or the path to its file.

    Names are never patterns: ``*`` or ``heron-*`` name no ward. Anything that is not a ward
    file inside the wards folder is a usage error, with what to type instead.
    """
    if not wards.is_dir():
        raise click.BadParameter(f"there is no folder {display_path(wards)}.", param_hint="--wards")
    if ward.endswith(".yaml"):
        if _bare_name(ward) and not _exists(Path(ward)):
            # Only a file name (typed in the provider's own folder, say): the ward it names.
            ward = ward.removesuffix(".yaml")
        else:
            return _ward_at(Path(ward), wards)
    if len(ward) > MAX_NAME or not SLUG.match(ward):
        shown = ward if len(ward) <= 40 else f"{ward[:40]}..."
        raise click.BadParameter(
            f"`{shown}` is not a ward's name. {NAME_HINT}",
            param_hint="WARD",
        )
    found = [path for folder in provider_folders(wards) if _is_ward_file(path := folder / f"{ward}.yaml")]
    if len(found) > 1:
        listed = ", ".join(display_path(p) for p in found)
        raise click.BadParameter(
            f"more than one provider has a ward called `{ward}` ({listed}). Give the path to the file you mean.",
            param_hint="WARD",
        )
    if found:
        return found[0]
    known = sorted(
        p.stem for folder in provider_folders(wards) for p in folder.glob("*.yaml") if p.name != PROVIDER_FILE
    )
    close = difflib.get_close_matches(ward, known, n=1)
    hint = f" Did you mean `{close[0]}`?" if close else f" {NAME_HINT}"
    raise click.BadParameter(f"there is no ward `{ward}` in {display_path(wards)}.{hint}", param_hint="WARD")


MAX_NAME = 100
"""Longest ward name ``review`` looks for: far longer than any real one, far shorter than a file name may be."""
NAME_HINT = "Give the ward's file name without .yaml, like heron-ward, or the path to its file."


def _bare_name(text: str) -> bool:
    """True if ``text`` is a file name alone, with no folder in it."""
    return "/" not in text and "\\" not in text and text not in (".yaml", "..yaml")


def _exists(path: Path) -> bool:
    try:
        return path.exists() or path.is_symlink()
    except (OSError, ValueError):
        return False


def _is_ward_file(path: Path) -> bool:
    try:
        return path.name != PROVIDER_FILE and path.is_file() and not path.is_symlink()
    except (OSError, ValueError):  # a name too long for the file system, or with a NUL in it
        return False


def _ward_at(path: Path, wards: Path) -> Path:
    """The ward file at ``path``, which must be a ward file inside a provider folder of ``wards``."""
    try:
        inside = path.resolve().parent.parent == wards.resolve()
    except (OSError, RuntimeError, ValueError):  # too long, a loop of links, a NUL
        inside = False
    if not (inside and _is_ward_file(path)):
        shown = str(path) if len(str(path)) <= 60 else f"{str(path)[:60]}..."
        raise click.BadParameter(
            f"`{shown}` is not a ward file in {display_path(wards)}. {NAME_HINT}",
            param_hint="WARD",
        )
    return path


def _defaulted(option: str) -> bool:
    """True if the command line did not give ``option``, so it has its default."""
    context = click.get_current_context()
    return context.get_parameter_source(option) is click.core.ParameterSource.DEFAULT


def write_in_place(path: Path, text: str) -> None:
    """Replace the file in one step, so it is never left half-written."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@click.command()
@click.argument("ward")
@click.option(
    "--by",
    "role",
    required=True,
    metavar="ROLE",
    help='The reviewer\'s job title, as the page shows it. Example: --by "Ward manager".',
)
@click.option(
    "--name",
    metavar="NAME",
    help="The reviewer's name, if your ward publishes names. Without it, any name in the file is removed, since a "
    "different person may have reviewed it last time.",
)
@wards_option
@today_option
def review(ward: str, role: str, name: str | None, wards: Path, today: dt.date) -> None:
    """Record that WARD's information was checked today and is still right.

    Sets review.last_reviewed to today and review.reviewed_by to ROLE, changing only those
    lines: comments, order and layout stay exactly as they were. It adds nothing to
    review.changes, because nothing about the ward changed; when a review does change
    something, write what changed under review.changes yourself.
    """
    if not role.strip():
        raise click.BadParameter('give the reviewer\'s job title, like "Ward manager".', param_hint="--by")
    if _defaulted("wards") and not wards.is_dir() and Path(PROVIDER_FILE).is_file():
        wards = Path("..")  # run in a provider's own folder: its wards folder is the one above
    path = _find_ward(ward, wards)
    shown = display_path(path)
    text = path.read_bytes().decode("utf-8")
    edit = mark_reviewed(text, shown, today, role.strip(), name.strip() if name else None)
    for problem in edit.problems:
        click.echo(problem.format(), err=True)
    if edit.text is None:
        click.echo(f"\n{shown} was not changed.", err=True)
        sys.exit(1)
    write_in_place(path, edit.text)
    click.echo(f"Marked {shown} as reviewed on {words.long_date(today)} by {role.strip()}.")
    for change in edit.changes:
        click.echo(f"  {change}")
    _result, problems, entries = load_for_paths((path,))
    for problem in problems:
        click.echo(problem.format(), err=True)
    if any(p.severity.value == "error" for p in problems):
        click.echo(f"\n{shown} still has the problems above: fix them before you publish.", err=True)
        sys.exit(1)
    for entry in entries:
        status = review_status(entry.ward.review.last_reviewed, entry.ward.review.next_review_due, today)
        click.echo(f"Next review due: {words.long_date(status.due)}.")
    ward_name = entries[0].ward.name if entries else path.stem
    # `git add` first: `git commit FILE` alone fails for a new ward that git does not know yet.
    click.echo("Now save it in git and publish it:")
    click.echo(f"  git add {shown}")
    click.echo(f'  git commit -m "{ward_name.replace(chr(34), chr(39))}: reviewed, no changes"')
    click.echo("  git push")
