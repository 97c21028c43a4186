//! What if: the smallest sets of fact changes that would flip an outcome.
//!
//! [`search()`] looks for the smallest sets of changes to a case's facts that would settle the
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
//!
//! The module returns data only; its words are in [`crate::render::whatif`]. Its parts:
//! `run.rs` evaluates variations of the case, `reads.rs` finds the facts and conditions the
//! pack's rules read, `changes.rs` the values worth trying for a fact and what a change means,
//! `obstacles.rs` what stands in the way of lawfulness, `search.rs` the search over sets of
//! changes, and `set.rs` the variations asked for with `--set`.

mod changes;
mod obstacles;
mod reads;
mod run;
mod search;
mod set;

pub use changes::{Meaning, Tried, meaning, tried};
pub use reads::{facts_read, requirement_facts};
pub use set::{SetArg, SetError, apply_sets};

use crate::case::BoundCase;
use crate::compile::pack::{ExcId, FactId, Pack, ReqId, Val};
use crate::eval::Evaluator;
use crate::eval::tri::Tri;
use run::Run;
use search::search_from;

/// The most facts changed at once, unless told otherwise.
pub const DEFAULT_MAX_CHANGES: usize = 3;
/// The most evaluations of a variation of the case, unless told otherwise.
pub const DEFAULT_BUDGET: usize = 20_000;
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
    /// The lowest and highest balance of the classification weighing over the stretches (of
    /// two sides: toward the first; of more: of the side settled on, or the side with the most
    /// points, over the strongest other).
    pub balance: (i32, i32),
    /// The points of the classification factors that fired, toward each side (at most
    /// [`crate::check::MAX_SIDES`]), when every stretch weighed the same factors; `None` when
    /// the stretches differ, or there is no classification weighing.
    pub fired: Option<[i32; crate::check::MAX_SIDES]>,
    /// Whether a decisive factor toward the side settled on fired in some stretch.
    pub decisive: bool,
    /// Whether law the pack does not encode is touched.
    pub gaps: bool,
    /// Whether the pack's law reaches the case (true for a pack without scope items).
    pub applies: Tri,
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
