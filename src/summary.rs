//! Summing up the stretches of a case into one outcome, by index: the verdict (`verdict`) and
//! the fast JSON Lines writer (`render::jsonl`) both render this, so they cannot disagree.

use crate::compile::pack::{FactId, Pack, ReqId};
use crate::date::Date;
use crate::eval::tri::Tri;
use crate::eval::{Found, Ground, GroundFilter, Stretch, StretchJudgment};

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
    /// For a possible violation: the unknown facts that would settle it (empty for a
    /// violation found).
    pub settled_by: Vec<FactId>,
}

/// What the answer to an unknown fact could change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CouldChange {
    /// The classification.
    Classification,
    /// Whether the transfer is lawful.
    Lawfulness,
    /// Which violations are found (lawfulness being settled, or not by this fact alone).
    Violations,
}

impl CouldChange {
    /// The word used in verdicts (`could_change`).
    pub fn as_str(self) -> &'static str {
        match self {
            CouldChange::Classification => "classification",
            CouldChange::Lawfulness => "lawfulness",
            CouldChange::Violations => "violations",
        }
    }
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
    /// Possible violations (requirements unknown facts leave open in some stretch), in order
    /// of first appearance, each with the facts that would settle it.
    pub possible: Vec<SummaryViolation>,
    /// Unknown facts that could change the outcome, most decisive first: those that could
    /// change the classification, then lawfulness, then which violations are found.
    pub unknowns: Vec<(FactId, CouldChange)>,
    /// The grounds, in order of first appearance.
    pub grounds: Vec<Ground>,
    /// Gaps touched, in order of first appearance.
    pub gaps: Vec<u16>,
    /// When each gap was touched: `(gap, first day, last day)`, contiguous stretches merged,
    /// in order of first appearance.
    pub gap_during: Vec<(u16, Date, Date)>,
    /// Whether the pack's law reaches the case: true where it does in some stretch, false
    /// where it does in none, unknown otherwise (true for a pack without `scope` items).
    pub applies: Tri,
    /// The scope items that failed in some stretch, in order of first appearance.
    pub out_of_scope: Vec<crate::compile::pack::TestId>,
    /// Violation slots kept from earlier cases, with their buffers, for reuse.
    spare: Spare,
}

/// Whether the law reaches the case over its stretches: true where it does in one, false where
/// it does in none, else unknown.
pub fn applies_over<'a>(stretches: impl Iterator<Item = &'a StretchJudgment>) -> Tri {
    let mut out = Tri::False;
    for j in stretches {
        match j.applies {
            Tri::True => return Tri::True,
            Tri::Unknown => out = Tri::Unknown,
            Tri::False => {}
        }
    }
    out
}

/// Violation slots set aside for reuse: not part of the outcome, so any two are equal.
#[derive(Clone, Debug, Default)]
struct Spare(Vec<SummaryViolation>);

impl PartialEq for Spare {
    fn eq(&self, _: &Spare) -> bool {
        true
    }
}

impl Eq for Spare {}

/// A set of fact slots without allocating: slots below 256 in a bit set, others searched for in
/// `list` (the facts added so far, which the caller keeps).
#[derive(Default)]
struct SmallFacts([u64; 4]);

impl SmallFacts {
    /// Whether `f` is in the set, `list` holding every member.
    fn contains(&self, f: FactId, list: impl IntoIterator<Item = FactId>) -> bool {
        match self.0.get(usize::from(f) / 64) {
            Some(w) => w & (1u64 << (f % 64)) != 0,
            None => list.into_iter().any(|x| x == f),
        }
    }

    /// Adds `f` (a slot past 255 is remembered by the caller's list only).
    fn insert(&mut self, f: FactId) {
        if let Some(w) = self.0.get_mut(usize::from(f) / 64) {
            *w |= 1u64 << (f % 64);
        }
    }
}

/// The weight a fact can move in the classification: the most of the factors that read it.
fn fact_weight(pack: &Pack, f: FactId) -> i32 {
    pack.classifier().map_or(0, |w| {
        w.factors
            .iter()
            .filter(|x| x.facts.contains(&f))
            .map(|x| x.weight)
            .max()
            .unwrap_or(0)
    })
}

