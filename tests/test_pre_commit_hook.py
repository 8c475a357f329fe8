"""The pre-commit recipe works as a provider's repository would use it: wardsite pinned by a commit hash."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import REPO
from wardsite.authoring.init_site import SiteChoices, site_files


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=120).stdout


@pytest.fixture(scope="module")
def provider_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("pre-commit")
    hook_repo = root / "wardsite"
    _git("clone", "--quiet", "--no-local", str(REPO), str(hook_repo), cwd=root)  # what main holds, committed
    commit = _git("rev-parse", "HEAD", cwd=hook_repo).strip()
    repo = root / "provider"
    files = site_files(SiteChoices())
    for path in ("wards/example-valley-nhs-ft/provider.yaml", "wards/example-valley-nhs-ft/osprey-ward.yaml"):
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(files[path], encoding="utf-8")
    for path, text in files.items():
        if path.startswith("docs/schema/"):
            (repo / path).parent.mkdir(parents=True, exist_ok=True)
            (repo / path).write_text(text, encoding="utf-8")
    config = files[".pre-commit-config.yaml"]
    assert "rev: " in config  # the recipe init writes, pointed at the local clone and a commit hash
    lines = [
        f"  - repo: {hook_repo}" if line.startswith("  - repo:") else f"    rev: {commit}" if "rev:" in line else line
        for line in config.splitlines()
    ]
    (repo / ".pre-commit-config.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(root / "cache"), "GIT_CEILING_DIRECTORIES": str(root)}
    env.update({"GIT_AUTHOR_NAME": "Ward manager", "GIT_AUTHOR_EMAIL": "ward@example.nhs.uk"})
    env.update({"GIT_COMMITTER_NAME": "Ward manager", "GIT_COMMITTER_EMAIL": "ward@example.nhs.uk"})
    _git("init", "--quiet", cwd=repo)
    _git("add", ".", cwd=repo)
    return repo, env


def _pre_commit(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = shutil.which("pre-commit")
    assert command is not None
    return subprocess.run(
        [command, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def test_the_hook_installed_from_a_commit_hash_passes_good_ward_files(
    provider_repo: tuple[Path, dict[str, str]],
) -> None:
    repo, env = provider_repo
    ran = _pre_commit(repo, env)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "wardsite check" in ran.stdout and "Passed" in ran.stdout


def test_the_hook_stops_a_commit_of_a_broken_ward_naming_the_line_and_the_fix(
    provider_repo: tuple[Path, dict[str, str]],
) -> None:
    repo, env = provider_repo
    ward = repo / "wards" / "example-valley-nhs-ft" / "osprey-ward.yaml"
    good = ward.read_text(encoding="utf-8")
    try:
        ward.write_text(good.replace("\ncqc_location_id:", "\ncqc_location_idd:", 1), encoding="utf-8")
        ran = _pre_commit(repo, env)
    finally:
        ward.write_text(good, encoding="utf-8")
    assert ran.returncode == 1
    assert "wards/example-valley-nhs-ft/osprey-ward.yaml:" in ran.stdout
    assert "cqc_location_idd" in ran.stdout and "Fix:" in ran.stdout
