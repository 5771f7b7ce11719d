//! `extract_document` and `Extractor::document`: no panic; every provenance quotes the text at
//! its span; the headline is a prefix of the targets; the records as a dataset round-trip
//! through JSON, and as table rows through CSV and JSON lines.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planwatch::document::{Document, DocumentKind};
use planwatch_fuzz::{json_round_trip, mentions_index_text, rows_round_trip};

fuzz_target!(|text: &str| {
    let x = planwatch::builtin::extract_document(text, "fuzz");
    assert!(x.headline_len <= x.targets.len());
    mentions_index_text(text, &x.mentions);
    mentions_index_text(text, &x.unresolved);
    let provenances = x
        .targets
        .iter()
        .map(|t| t.provenance.as_ref())
        .chain(x.outcomes.iter().map(|o| o.provenance.as_ref()));
    for p in provenances.flatten() {
        assert!(p.check(text), "{p:?}");
        assert_eq!(p.document, "fuzz");
        assert!(p.char_span(text).is_some());
    }
    for t in &x.targets {
        json_round_trip(t);
    }
    for o in &x.outcomes {
        json_round_trip(o);
    }
    let document = Document {
        id: "fuzz".into(),
        title: "fuzz".into(),
        issuer: "fuzz".into(),
        kind: DocumentKind::Other,
        jurisdiction: "CN".into(),
        delivered: None,
        outcome_year: None,
        plan_year: None,
        source: None,
    };
    let catalogue = planwatch::builtin::catalogue();
    let ds = x.into_dataset(document, catalogue, Some(text.into()));
    let back = planwatch::dataset::Dataset::from_json(&ds.to_json(), None).expect("own JSON reads");
    assert_eq!(back.with_text(text), ds);
    let rows = planwatch::table::rows(&ds, catalogue);
    assert_eq!(rows.len(), ds.targets.len() + ds.outcomes.len());
    for r in &rows {
        if let (Some(s), Some(e), Some(q)) = (r.start, r.end, &r.quote) {
            assert_eq!(&text.chars().skip(s).take(e - s).collect::<String>(), q);
        }
    }
    rows_round_trip(&rows);
});
