//! Weighing factors over unknown facts.
//!
//! Factors that read common facts form a group. For each group the evaluator tries every
//! combination of representative values of the group's unknown facts (few: a bool has two, an
//! enum its values), which gives the exact set of contributions the group can make; the groups'
//! sets are added up as bit sets of reachable balances. The weighing is settled only when every
//! reachable balance points the same way. An unknown fact is decisive when, for some values of
//! the other unknown facts, changing it alone changes the outcome.

use super::cond::{atom, eval_deep};
use super::tri::Tri;
use crate::compile::pack::{FactId, Pack, Val, WeighDef};
use crate::date::Date;

/// The first side is possible.
pub const SIDE0: u8 = 1;
/// The second side is possible.
pub const SIDE1: u8 = 2;
/// A balance within the margin, or decisive factors of both sides, is possible.
pub const TIE: u8 = 4;

const WORDS: usize = 8;
/// The widest span of balances weighed exactly (sum of all weights).
const MAX_RANGE: i32 = (WORDS * 64) as i32 - 1;
/// The most combinations of unknown facts tried within one group.
const MAX_COMBINATIONS: usize = 4096;

type Bits = [u64; WORDS];

/// The outcome of a weighing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct WeighOutcome {
    /// Lowest reachable balance.
    pub lo: i32,
    /// Highest reachable balance.
    pub hi: i32,
    /// Which outcomes are possible: [`SIDE0`], [`SIDE1`], [`TIE`].
    pub possible: u8,
    /// False when too many unknowns forced a coarser, still safe, approximation.
    pub exact: bool,
}

impl WeighOutcome {
    /// The side settled on, if any.
    pub fn side(&self) -> Option<u8> {
        match self.possible {
            SIDE0 => Some(0),
            SIDE1 => Some(1),
            _ => None,
        }
    }

    /// The sides a rule reading this weighing must consider (a tie could be either).
    pub fn side_mask(&self) -> u8 {
        let mut m = 0;
        if self.possible & (SIDE0 | TIE) != 0 {
            m |= 1;
        }
        if self.possible & (SIDE1 | TIE) != 0 {
            m |= 2;
        }
        m
    }
}

/// Buffers reused from case to case, so that weighing allocates nothing once warm.
#[derive(Default, Debug, Clone)]
pub struct WeighScratch {
    /// Per factor of the last weighing: fired, not fired, or unknown.
    pub factor_vals: Vec<Tri>,
    /// Decisive unknown facts of the last weighing, in slot order.
    pub decisive: Vec<FactId>,
    facts: Vec<Val>,
    contrib: Vec<(i32, u8)>,
    ranges: Vec<(usize, usize)>,
    unknown: Vec<FactId>,
    odometer: Vec<usize>,
    per_value: Vec<(i32, u8)>,
}

fn outcome(sum: i32, flags: u8, margin: i32) -> u8 {
    match flags & 3 {
        1 => SIDE0,
        2 => SIDE1,
        3 => TIE,
        _ if sum > margin => SIDE0,
        _ if sum < -margin => SIDE1,
        _ => TIE,
    }
}

fn set_bit(b: &mut Bits, i: i32) {
    if let (Ok(i), true) = (usize::try_from(i), i <= MAX_RANGE)
        && let Some(w) = b.get_mut(i / 64)
    {
        *w |= 1u64 << (i % 64);
    }
}

/// `dst |= src shifted by c` (c may be negative).
fn shift_or(dst: &mut Bits, src: &Bits, c: i32) {
    let words = i32::try_from(WORDS).unwrap_or(8);
    let q = c.div_euclid(64);
    let r = u32::try_from(c.rem_euclid(64)).unwrap_or(0);
    for (i, &w) in src.iter().enumerate() {
        if w == 0 {
            continue;
        }
        let i = i32::try_from(i).unwrap_or(0);
        let lo_idx = i + q;
        if (0..words).contains(&lo_idx)
            && let Some(d) = dst.get_mut(usize::try_from(lo_idx).unwrap_or(0))
        {
            *d |= w << r;
        }
        if r != 0
            && (0..words).contains(&(lo_idx + 1))
            && let Some(d) = dst.get_mut(usize::try_from(lo_idx + 1).unwrap_or(0))
        {
            *d |= w >> (64 - r);
        }
    }
}

