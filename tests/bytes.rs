//! Bytes as they come (issue 11, §1.4, §1.8, §1.9, §1.11 and the messages of §3): what one line
//! or one file can report is bounded, a long line is shown as a window around the place, every
//! reader follows one rule for the byte order mark and for bytes that are not UTF-8, the fast
//! JSON Lines path never writes what the general path would not, and the mistakes a person makes
//! in a hurry (a tab in YAML, `Vietnam`, `True`, `maybe`, month 13, a huge number, a NUL) are
//! each said with what to write instead.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;
use std::path::{Path, PathBuf};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One good case of each format, from the repository.
fn good_case() -> Vec<u8> {
    std::fs::read("cases/kr/academy-crm-saas-abroad-2024.case").unwrap()
}

fn good_yaml() -> Vec<u8> {
    std::fs::read("cases/kr/courier-parcels.yaml").unwrap()
}

fn good_jsonl() -> Vec<u8> {
    let all = std::fs::read_to_string("tests/fixtures/kr-cases.jsonl").unwrap();
    format!("{}\n", all.lines().next().unwrap()).into_bytes()
}

/// Runs entrust; exit code, stdout and stderr.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = entrust().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `bytes` with `with` in place of the first `what`.
fn replace(bytes: &[u8], what: &[u8], with: &[u8]) -> Vec<u8> {
    let at = bytes
        .windows(what.len())
        .position(|w| w == what)
        .unwrap_or_else(|| panic!("{} not found", String::from_utf8_lossy(what)));
    [&bytes[..at], with, &bytes[at + what.len()..]].concat()
}

// ---- §1.4: bounded reports ----------------------------------------------------------------

#[test]
fn a_thousand_unknown_facts_on_one_line_print_a_few_kilobytes() {
    // As many facts as a case may give (more are refused by their number, tests/limits.rs).
    let dir = tempfile::tempdir().unwrap();
    let facts: Vec<String> = (0..1_000)
        .map(|i| format!("\"unknown_fact_{i}\":true"))
        .collect();
    let line = format!(
        "{{\"id\":\"many\",\"under\":\"kr\",\"title\":\"t\",\"date\":\"2024-01-01\",\"facts\":{{{}}}}}\n",
        facts.join(",")
    );
    let input = write(dir.path(), "many.jsonl", line.as_bytes());
    for args in [
        vec!["eval", s(&input)],
        vec!["eval", "--format", "json", s(&input)],
        vec!["check", s(&input)],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.len() < 8_000, "{args:?}: {} bytes", err.len());
        assert_eq!(err.matches("error: unknown fact").count(), 20, "{args:?}");
        assert!(err.contains("and 980 more errors"), "{args:?}: {err}");
    }
}

#[test]
fn a_file_of_bad_lines_reports_its_first_twenty_errors_and_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let one = String::from_utf8(good_jsonl()).unwrap();
    let lines: String = (0..100)
        .map(|i| {
            one.replacen("\"kr-nsf\"", &format!("\"x{i}\""), 1)
                .replacen("\"facts\":{", "\"facts\":{\"bogus\":1,", 1)
        })
        .collect();
    let input = write(dir.path(), "lines.jsonl", lines.as_bytes());
    for cmd in ["eval", "check"] {
        let (code, _, err) = run(&[cmd, s(&input)]);
        assert_eq!(code, Some(2));
        assert_eq!(err.matches("error: unknown fact").count(), 20, "{cmd}");
        assert!(
            err.contains("and 80 more errors in this file"),
            "{cmd}: {err}"
        );
    }
}

#[test]
fn an_error_in_a_long_line_shows_a_window_with_the_column_right() {
    let dir = tempfile::tempdir().unwrap();
    let title = "가".repeat(300_000);
    let line = format!(
        "{{\"id\":\"long\",\"under\":\"kr\",\"title\":\"{title}\",\"date\":\"2024-01-01\",\"facts\":{{\"bogus_fact\":true}}}}\n"
    );
    let col = line[..line.find("bogus_fact").unwrap()].chars().count() + 1;
    let input = write(dir.path(), "long.jsonl", line.as_bytes());
    let (code, _, err) = run(&["eval", s(&input)]);
    assert_eq!(code, Some(2));
    assert!(err.len() < 2_000, "{} bytes", err.len());
    assert!(err.contains(&format!("long.jsonl:1:{col}")), "{err}");
    // The caret stands under the name in the window shown.
    let shown = err.lines().find(|l| l.starts_with("1 | ")).unwrap();
    let carets = err.lines().find(|l| l.contains('^')).unwrap();
    let width = |t: &str| -> usize {
        t.chars()
            .map(|c| if ('가'..='힣').contains(&c) { 2 } else { 1 })
            .sum()
    };
    let name_at = width(&shown[..shown.find("bogus_fact").unwrap()]);
    let caret_at = width(&carets[..carets.find('^').unwrap()]);
    assert_eq!(name_at, caret_at, "\n{shown}\n{carets}");
    assert!(carets.contains(&"^".repeat("bogus_fact".len())));
}

