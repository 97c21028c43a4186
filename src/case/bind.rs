//! Binding a case to a pack: every fact name resolved to a slot, every value checked against
//! its type. Unknown stays unknown: nothing is ever defaulted.

use crate::compile::pack::{Country, FactType, Pack, Val};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::source::Span;
use crate::syntax::ast::{CaseAst, CaseTime, RawValue};

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
        errors.push(
            Diagnostic::error(format!("`{id}` is not a valid case id"), case.id.span)
                .with_help("use lowercase letters, digits and `-`, e.g. `courier-parcels`"),
        );
    }
    if case.under.is_empty() {
        errors.push(
            Diagnostic::error(
                format!("case `{id}` does not say which pack to judge it under"),
                case.id.span,
            )
            .with_help(format!(
                "add `under {}`",
                packs.first().copied().unwrap_or("kr")
            )),
        );
    }
    for u in &case.under {
        if !packs.contains(&u.text.as_str()) {
            let mut d = Diagnostic::error(format!("unknown pack `{}`", u.text), u.span)
                .with_label(format!("packs: {}", packs.join(", ")));
            if let Some(best) = did_you_mean(&u.text, packs.iter().copied()) {
                d = d.with_help(format!("did you mean `{best}`?"));
            }
            errors.push(d);
        }
    }
    match case.time {
        None if as_of.is_none() => errors.push(
            Diagnostic::error(format!("case `{id}` has neither a `date` nor a `period`"), case.id.span)
                .with_help("add `date 2024-01-15` or `period 2019-06-01 to 2024-05-21`; the law applied depends on it"),
        ),
        Some((CaseTime::Period(from, to), span)) if to < from => errors.push(Diagnostic::error(
            format!("the period ends on {to}, before it starts on {from}"),
            span,
        )),
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
    let mut errors = Vec::new();
    let mut facts = vec![Val::Unknown; pack.facts.len()];
    let mut spans: Vec<Option<Span>> = vec![None; pack.facts.len()];
    let mut seen: Vec<Option<Span>> = vec![None; pack.facts.len()];
    for entry in &case.facts {
        let name = &entry.name.text;
        let Some(slot) = pack.fact(name) else {
            errors.push(
                Diagnostic::error(format!("unknown fact `{name}`"), entry.name.span)
                    .with_label(format!("not a fact of pack `{}`", pack.id))
                    .suggest(name, pack.facts.iter().map(|f| f.name.as_str())),
            );
            continue;
        };
        let idx = usize::from(slot);
        if let Some(Some(prev)) = seen.get(idx) {
            let _ = prev;
            errors.push(
                Diagnostic::error(format!("fact `{name}` is given twice"), entry.name.span)
                    .with_help("keep one value; a case states each fact once"),
            );
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
            Err(d) => errors.push(d),
        }
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
    let mismatch = |found: String| {
        Diagnostic::error(
            format!(
                "fact `{name}` takes {}, but {found} was given",
                ty.describe()
            ),
            span,
        )
    };
    match (ty, raw) {
        (_, RawValue::Unknown) => Ok(Val::Unknown),
        (FactType::Bool, RawValue::Bool(b)) => Ok(Val::Bool(*b)),
        (FactType::Bool, RawValue::Text(t))
            if matches!(t.as_str(), "yes" | "no" | "true" | "false") =>
        {
            Ok(Val::Bool(matches!(t.as_str(), "yes" | "true")))
        }
        (FactType::Bool, RawValue::Int(i)) => Err(mismatch(format!("the number {i}"))
            .with_help("write true or false (a number is never read as a truth value)")),
        (FactType::Number, RawValue::Int(i)) => u64::try_from(*i)
            .map(Val::Number)
            .map_err(|_| mismatch(format!("the negative number {i}"))),
        (FactType::Date, RawValue::Text(t)) => Date::parse(t).map(Val::Date).ok_or_else(|| {
            Diagnostic::error(format!("`{t}` is not a real date"), span)
                .with_help("write dates as YYYY-MM-DD, e.g. 2023-09-15")
        }),
        (FactType::Country, RawValue::Text(t)) => {
            Country::parse(t).map(Val::Country).ok_or_else(|| {
                Diagnostic::error(format!("`{t}` is not a country code"), span)
                    .with_help("write an ISO 3166-1 alpha-2 code in capitals, e.g. KR, SG, US")
            })
        }
        (FactType::Enum(values), RawValue::Text(t)) => match values.iter().position(|v| v == t) {
            Some(i) => Ok(Val::Enum(u8::try_from(i).unwrap_or(0))),
            None => {
                let mut d = Diagnostic::error(format!("`{t}` is not a value of `{name}`"), span)
                    .with_label(format!("values: {}", values.join(", ")));
                if let Some(best) = did_you_mean(t, values.iter().map(String::as_str)) {
                    d = d.with_help(format!("did you mean `{best}`?"));
                }
                Err(d)
            }
        },
        (FactType::Set(values), RawValue::List(items)) => {
            let mut mask = 0u64;
            for (item, item_span) in items {
                match values.iter().position(|v| v == item) {
                    Some(i) => mask |= 1u64 << i,
                    None => {
                        let mut d = Diagnostic::error(
                            format!("`{item}` is not a value of `{name}`"),
                            *item_span,
                        )
                        .with_label(format!("values: {}", values.join(", ")));
                        if let Some(best) = did_you_mean(item, values.iter().map(String::as_str)) {
                            d = d.with_help(format!("did you mean `{best}`?"));
                        }
                        return Err(d);
                    }
                }
            }
            Ok(Val::Set(mask))
        }
        (FactType::Set(_), RawValue::Text(t)) => Err(mismatch(format!("the single value `{t}`"))
            .with_help(format!(
                "write a set: `{{{t}}}` in a .case file, `[{t}]` in YAML"
            ))),
        (_, RawValue::Bool(b)) => Err(mismatch(format!("the truth value {b}"))),
        (_, RawValue::Int(i)) => Err(mismatch(format!("the number {i}"))),
        (_, RawValue::Text(t)) => Err(mismatch(format!("`{t}`"))),
        (_, RawValue::List(_)) => Err(mismatch("a set".to_string())),
        (_, RawValue::Other(what)) => Err(mismatch(what.clone())),
    }
}
