"""The offline bundle: a folder for a ward tablet that works from file:// with no network."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import PINNED_TODAY, REPO, SAMPLE_WARDS, build_site, copy_project
from wardsite.loading.catalogue import load_catalogue

EXTERNAL = ("http", "https", "mailto", "tel", "data")
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("offline") / "site-offline"
    build_site(site, PINNED_TODAY, config=REPO / "mkdocs-offline.yml")
    return site


def _pages(site: Path) -> list[Path]:
    """Every page a reader can open from the folder. 404.html is left out: only a web server
    shows it (for an address that does not exist), so its links are root-relative by design."""
    return sorted(p for p in site.rglob("*.html") if p != site / "404.html")


def test_no_page_in_the_bundle_uses_an_absolute_link(bundle: Path) -> None:
    for html in _pages(bundle):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(href=True) + soup.find_all(src=True):
            value = tag.get("href") or tag.get("src")
            assert not value.startswith("/"), f"{html.relative_to(bundle)}: {tag.name} {value}"


def test_every_relative_link_and_asset_opens_a_file_not_a_folder(bundle: Path) -> None:
    checked = 0
    for html in _pages(bundle):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(href=True) + soup.find_all(src=True):
            value = tag.get("href") or tag.get("src")
            parts = urlsplit(value)
            if parts.scheme in EXTERNAL or not parts.path:
                continue
            target = (html.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{html.relative_to(bundle)}: {tag.name} {value} does not open a file"
            checked += 1
    assert checked > 1000


def test_no_script_or_stylesheet_is_loaded_from_the_network(bundle: Path) -> None:
    for html in _pages(bundle):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        remote = [t.get("src") for t in soup.find_all("script", src=True) if urlsplit(t["src"]).scheme]
        remote += [
            t.get("href")
            for t in soup.find_all("link", href=True)
            if "stylesheet" in (t.get("rel") or []) and urlsplit(t["href"]).scheme
        ]
        assert remote == [], html.relative_to(bundle)


def test_every_ward_page_is_in_the_bundle_with_its_name_and_phone(bundle: Path) -> None:
    wards = load_catalogue(SAMPLE_WARDS).catalogue.wards
    assert len(wards) == 9
    for entry in wards:
        soup = BeautifulSoup(
            (bundle / "wards" / entry.provider_slug / entry.slug / "index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        assert soup.find("h1", id="ward-name").get_text(strip=True) == entry.ward.name
        assert entry.ward.contact.ward_phone in soup.get_text()


def test_the_home_page_links_to_provider_pages_as_files(bundle: Path) -> None:
    soup = BeautifulSoup((bundle / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("article a[href]") if a["href"].startswith("providers/")]
    assert "providers/example-valley-nhs-ft/index.html" in links


def test_search_works_from_the_folder_in_a_real_browser_with_no_server(bundle: Path, tmp_path: Path) -> None:
    assert (bundle / "search" / "search_index.js").is_file()
    completed = subprocess.run(
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=15000",
            "--dump-dom",
            (bundle / "index.html").as_uri() + "?q=heron",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    soup = BeautifulSoup(completed.stdout, "html.parser")
    results = [a["href"] for a in soup.select(".md-search-result__link")]
    assert (bundle / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").as_uri() in results, (
        completed.stderr[-2000:]
    )


def test_wardsite_build_offline_writes_the_bundle_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    from click.testing import CliRunner

    from wardsite.cli import main

    result = CliRunner().invoke(main, ["build", "--offline", "--today", PINNED_TODAY], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[-1]
        == "Built the offline bundle in site-offline. Copy the folder to the tablet and open site-offline/index.html."
    )
    assert (tmp_path / "site-offline" / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").is_file()
    assert not (tmp_path / "site").exists()
