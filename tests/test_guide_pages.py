"""The guide for providers: real commands, a field reference generated from the model, pre-commit, deploy."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner
from pydantic import BaseModel

from tests.sitebuild import PINNED_TODAY, REPO, SAMPLE_WARDS, build_site, page
from wardsite.authoring.init_site import SiteChoices, site_files
from wardsite.authoring.scaffold import _is_list, _model
from wardsite.cli import main
from wardsite.loading.catalogue import load_catalogue
from wardsite.model import Provider, Ward
from wardsite.model.enums import OwnPhone, Vaping, label

GUIDE = REPO / "generator" / "wardsite" / "site" / "theme" / "pages" / "guide"

HOOKS = REPO / ".pre-commit-hooks.yaml"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("guide") / "site")


def field_paths(model: type[BaseModel], prefix: str = "") -> dict[str, str]:
    """``{dotted path as the guide writes it: description}`` for every field, walking the model."""
    found: dict[str, str] = {}
    for name, info in model.model_fields.items():
        path = prefix + name + ("[]" if _is_list(info) else "")
        found[path] = info.description or ""
        inner = _model(info)
        if inner is not None:
            found.update(field_paths(inner, path + "."))
    return found


def rows(soup: BeautifulSoup, part: str = "ward") -> dict[str, tuple[str, str]]:
    """``{field: (needed, what to write)}`` from the tables under the heading ``#ward`` or ``#provider``."""
    found = {}
    heading = soup.find("h2", id=part)
    for table in heading.find_all_next("table"):
        if table.find_previous("h2") is not heading:
            break
        for tr in table.find_all("tr"):
            cells = tr.find_all("td")
            if cells:
                found[cells[0].get_text(strip=True)] = (
                    cells[1].get_text(" ", strip=True),
                    " ".join(cells[2].get_text(" ").split()),
                )
    return found


def test_every_ward_field_is_in_the_reference_with_its_description_from_the_model(site: Path) -> None:
    table = rows(page(site, "guide/fields/"))
    expected = field_paths(Ward)
    assert len(expected) > 250
    for path, description in expected.items():
        assert path in table, path
        assert table[path][1].startswith(" ".join(description.split())), path


def test_every_provider_field_is_in_the_reference(site: Path) -> None:
    table = rows(page(site, "guide/fields/"), "provider")
    assert table["name"][1].startswith("The organisation's name.")
    for path in field_paths(Provider):
        assert path in table, path


def test_the_reference_says_what_is_required_and_lists_allowed_words_with_what_readers_see(site: Path) -> None:
    table = rows(page(site, "guide/fields/"))
    assert table["name"][0] == "Required"
    assert table["quick_read"][0] == "Optional"
    assert [
        table[section][0]
        for section in (
            "staffing",
            "environment",
            "daily_life",
            "activities",
            "visiting",
            "carers",
            "rights",
            "feedback",
        )
    ] == ["Expected"] * 8
    assert table["visiting.hours[].start"][0] == "Required in visiting.hours[]"
    assert "picu (Psychiatric intensive care unit (PICU))" in table["classification.specialism"][1]
    assert "allowed (You can keep your own mobile phone)" in table["daily_life.phones_internet.own_phone"][1]
    assert "allowed (You can use an e-cigarette (vape))" in table["daily_life.smoking.vaping"][1]
    assert "A whole number from 1 to 200." in table["beds"][1]


def test_allowed_words_shared_by_two_lists_keep_their_own_reader_words() -> None:
    assert label(OwnPhone.allowed) == "You can keep your own mobile phone"
    assert label(Vaping.allowed) == "You can use an e-cigarette (vape)"


def test_each_ward_page_describes_phones_with_the_phone_words(site: Path) -> None:
    for entry in load_catalogue(SAMPLE_WARDS).catalogue.wards:
        if entry.ward.daily_life:
            text = page(site, f"wards/{entry.key}/").select_one(".ward-section--daily-life").get_text(" ")
            assert label(entry.ward.daily_life.phones_internet.own_phone) in text, entry.slug


def test_the_guide_pages_are_in_the_navigation(site: Path) -> None:
    nav = page(site, "guide/").select_one("nav.md-nav--primary")
    titles = [" ".join(a.get_text().split()) for a in nav.select("a")]
    assert "Every field" in titles and "Publishing the site" in titles


