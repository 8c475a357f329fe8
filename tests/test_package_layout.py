"""The package's shape: the data flows one way, nothing imports in a circle, and the old name is gone."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp

from tests.sitebuild import REPO

PACKAGE = REPO / "generator" / "wardsite"


def test_the_import_contracts_hold_the_flow_mkdocs_and_click_in_their_places() -> None:
    ran = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), str(REPO / "pyproject.toml")],
        cwd=REPO / "generator",
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-2000:]
    assert "Contracts: 3 kept, 0 broken." in ran.stdout


def test_no_two_modules_import_each_other_even_through_others() -> None:
    graph = grimp.build_graph("wardsite")
    cycles = sorted(
        {
            tuple(sorted((module, imported)))
            for module in graph.modules
            for imported in graph.find_modules_directly_imported_by(module)
            if graph.chain_exists(importer=imported, imported=module)
        }
    )
    assert cycles == []


def test_nothing_is_imported_as_generator_any_more() -> None:
    offenders = []
    for source in [*PACKAGE.rglob("*.py"), *(REPO / "tests").rglob("*.py"), *(REPO / "benchmarks").rglob("*.py")]:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(name == "generator" or name.startswith("generator.") for name in names):
                offenders.append(str(source.relative_to(REPO)))
    assert offenders == []


def test_every_package_of_the_flow_is_a_folder_in_the_order_data_moves() -> None:
    folders = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    assert {
        "source",
        "model",
        "loading",
        "findings",
        "render",
        "open_data",
        "site",
        "authoring",
        "accessibility",
        "synthetic",
        "cli",
    } <= folders
