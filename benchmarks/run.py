"""Measure wardsite at national scale and print a table. Run: ``python benchmarks/run.py``.

For each size N (default 200 and 2,000 wards) it writes a synthetic dataset
(``wardsite synthetic``) into a temporary folder and reports the median of ``--runs`` runs of:

- ``wardsite check`` wall time: the first run (empty cache, as on a fresh machine), a run with
  nothing changed since the last one, and runs after one ward file was edited (a short fact,
  or free text, whose reading age is then scored again);
- ``wardsite build`` of the whole site with this repo's mkdocs.yml: from an empty cache folder (wall
  time and peak memory of the whole process tree), again with nothing changed and the cache folder
  kept, and after one ward file was edited (each as a share of the full build);
- total output size, the largest page, the largest and median ward page, the home page and
  the search index (raw and gzipped);
- live preview: ``wardsite serve`` on 127.0.0.1, one ward file edited, the served page polled
  until the edit shows (the server settles between edits; at least 5 edits);
- the baseline: a plain MkDocs + Material site of hand-written Markdown pages with the same
  count and the same visible text (taken from each page we built), the same small navigation,
  built the same way; our build time is printed as a ratio to it.

Not a test: timings depend on the machine. Needs the test extras (BeautifulSoup).
"""

from __future__ import annotations

import argparse
import gzip
import http.client
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
    """One finished command: wall time, peak memory of its process tree, output."""

    seconds: float
    peak_bytes: int
    returncode: int
    output: str


def run_measured(command: list[str], env: dict[str, str], cwd: Path | None = None, timeout: float = 3600) -> Run:
    """Run ``command``, sampling the summed resident memory of it and its children every 50 ms."""
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
    return Run(time.perf_counter() - start, peak, process.returncode, output)


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


def time_check(work: Path, cache: Path, runs: int, warm: bool) -> list[float]:
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
        times.append(result.seconds)
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
import json, resource, sys
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
start = cpu()  # after the imports: the load itself
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
print(json.dumps(cpu() - start))
"""


def cpu_of(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> float:
    """CPU seconds (user and system, the process and its children) of a wardsite command."""
    before = os.times()
    done = subprocess.run(args, env=env or _env(), cwd=cwd, capture_output=True, text=True, check=False)
    after = os.times()
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def time_loads(work: Path, runs: int) -> dict[str, list[float]]:
    """CPU seconds of: loading every ward file with nothing kept; loading them after ``wardsite check``
    kept what it read (what ``wardsite build`` does after check in CI); ``wardsite check`` from an empty
    cache and with nothing changed; and the floor, PyYAML's C loader and pydantic on the same files."""
    wards, cache = work / "wards", work / "load-cache"
    found: dict[str, list[float]] = {"plain": [], "kept": [], "floor": [], "check_cold": [], "check_warm": []}
    check = [*_wardsite(), "check", "wards", "--today", TODAY, "--overdue-is-warning"]
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        found["check_cold"].append(cpu_of(check, _env(WARDSITE_CACHE_DIR=str(cache)), cwd=work))
        found["check_warm"].append(cpu_of(check, _env(WARDSITE_CACHE_DIR=str(cache)), cwd=work))
        for mode in ("plain", "kept", "floor"):
            done = subprocess.run(
                [sys.executable, "-c", _LOAD_SCRIPT, mode, str(wards), str(cache)],
                capture_output=True,
                text=True,
                check=True,
            )
            found[mode].append(float(done.stdout))
    return found


