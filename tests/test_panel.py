"""Panels and jurisdictions from Python: joins across documents, precedence, the built-in panel."""

from __future__ import annotations

import json

import pytest

import planwatch


def dataset(doc_id: str, plan_year: int, targets: list[dict], outcomes: list[dict], jurisdiction: str = "CN") -> planwatch.Dataset:
    doc = {
        "id": doc_id,
        "title": "政府工作报告",
        "issuer": "国务院",
        "kind": "government_work_report" if jurisdiction == "CN" else "provincial_report",
        "jurisdiction": jurisdiction,
        "outcome_year": plan_year - 1,
        "plan_year": plan_year,
    }
    return planwatch.Dataset.from_json(json.dumps({"document": doc, "targets": targets, "outcomes": outcomes}))


def gdp(year: int, comparator: str, value: str, text: str) -> dict:
    return {
        "indicator": "gdp_growth",
        "period": {"year": year},
        "figure": {"comparator": comparator, "value": {"value": value, "unit": "percent"}, "direction": "increase", "text": text},
    }


def test_targets_and_outcomes_join_across_documents() -> None:
    p = planwatch.Panel(
        [
            dataset("gwr-2023", 2023, [gdp(2023, "around", "5", "增长5%左右")], []),
            dataset("gwr-2024", 2024, [gdp(2024, "around", "5", "增长5%左右"), gdp(2023, "around", "5.5", "增长5.5%左右")], [gdp(2023, "exact", "5.2", "增长5.2%")]),
            dataset("gd-2024", 2024, [gdp(2024, "around", "5", "增长5%左右")], [gdp(2023, "exact", "4.8", "增长4.8%")], jurisdiction="440000"),
        ]
    )
    assert p.jurisdictions() == ["CN", "440000"]
    assert p.years() == [2023, 2024]
    assert len(p) == 6  # 4 targets and 2 outcomes
    docs = [d for d, _ in p.targets_for("CN", "gdp_growth", planwatch.Period(2023))]
    assert docs == ["gwr-2023", "gwr-2024"]  # the report of the year sets it; the next restates it
    doc, outcome = p.outcome("440000", "gdp_growth", planwatch.Period(2023))
    assert (doc, str(outcome.figure.value)) == ("gd-2024", "4.8%")
    rows = p.scorecard()
    summary = [(r.jurisdiction, r.row.period.year, r.target_document, r.outcome_document, r.row.verdict) for r in rows]
    assert summary == [
        ("CN", 2023, "gwr-2023", "gwr-2024", "met"),
        ("CN", 2024, "gwr-2024", None, None),
        ("440000", 2024, "gd-2024", None, None),
    ]
    assert rows[0].row.label == "met (+0.2 pp)"


def test_duplicate_documents_are_a_value_error() -> None:
    ds = dataset("gwr-2023", 2023, [], [])
    with pytest.raises(ValueError, match="gwr-2023"):
        planwatch.Panel([ds, ds])


def test_the_builtin_panel_holds_the_builtin_report() -> None:
    p = planwatch.panel()
    assert p.dataset("cn-ndrc-plan-report-2024") is not None
    doc, target = p.target("CN", "urban_new_jobs", planwatch.Period(2024))
    assert (doc, target.figure.text) == ("cn-ndrc-plan-report-2024", "1200万人以上")
    text = p.dataset(doc).text
    assert text[target.provenance.start : target.provenance.end] == target.provenance.quote
    jobs = next(r for r in p.scorecard() if r.row.indicator == "urban_new_jobs" and r.row.period.year == 2023)
    assert jobs.row.label == "exceeded (+44万人) = stated"


def test_jurisdictions() -> None:
    js = planwatch.jurisdictions()
    assert len(js) == 32 and js[0].code == "CN"
    assert sum(j.is_provincial for j in js) == 31
    gx = planwatch.Jurisdiction("广西")
    assert (gx.code, gx.name_zh, gx.name_en, gx.level, gx.abbreviation) == ("450000", "广西壮族自治区", "Guangxi", "autonomous_region", "桂")
    assert planwatch.Jurisdiction("450000") == gx and hash(planwatch.Jurisdiction("Guangxi")) == hash(gx)
    assert "全区" in gx.self_references
    assert planwatch.Jurisdiction.named_in("——2025年1月14日在吉林省第十四届人民代表大会第四次会议上").code == "220000"
    assert planwatch.Jurisdiction.named_in("2025年国务院政府工作报告") is None
    assert repr(gx) == "Jurisdiction('450000')"
    with pytest.raises(ValueError, match="no jurisdiction"):
        planwatch.Jurisdiction("Atlantis")
