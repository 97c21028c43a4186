//! The `bench` pack (benches/packs/bench) reproduces every line of benches/bench/RULES.md's edge
//! cases: classification, lawfulness, violations, decisive facts, score range and fired factors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use assert_cmd::Command;
use serde_json::{Value, json};

const ORDER: [&str; 6] = [
    "KR-PIPA-26-1",
    "KR-PIPA-26-2",
    "KR-CIA-17-4",
    "KR-PIPA-17-1",
    "KR-CIA-32-1",
    "KR-PIPA-28-8-1",
];

/// The line of RULES.md §7, rebuilt from an entrust verdict.
fn rules_line(v: &Value) -> Value {
    let p = &v["periods"][0];
    let mut codes: Vec<&str> = v["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["code"].as_str().unwrap())
        .collect();
    codes.sort_by_key(|c| ORDER.iter().position(|o| o == c));
    codes.dedup();
    json!({
        "id": v["id"], "under": v["under"], "classification": v["classification"], "lawful": v["lawful"],
        "violations": codes, "decisive": p["decisive"], "score": p["score"], "factors": p["factors"],
    })
}

#[test]
fn bench_pack_reproduces_the_edge_cases() {
    let out = Command::cargo_bin("entrust")
        .unwrap()
        .args([
            "--statutes",
            "benches/packs",
            "eval",
            "--format",
            "jsonl",
            "benches/bench/edge_cases.jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let expected: Vec<Value> = std::fs::read_to_string("benches/bench/edge_expected.jsonl")
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), expected.len());
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!(&rules_line(g), e);
    }
}
