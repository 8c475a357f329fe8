"""Who maintains each provider's folder, and whether a change stays inside the folders of the person making it.

In a repository shared by several providers, ``provider.yaml`` names the people or teams who
look after that provider's folder (``maintainers``). CODEOWNERS (``wardsite.authoring.codeowners``)
makes their approval required where branch protection is available; this owners check lets
CI refuse such a change where it is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

from wardsite.loading.catalogue import PROVIDER_FILE, ProviderEntry
from wardsite.model.types import HANDLE_PATTERN
from wardsite.model.words import and_list
from wardsite.problems import Problem, Severity
from wardsite.source.git_files import read_objects, run_git, top_folder
from wardsite.source.reader import Source, parse_text

Maintainers = Mapping[str, tuple[str, ...]]
"""Each provider folder's slug and its maintainers' handles, as ``provider.yaml`` lists them."""


def no_maintainers_warning(entry: ProviderEntry) -> Problem | None:
    """A warning on ``provider.yaml`` when it names nobody: in a shared repository, anyone could change it."""
    if entry.provider.maintainers:
        return None
    return Problem(
        entry.source_path,
        1,
        1,
        "maintainers",
        "no maintainers are listed, so nobody is asked to approve changes to this provider's wards.",
        "Add `maintainers:` with the GitHub or GitLab handles of the people or teams who look after this folder, "
        "like `- '@example-trust/ward-editors'`, then run `wardsite codeowners`.",
        Severity.warning,
    )


def _same_handle(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()  # GitHub and GitLab handles are not case-sensitive


def owner_problems(
    changed: Iterable[str], owners: Iterable[str], maintainers: Maintainers, wards_prefix: str = "wards"
) -> list[Problem]:
    """An error for each changed file under ``wards_prefix`` in a provider folder none of ``owners`` maintains.

    ``changed`` are paths as git shows them (from the repository's top folder); files outside the
    wards folder are not a provider's, so they are left to the repository's own owners. A folder
    with no maintainers (a new provider, say) needs a repository maintainer: nobody passes for it.
    """
    handles = list(owners)
    prefix = PurePosixPath(wards_prefix)
    problems = []
    for file in sorted(set(changed)):
        path = PurePosixPath(file)
        try:
            inside = path.relative_to(prefix)
        except ValueError:
            continue
        if len(inside.parts) < 2:
            continue  # a file straight in the wards folder belongs to no provider (check reports it)
        folder = inside.parts[0]
        listed = maintainers.get(folder, ())
        if any(_same_handle(h, m) for h in handles for m in listed):
            continue
        who = and_list(handles) or "nobody"
        if listed:
            message = (
                f"changed by {who}, who does not maintain {prefix / folder}/ (its maintainers: {and_list(listed)})."
            )
            fix = (
                f"Ask one of {and_list(listed)} to make or approve this change, or to add you to `maintainers` "
                f"in {prefix / folder / PROVIDER_FILE}."
            )
        else:
            message = f"changed by {who}, but {prefix / folder}/ lists no maintainers, so nobody can approve it here."
            fix = (
                f"Ask the repository's owners to review it, and add `maintainers` to {prefix / folder / PROVIDER_FILE}."
            )
        problems.append(Problem(file, 1, 1, "", message, fix))
    return problems


def maintainers_in(text: str) -> tuple[str, ...]:
    """The handles a provider.yaml text lists under ``maintainers`` (anything that is not a handle is left out)."""
    source = Source(PROVIDER_FILE)
    parse_text(text, source)
    value = source.data.get("maintainers") if isinstance(source.data, dict) else None
    if not isinstance(value, list):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and re.fullmatch(HANDLE_PATTERN, v.strip()))


def folder_maintainers(wards_dir: Path, folders: Iterable[str], base: str | None) -> tuple[Maintainers, list[Problem]]:
    """Each folder's maintainers from its provider.yaml: in the work tree, or as committed at git ``base``.

    CI passes the branch a change is merged into as ``base``, so a change that adds its own
    author to ``maintainers`` is still judged by the maintainers before it.
    """
    wanted = sorted(set(folders))
    if base is None:
        found: dict[str, tuple[str, ...]] = {}
        for folder in wanted:
            try:
                found[folder] = maintainers_in((wards_dir / folder / PROVIDER_FILE).read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError):
                found[folder] = ()
        return found, []
    top = top_folder(wards_dir)
    where = str(wards_dir)
    if top is None:
        return {}, [
            Problem(
                where,
                1,
                1,
                "",
                "--base needs a git repository, and this folder is not in one.",
                "Run the check inside the repository's checkout, with its history fetched.",
            )
        ]
    if run_git(top, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}") is None:
        return {}, [
            Problem(
                where,
                1,
                1,
                "",
                f"git does not know the commit `{base}`.",
                "Fetch it first (for example `git fetch origin main`), or give a branch or commit that exists.",
            )
        ]
    inside = wards_dir.resolve().relative_to(top.resolve()).as_posix()
    names = {f: f"{base}:{inside}/{f}/{PROVIDER_FILE}".replace(":./", ":") for f in wanted}
    blobs = read_objects(top, names.values())
    return {f: maintainers_in((blobs.get(n) or b"").decode("utf-8-sig", "replace")) for f, n in names.items()}, []


def changed_folders(changed: Iterable[str], wards_prefix: str) -> list[str]:
    """The provider folders under ``wards_prefix`` that ``changed`` paths are in."""
    prefix = PurePosixPath(wards_prefix)
    found = set()
    for file in changed:
        try:
            parts = PurePosixPath(file).relative_to(prefix).parts
        except ValueError:
            continue
        if len(parts) >= 2:
            found.add(parts[0])
    return sorted(found)
