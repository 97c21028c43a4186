//! Plain-text output: a one-paragraph summary per verdict, and the full explanation a lawyer
//! can paste into a memo: the conclusion in words, the reasoning stretch by stretch (with the
//! articles' own words when asked), and an appendix of sources that ties every statement to
//! the pack's rules and to the lines of the case file.

use super::{Memo, balance_of, during_words, question_scope};
use crate::explain::{Node, NodeKind, Outcome, PeriodExplanation};
use crate::verdict::Verdict;
use crate::words::Words;
use std::fmt::Write as _;

/// A short summary of a verdict: classification, lawfulness, violations, open questions.
pub fn summary(v: &Verdict, w: &dyn Words) -> String {
    let mut out = String::new();
    if v.applies == Some(Some(false)) {
        // Where the law does not reach the case, nothing else is judged: no lawfulness to say.
        let _ = writeln!(out, "{} [{}]: {}", v.id, v.under, w.not_applying());
        return out;
    }
    let reach = if v.applies == Some(None) {
        format!(" ({})", w.reach_open(true))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{} [{}]: {}, {}{reach}",
        v.id,
        v.under,
        w.class(&super::class_code(w, v)),
        w.lawful(v.lawful)
    );
    for x in &v.violations {
        let cond = w.if_classified_short(x.if_classified.as_deref());
        let _ = writeln!(
            out,
            "  {} {}{cond}: {} [{}; {}]",
            w.summary_violation(),
            x.code,
            x.message,
            x.cite,
            during_words(w, &x.during)
        );
    }
    for x in &v.possible_violations {
        let cond = w.if_classified_short(x.if_classified.as_deref());
        let by: Vec<&str> = x.settled_by.iter().map(|s| s.fact.as_str()).collect();
        let _ = writeln!(
            out,
            "  {} {}{cond}: {} [{}; {}]{}",
            w.summary_possible(),
            x.code,
            x.message,
            x.cite,
            during_words(w, &x.during),
            if by.is_empty() {
                String::new()
            } else {
                format!(" {} {}", w.summary_settled_by(), by.join(", "))
            }
        );
    }
    for g in &v.not_checked {
        let _ = writeln!(
            out,
            "  {}: {} [{}; {}]",
            w.summary_not_checked(),
            g.title,
            g.cite,
            during_words(w, &g.during)
        );
    }
    for u in &v.unknowns {
        let _ = writeln!(
            out,
            "  {} ({}): {}: {}",
            w.summary_open(),
            w.could_change(u.could_change),
            u.fact,
            u.question
        );
    }
    out
}

