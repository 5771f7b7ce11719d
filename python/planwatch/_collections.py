"""List types returned by planwatch: :class:`MentionList` (from :func:`planwatch.extract`),
:class:`Scorecard` (from :func:`planwatch.scorecard` and :meth:`planwatch.Dataset.assess`) and
:class:`PanelScorecard` (from :meth:`planwatch.Panel.scorecard`).

Both are plain ``list`` subclasses, so indexing, ``len`` and pickling behave as for any list, and
a slice keeps the type; they add tidy DataFrames and a notebook rendering. The tables are the
core's (``planwatch::table``): this module only hands the rows over. pandas and polars load on
first use.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Optional, SupportsIndex, Union, overload

from planwatch._planwatch import table_fields

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    import polars as pl
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    from planwatch._planwatch import Mention, PanelRow, ScoreRow

__all__ = ["MentionList", "Scorecard", "PanelScorecard", "MENTION_COLUMNS", "SCORECARD_COLUMNS", "PANEL_SCORECARD_COLUMNS"]

#: The mention columns, in order: one row per mention (the core's mention table).
MENTION_COLUMNS = tuple(table_fields("mentions"))

#: The scorecard columns, in order: one row per target (then per unmatched stated verdict);
#: the core's scorecard table.
SCORECARD_COLUMNS = tuple(table_fields("scorecard"))

#: The panel scorecard columns, in order: the jurisdiction, the scorecard columns, the documents
#: of the target, outcome and stated verdict (the core's panel scorecard table).
PANEL_SCORECARD_COLUMNS = tuple(table_fields("panel_scorecard"))


class MentionList(list["Mention"]):
    """The mentions of a text, in text order (a ``list`` of :class:`planwatch.Mention`)."""

    @overload
    def __getitem__(self, index: SupportsIndex) -> Mention: ...
    @overload
    def __getitem__(self, index: slice) -> MentionList: ...
    def __getitem__(self, index: Union[SupportsIndex, slice]) -> Union[Mention, MentionList]:
        if isinstance(index, slice):
            return MentionList(list.__getitem__(self, index))
        return list.__getitem__(self, index)

    def to_jsonl(self) -> str:
        """The mention table as JSON lines (columns :data:`MENTION_COLUMNS`): what
        ``cargo run --example extract`` writes (``planwatch extract`` adds a ``file`` field)."""
        from planwatch._planwatch import _mention_table

        return _mention_table(self, "jsonl")

    def to_csv(self) -> str:
        """The mention table as RFC 4180 CSV with a header line (bare empty cell: missing; ``""``:
        empty string)."""
        from planwatch._planwatch import _mention_table

        return _mention_table(self, "csv")

    def to_pandas(self, decimal: bool = False) -> pd.DataFrame:
        """A tidy frame, one row per mention (columns :data:`MENTION_COLUMNS`). ``value``,
        ``lower`` and ``upper`` are the published mantissas, each in its own exponent
        (``exponent``, ``lower_exponent``, ``upper_exponent``); ``*_base`` are exact base-unit
        values; decimals are floats, or ``Decimal`` when ``decimal``; ``start``/``end`` are code
        points; names come from the catalogue the mentions were read with."""
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
        """One flat dict per mention (see :meth:`planwatch.Mention.to_dict`), the columns of
        :data:`MENTION_COLUMNS`."""
        return [m.to_dict() for m in self]

    def _repr_html_(self) -> str:
        from planwatch._html import mentions_html

        return mentions_html(self)

    def __repr__(self) -> str:
        return f"MentionList({list.__repr__(self)})"


class Scorecard(list["ScoreRow"]):
    """Targets against outcomes with verdicts (a ``list`` of :class:`planwatch.ScoreRow`)."""

    @overload
    def __getitem__(self, index: SupportsIndex) -> ScoreRow: ...
    @overload
    def __getitem__(self, index: slice) -> Scorecard: ...
    def __getitem__(self, index: Union[SupportsIndex, slice]) -> Union[ScoreRow, Scorecard]:
        if isinstance(index, slice):
            return Scorecard(list.__getitem__(self, index))
        return list.__getitem__(self, index)

    def to_dicts(self, decimal: bool = True) -> list[dict[str, Any]]:
        """One flat dict per row (columns :data:`SCORECARD_COLUMNS`, see
        :meth:`planwatch.ScoreRow.to_dict`); numbers are ``Decimal``, or floats when
        ``decimal`` is false."""
        out = []
        for row in self:
            d = row.to_dict()
            if not decimal:
                d = {k: float(v) if isinstance(v, Decimal) else v for k, v in d.items()}
            out.append(d)
        return out

    def to_pandas(self, decimal: bool = False) -> pd.DataFrame:
        """One row per scorecard row (columns :data:`SCORECARD_COLUMNS`): target value and
        bounds, outcome value and margin as numbers (floats, or ``Decimal`` when ``decimal``),
        each with its exponent and unit; names, category and desired direction from the
        catalogue the scorecard was made with."""
        from planwatch import _frames
        from planwatch._planwatch import _scorecard_columns

        return _frames.to_pandas(_scorecard_columns(self, decimal))

    def to_polars(self, decimal: bool = False) -> pl.DataFrame:
        """The same as a polars frame."""
        from planwatch import _frames
        from planwatch._planwatch import _scorecard_columns

        return _frames.to_polars(_scorecard_columns(self, decimal))

    def to_arrow(self, decimal: bool = True) -> pa.Table:
        """A ``pyarrow.Table`` of the rows (columns :data:`SCORECARD_COLUMNS`); numbers exact
        Arrow decimals, or floats when not ``decimal``."""
        from planwatch import _frames
        from planwatch._planwatch import _scorecard_columns

        return _frames.to_arrow(_scorecard_columns(self, decimal))

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


class PanelScorecard(list["PanelRow"]):
    """A panel's targets against outcomes across documents (a ``list`` of
    :class:`planwatch.PanelRow`), with frames of the core's panel scorecard table."""

    @overload
    def __getitem__(self, index: SupportsIndex) -> PanelRow: ...
    @overload
    def __getitem__(self, index: slice) -> PanelScorecard: ...
    def __getitem__(self, index: Union[SupportsIndex, slice]) -> Union[PanelRow, PanelScorecard]:
        if isinstance(index, slice):
            return PanelScorecard(list.__getitem__(self, index))
        return list.__getitem__(self, index)

    def to_dicts(self) -> list[dict[str, Any]]:
        """One flat dict per row (columns :data:`PANEL_SCORECARD_COLUMNS`), numbers ``Decimal``."""
        return [row.to_dict() for row in self]

    def to_pandas(self, decimal: bool = False) -> pd.DataFrame:
        """One row per panel scorecard row (columns :data:`PANEL_SCORECARD_COLUMNS`):
        ``jurisdiction``, ``jurisdiction_name``, ``jurisdiction_name_en``, ``level``, the
        scorecard columns (see :meth:`Scorecard.to_pandas`) and the documents' ids."""
        from planwatch import _frames
        from planwatch._planwatch import _panel_scorecard_columns

        return _frames.to_pandas(_panel_scorecard_columns(self, decimal))

    def to_polars(self, decimal: bool = False) -> pl.DataFrame:
        """The same as a polars frame."""
        from planwatch import _frames
        from planwatch._planwatch import _panel_scorecard_columns

        return _frames.to_polars(_panel_scorecard_columns(self, decimal))

    def to_arrow(self, decimal: bool = True) -> pa.Table:
        """A ``pyarrow.Table`` of the rows; numbers exact Arrow decimals, or floats when not
        ``decimal``."""
        from planwatch import _frames
        from planwatch._planwatch import _panel_scorecard_columns

        return _frames.to_arrow(_panel_scorecard_columns(self, decimal))

    def counts(self) -> dict[Optional[str], int]:
        """How many rows have each verdict (``None``: no verdict)."""
        out: dict[Optional[str], int] = {}
        for row in self:
            out[row.row.verdict] = out.get(row.row.verdict, 0) + 1
        return out

    def __repr__(self) -> str:
        return f"PanelScorecard({list.__repr__(self)})"
