"""Input that must be accepted by `wardsite check`, read the way the writer meant it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tests.conftest import FIXTURES, PROVIDER_SLUG, problem_lines
from tests.sitebuild import SAMPLE_WARDS
from wardsite.loading.catalogue import load_catalogue

TODAY = "2026-11-26"


def test_the_minimal_fixture_tree_passes_check(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    result = run_check("--today", TODAY)
    assert result.exit_code == 0, result.stdout
    assert problem_lines(result.stdout) == []
    assert "1 ward valid; 0 errors, 8 warnings, 0 overdue for review." in result.stdout  # 8 missing sections


def test_a_ward_file_starting_with_a_utf8_byte_order_mark_is_accepted_without_complaint(
    wards_tree: Path, run_check
) -> None:  # type: ignore[no-untyped-def]
    ward = wards_tree / PROVIDER_SLUG / "example-ward.yaml"
    ward.write_bytes(b"\xef\xbb\xbf" + ward.read_bytes())
    provider = wards_tree / PROVIDER_SLUG / "provider.yaml"
    provider.write_bytes(b"\xef\xbb\xbf" + provider.read_bytes())

    result = run_check("--today", TODAY)

    assert result.exit_code == 0, result.stdout
    assert problem_lines(result.stdout) == []
    assert "1 ward valid" in result.stdout


def test_a_ward_file_with_windows_line_endings_is_accepted(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    ward = wards_tree / PROVIDER_SLUG / "example-ward.yaml"
    ward.write_bytes(ward.read_bytes().replace(b"\n", b"\r\n"))
    result = run_check("--today", TODAY)
    assert result.exit_code == 0, result.stdout


def _typing_ward(wards_tree: Path):  # type: ignore[no-untyped-def]
    shutil.copy(FIXTURES / "typing-surprises.yaml", wards_tree / PROVIDER_SLUG / "typing-surprises.yaml")
    result = load_catalogue(wards_tree)
    assert result.problems == []
    return next(w.ward for w in result.catalogue.wards if w.slug == "typing-surprises")


def test_wifi_no_is_accepted_as_false_and_yes_as_true(wards_tree: Path) -> None:
    ward = _typing_ward(wards_tree)
    assert ward.daily_life.phones_internet.wifi is False
    assert ward.daily_life.smoking.nicotine_replacement_offered is True


def test_a_phone_number_written_without_spaces_stays_text_and_validates(wards_tree: Path) -> None:
    assert _typing_ward(wards_tree).contact.ward_phone == "01632960123"


def test_digits_with_a_leading_zero_where_text_is_expected_stay_text(wards_tree: Path) -> None:
    ward = _typing_ward(wards_tree)
    assert ward.address.lines[0] == "01234567"
    assert ward.review.reference == "0012345"


def test_numbers_in_a_list_of_text_stay_as_written(wards_tree: Path) -> None:
    # A bare yes/no word in text is read as the word too, and then refused as a yes/no answer:
    # see the golden case yes-no-in-a-text-field.
    assert _typing_ward(wards_tree).who_for.conditions == ["1e3", "0o17", ".inf"]


def test_a_number_with_a_leading_zero_is_read_as_decimal_not_octal(wards_tree: Path) -> None:
    assert _typing_ward(wards_tree).beds == 12


def test_a_time_is_read_as_a_time_of_day_not_a_sexagesimal_number(wards_tree: Path) -> None:
    assert _typing_ward(wards_tree).daily_life.meal_times[0].start == dt.time(12, 30)


def test_a_cqc_id_and_drama_phone_numbers_pass_the_nhs_number_check(wards_tree: Path, run_check) -> None:  # type: ignore[no-untyped-def]
    provider = wards_tree / PROVIDER_SLUG / "provider.yaml"
    assert "cqc_provider_id: 1-000000102" in provider.read_text()
    ward = wards_tree / PROVIDER_SLUG / "example-ward.yaml"
    ward.write_text(
        ward.read_text().replace(
            "  ward_phone: 01632 960123\n", "  ward_phone: 01632 960123\n  switchboard_phone: +44 1632 960999\n"
        )
        + "cqc_location_id: 1-000000102\n"
    )

    result = run_check("--today", TODAY)

    assert result.exit_code == 0, result.stdout


def test_check_finds_the_wards_from_any_folder_and_with_any_kind_of_path(tmp_path, monkeypatch) -> None:
    import shutil

    from click.testing import CliRunner

    from wardsite.cli import main

    shutil.copytree(SAMPLE_WARDS, tmp_path / "elsewhere" / "wards")
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    folder = CliRunner().invoke(main, ["check", str(tmp_path / "elsewhere" / "wards"), "--today", "2026-11-26"])
    assert folder.exit_code == 0 and "9 wards valid; 0 errors" in folder.output
    named = CliRunner().invoke(
        main, ["check", "--wards", str(tmp_path / "elsewhere" / "wards"), "--today", "2026-11-26"]
    )
    assert named.exit_code == 0 and named.output == folder.output  # --wards, as every other command takes it
    one = CliRunner().invoke(
        main,
        [
            "check",
            str(tmp_path / "elsewhere" / "wards" / "brightwater-care" / "cedar-ward.yaml"),
            "--today",
            "2026-11-26",
        ],
    )
    assert one.exit_code == 0 and "1 ward valid; 0 errors" in one.output
    monkeypatch.chdir(tmp_path)
    relative = CliRunner().invoke(main, ["check", "elsewhere/wards", "--today", "2026-11-26"])
    assert relative.exit_code == 0 and "9 wards valid; 0 errors" in relative.output
    monkeypatch.chdir(tmp_path / "elsewhere" / "wards")
    inside = CliRunner().invoke(main, ["check", ".", "--today", "2026-11-26"])
    assert inside.exit_code == 0 and "9 wards valid; 0 errors" in inside.output
