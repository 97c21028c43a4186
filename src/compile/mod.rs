//! Compiling a checked pack: evaluation order, dependence on the classification, factor groups,
//! representative values for weighing over unknown facts, and the dates on which the law changes.

pub mod pack;

use crate::date::Date;
use pack::*;
use std::collections::BTreeSet;

/// The most values of one set fact that a weighing enumerates (2^6 subsets).
const MAX_SET_ELEMENTS: u32 = 6;

fn deps(pack: &Pack, n: Node) -> Vec<Node> {
    let mut out = Vec::new();
    let mut push = |m: Node| out.push(m);
    match n {
        Node::Test(t) => {
            if let Some(t) = pack.tests.get(usize::from(t)) {
                t.cond.for_each_ref(&mut push);
                out.extend(t.exceptions.iter().map(|e| Node::Exc(*e)));
            }
        }
        Node::Exc(e) => {
            if let Some(e) = pack.exceptions.get(usize::from(e)) {
                e.cond.for_each_ref(&mut push);
                out.extend(e.exceptions.iter().map(|x| Node::Exc(*x)));
            }
        }
        Node::Weigh(w) => {
            if let Some(w) = pack.weighings.get(usize::from(w)) {
                for f in &w.factors {
                    f.cond.for_each_ref(&mut push);
                }
            }
        }
    }
    out
}

/// Orders tests, exceptions and weighings so that each follows what it reads, and marks those
/// that depend on the classification. Returns a cycle if there is one.
pub fn order(pack: &mut Pack) -> Result<(), Vec<Node>> {
    let all: Vec<Node> = (0..pack.tests.len())
        .map(|i| Node::Test(u16::try_from(i).unwrap_or(0)))
        .chain((0..pack.exceptions.len()).map(|i| Node::Exc(u16::try_from(i).unwrap_or(0))))
        .chain((0..pack.weighings.len()).map(|i| Node::Weigh(u16::try_from(i).unwrap_or(0))))
        .collect();
    let index = |n: Node, pack: &Pack| -> usize {
        match n {
            Node::Test(t) => usize::from(t),
            Node::Exc(e) => pack.tests.len() + usize::from(e),
            Node::Weigh(w) => pack.tests.len() + pack.exceptions.len() + usize::from(w),
        }
    };
    // 0 = unvisited, 1 = on the stack, 2 = done. Iterative depth-first search.
    let mut state = vec![0u8; all.len()];
    let mut order = Vec::with_capacity(all.len());
    for &root in &all {
        if state.get(index(root, pack)).copied() != Some(0) {
            continue;
        }
        let mut stack: Vec<(Node, Vec<Node>, usize)> = vec![(root, deps(pack, root), 0)];
        if let Some(s) = state.get_mut(index(root, pack)) {
            *s = 1;
        }
        while let Some((node, ds, next)) = stack.last_mut() {
            if let Some(&d) = ds.get(*next) {
                *next += 1;
                match state.get(index(d, pack)).copied() {
                    Some(0) => {
                        if let Some(s) = state.get_mut(index(d, pack)) {
                            *s = 1;
                        }
                        let dd = deps(pack, d);
                        stack.push((d, dd, 0));
                    }
                    Some(1) => {
                        let mut cycle: Vec<Node> = stack.iter().map(|(n, _, _)| *n).collect();
                        if let Some(pos) = cycle.iter().position(|n| *n == d) {
                            cycle.drain(..pos);
                        }
                        cycle.push(d);
                        return Err(cycle);
                    }
                    _ => {}
                }
            } else {
                let done = *node;
                if let Some(s) = state.get_mut(index(done, pack)) {
                    *s = 2;
                }
                order.push(done);
                stack.pop();
            }
        }
    }
    // Dependence on the classification, in order.
    let mut dependent = vec![false; all.len()];
    for &n in &order {
        let mut dep = false;
        let mut reads_class = |c: &Cond| {
            c.for_each_ref(&mut |m| {
                if let Node::Weigh(w) = m
                    && Some(w) == pack.classification
                {
                    dep = true;
                }
            })
        };
        match n {
            Node::Test(t) => {
                if let Some(t) = pack.tests.get(usize::from(t)) {
                    reads_class(&t.cond);
                }
            }
            Node::Exc(e) => {
                if let Some(e) = pack.exceptions.get(usize::from(e)) {
                    reads_class(&e.cond);
                }
            }
            Node::Weigh(w) => {
                if let Some(w) = pack.weighings.get(usize::from(w)) {
                    for f in &w.factors {
                        reads_class(&f.cond);
                    }
                }
            }
        }
        for d in deps(pack, n) {
            if dependent.get(index(d, pack)).copied().unwrap_or(false) {
                dep = true;
            }
        }
        if let Some(slot) = dependent.get_mut(index(n, pack)) {
            *slot = dep;
        }
    }
    pack.class_dependent = order
        .iter()
        .map(|n| dependent.get(index(*n, pack)).copied().unwrap_or(false))
        .collect();
    pack.order = order;
    Ok(())
}

