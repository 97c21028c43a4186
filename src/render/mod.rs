//! Renderers: they only read verdicts and explanations, never evaluate, and take every phrase
//! from the wording layer ([`crate::words`]).

pub mod ask;
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
    let sides: [&str; 2] = def.map_or(["", ""], |d| [d.sides[0].as_str(), d.sides[1].as_str()]);
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
    let [lo, hi] = score.unwrap_or([fired[0] - fired[1], fired[0] - fired[1]]);
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
