//! Weighing factors over unknown facts.
//!
//! Factors that read common facts form a group. For each group the evaluator tries every
//! combination of representative values of the group's unknown facts (few: a bool has two, an
//! enum its values), which gives the exact set of contributions the group can make; the groups'
//! sets are added up as bit sets of reachable balances. The weighing is settled only when every
//! reachable balance points the same way. An unknown fact is decisive when, for some values of
//! the other unknown facts, changing it alone changes the outcome.
//!
//! That is the general path ([`weigh_general`]). Most cases take a faster one that finds the
//! same: a group whose factors depend on its few bool and enum facts only is looked up in a
//! table built with the pack (runs of such groups in one joint table), a group whose facts are
//! all known adds a constant, and the reachable balances usually fit one machine word.

use super::cond::{atom, eval_deep};
use super::tri::Tri;
use crate::compile::pack::{
    Cond, FactId, FactType, GroupEntry, GroupTable, Node, Pack, TableFact, Val, WeighDef,
};
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
    /// For a weighing of more than two sides: the outcome of each pair (`lo`, `hi` and
    /// `possible` are then those of its first pair).
    pub many: Option<Many>,
}

/// The outcome of a weighing of more than two sides, from its pairs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Many {
    /// The side that wins every pair it is in, if one does.
    pub settled: Option<u8>,
    /// The sides no pair excludes (bit `i` for side `i`).
    pub mask: u8,
    /// How many pairs there are.
    pub n: u8,
    /// Per pair, in the order of the weighing's pairs: its lowest and highest balance (toward
    /// the pair's first side) and its possible outcomes.
    pub pairs: [(i32, i32, u8); 3],
}

impl WeighOutcome {
    /// The side settled on, if any.
    pub fn side(&self) -> Option<u8> {
        if let Some(m) = self.many {
            return m.settled;
        }
        match self.possible {
            SIDE0 => Some(0),
            SIDE1 => Some(1),
            _ => None,
        }
    }

