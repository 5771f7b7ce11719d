"""Benchmark: Python ``planwatch.extract`` over the Rust call on the same text (target ≤ 1.5×).

The Rust figures come from criterion (``cargo bench -p planwatch --bench extract``: the
``mentions_report`` and ``mentions_10MB`` benchmarks of ``crates/planwatch/benches/extract.rs``,
read from ``target/criterion``); pass ``--run-rust`` to run them first. The Python figures are
the best of several runs of ``planwatch.extract`` on the same texts: the built-in report and the
report repeated to 10 MB. Both use the built-in catalogue's extractor.

    python python/bench/extract_overhead.py [--run-rust]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Optional

import planwatch

ROOT = Path(__file__).resolve().parents[2]
CRITERION = ROOT / "target" / "criterion" / "extract"


def best_of(fn: Callable[[], object], repeat: int, number: int = 1) -> float:
    """The best mean time of one call, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def rust_seconds(bench: str) -> Optional[float]:
    """Criterion's mean estimate for ``extract/<bench>``, in seconds, if it has been run."""
    path = CRITERION / bench / "new" / "estimates.json"
    if not path.exists():
        return None
    return float(json.loads(path.read_text())["mean"]["point_estimate"]) / 1e9


def main(argv: list[str]) -> int:
    if "--run-rust" in argv:
        subprocess.run(["cargo", "bench", "-q", "-p", "planwatch", "--bench", "extract"], cwd=ROOT, check=True)
    report = planwatch.builtin_text()
    corpus = ""
    while len(corpus.encode()) < 10_000_000:
        corpus += report + "\n"
    planwatch.extract(report)  # compile the extractor once, as the Rust benchmark does

    rows = []
    for name, text, repeat, number in (("mentions_report", report, 30, 5), ("mentions_10MB", corpus, 5, 1)):
        py = best_of(lambda: planwatch.extract(text), repeat, number)
        n = len(planwatch.extract(text))
        rust = rust_seconds(name)
        rows.append((name, len(text.encode()), n, py, rust))

    # Where the Python time goes on the report: extraction with the mention objects, and the
    # tidy frame (columnar, no per-cell objects).
    ms = planwatch.extract(report)
    frame = best_of(lambda: ms.to_pandas(), 20)

    print(f"{'text':<16} {'MB':>6} {'mentions':>9} {'Python':>10} {'Rust':>10} {'Python/Rust':>12} {'MB/s (Py)':>10}")
    for name, size, n, py, rust in rows:
        ratio = f"{py / rust:.2f}×" if rust else "run --run-rust"
        rust_ms = f"{rust * 1e3:.2f} ms" if rust else "—"
        print(f"{name:<16} {size / 1e6:>6.2f} {n:>9} {py * 1e3:>7.2f} ms {rust_ms:>10} {ratio:>12} {size / 1e6 / py:>10.1f}")
    print(f"\nMentionList.to_pandas() of the report's {len(ms)} mentions: {frame * 1e3:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
