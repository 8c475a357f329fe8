"""Pages a build rendered, kept between builds by what they were rendered from.

At national scale the theme's page layout (navigation, header, footer around each page's
content) is a quarter of a build, and a CI run that rebuilds every morning renders the same
thousands of pages from the same content again. So each page's rendered HTML is kept in the
site's cache folder under a key made of everything the theme reads to render it: the page's
own content, table of contents and metadata, its address, the navigation, the site's settings,
and the versions of wardsite, MkDocs and the theme (with the contents of every theme folder
outside the theme package). A page whose key is known is not rendered again: the plugin hands
its kept HTML to the layout, which then renders nothing else (``main.html``). Any change to any
part of the key renders the page afresh, so a cached build is byte-for-byte a full build.

The same store keeps, one level up, each ward's own generated pages (``KeptWardPages``: by the
ward's and its provider's data and the date) and generated Markdown pages as HTML
(``KeptMarkdown``: by their text and the site's files, which decide where their links lead).

The folder holds data only (compressed text, one file per page, named by its key): reading it
never runs code, and a damaged or missing file is the same as one never kept. Entries a
finished build did not use are removed, so the folder stays the size of one site.

Nothing here imports MkDocs: the plugin works out the key's parts.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, TypeAdapter, ValidationError, with_config
from typing_extensions import TypedDict

from wardsite.loading.cache import content_key
from wardsite.loading.catalogue import ProviderEntry, WardEntry
from wardsite.site.incremental import RenderWard
from wardsite.source.kept import keep

FOLDER = "rendered-pages-1"
"""The cache's folder inside the site's cache folder; a change to the layout here starts afresh."""
WARD_PAGES_FOLDER = "ward-pages-1"
"""The folder of each ward's own generated pages (``KeptWardPages``)."""
MARKDOWN_FOLDER = "markdown-1"
"""The folder of generated Markdown pages as HTML (``KeptMarkdown``)."""
_PACKAGE = Path(__file__).resolve().parents[1]


@cache
def package_fingerprint() -> str:
    """A hash of every file of wardsite itself (code, templates, theme overrides) and of Python's version."""
    return content_key(sys.version, _files_key(_PACKAGE))


_SUFFIX = ".html.z"
_THEME_PACKAGES = ("mkdocs", "mkdocs-material")
"""Whose version stands for their templates (a package's files change only with its version)."""
_NOT_RENDERED_FROM = frozenset(
    {"site_dir", "docs_dir", "config_file_path", "watch", "dev_addr", "hooks", "theme", "plugins"}
)
"""Settings the theme does not read to render a page (where files are, what the preview watches), and the
two given to ``site_key`` on their own (the theme's and the plugins')."""


def _plain(value: object) -> object:
    """A setting as JSON can write it: an object by its type and simple attributes (an object that has none
    is written by type alone; unlike ``repr``, never by its address in memory, which differs on every run)."""
    attributes = getattr(value, "__dict__", None)
    if isinstance(attributes, dict):
        simple = {k: v for k, v in attributes.items() if isinstance(v, str | int | float | bool | type(None))}
        return {"type": type(value).__qualname__, **simple}
    return type(value).__qualname__ if not isinstance(value, str | int | float | bool) else value


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=_plain, ensure_ascii=False)


def _files_key(folder: Path) -> str:
    """A hash of every file's name and bytes under ``folder`` (a site's own theme overrides, or wardsite)."""
    parts: list[str | bytes] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return content_key(*parts)


def _package_folder(name: str) -> Path | None:
    try:
        files = metadata.distribution(name).files or []
    except metadata.PackageNotFoundError:
        return None
    top = next((f for f in files if len(f.parts) == 2 and f.name == "__init__.py"), None)  # material/__init__.py
    return Path(str(top.locate())).resolve().parent if top is not None else None


def _version(distribution: str) -> str:
    try:
        return f"{distribution}={metadata.version(distribution)}"
    except metadata.PackageNotFoundError:
        return distribution


_KNOWN_DISTRIBUTIONS = {"mkdocs": ["mkdocs"], "material": ["mkdocs-material"]}


