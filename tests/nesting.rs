//! Hostile depth and length (issue 11, §1.1 and §1.2): tens of thousands of nested brackets in
//! a YAML case, a JSON Lines case or an answers file are refused at the bracket that passes
//! the limit, before the YAML or JSON reader sees them; `and`/`or` chains of tens of thousands
//! of operands are read, checked, judged, explained, searched and formatted without exhausting
//! the stack (each chain is one node, and nesting is bounded).
//!
//! Every input is sized so that the run takes well under a second with linear code; each
//! assertion is on what a user sees (exit code, located error, size of the output).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;
use std::path::Path;

/// Runs entrust in `dir`; exit code, stdout, stderr.
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = entrust().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
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

/// How many brackets the hostile inputs nest (the YAML reader took ~4 s on as many).
const DEEP: usize = 40_000;

// ---- §1.1: nested brackets in YAML and JSON -------------------------------------------------

#[test]
fn yaml_case_with_deep_flow_brackets_is_refused_at_the_bracket_past_the_limit() {
    let text = format!("id: x\nfacts:\n  a: {}\n", "[".repeat(DEEP));
    let dir = folder(&[("deep.yaml", &text)]);
    for cmd in ["eval", "check"] {
        let (code, out, err) = run(dir.path(), &[cmd, "deep.yaml"]);
        assert_eq!(code, Some(2), "{cmd}: {err}");
        // Line 3: the mapping of `id` and `facts` and that of `a` are two levels, and `  a: `
        // five columns: the 63rd bracket, at column 68, passes the limit.
        assert!(err.contains("deep.yaml:3:68"), "{cmd}: {err}");
        assert!(
            err.contains("lists and mappings nested more than 64 levels deep"),
            "{cmd}: {err}"
        );
        assert!(out.len() + err.len() < 2 * text.len() + 2_000, "{cmd}");
    }
}

