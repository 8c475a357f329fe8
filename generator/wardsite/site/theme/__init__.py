"""What every wardsite site needs besides its pages, shipped inside the package.

- ``overrides/``: Material theme overrides (skip link, Large print switch, en-GB language);
- ``static/``: stylesheets, scripts and Easy Read pictures, copied to the same paths in the site;
- ``pages/``: the guide for providers, published under "For providers".

A site can replace any of these by putting a file at the same path in its own docs folder (or its
own ``theme.custom_dir``): the site's file wins. Nothing here imports MkDocs.
"""

from __future__ import annotations

from pathlib import Path

THEME_DIR = Path(__file__).resolve().parent
OVERRIDES_DIR = THEME_DIR / "overrides"
STATIC_DIR = THEME_DIR / "static"
PAGES_DIR = THEME_DIR / "pages"

STYLESHEETS = ("stylesheets/wardsite.css", "stylesheets/tables.css", "stylesheets/accessibility.css")
"""Added to every page, in this order."""

SCRIPTS = ("javascripts/wardsite.js",)
"""Added to every page. A page that needs more (the report's and compare pages' tables) names them
in its front matter (``scripts``), and overrides/main.html adds them to that page only."""


def _files_under(root: Path) -> dict[str, Path]:
    return {path.relative_to(root).as_posix(): path for path in sorted(root.rglob("*")) if path.is_file()}


def static_files() -> dict[str, Path]:
    """``{path in the site: file in the package}`` for the stylesheets, scripts and pictures."""
    return _files_under(STATIC_DIR)


def guide_pages() -> dict[str, Path]:
    """``{path in the docs folder: file in the package}`` for the hand-written guide pages."""
    return _files_under(PAGES_DIR)
