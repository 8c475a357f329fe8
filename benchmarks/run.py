"""Measure wardsite at national scale and print each figure beside its reference. Run: ``python benchmarks/run.py``.

For each size N (default 200 and 2,000 wards) it writes a synthetic dataset
(``wardsite synthetic``) into a temporary folder and prints one table (Markdown) of the median of
``--runs`` runs of each figure, the reference it is measured against, the ratio to it, and the
target from issue 13 where there is one, met or not:

- ``wardsite check``: the first run (empty cache, as on a fresh machine), in wall and CPU seconds,
  against the floor: PyYAML's CSafeLoader and pydantic validating the same files (the load alone,
  imports not counted); a run with nothing changed since the last one; runs after one ward file
  was edited (a short fact, or free text, whose reading age is then scored again); and the loading
  a build does after check kept what it read, against loading with nothing kept (CPU);
- ``wardsite build`` of the whole site with this repo's mkdocs.yml from an empty cache folder (wall
  time and peak memory of the whole process tree), against Hugo writing the same pages (below) and
  against a plain MkDocs + Material site of hand-written Markdown pages with the same count and the
  same visible text (taken from each page we built) and the same small navigation; rebuilds with
  the cache folder kept, with nothing changed and after one ward file was edited, as shares of it;
- sizes: total output, the largest page, the largest and median ward page, the home page and the
  search index (raw and gzipped);
- live preview: ``wardsite serve --provider`` of the provider with the most wards, and ``wardsite
  serve`` of the whole site, on 127.0.0.1: start-up, then one ward file edited and the served page
  polled until the edit shows (the server settles between edits; at least 5 edits).

The Hugo reference: Debian's ``hugo`` (``apt-get install hugo``) builds a site whose pages are our
built pages, byte for byte (see ``write_hugo``), on the same disk, median of at least 3 runs; the
benchmark checks that Hugo's output is our site file for file. Without Hugo the table says so.

``--markdown README.md`` puts each size's table into the README between its markers.

Not a test: timings depend on the machine. Needs the test extras (BeautifulSoup).
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import http.client
import json
import multiprocessing
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-26"
KB = 1024
MB = 1024 * 1024


# --- measuring processes ------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid``, read from /proc (Linux)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


@dataclass
class Run:
    """One finished command: wall time, CPU seconds (its own and its waited-for children's), peak memory
    of its process tree, output."""

    seconds: float
    peak_bytes: int
    returncode: int
    output: str
    cpu_seconds: float = 0.0


def run_measured(command: list[str], env: dict[str, str], cwd: Path | None = None, timeout: float = 3600) -> Run:
    """Run ``command``, sampling the summed resident memory of it and its children every 50 ms."""
    before = os.times()
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_rss(p) for p in [process.pid, *_children(process.pid)]))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        output, _ = process.communicate(timeout=timeout)
    finally:
        done.set()
        sampler.join()
    seconds, after = time.perf_counter() - start, os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return Run(seconds, peak, process.returncode, output, cpu)


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WARDSITE_TODAY": TODAY, **extra}
    env.pop("WARDSITE_PAGES_GENERATED", None)
    return env


def _wardsite() -> list[str]:
    return [sys.executable, "-m", "wardsite.cli"] if not shutil.which("wardsite") else ["wardsite"]


# --- the steps ----------------------------------------------------------------------------


def make_dataset(n: int, out: Path) -> None:
    made = subprocess.run(
        [*_wardsite(), "synthetic", "--wards", str(n), "--out", str(out), "--seed", "1", "--today", TODAY],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0:
        raise SystemExit(f"wardsite synthetic failed:\n{made.stdout}{made.stderr}")


def time_check(work: Path, cache: Path, runs: int, warm: bool) -> list[Run]:
    """``wardsite check wards`` from ``work``; the cache is emptied before each cold run."""
    times = []
    env = _env(WARDSITE_CACHE_DIR=str(cache))
    if warm:
        run_measured([*_wardsite(), "check", "wards", "--today", TODAY, "--overdue-is-warning"], env, cwd=work)
    for _ in range(runs):
        if not warm:
            shutil.rmtree(cache, ignore_errors=True)
        result = run_measured([*_wardsite(), "check", "wards", "--today", TODAY, "--overdue-is-warning"], env, cwd=work)
        if result.returncode != 0:
            raise SystemExit(f"wardsite check failed:\n{result.output[-3000:]}")
        times.append(result)
    return times


# Two kinds of edit: one to a short fact (no free text changes, so no reading age is scored),
# and one to free text (which is scored again, loading textstat first).
FACT_EDIT = ("ward_phone_hours: 24 hours", "ward_phone_hours: 24 hours a day")
TEXT_EDIT = ("ward_type_explained: ", "ward_type_explained: Please ask us anything. ")


def time_check_after_edit(work: Path, cache: Path, runs: int, edit: tuple[str, str]) -> list[float]:
    """``wardsite check wards`` after one ward file changed since the last run (its folder is read again)."""
    env = _env(WARDSITE_CACHE_DIR=str(cache))
    command = [*_wardsite(), "check", "wards", "--today", TODAY, "--overdue-is-warning"]
    run_measured(command, env, cwd=work)
    ward_files = sorted(p for p in (work / "wards").rglob("*.yaml") if p.name != "provider.yaml")
    times = []
    for i in range(runs):
        ward = ward_files[(i * 7919 + 13) % len(ward_files)]
        text = ward.read_text(encoding="utf-8")
        assert edit[0] in text, ward
        ward.write_text(text.replace(*edit, 1), encoding="utf-8")
        try:
            result = run_measured(command, env, cwd=work)
        finally:
            ward.write_text(text, encoding="utf-8")
        if result.returncode != 0:
            raise SystemExit(f"wardsite check failed:\n{result.output[-3000:]}")
        times.append(result.seconds)
    return times


# --- loading: CPU seconds, each figure paired with its reference in the same run ------------------
# Wall times on a shared machine follow everyone else's load; the CPU time a process (and its
# worker processes) spent is what this code costs, so these figures are CPU seconds.

_LOAD_SCRIPT = """
import json, resource, sys, time
from pathlib import Path
def cpu():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
mode, wards = sys.argv[1], Path(sys.argv[2])
import yaml
from pydantic import ValidationError
from wardsite.loading.cache import LoadCache
from wardsite.loading.catalogue import load_catalogue
from wardsite.model import Provider, Ward
start, wall = cpu(), time.perf_counter()  # after the imports: the load itself
if mode == "floor":  # PyYAML's C loader and pydantic on the same files, nothing else
    for path in sorted(wards.rglob("*.yaml")):
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        try:
            (Provider if path.name == "provider.yaml" else Ward).model_validate(data)
        except ValidationError:
            pass
else:
    result = load_catalogue(wards, LoadCache(Path(sys.argv[3])) if mode == "kept" else None)
    assert len(result.catalogue.wards) > 0
print(json.dumps([cpu() - start, time.perf_counter() - wall]))
"""


def time_loads(wards: Path, cache: Path, runs: int) -> dict[str, list[tuple[float, float]]]:
    """CPU and wall seconds, imports not counted, of: loading every ward file with nothing kept
    (``plain``); loading them after ``wardsite check`` kept what it read in ``cache``, as ``wardsite
    build`` does after check in CI (``kept``); and the floor, PyYAML's C loader and pydantic on the same
    files (``floor``)."""
    found: dict[str, list[tuple[float, float]]] = {"plain": [], "kept": [], "floor": []}
    for _ in range(runs):
        for mode in found:
            done = subprocess.run(
                [sys.executable, "-c", _LOAD_SCRIPT, mode, str(wards), str(cache)],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                raise SystemExit(f"loading ({mode}) failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
            cpu, wall = json.loads(done.stdout)
            found[mode].append((cpu, wall))
    return found


def build_ours(wards: Path, site: Path, cache: Path, fresh: bool = True) -> Run:
    """``wardsite build`` of the whole site: from an empty cache folder (a CI build on a fresh machine), or
    with the cache folder the last build left (a CI that keeps it between runs)."""
    if fresh:
        shutil.rmtree(cache, ignore_errors=True)
    command = [
        *_wardsite(),
        "build",
        "--wards",
        str(wards.resolve()),
        "--config-file",
        str(REPO / "mkdocs.yml"),
        "--site-dir",
        str(site),
        "--today",
        TODAY,
    ]
    result = run_measured(command, _env(WARDSITE_CACHE_DIR=str(cache)), cwd=site.parent)
    if result.returncode != 0:
        raise SystemExit(f"wardsite build failed:\n{result.output[-3000:]}")
    return result


def rebuild_after_edit(wards: Path, site: Path, cache: Path, runs: int) -> list[float]:
    """``wardsite build`` with the cache kept, after one ward file changed since the last build."""
    ward_files = sorted(p for p in wards.rglob("*.yaml") if p.name != "provider.yaml")
    times = []
    for i in range(runs):
        ward = ward_files[(i * 7919 + 13) % len(ward_files)]
        text = ward.read_text(encoding="utf-8")
        assert FACT_EDIT[0] in text, ward
        ward.write_text(text.replace(*FACT_EDIT, 1), encoding="utf-8")
        try:
            times.append(build_ours(wards, site, cache, fresh=False).seconds)
        finally:
            ward.write_text(text, encoding="utf-8")
    return times


def build_baseline(project: Path, site: Path) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--config-file",
        str(project / "mkdocs.yml"),
        "--site-dir",
        str(site),
        "--quiet",
    ]
    result = run_measured(command, _env())
    if result.returncode != 0:
        raise SystemExit(f"baseline build failed:\n{result.output[-3000:]}")
    return result


# --- the baseline site --------------------------------------------------------------------

_BLOCKS = {
    "h1": "# ",
    "h2": "## ",
    "h3": "### ",
    "h4": "#### ",
    "h5": "##### ",
    "p": "",
    "li": "- ",
    "tr": "- ",
    "dt": "- ",
    "dd": "",
    "figcaption": "",
    "caption": "**",
}


def page_as_markdown(html: str) -> str:
    """The visible text of a built page's article as plain Markdown: headings, paragraphs, lists."""
    from bs4 import BeautifulSoup

    start, end = html.find("<article"), html.rfind("</article>")
    title_start, title_end = html.find("<title>"), html.find("</title>")
    head = html[title_start : title_end + len("</title>")] if title_start >= 0 else ""
    soup = BeautifulSoup(head + (html[start : end + len("</article>")] if start >= 0 else html), "html.parser")
    article = soup.select_one("article") or soup
    for hidden in article.select("script, style, [hidden]"):
        hidden.decompose()
    title = soup.title.get_text(strip=True).split(" - ")[0] if soup.title else "Page"
    lines = [f"---\ntitle: {title!r}\n---\n"]
    for element in article.find_all(list(_BLOCKS)):
        if element.find(list(_BLOCKS)):
            continue  # a container: its inner blocks are written instead
        text = " ".join(element.get_text(" ").split()).replace("<", "&lt;")
        if text:
            prefix = _BLOCKS[element.name]
            lines.append(f"{prefix}{text}{'**' if prefix == '**' else ''}\n")
    return "\n".join(lines)


BASELINE_CONFIG = """\
site_name: Baseline
use_directory_urls: true
nav:
  - Home: index.md
not_in_nav: |
  /*/
theme:
  name: material
  language: en
  features:
    - navigation.sections
    - search.suggest
plugins:
  - search:
      lang: en
"""


def write_baseline(site: Path, project: Path) -> int:
    """A plain MkDocs project with one Markdown page for every HTML page of ``site``."""
    shutil.rmtree(project, ignore_errors=True)
    docs = project / "docs"
    pages = sorted(site.rglob("index.html"))
    with multiprocessing.Pool() as pool:
        texts = pool.map(_page_file_as_markdown, pages, chunksize=64)
    for page, text in zip(pages, texts, strict=False):
        target = docs / page.parent.relative_to(site) / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    return len(pages)


def _page_file_as_markdown(page: Path) -> str:
    return page_as_markdown(page.read_text(encoding="utf-8"))


# --- the Hugo reference ---------------------------------------------------------------------
# The same final pages in the same page shell, written by Hugo on the same disk: every built HTML
# page becomes a content file holding the page's whole HTML (after a front matter that gives its
# address), and every layout writes a page's content out unchanged; every other file of our site
# (styles, scripts, images, search index, open data) is Hugo's static folder, copied as it is.
# Hugo's output is then our site, byte for byte, which the benchmark checks after each build.

HUGO_MISSING = "Hugo: not installed (apt-get install hugo)"
HUGO_CONFIG = """\
baseURL = "/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section"]
disablePathToLower = true
"""
HUGO_RAW_LAYOUT = "{{ .RawContent | safeHTML }}"  # no newline after it: the page's bytes, nothing added


def write_hugo(site: Path, project: Path) -> int:
    """A Hugo project whose build is ``site``: one content file per HTML page, the rest as static files.
    Returns the number of pages."""
    shutil.rmtree(project, ignore_errors=True)
    content, static = project / "content", project / "static"
    content.mkdir(parents=True)
    static.mkdir()
    for layout in ("index.html", "_default/single.html", "_default/list.html"):
        (project / "layouts" / layout).parent.mkdir(parents=True, exist_ok=True)
        (project / "layouts" / layout).write_text(HUGO_RAW_LAYOUT, encoding="utf-8")
    (project / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    pages = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site)
        if path.suffix != ".html":
            (static / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, static / relative)
            continue
        pages += 1
        if relative == Path("index.html"):  # the home page
            target, front = content / "_index.html", "---\n---\n"
        else:  # a regular page, written where its front matter says: /wards/x/y/ or /404.html
            url = f"/{relative.parent.as_posix()}/" if path.name == "index.html" else f"/{relative.as_posix()}"
            target, front = content / f"page{pages:06d}.html", f"---\nurl: {json.dumps(url)}\n---\n"
        target.write_bytes(front.encode("utf-8") + path.read_bytes())
    return pages


def build_hugo(project: Path, out: Path) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    hugo = shutil.which("hugo")
    assert hugo, HUGO_MISSING
    return run_measured([hugo, "--quiet", "--source", str(project), "--destination", str(out)], _env())


def differing_files(ours: Path, theirs: Path) -> list[str]:
    """The files that are not in both trees with the same bytes (Hugo's output against our site)."""

    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    mine, other = files(ours), files(theirs)
    return sorted((mine ^ other) | {f for f in mine & other if not filecmp.cmp(ours / f, theirs / f, shallow=False)})


# --- sizes ----------------------------------------------------------------------------------


@dataclass
class Sizes:
    total: int = 0
    files: int = 0
    largest_page: tuple[int, str] = (0, "")
    largest_ward: tuple[int, str] = (0, "")
    median_ward: float = 0
    home: int = 0
    search: int = 0
    search_gzip: int = 0


def measure_sizes(site: Path) -> Sizes:
    sizes = Sizes()
    ward_sizes = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        sizes.total += size
        sizes.files += 1
        if path.name == "index.html":
            relative = str(path.parent.relative_to(site))
            sizes.largest_page = max(sizes.largest_page, (size, relative))
            parts = path.parent.relative_to(site).parts
            if len(parts) == 3 and parts[0] == "wards":  # wards/<provider>/<ward>/
                ward_sizes.append(size)
                sizes.largest_ward = max(sizes.largest_ward, (size, relative))
    sizes.median_ward = statistics.median(ward_sizes) if ward_sizes else 0
    sizes.home = (site / "index.html").stat().st_size
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = index.read_bytes()
        sizes.search = len(data)
        sizes.search_gzip = len(gzip.compress(data))
    return sizes


# --- live preview ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", errors="replace")
    except OSError:
        return 0, ""
    finally:
        connection.close()


def _wait_for(check: Callable[[], bool], timeout: float, every: float = 0.05) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(every)
    return None


def _builds(log_file: Path) -> int:
    """How many rebuilds the server has finished, from its log (MkDocs logs a repeated message only once)."""
    return log_file.read_text(encoding="utf-8", errors="replace").count("Reloading browsers")


def time_live_preview(
    wards: Path,
    cache: Path,
    runs: int,
    log_file: Path,
    provider: str | None = None,
    startup_timeout: float = 1800,
    edit_timeout: float = 600,
) -> tuple[float | None, list[float]]:
    """Start ``wardsite serve`` (of one provider's wards with ``provider``, as ``--provider``); return its
    start-up time and, per edit, seconds until the page shows it."""
    port = _free_port()
    log = log_file.open("w+", encoding="utf-8")
    env = _env(WARDSITE_CACHE_DIR=str(cache))
    server = subprocess.Popen(
        [
            *_wardsite(),
            "serve",
            "--config-file",
            str(REPO / "mkdocs.yml"),
            "--wards",
            str(wards.resolve()),
            "--dev-addr",
            f"127.0.0.1:{port}",
            *(["--provider", provider] if provider else []),
        ],
        env=env,
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    ward_files = sorted(p for p in (wards / (provider or "")).rglob("*.yaml") if p.name != "provider.yaml")
    try:
        startup = _wait_for(lambda: _get(port, "/")[0] == 200, startup_timeout, every=0.5)
        if startup is None:
            log.seek(0)
            raise SystemExit(f"wardsite serve did not start:\n{log.read()[-3000:]}")
        times = []
        for i in range(runs):
            ward = ward_files[(i * 7919) % len(ward_files)]
            url = f"/wards/{ward.parent.name}/{ward.stem}/"  # a ward's page is under its provider
            token = f"benchmark edit {i} {time.time_ns()}"
            text = ward.read_text(encoding="utf-8")
            edited = text.replace("ward_phone_hours: 24 hours", f"ward_phone_hours: 24 hours ({token})", 1)
            assert edited != text, ward
            builds = _builds(log_file)
            ward.write_text(edited, encoding="utf-8")
            seen = _wait_for(lambda token=token, url=url: token in _get(port, url)[1], edit_timeout)
            times.append(seen if seen is not None else float("inf"))
            # Settle before the next edit: the quick rebuild, then the one that brings the
            # lists and data up to date once the background render has finished.
            _wait_for(lambda builds=builds: _builds(log_file) >= builds + 2, 300, every=0.25)
            time.sleep(1)
        return startup, times
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


# --- the report -----------------------------------------------------------------------------


@dataclass
class Result:
    n: int
    load_at_start: float = 0.0
    check_cold: list[Run] = field(default_factory=list)
    check_warm: list[Run] = field(default_factory=list)
    check_edited: list[float] = field(default_factory=list)
    check_text_edited: list[float] = field(default_factory=list)
    loads: dict[str, list[tuple[float, float]]] = field(default_factory=dict)  # CPU and wall seconds
    build: list[float] = field(default_factory=list)
    build_peak: list[int] = field(default_factory=list)
    build_cpu: list[float] = field(default_factory=list)
    rebuild: list[float] = field(default_factory=list)
    rebuild_edited: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    baseline_pages: int = 0
    hugo: list[float] = field(default_factory=list)  # empty: Hugo is not installed
    hugo_cpu: list[float] = field(default_factory=list)
    hugo_pages: int = 0
    hugo_differs: list[str] = field(default_factory=list)  # files where Hugo's output is not our site's
    hugo_failed: list[str] = field(default_factory=list)  # the last line Hugo printed, when it failed
    sizes: Sizes = field(default_factory=Sizes)
    preview_startup: float | None = None
    preview: list[float] = field(default_factory=list)
    provider: str = ""
    provider_wards: int = 0
    provider_startup: float | None = None
    provider_preview: list[float] = field(default_factory=list)


def median(values: Iterable[float]) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def _kb(n: float) -> str:
    return f"{n / KB:,.0f} KB"


def _mb(n: float) -> str:
    return f"{n / MB:,.1f} MB"


def _s(n: float | None) -> str:
    return "–" if n is None or n != n else ("timed out" if n == float("inf") else f"{n:.2f} s")


def _times(a: float | None, b: float | None) -> str:
    return "–" if a is None or b is None or a != a or b != b or not b else f"{a / b:.2f}×"


def _share(a: float, b: float) -> str:
    return "–" if a != a or b != b or not b else f"{a / b:.0%}"


def _spread(times: list[float]) -> str:
    return f"{_s(median(times))} ({_s(min(times))}–{_s(max(times))})" if times else "–"


@dataclass
class Row:
    """One line of the table: a figure, what it is measured against, the ratio, and the issue's target."""

    measure: str
    figure: str
    reference: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None  # None: no target, or nothing to judge it by

    def cells(self) -> list[str]:
        verdict = "" if not self.target else "–" if self.met is None else "met" if self.met else "not met"
        cells = [self.measure, self.figure, self.reference, self.ratio, self.target, verdict]
        return [cell.replace("|", "\\|") for cell in cells]  # a | in a cell would end it


def rows(r: Result) -> list[Row]:
    """The figures of one size, each beside its reference and the issue's target (issue 13)."""
    found: list[Row] = []
    if r.check_cold:
        cold, cold_cpu = median(x.seconds for x in r.check_cold), median(x.cpu_seconds for x in r.check_cold)
        warm = median(x.seconds for x in r.check_warm)
        floor_cpu, floor = (median(x[i] for x in r.loads.get("floor", [])) for i in (0, 1))
        plain_cpu, kept_cpu = (median(x[0] for x in r.loads.get(k, [])) for k in ("plain", "kept"))
        edited, text_edited = median(r.check_edited), median(r.check_text_edited)
        found += [
            Row(
                "`wardsite check`, empty cache (wall)",
                _s(cold),
                f"floor: {_s(floor)}",
                _times(cold, floor),
                "≤ 1.5 s",
                cold <= 1.5,
            ),
            Row(
                "`wardsite check`, empty cache (CPU, with its workers)",
                _s(cold_cpu),
                f"floor: {_s(floor_cpu)} CPU",
                _times(cold_cpu, floor_cpu),
                "≤ 0.5× floor",
                None if floor_cpu != floor_cpu else cold_cpu <= 0.5 * floor_cpu,
            ),
            Row(
                "`wardsite check`, nothing changed since the last run",
                _s(warm),
                f"empty cache: {_s(cold)}",
                _times(warm, cold),
                "≤ 0.3 s",
                warm <= 0.3,
            ),
            Row(
                "`wardsite check`, nothing changed since the last run (CPU)",
                _s(median(x.cpu_seconds for x in r.check_warm)),
                f"empty cache: {_s(cold_cpu)} CPU",
                _times(median(x.cpu_seconds for x in r.check_warm), cold_cpu),
            ),
            Row(
                "`wardsite check`, one ward's phone hours edited since the last run",
                _s(edited),
                f"empty cache: {_s(cold)}",
                _times(edited, cold),
            ),
            Row(
                "`wardsite check`, one ward's free text edited since the last run",
                _s(text_edited),
                f"empty cache: {_s(cold)}",
                _times(text_edited, cold),
            ),
            Row(
                "Loading after `wardsite check` kept what it read (a build after check; CPU)",
                _s(kept_cpu),
                f"nothing kept: {_s(plain_cpu)} CPU",
                _times(kept_cpu, plain_cpu),
            ),
        ]
    if r.build:
        build = median(r.build)
        if not r.hugo:
            missing = f"Hugo failed: {r.hugo_failed[0][:100]}" if r.hugo_failed else HUGO_MISSING
            hugo = Row("Full site build (`wardsite build`, empty cache folder)", _s(build), missing, "–", "≤ 4× Hugo")
        else:
            pages = f"the same {r.hugo_pages:,} pages"
            if r.hugo_differs:  # not our site after all: no fair reference, so no verdict
                pages = f"{r.hugo_pages:,} pages, its output not ours in {len(r.hugo_differs):,} files"
            ratio = build / median(r.hugo)
            hugo = Row(
                "Full site build (`wardsite build`, empty cache folder)",
                _s(build),
                f"Hugo, {pages}: {_s(median(r.hugo))}",
                f"{ratio:.1f}×",
                "≤ 4× Hugo",
                None if r.hugo_differs else ratio <= 4,
            )
        found += [
            hugo,
            Row(
                "Full site build (CPU, with its workers)",
                _s(median(r.build_cpu)),
                f"Hugo: {_s(median(r.hugo_cpu))} CPU" if r.hugo else "–",
                _times(median(r.build_cpu), median(r.hugo_cpu)) if r.hugo else "–",
            ),
            Row(
                "Full site build against a plain MkDocs + Material site",
                _s(build),
                f"baseline, {r.baseline_pages:,} pages: {_s(median(r.baseline))}",
                _times(build, median(r.baseline)),
            ),
            Row(
                "Rebuild, nothing changed (cache folder kept)",
                _s(median(r.rebuild)),
                f"full build: {_s(build)}",
                _share(median(r.rebuild), build),
                "≤ 25%",
                median(r.rebuild) <= 0.25 * build,
            ),
            Row(
                "Rebuild, one ward edited (cache folder kept)",
                _s(median(r.rebuild_edited)),
                f"full build: {_s(build)}",
                _share(median(r.rebuild_edited), build),
                "≤ 30%",
                median(r.rebuild_edited) <= 0.30 * build,
            ),
            Row(
                "Peak memory of the full build, process tree",
                _mb(median(r.build_peak)),
                target="< 1 GB",
                met=median(r.build_peak) < 1024 * MB,
            ),
            Row(
                "Largest page",
                f"{_kb(r.sizes.largest_page[0])} ({r.sizes.largest_page[1]})",
                target="≤ 300 KB",
                met=r.sizes.largest_page[0] <= 300 * KB,
            ),
            Row("Largest ward page", _kb(r.sizes.largest_ward[0])),
            Row("Median ward page", _kb(r.sizes.median_ward)),
            Row("Home page", _kb(r.sizes.home)),
            Row("Search index (gzipped)", f"{_kb(r.sizes.search)} ({_kb(r.sizes.search_gzip)})"),
            Row("Total output (files)", f"{_mb(r.sizes.total)} ({r.sizes.files:,})"),
        ]
    if r.preview_startup is not None or r.provider_startup is not None:
        one = f"`serve --provider`, {r.provider_wards:,} wards"
        found += [
            Row(
                f"Live preview of one provider ({one}): start-up",
                _s(r.provider_startup),
                f"whole site: {_s(r.preview_startup)}",
                _times(r.provider_startup, r.preview_startup),
                "≤ 10 s",
                None if r.provider_startup is None else r.provider_startup <= 10,
            ),
            Row(
                "Live preview of the whole site: start-up (no target: `--provider` is the quick start)",
                _s(r.preview_startup),
                f"full build: {_s(median(r.build))}",
                _times(r.preview_startup, median(r.build)),
            ),
            Row(
                "Live preview of one provider: edit a ward until its page shows it, median (fastest–slowest)",
                _spread(r.provider_preview),
                target="≤ 2 s",
                met=median(r.provider_preview) <= 2 if r.provider_preview else None,
            ),
            Row(
                "Live preview of the whole site: edit a ward until its page shows it, median (fastest–slowest)",
                _spread(r.preview),
                target="≤ 2 s",
                met=median(r.preview) <= 2 if r.preview else None,
            ),
        ]
    return found


def table(r: Result) -> str:
    lines = [
        f"| N = {r.n:,} | Figure | Reference | Ratio | Target | Met? |",
        "| --- | ---: | --- | ---: | --- | --- |",
    ]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows(r)]
    return "\n".join(lines)


def machine() -> str:
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / MB / 1024
    hugo_path = shutil.which("hugo")
    hugo = "no Hugo"
    if hugo_path:  # "hugo v0.111.3+extended linux/amd64 ...": its name and version
        hugo = " ".join(subprocess.run([hugo_path, "version"], capture_output=True, text=True).stdout.split()[:2])
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GB RAM, Python {platform.python_version()}, "
        f"{platform.system()}, {hugo}"
    )


