//! Cases: read from the case language, YAML or JSON Lines into [`CaseAst`]s, then bound to a
//! pack's fact slots (`bind`).

pub mod bind;
pub mod fastjson;
mod locate;
mod msg;
pub mod nesting;
pub mod yaml;

pub use bind::{BoundCase, bind};
pub use msg::{Found, Msg, Shape, Within};

use crate::diagnostic::Diagnostic;
use crate::source::{SourceId, SourceMap};
use crate::syntax::ast::CaseAst;

/// The most facts one case gives (entries of `facts`, in every form): 1,000, far more than any
/// pack has. A case that gives more is refused with one error at the first fact past the
/// limit (not one per fact).
pub const MAX_FACTS: usize = 1_000;

/// The longest line of JSON Lines read, in bytes, not counting its line break: 1 MiB, far more
/// than any case takes. A longer line is an error at its line, and a reader that reads line by
/// line (`eval`, see [`crate::stream::jsonl_blocks`]) keeps no more of it than the limit.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The forms a case file can take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The case language.
    Case,
    /// YAML: one case or a sequence.
    Yaml,
    /// JSON Lines: one case per line.
    Jsonl,
}

impl Format {
    /// The form of a file, by its extension.
    pub fn of_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "case" => Some(Format::Case),
            "yaml" | "yml" => Some(Format::Yaml),
            "jsonl" | "json" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// Cases read from one text, and the errors of those that could not be read. A case that fails
/// is reported and the others are kept.
#[derive(Debug, Default)]
pub struct ReadCases {
    /// The cases read.
    pub cases: Vec<CaseAst>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
    /// How many cases could not be read: each case with errors counts one, whatever their
    /// number, and so does a whole text that does not parse (its cases cannot be told apart).
    pub rejected: usize,
}

/// Reads the cases of a file's bytes, added to `sources` as text (see
/// [`crate::source::decode`]); `first_line` is the line of the file the bytes start at. Bytes
/// that are not UTF-8 reject the file at the first of them, except in JSON Lines, where they
/// reject their line and the other lines are read.
pub fn read_bytes(
    sources: &mut SourceMap,
    name: &str,
    first_line: u32,
    bytes: Vec<u8>,
    format: Format,
) -> (SourceId, ReadCases) {
    let (id, bad) = sources.add_bytes(name, bytes, first_line);
    let read = match (format, bad.first()) {
        (_, None) => read(sources, id, format),
        (Format::Jsonl, Some(_)) => match sources.get(id) {
            Some(file) => {
                let mut r = yaml::read_jsonl_except(id, &file.text, &bad);
                // A line longer than the limit is refused as such, whatever its bytes.
                let bad: Vec<_> = bad
                    .into_iter()
                    .filter(|b| !in_long_line(&file.text, b.offset))
                    .collect();
                // Each line that is not UTF-8 is a case rejected.
                r.rejected += bad.len();
                // Past the first errors, the lines that are not UTF-8 are only counted.
                let max = crate::diagnostic::MAX_ERRORS;
                for b in bad.iter().take(max) {
                    r.diagnostics.push(sources.not_utf8(id, *b));
                }
                if bad.len() > max {
                    r.diagnostics.push(Diagnostic::error(
                        crate::batch::Msg::MoreErrors {
                            n: bad.len() - max,
                            scope: crate::batch::Scope::File,
                        },
                        crate::source::Span::new(id, 0, 0),
                    ));
                }
                // In the order of the lines.
                r.diagnostics.sort_by_key(|d| d.span.map_or(0, |s| s.start));
                r
            }
            None => ReadCases::default(),
        },
        (_, Some(first)) => ReadCases {
            cases: Vec::new(),
            diagnostics: vec![sources.not_utf8(id, *first)],
            rejected: 1,
        },
    };
    (id, read)
}

/// Reads the cases of a text already added to `sources`.
///
/// A text that holds no case (nothing but white space, or only comments, or YAML's empty
/// document or empty list) gets one warning, "the file holds no case", naming the file: the
/// same in every form, as a folder holding no case file is a warning.
pub fn read(sources: &SourceMap, source: SourceId, format: Format) -> ReadCases {
    let Some(file) = sources.get(source) else {
        return ReadCases::default();
    };
    let mut read = match format {
        // The case language's grammar wants a case; a text of comments holds none.
        Format::Case if only_comments(&file.text) => ReadCases::default(),
        Format::Case => match crate::syntax::parse_cases(source, &file.text) {
            Ok(cases) => {
                let mut read = ReadCases::default();
                for case in cases {
                    match too_many_facts(&case) {
                        Some(d) => {
                            read.diagnostics.push(d);
                            read.rejected += 1;
                        }
                        None => read.cases.push(case),
                    }
                }
                read
            }
            Err(diagnostics) => ReadCases {
                diagnostics,
                rejected: 1,
                ..ReadCases::default()
            },
        },
        Format::Yaml => yaml::read_yaml(source, &file.text),
        Format::Jsonl => yaml::read_jsonl(source, &file.text),
    };
    if read.cases.is_empty() && read.diagnostics.is_empty() {
        read.diagnostics
            .push(Diagnostic::file_warning(Msg::NoCase, file.name.clone()));
    }
    // An error a reader reported without counting the case it rejected still rejects one:
    // the run's exit code follows the count.
    if read.rejected == 0 && read.diagnostics.iter().any(Diagnostic::is_error) {
        read.rejected = 1;
    }
    read
}

/// Whether the byte at `at` of `text` is in a line longer than [`MAX_LINE_BYTES`].
fn in_long_line(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', bytes.get(..at).unwrap_or(&[])).map_or(0, |p| p + 1);
    let end = memchr::memchr(b'\n', bytes.get(at..).unwrap_or(&[])).map_or(bytes.len(), |p| at + p);
    let line = bytes.get(start..end).unwrap_or(&[]);
    line.strip_suffix(b"\r").unwrap_or(line).len() > MAX_LINE_BYTES
}

/// The error of a case that gives more than [`MAX_FACTS`] facts, at the first past the limit.
fn too_many_facts(case: &CaseAst) -> Option<Diagnostic> {
    let past = case.facts.get(MAX_FACTS)?;
    Some(Diagnostic::error(
        Msg::TooManyFacts { max: MAX_FACTS },
        past.name.span,
    ))
}

/// Whether a text in the case language is nothing but white space and `#` comments.
fn only_comments(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim_matches([' ', '\t', '\r']);
        l.is_empty() || l.starts_with('#')
    })
}
