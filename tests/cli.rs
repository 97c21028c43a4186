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
        "processing_serves = third_party  (cases/kr/kakaopay-alipay-nsf.case:32:",
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

/// A pack with errors and warnings of many kinds: syntax is fine, checking is not.
const BROKEN_PACK: &str = r#"pack t "broken pack" language ko
fact own_use : bool ask "?" ko "?"
fact serves : enum {transferor, recipient} ask "?" ko "?"
fact count : number ask "?" ko "?"
fact unused : bool ask "?"
fact no_question : bool
test loop_one "a" ko "a" cite "x" ko "x" if loop_two
test loop_two "b" ko "b" cite "x" ko "x" if loop_one
test typo "typo" ko "t" cite "x" ko "x" if own_usee or serves = transferer
test wrong_type "wrong type" ko "w" cite "x" ko "x" if own_use = recipient and count
test dup "first" ko "f" cite "x" ko "x" if own_use
test dup "second" ko "s" cite "x" ko "x" if own_use
require r "r" ko "r" requires typo and wrong_type and dup and no_question cite "x" ko "x" violation XX-1 "m" ko "m"
require uncited "no citation" ko "n" requires own_use violation XX-2 "m" ko "m"
"#;

/// The places of a rendering: `--> file:line:col`, the source lines and the carets under them
/// (without the label after them), in order.
fn places(rendered: &str) -> Vec<String> {
    rendered
        .lines()
        .filter_map(|l| {
            let t = l.trim_start();
            if t.starts_with("--> ") {
                Some(t.to_string())
            } else if let Some((_, rest)) = l.split_once(" | ") {
                Some(match rest.rfind('^') {
                    Some(i) => rest[..=i].to_string(),
                    None => rest.to_string(),
                })
            } else {
                None
            }
        })
        .collect()
}

/// The words of a Korean rendering a person reads, without what is quoted from the input: the
/// source lines, the `--> file:line:col` lines and the text between backticks.
fn korean_words(rendered: &str) -> String {
    let mut out = String::new();
    for l in rendered.lines() {
        let t = l.trim_start();
        if t.starts_with("--> ")
            || t.split_once(" | ")
                .is_some_and(|(n, _)| !n.trim().is_empty())
        {
            continue;
        }
        let mut inside = false;
        for c in l.chars() {
            if c == '`' {
                inside = !inside;
            } else if !inside {
                out.push(c);
            }
        }
        out.push('\n');
    }
    out
}

/// English words that would give away an English sentence.
const ENGLISH: [&str; 12] = [
    " the ",
    " of ",
    " is ",
    " and ",
    " not ",
    " a ",
    " an ",
    "error:",
    "warning:",
    "help:",
    "did you mean",
    " must ",
];

#[test]
fn check_speaks_korean_about_a_broken_pack_at_the_same_places() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("t");
    std::fs::create_dir(&pack).unwrap();
    std::fs::write(pack.join("t.law"), BROKEN_PACK).unwrap();
    let run = |lang: &str| {
        let out = entrust()
            .args(["--lang", lang, "check"])
            .arg(&pack)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    let en = run("en");
    let ko = run("ko");
    assert!(en.contains("error: unknown name `own_usee`"), "{en}");
    assert!(
        en.contains("warning: fact `unused` is declared but no rule reads it"),
        "{en}"
    );
    // Korean words, Korean severities, the same places and underlines.
    assert!(
        ko.contains("오류: 알 수 없는 이름 `own_usee`입니다"),
        "{ko}"
    );
    assert!(
        ko.contains("경고: 사실 `unused`이(가) 선언되었으나 어떤 규칙도 읽지 않습니다"),
        "{ko}"
    );
    assert!(
        ko.contains("= 도움말: `own_use`을(를) 뜻하셨습니까?"),
        "{ko}"
    );
    assert!(ko.contains("`dup`이(가) 두 번 선언되었습니다"), "{ko}");
    assert!(ko.contains("이미 판단 기준으로 선언됨"), "{ko}");
    assert!(
        ko.contains("규칙들이 서로 순환하여 의존합니다: loop_one → loop_two → loop_one"),
        "{ko}"
    );
    assert!(ko.contains("검사 완료: 법령팩 0개. 오류 발견"), "{ko}");
    assert_eq!(
        en.matches("\nerror: ").count() + usize::from(en.starts_with("error: ")),
        ko.matches("오류: ").count()
    );
    assert_eq!(
        en.matches("warning: ").count(),
        ko.matches("경고: ").count()
    );
    assert_eq!(places(&en), places(&ko));
    assert!(!places(&ko).is_empty());
    let words = korean_words(&ko);
    for e in ENGLISH {
        assert!(!words.contains(e), "`{e}` in the Korean output:\n{words}");
    }
}