#[test]
fn yaml_flow_brackets_over_many_lines_are_refused_on_their_line() {
    // Flow collections go on over lines: the 63rd bracket (see above) is on line 65.
    let text = format!("id: x\nfacts:\n  a: {}", "[\n".repeat(DEEP));
    let dir = folder(&[("deep.yaml", &text)]);
    let (code, _, err) = run(dir.path(), &["eval", "deep.yaml"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("deep.yaml:65:1"), "{err}");
    assert!(err.contains("lists and mappings nested more than 64 levels deep"));
    // Every line is short: nothing long is printed.
    assert!(err.len() < 2_000, "{err}");
}

#[test]
fn yaml_block_collections_nested_deep_are_refused_at_the_entry_past_the_limit() {
    // `- - - …`: the YAML reader kept each level (2,000,000 of them took 600 MB) before its
    // recursion limit; the 65th `-` is at column 129.
    let text = "- ".repeat(5 * DEEP);
    let dir = folder(&[("deep.yaml", &text)]);
    let (code, _, err) = run(dir.path(), &["eval", "deep.yaml"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("deep.yaml:1:129"), "{err}");
    assert!(err.contains("lists and mappings nested more than 64 levels deep"));
    assert!(err.len() < 2 * text.len() + 2_000);
    // Keys, each on its line and indented one more: the 65th is on line 65.
    let text: String = (0..DEEP / 100)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect();
    let dir = folder(&[("stairs.yaml", &text)]);
    let (code, _, err) = run(dir.path(), &["eval", "stairs.yaml"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("stairs.yaml:65:65"), "{err}");
    assert!(err.contains("lists and mappings nested more than 64 levels deep"));
    assert!(err.len() < 2_000, "{err}");
}

#[test]
fn yaml_brackets_in_text_are_not_counted() {
    // Quoted, commented and block text may hold any brackets: the case reads.
    let many = "[".repeat(DEEP);
    let text = format!(
        "id: x\ntitle: \"{many}\"\n# {many}\nnotes: |\n  {many}\nunder: kr\nfacts:\n  recipient_country: KR\n"
    );
    let dir = folder(&[("text.yaml", &text)]);
    let (code, _, err) = run(dir.path(), &["check", "text.yaml"]);
    assert!(!err.contains("nested"), "{err}");
    assert!(code == Some(0) || code == Some(2), "{err}");
}

#[test]
fn yaml_brackets_after_a_tag_or_an_anchor_are_counted() {
    for prefix in ["!t ", "&x "] {
        let text = format!("id: x\nfacts:\n  a: {prefix}{}\n", "[".repeat(DEEP));
        let dir = folder(&[("deep.yaml", &text)]);
        let (code, _, err) = run(dir.path(), &["eval", "deep.yaml"]);
        assert_eq!(code, Some(2), "{prefix}: {err}");
        assert!(
            err.contains("lists and mappings nested more than 64 levels deep"),
            "{prefix}: {err}"
        );
    }
}

#[test]
fn jsonl_line_with_deep_brackets_is_refused_on_either_path_and_the_others_go_on() {
    let good = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kr-cases.jsonl"),
    )
    .unwrap();
    let first = good.lines().next().unwrap();
    // `{"id": ` holds the first level: the 64th `[` passes the limit, at column 71.
    let text = format!("{first}\n{{\"id\": {}\n{first}\n", "[".repeat(DEEP));
    let dir = folder(&[("deep.jsonl", &text)]);
    // The fast path (`--format jsonl`) and the general one (`--format json`) say the same.
    for format in ["jsonl", "json"] {
        let (code, out, err) = run(dir.path(), &["eval", "--format", format, "deep.jsonl"]);
        assert_eq!(code, Some(2), "{format}: {err}");
        assert!(err.contains("deep.jsonl:2:71"), "{format}: {err}");
        assert!(
            err.contains("lists and mappings nested more than 64 levels deep"),
            "{format}: {err}"
        );
        assert!(err.len() < 2 * DEEP + 2_000, "{format}");
        // The case of the first line is judged (the third repeats its id).
        assert!(out.contains("\"id\":"), "{format}: {out}");
    }
}

#[test]
fn answers_file_with_deep_brackets_is_refused_with_its_line_and_column() {
    let text = format!(
        "trainee: T\nanswers:\n  - case: courier-parcels-training\n    because: {}\n",
        "[".repeat(DEEP)
    );
    let dir = folder(&[("answers.yaml", &text)]);
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases/training");
    let (code, _, err) = run(
        dir.path(),
        &["grade", "--cases", cases.to_str().unwrap(), "answers.yaml"],
    );
    assert_eq!(code, Some(2), "{err}");
    // The mapping of `answers`, its list and the answer's mapping are three levels, and
    // `    because: ` is 13 characters: the 62nd bracket, at column 75, passes the limit.
    assert!(
        err.contains("answers.yaml:4:75: lists and mappings nested more than 64 levels deep"),
        "{err}"
    );
    assert!(err.len() < 2_000, "{err}");
}

// ---- §1.2: long `and` / `or` chains -----------------------------------------------------------

/// How many operands the long chains have (15,000 overflowed the stack).
const LONG: usize = 15_000;

/// A pack whose test `t` is an `or` chain and whose requirement is an `and` chain, each of
/// [`LONG`] operands, with `not` and a comparison among them.
fn chain_pack() -> String {
    let ands = vec!["a"; LONG].join(" and ");
    let ors = vec!["not b"; LONG].join(" or ");
    format!(
        "pack t \"test\"\nfact a : bool ask \"a?\"\nfact b : bool ask \"b?\"\nfact e : enum {{x, y}} ask \"e?\"\n\
test t \"t\" cite \"c\" if {ors} or e = x\n\
require r \"r\" requires {ands} and t cite \"test\" violation XX-1 \"broken\"\n"
    )
}

const CASE: &str = "case x \"x\" under t date 2024-01-01\n  facts\n    a = true\n    b = true\n";

#[test]
fn long_chains_are_checked_judged_explained_and_searched() {
    let pack = chain_pack();
    let dir = folder(&[("p/t.law", &pack), ("x.case", CASE)]);
    // `b` is true, so every `not b` is false, and `e` is unknown: the test, and so the
    // requirement, are open, and `e` settles them.
    let (code, out, err) = run(dir.path(), &["--statutes", "p", "eval", "x.case"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("x [t]: undecided, lawfulness open"), "{out}");
    assert!(out.contains("settled by e"), "{out}");
    let (code, out, err) = run(dir.path(), &["--statutes", "p", "explain", "x.case"]);
    assert_eq!(code, Some(0), "{err}");
    // One line or so per operand of a chain at most.
    assert!(out.len() < 200 * LONG, "{}", out.len());
    let (code, out, err) = run(
        dir.path(),
        &[
            "--statutes",
            "p",
            "eval",
            "--explain",
            "--format",
            "jsonl",
            "x.case",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.len() < 400 * LONG, "{}", out.len());
    let (code, out, err) = run(dir.path(), &["--statutes", "p", "whatif", "x.case"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("e: unknown → x"), "{out}");
    assert!(out.contains("b: true → false"), "{out}");
}

#[test]
fn long_chains_are_formatted_and_keep_their_meaning() {
    // Laid out with two spaces around each operator: `fmt` rewrites the file, having checked
    // that the new text means what the old one meant.
    let pack = |sep: &str| {
        let chain = ["a", "not b"]
            .repeat(LONG / 2)
            .join(&format!("{sep}and{sep}"));
        format!(
            "pack t \"test\"\nfact a : bool ask \"a?\"\nfact b : bool ask \"b?\"\n\
require r \"r\" requires {chain} cite \"test\" violation XX-1 \"broken\"\n"
        )
    };
    let dir = folder(&[("t.law", &pack("  "))]);
    let (code, out, err) = run(dir.path(), &["fmt", "t.law"]);
    assert_eq!(code, Some(0), "{out}{err}");
    let formatted = std::fs::read_to_string(dir.path().join("t.law")).unwrap();
    assert!(formatted == pack(" "), "not laid out as expected");
}

#[test]
fn a_long_chain_in_brackets_is_one_level() {
    // 60 levels of brackets, each holding a long chain: within the limit.
    let chain = vec!["a"; LONG / 60].join(" and ");
    let mut cond = String::from("a");
    for _ in 0..60 {
        cond = format!("{chain} and ({cond})");
    }
    let pack = format!(
        "pack t \"test\"\nfact a : bool ask \"a?\"\n\
require r \"r\" requires {cond} cite \"test\" violation XX-1 \"broken\"\n"
    );
    let dir = folder(&[
        ("p/t.law", &pack),
        ("x.case", CASE.replace("    b = true\n", "").as_str()),
    ]);
    let (code, out, err) = run(dir.path(), &["--statutes", "p", "eval", "x.case"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("x [t]: undecided, lawful"), "{out}");
}

#[test]
fn conditions_nested_past_the_limit_are_refused_where_they_pass_it() {
    // `a and not (a or not (a and not (…)))`: 40 levels of brackets (within their limit),
    // and no `not` repeated, but 80 levels of conditions.
    let mut cond = String::from("a");
    for i in 0..40 {
        let op = if i % 2 == 0 { "and" } else { "or" };
        cond = format!("a {op} not ({cond})");
    }
    let pack = format!(
        "pack t \"test\"\nfact a : bool ask \"a?\"\n\
require r \"r\" requires {cond} cite \"test\" violation XX-1 \"broken\"\n"
    );
    let dir = folder(&[("p/t.law", &pack)]);
    let (code, _, err) = run(dir.path(), &["--statutes", "p", "check", "p"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("condition nested more than 64 levels deep"),
        "{err}"
    );
    assert!(err.contains("t.law:3:"), "{err}");
}

// ---- tests read along many paths --------------------------------------------------------------

#[test]
fn tests_read_along_exponentially_many_paths_are_refused_at_the_first_past_the_limit() {
    // Each of 40 tests reads the two before it: 2^40 paths, which judging (the grounds) and
    // explaining followed one by one. The 28th comes to 1,271,241 conditions.
    let mut pack = String::from(
        "pack t \"test\"\nfact a : bool ask \"a?\"\ntest t0 \"t\" cite \"c\" if a\ntest t1 \"t\" cite \"c\" if a\n",
    );
    for i in 2..40 {
        pack.push_str(&format!(
            "test t{i} \"t\" cite \"c\" if t{} and t{}\n",
            i - 1,
            i - 2
        ));
    }
    pack.push_str("require r \"r\" requires t39 cite \"test\" violation XX-1 \"broken\"\n");
    let case = "case x \"x\" under t date 2024-01-01 facts a = true\n";
    let dir = folder(&[("p/t.law", &pack), ("x.case", case)]);
    for args in [
        &["--statutes", "p", "check", "p"][..],
        &["--statutes", "p", "eval", "x.case"][..],
    ] {
        let (code, _, err) = run(dir.path(), args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(
            err.contains("`t27` comes to 1271241 conditions once the tests and exceptions it reads are followed along every path; at most 1000000 are allowed"),
            "{args:?}: {err}"
        );
        assert!(err.contains("p/t.law:30:6"), "{args:?}: {err}");
        assert!(err.len() < 2_000, "{args:?}: {err}");
    }
}

#[test]
fn tests_reading_each_other_deeper_than_the_walks_follow_are_refused_at_the_first_past_the_limit() {
    // A chain of tests each reading the one before: the walks over conditions (weighing over
    // unknown facts, the grounds, whatif) follow references to a fixed depth, and read what lies
    // beyond as unknown; such a pack is refused instead, at the first test past the limit.
    let chain = |n: usize| {
        let mut pack = String::from(
            "pack t \"test\"\nfact a : bool ask \"a?\"\ntest t0 \"t\" cite \"c\" if a\n",
        );
        for i in 1..n {
            pack.push_str(&format!("test t{i} \"t\" cite \"c\" if t{}\n", i - 1));
        }
        pack.push_str(&format!(
            "require r \"r\" requires t{} cite \"test\" violation XX-1 \"broken\"\n",
            n - 1
        ));
        pack
    };
    let case = "case x \"x\" under t date 2024-01-01 facts a = false\n";
    let dir = folder(&[("p/t.law", &chain(200)), ("x.case", case)]);
    for args in [
        &["--statutes", "p", "check", "p"][..],
        &["--statutes", "p", "eval", "x.case"][..],
    ] {
        let (code, _, err) = run(dir.path(), args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(
            err.contains("`t48` reads 49 levels deep, counting each `and`, `or` and `not` and each test or exception it follows; at most 48 are allowed"),
            "{args:?}: {err}"
        );
        assert!(err.contains("p/t.law:51:6"), "{args:?}: {err}");
    }
    // Up to the limit, the chain is judged to its end: `a` is false, so the requirement fails.
    let dir = folder(&[("p/t.law", &chain(48)), ("x.case", case)]);
    let (code, out, err) = run(
        dir.path(),
        &["--statutes", "p", "eval", "--format", "jsonl", "x.case"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("\"lawful\":false"), "{out}");
    assert!(out.contains("XX-1"), "{out}");
}
