//! Words of the HTML report (`entrust eval --format html`): its headings, captions, table
//! headers, glosses, badges, the charts' labels and text alternatives, notices and buttons.
//! Phrases the other reports share (classification values, lawfulness, dates and stretches,
//! the balance in plain words, the conclusion sentence, outcomes) come from [`super::CommonWords`]
//! and [`super::ReportWords`] and are not repeated here.
//!
//! Arguments named `*_html` are fragments of the page, already escaped (a `<code>` element, a
//! pill); every other argument is plain text that the renderer escapes with the phrase.

use super::josa::{gwa, i};
use super::{En, Ko};

/// Words of the HTML report.
pub trait HtmlWords {
    // ---- the page ------------------------------------------------------------------------------
    /// The notice under the masthead: what entrust does and does not do.
    fn notice(&self) -> &'static str;
    /// The footer.
    fn footer(&self) -> &'static str;
    /// "3 cases judged under kr (Korean law …)." (`packs_html`: the packs' list, `None` for
    /// none).
    fn cases_judged(&self, n: usize, packs_html: Option<&str>) -> String;
    /// The accessible name of the strip of counts: "Counts".
    fn counts_label(&self) -> &'static str;
    /// "Open questions": a count's label, a column, a card and a heading.
    fn open_questions(&self) -> &'static str;
    /// "Expand all reasoning".
    fn expand_all(&self) -> &'static str;
    /// "Collapse all reasoning".
    fn collapse_all(&self) -> &'static str;
    /// "Print".
    fn print(&self) -> &'static str;
    /// "case", in the printed link "(case 3)".
    fn print_case(&self) -> &'static str;

    // ---- the summary table ---------------------------------------------------------------------
    /// "Summary".
    fn summary_heading(&self) -> &'static str;
    /// The summary table's caption.
    fn summary_caption(&self) -> &'static str;
    /// "Case".
    fn case_label(&self) -> &'static str;
    /// "Pack".
    fn pack_label(&self) -> &'static str;
    /// Lawfulness in a pill: "yes", "no", "open".
    fn lawful_short(&self, l: Option<bool>) -> &'static str;

    // ---- a case --------------------------------------------------------------------------------
    /// "Case 2 of 5".
    fn case_of(&self, k: usize, n: usize) -> String;
    /// "Back to the summary".
    fn back_to_summary(&self) -> &'static str;
    /// "Judged under `kr` (Korean law …)".
    fn judged_under_html(&self, pack_html: &str, title_html: &str) -> String;
    /// The notice when a verdict carries no explanation.
    fn no_reasoning(&self) -> &'static str;
    /// "Decisive grounds".
    fn grounds_heading(&self) -> &'static str;
    /// What the decisive grounds are.
    fn grounds_gloss(&self) -> &'static str;

    // ---- the conclusion ------------------------------------------------------------------------
    /// What a classification means, under its card.
    fn class_gloss(&self, class: &str) -> &'static str;
    /// What the lawfulness means, under its card.
    fn lawful_gloss(&self, l: Option<bool>) -> &'static str;
    /// Under the count of violations: whether some were found, and how many more are possible.
    fn violations_gloss(&self, found: bool, possible: usize) -> String;
    /// Under the count of open questions.
    fn questions_gloss(&self, any: bool) -> &'static str;
    /// The balance of the classification weighing as a sentence of the conclusion (`balance`:
    /// [`super::CommonWords::balance`]).
    fn weighing_sentence(&self, balance: &str) -> String;

    // ---- violations, possible violations, law not checked, stretches ---------------------------
    /// "Code".
    fn code_label(&self) -> &'static str;
    /// "What was broken".
    fn broken_label(&self) -> &'static str;
    /// "Article".
    fn article_label(&self) -> &'static str;
    /// "When it ran".
    fn when_ran_label(&self) -> &'static str;
    /// "Exposes the transferor to".
    fn exposes_label(&self) -> &'static str;
    /// "Transitional rule." (before the rule's text).
    fn transitional_rule(&self) -> &'static str;
    /// "not stated" (no sanction given).
    fn not_stated(&self) -> &'static str;
    /// "Violations still possible".
    fn possible_title(&self) -> &'static str;
    /// What the violations still possible are.
    fn possible_gloss(&self) -> &'static str;
    /// "What may be broken".
    fn may_break_label(&self) -> &'static str;
    /// "When".
    fn when_label(&self) -> &'static str;
    /// "Settled by".
    fn settled_by_label(&self) -> &'static str;
    /// A possible violation that only the classification settles.
    fn settled_by_classification(&self) -> &'static str;
    /// "Not checked".
    fn not_checked_title(&self) -> &'static str;
    /// What the law not checked is.
    fn not_checked_gloss(&self) -> &'static str;
    /// "What is not checked".
    fn not_checked_what(&self) -> &'static str;
    /// "Law".
    fn law_label(&self) -> &'static str;
    /// "Stretches of law".
    fn stretches_title(&self) -> &'static str;
    /// How the period is cut into stretches.
    fn stretches_gloss(&self) -> &'static str;
    /// "Stretch" (a column).
    fn stretch_label(&self) -> &'static str;
    /// "From".
    fn column_from(&self) -> &'static str;
    /// "To".
    fn column_to(&self) -> &'static str;
    /// The two halves of a stretch of days, where a line may break: `["2019-06-01 to",
    /// "2020-08-04"]`.
    fn range_halves(&self, from: &str, to: &str) -> [String; 2];

