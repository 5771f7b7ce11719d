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


def test_panel_regression_example(tmp_path: Path) -> None:
    """Outcome on target over four national years, and two provinces against the nation."""
    import json

    from test_panel import doc_json, pct, record

    up = {"direction": "increase"}
    gdp = lambda year, comparator, value: record("gdp_growth", year, comparator, f"增长{value}%", value=pct(value), **up)  # noqa: E731
    targets = {2021: ("at_least", "6"), 2022: ("around", "5.5"), 2023: ("around", "5"), 2024: ("around", "5"), 2025: ("around", "5")}
    outcomes = {2021: "8.4", 2022: "3.0", 2023: "5.2", 2024: "5.0"}
    for year in range(2021, 2026):
        doc = doc_json(f"cn-gwr-{year}", "CN", year, [gdp(year, *targets[year])],
                       [gdp(year - 1, "exact", outcomes[year - 1])] if year - 1 in outcomes else [])
        (tmp_path / f"cn-{year}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    for code, value in (("440000", "5"), ("450000", "5.5"), ("650000", "6.5")):
        doc = doc_json(f"{code}-gwr-2025", code, 2025, [gdp(2025, "around", value)], [])
        (tmp_path / f"{code}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = run("panel_regression.py", "--dir", str(tmp_path)).splitlines()
    assert out[0] == "<Panel: 8 documents, 4 jurisdictions, 12 records>"
    assert "national years: 2021, 2022, 2023, 2024, 2025" in out
    # x = 6, 5.5, 5, 5; y = 8.4, 3.0, 5.2, 5.0: slope 1.8 / 0.6875, mean gap (2.4 − 2.5 + 0.2 + 0) / 4.
    assert "  gdp_growth                     n=4  slope 2.618  intercept -8.673  mean outcome − target +0.025" in out
    assert "gdp_growth 2025: national target 增长5% (5)" in out
    assert "3 provincial targets: 2 above, 1 equal, 0 below; lowest 5, highest 6.5, spread 1.5, mean 5.666666666666666666666666667" in out