/// How many conditions one rule may come to once the tests and exceptions it reads are followed
/// along every path, as the explanation and the search for grounds follow them. Tests that read
/// each other along many paths (each of 40 tests reading the two before it: 2^40 paths) would
/// otherwise make a judgment take forever; a chain of 50,000 operands stays well within it.
pub const MAX_EXPANSION: u64 = 1_000_000;

/// The rule that passes [`MAX_EXPANSION`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expansive {
    /// A test, an exception or a weighing.
    Node(Node),
    /// A requirement.
    Req(ReqId),
}

/// The conditions of `c` (a chain is one, and each of its operands one more).
fn size(c: &Cond) -> u64 {
    match c {
        Cond::Not(x) => 1 + size(x),
        Cond::And(xs) | Cond::Or(xs) => xs.iter().fold(1u64, |n, x| n.saturating_add(size(x))),
        _ => 1,
    }
}

/// The conditions of `c` with the tests and exceptions it reads followed (`seen` holds how many
/// each comes to, by the index [`order`] gives them).
fn expanded(pack: &Pack, c: &Cond, seen: &[u64]) -> u64 {
    let mut n = size(c);
    c.for_each_ref(&mut |r| {
        let i = match r {
            Node::Test(t) => usize::from(t),
            Node::Exc(e) => pack.tests.len() + usize::from(e),
            Node::Weigh(_) => return,
        };
        n = n.saturating_add(seen.get(i).copied().unwrap_or(0));
    });
    n
}

/// The first rule (in evaluation order, then requirements) that comes to more than
/// [`MAX_EXPANSION`] conditions once what it reads is followed along every path, with how many
/// it comes to (at least). Needs [`order`].
pub fn too_expansive(pack: &Pack) -> Option<(Expansive, u64)> {
    let mut seen = vec![0u64; pack.tests.len() + pack.exceptions.len()];
    let excs = |list: &[ExcId], seen: &[u64]| {
        list.iter().fold(0u64, |n, e| {
            n.saturating_add(
                seen.get(pack.tests.len() + usize::from(*e))
                    .copied()
                    .unwrap_or(0),
            )
        })
    };
    for &node in &pack.order {
        let (n, slot) = match node {
            Node::Test(t) => match pack.tests.get(usize::from(t)) {
                Some(def) => (
                    expanded(pack, &def.cond, &seen).saturating_add(excs(&def.exceptions, &seen)),
                    Some(usize::from(t)),
                ),
                None => continue,
            },
            Node::Exc(e) => match pack.exceptions.get(usize::from(e)) {
                Some(def) => (
                    expanded(pack, &def.cond, &seen).saturating_add(excs(&def.exceptions, &seen)),
                    Some(pack.tests.len() + usize::from(e)),
                ),
                None => continue,
            },
            Node::Weigh(w) => match pack.weighings.get(usize::from(w)) {
                Some(def) => (
                    def.factors.iter().fold(0u64, |n, f| {
                        n.saturating_add(expanded(pack, &f.cond, &seen))
                    }),
                    None,
                ),
                None => continue,
            },
        };
        if n > MAX_EXPANSION {
            return Some((Expansive::Node(node), n));
        }
        if let Some(v) = slot.and_then(|i| seen.get_mut(i)) {
            *v = n;
        }
    }
    for (i, r) in pack.requirements.iter().enumerate() {
        let n = r
            .when
            .as_ref()
            .map_or(0, |c| expanded(pack, c, &seen))
            .saturating_add(expanded(pack, &r.requires, &seen))
            .saturating_add(excs(&r.exceptions, &seen));
        if n > MAX_EXPANSION {
            return Some((Expansive::Req(ReqId::try_from(i).unwrap_or(0)), n));
        }
    }
    None
}

