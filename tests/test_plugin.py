"""The MkDocs plugin as a site uses it: a minimal mkdocs.yml, strict builds, progress, and the last good site kept."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from tests.sitebuild import PINNED_TODAY, SAMPLE_WARDS, copy_project
from wardsite.cli import main
from wardsite.site.mkdocs_run import Progress, SettingsError, plugins_with

MINIMAL = "site_name: Wards\ntheme:\n  name: material\nplugins:\n  - search\n  - wardsite:\n      today: '2026-11-26'\n"


def _site_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _mkdocs(builder: str, project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", builder, "build", "--strict", "--site-dir", str(site), "--config-file", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.fixture()
def minimal_project(tmp_path: Path) -> Path:
    """A site whose mkdocs.yml has only a name, the theme and the plugins; the wards are the samples."""
    shutil.copytree(SAMPLE_WARDS, tmp_path / "wards")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path


def test_a_minimal_mkdocs_yml_gets_the_theme_css_scripts_guide_and_british_english(minimal_project: Path) -> None:
    built = _mkdocs("mkdocs", minimal_project, minimal_project / "site")
    assert built.returncode == 0, built.stderr[-3000:]
    site = minimal_project / "site"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.html is not None and home.html["lang"] == "en-GB"
    assert "stylesheets/accessibility.css" in [link["href"] for link in home.select("link[rel=stylesheet]")]
    assert home.select_one("#ward-large-print") is not None  # the package's theme override is used
    nav = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary a.md-nav__link")]
    assert "Find a ward" in nav and "For inspectors" in nav
    assert (site / "guide" / "deploy" / "index.html").is_file()
    assert (site / "schema" / "ward-file.schema.json").is_file()  # published though the docs folder has none
    assert not any((site / "wards").glob("*.md"))


def test_a_broken_ward_stops_plain_mkdocs_and_properdocs_builds_leaving_the_last_good_site(
    minimal_project: Path,
) -> None:
    site = minimal_project / "site"
    assert _mkdocs("mkdocs", minimal_project, site).returncode == 0
    before = _site_files(site)
    ward = next((minimal_project / "wards").rglob("heron-ward.yaml"))
    ward.write_text(ward.read_text(encoding="utf-8").replace("\nname:", "\nnaem:", 1), encoding="utf-8")
    for builder in ("mkdocs", "properdocs"):
        failed = _mkdocs(builder, minimal_project, site)
        assert failed.returncode == 1, builder
        assert "naem" in failed.stderr and "nothing was built" in failed.stderr, failed.stderr[-2000:]
        assert _site_files(site) == before, builder


def test_an_mkdocs_warning_fails_wardsite_build_and_is_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_project(tmp_path)
    (tmp_path / "site_src" / "extra.md").write_text("# Extra\n\nSee [the missing page](missing.md).\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--today", PINNED_TODAY], catch_exceptions=False)
    assert result.exit_code == 1
    assert "MkDocs WARNING" in result.output and "missing.md" in result.output
    assert "The site build failed; site was left as it was." in result.output
    assert "Aborted" not in result.output  # MkDocs' own last words tell a ward manager nothing
    assert not (tmp_path / "site").exists()


def test_wardsite_build_says_each_step_in_a_line_when_not_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--today", PINNED_TODAY], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("Loaded 9 wards from 2 providers (") for line in lines), lines
    assert any(line.startswith("Building pages: ") and line.endswith(" pages...") for line in lines), lines
    assert any(line.startswith("Building pages: done (") for line in lines), lines
    assert lines[-1] == "Built the site in site."


def test_the_progress_bar_fills_as_pages_are_built() -> None:
    class Terminal:
        def __init__(self) -> None:
            self.text = ""

        def write(self, text: str) -> None:
            self.text += text

        def flush(self) -> None:
            pass

    screen = Terminal()
    progress = Progress(screen, bar=True)
    progress("Building pages", 1, 4)
    progress("Building pages", 4, 4)
    assert screen.text == (
        "\rBuilding pages: [#######.......................] 1/4\rBuilding pages: [##############################] 4/4\n"
    )


def test_the_command_lines_settings_go_over_the_plugins_own_and_keep_the_other_plugins(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - search:\n      lang: en\n  - wardsite:\n      wards: w\n  - offline\n"
    )
    assert plugins_with(config, {"today": "2026-11-26"}) == [
        {"search": {"lang": "en"}},
        {"wardsite": {"wards": "w", "today": "2026-11-26"}},
        "offline",
    ]
    config.write_text("site_name: x\nplugins:\n  - search\n")
    with pytest.raises(SettingsError, match="does not use the wardsite plugin"):
        plugins_with(config, {})


def test_the_plugin_refuses_another_theme_and_a_wrong_date_in_plain_words(minimal_project: Path) -> None:
    (minimal_project / "mkdocs.yml").write_text(MINIMAL.replace("name: material", "name: mkdocs"), encoding="utf-8")
    refused = _mkdocs("mkdocs", minimal_project, minimal_project / "site")
    assert refused.returncode == 1
    assert "wardsite needs the Material theme: set `theme: material` in mkdocs.yml." in refused.stderr
    (minimal_project / "mkdocs.yml").write_text(MINIMAL.replace("2026-11-26", "26/11/2026"), encoding="utf-8")
    refused = _mkdocs("mkdocs", minimal_project, minimal_project / "site")
    assert refused.returncode == 1
    assert "'26/11/2026' is not a date written as YYYY-MM-DD." in refused.stderr


def test_a_build_refuses_the_one_provider_preview_setting(minimal_project: Path) -> None:
    limited = MINIMAL + "      provider: example-valley-nhs-ft\n"
    (minimal_project / "mkdocs.yml").write_text(limited, encoding="utf-8")
    refused = _mkdocs("mkdocs", minimal_project, minimal_project / "site")
    assert refused.returncode == 1
    assert "the `provider` setting is for the live preview (`wardsite serve --provider`)" in refused.stderr
    assert not (minimal_project / "site").exists()


def test_skipping_broken_providers_never_publishes_a_site_with_no_wards(minimal_project: Path) -> None:
    """A one-trust site whose only provider has an error: "skip the broken ones" would leave nothing."""
    site = minimal_project / "site"
    assert _mkdocs("mkdocs", minimal_project, site).returncode == 0
    before = _site_files(site)
    for folder in (minimal_project / "wards").iterdir():
        if folder.name != "example-valley-nhs-ft":
            shutil.rmtree(folder)
    ward = minimal_project / "wards" / "example-valley-nhs-ft" / "heron-ward.yaml"
    ward.write_text(ward.read_text(encoding="utf-8").replace("\nname:", "\nnaem:", 1), encoding="utf-8")

    alone = _mkdocs("mkdocs", minimal_project, site)
    assert alone.returncode == 1
    assert "1 error in the ward files: nothing was built. Fix them." in alone.stderr  # no advice to skip it
    (minimal_project / "mkdocs.yml").write_text(MINIMAL + "      skip_broken_providers: true\n", encoding="utf-8")
    skipped = _mkdocs("mkdocs", minimal_project, site)
    assert skipped.returncode == 1
    assert "every provider has some: nothing was built" in skipped.stderr
    assert _site_files(site) == before
