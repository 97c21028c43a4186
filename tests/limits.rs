//! The limits of the README's table (issue 11, §2): a file read whole larger than 64 MiB, a
//! JSON Lines line longer than 1 MiB and a case giving more than 1,000 facts are each refused
//! with an error naming the limit, at its place (the file, the line, the fact), in every reader
//! that meets them; and the values of an enum or set fact are held to 64.
//!
//! The files past the size limit are sparse (a terabyte that takes no disk): a reader that read
//! one whole, or before checking its size, would try to hold a terabyte (before the limit, such
//! a file was "out of memory", and a 256 MiB one took 800 MB and 3 s), so each test that ends
//! with the limit's error holds it by construction. Every input here is judged in well under a
//! second.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// Runs entrust in `dir`; exit code, stdout, stderr.
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = entrust().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs entrust in `dir` with `input` as its standard input; exit code, stdout, stderr.
fn run_with_stdin(dir: &Path, args: &[&str], input: Stdio) -> (Option<i32>, String, String) {
    let out = command()
        .current_dir(dir)
        .args(args)
        .stdin(input)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The entrust binary, as a process of the standard library (given a standard input).
fn command() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_entrust"))
}

/// A fresh folder holding the files given.
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The repository's root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Good cases, one a line.
fn good_lines() -> Vec<String> {
    std::fs::read_to_string(root().join("tests/fixtures/kr-cases.jsonl"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The id of a case line.
fn id_of(line: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    v["id"].as_str().unwrap().to_string()
}

// ---- the size of a file read whole -----------------------------------------------------------

/// A terabyte, sparse: no disk is used, and no reader could hold it.
const HUGE: u64 = 1 << 40;

/// Makes `path` a sparse file of [`HUGE`] bytes.
fn sparse(path: &Path) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::File::create(path).unwrap().set_len(HUGE).unwrap();
}

const TOO_LARGE: &str = "the file is larger than 64 MiB, the most entrust reads whole";

#[test]
fn case_files_larger_than_the_limit_are_refused_by_name_before_they_are_read() {
    let dir = folder(&[]);
    for name in ["huge.case", "huge.yaml"] {
        sparse(&dir.path().join(name));
        for cmd in ["eval", "check", "test"] {
            let (code, out, err) = run(dir.path(), &[cmd, name]);
            assert_eq!(code, Some(2), "{cmd} {name}: {err}");
            assert!(err.contains(TOO_LARGE), "{cmd} {name}: {err}");
            assert!(err.contains(&format!("--> {name}")), "{cmd} {name}: {err}");
            assert!(out.len() + err.len() < 2_000, "{cmd} {name}");
        }
        std::fs::remove_file(dir.path().join(name)).unwrap();
    }
    // A good file next to it is still judged.
    sparse(&dir.path().join("cases/huge.case"));
    std::fs::copy(
        root().join("cases/kr/courier-parcels.case"),
        dir.path().join("cases/good.case"),
    )
    .unwrap();
    let (code, out, err) = run(dir.path(), &["eval", "--format", "jsonl", "cases"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(TOO_LARGE), "{err}");
    assert!(out.contains("\"id\":\"courier-parcels\""), "{out}");
    // In Korean too.
    let (code, _, err) = run(dir.path(), &["--lang", "ko", "eval", "cases"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("파일이 64 MiB보다 큽니다. entrust가 한 번에 읽는 파일의 최대 크기입니다"),
        "{err}"
    );
}

#[test]
fn standard_input_past_the_limit_is_refused_having_read_no_more_than_the_limit() {
    // Standard input that is not JSON Lines is read whole: no further than the limit. A
    // terabyte of zeros (sparse) read to its end would not finish.
    let dir = folder(&[]);
    let path = dir.path().join("zeros");
    sparse(&path);
    let input = Stdio::from(std::fs::File::open(&path).unwrap());
    let (code, out, err) = run_with_stdin(dir.path(), &["eval", "-"], input);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(TOO_LARGE), "{err}");
    assert!(err.contains("--> <stdin>"), "{err}");
    assert!(out.len() + err.len() < 2_000);
}

#[test]
fn law_files_answers_files_and_files_to_format_past_the_limit_are_refused_by_name() {
    let dir = folder(&[]);
    // A statute file of a pack.
    sparse(&dir.path().join("p/t.law"));
    let (code, _, err) = run(dir.path(), &["--statutes", "p", "check", "p"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(TOO_LARGE), "{err}");
    assert!(err.contains("p/t.law"), "{err}");
    // A file to format.
    sparse(&dir.path().join("huge.case"));
    let (code, _, err) = run(dir.path(), &["fmt", "--check", "huge.case"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(TOO_LARGE), "{err}");
    assert!(err.contains("huge.case"), "{err}");
    // An answers file of `ask`.
    sparse(&dir.path().join("answers.txt"));
    let case = root().join("cases/kr/analytics-vendor-undecided.case");
    let (code, _, err) = run(
        dir.path(),
        &[
            "ask",
            case.to_str().unwrap(),
            "--answers",
            "answers.txt",
            "--no-save",
        ],
    );
    assert_ne!(code, Some(0), "{err}");
    assert!(err.contains(TOO_LARGE), "{err}");
    assert!(err.contains("answers.txt"), "{err}");
    // An answers file of `grade`.
    sparse(&dir.path().join("answers.yaml"));
    let cases = root().join("cases/training");
    let (code, _, err) = run(
        dir.path(),
        &["grade", "--cases", cases.to_str().unwrap(), "answers.yaml"],
    );
    assert_ne!(code, Some(0), "{err}");
    assert!(err.contains(TOO_LARGE), "{err}");
    assert!(err.contains("answers.yaml"), "{err}");
}

// ---- the length of a line of JSON Lines ------------------------------------------------------

/// The limit, in bytes.
const LINE_LIMIT: usize = 1 << 20;

/// A case line of exactly `len` bytes (its title padded).
fn line_of(id: &str, len: usize) -> String {
    let head = format!("{{\"id\":\"{id}\",\"under\":\"kr\",\"date\":\"2024-03-04\",\"title\":\"");
    let tail = "\"}";
    format!("{head}{}{tail}", "a".repeat(len - head.len() - tail.len()))
}

const TOO_LONG: &str = "line longer than 1 MiB, the most entrust reads of one line";

#[test]
fn a_line_longer_than_the_limit_is_refused_at_its_line_and_the_others_are_judged() {
    let good = good_lines();
    let long = line_of("long", 3 * LINE_LIMIT);
    let text = format!("{}\n{long}\n{}\n{}\n", good[0], good[1], good[2]);
    let dir = folder(&[("long.jsonl", &text)]);
    let judged = [id_of(&good[0]), id_of(&good[1]), id_of(&good[2])];
    // The fast path, the general path, and the readers of `check` and `test` (which read the
    // file whole) say the same.
    for args in [
        &["eval", "--format", "jsonl", "long.jsonl"][..],
        &["eval", "--format", "json", "long.jsonl"][..],
        &["eval", "--format", "jsonl", "--explain", "long.jsonl"][..],
        &["eval", "long.jsonl"][..],
        &["check", "long.jsonl"][..],
    ] {
        let (code, out, err) = run(dir.path(), args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains("long.jsonl:2:1"), "{args:?}: {err}");
        assert!(err.contains(TOO_LONG), "{args:?}: {err}");
        assert_eq!(err.matches("error:").count(), 1, "{args:?}: {err}");
        // The long line is not printed, only a window of it.
        assert!(err.len() < 1_000, "{args:?}: {err}");
        assert!(out.len() < long.len() / 2, "{args:?}: {}", out.len());
        if args[0] == "eval" {
            for id in &judged {
                assert!(out.contains(id.as_str()), "{args:?}: {id} not judged");
            }
            assert!(!out.contains("\"long\""), "{args:?}");
        }
    }
    // Standard input is read line by line the same way.
    let input = Stdio::from(std::fs::File::open(dir.path().join("long.jsonl")).unwrap());
    let (code, out, err) = run_with_stdin(dir.path(), &["eval", "--format", "jsonl", "-"], input);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("<stdin>:2:1"), "{err}");
    assert!(err.contains(TOO_LONG), "{err}");
    for id in &judged {
        assert!(out.contains(id.as_str()), "{id} not judged");
    }
    // In Korean too.
    let (_, _, err) = run(dir.path(), &["--lang", "ko", "eval", "long.jsonl"]);
    assert!(
        err.contains("줄이 1 MiB보다 깁니다. entrust가 한 줄에서 읽는 최대 길이입니다"),
        "{err}"
    );
}

#[test]
fn a_line_of_exactly_the_limit_is_read_and_one_byte_more_is_not() {
    // The line break (`\n` or `\r\n`) is not counted.
    let at = line_of("at-limit", LINE_LIMIT);
    let past = line_of("past-limit", LINE_LIMIT + 1);
    let text = format!("{at}\r\n{past}\r\n{at}\n");
    let dir = folder(&[("edge.jsonl", &text)]);
    for format in ["jsonl", "json"] {
        let (code, out, err) = run(dir.path(), &["eval", "--format", format, "edge.jsonl"]);
        assert_eq!(code, Some(2), "{format}: {err}");
        assert!(err.contains("edge.jsonl:2:1"), "{format}: {err}");
        assert!(err.contains(TOO_LONG), "{format}: {err}");
        assert!(out.contains("at-limit"), "{format}");
        assert!(!out.contains("past-limit"), "{format}");
        // The third line repeats the first one's id: the line numbers are right after the
        // long line.
        assert!(err.contains("edge.jsonl:3"), "{format}: {err}");
    }
}

/// The peak memory of a running process, in bytes, where `/proc` tells it.
fn peak_memory(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn a_line_of_many_megabytes_is_refused_in_bounded_memory() {
    // 64 MiB of one line, streamed: the reader keeps a little more than the limit of it (a
    // reader that held the line whole held it four times over, ~800 MB for 200 MB). Written
    // through a pipe, so the run ends only if it reads past the line to the next; once the
    // line is written, all but a pipe's buffer of it has been read, and the peak memory so far
    // is what reading it took.
    let good = good_lines();
    let dir = folder(&[]);
    let mut child = command()
        .current_dir(dir.path())
        .args(["eval", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let pid = child.id();
    let first = good[0].clone();
    let last = good[1].clone();
    let writer = std::thread::spawn(move || {
        writeln!(stdin, "{first}").unwrap();
        stdin.write_all(b"{\"id\":\"big\",\"title\":\"").unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..64 {
            stdin.write_all(&chunk).unwrap();
        }
        stdin.write_all(b"\"}\n").unwrap();
        let peak = peak_memory(pid);
        writeln!(stdin, "{last}").unwrap();
        peak
    });
    let out = child.wait_with_output().unwrap();
    let peak = writer.join().unwrap();
    // Well under the 64 MiB of the line (the process itself takes ~20 MB).
    if let Some(peak) = peak {
        assert!(peak < 56 << 20, "peak memory {peak} bytes");
    }
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("<stdin>:2:1"), "{stderr}");
    assert!(stderr.contains(TOO_LONG), "{stderr}");
    assert!(stderr.len() < 1_000, "{stderr}");
    assert!(stdout.contains(&id_of(&good[0])));
    assert!(stdout.contains(&id_of(&good[1])));
}

// ---- facts per case --------------------------------------------------------------------------

/// The limit.
const FACTS: usize = 1_000;

const TOO_MANY: &str = "more than 1,000 facts in one case";

/// `n` facts `f0 … f{n-1}`, in the case language, YAML and JSON Lines.
fn many_facts(n: usize) -> [(&'static str, String); 3] {
    let case: String = (0..n).map(|i| format!("  f{i} = true\n")).collect();
    let yaml: String = (0..n).map(|i| format!("  f{i}: true\n")).collect();
    let json: Vec<String> = (0..n).map(|i| format!("\"f{i}\":true")).collect();
    [
        (
            "many.case",
            format!("case many \"m\"\n  under kr\n  date 2024-03-04\n\nfacts\n{case}"),
        ),
        (
            "many.yaml",
            format!("id: many\nunder: kr\ndate: 2024-03-04\nfacts:\n{yaml}"),
        ),
        (
            "many.jsonl",
            format!(
                "{{\"id\":\"many\",\"under\":\"kr\",\"date\":\"2024-03-04\",\"facts\":{{{}}}}}\n",
                json.join(",")
            ),
        ),
    ]
}

#[test]
fn a_case_of_more_facts_than_the_limit_is_refused_once_at_the_first_past_it() {
    let files = many_facts(FACTS + 500);
    let json_col = files[2].1.find(&format!("\"f{FACTS}\"")).unwrap() + 2;
    let places = [
        // The header takes five lines: `f1000` is on line 6 + 1000.
        format!("many.case:{}:3", 6 + FACTS),
        format!("many.yaml:{}:3", 5 + FACTS),
        format!("many.jsonl:1:{json_col}"),
    ];
    for ((name, text), place) in files.iter().zip(&places) {
        let dir = folder(&[(name, text)]);
        let mut runs = vec![
            vec!["eval", name],
            vec!["check", name],
            vec!["eval", "--format", "json", name],
        ];
        if name.ends_with(".jsonl") {
            // The fast path leaves such a line to the general reader.
            runs.push(vec!["eval", "--format", "jsonl", name]);
            runs.push(vec!["eval", "--format", "jsonl", "--explain", name]);
        }
        for args in runs {
            let (code, _, err) = run(dir.path(), &args);
            assert_eq!(code, Some(2), "{args:?}: {err}");
            assert!(err.contains(TOO_MANY), "{args:?}: {err}");
            assert!(err.contains(place.as_str()), "{args:?}: {place}: {err}");
            // One error, not one per fact.
            assert_eq!(err.matches("error:").count(), 1, "{args:?}: {err}");
        }
    }
}

#[test]
fn a_case_of_as_many_facts_as_the_limit_is_read() {
    // Its facts are not the pack's: the case is refused for that, not for their number.
    for (name, text) in many_facts(FACTS) {
        let dir = folder(&[(name, &text)]);
        let (code, _, err) = run(dir.path(), &["eval", name]);
        assert_eq!(code, Some(2), "{name}: {err}");
        assert!(!err.contains(TOO_MANY), "{name}: {err}");
        assert!(err.contains("unknown fact `f0`"), "{name}: {err}");
    }
}

// ---- values of an enum or set fact -----------------------------------------------------------

#[test]
fn an_enum_or_set_fact_of_more_values_than_the_limit_is_refused_at_its_fact() {
    let values = |n: usize| {
        (0..n)
            .map(|i| format!("v{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for kind in ["enum", "set"] {
        let pack = |n: usize| {
            format!(
                "pack t \"test\"\nfact a : bool ask \"a?\"\nfact e : {kind} {{{}}} ask \"e?\"\n\
require r \"r\" requires a cite \"test\" violation XX-1 \"broken\"\n",
                values(n)
            )
        };
        let dir = folder(&[("p/t.law", &pack(64))]);
        let (code, _, err) = run(dir.path(), &["--statutes", "p", "check", "p"]);
        assert!(!err.contains("at most 64"), "{kind}: {err}");
        assert_ne!(code, Some(2), "{kind}: {err}");
        let dir = folder(&[("p/t.law", &pack(65))]);
        let (code, _, err) = run(dir.path(), &["--statutes", "p", "check", "p"]);
        assert_eq!(code, Some(2), "{kind}: {err}");
        assert!(
            err.contains("`e` lists 65 values; at most 64 are allowed"),
            "{kind}: {err}"
        );
        assert!(err.contains("p/t.law:3:"), "{kind}: {err}");
    }
}

// ---- depth of an explanation ------------------------------------------------------------------

#[test]
fn an_explanation_deeper_than_the_limit_ends_in_an_ellipsis_with_its_result() {
    // `a and not (a or not (…))`: each step nests two conditions (`and`/`or`, then `not`);
    // 12 steps put conditions 24 levels below the top one, past the explanation's limit.
    let pack = |steps: usize| {
        let mut cond = String::from("a");
        for i in 0..steps {
            let op = if i % 2 == 0 { "and" } else { "or" };
            cond = format!("a {op} not ({cond})");
        }
        format!(
            "pack t \"test\"\nfact a : bool ask \"a?\"\n\
require r \"r\" requires {cond} cite \"test\" violation XX-1 \"broken\"\n"
        )
    };
    let case = "case x \"x\" under t date 2024-01-01 facts a = true\n";
    for (steps, cut) in [(11, false), (12, true)] {
        let dir = folder(&[("p/t.law", &pack(steps)), ("x.case", case)]);
        // The fast path and the general one alike.
        for format in ["jsonl", "json"] {
            let (code, out, err) = run(
                dir.path(),
                &[
                    "--statutes",
                    "p",
                    "eval",
                    "--format",
                    format,
                    "--explain",
                    "x.case",
                ],
            );
            assert_eq!(code, Some(0), "{steps} {format}: {err}");
            let ellipsis = out.contains("\"title\":\"…\"") || out.contains("\"title\": \"…\"");
            assert_eq!(ellipsis, cut, "{steps} {format}: {out}");
        }
    }
}
