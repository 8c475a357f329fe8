"""Remember what each ward and provider file read to, so an unchanged file is not read again.

Reading one ward file (YAML, a mark for every field, the NHS-number guard) takes a few
milliseconds, so a national folder of 2,000 wards takes seconds, and ``wardsite check``,
``wardsite build`` and the live preview all read the same files. They all load through
``load_catalogue`` with one of these caches, so what one command read the next one reuses.

Each file is keyed by a hash of wardsite's own code, how its path is shown and its exact
bytes; a ward's loaded entry also by its provider file's key (its ``ward_defaults`` are
merged in). Any change to either file means it is read again.

In memory, a hit returns the very same objects as before, so code after the loader can tell
which wards an edit changed by identity. On disk (``keep_in``), what each file without problems
read to is kept as plain JSON, one file per provider folder: its data only, since its marks are
worked out again from its bytes if a problem or warning asks for one. A cache folder may be
shared or restored by CI, so reading it never runs code, and an entry that is not exactly what
the reader gives is a miss (that file is read again).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, Generic, TypeVar

from wardsite.problems import Mark, Problem
from wardsite.source.kept import keep, read_kept_json
from wardsite.source.reader import MAX_DEPTH, FieldPath, Source, parse_text, read_capped, read_source

Entry = TypeVar("Entry")
"""What a ward file loads to (the catalogue's ``WardEntry``): the cache only keeps it, never looks inside."""

_PACKAGE = Path(__file__).resolve().parents[1]
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "pyphen", "phonenumbers", "email-validator")
CACHE_VERSION = "sources-2"
"""Part of every key and of the folder's name: a change to the file layout below starts afresh."""


@cache
def code_fingerprint() -> bytes:
    """A hash of wardsite's own code and the libraries that shape what it reads: any change empties the cache."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.digest()


def content_key(*parts: bytes | str) -> str:
    """A hash of ``parts`` in order, each length-prefixed so that no two different lists give the same key."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def _plain(value: Any, depth: int = 0) -> bool:
    """True if ``value`` has only the shapes the reader gives: text, null, lists and text-keyed mappings."""
    if value is None or isinstance(value, str):
        return True
    if depth > MAX_DEPTH:
        return False
    if isinstance(value, list):
        return all(_plain(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v, depth + 1) for k, v in value.items())
    return False


class _KeptSource(Source):
    """A Source read back from the cache: its marks are worked out again from the file's bytes when first asked
    for (only a problem or one of check's warnings needs a place, and working out every mark is a third of a read).
    """

    def __init__(self, path: str, data: Any, raw: bytes) -> None:
        self._raw: bytes | None = raw
        super().__init__(path, data)

    @property  # type: ignore[override]
    def marks(self) -> dict[FieldPath, Mark]:
        if self._raw is not None:
            fresh = Source(self.path)
            parse_text(self._raw.decode("utf-8-sig"), fresh)
            self._marks, self._raw = fresh.marks, None
        return self._marks

    @marks.setter
    def marks(self, value: dict[FieldPath, Mark]) -> None:
        self._marks = value


def _encode(source: Source) -> list[Any] | None:
    """``source`` as a JSON-ready list, or None if it is not worth keeping: a file with problems is read
    again (it is being fixed), and anything the reader does not normally give is left out."""
    if source.problems or not isinstance(source.data, dict) or not _plain(source.data):
        return None
    return [source.path, source.data]


def _decode(value: Any, display: str, raw: bytes) -> Source | None:
    """The Source a kept entry for these bytes stands for, or None if it is not exactly an entry for ``display``."""
    try:
        path, data = value
    except (TypeError, ValueError):
        return None
    if path != display or not isinstance(data, dict) or not _plain(data):
        return None
    return _KeptSource(path, data, raw)


def _raw(path: Path) -> bytes | None:
    """The file's bytes (read no further than one byte past the size limit), or, over the limit, its size."""
    try:
        raw, size = read_capped(path)
    except OSError:
        return None
    return raw if len(raw) == size else f"over the size limit: {size} bytes".encode()


