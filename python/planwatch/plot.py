"""Plots of targets against outcomes (matplotlib, imported on first use: ``pip install
planwatch[plot]``).

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import planwatch, planwatch.plot
>>> ax = planwatch.plot.targets_vs_outcomes(planwatch.builtin())
>>> [t.get_text() for t in ax.get_yticklabels()][:2]
['Surveyed urban unemployment rate 2023', 'New urban jobs 2023']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Union

from planwatch._collections import Scorecard
from planwatch._panel import compare_targets, headline_records
from planwatch._planwatch import Dataset, Panel, ScoreRow

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["VERDICT_COLORS", "targets_vs_outcomes", "target_band", "provincial_targets"]


def _pyplot() -> Any:
    """``matplotlib.pyplot``, or an ``ImportError`` saying how to install it."""
    from planwatch._frames import _require

    return _require("matplotlib.pyplot", "plot")

#: The colour of each verdict's outcome marker.
VERDICT_COLORS = {
    "met": "#2ca02c",
    "exceeded": "#1f77b4",
    "missed": "#d62728",
    "not_assessable": "#7f7f7f",
}


def _plottable(row: ScoreRow) -> Optional[tuple[Optional[float], Optional[float], float, str]]:
    """``(lower, upper, outcome, verdict)`` as % of the target's reference point (the band's
    middle, or its one bound), or None when the row has no band or no value. The side that
    counts follows the indicator's desired direction, as assessment reads it: for a
    ``lower_better`` indicator the target is a ceiling (CPI 3%左右 is met at 0.2%), so only its
    upper end is kept; a ``higher_better`` band keeps both ends (above it is exceeded)."""
    a = row.assessment
    if a is None or a.band is None or a.value is None:
        return None
    lower, upper = a.band
    lo = float(lower.value) if lower is not None else None
    hi = float(upper.value) if upper is not None else None
    if lo is not None and hi is not None:
        ref = (lo + hi) / 2
    elif lo is not None:
        ref = lo
    elif hi is not None:
        ref = hi
    else:
        return None
    if ref == 0:
        return None
    if a.desired == "lower_better":
        lo = None  # a ceiling: anything below its upper end is met, as assessment reads it
    scale = 100 / abs(ref)
    return (
        lo * scale if lo is not None else None,
        hi * scale if hi is not None else None,
        float(a.value.value) * scale,
        a.verdict,
    )


def targets_vs_outcomes(data: Union[Dataset, Scorecard], ax: Optional[Axes] = None) -> Axes:
    """Every assessed target as a row: the target's band (a line for a two-sided target; a
    ceiling or a floor — a one-sided target, or a 左右 target of an indicator where less is
    better — is a triangle at its bound, pointing to the acceptable side) and the outcome (a
    dot coloured by verdict, see :data:`VERDICT_COLORS`), all as a percentage of the target's
    reference point so that indicators in different units share the axis. Labels are the
    indicators' English names in the catalogue the scorecard was made with. Returns the
    axes."""
    plt = _pyplot()
    card = data.assess() if isinstance(data, Dataset) else data
    rows = [(r, p) for r in card if (p := _plottable(r)) is not None]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.5 * len(rows) + 1.5))
    labels = []
    for y, (row, (lo, hi, value, verdict)) in enumerate(rows):
        if lo is not None and hi is not None:
            ax.hlines(y, lo, hi, colors="#555555", linewidth=4, alpha=0.5)
        elif lo is not None:
            ax.scatter([lo], [y], marker=">", color="#555555")
        elif hi is not None:
            ax.scatter([hi], [y], marker="<", color="#555555")
        ax.scatter([value], [y], color=VERDICT_COLORS.get(verdict, "#000000"), zorder=3, label=verdict)
        name = row.to_dict()["name_en"]
        labels.append(f"{name if name is not None else row.indicator} {row.period.year}")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.axvline(100, color="#999999", linestyle=":", linewidth=1)
    ax.set_xlabel("% of target (band middle or bound)")
    ax.set_title("Targets and outcomes")
    handles: dict[str, Any] = {}
    for h, lab in zip(*ax.get_legend_handles_labels()):
        handles.setdefault(lab, h)
    if handles:
        ax.legend(handles.values(), handles.keys(), title="verdict", loc="best")
    return ax


def target_band(panel: Panel, indicator: str, jurisdiction: str = "CN", ax: Optional[Axes] = None) -> Axes:
    """An indicator's targets over the years against its outcomes, in one jurisdiction: each
    year's target (the one a scorecard uses) as a band over the year — a floor shaded upwards for
    an indicator where more is better, a ceiling shaded downwards where less is better, the range
    itself (or a line) otherwise — and the outcomes as a line whose dots are coloured by the
    panel scorecard's verdict (:data:`VERDICT_COLORS`). Values are the panel table's ``point``
    columns (base unit, signed). Returns the axes; the target patches are labelled ``target``,
    the outcome line ``outcome``.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import planwatch, planwatch.plot
    >>> ax = planwatch.plot.target_band(planwatch.panel(), "cpi_change")
    >>> [list(map(float, line.get_ydata())) for line in ax.get_lines() if line.get_label() == "outcome"]
    [[0.2]]
    """
    plt = _pyplot()
    rows = headline_records(panel, indicator, jurisdiction)
    targets = sorted((r for r in rows if r["kind"] == "target" and r["point"] is not None), key=lambda r: r["year"])
    outcomes = {r["year"]: r for r in rows if r["kind"] == "outcome" and r["point"] is not None}
    verdicts = {r["year"]: r["verdict"] for r in targets}
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4))
    values = [float(r["point"]) for r in [*targets, *outcomes.values()]]
    values += [float(r[k]) for r in targets for k in ("point_lower", "point_upper") if r[k] is not None]
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    pad = (hi - lo) * 0.25 or abs(hi) * 0.25 or 1.0
    bottom, top = lo - pad, hi + pad
    labelled = False
    for r in targets:
        x = [r["year"] - 0.4, r["year"] + 0.4]
        low = float(r["point_lower"] if r["point_lower"] is not None else r["point"])
        high = float(r["point_upper"] if r["point_upper"] is not None else r["point"])
        if r["desired"] == "higher_better":
            y0, y1, edge = low, top, low
        elif r["desired"] == "lower_better":
            y0, y1, edge = bottom, high, high
        else:
            y0, y1, edge = low, high, None
        ax.fill_between(x, [y0, y0], [y1, y1], color="#888888", alpha=0.18, linewidth=0, label=None if labelled else "target")
        labelled = True
        for y in {edge} if edge is not None else {low, high}:
            ax.plot(x, [y, y], color="#555555", linewidth=2)
    years = sorted(outcomes)
    ax.plot(years, [float(outcomes[y]["point"]) for y in years], color="#333333", linewidth=1, label="outcome")
    for y in years:
        color = VERDICT_COLORS.get(verdicts.get(y) or "", "#000000")
        ax.scatter([y], [float(outcomes[y]["point"])], color=color, zorder=3)
    ax.set_ylim(bottom, top)
    sample = (targets or list(outcomes.values()) or [{}])[0]
    name = sample.get("name_en") or indicator
    ax.set_title(f"{name}, {sample.get('jurisdiction_name_en') or jurisdiction}: target and outcome")
    ax.set_xlabel("year")
    ax.set_ylabel(sample.get("unit") or "")
    ax.legend(loc="best")
    return ax


def provincial_targets(panel: Panel, indicator: str = "gdp_growth", year: int = 2025, ax: Optional[Axes] = None) -> Axes:
    """A dot per province's target for ``indicator`` in ``year`` (its ``point``; a range as a
    bar), highest first, against the national target: a line at its point and, for a range, the
    range shaded. The numbers are those of :func:`planwatch.compare_targets`. Returns the axes.
    """
    plt = _pyplot()
    c = compare_targets(panel, indicator, year)
    rows = [r for r in c.rows if r["point"] is not None]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.28 * len(rows) + 1.5))
    colors = {"above": "#1f77b4", "equal": "#2ca02c", "below": "#d62728"}
    for i, r in enumerate(rows):
        ax.scatter([float(r["point"])], [i], color=colors.get(r["relation"] or "", "#000000"), zorder=3)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([r["jurisdiction_name_en"] or r["jurisdiction"] for r in rows])
    ax.invert_yaxis()
    nat = c.national
    if nat is not None and nat["point"] is not None:
        if nat["point_lower"] is not None and nat["point_upper"] is not None:
            ax.axvspan(float(nat["point_lower"]), float(nat["point_upper"]), color="#888888", alpha=0.2)
        ax.axvline(float(nat["point"]), color="#555555", linestyle="--", label=f"national target {nat['text']}")
        ax.legend(loc="best")
    ax.set_title(f"{indicator} {year}: {c.above} above, {c.equal} equal, {c.below} below the national target")
    ax.set_xlabel("target (point)")
    return ax
