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

    /// The byte range of line `line` (numbered as in [`SourceFile::line_col`]) in the text,
    /// without its break.
    pub fn line_range(&self, line: u32) -> std::ops::Range<usize> {
        let idx = line.saturating_sub(self.first_line) as usize;
        let Some(&start) = self.line_starts.get(idx) else {
            return self.text.len()..self.text.len();
        };
        let start = start as usize;
        let text = self.line_text(line);
        start..start + text.len()
    }

    /// The text under a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}

/// The largest file read whole (a `.case`, YAML or `.law` file, an answers file, a JSON Lines
/// file that `check` or `test` reads, standard input that is not JSON Lines): 64 MiB. A larger
/// one is refused before it is read (JSON Lines that `eval` reads go line by line, of any
/// size; see `crate::stream::MAX_LINE_BYTES`).
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Why a file was not read: it is larger than [`MAX_FILE_BYTES`]. Carried in an
/// [`std::io::Error`] of kind [`std::io::ErrorKind::FileTooLarge`], so that it goes where a
/// read error goes; [`too_large`] tells it apart.
#[derive(Debug)]
struct TooLarge;

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "larger than {MAX_FILE_BYTES} bytes")
    }
}

impl std::error::Error for TooLarge {}

/// Whether a read error is a file larger than [`MAX_FILE_BYTES`].
pub fn too_large(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::FileTooLarge
        && e.get_ref().is_some_and(|inner| inner.is::<TooLarge>())
}

/// Reads a file whole, or refuses it if it is larger than [`MAX_FILE_BYTES`] (an error that
/// [`too_large`] tells apart): its size is checked before it is read, and it is read no
/// further than the limit, so a file that grows while it is read is refused too.
pub fn read_whole(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata().map_or(0, |m| m.len());
    read_at_most(file, size, MAX_FILE_BYTES)
}

/// Reads `reader` to its end, or refuses it past [`MAX_FILE_BYTES`] (standard input, say).
pub fn read_whole_from(reader: impl std::io::Read) -> std::io::Result<Vec<u8>> {
    read_at_most(reader, 0, MAX_FILE_BYTES)
}

/// Reads `reader` whole if it holds at most `max` bytes; `size` is what it says it holds (0
/// when unknown), checked first.
fn read_at_most(reader: impl std::io::Read, size: u64, max: u64) -> std::io::Result<Vec<u8>> {
    let refused = || std::io::Error::new(std::io::ErrorKind::FileTooLarge, TooLarge);
    if size > max {
        return Err(refused());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    std::io::Read::read_to_end(&mut std::io::Read::take(reader, max + 1), &mut bytes)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max {
        return Err(refused());
    }
    Ok(bytes)
}

/// The UTF-8 byte order mark, which some editors write at the start of a file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The bytes of a file without its leading byte order mark, if it has one.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// Bytes that are not UTF-8, in a text decoded by [`decode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotUtf8 {
    /// Where they stand in the decoded text (which holds U+FFFD there).
    pub offset: usize,
    /// The first byte that is not UTF-8.
    pub byte: u8,
}

/// A file's bytes as text: the one place where every reader (statute files, `.case`, YAML,
/// JSON Lines, answers files) turns bytes into text, so that all follow one rule. A leading
/// byte order mark is dropped (the text, and every line and column, starts after it); bytes
/// that are not UTF-8 are an error, reported at the first of them in each line where they
/// occur (a file is rejected at the first; a line of JSON Lines at its own). The text is
/// returned either way, with U+FFFD in place of what is not UTF-8, so that the error can be
/// shown in its line.
pub fn decode(mut bytes: Vec<u8>) -> (String, Vec<NotUtf8>) {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, Vec::new()),
        Err(e) => {
            let bytes = e.into_bytes();
            let mut text = String::with_capacity(bytes.len() + 16);
            let mut bad = Vec::new();
            // Line by line: a line break is never part of bytes that are not UTF-8, so the
            // lines decoded one by one make the text decoded whole.
            for line in bytes.split_inclusive(|b| *b == b'\n') {
                match std::str::from_utf8(line) {
                    Ok(l) => text.push_str(l),
                    Err(e) => {
                        let at = e.valid_up_to();
                        bad.push(NotUtf8 {
                            offset: text.len() + at,
                            byte: line.get(at).copied().unwrap_or(0),
                        });
                        text.push_str(&String::from_utf8_lossy(line));
                    }
                }
            }
            (text, bad)
        }
    }
}

