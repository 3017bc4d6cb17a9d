//! Inputs the fuzz targets (`fuzz/`) found failing, minimised, replayed
//! through the very checks the targets run.
//!
//! Each input is a file in `tests/fixtures/fuzz/` named after its target:
//! `attribute-*` goes through `support/invariants.rs` (both attributors,
//! every check), `jsonl-*` through `support/jsonl_invariants.rs`. Dropping a
//! new file there is enough; the named tests below say what each one broke.

use std::path::{Path, PathBuf};

#[path = "support/invariants.rs"]
#[allow(dead_code)]
mod invariants;

#[cfg(feature = "serde")]
#[path = "support/jsonl_invariants.rs"]
#[allow(dead_code)]
mod jsonl_invariants;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz")
}

/// Replays one saved input through the checks of the target it names.
fn replay(name: &str) -> Result<(), String> {
    let path = fixtures().join(name);
    let data = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if name.starts_with("attribute-") {
        match std::str::from_utf8(&data) {
            Ok(text) => invariants::check_text(text),
            // The target skips input that is not UTF-8.
            Err(_) => Ok(()),
        }
    } else if name.starts_with("jsonl-") {
        check_jsonl(&data)
    } else {
        Err(format!(
            "{name}: the name does not start with a fuzz target"
        ))
    }
}

#[cfg(feature = "serde")]
fn check_jsonl(data: &[u8]) -> Result<(), String> {
    jsonl_invariants::check_jsonl(data)
}

/// Without the `serde` feature there is no `jsonl` module to check.
#[cfg(not(feature = "serde"))]
fn check_jsonl(_: &[u8]) -> Result<(), String> {
    Ok(())
}

/// Every saved input still passes, including ones added without a named
/// test.
#[test]
fn every_saved_input_passes() {
    let Ok(entries) = std::fs::read_dir(fixtures()) else {
        return;
    };
    let mut failures = Vec::new();
    for entry in entries {
        let entry = entry.expect("a readable directory entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Err(e) = replay(&name) {
            failures.push(format!("{name}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Found by the `attribute` target (its first minute, before commit
/// 8cc527e): corner brackets inside corner brackets inside a double-quoted
/// quotation. The innermost quotation `『』` was listed as a sibling of the
/// `「」` one around it instead of its child (check `nesting`). Minimised
/// from a seed-derived news sentence to four characters.
#[test]
fn corners_nested_twice_form_a_tree() {
    for name in [
        "attribute-corners-nested-twice",
        "attribute-corners-nested-twice-in-news",
    ] {
        if let Err(e) = replay(name) {
            panic!("{name}: {e}");
        }
    }
}

/// Found by the `attribute` target: `E:m` ¶ `"\u{5}S:s`, a transcript whose
/// quoted turn has a control character between its opening mark and its
/// label. The label speaks its quoted turn, as it should; the check of
/// speakers took the control character for words before the label
/// (check `speakers`). Minimised to nine bytes.
#[test]
fn a_label_after_a_control_character_speaks_its_quoted_turn() {
    let name = "attribute-label-after-control-character";
    if let Err(e) = replay(name) {
        panic!("{name}: {e}");
    }
}
