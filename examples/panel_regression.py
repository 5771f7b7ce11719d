"""Does China's growth land where its targets say? Outcome on target over the years, from the panel.

    python examples/panel_regression.py             # the built-in panel
    python examples/panel_regression.py --dir DIR   # a panel of your own dataset files (*.json)

Notebook-style: each ``# %%`` cell runs on its own in Jupyter or VS Code. Needs pandas and numpy;
uses statsmodels for a full OLS table when it is installed. The frames are the package's: the
wide form (``Panel.to_wide``) holds, for each jurisdiction and year, the number of the target
and of the outcome a scorecard uses (``point``: the value, or the middle of a range, in the base
unit and signed), so the regression is a few lines.
"""

# %% The panel and its wide frame
from __future__ import annotations

import sys

import numpy as np
import pandas as pd

import planwatch as pw

args = sys.argv[1:]
panel = pw.Panel.from_dir(args[1]) if args[:1] == ["--dir"] and len(args) > 1 else pw.panel()
print(panel)
HEADLINE = ["gdp_growth", "cpi_change", "urban_new_jobs", "urban_surveyed_unemployment", "fiscal_deficit_ratio"]
wide = panel.filter(level="national").to_wide(indicators=HEADLINE)
print(f"national years: {', '.join(str(y) for y in wide.index.get_level_values('year'))}")


# %% Outcome on target, indicator by indicator (least squares: outcome = a + b · target)
def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Intercept and slope of the least-squares line of y on x."""
    design = np.column_stack([np.ones_like(x), x])
    (a, b), *_ = np.linalg.lstsq(design, y, rcond=None)
    return float(a), float(b)


print("\nOutcome on target (national, years with both):")
for ind in HEADLINE:
    cols = [f"{ind}_target", f"{ind}_outcome"]
    if not set(cols) <= set(wide.columns):
        continue
    pairs = wide[cols].dropna()
    if len(pairs) < 3:
        print(f"  {ind:<30} {len(pairs)} year(s) with both: too few to fit")
        continue
    x, y = pairs[cols[0]].to_numpy(float), pairs[cols[1]].to_numpy(float)
    a, b = fit(x, y)
    gap = y - x
    print(f"  {ind:<30} n={len(pairs)}  slope {b:.3f}  intercept {a:.3f}  mean outcome − target {gap.mean():+.3f}")

# %% The same with statsmodels, when installed (heavy dependency: optional)
try:
    import statsmodels.api as sm  # type: ignore[import-untyped]
except ImportError:
    sm = None
if sm is not None:
    pairs = wide[["gdp_growth_target", "gdp_growth_outcome"]].dropna() if "gdp_growth_target" in wide else pd.DataFrame()
    if len(pairs) >= 3:
        print(sm.OLS(pairs["gdp_growth_outcome"], sm.add_constant(pairs["gdp_growth_target"])).fit().summary())

# %% Provincial targets against the national one
comparison = pw.compare_targets(panel, "gdp_growth", 2025)
print()
print(comparison)
