//! The fuzz targets' properties (`fuzz/src/lib.rs`) as property tests on stable, so that every
//! test run checks them without nightly: the repository's own files, edited at random, through
//! the case language, YAML cases, the fast JSON Lines path against the general one, the statute
//! language, and the formatter.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../fuzz/src/lib.rs"]
mod checks;

use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

/// The files of `dirs` whose names end in one of `exts`, as bytes.
fn files(dirs: &[&str], exts: &[&str]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for dir in dirs {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| exts.iter().any(|e| x == Path::new(e)))
            })
            .collect();
        paths.sort();
        for p in paths {
            out.push(std::fs::read(p).unwrap());
        }
    }
    assert!(!out.is_empty(), "no sample in {dirs:?}");
    out
}

fn case_files() -> &'static [Vec<u8>] {
    static S: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    S.get_or_init(|| {
        files(
            &[
                "cases/kr",
                "cases/invalid",
                "cases/training",
                "tests/fixtures",
            ],
            &["case"],
        )
    })
}

fn yaml_files() -> &'static [Vec<u8>] {
    static S: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    S.get_or_init(|| {
        files(
            &["cases/kr", "cases/invalid", "cases/training"],
            &["yaml", "yml"],
        )
    })
}

fn statute_files() -> &'static [Vec<u8>] {
    static S: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    S.get_or_init(|| files(&["statutes/kr", "benches/packs/bench"], &["law"]))
}

/// Single lines of the repository's JSON Lines inputs.
fn jsonl_lines() -> &'static [Vec<u8>] {
    static S: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    S.get_or_init(|| {
        let mut out = Vec::new();
        for text in files(&["benches/bench", "tests/fixtures"], &["jsonl"]) {
            for line in text.split(|b| *b == b'\n') {
                if !line.is_empty() {
                    out.push(line.to_vec());
                }
            }
        }
        out
    })
}

/// Pieces an edit may insert: the languages' words and punctuation, JSON's, and bytes a reader
/// must refuse or handle (invalid UTF-8, a NUL, a BOM, an escape, a huge number).
const PIECES: &[&[u8]] = &[
    b" ",
    b"\n",
    b"\r\n",
    b"\t",
    b"# comment\n",
    b" # trailing \"quoted\" # comment",
    b"\"",
    b"\\",
    b"\\u00e9",
    b"\\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b"(",
    b")",
    b",",
    b":",
    b"=",
    b"-",
    b" and ",
    b" or ",
    b"not ",
    b" contains ",
    b"unknown",
    b"null",
    b"true",
    b"false",
    b"2024-02-30",
    b"2023-01-01",
    b"KR",
    b"999999999999999999999",
    b"1e3",
    b"0.5",
    b"\xff",
    b"\xc3",
    b"\xe2\x80",
    b"\0",
    b"\xef\xbb\xbf",
    b"\xed\x95\x9c",
    b"\"id\":\"c0000001\",",
    b"\"facts\":{}",
    b"\"title\":\"t\",",
    b"\"under\":\"kr\",",
    b"\"period\":{\"from\":\"2020-01-01\",\"to\":\"2019-01-01\"},",
];

/// An edit: (where, length, what) — delete a slice, duplicate it, insert a piece, or replace a
/// byte.
type Edit = (u16, u16, u8);

/// Applies edits to bytes (not necessarily on character boundaries: invalid UTF-8 is part of
/// what the readers must take).
fn mutate(text: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut b = text.to_vec();
    for &(at, len, op) in edits {
        let at = if b.is_empty() {
            0
        } else {
            usize::from(at) % b.len()
        };
        let end = (at + usize::from(len) % 24).min(b.len());
        match op % 4 {
            0 => {
                b.drain(at..end);
            }
            1 => {
                let piece = b[at..end].to_vec();
                b.splice(at..at, piece);
            }
            2 => {
                let piece = PIECES[usize::from(len) % PIECES.len()];
                b.splice(at..at, piece.iter().copied());
            }
            _ => {
                if let Some(c) = b.get_mut(at) {
                    *c = (len % 256) as u8;
                }
            }
        }
    }
    b
}

/// Edits that keep a text parsing, mostly: white space, comments and line breaks between the
/// words of a line (for the formatter, whose properties only bite on texts that parse).
fn respace(text: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut b = text.to_vec();
    for &(at, len, op) in edits {
        if b.is_empty() {
            break;
        }
        let at = usize::from(at) % b.len();
        // Only next to a space or a line break, so no word is split.
        let Some(pos) = b[at..].iter().position(|c| *c == b' ' || *c == b'\n') else {
            continue;
        };
        let pos = at + pos;
        let piece: &[u8] = match op % 6 {
            0 => b"  ",
            1 => b"\t",
            2 => b"\n",
            3 => b"\n\n\n",
            4 => b" # a comment, \"quoted\" #\n",
            _ => b"\r\n",
        };
        if op % 6 == 4 || len % 2 == 0 {
            b.splice(pos..pos, piece.iter().copied());
        } else if b.get(pos) == Some(&b' ') && b.get(pos + 1) == Some(&b' ') {
            b.remove(pos);
        }
    }
    b
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec((any::<u16>(), any::<u16>(), any::<u8>()), 1..6)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

// Few cases each, so that the whole file runs in a few seconds in a debug build: these tests
// keep the properties checked on every run; the fuzzers (fuzz/README.md) search for real.
proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn the_case_language(which in any::<usize>(), e in edits()) {
        let s = case_files();
        checks::case_language(&text(&mutate(&s[which % s.len()], &e)));
    }

    #[test]
    fn yaml_cases(which in any::<usize>(), e in edits()) {
        let s = yaml_files();
        checks::yaml_cases(&text(&mutate(&s[which % s.len()], &e)));
    }

    #[test]
    fn the_fast_jsonl_path_writes_what_the_general_path_writes(
        picks in prop::collection::vec(any::<usize>(), 1..4),
        e in edits(),
        korean in any::<bool>(),
        explain in any::<bool>(),
    ) {
        let s = jsonl_lines();
        let mut input = Vec::new();
        for p in picks {
            input.extend_from_slice(&s[p % s.len()]);
            input.push(b'\n');
        }
        let input = mutate(&input, &e);
        // One language and one form a case (a run sets up every pack's fragments: in a debug
        // build that is most of the cost).
        let lang = if korean { entrust::lang::Lang::Ko } else { entrust::lang::Lang::En };
        checks::jsonl_fast_path_in(&input, lang, explain);
    }

    #[test]
    fn the_statute_language(which in any::<usize>(), e in edits()) {
        let s = statute_files();
        checks::statute(&text(&mutate(&s[which % s.len()], &e)));
    }

    #[test]
    fn the_formatter_on_respaced_files(which in any::<usize>(), statute in any::<bool>(), e in prop::collection::vec((any::<u16>(), any::<u16>(), any::<u8>()), 1..24)) {
        let s = if statute { statute_files() } else { case_files() };
        checks::formatter(&text(&respace(&s[which % s.len()], &e)));
    }

    #[test]
    fn the_formatter_on_edited_files(which in any::<usize>(), e in edits()) {
        let s = case_files();
        checks::formatter(&text(&mutate(&s[which % s.len()], &e)));
    }
}