/// Adds the findings of one stretch `s` to a list of violations (or possible violations),
/// merging each requirement's contiguous stretches, writing over the slots before `*used` and
/// taking further slots from `spare` (keeping their buffers). `facts` are the facts that would
/// settle each finding, by requirement (empty for violations found).
fn add_found(
    list: &mut Vec<SummaryViolation>,
    used: &mut usize,
    spare: &mut Spare,
    s: &Stretch,
    found: &[Found],
    facts: &[(ReqId, FactId)],
) {
    for f in found {
        let slot = match list
            .get_mut(..*used)
            .into_iter()
            .flatten()
            .position(|x| x.req == f.req && x.only_under == f.only_under)
        {
            Some(k) => {
                if let Some(x) = list.get_mut(k) {
                    match x.during.last_mut() {
                        Some(last) if last.1.succ() == s.from => last.1 = s.to,
                        _ => x.during.push((s.from, s.to)),
                    }
                }
                k
            }
            None => {
                if list.len() == *used {
                    let slot = spare.0.pop().unwrap_or_default();
                    list.push(slot);
                }
                if let Some(x) = list.get_mut(*used) {
                    x.req = f.req;
                    x.only_under = f.only_under;
                    x.during.clear();
                    x.during.push((s.from, s.to));
                    x.transitions.clear();
                    x.settled_by.clear();
                }
                *used += 1;
                *used - 1
            }
        };
        if let Some(x) = list.get_mut(slot) {
            for &(r, fact) in facts {
                if r == f.req && !x.settled_by.contains(&fact) {
                    x.settled_by.push(fact);
                }
            }
        }
    }
}

