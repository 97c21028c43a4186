//! Judging a case under a pack: stretch by stretch of law, class by possible class.
//!
//! [`Evaluator`] holds reusable buffers; [`Evaluator::judge`] fills a [`StretchJudgment`] from a
//! case's fact slots. The caller (usually [`crate::verdict`]) turns it into a verdict.

pub mod cond;
#[cfg(test)]
pub(crate) mod reference;
pub mod tri;
pub mod weigh;

use crate::compile::pack::{Cond, ExcId, FactId, Node, Pack, ReqId, TestId, Val};
use crate::date::Date;
use cond::{Env, eval};
use std::ops::Not as _;
use tri::Tri;
use weigh::{WeighOutcome, WeighScratch, weigh};

/// A stretch of the case's period during which the same rules are in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stretch {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
}

/// Cuts `from..=to` at every date on which a rule of the pack enters or leaves force.
pub fn stretches(pack: &Pack, from: Date, to: Date) -> Vec<Stretch> {
    let mut out = Vec::new();
    let mut start = from;
    for &c in &pack.change_dates {
        if c > start && c <= to {
            out.push(Stretch {
                from: start,
                to: c.pred(),
            });
            start = c;
        }
    }
    out.push(Stretch { from: start, to });
    out
}

/// A rule or fact that carried an outcome, by index (names are looked up when rendering).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ground {
    /// A fact.
    Fact(FactId),
    /// A test.
    Test(u16),
    /// An exception.
    Exc(ExcId),
    /// A weighing.
    Weigh(u16),
    /// A factor of a weighing.
    Factor(u16, u16),
    /// A requirement.
    Req(ReqId),
}

impl Ground {
    /// The name of the fact or rule.
    pub fn name<'a>(&self, pack: &'a Pack) -> &'a str {
        let name = match *self {
            Ground::Fact(f) => pack.facts.get(usize::from(f)).map(|d| d.name.as_str()),
            Ground::Test(t) => pack.tests.get(usize::from(t)).map(|d| d.meta.id.as_str()),
            Ground::Exc(e) => pack
                .exceptions
                .get(usize::from(e))
                .map(|d| d.meta.id.as_str()),
            Ground::Weigh(w) => pack
                .weighings
                .get(usize::from(w))
                .map(|d| d.meta.id.as_str()),
            Ground::Factor(w, f) => pack
                .weighings
                .get(usize::from(w))
                .and_then(|d| d.factors.get(usize::from(f)))
                .map(|d| d.meta.id.as_str()),
            Ground::Req(r) => pack
                .requirements
                .get(usize::from(r))
                .map(|d| d.meta.id.as_str()),
        };
        name.unwrap_or("")
    }
}

/// The grounds a list holds, so that adding one without repeats need not search the list: a
/// bit per kind of ground and number below 64 (factors of weighing 0 only), which is exact; a
/// ground beyond those is looked for in the list.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct GroundFilter([u64; 6]);

impl GroundFilter {
    /// A filter that knows every ground of `list`.
    pub(crate) fn of(list: &[Ground]) -> GroundFilter {
        let mut f = GroundFilter::default();
        for g in list {
            if let Some((word, bit)) = Self::bit(g)
                && let Some(w) = f.0.get_mut(word)
            {
                *w |= bit;
            }
        }
        f
    }

    /// The ground's word and bit, if it has one.
    #[inline(always)]
    fn bit(g: &Ground) -> Option<(usize, u64)> {
        let (word, n) = match *g {
            Ground::Fact(f) => (0, f),
            Ground::Test(t) => (1, t),
            Ground::Exc(e) => (2, e),
            Ground::Weigh(w) => (3, w),
            Ground::Factor(0, f) => (4, f),
            Ground::Factor(..) => return None,
            Ground::Req(r) => (5, r),
        };
        (n < 64).then(|| (word, 1u64 << n))
    }

    /// Takes in every ground of `list` and says whether they were all new and different, each
    /// with a bit of its own. When not, the filter is left as it was.
    pub(crate) fn all_new(&mut self, list: &[Ground]) -> bool {
        let mut f = *self;
        for g in list {
            let Some((word, bit)) = Self::bit(g) else {
                return false;
            };
            match f.0.get_mut(word) {
                Some(w) if *w & bit == 0 => *w |= bit,
                _ => return false,
            }
        }
        *self = f;
        true
    }

