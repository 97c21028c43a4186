//! The coverage report of `entrust test --coverage`.

use super::columns::pad_right as pad;
use crate::compile::pack::{Pack, RuleMeta};
use crate::coverage::{Coverage, Tally};
use crate::words::{RuleKind, Words};
use std::fmt::Write as _;

fn rows<'a>(
    out: &mut String,
    title: &str,
    items: impl Iterator<Item = (&'a RuleMeta, &'a Tally)>,
    missing: &mut Vec<String>,
    kind: RuleKind,
    w: &dyn Words,
) {
    let items: Vec<(&RuleMeta, &Tally)> = items.collect();
    if items.is_empty() {
        return;
    }
    let id_width = items
        .iter()
        .map(|(m, _)| m.id.len())
        .max()
        .unwrap_or(0)
        .max(4);
    let _ = writeln!(
        out,
        "  {}  {}",
        pad(title, id_width + 2),
        w.coverage_columns()
    );
    for (m, t) in items {
        let flag = if t.exercised() { ' ' } else { '!' };
        let _ = writeln!(
            out,
            "  {flag} {:<id_width$}  {:>4}  {:>6}  {:>7}  {}",
            m.id,
            t.held,
            t.failed,
            t.unknown,
            m.cite()
        );
        if !t.exercised() {
            missing.push(w.coverage_rule(kind, &m.id));
        }
    }
}

/// Renders coverage as a table per kind of rule, then the rules no case exercised and the
/// requirements never met or never violated, in the words `w`.
pub fn render(pack: &Pack, c: &Coverage, w: &dyn Words) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        w.coverage_title(&pack.id, usize::try_from(c.cases).unwrap_or(usize::MAX))
    );
    let mut missing = Vec::new();
    rows(
        &mut out,
        w.coverage_kind(RuleKind::Requirement),
        pack.requirements
            .iter()
            .map(|r| &r.meta)
            .zip(&c.requirements),
        &mut missing,
        RuleKind::Requirement,
        w,
    );
    rows(
        &mut out,
        w.coverage_kind(RuleKind::Exception),
        pack.exceptions.iter().map(|e| &e.meta).zip(&c.exceptions),
        &mut missing,
        RuleKind::Exception,
        w,
    );
    for (weighing, tallies) in pack.weighings.iter().zip(&c.factors) {
        rows(
            &mut out,
            &w.coverage_factors_of(&weighing.meta.id),
            weighing.factors.iter().map(|f| &f.meta).zip(tallies),
            &mut missing,
            RuleKind::Factor,
            w,
        );
    }
    rows(
        &mut out,
        w.coverage_kind(RuleKind::Test),
        pack.tests.iter().map(|t| &t.meta).zip(&c.tests),
        &mut missing,
        RuleKind::Test,
        w,
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
    let _ = writeln!(out, "  {}", w.never_met(&never_met.join(w.comma())));
    let _ = writeln!(
        out,
        "  {}",
        w.never_violated(&never_violated.join(w.comma()))
    );
    let _ = writeln!(out, "  {}", w.not_exercised(&missing.join(w.comma())));
    out
}
