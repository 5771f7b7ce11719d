//! `Catalogue::from_json`: no panic; the indicators of a catalogue that reads round-trip
//! through JSON, each is found by its id, and an extractor compiles from it and runs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planwatch::extract::Extractor;
use planwatch::indicator::{Catalogue, Indicator};
use planwatch_fuzz::mentions_index_text;

fuzz_target!(|json: &str| {
    let Ok(cat) = Catalogue::from_json(json) else {
        return;
    };
    let list: Vec<Indicator> = cat.iter().cloned().collect();
    assert_eq!(list.len(), cat.len());
    let again = Catalogue::from_json(&serde_json::to_string(&list).expect("serializes"))
        .expect("own JSON reads");
    assert_eq!(again, cat);
    for i in &list {
        assert_eq!(cat.get(&i.id), Some(i));
    }
    // The catalogue's own names as a text to extract from.
    let text: String = list
        .iter()
        .flat_map(|i| [i.name_zh.as_str(), "增长5%，"])
        .collect();
    mentions_index_text(&text, &Extractor::new(&cat).mentions(&text));
});
