"""Where a build may put its site: never over the project, its wards, its docs or a git work tree.

A build replaces everything in its site folder, so ``--site-dir .`` would delete the whole
checkout (``.git`` included) and ``--site-dir wards`` every ward file. Paths are compared
after following links, so a link to the project is refused like the project itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

CHOOSE = "Choose a folder of its own for the site, such as `site`; a build replaces everything in it."


def git_work_tree(folder: Path) -> Path | None:
    """The root of the git work tree holding ``folder`` (the nearest folder with a ``.git``), if any."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def site_dir_problem(site_dir: Path, project: Path, protected: Mapping[str, Path]) -> str | None:
    """Why ``site_dir`` must not be the site folder, in plain words, or None if it may be.

    It must not be, or hold, ``project`` (the folder with the site's configuration) or the
    root of a git work tree; nor be, hold or sit inside any folder in ``protected`` (such as
    the wards and docs folders, by what they are called); nor sit inside a ``.git`` folder.
    """
    site = _real(site_dir)
    shown = str(site_dir)
    if site.exists() and not site.is_dir():
        return f"{shown} is a file, not a folder: move it away or choose another --site-dir."
    if ".git" in site.parts:
        return f"{shown} is inside a git repository's own .git folder. {CHOOSE}"
    if (site / ".git").exists():
        return f"{shown} is the root of a git work tree (it has a .git). {CHOOSE}"
    roots = {"the project folder (it holds the site's configuration)": _real(project)}
    tree = git_work_tree(_real(project))
    if tree is not None:
        roots[f"the git work tree at {tree}"] = tree
    for what, root in roots.items():
        if site == root:
            return f"{shown} is {what}. {CHOOSE}"
        if site in root.parents:
            return f"{shown} holds {what}. {CHOOSE}"
    for what, folder in protected.items():
        real = _real(folder)
        if site == real:
            return f"{shown} is {what} ({folder}). {CHOOSE}"
        if site in real.parents:
            return f"{shown} holds {what} ({folder}). {CHOOSE}"
        if real in site.parents:
            return f"{shown} is inside {what} ({folder}). {CHOOSE}"
    return None


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links: compare the path as written
        return Path(path).absolute()
