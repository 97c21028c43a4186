//! Renderers: they only read verdicts and explanations, never evaluate.

pub mod coverage;
pub mod csv;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod jsonl_explain;
pub mod markdown;
pub mod schema;
pub mod text;

use crate::summary::CouldChange;
use crate::verdict::{DateRange, Unknown};

/// What a verdict's open questions could change, in words: the headline of their list.
pub fn open_questions_scope(unknowns: &[Unknown]) -> &'static str {
    let has = |c: CouldChange| unknowns.iter().any(|u| u.could_change == c);
    match (
        has(CouldChange::Classification),
        has(CouldChange::Lawfulness),
        has(CouldChange::Violations),
    ) {
        (true, false, false) => "classification",
        (true, _, _) => "outcome",
        (false, true, _) => "lawfulness",
        _ => "violations found",
    }
}

/// Stretches of dates in words: `2019-06-01 to 2020-08-04, 2023-09-15`.
pub fn during_words(during: &[DateRange]) -> String {
    during
        .iter()
        .map(|d| {
            if d.from == d.to {
                d.from.clone()
            } else {
                format!("{} to {}", d.from, d.to)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The class a violation depends on, in words: ` (if provision)` (`short`) or `, if the transfer
/// is provision`; empty when it depends on none.
pub fn if_classified_words(class: Option<&str>, short: bool) -> String {
    match (class, short) {
        (Some(c), true) => format!(" (if {c})"),
        (Some(c), false) => format!(", if the transfer is {c}"),
        (None, _) => String::new(),
    }
}
