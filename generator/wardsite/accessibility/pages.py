"""Which pages of a built site to check: found by walking the folder, never from sitemap.xml.

An empty or stale sitemap would make the check pass without looking at anything; the folder
is what gets published.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote_plus

NOT_FOUND_PAGE = "404.html"


def site_pages(site_dir: Path) -> list[str]:
    """Every page as a path under the site root: ``""`` (home), ``"wards/example-trust/heron-ward/"``, ``"404.html"``.

    A page is a folder's ``index.html`` (the site uses directory URLs) or the top-level
    404 page. Sorted, so reports and runs are in a stable order.
    """
    pages = []
    for index in site_dir.rglob("index.html"):
        folder = index.parent.relative_to(site_dir).as_posix()
        pages.append("" if folder == "." else f"{folder}/")
    if (site_dir / NOT_FOUND_PAGE).is_file():
        pages.append(NOT_FOUND_PAGE)
    return sorted(pages)


def search_page(words: str) -> str:
    """The home page with the search open and showing results: ``?q=ward``.

    The theme opens its search box with the results for ``q`` (it is what the search form's
    submit button sends), so this is how the search is checked with its results on screen.
    """
    return f"?q={quote_plus(words)}"


def page_file(url_path: str) -> str:
    """The file that serves ``url_path``: ``"wards/x/"`` -> ``"wards/x/index.html"``; ``"?q=..."`` ->
    ``"index.html"``."""
    if url_path.startswith("?"):
        return "index.html"
    return url_path if url_path.endswith(".html") else f"{url_path}index.html"
