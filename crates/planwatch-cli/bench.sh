#!/usr/bin/env bash
# Whole-process throughput of `planwatch extract` on a 10 MB corpus, as one file and as a
# folder of 100 files, with 1 and 2 jobs, mentions and --targets. Needs hyperfine
# (`apt-get install hyperfine`); inputs are generated under $TMPDIR (default /tmp).
#
#   crates/planwatch-cli/bench.sh [SOURCE.txt]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
src="${1:-$root/crates/planwatch/data/ndrc-plan-report-2024.txt}"
work="${TMPDIR:-/tmp}/planwatch-cli-bench"
mkdir -p "$work/folder"
: > "$work/big.txt"
for i in $(seq -w 1 100); do
  cat "$src" >> "$work/big.txt"
  cp "$src" "$work/folder/copy-$i.txt"
done
cargo build -q --release -p planwatch-cli --manifest-path "$root/Cargo.toml"
bin="$root/target/release/planwatch"
mb=$(python3 -c "import os; print(os.path.getsize('$work/big.txt') / 1e6)")
echo "corpus: $mb MB ($(basename "$src") × 100)"
cd "$work"
cmds=()
for t in "" "--targets "; do
  for input in big.txt folder; do
    for j in 1 2; do cmds+=("$bin extract ${t}--jobs $j $input"); done
  done
done
hyperfine -N --warmup 2 --runs 10 --output=null --export-json "$work/hyperfine.json" "${cmds[@]}" > /dev/null
python3 - "$work/hyperfine.json" "$mb" <<'PY'
import json, sys
mb = float(sys.argv[2])
print(f"{'command':<40} {'mean s':>7} {'min s':>7} {'cpu s':>6} {'MB/s (mean)':>11} {'MB/s (min)':>10}")
for r in json.load(open(sys.argv[1]))["results"]:
    cmd = r["command"].split("extract ", 1)[1]
    cpu = r["user"] + r["system"]
    print(f"{cmd:<40} {r['mean']:7.3f} {r['min']:7.3f} {cpu:6.3f} {mb / r['mean']:11.1f} {mb / r['min']:10.1f}")
PY
for t in "" "--targets"; do
  for input in big.txt folder; do
    /usr/bin/time -f "%M" -o "$work/rss" "$bin" extract $t --jobs 2 $input > /dev/null
    echo "peak RSS, extract $t --jobs 2 $input: $(cat "$work/rss") KB"
  done
done
# The 1 GB run (PLANWATCH_BENCH_1GB=1, about 2 minutes and 6 GB of memory): the report
# repeated to 1 GB, `extract -q` and `--targets` on one thread; wall seconds, MB/s and peak
# RSS against the file's size. The file is deleted afterwards.
if [ "${PLANWATCH_BENCH_1GB:-0}" = 1 ]; then
  big="$work/big-1GB.txt"
  : > "$big"
  while [ "$(stat -c %s "$big")" -lt 1000000000 ]; do cat "$src" >> "$big"; done
  size=$(stat -c %s "$big")
  for t in "" "--targets"; do
    /usr/bin/time -f "%e %M" -o "$work/rss" "$bin" extract -q --jobs 1 $t "$big" > /dev/null
    read -r secs kb < "$work/rss"
    python3 -c "s=$secs; kb=$kb; n=$size; print(f'1 GB extract ${t:-(mentions)}: {s:.1f} s, {n/1e6/s:.1f} MB/s, peak {kb/1024:.0f} MiB ({kb*1024/n:.2f}x the file)')"
  done
  rm -f "$big"
fi