def _distributions(top_module: str) -> list[str]:
    """The installed packages a plugin's module comes from (looked up only for plugins from other packages:
    the lookup reads every installed package's file list, about a second)."""
    known = _KNOWN_DISTRIBUTIONS.get(top_module)
    return known if known is not None else metadata.packages_distributions().get(top_module, [top_module])


def site_key(
    settings: Mapping[str, Any],
    theme: Mapping[str, Any],
    theme_dirs: Iterable[str],
    plugins: Mapping[str, tuple[str, Mapping[str, Any]]],
) -> str:
    """Everything about the site a page's layout is rendered from, but its navigation and the page itself.

    ``settings`` are the site's settings (``mkdocs.yml`` as MkDocs and the plugins left it, less the
    theme and plugins); ``theme`` the theme's own settings, ``theme_dirs`` its template folders in
    order; ``plugins`` each plugin's module and settings by name, less those that do not shape the
    layout (wardsite's: what it generates is in each page's own part of the key).
    """
    parts: list[str | bytes] = [FOLDER, package_fingerprint(), *map(_version, _THEME_PACKAGES)]
    packaged = [folder for folder in map(_package_folder, _THEME_PACKAGES) if folder is not None]
    packaged.append(_PACKAGE)  # wardsite's own theme overrides are in its fingerprint
    for folder in map(Path, theme_dirs):  # a package's templates change with its version; others are read
        in_package = any(folder.resolve().is_relative_to(package) for package in packaged)
        parts.append("packaged" if in_package else _files_key(folder))
    for name, (module, options) in sorted(plugins.items()):
        parts += [name, module, *map(_version, _distributions(module.split(".", 1)[0])), _json(options)]
    parts.append(_json({k: v for k, v in settings.items() if k not in _NOT_RENDERED_FROM}))
    parts.append(_json(dict(theme)))
    return content_key(*parts)


def navigation_key(items: Iterable[Any]) -> str:
    """The navigation every page's layout shows: each item's kind, title, address and children, in order.
    With the page's own address it decides the page's place in it, and its previous and next pages."""

    def plain(item: Any) -> list[Any]:
        kind = "page" if item.is_page else "section" if item.is_section else "link"
        url = None if item.is_section else item.url
        return [kind, item.title, url, [plain(child) for child in (getattr(item, "children", None) or [])]]

    return content_key(_json([plain(item) for item in items]))


def page_key(site: str, navigation: str, page: Any) -> str:
    """The key of one page: the site's, the navigation's, and the page's own address, title, metadata,
    table of contents and content (every ``page.*`` the layout templates read)."""
    return content_key(
        site,
        navigation,
        page.file.src_uri,
        page.file.dest_uri,
        page.url,
        str(page.canonical_url),
        str(page.edit_url),
        str(page.title),
        str(page.is_homepage),
        _json(page.meta),
        _json(toc_tokens(page.toc)),
        page.content or "",
    )