fn bits_iter(b: &Bits) -> impl Iterator<Item = i32> + '_ {
    b.iter().enumerate().flat_map(|(wi, &w)| {
        let mut w = w;
        std::iter::from_fn(move || {
            if w == 0 {
                return None;
            }
            let t = w.trailing_zeros();
            w &= w - 1;
            Some(i32::try_from(wi * 64).unwrap_or(0) + i32::try_from(t).unwrap_or(0))
        })
    })
}

/// Weighs one weighing of `pack` for a case's facts on `date`.
pub fn weigh(
    pack: &Pack,
    w: &WeighDef,
    facts: &[Val],
    date: Date,
    s: &mut WeighScratch,
) -> WeighOutcome {
    s.factor_vals.clear();
    s.decisive.clear();
    let mut min_total = 0i32;
    let mut max_total = 0i32;
    for f in &w.factors {
        let v = if f.meta.in_force(date) {
            eval_deep(&f.cond, pack, facts, date, 0)
        } else {
            Tri::False
        };
        s.factor_vals.push(v);
        if f.meta.in_force(date) {
            if f.side == 0 {
                max_total += f.weight;
            } else {
                min_total -= f.weight;
            }
        }
    }
    if max_total - min_total > MAX_RANGE {
        return interval(w, facts, date, s);
    }
    let margin = w.margin;
    s.contrib.clear();
    s.ranges.clear();
    let mut exact = true;
    for g in 0..w.groups.len() {
        let start = s.contrib.len();
        if !group_contributions(pack, w, g, facts, date, None, s) {
            exact = false;
        }
        s.ranges.push((start, s.contrib.len()));
    }
    let reach = combine(&s.contrib, &s.ranges, usize::MAX, min_total);
    let mut out = WeighOutcome {
        lo: i32::MAX,
        hi: i32::MIN,
        possible: 0,
        exact,
    };
    for (flags, bits) in reach.iter().enumerate() {
        for i in bits_iter(bits) {
            let sum = i + min_total;
            out.lo = out.lo.min(sum);
            out.hi = out.hi.max(sum);
            out.possible |= outcome(sum, u8::try_from(flags).unwrap_or(0), margin);
        }
    }
    if out.possible == 0 {
        out.lo = 0;
        out.hi = 0;
        out.possible = TIE;
    }
    if out.side().is_none() {
        decisive_facts(pack, w, facts, date, min_total, s);
    }
    out
}

/// Adds group `g`'s possible (contribution, decisive flags) pairs to `s.contrib`. With `fix`,
/// one fact is held at a value. Returns false if it had to approximate.
fn group_contributions(
    pack: &Pack,
    w: &WeighDef,
    g: usize,
    facts: &[Val],
    date: Date,
    fix: Option<(FactId, Val)>,
    s: &mut WeighScratch,
) -> bool {
    let Some(group) = w.groups.get(g) else {
        return true;
    };
    s.unknown.clear();
    let mut combos = 1usize;
    let mut enumerable = true;
    for &f in &group.facts {
        let val = facts.get(usize::from(f)).copied().unwrap_or(Val::Unknown);
        if val == Val::Unknown && fix.is_none_or(|(x, _)| x != f) {
            let reps = pack.representatives.get(usize::from(f)).map_or(0, Vec::len);
            if reps == 0 {
                enumerable = false;
            }
            combos = combos.saturating_mul(reps.max(1));
            s.unknown.push(f);
        }
    }
    if !enumerable || combos > MAX_COMBINATIONS {
        per_factor_choices(w, g, s);
        return false;
    }
    s.facts.clear();
    s.facts.extend_from_slice(facts);
    if let Some((x, v)) = fix
        && let Some(slot) = s.facts.get_mut(usize::from(x))
    {
        *slot = v;
    }
    s.odometer.clear();
    s.odometer.resize(s.unknown.len(), 0);
    let start = s.contrib.len();
    loop {
        for (k, &f) in s.unknown.iter().enumerate() {
            let idx = s.odometer.get(k).copied().unwrap_or(0);
            let v = pack
                .representatives
                .get(usize::from(f))
                .and_then(|r| r.get(idx))
                .copied()
                .unwrap_or(Val::Unknown);
            if let Some(slot) = s.facts.get_mut(usize::from(f)) {
                *slot = v;
            }
        }
        let (c, flags) = score(pack, w, group.factors.iter().copied(), &s.facts, date);
        if !s
            .contrib
            .get(start..)
            .is_some_and(|xs| xs.contains(&(c, flags)))
        {
            s.contrib.push((c, flags));
        }
        // Advance the odometer.
        let mut k = 0;
        loop {
            let Some(&f) = s.unknown.get(k) else {
                return true;
            };
            let n = pack.representatives.get(usize::from(f)).map_or(1, Vec::len);
            if let Some(d) = s.odometer.get_mut(k) {
                *d += 1;
                if *d < n {
                    break;
                }
                *d = 0;
            }
            k += 1;
        }
    }
}

