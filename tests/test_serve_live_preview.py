"""`wardsite serve`: the real server rebuilds when a ward file changes, boxes problems, never stops."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from tests.sitebuild import PINNED_TODAY, REPO, SAMPLE_WARDS
from wardsite.cli import main

HERON = Path("example-valley-nhs-ft/heron-ward.yaml")
TIMEOUT = 90  # seconds for any one change to show; a rebuild of the samples takes about one


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, process: subprocess.Popen[bytes], base: str, log: Path) -> None:
        self.process, self.base, self.log = process, base, log

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def wait_for(self, path: str, condition: Callable[[BeautifulSoup], bool], what: str) -> BeautifulSoup:
        """Poll ``path`` until ``condition`` holds for its HTML (bounded), checking the server lives."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the server stopped:\n{self.log.read_text(encoding='utf-8')}"
            status, html = self.get(path)
            if status == 200:
                soup = BeautifulSoup(html, "html.parser")
                if condition(soup):
                    return soup
            time.sleep(0.3)
        raise AssertionError(f"timed out waiting for {what} at {path}:\n{self.log.read_text(encoding='utf-8')[-3000:]}")


def h1(soup: BeautifulSoup) -> str:
    heading = soup.select_one("article h1")
    return heading.get_text(strip=True) if heading else ""


def box(soup: BeautifulSoup) -> str:
    """The text of the page's preview problem boxes (a file with only warnings gets one too)."""
    return " ".join(" ".join(found.get_text(" ").split()) for found in soup.select(".wardsite-preview-problems"))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with serving(tmp_path) as running:
        yield running


@contextlib.contextmanager
def serving(
    tmp_path: Path,
    ignoring_ctrl_c: bool = False,
    extra: tuple[str, ...] = (),
    prepare: Callable[[Path], None] | None = None,
    temp_dir: Path | None = None,
) -> Iterator[Server]:
    """`wardsite serve` on a copy of the sample wards (changed first by ``prepare``), with ``extra`` arguments;
    ``ignoring_ctrl_c`` as a shell's background job starts it."""
    wards = tmp_path / "wards"
    shutil.copytree(SAMPLE_WARDS, wards)
    if prepare is not None:
        prepare(wards)
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path), **({"TMPDIR": str(temp_dir)} if temp_dir else {})}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from wardsite.cli import main; main()",
                "serve",
                "--dev-addr",
                f"127.0.0.1:{port}",
                "--wards",
                str(wards),
                "--today",
                PINNED_TODAY,
                *extra,
            ],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if ignoring_ctrl_c else None,
        )
    try:
        yield Server(process, f"http://127.0.0.1:{port}/", log)
    finally:
        # The group of the process this test started: wardsite and its mkdocs (the test may have stopped them).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


