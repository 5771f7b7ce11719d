"""The command line, run as a subprocess: ``python -m planwatch``."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import planwatch

from conftest import ROOT
from test_extract_files import A, B, B_NAME, MENTIONS_CSV, MENTIONS_JSONL, RECORDS_JSONL

DATA = ROOT / "crates" / "planwatch" / "data" / "cn-ndrc-plan-report-2024.json"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Runs the command line; output decoded as UTF-8 with line ends kept as written."""
    r = subprocess.run(
        [sys.executable, "-m", "planwatch", *args],
        capture_output=True,
        input=None if stdin is None else stdin.encode(),
    )
    return subprocess.CompletedProcess(r.args, r.returncode, r.stdout.decode(), r.stderr.decode())


def test_report() -> None:
    r = run("report")
    assert (r.returncode, r.stderr) == (0, "")
    lines = r.stdout.splitlines()
    assert lines[0].startswith("关于2023年国民经济和社会发展计划执行情况")
    assert "Headline indicators: 主要预期目标 (main targets)" in lines
    header = next(line for line in lines if line.startswith("indicator"))
    assert header.split() == ["indicator", "2023", "target", "2023", "outcome", "2023", "verdict", "2024", "target"]
    jobs = next(line for line in lines if line.startswith("城镇新增就业 "))
    assert jobs.split() == ["城镇新增就业", "New", "urban", "jobs", "1200万人左右", "1244万人", "exceeded", "(+44万人)", "=", "stated", "1200万人以上"]
    cpi = next(line for line in lines if line.startswith("居民消费价格涨幅"))
    assert "3%左右" in cpi and "上涨0.2%" in cpi and "met (+2.8 pp)" in cpi
    assert "Verdicts the report states in words" in lines
    assert "  2023 missed · 工业增加值增长 Industrial value-added growth: industrial_value_added_growth — “工业增长与预期目标有一定差距”" in lines
    assert "  0 errors, 1 warning" in lines


def test_export_jsonl_is_the_core_table() -> None:
    r = run("export", "--format", "jsonl")
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == planwatch.builtin().to_jsonl()
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    ds = planwatch.builtin()
    assert len(rows) == len(ds.targets) + len(ds.outcomes)
    assert list(rows[0]) == planwatch.table_fields()
    for field in ("indicator", "year", "kind", "comparator", "value", "exponent", "unit", "unit_text", "lower",
                  "upper", "direction", "quote", "start", "end"):
        assert field in rows[0]
    gdp = next(row for row in rows if row["indicator"] == "gdp" and row["kind"] == "outcome")
    assert (gdp["value"], gdp["exponent"], gdp["unit"], gdp["unit_text"]) == ("126.06", 12, "CNY", "元")
    text = planwatch.builtin_text()
    assert all(text[row["start"] : row["end"]] == row["quote"] for row in rows if row["start"] is not None)


def test_export_csv() -> None:
    r = run("export", "--format", "csv")
    assert r.returncode == 0
    assert r.stdout == planwatch.builtin().to_csv()
    rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
    assert rows[0] == planwatch.table_fields()
    assert planwatch.read_table(r.stdout, "csv") == planwatch.read_table(planwatch.builtin().to_jsonl())


