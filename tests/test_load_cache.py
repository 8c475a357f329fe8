"""The load cache: unchanged files are not read again, changed ones always are, and the
problems found are exactly those of a load without it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import wardsite.findings.check_report as check_report_module
import wardsite.loading.cache as cache_module
from tests.sitebuild import SAMPLE_WARDS, build_site
from wardsite.findings.check_report import check_report
from wardsite.loading.cache import CACHE_VERSION, LoadCache
from wardsite.loading.catalogue import load_catalogue

PROVIDER = "example-valley-nhs-ft"


def _copy_samples(tmp_path: Path) -> Path:
    wards = tmp_path / "wards"
    shutil.copytree(SAMPLE_WARDS, wards)
    return wards


def _wards(wards_dir: Path, cache: LoadCache | None = None) -> dict[str, object]:
    return {w.key: w for w in load_catalogue(wards_dir, cache).catalogue.wards}


def test_a_second_load_gives_back_the_same_ward_objects_when_no_file_changed(tmp_path: Path) -> None:
    wards, cache = _copy_samples(tmp_path), LoadCache()
    first, second = _wards(wards, cache), _wards(wards, cache)
    assert set(first) == set(second) and len(first) == 9
    assert all(second[slug] is first[slug] for slug in first)


def test_an_edited_ward_file_is_read_again_and_only_that_one(tmp_path: Path) -> None:
    wards, cache = _copy_samples(tmp_path), LoadCache()
    first = _wards(wards, cache)
    heron = wards / PROVIDER / "heron-ward.yaml"
    heron.write_text(
        heron.read_text(encoding="utf-8").replace("ward_phone_hours: 24 hours", "ward_phone_hours: Day and night"),
        encoding="utf-8",
    )
    second = _wards(wards, cache)
    assert second["example-valley-nhs-ft/heron-ward"] is not first["example-valley-nhs-ft/heron-ward"]
    assert second["example-valley-nhs-ft/heron-ward"].ward.contact.ward_phone_hours == "Day and night"  # type: ignore[attr-defined]
    assert [slug for slug in first if second[slug] is not first[slug]] == ["example-valley-nhs-ft/heron-ward"]


def test_an_edited_provider_file_reloads_every_ward_of_that_provider(tmp_path: Path) -> None:
    wards, cache = _copy_samples(tmp_path), LoadCache()
    first = _wards(wards, cache)
    provider = wards / PROVIDER / "provider.yaml"
    provider.write_text(
        provider.read_text(encoding="utf-8").replace(
            "switchboard_phone: 01632 960000", "switchboard_phone: 01632 960001"
        ),
        encoding="utf-8",
    )
    second = _wards(wards, cache)
    changed = {slug for slug in first if second[slug] is not first[slug]}
    assert changed == {w.key for w in load_catalogue(wards).catalogue.provider(PROVIDER).wards}
    assert second["example-valley-nhs-ft/heron-ward"].ward.contact.switchboard_phone == "01632 960001"  # type: ignore[attr-defined]


def test_problems_are_the_same_with_the_cache_as_without_it_and_a_fixed_file_clears_them(tmp_path: Path) -> None:
    wards, cache = _copy_samples(tmp_path), LoadCache()
    heron = wards / PROVIDER / "heron-ward.yaml"
    good = heron.read_text(encoding="utf-8")
    heron.write_text(
        good.replace("beds: 18", "beds: eighteen").replace("ward_phone: 01632 960101", "ward_phone: call us"),
        encoding="utf-8",
    )
    uncached = load_catalogue(wards).problems
    assert len(uncached) == 2
    assert load_catalogue(wards, cache).problems == uncached
    assert load_catalogue(wards, cache).problems == uncached
    heron.write_text(good, encoding="utf-8")
    assert load_catalogue(wards, cache).problems == load_catalogue(wards).problems == []


def test_a_removed_ward_disappears_and_the_cache_forgets_it(tmp_path: Path) -> None:
    wards, cache = _copy_samples(tmp_path), LoadCache()
    _wards(wards, cache)
    (wards / PROVIDER / "osprey-ward.yaml").unlink()
    assert f"{PROVIDER}/osprey-ward" not in _wards(wards, cache)
    assert len(cache.wards) == 8


# ---- kept on disk: what one command read, the next one (check, build, serve) reuses ----------------


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the YAML reader record each file it is asked to read (the cache should read none)."""
    asked: list[str] = []
    real = cache_module.read_source

    def recording(path: Path, display: str) -> object:
        asked.append(display)
        return real(path, display)

    monkeypatch.setattr(cache_module, "read_source", recording)
    return asked


