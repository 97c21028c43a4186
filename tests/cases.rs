//! Every sample case meets its expectations; the two forms of a case give the same verdict;
//! every invalid input is rejected with the message its snapshot records.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use entrust::batch::{collect_inputs, load_cases};
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::render::testing::failure;
use entrust::testing::check;
use entrust::verdict::judge;
use entrust::words::En;
use std::path::PathBuf;

fn verdicts(paths: &[&str]) -> Vec<(String, serde_json::Value, Vec<String>)> {
    let mut lib = Library::open(None);
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    let (inputs, errs) = collect_inputs(&paths);
    assert!(errs.is_empty());
    let (cases, errs) = load_cases(&mut lib, &inputs, None);
    let rendered: Vec<String> = errs.iter().map(|d| d.render(&lib.sources)).collect();
    assert!(rendered.is_empty(), "{}", rendered.join("\n"));
    let mut out = Vec::new();
    let mut ev = Evaluator::new();
    for c in &cases {
        for (i, b) in &c.bound {
            let v = judge(&lib.packs[*i], &c.case, b, &mut ev, None);
            let failures = c
                .case
                .expect
                .as_ref()
                .map(|e| check(e, &v))
                .unwrap_or_default()
                .iter()
                .map(|f| failure(f, &En))
                .collect();
            out.push((
                c.case.id.text.clone(),
                serde_json::to_value(&v).unwrap(),
                failures,
            ));
        }
    }
    out
}

#[test]
fn every_sample_case_meets_its_expectations() {
    let results = verdicts(&["cases/kr"]);
    assert!(
        results.len() >= 6,
        "too few sample cases: {}",
        results.len()
    );
    let failures: Vec<String> = results
        .iter()
        .filter(|(_, _, f)| !f.is_empty())
        .map(|(id, _, f)| format!("{id}: {}", f.join("; ")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_sample_case_has_an_expectation_with_reasons() {
    let mut lib = Library::open(None);
    let (inputs, _) = collect_inputs(&[PathBuf::from("cases/kr")]);
    let (cases, _) = load_cases(&mut lib, &inputs, None);
    for c in &cases {
        let e = c
            .case
            .expect
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no expect block", c.case.id.text));
        assert!(
            e.classification.is_some() && e.lawful.is_some(),
            "{}",
            c.case.id.text
        );
        assert!(c.case.source.is_some(), "{} has no source", c.case.id.text);
    }
}

#[test]
fn both_forms_of_a_case_give_the_same_verdict() {
    for name in ["courier-parcels", "kakaopay-alipay-nsf"] {
        let case_form = verdicts(&[&format!("cases/kr/{name}.case")]);
        let yaml_form = verdicts(&[&format!("cases/kr/{name}.yaml")]);
        let strip = |mut v: serde_json::Value| {
            v.as_object_mut().unwrap().remove("id");
            v
        };
        assert_eq!(
            strip(case_form[0].1.clone()),
            strip(yaml_form[0].1.clone()),
            "{name}: the .case and .yaml forms differ"
        );
    }
}

#[test]
fn invalid_inputs_are_rejected_with_their_messages() {
    let mut files: Vec<PathBuf> = std::fs::read_dir("cases/invalid")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "case" || e == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    for path in files {
        let mut lib = Library::open(None);
        let (inputs, _) = collect_inputs(std::slice::from_ref(&path));
        let (cases, errs) = load_cases(&mut lib, &inputs, None);
        assert!(cases.is_empty(), "{} was accepted", path.display());
        assert!(!errs.is_empty(), "{} gave no error", path.display());
        let rendered: String = errs.iter().map(|d| d.render(&lib.sources)).collect();
        let name = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace('.', "_");
        insta::assert_snapshot!(name, rendered);
    }
}
