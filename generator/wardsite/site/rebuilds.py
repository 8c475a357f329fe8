"""What the live preview remembers from one rebuild to the next, in one ``LivePreview`` the plugin holds.

MkDocs keeps the plugin instance for the whole of ``mkdocs serve``, so its ``LivePreview`` keeps:

- the generated pages, mirrored into a folder where a file is rewritten only when its text
  changed, so ``mkdocs serve --dirty`` re-renders only the pages an edit really changed
  (MkDocs compares each source file's time with its built page's);
- the short search entry of every generated page, as a dirty rebuild meets only changed pages;
- the load cache, so unchanged ward files are not read again, and the theme's compiled templates;
- the last rendered site, so one edited ward's pages are rendered at once and the rest in the
  background (``wardsite.site.incremental``), which then asks for one more rebuild by
  touching a file in a folder the server watches;
- each page's last good version, shown under the problems while its ward file has errors.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from wardsite.loading.cache import LoadCache
from wardsite.loading.catalogue import WardEntry
from wardsite.problems import Problem
from wardsite.render.search import SearchEntry
from wardsite.site.incremental import IncrementalSite
from wardsite.site.preview import PreviewSession, ward_files

__all__ = ["LivePreview", "MirrorFolder", "TemplateCache", "ward_files"]

_PREFIX = "wardsite-preview-"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class TemplateCache(BytecodeCache):
    """Compiled theme templates kept in memory: MkDocs makes a new Jinja environment on every
    rebuild, which would otherwise compile every theme template again (about half a second).
    Jinja checks each template's source before using its compiled form, so an edited template
    is compiled afresh."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class MirrorFolder:
    """A folder holding exactly the given pages; only files whose text changed are rewritten."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.texts: dict[str, str] = {}

    def update(self, pages: dict[str, str]) -> set[str]:
        """Make the folder hold ``pages``; return the paths written (new or changed)."""
        written = set()
        for relative, text in pages.items():
            if self.texts.get(relative) == text:
                continue
            target = self.root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            self.texts[relative] = text
            written.add(relative)
        for stale in set(self.texts) - set(pages):
            (self.root / stale).unlink(missing_ok=True)
            del self.texts[stale]
        return written

    def path(self, relative: str) -> Path:
        return self.root / relative


@dataclass
class LivePreview:
    """The memory of one ``wardsite serve`` (``mkdocs serve``), held by the plugin between rebuilds: its page
    mirror, every generated page's search entry, the load cache, compiled templates and last good pages."""

    mirror: MirrorFolder | None = None
    search: dict[str, SearchEntry] = field(default_factory=dict)
    """Search entries by page address, for pages a dirty rebuild skipped as much as for those it built."""
    unbuilt: set[str] = field(default_factory=set)
    """Generated pages written to the mirror since the last successful build."""
    loads: LoadCache[WardEntry] = field(default_factory=LoadCache)
    templates: TemplateCache = field(default_factory=TemplateCache)
    settled: bool = False
    site: IncrementalSite = field(default_factory=IncrementalSite)
    signals: Path | None = None
    """A folder the server watches: a file written here asks it to rebuild."""
    problems: PreviewSession = field(default_factory=PreviewSession)
    """Each ward's last good pages, shown under the problems while its file has errors."""

    def with_problems(
        self, pages: dict[str, str], problems: list[Problem], ward_files_by_provider: dict[str, list[str]]
    ) -> dict[str, str]:
        """``pages`` with each file's problems boxed on the pages it affects (see ``PreviewSession``)."""
        return self.problems.with_problems(pages, problems, ward_files_by_provider)

    def signal_folder(self) -> Path:
        if self.signals is None:
            self.signals = self._folder("signal")
        return self.signals

    def _folder(self, name: str) -> Path:
        """``<temp>/wardsite-preview-<process id>/<name>``, removed when this process ends.

        A server stopped hard (SIGTERM, SIGKILL) cannot clean up, so folders left by processes
        that no longer run are removed here.
        """
        root = Path(tempfile.gettempdir())
        for old in root.glob(f"{_PREFIX}*"):
            pid = old.name.removeprefix(_PREFIX)
            if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
                shutil.rmtree(old, ignore_errors=True)
        folder = root / f"{_PREFIX}{os.getpid()}" / name
        folder.mkdir(parents=True, exist_ok=True)
        atexit.register(self.close)
        return folder

    def settle(self) -> None:
        """After the first build: set aside the objects it made from the garbage collector's sweeps.

        The first build leaves millions of long-lived objects (every ward, its field marks, every
        page). A full garbage collection looks at all of them, taking seconds, and one comes
        round every few rebuilds; frozen, they are no longer looked at. Later rebuilds add few.
        """
        if not self.settled:
            gc.collect()
            gc.freeze()
            self.settled = True

    def request_rebuild(self) -> None:
        """Ask the watching server for one more rebuild (the background render has finished)."""
        signal = self.signal_folder() / "rendered"
        signal.write_text(str(int(signal.read_text()) + 1) if signal.is_file() else "1", encoding="utf-8")

    def mirror_folder(self) -> MirrorFolder:
        if self.mirror is None:
            self.mirror = MirrorFolder(self._folder("pages"))
        return self.mirror

    def close(self) -> None:
        self.mirror = self.signals = None
        shutil.rmtree(Path(tempfile.gettempdir()) / f"{_PREFIX}{os.getpid()}", ignore_errors=True)
