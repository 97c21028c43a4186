//! The evaluator as it was before the fast paths (weighing by the general path only, every
//! requirement evaluated afresh for the grounds): the reference the tests compare with.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::too_many_lines,
    dead_code
)]

use super::cond::{Env, eval};
use super::tri::Tri;
use super::weigh::{WeighOutcome, WeighScratch, weigh_general as weigh};
use super::{Found, Ground, ReqStatus, Stretch, StretchJudgment};
use crate::compile::pack::{Cond, ExcId, FactId, Node, Pack, ReqId, Val};
use crate::date::Date;
use std::ops::Not as _;

fn add_ground(out: &mut Vec<Ground>, g: Ground) {
    if !out.contains(&g) {
        out.push(g);
    }
}

/// The old evaluator.
/// Reusable buffers for judging many cases without allocating per rule.
#[derive(Default, Debug, Clone)]
pub struct RefEvaluator {
    tests: Vec<Tri>,
    excs: Vec<Tri>,
    sides: Vec<u8>,
    outcomes: Vec<WeighOutcome>,
    weigh: WeighScratch,
    class_violations: [Vec<ReqId>; 3],
    class_lawful: [Tri; 3],
    class_factor_vals: Vec<Tri>,
    class_decisive: Vec<FactId>,
}

impl RefEvaluator {
    /// A fresh evaluator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Judges one stretch of a case.
    pub fn judge(&mut self, pack: &Pack, facts: &[Val], stretch: Stretch) -> StretchJudgment {
        let mut j = StretchJudgment::default();
        self.judge_into(pack, facts, stretch, &mut j);
        j
    }