// ---- §1.8: one rule for bytes -----------------------------------------------------------------

#[test]
fn a_byte_order_mark_is_accepted_by_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("bom.case", good_case()),
        ("bom.yaml", good_yaml()),
        ("bom.jsonl", good_jsonl()),
    ] {
        let p = write(dir.path(), name, &[BOM, &bytes].concat());
        for cmd in ["eval", "check", "test"] {
            let (code, _, err) = run(&[cmd, s(&p)]);
            assert_eq!(code, Some(0), "{cmd} {name}: {err}");
        }
    }
    // Standard input.
    let out = entrust()
        .args(["eval", "--format", "jsonl", "-"])
        .write_stdin([BOM, &good_jsonl()].concat())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // fmt reads it and keeps it.
    let p = write(dir.path(), "fmt.case", &[BOM, &good_case()].concat());
    let (code, _, err) = run(&["fmt", "--check", s(&p)]);
    assert_eq!(code, Some(0), "{err}");
    // Statute files.
    let statutes = dir.path().join("statutes");
    copy_pack_with(&statutes, |b| [BOM, b].concat());
    let (code, _, err) = run(&["--statutes", s(&statutes), "check"]);
    assert_eq!(code, Some(0), "{err}");
    // Answers of `ask`.
    let case = write(
        dir.path(),
        "vendor.case",
        &std::fs::read("cases/kr/analytics-vendor-undecided.case").unwrap(),
    );
    let answers = [
        BOM,
        &std::fs::read("tests/fixtures/ask/vendor-answers.txt").unwrap(),
    ]
    .concat();
    let answers = write(dir.path(), "answers.txt", &answers);
    let (code, _, err) = run(&["ask", s(&case), "--answers", s(&answers)]);
    assert_eq!(code, Some(0), "{err}");
}

/// Copies the kr pack into `to/kr`, each statute file's bytes changed by `f` (the first only).
fn copy_pack_with(to: &Path, f: impl Fn(&[u8]) -> Vec<u8>) -> PathBuf {
    let pack = to.join("kr");
    std::fs::create_dir_all(&pack).unwrap();
    let mut names: Vec<PathBuf> = std::fs::read_dir("statutes/kr")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "law"))
        .collect();
    names.sort();
    let mut first = None;
    for (i, p) in names.iter().enumerate() {
        let bytes = std::fs::read(p).unwrap();
        let to = pack.join(p.file_name().unwrap());
        std::fs::write(&to, if i == 0 { f(&bytes) } else { bytes }).unwrap();
        first.get_or_insert(to);
    }
    first.unwrap()
}

/// Asserts an error naming invalid UTF-8 at `place` (`file:line:col`).
fn assert_not_utf8_at(args: &[&str], place: &str) {
    let (code, out, err) = run(args);
    assert_eq!(code, Some(2), "{args:?}: {err}");
    assert!(err.contains("invalid UTF-8 (byte 0xFF)"), "{args:?}: {err}");
    assert!(err.contains(&format!("--> {place}\n")), "{args:?}: {err}");
    assert!(!out.contains('\u{FFFD}'), "{args:?}: {out}");
}

