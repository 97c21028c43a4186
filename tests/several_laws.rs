//! Issue 12 §4: one case judged under several packs, each reading its own facts; `--under`;
//! the comparison of the laws; expectations per pack; the packs that read each fact.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;

/// Runs `entrust` with `args` from the repository: exit code, standard output, standard error.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = entrust()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The Kakao Pay matter under the three built-in laws: a verdict per law, in the order named;
/// each pack reads the facts it declares and leaves the others to the packs that do.
#[test]
fn the_kakao_pay_matter_under_three_laws_gets_a_verdict_per_law() {
    let (code, out, err) = run(&[
        "eval",
        "--format",
        "jsonl",
        "cases/multi/kakaopay-alipay-nsf-three-laws.case",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let verdicts: Vec<serde_json::Value> = out
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
    let (code, _, err) = run(&["eval", path.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{err}");
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
    let (code, text, err) = run(&[
        "whatif",
        "--max-changes",
        "1",
        "cases/multi/kakaopay-alipay-nsf-three-laws.case",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("unknown fact"), "{err}");
    assert!(text.contains("Judged under kr"), "{text}");
}

/// The "done when": `explain --under kr,eu,jp` on the Korean Kakao Pay case prints the
/// three analyses, in the order named, and then their comparison, a column per law.
#[test]
fn explain_under_three_laws_prints_three_analyses_and_the_comparison() {
    let (code, out, err) = run(&[
        "explain",
        "--under",
        "kr,eu,jp",
        "cases/kr/kakaopay-alipay-nsf.case",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let judged: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("Judged under: "))
        .collect();
    assert_eq!(judged.len(), 3, "{out}");
    assert!(judged[0].starts_with("Korean law"), "{judged:?}");
    assert!(judged[1].contains("(GDPR)"), "{judged:?}");
    assert!(judged[2].contains("(APPI)"), "{judged:?}");
    let cmp = out
        .split("COMPARISON OF THE LAWS")
        .nth(1)
        .expect("a comparison after the analyses");
    // A column per law, in the order judged.
    let head = cmp.lines().nth(3).unwrap();
    let (kr, eu, jp) = (
        head.find("kr: ").unwrap(),
        head.find("eu: ").unwrap(),
        head.find("jp: ").unwrap(),
    );
    assert!(kr < eu && eu < jp, "{head}");
    // The rows, each with the law's value in its column.
    let row = |label: &str| -> String {
        cmp.lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no row {label} in {cmp}"))
            .to_string()
    };
    let applies = row("Applies");
    assert!(applies.contains("not judged"), "{applies}");
    // The Korean case says nothing of the EU or Japan: whether their laws reach it is open.
    assert_eq!(applies.matches("open").count(), 2, "{applies}");
    let relation = row("Relation");
    assert!(relation.contains("provision"), "{relation}");
    assert!(
        relation.contains("disclosure to a controller"),
        "{relation}"
    );
    assert!(
        relation.contains("provision to a third party"),
        "{relation}"
    );
    let lawful = row("Lawful");
    let cells: Vec<&str> = lawful.split_whitespace().skip(1).collect();
    assert_eq!(cells, ["no", "unknown", "unknown"], "{lawful}");
    assert!(cmp.contains("KR-CIA-32-1 (2019-06-01 to"), "{cmp}");
    assert!(cmp.contains("exposes to:"), "{cmp}");
    for label in [
        "Violations",
        "Possible violations",
        "Open questions",
        "Not checked",
    ] {
        row(label);
    }
    // No line of the grid is wider than 120 places.
    assert!(cmp.lines().all(|l| l.chars().count() <= 120), "{cmp}");
}

/// A law whose reach turns on facts the case does not give decides nothing: no violation is
/// certain (each is possible, settled also by the facts of the law's reach), and lawfulness is
/// open; the questions of its reach come first.
#[test]
fn a_law_whose_reach_is_open_finds_no_certain_violation() {
    let (code, out, err) = run(&[
        "eval",
        "--format",
        "jsonl",
        "--under",
        "eu",
        "cases/kr/kakaopay-alipay-nsf.case",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["under"], "eu");
    assert!(v["applies"].is_null(), "{v}");
    assert!(v["lawful"].is_null(), "{v}");
    assert_eq!(v["violations"].as_array().unwrap().len(), 0, "{v}");
    let possible = v["possible_violations"].as_array().unwrap();
    let gdpr_6_1 = possible
        .iter()
        .find(|p| p["code"] == "EU-GDPR-6-1")
        .expect("the disclosure without a basis is possible");
    let settlers: Vec<&str> = gdpr_6_1["settled_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["fact"].as_str().unwrap())
        .collect();
    assert!(settlers.contains(&"establishment_in_union"), "{settlers:?}");
    let unknowns: Vec<&str> = v["unknowns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["fact"].as_str().unwrap())
        .collect();
    assert!(unknowns.contains(&"establishment_in_union"), "{unknowns:?}");
    assert!(unknowns.contains(&"subjects_regions"), "{unknowns:?}");
    // The same case, told where Kakao Pay is and whom it serves: the GDPR does not apply.
    let (code, out, _) = run(&[
        "eval",
        "--under",
        "eu",
        "cases/multi/kakaopay-alipay-nsf-three-laws.case",
    ]);
    assert_eq!(code, Some(0));
    assert!(out.contains("[eu]: the law does not apply"), "{out}");
}

/// `--under` naming a pack that is not loaded judges nothing, and says which packs there are.
#[test]
fn under_an_unknown_pack_judges_nothing() {
    for cmd in ["eval", "explain", "test"] {
        let (code, out, err) = run(&[
            cmd,
            "--under",
            "kr,cn",
            "cases/multi/kakaopay-alipay-nsf-three-laws.case",
        ]);
        assert_eq!(code, Some(2), "{cmd}: {out}{err}");
        assert!(
            err.contains("no pack `cn` (packs: eu, jp, kr)"),
            "{cmd}: {err}"
        );
        assert!(!out.contains("[kr]"), "{cmd}: {out}");
    }
}

/// The comparison follows a case under several laws in every format for people, and is absent
/// from a case under one law.
#[test]
fn the_comparison_is_in_text_markdown_and_html() {
    let case = "cases/multi/kakaopay-alipay-nsf-three-laws.case";
    let (_, text, _) = run(&["eval", case]);
    assert!(text.contains("COMPARISON OF THE LAWS"), "{text}");
    let (_, md, _) = run(&["eval", "--format", "markdown", case]);
    let table = md.split("## Comparison of the laws").nth(1).unwrap();
    assert!(table.contains("| | **kr**: Korean law"), "{table}");
    assert!(table.contains("| **Applies** | not judged"), "{table}");
    assert!(table.contains("| **Lawful** | no |"), "{table}");
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("r.html");
    let (code, _, err) = run(&[
        "eval",
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
        case,
    ]);
    assert_eq!(code, Some(0), "{err}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html.matches("<table class=\"compare\">").count(), 1);
    assert!(
        html.contains("<th scope=\"col\"><code>eu</code>"),
        "comparison head"
    );
    // Korean: the same comparison in Korean words.
    let (_, ko, _) = run(&["--lang", "ko", "eval", case]);
    assert!(ko.contains("법제별 비교"), "{ko}");
    assert!(ko.contains("적용되지 않음"), "{ko}");
    // One law: no comparison.
    let (_, one, _) = run(&["eval", "cases/kr/kakaopay-alipay-nsf.case"]);
    assert!(!one.contains("COMPARISON"), "{one}");
}

/// `expect under ID` holds one law's verdict to its own outcome; a second one for the same
/// pack, or one for a pack the case is not judged under, is an error at its place.
#[test]
fn expectations_per_pack_are_checked_against_their_own_law() {
    let (code, out, err) = run(&["test", "cases/multi/kakaopay-alipay-nsf-three-laws.case"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("3 passed, 0 failed"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("cases/multi/kakaopay-alipay-nsf-three-laws.case").unwrap();
    // `entrust test` on the case with one change.
    let variant = |name: &str, from: &str, to: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text.replace(from, to)).unwrap();
        run(&["test", path.to_str().unwrap()])
    };
    // The eu expectation turned around fails under eu only.
    let (code, out, _) = variant(
        "wrong.case",
        "expect under eu\n  applies = no",
        "expect under eu\n  applies = yes",
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("FAILED kakaopay-alipay-nsf-three-laws [eu]"),
        "{out}"
    );
    assert!(
        out.contains("ok     kakaopay-alipay-nsf-three-laws [kr]"),
        "{out}"
    );
    assert!(out.contains("2 passed, 1 failed"), "{out}");
    // A pack the case is not judged under.
    let (code, _, err) = variant("stray.case", "expect under jp", "expect under cn");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("an expectation under `cn`, but the case is judged under kr, eu, jp only"),
        "{err}"
    );
    assert!(err.contains("stray.case:"), "{err}");
    // Twice for one pack.
    let (code, _, err) = variant("twice.case", "expect under jp", "expect under eu");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("`expect under eu` is given twice"), "{err}");
}

/// The YAML form: `expect` is one mapping for every pack, or a list of mappings, each for every
/// pack or, with `under`, for one.
#[test]
fn yaml_expectations_may_be_a_list_with_under() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.yaml");
    let yaml = "id: kr-and-eu\ntitle: Kakao Pay outside the EU\nunder: [kr, eu]\ndate: 2024-01-15\n\
facts:\n  transferor_country: KR\n  recipient_country: SG\n  subjects_regions: [KR]\n  \
transferor_targets_subjects: true\n  establishment_in_union: false\n\
expect:\n  - under: eu\n    applies: false\n  - under: kr\n    lawful: unknown\n";
    std::fs::write(&path, yaml).unwrap();
    let (code, out, err) = run(&["test", path.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("2 passed, 0 failed"), "{out}");
    std::fs::write(&path, yaml.replace("applies: false", "applies: true")).unwrap();
    let (code, out, _) = run(&["test", path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("applies: expected yes, got no"), "{out}");
}

/// `entrust facts` says which packs read each fact, in text and JSON.
#[test]
fn facts_show_the_packs_that_read_each() {
    let (code, out, _) = run(&["facts", "--format", "json"]);
    assert_eq!(code, Some(0));
    let packs: serde_json::Value = serde_json::from_str(&out).unwrap();
    let find = |pack: &str, fact: &str| -> Vec<String> {
        let p = packs
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["pack"] == pack)
            .unwrap();
        let f = p["facts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == fact)
            .unwrap();
        f["read_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(find("eu", "transferor_sector"), ["eu", "jp", "kr"]);
    assert_eq!(find("eu", "establishment_in_union"), ["eu"]);
    let (_, text, _) = run(&["facts", "kr"]);
    assert!(text.contains("transferor_sector: one of"), "{text}");
    assert!(text.contains("  read by: eu, jp, kr"), "{text}");
}

/// `--under` holds for JSON Lines too, whose plain lines otherwise take the fast path (which
/// judges a line under its own `under`): every line is judged under the packs named.
#[test]
fn under_holds_for_json_lines() {
    let (code, out, err) = run(&[
        "eval",
        "--format",
        "jsonl",
        "--under",
        "eu,kr",
        "tests/fixtures/kr-cases.jsonl",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let under: Vec<String> = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["under"].as_str().unwrap().to_string()
        })
        .collect();
    assert!(under.len() >= 4, "{out}");
    for pair in under.chunks(2) {
        assert_eq!(pair, ["eu", "kr"], "{under:?}");
    }
}

/// A weighing of three sides (controller, processor, joint controller) in `whatif` and `diff`:
/// the balance is the lead of the side found over the strongest other, named in the law's
/// terms (before: the first pair's balance, toward a side that had not won, or toward none).
#[test]
fn three_sided_balances_name_the_side_found() {
    let case = "cases/eu/wirtschaftsakademie-fan-page-2018.case";
    let (code, out, err) = run(&["whatif", case]);
    assert_eq!(code, Some(0), "{err}");
    let stands = out
        .split("AS IT STANDS\n")
        .nth(1)
        .and_then(|s| s.lines().nth(1))
        .unwrap();
    assert_eq!(
        stands.trim(),
        "the factors point clearly to joint control (joint controllers): 11 points against 7",
        "{out}"
    );
    assert!(
        out.contains("TO BECOME PROCESSING ON THE SENDER'S BEHALF (PROCESSOR)"),
        "{out}"
    );
    assert!(
        out.contains("(balance +3 toward processing on the sender's behalf (processor))"),
        "{out}"
    );
    let (_, ko, _) = run(&["--lang", "ko", "whatif", case]);
    assert!(
        ko.contains("처리자에 의한 처리(processor)로 판단되기 위한 사실 변경"),
        "{ko}"
    );
    let (code, out, err) = run(&["diff", case, "cases/eu/payroll-bureau-germany-2022.case"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains(
            "Classification: joint control (joint controllers) (+4 toward joint control (joint controllers)) → processing on the sender's behalf (processor) (+17 toward processing on the sender's behalf (processor))"
        ),
        "{out}"
    );
}

/// The HTML report draws a weighing of three sides as a bar per side, with its points.
#[test]
fn the_html_report_draws_three_sides_as_bars() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("r.html");
    let (code, _, err) = run(&[
        "eval",
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
        "cases/eu/wirtschaftsakademie-fan-page-2018.case",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let html = std::fs::read_to_string(&page).unwrap();
    let bars = html.split("<table class=\"sidebars\">").nth(1).unwrap();
    let bars = bars.split("</table>").next().unwrap();
    assert_eq!(bars.matches("<tr>").count(), 3, "{bars}");
    assert!(bars.contains("joint control (joint controllers)</span></th><td class=\"bar\"><span style=\"width:100.0%"), "{bars}");
    assert!(bars.contains("<td class=\"num\">11 points</td>"), "{bars}");
    assert!(
        bars.contains("<td class=\"num\">7 points (up to 8)</td>"),
        "{bars}"
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// The goal of issue 12: a new law is a folder of `.law` files and nothing else. A made-up
/// fourth pack beside the three built in (its own sides, scope, classification and violation
/// code) is checked, judges a case, speaks its own terms, and takes its column in the
/// comparison.
#[test]
fn a_fourth_law_is_a_folder_of_law_files() {
    let dir = tempfile::tempdir().unwrap();
    let statutes = dir.path().join("statutes");
    copy_dir(std::path::Path::new("statutes"), &statutes);
    copy_dir(
        std::path::Path::new("tests/fixtures/packs-zz/zz"),
        &statutes.join("zz"),
    );
    let case = dir.path().join("z.case");
    std::fs::write(
        &case,
        "case zedland \"A transfer to a recipient who uses the data for itself\"\n  under kr, zz\n  \
date 2024-03-01\nfacts\n  processing_serves = third_party\n  recipient_own_use = true\n  \
consent_provision = none\n  subjects_regions = {other}\nexpect under zz\n  \
classification = recipient\n  lawful = no\n  violations include {ZZ-ZDL-3}\n",
    )
    .unwrap();
    let s = statutes.to_str().unwrap();
    let c = case.to_str().unwrap();
    let (code, out, err) = run(&["--statutes", s, "check", s, c]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        format!("{out}{err}").contains("checked 4 pack(s) and 1 good case(s): no errors"),
        "{out}{err}"
    );
    let (code, out, err) = run(&["--statutes", s, "test", c]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("ok     zedland [zz]"), "{out}");
    let (code, out, err) = run(&["--statutes", s, "eval", "--format", "jsonl", c]);
    assert_eq!(code, Some(0), "{err}");
    let zz: serde_json::Value = serde_json::from_str(out.lines().nth(1).unwrap()).unwrap();
    assert_eq!(zz["under"], "zz");
    assert_eq!(zz["classification"], "provision");
    assert_eq!(zz["term"], "recipient");
    assert_eq!(zz["applies"], true);
    assert_eq!(zz["violations"][0]["code"], "ZZ-ZDL-3");
    let (_, out, _) = run(&["--statutes", s, "explain", "--under", "kr,zz,eu", c]);
    let cmp = out.split("COMPARISON OF THE LAWS").nth(1).unwrap();
    assert!(cmp.contains("zz: Zedland data law"), "{cmp}");
    assert!(cmp.contains("a transfer to a recipient"), "{cmp}");
    assert!(cmp.contains("ZZ-ZDL-3 (2024-03-01)"), "{cmp}");
}

/// `ask --under` saves answers to facts only another law reads with that law added to the
/// case's `under`, so that the case saved is still read without `--under`; from YAML too.
#[test]
fn answers_asked_under_another_law_are_saved_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("k.case");
    std::fs::copy("cases/kr/kakaopay-alipay-nsf.case", &case).unwrap();
    let answers = dir.path().join("a.txt");
    std::fs::write(
        &answers,
        "household_activity = no\nestablishment_in_union = no\n",
    )
    .unwrap();
    let c = case.to_str().unwrap();
    let a = answers.to_str().unwrap();
    let ask_under_eu = || {
        run(&[
            "ask",
            "--under",
            "eu",
            "--until",
            "outcome",
            "--answers",
            a,
            c,
        ])
    };
    let (code, out, err) = ask_under_eu();
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("Added eu to the case's `under`"), "{out}");
    let saved = std::fs::read_to_string(&case).unwrap();
    assert!(saved.contains("\n  under kr, eu\n"), "{saved}");
    assert!(saved.contains("household_activity     = false"), "{saved}");
    let (code, out, err) = run(&["eval", c]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("kakaopay-alipay-nsf [eu]"), "{out}");
    // Answers the case's own packs read leave its `under` as it was.
    let three = std::fs::read_to_string("cases/multi/kakaopay-alipay-nsf-three-laws.case")
        .unwrap()
        .replace(
            "  establishment_in_union      = false  # Kakao Pay has no establishment in the EU\n",
            "",
        );
    assert!(!three.contains("establishment_in_union "), "{three}");
    std::fs::write(&case, &three).unwrap();
    std::fs::write(&answers, "establishment_in_union = no\n").unwrap();
    let (code, out, err) = ask_under_eu();
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("Saved 1 answer(s)") && !out.contains("Added"),
        "{out}"
    );
    let saved = std::fs::read_to_string(&case).unwrap();
    assert!(saved.contains("\n  under kr, eu, jp\n"), "{saved}");
    // From YAML, into a new .case.
    let yaml = dir.path().join("k.yaml");
    std::fs::write(
        &yaml,
        "id: k\ntitle: t\nunder: kr\ndate: 2024-01-15\nfacts:\n  transferor_country: KR\n  recipient_country: SG\n",
    )
    .unwrap();
    std::fs::write(&answers, "household_activity = no\n").unwrap();
    let saved = dir.path().join("s.case");
    let (code, out, err) = run(&[
        "ask",
        "--under",
        "eu",
        "--until",
        "outcome",
        "--answers",
        a,
        "--save",
        saved.to_str().unwrap(),
        yaml.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{out}{err}");
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains("under kr, eu"), "{text}");
    let (code, _, err) = run(&["check", saved.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
}
