//! Judging a batch of cases with the entrust library, without the command line.
//!
//! Run: `cargo run --example batch -- cases/kr`
//!
//! It loads the built-in packs, reads every case file under the given folders, judges each case
//! under each pack it names, and prints one line per verdict with its violations and the open
//! questions; bad inputs are reported with their file, line and column, and the others go on.

use entrust::batch::{collect_inputs, load_cases};
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::verdict::judge;
use std::path::PathBuf;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let paths = if paths.is_empty() {
        vec![PathBuf::from("cases/kr")]
    } else {
        paths
    };

    // Packs are compiled once and shared read-only.
    let mut lib = Library::open(None);
    for d in lib.diagnostics.iter().filter(|d| d.is_error()) {
        eprint!("{}", d.render(&lib.sources));
    }

    // Cases are read and bound to their packs' fact slots; errors point at the text.
    let (inputs, mut errors) = collect_inputs(&paths);
    let (cases, errs) = load_cases(&mut lib, &inputs, None);
    errors.extend(errs);
    for d in &errors {
        eprint!("{}", d.render(&lib.sources));
    }

    // One evaluator is reused from case to case.
    let mut ev = Evaluator::new();
    let (mut lawful, mut unlawful, mut open) = (0, 0, 0);
    for c in &cases {
        for (i, bound) in &c.bound {
            let Some(pack) = lib.packs.get(*i) else {
                continue;
            };
            let v = judge(pack, &c.case, bound, &mut ev, None);
            match v.lawful {
                Some(true) => lawful += 1,
                Some(false) => unlawful += 1,
                None => open += 1,
            }
            let codes: Vec<&str> = v.violations.iter().map(|x| x.code.as_str()).collect();
            let questions: Vec<&str> = v.unknowns.iter().map(|u| u.fact.as_str()).collect();
            println!(
                "{:<45} {:<12} {:<8} {:<40} open: {}",
                v.id,
                v.classification,
                match v.lawful {
                    Some(true) => "lawful",
                    Some(false) => "unlawful",
                    None => "open",
                },
                codes.join(","),
                questions.join(",")
            );
        }
    }
    println!(
        "{lawful} lawful, {unlawful} unlawful, {open} open; {} input error(s)",
        errors.len()
    );
}
