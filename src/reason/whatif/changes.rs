//! The changes worth trying: for each fact, the values the pack tells apart from its current
//! one; and what a change means, as the pack's own sentences can say it.

use super::reads::{all_conds, facts_read};
use super::{Change, MAX_DEPTH};
use crate::compile::pack::{Cond, FactId, FactType, Pack, TestId, Val};
use crate::date::Date;
use crate::eval::cond::{atom, eval_deep};
use crate::eval::tri::Tri;

/// The most values of a set fact named by conditions for which every combination is tried.
const MAX_SET_BITS: usize = 10;

/// How every atomic condition of the pack on a fact reads a value: two values with the same
/// signature are the same to every rule.
pub(super) fn signature(atoms: &[Cond], f: FactId, v: Val, scratch: &mut Vec<Val>) -> Vec<Tri> {
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
pub(super) fn candidate_values(pack: &Pack, atoms: &[Cond], f: FactId, current: Val) -> Vec<Val> {
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
pub(super) struct Candidate {
    /// The fact.
    pub(super) fact: FactId,
    /// The values to try, one per class of values the pack tells apart.
    pub(super) values: Vec<Val>,
}

/// A value tried for a fact, as it should be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tried {
    /// The value itself.
    Value(Val),
    /// A country that no rule of the pack names: it stands for every country other than these
    /// (the codes the rules name, sorted).
    CountryOtherThan(Vec<String>),
}

/// A value tried for fact `f`, as it should be shown: a country no rule names stands for every
/// such country.
pub fn tried(pack: &Pack, f: FactId, v: Val) -> Tried {
    if let Val::Country(code) = v {
        let mut named: Vec<String> = Vec::new();
        for c in all_conds(pack) {
            collect_countries(c, f, &mut named, 0);
        }
        if !named.iter().any(|n| n == code.as_str()) && !named.is_empty() {
            named.sort();
            return Tried::CountryOtherThan(named);
        }
    }
    Tried::Value(v)
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

/// What a change means, as the pack's own sentences can say it to a client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meaning {
    /// A factor that reads only this fact fires with the new value (the heaviest such): its
    /// `because` says it.
    Fires {
        /// The weighing.
        weighing: u16,
        /// The factor's index in it.
        factor: u16,
    },
    /// A test that reads only this fact holds (or fails) with the new value, and has a
    /// sentence for it (`holds`, or `fails`).
    Test {
        /// The test.
        test: TestId,
        /// Whether it holds.
        holds: bool,
    },
    /// A factor that reads only this fact, and fired or might have, no longer fires (the
    /// heaviest such).
    NoLongerFires {
        /// The weighing.
        weighing: u16,
        /// The factor's index in it.
        factor: u16,
    },
    /// None of these: the fact's question, answered with the new value.
    Answer,
}

/// What the change means: a factor that reads only this fact and fires with the new value, or
/// else a test that reads only this fact and has a sentence for its new result, or else a
/// factor that no longer fires, or else the fact's question with the answer. `date` is the day
/// the rules are read in force.
pub fn meaning(pack: &Pack, c: &Change, date: Date) -> Meaning {
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
    let mut best: Option<(i32, u16, u16)> = None;
    let mut off: Option<(i32, u16, u16)> = None;
    for (wi, w) in pack.weighings.iter().enumerate() {
        let Ok(wi) = u16::try_from(wi) else {
            continue;
        };
        for (fi, f) in w.factors.iter().enumerate() {
            let Ok(fi) = u16::try_from(fi) else {
                continue;
            };
            if !only_this(&f.facts) {
                continue;
            }
            let now = eval_deep(&f.cond, pack, &facts, date, 0);
            let was = eval_deep(&f.cond, pack, &before, date, 0);
            if now == Tri::True && best.is_none_or(|(wt, ..)| f.weight > wt) {
                best = Some((f.weight, wi, fi));
            }
            if now == Tri::False && was != Tri::False && off.is_none_or(|(wt, ..)| f.weight > wt) {
                off = Some((f.weight, wi, fi));
            }
        }
    }
    if let Some((_, weighing, factor)) = best {
        return Meaning::Fires { weighing, factor };
    }
    // A test that reads only this fact.
    for (ti, t) in pack.tests.iter().enumerate() {
        let Ok(test) = TestId::try_from(ti) else {
            continue;
        };
        let mut fs = Vec::new();
        facts_read(pack, &t.cond, false, &mut fs);
        if !only_this(&fs) || !t.exceptions.is_empty() {
            continue;
        }
        match eval_deep(&t.cond, pack, &facts, date, 0) {
            Tri::True if t.holds.is_some() => return Meaning::Test { test, holds: true },
            Tri::False if t.fails.is_some() => return Meaning::Test { test, holds: false },
            _ => {}
        }
    }
    if let Some((_, weighing, factor)) = off {
        return Meaning::NoLongerFires { weighing, factor };
    }
    Meaning::Answer
}
