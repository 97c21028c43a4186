//! Criterion benchmarks: compiling a pack, judging one case, and a 100,000-case batch of the
//! benchmark rule set (benches/bench/RULES.md) through the whole streaming pipeline.
//!
//! Run with `cargo bench`; whole-process figures are measured with /usr/bin/time (README).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use entrust::case::Format;
use entrust::eval::Evaluator;
use entrust::library::{Library, builtin_files, dir_files};
use entrust::stream::{self, Block, ReadError};
use entrust::verdict::judge;
use std::collections::HashMap;
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

/// `n` bench cases: the edge cases of RULES.md under fresh ids.
fn cases(n: usize) -> Vec<u8> {
    let edge = std::fs::read_to_string("benches/bench/edge_cases.jsonl").unwrap();
    let lines: Vec<&str> = edge.lines().collect();
    let mut out = String::new();
    for i in 0..n {
        let line = lines[i % lines.len()];
        let rest = &line[line.find(",\"under\"").unwrap()..];
        out.push_str(&format!("{{\"id\":\"c{i:07}\"{rest}\n"));
    }
    out.into_bytes()
}

fn compile_pack(c: &mut Criterion) {
    c.bench_function("compile the built-in packs (kr, eu, jp)", |b| {
        b.iter(|| {
            let lib = Library::load(black_box(builtin_files()));
            assert_eq!(lib.packs.len(), 3);
            lib
        })
    });
}

fn judge_one(c: &mut Criterion) {
    let mut lib = Library::open(None);
    let text = std::fs::read_to_string("cases/kr/kakaopay-alipay-nsf.case").unwrap();
    let id = lib.sources.add("kakao.case", text);
    let read = entrust::case::read(&lib.sources, id, Format::Case);
    let (cases, errs) = entrust::batch::bind_cases(&lib, read.cases, None, &mut HashMap::new());
    assert!(errs.is_empty());
    let (i, bound) = &cases[0].bound[0];
    let pack = &lib.packs[*i];
    let mut ev = Evaluator::new();
    c.bench_function("judge Kakao Pay (3 stretches, Korean pack)", |b| {
        b.iter(|| judge(pack, &cases[0].case, black_box(bound), &mut ev, None))
    });
    c.bench_function("judge and explain Kakao Pay", |b| {
        b.iter(|| {
            judge(
                pack,
                &cases[0].case,
                black_box(bound),
                &mut ev,
                Some(&lib.sources),
            )
        })
    });
}

/// Streams `input` (JSON Lines) through the whole pipeline, verdicts to nowhere, in blocks of at
/// most `block` bytes; the number of verdicts written.
fn stream_all(lib: &Library, input: &[u8], block: usize, explain: bool) -> usize {
    let mut blocks = stream::jsonl_blocks(
        Arc::from("bench"),
        std::io::Cursor::new(input.to_vec()),
        stream::BlockSize::new(block),
    );
    let mut blocks: &mut dyn Iterator<Item = Result<Block, ReadError>> = &mut blocks;
    stream::run(
        lib,
        &stream::JsonLines { explain },
        None,
        &mut blocks,
        &mut std::io::sink(),
        &mut std::io::sink(),
        &mut |_| {},
    )
    .unwrap()
    .evaluated
}

fn batch(c: &mut Criterion) {
    let lib = Library::load(dir_files(Path::new("benches/packs")).unwrap());
    let input = cases(100_000);
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.throughput(Throughput::Elements(100_000));
    for (name, explain, block) in [
        (
            "100,000 bench cases, JSON Lines",
            false,
            stream::BLOCK_BYTES,
        ),
        (
            "100,000 bench cases, JSON Lines with the explanation",
            true,
            stream::SMALL_BLOCK_BYTES,
        ),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| assert_eq!(stream_all(&lib, &input, block, explain), 100_000))
        });
    }
    group.finish();
}

/// Korean cases of many stretches of law (`tests/fixtures/kr-cases.jsonl` under fresh ids),
/// judged under the three built-in laws (`--under kr,eu,jp`): the general path, each verdict
/// tens of kilobytes.
fn three_laws(c: &mut Criterion) {
    let mut lib = Library::load(builtin_files());
    lib.under = Some(vec!["kr".into(), "eu".into(), "jp".into()]);
    let fixture = std::fs::read_to_string("tests/fixtures/kr-cases.jsonl").unwrap();
    let lines: Vec<&str> = fixture.lines().filter(|l| !l.trim().is_empty()).collect();
    let n = 2_000;
    let mut input = String::new();
    for i in 0..n {
        let line = lines[i % lines.len()];
        let rest = &line[line.find(",\"under\"").unwrap()..];
        input.push_str(&format!("{{\"id\":\"k{i:05}\"{rest}\n"));
    }
    let input = input.into_bytes();
    let mut group = c.benchmark_group("three laws");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("2,000 Korean cases under kr, eu and jp, JSON Lines", |b| {
        b.iter(|| assert_eq!(stream_all(&lib, &input, stream::BLOCK_BYTES, false), 3 * n))
    });
    group.finish();
}

criterion_group!(benches, compile_pack, judge_one, batch, three_laws);
criterion_main!(benches);
