//! Criterion benchmarks of `whatif`: the Kakao Pay case with every fact known, then with 10 and
//! with 30 of the facts the rules read blanked out (unknown), searching up to 3 changes (the
//! default) and, with 30 unknown, up to 6. The search is bounded by `--max-changes` and by the
//! evaluation budget, so it never enumerates every combination of the unknown facts; the number
//! of evaluations each run needed is printed first.
//!
//! Run with `cargo bench --bench reason`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use entrust::batch::bind_cases;
use entrust::case::{BoundCase, Format};
use entrust::compile::pack::{Pack, Val};
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::reason::whatif::{self, Options};
use std::collections::HashMap;
use std::hint::black_box;

/// The Kakao Pay case with `unknown` of the facts the rules read left unknown and every other
/// one given (facts the case leaves out take their first representative value).
fn variant(pack: &Pack, base: &BoundCase, unknown: usize) -> BoundCase {
    let mut b = base.clone();
    let read: Vec<usize> = (0..pack.facts.len())
        .filter(|&i| !pack.facts[i].recorded && !pack.representatives[i].is_empty())
        .collect();
    for &i in &read {
        if b.facts[i] == Val::Unknown {
            b.facts[i] = pack.representatives[i][0];
        }
    }
    // Blank out from the classification's facts first (they weigh on every goal), then the rest.
    let class_facts: Vec<u16> = pack
        .classifier()
        .map(|w| w.factors.iter().flat_map(|f| f.facts.clone()).collect())
        .unwrap_or_default();
    let mut order: Vec<usize> = read
        .iter()
        .copied()
        .filter(|i| class_facts.contains(&u16::try_from(*i).unwrap()))
        .collect();
    let rest: Vec<usize> = read
        .iter()
        .copied()
        .filter(|i| !order.contains(i))
        .collect();
    order.extend(rest);
    assert!(
        order.len() >= unknown,
        "only {} facts to blank",
        order.len()
    );
    for &i in order.iter().take(unknown) {
        b.facts[i] = Val::Unknown;
    }
    b
}

fn whatif_bounded(c: &mut Criterion) {
    let mut lib = Library::open(None);
    let text = std::fs::read_to_string("cases/kr/kakaopay-alipay-nsf.case").unwrap();
    let id = lib.sources.add("kakao.case", text);
    let read = entrust::case::read(&lib.sources, id, Format::Case);
    let (cases, errs) = bind_cases(&lib, read.cases, None, &mut HashMap::new());
    assert!(errs.is_empty());
    let (i, base) = &cases[0].bound[0];
    let pack = &lib.packs[*i];
    let mut ev = Evaluator::new();
    let mut group = c.benchmark_group("whatif Kakao Pay");
    group.sample_size(10);
    // Up to 3 changes (the default), and up to 6, where the budget, not the size, ends the search.
    for (unknown, max_changes) in [(0usize, 3usize), (10, 3), (30, 3), (30, 6)] {
        let b = variant(pack, base, unknown);
        let opts = Options {
            max_changes,
            ..Options::default()
        };
        let w = whatif::whatif(pack, &b, &mut ev, &opts);
        eprintln!(
            "{unknown:>2} unknown facts, up to {max_changes} changes: {} evaluations of {} allowed, {} sets looked at, sets of up to {} searched in full{}",
            w.evaluations,
            w.budget,
            w.considered,
            w.searched,
            if w.stopped_early {
                " (stopped early)"
            } else {
                ""
            }
        );
        assert!(w.evaluations <= opts.budget);
        assert!(w.considered <= opts.budget * 10 + 1);
        group.bench_with_input(
            BenchmarkId::new(
                format!("up to {max_changes} changes, unknown facts"),
                unknown,
            ),
            &b,
            |bench, b| bench.iter(|| whatif::whatif(pack, black_box(b), &mut ev, &opts)),
        );
    }
    group.finish();
}

criterion_group!(benches, whatif_bounded);
criterion_main!(benches);
