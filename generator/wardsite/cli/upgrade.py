"""``wardsite upgrade``: rewrite ward files written for an older wardsite, keeping comments and layout."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from wardsite.authoring.upgrade import upgrade_text
from wardsite.cli.check import display_path
from wardsite.cli.options import wards_option
from wardsite.cli.review import write_in_place
from wardsite.loading.catalogue import PROVIDER_FILE, provider_folders, ward_files_of


def _files(wards: Path) -> list[Path]:
    """Every provider and ward file the loader reads in ``wards``; links are left alone, so that writing a file
    never replaces a link with a copy or reaches through one."""
    found = []
    for folder in provider_folders(wards):
        if not folder.is_symlink():
            candidates = [folder / PROVIDER_FILE, *ward_files_of(folder, wards)]
            found += [path for path in candidates if path.is_file() and not path.is_symlink()]
    return found


@click.command()
@wards_option
@click.option("--check", "dry_run", is_flag=True, help="Only say what would change; write nothing (exit 1 if any).")
def upgrade(wards: Path, dry_run: bool) -> None:
    """Rewrite old ward and provider files in the new shape, changing only the lines that must change.

    Today: `ward_type` becomes `classification` (specialism, security_level, age_group). Each
    change is printed with its file and line: check the new values are right for the ward (a
    "camhs" ward becomes an acute ward for young people; change the specialism if it is a PICU or
    an eating disorder ward, say). Comments, order and layout stay as they were.
    """
    if not wards.is_dir():
        raise click.BadParameter(f"there is no folder {display_path(wards)}.", param_hint="--wards")
    changed = 0
    failed = False
    for path in _files(wards):
        shown = display_path(path)
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:  # rewriting it would change bytes it never meant to: `check` says which
            click.echo(
                f"{shown}: not upgraded: the file is not UTF-8 text (run `wardsite check` to see where).", err=True
            )
            failed = True
            continue
        result = upgrade_text(text, shown)
        for problem in result.problems:
            click.echo(problem.format(), err=True)
            failed = True
        if result.text is None:
            continue
        if not dry_run:
            write_in_place(path, result.text)
        changed += 1
        for change in result.changes:
            click.echo(change)
    files = f"{changed} {'file' if changed == 1 else 'files'}"
    click.echo(f"\n{files} {'need' if changed != 1 else 'needs'} upgrading." if dry_run else f"\n{files} upgraded.")
    if changed and not dry_run:
        click.echo("Check the new values are right for each ward, then run `wardsite check`.")
    if failed or (dry_run and changed):
        sys.exit(1)
