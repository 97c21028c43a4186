//! A Markdown memo section per verdict: the facts, the reasoning with citations, the conclusion.

use crate::explain::{Node, PeriodExplanation};
use crate::verdict::Verdict;
use std::fmt::Write as _;

/// Escapes text for a Markdown table cell or paragraph.
fn md(s: &str) -> String {
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

fn lawful_word(l: Option<bool>) -> &'static str {
    match l {
        Some(true) => "lawful",
        Some(false) => "unlawful",
        None => "of unknown lawfulness",
    }
}

fn status(result: &str) -> &str {
    match result {
        "met" => "Met",
        "violated" => "**Violated**",
        "open" => "Open",
        "excused" => "Excused",
        other => other,
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

fn period(out: &mut String, p: &PeriodExplanation, many: bool) {
    if many {
        let _ = writeln!(out, "#### {} to {}\n", p.from, p.to);
    }
    if let Some(w) = &p.classification {
        let _ = writeln!(
            out,
            "**Classification: {}.** {} ({}).",
            w.result,
            md(&w.title),
            md(&w.cite)
        );
        if let Some(d) = &w.detail {
            let _ = writeln!(out, "Balance {}.", md(d));
        }
        let _ = writeln!(out);
        for (label, want) in [("Pointing", "fired"), ("Still open", "unknown")] {
            for f in w.children.iter().filter(|f| f.result == want) {
                let mut facts = Vec::new();
                leaf_facts(f, &mut facts);
                let _ = writeln!(
                    out,
                    "- {label}, {}: {} ({}; {}).",
                    f.weight.as_deref().unwrap_or(""),
                    md(&f.title),
                    facts.join(", "),
                    md(&f.cite)
                );
                for n in &f.notes {
                    let _ = writeln!(out, "  *Note: {}*", md(n));
                }
            }
        }
        let _ = writeln!(out);
    }
    for r in &p.readings {
        match &r.assuming {
            Some(c) => {
                let _ = writeln!(out, "**Lawfulness if the transfer is {c}:**\n");
            }
            None => {
                let _ = writeln!(out, "**Lawfulness:**\n");
            }
        }
        for req in r
            .requirements
            .iter()
            .filter(|q| q.result != "not applicable")
        {
            let mut facts = Vec::new();
            for c in req
                .children
                .iter()
                .filter(|c| c.kind == "applies" || c.kind == "requires")
            {
                leaf_facts(c, &mut facts);
            }
            let _ = writeln!(
                out,
                "- {}: {} ({}).",
                status(&req.result),
                md(&req.title),
                md(&req.cite)
            );
            if let Some(d) = &req.detail {
                let _ = writeln!(out, "  {}.", md(d));
            }
            if !facts.is_empty() {
                let _ = writeln!(out, "  Facts: {}.", facts.join(", "));
            }
            for e in req
                .children
                .iter()
                .filter(|c| c.kind == "exception" && c.result == "true")
            {
                let _ = writeln!(out, "  Excused by: {} ({}).", md(&e.title), md(&e.cite));
            }
        }
        let _ = writeln!(out);
    }
    for g in &p.gaps {
        let _ = writeln!(out, "*Not encoded: {} ({}).*\n", md(&g.title), md(&g.cite));
    }
}

/// One memo section.
pub fn section(v: &Verdict) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {}: {}\n",
        v.id,
        md(v.title.as_deref().unwrap_or(""))
    );
    if let (Some(first), Some(last)) = (v.periods.first(), v.periods.last()) {
        let when = if first.from == last.to {
            format!("on {}", first.from)
        } else {
            format!("from {} to {}", first.from, last.to)
        };
        let _ = writeln!(
            out,
            "*Judged under pack `{}`, {when}{}.*\n",
            v.under,
            if v.periods.len() > 1 {
                format!(", in {} stretches of law", v.periods.len())
            } else {
                String::new()
            }
        );
    }
    let _ = writeln!(out, "### Facts\n");
    if v.facts.is_empty() {
        let _ = writeln!(out, "No facts given.\n");
    } else {
        let _ = writeln!(out, "| fact | value | written at |\n|---|---|---|");
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
        let _ = writeln!(out, "### Reasoning\n");
        let many = e.periods.len() > 1;
        for p in &e.periods {
            period(&mut out, p, many);
        }
    }
    let _ = writeln!(out, "### Conclusion\n");
    let _ = writeln!(
        out,
        "The transfer is classified as **{}** and is **{}**.",
        v.classification,
        lawful_word(v.lawful)
    );
    if !v.violations.is_empty() {
        let _ = writeln!(out);
        for x in &v.violations {
            let during: Vec<String> = x
                .during
                .iter()
                .map(|d| format!("{} to {}", d.from, d.to))
                .collect();
            let _ = writeln!(
                out,
                "- **{}** ({}): {}; {}.",
                x.code,
                md(&x.cite),
                md(&x.message),
                during.join(", ")
            );
            if let Some(e) = &x.exposes {
                let _ = writeln!(out, "  Exposes the transferor to: {}.", md(e));
            }
            for t in &x.transition {
                let _ = writeln!(out, "  {}.", md(t));
            }
        }
    }
    if !v.possible_violations.is_empty() {
        let _ = writeln!(
            out,
            "\nViolations still possible (unknown facts leave them open):\n"
        );
        for x in &v.possible_violations {
            let cond = super::if_classified_words(x.if_classified.as_deref(), false);
            let _ = writeln!(
                out,
                "- **{}** ({}{cond}): {}; {}.",
                x.code,
                md(&x.cite),
                md(&x.message),
                crate::render::during_words(&x.during)
            );
            if let Some(e) = &x.exposes {
                let _ = writeln!(out, "  Would expose the transferor to: {}.", md(e));
            }
            if x.settled_by.is_empty() {
                let _ = writeln!(
                    out,
                    "  Settled only by the classification, which the facts leave open."
                );
            } else {
                let by: Vec<String> = x
                    .settled_by
                    .iter()
                    .map(|f| format!("`{}`", f.fact))
                    .collect();
                let _ = writeln!(out, "  Settled by {}.", by.join(", "));
            }
        }
    }
    if !v.not_checked.is_empty() {
        let _ = writeln!(
            out,
            "\nNot checked (law the pack does not encode; the transfer cannot be found lawful while it may apply):\n"
        );
        for g in &v.not_checked {
            let _ = writeln!(
                out,
                "- {} ({}; {}).",
                md(&g.title),
                md(&g.cite),
                crate::render::during_words(&g.during)
            );
        }
    }
    if !v.unknowns.is_empty() {
        let _ = writeln!(
            out,
            "\nOpen questions that could change the {}:\n",
            crate::render::open_questions_scope(&v.unknowns)
        );
        for u in &v.unknowns {
            let _ = writeln!(
                out,
                "- `{}` (could change the {}): {}",
                u.fact,
                u.could_change.as_str(),
                md(&u.question)
            );
        }
    }
    let _ = writeln!(out);
    out
}
