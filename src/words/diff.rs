//! Words of `diff`: the comparison of two cases under one pack.
//!
//! Classification values, lawfulness, date ranges and balances come from
//! [`super::CommonWords`]; the "Classification" label from [`super::ReportWords`].

use super::josa::gwa;
use super::{En, Ko};
use crate::compile::pack::Node;
use crate::eval::tri::Tri;
use crate::reason::diff::State;

/// Words of `diff`.
pub trait DiffWords {
    // ---- the command --------------------------------------------------------------------------
    /// The first line: "diff A → B, under kr (Korean law on …)".
    fn diff_heading(&self, a: &str, b: &str, pack: &str, title: &str) -> String;
    /// A case's period beside its title: "on 2024-01-01", "2019-06-01 to 2020-08-04".
    fn diff_period(&self, from: &str, to: &str) -> String;
    /// A file that does not hold exactly one case (an error line).
    fn diff_not_one_case(&self, path: &str, n: usize) -> String;
    /// Two cases judged under no common pack (an error line); `a_under`, `b_under` list the
    /// packs.
    fn diff_no_shared_pack(&self, a: &str, a_under: &str, b: &str, b_under: &str) -> String;
    /// The report could not be written (an error line).
    fn diff_cannot_write(&self, err: &str) -> String;

    // ---- how the periods were lined up --------------------------------------------------------
    /// Different periods that overlap, compared over the overlap.
    fn diff_overlap(&self, from: &str, to: &str) -> String;
    /// Periods that do not overlap, compared under the same law.
    fn diff_same_law(&self) -> &'static str;
    /// Periods under no common law: `a`'s stretch compared with `b`'s nearest.
    fn diff_different_law(&self, a: &str, b: &str) -> String;
    /// Stretches of `name` left out of the comparison (`spans` are date ranges in words).
    fn diff_not_compared(&self, name: &str, spans: &[String]) -> String;

    // ---- the facts ----------------------------------------------------------------------------
    /// "FACTS THAT DIFFER (A → B)".
    fn diff_facts_heading(&self, a: &str, b: &str) -> String;
    /// "(read by no rule)": beside a fact no rule reads.
    fn diff_read_by_no_rule(&self) -> &'static str;

    // ---- a stretch ----------------------------------------------------------------------------
    /// "STRETCH 1 of 3: 2019-11-01 to 2020-08-04" (`span` is a date range in words).
    fn diff_stretch_heading(&self, k: usize, n: usize, span: &str) -> String;
    /// "STRETCH 1 of 1: A 2024-01-01 to 2024-12-31 with B 2023-09-15 to 2023-12-31".
    fn diff_stretch_pair_heading(
        &self,
        k: usize,
        n: usize,
        a: &str,
        span_a: &str,
        b: &str,
        span_b: &str,
    ) -> String;
    /// "The same differences as in stretch 1."
    fn diff_same_as_stretch(&self, k: usize) -> String;
    /// "No factor, test or requirement differs."
    fn diff_nothing_differs(&self) -> &'static str;
    /// "Lawfulness" (a label).
    fn diff_lawfulness_label(&self) -> &'static str;
    /// "Factors that differ:".
    fn diff_factors_heading(&self) -> &'static str;
    /// "Tests and exceptions that differ:".
    fn diff_rules_heading(&self) -> &'static str;
    /// "Requirements that differ:".
    fn diff_requirements_heading(&self) -> &'static str;
    /// A factor's weight: "+2 toward provision", "+10 toward provision, decisive".
    fn diff_weight(&self, points: i32, side: &str, decisive: bool) -> String;
    /// Whether a factor fires: "fires", "does not fire", "may fire".
    fn diff_fired(&self, t: Tri) -> &'static str;
    /// The kind of a rule: "test", "exception", "weighing".
    fn diff_rule_kind(&self, n: Node) -> &'static str;
    /// The value of a test or exception: "holds", "fails", "unknown".
    fn diff_holds(&self, t: Tri) -> &'static str;
    /// A requirement's state: "met", "VIOLATED", …
    fn diff_state(&self, s: State) -> &'static str;
    /// A state under one classification: "VIOLATED if provision" (`class` in words).
    fn diff_state_if(&self, state: &str, class: &str) -> String;
    /// Why an item differs: it reads these differing facts ("reads a, b").
    fn diff_reads(&self, facts: &str) -> String;
    /// Why an item differs: "reads the classification".
    fn diff_reads_classification(&self) -> &'static str;
    /// Why an item differs: "in force in one stretch only".
    fn diff_law_differs(&self) -> &'static str;

    // ---- violations ---------------------------------------------------------------------------
    /// "VIOLATIONS".
    fn diff_violations_heading(&self) -> &'static str;
    /// "Only in A:".
    fn diff_only_in(&self, name: &str) -> String;
}

