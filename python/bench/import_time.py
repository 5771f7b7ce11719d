"""Benchmark: time to `import planwatch` in a fresh interpreter (target < 100 ms).

Usage: python python/bench/import_time.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
code = "import time; t = time.perf_counter(); import planwatch; print(time.perf_counter() - t)"
base = "import time; t = time.perf_counter(); import json; print(time.perf_counter() - t)"
times = [float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(runs)]
print(f"import planwatch: median {statistics.median(times) * 1000:.1f} ms, min {min(times) * 1000:.1f} ms over {runs} runs")
