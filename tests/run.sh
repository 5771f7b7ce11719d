#!/usr/bin/env bash
# Runs every test of planwatch, Rust and Python, installing what it needs.
# Usage: bash tests/run.sh        (from anywhere; exits non-zero on the first failing stage)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

stage() { printf '\n==> %s\n' "$*"; }

stage "Rust toolchain components"
rustup component add rustfmt clippy >/dev/null 2>&1 || true

stage "built-in data files are in step with their specs"
python3 crates/planwatch/data/tools/build.py --check
python3 crates/planwatch-corpus/tools/gen.py --check
python3 tests/fixtures/headline/check.py
cargo run --quiet --release -p planwatch-datagen -- --check

stage "cargo fmt --check"
cargo fmt --all -- --check

stage "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings

stage "cargo test (unit, integration, doc tests)"
cargo test --workspace

stage "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p planwatch

stage "cargo package -p planwatch (the crate is publishable)"
cargo package -p planwatch-corpus -p planwatch --allow-dirty --no-verify --quiet >/dev/null
cargo package -p planwatch --allow-dirty --list | grep -q '^data/ndrc-plan-report-2024.txt$'

stage "Python environment (.venv)"
python3 -m venv "$root/.venv"
# shellcheck disable=SC1091
. "$root/.venv/bin/activate"
python -m pip install --quiet --upgrade pip
python -m pip install --quiet -r "$root/python/requirements-dev.txt"

stage "Build and install the Python package"
python -m pip install --quiet --force-reinstall --no-deps "$root/python"

stage "pytest"
python -m pytest -c "$root/python/pyproject.toml" "$root/tests"

stage "mypy.stubtest (hand-written stubs match the module)"
python -m mypy.stubtest planwatch._planwatch --allowlist "$root/python/stubtest-allowlist.txt"

stage "all tests passed"
