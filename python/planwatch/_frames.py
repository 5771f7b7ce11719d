"""Tidy DataFrames from planwatch records (pandas and polars imported lazily).

The Rust extension hands over the core's tables (``planwatch::table``) column by column
(``columns`` below): a dict from column name to a dictionary-encoded string column ``("dict",
codes, values)`` (native-endian int32 codes into the ``values`` list, -1 for missing), a typed
buffer ``("f64", bytes)`` (native-endian float64, NaN for missing) or ``("i64", bytes, mask)``
(native-endian int64 with an optional byte mask, 1 = missing), or exact decimals ``("decimal",
[Decimal | None])``. Which columns a table has and what they hold is decided by the core; this
module only builds frames. Buffers skip the creation of one Python object per cell, which is
what makes a million-record frame fast.

Integer columns (``year``, ``end_year``, ``exponent``, ``start``, ``end``) are pandas' nullable
``Int64`` whether or not a value is missing, so frames of different data concatenate cleanly.

Arrow (``to_arrow`` and the ``__arrow_c_stream__`` protocol): strings are ``string``, integers
``int64`` and missing values nulls. Exact values (``decimal=True``, which the stream always uses)
are ``decimal128(38, s)``, ``s`` the largest scale in the column, or ``decimal256(76, s)`` when a
value needs more than 38 digits at that scale: every published value is carried exactly (a
column holding ``5`` and ``32379.77`` reads back ``5.00`` and ``32379.77``, equal numbers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Sequence, Union

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    import polars as pl
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

Column = Union[Sequence[Any], tuple[Any, ...]]
Columns = Mapping[str, Column]

from planwatch._planwatch import table_fields

#: The record columns, in order: one row per target or outcome (the core's record table).
RECORD_COLUMNS = tuple(table_fields("records"))


def _require(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            f"{module} is needed for this; install it with `pip install planwatch[{extra}]`"
        ) from exc


def to_pandas(columns: Columns) -> pd.DataFrame:
    """A pandas DataFrame from extension columns (see the module docs)."""
    pandas = _require("pandas", "pandas")
    np = _require("numpy", "pandas")
    data: dict[str, Any] = {}
    for name, col in columns.items():
        if isinstance(col, tuple):
            kind = col[0]
            if kind == "dict":
                codes = np.frombuffer(col[1], dtype=np.int32)
                data[name] = pandas.Categorical.from_codes(codes, categories=pandas.Index(col[2], dtype=object))
            elif kind == "f64":
                data[name] = np.frombuffer(col[1], dtype=np.float64)
            elif kind == "i64":
                values = np.frombuffer(col[1], dtype=np.int64)
                mask = col[2] if len(col) > 2 else None
                missing = np.zeros(len(values), dtype=np.bool_) if mask is None else np.frombuffer(mask, dtype=np.bool_).copy()
                data[name] = pandas.arrays.IntegerArray(values.copy(), missing)
            elif kind == "decimal":
                data[name] = pandas.array(col[1], dtype=object)
            else:  # pragma: no cover - the extension only sends these kinds
                raise ValueError(f"unknown column buffer kind {kind!r}")
        else:
            data[name] = pandas.array(col, dtype=object) if _has_decimal(col) else col
    frame: pd.DataFrame = pandas.DataFrame(data, copy=False)
    return frame


def to_polars(columns: Columns) -> pl.DataFrame:
    """A polars DataFrame from extension columns (see the module docs)."""
    polars = _require("polars", "polars")
    np = _require("numpy", "polars")
    series = []
    for name, col in columns.items():
        if isinstance(col, tuple):
            kind = col[0]
            if kind == "dict":
                codes = np.frombuffer(col[1], dtype=np.int32)
                values = polars.Series(name, [*col[2], None], dtype=polars.String)
                series.append(values.gather(np.where(codes < 0, len(col[2]), codes)))
            elif kind == "f64":
                series.append(polars.Series(name, np.frombuffer(col[1], dtype=np.float64), nan_to_null=True))
            elif kind == "i64":
                values = polars.Series(name, np.frombuffer(col[1], dtype=np.int64))
                mask = col[2] if len(col) > 2 else None
                if mask is not None:
                    missing = polars.Series(np.frombuffer(mask, dtype=np.bool_))
                    values = polars.select(polars.when(missing).then(None).otherwise(values).alias(name)).to_series()
                series.append(values)
            elif kind == "decimal":
                series.append(polars.Series(name, col[1], dtype=polars.Decimal(scale=_max_scale(col[1]))))
            else:  # pragma: no cover
                raise ValueError(f"unknown column buffer kind {kind!r}")
        elif _has_decimal(col):
            series.append(polars.Series(name, col, dtype=polars.Decimal(scale=_max_scale(col))))
        else:
            series.append(polars.Series(name, col))
    frame: pl.DataFrame = polars.DataFrame(series)
    return frame


def _has_decimal(col: Sequence[Any]) -> bool:
    from decimal import Decimal

    return any(isinstance(v, Decimal) for v in col[:64]) or any(isinstance(v, Decimal) for v in col)


def _max_scale(col: Sequence[Any]) -> int:
    scale = 0
    for v in col:
        if v is not None:
            exp = v.as_tuple().exponent
            if isinstance(exp, int) and -exp > scale:
                scale = -exp
    return scale


#: Columns of flat-dict tables that hold integers (nullable ``Int64`` in pandas).
INTEGER_COLUMNS = frozenset({"year", "end_year", "exponent", "start", "end"})
#: Columns that hold exact values: Arrow decimals even when every value is missing.
DECIMAL_COLUMNS = frozenset({"value", "lower", "upper", "margin"})


def dicts_to_pandas(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] = ()) -> pd.DataFrame:
    """A pandas DataFrame from a list of flat dicts; ``columns`` fixes the columns and their
    order (so an empty list still has them). Integer columns are nullable ``Int64``."""
    pandas = _require("pandas", "pandas")
    cols = list(columns) or (list(rows[0].keys()) if rows else [])
    frame: pd.DataFrame = pandas.DataFrame.from_records([[r.get(c) for c in cols] for r in rows], columns=cols)
    for c in cols:
        if c in INTEGER_COLUMNS:
            frame[c] = frame[c].astype("Int64")
    return frame


def dicts_to_polars(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] = ()) -> pl.DataFrame:
    """A polars DataFrame from a list of flat dicts (see :func:`dicts_to_pandas`)."""
    polars = _require("polars", "polars")
    cols = list(columns) or (list(rows[0].keys()) if rows else [])
    data = {c: [r.get(c) for r in rows] for c in cols}
    schema = {c: polars.Int64 for c in cols if c in INTEGER_COLUMNS}
    frame: pl.DataFrame = polars.DataFrame(data, schema_overrides=schema, strict=False)
    return frame


def to_arrow(columns: Columns) -> pa.Table:
    """A ``pyarrow.Table`` from extension columns (see the module docs for the types); the
    buffers are read by Arrow directly (no numpy needed)."""
    pyarrow = _require("pyarrow", "pyarrow")
    pc = _require("pyarrow.compute", "pyarrow")
    arrays = []
    for name, col in columns.items():
        if isinstance(col, tuple):
            kind = col[0]
            if kind == "dict":
                codes = _buffer_array(pyarrow, pyarrow.int32(), col[1], 4)
                indices = pc.if_else(pc.less(codes, 0), pyarrow.scalar(None, pyarrow.int32()), codes)
                arrays.append(pyarrow.array(col[2], type=pyarrow.string()).take(indices))
            elif kind == "f64":
                values = _buffer_array(pyarrow, pyarrow.float64(), col[1], 8)
                arrays.append(pc.if_else(pc.is_nan(values), pyarrow.scalar(None, pyarrow.float64()), values))
            elif kind == "i64":
                values = _buffer_array(pyarrow, pyarrow.int64(), col[1], 8)
                mask = col[2] if len(col) > 2 else None
                if mask is not None:
                    missing = pc.cast(_buffer_array(pyarrow, pyarrow.uint8(), mask, 1), pyarrow.bool_())
                    values = pc.if_else(missing, pyarrow.scalar(None, pyarrow.int64()), values)
                arrays.append(values)
            elif kind == "decimal":
                arrays.append(_arrow_array(pyarrow, col[1], True))
            else:  # pragma: no cover
                raise ValueError(f"unknown column buffer kind {kind!r}")
        else:
            arrays.append(_arrow_array(pyarrow, col, name in DECIMAL_COLUMNS))
    table: pa.Table = pyarrow.Table.from_arrays(arrays, names=list(columns.keys()))
    return table


def _buffer_array(pyarrow: Any, kind: Any, data: bytes, width: int) -> Any:
    """An Arrow array over a native-endian buffer of fixed-width values, without copying."""
    return pyarrow.Array.from_buffers(kind, len(data) // width, [None, pyarrow.py_buffer(data)])


def dicts_to_arrow(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str] = (), strings: Sequence[str] = ()
) -> pa.Table:
    """A ``pyarrow.Table`` from flat dicts: ``columns`` in order (by default the keys of the
    first row); integer columns ``int64``, ``Decimal`` columns exact (see the module docs),
    ``strings`` typed ``string`` even when every value is missing."""
    pyarrow = _require("pyarrow", "pyarrow")
    columns = list(columns) or (list(rows[0].keys()) if rows else [])
    arrays = []
    for c in columns:
        values = [r.get(c) for r in rows]
        if c in INTEGER_COLUMNS:
            arrays.append(pyarrow.array(values, type=pyarrow.int64()))
        elif c in strings:
            arrays.append(pyarrow.array(values, type=pyarrow.string()))
        else:
            arrays.append(_arrow_array(pyarrow, values, c in DECIMAL_COLUMNS))
    table: pa.Table = pyarrow.Table.from_arrays(arrays, names=list(columns))
    return table


def _arrow_array(pyarrow: Any, values: Sequence[Any], exact: bool = False) -> Any:
    """An Arrow array of Python values; ``Decimal`` values exactly, as ``decimal128(38, s)``
    or, beyond 38 digits, ``decimal256(76, s)``. An ``exact`` column without any value is
    ``decimal128(38, 0)``; a float ``exact`` column (``decimal=False``) stays ``float64``."""
    if exact and all(v is None for v in values):
        return pyarrow.array(values, type=pyarrow.decimal128(38, 0))
    if _has_decimal(values):
        scale = _max_scale(values)
        digits = max((_integer_digits(v) for v in values if v is not None), default=1)
        kind = pyarrow.decimal128(38, scale) if digits + scale <= 38 else pyarrow.decimal256(76, scale)
        return pyarrow.array(values, type=kind)
    return pyarrow.array(values)


def _integer_digits(v: Any) -> int:
    t = v.as_tuple()
    exp = t.exponent if isinstance(t.exponent, int) else 0
    return max(len(t.digits) + exp, 1)


def arrow_stream(table: pa.Table, requested_schema: Any = None) -> Any:
    """The ``ArrowArrayStream`` PyCapsule of ``table`` (the Arrow PyCapsule interface), cast to
    ``requested_schema`` when the consumer asks for one pyarrow can cast to."""
    return table.__arrow_c_stream__(requested_schema)
