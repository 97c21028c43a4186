//! The Korean pack on the points its sample cases cannot assert in an `expect` block: what a
//! violation exposes the transferor to in each stretch of law, when a violation ran, which law
//! is reported as not checked, and which violations stay possible.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use entrust::batch::{collect_inputs, load_cases};
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::verdict::{Verdict, judge};
use std::path::PathBuf;

/// The verdict of the one case in a sample file, under the built-in packs.
fn verdict(path: &str) -> Verdict {
    let mut lib = Library::open(None);
    let (inputs, errs) = collect_inputs(&[PathBuf::from(path)]);
    assert!(errs.is_empty());
    let (cases, errs) = load_cases(&mut lib, &inputs, None);
    let rendered: Vec<String> = errs.iter().map(|d| d.render(&lib.sources)).collect();
    assert!(rendered.is_empty(), "{}", rendered.join("\n"));
    let c = &cases[0];
    let (i, b) = &c.bound[0];
    judge(&lib.packs[*i], &c.case, b, &mut Evaluator::new(), None)
}

fn exposes_in(v: &Verdict, period: usize, code: &str) -> String {
    v.periods[period]
        .violations
        .iter()
        .find(|x| x.code == code)
        .and_then(|x| x.exposes.clone())
        .unwrap_or_else(|| panic!("no {code} in stretch {period}"))
}

#[test]
fn lax_supervision_exposes_to_a_surcharge_only_from_2023_09_15() {
    let v = verdict("cases/kr/helpdesk-untrained-outsourcee-2022-2024.case");
    // Cut at 2023-09-15: before it, a corrective order and liability under Art. 26(6); after it,
    // the surcharge of Art. 64-2(1)(v) and the damages rule renumbered 26(7).
    assert_eq!(v.periods.len(), 2);
    let before = exposes_in(&v, 0, "KR-PIPA-26-4");
    assert!(before.contains("PIPA Art. 26(6)"), "{before}");
    assert!(!before.contains("64-2"), "{before}");
    let after = exposes_in(&v, 1, "KR-PIPA-26-4");
    assert!(after.contains("PIPA Art. 64-2(1)(v)"), "{after}");
    assert!(after.contains("PIPA Art. 26(7)"), "{after}");
    // Over the whole period, both.
    let all = v.violations[0].exposes.clone().unwrap();
    assert!(all.contains("26(6)") && all.contains("64-2(1)(v)"), "{all}");
}

#[test]
fn the_notice_items_were_fined_until_2023_09_14_only() {
    let v = verdict("cases/kr/marathon-sponsor-missing-notice.case");
    let e = exposes_in(&v, 0, "KR-PIPA-17-2");
    assert!(e.contains("KRW 30 million (PIPA Art. 75(2)(i))"), "{e}");
    // The 17(2) breach in 2024: no fine any more.
    let v = verdict("cases/kr/kids-coding-app-partner-offers-2024.case");
    assert!(v.violations.iter().all(|x| x.code != "KR-PIPA-17-2"));
}

#[test]
fn a_statute_that_orders_a_provision_needs_no_consent_on_top() {
    let v = verdict("cases/kr/carrier-subscriber-data-to-prosecutors-2024.case");
    assert_eq!(v.lawful, Some(true));
    assert!(v.violations.is_empty());
    assert!(v.possible_violations.is_empty());
    assert!(
        v.grounds
            .iter()
            .any(|g| g == "provision_beyond_purpose_on_18_2")
    );
    // Without the statute, the same provision lacks every ground.
    let text = std::fs::read_to_string("cases/kr/carrier-subscriber-data-to-prosecutors-2024.case")
        .unwrap()
        .replace(
            "other_legal_basis          = statute_or_legal_duty",
            "other_legal_basis          = none",
        );
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("no-statute.case");
    std::fs::write(&p, text).unwrap();
    let v = verdict(p.to_str().unwrap());
    let codes: Vec<&str> = v.violations.iter().map(|x| x.code.as_str()).collect();
    assert!(
        codes.contains(&"KR-PIPA-17-1") && codes.contains(&"KR-PIPA-18-1"),
        "{codes:?}"
    );
}

