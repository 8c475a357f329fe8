"""Benchmark the history measures at national scale: `report --as-of` and each provider's 24 months.

A realistic history, scripted: N synthetic wards committed 26 months before the report date,
then every month about one ward in six is reviewed (its review date and reviewer change) and
one in twenty has a fact changed (its ward phone number), each month one commit; a
provider.yaml changes every six months. Then: `wardsite report --as-of` a date a year back,
and `monthly_history` (what a site build adds for the history page), each timed.

    python benchmarks/history.py --wards 2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wardsite.findings.as_of import monthly_history
from wardsite.findings.review_dates import add_months
from wardsite.source.git_versions import folder_history

TODAY = dt.date(2026, 11, 26)
WARDSITE = [str(Path(sys.executable).with_name("wardsite"))]
MONTHS = 26


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    env |= {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": f"{date}T12:00:00+0000", "GIT_COMMITTER_DATE": f"{date}T12:00:00+0000"}
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def _children_cpu() -> float:
    """CPU seconds used by finished child processes (git, wardsite), so a loaded machine's waiting is not counted."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def make_history(n: int, repo: Path, seed: int = 1) -> int:
    """The scripted history described above; returns the number of commits."""
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    start = add_months(TODAY, -MONTHS)
    subprocess.run(
        [*WARDSITE, "synthetic", "--wards", str(n), "--out", str(repo / "wards"),
         "--seed", str(seed), "--today", start.isoformat()],
        check=True, capture_output=True,
    )  # fmt: skip
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Synthetic wards", date=start.isoformat())
    rng = random.Random(seed)
    wards = sorted(p for p in (repo / "wards").glob("*/*.yaml") if p.name != "provider.yaml")
    providers = sorted((repo / "wards").glob("*/provider.yaml"))
    commits = 1
    for month in range(1, MONTHS + 1):
        day = add_months(start, month)
        for ward in rng.sample(wards, max(1, len(wards) // 6)):
            text = ward.read_text(encoding="utf-8")
            ward.write_text(re.sub(r"last_reviewed: \S+", f"last_reviewed: {day.isoformat()}", text), encoding="utf-8")
        for ward in rng.sample(wards, max(1, len(wards) // 20)):
            text = ward.read_text(encoding="utf-8")
            ward.write_text(re.sub(r"(ward_phone: \S+ \S+ )(\d)", lambda m: m[1] + str((int(m[2]) + 1) % 10), text))
        if month % 6 == 0:
            for provider in providers:
                provider.write_text(provider.read_text(encoding="utf-8") + f"# reviewed {day.isoformat()}\n")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", f"Reviews for {day:%B %Y}", date=day.isoformat())
        commits += 1
    return commits


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wards", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print("| Measure | " + " | ".join(f"N = {n:,}" for n in args.wards) + " |")
    print("| --- |" + " --- |" * len(args.wards))
    rows: dict[str, list[str]] = {"setup": [], "as_of": [], "monthly": [], "warm": []}
    for n in args.wards:
        root = Path(tempfile.mkdtemp(prefix="wardsite-history-bench-"))
        try:
            repo = root / "repo"
            commits = make_history(n, repo)
            rows["setup"].append(f"{commits} commits")
            as_of, as_of_cpu = [], []
            for _ in range(args.runs):
                started, cpu = time.perf_counter(), _children_cpu()
                subprocess.run(
                    [*WARDSITE, "report", "--as-of", add_months(TODAY, -12).isoformat(),
                     "--format", "json", "--wards", str(repo / "wards"), "--output", str(root / "as-of.json")],
                    check=True, capture_output=True,
                )  # fmt: skip
                as_of.append(time.perf_counter() - started)
                as_of_cpu.append(_children_cpu() - cpu)
            rows["as_of"].append(f"{statistics.median(as_of):.2f} s ({statistics.median(as_of_cpu):.2f} s CPU)")
            monthly, monthly_cpu = [], []
            for _ in range(args.runs):
                started, cpu = time.perf_counter(), time.process_time() + _children_cpu()
                history = folder_history(repo / "wards")
                assert history is not None
                timelines = monthly_history(history, TODAY)
                monthly.append(time.perf_counter() - started)
                monthly_cpu.append(time.process_time() + _children_cpu() - cpu)
            assert all(len(points) == 24 for points in timelines.values())
            rows["monthly"].append(f"{statistics.median(monthly):.2f} s ({statistics.median(monthly_cpu):.2f} s CPU)")
            keep_in = root / "cache"
            monthly_history(history, TODAY, keep_in=keep_in)  # the first build with a cache folder fills it
            warm, warm_cpu = [], []
            for _ in range(args.runs):
                started, cpu = time.perf_counter(), time.process_time() + _children_cpu()
                history = folder_history(repo / "wards")
                assert history is not None
                assert monthly_history(history, TODAY, keep_in=keep_in) == timelines
                warm.append(time.perf_counter() - started)
                warm_cpu.append(time.process_time() + _children_cpu() - cpu)
            rows["warm"].append(f"{statistics.median(warm):.2f} s ({statistics.median(warm_cpu):.2f} s CPU)")
        finally:
            shutil.rmtree(root, ignore_errors=True)
    print(f"| History (scripted) | {' | '.join(rows['setup'])} |")
    print(f"| `wardsite report --as-of` a year back (process, median) | {' | '.join(rows['as_of'])} |")
    print(f"| 24 months per provider (`monthly_history`, in process, median) | {' | '.join(rows['monthly'])} |")
    print(f"| The same, next build, cache folder kept (in process, median) | {' | '.join(rows['warm'])} |")


if __name__ == "__main__":
    main()
