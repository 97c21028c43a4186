//! A comparison of two cases ([`crate::reason::diff::Diff`]) in words: the facts that differ,
//! then stretch by stretch the classification, the lawfulness, and the factors, tests,
//! exceptions and requirements that came out differently, then the violations found in one
//! case only. Every phrase comes from the wording layer; the pack's own texts (the factors'
//! reasons, rule titles, violation messages, citations) are already in the pack's language.

use crate::compile::pack::{FactId, Node, Pack, ReqId};
use crate::eval::Stretch;
use crate::reason::diff::{Alignment, Diff, Statuses, StretchDiff};
use crate::verdict::Verdict;
use crate::words::Words;
use std::fmt::Write as _;

/// A classification side in words (`None`: undecided).
fn side_word(w: &dyn Words, pack: &Pack, side: Option<u8>) -> String {
    match (pack.classifier(), side) {
        (Some(c), Some(s)) => w.class(super::side_word(
            pack,
            c.sides.get(usize::from(s)).map_or("", String::as_str),
        )),
        _ => w.class("undecided"),
    }
}

fn statuses_words(w: &dyn Words, pack: &Pack, s: &Statuses) -> String {
    s.iter()
        .map(|(class, st)| match class {
            Some(c) => w.diff_state_if(w.diff_state(*st), &side_word(w, pack, Some(*c))),
            None => w.diff_state(*st).to_string(),
        })
        .collect::<Vec<_>>()
        .join(w.comma())
}

fn balance_words(
    w: &dyn Words,
    pack: &Pack,
    (lo, hi): (i32, i32),
    points: &[i32],
    side: Option<u8>,
) -> String {
    // More than two sides: the lead of the side settled on (or the one with the most points)
    // over the strongest other, on the factors that fired.
    if let Some(d) = pack.classifier().filter(|d| d.sides.len() > 2) {
        let b = super::many_balance(d, points, side.map(usize::from), false);
        return w.balance_range(b.sides, b.lo, b.hi);
    }
    let sides = pack.classifier().map_or(["", ""], |c| {
        [
            c.sides.first().map_or("", String::as_str),
            c.sides.get(1).map_or("", String::as_str),
        ]
    });
    w.balance_range(sides, lo, hi)
}