    // ---- the weighing and its chart --------------------------------------------------------------
    /// "Weighing of the classification".
    fn weighing_heading(&self) -> &'static str;
    /// "Classification: `<pill>`, weighed as in stretch 1."
    fn weighed_as_in(&self, pill_html: &str, k: usize) -> String;
    /// "toward provision" (`side`: in words).
    fn toward(&self, side: &str) -> String;
    /// What fired on a side, and how many factors are open: "fired 29 · 1 factor open".
    fn chart_tally(&self, fired: i32, open: usize) -> String;
    /// "no factor fired or open".
    fn no_factor(&self) -> &'static str;
    /// "decisive".
    fn decisive(&self) -> &'static str;
    /// A bar's tooltip: "the recipient uses … (fired, weight 6 toward provision)" (`state`:
    /// the factor's outcome in words, `side` in words).
    fn bar_title(&self, title: &str, state: &str, weight: i32, side: &str) -> String;
    /// "Fired toward provision".
    fn fired_toward(&self, side: &str) -> String;
    /// "result: provision".
    fn chart_result(&self, class: &str) -> String;
    /// What the band around zero means: "grey band: undecided within ±2".
    fn margin_note(&self, margin: i32) -> String;
    /// A range of signed balances: "+28 to +30".
    fn signed_range(&self, lo: &str, hi: &str) -> String;
    /// A factor in the chart's text alternative: "recipient_own_use 6 decisive (open)".
    fn factor_alt(&self, id: &str, weight: i32, decisive: bool, open: bool) -> String;
    /// The chart's text alternative (`first`, `second`: the sides in words; `factors_*`: their
    /// factors; the balance from `lo` to `hi` toward `first`; `result` in words).
    #[allow(clippy::too_many_arguments)]
    fn chart_alt(
        &self,
        first: &str,
        factors_first: &str,
        fired_first: i32,
        second: &str,
        factors_second: &str,
        fired_second: i32,
        lo: i32,
        hi: i32,
        margin: i32,
        result: &str,
    ) -> String;
    /// The legend: a factor that fired.
    fn legend_fired(&self) -> &'static str;
    /// The legend: a factor still open.
    fn legend_open(&self) -> &'static str;
    /// The legend: the undecided margin.
    fn legend_margin(&self) -> &'static str;
    /// The legend: the balance range.
    fn legend_range(&self) -> &'static str;
    /// The chart's caption: the balance from `lo` to `hi` toward `first`, undecided within
    /// `margin`, the result, and how the chart reads (`first`, `second`: the sides in words).
    fn chart_caption(
        &self,
        lo: i32,
        hi: i32,
        margin: i32,
        result_html: &str,
        first: &str,
        second: &str,
    ) -> String;
    /// The factor table's caption.
    fn factors_caption(&self) -> &'static str;
    /// The caption of the points of a weighing of more than two sides, side by side.
    fn sides_points_caption(&self) -> &'static str;
    /// A side's points: "11 points" and, where open factors could add more, "(up to 13)".
    fn side_points(&self, fired: i32, open: i32) -> String;
    /// "Toward" (a column).
    fn toward_label(&self) -> &'static str;
    /// "Weight".
    fn weight_label(&self) -> &'static str;
    /// "Status".
    fn status_label(&self) -> &'static str;
    /// "Factor".
    fn factor_label(&self) -> &'static str;
    /// "Authority".
    fn authority_label(&self) -> &'static str;
    /// "Facts read".
    fn facts_read_label(&self) -> &'static str;
    /// A factor's weight in the table: "5, decisive".
    fn weight_cell(&self, weight: i32, decisive: bool) -> String;

