"""Write generated pages into the docs folder, touching only files whose text changed.

A manifest remembers what the generator wrote last time, so pages for deleted wards are
removed and hand-written pages are never touched. Unchanged files keep their timestamps,
so a watching server rebuilds only for real changes.
"""

from __future__ import annotations

import json
from pathlib import Path

from wardsite.site import theme

MANIFEST = ".wardsite-generated.json"


def _previous(docs_dir: Path) -> set[str]:
    """What the generator wrote into ``docs_dir`` last time, by its manifest."""
    try:
        return set(json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return set()


def theme_files(docs_dir: Path) -> dict[str, str]:
    """The package's static files and guide pages as ``{path: text}``, for builders without the plugin.

    A file the site keeps at the same path itself (one not written by the generator) wins.
    """
    previous = _previous(docs_dir)
    shipped = {**theme.static_files(), **theme.guide_pages()}
    return {
        path: source.read_text(encoding="utf-8")
        for path, source in shipped.items()
        if path in previous or not (docs_dir / path).exists()
    }


def write_pages(pages: dict[str, str], docs_dir: Path) -> tuple[int, int]:
    """Write ``pages`` under ``docs_dir``; return (files written, files removed)."""
    manifest_path = docs_dir / MANIFEST
    previous = _previous(docs_dir)
    written = 0
    for relative, text in pages.items():
        target = docs_dir / relative
        try:
            if target.read_text(encoding="utf-8") == text:
                continue
        except OSError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
    removed = 0
    for stale in sorted(previous - set(pages)):
        path = docs_dir / stale
        if path.is_file():
            path.unlink()
            removed += 1
            _remove_empty_parents(path.parent, docs_dir)
    manifest_path.write_text(json.dumps(sorted(pages), indent=0), encoding="utf-8")
    return written, removed


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
