"""Validation reports: structured issues, opt-in raising, rules, notebook HTML."""

from __future__ import annotations

import json
import pickle

import pytest

import planwatch

BROKEN = {
    "document": {"id": "d", "title": "t", "issuer": "i", "kind": "other", "jurisdiction": "CN", "plan_year": 2024},
    "targets": [
        {"indicator": "no_such_indicator", "period": {"year": 2024}, "figure": {"comparator": "around", "text": "5%左右"}},
        {
            "indicator": "urban_new_jobs",
            "period": {"year": 2024},
            "figure": {
                "comparator": "at_least",
                "text": "1200万元以上",
                "value": {"value": "1200", "exponent": 4, "unit": "CNY", "unit_text": "元"},
            },
        },
    ],
}


@pytest.fixture(scope="module")
def broken() -> planwatch.ValidationReport:
    return planwatch.validate(planwatch.Dataset.from_json(json.dumps(BROKEN)))


def test_builtin_data_validates() -> None:
    report = planwatch.validate(planwatch.builtin(), rules=planwatch.builtin_rules())
    assert report.is_ok
    assert report.errors() == []
    assert [w["code"] for w in report.warnings()] == ["year-outside-document"]
    assert report.raise_for_errors() == report
    assert planwatch.builtin().validate(rules=planwatch.builtin_rules()) == report


def test_issues_are_structured(broken: planwatch.ValidationReport) -> None:
    assert not broken.is_ok
    errors = broken.errors()
    assert [(e["code"], e["severity"], e["path"]) for e in errors] == [
        ("unknown-indicator", "error", "targets[0].indicator"),
        ("missing-quantity", "error", "targets[0].figure.value"),
        ("unit-mismatch", "error", "targets[1].figure.value.unit"),
    ]
    assert all(set(e) == {"code", "severity", "path", "message"} for e in errors)
    assert [i.code for i in broken.issues] == [e["code"] for e in errors]
    assert len(broken) == 3 and [i.code for i in broken] == [e["code"] for e in errors]
    assert str(broken).splitlines()[0] == "3 errors, 0 warnings"


def test_raise_for_errors(broken: planwatch.ValidationReport) -> None:
    with pytest.raises(planwatch.ValidationError) as e:
        broken.raise_for_errors()
    assert isinstance(e.value, ValueError) and isinstance(e.value, planwatch.PlanwatchError)
    assert e.value.errors() == broken.errors()
    assert e.value.code == "validation"
    again = pickle.loads(pickle.dumps(e.value))
    assert again.errors() == broken.errors()


def test_report_round_trips(broken: planwatch.ValidationReport) -> None:
    assert pickle.loads(pickle.dumps(broken)) == broken
    env = {"ValidationReport": planwatch.ValidationReport, "Issue": planwatch.Issue}
    assert eval(repr(broken), env) == broken
    assert planwatch.ValidationReport.from_json(broken.to_json()) == broken
    assert broken.to_dict() == {"is_ok": False, "issues": broken.to_dicts()}
    issue = broken.issues[0]
    assert eval(repr(issue), env) == issue and hash(issue) == hash(pickle.loads(pickle.dumps(issue)))
    assert str(issue).startswith("error[unknown-indicator] targets[0].indicator: ")


def test_issue_constructor_checks_codes() -> None:
    i = planwatch.Issue("inverted-range", "error", "targets[0].figure", "6.5% is above 6%")
    assert i.to_dict() == {"code": "inverted-range", "severity": "error", "path": "targets[0].figure", "message": "6.5% is above 6%"}
    with pytest.raises(planwatch.InvalidInputError):
        planwatch.Issue("no-such-code", "error", "p", "m")
    with pytest.raises(planwatch.InvalidInputError):
        planwatch.Issue("inverted-range", "fatal", "p", "m")


def test_html_is_capped() -> None:
    issues = [planwatch.Issue("missing-text", "warning", f"targets[{i}]", "no text") for i in range(45)]
    html = planwatch.ValidationReport(issues)._repr_html_()
    assert html.count("<tr>") == 1 + 30
    assert "15 more rows not shown (45 in all)" in html
    assert "0 errors, 45 warnings" in html


def test_report_frame(broken: planwatch.ValidationReport) -> None:
    df = broken.to_pandas()
    assert list(df.columns) == ["code", "severity", "path", "message"]
    assert df["code"].tolist() == ["unknown-indicator", "missing-quantity", "unit-mismatch"]
    assert list(planwatch.ValidationReport().to_pandas().columns) == ["code", "severity", "path", "message"]


def test_rules() -> None:
    rules = planwatch.builtin_rules()
    assert [r.kind for r in rules] == ["share_identity"] * 2 + ["level_ordering"] * 4
    assert repr(rules[0]) == "Rule.share_identity('rd_intensity', 'rd_expenditure', 'gdp')"
    env = {"Rule": planwatch.Rule, "Decimal": __import__("decimal").Decimal}
    for r in rules:
        assert eval(repr(r), env) == r and pickle.loads(pickle.dumps(r)) == r
    r = planwatch.Rule.share_identity("a", "b", "c", tolerance_pp="0.1", kind="target")
    assert repr(r) == "Rule.share_identity('a', 'b', 'c', tolerance_pp=Decimal('0.1'), kind='target')"
    assert r.to_dict()["records"] == "target"
    with pytest.raises(planwatch.InvalidInputError):
        planwatch.Rule.level_ordering("a", "b", kind="verdict")


def test_a_broken_rule_is_reported() -> None:
    ds = planwatch.builtin()
    report = planwatch.validate(ds, rules=[planwatch.Rule.level_ordering("retail_sales", "online_retail_sales")])
    assert [e["code"] for e in report.errors()] == ["level-ordering"]
    unknown = planwatch.validate(ds, rules=[planwatch.Rule.level_ordering("nope", "retail_sales")])
    assert [(e["code"], e["path"]) for e in unknown.errors()] == [("unknown-indicator", "rules[0].lower")]


def test_validation_releases_the_gil() -> None:
    # Validation of the same dataset from several threads gives the same report.
    from concurrent.futures import ThreadPoolExecutor

    ds = planwatch.builtin()
    with ThreadPoolExecutor(4) as pool:
        reports = list(pool.map(lambda _: planwatch.validate(ds), range(8)))
    assert all(r == reports[0] for r in reports)
