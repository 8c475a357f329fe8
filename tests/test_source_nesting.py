"""Every YAML shape is held to the nesting limit, by both readers, and none reaches Python's stack limit."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURE_PROVIDER
from wardsite.loading.catalogue import load_catalogue
from wardsite.source import reader
from wardsite.source.reader import MAX_DEPTH, Source, parse_text

TOO_DEEP = f"the fields are nested more than {MAX_DEPTH} levels deep."

# One way to nest for each YAML shape: complex keys, flow lists and groups, compact lists, indenting...
SHAPES: dict[str, Callable[[int], str]] = {
    "complex keys": lambda n: "name: x\n" + "? " * n + "a\n",
    "complex keys holding lists": lambda n: "? " + "- ? " * n + "a\n",
    "a flow list as a complex key": lambda n: "? " + "[" * n + "]" * n + "\n: x\n",
    "flow groups as keys": lambda n: "x: {" + "{" * n + "a: b" + "}: c" * n + "}\n",
    "flow lists": lambda n: "name: " + "[" * n + "]" * n + "\n",
    "flow groups": lambda n: "name: " + "{a: " * n + "b" + "}" * n + "\n",
    "flow lists of groups": lambda n: "name: " + "[{a: " * n + "b" + "}]" * n + "\n",
    "compact lists": lambda n: "name:\n" + "- " * n + "a\n",
    "indented groups": lambda n: "".join(" " * i + f"k{i}:\n" for i in range(n)) + " " * n + "v\n",
    "lists of groups": lambda n: "".join("  " * i + f"- k{i}:\n" for i in range(n)),
}


def _read(text: str, careful: bool, monkeypatch: pytest.MonkeyPatch) -> Source:
    if careful:
        monkeypatch.setattr(reader, "_FastLoader", None)
    source = Source("ward.yaml")
    parse_text(text, source)
    monkeypatch.undo()
    return source


@pytest.mark.parametrize("careful", [False, True], ids=["fast reader", "careful reader"])
@pytest.mark.parametrize("depth", [MAX_DEPTH + 5, 600, 990, 5000])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_nesting_past_the_limit_in_any_shape_is_one_problem_never_a_recursion_error(
    shape: str, depth: int, careful: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _read(SHAPES[shape](depth), careful, monkeypatch)
    assert [p.message for p in source.problems] == [TOO_DEEP]
    assert source.data is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sorted(SHAPES)), min_size=1, max_size=3), st.integers(1, 1200))
def test_mixed_nesting_gives_the_same_result_from_both_readers_and_never_raises(shapes: list[str], depth: int) -> None:
    text = "".join(SHAPES[shape](depth).replace("name:", f"n{i}:") for i, shape in enumerate(shapes))
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, careful = _read(text, False, monkeypatch), _read(text, True, monkeypatch)
    assert (fast.data, fast.marks, fast.problems) == (careful.data, careful.marks, careful.problems)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_one_providers_deeply_nested_file_leaves_the_other_providers_publishable(shape: str, tmp_path: Path) -> None:
    wards = tmp_path / "wards"
    for name in ("aaa-first-provider", "example-provider"):
        shutil.copytree(FIXTURE_PROVIDER, wards / name)
    (wards / "aaa-first-provider" / "example-ward.yaml").write_text(SHAPES[shape](990), encoding="utf-8")
    (wards / "example-provider" / "example-ward.yaml").rename(wards / "example-provider" / "other-ward.yaml")
    result = load_catalogue(wards)
    assert [(p.file, p.message) for p in result.problems] == [("wards/aaa-first-provider/example-ward.yaml", TOO_DEEP)]
    kept = result.without_broken_providers()
    assert [p.slug for p in kept.providers] == ["example-provider"]
    assert [w.slug for w in kept.wards] == ["other-ward"]
    assert list(kept.excluded) == ["aaa-first-provider"]
