//! Source texts and spans: every node of every input knows which file and which bytes it came from.

use std::fmt;

/// Identifies one source text in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct SourceId(pub u32);

/// A byte range of one source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// The text the span points into.
    pub source: SourceId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span of `start..end` in `source`.
    pub fn new(source: SourceId, start: usize, end: usize) -> Self {
        Span {
            source,
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            source: self.source,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// One source text: a file, standard input, or an embedded pack file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in messages (a path, `<stdin>`, or `<builtin>/kr/20-pipa.law`).
    pub name: String,
    /// The whole text.
    pub text: String,
    line_starts: Vec<u32>,
    /// The line number of the text's first line (1 unless the text is a part of a file).
    first_line: u32,
}

/// A line and column, both counted from 1; the column counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub col: u32,
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

impl SourceFile {
    /// Wraps a text under a name.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
        SourceFile {
            name: name.into(),
            text,
            line_starts,
            first_line: 1,
        }
    }

    /// Line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = offset.min(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line_idx).copied().unwrap_or(0);
        let col = self
            .text
            .get(start as usize..offset as usize)
            .map_or(0, |s| s.chars().count());
        LineCol {
            line: u32::try_from(line_idx)
                .unwrap_or(u32::MAX)
                .saturating_add(self.first_line),
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
        }
    }

    /// The text of line `line` (numbered as in [`SourceFile::line_col`]), without its break.
    pub fn line_text(&self, line: u32) -> &str {
        let idx = line.saturating_sub(self.first_line) as usize;
        let Some(&start) = self.line_starts.get(idx) else {
            return "";
        };
        let end = self
            .line_starts
            .get(idx + 1)
            .map_or(self.text.len(), |&e| e as usize);
        self.text
            .get(start as usize..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// The text under a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}

/// All the source texts of a run, so that any later stage can point into them.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a text and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> SourceId {
        let id = SourceId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile::new(name, text));
        id
    }

    /// Adds a part of a file whose first line is line `first_line` of the file.
    pub fn add_at(
        &mut self,
        name: impl Into<String>,
        text: impl Into<String>,
        first_line: u32,
    ) -> SourceId {
        let id = self.add(name, text);
        if let Some(f) = self.files.last_mut() {
            f.first_line = first_line.max(1);
        }
        id
    }

    /// The text of an id.
    pub fn get(&self, id: SourceId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    /// `file:line:col` of a span's start, for messages and explanations.
    pub fn locate(&self, span: Span) -> Option<(String, LineCol)> {
        let f = self.get(span.source)?;
        Some((f.name.clone(), f.line_col(span.start)))
    }
}
