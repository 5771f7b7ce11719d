"""Unit, Period, Provenance, Document: construction, properties, repr/eval, pickling, dicts."""

from __future__ import annotations

import datetime
import pickle
from typing import Any

import pytest

import planwatch
from planwatch import Document, Period, Provenance, Unit

NS: dict[str, Any] = {
    "Unit": Unit,
    "Period": Period,
    "Provenance": Provenance,
    "Document": Document,
    "datetime": datetime,
}


@pytest.mark.parametrize(
    ("code", "text", "dimension", "factor", "is_ratio", "is_count"),
    [
        ("CNY", "元", "currency:CNY", (1, 1), False, False),
        ("USD", "美元", "currency:USD", (1, 1), False, False),
        ("person", "人", "count:人", (1, 1), False, True),
        ("count:艘", "艘", "count:艘", (1, 1), False, True),
        ("jin", "斤", "mass", (1, 2), False, False),
        ("ton", "吨", "mass", (1000, 1), False, False),
        ("mu", "亩", "area", (2000, 3), False, False),
        ("km2", "平方公里", "area", (1000000, 1), False, False),
        ("kwh", "千瓦时", "electric_energy", (1, 1), False, False),
        ("tce", "吨标准煤", "coal_equivalent", (1, 1), False, False),
        ("percent", "%", "ratio", (1, 1), True, False),
        ("per_mille", "‰", "ratio", (1, 10), True, False),
        ("percentage_point", "个百分点", "percentage_point", (1, 1), True, False),
        ("multiple", "倍", "multiple", (1, 1), True, False),
        ("number", "", "number", (1, 1), False, False),
    ],
)
def test_unit_table(
    code: str, text: str, dimension: str, factor: tuple[int, int], is_ratio: bool, is_count: bool
) -> None:
    u = Unit(code)
    assert (u.code, u.canonical_text, u.dimension, u.factor, u.is_ratio, u.is_count) == (
        code,
        text,
        dimension,
        factor,
        is_ratio,
        is_count,
    )
    assert str(u) == code
    assert repr(u) == f"Unit('{code}')"
    assert eval(repr(u), NS) == u and hash(eval(repr(u), NS)) == hash(u)
    assert pickle.loads(pickle.dumps(u)) == u


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("mu", "km2", True), ("jin", "ton", True), ("CNY", "USD", False), ("person", "vehicle", False),
     ("percent", "percentage_point", False), ("kwh", "tce", False), ("percent", "per_mille", True)],
)
def test_unit_same_dimension(a: str, b: str, same: bool) -> None:
    assert Unit(a).same_dimension(b) is same
    assert Unit(a).same_dimension(Unit(b)) is same


def test_unit_count_and_unknown() -> None:
    assert Unit.count("人") == Unit("person")
    assert Unit.count("艘").code == "count:艘"
    with pytest.raises(planwatch.UnitError) as info:
        Unit("furlong")
    assert info.value.code == "unknown-unit"


@pytest.mark.parametrize(
    ("period", "text", "rep", "last", "as_dict"),
    [
        (Period(2023), "2023 (year)", "Period(2023)", 2023, {"year": 2023, "end_year": None, "basis": "year"}),
        (
            Period(2023, basis="year_end"),
            "2023 (year_end)",
            "Period(2023, basis='year_end')",
            2023,
            {"year": 2023, "end_year": None, "basis": "year_end"},
        ),
        (
            Period(2021, 2025),
            "2021-2025 (cumulative)",
            "Period(2021, 2025)",
            2025,
            {"year": 2021, "end_year": 2025, "basis": "cumulative"},
        ),
        (
            Period(2021, 2025, basis="average"),
            "2021-2025 (average)",
            "Period(2021, 2025, basis='average')",
            2025,
            {"year": 2021, "end_year": 2025, "basis": "average"},
        ),
    ],
)
def test_period(period: Period, text: str, rep: str, last: int, as_dict: dict[str, Any]) -> None:
    assert str(period) == text
    assert repr(period) == rep
    assert period.last_year == last
    assert period.to_dict() == as_dict
    back = eval(rep, NS)
    assert back == period and hash(back) == hash(period)
    assert pickle.loads(pickle.dumps(period)) == period


def test_period_order_and_contains() -> None:
    assert sorted([Period(2024), Period(2023, basis="year_end"), Period(2023)]) == [
        Period(2023),
        Period(2023, basis="year_end"),
        Period(2024),
    ]
    assert Period(2021, 2025).contains_year(2023) is True
    assert Period(2021, 2025).contains_year(2026) is False
    with pytest.raises(planwatch.InvalidInputError):
        Period(2025, 2021)
    with pytest.raises(planwatch.InvalidInputError):
        Period(2023, basis="quarterly")


def test_provenance() -> None:
    text = "全年国内生产总值（GDP）126.06万亿元，增长5.2%；"
    quote = "增长5.2%"
    start = text.index(quote)
    byte_start = len(text[:start].encode())
    p = Provenance("doc", byte_start, byte_start + len(quote.encode()), quote, start=start, end=start + len(quote))
    assert (p.start, p.end, p.byte_start, p.byte_end) == (23, 29, 51, 61)
    assert text[p.start : p.end] == p.quote == quote
    assert p.check(text) is True
    assert p.check(text[1:]) is False
    assert eval(repr(p), NS) == p
    assert pickle.loads(pickle.dumps(p)) == p and hash(pickle.loads(pickle.dumps(p))) == hash(p)
    assert p.to_dict() == {
        "document": "doc",
        "start": 23,
        "end": 29,
        "byte_start": 51,
        "byte_end": 61,
        "quote": quote,
    }
    bare = Provenance("doc", 51, 61, quote)
    assert (bare.start, bare.end) == (None, None)
    with pytest.raises(planwatch.InvalidInputError):
        Provenance("doc", 51, 60, quote)
    with pytest.raises(planwatch.InvalidInputError):
        Provenance("doc", 51, 61, quote, start=23, end=28)


DOC = Document(
    "cn-ndrc-plan-report-2024",
    "关于2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告",
    "国家发展和改革委员会",
    "ndrc_plan_report",
    "CN",
    delivered=datetime.date(2024, 3, 5),
    outcome_year=2023,
    plan_year=2024,
)


def test_document() -> None:
    assert DOC.delivered == datetime.date(2024, 3, 5)
    assert (DOC.kind, DOC.jurisdiction, DOC.years()) == ("ndrc_plan_report", "CN", [2023, 2024])
    assert eval(repr(DOC), NS) == DOC
    assert hash(eval(repr(DOC), NS)) == hash(DOC)
    assert pickle.loads(pickle.dumps(DOC)) == DOC
    d = DOC.to_dict()
    assert d["delivered"] == datetime.date(2024, 3, 5)
    assert Document(**d) == DOC
    assert Document("x", "t", "i", "other", "440000", delivered="2024-01-31").delivered == datetime.date(2024, 1, 31)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"kind": "memo"}, planwatch.InvalidInputError),
        ({"delivered": "2024-02-30"}, planwatch.InvalidInputError),
        ({"delivered": 20240305}, TypeError),
    ],
)
def test_document_rejects(kwargs: dict[str, Any], error: type[Exception]) -> None:
    args: dict[str, Any] = {"id": "x", "title": "t", "issuer": "i", "kind": "other", "jurisdiction": "CN"}
    args.update(kwargs)
    with pytest.raises(error):
        Document(**args)
