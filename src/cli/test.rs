//! `entrust test`: run the `expect` blocks of case files.

use super::{Outcome, output};
use entrust::date::Date;
use entrust::eval::Evaluator;
use entrust::testing::check;
use entrust::verdict::judge;
use std::io::Write as _;
use std::path::{Path, PathBuf};

pub fn run(statutes: Option<&Path>, as_of: Option<Date>, paths: &[PathBuf]) -> Outcome {
    let (mut lib, mut outcome) = output::packs(statutes);
    let (cases, o) = output::cases(&mut lib, paths, as_of);
    outcome = outcome.worst(o);
    let mut ev = Evaluator::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let (mut passed, mut failed) = (0usize, 0usize);
    for c in &cases {
        let Some(expect) = &c.case.expect else {
            continue;
        };
        for (i, bound) in &c.bound {
            let Some(pack) = lib.packs.get(*i) else {
                continue;
            };
            let v = judge(pack, &c.case, bound, &mut ev, None);
            let failures = check(expect, &v);
            let at = lib
                .sources
                .locate(c.case.id.span)
                .map(|(f, lc)| format!("{f}:{lc}"))
                .unwrap_or_default();
            if failures.is_empty() {
                passed += 1;
                let _ = writeln!(out, "ok     {} [{}]", c.case.id.text, pack.id);
            } else {
                failed += 1;
                let _ = writeln!(out, "FAILED {} [{}] ({at})", c.case.id.text, pack.id);
                for f in failures {
                    let _ = writeln!(out, "       {f}");
                }
            }
        }
    }
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    if failed > 0 {
        outcome = outcome.worst(Outcome::Failed);
    }
    outcome
}
