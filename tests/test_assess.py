"""Assessment: verdicts with their components, policies, scorecards of a dataset."""

from __future__ import annotations

import json
import pickle
from decimal import Decimal
from typing import Any, Optional

import pytest

import planwatch

from conftest import case_id, load_cases


def target(indicator: str, phrase: str, year: int = 2023) -> planwatch.Target:
    fig = json.loads(planwatch.parse_target(phrase).to_json())
    return planwatch.Target.from_json(json.dumps({"indicator": indicator, "period": {"year": year}, "figure": fig}))


def outcome(indicator: str, phrase: str, year: int = 2023) -> planwatch.Outcome:
    fig = json.loads(planwatch.parse_figure(phrase).to_json())
    return planwatch.Outcome.from_json(
        json.dumps({"indicator": indicator, "period": {"year": year}, "figure": fig, "status": "preliminary"})
    )


def mantissa(q: Optional[planwatch.Quantity]) -> Optional[str]:
    return None if q is None else str(q.value)


@pytest.mark.parametrize("case", load_cases("assess.json"), ids=case_id)
def test_assess_cases(case: dict[str, Any]) -> None:
    policy = planwatch.Policy.from_json(json.dumps(case["policy"])) if "policy" in case else None
    ref = case.get("reference")
    reference = outcome(ref["indicator"], ref["outcome"]) if ref else None
    a = planwatch.assess(
        target(case["indicator"], case["target"]),
        outcome(case["indicator"], case["outcome"]),
        policy=policy,
        reference=reference,
    )
    band = None if a.band is None else [mantissa(a.band[0]), mantissa(a.band[1])]
    margin = None if a.margin is None else str(a.margin)
    assert (a.verdict, a.reason, margin, band) == (case["verdict"], case["reason"], case["margin"], case["band"])
    assert a.policy == (policy or planwatch.Policy())
    if a.margin is not None:
        assert isinstance(a.margin, Decimal)


def test_assessment_components_and_round_trip() -> None:
    a = planwatch.assess(target("urban_new_jobs", "1200万人左右"), outcome("urban_new_jobs", "1244万人"))
    assert (a.desired, a.comparator, a.value) == (
        "higher_better", "around", planwatch.Quantity(1244, 4, "person", unit_text="人"),
    )
    assert a.to_dict() == {
        "verdict": "exceeded",
        "reason": None,
        "band": {
            "lower": {"value": Decimal("1176"), "exponent": 4, "unit": "person", "unit_text": "人"},
            "upper": {"value": Decimal("1224"), "exponent": 4, "unit": "person", "unit_text": "人"},
        },
        "value": {"value": Decimal("1244"), "exponent": 4, "unit": "person", "unit_text": "人"},
        "margin": Decimal("44"),
        "desired": "higher_better",
        "comparator": "around",
        "policy": {
            "around_tolerance_pp": Decimal("0.5"),
            "around_tolerance_rel": Decimal("0.02"),
            "in_step_tolerance_pp": Decimal("0.5"),
            "in_step_tolerance_rel": Decimal("0.02"),
        },
    }
    assert pickle.loads(pickle.dumps(a)) == a
    assert eval(repr(a), {"Assessment": planwatch.Assessment}) == a
    html = a._repr_html_()
    assert "exceeded" in html and "1176万人" in html


def test_indicator_argument() -> None:
    t, o = target("my_jobs", "1200万人左右"), outcome("my_jobs", "1190万人")
    with pytest.raises(planwatch.InvalidInputError):
        planwatch.assess(t, o)
    lower_better = planwatch.Indicator("my_jobs", "某就业", "jobs", "employment", "lower_better", "level", "person")
    assert planwatch.assess(t, o, indicator=lower_better).verdict == "met"
    higher_better = planwatch.Indicator("my_jobs", "某就业", "jobs", "employment", "higher_better", "level", "person")
    assert planwatch.assess(t, outcome("my_jobs", "1100万人"), indicator=higher_better).verdict == "missed"
    # An indicator given by id is looked up in the built-in catalogue and must be the records'.
    wrong = planwatch.assess(t, o, indicator="urban_new_jobs")
    assert (wrong.verdict, wrong.reason) == ("not_assessable", "indicator-mismatch")
    jobs = planwatch.assess(target("urban_new_jobs", "1200万人左右"), outcome("urban_new_jobs", "1190万人"), indicator="urban_new_jobs")
    assert (jobs.verdict, jobs.margin) == ("met", Decimal("-10"))


def test_policy() -> None:
    p = planwatch.Policy(around_tolerance_pp=Decimal("0.2"), in_step_tolerance_rel="0.05")
    assert (p.around_tolerance_pp, p.around_tolerance_rel, p.in_step_tolerance_pp, p.in_step_tolerance_rel) == (
        Decimal("0.2"), Decimal("0.02"), Decimal("0.5"), Decimal("0.05"),
    )
    assert eval(repr(p), {"Policy": planwatch.Policy, "Decimal": Decimal}) == p
    assert pickle.loads(pickle.dumps(p)) == p and hash(p) == hash(pickle.loads(pickle.dumps(p)))
    assert planwatch.Policy() != p
    with pytest.raises(TypeError):
        planwatch.Policy(around_tolerance_pp=0.2)  # type: ignore[arg-type]
    with pytest.raises(planwatch.InvalidInputError):
        planwatch.Policy(around_tolerance_pp="-1")


