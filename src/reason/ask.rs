//! The interview behind `entrust ask`: which question to put next, how an answer is read, and
//! how answers are written back into a `.case` text without losing a comment.
//!
//! The next question is the first of the verdict's `unknowns` (the facts whose answer can still
//! change the classification, the lawfulness or which violations are found, most decisive
//! first), so no combination of unknown facts is ever enumerated: each step is one judgment of
//! the case. By default the interview goes on until every possible violation is settled too;
//! [`Until::Outcome`] stops it once the classification and the lawfulness are.

use crate::case::BoundCase;
use crate::case::bind::value;
use crate::compile::pack::{FactId, FactType, Pack, Val};
use crate::diagnostic::Diagnostic;
use crate::eval::Evaluator;
use crate::source::Span;
use crate::summary::{CouldChange, Summary, summarize};
use crate::syntax::ast::{CaseAst, RawValue};
use crate::verdict::judge_parts;

/// The next question of an interview, if the outcome is not settled yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// The fact asked for.
    pub fact: FactId,
    /// Its name.
    pub name: String,
    /// The question.
    pub ask: String,
    /// Help for the user.
    pub help: Option<String>,
    /// The answers allowed, in words.
    pub allowed: String,
    /// What the answer could change.
    pub could_change: CouldChange,
    /// Who must prove it, if the pack says.
    pub burden: Option<String>,
}

/// How far an interview goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Until {
    /// Until the classification, the lawfulness and every possible violation are settled.
    #[default]
    Settled,
    /// Until the classification and the lawfulness are settled (violations may stay open).
    Outcome,
}

/// The next question for a case, skipping facts already put (answered or left unknown).
pub fn next_question(
    pack: &Pack,
    bound: &BoundCase,
    ev: &mut Evaluator,
    skip: &[FactId],
    until: Until,
) -> Option<Question> {
    let parts = judge_parts(pack, bound, ev);
    let mut sum = Summary::default();
    summarize(pack, &parts, &mut sum);
    let (fact, could_change) = sum
        .unknowns
        .iter()
        .filter(|(_, c)| until == Until::Settled || *c != CouldChange::Violations)
        .find(|(f, _)| !skip.contains(f))
        .copied()?;
    let def = pack.facts.get(usize::from(fact))?;
    Some(Question {
        fact,
        name: def.name.clone(),
        ask: def.ask.clone(),
        help: def.help.clone(),
        allowed: allowed(&def.ty),
        could_change,
        burden: def.burden.as_ref().map(|(party, v)| {
            format!(
                "the {party} must prove it; unproven, it counts as {}",
                pack.show_value(fact, *v)
            )
        }),
    })
}

/// The answers a fact's type allows, in words.
pub fn allowed(ty: &FactType) -> String {
    match ty {
        FactType::Bool => "yes or no".to_string(),
        FactType::Number => "a whole number".to_string(),
        FactType::Date => "a date, YYYY-MM-DD".to_string(),
        FactType::Country => "a two-letter country code such as KR".to_string(),
        FactType::Enum(v) => format!("one of: {}", v.join(", ")),
        FactType::Set(v) => format!("any of, separated by commas: {}", v.join(", ")),
    }
}

/// Reads an answer typed by a user (or found in an answers file) for a fact. `unknown` (or an
/// empty answer) leaves the fact unknown.
pub fn parse_answer(pack: &Pack, fact: FactId, text: &str) -> Result<Val, Diagnostic> {
    let def = pack
        .facts
        .get(usize::from(fact))
        .ok_or_else(|| Diagnostic::file_error(crate::case::Msg::NoSuchFact, "<answer>"))?;
    let t = text.trim().trim_matches(['{', '}', '[', ']']).trim();
    let raw = if t.is_empty() || t == "unknown" || t == "?" {
        RawValue::Unknown
    } else {
        match &def.ty {
            FactType::Bool => match t.to_ascii_lowercase().as_str() {
                "y" | "yes" | "true" => RawValue::Bool(true),
                "n" | "no" | "false" => RawValue::Bool(false),
                other => RawValue::Text(other.to_string()),
            },
            FactType::Number => match t.replace(['_', ','], "").parse::<i64>() {
                Ok(n) => RawValue::Int(n),
                Err(_) => RawValue::Text(t.to_string()),
            },
            FactType::Set(_) => RawValue::List(
                t.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| (s.to_string(), Span::default()))
                    .collect(),
            ),
            _ => RawValue::Text(t.to_string()),
        }
    };
    value(&def.name, &def.ty, &raw, Span::default())
}

/// A value as the case language writes it.
pub fn case_value(pack: &Pack, fact: FactId, v: Val) -> String {
    pack.show_value(fact, v)
}