def _commands(text: str) -> list[list[str]]:
    blocks = re.findall(r"```(?:sh|bash)?\n(.*?)```", text, flags=re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    lines += [m for m in re.findall(r"`(wardsite [^`]+)`", text)]
    lines += [
        line.strip().removeprefix("- ").removeprefix("run: ").removeprefix("script: ").strip()
        for line in text.splitlines()
        if line.strip().removeprefix("- ").startswith(("run: wardsite", "script: wardsite", "wardsite "))
    ]
    return [shlex.split(line) for line in lines if line.startswith("wardsite ")]


def _assert_real(command: list[str]) -> None:
    name = command[1]
    sub = main.get_command(click.Context(main), name)  # the commands are imported as they are asked for
    assert sub is not None, command
    options = {opt for p in sub.params if isinstance(p, click.Option) for opt in p.opts + p.secondary_opts}
    for token in command[2:]:
        if token.startswith("--"):
            assert token.split("=")[0] in options, (command, token)


INIT_FILES = site_files(SiteChoices())
DOCUMENTS = {
    "index.md": (GUIDE / "index.md").read_text(encoding="utf-8"),
    "deploy.md": (GUIDE / "deploy.md").read_text(encoding="utf-8"),
    "ci.md": (GUIDE / "ci.md").read_text(encoding="utf-8"),
    "shared-repository.md": (GUIDE / "shared-repository.md").read_text(encoding="utf-8"),
    **{name: INIT_FILES[name] for name in (".github/workflows/publish.yml", ".gitlab-ci.yml", "azure-pipelines.yml")},
    "README.md (made by init)": INIT_FILES["README.md"],
}


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_every_wardsite_command_in_the_guide_and_workflows_is_a_real_command_with_real_options(document: str) -> None:
    commands = _commands(DOCUMENTS[document])
    assert len(commands) >= 3
    for command in commands:
        _assert_real(command)


def test_the_guide_walks_through_new_check_serve_review_and_publish_in_that_order() -> None:
    text = (GUIDE / "index.md").read_text(encoding="utf-8")
    order = [
        text.index(s)
        for s in (
            "wardsite new example-valley-nhs-ft kingfisher-ward",
            "wardsite check wards/example-valley-nhs-ft/kingfisher-ward.yaml",
            "wardsite serve",
            "git push",
            'wardsite review heron-ward --by "Ward manager"',
        )
    ]
    assert order == sorted(order)


def test_the_example_workflow_checks_builds_tests_accessibility_and_publishes_daily() -> None:
    workflow = yaml.safe_load(INIT_FILES[".github/workflows/publish.yml"])
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] == [{"cron": "17 5 * * *"}]
    assert "push" in triggers
    steps = workflow["jobs"]["build"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    order = [runs.index(c) for c in ("wardsite check", "wardsite build", "wardsite a11y", "wardsite build --offline")]
    assert workflow["jobs"]["build"]["steps"][-1]["with"]["path"] == "site"
    assert order == sorted(order)
    assert steps[0]["with"]["fetch-depth"] == 0
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_the_pre_commit_hook_runs_wardsite_check_on_ward_files_and_the_guide_names_it() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert len(hooks) == 1
    hook = hooks[0]
    assert (hook["id"], hook["entry"], hook["language"], hook["files"], hook["pass_filenames"]) == (
        "wardsite-check",
        "wardsite check",
        "python",
        r"^wards/.*\.yaml$",
        True,
    )
    assert 'wardsite = "wardsite.cli:main"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f"- id: {hook['id']}" in (GUIDE / "index.md").read_text(encoding="utf-8")


def _run_hook(root: Path, files: list[str]) -> tuple[int, str]:
    """Run the hook as pre-commit does: entry, then args, then the staged files its pattern matches."""
    hook = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))[0]
    matched = [f for f in files if re.search(hook["files"], f)]
    argv = shlex.split(hook["entry"])[1:] + hook.get("args", []) + ["--today", PINNED_TODAY] + matched
    result = CliRunner().invoke(main, argv, catch_exceptions=False)
    return result.exit_code, result.output


def test_the_pre_commit_hook_passes_good_files_and_stops_a_commit_with_a_mistake(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SAMPLE_WARDS, tmp_path / "wards")
    monkeypatch.chdir(tmp_path)
    staged = ["README.md", "wards/example-valley-nhs-ft/heron-ward.yaml", "wards/brightwater-care/provider.yaml"]
    assert _run_hook(tmp_path, staged)[0] == 0
    heron = tmp_path / "wards/example-valley-nhs-ft/heron-ward.yaml"
    heron.write_text(heron.read_text(encoding="utf-8").replace("\nbeds: 18\n", "\nbeds: eighteen\n"), encoding="utf-8")
    code, output = _run_hook(tmp_path, staged)
    assert code == 1
    assert re.search(
        r"^wards/example-valley-nhs-ft/heron-ward\.yaml:\d+:\d+: beds: \"eighteen\" is not a whole number\.",
        output,
        flags=re.M,
    )
