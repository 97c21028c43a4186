//! Finding where keys and values of a YAML or JSON case were written.
//!
//! YAML and JSON parsers that keep positions are rare and fragile; entrust parses with
//! `yaml_serde`/`serde_json` and then finds each key in the text by scanning forward in document
//! order, the order in which the case is read. A key that cannot be found (written through an
//! alias, say) falls back to the place of its enclosing case.

use crate::source::{SourceId, Span};

/// A forward-only cursor over a source text.
pub struct Locator<'a> {
    text: &'a str,
    source: SourceId,
    base: usize,
    cursor: usize,
    fallback: Span,
    /// How far the text has been scanned for comments, and what was open there.
    scan: Scan,
}

/// The state of a scan of the text for comments, at one offset: the start of its line, the
/// quote open there, and whether a comment has started on that line. Offsets are asked in
/// increasing order as the cursor moves forward, so the scan goes on from where it stopped
/// instead of starting over from the line's start: a line of megabytes holding thousands of
/// keys is scanned once, not once per key.
#[derive(Clone, Copy, Default)]
struct Scan {
    at: usize,
    quote: Option<u8>,
    comment: bool,
}

impl Scan {
    /// Whether offset `to` of `text` is inside a comment.
    fn in_comment(&mut self, text: &[u8], to: usize) -> bool {
        if to < self.at {
            // Backwards (rare): start over from the start of the line.
            let line_start = text
                .get(..to)
                .and_then(|t| memchr::memrchr(b'\n', t))
                .map_or(0, |i| i + 1);
            *self = Scan {
                at: line_start,
                ..Scan::default()
            };
        }
        // Only the last line between the scan and `to` matters.
        if let Some(nl) = text
            .get(self.at..to)
            .and_then(|t| memchr::memrchr(b'\n', t))
        {
            *self = Scan {
                at: self.at + nl + 1,
                ..Scan::default()
            };
        }
        for &c in text.get(self.at..to).unwrap_or_default() {
            if self.comment {
                break;
            }
            match (self.quote, c) {
                (None, b'"' | b'\'') => self.quote = Some(c),
                (Some(q), c) if c == q => self.quote = None,
                (None, b'#') => self.comment = true,
                _ => {}
            }
        }
        self.at = self.at.max(to);
        self.comment
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

impl<'a> Locator<'a> {
    /// A locator over `text`, whose byte 0 is at `base` in the source.
    pub fn new(source: SourceId, text: &'a str, base: usize) -> Self {
        Locator {
            text,
            source,
            base,
            cursor: 0,
            fallback: Span::new(source, base, base),
            scan: Scan::default(),
        }
    }

    /// The span used when a key cannot be found.
    pub fn set_fallback(&mut self, span: Span) {
        self.fallback = span;
    }

    /// The span to use when nothing more precise is known.
    pub fn fallback(&self) -> Span {
        self.fallback
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.source, self.base + start, self.base + end)
    }

    /// Finds the next occurrence of `word` as a whole token (optionally quoted) after the cursor,
    /// skipping comments. With `key`, it must be followed by `:`.
    fn find(&mut self, word: &str, key: bool) -> Option<Span> {
        if word.is_empty() {
            return None;
        }
        let bytes = self.text.as_bytes();
        let mut from = self.cursor;
        while let Some(rel) = self.text.get(from..).and_then(|t| t.find(word)) {
            let start = from + rel;
            let end = start + word.len();
            from = end;
            let before = start.checked_sub(1).and_then(|i| bytes.get(i)).copied();
            let after = bytes.get(end).copied();
            if before.is_some_and(is_word) || after.is_some_and(is_word) {
                continue;
            }
            // Skip matches inside a comment.
            if self.scan.in_comment(bytes, start) {
                continue;
            }
            if key {
                let mut k = end;
                if matches!(bytes.get(k), Some(b'"' | b'\'')) {
                    k += 1;
                }
                while matches!(bytes.get(k), Some(b' ' | b'\t')) {
                    k += 1;
                }
                if bytes.get(k) != Some(&b':') {
                    continue;
                }
            }
            self.cursor = end;
            return Some(self.span(start, end));
        }
        None
    }

    /// The span of the next key `name`, or the fallback.
    pub fn key(&mut self, name: &str) -> Span {
        self.find(name, true).unwrap_or(self.fallback)
    }

    /// The number written right after the cursor (after the key just found, its quote and
    /// colon), as written, and its span: a number too large to be read keeps its digits.
    pub fn number(&mut self) -> Option<(String, Span)> {
        let bytes = self.text.as_bytes();
        let mut start = self.cursor;
        while matches!(bytes.get(start), Some(b'"' | b'\'' | b':' | b' ' | b'\t')) {
            start += 1;
        }
        let mut end = start;
        while bytes.get(end).is_some_and(|b| {
            b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'_' | b'e' | b'E')
        }) {
            end += 1;
        }
        let text = self.text.get(start..end)?;
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        self.cursor = end;
        Some((text.to_string(), self.span(start, end)))
    }

    /// The span of the next scalar `value`, or `near` if it cannot be found.
    pub fn value(&mut self, value: &str, near: Span) -> Span {
        let saved = self.cursor;
        match self.find(value, false) {
            Some(s) => s,
            None => {
                self.cursor = saved;
                near
            }
        }
    }
}
