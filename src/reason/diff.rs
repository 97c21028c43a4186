//! Why two cases came out differently: the facts that differ, and which of them changed which
//! factor, test, exception or requirement, stretch by stretch of law.
//!
//! [`diff`] judges both cases under one pack. When their periods are the same, each stretch of
//! law is compared with itself; when they overlap, the comparison covers the overlap; when they
//! do not overlap, stretches under the same law are paired (the rules in force are the same
//! throughout a stretch, so the dates within it do not matter); and when they share no stretch
//! of law, the nearest stretches are paired and the rules in force in only one are marked.
//!
//! This module returns data only; [`crate::render::diff`] puts a comparison into words.

use crate::case::BoundCase;
use crate::compile::pack::{FactId, Node, Pack, ReqId, Target, Val};
use crate::date::Date;
use crate::eval::tri::Tri;
use crate::eval::{Evaluator, ReqStatus, Stretch, StretchJudgment, stretches};
use crate::reason::whatif::{facts_read, requirement_facts};

/// A fact the two cases give differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactDiff {
    /// The fact.
    pub fact: FactId,
    /// Its value in the first case.
    pub a: Val,
    /// Its value in the second case.
    pub b: Val,
    /// Whether some rule of the pack reads it (a `recorded` fact is read by none).
    pub read: bool,
}

/// How the two periods were lined up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alignment {
    /// The same period: each stretch compared with itself.
    Same,
    /// Different periods that overlap: compared over the overlap only.
    Overlap(Date, Date),
    /// Periods that do not overlap: stretches under the same law paired.
    SameLaw,
    /// Periods under no common law: the nearest stretches paired.
    DifferentLaw,
}

/// A factor of the classification that fired differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorDiff {
    /// Its index in the classification weighing.
    pub factor: u16,
    /// Fired, not fired or unknown in the first case.
    pub a: Tri,
    /// In the second case.
    pub b: Tri,
    /// The differing facts it reads.
    pub reads: Vec<FactId>,
    /// Whether it is in force in one stretch only (periods under different law).
    pub law_differs: bool,
}

/// A test or exception that came out differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleDiff {
    /// The test or exception.
    pub rule: Node,
    /// Its value in the first case.
    pub a: Tri,
    /// In the second case.
    pub b: Tri,
    /// The differing facts it reads, through tests and exceptions.
    pub reads: Vec<FactId>,
    /// Whether it reads the classification, and the classification differs.
    pub through_classification: bool,
    /// Whether it is in force in one stretch only.
    pub law_differs: bool,
}

/// What a requirement comes to in a stretch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Not in force, or its `when` condition does not hold.
    NotApplicable,
    /// Its `when` condition holds, but an exception excuses it.
    Excused,
    /// It applies and is met.
    Met,
    /// It applies and is not met.
    Violated,
    /// Unknown facts leave it open.
    Open,
}

/// A requirement's state, once per classification still possible (the classification is
/// `None` when it is settled, or when every possible one gives the same state).
pub type Statuses = Vec<(Option<u8>, State)>;

/// A requirement whose status differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReqDiff {
    /// The requirement.
    pub req: ReqId,
    /// Its status in the first case.
    pub a: Statuses,
    /// In the second case.
    pub b: Statuses,
    /// The differing facts it reads (its `when`, `requires` and exceptions, through tests).
    pub reads: Vec<FactId>,
    /// Whether it reads the classification, and the classification differs.
    pub through_classification: bool,
    /// Whether it is in force in one stretch only.
    pub law_differs: bool,
}

/// One pair of stretches compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StretchDiff {
    /// The first case's stretch.
    pub a: Stretch,
    /// The second case's stretch (the same as `a` unless the periods do not overlap).
    pub b: Stretch,
    /// Classification side of each (`None`: undecided).
    pub side: (Option<u8>, Option<u8>),
    /// Lawfulness of each.
    pub lawful: (Tri, Tri),
    /// The classification balance of each, lowest and highest (of two sides: toward the
    /// first).
    pub balance: ((i32, i32), (i32, i32)),
    /// The points of the classification factors that fired toward each side, in each (for a
    /// weighing of more than two sides, whose balance is not one number).
    pub points: (
        [i32; crate::check::MAX_SIDES],
        [i32; crate::check::MAX_SIDES],
    ),
    /// Factors whose firing differs.
    pub factors: Vec<FactorDiff>,
    /// Tests and exceptions whose value differs.
    pub rules: Vec<RuleDiff>,
    /// Requirements whose status differs.
    pub requirements: Vec<ReqDiff>,
    /// Violations found in this stretch of the first case only, and of the second only.
    pub violations: (Vec<ReqId>, Vec<ReqId>),
}