    // ---- the requirements ----------------------------------------------------------------------
    /// "Requirements".
    fn requirements_heading(&self) -> &'static str;
    /// What the requirements table shows (`by_class`: columns per classification still possible).
    fn requirements_gloss(&self, by_class: bool) -> String;
    /// "Requirement" (a column).
    fn requirement_label(&self) -> &'static str;
    /// "if provision" (a column assuming a classification; `class` in words).
    fn column_if_class(&self, class: &str) -> String;
    /// "not in force" (a requirement in a stretch).
    fn badge_not_in_force(&self) -> &'static str;
    /// "Reasoning, requirement by requirement".
    fn reasoning_summary(&self) -> &'static str;
    /// "Stretch 1 of 3: … : lawfulness if the transfer is provision" (`class` in words).
    fn lawfulness_in_stretch(&self, stretch: &str, class: Option<&str>) -> String;
    /// "No requirement applies."
    fn no_requirement(&self) -> &'static str;

    // ---- open questions ------------------------------------------------------------------------
    /// "None: no unknown fact could change the outcome or the violations found."
    fn no_questions(&self) -> &'static str;
    /// The questions table's caption (`scope`: [`super::CommonWords::question_scope`]).
    fn questions_caption(&self, scope: &str) -> String;
    /// "Fact".
    fn fact_label(&self) -> &'static str;
    /// "Question".
    fn question_label(&self) -> &'static str;
    /// "Could change".
    fn could_change_label(&self) -> &'static str;
}

