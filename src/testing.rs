//! Checking a verdict against a case's `expect` block.

use crate::syntax::ast::{ExpectLawful, Expectation};
use crate::verdict::Verdict;

/// Whether a found code meets an expected one: equal, or the found code continues the expected
/// one after a `-` (cases.md §4: `KR-PIPA-28-8` matches `KR-PIPA-28-8-1`).
pub fn code_matches(expected: &str, found: &str) -> bool {
    found == expected
        || found
            .strip_prefix(expected)
            .is_some_and(|rest| rest.starts_with('-'))
}

fn lawful_word(l: Option<bool>) -> &'static str {
    match l {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}

/// Every way the verdict falls short of the expectation, in words; empty when it is met.
pub fn check(expect: &Expectation, v: &Verdict) -> Vec<String> {
    let mut failures = Vec::new();
    if let Some(c) = &expect.classification
        && c.text != v.classification
    {
        failures.push(format!(
            "classification: expected {}, got {}",
            c.text, v.classification
        ));
    }
    if let Some((l, _)) = expect.lawful {
        let want = match l {
            ExpectLawful::Yes => Some(true),
            ExpectLawful::No => Some(false),
            ExpectLawful::Unknown => None,
        };
        if want != v.lawful {
            failures.push(format!(
                "lawful: expected {}, got {}",
                lawful_word(want),
                lawful_word(v.lawful)
            ));
        }
    }
    let found: Vec<&str> = v.violations.iter().map(|x| x.code.as_str()).collect();
    let shown = if found.is_empty() {
        "none".to_string()
    } else {
        found.join(", ")
    };
    for code in &expect.include {
        if !found.iter().any(|f| code_matches(&code.text, f)) {
            failures.push(format!(
                "violation {} expected but not found (found: {shown})",
                code.text
            ));
        }
    }
    for code in &expect.exclude {
        for f in found.iter().filter(|f| code_matches(&code.text, f)) {
            failures.push(format!(
                "violation {f} found, but the case excludes {}",
                code.text
            ));
        }
    }
    if expect.lawful.is_some_and(|(l, _)| l == ExpectLawful::Yes) {
        // A case expected to be lawful must have no violation at all.
        for x in &v.violations {
            if !expect
                .exclude
                .iter()
                .any(|c| code_matches(&c.text, &x.code))
            {
                failures.push(format!(
                    "unexpected violation {} ({}: {})",
                    x.code, x.cite, x.message
                ));
            }
        }
    }
    for name in &expect.because {
        let in_grounds = v.grounds.contains(&name.text);
        let in_unknowns = v.unknowns.iter().any(|u| u.fact == name.text);
        if !in_grounds && !in_unknowns {
            failures.push(format!(
                "reason `{}` expected among the decisive grounds, which are: {}",
                name.text,
                if v.grounds.is_empty() {
                    "none".to_string()
                } else {
                    v.grounds.join(", ")
                }
            ));
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::code_matches;

    #[test]
    fn codes_match_by_prefix_at_a_dash() {
        assert!(code_matches("KR-PIPA-28-8", "KR-PIPA-28-8-1"));
        assert!(code_matches("KR-PIPA-28-8", "KR-PIPA-28-8-4"));
        assert!(code_matches("KR-PIPA-28-8-1", "KR-PIPA-28-8-1"));
        assert!(!code_matches("KR-PIPA-1", "KR-PIPA-17-1"));
        assert!(!code_matches("KR-PIPA-1", "KR-PIPA-18-1"));
        assert!(!code_matches("KR-PIPA-28-8-1", "KR-PIPA-28-8"));
    }
}

/// What a file that must be rejected declares, in a leading comment
/// `# expect error at LINE:COL: MESSAGE`: the place and a part of the message of an error it
/// must produce.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedError {
    /// Line of the error, from 1.
    pub line: u32,
    /// Column of the error, from 1.
    pub col: u32,
    /// Text the error's message must contain.
    pub message: String,
}

/// Reads the `# expect error at LINE:COL: MESSAGE` lines at the top of a file (before its first
/// line that is not a comment or blank).
pub fn expected_errors(text: &str) -> Vec<ExpectedError> {
    let mut out = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let Some(rest) = t.strip_prefix('#') else {
            break;
        };
        let Some(rest) = rest.trim_start().strip_prefix("expect error at ") else {
            continue;
        };
        let Some((place, message)) = rest.split_once(": ") else {
            continue;
        };
        let Some((l, c)) = place.split_once(':') else {
            continue;
        };
        if let (Ok(line), Ok(col)) = (l.trim().parse(), c.trim().parse()) {
            out.push(ExpectedError {
                line,
                col,
                message: message.trim().to_string(),
            });
        }
    }
    out
}

/// Checks the diagnostics of a file that must be rejected against what it declares; returns the
/// failures in words.
pub fn check_rejection(
    expected: &[ExpectedError],
    accepted: usize,
    diags: &[crate::diagnostic::Diagnostic],
    sources: &crate::source::SourceMap,
) -> Vec<String> {
    let mut failures = Vec::new();
    if accepted > 0 {
        failures.push(format!(
            "expected the file to be rejected, but {accepted} case(s) were accepted"
        ));
    }
    for e in expected {
        let found = diags.iter().filter(|d| d.is_error()).any(|d| {
            let at = d
                .span
                .and_then(|s| sources.locate(s))
                .map(|(_, lc)| (lc.line, lc.col));
            at == Some((e.line, e.col)) && d.message().contains(&e.message)
        });
        if !found {
            let got: Vec<String> = diags
                .iter()
                .filter(|d| d.is_error())
                .map(|d| {
                    let at = d
                        .span
                        .and_then(|s| sources.locate(s))
                        .map(|(_, lc)| lc.to_string())
                        .unwrap_or_default();
                    format!("{at}: {}", d.message())
                })
                .collect();
            failures.push(format!(
                "error expected at {}:{} containing `{}`; got: {}",
                e.line,
                e.col,
                e.message,
                if got.is_empty() {
                    "no error".to_string()
                } else {
                    got.join(" | ")
                }
            ));
        }
    }
    failures
}
