//! The evaluator's logic, one line per case: three-valued conditions, exceptions, weighings over
//! unknown facts, lawfulness per possible class, and stretches of law.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{pack, verdict};

/// A pack whose one requirement `r` requires the condition under test.
fn cond_pack(cond: &str) -> String {
    format!(
        r#"pack t "test"
fact a : bool ask "a?"
fact b : bool ask "b?"
fact e : enum {{x, y, z}} ask "e?"
fact s : set {{p, q, r}} ask "s?"
fact c : country ask "c?"
fact n : number ask "n?"
fact d : date ask "d?"
require r "r" requires {cond} cite "test" violation XX-1 "broken"
"#
    )
}

/// Asserts that `cond` is true, false or unknown (lawful yes/no/unknown) on `facts`.
fn give(cond: &str, facts: &str, expected: Option<bool>) {
    let mut lib = pack(&cond_pack(cond));
    let case = format!("case x \"x\" under t date 2024-01-01 facts {facts}");
    let v = verdict(&mut lib, &case);
    assert_eq!(v.lawful, expected, "`{cond}` with `{facts}`");
}

const T: Option<bool> = Some(true);
const F: Option<bool> = Some(false);
const U: Option<bool> = None;

#[test]
fn kleene_connectives() {
    give("a and b", "a = true b = true", T);
    give("a and b", "a = false", F); // false and unknown is false
    give("a and b", "a = true", U); // true and unknown is unknown
    give("a or b", "a = true", T); // true or unknown is true
    give("a or b", "a = false", U);
    give("a or b", "a = false b = false", F);
    give("not a", "", U); // unknown is never read as false
    give("not a", "a = false", T);
    give("not (a and b)", "b = false", T);
    give("a or b and not a", "a = false b = true", T); // `and` binds tighter than `or`
    give("(a or b) and not a", "a = true b = true", F);
}

#[test]
fn comparisons_and_membership() {
    give("e = x", "e = x", T);
    give("e != x", "e = y", T);
    give("e in {y, z}", "e = x", F);
    give("e in {y, z}", "e = unknown", U);
    give("a = false", "a = false", T);
    give("s contains p", "s = {p, q}", T);
    give("s contains all {p, r}", "s = {p, q}", F);
    give("s contains any {p, r}", "s = {p, q}", T);
    give("s contains p", "s = {}", F); // a known empty set is known
    give("c = KR", "c = SG", F);
    give("c != KR", "c = SG", T);
    give("c in {KR, JP}", "c = JP", T);
    give("n >= 1000", "n = 999", F);
    give("n > 999", "n = 1000", T);
    give("d < 2023-09-15", "d = 2023-09-14", T);
    give("d >= 2023-09-15", "d = 2023-09-14", F);
    give("d >= 2023-09-15", "", U);
}

fn exception_pack() -> String {
    r#"pack t "test"
fact duty : bool ask "?"
fact excused : bool ask "?"
fact restored : bool ask "?"
require r "r" requires duty cite "Art. 1" violation XX-1 "broken"
exception ex "excused" to r cite "Art. 1(2)" if excused
exception back "exception to the exception" to ex cite "Art. 1(3)" if restored
"#
    .to_string()
}

fn lawful(lib_text: &str, facts: &str, date: &str) -> Option<bool> {
    let mut lib = pack(lib_text);
    let case = format!("case x \"x\" under t date {date} facts {facts}");
    verdict(&mut lib, &case).lawful
}

#[test]
fn exceptions_excuse_and_nest() {
    let p = exception_pack();
    assert_eq!(lawful(&p, "duty = false excused = false", "2024-01-01"), F);
    assert_eq!(lawful(&p, "duty = false", "2024-01-01"), U); // the exception might hold
    assert_eq!(
        lawful(
            &p,
            "duty = false excused = true restored = false",
            "2024-01-01"
        ),
        T
    );
    assert_eq!(lawful(&p, "duty = false excused = true", "2024-01-01"), U); // it might be restored
    assert_eq!(
        lawful(
            &p,
            "duty = false excused = true restored = true",
            "2024-01-01"
        ),
        F
    );
    assert_eq!(
        lawful(&p, "duty = false excused = unknown", "2024-01-01"),
        U
    );
    assert_eq!(lawful(&p, "duty = true excused = unknown", "2024-01-01"), T);
}

fn dated_pack() -> String {
    r#"pack t "test"
fact ok : bool ask "?"
require old "old rule" requires ok cite "old Art." in force until 2020-08-04 violation XX-OLD "old"
require new "new rule" requires ok cite "new Art." in force from 2023-09-15 violation XX-NEW "new"
"#
    .to_string()
}

