"""The demo in ``wards/``: what `make site` and a new visitor to this repository see.

Every other test reads the fixed copy in ``tests/fixtures/wards``, so the demo can change freely;
these tests only hold the demo to what it is for: it is valid, it is clearly fictional, and it shows
the features the README promises (two providers with a ward of the same name, a list that is empty on
purpose, a section that does not apply, visiting gaps).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from tests.sitebuild import PINNED_TODAY, REPO
from wardsite.cli import main

DEMO = REPO / "wards"


def _demo_ward_files() -> list[Path]:
    return sorted(p for p in DEMO.glob("*/*.yaml") if p.name != "provider.yaml")


def test_the_demo_wards_pass_check_with_no_problems() -> None:
    result = CliRunner().invoke(main, ["check", str(DEMO), "--today", PINNED_TODAY, "--overdue-is-warning"])
    assert result.exit_code == 0, result.output
    assert ": error:" not in result.output


def test_the_demo_has_two_providers_with_a_ward_of_the_same_name() -> None:
    providers_by_ward: dict[str, set[str]] = {}
    for ward in _demo_ward_files():
        providers_by_ward.setdefault(ward.stem, set()).add(ward.parent.name)
    assert any(len(providers) >= 2 for providers in providers_by_ward.values()), providers_by_ward


def test_the_demo_says_none_on_purpose_and_not_applicable_at_least_once_each() -> None:
    answers = [
        item.get("answer")
        for p in _demo_ward_files()
        for item in (yaml.safe_load(p.read_text(encoding="utf-8")).get("on_purpose") or [])
    ]
    assert "none" in answers and "not_applicable" in answers, answers


def test_the_demo_has_a_ward_with_a_gap_in_its_visiting_hours() -> None:
    wards = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in _demo_ward_files()]
    assert any(ward.get("visiting", {}).get("not_during") for ward in wards)


def test_the_demo_providers_are_clearly_fictional() -> None:
    for provider in sorted(DEMO.glob("*/provider.yaml")):
        text = provider.read_text(encoding="utf-8").lower()
        assert "fictional" in text or "example" in text, provider
