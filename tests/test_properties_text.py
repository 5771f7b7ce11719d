"""Property tests for the string and file entry points of extraction, loading and validation:
offsets are code points that slice out what they claim, and no input reaches a Rust panic."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import planwatch

from conftest import ROOT

TEXT = planwatch.builtin_text()
DATA = ROOT / "crates" / "planwatch" / "data" / "cn-ndrc-plan-report-2024.json"
BUILTIN_JSON = json.loads(DATA.read_text(encoding="utf-8"))
CODES = {
    "unknown-indicator", "unit-mismatch", "percent-vs-point", "negative-count", "share-over-100",
    "impossible-value", "duplicate-record", "contradictory-records", "year-outside-document",
    "provenance-mismatch", "figure-not-in-quote", "provenance-document-mismatch", "inverted-range",
    "missing-quantity", "share-identity", "level-ordering", "missing-text", "invalid-jurisdiction",
}

ALPHABET = (
    "0123456789.%-～ ０１２３４５６７８９．％－一二三四五六七八九十百千万亿两余多左右约以上以内以下"
    "元人吨斤亩个百分点倍增长下降提高回落同步基本平衡年末全年今年去年目标预期主要，。；：、（）“”——\n"
)

# Report-like text: slices of the report (cut anywhere, even mid-sentence), biased text, noise.
report_slices = st.tuples(st.integers(0, len(TEXT)), st.integers(0, 600)).map(lambda t: TEXT[t[0] : t[0] + t[1]])
texts = st.one_of(
    report_slices,
    st.text(alphabet=ALPHABET, max_size=300),
    st.text(max_size=100),
    st.lists(st.one_of(report_slices, st.text(alphabet=ALPHABET, max_size=30)), max_size=5).map("".join),
)


def no_panic(fn: Callable[[], Any]) -> Any:
    """Calls ``fn``; planwatch errors are fine (returned as None), a panic fails the test."""
    try:
        return fn()
    except planwatch.PlanwatchError:
        return None
    except BaseException as exc:  # noqa: BLE001 - a PanicException is a BaseException
        if type(exc).__name__ == "PanicException":
            pytest.fail(f"panic: {exc}")
        raise


@given(text=texts)
@example(text="增长５．２％，𝟓%以上；😀1200万人左右")
@example(text="2023年末" * 50)
def test_extract_spans_slice_their_text(text: str) -> None:
    mentions = no_panic(lambda: planwatch.extract(text))
    assert mentions is not None  # extract never raises
    previous = -1
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= previous
        previous = m.start
        if m.subject_start is not None and m.subject_end is not None:
            assert 0 <= m.subject_start <= m.subject_end <= len(text)
        assert m.kind in ("target", "outcome", "other")
    frame_cols = planwatch._planwatch._mention_columns(mentions)
    assert list(frame_cols) == planwatch.table_fields("mentions")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, plan_year=st.one_of(st.none(), st.integers(-3000, 3000)))
def test_extract_document_provenance_slices_its_text(text: str, plan_year: int | None) -> None:
    x = no_panic(lambda: planwatch.extract_document(text, doc_id="d", plan_year=plan_year))
    assert x is not None
    assert 0 <= x.headline_len <= len(x.targets)
    for rec in [*x.targets, *x.outcomes]:
        p = rec.provenance
        assert p is not None and p.document == "d"
        assert p.start is not None and p.end is not None
        assert text[p.start : p.end] == p.quote
    report = no_panic(lambda: planwatch.validate(x.to_dataset()))
    assert report is not None and {i.code for i in report.issues} <= CODES


@given(content=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode), texts.map(str.encode)))
@example(content=b'{"document": {"id": "d", "title": "t", "issuer": "i", "kind": "other", "jurisdiction": "CN", "source": "../../../etc/passwd"}}')
@example(content=b'{"document": {"id": "d", "title": "t", "issuer": "i", "kind": "other", "jurisdiction": "CN", "source": "missing.txt"}}')
def test_load_any_file(tmp_path_factory: pytest.TempPathFactory, content: bytes) -> None:
    path: Path = tmp_path_factory.mktemp("load") / "data.json"
    path.write_bytes(content)
    try:
        ds = planwatch.load(path)
    except planwatch.LoadError as e:
        assert e.line >= 0 and e.column >= 0 and e.path is not None
        return
    except BaseException as exc:  # noqa: BLE001
        if type(exc).__name__ == "PanicException":
            pytest.fail(f"panic: {exc}")
        raise
    assert isinstance(ds, planwatch.Dataset)


# Datasets made from the built-in file with random damage: spans, units, values, years, texts.
def damaged(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(BUILTIN_JSON)
    records = data["targets"] + data["outcomes"]
    for _ in range(draw(st.integers(1, 6))):
        rec = records[draw(st.integers(0, len(records) - 1))]
        what = draw(st.sampled_from(["span", "unit", "value", "year", "quote", "exponent", "indicator", "comparator"]))
        fig = rec["figure"]
        q = fig.get("value") or fig.get("lower")
        if what == "span" and rec.get("provenance"):
            rec["provenance"]["start"] = draw(st.integers(0, 10**6))
            rec["provenance"]["end"] = draw(st.integers(0, 10**6))
        elif what == "unit" and q is not None:
            q["unit"] = draw(st.sampled_from(["CNY", "USD", "person", "percent", "percentage_point", "kg", "mu", "count:艘"]))
            q["unit_text"] = ""
        elif what == "value" and q is not None:
            q["value"] = str(draw(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**9, max_value=10**9)))
        elif what == "exponent" and q is not None:
            q["exponent"] = draw(st.integers(-30, 30))
        elif what == "year":
            rec["period"]["year"] = draw(st.integers(-10**6, 10**6))
        elif what == "quote" and rec.get("provenance"):
            rec["provenance"]["quote"] = draw(st.text(max_size=20))
        elif what == "indicator":
            rec["indicator"] = draw(st.sampled_from(["gdp", "gdp_growth", "nope", "rd_intensity", ""]))
        elif what == "comparator":
            fig["comparator"] = draw(st.sampled_from(["range", "around", "exact", "in_step_with", "qualitative"]))
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.composite(damaged)())
def test_validate_loaded_files_never_panics(tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any]) -> None:
    folder = tmp_path_factory.mktemp("validate")
    (folder / BUILTIN_JSON["document"]["source"]).write_text(TEXT, encoding="utf-8")
    path = folder / "data.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ds = no_panic(lambda: planwatch.load(path))
    if ds is None:
        return
    report = no_panic(lambda: planwatch.validate(ds, rules=planwatch.builtin_rules()))
    assert report is not None
    assert {i.code for i in report.issues} <= CODES
    assert report.is_ok == (report.errors() == [])
    no_panic(lambda: ds.assess())
    no_panic(lambda: ds.to_csv())
    no_panic(lambda: ds.to_pandas())


@given(text=texts)
def test_catalogue_find_in_and_match_at(text: str) -> None:
    cat = planwatch.catalogue()
    found = no_panic(lambda: cat.find_in(text))
    if found is not None:
        ind, start, end = found
        assert text[start:end] in ind.names()
    at = no_panic(lambda: cat.match_at(text))
    if at is not None:
        assert text[: at[1]] in at[0].names()


@given(text=st.one_of(texts, st.text(alphabet='{}[]",:0123456789abcnulltrue\n\r', max_size=200)))
@example(text=planwatch.builtin().to_csv()[:500])
def test_string_readers_raise_only_their_errors(text: str) -> None:
    for fn in (
        lambda: planwatch.read_table(text),
        lambda: planwatch.read_table(text, "csv"),
        lambda: planwatch.Dataset.from_json(text, text=text),
        lambda: planwatch.Catalogue.from_json(text),
        lambda: planwatch.Policy.from_json(text),
        lambda: planwatch.ValidationReport.from_json(text),
        lambda: planwatch.Rule.from_json(text),
        lambda: planwatch.Indicator.from_json(text),
    ):
        no_panic(fn)
