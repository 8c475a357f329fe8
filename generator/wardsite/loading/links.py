"""Symbolic links in the wards folder: followed only when they lead to somewhere inside it.

A link to a file or folder elsewhere would publish whatever it points at (a secret once
appeared on the inspectors' page), and a link that leads round in a loop cannot be read.
Either is a problem at the link itself. The problem never says where the link points, as
problems are published on the inspectors' page when a provider is left out of a build.
"""

from __future__ import annotations

from pathlib import Path

from wardsite.problems import Problem


def _shown(path: Path, wards_dir: Path) -> str:
    try:
        return str(path.relative_to(wards_dir.parent))
    except ValueError:
        return str(path)


def refused_link(path: Path, wards_dir: Path) -> Problem | None:
    """A problem if ``path`` is a link that loops, is broken or leads outside ``wards_dir``; else None."""
    if not path.is_symlink():
        return None
    shown = _shown(path, wards_dir)
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a loop (ELOOP or RuntimeError) or a link to nothing
        return Problem(
            shown,
            1,
            1,
            "",
            "this is a link that leads round in a loop, or to something that is not there, so it is not read.",
            "Delete the link, and put the file or folder itself here.",
        )
    root = wards_dir.resolve()
    if target != root and root not in target.parents:
        return Problem(
            shown,
            1,
            1,
            "",
            "this is a link to something outside the wards folder, so it is not read: only what is inside the "
            "wards folder can be published.",
            "If it should be published, copy the file itself into the wards folder and delete the link.",
        )
    return None


def followed(paths: list[Path], wards_dir: Path) -> list[Path]:
    """``paths`` less every refused link."""
    return [p for p in paths if refused_link(p, wards_dir) is None]


def link_problems(folder: Path, wards_dir: Path) -> list[Problem]:
    """A problem for each refused link directly inside ``folder`` (names starting with a dot are not read)."""
    found = (refused_link(p, wards_dir) for p in sorted(folder.iterdir()) if not p.name.startswith("."))
    return [problem for problem in found if problem is not None]
