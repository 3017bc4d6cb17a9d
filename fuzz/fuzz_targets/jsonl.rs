//! Arbitrary bytes as JSON Lines input to `whosaid::jsonl::process`, with
//! the checks of `tests/support/jsonl_invariants.rs`: no panic, no error,
//! exactly one line of JSON per non-blank input line, and a `Summary` that
//! agrees.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/jsonl_invariants.rs"]
#[allow(dead_code)]
mod jsonl_invariants;

fuzz_target!(|data: &[u8]| {
    if let Err(violation) = jsonl_invariants::check_jsonl(data) {
        panic!(
            "invariant violated: {violation}\ninput: {:?}",
            String::from_utf8_lossy(data)
        );
    }
});