#[test]
fn rules_apply_only_while_in_force() {
    let p = dated_pack();
    assert_eq!(lawful(&p, "ok = false", "2020-08-04"), F);
    assert_eq!(lawful(&p, "ok = false", "2020-08-05"), T); // no rule in force in between
    assert_eq!(lawful(&p, "ok = false", "2023-09-15"), F);
}

#[test]
fn periods_are_cut_where_the_law_changes() {
    let mut lib = pack(&dated_pack());
    let v = verdict(
        &mut lib,
        "case x \"x\" under t period 2019-01-01 to 2024-12-31 facts ok = false",
    );
    let cuts: Vec<(String, String)> = v
        .periods
        .iter()
        .map(|p| (p.from.clone(), p.to.clone()))
        .collect();
    assert_eq!(
        cuts,
        [
            ("2019-01-01".into(), "2020-08-04".into()),
            ("2020-08-05".into(), "2023-09-14".into()),
            ("2023-09-15".into(), "2024-12-31".into())
        ]
    );
    let lawful: Vec<Option<bool>> = v.periods.iter().map(|p| p.lawful).collect();
    assert_eq!(lawful, [F, T, F]);
    assert_eq!(v.lawful, F); // unlawful if any stretch is
    let codes: Vec<&str> = v.violations.iter().map(|x| x.code.as_str()).collect();
    assert_eq!(codes, ["XX-OLD", "XX-NEW"]);
    assert_eq!(v.violations[0].during[0].to, "2020-08-04");
}

/// A weighing like the benchmark's: D = provision points − outsourcing points.
fn weigh_pack() -> String {
    r#"pack t "test"
fact purpose : bool ask "?"
fact serves : enum {transferor, recipient, third_party, shared} ask "?"
fact own : bool ask "?"
fact written : bool ask "?"
classify classification "o or p" cite "2016do13263" sides provision, outsourcing
  factor outside toward provision weight 1 when purpose = false because "outside the purpose"
  factor inside toward outsourcing weight 1 when purpose because "within the purpose"
  factor serves_other toward provision weight 3 when serves in {recipient, third_party} because "serves another"
  factor serves_me toward outsourcing weight 3 when serves = transferor because "serves the transferor"
  factor own_use toward provision weight 3 when own because "own use"
  factor contract toward outsourcing weight 1 when written because "contract"
require ok "outsourcing duty" when classification = outsourcing requires written cite "Art. 26" violation XX-26 "no contract"
require consent "provision duty" when classification = provision requires purpose cite "Art. 17" violation XX-17 "no consent"
"#
    .to_string()
}

fn classify(facts: &str) -> (String, [i32; 2], Vec<String>) {
    let mut lib = pack(&weigh_pack());
    let v = verdict(
        &mut lib,
        &format!("case x \"x\" under t date 2024-01-01 facts {facts}"),
    );
    let p = &v.periods[0];
    (v.classification.clone(), p.score, p.decisive.clone())
}

#[test]
fn weighing_settles_only_when_every_reachable_balance_agrees() {
    let all = "purpose = false serves = recipient own = true written = false";
    assert_eq!(classify(all), ("provision".into(), [7, 7], vec![]));
    let (c, score, _) = classify("purpose = true serves = transferor own = false written = true");
    assert_eq!((c.as_str(), score), ("outsourcing", [-5, -5]));
    // Exactly balanced: undecided with no decisive fact.
    assert_eq!(
        classify("purpose = false serves = shared own = false written = true"),
        ("undecided".into(), [0, 0], vec![])
    );
    // One fact counts once: `serves` is either +3, 0 or -3, never +3 and -3 together.
    let (c, score, decisive) = classify("purpose = false own = false written = false");
    assert_eq!((c.as_str(), score), ("undecided", [-2, 4]));
    assert_eq!(decisive, ["serves"]);
}

#[test]
fn decisive_facts_follow_reachable_sums_not_intervals() {
    // Known facts sum to +2 (own use 3, within purpose -1); `serves` ∈ {-3, 0, +3} and
    // `written` ∈ {-1, 0} are unknown. `written` alone can never flip the outcome:
    // the others reach {-1, 2, 5}, none in [0, 1].
    let (c, score, decisive) = classify("purpose = true own = true");
    assert_eq!((c.as_str(), score), ("undecided", [-2, 5]));
    assert_eq!(decisive, ["serves"]);
}

