//! Evaluating variations of one case: where each leaves the case, what stands in the way of
//! lawfulness, and what became of a requirement.

use super::{Change, Resolution, Standing};
use crate::case::BoundCase;
use crate::compile::pack::{Pack, ReqId, Val};
use crate::eval::cond::eval;
use crate::eval::tri::Tri;
use crate::eval::{Evaluator, ReqStatus, Stretch, StretchJudgment, stretches};
use crate::summary::{Summary, summarize};

/// Evaluating variations of one case, reusing buffers.
pub(super) struct Run<'a> {
    /// The pack judging.
    pub(super) pack: &'a Pack,
    /// The case's facts as filed.
    pub(super) base: &'a [Val],
    ev: &'a mut Evaluator,
    /// The stretches of law and their judgments, for the facts last judged.
    pub(super) parts: Vec<(Stretch, StretchJudgment)>,
    /// The summary of the facts last judged.
    pub(super) sum: Summary,
    facts: Vec<Val>,
    /// Variations evaluated so far.
    pub(super) evaluations: usize,
}

impl<'a> Run<'a> {
    pub(super) fn new(pack: &'a Pack, bound: &'a BoundCase, ev: &'a mut Evaluator) -> Self {
        let parts = stretches(pack, bound.from, bound.to)
            .into_iter()
            .map(|s| (s, StretchJudgment::default()))
            .collect();
        let mut run = Run {
            pack,
            base: &bound.facts,
            ev,
            parts,
            sum: Summary::default(),
            facts: bound.facts.clone(),
            evaluations: 0,
        };
        run.judge();
        run
    }

    /// Judges the current `facts` into `parts` and `sum`.
    fn judge(&mut self) {
        for (s, j) in &mut self.parts {
            self.ev.judge_into(self.pack, &self.facts, *s, j);
        }
        summarize(self.pack, &self.parts, &mut self.sum);
    }

    /// Judges the case with `changes` applied.
    pub(super) fn eval(&mut self, changes: &[Change]) -> Standing {
        self.facts.clear();
        self.facts.extend_from_slice(self.base);
        for c in changes {
            if let Some(slot) = self.facts.get_mut(usize::from(c.fact)) {
                *slot = c.to;
            }
        }
        self.evaluations += 1;
        self.judge();
        self.standing()
    }

    /// Where the facts last judged leave the case.
    pub(super) fn standing(&self) -> Standing {
        let mut violations: Vec<ReqId> = Vec::new();
        for v in &self.sum.violations {
            if !violations.contains(&v.req) {
                violations.push(v.req);
            }
        }
        let mut balance: Option<(i32, i32)> = None;
        for (_, j) in &self.parts {
            if let Some(o) = j.weighing {
                balance = Some(match balance {
                    None => (o.lo, o.hi),
                    Some((lo, hi)) => (lo.min(o.lo), hi.max(o.hi)),
                });
            }
        }
        // The points of the factors that fired, per stretch, and whether every stretch gave the
        // same.
        let mut fired: Option<Option<[i32; crate::check::MAX_SIDES]>> = None;
        let mut decisive = false;
        let mut per_stretch: Vec<[i32; crate::check::MAX_SIDES]> = Vec::new();
        if let Some(w) = self.pack.classifier() {
            for (_, j) in &self.parts {
                if j.weighing.is_none() {
                    continue;
                }
                let points = w.fired_points(&j.factor_vals);
                decisive |=
                    w.factors.iter().zip(&j.factor_vals).any(|(f, v)| {
                        *v == Tri::True && f.decisive && self.sum.side == Some(f.side)
                    });
                per_stretch.push(points);
                fired = Some(match fired {
                    None => Some(points),
                    Some(before) => before.filter(|b| *b == points),
                });
            }
            // More than two sides: the balance is the lead of the side settled on (or the one
            // with the most points in the first stretch) over the strongest other, per stretch.
            let n = w.sides.len();
            if n > 2
                && let Some(first_points) = per_stretch.first()
            {
                let lead_side = self.sum.side.map(usize::from).unwrap_or_else(|| {
                    (0..n)
                        .max_by_key(|&i| (first_points.get(i).copied().unwrap_or(0), n - i))
                        .unwrap_or(0)
                });
                let lead = |p: &[i32; crate::check::MAX_SIDES]| {
                    let own = p.get(lead_side).copied().unwrap_or(0);
                    let other = (0..n)
                        .filter(|&i| i != lead_side)
                        .map(|i| p.get(i).copied().unwrap_or(0))
                        .max()
                        .unwrap_or(0);
                    own - other
                };
                let leads = per_stretch.iter().map(lead);
                balance = leads.fold(None, |acc: Option<(i32, i32)>, x| match acc {
                    None => Some((x, x)),
                    Some((lo, hi)) => Some((lo.min(x), hi.max(x))),
                });
            }
        }
        Standing {
            side: self.sum.side,
            lawful: self.sum.lawful,
            violations,
            balance: balance.unwrap_or((0, 0)),
            fired: fired.flatten(),
            decisive,
            gaps: !self.sum.gaps.is_empty(),
            applies: self.sum.applies,
        }
    }

