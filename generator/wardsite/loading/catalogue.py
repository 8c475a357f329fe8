"""Load a whole ``wards/`` folder: providers, their wards, and every problem found.

Layout: ``wards/<provider>/provider.yaml`` and ``wards/<provider>/<ward>.yaml``. The folder
and file names become web addresses, so they must be lowercase words joined by hyphens.
A provider's ``ward_defaults`` are merged under each of its wards before validation, so
provider-wide facts (PALS, advocacy, smoking policy...) are written once.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from wardsite.loading import dates
from wardsite.loading.cache import LoadCache
from wardsite.loading.links import followed, link_problems
from wardsite.loading.mailboxes import personal_email_findings
from wardsite.loading.rules import check_ward
from wardsite.loading.validate import validate_model
from wardsite.model import Provider, Ward
from wardsite.model.addresses import REPORT_SECTIONS, provider_report_dir, ward_key
from wardsite.problems import Mark, Problem, Severity, errors, format_path
from wardsite.source.nhs_numbers import nhs_number_offsets
from wardsite.source.reader import FieldPath, Source, read_source

PROVIDER_FILE = "provider.yaml"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_FIX = "Use lowercase letters, digits and hyphens only, like heron-ward.yaml."


def suggest_slug(name: str) -> str:
    """A web-safe version of a file or folder name: ``Heron Ward`` becomes ``heron-ward``."""
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))


@dataclass
class WardEntry:
    """A validated ward and where it came from."""

    slug: str
    provider_slug: str
    ward: Ward
    source_path: str
    locate: Callable[[FieldPath], Mark] | None = field(default=None, repr=False, compare=False)
    """Where a field was written (this file, or provider.yaml for a ward default), for later checks."""

    @property
    def key(self) -> str:
        """The ward's identity, unique nationally: ``<provider>/<ward>`` (ward names repeat across providers)."""
        return ward_key(self.provider_slug, self.slug)

    def mark(self, path: FieldPath) -> Mark:
        """The file, line and column of the field at ``path`` (the file's first line if unknown)."""
        return self.locate(path) if self.locate else Mark(self.source_path, 1, 1)


@dataclass
class ProviderEntry:
    """A validated provider and its validated wards, sorted by ward name."""

    slug: str
    provider: Provider
    source_path: str
    wards: list[WardEntry] = field(default_factory=list)


@dataclass
class Catalogue:
    """Everything that validated. Providers sorted by name."""

    providers: list[ProviderEntry] = field(default_factory=list)
    excluded: dict[str, list[Problem]] = field(default_factory=dict)
    """Providers left out of a build because their files have errors (``without_broken_providers``)."""

    @property
    def wards(self) -> list[WardEntry]:
        return [w for p in self.providers for w in p.wards]

    def provider(self, slug: str) -> ProviderEntry:
        return next(p for p in self.providers if p.slug == slug)


@dataclass
class LoadResult:
    """The catalogue plus every problem, in file and line order."""

    catalogue: Catalogue
    problems: list[Problem]
    failed_providers: dict[str, list[Problem]] = field(default_factory=dict)

    def without_broken_providers(self) -> Catalogue:
        """The catalogue less every provider with an error in any of its files, which are listed in ``excluded``."""
        kept = [p for p in self.catalogue.providers if p.slug not in self.failed_providers]
        return Catalogue(kept, {slug: problems for slug, problems in sorted(self.failed_providers.items())})

    @property
    def several_providers(self) -> bool:
        """More than one provider folder was read (with or without errors): only then can the broken ones
        be left out and the rest published."""
        return len({p.slug for p in self.catalogue.providers} | set(self.failed_providers)) > 1

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.error for p in self.problems)


def _display(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base.parent)) if base.parent != path else str(path)
    except ValueError:
        return str(path)


def merge_defaults(
    defaults: Source, defaults_data: dict[str, Any], ward: Source
) -> tuple[dict[str, Any], dict[FieldPath, Mark]]:
    """Deep-merge provider defaults under a ward's data. The ward wins; lists are replaced whole."""
    return merge_data(defaults_data, ward), merge_marks(defaults, ward)


