"""Run many measurements in one Debian chromium (tests/browser_session.cjs, through puppeteer).

Starting a browser costs about a second on a small machine; a test that measures 40 pages at
three widths and two text sizes asks for all of them at once.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tests.sitebuild import a11y_tool_dir

SESSION = Path(__file__).with_name("browser_session.cjs")


@dataclass(frozen=True)
class Task:
    """One page opened in the session's tab, at this size and in this mode, with this script run in it."""

    url: str
    script: str
    width: int = 1280
    height: int = 900
    media: str = "screen"
    javascript: bool = True
    large_print: bool = False
    keys: tuple[str, ...] = ()
    tabs: int = 0
    pdf: str = ""


def run_tasks(tasks: list[Task]) -> list[Any]:
    """Each task's result, in order; a task whose page or script failed fails the test with its error."""
    tool_dir = a11y_tool_dir()  # puppeteer, as the accessibility check installs it
    env = {**os.environ, "NODE_PATH": str(tool_dir / "node_modules")}
    ran = subprocess.run(
        ["node", str(SESSION)],
        input=json.dumps([asdict(task) for task in tasks]),
        cwd=tool_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if ran.returncode != 0:
        raise AssertionError(f"the browser session failed:\n{ran.stderr[-3000:]}")
    results = json.loads(ran.stdout)
    failed = [(task.url, result["error"]) for task, result in zip(tasks, results, strict=True) if not result["ok"]]
    if failed:
        raise AssertionError(f"a browser task failed: {failed[0][0]}\n{failed[0][1][-2000:]}")
    return [result["value"] for result in results]
