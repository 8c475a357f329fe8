"""A ward file's size is checked before it is read: a 2 GB file is one problem, found in moments."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.conftest import problem_lines
from wardsite.loading.cache import LoadCache
from wardsite.loading.catalogue import load_catalogue
from wardsite.source.reader import read_source

TWO_GB = 2 * 1024**3
TOO_BIG = f"the file is {TWO_GB:,} bytes, over the limit of 1,000,000."


def _sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (and would take seconds and gigabytes to read)."""
    with path.open("wb") as file:
        file.truncate(size)
    return path


def _measured(run: Callable[[], object]) -> tuple[object, float, int]:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = run()
        return result, time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_two_gigabyte_file_is_reported_without_being_read(tmp_path: Path) -> None:
    path = _sparse(tmp_path / "ward.yaml", TWO_GB)
    source, seconds, peak = _measured(lambda: read_source(path, "ward.yaml"))
    assert [p.message for p in source.problems] == [TOO_BIG]  # type: ignore[attr-defined]
    assert seconds < 1 and peak < 5_000_000


def test_the_live_previews_cache_does_not_read_a_two_gigabyte_ward_file(wards_tree: Path) -> None:
    _sparse(wards_tree / "example-provider" / "huge-ward.yaml", TWO_GB)
    result, seconds, peak = _measured(lambda: load_catalogue(wards_tree, LoadCache()))
    assert [(p.file, p.message) for p in result.problems] == [  # type: ignore[attr-defined]
        ("wards/example-provider/huge-ward.yaml", TOO_BIG)
    ]
    assert seconds < 5 and peak < 20_000_000


def test_check_reports_a_two_gigabyte_ward_file_in_moments(wards_tree: Path, run_check: Callable[..., Result]) -> None:
    _sparse(wards_tree / "example-provider" / "huge-ward.yaml", TWO_GB)
    started = time.perf_counter()
    result = run_check("--today", "2026-07-01")
    assert time.perf_counter() - started < 10
    assert result.exit_code == 1
    assert problem_lines(result.output) == [
        f"wards/example-provider/huge-ward.yaml:1:1: (file): {TOO_BIG} "
        + ("Fix: Ward files are normally a few kilobytes: check nothing was pasted in by mistake.")
    ]
