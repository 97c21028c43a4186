//! Words every output shares: the classification, lawfulness, the parties, dates and stretches
//! of law, and the balance of a weighing in plain words.

use super::josa::{eul, gwa, imyeo, ro};
use super::{En, Ko};
use crate::summary::CouldChange;

/// A weighing's balance, as the plain-words sentence needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Balance<'a> {
    /// The two sides (pack identifiers); the balance counts toward the first.
    pub sides: [&'a str; 2],
    /// The side settled on, `None` when undecided.
    pub side: Option<usize>,
    /// The points of the factors that fired, per side.
    pub fired: [i32; 2],
    /// Lowest and highest balance the unknown facts allow, toward the first side.
    pub lo: i32,
    /// See `lo`.
    pub hi: i32,
    /// Within this margin the weighing is undecided.
    pub margin: i32,
    /// A decisive factor that fired settles it (for the side settled on).
    pub decisive: bool,
}

/// What the open questions of a verdict could change, as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionScope {
    /// Only the classification.
    Classification,
    /// The classification and more.
    Outcome,
    /// The lawfulness (and maybe which violations are found).
    Lawfulness,
    /// Only which violations are found.
    Violations,
}

/// Words shared by every output.
pub trait CommonWords {
    /// A classification value or a weighing's side in words (`provision` → "provision",
    /// "제3자 제공"); a side the wording layer does not know is shown as the pack names it.
    fn class(&self, c: &str) -> String;
    /// "the law does not apply": in place of a classification, where the pack's law does not
    /// reach the case.
    fn not_applying(&self) -> &'static str;
    /// "The law does not apply to the case" (a heading before its reasons).
    fn not_applying_heading(&self) -> &'static str;
    /// Whether the law reaches the case is open (its scope turns on unknown facts): a sentence
    /// after the conclusion, and a short form for summaries.
    fn reach_open(&self, short: bool) -> &'static str;
    /// "Whether the law reaches the case" (the heading of the scope items).
    fn scope_heading(&self) -> &'static str;
    /// A party's role (`transferor`, `recipient`, `beneficiary`), or the pack's identifier.
    fn role(&self, r: &str) -> String;
    /// The lawfulness of a verdict: "lawful", "unlawful", "lawfulness open".
    fn lawful(&self, l: Option<bool>) -> &'static str;
    /// The answer to "Lawful?": "yes", "no", "unknown".
    fn lawful_answer(&self, l: Option<bool>) -> &'static str;
    /// "lawful", "unlawful", "of unknown lawfulness": after "the transfer is".
    fn lawful_predicate(&self, l: Option<bool>) -> &'static str;
    /// What an open question could change.
    fn could_change(&self, c: CouldChange) -> &'static str;
    /// What the open questions could change, as a whole: after "could change the".
    fn question_scope(&self, s: QuestionScope) -> &'static str;
    /// A stretch of days: "2019-06-01 to 2020-08-04".
    fn date_range(&self, from: &str, to: &str) -> String;
    /// One day: "On 2024-01-01" (a heading).
    fn on_day(&self, day: &str) -> String;
    /// A period: "From 2019-06-01 to 2020-08-04" (a heading).
    fn period_heading(&self, from: &str, to: &str) -> String;
    /// "Stretch 2 of 3: 2020-08-05 to 2023-09-14" (a heading).
    fn stretch_of(&self, k: usize, n: usize, from: &str, to: &str) -> String;
    /// "Stretch 2" (a short label).
    fn stretch(&self, k: usize) -> String;
    /// "as in stretch 1": a step judged as in the stretch before.
    fn as_in_stretch(&self, k: usize) -> String;
    /// The class a violation depends on, short: " (if provision)"; empty for none.
    fn if_classified_short(&self, class: Option<&str>) -> String;
    /// The class a violation depends on, long: ", if the transfer is provision"; empty for none.
    fn if_classified_long(&self, class: Option<&str>) -> String;
    /// "Only if the transfer is provision".
    fn only_if(&self, class: &str) -> String;
    /// The balance of a classification weighing in plain words.
    fn balance(&self, b: &Balance<'_>) -> String;
    /// A balance range in short, toward the side it leans to: `+31 to +33 toward provision`
    /// (`lo`, `hi` count toward the first of `sides`).
    fn balance_range(&self, sides: [&str; 2], lo: i32, hi: i32) -> String;
    /// "none".
    fn none(&self) -> &'static str;
    /// A list separator: ", ".
    fn comma(&self) -> &'static str;
}

/// The points a balance gives each side: (points toward the side settled on or the first,
/// points toward the other).
fn points(b: &Balance<'_>) -> (usize, usize) {
    match b.side {
        Some(1) => (1, 0),
        _ => (0, 1),
    }
}

/// A signed balance toward `side` turned toward the other side when negative: (side index,
/// absolute value).
fn toward(v: i32) -> (usize, i32) {
    if v < 0 { (1, -v) } else { (0, v) }
}

impl CommonWords for En {
    fn class(&self, c: &str) -> String {
        match c {
            "outsourcing" => "outsourcing".into(),
            "provision" => "provision".into(),
            "joint_control" => "joint control".into(),
            "undecided" => "undecided".into(),
            other => other.replace('_', " "),
        }
    }
    fn not_applying(&self) -> &'static str {
        "the law does not apply"
    }
    fn not_applying_heading(&self) -> &'static str {
        "The law does not apply to the case"
    }
    fn reach_open(&self, short: bool) -> &'static str {
        if short {
            "whether the law applies is open"
        } else {
            "Whether the law reaches the case at all is still open: what it would find broken is only possible until the facts of its reach are known."
        }
    }
    fn scope_heading(&self) -> &'static str {
        "Whether the law reaches the case"
    }
    fn role(&self, r: &str) -> String {
        match r {
            "transferor" => "transferor".into(),
            "recipient" => "recipient".into(),
            "beneficiary" => "beneficiary".into(),
            other => other.replace('_', " "),
        }
    }
    fn lawful(&self, l: Option<bool>) -> &'static str {
        match l {
            Some(true) => "lawful",
            Some(false) => "unlawful",
            None => "lawfulness open",
        }
    }
    fn lawful_answer(&self, l: Option<bool>) -> &'static str {
        match l {
            Some(true) => "yes",
            Some(false) => "no",
            None => "unknown",
        }
    }
    fn lawful_predicate(&self, l: Option<bool>) -> &'static str {
        match l {
            Some(true) => "lawful",
            Some(false) => "unlawful",
            None => "of unknown lawfulness",
        }
    }
    fn could_change(&self, c: CouldChange) -> &'static str {
        match c {
            CouldChange::Classification => "classification",
            CouldChange::Lawfulness => "lawfulness",
            CouldChange::Violations => "violations",
        }
    }
    fn question_scope(&self, s: QuestionScope) -> &'static str {
        match s {
            QuestionScope::Classification => "classification",
            QuestionScope::Outcome => "outcome",
            QuestionScope::Lawfulness => "lawfulness",
            QuestionScope::Violations => "violations found",
        }
    }
    fn date_range(&self, from: &str, to: &str) -> String {
        if from == to {
            from.to_string()
        } else {
            format!("{from} to {to}")
        }
    }
    fn on_day(&self, day: &str) -> String {
        format!("On {day}")
    }
    fn period_heading(&self, from: &str, to: &str) -> String {
        format!("From {from} to {to}")
    }
    fn stretch_of(&self, k: usize, n: usize, from: &str, to: &str) -> String {
        format!("Stretch {k} of {n}: {from} to {to}")
    }
    fn stretch(&self, k: usize) -> String {
        format!("Stretch {k}")
    }
    fn as_in_stretch(&self, k: usize) -> String {
        format!("as in stretch {k}")
    }
    fn if_classified_short(&self, class: Option<&str>) -> String {
        class.map_or_else(String::new, |c| format!(" (if {})", self.class(c)))
    }
    fn if_classified_long(&self, class: Option<&str>) -> String {
        class.map_or_else(String::new, |c| {
            format!(", if the transfer is {}", self.class(c))
        })
    }
    fn only_if(&self, class: &str) -> String {
        format!("Only if the transfer is {}", self.class(class))
    }
    fn balance(&self, b: &Balance<'_>) -> String {
        let side = |i: usize| self.class(b.sides.get(i).copied().unwrap_or(""));
        let pts = |n: i32| {
            if n == 1 {
                "1 point".to_string()
            } else {
                format!("{n} points")
            }
        };
        let (w, l) = points(b);
        let fired_w = b.fired.get(w).copied().unwrap_or(0);
        let fired_l = b.fired.get(l).copied().unwrap_or(0);
        match b.side {
            Some(s) if b.decisive => format!(
                "a decisive factor settles it: {} ({} against {} on the factors that fired)",
                side(s),
                pts(fired_w),
                fired_l
            ),
            Some(s) => {
                // The balance as seen from the side settled on.
                let (lo, hi) = if s == 0 { (b.lo, b.hi) } else { (-b.hi, -b.lo) };
                let head = format!(
                    "the factors point clearly to {}: {} against {}",
                    side(s),
                    pts(fired_w),
                    fired_l
                );
                if lo == hi {
                    head
                } else {
                    format!(
                        "{head}; whatever the open facts turn out to be, its lead stays between {lo} and {hi} points, beyond the margin of {} within which the pack leaves the classification undecided",
                        b.margin
                    )
                }
            }
            None => {
                let (a, av) = toward(b.lo);
                let (z, zv) = toward(b.hi);
                let now = format!(
                    "{} toward {} against {} toward {}",
                    pts(b.fired.first().copied().unwrap_or(0)),
                    side(0),
                    pts(b.fired.get(1).copied().unwrap_or(0)),
                    side(1)
                );
                if b.lo == b.hi {
                    format!(
                        "the factors do not settle it: {now}, within the margin of {} in which the pack leaves the classification undecided",
                        b.margin
                    )
                } else {
                    format!(
                        "the factors do not settle it: {now} on the facts known, and the open facts could bring the balance anywhere from {av} toward {} to {zv} toward {} (within {} either way it stays undecided)",
                        side(a),
                        side(z),
                        b.margin
                    )
                }
            }
        }
    }
    fn balance_range(&self, sides: [&str; 2], lo: i32, hi: i32) -> String {
        let (lo, hi, side) = if hi < 0 {
            (-hi, -lo, sides[1])
        } else {
            (lo, hi, sides[0])
        };
        if lo == hi {
            format!("{lo:+} toward {side}")
        } else {
            format!("{lo:+} to {hi:+} toward {side}")
        }
    }
    fn none(&self) -> &'static str {
        "none"
    }
    fn comma(&self) -> &'static str {
        ", "
    }
}

