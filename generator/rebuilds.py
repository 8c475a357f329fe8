"""What the MkDocs hook remembers from one rebuild of the live preview to the next.

MkDocs loads its hook module afresh on every rebuild, so anything that must outlive a rebuild
lives here, in a module that stays imported for the life of ``mkdocs serve``:

- the generated pages, mirrored into a folder where a file is rewritten only when its text
  changed, so ``mkdocs serve --dirty`` re-renders only the pages an edit really changed
  (MkDocs compares each source file's time with its built page's);
- the short search entry of every generated page, as a dirty rebuild meets only changed pages.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.render.search import SearchEntry


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

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class Rebuilds:
    """The memory of one ``mkdocs serve``: its page mirror and every generated page's search entry."""

    mirror: MirrorFolder | None = None
    search: dict[str, SearchEntry] = field(default_factory=dict)
    """Search entries by page address, for pages a dirty rebuild skipped as much as for those it built."""

    def mirror_folder(self) -> MirrorFolder:
        if self.mirror is None:
            self.mirror = MirrorFolder(Path(tempfile.mkdtemp(prefix="wardsite-preview-")))
            atexit.register(self.close)  # also when the server stops without MkDocs' shutdown event
        return self.mirror

    def close(self) -> None:
        if self.mirror is not None:
            self.mirror.remove()
            self.mirror = None


REBUILDS = Rebuilds()
"""The one live preview of this process (``mkdocs serve`` serves one site)."""
