//! The search over sets of changes: by increasing size, minimal sets only, pruned by necessary
//! conditions, within the budget.

use super::changes::{Candidate, candidate_values, signature};
use super::obstacles::{Obstacles, obstacle_ids};
use super::reads::{atoms, class_atoms, facts_read, requirement_facts};
use super::run::Run;
use super::{Change, Decider, Flip, Goal, GoalSearch, OpenQuestion, Options, Standing, WhatIf};
use crate::compile::pack::{FactId, Pack, ReqId, Val};
use crate::date::Date;
use crate::eval::Ground;
use crate::eval::tri::Tri;
use crate::summary::CouldChange;
use std::collections::HashSet;

/// How many sets of changes may be looked at per evaluation allowed, at most: this bounds the
/// enumeration itself when pruning skips most of them without evaluating.
const CONSIDER_PER_EVALUATION: usize = 10;

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
    seen: HashSet<Vec<(FactId, u16)>>,
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

/// Searches from where the case stands for the smallest sets of changes that reach each goal.
pub(super) fn search_from(
    mut run: Run<'_>,
    start: Standing,
    goals: &[Goal],
    opts: &Options,
) -> WhatIf {
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
            seen: HashSet::new(),
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
                let dates: Vec<Date> = run.parts.iter().map(|(s, _)| s.from).collect();
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
                            (!known && obstacles.allow(st.goal, &key, k < opts.max_changes))
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
