//! `parse_figure` and `parse_target`: no panic; errors point into the input; a figure's
//! quantities print and read back, the figure round-trips through JSON, and its table columns
//! build.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planwatch::figure::{parse_figure, parse_target};
use planwatch::table::FigureColumns;
use planwatch_fuzz::{display_round_trip, error_in_input, json_round_trip};

fuzz_target!(|s: &str| {
    for parse in [parse_figure, parse_target] {
        match parse(s) {
            Ok(f) => {
                for q in f.quantities() {
                    display_round_trip(q);
                }
                json_round_trip(&f);
                let c = FigureColumns::new(&f);
                assert_eq!(c.comparator, f.comparator.code());
            }
            Err(e) => error_in_input(&e, s),
        }
    }
});
