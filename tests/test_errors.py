"""The exception hierarchy: bases, attributes, pickling."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

import planwatch
from planwatch import (
    InvalidInputError,
    LoadError,
    ParseError,
    PlanwatchError,
    QuantityError,
    UnitError,
    ValidationError,
)


@pytest.mark.parametrize(
    ("cls", "bases"),
    [
        (ParseError, (PlanwatchError, ValueError)),
        (QuantityError, (PlanwatchError, ValueError)),
        (UnitError, (QuantityError, PlanwatchError, ValueError)),
        (LoadError, (PlanwatchError, ValueError)),
        (InvalidInputError, (PlanwatchError, ValueError)),
        (ValidationError, (PlanwatchError, ValueError)),
    ],
)
def test_hierarchy(cls: type, bases: tuple[type, ...]) -> None:
    assert all(issubclass(cls, b) for b in bases)
    assert issubclass(cls, Exception) and not issubclass(PlanwatchError, ValueError)


@pytest.mark.parametrize(
    "err",
    [
        ParseError("unknown unit at 1..3", "unknown-unit", "5英里", 1, 3),
        UnitError("percent and percentage points do not mix", "percent-vs-point"),
        QuantityError("inexact", "inexact"),
        LoadError("expected value", "x.json", 3, 7),
        InvalidInputError("bad"),
        ValidationError("1 error", [{"code": "provenance-mismatch", "severity": "error", "path": "targets[0]"}]),
    ],
    ids=lambda e: type(e).__name__,
)
def test_pickles_with_attributes(err: PlanwatchError) -> None:
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is type(err)
    assert vars(back) == vars(err)
    assert str(back) == str(err)


def test_attributes() -> None:
    e = LoadError("expected value", "x.json", 3, 7)
    assert (e.path, e.line, e.column, e.code, str(e)) == ("x.json", 3, 7, "load", "x.json:3:7: expected value")
    v = ValidationError("1 error", [{"code": "duplicate"}])
    assert v.errors() == [{"code": "duplicate"}]
    v.errors()[0]["code"] = "changed"  # errors() hands out copies
    assert v.errors() == [{"code": "duplicate"}]


def test_raised_from_rust() -> None:
    with pytest.raises(ParseError) as info:
        planwatch.parse_numeral("十四五")
    assert (info.value.code, info.value.input, info.value.start, info.value.end) == (
        "unexpected-character",
        "十四五",
        0,
        3,
    )


def test_parse_error_speaks_in_code_points() -> None:
    # 英 is three bytes in UTF-8 and one code point: the message and the attributes agree.
    with pytest.raises(ParseError) as info:
        planwatch.parse_quantity("5英")
    e = info.value
    assert (str(e), e.code, e.input, e.start, e.end) == ('unknown unit at 1..2 of "5英"', "unknown-unit", "5英", 1, 2)
    assert e.input[e.start : e.end] == "英"


def test_parse_error_message_of_a_long_input_quotes_the_span() -> None:
    text = "增长" * 100 + "5英"
    with pytest.raises(ParseError) as info:
        planwatch.parse_numeral(text)
    e = info.value
    assert (e.code, e.start, e.end, len(e.input)) == ("missing-number", 0, 202, 202)
    assert str(e) == 'missing number at 0..202 of "' + ("增长" * 40) + '"… (202 characters)'


def test_long_codes_are_cut_in_messages() -> None:
    with pytest.raises(UnitError) as info:
        planwatch.Unit("x" * 100)
    assert str(info.value) == 'unknown unit code "' + "x" * 40 + '"… (100 characters)'
    assert info.value.code == "unknown-unit"


def test_load_error_says_the_position_once(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"document": 5}', encoding="utf-8")
    with pytest.raises(LoadError) as info:
        planwatch.load(bad)
    e = info.value
    assert (e.line, e.column, e.message) == (1, 14, "invalid type: integer `5`, expected struct Document")
    assert str(e) == f"{bad}:1:14: invalid type: integer `5`, expected struct Document"
    missing = tmp_path / "missing.json"
    with pytest.raises(LoadError) as info:
        planwatch.load(missing)
    assert (info.value.line, str(info.value)) == (0, f"{missing}: No such file or directory (os error 2)")


@pytest.mark.parametrize(
    "call",
    [
        lambda: planwatch.parse_quantity("5英"),
        lambda: planwatch.parse_target("增长5英"),
        lambda: planwatch.read_table("{", format="jsonl"),
        lambda: planwatch.Dataset.from_json("[]"),
        lambda: planwatch.Unit("no-such-unit"),
        lambda: planwatch.Period(2024, basis="no-such-basis"),
        lambda: planwatch.parse_quantity("5%").convert_to("CNY"),
        lambda: planwatch.validate(planwatch.extract_document(planwatch.builtin_text()).to_dataset()).raise_for_errors(),
    ],
    ids=["parse", "target", "table", "json", "unit", "basis", "convert", "validation"],
)
def test_except_value_error_catches_bad_input(call: Any) -> None:
    with pytest.raises(ValueError) as info:
        call()
    assert isinstance(info.value, PlanwatchError)


STRING_ENTRY_POINTS: dict[str, Any] = {
    "parse_quantity": planwatch.parse_quantity,
    "parse_numeral": planwatch.parse_numeral,
    "parse_target": planwatch.parse_target,
    "parse_figure": planwatch.parse_figure,
    "extract": planwatch.extract,
    "extract_document": planwatch.extract_document,
    "read_table_jsonl": lambda s: planwatch.read_table(s, format="jsonl"),
    "read_table_csv": lambda s: planwatch.read_table(s, format="csv"),
    "Dataset.from_json": planwatch.Dataset.from_json,
    "Quantity.from_json": planwatch.Quantity.from_json,
    "Unit": planwatch.Unit,
    "Catalogue.lookup": planwatch.catalogue().lookup,
    "Catalogue.find_in": planwatch.catalogue().find_in,
    "Catalogue.match_at": planwatch.catalogue().match_at,
    "load": planwatch.load,
}


@pytest.mark.parametrize("name", sorted(STRING_ENTRY_POINTS))
@pytest.mark.parametrize("text", ["\ud800", "增长5%\udfff左右"], ids=["lone", "inside"])
def test_lone_surrogates_raise_unicode_errors(name: str, text: str) -> None:
    # A str holding a surrogate has no UTF-8 form: Python's own UnicodeEncodeError (a
    # ValueError), raised before any Rust code runs; never a panic.
    with pytest.raises(UnicodeEncodeError):
        STRING_ENTRY_POINTS[name](text)


@pytest.mark.parametrize(
    ("name", "text", "code", "span"),
    [
        ("parse_quantity", "5\x00%", "unknown-unit", (1, 3)),
        ("parse_quantity", "\x00", "unexpected-character", (0, 1)),
        ("parse_numeral", "5\x00%", "unexpected-character", (1, 3)),
        ("parse_numeral", "\x00", "missing-number", (0, 1)),
        ("parse_target", "增长5\x00%", "unknown-unit", (3, 5)),
        ("parse_figure", "\x00", "unexpected-character", (0, 1)),
        ("parse_quantity", "5" * 2_000_000, "too-long", (0, 2_000_000)),
        ("parse_target", "增长5%左右，" * 100_000, "too-long", (0, 700_000)),
        ("parse_numeral", "5" * 2_000_000, "overflow", (0, 2_000_000)),
        ("parse_numeral", "9" * 100 + "亿", "overflow", (0, 100)),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 20 else None,
)
def test_nul_bytes_and_huge_inputs_are_parse_errors(name: str, text: str, code: str, span: tuple[int, int]) -> None:
    with pytest.raises(ParseError) as info:
        STRING_ENTRY_POINTS[name](text)
    assert (info.value.code, (info.value.start, info.value.end), info.value.input == text) == (code, span, True)
    assert len(str(info.value)) < 200


@pytest.mark.parametrize("name", ["extract", "extract_document", "Catalogue.lookup", "Catalogue.match_at"])
@pytest.mark.parametrize(
    "text",
    ["\x00", "5\x00%", "城镇新增就业\x001200万人", "9" * 100 + "亿元", "增长5%左右，" * 100_000],
    ids=["nul", "nul-unit", "nul-name", "long-number", "huge"],
)
def test_text_readers_take_nul_bytes_and_huge_inputs(name: str, text: str) -> None:
    result = STRING_ENTRY_POINTS[name](text)
    if name == "extract":
        assert all(text[m.start : m.end] == m.text for m in result)
    elif name == "extract_document":
        assert all(text[m.start : m.end] == m.text for m in result.mentions)


@pytest.mark.parametrize(
    ("name", "text", "cls"),
    [
        ("load", "a\x00b.json", LoadError),
        ("read_table_jsonl", "\x00", LoadError),
        ("read_table_csv", "\x00", LoadError),
        ("Dataset.from_json", "5" * 2_000_000, LoadError),
        ("Quantity.from_json", '{"value": "1e400", "exponent": 0, "unit": "CNY", "unit_text": "元"}', LoadError),
    ],
)
def test_readers_raise_load_errors(name: str, text: str, cls: type) -> None:
    with pytest.raises(cls):
        STRING_ENTRY_POINTS[name](text)