def load_table(n: int, found: dict[str, list[float]]) -> str:
    """Each loading figure with its reference and the ratio, and the issue's target for it."""
    plain, kept, floor = median(found["plain"]), median(found["kept"]), median(found["floor"])
    cold, warm = median(found["check_cold"]), median(found["check_warm"])
    rows = [
        ("Load every ward file, nothing kept (reference; imports not counted)", plain, "", ""),
        ("Load after `wardsite check` kept what it read (build after check)", kept, f"{kept / plain:.2f}× load", ""),
        ("Floor: PyYAML CSafeLoader + pydantic on the same files (reference)", floor, "", ""),
        ("`wardsite check`, empty cache", cold, f"{cold / floor:.2f}× floor", "≤ 0.5× floor"),
        ("`wardsite check`, nothing changed", warm, f"{warm / cold:.2f}× cold", "≤ 0.3 s wall"),
    ]
    lines = [f"| CPU seconds, N = {n:,} | Median | Ratio | Target |", "| --- | ---: | ---: | --- |"]
    lines += [f"| {name} | {value:.2f} s | {ratio} | {target} |" for name, value, ratio, target in rows]
    return "\n".join(lines)


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
    wards: Path, cache: Path, runs: int, log_file: Path, startup_timeout: float = 1800, edit_timeout: float = 600
) -> tuple[float | None, list[float]]:
    """Start ``wardsite serve``; return its start-up time and, per edit, seconds until the page shows it."""
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
        ],
        env=env,
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    ward_files = sorted(p for p in wards.rglob("*.yaml") if p.name != "provider.yaml")
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
    check_cold: list[float] = field(default_factory=list)
    check_warm: list[float] = field(default_factory=list)
    check_edited: list[float] = field(default_factory=list)
    check_text_edited: list[float] = field(default_factory=list)
    build: list[float] = field(default_factory=list)
    build_peak: list[int] = field(default_factory=list)
    rebuild: list[float] = field(default_factory=list)
    rebuild_edited: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    baseline_pages: int = 0
    sizes: Sizes = field(default_factory=Sizes)
    preview_startup: float | None = None
    preview: list[float] = field(default_factory=list)


def median(values: Iterable[float]) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def _kb(n: float) -> str:
    return f"{n / KB:,.0f} KB"


def _mb(n: float) -> str:
    return f"{n / MB:,.1f} MB"


def _s(n: float | None) -> str:
    return "–" if n is None or n != n else ("timed out" if n == float("inf") else f"{n:.2f} s")


def table(results: list[Result]) -> str:
    rows: list[tuple[str, list[str]]] = [
        ("`wardsite check`, first run (empty cache)", [_s(median(r.check_cold)) for r in results]),
        ("`wardsite check`, nothing changed since the last run", [_s(median(r.check_warm)) for r in results]),
        (
            "`wardsite check`, one ward's phone hours edited since the last run",
            [_s(median(r.check_edited)) for r in results],
        ),
        (
            "`wardsite check`, one ward's free text edited since the last run",
            [_s(median(r.check_text_edited)) for r in results],
        ),
        ("Full site build (`wardsite build`, empty cache folder)", [_s(median(r.build)) for r in results]),
        (
            "Rebuild, nothing changed (cache folder kept): seconds and share of a full build",
            [f"{_s(median(r.rebuild))} ({median(r.rebuild) / median(r.build):.0%})" for r in results],
        ),
        (
            "Rebuild, one ward edited (cache folder kept): seconds and share of a full build",
            [f"{_s(median(r.rebuild_edited))} ({median(r.rebuild_edited) / median(r.build):.0%})" for r in results],
        ),
        ("Plain MkDocs + Material baseline build", [_s(median(r.baseline)) for r in results]),
        (
            "Full build ÷ baseline",
            [f"{median(r.build) / median(r.baseline):.2f}×" if r.baseline else "–" for r in results],
        ),
        ("Peak memory of the full build, process tree", [_mb(median(r.build_peak)) for r in results]),
        ("Total output (files)", [f"{_mb(r.sizes.total)} ({r.sizes.files:,})" for r in results]),
        ("Largest page", [f"{_kb(r.sizes.largest_page[0])} ({r.sizes.largest_page[1]})" for r in results]),
        ("Largest ward page", [_kb(r.sizes.largest_ward[0]) for r in results]),
        ("Median ward page", [_kb(r.sizes.median_ward) for r in results]),
        ("Home page", [_kb(r.sizes.home) for r in results]),
        ("Search index (gzipped)", [f"{_kb(r.sizes.search)} ({_kb(r.sizes.search_gzip)})" for r in results]),
        ("Live preview: start-up", [_s(r.preview_startup) for r in results]),
        (
            "Live preview: edit one ward until its page shows it (fastest–slowest)",
            [
                f"{_s(median(r.preview))} ({_s(min(r.preview))}–{_s(max(r.preview))})" if r.preview else "–"
                for r in results
            ],
        ),
    ]
    header = "| Measure | " + " | ".join(f"N = {r.n:,}" for r in results) + " |"
    lines = [header, "|" + " --- |" * (len(results) + 1)]
    lines += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in rows]
    return "\n".join(lines)


