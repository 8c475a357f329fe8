"""The accessibility checker's install: pinned pa11y-ci, Debian's chromium, and no browser download."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from wardsite.accessibility.pa11y import CHROMIUM, TOOL_DIR


def _node(script: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", "-e", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_pa11y_ci_is_pinned_to_4_1_and_installed_from_the_lock_file() -> None:
    package = json.loads((TOOL_DIR / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((TOOL_DIR / "package-lock.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["pa11y-ci"] == "4.1.1"
    assert lock["packages"]["node_modules/pa11y-ci"]["version"] == "4.1.1"
    installed = json.loads((TOOL_DIR / "node_modules" / "pa11y-ci" / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == "4.1.1"


def test_puppeteer_is_told_to_use_debian_chromium_and_never_download_a_browser() -> None:
    found = _node(
        "const {getConfiguration} = require('puppeteer/lib/cjs/puppeteer/getConfiguration.js');"
        "const c = getConfiguration(); console.log(JSON.stringify({skipDownload: c.skipDownload, executablePath: c.executablePath}));",
        TOOL_DIR,
        {k: v for k, v in os.environ.items() if not k.startswith("PUPPETEER_")},
    )
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout) == {"skipDownload": True, "executablePath": str(CHROMIUM)}


def test_puppeteers_install_step_downloads_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PUPPETEER_")}
    env["PUPPETEER_CACHE_DIR"] = str(tmp_path / "cache")
    ran = subprocess.run(
        ["node", "install.mjs"],
        cwd=TOOL_DIR / "node_modules" / "puppeteer",
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
            }
        ),
        encoding="utf-8",
    )
    loaded = _node(
        "console.log(JSON.stringify(require('./pa11y-ci.config.cjs')))",
        TOOL_DIR,
        {**os.environ, "WARDSITE_A11Y_RUN": str(run_file)},
    )
    assert loaded.returncode == 0, loaded.stderr
    config = json.loads(loaded.stdout)["defaults"]
    assert config["standard"] == "WCAG2AA"
    assert config["runners"] == ["htmlcs", "axe-wcag22"]
    assert config["chromeLaunchConfig"]["executablePath"] == str(CHROMIUM)
    assert {
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    } <= set(config["chromeLaunchConfig"]["args"])


def test_every_ignored_rule_gives_its_reason() -> None:
    rules = json.loads((TOOL_DIR / "ignored-rules.json").read_text(encoding="utf-8"))["rules"]
    assert all(rule["code"] and len(rule["reason"]) > 20 for rule in rules)
