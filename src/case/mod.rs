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
            Ok(cases) => ReadCases {
                cases,
                ..ReadCases::default()
            },
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

/// Whether a text in the case language is nothing but white space and `#` comments.
fn only_comments(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim_matches([' ', '\t', '\r']);
        l.is_empty() || l.starts_with('#')
    })
}
