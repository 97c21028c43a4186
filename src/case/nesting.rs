//! The nesting guard of the YAML and JSON Lines readers: lists and mappings nested deeper than
//! [`MAX_NESTING`] are refused, at the bracket (or the YAML `-`, `?` or key) that passes the
//! limit, before the text reaches a parser. The YAML parser's scanner takes time quadratic in
//! the depth of flow brackets (`[[[[…`: 40,000 of them take seconds), and memory linear in the
//! depth of block collections (`- - - …`: 2,000,000 of them take 600 MB), before its own
//! recursion limit fires; the JSON parser is quick but words its limit in its own terms. A
//! case needs three levels (the case, `facts`, a list of values): the limit is the one of the
//! case and statute languages.
//!
//! Both guards read the text once, in linear time, and never count fewer brackets open than
//! the parser would have open at the same place: where the YAML guard cannot tell whether a
//! quote starts a quoted scalar (the first thing on a line that may continue a plain scalar of
//! the line before), it counts the opening brackets inside and ignores the closing ones.

/// How deep brackets may nest in a YAML or JSON case (as conditions may in the statute
/// language).
pub const MAX_NESTING: usize = crate::syntax::MAX_EXPR_DEPTH;

/// The byte offset of the first bracket of a JSON text nested deeper than [`MAX_NESTING`].
pub(crate) fn json(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'"' => {
                i += 1;
                while let Some(&s) = bytes.get(i) {
                    match s {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The byte offset of the first flow bracket (`[` or `{`), block entry (`-`, `?`) or key of a
/// YAML text that opens a collection nested deeper than [`MAX_NESTING`].
///
/// It follows the scanner of libyaml (which the YAML parser is) as far as brackets go. Outside
/// quoted scalars, comments and block scalars, a bracket opens or closes a flow collection
/// where a token starts and anywhere inside a flow collection; in a plain scalar outside flow
/// collections it is text. A plain scalar outside flow collections goes on over the lines
/// indented more than the collection holding it (its key's column, or its entry's `-`); line
/// breaks are those of YAML (`\n`, `\r`, `\r\n`, U+0085, U+2028, U+2029). Block collections
/// are counted as the scanner's indentation stack holds them: outside flow collections, a
/// `-`, `?` or key at a column past the last collection's opens one, and a line whose first
/// token (not a comment, nor the continuation of a plain scalar) starts at a column closes
/// those at columns past it.
pub(crate) fn yaml(text: &str) -> Option<usize> {
    Scan {
        b: text.as_bytes(),
        i: 0,
        col: 0,
        flow: 0,
        block: Vec::new(),
    }
    .run()
    .err()
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    /// The column of `i`, in characters.
    col: usize,
    /// Flow collections open.
    flow: usize,
    /// The columns of the block collections open, as the parser's indentation stack holds
    /// them (outside flow collections, each `-`, `?` or key at a column past the last opens
    /// one; a line starting at a column closes those past it).
    block: Vec<usize>,
}

impl Scan<'_> {
    fn at(&self, k: usize) -> Option<u8> {
        self.b.get(self.i + k).copied()
    }

    /// The length of the line break at `i + k` (0 when there is none).
    fn brk_at(&self, k: usize) -> usize {
        let j = self.i + k;
        match (self.b.get(j), self.b.get(j + 1), self.b.get(j + 2)) {
            (Some(b'\r'), Some(b'\n'), _) => 2,
            (Some(b'\r' | b'\n'), _, _) => 1,
            (Some(0xC2), Some(0x85), _) => 2,
            (Some(0xE2), Some(0x80), Some(0xA8 | 0xA9)) => 3,
            _ => 0,
        }
    }

    /// Whether `i + k` is a blank, a line break or the end.
    fn blankz(&self, k: usize) -> bool {
        matches!(self.at(k), None | Some(b' ' | b'\t')) || self.brk_at(k) > 0
    }

    /// Moves past the character (or line break) at `i`.
    fn step(&mut self) {
        let n = self.brk_at(0);
        if n > 0 {
            self.i += n;
            self.col = 0;
            return;
        }
        self.i += 1;
        while self.at(0).is_some_and(|c| c & 0xC0 == 0x80) {
            self.i += 1;
        }
        self.col += 1;
    }

    /// Moves to the line break ending the line (or the end).
    fn skip_to_break(&mut self) {
        while self.at(0).is_some() && self.brk_at(0) == 0 {
            self.step();
        }
    }

    /// A document marker (`---` or `...`) at `i`, at the start of a line.
    fn marker(&self) -> bool {
        self.col == 0
            && matches!(self.b.get(self.i..self.i + 3), Some(b"---") | Some(b"..."))
            && self.blankz(3)
    }

    /// Opens a flow collection at `i`; `Err` with its offset past the limit.
    fn open(&mut self) -> Result<(), usize> {
        self.flow += 1;
        self.check()
    }

    /// `Err` with the offset `i` if the collections open (block and flow) pass the limit.
    fn check(&self) -> Result<(), usize> {
        if self.flow + self.block.len() > MAX_NESTING {
            Err(self.i)
        } else {
            Ok(())
        }
    }

    /// A block collection at column `col`, offset `at` (a `-` or `?`, or a key): opens one if
    /// past the last; `Err(at)` past the limit.
    fn block_at(&mut self, col: usize, at: usize) -> Result<(), usize> {
        if self.block.last().is_none_or(|&top| col > top) {
            self.block.push(col);
        }
        self.check().map_err(|_| at)
    }

    /// Skips a quoted scalar starting at `i`, up to its closing quote, or to a document marker
    /// (which the parser refuses inside one).
    fn quoted(&mut self) {
        let q = self.at(0);
        self.step();
        while let Some(c) = self.at(0) {
            if self.marker() {
                return;
            }
            if c == b'\\' && q == Some(b'"') {
                self.step();
            } else if Some(c) == q {
                self.step();
                if q == Some(b'\'') && self.at(0) == Some(b'\'') {
                    self.step();
                    continue;
                }
                return;
            }
            self.step();
        }
    }

    /// Skips a tag, an anchor or an alias: to the next blank, counting the opening brackets
    /// inside and ignoring the closing ones (whatever the parser makes of them).
    fn property(&mut self) -> Result<(), usize> {
        self.step();
        while !self.blankz(0) {
            if matches!(self.at(0), Some(b'[' | b'{')) {
                self.open()?;
            }
            self.step();
        }
        Ok(())
    }

    /// Skips the rest of the line of a block scalar's indicator, then its content: the lines
    /// indented as its first line that is not blank (more than `owner`, the collection holding
    /// the scalar; at least one space), and the blank lines among them.
    fn block_scalar(&mut self, owner: Option<usize>) {
        self.skip_to_break();
        let least = owner.map_or(1, |o| o + 1);
        let mut content: Option<usize> = None;
        loop {
            let n = self.brk_at(0);
            if n == 0 {
                return;
            }
            // Look at the next line.
            let mut j = self.i + n;
            while self.b.get(j) == Some(&b' ') {
                j += 1;
            }
            let indent = j - (self.i + n);
            let rest = Scan {
                b: self.b,
                i: j,
                col: indent,
                flow: 0,
                block: Vec::new(),
            };
            let blank = rest.at(0).is_none() || rest.brk_at(0) > 0;
            if !blank {
                let need = *content.get_or_insert(indent.max(least));
                if indent < need {
                    return;
                }
            }
            self.step();
            self.skip_to_break();
        }
    }

    fn run(&mut self) -> Result<(), usize> {
        // In a plain scalar.
        let mut plain = false;
        // The column of the last node (scalar or properties) started, and whether properties
        // started it.
        let mut node_col = 0usize;
        let mut node_at = 0usize;
        let mut after_property = false;
        // Whether a node started on this line.
        let mut node_on_line = false;
        // The indentation of the block collection holding what comes next, as the parser
        // keeps it: the column of the last key, `-` or `?` outside flow collections (`None`
        // at the top of a document).
        let mut owner: Option<usize> = None;
        let mut line_start = true;
        let mut blank_before = true;
        while let Some(c) = self.at(0) {
            if self.brk_at(0) > 0 {
                self.step();
                line_start = true;
                blank_before = true;
                after_property = false;
                node_on_line = false;
                continue;
            }
            if line_start {
                line_start = false;
                while self.at(0) == Some(b' ') {
                    self.step();
                }
                if self.at(0).is_none() || self.brk_at(0) > 0 || self.marker() {
                    continue;
                }
                // A plain scalar goes on over the lines indented more than its collection.
                if plain && self.flow == 0 && owner.is_some_and(|o| self.col <= o) {
                    plain = false;
                }
                // A token first on its line closes the block collections indented more.
                if !plain && self.flow == 0 && self.at(0) != Some(b'#') {
                    while self.block.last().is_some_and(|&top| top > self.col) {
                        self.block.pop();
                    }
                }
                continue;
            }
            // Document markers end everything but flow collections (and a quoted scalar
            // may stop at one).
            if self.marker() {
                plain = false;
                owner = None;
                self.block.clear();
                self.step();
                self.step();
                self.step();
                continue;
            }
            if matches!(c, b' ' | b'\t') {
                blank_before = true;
                self.step();
                continue;
            }
            let was_blank = blank_before;
            blank_before = false;
            if plain {
                match c {
                    b'#' if was_blank => {
                        plain = false;
                        self.skip_to_break();
                    }
                    b':' if self.blankz(1)
                        || (self.flow > 0
                            && matches!(
                                self.at(1),
                                Some(b',' | b'?' | b'[' | b']' | b'{' | b'}')
                            )) =>
                    {
                        // Ends the scalar: read again as a token.
                        plain = false;
                    }
                    b',' | b'[' | b']' | b'{' | b'}' if self.flow > 0 => plain = false,
                    _ => self.step(),
                }
                continue;
            }
            // Where a token starts.
            let mut start_node = |col: usize, at: usize, property: bool| {
                if !after_property {
                    node_col = col;
                    node_at = at;
                }
                after_property = property;
                node_on_line = true;
            };
            match c {
                b'#' => self.skip_to_break(),
                b'[' | b'{' => {
                    start_node(self.col, self.i, false);
                    self.open()?;
                    self.step();
                }
                b']' | b'}' => {
                    self.flow = self.flow.saturating_sub(1);
                    self.step();
                }
                b',' => self.step(),
                b'"' | b'\'' => {
                    start_node(self.col, self.i, false);
                    self.quoted();
                }
                b'|' | b'>' if self.flow == 0 => {
                    after_property = false;
                    self.block_scalar(owner);
                }
                b'&' | b'*' | b'!' => {
                    start_node(self.col, self.i, true);
                    self.property()?;
                }
                b'-' | b'?' if self.blankz(1) => {
                    if self.flow == 0 {
                        owner = Some(self.col);
                        self.block_at(self.col, self.i)?;
                    }
                    after_property = false;
                    self.step();
                }
                b':' if self.flow > 0 || self.blankz(1) => {
                    if self.flow == 0 {
                        // A key's column; a `:` first on its line is aligned with its `?`.
                        let (key, at) = if node_on_line {
                            (node_col, node_at)
                        } else {
                            (self.col, self.i)
                        };
                        owner = Some(key);
                        self.block_at(key, at)?;
                    }
                    after_property = false;
                    self.step();
                }
                _ => {
                    start_node(self.col, self.i, false);
                    plain = true;
                    self.step();
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn json_counts_brackets_outside_strings() {
        assert_eq!(json(r#"{"a": [[1]], "b": "[[[[["}"#), None);
        let deep = format!("{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert_eq!(json(&deep), None);
        let deeper = "[".repeat(100_000);
        assert_eq!(json(&deeper), Some(MAX_NESTING));
        let escaped = format!(r#"{{"a": "\"{}"}}"#, "[".repeat(200));
        assert_eq!(json(&escaped), None);
    }

    #[test]
    fn yaml_counts_flow_brackets() {
        // The mapping of `a` is the first level.
        let deep = format!("a: {}", "[".repeat(100_000));
        assert_eq!(yaml(&deep), Some(3 + MAX_NESTING - 1));
        let items = format!("a: {}", "[a, ".repeat(100_000));
        assert_eq!(yaml(&items), Some(3 + 4 * (MAX_NESTING - 1)));
        let ok = format!("{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert_eq!(yaml(&ok), None);
        let ok = format!(
            "a: {}{}",
            "[".repeat(MAX_NESTING - 1),
            "]".repeat(MAX_NESTING - 1)
        );
        assert_eq!(yaml(&ok), None);
        // Flow mappings, and brackets after a tag or an anchor.
        assert!(yaml(&format!("a: {}", "{a: ".repeat(1000))).is_some());
        assert!(yaml(&format!("a: !t {}", "[".repeat(1000))).is_some());
        assert!(yaml(&format!("a: &x {}", "[".repeat(1000))).is_some());
        assert!(yaml(&format!("--- {}", "[".repeat(1000))).is_some());
        assert!(yaml(&format!("- {}", "[".repeat(1000))).is_some());
    }

    #[test]
    fn yaml_counts_block_collections() {
        // Compact nested sequences and keys, on one line: the 65th `-` is at 2 * 64.
        assert_eq!(yaml(&"- ".repeat(100_000)), Some(2 * MAX_NESTING));
        assert_eq!(yaml(&"? ".repeat(100_000)), Some(2 * MAX_NESTING));
        // Over lines, each indented one more.
        let stairs: String = (0..100).map(|i| format!("{}- \n", " ".repeat(i))).collect();
        assert!(yaml(&stairs).is_some());
        let keys: String = (0..100).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        let at = keys.find(&format!("\n{}k", " ".repeat(MAX_NESTING)));
        assert_eq!(yaml(&keys), at.map(|i| i + 1 + MAX_NESTING), "at the key");
        // Blocks and brackets together.
        let both = format!("{}{}", "- ".repeat(40), "[".repeat(40));
        assert_eq!(yaml(&both), Some(2 * 40 + MAX_NESTING - 40));
        // Lines back at a column close what is indented more: as deep as a case, many times.
        let flat = "- id: a\n  facts:\n    x: [1, 2]\n    y:\n      - 3\n".repeat(10_000);
        assert_eq!(yaml(&flat), None);
        let deep_once: String = (0..60).map(|i| format!("{}- \n", " ".repeat(i))).collect();
        assert_eq!(yaml(&deep_once.repeat(100)), None);
        // Comments and the lines of a plain scalar close nothing.
        let cont = format!("{}a\n# c\n", "- ".repeat(60));
        assert_eq!(yaml(&cont.repeat(3)), None);
    }

    #[test]
    fn yaml_text_holds_any_brackets() {
        let many = "[".repeat(200);
        for text in [
            format!("title: \"{many}\"\n"),
            format!("title: '{many}'\n"),
            format!("title: it's {many}\n"),
            format!("title: a {many}\n"),
            format!("# {many}\nid: x\n"),
            format!("id: x # {many}\n"),
            format!("notes: |\n  {many}\n  {many}\n\n  {many}\nid: x\n"),
            format!("- notes: >-\n    {many}\n  id: x\n"),
            format!("facts: {{a: \"{many}\", b: [x, '{many}']}}\n"),
            format!("title: 'it''s {many}'\n"),
            format!("title: \"a \\\" {many}\"\n"),
        ] {
            assert_eq!(yaml(&text), None, "{text}");
        }
    }

    #[test]
    fn yaml_follows_plain_scalars_over_lines() {
        let deep = "[".repeat(200);
        // The quote on the second line is text of the plain scalar `a 'b`; the third line is
        // a key, and a deep flow sequence.
        assert!(yaml(&format!("k: a\n  'b\nx: {deep}'\n")).is_some());
        // A comment, a quote or a block scalar's indicator ends nothing in a quoted scalar.
        assert!(yaml(&format!("k: \"a\n# b\nx: {deep}\"\n")).is_none());
        // Line breaks of every kind end a comment.
        for brk in ["\r", "\u{85}", "\u{2028}", "\u{2029}"] {
            assert!(yaml(&format!("# c{brk}x: {deep}\n")).is_some(), "{brk:?}");
        }
        // A block scalar ends at the first line indented less than its first.
        assert!(yaml(&format!("k: |\n    text\n  x: {deep}\n")).is_some());
        assert!(yaml(&format!("k: |\n  text\n\n  {deep}\nx: y\n")).is_none());
        // A document marker ends a quoted scalar (the parser refuses it there).
        assert!(yaml(&format!("'a\n---\n{deep}\n")).is_some());
    }

    mod against_the_parser {
        use super::*;
        use proptest::prelude::*;

        // No alias to the anchor `x`: a sequence holding itself also makes the parser refuse
        // the text with its recursion limit.
        const PIECES: &[&str] = &[
            "[", "[", "[", "{", "]", "}", ",", " ", "\n", "  ", "'", "\"", "#", ":", ": ", "- ",
            "? ", "a", "b ", "|", ">", "&x ", "*y", "!t ", "\r", "\\", "---\n", "k: ", "\n  ",
            "\u{85}", "\t", "'it''s'",
        ];

        fn soup(max: usize) -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|v| v.concat())
        }

        fn value() -> impl Strategy<Value = serde_yaml::Value> {
            let text = prop::collection::vec(
                prop::sample::select(
                    &[
                        "[", "]", "{", "}", "'", "\"", "#", ": ", "- ", "a", " ", "\n", "|",
                    ][..],
                ),
                0..12,
            )
            .prop_map(|v| serde_yaml::Value::String(v.concat()));
            let leaf = prop_oneof![text, any::<i64>().prop_map(serde_yaml::Value::from)];
            leaf.prop_recursive(6, 64, 6, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..6)
                        .prop_map(serde_yaml::Value::Sequence),
                    prop::collection::vec(("[a-z\\[\\]{}' #:]{1,6}", inner), 0..6).prop_map(|kv| {
                        serde_yaml::Value::Mapping(
                            kv.into_iter()
                                .map(|(k, v)| (serde_yaml::Value::String(k), v))
                                .collect(),
                        )
                    }),
                ]
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(1000))]

            /// Whatever comes before, brackets the parser nests past its own limit (128) are
            /// caught first.
            #[test]
            fn never_lets_deep_nesting_through(
                before in soup(12),
                between in prop::collection::vec(prop::sample::select(PIECES), 130),
                after in soup(10),
            ) {
                let mut text = before;
                for piece in between {
                    text.push('[');
                    if !matches!(piece, "]" | "}") {
                        text.push_str(piece);
                    }
                }
                text.push_str(&after);
                if yaml(&text).is_none()
                    && let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(&text)
                {
                    prop_assert!(!e.to_string().contains("recursion limit"), "{text:?}: {e}");
                }
            }

            /// A value written by a YAML or JSON writer, at most six levels deep, passes.
            #[test]
            fn lets_written_values_through(v in value()) {
                let y = serde_yaml::to_string(&v).unwrap();
                prop_assert_eq!(yaml(&y), None, "{}", y);
                let j = serde_json::to_string(&v).unwrap();
                prop_assert_eq!(yaml(&j), None, "{}", j);
                prop_assert_eq!(json(&j), None, "{}", j);
            }
        }
    }
}
