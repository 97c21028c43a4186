//! A Markdown memo section per verdict: the facts, the reasoning with citations, the conclusion.

use super::{Memo, balance_of, during_words, question_scope};
use crate::explain::{Node, NodeKind, Outcome, PeriodExplanation};
use crate::verdict::Verdict;
use crate::words::Words;
use std::fmt::Write as _;

/// Escapes text for a Markdown table cell or paragraph.
pub(crate) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn status(w: &dyn Words, result: &Outcome) -> String {
    match result {
        Outcome::Violated => format!("**{}**", capitalize(&w.outcome(result))),
        other => capitalize(&w.outcome(other)),
    }
}

/// First letter upper case (for languages that have case).
fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn leaf_facts(n: &Node, out: &mut Vec<String>) {
    for f in &n.facts {
        let s = format!("`{} = {}`", f.fact, f.value);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    for c in &n.children {
        leaf_facts(c, out);
    }
}

fn period(
    out: &mut String,
    m: &Memo<'_>,
    v: &Verdict,
    k: usize,
    p: &PeriodExplanation,
    many: bool,
) {
    let w = m.words;
    if many {
        let _ = writeln!(out, "#### {}\n", w.date_range(&p.from, &p.to));
    }
    if !p.scope.is_empty() {
        let _ = writeln!(out, "**{}.**\n", w.scope_heading());
        for c in &p.scope {
            let _ = writeln!(
                out,
                "- {} {} ({})",
                status(w, &c.result),
                md(&c.title),
                md(&c.cite)
            );
        }
        let _ = writeln!(out);
        if p.classification.is_none() {
            let _ = writeln!(out, "{}.\n", w.not_applying_heading());
        }
    }
    if let Some(wn) = &p.classification {
        let _ = writeln!(
            out,
            "**{}.** {} ({}).",
            w.classification_result(super::side_word(m.pack, wn.result.code())),
            md(&wn.title),
            md(&wn.cite)
        );
        let score = v
            .periods
            .get(k)
            .filter(|x| x.from == p.from && x.to == p.to)
            .map(|x| x.score);
        let _ = writeln!(
            out,
            "{}: {}.",
            w.balance_label(),
            md(&w.balance(&balance_of(m.pack, wn, score)))
        );
        let _ = writeln!(out);
        for (label, want) in [
            (w.md_pointing(), Outcome::Fired),
            (w.md_still_open(), Outcome::Unknown),
        ] {
            for f in wn.children.iter().filter(|f| f.result == want) {
                let mut facts = Vec::new();
                leaf_facts(f, &mut facts);
                let weight = f
                    .weight
                    .as_ref()
                    .map(|x| {
                        w.weight_words(x.points, x.decisive, super::side_word(m.pack, &x.side))
                    })
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- {label}, {weight}: {} ({}; {}).",
                    md(&f.title),
                    facts.join(", "),
                    md(&f.cite)
                );
                for n in &f.notes {
                    let _ = writeln!(out, "  *{}: {}*", capitalize(w.note_label()), md(n));
                }
            }
        }
        let _ = writeln!(out);
    }
    for r in &p.readings {
        let _ = writeln!(
            out,
            "**{}:**\n",
            w.lawfulness_heading(r.assuming.as_deref().map(|c| super::side_word(m.pack, c)))
        );
        for req in r
            .requirements
            .iter()
            .filter(|q| q.result != Outcome::NotApplicable)
        {
            let mut facts = Vec::new();
            for c in req
                .children
                .iter()
                .filter(|c| c.kind == NodeKind::Applies || c.kind == NodeKind::Requires)
            {
                leaf_facts(c, &mut facts);
            }
            let _ = writeln!(
                out,
                "- {}: {} ({}).",
                status(w, &req.result),
                md(&req.title),
                md(&req.cite)
            );
            if let Some(d) = &req.detail {
                let _ = writeln!(out, "  {}.", md(d));
            }
            if !facts.is_empty() {
                let _ = writeln!(out, "  {}: {}.", w.md_facts_label(), facts.join(", "));
            }
            for e in req
                .children
                .iter()
                .filter(|c| c.kind == NodeKind::Exception && c.result == Outcome::True)
            {
                let _ = writeln!(
                    out,
                    "  {}: {} ({}).",
                    w.excused_by(),
                    md(&e.title),
                    md(&e.cite)
                );
            }
        }
        let _ = writeln!(out);
    }
    for g in &p.gaps {
        let _ = writeln!(
            out,
            "*{}: {} ({}).*\n",
            w.not_encoded(),
            md(&g.title),
            md(&g.cite)
        );
    }
}

