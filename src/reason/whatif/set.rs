//! Variations of a case asked for with `--set fact=value`: read into the case's own syntax, so
//! that the case binder checks them as it checks a case file.

use crate::source::{SourceId, SourceMap, Span};
use crate::syntax::ast::{CaseAst, FactEntry, Name, RawValue};

/// A variation asked for with `--set fact=value`, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetArg {
    /// The fact's name.
    pub fact: String,
    /// The value as written.
    pub value: String,
}

/// A `--set` argument that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetError {
    /// Not of the form `FACT=VALUE` (no `=`, or nothing on one side of it).
    NotFactEqualsValue {
        /// The argument as given.
        arg: String,
        /// The whole argument, in the source named `--set`.
        span: Span,
    },
}

/// Reads `fact=value` arguments and applies them to a copy of `case`, replacing the facts it
/// gives. Each argument is added to `sources` (named `--set`), so that the case binder's
/// errors (a value of the wrong type, a misspelt name, with "did you mean") point into it.
/// Returns the case with the well-formed arguments applied, those arguments, and the errors of
/// the malformed ones; bind the returned case to check the values.
pub fn apply_sets(
    case: &CaseAst,
    sets: &[String],
    sources: &mut SourceMap,
) -> (CaseAst, Vec<SetArg>, Vec<SetError>) {
    let mut out = case.clone();
    let mut read = Vec::new();
    let mut errors = Vec::new();
    for arg in sets {
        let id = sources.add("--set", arg.clone());
        let whole = Span::new(id, 0, arg.len());
        let Some((name_part, value_part)) = arg.split_once('=') else {
            errors.push(SetError::NotFactEqualsValue {
                arg: arg.clone(),
                span: whole,
            });
            continue;
        };
        let name = name_part.trim();
        let name_start = name_part.len() - name_part.trim_start().len();
        let name_span = Span::new(id, name_start, name_start + name.len());
        let value_offset = name_part.len() + 1;
        let value = value_part.trim();
        let value_start = value_offset + (value_part.len() - value_part.trim_start().len());
        let value_span = Span::new(id, value_start, value_start + value.len());
        if name.is_empty() || value.is_empty() {
            errors.push(SetError::NotFactEqualsValue {
                arg: arg.clone(),
                span: whole,
            });
            continue;
        }
        let raw = raw_value(value, id, value_start);
        let entry = FactEntry {
            name: Name {
                text: name.to_string(),
                span: name_span,
            },
            value: raw,
            value_span,
        };
        match out.facts.iter_mut().find(|e| e.name.text == name) {
            Some(e) => *e = entry,
            None => out.facts.push(entry),
        }
        read.push(SetArg {
            fact: name.to_string(),
            value: value.to_string(),
        });
    }
    (out, read, errors)
}

/// A value written on the command line, read as the case language reads it.
fn raw_value(text: &str, id: SourceId, offset: usize) -> RawValue {
    match text {
        "unknown" | "null" | "~" => return RawValue::Unknown,
        "true" | "yes" => return RawValue::Bool(true),
        "false" | "no" => return RawValue::Bool(false),
        _ => {}
    }
    if let Some(inner) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        let mut items = Vec::new();
        let mut pos = offset + 1;
        for part in inner.split(',') {
            let item = part.trim();
            let start = pos + (part.len() - part.trim_start().len());
            if !item.is_empty() {
                items.push((item.to_string(), Span::new(id, start, start + item.len())));
            }
            pos += part.len() + 1;
        }
        return RawValue::List(items);
    }
    if let Ok(i) = text.parse::<i64>() {
        return RawValue::Int(i);
    }
    RawValue::Text(text.to_string())
}
