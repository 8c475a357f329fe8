"""Run MkDocs for ``wardsite build`` and ``wardsite serve``, with the command line's settings for the plugin.

The CLI runs this module as its own process (``python -m wardsite.site.mkdocs_run``), so nothing else in
wardsite imports MkDocs. It reads the site's ``mkdocs.yml`` as MkDocs does (``INHERIT``, ``!ENV``), puts the
command line's settings (``--today``, ``--wards``...) over the ``wardsite`` plugin's own, and builds strictly:
any MkDocs warning (a broken link, a missing file) fails the build, shown as it is.

Exit status: 0 built, 1 the build failed (the message says why), 2 the configuration is unusable.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import logging
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about MkDocs 2 is not for ward staff

from mkdocs.commands import serve as serve_module
from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.utils.yaml import yaml_load

from wardsite.site.plugin import WardsitePlugin

PLUGIN = "wardsite"


class SettingsError(Exception):
    """The site's mkdocs.yml cannot take the plugin's settings."""


def plugins_with(config_file: Path, settings: dict[str, Any]) -> list[Any]:
    """The site's plugin list, with ``settings`` over the wardsite plugin's own."""
    with config_file.open("rb") as handle:
        raw = yaml_load(handle) or {}
    plugins = raw.get("plugins", ["search"])
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    result: list[Any] = []
    found = False
    for item in plugins:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        if name == PLUGIN:
            found = True
            options = {**(options or {}), **settings}
        result.append({name: options} if options else name)
    if not found:
        raise SettingsError(
            f"{config_file} does not use the wardsite plugin. Add it under `plugins:` (for example "
            "`plugins: [search, wardsite]`), or run `wardsite init` to make a new site."
        )
    return result


class Progress:
    """Shows the plugin's steps: a bar while pages are built on a terminal, one line per step otherwise."""

    def __init__(self, stream: Any = None, bar: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.terminal = bar
        self.started = time.monotonic()
        self.announced = False

    def __call__(self, step: str, done: int, total: int) -> None:
        if self.terminal:
            width = 30
            filled = width * done // max(total, 1)
            self.stream.write(f"\r{step}: [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done >= total:
                self.stream.write("\n")
            self.stream.flush()
            return
        if not self.announced:
            self.announced = True
            self.stream.write(f"{step}: {total} pages...\n")
            self.stream.flush()
        if done == total:
            self.stream.write(f"{step}: done ({time.monotonic() - self.started:.1f} s).\n")
            self.stream.flush()


class _WithoutDirtyBuildNotice(logging.Filter):
    """The preview always rebuilds dirty, on purpose (wardsite renders what changed); MkDocs' notice that a
    dirty build "will likely lead to inaccurate navigation" is about its own pages, not the preview's."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "mkdocs.commands.build" and str(record.msg).startswith("A 'dirty' build"))


def _configure_logging(verbose: bool) -> None:
    plain = logging.StreamHandler(sys.stderr)
    plain.setFormatter(logging.Formatter("%(message)s"))
    wardsite_log = logging.getLogger("wardsite")
    wardsite_log.addHandler(plain)
    wardsite_log.setLevel(logging.INFO)
    wardsite_log.propagate = False
    mkdocs_handler = logging.StreamHandler(sys.stderr)
    mkdocs_handler.setFormatter(logging.Formatter("MkDocs %(levelname)s: %(message)s"))
    mkdocs_handler.addFilter(_WithoutDirtyBuildNotice())
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(mkdocs_handler)
    mkdocs_log.setLevel(logging.INFO if verbose else logging.WARNING)
    mkdocs_log.propagate = False


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m wardsite.site.mkdocs_run")
    parser.add_argument("command", choices=("build", "serve"))
    parser.add_argument("--config-file", type=Path, required=True)
    parser.add_argument("--site-dir", type=Path)
    parser.add_argument("--dev-addr")
    parser.add_argument("--settings", default="{}", help="JSON: the wardsite plugin's settings to use")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--progress-bar", action="store_true", help="draw a bar (the caller is on a terminal)")
    return parser.parse_args(argv)


def _fresh_plugin_settings_on_every_rebuild(plugins: list[Any]) -> None:
    """MkDocs' serve reloads the configuration before each rebuild with the same keyword arguments, and
    validating plugin settings changes them in place; so each reload gets its own copy of the list."""
    original = serve_module.load_config

    def load_with_fresh_settings(*args: Any, **kwargs: Any) -> Any:
        kwargs["plugins"] = copy.deepcopy(plugins)
        return original(*args, **kwargs)

    serve_module.load_config = load_with_fresh_settings  # type: ignore[assignment]


def _collect_garbage_seldom() -> None:
    """A build makes millions of objects that live until it ends (every ward, every page) and little
    garbage in cycles, so Python's default collector, which looks at all of them again and again, is
    set aside for what the imports made and asked to look at the rest less often: 6% fewer CPU seconds
    for a build of 2,000 wards, with the same peak memory."""
    gc.freeze()
    gc.set_threshold(100_000, 50, 1_000)


def _stop_as_on_ctrl_c(_number: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    _configure_logging(args.verbose)
    try:
        plugins = plugins_with(args.config_file, json.loads(args.settings))
    except (OSError, SettingsError) as problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        if args.command == "serve":
            _fresh_plugin_settings_on_every_rebuild(plugins)
            # Stopped by SIGTERM (a service manager, or the whole process group), shut down as on Ctrl+C,
            # so the server closes and the preview's scratch folder is removed.
            signal.signal(signal.SIGTERM, _stop_as_on_ctrl_c)
            # Not strict: the preview must keep running whatever MkDocs warns about (a dirty rebuild always warns).
            serve(
                config_file=str(args.config_file),
                dev_addr=args.dev_addr,
                build_type="dirty",
                plugins=plugins,
                strict=False,
            )
            return 0
        _collect_garbage_seldom()
        config = load_config(str(args.config_file), site_dir=str(args.site_dir), strict=True, plugins=plugins)
        plugin = config.plugins[PLUGIN]
        if isinstance(plugin, WardsitePlugin):
            plugin.progress = Progress(bar=args.progress_bar)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except Abort:
        # MkDocs has logged why (a ward file's problems, or a warning in strict mode), and the command
        # says what became of the site; MkDocs' own last words ("Aborted with a BuildError!") add nothing.
        return 1
    except MkDocsException as problem:
        print(str(problem).strip() or type(problem).__name__, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
