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
}

/// Reads the cases of a text already added to `sources`.
pub fn read(sources: &SourceMap, source: SourceId, format: Format) -> ReadCases {
    let Some(file) = sources.get(source) else {
        return ReadCases::default();
    };
    match format {
        Format::Case => match crate::syntax::parse_cases(source, &file.text) {
            Ok(cases) => ReadCases {
                cases,
                diagnostics: Vec::new(),
            },
            Err(diagnostics) => ReadCases {
                cases: Vec::new(),
                diagnostics,
            },
        },
        Format::Yaml => yaml::read_yaml(source, &file.text),
        Format::Jsonl => yaml::read_jsonl(source, &file.text),
    }
}
