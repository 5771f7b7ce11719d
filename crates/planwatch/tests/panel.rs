//! Panels: joins across documents, the documented precedence, jurisdictions and plan periods.
#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use chrono::NaiveDate;
use planwatch::assess::Policy;
use planwatch::dataset::{Dataset, StatedVerdict};
use planwatch::document::{Basis, Document, DocumentKind, Period, Provenance};
use planwatch::figure::{parse_figure, parse_target};
use planwatch::panel::{Panel, PanelError, RecordKind};
use planwatch::target::{Outcome, OutcomeStatus, Target, Verdict};

fn doc(
    id: &str,
    kind: DocumentKind,
    jurisdiction: &str,
    plan_year: i32,
    delivered: &str,
) -> Document {
    Document {
        id: id.into(),
        title: "报告".into(),
        issuer: "".into(),
        kind,
        jurisdiction: jurisdiction.into(),
        delivered: NaiveDate::parse_from_str(delivered, "%Y-%m-%d").ok(),
        outcome_year: Some(plan_year - 1),
        plan_year: Some(plan_year),
        source: None,
    }
}

fn target(indicator: &str, period: Period, text: &str) -> Target {
    Target {
        indicator: indicator.into(),
        period,
        figure: parse_target(text).unwrap(),
        provenance: None,
    }
}

fn outcome(indicator: &str, period: Period, text: &str, status: OutcomeStatus) -> Outcome {
    Outcome {
        indicator: indicator.into(),
        period,
        figure: parse_figure(text).unwrap(),
        status,
        provenance: None,
    }
}

fn dataset(document: Document, targets: Vec<Target>, outcomes: Vec<Outcome>) -> Dataset {
    Dataset {
        document,
        indicators: vec![],
        targets,
        outcomes,
        verdicts: vec![],
        text: None,
    }
}

use DocumentKind::{GovernmentWorkReport as Gwr, NdrcPlanReport as Ndrc, ProvincialReport as Prov};
use OutcomeStatus::{Final, Preliminary, Revised};

