"""``wardsite generate``, ``build`` and ``serve``: from ward files to a published site."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import click

from wardsite.cli.loading import publishable_catalogue
from wardsite.cli.options import (
    a11y_report_option,
    cache_folder,
    config_option,
    docs_dir_of,
    docs_dir_option,
    due_soon_option,
    plugin_wards_of,
    skip_option,
    today_option,
    wards_option,
)
from wardsite.cli.report import accessibility_results
from wardsite.loading.catalogue import Catalogue, provider_folders
from wardsite.site.generate import render_site
from wardsite.site.output import theme_files, write_pages
from wardsite.site.publish import build_and_swap
from wardsite.site.targets import site_dir_problem
from wardsite.source.history import file_history

OFFLINE_CONFIG = "mkdocs-offline.yml"


def _render_and_write(
    wards: Path,
    docs_dir: Path,
    today: dt.date,
    due_soon_days: int,
    skip_broken_providers: bool,
    a11y_report: Path | None = None,
) -> Catalogue:
    """Load, report problems, and write pages; exit 1 (writing nothing) if the wards have errors."""
    catalogue = publishable_catalogue(wards, skip_broken_providers, "nothing was generated", today)
    pages = render_site(
        catalogue,
        today,
        due_soon_days,
        a11y=accessibility_results(a11y_report),
        history=file_history(wards),
        built_at=dt.datetime.now(dt.UTC).replace(microsecond=0),  # published for national aggregation
    )
    pages.update(theme_files(docs_dir))
    result = write_pages(pages, docs_dir)
    if result.refused:
        for reason in result.refused:
            click.echo(reason, err=True)
        click.echo(f"\nNothing was generated in {docs_dir}.", err=True)
        sys.exit(1)
    click.echo(f"Generated {len(pages)} pages in {docs_dir} ({result.written} changed, {result.removed} removed).")
    return catalogue


@click.command()
@wards_option
@docs_dir_option
@today_option
@due_soon_option
@skip_option
@a11y_report_option
def generate(
    wards: Path,
    docs_dir: Path,
    today: dt.date,
    due_soon_days: int,
    skip_broken_providers: bool,
    a11y_report: Path | None,
) -> None:
    """Write the generated pages into the docs folder, for any mkdocs.yml builder (MkDocs, Zensical)."""
    _render_and_write(wards, docs_dir, today, due_soon_days, skip_broken_providers, a11y_report)


def wards_in_use(wards: Path, config_file: Path) -> Path:
    """The wards folder a build reads: ``--wards`` if given, else the plugin's own ``wards:`` setting."""
    given = click.get_current_context().get_parameter_source("wards")
    return wards if given is not click.core.ParameterSource.DEFAULT else plugin_wards_of(config_file)


def plugin_settings(
    wards: Path,
    today: dt.date,
    due_soon_days: int,
    skip_broken_providers: bool,
    a11y_report: Path | None,
) -> dict[str, object]:
    """The command line's choices as settings for the wardsite plugin (paths made absolute)."""
    settings: dict[str, object] = {
        "today": today.isoformat(),
        "due_soon_days": due_soon_days,
        "skip_broken_providers": skip_broken_providers,
    }
    given = click.get_current_context().get_parameter_source("wards")
    if given is not click.core.ParameterSource.DEFAULT:  # else the plugin's own `wards:` setting
        settings["wards"] = str(wards.resolve())
    if a11y_report is not None:
        settings["accessibility_report"] = str(a11y_report.resolve())
    keep_in = cache_folder()
    if keep_in is not None:  # the files `wardsite check` read are not read again
        settings["cache"] = str(keep_in.resolve())
    return settings


@click.command()
@wards_option
@config_option
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the finished site goes (default: site, or site-offline with --offline). It is replaced only if the "
    "whole build succeeds.",
)
@click.option(
    "--offline",
    is_flag=True,
    help="Build the offline bundle instead (mkdocs-offline.yml beside the config): a folder to copy to a ward "
    "tablet and open with no network.",
)
@today_option
@due_soon_option
@skip_option
@a11y_report_option
def build(
    wards: Path,
    config_file: Path,
    site_dir: Path | None,
    offline: bool,
    today: dt.date,
    due_soon_days: int,
    skip_broken_providers: bool,
    a11y_report: Path | None,
) -> None:
    """Check the wards, generate the pages and build the whole site.

    The site is built in a staging folder and swapped into place only when every step
    worked: after a failure the previous site is left exactly as it was.
    """
    if offline:
        config_file = config_file.with_name(OFFLINE_CONFIG)
        if not config_file.is_file():
            raise click.UsageError(f"{config_file} is missing: the offline bundle is built from it.")
    site_dir = site_dir or Path("site-offline" if offline else "site")
    protected = {"the wards folder": wards_in_use(wards, config_file), "the docs folder": docs_dir_of(config_file)}
    refused = site_dir_problem(site_dir, config_file.parent, protected)
    if refused:
        raise click.BadParameter(refused, param_hint="--site-dir")
    settings = plugin_settings(wards, today, due_soon_days, skip_broken_providers, a11y_report)
    terminal = sys.stderr.isatty()
    outcome = build_and_swap(
        config_file, site_dir, settings, show=lambda text: click.echo(text, err=True, nl=False), progress_bar=terminal
    )
    if not outcome.ok:
        if outcome.output and not outcome.shown:
            click.echo(outcome.output, err=True)
        click.echo(f"The site build failed; {site_dir} was left as it was.", err=True)
        sys.exit(1)
    click.echo(
        f"Built the {'offline bundle' if offline else 'site'} in {site_dir}."
        + (f" Copy the folder to the tablet and open {site_dir / 'index.html'}." if offline else "")
    )