/// The columns a character takes on a terminal: two for Hangul and the other wide East Asian
/// scripts, none for the marks that combine with the character before and the invisible
/// format characters, one for the rest. Every place that lines text up (the underline of a
/// diagnostic, the tables of reports) counts with it.
pub fn char_columns(c: char) -> usize {
    match u32::from(c) {
        0x0300..=0x036F | 0x200B..=0x200F | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// The columns a text takes on a terminal (see [`char_columns`]).
pub fn columns(s: &str) -> usize {
    s.chars().map(char_columns).sum()
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

    /// The error for bytes that are not UTF-8, at their place in text `id` decoded by
    /// [`decode`].
    pub fn not_utf8(&self, id: SourceId, bad: NotUtf8) -> crate::diagnostic::Diagnostic {
        // The text holds U+FFFD (3 bytes) where the bytes were.
        let end = self
            .get(id)
            .map_or(bad.offset, |f| (bad.offset + 3).min(f.text.len()));
        crate::diagnostic::Diagnostic::error(
            crate::syntax::Msg::NotUtf8 { byte: bad.byte },
            Span::new(id, bad.offset, end),
        )
    }

    /// Adds a file's bytes, decoded by [`decode`], whose first line is line `first_line` of
    /// the file; with the places where they are not UTF-8.
    pub fn add_bytes(
        &mut self,
        name: impl Into<String>,
        bytes: Vec<u8>,
        first_line: u32,
    ) -> (SourceId, Vec<NotUtf8>) {
        let (text, bad) = decode(bytes);
        (self.add_at(name, text, first_line), bad)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader of `n` bytes that says nothing of its size (standard input, a file growing).
    fn endless(n: u64) -> impl std::io::Read {
        std::io::Read::take(std::io::repeat(b'x'), n)
    }

    #[test]
    fn a_file_is_read_whole_up_to_the_limit_and_refused_past_it() {
        assert_eq!(
            read_at_most(endless(10), 0, 10).map(|b| b.len()).ok(),
            Some(10)
        );
        // Past the limit: refused having read one byte more than it, not the whole.
        let e = read_at_most(endless(u64::MAX), 0, 10).err();
        assert!(e.as_ref().is_some_and(too_large), "{e:?}");
        // A size said past the limit is refused before anything is read.
        let e = read_at_most(endless(0), 11, 10).err();
        assert!(e.as_ref().is_some_and(too_large), "{e:?}");
        // A file that holds more than it said when opened (it grew) is refused too.
        let e = read_at_most(endless(11), 5, 10).err();
        assert!(e.as_ref().is_some_and(too_large), "{e:?}");
        // Another error of the same kind is not this one.
        let other = std::io::Error::from(std::io::ErrorKind::FileTooLarge);
        assert!(!too_large(&other));
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_bad_bytes_are_placed_line_by_line() {
        let (text, bad) = decode(b"\xEF\xBB\xBFa\nb\xFFc\n\xC3d\xFF\n".to_vec());
        assert_eq!(text, "a\nb\u{FFFD}c\n\u{FFFD}d\u{FFFD}\n");
        // One place per line that holds bad bytes: the first of them.
        assert_eq!(
            bad,
            vec![
                NotUtf8 {
                    offset: 3,
                    byte: 0xFF
                },
                NotUtf8 {
                    offset: 8,
                    byte: 0xC3
                }
            ]
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBF".to_vec()),
            (String::new(), Vec::new())
        );
        // A byte order mark after the start is text like any other.
        assert_eq!(decode("a\u{FEFF}".into()).0, "a\u{FEFF}");
    }
}