impl HtmlWords for En {
    fn notice(&self) -> &'static str {
        "entrust tells whether a transfer of personal data is outsourcing or a provision to a \
third party, and whether it was lawful under the law in force at the time, with the article or \
judgment behind each step. It names the sanctions a violation exposes the transferor to; it does \
not compute fines. Facts left out are unknown, never false. It is a tool for reasoning about a \
file, not legal advice."
    }
    fn footer(&self) -> &'static str {
        "Generated by entrust. Weights of the classification factors are each pack's reading of \
the authorities cited; where the law is unsettled the pack says so in a note beside the rule. Law \
a pack does not encode is listed as such and never passed."
    }
    fn cases_judged(&self, n: usize, packs_html: Option<&str>) -> String {
        format!(
            "{n} {} judged under {}.",
            if n == 1 { "case" } else { "cases" },
            packs_html.unwrap_or("no pack")
        )
    }
    fn counts_label(&self) -> &'static str {
        "Counts"
    }
    fn open_questions(&self) -> &'static str {
        "Open questions"
    }
    fn expand_all(&self) -> &'static str {
        "Expand all reasoning"
    }
    fn collapse_all(&self) -> &'static str {
        "Collapse all reasoning"
    }
    fn print(&self) -> &'static str {
        "Print"
    }
    fn print_case(&self) -> &'static str {
        "case"
    }
    fn summary_heading(&self) -> &'static str {
        "Summary"
    }
    fn summary_caption(&self) -> &'static str {
        "Every case of this report, with its verdict. The case id leads to the case."
    }
    fn case_label(&self) -> &'static str {
        "Case"
    }
    fn pack_label(&self) -> &'static str {
        "Pack"
    }
    fn lawful_short(&self, l: Option<bool>) -> &'static str {
        match l {
            Some(true) => "yes",
            Some(false) => "no",
            None => "open",
        }
    }
    fn case_of(&self, k: usize, n: usize) -> String {
        format!("Case {k} of {n}")
    }
    fn back_to_summary(&self) -> &'static str {
        "Back to the summary"
    }
    fn judged_under_html(&self, pack_html: &str, title_html: &str) -> String {
        format!("Judged under {pack_html} ({title_html})")
    }
    fn no_reasoning(&self) -> &'static str {
        "The reasoning was not included: judge the case with its sources to see the factors and \
the requirements."
    }
    fn grounds_heading(&self) -> &'static str {
        "Decisive grounds"
    }
    fn grounds_gloss(&self) -> &'static str {
        "The rules and facts that carried the outcome."
    }
    fn class_gloss(&self, class: &str) -> &'static str {
        match class {
            "outsourcing" => "entrustment of processing: the recipient works for the transferor",
            "provision" => "to a third party, who works for itself or someone else",
            "joint_control" => "the transferor and the recipient decide the processing together",
            "undecided" => "the facts given cannot settle it; the open questions below would",
            _ => "",
        }
    }
    fn lawful_gloss(&self, l: Option<bool>) -> &'static str {
        match l {
            Some(true) => "lawful under every classification still possible",
            Some(false) => "unlawful under every classification still possible",
            None => "unknown facts could still go either way",
        }
    }
    fn violations_gloss(&self, found: bool, possible: usize) -> String {
        match (found, possible) {
            (false, 0) => "none found".to_string(),
            (true, 0) => "found in some stretch of the period".to_string(),
            (false, n) => format!("none found; {n} still possible"),
            (true, n) => format!("found in some stretch of the period; {n} more still possible"),
        }
    }
    fn questions_gloss(&self, any: bool) -> &'static str {
        if any {
            "facts that could change the outcome"
        } else {
            "nothing left open"
        }
    }
    fn weighing_sentence(&self, balance: &str) -> String {
        format!("On the classification, {balance}.")
    }
    fn code_label(&self) -> &'static str {
        "Code"
    }
    fn broken_label(&self) -> &'static str {
        "What was broken"
    }
    fn article_label(&self) -> &'static str {
        "Article"
    }
    fn when_ran_label(&self) -> &'static str {
        "When it ran"
    }
    fn exposes_label(&self) -> &'static str {
        "Exposes the transferor to"
    }
    fn transitional_rule(&self) -> &'static str {
        "Transitional rule."
    }
    fn not_stated(&self) -> &'static str {
        "not stated"
    }
    fn possible_title(&self) -> &'static str {
        "Violations still possible"
    }
    fn possible_gloss(&self) -> &'static str {
        "Requirements that unknown facts leave open: each may be broken, and the facts named \
would settle it."
    }
    fn may_break_label(&self) -> &'static str {
        "What may be broken"
    }
    fn when_label(&self) -> &'static str {
        "When"
    }
    fn settled_by_label(&self) -> &'static str {
        "Settled by"
    }
    fn settled_by_classification(&self) -> &'static str {
        "the classification, which the facts leave open"
    }
    fn not_checked_title(&self) -> &'static str {
        "Not checked"
    }
    fn not_checked_gloss(&self) -> &'static str {
        "Law the pack knows applies or may apply to this case but does not encode: the transfer \
cannot be found lawful while it may apply."
    }
    fn not_checked_what(&self) -> &'static str {
        "What is not checked"
    }
    fn law_label(&self) -> &'static str {
        "Law"
    }
    fn stretches_title(&self) -> &'static str {
        "Stretches of law"
    }
    fn stretches_gloss(&self) -> &'static str {
        "The period is cut wherever a rule enters or leaves force; each stretch is judged under \
the rules then in force."
    }
    fn stretch_label(&self) -> &'static str {
        "Stretch"
    }
    fn column_from(&self) -> &'static str {
        "From"
    }
    fn column_to(&self) -> &'static str {
        "To"
    }
    fn range_halves(&self, from: &str, to: &str) -> [String; 2] {
        [format!("{from} to"), to.to_string()]
    }
    fn weighing_heading(&self) -> &'static str {
        "Weighing of the classification"
    }
    fn weighed_as_in(&self, pill_html: &str, k: usize) -> String {
        format!("Classification: {pill_html}, weighed as in stretch {k}.")
    }
    fn toward(&self, side: &str) -> String {
        format!("toward {side}")
    }
    fn chart_tally(&self, fired: i32, open: usize) -> String {
        match open {
            0 => format!("fired {fired}"),
            1 => format!("fired {fired} \u{b7} 1 factor open"),
            n => format!("fired {fired} \u{b7} {n} factors open"),
        }
    }
    fn no_factor(&self) -> &'static str {
        "no factor fired or open"
    }
    fn decisive(&self) -> &'static str {
        "decisive"
    }
    fn bar_title(&self, title: &str, state: &str, weight: i32, side: &str) -> String {
        format!("{title} ({state}, weight {weight} toward {side})")
    }
    fn fired_toward(&self, side: &str) -> String {
        format!("Fired toward {side}")
    }
    fn chart_result(&self, class: &str) -> String {
        format!("result: {class}")
    }
    fn margin_note(&self, margin: i32) -> String {
        if margin > 0 {
            format!("grey band: undecided within \u{b1}{margin}")
        } else {
            "dashed line: undecided at 0".to_string()
        }
    }
    fn signed_range(&self, lo: &str, hi: &str) -> String {
        format!("{lo} to {hi}")
    }
    fn factor_alt(&self, id: &str, weight: i32, decisive: bool, open: bool) -> String {
        format!(
            "{id} {weight}{}{}",
            if decisive { " decisive" } else { "" },
            if open { " (open)" } else { "" }
        )
    }
    fn chart_alt(
        &self,
        first: &str,
        factors_first: &str,
        fired_first: i32,
        second: &str,
        factors_second: &str,
        fired_second: i32,
        lo: i32,
        hi: i32,
        margin: i32,
        result: &str,
    ) -> String {
        let balance = if lo == hi {
            format!("{lo:+}")
        } else {
            format!("from {lo:+} to {hi:+}")
        };
        format!(
            "Toward {first}: {factors_first} (fired {fired_first}). Toward {second}: \
{factors_second} (fired {fired_second}). Balance {balance} toward {first}, undecided within \
{margin}; result: {result}."
        )
    }
    fn legend_fired(&self) -> &'static str {
        "factor fired"
    }
    fn legend_open(&self) -> &'static str {
        "open: fires only if unknown facts so turn out"
    }
    fn legend_margin(&self) -> &'static str {
        "undecided margin"
    }
    fn legend_range(&self) -> &'static str {
        "balance range"
    }
    fn chart_caption(
        &self,
        lo: i32,
        hi: i32,
        margin: i32,
        result_html: &str,
        first: &str,
        second: &str,
    ) -> String {
        let balance = if lo == hi {
            format!("{lo:+} toward {first}")
        } else {
            format!("from {lo:+} to {hi:+} toward {first}, depending on unknown facts")
        };
        format!(
            "Balance: {balance} (undecided within {margin}); result: {result_html}. Each bar is \
a factor's weight; the balance is the weight toward {first} less the weight toward {second}, \
counted over every value the unknown facts can take (open factors that read the same fact never \
fire together)."
        )
    }
    fn factors_caption(&self) -> &'static str {
        "The factors that fired or could fire, as charted."
    }
    fn sides_points_caption(&self) -> &'static str {
        "Points of the factors that fired, toward each side; the lighter part is what the open facts could add."
    }
    fn side_points(&self, fired: i32, open: i32) -> String {
        if open > 0 {
            format!("{fired} points (up to {})", fired + open)
        } else {
            format!("{fired} points")
        }
    }
    fn toward_label(&self) -> &'static str {
        "Toward"
    }
    fn weight_label(&self) -> &'static str {
        "Weight"
    }
    fn status_label(&self) -> &'static str {
        "Status"
    }
    fn factor_label(&self) -> &'static str {
        "Factor"
    }
    fn authority_label(&self) -> &'static str {
        "Authority"
    }
    fn facts_read_label(&self) -> &'static str {
        "Facts read"
    }
    fn weight_cell(&self, weight: i32, decisive: bool) -> String {
        if decisive {
            format!("{weight}, decisive")
        } else {
            weight.to_string()
        }
    }
    fn requirements_heading(&self) -> &'static str {
        "Requirements"
    }
    fn requirements_gloss(&self, by_class: bool) -> String {
        format!(
            "Each requirement in force, stretch by stretch{}: met, violated, open (unknown facts \
decide), excused (an exception applies) or not applicable.",
            if by_class {
                ", and under each classification still possible"
            } else {
                ""
            }
        )
    }
    fn requirement_label(&self) -> &'static str {
        "Requirement"
    }
    fn column_if_class(&self, class: &str) -> String {
        format!("if {class}")
    }
    fn badge_not_in_force(&self) -> &'static str {
        "not in force"
    }
    fn reasoning_summary(&self) -> &'static str {
        "Reasoning, requirement by requirement"
    }
    fn lawfulness_in_stretch(&self, stretch: &str, class: Option<&str>) -> String {
        match class {
            Some(c) => format!("{stretch}: lawfulness if the transfer is {c}"),
            None => format!("{stretch}: lawfulness"),
        }
    }
    fn no_requirement(&self) -> &'static str {
        "No requirement applies."
    }
    fn no_questions(&self) -> &'static str {
        "None: no unknown fact could change the outcome or the violations found."
    }
    fn questions_caption(&self, scope: &str) -> String {
        format!(
            "Open questions that could change the {scope}, most decisive first: the question to \
put to the client."
        )
    }
    fn fact_label(&self) -> &'static str {
        "Fact"
    }
    fn question_label(&self) -> &'static str {
        "Question"
    }
    fn could_change_label(&self) -> &'static str {
        "Could change"
    }
}