    /// Judges one stretch of a case into `j`, reusing its buffers.
    pub fn judge_into(
        &mut self,
        pack: &Pack,
        facts: &[Val],
        stretch: Stretch,
        j: &mut StretchJudgment,
    ) {
        j.stretch = Some(stretch);
        j.weighing = None;
        j.factor_vals.clear();
        j.classes = 0;
        j.lawful = Tri::Unknown;
        j.violations.clear();
        j.gaps.clear();
        j.possible.clear();
        j.possible_facts.clear();
        j.decisive.clear();
        j.lawful_unknowns.clear();
        j.grounds.clear();
        j.applies = Tri::True;
        j.out_of_scope.clear();
        let date = stretch.from;
        self.tests.clear();
        self.tests.resize(pack.tests.len(), Tri::Unknown);
        self.excs.clear();
        self.excs.resize(pack.exceptions.len(), Tri::Unknown);
        self.sides.clear();
        self.sides.resize(pack.weighings.len(), 0b11);
        self.outcomes.clear();
        self.outcomes
            .resize(pack.weighings.len(), WeighOutcome::default());

        // Phase 1: everything that does not depend on the classification.
        self.run_nodes(pack, facts, date, None, false);
        for &t in &pack.scope {
            let in_force = pack
                .tests
                .get(usize::from(t))
                .is_some_and(|d| d.meta.in_force(date));
            if in_force {
                let v = self
                    .tests
                    .get(usize::from(t))
                    .copied()
                    .unwrap_or(Tri::Unknown);
                j.applies = j.applies.and(v);
                if v == Tri::False {
                    j.out_of_scope.push(t);
                }
            }
        }
        if j.applies == Tri::False {
            let env = self.env(pack, facts, None);
            for &t in &j.out_of_scope {
                add_ground(&mut j.grounds, Ground::Test(t));
                if let Some(def) = pack.tests.get(usize::from(t)) {
                    reasons(pack, &env, &def.cond, &mut j.grounds);
                }
            }
            return;
        }
        if j.applies == Tri::Unknown {
            let env = self.env(pack, facts, None);
            for &t in &pack.scope {
                if let Some(def) = pack.tests.get(usize::from(t))
                    && def.meta.in_force(date)
                {
                    collect_unknown(pack, &env, Some(&def.cond), &mut j.lawful_unknowns);
                }
            }
        }
        let n_scope = j.lawful_unknowns.len();
        let class_mask = match pack.classification {
            Some(c) => {
                let o = self
                    .outcomes
                    .get(usize::from(c))
                    .copied()
                    .unwrap_or_default();
                j.weighing = Some(o);
                j.factor_vals.clone_from(&self.class_factor_vals);
                j.decisive.clone_from(&self.class_decisive);
                o.side_mask()
            }
            None => 0,
        };
        j.classes = class_mask;

        // Phase 2: requirements, under each possible class.
        let mut pass_statuses: Vec<Vec<ReqStatus>> = Vec::new();
        let mut pass_open: Vec<(ReqId, Vec<FactId>)> = Vec::new();
        let passes = super::passes(class_mask);
        for (k, &class) in passes.iter().enumerate() {
            if class.is_some() {
                self.run_nodes(pack, facts, date, class, true);
            }
            let env = Env {
                pack,
                facts,
                tests: &self.tests,
                excs: &self.excs,
                sides: &self.sides,
                class,
            };
            let mut lawful = Tri::True;
            let slot = k.min(2);
            let mut violated = self
                .class_violations
                .get_mut(slot)
                .map(std::mem::take)
                .unwrap_or_default();
            violated.clear();
            let mut statuses = Vec::new();
            let mut open_facts: Vec<(ReqId, Vec<FactId>)> = Vec::new();
            for (i, r) in pack.requirements.iter().enumerate() {
                let status = requirement_status(pack, &env, i, date);
                statuses.push(status);
                if status == ReqStatus::Open {
                    let mut fs = Vec::new();
                    collect_unknown(pack, &env, r.when.as_ref(), &mut fs);
                    collect_unknown(pack, &env, Some(&r.requires), &mut fs);
                    for e in &r.exceptions {
                        if let Some(x) = pack.exceptions.get(usize::from(*e)) {
                            collect_unknown(pack, &env, Some(&x.cond), &mut fs);
                        }
                    }
                    open_facts.push((u16::try_from(i).unwrap_or(0), fs));
                }
                match status {
                    ReqStatus::Violated => {
                        lawful = Tri::False;
                        violated.push(u16::try_from(i).unwrap_or(0));
                    }
                    ReqStatus::Open => {
                        lawful = lawful.and(Tri::Unknown);
                        collect_unknown(pack, &env, r.when.as_ref(), &mut j.lawful_unknowns);
                        collect_unknown(pack, &env, Some(&r.requires), &mut j.lawful_unknowns);
                        for e in &r.exceptions {
                            if let Some(x) = pack.exceptions.get(usize::from(*e)) {
                                collect_unknown(pack, &env, Some(&x.cond), &mut j.lawful_unknowns);
                            }
                        }
                    }
                    ReqStatus::Met | ReqStatus::NotApplicable => {}
                }
            }
            for (gi, g) in pack.gaps.iter().enumerate() {
                if !g.meta.in_force(date) {
                    continue;
                }
                let v = g.when.as_ref().map_or(Tri::True, |c| eval(c, &env));
                if v != Tri::False {
                    lawful = lawful.and(Tri::Unknown);
                    // A gap that may hold asks the facts that would say whether it does.
                    if v == Tri::Unknown {
                        collect_unknown(pack, &env, g.when.as_ref(), &mut j.lawful_unknowns);
                    }
                    let gi = u16::try_from(gi).unwrap_or(0);
                    if !j.gaps.contains(&gi) {
                        j.gaps.push(gi);
                    }
                }
            }
            if let Some(l) = self.class_lawful.get_mut(slot) {
                *l = lawful;
            }
            grounds_for_pass(pack, &env, date, lawful, &violated, &mut j.grounds);
            if let Some(v) = self.class_violations.get_mut(slot) {
                *v = violated;
            }
            pass_statuses.push(statuses);
            pass_open.extend(open_facts);
        }

        // Combine the passes.
        let n = passes.len();
        if n >= 2 {
            let lists: Vec<&Vec<ReqId>> = self.class_violations.iter().take(n).collect();
            j.lawful = self
                .class_lawful
                .iter()
                .take(n)
                .copied()
                .reduce(Tri::agree)
                .unwrap_or(Tri::Unknown);
            let all: Vec<ReqId> = (0..pack.requirements.len())
                .filter_map(|r| u16::try_from(r).ok())
                .filter(|r| lists.iter().all(|l| l.contains(r)))
                .collect();
            let extras_everywhere = lists.iter().all(|l| l.iter().any(|r| !all.contains(r)));
            for r in 0..pack.requirements.len() {
                let r = u16::try_from(r).unwrap_or(0);
                let under: Vec<usize> = (0..n)
                    .filter(|&k| lists.get(k).is_some_and(|l| l.contains(&r)))
                    .collect();
                if all.contains(&r) {
                    j.violations.push(Found {
                        req: r,
                        only_under: None,
                    });
                } else if extras_everywhere && under.len() == 1 {
                    j.violations.push(Found {
                        req: r,
                        only_under: under
                            .first()
                            .and_then(|&k| passes.get(k).copied().flatten()),
                    });
                }
            }
        } else {
            j.lawful = self.class_lawful[0];
            j.violations
                .extend(self.class_violations[0].iter().map(|&req| Found {
                    req,
                    only_under: None,
                }));
        }
        // Possible violations: requirements some possible class leaves broken or open, that are
        // not reported as violations; the facts that would settle each.
        for r in 0..pack.requirements.len() {
            let req = u16::try_from(r).unwrap_or(0);
            if j.violations.iter().any(|f| f.req == req) {
                continue;
            }
            let could: Vec<bool> = pass_statuses
                .iter()
                .map(|st| matches!(st.get(r), Some(ReqStatus::Violated | ReqStatus::Open)))
                .collect();
            if !could.iter().any(|c| *c) {
                continue;
            }
            let only_under = if could.len() >= 2 && could.iter().filter(|c| **c).count() == 1 {
                could
                    .iter()
                    .position(|c| *c)
                    .and_then(|k| passes.get(k).copied().flatten())
            } else {
                None
            };
            j.possible.push(Found { req, only_under });
            let mut fs: Vec<FactId> = Vec::new();
            for (q, found) in &pass_open {
                if *q == req {
                    for f in found {
                        if !fs.contains(f) {
                            fs.push(*f);
                        }
                    }
                }
            }
            let all_open = pass_statuses
                .iter()
                .all(|st| st.get(r) == Some(&ReqStatus::Open));
            if pass_statuses.len() >= 2 && !all_open {
                for f in &j.decisive {
                    if !fs.contains(f) {
                        fs.push(*f);
                    }
                }
            }
            j.possible_facts.extend(fs.into_iter().map(|f| (req, f)));
        }
        if j.applies == Tri::Unknown {
            let (open, scope) = j.open_parts(n_scope);
            super::out_of_reach_open(open, scope);
        }
        if j.lawful != Tri::Unknown {
            j.lawful_unknowns.clear();
        }
        j.lawful_unknowns.retain(|f| !j.decisive.contains(f));
        if let (Some(o), Some(c)) = (j.weighing, pack.classifier()) {
            classification_grounds(pack, c, &o, &j.factor_vals, &mut j.grounds, facts);
        }
    }

