"""List types returned by planwatch: :class:`MentionList` (from :func:`planwatch.extract`) and
:class:`Scorecard` (from :func:`planwatch.scorecard` and :meth:`planwatch.Dataset.assess`).

Both are plain ``list`` subclasses, so indexing, slicing, ``len`` and pickling behave as for any
list; they add tidy DataFrames and a notebook rendering. pandas and polars load on first use.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    import polars as pl
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    from planwatch._planwatch import Mention, ScoreRow

__all__ = ["MentionList", "Scorecard", "MENTION_COLUMNS", "SCORECARD_COLUMNS"]

#: The tidy mention columns, in order: one row per mention.
MENTION_COLUMNS = (
    "text",
    "start",
    "end",
    "kind",
    "indicator",
    "name_zh",
    "name_en",
    "subject",
    "year",
    "end_year",
    "basis",
    "comparator",
    "direction",
    "value",
    "lower",
    "upper",
    "exponent",
    "unit",
    "unit_text",
)

#: The scorecard columns, in order: one row per target (then per unmatched stated verdict).
SCORECARD_COLUMNS = (
    "indicator",
    "name_zh",
    "name_en",
    "year",
    "end_year",
    "basis",
    "target",
    "comparator",
    "outcome",
    "reference",
    "verdict",
    "verdict_source",
    "stated",
    "reason",
    "margin",
)


class MentionList(list["Mention"]):
    """The mentions of a text, in text order (a ``list`` of :class:`planwatch.Mention`)."""

    def to_pandas(self, decimal: bool = False) -> pd.DataFrame:
        """A tidy frame, one row per mention (columns :data:`MENTION_COLUMNS`). ``value``,
        ``lower`` and ``upper`` are the published mantissas: floats, or ``Decimal`` when
        ``decimal``; ``start``/``end`` are code points."""
        from planwatch import _frames
        from planwatch._planwatch import _mention_columns

        return _frames.to_pandas(_mention_columns(self, decimal))

    def to_polars(self, decimal: bool = False) -> pl.DataFrame:
        """A tidy polars frame (see :meth:`to_pandas`)."""
        from planwatch import _frames
        from planwatch._planwatch import _mention_columns

        return _frames.to_polars(_mention_columns(self, decimal))

    def to_arrow(self, decimal: bool = True) -> pa.Table:
        """A ``pyarrow.Table``, one row per mention (columns :data:`MENTION_COLUMNS`);
        ``value``, ``lower`` and ``upper`` exact Arrow decimals, or floats when not
        ``decimal`` (see :mod:`planwatch._frames` for the types)."""
        from planwatch import _frames
        from planwatch._planwatch import _mention_columns

        return _frames.to_arrow(_mention_columns(self, decimal))

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The Arrow PyCapsule stream interface (``pyarrow.table(ms)``,
        ``polars.from_arrow(ms)``): the rows of :meth:`to_arrow`, exact decimals."""
        from planwatch import _frames

        return _frames.arrow_stream(self.to_arrow(), requested_schema)

    def to_dicts(self) -> list[dict[str, Any]]:
        """One flat dict per mention (see :meth:`planwatch.Mention.to_dict`)."""
        return [m.to_dict() for m in self]

    def _repr_html_(self) -> str:
        from planwatch._html import mentions_html

        return mentions_html(self)

    def __repr__(self) -> str:
        return f"MentionList({list.__repr__(self)})"


class Scorecard(list["ScoreRow"]):
    """Targets against outcomes with verdicts (a ``list`` of :class:`planwatch.ScoreRow`)."""

    def to_dicts(self, decimal: bool = True) -> list[dict[str, Any]]:
        """One flat dict per row, with the indicator's names (columns :data:`SCORECARD_COLUMNS`);
        ``margin`` is a ``Decimal``, or a float when ``decimal`` is false."""
        from planwatch._planwatch import catalogue

        cat = catalogue()
        out = []
        for row in self:
            d = row.to_dict()
            ind = cat.get(row.indicator)
            d["name_zh"] = ind.name_zh if ind is not None else None
            d["name_en"] = ind.name_en if ind is not None else None
            if not decimal and isinstance(d["margin"], Decimal):
                d["margin"] = float(d["margin"])
            out.append({name: d[name] for name in SCORECARD_COLUMNS})
        return out

    def to_pandas(self, decimal: bool = False) -> pd.DataFrame:
        """One row per scorecard row; ``margin`` float (or ``Decimal`` when ``decimal``)."""
        from planwatch import _frames

        return _frames.dicts_to_pandas(self.to_dicts(decimal), SCORECARD_COLUMNS)

    def to_polars(self, decimal: bool = False) -> pl.DataFrame:
        """The same as a polars frame."""
        from planwatch import _frames

        return _frames.dicts_to_polars(self.to_dicts(decimal), SCORECARD_COLUMNS)

    def to_arrow(self, decimal: bool = True) -> pa.Table:
        """A ``pyarrow.Table`` of the rows (columns :data:`SCORECARD_COLUMNS`); ``margin`` an
        exact Arrow decimal, or a float when not ``decimal``."""
        from planwatch import _frames

        strings = [c for c in SCORECARD_COLUMNS if c not in ("year", "end_year", "margin")]
        return _frames.dicts_to_arrow(self.to_dicts(decimal), SCORECARD_COLUMNS, strings)

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The Arrow PyCapsule stream interface: the rows of :meth:`to_arrow`, exact
        decimals."""
        from planwatch import _frames

        return _frames.arrow_stream(self.to_arrow(), requested_schema)

    def counts(self) -> dict[Optional[str], int]:
        """How many rows have each verdict (``None``: no verdict)."""
        out: dict[Optional[str], int] = {}
        for row in self:
            out[row.verdict] = out.get(row.verdict, 0) + 1
        return out

    def _repr_html_(self) -> str:
        from planwatch._html import scorecard_html

        return scorecard_html(self)

    def __repr__(self) -> str:
        return f"Scorecard({list.__repr__(self)})"