#[test]
fn bytes_that_are_not_utf8_are_an_error_at_their_line_and_column_in_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    let case = write(
        dir.path(),
        "bad.case",
        &replace(&good_case(), b"academy-crm", b"academy\xFF-crm"),
    );
    let place = format!("{}:10:13", s(&case));
    for cmd in ["eval", "check", "test", "explain", "fmt"] {
        assert_not_utf8_at(&[cmd, s(&case)], &place);
    }
    let yaml = write(
        dir.path(),
        "bad.yaml",
        &replace(&good_yaml(), b"title: Online", b"title: On\xFFline"),
    );
    let place = format!("{}:6:10", s(&yaml));
    assert_not_utf8_at(&["eval", s(&yaml)], &place);
    assert_not_utf8_at(&["check", s(&yaml)], &place);
    // JSON Lines: the line is rejected, the others are read.
    let good = good_jsonl();
    let bad = replace(&good, b"NSF scoring", b"NSF \xFFscoring");
    let bad = replace(&bad, b"kr-nsf", b"kr-bad");
    let jsonl = write(dir.path(), "bad.jsonl", &[bad.as_slice(), &good].concat());
    let place = format!("{}:1:42", s(&jsonl));
    for format in ["jsonl", "json"] {
        let (code, out, err) = run(&["eval", "--format", format, s(&jsonl)]);
        assert_eq!(code, Some(2));
        assert!(err.contains(&format!("--> {place}\n")), "{err}");
        assert!(out.contains("kr-nsf") && !out.contains("kr-bad"), "{out}");
    }
    // Statute files.
    let statutes = dir.path().join("statutes");
    let law = copy_pack_with(&statutes, |b| {
        let mut b = b.to_vec();
        let nl = b.iter().position(|c| *c == b'\n').unwrap();
        b.insert(nl + 1, 0xFF);
        b
    });
    assert_not_utf8_at(
        &["--statutes", s(&statutes), "check"],
        &format!("{}:2:1", s(&law)),
    );
    // Answers of `ask`.
    let case = write(
        dir.path(),
        "vendor.case",
        &std::fs::read("cases/kr/analytics-vendor-undecided.case").unwrap(),
    );
    let answers = write(
        dir.path(),
        "answers.txt",
        b"processing_serves = trans\xFFferor\n",
    );
    let (code, _, err) = run(&["ask", s(&case), "--answers", s(&answers)]);
    assert_ne!(code, Some(0));
    assert!(err.contains("invalid UTF-8"), "{err}");
    assert!(err.contains(&format!("{}:1:26", s(&answers))), "{err}");
}

// ---- §1.9: the fast path and the general path agree ------------------------------------------

