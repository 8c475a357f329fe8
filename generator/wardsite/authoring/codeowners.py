"""The CODEOWNERS file, made from each provider's ``maintainers``, so a shared repository keeps providers apart.

GitHub and GitLab both read ``/path/ @owner ...`` lines; GitLab also groups them in
``[section]`` headings, one per provider, so a merge request names whose approval is missing.
Only folder names that are web-address slugs and handles that passed ``HANDLE_PATTERN`` are
written, so nothing in a provider's file can add a line or an owner of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePosixPath

from wardsite.model.types import HANDLE_PATTERN, SLUG_PATTERN

SYNTAXES = ("github", "gitlab")
DEFAULT_FILES = {"github": ".github/CODEOWNERS", "gitlab": ".gitlab/CODEOWNERS"}

_HEADER = (
    "# Code owners of the ward files, made by `wardsite codeowners` from the maintainers in each provider.yaml.\n"
    "# Do not edit by hand: change `maintainers` in a provider.yaml, then run `wardsite codeowners` again.\n"
)


def codeowners_text(maintainers: Mapping[str, tuple[str, ...]], wards_path: str, syntax: str = "github") -> str:
    """The CODEOWNERS text: one line per provider folder under ``wards_path`` (from the repository's top folder)."""
    if syntax not in SYNTAXES:
        raise ValueError(f"unknown CODEOWNERS syntax {syntax!r}")
    base = PurePosixPath("/") / PurePosixPath(wards_path.strip("/") or ".")
    lines = [_HEADER]
    for folder in sorted(maintainers):
        if not re.fullmatch(SLUG_PATTERN, folder):
            continue
        handles = [h for h in dict.fromkeys(maintainers[folder]) if re.fullmatch(HANDLE_PATTERN, h)]
        path = f"{(base / folder).as_posix().replace('/./', '/')}/"
        if syntax == "gitlab":
            lines.append(f"\n[{folder}]\n")
        elif handles:
            lines.append("\n")
        if handles:
            lines.append(f"{path} {' '.join(handles)}\n")
        else:
            lines.append(f"# {path} has no maintainers in its provider.yaml, so it has no owner here.\n")
    return "".join(lines)


def with_kept_lines(existing: str | None, generated: str) -> str:
    """``generated`` after the lines a person wrote above it in ``existing`` (such as ``* @org/site-admins``).

    Everything from the generated header on is replaced; a file without the header is all kept above it.
    """
    if not existing:
        return generated
    at = existing.find(_HEADER.splitlines()[0])
    kept = existing if at < 0 else existing[:at]
    if kept and not kept.endswith("\n"):
        kept += "\n"
    return kept + generated
