"""The load cache: unchanged files are not read again, changed ones always are, and the
problems found are exactly those of a load without it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.sitebuild import REPO
from wardsite.loading.cache import LoadCache
from wardsite.loading.catalogue import load_catalogue

PROVIDER = "example-valley-nhs-ft"


def _copy_samples(tmp_path: Path) -> Path:
    wards = tmp_path / "wards"
    shutil.copytree(REPO / "wards", wards)
    return wards


def _wards(wards_dir: Path, cache: LoadCache | None = None) -> dict[str, object]:
    return {w.slug: w for w in load_catalogue(wards_dir, cache).catalogue.wards}


def test_a_second_load_gives_back_the_same_ward_objects_when_no_file_changed(tmp_path: Path) -> None:
    wards, cache = _copy_samples(tmp_path), LoadCache()
    first, second = _wards(wards, cache), _wards(wards, cache)
    assert set(first) == set(second) and len(first) == 8
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
    assert second["heron-ward"] is not first["heron-ward"]
    assert second["heron-ward"].ward.contact.ward_phone_hours == "Day and night"  # type: ignore[attr-defined]
    assert [slug for slug in first if second[slug] is not first[slug]] == ["heron-ward"]


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
    assert changed == {w.slug for w in load_catalogue(wards).catalogue.provider(PROVIDER).wards}
    assert second["heron-ward"].ward.contact.switchboard_phone == "01632 960001"  # type: ignore[attr-defined]


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
    assert "osprey-ward" not in _wards(wards, cache)
    assert len(cache.wards) == 7
