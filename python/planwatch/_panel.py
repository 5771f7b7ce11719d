"""Panel analyses built on the core's panel record table (``Panel.to_dicts()``,
``Panel.to_pandas()``): the wide frame for regressions and the comparison of provincial targets
with the national one. The numbers are the table's ``point`` column — a figure as one number in
the base unit, signed by its direction (the core's ``table::figure_point``) — and the record a
scorecard uses is the one of ``rank`` 0; this module decides neither.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Optional, Sequence

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    from planwatch._planwatch import Panel

__all__ = ["to_wide", "compare_targets", "TargetComparison", "headline_records"]

KINDS = ("target", "outcome", "both")


def to_wide(long: pd.DataFrame, kind: str = "both", indicators: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """The wide form of a long panel frame (``Panel.to_pandas()``): one row per jurisdiction and
    year (index ``jurisdiction``, ``year``; ``CN`` first), one column per indicator holding the
    ``point`` of the record a scorecard uses (``rank`` 0) for a single year (no plan periods).
    ``kind="target"`` or ``"outcome"``: columns are indicator ids; ``kind="both"``: two columns
    per indicator, ``<indicator>_target`` and ``<indicator>_outcome``. Where an indicator-year has
    records on two bases (a year and its average), the first in table order is kept."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    df = long[(long["rank"] == 0) & long["end_year"].isna() & long["point"].notna()]
    if kind != "both":
        df = df[df["kind"] == kind]
    if indicators is not None:
        df = df[df["indicator"].isin(list(indicators))]
    df = df.astype({"jurisdiction": str, "indicator": str, "kind": str}).drop_duplicates(
        ["jurisdiction", "indicator", "kind", "year"], keep="first"
    )
    names = df["indicator"] + "_" + df["kind"] if kind == "both" else df["indicator"]
    wide = df.assign(column=names).pivot(index=["jurisdiction", "year"], columns="column", values="point")
    order = sorted(set(df["indicator"]))
    if kind == "both":
        columns = [f"{i}_{k}" for i in order for k in ("target", "outcome") if f"{i}_{k}" in wide.columns]
    else:
        columns = order
    wide = wide[columns]
    wide.columns.name = None
    codes = sorted(set(df["jurisdiction"]), key=lambda j: (j != "CN", j))
    rank = {j: i for i, j in enumerate(codes)}
    frame: pd.DataFrame = wide.sort_index(
        key=lambda idx: idx.map(rank) if idx.name == "jurisdiction" else idx
    )
    return frame


def headline_records(panel: Panel, indicator: str, jurisdiction: Optional[str] = None) -> list[dict[str, Any]]:
    """The records of ``indicator`` a scorecard uses (``rank`` 0) for single years, as dicts of
    the panel record table; of one jurisdiction when given."""
    return [
        r
        for r in panel.to_dicts()
        if r["indicator"] == indicator
        and r["rank"] == 0
        and r["end_year"] is None
        and (jurisdiction is None or r["jurisdiction"] == jurisdiction)
    ]


