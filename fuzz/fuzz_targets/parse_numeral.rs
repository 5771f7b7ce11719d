//! `parse_numeral` and `Numeral::from_str`: no panic; errors point into the input; an exact
//! numeral is a quantity whose `Display` reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planwatch::numerals::{Approx, parse_numeral};
use planwatch::quantity::Quantity;
use planwatch::units::Unit;
use planwatch_fuzz::{display_round_trip, error_in_input};

fuzz_target!(|s: &str| {
    match parse_numeral(s) {
        Ok(n) => {
            assert_eq!(s.parse::<planwatch::Numeral>().ok().as_ref(), Some(&n));
            if n.approx == Approx::Exact {
                display_round_trip(&Quantity::new(n.value, n.exponent, Unit::Number));
            }
        }
        Err(e) => error_in_input(&e, s),
    }
});
