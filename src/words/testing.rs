//! Words of `entrust test`: the line of each case passed or failed, each expectation not met,
//! the totals, and the coverage report of `--coverage`.
//!
//! The lines keep one shape in every language, so that they can be searched with `grep`: a
//! status word padded to seven columns (`ok     `, `FAILED `; `통과   `, `실패   `), the case
//! and its pack, then each expectation not met indented by seven spaces.

use super::{CommonWords, En, Ko};

/// A kind of rule in the coverage report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// A requirement.
    Requirement,
    /// An exception.
    Exception,
    /// A factor of a weighing.
    Factor,
    /// A statute test.
    Test,
}

/// Words of `entrust test`.
pub trait TestWords {
    // ---- each case ------------------------------------------------------------------------
    /// A case met its expectations: `ok     courier-parcels [kr]`.
    fn test_passed(&self, case: &str, pack: &str) -> String;
    /// A case did not: `FAILED courier-parcels [kr] (cases/kr/courier-parcels.case:2:6)`; `at`
    /// may be empty.
    fn test_failed(&self, case: &str, pack: &str, at: &str) -> String;
    /// A file that must be rejected was: "ok     cases/invalid/x.case (rejected as expected)".
    fn test_rejected(&self, file: &str) -> String;
    /// A file that must be rejected fell short: "FAILED cases/invalid/x.case".
    fn test_not_rejected(&self, file: &str) -> String;
    /// The indent of each expectation not met, under the line of its case.
    fn test_detail_indent(&self) -> &'static str;
    /// The last line: "12 passed, 1 failed".
    fn test_totals(&self, passed: usize, failed: usize) -> String;

    // ---- each expectation not met ---------------------------------------------------------
    /// "classification: expected provision, got outsourcing" (classification values as the
    /// pack names them).
    fn expected_classification(&self, expected: &str, got: &str) -> String;
    /// "lawful: expected no, got yes".
    fn expected_lawful(&self, expected: Option<bool>, got: Option<bool>) -> String;
    /// "applies: expected no, got yes" (whether the pack's law reaches the case).
    fn expected_applies(&self, expected: Option<bool>, got: Option<bool>) -> String;
    /// "violation KR-PIPA-17-1 expected but not found (found: none)"; `found` lists the codes
    /// found, already joined (empty: none).
    fn expected_violation(&self, code: &str, found: &str) -> String;
    /// "violation KR-PIPA-26-2 found, but the case excludes KR-PIPA-26".
    fn excluded_violation(&self, found: &str, excluded: &str) -> String;
    /// "unexpected violation KR-PIPA-26-2 (PIPA Art. 26(2): …)" in a case expected lawful.
    fn unexpected_violation(&self, code: &str, cite: &str, message: &str) -> String;
    /// "reason `x` expected among the decisive grounds, which are: a, b"; `grounds` already
    /// joined (empty: none).
    fn expected_reason(&self, reason: &str, grounds: &str) -> String;
    /// "expected the file to be rejected, but 1 case(s) were accepted".
    fn expected_rejection(&self, accepted: usize) -> String;
    /// "error expected at 9:3 containing `…`; got: …"; `got` lists the errors found, already
    /// joined (empty: no error).
    fn expected_error(&self, line: u32, col: u32, message: &str, got: &str) -> String;

    // ---- the coverage report --------------------------------------------------------------
    /// "Coverage of pack `kr` by 82 case(s): how many cases made each rule hold, fail, or stay
    /// unknown".
    fn coverage_title(&self, pack: &str, cases: usize) -> String;
    /// The heading of the table of a kind of rule: "requirement" (a column heading).
    fn coverage_kind(&self, kind: RuleKind) -> &'static str;
    /// The heading of the table of the factors of a weighing: "factor of classification".
    fn coverage_factors_of(&self, weighing: &str) -> String;
    /// The headings of the counting columns, aligned to the columns of 4, 6 and 7 places that
    /// follow the rule's identifier, then the citation's: "held  failed  unknown  citation".
    fn coverage_columns(&self) -> &'static str;
    /// A rule in the list of rules no case exercised: "requirement `x`".
    fn coverage_rule(&self, kind: RuleKind, id: &str) -> String;
    /// "Requirements never met: …" (`list` already joined, empty: none).
    fn never_met(&self, list: &str) -> String;
    /// "Requirements never violated: …".
    fn never_violated(&self, list: &str) -> String;
    /// "Not exercised by any case (marked !): …".
    fn not_exercised(&self, list: &str) -> String;
}