#[test]
fn the_network_act_proviso_applies_from_2016_09_23() {
    let v = verdict("cases/kr/game-hosting-singapore-2015.case");
    let x = v
        .violations
        .iter()
        .find(|x| x.code == "KR-NETWORK-63")
        .unwrap();
    assert_eq!(x.during.len(), 1);
    assert_eq!(
        (x.during[0].from.as_str(), x.during[0].to.as_str()),
        ("2015-07-01", "2016-09-22")
    );
    // And the Act named no sanction for it before then.
    assert!(x.exposes.as_deref().unwrap().contains("corrective order"));
    assert_eq!(v.periods.last().unwrap().lawful, Some(true));
}

#[test]
fn the_eu_is_a_recognised_destination_from_2025_09_16_except_for_rrns() {
    let v = verdict("cases/kr/fashion-brand-german-cloud-2025-2026.case");
    let x = v
        .violations
        .iter()
        .find(|x| x.code == "KR-PIPA-28-8-1")
        .unwrap();
    assert_eq!(x.during.last().unwrap().to, "2025-09-15");
    // Resident registration numbers are left out of the recognition.
    let text = std::fs::read_to_string("cases/kr/fashion-brand-german-cloud-2025-2026.case")
        .unwrap()
        .replace(
            "data_categories              = {ordinary}",
            "data_categories              = {ordinary, resident_registration_number}",
        )
        .replace(
            "  personal_location_data = false",
            "  personal_location_data = false\n  rrn_ground = law_specifically_requires_or_permits",
        );
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("rrn.case");
    std::fs::write(&p, text).unwrap();
    let v = verdict(p.to_str().unwrap());
    let x = v
        .violations
        .iter()
        .find(|x| x.code == "KR-PIPA-28-8-1")
        .unwrap();
    assert_eq!(x.during.last().unwrap().to, "2026-03-31");
}

#[test]
fn medical_records_are_reported_as_not_checked_and_keep_lawfulness_open() {
    let v = verdict("cases/kr/hospital-records-rrn-to-us-pharma-2024.case");
    let rules: Vec<&str> = v.not_checked.iter().map(|g| g.rule.as_str()).collect();
    assert_eq!(rules, ["medical_records_law"]);
    assert_eq!(v.not_checked[0].during[0].from, "2024-02-01");
    // Unlawful all the same, for what the pack does check.
    assert_eq!(v.lawful, Some(false));
    // A clinic whose records are known not to be medical records is not flagged.
    let v = verdict("cases/kr/dental-clinic-reminders-unpublished.case");
    assert!(v.not_checked.is_empty());
}

#[test]
fn location_data_not_ruled_out_keep_lawfulness_open() {
    let text = std::fs::read_to_string("cases/kr/courier-parcels.case")
        .unwrap()
        .replace("  personal_location_data = false\n", "");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("courier.case");
    std::fs::write(&p, text).unwrap();
    let v = verdict(p.to_str().unwrap());
    assert_eq!(v.lawful, None);
    assert_eq!(v.not_checked[0].rule, "location_information_law");
    // The question that would settle it is asked.
    assert!(
        v.unknowns
            .iter()
            .any(|u| u.fact == "personal_location_data")
    );
}

#[test]
fn an_unknown_delivery_channel_leaves_the_encryption_duty_possible_not_found() {
    // Kakao Pay's settlement leg: the findings do not say how the records travelled.
    let v = verdict("cases/kr/kakaopay-alipay-settlement.case");
    assert!(v.violations.iter().all(|x| x.code != "KR-CIA-17-4"));
    let p = v
        .possible_violations
        .iter()
        .find(|x| x.code == "KR-CIA-17-4")
        .unwrap();
    let by: Vec<&str> = p.settled_by.iter().map(|s| s.fact.as_str()).collect();
    assert_eq!(by, ["secure_delivery"]);
    // And the facts behind the duties the findings are silent on are asked although the
    // transfer is already unlawful.
    assert_eq!(v.lawful, Some(false));
    assert!(
        v.unknowns
            .iter()
            .any(|u| u.fact == "secure_delivery" && u.could_change.as_str() == "violations")
    );
}

#[test]
fn the_kakao_pay_factor_is_heavy_but_contested_and_not_decisive() {
    let v = verdict("cases/kr/card-network-fraud-vendor-undecided-2024.case");
    assert_eq!(v.classification, "undecided");
    assert!(
        v.periods[0]
            .factors
            .iter()
            .any(|f| f == "provision:outsourcee_of_third_party:5")
    );
    // The Kakao Pay case itself is still a provision.
    let v = verdict("cases/kr/kakaopay-alipay-nsf.case");
    assert_eq!(v.classification, "provision");
}