    /// The passes of a stretch: the classes its lawfulness was judged under.
    fn passes(classes: u8) -> &'static [Option<u8>] {
        crate::eval::passes(classes)
    }

    /// The requirements violated or open, and the gaps touched, in any stretch, for the
    /// current `facts` (call after [`Run::judge`]).
    pub(super) fn blockers(&mut self) -> (Vec<ReqId>, Vec<u16>) {
        let mut reqs: Vec<ReqId> = Vec::new();
        let mut gaps: Vec<u16> = Vec::new();
        for (s, j) in &self.parts {
            for &class in Self::passes(j.classes) {
                let st = self.ev.statuses(self.pack, &self.facts, s.from, class);
                for (i, status) in st.iter().enumerate() {
                    if matches!(status, ReqStatus::Violated | ReqStatus::Open)
                        && let Ok(r) = ReqId::try_from(i)
                        && !reqs.contains(&r)
                    {
                        reqs.push(r);
                    }
                }
            }
            for g in &j.gaps {
                if !gaps.contains(g) {
                    gaps.push(*g);
                }
            }
        }
        reqs.sort_unstable();
        (reqs, gaps)
    }

    /// What became of requirement `r` for the current `facts` (call after [`Run::judge`]).
    pub(super) fn resolution(&mut self, r: ReqId) -> Vec<(Option<u8>, Resolution)> {
        let mut out: Vec<(Option<u8>, Resolution)> = Vec::new();
        let Some(def) = self.pack.requirements.get(usize::from(r)) else {
            return out;
        };
        let pack = self.pack;
        for (s, j) in &self.parts {
            if !def.meta.in_force(s.from) {
                continue;
            }
            let passes = Self::passes(j.classes);
            for &class in passes {
                let st = self.ev.statuses(pack, &self.facts, s.from, class);
                let status = st.get(usize::from(r)).copied();
                let label = if passes.len() > 1 { class } else { None };
                let res = match status {
                    Some(ReqStatus::Met) => Resolution::Met,
                    Some(ReqStatus::NotApplicable) => {
                        let when = self.ev.with_env(pack, &self.facts, class, |env| {
                            def.when.as_ref().map_or(Tri::True, |w| eval(w, env))
                        });
                        let excuse = def
                            .exceptions
                            .iter()
                            .copied()
                            .find(|e| self.ev.exception_value(usize::from(*e)) == Tri::True);
                        match (when, excuse) {
                            (Tri::False, _) | (_, None) => Resolution::NoLongerApplies,
                            (_, Some(e)) => Resolution::Excused(e),
                        }
                    }
                    _ => Resolution::Remains,
                };
                if !out.contains(&(label, res)) {
                    out.push((label, res));
                }
            }
        }
        out
    }
}
