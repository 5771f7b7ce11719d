"""Benchmark: ``planwatch.extract_files`` on the 2024 NDRC report repeated to 10 MB (one file)
and on a folder of 100 copies of it (jobs 1 and 2), and the frames of its result; then the
whole process, ``python -m planwatch extract`` against the Rust ``planwatch extract``
(``target/release/planwatch``, built with ``cargo build --release -p planwatch-cli``) when it
is there. Medians of several runs; the inputs are written under ``$TMPDIR``.

    python python/bench/extract_files.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import planwatch

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "crates" / "planwatch" / "data" / "ndrc-plan-report-2024.txt"
RUST = ROOT / "target" / "release" / "planwatch"


def median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def corpus(work: Path) -> tuple[Path, Path, float]:
    text = REPORT.read_text(encoding="utf-8")
    big = text
    while len(big.encode()) < 10_000_000:
        big += "\n" + text
    (work / "big.txt").write_text(big, encoding="utf-8")
    (work / "folder").mkdir(exist_ok=True)
    for i in range(100):
        (work / "folder" / f"copy-{i:03}.txt").write_text(text, encoding="utf-8")
    return work / "big.txt", work / "folder", len(big.encode()) / 1e6


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    work = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "planwatch-extract-files-bench"
    work.mkdir(exist_ok=True)
    big, folder, mb = corpus(work)
    print(f"corpus: {mb:.1f} MB (one file), and 100 copies of the report in a folder")
    for targets in (False, True):
        what = "records" if targets else "mentions"
        s = median(lambda: planwatch.extract_files(big, targets=targets), runs)
        print(f"extract_files {what}, 10 MB file: {s:.3f} s, {mb / s:.0f} MB/s")
        for jobs in (1, 2):
            s = median(lambda: planwatch.extract_files(folder, jobs=jobs, targets=targets), runs)
            print(f"extract_files {what}, folder, jobs={jobs}: {s:.3f} s, {mb / s:.0f} MB/s")
    res = planwatch.extract_files(big)
    for name in ("to_arrow", "to_pandas", "to_polars"):
        getattr(res, name)()  # imports
        s = median(getattr(res, name), runs)
        print(f"{name}(), {len(res)} rows: {s * 1000:.1f} ms")
    if not RUST.exists():
        print(f"(no {RUST}: whole-process figures skipped)")
        return
    for flags in ([], ["--targets"]):
        for cmd in ([sys.executable, "-m", "planwatch"], [str(RUST)]):
            argv = [*cmd, "extract", "-q", *flags, str(big)]
            s = median(lambda: subprocess.run(argv, stdout=subprocess.DEVNULL, check=True), runs)
            print(f"{' '.join(argv[:-1])} 10 MB: {s:.3f} s")


if __name__ == "__main__":
    main()
