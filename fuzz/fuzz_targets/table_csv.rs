//! `table::from_csv` (and `parse_csv`): no panic; rows that read write back to CSV and JSON
//! lines that read equal, and each row's figure rebuilds or fails cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planwatch_fuzz::rows_round_trip;

fuzz_target!(|s: &str| {
    let _ = planwatch::table::parse_csv(s);
    if let Ok(rows) = planwatch::table::from_csv(s) {
        rows_round_trip(&rows);
        for r in &rows {
            let _ = r.figure();
        }
    }
});
