//! Words of the memo-like outputs: the plain-text explanation (`entrust explain`), the
//! one-paragraph summaries of `entrust eval`, the Markdown memo and the CSV header.

use super::josa::i;
use super::{CommonWords, En, Ko};
use crate::explain::Outcome;

/// Words of the text, Markdown and CSV reports.
pub trait ReportWords {
    // ---- the head of a memo ------------------------------------------------------------------
    /// "Judged under: Korean law on outsourcing and provision of personal data".
    fn judged_under(&self, pack_title: &str) -> String;
    /// A party's label: "Transferor".
    fn party_label(&self, role: &str) -> String;
    /// "Source".
    fn source_label(&self) -> &'static str;
    /// "Date: 2024-01-01".
    fn date_line(&self, day: &str) -> String;
    /// "Period: 2019-06-01 to 2024-05-21, judged in 3 stretches of law" (`stretches` > 1) or
    /// without the stretches.
    fn period_line(&self, from: &str, to: &str, stretches: usize) -> String;

    // ---- the conclusion ----------------------------------------------------------------------
    /// "CONCLUSION".
    fn conclusion_heading(&self) -> &'static str;
    /// The conclusion in one sentence: "The transfer is a provision to a third party, and it is
    /// unlawful."
    fn conclusion_sentence(&self, class: &str, lawful: Option<bool>) -> String;
    /// "Classification".
    fn classification_label(&self) -> &'static str;
    /// "Lawful".
    fn lawful_label(&self) -> &'static str;
    /// "Violations".
    fn violations_label(&self) -> &'static str;
    /// "none found".
    fn none_found(&self) -> &'static str;
    /// "exposes the transferor to: …".
    fn exposes(&self, what: &str) -> String;
    /// "would expose the transferor to: …".
    fn would_expose(&self, what: &str) -> String;
    /// "Violations still possible (unknown facts leave them open)".
    fn possible_heading(&self) -> &'static str;
    /// "settled only by the classification, which the facts leave open".
    fn settled_only_by_classification(&self) -> &'static str;
    /// "settled by the answer to: …".
    fn settled_by(&self, question: &str) -> String;
    /// The heading of law not checked.
    fn not_checked_heading(&self) -> &'static str;
    /// "Under the burden of proof, taking as unproven: …".
    fn burden_heading(&self, assumed: &str) -> String;
    /// One fact taken as unproven: "recipient_own_use = false (the transferor must prove it)".
    fn burden_assumed(&self, fact: &str, value: &str, party: &str) -> String;
    /// "the transfer would be provision, unlawful: KR-PIPA-17-1".
    fn burden_outcome(&self, class: &str, lawful: Option<bool>, codes: &[String]) -> String;
    /// "Open questions that could change the outcome".
    fn questions_heading(&self, scope: &str) -> String;
    /// "could change the lawfulness".
    fn could_change_note(&self, what: &str) -> String;
    /// "burden: …".
    fn burden_label(&self) -> &'static str;

    // ---- the reasoning -------------------------------------------------------------------------
    /// "REASONING".
    fn reasoning_heading(&self) -> &'static str;
    /// "Classification: PROVISION".
    fn classification_result(&self, class: &str) -> String;
    /// "Classification: PROVISION, weighed as in stretch 1".
    fn classification_as_in(&self, class: &str, k: usize) -> String;
    /// "Factors pointing toward provision".
    fn factors_toward(&self, side: &str) -> String;
    /// "Factors toward provision that unknown facts could still bring in".
    fn factors_open_toward(&self, side: &str) -> String;
    /// "Factors that did not apply".
    fn factors_quiet(&self) -> &'static str;
    /// "Balance".
    fn balance_label(&self) -> &'static str;
    /// "Lawfulness" or "Lawfulness if the transfer is provision".
    fn lawfulness_heading(&self, assuming: Option<&str>) -> String;
    /// "Not applicable here".
    fn not_applicable_here(&self) -> &'static str;
    /// "Not yet encoded".
    fn not_encoded(&self) -> &'static str;
    /// "note".
    fn note_label(&self) -> &'static str;
    /// "exception".
    fn exception_label(&self) -> &'static str;
    /// "excused by".
    fn excused_by(&self) -> &'static str;
    /// The mark of a step's outcome in the text tree: `[yes]`, `[VIOLATED]`.
    fn mark(&self, o: &Outcome) -> &'static str;
    /// A step's outcome as a word: "met", "violated", "yes", "not applicable".
    fn outcome(&self, o: &Outcome) -> String;
    /// "The article's own words".
    fn quote_heading(&self) -> &'static str;
    /// "as in force from … until …; source: …".
    fn quote_version(&self, from: Option<&str>, until: Option<&str>, source: &str) -> String;
    /// "No text of this article is stored for this stretch".
    fn quote_missing(&self) -> &'static str;

