"""Options shared by several commands."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click
import yaml

from wardsite.findings.review_dates import DEFAULT_DUE_SOON_DAYS

DEFAULT_WARDS = Path("wards")


def _parse_today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()  # the one place that reads the clock
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written as YYYY-MM-DD.") from None


today_option = click.option(
    "--today",
    callback=_parse_today,
    metavar="YYYY-MM-DD",
    help="Pretend today is this date (for reproducible runs). Default: the real date.",
)
due_soon_option = click.option(
    "--due-soon-days",
    type=click.IntRange(0, 365),
    default=DEFAULT_DUE_SOON_DAYS,
    show_default=True,
    help="How many days before the due date a review counts as due soon.",
)
wards_option = click.option(
    "--wards",
    "wards",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_WARDS,
    show_default=True,
    help="The folder with one folder per provider.",
)
skip_option = click.option(
    "--skip-broken-providers",
    is_flag=True,
    help="Leave out any provider with errors and publish the rest (for national builds). Default: any error stops "
    "the build, so a provider never loses a ward page without noticing.",
)
config_option = click.option(
    "--config-file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The site's mkdocs.yml.",
)
a11y_report_option = click.option(
    "--a11y-report",
    "a11y_report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="The JSON report `wardsite a11y` wrote (for example from yesterday's site). The inspectors' report then "
    'shows each ward\'s result; without it, "not checked".',
)


def cache_folder() -> Path | None:
    """Where commands keep results between runs: $WARDSITE_CACHE_DIR, else the user's cache folder.

    WARDSITE_CACHE_DIR=off turns the cache off. Deleting the folder is always safe.
    """
    chosen = os.environ.get("WARDSITE_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wardsite"


def tools_folder() -> Path:
    """Where tools wardsite installs for the user live (the accessibility checker's Node packages):
    $WARDSITE_TOOLS_DIR, else ``wardsite/tools`` in the user's cache folder."""
    chosen = os.environ.get("WARDSITE_TOOLS_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wardsite" / "tools"


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (``!ENV``, ``!!python/name``): only plain keys are wanted."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _settings_of(config_file: Path) -> dict[object, object]:
    try:
        settings = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_IgnoreTags)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        settings = None
    return settings if isinstance(settings, dict) else {}


def docs_dir_of(config_file: Path) -> Path:
    """The site's docs folder, as its ``mkdocs.yml`` names it (MkDocs' default ``docs`` if it names none)."""
    named = _settings_of(config_file).get("docs_dir")
    return config_file.parent / (named if isinstance(named, str) and named else "docs")


def plugin_wards_of(config_file: Path) -> Path:
    """The wards folder the wardsite plugin in ``mkdocs.yml`` reads: its ``wards:`` setting (default ``wards``)."""
    plugins = _settings_of(config_file).get("plugins")
    if isinstance(plugins, list):  # `- wardsite: {wards: ...}` items, or plain names
        plugins = {name: value for item in plugins if isinstance(item, dict) for name, value in item.items()}
    options = plugins.get("wardsite") if isinstance(plugins, dict) else None
    named = options.get("wards") if isinstance(options, dict) else None
    return config_file.parent / (named if isinstance(named, str) and named else "wards")


def _docs_dir(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path:
    return value if value is not None else docs_dir_of(Path("mkdocs.yml"))


docs_dir_option = click.option(
    "--docs-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    callback=_docs_dir,
    help="The site's docs folder. Default: the `docs_dir` named in ./mkdocs.yml (MkDocs' default: docs).",
)
