"""Portability: Zensical (Material's successor, which runs no MkDocs hooks) builds the generated site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from tests.sitebuild import PINNED_TODAY, REPO, SAMPLE_WARDS
from wardsite.cli import main
from wardsite.loading.catalogue import load_catalogue
from wardsite.model import words
from wardsite.site.generate import GENERATED_DIRS

ZENSICAL = Path(sys.executable).with_name("zensical")


def _hand_written(folder: str, names: list[str]) -> list[str]:
    """What to leave out when copying site_src: the pages `wardsite generate` makes."""
    if Path(folder) == REPO / "site_src":
        return [n for n in names if n in {*GENERATED_DIRS, "index.md", ".wardsite-generated.json"}]
    if Path(folder) == REPO / "site_src" / "guide":
        return ["fields.md"]
    return []


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("zensical")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "site_src", project / "site_src", ignore=_hand_written)
    generated = CliRunner().invoke(
        main,
        ["generate", "--wards", str(SAMPLE_WARDS), "--docs-dir", str(project / "site_src"), "--today", PINNED_TODAY],
        catch_exceptions=False,
    )
    assert generated.exit_code == 0, generated.output
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARDSITE_")}
    completed = subprocess.run(
        [str(ZENSICAL), "build", "--config-file", "mkdocs.yml"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return project / "site"


def test_zensical_builds_every_ward_page_with_its_name_phone_and_review_date(zensical_site: Path) -> None:
    wards = load_catalogue(SAMPLE_WARDS).catalogue.wards
    assert len(wards) == 9
    for entry in wards:
        html = zensical_site / "wards" / entry.provider_slug / entry.slug / "index.html"
        assert html.is_file(), entry.slug
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        assert soup.find("h1", id="ward-name").get_text(strip=True) == entry.ward.name
        phone_links = [a.get_text(strip=True) for a in soup.select('a[href^="tel:"]')]
        assert entry.ward.contact.ward_phone in phone_links, entry.slug
        reviewed = entry.ward.review.last_reviewed
        dates = {t["datetime"]: t.get_text(strip=True) for t in soup.select(".ward-glance time")}
        assert dates[reviewed.isoformat()] == words.long_date(reviewed), entry.slug


def test_zensical_builds_the_guide_with_its_generated_field_reference_and_publishes_the_schemas(
    zensical_site: Path,
) -> None:
    fields = BeautifulSoup(
        (zensical_site / "guide" / "fields" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert fields.find("h1").get_text(strip=True) == "Every field"
    assert "classification.specialism" in fields.get_text()
    for name in ("ward.schema.json", "ward-file.schema.json", "provider.schema.json"):
        assert (zensical_site / "schema" / name).read_bytes() == (REPO / "site_src" / "schema" / name).read_bytes()