    /// Adds `g` to `list` (which holds every ground this filter has seen) unless it is there.
    #[inline(always)]
    pub(crate) fn add(&mut self, g: Ground, list: &mut Vec<Ground>) {
        match Self::bit(&g) {
            Some((word, bit)) => {
                if let Some(w) = self.0.get_mut(word)
                    && *w & bit == 0
                {
                    *w |= bit;
                    list.push(g);
                }
            }
            None => {
                if !list.contains(&g) {
                    list.push(g);
                }
            }
        }
    }
}

/// A list of grounds being added to, each once.
struct Grounds<'a> {
    list: &'a mut Vec<Ground>,
    filter: GroundFilter,
}

impl<'a> Grounds<'a> {
    /// Adding to `list`, which may hold grounds already.
    fn over(list: &'a mut Vec<Ground>) -> Grounds<'a> {
        let filter = GroundFilter::of(list);
        Grounds { list, filter }
    }

    #[inline]
    fn add(&mut self, g: Ground) {
        self.filter.add(g, self.list);
    }
}

/// A violation found in a stretch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// The requirement broken.
    pub req: ReqId,
    /// `Some(side)` when it is broken only if the transfer is classified as that side.
    pub only_under: Option<u8>,
}

/// What a stretch came to.
#[derive(Clone, Debug, Default)]
pub struct StretchJudgment {
    /// The stretch.
    pub stretch: Option<Stretch>,
    /// The classification weighing's outcome.
    pub weighing: Option<WeighOutcome>,
    /// Fired (true), not fired (false) or unknown, per factor of the classification.
    pub factor_vals: Vec<Tri>,
    /// Mask of the classification sides considered for lawfulness.
    pub classes: u8,
    /// Lawfulness.
    pub lawful: Tri,
    /// Violations, in requirement order.
    pub violations: Vec<Found>,
    /// Gaps whose condition holds or may hold.
    pub gaps: Vec<u16>,
    /// Requirements that unknown facts leave open: they may be violated. Those already among
    /// `violations` are not repeated. `only_under` is set when the requirement can be broken
    /// under one possible classification only.
    pub possible: Vec<Found>,
    /// The unknown facts that would settle each requirement of `possible`, by requirement, in
    /// the order they were found (the classification's decisive facts for one that depends on
    /// the classification).
    pub possible_facts: Vec<(ReqId, FactId)>,
    /// Unknown facts that could change the classification.
    pub decisive: Vec<FactId>,
    /// Unknown facts that could change lawfulness.
    pub lawful_unknowns: Vec<FactId>,
    /// The rules and facts that carried the outcome.
    pub grounds: Vec<Ground>,
    /// Whether the pack's law reaches the case in this stretch: every `scope` item in force
    /// holds (true without any).
    pub applies: Tri,
    /// The scope items in force that fail (the law does not apply, for their reasons).
    pub out_of_scope: Vec<TestId>,
}

/// The classes lawfulness is judged under, for a mask of possible sides (`None` for a pack
/// without classification).
pub fn passes(mask: u8) -> &'static [Option<u8>] {
    match mask & 0b111 {
        0b001 => &[Some(0)],
        0b010 => &[Some(1)],
        0b011 => &[Some(0), Some(1)],
        0b100 => &[Some(2)],
        0b101 => &[Some(0), Some(2)],
        0b110 => &[Some(1), Some(2)],
        0b111 => &[Some(0), Some(1), Some(2)],
        _ => &[None],
    }
}

/// Reusable buffers for judging many cases without allocating per rule.
#[derive(Default, Debug, Clone)]
pub struct Evaluator {
    tests: Vec<Tri>,
    excs: Vec<Tri>,
    sides: Vec<u8>,
    outcomes: Vec<WeighOutcome>,
    weigh: WeighScratch,
    class_violations: [Vec<ReqId>; 3],
    class_lawful: [Tri; 3],
    class_factor_vals: Vec<Tri>,
    class_decisive: Vec<FactId>,
    /// Status of each requirement in the current pass (read again for the grounds).
    statuses: Vec<(ReqStatus, Tri)>,
    /// Status of each requirement under each pass (first, second and third possible class).
    pass_status: [Vec<ReqStatus>; 3],
    /// Facts found unknown in one open requirement's conditions.
    open_facts: Vec<FactId>,
    /// Fired factors of the winning side with their weights (for the grounds of the
    /// classification).
    winners: Vec<(usize, i32)>,
}

