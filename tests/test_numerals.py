"""Numerals: the shared fixture table, exactness, round trips."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import pytest

import planwatch
from planwatch import Numeral, ParseError, parse_numeral

from conftest import case_id, load_cases

CASES = load_cases("numerals.json")
OK = [c for c in CASES if "error" not in c]
BAD = [c for c in CASES if "error" in c]


@pytest.mark.parametrize("case", OK, ids=case_id)
def test_reads_numeral(case: dict[str, Any]) -> None:
    n = parse_numeral(case["input"])
    assert (n.value, n.exponent, n.approx) == (Decimal(case["value"]), case["exponent"], case["approx"])
    assert str(n.value) == case["value"]  # the scale as published
    assert n.high == (Decimal(case["high"]) if "high" in case else None)
    assert n.is_exact == (case["approx"] == "exact")


@pytest.mark.parametrize("case", BAD, ids=case_id)
def test_rejects_numeral(case: dict[str, Any]) -> None:
    with pytest.raises(ParseError) as info:
        parse_numeral(case["input"])
    err = info.value
    assert err.code == case["error"]
    assert err.input == case["input"]
    assert 0 <= err.start <= err.end <= len(case["input"])
    assert isinstance(err, ValueError) and isinstance(err, planwatch.PlanwatchError)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # code points, not bytes: 十四五 is 9 bytes but 3 code points
        ("十四五", 0, 3),
        ("", 0, 0),
    ],
)
def test_parse_error_span_in_code_points(text: str, start: int, end: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_numeral(text)
    assert (info.value.start, info.value.end) == (start, end)


@pytest.mark.parametrize(
    ("numeral", "expected_repr"),
    [
        (Numeral(Decimal("126.06"), 12), "Numeral(Decimal('126.06'), 12)"),
        (Numeral(250, 4, "more_than"), "Numeral(Decimal('250'), 4, approx='more_than')"),
        (
            Numeral("10", 8, "between", Decimal("100")),
            "Numeral(Decimal('10'), 8, approx='between', high=Decimal('100'))",
        ),
    ],
)
def test_numeral_repr_eval_pickle(numeral: Numeral, expected_repr: str) -> None:
    assert repr(numeral) == expected_repr
    back = eval(expected_repr, {"Numeral": Numeral, "Decimal": Decimal})
    assert back == numeral and hash(back) == hash(numeral)
    assert pickle.loads(pickle.dumps(numeral)) == numeral


def test_numeral_to_dict() -> None:
    assert parse_numeral("数十亿").to_dict() == {
        "value": Decimal("10"),
        "exponent": 8,
        "approx": "between",
        "high": Decimal("100"),
    }


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((1.5,), TypeError),  # floats are refused: not the published value
        ((True,), TypeError),
        (("NaN",), planwatch.InvalidInputError),
        (("1" * 40,), planwatch.InvalidInputError),
        ((1, 0, "roughly"), planwatch.InvalidInputError),
        ((1, 0, "between"), planwatch.InvalidInputError),
        ((1, 0, "exact", 2), planwatch.InvalidInputError),
    ],
)
def test_numeral_constructor_rejects(args: tuple[Any, ...], error: type[Exception]) -> None:
    with pytest.raises(error):
        Numeral(*args)
