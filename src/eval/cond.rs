//! Evaluation of compiled conditions over a case's fact slots.

use super::tri::Tri;
use crate::compile::pack::{Cond, FactType, Pack, Val};
use crate::date::Date;
use std::ops::Not as _;

/// The most rule references followed while evaluating a condition against hypothetical facts.
const MAX_DEPTH: usize = 128;

/// What a condition reads: the facts, the results of rules already evaluated, and the
/// classification assumed in this pass (if any).
pub struct Env<'a> {
    /// The pack.
    pub pack: &'a Pack,
    /// Fact slots.
    pub facts: &'a [Val],
    /// Results of tests.
    pub tests: &'a [Tri],
    /// Results of exceptions.
    pub excs: &'a [Tri],
    /// For each weighing: which of its sides (bit 0, bit 1) are still possible.
    pub sides: &'a [u8],
    /// The classification side assumed in this pass.
    pub class: Option<u8>,
}

/// Evaluates a condition from cached rule results.
pub fn eval(c: &Cond, env: &Env<'_>) -> Tri {
    match c {
        Cond::Test(t) => env
            .tests
            .get(usize::from(*t))
            .copied()
            .unwrap_or(Tri::Unknown),
        Cond::Exc(e) => env
            .excs
            .get(usize::from(*e))
            .copied()
            .unwrap_or(Tri::Unknown),
        Cond::Side(w, side) => {
            if Some(*w) == env.pack.classification
                && let Some(class) = env.class
            {
                return Tri::known(class == *side);
            }
            let possible = env.sides.get(usize::from(*w)).copied().unwrap_or(0b11);
            side_truth(possible, *side)
        }
        Cond::Not(x) => eval(x, env).not(),
        Cond::And(xs) => {
            let mut acc = Tri::True;
            for x in xs.iter() {
                acc = acc.and(eval(x, env));
                if acc == Tri::False {
                    break;
                }
            }
            acc
        }
        Cond::Or(xs) => {
            let mut acc = Tri::False;
            for x in xs.iter() {
                acc = acc.or(eval(x, env));
                if acc == Tri::True {
                    break;
                }
            }
            acc
        }
        leaf => atom(leaf, env.facts),
    }
}

/// Whether side `side` is the outcome, given the mask of possible sides.
pub fn side_truth(possible: u8, side: u8) -> Tri {
    let bit = 1u8 << side;
    if possible == bit {
        Tri::True
    } else if possible & bit == 0 {
        Tri::False
    } else {
        Tri::Unknown
    }
}

/// Evaluates a condition that reads only facts (a leaf).
#[inline(always)]
pub fn atom(c: &Cond, facts: &[Val]) -> Tri {
    let get = |f: &u16| facts.get(usize::from(*f)).copied().unwrap_or(Val::Unknown);
    match c {
        Cond::Const(b) => Tri::known(*b),
        Cond::Bool(f, want) => match get(f) {
            Val::Bool(b) => Tri::known(b == *want),
            _ => Tri::Unknown,
        },
        Cond::EnumIn(f, mask) => match get(f) {
            Val::Enum(i) => Tri::known(mask & (1u64 << (i & 63)) != 0),
            _ => Tri::Unknown,
        },
        Cond::SetHas(f, mask, all) => match get(f) {
            Val::Set(s) => Tri::known(if *all {
                s & mask == *mask
            } else {
                s & mask != 0
            }),
            _ => Tri::Unknown,
        },
        Cond::CountryIn(f, codes) => match get(f) {
            Val::Country(c) => Tri::known(codes.contains(&c)),
            _ => Tri::Unknown,
        },
        Cond::Num(f, op, n) => match get(f) {
            Val::Number(x) => Tri::known(op.apply(x, *n)),
            _ => Tri::Unknown,
        },
        Cond::Date(f, op, d) => match get(f) {
            Val::Date(x) => Tri::known(op.apply(x, *d)),
            _ => Tri::Unknown,
        },
        _ => Tri::Unknown,
    }
}

/// Evaluates a condition under hypothetical facts, following tests and exceptions afresh
/// (used when weighing over the values unknown facts could take). Rules out of force on `date`
/// are false.
pub fn eval_deep(c: &Cond, pack: &Pack, facts: &[Val], date: Date, depth: usize) -> Tri {
    if depth > MAX_DEPTH {
        return Tri::Unknown;
    }
    match c {
        Cond::Test(t) => match pack.tests.get(usize::from(*t)) {
            Some(t) if t.meta.in_force(date) => {
                let mut v = eval_deep(&t.cond, pack, facts, date, depth + 1);
                for e in &t.exceptions {
                    v = v.and(exc_deep(pack, *e, facts, date, depth + 1).not());
                }
                v
            }
            _ => Tri::False,
        },
        Cond::Exc(e) => exc_deep(pack, *e, facts, date, depth + 1),
        Cond::Side(_, _) => Tri::Unknown,
        Cond::Not(x) => eval_deep(x, pack, facts, date, depth + 1).not(),
        Cond::And(xs) => {
            let mut acc = Tri::True;
            for x in xs.iter() {
                acc = acc.and(eval_deep(x, pack, facts, date, depth + 1));
                if acc == Tri::False {
                    break;
                }
            }
            acc
        }
        Cond::Or(xs) => {
            let mut acc = Tri::False;
            for x in xs.iter() {
                acc = acc.or(eval_deep(x, pack, facts, date, depth + 1));
                if acc == Tri::True {
                    break;
                }
            }
            acc
        }
        leaf => atom(leaf, facts),
    }
}

fn exc_deep(pack: &Pack, e: u16, facts: &[Val], date: Date, depth: usize) -> Tri {
    if depth > MAX_DEPTH {
        return Tri::Unknown;
    }
    match pack.exceptions.get(usize::from(e)) {
        Some(x) if x.meta.in_force(date) => {
            let mut v = eval_deep(&x.cond, pack, facts, date, depth + 1);
            for inner in &x.exceptions {
                v = v.and(exc_deep(pack, *inner, facts, date, depth + 1).not());
            }
            v
        }
        _ => Tri::False,
    }
}

/// Whether a value belongs to a fact's type (used by property tests and the case binder).
pub fn fits(ty: &FactType, v: Val) -> bool {
    match (ty, v) {
        (_, Val::Unknown) => true,
        (FactType::Bool, Val::Bool(_)) => true,
        (FactType::Number, Val::Number(_)) => true,
        (FactType::Date, Val::Date(_)) => true,
        (FactType::Country, Val::Country(_)) => true,
        (FactType::Enum(vs), Val::Enum(i)) => usize::from(i) < vs.len(),
        (FactType::Set(vs), Val::Set(m)) => vs.len() >= 64 || m >> vs.len() == 0,
        _ => false,
    }
}
