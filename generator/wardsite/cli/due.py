"""``wardsite due``: wards due for review soon or overdue, with their maintainers, for a weekly reminder."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import click

from wardsite.cli.options import today_option, wards_option
from wardsite.findings.due import due_json, due_markdown, due_text, due_wards
from wardsite.findings.review_dates import DEFAULT_DUE_SOON_DAYS
from wardsite.loading.catalogue import load_catalogue
from wardsite.model.words import count
from wardsite.problems import Severity


@click.command()
@wards_option
@today_option
@click.option(
    "--within",
    type=click.IntRange(0, 366),
    default=DEFAULT_DUE_SOON_DAYS,
    show_default=True,
    metavar="DAYS",
    help="List wards whose review is due in this many days or fewer (overdue wards are always listed).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "markdown", "json")),
    default="text",
    show_default=True,
    help="text for a terminal; markdown for an issue or a chat message (maintainers are mentioned); json.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Write to FILE instead of printing.",
)
def due(wards: Path, today: dt.date, within: int, output_format: str, output: Path | None) -> None:
    """List wards whose annual review is due soon or overdue, soonest first, with their maintainers.

    A ward whose file has errors cannot be read, so its review date is unknown: the files with
    errors are listed under the wards (run `wardsite check` to see the errors), and the number of
    errors is printed on standard error. Exit 0 whatever is due.
    """
    result = load_catalogue(wards, today=today)  # a review dated after today is refused, as check refuses it
    listed = due_wards(result.catalogue, today, within)
    unreadable = sorted({p.file for p in result.problems if p.severity is Severity.error})
    if output_format == "json":
        text = json.dumps(due_json(listed, today, within, unreadable), indent=2, ensure_ascii=False) + "\n"
    elif output_format == "markdown":
        text = due_markdown(listed, today, within, unreadable)
    else:
        text = due_text(listed, today, within, unreadable)
    errors = sum(p.severity is Severity.error for p in result.problems)
    if errors:
        click.echo(
            f"{count(errors, 'error')} in the ward files: wards that cannot be read are not listed. "
            "Run `wardsite check` to see them.",
            err=True,
        )
    if output is None:
        click.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, output)
