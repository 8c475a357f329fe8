"""Golden files: bad input and the exact lines `wardsite check` prints for it.

Each case in tests/golden/invalid/ is one of:

* ``<case>.yaml``: a ward file, put in as ``wards/example-provider/<case>.yaml`` next to the
  fixture provider.yaml;
* ``<case>.provider.yaml``: a provider file, put in as ``wards/example-provider/provider.yaml``
  with the fixture ward beside it;
* a case named in ``SPECIAL`` below, about file names, folders or several wards, set up in code.

``<case>.expected`` holds the problem lines, exactly; ``check`` must fail unless they are all
warnings. To rewrite the expected files after a deliberate change to a message, run
``UPDATE_GOLDEN=1 pytest tests/test_check_golden.py`` and read every changed line in the diff
before committing it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_PROVIDER, PROVIDER_SLUG, problem_lines

GOLDEN = Path(__file__).parent / "golden" / "invalid"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
TODAY = "2026-11-26"
FIXTURE_WARD = FIXTURE_PROVIDER / "example-ward.yaml"
PROVIDER_SUFFIX = ".provider.yaml"


def _provider_folder(wards: Path, slug: str = PROVIDER_SLUG) -> Path:
    folder = wards / slug
    folder.mkdir(parents=True)
    shutil.copy(FIXTURE_PROVIDER / "provider.yaml", folder / "provider.yaml")
    return folder


def _ward_named(file_name: str) -> Callable[[Path], None]:
    def setup(wards: Path) -> None:
        shutil.copy(FIXTURE_WARD, _provider_folder(wards) / file_name)

    return setup


def _ward_without_provider(wards: Path) -> None:
    _provider_folder(wards)
    folder = wards / "no-provider-file"
    folder.mkdir()
    shutil.copy(FIXTURE_WARD, folder / "example-ward.yaml")


def _same_ward_name_twice_in_one_provider(wards: Path) -> None:
    folder = _provider_folder(wards)
    for name in ("example-ward.yaml", "example-ward-annexe.yaml"):
        shutil.copy(FIXTURE_WARD, folder / name)


def _ward_outside_provider_folder(wards: Path) -> None:
    _provider_folder(wards)
    shutil.copy(FIXTURE_WARD, wards / "example-ward.yaml")


def _ward_in_a_subfolder(wards: Path) -> None:
    inner = _provider_folder(wards) / "old-wards"
    inner.mkdir()
    shutil.copy(FIXTURE_WARD, inner / "example-ward.yaml")


def _provider_file_ending_yml(wards: Path) -> None:
    folder = _provider_folder(wards)
    (folder / "provider.yaml").rename(folder / "provider.yml")
    shutil.copy(FIXTURE_WARD, folder / "example-ward.yaml")


def _folder_name_with_capitals(wards: Path) -> None:
    shutil.copy(FIXTURE_WARD, _provider_folder(wards, "Example-Provider") / "example-ward.yaml")


def _file_over_one_megabyte(wards: Path) -> None:
    padding = "# padding\n" * 100_001
    (_provider_folder(wards) / "example-ward.yaml").write_text(FIXTURE_WARD.read_text() + padding)


_DAILY_LIFE_WITHOUT_SMOKING = """\
daily_life:
  meal_times:
    - meal: breakfast
      start: "08:00"
      end: "09:00"
  phones_internet:
    own_phone: allowed
    wifi: true
  leave:
    detained: Your responsible clinician decides your leave.
  what_to_bring:
    - clothes for about a week
  items:
    prohibited:
      - lighters
"""


def _three_wards_sharing_bad_defaults(wards: Path) -> None:
    """cedar-ward, heron-ward and maple-house under the case's provider.yaml; maple-house writes its own
    switchboard number, so only the other two take the bad one from ward_defaults."""
    folder = _provider_folder(wards)
    shutil.copy(GOLDEN / f"ward-default-missing-a-field-affects-three-wards{PROVIDER_SUFFIX}", folder / "provider.yaml")
    ward = FIXTURE_WARD.read_text(encoding="utf-8") + _DAILY_LIFE_WITHOUT_SMOKING
    for slug in ("cedar-ward", "heron-ward", "maple-house"):
        text = ward.replace("name: Example Ward", f"name: {slug.replace('-', ' ').title()}")
        if slug == "maple-house":
            text = text.replace(
                "  ward_phone: 01632 960123\n", "  ward_phone: 01632 960123\n  switchboard_phone: 01632 960999\n"
            )
        (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")


SPECIAL: dict[str, Callable[[Path], None]] = {
    "ward-default-missing-a-field-affects-three-wards": _three_wards_sharing_bad_defaults,
    "file-name-with-capitals": _ward_named("Example-Ward.yaml"),
    "file-name-with-spaces": _ward_named("example ward.yaml"),
    "file-name-with-two-dots": _ward_named("example..ward.yaml"),
    "file-name-ending-yml": _ward_named("example-ward.yml"),
    "file-name-ending-txt": _ward_named("example-ward.txt"),
    "ward-in-folder-without-provider-file": _ward_without_provider,
    "same-ward-name-twice-in-one-provider": _same_ward_name_twice_in_one_provider,
    "ward-file-outside-provider-folder": _ward_outside_provider_folder,
    "folder-name-with-capitals": _folder_name_with_capitals,
    "ward-in-a-subfolder": _ward_in_a_subfolder,
    "provider-file-ending-yml": _provider_file_ending_yml,
    "file-over-one-megabyte": _file_over_one_megabyte,
}


def _case_names() -> list[str]:
    names = set(SPECIAL)
    for path in GOLDEN.glob("*.yaml"):
        names.add(path.name.removesuffix(PROVIDER_SUFFIX).removesuffix(".yaml"))
    return sorted(names)


CASES = _case_names()


def _set_up(case: str, wards: Path) -> None:
    if case in SPECIAL:
        SPECIAL[case](wards)
        return
    folder = _provider_folder(wards)
    provider_case = GOLDEN / f"{case}{PROVIDER_SUFFIX}"
    if provider_case.exists():
        shutil.copy(provider_case, folder / "provider.yaml")
        shutil.copy(FIXTURE_WARD, folder / "example-ward.yaml")
    else:
        shutil.copy(GOLDEN / f"{case}.yaml", folder / f"{case}.yaml")


@pytest.mark.parametrize("case", CASES)
def test_each_bad_input_is_reported_with_exactly_the_expected_lines(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_check
) -> None:  # type: ignore[no-untyped-def]
    wards = tmp_path / "wards"
    wards.mkdir()
    _set_up(case, wards)
    monkeypatch.chdir(tmp_path)

    result = run_check("--today", TODAY)

    lines = problem_lines(result.stdout)
    expected_file = GOLDEN / f"{case}.expected"
    if UPDATE:
        expected_file.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    only_warnings = all(": warning: " in line for line in lines)  # such as a personal-looking email address
    assert result.exit_code == (0 if only_warnings else 1), result.stdout
    assert lines, "a bad input must print at least one problem"
    assert lines == expected_file.read_text(encoding="utf-8").splitlines()


def test_every_expected_file_belongs_to_a_case() -> None:
    orphans = sorted(p.name for p in GOLDEN.glob("*.expected") if p.name.removesuffix(".expected") not in CASES)
    assert orphans == []
