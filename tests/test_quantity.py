"""Quantity: the shared fixture table, conversions, comparisons, arithmetic, round trips."""

from __future__ import annotations

import json
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import planwatch
from planwatch import ParseError, Quantity, QuantityError, UnitError, parse_quantity

from conftest import FIXTURES, case_id

DATA = json.loads((FIXTURES / "quantities.json").read_text(encoding="utf-8"))
OK = [c for c in DATA["cases"] if "error" not in c]
BAD = [c for c in DATA["cases"] if "error" in c]
NS = {"Quantity": Quantity, "Decimal": Decimal}


@pytest.mark.parametrize("case", OK, ids=case_id)
def test_reads_quantity(case: dict[str, Any]) -> None:
    q = parse_quantity(case["input"])
    assert (q.value, q.exponent, q.unit, q.unit_text) == (
        Decimal(case["value"]),
        case["exponent"],
        case["unit"],
        case["unit_text"],
    )
    assert str(q.value) == case["value"]
    assert q.to_base() == Decimal(case["base"])
    if "display" in case:
        assert str(q) == case["display"]
    assert parse_quantity(str(q)) == q  # Display parses back equal
    assert Quantity.parse(case["input"]) == q


@pytest.mark.parametrize("case", BAD, ids=case_id)
def test_rejects_quantity(case: dict[str, Any]) -> None:
    with pytest.raises(ParseError) as info:
        parse_quantity(case["input"])
    assert (info.value.code, info.value.input) == (case["error"], case["input"])
    assert 0 <= info.value.start <= info.value.end <= len(case["input"])


def test_parse_error_position_is_in_code_points() -> None:
    with pytest.raises(ParseError) as info:
        parse_quantity("5.2英里")
    e = info.value
    assert (e.code, e.start, e.end, e.input[e.start : e.end]) == ("unknown-unit", 3, 5, "英里")


@pytest.mark.parametrize("case", DATA["conversions"], ids=lambda c: f"{c['input']}->{c['to']}")
def test_convert_to(case: dict[str, Any]) -> None:
    q = parse_quantity(case["input"])
    if "error" in case:
        err = UnitError if case["error"] in ("incompatible-units", "percent-vs-point") else QuantityError
        with pytest.raises(err) as info:
            q.convert_to(case["to"])
        assert info.value.code == case["error"]
        assert isinstance(info.value, ValueError)
    else:
        r = q.convert_to(planwatch.Unit(case["to"]))
        assert (r.value, r.exponent, r.unit) == (Decimal(case["result"]), 0, case["to"])
        assert q.convert_to(case["to"]) == r


@pytest.mark.parametrize("case", DATA["comparisons"], ids=lambda c: f"{c['left']} ? {c['right']}")
def test_compare_amounts(case: dict[str, Any]) -> None:
    a, b = parse_quantity(case["left"]), parse_quantity(case["right"])
    if "error" in case:
        for op in ("__lt__", "__le__", "__gt__", "__ge__"):
            with pytest.raises(UnitError) as info:
                getattr(a, op)(b)
            assert info.value.code == case["error"]
        assert (a == b) is False  # equality never raises
    else:
        order = case["order"]
        # The order agrees with ==: equal amounts written differently are neither <= nor >=.
        same = a == b
        assert ((a < b), (a <= b), (a > b), (a >= b)) == (order < 0, order < 0 or same, order > 0, order > 0 or same)


def test_order_agrees_with_equality() -> None:
    a, b = parse_quantity("1万元"), parse_quantity("10000元")
    assert (a == b, a < b, a <= b, a > b, a >= b) == (False, False, False, False, False)
    c = parse_quantity("5.20%")
    assert (c == parse_quantity("5.2%"), c <= parse_quantity("5.2%"), hash(c) == hash(parse_quantity("5.2%"))) == (True, True, True)


@pytest.mark.parametrize("case", DATA["arithmetic"], ids=lambda c: f"{c['left']} {c['op']} {c['right']}")
def test_arithmetic(case: dict[str, Any]) -> None:
    a, b = parse_quantity(case["left"]), parse_quantity(case["right"])
    op = (lambda x, y: x + y) if case["op"] == "add" else (lambda x, y: x - y)
    if "error" in case:
        with pytest.raises(UnitError) as info:
            op(a, b)
        assert info.value.code == case["error"]
    else:
        assert str(op(a, b)) == case["result"]


