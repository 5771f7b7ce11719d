"""``planwatch.extract_files``: a corpus extracted in parallel in Rust, one frame-ready result
whose rows are those of the Rust ``planwatch extract`` (the expected lines below are the ones
``crates/planwatch-cli/tests/cli.rs`` holds for the same corpus)."""

from __future__ import annotations

import io
import json
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest

import planwatch

A = (
    "2024年政府工作报告\n"
    "过去一年，国内生产总值增长5.2%，城镇新增就业1244万人。\n"
    "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。\n"
)
#: Its name has a comma, so its `file` cell is quoted in CSV.
B = "粮食产量1.3万亿斤以上，“价格”,稳定。"
B_NAME = "corpus/sub/b,1.txt"

MENTIONS_JSONL = [
    '{"file":"corpus/a.txt","text":"5.2%","start":25,"end":29,"kind":"outcome","indicator":"gdp_growth","name_zh":"国内生产总值增长","name_en":"GDP growth","subject":"国内生产总值","subject_start":17,"subject_end":23,"year":2023,"end_year":null,"basis":null,"comparator":"exact","value":"5.2","exponent":0,"unit":"percent","unit_text":"%","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"5.2","lower_base":null,"upper_base":null,"signed_value":"5.2","direction":"increase","reference":null,"reference_indicator":null,"relation":null}',
    '{"file":"corpus/a.txt","text":"1244万人","start":36,"end":42,"kind":"outcome","indicator":"urban_new_jobs","name_zh":"城镇新增就业","name_en":"New urban jobs","subject":"城镇新增就业","subject_start":30,"subject_end":36,"year":2023,"end_year":null,"basis":null,"comparator":"exact","value":"1244","exponent":4,"unit":"person","unit_text":"人","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"12440000","lower_base":null,"upper_base":null,"signed_value":"1244","direction":null,"reference":null,"reference_indicator":null,"relation":null}',
    '{"file":"corpus/a.txt","text":"5%左右","start":64,"end":68,"kind":"target","indicator":"gdp_growth","name_zh":"国内生产总值增长","name_en":"GDP growth","subject":"国内生产总值","subject_start":56,"subject_end":62,"year":2024,"end_year":null,"basis":null,"comparator":"around","value":"5","exponent":0,"unit":"percent","unit_text":"%","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"5","lower_base":null,"upper_base":null,"signed_value":"5","direction":"increase","reference":null,"reference_indicator":null,"relation":null}',
    '{"file":"corpus/a.txt","text":"1200万人以上","start":75,"end":83,"kind":"target","indicator":"urban_new_jobs","name_zh":"城镇新增就业","name_en":"New urban jobs","subject":"城镇新增就业","subject_start":69,"subject_end":75,"year":2024,"end_year":null,"basis":null,"comparator":"at_least","value":"1200","exponent":4,"unit":"person","unit_text":"人","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"12000000","lower_base":null,"upper_base":null,"signed_value":"1200","direction":null,"reference":null,"reference_indicator":null,"relation":null}',
    '{"file":"corpus/sub/b,1.txt","text":"1.3万亿斤以上","start":4,"end":12,"kind":"other","indicator":"grain_output","name_zh":"粮食产量","name_en":"Grain output","subject":"粮食产量","subject_start":0,"subject_end":4,"year":null,"end_year":null,"basis":null,"comparator":"at_least","value":"1.3","exponent":12,"unit":"jin","unit_text":"斤","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"1300000000000","lower_base":null,"upper_base":null,"signed_value":"1.3","direction":null,"reference":null,"reference_indicator":null,"relation":null}',
]

