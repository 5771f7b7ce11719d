"""The Python examples in examples/ run and print what they promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytest.importorskip("pandas")


def run(script: str, *args: str) -> str:
    r = subprocess.run([sys.executable, str(ROOT / "examples" / script), *args], capture_output=True)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stderr == b""
    return r.stdout.decode()


def test_scorecard_example() -> None:
    out = run("scorecard.py")
    lines = out.splitlines()
    assert lines[0].startswith("关于2023年国民经济和社会发展计划执行情况")
    jobs = next(line for line in lines if line.strip().startswith("urban_new_jobs") and "1244万人" in line)
    assert jobs.split()[-5:] == ["1200万人左右", "1244万人", "exceeded", "assessed", "44.0"]
    assert "Verdict counts: {'met': 3, 'exceeded': 2, 'missed': 3}" in lines


def test_extract_file_example(tmp_path: Path) -> None:
    report = tmp_path / "gwr.txt"
    report.write_text(
        "过去一年，国内生产总值增长5.2%，城镇新增就业1244万人。今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。",
        encoding="utf-8",
    )
    out = run("extract_file.py", str(report), "2024")
    lines = out.splitlines()
    assert lines[0] == f"<Extraction '{report}': 2 targets (2 headline), 2 outcomes, 4 mentions>"
    headline = [line.split()[:3] for line in lines if line.startswith("  2024 ")]
    assert headline == [["2024", "gdp_growth", "around"], ["2024", "urban_new_jobs", "at_least"]]
    import planwatch

    kinds = [m.kind for m in planwatch.extract(report.read_text(encoding="utf-8"), plan_year=2024)]
    assert f"4 figures, {kinds.count('outcome')} of them outcomes; the first ten:" in lines


def test_extract_file_example_on_the_builtin_report() -> None:
    out = run("extract_file.py")
    assert "  2024 grain_output                     at_least      1.3万亿斤以上" in out
