//! What the pack's rules read: the facts of a condition or a requirement, followed through
//! tests and exceptions, and the atomic conditions on each fact.

use super::MAX_DEPTH;
use crate::compile::pack::{Cond, ExcId, FactId, Pack, ReqId};

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
pub(super) fn all_conds(pack: &Pack) -> impl Iterator<Item = &Cond> {
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
pub(super) fn atoms(pack: &Pack) -> Vec<Vec<Cond>> {
    let mut out = vec![Vec::new(); pack.facts.len()];
    for c in all_conds(pack) {
        atoms_walk(pack, c, false, &mut out, 0);
    }
    out
}

/// The atomic conditions on each fact that the classification weighing reads, through tests
/// and exceptions.
pub(super) fn class_atoms(pack: &Pack) -> Vec<Vec<Cond>> {
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
