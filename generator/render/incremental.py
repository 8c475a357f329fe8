"""Live preview rendering: an edited ward's pages at once, everything else soon after.

At national scale, rendering every page takes seconds (2,000 ward pages, their Easy Read
pages, lists, the inspectors' report and open data files). A ward manager who saves one
ward file wants to see that ward's page now. So, after a rebuild in which only some wards
changed (by identity: the load cache returns the same objects for unchanged files), the
changed wards' own pages are rendered straight away and every other page keeps its last
text. A background thread then renders the whole site for that state; when it is done,
``refresh`` is called so the server rebuilds once more and the lists, report and data catch up.

Anything else (a provider file, the date, the history, an added ward that is new to every
list...) still renders the whole site at once, as a plain build does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.catalogue import Catalogue, ProviderEntry, WardEntry
from generator.model import Provider
from generator.render import links

RenderAll = Callable[[], dict[str, str]]
RenderWard = Callable[[ProviderEntry, WardEntry], dict[str, str]]


@dataclass
class _State:
    """What one render was made from, and what it made."""

    wards: dict[str, tuple[ProviderEntry, WardEntry]]
    providers: dict[str, Provider]
    context: object
    pages: dict[str, str]
    complete: bool = True
    """False while other pages still show an earlier state (a background render is owed)."""

    def same_inputs(self, other: _State) -> bool:
        return (
            self.context == other.context
            and self.providers == other.providers
            and self.wards.keys() == other.wards.keys()
            and all(other.wards[slug][1] is entry for slug, (_, entry) in self.wards.items())
        )


def _ward_pages(pages: dict[str, str], slug: str) -> list[str]:
    folder = links.ward_dir(slug)
    return [path for path in pages if path.startswith(folder)]


@dataclass
class IncrementalSite:
    """The last rendered state of the site, and the background render that completes it."""

    last: _State | None = None
    _wanted: tuple[_State, RenderAll, Callable[[], None]] | None = None
    _lock: threading.Condition = field(default_factory=threading.Condition)
    _worker: threading.Thread | None = None

    def pages(self, catalogue: Catalogue, context: object, render_all: RenderAll, render_ward: RenderWard, refresh: Callable[[], None]) -> dict[str, str]:
        """Every page for ``catalogue``: at once if only some wards changed, else fully rendered.

        ``context`` is everything else the pages depend on (date, settings, history...);
        ``render_ward`` renders one ward's own pages; ``refresh`` asks the server to rebuild.
        """
        wards = {w.slug: (p, w) for p in catalogue.providers for w in p.wards}
        providers = {p.slug: p.provider for p in catalogue.providers}
        current = _State(wards, providers, context, {})
        with self._lock:
            last = self.last
        if last is None or last.context != context or last.providers != providers:
            current.pages = render_all()
            with self._lock:
                self.last, self._wanted = current, None
            return current.pages
        if last.same_inputs(current):
            return last.pages
        changed = [slug for slug, (_, entry) in wards.items() if slug not in last.wards or last.wards[slug][1] is not entry]
        removed = [slug for slug in last.wards if slug not in wards]
        pages = dict(last.pages)
        for slug in removed + changed:
            for path in _ward_pages(pages, slug):
                del pages[path]
        for slug in changed:
            pages.update(render_ward(*wards[slug]))
        current.pages, current.complete = pages, False
        with self._lock:
            self.last = current
            self._wanted = (current, render_all, refresh)
            self._lock.notify_all()
            if self._worker is None:
                self._worker = threading.Thread(target=self._complete_in_background, name="wardsite-render", daemon=True)
                self._worker.start()
        return pages

    def _complete_in_background(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._wanted is not None)
                state, render_all, refresh = self._wanted  # type: ignore[misc]
                self._wanted = None
            try:
                pages: dict[str, str] | None = render_all()
            except Exception:  # noqa: BLE001 - the foreground render that follows reports it
                pages = None
            with self._lock:
                if self.last is not state:
                    continue  # another edit came in meanwhile: its render is already wanted
                self.last = _State(state.wards, state.providers, state.context, pages) if pages is not None else None
            refresh()
