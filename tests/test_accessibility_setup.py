"""The accessibility checker's install: pinned pa11y-ci, Debian's chromium, and no browser download."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.sitebuild import REPO, a11y_tool_dir
from wardsite.accessibility.pa11y import CHROMIUM
from wardsite.accessibility.tools import RUNNER_DIR, ToolError, ensure_installed, install_folder


def _node(script: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", "-e", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_pa11y_ci_is_pinned_to_4_1_and_installed_from_the_lock_file() -> None:
    package = json.loads((RUNNER_DIR / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((RUNNER_DIR / "package-lock.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["pa11y-ci"] == "4.1.1"
    assert lock["packages"]["node_modules/pa11y-ci"]["version"] == "4.1.1"
    installed = json.loads((a11y_tool_dir() / "node_modules" / "pa11y-ci" / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == "4.1.1"


def test_puppeteer_is_told_to_use_debian_chromium_and_never_download_a_browser() -> None:
    found = _node(
        "const {getConfiguration} = require('puppeteer/lib/cjs/puppeteer/getConfiguration.js');"
        "const c = getConfiguration(); console.log(JSON.stringify({skipDownload: c.skipDownload, "
        "executablePath: c.executablePath}));",
        a11y_tool_dir(),
        {k: v for k, v in os.environ.items() if not k.startswith("PUPPETEER_")},
    )
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout) == {"skipDownload": True, "executablePath": str(CHROMIUM)}


def test_puppeteers_install_step_downloads_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PUPPETEER_")}
    env["PUPPETEER_CACHE_DIR"] = str(tmp_path / "cache")
    ran = subprocess.run(
        ["node", "install.mjs"],
        cwd=a11y_tool_dir() / "node_modules" / "puppeteer",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    assert "Skipping downloading browsers" in ran.stdout + ran.stderr
    assert not (tmp_path / "cache").exists()


def test_the_pa11y_ci_settings_use_both_runners_at_wcag_aa_in_debian_chromium(tmp_path: Path) -> None:
    run_file = tmp_path / "run.json"
    run_file.write_text(
        json.dumps(
            {
                "concurrency": 2,
                "pageTimeoutMs": 1000,
                "viewport": {"width": 390, "height": 844},
                "urls": ["http://127.0.0.1:1/"],
                "ignore": ["WCAG2AA.Principle1.Guideline1_1.1_1_1.H37"],
            }
        ),
        encoding="utf-8",
    )
    loaded = _node(
        "console.log(JSON.stringify(require('./pa11y-ci.config.cjs')))",
        a11y_tool_dir(),
        {**os.environ, "WARDSITE_A11Y_RUN": str(run_file)},
    )
    assert loaded.returncode == 0, loaded.stderr
    config = json.loads(loaded.stdout)["defaults"]
    assert config["standard"] == "WCAG2AA"
    assert config["runners"] == ["htmlcs", "axe-wcag22"]
    assert config["chromeLaunchConfig"]["executablePath"] == str(CHROMIUM)
    assert config["ignore"] == ["WCAG2AA.Principle1.Guideline1_1.1_1_1.H37"]
    assert {
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    } <= set(config["chromeLaunchConfig"]["args"])


def test_every_ignored_rule_gives_its_reason() -> None:
    rules = json.loads((REPO / "accessibility" / "ignored-rules.json").read_text(encoding="utf-8"))["rules"]
    assert all(rule["code"] and len(rule["reason"]) > 20 for rule in rules)


def test_the_checker_installs_once_per_user_from_the_lock_file_into_a_folder_named_by_its_hash(tmp_path: Path) -> None:
    installed = ensure_installed(tmp_path / "tools")
    assert installed == install_folder(tmp_path / "tools")
    lock = json.loads((RUNNER_DIR / "package-lock.json").read_text(encoding="utf-8"))
    axe = json.loads((installed / "node_modules" / "axe-core" / "package.json").read_text(encoding="utf-8"))
    assert axe["version"] == lock["packages"]["node_modules/axe-core"]["version"]
    marker = installed / ".wardsite-installed"
    before = marker.stat().st_mtime_ns
    assert ensure_installed(tmp_path / "tools") == installed  # the second call installs nothing
    assert marker.stat().st_mtime_ns == before
    assert not (RUNNER_DIR / "node_modules").exists()  # nothing is ever installed inside the package


def test_without_npm_the_checker_says_to_install_node_and_npm(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", str(tmp_path))  # no node, no npm
    try:
        ensure_installed(tmp_path / "tools")
    except ToolError as error:
        assert "Node.js and npm are needed" in str(error)
        assert "apt-get install nodejs npm" in str(error)
    else:
        raise AssertionError("no error without npm")