    fn run_nodes(
        &mut self,
        pack: &Pack,
        facts: &[Val],
        date: Date,
        class: Option<u8>,
        dependent_only: bool,
    ) {
        for (n, &dep) in pack.order.iter().zip(&pack.class_dependent) {
            if dependent_only && !dep {
                continue;
            }
            if !dependent_only && dep {
                // Left unknown until a class is assumed.
                continue;
            }
            match *n {
                Node::Test(t) => {
                    let v = match pack.tests.get(usize::from(t)) {
                        Some(def) if def.meta.in_force(date) => {
                            let env = self.env(pack, facts, class);
                            let mut v = eval(&def.cond, &env);
                            for e in &def.exceptions {
                                v = v.and(
                                    self.excs
                                        .get(usize::from(*e))
                                        .copied()
                                        .unwrap_or(Tri::Unknown)
                                        .not(),
                                );
                            }
                            v
                        }
                        _ => Tri::False,
                    };
                    if let Some(slot) = self.tests.get_mut(usize::from(t)) {
                        *slot = v;
                    }
                }
                Node::Exc(e) => {
                    let v = match pack.exceptions.get(usize::from(e)) {
                        Some(def) if def.meta.in_force(date) => {
                            let env = self.env(pack, facts, class);
                            let mut v = eval(&def.cond, &env);
                            for x in &def.exceptions {
                                v = v.and(
                                    self.excs
                                        .get(usize::from(*x))
                                        .copied()
                                        .unwrap_or(Tri::Unknown)
                                        .not(),
                                );
                            }
                            v
                        }
                        _ => Tri::False,
                    };
                    if let Some(slot) = self.excs.get_mut(usize::from(e)) {
                        *slot = v;
                    }
                }
                Node::Weigh(w) => {
                    if let Some(def) = pack.weighings.get(usize::from(w)) {
                        let o = weigh(pack, def, facts, date, &mut self.weigh);
                        if Some(w) == pack.classification {
                            self.class_factor_vals.clone_from(&self.weigh.factor_vals);
                            self.class_decisive.clone_from(&self.weigh.decisive);
                        }
                        if let Some(slot) = self.outcomes.get_mut(usize::from(w)) {
                            *slot = o;
                        }
                        if let Some(slot) = self.sides.get_mut(usize::from(w)) {
                            *slot = o.side_mask();
                        }
                    }
                }
            }
        }
    }

