//! The words the explanation tree and the verdict carry in their message fields: the titles of
//! connectives and of conditions on facts, a weighing's balance, who must prove a fact, and a
//! transitional rule. Both the tree built in memory and the fast JSON writer take them from
//! here, so they write the same bytes.

use super::josa::ro;
use super::{En, Ko};

/// Words of the explanation tree and of the verdict's message fields.
pub trait TreeWords {
    /// The title of `all of` (every sub-condition must hold).
    fn all_of(&self) -> &'static str;
    /// The title of `any of`.
    fn any_of(&self) -> &'static str;
    /// The title of `not`.
    fn not(&self) -> &'static str;
    /// The title of a requirement's condition of application.
    fn applies_when(&self) -> &'static str;
    /// The title of what a requirement requires.
    fn requires(&self) -> &'static str;
    /// A boolean fact read as false: `not consent_given`.
    fn fact_false(&self, fact: &str) -> String;
    /// A negated condition on facts: `not (recipient_country = SG)`.
    fn negated(&self, condition: &str) -> String;
    /// A fact with one of several values: `purpose_decided_by in {recipient, third_party}`.
    fn fact_in(&self, fact: &str, values: &str) -> String;
    /// A set fact holding one value: `data_categories contains sensitive`.
    fn contains(&self, fact: &str, value: &str) -> String;
    /// A set fact holding every value of a set.
    fn contains_all(&self, fact: &str, set: &str) -> String;
    /// A set fact holding at least one value of a set.
    fn contains_any(&self, fact: &str, set: &str) -> String;
    /// A weighing settled on a side, as a condition: `classification is provision`.
    fn weighing_is(&self, weighing: &str, side: &str) -> String;
    /// A classification weighing's balance, `lo` to `hi` toward `first_side`, with the margin
    /// within which it is undecided (the weighing node's `detail`).
    fn weighing_detail(
        &self,
        w: &mut dyn std::fmt::Write,
        first_side: &str,
        lo: i32,
        hi: i32,
        margin: i32,
    );
    /// Who must prove a fact, and what it counts as unproven (an open question's `burden`).
    fn burden(&self, party: &str, value: &str) -> String;
    /// A transitional rule that applies to a violation still running on `date`.
    fn transition(&self, date: &str, note: &str) -> String;
}

impl TreeWords for En {
    fn all_of(&self) -> &'static str {
        "all of"
    }
    fn any_of(&self) -> &'static str {
        "any of"
    }
    fn not(&self) -> &'static str {
        "not"
    }
    fn applies_when(&self) -> &'static str {
        "applies when"
    }
    fn requires(&self) -> &'static str {
        "requires"
    }
    fn fact_false(&self, fact: &str) -> String {
        format!("not {fact}")
    }
    fn negated(&self, condition: &str) -> String {
        format!("not ({condition})")
    }
    fn fact_in(&self, fact: &str, values: &str) -> String {
        format!("{fact} in {values}")
    }
    fn contains(&self, fact: &str, value: &str) -> String {
        format!("{fact} contains {value}")
    }
    fn contains_all(&self, fact: &str, set: &str) -> String {
        format!("{fact} contains all of {set}")
    }
    fn contains_any(&self, fact: &str, set: &str) -> String {
        format!("{fact} contains any of {set}")
    }
    fn weighing_is(&self, weighing: &str, side: &str) -> String {
        format!("{weighing} is {side}")
    }
    fn weighing_detail(
        &self,
        w: &mut dyn std::fmt::Write,
        first_side: &str,
        lo: i32,
        hi: i32,
        margin: i32,
    ) {
        let _ = if lo == hi {
            write!(w, "{lo:+} toward {first_side} (undecided within {margin})")
        } else {
            write!(
                w,
                "from {lo:+} to {hi:+} toward {first_side}, depending on unknown facts (undecided within {margin})"
            )
        };
    }
    fn burden(&self, party: &str, value: &str) -> String {
        format!("the {party} must prove it; unproven, it counts as {value}")
    }
    fn transition(&self, date: &str, note: &str) -> String {
        format!("still running on {date}: {note}")
    }
}

impl TreeWords for Ko {
    fn all_of(&self) -> &'static str {
        "다음 모두 충족"
    }
    fn any_of(&self) -> &'static str {
        "다음 중 하나 충족"
    }
    fn not(&self) -> &'static str {
        "다음에 해당하지 않음"
    }
    fn applies_when(&self) -> &'static str {
        "적용 요건"
    }
    fn requires(&self) -> &'static str {
        "요구 사항"
    }
    fn fact_false(&self, fact: &str) -> String {
        format!("{fact} 아님")
    }
    fn negated(&self, condition: &str) -> String {
        format!("({condition})에 해당하지 않음")
    }
    fn fact_in(&self, fact: &str, values: &str) -> String {
        format!("{fact} ∈ {values}")
    }
    fn contains(&self, fact: &str, value: &str) -> String {
        format!("{fact}에 {value} 포함")
    }
    fn contains_all(&self, fact: &str, set: &str) -> String {
        format!("{fact}에 {set} 모두 포함")
    }
    fn contains_any(&self, fact: &str, set: &str) -> String {
        format!("{fact}에 {set} 중 하나 이상 포함")
    }
    fn weighing_is(&self, weighing: &str, side: &str) -> String {
        format!("{weighing} = {side}")
    }
    fn weighing_detail(
        &self,
        w: &mut dyn std::fmt::Write,
        first_side: &str,
        lo: i32,
        hi: i32,
        margin: i32,
    ) {
        // The side's Korean name (a code of the pack where the wording layer has none).
        let first_side = super::CommonWords::class(self, first_side);
        let _ = if lo == hi {
            write!(
                w,
                "{first_side} 쪽으로 {lo:+}점 (±{margin}점 이내이면 판단 유보)"
            )
        } else {
            write!(
                w,
                "확인되지 않은 사실에 따라 {first_side} 쪽으로 {lo:+}점에서 {hi:+}점 사이 (±{margin}점 이내이면 판단 유보)"
            )
        };
    }
    fn burden(&self, party: &str, value: &str) -> String {
        format!(
            "{party}에게 증명책임이 있음; 증명되지 않으면 {} 봄",
            ro(value)
        )
    }
    fn transition(&self, date: &str, note: &str) -> String {
        format!("{date} 현재 계속 중인 위반: {note}")
    }
}
