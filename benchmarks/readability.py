"""How much the plain-language check adds to ``wardsite check`` at national scale.

Run: ``python benchmarks/readability.py [N ...]`` (default 2000). Writes N synthetic wards into
a temporary folder, then times loading them and, separately, the reading-age warnings (first
run, then again with the per-text cache warm). Not a test: timings depend on the machine.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wardsite.findings.readability import readability_warnings
from wardsite.loading.catalogue import load_catalogue


def measure(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wards = Path(tmp, "wards")
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from wardsite.cli import main; main()",
                "synthetic",
                "--wards",
                str(n),
                "--out",
                str(wards),
                "--today",
                "2026-11-26",
            ],
            check=True,
            capture_output=True,
        )
        start = time.perf_counter()
        result = load_catalogue(wards)
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        warnings = readability_warnings(result.catalogue.wards)
        first = time.perf_counter() - start
        start = time.perf_counter()
        readability_warnings(result.catalogue.wards)
        again = time.perf_counter() - start
    print(
        f"{n:>6} wards: load {loaded:6.2f}s | reading ages {first:5.2f}s ({100 * first / loaded:4.1f}% of "
        f"load), again {again:5.2f}s | {len(warnings)} warnings"
    )


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [2000]:
        measure(size)
