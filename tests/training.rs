//! Training: the exercises of `cases/training/`, `entrust exercise` and `entrust grade` run
//! non-interactively (answers from files under `tests/training/`, or piped in), their output
//! snapshotted, and the grading arithmetic and the "first step that differs" checked through
//! the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;

use entrust::batch::{collect_inputs, load_cases};
use entrust::eval::Evaluator;
use entrust::explain::{NodeKind, Outcome, Weight};
use entrust::library::Library;
use entrust::reason::training::{
    Answer, AnswerProblem, Grade, Lawful, Part, Remark, Said, StepDetail, StepKind, StepResult,
    grade, read_answers,
};
use entrust::render::training::{grade as render_grade, points};
use entrust::verdict::judge;
use entrust::words::{En, Ko};
use std::path::PathBuf;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = entrust().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Grades an answer to the exercise `id` of cases/training through the library.
fn grade_one(id: &str, answer: &Answer) -> Grade {
    let mut lib = Library::open(None);
    let (inputs, _) = collect_inputs(&[PathBuf::from("cases/training")]);
    let (cases, errs) = load_cases(&mut lib, &inputs, None);
    assert!(errs.is_empty());
    let c = cases.iter().find(|c| c.case.id.text == id).unwrap();
    let (i, bound) = &c.bound[0];
    let pack = &lib.packs[*i];
    let v = judge(
        pack,
        &c.case,
        bound,
        &mut Evaluator::new(),
        Some(&lib.sources),
    );
    let key: Vec<String> = c
        .case
        .expect
        .as_ref()
        .map(|e| e.because.iter().map(|n| n.text.clone()).collect())
        .unwrap_or_default();
    grade(answer, &v, pack, &key)
}

fn answer(
    case: &str,
    classification: &str,
    lawful: Lawful,
    violations: &[&str],
    because: &[&str],
) -> Answer {
    Answer {
        case: case.into(),
        classification: Some(classification.into()),
        lawful: Some(lawful),
        violations: Some(violations.iter().map(|s| (*s).to_string()).collect()),
        because: Some(because.iter().map(|s| (*s).to_string()).collect()),
        hints: 0,
        line: None,
    }
}

// ---- the exercises ----------------------------------------------------------------------------

