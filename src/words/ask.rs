//! Words of `ask`: the interview around the pack's own questions and help (which are pack
//! texts), the answers allowed, why an answer cannot be read, how the interview ended, and
//! saving. What a user types stays in the case language (`yes`, `no`, `unknown`, enum values);
//! in Korean 예/아니오/모름 are read too ([`crate::reason::ask::parse_answer`]).
//!
//! What an answer could change and the burden of proof come from [`super::CommonWords`],
//! [`super::ReportWords`] and [`super::TreeWords`].

use super::josa::{eul, i};
use super::{En, Ko};
use crate::compile::pack::FactType;
use crate::reason::ask::{AnswerError, Ending, Until};

/// Words of `ask`.
pub trait AskWords {
    /// "help" (a label before the pack's help for a question).
    fn ask_help_label(&self) -> &'static str;
    /// The answers a fact's type allows: "yes or no", "one of: a, b".
    fn ask_allowed(&self, ty: &FactType) -> String;
    /// The line before the prompt: "answer processing_serves (one of: …), or unknown".
    fn ask_answer_line(&self, fact: &str, allowed: &str) -> String;
    /// Why an answer for `fact` cannot be read.
    fn ask_bad_answer(&self, fact: &str, e: &AnswerError) -> String;
    /// An answer from the answers file that cannot be read (an error line).
    fn ask_bad_scripted_answer(&self, fact: &str, why: &str) -> String;
    /// The answers file cannot be read (an error line).
    fn ask_cannot_read_answers(&self, path: &str, err: &str) -> String;
    /// The line before the verdict: how the interview ended.
    fn ask_ending(&self, e: Ending, until: Until) -> String;
    /// The violations still possible with the questions left unanswered (`codes` listed).
    fn ask_still_possible(&self, codes: &str) -> String;
    /// "Saved 2 answer(s) to FILE".
    fn ask_saved(&self, n: usize, path: &str) -> String;
    /// After saving: the packs added to a case's `under`, because the answers saved are facts
    /// its own packs do not read (asked under `--under`).
    fn ask_under_added(&self, packs: &str) -> String;
    /// "Saved 2 answer(s) to FILE", to a new file whose cases got new ids (`ids`, listed).
    fn ask_saved_as(&self, n: usize, path: &str, ids: &str) -> String;
    /// The answers of a YAML or JSON case are not saved without `--save` (a note line).
    fn ask_not_saved(&self) -> &'static str;
    /// `--save` names a file that is not `.case` (an error line).
    fn ask_save_needs_case(&self) -> &'static str;
    /// The file to save into cannot be written (an error line).
    fn ask_cannot_write(&self, path: &str, err: &str) -> String;
}