#[test]
fn the_target_comes_from_the_report_of_its_year_and_the_outcome_from_the_next() {
    let y = Period::year;
    let panel = Panel::new(vec![
        dataset(
            doc("gwr-2023", Gwr, "CN", 2023, "2023-03-05"),
            vec![target("gdp_growth", y(2023), "增长5%左右")],
            vec![outcome("gdp_growth", y(2022), "增长3%", Preliminary)],
        ),
        dataset(
            doc("gwr-2024", Gwr, "CN", 2024, "2024-03-05"),
            vec![
                target("gdp_growth", y(2024), "增长5%左右"),
                // The review restates last year's target: lower precedence than the 2023 report's.
                target("gdp_growth", y(2023), "增长5.5%左右"),
            ],
            vec![outcome("gdp_growth", y(2023), "增长5.2%", Preliminary)],
        ),
        dataset(
            doc("ndrc-2024", Ndrc, "CN", 2024, "2024-03-05"),
            vec![target("gdp_growth", y(2024), "增长4.5%左右")],
            vec![],
        ),
    ])
    .unwrap();
    let t2023 = panel.targets_for("CN", "gdp_growth", &y(2023));
    let docs: Vec<&str> = t2023.iter().map(|s| s.document.id.as_str()).collect();
    assert_eq!(docs, ["gwr-2023", "gwr-2024"]);
    let t2024 = panel.targets_for("CN", "gdp_growth", &y(2024));
    let docs: Vec<&str> = t2024.iter().map(|s| s.document.id.as_str()).collect();
    assert_eq!(docs, ["gwr-2024", "ndrc-2024"]); // a government work report before an NDRC report

    let rows = panel.scorecard(planwatch::builtin::catalogue(), &Policy::default());
    type Summary<'a> = (i32, Option<&'a str>, Option<&'a str>, Option<Verdict>);
    let summary: Vec<Summary> = rows
        .iter()
        .map(|r| {
            (
                r.row.period.year,
                r.target_document.as_deref(),
                r.outcome_document.as_deref(),
                r.row.verdict(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (2023, Some("gwr-2023"), Some("gwr-2024"), Some(Verdict::Met)),
            (2024, Some("gwr-2024"), None, None),
        ]
    );
    assert_eq!(
        rows[0].row.target.as_ref().unwrap().figure.text,
        "增长5%左右"
    );
    assert_eq!(rows[0].jurisdiction, "CN");
    assert_eq!(panel.years(), [2022, 2023, 2024]);
    assert_eq!(panel.indicators(), ["gdp_growth"]);
    assert_eq!(panel.records().count(), 6);
    let kinds: Vec<RecordKind> = panel.records().map(|(_, r)| r.kind()).take(2).collect();
    assert_eq!(kinds, [RecordKind::Target, RecordKind::Outcome]);
}

#[test]
fn outcome_precedence_status_then_first_report_then_later_delivery() {
    let y = Period::year;
    let jobs = |text: &str, status| outcome("urban_new_jobs", y(2020), text, status);
    let panel = Panel::new(vec![
        dataset(
            doc("gwr-2021", Gwr, "CN", 2021, "2021-03-05"),
            vec![],
            vec![jobs("1186万人", Preliminary)],
        ),
        // A five-year review restating the year: not the first report.
        dataset(
            doc("gwr-2022", Gwr, "CN", 2022, "2022-03-05"),
            vec![],
            vec![jobs("1180万人", Preliminary)],
        ),
        dataset(
            doc("ndrc-2021", Ndrc, "CN", 2021, "2021-03-05"),
            vec![],
            vec![jobs("1186万人", Preliminary)],
        ),
        dataset(
            doc("stats-2021", DocumentKind::Other, "CN", 2021, "2021-09-01"),
            vec![],
            vec![jobs("1187万人", Final)],
        ),
    ])
    .unwrap();
    let order: Vec<(&str, String)> = panel
        .outcomes_for("CN", "urban_new_jobs", &y(2020))
        .iter()
        .map(|s| (s.document.id.as_str(), s.record.figure.text.clone()))
        .collect();
    assert_eq!(
        order,
        [
            ("stats-2021", "1187万人".to_string()),
            ("gwr-2021", "1186万人".to_string()),
            ("ndrc-2021", "1186万人".to_string()),
            ("gwr-2022", "1180万人".to_string()),
        ]
    );
    // A revision beats everything.
    let mut datasets = panel.datasets().to_vec();
    datasets[1].outcomes[0].status = Revised;
    let panel = Panel::new(datasets).unwrap();
    let best = panel.outcome("CN", "urban_new_jobs", &y(2020)).unwrap();
    assert_eq!(
        (best.document.id.as_str(), best.record.status),
        ("gwr-2022", Revised)
    );
}

#[test]
fn later_delivery_wins_among_equals_and_same_basis_comes_first() {
    let panel = Panel::new(vec![
        dataset(
            doc("a", Gwr, "CN", 2024, "2024-03-05"),
            vec![],
            vec![outcome(
                "cpi_change",
                Period::year(2023),
                "上涨0.2%",
                Preliminary,
            )],
        ),
        dataset(
            doc("b", Gwr, "CN", 2024, "2024-06-01"),
            vec![],
            vec![
                outcome(
                    "cpi_change",
                    Period::year(2023).with_basis(Basis::Average),
                    "上涨0.3%",
                    Preliminary,
                ),
                outcome("cpi_change", Period::year(2023), "上涨0.25%", Preliminary),
            ],
        ),
    ])
    .unwrap();
    let texts = |p: Period| -> Vec<String> {
        panel
            .outcomes_for("CN", "cpi_change", &p)
            .iter()
            .map(|s| s.record.figure.text.clone())
            .collect()
    };
    assert_eq!(
        texts(Period::year(2023)),
        ["上涨0.25%", "上涨0.2%", "上涨0.3%"]
    );
    assert_eq!(
        texts(Period::year(2023).with_basis(Basis::Average)),
        ["上涨0.3%", "上涨0.25%", "上涨0.2%"]
    );
}

#[test]
fn jurisdictions_and_plan_periods_never_mix() {
    let panel = Panel::new(vec![
        dataset(
            doc("gwr-2025", Gwr, "CN", 2025, "2025-03-05"),
            vec![target("gdp_growth", Period::year(2025), "增长5%左右")],
            vec![
                outcome("gdp_growth", Period::year(2024), "增长5%", Preliminary),
                outcome(
                    "urban_new_jobs",
                    Period::plan(2021, 2025),
                    "超过5500万人",
                    Preliminary,
                ),
            ],
        ),
        dataset(
            doc("gd-2025", Prov, "440000", 2025, "2025-01-15"),
            vec![target("gdp_growth", Period::year(2025), "增长5%左右")],
            vec![outcome(
                "gdp_growth",
                Period::year(2024),
                "增长3.5%",
                Preliminary,
            )],
        ),
    ])
    .unwrap();
    assert_eq!(panel.jurisdictions(), ["CN", "440000"]);
    let o = panel
        .outcome("440000", "gdp_growth", &Period::year(2024))
        .unwrap();
    assert_eq!(
        (o.document.id.as_str(), o.record.figure.text.as_str()),
        ("gd-2025", "增长3.5%")
    );
    assert!(
        panel
            .outcome("CN", "urban_new_jobs", &Period::year(2025))
            .is_none()
    );
    assert!(
        panel
            .outcome("CN", "urban_new_jobs", &Period::plan(2021, 2025))
            .is_some()
    );
    let rows = panel.scorecard(planwatch::builtin::catalogue(), &Policy::default());
    let js: Vec<&str> = rows.iter().map(|r| r.jurisdiction.as_str()).collect();
    assert_eq!(js, ["CN", "440000"]);
}

#[test]
fn stated_verdicts_without_targets_get_rows_and_ids_must_be_unique() {
    let mut ds = dataset(doc("ndrc", Ndrc, "CN", 2024, "2024-03-05"), vec![], vec![]);
    ds.verdicts.push(StatedVerdict {
        indicator: "energy_intensity".into(),
        period: Period::year(2023),
        verdict: Verdict::Missed,
        provenance: Some(Provenance {
            document: "ndrc".into(),
            start: 0,
            end: 0,
            quote: String::new(),
        }),
    });
    let panel = Panel::new(vec![ds.clone()]).unwrap();
    let rows = panel.scorecard(planwatch::builtin::catalogue(), &Policy::default());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].stated_document.as_deref(), Some("ndrc"));
    assert_eq!(rows[0].row.label(), "missed (stated)");
    assert_eq!(
        Panel::new(vec![ds.clone(), ds]).unwrap_err(),
        PanelError::DuplicateDocument("ndrc".into())
    );
}