MENTIONS_CSV = [
    "file,text,start,end,kind,indicator,name_zh,name_en,subject,subject_start,subject_end,year,end_year,basis,comparator,value,exponent,unit,unit_text,lower,lower_exponent,upper,upper_exponent,value_base,lower_base,upper_base,signed_value,direction,reference,reference_indicator,relation",
    "corpus/a.txt,5.2%,25,29,outcome,gdp_growth,国内生产总值增长,GDP growth,国内生产总值,17,23,2023,,,exact,5.2,0,percent,%,,,,,5.2,,,5.2,increase,,,",
    "corpus/a.txt,1244万人,36,42,outcome,urban_new_jobs,城镇新增就业,New urban jobs,城镇新增就业,30,36,2023,,,exact,1244,4,person,人,,,,,12440000,,,1244,,,,",
    "corpus/a.txt,5%左右,64,68,target,gdp_growth,国内生产总值增长,GDP growth,国内生产总值,56,62,2024,,,around,5,0,percent,%,,,,,5,,,5,increase,,,",
    "corpus/a.txt,1200万人以上,75,83,target,urban_new_jobs,城镇新增就业,New urban jobs,城镇新增就业,69,75,2024,,,at_least,1200,4,person,人,,,,,12000000,,,1200,,,,",
    '"corpus/sub/b,1.txt",1.3万亿斤以上,4,12,other,grain_output,粮食产量,Grain output,粮食产量,0,4,,,,at_least,1.3,12,jin,斤,,,,,1300000000000,,,1.3,,,,',
]

RECORDS_JSONL = [
    '{"file":"corpus/a.txt","document":"a","jurisdiction":null,"indicator":"gdp_growth","name_zh":"国内生产总值增长","name_en":"GDP growth","year":2024,"end_year":null,"basis":"year","kind":"target","comparator":"around","value":"5","exponent":0,"unit":"percent","unit_text":"%","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"5","lower_base":null,"upper_base":null,"signed_value":"5","direction":"increase","reference":null,"reference_indicator":null,"relation":null,"text":"5%左右","quote":"国内生产总值增长5%左右","start":56,"end":68,"status":null}',
    '{"file":"corpus/a.txt","document":"a","jurisdiction":null,"indicator":"urban_new_jobs","name_zh":"城镇新增就业","name_en":"New urban jobs","year":2024,"end_year":null,"basis":"year","kind":"target","comparator":"at_least","value":"1200","exponent":4,"unit":"person","unit_text":"人","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"12000000","lower_base":null,"upper_base":null,"signed_value":"1200","direction":null,"reference":null,"reference_indicator":null,"relation":null,"text":"1200万人以上","quote":"城镇新增就业1200万人以上","start":69,"end":83,"status":null}',
    '{"file":"corpus/a.txt","document":"a","jurisdiction":null,"indicator":"gdp_growth","name_zh":"国内生产总值增长","name_en":"GDP growth","year":2023,"end_year":null,"basis":"year","kind":"outcome","comparator":"exact","value":"5.2","exponent":0,"unit":"percent","unit_text":"%","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"5.2","lower_base":null,"upper_base":null,"signed_value":"5.2","direction":"increase","reference":null,"reference_indicator":null,"relation":null,"text":"5.2%","quote":"国内生产总值增长5.2%","start":17,"end":29,"status":"preliminary"}',
    '{"file":"corpus/a.txt","document":"a","jurisdiction":null,"indicator":"urban_new_jobs","name_zh":"城镇新增就业","name_en":"New urban jobs","year":2023,"end_year":null,"basis":"year","kind":"outcome","comparator":"exact","value":"1244","exponent":4,"unit":"person","unit_text":"人","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"12440000","lower_base":null,"upper_base":null,"signed_value":"1244","direction":null,"reference":null,"reference_indicator":null,"relation":null,"text":"1244万人","quote":"城镇新增就业1244万人","start":30,"end":42,"status":"preliminary"}',
]

