"""Panels and jurisdictions from Python: joins across documents, precedence, the built-in panel."""

from __future__ import annotations

import json
from decimal import Decimal

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
    assert planwatch.panel().dataset("cn-ndrc-plan-report-2024") is not None
    # The NDRC report alone: its own targets and verdicts.
    p = planwatch.Panel([planwatch.builtin()])
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


# A panel read from files: two national years and two provinces.


def q(value: str, unit: str, exponent: int = 0, unit_text: str | None = None) -> dict:
    out: dict = {"value": value, "unit": unit, "exponent": exponent}
    if unit_text is not None:
        out["unit_text"] = unit_text
    return out


def record(indicator: str, year: int, comparator: str, text: str, basis: str = "year", **figure: object) -> dict:
    return {"indicator": indicator, "period": {"year": year, "basis": basis}, "figure": {"comparator": comparator, "text": text, **figure}}


def pct(value: str) -> dict:
    return q(value, "percent", unit_text="%")


def doc_json(doc_id: str, jurisdiction: str, plan_year: int, targets: list[dict], outcomes: list[dict]) -> dict:
    return {
        "document": {
            "id": doc_id,
            "title": f"{plan_year}年政府工作报告",
            "issuer": "国务院" if jurisdiction == "CN" else "人民政府",
            "kind": "government_work_report" if jurisdiction == "CN" else "provincial_report",
            "jurisdiction": jurisdiction,
            "outcome_year": plan_year - 1,
            "plan_year": plan_year,
        },
        "targets": targets,
        "outcomes": [{**o, "status": "preliminary"} for o in outcomes],
    }


