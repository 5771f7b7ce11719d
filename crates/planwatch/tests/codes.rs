//! Every enum's stable codes agree with its serde names, read back, and print as `Display`.
#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use planwatch::assess::NotAssessableReason;
use planwatch::document::{Basis, DocumentKind};
use planwatch::extract::MentionKind;
use planwatch::indicator::{Attribute, Desired, Measure};
use planwatch::target::{Comparator, Direction, OutcomeStatus, Relation, Verdict};
use planwatch::validate::{IssueCode, RecordKind, Severity};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn check<T>(all: &[T], expected: &[&str])
where
    T: Copy + PartialEq + std::fmt::Debug + std::fmt::Display + Serialize + DeserializeOwned,
{
    let codes: Vec<String> = all.iter().map(|v| v.to_string()).collect();
    assert_eq!(codes, expected);
    for (v, code) in all.iter().zip(expected) {
        assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(code));
        let back: T = serde_json::from_value(serde_json::json!(code)).unwrap();
        assert_eq!(back, *v);
    }
}

#[test]
fn codes_are_serde_names() {
    check(
        Comparator::ALL,
        &[
            "exact",
            "around",
            "at_least",
            "at_most",
            "more_than",
            "less_than",
            "range",
            "in_step_with",
            "relative",
            "direction_only",
            "qualitative",
        ],
    );
    check(
        Direction::ALL,
        &["increase", "decrease", "stable", "improve"],
    );
    check(Relation::ALL, &["same", "above", "below"]);
    check(OutcomeStatus::ALL, &["preliminary", "final", "revised"]);
    check(
        Verdict::ALL,
        &["met", "exceeded", "missed", "not_assessable"],
    );
    check(
        DocumentKind::ALL,
        &[
            "ndrc_plan_report",
            "government_work_report",
            "five_year_plan",
            "provincial_report",
            "other",
        ],
    );
    check(Basis::ALL, &["year", "year_end", "average", "cumulative"]);
    check(Attribute::ALL, &["indicative", "binding"]);
    check(
        Desired::ALL,
        &["higher_better", "lower_better", "band", "neutral"],
    );
    check(
        Measure::ALL,
        &["level", "growth_rate", "share", "rate", "change"],
    );
    check(Severity::ALL, &["error", "warning"]);
    check(RecordKind::ALL, &["outcome", "target"]);
    check(MentionKind::ALL, &["target", "outcome", "other"]);
    check(
        NotAssessableReason::ALL,
        &[
            "unit-mismatch",
            "outcome-bound-inconclusive",
            "qualitative-target",
            "qualitative-outcome",
            "missing-quantity",
            "needs-reference",
            "indicator-mismatch",
            "period-mismatch",
            "inverted-range",
            "arithmetic",
        ],
    );
    assert_eq!(IssueCode::ALL.len(), 18);
    for &c in IssueCode::ALL {
        assert_eq!(
            serde_json::to_value(c).unwrap(),
            serde_json::json!(c.code())
        );
        assert_eq!(IssueCode::from_code(c.code()), Some(c));
    }
    assert_eq!(IssueCode::ShareOver100.code(), "share-over-100");
}
