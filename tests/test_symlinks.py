"""Links in the wards folder are followed only inside it: a link outside, or a loop, is a problem at the link."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import FIXTURE_PROVIDER, problem_lines
from wardsite.loading.catalogue import load_catalogue
from wardsite.site.generate import render_site

SECRET = "SECRET-TOKEN-3f9a"
OUTSIDE = (
    "this is a link to something outside the wards folder, so it is not read: only what is inside the wards "
    "folder can be published."
)
LOOP = "this is a link that leads round in a loop, or to something that is not there, so it is not read."


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the wards folder holding a file with a secret in it, written as a ward file."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    ward = (FIXTURE_PROVIDER / "example-ward.yaml").read_text(encoding="utf-8")
    (folder / "secret.yaml").write_text(ward.replace("name: Example Ward", f"name: {SECRET}"), encoding="utf-8")
    shutil.copy(FIXTURE_PROVIDER / "provider.yaml", folder / "provider.yaml")
    return folder


def _found(wards: Path) -> list[tuple[str, str]]:
    return [(p.file, p.message) for p in load_catalogue(wards).problems]


def test_a_ward_file_linked_from_outside_the_wards_folder_is_not_read_or_published(
    wards_tree: Path, outside: Path
) -> None:
    (wards_tree / "example-provider" / "linked-ward.yaml").symlink_to(outside / "secret.yaml")
    result = load_catalogue(wards_tree)
    assert [(p.file, p.message) for p in result.problems] == [("wards/example-provider/linked-ward.yaml", OUTSIDE)]
    pages = render_site(result.without_broken_providers(), dt.date(2026, 11, 26))
    assert not [path for path, text in pages.items() if SECRET in text]
    assert SECRET not in " ".join(p.format() for p in result.problems)


def test_a_provider_folder_or_provider_file_linked_from_outside_is_not_read(wards_tree: Path, outside: Path) -> None:
    (wards_tree / "outside-provider").symlink_to(outside, target_is_directory=True)
    own = wards_tree / "example-provider" / "provider.yaml"
    own.unlink()
    own.symlink_to(outside / "provider.yaml")
    assert _found(wards_tree) == [
        ("wards/example-provider/provider.yaml", OUTSIDE),
        ("wards/outside-provider", OUTSIDE),
    ]


def test_links_that_loop_are_problems_at_the_link_not_a_traceback(
    wards_tree: Path, run_check: Callable[..., Result]
) -> None:
    folder = wards_tree / "example-provider"
    (folder / "a.yaml").symlink_to(folder / "b.yaml")
    (folder / "b.yaml").symlink_to(folder / "a.yaml")
    (wards_tree / "round").symlink_to(wards_tree / "round", target_is_directory=True)
    assert _found(wards_tree) == [
        ("wards/example-provider/a.yaml", LOOP),
        ("wards/example-provider/b.yaml", LOOP),
        ("wards/round", LOOP),
    ]
    result = run_check("--today", "2026-07-01")
    assert result.exit_code == 1
    assert problem_lines(result.output)[0] == f"wards/example-provider/a.yaml:1:1: (file): {LOOP} " + (
        "Fix: Delete the link, and put the file or folder itself here."
    )


def test_a_link_to_a_file_inside_the_wards_folder_is_read_like_the_file(wards_tree: Path) -> None:
    # Another provider's folder, so the linked ward's name (Example Ward) is not used twice by one provider.
    other = wards_tree / "other-provider"
    other.mkdir()
    shutil.copy(wards_tree / "example-provider" / "provider.yaml", other / "provider.yaml")
    os.symlink("../example-provider/example-ward.yaml", other / "second-ward.yaml")
    result = load_catalogue(wards_tree)
    assert result.problems == []
    assert sorted(w.key for w in result.catalogue.wards) == [
        "example-provider/example-ward",
        "other-provider/second-ward",
    ]