/// Writes answers into a `.case` text, keeping every comment and line not concerned: a fact
/// written `unknown` gets its value in place; a fact not written is added at the end of the
/// case's `facts` block (which is created if the case has none). `case` is the case as parsed
/// from `text`.
pub fn save_into_case_text(
    text: &str,
    case: &CaseAst,
    pack: &Pack,
    answers: &[(FactId, Val)],
) -> String {
    let mut text = text.to_string();
    let case_end = case.span.end as usize;
    let mut additions = Vec::new();
    // Replace values in place, last first so that earlier offsets stay valid.
    let mut replacements: Vec<(usize, usize, String)> = Vec::new();
    for &(fact, v) in answers {
        let Some(def) = pack.facts.get(usize::from(fact)) else {
            continue;
        };
        let new = case_value(pack, fact, v);
        match case.facts.iter().find(|e| e.name.text == def.name) {
            Some(entry) => replacements.push((
                entry.value_span.start as usize,
                entry.value_span.end as usize,
                new,
            )),
            None => additions.push(format!("  {} = {new}", def.name)),
        }
    }
    replacements.sort_by_key(|r| std::cmp::Reverse(r.0));
    for (a, b, new) in replacements {
        if a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b) {
            text.replace_range(a..b, &new);
        }
    }
    if additions.is_empty() {
        return text;
    }
    // Where the new facts go: after the last fact, else at the end of the case before `expect`.
    let insert_at = match case.facts.iter().map(|e| e.value_span.end as usize).max() {
        Some(end) => text_line_end(&text, adjusted(end, &case.facts, answers, pack)),
        None => {
            let expect_at = case
                .expect
                .as_ref()
                .and_then(|e| e.span)
                .map(|s| s.start as usize);
            let at = expect_at.unwrap_or(case_end).min(text.len());
            let block = format!("facts\n{}\n\n", additions.join("\n"));
            let mut prefix = String::new();
            if at > 0 && !text.get(..at).is_some_and(|t| t.ends_with('\n')) {
                prefix.push('\n');
            }
            text.insert_str(at, &format!("{prefix}{block}"));
            return text;
        }
    };
    let block = format!("\n{}", additions.join("\n"));
    text.insert_str(insert_at, &block);
    text
}

/// The end offset of the last fact's value, after in-place replacements changed lengths.
fn adjusted(
    end: usize,
    facts: &[crate::syntax::ast::FactEntry],
    answers: &[(FactId, Val)],
    pack: &Pack,
) -> usize {
    let mut grow = 0usize;
    let mut shrink = 0usize;
    for &(fact, v) in answers {
        let Some(def) = pack.facts.get(usize::from(fact)) else {
            continue;
        };
        if let Some(e) = facts.iter().find(|e| e.name.text == def.name)
            && (e.value_span.end as usize) <= end
        {
            let old = (e.value_span.end.saturating_sub(e.value_span.start)) as usize;
            let new = case_value(pack, fact, v).len();
            if new >= old {
                grow += new - old;
            } else {
                shrink += old - new;
            }
        }
    }
    (end + grow).saturating_sub(shrink)
}

/// The offset just before the line break that ends the line holding `at`.
fn text_line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.get(at..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| at + i)
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A text as written in the case language: the English string, then each translation
/// (`"…" ko "…"`).
fn text_lit(t: &crate::syntax::ast::Text) -> String {
    let mut out = quote(&t.text);
    for (lang, x) in &t.tr {
        out.push_str(&format!(" {lang} {}", quote(x)));
    }
    out
}

/// A case written out in the case language, with its facts (as bound, answers included): used
/// to save the answers of a case that came from YAML or JSON.
pub fn case_to_text(case: &CaseAst, pack: &Pack, facts: &[Val]) -> String {
    use crate::syntax::ast::{CaseTime, ExpectLawful};
    let mut t = format!(
        "case {} {}\n",
        case.id.text,
        case.title.as_ref().map_or_else(|| quote(""), text_lit)
    );
    let under: Vec<&str> = case.under.iter().map(|u| u.text.as_str()).collect();
    t.push_str(&format!("  under {}\n", under.join(", ")));
    match case.time.map(|(w, _)| w) {
        Some(CaseTime::Date(d)) => t.push_str(&format!("  date {d}\n")),
        Some(CaseTime::Period(a, b)) => t.push_str(&format!("  period {a} to {b}\n")),
        None => {}
    }
    for (role, name) in [
        ("transferor", &case.parties.transferor),
        ("recipient", &case.parties.recipient),
        ("beneficiary", &case.parties.beneficiary),
    ] {
        if let Some(n) = name {
            t.push_str(&format!("  {role} {}\n", text_lit(n)));
        }
    }
    if let Some(s) = &case.source {
        t.push_str(&format!("  source {}\n", text_lit(s)));
    }
    for n in &case.notes {
        t.push_str(&format!("  note {}\n", text_lit(n)));
    }
    for h in &case.hints {
        t.push_str(&format!("  hint {}\n", text_lit(h)));
    }
    if let Some(l) = &case.level {
        t.push_str(&format!("  level {l}\n"));
    }
    t.push_str("\nfacts\n");
    for (i, v) in facts.iter().enumerate() {
        if *v == Val::Unknown {
            continue;
        }
        let id = u16::try_from(i).unwrap_or(0);
        if let Some(def) = pack.facts.get(i) {
            t.push_str(&format!("  {} = {}\n", def.name, case_value(pack, id, *v)));
        }
    }
    if let Some(e) = &case.expect {
        t.push_str("\nexpect\n");
        if let Some(c) = &e.classification {
            t.push_str(&format!("  classification = {}\n", c.text));
        }
        if let Some((l, _)) = e.lawful {
            let w = match l {
                ExpectLawful::Yes => "yes",
                ExpectLawful::No => "no",
                ExpectLawful::Unknown => "unknown",
            };
            t.push_str(&format!("  lawful = {w}\n"));
        }
        let set = |xs: &[crate::syntax::ast::Name]| {
            xs.iter()
                .map(|x| x.text.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !e.include.is_empty() {
            t.push_str(&format!("  violations include {{{}}}\n", set(&e.include)));
        }
        if !e.exclude.is_empty() {
            t.push_str(&format!("  violations exclude {{{}}}\n", set(&e.exclude)));
        }
        if !e.because.is_empty() {
            t.push_str(&format!("  because {{{}}}\n", set(&e.because)));
        }
    }
    crate::format::format_case(&t).unwrap_or(t)
}
