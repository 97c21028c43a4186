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

/// One way a verdict falls short of a case's `expect` block, or a file that must be rejected
/// falls short of its `# expect error at` lines: data, put in words by
/// [`crate::render::testing`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The classification differs: both as the pack names them (`provision`).
    Classification {
        /// Expected.
        expected: String,
        /// Found.
        got: String,
    },
    /// The lawfulness differs (`None`: unknown).
    Lawful {
        /// Expected.
        expected: Option<bool>,
        /// Found.
        got: Option<bool>,
    },
    /// Whether the law reaches the case differs (`None`: unknown).
    Applies {
        /// Expected.
        expected: Option<bool>,
        /// Found.
        got: Option<bool>,
    },
    /// A violation the case includes was not found.
    MissingViolation {
        /// The code expected (a prefix at a `-` also matches).
        code: String,
        /// Every violation code found.
        found: Vec<String>,
    },
    /// A violation was found that the case excludes.
    ExcludedViolation {
        /// The code found.
        found: String,
        /// The code the case excludes, which it matches.
        excluded: String,
    },
    /// A case expected to be lawful has a violation it does not exclude.
    UnexpectedViolation {
        /// The violation's code.
        code: String,
        /// Its citation.
        cite: String,
        /// Its message.
        message: String,
    },
    /// A reason named in `because` is neither among the decisive grounds nor an unknown fact.
    MissingReason {
        /// The reason named.
        reason: String,
        /// The decisive grounds found.
        grounds: Vec<String>,
    },
    /// A file that must be rejected had cases accepted.
    Accepted {
        /// How many.
        cases: usize,
    },
    /// A file that must be rejected lacks an error it declares.
    MissingError {
        /// Line expected, from 1.
        line: u32,
        /// Column expected, from 1.
        col: u32,
        /// Text the message must contain.
        message: String,
        /// The errors found instead: `line:col` (empty when unknown) and message.
        got: Vec<(String, String)>,
    },
}

/// Every way the verdict falls short of the expectation; empty when it is met.
pub fn check(expect: &Expectation, v: &Verdict) -> Vec<Failure> {
    let mut failures = Vec::new();
    if let Some(c) = &expect.classification
        && c.text != v.classification
        && v.term.as_ref() != Some(&c.text)
    {
        failures.push(Failure::Classification {
            expected: c.text.clone(),
            got: v.classification.clone(),
        });
    }
    if let Some((l, _)) = expect.lawful {
        let want = match l {
            ExpectLawful::Yes => Some(true),
            ExpectLawful::No => Some(false),
            ExpectLawful::Unknown => None,
        };
        if want != v.lawful {
            failures.push(Failure::Lawful {
                expected: want,
                got: v.lawful,
            });
        }
    }
    if let Some((l, _)) = expect.applies {
        let want = match l {
            ExpectLawful::Yes => Some(true),
            ExpectLawful::No => Some(false),
            ExpectLawful::Unknown => None,
        };
        // A pack without scope items reaches every case.
        let got = v.applies.unwrap_or(Some(true));
        if want != got {
            failures.push(Failure::Applies {
                expected: want,
                got,
            });
        }
    }
    let found: Vec<&str> = v.violations.iter().map(|x| x.code.as_str()).collect();
    for code in &expect.include {
        if !found.iter().any(|f| code_matches(&code.text, f)) {
            failures.push(Failure::MissingViolation {
                code: code.text.clone(),
                found: found.iter().map(|f| (*f).to_string()).collect(),
            });
        }
    }
    for code in &expect.exclude {
        for f in found.iter().filter(|f| code_matches(&code.text, f)) {
            failures.push(Failure::ExcludedViolation {
                found: (*f).to_string(),
                excluded: code.text.clone(),
            });
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
                failures.push(Failure::UnexpectedViolation {
                    code: x.code.clone(),
                    cite: x.cite.clone(),
                    message: x.message.clone(),
                });
            }
        }
    }
    for name in &expect.because {
        let in_grounds = v.grounds.contains(&name.text);
        let in_unknowns = v.unknowns.iter().any(|u| u.fact == name.text);
        if !in_grounds && !in_unknowns {
            failures.push(Failure::MissingReason {
                reason: name.text.clone(),
                grounds: v.grounds.clone(),
            });
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
/// failures.
pub fn check_rejection(
    expected: &[ExpectedError],
    accepted: usize,
    diags: &[crate::diagnostic::Diagnostic],
    sources: &crate::source::SourceMap,
) -> Vec<Failure> {
    let mut failures = Vec::new();
    if accepted > 0 {
        failures.push(Failure::Accepted { cases: accepted });
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
            let got = diags
                .iter()
                .filter(|d| d.is_error())
                .map(|d| {
                    let at = d
                        .span
                        .and_then(|s| sources.locate(s))
                        .map(|(_, lc)| lc.to_string())
                        .unwrap_or_default();
                    (at, d.message())
                })
                .collect();
            failures.push(Failure::MissingError {
                line: e.line,
                col: e.col,
                message: e.message.clone(),
                got,
            });
        }
    }
    failures
}
