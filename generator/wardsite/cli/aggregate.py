"""``wardsite aggregate``: one national inspectors' site from many published wardsite sites or folders."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from wardsite.cli.options import cache_folder, due_soon_option, today_option
from wardsite.findings.national import SourceState
from wardsite.model.words import count
from wardsite.site.national import build_national
from wardsite.source.fetch import DEFAULT_MAX_BYTES, DEFAULT_RETRIES, DEFAULT_TIMEOUT, Limits


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    metavar="DIR",
    help="The folder for the national site. It is replaced only when the new one is complete.",
)
@today_option
@due_soon_option
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 600),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds one data file may take to fetch, retries included.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(1_000, 1_000_000_000),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="The largest data file accepted from a source.",
)
@click.option(
    "--retries",
    type=click.IntRange(0, 5),
    default=DEFAULT_RETRIES,
    show_default=True,
    help="Tries again after a dropped connection, a timeout or a 5xx answer.",
)
def aggregate(
    sources: tuple[str, ...],
    out: Path,
    today: dt.date,
    due_soon_days: int,
    timeout: float,
    max_bytes: int,
    retries: int,
) -> None:
    """Build a national inspectors' site from many wardsite sites.

    Each SOURCE is a published site's address (https://...) or a folder holding a built site.
    Its data/availability.json and data/wards.json are fetched, checked against the schema
    version they declare and merged. A source that cannot be read is listed on the national
    page with the reason; the others are still included. Answers are cached (in
    $WARDSITE_CACHE_DIR) with their ETag and Last-Modified, so the next run downloads only
    what changed. Exit 0 when every source was included, 1 when any was left out (the site is
    still written, naming it), 2 when the command was used wrongly.
    """
    built_at = dt.datetime.now(dt.UTC).replace(microsecond=0)  # the one place that reads the clock
    folder = cache_folder()
    limits = Limits(timeout=timeout, max_bytes=max_bytes, retries=retries)
    report = build_national(
        list(sources), out, today, built_at, limits, folder / "aggregate" if folder else None, due_soon_days
    )
    left_out = 0
    for s in report.sources:
        if s.state is SourceState.included:
            cached = f"; {', '.join(s.from_cache)} not modified, cached copy used" if s.from_cache else ""
            click.echo(
                f"Included  {s.source}: {count(s.wards, 'ward')}, built {s.built_at or 'at an unknown time'}{cached}"
            )
        else:
            left_out += 1
            click.echo(f"Left out  {s.source}: {s.reason}")
    a = report.availability
    click.echo(
        f"\nWrote the national site to {out}: {count(len(a.wards), 'ward')} from "
        f"{count(len(report.sources) - left_out, 'site')}; {a.site.review.overdue} overdue for review."
    )
    if left_out:
        click.echo(f"{count(left_out, 'site')} left out (listed above and on the national page).", err=True)
        sys.exit(1)