@pytest.mark.skipif(shutil.which("cargo") is None, reason="needs the Rust toolchain")
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_is_byte_identical_to_the_rust_example(fmt: str) -> None:
    rust = subprocess.run(
        ["cargo", "run", "-q", "--example", "export", "--", "--format", fmt],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout
    assert run("export", "--format", fmt).stdout.encode() == rust


def test_export_panel_is_the_core_panel_table() -> None:
    r = run("export", "--panel", "--format", "jsonl")
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == planwatch.panel().to_jsonl()
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert list(rows[0]) == planwatch.table_fields("panel")
    assert {"document", "jurisdiction"} <= set(rows[0])
    assert len(rows) == len(planwatch.panel())
    jobs = next(row for row in rows if row["indicator"] == "urban_new_jobs" and row["year"] == 2023 and row["kind"] == "target" and row["rank"] == 0)
    assert (jobs["jurisdiction"], jobs["document"], jobs["verdict"], jobs["margin"]) == ("CN", "cn-gwr-2023", "exceeded", "44")
    csv_out = run("export", "--panel", "--format", "csv").stdout
    assert csv_out == planwatch.panel().to_csv()
    assert next(csv.reader(io.StringIO(csv_out, newline=""))) == planwatch.table_fields("panel")


@pytest.mark.skipif(shutil.which("cargo") is None, reason="needs the Rust toolchain")
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_panel_is_byte_identical_to_the_rust_example(fmt: str) -> None:
    rust = cargo_example("export", "--", "--panel", "--format", fmt)
    assert run("export", "--panel", "--format", fmt).stdout.encode() == rust


def cargo_example(*args: str) -> bytes:
    """The stdout of a Rust example of the core crate, built and run with cargo."""
    return subprocess.run(
        ["cargo", "run", "-q", "-p", "planwatch", "--example", *args],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout


def rust_command(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The Rust `planwatch` command (crates/planwatch-cli), built and run with cargo."""
    return subprocess.run(
        ["cargo", "run", "-q", "--manifest-path", str(ROOT / "Cargo.toml"), "-p", "planwatch-cli", "--", *args],
        cwd=cwd, capture_output=True,
    )


def python_command(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "planwatch", *args], cwd=cwd, capture_output=True)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """The corpus of the Rust command's tests, and the report with a text of ranges at two
    magnitudes and a fall, under `tmp_path`."""
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / B_NAME).write_text(B, encoding="utf-8")
    text = "投资规模5000万-1亿元，粮食产量1.3万亿至13500亿斤；居民消费价格下降2%。\n" + planwatch.builtin_text()
    (tmp_path / "corpus" / "report.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_extract_writes_the_rows_of_the_rust_command(corpus: Path) -> None:
    """The bytes the Rust command's own tests expect of this corpus (stored there and in
    test_extract_files)."""
    (corpus / "corpus" / "report.txt").unlink()
    r = python_command("extract", "corpus", cwd=corpus)
    assert (r.returncode, r.stderr) == (0, b"")
    assert r.stdout.decode() == "".join(line + "\n" for line in MENTIONS_JSONL)
    r = python_command("extract", "--format", "csv", "-j", "1", "corpus/a.txt", B_NAME, cwd=corpus)
    assert r.stdout.decode() == "".join(line + "\r\n" for line in MENTIONS_CSV)
    r = python_command("extract", "--targets", "corpus/**/*.txt", cwd=corpus)
    assert r.stdout.decode() == "".join(line + "\n" for line in RECORDS_JSONL)


@pytest.mark.skipif(shutil.which("cargo") is None, reason="needs the Rust toolchain")
def test_the_main_job_shows_the_panel_first() -> None:
    """The panel's national headline indicators year by year, then the NDRC report as before."""
    lines = cargo_example("report").decode().splitlines()
    assert lines[0].startswith("The panel: ")
    assert lines[1].split()[:7] == ["year", "国内生产总值增长", "居民消费价格涨幅", "城镇新增就业", "城镇调查失业率", "城镇登记失业率", "赤字率"]
    row = {line.split()[0]: line for line in lines[2:] if line[:4].isdigit()}
    # 2023: the 2023 report's targets against the 2024 report's outcomes; 2024 likewise.
    assert "3%左右 → 0.2% met" in row["2023"] and "1200万人左右 → 1244万人 exceeded" in row["2023"]
    assert row["2024"].split()[:5] == ["2024", "5%左右", "→", "5%", "met"]
    years = next(line for line in lines if line.startswith("Years in the panel: national "))
    assert "2024–2025 (31 jurisdictions)" in years
    title = lines.index(next(line for line in lines if line.startswith("关于2023年国民经济和社会发展计划执行情况")))
    assert title > lines.index(years) and "Headline indicators: 主要预期目标 (main targets)" in lines[title:]


@pytest.mark.skipif(shutil.which("cargo") is None, reason="needs the Rust toolchain")
@pytest.mark.parametrize("targets", [False, True])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_extract_is_byte_identical_to_the_rust_command(corpus: Path, fmt: str, targets: bool) -> None:
    """The same flags give the same bytes: the same corpus code (inputs, decoding, rows) runs
    behind both."""
    flags = ["--targets"] if targets else []
    rust = rust_command("extract", *flags, "--format", fmt, "corpus", "absent.txt", cwd=corpus)
    ours = python_command("extract", *flags, "--format", fmt, "corpus", "absent.txt", cwd=corpus)
    assert (ours.returncode, rust.returncode) == (1, 1)
    assert ours.stdout == rust.stdout
    assert ours.stderr == rust.stderr == b"planwatch: absent.txt: no such file or folder\n"
    assert len(ours.stdout.splitlines()) > 100
    rust = rust_command("extract", *flags, "--format", fmt, "--out-dir", "rust", "corpus", cwd=corpus)
    ours = python_command("extract", *flags, "--format", fmt, "--out-dir", "py", "corpus", cwd=corpus)
    assert (ours.returncode, rust.returncode) == (0, 0)
    written = sorted(p.relative_to(corpus / "py") for p in (corpus / "py").rglob("*.*"))
    assert [str(p) for p in written] == [f"a.{fmt}", f"report.{fmt}", f"sub/b,1.{fmt}"]
    for p in written:
        assert (corpus / "py" / p).read_bytes() == (corpus / "rust" / p).read_bytes()
    (corpus / "cat.json").write_text(CATALOGUE, encoding="utf-8")
    rust = rust_command("extract", *flags, "--format", fmt, "--catalogue", "cat.json", "corpus/sub", cwd=corpus)
    ours = python_command("extract", *flags, "--format", fmt, "--catalogue", "cat.json", "corpus/sub", cwd=corpus)
    assert ours.stdout == rust.stdout
    if not targets:
        assert b"grain,\xe7\xb2\xae" in ours.stdout or b'"grain","name_zh"' in ours.stdout


#: An indicator catalogue of one's own (the Rust command's tests use it too).
CATALOGUE = """[{"id": "grain", "name_zh": "粮食产量", "name_en": "Grain", "aliases": [], "category": "agriculture",
  "desired": "higher_better", "measure": "level", "unit": "jin"}]"""


@pytest.fixture()
def report_file(tmp_path: Path) -> Path:
    p = tmp_path / "report.txt"
    p.write_text("一、2023年计划执行情况 全年国内生产总值126.06万亿元，增长5.2%；城镇新增就业1244万人。", encoding="utf-8")
    return p


def test_extract_jsonl(report_file: Path) -> None:
    r = run("extract", str(report_file))
    assert (r.returncode, r.stderr) == (0, "")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(m["file"], m["text"], m["indicator"], m["value"], m["exponent"], m["unit"]) for m in rows] == [
        (str(report_file), "126.06万亿元", "gdp", "126.06", 12, "CNY"),
        (str(report_file), "5.2%", "gdp_growth", "5.2", 0, "percent"),
        (str(report_file), "1244万人", "urban_new_jobs", "1244", 4, "person"),
    ]
    text = report_file.read_text(encoding="utf-8")
    assert all(text[m["start"] : m["end"]] == m["text"] for m in rows)
    assert list(rows[0]) == ["file", *planwatch.table_fields("mentions")]


def test_extract_csv_and_stdin(report_file: Path) -> None:
    r = run("extract", "-", "--format", "csv", stdin=report_file.read_text(encoding="utf-8"))
    assert r.returncode == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout, newline="")))
    assert [(m["file"], m["text"], m["kind"], m["year"], m["lower"]) for m in rows] == [
        ("-", "126.06万亿元", "outcome", "2023", ""),
        ("-", "5.2%", "outcome", "2023", ""),
        ("-", "1244万人", "outcome", "2023", ""),
    ]


