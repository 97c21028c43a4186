//! The properties the fuzz targets check, one function a target. The stable property tests
//! (`tests/fuzz_properties.rs`) include this file too, so the fuzzers on nightly and the tests on
//! stable check the same things:
//!
//! - [`case_language`], [`yaml_cases`]: reading never panics; every diagnostic renders in both
//!   languages; every case read binds, is judged and renders under every pack it names.
//! - [`jsonl_fast_path`]: a batch run with the fast JSON Lines path writes byte for byte what the
//!   general path writes, verdicts and errors, with and without explanations, in both languages.
//! - [`statute`]: parsing, checking and compiling a pack never panics; a compiled pack judges a
//!   case of unknown facts (and one of first values) on every stretch.
//! - [`formatter`]: formatting never fails on a text that parses; formatting twice is
//!   formatting once; every comment survives, in order; the meaning (the syntax tree, spans
//!   aside) is unchanged.
//!
//! Where a check speaks one language or another (English or Korean, with or without
//! explanations), the input's length picks it: each input costs one run, and a fuzzer covers
//! every choice.
//!
//! A property that does not hold panics (that is how a fuzzer, and a test, see it).
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    dead_code
)]

use entrust::case::{Format, read};
use entrust::compile::pack::{FactType, Pack, Val};
use entrust::date::Date;
use entrust::diagnostic::Diagnostic;
use entrust::eval::{Evaluator, stretches};
use entrust::lang::Lang;
use entrust::library::{Library, PackFiles, builtin_files};
use entrust::source::{SourceId, SourceMap};
use entrust::stream::{self, Block, JsonLines, Sink};
use entrust::syntax::{parse_cases, parse_statute};
use entrust::verdict::Verdict;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// The bench pack's source, so that the checks need no working folder.
const BENCH_LAW: &str = include_str!("../../benches/packs/bench/bench.law");

/// The packs cases are judged under: the embedded ones (`kr`) and the bench pack, the packs'
/// texts in `lang`.
pub fn library(lang: Lang) -> &'static Library {
    static EN: OnceLock<Library> = OnceLock::new();
    static KO: OnceLock<Library> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    };
    cell.get_or_init(|| {
        let mut files = builtin_files();
        files.push(PackFiles {
            folder: "bench".to_string(),
            files: vec![(
                "benches/packs/bench/bench.law".to_string(),
                BENCH_LAW.to_string(),
            )],
            not_utf8: Vec::new(),
        });
        let lib = Library::load_in(files, lang);
        assert!(
            lib.packs.len() >= 2,
            "the fuzzers' packs do not compile: {:?}",
            lib.diagnostics
        );
        lib
    })
}

/// Renders every diagnostic in both languages (rendering must not panic either, and locates
/// each diagnostic in `sources`).
fn render_all(diags: &[Diagnostic], sources: &SourceMap) {
    for d in diags {
        for lang in [Lang::En, Lang::Ko] {
            let text = d.render_in(sources, entrust::words::words(lang));
            assert!(!text.is_empty());
        }
    }
}

/// The language a fuzz input is judged in: one or the other by the input's length, so that
/// both are covered at the cost of one.
fn pick_lang(len: usize) -> Lang {
    if len.is_multiple_of(2) {
        Lang::En
    } else {
        Lang::Ko
    }
}

/// Reads `text` as `format`, then binds, judges and renders every case read (in one language
/// or the other, by the text's length).
fn read_bind_judge(text: &str, format: Format) {
    let mut sources = SourceMap::new();
    let id = sources.add("fuzz", text);
    let r = read(&sources, id, format);
    render_all(&r.diagnostics, &sources);
    if r.cases.is_empty() {
        return;
    }
    let lang = pick_lang(text.len());
    let lib = library(lang);
    let (cases, errs) = entrust::batch::bind_cases(lib, r.cases, None, &mut HashMap::new());
    render_all(&errs, &sources);
    let mut ev = Evaluator::new();
    for c in &cases {
        for (i, bound) in &c.bound {
            let pack = &lib.packs[*i];
            let v = entrust::verdict::judge(pack, &c.case, bound, &mut ev, Some(&sources));
            render_verdict(&v, pack, lang);
        }
    }
}