/// How deep a rule may read, counting each level of `and`, `or` and `not` and each test or
/// exception followed: the walks over conditions (evaluation over unknown facts, the grounds,
/// `whatif`) follow a rule this deep in full, so that none is cut short and read as unknown.
pub const MAX_READ_DEPTH: usize = 48;

/// The levels of `c` with the tests and exceptions it reads followed; `depths` holds, by the
/// index [`order`] gives them, how deep each test reads (from its reference) and each
/// exception (from the call that checks it).
fn read_depth(pack: &Pack, c: &Cond, depths: &[usize]) -> usize {
    match c {
        Cond::Not(x) => 1 + read_depth(pack, x, depths),
        Cond::And(xs) | Cond::Or(xs) => {
            1 + xs
                .iter()
                .map(|x| read_depth(pack, x, depths))
                .max()
                .unwrap_or(0)
        }
        Cond::Test(t) => depths.get(usize::from(*t)).copied().unwrap_or(0),
        Cond::Exc(e) => {
            1 + depths
                .get(pack.tests.len() + usize::from(*e))
                .copied()
                .unwrap_or(0)
        }
        _ => 0,
    }
}

/// The first rule (in evaluation order, then requirements) that reads deeper than
/// [`MAX_READ_DEPTH`], with how deep. Needs [`order`]; conditions themselves nest at most
/// [`crate::syntax::MAX_EXPR_DEPTH`] levels, so this recursion is bounded.
pub fn too_deep(pack: &Pack) -> Option<(Expansive, usize)> {
    let mut depths = vec![0usize; pack.tests.len() + pack.exceptions.len()];
    let excs = |list: &[ExcId], depths: &[usize]| {
        list.iter()
            .map(|e| {
                depths
                    .get(pack.tests.len() + usize::from(*e))
                    .copied()
                    .unwrap_or(0)
            })
            .max()
            .unwrap_or(0)
    };
    for &node in &pack.order {
        let (d, slot) = match node {
            // A test read at some level: its condition and the calls of its exceptions one below.
            Node::Test(t) => match pack.tests.get(usize::from(t)) {
                Some(def) => (
                    1 + read_depth(pack, &def.cond, &depths).max(excs(&def.exceptions, &depths)),
                    Some(usize::from(t)),
                ),
                None => continue,
            },
            // An exception checked at some level: its condition one below, as its own exceptions.
            Node::Exc(e) => match pack.exceptions.get(usize::from(e)) {
                Some(def) => (
                    1 + read_depth(pack, &def.cond, &depths).max(excs(&def.exceptions, &depths)),
                    Some(pack.tests.len() + usize::from(e)),
                ),
                None => continue,
            },
            Node::Weigh(w) => match pack.weighings.get(usize::from(w)) {
                Some(def) => (
                    def.factors
                        .iter()
                        .map(|f| read_depth(pack, &f.cond, &depths))
                        .max()
                        .unwrap_or(0),
                    None,
                ),
                None => continue,
            },
        };
        if d > MAX_READ_DEPTH {
            return Some((Expansive::Node(node), d));
        }
        if let Some(v) = slot.and_then(|i| depths.get_mut(i)) {
            *v = d;
        }
    }
    for (i, r) in pack.requirements.iter().enumerate() {
        let d = r
            .when
            .as_ref()
            .map_or(0, |c| read_depth(pack, c, &depths))
            .max(read_depth(pack, &r.requires, &depths))
            .max(1 + excs(&r.exceptions, &depths));
        if d > MAX_READ_DEPTH {
            return Some((Expansive::Req(ReqId::try_from(i).unwrap_or(0)), d));
        }
    }
    None
}