#[test]
fn lawfulness_is_judged_under_each_possible_class() {
    let mut lib = pack(&weigh_pack());
    // Undecided; fails as outsourcing (no contract) and as provision (outside purpose).
    let v = verdict(
        &mut lib,
        "case x \"x\" under t date 2024-01-01 facts purpose = false written = false own = false",
    );
    assert_eq!(v.classification, "undecided");
    assert_eq!(v.lawful, F);
    let mut codes: Vec<(&str, Option<&str>)> = v
        .violations
        .iter()
        .map(|x| (x.code.as_str(), x.if_classified.as_deref()))
        .collect();
    codes.sort();
    assert_eq!(
        codes,
        [("XX-17", Some("provision")), ("XX-26", Some("outsourcing"))]
    );
    // Lawful as outsourcing, unlawful as provision: unknown, and no violation asserted.
    let v = verdict(
        &mut lib,
        "case x \"x\" under t date 2024-01-01 facts purpose = false written = true own = false",
    );
    assert_eq!(
        (v.classification.as_str(), v.lawful, v.violations.len()),
        ("undecided", U, 0)
    );
}

#[test]
fn decisive_factor_settles_alone_unless_both_sides_fire() {
    let p = r#"pack t "test"
fact rule_p : bool ask "?"
fact rule_o : bool ask "?"
fact heavy : bool ask "?"
classify classification "o or p" cite "x" sides provision, outsourcing
  factor dp toward provision weight 1 decisive when rule_p because "p"
  factor do toward outsourcing weight 1 decisive when rule_o because "o"
  factor h toward outsourcing weight 9 when heavy because "h"
"#;
    let mut lib = pack(p);
    let class = |lib: &mut entrust::library::Library, f: &str| {
        verdict(
            lib,
            &format!("case x \"x\" under t date 2024-01-01 facts {f}"),
        )
        .classification
    };
    assert_eq!(
        class(&mut lib, "rule_p = true rule_o = false heavy = true"),
        "provision"
    );
    assert_eq!(
        class(&mut lib, "rule_p = true rule_o = true heavy = true"),
        "undecided"
    );
    assert_eq!(
        class(&mut lib, "rule_p = unknown rule_o = false heavy = true"),
        "undecided"
    );
    assert_eq!(
        class(&mut lib, "rule_p = false rule_o = false heavy = true"),
        "outsourcing"
    );
}

#[test]
fn unknown_facts_that_matter_are_listed_most_decisive_first() {
    let mut lib = pack(&weigh_pack());
    let v = verdict(
        &mut lib,
        "case x \"x\" under t date 2024-01-01 facts purpose = true written = true",
    );
    let facts: Vec<(&str, &str)> = v
        .unknowns
        .iter()
        .map(|u| (u.fact.as_str(), u.could_change.as_str()))
        .collect();
    assert_eq!(
        facts,
        [("serves", "classification"), ("own", "classification")]
    );
}

/// A pack with a settled-or-not classification, two requirements and a gap that ends.
fn exposure_pack() -> &'static str {
    r#"pack t "test"
fact side : bool ask "Does it serve the recipient?"
fact written : bool ask "Is there a written contract?"
fact told : bool ask "Were they told?"
fact consent : bool ask "Did they consent?"
classify classification "c" cite "test" sides provision, outsourcing
  factor own toward provision weight 2 when side because "own"
  factor theirs toward outsourcing weight 2 when side = false because "theirs"
require contract "written" when classification = outsourcing requires written cite "A1" violation XX-1 "no contract"
require notice "told" requires told cite "A2" violation XX-2 "not told"
require consented "consent" when classification = provision requires consent cite "A3" violation XX-3 "no consent"
gap old_law "the old law is not encoded" cite "A0" in force until 2020-12-31
"#
}

#[test]
fn possible_violations_are_listed_whether_or_not_lawfulness_is_settled() {
    let mut lib = pack(exposure_pack());
    // Outsourcing, no contract: unlawful already; the notice stays possible.
    let v = verdict(
        &mut lib,
        "case x \"x\" under t date 2024-01-01 facts side = false written = false",
    );
    assert_eq!(v.lawful, F);
    assert_eq!(v.violations.len(), 1);
    assert_eq!(v.violations[0].code, "XX-1");
    assert_eq!(
        v.possible_violations.len(),
        1,
        "{:?}",
        v.possible_violations
    );
    let p = &v.possible_violations[0];
    assert_eq!(p.code, "XX-2");
    assert_eq!(p.requirement, "notice");
    assert_eq!(p.if_classified, None);
    assert_eq!(p.during[0].from, "2024-01-01");
    let by: Vec<&str> = p.settled_by.iter().map(|s| s.fact.as_str()).collect();
    assert_eq!(by, ["told"]);
    assert_eq!(p.settled_by[0].question, "Were they told?");
    // The fact that would settle it is an open question, although lawfulness is settled.
    let open: Vec<(&str, &str)> = v
        .unknowns
        .iter()
        .map(|u| (u.fact.as_str(), u.could_change.as_str()))
        .collect();
    assert_eq!(open, [("told", "violations")]);
    // Answered, nothing stays possible.
    let v = verdict(
        &mut lib,
        "case x \"x\" under t date 2024-01-01 facts side = false written = false told = true",
    );
    assert!(v.possible_violations.is_empty());
    assert!(v.unknowns.is_empty());
}

