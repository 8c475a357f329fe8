"""Nothing lost: a failed build leaves the previous site exactly as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from tests.sitebuild import copy_project
from wardsite.cli import main

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
    assert (project / "site" / "wards" / "heron-ward" / "index.html").is_file()
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
    cedar.write_text(cedar.read_text().replace("ward_type: low_secure", "ward_type: lowsecure"))
    code, output = _build("--skip-broken-providers")
    assert code == 0, output
    assert "Excluded provider brightwater-care: 1 error" in output
    assert "wards/brightwater-care/cedar-ward.yaml:" in output
    assert (project / "site" / "wards" / "heron-ward" / "index.html").is_file()
    assert not (project / "site" / "wards" / "maple-house").exists()
    assert not (project / "site" / "providers" / "brightwater-care").exists()
    # Inspectors see what is missing and why, on the report page and in its data.
    data = json.loads((project / "site" / "data" / "availability.json").read_text())
    assert [(p["provider_id"], p["errors"]) for p in data["excluded_providers"]] == [("brightwater-care", 1)]
    assert (
        "cedar-ward.yaml" in data["excluded_providers"][0]["problems"][0]
        and "ward_type" in data["excluded_providers"][0]["problems"][0]
    )
    report = BeautifulSoup((project / "site" / "report" / "index.html").read_text(), "html.parser")
    section = report.find(id="excluded")
    assert section is not None and section.get_text(strip=True) == "Providers left out"
    assert "brightwater-care (1 error)" in report.get_text(" ")
