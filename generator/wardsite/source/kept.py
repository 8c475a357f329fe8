"""Files wardsite keeps between runs (its caches): written whole or not at all, read back as JSON or nothing.

Every cache is a convenience: one that cannot be written only makes the next run slower, and one
that cannot be read (missing, damaged, from another version) is the same as an empty one. So
neither function raises for the file system or the file's content.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def keep(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file beside it and a rename, so a reader (or a run
    stopped half-way) never sees half a file; False if it could not be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        return False
    return True


def read_kept_json(path: Path) -> Any:
    """The JSON kept at ``path``, or None if it is missing, unreadable, not JSON or nested beyond reason."""
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
