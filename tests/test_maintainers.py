"""provider.yaml maintainers: CODEOWNERS from them, and `check --changed --owner` keeping providers apart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.conftest import FIXTURE_PROVIDER, problem_lines
from tests.git_repo import commit, init
from tests.sitebuild import SAMPLE_WARDS
from wardsite.cli import main

REPO = Path(__file__).resolve().parents[1]
HEADER = (
    "# Code owners of the ward files, made by `wardsite codeowners` from the maintainers in each provider.yaml.\n"
    "# Do not edit by hand: change `maintainers` in a provider.yaml, then run `wardsite codeowners` again.\n"
)


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def shared_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with two providers: alpha (maintained by @alpha-team/editors) and beta (by @bea)."""
    repo = init(tmp_path / "repo")
    for slug, handle in (("alpha", "@alpha-team/editors"), ("beta", "@bea")):
        folder = repo / "wards" / slug
        shutil.copytree(FIXTURE_PROVIDER, folder)
        provider = folder / "provider.yaml"
        text = provider.read_text(encoding="utf-8").replace("'@example-provider/ward-editors'", f"'{handle}'")
        provider.write_text(text.replace("name: ", f"name: {slug.title()} ", 1), encoding="utf-8")
        ward = folder / "example-ward.yaml"
        ward.rename(folder / f"{slug}-ward.yaml")
        named = (folder / f"{slug}-ward.yaml").read_text(encoding="utf-8")
        (folder / f"{slug}-ward.yaml").write_text(named.replace("name: Example Ward", f"name: {slug.title()} Ward"))
    commit(repo, "Two providers", "2026-06-01")
    monkeypatch.chdir(repo)
    return repo


