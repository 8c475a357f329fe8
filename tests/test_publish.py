"""Nothing lost: a failed build leaves the previous site exactly as it was."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from tests.sitebuild import copy_project
from wardsite.cli import main
from wardsite.site import publish
from wardsite.site.exchange import exchange

GENERATED = {"index.md", "wards", "providers", "ward-types", "areas", ".wardsite-generated.json"}


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repo's site setup in a temporary folder, as a provider's repository would be."""
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "--today", "2026-11-26", *args])
    return result.exit_code, result.output


def test_a_good_build_replaces_the_site_and_leaves_no_staging_folder(project: Path) -> None:
    code, output = _build()
    assert code == 0, output
    assert (project / "site" / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").is_file()
    assert [
        p.name for p in project.iterdir() if p.name.startswith(".site-staging") or p.name.endswith(".previous")
    ] == []


def test_invalid_wards_stop_the_build_and_leave_the_previous_site_byte_for_byte(project: Path) -> None:
    assert _build()[0] == 0
    before = _snapshot(project / "site")
    heron = project / "wards" / "example-valley-nhs-ft" / "heron-ward.yaml"
    heron.write_text(heron.read_text().replace("beds: 18", "beds: 0"))
    code, output = _build()
    assert code == 1
    assert "wards/example-valley-nhs-ft/heron-ward.yaml:" in output and "beds" in output
    assert "nothing was built" in output
    assert _snapshot(project / "site") == before


def test_a_failing_site_builder_leaves_the_previous_site_byte_for_byte(project: Path) -> None:
    assert _build()[0] == 0
    before = _snapshot(project / "site")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("name: material", "name: no-such-theme"))
    code, output = _build()
    assert code == 1
    assert "left as it was" in output
    assert _snapshot(project / "site") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-staging")] == []


def test_skipping_broken_providers_publishes_the_others_and_names_the_excluded_one(project: Path) -> None:
    cedar = project / "wards" / "brightwater-care" / "cedar-ward.yaml"
    cedar.write_text(cedar.read_text().replace("security_level: low,", "security_level: lowsecure,"))
    code, output = _build("--skip-broken-providers")
    assert code == 0, output
    assert "Excluded provider brightwater-care: 1 error" in output
    assert "wards/brightwater-care/cedar-ward.yaml:" in output
    assert (project / "site" / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").is_file()
    assert not (project / "site" / "wards" / "brightwater-care" / "maple-house").exists()
    assert not (project / "site" / "providers" / "brightwater-care").exists()
    # Inspectors see what is missing and why, on the report page and in its data.
    data = json.loads((project / "site" / "data" / "availability.json").read_text())
    assert [(p["provider_id"], p["errors"]) for p in data["excluded_providers"]] == [("brightwater-care", 1)]
    assert (
        "cedar-ward.yaml" in data["excluded_providers"][0]["problems"][0]
        and "classification.security_level" in data["excluded_providers"][0]["problems"][0]
    )
    report = BeautifulSoup((project / "site" / "report" / "index.html").read_text(), "html.parser")
    section = report.find(id="excluded")
    assert section is not None and section.get_text(strip=True) == "Providers left out"
    assert "brightwater-care (1 error)" in report.get_text(" ")


def _tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones and .git included) by its content's hash."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "site" not in p.relative_to(folder).parts[:1]
    }


def _refusal(output: str) -> str:
    return " ".join(output.split()).partition("Error: Invalid value for --site-dir: ")[2]


CHOOSE = "Choose a folder of its own for the site, such as `site`; a build replaces everything in it."


@pytest.mark.parametrize(
    ("site_dir", "expected"),
    [
        (".", ". is the root of a git work tree (it has a .git). " + CHOOSE),
        ("..", ".. holds the project folder (it holds the site's configuration). " + CHOOSE),
        ("wards", "wards is the wards folder (wards). " + CHOOSE),
        ("wards/brightwater-care", "wards/brightwater-care is inside the wards folder (wards). " + CHOOSE),
        ("site_src", "site_src is the docs folder (site_src). " + CHOOSE),
        ("site_src/wards", "site_src/wards is inside the docs folder (site_src). " + CHOOSE),
        (".git/site", ".git/site is inside a git repository's own .git folder. " + CHOOSE),
        ("link-to-wards", "link-to-wards is the wards folder (wards). " + CHOOSE),
    ],
)
def test_a_site_folder_over_the_project_its_wards_docs_or_git_is_refused_and_nothing_is_touched(
    project: Path, site_dir: str, expected: str
) -> None:
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    (project / "link-to-wards").symlink_to(project / "wards")
    before = _tree(project)
    code, output = _build("--site-dir", site_dir)
    assert code == 2
    assert _refusal(output) == expected
    assert _tree(project) == before


def test_a_site_folder_holding_the_project_outside_git_is_refused(project: Path) -> None:
    code, output = _build("--site-dir", str(project))
    assert code == 2
    assert _refusal(output) == f"{project} is the project folder (it holds the site's configuration). {CHOOSE}"


