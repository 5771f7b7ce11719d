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
