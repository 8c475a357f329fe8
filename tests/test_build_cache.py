"""A build with the cache folder kept reuses the pages it rendered before, and gives byte-for-byte the site
a full build gives (its search index too): only the build time in the data files differs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.sitebuild import SAMPLE_WARDS, build_site, build_site_saying, copy_project, page, text_of
from wardsite.site.page_cache import KeptMarkdown, RenderedPages

HERON = "example-valley-nhs-ft/heron-ward.yaml"
CACHED = "Reused from the cache folder: "
_BUILT_AT = re.compile(r'"built_at": ?"[^"]*"')


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, with the time it was built (in the data files) blanked out."""
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".json":
                data = _BUILT_AT.sub('"built_at":"-"', data.decode("utf-8")).encode("utf-8")
            found[path.relative_to(site).as_posix()] = data
    return found


def assert_same_sites(cached: Path, full: Path) -> None:
    ours, theirs = _files(cached), _files(full)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert differing == []


def _reused(log: str) -> str:
    return next(line for line in log.splitlines() if line.startswith("Reused from the cache folder"))


def test_a_rebuild_with_the_cache_folder_reuses_every_page_and_is_file_for_file_a_full_build(tmp_path: Path) -> None:
    cache = {"cache": str(tmp_path / "cache")}
    first = build_site_saying(tmp_path / "first", settings=cache)
    again = build_site_saying(tmp_path / "again", settings=cache)
    build_site(tmp_path / "full")

    assert _reused(first) == CACHED + "0 of 9 wards' pages, 0 of 24 Markdown pages, 0 of 50 page layouts."
    assert _reused(again) == CACHED + "9 of 9 wards' pages, 24 of 24 Markdown pages, 50 of 50 page layouts."
    assert_same_sites(tmp_path / "again", tmp_path / "full")
    assert (tmp_path / "again" / "search" / "search_index.json").read_bytes() == (
        tmp_path / "full" / "search" / "search_index.json"
    ).read_bytes()


def test_after_one_ward_file_changed_only_what_shows_it_is_rendered_again_and_the_site_is_a_full_builds(
    tmp_path: Path,
) -> None:
    wards = shutil.copytree(SAMPLE_WARDS, tmp_path / "wards")
    cache = {"cache": str(tmp_path / "cache")}
    build_site(tmp_path / "before", wards=wards, settings=cache)
    heron = wards / HERON
    text = heron.read_text(encoding="utf-8")
    assert "01632 960101" in text
    heron.write_text(text.replace("01632 960101", "01632 960199"), encoding="utf-8")

    log = build_site_saying(tmp_path / "after", wards=wards, settings=cache)
    build_site(tmp_path / "full", wards=wards)

    # Heron Ward's own two pages, and the pages that list its phone number, are rendered again.
    wards_reused, markdown_reused, layouts_reused = map(int, re.findall(r"(\d+) of (?:\d+)", _reused(log)))
    assert wards_reused == 8
    assert 0 < markdown_reused < 24  # the lists that show its phone number
    assert 0 < layouts_reused < 50
    assert "01632 960199" in text_of(page(tmp_path / "after", "wards/example-valley-nhs-ft/heron-ward/"))
    assert_same_sites(tmp_path / "after", tmp_path / "full")


def test_a_change_to_the_sites_settings_renders_every_page_layout_again(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    cache = {"cache": str(tmp_path / "cache")}
    build_site(tmp_path / "before", wards=project / "wards", settings=cache, config=project / "mkdocs.yml")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "copyright: Example Valley (fictional)\n", "utf-8")

    log = build_site_saying(tmp_path / "after", wards=project / "wards", settings=cache, config=config)

    assert _reused(log).endswith("9 of 9 wards' pages, 0 of 24 Markdown pages, 0 of 48 page layouts.")
    copyright_line = page(tmp_path / "after", "").select_one(".md-copyright__highlight")
    assert copyright_line is not None and copyright_line.get_text(strip=True) == "Example Valley (fictional)"


