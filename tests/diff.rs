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
    let (code, _, err) = run(&[
        "--lang",
        "ko",
        "--statutes",
        statutes.to_str().unwrap(),
        "diff",
        "cases/kr/courier-parcels.case",
        other.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "오류: 두 사안에 공통으로 적용되는 법령팩이 없습니다. courier-parcels의 법령팩은 kr, bench-one의 법령팩은 bench입니다."
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

/// Every text of the Korean pack and of the given case files (their quoted strings): shown in
/// the pack's and the case's language, English until they carry Korean.
fn pack_and_case_texts(files: &[&str]) -> Vec<String> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir("statutes/kr")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "law"))
        .collect();
    paths.extend(files.iter().map(std::path::PathBuf::from));
    let mut texts = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p).unwrap();
        for line in text.lines() {
            let line = line.split(" #").next().unwrap();
            let mut rest = line;
            while let Some(start) = rest.find('"') {
                let after = &rest[start + 1..];
                let mut end = None;
                let mut escaped = false;
                for (i, c) in after.char_indices() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => {
                            end = Some(i);
                            break;
                        }
                        _ => escaped = false,
                    }
                }
                let Some(end) = end else { break };
                texts.push(after[..end].replace("\\\"", "\""));
                rest = &after[end + 1..];
            }
        }
    }
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    texts
}

/// The English words left in `out` once the pack's and cases' own texts are taken out.
fn english_left(out: &str, files: &[&str]) -> Vec<String> {
    let mut left = out.to_string();
    for t in pack_and_case_texts(files) {
        if !t.is_empty() {
            left = left.replace(&t, "");
        }
    }
    left.lines()
        .filter(|l| {
            let l = format!(" {} ", l.to_lowercase());
            [
                " the ", " of ", " is ", " and ", " to ", " in ", " with ", " only ", " reads ",
                " none", "stretch", "fires", "lawful", "violat", "differ",
            ]
            .iter()
            .any(|w| l.contains(w))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn in_korean() {
    let files = [
        "cases/kr/courier-parcels.case",
        "cases/kr/call-centre-no-contract.case",
    ];
    let (code, out, err) = run(&["--lang", "ko", "diff", files[0], files[1]]);
    assert_eq!(code, 0, "{err}");
    for heading in [
        "사안 비교 courier-parcels → call-centre-no-contract, 적용 법령팩 kr",
        "     처리위탁, 위법 (KR-PIPA-26-1)",
        "두 사안의 기간이 겹치지 않음: 같은 법령이 적용되는 적용 구간끼리 비교함",
        "비교하지 않음: call-centre-no-contract의 2023-01-01 ~ 2023-09-14",
        "서로 다른 사실 (courier-parcels → call-centre-no-contract)",
        "  transfer_mode                 transmission → remote_access   (판단에 쓰이지 않는 사실)",
        "적용 구간 1/1: courier-parcels 2024-01-01 ~ 2024-12-31과 call-centre-no-contract 2023-09-15 ~ 2023-12-31 비교",
        "  법적 성격: 처리위탁 (처리위탁 쪽으로 +18점) → 처리위탁 (처리위탁 쪽으로 +12~+14점)",
        "  적법 여부: 적법 → 위법",
        "  차이가 나는 고려 요소:",
        "    task_outside_contract (제3자 제공 쪽 +2점): 해당 없음 → 해당; 관련 사실 task_in_contract",
        "    판단 기준 ict_provider: 예 → 아니오; 관련 사실 transferor_sector",
        "    KR-PIPA-26-1 outsourcing_document: 충족 → 위반; 관련 사실 written_contract, contract_clauses",
        "\n위반 사항\n  courier-parcels에만 있는 위반:\n    없음\n",
    ] {
        assert!(out.contains(heading), "{heading}\n---\n{out}");
    }
    let left = english_left(&out, &files);
    assert!(
        left.is_empty(),
        "English left in the Korean diff: {left:#?}"
    );
    // The check does see English: the English run leaves plenty.
    let (_, english, _) = run(&["diff", files[0], files[1]]);
    assert!(english_left(&english, &files).len() > 10);
    // ENTRUST_LANG says the same.
    let env = entrust()
        .env("ENTRUST_LANG", "ko")
        .args(["diff", files[0], files[1]])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(env.stdout).unwrap(), out);
}

#[test]
fn in_korean_over_overlapping_periods_and_repeated_stretches() {
    let files = [
        "cases/kr/kakaopay-alipay-nsf.case",
        "cases/kr/kakaopay-alipay-settlement.case",
    ];
    let (code, out, err) = run(&["--lang", "ko", "diff", files[0], files[1]]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(
        "두 사안의 기간이 다름: 기간이 겹치는 2019-11-01 ~ 2024-05-21에 대하여 적용 구간별로 비교함."
    ));
    assert!(out.contains("적용 구간 2/3: 2020-08-05 ~ 2023-09-14\n  차이는 구간 1과 같음."));
    assert!(out.contains("예외 beyond_purpose_consent: 아니오 → 미정; 법적 성격에 따라 달라짐"));
    let left = english_left(&out, &files);
    assert!(
        left.is_empty(),
        "English left in the Korean diff: {left:#?}"
    );
}