    /// The sides a rule reading this weighing must consider (a tie could be either).
    pub fn side_mask(&self) -> u8 {
        if let Some(m) = self.many {
            return m.mask;
        }
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
    open: Vec<Open>,
    untabled: Vec<usize>,
    /// A weighing of more than two sides: its factors' values and decisive facts, gathered
    /// pair by pair (each pair's weighing writes `factor_vals` and `decisive`), then swapped in.
    many_vals: Vec<Tri>,
    many_decisive: Vec<FactId>,
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
///
/// Most cases take a fast path: tables built with the pack, a constant for the groups whose
/// facts are all known, and the few groups with unknown facts added up in one machine word per
/// set of decisive flags. Anything wider goes the general way ([`weigh_general`]); both give
/// the same outcome, factor values and decisive facts (the module's tests compare them on
/// random cases).
pub fn weigh(
    pack: &Pack,
    w: &WeighDef,
    facts: &[Val],
    date: Date,
    s: &mut WeighScratch,
) -> WeighOutcome {
    if !w.pairs.is_empty() {
        return weigh_many(pack, w, facts, date, s, weigh);
    }
    match weigh_fast(pack, w, facts, date, s) {
        Some(o) => o,
        None => weigh_general(pack, w, facts, date, s),
    }
}

type WeighFn = fn(&Pack, &WeighDef, &[Val], Date, &mut WeighScratch) -> WeighOutcome;

/// A weighing of more than two sides, pair by pair: a side wins when it wins every pair it is
/// in (its score then exceeds every other side's by more than the margin in every reachable
/// combination of the unknown facts); the sides a rule must consider are those no pair
/// excludes (a safe over-approximation); the decisive unknown facts are those of every pair.
fn weigh_many(
    pack: &Pack,
    w: &WeighDef,
    facts: &[Val],
    date: Date,
    s: &mut WeighScratch,
    each: WeighFn,
) -> WeighOutcome {
    let n = w.sides.len();
    // Gathered in the scratch's own buffers: no allocation once they have grown.
    let mut vals = std::mem::take(&mut s.many_vals);
    vals.clear();
    vals.resize(w.factors.len(), Tri::False);
    let mut decisive = std::mem::take(&mut s.many_decisive);
    decisive.clear();
    let mut many = Many::default();
    // Pairs won per side; a weighing has at most 8 sides (its masks are bytes).
    let mut wins = [0usize; 8];
    let mut lost = 0u8;
    let mut first = WeighOutcome::default();
    let mut exact = true;
    for (k, p) in w.pairs.iter().enumerate() {
        let o = each(pack, &p.def, facts, date, s);
        exact &= o.exact;
        if k == 0 {
            first = o;
        }
        if let Some(slot) = many.pairs.get_mut(k) {
            *slot = (o.lo, o.hi, o.possible);
        }
        for (v, &i) in s.factor_vals.iter().zip(&p.factors) {
            if let Some(slot) = vals.get_mut(usize::from(i)) {
                *slot = *v;
            }
        }
        for &f in &s.decisive {
            if !decisive.contains(&f) {
                decisive.push(f);
            }
        }
        let [a, b] = p.sides;
        match o.side() {
            Some(0) => {
                if let Some(x) = wins.get_mut(usize::from(a)) {
                    *x += 1;
                }
                lost |= 1 << b;
            }
            Some(_) => {
                if let Some(x) = wins.get_mut(usize::from(b)) {
                    *x += 1;
                }
                lost |= 1 << a;
            }
            None => {}
        }
    }
    many.n = u8::try_from(w.pairs.len()).unwrap_or(0);
    let all = u8::try_from((1u16 << n) - 1).unwrap_or(u8::MAX);
    many.settled = wins
        .iter()
        .take(n)
        .position(|&x| x + 1 == n)
        .and_then(|i| u8::try_from(i).ok());
    many.mask = match many.settled {
        Some(i) => 1 << i,
        None => {
            let m = all & !lost;
            // Never fewer than two sides while undecided (and never none).
            if m.count_ones() < 2 { all } else { m }
        }
    };
    decisive.sort_unstable();
    if many.settled.is_some() {
        decisive.clear();
    }
    // The gathered values become the weighing's; the last pair's buffers are kept for reuse.
    s.many_vals = std::mem::replace(&mut s.factor_vals, vals);
    s.many_decisive = std::mem::replace(&mut s.decisive, decisive);
    WeighOutcome {
        exact,
        many: Some(many),
        ..first
    }
}

/// [`weigh`] by the general path only: every group enumerated and added up as bit sets of up
/// to 512 balances. The reference the fast path is tested against.
pub fn weigh_general(
    pack: &Pack,
    w: &WeighDef,
    facts: &[Val],
    date: Date,
    s: &mut WeighScratch,
) -> WeighOutcome {
    if !w.pairs.is_empty() {
        return weigh_many(pack, w, facts, date, s, weigh_general);
    }
    let (min_total, max_total) = factor_values(pack, w, facts, date, s);
    if max_total - min_total > MAX_RANGE {
        return interval(w, facts, date, s);
    }
    general(pack, w, facts, date, min_total, s)
}

/// Whether a fact slot is unknown (a slot past the end is).
fn is_unknown(facts: &[Val], f: FactId) -> bool {
    matches!(facts.get(usize::from(f)), None | Some(Val::Unknown))
}

/// The truth of a condition on the case's facts, as [`eval_deep`] gives it (leaves directly).
fn truth(pack: &Pack, c: &Cond, facts: &[Val], date: Date) -> Tri {
    match c {
        leaf @ (Cond::Const(_)
        | Cond::Bool(..)
        | Cond::EnumIn(..)
        | Cond::SetHas(..)
        | Cond::CountryIn(..)
        | Cond::Num(..)
        | Cond::Date(..)) => atom(leaf, facts),
        c => eval_deep(c, pack, facts, date, 0),
    }
}

/// Fills `s.factor_vals` (and clears `s.decisive`); returns the lowest and highest balance the
/// factors in force could make.
fn factor_values(
    pack: &Pack,
    w: &WeighDef,
    facts: &[Val],
    date: Date,
    s: &mut WeighScratch,
) -> (i32, i32) {
    if s.factor_vals.len() != w.factors.len() {
        s.factor_vals.clear();
        s.factor_vals.resize(w.factors.len(), Tri::False);
    }
    s.decisive.clear();
    let mut min_total = 0i32;
    let mut max_total = 0i32;
    for (f, slot) in w.factors.iter().zip(s.factor_vals.iter_mut()) {
        *slot = if f.meta.in_force(date) {
            if f.side == 0 {
                max_total += f.weight;
            } else {
                min_total -= f.weight;
            }
            truth(pack, &f.cond, facts, date)
        } else {
            Tri::False
        };
    }
    (min_total, max_total)
}

/// The general path, after [`factor_values`].
fn general(
    pack: &Pack,
    w: &WeighDef,
    facts: &[Val],
    date: Date,
    min_total: i32,
    s: &mut WeighScratch,
) -> WeighOutcome {
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
        many: None,
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

/// A group with unknown facts on the fast path: its possible contributions are
/// `s.contrib[start..end]`, the least of them `min`.
#[derive(Clone, Copy, Debug)]
struct Open {
    group: usize,
    /// How many groups it stands for (more than one for a run looked up in a joint table).
    groups: usize,
    start: usize,
    end: usize,
    min: i32,
}

/// What the fast path has gathered so far.
#[derive(Clone, Copy, Debug)]
struct Tally {
    /// The factors the groups gave values to, and how many times one was given.
    covered: u64,
    count: usize,
    /// The lowest and highest balance the factors in force could make.
    min_total: i32,
    max_total: i32,
    /// The sum, and decisive flags, of the groups that can contribute one amount only.
    known: i32,
    known_flags: u8,
    /// The sum of the least contributions of the other groups, and of their spreads.
    low: i32,
    span: i32,
    exact: bool,
}

/// The first pass of the fast path: looks up every group that has a table (runs of groups by
/// their joint table where they have one), and lists the others in `s.untabled`. `None` when
/// the spread of balances outgrows a machine word.
fn tally_tables(w: &WeighDef, facts: &[Val], s: &mut WeighScratch) -> Option<Tally> {
    let mut t = Tally {
        covered: 0,
        count: 0,
        min_total: 0,
        max_total: 0,
        known: 0,
        known_flags: 0,
        low: 0,
        span: 0,
        exact: true,
    };
    let mut g = 0;
    while let Some(group) = w.groups.get(g) {
        let found = group
            .block
            .as_ref()
            .and_then(|b| Some((b, table_entry(b, facts)?)))
            .or_else(|| {
                let table = group.table.as_ref()?;
                Some((table, table_entry(table, facts)?))
            });
        let Some((table, e)) = found else {
            t.covered |= group.mask;
            t.count += group.factors.len();
            s.untabled.push(g);
            g += 1;
            continue;
        };
        t.covered |= table.mask;
        t.count += table.factors.len();
        for (&fi, &v) in table.factors.iter().zip(&e.vals) {
            if let Some(slot) = s.factor_vals.get_mut(usize::from(fi)) {
                *slot = v;
            }
        }
        t.max_total += table.side_weights.0;
        t.min_total -= table.side_weights.1;
        let first = g;
        g += table.groups.max(1);
        if e.unknown == 0 {
            for &(c, flags) in &e.contrib {
                t.known += c;
                t.known_flags |= flags;
            }
            continue;
        }
        let start = s.contrib.len();
        s.contrib.extend_from_slice(&e.contrib);
        t.exact &= e.exact;
        let (min, max) = e.range;
        t.low += min;
        t.span += max - min;
        if t.span > 63 {
            return None;
        }
        s.open.push(Open {
            group: first,
            groups: table.groups.max(1),
            start,
            end: s.contrib.len(),
            min,
        });
    }
    Some(t)
}

/// The fast path of [`weigh`]; `None` when it does not apply (more than 64 factors, groups
/// that do not share the factors out exactly, or balances the unknown facts could reach
/// spanning more than one machine word), and the general path then takes over.
///
/// The factors are taken group by group. A group with a table (see [`group_table`]) is looked
/// up: its factors' values and its possible contributions were worked out when the pack was
/// compiled, for every pattern of known and unknown values of its facts. Otherwise its factors
/// are evaluated; if none of its facts is unknown it can contribute one amount only (the
/// weights of its factors that fired: exactly what enumerating it would find), else it is
/// enumerated as in the general path. The single amounts are added into a constant and the
/// other groups' sets of contributions added up as bit sets whose bit `i` stands for balance
/// `base + i`, `base` being the least balance reachable. The reachable balances are the same
/// as the general path's, so the outcome is too.
fn weigh_fast(
    pack: &Pack,
    w: &WeighDef,
    facts: &[Val],
    date: Date,
    s: &mut WeighScratch,
) -> Option<WeighOutcome> {
    let n = w.factors.len();
    // A weighing of more than two sides is weighed pair by pair (each pair by this path).
    if n > 64 || !w.pairs.is_empty() {
        return None;
    }
    if s.factor_vals.len() != n {
        s.factor_vals.clear();
        s.factor_vals.resize(n, Tri::False);
    }
    s.decisive.clear();
    s.contrib.clear();
    s.open.clear();
    s.untabled.clear();
    let mut t = tally_tables(w, facts, s)?;
    let mut copied = false;
    for k in 0..s.untabled.len() {
        let Some(g) = s.untabled.get(k).copied() else {
            continue;
        };
        let Some(group) = w.groups.get(g) else {
            continue;
        };
        for &fi in &group.factors {
            let Some(f) = w.factors.get(usize::from(fi)) else {
                continue;
            };
            let v = if f.meta.in_force(date) {
                if f.side == 0 {
                    t.max_total += f.weight;
                } else {
                    t.min_total -= f.weight;
                }
                truth(pack, &f.cond, facts, date)
            } else {
                Tri::False
            };
            if let Some(slot) = s.factor_vals.get_mut(usize::from(fi)) {
                *slot = v;
            }
        }
        let unknown = group
            .facts
            .iter()
            .filter(|&&f| is_unknown(facts, f))
            .count();
        if unknown == 0 {
            for &fi in &group.factors {
                if s.factor_vals.get(usize::from(fi)) == Some(&Tri::True)
                    && let Some(f) = w.factors.get(usize::from(fi))
                {
                    t.known += if f.side == 0 { f.weight } else { -f.weight };
                    if f.decisive {
                        t.known_flags |= 1 << f.side;
                    }
                }
            }
            continue;
        }
        let start = s.contrib.len();
        if unknown == group.facts.len() && !group.all_unknown.is_empty() {
            // Worked out when the pack was compiled.
            s.contrib.extend_from_slice(&group.all_unknown);
        } else {
            if !copied {
                // One copy of the facts per weighing; each group restores what it varies.
                s.facts.clear();
                s.facts.extend_from_slice(facts);
                copied = true;
            }
            if !open_contributions(pack, w, g, facts, date, s) {
                t.exact = false;
            }
        }
        let end = s.contrib.len();
        let row = s.contrib.get(start..end).unwrap_or(&[]);
        let min = row.iter().map(|x| x.0).min().unwrap_or(0);
        let max = row.iter().map(|x| x.0).max().unwrap_or(0);
        t.low += min;
        t.span += max - min;
        if t.span > 63 {
            return None;
        }
        s.open.push(Open {
            group: g,
            groups: 1,
            start,
            end,
            min,
        });
    }
    let all = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
    if t.count != n || t.covered != all {
        return None;
    }
    let Tally {
        min_total,
        max_total,
        known,
        known_flags,
        low,
        exact,
        ..
    } = t;
    if max_total - min_total > MAX_RANGE {
        return Some(interval(w, facts, date, s));
    }
    let base = known + low;
    if s.open.is_empty() {
        // Every fact known: one balance.
        return Some(WeighOutcome {
            lo: known,
            hi: known,
            possible: outcome(known, known_flags, w.margin),
            exact,
            many: None,
        });
    }
    let mut reach = [0u64; 4];
    if let Some(r) = reach.get_mut(usize::from(known_flags & 3)) {
        *r = 1;
    }
    for o in &s.open {
        reach = add_group(&reach, s.contrib.get(o.start..o.end).unwrap_or(&[]), o.min);
    }
    let mut out = WeighOutcome {
        lo: i32::MAX,
        hi: i32::MIN,
        possible: 0,
        exact,
        many: None,
    };
    for (flags, &bits) in reach.iter().enumerate() {
        if bits == 0 {
            continue;
        }
        // Bits are below 64, so these conversions cannot fail.
        let first = i32::try_from(bits.trailing_zeros()).unwrap_or(0);
        let last = 63 - i32::try_from(bits.leading_zeros()).unwrap_or(0);
        out.lo = out.lo.min(base + first);
        out.hi = out.hi.max(base + last);
        out.possible |= match flags {
            1 => SIDE0,
            2 => SIDE1,
            3 => TIE,
            _ => plain_outcomes(bits, base, w.margin),
        };
    }
    if out.possible == 0 {
        out.lo = 0;
        out.hi = 0;
        out.possible = TIE;
    }
    if out.side().is_none() {
        // Finding the decisive facts takes the groups one by one.
        let (known, known_flags, low) = split_runs(w, facts, s, known, known_flags, low);
        if !copied {
            s.facts.clear();
            s.facts.extend_from_slice(facts);
        }
        decisive_fast(pack, w, facts, date, known, known_flags, low, s);
    }
    Some(out)
}

/// Replaces each run of groups with unknown facts that was looked up in a joint table by its
/// groups, looked up in their own tables: those with unknown facts become open groups, the
/// others' single contributions join the constant. Returns the new constant, its flags and
/// the new sum of the least contributions. The reachable balances stay the same.
fn split_runs(
    w: &WeighDef,
    facts: &[Val],
    s: &mut WeighScratch,
    mut known: i32,
    mut known_flags: u8,
    mut low: i32,
) -> (i32, u8, i32) {
    let mut k = 0;
    while let Some(o) = s.open.get(k).copied() {
        if o.groups <= 1 {
            k += 1;
            continue;
        }
        s.open.swap_remove(k);
        low -= o.min;
        for g in o.group..o.group + o.groups {
            // The run's look-up succeeded, so its groups' succeed too (same facts).
            let Some(e) = w
                .groups
                .get(g)
                .and_then(|x| x.table.as_ref())
                .and_then(|t| table_entry(t, facts))
            else {
                continue;
            };
            if e.unknown == 0 {
                for &(c, flags) in &e.contrib {
                    known += c;
                    known_flags |= flags;
                }
                continue;
            }
            let start = s.contrib.len();
            s.contrib.extend_from_slice(&e.contrib);
            low += e.range.0;
            s.open.push(Open {
                group: g,
                groups: 1,
                start,
                end: s.contrib.len(),
                min: e.range.0,
            });
        }
    }
    (known, known_flags, low)
}

/// Adds one group's contributions (the least of them `min`) to word-sized reachable sets.
fn add_group(reach: &[u64; 4], row: &[(i32, u8)], min: i32) -> [u64; 4] {
    let mut next = [0u64; 4];
    for &(c, gf) in row {
        // The caller keeps every sum within the word: 0 <= c - min <= 63.
        let shift = u32::try_from(c - min).unwrap_or(0).min(63);
        if gf == 0 {
            // No decisive factor: each set of flags stays as it is.
            for (n, &bits) in next.iter_mut().zip(reach) {
                *n |= bits << shift;
            }
            continue;
        }
        for (rf, &bits) in reach.iter().enumerate() {
            if bits == 0 {
                continue;
            }
            if let Some(n) = next.get_mut((rf | usize::from(gf)) & 3) {
                *n |= bits << shift;
            }
        }
    }
    next
}

/// Whether some bit from `lo` to `hi` (bit numbers, clipped to the word) is set.
fn any_in(bits: u64, lo: i64, hi: i64) -> bool {
    let lo = lo.max(0);
    let hi = hi.min(63);
    if lo > hi {
        return false;
    }
    let (Ok(lo), Ok(hi)) = (u32::try_from(lo), u32::try_from(hi)) else {
        return false;
    };
    let mask = (u64::MAX >> (63 - hi)) & (u64::MAX << lo);
    bits & mask != 0
}

/// The outcomes of the balances `base + i` for the bits `i` of `bits`, without decisive
/// factors ([`outcome`] with no flags, a range at a time).
fn plain_outcomes(bits: u64, base: i32, margin: i32) -> u8 {
    let mut p = 0;
    for (o, lo, hi) in regions(0, 0, margin) {
        if any_in(bits, lo - i64::from(base), hi - i64::from(base)) {
            p |= o;
        }
    }
    p
}

/// The balances `r` for which [`outcome`]`(r + c, flags, margin)` gives each outcome, as
/// (outcome, first, last) ranges (an empty one has first > last). Without decisive flags the
/// outcome is the first side above the margin, the second below minus the margin, else a tie.
fn regions(c: i32, flags: u8, margin: i32) -> [(u8, i64, i64); 3] {
    const LOW: i64 = i64::MIN / 4;
    const HIGH: i64 = i64::MAX / 4;
    const NONE: (u8, i64, i64) = (0, 1, 0);
    match flags & 3 {
        1 => [(SIDE0, LOW, HIGH), NONE, NONE],
        2 => [(SIDE1, LOW, HIGH), NONE, NONE],
        3 => [(TIE, LOW, HIGH), NONE, NONE],
        _ => {
            let (m, c) = (i64::from(margin), i64::from(c));
            [
                (SIDE0, m + 1 - c, HIGH),
                (SIDE1, LOW, m.min(-m - 1) - c),
                (TIE, -m - c, m - c),
            ]
        }
    }
}

/// [`changes`] for word-sized sets: bit `i` of `others[flags]` stands for balance `base + i`.
/// Two choices lead to different outcomes for some balance when a range where the first gives
/// one outcome meets a range where the second gives another at a reachable balance.
fn changes_word(others: &[u64; 4], base: i32, row: &[(i32, u8)], margin: i32) -> bool {
    let Some((&(c0, f0), rest)) = row.split_first() else {
        return false;
    };
    let base = i64::from(base);
    for (rf, &bits) in (0u8..).zip(others) {
        if bits == 0 {
            continue;
        }
        let first = regions(c0, rf | f0, margin);
        for &(c, gf) in rest {
            let other = regions(c, rf | gf, margin);
            for &(o1, a1, b1) in &first {
                for &(o2, a2, b2) in &other {
                    if o1 != o2 && any_in(bits, a1.max(a2) - base, b1.min(b2) - base) {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// [`decisive_facts`] on the fast path.
#[allow(clippy::too_many_arguments)]
fn decisive_fast(
    pack: &Pack,
    w: &WeighDef,
    facts: &[Val],
    date: Date,
    known: i32,
    known_flags: u8,
    low: i32,
    s: &mut WeighScratch,
) {
    for k in 0..s.open.len() {
        let Some(o) = s.open.get(k).copied() else {
            continue;
        };
        let Some(group) = w.groups.get(o.group) else {
            continue;
        };
        // The balances the other groups can reach, bit `i` standing for `base + i`.
        let base = known + low - o.min;
        let mut others = [0u64; 4];
        if let Some(r) = others.get_mut(usize::from(known_flags & 3)) {
            *r = 1;
        }
        for (i, p) in s.open.iter().enumerate() {
            if i != k {
                others = add_group(&others, s.contrib.get(p.start..p.end).unwrap_or(&[]), p.min);
            }
        }
        // What one fact of the group can do, taking the others' values with it, the whole
        // group can: if the group's contributions never change the outcome, no fact of it is
        // decisive (and when the group could not be enumerated this is the general answer).
        let row = s.contrib.get(o.start..o.end).unwrap_or(&[]);
        if !changes_word(&others, base, row, w.margin) {
            continue;
        }
        let unknowns = group
            .facts
            .iter()
            .filter(|&&f| is_unknown(facts, f))
            .count();
        for &x in &group.facts {
            if !is_unknown(facts, x) || s.decisive.contains(&x) {
                continue;
            }
            // With one unknown fact the rows of the general test are the group's
            // contributions themselves, which do change the outcome.
            if unknowns == 1 || decisive_in_open_group(pack, w, group, date, x, &others, base, s) {
                s.decisive.push(x);
            }
        }
    }
    s.decisive.sort_unstable();
}

/// [`decisive_in_group`] on the fast path, for a group whose contributions can change the
/// outcome. `s.facts` holds the case's facts and is left so.
#[allow(clippy::too_many_arguments)]
fn decisive_in_open_group(
    pack: &Pack,
    w: &WeighDef,
    group: &crate::compile::pack::FactorGroup,
    date: Date,
    x: FactId,
    others: &[u64; 4],
    base: i32,
    s: &mut WeighScratch,
) -> bool {
    let x_reps = pack
        .representatives
        .get(usize::from(x))
        .map_or(&[][..], Vec::as_slice);
    s.unknown.clear();
    let mut combos = 1usize;
    for &f in &group.facts {
        if f != x && matches!(s.facts.get(usize::from(f)), None | Some(Val::Unknown)) {
            let n = pack.representatives.get(usize::from(f)).map_or(0, Vec::len);
            combos = combos.saturating_mul(n.max(1));
            if n == 0 {
                combos = usize::MAX;
            }
            s.unknown.push(f);
        }
    }
    if x_reps.is_empty() || combos.saturating_mul(x_reps.len()) > MAX_COMBINATIONS {
        // The general path answers with the group's contributions, which change the outcome.
        return true;
    }
    s.odometer.clear();
    s.odometer.resize(s.unknown.len(), 0);
    let mut found = false;
    loop {
        set_from_odometer(pack, &s.unknown, &s.odometer, &mut s.facts);
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
        if changes_word(others, base, &s.per_value, w.margin) {
            found = true;
            break;
        }
        if !advance(pack, &s.unknown, &mut s.odometer) {
            break;
        }
    }
    // Put the unknown facts back.
    for &f in s.unknown.iter().chain(std::iter::once(&x)) {
        if let Some(slot) = s.facts.get_mut(usize::from(f)) {
            *slot = Val::Unknown;
        }
    }
    found
}

/// Sets each fact of `unknown` to the representative value its odometer digit points at.
fn set_from_odometer(pack: &Pack, unknown: &[FactId], odometer: &[usize], facts: &mut [Val]) {
    for (&f, &idx) in unknown.iter().zip(odometer) {
        let v = pack
            .representatives
            .get(usize::from(f))
            .and_then(|r| r.get(idx))
            .copied()
            .unwrap_or(Val::Unknown);
        if let Some(slot) = facts.get_mut(usize::from(f)) {
            *slot = v;
        }
    }
}

/// Moves an odometer over the representative values of `unknown` one step; false when it has
/// gone all the way round.
fn advance(pack: &Pack, unknown: &[FactId], odometer: &mut [usize]) -> bool {
    for (&f, d) in unknown.iter().zip(odometer.iter_mut()) {
        let n = pack.representatives.get(usize::from(f)).map_or(1, Vec::len);
        *d += 1;
        if *d < n {
            return true;
        }
        *d = 0;
    }
    false
}

/// The entry of a group's table for the case's facts; `None` when a fact has a value the table
/// does not cover (a value of the wrong type, or an enum index out of range).
fn table_entry<'t>(t: &'t GroupTable, facts: &[Val]) -> Option<&'t GroupEntry> {
    let mut index = 0usize;
    let mut scale = 1usize;
    for &(f, kind) in &t.facts {
        let digit = match (facts.get(usize::from(f)), kind) {
            (None | Some(Val::Unknown), _) => 0,
            (Some(Val::Bool(b)), TableFact::Bool) => 1 + usize::from(*b),
            (Some(Val::Enum(i)), TableFact::Enum(n)) if *i < n => 1 + usize::from(*i),
            _ => return None,
        };
        index += digit * scale;
        scale *= kind.values() + 1;
    }
    t.entries.get(index)
}

/// The most entries of a group's table.
const MAX_TABLE: usize = 256;

/// A table for group `g` of `w`, when its factors have no dates in force and read no test or
/// exception (so that they depend on the group's own facts only, whatever the case and the
/// date), its facts are all bools or enums, and the table is small. One entry per pattern of
/// the facts' values, unknown included, with what [`weigh`] would find for the group: the
/// factors' values and the distinct (contribution, decisive flags) pairs. Built once per pack.
pub(crate) fn group_table(pack: &Pack, w: &WeighDef, g: usize) -> Option<GroupTable> {
    let group = w.groups.get(g)?;
    if !timeless(w, group) {
        return None;
    }
    let mut facts_kinds = Vec::new();
    let mut size = 1usize;
    for &f in &group.facts {
        let kind = match &pack.facts.get(usize::from(f))?.ty {
            FactType::Bool => TableFact::Bool,
            FactType::Enum(vs) => TableFact::Enum(u8::try_from(vs.len()).ok()?),
            _ => return None,
        };
        size = size.checked_mul(kind.values() + 1)?;
        if size > MAX_TABLE {
            return None;
        }
        facts_kinds.push((f, kind));
    }
    let mut side_weights = (0i32, 0i32);
    for &fi in &group.factors {
        let f = w.factors.get(usize::from(fi))?;
        if f.side == 0 {
            side_weights.0 += f.weight;
        } else {
            side_weights.1 += f.weight;
        }
    }
    let mut entries = Vec::with_capacity(size);
    let mut facts = vec![Val::Unknown; pack.facts.len()];
    // No factor has dates, so any day will do.
    let date = Date::MIN;
    for index in 0..size {
        let mut rest = index;
        let mut unknown = 0u8;
        for &(f, kind) in &facts_kinds {
            let base = kind.values() + 1;
            let digit = rest % base;
            rest /= base;
            let v = match (digit, kind) {
                (0, _) => {
                    unknown += 1;
                    Val::Unknown
                }
                (d, TableFact::Bool) => Val::Bool(d == 2),
                (d, TableFact::Enum(_)) => Val::Enum(u8::try_from(d - 1).ok()?),
            };
            *facts.get_mut(usize::from(f))? = v;
        }
        let mut s = WeighScratch {
            facts: facts.clone(),
            factor_vals: vec![Tri::False; w.factors.len()],
            ..WeighScratch::default()
        };
        let mut vals = Vec::with_capacity(group.factors.len());
        for &fi in &group.factors {
            let f = w.factors.get(usize::from(fi))?;
            let v = truth(pack, &f.cond, &facts, date);
            *s.factor_vals.get_mut(usize::from(fi))? = v;
            vals.push(v);
        }
        let exact = open_contributions(pack, w, g, &facts, date, &mut s);
        let min = s.contrib.iter().map(|x| x.0).min().unwrap_or(0);
        let max = s.contrib.iter().map(|x| x.0).max().unwrap_or(0);
        entries.push(GroupEntry {
            vals,
            contrib: s.contrib,
            range: (min, max),
            unknown,
            exact,
        });
    }
    Some(GroupTable {
        groups: 1,
        factors: group.factors.clone(),
        mask: group.mask,
        facts: facts_kinds,
        side_weights,
        entries,
    })
}

/// The most entries of the table of a run of groups.
const MAX_BLOCK: usize = 256;

/// For each group of `w`, the table of the run of groups it starts, if any: runs of two or
/// more consecutive groups with tables (see [`group_table`]) whose tables' sizes multiply to
/// at most [`MAX_BLOCK`]. An entry of the run is the entries of its groups together: their
/// factors' values side by side and every sum of one contribution of each (the groups' facts
/// are distinct, so their values vary independently). Built once per pack, from the groups'
/// tables.
pub(crate) fn group_blocks(w: &WeighDef) -> Vec<Option<GroupTable>> {
    let mut out: Vec<Option<GroupTable>> = vec![None; w.groups.len()];
    let mut g = 0;
    while g < w.groups.len() {
        let mut end = g;
        let mut size = 1usize;
        while let Some(t) = w.groups.get(end).and_then(|x| x.table.as_ref()) {
            match size.checked_mul(t.entries.len()) {
                Some(n) if n <= MAX_BLOCK => size = n,
                _ => break,
            }
            end += 1;
        }
        if end - g >= 2 {
            let tables: Vec<&GroupTable> = w
                .groups
                .get(g..end)
                .into_iter()
                .flatten()
                .filter_map(|x| x.table.as_ref())
                .collect();
            if let Some(slot) = out.get_mut(g) {
                *slot = Some(join_tables(&tables, size));
            }
            g = end;
        } else {
            g += 1;
        }
    }
    out
}

/// The table of several groups' tables together (see [`group_blocks`]); `size` is the product
/// of their sizes.
fn join_tables(tables: &[&GroupTable], size: usize) -> GroupTable {
    let mut entries = Vec::with_capacity(size);
    for index in 0..size {
        let mut rest = index;
        let mut entry = GroupEntry {
            vals: Vec::new(),
            contrib: vec![(0, 0)],
            range: (0, 0),
            unknown: 0,
            exact: true,
        };
        for t in tables {
            let n = t.entries.len().max(1);
            let Some(e) = t.entries.get(rest % n) else {
                continue;
            };
            rest /= n;
            entry.vals.extend_from_slice(&e.vals);
            let mut sums: Vec<(i32, u8)> = Vec::new();
            for &(a, fa) in &entry.contrib {
                for &(c, fc) in &e.contrib {
                    let x = (a + c, fa | fc);
                    if !sums.contains(&x) {
                        sums.push(x);
                    }
                }
            }
            entry.contrib = sums;
            entry.range = (entry.range.0 + e.range.0, entry.range.1 + e.range.1);
            entry.unknown += e.unknown;
            entry.exact &= e.exact;
        }
        entries.push(entry);
    }
    GroupTable {
        groups: tables.len(),
        factors: tables
            .iter()
            .flat_map(|t| t.factors.iter().copied())
            .collect(),
        mask: tables.iter().fold(0, |m, t| m | t.mask),
        facts: tables
            .iter()
            .flat_map(|t| t.facts.iter().copied())
            .collect(),
        side_weights: tables.iter().fold((0, 0), |(a, b), t| {
            (a + t.side_weights.0, b + t.side_weights.1)
        }),
        entries,
    }
}

/// Whether a group's factors have no dates in force and read no test or exception.
fn timeless(w: &WeighDef, group: &crate::compile::pack::FactorGroup) -> bool {
    group.factors.iter().all(|&fi| {
        w.factors.get(usize::from(fi)).is_some_and(|f| {
            let mut reads_rules = false;
            f.cond.for_each_ref(&mut |n| {
                if matches!(n, Node::Test(_) | Node::Exc(_)) {
                    reads_rules = true;
                }
            });
            !reads_rules && f.meta.from.is_none() && f.meta.until.is_none()
        })
    })
}

/// What group `g` of `w` can contribute when all its facts are unknown, if that is the same in
/// every case and on every date: when its factors have no dates in force and read no test or
/// exception (only the group's own facts, then). The distinct (contribution, decisive flags)
/// pairs, as [`weigh`] would enumerate them; empty when that is not so, or when enumerating
/// would approximate. Computed once per pack.
pub(crate) fn all_unknown_row(pack: &Pack, w: &WeighDef, g: usize) -> Vec<(i32, u8)> {
    let Some(group) = w.groups.get(g) else {
        return Vec::new();
    };
    if !timeless(w, group) {
        return Vec::new();
    }
    let facts = vec![Val::Unknown; pack.facts.len()];
    let mut s = WeighScratch {
        facts: facts.clone(),
        factor_vals: vec![Tri::Unknown; w.factors.len()],
        ..WeighScratch::default()
    };
    // No factor has dates, so any day will do.
    if open_contributions(pack, w, g, &facts, Date::MIN, &mut s) {
        s.contrib
    } else {
        Vec::new()
    }
}

/// Adds the possible contributions of group `g`, which has unknown facts, to `s.contrib`, as
/// [`group_contributions`] does; `s.facts` holds the case's facts and is left so. Returns false
/// if it had to approximate.
fn open_contributions(
    pack: &Pack,
    w: &WeighDef,
    g: usize,
    facts: &[Val],
    date: Date,
    s: &mut WeighScratch,
) -> bool {
    let Some(group) = w.groups.get(g) else {
        return true;
    };
    s.unknown.clear();
    let mut combos = 1usize;
    let mut enumerable = true;
    for &f in &group.facts {
        if is_unknown(facts, f) {
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
    s.odometer.clear();
    s.odometer.resize(s.unknown.len(), 0);
    let start = s.contrib.len();
    loop {
        set_from_odometer(pack, &s.unknown, &s.odometer, &mut s.facts);
        let sc = score(pack, w, group.factors.iter().copied(), &s.facts, date);
        if !s.contrib.get(start..).is_some_and(|xs| xs.contains(&sc)) {
            s.contrib.push(sc);
        }
        if !advance(pack, &s.unknown, &mut s.odometer) {
            break;
        }
    }
    for &f in &s.unknown {
        if let Some(slot) = s.facts.get_mut(usize::from(f)) {
            *slot = Val::Unknown;
        }
    }
    true
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
        set_from_odometer(pack, &s.unknown, &s.odometer, &mut s.facts);
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
        set_from_odometer(pack, &s.unknown, &s.odometer, &mut s.facts);
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
        many: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::reference::random;
    use proptest::prelude::*;
    use std::cell::RefCell;

    thread_local! {
        static SCRATCH: RefCell<WeighScratch> = RefCell::default();
    }

    /// Weighs every weighing of every pack both ways (the fast path reusing its scratch from
    /// case to case); returns whether the fast path answered, and whether it was undecided.
    fn compare(seeds: &[u64], d: u64) -> Result<Vec<(bool, bool)>, TestCaseError> {
        let lib = random::library();
        let mut seen = Vec::new();
        for pack in &lib.packs {
            let facts = random::facts(pack, seeds);
            let date = random::date(pack, d);
            for w in &pack.weighings {
                let mut b = WeighScratch::default();
                let want = weigh_general(pack, w, &facts, date, &mut b);
                SCRATCH.with(|cell| -> Result<(), TestCaseError> {
                    let s = &mut *cell.borrow_mut();
                    let fast = weigh_fast(pack, w, &facts, date, s);
                    if let Some(o) = fast {
                        prop_assert_eq!(o, want);
                        prop_assert_eq!(&s.factor_vals, &b.factor_vals);
                        prop_assert_eq!(&s.decisive, &b.decisive);
                    }
                    let got = weigh(pack, w, &facts, date, s);
                    prop_assert_eq!(got, want);
                    prop_assert_eq!(&s.factor_vals, &b.factor_vals);
                    prop_assert_eq!(&s.decisive, &b.decisive);
                    seen.push((fast.is_some(), want.side().is_none()));
                    Ok(())
                })?;
            }
        }
        Ok(seen)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The fast path (tables, runs of groups, constants for known groups, one-word bit sets)
        /// weighs as the general path does: outcome, factor values and decisive facts.
        #[test]
        fn fast_path_weighs_as_the_general_path(seeds in prop::collection::vec(any::<u64>(), 1..40), d in any::<u64>()) {
            compare(&seeds, d)?;
        }
    }

    #[test]
    fn random_cases_reach_every_path() {
        let mut counts = [[0usize; 2]; 2];
        let mut r = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..3000 {
            let seeds: Vec<u64> = (0..20)
                .map(|_| {
                    r = r.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    r
                })
                .collect();
            for (fast, undecided) in compare(&seeds, r).unwrap() {
                counts[usize::from(fast)][usize::from(undecided)] += 1;
            }
        }
        // The fast path settles weighings and leaves some undecided (finding decisive facts);
        // the general one takes over from it now and then.
        let [slow, fast] = counts;
        assert!(fast[0] > 0 && fast[1] > 0 && slow[1] > 0, "{counts:?}");
    }

    #[test]
    fn packs_have_tables_and_runs() {
        let lib = random::library();
        let bench = lib.pack("bench").unwrap().classifier().unwrap();
        assert!(bench.groups.iter().all(|g| g.table.is_some()));
        assert!(bench.groups.iter().any(|g| g.block.is_some()));
        let syn = lib.pack("syn").unwrap().classifier().unwrap();
        assert!(syn.groups.iter().any(|g| g.table.is_none()));
    }
}