    fn env<'a>(&'a self, pack: &'a Pack, facts: &'a [Val], class: Option<u8>) -> Env<'a> {
        Env {
            pack,
            facts,
            tests: &self.tests,
            excs: &self.excs,
            sides: &self.sides,
            class,
        }
    }

    /// The status of every requirement under an assumed class (for explanations).
    pub fn statuses(
        &mut self,
        pack: &Pack,
        facts: &[Val],
        date: Date,
        class: Option<u8>,
    ) -> Vec<ReqStatus> {
        self.prepare(pack, facts, date, class);
        let env = self.env(pack, facts, class);
        (0..pack.requirements.len())
            .map(|i| requirement_status(pack, &env, i, date))
            .collect()
    }

    /// Evaluates all tests, exceptions and weighings under an assumed class, so that
    /// [`Evaluator::with_env`] can read them.
    pub fn prepare(&mut self, pack: &Pack, facts: &[Val], date: Date, class: Option<u8>) {
        self.tests.clear();
        self.tests.resize(pack.tests.len(), Tri::Unknown);
        self.excs.clear();
        self.excs.resize(pack.exceptions.len(), Tri::Unknown);
        self.sides.clear();
        self.sides.resize(pack.weighings.len(), 0b11);
        self.outcomes.clear();
        self.outcomes
            .resize(pack.weighings.len(), WeighOutcome::default());
        self.run_nodes(pack, facts, date, None, false);
        if class.is_some() {
            self.run_nodes(pack, facts, date, class, true);
        }
    }

    /// The value of test `i` left by [`Evaluator::prepare`] or [`Evaluator::judge`].
    pub fn test_value(&self, i: usize) -> Tri {
        self.tests.get(i).copied().unwrap_or(Tri::Unknown)
    }

    /// The value of exception `i` left by [`Evaluator::prepare`] or [`Evaluator::judge`].
    pub fn exception_value(&self, i: usize) -> Tri {
        self.excs.get(i).copied().unwrap_or(Tri::Unknown)
    }

    /// Runs `f` with the environment left by [`Evaluator::prepare`].
    pub fn with_env<R>(
        &self,
        pack: &Pack,
        facts: &[Val],
        class: Option<u8>,
        f: impl FnOnce(&Env<'_>) -> R,
    ) -> R {
        f(&self.env(pack, facts, class))
    }
}

/// The effective value of an exception's or requirement's list of exceptions: does any hold?
fn any_exception(env: &Env<'_>, excs: &[ExcId]) -> Tri {
    excs.iter().fold(Tri::False, |acc, e| {
        acc.or(env
            .excs
            .get(usize::from(*e))
            .copied()
            .unwrap_or(Tri::Unknown))
    })
}

/// Whether requirement `i` applies and is met.
pub fn requirement_status(pack: &Pack, env: &Env<'_>, i: usize, date: Date) -> ReqStatus {
    let Some(r) = pack.requirements.get(i) else {
        return ReqStatus::NotApplicable;
    };
    if !r.meta.in_force(date) {
        return ReqStatus::NotApplicable;
    }
    let applies = r
        .when
        .as_ref()
        .map_or(Tri::True, |c| eval(c, env))
        .and(any_exception(env, &r.exceptions).not());
    if applies == Tri::False {
        return ReqStatus::NotApplicable;
    }
    match (applies, eval(&r.requires, env)) {
        (_, Tri::True) => ReqStatus::Met,
        (Tri::True, Tri::False) => ReqStatus::Violated,
        _ => ReqStatus::Open,
    }
}