fn names(pack: &Pack, fs: &[FactId]) -> String {
    fs.iter()
        .filter_map(|f| pack.facts.get(usize::from(*f)).map(|d| d.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why an item differs: the differing facts it reads, the classification, the law in force.
fn because(
    w: &dyn Words,
    pack: &Pack,
    reads: &[FactId],
    through_class: bool,
    law_differs: bool,
) -> String {
    let mut parts = Vec::new();
    if !reads.is_empty() {
        parts.push(w.diff_reads(&names(pack, reads)));
    }
    if through_class {
        parts.push(w.diff_reads_classification().to_string());
    }
    if law_differs {
        parts.push(w.diff_law_differs().to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("; {}", parts.join("; "))
    }
}

fn stretch_words(w: &dyn Words, s: &Stretch) -> String {
    w.date_range(&s.from.to_string(), &s.to.to_string())
}

/// The lines that describe what differs in a stretch (without the heading), to print, or to
/// compare with the previous stretch's.
fn stretch_body(w: &dyn Words, pack: &Pack, d: &StretchDiff) -> Vec<String> {
    let mut lines = Vec::new();
    let (ca, cb) = d.side;
    let (ba, bb) = d.balance;
    lines.push(format!(
        "{}: {} ({}) → {} ({})",
        w.classification_label(),
        side_word(w, pack, ca),
        balance_words(w, pack, ba, &d.points.0, ca),
        side_word(w, pack, cb),
        balance_words(w, pack, bb, &d.points.1, cb)
    ));
    lines.push(format!(
        "{}: {} → {}",
        w.diff_lawfulness_label(),
        w.lawful(d.lawful.0.as_bool()),
        w.lawful(d.lawful.1.as_bool())
    ));
    if let Some(c) = pack.classifier()
        && !d.factors.is_empty()
    {
        lines.push(w.diff_factors_heading().to_string());
        for f in &d.factors {
            let Some(def) = c.factors.get(usize::from(f.factor)) else {
                continue;
            };
            let side = w.class(
                c.sides
                    .get(usize::from(def.side))
                    .map_or("", String::as_str),
            );
            lines.push(format!(
                "  {} ({}): {} → {}{}",
                def.meta.id,
                w.diff_weight(def.weight, &side, def.decisive),
                w.diff_fired(f.a),
                w.diff_fired(f.b),
                because(w, pack, &f.reads, false, f.law_differs)
            ));
            lines.push(format!("      {} ({})", def.because, def.meta.cite()));
        }
    }
    if !d.rules.is_empty() {
        lines.push(w.diff_rules_heading().to_string());
        for r in &d.rules {
            let meta = match r.rule {
                Node::Test(t) => pack.tests.get(usize::from(t)).map(|x| &x.meta),
                Node::Exc(e) => pack.exceptions.get(usize::from(e)).map(|x| &x.meta),
                Node::Weigh(g) => pack.weighings.get(usize::from(g)).map(|x| &x.meta),
            };
            let Some(meta) = meta else {
                continue;
            };
            lines.push(format!(
                "  {} {}: {} → {}{}",
                w.diff_rule_kind(r.rule),
                meta.id,
                w.diff_holds(r.a),
                w.diff_holds(r.b),
                because(w, pack, &r.reads, r.through_classification, r.law_differs)
            ));
            lines.push(format!("      {} ({})", meta.title, meta.cite()));
        }
    }
    if !d.requirements.is_empty() {
        lines.push(w.diff_requirements_heading().to_string());
        for r in &d.requirements {
            let Some(def) = pack.requirements.get(usize::from(r.req)) else {
                continue;
            };
            lines.push(format!(
                "  {} {}: {} → {}{}",
                def.code,
                def.meta.id,
                statuses_words(w, pack, &r.a),
                statuses_words(w, pack, &r.b),
                because(w, pack, &r.reads, r.through_classification, r.law_differs)
            ));
            lines.push(format!("      {} ({})", def.meta.title, def.meta.cite()));
        }
    }
    lines
}

fn violation_lines(w: &dyn Words, pack: &Pack, reqs: &[ReqId], out: &mut String) {
    if reqs.is_empty() {
        let _ = writeln!(out, "    {}", w.none());
    }
    for r in reqs {
        if let Some(def) = pack.requirements.get(usize::from(*r)) {
            let _ = writeln!(
                out,
                "    {} {} ({})",
                def.code,
                def.message,
                def.meta.cite()
            );
        }
    }
}

/// A verdict in one line, under a case's title in the heading of a comparison:
/// "outsourcing, unlawful (KR-PIPA-26-1)".
pub fn verdict_line(w: &dyn Words, v: &Verdict) -> String {
    let mut codes: Vec<&str> = Vec::new();
    for x in &v.violations {
        if !codes.contains(&x.code.as_str()) {
            codes.push(&x.code);
        }
    }
    let head = format!("{}, {}", w.class(&v.classification), w.lawful(v.lawful));
    if codes.is_empty() {
        head
    } else {
        format!("{head} ({})", codes.join(", "))
    }
}

/// Renders a comparison as text, with `a` and `b` naming the two cases.
pub fn text(w: &dyn Words, pack: &Pack, d: &Diff, a: &str, b: &str) -> String {
    let mut out = String::new();
    match d.alignment {
        Alignment::Same => {}
        Alignment::Overlap(from, to) => {
            let _ = writeln!(
                out,
                "{}\n",
                w.diff_overlap(&from.to_string(), &to.to_string())
            );
        }
        Alignment::SameLaw => {
            let _ = writeln!(out, "{}\n", w.diff_same_law());
        }
        Alignment::DifferentLaw => {
            let _ = writeln!(out, "{}\n", w.diff_different_law(a, b));
        }
    }
    for (name, left) in [(a, &d.left_out.0), (b, &d.left_out.1)] {
        if !left.is_empty() {
            let spans: Vec<String> = left.iter().map(|s| stretch_words(w, s)).collect();
            let _ = writeln!(out, "{}\n", w.diff_not_compared(name, &spans));
        }
    }
    let _ = writeln!(out, "{}", w.diff_facts_heading(a, b));
    if d.facts.is_empty() {
        let _ = writeln!(out, "  {}", w.none());
    }
    let width = d
        .facts
        .iter()
        .filter_map(|f| pack.facts.get(usize::from(f.fact)).map(|x| x.name.len()))
        .max()
        .unwrap_or(0);
    for f in &d.facts {
        let Some(def) = pack.facts.get(usize::from(f.fact)) else {
            continue;
        };
        let note = if f.read {
            String::new()
        } else {
            format!("   {}", w.diff_read_by_no_rule())
        };
        let _ = writeln!(
            out,
            "  {:<width$}  {} → {}{note}",
            def.name,
            pack.show_value(f.fact, f.a),
            pack.show_value(f.fact, f.b)
        );
    }
    let n = d.stretches.len();
    let mut previous: Option<Vec<String>> = None;
    for (i, s) in d.stretches.iter().enumerate() {
        let heading = if s.a == s.b {
            w.diff_stretch_heading(i + 1, n, &stretch_words(w, &s.a))
        } else {
            w.diff_stretch_pair_heading(
                i + 1,
                n,
                a,
                &stretch_words(w, &s.a),
                b,
                &stretch_words(w, &s.b),
            )
        };
        let _ = writeln!(out, "\n{heading}");
        let body = stretch_body(w, pack, s);
        if previous.as_ref() == Some(&body) && body.len() > 2 {
            let _ = writeln!(out, "  {}", w.diff_same_as_stretch(i));
        } else {
            for line in &body {
                let _ = writeln!(out, "  {line}");
            }
            if body.len() <= 2 {
                let _ = writeln!(out, "  {}", w.diff_nothing_differs());
            }
        }
        previous = Some(body);
    }
    let _ = writeln!(out, "\n{}", w.diff_violations_heading());
    let _ = writeln!(out, "  {}", w.diff_only_in(a));
    violation_lines(w, pack, &d.only_a, &mut out);
    let _ = writeln!(out, "  {}", w.diff_only_in(b));
    violation_lines(w, pack, &d.only_b, &mut out);
    out
}
