"""HTML renderings for notebooks (``_repr_html_``): small tables, rows capped, the number of
hidden rows stated."""

from __future__ import annotations

from html import escape
from typing import Any, Iterable, Sequence

#: Rows shown before the rest are summarised.
MAX_ROWS = 30


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "", max_rows: int = MAX_ROWS) -> str:
    """An HTML table of at most ``max_rows`` rows, saying how many were hidden."""
    out = ['<table class="planwatch">']
    if caption:
        out.append(f"<caption>{escape(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr></thead><tbody>")
    total = 0
    for row in rows:
        total += 1
        if total <= max_rows:
            cells = "".join(f"<td>{escape('' if v is None else str(v))}</td>" for v in row)
            out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    if total > max_rows:
        out.append(f"<p>… {total - max_rows} more rows not shown ({total} in all).</p>")
    return "".join(out)


def _figure_text(figure: Any) -> str:
    return str(figure.text)


def dataset_html(ds: Any, max_rows: int = MAX_ROWS) -> str:
    """The records of a dataset: kind, indicator, period, figure, quote."""
    doc = ds.document
    caption = f"{doc.id}: {len(ds.targets)} targets, {len(ds.outcomes)} outcomes"
    rows = (
        (
            "target" if hasattr(r, "status") is False else "outcome",
            r.indicator,
            str(r.period),
            r.figure.comparator,
            _figure_text(r.figure),
            r.provenance.quote if r.provenance is not None else "",
        )
        for r in ds
    )
    return table(("kind", "indicator", "period", "comparator", "figure", "quote"), rows, caption, max_rows)
