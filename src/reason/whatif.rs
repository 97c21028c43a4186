//! What if: the smallest sets of fact changes that would flip an outcome.
//!
//! [`search`] looks for the smallest sets of changes to a case's facts that would settle the
//! classification on another side, or make the arrangement lawful, and names the rules that
//! would then decide. It searches by increasing size (one change, then two, up to
//! [`Options::max_changes`]), reports only minimal sets (a set containing a smaller set that
//! already reaches the goal is skipped), and caps the number of evaluations, and of sets looked
//! at, with [`Options::budget`]; [`WhatIf::stopped_early`] says when the cap cut the search
//! short. It never enumerates the combinations of the unknown facts: an unknown fact is one
//! more candidate change, and the weighing treats the others as it always does.
//!
//! Candidate changes are the facts the relevant rules read: for the classification, the facts
//! the weighing's factors read; for lawfulness, the facts read by the requirements and gaps in
//! force in the period (a requirement's `when`, `requires` and exceptions, through tests, and
//! the classification's facts when it depends on the classification): not only those of the
//! requirements violated or left open now, since removing one obstacle can raise another (a
//! consent brings in the duty to inform before consenting). Each is tried at the pack's
//! representative values other than its current one (values that no condition of the pack
//! tells apart count once); an unknown fact is tried at each, since settling it is itself a way
//! to flip.
//!
//! Necessary conditions prune the search without evaluating: to move the classification, the
//! factors a set's facts feed must weigh enough to cross the margin; to become lawful, each
//! change of a set must be able to remove every obstacle (a requirement violated or open, a gap
//! touched) that the rest of the set leaves standing, by reading the change's fact or a
//! weighing whose outcome the change alters. What a set leaves is known once it is evaluated,
//! and inferred from its subsets otherwise.

use crate::case::BoundCase;
use crate::compile::pack::{Cond, ExcId, FactId, FactType, Pack, ReqId, Val};
use crate::diagnostic::Diagnostic;
use crate::eval::cond::{atom, eval, eval_deep};
use crate::eval::tri::Tri;
use crate::eval::weigh::{WeighScratch, weigh};
use crate::eval::{Evaluator, Ground, ReqStatus, Stretch, StretchJudgment, stretches};
use crate::source::{SourceMap, Span};
use crate::summary::{CouldChange, Summary, summarize};
use crate::syntax::ast::{CaseAst, FactEntry, Name, RawValue};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The most facts changed at once, unless told otherwise.
pub const DEFAULT_MAX_CHANGES: usize = 3;
/// The most evaluations of a variation of the case, unless told otherwise.
pub const DEFAULT_BUDGET: usize = 20_000;
/// How many sets of changes may be looked at per evaluation allowed, at most: this bounds the
/// enumeration itself when pruning skips most of them without evaluating.
const CONSIDER_PER_EVALUATION: usize = 10;
/// The most values of a set fact named by conditions for which every combination is tried.
const MAX_SET_BITS: usize = 10;
/// How deep conditions are followed through tests and exceptions.
const MAX_DEPTH: usize = 64;

/// How far to search, and which facts may change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The most facts changed at once in a suggestion.
    pub max_changes: usize,
    /// The most evaluations of variations of the case; the sets of changes looked at (most
    /// pruned without evaluating) are bounded by ten times as many.
    pub budget: usize,
    /// Facts the pack declares `given` that may change all the same.
    pub vary: Vec<FactId>,
    /// Facts that must not change, whatever the pack says of them.
    pub keep: Vec<FactId>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_changes: DEFAULT_MAX_CHANGES,
            budget: DEFAULT_BUDGET,
            vary: Vec::new(),
            keep: Vec::new(),
        }
    }
}

impl Options {
    /// Whether a search may propose changing fact `f`: not a `recorded` fact (no rule reads
    /// it), not one to keep, and not one of the arrangement's givens unless asked to vary it.
    pub fn may_change(&self, pack: &Pack, f: FactId) -> bool {
        pack.facts.get(usize::from(f)).is_some_and(|d| {
            !d.recorded && !self.keep.contains(&f) && (!d.given || self.vary.contains(&f))
        })
    }
}

/// What a set of changes should bring about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// The classification settles on this side of the classification weighing, in every
    /// stretch of the period.
    Classification(u8),
    /// The arrangement is lawful over the whole period.
    Lawful,
}

/// One fact changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    /// The fact.
    pub fact: FactId,
    /// Its value now (possibly unknown).
    pub from: Val,
    /// The value tried.
    pub to: Val,
}

/// Where a case stands: its classification and lawfulness over the whole period.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Standing {
    /// The classification side, if settled in every stretch alike.
    pub side: Option<u8>,
    /// Lawfulness.
    pub lawful: Tri,
    /// The requirements violated, in order of first appearance, once each.
    pub violations: Vec<ReqId>,
    /// The lowest and highest balance of the classification weighing over the stretches.
    pub balance: (i32, i32),
    /// Whether law the pack does not encode is touched.
    pub gaps: bool,
}

/// How a requirement that stood in the way of lawfulness is disposed of after the changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// It applies and is met.
    Met,
    /// It would apply, but this exception excuses it.
    Excused(ExcId),
    /// Its `when` condition no longer holds.
    NoLongerApplies,
    /// Still violated or open in some stretch (under some classification).
    Remains,
}

/// A rule that would decide the outcome once the changes are made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decider {
    /// A factor of the classification weighing that carries the new classification.
    Factor {
        /// The weighing.
        weighing: u16,
        /// The factor's index in it.
        factor: u16,
    },
    /// A requirement that stood in the way of lawfulness, and what becomes of it.
    Requirement {
        /// The requirement.
        req: ReqId,
        /// What becomes of it, stretch by stretch (each once); with the classification assumed
        /// where it is still open in a stretch.
        now: Vec<(Option<u8>, Resolution)>,
    },
    /// A gap (law not encoded) the case no longer touches.
    Gap(u16),
}

/// A minimal set of changes that reaches a goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flip {
    /// The changes, in fact order.
    pub changes: Vec<Change>,
    /// Where the case would then stand.
    pub result: Standing,
    /// The rules that would then decide.
    pub deciding: Vec<Decider>,
}

/// The search for one goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalSearch {
    /// The goal.
    pub goal: Goal,
    /// The facts whose change could bear on it.
    pub candidates: Vec<FactId>,
    /// Minimal sets of changes found, smallest first.
    pub flips: Vec<Flip>,
    /// Requirements or gaps in the way that no fact of the case can remove (law not encoded
    /// for the period, for instance): the goal cannot be reached by changing facts.
    pub blocked_by: Vec<Decider>,
}

/// An unknown fact that could change the outcome, and where each answer would leave the case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenQuestion {
    /// The fact.
    pub fact: FactId,
    /// Whether it could change the classification (else only lawfulness).
    pub classification: bool,
    /// Each answer (one per class of values the pack tells apart) and the outcome.
    pub answers: Vec<(Val, Standing)>,
}

/// The result of a what-if search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIf {
    /// Where the case stands before any change.
    pub start: Standing,
    /// The unknown facts that could change the outcome, with what each answer gives.
    pub open: Vec<OpenQuestion>,
    /// One search per goal.
    pub goals: Vec<GoalSearch>,
    /// The most facts changed at once that were searched.
    pub max_changes: usize,
    /// The largest size of change sets searched completely.
    pub searched: usize,
    /// Variations of the case evaluated.
    pub evaluations: usize,
    /// The cap on evaluations.
    pub budget: usize,
    /// Sets of changes looked at (evaluated or pruned); bounded by the budget too.
    pub considered: usize,
    /// True when the budget cut the search short: larger sets, and some sets of the size being
    /// searched, were not tried.
    pub stopped_early: bool,
}