def _kept_files(keep: Path) -> list[Path]:
    return sorted((keep / CACHE_VERSION).glob("*.json"))


def test_a_new_load_cache_on_the_same_folder_reads_no_unchanged_file_and_loads_the_same_wards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wards, keep = _copy_samples(tmp_path), tmp_path / "keep"
    first = load_catalogue(wards, LoadCache(keep))
    assert len(_kept_files(keep)) == 2  # one file per provider folder
    asked = _no_reading(monkeypatch)
    second = load_catalogue(wards, LoadCache(keep))
    assert asked == []
    assert [w.ward for w in second.catalogue.wards] == [w.ward for w in first.catalogue.wards]
    assert second.problems == first.problems == []
    heron = next(w for w in second.catalogue.wards if w.key == f"{PROVIDER}/heron-ward")
    assert heron.mark(("contact", "ward_phone")) == next(
        w for w in first.catalogue.wards if w.key == f"{PROVIDER}/heron-ward"
    ).mark(("contact", "ward_phone"))


def test_a_file_with_problems_is_read_again_each_time_with_the_same_problems_and_the_others_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wards, keep = _copy_samples(tmp_path), tmp_path / "keep"
    heron = wards / PROVIDER / "heron-ward.yaml"
    good = heron.read_text(encoding="utf-8")
    heron.write_text(good.replace("beds: 18", "beds: 18\nbeds: 19"), encoding="utf-8")  # a duplicate key
    uncached = load_catalogue(wards).problems
    assert [(p.path, p.line) for p in uncached] == [("beds", 88)]
    load_catalogue(wards, LoadCache(keep))
    asked = _no_reading(monkeypatch)
    assert load_catalogue(wards, LoadCache(keep)).problems == uncached
    assert asked == [f"wards/{PROVIDER}/heron-ward.yaml"]
    heron.write_text(good.replace("ward_phone_hours: 24 hours", "ward_phone_hours: Day and night"), encoding="utf-8")
    result = load_catalogue(wards, LoadCache(keep))
    assert asked == [f"wards/{PROVIDER}/heron-ward.yaml"] * 2
    assert result.problems == []
    fixed = next(w for w in result.catalogue.wards if w.key == f"{PROVIDER}/heron-ward")
    assert fixed.ward.contact.ward_phone_hours == "Day and night"  # type: ignore[attr-defined]


