//! `entrust test`: run the `expect` blocks of case files, and check that files declaring
//! `# expect error at LINE:COL: MESSAGE` are rejected with that error.

use super::{Global, Outcome, output};
use entrust::batch::{Input, collect_inputs, load_cases};
use entrust::coverage::Coverage;
use entrust::eval::Evaluator;
use entrust::render::coverage::render as render_coverage;
use entrust::render::testing::failures as render_failures;
use entrust::source::decode;
use entrust::testing::{check, check_rejection, expected_errors};
use entrust::verdict::judge;
use std::io::Write as _;
use std::path::PathBuf;

pub fn run(g: &Global, paths: &[PathBuf], coverage: bool) -> Outcome {
    let (mut lib, mut outcome) = output::packs(g);
    if lib.packs.is_empty() {
        return outcome.worst(Outcome::BadInput);
    }
    let (inputs, errs) = collect_inputs(paths);
    output::report(&lib, &errs);
    if errs.iter().any(|d| d.is_error()) {
        outcome = outcome.worst(Outcome::BadInput);
    }
    // Files that must be rejected are tested one by one; the others are read together.
    let (rejections, normal): (Vec<Input>, Vec<Input>) = inputs.into_iter().partition(|i| {
        entrust::source::read_whole(&i.path)
            .is_ok_and(|b| !expected_errors(&decode(b).0).is_empty())
    });
    let (cases, o) = {
        let (cases, errs) = load_cases(&mut lib, &normal, g.as_of);
        output::report(&lib, &errs);
        let o = if errs.iter().any(|d| d.is_error()) {
            Outcome::BadInput
        } else {
            Outcome::Ok
        };
        (cases, o)
    };
    outcome = outcome.worst(o);
    let w = g.words();
    let mut ev = Evaluator::new();
    let mut out = output::stdout();
    let (mut passed, mut failed) = (0usize, 0usize);
    for c in &cases {
        for (i, bound) in &c.bound {
            let Some(pack) = lib.packs.get(*i) else {
                continue;
            };
            // The expectation for every pack, and the one for this pack.
            let expects: Vec<&entrust::syntax::ast::Expectation> = c.case.expectations(&pack.id);
            if expects.is_empty() {
                continue;
            }
            let v = judge(pack, &c.case, bound, &mut ev, None);
            let failures: Vec<_> = expects.iter().flat_map(|e| check(e, &v)).collect();
            let at = lib
                .sources
                .locate(c.case.id.span)
                .map(|(f, lc)| format!("{f}:{lc}"))
                .unwrap_or_default();
            if failures.is_empty() {
                passed += 1;
                let _ = writeln!(out, "{}", w.test_passed(&c.case.id.text, &pack.id));
            } else {
                failed += 1;
                let _ = writeln!(out, "{}", w.test_failed(&c.case.id.text, &pack.id, &at));
                let _ = write!(out, "{}", render_failures(&failures, w));
            }
        }
    }
    for input in &rejections {
        let text = entrust::source::read_whole(&input.path)
            .map_or_else(|_| String::new(), |b| decode(b).0);
        let expected = expected_errors(&text);
        let (accepted, diags) = load_cases(&mut lib, std::slice::from_ref(input), g.as_of);
        let failures = check_rejection(&expected, accepted.len(), &diags, &lib.sources);
        let name = input.path.display().to_string();
        if failures.is_empty() {
            passed += 1;
            let _ = writeln!(out, "{}", w.test_rejected(&name));
        } else {
            failed += 1;
            let _ = writeln!(out, "{}", w.test_not_rejected(&name));
            let _ = write!(out, "{}", render_failures(&failures, w));
        }
    }
    if coverage {
        let mut covs = Vec::new();
        for (i, pack) in lib.packs.iter().enumerate() {
            let mut cov = Coverage::new(pack);
            for c in &cases {
                for (_, bound) in c.bound.iter().filter(|(p, _)| *p == i) {
                    cov.add(pack, bound, &mut ev);
                }
            }
            covs.push((pack, cov));
        }
        // The packs the cases were judged under (every pack when none was).
        let any = covs.iter().any(|(_, c)| c.cases > 0);
        for (pack, cov) in covs.iter().filter(|(_, c)| !any || c.cases > 0) {
            let _ = write!(out, "\n{}\n", render_coverage(pack, cov, w));
        }
    }
    let _ = writeln!(out, "{}", w.test_totals(passed, failed));
    if failed > 0 {
        outcome = outcome.worst(Outcome::Failed);
    }
    outcome
}