#[test]
fn a_panel_of_one_document_matches_its_scorecard() {
    let cat = planwatch::builtin::catalogue();
    let policy = Policy::default();
    let ds = planwatch::builtin::dataset();
    let panel = Panel::new(vec![ds.clone()]).unwrap();
    let single = planwatch::scorecard(&ds, cat, &policy);
    let rows = panel.scorecard(cat, &policy);
    // Every target row of the document's own scorecard is in the panel's (one per key).
    for r in single.iter().filter(|r| r.target.is_some()) {
        let found = rows
            .iter()
            .find(|p| p.row.indicator == r.indicator && p.row.period == r.period)
            .unwrap();
        assert_eq!(
            found.row.verdict(),
            r.verdict(),
            "{} {}",
            r.indicator,
            r.period
        );
    }
}

/// Two national years and two provinces, as the panel tables read them.
fn two_years_two_provinces() -> Panel {
    let y = Period::year;
    Panel::new(vec![
        dataset(
            doc("cn-2024", Gwr, "CN", 2024, "2024-03-05"),
            vec![target("gdp_growth", y(2024), "增长5%左右")],
            vec![outcome("gdp_growth", y(2023), "增长5.2%", Preliminary)],
        ),
        dataset(
            doc("cn-2025", Gwr, "CN", 2025, "2025-03-05"),
            vec![
                target("gdp_growth", y(2025), "增长5%左右"),
                target("gdp_growth", y(2024), "增长5%左右"),
            ],
            vec![outcome("gdp_growth", y(2024), "增长5%", Preliminary)],
        ),
        dataset(
            doc("gd-2025", Prov, "440000", 2025, "2025-01-15"),
            vec![target("gdp_growth", y(2025), "增长5%左右")],
            vec![outcome("gdp_growth", y(2024), "增长3.5%", Preliminary)],
        ),
        dataset(
            doc("gx-2025", Prov, "450000", 2025, "2025-01-20"),
            vec![target("gdp_growth", y(2025), "增长5.5%－6%")],
            vec![],
        ),
    ])
    .unwrap()
}