#[test]
fn check_speaks_korean_about_broken_case_files_at_the_same_places() {
    let run = |lang: &str| {
        let out = entrust()
            .args(["--lang", lang, "check", "cases/invalid"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    let en = run("en");
    let ko = run("ko");
    assert!(
        ko.contains("오류: 알 수 없는 사실 `procesing_serves`입니다\n  --> cases/invalid/misspelt-fact-name.case:14:3"),
        "{ko}"
    );
    assert!(ko.contains("`kr` 법령팩의 사실이 아님"), "{ko}");
    assert!(
        ko.contains("= 도움말: `processing_serves`을(를) 뜻하셨습니까?"),
        "{ko}"
    );
    assert!(
        ko.contains("예상하지 못한 `transferor`입니다. 필요한 것: `=`"),
        "{ko}"
    );
    assert!(
        ko.contains("`2023-02-30`은 존재하지 않는 날짜입니다"),
        "{ko}"
    );
    assert!(
        ko.contains("기간의 종료일 2024-01-01이 시작일 2024-12-31보다 앞섭니다"),
        "{ko}"
    );
    assert_eq!(en.matches("error: ").count(), ko.matches("오류: ").count());
    assert_eq!(places(&en), places(&ko));
    let words = korean_words(&ko);
    for e in ENGLISH {
        assert!(!words.contains(e), "`{e}` in the Korean output:\n{words}");
    }
    // English is the default, and unchanged.
    let default = entrust().args(["check", "cases/invalid"]).output().unwrap();
    assert_eq!(String::from_utf8(default.stderr).unwrap(), en);
}

#[test]
fn eval_reports_bad_json_lines_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.jsonl");
    std::fs::write(
        &file,
        "{\"id\": \"j1\", \"under\": \"kr\", \"date\": \"2024-01-01\", \"facts\": {\"recipient_own_use\": 3}}\n{\"id\": \"j2\", \"under\": \"kr\", \"date\": \"2024-01-01\"}\n{\"id\": \"j2\", \"under\": \"kr\", \"date\": \"2024-01-01\"}\n",
    )
    .unwrap();
    let out = entrust()
        .args(["--lang", "ko", "eval", "--format", "jsonl"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let ko = String::from_utf8(out.stderr).unwrap();
    assert!(
        ko.contains("오류: 사실 `recipient_own_use`의 타입은 bool (true 또는 false)인데 숫자 3이 주어졌습니다"),
        "{ko}"
    );
    assert!(
        ko.contains("오류: 사안 id `j2`가 이번 실행에서 두 번 쓰였습니다"),
        "{ko}"
    );
    assert!(
        ko.contains("= 도움말: 사안마다 고유한 id를 부여하십시오 (처음 쓰인 곳: "),
        "{ko}"
    );
    assert!(ko.contains("판단 1건, 거부 2건"), "{ko}");
    let words = korean_words(&ko);
    for e in ENGLISH {
        assert!(!words.contains(e), "`{e}` in the Korean output:\n{words}");
    }
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

/// English words that must not be left in Korean `test` and help output (outside identifiers and pack texts).
const ENGLISH_IN_TEST: [&str; 10] = [
    " the ", " of ", " is ", " and ", "expected", " got ", "FAILED", "ok     ", " passed", "found",
];

fn assert_no_english(text: &str) {
    for word in ENGLISH_IN_TEST {
        assert!(!text.contains(word), "`{word}` in:\n{text}");
    }
}

#[test]
fn test_speaks_korean() {
    let out = entrust()
        .args(["--lang", "ko", "test", "cases/kr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("통과   courier-parcels [kr]\n"), "{stdout}");
    let last = stdout.trim_end().lines().last().unwrap();
    assert!(
        last.starts_with("통과 ") && last.ends_with("건, 실패 0건"),
        "{stdout}"
    );
    assert_no_english(&stdout);

    let out = entrust()
        .args([
            "test",
            "--lang=ko",
            "tests/fixtures/wrong-expectations.case",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "실패   wrong-expectations [kr] (tests/fixtures/wrong-expectations.case:3:6)
       법적 성격: 기대 결과 제3자 제공(`provision`), 실제 결과 처리위탁(`outsourcing`)
       적법 여부: 기대 결과 위법(`no`), 실제 결과 적법(`yes`)
       기대한 위반 `KR-PIPA-17-1` 인정되지 않음 (인정된 위반: 없음)
통과 0건, 실패 1건
"
    );

    let out = entrust()
        .env("ENTRUST_LANG", "ko")
        .args(["test", "cases/invalid/misspelt-fact-name.case"])
        .args(["tests/fixtures/not-rejected.case"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("통과   cases/invalid/misspelt-fact-name.case (기대 결과대로 거부됨)"),
        "{stdout}"
    );
    assert!(stdout.contains("실패   tests/fixtures/not-rejected.case\n"));
    assert!(stdout.contains("파일이 거부되어야 하나 사안 1건이 받아들여짐"));
    assert!(stdout.contains("9:3에서 `unknown fact `procesing_serves`` 문구를 포함한 오류"));
    assert_no_english(&stdout);
}

#[test]
fn coverage_speaks_korean() {
    let out = entrust()
        .args(["--lang", "ko", "test", "--coverage", "cases/kr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "법령팩 `kr`의 검증 범위 (사안 ",
        "  요건    ",
        "성립  불성립     미정  근거 조문",
        "한 번도 충족되지 않은 요건: ",
        "어느 사안으로도 검증되지 않은 규칙 (! 표시): ",
    ] {
        assert!(stdout.contains(needle), "missing `{needle}` in:\n{stdout}");
    }
    // The rows line up under the headings: `요건` takes two places a syllable.
    let heading = stdout.lines().find(|l| l.starts_with("  요건 ")).unwrap();
    let row = stdout
        .lines()
        .find(|l| l.contains(" provision_consent "))
        .unwrap();
    let places = |s: &str| {
        s.chars()
            .map(|c| if c >= '\u{1100}' { 2 } else { 1 })
            .sum::<usize>()
    };
    // `성립` fills the four places of the first count.
    let start = places(&heading[..heading.find("성립").unwrap()]);
    let count = &row[start..start + 4];
    assert!(count.trim().parse::<u32>().is_ok(), "{heading}\n{row}");
    assert!(count.starts_with(' ') && row[start + 4..].starts_with("  "));
    // Pack texts (citations) are not the wording layer's: look only at the lines it writes.
    let ours: String = stdout
        .lines()
        .filter(|l| !l.starts_with("    ") && !l.starts_with("  ! "))
        .collect::<Vec<_>>()
        .join("\n");
    assert_no_english(&ours);
}

#[test]
fn summary_lines_speak_korean() {
    let out = entrust().args(["--lang", "ko", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("검사 완료: 법령팩 3개. 오류 없음, 경고 0건"),
        "{err}"
    );
    let out = entrust()
        .args(["--lang", "ko", "check", "statutes", "cases/kr"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(", 오류 없는 사안 "), "{err}");

    let out = entrust()
        .args(["--lang", "ko", "eval", "--format", "jsonl"])
        .args(["cases/kr/courier-parcels.case"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.ends_with("판단 1건, 거부 0건\n"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("c.case");
    std::fs::write(
        &case,
        "case c \"c\"   under kr date 2024-01-01 facts processing_serves = transferor\n",
    )
    .unwrap();
    let out = entrust()
        .args(["--lang", "ko", "fmt", "--check", case.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("서식을 고칠 파일 1개, 이미 정돈된 파일 0개"),
        "{err}"
    );
    let out = entrust()
        .args(["--lang", "ko", "fmt", "nowhere.case"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("오류: 그런 파일이나 폴더가 없습니다\n  --> nowhere.case"),
        "{err}"
    );

    let out = entrust()
        .args([
            "--lang",
            "ko",
            "explain",
            dir.path().join("none").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = entrust()
        .env("ENTRUST_LANG", "ko")
        .args(["eval", "-o", case.to_str().unwrap(), case.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("오류: `"), "{err}");
    assert!(
        err.contains("entrust는 입력 파일을 덮어쓰지 않습니다"),
        "{err}"
    );
}

#[test]
fn help_speaks_korean() {
    let out = entrust().args(["--lang", "ko", "--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "개인정보의 이전이 처리위탁인지 제3자 제공인지 가리고",
        "사용법: entrust [OPTIONS] <COMMAND>",
        "명령:\n  explain      사안의 판단을 쉬운 말로 설명합니다",
        "옵션:\n      --statutes <DIR>  entrust에 내장된 법령팩 대신",
        "[환경 변수: ENTRUST_LANG] [기본값: en]",
        "  -h, --help            도움말 출력",
        "종료 코드: 0 ",
        "예:\n  entrust explain ",
    ] {
        assert!(text.contains(needle), "missing `{needle}` in:\n{text}");
    }
    assert_no_english(&text);
    for english in ["Usage:", "Options:", "Commands:", "Print help", "Example"] {
        assert!(!text.contains(english), "`{english}` in:\n{text}");
    }

    let out = entrust()
        .env("ENTRUST_LANG", "ko")
        .args(["explain", "--help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "사안의 판단을 쉬운 말로 설명합니다",
        "예: entrust explain cases/kr/",
        "사용법: entrust explain [OPTIONS] <CASE>...",
        "인자:\n  <CASE>...\n          사안 파일(.case, .yaml, .yml, .jsonl) 또는 폴더",
        "가능한 값:\n          - text: 판단 이유를 쉬운 말로",
        "[기본값: text]",
        "도움말 출력 (요약을 보려면 '-h')",
    ] {
        assert!(text.contains(needle), "missing `{needle}` in:\n{text}");
    }
    assert_no_english(&text);

    for sub in [
        "eval", "check", "test", "ask", "whatif", "diff", "exercise", "grade",
    ] {
        let out = entrust()
            .args(["--lang", "ko", sub, "--help"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("예: entrust"), "{sub}: {text}");
        assert!(!text.contains("Example"), "{sub}: {text}");
        assert!(!text.contains("Options:"), "{sub}: {text}");
    }
    // A bad `--as-of` is explained in Korean (clap's own frame of the message stays English).
    let out = entrust()
        .args(["--lang", "ko", "--as-of", "2021-02-30", "eval", "cases/kr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("`2021-02-30`은 날짜가 아닙니다: 30일은 범위를 벗어났습니다"),
        "{err}"
    );
}

#[test]
fn english_help_is_unchanged() {
    let out = entrust()
        .env_remove("ENTRUST_LANG")
        .arg("--help")
        .output()
        .unwrap();
    let english = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("english_help", english);
    let out = entrust()
        .env_remove("ENTRUST_LANG")
        .args(["--lang", "en", "--help"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), english);
    let out = entrust()
        .env_remove("ENTRUST_LANG")
        .args(["eval", "--help"])
        .output()
        .unwrap();
    insta::assert_snapshot!("english_eval_help", String::from_utf8(out.stdout).unwrap());
    let out = entrust()
        .env_remove("ENTRUST_LANG")
        .args(["test", "-h"])
        .output()
        .unwrap();
    insta::assert_snapshot!(
        "english_test_short_help",
        String::from_utf8(out.stdout).unwrap()
    );
}

/// Issue 11 §3: `eval --explain` in text writes the reasoning memo of `entrust explain`, case
/// after case; with CSV, which has no room for it, a warning says it was not written.
#[test]
fn eval_explain_in_text_writes_the_memo_and_warns_with_csv() {
    let cases = [
        "cases/kr/courier-parcels.case",
        "cases/kr/call-centre-no-contract.case",
    ];
    let explain = entrust().arg("explain").args(cases).output().unwrap();
    let eval = entrust()
        .args(["eval", "--explain"])
        .args(cases)
        .output()
        .unwrap();
    assert_eq!(eval.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(eval.stdout).unwrap(),
        String::from_utf8(explain.stdout).unwrap()
    );
    let plain = entrust().arg("eval").args(cases).output().unwrap();
    assert!(String::from_utf8(plain.stdout).unwrap().lines().count() < 10);
    let csv = entrust()
        .args(["eval", "--explain", "--format", "csv"])
        .args(cases)
        .output()
        .unwrap();
    assert_eq!(csv.status.code(), Some(0));
    let err = String::from_utf8(csv.stderr).unwrap();
    assert!(
        err.starts_with("warning: --explain adds nothing to --format csv"),
        "{err}"
    );
    let without = entrust()
        .args(["eval", "--format", "csv"])
        .args(cases)
        .output()
        .unwrap();
    assert_eq!(csv.stdout, without.stdout);
}

/// Issue 11 §3: every page the manual page names exists: `man --dir` writes the page and one
/// per subcommand, and every `entrust-…(1)` any of them names is among them.
#[test]
fn every_manual_page_named_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let man = dir.path().join("man");
    let out = entrust()
        .args(["man", "--dir", man.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    let pages: Vec<String> = std::fs::read_dir(&man)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(
        said.starts_with(&format!("wrote {} manual pages into ", pages.len())),
        "{said}"
    );
    // The page printed is the one written.
    let printed = entrust().arg("man").output().unwrap();
    assert_eq!(printed.status.code(), Some(0));
    let main = std::fs::read(man.join("entrust.1")).unwrap();
    assert_eq!(printed.stdout, main);
    let mut named = 0;
    for page in &pages {
        let text = std::fs::read_to_string(man.join(page)).unwrap();
        for (i, _) in text.match_indices("entrust\\-") {
            let rest = &text[i + "entrust\\-".len()..];
            let Some(end) = rest.find("(1)") else {
                continue;
            };
            let name = rest[..end].replace("\\-", "-");
            if name.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                named += 1;
                assert!(
                    pages.contains(&format!("entrust-{name}.1")),
                    "{page} names entrust-{name}(1), which was not written: {pages:?}"
                );
            }
        }
    }
    assert!(named >= 13, "{named} pages named");
    assert!(pages.contains(&"entrust-eval.1".to_string()));
    assert!(!pages.contains(&"entrust-help.1".to_string()));
}