def test_serve_rebuilds_on_a_ward_change_boxes_problems_with_line_numbers_and_keeps_running(
    server: Server, tmp_path: Path
) -> None:
    heron = tmp_path / "wards" / HERON
    server.wait_for("wards/example-valley-nhs-ft/heron-ward/", lambda s: h1(s) == "Heron Ward", "the first build")

    # 1. A change to a ward file shows up without restarting anything.
    heron.write_text(
        heron.read_text(encoding="utf-8").replace("\nname: Heron Ward\n", "\nname: Heron Ward (renamed)\n"),
        encoding="utf-8",
    )
    server.wait_for(
        "wards/example-valley-nhs-ft/heron-ward/", lambda s: h1(s) == "Heron Ward (renamed)", "the renamed ward"
    )

    # 2. A mistake: the page keeps its last good version, under a box naming the line and the fix.
    text = heron.read_text(encoding="utf-8")
    bad_line = text[: text.index("\nvisiting:\n")].count("\n") + 2
    heron.write_text(text.replace("\nvisiting:\n", "\nvistiing:\n"), encoding="utf-8")
    soup = server.wait_for("wards/example-valley-nhs-ft/heron-ward/", lambda s: "vistiing" in box(s), "the problem box")
    shown = box(soup)
    assert shown.startswith("Preview only: 1 error")
    assert (
        "in wards/example-valley-nhs-ft/heron-ward.yaml. Readers never see this box. The site will not be "
        "published until the errors are fixed." in shown
    )
    assert (
        "Below is the last version of this page that had no errors. Save the file again after fixing it to see "
        "your changes." in shown
    )
    assert (
        f"Line {bad_line}, column 1, vistiing : `vistiing` is not a field here. Fix: Did you mean `visiting`?" in shown
    )
    assert h1(soup) == "Heron Ward (renamed)"
    assert "vistiing" in box(server.wait_for("", lambda s: "vistiing" in box(s), "the box on the home page"))
    assert (
        f"wards/example-valley-nhs-ft/heron-ward.yaml:{bad_line}:1: vistiing: `vistiing` is not a field here. "
        "Fix: Did you mean `visiting`?" in server.log.read_text(encoding="utf-8")
    )

    # 3. A new ward that has never been valid gets a problem page at its own address.
    (heron.parent / "kingfisher-ward.yaml").write_text("name: Kingfisher Ward\n", encoding="utf-8")
    soup = server.wait_for(
        "wards/example-valley-nhs-ft/kingfisher-ward/",
        lambda s: h1(s) == "Problems: kingfisher-ward",
        "the new ward's problem page",
    )
    assert "This page cannot be shown until the errors are fixed." in box(soup)
    assert "Line 1, column 1, site : `site` is required but missing. Fix: Add `site:`." in box(soup)
    (heron.parent / "kingfisher-ward.yaml").unlink()

    # 4. Fixed: the box goes and the page is current again. The server never stopped.
    heron.write_text(text.replace("\nname: Heron Ward (renamed)\n", "\nname: Heron Ward (fixed)\n"), encoding="utf-8")
    soup = server.wait_for(
        "wards/example-valley-nhs-ft/heron-ward/", lambda s: h1(s) == "Heron Ward (fixed)", "the fixed page"
    )
    assert "error" not in box(soup)
    assert "kingfisher-ward" not in box(
        server.wait_for("", lambda s: "error" not in box(s), "the home page without an error box")
    )
    assert server.process.poll() is None