def machine() -> str:
    load = os.getloadavg()
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / MB / 1024
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GB RAM, Python {platform.python_version()}, "
        f"{platform.system()}; load average {load[0]:.1f} at the end"
    )


def bench(n: int, runs: int, root: Path, serve: bool, log: Callable[[str], None]) -> Result:
    result = Result(n)
    work = root / f"n{n}"
    wards = work / "wards"
    cache = work / "cache"
    make_dataset(n, wards)
    log(f"N={n}: dataset written")
    result.check_cold = time_check(work, cache, runs, warm=False)
    result.check_warm = time_check(work, cache, runs, warm=True)
    result.check_edited = time_check_after_edit(work, cache, runs, FACT_EDIT)
    result.check_text_edited = time_check_after_edit(work, cache, runs, TEXT_EDIT)
    log(
        f"N={n}: check cold {median(result.check_cold):.2f} s, warm {median(result.check_warm):.2f} s, after "
        f"an edit {median(result.check_edited):.2f} s, after a text edit "
        f"{median(result.check_text_edited):.2f} s"
    )
    site = work / "site"
    for _ in range(runs):
        built = build_ours(wards, site, cache)
        result.build.append(built.seconds)
        result.build_peak.append(built.peak_bytes)
        log(f"N={n}: build {built.seconds:.1f} s, peak {_mb(built.peak_bytes)}")
    for _ in range(runs):
        result.rebuild.append(build_ours(wards, site, cache, fresh=False).seconds)
    result.rebuild_edited = rebuild_after_edit(wards, site, cache, runs)
    log(f"N={n}: rebuild, nothing changed {result.rebuild}; one ward edited {result.rebuild_edited}")
    result.sizes = measure_sizes(site)
    result.baseline_pages = write_baseline(site, work / "baseline")
    for _ in range(runs):
        plain = build_baseline(work / "baseline", work / "baseline-site")
        result.baseline.append(plain.seconds)
        log(f"N={n}: baseline ({result.baseline_pages} pages) {plain.seconds:.1f} s")
    if serve:
        serve_wards = work / "serve-wards"
        shutil.copytree(wards, serve_wards)
        result.preview_startup, result.preview = time_live_preview(
            serve_wards, work / "serve-cache", max(runs, 5), work / "serve.log"
        )
        log(f"N={n}: preview start-up {_s(result.preview_startup)}, edits {[round(t, 2) for t in result.preview]}")
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[200, 2000], help="numbers of wards (default: 200 2000)"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs of each measurement; the median is shown (default: 3)"
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the live preview measurement")
    parser.add_argument(
        "--loads-only", action="store_true", help="only the loading figures (CPU seconds, paired with references)"
    )
    parser.add_argument(
        "--keep", type=Path, help="work in this folder and keep it (default: a temporary folder, removed after)"
    )
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="wardsite-bench-"))
    root.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    if args.loads_only:
        try:
            for n in args.sizes:
                make_dataset(n, root / f"n{n}" / "wards")
                found = time_loads(root / f"n{n}", args.runs)
                log(f"N={n}: {found}")
                print(f"\nMedian of {args.runs} runs. {machine()}.\n\n{load_table(n, found)}")
        finally:
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
        return
    try:
        results = [bench(n, args.runs, root, not args.no_serve, log) for n in args.sizes]
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print(f"\nMedian of {args.runs} runs. {machine()}.\n")
    print(table(results))


if __name__ == "__main__":
    main()