impl DiffWords for En {
    fn diff_heading(&self, a: &str, b: &str, pack: &str, title: &str) -> String {
        format!("diff {a} → {b}, under {pack} ({title})")
    }
    fn diff_period(&self, from: &str, to: &str) -> String {
        if from == to {
            format!("on {from}")
        } else {
            format!("{from} to {to}")
        }
    }
    fn diff_not_one_case(&self, path: &str, n: usize) -> String {
        format!("error: {path} holds {n} cases; diff compares one case with one")
    }
    fn diff_no_shared_pack(&self, a: &str, a_under: &str, b: &str, b_under: &str) -> String {
        format!(
            "error: the cases share no pack: {a} is judged under {a_under}, {b} under {b_under}"
        )
    }
    fn diff_cannot_write(&self, err: &str) -> String {
        format!("error: cannot write the report: {err}")
    }
    fn diff_overlap(&self, from: &str, to: &str) -> String {
        format!(
            "The periods differ: compared where they overlap, {from} to {to}, stretch by stretch."
        )
    }
    fn diff_same_law(&self) -> &'static str {
        "The periods do not overlap: compared stretch by stretch under the same law (the rules in force are the same throughout a stretch)."
    }
    fn diff_different_law(&self, a: &str, b: &str) -> String {
        format!(
            "The periods do not overlap and fall under different law: compared {a}'s stretch with {b}'s nearest one; rules in force in one only are marked."
        )
    }
    fn diff_not_compared(&self, name: &str, spans: &[String]) -> String {
        format!(
            "Not compared: {name}'s {}, which the other case's period does not match.",
            spans.join(" and ")
        )
    }
    fn diff_facts_heading(&self, a: &str, b: &str) -> String {
        format!("FACTS THAT DIFFER ({a} → {b})")
    }
    fn diff_read_by_no_rule(&self) -> &'static str {
        "(read by no rule)"
    }
    fn diff_stretch_heading(&self, k: usize, n: usize, span: &str) -> String {
        format!("STRETCH {k} of {n}: {span}")
    }
    fn diff_stretch_pair_heading(
        &self,
        k: usize,
        n: usize,
        a: &str,
        span_a: &str,
        b: &str,
        span_b: &str,
    ) -> String {
        format!("STRETCH {k} of {n}: {a} {span_a} with {b} {span_b}")
    }
    fn diff_same_as_stretch(&self, k: usize) -> String {
        format!("The same differences as in stretch {k}.")
    }
    fn diff_nothing_differs(&self) -> &'static str {
        "No factor, test or requirement differs."
    }
    fn diff_lawfulness_label(&self) -> &'static str {
        "Lawfulness"
    }
    fn diff_factors_heading(&self) -> &'static str {
        "Factors that differ:"
    }
    fn diff_rules_heading(&self) -> &'static str {
        "Tests and exceptions that differ:"
    }
    fn diff_requirements_heading(&self) -> &'static str {
        "Requirements that differ:"
    }
    fn diff_weight(&self, points: i32, side: &str, decisive: bool) -> String {
        format!(
            "+{points} toward {side}{}",
            if decisive { ", decisive" } else { "" }
        )
    }
    fn diff_fired(&self, t: Tri) -> &'static str {
        match t {
            Tri::True => "fires",
            Tri::False => "does not fire",
            Tri::Unknown => "may fire",
        }
    }
    fn diff_rule_kind(&self, n: Node) -> &'static str {
        match n {
            Node::Test(_) => "test",
            Node::Exc(_) => "exception",
            Node::Weigh(_) => "weighing",
        }
    }
    fn diff_holds(&self, t: Tri) -> &'static str {
        match t {
            Tri::True => "holds",
            Tri::False => "fails",
            Tri::Unknown => "unknown",
        }
    }
    fn diff_state(&self, s: State) -> &'static str {
        match s {
            State::NotApplicable => "not applicable",
            State::Excused => "excused",
            State::Met => "met",
            State::Violated => "VIOLATED",
            State::Open => "open",
        }
    }
    fn diff_state_if(&self, state: &str, class: &str) -> String {
        format!("{state} if {class}")
    }
    fn diff_reads(&self, facts: &str) -> String {
        format!("reads {facts}")
    }
    fn diff_reads_classification(&self) -> &'static str {
        "reads the classification"
    }
    fn diff_law_differs(&self) -> &'static str {
        "in force in one stretch only"
    }
    fn diff_violations_heading(&self) -> &'static str {
        "VIOLATIONS"
    }
    fn diff_only_in(&self, name: &str) -> String {
        format!("Only in {name}:")
    }
}

