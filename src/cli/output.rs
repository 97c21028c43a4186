//! Shared plumbing of the subcommands: loading packs and cases, printing diagnostics.

use super::Outcome;
use entrust::batch::{LoadedCase, collect_inputs, load_cases};
use entrust::date::Date;
use entrust::diagnostic::{Diagnostic, error_count};
use entrust::library::Library;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Prints diagnostics to standard error.
pub fn report(lib: &Library, diags: &[Diagnostic]) {
    let stderr = std::io::stderr();
    let mut err = anstream::AutoStream::auto(stderr.lock());
    for d in diags {
        let _ = write!(err, "{}", d.render(&lib.sources));
    }
}

/// Loads the packs; reports their diagnostics. `None` if no pack could be loaded.
pub fn packs(statutes: Option<&Path>) -> (Library, Outcome) {
    let lib = Library::open(statutes);
    let outcome = if error_count(&lib.diagnostics) > 0 {
        Outcome::BadInput
    } else {
        Outcome::Ok
    };
    let diags = lib.diagnostics.clone();
    // Warnings about the built-in packs are for their authors (`entrust check`), not users.
    let shown: Vec<Diagnostic> = if statutes.is_some() {
        diags
    } else {
        diags.into_iter().filter(Diagnostic::is_error).collect()
    };
    report(&lib, &shown);
    (lib, outcome)
}

/// Loads cases from paths; reports the errors of bad ones.
pub fn cases(
    lib: &mut Library,
    paths: &[PathBuf],
    as_of: Option<Date>,
) -> (Vec<LoadedCase>, Outcome) {
    let (inputs, mut errors) = collect_inputs(paths);
    let (cases, errs) = load_cases(lib, &inputs, as_of);
    errors.extend(errs);
    report(lib, &errors);
    let outcome = if error_count(&errors) > 0 {
        Outcome::BadInput
    } else {
        Outcome::Ok
    };
    if inputs.is_empty() && errors.is_empty() {
        eprintln!(
            "error: no case files found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return (cases, Outcome::BadInput);
    }
    (cases, outcome)
}