/// Facts a condition reads, through the tests and exceptions it refers to (each followed once:
/// a test read by several others is not walked again, however the rules share it).
fn facts_through<'a>(pack: &'a Pack, c: &'a Cond, out: &mut BTreeSet<FactId>) {
    let mut seen_tests = vec![false; pack.tests.len()];
    let mut seen_excs = vec![false; pack.exceptions.len()];
    let mut work: Vec<&'a Cond> = vec![c];
    while let Some(c) = work.pop() {
        c.for_each_fact(&mut |f| {
            out.insert(f);
        });
        let mut exc = |e: ExcId, work: &mut Vec<&'a Cond>| {
            if let Some(seen) = seen_excs.get_mut(usize::from(e))
                && !*seen
            {
                *seen = true;
                if let Some(e) = pack.exceptions.get(usize::from(e)) {
                    work.push(&e.cond);
                }
            }
        };
        c.for_each_ref(&mut |n| match n {
            Node::Test(t) => {
                if let Some(seen) = seen_tests.get_mut(usize::from(t))
                    && !*seen
                {
                    *seen = true;
                    if let Some(t) = pack.tests.get(usize::from(t)) {
                        work.push(&t.cond);
                        for e in &t.exceptions {
                            exc(*e, &mut work);
                        }
                    }
                }
            }
            Node::Exc(e) => exc(e, &mut work),
            Node::Weigh(_) => {}
        });
    }
}

/// Constants a condition compares each fact with, for representative values.
fn constants(c: &Cond, consts: &mut [Vec<Val>]) {
    let mut push = |f: FactId, v: Val| {
        if let Some(list) = consts.get_mut(usize::from(f)) {
            list.push(v);
        }
    };
    match c {
        Cond::SetHas(f, mask, _) => push(*f, Val::Set(*mask)),
        Cond::CountryIn(f, codes) => codes.iter().for_each(|c| push(*f, Val::Country(*c))),
        Cond::Num(f, _, n) => push(*f, Val::Number(*n)),
        Cond::Date(f, _, d) => push(*f, Val::Date(*d)),
        Cond::Not(x) => constants(x, consts),
        Cond::And(xs) | Cond::Or(xs) => xs.iter().for_each(|x| constants(x, consts)),
        _ => {}
    }
}