/// The goals worth searching from a standing: every other side of the classification, and
/// lawfulness unless the case is already lawful.
pub fn default_goals(pack: &Pack, start: &Standing) -> Vec<Goal> {
    let mut goals = Vec::new();
    if pack.classifier().is_some() {
        for side in 0..2u8 {
            if start.side != Some(side) {
                goals.push(Goal::Classification(side));
            }
        }
    }
    if start.lawful != Tri::True {
        goals.push(Goal::Lawful);
    }
    goals
}

/// Searches the default goals (see [`default_goals`]).
pub fn whatif(pack: &Pack, bound: &BoundCase, ev: &mut Evaluator, opts: &Options) -> WhatIf {
    let run = Run::new(pack, bound, ev);
    let start = run.standing();
    let goals = default_goals(pack, &start);
    search_from(run, start, &goals, opts)
}

/// Searches for the smallest sets of fact changes that reach each of `goals`, by increasing
/// size up to `opts.max_changes`, within `opts.budget` evaluations.
pub fn search(
    pack: &Pack,
    bound: &BoundCase,
    ev: &mut Evaluator,
    goals: &[Goal],
    opts: &Options,
) -> WhatIf {
    let run = Run::new(pack, bound, ev);
    let start = run.standing();
    search_from(run, start, goals, opts)
}

/// Evaluating variations of one case, reusing buffers.
struct Run<'a> {
    pack: &'a Pack,
    base: &'a [Val],
    ev: &'a mut Evaluator,
    parts: Vec<(Stretch, StretchJudgment)>,
    sum: Summary,
    facts: Vec<Val>,
    evaluations: usize,
}