def test_a_problem_found_after_loading_from_the_kept_file_points_at_the_same_line_as_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept entries hold data only: each field's place is worked out again from the file's bytes when asked for."""
    wards, keep = _copy_samples(tmp_path), tmp_path / "keep"
    load_catalogue(wards, LoadCache(keep))
    entries = [e for f in _kept_files(keep) for e in json.loads(f.read_text(encoding="utf-8")).values()]
    assert len(entries) == 11 and all(len(entry) == 2 for entry in entries)  # the path shown and the data, no marks
    uncached = {w.key: w for w in load_catalogue(wards).catalogue.wards}
    asked = _no_reading(monkeypatch)
    kept = {w.key: w for w in load_catalogue(wards, LoadCache(keep)).catalogue.wards}
    assert asked == []
    for key, ward in uncached.items():
        for path in [("contact", "ward_phone"), ("review", "last_reviewed"), ("feedback", "pals", "phone"), ("name",)]:
            assert kept[key].mark(path) == ward.mark(path)
    assert kept[f"{PROVIDER}/heron-ward"].mark(("contact", "ward_phone")).line == 40
    # a ward default is placed in provider.yaml, under ward_defaults
    assert kept[f"{PROVIDER}/heron-ward"].mark(("feedback", "pals", "phone")).file == f"wards/{PROVIDER}/provider.yaml"


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "not json {",
        lambda text: "[1, 2, 3]",
        lambda text: text.replace('"24 hours"', "24"),  # a number where the reader only ever gives text
        lambda text: "[" * 100_000,
    ],
    ids=["not-json", "not-a-mapping", "a-number-for-text", "nested-too-deep"],
)
def test_a_damaged_kept_file_is_a_miss_never_a_traceback_and_the_load_is_as_without_a_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    wards, keep = _copy_samples(tmp_path), tmp_path / "keep"
    load_catalogue(wards, LoadCache(keep))
    for kept in _kept_files(keep):
        text = kept.read_text(encoding="utf-8")
        damaged = damage(text)  # type: ignore[operator]
        assert damaged != text
        kept.write_text(damaged, encoding="utf-8")
    uncached = load_catalogue(wards)
    result = load_catalogue(wards, LoadCache(keep))
    assert result.problems == uncached.problems
    assert [w.ward for w in result.catalogue.wards] == [w.ward for w in uncached.catalogue.wards]
    heron = next(w for w in result.catalogue.wards if w.key == f"{PROVIDER}/heron-ward")
    assert heron.ward.contact.ward_phone_hours == "24 hours"  # type: ignore[attr-defined]


def test_a_kept_entry_for_the_right_bytes_but_holding_other_data_is_refused_when_it_is_not_reader_shaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wards, keep = _copy_samples(tmp_path), tmp_path / "keep"
    load_catalogue(wards, LoadCache(keep))
    for kept in _kept_files(keep):
        entries = json.loads(kept.read_text(encoding="utf-8"))
        for entry in entries.values():
            entry[1] = {"name": {"__class__": ["os.system"]}, "beds": 18}
        kept.write_text(json.dumps(entries), encoding="utf-8")
    asked = _no_reading(monkeypatch)
    result = load_catalogue(wards, LoadCache(keep))
    assert len(asked) == 11  # every file read again: 2 providers, 9 wards
    assert len(result.catalogue.wards) == 9 and result.problems == []


def test_check_then_a_load_with_the_same_cache_folder_reads_no_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`wardsite check`, `build` and `serve` load through the same cache: CI's build reuses what check read."""
    wards, keep = _copy_samples(tmp_path), tmp_path / "keep"
    monkeypatch.setattr(check_report_module, "MIN_FOLDERS_TO_SHARE", 1)  # read in worker processes, as at scale
    report = check_report(wards, 11, keep)
    assert len(report.wards) == 9
    asked = _no_reading(monkeypatch)
    result = load_catalogue(wards, LoadCache(keep))
    assert asked == []
    assert sorted(w.source_path for w in result.catalogue.wards) == sorted(w.source_path for w in report.wards)


def test_a_build_with_the_cache_setting_keeps_what_it_read_for_the_next_command_and_its_pages_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wards, keep = _copy_samples(tmp_path), tmp_path / "keep"
    with_cache = build_site(tmp_path / "with", wards=wards, settings={"cache": str(keep)})
    assert len(_kept_files(keep)) == 2
    asked = _no_reading(monkeypatch)
    assert len(load_catalogue(wards, LoadCache(keep)).catalogue.wards) == 9
    assert asked == []
    without = build_site(tmp_path / "without", wards=wards)
    heron = f"wards/{PROVIDER}/heron-ward/index.html"
    page = BeautifulSoup((with_cache / heron).read_text(encoding="utf-8"), "html.parser")
    assert page.find("h1").get_text(strip=True) == "Heron Ward"  # type: ignore[union-attr]
    assert (with_cache / heron).read_bytes() == (without / heron).read_bytes()
