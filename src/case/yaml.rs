//! The YAML and JSON Lines forms of a case (cases.md §1): parsed with `yaml_serde` and
//! `serde_json`, then read key by key with precise errors.

use super::locate::Locator;
use super::{Msg, ReadCases, Shape, Within};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::source::{SourceId, Span};
use crate::syntax::ast::{
    CaseAst, CaseTime, ExpectLawful, Expectation, FactEntry, Name, Odd, Parties, RawValue, Text,
};

/// A parsed YAML or JSON value, reduced to what a case can hold.
#[derive(Clone, Debug, PartialEq)]
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Raw>),
    Map(Vec<(String, Raw)>),
}

impl Raw {
    fn from_yaml(v: serde_yaml::Value, depth: usize) -> Raw {
        use serde_yaml::Value as Y;
        if depth > 32 {
            return Raw::Null;
        }
        match v {
            Y::Null => Raw::Null,
            Y::Bool(b) => Raw::Bool(b),
            Y::Number(n) => match n.as_i64() {
                Some(i) => Raw::Int(i),
                None => Raw::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Y::String(s) => Raw::Str(s),
            Y::Sequence(xs) => Raw::Seq(
                xs.into_iter()
                    .map(|x| Raw::from_yaml(x, depth + 1))
                    .collect(),
            ),
            Y::Mapping(m) => Raw::Map(
                m.into_iter()
                    .map(|(k, v)| (key_text(&k), Raw::from_yaml(v, depth + 1)))
                    .collect(),
            ),
            Y::Tagged(t) => Raw::from_yaml(t.value, depth + 1),
        }
    }

    fn from_json(v: serde_json::Value, depth: usize) -> Raw {
        use serde_json::Value as J;
        if depth > 32 {
            return Raw::Null;
        }
        match v {
            J::Null => Raw::Null,
            J::Bool(b) => Raw::Bool(b),
            J::Number(n) => match n.as_i64() {
                Some(i) => Raw::Int(i),
                None => Raw::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            J::String(s) => Raw::Str(s),
            J::Array(xs) => Raw::Seq(
                xs.into_iter()
                    .map(|x| Raw::from_json(x, depth + 1))
                    .collect(),
            ),
            J::Object(m) => Raw::Map(
                m.into_iter()
                    .map(|(k, v)| (k, Raw::from_json(v, depth + 1)))
                    .collect(),
            ),
        }
    }

    fn shape(&self) -> Shape {
        match self {
            Raw::Null => Shape::Null,
            Raw::Bool(_) => Shape::TruthValue,
            Raw::Int(_) => Shape::Number,
            Raw::Float(_) => Shape::Decimal,
            Raw::Str(_) => Shape::String,
            Raw::Seq(_) => Shape::List,
            Raw::Map(_) => Shape::Mapping,
        }
    }

    fn scalar_text(&self) -> Option<String> {
        match self {
            Raw::Bool(b) => Some(b.to_string()),
            Raw::Int(i) => Some(i.to_string()),
            Raw::Float(f) => Some(f.to_string()),
            Raw::Str(s) => Some(s.clone()),
            _ => None,
        }
    }
}

fn key_text(k: &serde_yaml::Value) -> String {
    match k {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Number(n) => n.to_string(),
        _ => String::from("?"),
    }
}

/// The keys a case may have (cases.md §1).
const CASE_KEYS: [&str; 13] = [
    "id",
    "title",
    "under",
    "period",
    "date",
    "parties",
    "source",
    "facts",
    "expect",
    "notes",
    "hints",
    "level",
    "translations",
];
/// The keys of one language under `translations`: the case's texts in that language.
const TRANSLATED_KEYS: [&str; 5] = ["title", "source", "notes", "hints", "parties"];
const PARTY_KEYS: [&str; 3] = ["transferor", "recipient", "beneficiary"];
const PERIOD_KEYS: [&str; 2] = ["from", "to"];
const EXPECT_KEYS: [&str; 7] = [
    "under",
    "classification",
    "lawful",
    "applies",
    "violations",
    "violations_exclude",
    "because",
];

/// The error for a key written twice in `text` (whose byte 0 is at `base`), at its second
/// occurrence; `Err` with the first occurrence when the second cannot be found.
fn given_twice(source: SourceId, text: &str, base: usize, key: &str) -> Result<Diagnostic, Span> {
    let mut loc = Locator::new(source, text, base);
    let first = loc.key(key);
    let second = loc.key(key);
    if second == first || second == loc.fallback() {
        return Err(first);
    }
    let msg = if key == "facts" {
        Msg::FactsTwice
    } else {
        Msg::KeyTwice {
            key: key.to_string(),
        }
    };
    Ok(Diagnostic::error(msg, second))
}

/// The first control character of a YAML text (other than tab and line breaks), which YAML
/// refuses, as an error at its place.
fn control_character(source: SourceId, text: &str) -> Option<Diagnostic> {
    let (at, c) = text.char_indices().find(|(_, c)| {
        matches!(u32::from(*c), 0..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F)
            || matches!(u32::from(*c), 0x80..=0x9F if *c != '\u{85}')
    })?;
    Some(Diagnostic::error(
        Msg::ControlCharacter { code: u32::from(c) },
        Span::new(source, at, at + c.len_utf8()),
    ))
}

/// A parser error said in a lawyer's words where its cause is known: a tab in the
/// indentation, a whole number too large for any fact.
fn yaml_error_said(source: SourceId, text: &str, at: usize, msg: &str) -> Option<Diagnostic> {
    // "facts.subjects_count: invalid type: integer `999…` as u128, expected any YAML value"
    if msg.contains(" as u128") || msg.contains(" as i128") {
        let (path, rest) = msg.split_once(": invalid type: integer `")?;
        let number = rest.split('`').next()?;
        let fact = path.rsplit('.').next().unwrap_or(path);
        let end = if text.get(at..)?.starts_with(number) {
            at + number.len()
        } else {
            at + 1
        };
        return Some(Diagnostic::error(
            Msg::NumberOutOfRange {
                fact: fact.to_string(),
                text: number.to_string(),
            },
            Span::new(source, at, end.min(text.len())),
        ));
    }
    // A tab in the indentation of the line of the error, or of any line before it.
    let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text.get(at..)?.find('\n').map_or(text.len(), |i| at + i);
    let tab_in = |from: usize, line: &str| {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        line.get(..indent)?.find('\t').map(|i| from + i)
    };
    let tab = tab_in(line_start, text.get(line_start..line_end)?).or_else(|| {
        let mut from = 0;
        text.get(..line_start)?
            .split_inclusive('\n')
            .find_map(|line| {
                let found = tab_in(from, line);
                from += line.len();
                found
            })
    })?;
    Some(Diagnostic::error(
        Msg::YamlTab,
        Span::new(source, tab, tab + 1),
    ))
}

/// The key named by a parser's "duplicate entry" message.
fn duplicate_key(msg: &str) -> Option<String> {
    msg.split("duplicate entry with key \"")
        .nth(1)
        .and_then(|k| k.split('"').next())
        .map(str::to_string)
}

/// Brackets nested past [`super::nesting::MAX_NESTING`], at the bracket that passes it.
fn too_deep(source: SourceId, at: usize) -> Diagnostic {
    Diagnostic::error(
        Msg::NestedTooDeep {
            max: super::nesting::MAX_NESTING,
        },
        Span::new(source, at, at + 1),
    )
}

/// Reads a YAML text: one case, or a sequence of cases.
pub fn read_yaml(source: SourceId, text: &str) -> ReadCases {
    let mut out = ReadCases::default();
    // A control character is located here: the parser names only its position in characters.
    if let Some(d) = control_character(source, text) {
        out.diagnostics.push(d);
        out.rejected = 1;
        return out;
    }
    if let Some(at) = super::nesting::yaml(text) {
        out.diagnostics.push(too_deep(source, at));
        out.rejected = 1;
        return out;
    }
    let value: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let at = e.location().map_or(0, |loc| loc.index());
            let mut span = Span::new(source, at, at + 1);
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            if let Some(d) = yaml_error_said(source, text, at, &msg) {
                out.diagnostics.push(d);
                return out;
            }
            // A duplicate key: point at its second occurrence rather than at the mapping.
            if let Some(key) = duplicate_key(&msg) {
                out.rejected = 1;
                match given_twice(source, text, 0, &key) {
                    Ok(d) => {
                        out.diagnostics.push(d);
                        return out;
                    }
                    Err(first) => span = first,
                }
            }
            out.diagnostics
                .push(Diagnostic::error(Msg::NotYaml { detail: msg }, span));
            out.rejected = 1;
            return out;
        }
    };
    let raw = Raw::from_yaml(value, 0);
    let mut loc = Locator::new(source, text, 0);
    match raw {
        Raw::Seq(items) => {
            for item in items {
                read_one(item, &mut loc, &mut out);
            }
        }
        // No case: `read` warns of it, as it does in every form.
        Raw::Null => {}
        other => read_one(other, &mut loc, &mut out),
    }
    out
}