/// The word of a lawfulness in an `expect` block: `yes`, `no`, `unknown`.
fn lawful_code(l: Option<bool>) -> &'static str {
    match l {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}

impl TestWords for En {
    fn test_passed(&self, case: &str, pack: &str) -> String {
        format!("ok     {case} [{pack}]")
    }
    fn test_failed(&self, case: &str, pack: &str, at: &str) -> String {
        format!("FAILED {case} [{pack}] ({at})")
    }
    fn test_rejected(&self, file: &str) -> String {
        format!("ok     {file} (rejected as expected)")
    }
    fn test_not_rejected(&self, file: &str) -> String {
        format!("FAILED {file}")
    }
    fn test_detail_indent(&self) -> &'static str {
        "       "
    }
    fn test_totals(&self, passed: usize, failed: usize) -> String {
        format!("{passed} passed, {failed} failed")
    }

    fn expected_classification(&self, expected: &str, got: &str) -> String {
        format!("classification: expected {expected}, got {got}")
    }
    fn expected_lawful(&self, expected: Option<bool>, got: Option<bool>) -> String {
        format!(
            "lawful: expected {}, got {}",
            self.lawful_answer(expected),
            self.lawful_answer(got)
        )
    }
    fn expected_applies(&self, expected: Option<bool>, got: Option<bool>) -> String {
        format!(
            "applies: expected {}, got {}",
            self.lawful_answer(expected),
            self.lawful_answer(got)
        )
    }
    fn expected_violation(&self, code: &str, found: &str) -> String {
        let found = if found.is_empty() { self.none() } else { found };
        format!("violation {code} expected but not found (found: {found})")
    }
    fn excluded_violation(&self, found: &str, excluded: &str) -> String {
        format!("violation {found} found, but the case excludes {excluded}")
    }
    fn unexpected_violation(&self, code: &str, cite: &str, message: &str) -> String {
        format!("unexpected violation {code} ({cite}: {message})")
    }
    fn expected_reason(&self, reason: &str, grounds: &str) -> String {
        let grounds = if grounds.is_empty() {
            self.none()
        } else {
            grounds
        };
        format!("reason `{reason}` expected among the decisive grounds, which are: {grounds}")
    }
    fn expected_rejection(&self, accepted: usize) -> String {
        format!("expected the file to be rejected, but {accepted} case(s) were accepted")
    }
    fn expected_error(&self, line: u32, col: u32, message: &str, got: &str) -> String {
        let got = if got.is_empty() { "no error" } else { got };
        format!("error expected at {line}:{col} containing `{message}`; got: {got}")
    }

    fn coverage_title(&self, pack: &str, cases: usize) -> String {
        format!(
            "Coverage of pack `{pack}` by {cases} case(s): how many cases made each rule hold, fail, or stay unknown"
        )
    }
    fn coverage_kind(&self, kind: RuleKind) -> &'static str {
        match kind {
            RuleKind::Requirement => "requirement",
            RuleKind::Exception => "exception",
            RuleKind::Factor => "factor",
            RuleKind::Test => "test",
        }
    }
    fn coverage_factors_of(&self, weighing: &str) -> String {
        format!("factor of {weighing}")
    }
    fn coverage_columns(&self) -> &'static str {
        "held  failed  unknown  citation"
    }
    fn coverage_rule(&self, kind: RuleKind, id: &str) -> String {
        format!("{} `{id}`", self.coverage_kind(kind))
    }
    fn never_met(&self, list: &str) -> String {
        let list = if list.is_empty() { self.none() } else { list };
        format!("Requirements never met: {list}")
    }
    fn never_violated(&self, list: &str) -> String {
        let list = if list.is_empty() { self.none() } else { list };
        format!("Requirements never violated: {list}")
    }
    fn not_exercised(&self, list: &str) -> String {
        let list = if list.is_empty() { self.none() } else { list };
        format!("Not exercised by any case (marked !): {list}")
    }
}

/// A classification value in Korean words, with the pack's identifier after it when they
/// differ: "제3자 제공(`provision`)".
fn class_with_code(w: &Ko, c: &str) -> String {
    let word = w.class(c);
    if word == c {
        format!("`{c}`")
    } else {
        format!("{word}(`{c}`)")
    }
}

