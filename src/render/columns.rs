//! Text laid out in columns on a terminal: the places a text takes (two for Hangul and the other
//! wide East Asian scripts), padding, and wrapping to a width.

use crate::source::char_columns;

/// The places a text takes on a terminal (see [`crate::source::char_columns`]: two for Hangul
/// and the other wide scripts, none for combining marks).
pub fn width(s: &str) -> usize {
    crate::source::columns(s)
}

/// `s` padded with spaces on the right to `w` places.
pub fn pad_right(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// `s` padded with spaces on the left to `w` places.
pub fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// Wraps a paragraph to `cols` places, each line after the first indented by `indent`.
pub fn wrap(text: &str, cols: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = width(&line);
        if len > 0 && len + 1 + width(word) > cols {
            out.push_str(&line);
            out.push('\n');
            line = indent.to_string();
        } else if len > 0 && line != indent {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

/// The lines of a paragraph wrapped to at most `cols` places: between words where it can, and
/// inside a word longer than a line.
pub fn lines(text: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = width(&line);
        if len > 0 && len + 1 + width(word) <= cols {
            line.push(' ');
            line.push_str(word);
            continue;
        }
        if len > 0 {
            out.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if width(&line) + char_columns(c) > cols && !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_takes_two_places_and_lines_keep_to_their_width() {
        assert_eq!(width("요건"), 4);
        assert_eq!(width("factor"), 6);
        assert_eq!(pad_right("요건", 6), "요건  ");
        assert_eq!(pad_right("requirement", 4), "requirement");
        assert_eq!(lines("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(lines("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(lines("개인정보 보호법", 8), vec!["개인정보", "보호법"]);
        assert_eq!(lines("", 4), vec![""]);
        for l in lines(
            "제3자 제공에 해당하며 위법함 EU-GDPR-6-1 (2019-06-01 to 2024-05-21)",
            10,
        ) {
            assert!(width(&l) <= 10, "{l}");
        }
    }
}