@click.command()
@config_option
@wards_option
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address and port to serve on.")
@click.option(
    "--provider",
    metavar="FOLDER",
    default=None,
    help="Preview only this provider's wards (the name of its folder under wards/): in a national repository the "
    "preview then starts in seconds. Lists, compare pages and the inspectors' report show that provider alone.",
)
@today_option
@due_soon_option
def serve(
    config_file: Path, wards: Path, dev_addr: str, provider: str | None, today: dt.date, due_soon_days: int
) -> None:
    """Preview the site at http://127.0.0.1:8000, rebuilding whenever a ward file changes.

    A mistake in a ward file is printed here and shown in a box at the top of the page it
    affects (readers never see that box), with the page's last good version below it.
    The preview keeps running: fix the file, save it, and the page updates.
    """
    _refuse_a_port_in_use(dev_addr)
    settings = plugin_settings(wards, today, due_soon_days, False, None)
    if provider:
        folder = wards_in_use(wards, config_file)
        # The folders the loader reads (never a path: a name from this list cannot point elsewhere).
        names = [p.name for p in provider_folders(folder)] if folder.is_dir() else []
        if provider not in names:
            raise click.BadParameter(
                f"there is no provider folder {provider!r} in {folder}. The provider folders are: "
                f"{', '.join(names) or 'none'}.",
                param_hint="--provider",
            )
        settings["provider"] = provider
    if (
        signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    ):  # started in the background: let the preview hear Ctrl+C's signal
        signal.signal(signal.SIGINT, signal.default_int_handler)
    # A dirty rebuild after an edit re-renders only the pages whose text changed (not 2,000 ward pages).
    preview = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wardsite.site.mkdocs_run",
            "serve",
            "--config-file",
            str(config_file),
            "--dev-addr",
            dev_addr,
            "--settings",
            json.dumps(settings),
            "--verbose",
        ],
    )
    stopping: list[float] = []

    def ask_to_stop(number: int, _frame: object) -> None:
        # Stopping wardsite stops the preview too: without this, `kill` or an editor's stop
        # button would leave mkdocs running, holding the port. It is asked as Ctrl+C asks,
        # so it can shut down cleanly and tidy up after itself.
        stopping.append(time.monotonic())
        preview.send_signal(signal.SIGINT if os.name == "posix" else number)

    for stop in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):  # Windows has no SIGHUP
        if stop is not None:
            signal.signal(stop, ask_to_stop)
    try:
        sys.exit(_wait_for(preview, stopping))
    except KeyboardInterrupt:  # Ctrl+C in the terminal reaches the preview too
        stopping.append(time.monotonic())
        sys.exit(_wait_for(preview, stopping))


def _wait_for(preview: subprocess.Popen[bytes], stopping: list[float]) -> int:
    """The preview's exit status. Once asked to stop, it has 5 seconds to shut down cleanly, then it is ended."""
    while True:
        try:
            return preview.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            waited = time.monotonic() - stopping[0] if stopping else 0.0
            if waited > 10:
                preview.kill()
            elif waited > 5:
                preview.terminate()


def _refuse_a_port_in_use(dev_addr: str) -> None:
    """Say in plain words that another preview holds the port, rather than a traceback from mkdocs."""
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise click.BadParameter("write an address and a port, like 127.0.0.1:8001.", param_hint="--dev-addr")
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: a just-closed port is free
        try:
            probe.bind((host.strip("[]"), int(port)))
        except socket.gaierror:
            raise click.BadParameter(
                f"this computer has no address called {host}: use 127.0.0.1, like 127.0.0.1:8001.",
                param_hint="--dev-addr",
            ) from None
        except OSError:
            click.echo(
                f"Port {port} on {host} is already in use: another preview may still be running, in another "
                "terminal window.",
                err=True,
            )
            click.echo(
                "Stop that one (press Ctrl and C together in its window), or start this one on another port: "
                f"wardsite serve --dev-addr {host}:{int(port) + 1}",
                err=True,
            )
            sys.exit(1)
