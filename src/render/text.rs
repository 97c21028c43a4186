//! Plain-text output: a one-paragraph summary per verdict, and the full explanation a lawyer
//! can paste into a memo.

use super::{during_words, open_questions_scope};
use crate::explain::{Node, PeriodExplanation};
use crate::verdict::Verdict;
use std::fmt::Write as _;

fn lawful_word(l: Option<bool>) -> &'static str {
    match l {
        Some(true) => "lawful",
        Some(false) => "unlawful",
        None => "lawfulness open",
    }
}

/// A short summary of a verdict: classification, lawfulness, violations, open questions.
pub fn summary(v: &Verdict) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} [{}]: {}, {}",
        v.id,
        v.under,
        v.classification,
        lawful_word(v.lawful)
    );
    for x in &v.violations {
        let cond = super::if_classified_words(x.if_classified.as_deref(), true);
        let _ = writeln!(
            out,
            "  violation {}{cond}: {} [{}; {}]",
            x.code,
            x.message,
            x.cite,
            during_words(&x.during)
        );
    }
    for x in &v.possible_violations {
        let cond = super::if_classified_words(x.if_classified.as_deref(), true);
        let by: Vec<&str> = x.settled_by.iter().map(|s| s.fact.as_str()).collect();
        let _ = writeln!(
            out,
            "  possible violation {}{cond}: {} [{}; {}]{}",
            x.code,
            x.message,
            x.cite,
            during_words(&x.during),
            if by.is_empty() {
                String::new()
            } else {
                format!(" settled by {}", by.join(", "))
            }
        );
    }
    for g in &v.not_checked {
        let _ = writeln!(
            out,
            "  not checked: {} [{}; {}]",
            g.title,
            g.cite,
            during_words(&g.during)
        );
    }
    for u in &v.unknowns {
        let _ = writeln!(
            out,
            "  open ({}): {}: {}",
            u.could_change.as_str(),
            u.fact,
            u.question
        );
    }
    out
}

fn mark(result: &str) -> &'static str {
    match result {
        "true" | "fired" | "met" => "[yes]",
        "false" | "not fired" | "not applicable" => "[no] ",
        "violated" => "[VIOLATED]",
        "excused" => "[excused]",
        "open" | "unknown" => "[?]  ",
        _ => "",
    }
}