/// The facts a node reads, and those of its sub-steps, each once, as `fact = value`.
fn leaf_facts(n: &Node, out: &mut Vec<String>) {
    for f in &n.facts {
        let s = format!("{} = {}", f.fact, f.value);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    for c in &n.children {
        leaf_facts(c, out);
    }
}

/// The articles quoted under a rule, in force during the stretch.
fn quotes(out: &mut String, m: &Memo<'_>, rule: &str, p: &PeriodExplanation, pad: &str) {
    if !m.quote {
        return;
    }
    let (Some(from), Some(to)) = (
        crate::date::Date::parse(&p.from),
        crate::date::Date::parse(&p.to),
    ) else {
        return;
    };
    let w = m.words;
    for (a, versions) in m.pack.quotes(rule, from, to) {
        let _ = writeln!(out, "{pad}{}: {}", w.quote_heading(), a.title);
        if versions.is_empty() {
            let _ = writeln!(out, "{pad}  ({})", w.quote_missing());
        }
        for v in versions {
            let f = v.from.map(|d| d.to_string());
            let u = v.until.map(|d| d.to_string());
            let _ = writeln!(
                out,
                "{pad}  ({})",
                w.quote_version(f.as_deref(), u.as_deref(), &v.source)
            );
            for para in &v.text {
                let _ = writeln!(out, "{pad}  | {para}");
            }
        }
    }
}

fn condition(out: &mut String, w: &dyn Words, n: &Node, indent: usize) {
    let pad = " ".repeat(indent);
    let title = match n.kind {
        NodeKind::All => w.all_of(),
        NodeKind::Any => w.any_of(),
        NodeKind::Not => w.not(),
        NodeKind::Applies => w.applies_when(),
        NodeKind::Requires => w.requires(),
        _ => n.title.as_str(),
    };
    match n.kind {
        NodeKind::Fact => {
            let mut reads = Vec::new();
            leaf_facts(n, &mut reads);
            let _ = writeln!(
                out,
                "{pad}{} {title}   [{}]",
                w.mark(&n.result),
                reads.join("; ")
            );
        }
        NodeKind::Test | NodeKind::Exception => {
            let cite = if n.cite.is_empty() {
                String::new()
            } else {
                format!(" ({})", n.cite)
            };
            let kind = if n.kind == NodeKind::Exception {
                format!("{}: ", w.exception_label())
            } else {
                String::new()
            };
            let _ = writeln!(out, "{pad}{} {kind}{title}{cite}", w.mark(&n.result));
            if let Some(d) = &n.detail {
                let _ = writeln!(out, "{pad}      {d}");
            }
            for note in &n.notes {
                let _ = writeln!(out, "{pad}      {}: {note}", w.note_label());
            }
            for c in &n.children {
                condition(out, w, c, indent + 6);
            }
        }
        _ => {
            let _ = writeln!(out, "{pad}{} {title}", w.mark(&n.result));
            for c in &n.children {
                condition(out, w, c, indent + 6);
            }
        }
    }
}

fn weighing(out: &mut String, m: &Memo<'_>, wn: &Node, score: Option<[i32; 2]>) {
    let w = m.words;
    let _ = writeln!(
        out,
        "  {}",
        w.classification_result(super::side_word(m.pack, wn.result.code()))
    );
    let _ = writeln!(out, "  {} ({})", wn.title, wn.cite);
    for note in &wn.notes {
        let _ = writeln!(out, "  {}: {note}", w.note_label());
    }
    let b = balance_of(m.pack, wn, score);
    for side in b.sides {
        for want in [Outcome::Fired, Outcome::Unknown] {
            let factors: Vec<&Node> = wn
                .children
                .iter()
                .filter(|f| f.result == want && f.weight.as_ref().is_some_and(|x| x.side == side))
                .collect();
            if factors.is_empty() {
                continue;
            }
            let head = if want == Outcome::Fired {
                w.factors_toward(super::side_word(m.pack, side))
            } else {
                w.factors_open_toward(super::side_word(m.pack, side))
            };
            let _ = writeln!(out, "  {head}:");
            for f in factors {
                let points = f.weight.as_ref().map_or(0, |x| x.points);
                let mut reads = Vec::new();
                for c in &f.children {
                    leaf_facts(c, &mut reads);
                }
                let _ = writeln!(out, "    +{points}  {}", f.title);
                let _ = writeln!(out, "          {} [{}]", f.cite, reads.join("; "));
                for note in &f.notes {
                    let _ = writeln!(out, "          {}: {note}", w.note_label());
                }
            }
        }
    }
    let quiet: Vec<&str> = wn
        .children
        .iter()
        .filter(|f| f.result == Outcome::NotFired)
        .map(|f| f.title.as_str())
        .collect();
    if !quiet.is_empty() {
        let _ = writeln!(out, "  {}:", w.factors_quiet());
        for q in quiet {
            let _ = writeln!(out, "    - {q}");
        }
    }
    let _ = writeln!(out, "  {}: {}", w.balance_label(), w.balance(&b));
}

fn period(
    out: &mut String,
    m: &Memo<'_>,
    v: &Verdict,
    p: &PeriodExplanation,
    prev: Option<&PeriodExplanation>,
    k: usize,
    n: usize,
) {
    let w = m.words;
    let _ = writeln!(out);
    if n > 1 {
        let _ = writeln!(out, "{}", w.stretch_of(k, n, &p.from, &p.to));
    } else if p.from == p.to {
        let _ = writeln!(out, "{}", w.on_day(&p.from));
    } else {
        let _ = writeln!(out, "{}", w.period_heading(&p.from, &p.to));
    }
    if !p.scope.is_empty() {
        let _ = writeln!(out, "  {}:", w.scope_heading());
        for c in &p.scope {
            condition(out, w, c, 4);
        }
        if p.classification.is_none() {
            let _ = writeln!(out, "  {}.", w.not_applying_heading());
        }
    }
    if let Some(wn) = &p.classification {
        let score = v
            .periods
            .get(k.saturating_sub(1))
            .filter(|x| x.from == p.from && x.to == p.to)
            .map(|x| x.score);
        if prev.and_then(|q| q.classification.as_ref()) == Some(wn) {
            let _ = writeln!(
                out,
                "  {}",
                w.classification_as_in(super::side_word(m.pack, wn.result.code()), k - 1)
            );
        } else {
            weighing(out, m, wn, score);
        }
    }
    for (ri, r) in p.readings.iter().enumerate() {
        let prev_reading = prev
            .and_then(|q| q.readings.get(ri))
            .filter(|q| q.assuming == r.assuming);
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "  {}:",
            w.lawfulness_heading(r.assuming.as_deref().map(|c| super::side_word(m.pack, c)))
        );
        let mut not_applicable = Vec::new();
        for req in &r.requirements {
            if req.result == Outcome::NotApplicable {
                not_applicable.push(format!("{} ({})", req.title, req.cite));
                continue;
            }
            let _ = writeln!(
                out,
                "    {} {} ({})",
                w.mark(&req.result),
                req.title,
                req.cite
            );
            if prev_reading.is_some_and(|q| q.requirements.iter().any(|x| x == req)) {
                let _ = writeln!(out, "          {}", w.as_in_stretch(k - 1));
                continue;
            }
            if let Some(d) = &req.detail {
                let _ = writeln!(out, "          {d}");
            }
            for note in &req.notes {
                let _ = writeln!(out, "          {}: {note}", w.note_label());
            }
            quotes(out, m, &req.id, p, "          ");
            // The articles of the exceptions that excuse it, too.
            for e in req
                .children
                .iter()
                .filter(|c| c.kind == NodeKind::Exception && c.result == Outcome::True)
            {
                quotes(out, m, &e.id, p, "          ");
            }
            for c in &req.children {
                condition(out, w, c, 10);
            }
        }
        if !not_applicable.is_empty() {
            let _ = writeln!(out, "    {}:", w.not_applicable_here());
            for x in not_applicable {
                let _ = writeln!(out, "      - {x}");
            }
        }
    }
    for g in &p.gaps {
        let _ = writeln!(out, "  {}: {} ({})", w.not_encoded(), g.title, g.cite);
        for note in &g.notes {
            let _ = writeln!(out, "    {}: {note}", w.note_label());
        }
    }
}