RECORDS_CSV_HEADER = "file,document,jurisdiction,indicator,name_zh,name_en,year,end_year,basis,kind,comparator,value,exponent,unit,unit_text,lower,lower_exponent,upper,upper_exponent,value_base,lower_base,upper_base,signed_value,direction,reference,reference_indicator,relation,text,quote,start,end,status"
RECORDS_CSV_FIRST = "corpus/a.txt,a,,gdp_growth,国内生产总值增长,GDP growth,2024,,year,target,around,5,0,percent,%,,,,,5,,,5,increase,,,,5%左右,国内生产总值增长5%左右,56,68,"


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`corpus/a.txt` and `corpus/sub/b,1.txt` under the working directory."""
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / B_NAME).write_text(B, encoding="utf-8")
    (tmp_path / "corpus" / "notes.md").write_text("不是文本 5%", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def jsonl(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def csv(lines: list[str]) -> str:
    return "".join(line + "\r\n" for line in lines)


def test_mentions_are_the_commands_rows(corpus: Path) -> None:
    r = planwatch.extract_files("corpus")
    assert (len(r), r.files, r.errors, r.targets) == (5, ["corpus/a.txt", B_NAME], [], False)
    assert r.to_jsonl() == jsonl(MENTIONS_JSONL)
    assert r.to_csv() == csv(MENTIONS_CSV)
    assert r.fields == ["file", *planwatch.table_fields("mentions")]
    assert repr(r) == "<ExtractedFiles: 5 mentions from 2 files, 0 errors>"


def test_records_are_the_commands_rows(corpus: Path) -> None:
    r = planwatch.extract_files(["corpus"], targets=True)
    assert (len(r), r.targets) == (4, True)
    assert r.to_jsonl() == jsonl(RECORDS_JSONL)
    assert r.to_csv().split("\r\n")[:2] == [RECORDS_CSV_HEADER, RECORDS_CSV_FIRST]
    assert r.fields == ["file", "document", "jurisdiction", *planwatch.table_fields("records")[1:]]


def test_paths_files_globs_and_pathlike(corpus: Path) -> None:
    by_glob = planwatch.extract_files("corpus/**/*.txt")
    assert by_glob.files == ["corpus/a.txt", B_NAME]
    by_list = planwatch.extract_files([Path(B_NAME), "corpus/a.txt"], jobs=1)
    assert by_list.files == [B_NAME, "corpus/a.txt"]
    assert [d["text"] for d in by_list.to_dicts()] == ["1.3万亿斤以上", "5.2%", "1244万人", "5%左右", "1200万人以上"]
    assert planwatch.extract_files(corpus / "corpus" / "a.txt").files == [str(corpus / "corpus" / "a.txt")]


def test_the_same_rows_whatever_jobs(corpus: Path) -> None:
    for i in range(12):
        (corpus / "corpus" / f"copy-{i:02}.txt").write_text(A * (i + 1), encoding="utf-8")
    one = planwatch.extract_files("corpus", jobs=1, targets=True)
    assert one == planwatch.extract_files("corpus", jobs=2, targets=True)
    assert one == planwatch.extract_files("corpus", targets=True)
    assert len(one) == 4 * (1 + sum(range(1, 13)))


def test_dicts_and_frames_hold_the_values(corpus: Path) -> None:
    r = planwatch.extract_files("corpus")
    first = r.to_dicts()[0]
    assert list(first)[:4] == ["file", "text", "start", "end"]
    assert (first["file"], first["value"], first["exponent"], first["end_year"]) == ("corpus/a.txt", Decimal("5.2"), 0, None)
    table = r.to_arrow()
    assert table.column_names == r.fields
    assert table.column("file").to_pylist() == ["corpus/a.txt"] * 4 + [B_NAME]
    assert table.column("value").to_pylist() == [Decimal("5.2"), Decimal("1244"), Decimal("5"), Decimal("1200"), Decimal("1.3")]
    assert table.column("year").to_pylist() == [2023, 2023, 2024, 2024, None]
    df = r.to_pandas()
    assert list(df.columns) == r.fields
    assert list(df["value"]) == [5.2, 1244.0, 5.0, 1200.0, 1.3]
    assert str(df["year"].dtype) == "Int64" and df["year"].isna().tolist() == [False] * 4 + [True]
    assert list(df["file"].astype(str)) == ["corpus/a.txt"] * 4 + [B_NAME]
    pl = r.to_polars(decimal=True)
    assert pl["unit"].to_list() == ["percent", "person", "percent", "person", "jin"]
    assert pl["value_base"].to_list()[-1] == Decimal("1300000000000")


def test_exact_arrow_columns_are_those_of_the_frames_module(corpus: Path) -> None:
    """Decimal columns come from buffers, not Decimal objects, with the types `_frames` gives
    them: decimal128(38, largest scale), or decimal256(76, s) past 38 digits."""
    from planwatch import _frames

    (corpus / "corpus" / "wide.txt").write_text(
        "粮食产量1.2345678901234567890123456万亿斤，投资99999999999999亿元，增长5%", encoding="utf-8"
    )
    for targets in (False, True):
        r = planwatch.extract_files("corpus", targets=targets)
        table = r.to_arrow()
        assert table.equals(_frames.to_arrow(r._columns(decimal=True)))
        assert table.column_names == r.fields
    wide = planwatch.extract_files("corpus/wide.txt").to_arrow()
    assert str(wide.schema.field("value").type) == "decimal256(76, 25)"
    assert wide.column("value").to_pylist()[0] == Decimal("1.2345678901234567890123456")
    small = planwatch.extract_files("corpus/a.txt").to_arrow()
    assert (str(small.schema.field("value").type), str(small.schema.field("lower").type)) == (
        "decimal128(38, 1)", "decimal128(38, 0)",
    )
    assert small.column("value_base").to_pylist() == [Decimal("5.2"), Decimal("12440000"), Decimal("5"), Decimal("12000000")]
    assert small.column("lower").null_count == 4


def test_failed_inputs_are_named(corpus: Path) -> None:
    (corpus / "corpus" / "gb.txt").write_bytes("国内生产总值增长5%左右".encode("gb18030"))
    with pytest.raises(planwatch.LoadError) as err:
        planwatch.extract_files("corpus")
    assert err.value.path == "corpus/gb.txt"
    assert str(err.value) == (
        "corpus/gb.txt: not valid UTF-8 at byte 0 (line 1, column 1); for GB-encoded text use --encoding gb18030"
    )
    r = planwatch.extract_files(["corpus", "absent.txt", "none-*.txt"], errors="collect")
    assert r.files == ["corpus/a.txt", B_NAME]
    assert len(r) == 5
    assert r.errors == [
        ("absent.txt", "no such file or folder"),
        ("none-*.txt", "the pattern matches no file"),
        ("corpus/gb.txt", "not valid UTF-8 at byte 0 (line 1, column 1); for GB-encoded text use --encoding gb18030"),
    ]
    with pytest.raises(planwatch.LoadError, match=r"^absent.txt: no such file or folder \(and 2 more inputs failed"):
        planwatch.extract_files(["corpus", "absent.txt", "none-*.txt"])
    gb = planwatch.extract_files("corpus/gb.txt", encoding="gb18030")
    assert [(d["text"], d["indicator"]) for d in gb.to_dicts()] == [("5%左右", "gdp_growth")]


def test_bad_arguments() -> None:
    with pytest.raises(planwatch.InvalidInputError, match="unknown encoding code \"latin-1\""):
        planwatch.extract_files([], encoding="latin-1")
    with pytest.raises(planwatch.InvalidInputError, match="jobs must be at least 1"):
        planwatch.extract_files([], jobs=0)
    with pytest.raises(planwatch.InvalidInputError, match="unknown errors code"):
        planwatch.extract_files([], errors="ignore")
    with pytest.raises(planwatch.InvalidInputError, match="standard input"):
        planwatch.extract_files(["-", "-"])
    with pytest.raises(TypeError):
        planwatch.extract_files(3)  # type: ignore[arg-type]
    empty = planwatch.extract_files([])
    assert (len(empty), empty.to_jsonl(), empty.to_arrow().num_rows) == (0, "", 0)
    assert empty.to_csv() == "file," + ",".join(planwatch.table_fields("mentions")) + "\r\n"


def test_results_pickle_and_concat(corpus: Path) -> None:
    for targets in (False, True):
        r = planwatch.extract_files("corpus", targets=targets)
        back = pickle.loads(pickle.dumps(r))
        assert back == r and back.to_jsonl() == r.to_jsonl()
    a = planwatch.extract_files("corpus/a.txt")
    b = planwatch.extract_files(["absent.txt", B_NAME], errors="collect")
    joined = planwatch.ExtractedFiles.concat([a, b])
    assert joined.to_jsonl() == jsonl(MENTIONS_JSONL)
    assert joined.errors == [("absent.txt", "no such file or folder")]
    with pytest.raises(planwatch.InvalidInputError):
        planwatch.ExtractedFiles.concat([a, planwatch.extract_files("corpus/a.txt", targets=True)])


def test_write_is_the_bytes_of_the_table(corpus: Path) -> None:
    r = planwatch.extract_files("corpus")
    out = io.BytesIO()
    assert r.write(out, "csv") == len(out.getvalue())
    assert out.getvalue().decode() == csv(MENTIONS_CSV)
    with open(corpus / "m.jsonl", "wb") as f:
        r.write(f)
    assert (corpus / "m.jsonl").read_text(encoding="utf-8") == jsonl(MENTIONS_JSONL)
    with pytest.raises(planwatch.InvalidInputError):
        r.write(out, "xml")


def test_write_dir_is_one_file_per_input(corpus: Path) -> None:
    r = planwatch.extract_files("corpus")
    assert r.write_dir(corpus / "out", "csv") == []
    assert (corpus / "out" / "a.csv").read_bytes().decode() == csv([MENTIONS_CSV[0], *MENTIONS_CSV[1:5]])
    assert (corpus / "out" / "sub" / "b,1.csv").read_bytes().decode() == csv([MENTIONS_CSV[0], MENTIONS_CSV[5]])
    twice = planwatch.extract_files(["corpus/a.txt", "corpus"])
    with pytest.raises(planwatch.InvalidInputError, match="would both be written to"):
        twice.write_dir(corpus / "out")


def test_threads_share_the_extension(corpus: Path) -> None:
    """Calls from several Python threads at once (the GIL released inside) give the rows of
    one call."""
    expected = planwatch.extract_files("corpus", targets=True).to_jsonl()
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda _: planwatch.extract_files("corpus", targets=True, jobs=2).to_jsonl(), range(8)))
    assert got == [expected] * 8
    assert json.loads(expected.splitlines()[0])["quote"] == "国内生产总值增长5%左右"


def test_a_provincial_report_names_its_jurisdiction(tmp_path: Path) -> None:
    """Records of a provincial report carry the code of the province its title names; the wheel's
    command writes it too."""
    text = "2025年广西政府工作报告\n各位代表：\n一、2024年工作回顾\n全区地区生产总值增长4.2%左右。\n"
    report = tmp_path / "gx.txt"
    report.write_text(text, encoding="utf-8")
    rows = planwatch.extract_files([str(report)], targets=True).to_dicts()
    assert [(r["document"], r["jurisdiction"], r["indicator"], r["year"], r["kind"]) for r in rows] == [
        ("gx", "450000", "gdp_growth", 2024, "outcome")
    ]
    out = subprocess.run(
        [sys.executable, "-m", "planwatch", "extract", str(report), "--targets"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert json.loads(out.splitlines()[0])["jurisdiction"] == "450000"
    assert planwatch.Jurisdiction.of_report(text) == planwatch.Jurisdiction("广西")
    assert planwatch.Jurisdiction.of_report("政府工作报告\n各位代表：") is None
