"""Flat rows of mentions for JSON lines and CSV (used by ``python -m planwatch extract``).

Records (targets and outcomes) are written by the core's record table
(:meth:`planwatch.Dataset.to_jsonl`, :meth:`planwatch.Dataset.to_csv`); mention rows follow
its conventions: decimals as strings (a range bound in full when its scale differs from the
value's), absent values as ``null`` in JSON lines and empty cells in CSV (RFC 4180, CRLF line
ends), ``start``/``end`` in code points.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from planwatch._planwatch import Mention, Quantity

__all__ = ["MENTION_FIELDS", "mention_rows", "to_jsonl", "to_csv"]

#: The fields of a mention row, in order.
MENTION_FIELDS = (
    "text",
    "start",
    "end",
    "kind",
    "indicator",
    "subject",
    "year",
    "end_year",
    "basis",
    "comparator",
    "value",
    "exponent",
    "unit",
    "unit_text",
    "lower",
    "upper",
    "direction",
)

Row = dict[str, Union[str, int, None]]


def _same_scale(a: Quantity, b: Quantity) -> bool:
    return a.exponent == b.exponent and a.unit == b.unit and a.unit_text == b.unit_text


def _quantities(figure: Any) -> tuple[Optional[Quantity], Optional[str], Optional[str], Optional[str]]:
    """The anchor quantity, then value, lower and upper as written in a row: mantissas, or a
    bound in full when its scale differs from the anchor's."""
    value, lower, upper = figure.value, figure.lower, figure.upper
    anchor = next((q for q in (value, lower, upper) if q is not None), None)

    def bound(q: Optional[Quantity]) -> Optional[str]:
        if q is None:
            return None
        if anchor is not None and _same_scale(anchor, q):
            return str(q.value)
        return str(q)

    return anchor, (str(value.value) if value is not None else None), bound(lower), bound(upper)


def mention_rows(mentions: Iterable[Mention]) -> list[Row]:
    """One row per mention (fields :data:`MENTION_FIELDS`)."""
    rows: list[Row] = []
    for m in mentions:
        _, value, lower, upper = _quantities(m)
        rows.append(
            {
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "kind": m.kind,
                "indicator": m.indicator,
                "subject": m.subject,
                "year": m.year,
                "end_year": m.end_year,
                "basis": m.basis,
                "comparator": m.comparator,
                "value": value,
                "exponent": m.exponent,
                "unit": m.unit,
                "unit_text": m.unit_text,
                "lower": lower,
                "upper": upper,
                "direction": m.direction,
            }
        )
    return rows


def to_jsonl(rows: Iterable[Mapping[str, Any]]) -> str:
    """One compact JSON object per line (UTF-8 kept as is), ``\\n`` after each."""
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows)


def _csv_field(value: Any) -> str:
    s = "" if value is None else str(value)
    if any(c in s for c in ',"\r\n') or s.startswith(" ") or s.endswith(" "):
        return '"' + s.replace('"', '""') + '"'
    return s


def to_csv(rows: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> str:
    """RFC 4180 CSV with a header line and CRLF line ends; absent values are empty cells."""
    out = [",".join(fields) + "\r\n"]
    for r in rows:
        out.append(",".join(_csv_field(r.get(f)) for f in fields) + "\r\n")
    return "".join(out)
