"""Parity with the core: every public operation of the Rust crate has its Python counterpart.

The operations are read from the source (``pub fn`` of the public modules that ``lib.rs``
declares, and the ``pub fn`` methods of their types), so a new core operation fails this test
until the table below says what it is in Python, or why it needs no counterpart.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import pytest

import planwatch
import planwatch.plot

from conftest import ROOT

SRC = ROOT / "crates" / "planwatch" / "src"

#: Core operation -> its Python counterpart (a dotted path from ``planwatch``), or ``None`` with
#: the reason in the comment. Codes (``code``, ``from_code``) are the strings the Python API uses.
PARITY: dict[str, Optional[str]] = {
    # assess
    "target::Verdict::code": "Assessment.verdict",
    "assess::NotAssessableReason::from_code": "Assessment.reason",  # codes are the strings Python uses
    "extract::MentionKind::from_code": "Mention.kind",  # codes are the strings Python uses
    "indicator::Attribute::code": "Indicator.attribute",  # codes are the strings Python uses
    "indicator::Attribute::from_code": "Indicator",  # codes are the strings Python uses
    "indicator::Desired::from_code": "Indicator",  # codes are the strings Python uses
    "indicator::Measure::code": "Indicator.measure",  # codes are the strings Python uses
    "indicator::Measure::from_code": "Indicator",  # codes are the strings Python uses
    "target::Verdict::from_code": "Assessment.verdict",  # codes are the strings Python uses
    "validate::Severity::from_code": "Issue.severity",  # codes are the strings Python uses
    "validate::RecordKind::code": "Rule",  # codes are the strings Python uses
    "validate::RecordKind::from_code": "Rule",  # codes are the strings Python uses
    "assess::NotAssessableReason::code": "Assessment.reason",
    "assess::Assessment::not_assessable": None,  # constructor used inside assessment
    "assess::assess": "assess",
    "assess::Policy::new": "Policy",  # Policy(...) checks the tolerances the same way
    "assess::assess_relative": "assess",  # assess(..., reference=outcome)
    # builtin
    "builtin::try_catalogue": "catalogue",
    "extract::Extraction::into_dataset": "Extraction.to_dataset",
    "builtin::panel": "panel",
    "builtin::try_panel": "panel",
    "builtin::corpus_document": None,  # the corpus documents come with panel().datasets
    "jurisdiction::Level::code": "Jurisdiction.level",
    "jurisdiction::Level::from_code": "Jurisdiction.level",
    "jurisdiction::Level::is_provincial": "Jurisdiction.is_provincial",
    "jurisdiction::Level::self_references": "Jurisdiction.self_references",
    "jurisdiction::Jurisdiction::all": "jurisdictions",
    "jurisdiction::Jurisdiction::provinces": "jurisdictions",
    "jurisdiction::Jurisdiction::national": "Jurisdiction",
    "jurisdiction::Jurisdiction::from_code": "Jurisdiction",
    "jurisdiction::Jurisdiction::from_name": "Jurisdiction",
    "jurisdiction::Jurisdiction::named_in": "Jurisdiction.named_in",
    "extract::jurisdiction_of": "Jurisdiction.of_report",
    "numerals::chinese_digit": "parse_numeral",
    "numerals::is_chinese_numeral": "parse_numeral",
    "numerals::minus_is_word": "parse_numeral",
    "panel::RecordKind::code": "Panel.targets_for",
    "panel::RecordKind::from_code": "Panel.targets_for",
    "panel::Panel::new": "Panel",
    "panel::Panel::from_dir": "Panel.from_dir",
    "panel::Panel::datasets": "Panel.datasets",
    "panel::Panel::dataset": "Panel.dataset",
    "panel::Panel::jurisdictions": "Panel.jurisdictions",
    "panel::Panel::indicators": "Panel.indicators",
    "panel::Panel::years": "Panel.years",
    "panel::Panel::records": "Panel.datasets",
    "panel::Panel::targets_for": "Panel.targets_for",
    "panel::Panel::outcomes_for": "Panel.outcomes_for",
    "panel::Panel::target": "Panel.target",
    "panel::Panel::outcome": "Panel.outcome",
    "panel::Panel::catalogue_over": "Panel.scorecard",
    "panel::Panel::scorecard": "Panel.scorecard",
    "panel::PanelRecord::kind": "Panel.targets_for",
    "panel::PanelRecord::indicator": "Target.indicator",
    "panel::PanelRecord::period": "Target.period",
    "builtin::catalogue_for": "Dataset.catalogue",  # a dataset's catalogue over the built-in one
    "builtin::extractor": "extract",  # the compiled built-in extractor behind extract()
    "builtin::extract": "extract",
    "builtin::extract_document": "extract_document",
    "builtin::catalogue": "catalogue",
    "builtin::try_dataset": "builtin",
    "builtin::dataset": "builtin",
    "builtin::document": "Dataset.document",  # builtin().document
    "builtin::rules": "builtin_rules",
    # dataset
    "dataset::Dataset::from_json": "Dataset.from_json",
    "dataset::Dataset::from_path": "load",
    "dataset::Dataset::to_json": "Dataset.to_json",
    "dataset::Dataset::with_text": "Dataset.from_json",  # from_json(json, text=...)
    "dataset::Dataset::catalogue_over": "Dataset.catalogue",
    "indicator::Catalogue::extended": "Dataset.catalogue",  # the built-in catalogue extended by the dataset's
    # document
    "document::DocumentKind::code": "Document.kind",
    "document::DocumentKind::from_code": "Document",
    "document::Document::years": "Document.years",
    "document::Document::untitled": "Extraction.to_dataset",  # the document of an extraction given none
    "document::Basis::code": "Period.basis",
    "document::Basis::from_code": "Period",
    "document::Period::year": "Period",
    "document::Period::plan": "Period",
    "document::Period::with_basis": "Period",
    "document::Period::last_year": "Period.last_year",
    "document::Period::contains_year": "Period.contains_year",
    "document::Provenance::locate": None,  # data-building helper; Python offsets come with records
    "document::Provenance::check": "Provenance.check",
    "document::Provenance::char_span": "Provenance.start",  # start/end are code points
    "document::CharIndex::new": "Provenance.start",  # every offset Python sees is a code point
    "document::CharIndex::char_offset": "Mention.start",
    "document::CharIndex::span": "Provenance.start",
    "document::CharIndex::range": "Mention.subject_start",
    # errors: attributes of the exception classes
    "error::ParseErrorKind::code": "ParseError.code",
    "error::ParseError::new": None,  # raised, not built, in Python
    "error::LoadError::in_file": None,  # Python LoadError has .path; files are named when loaded
    "error::ParseError::kind": "ParseError.code",
    "error::ParseError::span": "ParseError",  # .start/.end (code points) of the instance
    "error::ParseError::input": "ParseError",  # .input of the instance
    "error::ParseError::code": "ParseError.code",
    "error::QuantityError::code": "QuantityError.code",
    "error::Error::code": "PlanwatchError.code",
    # extract
    "extract::MentionKind::code": "Mention.kind",
    "extract::Mention::char_span": "Mention.start",
    "extract::Extractor::new": "extract",  # extract(text, catalogue=...) keeps one per catalogue
    "extract::Extractor::with_plan_year": "extract",  # extract(..., plan_year=...)
    "extract::Extractor::with_outcome_year": "extract",  # extract(..., outcome_year=...)
    "extract::Extractor::for_document": "extract_document",  # extract_document(..., document=...)
    "extract::Extractor::mentions": "extract",
    "extract::Extractor::document": "extract_document",
    "extract::extract_with": "extract",
    "extract::Extraction::headline": "Extraction.headline",
    "extract::extract_document": "extract_document",
    "extract::extract_for": "extract_document",
    "extract::Extractor::mentions_unwrapped": "extract",  # extract(text) holds the text once the same way
    "extract::Extractor::document_unwrapped": "extract_document",  # likewise for extract_document
    "extract::Unwrapped::new": None,  # the command's text held once; Python passes str
    "extract::Unwrapped::text": None,  # the command's text held once; Python passes str
    "extract::Unwrapped::given_len": None,  # the command's text held once; Python passes str
    "extract::Unwrapped::given": None,  # the command's text held once; Python passes str
    "extract::Unwrapped::chars": None,  # the command's text held once; Python passes str
    "extract::GivenChars::char_offset": "Mention.start",  # Python gets the char offsets
    "extract::GivenChars::span": "Mention.start",  # Python gets the char offsets
    # figure
    "figure::parse_target": "parse_target",
    "figure::parse_figure": "parse_figure",
    "figure::Figure::resolve_reference": None,  # done by parse/extraction with the catalogue
    # indicator
    "indicator::Desired::code": "Indicator.desired",
    "indicator::Indicator::names": "Indicator.names",
    "indicator::Catalogue::new": "Catalogue",
    "indicator::Catalogue::insert": "Catalogue",  # immutable in Python: Catalogue([*cat, new])
    "indicator::Catalogue::from_json": "Catalogue.from_json",
    "indicator::Catalogue::get": "Catalogue.get",
    "indicator::Catalogue::lookup": "Catalogue.lookup",
    "indicator::Catalogue::find_in": "Catalogue.find_in",
    "indicator::Catalogue::match_at": "Catalogue.match_at",
    "indicator::Catalogue::iter": "Catalogue.__iter__",
    "indicator::Catalogue::len": "Catalogue.__len__",
    "indicator::Catalogue::is_empty": "Catalogue.__len__",
    # numerals
    "numerals::Numeral::is_exact": "Numeral.is_exact",
    "numerals::scan_numeral": None,  # scanning primitive of the parsers and the extractor
    "numerals::parse_numeral": "parse_numeral",
    "numerals::is_ordinal_or_name": None,  # extractor primitive
    # quantity
    "quantity::Quantity::new": "Quantity",
    "quantity::Quantity::from_numeral": "Quantity",
    "quantity::Quantity::with_unit_text": "Quantity",  # Quantity(..., unit_text=...)
    "quantity::Quantity::value": "Quantity.value",
    "quantity::Quantity::exponent": "Quantity.exponent",
    "quantity::Quantity::unit": "Quantity.unit",
    "quantity::Quantity::unit_text": "Quantity.unit_text",
    "quantity::Quantity::magnitude_text": "Quantity.magnitude_text",
    "quantity::Quantity::is_ratio": "Quantity.is_ratio",
    "quantity::Quantity::to_base": "Quantity.to_base",
    "quantity::Quantity::convert_to": "Quantity.convert_to",
    "quantity::Quantity::cmp_amount": "Quantity.__lt__",
    "quantity::Quantity::checked_add": "Quantity.__add__",
    "quantity::Quantity::checked_sub": "Quantity.__sub__",
    "quantity::Quantity::checked_neg": "Quantity.__neg__",
    "quantity::parse_quantity": "parse_quantity",
    "quantity::scan_quantity": None,  # scanning primitive
    # scorecard
    "scorecard::ScoreRow::verdict": "ScoreRow.verdict",
    "scorecard::ScoreRow::label": "ScoreRow.label",
    "scorecard::scorecard": "scorecard",
    # table
    "table::rows": "read_table",
    "table::to_jsonl": "Dataset.to_jsonl",
    "table::from_jsonl": "read_table",
    "table::to_csv": "Dataset.to_csv",
    "table::parse_csv": "read_table",
    "table::from_csv": "read_table",
    "table::Row::figure": None,  # rows read back are dicts; Dataset.from_json is the typed path
    "table::FigureColumns::new": None,  # the flat columns of a figure: every frame and table has them
    "table::Columns::new": "Dataset.to_arrow",  # every frame and Arrow table is built from them
    "table::Columns::get": "Dataset.to_pandas",  # frames are indexed by column name
    "table::Columns::len": "Dataset.__len__",
    "table::Columns::is_empty": "Dataset.__len__",
    "table::MentionRow::new": "Mention.to_dict",
    "table::mention_rows": "MentionList.to_jsonl",
    "table::iter_mention_rows": "MentionList.to_jsonl",  # the command streams the same rows
    "table::iter_record_rows": "Dataset.to_jsonl",  # the command streams the same rows
    "table::ScorecardRow::new": "ScoreRow.to_dict",
    "table::scorecard_rows": "Scorecard.to_dicts",
    "table::panel_rows": "Panel.to_dicts",
    "table::figure_point": "Panel.to_dicts",  # the point, point_lower and point_upper columns
    "table::JurisdictionColumns::new": "Panel.to_dicts",  # the jurisdiction columns of every panel row
    "table::PanelScorecardRow::new": "PanelRow.to_dict",
    "table::panel_scorecard_rows": "PanelScorecard.to_dicts",
    "panel::Panel::filter": "Panel.filter",
    "jurisdiction::Level::tier": "Jurisdiction.tier",
    "table::csv_record": None,  # CSV quoting: Dataset.to_csv and the CLI write the same RFC 4180 text
    # target
    "target::Comparator::code": "Figure.comparator",
    "target::Comparator::from_code": "Figure.from_json",
    "target::Comparator::is_quantitative": "Figure.is_quantitative",
    "target::Direction::code": "Figure.direction",
    "target::Direction::from_code": "Figure.from_json",
    "target::Relation::code": "Figure.reference",
    "target::Relation::from_code": "Figure.from_json",
    "target::Figure::point": "Figure.from_json",
    "target::Figure::with_direction": "Figure.from_json",
    "target::Figure::lower_bound": "Figure.lower_bound",
    "target::Figure::upper_bound": "Figure.upper_bound",
    "target::Figure::quantities": "Figure.value",
    "target::Figure::signed_value": "Figure.signed_value",
    "target::OutcomeStatus::code": "Outcome.status",
    "target::OutcomeStatus::from_code": "Outcome.from_json",
    # units
    "units::Currency::iso_code": "Unit.dimension",  # currency:CNY
    "units::Classifier::new": "Unit.count",
    "units::Classifier::text": "Unit.dimension",  # count:人
    "units::Dimension::code": "Unit.dimension",
    "units::Unit::count": "Unit.count",
    "units::Unit::is_count": "Unit.is_count",
    "units::Unit::code": "Unit.code",
    "units::Unit::from_code": "Unit",
    "units::Unit::canonical_text": "Unit.canonical_text",
    "units::Unit::name_en": "Unit.name_en",
    "units::Unit::dimension": "Unit.dimension",
    "units::Unit::same_dimension": "Unit.same_dimension",
    "units::Unit::factor": "Unit.factor",
    "units::Unit::is_ratio": "Unit.is_ratio",
    "units::scan_unit": None,  # scanning primitive
    # validate
    "validate::Severity::code": "Issue.severity",
    "validate::IssueCode::code": "Issue.code",
    "validate::IssueCode::from_code": "Issue",
    "validate::ValidationReport::is_ok": "ValidationReport.is_ok",
    "validate::ValidationReport::errors": "ValidationReport.errors",
    "validate::ValidationReport::warnings": "ValidationReport.warnings",
    "validate::ValidationReport::with_code": "ValidationReport.issues",
    "validate::ValidationReport::into_result": "ValidationReport.raise_for_errors",
    "validate::validate": "validate",
    "validate::validate_with": "validate",  # validate(..., rules=...)
}


def core_operations() -> list[str]:
    """``module::fn`` and ``module::Type::method`` for every public operation of the core."""
    lib = (SRC / "lib.rs").read_text(encoding="utf-8")
    files: list[tuple[str, Path]] = []
    for module in re.findall(r"^pub mod (\w+);", lib, re.M):
        single = SRC / f"{module}.rs"
        if single.exists():
            files.append((module, single))
            continue
        mod_rs = SRC / module / "mod.rs"
        files.append((module, mod_rs))
        # Submodules whose items the module re-exports.
        for sub in re.findall(r"^pub use (\w+)::", mod_rs.read_text(encoding="utf-8"), re.M):
            files.append((module, SRC / module / f"{sub}.rs"))
    ops = []
    for module, path in files:
        owner: Optional[str] = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#[cfg(test)]"):
                break
            if line.startswith("crate::codes::stable_codes!"):
                owner = "codes"  # the enum's name is on the next line
                continue
            m = re.match(r"^    (\w+), \"planwatch::", line)
            if m and owner == "codes":
                ops += [f"{module}::{m.group(1)}::code", f"{module}::{m.group(1)}::from_code"]
                owner = None
                continue
            m = re.match(r"^impl(?:<[^>]*>)?\s+([\w:]+)(?:<[^>]*>)?\s*\{", line)
            if m:
                owner = m.group(1)
                continue
            if line.startswith("impl"):
                owner = None  # a trait implementation
                continue
            m = re.match(r"^pub (?:const )?fn (\w+)", line)
            if m:
                ops.append(f"{module}::{m.group(1)}")
                continue
            m = re.match(r"^    pub (?:const )?fn (\w+)", line)
            if m and owner is not None:
                ops.append(f"{module}::{owner}::{m.group(1)}")
    return ops


def resolve(path: str) -> object:
    obj: object = planwatch
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def test_operations_are_read_from_the_source() -> None:
    ops = core_operations()
    assert "quantity::parse_quantity" in ops and "indicator::Catalogue::find_in" in ops
    assert "scorecard::scorecard" in ops and "extract::extract_document" in ops
    assert len(ops) == len(set(ops))


def test_every_core_operation_is_in_the_table() -> None:
    missing = [op for op in core_operations() if op not in PARITY]
    assert missing == [], "add these core operations to PARITY (a counterpart or None with a reason)"


def test_the_table_names_no_operation_the_core_dropped() -> None:
    ops = set(core_operations())
    assert sorted(op for op in PARITY if op not in ops) == []


@pytest.mark.parametrize("op", sorted(k for k, v in PARITY.items() if v is not None))
def test_counterpart_exists(op: str) -> None:
    counterpart = PARITY[op]
    assert counterpart is not None
    assert resolve(counterpart) is not None


def test_most_operations_have_a_counterpart() -> None:
    unmapped = sorted(k for k, v in PARITY.items() if v is None)
    assert unmapped == [
        "assess::Assessment::not_assessable",
        "builtin::corpus_document",
        "document::Provenance::locate",
        "error::LoadError::in_file",
        "error::ParseError::new",
        "extract::Unwrapped::chars",
        "extract::Unwrapped::given",
        "extract::Unwrapped::given_len",
        "extract::Unwrapped::new",
        "extract::Unwrapped::text",
        "figure::Figure::resolve_reference",
        "numerals::is_ordinal_or_name",
        "numerals::scan_numeral",
        "quantity::scan_quantity",
        "table::FigureColumns::new",
        "table::Row::figure",
        "table::csv_record",
        "units::scan_unit",
    ]