/// Two cases compared under one pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diff {
    /// The facts that differ, in the pack's order.
    pub facts: Vec<FactDiff>,
    /// How the periods were lined up.
    pub alignment: Alignment,
    /// The stretches compared.
    pub stretches: Vec<StretchDiff>,
    /// Stretches of each case left out of the comparison: outside the overlap, or under law
    /// the other case's period does not reach.
    pub left_out: (Vec<Stretch>, Vec<Stretch>),
    /// Violations found, in the stretches compared, in the first case only.
    pub only_a: Vec<ReqId>,
    /// In the second case only.
    pub only_b: Vec<ReqId>,
}

/// The stretches of law a date falls in, numbered from 0.
fn regime(pack: &Pack, d: Date) -> usize {
    pack.change_dates.partition_point(|c| *c <= d)
}

/// Lines up the two periods into pairs of stretches to compare.
pub fn align(pack: &Pack, a: &BoundCase, b: &BoundCase) -> (Alignment, Vec<(Stretch, Stretch)>) {
    if a.from == b.from && a.to == b.to {
        let pairs = stretches(pack, a.from, a.to)
            .into_iter()
            .map(|s| (s, s))
            .collect();
        return (Alignment::Same, pairs);
    }
    let (from, to) = (a.from.max(b.from), a.to.min(b.to));
    if from <= to {
        let pairs = stretches(pack, from, to)
            .into_iter()
            .map(|s| (s, s))
            .collect();
        return (Alignment::Overlap(from, to), pairs);
    }
    let sa = stretches(pack, a.from, a.to);
    let sb = stretches(pack, b.from, b.to);
    let mut pairs = Vec::new();
    for x in &sa {
        if let Some(y) = sb
            .iter()
            .find(|y| regime(pack, y.from) == regime(pack, x.from))
        {
            pairs.push((*x, *y));
        }
    }
    if !pairs.is_empty() {
        return (Alignment::SameLaw, pairs);
    }
    let pair = if a.to < b.from {
        sa.last().copied().zip(sb.first().copied())
    } else {
        sa.first().copied().zip(sb.last().copied())
    };
    (Alignment::DifferentLaw, pair.into_iter().collect())
}

/// The passes of a stretch: the classes its lawfulness was judged under.
fn passes(classes: u8) -> &'static [Option<u8>] {
    crate::eval::passes(classes)
}

/// What one case gives for one stretch: the judgment, and every test, exception and
/// requirement.
struct Reading {
    j: StretchJudgment,
    tests: Vec<Tri>,
    excs: Vec<Tri>,
    reqs: Vec<Statuses>,
    /// Whether each requirement's `when` holds.
    when: Vec<Tri>,
}