impl HtmlWords for Ko {
    fn notice(&self) -> &'static str {
        "entrust는 개인정보의 이전이 처리위탁인지 제3자 제공인지, 그리고 당시 시행 중이던 \
법령에 따라 적법하였는지를 판단하고, 판단의 각 단계마다 근거 조문이나 판례를 제시함. 위반 시 \
이전하는 자가 받을 수 있는 제재를 밝히되 과징금·과태료의 액수는 산정하지 않음. 주어지지 않은 \
사실은 '아니오'가 아니라 '미정'으로 봄. 이 보고서는 사안 검토를 돕는 도구이며 법률 자문이 아님."
    }
    fn footer(&self) -> &'static str {
        "entrust로 작성함. 법적 성격에 관한 고려 요소의 가중치는 각 법령팩이 인용된 판례·결정을 \
해석한 것이며, 법리가 확립되지 않은 부분은 법령팩이 해당 규칙 옆의 참고에 그 취지를 밝힘. \
법령팩이 구현하지 않은 법령은 검토하지 않은 법령으로 표시하며 충족된 것으로 보지 않음."
    }
    fn cases_judged(&self, n: usize, packs_html: Option<&str>) -> String {
        match packs_html {
            Some(p) => format!("사안 {n}건을 법령팩 {p}에 따라 판단함."),
            None => format!("사안 {n}건 (적용된 법령팩 없음)."),
        }
    }
    fn counts_label(&self) -> &'static str {
        "건수"
    }
    fn open_questions(&self) -> &'static str {
        "미확인 사항"
    }
    fn expand_all(&self) -> &'static str {
        "판단 과정 모두 펼치기"
    }
    fn collapse_all(&self) -> &'static str {
        "판단 과정 모두 접기"
    }
    fn print(&self) -> &'static str {
        "인쇄"
    }
    fn print_case(&self) -> &'static str {
        "사안"
    }
    fn summary_heading(&self) -> &'static str {
        "요약"
    }
    fn summary_caption(&self) -> &'static str {
        "이 보고서의 모든 사안과 그 판단 결과. 사안 id를 누르면 해당 사안으로 이동함."
    }
    fn case_label(&self) -> &'static str {
        "사안"
    }
    fn pack_label(&self) -> &'static str {
        "법령팩"
    }
    fn lawful_short(&self, l: Option<bool>) -> &'static str {
        match l {
            Some(true) => "적법",
            Some(false) => "위법",
            None => "미정",
        }
    }
    fn case_of(&self, k: usize, n: usize) -> String {
        format!("사안 {k}/{n}")
    }
    fn back_to_summary(&self) -> &'static str {
        "요약으로 돌아가기"
    }
    fn judged_under_html(&self, pack_html: &str, title_html: &str) -> String {
        format!("적용 법령팩: {pack_html} ({title_html})")
    }
    fn no_reasoning(&self) -> &'static str {
        "판단 과정이 포함되어 있지 않음. 고려 요소와 요건별 판단을 보려면 사안 파일의 출처 정보와 \
함께 판단하여야 함."
    }
    fn grounds_heading(&self) -> &'static str {
        "결정적 근거"
    }
    fn grounds_gloss(&self) -> &'static str {
        "결론을 좌우한 규칙과 사실."
    }
    fn class_gloss(&self, class: &str) -> &'static str {
        match class {
            "outsourcing" => "개인정보 처리업무의 위탁: 이전받는 자가 이전하는 자를 위하여 처리함",
            "provision" => "제3자에 대한 제공: 이전받는 자가 자신이나 다른 자를 위하여 처리함",
            "joint_control" => "이전하는 자와 이전받는 자가 처리를 함께 결정함",
            "undecided" => {
                "주어진 사실만으로는 판단할 수 없음. 아래 미확인 사항에 대한 답변으로 정해짐"
            }
            _ => "",
        }
    }
    fn lawful_gloss(&self, l: Option<bool>) -> &'static str {
        match l {
            Some(true) => "가능한 모든 법적 성격에서 적법함",
            Some(false) => "가능한 모든 법적 성격에서 위법함",
            None => "확인되지 않은 사실에 따라 어느 쪽으로든 달라질 수 있음",
        }
    }
    fn violations_gloss(&self, found: bool, possible: usize) -> String {
        match (found, possible) {
            (false, 0) => "발견되지 않음".to_string(),
            (true, 0) => "기간 중 일부 구간에서 인정됨".to_string(),
            (false, n) => format!("발견되지 않음. 다만 {n}건은 위반 가능성이 있음"),
            (true, n) => {
                format!("기간 중 일부 구간에서 인정됨. 그 밖에 {n}건은 위반 가능성이 있음")
            }
        }
    }
    fn questions_gloss(&self, any: bool) -> &'static str {
        if any {
            "결론을 바꿀 수 있는 사실"
        } else {
            "남은 미확인 사항 없음"
        }
    }
    fn weighing_sentence(&self, balance: &str) -> String {
        format!("법적 성격에 관하여는 {balance}.")
    }
    fn code_label(&self) -> &'static str {
        "위반 코드"
    }
    fn broken_label(&self) -> &'static str {
        "위반 내용"
    }
    fn article_label(&self) -> &'static str {
        "근거 조문"
    }
    fn when_ran_label(&self) -> &'static str {
        "위반 기간"
    }
    fn exposes_label(&self) -> &'static str {
        "이전하는 자가 받을 수 있는 제재"
    }
    fn transitional_rule(&self) -> &'static str {
        "경과규정."
    }
    fn not_stated(&self) -> &'static str {
        "명시되지 않음"
    }
    fn possible_title(&self) -> &'static str {
        "위반 가능성이 남아 있는 사항"
    }
    fn possible_gloss(&self) -> &'static str {
        "확인되지 않은 사실 때문에 미정인 요건. 각 요건은 위반되었을 수 있으며, 열거된 사실이 \
확인되면 판단됨."
    }
    fn may_break_label(&self) -> &'static str {
        "위반 가능 내용"
    }
    fn when_label(&self) -> &'static str {
        "기간"
    }
    fn settled_by_label(&self) -> &'static str {
        "판단에 필요한 사실"
    }
    fn settled_by_classification(&self) -> &'static str {
        "법적 성격 (주어진 사실로는 정해지지 않음)"
    }
    fn not_checked_title(&self) -> &'static str {
        "검토하지 않은 법령"
    }
    fn not_checked_gloss(&self) -> &'static str {
        "이 사안에 적용되거나 적용될 수 있으나 법령팩이 구현하지 않은 법령. 적용될 가능성이 있는 \
한 이전을 적법하다고 판단하지 않음."
    }
    fn not_checked_what(&self) -> &'static str {
        "검토하지 않은 사항"
    }
    fn law_label(&self) -> &'static str {
        "법령"
    }
    fn stretches_title(&self) -> &'static str {
        "적용 구간"
    }
    fn stretches_gloss(&self) -> &'static str {
        "규칙이 시행되거나 효력을 잃는 날마다 기간을 나누고, 각 구간은 당시 시행 중이던 규칙에 \
따라 판단함."
    }
    fn stretch_label(&self) -> &'static str {
        "구간"
    }
    fn column_from(&self) -> &'static str {
        "시작일"
    }
    fn column_to(&self) -> &'static str {
        "종료일"
    }
    fn range_halves(&self, from: &str, to: &str) -> [String; 2] {
        [format!("{from} ~"), to.to_string()]
    }
    fn weighing_heading(&self) -> &'static str {
        "법적 성격의 형량"
    }
    fn weighed_as_in(&self, pill_html: &str, k: usize) -> String {
        format!(
            "법적 성격: {pill_html} ({} 같은 형량).",
            gwa(&format!("구간 {k}"))
        )
    }
    fn toward(&self, side: &str) -> String {
        format!("{side} 쪽")
    }
    fn chart_tally(&self, fired: i32, open: usize) -> String {
        match open {
            0 => format!("해당 {fired}점"),
            n => format!("해당 {fired}점 \u{b7} 미정 요소 {n}개"),
        }
    }
    fn no_factor(&self) -> &'static str {
        "해당하거나 미정인 고려 요소 없음"
    }
    fn decisive(&self) -> &'static str {
        "결정적"
    }
    fn bar_title(&self, title: &str, state: &str, weight: i32, side: &str) -> String {
        format!("{title} ({state}, {side} 쪽 가중치 {weight}점)")
    }
    fn fired_toward(&self, side: &str) -> String {
        format!("{side} 쪽 해당 합계")
    }
    fn chart_result(&self, class: &str) -> String {
        format!("결과: {class}")
    }
    fn margin_note(&self, margin: i32) -> String {
        if margin > 0 {
            format!("회색 띠: \u{b1}{margin}점 이내이면 판단 유보")
        } else {
            "점선: 0점이면 판단 유보".to_string()
        }
    }
    fn signed_range(&self, lo: &str, hi: &str) -> String {
        format!("{lo} ~ {hi}")
    }
    fn factor_alt(&self, id: &str, weight: i32, decisive: bool, open: bool) -> String {
        format!(
            "{id} {weight}점{}{}",
            if decisive { ", 결정적" } else { "" },
            if open { " (미정)" } else { "" }
        )
    }
    fn chart_alt(
        &self,
        first: &str,
        factors_first: &str,
        fired_first: i32,
        second: &str,
        factors_second: &str,
        fired_second: i32,
        lo: i32,
        hi: i32,
        margin: i32,
        result: &str,
    ) -> String {
        let balance = if lo == hi {
            format!("{lo:+}점")
        } else {
            format!("{lo:+}점에서 {hi:+}점 사이")
        };
        format!(
            "{first} 쪽: {factors_first} (해당 {fired_first}점). {second} 쪽: {factors_second} \
(해당 {fired_second}점). 형량 결과는 {first} 쪽으로 {balance}이며, ±{margin}점 이내이면 판단 \
유보임. 결과: {result}."
        )
    }
    fn legend_fired(&self) -> &'static str {
        "해당한 고려 요소"
    }
    fn legend_open(&self) -> &'static str {
        "미정: 확인되지 않은 사실에 따라 해당할 수 있음"
    }
    fn legend_margin(&self) -> &'static str {
        "판단 유보 범위"
    }
    fn legend_range(&self) -> &'static str {
        "형량 결과의 범위"
    }
    fn chart_caption(
        &self,
        lo: i32,
        hi: i32,
        margin: i32,
        result_html: &str,
        first: &str,
        second: &str,
    ) -> String {
        let balance = if lo == hi {
            format!("{first} 쪽으로 {lo:+}점")
        } else {
            format!("확인되지 않은 사실에 따라 {first} 쪽으로 {lo:+}점에서 {hi:+}점 사이")
        };
        format!(
            "형량 결과: {balance} (±{margin}점 이내이면 판단 유보). 결과: {result_html}. 각 막대는 \
고려 요소의 가중치이며, 형량 결과는 {first} 쪽 가중치에서 {second} 쪽 가중치를 뺀 값으로, \
확인되지 않은 사실이 가질 수 있는 모든 값에 대하여 계산함 (같은 사실을 읽는 미정 요소들은 함께 \
해당하지 않음)."
        )
    }
    fn factors_caption(&self) -> &'static str {
        "그래프에 표시된, 해당하였거나 해당할 수 있는 고려 요소."
    }
    fn sides_points_caption(&self) -> &'static str {
        "각 방향으로 해당한 고려 요소의 점수. 옅은 부분은 확인되지 않은 사실에 따라 더해질 수 있는 점수임."
    }
    fn side_points(&self, fired: i32, open: i32) -> String {
        if open > 0 {
            format!("{fired}점(최대 {}점)", fired + open)
        } else {
            format!("{fired}점")
        }
    }
    fn toward_label(&self) -> &'static str {
        "방향"
    }
    fn weight_label(&self) -> &'static str {
        "가중치"
    }
    fn status_label(&self) -> &'static str {
        "결과"
    }
    fn factor_label(&self) -> &'static str {
        "고려 요소"
    }
    fn authority_label(&self) -> &'static str {
        "근거"
    }
    fn facts_read_label(&self) -> &'static str {
        "관련 사실"
    }
    fn weight_cell(&self, weight: i32, decisive: bool) -> String {
        if decisive {
            format!("{weight}, 결정적")
        } else {
            weight.to_string()
        }
    }
    fn requirements_heading(&self) -> &'static str {
        "요건"
    }
    fn requirements_gloss(&self, by_class: bool) -> String {
        format!(
            "시행 중인 각 요건을 구간별로{} 판단한 결과: 충족, 위반, 미정(확인되지 않은 사실에 \
따라 달라짐), 예외 적용(예외에 해당함) 또는 해당 없음.",
            if by_class {
                ", 그리고 가능한 법적 성격별로"
            } else {
                ""
            }
        )
    }
    fn requirement_label(&self) -> &'static str {
        "요건"
    }
    fn column_if_class(&self, class: &str) -> String {
        format!("{class}인 경우")
    }
    fn badge_not_in_force(&self) -> &'static str {
        "시행되지 않음"
    }
    fn reasoning_summary(&self) -> &'static str {
        "요건별 판단 과정"
    }
    fn lawfulness_in_stretch(&self, stretch: &str, class: Option<&str>) -> String {
        match class {
            Some(c) => format!("{stretch} \u{2014} 적법 여부 (이전이 {c}에 해당하는 경우)"),
            None => format!("{stretch} \u{2014} 적법 여부"),
        }
    }
    fn no_requirement(&self) -> &'static str {
        "적용되는 요건 없음."
    }
    fn no_questions(&self) -> &'static str {
        "없음. 결론이나 인정되는 위반 사항을 바꿀 수 있는 미확인 사실이 없음."
    }
    fn questions_caption(&self, scope: &str) -> String {
        format!(
            "{} 바뀔 수 있는 미확인 사항 (결정적인 것부터): 의뢰인에게 확인할 질문.",
            i(scope)
        )
    }
    fn fact_label(&self) -> &'static str {
        "사실"
    }
    fn question_label(&self) -> &'static str {
        "질문"
    }
    fn could_change_label(&self) -> &'static str {
        "영향을 받는 사항"
    }
}