/// A JSON value whose objects give every key once. serde_json keeps the last of duplicate keys
/// without a word; a case must not lose a fact that way, so a duplicate is an error (as it is in
/// YAML).
struct Strict(serde_json::Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
        Ok(serde_json::Value::from(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
        Ok(serde_json::Value::from(n))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Value::from(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(serde_json::Value::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
        Ok(serde_json::Value::String(s))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(serde_json::Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut m = serde_json::Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if m.contains_key(&k) {
                return Err(serde::de::Error::custom(format!(
                    "duplicate entry with key \"{k}\""
                )));
            }
            let Strict(v) = map.next_value()?;
            m.insert(k, v);
        }
        Ok(serde_json::Value::Object(m))
    }
}

/// Reads a JSON Lines text: one case per non-blank line.
pub fn read_jsonl(source: SourceId, text: &str) -> ReadCases {
    read_jsonl_except(source, text, &[])
}

/// Reads a JSON Lines text but the lines holding bytes that were not UTF-8 (see
/// [`crate::source::decode`]), which are left to their own error.
pub fn read_jsonl_except(
    source: SourceId,
    text: &str,
    not_utf8: &[crate::source::NotUtf8],
) -> ReadCases {
    let mut out = ReadCases::default();
    let mut offset = 0;
    let mut bad = not_utf8.iter().map(|b| b.offset).peekable();
    let (mut shown, mut more) = (0usize, 0usize);
    for line in text.split_inclusive('\n') {
        let before = out.diagnostics.len();
        let start = offset;
        offset += line.len();
        let not_utf8 = bad.next_if(|at| *at < offset).is_some();
        // Every path through the line ends at the count of its errors below.
        'line: {
            let body = line.strip_suffix('\n').unwrap_or(line);
            let body = body.strip_suffix('\r').unwrap_or(body);
            // A line past the limit is refused as such, whatever it holds.
            if body.len() > super::MAX_LINE_BYTES {
                out.diagnostics.push(Diagnostic::error(
                    Msg::LineTooLong {
                        max: super::MAX_LINE_BYTES,
                    },
                    Span::new(source, start, start + 1),
                ));
                out.rejected += 1;
            }
            if not_utf8 || body.len() > super::MAX_LINE_BYTES {
                break 'line;
            }
            let body = line.trim_end_matches(['\n', '\r']);
            if body.trim().is_empty() {
                break 'line;
            }
            if let Some(at) = super::nesting::json(body) {
                out.diagnostics.push(too_deep(source, start + at));
                out.rejected += 1;
                break 'line;
            }
            match serde_json::from_str::<Strict>(body) {
                Ok(Strict(v)) => {
                    let mut loc = Locator::new(source, body, start);
                    read_one(Raw::from_json(v, 0), &mut loc, &mut out);
                }
                // A duplicate key: point at its second occurrence (serde stopped just past it).
                Err(e) if let Some(key) = duplicate_key(&e.to_string()) => {
                    out.rejected += 1;
                    out.diagnostics
                        .push(
                            given_twice(source, body, start, &key).unwrap_or_else(|first| {
                                Diagnostic::error(Msg::KeyTwiceHere { key: key.clone() }, first)
                            }),
                        );
                }
                Err(e) => {
                    let col = e.column().saturating_sub(1);
                    let at = (start + col).min(start + body.len());
                    let msg = e.to_string();
                    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                    out.rejected += 1;
                    out.diagnostics.push(Diagnostic::error(
                        Msg::NotJson { detail: msg },
                        Span::new(source, at, (at + 1).min(start + body.len()).max(at)),
                    ));
                }
            }
        }
        // A file of bad lines: the errors past the first are counted, not kept.
        let new = out.diagnostics.get(before..).unwrap_or_default();
        if shown >= crate::diagnostic::MAX_ERRORS {
            more += new.iter().map(Diagnostic::weight).sum::<usize>();
            out.diagnostics.truncate(before);
        } else {
            shown += new.iter().filter(|d| d.is_error()).count();
        }
    }
    if more > 0 {
        out.diagnostics.push(Diagnostic::error(
            crate::batch::Msg::MoreErrors {
                n: more,
                scope: crate::batch::Scope::File,
            },
            Span::new(source, text.len(), text.len()),
        ));
    }
    out
}

fn read_one(raw: Raw, loc: &mut Locator<'_>, out: &mut ReadCases) {
    let mut errors = Vec::new();
    let case_span = loc.fallback();
    let Raw::Map(entries) = raw else {
        out.diagnostics.push(Diagnostic::error(
            Msg::CaseNotMapping { shape: raw.shape() },
            case_span,
        ));
        out.rejected += 1;
        return;
    };
    // The case starts at its first key.
    let first_span = entries
        .first()
        .map(|(k, _)| loc.key(k))
        .unwrap_or(case_span);
    loc.set_fallback(first_span);
    let mut case = CaseAst {
        id: Name {
            text: String::new(),
            span: first_span,
        },
        title: None,
        under: Vec::new(),
        time: None,
        parties: Parties::default(),
        source: None,
        facts: Vec::new(),
        expect: None,
        expect_under: Vec::new(),
        notes: Vec::new(),
        hints: Vec::new(),
        level: None,
        span: first_span,
    };
    let mut seen_id = false;
    let mut first = true;
    let mut translations = None;
    for (key, value) in entries {
        let kspan = if first { first_span } else { loc.key(&key) };
        first = false;
        match key.as_str() {
            "id" => {
                seen_id = true;
                match value.scalar_text() {
                    Some(id) => {
                        let span = loc.value(&id, kspan);
                        case.id = Name { text: id, span };
                    }
                    None => errors.push(Diagnostic::error(
                        Msg::IdNotString {
                            shape: value.shape(),
                        },
                        kspan,
                    )),
                }
            }
            "title" => case.title = value.scalar_text().map(|t| Text::plain(t, kspan)),
            "source" => case.source = value.scalar_text().map(|t| Text::plain(t, kspan)),
            "notes" | "hints" => {
                let texts: Vec<Text> = texts_of(&value)
                    .into_iter()
                    .map(|t| Text::plain(t, kspan))
                    .collect();
                if key == "notes" {
                    case.notes = texts;
                } else {
                    case.hints = texts;
                }
            }
            "translations" => translations = Some((value, kspan)),
            "level" => match value.scalar_text().as_deref() {
                Some(l @ ("easy" | "medium" | "hard")) => case.level = Some(l.to_string()),
                _ => errors.push(Diagnostic::error(Msg::BadLevel, kspan)),
            },
            "under" => match value {
                Raw::Str(s) => {
                    let span = loc.value(&s, kspan);
                    case.under.push(Name { text: s, span });
                }
                Raw::Seq(items) => {
                    for it in items {
                        match it.scalar_text() {
                            Some(s) => {
                                let span = loc.value(&s, kspan);
                                case.under.push(Name { text: s, span });
                            }
                            None => errors.push(Diagnostic::error(Msg::UnderListsIds, kspan)),
                        }
                    }
                }
                other => errors.push(Diagnostic::error(
                    Msg::UnderShape {
                        shape: other.shape(),
                    },
                    kspan,
                )),
            },
            "date" => {
                if let Some((d, span)) = date_of(&value, loc, kspan, &mut errors) {
                    set_time(&mut case, CaseTime::Date(d), span, &mut errors)
                }
            }
            "period" => {
                let Raw::Map(parts) = value else {
                    errors.push(Diagnostic::error(
                        Msg::PeriodNotMapping {
                            shape: value.shape(),
                        },
                        kspan,
                    ));
                    continue;
                };
                let (mut from, mut to) = (None, None);
                for (k, v) in parts {
                    let ks = loc.key(&k);
                    match k.as_str() {
                        "from" => from = date_of(&v, loc, ks, &mut errors),
                        "to" => to = date_of(&v, loc, ks, &mut errors),
                        other => errors.push(unknown_key(other, ks, &PERIOD_KEYS, Within::Period)),
                    }
                }
                match (from, to) {
                    (Some((f, fs)), Some((t, _))) => {
                        set_time(&mut case, CaseTime::Period(f, t), fs, &mut errors)
                    }
                    (None, _) | (_, None) if errors.is_empty() => {
                        errors.push(Diagnostic::error(Msg::PeriodNeedsBoth, kspan))
                    }
                    _ => {}
                }
            }
            "parties" => {
                let Raw::Map(parts) = value else {
                    errors.push(Diagnostic::error(
                        Msg::PartiesNotMapping {
                            shape: value.shape(),
                        },
                        kspan,
                    ));
                    continue;
                };
                for (k, v) in parts {
                    let ks = loc.key(&k);
                    let text = v.scalar_text().map(|t| Text::plain(t, ks));
                    match k.as_str() {
                        "transferor" => case.parties.transferor = text,
                        "recipient" => case.parties.recipient = text,
                        "beneficiary" => case.parties.beneficiary = text,
                        other => errors.push(unknown_key(other, ks, &PARTY_KEYS, Within::Parties)),
                    }
                }
            }
            "facts" => match value {
                Raw::Map(facts) => {
                    for (i, (name, v)) in facts.into_iter().enumerate() {
                        let ns = loc.key(&name);
                        // One error past the limit, at the first fact past it.
                        if i == super::MAX_FACTS {
                            errors.push(Diagnostic::error(
                                Msg::TooManyFacts {
                                    max: super::MAX_FACTS,
                                },
                                ns,
                            ));
                            break;
                        }
                        let (value, vspan) = fact_value(v, loc, ns);
                        case.facts.push(FactEntry {
                            name: Name {
                                text: name,
                                span: ns,
                            },
                            value,
                            value_span: vspan,
                        });
                    }
                }
                Raw::Null => {}
                other => errors.push(Diagnostic::error(
                    Msg::FactsNotMapping {
                        shape: other.shape(),
                    },
                    kspan,
                )),
            },
            // One expectation for every pack, or a list of them, each for every pack or (with
            // `under`) for one.
            "expect" => {
                let items = match value {
                    Raw::Seq(items) => items,
                    one => vec![one],
                };
                for item in items {
                    let e = expectation(item, loc, kspan, &mut errors);
                    if let Err(clause) = case.add_expectation(e) {
                        let twice = crate::syntax::Msg::CaseClauseTwice { clause };
                        errors.push(Diagnostic::error(twice, kspan));
                    }
                }
            }
            other => errors.push(unknown_key(other, kspan, &CASE_KEYS, Within::Case)),
        }
    }
    if let Some((value, kspan)) = translations {
        translate(&mut case, value, loc, kspan, &mut errors);
    }
    if !seen_id {
        errors.push(Diagnostic::error(Msg::NoId, first_span));
    }
    crate::diagnostic::cap(&mut errors, |n| {
        Diagnostic::error(
            crate::batch::Msg::MoreErrors {
                n,
                scope: crate::batch::Scope::Case,
            },
            first_span,
        )
    });
    if errors.is_empty() {
        out.cases.push(case);
    } else {
        out.rejected += 1;
        out.diagnostics.extend(errors);
    }
}

/// A string, or a list of strings.
fn texts_of(value: &Raw) -> Vec<String> {
    match value {
        Raw::Seq(items) => items.iter().filter_map(Raw::scalar_text).collect(),
        other => other.scalar_text().into_iter().collect(),
    }
}

/// Reads `translations: {ko: {title: …, source: …, notes: […], hints: […], parties: {…}}}`
/// into the case's texts. Each translated text needs its English one, and a list of notes or
/// hints as many items as the English.
fn translate(
    case: &mut CaseAst,
    value: Raw,
    loc: &mut Locator<'_>,
    kspan: Span,
    errors: &mut Vec<Diagnostic>,
) {
    let Raw::Map(langs) = value else {
        errors.push(Diagnostic::error(
            Msg::TranslationsNotMapping {
                shape: value.shape(),
            },
            kspan,
        ));
        return;
    };
    for (tag, texts) in langs {
        let ls = loc.key(&tag);
        let Some(lang) = crate::lang::Lang::parse(&tag).filter(|l| *l != crate::lang::Lang::En)
        else {
            errors.push(Diagnostic::error(
                Msg::UnknownLanguage {
                    tag: tag.clone(),
                    known: crate::lang::Lang::ALL
                        .iter()
                        .filter(|l| **l != crate::lang::Lang::En)
                        .map(|l| l.code())
                        .collect(),
                },
                ls,
            ));
            continue;
        };
        let Raw::Map(keys) = texts else {
            errors.push(Diagnostic::error(
                Msg::TranslationNotMapping {
                    tag: tag.clone(),
                    shape: texts.shape(),
                },
                ls,
            ));
            continue;
        };
        for (k, v) in keys {
            let ks = loc.key(&k);
            let missing = |key: &str| {
                Diagnostic::error(
                    Msg::NoEnglish {
                        key: key.to_string(),
                    },
                    ks,
                )
            };
            match k.as_str() {
                "title" | "source" => {
                    let slot = if k == "title" {
                        &mut case.title
                    } else {
                        &mut case.source
                    };
                    match (slot.as_mut(), v.scalar_text()) {
                        (Some(t), Some(x)) => t.tr.push((lang, x)),
                        (None, _) => errors.push(missing(&k)),
                        (_, None) => errors.push(Diagnostic::error(
                            Msg::NotString {
                                key: k.clone(),
                                shape: v.shape(),
                            },
                            ks,
                        )),
                    }
                }
                "notes" | "hints" => {
                    let list = if k == "notes" {
                        &mut case.notes
                    } else {
                        &mut case.hints
                    };
                    let xs = texts_of(&v);
                    if xs.len() != list.len() {
                        errors.push(Diagnostic::error(
                            Msg::TranslatedCount {
                                key: k.clone(),
                                given: xs.len(),
                                english: list.len(),
                            },
                            ks,
                        ));
                        continue;
                    }
                    for (t, x) in list.iter_mut().zip(xs) {
                        t.tr.push((lang, x));
                    }
                }
                "parties" => {
                    let Raw::Map(parts) = v else {
                        errors.push(Diagnostic::error(Msg::TranslatedPartiesNotMapping, ks));
                        continue;
                    };
                    for (p, name) in parts {
                        let ps = loc.key(&p);
                        let slot = match p.as_str() {
                            "transferor" => &mut case.parties.transferor,
                            "recipient" => &mut case.parties.recipient,
                            "beneficiary" => &mut case.parties.beneficiary,
                            other => {
                                errors.push(unknown_key(other, ps, &PARTY_KEYS, Within::Parties));
                                continue;
                            }
                        };
                        match (slot.as_mut(), name.scalar_text()) {
                            (Some(t), Some(x)) => t.tr.push((lang, x)),
                            _ => errors.push(Diagnostic::error(
                                Msg::PartyNoEnglish { role: p.clone() },
                                ps,
                            )),
                        }
                    }
                }
                other => errors.push(unknown_key(
                    other,
                    ks,
                    &TRANSLATED_KEYS,
                    Within::Translation,
                )),
            }
        }
    }
}

fn set_time(case: &mut CaseAst, time: CaseTime, span: Span, errors: &mut Vec<Diagnostic>) {
    if case.time.is_some() {
        errors.push(Diagnostic::error(Msg::DateAndPeriod, span));
    } else {
        case.time = Some((time, span));
    }
}

fn unknown_key(key: &str, span: Span, allowed: &[&'static str], within: Within) -> Diagnostic {
    Diagnostic::error(
        Msg::UnknownKey {
            key: key.to_string(),
            within,
            allowed: allowed.to_vec(),
        },
        span,
    )
    .suggest(key, allowed.iter().copied())
}

fn date_of(
    v: &Raw,
    loc: &mut Locator<'_>,
    near: Span,
    errors: &mut Vec<Diagnostic>,
) -> Option<(Date, Span)> {
    let Some(text) = v.scalar_text() else {
        errors.push(Diagnostic::error(Msg::DateShape { shape: v.shape() }, near));
        return None;
    };
    let span = loc.value(&text, near);
    match Date::parse(&text) {
        Some(d) => Some((d, span)),
        None => {
            errors.push(Diagnostic::error(Msg::NotADate { text }, span));
            None
        }
    }
}

fn fact_value(v: Raw, loc: &mut Locator<'_>, near: Span) -> (RawValue, Span) {
    match v {
        Raw::Null => (RawValue::Unknown, near),
        Raw::Bool(b) => (RawValue::Bool(b), loc.value(&b.to_string(), near)),
        Raw::Int(i) => (RawValue::Int(i), loc.value(&i.to_string(), near)),
        Raw::Float(f) => match loc.number() {
            // A whole number too large to read (JSON and YAML give it as a float): as written.
            Some((text, span))
                if text
                    .trim_start_matches(['-', '+'])
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
            {
                (RawValue::Other(Odd::TooLarge(text)), span)
            }
            _ => (RawValue::Other(Odd::Decimal(f.to_string())), near),
        },
        Raw::Str(s) if s == "unknown" => (RawValue::Unknown, loc.value(&s, near)),
        Raw::Str(s) => {
            let span = loc.value(&s, near);
            (RawValue::Text(s), span)
        }
        Raw::Seq(items) => {
            let mut list = Vec::new();
            let mut first = None;
            for it in items {
                match it.scalar_text() {
                    Some(s) => {
                        let span = loc.value(&s, near);
                        first.get_or_insert(span);
                        list.push((s, span));
                    }
                    None => {
                        return (RawValue::Other(Odd::ListHolding(it.shape())), near);
                    }
                }
            }
            (RawValue::List(list), first.unwrap_or(near))
        }
        Raw::Map(_) => (RawValue::Other(Odd::Mapping), near),
    }
}

fn expectation(
    v: Raw,
    loc: &mut Locator<'_>,
    kspan: Span,
    errors: &mut Vec<Diagnostic>,
) -> Expectation {
    let mut e = Expectation {
        span: Some(kspan),
        ..Expectation::default()
    };
    let Raw::Map(entries) = v else {
        errors.push(Diagnostic::error(
            Msg::ExpectNotMapping { shape: v.shape() },
            kspan,
        ));
        return e;
    };
    for (k, v) in entries {
        let ks = loc.key(&k);
        let names = |v: Raw, loc: &mut Locator<'_>, errors: &mut Vec<Diagnostic>| -> Vec<Name> {
            let items = match v {
                Raw::Seq(items) => items,
                Raw::Null => Vec::new(),
                one @ Raw::Str(_) => vec![one],
                other => {
                    errors.push(Diagnostic::error(
                        Msg::ListShape {
                            shape: other.shape(),
                        },
                        ks,
                    ));
                    return Vec::new();
                }
            };
            items
                .into_iter()
                .filter_map(|it| it.scalar_text())
                .map(|s| {
                    let span = loc.value(&s, ks);
                    Name { text: s, span }
                })
                .collect()
        };
        match k.as_str() {
            "under" => match v.scalar_text() {
                Some(s) => {
                    let span = loc.value(&s, ks);
                    e.under = Some(Name { text: s, span });
                }
                None => errors.push(Diagnostic::error(Msg::ExpectUnderValue, ks)),
            },
            "classification" => match v.scalar_text() {
                Some(s) => {
                    let span = loc.value(&s, ks);
                    e.classification = Some(Name { text: s, span });
                }
                None => errors.push(Diagnostic::error(Msg::ClassificationValue, ks)),
            },
            "lawful" | "applies" => {
                let l = match &v {
                    Raw::Bool(true) => Some(ExpectLawful::Yes),
                    Raw::Bool(false) => Some(ExpectLawful::No),
                    Raw::Null => Some(ExpectLawful::Unknown),
                    Raw::Str(s) => match s.as_str() {
                        "yes" | "true" => Some(ExpectLawful::Yes),
                        "no" | "false" => Some(ExpectLawful::No),
                        "unknown" => Some(ExpectLawful::Unknown),
                        _ => None,
                    },
                    _ => None,
                };
                match l {
                    Some(l) if k == "applies" => e.applies = Some((l, ks)),
                    Some(l) => e.lawful = Some((l, ks)),
                    None => {
                        errors.push(Diagnostic::error(Msg::LawfulValue { shape: v.shape() }, ks))
                    }
                }
            }
            "violations" => e.include = names(v, loc, errors),
            "violations_exclude" => e.exclude = names(v, loc, errors),
            "because" => e.because = names(v, loc, errors),
            other => errors.push(unknown_key(other, ks, &EXPECT_KEYS, Within::Expect)),
        }
    }
    e
}
