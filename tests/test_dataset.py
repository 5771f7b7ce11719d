"""Datasets: loading the 2024 report data file, records, provenance in code points, frames."""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path

import pytest

import planwatch

from conftest import ROOT

DATA = ROOT / "crates" / "planwatch" / "data" / "cn-ndrc-plan-report-2024.json"


@pytest.fixture(scope="module")
def ds() -> planwatch.Dataset:
    return planwatch.load(DATA)


def test_load(ds: planwatch.Dataset) -> None:
    assert ds.document.id == "cn-ndrc-plan-report-2024"
    assert ds.document.delivered is not None and ds.document.delivered.isoformat() == "2024-03-05"
    assert ds.text is not None and len(ds.text) == 35301
    assert len(ds) == len(ds.targets) + len(ds.outcomes)


def test_provenance_is_in_code_points(ds: planwatch.Dataset) -> None:
    assert ds.text is not None
    for record in ds:
        p = record.provenance
        if p is not None:
            assert ds.text[p.start : p.end] == p.quote


def test_gdp_target(ds: planwatch.Dataset) -> None:
    gdp = [t for t in ds.targets if t.indicator == "gdp_growth" and t.period == planwatch.Period(2024)]
    assert len(gdp) == 1
    f = gdp[0].figure
    assert (f.comparator, f.direction, f.text, f.value) == (
        "around",
        "increase",
        "增长5%左右",
        planwatch.Quantity(5, 0, "percent", unit_text="%"),
    )


def test_records_round_trip(ds: planwatch.Dataset) -> None:
    for record in list(ds)[:20]:
        back = pickle.loads(pickle.dumps(record))
        assert back == record and hash(back) == hash(record)
        assert back.provenance == record.provenance


def test_dataset_round_trips(ds: planwatch.Dataset) -> None:
    again = planwatch.Dataset.from_json(ds.to_json(), text=ds.text)
    assert again == ds
    assert pickle.loads(pickle.dumps(ds)) == ds


def test_load_errors(tmp_path: Path) -> None:
    bad = tmp_path / "mine.json"
    bad.write_text('{\n  "document": 3\n}', encoding="utf-8")
    with pytest.raises(planwatch.LoadError) as info:
        planwatch.load(bad)
    assert (info.value.path, info.value.line, info.value.column) == (str(bad), 2, 15)
    with pytest.raises(planwatch.LoadError) as info:
        planwatch.load(tmp_path / "missing.json")
    assert info.value.line == 0


def test_to_pandas(ds: planwatch.Dataset) -> None:
    df = ds.to_pandas()
    assert list(df.columns) == [
        "document", "indicator", "name_zh", "name_en", "year", "end_year", "basis", "kind", "comparator",
        "value", "exponent", "unit", "unit_text", "lower", "lower_exponent", "upper", "upper_exponent",
        "value_base", "lower_base", "upper_base", "signed_value", "direction", "reference",
        "reference_indicator", "relation", "text", "quote", "start", "end", "status",
    ]
    assert list(df.columns) == planwatch.table_fields()
    assert len(df) == len(ds)
    row = df[(df.indicator == "gdp_growth") & (df.kind == "target") & (df.year == 2024)].iloc[0]
    assert (row.value, row.unit, row.exponent, row.comparator, row.quote) == (
        5.0, "percent", 0, "around", "国内生产总值增长5%左右"
    )
    assert ds.text is not None and ds.text[row.start : row.end] == row.quote


def test_decimal_frames_keep_exact_values(ds: planwatch.Dataset) -> None:
    df = ds.to_pandas(decimal=True)
    values = [v for v in df["value"] if v is not None]
    assert all(isinstance(v, Decimal) for v in values)
    assert Decimal("32379.77") in values  # 2023 goods trade in USD, exact
    assert "32379.77" in [str(v) for v in values]
    pl_df = ds.to_polars(decimal=True)
    assert pl_df.height == len(ds)


def test_frames_and_tables_share_the_core_rows(ds: planwatch.Dataset) -> None:
    """The record frame is the core's record table: the same values as read_table(to_jsonl())."""
    pd = pytest.importorskip("pandas")
    rows = planwatch.read_table(ds.to_jsonl())
    df = ds.to_pandas(decimal=True)
    assert len(rows) == len(df)
    for name in ("indicator", "name_en", "year", "exponent", "upper_exponent", "quote", "start"):
        got = [None if v is None or v is pd.NA or v != v else v for v in df[name].tolist()]
        assert got == [r[name] for r in rows], name
    for name in ("value", "lower", "upper", "value_base", "signed_value"):
        assert [str(v) if v is not None else None for v in df[name].tolist()] == [r[name] for r in rows], name
    gdp = df[(df.indicator == "gdp") & (df.kind == "outcome")].iloc[0]
    assert (gdp["value"], gdp["exponent"], gdp["value_base"]) == (Decimal("126.06"), 12, Decimal("126060000000000"))


def test_csv_keeps_empty_strings_apart_from_missing_values() -> None:
    data = planwatch.builtin().to_json()
    import json

    doc = json.loads(data)
    doc["targets"] = doc["targets"][:1]
    doc["outcomes"] = []
    doc["targets"][0]["provenance"]["quote"] = ""
    doc["targets"][0]["provenance"]["end"] = doc["targets"][0]["provenance"]["start"]
    ds = planwatch.Dataset.from_json(json.dumps(doc, ensure_ascii=False))
    csv_rows = planwatch.read_table(ds.to_csv(), "csv")
    assert csv_rows == planwatch.read_table(ds.to_jsonl())
    assert (csv_rows[0]["quote"], csv_rows[0]["status"], csv_rows[0]["end_year"]) == ("", None, None)
    assert ',"",' in ds.to_csv()


def test_polars_frame_of_a_dataset(ds: planwatch.Dataset) -> None:
    pl = pytest.importorskip("polars")
    pytest.importorskip("pyarrow")
    frame = pl.DataFrame(ds)
    assert isinstance(frame, pl.DataFrame) and frame.columns == planwatch.table_fields()
    assert pl.from_arrow(ds.to_arrow()).columns == frame.columns


def test_version() -> None:
    assert isinstance(planwatch.__version__, str) and planwatch.__version__.count(".") == 2


def test_repr_html_caps_rows(ds: planwatch.Dataset) -> None:
    html = ds._repr_html_()
    assert html.count("<tr>") == 31  # header + 30 rows
    assert f"{len(ds) - 30} more rows not shown ({len(ds)} in all)" in html


def test_records_to_dict() -> None:
    ds = planwatch.builtin()
    assert ds.targets[0].to_dict() == {
        "indicator": "gdp_growth",
        "period": {"year": 2024, "end_year": None, "basis": "year"},
        "figure": {
            "comparator": "around",
            "value": {"value": Decimal("5"), "exponent": 0, "unit": "percent", "unit_text": "%"},
            "lower": None,
            "upper": None,
            "direction": "increase",
            "reference": None,
            "text": "增长5%左右",
        },
        "provenance": {
            "document": "cn-ndrc-plan-report-2024",
            "start": 16266,
            "end": 16278,
            "byte_start": 47252,
            "byte_end": 47284,
            "quote": "国内生产总值增长5%左右",
        },
    }
    outcome = next(o for o in ds.outcomes if o.indicator == "urban_new_jobs" and o.period.year == 2023)
    d = outcome.to_dict()
    assert (list(d), d["status"], d["figure"]["value"]["value"]) == (
        ["indicator", "period", "figure", "provenance", "status"],
        outcome.status,
        Decimal("1244"),
    )
    assert d["provenance"] == outcome.provenance.to_dict()
