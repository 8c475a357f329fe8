"""Remember what each ward and provider file loaded to, so an unchanged file is not read again.

Reading, checking and validating one ward file takes a few milliseconds, so a national
folder of 2,000 wards takes seconds; a live preview reloads the folder after every edit.
The cache keys each file by a hash of its exact bytes and how its path is shown, and a ward
also by its provider file's key (its ``ward_defaults`` are merged in). Any change to either
file means it is read again. A hit returns the very same objects as before, so code after
the loader can tell which wards an edit changed by identity.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from wardsite.problems import Problem
from wardsite.source.reader import Source, read_source

Entry = TypeVar("Entry")
"""What a ward file loads to (the catalogue's ``WardEntry``): the cache only keeps it, never looks inside."""


def _key(*parts: bytes | str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


@dataclass
class LoadCache(Generic[Entry]):
    """Loaded files by content key. Only entries used by the latest load are kept."""

    providers: dict[str, Source] = field(default_factory=dict)
    wards: dict[str, tuple[Entry | None, list[Problem]]] = field(default_factory=dict)
    _provider_keys: dict[int, str] = field(default_factory=dict)
    _used: set[str] = field(default_factory=set)

    def read_provider(self, path: Path, display: str) -> Source:
        """``read_source(path, display)``, or the same Source as last time if the file is unchanged."""
        try:
            raw = path.read_bytes()
        except OSError:
            return read_source(path, display)  # reports the problem
        key = _key(display, raw)
        source = self.providers.get(key)
        if source is None:
            source = self.providers[key] = read_source(path, display)
            self._provider_keys[id(source)] = key
        self._used.add(key)
        return source

    def load_ward(
        self,
        path: Path,
        display: str,
        provider_source: Source,
        load: Callable[[], tuple[Entry | None, list[Problem]]],
    ) -> tuple[Entry | None, list[Problem]]:
        """``load()`` for this ward file, or its result from last time if neither file changed."""
        provider_key = self._provider_keys.get(id(provider_source))
        try:
            raw = path.read_bytes()
        except OSError:
            return load()
        if provider_key is None:
            return load()
        key = _key(display, raw, provider_key)
        result = self.wards.get(key)
        if result is None:
            result = self.wards[key] = load()
        self._used.add(key)
        return result

    def forget_unused(self) -> None:
        """Drop entries the latest load did not use (files since changed or removed)."""
        self.providers = {k: v for k, v in self.providers.items() if k in self._used}
        self.wards = {k: v for k, v in self.wards.items() if k in self._used}
        self._provider_keys = {id(v): k for k, v in self.providers.items()}
        self._used = set()
