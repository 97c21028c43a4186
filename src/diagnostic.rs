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

    /// A warning about a whole file or folder (one that holds no case).
    pub fn file_warning(msg: impl Into<Msg>, file: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::file_error(msg, file)
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

    /// How many errors this diagnostic stands for: a count of errors not reported stands for
    /// them; another error for one; a warning for none.
    pub fn weight(&self) -> usize {
        match &*self.msg {
            Msg::Batch(crate::batch::Msg::MoreErrors { n, .. }) => *n,
            _ => usize::from(self.is_error()),
        }
    }

    /// Whether this is a count of errors not reported.
    pub fn is_count(&self) -> bool {
        matches!(&*self.msg, Msg::Batch(crate::batch::Msg::MoreErrors { .. }))
    }

    /// Whether the rendering quotes the source line (a count of errors not reported only
    /// names its place).
    fn quotes_source(&self) -> bool {
        !self.is_count()
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
                if !self.quotes_source() {
                    if let Some(help) = &said.help {
                        let _ = writeln!(out, "{pad} = {help_word}: {help}");
                    }
                    return out;
                }
                let _ = writeln!(out, "{pad} |");
                let range = file.line_range(lc.line);
                let line = file.line_text(lc.line);
                // The underline: the part of the span on its first line (at least one caret).
                let start = (span.start as usize).clamp(range.start, range.end) - range.start;
                let end = (span.end as usize).clamp(range.start, range.end) - range.start;
                let shown = Window::around(line, start, end.max(start));
                let _ = writeln!(out, "{line_no} | {}", shown.text);
                let carets = "^".repeat(shown.carets);
                let lead = &shown.lead;
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

/// The most columns of a source line shown under a diagnostic: a longer line is cut to a window
/// around the place, with `…` where it is cut, so that an error in a line of megabytes prints a
/// line of a terminal's width.
pub const MAX_SHOWN_COLUMNS: usize = 120;

/// The columns shown before the place, when a line is cut (more when the line ends soon after).
const COLUMNS_BEFORE: usize = 40;

/// A source line as shown under a diagnostic: the text (cut around the place if long, control
/// characters made visible), the white space that leads to the place (tabs kept, so that
/// terminals line both up alike; wide characters counted as two columns), and the width of the
/// underline.
struct Window {
    text: String,
    lead: String,
    carets: usize,
}

impl Window {
    /// The window of `line` around bytes `start..end` (offsets in the line, `start <= end`).
    fn around(line: &str, start: usize, end: usize) -> Window {
        let floor = |mut i: usize| {
            i = i.min(line.len());
            while !line.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let (start, end) = (floor(start), floor(end));
        let cols = |c: char| {
            if c == '\t' {
                1
            } else {
                crate::source::char_columns(c)
            }
        };
        // The bytes shown: all of a short line (no line of this many bytes is wider); else
        // up to COLUMNS_BEFORE columns before the place, and after it what the width leaves.
        let (from, to) = if line.len() <= MAX_SHOWN_COLUMNS {
            (0, line.len())
        } else {
            let budget = MAX_SHOWN_COLUMNS - 2;
            let mut from = start;
            let mut used = 0;
            for (i, c) in line.get(..start).unwrap_or("").char_indices().rev() {
                if used + cols(c) > COLUMNS_BEFORE {
                    break;
                }
                used += cols(c);
                from = i;
            }
            let mut to = start;
            for (i, c) in line.get(start..).unwrap_or("").char_indices() {
                if used + cols(c) > budget {
                    break;
                }
                used += cols(c);
                to = start + i + c.len_utf8();
            }
            // A line that ends soon after the place shows more of what comes before.
            if to == line.len() {
                for (i, c) in line.get(..from).unwrap_or("").char_indices().rev() {
                    if used + cols(c) > budget {
                        break;
                    }
                    used += cols(c);
                    from = i;
                }
            }
            (from, to)
        };
        let mut text = String::new();
        let mut lead = String::new();
        if from > 0 {
            text.push('…');
            lead.push(' ');
        }
        let mut carets = 0;
        for (i, c) in line.get(from..to).unwrap_or("").char_indices() {
            let at = from + i;
            let shown = visible(c);
            text.push(shown);
            if at < start {
                if c == '\t' {
                    lead.push('\t');
                } else {
                    lead.extend(std::iter::repeat_n(' ', crate::source::char_columns(shown)));
                }
            } else if at < end {
                carets += cols(shown);
            }
        }
        if to < line.len() {
            text.push('…');
        }
        Window {
            text,
            lead,
            carets: carets.max(1),
        }
    }
}

/// A character as shown in a quoted source line: control characters (which a terminal would
/// act on, or not show) as their visible pictures (`␀` for NUL); the others as they are.
fn visible(c: char) -> char {
    match u32::from(c) {
        n @ 0..=0x08 | n @ 0x0A..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => c,
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

/// The most errors reported for one case, one line of JSON Lines, or one file; the others are
/// counted ("… and 9,980 more errors in this line").
pub const MAX_ERRORS: usize = 20;

/// Keeps the first [`MAX_ERRORS`] errors of `diags` and all the warnings; the errors after them
/// are counted, and `more` makes the diagnostic that says how many (when there are any). A
/// count already in `diags` (of the errors of one case, say) is kept when the errors before it
/// are, and added to the new count when they are not.
pub fn cap(diags: &mut Vec<Diagnostic>, more: impl FnOnce(usize) -> Diagnostic) {
    let (mut kept, mut hidden) = (0usize, 0usize);
    diags.retain(|d| {
        // A count already made follows the errors it comes after: kept if they all are.
        let dropped = if d.is_count() {
            hidden > 0
        } else {
            d.is_error() && kept >= MAX_ERRORS
        };
        if dropped {
            hidden += d.weight();
            return false;
        }
        kept += usize::from(d.is_error() && !d.is_count());
        true
    });
    if hidden > 0 {
        diags.push(more(hidden));
    }
}

/// [`cap`] for the diagnostics of a run, file by file (by the text their span points into, or
/// the file they name), each file's count placed after its last diagnostic kept.
pub fn cap_per_file(diags: Vec<Diagnostic>, sources: &SourceMap) -> Vec<Diagnostic> {
    let file_of = |d: &Diagnostic| -> String {
        d.span
            .and_then(|s| sources.get(s.source))
            .map(|f| f.name.clone())
            .or_else(|| d.file.clone())
            .unwrap_or_default()
    };
    // Per file: errors kept, errors not reported, the place of its last diagnostic kept.
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut files: Vec<(String, usize, usize, usize)> = Vec::new();
    let mut kept: Vec<Diagnostic> = Vec::new();
    for d in diags {
        let name = file_of(&d);
        let i = *index.entry(name.clone()).or_insert_with(|| {
            files.push((name, 0, 0, 0));
            files.len() - 1
        });
        let Some(f) = files.get_mut(i) else {
            continue;
        };
        let dropped = if d.is_count() {
            f.2 > 0
        } else {
            d.is_error() && f.1 >= MAX_ERRORS
        };
        if dropped {
            f.2 += d.weight();
            continue;
        }
        f.1 += usize::from(d.is_error() && !d.is_count());
        kept.push(d);
        f.3 = kept.len();
    }
    // Each file's count after its last diagnostic kept.
    let mut counts: Vec<(usize, Diagnostic)> = files
        .into_iter()
        .filter(|f| f.2 > 0)
        .map(|(name, _, hidden, at)| {
            let more = crate::batch::Msg::MoreErrors {
                n: hidden,
                scope: crate::batch::Scope::File,
            };
            (at, Diagnostic::file_error(more, name))
        })
        .collect();
    counts.sort_by_key(|c| c.0);
    let mut counts = counts.into_iter().peekable();
    let mut out = Vec::with_capacity(kept.len() + counts.len());
    for (i, d) in kept.into_iter().enumerate() {
        while let Some((_, c)) = counts.next_if(|c| c.0 <= i) {
            out.push(c);
        }
        out.push(d);
    }
    out.extend(counts.map(|c| c.1));
    out
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

    /// The columns of a text shown under a diagnostic (a tab lines up with a tab).
    fn shown_columns(s: &str) -> usize {
        s.chars()
            .map(|c| {
                if c == '\t' {
                    1
                } else {
                    crate::source::char_columns(c)
                }
            })
            .sum()
    }

    #[test]
    fn a_window_keeps_the_underline_under_the_place_and_its_width_bounded() {
        let pieces = ["a", "가", "\t", "é", "\u{0}", "😀", "xy"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            usize::try_from(seed >> 33).unwrap_or(0) % n
        };
        for _ in 0..300 {
            let len = next(400);
            let line: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            let starts: Vec<usize> = line.char_indices().map(|(i, _)| i).collect();
            let start = starts.get(next(starts.len().max(1))).copied().unwrap_or(0);
            let end = (start + next(12)).min(line.len());
            let w = Window::around(&line, start, end);
            assert!(shown_columns(&w.text) <= MAX_SHOWN_COLUMNS + 2, "{line:?}");
            // The lead is as wide as the text shown before the place, and the place's
            // character comes right after it.
            let lead = shown_columns(&w.lead);
            let mut cols = 0;
            let mut after = None;
            for c in w.text.chars() {
                if cols == lead {
                    after = Some(c);
                    break;
                }
                cols += shown_columns(&c.to_string());
            }
            let first = line.get(start..).unwrap_or("").chars().next().map(visible);
            assert_eq!(after, first, "{line:?} at {start}");
        }
    }

    /// The English words that would give away an English sentence.
    const ENGLISH: [&str; 12] = [
        " the ",
        " of ",
        " is ",
        " and ",
        " not ",
        " a ",
        " an ",
        " must ",
        "did you mean",
        "error",
        "warning",
        "help",
    ];

    /// One message of every variant of every stage. The `index` functions below match every
    /// variant without a wildcard, so a variant added to a stage does not compile until it is
    /// given an index, and the test fails until it is given a sample here.
    fn samples() -> Vec<Msg> {
        use crate::case::{Found, Shape, Within};
        use crate::check::{Clause, Given, LitKind, RuleKind, SymbolKind};
        use crate::compile::pack::FactType;
        use crate::date::Date;
        use crate::lang::Lang;
        use crate::syntax::ast::Odd;
        use crate::syntax::{CaseClause, Expected};
        use std::io::ErrorKind;
        let s = |x: &str| x.to_string();
        let en = || FactType::Enum(vec![s("transferor"), s("recipient")]);
        let day = Date::parse("2024-01-01").unwrap_or(Date(0));
        let io = IoProblem {
            kind: ErrorKind::NotFound,
            text: s("No such file or directory (os error 2)"),
        };
        let mut out: Vec<Msg> = Vec::new();
        {
            use crate::syntax::Msg as M;
            out.extend(
                [
                    M::TooManyNots { max: 64 },
                    M::BracketsTooDeep { max: 64 },
                    M::ConditionTooDeep { max: 64 },
                    M::Unexpected {
                        found: s("transferor"),
                        expected: vec![Expected::Code("="), Expected::Name, Expected::Date],
                    },
                    M::Parser { text: s("x") },
                    M::NotADate {
                        text: s("2023-02-30"),
                    },
                    M::NumberTooLarge {
                        text: s("99999999999999999999"),
                    },
                    M::TooLargeHere { n: 5_000_000 },
                    M::ClauseTwice { clause: s("ask") },
                    M::InForceTwice,
                    M::CaseClauseTwice {
                        clause: CaseClause::Time,
                    },
                    M::NotUtf8 { byte: 0xFF },
                ]
                .map(Msg::from),
            );
        }
        {
            use crate::check::Msg as M;
            out.extend(
                [
                    M::NoHeader,
                    M::SecondHeader {
                        id: s("u"),
                        first: s("t"),
                    },
                    M::DeclaredTwice {
                        name: s("dup"),
                        prev: SymbolKind::Test,
                        at: s("t.law:3:6"),
                    },
                    M::FactorTwice {
                        name: s("f"),
                        at: s("t.law:3:6"),
                    },
                    M::NoCitation {
                        kind: RuleKind::Requirement,
                        name: s("r"),
                    },
                    M::MissingClause {
                        kind: RuleKind::Factor,
                        name: s("f"),
                        clause: Clause::Because,
                    },
                    M::UntilBeforeFrom {
                        from: day,
                        until: day,
                    },
                    M::CannotExcept {
                        name: s("x"),
                        kind: SymbolKind::Fact,
                    },
                    M::UnknownRule { name: s("x") },
                    M::SecondClassification,
                    M::Cycle {
                        names: vec![s("loop_one"), s("loop_two"), s("loop_one")],
                    },
                    M::ClassificationReadsItself,
                    M::ExpandsTooFar {
                        name: s("x"),
                        n: 2_000_000,
                        max: 1_000_000,
                    },
                    M::ReadsTooDeep {
                        name: s("x"),
                        depth: 50,
                        max: 48,
                    },
                    M::ValueTwice { value: s("v") },
                    M::TooManyValues {
                        fact: s("x"),
                        n: 70,
                        max: 64,
                    },
                    M::ValueNotOfType {
                        fact: s("x"),
                        ty: FactType::Number,
                    },
                    M::SidesEqual,
                    M::TooManySides {
                        weighing: s("classification"),
                        n: 4,
                        max: 3,
                    },
                    M::AxisTwice {
                        axis: s("provision"),
                        first: s("controller"),
                    },
                    M::AxisOutsideClassification { side: s("high") },
                    M::NotAClassification {
                        value: s("outsorcing"),
                        values: vec![s("outsourcing"), s("provision")],
                    },
                    M::NoFactor { weighing: s("w") },
                    M::NotASide {
                        value: s("provisoin"),
                        weighing: s("w"),
                        sides: vec![s("provision"), s("outsourcing")],
                    },
                    M::ArticleTwice {
                        name: s("pipa_17_1"),
                        at: s("a.law:3:9"),
                    },
                    M::QuotedUnderNoRule {
                        name: s("x"),
                        kind: Some(SymbolKind::Fact),
                    },
                    M::VersionWithoutSource { article: s("a") },
                    M::VersionWithoutText { article: s("a") },
                    M::MissingTranslation { lang: Lang::Ko },
                    M::UndeclaredLanguage { lang: Lang::Ko },
                    M::ExposureOutOfForce {
                        requirement: s("r"),
                    },
                    M::FactUnused { fact: s("x") },
                    M::RecordedButRead { fact: s("x") },
                    M::TestUnused { test: s("t") },
                    M::WeighingUnused { weighing: s("w") },
                    M::UnknownName { name: s("x") },
                    M::NotBool {
                        fact: s("x"),
                        ty: FactType::Set(vec![s("a"), s("b")]),
                    },
                    M::FactorReadsException { name: s("e") },
                    M::FactorReadsWeighing { name: s("w") },
                    M::WeighingNeedsSide { name: s("w") },
                    M::CannotRead {
                        name: s("r"),
                        kind: SymbolKind::Requirement,
                    },
                    M::ComparedWithWrongType {
                        fact: s("x"),
                        given: Given::Kind(LitKind::Date),
                        ty: FactType::Bool,
                    },
                    M::OnlyEquality {
                        name: s("x"),
                        op: ">",
                    },
                    M::TakesListedValue {
                        fact: s("x"),
                        kind: LitKind::Number,
                        values: vec![s("a")],
                    },
                    M::NotAValue {
                        value: s("c"),
                        fact: s("x"),
                        values: vec![s("a"), s("b")],
                    },
                    M::SetCompared {
                        fact: s("x"),
                        op: "=",
                        value: s("a"),
                    },
                    M::TestCompared { name: s("t") },
                    M::InNotAFact { name: s("r") },
                    M::InOnSet { fact: s("x") },
                    M::InWrongType {
                        fact: s("x"),
                        ty: FactType::Number,
                    },
                    M::ContainsNotAFact { name: s("r") },
                    M::ContainsOnOneValue {
                        fact: s("x"),
                        ty: en(),
                    },
                    M::ContainsWrongType {
                        fact: s("x"),
                        ty: FactType::Date,
                    },
                ]
                .map(Msg::from),
            );
        }
        {
            use crate::case::Msg as M;
            out.extend(
                [
                    M::BadId { id: s("Bad_Id") },
                    M::NoUnder {
                        id: s("c"),
                        packs: vec![s("eu"), s("jp"), s("kr")],
                    },
                    M::UnknownPack {
                        name: s("kor"),
                        packs: vec![s("kr")],
                    },
                    M::NoTime { id: s("c") },
                    M::PeriodBackwards { from: day, to: day },
                    M::UnknownFact {
                        name: s("x"),
                        pack: s("kr"),
                    },
                    M::UnknownOptionFact {
                        name: s("x"),
                        pack: s("kr"),
                    },
                    M::FactTwice { name: s("x") },
                    M::WrongType {
                        fact: s("x"),
                        ty: FactType::Bool,
                        found: Found::Odd(Odd::ListHolding(Shape::Mapping)),
                    },
                    M::NumberForBool {
                        fact: s("x"),
                        ty: FactType::Bool,
                        n: 0,
                    },
                    M::OneForSet {
                        fact: s("x"),
                        ty: FactType::Set(vec![s("a")]),
                        value: s("a"),
                    },
                    M::NotADate {
                        text: s("2023-02-30"),
                    },
                    M::NotACountry { text: s("KOR") },
                    M::NumberOutOfRange {
                        fact: s("subjects_count"),
                        text: s("99999999999999999999"),
                    },
                    M::YamlTab,
                    M::ControlCharacter { code: 0 },
                    M::NotAValue {
                        value: s("c"),
                        fact: s("x"),
                        values: vec![s("a"), s("b")],
                    },
                    M::NotFactValue { arg: s("bad") },
                    M::NoSuchFact,
                    M::KeyTwice { key: s("id") },
                    M::FactsTwice,
                    M::KeyTwiceHere { key: s("id") },
                    // The parsers' own words (in English) are quoted as they come.
                    M::NotYaml { detail: s("…") },
                    M::NotJson { detail: s("…") },
                    M::NoCase,
                    M::CaseNotMapping { shape: Shape::List },
                    M::IdNotString {
                        shape: Shape::Number,
                    },
                    M::BadLevel,
                    M::UnderListsIds,
                    M::UnderShape {
                        shape: Shape::Mapping,
                    },
                    M::PeriodNotMapping {
                        shape: Shape::String,
                    },
                    M::PeriodNeedsBoth,
                    M::PartiesNotMapping {
                        shape: Shape::TruthValue,
                    },
                    M::FactsNotMapping {
                        shape: Shape::Decimal,
                    },
                    M::NoId,
                    M::TranslationsNotMapping { shape: Shape::Null },
                    M::UnknownLanguage {
                        tag: s("fr"),
                        known: vec!["ko"],
                    },
                    M::TranslationNotMapping {
                        tag: s("ko"),
                        shape: Shape::Number,
                    },
                    M::NoEnglish { key: s("title") },
                    M::NotString {
                        key: s("title"),
                        shape: Shape::List,
                    },
                    M::TranslatedCount {
                        key: s("notes"),
                        given: 1,
                        english: 2,
                    },
                    M::TranslatedPartiesNotMapping,
                    M::PartyNoEnglish {
                        role: s("recipient"),
                    },
                    M::DateAndPeriod,
                    M::UnknownKey {
                        key: s("sauce"),
                        within: Within::Case,
                        allowed: vec!["id", "source"],
                    },
                    M::DateShape { shape: Shape::List },
                    M::ExpectNotMapping {
                        shape: Shape::Number,
                    },
                    M::ListShape {
                        shape: Shape::Number,
                    },
                    M::ClassificationValue,
                    M::ExpectUnderValue,
                    M::ExpectUnderNotJudged {
                        pack: s("jp"),
                        under: vec![s("kr"), s("eu")],
                    },
                    M::LawfulValue {
                        shape: Shape::String,
                    },
                    M::AnswerTwice {
                        fact: s("recipient_own_use"),
                        first: 2,
                    },
                    M::BadAnswer {
                        fact: s("recipient_own_use"),
                        ty: FactType::Bool,
                        problem: crate::reason::ask::AnswerError::NotBool(s("maybe")),
                    },
                    M::NestedTooDeep { max: 64 },
                    M::LineTooLong { max: 1 << 20 },
                    M::TooManyFacts { max: 1_000 },
                    M::UnknownFactOfPacks {
                        name: s("x"),
                        packs: vec![s("eu"), s("kr")],
                    },
                ]
                .map(Msg::from),
            );
        }
        {
            use crate::batch::Msg as M;
            out.extend(
                [
                    M::NoSuchPath,
                    M::NotACaseFile,
                    M::NotFormattable,
                    M::CannotRead { io: io.clone() },
                    M::FileTooLarge { max: 64 << 20 },
                    M::CannotWrite { io: io.clone() },
                    M::FormatterFailed {
                        detail: s("layout"),
                    },
                    M::IdTwice {
                        id: s("j2"),
                        at: s("c.jsonl:2"),
                    },
                    M::CannotReadFolder { io: io.clone() },
                    M::NoCaseFiles,
                    M::MoreErrors {
                        n: 9_980,
                        scope: crate::batch::Scope::Line,
                    },
                ]
                .map(Msg::from),
            );
        }
        {
            use crate::library::Msg as M;
            out.extend(
                [
                    M::CannotReadFolder { io: io.clone() },
                    M::CannotReadFile { io },
                    M::NoSuchFolder,
                    M::NoLawFiles,
                    M::SecondPack { id: s("t") },
                ]
                .map(Msg::from),
            );
        }
        out
    }

    /// The stage and place of a message's variant among its stage's variants.
    fn index(m: &Msg) -> (usize, usize) {
        match m {
            Msg::Syntax(m) => {
                use crate::syntax::Msg as M;
                (
                    0,
                    match m {
                        M::TooManyNots { .. } => 0,
                        M::BracketsTooDeep { .. } => 1,
                        M::ConditionTooDeep { .. } => 2,
                        M::Unexpected { .. } => 3,
                        M::Parser { .. } => 4,
                        M::NotADate { .. } => 5,
                        M::NumberTooLarge { .. } => 6,
                        M::TooLargeHere { .. } => 7,
                        M::ClauseTwice { .. } => 8,
                        M::InForceTwice => 9,
                        M::CaseClauseTwice { .. } => 10,
                        M::NotUtf8 { .. } => 11,
                    },
                )
            }
            Msg::Check(m) => {
                use crate::check::Msg as M;
                (
                    1,
                    match m {
                        M::NoHeader => 0,
                        M::SecondHeader { .. } => 1,
                        M::DeclaredTwice { .. } => 2,
                        M::FactorTwice { .. } => 3,
                        M::NoCitation { .. } => 4,
                        M::MissingClause { .. } => 5,
                        M::UntilBeforeFrom { .. } => 6,
                        M::CannotExcept { .. } => 7,
                        M::UnknownRule { .. } => 8,
                        M::SecondClassification => 9,
                        M::Cycle { .. } => 10,
                        M::ClassificationReadsItself => 11,
                        M::ValueTwice { .. } => 12,
                        M::TooManyValues { .. } => 13,
                        M::ValueNotOfType { .. } => 14,
                        M::SidesEqual => 15,
                        M::NotAClassification { .. } => 16,
                        M::NoFactor { .. } => 17,
                        M::NotASide { .. } => 18,
                        M::MissingTranslation { .. } => 19,
                        M::UndeclaredLanguage { .. } => 20,
                        M::ExposureOutOfForce { .. } => 21,
                        M::FactUnused { .. } => 22,
                        M::RecordedButRead { .. } => 23,
                        M::TestUnused { .. } => 24,
                        M::WeighingUnused { .. } => 25,
                        M::UnknownName { .. } => 26,
                        M::NotBool { .. } => 27,
                        M::FactorReadsException { .. } => 28,
                        M::FactorReadsWeighing { .. } => 29,
                        M::WeighingNeedsSide { .. } => 30,
                        M::CannotRead { .. } => 31,
                        M::ComparedWithWrongType { .. } => 32,
                        M::OnlyEquality { .. } => 33,
                        M::TakesListedValue { .. } => 34,
                        M::NotAValue { .. } => 35,
                        M::SetCompared { .. } => 36,
                        M::TestCompared { .. } => 37,
                        M::InNotAFact { .. } => 38,
                        M::InOnSet { .. } => 39,
                        M::InWrongType { .. } => 40,
                        M::ContainsNotAFact { .. } => 41,
                        M::ContainsOnOneValue { .. } => 42,
                        M::ContainsWrongType { .. } => 43,
                        M::ArticleTwice { .. } => 44,
                        M::QuotedUnderNoRule { .. } => 45,
                        M::VersionWithoutSource { .. } => 46,
                        M::VersionWithoutText { .. } => 47,
                        M::ExpandsTooFar { .. } => 48,
                        M::ReadsTooDeep { .. } => 49,
                        M::TooManySides { .. } => 50,
                        M::AxisTwice { .. } => 51,
                        M::AxisOutsideClassification { .. } => 52,
                    },
                )
            }
            Msg::Case(m) => {
                use crate::case::Msg as M;
                (
                    2,
                    match m {
                        M::BadId { .. } => 0,
                        M::NoUnder { .. } => 1,
                        M::UnknownPack { .. } => 2,
                        M::NoTime { .. } => 3,
                        M::PeriodBackwards { .. } => 4,
                        M::UnknownFact { .. } => 5,
                        M::UnknownOptionFact { .. } => 6,
                        M::FactTwice { .. } => 7,
                        M::WrongType { .. } => 8,
                        M::NumberForBool { .. } => 9,
                        M::OneForSet { .. } => 10,
                        M::NotADate { .. } => 11,
                        M::NotACountry { .. } => 12,
                        M::NotAValue { .. } => 13,
                        M::NotFactValue { .. } => 14,
                        M::NoSuchFact => 15,
                        M::KeyTwice { .. } => 16,
                        M::FactsTwice => 17,
                        M::KeyTwiceHere { .. } => 18,
                        M::NotYaml { .. } => 19,
                        M::NotJson { .. } => 20,
                        M::NoCase => 21,
                        M::CaseNotMapping { .. } => 22,
                        M::IdNotString { .. } => 23,
                        M::BadLevel => 24,
                        M::UnderListsIds => 25,
                        M::UnderShape { .. } => 26,
                        M::PeriodNotMapping { .. } => 27,
                        M::PeriodNeedsBoth => 28,
                        M::PartiesNotMapping { .. } => 29,
                        M::FactsNotMapping { .. } => 30,
                        M::NoId => 31,
                        M::TranslationsNotMapping { .. } => 32,
                        M::UnknownLanguage { .. } => 33,
                        M::TranslationNotMapping { .. } => 34,
                        M::NoEnglish { .. } => 35,
                        M::NotString { .. } => 36,
                        M::TranslatedCount { .. } => 37,
                        M::TranslatedPartiesNotMapping => 38,
                        M::PartyNoEnglish { .. } => 39,
                        M::DateAndPeriod => 40,
                        M::UnknownKey { .. } => 41,
                        M::DateShape { .. } => 42,
                        M::ExpectNotMapping { .. } => 43,
                        M::ListShape { .. } => 44,
                        M::ClassificationValue => 45,
                        M::LawfulValue { .. } => 46,
                        M::AnswerTwice { .. } => 47,
                        M::BadAnswer { .. } => 48,
                        M::NestedTooDeep { .. } => 49,
                        M::NumberOutOfRange { .. } => 50,
                        M::YamlTab => 51,
                        M::ControlCharacter { .. } => 52,
                        M::LineTooLong { .. } => 53,
                        M::TooManyFacts { .. } => 54,
                        M::UnknownFactOfPacks { .. } => 55,
                        M::ExpectUnderValue => 56,
                        M::ExpectUnderNotJudged { .. } => 57,
                    },
                )
            }
            Msg::Batch(m) => {
                use crate::batch::Msg as M;
                (
                    3,
                    match m {
                        M::NoSuchPath => 0,
                        M::NotACaseFile => 1,
                        M::NotFormattable => 2,
                        M::CannotRead { .. } => 3,
                        M::CannotWrite { .. } => 4,
                        M::FormatterFailed { .. } => 5,
                        M::IdTwice { .. } => 6,
                        M::CannotReadFolder { .. } => 7,
                        M::NoCaseFiles => 8,
                        M::MoreErrors { .. } => 9,
                        M::FileTooLarge { .. } => 10,
                    },
                )
            }
            Msg::Library(m) => {
                use crate::library::Msg as M;
                (
                    4,
                    match m {
                        M::CannotReadFolder { .. } => 0,
                        M::CannotReadFile { .. } => 1,
                        M::NoSuchFolder => 2,
                        M::NoLawFiles => 3,
                        M::SecondPack { .. } => 4,
                    },
                )
            }
        }
    }

    /// How many variants each stage has, as counted by `index`.
    const VARIANTS: [usize; 5] = [12, 53, 58, 11, 5];

    /// A text without what it quotes between backticks.
    fn unquoted(text: &str) -> String {
        let mut inside = false;
        text.chars()
            .filter(|c| {
                if *c == '`' {
                    inside = !inside;
                    false
                } else {
                    !inside
                }
            })
            .collect()
    }

    fn hangul(text: &str) -> bool {
        text.chars().any(|c| ('가'..='힣').contains(&c))
    }

    #[test]
    fn every_message_has_korean_words() {
        let samples = samples();
        // One sample of every variant, no more.
        let mut seen: Vec<(usize, usize)> = samples.iter().map(index).collect();
        seen.sort_unstable();
        let all: Vec<(usize, usize)> = VARIANTS
            .iter()
            .enumerate()
            .flat_map(|(stage, n)| (0..*n).map(move |i| (stage, i)))
            .collect();
        assert_eq!(seen, all, "a variant has no sample, or two samples");
        let mut failures = Vec::new();
        for m in &samples {
            let en = m.said(&crate::words::En);
            let ko = m.said(&crate::words::Ko);
            let parts = [
                ("message", Some(&ko.message), Some(&en.message)),
                ("label", ko.label.as_ref(), en.label.as_ref()),
                ("help", ko.help.as_ref(), en.help.as_ref()),
            ];
            for (what, k, e) in parts {
                match (k, e) {
                    (Some(k), Some(e)) => {
                        let words = unquoted(k);
                        // A message quoting a parser's words may be only those words.
                        let quoting = matches!(m, Msg::Syntax(crate::syntax::Msg::Parser { .. }));
                        if !quoting && (!hangul(&words) || k == e) {
                            failures.push(format!("{what} of {m:?} is not Korean: {k}"));
                        }
                        for w in ENGLISH {
                            if words.to_lowercase().contains(w) {
                                failures.push(format!("{what} of {m:?} has `{w}`: {k}"));
                            }
                        }
                        if hangul(e) {
                            failures.push(format!("{what} of {m:?} has Korean in English: {e}"));
                        }
                    }
                    (None, None) => {}
                    _ => failures.push(format!("{what} of {m:?} is in one language only")),
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn renders_in_korean_with_korean_frame_words() {
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
        assert_eq!(
            d.render_in(&sm, &crate::words::Ko),
            "오류: 알 수 없는 사실 `procesing_serves`입니다\n --> x.case:2:3\n  |\n2 |   procesing_serves = third_party\n  |   ^^^^^^^^^^^^^^^^ `kr` 법령팩의 사실이 아님\n  = 도움말: `processing_serves`을(를) 뜻하셨습니까?\n"
        );
        assert_eq!(d.message(), "unknown fact `procesing_serves`");
        let w = Diagnostic::warning(
            crate::check::Msg::FactUnused { fact: "x".into() },
            Span::new(id, 0, 5),
        );
        assert!(
            w.render_in(&sm, &crate::words::Ko)
                .starts_with("경고: 사실 `x`이(가) ")
        );
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
