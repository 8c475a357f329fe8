"""``wardsite codeowners``: write the CODEOWNERS file from each provider.yaml's maintainers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from wardsite.authoring.codeowners import DEFAULT_FILES, SYNTAXES, codeowners_text, with_kept_lines
from wardsite.cli.options import wards_option
from wardsite.findings.maintainers import folder_maintainers
from wardsite.loading.catalogue import provider_folders
from wardsite.source.git_files import top_folder


@click.command()
@wards_option
@click.option(
    "--syntax",
    type=click.Choice(SYNTAXES),
    default="github",
    show_default=True,
    help="github writes plain owner lines; gitlab puts each provider in its own [section].",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Where to write it. Default: .github/CODEOWNERS (github) or .gitlab/CODEOWNERS (gitlab) "
    "in the repository's top folder; - prints it.",
)
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 if FILE is missing or out of date.")
def codeowners(wards: Path, syntax: str, output: Path | None, check_only: bool) -> None:
    """Write CODEOWNERS so each provider's maintainers must approve changes to its folder.

    Turn on branch protection with "Require review from Code Owners" (GitHub) or a protected
    branch with "Code owner approval" (GitLab) for it to take effect (see the publishing guide).
    """
    if not wards.is_dir():
        raise click.UsageError(f"{wards} is not a folder (give the wards folder with --wards).")
    top = top_folder(wards) or Path.cwd()
    try:
        wards_path = wards.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise click.UsageError(f"{wards} is outside the repository {top}.") from None
    maintainers, _ = folder_maintainers(wards, [f.name for f in provider_folders(wards)], None)
    text = codeowners_text(maintainers, wards_path, syntax)
    if output is not None and str(output) == "-":
        click.echo(text, nl=False)
        return
    target = output or top / DEFAULT_FILES[syntax]
    try:
        current: str | None = target.read_text(encoding="utf-8")
    except OSError:
        current = None
    text = with_kept_lines(current, text)
    if check_only:
        if current != text:
            click.echo(
                f"{target}: out of date with the maintainers in provider.yaml. "
                f"Fix: run `wardsite codeowners --syntax {syntax}` and commit the result.",
                err=True,
            )
            sys.exit(1)
        click.echo(f"{target} matches the maintainers in provider.yaml.")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, target)
    unowned = sum(not handles for handles in maintainers.values())
    note = f" {unowned} provider folder(s) have no maintainers (see `wardsite check`)." if unowned else ""
    click.echo(f"Wrote {target}.{note}")
