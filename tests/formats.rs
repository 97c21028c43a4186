//! The formats a lawyer hands on: JSON verdicts valid against `entrust schema`, YAML, CSV and
//! Markdown with what each must hold.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;

fn run(args: &[&str]) -> String {
    let out = entrust().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn real_verdicts_are_valid_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&run(&["schema"])).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("verdict.schema.json", schema)
        .unwrap();
    let id = compiler
        .compile("verdict.schema.json", &mut schemas)
        .unwrap();
    let mut checked = 0;
    for args in [
        vec!["eval", "--format", "jsonl", "cases/kr"],
        vec!["eval", "--format", "jsonl", "--explain", "cases/kr"],
        // Packs in their laws' own terms, with scope items (issue 12).
        vec![
            "eval",
            "--format",
            "jsonl",
            "--explain",
            "cases/eu",
            "cases/jp",
        ],
        vec![
            "--statutes",
            "benches/packs",
            "eval",
            "--format",
            "jsonl",
            "benches/bench/edge_cases.jsonl",
        ],
    ] {
        for line in run(&args).lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            if let Err(e) = schemas.validate(&v, id) {
                panic!("{} does not fit the schema: {e:#}", v["id"]);
            }
            checked += 1;
        }
    }
    assert!(checked > 100);
    // The schema really constrains: a verdict with a wrong classification is refused.
    let mut bad: serde_json::Value = serde_json::from_str(
        run(&["eval", "--format", "jsonl", "cases/kr/courier-parcels.case"]).trim(),
    )
    .unwrap();
    bad["classification"] = "outsorcing".into();
    assert!(schemas.validate(&bad, id).is_err());
}

#[test]
fn yaml_holds_one_document_per_verdict() {
    let text = run(&[
        "eval",
        "--format",
        "yaml",
        "cases/kr/courier-parcels.case",
        "cases/kr/homeplus-prefiltering.case",
    ]);
    assert_eq!(text.matches("---\n").count(), 2);
    assert!(text.contains("id: courier-parcels\n") && text.contains("classification: provision\n"));
}

#[test]
fn csv_has_one_row_per_case_and_quotes_what_needs_it() {
    let text = run(&["eval", "--format", "csv", "cases/kr"]);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "id,title,under,classification,lawful,violations,decisive_grounds,open_questions,possible_violations,not_checked"
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert!(rows.len() >= 50);
    let kakao = rows
        .iter()
        .find(|r| r.starts_with("kakaopay-alipay-nsf,"))
        .unwrap();
    assert!(kakao.contains(",kr,provision,false,"), "{kakao}");
    assert!(kakao.contains("KR-CIA-32-1; KR-EFTA-26"), "{kakao}");
    // A title with a comma or a quote is quoted, doubling the quotes.
    assert!(
        rows.iter().any(|r| r.contains("\"")),
        "some title or question needs quoting"
    );
}

#[test]
fn markdown_memo_has_facts_reasoning_and_conclusion() {
    let text = run(&[
        "eval",
        "--format",
        "markdown",
        "cases/kr/kakaopay-alipay-nsf.case",
    ]);
    for needle in [
        "## kakaopay-alipay-nsf:",
        "### Facts",
        "| `processing_serves` | third\\_party | cases/kr/kakaopay-alipay-nsf.case:32:",
        "### Reasoning",
        "Supreme Court 2016do13263",
        "**Violated**",
        "### Conclusion",
        "The transfer is classified as **provision** and is **unlawful**.",
        "**KR-CIA-32-1** (CIA Art. 32(1))",
    ] {
        assert!(text.contains(needle), "missing `{needle}`");
    }
}

#[test]
fn completions_and_man_page() {
    assert!(run(&["completions", "bash"]).contains("entrust"));
    assert!(run(&["completions", "zsh"]).contains("#compdef entrust"));
    let man = run(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH entrust 1"),
        "{}",
        &man[..100.min(man.len())]
    );
}

#[test]
fn fmt_rewrites_in_place_keeps_comments_and_check_lists_changes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("messy.case");
    let messy = "# a case, badly laid out\ncase messy \"Messy\"\n      under kr\n date 2024-01-01\nfacts\n processing_serves=transferor   # the shop's own delivery\n  recipient_own_use = false\n";
    std::fs::write(&file, messy).unwrap();
    let path = file.to_str().unwrap();
    let out = entrust().args(["fmt", "--check", path]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), path);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        messy,
        "--check changes nothing"
    );
    let out = entrust().args(["fmt", path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let formatted = std::fs::read_to_string(&file).unwrap();
    assert!(
        formatted.contains("# a case, badly laid out")
            && formatted.contains("# the shop's own delivery")
    );
    assert!(formatted.contains("\n  under kr\n"), "{formatted}");
    let out = entrust().args(["fmt", "--check", path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "formatting is idempotent");
    // Same verdict before and after.
    std::fs::write(
        dir.path().join("orig.case"),
        messy.replace("case messy", "case orig"),
    )
    .unwrap();
    let v = |p: &str| {
        run(&["eval", "--format", "jsonl", p]).replace("\"id\":\"orig\"", "\"id\":\"messy\"")
    };
    assert_eq!(v(path), v(dir.path().join("orig.case").to_str().unwrap()));
    // A file that does not parse is reported and left alone.
    let bad = dir.path().join("bad.case");
    std::fs::write(
        &bad,
        "case bad \"x\"\n  under kr\nfacts\n  processing_serves transferor\n",
    )
    .unwrap();
    let out = entrust()
        .args(["fmt", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("expected `=`")
    );
}

#[test]
fn html_report_is_one_self_contained_page() {
    let page = run(&[
        "eval",
        "--format",
        "html",
        "cases/kr/kakaopay-alipay-nsf.case",
        "cases/kr/courier-parcels.case",
    ]);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("kakaopay-alipay-nsf") && page.contains("courier-parcels"));
    assert!(page.contains("<svg"), "the weighing chart");
    assert!(!page.contains("http://") && !page.contains("https://"));
}