def merge_data(defaults_data: dict[str, Any], ward: Source) -> dict[str, Any]:
    """The data of ``merge_defaults``: the ward's values over a copy of the provider's defaults."""

    def merge(base: Any, override: Any) -> Any:
        if isinstance(base, dict) and isinstance(override, dict):
            result = dict(base)
            for key, value in override.items():
                result[key] = merge(base.get(key), value) if key in base else value
            return result
        return override

    return merge(copy.deepcopy(defaults_data), ward.data)  # type: ignore[no-any-return]


def merge_marks(defaults: Source, ward: Source) -> dict[FieldPath, Mark]:
    """The marks of ``merge_defaults``: each merged value's place, in the ward file or under ward_defaults."""
    marks = {
        path[1:]: mark for path, mark in defaults.marks.items() if path[:1] == ("ward_defaults",) and len(path) > 1
    }
    for path in list(marks):
        if path in ward.marks or any(
            path[:n] in ward.marks and not isinstance(_get(ward.data, path[:n]), dict) for n in range(1, len(path))
        ):
            del marks[path]
    marks.update(ward.marks)
    return marks


class _WardMarks:
    """Where each field of one ward was written, worked out when first asked for.

    Only a problem or one of check's warnings needs a place, so a valid ward read back from
    the cache (whose marks would have to be worked out again from its bytes) usually never does.
    """

    def __init__(self, provider: Source, ward: Source, display: str) -> None:
        self._sources: tuple[Source, Source] | None = (provider, ward)
        self._table: dict[FieldPath, Mark] = {}
        self._display = display

    def __call__(self, field_path: FieldPath) -> Mark:
        if self._sources is not None:
            self._table, self._sources = merge_marks(*self._sources), None
        return _mark_in(self._table, self._display, field_path)


def _get(data: Any, path: FieldPath) -> Any:
    for part in path:
        data = data[part]
    return data


def load_catalogue(
    wards_dir: Path,
    cache: LoadCache[WardEntry] | None = None,
    *,
    today: dt.date | None = None,
    only_provider: str | None = None,
) -> LoadResult:
    """Read, validate and cross-check every file under ``wards_dir``. Never raises for bad content.

    With a ``cache`` (a live preview keeps one), files unchanged since the last load are not read again.
    Anything that publishes passes ``today``, so the rules that need the date (``wardsite.loading.dates``)
    refuse what ``wardsite check`` refuses: a ward reviewed "after today" is an error, not published.
    With ``only_provider`` (a folder name), only that provider's folder is read: a preview of one
    provider's wards in a national repository starts in seconds.
    """
    problems: list[Problem] = []
    catalogue = Catalogue()
    failed: dict[str, list[Problem]] = {}
    if not wards_dir.is_dir():
        return LoadResult(
            catalogue,
            [
                Problem(
                    str(wards_dir),
                    1,
                    1,
                    "",
                    "this folder does not exist.",
                    "Give the folder that holds one folder per provider, usually `wards`.",
                )
            ],
        )
    folders = provider_folders(wards_dir)
    if only_provider is not None:
        chosen = [folder for folder in folders if folder.name == only_provider]
        if not chosen:
            return LoadResult(catalogue, [_no_such_provider(wards_dir, only_provider, folders)])
        folders = chosen
    else:
        problems.extend(stray_problems(wards_dir))
    for folder in folders:
        entry, provider_problems = load_provider(folder, wards_dir, cache)
        problems.extend(provider_problems)
        if entry is not None and entry.wards is not None:
            catalogue.providers.append(entry)
        if any(p.severity is Severity.error for p in provider_problems):
            failed[folder.name] = provider_problems
    if today is not None:
        _apply_date_rules(catalogue, today, problems, failed)
    catalogue.providers.sort(key=lambda p: p.provider.name.lower())
    if cache is not None:
        cache.forget_unused()
    # Each provider folder says a bad ward default once (_affecting); the same problem twice is said once.
    problems = sorted(set(problems), key=lambda p: (p.sort_key, p.path))
    return LoadResult(catalogue, problems, failed)


