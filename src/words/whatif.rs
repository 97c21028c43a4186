//! Words of `whatif`: the report of the smallest sets of fact changes that would flip an
//! outcome, and the messages of the command itself.

use super::josa::{i, ro};
use super::{CommonWords, En, Ko};

/// Words of `whatif`. Classification sides come in as the pack names them (`provision`) and
/// are put in words with [`CommonWords::class`]; fact names, values, rule ids, violation codes
/// and the pack's own texts (titles, citations, questions, `because`) come in as they are.
pub trait WhatifWords {
    // ---- the command ------------------------------------------------------------------------
    /// "Judged under kr (title), 2019-06-01 to 2024-05-21, in 3 stretches of law".
    fn judged(&self, pack: &str, title: &str, from: &str, to: &str, stretches: usize) -> String;
    /// The facts kept as they are (listed, comma-separated): "Kept as they are (…): a, b".
    fn kept(&self, facts: &str) -> String;
    /// Heading of the case as filed, before a `--set` variation: "AS FILED".
    fn as_filed(&self) -> &'static str;
    /// One `--set` change: "fact = value (was old)".
    fn set_to(&self, fact: &str, value: &str, was: &str) -> String;
    /// Heading of the variation, with its changes listed: "WITH a = b (was c)".
    fn with_changes(&self, changes: &str) -> String;
    /// "What follows starts from this variation."
    fn starts_from_variation(&self) -> &'static str;
    /// The case file holds no case: "error: no case in PATH".
    fn no_case_in(&self, path: &str) -> String;
    /// The report cannot be written: "error: cannot write the report: …".
    fn whatif_cannot_write(&self, error: &str) -> String;

    // ---- the report -------------------------------------------------------------------------
    /// "AS IT STANDS".
    fn as_it_stands(&self) -> &'static str;
    /// After a standing whose lawfulness is open because of law not encoded:
    /// "; touches law not encoded".
    fn touches_not_encoded(&self) -> &'static str;
    /// A balance range in short (from [`CommonWords::balance_range`]): "balance +28 to +30
    /// toward provision".
    fn balance_in_short(&self, range: &str) -> String;
    /// "SETTLING THE OPEN QUESTIONS (each answer alone)".
    fn open_heading(&self) -> &'static str;
    /// What an open question could change: "could change the classification", "could change
    /// lawfulness".
    fn could_change_what(&self, classification: bool) -> &'static str;
    /// Between answers leading to the same outcome: " or ".
    fn or_word(&self) -> &'static str;
    /// The heading of a goal: "TO BECOME OUTSOURCING" (`side`), "TO BE LAWFUL" (`None`).
    fn goal_heading(&self, side: Option<&str>) -> String;
    /// "No change of the facts can do it; in the way:".
    fn blocked(&self) -> &'static str;
    /// Before law not encoded: "not encoded".
    fn not_encoded_label(&self) -> &'static str;
    /// "None found among the sets tried before the search stopped."
    fn none_before_stop(&self) -> &'static str;
    /// "No set of up to 3 changes would do it" (`more`: " (more changes at once:
    /// --max-changes)") ".".
    fn none_within(&self, n: usize, more: bool) -> String;
    /// The head of a set of changes: "1. 2 changes".
    fn flip_heading(&self, k: usize, n: usize) -> String;
    /// After a change of an unknown fact: " (settles an open question)".
    fn settles_open(&self) -> &'static str;
    /// The start of the plain-words summary of a set reaching a side: "To be outsourcing".
    fn to_be_class(&self, side: &str) -> String;
    /// The start of the plain-words summary of a set reaching lawfulness, with the side then
    /// settled: "To be a lawful provision", "To be lawful".
    fn to_be_lawful(&self, side: Option<&str>) -> String;
    /// The plain-words summary: "To be outsourcing: a; and b."
    fn plain_sentence(&self, target: &str, parts: &[String]) -> String;
    /// A factor that no longer fires, by its `because`: "it is not so that …".
    fn not_so(&self, because: &str) -> String;
    /// A fact's question and the answer tried: "to “…?” the answer is yes".
    fn answer_is(&self, question: &str, answer: &str) -> String;
    /// A truth value as an answer: "yes", "no".
    fn yes_no(&self, b: bool) -> &'static str;
    /// A country no rule names, standing for every such country: "a country other than CN, US".
    fn country_other_than(&self, codes: &str) -> String;
    /// "Then decided by:".
    fn decided_by(&self) -> &'static str;
    /// A factor that would decide: "+7 toward provision, decisive: because (cite)".
    fn factor_line(
        &self,
        points: i32,
        side: &str,
        decisive: bool,
        because: &str,
        cite: &str,
    ) -> String;
    /// The factors already in the case that carry the outcome along (ids): "together with the
    /// factors already in the case: a, b".
    fn along(&self, ids: &str) -> String;
    /// What becomes of a requirement under one classification: "if provision, met".
    fn if_class(&self, side: &str, what: &str) -> String;
    /// A requirement in the way, once the changes are made: "met".
    fn resolution_met(&self) -> &'static str;
    /// "no longer applies".
    fn resolution_gone(&self) -> &'static str;
    /// "still in the way in part of the period".
    fn resolution_remains(&self) -> &'static str;
    /// Excused by an exception (its title and citation when known): "excused: title (cite)".
    fn resolution_excused(&self, exception: Option<(&str, &str)>) -> String;
    /// A requirement not in force in the period: "not in force".
    fn not_in_force(&self) -> &'static str;
    /// A gap no longer touched: "no longer touched".
    fn no_longer_touched(&self) -> &'static str;
    /// "… and 16 more sets of changes."
    fn more_sets(&self, n: usize) -> String;
    /// The search stopped at the budget (`considered`: the sets looked at, when the sets, not
    /// the evaluations, ran out).
    fn stopped_early(
        &self,
        evaluations: usize,
        considered: Option<usize>,
        searched: usize,
    ) -> String;
    /// "Searched every set of up to 3 changes (467 evaluations)."
    fn searched_all(&self, searched: usize, evaluations: usize) -> String;
}

