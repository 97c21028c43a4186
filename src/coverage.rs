//! Coverage of a pack by sample cases: for each test, exception, factor and requirement, how many
//! cases made it hold, fail, or stay unknown. A case counts once per outcome, whatever the
//! number of stretches and classifications it was judged under.

use crate::case::BoundCase;
use crate::compile::pack::Pack;
use crate::eval::tri::Tri;
use crate::eval::{Evaluator, ReqStatus, requirement_status, stretches};

/// How many cases gave each outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Cases in which it held (a test true, an exception applying, a factor firing, a
    /// requirement met).
    pub held: u32,
    /// Cases in which it failed (false, not applying, not firing, violated).
    pub failed: u32,
    /// Cases in which unknown facts left it open.
    pub unknown: u32,
}

impl Tally {
    /// Whether some case gave it a known outcome.
    pub fn exercised(&self) -> bool {
        self.held + self.failed > 0
    }

    fn add(&mut self, seen: [bool; 3]) {
        self.held += u32::from(seen[0]);
        self.failed += u32::from(seen[1]);
        self.unknown += u32::from(seen[2]);
    }
}

/// Coverage of one pack.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Cases counted.
    pub cases: u32,
    /// Per test.
    pub tests: Vec<Tally>,
    /// Per exception.
    pub exceptions: Vec<Tally>,
    /// Per weighing, per factor.
    pub factors: Vec<Vec<Tally>>,
    /// Per requirement.
    pub requirements: Vec<Tally>,
}

fn mark(seen: &mut [bool; 3], t: Tri) {
    match t {
        Tri::True => seen[0] = true,
        Tri::False => seen[1] = true,
        Tri::Unknown => seen[2] = true,
    }
}

impl Coverage {
    /// Empty coverage of a pack.
    pub fn new(pack: &Pack) -> Self {
        Coverage {
            cases: 0,
            tests: vec![Tally::default(); pack.tests.len()],
            exceptions: vec![Tally::default(); pack.exceptions.len()],
            factors: pack
                .weighings
                .iter()
                .map(|w| vec![Tally::default(); w.factors.len()])
                .collect(),
            requirements: vec![Tally::default(); pack.requirements.len()],
        }
    }

    /// Counts one case.
    pub fn add(&mut self, pack: &Pack, bound: &BoundCase, ev: &mut Evaluator) {
        self.cases += 1;
        let mut tests = vec![[false; 3]; pack.tests.len()];
        let mut excs = vec![[false; 3]; pack.exceptions.len()];
        let mut factors: Vec<Vec<[bool; 3]>> = pack
            .weighings
            .iter()
            .map(|w| vec![[false; 3]; w.factors.len()])
            .collect();
        let mut reqs = vec![[false; 3]; pack.requirements.len()];
        for s in stretches(pack, bound.from, bound.to) {
            let date = s.from;
            let j = ev.judge(pack, &bound.facts, s);
            if let (Some(c), Some(seen)) = (
                pack.classification,
                pack.classification
                    .and_then(|c| factors.get_mut(usize::from(c))),
            ) {
                let w = pack.weighings.get(usize::from(c));
                for (i, v) in j.factor_vals.iter().enumerate() {
                    let in_force = w
                        .and_then(|w| w.factors.get(i))
                        .is_some_and(|f| f.meta.in_force(date));
                    if let (true, Some(slot)) = (in_force, seen.get_mut(i)) {
                        mark(slot, *v);
                    }
                }
            }
            let classes: &[Option<u8>] = crate::eval::passes(j.classes);
            for &class in classes {
                ev.prepare(pack, &bound.facts, date, class);
                for (i, t) in pack.tests.iter().enumerate() {
                    if t.meta.in_force(date)
                        && let Some(slot) = tests.get_mut(i)
                    {
                        mark(slot, ev.test_value(i));
                    }
                }
                for (i, e) in pack.exceptions.iter().enumerate() {
                    if e.meta.in_force(date)
                        && let Some(slot) = excs.get_mut(i)
                    {
                        mark(slot, ev.exception_value(i));
                    }
                }
                ev.with_env(pack, &bound.facts, class, |env| {
                    // The factors of the other weighings (the classification's are counted
                    // above, once a stretch, from the judgment).
                    for (wi, (w, seen)) in pack.weighings.iter().zip(&mut factors).enumerate() {
                        if pack.classification.map(usize::from) == Some(wi) {
                            continue;
                        }
                        for (f, slot) in w.factors.iter().zip(seen.iter_mut()) {
                            if f.meta.in_force(date) {
                                mark(slot, crate::eval::cond::eval(&f.cond, env));
                            }
                        }
                    }
                    for (i, slot) in reqs.iter_mut().enumerate() {
                        match requirement_status(pack, env, i, date) {
                            ReqStatus::Met => slot[0] = true,
                            ReqStatus::Violated => slot[1] = true,
                            ReqStatus::Open => slot[2] = true,
                            ReqStatus::NotApplicable => {}
                        }
                    }
                });
            }
        }
        for (t, s) in self.tests.iter_mut().zip(tests) {
            t.add(s);
        }
        for (t, s) in self.exceptions.iter_mut().zip(excs) {
            t.add(s);
        }
        for (ws, ss) in self.factors.iter_mut().zip(factors) {
            for (t, s) in ws.iter_mut().zip(ss) {
                t.add(s);
            }
        }
        for (t, s) in self.requirements.iter_mut().zip(reqs) {
            t.add(s);
        }
    }
}
