//! The formatter: rewrites a statute (`.law`) or case (`.case`) text in one canonical layout.
//!
//! Both languages are free-form and keyword-led, so the formatter works line by line: it never
//! splits or joins lines, and only changes white space outside strings and comments.
//!
//! - Items start at column 0 (`pack fact test exception classify weigh require gap article`;
//!   `case facts expect`); their clauses are indented 2 (header clauses, fact clauses, rule
//!   clauses, fact assignments, expectations), and the clauses of a `factor` or of an article's
//!   `version` 4.
//! - A text's translation (`ko "…"`) written on a line of its own continues its clause, so it
//!   is indented 4 more than the clause.
//! - A line that continues a clause begun on an earlier line is indented 4 more than the clause;
//!   inside a bracket left open on an earlier line, it lines up after the bracket (or, when the
//!   bracket ends its line, 4 more than that line).
//! - Tokens are separated by one space, except none after `{` and `(` and none before `}`, `)`
//!   and `,`. The `=` of consecutive fact assignments, and of consecutive `name = value`
//!   expectations, is aligned (a blank line or another clause ends the run).
//! - A trailing comment is kept on its line, at least two spaces after the code; the trailing
//!   comments of a paragraph are aligned (but for a line much longer than the others). A line
//!   holding only a comment is indented like the next code line, unless it was written nearer to
//!   another place that makes sense next to the code around it: like the code line right above
//!   it, or two more (a comment continuing that line).
//! - Trailing white space is trimmed, blank lines are collapsed to one and removed at the start
//!   and the end, lines end with LF, and the text with exactly one newline.
//!
//! A text that does not parse is never formatted: the parse diagnostics come back in a
//! [`FormatError`]. The result is checked before it is returned: it must parse to the same
//! syntax tree, spans aside.

use crate::diagnostic::Diagnostic;
use crate::source::SourceId;
use crate::syntax::{parse_cases, parse_statute};
use pest::Parser as _;
use pest::iterators::Pair;

mod statute_grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "grammar/lexemes.pest"]
    #[grammar = "grammar/statute.pest"]
    pub(super) struct StatuteGrammar;
}

mod case_grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "grammar/lexemes.pest"]
    #[grammar = "grammar/case.pest"]
    pub(super) struct CaseGrammar;
}

/// Why a text was not formatted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The text does not parse, so nothing was formatted. The diagnostics point into the text
    /// under the [`SourceId`] given (0 for [`format_statute`] and [`format_case`]).
    #[error("{}", syntax_message(.0))]
    Syntax(Vec<Diagnostic>),
    /// The formatter could not lay the text out without changing it (a bug in the formatter);
    /// nothing was formatted.
    #[error("the formatter could not lay out this text ({0}); nothing was formatted")]
    Internal(String),
}

impl FormatError {
    /// The parse diagnostics, for printing; empty for an internal error.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            FormatError::Syntax(diags) => diags,
            FormatError::Internal(_) => &[],
        }
    }
}

fn syntax_message(diags: &[Diagnostic]) -> String {
    match diags {
        [] => "the text does not parse; nothing was formatted".to_string(),
        [one] => format!(
            "the text does not parse: {}; nothing was formatted",
            one.message()
        ),
        [first, ..] => format!(
            "the text does not parse ({} errors, the first: {}); nothing was formatted",
            diags.len(),
            first.message()
        ),
    }
}

/// Formats a statute (`.law`) text, with diagnostics pointing into [`SourceId`] 0.
pub fn format_statute(text: &str) -> Result<String, FormatError> {
    format_statute_in(SourceId(0), text)
}

/// Formats a statute (`.law`) text, with diagnostics pointing into `source`.
pub fn format_statute_in(source: SourceId, text: &str) -> Result<String, FormatError> {
    let before = parse_statute(source, text).map_err(FormatError::Syntax)?;
    let anchors = statute_anchors(text)?;
    let out = layout(text, &anchors);
    let after = parse_statute(source, &out)
        .map_err(|_| FormatError::Internal("the formatted text does not parse".to_string()))?;
    same_meaning(&before, &after)?;
    Ok(out)
}