def test_extract_targets(report_file: Path) -> None:
    r = run("extract", str(report_file), "--targets", "--jobs", "2")
    assert r.returncode == 0
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(row["document"], row["indicator"], row["kind"], row["year"], row["text"]) for row in rows] == [
        ("report", "gdp", "outcome", 2023, "126.06万亿元"),
        ("report", "gdp_growth", "outcome", 2023, "5.2%"),
        ("report", "urban_new_jobs", "outcome", 2023, "1244万人"),
    ]
    assert list(rows[0]) == ["file", "document", "jurisdiction", *planwatch.table_fields()[1:]]


def test_extract_usage_errors(tmp_path: Path) -> None:
    r = run("extract", "-", "-")
    assert (r.returncode, r.stderr) == (2, "planwatch: error: standard input (-) can be given only once\n")
    bad = tmp_path / "cat.json"
    bad.write_text("[1]", encoding="utf-8")
    r = run("extract", "--catalogue", str(bad), "-")
    assert r.returncode == 2 and r.stderr.startswith(f"planwatch: error: {bad}: ")
    r = run("extract", "--jobs", "0", "-")
    assert r.returncode == 2 and "not a number of threads from 1 to 65535" in r.stderr
    r = run("extract", "--encoding", "latin-1", "-")
    assert r.returncode == 2 and "invalid choice: 'latin-1'" in r.stderr