def test_builtin_scorecard() -> None:
    ds = planwatch.builtin()
    card = planwatch.scorecard(ds)
    assert isinstance(card, planwatch.Scorecard)
    assert card == ds.assess()
    assert sum(r.target is not None for r in card) == len(ds.targets)
    assert sum(r.stated is not None for r in card) == len(ds.verdicts)
    past = {r.indicator: r for r in card if r.period.year == 2023}
    jobs = past["urban_new_jobs"]
    assert (jobs.verdict, jobs.target.figure.text if jobs.target else None, jobs.outcome.figure.text if jobs.outcome else None) == (
        "exceeded", "1200万人左右", "1244万人",
    )
    assert jobs.stated is not None and jobs.stated.verdict == "exceeded"
    income = past["disposable_income_growth"]
    assert (income.verdict, income.reference.indicator if income.reference else None) == ("met", "gdp_growth")
    assert (past["cpi_change"].verdict, past["energy_intensity_change"].verdict) == ("met", "missed")
    assert past["energy_intensity_change"].target is None
    assert past["fiscal_deficit_ratio"].verdict is None
    # Provenance of rows is in code points of the report text.
    assert jobs.target is not None and jobs.target.provenance is not None
    p = jobs.target.provenance
    assert ds.text is not None and ds.text[p.start : p.end] == p.quote
    assert pickle.loads(pickle.dumps(jobs)) == jobs
    assert pickle.loads(pickle.dumps(card)) == card
    assert eval(repr(jobs), {"ScoreRow": planwatch.ScoreRow}) == jobs


def test_strict_policy_changes_scorecard() -> None:
    strict = planwatch.builtin().assess(policy=planwatch.Policy(around_tolerance_pp="0.1", around_tolerance_rel="0.001"))
    past = {r.indicator: r for r in strict if r.period.year == 2023 and r.target is not None}
    assert past["urban_new_jobs"].verdict == "exceeded"
    assert past["urban_new_jobs"].assessment is not None
    band = past["urban_new_jobs"].assessment.band
    assert band is not None and [mantissa(b) for b in band] == ["1198.8", "1201.2"]


def test_scorecard_frames() -> None:
    card = planwatch.builtin().assess()
    df = card.to_pandas()
    assert list(df.columns) == list(planwatch._collections.SCORECARD_COLUMNS)
    assert len(df) == len(card)
    jobs = df[(df.indicator == "urban_new_jobs") & (df.year == 2023)].iloc[0]
    assert (jobs["verdict"], jobs["verdict_source"], jobs["stated"], jobs["margin"], jobs["name_zh"]) == (
        "exceeded", "assessed", "exceeded", 44.0, "城镇新增就业",
    )
    exact = card.to_pandas(decimal=True)
    assert Decimal("44") in set(exact["margin"].dropna())
    pl = card.to_polars()
    assert pl.columns == list(df.columns) and pl.height == len(card)
    assert card.counts()["exceeded"] >= 2
    html = card._repr_html_()
    assert "Scorecard" in html and "urban_new_jobs" in html


def test_negative_tolerances_are_value_errors_also_from_json() -> None:
    with pytest.raises(ValueError, match="around_tolerance_rel cannot be negative: -0.01"):
        planwatch.Policy(around_tolerance_rel="-0.01")
    with pytest.raises(planwatch.LoadError, match="in_step_tolerance_pp cannot be negative"):
        planwatch.Policy.from_json('{"in_step_tolerance_pp": "-1"}')
    assert planwatch.Policy(around_tolerance_pp="0").around_tolerance_pp == Decimal("0")


def test_float_tolerance_names_the_argument_and_says_to_quote_it() -> None:
    with pytest.raises(TypeError) as info:
        planwatch.Policy(around_tolerance_pp=0.2)  # type: ignore[arg-type]
    assert str(info.value) == (
        "around_tolerance_pp: expected decimal.Decimal, int or str, not float; "
        "pass the value as a string, e.g. '0.2', to keep it exact"
    )


def test_score_row_label_is_the_cores() -> None:
    card = planwatch.builtin().assess()
    label = {(r.indicator, r.period.year): r.label for r in card if r.target is not None}
    assert label[("urban_new_jobs", 2023)] == "exceeded (+44万人) = stated"
    assert label[("cpi_change", 2023)] == "met (+2.8 pp)"
    assert all(r.to_dict()["label"] == r.label for r in card)


def test_scorecard_frame_is_numeric() -> None:
    card = planwatch.builtin().assess()
    df = card.to_pandas(decimal=True)
    jobs = df[(df.indicator == "urban_new_jobs") & (df.year == 2023)].iloc[0]
    assert (jobs["target_value"], jobs["target_exponent"], jobs["target_unit"]) == (Decimal("1200"), 4, "person")
    assert (jobs["outcome_value"], jobs["outcome_exponent"]) == (Decimal("1244"), 4)
    assert (jobs["margin"], jobs["margin_exponent"], jobs["margin_unit"]) == (Decimal("44"), 4, "person")
    assert (jobs["desired"], jobs["category"], jobs["label"]) == ("higher_better", planwatch.catalogue()["urban_new_jobs"].category, "exceeded (+44万人) = stated")
    cpi = df[(df.indicator == "cpi_change") & (df.year == 2023)].iloc[0]
    assert (cpi["margin"], cpi["margin_unit"], cpi["desired"]) == (Decimal("2.8"), "percentage_point", "lower_better")
    floats = card.to_pandas()
    assert floats["margin"].dtype == "float64" and floats["target_value"].dtype == "float64"