/// Adds the unknown facts that leave a condition unknown.
pub fn collect_unknown(pack: &Pack, env: &Env<'_>, c: Option<&Cond>, out: &mut Vec<FactId>) {
    fn walk(pack: &Pack, env: &Env<'_>, c: &Cond, out: &mut Vec<FactId>, depth: usize) {
        if depth > 64 || eval(c, env) != Tri::Unknown {
            return;
        }
        match c {
            Cond::Not(x) => walk(pack, env, x, out, depth + 1),
            Cond::And(xs) | Cond::Or(xs) => {
                for x in xs.iter() {
                    walk(pack, env, x, out, depth + 1);
                }
            }
            Cond::Test(t) => {
                if let Some(t) = pack.tests.get(usize::from(*t)) {
                    walk(pack, env, &t.cond, out, depth + 1);
                    for e in &t.exceptions {
                        walk(pack, env, &Cond::Exc(*e), out, depth + 1);
                    }
                }
            }
            Cond::Exc(e) => {
                if let Some(x) = pack.exceptions.get(usize::from(*e)) {
                    walk(pack, env, &x.cond, out, depth + 1);
                    for inner in &x.exceptions {
                        walk(pack, env, &Cond::Exc(*inner), out, depth + 1);
                    }
                }
            }
            Cond::Side(_, _) | Cond::Const(_) => {}
            leaf => leaf.for_each_fact(&mut |f| {
                if !out.contains(&f) {
                    out.push(f);
                }
            }),
        }
    }
    if let Some(c) = c {
        walk(pack, env, c, out, 0);
    }
}

/// Adds the rules and facts that make a condition come out as it does: for a false `and`, the
/// first false part; for a true `or`, the first true part; otherwise every part.
pub fn reasons(pack: &Pack, env: &Env<'_>, c: &Cond, out: &mut Vec<Ground>) {
    fn walk(pack: &Pack, env: &Env<'_>, c: &Cond, out: &mut Vec<Ground>, depth: usize) {
        if depth > 64 {
            return;
        }
        let v = eval(c, env);
        match c {
            Cond::Not(x) => walk(pack, env, x, out, depth + 1),
            Cond::And(xs) | Cond::Or(xs) => {
                let short = if matches!(c, Cond::And(_)) {
                    Tri::False
                } else {
                    Tri::True
                };
                if v == short {
                    if let Some(x) = xs.iter().find(|x| eval(x, env) == short) {
                        walk(pack, env, x, out, depth + 1);
                    }
                } else {
                    for x in xs.iter() {
                        walk(pack, env, x, out, depth + 1);
                    }
                }
            }
            Cond::Test(t) => {
                if let Some(def) = pack.tests.get(usize::from(*t)) {
                    add_ground(out, Ground::Test(*t));
                    walk(pack, env, &def.cond, out, depth + 1);
                    for e in &def.exceptions {
                        if env.excs.get(usize::from(*e)).copied() == Some(Tri::True) {
                            walk(pack, env, &Cond::Exc(*e), out, depth + 1);
                        }
                    }
                }
            }
            Cond::Exc(e) => {
                if let Some(def) = pack.exceptions.get(usize::from(*e)) {
                    add_ground(out, Ground::Exc(*e));
                    walk(pack, env, &def.cond, out, depth + 1);
                }
            }
            Cond::Side(w, _) => add_ground(out, Ground::Weigh(*w)),
            Cond::Const(_) => {}
            leaf => leaf.for_each_fact(&mut |f| add_ground(out, Ground::Fact(f))),
        }
    }
    walk(pack, env, c, out, 0);
}

