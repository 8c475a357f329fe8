"""A trust's first day: the wheel, installed in a fresh virtualenv, makes a working site outside this checkout.

`wardsite init mysite && cd mysite && wardsite build && wardsite a11y` must pass, and the site must have
the theme's CSS, JavaScript and Easy Read pictures and say it is in British English; plain `mkdocs build
--strict` and `properdocs build --strict` must build it too. Nothing here uses this repository's files
except the wheel built from it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import REPO

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: int = 900) -> subprocess.CompletedProcess[str]:
    ran = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert ran.returncode == 0, f"{' '.join(command)} failed:\n{ran.stdout[-3000:]}\n{ran.stderr[-3000:]}"
    return ran


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path]:
    """(the new venv's bin folder, an environment for it, the wheel) with wardsite installed from the wheel."""
    root = tmp_path_factory.mktemp("installed")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["GIT_CEILING_DIRECTORIES"] = str(root)
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(root / "dist"), str(REPO)],
        root,
        env,
    )
    wheel = next((root / "dist").glob("wardsite-*.whl"))
    venv.create(root / "venv", with_pip=True)
    bin_dir = root / "venv" / "bin"
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    _run(
        [
            str(bin_dir / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-c",
            str(REPO / "constraints.txt"),
            str(wheel),
            "properdocs",
        ],
        root,
        env,
    )
    return bin_dir, env, wheel


@pytest.fixture(scope="module")
def new_site(installed: tuple[Path, dict[str, str], Path]) -> tuple[Path, dict[str, str]]:
    bin_dir, env, _ = installed
    work = bin_dir.parent.parent / "work"
    work.mkdir()
    _run([str(bin_dir / "wardsite"), "init", "mysite"], work, env)
    site = work / "mysite"
    _run([str(bin_dir / "wardsite"), "build"], site, env)
    return site, env


def test_the_wheel_holds_the_theme_pictures_schemas_templates_and_accessibility_runner(
    installed: tuple[Path, dict[str, str], Path],
) -> None:
    names = set(zipfile.ZipFile(installed[2]).namelist())
    for shipped in (
        "wardsite/site/theme/overrides/main.html",
        "wardsite/site/theme/overrides/partials/languages/en-GB.html",
        "wardsite/site/theme/static/stylesheets/wardsite.css",
        "wardsite/site/theme/static/javascripts/wardsite.js",
        "wardsite/site/theme/static/images/easy-read/phone.svg",
        "wardsite/site/theme/pages/guide/index.md",
        "wardsite/render/templates/ward.html.j2",
        "wardsite/accessibility/runner/package.json",
        "wardsite/accessibility/runner/package-lock.json",
        "wardsite/accessibility/runner/pa11y-ci.config.cjs",
        "wardsite/accessibility/runner/.puppeteerrc.cjs",
        "wardsite/accessibility/runner/runner-axe-wcag22/index.js",
        "wardsite/authoring/starter/wards/osprey-ward.yaml",
    ):
        assert shipped in names, shipped
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(installed[2]).read(entry_points).decode()
    assert "[mkdocs.plugins]\nwardsite = wardsite.site.plugin:WardsitePlugin" in text


def test_init_then_build_makes_a_site_with_its_css_scripts_pictures_and_british_english(
    new_site: tuple[Path, dict[str, str]],
) -> None:
    site = new_site[0] / "site"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.html is not None and home.html["lang"] == "en-GB"
    sheets = [link["href"] for link in home.select("link[rel=stylesheet]")]
    assert "stylesheets/wardsite.css" in sheets
    assert "javascripts/wardsite.js" in [script.get("src") for script in home.select("script")]
    ward = BeautifulSoup(next(site.glob("wards/**/osprey-ward/index.html")).read_text(encoding="utf-8"), "html.parser")
    assert ward.h1 is not None and "Osprey Ward" in ward.h1.get_text()
    easy_read = next(site.glob("wards/**/osprey-ward/easy-read/index.html"))
    pictures = BeautifulSoup(easy_read.read_text(encoding="utf-8"), "html.parser").select("img[src$='.svg']")
    assert pictures
    for picture in pictures:
        assert (easy_read.parent / picture["src"]).resolve().is_file(), picture["src"]
    assert (site / "stylesheets" / "wardsite.css").is_file()
    assert (site / "guide" / "index.html").is_file()


def test_plain_mkdocs_and_properdocs_build_the_new_site_strictly(new_site: tuple[Path, dict[str, str]]) -> None:
    site, env = new_site
    bin_dir = Path(env["PATH"].split(os.pathsep)[0])
    for builder in ("mkdocs", "properdocs"):
        _run([str(bin_dir / builder), "build", "--strict", "--site-dir", f"built-by-{builder}"], site, env)
        page = (site / f"built-by-{builder}" / "index.html").read_text(encoding="utf-8")
        assert 'lang="en-GB"' in page and "stylesheets/wardsite.css" in page


def test_the_accessibility_check_passes_on_the_new_site(new_site: tuple[Path, dict[str, str]]) -> None:
    site, env = new_site
    bin_dir = Path(env["PATH"].split(os.pathsep)[0])
    ran = _run([str(bin_dir / "wardsite"), "a11y"], site, env, timeout=1200)
    assert "0 with errors, 0 did not load" in ran.stdout
