"""Live preview rendering: after one ward file is edited, that ward's pages are rendered at
once, and the rest of the site catches up from a background render."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from pathlib import Path

import pytest

from tests.sitebuild import PINNED_TODAY, SAMPLE_WARDS
from wardsite.loading.cache import LoadCache
from wardsite.loading.catalogue import Catalogue, ProviderEntry, WardEntry, load_catalogue
from wardsite.site.generate import render_site, render_ward_pages
from wardsite.site.incremental import IncrementalSite, RenderWard

TODAY = dt.date.fromisoformat(PINNED_TODAY)
HERON = SAMPLE_WARDS / "example-valley-nhs-ft" / "heron-ward.yaml"


class Preview:
    """An IncrementalSite driven the way the MkDocs hook drives it, recording what it renders."""

    def __init__(self, wards: Path) -> None:
        self.wards, self.cache, self.site = wards, LoadCache(), IncrementalSite()
        self.full_renders = 0
        self.wards_rendered: list[str] = []
        self.refreshed = threading.Event()

    def rebuild(self, context: object = TODAY, built: bool = True) -> dict[str, str]:
        """What the plugin's rebuild gives MkDocs; ``built``: MkDocs then builds it (and the hook says so)."""
        catalogue = load_catalogue(self.wards, self.cache).catalogue
        pages = self.site.pages(catalogue, context, self._render_all(catalogue), self._render_ward, self.refreshed.set)
        if built:
            self.site.start_background()
        return pages

    def _render_all(self, catalogue: Catalogue):  # type: ignore[no-untyped-def]
        def render(ward_pages: RenderWard) -> dict[str, str]:
            self.full_renders += 1
            return render_site(catalogue, TODAY, ward_pages=ward_pages)

        return render

    def _render_ward(self, provider: ProviderEntry, entry: WardEntry) -> dict[str, str]:
        self.wards_rendered.append(entry.key)
        return render_ward_pages(provider, entry, TODAY)


ALL_WARDS = sorted(f"{p.parent.name}/{p.stem}" for p in (SAMPLE_WARDS).glob("*/*.yaml") if p.name != "provider.yaml")


@pytest.fixture
def preview(tmp_path: Path) -> Preview:
    shutil.copytree(SAMPLE_WARDS, tmp_path / "wards")
    return Preview(tmp_path / "wards")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_first_rebuild_renders_the_whole_site_and_an_unchanged_one_renders_nothing(preview: Preview) -> None:
    first = preview.rebuild()
    assert (preview.full_renders, sorted(preview.wards_rendered)) == (1, ALL_WARDS)
    assert first == render_site(load_catalogue(preview.wards).catalogue, TODAY)
    assert preview.rebuild() is first
    assert (preview.full_renders, len(preview.wards_rendered)) == (1, len(ALL_WARDS))


def test_an_edited_ward_shows_at_once_and_the_lists_and_data_catch_up_in_the_background(preview: Preview) -> None:
    before = preview.rebuild()
    heron = preview.wards / "example-valley-nhs-ft" / "heron-ward.yaml"
    _edit(heron, "ward_phone_hours: 24 hours", "ward_phone_hours: Day and night")

    now = preview.rebuild()

    assert preview.wards_rendered[len(ALL_WARDS) :] == ["example-valley-nhs-ft/heron-ward"]
    assert "Day and night" in now["wards/example-valley-nhs-ft/heron-ward/index.md"]
    assert (
        now["wards/example-valley-nhs-ft/kestrel-ward/index.md"]
        == before["wards/example-valley-nhs-ft/kestrel-ward/index.md"]
    )
    assert "Day and night" not in now["data/wards.json"]  # not yet: the background render brings it
    assert preview.refreshed.wait(60), "the background render never asked for a rebuild"
    caught_up = preview.rebuild()
    assert caught_up == render_site(load_catalogue(preview.wards).catalogue, TODAY)
    assert "Day and night" in caught_up["data/wards.json"]
    assert preview.full_renders == 2
    assert preview.wards_rendered[len(ALL_WARDS) :] == [
        "example-valley-nhs-ft/heron-ward"
    ]  # the background reused every other ward's pages


def test_the_background_render_waits_until_the_edited_wards_page_has_been_built(preview: Preview) -> None:
    preview.rebuild()
    _edit(
        preview.wards / "example-valley-nhs-ft" / "heron-ward.yaml",
        "ward_phone_hours: 24 hours",
        "ward_phone_hours: Day and night",
    )

    preview.rebuild(built=False)  # MkDocs is still building the edited ward's page

    assert not preview.refreshed.wait(2)
    assert preview.full_renders == 1
    preview.site.start_background()
    assert preview.refreshed.wait(60)
    assert preview.full_renders == 2


def test_a_ward_with_an_error_loses_its_pages_until_fixed_without_rendering_any_other_ward(preview: Preview) -> None:
    preview.rebuild()
    heron = preview.wards / "example-valley-nhs-ft" / "heron-ward.yaml"
    _edit(heron, "\nbeds: 18", "\nbeds: eighteen")
    pages = preview.rebuild()
    assert "wards/example-valley-nhs-ft/heron-ward/index.md" not in pages
    assert "wards/example-valley-nhs-ft/heron-ward/easy-read/index.md" not in pages
    assert "wards/example-valley-nhs-ft/kestrel-ward/index.md" in pages
    assert preview.refreshed.wait(60)
    assert len(preview.wards_rendered) == len(ALL_WARDS)


def test_an_edited_provider_file_renders_the_site_at_once_and_a_new_day_renders_every_ward_again(
    preview: Preview,
) -> None:
    preview.rebuild()
    _edit(
        preview.wards / "example-valley-nhs-ft" / "provider.yaml",
        "switchboard_phone: 01632 960000",
        "switchboard_phone: 01632 960001",
    )
    assert "01632 960001" in preview.rebuild()["wards/example-valley-nhs-ft/heron-ward/index.md"]
    assert preview.full_renders == 2
    example_valley = sorted(
        f"example-valley-nhs-ft/{p.stem}"
        for p in (SAMPLE_WARDS / "example-valley-nhs-ft").glob("*.yaml")
        if p.name != "provider.yaml"
    )
    assert sorted(preview.wards_rendered[len(ALL_WARDS) :]) == example_valley
    preview.rebuild(context=TODAY + dt.timedelta(days=1))
    assert preview.full_renders == 3
    assert len(preview.wards_rendered) == 2 * len(ALL_WARDS) + len(example_valley)