/// Contribution and decisive flags of some factors on fully known facts.
fn score(
    pack: &Pack,
    w: &WeighDef,
    factors: impl Iterator<Item = u16>,
    facts: &[Val],
    date: Date,
) -> (i32, u8) {
    let mut c = 0;
    let mut flags = 0u8;
    for fi in factors {
        let Some(f) = w.factors.get(usize::from(fi)) else {
            continue;
        };
        if !f.meta.in_force(date) {
            continue;
        }
        let v = match &f.cond {
            leaf @ (crate::compile::pack::Cond::Bool(..)
            | crate::compile::pack::Cond::EnumIn(..)
            | crate::compile::pack::Cond::SetHas(..)) => atom(leaf, facts),
            cond => eval_deep(cond, pack, facts, date, 0),
        };
        if v == Tri::True {
            c += if f.side == 0 { f.weight } else { -f.weight };
            if f.decisive {
                flags |= 1 << f.side;
            }
        }
    }
    (c, flags)
}

/// The coarse fallback for a group: each factor whose value is unknown may fire or not,
/// independently of the others.
fn per_factor_choices(w: &WeighDef, g: usize, s: &mut WeighScratch) {
    let Some(group) = w.groups.get(g) else {
        return;
    };
    let start = s.contrib.len();
    s.contrib.push((0, 0));
    for &fi in &group.factors {
        let (Some(f), Some(v)) = (
            w.factors.get(usize::from(fi)),
            s.factor_vals.get(usize::from(fi)),
        ) else {
            continue;
        };
        let c = if f.side == 0 { f.weight } else { -f.weight };
        let flag = if f.decisive { 1u8 << f.side } else { 0 };
        match v {
            Tri::True => {
                for x in s.contrib.get_mut(start..).into_iter().flatten() {
                    x.0 += c;
                    x.1 |= flag;
                }
            }
            Tri::Unknown => {
                let end = s.contrib.len();
                for i in start..end {
                    if let Some(&(sum, fl)) = s.contrib.get(i) {
                        let new = (sum + c, fl | flag);
                        if !s.contrib.get(start..).is_some_and(|xs| xs.contains(&new)) {
                            s.contrib.push(new);
                        }
                    }
                }
            }
            Tri::False => {}
        }
        if s.contrib.len() - start > MAX_COMBINATIONS {
            break;
        }
    }
}

/// Adds up the groups' contribution sets (skipping group `skip`) into reachable balances per
/// combination of decisive flags; bit `i` stands for balance `i + min_total`.
fn combine(
    contrib: &[(i32, u8)],
    ranges: &[(usize, usize)],
    skip: usize,
    min_total: i32,
) -> [Bits; 4] {
    // Most weighings span fewer than 64 balances: one machine word per set of flags.
    let span: i32 = -min_total
        + ranges
            .iter()
            .filter_map(|&(a, b)| contrib.get(a..b))
            .map(|xs| xs.iter().map(|x| x.0).max().unwrap_or(0).max(0))
            .sum::<i32>();
    if span < 63 {
        let small = combine_small(contrib, ranges, skip, min_total);
        let mut reach = [[0u64; WORDS]; 4];
        for (r, w) in reach.iter_mut().zip(small) {
            r[0] = w;
        }
        return reach;
    }
    let mut reach = [[0u64; WORDS]; 4];
    if let Some(r0) = reach.get_mut(0) {
        set_bit(r0, -min_total);
    }
    for (g, &(a, b)) in ranges.iter().enumerate() {
        if g == skip {
            continue;
        }
        let mut next = [[0u64; WORDS]; 4];
        for &(c, gf) in contrib.get(a..b).into_iter().flatten() {
            for (rf, bits) in reach.iter().enumerate() {
                if bits.iter().all(|w| *w == 0) {
                    continue;
                }
                let to = (rf | usize::from(gf)) & 3;
                if let Some(dst) = next.get_mut(to) {
                    shift_or(dst, bits, c);
                }
            }
        }
        reach = next;
    }
    reach
}

