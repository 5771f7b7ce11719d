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
        "name_zh": "国内生产总值增长", "name_en": "GDP growth", "subject": m.subject,
        "subject_start": m.subject_start, "subject_end": m.subject_end, "year": 2023, "end_year": None,
        "basis": "year", "comparator": "exact", "value": Decimal("5.2"), "exponent": 0, "unit": "percent",
        "unit_text": "%", "lower": None, "lower_exponent": None, "upper": None, "upper_exponent": None,
        "value_base": Decimal("5.2"), "lower_base": None, "upper_base": None, "signed_value": Decimal("5.2"),
        "direction": "increase", "reference": None, "reference_indicator": None, "relation": None,
    }
    assert list(m.to_dict()) == planwatch.table_fields("mentions")
    assert eval(repr(m), {"Mention": planwatch.Mention}) == m
    assert pickle.loads(pickle.dumps(m)) == m
    assert pickle.loads(pickle.dumps(mentions)) == mentions
    assert type(pickle.loads(pickle.dumps(mentions))) is planwatch.MentionList
    assert hash(m) == hash(pickle.loads(pickle.dumps(m)))


def test_mention_frames(mentions: planwatch.MentionList) -> None:
    df = mentions.to_pandas()
    assert list(df.columns) == [
        "text", "start", "end", "kind", "indicator", "name_zh", "name_en", "subject", "subject_start",
        "subject_end", "year", "end_year", "basis", "comparator", "value", "exponent", "unit", "unit_text",
        "lower", "lower_exponent", "upper", "upper_exponent", "value_base", "lower_base", "upper_base",
        "signed_value", "direction", "reference", "reference_indicator", "relation",
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


#: Ranges whose bounds are written at two magnitudes: every table gives each bound its own
#: exponent and the exact base value.
RANGES = [
    ("投资规模5000万-1亿元", ("5000", 4, "1", 8, "50000000", "100000000")),
    ("投资3000亿元至1.2万亿元", ("3000", 8, "1.2", 12, "300000000000", "1200000000000")),
    ("粮食产量1.3万亿至13500亿斤", ("1.3", 12, "13500", 8, "1300000000000", "1350000000000")),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_bounds_at_two_magnitudes_in_every_table(text: str, expected: tuple[Any, ...]) -> None:
    lower, lower_exp, upper, upper_exp, lower_base, upper_base = expected
    m = planwatch.extract(text)[0]
    d = m.to_dict()
    assert (d["lower"], d["lower_exponent"], d["upper"], d["upper_exponent"]) == (
        Decimal(lower), lower_exp, Decimal(upper), upper_exp,
    )
    assert (d["lower_base"], d["upper_base"]) == (Decimal(lower_base), Decimal(upper_base))
    # The upper bound is never read in the lower bound's exponent.
    assert d["upper"] * 10 ** d["upper_exponent"] == Decimal(upper_base)
    ms = planwatch.extract(text)
    row = ms.to_pandas().iloc[0]
    assert (row["lower"], row["lower_exponent"], row["upper"], row["upper_exponent"]) == (
        float(lower), lower_exp, float(upper), upper_exp,
    )
    assert (row["lower_base"], row["upper_base"]) == (float(lower_base), float(upper_base))
    exact = ms.to_pandas(decimal=True).iloc[0]
    assert (exact["upper"], exact["upper_base"]) == (Decimal(upper), Decimal(upper_base))
    pl = pytest.importorskip("polars")
    prow = ms.to_polars(decimal=True).row(0, named=True)
    assert (prow["upper"], prow["upper_exponent"], prow["upper_base"]) == (Decimal(upper), upper_exp, Decimal(upper_base))
    assert isinstance(pl.DataFrame(ms), pl.DataFrame)
    pa = pytest.importorskip("pyarrow")
    arow = pa.RecordBatchReader.from_stream(ms).read_all().to_pylist()[0]
    assert (arow["upper"], arow["upper_exponent"], arow["upper_base"]) == (Decimal(upper), upper_exp, Decimal(upper_base))
    # Dataset frames of the same text carry the same columns.
    ds = planwatch.Dataset.from_json(
        '{"document": {"id": "d", "title": "t", "issuer": "i", "kind": "other", "jurisdiction": "CN"},'
        ' "targets": [{"indicator": "x", "period": {"year": 2024}, "figure": ' + m.figure.to_json() + "}]}"
    )
    drow = ds.to_pandas(decimal=True).iloc[0]
    assert (drow["lower"], drow["lower_exponent"], drow["upper"], drow["upper_exponent"]) == (
        Decimal(lower), lower_exp, Decimal(upper), upper_exp,
    )
    assert drow["upper_base"] == Decimal(upper_base)


def test_signed_value_and_base_columns() -> None:
    ms = planwatch.extract("居民消费价格下降2%，投资1亿元")
    d0, d1 = ms[0].to_dict(), ms[1].to_dict()
    assert (d0["value"], d0["signed_value"], d0["direction"]) == (Decimal("2"), Decimal("-2"), "decrease")
    assert (d1["value"], d1["exponent"], d1["value_base"]) == (Decimal("1"), 8, Decimal("100000000"))


def test_slices_keep_their_type(mentions: planwatch.MentionList) -> None:
    part = mentions[1:4]
    assert type(part) is planwatch.MentionList and list(part) == list(mentions)[1:4]
    assert len(part.to_pandas()) == 3
    assert isinstance(mentions[0], planwatch.Mention)
    card = planwatch.builtin().assess()
    assert type(card[:2]) is planwatch.Scorecard and len(card[:2].to_pandas()) == 2


def test_custom_catalogue_names_in_every_table() -> None:
    text = "城镇新增就业1244万人，茶叶产量333万吨"
    jobs = planwatch.catalogue()["urban_new_jobs"]
    renamed = planwatch.Indicator.from_json(jobs.to_json().replace(jobs.name_en, "Jobs, renamed"))
    tea = planwatch.Indicator("tea_output", "茶叶产量", "Tea output", "agriculture", "higher_better", "level", "ton")
    cat = planwatch.Catalogue([renamed, tea])
    ms = planwatch.extract(text, catalogue=cat)
    assert [m.indicator for m in ms] == ["urban_new_jobs", "tea_output"]
    assert [m.to_dict()["name_en"] for m in ms] == ["Jobs, renamed", "Tea output"]
    assert ms.to_pandas()["name_en"].tolist() == ["Jobs, renamed", "Tea output"]
    x = planwatch.extract_document("过去一年，" + text + "。", doc_id="d", catalogue=cat, outcome_year=2023)
    assert [o.indicator for o in x.outcomes] == ["urban_new_jobs", "tea_output"]
    ds = x.to_dataset()
    assert sorted(i.id for i in ds.indicators) == sorted({o.indicator for o in x.outcomes})
    df = ds.to_pandas()
    assert "Tea output" in df["name_en"].tolist() and "Jobs, renamed" in df["name_en"].tolist()
    card = ds.assess()
    assert all(r.to_dict()["name_en"] in ("Tea output", "Jobs, renamed") for r in card)


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
