//! Text laid out in columns on a terminal: the places a text takes (two for Hangul and the other
//! wide East Asian scripts), padding, and wrapping to a width.

/// The places a character takes on a terminal: two for Hangul and the other wide East Asian
/// scripts, one for the rest.
fn char_width(c: char) -> usize {
    match u32::from(c) {
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
        | 0xFFE0..=0xFFE6 => 2,
        _ => 1,
    }
}

/// The places a text takes on a terminal (see `char_width`).
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
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
            if width(&line) + char_width(c) > cols && !line.is_empty() {
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