def test_the_problem_box_escapes_what_the_provider_wrote() -> None:
    from wardsite.problems import Problem
    from wardsite.site.preview import problem_box

    html = problem_box(
        "wards/p/w.yaml", [Problem("wards/p/w.yaml", 3, 7, "name", '"<script>alert(1)</script>" is not allowed here.')]
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("script") == []
    assert "<script>alert(1)</script>" in soup.get_text()


def test_a_provider_file_problem_is_boxed_on_the_provider_page_and_on_each_of_its_ward_pages() -> None:
    from wardsite.problems import Problem
    from wardsite.site.preview import PreviewSession

    session = PreviewSession()
    good = {
        "index.md": '---\ntitle: "Home"\n---\n# Home\n',
        "providers/p/index.md": '---\ntitle: "P"\n---\nP page\n',
        "wards/p/w/index.md": '---\ntitle: "W"\n---\nW page\n',
    }
    assert session.with_problems(good, [], {"p": ["w"]}) == good
    broken = session.with_problems(
        {"index.md": good["index.md"]},
        [Problem("wards/p/provider.yaml", 4, 1, "switchboard", "not a phone number.")],
        {"p": ["w", "never-built"]},
    )
    assert set(broken) == {"index.md", "providers/p/index.md", "wards/p/w/index.md", "wards/p/never-built/index.md"}
    assert broken["wards/p/w/index.md"].endswith("W page\n") and "Line 4, column 1" in broken["wards/p/w/index.md"]
    assert "Problems: never-built" in broken["wards/p/never-built/index.md"]
    assert "wards/p/provider.yaml" in broken["index.md"]


def test_a_second_preview_on_a_port_in_use_says_so_in_plain_words_and_names_another_port(server: Server) -> None:
    server.wait_for("", lambda soup: True, "the home page")
    port = int(server.base.rstrip("/").rsplit(":", 1)[1])
    result = CliRunner().invoke(main, ["serve", "--dev-addr", f"127.0.0.1:{port}"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Port {port} on 127.0.0.1 is already in use: another preview may still be running, in another "
        "terminal window.",
        "Stop that one (press Ctrl and C together in its window), or start this one on another port: wardsite "
        f"serve --dev-addr 127.0.0.1:{port + 1}",
    ]


@pytest.mark.parametrize("ignoring_ctrl_c", [False, True], ids=["from a terminal", "as a background job"])
def test_stopping_wardsite_serve_alone_also_stops_its_preview_server_cleanly_and_frees_the_port(
    tmp_path: Path, ignoring_ctrl_c: bool
) -> None:
    with serving(tmp_path, ignoring_ctrl_c) as server:
        server.wait_for("", lambda soup: True, "the home page")
        os.kill(server.process.pid, signal.SIGTERM)  # only wardsite, as `kill PID` or an editor's stop button does
        assert server.process.wait(timeout=30) == 0
        deadline = time.monotonic() + 30
        while server.get("")[0] != 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert server.get("")[0] == 0, "the preview server kept running after wardsite stopped"
        assert "Shutting down..." in server.log.read_text(encoding="utf-8")  # mkdocs stopped as on Ctrl+C, not killed
        assert "A 'dirty' build" not in server.log.read_text(encoding="utf-8")  # the preview's own choice, not news


def test_stopping_wardsite_and_its_preview_together_still_removes_the_previews_scratch_folder(tmp_path: Path) -> None:
    scratch = tmp_path / "temp"
    scratch.mkdir()
    with serving(tmp_path, temp_dir=scratch) as server:
        server.wait_for("", lambda soup: True, "the home page")
        assert list(scratch.glob("wardsite-preview-*")), "the preview keeps its scratch folder in the temp folder"
        os.killpg(server.process.pid, signal.SIGTERM)  # the whole group, as a service manager or a CI runner stops it
        server.process.wait(timeout=30)
        deadline = time.monotonic() + 30
        while list(scratch.glob("wardsite-preview-*")) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert list(scratch.glob("wardsite-preview-*")) == []


def _break_another_providers_ward(wards: Path) -> None:
    (wards / "brightwater-care" / "cedar-ward.yaml").write_text("name: [not closed\n", encoding="utf-8")


def test_a_preview_of_one_provider_shows_only_its_wards_and_never_reads_the_other_providers(tmp_path: Path) -> None:
    with serving(tmp_path, extra=("--provider", "example-valley-nhs-ft"), prepare=_break_another_providers_ward) as one:
        page = one.wait_for("wards/example-valley-nhs-ft/heron-ward/", lambda s: h1(s) == "Heron Ward", "Heron Ward")
        assert box(page) == ""  # the other provider's broken file was not read
        assert one.get("wards/brightwater-care/cedar-ward/")[0] == 404
        home = BeautifulSoup(one.get("")[1], "html.parser")
        assert {a["href"] for a in home.select("a[href^='providers/']")} == {"providers/example-valley-nhs-ft/"}
        assert "cedar-ward.yaml" not in one.log.read_text(encoding="utf-8")


def test_a_preview_of_a_provider_that_is_not_there_names_the_folders_there_are() -> None:
    result = CliRunner().invoke(main, ["serve", "--provider", "example-valey", "--wards", str(SAMPLE_WARDS)])
    assert result.exit_code == 2
    assert "Invalid value for --provider: there is no provider folder 'example-valey' in " in result.output
    assert "The provider folders are: brightwater-care, example-valley-nhs-ft." in " ".join(result.output.split())
