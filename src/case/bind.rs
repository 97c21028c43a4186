//! Binding a case to a pack: every fact name resolved to a slot, every value checked against
//! its type. Unknown stays unknown: nothing is ever defaulted.

use super::{Found, Msg};
use crate::compile::pack::{Country, FactType, Pack, Val};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, MAX_ERRORS};
use crate::source::Span;
use crate::syntax::ast::{CaseAst, CaseTime, Odd, RawValue};

/// A case ready to be judged under one pack.
#[derive(Clone, Debug, PartialEq)]
pub struct BoundCase {
    /// The fact slots of the pack, filled from the case.
    pub facts: Vec<Val>,
    /// Where each slot's value was written, if it was.
    pub spans: Vec<Option<Span>>,
    /// First day judged.
    pub from: Date,
    /// Last day judged.
    pub to: Date,
}

/// Checks what a case must have whatever the pack: a valid id, `under`, a date or period in
/// order (unless `as_of` is given), and known packs.
pub fn check_header(case: &CaseAst, packs: &[&str], as_of: Option<Date>) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let id = &case.id.text;
    let valid_id = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    if !valid_id {
        errors.push(Diagnostic::error(
            Msg::BadId { id: id.clone() },
            case.id.span,
        ));
    }
    if case.under.is_empty() {
        errors.push(Diagnostic::error(
            Msg::NoUnder {
                id: id.clone(),
                packs: packs.iter().map(|p| (*p).to_string()).collect(),
            },
            case.id.span,
        ));
    }
    for u in &case.under {
        if !packs.contains(&u.text.as_str()) {
            errors.push(
                Diagnostic::error(
                    Msg::UnknownPack {
                        name: u.text.clone(),
                        packs: packs.iter().map(|p| (*p).to_string()).collect(),
                    },
                    u.span,
                )
                .suggest(&u.text, packs.iter().copied()),
            );
        }
    }
    // An expectation under one pack names a pack the case is judged under.
    for e in &case.expect_under {
        if let Some(u) = &e.under
            && !case.under.iter().any(|x| x.text == u.text)
        {
            let under: Vec<String> = case.under.iter().map(|x| x.text.clone()).collect();
            errors.push(
                Diagnostic::error(
                    Msg::ExpectUnderNotJudged {
                        pack: u.text.clone(),
                        under: under.clone(),
                    },
                    u.span,
                )
                .suggest(&u.text, under.iter().map(String::as_str)),
            );
        }
    }
    match case.time {
        None if as_of.is_none() => errors.push(Diagnostic::error(
            Msg::NoTime { id: id.clone() },
            case.id.span,
        )),
        Some((CaseTime::Period(from, to), span)) if to < from => {
            errors.push(Diagnostic::error(Msg::PeriodBackwards { from, to }, span))
        }
        _ => {}
    }
    errors
}

/// Binds a case's facts to a pack's slots. `as_of` replaces the case's date or period.
pub fn bind(
    case: &CaseAst,
    pack: &Pack,
    as_of: Option<Date>,
) -> Result<BoundCase, Vec<Diagnostic>> {
    bind_among(case, pack, &[], as_of)
}

/// Binds a case judged under several packs to one of them; `all` are the packs whose facts the
/// case may give, those it is judged under first (this one among them or not): a fact this
/// pack does not have is left to the packs that have it (this pack does not read it), and one
/// that none has is an error, reported when binding the first of `all` (so once), with the
/// nearest name any of them has.
pub fn bind_among(
    case: &CaseAst,
    pack: &Pack,
    all: &[&Pack],
    as_of: Option<Date>,
) -> Result<BoundCase, Vec<Diagnostic>> {
    let others: Vec<&Pack> = all.iter().copied().filter(|p| p.id != pack.id).collect();
    let first = all.first().is_none_or(|p| p.id == pack.id);
    let mut errors = Vec::new();
    let mut facts = vec![Val::Unknown; pack.facts.len()];
    let mut spans: Vec<Option<Span>> = vec![None; pack.facts.len()];
    let mut seen: Vec<Option<Span>> = vec![None; pack.facts.len()];
    // Past the first MAX_ERRORS errors, errors are only counted: no diagnostic is built.
    let mut more = 0usize;
    for entry in &case.facts {
        let name = &entry.name.text;
        let full = errors.len() >= MAX_ERRORS;
        let Some(slot) = pack.fact(name) else {
            // Another of the case's packs reads it; or it was reported with the first pack.
            if others.iter().any(|o| o.fact(name).is_some()) || !first {
                continue;
            }
            if full {
                more += 1;
                continue;
            }
            let msg = if others.is_empty() {
                Msg::UnknownFact {
                    name: name.clone(),
                    pack: pack.id.clone(),
                }
            } else {
                Msg::UnknownFactOfPacks {
                    name: name.clone(),
                    packs: std::iter::once(pack)
                        .chain(others.iter().copied())
                        .map(|p| p.id.clone())
                        .collect(),
                }
            };
            let names = std::iter::once(pack)
                .chain(others.iter().copied())
                .flat_map(|p| p.facts.iter().map(|f| f.name.as_str()));
            errors.push(Diagnostic::error(msg, entry.name.span).suggest(name, names));
            continue;
        };
        let idx = usize::from(slot);
        if let Some(Some(_)) = seen.get(idx) {
            if full {
                more += 1;
                continue;
            }
            errors.push(Diagnostic::error(
                Msg::FactTwice { name: name.clone() },
                entry.name.span,
            ));
            continue;
        }
        if let Some(s) = seen.get_mut(idx) {
            *s = Some(entry.name.span);
        }
        let Some(def) = pack.facts.get(idx) else {
            continue;
        };
        match value(name, &def.ty, &entry.value, entry.value_span) {
            Ok(v) => {
                if let Some(f) = facts.get_mut(idx) {
                    *f = v;
                }
                if v != Val::Unknown
                    && let Some(s) = spans.get_mut(idx)
                {
                    *s = Some(entry.value_span);
                }
            }
            Err(_) if full => more += 1,
            Err(d) => errors.push(d),
        }
    }
    if more > 0 {
        errors.push(Diagnostic::error(
            crate::batch::Msg::MoreErrors {
                n: more,
                scope: crate::batch::Scope::Case,
            },
            case.span,
        ));
    }
    let (from, to) = match (as_of, case.time) {
        (Some(d), _) => (d, d),
        (None, Some((CaseTime::Date(d), _))) => (d, d),
        (None, Some((CaseTime::Period(f, t), _))) => (f, t),
        (None, None) => (Date(0), Date(0)),
    };
    if errors.is_empty() {
        Ok(BoundCase {
            facts,
            spans,
            from,
            to,
        })
    } else {
        Err(errors)
    }
}

