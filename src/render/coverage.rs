//! The coverage report of `entrust test --coverage`.

use crate::compile::pack::{Pack, RuleMeta};
use crate::coverage::{Coverage, Tally};
use std::fmt::Write as _;

fn rows<'a>(
    out: &mut String,
    title: &str,
    items: impl Iterator<Item = (&'a RuleMeta, &'a Tally)>,
    missing: &mut Vec<String>,
    kind: &str,
) {
    let items: Vec<(&RuleMeta, &Tally)> = items.collect();
    if items.is_empty() {
        return;
    }
    let width = items
        .iter()
        .map(|(m, _)| m.id.len())
        .max()
        .unwrap_or(0)
        .max(4);
    let _ = writeln!(
        out,
        "  {title:<w$}  held  failed  unknown  citation",
        w = width + 2
    );
    for (m, t) in items {
        let flag = if t.exercised() { ' ' } else { '!' };
        let _ = writeln!(
            out,
            "  {flag} {:<width$}  {:>4}  {:>6}  {:>7}  {}",
            m.id,
            t.held,
            t.failed,
            t.unknown,
            m.cite()
        );
        if !t.exercised() {
            missing.push(format!("{kind} `{}`", m.id));
        }
    }
}

/// Renders coverage as a table per kind of rule, then the rules no case exercised and the
/// requirements never met or never violated.
pub fn render(pack: &Pack, c: &Coverage) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Coverage of pack `{}` by {} case(s): how many cases made each rule hold, fail, or stay unknown",
        pack.id, c.cases
    );
    let mut missing = Vec::new();
    rows(
        &mut out,
        "requirement",
        pack.requirements
            .iter()
            .map(|r| &r.meta)
            .zip(&c.requirements),
        &mut missing,
        "requirement",
    );
    rows(
        &mut out,
        "exception",
        pack.exceptions.iter().map(|e| &e.meta).zip(&c.exceptions),
        &mut missing,
        "exception",
    );
    for (w, tallies) in pack.weighings.iter().zip(&c.factors) {
        rows(
            &mut out,
            &format!("factor of {}", w.meta.id),
            w.factors.iter().map(|f| &f.meta).zip(tallies),
            &mut missing,
            "factor",
        );
    }
    rows(
        &mut out,
        "test",
        pack.tests.iter().map(|t| &t.meta).zip(&c.tests),
        &mut missing,
        "test",
    );
    let never_met: Vec<&str> = pack
        .requirements
        .iter()
        .zip(&c.requirements)
        .filter(|(_, t)| t.held == 0)
        .map(|(r, _)| r.meta.id.as_str())
        .collect();
    let never_violated: Vec<&str> = pack
        .requirements
        .iter()
        .zip(&c.requirements)
        .filter(|(_, t)| t.failed == 0)
        .map(|(r, _)| r.meta.id.as_str())
        .collect();
    let list = |xs: &[&str]| {
        if xs.is_empty() {
            "none".to_string()
        } else {
            xs.join(", ")
        }
    };
    let _ = writeln!(out, "  Requirements never met: {}", list(&never_met));
    let _ = writeln!(
        out,
        "  Requirements never violated: {}",
        list(&never_violated)
    );
    let _ = writeln!(
        out,
        "  Not exercised by any case (marked !): {}",
        if missing.is_empty() {
            "none".to_string()
        } else {
            missing.join(", ")
        }
    );
    out
}