    // ---- the sources appendix --------------------------------------------------------------
    /// "SOURCES".
    fn sources_heading(&self) -> &'static str;
    /// "Rules applied (id, article)".
    fn sources_rules(&self) -> &'static str;
    /// "Facts given (where each was written)".
    fn sources_facts(&self) -> &'static str;
    /// "Open questions (the fact each answers)".
    fn sources_questions(&self) -> &'static str;
    /// "Decisive grounds (their names)".
    fn sources_grounds(&self) -> &'static str;

    // ---- the one-paragraph summary of `eval` ----------------------------------------------------
    /// "violation".
    fn summary_violation(&self) -> &'static str;
    /// "possible violation".
    fn summary_possible(&self) -> &'static str;
    /// "settled by".
    fn summary_settled_by(&self) -> &'static str;
    /// "not checked".
    fn summary_not_checked(&self) -> &'static str;
    /// "open".
    fn summary_open(&self) -> &'static str;

    // ---- the Markdown memo --------------------------------------------------------------------
    /// "Judged under pack `kr`, from … to …, in 3 stretches of law."
    fn md_judged(&self, pack: &str, when: &str, stretches: usize) -> String;
    /// "on 2024-01-01" / "from … to …" inside a sentence.
    fn md_when(&self, from: &str, to: &str) -> String;
    /// "Facts".
    fn md_facts(&self) -> &'static str;
    /// "No facts given."
    fn md_no_facts(&self) -> &'static str;
    /// The facts table header: "| fact | value | written at |".
    fn md_facts_header(&self) -> &'static str;
    /// "Reasoning".
    fn md_reasoning(&self) -> &'static str;
    /// "Conclusion".
    fn md_conclusion(&self) -> &'static str;
    /// "The transfer is classified as **provision** and is **unlawful**."
    fn md_conclusion_sentence(&self, class: &str, lawful: Option<bool>) -> String;
    /// "Pointing" (a factor that fired).
    fn md_pointing(&self) -> &'static str;
    /// "Still open" (a factor unknown facts could bring in).
    fn md_still_open(&self) -> &'static str;
    /// A factor's weight: "5 points toward provision, decisive".
    fn weight_words(&self, points: i32, decisive: bool, side: &str) -> String;
    /// "Facts".
    fn md_facts_label(&self) -> &'static str;

    /// The title of a report of many cases: "entrust report".
    fn report_title(&self) -> &'static str;

    // ---- CSV ----------------------------------------------------------------------------------
    /// The header row (with its line break).
    fn csv_header(&self) -> &'static str;
}

fn en_outcome(o: &Outcome) -> String {
    match o {
        Outcome::True => "yes".into(),
        Outcome::False => "no".into(),
        Outcome::Unknown => "unknown".into(),
        Outcome::Met => "met".into(),
        Outcome::Violated => "violated".into(),
        Outcome::Open => "open".into(),
        Outcome::Excused => "excused".into(),
        Outcome::NotApplicable => "not applicable".into(),
        Outcome::Fired => "fired".into(),
        Outcome::NotFired => "not fired".into(),
        Outcome::NotEncoded => "not encoded".into(),
        Outcome::Undecided => "undecided".into(),
        Outcome::Side(s) => En.class(s),
    }
}

