//! The command line as a user meets it: exit codes, error messages, output formats.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;

#[test]
fn misspelt_fact_exits_2_naming_file_line_and_nearest_name() {
    let out = entrust()
        .args(["eval", "cases/invalid/misspelt-fact-name.case"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown fact `procesing_serves`"), "{err}");
    assert!(
        err.contains("cases/invalid/misspelt-fact-name.case:14:3"),
        "{err}"
    );
    assert!(err.contains("did you mean `processing_serves`?"), "{err}");
}

#[test]
fn one_bad_case_is_reported_and_the_others_go_on() {
    let out = entrust()
        .args([
            "eval",
            "--format",
            "jsonl",
            "cases/invalid/misspelt-fact-name.case",
            "cases/kr/courier-parcels.case",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("\"id\":\"courier-parcels\""));
}

#[test]
fn jsonl_verdicts_have_the_keys_of_cases_md() {
    let out = entrust()
        .args(["eval", "--format", "jsonl", "cases/kr"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().count() >= 6);
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in [
            "id",
            "under",
            "classification",
            "lawful",
            "violations",
            "unknowns",
            "periods",
        ] {
            assert!(v.get(key).is_some(), "missing {key} in {line}");
        }
        for p in v["periods"].as_array().unwrap() {
            for key in ["from", "to", "classification", "lawful", "violations"] {
                assert!(p.get(key).is_some(), "missing periods[].{key}");
            }
        }
        for x in v["violations"].as_array().unwrap() {
            for key in ["code", "cite", "message"] {
                assert!(x.get(key).is_some(), "missing violations[].{key}");
            }
        }
        assert!(
            v.get("explanation").is_none(),
            "explanation only with --explain"
        );
    }
}

#[test]
fn kakao_pay_is_judged_in_three_stretches() {
    let out = entrust()
        .args([
            "eval",
            "--format",
            "json",
            "cases/kr/kakaopay-alipay-nsf.case",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = &v[0];
    assert_eq!(v["classification"], "provision");
    assert_eq!(v["lawful"], false);
    let periods: Vec<(&str, &str)> = v["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["from"].as_str().unwrap(), p["to"].as_str().unwrap()))
        .collect();
    assert_eq!(
        periods,
        [
            ("2019-06-01", "2020-08-04"),
            ("2020-08-05", "2023-09-14"),
            ("2023-09-15", "2024-05-21")
        ]
    );
    let codes: Vec<&str> = v["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["code"].as_str().unwrap())
        .collect();
    for code in ["KR-CIA-32-1", "KR-EFTA-26", "KR-PIPA-28-8-1"] {
        assert!(codes.contains(&code), "{codes:?}");
    }
}

#[test]
fn explain_prints_citations_factors_and_conclusion() {
    let out = entrust()
        .args(["explain", "cases/kr/kakaopay-alipay-nsf.case"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "Classification: provision",
        "Supreme Court 2016do13263",
        "processing_serves = third_party  (cases/kr/kakaopay-alipay-nsf.case:27:",
        "KR-CIA-32-1",
        "CIA Art. 32(1)",
        "Stretch 3 of 3: 2023-09-15 to 2024-05-21",
        "PIPC decision 2025-01-22",
    ] {
        assert!(text.contains(needle), "missing `{needle}` in:\n{text}");
    }
}

#[test]
fn test_passes_on_the_samples_and_fails_on_a_wrong_fixture() {
    // cases/invalid holds files that must be rejected: rejecting them is passing.
    let out = entrust().args(["test", "cases/"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("ok     cases/invalid/misspelt-fact-name.case (rejected as expected)"),
        "{stdout}"
    );
    assert!(stdout.trim_end().ends_with(" 0 failed"), "{stdout}");

    let out = entrust().args(["test", "cases/kr"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.trim_end().ends_with("passed, 0 failed"), "{stdout}");

    let out = entrust()
        .args(["test", "tests/fixtures/wrong-expectations.case"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("classification: expected provision, got outsourcing"),
        "{stdout}"
    );
    assert!(stdout.contains("lawful: expected no, got yes"), "{stdout}");
    assert!(
        stdout.contains("violation KR-PIPA-17-1 expected but not found (found: none)"),
        "{stdout}"
    );
    assert!(
        stdout.trim_end().ends_with("0 passed, 1 failed"),
        "{stdout}"
    );

    let out = entrust()
        .args(["test", "tests/fixtures/not-rejected.case"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("expected the file to be rejected, but 1 case(s) were accepted"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "error expected at 9:3 containing `unknown fact `procesing_serves``; got: no error"
        ),
        "{stdout}"
    );
}

#[test]
fn check_reports_pack_and_case_errors() {
    let out = entrust().args(["check"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = entrust()
        .args(["check", "statutes", "cases/kr"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = entrust().args(["check", "cases/invalid"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.matches("error:").count() >= 20, "{err}");
}

#[test]
fn statutes_folder_replaces_the_builtin_packs() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("mini");
    std::fs::create_dir(&pack).unwrap();
    std::fs::write(
        pack.join("p.law"),
        "pack mini \"mini\"\nfact ok : bool ask \"?\"\nrequire r \"r\" requires ok cite \"Art. 1\" violation XX-1 \"broken\"\n",
    )
    .unwrap();
    let case = dir.path().join("c.case");
    std::fs::write(
        &case,
        "case c \"c\" under mini date 2024-01-01 facts ok = false\n",
    )
    .unwrap();
    let out = entrust()
        .args([
            "--statutes",
            pack.parent().unwrap().to_str().unwrap(),
            "eval",
            "--format",
            "jsonl",
            case.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8(out.stdout).unwrap().contains("XX-1"));
}

#[test]
fn help_explains_each_subcommand_with_an_example() {
    for sub in ["explain", "eval", "check", "test"] {
        let out = entrust().args([sub, "--help"]).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Example: entrust"), "{sub}: {text}");
    }
}

#[test]
fn the_readme_example_gives_what_it_expects() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find("```\ncase ").unwrap() + 4;
    let end = start + readme[start..].find("```").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("readme.case");
    std::fs::write(&path, &readme[start..end]).unwrap();
    let out = entrust()
        .args(["test", path.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("1 passed, 0 failed"), "{stdout}");
}

#[test]
fn the_runner_says_what_was_expected_and_what_came_out() {
    let out = entrust()
        .args(["test", "tests/fixtures/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn coverage_lists_every_requirement_and_what_no_case_exercises() {
    let out = entrust()
        .args(["test", "--coverage", "cases/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Coverage of pack `kr` by "), "{stdout}");
    for needle in [
        "provision_consent",
        "cross_border_ground",
        "Requirements never met:",
        "Not exercised by any case",
    ] {
        assert!(stdout.contains(needle), "missing {needle}");
    }
    assert!(
        stdout.trim_end().ends_with(" 0 failed"),
        "the summary line comes last"
    );
}

#[test]
fn as_of_judges_a_case_on_one_date() {
    let out = entrust()
        .args([
            "--as-of",
            "2021-01-01",
            "eval",
            "--format",
            "jsonl",
            "cases/kr/kakaopay-alipay-nsf.case",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let periods = v["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 1);
    assert_eq!(
        (periods[0]["from"].as_str(), periods[0]["to"].as_str()),
        (Some("2021-01-01"), Some("2021-01-01"))
    );
    let out = entrust()
        .args(["--as-of", "2021-02-30", "eval", "cases/kr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("`2021-02-30` is not a date")
    );
}