def test_a_site_folder_that_is_another_git_work_trees_root_is_refused(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other-checkout"
    subprocess.run(["git", "init", "-q", str(other)], check=True)
    (other / "notes.txt").write_text("keep me")
    code, output = _build("--site-dir", str(other))
    assert code == 2
    assert _refusal(output) == f"{other} is the root of a git work tree (it has a .git). {CHOOSE}"
    assert (other / "notes.txt").read_text() == "keep me" and (other / ".git").is_dir()


def test_a_site_that_is_a_file_is_a_plain_error_and_the_file_is_kept(project: Path) -> None:
    (project / "site").write_text("not a folder")
    code, output = _build()
    assert code == 2
    assert _refusal(output) == "site is a file, not a folder: move it away or choose another --site-dir."
    assert (project / "site").read_text() == "not a folder"


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_the_site_folder_gets_the_permissions_the_umask_gives_not_a_temporary_folders(
    project: Path, umask: int
) -> None:
    old = os.umask(umask)
    try:
        assert _build()[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((project / "site").stat().st_mode) == 0o777 & ~umask
    assert stat.S_IMODE((project / "site" / "wards").stat().st_mode) == 0o777 & ~umask


def test_a_rebuild_swaps_the_new_site_in_without_ever_renaming_the_live_site_away(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _build()[0] == 0
    first = (project / "site").stat().st_ino
    renamed: list[tuple[str, str]] = []
    real_rename = Path.rename

    def recording_rename(self: Path, target: str | Path) -> Path:
        renamed.append((str(self), str(target)))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", recording_rename)
    monkeypatch.setattr(os, "rename", lambda *a, **k: renamed.append(("os.rename", str(a))))
    heron = project / "wards" / "example-valley-nhs-ft" / "heron-ward.yaml"
    heron.write_text(heron.read_text().replace("beds: 18", "beds: 19"))
    code, output = _build()
    assert code == 0, output
    assert renamed == []
    assert (project / "site").stat().st_ino != first
    assert (
        '"name":"Beds","value":19'
        in (project / "site" / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").read_text()
    )
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-staging")] == []


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "from-a").write_text("a")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "from-b").write_text("b")
    assert exchange(tmp_path / "a", tmp_path / "b") is True
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["from-b"]
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["from-a"]


def test_where_folders_cannot_be_exchanged_the_build_still_replaces_the_site(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _build()[0] == 0
    monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    heron = project / "wards" / "example-valley-nhs-ft" / "heron-ward.yaml"
    heron.write_text(heron.read_text().replace("beds: 18", "beds: 19"))
    assert _build()[0] == 0
    assert (
        '"name":"Beds","value":19'
        in (project / "site" / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").read_text()
    )
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-")] == []


def test_staging_folders_left_by_a_killed_build_are_removed_but_a_running_builds_is_kept(project: Path) -> None:
    for stale in (".site-staging-killed", "site.previous"):
        (project / stale / "wards").mkdir(parents=True)
        (project / stale / "wards" / "index.html").write_text("old")
    running = project / ".site-staging-running"
    running.mkdir()
    offline = project / ".site-offline-staging-other"
    offline.mkdir()
    descriptor = os.open(running, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        assert _build()[0] == 0
    finally:
        os.close(descriptor)
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site") or "previous" in p.name) == [
        ".site-offline-staging-other",
        ".site-staging-running",
    ]


def test_a_folder_the_site_cannot_be_written_beside_is_a_plain_message_and_the_old_site_stays(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _build()[0] == 0
    before = _snapshot(project / "site")

    def denied(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(publish.tempfile, "mkdtemp", denied)
    code, output = _build()
    assert code == 1
    assert f"cannot write the site next to {project / 'site'}: Permission denied." in output
    assert "Traceback" not in output
    assert _snapshot(project / "site") == before
    monkeypatch.undo()
    monkeypatch.chdir(project)
    monkeypatch.setattr(publish, "exchange", lambda first, second: denied())
    code, output = _build()
    assert code == 1
    assert f"cannot replace {project / 'site'}: Permission denied." in output
    assert _snapshot(project / "site") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-staging")] == []


def test_a_site_folder_that_is_a_link_has_the_folder_it_points_to_replaced_and_keeps_the_link(
    project: Path, tmp_path: Path
) -> None:
    served = tmp_path.parent / f"{tmp_path.name}-served"
    served.mkdir()
    (served / "old.html").write_text("old")
    (project / "site").symlink_to(served, target_is_directory=True)
    code, output = _build()
    assert code == 0, output
    assert (project / "site").is_symlink() and (project / "site").resolve() == served
    assert (served / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").is_file() and not (
        served / "old.html"
    ).exists()
    assert [p.name for p in served.parent.iterdir() if p.name.startswith(f".{served.name}-staging")] == []
