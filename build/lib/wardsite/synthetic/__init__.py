"""A fictional national dataset for benchmarks and scale tests (``wardsite synthetic``)."""

from __future__ import annotations

from pathlib import Path

from wardsite.synthetic.dataset import WARDS_PER_PROVIDER, synthetic_files

__all__ = ["WARDS_PER_PROVIDER", "synthetic_files", "write_files"]


def write_files(files: dict[str, str], out: Path) -> None:
    """Write ``{relative path: text}`` under ``out``, creating folders as needed."""
    for relative, text in files.items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