impl DiffWords for Ko {
    fn diff_heading(&self, a: &str, b: &str, pack: &str, title: &str) -> String {
        format!("사안 비교 {a} → {b}, 적용 법령팩 {pack} ({title})")
    }
    fn diff_period(&self, from: &str, to: &str) -> String {
        if from == to {
            format!("기준일 {from}")
        } else {
            format!("{from} ~ {to}")
        }
    }
    fn diff_not_one_case(&self, path: &str, n: usize) -> String {
        format!(
            "오류: {path}에 사안이 {n}개 있습니다. diff는 사안 하나를 다른 사안 하나와 비교합니다."
        )
    }
    fn diff_no_shared_pack(&self, a: &str, a_under: &str, b: &str, b_under: &str) -> String {
        format!(
            "오류: 두 사안에 공통으로 적용되는 법령팩이 없습니다. {a}의 법령팩은 {a_under}, {b}의 법령팩은 {b_under}입니다."
        )
    }
    fn diff_cannot_write(&self, err: &str) -> String {
        format!("오류: 비교 결과를 출력할 수 없습니다: {err}")
    }
    fn diff_overlap(&self, from: &str, to: &str) -> String {
        format!("두 사안의 기간이 다름: 기간이 겹치는 {from} ~ {to}에 대하여 적용 구간별로 비교함.")
    }
    fn diff_same_law(&self) -> &'static str {
        "두 사안의 기간이 겹치지 않음: 같은 법령이 적용되는 적용 구간끼리 비교함(한 적용 구간 안에서는 시행 중인 규정이 같음)."
    }
    fn diff_different_law(&self, a: &str, b: &str) -> String {
        format!(
            "두 사안의 기간이 겹치지 않고 적용 법령도 다름: {a}의 적용 구간을 가장 가까운 {b}의 적용 구간과 비교하고, 한쪽에서만 시행 중인 규정은 따로 표시함."
        )
    }
    fn diff_not_compared(&self, name: &str, spans: &[String]) -> String {
        format!(
            "비교하지 않음: {name}의 {} (다른 사안의 기간과 대응하지 않음).",
            spans.join(" 및 ")
        )
    }
    fn diff_facts_heading(&self, a: &str, b: &str) -> String {
        format!("서로 다른 사실 ({a} → {b})")
    }
    fn diff_read_by_no_rule(&self) -> &'static str {
        "(판단에 쓰이지 않는 사실)"
    }
    fn diff_stretch_heading(&self, k: usize, n: usize, span: &str) -> String {
        format!("적용 구간 {k}/{n}: {span}")
    }
    fn diff_stretch_pair_heading(
        &self,
        k: usize,
        n: usize,
        a: &str,
        span_a: &str,
        b: &str,
        span_b: &str,
    ) -> String {
        format!("적용 구간 {k}/{n}: {a} {} {b} {span_b} 비교", gwa(span_a))
    }
    fn diff_same_as_stretch(&self, k: usize) -> String {
        format!("차이는 {} 같음.", gwa(&format!("구간 {k}")))
    }
    fn diff_nothing_differs(&self) -> &'static str {
        "차이가 나는 고려 요소, 판단 기준, 요건이 없음."
    }
    fn diff_lawfulness_label(&self) -> &'static str {
        "적법 여부"
    }
    fn diff_factors_heading(&self) -> &'static str {
        "차이가 나는 고려 요소:"
    }
    fn diff_rules_heading(&self) -> &'static str {
        "차이가 나는 판단 기준 및 예외:"
    }
    fn diff_requirements_heading(&self) -> &'static str {
        "차이가 나는 요건:"
    }
    fn diff_weight(&self, points: i32, side: &str, decisive: bool) -> String {
        format!(
            "{side} 쪽 +{points}점{}",
            if decisive { ", 결정적" } else { "" }
        )
    }
    fn diff_fired(&self, t: Tri) -> &'static str {
        match t {
            Tri::True => "해당",
            Tri::False => "해당 없음",
            Tri::Unknown => "해당 여부 미정",
        }
    }
    fn diff_rule_kind(&self, n: Node) -> &'static str {
        match n {
            Node::Test(_) => "판단 기준",
            Node::Exc(_) => "예외",
            Node::Weigh(_) => "형량",
        }
    }
    fn diff_holds(&self, t: Tri) -> &'static str {
        match t {
            Tri::True => "예",
            Tri::False => "아니오",
            Tri::Unknown => "미정",
        }
    }
    fn diff_state(&self, s: State) -> &'static str {
        match s {
            State::NotApplicable => "해당 없음",
            State::Excused => "예외 적용",
            State::Met => "충족",
            State::Violated => "위반",
            State::Open => "미정",
        }
    }
    fn diff_state_if(&self, state: &str, class: &str) -> String {
        format!("{class}인 경우 {state}")
    }
    fn diff_reads(&self, facts: &str) -> String {
        format!("관련 사실 {facts}")
    }
    fn diff_reads_classification(&self) -> &'static str {
        "법적 성격에 따라 달라짐"
    }
    fn diff_law_differs(&self) -> &'static str {
        "한쪽 적용 구간에서만 시행 중"
    }
    fn diff_violations_heading(&self) -> &'static str {
        "위반 사항"
    }
    fn diff_only_in(&self, name: &str) -> String {
        format!("{name}에만 있는 위반:")
    }
}

#[cfg(test)]
mod tests {
    use super::{DiffWords, En, Ko};

    #[test]
    fn korean_particles_follow_the_dates() {
        assert_eq!(
            Ko.diff_stretch_pair_heading(1, 1, "A", "2024-01-01 ~ 2024-12-31", "B", "2023-09-15"),
            "적용 구간 1/1: A 2024-01-01 ~ 2024-12-31과 B 2023-09-15 비교"
        );
        assert_eq!(Ko.diff_same_as_stretch(2), "차이는 구간 2와 같음.");
        assert_eq!(
            En.diff_weight(10, "provision", true),
            "+10 toward provision, decisive"
        );
    }
}
