//! Diagnostics: what went wrong in an input, where, and what the user might have meant.
//!
//! Every stage (parsing, checking, reading cases, reading files) reports problems as
//! [`Diagnostic`]s carrying a [`Span`] and a typed message: a variant of the stage's own enum
//! ([`crate::syntax::Msg`], [`crate::check::Msg`], [`crate::case::Msg`], [`crate::batch::Msg`],
//! [`crate::library::Msg`]) with the names and numbers it speaks of. The words of each message
//! (the message, the label under the underline, the help line) are in the wording layer, one
//! version per language ([`crate::words::CheckWords`], [`crate::words::ReadWords`]).
//! [`Diagnostic::render_in`] prints a diagnostic the way compilers do, with the file, line and
//! column, the source line and the offending text underlined, in the language of the words
//! given; [`Diagnostic::render`] prints it in English.

use crate::source::{SourceMap, Span};
use crate::words::{En, Words};
use std::fmt::Write as _;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The input is still usable.
    Warning,
    /// The input cannot be used.
    Error,
}

/// What a diagnostic says, by the stage that found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Parsing a statute or case file.
    Syntax(crate::syntax::Msg),
    /// Checking a pack.
    Check(crate::check::Msg),
    /// Reading a case and binding it to a pack.
    Case(crate::case::Msg),
    /// Finding and reading case files.
    Batch(crate::batch::Msg),
    /// Finding and reading statute packs.
    Library(crate::library::Msg),
}

impl From<crate::syntax::Msg> for Msg {
    fn from(m: crate::syntax::Msg) -> Self {
        Msg::Syntax(m)
    }
}

impl From<crate::check::Msg> for Msg {
    fn from(m: crate::check::Msg) -> Self {
        Msg::Check(m)
    }
}

impl From<crate::case::Msg> for Msg {
    fn from(m: crate::case::Msg) -> Self {
        Msg::Case(m)
    }
}

impl From<crate::batch::Msg> for Msg {
    fn from(m: crate::batch::Msg) -> Self {
        Msg::Batch(m)
    }
}

impl From<crate::library::Msg> for Msg {
    fn from(m: crate::library::Msg) -> Self {
        Msg::Library(m)
    }
}

impl Msg {
    /// The message in words: the message itself, its label and its help.
    pub fn said(&self, w: &dyn Words) -> Said {
        match self {
            Msg::Syntax(m) => w.syntax_said(m),
            Msg::Check(m) => w.check_said(m),
            Msg::Case(m) => w.case_said(m),
            Msg::Batch(m) => w.batch_said(m),
            Msg::Library(m) => w.library_said(m),
        }
    }
}

/// A message in the words of one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Said {
    /// One line, lower case (in English), no final period; user text in backticks.
    pub message: String,
    /// A short label printed under the underline.
    pub label: Option<String>,
    /// A help line.
    pub help: Option<String>,
}

impl Said {
    /// A message without label or help.
    pub fn new(message: impl Into<String>) -> Self {
        Said {
            message: message.into(),
            label: None,
            help: None,
        }
    }

    /// Adds a label.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// An input error the operating system reported (a file that cannot be read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IoProblem {
    /// Its kind, which the wording layer can put in words.
    pub kind: std::io::ErrorKind,
    /// The system's own words, in English.
    pub text: String,
}

impl From<&std::io::Error> for IoProblem {
    fn from(e: &std::io::Error) -> Self {
        IoProblem {
            kind: e.kind(),
            text: e.to_string(),
        }
    }
}

impl From<std::io::Error> for IoProblem {
    fn from(e: std::io::Error) -> Self {
        IoProblem::from(&e)
    }
}

/// One problem found in an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, with the names and numbers it speaks of (boxed, to keep diagnostics
    /// small in `Result`s).
    pub msg: Box<Msg>,
    /// Where; `None` for problems with no place in a text (an unreadable file).
    pub span: Option<Span>,
    /// A name close to the one written, offered as "did you mean `…`?" (in place of the
    /// message's own help).
    pub suggestion: Option<String>,
    /// The file name when there is no span (e.g. a file that cannot be read).
    pub file: Option<String>,
}

