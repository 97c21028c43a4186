//! Snapshots of what a user reads: the explanation of the Kakao Pay case, and the checker's
//! messages on broken statute files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use entrust::batch::{collect_inputs, load_cases};
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::render::text;
use entrust::verdict::judge;
use std::path::PathBuf;

fn explain(path: &str) -> String {
    let mut lib = Library::open(None);
    let (inputs, _) = collect_inputs(&[PathBuf::from(path)]);
    let (cases, errs) = load_cases(&mut lib, &inputs, None);
    assert!(errs.is_empty());
    let c = &cases[0];
    let (i, b) = &c.bound[0];
    let pack = &lib.packs[*i];
    let v = judge(pack, &c.case, b, &mut Evaluator::new(), Some(&lib.sources));
    let memo = entrust::render::Memo {
        case: Some(&c.case),
        ..entrust::render::Memo::of(pack)
    };
    text::explanation(&v, &memo)
}

#[test]
fn kakao_pay_explanation() {
    insta::assert_snapshot!(explain("cases/kr/kakaopay-alipay-nsf.case"));
}

#[test]
fn undecided_case_explanation_lists_open_questions() {
    let text = explain("cases/kr/analytics-vendor-undecided.case");
    assert!(text.contains("Classification: undecided"), "{text}");
    assert!(text.contains("Open questions"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn checker_messages() {
    let broken = r#"pack t "broken pack"
fact own_use : bool ask "?"
fact serves : enum {transferor, recipient} ask "?"
fact unused : bool ask "?"
fact no_question : bool
test a "a" cite "x" if b
test b "b" cite "x" if a
test typo "typo" cite "x" if own_usee or serves = transferer
test wrong_type "wrong type" cite "x" if own_use = recipient
test dup "first" cite "x" if own_use
test dup "second" cite "x" if own_use
require r "r" requires typo and wrong_type and dup and no_question cite "x" violation XX-1 "m"
require uncited "no citation" requires own_use violation XX-2 "m"
"#;
    insta::assert_snapshot!(common::pack_errors(broken));
    let cycle = r#"pack t "cycle"
fact f : bool ask "?"
test a "a" cite "x" if b and f
test b "b" cite "x" if a
require r "r" requires a cite "x" violation XX-1 "m"
"#;
    insta::assert_snapshot!(common::pack_errors(cycle));
}