/// Computes what evaluation needs beyond the rules themselves.
pub fn finish(pack: &mut Pack) {
    // Facts of each factor, through tests; groups of factors sharing facts.
    let mut all_facts = Vec::new();
    for w in &pack.weighings {
        let mut per_factor = Vec::new();
        for f in &w.factors {
            let mut set = BTreeSet::new();
            facts_through(pack, &f.cond, &mut set);
            per_factor.push(set.into_iter().collect::<Vec<_>>());
        }
        all_facts.push(per_factor);
    }
    for (w, per_factor) in pack.weighings.iter_mut().zip(all_facts) {
        for (f, facts) in w.factors.iter_mut().zip(&per_factor) {
            f.facts.clone_from(facts);
        }
        w.groups = group(&per_factor);
    }

    // Representative values of each fact.
    let mut consts: Vec<Vec<Val>> = vec![Vec::new(); pack.facts.len()];
    for t in &pack.tests {
        constants(&t.cond, &mut consts);
    }
    for e in &pack.exceptions {
        constants(&e.cond, &mut consts);
    }
    for w in &pack.weighings {
        for f in &w.factors {
            constants(&f.cond, &mut consts);
        }
    }
    pack.representatives = pack
        .facts
        .iter()
        .zip(&consts)
        .map(|(f, c)| representatives(&f.ty, c))
        .collect();

    // What each group of factors contributes when all its facts are unknown, and its table,
    // where those are the same for every case (they need the representative values above).
    for wi in 0..pack.weighings.len() {
        type Row = Vec<(i32, u8)>;
        let rows: Vec<(Row, Option<GroupTable>)> = match pack.weighings.get(wi) {
            Some(w) => (0..w.groups.len())
                .map(|g| {
                    (
                        crate::eval::weigh::all_unknown_row(pack, w, g),
                        crate::eval::weigh::group_table(pack, w, g),
                    )
                })
                .collect(),
            None => Vec::new(),
        };
        if let Some(w) = pack.weighings.get_mut(wi) {
            for (g, (row, table)) in w.groups.iter_mut().zip(rows) {
                g.all_unknown = row;
                g.table = table;
            }
            // Then the tables of runs of groups (they need the groups' tables).
            let blocks = crate::eval::weigh::group_blocks(w);
            for (g, block) in w.groups.iter_mut().zip(blocks) {
                g.block = block;
            }
        }
    }

    // A weighing of more than two sides: one two-sided balance per pair of sides.
    for wi in 0..pack.weighings.len() {
        let pairs = match pack.weighings.get(wi) {
            Some(w) if w.sides.len() > 2 => pairs_of(pack, w),
            _ => continue,
        };
        if let Some(w) = pack.weighings.get_mut(wi) {
            w.pairs = pairs;
        }
    }

    // Dates on which the law changes.
    let mut dates = BTreeSet::new();
    let mut add_range = |from: Option<Date>, until: Option<Date>| {
        if let Some(f) = from {
            dates.insert(f);
        }
        if let Some(u) = until
            && u < Date::MAX
        {
            dates.insert(u.succ());
        }
    };
    let mut add = |m: &RuleMeta| add_range(m.from, m.until);
    pack.tests.iter().for_each(|t| add(&t.meta));
    pack.exceptions.iter().for_each(|e| add(&e.meta));
    pack.weighings
        .iter()
        .flat_map(|w| w.factors.iter())
        .for_each(|f| add(&f.meta));
    pack.requirements.iter().for_each(|r| add(&r.meta));
    pack.gaps.iter().for_each(|g| add(&g.meta));
    for e in pack.requirements.iter().flat_map(|r| &r.exposes) {
        add_range(e.from, e.until);
    }
    pack.change_dates = dates.into_iter().collect();
}

/// The pairwise balances of a weighing of more than two sides: for sides `i < j`, a two-sided
/// weighing over the factors toward `i` (its first side) or `j`, with its groups and tables.
fn pairs_of(pack: &Pack, w: &WeighDef) -> Vec<PairDef> {
    let n = w.sides.len();
    let mut out = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let (Ok(a), Ok(b)) = (u8::try_from(i), u8::try_from(j)) else {
                continue;
            };
            let mut factors = Vec::new();
            let mut index = Vec::new();
            for (k, f) in w.factors.iter().enumerate() {
                if f.side == a || f.side == b {
                    let mut g = f.clone();
                    g.side = u8::from(f.side == b);
                    factors.push(g);
                    index.push(u16::try_from(k).unwrap_or(0));
                }
            }
            let per_factor: Vec<Vec<FactId>> = factors.iter().map(|f| f.facts.clone()).collect();
            let mut def = WeighDef {
                meta: w.meta.clone(),
                classifies: false,
                sides: vec![
                    w.sides.get(i).cloned().unwrap_or_default(),
                    w.sides.get(j).cloned().unwrap_or_default(),
                ],
                axis: Vec::new(),
                titles: Vec::new(),
                pairs: Vec::new(),
                margin: w.margin,
                factors,
                groups: group(&per_factor),
            };
            let rows: Vec<_> = (0..def.groups.len())
                .map(|g| {
                    (
                        crate::eval::weigh::all_unknown_row(pack, &def, g),
                        crate::eval::weigh::group_table(pack, &def, g),
                    )
                })
                .collect();
            for (g, (row, table)) in def.groups.iter_mut().zip(rows) {
                g.all_unknown = row;
                g.table = table;
            }
            let blocks = crate::eval::weigh::group_blocks(&def);
            for (g, block) in def.groups.iter_mut().zip(blocks) {
                g.block = block;
            }
            out.push(PairDef {
                sides: [a, b],
                def,
                factors: index,
            });
        }
    }
    out
}

