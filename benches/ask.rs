//! Criterion: the first question of an interview with 0, 10 and 30 unknown facts. It costs one
//! judgment of the case, never an enumeration of the unknown facts' combinations.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use entrust::case::Format;
use entrust::compile::pack::Val;
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::reason::ask::{Until, next_question};
use std::collections::HashMap;
use std::hint::black_box;

fn first_question(c: &mut Criterion) {
    let mut lib = Library::open(None);
    let text = std::fs::read_to_string("cases/kr/courier-parcels.case").unwrap();
    let id = lib.sources.add("courier.case", text);
    let read = entrust::case::read(&lib.sources, id, Format::Case);
    let (cases, errs) = entrust::batch::bind_cases(&lib, read.cases, None, &mut HashMap::new());
    assert!(errs.is_empty());
    let (i, bound) = &cases[0].bound[0];
    let pack = &lib.packs[*i];
    let mut group = c.benchmark_group("ask: first question");
    // The case as written, then with 10 and 30 of its known facts blanked out.
    for blanked in [0usize, 10, 30] {
        let mut b = bound.clone();
        let mut done = 0;
        for v in b.facts.iter_mut() {
            if done >= blanked {
                break;
            }
            if *v != Val::Unknown {
                *v = Val::Unknown;
                done += 1;
            }
        }
        let unknown = b.facts.iter().filter(|v| **v == Val::Unknown).count();
        let label = format!(
            "{blanked} blanked ({unknown} of {} facts unknown)",
            b.facts.len()
        );
        let mut ev = Evaluator::new();
        group.bench_with_input(BenchmarkId::from_parameter(label), &b, |bench, b| {
            bench.iter(|| next_question(pack, black_box(b), &mut ev, &[], Until::Settled))
        });
    }
    group.finish();
}

criterion_group!(benches, first_question);
criterion_main!(benches);