@dataclass
class _Kept:
    """The kept entries of one provider folder: as read from disk, and as used by the latest load."""

    file: Path
    old: dict[str, Any] | None = None
    used: dict[str, Source] = field(default_factory=dict)

    def entries(self) -> dict[str, Any]:
        if self.old is None:
            loaded = read_kept_json(self.file)
            self.old = loaded if isinstance(loaded, dict) else {}
        return self.old

    def save(self) -> None:
        """Write the entries the latest load used, unless they are the ones already on disk; start a new load."""
        used, self.used = self.used, {}
        if used.keys() == self.entries().keys():
            return
        encoded = {key: _encode(source) for key, source in used.items()}
        written = {key: value for key, value in encoded.items() if value is not None}
        if not keep(self.file, json.dumps(written).encode()):
            return
        # What is on disk now: only the keys are needed (their Sources stay in memory while used).
        self.old = dict.fromkeys(written)


@dataclass
class LoadCache(Generic[Entry]):
    """Read files by content key, and loaded wards by their file's and provider file's keys.

    Only entries used by the latest load are kept. With ``keep_in`` (a folder), what each file
    read to is also kept on disk for the next command (see ``save``).
    """

    keep_in: Path | None = None
    sources: dict[str, Source] = field(default_factory=dict)
    wards: dict[str, tuple[Entry | None, list[Problem]]] = field(default_factory=dict)
    _source_keys: dict[int, str] = field(default_factory=dict)
    _used: set[str] = field(default_factory=set)
    _kept: dict[Path, _Kept] = field(default_factory=dict)

    def _kept_for(self, folder: Path) -> _Kept | None:
        if self.keep_in is None:
            return None
        found = self._kept.get(folder)
        if found is None:
            name = hashlib.blake2b(str(folder.resolve()).encode(), digest_size=12).hexdigest()
            found = self._kept[folder] = _Kept(self.keep_in / CACHE_VERSION / f"{name}.json")
        return found

    def read(self, path: Path, display: str) -> Source:
        """``read_source(path, display)``, or the same Source as last time if the file is unchanged."""
        raw = _raw(path)
        if raw is None:
            return read_source(path, display)  # reports the problem
        key = content_key(code_fingerprint(), display, raw)
        source = self.sources.get(key)
        kept = self._kept_for(path.parent)
        if source is None and kept is not None and key in kept.entries():
            source = _decode(kept.entries()[key], display, raw)
        if source is None:
            source = read_source(path, display)
        self.sources[key] = source
        self._source_keys[id(source)] = key
        self._used.add(key)
        if kept is not None:
            kept.used[key] = source
        return source

    def load_ward(
        self,
        path: Path,
        display: str,
        provider_source: Source,
        load: Callable[[], tuple[Entry | None, list[Problem]]],
    ) -> tuple[Entry | None, list[Problem]]:
        """``load()`` for this ward file, or its result from last time if neither file changed."""
        provider_key = self._source_keys.get(id(provider_source))
        raw = _raw(path)
        if raw is None or provider_key is None:
            return load()
        key = content_key(code_fingerprint(), display, raw, provider_key)
        result = self.wards.get(key)
        if result is None:
            result = self.wards[key] = load()  # reads the file through ``read``
        else:  # the file's Source is still in use (kept in memory and on disk)
            source_key = content_key(code_fingerprint(), display, raw)
            source = self.sources.get(source_key)
            kept = self._kept_for(path.parent)
            if source is not None:
                self._used.add(source_key)
                if kept is not None:
                    kept.used[source_key] = source
        self._used.add(key)
        return result

    def forget_unused(self) -> None:
        """Drop entries the latest load did not use (files since changed or removed); write what is kept."""
        self.save()
        self.sources = {k: v for k, v in self.sources.items() if k in self._used}
        self.wards = {k: v for k, v in self.wards.items() if k in self._used}
        self._source_keys = {id(v): k for k, v in self.sources.items()}
        self._used = set()

    def save(self) -> None:
        """Write each provider folder's entries used by this load to ``keep_in``, if they changed."""
        for kept in self._kept.values():
            if kept.used:
                kept.save()
