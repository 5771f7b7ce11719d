"""Tidy DataFrames from planwatch records (pandas and polars imported lazily).

The Rust extension hands over records column by column (``columns`` below): a dict from
column name to either a list of Python values (``str``, ``int``, ``Decimal`` or ``None``) or a
dictionary-encoded string column ``("dict", codes, values)`` (native-endian int32 codes into
the ``values`` list, -1 for missing), or a typed buffer ``("f64", bytes)`` (native-endian float64, NaN for missing) or ``("i64", bytes,
mask)`` (native-endian int64 with an optional byte mask, 1 = missing). Buffers skip the
creation of one Python object per cell, which is what makes a million-record frame fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Sequence, Union

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    import polars as pl

Column = Union[Sequence[Any], tuple[Any, ...]]
Columns = Mapping[str, Column]

#: The tidy record columns, in order: one row per target or outcome.
RECORD_COLUMNS = (
    "document",
    "indicator",
    "name_zh",
    "name_en",
    "year",
    "end_year",
    "basis",
    "kind",
    "comparator",
    "direction",
    "value",
    "lower",
    "upper",
    "unit",
    "exponent",
    "status",
    "quote",
    "start",
    "end",
)


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
                if mask is None:
                    data[name] = values
                else:
                    data[name] = pandas.arrays.IntegerArray(values.copy(), np.frombuffer(mask, dtype=np.bool_).copy())
            else:  # pragma: no cover - the extension only sends f64 and i64
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


def dicts_to_pandas(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] = ()) -> pd.DataFrame:
    """A pandas DataFrame from a list of flat dicts; ``columns`` fixes the columns and their
    order (so an empty list still has them)."""
    pandas = _require("pandas", "pandas")
    cols = list(columns) or (list(rows[0].keys()) if rows else [])
    frame: pd.DataFrame = pandas.DataFrame.from_records([[r.get(c) for c in cols] for r in rows], columns=cols)
    return frame


def dicts_to_polars(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] = ()) -> pl.DataFrame:
    """A polars DataFrame from a list of flat dicts (see :func:`dicts_to_pandas`)."""
    polars = _require("polars", "polars")
    cols = list(columns) or (list(rows[0].keys()) if rows else [])
    data = {c: [r.get(c) for r in rows] for c in cols}
    frame: pl.DataFrame = polars.DataFrame(data, strict=False)
    return frame