impl<'a> Run<'a> {
    fn new(pack: &'a Pack, bound: &'a BoundCase, ev: &'a mut Evaluator) -> Self {
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
    fn eval(&mut self, changes: &[Change]) -> Standing {
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

    fn standing(&self) -> Standing {
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
        Standing {
            side: self.sum.side,
            lawful: self.sum.lawful,
            violations,
            balance: balance.unwrap_or((0, 0)),
            gaps: !self.sum.gaps.is_empty(),
        }
    }

    /// The passes of a stretch: the classes its lawfulness was judged under.
    fn passes(classes: u8) -> &'static [Option<u8>] {
        match classes {
            0b01 => &[Some(0)],
            0b10 => &[Some(1)],
            0b11 => &[Some(0), Some(1)],
            _ => &[None],
        }
    }

    /// The requirements violated or open, and the gaps touched, in any stretch, for the
    /// current `facts` (call after [`Run::judge`]).
    fn blockers(&mut self) -> (Vec<ReqId>, Vec<u16>) {
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
    fn resolution(&mut self, r: ReqId) -> Vec<(Option<u8>, Resolution)> {
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

/// The facts a condition reads, followed through tests and exceptions (and their exceptions).
/// With `through_class`, a condition on a weighing's outcome reads the facts of its factors.
/// Returns whether the condition depends on a weighing's outcome.
pub fn facts_read(pack: &Pack, c: &Cond, through_class: bool, out: &mut Vec<FactId>) -> bool {
    let mut r = Reader {
        pack,
        through_class,
        out,
        tests: Vec::new(),
        excs: Vec::new(),
        sides: false,
    };
    r.cond(c, 0);
    r.sides
}

/// The facts a requirement reads: its `when`, its `requires` and its exceptions, through tests.
/// Returns whether it depends on a weighing's outcome.
pub fn requirement_facts(
    pack: &Pack,
    r: ReqId,
    through_class: bool,
    out: &mut Vec<FactId>,
) -> bool {
    let Some(def) = pack.requirements.get(usize::from(r)) else {
        return false;
    };
    let mut reader = Reader {
        pack,
        through_class,
        out,
        tests: Vec::new(),
        excs: Vec::new(),
        sides: false,
    };
    if let Some(w) = &def.when {
        reader.cond(w, 0);
    }
    reader.cond(&def.requires, 0);
    for e in &def.exceptions {
        reader.exc(*e, 0);
    }
    reader.sides
}

struct Reader<'a> {
    pack: &'a Pack,
    through_class: bool,
    out: &'a mut Vec<FactId>,
    tests: Vec<u16>,
    excs: Vec<u16>,
    sides: bool,
}

impl Reader<'_> {
    fn add(&mut self, f: FactId) {
        if let Err(at) = self.out.binary_search(&f) {
            self.out.insert(at, f);
        }
    }

    fn cond(&mut self, c: &Cond, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match c {
            Cond::Test(t) => {
                if self.tests.contains(t) {
                    return;
                }
                self.tests.push(*t);
                if let Some(def) = self.pack.tests.get(usize::from(*t)) {
                    self.cond(&def.cond, depth + 1);
                    for e in &def.exceptions {
                        self.exc(*e, depth + 1);
                    }
                }
            }
            Cond::Exc(e) => self.exc(*e, depth + 1),
            Cond::Side(w, _) => {
                self.sides = true;
                if self.through_class
                    && let Some(def) = self.pack.weighings.get(usize::from(*w))
                {
                    for f in def.factors.iter().flat_map(|f| f.facts.iter()) {
                        self.add(*f);
                    }
                }
            }
            Cond::Not(x) => self.cond(x, depth + 1),
            Cond::And(xs) | Cond::Or(xs) => {
                for x in xs.iter() {
                    self.cond(x, depth + 1);
                }
            }
            Cond::Const(_) => {}
            leaf => leaf.for_each_fact(&mut |f| self.add(f)),
        }
    }

    fn exc(&mut self, e: ExcId, depth: usize) {
        if depth > MAX_DEPTH || self.excs.contains(&e) {
            return;
        }
        self.excs.push(e);
        if let Some(def) = self.pack.exceptions.get(usize::from(e)) {
            self.cond(&def.cond, depth + 1);
            for x in &def.exceptions {
                self.exc(*x, depth + 1);
            }
        }
    }
}

/// Every condition of the pack: tests, exceptions, factors, requirements and gaps.
fn all_conds(pack: &Pack) -> impl Iterator<Item = &Cond> {
    pack.tests
        .iter()
        .map(|t| &t.cond)
        .chain(pack.exceptions.iter().map(|e| &e.cond))
        .chain(
            pack.weighings
                .iter()
                .flat_map(|w| w.factors.iter().map(|f| &f.cond)),
        )
        .chain(
            pack.requirements
                .iter()
                .flat_map(|r| r.when.iter().chain(std::iter::once(&r.requires))),
        )
        .chain(pack.gaps.iter().filter_map(|g| g.when.as_ref()))
}

/// The atomic conditions on each fact, anywhere in the pack.
fn atoms(pack: &Pack) -> Vec<Vec<Cond>> {
    let mut out = vec![Vec::new(); pack.facts.len()];
    for c in all_conds(pack) {
        atoms_walk(pack, c, false, &mut out, 0);
    }
    out
}

/// The atomic conditions on each fact that the classification weighing reads, through tests
/// and exceptions.
fn class_atoms(pack: &Pack) -> Vec<Vec<Cond>> {
    let mut out = vec![Vec::new(); pack.facts.len()];
    for f in pack.classifier().into_iter().flat_map(|w| w.factors.iter()) {
        atoms_walk(pack, &f.cond, true, &mut out, 0);
    }
    out
}

fn atoms_walk(pack: &Pack, c: &Cond, follow: bool, out: &mut [Vec<Cond>], depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match c {
        Cond::Not(x) => atoms_walk(pack, x, follow, out, depth + 1),
        Cond::And(xs) | Cond::Or(xs) => xs
            .iter()
            .for_each(|x| atoms_walk(pack, x, follow, out, depth + 1)),
        Cond::Test(t) if follow => {
            if let Some(def) = pack.tests.get(usize::from(*t)) {
                atoms_walk(pack, &def.cond, follow, out, depth + 1);
                for e in &def.exceptions {
                    atoms_walk(pack, &Cond::Exc(*e), follow, out, depth + 1);
                }
            }
        }
        Cond::Exc(e) if follow => {
            if let Some(def) = pack.exceptions.get(usize::from(*e)) {
                atoms_walk(pack, &def.cond, follow, out, depth + 1);
                for x in &def.exceptions {
                    atoms_walk(pack, &Cond::Exc(*x), follow, out, depth + 1);
                }
            }
        }
        Cond::Const(_) | Cond::Test(_) | Cond::Exc(_) | Cond::Side(..) => {}
        leaf => leaf.for_each_fact(&mut |f| {
            if let Some(list) = out.get_mut(usize::from(f))
                && !list.contains(leaf)
            {
                list.push(leaf.clone());
            }
        }),
    }
}

/// How every atomic condition of the pack on a fact reads a value: two values with the same
/// signature are the same to every rule.
fn signature(atoms: &[Cond], f: FactId, v: Val, scratch: &mut Vec<Val>) -> Vec<Tri> {
    let slot = usize::from(f);
    if scratch.len() <= slot {
        scratch.resize(slot + 1, Val::Unknown);
    }
    if let Some(s) = scratch.get_mut(slot) {
        *s = v;
    }
    atoms.iter().map(|a| atom(a, scratch)).collect()
}

/// The values worth trying for a fact: one per class of values the pack tells apart, other
/// than the current value's class. Set facts are tried by adding or dropping the values the
/// pack's conditions name, starting from the current set.
fn candidate_values(pack: &Pack, atoms: &[Cond], f: FactId, current: Val) -> Vec<Val> {
    let ty = pack.facts.get(usize::from(f)).map(|d| &d.ty);
    let mut raw: Vec<Val> = Vec::new();
    match ty {
        Some(FactType::Set(_)) => {
            let base = match current {
                Val::Set(m) => m,
                _ => 0,
            };
            if current == Val::Unknown {
                raw.push(Val::Set(0));
            }
            // Only the values some condition names tell sets apart: every way of taking or
            // leaving them, the rest of the set kept, covers every class of sets.
            let named = atoms.iter().fold(0u64, |m, a| match a {
                Cond::SetHas(_, mask, _) => m | mask,
                _ => m,
            });
            let bits: Vec<u64> = (0..64)
                .map(|i| 1u64 << i)
                .filter(|b| named & b != 0)
                .collect();
            if bits.len() <= MAX_SET_BITS {
                for k in 0u64..(1u64 << bits.len()) {
                    let chosen = bits
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| k & (1u64 << i) != 0)
                        .fold(0u64, |m, (_, b)| m | b);
                    raw.push(Val::Set((base & !named) | chosen));
                }
            } else {
                // Too many to take every way: add or drop what each condition names, whole
                // and value by value.
                for a in atoms {
                    if let Cond::SetHas(_, mask, _) = a {
                        raw.push(Val::Set(base | mask));
                        raw.push(Val::Set(base & !mask));
                        for bit in bits.iter().filter(|b| mask & **b != 0) {
                            raw.push(Val::Set(base | bit));
                            raw.push(Val::Set(base & !bit));
                        }
                    }
                }
            }
        }
        Some(_) => raw.extend(
            pack.representatives
                .get(usize::from(f))
                .into_iter()
                .flatten()
                .copied(),
        ),
        None => {}
    }
    // For sets, the smallest edits first, so that the value kept for each class is the least
    // change from the current set.
    if let Some(FactType::Set(_)) = ty {
        let base = match current {
            Val::Set(m) => m,
            _ => 0,
        };
        raw.sort_by_key(|v| match v {
            Val::Set(m) => ((m ^ base).count_ones(), *m),
            _ => (0, 0),
        });
    }
    let mut scratch = Vec::new();
    let now = (current != Val::Unknown).then(|| signature(atoms, f, current, &mut scratch));
    let mut seen: Vec<Vec<Tri>> = Vec::new();
    let mut out = Vec::new();
    for v in raw {
        if v == current {
            continue;
        }
        let sig = signature(atoms, f, v, &mut scratch);
        if now.as_ref() == Some(&sig) || seen.contains(&sig) {
            continue;
        }
        seen.push(sig);
        out.push(v);
    }
    out
}

/// A candidate fact and the values to try.
struct Candidate {
    fact: FactId,
    values: Vec<Val>,
}

/// What the search knows about a goal while it runs.
struct GoalState {
    goal: Goal,
    facts: Vec<FactId>,
    /// For lawfulness: the facts of each requirement or gap in the way; a set must touch each.
    must_touch: Vec<(Decider, Vec<FactId>)>,
    /// For the classification, per stretch: the balance, whether the bound applies, the
    /// facts of factors toward the goal's side that are decisive.
    bounds: Vec<StretchBound>,
    found: Vec<Flip>,
    blocked_by: Vec<Decider>,
    /// Per candidate, per value: the class of the value as far as this goal can tell, or
    /// `None` when the goal cannot tell it from the current value (a change that changes
    /// nothing for the goal).
    classes: Vec<Vec<Option<u16>>>,
    /// The sets of (fact, class) tried for this goal.
    seen: std::collections::HashSet<Vec<(FactId, u16)>>,
    /// The (fact, class) sets of the flips found.
    found_keys: Vec<Vec<(FactId, u16)>>,
}

struct StretchBound {
    lo: i32,
    hi: i32,
    margin: i32,
    /// False when the weighing was approximated or a decisive factor toward the goal may fire.
    applies: bool,
    /// Facts of decisive factors toward the goal's side: touching one lifts the bound.
    decisive_facts: Vec<FactId>,
}

/// How far each fact can move the classification balance: the weights of the factors that
/// read it.
fn swing(pack: &Pack, f: FactId) -> i32 {
    pack.classifier().map_or(0, |w| {
        w.factors
            .iter()
            .filter(|x| x.facts.contains(&f))
            .map(|x| x.weight)
            .sum()
    })
}

fn search_from(mut run: Run<'_>, start: Standing, goals: &[Goal], opts: &Options) -> WhatIf {
    let pack = run.pack;
    let atoms = atoms(pack);
    let base: Vec<Val> = run.base.to_vec();
    let value_of = |f: FactId| base.get(usize::from(f)).copied().unwrap_or(Val::Unknown);

    // The goals, their candidate facts and what prunes them.
    let class_facts: Vec<FactId> = {
        let mut v: Vec<FactId> = pack
            .classifier()
            .map(|w| {
                w.factors
                    .iter()
                    .flat_map(|f| f.facts.iter().copied())
                    .collect()
            })
            .unwrap_or_default();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (blocking_reqs, blocking_gaps) = run.blockers();
    let mut states: Vec<GoalState> = Vec::new();
    for &goal in goals {
        let mut st = GoalState {
            goal,
            facts: Vec::new(),
            must_touch: Vec::new(),
            bounds: Vec::new(),
            found: Vec::new(),
            blocked_by: Vec::new(),
            classes: Vec::new(),
            seen: std::collections::HashSet::new(),
            found_keys: Vec::new(),
        };
        match goal {
            Goal::Classification(side) => {
                st.facts.clone_from(&class_facts);
                if let Some(w) = pack.classifier() {
                    for (_, j) in &run.parts {
                        let Some(o) = j.weighing else {
                            continue;
                        };
                        let mut decisive_facts = Vec::new();
                        let mut may_fire = false;
                        for (f, v) in w.factors.iter().zip(&j.factor_vals) {
                            if f.decisive && f.side == side {
                                decisive_facts.extend(f.facts.iter().copied());
                                may_fire |= *v != Tri::False;
                            }
                        }
                        st.bounds.push(StretchBound {
                            lo: o.lo,
                            hi: o.hi,
                            margin: w.margin,
                            applies: o.exact && !may_fire,
                            decisive_facts,
                        });
                    }
                }
            }
            Goal::Lawful => {
                for &r in &blocking_reqs {
                    let mut fs = Vec::new();
                    requirement_facts(pack, r, true, &mut fs);
                    st.must_touch.push((
                        Decider::Requirement {
                            req: r,
                            now: Vec::new(),
                        },
                        fs,
                    ));
                }
                for &g in &blocking_gaps {
                    let mut fs = Vec::new();
                    if let Some(w) = pack.gaps.get(usize::from(g)).and_then(|g| g.when.as_ref()) {
                        facts_read(pack, w, true, &mut fs);
                    }
                    st.must_touch.push((Decider::Gap(g), fs));
                }
                for (d, fs) in &st.must_touch {
                    if fs.is_empty() {
                        st.blocked_by.push(d.clone());
                    }
                }
                // A change that removes one obstacle can raise another (a consent brings in
                // the duty to inform before consenting): every requirement and gap in force in
                // the period can bear on lawfulness, so their facts are all candidates; the
                // obstacles of now only prune (a set must touch each).
                let dates: Vec<crate::date::Date> = run.parts.iter().map(|(s, _)| s.from).collect();
                let mut fs = Vec::new();
                for (i, r) in pack.requirements.iter().enumerate() {
                    if dates.iter().any(|d| r.meta.in_force(*d))
                        && let Ok(id) = ReqId::try_from(i)
                    {
                        requirement_facts(pack, id, true, &mut fs);
                    }
                }
                for g in &pack.gaps {
                    if dates.iter().any(|d| g.meta.in_force(*d))
                        && let Some(w) = &g.when
                    {
                        facts_read(pack, w, true, &mut fs);
                    }
                }
                st.facts = fs;
            }
        }
        // Only facts some value of which could matter, and which may change.
        st.facts.retain(|f| opts.may_change(pack, *f));
        states.push(st);
    }

    // The candidates: every fact some goal could use, with its values.
    let mut cand_facts: Vec<FactId> = states
        .iter()
        .flat_map(|s| s.facts.iter().copied())
        .collect();
    cand_facts.sort_unstable();
    cand_facts.dedup();
    let cands: Vec<Candidate> = cand_facts
        .into_iter()
        .filter_map(|f| {
            let values = candidate_values(
                pack,
                atoms.get(usize::from(f)).map_or(&[][..], Vec::as_slice),
                f,
                value_of(f),
            );
            (!values.is_empty()).then_some(Candidate { fact: f, values })
        })
        .collect();

    // How each goal tells the candidates' values apart.
    let by_class = class_atoms(pack);
    let mut scratch = Vec::new();
    for st in &mut states {
        st.classes = cands
            .iter()
            .map(|c| {
                let ids = || (0..c.values.len()).map(|i| u16::try_from(i).ok());
                match st.goal {
                    Goal::Lawful => ids().collect(),
                    Goal::Classification(_) => {
                        let a = by_class
                            .get(usize::from(c.fact))
                            .map_or(&[][..], Vec::as_slice);
                        let current = value_of(c.fact);
                        let now = (current != Val::Unknown)
                            .then(|| signature(a, c.fact, current, &mut scratch));
                        let sigs: Vec<Vec<Tri>> = c
                            .values
                            .iter()
                            .map(|v| signature(a, c.fact, *v, &mut scratch))
                            .collect();
                        sigs.iter()
                            .map(|sig| {
                                if now.as_ref() == Some(sig) {
                                    return None;
                                }
                                sigs.iter()
                                    .position(|x| x == sig)
                                    .and_then(|i| u16::try_from(i).ok())
                            })
                            .collect()
                    }
                }
            })
            .collect();
    }

    // What each obstacle to lawfulness reads, and what each set of changes tried leaves.
    let mut obstacles = Obstacles::new(
        pack,
        &base,
        run.parts.iter().map(|(s, _)| s.from).collect(),
        &cands,
    );
    obstacles.record(
        Vec::new(),
        obstacle_ids(pack, &blocking_reqs, &blocking_gaps),
    );

    let mut stopped_early = false;

    // The open questions: each unknown that could change the outcome, at each answer.
    let mut open = Vec::new();
    // Those that could change the classification or the lawfulness: the outcome these goals
    // are about (not those that could only change which violations are found).
    let unknowns: Vec<(FactId, bool)> = run
        .sum
        .unknowns
        .iter()
        .filter(|(_, c)| *c != CouldChange::Violations)
        .map(|(f, c)| (*f, *c == CouldChange::Classification))
        .collect();
    for (f, classification) in unknowns {
        let values = candidate_values(
            pack,
            atoms.get(usize::from(f)).map_or(&[][..], Vec::as_slice),
            f,
            Val::Unknown,
        );
        let mut answers = Vec::new();
        for v in values {
            if run.evaluations >= opts.budget {
                stopped_early = true;
                break;
            }
            let change = Change {
                fact: f,
                from: Val::Unknown,
                to: v,
            };
            answers.push((v, run.eval(&[change])));
        }
        open.push(OpenQuestion {
            fact: f,
            classification,
            answers,
        });
    }

    // The search, by increasing size.
    let n = cands.len();
    let consider_cap = opts.budget.saturating_mul(CONSIDER_PER_EVALUATION);
    let mut considered = 0usize;
    let mut searched = 0usize;
    let blocked = |st: &GoalState| !st.blocked_by.is_empty();
    'sizes: for k in 1..=opts.max_changes.min(n) {
        if stopped_early || states.iter().all(blocked) {
            break;
        }
        let mut idx: Vec<usize> = (0..k).collect();
        loop {
            considered += 1;
            if considered > consider_cap {
                stopped_early = true;
                break 'sizes;
            }
            let chosen: Vec<&Candidate> = idx.iter().filter_map(|&i| cands.get(i)).collect();
            let facts: Vec<FactId> = chosen.iter().map(|c| c.fact).collect();
            let live: Vec<usize> = states
                .iter()
                .enumerate()
                .filter(|(_, st)| !blocked(st) && worth_trying(pack, st, &facts))
                .map(|(i, _)| i)
                .collect();
            if !live.is_empty() {
                let mut odo = vec![0usize; k];
                loop {
                    considered += 1;
                    if considered > consider_cap {
                        stopped_early = true;
                        break 'sizes;
                    }
                    let changes: Vec<Change> = chosen
                        .iter()
                        .zip(&odo)
                        .filter_map(|(c, &i)| {
                            c.values.get(i).map(|&to| Change {
                                fact: c.fact,
                                from: value_of(c.fact),
                                to,
                            })
                        })
                        .collect();
                    // The goals for which this set is new and could be minimal.
                    let open_goals: Vec<(usize, Vec<(FactId, u16)>)> = live
                        .iter()
                        .filter_map(|&g| {
                            let st = states.get(g)?;
                            let key: Option<Vec<(FactId, u16)>> = idx
                                .iter()
                                .zip(&odo)
                                .map(|(&ci, &vi)| {
                                    let class = st.classes.get(ci)?.get(vi).copied().flatten()?;
                                    Some((cands.get(ci)?.fact, class))
                                })
                                .collect();
                            let key = key?;
                            let known = st.seen.contains(&key)
                                || st
                                    .found_keys
                                    .iter()
                                    .any(|fk| fk.iter().all(|x| key.contains(x)));
                            (!known && obstacles.allow(st, &key, k < opts.max_changes))
                                .then_some((g, key))
                        })
                        .collect();
                    if !open_goals.is_empty() {
                        if run.evaluations >= opts.budget {
                            stopped_early = true;
                            break 'sizes;
                        }
                        let standing = run.eval(&changes);
                        for (g, key) in open_goals {
                            let Some(st) = states.get_mut(g) else {
                                continue;
                            };
                            if st.goal == Goal::Lawful
                                && !reached(st.goal, &standing)
                                && k < opts.max_changes
                            {
                                let (reqs, gaps) = run.blockers();
                                obstacles.record(key.clone(), obstacle_ids(pack, &reqs, &gaps));
                            }
                            if reached(st.goal, &standing) {
                                let deciding = deciders(&mut run, st);
                                st.found.push(Flip {
                                    changes: changes.clone(),
                                    result: standing.clone(),
                                    deciding,
                                });
                                st.found_keys.push(key.clone());
                            }
                            st.seen.insert(key);
                        }
                    }
                    if !advance(&mut odo, |i| chosen.get(i).map_or(1, |c| c.values.len())) {
                        break;
                    }
                }
            }
            if !next_combination(&mut idx, n) {
                break;
            }
        }
        searched = k;
    }

    // Smallest first; among sets of a size, those that only settle open questions first.
    for st in &mut states {
        st.found.sort_by_key(|f| {
            let known = f.changes.iter().filter(|c| c.from != Val::Unknown).count();
            (f.changes.len(), known)
        });
    }
    WhatIf {
        start,
        open,
        goals: states
            .into_iter()
            .map(|st| GoalSearch {
                goal: st.goal,
                candidates: st.facts,
                flips: st.found,
                blocked_by: st.blocked_by,
            })
            .collect(),
        max_changes: opts.max_changes,
        searched,
        evaluations: run.evaluations,
        budget: opts.budget,
        considered,
        stopped_early,
    }
}

/// Obstacles to lawfulness by index: requirements first, then gaps after them.
fn obstacle_ids(pack: &Pack, reqs: &[ReqId], gaps: &[u16]) -> Vec<usize> {
    reqs.iter()
        .map(|r| usize::from(*r))
        .chain(
            gaps.iter()
                .map(|g| pack.requirements.len() + usize::from(*g)),
        )
        .collect()
}

/// A fact and a value, hashable.
type ValueKey = (FactId, (u8, u64));

/// A value as a hashable key.
fn val_key(v: Val) -> (u8, u64) {
    match v {
        Val::Unknown => (0, 0),
        Val::Bool(b) => (1, u64::from(b)),
        Val::Enum(i) => (2, u64::from(i)),
        Val::Set(m) => (3, m),
        Val::Country(c) => (4, u64::from(u16::from_be_bytes(c.0))),
        Val::Number(n) => (5, n),
        Val::Date(d) => (6, u64::from(d.0.cast_unsigned())),
    }
}

/// What the obstacles to lawfulness (requirements, then gaps, by index) read, and what each set
/// of changes tried leaves standing, to prune sets of changes that cannot remove them all.
///
/// An obstacle is left as it was by a change unless it reads the change's fact, or reads a
/// weighing whose outcome the change alters: so a change added to a set must touch every
/// obstacle the set leaves. What a set leaves is known exactly once it is evaluated; for a set
/// not evaluated (pruned), it is at least what each of its subsets leaves that the remaining
/// change cannot touch.
struct Obstacles<'a> {
    pack: &'a Pack,
    base: &'a [Val],
    dates: Vec<crate::date::Date>,
    /// The values of each candidate fact, by the class index the lawfulness goal uses.
    values: HashMap<FactId, Vec<Val>>,
    /// The facts each obstacle reads itself (through tests and exceptions).
    direct: Vec<Vec<FactId>>,
    /// Whether each obstacle reads the outcome of a weighing.
    reads_side: Vec<bool>,
    /// The facts the weighings read.
    weighed: Vec<FactId>,
    /// What each set of changes leaves (exactly, or at least), by (fact, class) key.
    left: HashMap<Vec<(FactId, u16)>, Vec<usize>>,
    /// The weighings' possible sides, per stretch, for a set of changes to weighed facts.
    sides: HashMap<Vec<ValueKey>, Vec<u8>>,
    scratch: WeighScratch,
    facts: Vec<Val>,
}

