//! CSV: one row per case and pack, for spreadsheets.

use crate::verdict::Verdict;
use crate::words::Words;

/// The header row, in the words of a language (English: the column names scripts read).
pub fn header(w: &dyn Words) -> &'static str {
    w.csv_header()
}

fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// One row (RFC 4180 quoting; lists joined with `; `).
pub fn row(v: &Verdict) -> String {
    let mut out = String::new();
    let codes: Vec<&str> = v.violations.iter().map(|x| x.code.as_str()).collect();
    let questions: Vec<String> = v
        .unknowns
        .iter()
        .map(|u| format!("{}: {}", u.fact, u.question))
        .collect();
    let possible: Vec<&str> = v
        .possible_violations
        .iter()
        .map(|x| x.code.as_str())
        .collect();
    let not_checked: Vec<String> = v
        .not_checked
        .iter()
        .map(|g| format!("{} ({})", g.title, g.cite))
        .collect();
    let lawful = match v.lawful {
        Some(true) => "true",
        Some(false) => "false",
        None => "unknown",
    };
    let cells = [
        v.id.as_str(),
        v.title.as_deref().unwrap_or(""),
        v.under.as_str(),
        v.classification.as_str(),
        lawful,
        &codes.join("; "),
        &v.grounds.join("; "),
        &questions.join("; "),
        &possible.join("; "),
        &not_checked.join("; "),
    ];
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(&mut out, c);
    }
    out.push('\n');
    out
}
