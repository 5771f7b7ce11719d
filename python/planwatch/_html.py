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


def _quantity_text(q: Any) -> str:
    return "" if q is None else str(q)


def assessment_html(a: Any) -> str:
    """An assessment: verdict, reason, band, value, margin, direction, comparator, policy."""
    band = a.band
    lower, upper = (band if band is not None else (None, None))
    p = a.policy
    rows = [
        ("verdict", a.verdict),
        ("reason", a.reason),
        ("band", f"[{_quantity_text(lower) or '−∞'}, {_quantity_text(upper) or '+∞'}]" if band is not None else None),
        ("value", _quantity_text(a.value) or None),
        ("margin", a.margin),
        ("desired", a.desired),
        ("comparator", a.comparator),
        (
            "policy",
            f"左右 ±{p.around_tolerance_pp} pp / ±{p.around_tolerance_rel}×; "
            f"同步 {p.in_step_tolerance_pp} pp / {p.in_step_tolerance_rel}×",
        ),
    ]
    return table(("field", "value"), rows, "Assessment")


def report_html(report: Any, max_rows: int = MAX_ROWS) -> str:
    """A validation report: a summary caption, then one row per issue (capped)."""
    errors = len(report.errors())
    warnings = len(report.warnings())
    caption = f"Validation: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    rows = ((i.severity, i.code, i.path, i.message) for i in report.issues)
    return table(("severity", "code", "path", "message"), rows, caption, max_rows)


def scorecard_html(card: Any, max_rows: int = MAX_ROWS) -> str:
    """A scorecard: indicator, year, target, outcome, verdict, margin (capped)."""
    rows = (
        (
            r["indicator"],
            r["name_en"],
            r["year"],
            r["target"],
            r["outcome"],
            r["verdict"],
            r["verdict_source"],
            r["margin"],
        )
        for r in card.to_dicts()
    )
    headers = ("indicator", "name", "year", "target", "outcome", "verdict", "source", "margin")
    return table(headers, rows, f"Scorecard: {len(card)} rows", max_rows)


def mentions_html(mentions: Any, max_rows: int = MAX_ROWS) -> str:
    """Mentions: span, text, kind, indicator, subject, year (capped)."""
    rows = ((f"{m.start}–{m.end}", m.text, m.kind, m.indicator, m.subject, m.year) for m in mentions)
    headers = ("span", "text", "kind", "indicator", "subject", "year")
    return table(headers, rows, f"{len(mentions)} mentions", max_rows)
