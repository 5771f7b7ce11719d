//! `parse_quantity`: no panic; errors point into the input; parse ∘ Display is the identity
//! on what it reads, and the JSON form round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planwatch::quantity::parse_quantity;
use planwatch_fuzz::{display_round_trip, error_in_input};

fuzz_target!(|s: &str| {
    match parse_quantity(s) {
        Ok(q) => display_round_trip(&q),
        Err(e) => error_in_input(&e, s),
    }
});