impl ReportWords for En {
    fn judged_under(&self, pack_title: &str) -> String {
        format!("Judged under: {pack_title}")
    }
    fn party_label(&self, role: &str) -> String {
        let r = self.role(role);
        let mut c = r.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }
    fn source_label(&self) -> &'static str {
        "Source"
    }
    fn date_line(&self, day: &str) -> String {
        format!("Date: {day}")
    }
    fn period_line(&self, from: &str, to: &str, stretches: usize) -> String {
        if stretches > 1 {
            format!("Period: {from} to {to}, judged in {stretches} stretches of law")
        } else {
            format!("Period: {from} to {to}")
        }
    }
    fn conclusion_heading(&self) -> &'static str {
        "CONCLUSION"
    }
    fn conclusion_sentence(&self, class: &str, lawful: Option<bool>) -> String {
        let what = match class {
            "outsourcing" => "The transfer is outsourcing (entrustment of processing)".to_string(),
            "provision" => "The transfer is a provision to a third party".to_string(),
            "joint_control" => "The transfer is joint control".to_string(),
            "undecided" => {
                "The facts given cannot settle whether the transfer is outsourcing or a provision"
                    .to_string()
            }
            other => format!("The transfer is {}", self.class(other)),
        };
        let law = match lawful {
            Some(true) => "it is lawful",
            Some(false) => "it is unlawful",
            None => "whether it is lawful is still open",
        };
        let join = if class == "undecided" { "; " } else { ", and " };
        format!("{what}{join}{law}.")
    }
    fn classification_label(&self) -> &'static str {
        "Classification"
    }
    fn lawful_label(&self) -> &'static str {
        "Lawful"
    }
    fn violations_label(&self) -> &'static str {
        "Violations"
    }
    fn none_found(&self) -> &'static str {
        "none found"
    }
    fn exposes(&self, what: &str) -> String {
        format!("exposes the transferor to: {what}")
    }
    fn would_expose(&self, what: &str) -> String {
        format!("would expose the transferor to: {what}")
    }
    fn possible_heading(&self) -> &'static str {
        "Violations still possible (unknown facts leave them open)"
    }
    fn settled_only_by_classification(&self) -> &'static str {
        "settled only by the classification, which the facts leave open"
    }
    fn settled_by(&self, question: &str) -> String {
        format!("settled by the answer to: {question}")
    }
    fn not_checked_heading(&self) -> &'static str {
        "Not checked (law the pack does not encode; lawfulness cannot be yes while it may apply)"
    }
    fn burden_heading(&self, assumed: &str) -> String {
        format!("Under the burden of proof, taking as unproven: {assumed}")
    }
    fn burden_assumed(&self, fact: &str, value: &str, party: &str) -> String {
        format!("{fact} = {value} (the {} must prove it)", self.role(party))
    }
    fn burden_outcome(&self, class: &str, lawful: Option<bool>, codes: &[String]) -> String {
        let law = match lawful {
            Some(true) => "lawful",
            Some(false) => "unlawful",
            None => "of unknown lawfulness",
        };
        let codes = if codes.is_empty() {
            String::new()
        } else {
            format!(": {}", codes.join(", "))
        };
        format!("the transfer would be {}, {law}{codes}", self.class(class))
    }
    fn questions_heading(&self, scope: &str) -> String {
        format!("Open questions that could change the {scope}")
    }
    fn could_change_note(&self, what: &str) -> String {
        format!("could change the {what}")
    }
    fn burden_label(&self) -> &'static str {
        "burden"
    }
    fn reasoning_heading(&self) -> &'static str {
        "REASONING"
    }
    fn classification_result(&self, class: &str) -> String {
        format!("Classification: {}", self.class(class).to_uppercase())
    }
    fn classification_as_in(&self, class: &str, k: usize) -> String {
        format!(
            "Classification: {}, weighed as in stretch {k}",
            self.class(class).to_uppercase()
        )
    }
    fn factors_toward(&self, side: &str) -> String {
        format!("Factors pointing toward {}", self.class(side))
    }
    fn factors_open_toward(&self, side: &str) -> String {
        format!(
            "Factors toward {} that unknown facts could still bring in",
            self.class(side)
        )
    }
    fn factors_quiet(&self) -> &'static str {
        "Factors that did not apply"
    }
    fn balance_label(&self) -> &'static str {
        "Balance"
    }
    fn lawfulness_heading(&self, assuming: Option<&str>) -> String {
        match assuming {
            Some(c) => format!("Lawfulness if the transfer is {}", self.class(c)),
            None => "Lawfulness".into(),
        }
    }
    fn not_applicable_here(&self) -> &'static str {
        "Not applicable here"
    }
    fn not_encoded(&self) -> &'static str {
        "Not yet encoded"
    }
    fn note_label(&self) -> &'static str {
        "note"
    }
    fn exception_label(&self) -> &'static str {
        "exception"
    }
    fn excused_by(&self) -> &'static str {
        "Excused by"
    }
    fn mark(&self, o: &Outcome) -> &'static str {
        match o {
            Outcome::True | Outcome::Fired | Outcome::Met => "[yes]",
            Outcome::False | Outcome::NotFired | Outcome::NotApplicable => "[no] ",
            Outcome::Violated => "[VIOLATED]",
            Outcome::Excused => "[excused]",
            Outcome::Open | Outcome::Unknown | Outcome::Undecided => "[?]  ",
            Outcome::NotEncoded | Outcome::Side(_) => "",
        }
    }
    fn outcome(&self, o: &Outcome) -> String {
        en_outcome(o)
    }
    fn quote_heading(&self) -> &'static str {
        "The article's own words"
    }
    fn quote_version(&self, from: Option<&str>, until: Option<&str>, source: &str) -> String {
        let when = match (from, until) {
            (Some(f), Some(u)) => format!("as in force from {f} until {u}"),
            (Some(f), None) => format!("as in force from {f}"),
            (None, Some(u)) => format!("as in force until {u}"),
            (None, None) => "as in force".to_string(),
        };
        format!("{when}; source: {source}")
    }
    fn quote_missing(&self) -> &'static str {
        "no text of this article is stored for this stretch"
    }
    fn sources_heading(&self) -> &'static str {
        "SOURCES"
    }
    fn sources_rules(&self) -> &'static str {
        "Rules applied (their ids in the pack, and articles)"
    }
    fn sources_facts(&self) -> &'static str {
        "Facts given (where each was written)"
    }
    fn sources_questions(&self) -> &'static str {
        "Open questions (the fact each answers)"
    }
    fn sources_grounds(&self) -> &'static str {
        "Decisive grounds (their names, as `expect because` takes them)"
    }
    fn summary_violation(&self) -> &'static str {
        "violation"
    }
    fn summary_possible(&self) -> &'static str {
        "possible violation"
    }
    fn summary_settled_by(&self) -> &'static str {
        "settled by"
    }
    fn summary_not_checked(&self) -> &'static str {
        "not checked"
    }
    fn summary_open(&self) -> &'static str {
        "open"
    }
    fn md_judged(&self, pack: &str, when: &str, stretches: usize) -> String {
        if stretches > 1 {
            format!("Judged under pack `{pack}`, {when}, in {stretches} stretches of law.")
        } else {
            format!("Judged under pack `{pack}`, {when}.")
        }
    }
    fn md_when(&self, from: &str, to: &str) -> String {
        if from == to {
            format!("on {from}")
        } else {
            format!("from {from} to {to}")
        }
    }
    fn md_facts(&self) -> &'static str {
        "Facts"
    }
    fn md_no_facts(&self) -> &'static str {
        "No facts given."
    }
    fn md_facts_header(&self) -> &'static str {
        "| fact | value | written at |"
    }
    fn md_reasoning(&self) -> &'static str {
        "Reasoning"
    }
    fn md_conclusion(&self) -> &'static str {
        "Conclusion"
    }
    fn md_conclusion_sentence(&self, class: &str, lawful: Option<bool>) -> String {
        format!(
            "The transfer is classified as **{}** and is **{}**.",
            self.class(class),
            self.lawful_predicate(lawful)
        )
    }
    fn md_pointing(&self) -> &'static str {
        "Pointing"
    }
    fn md_still_open(&self) -> &'static str {
        "Still open"
    }
    fn weight_words(&self, points: i32, decisive: bool, side: &str) -> String {
        format!(
            "{points} {} toward {}{}",
            if points == 1 { "point" } else { "points" },
            self.class(side),
            if decisive { ", decisive" } else { "" }
        )
    }
    fn md_facts_label(&self) -> &'static str {
        "Facts"
    }
    fn report_title(&self) -> &'static str {
        "entrust report"
    }
    fn csv_header(&self) -> &'static str {
        "id,title,under,classification,lawful,violations,decisive_grounds,open_questions,possible_violations,not_checked\n"
    }
}

