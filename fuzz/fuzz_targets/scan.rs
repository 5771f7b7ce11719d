//! `scan_numeral`, `scan_quantity` and `scan_unit`: no panic, and what they read is a prefix of
//! the input that ends on a character boundary.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planwatch::{scan_numeral, scan_quantity, scan_unit};
use planwatch_fuzz::consumed_prefix;

fuzz_target!(|s: &str| {
    if let Some((_, len)) = scan_numeral(s) {
        consumed_prefix(s, len);
    }
    if let Some((_, unit, unit_start, end)) = scan_quantity(s) {
        consumed_prefix(s, end);
        assert!(
            unit_start <= end && s.is_char_boundary(unit_start),
            "{unit_start} {end} {s:?}"
        );
        if unit_start == end {
            assert_eq!(unit, planwatch::Unit::Number, "{s:?}");
        }
    }
    if let Some((unit, len)) = scan_unit(s) {
        consumed_prefix(s, len);
        assert_eq!(
            planwatch::Unit::from_code(unit.code()).as_ref(),
            Some(&unit),
            "{unit:?}"
        );
    }
});
