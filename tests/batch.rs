//! Batch runs: the fast path writes exactly what the general path writes, output order is the
//! input order whatever `--jobs`, bad lines are reported and skipped, reports are written
//! atomically and never over an input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;

use entrust::case::{Format, read};
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::render::json;
use entrust::verdict::judge;
use std::collections::HashMap;
use std::path::PathBuf;

/// Many bench cases: the edge cases repeated under fresh ids.
fn many_cases(n: usize) -> String {
    let edge = std::fs::read_to_string("benches/bench/edge_cases.jsonl").unwrap();
    let lines: Vec<&str> = edge.lines().collect();
    (0..n)
        .map(|i| {
            let line = lines[i % lines.len()];
            let rest = &line[line.find(",\"under\"").unwrap()..];
            format!("{{\"id\":\"c{i:07}\"{rest}\n")
        })
        .collect()
}

/// What the general reader and the serde verdict give, line by line (with the explanation
/// when `explain`; `file` names the input as the command line does), the packs' texts and the
/// explanation's words in `lang`.
fn general_path(
    statutes: Option<&str>,
    file: &str,
    text: &str,
    explain: bool,
    lang: entrust::lang::Lang,
) -> String {
    let mut lib = Library::open_in(statutes.map(std::path::Path::new), lang);
    let id = lib.sources.add(file, text);
    let r = read(&lib.sources, id, Format::Jsonl);
    assert!(r.diagnostics.is_empty());
    let (cases, errs) = entrust::batch::bind_cases(&lib, r.cases, None, &mut HashMap::new());
    assert!(errs.is_empty());
    let mut ev = Evaluator::new();
    let mut out = String::new();
    for c in &cases {
        for (i, b) in &c.bound {
            out.push_str(&json::line(&judge(
                &lib.packs[*i],
                &c.case,
                b,
                &mut ev,
                explain.then_some(&lib.sources),
            )));
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_fast_path_writes_what_the_general_path_writes() {
    for (lang, explain) in [
        (entrust::lang::Lang::En, false),
        (entrust::lang::Lang::En, true),
        (entrust::lang::Lang::Ko, false),
        (entrust::lang::Lang::Ko, true),
    ] {
        for (statutes, file) in [
            (Some("benches/packs"), "benches/bench/edge_cases.jsonl"),
            (Some("benches/packs"), "benches/bench/explain-edge.jsonl"),
            (None, "tests/fixtures/kr-cases.jsonl"),
        ] {
            let text = std::fs::read_to_string(file).unwrap();
            let mut cmd = entrust();
            if let Some(s) = statutes {
                cmd.args(["--statutes", s]);
            }
            cmd.args(["--lang", lang.code(), "eval", "--format", "jsonl", file]);
            if explain {
                cmd.arg("--explain");
            }
            let out = cmd.output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let fast = String::from_utf8(out.stdout).unwrap();
            let general = general_path(statutes, file, &text, explain, lang);
            for (k, (a, b)) in fast.lines().zip(general.lines()).enumerate() {
                assert_eq!(a, b, "{file}, line {}, explain {explain}, {lang}", k + 1);
            }
            assert_eq!(fast, general, "{file}, explain {explain}, {lang}");
        }
    }
}

#[test]
fn output_is_in_input_order_whatever_the_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.jsonl");
    // Over two blocks of input, so that several blocks are judged at once.
    std::fs::write(&input, many_cases(6000)).unwrap();
    let run = |jobs: &str| {
        let out = entrust()
            .args([
                "--statutes",
                "benches/packs",
                "eval",
                "--format",
                "jsonl",
                "--jobs",
                jobs,
                input.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        out.stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
    let ids: Vec<String> = String::from_utf8(one)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), 6000);
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn a_bad_line_is_reported_with_its_line_and_the_rest_go_on() {
    let mut text = many_cases(3000);
    // Line 2001: a misspelt fact; line 2500: not JSON; line 2999 repeats the id of line 1.
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[2000] = lines[2000].replace(
        "\"facts\":{",
        "\"facts\":{\"procesing_serves\":\"recipient\",",
    );
    lines[2499] = "{not json".to_string();
    // Line 2701: a fact given twice (JSON parsers keep the last one without a word).
    lines[2700] = lines[2700].replace(
        "\"facts\":{",
        "\"facts\":{\"supervision\":\"none\",\"supervision\":\"active\",",
    );
    lines[2998] = lines[2998].replace("\"id\":\"c0002998\"", "\"id\":\"c0000000\"");
    text = lines.join("\n") + "\n";
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.jsonl");
    std::fs::write(&input, text).unwrap();
    let out = entrust()
        .args([
            "--statutes",
            "benches/packs",
            "eval",
            "--format",
            "jsonl",
            input.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2996);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown fact `procesing_serves`"), "{err}");
    assert!(err.contains("bad.jsonl:2001:"), "{err}");
    assert!(err.contains("bad.jsonl:2500:"), "{err}");
    assert!(err.contains("key `supervision` is given twice"), "{err}");
    assert!(err.contains("bad.jsonl:2701:"), "{err}");
    assert!(
        err.contains("case id `c0000000` is used twice in this run"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with("2996 evaluated, 4 rejected"),
        "{err}"
    );
}

#[test]
fn output_file_is_written_whole_and_never_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, many_cases(50)).unwrap();
    let report = dir.path().join("report.jsonl");
    std::fs::write(&report, "an older report\n").unwrap();
    let out = entrust()
        .args([
            "--statutes",
            "benches/packs",
            "eval",
            "--format",
            "jsonl",
            "--output",
            report.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&report).unwrap().lines().count(),
        50
    );
    // Writing over the input is refused and the input is left as it was.
    let before = std::fs::read(&input).unwrap();
    let out = entrust()
        .args([
            "--statutes",
            "benches/packs",
            "eval",
            "--output",
            input.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("never writes over an input")
    );
    assert_eq!(std::fs::read(&input).unwrap(), before);
    // No temporary file is left behind.
    let names: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn standard_input_takes_json_lines_or_yaml() {
    let out = entrust()
        .args([
            "--statutes",
            "benches/packs",
            "eval",
            "--format",
            "jsonl",
            "-",
        ])
        .write_stdin(many_cases(5))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 5);
    let yaml = std::fs::read_to_string("cases/kr/courier-parcels.yaml").unwrap();
    let out = entrust()
        .args(["eval", "--format", "jsonl", "-"])
        .write_stdin(yaml)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("\"id\":\"courier-parcels-yaml\"")
    );
}

#[test]
fn json_output_is_one_valid_array() {
    let out = entrust()
        .args(["eval", "--format", "json", "cases/kr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().len() >= 10);
}