impl<'a> Obstacles<'a> {
    fn new(
        pack: &'a Pack,
        base: &'a [Val],
        dates: Vec<crate::date::Date>,
        cands: &[Candidate],
    ) -> Self {
        let mut direct = Vec::new();
        let mut reads_side = Vec::new();
        for r in 0..pack.requirements.len() {
            let mut fs = Vec::new();
            let side = ReqId::try_from(r).is_ok_and(|r| requirement_facts(pack, r, false, &mut fs));
            direct.push(fs);
            reads_side.push(side);
        }
        for g in &pack.gaps {
            let mut fs = Vec::new();
            let side = g
                .when
                .as_ref()
                .is_some_and(|w| facts_read(pack, w, false, &mut fs));
            direct.push(fs);
            reads_side.push(side);
        }
        let mut weighed: Vec<FactId> = pack
            .weighings
            .iter()
            .flat_map(|w| w.factors.iter().flat_map(|f| f.facts.iter().copied()))
            .collect();
        weighed.sort_unstable();
        weighed.dedup();
        Obstacles {
            pack,
            base,
            dates,
            values: cands.iter().map(|c| (c.fact, c.values.clone())).collect(),
            direct,
            reads_side,
            weighed,
            left: HashMap::new(),
            sides: HashMap::new(),
            scratch: WeighScratch::default(),
            facts: Vec::new(),
        }
    }

