"""Arrow export: ``to_arrow()`` and the Arrow PyCapsule stream (``__arrow_c_stream__``) of
datasets, mention lists, scorecards, validation reports and the catalogue. The stream carries
exact values as Arrow decimals: every published figure reads back equal to its ``Decimal``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import planwatch
from planwatch._collections import MENTION_COLUMNS, SCORECARD_COLUMNS
from planwatch._frames import RECORD_COLUMNS

pa = pytest.importorskip("pyarrow")

TEXT = "外汇储备32379.77亿美元，国内生产总值增长5.2%，城镇新增就业1244万人以上。"


def read_stream(obj: Any) -> Any:
    """A table read through the PyCapsule stream only."""
    return pa.RecordBatchReader.from_stream(obj).read_all()


def test_dataset_stream_has_the_record_columns_and_exact_values() -> None:
    ds = planwatch.builtin()
    table = pa.table(ds)  # pyarrow finds __arrow_c_stream__
    assert table.column_names == list(RECORD_COLUMNS)
    assert table.num_rows == len(ds.targets) + len(ds.outcomes)
    assert read_stream(ds).equals(table)
    types = {f.name: str(f.type) for f in table.schema}
    assert {k: types[k] for k in ("indicator", "year", "end_year", "exponent", "start", "end", "lower")} == {
        "indicator": "string",
        "year": "int64",
        "end_year": "int64",
        "exponent": "int64",
        "start": "int64",
        "end": "int64",
        "lower": "decimal128(38, 0)",
    }
    assert types["value"].startswith("decimal128(38, ")
    rows = table.to_pylist()
    fx = next(r for r in rows if r["indicator"] == "fx_reserves" and r["year"] == 2023)
    assert (fx["value"], fx["exponent"], fx["unit"], fx["end_year"]) == (Decimal("32379.77"), 8, "USD", None)
    # Every value of the data, exactly (the column scale may add trailing zeros: equal numbers).
    expected = [
        r.figure.value.value if r.figure.value is not None else None for r in list(ds.targets) + list(ds.outcomes)
    ]
    assert [r["value"] for r in rows] == expected
    text = ds.text or ""
    assert all(text[r["start"] : r["end"]] == r["quote"] for r in rows if r["start"] is not None)


def test_dataset_to_arrow_floats_on_request() -> None:
    table = planwatch.builtin().to_arrow(decimal=False)
    assert [str(table.schema.field(c).type) for c in ("value", "lower", "upper")] == ["double"] * 3
    assert table.column("lower").null_count == table.num_rows - table.column("lower").drop_null().length()


def test_mention_stream() -> None:
    ms = planwatch.extract(TEXT)
    table = read_stream(ms)
    assert table.column_names == list(MENTION_COLUMNS)
    assert table.select(["text", "start", "end", "value", "exponent", "unit", "comparator"]).to_pylist() == [
        {"text": "32379.77亿美元", "start": 4, "end": 15, "value": Decimal("32379.77"), "exponent": 8, "unit": "USD", "comparator": "exact"},
        {"text": "5.2%", "start": 24, "end": 28, "value": Decimal("5.20"), "exponent": 0, "unit": "percent", "comparator": "exact"},
        {"text": "1244万人以上", "start": 35, "end": 43, "value": Decimal("1244.00"), "exponent": 4, "unit": "person", "comparator": "at_least"},
    ]
    assert str(table.schema.field("value").type) == "decimal128(38, 2)"
    text = TEXT
    assert [text[r["start"] : r["end"]] for r in table.to_pylist()] == [m.text for m in ms]
    assert ms.to_arrow(decimal=False).column("value").to_pylist() == [32379.77, 5.2, 1244.0]


def test_empty_lists_keep_their_schema() -> None:
    table = read_stream(planwatch.extract("没有数字"))
    assert (table.num_rows, table.column_names) == (0, list(MENTION_COLUMNS))
    assert str(table.schema.field("value").type) == "decimal128(38, 0)"
    card = read_stream(planwatch.Scorecard())
    assert (card.num_rows, card.column_names) == (0, list(SCORECARD_COLUMNS))


def test_scorecard_stream_margin_is_exact() -> None:
    card = planwatch.builtin().assess()
    table = read_stream(card)
    assert table.column_names == list(SCORECARD_COLUMNS)
    assert str(table.schema.field("margin").type) == "decimal128(38, 1)"
    assert str(table.schema.field("reason").type) == "string"
    jobs = next(r for r in table.to_pylist() if r["indicator"] == "urban_new_jobs" and r["year"] == 2023)
    assert (jobs["verdict"], jobs["margin"], jobs["target"]) == ("exceeded", Decimal("44.0"), "1200万人左右")
    assert [r["margin"] for r in table.to_pylist()] == [r["margin"] for r in card.to_dicts()]


def test_validation_report_stream() -> None:
    report = planwatch.validate(planwatch.extract_document(planwatch.builtin_text()).to_dataset())
    table = pa.table(report)
    assert table.column_names == ["code", "severity", "path", "message"]
    assert table.to_pylist() == report.to_dicts()
    assert [str(t) for t in table.schema.types] == ["string"] * 4
    empty = pa.table(planwatch.validate(planwatch.builtin()))
    assert empty.column_names == ["code", "severity", "path", "message"]


def test_catalogue_stream() -> None:
    cat = planwatch.catalogue()
    table = pa.table(cat)
    assert table.num_rows == len(cat)
    assert table.column("id").to_pylist() == cat.ids()
    assert table.to_pylist()[0] == cat.to_dicts()[0]


def test_requested_schema_is_honoured() -> None:
    ds = planwatch.builtin()
    wanted = pa.table(ds).schema.set(pa.table(ds).schema.get_field_index("year"), pa.field("year", pa.int32()))
    capsule = ds.__arrow_c_stream__(wanted.__arrow_c_schema__())
    table = pa.RecordBatchReader._import_from_c_capsule(capsule).read_all()
    assert str(table.schema.field("year").type) == "int32"


def test_polars_reads_the_stream() -> None:
    pl = pytest.importorskip("polars")
    ds = planwatch.builtin()
    frame = pl.DataFrame(ds)
    assert frame.columns == list(RECORD_COLUMNS)
    assert frame.schema["value"] == pl.Decimal(38, 2)
    fx = frame.filter((pl.col("indicator") == "fx_reserves") & (pl.col("year") == 2023))
    assert fx["value"].to_list() == [Decimal("32379.77")]
    series = pl.from_arrow(ds)  # polars reads any stream as a struct series
    assert series.struct.unnest().columns == list(RECORD_COLUMNS)
    assert pl.DataFrame(planwatch.validate(ds)).columns == ["code", "severity", "path", "message"]


def test_large_values_move_to_decimal256() -> None:
    from planwatch import _frames

    values = [Decimal("1234567890123456789012345678"), Decimal("0.0000000000000000000000000001")]
    array = _frames._arrow_array(pa, values, True)
    assert (str(array.type), array.to_pylist()) == ("decimal256(76, 28)", values)


def test_missing_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pyarrow", None)
    with pytest.raises(ImportError) as info:
        planwatch.builtin().__arrow_c_stream__()
    assert str(info.value) == "pyarrow is needed for this; install it with `pip install planwatch[pyarrow]`"
