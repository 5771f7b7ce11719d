"""Flat rows of records and mentions for JSON lines and CSV (used by ``python -m planwatch``).

The record rows have exactly the fields, order and formatting of the Rust example
``cargo run --example export`` (``crates/planwatch/examples/export.rs``): decimals as strings,
absent values as ``null`` in JSON lines and empty cells in CSV (RFC 4180, CRLF line ends),
``start``/``end`` in code points of the document text.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from planwatch._planwatch import Catalogue, Mention, Outcome, Quantity, Target

__all__ = ["RECORD_FIELDS", "MENTION_FIELDS", "record_rows", "mention_rows", "to_jsonl", "to_csv"]

#: The fields of a record row, in order (the same as the Rust export example).
RECORD_FIELDS = (
    "indicator",
    "name_zh",
    "name_en",
    "year",
    "end_year",
    "basis",
    "kind",
    "comparator",
    "value",
    "exponent",
    "unit",
    "unit_text",
    "lower",
    "upper",
    "direction",
    "reference",
    "text",
    "quote",
    "start",
    "end",
    "reference_indicator",
    "relation",
    "status",
)

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


def record_rows(records: Iterable[Union[Target, Outcome]], catalogue: Catalogue) -> list[Row]:
    """One row per target or outcome (fields :data:`RECORD_FIELDS`)."""
    rows = []
    for r in records:
        f = r.figure
        ind = catalogue.get(r.indicator)
        anchor, value, lower, upper = _quantities(f)
        ref = f.reference
        prov = r.provenance
        is_outcome = isinstance(r, Outcome)
        rows.append(
            {
                "indicator": r.indicator,
                "name_zh": ind.name_zh if ind is not None else "",
                "name_en": ind.name_en if ind is not None else "",
                "year": r.period.year,
                "end_year": r.period.end_year,
                "basis": r.period.basis,
                "kind": "outcome" if is_outcome else "target",
                "comparator": f.comparator,
                "value": value,
                "exponent": anchor.exponent if anchor is not None else None,
                "unit": anchor.unit if anchor is not None else None,
                "unit_text": anchor.unit_text if anchor is not None else None,
                "lower": lower,
                "upper": upper,
                "direction": f.direction,
                "reference": ref[0] if ref is not None else None,
                "text": f.text,
                "quote": prov.quote if prov is not None else None,
                "start": prov.start if prov is not None else None,
                "end": prov.end if prov is not None else None,
                "reference_indicator": ref[1] if ref is not None else None,
                "relation": ref[2] if ref is not None else None,
                "status": r.status if isinstance(r, Outcome) else None,
            }
        )
    return rows


def mention_rows(mentions: Iterable[Mention]) -> list[Row]:
    """One row per mention (fields :data:`MENTION_FIELDS`)."""
    rows = []
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
