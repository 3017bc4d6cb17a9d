//! Arbitrary bytes; when they are UTF-8, attribute them with the default
//! attributor and with single marks at top level, and run every check of
//! `tests/support/invariants.rs`: spans on char boundaries, quotations
//! starting and ending on marks, nesting, speakers outside their quotation,
//! `to_records` in every offset unit, `OffsetIndex` round trips, and the same
//! result after a paragraph of unrelated text.
//!
//! `WHOSAID_FUZZ_SKIP=nesting,embedding` (names from `invariants::CHECKS`)
//! skips checks that are known to fail, to look for other failures.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
#[allow(dead_code)]
mod invariants;

fn skipped() -> &'static [String] {
    static SKIP: OnceLock<Vec<String>> = OnceLock::new();
    SKIP.get_or_init(|| {
        let skip: Vec<String> = std::env::var("WHOSAID_FUZZ_SKIP")
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        for name in &skip {
            assert!(
                invariants::CHECKS.contains(&name.as_str()),
                "unknown check {name:?} in WHOSAID_FUZZ_SKIP; known: {:?}",
                invariants::CHECKS
            );
        }
        skip
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let skip: Vec<&str> = skipped().iter().map(String::as_str).collect();
        if let Err(violation) = invariants::check_text_except(text, &skip) {
            panic!("invariant violated: {violation}\ninput: {text:?}");
        }
    }
});
