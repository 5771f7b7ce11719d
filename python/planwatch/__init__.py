"""planwatch: typed, validated, traceable data from China's national economic and social
development plans.

Values are exact (:class:`decimal.Decimal` mantissa plus a power-of-ten exponent: 万 = 4,
亿 = 8, 万亿 = 12), units are unit-safe (percent is kept apart from percentage points), and every
record can cite the sentence it came from (code-point offsets: ``text[p.start:p.end] ==
p.quote``).

>>> import planwatch
>>> planwatch.Period(2023, basis="year_end")
Period(2023, basis='year_end')
>>> [m.text for m in planwatch.extract("国内生产总值增长5%左右，城镇新增就业1200万人以上")]
['5%左右', '1200万人以上']
>>> card = planwatch.builtin().assess()
>>> [r.verdict for r in card if r.indicator == "urban_new_jobs" and r.period.year == 2023]
['exceeded']

``import planwatch`` imports neither pandas, polars nor matplotlib; they load on first use.
"""

from __future__ import annotations

from planwatch._errors import (
    InvalidInputError,
    LoadError,
    ParseError,
    PlanwatchError,
    QuantityError,
    UnitError,
    ValidationError,
)
from planwatch._collections import MentionList, PanelScorecard, Scorecard
from planwatch._planwatch import __version__
from planwatch._planwatch import (
    Assessment,
    Catalogue,
    Dataset,
    Document,
    ExtractedFiles,
    Extraction,
    Figure,
    Indicator,
    Issue,
    Jurisdiction,
    Mention,
    Numeral,
    Outcome,
    Panel,
    PanelRow,
    Period,
    Policy,
    Provenance,
    Quantity,
    Rule,
    ScoreRow,
    StatedVerdict,
    Target,
    Unit,
    ValidationReport,
    assess,
    builtin,
    builtin_rules,
    builtin_text,
    catalogue,
    extract,
    extract_document,
    extract_files,
    jurisdictions,
    load,
    panel,
    parse_figure,
    parse_numeral,
    parse_quantity,
    parse_target,
    read_table,
    scorecard,
    table_fields,
    validate,
)
from planwatch._panel import TargetComparison, compare_targets

__all__ = [
    "__version__",
    # errors
    "PlanwatchError",
    "ParseError",
    "QuantityError",
    "UnitError",
    "LoadError",
    "InvalidInputError",
    "ValidationError",
    # model
    "Unit",
    "Period",
    "Provenance",
    "Document",
    "Numeral",
    "Quantity",
    "Figure",
    "Target",
    "Outcome",
    "StatedVerdict",
    "Dataset",
    "Indicator",
    "Catalogue",
    "Jurisdiction",
    # panels
    "Panel",
    "PanelRow",
    "PanelScorecard",
    "TargetComparison",
    "panel",
    "jurisdictions",
    "compare_targets",
    # assessment and validation
    "Policy",
    "Assessment",
    "ScoreRow",
    "Scorecard",
    "Issue",
    "Rule",
    "ValidationReport",
    # extraction
    "Mention",
    "MentionList",
    "Extraction",
    "ExtractedFiles",
    # functions
    "load",
    "builtin",
    "builtin_text",
    "builtin_rules",
    "catalogue",
    "parse_figure",
    "parse_target",
    "parse_numeral",
    "parse_quantity",
    "assess",
    "scorecard",
    "validate",
    "extract",
    "extract_document",
    "extract_files",
    "read_table",
    "table_fields",
]