impl AskWords for En {
    fn ask_help_label(&self) -> &'static str {
        "help"
    }
    fn ask_allowed(&self, ty: &FactType) -> String {
        match ty {
            FactType::Bool => "yes or no".to_string(),
            FactType::Number => "a whole number".to_string(),
            FactType::Date => "a date, YYYY-MM-DD".to_string(),
            FactType::Country => "a two-letter country code such as KR".to_string(),
            FactType::Enum(v) => format!("one of: {}", v.join(", ")),
            FactType::Set(v) => format!("any of, separated by commas: {}", v.join(", ")),
        }
    }
    fn ask_answer_line(&self, fact: &str, allowed: &str) -> String {
        format!("answer {fact} ({allowed}), or unknown")
    }
    fn ask_bad_answer(&self, fact: &str, e: &AnswerError) -> String {
        match e {
            AnswerError::NoSuchFact => "no such fact".to_string(),
            AnswerError::NotBool(t) => {
                format!("fact `{fact}` takes bool (true or false), but `{t}` was given")
            }
            AnswerError::NotNumber(t) => {
                format!("fact `{fact}` takes number, but `{t}` was given")
            }
            AnswerError::Negative(n) => {
                format!("fact `{fact}` takes number, but the negative number {n} was given")
            }
            AnswerError::NotDate(t) => {
                format!("`{t}` is not a real date (write dates as YYYY-MM-DD, e.g. 2023-09-15)")
            }
            AnswerError::NotCountry(t) => format!(
                "`{t}` is not a country code (write an ISO 3166-1 alpha-2 code in capitals, e.g. KR, SG, US)"
            ),
            AnswerError::NotAValue { given, closest } => {
                let hint = closest
                    .as_ref()
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                format!("`{given}` is not a value of `{fact}`{hint}")
            }
        }
    }
    fn ask_bad_scripted_answer(&self, fact: &str, why: &str) -> String {
        format!("error: {fact}: {why}")
    }
    fn ask_cannot_read_answers(&self, path: &str, err: &str) -> String {
        format!("error: cannot read `{path}`: {err}")
    }
    fn ask_ending(&self, e: Ending, until: Until) -> String {
        let what = match until {
            Until::Settled => "the outcome or the violations found",
            Until::Outcome => "the outcome",
        };
        match e {
            Ending::NothingToAsk => {
                format!("No question to ask: no unknown fact can change {what}. Verdict:")
            }
            Ending::StillOpen => {
                format!("The questions left unanswered can still change {what}. Verdict:")
            }
            Ending::Settled => format!("Nothing more can change {what}. Verdict:"),
        }
    }
    fn ask_still_possible(&self, codes: &str) -> String {
        format!("With the questions left unanswered, these violations remain possible: {codes}")
    }
    fn ask_saved(&self, n: usize, path: &str) -> String {
        format!("Saved {n} answer(s) to {path}")
    }
    fn ask_under_added(&self, packs: &str) -> String {
        format!(
            "Added {packs} to the case's `under`: the answers are facts only that law reads, and a case may give only facts of the packs it names"
        )
    }
    fn ask_saved_as(&self, n: usize, path: &str, ids: &str) -> String {
        format!(
            "Saved {n} answer(s) to {path}, under a new case id: {ids} (so that it can be judged beside the case it was made from)"
        )
    }
    fn ask_not_saved(&self) -> &'static str {
        "note: answers not saved; give --save FILE.case to save a YAML or JSON case with its answers"
    }
    fn ask_save_needs_case(&self) -> &'static str {
        "error: answers are saved as a .case file; name the --save file `….case`"
    }
    fn ask_cannot_write(&self, path: &str, err: &str) -> String {
        format!("error: cannot write `{path}`: {err}")
    }
}

