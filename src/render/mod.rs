//! Renderers: they only read verdicts and explanations, never evaluate, and take every phrase
//! from the wording layer ([`crate::words`]).

pub mod ask;
pub mod columns;
pub mod compare;
pub mod coverage;
pub mod csv;
pub mod diff;
pub mod facts;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod jsonl_explain;
pub mod markdown;
pub mod schema;
pub mod testing;
pub mod text;
pub mod training;
pub mod whatif;

use crate::compile::pack::Pack;
use crate::explain::{Node, NodeKind, Outcome};
use crate::summary::CouldChange;
use crate::syntax::ast::CaseAst;
use crate::verdict::{DateRange, Unknown};
use crate::words::{Balance, QuestionScope, Words};

/// What a human-facing renderer needs beside the verdict: the pack that judged it, the case
/// (its parties and source, in the chosen language), the words of that language, and whether
/// the articles' own words are quoted under each rule.
#[derive(Clone, Copy)]
pub struct Memo<'a> {
    /// The pack that judged the case.
    pub pack: &'a Pack,
    /// The case, when it is at hand.
    pub case: Option<&'a CaseAst>,
    /// The words of the chosen language.
    pub words: &'a dyn Words,
    /// Quote the articles under each rule.
    pub quote: bool,
}

impl<'a> Memo<'a> {
    /// A memo context without the case and without quotes, in the pack's language.
    pub fn of(pack: &'a Pack) -> Memo<'a> {
        Memo {
            pack,
            case: None,
            words: crate::words::words(pack.lang),
            quote: false,
        }
    }

    /// The case's named parties in the memo's language, as (role, name) pairs.
    pub fn parties(&self) -> Vec<(&'static str, &'a str)> {
        let lang = self.words.lang();
        let Some(case) = self.case else {
            return Vec::new();
        };
        let p = &case.parties;
        [
            ("transferor", p.transferor.as_ref()),
            ("recipient", p.recipient.as_ref()),
            ("beneficiary", p.beneficiary.as_ref()),
        ]
        .into_iter()
        .filter_map(|(r, n)| n.map(|n| (r, n.get(lang))))
        .collect()
    }

    /// Where the case's facts come from, in the memo's language.
    pub fn source(&self) -> Option<&'a str> {
        let lang = self.words.lang();
        self.case
            .and_then(|c| c.source.as_ref())
            .map(|s| s.get(lang))
    }
}

/// The relation a verdict found, as the pack's law names it, for `Words::class` and the
/// sentences built on it: the side's title where the pack gives one, else the law's term, else
/// the classification; `does not apply` where the law does not reach the case.
pub fn class_code(w: &dyn Words, v: &crate::verdict::Verdict) -> String {
    if v.applies == Some(Some(false)) {
        return w.not_applying().to_string();
    }
    v.term_title
        .clone()
        .or_else(|| v.term.clone())
        .unwrap_or_else(|| v.classification.clone())
}

/// The conclusion in a sentence: the relation and lawfulness, or that the law does not apply.
pub fn conclusion(w: &dyn Words, v: &crate::verdict::Verdict, markdown: bool) -> String {
    if v.applies == Some(Some(false)) {
        return format!("{}.", w.not_applying_heading());
    }
    let c = class_code(w, v);
    let said = if markdown {
        w.md_conclusion_sentence(&c, v.lawful)
    } else {
        w.conclusion_sentence(&c, v.lawful)
    };
    if v.applies == Some(None) {
        format!("{said} {}", w.reach_open(false))
    } else {
        said
    }
}

/// A side of the classification as readers see it: its title where the pack gives one (in the
/// run's language), else the code as given (a side's name, an axis value, `undecided`).
pub fn side_word<'a>(pack: &'a Pack, code: &'a str) -> &'a str {
    pack.classifier()
        .and_then(|d| {
            let i = d.sides.iter().position(|s| s == code)?;
            d.titles.get(i)?.as_deref()
        })
        .unwrap_or(code)
}

/// [`class_code`] for one stretch.
pub fn period_class_code(w: &dyn Words, p: &crate::verdict::Period) -> String {
    if p.applies == Some(Some(false)) {
        return w.not_applying().to_string();
    }
    p.term_title
        .clone()
        .or_else(|| p.term.clone())
        .unwrap_or_else(|| p.classification.clone())
}

/// What a verdict's open questions could change, as a whole: the headline of their list.
pub fn question_scope(unknowns: &[Unknown]) -> QuestionScope {
    let has = |c: CouldChange| unknowns.iter().any(|u| u.could_change == c);
    match (
        has(CouldChange::Classification),
        has(CouldChange::Lawfulness),
        has(CouldChange::Violations),
    ) {
        (true, false, false) => QuestionScope::Classification,
        (true, _, _) => QuestionScope::Outcome,
        (false, true, _) => QuestionScope::Lawfulness,
        _ => QuestionScope::Violations,
    }
}