/// [`combine`] for spans under 64 balances.
fn combine_small(
    contrib: &[(i32, u8)],
    ranges: &[(usize, usize)],
    skip: usize,
    min_total: i32,
) -> [u64; 4] {
    let mut reach = [0u64; 4];
    reach[0] = 1u64 << u32::try_from(-min_total).unwrap_or(0).min(63);
    for (g, &(a, b)) in ranges.iter().enumerate() {
        if g == skip {
            continue;
        }
        let mut next = [0u64; 4];
        for &(c, gf) in contrib.get(a..b).into_iter().flatten() {
            for (rf, &bits) in reach.iter().enumerate() {
                if bits == 0 {
                    continue;
                }
                let shifted = if c >= 0 {
                    bits << u32::try_from(c).unwrap_or(0).min(63)
                } else {
                    bits >> u32::try_from(-c).unwrap_or(0).min(63)
                };
                if let Some(n) = next.get_mut((rf | usize::from(gf)) & 3) {
                    *n |= shifted;
                }
            }
        }
        reach = next;
    }
    reach
}

/// Finds the unknown facts that, alone, could change the weighing's outcome.
fn decisive_facts(
    pack: &Pack,
    w: &WeighDef,
    facts: &[Val],
    date: Date,
    min_total: i32,
    s: &mut WeighScratch,
) {
    for g in 0..w.groups.len() {
        let Some(group) = w.groups.get(g) else {
            continue;
        };
        let unknown_in_group: Vec<FactId> = group
            .facts
            .iter()
            .copied()
            .filter(|f| facts.get(usize::from(*f)).copied().unwrap_or(Val::Unknown) == Val::Unknown)
            .collect();
        if unknown_in_group.is_empty() {
            continue;
        }
        let others = combine(&s.contrib, &s.ranges, g, min_total);
        for &x in &unknown_in_group {
            if !s.decisive.contains(&x)
                && decisive_in_group(pack, w, g, facts, date, x, &others, min_total, s)
            {
                s.decisive.push(x);
            }
        }
    }
    s.decisive.sort_unstable();
}

/// Whether fact `x` of group `g` is decisive: for some combination of the group's other
/// unknown facts and some reachable balance of the other groups, two values of `x` lead to
/// different outcomes.
#[allow(clippy::too_many_arguments)]
fn decisive_in_group(
    pack: &Pack,
    w: &WeighDef,
    g: usize,
    facts: &[Val],
    date: Date,
    x: FactId,
    others: &[Bits; 4],
    min_total: i32,
    s: &mut WeighScratch,
) -> bool {
    let Some(group) = w.groups.get(g) else {
        return false;
    };
    let x_reps = pack
        .representatives
        .get(usize::from(x))
        .map_or(&[][..], Vec::as_slice);
    s.unknown.clear();
    let mut combos = 1usize;
    for &f in &group.facts {
        if f != x && facts.get(usize::from(f)).copied().unwrap_or(Val::Unknown) == Val::Unknown {
            let n = pack.representatives.get(usize::from(f)).map_or(0, Vec::len);
            combos = combos.saturating_mul(n.max(1));
            if n == 0 {
                combos = usize::MAX;
            }
            s.unknown.push(f);
        }
    }
    if x_reps.is_empty() || combos.saturating_mul(x_reps.len()) > MAX_COMBINATIONS {
        // Too many to try: count it decisive when the group's spread could change the outcome.
        let (a, b) = s.ranges.get(g).copied().unwrap_or((0, 0));
        s.per_value.clear();
        s.per_value
            .extend(s.contrib.get(a..b).into_iter().flatten().copied());
        return changes(others, &s.per_value, min_total, w.margin);
    }
    s.facts.clear();
    s.facts.extend_from_slice(facts);
    s.odometer.clear();
    s.odometer.resize(s.unknown.len(), 0);
    loop {
        for (k, &f) in s.unknown.iter().enumerate() {
            let idx = s.odometer.get(k).copied().unwrap_or(0);
            let v = pack
                .representatives
                .get(usize::from(f))
                .and_then(|r| r.get(idx))
                .copied()
                .unwrap_or(Val::Unknown);
            if let Some(slot) = s.facts.get_mut(usize::from(f)) {
                *slot = v;
            }
        }
        s.per_value.clear();
        for &v in x_reps {
            if let Some(slot) = s.facts.get_mut(usize::from(x)) {
                *slot = v;
            }
            let sc = score(pack, w, group.factors.iter().copied(), &s.facts, date);
            if !s.per_value.contains(&sc) {
                s.per_value.push(sc);
            }
        }
        if changes(others, &s.per_value, min_total, w.margin) {
            return true;
        }
        let mut k = 0;
        loop {
            let Some(&f) = s.unknown.get(k) else {
                return false;
            };
            let n = pack.representatives.get(usize::from(f)).map_or(1, Vec::len);
            if let Some(d) = s.odometer.get_mut(k) {
                *d += 1;
                if *d < n {
                    break;
                }
                *d = 0;
            }
            k += 1;
        }
    }
}