/// Groups factors that share facts (connected components).
fn group(per_factor: &[Vec<FactId>]) -> Vec<FactorGroup> {
    let n = per_factor.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while let Some(&p) = parent.get(x) {
            if p == x {
                break;
            }
            let gp = parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = parent.get_mut(x) {
                *slot = gp;
            }
            x = p;
        }
        x
    }
    for i in 0..n {
        for j in (i + 1)..n {
            let shares = match (per_factor.get(i), per_factor.get(j)) {
                (Some(a), Some(b)) => a.iter().any(|f| b.contains(f)),
                _ => false,
            };
            if shares {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                if let Some(slot) = parent.get_mut(rj) {
                    *slot = ri;
                }
            }
        }
    }
    let mut groups: Vec<(usize, FactorGroup)> = Vec::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        let idx = match groups.iter().position(|(r, _)| *r == root) {
            Some(k) => k,
            None => {
                groups.push((
                    root,
                    FactorGroup {
                        factors: Vec::new(),
                        facts: Vec::new(),
                        mask: 0,
                        all_unknown: Vec::new(),
                        table: None,
                        block: None,
                    },
                ));
                groups.len() - 1
            }
        };
        if let Some((_, g)) = groups.get_mut(idx) {
            g.factors.push(u16::try_from(i).unwrap_or(0));
            if i < 64 {
                g.mask |= 1u64 << i;
            }
            for f in per_factor.get(i).into_iter().flatten() {
                if !g.facts.contains(f) {
                    g.facts.push(*f);
                }
            }
        }
    }
    groups
        .into_iter()
        .map(|(_, mut g)| {
            g.facts.sort_unstable();
            g
        })
        .collect()
}

/// Values of a fact that together make every condition of the pack come out every way it can:
/// trying only these is the same as trying every value. Empty when there are too many.
fn representatives(ty: &FactType, consts: &[Val]) -> Vec<Val> {
    match ty {
        FactType::Bool => vec![Val::Bool(false), Val::Bool(true)],
        FactType::Enum(vs) => (0..vs.len().min(MAX_VALUES))
            .map(|i| Val::Enum(u8::try_from(i).unwrap_or(0)))
            .collect(),
        FactType::Set(_) => {
            let mentioned = consts.iter().fold(0u64, |m, v| match v {
                Val::Set(x) => m | x,
                _ => m,
            });
            if mentioned.count_ones() > MAX_SET_ELEMENTS {
                return Vec::new();
            }
            // Every subset of the mentioned values (other values change no condition).
            let bits: Vec<u64> = (0..64)
                .map(|i| 1u64 << i)
                .filter(|b| mentioned & b != 0)
                .collect();
            (0u64..(1u64 << bits.len()))
                .map(|k| {
                    Val::Set(
                        bits.iter()
                            .enumerate()
                            .filter(|(i, _)| k & (1u64 << i) != 0)
                            .fold(0, |m, (_, b)| m | b),
                    )
                })
                .collect()
        }
        FactType::Country => {
            let mut codes: Vec<Country> = consts
                .iter()
                .filter_map(|v| {
                    if let Val::Country(c) = v {
                        Some(*c)
                    } else {
                        None
                    }
                })
                .collect();
            codes.sort_unstable();
            codes.dedup();
            // One code no condition names stands for all the others.
            let other = (b'A'..=b'Z')
                .flat_map(|a| (b'A'..=b'Z').map(move |b| Country([a, b])))
                .find(|c| !codes.contains(c));
            codes.extend(other);
            codes.into_iter().map(Val::Country).collect()
        }
        FactType::Number => {
            let mut ns: BTreeSet<u64> = BTreeSet::from([0]);
            for v in consts {
                if let Val::Number(n) = v {
                    ns.extend([n.saturating_sub(1), *n, n.saturating_add(1)]);
                }
            }
            ns.into_iter().map(Val::Number).collect()
        }
        FactType::Date => {
            let mut ds: BTreeSet<Date> = BTreeSet::from([Date::MIN]);
            for v in consts {
                if let Val::Date(d) = v {
                    ds.extend([d.pred(), *d, d.succ()]);
                }
            }
            ds.into_iter().map(Val::Date).collect()
        }
    }
}
