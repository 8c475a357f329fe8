"""`wardsite due`: wards due for review soon or overdue, with maintainers; and the CI recipes that send it weekly."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from click.testing import CliRunner, Result

from tests.conftest import PROVIDER_SLUG
from tests.test_guide_pages import _assert_real
from wardsite.authoring.ci import TEMPLATES, ci_template
from wardsite.cli import main

TODAY = "2027-05-20"


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _ward(folder: Path, slug: str, name: str, last_reviewed: str) -> None:
    text = (folder / "example-ward.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Example Ward", f"name: {name}").replace("2026-06-10", last_reviewed)
    (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def three_wards(wards_tree: Path) -> Path:
    """On 2027-05-20: example-ward is due 2027-06-10 (in 21 days), late-ward overdue since 2027-05-01,
    fresh-ward current."""
    folder = wards_tree / PROVIDER_SLUG
    _ward(folder, "late-ward", "Late Ward", "2026-05-01")
    _ward(folder, "fresh-ward", "Fresh Ward", "2027-01-15")
    return wards_tree


def test_due_lists_overdue_and_due_soon_wards_soonest_first_with_their_maintainers(three_wards: Path) -> None:
    result = _run("due", "--today", TODAY)
    assert result.exit_code == 0
    assert result.output == (
        "Reviews due on 2027-05-20: 2 wards due for review in the next 28 days or overdue (1 overdue).\n"
        "\n"
        "  2027-05-01  overdue by 19 days     wards/example-provider/late-ward.yaml"
        "  (@example-provider/ward-editors)\n"
        "  2027-06-10  due in 21 days         wards/example-provider/example-ward.yaml"
        "  (@example-provider/ward-editors)\n"
    )


def test_within_counts_the_due_day_itself_and_no_further(three_wards: Path) -> None:
    assert "example-ward.yaml" in _run("due", "--today", TODAY, "--within", "21").output
    assert "example-ward.yaml" not in _run("due", "--today", TODAY, "--within", "20").output
    assert "late-ward.yaml" in _run("due", "--today", TODAY, "--within", "0").output  # overdue is always listed


def test_nothing_due_says_so(wards_tree: Path) -> None:
    result = _run("due", "--today", "2026-07-01", "--within", "7")
    assert result.output == "No ward is due for review in the 7 days from 2026-07-01, and none is overdue.\n"


def test_due_as_json_gives_each_ward_its_dates_and_maintainers(three_wards: Path) -> None:
    data = json.loads(_run("due", "--today", TODAY, "--format", "json").output)
    assert data["summary"] == {"wards": 2, "overdue": 1}
    assert data["wards"][0] == {
        "ward": "Late Ward",
        "provider": "Example Provider NHS Trust",
        "file": "wards/example-provider/late-ward.yaml",
        "state": "overdue",
        "last_reviewed": "2026-05-01",
        "next_review_due": "2027-05-01",
        "days_until_due": -19,
        "maintainers": ["@example-provider/ward-editors"],
    }
    assert [w["state"] for w in data["wards"]] == ["overdue", "due_soon"]


def test_due_as_markdown_mentions_maintainers_and_keeps_ward_names_inert(three_wards: Path) -> None:
    late = three_wards / PROVIDER_SLUG / "late-ward.yaml"
    late.write_text(
        late.read_text(encoding="utf-8").replace("name: Late Ward", "name: 'Late <b>*Ward*</b> | @everyone [x](y)'")
    )
    out = _run("due", "--today", TODAY, "--format", "markdown").output
    lines = out.splitlines()
    assert lines[0] == "## Ward reviews due by 17 June 2027"
    assert lines[4] == "| Ward | Provider | Review due | When | File | Maintainers |"
    assert all(cell.strip() for cell in lines[4].strip("|").split("|")), "every column has a heading"
    assert lines[6] == (
        r"| Late &lt;b\>\*Ward\*&lt;/b\> \| \@everyone \[x\]\(y\) | Example Provider NHS Trust | 2027-05-01 | "
        "**overdue by 19 days** | `wards/example-provider/late-ward.yaml` | @example-provider/ward-editors |"
    )
    assert "<b>" not in out and "@everyone" not in out.replace(r"\@everyone", "")


def test_a_ward_file_with_errors_is_named_under_the_list_in_every_format_so_no_reminder_forgets_it(
    three_wards: Path,
) -> None:
    broken = three_wards / PROVIDER_SLUG / "broken-ward.yaml"
    good = (three_wards / PROVIDER_SLUG / "example-ward.yaml").read_text(encoding="utf-8")
    broken.write_text(good.replace("beds: 12", "beds: many"))
    text = _run("due", "--today", TODAY)
    assert text.exit_code == 0
    assert text.stdout.splitlines()[-3:] == [
        "",
        "These files have errors, so their review dates cannot be read (run `wardsite check` to see them):",
        "  wards/example-provider/broken-ward.yaml",
    ]
    assert "1 error in the ward files" in text.stderr
    markdown = _run("due", "--today", TODAY, "--format", "markdown").stdout.splitlines()
    assert markdown[-1] == r"- wards/example\-provider/broken\-ward\.yaml"
    data = json.loads(_run("due", "--today", TODAY, "--format", "json").stdout)
    assert data["unreadable_files"] == ["wards/example-provider/broken-ward.yaml"]
    assert data["summary"] == {"wards": 2, "overdue": 1}


def test_due_writes_to_a_file_when_asked(three_wards: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "due.md"
    assert _run("due", "--today", TODAY, "--format", "markdown", "--output", str(target)).output == ""
    assert target.read_text(encoding="utf-8").startswith("## Ward reviews due by")


# The CI recipes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("github-check.yml", "vendor.github-workflows"),
        ("github-due-reminder.yml", "vendor.github-workflows"),
        ("gitlab-ci.yml", "vendor.gitlab-ci"),
    ],
)
def test_each_ci_recipe_is_valid_for_its_service(name: str, schema: str, tmp_path: Path) -> None:
    target = tmp_path / name
    target.write_text(ci_template(name), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(target)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def _scripts(name: str) -> list[str]:
    """Every shell script in a recipe: GitHub steps' ``run`` and GitLab jobs' ``script`` lines."""
    data = yaml.safe_load(ci_template(name))
    if name.startswith("github"):
        return [step["run"] for job in data["jobs"].values() for step in job["steps"] if "run" in step]
    return [line for job in data.values() if isinstance(job, dict) for line in job.get("script", [])]


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_script_in_a_ci_recipe_is_valid_shell_and_runs_real_wardsite_commands(name: str) -> None:
    scripts = _scripts(name)
    assert scripts
    commands = 0
    for script in scripts:
        done = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True, check=False)
        assert done.returncode == 0, (script, done.stderr)
        joined = re.sub(r"\\\n\s*", " ", script)
        for line in joined.splitlines():
            line = line.strip()
            if line.startswith("wardsite "):
                words = [w for w in re.split(r"\s+", line.split(" >")[0].split(" ||")[0]) if w]
                _assert_real(words)
                commands += 1
    assert commands >= 2


def test_the_github_reminder_opens_one_issue_then_updates_it_then_closes_it(three_wards: Path, tmp_path: Path) -> None:
    script = next(s for s in _scripts("github-due-reminder.yml") if "gh issue" in s)
    log = tmp_path / "gh.log"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "gh"
    fake.write_text(
        f'#!/bin/sh\necho "$*" >> "{log}"\nif [ "$1 $2" = "issue list" ]; then cat "$OPEN_ISSUE"; fi\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    open_issue = tmp_path / "open.txt"
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "OPEN_ISSUE": str(open_issue),
           "LABEL": "review-reminder", "TITLE": "Ward reviews due soon or overdue"}  # fmt: skip

    def remind(today: str, open_number: str) -> list[str]:
        for fmt, out in (("markdown", "due.md"), ("json", "due.json")):
            _run("due", "--today", today, "--within", "28", "--format", fmt, "--output", out)
        open_issue.write_text(open_number, encoding="utf-8")
        log.write_text("", encoding="utf-8")
        done = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        return log.read_text(encoding="utf-8").splitlines()

    calls = remind(TODAY, "")
    assert calls[0].startswith("issue list --state open --label review-reminder")
    assert (
        calls[-1] == "issue create --title Ward reviews due soon or overdue --label review-reminder --body-file due.md"
    )
    assert remind(TODAY, "7")[-1] == "issue edit 7 --body-file due.md"
    assert remind("2026-07-01", "7")[-1].startswith("issue close 7 --comment No ward is due")
    assert len(remind("2026-07-01", "")) == 1  # nothing due and no issue open: only the look-up


class _FakeGitLab(BaseHTTPRequestHandler):
    """Just enough of GitLab's issues API: list open issues by label, create one, update one."""

    issues: ClassVar[list[dict]] = []
    seen: ClassVar[list[tuple[str, str, str]]] = []

    def _reply(self, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> dict:
        return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")

    def do_GET(self) -> None:
        self.seen.append(("GET", self.path, self.headers.get("PRIVATE-TOKEN", "")))
        self._reply([i for i in self.issues if i["state"] == "opened"][:1])

    def do_POST(self) -> None:
        body = self._body()
        self.seen.append(("POST", self.path, body["title"]))
        issue = {"iid": len(self.issues) + 1, "state": "opened", **body}
        self.issues.append(issue)
        self._reply(issue)

    def do_PUT(self) -> None:
        body = self._body()
        iid = int(self.path.rsplit("/", 1)[1])
        issue = next(i for i in self.issues if i["iid"] == iid)
        if body.get("state_event") == "close":
            issue["state"] = "closed"
        issue.update({k: v for k, v in body.items() if k != "state_event"})
        self.seen.append(("PUT", self.path, body.get("state_event", "description")))
        self._reply(issue)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_gitlab() -> Iterator[str]:
    _FakeGitLab.issues, _FakeGitLab.seen = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeGitLab)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v4"
    server.shutdown()
    server.server_close()


