//! No input makes a parser, a reader or the evaluator panic: random text, and sample files with
//! random edits, and random fact values evaluated under the Korean pack.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use entrust::case::{Format, read};
use entrust::compile::pack::{FactType, Val};
use entrust::date::Date;
use entrust::eval::{Evaluator, stretches};
use entrust::library::Library;
use entrust::source::SourceMap;
use entrust::syntax::{parse_cases, parse_statute};
use proptest::prelude::*;
use std::sync::OnceLock;

fn samples() -> &'static Vec<String> {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        let mut out = Vec::new();
        for dir in ["cases/kr", "cases/invalid", "statutes/kr"] {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x != "md") {
                    out.push(std::fs::read_to_string(p).unwrap());
                }
            }
        }
        out
    })
}

fn library() -> &'static Library {
    static L: OnceLock<Library> = OnceLock::new();
    L.get_or_init(|| Library::open(None))
}

/// Applies edits (delete, insert, duplicate a slice) to a text, on character boundaries.
fn mutate(text: &str, edits: &[(u16, u16, u8)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(at, len, op) in edits {
        if chars.is_empty() {
            break;
        }
        let at = usize::from(at) % chars.len();
        let end = (at + usize::from(len) % 40).min(chars.len());
        match op % 4 {
            0 => {
                chars.drain(at..end);
            }
            1 => {
                let piece: Vec<char> = chars[at..end].to_vec();
                chars.splice(at..at, piece);
            }
            2 => chars.insert(
                at,
                ['(', '{', '"', '#', '\n', '=', '-', ':', 'é', '\u{0}'][usize::from(len) % 10],
            ),
            _ => {
                let piece: Vec<char> =
                    "not and or contains all { } unknown 2023-02-30 KR 999999999999999999999"
                        .chars()
                        .collect();
                let s = usize::from(len) % piece.len();
                chars.splice(at..at, piece[s..].iter().copied().take(12));
            }
        }
    }
    chars.into_iter().collect()
}

fn parse_everything(text: &str) {
    let mut sm = SourceMap::new();
    let id = sm.add("fuzz", text);
    let _ = parse_statute(id, text);
    let _ = parse_cases(id, text);
    let _ = read(&sm, id, Format::Yaml);
    let _ = read(&sm, id, Format::Jsonl);
    // Whatever parses as a pack must check without panicking.
    if let Ok(file) = parse_statute(id, text) {
        let _ = entrust::check::check_pack(&sm, &[(id, file)], entrust::lang::Lang::Ko);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,300}") {
        parse_everything(&text);
    }

    #[test]
    fn mutated_samples_never_panic(which in 0usize..1000, edits in prop::collection::vec((any::<u16>(), any::<u16>(), any::<u8>()), 1..8)) {
        let s = samples();
        let text = mutate(&s[which % s.len()], &edits);
        parse_everything(&text);
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed(depth in 50usize..3000) {
        let cond = format!("{}a{}", "(".repeat(depth), ")".repeat(depth));
        let text = format!("pack t \"t\"\nfact a : bool ask \"?\"\ntest x \"x\" cite \"c\" if {cond}\n");
        parse_everything(&text);
        let nots = format!("pack t \"t\"\nfact a : bool ask \"?\"\ntest x \"x\" cite \"c\" if {}a\n", "not ".repeat(depth));
        parse_everything(&nots);
    }

    #[test]
    fn evaluation_never_panics_and_is_deterministic(
        seeds in prop::collection::vec(any::<u64>(), 40),
        from in 10_000i32..21_000,
        len in 0i32..4000,
    ) {
        let pack = library().pack("kr").unwrap();
        let facts: Vec<Val> = pack.facts.iter().zip(seeds.iter().cycle()).map(|(f, &r)| {
            if r % 4 == 0 { return Val::Unknown; }
            match &f.ty {
                FactType::Bool => Val::Bool(r % 2 == 0),
                FactType::Enum(v) => Val::Enum((r as usize % v.len()) as u8),
                FactType::Set(v) => Val::Set(r & ((1u64 << v.len()) - 1)),
                FactType::Number => Val::Number(r % 100_000_000),
                FactType::Date => Val::Date(Date(10_000 + (r % 10_000) as i32)),
                FactType::Country => Val::Country(entrust::compile::pack::Country(if r % 3 == 0 { *b"KR" } else { *b"SG" })),
            }
        }).collect();
        let mut ev = Evaluator::new();
        for s in stretches(pack, Date(from), Date(from + len)) {
            let a = ev.judge(pack, &facts, s);
            let b = Evaluator::new().judge(pack, &facts, s);
            prop_assert_eq!(a.lawful, b.lawful);
            prop_assert_eq!(&a.violations, &b.violations);
            prop_assert_eq!(&a.grounds, &b.grounds);
            // Violations are found exactly when the stretch is unlawful.
            prop_assert_eq!(!a.violations.is_empty(), a.lawful == entrust::eval::tri::Tri::False);
        }
    }
}
