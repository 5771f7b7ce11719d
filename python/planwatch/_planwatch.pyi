"""Type stubs for the Rust extension of planwatch (checked by ``mypy.stubtest``)."""

import datetime
import os
from decimal import Decimal
from typing import Any, Iterator, Optional, Union, final

import pandas  # type: ignore[import-untyped, unused-ignore]
import polars
import pyarrow  # type: ignore[import-untyped, unused-ignore]

from planwatch._collections import MentionList, PanelScorecard, Scorecard

__version__: str

__all__ = [
    "__version__",
    "_expand_paths",
    "_mention_columns",
    "_mention_table",
    "_scorecard_columns",
    "_panel_scorecard_columns",
    "Assessment",
    "Jurisdiction",
    "Panel",
    "PanelRow",
    "jurisdictions",
    "panel",
    "Catalogue",
    "Extraction",
    "ExtractedFiles",
    "Indicator",
    "Issue",
    "Mention",
    "Policy",
    "Rule",
    "ScoreRow",
    "StatedVerdict",
    "ValidationReport",
    "assess",
    "builtin",
    "builtin_rules",
    "builtin_text",
    "catalogue",
    "extract",
    "extract_document",
    "extract_files",
    "scorecard",
    "validate",
    "read_table",
    "table_fields",
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
    def __str__(self) -> str:
        """The figure as written (``增长5%左右``)."""
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
    def to_dict(self) -> dict[str, Any]:
        """``indicator``, then ``period``, ``figure`` and ``provenance`` as their own dicts."""
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
    def to_dict(self) -> dict[str, Any]:
        """``indicator``, then ``period``, ``figure`` and ``provenance`` as their own dicts; ``status`` too."""
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
    @property
    def verdicts(self) -> list[StatedVerdict]:
        """The verdicts the document states in words."""
    @property
    def indicators(self) -> list[Indicator]:
        """The indicators the dataset defines beyond the built-in catalogue."""
    def catalogue(self) -> Catalogue:
        """The built-in catalogue extended with the dataset's own indicators."""
    def to_jsonl(self, catalogue: Optional[Catalogue] = None) -> str:
        """Every record as JSON lines (the core's record table; code-point spans); names from
        ``catalogue`` (by default the dataset's own catalogue)."""
    def to_csv(self, catalogue: Optional[Catalogue] = None) -> str:
        """Every record as RFC 4180 CSV with a header line (bare empty cell: missing; ``""``:
        empty string)."""
    def assess(self, policy: Optional[Policy] = None, catalogue: Optional[Catalogue] = None) -> Scorecard:
        """The scorecard: ``planwatch.scorecard(self, catalogue, policy)``."""
    def validate(
        self, catalogue: Optional[Catalogue] = None, rules: Optional[list[Rule]] = None
    ) -> ValidationReport:
        """``planwatch.validate(self, catalogue, rules)``."""
    def to_pandas(self, decimal: bool = False, catalogue: Optional[Catalogue] = None) -> pandas.DataFrame:
        """The record table as a frame (columns ``table_fields()``), one row per record; floats,
        or ``Decimal`` objects when ``decimal``; names from ``catalogue``."""
    def to_polars(self, decimal: bool = False, catalogue: Optional[Catalogue] = None) -> polars.DataFrame:
        """A tidy polars frame; ``Decimal`` columns when ``decimal``."""
    def to_arrow(self, decimal: bool = True, catalogue: Optional[Catalogue] = None) -> pyarrow.Table:
        """A ``pyarrow.Table``, one row per record: values exact Arrow decimals
        (``decimal128(38, s)``), or floats when not ``decimal``."""
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The Arrow PyCapsule stream (``pyarrow.table(ds)``, ``polars.DataFrame(ds)``): the
        rows of ``to_arrow()``, exact decimals."""
    def _repr_html_(self) -> str: ...
    def _columns(self, decimal: bool = False, catalogue: Optional[Catalogue] = None) -> dict[str, Any]: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Union[Target, Outcome]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str, Optional[str]]]: ...

def load(path: Union[str, "os.PathLike[str]"], /) -> Dataset:
    """Loads a dataset file and the text its ``source`` names; raises ``LoadError``."""

def builtin() -> Dataset:
    """The built-in 2024 NDRC plan report: targets, outcomes and stated verdicts, with its text."""

def builtin_text() -> str:
    """The built-in report's text (35,301 characters)."""

@final
class StatedVerdict:
    """A verdict the document states in words (``能耗强度下降和碳强度下降不及预期``)."""

    @classmethod
    def from_json(
        cls, json: str, /, start: Optional[int] = None, end: Optional[int] = None
    ) -> StatedVerdict:
        """Reads the JSON form (``start``/``end``: code-point span of the provenance)."""
    def to_json(self) -> str:
        """The JSON form (byte offsets)."""
    @property
    def indicator(self) -> str:
        """Catalogue id of the indicator."""
    @property
    def period(self) -> Period:
        """The period whose target the verdict judges."""
    @property
    def verdict(self) -> str:
        """``met``, ``exceeded``, ``missed`` or ``not_assessable``."""
    @property
    def provenance(self) -> Optional[Provenance]:
        """Where the verdict was read."""
    def to_dict(self) -> dict[str, Any]:
        """``{'indicator', 'period', 'verdict', 'provenance'}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str, Optional[int], Optional[int]]]: ...

@final
class Indicator:
    """One indicator: stable id, names, aliases, category, attribute, desired direction,
    measure and unit."""

    def __new__(
        cls,
        id: str,
        name_zh: str,
        name_en: str,
        category: str,
        desired: str,
        measure: str,
        unit: _UnitLike,
        aliases: list[str] = ...,
        attribute: Optional[str] = None,
    ) -> Indicator: ...
    @classmethod
    def from_json(cls, json: str, /) -> Indicator:
        """Reads the JSON form; raises ``LoadError``."""
    def to_json(self) -> str:
        """The JSON form."""
    @property
    def id(self) -> str:
        """Stable snake_case id (``gdp_growth``)."""
    @property
    def name_zh(self) -> str:
        """Chinese name."""
    @property
    def name_en(self) -> str:
        """English name."""
    @property
    def aliases(self) -> list[str]:
        """Other names under which reports write the indicator."""
    @property
    def category(self) -> str:
        """Category code (``growth``, ``employment``, ``prices`` …)."""
    @property
    def attribute(self) -> Optional[str]:
        """``indicative`` (预期性), ``binding`` (约束性) or None."""
    @property
    def desired(self) -> str:
        """``higher_better``, ``lower_better``, ``band`` or ``neutral``."""
    @property
    def measure(self) -> str:
        """``level``, ``growth_rate``, ``share``, ``rate`` or ``change``."""
    @property
    def unit(self) -> str:
        """The unit code its values are stated in."""
    def names(self) -> list[str]:
        """The Chinese name, then the aliases."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a dict."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class Catalogue:
    """Indicators found by id or by name (leftmost-longest in text)."""

    def __new__(cls, indicators: list[Indicator] = ...) -> Catalogue: ...
    @classmethod
    def from_json(cls, json: str, /) -> Catalogue:
        """Reads a JSON array of indicators; raises ``LoadError``."""
    def to_json(self) -> str:
        """The indicators as a JSON array."""
    def get(self, id: str, /) -> Optional[Indicator]:
        """The indicator with this id."""
    def lookup(self, name: str, /) -> Optional[Indicator]:
        """The indicator whose name or alias is exactly ``name``."""
    def find_in(self, text: str, /) -> Optional[tuple[Indicator, int, int]]:
        """The leftmost-longest name in ``text`` as ``(indicator, start, end)`` in code points."""
    def match_at(self, text: str, /) -> Optional[tuple[Indicator, int]]:
        """The longest name ``text`` starts with, as ``(indicator, length in code points)``."""
    def ids(self) -> list[str]:
        """The ids, in catalogue order."""
    def to_dicts(self) -> list[dict[str, Any]]:
        """One dict per indicator."""
    def to_pandas(self) -> pandas.DataFrame:
        """One row per indicator."""
    def to_polars(self) -> polars.DataFrame:
        """One row per indicator, as a polars frame."""
    def to_arrow(self) -> pyarrow.Table:
        """One row per indicator, as a ``pyarrow.Table``."""
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The Arrow PyCapsule stream: the rows of ``to_arrow()``."""
    def __len__(self) -> int: ...
    def __contains__(self, id: object, /) -> bool: ...
    def __getitem__(self, id: str, /) -> Indicator: ...
    def __iter__(self) -> Iterator[Indicator]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

def catalogue() -> Catalogue:
    """The built-in catalogue."""

@final
class Policy:
    """How qualifiers are read when assessing (tolerances as ``Decimal``)."""

    def __new__(
        cls,
        *,
        around_tolerance_pp: Optional[_DecimalLike] = None,
        around_tolerance_rel: Optional[_DecimalLike] = None,
        in_step_tolerance_pp: Optional[_DecimalLike] = None,
        in_step_tolerance_rel: Optional[_DecimalLike] = None,
    ) -> Policy: ...
    @classmethod
    def from_json(cls, json: str, /) -> Policy:
        """Reads the JSON form (missing fields take their defaults)."""
    def to_json(self) -> str:
        """The JSON form (decimals as strings)."""
    @property
    def around_tolerance_pp(self) -> Decimal:
        """Half-width of 左右 in percentage points, for % and pp targets (default 0.5)."""
    @property
    def around_tolerance_rel(self) -> Decimal:
        """Half-width of 左右 as a fraction of the value, for other units (default 0.02)."""
    @property
    def in_step_tolerance_pp(self) -> Decimal:
        """How far from the reference an in-step (同步) outcome may be, in pp (default 0.5)."""
    @property
    def in_step_tolerance_rel(self) -> Decimal:
        """The same as a fraction of the reference, for other units (default 0.02)."""
    def to_dict(self) -> dict[str, Decimal]:
        """The four tolerances."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class Assessment:
    """A verdict with its components and the policy used."""

    @classmethod
    def from_json(cls, json: str, /) -> Assessment:
        """Reads the JSON form."""
    def to_json(self) -> str:
        """The JSON form."""
    @property
    def verdict(self) -> str:
        """``met``, ``exceeded``, ``missed`` or ``not_assessable``."""
    @property
    def reason(self) -> Optional[str]:
        """Why not assessable (``unit-mismatch``, ``needs-reference``, …)."""
    @property
    def band(self) -> Optional[tuple[Optional[Quantity], Optional[Quantity]]]:
        """The band held against, ``(lower, upper)``; an open side is None."""
    @property
    def value(self) -> Optional[Quantity]:
        """The outcome as compared (signed, in the band's unit and magnitude)."""
    @property
    def margin(self) -> Optional[Decimal]:
        """How far on the good side of the target (positive = better)."""
    @property
    def desired(self) -> str:
        """The indicator's desired direction."""
    @property
    def comparator(self) -> str:
        """The target's comparator."""
    @property
    def policy(self) -> Policy:
        """The policy used."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a dict."""
    def _repr_html_(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

def assess(
    target: Target,
    outcome: Outcome,
    indicator: Union[Indicator, str, None] = None,
    policy: Optional[Policy] = None,
    reference: Optional[Outcome] = None,
) -> Assessment:
    """Assesses a target against an outcome (``reference``: the reference indicator's outcome
    for a relational target); ``indicator`` defaults to the built-in catalogue's."""

@final
class ScoreRow:
    """An indicator and period: target, outcome, reference outcome, assessment, stated verdict."""

    @classmethod
    def from_json(cls, json: str, /, text: Optional[str] = None) -> ScoreRow:
        """Reads the JSON form (``text``: the document text, for code-point spans)."""
    def to_json(self) -> str:
        """The JSON form."""
    @property
    def indicator(self) -> str:
        """Catalogue id of the indicator."""
    @property
    def period(self) -> Period:
        """The period."""
    @property
    def target(self) -> Optional[Target]:
        """The target (None for a row that only carries a stated verdict)."""
    @property
    def outcome(self) -> Optional[Outcome]:
        """The outcome of the same indicator and period."""
    @property
    def reference(self) -> Optional[Outcome]:
        """For a relational target, the reference indicator's outcome."""
    @property
    def assessment(self) -> Optional[Assessment]:
        """The assessment, when there is a target, an outcome and a known indicator."""
    @property
    def stated(self) -> Optional[StatedVerdict]:
        """The verdict the document states."""
    @property
    def verdict(self) -> Optional[str]:
        """The assessment's verdict, else the stated one."""
    @property
    def label(self) -> str:
        """The verdict as reports print it (``exceeded (+44万人) = stated``)."""
    def to_dict(self) -> dict[str, Any]:
        """The row of the scorecard table (``table_fields("scorecard")``)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str, Optional[str]]]: ...

def scorecard(
    dataset: Dataset, catalogue: Optional[Catalogue] = None, policy: Optional[Policy] = None
) -> Scorecard:
    """Every target with its outcome, assessment and stated verdict, then the stated verdicts
    no target took."""

@final
class Issue:
    """One validation problem: code, severity, path, message."""

    def __new__(cls, code: str, severity: str, path: str, message: str) -> Issue: ...
    @property
    def code(self) -> str:
        """Stable kebab-case code."""
    @property
    def severity(self) -> str:
        """``error`` or ``warning``."""
    @property
    def path(self) -> str:
        """Where, as a path into the dataset's JSON."""
    @property
    def message(self) -> str:
        """A sentence for people."""
    def to_dict(self) -> dict[str, str]:
        """``{'code', 'severity', 'path', 'message'}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Issue], tuple[str, str, str, str]]: ...

@final
class ValidationReport:
    """Every issue of a dataset; raising is opt-in (``raise_for_errors()``)."""

    def __new__(cls, issues: list[Issue] = ...) -> ValidationReport: ...
    @classmethod
    def from_json(cls, json: str, /) -> ValidationReport:
        """Reads the JSON form."""
    def to_json(self) -> str:
        """The JSON form."""
    @property
    def issues(self) -> list[Issue]:
        """Every issue, in dataset order."""
    @property
    def is_ok(self) -> bool:
        """Whether there is no error."""
    def errors(self) -> list[dict[str, str]]:
        """The errors as ``{'code', 'severity', 'path', 'message'}`` dicts."""
    def warnings(self) -> list[dict[str, str]]:
        """The warnings as dicts."""
    def to_dicts(self) -> list[dict[str, str]]:
        """Every issue as a dict."""
    def to_dict(self) -> dict[str, Any]:
        """``{'is_ok', 'issues'}``."""
    def raise_for_errors(self) -> ValidationReport:
        """Raises ``ValidationError`` when there is an error; else returns the report."""
    def to_pandas(self) -> pandas.DataFrame:
        """One row per issue: code, severity, path, message."""
    def to_polars(self) -> polars.DataFrame:
        """One row per issue, as a polars frame."""
    def to_arrow(self) -> pyarrow.Table:
        """One row per issue, as a ``pyarrow.Table`` of strings."""
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The Arrow PyCapsule stream: the rows of ``to_arrow()``."""
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Issue]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class Rule:
    """A consistency rule: a share identity or a level ordering."""

    @staticmethod
    def share_identity(
        share: str, part: str, whole: str, tolerance_pp: Optional[_DecimalLike] = None, kind: str = "outcome"
    ) -> Rule:
        """``share = part / whole`` within rounding plus ``tolerance_pp``."""
    @staticmethod
    def level_ordering(lower: str, higher: str, kind: str = "outcome") -> Rule:
        """``lower <= higher``."""
    @classmethod
    def from_json(cls, json: str, /) -> Rule:
        """Reads the JSON form."""
    def to_json(self) -> str:
        """The JSON form."""
    @property
    def kind(self) -> str:
        """``share_identity`` or ``level_ordering``."""
    def to_dict(self) -> dict[str, Any]:
        """The fields with the rule's ``kind``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

def builtin_rules() -> list[Rule]:
    """The consistency rules of the built-in report."""

def validate(
    dataset: Dataset, catalogue: Optional[Catalogue] = None, rules: Optional[list[Rule]] = None
) -> ValidationReport:
    """Every issue of the dataset (never raises for bad data). Releases the GIL."""

@final
class Mention:
    """A figure in running text; ``text[m.start:m.end] == m.text`` (code points)."""

    @classmethod
    def from_json(
        cls,
        json: str,
        /,
        start: int,
        end: int,
        subject_start: Optional[int] = None,
        subject_end: Optional[int] = None,
    ) -> Mention:
        """Reads the JSON form with the code-point spans."""
    def to_json(self) -> str:
        """The JSON form (byte spans)."""
    @property
    def text(self) -> str:
        """The figure as written."""
    @property
    def start(self) -> int:
        """Code-point offset of the figure."""
    @property
    def end(self) -> int:
        """Code-point offset one past the figure."""
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset."""
    @property
    def byte_end(self) -> int:
        """UTF-8 byte offset one past the figure."""
    @property
    def figure(self) -> Figure:
        """The whole figure."""
    @property
    def comparator(self) -> str:
        """The comparator or bound."""
    @property
    def value(self) -> Optional[Quantity]:
        """The quantity (None for ranges)."""
    @property
    def lower(self) -> Optional[Quantity]:
        """A range's lower bound."""
    @property
    def upper(self) -> Optional[Quantity]:
        """A range's upper bound."""
    @property
    def exponent(self) -> Optional[int]:
        """Magnitude exponent of the value (or of the range's first bound)."""
    @property
    def unit(self) -> Optional[str]:
        """Unit code of the value (or of the range's first bound)."""
    @property
    def unit_text(self) -> Optional[str]:
        """The unit as written."""
    @property
    def direction(self) -> Optional[str]:
        """``increase``, ``decrease``, ``stable``, ``improve``."""
    @property
    def subject(self) -> Optional[str]:
        """The subject phrase the figure measures."""
    @property
    def subject_start(self) -> Optional[int]:
        """Code-point offset of the subject."""
    @property
    def subject_end(self) -> Optional[int]:
        """Code-point offset one past the subject."""
    @property
    def indicator(self) -> Optional[str]:
        """Catalogue id of the indicator."""
    @property
    def year(self) -> Optional[int]:
        """The year the figure speaks of."""
    @property
    def end_year(self) -> Optional[int]:
        """The last year of a plan period."""
    @property
    def basis(self) -> Optional[str]:
        """``year``, ``year_end``, ``average``, ``cumulative`` where the text gives one."""
    @property
    def kind(self) -> str:
        """``target``, ``outcome`` or ``other``."""
    def to_dict(self) -> dict[str, Any]:
        """The row of the mention table (``table_fields("mentions")``; decimals as ``Decimal``)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str, int, int, Optional[int], Optional[int]]]: ...

def extract(
    text: str,
    /,
    catalogue: Optional[Catalogue] = None,
    *,
    plan_year: Optional[int] = None,
    outcome_year: Optional[int] = None,
) -> MentionList:
    """Every figure of ``text`` in text order (years resolve 今年 / 去年). Releases the GIL."""

def _mention_columns(mentions: Any, decimal: bool = False) -> dict[str, Any]: ...
def _mention_table(mentions: Any, format: str = "jsonl") -> str: ...
def _scorecard_columns(rows: Any, decimal: bool = False) -> dict[str, Any]: ...
def _panel_scorecard_columns(rows: Any, decimal: bool) -> dict[str, Any]: ...

@final
class Extraction:
    """A document's targets (headline first) and outcomes read from its text."""

    @classmethod
    def from_json(cls, json: str, /, text: str) -> Extraction:
        """Reads the JSON form with its text."""
    def to_json(self) -> str:
        """The JSON form."""
    @property
    def document(self) -> str:
        """The document id used in provenance."""
    @property
    def text(self) -> str:
        """The text extracted from."""
    @property
    def targets(self) -> list[Target]:
        """Every target with a known indicator and year, headline first."""
    @property
    def headline(self) -> list[Target]:
        """The headline targets (主要预期目标)."""
    @property
    def headline_len(self) -> int:
        """How many of ``targets`` are headline targets."""
    @property
    def outcomes(self) -> list[Outcome]:
        """Every outcome with a known indicator and year."""
    @property
    def mentions(self) -> MentionList:
        """Every mention."""
    @property
    def unresolved(self) -> MentionList:
        """Target and outcome mentions without indicator or year."""
    def to_dict(self) -> dict[str, Any]:
        """``{'document', 'headline_len', 'targets', 'outcomes'}``."""
    def to_dataset(self, document: Optional[Document] = None) -> Dataset:
        """The records as a dataset (text attached), for ``validate`` and ``assess``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str, str]]: ...

def extract_document(
    text: str,
    /,
    doc_id: Optional[str] = None,
    catalogue: Optional[Catalogue] = None,
    *,
    document: Optional[Document] = None,
    plan_year: Optional[int] = None,
    outcome_year: Optional[int] = None,
) -> Extraction:
    """The targets and outcomes of a document's text. Releases the GIL."""

_PathArg = Union[str, "os.PathLike[str]"]

@final
class ExtractedFiles:
    """The rows of many text files in one table, each row naming its file first: the rows of
    ``planwatch extract`` (mentions, or with ``targets`` records). Frames are built column by
    column; it pickles."""

    @property
    def targets(self) -> bool: ...
    @property
    def files(self) -> list[str]:
        """The files extracted, in order."""
    @property
    def errors(self) -> list[tuple[str, str]]:
        """``(file, why)`` of every input that failed or path that named nothing."""
    @property
    def fields(self) -> list[str]:
        """``file``, then the table's fields."""
    def __len__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def to_jsonl(self) -> str:
        """The bytes ``planwatch extract`` writes."""
    def to_csv(self) -> str:
        """The bytes ``planwatch extract --format csv`` writes."""
    def write(self, file: Any, format: str = "jsonl") -> int:
        """Writes the bytes of ``to_jsonl()``/``to_csv()`` to a binary file object; the number
        of bytes."""
    def write_dir(self, out_dir: _PathArg, format: str = "jsonl") -> list[tuple[str, str]]:
        """One file per input in ``out_dir``, as ``planwatch extract --out-dir``; the inputs
        whose output could not be written, with why."""
    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as dicts, ``file`` first; decimals as ``Decimal``."""
    def _columns(self, decimal: bool = False) -> dict[str, Any]: ...
    def to_pandas(self, decimal: bool = False) -> pandas.DataFrame: ...
    def to_polars(self, decimal: bool = False) -> polars.DataFrame: ...
    def to_arrow(self, decimal: bool = True) -> pyarrow.Table: ...
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...
    @staticmethod
    def concat(results: Any) -> ExtractedFiles:
        """One result of several, in order."""
    @classmethod
    def _from_state(cls, state: str) -> ExtractedFiles: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

def extract_files(
    paths: Union[_PathArg, Any],
    /,
    jobs: Optional[int] = None,
    targets: bool = False,
    encoding: Optional[str] = None,
    catalogue: Optional[Catalogue] = None,
    *,
    errors: str = "raise",
) -> ExtractedFiles:
    """Reads and extracts files, folders, globs and ``-`` in parallel in Rust (GIL released),
    as ``planwatch extract``; raises ``LoadError`` naming a file that fails unless
    ``errors="collect"``."""

def _expand_paths(paths: Union[_PathArg, Any]) -> tuple[list[str], list[tuple[str, str]]]: ...

def table_fields(table: str = "records") -> list[str]:
    """The column names of a table (``records``, ``mentions``, ``scorecard``, ``panel`` or
    ``panel_scorecard``), in order."""

def read_table(text: str, /, format: str = "jsonl") -> list[dict[str, Any]]:
    """Reads a record table (``jsonl`` or ``csv``) as dicts; raises ``LoadError``."""

@final
class Jurisdiction:
    """The nation (``CN``) or a provincial-level division, by GB/T 2260 code."""

    def __new__(cls, code_or_name: str, /) -> Jurisdiction:
        """By code (``440000``) or name (``广东省``, ``广东``, ``Guangdong``); ``ValueError`` if none."""
    @staticmethod
    def named_in(text: str) -> Optional[Jurisdiction]:
        """The provincial-level division a title, byline or opening line names."""
    @staticmethod
    def of_report(text: str) -> Optional[Jurisdiction]:
        """The provincial-level division a report is of, read from its opening lines."""
    @property
    def code(self) -> str:
        """``CN`` or the six-digit code."""
    @property
    def name_zh(self) -> str:
        """The full Chinese name."""
    @property
    def short_zh(self) -> str:
        """The name without its suffix."""
    @property
    def abbreviation(self) -> str:
        """The one-character abbreviation (empty for the nation)."""
    @property
    def name_en(self) -> str:
        """The English name."""
    @property
    def level(self) -> str:
        """``national``, ``province``, ``municipality`` or ``autonomous_region``."""
    @property
    def tier(self) -> str:
        """``national`` or ``provincial``: the ``level`` of the panel frames."""
    @property
    def is_provincial(self) -> bool:
        """Whether the jurisdiction is provincial."""
    @property
    def self_references(self) -> list[str]:
        """How its reports speak of it (``全省``, ``全市``, ``全区``)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def jurisdictions() -> list[Jurisdiction]:
    """The nation and the 31 provincial-level divisions."""

@final
class PanelRow:
    """A panel scorecard row: jurisdiction, ``ScoreRow`` and the documents of its records."""

    @property
    def jurisdiction(self) -> str:
        """``CN`` or the GB/T 2260 code."""
    @property
    def row(self) -> ScoreRow:
        """The target, outcome, assessment and stated verdict."""
    @property
    def target_document(self) -> Optional[str]:
        """The id of the target's document."""
    @property
    def outcome_document(self) -> Optional[str]:
        """The id of the outcome's document."""
    @property
    def stated_document(self) -> Optional[str]:
        """The id of the stated verdict's document."""
    def to_dict(self) -> dict[str, Any]:
        """One flat dict: the columns of ``table_fields("panel_scorecard")``."""

@final
class Panel:
    """Many documents' datasets joined across documents."""

    def __new__(cls, datasets: list[Dataset], /) -> Panel:
        """A panel; ``ValueError`` when two datasets share a document id."""
    @classmethod
    def from_dir(cls, path: Union[str, os.PathLike[str]], /) -> Panel:
        """Every dataset file (``*.json``) of a folder; raises ``LoadError``."""
    @property
    def datasets(self) -> list[Dataset]:
        """The datasets, in the order given."""
    def dataset(self, document_id: str) -> Optional[Dataset]:
        """The dataset of the document with this id."""
    def jurisdictions(self) -> list[str]:
        """The documents' jurisdictions, ``CN`` first."""
    def indicators(self) -> list[str]:
        """The indicators with a target or an outcome."""
    def years(self) -> list[int]:
        """The first years of every record's period."""
    def __len__(self) -> int: ...
    def targets_for(self, jurisdiction: str, indicator: str, period: Period) -> list[tuple[str, Target]]:
        """Every ``(document id, Target)`` for the years of ``period``, in precedence order."""
    def outcomes_for(self, jurisdiction: str, indicator: str, period: Period) -> list[tuple[str, Outcome]]:
        """Every ``(document id, Outcome)`` for the years of ``period``, in precedence order."""
    def target(self, jurisdiction: str, indicator: str, period: Period) -> Optional[tuple[str, Target]]:
        """The ``(document id, Target)`` a scorecard uses."""
    def outcome(self, jurisdiction: str, indicator: str, period: Period) -> Optional[tuple[str, Outcome]]:
        """The ``(document id, Outcome)`` a scorecard uses."""
    def scorecard(
        self, catalogue: Optional[Catalogue] = None, policy: Optional[Policy] = None
    ) -> PanelScorecard:
        """A row per jurisdiction, indicator and period with a target, across documents."""
    def filter(
        self, level: Optional[str] = None, jurisdiction: Union[str, list[str], None] = None
    ) -> Panel:
        """The panel of the documents of a level (``national``, ``provincial`` or a level code)
        and of the jurisdictions given (codes or names)."""
    def to_jsonl(self, catalogue: Optional[Catalogue] = None, policy: Optional[Policy] = None) -> str:
        """Every record as JSON lines: the core's panel record table."""
    def to_csv(self, catalogue: Optional[Catalogue] = None, policy: Optional[Policy] = None) -> str:
        """Every record as RFC 4180 CSV: the core's panel record table."""
    def to_dicts(self, catalogue: Optional[Catalogue] = None, policy: Optional[Policy] = None) -> list[dict[str, Any]]:
        """One flat dict per record (``table_fields("panel")``); decimals as ``Decimal``."""
    def to_pandas(
        self, decimal: bool = False, catalogue: Optional[Catalogue] = None, policy: Optional[Policy] = None
    ) -> pandas.DataFrame:
        """The long frame, one row per record (``table_fields("panel")``)."""
    def to_polars(
        self, decimal: bool = False, catalogue: Optional[Catalogue] = None, policy: Optional[Policy] = None
    ) -> polars.DataFrame:
        """The long frame as polars."""
    def to_arrow(
        self, decimal: bool = True, catalogue: Optional[Catalogue] = None, policy: Optional[Policy] = None
    ) -> pyarrow.Table:
        """The long table as Arrow, exact decimals by default."""
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The Arrow PyCapsule stream: the rows of ``to_arrow()``."""
    def to_wide(
        self,
        kind: str = "both",
        indicators: Optional[list[str]] = None,
        decimal: bool = False,
        catalogue: Optional[Catalogue] = None,
        policy: Optional[Policy] = None,
    ) -> pandas.DataFrame:
        """One row per jurisdiction and year, one column per indicator (and kind)."""
    def _columns(
        self, decimal: bool = False, catalogue: Optional[Catalogue] = None, policy: Optional[Policy] = None
    ) -> dict[str, Any]: ...

def panel() -> Panel:
    """The built-in panel."""