def test_validate_ok_and_errors(tmp_path: Path) -> None:
    ok = run("validate", str(DATA), "--builtin-rules")
    assert (ok.returncode, ok.stdout.splitlines()[0]) == (0, "0 errors, 1 warning")
    bad = json.loads(DATA.read_text(encoding="utf-8"))
    bad["outcomes"][0]["figure"]["value"].update(unit="person", unit_text="人")
    bad["document"].pop("source")
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    r = run("validate", str(p), "--format", "json")
    assert r.returncode == 1
    report = json.loads(r.stdout)
    assert report["is_ok"] is False
    assert ("unit-mismatch", "outcomes[0].figure.value.unit") in [(i["code"], i["path"]) for i in report["issues"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("validate", "/no/such/file.json"), "planwatch: error: /no/such/file.json: No such file or directory"),
    ],
)
def test_user_errors_go_to_stderr_without_traceback(args: tuple[str, ...], message: str) -> None:
    r = run(*args)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.startswith(message)
    assert "Traceback" not in r.stderr


def test_broken_inputs(tmp_path: Path) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    r = run("extract", str(binary), "/no/such/file.txt")
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == (
        "planwatch: /no/such/file.txt: no such file or folder\n"
        f"planwatch: {binary}: not valid UTF-8 at byte 0 (line 1, column 1); for GB-encoded text use --encoding gb18030\n"
    )
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "document": 3\n}', encoding="utf-8")
    r = run("validate", str(broken))
    assert r.returncode == 2 and r.stderr.startswith(f"planwatch: error: {broken}:2:15: ")
    assert "Traceback" not in r.stderr
    exported = tmp_path / "records.jsonl"
    exported.write_text(run("export", "--format", "jsonl").stdout, encoding="utf-8")
    r = run("validate", str(exported))
    assert r.returncode == 2
    assert r.stderr.endswith(
        "(validate reads a dataset JSON file, as Dataset.to_json() writes; "
        "export and extract write record tables)\n"
    )
    r = run("export", "--format", "xml")
    assert r.returncode == 2 and "invalid choice: 'xml'" in r.stderr
    r = run()
    assert r.returncode == 2 and "required: COMMAND" in r.stderr