def _apply_date_rules(catalogue: Catalogue, today: dt.date, problems: list[Problem], failed: dict) -> None:
    """Leave out each ward a date rule refuses, with its problem, and count its provider as failed."""
    for provider in catalogue.providers:
        kept = []
        for entry in provider.wards:
            refused = (
                dates.checked_after_today(dates.dated_fields(entry.ward, entry.mark), today)
                if dates.any_checked_after_today(entry.ward, today)
                else []
            )
            if not refused:
                kept.append(entry)
                continue
            problems.extend(refused)
            failed.setdefault(provider.slug, []).extend(refused)
        provider.wards = kept


def _no_such_provider(wards_dir: Path, wanted: str, folders: list[Path]) -> Problem:
    names = ", ".join(f"`{folder.name}`" for folder in folders) or "none"
    return Problem(
        str(wards_dir),
        1,
        1,
        "",
        f"there is no provider folder called `{wanted}` here.",
        f"Give one of the provider folders: {names}.",
    )


def stray_problems(wards_dir: Path) -> list[Problem]:
    """Ward files put straight into the wards folder, outside any provider's folder, and links it must not follow."""
    return link_problems(wards_dir, wards_dir) + [
        Problem(
            _display(stray, wards_dir),
            1,
            1,
            "",
            "ward files must be inside a provider's folder.",
            f"Move it to {wards_dir.name}/<provider>/{stray.name}, next to that provider's provider.yaml.",
        )
        for stray in followed(sorted(wards_dir.glob("*.y*ml")), wards_dir)
    ]


def provider_folders(wards_dir: Path) -> list[Path]:
    """The provider folders of ``wards_dir``, in the order they are read."""
    folders = sorted(p for p in wards_dir.iterdir() if not p.name.startswith("."))
    return [p for p in followed(folders, wards_dir) if p.is_dir()]


def ward_files_of(folder: Path, wards_dir: Path) -> list[Path]:
    """The ward files of one provider folder, as the loader reads them (links only to files inside ``wards_dir``)."""
    files = sorted(p for p in folder.iterdir() if p.name != PROVIDER_FILE and not p.name.startswith("."))
    return [p for p in followed(files, wards_dir) if p.is_file()]


def load_provider(
    folder: Path, wards_dir: Path, cache: LoadCache[WardEntry] | None = None
) -> tuple[ProviderEntry | None, list[Problem]]:
    """One provider folder as ``load_catalogue`` reads it: the provider and its wards, and its problems.

    A ward's web address is ``/wards/<provider>/<ward>/``, so a folder is read on its own: ward
    file names repeat freely across providers (each folder's names are unique by being files).
    """
    problems: list[Problem] = []
    entry = _load_provider(folder, wards_dir, problems, cache)
    if entry is not None:
        problems.extend(same_name_problems(entry))
    return entry, problems


def same_name_problems(entry: ProviderEntry) -> list[Problem]:
    """Two wards of one provider with the same name could not be told apart in lists and search."""
    first: dict[str, WardEntry] = {}
    problems = []
    for ward in sorted(entry.wards, key=lambda w: w.source_path):
        name = " ".join(ward.ward.name.lower().split())
        if name in first:
            problems.append(
                Problem.at(
                    ward.mark(("name",)),
                    "name",
                    f"another ward of this provider is also called `{ward.ward.name}` ({first[name].source_path}),"
                    " so readers could not tell them apart in lists and search.",
                    "Give each ward its own name, for example with the hospital's name in it.",
                )
            )
        else:
            first[name] = ward
    return problems


