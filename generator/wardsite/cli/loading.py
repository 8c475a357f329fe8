"""Load the wards for a command that publishes something: print every problem, then stop or leave out broken
providers."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from wardsite.cli.options import cache_folder
from wardsite.loading.cache import LoadCache
from wardsite.loading.catalogue import Catalogue, LoadResult, WardEntry, load_catalogue
from wardsite.model.words import count
from wardsite.problems import Problem, Severity


def count_errors(problems: list[Problem]) -> str:
    """ "1 error", "3 errors"."""
    return count(sum(p.severity is Severity.error for p in problems), "error")


def load_wards(wards: Path, today: dt.date | None = None) -> LoadResult:
    """Every command loads wards this way: through the load cache kept in the cache folder, which
    ``wardsite check``, ``build``, ``serve`` and the rest share, so unchanged files are read once.
    Commands that publish pass ``today``, so a review dated after it is refused, as check refuses it."""
    keep_in = cache_folder()
    cache: LoadCache[WardEntry] | None = LoadCache(keep_in) if keep_in else None
    return load_catalogue(wards, cache, today=today)


def publishable_catalogue(wards: Path, skip_broken_providers: bool, refused: str, today: dt.date) -> Catalogue:
    """The wards to publish on ``today``. With errors: exit 1 saying ``refused`` (what was not done), or, when
    skipping broken providers, leave those providers out and name them (``Catalogue.excluded``)."""
    result = load_wards(wards, today)
    for problem in result.problems:
        click.echo(problem.format(), err=True)
    if not result.has_errors:
        return result.catalogue
    if not skip_broken_providers:
        click.echo(
            f"\n{count_errors(result.problems)} in the ward files: {refused}. Fix them"
            + (", or use --skip-broken-providers to publish the other providers." if result.several_providers else "."),
            err=True,
        )
        sys.exit(1)
    catalogue = result.without_broken_providers()
    if not catalogue.wards:
        click.echo(
            f"\n{count_errors(result.problems)} in the ward files, and every provider has some: {refused} (there "
            "would be no wards to publish). Fix the errors listed above.",
            err=True,
        )
        sys.exit(1)
    for slug, problems in catalogue.excluded.items():
        click.echo(
            f"Excluded provider {slug}: {count_errors(problems)} (listed above). Its wards are left out.", err=True
        )
    return catalogue
