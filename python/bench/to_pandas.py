"""Benchmark: `Dataset.to_pandas()` on a synthetic 1,000,000-record dataset (target < 1 s).

The dataset repeats the records of the built-in 2024 report data under shifted years until it
holds a million targets and outcomes. Usage: python python/bench/to_pandas.py [records]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import planwatch

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
DATA = Path(__file__).resolve().parents[2] / "crates" / "planwatch" / "data" / "cn-ndrc-plan-report-2024.json"

base = json.loads(DATA.read_text(encoding="utf-8"))
records = base["targets"] + base["outcomes"]
targets, outcomes = [], []
i = 0
while len(targets) + len(outcomes) < N:
    for kind, rec in [("t", r) for r in base["targets"]] + [("o", r) for r in base["outcomes"]]:
        if len(targets) + len(outcomes) >= N:
            break
        r = dict(rec)
        r["period"] = dict(r["period"], year=r["period"]["year"] - i)
        (targets if kind == "t" else outcomes).append(r)
    i += 1
synthetic = dict(base, targets=targets, outcomes=outcomes, verdicts=[])
t0 = time.perf_counter()
ds = planwatch.Dataset.from_json(json.dumps(synthetic, ensure_ascii=False))
t1 = time.perf_counter()
print(f"{len(ds):,} records; from_json {t1 - t0:.2f} s")
for decimal in (False, True):
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        df = ds.to_pandas(decimal=decimal)
        best = min(best, time.perf_counter() - t)
    print(f"to_pandas(decimal={decimal}): {best:.3f} s  ({df.shape[0]:,} x {df.shape[1]})")
t = time.perf_counter()
ds.to_polars()
print(f"to_polars(): {time.perf_counter() - t:.3f} s")
