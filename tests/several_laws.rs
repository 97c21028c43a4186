//! Issue 12 §4 (in part): one case judged under several packs, each reading its own facts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use assert_cmd::Command;

fn entrust() -> Command {
    let mut c = Command::cargo_bin("entrust").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// The Kakao Pay matter under the three built-in laws: a verdict per law, in the order named;
/// each pack reads the facts it declares and leaves the others to the packs that do.
#[test]
fn the_kakao_pay_matter_under_three_laws_gets_a_verdict_per_law() {
    let out = entrust()
        .args([
            "eval",
            "--format",
            "jsonl",
            "cases/multi/kakaopay-alipay-nsf-three-laws.case",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let verdicts: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let under: Vec<&str> = verdicts
        .iter()
        .map(|v| v["under"].as_str().unwrap())
        .collect();
    assert_eq!(under, ["kr", "eu", "jp"]);
    // Korean law: a provision abroad without consent, as in the single-law case.
    let kr = &verdicts[0];
    assert_eq!(kr["classification"], "provision");
    assert_eq!(kr["lawful"], false);
    let codes: Vec<&str> = kr["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["code"].as_str().unwrap())
        .collect();
    for code in [
        "KR-CIA-32-1",
        "KR-EFTA-26",
        "KR-PIPA-17-3",
        "KR-PIPA-28-8-1",
    ] {
        assert!(codes.contains(&code), "{codes:?}");
    }
    // Neither the GDPR nor the APPI reaches a Korean firm's transfer of Korean users' data.
    for v in &verdicts[1..] {
        assert_eq!(v["applies"], false, "{v}");
        assert!(v["classification"].is_null(), "{v}");
        assert!(v["violations"].as_array().unwrap().is_empty(), "{v}");
        assert!(!v["reasons"].as_array().unwrap().is_empty(), "{v}");
    }
}

/// A fact none of the case's packs declares is one error, naming the packs, with the nearest
/// name any of them has; a fact only one pack declares is no error.
#[test]
fn a_fact_of_none_of_the_packs_is_one_error_naming_them() {
    let case = "case x \"x\"\n  under kr, eu\n  date 2024-01-01\n\nfacts\n  establishment_in_unoin = false\n  personal_location_data = false\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.case");
    std::fs::write(&path, case).unwrap();
    let out = entrust()
        .args(["eval", path.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(
        err.contains("unknown fact `establishment_in_unoin`"),
        "{err}"
    );
    assert!(
        err.contains("a fact of none of the packs `kr`, `eu`"),
        "{err}"
    );
    assert!(err.contains("establishment_in_union"), "{err}");
}

/// `whatif` binds a case under several packs as `eval` does: each pack its own facts.
#[test]
fn whatif_reads_a_case_under_several_packs() {
    let out = entrust()
        .args([
            "whatif",
            "--max-changes",
            "1",
            "cases/multi/kakaopay-alipay-nsf-three-laws.case",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("unknown fact"), "{err}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Judged under kr"), "{text}");
}
