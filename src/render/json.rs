//! JSON and JSON Lines output of verdicts (cases.md §3).

use crate::verdict::Verdict;

/// One verdict as one line of compact JSON.
pub fn line(v: &Verdict) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Verdicts as a pretty-printed JSON array.
pub fn array(vs: &[Verdict]) -> String {
    serde_json::to_string_pretty(vs).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// One verdict, pretty-printed.
pub fn pretty(v: &Verdict) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