/// Whether, for some reachable balance of the others, the choices of `row` lead to different
/// outcomes.
fn changes(others: &[Bits; 4], row: &[(i32, u8)], min_total: i32, margin: i32) -> bool {
    if row.len() < 2 {
        return false;
    }
    for (rf, bits) in others.iter().enumerate() {
        let rf = u8::try_from(rf).unwrap_or(0);
        for i in bits_iter(bits) {
            let r = i + min_total;
            let mut first = None;
            for &(c, gf) in row {
                let o = outcome(r + c, rf | gf, margin);
                match first {
                    None => first = Some(o),
                    Some(f) if f != o => return true,
                    _ => {}
                }
            }
        }
    }
    false
}

/// Fallback when the weights span too wide a range: plain intervals, factor by factor.
fn interval(w: &WeighDef, facts: &[Val], date: Date, s: &mut WeighScratch) -> WeighOutcome {
    let (mut lo, mut hi) = (0i32, 0i32);
    let (mut d0, mut d1, mut maybe0, mut maybe1) = (false, false, false, false);
    for (f, v) in w.factors.iter().zip(&s.factor_vals) {
        if !f.meta.in_force(date) {
            continue;
        }
        let c = if f.side == 0 { f.weight } else { -f.weight };
        match v {
            Tri::True => {
                lo += c;
                hi += c;
                if f.decisive {
                    if f.side == 0 { d0 = true } else { d1 = true }
                }
            }
            Tri::Unknown => {
                if c > 0 {
                    hi += c
                } else {
                    lo += c
                }
                if f.decisive {
                    if f.side == 0 {
                        maybe0 = true
                    } else {
                        maybe1 = true
                    }
                }
                for &x in &f.facts {
                    let unknown =
                        facts.get(usize::from(x)).copied().unwrap_or(Val::Unknown) == Val::Unknown;
                    if unknown && !s.decisive.contains(&x) {
                        s.decisive.push(x);
                    }
                }
            }
            Tri::False => {}
        }
    }
    let m = w.margin;
    let mut possible = 0;
    if d0 && d1 {
        possible |= TIE;
    } else if d0 {
        possible |= if maybe1 { SIDE0 | TIE } else { SIDE0 };
    } else if d1 {
        possible |= if maybe0 { SIDE1 | TIE } else { SIDE1 };
    } else {
        if hi > m || maybe0 {
            possible |= SIDE0;
        }
        if lo < -m || maybe1 {
            possible |= SIDE1;
        }
        if (lo <= m && hi >= -m) || (maybe0 && maybe1) {
            possible |= TIE;
        }
    }
    s.decisive.sort_unstable();
    if possible == SIDE0 || possible == SIDE1 {
        s.decisive.clear();
    }
    WeighOutcome {
        lo,
        hi,
        possible,
        exact: false,
    }
}