class RenderedPages:
    """Rendered pages kept in ``folder`` by key; ``None`` keeps nothing (every page is a miss)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.hits = self.misses = 0
        self._new: dict[str, bytes] = {}
        """Pages rendered in this build, compressed: written only when the whole build has succeeded, since a
        page a failed (strict) build rendered with a warning must warn again next time, not come back quietly."""

    @staticmethod
    def key(*parts: str | bytes) -> str:
        """A key for one page: a hash of ``parts`` in order (each length-prefixed, so no two lists collide)."""
        return content_key(*parts)

    def _path(self, key: str) -> Path:
        assert self.folder is not None  # only called with a folder
        return self.folder / f"{key}{_SUFFIX}"

    def get(self, key: str) -> str | None:
        """The page kept under ``key``, or None (never kept, or the file cannot be read back whole)."""
        if self.folder is None:
            return None
        self.used.add(key)
        new = self._new.get(key)
        if new is not None:  # the same page twice in one build
            self.hits += 1
            return zlib.decompress(new).decode("utf-8")
        try:
            html = zlib.decompress(self._path(key).read_bytes()).decode("utf-8")
        except (OSError, zlib.error, UnicodeDecodeError):
            self.misses += 1
            return None
        self.hits += 1
        return html

    def put(self, key: str, html: str) -> None:
        """Keep ``html`` under ``key`` once the build succeeds (see ``save``)."""
        if self.folder is None:
            return
        self.used.add(key)
        self._new[key] = zlib.compress(html.encode("utf-8"), 1)

    def save(self) -> None:
        """After a whole build: write the pages it rendered, and remove every kept page it did not ask for.
        A page that cannot be written is only rendered again next time."""
        if self.folder is None:
            return
        for key, data in self._new.items():
            keep(self._path(key), data)
        self._new.clear()
        if not self.folder.is_dir():
            return
        for entry in os.scandir(self.folder):
            name = entry.name
            if (name.endswith(_SUFFIX) and name.removesuffix(_SUFFIX) not in self.used) or name.endswith(".tmp"):
                Path(entry.path).unlink(missing_ok=True)


class KeptWardPages:
    """Each ward's own pages (its page and its Easy Read page), rendered once for the same ward, provider,
    date and wardsite, and kept in the cache folder for later builds: a ``RenderWard`` for ``render_site``.

    The key is the ward's and its provider's validated data as JSON (what the pages are made from, not
    where the file came from), with its address, today's date and the due-soon window, since review
    states change with the date.
    """

    def __init__(self, kept: RenderedPages, render: RenderWard, today: dt.date, due_soon_days: int) -> None:
        self.kept = kept
        self.render = render
        self.context = f"{WARD_PAGES_FOLDER}\0{package_fingerprint()}\0{today.isoformat()}\0{due_soon_days}"
        self._providers: dict[str, str] = {}
        """Each provider's data as JSON, worked out once for all its wards (a build has one provider per slug)."""

    def __call__(self, provider: ProviderEntry, entry: WardEntry) -> dict[str, str]:
        if provider.slug not in self._providers:
            self._providers[provider.slug] = provider.provider.model_dump_json()
        key = self.kept.key(
            self.context,
            provider.slug,
            self._providers[provider.slug],
            entry.provider_slug,
            entry.slug,
            entry.source_path,
            entry.ward.model_dump_json(),
        )
        found = _pages(self.kept.get(key))
        if found is not None:
            return found
        pages = self.render(provider, entry)
        self.kept.put(key, json.dumps(pages, ensure_ascii=False))
        return pages


_WARD_PAGES: TypeAdapter[dict[str, str]] = TypeAdapter(dict[str, str], config=ConfigDict(strict=True))


def _pages(kept: str | None) -> dict[str, str] | None:
    """Pages read back from the cache, or None unless they are exactly a mapping of text to text."""
    if kept is None:
        return None
    try:
        return _WARD_PAGES.validate_json(kept)
    except ValidationError:
        return None


@with_config(ConfigDict(strict=True, extra="forbid"))
class TocToken(TypedDict):
    """One heading of a page's table of contents, as MkDocs' ``get_toc`` takes it."""

    name: str
    id: str
    level: int
    children: list[TocToken]


@with_config(ConfigDict(strict=True, extra="forbid"))
@dataclass(frozen=True)
class KeptMarkdown:
    """What MkDocs made of one generated Markdown page: its HTML, its table of contents, the anchors it
    has and the anchors it links to on other pages (by their source path), so MkDocs still checks those
    links."""

    html: str
    toc: list[TocToken]
    anchors: list[str]
    links: dict[str, dict[str, str]]

    def to_json(self) -> str:
        return _KEPT_MARKDOWN.dump_json(self).decode("utf-8")

    @classmethod
    def from_json(cls, kept: str | None) -> KeptMarkdown | None:
        """Read back from the cache, or None unless it has exactly the shapes written."""
        if kept is None:
            return None
        try:
            return _KEPT_MARKDOWN.validate_json(kept)
        except ValidationError:
            return None


_KEPT_MARKDOWN: TypeAdapter[KeptMarkdown] = TypeAdapter(KeptMarkdown)


def toc_tokens(toc: Iterable[Any]) -> list[TocToken]:
    """A table of contents (MkDocs' anchor links) back as the tokens MkDocs makes it from."""
    return [{"name": a.title, "id": a.id, "level": a.level, "children": toc_tokens(a.children)} for a in toc]
