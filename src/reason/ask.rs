//! The interview behind `entrust ask`: which question to put next, how an answer is read, and
//! how answers are written back into a `.case` text without losing a comment.
//!
//! The next question is the first of the verdict's `unknowns` (the facts whose answer can still
//! change the classification, the lawfulness or which violations are found, most decisive
//! first), so no combination of unknown facts is ever enumerated: each step is one judgment of
//! the case. By default the interview goes on until every possible violation is settled too;
//! [`Until::Outcome`] stops it once the classification and the lawfulness are.
//!
//! This module returns data only (the question, why an answer cannot be read, how the
//! interview ended); [`crate::render::ask`] puts them into words. The case text it writes is in
//! the case language, whose keywords are the same in every language.

use crate::case::BoundCase;
use crate::case::bind::value;
use crate::compile::pack::{FactId, FactType, Pack, Val};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::eval::Evaluator;
use crate::source::{SourceId, SourceMap, Span};
use crate::summary::{CouldChange, Summary, summarize};
use crate::syntax::ast::{CaseAst, RawValue};
use crate::verdict::{Verdict, judge_parts};

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
    /// The fact's type: the answers it allows.
    pub ty: FactType,
    /// What the answer could change.
    pub could_change: CouldChange,
    /// Who must prove it, if the pack says.
    pub burden: Option<Burden>,
}

/// Who must prove a fact, and what it counts as while unproven.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Burden {
    /// The party's role, as the pack names it (`transferor`, `recipient`, `beneficiary`).
    pub party: String,
    /// The value the fact takes while unproven, as the case language writes it.
    pub unproven: String,
}

/// Why an answer cannot be read for a fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// The fact is not in the pack.
    NoSuchFact,
    /// A truth value was asked for; this was given (lower-cased).
    NotBool(String),
    /// A whole number was asked for; this was given.
    NotNumber(String),
    /// A whole number was asked for; a negative one was given.
    Negative(i64),
    /// Not a real date.
    NotDate(String),
    /// Not a country code.
    NotCountry(String),
    /// Not one of the fact's values.
    NotAValue {
        /// What was given.
        given: String,
        /// The value closest to it, if it is a likely typo.
        closest: Option<String>,
    },
}

/// How an interview ended, for the line before the verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// No question was asked: no unknown fact can change what the interview is about.
    NothingToAsk,
    /// Questions were left unanswered that can still change it.
    StillOpen,
    /// The answers settled it.
    Settled,
}

/// How an interview that asked `asked` questions ended, given the verdict on the answers.
pub fn ending(asked: bool, v: &Verdict, until: Until) -> Ending {
    if !asked {
        Ending::NothingToAsk
    } else if v
        .unknowns
        .iter()
        .any(|u| until == Until::Settled || u.could_change != CouldChange::Violations)
    {
        Ending::StillOpen
    } else {
        Ending::Settled
    }
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
        ty: def.ty.clone(),
        could_change,
        burden: def.burden.as_ref().map(|(party, v)| Burden {
            party: party.clone(),
            unproven: pack.show_value(fact, *v),
        }),
    })
}

/// Answers that leave a fact unknown, beside an empty one: `unknown`, `?`, and Korean 모름.
const UNKNOWN: &[&str] = &["unknown", "?", "모름"];
/// Answers read as true: the case language's `true` and `yes`, `y`, and Korean 예, 네.
const YES: &[&str] = &["y", "yes", "true", "예", "네"];
/// Answers read as false: the case language's `false` and `no`, `n`, and Korean 아니오, 아니요.
const NO: &[&str] = &["n", "no", "false", "아니오", "아니요"];