impl AskWords for Ko {
    fn ask_help_label(&self) -> &'static str {
        "도움말"
    }
    fn ask_allowed(&self, ty: &FactType) -> String {
        match ty {
            FactType::Bool => "예 또는 아니오, yes 또는 no".to_string(),
            FactType::Number => "정수".to_string(),
            FactType::Date => "날짜, YYYY-MM-DD 형식".to_string(),
            FactType::Country => "KR과 같은 두 글자 국가 코드".to_string(),
            FactType::Enum(v) => format!("다음 중 하나: {}", v.join(", ")),
            FactType::Set(v) => format!("다음 중 해당하는 것 모두, 쉼표로 구분: {}", v.join(", ")),
        }
    }
    fn ask_answer_line(&self, fact: &str, allowed: &str) -> String {
        format!("{fact}의 값을 입력하십시오 ({allowed}). 모르면 모름 또는 unknown")
    }
    fn ask_bad_answer(&self, fact: &str, e: &AnswerError) -> String {
        match e {
            AnswerError::NoSuchFact => "그런 사실이 없습니다.".to_string(),
            AnswerError::NotBool(t) => {
                format!("`{fact}`에는 예 또는 아니오로 답하십시오(입력: `{t}`).")
            }
            AnswerError::NotNumber(t) => format!("`{fact}`에는 정수로 답하십시오(입력: `{t}`)."),
            AnswerError::Negative(n) => {
                format!("`{fact}`에는 0 이상의 정수로 답하십시오(입력: {n}).")
            }
            AnswerError::NotDate(t) => format!(
                "유효한 날짜가 아닙니다(입력: `{t}`). YYYY-MM-DD 형식으로 입력하십시오(예: 2023-09-15)."
            ),
            AnswerError::NotCountry(t) => format!(
                "국가 코드가 아닙니다(입력: `{t}`). KR, SG, US와 같은 ISO 3166-1 alpha-2 대문자 코드로 입력하십시오."
            ),
            AnswerError::NotAValue { given, closest } => {
                let hint = closest
                    .as_ref()
                    .map(|c| format!(" {} 뜻하셨습니까?", eul(&format!("`{c}`"))))
                    .unwrap_or_default();
                format!("`{fact}`에 쓸 수 없는 값입니다(입력: `{given}`).{hint}")
            }
        }
    }
    fn ask_bad_scripted_answer(&self, fact: &str, why: &str) -> String {
        format!("오류: {fact}: {why}")
    }
    fn ask_cannot_read_answers(&self, path: &str, err: &str) -> String {
        format!("오류: `{path}` 파일을 읽을 수 없습니다: {err}")
    }
    fn ask_ending(&self, e: Ending, until: Until) -> String {
        let what = match until {
            Until::Settled => "결론이나 인정되는 위반 사항",
            Until::Outcome => "결론",
        };
        match e {
            Ending::NothingToAsk => format!(
                "더 물을 질문이 없습니다. 확인되지 않은 사실 가운데 {} 바꿀 수 있는 것이 없습니다. 판단 결과:",
                eul(what)
            ),
            Ending::StillOpen => format!(
                "답하지 않은 질문에 따라 {} 아직 바뀔 수 있습니다. 판단 결과:",
                i(what)
            ),
            Ending::Settled => format!(
                "더 이상 {} 바꿀 수 있는 사실이 없습니다. 판단 결과:",
                eul(what)
            ),
        }
    }
    fn ask_still_possible(&self, codes: &str) -> String {
        format!("답하지 않은 질문에 따라 다음 위반 가능성이 남아 있습니다: {codes}")
    }
    fn ask_saved(&self, n: usize, path: &str) -> String {
        format!("답변 {n}개를 {path}에 저장했습니다.")
    }
    fn ask_under_added(&self, packs: &str) -> String {
        format!(
            "사안의 `under`에 {packs}을(를) 추가했습니다: 답변한 사실은 그 법령팩만 읽는 사실이며, 사안에는 그 사안이 지정한 법령팩의 사실만 적을 수 있습니다."
        )
    }
    fn ask_saved_as(&self, n: usize, path: &str, ids: &str) -> String {
        format!(
            "답변 {n}개를 {path}에 저장했습니다. 새 파일의 사안 id는 {ids}입니다(원래 사안과 함께 판단할 수 있도록 새 id를 부여했습니다)."
        )
    }
    fn ask_not_saved(&self) -> &'static str {
        "참고: 답변을 저장하지 않았습니다. YAML 또는 JSON 사안을 답변과 함께 저장하려면 --save FILE.case 옵션을 지정하십시오."
    }
    fn ask_save_needs_case(&self) -> &'static str {
        "오류: 답변은 .case 파일로 저장됩니다. --save 파일 이름을 `….case` 형식으로 지정하십시오."
    }
    fn ask_cannot_write(&self, path: &str, err: &str) -> String {
        format!("오류: `{path}` 파일에 쓸 수 없습니다: {err}")
    }
}

#[cfg(test)]
mod tests {
    use super::{AskWords, En, Ko};
    use crate::reason::ask::{AnswerError, Ending, Until};

    #[test]
    fn a_typo_names_the_closest_value() {
        let e = AnswerError::NotAValue {
            given: "transferer".into(),
            closest: Some("transferor".into()),
        };
        assert_eq!(
            En.ask_bad_answer("processing_serves", &e),
            "`transferer` is not a value of `processing_serves` (did you mean `transferor`?)"
        );
        assert_eq!(
            Ko.ask_bad_answer("processing_serves", &e),
            "`processing_serves`에 쓸 수 없는 값입니다(입력: `transferer`). `transferor`을(를) 뜻하셨습니까?"
        );
        assert_eq!(
            Ko.ask_ending(Ending::StillOpen, Until::Outcome),
            "답하지 않은 질문에 따라 결론이 아직 바뀔 수 있습니다. 판단 결과:"
        );
    }
}
