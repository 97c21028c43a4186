//! Diagnostics: what went wrong in an input, where, and what the user might have meant.
//!
//! Every stage (parsing, checking, reading cases) reports problems as [`Diagnostic`]s carrying a
//! [`Span`]; [`Diagnostic::render`] prints them the way compilers do, with the file, line and
//! column, the source line and the offending text underlined.

use crate::source::{SourceMap, Span};
use std::fmt::Write as _;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The input is still usable.
    Warning,
    /// The input cannot be used.
    Error,
}

/// One problem found in an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// One line, lower case, no final period; user text in backticks.
    pub message: String,
    /// Where; `None` for problems with no place in a text (an unreadable file).
    pub span: Option<Span>,
    /// A short label printed under the underline.
    pub label: Option<String>,
    /// A suggestion, e.g. "did you mean `processing_serves`?".
    pub help: Option<String>,
    /// The file name when there is no span (e.g. a file that cannot be read).
    pub file: Option<String>,
}

impl Diagnostic {
    /// An error at a span.
    pub fn error(message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: Some(span),
            label: None,
            help: None,
            file: None,
        }
    }

    /// A warning at a span.
    pub fn warning(message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message, span)
        }
    }

    /// An error about a whole file (unreadable, unknown extension).
    pub fn file_error(message: impl Into<String>, file: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            label: None,
            help: None,
            file: Some(file.into()),
        }
    }

    /// Adds a label under the underline.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds "did you mean" help when a candidate is close to `wrong`.
    pub fn suggest<'a>(self, wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Self {
        match did_you_mean(wrong, candidates) {
            Some(best) => self.with_help(format!("did you mean `{best}`?")),
            None => self,
        }
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col` of the diagnostic, or the file alone.
    pub fn location(&self, sources: &SourceMap) -> String {
        match self.span.and_then(|s| sources.locate(s)) {
            Some((file, lc)) => format!("{file}:{lc}"),
            None => self.file.clone().unwrap_or_else(|| "<input>".to_string()),
        }
    }

    /// Renders the diagnostic as plain text:
    ///
    /// ```text
    /// error: unknown fact `procesing_serves`
    ///   --> cases/kr/x.case:12:3
    ///    |
    /// 12 |   procesing_serves = third_party
    ///    |   ^^^^^^^^^^^^^^^^ not a fact of pack `kr`
    ///    = help: did you mean `processing_serves`?
    /// ```
    pub fn render(&self, sources: &SourceMap) -> String {
        let mut out = String::new();
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{kind}: {}", self.message);
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
                match &self.label {
                    Some(label) => {
                        let _ = writeln!(out, "{pad} | {lead}{carets} {label}");
                    }
                    None => {
                        let _ = writeln!(out, "{pad} | {lead}{carets}");
                    }
                }
                if let Some(help) = &self.help {
                    let _ = writeln!(out, "{pad} = help: {help}");
                }
            }
            None => {
                if let Some(file) = &self.file {
                    let _ = writeln!(out, "  --> {file}");
                }
                if let Some(help) = &self.help {
                    let _ = writeln!(out, "  = help: {help}");
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
        let d = Diagnostic::error("unknown fact `procesing_serves`", Span::new(id, 8, 24))
            .with_label("not a fact of pack `kr`")
            .suggest("procesing_serves", ["processing_serves"]);
        let text = d.render(&sm);
        assert_eq!(
            text,
            "error: unknown fact `procesing_serves`\n --> x.case:2:3\n  |\n2 |   procesing_serves = third_party\n  |   ^^^^^^^^^^^^^^^^ not a fact of pack `kr`\n  = help: did you mean `processing_serves`?\n"
        );
    }
}
