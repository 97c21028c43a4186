//! `entrust check`: validate packs and case files, reporting every error and warning.

use super::{Global, Outcome, output};
use entrust::diagnostic::error_count;
use entrust::library::{Library, pack_folders};
use entrust::walk::{Seen, Walk};
use std::path::{Path, PathBuf};

pub fn run(g: &Global, paths: &[PathBuf]) -> Outcome {
    let is_pack = |p: &Path| -> bool {
        p.extension().is_some_and(|e| e == "law") || (p.is_dir() && contains_law(p))
    };
    let pack_paths: Vec<&PathBuf> = paths.iter().filter(|p| is_pack(p)).collect();
    let case_paths: Vec<PathBuf> = paths.iter().filter(|p| !is_pack(p)).cloned().collect();

    // The packs: those named, else --statutes, else the built-in ones.
    let mut lib = if pack_paths.is_empty() {
        Library::open_in(g.statutes.as_deref(), g.lang)
    } else {
        let mut files = Vec::new();
        let mut lib = Library::default();
        for p in &pack_paths {
            let dir = if p.is_dir() {
                p.as_path()
            } else {
                p.parent().unwrap_or(Path::new("."))
            };
            let (f, problems) = pack_folders(dir);
            files.extend(f);
            lib.diagnostics.extend(problems);
        }
        let mut loaded = Library::load_in(files, g.lang);
        loaded.diagnostics.extend(lib.diagnostics);
        loaded
    };
    output::report(&lib, &lib.diagnostics);
    let mut errors = error_count(&lib.diagnostics);
    let mut warnings = lib.diagnostics.len() - errors;
    let mut n_cases = 0;
    if !case_paths.is_empty() {
        let (cases, outcome, case_warnings) = output::cases_counted(&mut lib, &case_paths, g.as_of);
        warnings += case_warnings;
        n_cases = cases.len();
        if outcome != Outcome::Ok {
            errors += 1;
        }
    }
    eprintln!(
        "{}",
        g.words().checked(
            lib.packs.len(),
            (!case_paths.is_empty()).then_some(n_cases),
            (errors == 0).then_some(warnings)
        )
    );
    if errors > 0 {
        Outcome::BadInput
    } else {
        Outcome::Ok
    }
}

/// Whether a folder holds `.law` files, at any depth (each real folder looked into once).
fn contains_law(dir: &Path) -> bool {
    let mut seen = Seen::default();
    Walk::new(dir, &mut seen).any(|r| r.is_ok_and(|p| p.extension().is_some_and(|x| x == "law")))
}
