"""The ``wardsite`` MkDocs plugin: ward pages, theme and data files for ``mkdocs build`` and ``mkdocs serve``.

A site's ``mkdocs.yml`` needs only ``site_name``, ``theme: material`` and ``plugins: [search, wardsite]``.
The plugin is thin: it reads its typed config, then calls plain classes that tests use directly.

- ``on_config`` adds the package's theme overrides, stylesheets and scripts, and sets what a ward
  site needs that the site did not choose itself (British English, no web fonts, the navigation).
- ``on_pre_build`` loads and validates the wards and renders every page, *before* MkDocs cleans
  the site folder: a broken ward file stops the build with the last good site left in place.
- ``on_files`` adds the rendered pages (in memory: nothing is written to the docs folder), the
  package's static files and the guide pages, unless the site has its own file at that path.
- ``on_page_markdown`` / ``on_page_content``: generated pages are HTML and skip Markdown entirely;
  a generated page whose metadata is missing is a build error, never a fallback to Markdown.
- ``on_page_context`` / ``on_post_page``: with a ``cache`` folder, a page laid out before from the same
  content, navigation and settings gets that HTML back, and a new one is kept (``page_cache``); generated
  Markdown pages and each ward's pages are kept the same way.
- ``on_post_build`` writes one short search entry per generated page, and the cache folder.
- In ``mkdocs serve`` the plugin instance lives for the whole preview (MkDocs keeps plugins that
  have ``on_startup``), and holds the preview's memory in one ``LivePreview``.

ProperDocs (the continuation of MkDocs 1.x) runs the same entry point.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from wardsite.findings.accessibility_results import NO_RESULTS, AccessibilityResults, read_accessibility_report
from wardsite.findings.as_of import monthly_history
from wardsite.findings.review_dates import DEFAULT_DUE_SOON_DAYS
from wardsite.loading.cache import LoadCache
from wardsite.loading.catalogue import Catalogue, LoadResult, WardEntry, load_catalogue
from wardsite.model.words import count
from wardsite.problems import Severity
from wardsite.render.environment import HTML_TOC
from wardsite.render.field_guide import PAGE as FIELD_GUIDE_PAGE
from wardsite.render.search import SearchEntry, index_entry, page_search_entry
from wardsite.site import theme
from wardsite.site.file_links import folder_links_to_files
from wardsite.site.generate import GENERATED_DIRS, render_site, render_ward_pages
from wardsite.site.incremental import RenderWard
from wardsite.site.page_cache import FOLDER as RENDERED_PAGES_FOLDER
from wardsite.site.page_cache import (
    MARKDOWN_FOLDER,
    WARD_PAGES_FOLDER,
    KeptMarkdown,
    KeptWardPages,
    RenderedPages,
    navigation_key,
    page_key,
    site_key,
    toc_tokens,
)
from wardsite.site.rebuilds import LivePreview, ward_files
from wardsite.source.git_versions import folder_history
from wardsite.source.history import file_history

log = logging.getLogger("mkdocs.plugins.wardsite")
ward_log = logging.getLogger("wardsite.wards")
"""Problems in ward files. Outside MkDocs' own logger, so ward warnings (a missing section) never fail
``mkdocs build --strict``: only errors stop a build, and they stop it with a plain message."""
progress_log = logging.getLogger("wardsite.progress")
"""One line per step of a long build; ``wardsite build`` shows a progress bar on a terminal."""

DEFAULT_NAV: list[Any] = [
    {"Find a ward": "index.md"},
    {"Compare wards": "compare/index.md"},
    {
        "For providers": [
            "guide/index.md",
            {"Every field": "guide/fields.md"},
            {"Publishing the site": "guide/deploy.md"},
            {"Checks in CI": "guide/ci.md"},
            {"Sharing a repository": "guide/shared-repository.md"},
        ]
    },
    {"For inspectors": "report/index.md"},
]
"""The navigation when the site gives none. It stays the same size whatever the number of wards."""

_MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class _IsoDate(c.Optional[str]):
    """An optional ``YYYY-MM-DD`` date, refused with a plain message otherwise."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value: object) -> str | None:
        text = super().run_validation(str(value) if isinstance(value, dt.date) else value)
        try:
            _date(text)
        except ValueError:
            raise ValidationError(f"{text!r} is not a date written as YYYY-MM-DD.") from None
        return text


