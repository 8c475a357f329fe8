"""Shared fixtures: a minimal valid wards tree, and a way to run `wardsite check` on it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from wardsite.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_PROVIDER = FIXTURES / "example-provider"
PROVIDER_SLUG = "example-provider"


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Commands keep their cache (wardsite.findings.check_report) in a folder of this test run, not the user's."""
    import os

    os.environ["WARDSITE_CACHE_DIR"] = str(tmp_path_factory.mktemp("wardsite-cache"))


@pytest.fixture
def wards_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path/wards/example-provider/`` holding a valid provider.yaml and example-ward.yaml.

    The working directory is ``tmp_path``, so `wardsite check` prints paths as ``wards/...``.
    Returns the ``wards`` folder.
    """
    wards = tmp_path / "wards"
    shutil.copytree(FIXTURE_PROVIDER, wards / PROVIDER_SLUG)
    monkeypatch.chdir(tmp_path)
    return wards


@pytest.fixture
def run_check() -> Callable[..., Result]:
    """Run `wardsite check ARGS...` in the current directory and return click's result."""

    def run(*args: str) -> Result:
        return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)

    return run


def problem_lines(output: str) -> list[str]:
    """The problem lines `wardsite check` prints: everything before the first blank line."""
    lines = output.splitlines()
    return lines[: lines.index("")] if "" in lines else lines