def _load_provider(
    folder: Path,
    wards_dir: Path,
    problems: list[Problem],
    cache: LoadCache[WardEntry] | None = None,
) -> ProviderEntry | None:
    provider_path = folder / PROVIDER_FILE
    folder_display = _display(folder, wards_dir)
    ward_files = ward_files_of(folder, wards_dir)
    if not SLUG.match(folder.name):
        problems.append(
            Problem(
                folder_display,
                1,
                1,
                "",
                f"the folder name `{folder.name}` cannot be used in a web address.",
                _rename_fix(folder.name, "", "example-valley-nhs-ft"),
            )
        )
        return None
    if nhs_number_offsets(folder.name):
        problems.append(_nhs_number_in_name(folder_display, "example-valley-nhs-ft"))
        return None
    if folder.name in REPORT_SECTIONS:
        problems.append(
            Problem(
                folder_display,
                1,
                1,
                "",
                f"the folder name `{folder.name}` is taken: the provider's report page would be at "
                f"{provider_report_dir(folder.name)}, where the inspectors' {folder.name} pages are.",
                f"Rename it to the provider's name, such as {folder.name}-nhs-ft.",
            )
        )
        return None
    links = link_problems(folder, wards_dir)
    problems.extend(links)
    if any(p.file == _display(provider_path, wards_dir) for p in links):
        return None
    for inner in followed(sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")), wards_dir):
        problems.append(
            Problem(
                _display(inner, wards_dir),
                1,
                1,
                "",
                f"folders inside a provider's folder are not read, so nothing in `{inner.name}` is published.",
                f"Move the ward files up into {folder_display}, or move the folder out of the wards folder.",
            )
        )
    if not provider_path.is_file():
        misnamed = folder / "provider.yml"
        if misnamed.is_file():
            problems.append(
                Problem(
                    _display(misnamed, wards_dir),
                    1,
                    1,
                    "",
                    "`provider.yml` does not end in .yaml, so this provider and its wards cannot be read.",
                    f"Rename it to {PROVIDER_FILE}.",
                )
            )
            return None
        for ward_file in ward_files:
            problems.append(
                Problem(
                    _display(ward_file, wards_dir),
                    1,
                    1,
                    "",
                    f"this ward is in the folder {folder_display}, which has no {PROVIDER_FILE}.",
                    f"Add {folder_display}/{PROVIDER_FILE} (run `wardsite new-provider {folder.name}`), or "
                    "move the ward into an existing provider's folder.",
                )
            )
        return None
    provider_source = (cache.read if cache else read_source)(provider_path, _display(provider_path, wards_dir))
    problems.extend(provider_source.problems)
    if errors(provider_source.problems):  # a warning (a number marked not an NHS number) still reads
        return None
    provider, model_problems = validate_model(Provider, provider_source.data, provider_source.mark)
    problems.extend(model_problems)
    if provider is None:
        return None
    defaults = provider_source.data.get("ward_defaults") or {}
    entry = ProviderEntry(folder.name, provider, provider_source.path)  # type: ignore[arg-type]
    affected: dict[Problem, list[str]] = {}  # each problem in ward_defaults, and the ward files it was found in
    for ward_file in ward_files:
        ward_problems: list[Problem] = []
        ward = _load_ward(ward_file, wards_dir, folder.name, provider_source, defaults, ward_problems, cache)
        for problem in ward_problems:
            if problem.file == provider_source.path:
                affected.setdefault(problem, []).append(ward_file.name)
            else:
                problems.append(problem)
        if ward is not None:
            entry.wards.append(ward)
    problems.extend(_affecting(problem, names) for problem, names in affected.items())
    entry.wards.sort(key=lambda w: w.ward.name.lower())
    return entry


MAX_WARDS_NAMED = 10
"""A problem in ward_defaults names at most this many of the wards it affects, then counts the rest."""


def _affecting(problem: Problem, ward_files: list[str]) -> Problem:
    """A problem in ward_defaults, said once, naming the ward files that take the value (or group) from there.

    Every ward that uses the default finds the same problem at the same line of provider.yaml; a
    provider needs to know it is one fix there, and which wards' pages wait for it.
    """
    names = sorted(set(ward_files))
    shown = ", ".join(names[:MAX_WARDS_NAMED])
    if len(names) > MAX_WARDS_NAMED:
        shown += f" and {len(names) - MAX_WARDS_NAMED} more"
    wards = "1 ward" if len(names) == 1 else f"{len(names)} wards"
    return replace(problem, message=f"{problem.message} This ward default affects {wards}: {shown}.")


def _nhs_number_in_name(display: str, example: str) -> Problem:
    return Problem(
        display,
        1,
        1,
        "",
        "this name looks like it holds an NHS number, and names become web addresses. Never publish information "
        "that identifies a patient.",
        f"Rename it after the ward or provider, like {example}.",
    )


def _under_defaults(problem: Problem, provider_path: str) -> Problem:
    """A problem in a value merged from provider.yaml is shown there, under ``ward_defaults``."""
    if problem.file != provider_path:
        return problem
    return replace(problem, path=f"ward_defaults.{problem.path}" if problem.path else "ward_defaults")


def _rename_fix(name: str, suffix: str, example: str) -> str:
    suggestion = suggest_slug(name)
    if suggestion:
        return f"Rename it to {suggestion}{suffix}: web addresses use lowercase letters, digits and hyphens only."
    return f"Use lowercase letters, digits and hyphens only, like {example}{suffix}."


def _mark_in(marks: dict[FieldPath, Mark], display: str, field_path: FieldPath) -> Mark:
    """Where a field was written, or (for a missing one) the group it belongs in.

    A value from ward_defaults is marked in provider.yaml, and so is a field missing from a group
    only ward_defaults write (``daily_life.smoking`` with no ``nicotine_replacement_offered``): the
    provider fixes that once, for every ward. A group the ward file writes is this ward's to fix.
    """
    while field_path and field_path not in marks:
        field_path = field_path[:-1]
    return marks.get(field_path) or Mark(display, 1, 1)


def _load_ward(
    path: Path,
    wards_dir: Path,
    provider_slug: str,
    provider_source: Source,
    defaults: dict[str, Any],
    problems: list[Problem],
    cache: LoadCache[WardEntry] | None = None,
) -> WardEntry | None:
    display = _display(path, wards_dir)
    if path.suffix != ".yaml":
        if path.suffix.lower() in (".yml", ".yaml"):
            fix = f"Rename it to {suggest_slug(path.stem) or 'heron-ward'}.yaml."
        else:
            fix = "Only ward files ending in .yaml belong here: rename it, or move it out of the wards folder."
        problems.append(Problem(display, 1, 1, "", f"`{path.name}` does not end in .yaml.", fix))
        return None
    slug = path.stem
    if not SLUG.match(slug):
        problems.append(
            Problem(
                display,
                1,
                1,
                "",
                f"the file name `{path.name}` cannot be used in a web address.",
                _rename_fix(slug, ".yaml", "heron-ward"),
            )
        )
        return None
    if nhs_number_offsets(slug):
        problems.append(_nhs_number_in_name(display, "heron-ward.yaml"))
        return None
    read = partial(
        _read_ward, path, display, slug, provider_slug, provider_source, defaults, cache.read if cache else read_source
    )
    ward, ward_problems = cache.load_ward(path, display, provider_source, read) if cache else read()
    problems.extend(ward_problems)
    return ward


def _read_ward(
    path: Path,
    display: str,
    slug: str,
    provider_slug: str,
    provider_source: Source,
    defaults: dict[str, Any],
    read: Callable[[Path, str], Source] = read_source,
) -> tuple[WardEntry | None, list[Problem]]:
    """Read (with ``read``: a cache's, or the reader's) and validate one ward file whose name is fine:
    the ward, or None, and its problems."""
    problems: list[Problem] = []
    source = read(path, display)
    problems.extend(source.problems)
    if errors(source.problems):
        return None, problems
    data = merge_data(defaults if isinstance(defaults, dict) else {}, source)
    mark = _WardMarks(provider_source, source, display)  # each ward keeps its lookup, not the file's data

    ward, model_problems = validate_model(Ward, data, mark, provider_source.path)
    problems.extend(_under_defaults(p, provider_source.path) for p in model_problems)
    if ward is None:
        return None, problems
    rule_problems = [
        _under_defaults(Problem.at(mark(p), format_path(p), message, fix), provider_source.path)
        for p, message, fix in check_ward(ward)
    ]
    problems.extend(rule_problems)
    if rule_problems:
        return None, problems
    problems.extend(
        _under_defaults(Problem.at(mark(p), format_path(p), message, fix, Severity.warning), provider_source.path)
        for p, message, fix in personal_email_findings(ward)
    )
    return WardEntry(slug, provider_slug, ward, display, mark), problems  # type: ignore[arg-type]