@dataclass
class TargetComparison:
    """The provincial targets of one indicator and year against the national one.

    ``rows`` holds one dict per province with a target (highest first): ``jurisdiction``,
    ``jurisdiction_name``, ``jurisdiction_name_en``, ``text`` (as published), ``comparator``,
    ``point`` (``Decimal``, base unit), ``difference`` (``point`` minus the national point) and
    ``relation``: ``above``, ``equal`` or ``below`` the national target — a range target of the
    nation counts as equal anywhere inside it — or ``None`` for a target without a number.
    """

    indicator: str
    year: int
    #: The national target's row (``text``, ``comparator``, ``point``, ``point_lower``,
    #: ``point_upper``), or ``None``.
    national: Optional[dict[str, Any]]
    rows: list[dict[str, Any]] = field(default_factory=list)
    above: int = 0
    equal: int = 0
    below: int = 0
    #: Provinces of the panel without such a target.
    without_target: list[str] = field(default_factory=list)

    @property
    def points(self) -> list[Decimal]:
        """The provincial points, highest first."""
        return [r["point"] for r in self.rows if r["point"] is not None]

    @property
    def lowest(self) -> Optional[Decimal]:
        """The lowest provincial point."""
        return min(self.points, default=None)

    @property
    def highest(self) -> Optional[Decimal]:
        """The highest provincial point."""
        return max(self.points, default=None)

    @property
    def spread(self) -> Optional[Decimal]:
        """The highest provincial point minus the lowest."""
        lo, hi = self.lowest, self.highest
        return None if lo is None or hi is None else hi - lo

    @property
    def mean(self) -> Optional[Decimal]:
        """The mean provincial point (exact to 28 digits)."""
        pts = self.points
        return (sum(pts, Decimal(0)) / len(pts)).normalize() if pts else None

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a pandas frame (``Decimal`` columns)."""
        from planwatch._frames import dicts_to_pandas

        cols = ["jurisdiction", "jurisdiction_name", "jurisdiction_name_en", "text", "comparator", "point",
                "difference", "relation"]
        return dicts_to_pandas(self.rows, cols)

    def __str__(self) -> str:
        nat = self.national
        head = f"{self.indicator} {self.year}: national target " + (
            f"{nat['text']} ({_fmt(nat['point'])})" if nat is not None else "—"
        )
        lines = [
            head,
            f"{len(self.rows)} provincial targets: {self.above} above, {self.equal} equal, {self.below} below; "
            f"lowest {_fmt(self.lowest)}, highest {_fmt(self.highest)}, spread {_fmt(self.spread)}, mean {_fmt(self.mean)}",
        ]
        for r in self.rows:
            lines.append(
                f"  {r['jurisdiction']} {r['jurisdiction_name_en'] or '':<15} {r['text']:<16} {_fmt(r['point']):>6} "
                f"{_fmt(r['difference'], signed=True):>6} {r['relation'] or '—'}"
            )
        return "\n".join(lines)


def _fmt(d: Optional[Decimal], signed: bool = False) -> str:
    if d is None:
        return "—"
    s = format(d.normalize(), "f")
    return f"+{s}" if signed and d > 0 else s


def compare_targets(panel: Panel, indicator: str = "gdp_growth", year: int = 2025, national: str = "CN") -> TargetComparison:
    """How the provinces' targets for ``indicator`` in ``year`` stand against the national target
    (of the jurisdiction ``national``): each province's point, its difference from the nation's
    and whether it is above, equal to or below it; how many of each, the lowest, highest, spread
    and mean. Exact: the points are ``Decimal``.

    >>> import planwatch
    >>> c = planwatch.compare_targets(planwatch.panel(), "gdp_growth", 2025)
    >>> (c.national["text"], c.above, c.equal, c.below, str(c.lowest), str(c.highest))
    ('5%左右', 16, 14, 1, '4.5', '7')
    """
    records = [r for r in headline_records(panel, indicator) if r["kind"] == "target" and r["year"] == year]
    nat = next((r for r in records if r["jurisdiction"] == national), None)
    lo = hi = None
    if nat is not None and nat["point"] is not None:
        lo = nat["point_lower"] if nat["point_lower"] is not None else nat["point"]
        hi = nat["point_upper"] if nat["point_upper"] is not None else nat["point"]
    out = TargetComparison(
        indicator=indicator,
        year=year,
        national=None
        if nat is None
        else {k: nat[k] for k in ("text", "comparator", "point", "point_lower", "point_upper")},
    )
    seen: set[str] = set()
    for r in records:
        if r["level"] != "provincial" or r["jurisdiction"] in seen:
            continue
        seen.add(r["jurisdiction"])
        point = r["point"]
        relation = difference = None
        if point is not None and lo is not None and hi is not None:
            relation = "above" if point > hi else "below" if point < lo else "equal"
            difference = point - nat["point"] if nat is not None else None
        out.rows.append(
            {
                "jurisdiction": r["jurisdiction"],
                "jurisdiction_name": r["jurisdiction_name"],
                "jurisdiction_name_en": r["jurisdiction_name_en"],
                "text": r["text"],
                "comparator": r["comparator"],
                "point": point,
                "difference": difference,
                "relation": relation,
            }
        )
    out.rows.sort(key=lambda r: (r["point"] is None, -(r["point"] or 0), r["jurisdiction"]))
    out.above = sum(r["relation"] == "above" for r in out.rows)
    out.equal = sum(r["relation"] == "equal" for r in out.rows)
    out.below = sum(r["relation"] == "below" for r in out.rows)
    provinces = [j for j in panel.jurisdictions() if j != national]
    out.without_target = [j for j in provinces if j not in seen]
    return out