/// Formats a case (`.case`) text, with diagnostics pointing into [`SourceId`] 0.
pub fn format_case(text: &str) -> Result<String, FormatError> {
    format_case_in(SourceId(0), text)
}

/// Formats a case (`.case`) text, with diagnostics pointing into `source`.
pub fn format_case_in(source: SourceId, text: &str) -> Result<String, FormatError> {
    let before = parse_cases(source, text).map_err(FormatError::Syntax)?;
    let anchors = case_anchors(text)?;
    let out = layout(text, &anchors);
    let after = parse_cases(source, &out)
        .map_err(|_| FormatError::Internal("the formatted text does not parse".to_string()))?;
    same_meaning(&before, &after)?;
    Ok(out)
}

/// Checks that two syntax trees are equal but for their spans.
fn same_meaning<T: std::fmt::Debug>(before: &T, after: &T) -> Result<(), FormatError> {
    if without_spans(&format!("{before:?}")) == without_spans(&format!("{after:?}")) {
        Ok(())
    } else {
        Err(FormatError::Internal(
            "the formatted text would mean something else".to_string(),
        ))
    }
}

/// A `{:?}` rendering with every `Span { … }` reduced to `Span` (strings left alone).
fn without_spans(debug: &str) -> String {
    let mut out = String::with_capacity(debug.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut skip_until = 0;
    for (i, c) in debug.char_indices() {
        if i < skip_until {
            continue;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if c == 'S'
            && let Some(rest) = debug.get(i..)
            && rest.starts_with("Span {")
        {
            skip_until = i + rest.find('}').map_or(rest.len(), |j| j + 1);
            out.push_str("Span");
            continue;
        }
        out.push(c);
    }
    out
}

// ---- structure: where items and clauses start ---------------------------------------------------

/// A node of the parse tree that a line may start with: an item, a block or a clause.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    /// First byte.
    start: usize,
    /// One past the last byte.
    end: usize,
    /// 0 for an item or block, 1 for its clauses, 2 for a factor's clauses.
    level: usize,
    /// A `name = value` line whose `=` is aligned with its neighbours'.
    aligns: bool,
}

fn layout_error<R: pest::RuleType>(err: &pest::error::Error<R>) -> FormatError {
    FormatError::Internal(format!(
        "the layout parser refused the text: {}",
        err.variant.message()
    ))
}

/// The anchors of a statute text, in the order of the parse tree (by start, outer first).
fn statute_anchors(text: &str) -> Result<Vec<Anchor>, FormatError> {
    use statute_grammar::{Rule, StatuteGrammar};
    // As the parser does: a file without the header is parsed behind a synthetic one.
    let has_header = strip_comments_and_space(text)
        .strip_prefix("pack")
        .is_some_and(|rest| rest.starts_with(char::is_whitespace));
    let owned;
    let (input, offset) = if has_header {
        (text, 0)
    } else {
        const PRELUDE: &str = "pack continuation \"\"\n";
        owned = format!("{PRELUDE}{text}");
        (owned.as_str(), PRELUDE.len())
    };
    let pairs = StatuteGrammar::parse(Rule::pack_file, input).map_err(|e| layout_error(&e))?;
    let mut anchors = Vec::new();
    for pair in pairs {
        statute_walk(pair, None, offset, &mut anchors);
    }
    Ok(anchors)
}

fn strip_comments_and_space(text: &str) -> &str {
    let mut rest = text;
    loop {
        let t = rest.trim_start();
        if let Some(after) = t.strip_prefix('#') {
            rest = after.find('\n').and_then(|i| after.get(i..)).unwrap_or("");
        } else {
            return t;
        }
    }
}

fn statute_walk(
    pair: Pair<'_, statute_grammar::Rule>,
    parent: Option<usize>,
    offset: usize,
    out: &mut Vec<Anchor>,
) {
    use statute_grammar::Rule as R;
    let level = match pair.as_rule() {
        R::header
        | R::fact_decl
        | R::test_decl
        | R::exception_decl
        | R::weigh_decl
        | R::require_decl
        | R::gap_decl
        | R::scope_decl
        | R::article_decl => Some(0),
        R::jurisdiction
        | R::act
        | R::source_clause
        | R::note_clause
        | R::transition
        | R::ask_clause
        | R::help_clause
        | R::burden_clause
        | R::recorded_clause
        | R::given_clause
        | R::cite_clause
        | R::in_force
        | R::if_clause
        | R::when_clause
        | R::holds_text
        | R::fails_text
        | R::to_clause
        | R::sides_clause
        | R::margin_clause
        | R::factor_decl
        | R::toward_clause
        | R::weight_clause
        | R::because_clause
        | R::decisive_flag
        | R::requires_clause
        | R::applies_clause
        | R::violation_clause
        | R::exposes_clause
        | R::language
        | R::quoted_for
        | R::version_decl
        | R::quote_line => Some(parent.map_or(1, |p| p + 1)),
        _ => None,
    };
    let span = pair.as_span();
    if let Some(level) = level
        && span.start() >= offset
    {
        out.push(Anchor {
            start: span.start() - offset,
            end: span.end().saturating_sub(offset),
            level,
            aligns: false,
        });
    }
    for inner in pair.into_inner() {
        statute_walk(inner, level.or(parent), offset, out);
    }
}

/// The anchors of a case text, in the order of the parse tree.
fn case_anchors(text: &str) -> Result<Vec<Anchor>, FormatError> {
    use case_grammar::{CaseGrammar, Rule};
    let pairs = CaseGrammar::parse(Rule::case_file, text).map_err(|e| layout_error(&e))?;
    let mut anchors = Vec::new();
    for pair in pairs {
        case_walk(pair, &mut anchors);
    }
    Ok(anchors)
}

fn case_walk(pair: Pair<'_, case_grammar::Rule>, out: &mut Vec<Anchor>) {
    use case_grammar::Rule as R;
    let anchor = match pair.as_rule() {
        R::case_decl | R::facts_block | R::expect_block => Some((0, false)),
        R::under_clause
        | R::period_clause
        | R::date_clause
        | R::party_clause
        | R::source_clause
        | R::note_clause
        | R::hint_clause
        | R::level_clause
        | R::expect_include
        | R::expect_exclude
        | R::expect_because => Some((1, false)),
        R::assignment | R::expect_class | R::expect_lawful | R::expect_applies => Some((1, true)),
        _ => None,
    };
    if let Some((level, aligns)) = anchor {
        let span = pair.as_span();
        out.push(Anchor {
            start: span.start(),
            end: span.end(),
            level,
            aligns,
        });
    }
    for inner in pair.into_inner() {
        case_walk(inner, out);
    }
}

/// What the first token of a code line is.
#[derive(Clone, Copy, Debug)]
enum Role {
    /// The start of an item, block or clause.
    Start { level: usize, aligns: bool },
    /// The continuation of one begun on an earlier line.
    Continuation { level: usize },
}

fn role(anchors: &[Anchor], offset: usize) -> Role {
    let idx = anchors.partition_point(|a| a.start < offset);
    if let Some(a) = anchors.get(idx)
        && a.start == offset
    {
        return Role::Start {
            level: a.level,
            aligns: a.aligns,
        };
    }
    // The innermost anchor containing the offset is the last one, in tree order, that does.
    let level = anchors
        .get(..idx)
        .and_then(|before| before.iter().rev().find(|a| a.end > offset))
        .map_or(0, |a| a.level);
    Role::Continuation { level }
}

// ---- lines and tokens -----------------------------------------------------------------------

/// A token outside comments: a word, a string, an operator or a bracket.
#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    text: &'a str,
    offset: usize,
}

