"""Extraction: mentions with code-point spans, their fields, mention frames, document records."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import pytest

import planwatch

TEXT = planwatch.builtin_text()


@pytest.fixture(scope="module")
def mentions() -> planwatch.MentionList:
    return planwatch.extract(TEXT)


def test_every_span_is_in_code_points(mentions: planwatch.MentionList) -> None:
    assert isinstance(mentions, planwatch.MentionList) and isinstance(mentions, list)
    assert len(mentions) > 100
    for m in mentions:
        assert TEXT[m.start : m.end] == m.text
        assert TEXT.encode()[m.byte_start : m.byte_end].decode() == m.text
        if m.subject_start is not None and m.subject_end is not None:
            assert TEXT[m.subject_start : m.subject_end] in (m.subject or "")
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)


def test_first_mention_of_the_report(mentions: planwatch.MentionList) -> None:
    m = mentions[0]
    assert (m.text, m.kind, m.indicator, m.subject, m.year, m.basis, m.comparator) == (
        "126.06万亿元", "outcome", "gdp", "国内生产总值（GDP）", 2023, "year", "exact",
    )
    assert (m.value, m.exponent, m.unit, m.unit_text) == (
        planwatch.Quantity(Decimal("126.06"), 12, "CNY", unit_text="元"), 12, "CNY", "元",
    )
    assert TEXT[m.subject_start : m.subject_end] == "国内生产总值（GDP）"


CASES: list[dict[str, Any]] = [
    {
        "text": "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。",
        "mentions": [
            {"text": "5%左右", "comparator": "around", "direction": "increase", "subject": "国内生产总值",
             "indicator": "gdp_growth", "kind": "target", "unit": "percent", "exponent": 0},
            {"text": "1200万人左右", "comparator": "around", "direction": None, "subject": "城镇新增就业",
             "indicator": "urban_new_jobs", "kind": "target", "unit": "person", "exponent": 4},
        ],
    },
    {
        "text": "2023年末，广义货币供应量余额和社会融资规模存量分别增长9.7%和9.5%。",
        "mentions": [
            {"text": "9.7%", "year": 2023, "basis": "year_end", "direction": "increase"},
            {"text": "9.5%", "year": 2023, "basis": "year_end", "subject": "社会融资规模存量"},
        ],
    },
    {
        "text": "增长５．２％",
        "mentions": [{"text": "５．２％", "start": 2, "end": 6, "unit": "percent", "unit_text": "％"}],
    },
    {
        "text": "1年期和5年期贷款市场报价利率（LPR）分别下降0.2个和0.1个百分点",
        "mentions": [
            {"text": "0.2个", "unit": "percentage_point", "direction": "decrease",
             "subject": "1年期贷款市场报价利率（LPR）"},
            {"text": "0.1个百分点", "unit": "percentage_point", "direction": "decrease",
             "subject": "5年期贷款市场报价利率（LPR）"},
        ],
    },
    {"text": "二〇二三年三月五日，十四五规划第三届会议", "mentions": []},
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:16])
def test_mention_fields(case: dict[str, Any]) -> None:
    ms = planwatch.extract(case["text"])
    assert len(ms) == len(case["mentions"])
    for m, expected in zip(ms, case["mentions"]):
        got = {k: getattr(m, k) for k in expected}
        assert got == expected
        assert case["text"][m.start : m.end] == m.text


def test_range_bounds_are_quantities() -> None:
    (m,) = planwatch.extract("全年经济增长目标为6%－6.5%")
    assert (m.comparator, m.value) == ("range", None)
    assert (m.lower, m.upper) == (
        planwatch.Quantity(6, 0, "percent", unit_text="%"),
        planwatch.Quantity(Decimal("6.5"), 0, "percent", unit_text="%"),
    )
    assert (m.exponent, m.unit) == (0, "percent")


def test_mention_dict_repr_pickle(mentions: planwatch.MentionList) -> None:
    m = mentions[1]
    assert m.to_dict() == {
        "text": "5.2%", "start": m.start, "end": m.end, "kind": "outcome", "indicator": "gdp_growth",
        "subject": m.subject, "year": 2023, "end_year": None, "basis": "year", "comparator": "exact",
        "direction": "increase", "value": Decimal("5.2"), "lower": None, "upper": None, "exponent": 0,
        "unit": "percent", "unit_text": "%",
    }
    assert eval(repr(m), {"Mention": planwatch.Mention}) == m
    assert pickle.loads(pickle.dumps(m)) == m
    assert pickle.loads(pickle.dumps(mentions)) == mentions
    assert type(pickle.loads(pickle.dumps(mentions))) is planwatch.MentionList
    assert hash(m) == hash(pickle.loads(pickle.dumps(m)))


def test_mention_frames(mentions: planwatch.MentionList) -> None:
    df = mentions.to_pandas()
    assert list(df.columns) == [
        "text", "start", "end", "kind", "indicator", "name_zh", "name_en", "subject", "year", "end_year",
        "basis", "comparator", "direction", "value", "lower", "upper", "exponent", "unit", "unit_text",
    ]
    assert len(df) == len(mentions)
    first = df.iloc[0]
    assert (first["text"], first["start"], first["value"], first["exponent"], first["name_en"]) == (
        "126.06万亿元", mentions[0].start, 126.06, 12, planwatch.catalogue()["gdp"].name_en,
    )
    exact = mentions.to_pandas(decimal=True)
    assert exact["value"].iloc[0] == Decimal("126.06")
    pl = mentions.to_polars()
    assert pl.columns == list(df.columns)
    assert pl["text"].to_list() == [m.text for m in mentions]
    assert pl["start"].to_list() == [m.start for m in mentions]
    empty = planwatch.extract("没有数字").to_pandas()
    assert (len(empty), list(empty.columns)) == (0, list(df.columns))
    assert "mentions" in mentions._repr_html_()


def test_custom_catalogue() -> None:
    text = "城镇新增就业1244万人"
    assert planwatch.extract(text)[0].indicator == "urban_new_jobs"
    empty = planwatch.extract(text, catalogue=planwatch.Catalogue())
    assert (empty[0].subject, empty[0].indicator) == ("城镇新增就业", None)


def test_extract_document_headline() -> None:
    x = planwatch.extract_document(TEXT, doc_id="ndrc-2024")
    assert [t.indicator for t in x.headline] == [
        "gdp_growth", "urban_new_jobs", "urban_surveyed_unemployment", "cpi_change", "disposable_income_growth",
        "balance_of_payments", "grain_output", "energy_intensity_change", "eco_environment_quality",
    ]
    assert x.headline_len == 9 and x.document == "ndrc-2024" and x.text == TEXT
    for rec in [*x.targets, *x.outcomes]:
        p = rec.provenance
        assert p is not None and p.document == "ndrc-2024"
        assert TEXT[p.start : p.end] == p.quote
    gdp = x.headline[0]
    assert (gdp.period.year, gdp.figure.comparator, gdp.figure.text) == (2024, "around", "5%左右")
    assert isinstance(x.mentions, planwatch.MentionList) and len(x.mentions) == len(planwatch.extract(TEXT))
    assert all(m.kind in ("target", "outcome") for m in x.unresolved)
    again = pickle.loads(pickle.dumps(x))
    assert again == x and again.headline == x.headline
    d = x.to_dict()
    assert (d["document"], d["headline_len"], len(d["targets"])) == ("ndrc-2024", 9, len(x.targets))


def test_extract_document_short_text() -> None:
    text = "二、2024年经济社会发展主要目标 今年发展主要预期目标是：国内生产总值增长5%左右；居民收入增长与经济增长同步；国际收支保持基本平衡。"
    x = planwatch.extract_document(text, doc_id="gwr-2024")
    assert [t.indicator for t in x.headline] == ["gdp_growth", "disposable_income_growth", "balance_of_payments"]
    assert [t.figure.comparator for t in x.headline] == ["around", "in_step_with", "qualitative"]
    p = x.headline[0].provenance
    assert p is not None and text[p.start : p.end] == "国内生产总值增长5%左右"
    assert repr(x) == "<Extraction 'gwr-2024': 3 targets (3 headline), 0 outcomes, 1 mentions>"
