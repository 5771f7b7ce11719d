//! `table::from_jsonl`: no panic; rows that read write back to JSON lines and CSV that read
//! equal, and each row's figure rebuilds or fails cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planwatch_fuzz::rows_round_trip;

fuzz_target!(|s: &str| {
    if let Ok(rows) = planwatch::table::from_jsonl(s) {
        rows_round_trip(&rows);
        for r in &rows {
            let _ = r.figure();
        }
    }
});
