"""libyaml's own composer (the fast path) and the careful reader read every file the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import REPO, SAMPLE_WARDS
from wardsite.source import reader as source


def _decodable(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8-sig")
        return True
    except UnicodeDecodeError:  # never reaches the YAML reader; the goldens test that problem
        return False


FILES = [
    p
    for p in sorted((SAMPLE_WARDS).glob("*/*.yaml")) + sorted((REPO / "tests" / "golden").rglob("*.yaml"))
    if _decodable(p)
]


def _read(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> source.Source:
    if not fast:
        monkeypatch.setattr(source, "_FastLoader", None)
    result = source.Source("file.yaml")
    source.parse_text(text, result)
    monkeypatch.undo()
    return result


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_the_fast_and_careful_readers_give_the_same_data_marks_and_problems(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    fast, careful = _read(text, True, monkeypatch), _read(text, False, monkeypatch)
    assert fast.data == careful.data
    assert fast.marks == careful.marks
    assert fast.problems == careful.problems


def test_sample_wards_take_the_fast_path() -> None:
    wards = sorted((SAMPLE_WARDS).glob("*/*.yaml"))
    assert wards and not any(source._needs_careful_reader(p.read_text()) for p in wards)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !tag x\n",
        "a: [[1], 2]\n",
        "a: {b: [1]}\n",
        "a:\n  - - 1\n",
        "a:" + "".join("\n" + " " * i + "b:" for i in range(1, 60)),
    ],
)
def test_anchors_aliases_tags_flow_and_deep_nesting_go_to_the_careful_reader(text: str) -> None:
    assert source._needs_careful_reader(text)