/// One memo section.
pub fn section(v: &Verdict, m: &Memo<'_>) -> String {
    let w = m.words;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {}: {}\n",
        v.id,
        md(v.title.as_deref().unwrap_or(""))
    );
    if let (Some(first), Some(last)) = (v.periods.first(), v.periods.last()) {
        let when = w.md_when(&first.from, &last.to);
        let _ = writeln!(out, "*{}*\n", w.md_judged(&v.under, &when, v.periods.len()));
    }
    let _ = writeln!(out, "### {}\n", w.md_facts());
    if v.facts.is_empty() {
        let _ = writeln!(out, "{}\n", w.md_no_facts());
    } else {
        let _ = writeln!(out, "{}\n|---|---|---|", w.md_facts_header());
        for f in &v.facts {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                f.fact,
                md(&f.value),
                md(f.at.as_deref().unwrap_or(""))
            );
        }
        let _ = writeln!(out);
    }
    if let Some(e) = &v.explanation {
        let _ = writeln!(out, "### {}\n", w.md_reasoning());
        let many = e.periods.len() > 1;
        for (k, p) in e.periods.iter().enumerate() {
            period(&mut out, m, v, k, p, many);
        }
    }
    let _ = writeln!(out, "### {}\n", w.md_conclusion());
    let _ = writeln!(out, "{}", super::conclusion(w, v, true));
    if !v.reasons.is_empty() {
        let _ = writeln!(out);
        for r in &v.reasons {
            let _ = writeln!(out, "- {}", md(r));
        }
    }
    if !v.violations.is_empty() {
        let _ = writeln!(out);
        for x in &v.violations {
            let _ = writeln!(
                out,
                "- **{}** ({}): {}; {}.",
                x.code,
                md(&x.cite),
                md(&x.message),
                during_words(w, &x.during)
            );
            if let Some(e) = &x.exposes {
                let _ = writeln!(out, "  {}.", md(&capitalize(&w.exposes(e))));
            }
            for t in &x.transition {
                let _ = writeln!(out, "  {}.", md(t));
            }
        }
    }
    if !v.possible_violations.is_empty() {
        let _ = writeln!(out, "\n{}:\n", w.possible_heading());
        for x in &v.possible_violations {
            let cond = w.if_classified_long(x.if_classified.as_deref());
            let _ = writeln!(
                out,
                "- **{}** ({}{cond}): {}; {}.",
                x.code,
                md(&x.cite),
                md(&x.message),
                during_words(w, &x.during)
            );
            if let Some(e) = &x.exposes {
                let _ = writeln!(out, "  {}.", md(&capitalize(&w.would_expose(e))));
            }
            if x.settled_by.is_empty() {
                let _ = writeln!(out, "  {}.", capitalize(w.settled_only_by_classification()));
            } else {
                for f in &x.settled_by {
                    let _ = writeln!(out, "  {}.", md(&capitalize(&w.settled_by(&f.question))));
                }
            }
        }
    }
    if !v.not_checked.is_empty() {
        let _ = writeln!(out, "\n{}:\n", w.not_checked_heading());
        for g in &v.not_checked {
            let _ = writeln!(
                out,
                "- {} ({}; {}).",
                md(&g.title),
                md(&g.cite),
                during_words(w, &g.during)
            );
        }
    }
    if !v.unknowns.is_empty() {
        let scope = w.question_scope(question_scope(&v.unknowns));
        let _ = writeln!(out, "\n{}:\n", w.questions_heading(scope));
        for u in &v.unknowns {
            let _ = writeln!(
                out,
                "- `{}` ({}): {}",
                u.fact,
                w.could_change_note(w.could_change(u.could_change)),
                md(&u.question)
            );
        }
    }
    let _ = writeln!(out);
    out
}
