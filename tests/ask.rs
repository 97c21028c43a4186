//! `entrust ask`, run non-interactively (answers from a file or standard input), its output
//! snapshotted; answers are saved in place with comments kept, or to a new file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;

#[test]
fn asks_the_most_decisive_question_first_and_stops_once_settled() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("vendor.case");
    let original = std::fs::read_to_string("cases/kr/analytics-vendor-undecided.case").unwrap();
    std::fs::write(&case, &original).unwrap();
    let out = entrust()
        .args([
            "ask",
            case.to_str().unwrap(),
            "--answers",
            "tests/fixtures/ask/vendor-answers.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout)
        .unwrap()
        .replace(case.to_str().unwrap(), "<CASE>");
    insta::assert_snapshot!(stdout);
    // Only two questions were needed; the classification question came first.
    assert_eq!(
        stdout.matches("\nprocessing_serves = ").count()
            + stdout.matches("\nrecipient_own_use = ").count(),
        2
    );
    assert!(
        stdout.find("processing_serves =").unwrap() < stdout.find("recipient_own_use =").unwrap()
    );
    // Saved in place: the answered lines changed, every comment and every other line kept.
    let saved = std::fs::read_to_string(&case).unwrap();
    let changed: Vec<(&str, &str)> = original
        .lines()
        .zip(saved.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(changed[0].1.contains("processing_serves") && changed[0].1.contains("= transferor"));
    assert!(
        changed[0].1.contains("# the chain's retention only"),
        "the comment is kept"
    );
    assert_eq!(original.lines().count(), saved.lines().count());
    // The saved case is judged as answered, and is still in the canonical layout.
    let out = entrust()
        .args(["eval", case.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("outsourcing, lawful")
    );
    let out = entrust()
        .args(["fmt", "--check", case.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn save_writes_a_new_file_and_leaves_the_case_alone() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("answered.case");
    let out = entrust()
        .args([
            "ask",
            "cases/kr/analytics-vendor-undecided.case",
            "--answers",
            "tests/fixtures/ask/vendor-answers.txt",
            "--save",
            saved.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&saved)
            .unwrap()
            .contains("processing_serves")
    );
    let out = entrust()
        .args(["test", "cases/kr/analytics-vendor-undecided.case"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "the sample case itself is untouched"
    );
}

#[test]
fn answers_typed_on_standard_input_and_bad_answers_are_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("vendor.case");
    std::fs::copy("cases/kr/analytics-vendor-undecided.case", &case).unwrap();
    let out = entrust()
        .args(["ask", case.to_str().unwrap(), "--no-save"])
        .write_stdin("transferer\ntransferor\nno\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(
            "`transferer` is not a value of `processing_serves` (did you mean `transferor`?)"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("outsourcing, lawful"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(&case).unwrap(),
        std::fs::read_to_string("cases/kr/analytics-vendor-undecided.case").unwrap(),
        "--no-save changes nothing"
    );
}

#[test]
fn a_settled_case_asks_nothing() {
    let out = entrust()
        .args(["ask", "cases/kr/courier-parcels.case", "--no-save"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("No question to ask")
    );
}

#[test]
fn the_burden_of_proof_view_names_who_bears_it() {
    let out = entrust()
        .args(["explain", "cases/kr/analytics-vendor-undecided.case"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Under the burden of proof, taking as unproven: other_legal_basis = none (the transferor must prove it)"), "{text}");
}

#[test]
fn asks_on_past_the_first_violation_unless_told_to_stop_at_the_outcome() {
    // Kakao Pay's settlement leg is unlawful already; the findings are silent on the outsourcing
    // duties, so those violations stay possible and the interview asks about them.
    let empty = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(empty.path(), "# every question left unknown\n").unwrap();
    let run = |until: Option<&str>| {
        let mut cmd = entrust();
        cmd.args([
            "ask",
            "cases/kr/kakaopay-alipay-settlement.case",
            "--answers",
            empty.path().to_str().unwrap(),
            "--no-save",
        ]);
        if let Some(u) = until {
            cmd.args(["--until", u]);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let all = run(None);
    assert!(all.contains("(could change the violations)"), "{all}");
    assert!(all.contains("\nsecure_delivery = unknown"), "{all}");
    assert!(
        all.contains("The questions left unanswered can still change"),
        "{all}"
    );
    // The summary names what stays possible, each code once.
    let line = all
        .lines()
        .find(|l| l.starts_with("With the questions left unanswered"))
        .unwrap();
    assert!(line.contains("KR-CIA-17-4"), "{line}");
    assert_eq!(line.matches("KR-PIPA-26-1").count(), 1, "{line}");
    // Stopping at the outcome: the transfer is unlawful whatever the answers, so nothing is asked.
    let outcome = run(Some("outcome"));
    assert!(!outcome.contains(" = unknown"), "{outcome}");
    assert!(outcome.contains("No question to ask"), "{outcome}");
    assert!(
        outcome.contains("possible violation KR-CIA-17-4"),
        "{outcome}"
    );
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
                " the ", " of ", " is ", " and ", " to ", " or ", " can ", " could ", " help",
                " answer", "verdict", "question", "change", "saved", "possible", "burden",
                " must ",
            ]
            .iter()
            .any(|w| l.contains(w))
        })
        .map(str::to_string)
        .collect()
}

fn ask(args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = entrust().args(args).write_stdin(stdin).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_interview_in_korean() {
    let case = "cases/kr/analytics-vendor-undecided.case";
    let (code, out, err) = ask(
        &[
            "--lang",
            "ko",
            "ask",
            case,
            "--answers",
            "tests/fixtures/ask/vendor-answers.txt",
            "--no-save",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    for line in [
        "(법적 성격이 바뀔 수 있음)\n  도움말: ",
        "  processing_serves의 값을 입력하십시오 (다음 중 하나: transferor, recipient, third_party, shared). 모르면 모름 또는 unknown\nprocessing_serves = transferor\n",
        "(적법 여부가 바뀔 수 있음)\n  recipient_own_use의 값을 입력하십시오 (예 또는 아니오, yes 또는 no). 모르면 모름 또는 unknown\n",
        "\n더 이상 결론이나 인정되는 위반 사항을 바꿀 수 있는 사실이 없습니다. 판단 결과:\nanalytics-vendor-undecided [kr]: 처리위탁, 적법\n",
    ] {
        assert!(out.contains(line), "{line}\n---\n{out}");
    }
    let left = english_left(&out, &[case]);
    assert!(
        left.is_empty(),
        "English left in the Korean interview: {left:#?}"
    );
    // The check does see English: the English run leaves plenty.
    let (_, english, _) = ask(
        &[
            "ask",
            case,
            "--answers",
            "tests/fixtures/ask/vendor-answers.txt",
            "--no-save",
        ],
        "",
    );
    assert!(english_left(&english, &[case]).len() >= 4, "{english}");
}

#[test]
fn open_questions_burden_and_possible_violations_in_korean() {
    let case = "cases/kr/kakaopay-alipay-settlement.case";
    let (code, out, err) = ask(&["--lang", "ko", "ask", case, "--no-save"], "");
    assert_eq!(code, 0, "{err}");
    for line in [
        "(위반 사항이 바뀔 수 있음)",
        "  증명책임: 이전하는 자에게 증명책임이 있음",
        "\n답하지 않은 질문에 따라 결론이나 인정되는 위반 사항이 아직 바뀔 수 있습니다. 판단 결과:\n",
        "\n답하지 않은 질문에 따라 다음 위반 가능성이 남아 있습니다: KR-PIPA-26-1, ",
    ] {
        assert!(out.contains(line), "{line}\n---\n{out}");
    }
    let left = english_left(&out, &[case]);
    assert!(
        left.is_empty(),
        "English left in the Korean interview: {left:#?}"
    );
    let (_, out, _) = ask(
        &[
            "--lang",
            "ko",
            "ask",
            case,
            "--no-save",
            "--until",
            "outcome",
        ],
        "",
    );
    assert!(
        out.contains("\n더 물을 질문이 없습니다. 확인되지 않은 사실 가운데 결론을 바꿀 수 있는 것이 없습니다. 판단 결과:\n"),
        "{out}"
    );
}

#[test]
fn korean_answers_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("vendor.case");
    let original = std::fs::read_to_string("cases/kr/analytics-vendor-undecided.case").unwrap();
    std::fs::write(&case, &original).unwrap();
    // 아니오 from an answers file, saved as the case language writes it.
    let (code, out, err) = ask(
        &[
            "--lang",
            "ko",
            "ask",
            case.to_str().unwrap(),
            "--answers",
            "tests/fixtures/ask/vendor-answers-ko.txt",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("처리위탁, 적법"), "{out}");
    assert!(out.contains("\n답변 2개를 "), "{out}");
    let saved = std::fs::read_to_string(&case).unwrap();
    assert!(
        saved
            .lines()
            .any(|l| l.trim_start().starts_with("recipient_own_use ") && l.contains("= false")),
        "{saved}"
    );
    assert!(!saved.contains("아니오"), "{saved}");
    // Typed: 예 reads as yes, 모름 as unknown, in either language; a typo is answered in Korean.
    let typed = |lang: &str, stdin: &str| {
        let (code, out, err) = ask(
            &[
                "--lang",
                lang,
                "ask",
                "cases/kr/analytics-vendor-undecided.case",
                "--no-save",
            ],
            stdin,
        );
        assert_eq!(code, 0, "{err}");
        out
    };
    let verdict = |out: &str| {
        out.lines()
            .find(|l| l.starts_with("analytics-vendor-undecided [kr]: ") && l.contains(','))
            .unwrap()
            .to_string()
    };
    assert_eq!(
        verdict(&typed("ko", "transferor\n예\n")),
        verdict(&typed("ko", "transferor\ntrue\n"))
    );
    assert_eq!(
        verdict(&typed("en", "transferor\n예\n")),
        verdict(&typed("en", "transferor\nyes\n"))
    );
    assert_eq!(
        verdict(&typed("ko", "모름\n모름\n")),
        verdict(&typed("ko", "unknown\nunknown\n"))
    );
    let out = typed("ko", "transferer\ntransferor\n아니요\n");
    assert!(
        out.contains(
            "  `processing_serves`에 쓸 수 없는 값입니다(입력: `transferer`). `transferor`을(를) 뜻하셨습니까?"
        ),
        "{out}"
    );
    assert!(out.contains("처리위탁, 적법"), "{out}");
    let out = typed("ko", "transferor\nmaybe\nno\n");
    assert!(
        out.contains("  `recipient_own_use`에는 예 또는 아니오로 답하십시오(입력: `maybe`)."),
        "{out}"
    );
}

/// Issue 11 §1.10: every fault of an answers file is an error at its line and column (a value
/// that does not fit, a fact the pack does not have, a fact answered twice, a line that is not
/// `fact = value`), all reported at once, before anything is asked or saved.
#[test]
fn every_fault_of_an_answers_file_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("vendor.case");
    let original = std::fs::read_to_string("cases/kr/analytics-vendor-undecided.case").unwrap();
    std::fs::write(&case, &original).unwrap();
    let answers = dir.path().join("answers.txt");
    std::fs::write(
        &answers,
        "# answers\n\
         processing_serves = transfer0r\n\
         recipient_own_use: maybe\n\
         procesing_serves = transferor\n\
         processing_serves = recipient\n\
         this line is not an answer\n\
         subjects_count = -5\n",
    )
    .unwrap();
    let a = answers.to_str().unwrap();
    let (code, out, err) = ask(&["ask", case.to_str().unwrap(), "--answers", a], "");
    assert_eq!(code, 2, "{err}");
    assert_eq!(out, "", "nothing is asked");
    for (at, message, help) in [
        (
            "2:21",
            "error: `transfer0r` is not a value of `processing_serves`",
            "help: did you mean `transferor`?",
        ),
        (
            "3:20",
            "error: `maybe` is not a yes-or-no answer for `recipient_own_use`",
            "help: answer yes or no, or unknown",
        ),
        (
            "4:1",
            "error: unknown fact `procesing_serves`",
            "help: did you mean `processing_serves`?",
        ),
        (
            "5:1",
            "error: fact `processing_serves` is answered twice",
            "^^^^^^^^^^^^^^^^^ first answered on line 2",
        ),
        (
            "6:1",
            "error: unexpected `this line is not an answer`: expected a fact `name = value`",
            "",
        ),
        (
            "7:18",
            "error: -5 is negative: `subjects_count` takes a whole number, zero or more",
            "help: answer a whole number, or unknown",
        ),
    ] {
        let located = format!("{message}\n --> {a}:{at}\n");
        assert!(err.contains(&located), "{located}\n---\n{err}");
        assert!(err.contains(help), "{help}\n---\n{err}");
    }
    assert_eq!(err.matches("error: ").count(), 6, "{err}");
    assert_eq!(std::fs::read_to_string(&case).unwrap(), original);
    // In Korean too.
    let (code, _, err) = ask(
        &[
            "--lang",
            "ko",
            "ask",
            case.to_str().unwrap(),
            "--answers",
            a,
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!(
            "오류: 사실 `processing_serves`에 대한 답변이 두 번 있습니다\n --> {a}:5:1\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(
            "도움말: 다음과 같이 답하십시오: 예 또는 아니오, yes 또는 no. 모르면 모름 또는 unknown"
        ),
        "{err}"
    );
}

/// Issue 11 §3: `ask --save NEW` gives the new case a new id, so that the case and its answered
/// copy can be judged in one run; the output says which.
#[test]
fn save_gives_the_new_case_a_new_id() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("answered.case");
    let original = "cases/kr/analytics-vendor-undecided.case";
    let (code, out, err) = ask(
        &[
            "ask",
            original,
            "--answers",
            "tests/fixtures/ask/vendor-answers.txt",
            "--save",
            saved.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!(
            "Saved 2 answer(s) to {}, under a new case id: analytics-vendor-undecided-answered",
            saved.display()
        )),
        "{out}"
    );
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(
        text.contains("case analytics-vendor-undecided-answered \""),
        "{text}"
    );
    let out = entrust()
        .args([
            "eval",
            "--format",
            "jsonl",
            original,
            saved.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("2 evaluated, 0 rejected"), "{err}");
    // Saved in place, a case keeps its id.
    let (code, _, err) = ask(
        &[
            "ask",
            saved.to_str().unwrap(),
            "--answers",
            "tests/fixtures/ask/vendor-answers.txt",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read_to_string(&saved)
            .unwrap()
            .contains("case analytics-vendor-undecided-answered \"")
    );
}

/// A YAML case saved with its answers as a `.case` file gets a new id too.
#[test]
fn a_yaml_case_saved_with_its_answers_gets_a_new_id() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("vendor.yaml");
    std::fs::write(
        &yaml,
        "id: vendor\nunder: kr\ndate: 2024-03-01\nfacts:\n  recipient_own_use: false\n",
    )
    .unwrap();
    let answers = dir.path().join("answers.txt");
    std::fs::write(&answers, "processing_serves = transferor\n").unwrap();
    let saved = dir.path().join("vendor.case");
    let (code, out, err) = ask(
        &[
            "ask",
            yaml.to_str().unwrap(),
            "--answers",
            answers.to_str().unwrap(),
            "--until",
            "outcome",
            "--save",
            saved.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("under a new case id: vendor-answered"),
        "{out}"
    );
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.starts_with("case vendor-answered "), "{text}");
}