def test_the_gitlab_reminder_opens_one_issue_then_updates_it_then_closes_it(
    three_wards: Path, fake_gitlab: str
) -> None:
    script = next(s for s in _scripts("gitlab-ci.yml") if "python3 - <<'PY'" in s)
    env = {**os.environ, "CI_API_V4_URL": fake_gitlab, "CI_PROJECT_ID": "42", "REMINDER_TOKEN": "secret"}

    def remind(today: str) -> None:
        for fmt, out in (("markdown", "due.md"), ("json", "due.json")):
            _run("due", "--today", today, "--within", "28", "--format", fmt, "--output", out)
        done = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr

    remind(TODAY)
    remind(TODAY)
    remind("2026-07-01")
    assert [(m, p.split("?")[0]) for m, p, _ in _FakeGitLab.seen] == [
        ("GET", "/api/v4/projects/42/issues"),
        ("POST", "/api/v4/projects/42/issues"),
        ("GET", "/api/v4/projects/42/issues"),
        ("PUT", "/api/v4/projects/42/issues/1"),
        ("GET", "/api/v4/projects/42/issues"),
        ("PUT", "/api/v4/projects/42/issues/1"),
    ]
    assert _FakeGitLab.seen[0][2] == "secret"
    assert "labels=review-reminder" in _FakeGitLab.seen[0][1]
    (issue,) = _FakeGitLab.issues
    assert issue["state"] == "closed" and issue["labels"] == "review-reminder"
    assert "Late Ward" in issue["description"]
