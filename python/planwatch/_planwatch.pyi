"""Type stubs for the Rust extension of planwatch (checked by ``mypy.stubtest``)."""

import datetime
import os
from decimal import Decimal
from typing import Any, Iterator, Optional, Union, final

import pandas  # type: ignore[import-untyped, unused-ignore]
import polars

__all__ = [
    "Dataset",
    "load",
    "Figure",
    "Outcome",
    "Target",
    "parse_figure",
    "parse_target",
    "Document",
    "Period",
    "Provenance",
    "Numeral",
    "parse_numeral",
    "Quantity",
    "parse_quantity",
    "Unit",
]

_DecimalLike = Union[Decimal, int, str]
_UnitLike = Union["Unit", str]
_DateLike = Union[datetime.date, str]

@final
class Unit:
    """A unit of measurement, named by its stable code (``CNY``, ``percent``, ``count:艘`` …)."""

    def __new__(cls, code: str, /) -> Unit: ...
    @staticmethod
    def count(classifier: str, /) -> Unit:
        """The unit for a classifier written in text (``人`` gives ``person``)."""
    @property
    def code(self) -> str:
        """The stable code."""
    @property
    def canonical_text(self) -> str:
        """The Chinese text the unit is published as (``''`` for plain numbers)."""
    @property
    def name_en(self) -> str:
        """An English name."""
    @property
    def dimension(self) -> str:
        """``currency:CNY``, ``count:人``, ``mass``, ``area``, ``ratio``, ``percentage_point`` …"""
    @property
    def factor(self) -> tuple[int, int]:
        """The exact factor to the dimension's base unit as ``(numerator, denominator)``."""
    @property
    def is_count(self) -> bool:
        """Whether this is a count (classifier) unit."""
    @property
    def is_ratio(self) -> bool:
        """Whether this is percent, per mille, percentage point or multiple."""
    def same_dimension(self, other: _UnitLike, /) -> bool:
        """Whether the units share a dimension (and so compare, add and convert)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Unit], tuple[str]]: ...

@final
class Numeral:
    """A numeral as published: mantissa, magnitude exponent (万 = 4, 亿 = 8) and exactness."""

    def __new__(
        cls,
        value: _DecimalLike,
        exponent: int = 0,
        approx: str = "exact",
        high: Optional[_DecimalLike] = None,
    ) -> Numeral: ...
    @property
    def value(self) -> Decimal:
        """The mantissa as published."""
    @property
    def exponent(self) -> int:
        """The power of ten of the magnitude word."""
    @property
    def approx(self) -> str:
        """``exact``, ``more_than`` (余, 多) or ``between`` (十几, 数十)."""
    @property
    def high(self) -> Optional[Decimal]:
        """The upper mantissa of a ``between`` numeral."""
    @property
    def is_exact(self) -> bool:
        """Whether the numeral is exact."""
    def to_dict(self) -> dict[str, Any]:
        """``{'value', 'exponent', 'approx', 'high'}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Numeral], tuple[Decimal, int, str, Optional[Decimal]]]: ...

def parse_numeral(text: str, /) -> Numeral:
    """Parses a whole string as one numeral; raises ``ParseError``."""