fn facts_text(n: &Node) -> String {
    n.facts
        .iter()
        .map(|f| match &f.at {
            Some(at) => format!("{} = {} ({at})", f.fact, f.value),
            None => format!("{} = {}", f.fact, f.value),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn condition(out: &mut String, n: &Node, indent: usize) {
    let pad = " ".repeat(indent);
    match n.kind.as_str() {
        "fact" => {
            let _ = writeln!(
                out,
                "{pad}{} {}   [{}]",
                mark(&n.result),
                n.title,
                facts_text(n)
            );
        }
        "test" | "exception" => {
            let cite = if n.cite.is_empty() {
                String::new()
            } else {
                format!(" ({})", n.cite)
            };
            let kind = if n.kind == "exception" {
                "exception: "
            } else {
                ""
            };
            let _ = writeln!(out, "{pad}{} {kind}{}{cite}", mark(&n.result), n.title);
            if let Some(d) = &n.detail {
                let _ = writeln!(out, "{pad}      {d}");
            }
            for note in &n.notes {
                let _ = writeln!(out, "{pad}      note: {note}");
            }
            for c in &n.children {
                condition(out, c, indent + 6);
            }
        }
        _ => {
            let _ = writeln!(out, "{pad}{} {}", mark(&n.result), n.title);
            for c in &n.children {
                condition(out, c, indent + 6);
            }
        }
    }
}

fn weighing(out: &mut String, w: &Node) {
    let _ = writeln!(out, "  Classification: {}", w.result.to_uppercase());
    let _ = writeln!(out, "  {} ({})", w.title, w.cite);
    for note in &w.notes {
        let _ = writeln!(out, "  note: {note}");
    }
    let mut sides: Vec<String> = Vec::new();
    for f in &w.children {
        if let Some(side) = f.weight.as_ref().and_then(|x| x.split(" toward ").nth(1))
            && !sides.iter().any(|s| s == side)
        {
            sides.push(side.to_string());
        }
    }
    for side in &sides {
        for want in ["fired", "unknown"] {
            let factors: Vec<&Node> = w
                .children
                .iter()
                .filter(|f| {
                    f.result == want
                        && f.weight
                            .as_ref()
                            .is_some_and(|x| x.ends_with(&format!("toward {side}")))
                })
                .collect();
            if factors.is_empty() {
                continue;
            }
            let _ = match want {
                "fired" => writeln!(out, "  Factors pointing toward {side}:"),
                _ => writeln!(
                    out,
                    "  Factors toward {side} that unknown facts could still bring in:"
                ),
            };
            for f in factors {
                let weight = f
                    .weight
                    .as_deref()
                    .unwrap_or("")
                    .split(" toward ")
                    .next()
                    .unwrap_or("");
                let reads: Vec<String> = f.children.iter().flat_map(leaf_facts).collect();
                let _ = writeln!(out, "    +{weight}  {}", f.title);
                let _ = writeln!(out, "          {} [{}]", f.cite, reads.join("; "));
                for note in &f.notes {
                    let _ = writeln!(out, "          note: {note}");
                }
            }
        }
    }
    let quiet: Vec<&str> = w
        .children
        .iter()
        .filter(|f| f.result == "not fired")
        .map(|f| f.id.as_str())
        .collect();
    if !quiet.is_empty() {
        let _ = writeln!(out, "  Factors that did not apply: {}", quiet.join(", "));
    }
    if let Some(d) = &w.detail {
        let _ = writeln!(out, "  Balance: {d}; result: {}", w.result);
    }
}

fn leaf_facts(n: &Node) -> Vec<String> {
    let mut out: Vec<String> = n
        .facts
        .iter()
        .map(|f| match &f.at {
            Some(at) => format!("{} = {} at {at}", f.fact, f.value),
            None => format!("{} = {}", f.fact, f.value),
        })
        .collect();
    for c in &n.children {
        for x in leaf_facts(c) {
            if !out.contains(&x) {
                out.push(x);
            }
        }
    }
    out
}

fn period(
    out: &mut String,
    p: &PeriodExplanation,
    prev: Option<&PeriodExplanation>,
    k: usize,
    n: usize,
) {
    let _ = writeln!(out);
    if n > 1 {
        let _ = writeln!(out, "Stretch {k} of {n}: {} to {}", p.from, p.to);
    } else if p.from == p.to {
        let _ = writeln!(out, "On {}", p.from);
    } else {
        let _ = writeln!(out, "From {} to {}", p.from, p.to);
    }
    if let Some(w) = &p.classification {
        if prev.and_then(|q| q.classification.as_ref()) == Some(w) {
            let _ = writeln!(
                out,
                "  Classification: {}, weighed as in stretch {}",
                w.result.to_uppercase(),
                k - 1
            );
        } else {
            weighing(out, w);
        }
    }
    for (ri, r) in p.readings.iter().enumerate() {
        let prev_reading = prev
            .and_then(|q| q.readings.get(ri))
            .filter(|q| q.assuming == r.assuming);
        let _ = writeln!(out);
        match &r.assuming {
            Some(c) => {
                let _ = writeln!(out, "  Lawfulness if the transfer is {c}:");
            }
            None => {
                let _ = writeln!(out, "  Lawfulness:");
            }
        }
        let mut not_applicable = Vec::new();
        for req in &r.requirements {
            if req.result == "not applicable" {
                not_applicable.push(format!("{} ({})", req.id, req.cite));
                continue;
            }
            let _ = writeln!(
                out,
                "    {} {} ({})",
                mark(&req.result),
                req.title,
                req.cite
            );
            if prev_reading.is_some_and(|q| q.requirements.iter().any(|x| x == req)) {
                let _ = writeln!(out, "          as in stretch {}", k - 1);
                continue;
            }
            if let Some(d) = &req.detail {
                let _ = writeln!(out, "          {d}");
            }
            for note in &req.notes {
                let _ = writeln!(out, "          note: {note}");
            }
            for c in &req.children {
                condition(out, c, 10);
            }
        }
        if !not_applicable.is_empty() {
            let _ = writeln!(
                out,
                "    Not applicable here: {}",
                not_applicable.join(", ")
            );
        }
    }
    for g in &p.gaps {
        let _ = writeln!(out, "  Not yet encoded: {} ({})", g.title, g.cite);
        for note in &g.notes {
            let _ = writeln!(out, "    note: {note}");
        }
    }
}

/// The full explanation of a verdict, as text.
pub fn explanation(
    v: &Verdict,
    pack_title: &str,
    parties: &[(&str, &str)],
    source: Option<&str>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", v.id, v.title.as_deref().unwrap_or(""));
    let _ = writeln!(out, "Judged under {} ({pack_title})", v.under);
    for (role, name) in parties {
        let _ = writeln!(out, "{role}: {name}");
    }
    if let Some(s) = source {
        let _ = writeln!(out, "Source: {s}");
    }
    if let (Some(first), Some(last)) = (v.periods.first(), v.periods.last()) {
        let stretches = if v.periods.len() > 1 {
            format!(", judged in {} stretches of law", v.periods.len())
        } else {
            String::new()
        };
        if first.from == last.to {
            let _ = writeln!(out, "Date: {}", first.from);
        } else {
            let _ = writeln!(out, "Period: {} to {}{stretches}", first.from, last.to);
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "CONCLUSION");
    let _ = writeln!(out, "  Classification: {}", v.classification);
    let _ = writeln!(
        out,
        "  Lawful: {}",
        match v.lawful {
            Some(true) => "yes",
            Some(false) => "no",
            None => "unknown",
        }
    );
    if v.violations.is_empty() {
        let _ = writeln!(out, "  Violations: none found");
    } else {
        let _ = writeln!(out, "  Violations:");
        for x in &v.violations {
            let during = x
                .during
                .iter()
                .map(|d| format!("{} to {}", d.from, d.to))
                .collect::<Vec<_>>()
                .join(", ");
            let cond = super::if_classified_words(x.if_classified.as_deref(), false);
            let _ = writeln!(
                out,
                "    {} {} ({}{cond}; {during})",
                x.code, x.message, x.cite
            );
            if let Some(e) = &x.exposes {
                let _ = writeln!(out, "      exposes the transferor to: {e}");
            }
            for t in &x.transition {
                let _ = writeln!(out, "      {t}");
            }
        }
    }
    if !v.possible_violations.is_empty() {
        let _ = writeln!(
            out,
            "  Violations still possible (unknown facts leave them open):"
        );
        for x in &v.possible_violations {
            let cond = super::if_classified_words(x.if_classified.as_deref(), false);
            let _ = writeln!(
                out,
                "    {} {} ({}{cond}; {})",
                x.code,
                x.message,
                x.cite,
                during_words(&x.during)
            );
            if let Some(e) = &x.exposes {
                let _ = writeln!(out, "      would expose the transferor to: {e}");
            }
            if x.settled_by.is_empty() {
                let _ = writeln!(
                    out,
                    "      settled only by the classification, which the facts leave open"
                );
            }
            for f in &x.settled_by {
                let _ = writeln!(out, "      settled by {}: {}", f.fact, f.question);
            }
        }
    }
    if !v.not_checked.is_empty() {
        let _ = writeln!(
            out,
            "  Not checked (law the pack does not encode; lawfulness cannot be yes while it may apply):"
        );
        for g in &v.not_checked {
            let _ = writeln!(
                out,
                "    {} ({}; {})",
                g.title,
                g.cite,
                during_words(&g.during)
            );
        }
    }
    if !v.grounds.is_empty() {
        let _ = writeln!(out, "  Decisive grounds: {}", v.grounds.join(", "));
    }
    if let Some(b) = &v.burden {
        let assumed: Vec<String> = b
            .assumed
            .iter()
            .map(|a| format!("{} = {} (the {} must prove it)", a.fact, a.value, a.party))
            .collect();
        let _ = writeln!(
            out,
            "  Under the burden of proof, taking as unproven: {}",
            assumed.join("; ")
        );
        let _ = writeln!(
            out,
            "    the transfer would be {}, {}{}",
            b.classification,
            match b.lawful {
                Some(true) => "lawful",
                Some(false) => "unlawful",
                None => "of unknown lawfulness",
            },
            if b.violations.is_empty() {
                String::new()
            } else {
                format!(": {}", b.violations.join(", "))
            }
        );
    }
    if !v.unknowns.is_empty() {
        let _ = writeln!(
            out,
            "  Open questions that could change the {}:",
            open_questions_scope(&v.unknowns)
        );
        for u in &v.unknowns {
            let _ = writeln!(
                out,
                "    {} ({}): {}",
                u.fact,
                u.could_change.as_str(),
                u.question
            );
            if let Some(b) = &u.burden {
                let _ = writeln!(out, "      burden: {b}");
            }
        }
    }
    if let Some(e) = &v.explanation {
        let _ = writeln!(out);
        let _ = writeln!(out, "REASONING");
        let n = e.periods.len();
        for (k, p) in e.periods.iter().enumerate() {
            let prev = k.checked_sub(1).and_then(|i| e.periods.get(i));
            period(&mut out, p, prev, k + 1, n);
        }
    }
    out
}