/// One line of the input, lexed.
#[derive(Clone, Debug)]
struct SourceLine<'a> {
    tokens: Vec<Token<'a>>,
    /// The comment ending the line, trailing white space removed.
    comment: Option<&'a str>,
    /// The width of the leading white space (a tab counts 4).
    indent: usize,
}

impl SourceLine<'_> {
    fn is_blank(&self) -> bool {
        self.tokens.is_empty() && self.comment.is_none()
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

fn lex_line(raw: &str, base: usize) -> SourceLine<'_> {
    let bytes = raw.as_bytes();
    let mut indent = 0;
    for c in raw.chars() {
        match c {
            ' ' => indent += 1,
            '\t' => indent += 4,
            '\r' => {}
            _ => break,
        }
    }
    let mut tokens = Vec::new();
    let mut comment = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        match b {
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'#' => {
                comment = raw.get(i..).map(str::trim_end);
                break;
            }
            b'"' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    i += 1;
                    match c {
                        b'\\' => i += 1,
                        b'"' => break,
                        _ => {}
                    }
                }
                i = i.min(bytes.len());
            }
            b'!' | b'<' | b'>' => {
                i += if bytes.get(i + 1) == Some(&b'=') {
                    2
                } else {
                    1
                }
            }
            b if is_word_byte(b) => {
                while bytes.get(i).is_some_and(|&c| is_word_byte(c)) {
                    i += 1;
                }
            }
            _ => {
                i += raw
                    .get(i..)
                    .and_then(|s| s.chars().next())
                    .map_or(1, char::len_utf8);
            }
        }
        if let Some(text) = raw.get(start..i) {
            tokens.push(Token {
                text,
                offset: base + start,
            });
        }
    }
    SourceLine {
        tokens,
        comment,
        indent,
    }
}