@final
class Period:
    """A year with a basis (``year``, ``year_end``, ``average``), or a plan period (cumulative)."""

    def __new__(cls, year: int, end_year: Optional[int] = None, basis: Optional[str] = None) -> Period: ...
    @property
    def year(self) -> int:
        """The (first) year."""
    @property
    def end_year(self) -> Optional[int]:
        """The last year of a plan period."""
    @property
    def last_year(self) -> int:
        """The last year the period covers."""
    @property
    def basis(self) -> str:
        """``year``, ``year_end``, ``average`` or ``cumulative``."""
    def contains_year(self, year: int, /) -> bool:
        """Whether the period covers ``year``."""
    def to_dict(self) -> dict[str, Any]:
        """``{'year', 'end_year', 'basis'}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __lt__(self, other: Period, /) -> bool: ...
    def __le__(self, other: Period, /) -> bool: ...
    def __gt__(self, other: Period, /) -> bool: ...
    def __ge__(self, other: Period, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Period], tuple[int, Optional[int], str]]: ...

@final
class Provenance:
    """Where a record was read. ``text[p.start:p.end] == p.quote`` (code points) when the
    document text is known; ``byte_start``/``byte_end`` are UTF-8 offsets."""

    def __new__(
        cls,
        document: str,
        byte_start: int,
        byte_end: int,
        quote: str,
        start: Optional[int] = None,
        end: Optional[int] = None,
    ) -> Provenance: ...
    @property
    def document(self) -> str:
        """Id of the document."""
    @property
    def start(self) -> Optional[int]:
        """Code-point offset of the quote (None when the text is unknown)."""
    @property
    def end(self) -> Optional[int]:
        """Code-point offset one past the quote (None when the text is unknown)."""
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset of the quote."""
    @property
    def byte_end(self) -> int:
        """UTF-8 byte offset one past the quote."""
    @property
    def quote(self) -> str:
        """The document text at the span."""
    def check(self, text: str, /) -> bool:
        """Whether ``text`` holds the quote at the span."""
    def to_dict(self) -> dict[str, Any]:
        """``{'document', 'start', 'end', 'byte_start', 'byte_end', 'quote'}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(
        self,
    ) -> tuple[type[Provenance], tuple[str, int, int, str, Optional[int], Optional[int]]]: ...

@final
class Document:
    """One published document."""

    def __new__(
        cls,
        id: str,
        title: str,
        issuer: str,
        kind: str,
        jurisdiction: str,
        delivered: Optional[_DateLike] = None,
        outcome_year: Optional[int] = None,
        plan_year: Optional[int] = None,
        source: Optional[str] = None,
    ) -> Document: ...
    @property
    def id(self) -> str:
        """Stable id (``cn-ndrc-plan-report-2024``)."""
    @property
    def title(self) -> str:
        """Title as published."""
    @property
    def issuer(self) -> str:
        """Issuing body as published."""
    @property
    def kind(self) -> str:
        """``ndrc_plan_report``, ``government_work_report``, ``five_year_plan``,
        ``provincial_report`` or ``other``."""
    @property
    def jurisdiction(self) -> str:
        """``CN`` or a GB/T 2260 region code."""
    @property
    def delivered(self) -> Optional[datetime.date]:
        """The delivery date."""
    @property
    def outcome_year(self) -> Optional[int]:
        """The year whose outcomes the document reports."""
    @property
    def plan_year(self) -> Optional[int]:
        """The year whose plan the document sets."""
    @property
    def source(self) -> Optional[str]:
        """The file holding the document's text, relative to the data file."""
    def years(self) -> list[int]:
        """The outcome and plan years, in order."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a dict (``delivered`` as ``datetime.date``)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Document], tuple[Any, ...]]: ...

@final
class Quantity:
    """An exact published quantity: mantissa (``Decimal``), magnitude exponent (万 = 4, 亿 = 8,
    万亿 = 12), unit code and the unit as written.

    ``==``/``hash`` compare the published form (``5.2 == 5.20``; ``1.3万亿`` != ``13000亿``);
    ``<``, ``<=``, ``>``, ``>=`` compare amounts across exponents and units of one dimension and
    raise ``UnitError`` across dimensions.
    """

    def __new__(
        cls,
        value: _DecimalLike,
        exponent: int = 0,
        unit: Optional[_UnitLike] = None,
        *,
        unit_text: Optional[str] = None,
    ) -> Quantity: ...
    @staticmethod
    def parse(text: str, /) -> Quantity:
        """Parses a quantity as published (``126.06万亿元``); raises ``ParseError``."""
    @classmethod
    def from_json(cls, json: str, /) -> Quantity:
        """Reads the JSON form; raises ``LoadError``."""
    @property
    def value(self) -> Decimal:
        """The published mantissa."""
    @property
    def exponent(self) -> int:
        """The power of ten of the magnitude word."""
    @property
    def unit(self) -> str:
        """The unit code."""
    @property
    def unit_text(self) -> str:
        """The unit as written."""
    @property
    def magnitude_text(self) -> str:
        """The magnitude word of the exponent (万, 亿, 万亿 …) or ``''``."""
    @property
    def is_ratio(self) -> bool:
        """Whether the unit is %, ‰, percentage point or multiple."""
    def to_base(self) -> Decimal:
        """The exact amount ``value × 10**exponent`` in the quantity's unit."""
    def convert_to(self, unit: _UnitLike, /) -> Quantity:
        """The same amount in another unit of the dimension (exact, exponent 0); raises
        ``UnitError`` across dimensions and ``QuantityError`` when inexact."""
    def to_json(self) -> str:
        """``{"value": "126.06", "exponent": 12, "unit": "CNY", "unit_text": "元"}``."""
    def to_dict(self) -> dict[str, Any]:
        """``{'value': Decimal, 'exponent', 'unit', 'unit_text'}``."""
    def __add__(self, other: Quantity, /) -> Quantity: ...
    def __sub__(self, other: Quantity, /) -> Quantity: ...
    def __radd__(self, other: Quantity, /) -> Quantity: ...
    def __rsub__(self, other: Quantity, /) -> Quantity: ...
    def __neg__(self) -> Quantity: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __lt__(self, other: Quantity, /) -> bool: ...
    def __le__(self, other: Quantity, /) -> bool: ...
    def __gt__(self, other: Quantity, /) -> bool: ...
    def __ge__(self, other: Quantity, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

def parse_quantity(text: str, /) -> Quantity:
    """Parses a quantity as published: ``126.06万亿元`` is ``Quantity(Decimal('126.06'), 12, 'CNY')``."""

@final
class Figure:
    """One stated figure: comparator, quantity or bounds, direction, reference, phrase."""

    @staticmethod
    def parse_target(text: str, /) -> Figure:
        """Parses a target phrase; raises ``ParseError``."""
    @classmethod
    def from_json(cls, json: str, /) -> Figure:
        """Reads the JSON form; raises ``LoadError``."""
    def to_json(self) -> str:
        """The JSON form (decimals as strings)."""
    @property
    def comparator(self) -> str:
        """``exact``, ``around``, ``at_least``, ``at_most``, ``more_than``, ``less_than``, ``range``,
        ``in_step_with``, ``relative``, ``direction_only`` or ``qualitative``."""
    @property
    def value(self) -> Optional[Quantity]:
        """The quantity (not for ranges and non-quantitative comparators)."""
    @property
    def lower(self) -> Optional[Quantity]:
        """The lower bound of a range."""
    @property
    def upper(self) -> Optional[Quantity]:
        """The upper bound of a range."""
    @property
    def direction(self) -> Optional[str]:
        """``increase``, ``decrease``, ``stable`` or ``improve``."""
    @property
    def reference(self) -> Optional[tuple[str, Optional[str], str]]:
        """``(text, indicator id, relation)`` of a relational figure."""
    @property
    def text(self) -> str:
        """The phrase as written."""
    @property
    def is_quantitative(self) -> bool:
        """Whether the comparator carries a quantity."""
    def lower_bound(self) -> Optional[Quantity]:
        """The lowest value the figure admits, if stated."""
    def upper_bound(self) -> Optional[Quantity]:
        """The highest value the figure admits, if stated."""
    def signed_value(self) -> Optional[Quantity]:
        """The point value with the direction folded into its sign."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a dict (quantities as dicts)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

def parse_target(text: str, /) -> Figure:
    """Parses a target phrase (``增长5%左右``, ``1200万人以上``, ``基本平衡``); raises ``ParseError``."""

def parse_figure(text: str, /) -> Figure:
    """Parses an outcome phrase; qualifiers bound the value (``超过2.2万亿元``)."""

@final
class Target:
    """What a plan sets: indicator + period + figure + provenance."""

    @classmethod
    def from_json(cls, json: str, /, start: Optional[int] = None, end: Optional[int] = None) -> Target:
        """Reads the JSON form (``start``/``end``: code-point span of the provenance)."""
    def to_json(self) -> str:
        """The JSON form (decimals as strings, byte offsets)."""
    @property
    def indicator(self) -> str:
        """Catalogue id of the indicator."""
    @property
    def period(self) -> Period:
        """The period."""
    @property
    def figure(self) -> Figure:
        """The figure."""
    @property
    def provenance(self) -> Optional[Provenance]:
        """Where the record was read."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str, Optional[int], Optional[int]]]: ...

@final
class Outcome:
    """What a report says was achieved: indicator + period + figure + status + provenance."""

    @classmethod
    def from_json(cls, json: str, /, start: Optional[int] = None, end: Optional[int] = None) -> Outcome:
        """Reads the JSON form (``start``/``end``: code-point span of the provenance)."""
    def to_json(self) -> str:
        """The JSON form (decimals as strings, byte offsets)."""
    @property
    def indicator(self) -> str:
        """Catalogue id of the indicator."""
    @property
    def period(self) -> Period:
        """The period."""
    @property
    def figure(self) -> Figure:
        """The figure."""
    @property
    def provenance(self) -> Optional[Provenance]:
        """Where the record was read."""
    @property
    def status(self) -> str:
        """``preliminary``, ``final`` or ``revised``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str, Optional[int], Optional[int]]]: ...

@final
class Dataset:
    """One document's targets, outcomes and stated verdicts (and its text, when known)."""

    @classmethod
    def from_json(cls, json: str, /, text: Optional[str] = None) -> Dataset:
        """Reads a dataset from JSON; raises ``LoadError`` with line and column."""
    def to_json(self) -> str:
        """Pretty JSON (decimals as strings)."""
    @property
    def document(self) -> Document:
        """The document."""
    @property
    def text(self) -> Optional[str]:
        """The document text, when known."""
    @property
    def targets(self) -> list[Target]:
        """The targets."""
    @property
    def outcomes(self) -> list[Outcome]:
        """The outcomes."""
    def to_pandas(self, decimal: bool = False) -> pandas.DataFrame:
        """A tidy frame, one row per record; floats, or ``Decimal`` objects when ``decimal``."""
    def to_polars(self, decimal: bool = False) -> polars.DataFrame:
        """A tidy polars frame; ``Decimal`` columns when ``decimal``."""
    def _repr_html_(self) -> str: ...
    def _columns(self, decimal: bool = False) -> dict[str, Any]: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Union[Target, Outcome]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str, Optional[str]]]: ...

def load(path: Union[str, "os.PathLike[str]"], /) -> Dataset:
    """Loads a dataset file and the text its ``source`` names; raises ``LoadError``."""
