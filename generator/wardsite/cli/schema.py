"""``wardsite schema``: write (or check) the JSON Schema files that editors use for ward files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from wardsite.cli.options import docs_dir_option
from wardsite.open_data.schemas import schema_files, stale_schema_files


@click.command()
@docs_dir_option
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Write nothing; exit 1 if the committed schema files differ from the data model.",
)
def schema(docs_dir: Path, check_only: bool) -> None:
    """Write the JSON Schema for ward.yaml and provider.yaml files, generated from the data model.

    Editors such as VS Code read it (through the `# yaml-language-server: $schema=` line at
    the top of each ward file) to autocomplete field names and underline mistakes.
    """
    stale = stale_schema_files(docs_dir)
    if check_only:
        for relative in stale:
            click.echo(
                f"{docs_dir / relative}: out of date with the data model. Fix: run `wardsite schema` and "
                "commit the result.",
                err=True,
            )
        if stale:
            sys.exit(1)
        click.echo(f"The schema files in {docs_dir / 'schema'} match the data model.")
        return
    for relative, text in schema_files().items():
        if relative in stale:
            target = docs_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            click.echo(f"Wrote {target}.")
    if not stale:
        click.echo(f"The schema files in {docs_dir / 'schema'} were already up to date.")
