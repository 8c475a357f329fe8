"""`wardsite review`: mark a ward reviewed, changing only the lines that say when and by whom."""

from __future__ import annotations

import datetime as dt
import difflib
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.sitebuild import PINNED_TODAY, SAMPLE_WARDS
from wardsite.authoring.review_edit import mark_reviewed
from wardsite.cli import main

TODAY = dt.date.fromisoformat(PINNED_TODAY)

# Comments everywhere, odd spacing, quotes, flow lists, a folded block, tabs in a comment,
# blank lines with spaces in them, and fields in an unusual order.
ODD_WARD = """\
# yaml-language-server: $schema=../../site_src/schema/ward-file.schema.json
#   Kept by the ward manager.   Please don't reformat!

name:    "Example Ward"     # the sign on the door says this
site: {name: Example Unit}
classification: {specialism: acute, security_level: general, age_group: adult}	# a tab before this comment

review:   # checked every year
    # who and when
    reviewed_by:
          role:   'Deputy ward manager'   # was the matron
          name: Alex Example
      # a comment indented oddly
    last_reviewed:    2026-06-10      # the last check
    coproduced_with: [people who stayed here, "the carers' forum"]
contact:
  ward_phone: 01632 960123
address:
  lines: [Example Ward, 1 Example Road]
  town: Exampleton
  postcode: EX1 2AB
beds: 12
who_for:
  sex: female
  age_min: 18
  age_note: >-
    We sometimes care for people
    outside this age range.

# end of file
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def changed_lines(before: str, after: str) -> list[tuple[str, list[str], list[str]]]:
    """Every difference between two texts, line by line with line endings kept."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    return [
        (tag, a[i1:i2], b[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
        if tag != "equal"
    ]


@pytest.fixture
def odd_ward(wards_tree: Path) -> Path:
    path = wards_tree / "example-provider" / "example-ward.yaml"
    path.write_text(ODD_WARD, encoding="utf-8")
    return path


def test_review_changes_only_the_date_the_role_and_removes_the_old_name_byte_for_byte(odd_ward: Path) -> None:
    result = run("review", "example-ward", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.exit_code == 0, result.output
    after = odd_ward.read_text(encoding="utf-8")
    assert changed_lines(ODD_WARD, after) == [
        (
            "replace",
            ["          role:   'Deputy ward manager'   # was the matron\n", "          name: Alex Example\n"],
            ["          role:   'Ward manager'   # was the matron\n"],
        ),
        (
            "replace",
            ["    last_reviewed:    2026-06-10      # the last check\n"],
            ["    last_reviewed:    2026-11-26      # the last check\n"],
        ),
    ]


def test_review_prints_what_it_changed_when_the_next_review_is_due_and_how_to_commit(odd_ward: Path) -> None:
    result = run("review", "example-ward", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.output.splitlines() == [
        "Marked wards/example-provider/example-ward.yaml as reviewed on 26 November 2026 by Ward manager.",
        "  review.last_reviewed: 2026-06-10 -> 2026-11-26",
        "  review.reviewed_by.role: Deputy ward manager -> Ward manager",
        "  review.reviewed_by.name: Alex Example removed",
        "Next review due: 26 November 2027.",
        "Now save it in git and publish it:",
        "  git add wards/example-provider/example-ward.yaml",
        '  git commit -m "Example Ward: reviewed, no changes"',
        "  git push",
    ]


def test_the_git_commands_review_prints_save_a_new_ward_that_git_does_not_know_yet(wards_tree: Path) -> None:
    git = ["git", "-c", "user.name=Example", "-c", "user.email=example@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    result = run("review", "example-ward", "--by", "Ward manager", "--today", PINNED_TODAY)
    commands = [line.strip() for line in result.output.splitlines() if line.strip().startswith("git ")]
    assert commands[-1] == "git push"
    for command in commands[:-1]:
        subprocess.run([*git, *shlex.split(command)[1:]], check=True, capture_output=True)
    log = subprocess.run(
        ["git", "log", "--format=%s", "--name-only"], check=True, capture_output=True, text=True
    ).stdout.split()
    assert " ".join(log) == "Example Ward: reviewed, no changes wards/example-provider/example-ward.yaml"


def test_review_removes_the_old_approval_and_says_to_ask_the_approver_again(wards_tree: Path) -> None:
    path = wards_tree / "example-provider" / "example-ward.yaml"
    base = path.read_text(encoding="utf-8")
    approved = base.replace(
        "    role: Ward manager\n",
        "    role: Ward manager\n"
        "  approved_by:   # signed off at the team meeting\n    role: Matron\n    name: Priya Lane\n",
    )
    path.write_text(approved, encoding="utf-8")
    result = run("review", "example-ward", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.exit_code == 0, result.output
    assert (
        "  review.approved_by: Matron (Priya Lane) removed: ask the approver to approve this review, then add it again"
        in result.output.splitlines()
    )
    assert path.read_text(encoding="utf-8") == base.replace("2026-06-10", "2026-11-26")


def test_review_with_a_name_replaces_the_name_in_place(odd_ward: Path) -> None:
    run("review", "example-ward", "--by", "Ward manager", "--name", "Sam Example", "--today", PINNED_TODAY)
    expected = (
        ODD_WARD.replace("'Deputy ward manager'", "'Ward manager'")
        .replace("name: Alex Example", "name: Sam Example")
        .replace("2026-06-10", "2026-11-26")
    )
    assert odd_ward.read_text(encoding="utf-8") == expected


def test_review_with_a_name_adds_it_under_the_role_when_the_file_had_none(wards_tree: Path) -> None:
    path = wards_tree / "example-provider" / "example-ward.yaml"
    before = path.read_text(encoding="utf-8")
    assert (
        run(
            "review", "example-ward", "--by", "Ward manager", "--name", "Sam Example", "--today", PINNED_TODAY
        ).exit_code
        == 0
    )
    assert changed_lines(before, path.read_text(encoding="utf-8")) == [
        ("replace", ["  last_reviewed: 2026-06-10\n"], ["  last_reviewed: 2026-11-26\n"]),
        ("insert", [], ["    name: Sam Example\n"]),
    ]


def test_a_role_that_needs_quotes_in_yaml_is_quoted_and_reads_back_as_typed(wards_tree: Path) -> None:
    path = wards_tree / "example-provider" / "example-ward.yaml"
    assert run("review", path.as_posix(), "--by", "Nurse in charge: nights #2", "--today", PINNED_TODAY).exit_code == 0
    assert '    role: "Nurse in charge: nights #2"\n' in path.read_text(encoding="utf-8")
    check = run("check", str(path), "--today", PINNED_TODAY)
    assert check.exit_code == 0, check.output


def test_a_quoted_date_keeps_its_quotes_and_windows_line_endings_are_kept(wards_tree: Path) -> None:
    path = wards_tree / "example-provider" / "example-ward.yaml"
    text = (
        path.read_text(encoding="utf-8")
        .replace("last_reviewed: 2026-06-10", 'last_reviewed: "2026-06-10"')
        .replace("\n", "\r\n")
    )
    path.write_bytes(text.encode("utf-8"))
    assert run("review", "example-ward", "--by", "Ward manager", "--today", PINNED_TODAY).exit_code == 0
    assert path.read_bytes() == text.replace('"2026-06-10"', '"2026-11-26"').encode("utf-8")


def test_a_reviewed_by_written_in_braces_is_rewritten_on_its_line(wards_tree: Path) -> None:
    path = wards_tree / "example-provider" / "example-ward.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  reviewed_by:\n    role: Ward manager\n", "  reviewed_by: {role: Matron, name: Jo Example}  # was on leave\n"
    )
    path.write_text(text, encoding="utf-8")
    assert run("review", "example-ward", "--by", "Ward manager", "--today", PINNED_TODAY).exit_code == 0
    assert changed_lines(text, path.read_text(encoding="utf-8")) == [
        (
            "replace",
            ["  last_reviewed: 2026-06-10\n", "  reviewed_by: {role: Matron, name: Jo Example}  # was on leave\n"],
            ["  last_reviewed: 2026-11-26\n", "  reviewed_by: {role: Ward manager}  # was on leave\n"],
        ),
    ]


def test_a_next_review_date_that_has_passed_is_removed_and_a_later_one_is_kept(wards_tree: Path) -> None:
    path = wards_tree / "example-provider" / "example-ward.yaml"
    base = path.read_text(encoding="utf-8")
    passed = base.replace(
        "  last_reviewed: 2026-06-10\n",
        "  last_reviewed: 2026-06-10\n  next_review_due: 2026-11-01  # early, for the new build\n",
    )
    path.write_text(passed, encoding="utf-8")
    result = run("review", "example-ward", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert (
        "  review.next_review_due: 2026-11-01 removed (it had passed; the next review is due 12 months from today)"
        in result.output.splitlines()
    )
    assert path.read_text(encoding="utf-8") == base.replace("2026-06-10", "2026-11-26")
    later = base.replace(
        "  last_reviewed: 2026-06-10\n", "  last_reviewed: 2026-06-10\n  next_review_due: 2027-03-01\n"
    )
    path.write_text(later, encoding="utf-8")
    run("review", "example-ward", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert path.read_text(encoding="utf-8") == later.replace("2026-06-10", "2026-11-26")


def test_a_role_written_as_a_folded_block_is_refused_and_the_file_is_left_alone(wards_tree: Path) -> None:
    path = wards_tree / "example-provider" / "example-ward.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    role: Ward manager\n", "    role: >-\n      Ward\n      manager\n"
    )
    path.write_text(text, encoding="utf-8")
    result = run("review", "example-ward", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.exit_code == 1
    assert (
        "wards/example-provider/example-ward.yaml:20:1: review: review.reviewed_by is written as a value "
        "written in a special YAML style, which cannot be edited safely. Fix: Change review.last_reviewed and "
        "review.reviewed_by by hand, then run `wardsite check`." in result.output
    )
    assert path.read_text(encoding="utf-8") == text


def test_an_unknown_ward_is_a_usage_error_that_suggests_the_close_name(wards_tree: Path) -> None:
    result = run("review", "example-wrad", "--by", "Ward manager")
    assert result.exit_code == 2
    assert (
        "Error: Invalid value for WARD: there is no ward `example-wrad` in wards. Did you mean `example-ward`?"
        in result.output
    )


@pytest.mark.parametrize("pattern", ["*", "example-*", "example-war?", "[e]xample-ward", "*/example-ward"])
def test_a_ward_name_is_never_a_pattern_and_matching_files_are_left_alone(wards_tree: Path, pattern: str) -> None:
    path = wards_tree / "example-provider" / "example-ward.yaml"
    before = path.read_bytes()
    result = run("review", pattern, "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.exit_code == 2
    assert (
        f"Error: Invalid value for WARD: `{pattern}` is not a ward's name. Give the ward's file name without .yaml,"
        " like heron-ward, or the path to its file." in " ".join(result.output.split())
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "name", ["a" * 300, "a" * 300 + ".yaml", "x/" * 200 + "w.yaml", "bad\x00name", "bad\x00name.yaml"]
)
def test_an_overlong_or_impossible_ward_name_is_a_usage_error_not_a_traceback(wards_tree: Path, name: str) -> None:
    result = run("review", name, "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.exit_code == 2
    assert "Error: Invalid value for WARD: `" in result.output
    assert "Give the ward's file name without .yaml" in " ".join(result.output.split())


def test_a_path_to_a_yaml_file_outside_the_wards_folder_is_refused(wards_tree: Path) -> None:
    outside = wards_tree.parent / "example-ward.yaml"
    shutil.copy(wards_tree / "example-provider" / "example-ward.yaml", outside)
    before = outside.read_bytes()
    result = run("review", "example-ward.yaml", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.exit_code == 2
    assert "`example-ward.yaml` is not a ward file in wards." in " ".join(result.output.split())
    assert outside.read_bytes() == before


def test_a_ward_name_two_providers_use_is_refused_naming_both_files(wards_tree: Path) -> None:
    other = wards_tree / "other-provider"
    shutil.copytree(wards_tree / "example-provider", other)
    result = run("review", "example-ward", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.exit_code == 2
    assert (
        "more than one provider has a ward called `example-ward` (wards/example-provider/example-ward.yaml,"
        " wards/other-provider/example-ward.yaml). Give the path to the file you mean."
    ) in " ".join(result.output.split())


def test_reviewing_by_exact_path_inside_the_wards_folder_still_works(wards_tree: Path) -> None:
    path = wards_tree / "example-provider" / "example-ward.yaml"
    result = run("review", "wards/example-provider/example-ward.yaml", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.exit_code == 0, result.output
    assert f"last_reviewed: {PINNED_TODAY}" in path.read_text(encoding="utf-8")


def test_a_ward_file_name_alone_names_the_ward_in_the_one_provider_folder_that_has_it(wards_tree: Path) -> None:
    path = wards_tree / "example-provider" / "example-ward.yaml"
    result = run("review", "example-ward.yaml", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Marked wards/example-provider/example-ward.yaml as reviewed on 26 November 2026")
    assert f"last_reviewed: {PINNED_TODAY}" in path.read_text(encoding="utf-8")


def test_a_ward_file_name_in_the_provider_folder_itself_is_reviewed(
    wards_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(wards_tree / "example-provider")
    result = run("review", "example-ward.yaml", "--by", "Ward manager", "--wards", "..", "--today", PINNED_TODAY)
    assert result.exit_code == 0, result.output
    assert f"last_reviewed: {PINNED_TODAY}" in Path("example-ward.yaml").read_text(encoding="utf-8")


def test_review_run_in_a_provider_folder_finds_its_ward_without_being_told_the_wards_folder(
    wards_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(wards_tree / "example-provider")
    for ward in ("example-ward.yaml", "example-ward"):
        result = run("review", ward, "--by", "Ward manager", "--today", PINNED_TODAY)
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[0] == (
            "Marked example-ward.yaml as reviewed on 26 November 2026 by Ward manager."
        )
        assert "  git add example-ward.yaml" in result.output.splitlines()
    assert f"last_reviewed: {PINNED_TODAY}" in Path("example-ward.yaml").read_text(encoding="utf-8")


def test_a_ward_file_name_two_providers_use_is_refused_naming_both_files(wards_tree: Path) -> None:
    shutil.copytree(wards_tree / "example-provider", wards_tree / "other-provider")
    result = run("review", "example-ward.yaml", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.exit_code == 2
    assert "more than one provider has a ward called `example-ward`" in " ".join(result.output.split())


def test_a_link_named_like_a_ward_file_is_refused(wards_tree: Path) -> None:
    Path("example-ward.yaml").symlink_to(wards_tree / "example-provider" / "example-ward.yaml")
    result = run("review", "example-ward.yaml", "--by", "Ward manager", "--today", PINNED_TODAY)
    assert result.exit_code == 2
    assert "`example-ward.yaml` is not a ward file in wards." in " ".join(result.output.split())


def test_review_needs_the_reviewers_role(wards_tree: Path) -> None:
    result = run("review", "example-ward")
    assert result.exit_code == 2
    assert "Missing option '--by'" in result.output


def test_the_library_returns_none_and_a_problem_for_a_file_without_a_review() -> None:
    edit = mark_reviewed("name: Example Ward\n", "wards/p/w.yaml", TODAY, "Ward manager")
    assert edit.text is None
    assert [p.format() for p in edit.problems] == [
        "wards/p/w.yaml:1:1: review: the file has no review.last_reviewed to update. Fix: Change "
        "review.last_reviewed and review.reviewed_by by hand, then run `wardsite check`."
    ]


def test_every_sample_ward_can_be_reviewed_changing_only_its_review_lines() -> None:

    for path in sorted((SAMPLE_WARDS).glob("*/*.yaml")):
        if path.name == "provider.yaml":
            continue
        text = path.read_text(encoding="utf-8")
        edit = mark_reviewed(text, path.name, TODAY, "Ward manager")
        assert edit.text is not None, (path, edit.problems)
        removed = [line for tag, old, new in changed_lines(text, edit.text) for line in old]
        assert all(
            line.strip().split(":")[0] in ("last_reviewed", "role", "name", "next_review_due", "approved_by")
            for line in removed
        ), (path, removed)