def _marker(n: int) -> tuple[str, str]:
    return f"<!-- benchmarks/run.py N={n} -->", f"<!-- end benchmarks/run.py N={n} -->"


def report(result: Result, runs: int) -> str:
    """One size's table with what it was measured on, between markers that ``--markdown`` finds again."""
    begin, end = _marker(result.n)
    when = time.strftime("%d %B %Y", time.gmtime()).lstrip("0")
    counts = [f"Hugo: {len(result.hugo)} runs"] if result.hugo else []
    counts += [f"live preview: {len(result.preview)} edits each"] if result.preview else []
    edits = f" ({'; '.join(counts)})" if counts else ""
    return (
        f"{begin}\n"
        f"Median of {runs} run{'s' if runs != 1 else ''}{edits} at {result.n:,} wards "
        f"on {when}: {machine()}; load average {result.load_at_start:.1f} at the start and "
        f"{os.getloadavg()[0]:.1f} at the end.\n\n{table(result)}\n{end}"
    )


def write_markdown(path: Path, reports: dict[int, str]) -> None:
    """Write the tables to ``path``; if it exists (the README), replace each size's table between its
    markers and leave the rest of the file alone."""
    if not path.exists():
        path.write_text("\n\n".join(reports.values()) + "\n", encoding="utf-8")
        return
    text = path.read_text(encoding="utf-8")
    for n, block in reports.items():
        begin, end = _marker(n)
        if begin not in text or end not in text:
            raise SystemExit(f"{path} has no table for N={n}: put the lines {begin} and {end} where it goes.")
        text = text[: text.index(begin)] + block + text[text.index(end) + len(end) :]
    path.write_text(text, encoding="utf-8")