impl Diagnostic {
    /// An error at a span.
    pub fn error(msg: impl Into<Msg>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Error,
            msg: Box::new(msg.into()),
            span: Some(span),
            suggestion: None,
            file: None,
        }
    }

    /// A warning at a span.
    pub fn warning(msg: impl Into<Msg>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(msg, span)
        }
    }

    /// An error about a whole file (unreadable, unknown extension).
    pub fn file_error(msg: impl Into<Msg>, file: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            msg: Box::new(msg.into()),
            span: None,
            suggestion: None,
            file: Some(file.into()),
        }
    }

    /// Offers "did you mean" help when a candidate is close to `wrong`.
    pub fn suggest<'a>(
        mut self,
        wrong: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        if let Some(best) = did_you_mean(wrong, candidates) {
            self.suggestion = Some(best.to_string());
        }
        self
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message, label and help in the words given; the help is "did you mean" when a
    /// close name was found.
    pub fn said(&self, w: &dyn Words) -> Said {
        let mut said = self.msg.said(w);
        if let Some(best) = &self.suggestion {
            said.help = Some(w.did_you_mean(best));
        }
        said
    }

    /// The message in English, as `# expect error` lines of case files quote it.
    pub fn message(&self) -> String {
        self.msg.said(&En).message
    }

    /// The message in the words given.
    pub fn message_in(&self, w: &dyn Words) -> String {
        self.msg.said(w).message
    }

    /// The help line in the words given, if any.
    pub fn help_in(&self, w: &dyn Words) -> Option<String> {
        self.said(w).help
    }

    /// `file:line:col` of the diagnostic, or the file alone.
    pub fn location(&self, sources: &SourceMap) -> String {
        match self.span.and_then(|s| sources.locate(s)) {
            Some((file, lc)) => format!("{file}:{lc}"),
            None => self.file.clone().unwrap_or_else(|| "<input>".to_string()),
        }
    }

    /// Renders the diagnostic as plain text in English; see [`Diagnostic::render_in`].
    pub fn render(&self, sources: &SourceMap) -> String {
        self.render_in(sources, &En)
    }

    /// Renders the diagnostic as plain text in the words given:
    ///
    /// ```text
    /// error: unknown fact `procesing_serves`
    ///   --> cases/kr/x.case:12:3
    ///    |
    /// 12 |   procesing_serves = third_party
    ///    |   ^^^^^^^^^^^^^^^^ not a fact of pack `kr`
    ///    = help: did you mean `processing_serves`?
    /// ```
    pub fn render_in(&self, sources: &SourceMap, w: &dyn Words) -> String {
        let mut out = String::new();
        let said = self.said(w);
        let _ = writeln!(out, "{}: {}", w.severity(self.severity), said.message);
        let help_word = w.help_word();
        let located = self.span.and_then(|s| Some((s, sources.get(s.source)?)));
        match located {
            Some((span, file)) => {
                let lc = file.line_col(span.start);
                let line_no = lc.line.to_string();
                let pad = " ".repeat(line_no.len());
                let _ = writeln!(out, "{pad}--> {}:{lc}", file.name);
                let _ = writeln!(out, "{pad} |");
                let line = file.line_text(lc.line);
                let _ = writeln!(out, "{line_no} | {line}");
                // Underline the part of the span on its first line (at least one caret).
                let end_lc = file.line_col(span.end);
                let width = if end_lc.line == lc.line {
                    end_lc.col.saturating_sub(lc.col).max(1)
                } else {
                    u32::try_from(line.chars().count())
                        .unwrap_or(0)
                        .saturating_sub(lc.col - 1)
                        .max(1)
                };
                let lead: String = line
                    .chars()
                    .take(lc.col.saturating_sub(1) as usize)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let carets = "^".repeat(width as usize);
                match &said.label {
                    Some(label) => {
                        let _ = writeln!(out, "{pad} | {lead}{carets} {label}");
                    }
                    None => {
                        let _ = writeln!(out, "{pad} | {lead}{carets}");
                    }
                }
                if let Some(help) = &said.help {
                    let _ = writeln!(out, "{pad} = {help_word}: {help}");
                }
            }
            None => {
                if let Some(file) = &self.file {
                    let _ = writeln!(out, "  --> {file}");
                }
                if let Some(help) = &said.help {
                    let _ = writeln!(out, "  = {help_word}: {help}");
                }
            }
        }
        out
    }
}

/// The candidate closest to `wrong`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(f64, &'a str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(wrong, c);
        let lev = strsim::levenshtein(wrong, c);
        let close = score >= 0.85 || lev <= 2 || (lev <= 3 && wrong.len() >= 8);
        if close && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Counts errors among diagnostics.
pub fn error_count(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.is_error()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["processing_serves", "recipient_own_use", "consideration"];
        assert_eq!(
            did_you_mean("procesing_serves", names),
            Some("processing_serves")
        );
        assert_eq!(did_you_mean("considration", names), Some("consideration"));
        assert_eq!(did_you_mean("weather", names), None);
    }

    #[test]
    fn renders_line_and_underline() {
        let mut sm = SourceMap::new();
        let id = sm.add("x.case", "facts\n  procesing_serves = third_party\n");
        let d = Diagnostic::error(
            crate::case::Msg::UnknownFact {
                name: "procesing_serves".into(),
                pack: "kr".into(),
            },
            Span::new(id, 8, 24),
        )
        .suggest("procesing_serves", ["processing_serves"]);
        let text = d.render(&sm);
        assert_eq!(
            text,
            "error: unknown fact `procesing_serves`\n --> x.case:2:3\n  |\n2 |   procesing_serves = third_party\n  |   ^^^^^^^^^^^^^^^^ not a fact of pack `kr`\n  = help: did you mean `processing_serves`?\n"
        );
    }
}