/// Sums up judged stretches into `out` (reusing its buffers, its violations' too).
pub fn summarize(pack: &Pack, parts: &[(Stretch, StretchJudgment)], out: &mut Summary) {
    out.unknowns.clear();
    out.grounds.clear();
    out.gaps.clear();
    out.gap_during.clear();
    // Violations are written over the slots already there or set aside (keeping their
    // buffers), and the slots left over set aside at the end.
    let mut used = 0usize;
    let mut used_possible = 0usize;
    let mut lawful = Tri::True;
    let mut side: Option<Option<u8>> = None;
    let mut differs = false;
    let mut grounds = GroundFilter::default();
    // The decisive facts go first into `out.unknowns`, each once.
    let mut decisive = SmallFacts::default();
    out.applies = applies_over(parts.iter().map(|(_, j)| j));
    out.out_of_scope.clear();
    for (_, j) in parts {
        for t in &j.out_of_scope {
            if !out.out_of_scope.contains(t) {
                out.out_of_scope.push(*t);
            }
        }
    }
    for (s, j) in parts {
        if j.applies == Tri::False {
            // Where the law does not reach the case, nothing else is judged.
            for g in &j.grounds {
                grounds.add(*g, &mut out.grounds);
            }
            continue;
        }
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
        add_found(
            &mut out.violations,
            &mut used,
            &mut out.spare,
            s,
            &j.violations,
            &[],
        );
        add_found(
            &mut out.possible,
            &mut used_possible,
            &mut out.spare,
            s,
            &j.possible,
            &j.possible_facts,
        );
        for g in &j.gaps {
            if !out.gaps.contains(g) {
                out.gaps.push(*g);
            }
            match out.gap_during.iter_mut().rev().find(|(x, _, _)| x == g) {
                Some(last) if last.2.succ() == s.from => last.2 = s.to,
                _ => out.gap_during.push((*g, s.from, s.to)),
            }
        }
        if grounds.all_new(&j.grounds) {
            // Grounds all different and new (as the evaluator leaves them, in one stretch).
            out.grounds.extend_from_slice(&j.grounds);
        } else {
            for g in &j.grounds {
                grounds.add(*g, &mut out.grounds);
            }
        }
        for &f in &j.decisive {
            if !decisive.contains(f, out.unknowns.iter().map(|u| u.0)) {
                decisive.insert(f);
                out.unknowns.push((f, CouldChange::Classification));
            }
        }
    }
    if out.violations.len() > used {
        out.spare.0.extend(out.violations.drain(used..));
    }
    if out.possible.len() > used_possible {
        out.spare.0.extend(out.possible.drain(used_possible..));
    }
    out.side = if differs { None } else { side.flatten() };
    out.lawful = if out.applies == Tri::False {
        Tri::Unknown
    } else {
        lawful
    };
    // Most decisive first: classification facts by the weight they can move, then lawfulness.
    if pack.classifier().is_some() {
        sort_by_weight(pack, &mut out.unknowns);
    }
    let n_decisive = out.unknowns.len();
    let mut seen = SmallFacts::default();
    if lawful == Tri::Unknown {
        // The lawfulness unknowns in order of first appearance, each once, but not those
        // already listed as decisive.
        for (_, j) in parts {
            for &f in &j.lawful_unknowns {
                let listed = out.unknowns.get(n_decisive..).into_iter().flatten();
                if decisive.contains(f, out.unknowns.iter().take(n_decisive).map(|u| u.0))
                    || seen.contains(f, listed.map(|u| u.0))
                {
                    continue;
                }
                seen.insert(f);
                out.unknowns.push((f, CouldChange::Lawfulness));
            }
        }
    }
    // Then the facts that would settle a possible violation, not listed yet.
    for x in &out.possible {
        for &f in &x.settled_by {
            let listed = out.unknowns.get(n_decisive..).into_iter().flatten();
            if decisive.contains(f, out.unknowns.iter().take(n_decisive).map(|u| u.0))
                || seen.contains(f, listed.map(|u| u.0))
            {
                continue;
            }
            seen.insert(f);
            out.unknowns.push((f, CouldChange::Violations));
        }
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

/// Sorts the decisive facts by the weight they can move, heaviest first, then by slot. Each
/// fact's weight is found once (kept beside it on the stack when there are few).
fn sort_by_weight(pack: &Pack, facts: &mut [(FactId, CouldChange)]) {
    const FEW: usize = 16;
    if facts.len() < 2 {
        return;
    }
    if facts.len() > FEW {
        facts.sort_by_key(|(f, _)| (std::cmp::Reverse(fact_weight(pack, *f)), *f));
        return;
    }
    let mut keyed = [(std::cmp::Reverse(0i32), FactId::default()); FEW];
    for (k, (f, _)) in keyed.iter_mut().zip(facts.iter()) {
        *k = (std::cmp::Reverse(fact_weight(pack, *f)), *f);
    }
    let keyed = keyed.get_mut(..facts.len()).unwrap_or(&mut []);
    keyed.sort_unstable();
    for (slot, (_, f)) in facts.iter_mut().zip(keyed.iter()) {
        *slot = (*f, CouldChange::Classification);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::reference::random;
    use crate::eval::{Evaluator, stretches};
    use proptest::prelude::*;
    use std::cell::RefCell;

    /// `summarize` as it was, to compare with.
    fn reference(pack: &Pack, parts: &[(Stretch, StretchJudgment)], out: &mut Summary) {
        out.violations.clear();
        out.possible.clear();
        out.unknowns.clear();
        out.grounds.clear();
        out.gaps.clear();
        out.gap_during.clear();
        let mut lawful = Tri::True;
        let mut side: Option<Option<u8>> = None;
        let mut differs = false;
        let mut decisive: Vec<FactId> = Vec::new();
        let mut lawful_unknowns: Vec<FactId> = Vec::new();
        out.applies = applies_over(parts.iter().map(|(_, j)| j));
        out.out_of_scope.clear();
        for (_, j) in parts {
            for t in &j.out_of_scope {
                if !out.out_of_scope.contains(t) {
                    out.out_of_scope.push(*t);
                }
            }
        }
        for (s, j) in parts {
            if j.applies == Tri::False {
                for g in &j.grounds {
                    if !out.grounds.contains(g) {
                        out.grounds.push(*g);
                    }
                }
                continue;
            }
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
                        settled_by: Vec::new(),
                    }),
                }
            }
            for f in &j.possible {
                let facts: Vec<FactId> = j
                    .possible_facts
                    .iter()
                    .filter(|(r, _)| *r == f.req)
                    .map(|(_, x)| *x)
                    .collect();
                match out
                    .possible
                    .iter_mut()
                    .find(|x| x.req == f.req && x.only_under == f.only_under)
                {
                    Some(x) => {
                        match x.during.last_mut() {
                            Some(last) if last.1.succ() == s.from => last.1 = s.to,
                            _ => x.during.push((s.from, s.to)),
                        }
                        for y in facts {
                            if !x.settled_by.contains(&y) {
                                x.settled_by.push(y);
                            }
                        }
                    }
                    None => {
                        let mut settled_by = Vec::new();
                        for y in facts {
                            if !settled_by.contains(&y) {
                                settled_by.push(y);
                            }
                        }
                        out.possible.push(SummaryViolation {
                            req: f.req,
                            only_under: f.only_under,
                            during: vec![(s.from, s.to)],
                            transitions: Vec::new(),
                            settled_by,
                        });
                    }
                }
            }
            for g in &j.gaps {
                if !out.gaps.contains(g) {
                    out.gaps.push(*g);
                }
                let last = out.gap_during.iter().rposition(|(x, _, _)| x == g);
                match last.and_then(|k| out.gap_during.get_mut(k)) {
                    Some(e) if e.2.succ() == s.from => e.2 = s.to,
                    _ => out.gap_during.push((*g, s.from, s.to)),
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
        out.lawful = if out.applies == Tri::False {
            Tri::Unknown
        } else {
            lawful
        };
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
        out.unknowns
            .extend(decisive.iter().map(|f| (*f, CouldChange::Classification)));
        if lawful == Tri::Unknown {
            out.unknowns.extend(
                lawful_unknowns
                    .iter()
                    .filter(|f| !decisive.contains(f))
                    .map(|f| (*f, CouldChange::Lawfulness)),
            );
        }
        let settle: Vec<FactId> = out
            .possible
            .iter()
            .flat_map(|x| x.settled_by.iter().copied())
            .collect();
        for f in settle {
            if !out.unknowns.iter().any(|(x, _)| *x == f) {
                out.unknowns.push((f, CouldChange::Violations));
            }
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

    thread_local! {
        static BUFFERS: RefCell<(Evaluator, Summary)> = RefCell::default();
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Summing up gives what it always did, reusing the summary from case to case, also
        /// when the stretches' grounds repeat (as no judgment of the evaluator's does).
        #[test]
        fn sums_up_as_it_did(seeds in prop::collection::vec(any::<u64>(), 1..40), d in any::<u64>(), span in 0u32..4000, dup in any::<u8>()) {
            let lib = random::library();
            for pack in &lib.packs {
                let facts = random::facts(pack, &seeds);
                let from = random::date(pack, d);
                let to = crate::date::Date(from.0 + i32::try_from(span).unwrap_or(0));
                BUFFERS.with(|cell| -> Result<(), TestCaseError> {
                    let (ev, got) = &mut *cell.borrow_mut();
                    let mut parts: Vec<(Stretch, StretchJudgment)> = stretches(pack, from, to)
                        .into_iter()
                        .map(|s| (s, ev.judge(pack, &facts, s)))
                        .collect();
                    if dup % 4 == 0 && let Some((_, j)) = parts.first_mut() && let Some(&g) = j.grounds.first() {
                        j.grounds.push(g);
                        j.decisive.extend(j.decisive.clone());
                        j.lawful_unknowns.extend(j.lawful_unknowns.clone());
                    }
                    let mut want = Summary::default();
                    reference(pack, &parts, &mut want);
                    summarize(pack, &parts, got);
                    prop_assert_eq!(&*got, &want);
                    Ok(())
                })?;
            }
        }
    }
}
