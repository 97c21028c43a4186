//! `entrust whatif`: run non-interactively on sample cases, its output snapshotted; the sets it
//! reports are minimal; a bounded search says when it stopped early; a bad `--set` is an input
//! error with "did you mean".
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;

use entrust::batch::bind_cases;
use entrust::case::{BoundCase, Format};
use entrust::compile::pack::{FactId, Pack, Val};
use entrust::eval::Evaluator;
use entrust::eval::tri::Tri;
use entrust::lang::Lang;
use entrust::library::Library;
use entrust::reason::whatif::{self, Change, Goal, Options, WhatIf};
use entrust::summary::{Summary, summarize};
use entrust::verdict::judge_parts;
use std::collections::HashMap;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = entrust().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn kakaopay_flips() {
    let (code, out, err) = run(&["whatif", "cases/kr/kakaopay-alipay-nsf.case"]);
    assert_eq!(code, 0, "{err}");
    // Four changes at least would make it outsourcing: none within the default three.
    assert!(out.contains("TO BECOME OUTSOURCING\n  No set of up to 3 changes would do it"));
    // Keeping the data in Korea and getting consent: lawful with two changes.
    assert!(out.contains("1. 2 changes → provision, lawful"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn undecided_case_flips_and_open_questions() {
    let (code, out, err) = run(&["whatif", "cases/kr/analytics-vendor-undecided.case"]);
    assert_eq!(code, 0, "{err}");
    // Settling an unknown is itself a way to flip: one answer settles the classification.
    assert!(out.contains("SETTLING THE OPEN QUESTIONS"));
    assert!(out.contains("    transferor → outsourcing"), "{out}");
    assert!(out.contains(
        "TO BECOME OUTSOURCING\n  1. 1 change → outsourcing, lawfulness open (balance +6 to +18 toward outsourcing)\n       processing_serves: unknown → transferor (settles an open question)"
    ));
    // For the client: a lawful outsourcing, in the words of the factors.
    assert!(out.contains(
        "To be a lawful outsourcing: the processing serves the transferor's own business"
    ));
    insta::assert_snapshot!(out);
}

#[test]
fn set_evaluates_a_variation_then_flips_from_there() {
    let (code, out, err) = run(&[
        "whatif",
        "cases/kr/kakaopay-alipay-nsf.case",
        "--set",
        "processing_serves=transferor",
        "--set",
        "recipient_own_use = false",
        "--max-changes",
        "2",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("AS FILED\n  kakaopay-alipay-nsf [kr]: provision, unlawful"));
    assert!(out.contains(
        "WITH processing_serves = transferor (was third_party), recipient_own_use = false (was true)\n  kakaopay-alipay-nsf [kr]: undecided, unlawful"
    ));
    insta::assert_snapshot!(out);
    // The file itself is untouched.
    let (_, again, _) = run(&["eval", "cases/kr/kakaopay-alipay-nsf.case"]);
    assert!(again.contains("provision, unlawful"));
}

#[test]
fn bad_set_values_exit_2_with_did_you_mean() {
    let (code, out, err) = run(&[
        "whatif",
        "cases/kr/kakaopay-alipay-nsf.case",
        "--set",
        "processing_serves=transferer",
        "--set",
        "procesing_serves=transferor",
        "--set",
        "recipient_own_use=3",
        "--set",
        "no-equals-sign",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("`transferer` is not a value of `processing_serves`"));
    assert!(err.contains("did you mean `transferor`?"));
    assert!(err.contains("unknown fact `procesing_serves`"));
    assert!(err.contains("did you mean `processing_serves`?"));
    assert!(err.contains(
        "fact `recipient_own_use` takes bool (true or false), but the number 3 was given"
    ));
    assert!(err.contains("`no-equals-sign` is not of the form FACT=VALUE"));
    insta::assert_snapshot!(err);
}

#[test]
fn a_large_max_changes_stops_at_the_budget_and_says_so() {
    let (code, out, err) = run(&[
        "whatif",
        "cases/kr/kakaopay-alipay-nsf.case",
        "--max-changes",
        "6",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Stopped early after "), "{out}");
    assert!(out.contains("Sets listed are still minimal."));
}

#[test]
fn a_small_max_changes_says_a_larger_one_searches_further() {
    let (code, out, _) = run(&[
        "whatif",
        "cases/kr/kakaopay-alipay-nsf.case",
        "--max-changes",
        "1",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains(
        "TO BE LAWFUL\n  No set of up to 1 change would do it (more changes at once: --max-changes)."
    ));
    assert!(out.contains("Searched every set of up to 1 change ("));
}

// ---- the library ----------------------------------------------------------------------------

fn load(path: &str) -> (Library, Vec<(usize, BoundCase)>) {
    let mut lib = Library::open(None);
    let text = std::fs::read_to_string(path).unwrap();
    let id = lib.sources.add(path, text);
    let read = entrust::case::read(&lib.sources, id, Format::Case);
    let (cases, errs) = bind_cases(&lib, read.cases, None, &mut HashMap::new());
    assert!(errs.is_empty());
    let bound = cases.into_iter().flat_map(|c| c.bound).collect();
    (lib, bound)
}

/// Where a case stands with some changes made.
fn standing(pack: &Pack, bound: &BoundCase, changes: &[Change]) -> (Option<u8>, Tri) {
    let mut b = bound.clone();
    for c in changes {
        b.facts[usize::from(c.fact)] = c.to;
    }
    let parts = judge_parts(pack, &b, &mut Evaluator::new());
    let mut sum = Summary::default();
    summarize(pack, &parts, &mut sum);
    (sum.side, sum.lawful)
}

fn reached(goal: Goal, s: (Option<u8>, Tri)) -> bool {
    match goal {
        Goal::Classification(side) => s.0 == Some(side),
        Goal::Lawful => s.1 == Tri::True,
    }
}

fn pairs(changes: &[Change]) -> Vec<(FactId, Val)> {
    changes.iter().map(|c| (c.fact, c.to)).collect()
}

/// Every reported set reaches its goal; none contains another reported for the same goal; and
/// no set with one change left out reaches the goal (so each is minimal).
fn assert_minimal(pack: &Pack, bound: &BoundCase, w: &WhatIf) {
    for g in &w.goals {
        for (i, f) in g.flips.iter().enumerate() {
            assert!(reached(g.goal, standing(pack, bound, &f.changes)));
            let mine = pairs(&f.changes);
            for (j, other) in g.flips.iter().enumerate() {
                if i != j {
                    let theirs = pairs(&other.changes);
                    assert!(
                        !theirs.iter().all(|p| mine.contains(p)),
                        "{:?} contains {:?}",
                        f.changes,
                        other.changes
                    );
                }
            }
            for k in 0..f.changes.len() {
                let mut fewer = f.changes.clone();
                fewer.remove(k);
                assert!(
                    !reached(g.goal, standing(pack, bound, &fewer)),
                    "{:?} is not minimal: {:?} reaches {:?} too",
                    f.changes,
                    fewer,
                    g.goal
                );
            }
        }
    }
}

#[test]
fn reported_sets_are_minimal() {
    for path in [
        "cases/kr/kakaopay-alipay-nsf.case",
        "cases/kr/analytics-vendor-undecided.case",
        "cases/kr/call-centre-no-contract.case",
        "cases/kr/affiliate-bundled-consent.case",
    ] {
        let (lib, bound) = load(path);
        for (i, b) in &bound {
            let pack = &lib.packs[*i];
            let w = whatif::whatif(pack, b, &mut Evaluator::new(), &Options::default());
            assert!(!w.stopped_early, "{path}");
            assert!(w.goals.iter().any(|g| !g.flips.is_empty()), "{path}");
            assert_minimal(pack, b, &w);
        }
    }
}

#[test]
fn a_small_budget_stops_early_and_says_so() {
    let (lib, bound) = load("cases/kr/kakaopay-alipay-nsf.case");
    let (i, b) = &bound[0];
    let pack = &lib.packs[*i];
    let opts = Options {
        max_changes: 3,
        budget: 40,
        ..Options::default()
    };
    let w = whatif::whatif(pack, b, &mut Evaluator::new(), &opts);
    assert!(w.stopped_early);
    // The budget bounds the evaluations, and the sets looked at (ten per evaluation allowed).
    assert!(w.evaluations <= 40);
    assert!(w.considered <= 401);
    assert!(w.searched < 3);
    assert_minimal(pack, b, &w);
    let text =
        entrust::render::whatif::render_text(entrust::words::words(pack.lang), pack, &w, b.from, 5);
    assert!(
        text.contains(&format!(
            "Stopped early after {} evaluations",
            w.evaluations
        )),
        "{text}"
    );
    assert!(text.contains("(the budget): sets of "), "{text}");
    // With the budget to spare, the same search completes.
    let w = whatif::whatif(pack, b, &mut Evaluator::new(), &Options::default());
    assert!(!w.stopped_early);
    assert_eq!(w.searched, 3);
    assert!(w.evaluations < whatif::DEFAULT_BUDGET);
}

#[test]
fn goals_can_be_chosen() {
    let (lib, bound) = load("cases/kr/analytics-vendor-undecided.case");
    let (i, b) = &bound[0];
    let pack = &lib.packs[*i];
    let w = whatif::search(
        pack,
        b,
        &mut Evaluator::new(),
        &[Goal::Classification(1)],
        &Options {
            max_changes: 1,
            budget: 1000,
            ..Options::default()
        },
    );
    assert_eq!(w.goals.len(), 1);
    let flips = &w.goals[0].flips;
    assert_eq!(flips.len(), 1);
    let c = flips[0].changes[0];
    assert_eq!(pack.facts[usize::from(c.fact)].name, "processing_serves");
    assert_eq!(pack.show_value(c.fact, c.to), "transferor");
    assert_eq!(flips[0].result.side, Some(1));
}

#[test]
/// Against brute force, on every sample case: every set of one or two changes (over every fact
/// any rule reads and the search may change, at every representative value) that reaches a goal
/// contains the facts of a set reported for it, no larger; so the pruning never loses a smallest
/// set.
fn no_smallest_set_is_missed_up_to_two_changes() {
    for entry in std::fs::read_dir("cases/kr").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "case") {
            continue;
        }
        let (lib, bound) = load(path.to_str().unwrap());
        for (i, b) in &bound {
            let pack = &lib.packs[*i];
            let opts = Options {
                max_changes: 2,
                budget: 1_000_000,
                ..Options::default()
            };
            let w = whatif::whatif(pack, b, &mut Evaluator::new(), &opts);
            assert_minimal(pack, b, &w);
            // Brute force over every fact's representatives, sets of 1 and 2.
            let cands: Vec<(FactId, Val)> = (0..pack.facts.len())
                .filter(|&f| opts.may_change(pack, FactId::try_from(f).unwrap()))
                .flat_map(|f| {
                    pack.representatives[f]
                        .iter()
                        .map(move |v| (FactId::try_from(f).unwrap(), *v))
                })
                .filter(|(f, v)| b.facts[usize::from(*f)] != *v)
                .collect();
            let mk = |xs: &[(FactId, Val)]| -> Vec<Change> {
                xs.iter()
                    .map(|(f, v)| Change {
                        fact: *f,
                        from: b.facts[usize::from(*f)],
                        to: *v,
                    })
                    .collect()
            };
            let mut sets: Vec<Vec<(FactId, Val)>> = cands.iter().map(|c| vec![*c]).collect();
            for x in 0..cands.len() {
                for y in x + 1..cands.len() {
                    if cands[x].0 != cands[y].0 {
                        sets.push(vec![cands[x], cands[y]]);
                    }
                }
            }
            for s in sets {
                let st = standing(pack, b, &mk(&s));
                for g in &w.goals {
                    if reached(g.goal, st) {
                        let facts: Vec<FactId> = s.iter().map(|x| x.0).collect();
                        assert!(
                            g.flips.iter().any(|f| f.changes.len() <= s.len()
                                && f.changes.iter().all(|c| facts.contains(&c.fact))),
                            "{path:?} {:?}: {:?} reaches it but no reported flip is within it",
                            g.goal,
                            s
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_arrangements_givens_are_kept_unless_asked_to_vary() {
    // A lender's unlawful outsourcing: the way to lawfulness runs through what it does (encrypt,
    // report), not through sending other data or being another kind of firm.
    let (code, out, err) = run(&[
        "whatif",
        "cases/kr/capital-reminder-calls-unencrypted.case",
        "--max-changes",
        "2",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Kept as they are (the arrangement's givens, or --keep; --vary FACT to vary one): transferor_sector, data_categories"),
        "{out}"
    );
    // Without personal credit information the Credit Information Act would not apply: a change
    // of what the client is, which is not proposed unless asked.
    assert!(!out.contains("data_categories:"), "{out}");
    assert!(!out.contains("transferor_sector:"), "{out}");
    let (code, varied, _) = run(&[
        "whatif",
        "cases/kr/capital-reminder-calls-unencrypted.case",
        "--max-changes",
        "2",
        "--vary",
        "transferor_sector",
    ]);
    assert_eq!(code, 0);
    assert!(
        varied.contains("transferor_sector: credit_information_user →"),
        "{varied}"
    );
    // --keep holds any fact; a name that is no fact is an error with a suggestion.
    let (_, kept, _) = run(&[
        "whatif",
        "cases/kr/capital-reminder-calls-unencrypted.case",
        "--max-changes",
        "2",
        "--keep",
        "regulator_notified",
    ]);
    assert!(!kept.contains("regulator_notified: false →"), "{kept}");
    let (code, _, err) = run(&[
        "whatif",
        "cases/kr/capital-reminder-calls-unencrypted.case",
        "--vary",
        "transferor_sektor",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown fact `transferor_sektor`"), "{err}");
    assert!(err.contains("did you mean `transferor_sector`?"), "{err}");
}

// ---- Korean ---------------------------------------------------------------------------------

/// Every text of the built-in pack in Korean (titles, citations, questions, sentences; shown in
/// English until the pack has Korean texts) and the case's title, longest first.
fn pack_and_case_texts(path: &str) -> Vec<String> {
    let mut lib = Library::open_in(None, Lang::Ko);
    let text = std::fs::read_to_string(path).unwrap();
    let id = lib.sources.add(path, text);
    let read = entrust::case::read(&lib.sources, id, Format::Case);
    let (cases, errs) = bind_cases(&lib, read.cases, None, &mut HashMap::new());
    assert!(errs.is_empty());
    let mut out: Vec<String> = Vec::new();
    for c in &cases {
        if let Some(t) = &c.case.title {
            out.push(t.get(Lang::Ko).to_string());
        }
    }
    for p in &lib.packs {
        out.push(p.title.clone());
        let mut meta = |m: &entrust::compile::pack::RuleMeta| {
            out.push(m.title.clone());
            out.push(m.cite());
            out.extend(m.cites.iter().cloned());
        };
        p.tests.iter().for_each(|t| meta(&t.meta));
        p.exceptions.iter().for_each(|x| meta(&x.meta));
        p.requirements.iter().for_each(|r| meta(&r.meta));
        p.gaps.iter().for_each(|g| meta(&g.meta));
        p.weighings
            .iter()
            .flat_map(|w| &w.factors)
            .for_each(|f| meta(&f.meta));
        for t in &p.tests {
            out.extend(t.holds.iter().cloned());
            out.extend(t.fails.iter().cloned());
        }
        for w in &p.weighings {
            out.extend(w.factors.iter().map(|f| f.because.clone()));
        }
        out.extend(p.requirements.iter().map(|r| r.message.clone()));
        out.extend(p.facts.iter().map(|f| f.ask.clone()));
    }
    out.retain(|t| !t.is_empty());
    out.sort_by_key(|t| std::cmp::Reverse(t.len()));
    out
}

/// Asserts that no English sentence is left once the pack's and case's texts are taken out.
fn assert_no_english(out: &str, path: &str) {
    let mut rest = out.to_string();
    for t in pack_and_case_texts(path) {
        rest = rest.replace(&t, "");
    }
    for word in [
        " the ",
        " of ",
        " is ",
        " and ",
        " or ",
        " to ",
        " if ",
        " in ",
        " no ",
        " with ",
        " change",
        "lawful",
        "undecided",
        "balance",
        "toward",
    ] {
        assert!(
            !rest.contains(word),
            "English `{word}` in the Korean output:\n{rest}"
        );
    }
}

#[test]
fn kakaopay_in_korean() {
    let path = "cases/kr/kakaopay-alipay-nsf.case";
    let (code, out, err) = run(&["--lang", "ko", "whatif", path]);
    assert_eq!(code, 0, "{err}");
    for heading in [
        "현재 상태\n  제3자 제공, 위법 (KR-PIPA-17-3,",
        "    고려 요소들이 분명히 제3자 제공을 가리킴: 29점 대 0점.",
        "처리위탁으로 판단되기 위한 사실 변경\n  사실 3개 이하의 변경으로는 불가능함 (한 번에 더 많은 사실을 바꾸어 보려면: --max-changes).",
        "적법하게 되기 위한 사실 변경\n  1. 변경 2개 → 제3자 제공, 적법 (형량 결과 제3자 제공 쪽으로 +28~+30점)",
        "       recipient_country: SG → KR\n",
        "     적법한 제3자 제공이 되려면: ",
        "     이 경우 결론을 좌우하는 규정:\n",
        ": 더 이상 적용되지 않음\n",
        ": 충족\n",
        ": 예외 적용: ",
        "바꾸지 않고 둔 사실 (",
        "사실 3개 이하의 모든 변경 조합을 탐색함 (평가 ",
    ] {
        assert!(out.contains(heading), "no `{heading}` in:\n{out}");
    }
    assert_no_english(&out, path);
    // The English run is as before (its snapshot is `kakaopay_flips`), and has no Korean.
    let (_, en, _) = run(&["whatif", path]);
    assert!(en.contains("AS IT STANDS\n  provision, unlawful"));
    assert!(!en.chars().any(|c| ('가'..='힣').contains(&c)), "{en}");
}

#[test]
fn a_variation_and_its_errors_in_korean() {
    let path = "cases/kr/kakaopay-alipay-nsf.case";
    let (code, out, err) = run(&[
        "--lang",
        "ko",
        "whatif",
        path,
        "--set",
        "recipient_own_use=false",
        "--max-changes",
        "1",
    ]);
    assert_eq!(code, 0, "{err}");
    for heading in [
        "사안 파일 그대로\n  kakaopay-alipay-nsf [kr]: 제3자 제공, 위법",
        "다음과 같이 바꾼 경우: recipient_own_use = false (기존 true)\n",
        "이하의 검토는 이와 같이 바꾼 사안을 기준으로 함.",
        "사실 1개 이하의 모든 변경 조합을 탐색함",
    ] {
        assert!(out.contains(heading), "no `{heading}` in:\n{out}");
    }
    assert_no_english(&out, path);
    // The messages entrust writes itself are in Korean; "did you mean" is the diagnostics'.
    let (code, _, err) = run(&["--lang", "ko", "whatif", path, "--set", "no-equals-sign"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`no-equals-sign`은(는) FACT=VALUE 형식이 아닙니다"),
        "{err}"
    );
    assert!(
        err.contains("도움말: 예: --set recipient_own_use=false"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "--lang",
        "ko",
        "whatif",
        path,
        "--vary",
        "transferor_sektor",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--vary 또는 --keep에 쓴 `transferor_sektor`은(는) 알 수 없는 사실입니다"),
        "{err}"
    );
}

#[test]
fn every_sample_case_renders_in_korean_without_english() {
    for entry in std::fs::read_dir("cases/kr").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "case") {
            continue;
        }
        let path = path.to_str().unwrap();
        let mut lib = Library::open_in(None, Lang::Ko);
        let text = std::fs::read_to_string(path).unwrap();
        let id = lib.sources.add(path, text);
        let read = entrust::case::read(&lib.sources, id, Format::Case);
        let (cases, errs) = bind_cases(&lib, read.cases, None, &mut HashMap::new());
        assert!(errs.is_empty());
        for (i, b) in cases.iter().flat_map(|c| &c.bound) {
            let pack = &lib.packs[*i];
            let opts = Options {
                max_changes: 2,
                ..Options::default()
            };
            let w = whatif::whatif(pack, b, &mut Evaluator::new(), &opts);
            let ko = entrust::words::words(Lang::Ko);
            let out = entrust::render::whatif::render_text(ko, pack, &w, b.from, 8);
            assert!(out.starts_with("현재 상태\n"), "{path}:\n{out}");
            assert_no_english(&out, path);
        }
    }
}