fn read(pack: &Pack, facts: &[Val], s: Stretch, ev: &mut Evaluator) -> Reading {
    let j = ev.judge(pack, facts, s);
    let class = j.weighing.and_then(|o| o.side());
    ev.prepare(pack, facts, s.from, class);
    let tests = (0..pack.tests.len()).map(|i| ev.test_value(i)).collect();
    let excs = (0..pack.exceptions.len())
        .map(|i| ev.exception_value(i))
        .collect();
    let when = pack
        .requirements
        .iter()
        .map(|r| {
            if !r.meta.in_force(s.from) {
                return Tri::False;
            }
            ev.with_env(pack, facts, class, |env| {
                r.when
                    .as_ref()
                    .map_or(Tri::True, |w| crate::eval::cond::eval(w, env))
            })
        })
        .collect();
    let mut reqs: Vec<Statuses> = vec![Vec::new(); pack.requirements.len()];
    let ps = passes(j.classes);
    for &class in ps {
        let st = ev.statuses(pack, facts, s.from, class);
        for ((slot, status), r) in reqs.iter_mut().zip(st).zip(&pack.requirements) {
            let state = match status {
                ReqStatus::Met => State::Met,
                ReqStatus::Violated => State::Violated,
                ReqStatus::Open => State::Open,
                ReqStatus::NotApplicable => {
                    let applies = r.meta.in_force(s.from)
                        && ev.with_env(pack, facts, class, |env| {
                            r.when
                                .as_ref()
                                .is_none_or(|w| crate::eval::cond::eval(w, env) == Tri::True)
                        });
                    if applies {
                        State::Excused
                    } else {
                        State::NotApplicable
                    }
                }
            };
            slot.push((if ps.len() > 1 { class } else { None }, state));
        }
    }
    // The same status under every possible class is one status.
    for slot in &mut reqs {
        if let Some(&(_, first)) = slot.first()
            && slot.iter().all(|(_, x)| *x == first)
        {
            *slot = vec![(None, first)];
        }
    }
    Reading {
        j,
        tests,
        excs,
        reqs,
        when,
    }
}

