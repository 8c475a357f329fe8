"""The Nu Html Checker (vnu.jar, the W3C's HTML conformance checker), pinned in tests/html-checker.

Installed on first use with ``npm ci --ignore-scripts`` from its own lockfile and run on the
machine's Java (17 or later); nothing downloads a Java runtime.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
from pathlib import Path

CHECKER_DIR = Path(__file__).with_name("html-checker")
VNU_JAR = CHECKER_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_jar() -> Path:
    """The checker's jar, installing the locked version first if it is not there."""
    with (CHECKER_DIR / "package-lock.json").open() as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test processes never install at once
        if not VNU_JAR.is_file():
            npm = shutil.which("npm")
            if npm is None:
                raise AssertionError("npm is needed to install the HTML checker (Debian: apt-get install npm)")
            installed = subprocess.run(
                [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=CHECKER_DIR,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            if installed.returncode != 0 or not VNU_JAR.is_file():
                raise AssertionError(f"installing the HTML checker failed:\n{installed.stderr[-2000:]}")
    return VNU_JAR


def html_errors(pages: list[Path]) -> list[dict]:
    """Every error the checker finds in ``pages`` (its JSON messages of type "error", with the file)."""
    java = shutil.which("java")
    if java is None:
        raise AssertionError("Java 17 or later is needed for the HTML checker (Debian: apt-get install default-jre)")
    ran = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        messages = json.loads(ran.stderr or ran.stdout)["messages"]
    except (ValueError, KeyError):
        raise AssertionError(f"the HTML checker did not run:\n{ran.stdout[-2000:]}\n{ran.stderr[-2000:]}") from None
    return [message for message in messages if message.get("type") == "error"]
