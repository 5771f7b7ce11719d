//! `extract` and `Extractor::mentions`: no panic; every mention's span is on character
//! boundaries with `&text[span] == mention.text`, in text order; mentions round-trip through
//! JSON; the built-in extractor and a fresh one agree.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use planwatch::extract::Extractor;
use planwatch_fuzz::mentions_index_text;

/// Compiled once: compiling the catalogue would take most of each run.
fn with_plan_year() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(planwatch::builtin::catalogue()).with_plan_year(2024))
}

fuzz_target!(|text: &str| {
    let mentions = planwatch::extract(text);
    mentions_index_text(text, &mentions);
    mentions_index_text(text, &with_plan_year().mentions(text));
    assert_eq!(planwatch::builtin::extractor().mentions(text), mentions);
});
