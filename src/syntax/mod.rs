//! Parsing: the pest grammars of `grammar/` and their lowering into [`ast`] nodes with spans.
//!
//! Pest types stay inside this module: [`parse_statute`] and [`parse_cases`] return our own
//! AST or [`Diagnostic`]s.

pub mod ast;
mod case;
mod msg;
mod statute;

pub use case::parse_cases;
pub use msg::{CaseClause, Expected, Msg};
pub use statute::parse_statute;

use crate::diagnostic::Diagnostic;
use crate::source::{SourceId, Span};

/// How deep conditions may nest before the parser refuses them.
pub const MAX_EXPR_DEPTH: usize = 64;

/// Refuses, before pest sees it, a text whose brackets nest, or whose `not`s repeat, deeper than
/// [`MAX_EXPR_DEPTH`]: both parsers recurse on them, and a deep enough input would exhaust the
/// stack instead of giving an error.
fn nesting_guard(source: SourceId, text: &str) -> Result<(), Diagnostic> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut nots = 0usize;
    let mut i = 0;
    let mut in_string = false;
    while let Some(&b) = bytes.get(i) {
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' | b'\n' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'#' => {
                while bytes.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
                continue;
            }
            b'(' | b'{' => depth += 1,
            b')' | b'}' => depth = depth.saturating_sub(1),
            b'n' if text.get(i..i + 3) == Some("not")
                && !bytes
                    .get(i + 3)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                && !i
                    .checked_sub(1)
                    .and_then(|j| bytes.get(j))
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') =>
            {
                nots += 1;
                i += 3;
                if nots > MAX_EXPR_DEPTH {
                    return Err(Diagnostic::error(
                        Msg::TooManyNots {
                            max: MAX_EXPR_DEPTH,
                        },
                        Span::new(source, i - 3, i),
                    ));
                }
                continue;
            }
            b if b.is_ascii_whitespace() => {}
            _ => nots = 0,
        }
        if depth > MAX_EXPR_DEPTH {
            return Err(Diagnostic::error(
                Msg::BracketsTooDeep {
                    max: MAX_EXPR_DEPTH,
                },
                Span::new(source, i, i + 1),
            ));
        }
        i += 1;
    }
    Ok(())
}

/// The span of a pest pair.
fn span_of(source: SourceId, pair: &pest::iterators::Pair<'_, impl pest::RuleType>) -> Span {
    let s = pair.as_span();
    Span::new(source, s.start(), s.end())
}

/// Unescapes the inside of a string literal.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Turns a pest error into a diagnostic, naming the expected things.
fn pest_error<R: pest::RuleType>(
    source: SourceId,
    text: &str,
    err: pest::error::Error<R>,
    describe: fn(&R) -> Option<Expected>,
) -> Diagnostic {
    use pest::error::{ErrorVariant, InputLocation};
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    // Underline the word found at the error position.
    let rest = text.get(pos..).unwrap_or("");
    let word_len = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(rest.len(), |(i, _)| i)
        .max(1)
        .min(rest.len().max(1));
    let found: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace())
        .take(30)
        .collect();
    let span = Span::new(source, pos, (pos + word_len).min(text.len().max(pos)));
    let message = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            // In the order of their English names, in every language.
            let mut expected: Vec<(String, Expected)> = positives
                .iter()
                .filter_map(describe)
                .map(|e| (crate::words::ReadWords::expected(&crate::words::En, e), e))
                .collect();
            expected.sort_by(|a, b| a.0.cmp(&b.0));
            expected.dedup_by(|a, b| a.0 == b.0);
            Msg::Unexpected {
                found,
                expected: expected.into_iter().map(|(_, e)| e).collect(),
            }
        }
        ErrorVariant::CustomError { message } => Msg::Parser {
            text: message.clone(),
        },
    };
    Diagnostic::error(message, span)
}