    /// Records what a set of changes, evaluated, leaves.
    fn record(&mut self, key: Vec<(FactId, u16)>, left: Vec<usize>) {
        self.left.insert(key, left);
    }

    fn changes(&self, key: &[(FactId, u16)]) -> Vec<Change> {
        key.iter()
            .filter_map(|&(fact, class)| {
                let to = self
                    .values
                    .get(&fact)
                    .and_then(|vs| vs.get(usize::from(class)))
                    .copied()?;
                let from = self
                    .base
                    .get(usize::from(fact))
                    .copied()
                    .unwrap_or_default();
                Some(Change { fact, from, to })
            })
            .collect()
    }

    /// The possible sides of every weighing in every stretch, with the changes to weighed facts
    /// among `changes` made.
    fn sides(&mut self, changes: &[Change]) -> Vec<u8> {
        let key: Vec<ValueKey> = changes
            .iter()
            .filter(|c| self.weighed.binary_search(&c.fact).is_ok())
            .map(|c| (c.fact, val_key(c.to)))
            .collect();
        if let Some(v) = self.sides.get(&key) {
            return v.clone();
        }
        self.facts.clear();
        self.facts.extend_from_slice(self.base);
        for c in changes {
            if self.weighed.binary_search(&c.fact).is_ok()
                && let Some(slot) = self.facts.get_mut(usize::from(c.fact))
            {
                *slot = c.to;
            }
        }
        let mut out = Vec::new();
        for &d in &self.dates {
            for w in &self.pack.weighings {
                out.push(weigh(self.pack, w, &self.facts, d, &mut self.scratch).side_mask());
            }
        }
        self.sides.insert(key, out.clone());
        out
    }

