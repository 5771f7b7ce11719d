"""planwatch: typed, validated, traceable data from China's national economic and social
development plans.

Values are exact (:class:`decimal.Decimal` mantissa plus a power-of-ten exponent: 万 = 4,
亿 = 8, 万亿 = 12), units are unit-safe (percent is kept apart from percentage points), and every
record can cite the sentence it came from (code-point offsets: ``text[p.start:p.end] ==
p.quote``).

>>> import planwatch
>>> planwatch.Period(2023, basis="year_end")
Period(2023, basis='year_end')

``import planwatch`` imports neither pandas, polars nor matplotlib; they load on first use.
"""

from __future__ import annotations

from planwatch._errors import (
    InvalidInputError,
    LoadError,
    ParseError,
    PlanwatchError,
    QuantityError,
    UnitError,
    ValidationError,
)
from planwatch._planwatch import (
    Dataset,
    Document,
    Figure,
    Outcome,
    Target,
    load,
    parse_figure,
    parse_target,
    Numeral,
    Period,
    Provenance,
    Quantity,
    Unit,
    parse_numeral,
    parse_quantity,
)

__all__ = [
    # errors
    "PlanwatchError",
    "ParseError",
    "QuantityError",
    "UnitError",
    "LoadError",
    "InvalidInputError",
    "ValidationError",
    # model
    "Unit",
    "Period",
    "Provenance",
    "Document",
    "Numeral",
    "Quantity",
    "Figure",
    "Target",
    "Outcome",
    "Dataset",
    # functions
    "load",
    "parse_figure",
    "parse_target",
    "parse_numeral",
    "parse_quantity",
]
