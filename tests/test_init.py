"""`wardsite init`: a new repository that builds straight away, clearly marked to fill in, that never overwrites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from mkdocs.utils.yaml import yaml_load as mkdocs_yaml_load

from wardsite.cli import main
from wardsite.loading.catalogue import load_catalogue
from wardsite.open_data.schemas import schema_files

EXPECTED = {
    "mkdocs.yml",
    "mkdocs-offline.yml",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".github/workflows/publish.yml",
    ".gitlab-ci.yml",
    "azure-pipelines.yml",
    "accessibility/ignored-rules.json",
    "README.md",
    "wards/example-valley-nhs-ft/provider.yaml",
    "wards/example-valley-nhs-ft/osprey-ward.yaml",
    *(f"docs/{path}" for path in schema_files()),
}


class _Tags(yaml.SafeLoader):
    """mkdocs.yml may hold tags; these tests only read plain keys."""


def _init(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["init", *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_init_writes_every_file_a_site_needs_and_nothing_else(tmp_path: Path) -> None:
    code, output = _init(str(tmp_path / "mysite"))
    assert code == 0, output
    written = {str(p.relative_to(tmp_path / "mysite")) for p in (tmp_path / "mysite").rglob("*") if p.is_file()}
    assert written == EXPECTED
    assert output.splitlines()[0] == f"Made a new ward site in {tmp_path / 'mysite'} ({len(EXPECTED)} files)."


def test_the_example_ward_is_valid_fictional_and_says_to_replace_it(tmp_path: Path) -> None:
    _init(str(tmp_path))
    result = load_catalogue(tmp_path / "wards")
    assert [p for p in result.problems if p.severity.value == "error"] == []
    assert [w.ward.name for w in result.catalogue.wards] == ["Osprey Ward"]
    ward = (tmp_path / "wards/example-valley-nhs-ft/osprey-ward.yaml").read_text(encoding="utf-8")
    assert ward.splitlines()[0] == "# yaml-language-server: $schema=../../docs/schema/ward-file.schema.json"
    assert "EXAMPLE WARD, made by `wardsite init`" in ward and "delete this example before you publish" in ward
    assert ((tmp_path / "wards/example-valley-nhs-ft") / "../../docs/schema/ward-file.schema.json").resolve().is_file()


def test_the_site_settings_use_the_plugin_and_the_site_name_given_safely(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = 'Wards of "Exampleshire": north & south\nsite_url: https://evil.example/'
    _init(str(tmp_path), "--name", name, "--shared")
    monkeypatch.delenv("SITE_URL", raising=False)
    settings = mkdocs_yaml_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert settings["site_name"] == name  # one value: the name could not add a setting of its own
    assert settings["site_url"] is None  # the name could not set it; CI gives it as SITE_URL
    monkeypatch.setenv("SITE_URL", "https://example.github.io/ward-site/")
    built_at = mkdocs_yaml_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    assert built_at == "https://example.github.io/ward-site/"
    assert settings["theme"] == {"name": "material"}
    assert settings["plugins"] == [
        {"search": {"lang": "en"}},
        {"wardsite": {"wards": "wards", "skip_broken_providers": True}},
    ]
    assert settings["docs_dir"] == "docs" and settings["strict"] is True


def test_the_ci_workflows_check_build_test_accessibility_and_run_daily(tmp_path: Path) -> None:
    _init(str(tmp_path))
    github = yaml.safe_load((tmp_path / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert github[True]["schedule"] == [{"cron": "17 5 * * *"}]  # YAML 1.1 reads `on` as true
    runs = [step.get("run", "") for step in github["jobs"]["build"]["steps"]]
    commands = [r for r in runs if r.startswith("wardsite")]
    assert commands[:2] == ["wardsite check", "wardsite build"] and commands[2].startswith("wardsite a11y")
    # the second build puts the accessibility results on the inspectors' report
    assert commands[2].endswith("--report accessibility-report.json")
    assert commands[3] == "wardsite build --a11y-report accessibility-report.json"
    kept = next(step for step in github["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/cache"))
    assert kept["with"]["path"] == "~/.cache/wardsite"  # the cache folder wardsite uses, kept between runs
    gitlab = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["cache"]["paths"] == [".wardsite-cache/"]
    assert gitlab["variables"]["WARDSITE_CACHE_DIR"] == "$CI_PROJECT_DIR/.wardsite-cache"
    assert gitlab["pages"]["script"] == [
        "wardsite check",
        "wardsite build --site-dir public",
        "wardsite a11y --site public --report accessibility-report.json",
        "wardsite build --site-dir public --a11y-report accessibility-report.json",
    ]
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    azure = yaml.safe_load((tmp_path / "azure-pipelines.yml").read_text(encoding="utf-8"))
    assert azure["schedules"][0]["cron"] == "17 5 * * *"
    assert [s["script"] for s in azure["steps"] if str(s.get("script", "")).startswith("wardsite")][:2] == [
        "wardsite check",
        "wardsite build",
    ]
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"] == [{"id": "wardsite-check"}]
    assert json.loads((tmp_path / "accessibility/ignored-rules.json").read_text(encoding="utf-8"))["rules"] == []


def test_init_never_overwrites_and_writes_nothing_if_any_file_is_there(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("our own readme\n", encoding="utf-8")
    code, output = _init(str(tmp_path))
    assert code == 2
    assert "already has README.md; nothing was written." in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "our own readme\n"


def test_init_into_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    code, output = _init(str(tmp_path / "a-file"))
    assert code == 2 and "a-file' is a file." in output