    /// Whether the change at `p` of the set `key` could remove obstacle `o`.
    fn touches(&mut self, o: usize, key: &[(FactId, u16)], p: usize) -> bool {
        let Some(&(fact, _)) = key.get(p) else {
            return true;
        };
        if self
            .direct
            .get(o)
            .is_some_and(|fs| fs.binary_search(&fact).is_ok())
        {
            return true;
        }
        if !(self.reads_side.get(o).copied().unwrap_or(false)
            && self.weighed.binary_search(&fact).is_ok())
        {
            return false;
        }
        let all = self.changes(key);
        let rest: Vec<Change> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != p)
            .map(|(_, c)| *c)
            .collect();
        self.sides(&all) != self.sides(&rest)
    }

    /// What a set leaves: as recorded, or else inferred from its subsets (at least those
    /// obstacles of a subset that the remaining change cannot touch). With `remember`, an
    /// inferred answer is kept for the larger sets to come.
    fn leaves(&mut self, key: &[(FactId, u16)], remember: bool) -> Vec<usize> {
        if let Some(l) = self.left.get(key) {
            return l.clone();
        }
        let mut out: Vec<usize> = Vec::new();
        for p in 0..key.len() {
            let rest = without(key, p);
            for o in self.leaves(&rest, true) {
                if !out.contains(&o) && !self.touches(o, key, p) {
                    out.push(o);
                }
            }
        }
        out.sort_unstable();
        if remember {
            self.left.insert(key.to_vec(), out.clone());
        }
        out
    }

    /// Whether a set could remove every obstacle: whether each of its changes can remove every
    /// obstacle the rest of the set leaves.
    fn allow(&mut self, st: &GoalState, key: &[(FactId, u16)], remember: bool) -> bool {
        st.goal != Goal::Lawful || self.leaves(key, remember).is_empty()
    }
}

/// A key with its `p`-th element left out.
fn without(key: &[(FactId, u16)], p: usize) -> Vec<(FactId, u16)> {
    key.iter()
        .enumerate()
        .filter(|(i, _)| *i != p)
        .map(|(_, x)| *x)
        .collect()
}

/// Whether a set of facts could reach the goal, by the necessary conditions alone.
fn worth_trying(pack: &Pack, st: &GoalState, facts: &[FactId]) -> bool {
    if !facts.iter().all(|f| st.facts.binary_search(f).is_ok()) {
        return false;
    }
    match st.goal {
        Goal::Lawful => st
            .must_touch
            .iter()
            .all(|(_, fs)| facts.iter().any(|f| fs.binary_search(f).is_ok())),
        Goal::Classification(side) => {
            let moved: i32 = facts.iter().map(|f| swing(pack, *f)).sum();
            st.bounds.iter().all(|b| {
                if !b.applies || facts.iter().any(|f| b.decisive_facts.contains(f)) {
                    return true;
                }
                // Each change moves the balance by at most the weights of the factors reading
                // the fact changed.
                if side == 0 {
                    b.lo + moved > b.margin
                } else {
                    b.hi - moved < -b.margin
                }
            })
        }
    }
}

fn reached(goal: Goal, s: &Standing) -> bool {
    match goal {
        Goal::Classification(side) => s.side == Some(side),
        Goal::Lawful => s.lawful == Tri::True,
    }
}

/// The rules that decide the outcome just evaluated, for a goal.
fn deciders(run: &mut Run<'_>, st: &GoalState) -> Vec<Decider> {
    match st.goal {
        Goal::Classification(_) => run
            .sum
            .grounds
            .iter()
            .filter_map(|g| match *g {
                Ground::Factor(w, f) => Some(Decider::Factor {
                    weighing: w,
                    factor: f,
                }),
                _ => None,
            })
            .collect(),
        Goal::Lawful => {
            let mut out = Vec::new();
            for (d, _) in &st.must_touch {
                match d {
                    Decider::Requirement { req, .. } => {
                        let now = run.resolution(*req);
                        out.push(Decider::Requirement { req: *req, now });
                    }
                    other => out.push(other.clone()),
                }
            }
            out
        }
    }
}

/// Advances an odometer whose digit `i` runs below `len(i)`; false when it wraps around.
fn advance(odo: &mut [usize], len: impl Fn(usize) -> usize) -> bool {
    for (i, d) in odo.iter_mut().enumerate() {
        *d += 1;
        if *d < len(i) {
            return true;
        }
        *d = 0;
    }
    false
}

/// The next `k`-combination of `0..n` in lexicographic order; false after the last.
fn next_combination(idx: &mut [usize], n: usize) -> bool {
    let k = idx.len();
    let mut i = k;
    while i > 0 {
        i -= 1;
        let limit = n - (k - i);
        let Some(v) = idx.get_mut(i) else {
            return false;
        };
        if *v < limit {
            *v += 1;
            let first = *v;
            for (off, slot) in idx.iter_mut().skip(i + 1).enumerate() {
                *slot = first + 1 + off;
            }
            return true;
        }
    }
    false
}

// ---- --set: variations of a case ---------------------------------------------------------------

/// A variation asked for with `--set fact=value`, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetArg {
    /// The fact's name.
    pub fact: String,
    /// The value as written.
    pub value: String,
}

/// Reads `fact=value` arguments and applies them to a copy of `case`, replacing the facts it
/// gives. Each argument is added to `sources` (named `--set`), so that the case binder's
/// errors (a value of the wrong type, a misspelt name, with "did you mean") point into it.
/// Returns the case with the well-formed arguments applied, those arguments, and the errors of
/// the malformed ones; bind the returned case to check the values.
pub fn apply_sets(
    case: &CaseAst,
    sets: &[String],
    sources: &mut SourceMap,
) -> (CaseAst, Vec<SetArg>, Vec<Diagnostic>) {
    let mut out = case.clone();
    let mut read = Vec::new();
    let mut errors = Vec::new();
    for arg in sets {
        let id = sources.add("--set", arg.clone());
        let whole = Span::new(id, 0, arg.len());
        let Some((name_part, value_part)) = arg.split_once('=') else {
            errors.push(Diagnostic::error(
                crate::case::Msg::NotFactValue { arg: arg.clone() },
                whole,
            ));
            continue;
        };
        let name = name_part.trim();
        let name_start = name_part.len() - name_part.trim_start().len();
        let name_span = Span::new(id, name_start, name_start + name.len());
        let value_offset = name_part.len() + 1;
        let value = value_part.trim();
        let value_start = value_offset + (value_part.len() - value_part.trim_start().len());
        let value_span = Span::new(id, value_start, value_start + value.len());
        if name.is_empty() || value.is_empty() {
            errors.push(Diagnostic::error(
                crate::case::Msg::NotFactValue { arg: arg.clone() },
                whole,
            ));
            continue;
        }
        let raw = raw_value(value, id, value_start);
        let entry = FactEntry {
            name: Name {
                text: name.to_string(),
                span: name_span,
            },
            value: raw,
            value_span,
        };
        match out.facts.iter_mut().find(|e| e.name.text == name) {
            Some(e) => *e = entry,
            None => out.facts.push(entry),
        }
        read.push(SetArg {
            fact: name.to_string(),
            value: value.to_string(),
        });
    }
    (out, read, errors)
}

