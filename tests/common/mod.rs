//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use entrust::batch::{LoadedCase, bind_cases};
use entrust::diagnostic::Diagnostic;
use entrust::eval::Evaluator;
use entrust::library::{Library, PackFiles};
use entrust::verdict::{Verdict, judge};
use std::collections::HashMap;

/// A library of one pack written inline.
pub fn pack(text: &str) -> Library {
    let lib = Library::load(vec![PackFiles {
        folder: "t".into(),
        files: vec![("test.law".into(), text.into())],
        not_utf8: Vec::new(),
    }]);
    let errors: Vec<String> = lib
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.render(&lib.sources))
        .collect();
    assert!(
        errors.is_empty(),
        "pack does not check:\n{}",
        errors.join("\n")
    );
    lib
}

/// The diagnostics of a pack written inline, rendered.
pub fn pack_errors(text: &str) -> String {
    let lib = Library::load(vec![PackFiles {
        folder: "t".into(),
        files: vec![("test.law".into(), text.into())],
        not_utf8: Vec::new(),
    }]);
    lib.diagnostics
        .iter()
        .map(|d| d.render(&lib.sources))
        .collect()
}

/// Reads cases written in the case language and binds them.
pub fn cases(lib: &mut Library, name: &str, text: &str) -> (Vec<LoadedCase>, Vec<Diagnostic>) {
    let id = lib.sources.add(name, text);
    let read = entrust::case::read(&lib.sources, id, entrust::case::Format::Case);
    let mut errs = read.diagnostics;
    let (cases, e) = bind_cases(lib, read.cases, None, &mut HashMap::new());
    errs.extend(e);
    (cases, errs)
}

/// The verdict of the one case in `text`, without explanation.
pub fn verdict(lib: &mut Library, text: &str) -> Verdict {
    let (cases, errs) = cases(lib, "case.case", text);
    let rendered: Vec<String> = errs.iter().map(|d| d.render(&lib.sources)).collect();
    assert!(rendered.is_empty(), "{}", rendered.join("\n"));
    let c = &cases[0];
    let (i, bound) = &c.bound[0];
    judge(&lib.packs[*i], &c.case, bound, &mut Evaluator::new(), None)
}

/// The `entrust` binary built for these tests.
pub fn entrust() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("entrust").unwrap()
}