class WardsiteConfig(Config):
    """The plugin's settings in ``mkdocs.yml`` (``plugins: - wardsite: {...}``)."""

    wards = c.Type(str, default="wards")
    """The folder with one folder per provider, relative to mkdocs.yml."""
    today = _IsoDate()
    """Pretend today is this date (YYYY-MM-DD) for review states; default: the real date of the build."""
    due_soon_days = c.Type(int, default=DEFAULT_DUE_SOON_DAYS)
    """How many days before the due date a review counts as due soon."""
    accessibility_report = c.Optional(c.Type(str))
    """The JSON report ``wardsite a11y`` wrote (relative to mkdocs.yml): the inspectors' page then shows each
    ward's result; without it, "not checked"."""
    skip_broken_providers = c.Type(bool, default=False)
    """Leave out any provider with errors and publish the rest (national builds). Default: any error stops the build."""
    history = c.Type(bool, default=True)
    """Read each ward file's recent commits from git for the inspectors (off: no git is run)."""
    guide = c.Type(bool, default=True)
    """Publish the guide for providers (``guide/``) shipped with wardsite, unless the site has its own."""
    cache = c.Optional(c.Type(str))
    """A folder (relative to mkdocs.yml) where what each ward file read to is kept, so a build after
    ``wardsite check`` (or an earlier build) does not read unchanged files again, and every page a build
    rendered, so the next build renders only pages whose content, navigation or settings changed
    (``wardsite.site.page_cache``). Default: none."""
    provider = c.Optional(c.Type(str))
    """Preview only this provider's wards (its folder's name): ``wardsite serve --provider``. The live
    preview starts in seconds in a national repository. A build refuses it: a site must have every ward."""


