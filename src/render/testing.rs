//! The lines of `entrust test`: each expectation not met, in the words of the run's language.

use crate::testing::Failure;
use crate::words::Words;

/// One expectation not met, in words.
pub fn failure(f: &Failure, w: &dyn Words) -> String {
    match f {
        Failure::Classification { expected, got } => w.expected_classification(expected, got),
        Failure::Lawful { expected, got } => w.expected_lawful(*expected, *got),
        Failure::Applies { expected, got } => w.expected_applies(*expected, *got),
        Failure::MissingViolation { code, found } => {
            w.expected_violation(code, &found.join(w.comma()))
        }
        Failure::ExcludedViolation { found, excluded } => w.excluded_violation(found, excluded),
        Failure::UnexpectedViolation {
            code,
            cite,
            message,
        } => w.unexpected_violation(code, cite, message),
        Failure::MissingReason { reason, grounds } => {
            w.expected_reason(reason, &grounds.join(w.comma()))
        }
        Failure::Accepted { cases } => w.expected_rejection(*cases),
        Failure::MissingError {
            line,
            col,
            message,
            got,
        } => {
            let got: Vec<String> = got.iter().map(|(at, m)| format!("{at}: {m}")).collect();
            w.expected_error(*line, *col, message, &got.join(" | "))
        }
    }
}

/// The lines under a case or file that fell short: each expectation not met, indented.
pub fn failures(fs: &[Failure], w: &dyn Words) -> String {
    let mut out = String::new();
    for f in fs {
        out.push_str(w.test_detail_indent());
        out.push_str(&failure(f, w));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::failure;
    use crate::testing::Failure;
    use crate::words::{En, Ko};

    fn every_failure() -> Vec<Failure> {
        vec![
            Failure::Classification {
                expected: "provision".into(),
                got: "outsourcing".into(),
            },
            Failure::Lawful {
                expected: Some(false),
                got: None,
            },
            Failure::Applies {
                expected: Some(false),
                got: Some(true),
            },
            Failure::MissingViolation {
                code: "KR-PIPA-17-1".into(),
                found: vec![],
            },
            Failure::ExcludedViolation {
                found: "KR-PIPA-26-2".into(),
                excluded: "KR-PIPA-26".into(),
            },
            Failure::UnexpectedViolation {
                code: "KR-PIPA-26-2".into(),
                cite: "PIPA Art. 26(2)".into(),
                message: "m".into(),
            },
            Failure::MissingReason {
                reason: "consideration".into(),
                grounds: vec!["a".into(), "b".into()],
            },
            Failure::Accepted { cases: 1 },
            Failure::MissingError {
                line: 9,
                col: 3,
                message: "unknown fact".into(),
                got: vec![("1:1".into(), "x".into())],
            },
        ]
    }

    #[test]
    fn english_lines_read_as_before() {
        let lines: Vec<String> = every_failure().iter().map(|f| failure(f, &En)).collect();
        assert_eq!(
            lines,
            [
                "classification: expected provision, got outsourcing",
                "lawful: expected no, got unknown",
                "applies: expected no, got yes",
                "violation KR-PIPA-17-1 expected but not found (found: none)",
                "violation KR-PIPA-26-2 found, but the case excludes KR-PIPA-26",
                "unexpected violation KR-PIPA-26-2 (PIPA Art. 26(2): m)",
                "reason `consideration` expected among the decisive grounds, which are: a, b",
                "expected the file to be rejected, but 1 case(s) were accepted",
                "error expected at 9:3 containing `unknown fact`; got: 1:1: x",
            ]
        );
    }

    #[test]
    fn korean_lines_keep_the_codes_and_use_no_english_words() {
        for f in every_failure() {
            let line = failure(&f, &Ko);
            for english in [" expected", " got", " found", " the ", " case", " which "] {
                assert!(!line.contains(english), "{english} in {line}");
            }
        }
        assert_eq!(
            failure(&every_failure()[0], &Ko),
            "법적 성격: 기대 결과 제3자 제공(`provision`), 실제 결과 처리위탁(`outsourcing`)"
        );
        assert_eq!(
            failure(&every_failure()[1], &Ko),
            "적법 여부: 기대 결과 위법(`no`), 실제 결과 적법 여부 미정(`unknown`)"
        );
    }
}