/// Reads an answer typed by a user (or found in an answers file) for a fact. `unknown` (or an
/// empty answer, `?` or 모름) leaves the fact unknown; a truth value is `yes`/`no`,
/// `true`/`false`, `y`/`n`, or in Korean 예/아니오 (also 네, 아니요); other values are written as
/// in the case language.
pub fn parse_answer(pack: &Pack, fact: FactId, text: &str) -> Result<Val, AnswerError> {
    let def = pack
        .facts
        .get(usize::from(fact))
        .ok_or(AnswerError::NoSuchFact)?;
    let t = text.trim().trim_matches(['{', '}', '[', ']']).trim();
    let raw = if t.is_empty() || UNKNOWN.contains(&t) {
        RawValue::Unknown
    } else {
        match &def.ty {
            FactType::Bool => match t.to_ascii_lowercase().as_str() {
                x if YES.contains(&x) => RawValue::Bool(true),
                x if NO.contains(&x) => RawValue::Bool(false),
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
    value(&def.name, &def.ty, &raw, Span::default()).map_err(|_| why(&def.ty, t, &raw))
}

/// One answer of an answers file (`fact = value`, or YAML `fact: value`), with where its fact
/// and its value are written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptedAnswer {
    /// The fact, as written.
    pub fact: String,
    /// Where the fact is written.
    pub fact_span: Span,
    /// The value, as written (quotes taken off).
    pub value: String,
    /// Where the value is written.
    pub value_span: Span,
}

/// Reads an answers file, its text added to `sources` as `id`: one `fact = value` (or YAML
/// `fact: value`) a line; blank lines, `#` comments and YAML's `---` are passed over. Every
/// other line is an error at its place, as is a fact answered twice (each error, not the first
/// only). Whether the facts exist and the values fit is [`check_answers`]'s to say, once the
/// packs are known.
pub fn read_answers(sources: &SourceMap, id: SourceId) -> (Vec<ScriptedAnswer>, Vec<Diagnostic>) {
    let mut answers: Vec<ScriptedAnswer> = Vec::new();
    let mut errors = Vec::new();
    let Some(file) = sources.get(id) else {
        return (answers, errors);
    };
    let text = file.text.as_str();
    let mut start = 0usize;
    for raw in text.split_inclusive('\n') {
        let line_start = start;
        start += raw.len();
        let line = raw.split('#').next().unwrap_or("");
        let span_of = |part: &str| {
            // `part` is a sub-slice of `line`, itself of `text`.
            let at = line_start + (part.as_ptr() as usize - line.as_ptr() as usize);
            Span::new(id, at, at + part.len())
        };
        let body = line.trim();
        if body.is_empty() || body == "---" {
            continue;
        }
        let split = body.split_once('=').or_else(|| body.split_once(':'));
        let Some((name, value)) = split.filter(|(n, _)| !n.trim().is_empty()) else {
            errors.push(Diagnostic::error(
                crate::syntax::Msg::Unexpected {
                    found: body.to_string(),
                    expected: vec![crate::syntax::Expected::Assignment],
                },
                span_of(body),
            ));
            continue;
        };
        let name = name.trim();
        let value = value.trim();
        let unquoted = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        let answer = ScriptedAnswer {
            fact: name.to_string(),
            fact_span: span_of(name),
            value: unquoted.to_string(),
            value_span: span_of(value),
        };
        if let Some(first) = answers.iter().find(|a| a.fact == answer.fact) {
            errors.push(Diagnostic::error(
                crate::case::Msg::AnswerTwice {
                    fact: answer.fact.clone(),
                    first: file.line_col(first.fact_span.start).line,
                },
                answer.fact_span,
            ));
            continue;
        }
        answers.push(answer);
    }
    (answers, errors)
}

/// Checks answers read by [`read_answers`] against the packs a case is judged under: a fact
/// that none of them has, and a value that does not fit the fact in one of them, are errors at
/// their place, with the closest fact name or value offered.
pub fn check_answers(answers: &[ScriptedAnswer], packs: &[&Pack]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for a in answers {
        let mut facts = packs
            .iter()
            .filter_map(|p| p.fact(&a.fact).map(|f| (*p, f)))
            .peekable();
        if facts.peek().is_none() {
            let pack = packs.first().map_or_else(String::new, |p| p.id.clone());
            let names = packs
                .iter()
                .flat_map(|p| p.facts.iter().map(|f| f.name.as_str()));
            errors.push(
                Diagnostic::error(
                    crate::case::Msg::UnknownFact {
                        name: a.fact.clone(),
                        pack,
                    },
                    a.fact_span,
                )
                .suggest(&a.fact, names),
            );
            continue;
        }
        for (pack, fact) in facts {
            if let (Err(problem), Some(def)) = (
                parse_answer(pack, fact, &a.value),
                pack.facts.get(usize::from(fact)),
            ) {
                errors.push(Diagnostic::error(
                    crate::case::Msg::BadAnswer {
                        fact: a.fact.clone(),
                        ty: def.ty.clone(),
                        problem,
                    },
                    a.value_span,
                ));
                break;
            }
        }
    }
    errors
}

/// Why an answer the case binder refused cannot be read.
fn why(ty: &FactType, text: &str, raw: &RawValue) -> AnswerError {
    let not_a_value = |given: &str, values: &[String]| AnswerError::NotAValue {
        given: given.to_string(),
        closest: did_you_mean(given, values.iter().map(String::as_str)).map(str::to_string),
    };
    match (ty, raw) {
        (FactType::Bool, RawValue::Text(t)) => AnswerError::NotBool(t.clone()),
        (FactType::Bool, _) => AnswerError::NotBool(text.to_string()),
        (FactType::Number, RawValue::Int(n)) => AnswerError::Negative(*n),
        (FactType::Number, _) => AnswerError::NotNumber(text.to_string()),
        (FactType::Date, _) => AnswerError::NotDate(text.to_string()),
        (FactType::Country, _) => AnswerError::NotCountry(text.to_string()),
        (FactType::Enum(values), _) => not_a_value(text, values),
        (FactType::Set(values), RawValue::List(items)) => {
            items.iter().find(|(x, _)| !values.contains(x)).map_or_else(
                || not_a_value(text, values),
                |(x, _)| not_a_value(x, values),
            )
        }
        (FactType::Set(values), _) => not_a_value(text, values),
    }
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

/// The id of a case saved to a new file by `ask --save`: `<id>-answered`, then
/// `<id>-answered-2`, `-3`, … for a case answered again, so that the new case never has the id
/// of the one it was made from (nor two cases of one file the same new id).
pub fn answered_id(id: &str) -> String {
    if let Some(base) = id.strip_suffix("-answered") {
        return format!("{base}-answered-2");
    }
    if let Some((base, written)) = id.rsplit_once("-answered-")
        && let Ok(n) = written.parse::<u32>()
        && n >= 2
        && n.to_string() == written
    {
        return format!("{base}-answered-{}", n.saturating_add(1));
    }
    format!("{id}-answered")
}

/// A `.case` text with the id of `case` (as parsed from it) replaced by `id`.
pub fn rename_case(text: &str, case: &CaseAst, id: &str) -> String {
    let (a, b) = (case.id.span.start as usize, case.id.span.end as usize);
    let mut text = text.to_string();
    if a < b
        && b <= text.len()
        && text.is_char_boundary(a)
        && text.is_char_boundary(b)
        && text.get(a..b) == Some(case.id.text.as_str())
    {
        text.replace_range(a..b, id);
    }
    text
}

/// Adds packs to a case's `under` in its text (`under kr` → `under kr, eu`), after the last
/// pack it names; unchanged when that place cannot be found as read.
pub fn add_under(text: &str, case: &CaseAst, packs: &[&str]) -> String {
    let mut text = text.to_string();
    let Some(last) = case.under.last() else {
        return text;
    };
    let (a, b) = (last.span.start as usize, last.span.end as usize);
    if packs.is_empty()
        || a >= b
        || b > text.len()
        || !text.is_char_boundary(a)
        || !text.is_char_boundary(b)
        || text.get(a..b) != Some(last.text.as_str())
    {
        return text;
    }
    let added: String = packs.iter().map(|p| format!(", {p}")).collect();
    text.insert_str(b, &added);
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

#[cfg(test)]
mod tests {
    use super::answered_id;

    #[test]
    fn an_answered_copy_never_takes_the_id_it_was_made_from() {
        assert_eq!(answered_id("vendor"), "vendor-answered");
        assert_eq!(answered_id("vendor-answered"), "vendor-answered-2");
        assert_eq!(answered_id("vendor-answered-2"), "vendor-answered-3");
        assert_eq!(
            answered_id("vendor-answered-1"),
            "vendor-answered-1-answered"
        );
        assert_eq!(
            answered_id("vendor-answered-02"),
            "vendor-answered-02-answered"
        );
        // Distinct ids stay distinct.
        let ids = ["a", "a-answered", "a-answered-2", "a-answered-1", "b"];
        let mut new: Vec<String> = ids.iter().map(|i| answered_id(i)).collect();
        new.sort();
        new.dedup();
        assert_eq!(new.len(), ids.len());
        for (i, n) in ids.iter().zip(ids.iter().map(|i| answered_id(i))) {
            assert_ne!(*i, n);
        }
    }
}