/// A value written on the command line, read as the case language reads it.
fn raw_value(text: &str, id: crate::source::SourceId, offset: usize) -> RawValue {
    match text {
        "unknown" | "null" | "~" => return RawValue::Unknown,
        "true" | "yes" => return RawValue::Bool(true),
        "false" | "no" => return RawValue::Bool(false),
        _ => {}
    }
    if let Some(inner) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        let mut items = Vec::new();
        let mut pos = offset + 1;
        for part in inner.split(',') {
            let item = part.trim();
            let start = pos + (part.len() - part.trim_start().len());
            if !item.is_empty() {
                items.push((item.to_string(), Span::new(id, start, start + item.len())));
            }
            pos += part.len() + 1;
        }
        return RawValue::List(items);
    }
    if let Ok(i) = text.parse::<i64>() {
        return RawValue::Int(i);
    }
    RawValue::Text(text.to_string())
}

// ---- words -------------------------------------------------------------------------------------

/// The change in words: `fact: from → to`.
pub fn change_label(pack: &Pack, c: &Change) -> String {
    let name = pack
        .facts
        .get(usize::from(c.fact))
        .map_or("", |d| d.name.as_str());
    format!(
        "{name}: {} → {}",
        pack.show_value(c.fact, c.from),
        show_candidate(pack, c.fact, c.to)
    )
}

/// A value as a candidate: a country no rule names stands for every such country.
fn show_candidate(pack: &Pack, f: FactId, v: Val) -> String {
    if let Val::Country(code) = v {
        let mut named: Vec<String> = Vec::new();
        for c in all_conds(pack) {
            collect_countries(c, f, &mut named, 0);
        }
        if !named.iter().any(|n| n == code.as_str()) && !named.is_empty() {
            named.sort();
            return format!("a country other than {}", named.join(", "));
        }
    }
    pack.show_value(f, v)
}

fn collect_countries(c: &Cond, f: FactId, out: &mut Vec<String>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match c {
        Cond::CountryIn(x, codes) if *x == f => {
            for code in codes.iter() {
                let s = code.as_str().to_string();
                if !out.contains(&s) {
                    out.push(s);
                }
            }
        }
        Cond::Not(x) => collect_countries(x, f, out, depth + 1),
        Cond::And(xs) | Cond::Or(xs) => xs
            .iter()
            .for_each(|x| collect_countries(x, f, out, depth + 1)),
        _ => {}
    }
}

/// What the change means, in words a client understands: the `because` of a factor or the
/// `holds`/`fails` of a test that reads only this fact and the new value makes true, or else
/// the fact's question with the answer.
pub fn change_words(pack: &Pack, c: &Change, date: crate::date::Date) -> String {
    let mut facts = vec![Val::Unknown; pack.facts.len()];
    let mut before = facts.clone();
    if let Some(slot) = facts.get_mut(usize::from(c.fact)) {
        *slot = c.to;
    }
    if let Some(slot) = before.get_mut(usize::from(c.fact)) {
        *slot = c.from;
    }
    let only_this = |fs: &[FactId]| fs == [c.fact];
    // A factor that reads only this fact and fires with the new value.
    let mut best: Option<(i32, &str)> = None;
    let mut off: Option<(i32, &str)> = None;
    for w in &pack.weighings {
        for f in &w.factors {
            if !only_this(&f.facts) {
                continue;
            }
            let now = eval_deep(&f.cond, pack, &facts, date, 0);
            let was = eval_deep(&f.cond, pack, &before, date, 0);
            if now == Tri::True && best.is_none_or(|(wt, _)| f.weight > wt) {
                best = Some((f.weight, f.because.as_str()));
            }
            if now == Tri::False && was != Tri::False && off.is_none_or(|(wt, _)| f.weight > wt) {
                off = Some((f.weight, f.because.as_str()));
            }
        }
    }
    if let Some((_, because)) = best {
        return because.to_string();
    }
    // A test that reads only this fact.
    for t in &pack.tests {
        let mut fs = Vec::new();
        facts_read(pack, &t.cond, false, &mut fs);
        if !only_this(&fs) || !t.exceptions.is_empty() {
            continue;
        }
        match eval_deep(&t.cond, pack, &facts, date, 0) {
            Tri::True => {
                if let Some(h) = &t.holds {
                    return h.clone();
                }
            }
            Tri::False => {
                if let Some(h) = &t.fails {
                    return h.clone();
                }
            }
            Tri::Unknown => {}
        }
    }
    if let Some((_, because)) = off {
        return format!("it is not so that {because}");
    }
    let question = pack
        .facts
        .get(usize::from(c.fact))
        .map_or("", |d| d.ask.as_str());
    let answer = match c.to {
        Val::Bool(true) => "yes".to_string(),
        Val::Bool(false) => "no".to_string(),
        v => show_candidate(pack, c.fact, v),
    };
    format!("to “{question}” the answer is {answer}")
}

fn lawful_word(t: Tri) -> &'static str {
    match t {
        Tri::True => "lawful",
        Tri::False => "unlawful",
        Tri::Unknown => "lawfulness open",
    }
}

fn side_word(pack: &Pack, side: Option<u8>) -> String {
    match (pack.classifier(), side) {
        (Some(w), Some(s)) => w.sides.get(usize::from(s)).cloned().unwrap_or_default(),
        _ => "undecided".to_string(),
    }
}

/// A standing in a line: classification, lawfulness and the violations' codes.
pub fn standing_line(pack: &Pack, s: &Standing) -> String {
    let mut codes: Vec<&str> = Vec::new();
    for r in &s.violations {
        if let Some(def) = pack.requirements.get(usize::from(*r))
            && !codes.contains(&def.code.as_str())
        {
            codes.push(&def.code);
        }
    }
    let mut line = format!("{}, {}", side_word(pack, s.side), lawful_word(s.lawful));
    if !codes.is_empty() {
        let _ = write!(line, " ({})", codes.join(", "));
    }
    if s.gaps && s.lawful == Tri::Unknown {
        line.push_str("; touches law not encoded");
    }
    line
}

fn balance_words(pack: &Pack, s: &Standing) -> String {
    let (lo, hi) = s.balance;
    let sides = pack
        .classifier()
        .map(|w| w.sides.clone())
        .unwrap_or_default();
    let words = crate::words::words(pack.lang);
    format!(
        "balance {}",
        words.balance_range([&sides[0], &sides[1]], lo, hi)
    )
}

fn goal_title(pack: &Pack, goal: Goal) -> String {
    match goal {
        Goal::Classification(side) => {
            format!("TO BECOME {}", side_word(pack, Some(side)).to_uppercase())
        }
        Goal::Lawful => "TO BE LAWFUL".to_string(),
    }
}

fn resolution_words(pack: &Pack, r: &Resolution) -> String {
    match r {
        Resolution::Met => "met".to_string(),
        Resolution::NoLongerApplies => "no longer applies".to_string(),
        Resolution::Remains => "still in the way in part of the period".to_string(),
        Resolution::Excused(e) => pack.exceptions.get(usize::from(*e)).map_or_else(
            || "excused".to_string(),
            |x| format!("excused: {} ({})", x.meta.title, x.meta.cite()),
        ),
    }
}

