"""The accessibility checker's Node packages: shipped locked in the wheel, installed once per user.

The runner (``runner/``: pa11y-ci's settings, the axe-core WCAG 2.2 runner, ``package.json`` and its
lockfile) ships inside the package, where nothing can be installed. The first ``wardsite a11y`` copies
it into a folder of the user's cache named by the lockfile's hash and runs ``npm ci`` there, so every
site on the machine shares one install of exactly the locked versions, and a new wardsite release with
a new lockfile gets a fresh folder. Puppeteer never downloads a browser: Debian's chromium is used.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

RUNNER_DIR = Path(__file__).resolve().parent / "runner"
"""The npm project as shipped: never installed into, only copied."""

LOCKFILE = "package-lock.json"
INSTALLED_MARK = ".wardsite-installed"
PA11Y_CI = Path("node_modules", "pa11y-ci", "bin", "pa11y-ci.js")


class ToolError(Exception):
    """The checker itself could not run (not installed, crashed, timed out). Says how to fix it."""


def lock_digest(runner_dir: Path = RUNNER_DIR) -> str:
    """A short hash of the runner's files: a changed lockfile or runner means a new install folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in runner_dir.rglob("*") if p.is_file() and "node_modules" not in p.parts):
        digest.update(path.relative_to(runner_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def install_folder(cache_root: Path, runner_dir: Path = RUNNER_DIR) -> Path:
    """Where this version of the runner is (or will be) installed under ``cache_root``."""
    return cache_root / f"a11y-tools-{lock_digest(runner_dir)}"


def ensure_installed(cache_root: Path, runner_dir: Path = RUNNER_DIR, timeout_s: int = 900) -> Path:
    """The installed runner folder, installing it first with ``npm ci`` if this version is not there yet.

    Safe to call from several processes at once: one installs while the others wait for it.
    """
    target = install_folder(cache_root, runner_dir)
    if (target / INSTALLED_MARK).is_file() and (target / PA11Y_CI).is_file():
        return target
    npm = shutil.which("npm")
    if shutil.which("node") is None or npm is None:
        raise ToolError(
            "Node.js and npm are needed for the accessibility check and are not installed. "
            "Install Node.js 20 or later with npm (Debian: apt-get install nodejs npm), then run this again."
        )
    cache_root.mkdir(parents=True, exist_ok=True)
    with (cache_root / f".{target.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be installing the same version
        if (target / INSTALLED_MARK).is_file() and (target / PA11Y_CI).is_file():
            return target
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(runner_dir, target, ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
        try:
            installed = subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=target,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout_s,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ToolError(f"Installing the accessibility checker took over {timeout_s} s and was stopped.") from None
        if installed.returncode != 0:
            detail = (installed.stderr or installed.stdout).strip().splitlines()[-10:]
            raise ToolError(
                "Installing the accessibility checker (npm ci) failed:\n  " + "\n  ".join(detail or ["(no output)"])
            )
        (target / INSTALLED_MARK).write_text(lock_digest(runner_dir) + "\n", encoding="utf-8")
    return target