/// Checks a raw value against a fact's type, with the errors a user of the case reader sees.
pub fn value(name: &str, ty: &FactType, raw: &RawValue, span: Span) -> Result<Val, Diagnostic> {
    let mismatch = |found: Found| {
        Diagnostic::error(
            Msg::WrongType {
                fact: name.to_string(),
                ty: ty.clone(),
                found,
            },
            span,
        )
    };
    let not_a_value = |value: &str, span: Span, values: &[String]| {
        Diagnostic::error(
            Msg::NotAValue {
                value: value.to_string(),
                fact: name.to_string(),
                values: values.to_vec(),
            },
            span,
        )
        .suggest(value, values.iter().map(String::as_str))
    };
    match (ty, raw) {
        (_, RawValue::Unknown) => Ok(Val::Unknown),
        (FactType::Bool, RawValue::Bool(b)) => Ok(Val::Bool(*b)),
        (FactType::Bool, RawValue::Text(t))
            if matches!(t.as_str(), "yes" | "no" | "true" | "false") =>
        {
            Ok(Val::Bool(matches!(t.as_str(), "yes" | "true")))
        }
        (FactType::Bool, RawValue::Int(i)) => Err(Diagnostic::error(
            Msg::NumberForBool {
                fact: name.to_string(),
                ty: ty.clone(),
                n: *i,
            },
            span,
        )),
        (FactType::Number, RawValue::Other(Odd::TooLarge(t))) => Err(Diagnostic::error(
            Msg::NumberOutOfRange {
                fact: name.to_string(),
                text: t.clone(),
            },
            span,
        )),
        (FactType::Number, RawValue::Int(i)) => u64::try_from(*i)
            .map(Val::Number)
            .map_err(|_| mismatch(Found::Negative(*i))),
        (FactType::Date, RawValue::Text(t)) => Date::parse(t)
            .map(Val::Date)
            .ok_or_else(|| Diagnostic::error(Msg::NotADate { text: t.clone() }, span)),
        (FactType::Country, RawValue::Text(t)) => Country::parse(t)
            .map(Val::Country)
            .ok_or_else(|| Diagnostic::error(Msg::NotACountry { text: t.clone() }, span)),
        (FactType::Enum(values), RawValue::Text(t)) => match values.iter().position(|v| v == t) {
            Some(i) => Ok(Val::Enum(u8::try_from(i).unwrap_or(0))),
            None => Err(not_a_value(t, span, values)),
        },
        (FactType::Set(values), RawValue::List(items)) => {
            let mut mask = 0u64;
            for (item, item_span) in items {
                match values.iter().position(|v| v == item) {
                    Some(i) => mask |= 1u64 << i,
                    None => return Err(not_a_value(item, *item_span, values)),
                }
            }
            Ok(Val::Set(mask))
        }
        (FactType::Set(_), RawValue::Text(t)) => Err(Diagnostic::error(
            Msg::OneForSet {
                fact: name.to_string(),
                ty: ty.clone(),
                value: t.clone(),
            },
            span,
        )),
        (_, RawValue::Bool(b)) => Err(mismatch(Found::TruthValue(*b))),
        (_, RawValue::Int(i)) => Err(mismatch(Found::Number(*i))),
        (_, RawValue::Text(t)) => Err(mismatch(Found::Word(t.clone()))),
        (_, RawValue::List(_)) => Err(mismatch(Found::Set)),
        (_, RawValue::Other(what)) => Err(mismatch(Found::Odd(what.clone()))),
    }
}
