//! What stands in the way of lawfulness: the requirements violated or open and the gaps
//! touched, what each reads, and what each set of changes tried leaves standing, to prune the
//! sets that cannot remove them all.

use super::changes::Candidate;
use super::reads::{facts_read, requirement_facts};
use super::{Change, Goal};
use crate::compile::pack::{FactId, Pack, ReqId, Val};
use crate::date::Date;
use crate::eval::weigh::{WeighScratch, weigh};
use std::collections::HashMap;

/// Obstacles to lawfulness by index: requirements first, then gaps after them.
pub(super) fn obstacle_ids(pack: &Pack, reqs: &[ReqId], gaps: &[u16]) -> Vec<usize> {
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
pub(super) struct Obstacles<'a> {
    pack: &'a Pack,
    base: &'a [Val],
    dates: Vec<Date>,
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
    pub(super) fn new(
        pack: &'a Pack,
        base: &'a [Val],
        dates: Vec<Date>,
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
    pub(super) fn record(&mut self, key: Vec<(FactId, u16)>, left: Vec<usize>) {
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
    pub(super) fn allow(&mut self, goal: Goal, key: &[(FactId, u16)], remember: bool) -> bool {
        goal != Goal::Lawful || self.leaves(key, remember).is_empty()
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
