"""``wardsite synthetic``: write a fictional national dataset, for benchmarks and scale tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from wardsite.cli.options import today_option
from wardsite.synthetic import WARDS_PER_PROVIDER, synthetic_files, write_files


@click.command()
@click.option(
    "--wards",
    "n_wards",
    type=click.IntRange(1, 100_000),
    required=True,
    help=f"How many wards to make (across one provider per {WARDS_PER_PROVIDER} wards).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="An empty or new folder to write the provider folders into.",
)
@click.option("--seed", type=int, default=1, show_default=True, help="The same seed always makes the same files.")
@today_option
def synthetic(n_wards: int, out: Path, seed: int, today: dt.date) -> None:
    """Write N fictional wards that pass `wardsite check`: every ward type, some overdue or due soon
    on --today, some with sections left out. For benchmarks only: never publish them."""
    if out.exists() and any(out.iterdir()):
        raise click.UsageError(f"{out} is not empty; give a new or empty folder so no real ward file is overwritten.")
    files = synthetic_files(n_wards, seed, today)
    write_files(files, out)
    providers = sum(1 for name in files if name.endswith("/provider.yaml"))
    click.echo(
        f"Wrote {len(files) - providers} synthetic wards across "
        f"{providers} provider{'' if providers == 1 else 's'} into {out}."
    )