/// Renders a verdict in the forms the command line writes.
fn render_verdict(v: &Verdict, pack: &Pack, lang: Lang) {
    let line = entrust::render::json::line(v);
    assert!(
        serde_json::from_str::<serde_json::Value>(&line).is_ok(),
        "a verdict's JSON does not parse: {line}"
    );
    let words = entrust::words::words(lang);
    let _ = entrust::render::text::summary(v, words);
    let memo = entrust::render::Memo::of(pack);
    let _ = entrust::render::text::explanation(v, &memo);
    let _ = entrust::render::csv::row(v);
}

/// The case language.
pub fn case_language(text: &str) {
    read_bind_judge(text, Format::Case);
}

/// YAML cases.
pub fn yaml_cases(text: &str) {
    read_bind_judge(text, Format::Yaml);
}

/// The JSON Lines sink with the fast path turned off: every line goes through the general
/// reader and the serde renderer.
struct General(JsonLines);

impl Sink for General {
    fn verdict(
        &self,
        v: &Verdict,
        pack: &Pack,
        case: &entrust::syntax::ast::CaseAst,
        out: &mut Vec<u8>,
    ) {
        self.0.verdict(v, pack, case, out);
    }
    fn explain(&self) -> bool {
        self.0.explain
    }
}

/// One batch run over `bytes` as one JSON Lines file: (verdicts, errors, counts).
fn batch(
    lib: &Library,
    sink: &(dyn Sink + Sync),
    bytes: &[u8],
) -> (Vec<u8>, Vec<u8>, (usize, usize)) {
    let block = Block {
        name: Arc::from("fuzz.jsonl"),
        format: Format::Jsonl,
        first_line: 1,
        text: bytes.to_vec(),
        size: None,
    };
    let mut blocks = std::iter::once(Ok(block));
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let counts = stream::run(
        lib,
        sink,
        None,
        &mut blocks,
        &mut out,
        &mut errors,
        &mut |_| {},
    )
    .expect("writing to memory does not fail");
    (out, errors, (counts.evaluated, counts.rejected))
}

/// The first line where two outputs differ, for the panic message.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    for (k, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  fast:    {x}\n  general: {y}", k + 1);
        }
    }
    format!(
        "one output is longer ({} lines against {})",
        a.lines().count(),
        b.lines().count()
    )
}

/// The fast JSON Lines path against the general one: a batch run over `bytes` writes the same
/// verdicts and the same errors either way (where the fast path declines a line, both runs read
/// it with the general reader; so this is "whenever the fast path writes a verdict, it is the
/// general path's"). With explanations or not, in English or Korean, by the input's length.
pub fn jsonl_fast_path(bytes: &[u8]) {
    jsonl_fast_path_in(bytes, pick_lang(bytes.len()), bytes.len() % 4 >= 2);
}

/// [`jsonl_fast_path`] in `lang`, with explanations when `explain`.
pub fn jsonl_fast_path_in(bytes: &[u8], lang: Lang, explain: bool) {
    let lib = library(lang);
    let fast = batch(lib, &JsonLines { explain }, bytes);
    let general = batch(lib, &General(JsonLines { explain }), bytes);
    let what = format!("{}, explain {explain}", lang.code());
    if fast.0 != general.0 {
        panic!(
            "the fast path's verdicts differ from the general path's ({what}): {}",
            first_difference(&fast.0, &general.0)
        );
    }
    if fast.1 != general.1 {
        panic!(
            "the fast path's errors differ from the general path's ({what}): {}",
            first_difference(&fast.1, &general.1)
        );
    }
    assert_eq!(fast.2, general.2, "counts differ ({what})");
    assert!(
        std::str::from_utf8(&fast.0).is_ok(),
        "the verdicts are not UTF-8 ({what})"
    );
    for line in String::from_utf8_lossy(&fast.0).lines() {
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_ok(),
            "a verdict line is not JSON ({what}): {line}"
        );
    }
}

/// The statute language: parse, check and compile as one pack, render every diagnostic, and
/// judge a compiled pack on every stretch of a few cases.
pub fn statute(text: &str) {
    let mut sources = SourceMap::new();
    let id = sources.add("fuzz.law", text);
    let file = match parse_statute(id, text) {
        Ok(f) => f,
        Err(diags) => {
            render_all(&diags, &sources);
            return;
        }
    };
    let checked = entrust::check::check_pack(&sources, &[(id, file)], pick_lang(text.len()));
    render_all(&checked.diagnostics, &sources);
    if let Some(pack) = checked.pack {
        judge_some(&pack);
    }
}