/// Compares two bound cases under one pack.
pub fn diff(pack: &Pack, a: &BoundCase, b: &BoundCase, ev: &mut Evaluator) -> Diff {
    let facts: Vec<FactDiff> = (0..pack.facts.len())
        .filter_map(|i| {
            let va = a.facts.get(i).copied().unwrap_or_default();
            let vb = b.facts.get(i).copied().unwrap_or_default();
            let f = FactId::try_from(i).ok()?;
            let read = pack.facts.get(i).is_some_and(|d| !d.recorded);
            (va != vb).then_some(FactDiff {
                fact: f,
                a: va,
                b: vb,
                read,
            })
        })
        .collect();
    let differing: Vec<FactId> = facts.iter().map(|d| d.fact).collect();
    let only_differing = |fs: &[FactId]| -> Vec<FactId> {
        fs.iter()
            .copied()
            .filter(|f| differing.contains(f))
            .collect()
    };

    let (alignment, pairs) = align(pack, a, b);
    let left_out = |bound: &BoundCase, pick: fn(&(Stretch, Stretch)) -> Stretch| -> Vec<Stretch> {
        let compared: Vec<Stretch> = pairs.iter().map(pick).collect();
        stretches(pack, bound.from, bound.to)
            .into_iter()
            .filter_map(|s| {
                // The parts of `s` no compared stretch covers.
                let covered: Vec<&Stretch> = compared
                    .iter()
                    .filter(|c| c.from <= s.to && c.to >= s.from)
                    .collect();
                match covered.as_slice() {
                    [] => Some(s),
                    [c] if c.from > s.from => Some(Stretch {
                        from: s.from,
                        to: c.from.pred(),
                    }),
                    [c] if c.to < s.to => Some(Stretch {
                        from: c.to.succ(),
                        to: s.to,
                    }),
                    _ => None,
                }
            })
            .collect()
    };
    let left_out = (left_out(a, |p| p.0), left_out(b, |p| p.1));
    let mut out = Vec::new();
    let mut only_a: Vec<ReqId> = Vec::new();
    let mut only_b: Vec<ReqId> = Vec::new();
    for (sa, sb) in pairs {
        let ra = read(pack, &a.facts, sa, ev);
        let rb = read(pack, &b.facts, sb, ev);
        let side = (
            ra.j.weighing.and_then(|o| o.side()),
            rb.j.weighing.and_then(|o| o.side()),
        );
        let class_differs = ra.j.classes != rb.j.classes || side.0 != side.1;
        let balance = (
            ra.j.weighing.map_or((0, 0), |o| (o.lo, o.hi)),
            rb.j.weighing.map_or((0, 0), |o| (o.lo, o.hi)),
        );
        let points = pack.classifier().map_or_else(Default::default, |w| {
            (
                w.fired_points(&ra.j.factor_vals),
                w.fired_points(&rb.j.factor_vals),
            )
        });

        let mut factors = Vec::new();
        if let Some(w) = pack.classifier() {
            for (i, f) in w.factors.iter().enumerate() {
                let va = ra.j.factor_vals.get(i).copied().unwrap_or_default();
                let vb = rb.j.factor_vals.get(i).copied().unwrap_or_default();
                if va != vb
                    && let Ok(factor) = u16::try_from(i)
                {
                    factors.push(FactorDiff {
                        factor,
                        a: va,
                        b: vb,
                        reads: only_differing(&f.facts),
                        law_differs: f.meta.in_force(sa.from) != f.meta.in_force(sb.from),
                    });
                }
            }
        }

        let mut rules = Vec::new();
        for (i, t) in pack.tests.iter().enumerate() {
            let (va, vb) = (
                ra.tests.get(i).copied().unwrap_or_default(),
                rb.tests.get(i).copied().unwrap_or_default(),
            );
            if va == vb {
                continue;
            }
            let Ok(id) = u16::try_from(i) else {
                continue;
            };
            let mut fs = Vec::new();
            let mut sides = facts_read(pack, &crate::compile::pack::Cond::Test(id), false, &mut fs);
            sides &= class_differs;
            rules.push(RuleDiff {
                rule: Node::Test(id),
                a: va,
                b: vb,
                reads: only_differing(&fs),
                through_classification: sides,
                law_differs: t.meta.in_force(sa.from) != t.meta.in_force(sb.from),
            });
        }
        for (i, e) in pack.exceptions.iter().enumerate() {
            let (va, vb) = (
                ra.excs.get(i).copied().unwrap_or_default(),
                rb.excs.get(i).copied().unwrap_or_default(),
            );
            // An exception to a requirement that applies in neither case changes nothing.
            let idle = match e.target {
                Target::Req(r) => [&ra, &rb]
                    .iter()
                    .all(|x| x.when.get(usize::from(r)).copied() == Some(Tri::False)),
                _ => false,
            };
            if va == vb || idle {
                continue;
            }
            let Ok(id) = u16::try_from(i) else {
                continue;
            };
            let mut fs = Vec::new();
            let mut sides = facts_read(pack, &crate::compile::pack::Cond::Exc(id), false, &mut fs);
            sides &= class_differs;
            rules.push(RuleDiff {
                rule: Node::Exc(id),
                a: va,
                b: vb,
                reads: only_differing(&fs),
                through_classification: sides,
                law_differs: e.meta.in_force(sa.from) != e.meta.in_force(sb.from),
            });
        }

        let mut requirements = Vec::new();
        for (i, r) in pack.requirements.iter().enumerate() {
            let (Some(xa), Some(xb)) = (ra.reqs.get(i), rb.reqs.get(i)) else {
                continue;
            };
            if xa == xb {
                continue;
            }
            let Ok(id) = ReqId::try_from(i) else {
                continue;
            };
            let mut fs = Vec::new();
            let sides = requirement_facts(pack, id, false, &mut fs) && class_differs;
            requirements.push(ReqDiff {
                req: id,
                a: xa.clone(),
                b: xb.clone(),
                reads: only_differing(&fs),
                through_classification: sides,
                law_differs: r.meta.in_force(sa.from) != r.meta.in_force(sb.from),
            });
        }

        let found = |j: &StretchJudgment| -> Vec<ReqId> {
            let mut v: Vec<ReqId> = Vec::new();
            for f in &j.violations {
                if !v.contains(&f.req) {
                    v.push(f.req);
                }
            }
            v
        };
        let (fa, fb) = (found(&ra.j), found(&rb.j));
        let va: Vec<ReqId> = fa.iter().copied().filter(|r| !fb.contains(r)).collect();
        let vb: Vec<ReqId> = fb.iter().copied().filter(|r| !fa.contains(r)).collect();
        for r in &va {
            if !only_a.contains(r) {
                only_a.push(*r);
            }
        }
        for r in &vb {
            if !only_b.contains(r) {
                only_b.push(*r);
            }
        }
        out.push(StretchDiff {
            a: sa,
            b: sb,
            side,
            lawful: (ra.j.lawful, rb.j.lawful),
            balance,
            points,
            factors,
            rules,
            requirements,
            violations: (va, vb),
        });
    }
    Diff {
        facts,
        alignment,
        stretches: out,
        left_out,
        only_a,
        only_b,
    }
}