/// "change" or "changes".
fn changes_en(n: usize) -> &'static str {
    if n == 1 { "change" } else { "changes" }
}

impl WhatifWords for En {
    fn judged(&self, pack: &str, title: &str, from: &str, to: &str, stretches: usize) -> String {
        let period = if from == to {
            format!("on {from}")
        } else {
            format!("{from} to {to}")
        };
        format!(
            "Judged under {pack} ({title}), {period}, in {stretches} stretch{} of law",
            if stretches == 1 { "" } else { "es" }
        )
    }
    fn kept(&self, facts: &str) -> String {
        format!(
            "Kept as they are (the arrangement's givens, or --keep; --vary FACT to vary one): {facts}"
        )
    }
    fn as_filed(&self) -> &'static str {
        "AS FILED"
    }
    fn set_to(&self, fact: &str, value: &str, was: &str) -> String {
        format!("{fact} = {value} (was {was})")
    }
    fn with_changes(&self, changes: &str) -> String {
        format!("WITH {changes}")
    }
    fn starts_from_variation(&self) -> &'static str {
        "What follows starts from this variation."
    }
    fn no_case_in(&self, path: &str) -> String {
        format!("error: no case in {path}")
    }
    fn whatif_cannot_write(&self, error: &str) -> String {
        format!("error: cannot write the report: {error}")
    }
    fn as_it_stands(&self) -> &'static str {
        "AS IT STANDS"
    }
    fn touches_not_encoded(&self) -> &'static str {
        "; touches law not encoded"
    }
    fn balance_in_short(&self, range: &str) -> String {
        format!("balance {range}")
    }
    fn open_heading(&self) -> &'static str {
        "SETTLING THE OPEN QUESTIONS (each answer alone)"
    }
    fn could_change_what(&self, classification: bool) -> &'static str {
        if classification {
            "could change the classification"
        } else {
            "could change lawfulness"
        }
    }
    fn or_word(&self) -> &'static str {
        " or "
    }
    fn goal_heading(&self, side: Option<&str>) -> String {
        match side {
            Some(s) => format!("TO BECOME {}", self.class(s).to_uppercase()),
            None => "TO BE LAWFUL".into(),
        }
    }
    fn blocked(&self) -> &'static str {
        "No change of the facts can do it; in the way:"
    }
    fn not_encoded_label(&self) -> &'static str {
        "not encoded"
    }
    fn none_before_stop(&self) -> &'static str {
        "None found among the sets tried before the search stopped."
    }
    fn none_within(&self, n: usize, more: bool) -> String {
        format!(
            "No set of up to {n} {} would do it{}.",
            changes_en(n),
            if more {
                " (more changes at once: --max-changes)"
            } else {
                ""
            }
        )
    }
    fn flip_heading(&self, k: usize, n: usize) -> String {
        format!("{k}. {n} {}", changes_en(n))
    }
    fn settles_open(&self) -> &'static str {
        " (settles an open question)"
    }
    fn to_be_class(&self, side: &str) -> String {
        format!("To be {}", self.class(side))
    }
    fn to_be_lawful(&self, side: Option<&str>) -> String {
        match side {
            Some(s) => format!("To be a lawful {}", self.class(s)),
            None => "To be lawful".into(),
        }
    }
    fn plain_sentence(&self, target: &str, parts: &[String]) -> String {
        format!("{target}: {}.", parts.join("; and "))
    }
    fn not_so(&self, because: &str) -> String {
        format!("it is not so that {because}")
    }
    fn answer_is(&self, question: &str, answer: &str) -> String {
        format!("to “{question}” the answer is {answer}")
    }
    fn yes_no(&self, b: bool) -> &'static str {
        if b { "yes" } else { "no" }
    }
    fn country_other_than(&self, codes: &str) -> String {
        format!("a country other than {codes}")
    }
    fn decided_by(&self) -> &'static str {
        "Then decided by:"
    }
    fn factor_line(
        &self,
        points: i32,
        side: &str,
        decisive: bool,
        because: &str,
        cite: &str,
    ) -> String {
        format!(
            "+{points} toward {}{}: {because} ({cite})",
            self.class(side),
            if decisive { ", decisive" } else { "" }
        )
    }
    fn along(&self, ids: &str) -> String {
        format!("together with the factors already in the case: {ids}")
    }
    fn if_class(&self, side: &str, what: &str) -> String {
        format!("if {}, {what}", self.class(side))
    }
    fn resolution_met(&self) -> &'static str {
        "met"
    }
    fn resolution_gone(&self) -> &'static str {
        "no longer applies"
    }
    fn resolution_remains(&self) -> &'static str {
        "still in the way in part of the period"
    }
    fn resolution_excused(&self, exception: Option<(&str, &str)>) -> String {
        match exception {
            Some((title, cite)) => format!("excused: {title} ({cite})"),
            None => "excused".into(),
        }
    }
    fn not_in_force(&self) -> &'static str {
        "not in force"
    }
    fn no_longer_touched(&self) -> &'static str {
        "no longer touched"
    }
    fn more_sets(&self, n: usize) -> String {
        format!(
            "… and {n} more set{} of changes.",
            if n == 1 { "" } else { "s" }
        )
    }
    fn stopped_early(
        &self,
        evaluations: usize,
        considered: Option<usize>,
        searched: usize,
    ) -> String {
        format!(
            "Stopped early after {evaluations} evaluations{} (the budget): sets of {searched} {} were searched in full; larger ones were not, or only in part. Sets listed are still minimal.",
            considered.map_or_else(String::new, |c| format!(
                " and {c} sets of changes looked at"
            )),
            changes_en(searched)
        )
    }
    fn searched_all(&self, searched: usize, evaluations: usize) -> String {
        format!(
            "Searched every set of up to {searched} {} ({evaluations} evaluations).",
            changes_en(searched)
        )
    }
}