/// Judges a pack on a case of unknown facts and on a case of each type's first value, over a
/// period crossing every change date.
fn judge_some(pack: &Pack) {
    let unknown = vec![Val::Unknown; pack.facts.len()];
    let first: Vec<Val> = pack
        .facts
        .iter()
        .map(|f| match &f.ty {
            FactType::Bool => Val::Bool(true),
            FactType::Enum(_) => Val::Enum(0),
            FactType::Set(v) => Val::Set(if v.is_empty() { 0 } else { 1 }),
            FactType::Number => Val::Number(1),
            FactType::Date => Val::Date(Date(19_000)),
            FactType::Country => Val::Country(entrust::compile::pack::Country(*b"KR")),
        })
        .collect();
    let from = pack
        .change_dates
        .first()
        .map_or(Date(18_000), |d| Date(d.0.saturating_sub(1)));
    let to = pack
        .change_dates
        .last()
        .map_or(Date(20_000), |d| Date(d.0.saturating_add(1)));
    let (from, to) = if from <= to { (from, to) } else { (to, from) };
    let mut ev = Evaluator::new();
    for facts in [&unknown, &first] {
        for s in stretches(pack, from, to) {
            let _ = ev.judge(pack, facts, s);
        }
    }
}

/// The comments of a text, in order: from `#` outside a string to the end of the line, trailing
/// white space removed.
pub fn comments(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.split('\n') {
        let mut in_string = false;
        let mut escaped = false;
        for (i, c) in line.char_indices() {
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                }
            } else if c == '"' {
                in_string = true;
            } else if c == '#' {
                found.push(line[i..].trim_end().to_string());
                break;
            }
        }
    }
    found
}

/// Removes `Span { … }` from a `{:?}` rendering, leaving quoted strings alone.
pub fn strip_spans(debug: &str) -> String {
    let mut out = String::new();
    let mut rest = debug;
    let mut in_string = false;
    while let Some(c) = rest.chars().next() {
        if !in_string && rest.starts_with("Span {") {
            let end = rest.find('}').map_or(rest.len(), |i| i + 1);
            rest = &rest[end..];
            out.push_str("Span");
            continue;
        }
        if in_string && c == '\\' {
            let escaped: String = rest.chars().take(2).collect();
            out.push_str(&escaped);
            rest = &rest[escaped.len()..];
            continue;
        }
        if c == '"' {
            in_string = !in_string;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The meaning of a text in one language: its syntax tree without spans, or `None` when it
/// does not parse.
fn meaning(statute: bool, text: &str) -> Option<String> {
    let debug = if statute {
        parse_statute(SourceId(0), text)
            .ok()
            .map(|a| format!("{a:?}"))
    } else {
        parse_cases(SourceId(0), text)
            .ok()
            .map(|a| format!("{a:?}"))
    };
    debug.map(|d| strip_spans(&d))
}

/// The formatter, on `text` read as a statute and as a case.
pub fn formatter(text: &str) {
    for statute in [true, false] {
        let format = |t: &str| {
            if statute {
                entrust::format::format_statute(t)
            } else {
                entrust::format::format_case(t)
            }
        };
        let what = if statute { "statute" } else { "case" };
        let before = meaning(statute, text);
        let once = match format(text) {
            Ok(once) => once,
            Err(entrust::format::FormatError::Syntax(_)) => {
                assert!(
                    before.is_none(),
                    "the formatter refused a {what} that parses"
                );
                continue;
            }
            Err(e) => panic!("the formatter failed on a {what} that parses: {e}"),
        };
        assert!(
            before.is_some(),
            "the formatter formatted a {what} that does not parse"
        );
        assert_eq!(
            meaning(statute, &once),
            before,
            "formatting changed the meaning of a {what}"
        );
        assert_eq!(
            comments(&once),
            comments(text),
            "formatting lost, changed or moved a comment of a {what}"
        );
        match format(&once) {
            Ok(twice) => assert_eq!(
                twice, once,
                "formatting a {what} twice differs from formatting it once"
            ),
            Err(e) => panic!("the formatter refused its own output ({what}): {e}"),
        }
    }
}