fn grounds_for_pass(
    pack: &Pack,
    env: &Env<'_>,
    date: Date,
    lawful: Tri,
    violated: &[ReqId],
    out: &mut Vec<Ground>,
) {
    match lawful {
        Tri::False => {
            for &r in violated {
                if let Some(def) = pack.requirements.get(usize::from(r)) {
                    add_ground(out, Ground::Req(r));
                    if let Some(w) = &def.when {
                        reasons(pack, env, w, out);
                    }
                    reasons(pack, env, &def.requires, out);
                    // Why no exception excused it: each exception in force failed for a reason.
                    for e in &def.exceptions {
                        let in_force = pack
                            .exceptions
                            .get(usize::from(*e))
                            .is_some_and(|x| x.meta.in_force(date));
                        if in_force && let Some(x) = pack.exceptions.get(usize::from(*e)) {
                            reasons(pack, env, &x.cond, out);
                        }
                    }
                }
            }
        }
        Tri::True => {
            for (i, def) in pack.requirements.iter().enumerate() {
                match requirement_status(pack, env, i, date) {
                    ReqStatus::Met => {
                        add_ground(out, Ground::Req(u16::try_from(i).unwrap_or(0)));
                        reasons(pack, env, &def.requires, out);
                    }
                    ReqStatus::NotApplicable
                        if def.meta.in_force(date)
                            && def.when.as_ref().is_none_or(|w| eval(w, env) == Tri::True) =>
                    {
                        // Applicable but excused by an exception: the exception is a ground.
                        for e in &def.exceptions {
                            if env.excs.get(usize::from(*e)).copied() == Some(Tri::True) {
                                reasons(pack, env, &Cond::Exc(*e), out);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        Tri::Unknown => {
            for i in 0..pack.requirements.len() {
                if requirement_status(pack, env, i, date) == ReqStatus::Open {
                    add_ground(out, Ground::Req(u16::try_from(i).unwrap_or(0)));
                }
            }
        }
    }
}

/// The grounds of a settled classification: every fired factor of the winning side that belongs
/// to at least one minimal set of them which, alone against everything else (the unknown facts
/// taken at their worst), still settles the weighing; and the facts those factors read.
fn classification_grounds(
    pack: &Pack,
    w: &crate::compile::pack::WeighDef,
    o: &WeighOutcome,
    vals: &[Tri],
    out: &mut Vec<Ground>,
    facts: &[Val],
) {
    let Some(side) = o.side() else {
        return;
    };
    let fired = |i: usize| vals.get(i).copied() == Some(Tri::True);
    let is_winner = |i: usize| fired(i) && w.factors.get(i).is_some_and(|f| f.side == side);
    let mut chosen: Vec<usize> = Vec::new();
    if o.many.is_some() {
        // More than two sides: every fired factor of the winning side (a decisive one alone).
        match (0..w.factors.len())
            .find(|&i| is_winner(i) && w.factors.get(i).is_some_and(|f| f.decisive))
        {
            Some(i) => chosen.push(i),
            None => chosen.extend((0..w.factors.len()).filter(|&i| is_winner(i))),
        }
    } else if let Some(i) =
        (0..w.factors.len()).find(|&i| is_winner(i) && w.factors.get(i).is_some_and(|f| f.decisive))
    {
        // A decisive factor of the winning side settles it alone.
        chosen.push(i);
    } else {
        let winners: Vec<usize> = (0..w.factors.len()).filter(|&i| is_winner(i)).collect();
        let weight = |i: usize| w.factors.get(i).map_or(0, |f| f.weight);
        let total: i32 = winners.iter().map(|&i| weight(i)).sum();
        // Keeping a subset of weight k leaves a worst-case lead of worst - (total - k); the subset
        // suffices when that lead exceeds the margin, i.e. when k >= need.
        let worst_lead = if side == 0 { o.lo } else { -o.hi };
        let need = w.margin - worst_lead + total + 1;
        for &f in &winners {
            // Subset sums of the other winners (weights are small; sums above `need` are cut).
            let mut sums = [0u64; 8];
            sums[0] = 1;
            for &g in winners.iter().filter(|&&g| g != f) {
                let wg = usize::try_from(weight(g)).unwrap_or(0);
                let mut shifted = [0u64; 8];
                for (k, word) in sums.iter().enumerate() {
                    let (q, r) = ((k * 64 + wg) / 64, wg % 64);
                    if let Some(d) = shifted.get_mut(q) {
                        *d |= word << r;
                    }
                    if r != 0
                        && let Some(d) = shifted.get_mut(q + 1)
                    {
                        *d |= word >> (64 - r);
                    }
                }
                for (a, b) in sums.iter_mut().zip(shifted) {
                    *a |= b;
                }
            }
            let lo = (need - weight(f)).max(0);
            let hi = need - 1;
            let in_minimal_set = (lo..=hi).any(|s| {
                usize::try_from(s)
                    .ok()
                    .and_then(|s| sums.get(s / 64).map(|word| word & (1u64 << (s % 64)) != 0))
                    .unwrap_or(false)
            });
            if in_minimal_set {
                chosen.push(f);
            }
        }
    }
    let wid = pack.classification.unwrap_or(0);
    add_ground(out, Ground::Weigh(wid));
    for i in chosen {
        if let Some(f) = w.factors.get(i) {
            add_ground(out, Ground::Factor(wid, u16::try_from(i).unwrap_or(0)));
            for &fact in &f.facts {
                if facts
                    .get(usize::from(fact))
                    .copied()
                    .unwrap_or(Val::Unknown)
                    != Val::Unknown
                {
                    add_ground(out, Ground::Fact(fact));
                }
            }
        }
    }
}

/// Random cases for comparing the evaluator with the reference.
pub mod random {
    use crate::compile::pack::{Country, FactType, Pack, Val};
    use crate::date::Date;
    use crate::library::{Library, PackFiles};
    use std::path::Path;
    use std::sync::OnceLock;

    /// A pack made up to reach the corners: factors reading tests with exceptions and dates,
    /// factors in force for a while, decisive factors of both sides, a set fact with too many
    /// values to enumerate, numbers, dates, countries, a second weighing read by a requirement,
    /// one too wide to weigh exactly, a gap and an exception to a requirement.
    const SYNTHETIC: &str = r#"pack syn "synthetic"
fact a : bool ask "a?"
fact b : bool ask "b?"
fact c : bool ask "c?"
fact e : enum {x, y, z, w} ask "e?"
fact e2 : enum {x, y, z} ask "e2?"
fact s : set {p, q, r, t, u, v, k, m} ask "s?"
fact s2 : set {p, q, r} ask "s2?"
fact n : number ask "n?"
fact d : date ask "d?"
fact k : country ask "k?"
fact big : bool ask "big?"
test t1 "t1" cite "c" if a and e = x
test t2 "t2" cite "c" in force from 2020-01-01 if n >= 10 or k in {KR, JP}
exception x1 "x1" to t1 cite "c" if b
exception x2 "x2" to x1 cite "c" in force until 2022-12-31 if c
weigh wide "wide" cite "c" sides provision, outsourcing
  factor w1 toward provision weight 600 when big because "big"
  factor w2 toward outsourcing weight 1 when a because "a"
weigh side "side" cite "c" sides provision, outsourcing undecided within 1
  factor v1 toward provision weight 2 when c because "c"
  factor v2 toward outsourcing weight 1 when e2 = y because "e2"
classify classification "cls" cite "c" sides provision, outsourcing undecided within 1
  factor f1 toward provision weight 3 when t1 because "t1"
  factor f2 toward outsourcing weight 2 when e = y because "e"
  factor f3 toward provision weight 1 decisive when s contains all {p, q} because "s"
  factor f4 toward outsourcing weight 4 when s contains any {r, t, u, v, k, m} because "s any"
  factor f5 toward outsourcing weight 2 decisive when t2 and a because "t2"
  factor f6 toward provision weight 5 when d > 2021-06-01 because "d" in force until 2023-12-31
  factor f7 toward outsourcing weight 1 when c because "c"
  factor f8 toward provision weight 2 when e2 in {x, z} and b because "e2"
  factor f9 toward outsourcing weight 3 when e2 = y because "e2 y"
  factor f11 toward provision weight 2 when s2 contains p and not (e = w) because "s2"
  factor f12 toward outsourcing weight 1 when k != KR because "abroad"
  factor f13 toward provision weight 1 when n < 100 because "small"
require r1 "r1" when classification = provision requires a or b cite "c" violation XX-1 "m"
require r2 "r2" when classification = outsourcing requires e != z cite "c" violation XX-2 "m"
require r3 "r3" requires n > 5 and (c or not b) cite "c" violation XX-3 "m"
require r4 "r4" when wide = provision requires s2 contains all {p, q} cite "c" violation XX-4 "m" in force from 2021-01-01
require r5 "r5" when side = outsourcing requires c cite "c" violation XX-5 "m"
exception x3 "x3" to r3 cite "c" if k = KR
gap g1 "g1" when d < 2020-01-01 cite "c"
"#;

    fn load(packs: Vec<PackFiles>) -> Library {
        let lib = Library::load(packs);
        let errors: Vec<String> = lib
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.render(&lib.sources))
            .collect();
        assert!(errors.is_empty(), "{}", errors.join("\n"));
        lib
    }

    /// The benchmark pack, the built-in ones and the made-up one.
    pub fn library() -> &'static Library {
        static LIB: OnceLock<Library> = OnceLock::new();
        LIB.get_or_init(|| {
            let mut files = crate::library::builtin_files();
            files.extend(
                crate::library::dir_files(
                    &Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/packs"),
                )
                .unwrap(),
            );
            files.push(PackFiles {
                folder: "syn".into(),
                files: vec![("syn.law".into(), SYNTHETIC.into())],
                not_utf8: Vec::new(),
            });
            load(files)
        })
    }

    /// A value for fact slot `f` drawn from `r`: unknown a third of the time, else mostly one
    /// of its representative values, sometimes another, and now and then one of the wrong
    /// type or out of range (which the evaluator must take as it always did).
    pub fn value(pack: &Pack, f: usize, r: u64) -> Val {
        let Some(def) = pack.facts.get(f) else {
            return Val::Unknown;
        };
        let pick = r % 100;
        let x = r / 100;
        if pick < 33 {
            return Val::Unknown;
        }
        if pick < 36 {
            return match x % 3 {
                0 => Val::Bool(true),
                1 => Val::Enum(60),
                _ => Val::Number(x),
            };
        }
        let reps = pack.representatives.get(f).map_or(&[][..], Vec::as_slice);
        if pick < 85 && !reps.is_empty() {
            return reps[usize::try_from(x).unwrap_or(0) % reps.len()];
        }
        match &def.ty {
            FactType::Bool => Val::Bool(x.is_multiple_of(2)),
            FactType::Enum(vs) => Val::Enum(u8::try_from(x % vs.len() as u64).unwrap_or(0)),
            FactType::Set(vs) => Val::Set(x & ((1u64 << vs.len().min(63)) - 1)),
            FactType::Number => Val::Number(x % 2_000_000),
            FactType::Date => Val::Date(Date(15_000 + i32::try_from(x % 6000).unwrap_or(0))),
            FactType::Country => {
                let codes = [*b"KR", *b"JP", *b"SG", *b"US", *b"ZZ"];
                Val::Country(Country(
                    codes[usize::try_from(x).unwrap_or(0) % codes.len()],
                ))
            }
        }
    }

    /// Facts for every slot of `pack`.
    pub fn facts(pack: &Pack, seeds: &[u64]) -> Vec<Val> {
        (0..pack.facts.len())
            .map(|f| {
                value(
                    pack,
                    f,
                    seeds
                        .get(f % seeds.len().max(1))
                        .copied()
                        .unwrap_or(0)
                        .rotate_left(u32::try_from(f / seeds.len().max(1)).unwrap_or(0)),
                )
            })
            .collect()
    }

    /// A day near the pack's changes of law (or one of a few others).
    pub fn date(pack: &Pack, r: u64) -> Date {
        let n = pack.change_dates.len();
        let k = usize::try_from(r % (n as u64 + 3)).unwrap_or(0);
        match pack.change_dates.get(k) {
            Some(d) => Date(d.0 + i32::try_from(r / 1000 % 3).unwrap_or(0) - 1),
            None => Date(19_000 + i32::try_from(r % 2000).unwrap_or(0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RefEvaluator;
    use super::random;
    use crate::eval::{Evaluator, Stretch, StretchJudgment, stretches};
    use proptest::prelude::*;

    fn same(a: &StretchJudgment, b: &StretchJudgment) -> Result<(), TestCaseError> {
        prop_assert_eq!(a.stretch, b.stretch);
        prop_assert_eq!(a.weighing, b.weighing);
        prop_assert_eq!(&a.factor_vals, &b.factor_vals);
        prop_assert_eq!(a.classes, b.classes);
        prop_assert_eq!(a.lawful, b.lawful);
        prop_assert_eq!(&a.violations, &b.violations);
        prop_assert_eq!(&a.gaps, &b.gaps);
        prop_assert_eq!(&a.possible, &b.possible);
        prop_assert_eq!(&a.possible_facts, &b.possible_facts);
        prop_assert_eq!(&a.decisive, &b.decisive);
        prop_assert_eq!(&a.lawful_unknowns, &b.lawful_unknowns);
        prop_assert_eq!(&a.grounds, &b.grounds);
        Ok(())
    }

    #[test]
    fn every_pack_loads() {
        let lib = random::library();
        for id in ["bench", "eu", "jp", "kr", "syn"] {
            assert!(lib.pack(id).is_some(), "{id}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// The evaluator, reusing its buffers from case to case, judges every stretch as the
        /// reference does.
        #[test]
        fn judges_as_the_reference(seeds in prop::collection::vec(any::<u64>(), 1..40), d in any::<u64>(), span in 0u32..3000) {
            let lib = random::library();
            thread_local! {
                static EV: std::cell::RefCell<(Evaluator, StretchJudgment)> = Default::default();
            }
            for pack in &lib.packs {
                let facts = random::facts(pack, &seeds);
                let from = random::date(pack, d);
                let to = crate::date::Date(from.0 + i32::try_from(span).unwrap_or(0));
                for s in stretches(pack, from, to) {
                    let want = RefEvaluator::default().judge(pack, &facts, s);
                    EV.with(|cell| -> Result<(), TestCaseError> {
                        let (ev, j) = &mut *cell.borrow_mut();
                        ev.judge_into(pack, &facts, s, j);
                        same(j, &want)?;
                        same(&ev.judge(pack, &facts, Stretch { from: s.from, to: s.to }), &want)
                    })?;
                }
            }
        }
    }
}
