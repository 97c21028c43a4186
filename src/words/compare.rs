//! Words of the comparison of one case under several laws: a column per law, a row per aspect
//! (whether the law reaches the case, the relation in the law's own terms, lawfulness, the
//! violations with what they expose the sender to, the open questions, what is not checked).

use super::{En, Ko};

/// A row of the comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareRow {
    /// Whether the law reaches the case, and why not.
    Applies,
    /// The relation in the law's own terms, and its place on the common axis.
    Relation,
    /// Lawfulness.
    Lawful,
    /// The violations found, with when and what each exposes the sender to.
    Violations,
    /// The violations unknown facts leave open.
    Possible,
    /// The open questions that could change the outcome.
    Open,
    /// Law the pack knows may apply but does not encode.
    NotChecked,
}

impl CompareRow {
    /// Every row, in the order shown.
    pub const ALL: [CompareRow; 7] = [
        CompareRow::Applies,
        CompareRow::Relation,
        CompareRow::Lawful,
        CompareRow::Violations,
        CompareRow::Possible,
        CompareRow::Open,
        CompareRow::NotChecked,
    ];
}

/// Words of the comparison.
pub trait CompareWords {
    /// The heading of the comparison (text: upper case where the language has case).
    fn compare_heading(&self) -> &'static str;
    /// The sentence under the heading: the case, under how many laws.
    fn compare_intro(&self, id: &str, n: usize) -> String;
    /// A row's label.
    fn compare_row(&self, r: CompareRow) -> &'static str;
    /// Whether a law reaches the case: `Some(true)` yes, `Some(false)` no, `None` open; a pack
    /// without scope items does not judge its own reach.
    fn compare_applies(&self, a: Option<Option<bool>>) -> &'static str;
    /// An empty cell: nothing of the kind.
    fn compare_none(&self) -> &'static str;
    /// "and N more" after a cut list.
    fn compare_more(&self, n: usize) -> String;
    /// Before what a violation exposes the sender to.
    fn compare_exposes(&self) -> &'static str;
    /// A row that does not arise where the law does not reach the case.
    fn compare_not_reached(&self) -> &'static str;
}

impl CompareWords for En {
    fn compare_heading(&self) -> &'static str {
        "Comparison of the laws"
    }
    fn compare_intro(&self, id: &str, n: usize) -> String {
        format!(
            "The case {id} under {n} laws, side by side; each column sums up the analysis above."
        )
    }
    fn compare_row(&self, r: CompareRow) -> &'static str {
        match r {
            CompareRow::Applies => "Applies",
            CompareRow::Relation => "Relation",
            CompareRow::Lawful => "Lawful",
            CompareRow::Violations => "Violations",
            CompareRow::Possible => "Possible violations",
            CompareRow::Open => "Open questions",
            CompareRow::NotChecked => "Not checked",
        }
    }
    fn compare_applies(&self, a: Option<Option<bool>>) -> &'static str {
        match a {
            Some(Some(true)) => "yes",
            Some(Some(false)) => "no",
            Some(None) => "open",
            None => "not judged: the pack encodes no scope of its law",
        }
    }
    fn compare_none(&self) -> &'static str {
        "none"
    }
    fn compare_more(&self, n: usize) -> String {
        format!("and {n} more")
    }
    fn compare_exposes(&self) -> &'static str {
        "exposes to"
    }
    fn compare_not_reached(&self) -> &'static str {
        "(the law does not apply)"
    }
}

impl CompareWords for Ko {
    fn compare_heading(&self) -> &'static str {
        "법제별 비교"
    }
    fn compare_intro(&self, id: &str, n: usize) -> String {
        format!("사안 {id}: {n}개 법제에 따른 분석을 나란히 비교함. 각 열은 위 분석을 요약함.")
    }
    fn compare_row(&self, r: CompareRow) -> &'static str {
        match r {
            CompareRow::Applies => "적용 여부",
            CompareRow::Relation => "법적 성격",
            CompareRow::Lawful => "적법 여부",
            CompareRow::Violations => "위반 사항",
            CompareRow::Possible => "위반 가능성",
            CompareRow::Open => "미확인 사항",
            CompareRow::NotChecked => "검토하지 않은 법",
        }
    }
    fn compare_applies(&self, a: Option<Option<bool>>) -> &'static str {
        match a {
            Some(Some(true)) => "적용됨",
            Some(Some(false)) => "적용되지 않음",
            Some(None) => "미정",
            None => "판단하지 않음: 법령팩에 적용 범위 규정이 없음",
        }
    }
    fn compare_none(&self) -> &'static str {
        "없음"
    }
    fn compare_more(&self, n: usize) -> String {
        format!("외 {n}건")
    }
    fn compare_exposes(&self) -> &'static str {
        "제재"
    }
    fn compare_not_reached(&self) -> &'static str {
        "(법이 적용되지 않음)"
    }
}
