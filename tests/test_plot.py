"""The plot helper draws the assessed targets of the built-in data (Agg backend)."""

from __future__ import annotations

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

import planwatch  # noqa: E402
import planwatch.plot  # noqa: E402


def test_targets_vs_outcomes_artists() -> None:
    fig, ax = plt.subplots()
    try:
        out = planwatch.plot.targets_vs_outcomes(planwatch.builtin(), ax=ax)
        assert out is ax
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert labels == [
            "Surveyed urban unemployment rate 2023",
            "New urban jobs 2023",
            "Consumer price inflation (CPI) 2023",
            "Real growth of per capita disposable income 2023",
        ]
        # One two-sided band (jobs: above it is exceeded) as a line collection; the ceilings of
        # lower-better indicators (unemployment 5.5%左右, CPI 3%左右: met at 0.2%) as '<'
        # markers at their upper end, never as bands; the one-sided income target (at least the
        # reference less the tolerance) as a '>' marker; four outcome dots.
        from matplotlib.collections import LineCollection, PathCollection

        bands = [c for c in ax.collections if isinstance(c, LineCollection)]
        points = [c for c in ax.collections if isinstance(c, PathCollection)]
        assert len(bands) == 1
        assert len(points) == 7
        markers = [p for p in points if p.get_label() not in planwatch.plot.VERDICT_COLORS]
        assert [int(p.get_offsets()[0][1]) for p in markers] == [0, 2, 3]
        cpi_ceiling = markers[1]
        # 3.5% (3% plus the 0.5 pp tolerance) of 3%: 116.67% of the target.
        assert round(float(cpi_ceiling.get_offsets()[0][0]), 2) == 116.67
        outcome_dots = [p for p in points if p.get_label() in planwatch.plot.VERDICT_COLORS]
        assert [p.get_label() for p in outcome_dots] == ["met", "exceeded", "met", "met"]
        jobs = outcome_dots[1]
        assert mcolors.to_hex(jobs.get_facecolor()[0]) == planwatch.plot.VERDICT_COLORS["exceeded"]
        # Outcomes as % of the target's reference point: 1244 of 1200 (band middle) is 103.67%.
        assert round(float(jobs.get_offsets()[0][0]), 2) == 103.67
        legend = ax.get_legend()
        assert legend is not None and [t.get_text() for t in legend.get_texts()] == ["met", "exceeded"]
        assert ax.get_xlabel() == "% of target (band middle or bound)"
    finally:
        plt.close(fig)


def test_scorecard_input_and_new_axes() -> None:
    card = planwatch.builtin().assess(policy=planwatch.Policy(around_tolerance_rel="0.01"))
    ax = planwatch.plot.targets_vs_outcomes(card)
    try:
        assert len(ax.get_yticklabels()) == 4
    finally:
        plt.close(ax.figure)


def test_empty_scorecard() -> None:
    ax = planwatch.plot.targets_vs_outcomes(planwatch.Scorecard())
    try:
        assert (len(ax.get_yticklabels()), ax.get_legend()) == (0, None)
    finally:
        plt.close(ax.figure)


def test_labels_come_from_the_scorecards_catalogue() -> None:
    cat = planwatch.catalogue()
    jobs = cat["urban_new_jobs"]
    renamed = planwatch.Indicator.from_json(jobs.to_json().replace(jobs.name_en, "Jobs, renamed"))
    custom = planwatch.Catalogue([renamed, *[i for i in cat if i.id != "urban_new_jobs"]])
    card = planwatch.builtin().assess(catalogue=custom)
    ax = planwatch.plot.targets_vs_outcomes(card)
    try:
        assert "Jobs, renamed 2023" in [t.get_text() for t in ax.get_yticklabels()]
    finally:
        plt.close(ax.figure)


from test_panel import files_panel  # noqa: E402, F401  (the panel of two national years and two provinces)


def test_target_band_over_the_years(files_panel: planwatch.Panel) -> None:
    fig, ax = plt.subplots()
    try:
        assert planwatch.plot.target_band(files_panel, "gdp_growth", ax=ax) is ax
        outcome = next(line for line in ax.get_lines() if line.get_label() == "outcome")
        assert (list(outcome.get_xdata()), [float(v) for v in outcome.get_ydata()]) == ([2023, 2024], [5.2, 5.0])
        # Two targets (2024, 2025), both floors of a higher-better indicator: one edge each, at 5,
        # shaded from the floor up to the top of the axes.
        edges = [line for line in ax.get_lines() if line.get_label() != "outcome"]
        assert [(list(e.get_xdata()), list(e.get_ydata())) for e in edges] == [
            ([2023.6, 2024.4], [5.0, 5.0]),
            ([2024.6, 2025.4], [5.0, 5.0]),
        ]
        bottom, top = ax.get_ylim()
        band = ax.collections[0].get_paths()[0].vertices
        assert (band[:, 1].min(), band[:, 1].max()) == (5.0, top)
        # The 2024 outcome's dot has the scorecard's verdict colour; 2023 had no target.
        dots = [c for c in ax.collections[2:]]
        assert [mcolors.to_hex(d.get_facecolor()[0]) for d in dots] == ["#000000", planwatch.plot.VERDICT_COLORS["met"]]
        assert ax.get_title() == "GDP growth, China: target and outcome"
        assert ax.get_ylabel() == "percent"
    finally:
        plt.close(fig)


def test_a_ceiling_is_shaded_downwards() -> None:
    ax = planwatch.plot.target_band(planwatch.Panel([planwatch.builtin()]), "cpi_change")
    try:
        bottom, top = ax.get_ylim()
        band = ax.collections[0].get_paths()[0].vertices
        assert (band[:, 1].min(), band[:, 1].max()) == (bottom, 3.0)
    finally:
        plt.close(ax.figure)


def test_provincial_targets_against_the_national_band(files_panel: planwatch.Panel) -> None:
    ax = planwatch.plot.provincial_targets(files_panel, "gdp_growth", 2025)
    try:
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Guangxi", "Guangdong"]
        assert [float(c.get_offsets()[0][0]) for c in ax.collections] == [5.75, 5.0]
        assert ax.get_title() == "gdp_growth 2025: 1 above, 1 equal, 0 below the national target"
        legend = ax.get_legend()
        assert legend is not None and [t.get_text() for t in legend.get_texts()] == ["national target 增长5%左右"]
    finally:
        plt.close(ax.figure)
