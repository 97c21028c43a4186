//! The coverage report of `entrust test --coverage`.

use crate::compile::pack::{Pack, RuleMeta};
use crate::coverage::{Coverage, Tally};
use crate::words::{RuleKind, Words};
use std::fmt::Write as _;

/// The places a text takes on a terminal: two for Hangul and the other wide East Asian
/// characters, one for the rest.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA960..=0xA97F
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// `s` padded with spaces on the right to `places` places on a terminal.
fn pad(s: &str, places: usize) -> String {
    format!("{s}{}", " ".repeat(places.saturating_sub(width(s))))
}

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

#[cfg(test)]
mod tests {
    use super::{pad, width};

    #[test]
    fn hangul_takes_two_places() {
        assert_eq!(width("요건"), 4);
        assert_eq!(width("factor"), 6);
        assert_eq!(pad("요건", 6), "요건  ");
        assert_eq!(pad("requirement", 4), "requirement");
    }
}
