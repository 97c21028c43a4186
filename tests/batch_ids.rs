//! The record of case ids in batch runs: a repeated id is an error naming both places, exactly
//! (ids are compared whole, wherever they are kept), and a case judged under several packs is
//! one case, not a repeated id.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;

/// A folder of two packs, `bench` and a copy of it named `bench2`.
fn two_packs(dir: &std::path::Path) -> std::path::PathBuf {
    let law = std::fs::read_to_string("benches/packs/bench/bench.law").unwrap();
    let packs = dir.join("packs");
    for (name, text) in [
        ("bench", law.clone()),
        ("bench2", law.replacen("\npack bench ", "\npack bench2 ", 1)),
    ] {
        std::fs::create_dir_all(packs.join(name)).unwrap();
        std::fs::write(packs.join(name).join("bench.law"), text).unwrap();
    }
    packs
}

#[test]
fn a_case_under_two_packs_gets_two_verdicts_not_a_repeated_id() {
    let dir = tempfile::tempdir().unwrap();
    let packs = two_packs(dir.path());
    let input = dir.path().join("two.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"x1\",\"under\":[\"bench\",\"bench2\"],\"date\":\"2024-01-01\",\"facts\":{}}\n\
         {\"id\":\"x2\",\"under\":[\"bench\",\"bench2\"],\"date\":\"2024-01-01\",\"facts\":{}}\n\
         {\"id\":\"x1\",\"under\":[\"bench\",\"bench2\"],\"date\":\"2024-01-01\",\"facts\":{}}\n",
    )
    .unwrap();
    let out = entrust()
        .args([
            "--statutes",
            packs.to_str().unwrap(),
            "eval",
            "--format",
            "jsonl",
        ])
        .arg(&input)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let unders: Vec<(String, String)> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["under"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("x1", "bench"),
        ("x1", "bench2"),
        ("x2", "bench"),
        ("x2", "bench2"),
    ]
    .map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(unders, want, "{stderr}");
    // The third line repeats x1: one case refused, with both its verdicts.
    let shown = input.display();
    assert!(
        stderr.contains(&format!(
            "error: case id `x1` is used twice in this run\n  --> {shown}:3\n   = help: give every case its own id (first used at {shown}:1)\n"
        )),
        "{stderr}"
    );
    assert_eq!(stderr.matches("used twice").count(), 1, "{stderr}");
    assert!(
        stderr.trim_end().ends_with("4 evaluated, 1 rejected"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_repeated_id_names_the_first_use_in_another_file_and_format() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.yaml");
    let edge = std::fs::read_to_string("benches/bench/edge_cases.jsonl").unwrap();
    std::fs::write(&a, &edge).unwrap();
    // The fifth case of a.jsonl again, in YAML.
    let fifth: serde_json::Value = serde_json::from_str(edge.lines().nth(4).unwrap()).unwrap();
    let id = fifth["id"].as_str().unwrap().to_string();
    std::fs::write(&b, serde_yaml::to_string(&fifth).unwrap()).unwrap();
    let out = entrust()
        .args(["--statutes", "benches/packs", "eval", "--format", "jsonl"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "error: case id `{id}` is used twice in this run\n  --> {}:",
            b.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("(first used at {}:5)", a.display())),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2));
}
