"""`wardsite check` over a whole wards folder: provider defaults, ordering and path filters."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import FIXTURE_PROVIDER, PROVIDER_SLUG, problem_lines
from wardsite.cli import main
from wardsite.loading.catalogue import load_catalogue

TODAY = "2026-11-26"


def _add_ward(wards: Path, slug: str, replace: tuple[str, str] | None = None) -> Path:
    text = (FIXTURE_PROVIDER / "example-ward.yaml").read_text()
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path = wards / PROVIDER_SLUG / f"{slug}.yaml"
    path.write_text(text)
    return path


def _append_to_provider(wards: Path, text: str) -> None:
    provider = wards / PROVIDER_SLUG / "provider.yaml"
    provider.write_text(provider.read_text() + text)


def test_a_bad_provider_default_is_reported_once_in_provider_yaml_however_many_wards_use_it(
    wards_tree: Path, run_check
) -> None:  # type: ignore[no-untyped-def]
    _add_ward(wards_tree, "second-ward")
    _append_to_provider(wards_tree, "ward_defaults:\n  contact:\n    switchboard_phone: 01632 96\n")

    result = run_check("--today", TODAY)

    assert result.exit_code == 1
    assert problem_lines(result.stdout) == [
        'wards/example-provider/provider.yaml:15:5: ward_defaults.contact.switchboard_phone: "01632 96" is not '
        "a UK phone number. This ward default affects 2 wards: example-ward.yaml, second-ward.yaml. "
        "Fix: Write the full number with its area code, for example 01632 960123 or +44 1632 960123."
    ]


def test_a_field_missing_from_a_group_only_the_defaults_write_is_reported_once_in_provider_yaml_naming_the_wards(
    wards_tree: Path, run_check
) -> None:  # type: ignore[no-untyped-def]
    _add_ward(wards_tree, "second-ward")
    _append_to_provider(wards_tree, "ward_defaults:\n  visiting:\n    booking: not_needed\n")

    result = run_check("--today", TODAY)

    lines = [line for line in problem_lines(result.stdout) if "`hours` is required" in line]
    assert lines == [
        "wards/example-provider/provider.yaml:14:3: ward_defaults.visiting.hours: `hours` is required but missing "
        "from `visiting`, which the wards take from ward_defaults. This ward default affects 2 wards: "
        "example-ward.yaml, second-ward.yaml. Fix: Add `hours:` under `ward_defaults.visiting` here, so every ward "
        "has it, or write it in each of those ward files under `visiting`. Visiting times by day."
    ]


def test_a_field_missing_from_a_group_the_ward_file_writes_is_the_ward_files_to_fix(
    wards_tree: Path, run_check
) -> None:  # type: ignore[no-untyped-def]
    _append_to_provider(wards_tree, "ward_defaults:\n  visiting:\n    booking: not_needed\n")
    ward = _add_ward(wards_tree, "second-ward")
    ward.write_text(ward.read_text() + "visiting:\n  where: In the day room.\n")

    result = run_check("--today", TODAY)

    places = [line.split(": ", 2)[:2] for line in problem_lines(result.stdout) if "`hours` is required" in line]
    assert places == [
        ["wards/example-provider/provider.yaml:14:3", "ward_defaults.visiting.hours"],
        ["wards/example-provider/second-ward.yaml:22:1", "visiting.hours"],
    ]
    assert "affects 1 ward: example-ward.yaml." in problem_lines(result.stdout)[0]


def test_checking_one_ward_file_shows_the_errors_in_its_provider_yaml_that_stop_it(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    _append_to_provider(wards_tree, "ward_defaults:\n  contact:\n    switchboard_phone: 01632 96\n")

    result = run_check("--today", TODAY, str(wards_tree / PROVIDER_SLUG / "example-ward.yaml"))

    assert result.exit_code == 1
    assert [line.split(": ", 1)[0] for line in problem_lines(result.stdout)] == [
        "wards/example-provider/provider.yaml:15:5"
    ]


def test_a_ward_value_overrides_a_bad_provider_default(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    _append_to_provider(wards_tree, "ward_defaults:\n  contact:\n    switchboard_phone: 01632 96\n")
    _add_ward(
        wards_tree,
        "example-ward",
        ("  ward_phone: 01632 960123\n", "  ward_phone: 01632 960123\n  switchboard_phone: 01632 960000\n"),
    )

    result = run_check("--today", TODAY)

    assert result.exit_code == 0, result.stdout


def test_problems_in_several_files_are_printed_in_file_then_line_order(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    _add_ward(wards_tree, "b-ward", ("beds: 12", "beds: none"))
    a_ward = _add_ward(wards_tree, "a-ward", ("  sex: female", "  sex: nobody"))
    a_ward.write_text(a_ward.read_text().replace("specialism: acute,", "specialism: acute_adult,"))

    result = run_check("--today", TODAY)

    places = [line.split(": ", 1)[0] for line in problem_lines(result.stdout)]
    assert places == [
        "wards/example-provider/a-ward.yaml:5:18",
        "wards/example-provider/a-ward.yaml:16:3",
        "wards/example-provider/b-ward.yaml:14:1",
    ]


def test_a_ward_with_problems_is_not_counted_as_valid(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    _add_ward(wards_tree, "bad-ward", ("beds: 12", "beds: 0"))
    result = run_check("--today", TODAY)
    assert "1 ward valid; 1 error" in result.stdout
    assert "bad-ward.yaml  last reviewed" not in result.stdout


def test_checking_one_file_reports_only_that_files_problems(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    _add_ward(wards_tree, "bad-ward", ("beds: 12", "beds: 0"))
    good = wards_tree / PROVIDER_SLUG / "example-ward.yaml"

    result = run_check("--today", TODAY, str(good))

    assert result.exit_code == 0, result.stdout
    assert problem_lines(result.stdout) == []


def test_hidden_files_such_as_editor_swap_files_are_ignored(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    (wards_tree / PROVIDER_SLUG / ".example-ward.yaml.swp").write_bytes(b"\x00\x01 not yaml")
    (wards_tree / ".git-keep").write_text("")
    result = run_check("--today", TODAY)
    assert result.exit_code == 0, result.stdout


def test_a_provider_with_a_broken_provider_file_does_not_stop_other_providers_being_checked(
    wards_tree: Path, run_check
) -> None:  # type: ignore[no-untyped-def]
    broken = wards_tree / "broken-provider"
    shutil.copytree(wards_tree / PROVIDER_SLUG, broken)
    (broken / "provider.yaml").write_text("name: [unclosed\n")
    (broken / "example-ward.yaml").rename(broken / "other-ward.yaml")

    result = run_check("--today", TODAY)

    assert result.exit_code == 1
    assert [line.split(":", 1)[0] for line in problem_lines(result.stdout)] == ["wards/broken-provider/provider.yaml"]
    assert "1 ward valid" in result.stdout


def test_loading_one_provider_reads_only_its_folder(wards_tree: Path) -> None:
    other = wards_tree / "other-provider"
    shutil.copytree(FIXTURE_PROVIDER, other)
    (other / "example-ward.yaml").write_text("name: [not closed\n", encoding="utf-8")
    (wards_tree / "stray.yaml").write_text("name: x\n", encoding="utf-8")
    assert load_catalogue(Path("wards")).has_errors  # the whole folder has errors: the other provider's file
    one = load_catalogue(Path("wards"), only_provider=PROVIDER_SLUG)
    assert one.problems == []
    assert [p.slug for p in one.catalogue.providers] == [PROVIDER_SLUG]


def test_loading_a_provider_that_is_not_there_is_one_problem_naming_the_folders_there_are(wards_tree: Path) -> None:
    result = load_catalogue(Path("wards"), only_provider="example-provder")
    assert [p.format() for p in result.problems] == [
        "wards:1:1: (file): there is no provider folder called `example-provder` here. "
        "Fix: Give one of the provider folders: `example-provider`."
    ]
    assert result.catalogue.providers == []


def test_generate_skipping_broken_providers_refuses_when_that_leaves_no_wards(wards_tree: Path) -> None:
    ward = wards_tree / PROVIDER_SLUG / "example-ward.yaml"
    ward.write_text(ward.read_text(encoding="utf-8").replace("\nname:", "\nnaem:", 1), encoding="utf-8")
    plain = CliRunner().invoke(main, ["generate", "--wards", "wards", "--docs-dir", "docs", "--today", TODAY])
    assert plain.exit_code == 1
    assert "in the ward files: nothing was generated. Fix them.\n" in plain.output  # one provider: no advice to skip it
    skipped = CliRunner().invoke(
        main, ["generate", "--wards", "wards", "--docs-dir", "docs", "--today", TODAY, "--skip-broken-providers"]
    )
    assert skipped.exit_code == 1
    assert "every provider has some: nothing was generated (there would be no wards to publish)." in skipped.output
    assert not Path("docs").exists()


def test_a_personal_email_address_in_ward_defaults_is_one_warning_in_provider_yaml_naming_the_wards(
    wards_tree: Path, run_check
) -> None:  # type: ignore[no-untyped-def]
    _add_ward(wards_tree, "second-ward", ("name: Example Ward", "name: Second Ward"))
    _append_to_provider(wards_tree, "ward_defaults:\n  contact:\n    email: jo.smith@example.nhs.uk\n")

    result = run_check("--today", TODAY)

    assert result.exit_code == 0, result.stdout
    assert problem_lines(result.stdout) == [
        'wards/example-provider/provider.yaml:15:5: ward_defaults.contact.email: warning: "jo.smith@example.nhs.uk" '
        "looks like one person's email address (a first and last name before the @). This ward default affects "
        "2 wards: example-ward.yaml, second-ward.yaml. Fix: Give a shared mailbox that whoever is on shift reads, "
        "such as heron.ward@example.nhs.uk: a personal address goes unanswered when that person is away or leaves, "
        "and publishes their name."
    ]
