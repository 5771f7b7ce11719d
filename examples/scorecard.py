"""The built-in 2024 NDRC plan report: targets against outcomes as a DataFrame.

    python examples/scorecard.py

Prints the 2023 targets the report restates with the 2023 outcomes and verdicts (computed
under the default policy, or as the report states them in words), then the 2024 targets.
"""

from __future__ import annotations

import pandas as pd

import planwatch


def main() -> None:
    ds = planwatch.builtin()
    card = ds.assess()
    df = card.to_pandas()
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.unicode.east_asian_width", True)

    judged = df[df["verdict"].notna()][["indicator", "name_en", "year", "target", "outcome", "verdict", "verdict_source", "margin"]]
    print(f"{ds.document.title}\n")
    print("Verdicts on the 2023 plan:")
    print(judged.to_string(index=False))

    plan = df[(df["year"] == 2024) & df["target"].notna()][["indicator", "name_zh", "target", "comparator"]]
    print(f"\n2024 targets: {len(plan)}")
    print(plan.head(12).to_string(index=False))

    counts = card.counts()
    print("\nVerdict counts:", {k: v for k, v in counts.items() if k is not None})


if __name__ == "__main__":
    main()