impl WhatifWords for Ko {
    fn judged(&self, pack: &str, title: &str, from: &str, to: &str, stretches: usize) -> String {
        let period = if from == to {
            format!("{from} 기준으로")
        } else {
            format!("{from} ~ {to} 기간에 대하여")
        };
        if stretches > 1 {
            format!(
                "{pack} 법령팩({title})에 따라 {period} 판단함 (법령 개정에 따라 {stretches}개 구간)"
            )
        } else {
            format!("{pack} 법령팩({title})에 따라 {period} 판단함")
        }
    }
    fn kept(&self, facts: &str) -> String {
        format!(
            "바꾸지 않고 둔 사실 (거래 구조의 전제가 되는 사실 또는 --keep으로 지정한 사실이며, 바꾸어 보려면 --vary FACT): {facts}"
        )
    }
    fn as_filed(&self) -> &'static str {
        "사안 파일 그대로"
    }
    fn set_to(&self, fact: &str, value: &str, was: &str) -> String {
        format!("{fact} = {value} (기존 {was})")
    }
    fn with_changes(&self, changes: &str) -> String {
        format!("다음과 같이 바꾼 경우: {changes}")
    }
    fn starts_from_variation(&self) -> &'static str {
        "이하의 검토는 이와 같이 바꾼 사안을 기준으로 함."
    }
    fn no_case_in(&self, path: &str) -> String {
        format!("오류: {path}에 사안이 없습니다.")
    }
    fn whatif_cannot_write(&self, error: &str) -> String {
        format!("오류: 보고서를 쓸 수 없습니다: {error}")
    }
    fn as_it_stands(&self) -> &'static str {
        "현재 상태"
    }
    fn touches_not_encoded(&self) -> &'static str {
        "; 검토하지 않은 법령이 적용될 수 있음"
    }
    fn balance_in_short(&self, range: &str) -> String {
        format!("형량 결과 {range}")
    }
    fn open_heading(&self) -> &'static str {
        "미확인 사항이 확인되는 경우 (답변별로 각각)"
    }
    fn could_change_what(&self, classification: bool) -> &'static str {
        if classification {
            "법적 성격이 바뀔 수 있음"
        } else {
            "적법 여부가 바뀔 수 있음"
        }
    }
    fn or_word(&self) -> &'static str {
        " 또는 "
    }
    fn goal_heading(&self, side: Option<&str>) -> String {
        match side {
            Some(s) => format!("{} 판단되기 위한 사실 변경", ro(&self.class(s))),
            None => "적법하게 되기 위한 사실 변경".into(),
        }
    }
    fn blocked(&self) -> &'static str {
        "사실을 어떻게 바꾸어도 불가능함. 장애가 되는 규정:"
    }
    fn not_encoded_label(&self) -> &'static str {
        "검토하지 않은 법령"
    }
    fn none_before_stop(&self) -> &'static str {
        "탐색이 중단되기 전까지 시도한 변경 조합 중에는 없음."
    }
    fn none_within(&self, n: usize, more: bool) -> String {
        format!(
            "사실 {n}개 이하의 변경으로는 불가능함{}.",
            if more {
                " (한 번에 더 많은 사실을 바꾸어 보려면: --max-changes)"
            } else {
                ""
            }
        )
    }
    fn flip_heading(&self, k: usize, n: usize) -> String {
        format!("{k}. 변경 {n}개")
    }
    fn settles_open(&self) -> &'static str {
        " (미확인 사항을 확정함)"
    }
    fn to_be_class(&self, side: &str) -> String {
        format!("{} 판단되려면", ro(&self.class(side)))
    }
    fn to_be_lawful(&self, side: Option<&str>) -> String {
        match side {
            Some(s) => format!("적법한 {} 되려면", i(&self.class(s))),
            None => "적법하게 되려면".into(),
        }
    }
    fn plain_sentence(&self, target: &str, parts: &[String]) -> String {
        format!("{target}: {}.", parts.join("; "))
    }
    fn not_so(&self, because: &str) -> String {
        format!("다음에 해당하지 않음: {because}")
    }
    fn answer_is(&self, question: &str, answer: &str) -> String {
        format!("“{question}”에 대한 답변: {answer}")
    }
    fn yes_no(&self, b: bool) -> &'static str {
        if b { "예" } else { "아니오" }
    }
    fn country_other_than(&self, codes: &str) -> String {
        format!("{codes} 외의 국가")
    }
    fn decided_by(&self) -> &'static str {
        "이 경우 결론을 좌우하는 규정:"
    }
    fn factor_line(
        &self,
        points: i32,
        side: &str,
        decisive: bool,
        because: &str,
        cite: &str,
    ) -> String {
        format!(
            "{} 쪽 +{points}점{}: {because} ({cite})",
            self.class(side),
            if decisive { ", 결정적" } else { "" }
        )
    }
    fn along(&self, ids: &str) -> String {
        format!("사안에 이미 해당하는 고려 요소와 함께: {ids}")
    }
    fn if_class(&self, side: &str, what: &str) -> String {
        format!("{}인 경우 {what}", self.class(side))
    }
    fn resolution_met(&self) -> &'static str {
        "충족"
    }
    fn resolution_gone(&self) -> &'static str {
        "더 이상 적용되지 않음"
    }
    fn resolution_remains(&self) -> &'static str {
        "기간 중 일부에서 여전히 장애가 됨"
    }
    fn resolution_excused(&self, exception: Option<(&str, &str)>) -> String {
        match exception {
            Some((title, cite)) => format!("예외 적용: {title} ({cite})"),
            None => "예외 적용".into(),
        }
    }
    fn not_in_force(&self) -> &'static str {
        "해당 기간에 시행되지 않음"
    }
    fn no_longer_touched(&self) -> &'static str {
        "더 이상 해당하지 않음"
    }
    fn more_sets(&self, n: usize) -> String {
        format!("… 외 변경 조합 {n}개.")
    }
    fn stopped_early(
        &self,
        evaluations: usize,
        considered: Option<usize>,
        searched: usize,
    ) -> String {
        format!(
            "평가 {evaluations}회{} 후 탐색 한도(budget)에 이르러 중단함: 사실 {searched}개 이하의 변경 조합은 모두 탐색했으나, 그보다 큰 조합은 탐색하지 않았거나 일부만 탐색함. 제시된 조합은 모두 최소 조합임.",
            considered.map_or_else(String::new, |c| format!(", 변경 조합 {c}개 검토"))
        )
    }
    fn searched_all(&self, searched: usize, evaluations: usize) -> String {
        format!("사실 {searched}개 이하의 모든 변경 조합을 탐색함 (평가 {evaluations}회).")
    }
}
