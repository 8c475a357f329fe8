"""Run pa11y-ci (Node, installed by ``wardsite.accessibility.tools``) on a list of addresses and read its JSON.

pa11y-ci is given its settings through the runner's ``pa11y-ci.config.cjs``; the page list, the rules
not applied, the browser and run settings go in a small JSON file named by ``WARDSITE_A11Y_RUN``, so a
national site's thousands of addresses never hit the command-line length limit.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wardsite.accessibility.tools import PA11Y_CI, ToolError

__all__ = ["CHROMIUM", "DESKTOP", "PHONE", "Target", "ToolError", "Viewport", "run_pa11y_ci"]

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's chromium, the browser used unless another is chosen (``wardsite a11y --chromium``)."""

CONFIG_FILE = "pa11y-ci.config.cjs"

SEARCH_SETTLE_MS = 2000
"""How long the page with the search open is left before it is checked: its results arrive from a web
worker and fade in, and a half-drawn list is not what a reader sees."""


@dataclass(frozen=True)
class Viewport:
    """A screen size to check pages at. Layout (and so contrast, overlap, target size) changes with it."""

    name: str
    width: int
    height: int


PHONE = Viewport("phone", 390, 844)
DESKTOP = Viewport("desktop", 1280, 1024)


@dataclass(frozen=True)
class Target:
    """One page load: the address pa11y-ci opens and the screen size to open it at."""

    url: str
    viewport: Viewport


def _missing_tool(tool_dir: Path, chromium: Path) -> str | None:
    if shutil.which("node") is None:
        return "Node.js is not installed. Install Node 20 or later (Debian: apt-get install nodejs npm)."
    if not (tool_dir / PA11Y_CI).is_file():
        return f"pa11y-ci is not installed in {tool_dir}. Run `wardsite a11y --install` to install it."
    if not chromium.is_file():
        return (
            f"Chromium is not installed at {chromium}. Run `apt-get install chromium`, or name another with --chromium."
        )
    return None


def run_pa11y_ci(
    targets: list[Target],
    tool_dir: Path,
    concurrency: int = 2,
    page_timeout_s: int = 30,
    timeout_s: float | None = None,
    ignore: list[str] | None = None,
    chromium: Path = CHROMIUM,
) -> dict[str, Any]:
    """pa11y-ci's JSON report (``{"total", "passes", "errors", "results": {url: [issue or error]}}``).

    ``timeout_s`` bounds the whole run (default: generous for the number of pages); the browser
    and everything it started are stopped when it runs out.
    """
    problem = _missing_tool(tool_dir, chromium)
    if problem:
        raise ToolError(problem)
    if timeout_s is None:
        timeout_s = 120 + page_timeout_s * len(targets) / max(concurrency, 1)
    run = {
        "concurrency": concurrency,
        "ignore": ignore or [],
        "chromium": str(chromium),
        "pageTimeoutMs": page_timeout_s * 1000,
        "viewport": {"width": DESKTOP.width, "height": DESKTOP.height},
        "urls": [
            {
                "url": t.url,
                "viewport": {"width": t.viewport.width, "height": t.viewport.height},
                # The search page fills its results from a worker and fades them in: check it settled.
                **({"wait": SEARCH_SETTLE_MS} if "?q=" in t.url else {}),
            }
            for t in targets
        ],
    }
    with tempfile.TemporaryDirectory(prefix="wardsite-a11y-") as tmp:
        run_file = Path(tmp, "run.json")
        run_file.write_text(json.dumps(run), encoding="utf-8")
        env = {**os.environ, "WARDSITE_A11Y_RUN": str(run_file), "PUPPETEER_SKIP_DOWNLOAD": "1"}
        command = [
            shutil.which("node") or "node",
            str(tool_dir / PA11Y_CI),
            "--config",
            str(tool_dir / CONFIG_FILE),
            "--json",
        ]
        stdout, stderr, returncode = _run(command, tool_dir, env, timeout_s)
    report = _json_line(stdout)
    if report is None or returncode not in (0, 2):
        detail = (stderr or stdout).strip().splitlines()[-20:]
        raise ToolError(
            f"pa11y-ci stopped without a report (exit status {returncode}):\n  "
            + "\n  ".join(detail or ["(no output)"])
        )
    return report


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout_s: float) -> tuple[str, str, int]:
    """Run in a new process group, so a timeout stops the browser as well as Node."""
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ToolError(f"pa11y-ci did not finish within {timeout_s:.0f} seconds and was stopped.") from None
    return stdout, stderr, process.returncode


def _json_line(stdout: str) -> dict[str, Any] | None:
    """The report line of ``--json`` output (anything the browser printed before it is skipped)."""
    for line in reversed(stdout.splitlines()):
        if line.startswith("{"):
            try:
                data = json.loads(line)
            except ValueError:
                return None
            return data if isinstance(data, dict) and isinstance(data.get("results"), dict) else None
    return None
