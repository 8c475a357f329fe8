"""Provider text is untrusted: payloads in every free-text field never reach the page as markup."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.sitebuild import SAMPLE_WARDS, build_site
from wardsite.loading.catalogue import merge_defaults
from wardsite.model import Ward
from wardsite.source.reader import read_source

PAYLOAD = (
    "<script>alert(1)</script><img src=x onerror=alert(2)><iframe "
    "src=x></iframe><style>*{}</style>[x](javascript:alert(3)) \" ' {{7*7}} </script>"
)
WARD = SAMPLE_WARDS / "example-valley-nhs-ft" / "heron-ward.yaml"
PROVIDER = SAMPLE_WARDS / "example-valley-nhs-ft" / "provider.yaml"


def _leaves(data: Any, path: tuple = ()) -> Iterator[tuple]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, path + (index,))
    elif isinstance(data, str):
        yield path


def _set(data: Any, path: tuple, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _merged_sample_ward() -> dict:
    """The sample ward's data with its provider's defaults merged in, exactly as the loader does it."""
    provider = read_source(PROVIDER, "provider.yaml")
    ward = read_source(WARD, "ward.yaml")
    data, _marks = merge_defaults(provider, provider.data["ward_defaults"], ward)
    return data


def poisoned_ward() -> tuple[dict, list[tuple]]:
    """The sample ward with the payload in every field that accepts free text."""
    ward = json.loads(json.dumps(_merged_sample_ward()))
    accepted = []
    for path in list(_leaves(ward)):
        trial = json.loads(json.dumps(ward))
        _set(trial, path, PAYLOAD)
        try:
            Ward.model_validate(trial)
        except Exception:
            continue
        accepted.append(path)
    for path in accepted:
        _set(ward, path, PAYLOAD)
    return ward, accepted


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("poisoned")
    wards = root / "wards"
    shutil.copytree(SAMPLE_WARDS, wards)
    ward, accepted = poisoned_ward()
    assert len(accepted) > 100, "the payload should reach every free-text field"
    (wards / "example-valley-nhs-ft" / "heron-ward.yaml").write_text(yaml.safe_dump(ward, allow_unicode=True))
    return build_site(root / "site", wards=wards)


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_payload_reaches_every_free_text_field() -> None:
    _ward, accepted = poisoned_ward()
    fields = {".".join(str(p) for p in path if isinstance(p, str)) for path in accepted}
    for expected in [
        "name",
        "quick_read",
        "visiting.children.arrangements",
        "daily_life.what_to_bring",
        "rights.imha.provider_name",
        "review.reviewed_by.role",
    ]:
        assert expected in fields


def test_no_payload_becomes_a_script_frame_style_handler_or_javascript_link(poisoned_site: Path) -> None:
    for html in _pages(poisoned_site):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text() or script.get("type") == "application/ld+json", html
        assert soup.find("iframe") is None, html
        assert not any("*{}" in style.get_text() for style in soup.find_all("style")), html
        assert soup.select("img[src=x]") == [], html
        assert soup.select("a[href^='javascript:']") == [], html
        for tag in soup.find_all(True):
            assert not any(attr.lower().startswith("on") for attr in tag.attrs), (html, tag.name)


def test_the_payload_is_shown_as_plain_text(poisoned_site: Path) -> None:
    soup = BeautifulSoup(
        (poisoned_site / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").read_text(), "html.parser"
    )
    assert soup.find("h1").get_text() == PAYLOAD
    assert "{{7*7}}" in soup.select_one(".ward-quick-read").get_text()


def test_json_ld_and_data_files_stay_valid_json(poisoned_site: Path) -> None:
    soup = BeautifulSoup(
        (poisoned_site / "wards" / "example-valley-nhs-ft" / "heron-ward" / "index.html").read_text(), "html.parser"
    )
    for block in soup.select("script[type='application/ld+json']"):
        json.loads(block.get_text())
        assert "</script" not in block.decode_contents().lower()
    for data_file in poisoned_site.rglob("*.json"):
        json.loads(data_file.read_text(encoding="utf-8"))