@pytest.fixture(scope="module")
def files_panel(tmp_path_factory: pytest.TempPathFactory) -> planwatch.Panel:
    d = tmp_path_factory.mktemp("panel")
    up = {"direction": "increase"}
    docs = {
        "cn-gwr-2024.json": doc_json(
            "cn-gwr-2024", "CN", 2024,
            [record("gdp_growth", 2024, "around", "增长5%左右", value=pct("5"), **up),
             record("urban_new_jobs", 2024, "at_least", "1200万人以上", value=q("1200", "person", 4, "人"))],
            [record("gdp_growth", 2023, "exact", "增长5.2%", value=pct("5.2"), **up),
             record("fx_reserves", 2023, "exact", "32379.77亿美元", basis="year_end", value=q("32379.77", "USD", 8, "美元"))],
        ),
        "cn-gwr-2025.json": doc_json(
            "cn-gwr-2025", "CN", 2025,
            [record("gdp_growth", 2025, "around", "增长5%左右", value=pct("5"), **up),
             record("gdp_growth", 2024, "around", "增长5%左右", value=pct("5"), **up)],
            [record("gdp_growth", 2024, "exact", "增长5%", value=pct("5"), **up),
             record("urban_new_jobs", 2024, "exact", "1256万人", value=q("1256", "person", 4, "人"))],
        ),
        "gd-gwr-2025.json": doc_json(
            "440000-gwr-2025", "440000", 2025,
            [record("gdp_growth", 2025, "around", "增长5%左右", value=pct("5"), **up)],
            [record("gdp_growth", 2024, "exact", "增长3.5%", value=pct("3.5"), **up)],
        ),
        "gx-gwr-2025.json": doc_json(
            "450000-gwr-2025", "450000", 2025,
            [record("gdp_growth", 2025, "range", "增长5.5%－6%", lower=pct("5.5"), upper=pct("6"), **up),
             record("work_relief_remuneration", 2025, "range", "5000万-1亿元",
                    lower=q("5000", "CNY", 4, "元"), upper=q("1", "CNY", 8, "元"))],
            [],
        ),
    }
    for name, data in docs.items():
        (d / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return planwatch.Panel.from_dir(d)


def test_panel_records_as_dicts(files_panel: planwatch.Panel) -> None:
    rows = files_panel.to_dicts()
    assert list(rows[0]) == planwatch.table_fields("panel")
    assert list(rows[0])[:5] == ["jurisdiction", "jurisdiction_name", "jurisdiction_name_en", "level", "document"]
    summary = [(r["jurisdiction"], r["level"], r["document"], r["indicator"], r["year"], r["kind"], r["point"], r["rank"], r["verdict"])
               for r in rows]
    D = Decimal
    assert summary == [
        ("CN", "national", "cn-gwr-2024", "gdp_growth", 2024, "target", D("5"), 0, "met"),
        ("CN", "national", "cn-gwr-2024", "urban_new_jobs", 2024, "target", D("12000000"), 0, "met"),
        ("CN", "national", "cn-gwr-2024", "gdp_growth", 2023, "outcome", D("5.2"), 0, None),
        ("CN", "national", "cn-gwr-2024", "fx_reserves", 2023, "outcome", D("3237977000000"), 0, None),
        ("CN", "national", "cn-gwr-2025", "gdp_growth", 2025, "target", D("5"), 0, None),
        ("CN", "national", "cn-gwr-2025", "gdp_growth", 2024, "target", D("5"), 1, None),  # a restatement
        ("CN", "national", "cn-gwr-2025", "gdp_growth", 2024, "outcome", D("5"), 0, None),
        ("CN", "national", "cn-gwr-2025", "urban_new_jobs", 2024, "outcome", D("12560000"), 0, None),
        ("440000", "provincial", "440000-gwr-2025", "gdp_growth", 2025, "target", D("5"), 0, None),
        ("440000", "provincial", "440000-gwr-2025", "gdp_growth", 2024, "outcome", D("3.5"), 0, None),
        ("450000", "provincial", "450000-gwr-2025", "gdp_growth", 2025, "target", D("5.75"), 0, None),
        ("450000", "provincial", "450000-gwr-2025", "work_relief_remuneration", 2025, "target", D("75000000"), 0, None),
    ]
    jobs = rows[1]
    assert (jobs["margin"], jobs["margin_exponent"], jobs["margin_unit"], jobs["desired"]) == (D("56"), 4, "person", "higher_better")
    fx = rows[3]
    assert (fx["value"], fx["exponent"], fx["unit"], fx["basis"], fx["status"]) == (D("32379.77"), 8, "USD", "year_end", "preliminary")
    gx = rows[11]
    assert (gx["jurisdiction_name"], gx["jurisdiction_name_en"]) == ("广西壮族自治区", "Guangxi")
    assert (gx["lower"], gx["lower_exponent"], gx["upper"], gx["upper_exponent"]) == (D("5000"), 4, D("1"), 8)
    assert (gx["lower_base"], gx["upper_base"], gx["point_lower"], gx["point_upper"]) == (D("50000000"), D("100000000"), D("50000000"), D("100000000"))
    assert rows[0]["jurisdiction_name"] == "中华人民共和国" and rows[8]["jurisdiction_name_en"] == "Guangdong"


def test_panel_long_frames_are_exact(files_panel: planwatch.Panel) -> None:
    pd = pytest.importorskip("pandas")
    df = files_panel.to_pandas(decimal=True)
    assert list(df.columns) == planwatch.table_fields("panel") and len(df) == 12
    fx = df[df["indicator"] == "fx_reserves"].iloc[0]
    assert (fx["value"], fx["value_base"]) == (Decimal("32379.77"), Decimal("3237977000000"))
    floats = files_panel.to_pandas()
    assert floats.loc[11, "upper_base"] == 100000000.0 and pd.isna(floats.loc[11, "value"])
    assert list(floats["level"].astype(str).unique()) == ["national", "provincial"]
    pa = pytest.importorskip("pyarrow")
    t = files_panel.to_arrow()
    assert t.schema.field("value").type == pa.decimal128(38, 2)
    assert t.column("value")[3].as_py() == Decimal("32379.77")
    assert t.column("upper_base")[11].as_py() == Decimal("100000000")
    assert t.column("rank").type == pa.int64() and t.column("jurisdiction").type == pa.string()
    assert pa.table(files_panel).num_rows == 12
    pl = pytest.importorskip("polars")
    p = files_panel.to_polars(decimal=True)
    assert p.shape == (12, len(planwatch.table_fields("panel")))
    assert p["value"][3] == Decimal("32379.77") and p["jurisdiction"][10] == "450000"


def test_panel_wide_frame(files_panel: planwatch.Panel) -> None:
    pytest.importorskip("pandas")
    wide = files_panel.to_wide(indicators=["gdp_growth"])
    assert list(wide.index) == [("CN", 2023), ("CN", 2024), ("CN", 2025), ("440000", 2024), ("440000", 2025), ("450000", 2025)]
    assert list(wide.columns) == ["gdp_growth_target", "gdp_growth_outcome"]
    assert wide.loc[("CN", 2024)].tolist() == [5.0, 5.0]
    assert wide.loc[("CN", 2023), "gdp_growth_outcome"] == 5.2
    assert wide.loc[("450000", 2025), "gdp_growth_target"] == 5.75
    targets = files_panel.to_wide(kind="target", decimal=True)
    assert list(targets.columns) == ["gdp_growth", "urban_new_jobs", "work_relief_remuneration"]
    assert targets.loc[("CN", 2024), "urban_new_jobs"] == Decimal("12000000")
    with pytest.raises(ValueError, match="kind must be one of"):
        files_panel.to_wide(kind="targets")


def test_panel_scorecard_frames_and_filters(files_panel: planwatch.Panel) -> None:
    card = files_panel.scorecard()
    assert isinstance(card, planwatch.PanelScorecard) and isinstance(card[:1], planwatch.PanelScorecard)
    assert card.counts() == {"met": 2, None: 4}
    assert card[0].to_dict()["jurisdiction_name_en"] == "China"
    pytest.importorskip("pandas")
    df = card.to_pandas()
    assert list(df.columns) == planwatch.table_fields("panel_scorecard")
    first = df.iloc[0]
    assert (first["jurisdiction"], first["indicator"], first["year"], first["target"], first["outcome"], first["verdict"]) == (
        "CN", "gdp_growth", 2024, "增长5%左右", "增长5%", "met")
    assert (first["target_document"], first["outcome_document"]) == ("cn-gwr-2024", "cn-gwr-2025")
    assert df["level"].astype(str).tolist() == ["national"] * 3 + ["provincial"] * 3
    provincial = files_panel.filter(level="provincial")
    assert provincial.jurisdictions() == ["440000", "450000"] and len(provincial) == 4
    assert files_panel.filter(level="national").jurisdictions() == ["CN"]
    assert files_panel.filter(level="autonomous_region").jurisdictions() == ["450000"]
    assert files_panel.filter(jurisdiction="广东").jurisdictions() == ["440000"]
    assert files_panel.filter(jurisdiction=["CN", "Guangxi"]).jurisdictions() == ["CN", "450000"]
    with pytest.raises(planwatch.InvalidInputError, match="unknown level code"):
        files_panel.filter(level="county")
    with pytest.raises(planwatch.InvalidInputError, match="unknown jurisdiction code"):
        files_panel.filter(jurisdiction="Atlantis")


def test_compare_provincial_targets(files_panel: planwatch.Panel) -> None:
    c = planwatch.compare_targets(files_panel, "gdp_growth", 2025)
    assert c.national == {"text": "增长5%左右", "comparator": "around", "point": Decimal("5"), "point_lower": None, "point_upper": None}
    assert [(r["jurisdiction"], r["point"], r["difference"], r["relation"]) for r in c.rows] == [
        ("450000", Decimal("5.75"), Decimal("0.75"), "above"),
        ("440000", Decimal("5"), Decimal("0"), "equal"),
    ]
    assert (c.above, c.equal, c.below, c.without_target) == (1, 1, 0, [])
    assert (c.lowest, c.highest, c.spread, c.mean) == (Decimal("5"), Decimal("5.75"), Decimal("0.75"), Decimal("5.375"))
    assert str(c).splitlines()[:2] == [
        "gdp_growth 2025: national target 增长5%左右 (5)",
        "2 provincial targets: 1 above, 1 equal, 0 below; lowest 5, highest 5.75, spread 0.75, mean 5.375",
    ]
    none = planwatch.compare_targets(files_panel, "urban_new_jobs", 2025)
    assert (none.national, none.rows, none.without_target) == (None, [], ["440000", "450000"])


def test_builtin_panel_exports(files_panel: planwatch.Panel) -> None:
    p = planwatch.panel()
    jsonl = p.to_jsonl()
    rows = [json.loads(line) for line in jsonl.splitlines()]
    assert len(rows) == len(p) and list(rows[0]) == planwatch.table_fields("panel")
    assert {r["document"] for r in rows} == {d.document.id for d in p.datasets}
    fx = next(r for r in rows if r["indicator"] == "fx_reserves" and r["document"] == "cn-ndrc-plan-report-2024")
    assert (fx["jurisdiction"], fx["value"], fx["value_base"]) == ("CN", "32379.77", "3237977000000")
    assert p.to_csv().startswith(",".join(planwatch.table_fields("panel")) + "\r\n")


def test_the_provinces_2025_gdp_targets_against_the_nation() -> None:
    """The built-in panel's 31 provincial reports: each province's 2025 GDP growth target as its
    list states it (hand-checked in tests/fixtures/headline/provincial-2025.jsonl), against the
    national 5%左右."""
    c = planwatch.compare_targets(planwatch.panel(), "gdp_growth", 2025)
    assert (c.national["text"], c.above, c.equal, c.below, c.without_target) == ("5%左右", 16, 14, 1, [])
    rows = {r["jurisdiction"]: r for r in c.rows}
    assert len(rows) == 31
    assert (rows["540000"]["text"], rows["540000"]["relation"]) == ("7%以上", "above")
    assert (rows["630000"]["text"], rows["630000"]["relation"]) == ("4.5%左右", "below")
    assert (rows["350000"]["text"], rows["350000"]["point"]) == ("5.0%—5.5%", Decimal("5.25"))
    assert (rows["320000"]["text"], rows["320000"]["relation"]) == ("5%以上", "equal")
    assert (c.lowest, c.highest) == (Decimal("4.5"), Decimal("7"))