impl ReportWords for Ko {
    fn judged_under(&self, pack_title: &str) -> String {
        format!("적용 법령: {pack_title}")
    }
    fn party_label(&self, role: &str) -> String {
        self.role(role)
    }
    fn source_label(&self) -> &'static str {
        "출처"
    }
    fn date_line(&self, day: &str) -> String {
        format!("기준일: {day}")
    }
    fn period_line(&self, from: &str, to: &str, stretches: usize) -> String {
        if stretches > 1 {
            format!("기간: {from} ~ {to} (법령 개정에 따라 {stretches}개 구간으로 나누어 판단)")
        } else {
            format!("기간: {from} ~ {to}")
        }
    }
    fn conclusion_heading(&self) -> &'static str {
        "결론"
    }
    fn conclusion_sentence(&self, class: &str, lawful: Option<bool>) -> String {
        let law = match lawful {
            Some(true) => "적법함",
            Some(false) => "위법함",
            None => "적법 여부는 아직 판단할 수 없음",
        };
        match class {
            "outsourcing" => format!("이 이전은 개인정보 처리업무의 위탁에 해당하며, {law}."),
            "provision" => format!("이 이전은 개인정보의 제3자 제공에 해당하며, {law}."),
            "joint_control" => format!("이 이전은 공동 처리에 해당하며, {law}."),
            "undecided" => format!(
                "주어진 사실만으로는 이 이전이 위탁인지 제3자 제공인지 판단할 수 없으며, {law}."
            ),
            other => format!("이 이전은 {}에 해당하며, {law}.", self.class(other)),
        }
    }
    fn classification_label(&self) -> &'static str {
        "법적 성격"
    }
    fn lawful_label(&self) -> &'static str {
        "적법 여부"
    }
    fn violations_label(&self) -> &'static str {
        "위반 사항"
    }
    fn none_found(&self) -> &'static str {
        "발견되지 않음"
    }
    fn exposes(&self, what: &str) -> String {
        format!("개인정보처리자가 받을 수 있는 제재: {what}")
    }
    fn would_expose(&self, what: &str) -> String {
        format!("인정될 경우 받을 수 있는 제재: {what}")
    }
    fn possible_heading(&self) -> &'static str {
        "위반 가능성이 남아 있는 사항 (확인되지 않은 사실에 따라 달라짐)"
    }
    fn settled_only_by_classification(&self) -> &'static str {
        "법적 성격(위탁/제공)이 정해져야 판단할 수 있으나, 주어진 사실로는 정해지지 않음"
    }
    fn settled_by(&self, question: &str) -> String {
        format!("다음 질문에 대한 답으로 판단됨: {question}")
    }
    fn not_checked_heading(&self) -> &'static str {
        "검토하지 않은 법령 (이 법령팩이 구현하지 않은 법령으로, 적용될 수 있는 한 적법하다고 판단하지 않음)"
    }
    fn burden_heading(&self, assumed: &str) -> String {
        format!("증명책임에 따라 다음 사실을 증명되지 않은 것으로 보면: {assumed}")
    }
    fn burden_assumed(&self, fact: &str, value: &str, party: &str) -> String {
        format!("{fact} = {value} ({}에게 증명책임 있음)", self.role(party))
    }
    fn burden_outcome(&self, class: &str, lawful: Option<bool>, codes: &[String]) -> String {
        let law = match lawful {
            Some(true) => "적법함",
            Some(false) => "위법함",
            None => "적법 여부를 알 수 없음",
        };
        let codes = if codes.is_empty() {
            String::new()
        } else {
            format!(": {}", codes.join(", "))
        };
        format!("이전은 {}에 해당하고 {law}{codes}", self.class(class))
    }
    fn questions_heading(&self, scope: &str) -> String {
        format!("{} 바뀔 수 있는 미확인 사항", i(scope))
    }
    fn could_change_note(&self, what: &str) -> String {
        format!("{} 바뀔 수 있음", i(what))
    }
    fn burden_label(&self) -> &'static str {
        "증명책임"
    }
    fn reasoning_heading(&self) -> &'static str {
        "판단 과정"
    }
    fn classification_result(&self, class: &str) -> String {
        format!("법적 성격: {}", self.class(class))
    }
    fn classification_as_in(&self, class: &str, k: usize) -> String {
        format!("법적 성격: {} (구간 {k}과 같은 형량)", self.class(class))
    }
    fn factors_toward(&self, side: &str) -> String {
        format!("{} 쪽을 가리키는 고려 요소", self.class(side))
    }
    fn factors_open_toward(&self, side: &str) -> String {
        format!(
            "확인되지 않은 사실에 따라 {} 쪽에 더해질 수 있는 고려 요소",
            self.class(side)
        )
    }
    fn factors_quiet(&self) -> &'static str {
        "해당하지 않은 고려 요소"
    }
    fn balance_label(&self) -> &'static str {
        "형량 결과"
    }
    fn lawfulness_heading(&self, assuming: Option<&str>) -> String {
        match assuming {
            Some(c) => format!("적법 여부 (이전이 {}에 해당하는 경우)", self.class(c)),
            None => "적법 여부".into(),
        }
    }
    fn not_applicable_here(&self) -> &'static str {
        "이 사안에 적용되지 않는 요건"
    }
    fn not_encoded(&self) -> &'static str {
        "아직 구현되지 않은 법령"
    }
    fn note_label(&self) -> &'static str {
        "참고"
    }
    fn exception_label(&self) -> &'static str {
        "예외"
    }
    fn excused_by(&self) -> &'static str {
        "적용된 예외"
    }
    fn mark(&self, o: &Outcome) -> &'static str {
        match o {
            Outcome::True | Outcome::Fired => "[예]",
            Outcome::Met => "[충족]",
            Outcome::False | Outcome::NotFired => "[아니오]",
            Outcome::NotApplicable => "[해당 없음]",
            Outcome::Violated => "[위반]",
            Outcome::Excused => "[예외 적용]",
            Outcome::Open | Outcome::Unknown | Outcome::Undecided => "[미정]",
            Outcome::NotEncoded | Outcome::Side(_) => "",
        }
    }
    fn outcome(&self, o: &Outcome) -> String {
        match o {
            Outcome::True => "예".into(),
            Outcome::False => "아니오".into(),
            Outcome::Unknown => "미정".into(),
            Outcome::Met => "충족".into(),
            Outcome::Violated => "위반".into(),
            Outcome::Open => "미정".into(),
            Outcome::Excused => "예외 적용".into(),
            Outcome::NotApplicable => "해당 없음".into(),
            Outcome::Fired => "해당".into(),
            Outcome::NotFired => "해당 없음".into(),
            Outcome::NotEncoded => "구현되지 않음".into(),
            Outcome::Undecided => "판단 유보".into(),
            Outcome::Side(s) => self.class(s),
        }
    }
    fn quote_heading(&self) -> &'static str {
        "조문"
    }
    fn quote_version(&self, from: Option<&str>, until: Option<&str>, source: &str) -> String {
        let when = match (from, until) {
            (Some(f), Some(u)) => format!("{f}부터 {u}까지 시행된 조문"),
            (Some(f), None) => format!("{f}부터 시행된 조문"),
            (None, Some(u)) => format!("{u}까지 시행된 조문"),
            (None, None) => "시행 조문".to_string(),
        };
        format!("{when}; 출처: {source}")
    }
    fn quote_missing(&self) -> &'static str {
        "이 구간에 시행된 조문은 법령팩에 수록되어 있지 않음"
    }
    fn sources_heading(&self) -> &'static str {
        "근거 자료"
    }
    fn sources_rules(&self) -> &'static str {
        "적용된 규칙 (법령팩의 규칙 id와 조문)"
    }
    fn sources_facts(&self) -> &'static str {
        "주어진 사실 (기재된 위치)"
    }
    fn sources_questions(&self) -> &'static str {
        "미확인 사항 (각 질문이 묻는 사실)"
    }
    fn sources_grounds(&self) -> &'static str {
        "결정적 근거 (`expect because`에 쓰는 이름)"
    }
    fn summary_violation(&self) -> &'static str {
        "위반"
    }
    fn summary_possible(&self) -> &'static str {
        "위반 가능성"
    }
    fn summary_settled_by(&self) -> &'static str {
        "판단에 필요한 사실"
    }
    fn summary_not_checked(&self) -> &'static str {
        "검토하지 않은 법령"
    }
    fn summary_open(&self) -> &'static str {
        "미확인"
    }
    fn md_judged(&self, pack: &str, when: &str, stretches: usize) -> String {
        if stretches > 1 {
            format!("`{pack}` 법령팩에 따라 {when} 판단함 (법령 개정에 따라 {stretches}개 구간).")
        } else {
            format!("`{pack}` 법령팩에 따라 {when} 판단함.")
        }
    }
    fn md_when(&self, from: &str, to: &str) -> String {
        if from == to {
            format!("{from} 기준으로")
        } else {
            format!("{from}부터 {to}까지의 기간에 대하여")
        }
    }
    fn md_facts(&self) -> &'static str {
        "사실관계"
    }
    fn md_no_facts(&self) -> &'static str {
        "주어진 사실 없음."
    }
    fn md_facts_header(&self) -> &'static str {
        "| 사실 | 값 | 기재 위치 |"
    }
    fn md_reasoning(&self) -> &'static str {
        "판단 과정"
    }
    fn md_conclusion(&self) -> &'static str {
        "결론"
    }
    fn md_conclusion_sentence(&self, class: &str, lawful: Option<bool>) -> String {
        format!(
            "이 이전은 **{}**에 해당하며, **{}**.",
            self.class(class),
            self.lawful_predicate(lawful)
        )
    }
    fn md_pointing(&self) -> &'static str {
        "해당"
    }
    fn md_still_open(&self) -> &'static str {
        "미정"
    }
    fn weight_words(&self, points: i32, decisive: bool, side: &str) -> String {
        format!(
            "{} 쪽 {points}점{}",
            self.class(side),
            if decisive { ", 결정적 요소" } else { "" }
        )
    }
    fn md_facts_label(&self) -> &'static str {
        "관련 사실"
    }
    fn report_title(&self) -> &'static str {
        "entrust 검토 보고서"
    }
    fn csv_header(&self) -> &'static str {
        "사건 id,제목,적용 법령팩,법적 성격,적법 여부,위반 사항,결정적 근거,미확인 사항,위반 가능성,검토하지 않은 법령\n"
    }
}
