"""Write generated pages into the docs folder, touching only files whose text changed.

A manifest remembers what the generator wrote last time, so pages for deleted wards are
removed and hand-written pages are never touched. Unchanged files keep their timestamps,
so a watching server rebuilds only for real changes.

The manifest sits in the docs folder, where anyone can commit one, so it is not trusted:
a file it names is deleted only if it is a plain file inside the docs folder, reached
without following any link, whose bytes are exactly what the generator recorded writing.
The generator never writes through a link either: a generated folder (or page) that is a
symbolic link is refused before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from wardsite.site import theme

MANIFEST = ".wardsite-generated.json"
_FORMAT = 2


@dataclass
class Written:
    """What ``write_pages`` did: files written and removed, or why it wrote nothing at all."""

    written: int = 0
    removed: int = 0
    refused: list[str] = field(default_factory=list)
    """Plain-words reasons nothing was written (a generated folder that is a link, say)."""


def theme_files(docs_dir: Path) -> dict[str, str]:
    """The package's static files and guide pages as ``{path: text}``, for builders without the plugin.

    A file the site keeps at the same path itself (one the generator did not write, or one
    edited since) wins.
    """
    docs = docs_dir.resolve()
    previous = _previous(docs / MANIFEST)
    shipped = {**theme.static_files(), **theme.guide_pages()}
    return {
        path: source.read_text(encoding="utf-8")
        for path, source in shipped.items()
        if not (docs / path).exists() or (path in previous and _own_file(docs, path, previous[path]) is not None)
    }


def write_pages(pages: dict[str, str], docs_dir: Path) -> Written:
    """Write ``pages`` (paths relative to ``docs_dir``) and remove the generator's own stale files."""
    docs = docs_dir.resolve()
    result = Written(refused=_unsafe_targets(pages, docs, docs_dir))
    if result.refused:
        return result
    docs.mkdir(parents=True, exist_ok=True)
    previous = _previous(docs / MANIFEST)
    recorded: dict[str, str] = {}
    for relative, text in pages.items():
        data = text.encode("utf-8")
        recorded[relative] = _digest(data)
        target = docs / relative
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        result.written += 1
    for stale in sorted(set(previous) - set(pages)):
        path = _own_file(docs, stale, previous[stale])
        if path is not None:
            path.unlink()
            result.removed += 1
            _remove_empty_parents(path.parent, docs)
    partial = docs / f"{MANIFEST}.{os.getpid()}.tmp"
    partial.write_text(json.dumps({"format": _FORMAT, "files": recorded}, indent=0, sort_keys=True), encoding="utf-8")
    os.replace(partial, docs / MANIFEST)  # replaces a link with a file, never writes through it
    return result


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parts(relative: str) -> tuple[str, ...] | None:
    """The parts of a plain relative path, or None for anything that could reach outside the folder."""
    if not relative or "\\" in relative or "\0" in relative:
        return None
    path = PurePosixPath(relative)
    if path.is_absolute() or any(part in ("", ".", "..") for part in path.parts) or str(path) != relative:
        return None
    return path.parts


def _unsafe_targets(pages: dict[str, str], docs: Path, shown: Path) -> list[str]:
    """Why some page cannot be written safely: a link or a file where the generator needs a folder."""
    reasons: dict[str, str] = {}
    checked: set[Path] = set()
    for relative in pages:
        parts = _parts(relative)
        if parts is None:
            reasons[relative] = f"{relative}: not a plain path inside {shown}; nothing is written outside it."
            continue
        place = docs
        for depth, part in enumerate(parts):
            place = place / part
            if place in checked:
                continue
            checked.add(place)
            try:
                mode = place.lstat().st_mode
            except FileNotFoundError:
                break
            except OSError as error:
                reasons[str(place)] = f"{_show(shown, parts[: depth + 1])}: cannot be read ({error.strerror})."
                break
            last = depth == len(parts) - 1
            if stat.S_ISLNK(mode):
                kind = "page" if last else "generated folder"
                reasons[str(place)] = (
                    f"{_show(shown, parts[: depth + 1])} is a symbolic link: the {kind} must be a real "
                    f"{'file' if last else 'folder'} inside {shown}, so nothing is written elsewhere. "
                    "Fix: delete the link; the generator makes it again."
                )
                break
            if last and stat.S_ISDIR(mode):
                reasons[str(place)] = (
                    f"{_show(shown, parts)} is a folder where the generator writes a page. Fix: move the folder away."
                )
                break
            if not last and not stat.S_ISDIR(mode):
                reasons[str(place)] = (
                    f"{_show(shown, parts[: depth + 1])} is a file where the generator writes a folder. "
                    "Fix: move the file away."
                )
                break
    return list(reasons.values())


def _show(shown: Path, parts: tuple[str, ...]) -> str:
    return str(shown.joinpath(*parts))


def _previous(manifest: Path) -> dict[str, str]:
    """What the generator recorded writing last time: path to hash. Anything unexpected is nothing."""
    try:
        if manifest.is_symlink():
            return {}
        loaded = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    files = loaded.get("files") if isinstance(loaded, dict) and loaded.get("format") == _FORMAT else None
    if not isinstance(files, dict):
        return {}  # an older list of names says nothing about the files' contents: none is deleted
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def _own_file(docs: Path, relative: str, digest: str) -> Path | None:
    """``docs/relative`` if it is a plain file, reached through real folders, holding exactly what was recorded."""
    parts = _parts(relative)
    if parts is None:
        return None
    place = docs
    for part in parts[:-1]:
        place = place / part
        try:
            if not stat.S_ISDIR(place.lstat().st_mode):
                return None
        except OSError:
            return None
    path = place / parts[-1]
    try:
        if not stat.S_ISREG(path.lstat().st_mode) or _digest(path.read_bytes()) != digest:
            return None
    except OSError:
        return None
    return path


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents and not folder.is_symlink() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
