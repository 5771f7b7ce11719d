"""Figures, targets and outcomes of a report text file, with the sentence each came from.

    python examples/extract_file.py REPORT.txt [PLAN_YEAR]

Without a file, reads the built-in 2024 report. Prints the headline targets, then a tidy table
of every figure the text reports (code-point offsets: ``text[start:end]`` is the figure), then
what validation says about the records read.
"""

from __future__ import annotations

import sys
from typing import Optional

import planwatch


def main(argv: list[str]) -> int:
    if argv:
        with open(argv[0], encoding="utf-8") as f:
            text = f.read()
        doc_id = argv[0]
    else:
        text, doc_id = planwatch.builtin_text(), "cn-ndrc-plan-report-2024"
    plan_year: Optional[int] = int(argv[1]) if len(argv) > 1 else None

    x = planwatch.extract_document(text, doc_id=doc_id, plan_year=plan_year)
    print(f"{x!r}\n")
    print("Headline targets:")
    for t in x.headline:
        quote = t.provenance.quote if t.provenance is not None else ""
        print(f"  {t.period.year} {t.indicator:<32} {t.figure.comparator:<13} {t.figure.text:<16} “{quote}”")

    mentions = planwatch.extract(text, plan_year=plan_year)
    df = mentions.to_pandas()
    outcomes = df[df["kind"] == "outcome"]
    print(f"\n{len(mentions)} figures, {len(outcomes)} of them outcomes; the first ten:")
    print(outcomes[["start", "end", "text", "indicator", "year", "value", "exponent", "unit"]].head(10).to_string(index=False))
    first = mentions[0]
    assert text[first.start : first.end] == first.text

    report = planwatch.validate(x.to_dataset())
    print(f"\nValidation of the extracted records: {report}".splitlines()[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