#[test]
fn the_fast_path_writes_valid_json_the_general_path_agrees_with() {
    let dir = tempfile::tempdir().unwrap();
    let good = good_jsonl();
    let korean = replace(
        &good,
        b"NSF scoring",
        "신용 평가 é \\u00e9 \\\"q\\\"".as_bytes(),
    );
    let korean = replace(&korean, b"kr-nsf", b"kr-ko");
    let bad = replace(&good, b"NSF scoring", b"NSF \xFFscoring \xC3");
    let bad = replace(&bad, b"kr-nsf", b"kr-bad");
    let input = write(
        dir.path(),
        "mixed.jsonl",
        &[korean.as_slice(), &bad, &good].concat(),
    );
    let out = entrust()
        .args(["eval", "--format", "jsonl", "--explain", s(&input)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let fast: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .expect("the output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    let out = entrust()
        .args(["eval", "--format", "json", "--explain", s(&input)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let general: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let general = general.as_array().unwrap();
    assert_eq!(fast.len(), 2);
    assert_eq!(&fast, general);
    assert_eq!(fast[0]["title"], "신용 평가 é é \"q\"");
}

// ---- §1.11: NUL and huge numbers --------------------------------------------------------------

#[test]
fn a_nul_byte_in_yaml_is_located_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "nul.yaml",
        &replace(&good_yaml(), b"title: Online", b"title: On\0line"),
    );
    let (code, _, err) = run(&["eval", s(&p)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("control character U+0000"), "{err}");
    assert!(err.contains(&format!("{}:6:10", s(&p))), "{err}");
}

#[test]
fn a_huge_number_is_out_of_range_for_its_fact_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let n = "99999999999999999999999999999999";
    let yaml = replace(
        &good_yaml(),
        b"facts:\n",
        format!("facts:\n  subjects_count: {n}\n").as_bytes(),
    );
    let yaml = replace(&yaml, b"  subjects_count: 120000\n", b"");
    let jsonl = replace(&good_jsonl(), b"40450000", n.as_bytes());
    let case = replace(
        &good_case(),
        b"subjects_count = 18000",
        format!("subjects_count = {n}").as_bytes(),
    );
    for (name, bytes) in [("h.yaml", yaml), ("h.jsonl", jsonl), ("h.case", case)] {
        let p = write(dir.path(), name, &bytes);
        let (code, _, err) = run(&["eval", s(&p)]);
        assert_eq!(code, Some(2), "{name}");
        assert!(
            err.contains(&format!(
                "the number `{n}` is out of range for fact `subjects_count`"
            )),
            "{name}: {err}"
        );
        assert!(err.contains(&"^".repeat(n.len())), "{name}: {err}");
        assert!(
            !err.contains("u128") && !err.contains("decimal"),
            "{name}: {err}"
        );
    }
}

// ---- §3: messages a lawyer can act on ---------------------------------------------------------

fn said(name: &str, bytes: &[u8], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), name, bytes);
    let mut all: Vec<&str> = args.to_vec();
    all.push(s(&p));
    let (code, _, err) = run(&all);
    assert_eq!(code, Some(2), "{name}: {err}");
    err
}

#[test]
fn a_tab_in_yaml_indentation_is_named() {
    let err = said(
        "tab.yaml",
        &replace(&good_yaml(), b"facts:\n  ", b"facts:\n\t"),
        &["eval"],
    );
    assert!(
        err.contains("a tab indents this line; YAML indents with spaces only"),
        "{err}"
    );
    assert!(err.contains("tab.yaml:15:1"), "{err}");
}

#[test]
fn a_country_name_is_answered_with_its_code() {
    let yaml = replace(
        &good_yaml(),
        b"recipient_country: KR",
        b"recipient_country: Vietnam",
    );
    let jsonl = replace(&good_jsonl(), b"\"SG\"", b"\"Vietnam\"");
    for (name, bytes) in [("v.yaml", yaml), ("v.jsonl", jsonl)] {
        let err = said(name, &bytes, &["eval"]);
        assert!(err.contains("`Vietnam` is not a country code"), "{err}");
        assert!(
            err.contains("help: write the country's ISO 3166-1 alpha-2 code in capitals: `VN`"),
            "{err}"
        );
    }
    let case = replace(
        &good_case(),
        b"recipient_country",
        b"recipient_country = Vietnam #",
    );
    let err = said("v.case", &case, &["eval"]);
    assert!(err.contains("alpha-2 code in capitals: `VN`"), "{err}");
    let err = said(
        "v.yaml",
        &replace(
            &good_yaml(),
            b"recipient_country: KR",
            "recipient_country: 베트남".as_bytes(),
        ),
        &["--lang", "ko", "eval"],
    );
    assert!(err.contains("`VN`"), "{err}");
}

#[test]
fn a_yes_no_fact_given_true_in_capitals_or_maybe_says_what_to_write() {
    let case = replace(
        &good_case(),
        b"written_contract      = true",
        b"written_contract      = True",
    );
    let err = said("t.case", &case, &["eval"]);
    assert!(
        err.contains("help: values are written in lower case: write `true`"),
        "{err}"
    );
    let maybe =
        "a yes/no fact takes yes or no (or true or false); if it is not known, write unknown";
    let case = replace(
        &good_case(),
        b"written_contract      = true",
        b"written_contract      = maybe",
    );
    let err = said("m.case", &case, &["eval"]);
    assert!(err.contains(maybe), "{err}");
    let yaml = replace(
        &good_yaml(),
        b"written_contract: true",
        b"written_contract: maybe",
    );
    let err = said("m.yaml", &yaml, &["eval"]);
    assert!(err.contains(maybe), "{err}");
}

#[test]
fn an_impossible_date_says_which_part_is_out_of_range() {
    let (code, _, err) = run(&[
        "--as-of",
        "2024-13-01",
        "eval",
        "cases/kr/courier-parcels.yaml",
    ]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("`2024-13-01` is not a date: month 13 is out of range (months run from 01 to 12); write the date as YYYY-MM-DD"),
        "{err}"
    );
    let (_, _, err) = run(&[
        "--as-of",
        "2023-02-29",
        "eval",
        "cases/kr/courier-parcels.yaml",
    ]);
    assert!(
        err.contains("day 29 is out of range (2023-02 has 28 days)"),
        "{err}"
    );
    let (_, _, err) = run(&["--as-of", "24-1-1", "eval", "cases/kr/courier-parcels.yaml"]);
    assert!(
        err.contains("`24-1-1` is not a date of the form YYYY-MM-DD"),
        "{err}"
    );
    let yaml = replace(&good_yaml(), b"from: 2024-01-01", b"from: 2024-13-01");
    let err = said("d.yaml", &yaml, &["eval"]);
    assert!(
        err.contains("`2024-13-01` is not a real date: month 13 is out of range"),
        "{err}"
    );
}