#[test]
fn the_panel_record_table_carries_jurisdiction_rank_point_and_verdict() {
    use planwatch::table::{PANEL_FIELDS, panel_rows, to_csv};
    let panel = two_years_two_provinces();
    let cat = planwatch::builtin::catalogue();
    let rows = panel_rows(&panel, cat, &Policy::default());
    let summary: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.jurisdiction.code.as_str(),
                r.jurisdiction.level.as_deref().unwrap(),
                r.record.document.as_str(),
                r.record.kind.as_str(),
                r.record.year,
                r.point.as_deref(),
                r.rank,
                r.verdict.as_deref(),
                r.margin.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "CN",
                "national",
                "cn-2024",
                "target",
                2024,
                Some("5"),
                0,
                Some("met"),
                Some("0")
            ),
            (
                "CN",
                "national",
                "cn-2024",
                "outcome",
                2023,
                Some("5.2"),
                0,
                None,
                None
            ),
            (
                "CN",
                "national",
                "cn-2025",
                "target",
                2025,
                Some("5"),
                0,
                None,
                None
            ),
            // A restatement: the 2024 report's own target is the one scored.
            (
                "CN",
                "national",
                "cn-2025",
                "target",
                2024,
                Some("5"),
                1,
                None,
                None
            ),
            (
                "CN",
                "national",
                "cn-2025",
                "outcome",
                2024,
                Some("5"),
                0,
                None,
                None
            ),
            (
                "440000",
                "provincial",
                "gd-2025",
                "target",
                2025,
                Some("5"),
                0,
                None,
                None
            ),
            (
                "440000",
                "provincial",
                "gd-2025",
                "outcome",
                2024,
                Some("3.5"),
                0,
                None,
                None
            ),
            (
                "450000",
                "provincial",
                "gx-2025",
                "target",
                2025,
                Some("5.75"),
                0,
                None,
                None
            ),
        ]
    );
    let gx = &rows[7];
    assert_eq!(
        (gx.point_lower.as_deref(), gx.point_upper.as_deref()),
        (Some("5.5"), Some("6"))
    );
    assert_eq!(
        (
            gx.jurisdiction.name.as_deref(),
            gx.jurisdiction.name_en.as_deref()
        ),
        (Some("广西壮族自治区"), Some("Guangxi"))
    );
    assert_eq!(rows[0].margin_unit.as_deref(), Some("percentage_point"));
    assert_eq!(rows[0].desired.as_deref(), Some("higher_better"));
    let csv = to_csv(&rows);
    assert!(csv.starts_with(&PANEL_FIELDS.join(",")));
    assert!(csv.contains("\r\n450000,广西壮族自治区,Guangxi,provincial,gx-2025,gdp_growth,"));
    // Filters keep the documents of a level.
    let provincial = panel.filter(|d| d.document.jurisdiction != "CN");
    assert_eq!(provincial.jurisdictions(), ["440000", "450000"]);
    assert_eq!(panel_rows(&provincial, cat, &Policy::default()).len(), 3);
}

/// Every corpus report names its jurisdiction in its opening lines: each provincial report is
/// read as its province, each national report as none.
#[cfg(feature = "corpus")]
#[test]
fn every_corpus_report_names_its_jurisdiction() {
    use planwatch::builtin::corpus;
    let mut provincial = 0;
    for t in corpus::texts() {
        let read = planwatch::extract::jurisdiction_of(t.text).map(|j| j.code);
        if t.jurisdiction == "CN" {
            assert_eq!(read, None, "{}", t.path);
        } else {
            assert_eq!(read, Some(t.jurisdiction), "{}", t.path);
            provincial += 1;
        }
    }
    assert_eq!(provincial, 31);
}
