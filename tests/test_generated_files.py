"""The generated-files list in the docs folder is not trusted: only the generator's own files are
ever deleted, and nothing is ever written through a symbolic link.

The list (``.wardsite-generated.json``) can be committed by anyone, so a name in it is deleted
only if it is a plain file inside the docs folder, reached without following a link, holding
exactly the bytes the generator recorded writing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.sitebuild import PINNED_TODAY, SAMPLE_WARDS
from wardsite.cli import main
from wardsite.site.output import MANIFEST


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A provider's repository: its wards, a README, and a docs folder with one hand-written page."""
    shutil.copytree(SAMPLE_WARDS, tmp_path / "wards")
    (tmp_path / "README.md").write_text("The provider's own README.\n", encoding="utf-8")
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    (tmp_path / "docs" / "guide" / "index.md").write_text("# A hand-written guide\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _generate() -> tuple[int, str]:
    result = CliRunner().invoke(main, ["generate", "--docs-dir", "docs", "--today", PINNED_TODAY])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): _sha(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_generator_still_removes_its_own_pages_for_a_ward_that_was_deleted(project: Path) -> None:
    assert _generate()[0] == 0
    assert (project / "docs/wards/brightwater-care/cedar-ward/index.md").is_file()
    (project / "wards/brightwater-care/cedar-ward.yaml").unlink()
    code, output = _generate()
    assert code == 0, output
    assert not (project / "docs/wards/brightwater-care/cedar-ward").exists()
    assert (project / "docs/wards/example-valley-nhs-ft/heron-ward/index.md").is_file()
    assert (project / "docs/guide/index.md").read_text(encoding="utf-8") == "# A hand-written guide\n"


@pytest.mark.parametrize("old_format", [False, True], ids=["with-hashes", "plain-list"])
def test_a_committed_list_naming_files_outside_the_docs_or_hand_written_pages_deletes_none_of_them(
    project: Path, tmp_path: Path, old_format: bool
) -> None:
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere.txt"
    elsewhere.write_text("someone else's file\n", encoding="utf-8")
    readme, guide = project / "README.md", project / "docs/guide/index.md"
    names = {
        "../README.md": _sha(readme),
        str(elsewhere): _sha(elsewhere),
        "guide/../../README.md": _sha(readme),
        "guide/index.md": "0" * 64,  # a hand-written page: not what the generator wrote
        "guide": "0" * 64,
    }
    manifest = list(names) if old_format else {"format": 2, "files": names}
    (project / "docs" / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    code, output = _generate()
    assert code == 0, output
    assert "0 removed" in output
    assert readme.read_text(encoding="utf-8") == "The provider's own README.\n"
    assert elsewhere.read_text(encoding="utf-8") == "someone else's file\n"
    assert guide.read_text(encoding="utf-8") == "# A hand-written guide\n"


@pytest.mark.parametrize("old_format", [False, True], ids=["with-hashes", "plain-list"])
def test_a_stale_name_reached_through_a_linked_folder_is_not_deleted_even_with_the_right_hash(
    project: Path, tmp_path: Path, old_format: bool
) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "index.md").write_text("outside\n", encoding="utf-8")
    (project / "docs" / "old-ward").symlink_to(outside)
    names = {"old-ward/index.md": _sha(outside / "index.md")}
    manifest = list(names) if old_format else {"format": 2, "files": names}
    (project / "docs" / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert _generate()[0] == 0
    assert (outside / "index.md").read_text(encoding="utf-8") == "outside\n"


@pytest.mark.parametrize("linked", ["wards", "wards/example-valley-nhs-ft/heron-ward", "data"])
def test_a_generated_folder_that_is_a_symbolic_link_is_refused_before_anything_is_written(
    project: Path, tmp_path: Path, linked: str
) -> None:
    assert _generate()[0] == 0
    outside = tmp_path.parent / f"{tmp_path.name}-target"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep\n", encoding="utf-8")
    shutil.rmtree(project / "docs" / linked)
    (project / "docs" / linked).symlink_to(outside, target_is_directory=True)
    heron = project / "wards/example-valley-nhs-ft/heron-ward.yaml"
    heron.write_text(heron.read_text(encoding="utf-8").replace("beds: 18", "beds: 19"), encoding="utf-8")
    before = _files(project / "docs")
    code, output = _generate()
    assert code == 1
    assert (
        f"docs/{linked} is a symbolic link: the generated folder must be a real folder inside docs, so nothing is"
        " written elsewhere. Fix: delete the link; the generator makes it again."
    ) in output
    assert output.rstrip().endswith("Nothing was generated in docs.")
    assert [p.name for p in outside.iterdir()] == ["keep.txt"]
    assert _files(project / "docs") == before


def test_a_generated_page_that_is_a_symbolic_link_is_refused_and_its_target_is_untouched(
    project: Path, tmp_path: Path
) -> None:
    target = tmp_path.parent / f"{tmp_path.name}-page.txt"
    target.write_text("not yours\n", encoding="utf-8")
    (project / "docs" / "index.md").symlink_to(target)
    code, output = _generate()
    assert code == 1
    assert "docs/index.md is a symbolic link: the page must be a real file inside docs" in output
    assert target.read_text(encoding="utf-8") == "not yours\n"
    assert not (project / "docs" / "wards").exists()


def test_the_list_itself_as_a_symbolic_link_is_replaced_never_written_through(project: Path, tmp_path: Path) -> None:
    target = tmp_path.parent / f"{tmp_path.name}-list.txt"
    target.write_text("not yours\n", encoding="utf-8")
    (project / "docs" / MANIFEST).symlink_to(target)
    assert _generate()[0] == 0
    assert target.read_text(encoding="utf-8") == "not yours\n"
    assert not (project / "docs" / MANIFEST).is_symlink()
    assert (
        "wards/example-valley-nhs-ft/heron-ward/index.md"
        in json.loads((project / "docs" / MANIFEST).read_text())["files"]
    )


def test_a_file_where_a_generated_folder_goes_is_a_plain_error_not_a_traceback(project: Path) -> None:
    (project / "docs" / "wards").write_text("a file\n", encoding="utf-8")
    code, output = _generate()
    assert code == 1
    assert "docs/wards is a file where the generator writes a folder. Fix: move the file away." in output
    assert (project / "docs" / "wards").read_text(encoding="utf-8") == "a file\n"
    assert set(os.listdir(project / "docs")) == {
        "guide",
        "wards",
    }