impl TestWords for Ko {
    fn test_passed(&self, case: &str, pack: &str) -> String {
        format!("통과   {case} [{pack}]")
    }
    fn test_failed(&self, case: &str, pack: &str, at: &str) -> String {
        format!("실패   {case} [{pack}] ({at})")
    }
    fn test_rejected(&self, file: &str) -> String {
        format!("통과   {file} (기대 결과대로 거부됨)")
    }
    fn test_not_rejected(&self, file: &str) -> String {
        format!("실패   {file}")
    }
    fn test_detail_indent(&self) -> &'static str {
        "       "
    }
    fn test_totals(&self, passed: usize, failed: usize) -> String {
        format!("통과 {passed}건, 실패 {failed}건")
    }

    fn expected_classification(&self, expected: &str, got: &str) -> String {
        format!(
            "법적 성격: 기대 결과 {}, 실제 결과 {}",
            class_with_code(self, expected),
            class_with_code(self, got)
        )
    }
    fn expected_lawful(&self, expected: Option<bool>, got: Option<bool>) -> String {
        format!(
            "적법 여부: 기대 결과 {}(`{}`), 실제 결과 {}(`{}`)",
            self.lawful(expected),
            lawful_code(expected),
            self.lawful(got),
            lawful_code(got)
        )
    }
    fn expected_applies(&self, expected: Option<bool>, got: Option<bool>) -> String {
        let word = |x: Option<bool>| match x {
            Some(true) => "적용됨",
            Some(false) => "적용되지 않음",
            None => "불명",
        };
        format!(
            "법의 적용 여부: 기대 결과 {}(`{}`), 실제 결과 {}(`{}`)",
            word(expected),
            lawful_code(expected),
            word(got),
            lawful_code(got)
        )
    }
    fn expected_violation(&self, code: &str, found: &str) -> String {
        let found = if found.is_empty() { self.none() } else { found };
        format!("기대한 위반 `{code}` 인정되지 않음 (인정된 위반: {found})")
    }
    fn excluded_violation(&self, found: &str, excluded: &str) -> String {
        format!("사안이 제외한 위반 `{excluded}`에 해당하는 위반 `{found}` 인정됨")
    }
    fn unexpected_violation(&self, code: &str, cite: &str, message: &str) -> String {
        format!("기대 결과에 없는 위반 `{code}` 인정됨 ({cite}: {message})")
    }
    fn expected_reason(&self, reason: &str, grounds: &str) -> String {
        let grounds = if grounds.is_empty() {
            self.none()
        } else {
            grounds
        };
        format!("기대한 근거 `{reason}` 결정적 근거에 없음 (결정적 근거: {grounds})")
    }
    fn expected_rejection(&self, accepted: usize) -> String {
        format!("파일이 거부되어야 하나 사안 {accepted}건이 받아들여짐")
    }
    fn expected_error(&self, line: u32, col: u32, message: &str, got: &str) -> String {
        let got = if got.is_empty() { self.none() } else { got };
        format!(
            "{line}:{col}에서 `{message}` 문구를 포함한 오류가 나야 하나 나지 않음 (실제 오류: {got})"
        )
    }

    fn coverage_title(&self, pack: &str, cases: usize) -> String {
        format!(
            "법령팩 `{pack}`의 검증 범위 (사안 {cases}건): 각 규칙이 성립·불성립·미정으로 판단된 사안의 수"
        )
    }
    fn coverage_kind(&self, kind: RuleKind) -> &'static str {
        match kind {
            RuleKind::Requirement => "요건",
            RuleKind::Exception => "예외",
            RuleKind::Factor => "고려 요소",
            RuleKind::Test => "판단 기준",
        }
    }
    fn coverage_factors_of(&self, weighing: &str) -> String {
        format!("{weighing}의 고려 요소")
    }
    fn coverage_columns(&self) -> &'static str {
        // 성립 fills 4 places, 불성립 6, and 미정 is pushed right within 7.
        "성립  불성립     미정  근거 조문"
    }
    fn coverage_rule(&self, kind: RuleKind, id: &str) -> String {
        format!("{} `{id}`", self.coverage_kind(kind))
    }
    fn never_met(&self, list: &str) -> String {
        let list = if list.is_empty() { self.none() } else { list };
        format!("한 번도 충족되지 않은 요건: {list}")
    }
    fn never_violated(&self, list: &str) -> String {
        let list = if list.is_empty() { self.none() } else { list };
        format!("한 번도 위반되지 않은 요건: {list}")
    }
    fn not_exercised(&self, list: &str) -> String {
        let list = if list.is_empty() { self.none() } else { list };
        format!("어느 사안으로도 검증되지 않은 규칙 (! 표시): {list}")
    }
}