def test_codeowners_gives_each_provider_folder_to_its_maintainers_in_github_syntax(shared_repo: Path) -> None:
    result = _run("codeowners")
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {shared_repo / '.github' / 'CODEOWNERS'}.\n"
    assert (shared_repo / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == (
        HEADER + "\n/wards/alpha/ @alpha-team/editors\n\n/wards/beta/ @bea\n"
    )


def test_codeowners_puts_each_provider_in_its_own_gitlab_section(shared_repo: Path) -> None:
    assert _run("codeowners", "--syntax", "gitlab").exit_code == 0
    assert (shared_repo / ".gitlab" / "CODEOWNERS").read_text(encoding="utf-8") == (
        HEADER + "\n[alpha]\n/wards/alpha/ @alpha-team/editors\n\n[beta]\n/wards/beta/ @bea\n"
    )


def test_codeowners_check_fails_when_a_maintainer_was_added_but_the_file_not_remade(shared_repo: Path) -> None:
    assert _run("codeowners").exit_code == 0
    assert _run("codeowners", "--check").exit_code == 0
    provider = shared_repo / "wards" / "beta" / "provider.yaml"
    provider.write_text(provider.read_text(encoding="utf-8").replace("'@bea'", "'@bea'\n  - '@bo'"))
    stale = _run("codeowners", "--check")
    assert stale.exit_code == 1
    assert "CODEOWNERS: out of date with the maintainers in provider.yaml." in stale.output
    _run("codeowners")
    assert "/wards/beta/ @bea @bo\n" in (shared_repo / ".github" / "CODEOWNERS").read_text(encoding="utf-8")


def test_codeowners_keeps_the_lines_written_above_the_generated_part(shared_repo: Path) -> None:
    target = shared_repo / ".github" / "CODEOWNERS"
    target.parent.mkdir()
    target.write_text("* @site-admins\n" + HEADER + "/wards/old/ @gone\n", encoding="utf-8")
    assert _run("codeowners").exit_code == 0
    assert target.read_text(encoding="utf-8") == (
        "* @site-admins\n" + HEADER + "\n/wards/alpha/ @alpha-team/editors\n\n/wards/beta/ @bea\n"
    )
    assert _run("codeowners", "--check").exit_code == 0


def test_the_sample_repository_codeowners_names_both_sample_providers() -> None:
    text = _run("codeowners", "--wards", str(SAMPLE_WARDS), "--output", "-").output
    assert "/wards/brightwater-care/ @brightwater-care/ward-editors\n" in text
    assert (
        "/wards/example-valley-nhs-ft/ @example-valley-nhs-ft/ward-editors @example-valley-nhs-ft/communications\n"
        in text
    )


def test_a_change_to_another_providers_folder_fails_the_owners_check(shared_repo: Path) -> None:
    ward = shared_repo / "wards" / "beta" / "beta-ward.yaml"
    ward.write_text(ward.read_text(encoding="utf-8").replace("01632 960123", "01632 960124"), encoding="utf-8")
    result = _run(
        "check", "--today", "2026-07-01", "--changed", "wards/beta/beta-ward.yaml",
        "--owner", "@alpha-team/editors", "--base", "main",
    )  # fmt: skip
    assert result.exit_code == 1
    assert problem_lines(result.output) == [
        "wards/beta/beta-ward.yaml:1:1: (file): changed by @alpha-team/editors, who does not maintain wards/beta/ "
        "(its maintainers: @bea). Fix: Ask one of @bea to make or approve this change, or to add you to "
        "`maintainers` in wards/beta/provider.yaml."
    ]


def test_a_change_inside_the_authors_own_folder_passes_the_owners_check(shared_repo: Path) -> None:
    ward = shared_repo / "wards" / "beta" / "beta-ward.yaml"
    ward.write_text(ward.read_text(encoding="utf-8").replace("01632 960123", "01632 960124"), encoding="utf-8")
    changed = "wards/beta/beta-ward.yaml\nREADME.md\n"  # as `git diff --name-only` prints them
    result = _run("check", "--today", "2026-07-01", "--changed", changed, "--owner", "@BEA", "--base", "main")
    assert result.exit_code == 0, result.output
    assert "1 ward valid; 0 errors" in result.output  # only the changed ward was checked


def test_a_change_that_adds_its_author_as_maintainer_is_judged_by_the_maintainers_before_it(
    shared_repo: Path,
) -> None:
    provider = shared_repo / "wards" / "beta" / "provider.yaml"
    provider.write_text(provider.read_text(encoding="utf-8").replace("'@bea'", "'@bea'\n  - '@mallory'"))
    args = ("check", "--today", "2026-07-01", "--changed", "wards/beta/provider.yaml", "--owner", "@mallory")
    assert _run(*args).exit_code == 0  # without --base the work tree's own (changed) list is used
    judged = _run(*args, "--base", "main")
    assert judged.exit_code == 1
    assert "changed by @mallory, who does not maintain wards/beta/ (its maintainers: @bea)." in judged.output


def test_deleting_another_providers_ward_fails_the_owners_check(shared_repo: Path) -> None:
    (shared_repo / "wards" / "alpha" / "alpha-ward.yaml").unlink()
    result = _run("check", "--changed", "wards/alpha/alpha-ward.yaml", "--owner", "@bea", "--base", "main")
    assert result.exit_code == 1
    assert "wards/alpha/alpha-ward.yaml:1:1: (file): changed by @bea, who does not maintain wards/alpha/" in (
        result.output
    )


def test_a_base_git_does_not_know_is_an_error_naming_it(shared_repo: Path) -> None:
    result = _run("check", "--changed", "wards/alpha/alpha-ward.yaml", "--owner", "@bea", "--base", "no-such-branch")
    assert result.exit_code == 1
    assert "git does not know the commit `no-such-branch`. Fix: Fetch it first" in result.output


def test_owner_without_changed_is_a_usage_error(shared_repo: Path) -> None:
    result = _run("check", "--owner", "@bea")
    assert result.exit_code == 2
    assert "--owner and --base need --changed" in result.output


def test_check_warns_when_a_provider_has_no_maintainers(wards_tree: Path) -> None:
    provider = wards_tree / "example-provider" / "provider.yaml"
    text = provider.read_text(encoding="utf-8")
    provider.write_text(text[: text.index("\n# The GitHub or GitLab")] + "\n", encoding="utf-8")
    result = _run("check", "--today", "2026-07-01")
    assert result.exit_code == 0  # a warning, not an error
    assert problem_lines(result.output) == [
        "wards/example-provider/provider.yaml:1:1: maintainers: warning: no maintainers are listed, so nobody is "
        "asked to approve changes to this provider's wards. Fix: Add `maintainers:` with the GitHub or GitLab "
        "handles of the people or teams who look after this folder, like `- '@example-trust/ward-editors'`, "
        "then run `wardsite codeowners`."
    ]
    assert "0 errors, 9 warnings" in result.output  # this one and the fixture's 8 missing sections


def test_a_maintainer_that_is_not_a_handle_is_refused_with_the_fix(wards_tree: Path) -> None:
    provider = wards_tree / "example-provider" / "provider.yaml"
    text = provider.read_text(encoding="utf-8")
    provider.write_text(text.replace("'@example-provider/ward-editors'", "'@team\\n/wards/ @mallory'"))
    result = _run("check", "--today", "2026-07-01")
    assert result.exit_code == 1
    assert problem_lines(result.output) == [
        'wards/example-provider/provider.yaml:12:5: maintainers[0]: "@team\\n/wards/ @mallory" is not a GitHub or '
        "GitLab handle. Fix: Write @ and the user name, like @jo-smith, or @ and the organisation (or group) and "
        "team, like @example-trust/ward-editors."
    ]
    assert "@mallory" not in _run("codeowners", "--wards", "wards", "--output", "-").output