def test_a_damaged_cache_folder_is_rendered_again_never_shown_and_a_removed_wards_pages_are_forgotten(
    tmp_path: Path,
) -> None:
    wards = shutil.copytree(SAMPLE_WARDS, tmp_path / "wards")
    cache_dir = tmp_path / "cache"
    cache = {"cache": str(cache_dir)}
    build_site(tmp_path / "before", wards=wards, settings=cache)
    folders = ("rendered-pages-1", "ward-pages-1", "markdown-1")
    kept = [path for name in folders for path in sorted((cache_dir / name).glob("*/*"))]  # one folder per site
    assert len(kept) == 48 + 9 + 24  # outside the repository, its pages have no change history
    for path in kept:
        path.write_bytes(b"not what was kept")
    (wards / HERON).unlink()

    log = build_site_saying(tmp_path / "after", wards=wards, settings=cache)
    build_site(tmp_path / "full", wards=wards)

    assert _reused(log) == CACHED + "0 of 8 wards' pages, 0 of 24 Markdown pages, 0 of 46 page layouts."
    assert_same_sites(tmp_path / "after", tmp_path / "full")
    assert len(list((cache_dir / "rendered-pages-1").glob("*/*"))) == 46  # only what this build used is kept
    assert len(list((cache_dir / "ward-pages-1").glob("*/*"))) == 8
    assert len(list((cache_dir / "markdown-1").glob("*/*"))) == 24


def test_pages_rendered_by_a_build_are_kept_only_when_it_saves_them_at_its_successful_end(tmp_path: Path) -> None:
    failed = RenderedPages(tmp_path / "kept")
    failed.put(failed.key("page"), "<p>rendered by a build that then failed</p>")  # never saved

    succeeded = RenderedPages(tmp_path / "kept")
    assert succeeded.get(succeeded.key("page")) is None
    succeeded.put(succeeded.key("page"), "<p>rendered</p>")
    succeeded.save()

    later = RenderedPages(tmp_path / "kept")
    assert later.get(later.key("page")) == "<p>rendered</p>"
    assert later.get(later.key("another page")) is None
    assert (later.hits, later.misses) == (1, 1)


def test_kept_markdown_that_is_not_exactly_the_shape_written_is_a_miss() -> None:
    kept = KeptMarkdown("<h2 id='a'>A</h2>", [{"name": "A", "id": "a", "level": 2, "children": []}], ["a"], {})
    assert KeptMarkdown.from_json(kept.to_json()) == kept
    for damaged in (
        "not json",
        "[]",
        '{"html": 1, "toc": [], "anchors": [], "links": {}}',
        '{"html": "", "toc": [{"name": "A"}], "anchors": [], "links": {}}',
        '{"html": "", "toc": [], "anchors": [], "links": {"a.md": {"x": 2}}}',
        '{"html": "", "toc": [], "anchors": [], "links": {}, "script": "x"}',
    ):
        assert KeptMarkdown.from_json(damaged) is None


def test_a_build_that_mkdocs_warned_about_keeps_nothing_it_rendered_so_the_page_warns_again(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    cache_dir = tmp_path / "cache"
    cache = {"cache": str(cache_dir)}
    build_site(tmp_path / "before", wards=project / "wards", settings=cache, config=project / "mkdocs.yml")
    kept_before = sorted(path.name for path in cache_dir.glob("*-1/*/*"))
    (project / "site_src" / "about.md").write_text("# About\n\nSee [the missing page](missing.md).\n", "utf-8")

    with pytest.raises(AssertionError, match=r"missing\.md") as failed:
        build_site(tmp_path / "after", wards=project / "wards", settings=cache, config=project / "mkdocs.yml")

    assert "the cache folder keeps what it had" in str(failed.value)
    assert sorted(path.name for path in cache_dir.glob("*-1/*/*")) == kept_before
