//! Issue 12 §1: a classification in the law's own terms (sides placed on the common axis, three
//! of them), and scope items (whether the law reaches the case).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{cases, pack, verdict};

/// Three sides: `a` (outsourcing), `b` (provision), `c` (joint control), margin 1. Each fact
/// `x`, `y`, `z` gives 3 points to its side; `dz` is decisive toward `c`. The requirement `r`
/// applies to provision only; the scope item needs `inside`.
const PACK: &str = r#"pack t "test"
fact x : bool ask "x?"
fact y : bool ask "y?"
fact z : bool ask "z?"
fact dz : bool ask "dz?"
fact inside : bool ask "inside?"
fact ok : bool ask "ok?"
fact regions : set {KR, EU, US_CA, other} ask "where?"
classify classification "three"
  cite "test"
  sides a "side A" ko "A 측" as outsourcing, b as provision, c "side C" as joint_control
  undecided within 1
  factor fx toward a weight 3 when x because "x"
  factor fy toward b weight 3 when y because "y"
  factor fz toward c weight 3 when z because "z"
  factor fdz toward c weight 1 decisive when dz because "dz"
scope reach "The law reaches the case"
  cite "scope"
  applies when inside or regions contains EU
  because "outside"
require r "r" when classification = provision requires ok cite "test" violation XX-1 "broken"
require s "s" when classification in {provision, joint_control} requires ok cite "test" violation XX-2 "broken"
"#;

fn judge(facts: &str) -> entrust::verdict::Verdict {
    let mut lib = pack(PACK);
    verdict(
        &mut lib,
        &format!("case k \"k\" under t date 2024-01-01 facts {facts}"),
    )
}

#[test]
fn a_side_wins_when_it_beats_every_other() {
    let v = judge("inside = true x = true y = false z = false dz = false ok = true");
    assert_eq!(v.classification, "outsourcing");
    assert_eq!(v.term.as_deref(), Some("a"));
    assert_eq!(v.applies, Some(Some(true)));
    assert_eq!(v.lawful, Some(true));
    // The law's term is the classification's expectation too.
    let v = judge("inside = true y = true x = false z = false dz = false ok = false");
    assert_eq!(v.classification, "provision");
    assert_eq!(v.term.as_deref(), Some("b"));
    let codes: Vec<&str> = v.violations.iter().map(|x| x.code.as_str()).collect();
    assert_eq!(codes, ["XX-1", "XX-2"]);
}

#[test]
fn unknown_facts_leave_it_undecided_and_every_open_side_is_judged() {
    // x fires (3 for a); y and z unknown: b or c could reach 3, within the margin of a.
    let v = judge("inside = true x = true dz = false ok = false");
    assert_eq!(v.classification, "undecided");
    assert_eq!(v.lawful, None);
    let open: Vec<&str> = v.unknowns.iter().map(|u| u.fact.as_str()).collect();
    assert!(open.contains(&"y") && open.contains(&"z"), "{open:?}");
    // Broken under b and under c, not under a: possible, not found.
    assert!(v.violations.is_empty());
    assert!(v.possible_violations.iter().any(|p| p.code == "XX-2"));
}

#[test]
fn a_decisive_factor_settles_every_pair_it_is_in() {
    let v = judge("inside = true x = true y = true z = false dz = true ok = false");
    assert_eq!(v.classification, "joint_control");
    assert_eq!(v.term.as_deref(), Some("c"));
    let codes: Vec<&str> = v.violations.iter().map(|x| x.code.as_str()).collect();
    assert_eq!(codes, ["XX-2"]);
}

#[test]
fn out_of_scope_the_law_does_not_apply() {
    let v = judge("inside = false regions = {KR, US_CA} y = true ok = false");
    assert_eq!(v.applies, Some(Some(false)));
    assert_eq!(v.reasons, ["outside"]);
    assert_eq!(v.classification, "");
    assert!(v.violations.is_empty() && v.possible_violations.is_empty());
    let json = serde_json::to_string(&v).unwrap();
    assert!(json.contains("\"applies\":false,\"reasons\":[\"outside\"],\"classification\":null"));
    // Upper-case set values reach the scope.
    let v =
        judge("inside = false regions = {EU} x = true y = false z = false dz = false ok = true");
    assert_eq!(v.applies, Some(Some(true)));
    assert_eq!(v.classification, "outsourcing");
}

#[test]
fn a_scope_left_open_keeps_lawfulness_open() {
    let v = judge("x = true y = false z = false dz = false ok = true");
    assert_eq!(v.applies, Some(None));
    assert_eq!(v.classification, "outsourcing");
    assert_eq!(v.lawful, None);
    assert!(v.unknowns.iter().any(|u| u.fact == "inside"));
}

#[test]
fn expect_applies_and_the_term_in_the_case_language() {
    let mut lib = pack(PACK);
    for (facts, expect, met) in [
        ("inside = false regions = {KR}", "applies = no", true),
        ("inside = false regions = {KR}", "applies = yes", false),
        ("inside = false", "applies = unknown", true),
        (
            "inside = true x = true y = false z = false dz = false",
            "applies = yes classification = a",
            true,
        ),
        (
            "inside = true x = true y = false z = false dz = false",
            "classification = outsourcing",
            true,
        ),
        (
            "inside = true x = true y = false z = false dz = false",
            "classification = c",
            false,
        ),
    ] {
        let text = format!("case k \"k\" under t date 2024-01-01 facts {facts} expect {expect}");
        let v = verdict(&mut lib, &text);
        let (cases, _) = cases(&mut lib, "k.case", &text);
        let failures = entrust::testing::check(cases[0].case.expect.as_ref().unwrap(), &v);
        assert_eq!(failures.is_empty(), met, "{facts} / {expect}: {failures:?}");
    }
}
