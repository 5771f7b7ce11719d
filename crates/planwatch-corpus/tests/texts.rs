//! Every embedded text is the published copy: its length and SHA-256 are the manifest's.

use sha2::{Digest, Sha256};

#[test]
fn every_text_matches_its_manifest_entry() {
    let texts = planwatch_corpus::texts();
    assert_eq!(texts.len(), 84);
    for t in texts {
        let hash: String = Sha256::digest(t.text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hash, t.sha256, "{}", t.path);
        assert_eq!(t.text.chars().count(), t.chars, "{}", t.path);
    }
}

#[test]
fn national_reports_by_year_then_provinces_by_code() {
    let years: Vec<i32> = planwatch_corpus::texts()
        .iter()
        .filter(|t| t.jurisdiction == "CN")
        .map(|t| t.year)
        .collect();
    assert_eq!(
        (years[0], years[years.len() - 1], years.len()),
        (1954, 2025, 53)
    );
    assert!(years.windows(2).all(|w| w[0] < w[1]));
    let missing: Vec<i32> = (1954..=2025).filter(|y| !years.contains(y)).collect();
    let expected: Vec<i32> = (1961..=1963)
        .chain(1965..=1974)
        .chain(1976..=1977)
        .chain(1989..=1991)
        .chain([1996])
        .collect();
    assert_eq!(missing, expected);
    let codes: Vec<&str> = planwatch_corpus::texts()
        .iter()
        .filter(|t| t.jurisdiction != "CN")
        .map(|t| t.jurisdiction)
        .collect();
    assert_eq!((codes.len(), codes[0], codes[30]), (31, "110000", "650000"));
}