/// Whether one space goes between two tokens on a line.
fn space_between(prev: &str, next: &str) -> bool {
    !(matches!(prev, "{" | "(") || matches!(next, "}" | ")" | ","))
}

/// A bracket left open, as laid out.
#[derive(Clone, Copy, Debug)]
struct Open {
    /// Its column.
    col: usize,
    /// Nothing follows it on its line.
    ends_line: bool,
    /// The indentation of its line.
    line_indent: usize,
}

/// A line as laid out.
#[derive(Clone, Debug)]
enum Out<'a> {
    Blank,
    /// A line holding only a comment, before its indentation is known.
    Comment {
        indent: usize,
        comment: &'a str,
    },
    /// A line of code: its indentation, its code, and its trailing comment.
    Code {
        indent: usize,
        code: String,
        comment: Option<&'a str>,
    },
}

/// Lays the text out; `anchors` says where its items and clauses start.
fn layout(text: &str, anchors: &[Anchor]) -> String {
    // Lines, with blank lines collapsed and trimmed at both ends.
    let mut lines: Vec<SourceLine<'_>> = Vec::new();
    let mut base = 0;
    for raw in text.split('\n') {
        let line = lex_line(raw, base);
        base += raw.len() + 1;
        if !line.is_blank() || lines.last().is_some_and(|l| !l.is_blank()) {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(SourceLine::is_blank) {
        lines.pop();
    }

    let roles: Vec<Option<Role>> = lines
        .iter()
        .map(|l| l.tokens.first().map(|t| role(anchors, t.offset)))
        .collect();
    let widths = alignment_widths(&lines, &roles);

    // Code lines, in order: brackets left open carry over to the next line.
    let mut out: Vec<Out<'_>> = Vec::with_capacity(lines.len());
    let mut open: Vec<Open> = Vec::new();
    for ((line, role), width) in lines.iter().zip(&roles).zip(&widths) {
        let Some(role) = role else {
            out.push(match line.comment {
                Some(comment) => Out::Comment {
                    indent: line.indent,
                    comment,
                },
                None => Out::Blank,
            });
            continue;
        };
        let first = line.tokens.first().map_or("", |t| t.text);
        let closes = matches!(first, "}" | ")");
        let indent = match *role {
            Role::Start { level, .. } => {
                open.clear();
                level * 2
            }
            Role::Continuation { level } => match open.last() {
                Some(o) if o.ends_line && closes => o.line_indent,
                Some(o) if o.ends_line => o.line_indent + 4,
                Some(o) if closes => o.col,
                Some(o) => o.col + 1,
                None => level * 2 + 4,
            },
        };
        let mut code = String::new();
        let mut col = indent;
        let mut prev: Option<&str> = None;
        for (k, tok) in line.tokens.iter().enumerate() {
            if let Some(p) = prev {
                let spaces = match width {
                    Some(w) if k == 1 => w.saturating_sub(p.chars().count()) + 1,
                    _ => usize::from(space_between(p, tok.text)),
                };
                code.extend(std::iter::repeat_n(' ', spaces));
                col += spaces;
            }
            match tok.text {
                "{" | "(" => open.push(Open {
                    col,
                    ends_line: k + 1 == line.tokens.len(),
                    line_indent: indent,
                }),
                "}" | ")" => {
                    open.pop();
                }
                _ => {}
            }
            code.push_str(tok.text);
            col += tok.text.chars().count();
            prev = Some(tok.text);
        }
        out.push(Out::Code {
            indent,
            code,
            comment: line.comment,
        });
    }

    // Lines holding only a comment: the place nearest to where they were written, among those
    // that make sense next to the code around them.
    let mut comment_indents: Vec<Option<usize>> = vec![None; out.len()];
    for (i, o) in out.iter().enumerate() {
        if let Out::Comment { indent, .. } = o {
            let candidates = comment_places(&out, i);
            if let Some(slot) = comment_indents.get_mut(i) {
                *slot = Some(nearest(*indent, &candidates));
            }
        }
    }

    // Trailing comments of a paragraph share a column.
    let comment_cols = trailing_comment_columns(&out);

    let mut result = String::with_capacity(text.len());
    for (i, o) in out.iter().enumerate() {
        match o {
            Out::Blank => {}
            Out::Comment { comment, .. } => {
                let indent = comment_indents.get(i).copied().flatten().unwrap_or(0);
                result.extend(std::iter::repeat_n(' ', indent));
                result.push_str(comment);
            }
            Out::Code {
                indent,
                code,
                comment,
            } => {
                result.extend(std::iter::repeat_n(' ', *indent));
                result.push_str(code);
                if let Some(comment) = comment {
                    let width = indent + code.chars().count();
                    let col = comment_cols.get(i).copied().unwrap_or(0).max(width + 2);
                    result.extend(std::iter::repeat_n(' ', col - width));
                    result.push_str(comment);
                }
            }
        }
        result.push('\n');
    }
    result
}

/// Columns of trailing comments. The lines of a paragraph (between blank lines) that end with a
/// comment put it two spaces after the longest code among them; a line whose code is more than
/// [`OUTLIER`] columns longer than that of every other such line is left out (its comment comes two
/// spaces after its own code), so that one long line does not push every comment far right.
fn trailing_comment_columns(out: &[Out<'_>]) -> Vec<usize> {
    let mut cols = vec![0; out.len()];
    let mut group: Vec<(usize, usize)> = Vec::new();
    for i in 0..=out.len() {
        match out.get(i) {
            Some(Out::Code {
                indent,
                code,
                comment: Some(_),
            }) => group.push((i, indent + code.chars().count())),
            Some(Out::Code { .. } | Out::Comment { .. }) => {}
            Some(Out::Blank) | None => {
                let mut widths: Vec<usize> = group.iter().map(|&(_, w)| w).collect();
                widths.sort_unstable();
                while let [.., second, last] = widths.as_slice()
                    && last - second > OUTLIER
                {
                    widths.pop();
                }
                let col = widths.last().map_or(0, |w| w + 2);
                for &(j, w) in &group {
                    if let Some(slot) = cols.get_mut(j) {
                        *slot = col.max(w + 2);
                    }
                }
                group.clear();
            }
        }
    }
    cols
}

/// How much longer than the others a line's code may be and still have its trailing comment
/// aligned with theirs.
const OUTLIER: usize = 16;

/// For each line, the width its first token is padded to before an aligned `=`.
fn alignment_widths(lines: &[SourceLine<'_>], roles: &[Option<Role>]) -> Vec<Option<usize>> {
    let mut widths = vec![None; lines.len()];
    let mut run: Vec<(usize, usize)> = Vec::new();
    let close = |run: &mut Vec<(usize, usize)>, widths: &mut Vec<Option<usize>>| {
        let max = run.iter().map(|&(_, w)| w).max().unwrap_or(0);
        for &(i, _) in run.iter() {
            if let Some(slot) = widths.get_mut(i) {
                *slot = Some(max);
            }
        }
        run.clear();
    };
    for (i, (line, role)) in lines.iter().zip(roles).enumerate() {
        match role {
            None if line.is_blank() => close(&mut run, &mut widths),
            Some(Role::Start { aligns, .. }) => {
                let name = line.tokens.first().map_or("", |t| t.text);
                let equals = line.tokens.get(1).is_some_and(|t| t.text == "=");
                if *aligns && equals {
                    run.push((i, name.chars().count()));
                } else {
                    close(&mut run, &mut widths);
                }
            }
            // Comment lines and continuation lines do not end a run.
            _ => {}
        }
    }
    close(&mut run, &mut widths);
    widths
}

/// The indentations a line holding only a comment may take, by the code lines around it:
///
/// - right above a code line (no blank line between): that line's indentation, as a comment on
///   what follows; when also right below a code line, the indentation of that line too, or two
///   more than the deeper of the two, as a comment continuing the line above;
/// - right below a code line but not above one: the indentation of the next code line (0 at the
///   end), that of the line above, or two more;
/// - alone between blank lines: the indentation of the next code line (0 at the end).
fn comment_places(out: &[Out<'_>], i: usize) -> Vec<usize> {
    let indent_of = |o: &Out<'_>| match o {
        Out::Code { indent, .. } => Some(*indent),
        _ => None,
    };
    // The nearest code line each way, and whether only comment lines stand between.
    let mut above = None;
    for o in out.get(..i).unwrap_or_default().iter().rev() {
        match o {
            Out::Comment { .. } => {}
            Out::Blank => break,
            Out::Code { indent, .. } => {
                above = Some(*indent);
                break;
            }
        }
    }
    let mut below = None;
    let mut next = None;
    let mut adjacent = true;
    for o in out.get(i + 1..).unwrap_or_default() {
        match o {
            Out::Comment { .. } => {}
            Out::Blank => adjacent = false,
            Out::Code { .. } => {
                next = indent_of(o);
                if adjacent {
                    below = next;
                }
                break;
            }
        }
    }
    match (above, below) {
        (Some(p), Some(n)) => vec![n, p, p.max(n) + 2],
        (None, Some(n)) => vec![n],
        (Some(p), None) => vec![next.unwrap_or(0), p, p + 2],
        (None, None) => vec![next.unwrap_or(0)],
    }
}

/// The candidate nearest to `written`, the smaller on a tie.
fn nearest(written: usize, candidates: &[usize]) -> usize {
    let mut best: Option<usize> = None;
    for &c in candidates {
        best = match best {
            Some(b)
                if b.abs_diff(written) < c.abs_diff(written)
                    || (b.abs_diff(written) == c.abs_diff(written) && b <= c) =>
            {
                Some(b)
            }
            _ => Some(c),
        };
    }
    best.unwrap_or(0)
}