#[test]
fn a_violation_that_hangs_on_the_classification_is_possible_under_that_class() {
    let mut lib = pack(exposure_pack());
    // Undecided: no contract matters if outsourcing, no consent if provision.
    let v = verdict(
        &mut lib,
        "case x \"x\" under t date 2024-01-01 facts written = false consent = false told = true",
    );
    assert_eq!(v.classification, "undecided");
    assert_eq!(v.lawful, F); // each class breaks one of them
    // Each is reported as a violation under its class, not as a possible one.
    let found: Vec<(&str, Option<&str>)> = v
        .violations
        .iter()
        .map(|x| (x.code.as_str(), x.if_classified.as_deref()))
        .collect();
    assert_eq!(
        found,
        [("XX-1", Some("outsourcing")), ("XX-3", Some("provision"))]
    );
    assert!(v.possible_violations.is_empty());
    // With consent given, only outsourcing breaks anything: lawfulness is open, and the
    // contract is a possible violation settled by the classification's fact.
    let v = verdict(
        &mut lib,
        "case x \"x\" under t date 2024-01-01 facts written = false consent = true told = true",
    );
    assert_eq!(v.lawful, U);
    assert!(v.violations.is_empty());
    assert_eq!(v.possible_violations.len(), 1);
    let p = &v.possible_violations[0];
    assert_eq!(p.code, "XX-1");
    assert_eq!(p.if_classified.as_deref(), Some("outsourcing"));
    let by: Vec<&str> = p.settled_by.iter().map(|s| s.fact.as_str()).collect();
    assert_eq!(by, ["side"]);
}

#[test]
fn law_not_checked_is_named_with_when_and_keeps_lawfulness_open() {
    let mut lib = pack(exposure_pack());
    let v = verdict(
        &mut lib,
        "case x \"x\" under t period 2020-06-01 to 2021-06-30 facts side = false written = true told = true",
    );
    // The gap holds in the first stretch only: lawful cannot be true.
    assert_eq!(v.lawful, U);
    assert_eq!(v.not_checked.len(), 1);
    let g = &v.not_checked[0];
    assert_eq!(g.rule, "old_law");
    assert_eq!(g.cite, "A0");
    assert_eq!(
        (g.during[0].from.as_str(), g.during[0].to.as_str()),
        ("2020-06-01", "2020-12-31")
    );
    assert_eq!(g.during.len(), 1);
    // After the gap's end the same facts are lawful.
    let v = verdict(
        &mut lib,
        "case x \"x\" under t date 2021-03-01 facts side = false written = true told = true",
    );
    assert_eq!(v.lawful, T);
    assert!(v.not_checked.is_empty());
}

#[test]
fn exposures_follow_their_dates_stretch_by_stretch() {
    let mut lib = pack(
        r#"pack t "test"
fact ok : bool ask "ok?"
require r "r" requires ok cite "A1" violation XX-1 "broken"
  exposes "a fine (old law)" until 2023-09-14
  exposes "a surcharge (new law)" from 2023-09-15
  exposes "a corrective order"
"#,
    );
    let v = verdict(
        &mut lib,
        "case x \"x\" under t period 2023-01-01 to 2024-01-01 facts ok = false",
    );
    // The period is cut where an exposure changes; each stretch names what applied then.
    assert_eq!(v.periods.len(), 2);
    assert_eq!(
        v.periods[0].violations[0].exposes.as_deref(),
        Some("a fine (old law); a corrective order")
    );
    assert_eq!(
        v.periods[1].violations[0].exposes.as_deref(),
        Some("a surcharge (new law); a corrective order")
    );
    // Over the whole period, every exposure that applied at some time.
    assert_eq!(
        v.violations[0].exposes.as_deref(),
        Some("a fine (old law); a surcharge (new law); a corrective order")
    );
    let v = verdict(
        &mut lib,
        "case x \"x\" under t date 2024-05-01 facts ok = false",
    );
    assert_eq!(
        v.violations[0].exposes.as_deref(),
        Some("a surcharge (new law); a corrective order")
    );
}