class _WarningCount(logging.Handler):
    """MkDocs' warnings in one build. MkDocs runs ``on_post_build`` before a strict build stops for a
    warning, so the plugin keeps nothing a build rendered while anything warned: a page that warned
    must warn again next time, not come back quietly from the cache folder."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class WardsitePlugin(BasePlugin[WardsiteConfig]):
    """Adds ward pages to an MkDocs site. State lives on the instance; the work is done by plain classes."""

    def __init__(self) -> None:
        self.command = "build"
        self.preview: LivePreview | None = None
        self.pages: dict[str, str] = {}
        self.progress: Callable[[str, int, int], None] | None = None
        """Set by ``wardsite build`` to draw progress; otherwise steps are logged on ``wardsite.progress``."""
        self._html_bodies: dict[str, tuple[str, list[list[str]]]] = {}
        self._build_search: dict[str, SearchEntry] = {}
        self._page_count = self._page_total = 0
        self._rendered = self._ward_pages = self._markdown = RenderedPages(None)
        """Kept between builds in the cache folder: page layouts, each ward's pages, generated Markdown as HTML."""
        self._keys: dict[str, str] = {}
        """The parts of every page's key worked out once per build: the site's, the files', the navigation's."""
        self._to_keep: dict[str, str] = {}
        """Each page laid out afresh in this build: its key, to keep its HTML under (by source path)."""
        self._markdown_to_keep: dict[str, str] = {}
        self._markdown_kept: dict[str, KeptMarkdown] = {}
        self._warnings = _WarningCount()

    # ---- settings -------------------------------------------------------------------------------

    @property
    def serving(self) -> bool:
        return self.preview is not None

    def wards_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.wards

    def today(self) -> dt.date:
        return _date(self.config.today) or dt.date.today()  # the builder's edge: the date of this build

    def _accessibility(self, config: MkDocsConfig) -> AccessibilityResults:
        if not self.config.accessibility_report:
            return NO_RESULTS
        results, problems = read_accessibility_report(
            Path(config.config_file_path).parent / self.config.accessibility_report
        )
        for problem in problems:
            ward_log.warning(problem.format())
        return results

    # ---- events ---------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        if command == "serve" and self.preview is None:
            self.preview = LivePreview()
        if not ward_log.handlers and not logging.getLogger("wardsite").handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(message)s"))
            logging.getLogger("wardsite").addHandler(handler)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Add the package's theme and files; fill in what a ward site needs and the site left unset."""
        if config.theme.name != "material":
            raise PluginError("wardsite needs the Material theme: set `theme: material` in mkdocs.yml.")
        dirs = config.theme.dirs
        position = 1 if config.theme.custom_dir else 0  # the site's own overrides still win
        if str(theme.OVERRIDES_DIR) not in dirs:
            dirs.insert(position, str(theme.OVERRIDES_DIR))
        if config.theme["language"] == "en":
            config.theme["language"] = "en-GB"  # <html lang="en-GB">, British words in the theme
        if config.theme["font"] == _MATERIAL_DEFAULT_FONT:
            config.theme["font"] = False  # no request to a font service from a patient's phone
        if not config.theme.get("palette"):  # the site's own colours (stylesheets/wardsite.css), light only
            config.theme["palette"] = {"scheme": "default", "primary": "custom", "accent": "custom"}
        features = config.theme["features"]
        for feature in ("navigation.sections", "search.suggest"):
            if feature not in features:
                features.append(feature)
        for sheet in theme.STYLESHEETS:
            if sheet not in config.extra_css:
                config.extra_css.append(sheet)
        present = {str(script) for script in config.extra_javascript}
        for script in theme.SCRIPTS:
            if script not in present:
                config.extra_javascript.append(script)
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")  # heading ids in the guide; generated pages skip Markdown
        if config.nav is None:
            config.nav = (
                DEFAULT_NAV if self.config.guide else [item for item in DEFAULT_NAV if "For providers" not in item]
            )
        if self.preview is not None:
            config.watch.append(str(self.wards_dir(config)))
            config.watch.append(str(self.preview.signal_folder()))  # the background render asks for a rebuild here
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Load, validate and render before MkDocs cleans the site folder."""
        started = time.monotonic()
        wards = self.wards_dir(config)
        if not wards.is_dir():
            raise PluginError(
                f"wardsite: the wards folder {wards} does not exist. Set `wards:` under the wardsite plugin."
            )
        if self.config.provider and not self.serving:
            raise PluginError(
                "wardsite: the `provider` setting is for the live preview (`wardsite serve --provider`); a built "
                "site must have every provider's wards. Remove it to build."
            )
        result = load_catalogue(wards, self._loads(config), today=self.today(), only_provider=self.config.provider)
        for problem in result.problems:
            (ward_log.error if problem.severity is Severity.error else ward_log.warning)(problem.format())
        catalogue = self._publishable(result)
        self._step(
            f"Loaded {count(len(catalogue.wards), 'ward')} from {count(len(catalogue.providers), 'provider')}", started
        )
        started = time.monotonic()
        today, a11y, site_url = self.today(), self._accessibility(config), config.site_url or None
        history = file_history(wards) if self.config.history else None  # None: no change history pages
        versions = folder_history(wards) if self.config.history and self.preview is None else None
        timelines = (
            monthly_history(versions, today, self.config.due_soon_days, keep_in=self._cache_folder(config))
            if versions
            else None
        )
        due = self.config.due_soon_days
        # Published in the data files for national aggregation; the live preview leaves it out, so its
        # pages stay the same between edits.
        built_at = None if self.preview is not None else dt.datetime.now(dt.UTC).replace(microsecond=0)

        def render_all(ward_pages: RenderWard | None = None) -> dict[str, str]:
            return render_site(
                catalogue,
                today,
                due,
                a11y=a11y,
                site_url=site_url,
                history=history,
                ward_pages=ward_pages,
                built_at=built_at,
                timelines=timelines,
            )

        if self.preview is not None:  # an edited ward's pages now, the rest in the background
            preview = self.preview
            pages = preview.site.pages(
                catalogue,
                (today, due, a11y, site_url, history),
                render_all,
                lambda p, w: render_ward_pages(p, w, today, due),
                preview.request_rebuild,
            )
            pages = preview.with_problems(pages, result.problems, ward_files(wards))
        else:
            # A build keeps what it rendered (the preview renders what changed), one folder per site, since a
            # build forgets what it did not use and a cache folder may serve several sites. Named by the site
            # (not by where it is: a CI runner may check it out somewhere else each time).
            cache = self._cache_folder(config)
            site = RenderedPages.key(config.site_name, Path(config.config_file_path).name, self.config.wards)[:16]
            self._rendered = RenderedPages(cache / RENDERED_PAGES_FOLDER / site if cache else None)
            self._ward_pages = RenderedPages(cache / WARD_PAGES_FOLDER / site if cache else None)
            self._markdown = RenderedPages(cache / MARKDOWN_FOLDER / site if cache else None)
            self._count_warnings()
            render_ward = partial(render_ward_pages, today=today, due_soon_days=due)
            pages = render_all(KeptWardPages(self._ward_pages, render_ward, today, due))
        self.pages = pages
        self._keys, self._to_keep, self._markdown_to_keep, self._markdown_kept = {}, {}, {}, {}
        self._page_count = 0
        self._build_search = {}
        self._step(f"Rendered {len(pages)} pages and data files", started)

    def _cache_folder(self, config: MkDocsConfig) -> Path | None:
        """The ``cache`` folder, beside mkdocs.yml, or None when the site keeps no cache."""
        return Path(config.config_file_path).parent / self.config.cache if self.config.cache else None

    def _loads(self, config: MkDocsConfig) -> LoadCache[WardEntry] | None:
        """The load cache: the preview's own (kept in memory between rebuilds), kept on disk too with ``cache``."""
        keep_in = self._cache_folder(config)
        if self.preview is not None:
            self.preview.loads.keep_in = keep_in
            return self.preview.loads
        return LoadCache(keep_in) if keep_in else None

    def _publishable(self, result: LoadResult) -> Catalogue:
        """What to publish: everything, or (skipping broken providers) the rest, or nothing and an error."""
        if not result.has_errors or self.serving:
            return result.catalogue
        errors = sum(p.severity is Severity.error for p in result.problems)
        if not self.config.skip_broken_providers:
            raise PluginError(
                f"{count(errors, 'error')} in the ward files: nothing was built. Fix them"
                + (
                    ", or leave out the providers with errors and publish the rest (`wardsite build "
                    "--skip-broken-providers`, or the plugin setting `skip_broken_providers: true`)."
                    if result.several_providers
                    else "."
                )
            )
        kept: Catalogue = result.without_broken_providers()
        if not kept.wards:
            raise PluginError(
                f"{count(errors, 'error')} in the ward files, and every provider has some: nothing was built (a site "
                "with no wards would replace the one readers have now). Fix the errors listed above."
            )
        for slug, left_out in kept.excluded.items():
            errors_here = sum(p.severity is Severity.error for p in left_out)
            ward_log.error(
                f"Excluded provider {slug}: {count(errors_here, 'error')} (listed above). Its wards are left out."
            )
        return kept

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the rendered pages, the theme's static files and the guide, where the site has no file of its own."""
        for path in theme.static_files():
            if files.get_file_from_path(path) is None:
                files.append(File(path, str(theme.STATIC_DIR), config.site_dir, config.use_directory_urls))
        if self.config.guide:
            for path in theme.guide_pages():
                if files.get_file_from_path(path) is None:
                    files.append(File(path, str(theme.PAGES_DIR), config.site_dir, config.use_directory_urls))
        mirror = self.preview.mirror_folder() if self.preview else None
        if mirror is not None and self.preview is not None:  # only changed pages are rewritten
            self.preview.unbuilt.update(mirror.update(self.pages))
        addresses = set()
        for path, text in self.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            in_nav = path in ("index.md", "report/index.md", "compare/index.md", "guide/fields.md")
            inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            if mirror is not None and self.preview is not None:
                file = File.generated(config, path, abs_src_path=str(mirror.path(path)), inclusion=inclusion)
                file.is_modified = partial(self.preview.unbuilt.__contains__, path)  # type: ignore[method-assign]
            else:
                file = File.generated(config, path, content=text, inclusion=inclusion)
            files.append(file)
            addresses.add(file.url)
        if self.preview is not None:
            self.preview.search = {url: entry for url, entry in self.preview.search.items() if url in addresses}
        self._page_total = len(files.documentation_pages())
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.preview is not None:
            env.bytecode_cache = self.preview.templates  # compile the theme once per preview
        return env

    @event_priority(-100)  # last: the page's content and context are final
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """A page rendered before from the same content, navigation and settings gets that HTML back."""
        if self._rendered.folder is None:
            return context
        if "navigation" not in self._keys:
            self._keys["navigation"] = navigation_key(nav.items)
        key = page_key(self._site_part(config), self._keys["navigation"], page)
        kept = self._rendered.get(key)
        if kept is None:
            self._to_keep[page.file.src_uri] = key
        else:
            context["wardsite_cached_page"] = kept  # main.html then renders only this
        return context

    def _site_part(self, config: MkDocsConfig) -> str:
        if "site" not in self._keys:
            self._keys["site"] = self._site_key(config)
        return self._keys["site"]

    def _site_key(self, config: MkDocsConfig) -> str:
        plugins: dict[str, tuple[str, dict[str, Any]]] = {}
        for name, plugin in config.plugins.items():
            if isinstance(plugin, WardsitePlugin):
                continue
            if isinstance(plugin, ModuleType):  # a site's hook: its code shapes what it does
                source = Path(plugin.__file__ or "")
                plugins[name] = (plugin.__name__, {"code": source.read_text("utf-8") if source.is_file() else ""})
            else:
                plugins[name] = (type(plugin).__module__, dict(getattr(plugin, "config", {}) or {}))
        theme = {name: config.theme[name] for name in config.theme}
        return site_key(dict(config.items()), theme, config.theme.dirs, plugins)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Generated pages are HTML: they skip Markdown, and get one short search entry each."""
        source = page.file.src_uri
        if source not in self.pages:
            return markdown
        if source in ("index.md", FIELD_GUIDE_PAGE) or source.split("/", 1)[0] in GENERATED_DIRS:
            # One short entry, not every section: a reader searching "visiting" wants a ward, not the
            # field reference (which stays findable by its title and description).
            search = page.meta.get("search") or {}
            if not search.get("exclude"):  # a page that asks to be left out of search gets no entry at all
                title = str(page.meta.get("title") or page.title)
                self._search()[page.url] = page_search_entry(page.url, title, page.meta)
            page.meta["search"] = {**search, "exclude": True}  # not the whole page: see on_post_build
        if not page.meta.get("title"):  # its metadata did not parse: never let Markdown read the page instead
            raise PluginError(f"wardsite: the generated page {source} has no readable metadata, so it was not built.")
        toc = page.meta.get(HTML_TOC)
        if toc is None:
            return self._markdown_from_cache(markdown, page, config, files)
        self._html_bodies[source] = (markdown, toc)
        return ""  # nothing for Markdown to do: on_page_content puts the HTML back

    def _markdown_from_cache(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated Markdown page converted in an earlier build from the same text among the same files
        (its links resolve the same) is not converted again: its HTML comes back in on_page_content."""
        if self._markdown.folder is None:
            return markdown
        if "files" not in self._keys:
            self._keys["files"] = self._markdown.key(*sorted(f.src_uri for f in files))
        key = self._markdown.key(self._site_part(config), self._keys["files"], page.file.src_uri, markdown)
        kept = KeptMarkdown.from_json(self._markdown.get(key))
        if kept is None:
            self._markdown_to_keep[page.file.src_uri] = key
            return markdown
        self._markdown_kept[page.file.src_uri] = kept
        return ""

    @event_priority(100)  # first: what Markdown made, before any plugin changes it
    def _markdown_converted(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        source = page.file.src_uri
        kept = self._markdown_kept.pop(source, None)
        if kept is not None:
            page.toc = get_toc(kept.toc)  # type: ignore[arg-type]  # MkDocs' own TypedDict, the same shape
            page.present_anchor_ids = set(kept.anchors)
            targets = {to: files.get_file_from_path(to) for to in kept.links}
            page.links_to_anchors = {file: kept.links[to] for to, file in targets.items() if file is not None}
            return kept.html
        key = self._markdown_to_keep.pop(source, None)
        if key is not None:
            links = {file.src_uri: dict(anchors) for file, anchors in (page.links_to_anchors or {}).items()}
            anchors = sorted(page.present_anchor_ids or ())
            self._markdown.put(key, KeptMarkdown(html, toc_tokens(page.toc), anchors, links).to_json())
        return html

    def _html_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        held = self._html_bodies.pop(page.file.src_uri, None)
        if held is None:
            return html
        body, toc = held
        page.toc = get_toc(
            [{"level": 2, "id": anchor, "name": escape(heading), "children": []} for anchor, heading in toc]
        )
        page.present_anchor_ids = {anchor for anchor, _ in toc}
        return body

    on_page_content = CombinedEvent(_markdown_converted, _html_page_content)

    @event_priority(100)  # first: what the theme rendered, before any plugin changes it
    def _keep_rendered_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        key = self._to_keep.pop(page.file.src_uri, None)
        if key is not None:
            self._rendered.put(key, output)
        return output

    def _page_built(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self._page_count += 1
        if self.progress is not None:
            self.progress("Building pages", self._page_count, self._page_total)
        # The offline bundle opens from disk: point folder links at index.html.
        return output if config.use_directory_urls else folder_links_to_files(output)

    on_post_page = CombinedEvent(_keep_rendered_page, _page_built)

    @event_priority(-50)  # after the search plugin writes the index, before the offline plugin copies it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Put one short entry per generated page in the search index, in place of the pages' full text."""
        warned = self._stop_counting_warnings()
        if not warned:  # a build that failed on a ward file never gets here; one that MkDocs warned about does
            for kept in (self._rendered, self._ward_pages, self._markdown):
                kept.save()
        if self._rendered.folder is not None:
            wards, markdown, layouts = self._ward_pages, self._markdown, self._rendered
            progress_log.info(
                f"Reused from the cache folder: {wards.hits} of {wards.hits + wards.misses} wards' pages, "
                f"{markdown.hits} of {markdown.hits + markdown.misses} Markdown pages, "
                f"{layouts.hits} of {layouts.hits + layouts.misses} page layouts."
            )
            if warned:
                progress_log.info("MkDocs warned, so the cache folder keeps what it had: nothing this build rendered.")
        if self.preview is not None:
            self.preview.unbuilt.clear()  # every changed page is built now (a failed build never gets here)
            self.preview.settle()
            self.preview.site.start_background()  # the rest of the site, now the edited ward's page shows
        index = Path(config.site_dir) / "search" / "search_index.json"
        ours = self._search()
        if not ours or not index.is_file():
            return
        data = json.loads(index.read_text(encoding="utf-8"))
        data["docs"] = [doc for doc in data["docs"] if doc.get("location", "").split("#", 1)[0] not in ours] + [
            index_entry(entry) for entry in ours.values()
        ]
        index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")

    def _count_warnings(self) -> None:
        self._stop_counting_warnings()
        self._warnings = _WarningCount()
        logging.getLogger("mkdocs").addHandler(self._warnings)

    def _stop_counting_warnings(self) -> int:
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        return self._warnings.count

    def on_shutdown(self) -> None:
        self._stop_counting_warnings()
        if self.preview is not None:
            self.preview.close()

    # ---- helpers --------------------------------------------------------------------------------

    def _search(self) -> dict[str, SearchEntry]:
        """Search entries by page address; the preview keeps them for pages a dirty rebuild skips."""
        return self.preview.search if self.preview is not None else self._build_search

    def _step(self, what: str, started: float) -> None:
        progress_log.info(f"{what} ({time.monotonic() - started:.1f} s).")
