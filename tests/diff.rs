//! `entrust diff`: why two sample cases came out differently, snapshotted; the same case in two
//! formats differs in nothing; cases under no common pack are an input error.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = entrust().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn courier_and_call_centre() {
    let (code, out, err) = run(&[
        "diff",
        "cases/kr/courier-parcels.case",
        "cases/kr/call-centre-no-contract.case",
    ]);
    assert_eq!(code, 0, "{err}");
    // The written contract is what separates them.
    assert!(out.contains("written_contract              true → false"));
    assert!(out.contains(
        "KR-PIPA-26-1 outsourcing_document: met → VIOLATED; reads written_contract, contract_clauses"
    ));
    // 2024 against 2023: compared under the law both periods share, and said so.
    assert!(out.contains("compared stretch by stretch under the same law"));
    assert!(out.contains("Not compared: call-centre-no-contract's 2023-01-01 to 2023-09-14"));
    insta::assert_snapshot!(out);
}

#[test]
fn bundled_and_separate_consent() {
    let (code, out, err) = run(&[
        "diff",
        "cases/kr/affiliate-bundled-consent.case",
        "cases/kr/affiliate-separate-consent.case",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("consent_provision             bundled → valid_separate"));
    assert!(out.contains("KR-PIPA-22-1 separate_consent: VIOLATED → met; reads consent_provision"));
    assert!(out.contains("Lawfulness: unlawful → lawful"));
    insta::assert_snapshot!(out);
}

#[test]
fn overlapping_periods_are_compared_where_they_overlap() {
    let (code, out, _) = run(&[
        "diff",
        "cases/kr/kakaopay-alipay-nsf.case",
        "cases/kr/kakaopay-alipay-settlement.case",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("The periods differ: compared where they overlap, 2019-11-01 to 2024-05-21")
    );
    assert!(out.contains("STRETCH 1 of 3: 2019-11-01 to 2020-08-04"));
    assert!(out.contains("outsourcee_of_third_party (+5 toward provision): fires → does not fire; reads processing_serves, recipient_acts_for_third_party"));
}

#[test]
fn a_case_and_its_yaml_twin_differ_in_nothing() {
    let (code, out, err) = run(&[
        "diff",
        "cases/kr/courier-parcels.case",
        "cases/kr/courier-parcels.yaml",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("FACTS THAT DIFFER (courier-parcels → courier-parcels-yaml)\n  none"),
        "{out}"
    );
    assert!(out.contains("No factor, test or requirement differs."));
    assert!(
        out.contains(
            "Only in courier-parcels:\n    none\n  Only in courier-parcels-yaml:\n    none"
        )
    );
}

#[test]
fn cases_under_no_common_pack_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let statutes = dir.path().join("statutes");
    for (from, to) in [("statutes/kr", "kr"), ("benches/packs/bench", "bench")] {
        let target = statutes.join(to);
        std::fs::create_dir_all(&target).unwrap();
        for f in std::fs::read_dir(from).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "law") {
                std::fs::copy(&f, target.join(f.file_name().unwrap())).unwrap();
            }
        }
    }
    let other = dir.path().join("bench.case");
    std::fs::write(
        &other,
        "case bench-one \"A bench case\"\n  under bench\n  date 2024-01-01\nfacts\n  processing_serves = transferor\n",
    )
    .unwrap();
    let (code, out, err) = run(&[
        "--statutes",
        statutes.to_str().unwrap(),
        "diff",
        "cases/kr/courier-parcels.case",
        other.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains(
            "the cases share no pack: courier-parcels is judged under kr, bench-one under bench"
        ),
        "{err}"
    );
}

#[test]
fn a_missing_file_is_an_error() {
    let (code, _, err) = run(&[
        "diff",
        "cases/kr/courier-parcels.case",
        "cases/kr/nope.case",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no such file"), "{err}");
}