#[test]
fn the_exercises_pass_their_own_expectations_beside_the_kr_cases() {
    let (code, out, err) = run(&["test", "cases/training"]);
    assert_eq!(code, Some(0), "{out}{err}");
    // Both folders in one run: no id of an exercise is also a case of cases/kr.
    let (code, out, err) = run(&["test", "cases/"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(!err.contains("used twice"), "{err}");
}

#[test]
fn there_are_at_least_twelve_exercises_from_easy_to_hard_each_with_hints_and_notes() {
    let mut lib = Library::open(None);
    let (inputs, _) = collect_inputs(&[PathBuf::from("cases/training")]);
    let (cases, errs) = load_cases(&mut lib, &inputs, None);
    assert!(errs.is_empty());
    assert!(cases.len() >= 12, "{} exercises", cases.len());
    for level in ["easy", "medium", "hard"] {
        assert!(
            cases.iter().any(|c| c.case.level.as_deref() == Some(level)),
            "no {level} exercise"
        );
    }
    for c in &cases {
        let id = &c.case.id.text;
        assert!(c.case.level.is_some(), "{id}: no level");
        assert!(!c.case.hints.is_empty(), "{id}: no hint");
        assert!(!c.case.notes.is_empty(), "{id}: no teaching note");
        assert!(c.case.title.is_some(), "{id}: no title");
        assert!(c.case.source.is_some(), "{id}: no source");
        assert!(c.case.time.is_some(), "{id}: no date or period");
        let e = c
            .case
            .expect
            .as_ref()
            .unwrap_or_else(|| panic!("{id}: no expect"));
        assert!(
            e.classification.is_some(),
            "{id}: no expected classification"
        );
        assert!(e.lawful.is_some(), "{id}: no expected lawfulness");
        assert!(!e.because.is_empty(), "{id}: no expected grounds");
    }
}

// ---- grading, through the library ------------------------------------------------------------

#[test]
fn a_perfect_answer_earns_four_points() {
    let g = grade_one(
        "fashion-shop-chat-vietnam-2019-2024",
        &answer(
            "fashion-shop-chat-vietnam-2019-2024",
            "outsourcing",
            Lawful::No,
            &["KR-NETWORK-63", "KR-PIPA-39-12", "KR-PIPA-28-8-1"],
            &["cross_border_disclosed", "consent_cross_border"],
        ),
    );
    assert_eq!(g.total(), 4.0);
    assert!(g.first_step().is_none());
    assert!(
        g.parts()
            .iter()
            .all(|p| p.score.full() && p.steps.is_empty())
    );
}

#[test]
fn violations_earn_a_share_for_each_found_and_lose_one_for_each_wrong() {
    // Found: NETWORK-63, 39-12, 28-8-1. The trainee names 28-8 (matches 28-8-1 by prefix),
    // 39-12, and 17-3 (wrong): 2 found - 1 wrong = 1 of 3.
    let g = grade_one(
        "fashion-shop-chat-vietnam-2019-2024",
        &answer(
            "fashion-shop-chat-vietnam-2019-2024",
            "outsourcing",
            Lawful::No,
            &["KR-PIPA-28-8", "KR-PIPA-39-12", "KR-PIPA-17-3"],
            &["cross_border_disclosed"],
        ),
    );
    assert_eq!(g.violations.score.earned, 1);
    assert_eq!(g.violations.score.possible, 3);
    // Grounds: one of the two key grounds named, nothing wrong: 1 of 2.
    assert_eq!((g.grounds.score.earned, g.grounds.score.possible), (1, 2));
    assert_eq!(points(g.total()), "2.83"); // 1 + 1 + 1/3 + 1/2
    // One step per code missed or wrongly named: NETWORK-63 found by Network Act 63 in the
    // first stretch; 17-3 not applicable to an outsourcing.
    let steps: Vec<(&str, &str)> = g
        .violations
        .steps
        .iter()
        .map(|s| (s.id.as_str(), s.result.code()))
        .collect();
    assert_eq!(
        steps,
        vec![
            ("network_cross_border_consent", "violated"),
            ("cross_border_provision_consent", "not applicable")
        ]
    );
    let first = &g.violations.steps[0];
    // The first stretch: the Network Act's fine for missing protective measures came into force
    // on 2019-03-19, which cuts the period there.
    assert_eq!(
        first.period,
        Some(("2019-03-01".to_string(), "2019-03-18".to_string()))
    );
    assert!(
        matches!(&first.detail, Some(StepDetail::Node(d)) if d.starts_with("KR-NETWORK-63: ")),
        "{:?}",
        first.detail
    );
    assert!(first.cite.starts_with("Network Act Art. 63(2)"));
}

#[test]
fn wrong_codes_never_take_a_part_below_zero_and_vague_codes_do_not_count() {
    let g = grade_one(
        "gym-member-list-sold-training",
        &answer(
            "gym-member-list-sold-training",
            "provision",
            Lawful::No,
            &["KR-PIPA", "KR-PIPA-26-1", "KR-PIPA-22-1"],
            &["processing_serves", "marketing_task"],
        ),
    );
    // `KR-PIPA` would match every PIPA code: too vague, and wrong like the other two.
    assert_eq!(
        (g.violations.score.earned, g.violations.score.possible),
        (0, 2)
    );
    assert!(g.violations.remarks.contains(&Remark::TooVague {
        code: "KR-PIPA".into()
    }));
    // Grounds: one right, one wrong (marketing_task is no ground here): 0 of 3.
    assert_eq!((g.grounds.score.earned, g.grounds.score.possible), (0, 3));
    assert_eq!(g.total(), 2.0);
}

#[test]
fn with_no_violation_found_naming_none_earns_the_point_and_naming_one_loses_it() {
    let right = grade_one(
        "language-app-cloud-us-2024",
        &answer(
            "language-app-cloud-us-2024",
            "outsourcing",
            Lawful::Yes,
            &[],
            &[
                "cross_border_necessary_for_contract",
                "cross_border_disclosed",
            ],
        ),
    );
    assert_eq!(right.total(), 4.0);
    let wrong = grade_one(
        "language-app-cloud-us-2024",
        &answer(
            "language-app-cloud-us-2024",
            "outsourcing",
            Lawful::No,
            &["KR-PIPA-28-8-1"],
            &["cross_border_disclosed"],
        ),
    );
    assert_eq!(wrong.violations.score.earned, 0);
    assert_eq!(points(wrong.total()), "1.5");
    // The lawfulness step: the 28-8(1) requirement is excused by ground (iii).
    let s = &wrong.lawfulness.steps[0];
    assert_eq!(
        (s.id.as_str(), &s.result),
        (
            "cross_border_ground",
            &StepResult::Outcome(Outcome::Excused)
        )
    );
    assert!(
        matches!(&s.detail, Some(StepDetail::ExcusedBy(by)) if by.iter().any(|r| r.cite.contains("PIPA Art. 28-8(1)(iii)"))),
        "{:?}",
        s.detail
    );
}

#[test]
fn a_wrong_classification_points_to_the_heaviest_fired_factor_of_the_engines_side() {
    // The Kakao Pay trap: the decisive factor of the transfer to another firm's outsourcee
    // outweighs the contract that makes it look like outsourcing.
    let g = grade_one(
        "points-app-marketplace-outsourcee",
        &answer(
            "points-app-marketplace-outsourcee",
            "outsourcing",
            Lawful::No,
            &["KR-PIPA-17-1", "KR-PIPA-18-1"],
            &["recipient_acts_for_third_party"],
        ),
    );
    assert_eq!(g.classification.score.earned, 0);
    let s = g.first_step().unwrap();
    assert_eq!(s.kind, StepKind::Rule(NodeKind::Factor));
    // The heaviest factor of the engine's side; the PIPC's contested Kakao Pay factor weighs
    // beside it but decides nothing alone.
    assert_eq!(s.id, "serves_third_party");
    assert_eq!(s.result, StepResult::Outcome(Outcome::Fired));
    assert_eq!(s.cite, "Supreme Court 2016do13263 (2017-04-07), factor (e)");
    assert!(
        s.title
            .starts_with("the processing serves a firm other than the transferor")
    );
    assert_eq!(
        s.detail,
        Some(StepDetail::Weight(Weight {
            points: 7,
            decisive: false,
            side: "provision".into()
        }))
    );
    let facts: Vec<(&str, &str)> = s
        .facts
        .iter()
        .map(|f| (f.fact.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(facts, vec![("processing_serves", "third_party")]);
    assert!(
        s.facts[0]
            .at
            .as_deref()
            .unwrap()
            .starts_with("cases/training/11-points-app-marketplace-outsourcee.case:")
    );
    // 0 + 1 + 1 + 1/3: one of the three key grounds named.
    assert_eq!(points(g.total()), "2.33");

    // The reverse mistake: a genuine outsourcing taken for a provision because the purpose was
    // exceeded. The heaviest factor toward outsourcing is whose business it serves.
    let g = grade_one(
        "telecom-telemarketer-beyond-purpose-training",
        &answer(
            "telecom-telemarketer-beyond-purpose-training",
            "provision",
            Lawful::No,
            &["KR-PIPA-18-1"],
            &["purpose_within_original_collection"],
        ),
    );
    let s = &g.classification.steps[0];
    assert_eq!(s.id, "serves_transferor");
    assert!(
        matches!(&s.detail, Some(StepDetail::Weight(w)) if w.code() == "7 toward outsourcing"),
        "{:?}",
        s.detail
    );
    assert_eq!(s.facts[0].fact, "processing_serves");
    assert_eq!(s.facts[0].value, "transferor");
    assert_eq!(s.cite, "Supreme Court 2016do13263 (2017-04-07), factor (e)");
}

#[test]
fn an_undecided_case_points_to_the_open_weighing_and_the_facts_that_would_settle_it() {
    let g = grade_one(
        "department-store-ai-undecided",
        &answer(
            "department-store-ai-undecided",
            "outsourcing",
            Lawful::Yes,
            &[],
            &["task_in_contract"],
        ),
    );
    let s = &g.classification.steps[0];
    assert_eq!((s.kind.code(), s.result.code()), ("weighing", "undecided"));
    let facts: Vec<&str> = s.facts.iter().map(|f| f.fact.as_str()).collect();
    assert!(facts.contains(&"recipient_own_use") && facts.contains(&"processing_serves"));
    // Lawfulness unknown: the first requirement left open.
    let l = &g.lawfulness.steps[0];
    assert_eq!(l.result.code(), "open");
    assert!(
        matches!(&l.detail, Some(StepDetail::Node(d)) if d.starts_with("KR-PIPA-17-1")),
        "{:?}",
        l.detail
    );
    assert_eq!(l.assuming.as_deref(), Some("provision"));
    // The trainee who names the decisive unknowns gets the grounds.
    let g = grade_one(
        "department-store-ai-undecided",
        &answer(
            "department-store-ai-undecided",
            "undecided",
            Lawful::Unknown,
            &[],
            &["recipient_own_use", "processing_serves"],
        ),
    );
    assert_eq!(g.total(), 4.0);
}

#[test]
fn a_part_not_answered_earns_nothing() {
    let g = grade_one(
        "courier-parcels-training",
        &Answer::blank("courier-parcels-training"),
    );
    assert!(!g.answered);
    assert_eq!(g.total(), 0.0);
    for p in g.parts() {
        assert_eq!(p.score.earned, 0, "{:?}", p.part);
        assert_eq!(p.given, Said::NoAnswer);
    }
    let text = render_grade(&g, &En);
    assert!(
        text.contains("Every requirement that applies is met"),
        "{text}"
    );
    assert_eq!(g.classification.part, Part::Classification);
}

#[test]
fn answer_files_read_and_bad_ones_say_where() {
    let text = std::fs::read_to_string("tests/training/partly-wrong.yaml").unwrap();
    let f = read_answers(&text).unwrap();
    assert_eq!(f.trainee, "Lee Seo-yeon");
    assert_eq!(f.answers.len(), 12);
    let pay = f.answer("payroll-bureau-unpublished-training").unwrap();
    assert_eq!(pay.violations, Some(vec![])); // `none`
    assert_eq!(pay.line, Some(10));
    let text = std::fs::read_to_string("tests/training/bad.yaml").unwrap();
    let e = read_answers(&text).unwrap_err();
    assert_eq!((e.line, e.col), (6, 13));
    assert_eq!(
        e.problem,
        AnswerProblem::NotLawful {
            answer: 0,
            value: "maybe".into()
        }
    );
}

// ---- the commands, non-interactively ------------------------------------------------------------

#[test]
fn grade_prints_the_score_table_and_reports_a_bad_file_with_its_line() {
    let (code, out, err) = run(&[
        "grade",
        "tests/training/perfect.yaml",
        "tests/training/partly-wrong.yaml",
        "tests/training/bad.yaml",
    ]);
    // The bad file is reported and the others are graded.
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(
        err.trim(),
        "error: tests/training/bad.yaml:6:13: answers[0].lawful: `maybe` is not a lawfulness: answer yes, no or unknown"
    );
    assert!(out.contains("Perfect Park (tests/training/perfect.yaml): 68 out of 68"));
    assert!(out.contains("Lee Seo-yeon (tests/training/partly-wrong.yaml): 26.33 out of 68"));
    assert!(!out.contains("Choi Do-hyun"));
    insta::assert_snapshot!("grade_perfect_and_partly_wrong", out);
}

#[test]
fn grade_of_a_perfect_class_exits_0() {
    let (code, out, err) = run(&[
        "grade",
        "--cases",
        "cases/training",
        "tests/training/perfect.yaml",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Every answer is right."), "{out}");
    assert!(out.contains("total (out of 68)"), "{out}");
    assert!(out.contains("100%"), "{out}");
}

#[test]
fn an_answer_to_no_exercise_is_reported_with_its_line_and_the_nearest_id() {
    let (code, out, err) = run(&["grade", "tests/training/stray.yaml"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("tests/training/stray.yaml:9: no exercise `courier-parcel-training` in this set; did you mean `courier-parcels-training`?"),
        "{err}"
    );
    assert!(
        out.contains("Han Ye-jin (tests/training/stray.yaml): 3.5 out of 68"),
        "{out}"
    );
}

#[test]
fn exercise_from_an_answers_file_runs_the_whole_set_in_order() {
    let (code, out, err) = run(&[
        "exercise",
        "cases/training",
        "--answers",
        "tests/training/partly-wrong.yaml",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with(
        "Training: 17 exercises from cases/training (easy 3, medium 8, hard 6)\nTrainee: Lee Seo-yeon\n"
    ));
    // Easy before medium before hard.
    let pos = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} not in output"));
    assert!(pos("Exercise 1 of 17 (easy)") < pos("Exercise 4 of 17 (medium)"));
    assert!(pos("Exercise 11 of 17 (medium)") < pos("Exercise 12 of 17 (hard)"));
    // The exercise is set without its answer: the expect block is never shown before the
    // trainee answers.
    let first = &out[..pos("Your answer:")];
    assert!(!first.contains("classification = outsourcing"), "{first}");
    assert!(!first.contains("Source:"), "{first}");
    assert!(first.contains("processing_serves                  = transferor"));
    // The unanswered exercise is graded as no answer.
    assert!(out.contains("Classification (provision, outsourcing, undecided)? (no answer)"));
    assert!(
        out.contains("Total: 26.33 out of 68 over 17 exercises (39%)"),
        "{out}"
    );
    // The teaching notes come after the reasoning.
    assert!(pos("The engine's reasoning") < pos("Teaching notes"));
}

#[test]
fn exercise_snapshot_of_the_kakao_pay_trap() {
    let (code, out, err) = run(&[
        "exercise",
        "cases/training/11-points-app-marketplace-outsourcee.case",
        "--answers",
        "tests/training/partly-wrong.yaml",
    ]);
    // The answers file holds answers to other exercises too: not an error.
    assert_eq!(code, Some(0), "{err}");
    insta::assert_snapshot!("exercise_points_app_partly_wrong", out);
}

#[test]
fn exercise_snapshot_of_the_undecided_case() {
    let (code, out, err) = run(&[
        "exercise",
        "cases/training/13-department-store-ai-undecided.case",
        "--answers",
        "tests/training/partly-wrong.yaml",
    ]);
    assert_eq!(code, Some(0), "{err}");
    insta::assert_snapshot!("exercise_undecided_partly_wrong", out);
}

#[test]
fn exercise_reads_answers_piped_to_standard_input() {
    let out = entrust()
        .args(["exercise", "cases/training/03-gym-member-list-sold.case"])
        .write_stdin("hint\nprovison\nprovision\nmaybe\nno\nKR-PIPA-17-1, KR-PIPA-18-1\nprocessing_serves recipient_own_use consent_provision\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("Hint 1: Who pays whom here"), "{out}");
    assert!(
        out.contains("Answer one of: provision, outsourcing, undecided."),
        "{out}"
    );
    assert!(out.contains("Answer yes, no or unknown."), "{out}");
    assert!(
        out.contains("Total: 4 out of 4 over 1 exercise (100%)"),
        "{out}"
    );
}

#[test]
fn exercise_stops_at_the_end_of_input() {
    let out = entrust()
        .args(["exercise", "cases/training"])
        .write_stdin("outsourcing\nyes\nnone\nprocessing_serves, recipient_own_use\nquit\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("Stopped."), "{out}");
    assert!(
        out.contains("Total: 4 out of 4 over 1 exercise (100%)"),
        "{out}"
    );
}

#[test]
fn exercise_with_a_bad_answers_file_exits_2_with_the_place() {
    let (code, _, err) = run(&[
        "exercise",
        "cases/training",
        "--answers",
        "tests/training/bad.yaml",
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("tests/training/bad.yaml:6:13: "), "{err}");
}

// ---- in Korean ----------------------------------------------------------------------------------

fn run_ko(args: &[&str], stdin: &str) -> (Option<i32>, String, String) {
    let out = entrust()
        .args(["--lang", "ko"])
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The texts written between double quotes in the Korean pack and the exercises, and the
/// trainees' names: the packs' and cases' own texts, shown as written (in English until they
/// are translated).
fn source_texts() -> Vec<String> {
    let mut texts = Vec::new();
    for dir in ["statutes/kr", "cases/training"] {
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            let mut chars = text.chars();
            while chars.by_ref().any(|c| c == '"') {
                let mut s = String::new();
                let mut escaped = false;
                for c in chars.by_ref() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        c => {
                            escaped = false;
                            s.push(c);
                        }
                    }
                }
                texts.push(s);
            }
        }
    }
    for e in std::fs::read_dir("tests/training").unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        for l in text.lines() {
            if let Some(name) = l.strip_prefix("trainee:") {
                texts.push(name.trim().to_string());
            }
        }
    }
    texts
}

/// The English left in a Korean output once the packs' and cases' texts and the identifiers
/// (fact names and values, ids, codes, paths) are taken out: each English word of a sentence
/// (an article, a preposition, a word of training) with the text around it.
fn english_leaks(out: &str) -> Vec<String> {
    const WORDS: [&str; 40] = [
        "the",
        "of",
        "is",
        "and",
        "to",
        "not",
        "out",
        "you",
        "your",
        "engine",
        "answer",
        "answers",
        "exercise",
        "exercises",
        "hint",
        "hints",
        "reads",
        "cite",
        "weight",
        "found",
        "missed",
        "total",
        "average",
        "level",
        "percent",
        "score",
        "scores",
        "trainee",
        "stopped",
        "here",
        "toward",
        "does",
        "apply",
        "every",
        "excused",
        "same",
        "step",
        "differs",
        "teaching",
        "lawful",
    ];
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Wrapped lines joined again, so that a text wrapped over lines is found whole.
    let mut text = squeeze(out);
    let mut texts: Vec<String> = source_texts()
        .iter()
        .map(|t| squeeze(t))
        .filter(|t| t.chars().count() >= 4)
        .collect();
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    for t in &texts {
        text = text.replace(t.as_str(), " □ ");
    }
    // Identifiers: `fact = value`, sets of values in braces, and any token with `_`, `-`, `/`, a
    // digit or a backtick.
    let tokens: Vec<&str> = text.split(' ').collect();
    let mut kept = Vec::new();
    let mut k = 0;
    while let Some(t) = tokens.get(k) {
        if tokens.get(k + 1) == Some(&"=") {
            k += 3;
            if tokens.get(k - 1).is_some_and(|v| v.starts_with('{')) {
                while tokens.get(k - 1).is_some_and(|v| !v.contains('}')) {
                    k += 1;
                }
            }
            continue;
        }
        if t.contains('{') {
            while tokens.get(k).is_some_and(|v| !v.contains('}')) {
                k += 1;
            }
            k += 1;
            continue;
        }
        if !t.contains([
            '_', '-', '/', '`', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
        ]) {
            kept.push(*t);
        }
        k += 1;
    }
    let mut leaks = Vec::new();
    for (i, t) in kept.iter().enumerate() {
        let word: String = t
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_lowercase();
        if WORDS.contains(&word.as_str()) {
            let from = i.saturating_sub(4);
            leaks.push(kept[from..(i + 5).min(kept.len())].join(" "));
        }
    }
    leaks
}

#[test]
fn the_leak_check_finds_english_and_lets_pack_texts_and_identifiers_pass() {
    assert!(english_leaks("  법적 성격        0/1  you: 처리위탁; engine: 제3자 제공").len() >= 2);
    assert_eq!(english_leaks("Total: 1 out of 4").len(), 3);
    assert_eq!(
        english_leaks(
            "  요건 purpose_limit: 위반\n      Personal data are used or provided only within the purpose of collection\n      관련 사실: purpose_within_original_collection = false (cases/training/x.case:1:2)\n  processing_serves = {the, of}\n  recipient_country ∈ ({IS, LI, NO})"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn exercise_in_korean_from_an_answers_file() {
    let (code, out, err) = run_ko(
        &[
            "exercise",
            "cases/training",
            "--answers",
            "tests/training/partly-wrong.yaml",
        ],
        "",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with(
            "연습 문제 17개: cases/training (쉬움 3, 보통 8, 어려움 6)\n수강생: Lee Seo-yeon\n"
        ),
        "{out}"
    );
    for s in [
        "연습 문제 1/17 (쉬움): courier-parcels-training",
        "연습 문제 12/17 (어려움): ",
        "이전하는 자: ",
        "기간: 2023-",
        "사실 (목록에 없는 사실은 확인되지 않은 것임):",
        "힌트가 2개 있습니다.\n답변:\n",
        "  법적 성격은 무엇입니까? (제3자 제공, 처리위탁, 판단 유보) 처리위탁\n",
        "  적법합니까? (예, 아니오, 미정) 예\n",
        "  위반 사항은 무엇입니까? (KR-PIPA-17-1 같은 코드, 없으면 `없음`) 없음\n",
        "  결정적 근거는 무엇입니까? (사실 또는 규칙 이름, 예: processing_serves) processing_serves, recipient_own_use\n",
        // The unanswered exercise.
        "  법적 성격은 무엇입니까? (제3자 제공, 처리위탁, 판단 유보) (답변 없음)\n",
        "\n채점\n",
        "  법적 성격        0/1  답변: 처리위탁; 엔진: 제3자 제공\n",
        "  적법 여부        0/1  답변: 예; 엔진: 아니오\n",
        "  합계             1.5  (4점 만점)\n",
        "  엔진의 판단이 답변과 갈리는 지점:\n",
        "    고려 요소 serves_third_party: 해당\n",
        "      가중치: 제3자 제공 쪽 7점\n",
        "      관련 사실: processing_serves = third_party (cases/training/11-points-app-marketplace-outsourcee.case:32:40)\n",
        "      근거 조문: 대법원 2017. 4. 7. 선고 2016도13263 판결, 판단요소 (마)\n",
        "  - 결정적 근거: 적법 여부와 같은 단계 (요건 outsourcing_publication)\n",
        "      적용되지 않음: classification = provision (이 사안: 아니오)",
        "\n엔진의 판단 과정\n",
        "\n결론\n",
        "\n해설\n",
        "합계: 연습 문제 17개, 68점 중 26.33점 (39%)\n",
        "  법적 성격       17점 중 8점\n",
    ] {
        assert!(out.contains(s), "`{s}` not in:\n{out}");
    }
    let leaks = english_leaks(&out);
    assert!(leaks.is_empty(), "English in the Korean output: {leaks:#?}");
    // The English run says the same in English.
    let (_, en, _) = run(&[
        "exercise",
        "cases/training",
        "--answers",
        "tests/training/partly-wrong.yaml",
    ]);
    assert!(en.contains("  exercise         1.5  out of 4\n"));
    assert!(!english_leaks(&en).is_empty());
}

#[test]
fn exercise_in_korean_reads_answers_typed_in_korean() {
    let (code, out, err) = run_ko(
        &["exercise", "cases/training/03-gym-member-list-sold.case"],
        "힌트\n제공인가\n제3자제공\n어쩌면\n힌트\n힌트\n아니오\nKR-PIPA-17-1, KR-PIPA-18-1\nprocessing_serves recipient_own_use consent_provision\n",
    );
    assert_eq!(code, Some(0), "{err}");
    for s in [
        "각 질문에 답하십시오. 힌트를 보려면 `hint`(또는 `힌트`), 그만하려면 `quit`(또는 `그만`)을 입력하십시오.\n",
        "힌트가 2개 있습니다 (어느 질문에서든 `hint`를 입력하십시오).\n",
        "  법적 성격은 무엇입니까? (제3자 제공, 처리위탁, 판단 유보) 힌트\n  힌트 1: 여기서 누가 누구에게 대가를 지급하며",
        "  다음 중 하나로 답하십시오: 제3자 제공, 처리위탁, 판단 유보.\n",
        "  예, 아니오, 미정 중 하나로 답하십시오.\n",
        "  힌트 2: ",
        "  더 이상 힌트가 없습니다.\n",
        "  법적 성격        1/1  답변: 제3자 제공; 엔진: 제3자 제공\n",
        "                    KR-PIPA-18-1 맞힘\n",
        "합계: 연습 문제 1개, 4점 중 4점 (100%)\n",
    ] {
        assert!(out.contains(s), "`{s}` not in:\n{out}");
    }
    let leaks = english_leaks(&out);
    assert!(leaks.is_empty(), "English in the Korean output: {leaks:#?}");

    // 위탁, 판단 유보, 모름 and 없음 are read too; `그만` stops.
    let (code, out, _) = run_ko(
        &["exercise", "cases/training"],
        "위탁\n예\n없음\nprocessing_serves, recipient_own_use\n그만\n",
    );
    assert_eq!(code, Some(0));
    assert!(out.contains("\n중단했습니다.\n"), "{out}");
    assert!(
        out.contains("합계: 연습 문제 1개, 4점 중 4점 (100%)\n"),
        "{out}"
    );
    let (_, out, _) = run_ko(
        &[
            "exercise",
            "cases/training/13-department-store-ai-undecided.case",
        ],
        "판단 유보\n모름\n없음\nrecipient_own_use processing_serves\n",
    );
    assert!(
        out.contains("합계: 연습 문제 1개, 4점 중 4점 (100%)\n"),
        "{out}"
    );
}

#[test]
fn grade_in_korean_prints_a_korean_score_table() {
    let (code, out, err) = run_ko(
        &[
            "grade",
            "tests/training/perfect.yaml",
            "tests/training/partly-wrong.yaml",
            "tests/training/bad.yaml",
        ],
        "",
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("오류: tests/training/bad.yaml:6:13: answers[0].lawful: `maybe`: 적법 여부로 읽을 수 없는 값입니다. yes, no, unknown 중 하나로 적으십시오.\n"),
        "{err}"
    );
    for s in [
        "점수: 수강생 2명, 연습 문제 17개 (<builtin>/cases/training; 문제당 4점: 법적 성격, 적법 여부, 위반 사항, 결정적 근거; - = 답변 없음)\n",
        "연습 문제                                     난이도  Perfect Park  Lee Seo-yeon  평균\n",
        "courier-parcels-training                      쉬움               4             4     4\n",
        "florist-promotion-agency-training             보통               4           2.5  3.25\n",
        "department-store-ai-undecided                 어려움             4             1   2.5\n",
        "합계 (68점 만점)                                                68         26.33  47.17\n",
        "백분율                                                        100%           39%   69%\n",
        "Perfect Park (tests/training/perfect.yaml): 68점 중 68점\n모든 답변이 정답임.\n",
        "Lee Seo-yeon (tests/training/partly-wrong.yaml): 68점 중 26.33점\n답변하지 않은 문제: call-centre-sub-outsourcing-training, eu-01-support-desk-india-remote-access-2023, survey-firm-mixes-client-data-2023, eu-02-airline-hotel-joint-campaign-2024, travel-app-entrustee-abroad-2021-2022\n",
        "payroll-bureau-unpublished-training (쉬움, <builtin>/cases/training/02-payroll-bureau.case:4): 4점 중 1.5점\n",
        "                    답변에서 빠진 핵심 근거: outsourcing_disclosed\n",
        "                    KR-PIPA-26-2: 위반 아님\n",
        "    요건 cross_border_ground: 예외 적용\n",
    ] {
        assert!(out.contains(s), "`{s}` not in:\n{out}");
    }
    let leaks = english_leaks(&out);
    assert!(leaks.is_empty(), "English in the Korean output: {leaks:#?}");

    // A near miss is reported in Korean.
    let (code, _, err) = run_ko(&["grade", "tests/training/stray.yaml"], "");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("오류: tests/training/stray.yaml:9: 이 연습 문제 묶음에 `courier-parcel-training` 연습 문제가 없습니다. `courier-parcels-training`을(를) 뜻하셨습니까?"),
        "{err}"
    );
}

#[test]
fn answer_files_may_write_the_classification_and_lawfulness_in_korean() {
    let text = std::fs::read_to_string("tests/training/korean.yaml").unwrap();
    let f = read_answers(&text).unwrap();
    let lawful: Vec<Option<Lawful>> = f.answers.iter().map(|a| a.lawful).collect();
    assert_eq!(
        lawful,
        vec![Some(Lawful::Yes), Some(Lawful::No), Some(Lawful::Unknown)]
    );
    // Graded alike in both languages; the Korean name is aligned by its width on screen.
    let (code, out, err) = run(&["grade", "tests/training/korean.yaml"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("김지우 (tests/training/korean.yaml): 12 out of 68"),
        "{out}"
    );
    assert!(
        out.contains("exercise                                      level   김지우  average\n"),
        "{out}"
    );
    let (code, out, err) = run_ko(&["grade", "tests/training/korean.yaml"], "");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("김지우 (tests/training/korean.yaml): 68점 중 12점"),
        "{out}"
    );
    assert!(
        out.contains("gym-member-list-sold-training                 쉬움         4     4\n"),
        "{out}"
    );
}

#[test]
fn grades_render_in_both_languages_from_one_grade() {
    let g = grade_one(
        "courier-parcels-training",
        &Answer::blank("courier-parcels-training"),
    );
    let en = render_grade(&g, &En);
    let ko = render_grade(&g, &Ko);
    assert!(
        en.contains("  classification   0/1  you: no answer; engine: outsourcing\n"),
        "{en}"
    );
    assert!(
        en.contains(
            "    lawfulness: lawful\n      Every requirement that applies is met\n      met: "
        ),
        "{en}"
    );
    assert!(
        ko.contains("  법적 성격        0/1  답변: 답변 없음; 엔진: 처리위탁\n"),
        "{ko}"
    );
    assert!(
        ko.contains("    적법 여부: 적법\n      적용되는 요건이 모두 충족됨\n      충족: "),
        "{ko}"
    );
    assert!(english_leaks(&ko).is_empty(), "{ko}");
}

/// Issue 11 §3: `grade` and `exercise` work from any folder: without `--cases` (or DIR) they
/// set the exercises built into entrust, and say where they come from; the repository's own
/// folder gives the same grades.
#[test]
fn grade_and_exercise_work_from_any_folder() {
    let elsewhere = tempfile::tempdir().unwrap();
    let answers = std::fs::canonicalize("tests/training/perfect.yaml").unwrap();
    let answers = answers.to_str().unwrap();
    let out = entrust()
        .current_dir(elsewhere.path())
        .args(["grade", answers])
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.starts_with("Scores: 1 trainee on 17 exercises from <builtin>/cases/training "),
        "{stdout}"
    );
    assert!(stdout.contains("Every answer is right."), "{stdout}");
    // The same grades as against the repository's folder.
    let (code, here, err) = run(&["grade", "--cases", "cases/training", answers]);
    assert_eq!(code, Some(0), "{err}");
    let table = |s: &str| s.lines().skip(1).take(18).collect::<Vec<_>>().join("\n");
    assert_eq!(table(&stdout), table(&here));
    // A folder that does not exist is an error naming it.
    let (code, _, err) = run(&["grade", "--cases", "no/such/folder", answers]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no/such/folder"), "{err}");
    // The exercises, set from another folder.
    let out = entrust()
        .current_dir(elsewhere.path())
        .args(["exercise", "--answers", answers])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with("Training: 17 exercises from <builtin>/cases/training "),
        "{stdout}"
    );
    assert!(stdout.contains("68 out of 68"), "{stdout}");
}