/// The rules the explanation names (requirements that applied, factors that fired or may,
/// the weighing, gaps), each once, as (id, title, cite).
fn rules_named(v: &Verdict) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = Vec::new();
    let mut add = |n: &Node| {
        if !n.id.is_empty() && !out.iter().any(|(id, _, _)| *id == n.id) {
            out.push((n.id.clone(), n.title.clone(), n.cite.clone()));
        }
    };
    if let Some(e) = &v.explanation {
        for p in &e.periods {
            if let Some(wn) = &p.classification {
                add(wn);
                for f in wn
                    .children
                    .iter()
                    .filter(|f| matches!(f.result, Outcome::Fired | Outcome::Unknown))
                {
                    add(f);
                }
            }
            for r in &p.readings {
                for req in r
                    .requirements
                    .iter()
                    .filter(|q| q.result != Outcome::NotApplicable)
                {
                    add(req);
                }
            }
            for g in &p.gaps {
                add(g);
            }
        }
    }
    out
}

/// The full explanation of a verdict, as text.
pub fn explanation(v: &Verdict, m: &Memo<'_>) -> String {
    let w = m.words;
    let mut out = String::new();
    let _ = writeln!(out, "{}", v.title.as_deref().unwrap_or(&v.id));
    let _ = writeln!(out, "{}", w.judged_under(&m.pack.title));
    for (role, name) in m.parties() {
        let _ = writeln!(out, "{}: {name}", w.party_label(role));
    }
    if let Some(s) = m.source() {
        let _ = writeln!(out, "{}: {s}", w.source_label());
    }
    if let (Some(first), Some(last)) = (v.periods.first(), v.periods.last()) {
        if first.from == last.to {
            let _ = writeln!(out, "{}", w.date_line(&first.from));
        } else {
            let _ = writeln!(
                out,
                "{}",
                w.period_line(&first.from, &last.to, v.periods.len())
            );
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", w.conclusion_heading());
    let _ = writeln!(out, "  {}", super::conclusion(w, v, false));
    let _ = writeln!(
        out,
        "  {}: {}",
        w.classification_label(),
        w.class(&super::class_code(w, v))
    );
    if !v.reasons.is_empty() {
        let heading = if v.applies == Some(Some(false)) {
            w.not_applying_heading()
        } else {
            w.not_applying()
        };
        let _ = writeln!(out, "  {heading}:");
        for r in &v.reasons {
            let _ = writeln!(out, "    - {r}");
        }
    }
    // The balance in plain words, when every stretch weighed alike.
    if let Some(e) = &v.explanation {
        let weighings: Vec<&Node> = e
            .periods
            .iter()
            .filter_map(|p| p.classification.as_ref())
            .collect();
        if let Some(first) = weighings.first()
            && weighings.iter().all(|x| x == first)
        {
            let scores: Vec<[i32; 2]> = v.periods.iter().map(|p| p.score).collect();
            let same = scores.windows(2).all(|s| s.first() == s.get(1));
            let b = balance_of(m.pack, first, scores.first().copied().filter(|_| same));
            let _ = writeln!(out, "    {}", w.balance(&b));
        }
    }
    let _ = writeln!(out, "  {}: {}", w.lawful_label(), w.lawful_answer(v.lawful));
    if v.violations.is_empty() {
        let _ = writeln!(out, "  {}: {}", w.violations_label(), w.none_found());
    } else {
        let _ = writeln!(out, "  {}:", w.violations_label());
        for x in &v.violations {
            let cond = w.if_classified_long(x.if_classified.as_deref());
            let _ = writeln!(
                out,
                "    {} {} ({}{cond}; {})",
                x.code,
                x.message,
                x.cite,
                during_words(w, &x.during)
            );
            if let Some(e) = &x.exposes {
                let _ = writeln!(out, "      {}", w.exposes(e));
            }
            for t in &x.transition {
                let _ = writeln!(out, "      {t}");
            }
        }
    }
    if !v.possible_violations.is_empty() {
        let _ = writeln!(out, "  {}:", w.possible_heading());
        for x in &v.possible_violations {
            let cond = w.if_classified_long(x.if_classified.as_deref());
            let _ = writeln!(
                out,
                "    {} {} ({}{cond}; {})",
                x.code,
                x.message,
                x.cite,
                during_words(w, &x.during)
            );
            if let Some(e) = &x.exposes {
                let _ = writeln!(out, "      {}", w.would_expose(e));
            }
            if x.settled_by.is_empty() {
                let _ = writeln!(out, "      {}", w.settled_only_by_classification());
            }
            for f in &x.settled_by {
                let _ = writeln!(out, "      {}", w.settled_by(&f.question));
            }
        }
    }
    if !v.not_checked.is_empty() {
        let _ = writeln!(out, "  {}:", w.not_checked_heading());
        for g in &v.not_checked {
            let _ = writeln!(
                out,
                "    {} ({}; {})",
                g.title,
                g.cite,
                during_words(w, &g.during)
            );
        }
    }
    if let Some(b) = &v.burden {
        let assumed: Vec<String> = b
            .assumed
            .iter()
            .map(|a| w.burden_assumed(&a.fact, &a.value, &a.party))
            .collect();
        let _ = writeln!(out, "  {}", w.burden_heading(&assumed.join("; ")));
        let _ = writeln!(
            out,
            "    {}",
            w.burden_outcome(&b.classification, b.lawful, &b.violations)
        );
    }
    if !v.unknowns.is_empty() {
        let scope = w.question_scope(question_scope(&v.unknowns));
        let _ = writeln!(out, "  {}:", w.questions_heading(scope));
        for u in &v.unknowns {
            let _ = writeln!(
                out,
                "    - {} ({})",
                u.question,
                w.could_change_note(w.could_change(u.could_change))
            );
            if let Some(b) = &u.burden {
                let _ = writeln!(out, "      {}: {b}", w.burden_label());
            }
        }
    }
    if let Some(e) = &v.explanation {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", w.reasoning_heading());
        let n = e.periods.len();
        for (k, p) in e.periods.iter().enumerate() {
            let prev = k.checked_sub(1).and_then(|i| e.periods.get(i));
            period(&mut out, m, v, p, prev, k + 1, n);
        }
    }
    sources(&mut out, m, v);
    out
}

/// The appendix tying the memo to the pack and the case file: rule ids and articles, where
/// each fact was written, the fact behind each open question, the grounds' names.
fn sources(out: &mut String, m: &Memo<'_>, v: &Verdict) {
    let w = m.words;
    let rules = rules_named(v);
    if rules.is_empty() && v.facts.is_empty() && v.unknowns.is_empty() {
        return;
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", w.sources_heading());
    if !rules.is_empty() {
        let _ = writeln!(out, "  {}:", w.sources_rules());
        for (id, title, cite) in &rules {
            let _ = writeln!(out, "    {id}: {title} ({cite})");
        }
    }
    if !v.facts.is_empty() {
        let _ = writeln!(out, "  {}:", w.sources_facts());
        for f in &v.facts {
            match &f.at {
                Some(at) => {
                    let _ = writeln!(out, "    {} = {}  ({at})", f.fact, f.value);
                }
                None => {
                    let _ = writeln!(out, "    {} = {}", f.fact, f.value);
                }
            }
        }
    }
    if !v.unknowns.is_empty() {
        let _ = writeln!(out, "  {}:", w.sources_questions());
        for u in &v.unknowns {
            let _ = writeln!(out, "    {}: {}", u.fact, u.question);
        }
    }
    if !v.grounds.is_empty() {
        let _ = writeln!(out, "  {}: {}", w.sources_grounds(), v.grounds.join(", "));
    }
}
