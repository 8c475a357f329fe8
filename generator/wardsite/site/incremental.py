"""Live preview rendering: an edited ward's pages at once, everything else soon after.

At national scale, rendering every page takes seconds (2,000 ward pages, their Easy Read
pages, lists, the inspectors' report and open data files). A ward manager who saves one
ward file wants to see that ward's page now. So, after a rebuild in which only some wards
changed (by identity: the load cache returns the same objects for unchanged files), the
changed wards' own pages are rendered straight away and every other page keeps its last
text. A background thread then renders the rest of the site for that state (lists, report,
data; each unchanged ward's pages are reused, not rendered again) and, when it is done,
calls ``refresh`` so the server rebuilds once more and those pages catch up. It starts only
once the quick rebuild has been built (``start_background``): running at the same time, it
would compete with it for the interpreter and hold back the very page the ward manager awaits.

Anything else (a provider file, the date, the history...) renders the whole site at once,
as a plain build does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from wardsite.loading.catalogue import Catalogue, ProviderEntry, WardEntry
from wardsite.model import Provider
from wardsite.model import addresses as links

RenderWard = Callable[[ProviderEntry, WardEntry], dict[str, str]]
RenderAll = Callable[[RenderWard], dict[str, str]]
"""Renders the whole site, using the given function for each ward's own pages."""


@dataclass
class _State:
    """What one render was made from, and what it made."""

    wards: dict[str, tuple[ProviderEntry, WardEntry]]
    providers: dict[str, Provider]
    context: object
    pages: dict[str, str]

    def same_inputs(self, other: _State) -> bool:
        return (
            self.context == other.context
            and self.providers == other.providers
            and self.wards.keys() == other.wards.keys()
            and all(other.wards[key][1] is entry for key, (_, entry) in self.wards.items())
        )


def _ward_pages(pages: dict[str, str], entry: WardEntry) -> list[str]:
    folder = links.ward_dir(entry.provider_slug, entry.slug)
    return [path for path in pages if path.startswith(folder)]


@dataclass
class _WardMemo:
    """Each ward's own pages, reused while its entry object, its provider and the context stay the same."""

    render: RenderWard
    context: object
    pages: dict[str, tuple[WardEntry, Provider, dict[str, str]]] = field(default_factory=dict)

    def __call__(self, provider: ProviderEntry, entry: WardEntry) -> dict[str, str]:
        found = self.pages.get(entry.key)
        if found is not None and found[0] is entry and found[1] == provider.provider:
            return found[2]
        pages = self.render(provider, entry)
        self.pages[entry.key] = (entry, provider.provider, pages)
        return pages


@dataclass
class IncrementalSite:
    """The last rendered state of the site, and the background render that completes it."""

    last: _State | None = None
    _memo: _WardMemo | None = None
    _wanted: tuple[_State, RenderAll, Callable[[], None]] | None = None
    _lock: threading.Condition = field(default_factory=threading.Condition)
    _worker: threading.Thread | None = None
    _go: bool = False
    """Whether the quick rebuild the wanted render follows has been built (``start_background``)."""

    def pages(
        self,
        catalogue: Catalogue,
        context: object,
        render_all: RenderAll,
        render_ward: RenderWard,
        refresh: Callable[[], None],
    ) -> dict[str, str]:
        """Every page for ``catalogue``: at once if only some wards changed, else fully rendered.

        ``context`` is everything else the pages depend on (date, settings, history...), compared
        with ==; ``render_ward`` renders one ward's own pages; ``refresh`` asks the server to rebuild.
        """
        wards = {w.key: (p, w) for p in catalogue.providers for w in p.wards}
        providers = {p.slug: p.provider for p in catalogue.providers}
        current = _State(wards, providers, context, {})
        with self._lock:
            last, memo = self.last, self._memo
            if memo is None or memo.context != context:
                memo = self._memo = _WardMemo(render_ward, context)
        if last is None or last.context != context or last.providers != providers:
            current.pages = render_all(memo)
            with self._lock:
                self.last, self._wanted = current, None
            return current.pages
        if last.same_inputs(current):
            return last.pages
        changed = [key for key, (_, entry) in wards.items() if key not in last.wards or last.wards[key][1] is not entry]
        pages = dict(last.pages)
        for key in [*changed, *(key for key in last.wards if key not in wards)]:
            for path in _ward_pages(pages, (wards.get(key) or last.wards[key])[1]):
                del pages[path]
        for key in changed:
            pages.update(memo(*wards[key]))
        current.pages = pages
        with self._lock:
            self.last = current
            self._wanted = (current, render_all, refresh)
            self._go = False  # until these pages are built
            if self._worker is None:
                self._worker = threading.Thread(
                    target=self._complete_in_background, name="wardsite-render", daemon=True
                )
                self._worker.start()
        return pages

    def start_background(self) -> None:
        """The pages ``pages`` returned have been built: the background render may now complete the site."""
        with self._lock:
            self._go = True
            self._lock.notify_all()

    def _complete_in_background(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._wanted is not None and self._go)
                wanted = self._wanted
                assert wanted is not None  # waited for above
                state, render_all, refresh = wanted
                self._wanted = None
                memo = self._memo
            try:
                pages: dict[str, str] | None = render_all(memo)  # type: ignore[arg-type]
            except Exception:
                pages = None
            with self._lock:
                if self.last is not state:
                    continue  # another edit came in meanwhile: its render is already wanted
                self.last = _State(state.wards, state.providers, state.context, pages) if pages is not None else None
            refresh()
