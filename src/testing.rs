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
