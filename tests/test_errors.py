"""The exception hierarchy: bases, attributes, pickling."""

from __future__ import annotations

import pickle

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
