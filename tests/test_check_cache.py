"""`wardsite check` remembers each provider folder's findings: a second run reads only the
folders that changed, and says exactly what a run without the cache says."""

from __future__ import annotations

import json
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import wardsite.findings.check_report as check_report_module
from tests.sitebuild import SAMPLE_WARDS
from wardsite.cli import main
from wardsite.findings.check_report import check_report

TODAY = "2026-11-26"


@pytest.fixture
def wards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SAMPLE_WARDS, tmp_path / "wards")
    monkeypatch.chdir(tmp_path)
    return Path("wards")


@pytest.fixture
def folders_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The provider folders check_report reads (rather than takes from its cache)."""
    read: list[str] = []
    load_provider = check_report_module.load_provider

    def counting(folder, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.append(folder.name)
        return load_provider(folder, *args, **kwargs)

    monkeypatch.setattr(check_report_module, "load_provider", counting)
    return read


def _check(*args: str, cache: Path | None) -> tuple[int, str]:
    env = {"WARDSITE_CACHE_DIR": str(cache) if cache else "off"}
    result = CliRunner().invoke(main, ["check", *args, "--today", TODAY], env=env, catch_exceptions=False)
    return result.exit_code, result.output


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_second_check_reads_only_the_folder_that_changed(
    wards: Path, tmp_path: Path, folders_read: list[str]
) -> None:
    check_report(wards, 11, tmp_path / "cache")
    assert sorted(folders_read) == ["brightwater-care", "example-valley-nhs-ft"]
    check_report(wards, 11, tmp_path / "cache")
    assert sorted(folders_read) == ["brightwater-care", "example-valley-nhs-ft"]
    _edit(wards / "brightwater-care" / "cedar-ward.yaml", "\nbeds: 15", "\nbeds: fifteen")
    check_report(wards, 11, tmp_path / "cache")
    assert folders_read[2:] == ["brightwater-care"]
    check_report(wards, 12, tmp_path / "cache")  # another reading-age target: everything again
    assert sorted(folders_read[3:]) == ["brightwater-care", "example-valley-nhs-ft"]


def test_check_says_the_same_from_its_cache_as_without_one_before_and_after_an_edit(
    wards: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    assert _check(cache=cache) == _check(cache=None) == _check(cache=cache)
    _edit(wards / "example-valley-nhs-ft" / "heron-ward.yaml", "ward_phone: 01632 960101", "ward_phone: call us")
    code, output = _check(cache=cache)
    assert (code, output) == _check(cache=None)
    assert code == 1
    assert "heron-ward.yaml" in output and '"call us" is not a UK phone number' in output
    assert _check("wards/example-valley-nhs-ft/kestrel-ward.yaml", cache=cache) == _check(
        "wards/example-valley-nhs-ft/kestrel-ward.yaml", cache=None
    )


def test_a_ward_file_name_used_by_another_provider_is_no_clash_with_or_without_the_cache(
    wards: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    shutil.copy(wards / "example-valley-nhs-ft" / "osprey-ward.yaml", wards / "brightwater-care" / "osprey-ward.yaml")
    code, output = _check(cache=cache)
    assert code == 0, output
    assert _check(cache=cache) == (code, output) == _check(cache=None)


def test_two_wards_of_one_provider_with_the_same_name_are_reported_at_the_second_file(
    wards: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    shutil.copy(wards / "brightwater-care" / "cedar-ward.yaml", wards / "brightwater-care" / "cedar-ward-two.yaml")
    code, output = _check(cache=cache)
    assert code == 1
    assert (
        "wards/brightwater-care/cedar-ward.yaml:7:1: name: another ward of this provider is also called `Cedar Ward`"
        " (wards/brightwater-care/cedar-ward-two.yaml), so readers could not tell them apart in lists and search."
        " Fix: Give each ward its own name, for example with the hospital's name in it." in output
    )
    assert _check(cache=cache) == (code, output) == _check(cache=None)


def test_a_damaged_cache_file_is_ignored_and_replaced(wards: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _check(cache=cache)
    [stored] = cache.glob("check-*.json")
    for damage in (b"not json", b"[" * 200_000 + b"]" * 200_000, b'{"a": ' * 200_000 + b"1" + b"}" * 200_000):
        stored.write_bytes(damage)
        assert _check(cache=cache) == _check(cache=None)
        assert stored.read_bytes() != damage


def test_the_cache_is_plain_json_and_a_pickle_planted_in_its_place_never_runs(wards: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _check(cache=cache)
    [stored] = cache.glob("check-*.json")
    entries = json.loads(stored.read_text(encoding="utf-8"))
    assert sorted(e["provider_name"] for e in entries.values()) == [
        "Brightwater Care (fictional independent provider)",
        "Example Valley NHS Foundation Trust",
    ]
    ran = tmp_path / "ran"

    class Payload:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (ran.write_text, ("code from the cache ran",))

    for planted in (stored, stored.with_suffix(".pickle")):
        planted.write_bytes(pickle.dumps({"key": Payload()}))
    assert _check(cache=cache) == _check(cache=None)
    assert not ran.exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: {**entry, "problems": "none"},
        lambda entry: {**entry, "wards": [{"source_path": 7}]},
        lambda entry: {k: v for k, v in entry.items() if k != "wards"},
        lambda entry: [entry],
    ],
    ids=["wrong-type", "bad-ward", "missing-field", "not-an-object"],
)
def test_a_bad_cache_entry_is_a_miss_for_its_folder_only(
    wards: Path, tmp_path: Path, folders_read: list[str], damage: Callable[[object], object]
) -> None:
    cache = tmp_path / "cache"
    _check(cache=cache)
    [stored] = cache.glob("check-*.json")
    entries = json.loads(stored.read_text(encoding="utf-8"))
    damaged = next(k for k, v in entries.items() if v["provider_name"].startswith("Brightwater"))
    stored.write_text(json.dumps({**entries, damaged: damage(entries[damaged])}), encoding="utf-8")
    del folders_read[:]
    from_cache = _check(cache=cache)
    assert folders_read == ["brightwater-care"]
    assert from_cache == _check(cache=None)


def test_folders_read_by_several_processes_give_the_same_report_as_one_when_ward_names_repeat(
    wards: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(check_report_module, "MIN_FOLDERS_TO_SHARE", 2)
    for copy in ("a-copy-of-brightwater", "z-copy-of-example-valley"):  # the same ward names as the originals'
        shutil.copytree(
            wards / ("brightwater-care" if copy.startswith("a-") else "example-valley-nhs-ft"), wards / copy
        )
    alone = check_report(wards, 11, workers=1)
    shared = check_report(wards, 11, workers=2)
    assert shared == alone
    assert alone.problems == [] and len(alone.wards) == 18


def test_an_edit_that_changes_no_free_text_scores_no_reading_age_and_a_text_edit_is_scored_again(
    wards: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scored: list[str] = []
    warnings = check_report_module.readability_warnings

    def counting(entries, target):  # type: ignore[no-untyped-def]
        scored.extend(e.key for e in entries)
        return warnings(entries, target)

    monkeypatch.setattr(check_report_module, "readability_warnings", counting)
    cache = tmp_path / "cache"
    first = check_report(wards, 9, cache)
    assert len(scored) == 9
    heron = wards / "example-valley-nhs-ft" / "heron-ward.yaml"
    _edit(heron, "ward_phone_hours: 24 hours", "ward_phone_hours: Day and night")
    assert check_report(wards, 9, cache) == check_report(wards, 9, None)
    assert len(scored) == 9 + 9  # the run without the cache scored all 9 wards; the cached one none
    _edit(heron, "\nbeds: 18", "\n\nbeds: 18")  # every field below moves down a line
    moved = check_report(wards, 9, cache)
    assert scored[18:19] == ["example-valley-nhs-ft/heron-ward"] and len(scored) == 19
    assert moved != first
    _edit(
        heron,
        "Sometimes we care for women over 65",
        "We sometimes look after women who are older than sixty-five years",
    )
    assert check_report(wards, 9, cache) == check_report(wards, 9, None)
    assert scored[19] == "example-valley-nhs-ft/heron-ward"
