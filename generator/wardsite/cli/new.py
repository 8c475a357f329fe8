"""``wardsite new`` and ``wardsite new-provider``: start a ward or provider file from a template."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import click

from wardsite.authoring.scaffold import provider_template, ward_template
from wardsite.cli.check import display_path
from wardsite.cli.options import docs_dir_option, today_option, wards_option
from wardsite.loading.catalogue import PROVIDER_FILE, SLUG, suggest_slug
from wardsite.open_data.schemas import PROVIDER_SCHEMA, SCHEMA_DIR, WARD_FILE_SCHEMA
from wardsite.source.reader import read_source

schema_ref_option = click.option(
    "--schema-ref",
    metavar="PATH-OR-URL",
    help="What the file's `# yaml-language-server: $schema=` line points at. Default: the relative path to the "
    "schema in the docs folder. A repository holding only ward files can give the published address instead, "
    "such as https://wards.example.nhs.uk/schema/ward-file.schema.json.",
)


def _check_slug(value: str, param: str, example: str) -> str:
    if not SLUG.match(value):
        suggestion = suggest_slug(value)
        hint = f" Try `{suggestion}`." if suggestion and suggestion != value else f" For example `{example}`."
        raise click.BadParameter(
            f"`{value}` cannot be used in a web address: use lowercase letters, digits and hyphens only.{hint}",
            param_hint=param,
        )
    return value


def _schema_ref(given: str | None, docs_dir: Path, schema: str, folder: Path) -> str:
    if given:
        return given
    return Path(os.path.relpath((docs_dir / SCHEMA_DIR / schema).resolve(), folder.resolve())).as_posix()


def _write_new(path: Path, text: str) -> None:
    """Create ``path``, never replacing a file that appeared in the meantime."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise click.UsageError(f"{display_path(path)} already exists; nothing was changed.") from None


def _provider_defaults(provider_file: Path) -> dict[str, Any]:
    defaults = read_source(provider_file, display_path(provider_file)).data or {}
    defaults = defaults.get("ward_defaults") if isinstance(defaults, dict) else None
    return defaults if isinstance(defaults, dict) else {}


@click.command("new")
@click.argument("provider")
@click.argument("ward")
@wards_option
@docs_dir_option
@schema_ref_option
@today_option
def new(provider: str, ward: str, wards: Path, docs_dir: Path, schema_ref: str | None, today: dt.date) -> None:
    """Start a new ward file, wards/PROVIDER/WARD.yaml, from a template.

    WARD becomes the page's web address (/wards/PROVIDER/WARD/), so it is lowercase words joined by
    hyphens, like kingfisher-ward. Every field is in the file with a note saying what it is.
    """
    _check_slug(provider, "PROVIDER", "example-valley-nhs-ft")
    _check_slug(ward, "WARD", "kingfisher-ward")
    if ward == Path(PROVIDER_FILE).stem:
        raise click.BadParameter(
            "`provider` is kept for provider.yaml. Choose the ward's own name, like kingfisher-ward.", param_hint="WARD"
        )
    folder = wards / provider
    if not (folder / PROVIDER_FILE).is_file():
        known = sorted(p.parent.name for p in wards.glob(f"*/{PROVIDER_FILE}"))
        listed = f" Providers here: {', '.join(known)}." if known else ""
        raise click.UsageError(
            f"there is no {display_path(folder / PROVIDER_FILE)}. Run `wardsite new-provider {provider}` "
            f"first, or check the spelling.{listed}"
        )
    taken = folder / f"{ward}.yaml"  # ward names repeat across providers: only this provider's folder matters
    if taken.exists():
        raise click.UsageError(
            f"{display_path(taken)} already exists; nothing was changed."
            " Each of a provider's wards needs its own name, because it is the page's web address."
        )
    target = folder / f"{ward}.yaml"
    text = ward_template(
        provider,
        ward,
        _provider_defaults(folder / PROVIDER_FILE),
        _schema_ref(schema_ref, docs_dir, WARD_FILE_SCHEMA, folder),
        display_path(target),
        today,
    )
    _write_new(target, text)
    click.echo(f"Created {display_path(target)}.")
    click.echo("Next: open it, write a value after each colon on the lines that do not start with #, then run:")
    click.echo(f"  wardsite check {display_path(target)}")


@click.command("new-provider")
@click.argument("provider")
@wards_option
@docs_dir_option
@schema_ref_option
@today_option
def new_provider(provider: str, wards: Path, docs_dir: Path, schema_ref: str | None, today: dt.date) -> None:
    """Start a new provider's folder, wards/PROVIDER/, with a provider.yaml from a template.

    PROVIDER becomes part of web addresses, so it is lowercase words joined by hyphens,
    like example-valley-nhs-ft.
    """
    _check_slug(provider, "PROVIDER", "example-valley-nhs-ft")
    folder = wards / provider
    target = folder / PROVIDER_FILE
    if target.exists():
        raise click.UsageError(f"{display_path(target)} already exists; nothing was changed.")
    text = provider_template(
        provider, _schema_ref(schema_ref, docs_dir, PROVIDER_SCHEMA, folder), display_path(target), today
    )
    _write_new(target, text)
    click.echo(f"Created {display_path(target)}.")
    click.echo("Next: fill in the lines that do not start with #, then add a ward:")
    click.echo(f"  wardsite new {provider} WARD-NAME")
