"""`wardsite check --format github|gitlab|json`: the same findings as the text, in the shapes CI reads."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from tests.conftest import FIXTURES, PROVIDER_SLUG
from wardsite.cli import main
from wardsite.findings.check_output import CheckFindings, Finding, Kind, Level, github_commands

ROOT = Path(__file__).resolve().parents[1]
CHECK_SCHEMA = ROOT / "generator" / "wardsite" / "findings" / "check-output.schema.json"
GITLAB_SCHEMA = FIXTURES / "ci" / "gitlab-code-quality.schema.json"
HARD = (
    "Multidisciplinary interventions incorporating psychopharmacological optimisation, psychoeducational "
    "facilitation and comprehensive occupational rehabilitation are systematically individualised."
)
AFTER_DUE = "2027-07-01"  # the fixture ward was last reviewed on 2026-06-10, so it is overdue then
GITHUB_LINE = re.compile(r"^::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),title=([^:]*)::(.+)$")


@pytest.fixture
def mixed_tree(wards_tree: Path) -> Path:
    """One valid ward with hard text (1 reading-age warning, 8 missing sections) and one ward with a bad phone."""
    folder = wards_tree / PROVIDER_SLUG
    ward = folder / "example-ward.yaml"
    text = ward.read_text(encoding="utf-8")
    (folder / "second-ward.yaml").write_text(
        text.replace("name: Example Ward", "name: Second Ward").replace("01632 960123", "01632 96X 0001"),
        encoding="utf-8",
    )
    ward.write_text(text + f"description: >-\n  {HARD}\n", encoding="utf-8")
    return wards_tree


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--today", AFTER_DUE, *args], catch_exceptions=False)
    return result.exit_code, result.stdout


def test_the_text_summary_counts_every_warning_line_it_prints(mixed_tree: Path) -> None:
    code, out = _check()
    warning_lines = [line for line in out.splitlines() if ": warning: " in line]
    assert len(warning_lines) == 9  # 1 reading age + 8 missing sections, counted by hand from the fixture
    assert "1 ward valid; 1 error, 9 warnings, 1 overdue for review." in out
    assert code == 1


def test_github_format_puts_every_finding_on_its_file_line_and_column(mixed_tree: Path) -> None:
    code, out = _check("--format", "github")
    _, text = _check()
    *lines, summary = out.splitlines()
    commands = [GITHUB_LINE.match(line) for line in lines]
    assert all(commands), out
    places = {(m[2], int(m[3]), int(m[4])) for m in commands if m}
    text_places = {
        (f, int(line), int(col))
        for f, line, col in re.findall(r"^(wards/[^:]+):(\d+):(\d+): ", text, flags=re.MULTILINE)
    }
    assert text_places <= places
    levels = [(m[1], m[5]) for m in commands if m]
    assert ("error", "contact.ward_phone") in levels
    assert ("warning", "description") in levels
    assert ("error", "review.last_reviewed") in levels  # the overdue ward, on its review date's line
    assert levels.count(("warning", "staffing")) == 1
    assert summary == ("::notice title=wardsite check::1 ward valid; 1 error, 9 warnings, 1 overdue for review.")
    assert code == 1


def test_overdue_is_a_github_warning_when_allowed(mixed_tree: Path) -> None:
    _, out = _check("--format", "github", "--overdue-is-warning")
    overdue = [line for line in out.splitlines() if "Overdue for review" in line]
    assert len(overdue) == 1 and overdue[0].startswith("::warning file=wards/example-provider/example-ward.yaml,")


def test_github_commands_escape_text_that_could_end_a_command_or_start_another() -> None:
    finding = Finding(
        "wards/a,b:c.yaml", 3, 5, "name", "100% wrong\n::error file=x::forged\r", "", Level.error, Kind.problem
    )
    out = github_commands(CheckFindings(dt.date(2026, 1, 1), (finding,), (), False))
    first = out.splitlines()[0]
    assert first == (
        "::error file=wards/a%2Cb%3Ac.yaml,line=3,col=5,title=name::100%25 wrong%0A::error file=x::forged%0D"
    )
    assert len(out.splitlines()) == 2  # the finding and the summary, nothing forged


def test_gitlab_format_is_a_code_quality_report_gitlab_accepts(mixed_tree: Path) -> None:
    code, out = _check("--format", "gitlab")
    issues = json.loads(out)
    jsonschema.validate(issues, json.loads(GITLAB_SCHEMA.read_text(encoding="utf-8")))
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    by_check = {}
    for issue in issues:
        by_check.setdefault(issue["check_name"], []).append(issue)
    assert len(by_check["wardsite/missing_section"]) == 8
    assert [i["severity"] for i in by_check["wardsite/overdue"]] == ["major"]
    phone = [i for i in by_check["wardsite/problem"] if i["description"].startswith("contact.ward_phone:")]
    assert phone[0]["severity"] == "major"
    assert phone[0]["location"] == {"path": "wards/example-provider/second-ward.yaml", "lines": {"begin": 7}}
    assert code == 1


def test_a_finding_keeps_its_gitlab_fingerprint_when_lines_above_it_move(mixed_tree: Path) -> None:
    before = {i["description"]: i["fingerprint"] for i in json.loads(_check("--format", "gitlab")[1])}
    second = mixed_tree / PROVIDER_SLUG / "second-ward.yaml"
    second.write_text("# a comment moves every line down\n" + second.read_text(encoding="utf-8"), encoding="utf-8")
    after = {i["description"]: i["fingerprint"] for i in json.loads(_check("--format", "gitlab")[1])}
    phone = next(d for d in before if d.startswith("contact.ward_phone:"))
    assert after[phone] == before[phone]


def test_json_format_validates_against_its_published_schema_and_agrees_with_the_text(mixed_tree: Path) -> None:
    code, out = _check("--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, json.loads(CHECK_SCHEMA.read_text(encoding="utf-8")))
    assert data["summary"] == {
        "wards": 1,
        "errors": 1,
        "warnings": 9,
        "missing_sections": 8,
        "overdue": 1,
        "due_soon": 0,
    }
    assert data["passed"] is False and code == 1
    assert data["wards"] == [
        {
            "file": "wards/example-provider/example-ward.yaml",
            "state": "overdue",
            "last_reviewed": "2026-06-10",
            "next_review_due": "2027-06-10",
            "days_until_due": -21,
        }
    ]


def test_every_format_exits_0_on_a_clean_tree(wards_tree: Path) -> None:
    for output_format in ("text", "github", "gitlab", "json"):
        result = CliRunner().invoke(main, ["check", "--today", "2026-11-26", "--format", output_format])
        assert result.exit_code == 0, (output_format, result.output)
    data = json.loads(CliRunner().invoke(main, ["check", "--today", "2026-11-26", "--format", "json"]).stdout)
    assert data["passed"] is True and data["summary"]["errors"] == 0