def largest_provider(wards: Path) -> tuple[str, int]:
    """The provider folder with the most ward files (the slowest ``serve --provider``) and its count."""
    counts = [(sum(1 for p in d.glob("*.yaml") if p.name != "provider.yaml"), d.name) for d in wards.iterdir()]
    count, name = max(counts, key=lambda c: (c[0], c[1]))
    return name, count


def bench(n: int, runs: int, root: Path, serve: bool, loads_only: bool, log: Callable[[str], None]) -> Result:
    result = Result(n, load_at_start=os.getloadavg()[0])
    work = root / f"n{n}"
    wards = work / "wards"
    cache = work / "cache"
    make_dataset(n, wards)
    log(f"N={n}: dataset written")
    result.check_cold = time_check(work, cache, runs, warm=False)
    result.check_warm = time_check(work, cache, runs, warm=True)
    result.loads = time_loads(wards, cache, runs)
    log(f"N={n}: loading (CPU, wall) {result.loads}")
    result.check_edited = time_check_after_edit(work, cache, runs, FACT_EDIT)
    result.check_text_edited = time_check_after_edit(work, cache, runs, TEXT_EDIT)
    log(
        f"N={n}: check cold {median(r.seconds for r in result.check_cold):.2f} s, warm "
        f"{median(r.seconds for r in result.check_warm):.2f} s, after an edit {median(result.check_edited):.2f} s, "
        f"after a text edit {median(result.check_text_edited):.2f} s"
    )
    if loads_only:
        return result
    site = work / "site"
    for _ in range(runs):
        built = build_ours(wards, site, cache)
        result.build.append(built.seconds)
        result.build_peak.append(built.peak_bytes)
        result.build_cpu.append(built.cpu_seconds)
        log(f"N={n}: build {built.seconds:.1f} s, peak {_mb(built.peak_bytes)}")
    for _ in range(runs):
        result.rebuild.append(build_ours(wards, site, cache, fresh=False).seconds)
    result.rebuild_edited = rebuild_after_edit(wards, site, cache, runs)
    log(f"N={n}: rebuild, nothing changed {result.rebuild}; one ward edited {result.rebuild_edited}")
    result.sizes = measure_sizes(site)
    if shutil.which("hugo"):
        result.hugo_pages = write_hugo(site, work / "hugo")
        for _ in range(max(runs, 3)):  # a few seconds at most: three runs steady the median
            hugo = build_hugo(work / "hugo", work / "hugo-site")
            if hugo.returncode != 0:  # the table says so; the other figures are still worth having
                result.hugo, result.hugo_failed = [], hugo.output.strip().splitlines()[-1:] or ["no message"]
                log(f"N={n}: Hugo failed:\n{hugo.output[-3000:]}")
                break
            result.hugo.append(hugo.seconds)
            result.hugo_cpu.append(hugo.cpu_seconds)
            result.hugo_differs = differing_files(site, work / "hugo-site")
            log(
                f"N={n}: Hugo ({result.hugo_pages} pages) {result.hugo[-1]:.2f} s; its output differs from ours in "
                f"{len(result.hugo_differs)} files {result.hugo_differs[:5]}"
            )
    else:
        log(f"N={n}: {HUGO_MISSING}")
    result.baseline_pages = write_baseline(site, work / "baseline")
    for _ in range(runs):
        plain = build_baseline(work / "baseline", work / "baseline-site")
        result.baseline.append(plain.seconds)
        log(f"N={n}: baseline ({result.baseline_pages} pages) {plain.seconds:.1f} s")
    if serve:
        result.provider, result.provider_wards = largest_provider(wards)
        for provider in (result.provider, None):
            serve_wards = work / f"serve-wards-{provider or 'all'}"
            shutil.copytree(wards, serve_wards)
            startup, edits = time_live_preview(
                serve_wards,
                work / f"serve-cache-{provider or 'all'}",
                max(runs, 5),
                work / f"serve-{provider or 'all'}.log",
                provider,
            )
            if provider:
                result.provider_startup, result.provider_preview = startup, edits
            else:
                result.preview_startup, result.preview = startup, edits
            log(
                f"N={n}: preview of {provider or 'the whole site'} start-up {_s(startup)}, "
                f"edits {[round(t, 2) for t in edits]}"
            )
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[200, 2000], help="numbers of wards (default: 200 2000)"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs of each measurement; the median is shown (default: 3)"
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the live preview measurements")
    parser.add_argument(
        "--loads-only", action="store_true", help="only wardsite check and loading, with their references"
    )
    parser.add_argument(
        "--markdown",
        type=Path,
        metavar="FILE",
        help="also write the tables to FILE; if it exists (README.md), replace each size's table between its "
        "<!-- benchmarks/run.py N=... --> markers",
    )
    parser.add_argument(
        "--keep", type=Path, help="work in this folder and keep it (default: a temporary folder, removed after)"
    )
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="wardsite-bench-"))
    root.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    if not shutil.which("hugo"):
        log(f"{HUGO_MISSING}: the full build is shown without its Hugo reference")
    reports: dict[int, str] = {}
    try:
        for n in args.sizes:
            result = bench(n, args.runs, root, not args.no_serve, args.loads_only, log)
            reports[n] = report(result, args.runs)
            print(f"\n{reports[n]}\n", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if args.markdown:
        write_markdown(args.markdown, reports)
        log(f"wrote the tables to {args.markdown}")


if __name__ == "__main__":
    main()