fn decider_lines(pack: &Pack, d: &Decider) -> String {
    match d {
        Decider::Factor { weighing, factor } => pack
            .weighings
            .get(usize::from(*weighing))
            .and_then(|w| {
                let f = w.factors.get(usize::from(*factor))?;
                let side = w.sides.get(usize::from(f.side))?;
                let decisive = if f.decisive { ", decisive" } else { "" };
                Some(format!(
                    "+{} toward {side}{decisive}: {} ({})",
                    f.weight,
                    f.because,
                    f.meta.cite()
                ))
            })
            .unwrap_or_default(),
        Decider::Requirement { req, now } => pack
            .requirements
            .get(usize::from(*req))
            .map(|r| {
                let now: Vec<String> = now
                    .iter()
                    .map(|(class, x)| match class {
                        Some(c) => format!(
                            "if {}, {}",
                            side_word(pack, Some(*c)),
                            resolution_words(pack, x)
                        ),
                        None => resolution_words(pack, x),
                    })
                    .collect();
                format!(
                    "{} {} ({}): {}",
                    r.code,
                    r.meta.title,
                    r.meta.cite(),
                    if now.is_empty() {
                        "not in force".to_string()
                    } else {
                        now.join("; ")
                    }
                )
            })
            .unwrap_or_default(),
        Decider::Gap(g) => pack
            .gaps
            .get(usize::from(*g))
            .map(|x| {
                format!(
                    "not encoded: {} ({}): no longer touched",
                    x.meta.title,
                    x.meta.cite()
                )
            })
            .unwrap_or_default(),
    }
}

/// The plain-words summary of a flip: "To be outsourcing: …; and …."
fn plain_words(pack: &Pack, goal: Goal, flip: &Flip, date: crate::date::Date) -> String {
    let target = match goal {
        Goal::Classification(side) => format!("To be {}", side_word(pack, Some(side))),
        Goal::Lawful => match flip.result.side {
            Some(s) => format!("To be a lawful {}", side_word(pack, Some(s))),
            None => "To be lawful".to_string(),
        },
    };
    let parts: Vec<String> = flip
        .changes
        .iter()
        .map(|c| change_words(pack, c, date))
        .collect();
    format!("{target}: {}.", parts.join("; and "))
}

/// Renders a what-if search as text. `date` is the first day of the case (for the words of
/// rules in force), `shown` the most sets listed per goal.
pub fn render_text(pack: &Pack, w: &WhatIf, date: crate::date::Date, shown: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "AS IT STANDS");
    let _ = writeln!(
        out,
        "  {} ({})",
        standing_line(pack, &w.start),
        balance_words(pack, &w.start)
    );
    if !w.open.is_empty() {
        let _ = writeln!(out, "\nSETTLING THE OPEN QUESTIONS (each answer alone)");
        for q in &w.open {
            let Some(def) = pack.facts.get(usize::from(q.fact)) else {
                continue;
            };
            let _ = writeln!(
                out,
                "  {} ({}): {}",
                def.name,
                if q.classification {
                    "could change the classification"
                } else {
                    "could change lawfulness"
                },
                def.ask
            );
            // Answers that lead to the same outcome on one line.
            let mut lines: Vec<(String, Vec<String>)> = Vec::new();
            for (v, s) in &q.answers {
                let outcome = standing_line(pack, s);
                let value = show_candidate(pack, q.fact, *v);
                match lines.iter_mut().find(|(o, _)| *o == outcome) {
                    Some((_, vs)) => vs.push(value),
                    None => lines.push((outcome, vec![value])),
                }
            }
            for (outcome, values) in lines {
                let _ = writeln!(out, "    {} → {outcome}", values.join(" or "));
            }
        }
    }
    for g in &w.goals {
        let _ = writeln!(out, "\n{}", goal_title(pack, g.goal));
        if !g.blocked_by.is_empty() {
            let _ = writeln!(out, "  No change of the facts can do it; in the way:");
            for d in &g.blocked_by {
                let line = match d {
                    Decider::Requirement { req, .. } => pack
                        .requirements
                        .get(usize::from(*req))
                        .map(|r| format!("{} {} ({})", r.code, r.meta.title, r.meta.cite())),
                    Decider::Gap(x) => pack
                        .gaps
                        .get(usize::from(*x))
                        .map(|x| format!("not encoded: {} ({})", x.meta.title, x.meta.cite())),
                    Decider::Factor { .. } => None,
                };
                if let Some(line) = line {
                    let _ = writeln!(out, "    {line}");
                }
            }
            continue;
        }
        if g.flips.is_empty() {
            if w.stopped_early {
                let _ = writeln!(
                    out,
                    "  None found among the sets tried before the search stopped."
                );
            } else {
                let more = if w.searched < g.candidates.len() {
                    " (more changes at once: --max-changes)"
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "  No set of up to {} change{} would do it{more}.",
                    w.searched,
                    if w.searched == 1 { "" } else { "s" }
                );
            }
            continue;
        }
        for (i, flip) in g.flips.iter().take(shown).enumerate() {
            let n = flip.changes.len();
            let _ = writeln!(
                out,
                "  {}. {} change{} → {} ({})",
                i + 1,
                n,
                if n == 1 { "" } else { "s" },
                standing_line(pack, &flip.result),
                balance_words(pack, &flip.result)
            );
            for c in &flip.changes {
                let settle = if c.from == Val::Unknown {
                    " (settles an open question)"
                } else {
                    ""
                };
                let _ = writeln!(out, "       {}{settle}", change_label(pack, c));
            }
            let _ = writeln!(out, "     {}", plain_words(pack, g.goal, flip, date));
            if !flip.deciding.is_empty() {
                let _ = writeln!(out, "     Then decided by:");
                // Factors: those the changes bear on in full, the others by name.
                let mut along: Vec<&str> = Vec::new();
                for d in &flip.deciding {
                    if let Decider::Factor { weighing, factor } = d {
                        let f = pack
                            .weighings
                            .get(usize::from(*weighing))
                            .and_then(|w| w.factors.get(usize::from(*factor)));
                        let touched = f.is_some_and(|f| {
                            flip.changes.iter().any(|c| f.facts.contains(&c.fact))
                        });
                        if !touched {
                            if let Some(f) = f {
                                along.push(&f.meta.id);
                            }
                            continue;
                        }
                    }
                    let _ = writeln!(out, "       {}", decider_lines(pack, d));
                }
                if !along.is_empty() {
                    let _ = writeln!(
                        out,
                        "       together with the factors already in the case: {}",
                        along.join(", ")
                    );
                }
            }
        }
        if g.flips.len() > shown {
            let _ = writeln!(
                out,
                "  … and {} more set{} of changes.",
                g.flips.len() - shown,
                if g.flips.len() - shown == 1 { "" } else { "s" }
            );
        }
    }
    let _ = writeln!(out);
    if w.stopped_early {
        let _ = writeln!(
            out,
            "Stopped early after {} evaluations{} (the budget): sets of {} change{} were searched in full; larger ones were not, or only in part. Sets listed are still minimal.",
            w.evaluations,
            if w.evaluations < w.budget {
                format!(" and {} sets of changes looked at", w.considered)
            } else {
                String::new()
            },
            w.searched,
            if w.searched == 1 { "" } else { "s" }
        );
    } else {
        let _ = writeln!(
            out,
            "Searched every set of up to {} change{} ({} evaluations).",
            w.searched,
            if w.searched == 1 { "" } else { "s" },
            w.evaluations
        );
    }
    out
}
