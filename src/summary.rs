//! Summing up the stretches of a case into one outcome, by index: the verdict (`verdict`) and
//! the fast JSON Lines writer (`render::jsonl`) both render this, so they cannot disagree.

use crate::compile::pack::{FactId, Pack, ReqId};
use crate::date::Date;
use crate::eval::tri::Tri;
use crate::eval::{Ground, Stretch, StretchJudgment};

/// A violation over the whole period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryViolation {
    /// The requirement broken.
    pub req: ReqId,
    /// `Some(side)` when it holds only if the transfer is classified as that side.
    pub only_under: Option<u8>,
    /// The stretches (merged when contiguous) in which it was found.
    pub during: Vec<(Date, Date)>,
    /// Indexes into the pack's transitional rules that apply to it.
    pub transitions: Vec<usize>,
}

/// The outcome over the whole period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The classification side, if every stretch settled on the same one.
    pub side: Option<u8>,
    /// Lawfulness: false if any stretch is unlawful, true if all are lawful.
    pub lawful: Tri,
    /// Violations in order of first appearance.
    pub violations: Vec<SummaryViolation>,
    /// Unknown facts that could change the outcome, most decisive first; `true` when they could
    /// change the classification, `false` for lawfulness.
    pub unknowns: Vec<(FactId, bool)>,
    /// The grounds, in order of first appearance.
    pub grounds: Vec<Ground>,
    /// Gaps touched.
    pub gaps: Vec<u16>,
}

/// Sums up judged stretches into `out` (reusing its buffers).
pub fn summarize(pack: &Pack, parts: &[(Stretch, StretchJudgment)], out: &mut Summary) {
    out.violations.clear();
    out.unknowns.clear();
    out.grounds.clear();
    out.gaps.clear();
    let mut lawful = Tri::True;
    let mut side: Option<Option<u8>> = None;
    let mut differs = false;
    let mut decisive: Vec<FactId> = Vec::new();
    let mut lawful_unknowns: Vec<FactId> = Vec::new();
    for (s, j) in parts {
        let this = j.weighing.and_then(|o| o.side());
        match side {
            None => side = Some(this),
            Some(prev) if prev != this => differs = true,
            _ => {}
        }
        lawful = match (lawful, j.lawful) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        };
        for f in &j.violations {
            match out
                .violations
                .iter_mut()
                .find(|x| x.req == f.req && x.only_under == f.only_under)
            {
                Some(x) => match x.during.last_mut() {
                    Some(last) if last.1.succ() == s.from => last.1 = s.to,
                    _ => x.during.push((s.from, s.to)),
                },
                None => out.violations.push(SummaryViolation {
                    req: f.req,
                    only_under: f.only_under,
                    during: vec![(s.from, s.to)],
                    transitions: Vec::new(),
                }),
            }
        }
        for g in &j.gaps {
            if !out.gaps.contains(g) {
                out.gaps.push(*g);
            }
        }
        for g in &j.grounds {
            if !out.grounds.contains(g) {
                out.grounds.push(*g);
            }
        }
        for f in &j.decisive {
            if !decisive.contains(f) {
                decisive.push(*f);
            }
        }
        for f in &j.lawful_unknowns {
            if !lawful_unknowns.contains(f) {
                lawful_unknowns.push(*f);
            }
        }
    }
    out.side = if differs { None } else { side.flatten() };
    out.lawful = lawful;
    // Most decisive first: classification facts by the weight they can move, then lawfulness.
    if let Some(w) = pack.classifier() {
        decisive.sort_by_key(|f| {
            let weight = w
                .factors
                .iter()
                .filter(|x| x.facts.contains(f))
                .map(|x| x.weight)
                .max()
                .unwrap_or(0);
            (std::cmp::Reverse(weight), *f)
        });
    }
    out.unknowns.extend(decisive.iter().map(|f| (*f, true)));
    if lawful == Tri::Unknown {
        out.unknowns.extend(
            lawful_unknowns
                .iter()
                .filter(|f| !decisive.contains(f))
                .map(|f| (*f, false)),
        );
    }
    // Transitional rules: a violation found on the day before the date, where the conduct goes
    // on (the same or another violation the rule concerns is found on or after the date).
    for (i, t) in pack.transitions.iter().enumerate() {
        let concerns = |req: ReqId| {
            pack.requirements.get(usize::from(req)).is_some_and(|r| {
                t.prefix.is_empty() || crate::testing::code_matches(&t.prefix, &r.code)
            })
        };
        let eve = t.date.pred();
        let goes_on = out
            .violations
            .iter()
            .any(|x| concerns(x.req) && x.during.iter().any(|(_, to)| *to >= t.date));
        if !goes_on {
            continue;
        }
        for x in &mut out.violations {
            if concerns(x.req) && x.during.iter().any(|(f, to)| *f <= eve && *to >= eve) {
                x.transitions.push(i);
            }
        }
    }
}