/// Stretches of dates in words: `2019-06-01 to 2020-08-04, 2023-09-15`.
pub fn during_words(w: &dyn Words, during: &[DateRange]) -> String {
    during
        .iter()
        .map(|d| w.date_range(&d.from, &d.to))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The balance of a classification weighing node, for the plain-words sentence: the sides and
/// margin from the pack, the points of the factors that fired from the node's children, the
/// range from the verdict's `score` for the stretch (or the fired points when it is not known).
pub fn balance_of<'a>(pack: &'a Pack, w: &Node, score: Option<[i32; 2]>) -> Balance<'a> {
    let def = pack.classifier();
    if let Some(d) = def
        && d.sides.len() > 2
    {
        return balance_of_many(d, w);
    }
    let side_at = |i: usize| def.and_then(|d| d.sides.get(i)).map_or("", String::as_str);
    let sides: [&str; 2] = [side_at(0), side_at(1)];
    let mut fired = [0i32; 2];
    let mut decisive = false;
    let side = match &w.result {
        Outcome::Side(s) => sides.iter().position(|x| x == s),
        _ => None,
    };
    for f in w.children.iter().filter(|f| f.kind == NodeKind::Factor) {
        if f.result != Outcome::Fired {
            continue;
        }
        if let Some(wt) = &f.weight
            && let Some(i) = sides.iter().position(|s| *s == wt.side)
        {
            if let Some(x) = fired.get_mut(i) {
                *x += wt.points;
            }
            decisive |= wt.decisive && side == Some(i);
        }
    }
    let [f0, f1] = fired;
    let [lo, hi] = score.unwrap_or([f0 - f1, f0 - f1]);
    // The sides in words: their titles where the pack gives them.
    let title = |i: u8, name: &'a str| def.and_then(|d| d.side_title(i)).unwrap_or(name);
    let sides = [title(0, sides[0]), title(1, sides[1])];
    Balance {
        sides,
        side,
        fired,
        lo,
        hi,
        margin: def.map_or(0, |d| d.margin),
        decisive,
    }
}

/// The balance of a weighing of more than two sides, in the two-sided shape of the sentence:
/// the side settled on (or the side with the most points) against the strongest other, on the
/// factors that fired.
fn balance_of_many<'a>(d: &'a crate::compile::pack::WeighDef, w: &Node) -> Balance<'a> {
    let p = side_points(d, w);
    let settled = match &w.result {
        Outcome::Side(s) => d.sides.iter().position(|x| x == s),
        _ => None,
    };
    let decisive = settled.is_some_and(|i| p.decisive.get(i).copied().unwrap_or(false));
    many_balance(d, &p.fired, settled, decisive)
}

/// The points of a weighing node's factors toward each side of `d` (in the order of its sides):
/// those that fired, those still open, and whether a decisive one fired.
pub struct SidePoints {
    /// Points of the factors that fired.
    pub fired: Vec<i32>,
    /// Points of the factors the open facts could still fire.
    pub open: Vec<i32>,
    /// Whether a decisive factor fired.
    pub decisive: Vec<bool>,
}

/// [`SidePoints`] of a weighing node.
pub fn side_points(d: &crate::compile::pack::WeighDef, w: &Node) -> SidePoints {
    let n = d.sides.len();
    let mut p = SidePoints {
        fired: vec![0; n],
        open: vec![0; n],
        decisive: vec![false; n],
    };
    for f in w.children.iter().filter(|f| f.kind == NodeKind::Factor) {
        let Some(wt) = &f.weight else {
            continue;
        };
        let Some(i) = d.sides.iter().position(|s| *s == wt.side) else {
            continue;
        };
        match f.result {
            Outcome::Fired => {
                if let Some(x) = p.fired.get_mut(i) {
                    *x += wt.points;
                }
                if let Some(x) = p.decisive.get_mut(i) {
                    *x |= wt.decisive;
                }
            }
            Outcome::Unknown => {
                if let Some(x) = p.open.get_mut(i) {
                    *x += wt.points;
                }
            }
            _ => {}
        }
    }
    p
}

/// The balance of a weighing of more than two sides from the points of the factors that fired
/// per side, in the two-sided shape of the sentence: the side settled on (or the side with the
/// most points) against the strongest other. `decisive`: a decisive factor of the side settled
/// on fired.
pub fn many_balance<'a>(
    d: &'a crate::compile::pack::WeighDef,
    points: &[i32],
    settled: Option<usize>,
    decisive: bool,
) -> Balance<'a> {
    let n = d.sides.len();
    let pts = |i: usize| points.get(i).copied().unwrap_or(0);
    let first = settled.unwrap_or_else(|| (0..n).max_by_key(|&i| (pts(i), n - i)).unwrap_or(0));
    let second = (0..n)
        .filter(|&i| i != first)
        .max_by_key(|&i| (pts(i), n - i))
        .unwrap_or(0);
    let name = |i: usize| {
        u8::try_from(i)
            .ok()
            .and_then(|i| d.side_title(i))
            .unwrap_or("")
    };
    let lead = pts(first) - pts(second);
    Balance {
        sides: [name(first), name(second)],
        side: settled.map(|_| 0),
        fired: [pts(first), pts(second)],
        lo: lead,
        hi: lead,
        margin: d.margin,
        decisive: settled.is_some() && decisive,
    }
}
