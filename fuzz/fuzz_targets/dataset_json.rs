//! `Dataset::from_json`: no panic; errors have a line and column inside the input; a dataset
//! that reads writes back (`to_json`) to one that reads equal, and its table rows round-trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planwatch::dataset::Dataset;
use planwatch_fuzz::rows_round_trip;

fuzz_target!(|json: &str| {
    match Dataset::from_json(json, Some("fuzz.json")) {
        Ok(ds) => {
            let again = Dataset::from_json(&ds.to_json(), None).expect("own JSON reads");
            assert_eq!(again, ds);
            let catalogue = planwatch::builtin::catalogue_for(&ds);
            rows_round_trip(&planwatch::table::rows(&ds, &catalogue));
            let _ = planwatch::validate(&ds, &catalogue);
        }
        Err(e) => {
            assert_eq!(e.path.as_deref(), Some("fuzz.json"));
            assert!(e.line <= json.lines().count() + 1, "{e:?}");
        }
    }
});