def test_equality_is_structural_and_hash_consistent() -> None:
    assert Quantity(Decimal("5.20"), 0, "percent") == Quantity("5.2", 0, "percent")
    assert hash(Quantity(Decimal("5.20"), 0, "percent")) == hash(Quantity("5.2", 0, "percent"))
    assert parse_quantity("1.3万亿元") != parse_quantity("13000亿元")  # same amount, other form
    assert parse_quantity("1.3万亿元") != "1.3万亿元"
    assert len({parse_quantity("5.2%"), parse_quantity("5.20%"), parse_quantity("5.2％")}) == 2


@pytest.mark.parametrize(
    ("q", "rep"),
    [
        (parse_quantity("126.06万亿元"), "Quantity(Decimal('126.06'), 12, 'CNY', unit_text='元')"),
        (parse_quantity("5.2％"), "Quantity(Decimal('5.2'), 0, 'percent', unit_text='％')"),
        (Quantity(7), "Quantity(Decimal('7'), 0, 'number', unit_text='')"),
        (parse_quantity("32379.77亿美元"), "Quantity(Decimal('32379.77'), 8, 'USD', unit_text='美元')"),
    ],
)
def test_repr_eval_pickle_json_dict(q: Quantity, rep: str) -> None:
    assert repr(q) == rep
    assert eval(rep, NS) == q
    back = pickle.loads(pickle.dumps(q))
    assert back == q and hash(back) == hash(q) and repr(back) == rep
    assert Quantity.from_json(q.to_json()) == q
    d = q.to_dict()
    assert Quantity(d["value"], d["exponent"], d["unit"], unit_text=d["unit_text"]) == q


def test_decimal_survives_every_round_trip() -> None:
    q = parse_quantity("32379.77亿美元")
    assert json.loads(q.to_json())["value"] == "32379.77"
    assert pickle.loads(pickle.dumps(q)).value == Decimal("32379.77")
    assert q.to_dict()["value"] == Decimal("32379.77")
    assert str(Quantity.from_json(q.to_json()).value) == "32379.77"


@pytest.mark.parametrize(
    ("args", "kwargs", "error"),
    [
        ((5.2, 0, "percent"), {}, TypeError),
        (("5.2", 0, "furlong"), {}, UnitError),
        (("abc",), {}, planwatch.InvalidInputError),
        ((Decimal("NaN"),), {}, planwatch.InvalidInputError),
        ((Decimal("Infinity"),), {}, planwatch.InvalidInputError),
    ],
)
def test_constructor_rejects(args: tuple[Any, ...], kwargs: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        Quantity(*args, **kwargs)


def test_from_json_errors_are_load_errors() -> None:
    with pytest.raises(planwatch.LoadError) as info:
        Quantity.from_json('{"value": 5.2, "exponent": 0, "unit": "percent", "unit_text": "%"}')
    assert info.value.line == 1
    with pytest.raises(planwatch.LoadError):
        Quantity.from_json('{"value": "5.2", "exponent": 0, "unit": "furlong", "unit_text": ""}')


def test_scientific_decimal_input() -> None:
    assert Quantity(Decimal("1E+3")).value == Decimal("1000")


def test_a_float_value_says_to_quote_it() -> None:
    with pytest.raises(TypeError) as info:
        planwatch.Quantity(0.1, 0, "percent")  # type: ignore[arg-type]
    assert str(info.value) == (
        "value: expected decimal.Decimal, int or str, not float; pass the value as a string, e.g. '0.1', to keep it exact"
    )
    with pytest.raises(TypeError, match="^value: expected decimal.Decimal, int or str, not list$"):
        planwatch.Quantity([1], 0, "percent")  # type: ignore[arg-type]


def test_str_of_a_figure_is_the_figure_as_written() -> None:
    assert str(planwatch.parse_target("增长5%左右")) == "增长5%左右"
    m = planwatch.extract("投资规模5000万-1亿元")[0]
    assert str(m.figure) == m.text == "5000万-1亿元"
    assert repr(m.figure).startswith("Figure.from_json(")
