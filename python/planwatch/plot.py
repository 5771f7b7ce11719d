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
from planwatch._planwatch import Dataset, ScoreRow

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["VERDICT_COLORS", "targets_vs_outcomes"]

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
    import matplotlib.pyplot as plt

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