impl CommonWords for Ko {
    fn class(&self, c: &str) -> String {
        match c {
            "outsourcing" => "처리위탁".into(),
            "provision" => "제3자 제공".into(),
            "joint_control" => "공동 처리".into(),
            "undecided" => "판단 유보".into(),
            other => other.to_string(),
        }
    }
    fn not_applying(&self) -> &'static str {
        "법이 적용되지 않음"
    }
    fn reach_open(&self, short: bool) -> &'static str {
        if short {
            "법의 적용 여부 미정"
        } else {
            "이 법이 이 사안에 적용되는지 자체가 아직 확정되지 않음: 적용 범위를 정하는 사실이 밝혀지기 전까지 위반 사항은 가능성에 그침."
        }
    }
    fn not_applying_heading(&self) -> &'static str {
        "이 법은 이 사안에 적용되지 않음"
    }
    fn scope_heading(&self) -> &'static str {
        "이 법의 적용 범위"
    }
    fn role(&self, r: &str) -> String {
        match r {
            "transferor" => "이전하는 자".into(),
            "recipient" => "이전받는 자".into(),
            "beneficiary" => "이익을 얻는 자".into(),
            other => other.to_string(),
        }
    }
    fn lawful(&self, l: Option<bool>) -> &'static str {
        match l {
            Some(true) => "적법",
            Some(false) => "위법",
            None => "적법 여부 미정",
        }
    }
    fn lawful_answer(&self, l: Option<bool>) -> &'static str {
        match l {
            Some(true) => "예",
            Some(false) => "아니오",
            None => "미정",
        }
    }
    fn lawful_predicate(&self, l: Option<bool>) -> &'static str {
        match l {
            Some(true) => "적법함",
            Some(false) => "위법함",
            None => "적법 여부를 아직 알 수 없음",
        }
    }
    fn could_change(&self, c: CouldChange) -> &'static str {
        match c {
            CouldChange::Classification => "법적 성격",
            CouldChange::Lawfulness => "적법 여부",
            CouldChange::Violations => "위반 사항",
        }
    }
    fn question_scope(&self, s: QuestionScope) -> &'static str {
        match s {
            QuestionScope::Classification => "법적 성격(위탁/제공)",
            QuestionScope::Outcome => "결론",
            QuestionScope::Lawfulness => "적법 여부",
            QuestionScope::Violations => "인정되는 위반 사항",
        }
    }
    fn date_range(&self, from: &str, to: &str) -> String {
        if from == to {
            from.to_string()
        } else {
            format!("{from} ~ {to}")
        }
    }
    fn on_day(&self, day: &str) -> String {
        format!("기준일 {day}")
    }
    fn period_heading(&self, from: &str, to: &str) -> String {
        format!("기간 {from} ~ {to}")
    }
    fn stretch_of(&self, k: usize, n: usize, from: &str, to: &str) -> String {
        format!("적용 구간 {k}/{n}: {from} ~ {to}")
    }
    fn stretch(&self, k: usize) -> String {
        format!("구간 {k}")
    }
    fn as_in_stretch(&self, k: usize) -> String {
        format!("{} 같음", gwa(&format!("구간 {k}")))
    }
    fn if_classified_short(&self, class: Option<&str>) -> String {
        class.map_or_else(String::new, |c| format!(" ({}인 경우)", self.class(c)))
    }
    fn if_classified_long(&self, class: Option<&str>) -> String {
        class.map_or_else(String::new, |c| {
            format!(", 이전이 {}에 해당하는 경우", self.class(c))
        })
    }
    fn only_if(&self, class: &str) -> String {
        format!("이전이 {}에 해당하는 경우에만", self.class(class))
    }
    fn balance(&self, b: &Balance<'_>) -> String {
        let side = |i: usize| self.class(b.sides.get(i).copied().unwrap_or(""));
        let (w, l) = points(b);
        let fired_w = b.fired.get(w).copied().unwrap_or(0);
        let fired_l = b.fired.get(l).copied().unwrap_or(0);
        match b.side {
            Some(s) if b.decisive => format!(
                "결정적 요소가 충족되어 {} 판단됨 (충족된 요소 기준 {fired_w}점 대 {fired_l}점)",
                ro(&side(s))
            ),
            Some(s) => {
                let (lo, hi) = if s == 0 { (b.lo, b.hi) } else { (-b.hi, -b.lo) };
                let head = format!(
                    "고려 요소들이 분명히 {} 가리킴: {fired_w}점 대 {fired_l}점",
                    eul(&side(s))
                );
                if lo == hi {
                    head
                } else {
                    format!(
                        "{head}. 확인되지 않은 사실이 어느 쪽으로 밝혀지더라도 {lo}점에서 {hi}점 사이의 우위가 유지되어, 판단을 유보하는 {}점 범위를 넘음",
                        b.margin
                    )
                }
            }
            None => {
                let (a, av) = toward(b.lo);
                let (z, zv) = toward(b.hi);
                let now = format!(
                    "{} 쪽 {}점 대 {} 쪽 {}점",
                    side(0),
                    b.fired.first().copied().unwrap_or(0),
                    side(1),
                    b.fired.get(1).copied().unwrap_or(0)
                );
                if b.lo == b.hi {
                    format!(
                        "고려 요소들만으로는 판단할 수 없음: {} 판단을 유보하는 ±{}점 범위 안에 있음",
                        ro(&now),
                        b.margin
                    )
                } else {
                    format!(
                        "고려 요소들만으로는 판단할 수 없음: 확인된 사실 기준 {} 확인되지 않은 사실에 따라 {} 쪽 {av}점에서 {} 쪽 {zv}점까지 달라질 수 있음 (±{}점 이내이면 판단 유보)",
                        imyeo(&now),
                        side(a),
                        side(z),
                        b.margin
                    )
                }
            }
        }
    }
    fn balance_range(&self, sides: [&str; 2], lo: i32, hi: i32) -> String {
        let (lo, hi, side) = if hi < 0 {
            (-hi, -lo, sides[1])
        } else {
            (lo, hi, sides[0])
        };
        let side = self.class(side);
        if lo == hi {
            format!("{side} 쪽으로 {lo:+}점")
        } else {
            format!("{side} 쪽으로 {lo:+}~{hi:+}점")
        }
    }
    fn none(&self) -> &'static str {
        "없음"
    }
    fn comma(&self) -> &'static str {
        ", "
    }
}