/// Status of a requirement in one pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReqStatus {
    /// Not in force, or its condition does not hold, or an exception excuses it.
    NotApplicable,
    /// Applies and is met.
    Met,
    /// Applies and is not met: a violation.
    Violated,
    /// Unknown facts leave it open.
    Open,
}

impl Evaluator {
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
        let mut grounds = Grounds::over(&mut j.grounds);
        let date = stretch.from;
        self.reset(pack);

        // Phase 1: everything that does not depend on the classification.
        self.run_nodes(pack, facts, date, None, false);
        // Whether the law reaches the case at all.
        for &t in &pack.scope {
            let Some(def) = pack.tests.get(usize::from(t)) else {
                continue;
            };
            if !def.meta.in_force(date) {
                continue;
            }
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
        if j.applies == Tri::False {
            let env = self.env(pack, facts, None);
            for &t in &j.out_of_scope {
                grounds.add(Ground::Test(t));
                if let Some(def) = pack.tests.get(usize::from(t)) {
                    reasons_into(pack, &env, &def.cond, &mut grounds);
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
        // The facts of the law's reach come first among the lawfulness unknowns.
        let n_scope = j.lawful_unknowns.len();
        let class_mask = match pack.classification {
            Some(c) => {
                let o = self
                    .outcomes
                    .get(usize::from(c))
                    .copied()
                    .unwrap_or_default();
                j.weighing = Some(o);
                j.factor_vals.extend_from_slice(&self.class_factor_vals);
                j.decisive.extend_from_slice(&self.class_decisive);
                o.side_mask()
            }
            None => 0,
        };
        j.classes = class_mask;

        // Phase 2: requirements, under each possible class.
        let passes = passes(class_mask);
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
            if self.statuses.len() != pack.requirements.len() {
                self.statuses.clear();
                self.statuses.resize(
                    pack.requirements.len(),
                    (ReqStatus::NotApplicable, Tri::False),
                );
            }
            for ((i, r), slot) in pack.requirements.iter().enumerate().zip(&mut self.statuses) {
                let (status, when) = status_and_when(pack, &env, i, date);
                *slot = (status, when);
                match status {
                    ReqStatus::Violated => {
                        lawful = Tri::False;
                        violated.push(u16::try_from(i).unwrap_or(0));
                    }
                    ReqStatus::Open => {
                        lawful = lawful.and(Tri::Unknown);
                        let req = u16::try_from(i).unwrap_or(0);
                        self.open_facts.clear();
                        collect_unknown(pack, &env, r.when.as_ref(), &mut self.open_facts);
                        collect_unknown(pack, &env, Some(&r.requires), &mut self.open_facts);
                        for e in &r.exceptions {
                            if let Some(x) = pack.exceptions.get(usize::from(*e)) {
                                collect_unknown(pack, &env, Some(&x.cond), &mut self.open_facts);
                            }
                        }
                        for &f in &self.open_facts {
                            if !j.lawful_unknowns.contains(&f) {
                                j.lawful_unknowns.push(f);
                            }
                            if !j.possible_facts.contains(&(req, f)) {
                                j.possible_facts.push((req, f));
                            }
                        }
                    }
                    ReqStatus::Met | ReqStatus::NotApplicable => {}
                }
            }
            if let Some(ps) = self.pass_status.get_mut(slot) {
                ps.clear();
                ps.extend(self.statuses.iter().map(|(st, _)| *st));
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
            grounds_for_pass(
                pack,
                &env,
                date,
                lawful,
                &violated,
                &self.statuses,
                &mut grounds,
            );
            if let Some(v) = self.class_violations.get_mut(slot) {
                *v = violated;
            }
        }

        // Combine the passes: a requirement broken under every possible class is a violation;
        // one broken under one class only is reported as such when each class breaks one the
        // other does not; any other that some class leaves broken or open may be violated.
        let could = |st: ReqStatus| matches!(st, ReqStatus::Violated | ReqStatus::Open);
        if passes.len() >= 2 {
            let n = passes.len();
            let class_of = |k: usize| passes.get(k).copied().flatten();
            let ps = &self.pass_status;
            j.lawful = self
                .class_lawful
                .iter()
                .take(n)
                .copied()
                .reduce(Tri::agree)
                .unwrap_or(Tri::Unknown);
            let status = |k: usize, r: usize| {
                ps.get(k)
                    .and_then(|x| x.get(r))
                    .copied()
                    .unwrap_or(ReqStatus::NotApplicable)
            };
            let reqs = ps.first().map_or(0, Vec::len);
            // Every possible class brings a violation some other class does not.
            let extras_everywhere = (0..n).all(|k| {
                (0..reqs).any(|r| {
                    status(k, r) == ReqStatus::Violated
                        && (0..n).any(|m| m != k && status(m, r) != ReqStatus::Violated)
                })
            });
            for r in 0..reqs {
                let req = u16::try_from(r).unwrap_or(0);
                let violated: Vec<usize> = (0..n)
                    .filter(|&k| status(k, r) == ReqStatus::Violated)
                    .collect();
                let coulds: Vec<usize> = (0..n).filter(|&k| could(status(k, r))).collect();
                if violated.len() == n {
                    j.violations.push(Found {
                        req,
                        only_under: None,
                    });
                } else if extras_everywhere && violated.len() == 1 {
                    j.violations.push(Found {
                        req,
                        only_under: violated.first().and_then(|&k| class_of(k)),
                    });
                } else if !coulds.is_empty() {
                    let only_under = match coulds.as_slice() {
                        [k] => class_of(*k),
                        _ => None,
                    };
                    j.possible.push(Found { req, only_under });
                    // Unless it is open under every class alike, the classification settles it.
                    if !(0..n).all(|k| status(k, r) == ReqStatus::Open) {
                        for &f in &j.decisive {
                            if !j.possible_facts.contains(&(req, f)) {
                                j.possible_facts.push((req, f));
                            }
                        }
                    }
                }
            }
        } else {
            j.lawful = self.class_lawful[0];
            j.violations
                .extend(self.class_violations[0].iter().map(|&req| Found {
                    req,
                    only_under: None,
                }));
            for (r, &st) in self.pass_status[0].iter().enumerate() {
                if st == ReqStatus::Open {
                    j.possible.push(Found {
                        req: u16::try_from(r).unwrap_or(0),
                        only_under: None,
                    });
                }
            }
        }
        if !j.possible_facts.is_empty() {
            let possible = &j.possible;
            j.possible_facts
                .retain(|(r, _)| possible.iter().any(|p| p.req == *r));
            // Grouped by requirement, each group in the order its facts were found.
            let order = |r: ReqId| possible.iter().position(|p| p.req == r);
            j.possible_facts.sort_by_key(|(r, _)| order(*r));
        }
        // A law that may not reach the case leaves lawfulness open, and what it would find
        // broken only possible, until the facts of its reach are known (after the facts of the
        // possible violations are kept to theirs, so that a violation's stale facts are not).
        if j.applies == Tri::Unknown {
            let scope = j.lawful_unknowns.get(..n_scope).unwrap_or(&[]);
            let open = Open {
                lawful: &mut j.lawful,
                violations: &mut j.violations,
                possible: &mut j.possible,
                possible_facts: &mut j.possible_facts,
            };
            out_of_reach_open(open, scope);
        }
        if j.lawful != Tri::Unknown {
            j.lawful_unknowns.clear();
        }
        j.lawful_unknowns.retain(|f| !j.decisive.contains(f));
        if let (Some(o), Some(c)) = (j.weighing, pack.classifier()) {
            classification_grounds(
                pack,
                c,
                &o,
                &j.factor_vals,
                &mut grounds,
                facts,
                &mut self.winners,
            );
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
            // In the first phase, nodes that depend on the class are left unknown until one is
            // assumed; in the second, only those are evaluated.
            if dep != dependent_only {
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
                            // Swapped, not copied: the next weighing overwrites every value
                            // the scratch holds.
                            std::mem::swap(
                                &mut self.class_factor_vals,
                                &mut self.weigh.factor_vals,
                            );
                            std::mem::swap(&mut self.class_decisive, &mut self.weigh.decisive);
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

    /// Sets every rule result to where a case starts (unknown tests and exceptions, both sides
    /// possible), keeping the buffers when they already have the pack's sizes.
    fn reset(&mut self, pack: &Pack) {
        fn fill<T: Copy>(v: &mut Vec<T>, n: usize, x: T) {
            if v.len() == n {
                v.fill(x);
            } else {
                v.clear();
                v.resize(n, x);
            }
        }
        fill(&mut self.tests, pack.tests.len(), Tri::Unknown);
        fill(&mut self.excs, pack.exceptions.len(), Tri::Unknown);
        fill(&mut self.sides, pack.weighings.len(), 0b11);
        fill(
            &mut self.outcomes,
            pack.weighings.len(),
            WeighOutcome::default(),
        );
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
        self.reset(pack);
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

/// Where a law may not reach the case (its scope unknown), nothing it would find broken is
/// certain: lawfulness is open, each violation becomes a possible one, and every possible
/// violation is settled also by the facts of the law's reach (`scope_facts`). Possible
/// violations stay in the order of their requirements, and the facts that settle them grouped
/// in that order.
pub(crate) fn out_of_reach_open(j: Open<'_>, scope_facts: &[FactId]) {
    *j.lawful = Tri::Unknown;
    j.possible.append(j.violations);
    j.possible.sort_by_key(|p| p.req);
    for p in j.possible.iter() {
        for &f in scope_facts {
            if !j.possible_facts.contains(&(p.req, f)) {
                j.possible_facts.push((p.req, f));
            }
        }
    }
    let possible = &j.possible;
    let order = |r: ReqId| possible.iter().position(|p| p.req == r);
    j.possible_facts.sort_by_key(|(r, _)| order(*r));
}

/// The parts of a stretch's judgment that [`out_of_reach_open`] changes.
pub(crate) struct Open<'a> {
    pub lawful: &'a mut Tri,
    pub violations: &'a mut Vec<Found>,
    pub possible: &'a mut Vec<Found>,
    pub possible_facts: &'a mut Vec<(ReqId, FactId)>,
}

#[cfg(test)]
impl StretchJudgment {
    /// The parts [`out_of_reach_open`] changes, and the facts of the law's reach (the first
    /// `n_scope` lawfulness unknowns).
    pub(crate) fn open_parts(&mut self, n_scope: usize) -> (Open<'_>, &[FactId]) {
        let scope = self.lawful_unknowns.get(..n_scope).unwrap_or(&[]);
        (
            Open {
                lawful: &mut self.lawful,
                violations: &mut self.violations,
                possible: &mut self.possible,
                possible_facts: &mut self.possible_facts,
            },
            scope,
        )
    }
}

/// Whether requirement `i` applies and is met.
pub fn requirement_status(pack: &Pack, env: &Env<'_>, i: usize, date: Date) -> ReqStatus {
    status_and_when(pack, env, i, date).0
}

/// [`requirement_status`], and the value of the requirement's `when` (true when it has none;
/// false when it is not in force).
fn status_and_when(pack: &Pack, env: &Env<'_>, i: usize, date: Date) -> (ReqStatus, Tri) {
    let Some(r) = pack.requirements.get(i) else {
        return (ReqStatus::NotApplicable, Tri::False);
    };
    if !r.meta.in_force(date) {
        return (ReqStatus::NotApplicable, Tri::False);
    }
    let when = r.when.as_ref().map_or(Tri::True, |c| eval(c, env));
    let applies = if r.exceptions.is_empty() {
        when
    } else {
        when.and(any_exception(env, &r.exceptions).not())
    };
    if applies == Tri::False {
        return (ReqStatus::NotApplicable, when);
    }
    let status = match (applies, eval(&r.requires, env)) {
        (_, Tri::True) => ReqStatus::Met,
        (Tri::True, Tri::False) => ReqStatus::Violated,
        _ => ReqStatus::Open,
    };
    (status, when)
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
            // A leaf reads one fact.
            Cond::Bool(f, _)
            | Cond::EnumIn(f, _)
            | Cond::SetHas(f, _, _)
            | Cond::CountryIn(f, _)
            | Cond::Num(f, _, _)
            | Cond::Date(f, _, _) => {
                if !out.contains(f) {
                    out.push(*f);
                }
            }
        }
    }
    if let Some(c) = c {
        walk(pack, env, c, out, 0);
    }
}

/// Adds the rules and facts that make a condition come out as it does: for a false `and`, the
/// first false part; for a true `or`, the first true part; otherwise every part.
pub fn reasons(pack: &Pack, env: &Env<'_>, c: &Cond, out: &mut Vec<Ground>) {
    reasons_into(pack, env, c, &mut Grounds::over(out));
}

/// [`reasons`] into a list of grounds being built.
fn reasons_into(pack: &Pack, env: &Env<'_>, c: &Cond, out: &mut Grounds<'_>) {
    fn walk(pack: &Pack, env: &Env<'_>, c: &Cond, out: &mut Grounds<'_>, depth: usize) {
        if depth > 64 {
            return;
        }
        match c {
            Cond::Not(x) => walk(pack, env, x, out, depth + 1),
            Cond::And(xs) | Cond::Or(xs) => {
                let short = if matches!(c, Cond::And(_)) {
                    Tri::False
                } else {
                    Tri::True
                };
                // A conjunction is false exactly when a part is (a disjunction true when a
                // part is), so looking for that part is the same as evaluating the whole first.
                match xs.iter().find(|x| eval(x, env) == short) {
                    Some(x) => walk(pack, env, x, out, depth + 1),
                    None => {
                        for x in xs.iter() {
                            walk(pack, env, x, out, depth + 1);
                        }
                    }
                }
            }
            Cond::Test(t) => {
                if let Some(def) = pack.tests.get(usize::from(*t)) {
                    out.add(Ground::Test(*t));
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
                    out.add(Ground::Exc(*e));
                    walk(pack, env, &def.cond, out, depth + 1);
                }
            }
            Cond::Side(w, _) => out.add(Ground::Weigh(*w)),
            Cond::Const(_) => {}
            // A leaf reads one fact.
            Cond::Bool(f, _)
            | Cond::EnumIn(f, _)
            | Cond::SetHas(f, _, _)
            | Cond::CountryIn(f, _)
            | Cond::Num(f, _, _)
            | Cond::Date(f, _, _) => out.add(Ground::Fact(*f)),
        }
    }
    walk(pack, env, c, out, 0);
}

/// Adds the grounds of one pass; `statuses` are the requirements' statuses in it, with the
/// values of their `when` (computed afresh for any it lacks).
fn grounds_for_pass(
    pack: &Pack,
    env: &Env<'_>,
    date: Date,
    lawful: Tri,
    violated: &[ReqId],
    statuses: &[(ReqStatus, Tri)],
    out: &mut Grounds<'_>,
) {
    let status = |i: usize| {
        statuses
            .get(i)
            .copied()
            .unwrap_or_else(|| status_and_when(pack, env, i, date))
    };
    match lawful {
        Tri::False => {
            for &r in violated {
                if let Some(def) = pack.requirements.get(usize::from(r)) {
                    out.add(Ground::Req(r));
                    if let Some(w) = &def.when {
                        reasons_into(pack, env, w, out);
                    }
                    reasons_into(pack, env, &def.requires, out);
                    // Why no exception excused it: each exception in force failed for a reason.
                    for e in &def.exceptions {
                        let in_force = pack
                            .exceptions
                            .get(usize::from(*e))
                            .is_some_and(|x| x.meta.in_force(date));
                        if in_force && let Some(x) = pack.exceptions.get(usize::from(*e)) {
                            reasons_into(pack, env, &x.cond, out);
                        }
                    }
                }
            }
        }
        Tri::True => {
            for (i, def) in pack.requirements.iter().enumerate() {
                let (st, when) = status(i);
                match st {
                    ReqStatus::Met => {
                        out.add(Ground::Req(u16::try_from(i).unwrap_or(0)));
                        reasons_into(pack, env, &def.requires, out);
                    }
                    // `when` is true only for a requirement in force whose condition holds.
                    ReqStatus::NotApplicable if when == Tri::True => {
                        // Applicable but excused by an exception: the exception is a ground.
                        for e in &def.exceptions {
                            if env.excs.get(usize::from(*e)).copied() == Some(Tri::True) {
                                reasons_into(pack, env, &Cond::Exc(*e), out);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        Tri::Unknown => {
            for i in 0..pack.requirements.len() {
                if status(i).0 == ReqStatus::Open {
                    out.add(Ground::Req(u16::try_from(i).unwrap_or(0)));
                }
            }
        }
    }
}

/// The grounds of a settled classification: every fired factor of the winning side that belongs
/// to at least one minimal set of them which, alone against everything else (the unknown facts
/// taken at their worst), still settles the weighing; and the facts those factors read.
/// `winners` is a reusable buffer.
fn classification_grounds(
    pack: &Pack,
    w: &crate::compile::pack::WeighDef,
    o: &WeighOutcome,
    vals: &[Tri],
    out: &mut Grounds<'_>,
    facts: &[Val],
    winners: &mut Vec<(usize, i32)>,
) {
    let Some(side) = o.side() else {
        return;
    };
    let wid = pack.classification.unwrap_or(0);
    out.add(Ground::Weigh(wid));
    /// Adds factor `i` and the known facts it reads.
    #[inline(always)]
    fn add_factor(
        w: &crate::compile::pack::WeighDef,
        wid: u16,
        facts: &[Val],
        i: usize,
        out: &mut Grounds<'_>,
    ) {
        if let Some(f) = w.factors.get(i) {
            out.add(Ground::Factor(wid, u16::try_from(i).unwrap_or(0)));
            for &fact in &f.facts {
                if !matches!(facts.get(usize::from(fact)), None | Some(Val::Unknown)) {
                    out.add(Ground::Fact(fact));
                }
            }
        }
    }
    if o.many.is_some() {
        // More than two sides: every fired factor of the winning side (a decisive one alone).
        let fired = |i: usize, f: &crate::compile::pack::FactorDef| {
            vals.get(i) == Some(&Tri::True) && f.side == side
        };
        match w
            .factors
            .iter()
            .enumerate()
            .find(|(i, f)| fired(*i, f) && f.decisive)
        {
            Some((i, _)) => add_factor(w, wid, facts, i, out),
            None => {
                for (i, f) in w.factors.iter().enumerate() {
                    if fired(i, f) {
                        add_factor(w, wid, facts, i, out);
                    }
                }
            }
        }
        return;
    }
    winners.clear();
    let mut decisive = None;
    for (i, (f, v)) in w.factors.iter().zip(vals).enumerate() {
        if *v == Tri::True && f.side == side {
            if f.decisive {
                decisive = Some(i);
                break;
            }
            winners.push((i, f.weight));
        }
    }
    if let Some(i) = decisive {
        // A decisive factor of the winning side settles it alone.
        add_factor(w, wid, facts, i, out);
        return;
    }
    let total: i32 = winners.iter().map(|&(_, wt)| wt).sum();
    // Keeping a subset of weight k leaves a worst-case lead of worst - (total - k); the subset
    // suffices when that lead exceeds the margin, i.e. when k >= need.
    let worst_lead = if side == 0 { o.lo } else { -o.hi };
    let need = w.margin - worst_lead + total + 1;
    for (k, &(f, wf)) in winners.iter().enumerate() {
        // `f` belongs to a minimal set when some subset of the other winners falls short of
        // `need` by less than f's weight. Subset sums are kept below 512 (weights are small).
        let lo = (need - wf).max(0);
        let hi = (need - 1).min(511);
        if hi < lo {
            continue;
        }
        let in_minimal_set = if lo == 0 {
            // The empty subset will do.
            true
        } else if hi < 64 {
            // One word suffices: a sum's bit depends only on the bits below it.
            let mut sums = 1u64;
            for (m, &(_, wt)) in winners.iter().enumerate() {
                if m != k
                    && let Ok(wg) = u32::try_from(wt)
                    && wg < 64
                {
                    sums |= sums << wg;
                }
            }
            let (lo, hi) = (
                u32::try_from(lo).unwrap_or(0),
                u32::try_from(hi).unwrap_or(0),
            );
            sums & (u64::MAX >> (63 - hi)) & (u64::MAX << lo) != 0
        } else {
            let others = winners
                .iter()
                .enumerate()
                .filter(|&(m, _)| m != k)
                .map(|(_, &(_, wt))| wt);
            subset_sums_reach(others, lo, hi)
        };
        if in_minimal_set {
            add_factor(w, wid, facts, f, out);
        }
    }
}

/// Whether some sum of a subset of `weights` lies in `lo..=hi` (both below 512).
fn subset_sums_reach(weights: impl Iterator<Item = i32>, lo: i32, hi: i32) -> bool {
    let mut sums = [0u64; 8];
    sums[0] = 1;
    for wg in weights {
        let wg = usize::try_from(wg).unwrap_or(0);
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
    (lo..=hi).any(|s| {
        usize::try_from(s)
            .ok()
            .and_then(|s| sums.get(s / 64).map(|word| word & (1u64 << (s % 64)) != 0))
            .unwrap_or(false)
    })
}
