//! `entrust fmt`: statute and case files rewritten in the canonical layout, in place and
//! atomically; `--check` only lists the files that would change.

use super::{Global, Outcome, output};
use entrust::batch::Msg;
use entrust::diagnostic::Diagnostic;
use entrust::format::{FormatError, format_case_in, format_statute_in};
use entrust::source::SourceMap;
use entrust::walk::{Seen, Walk};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Whether `fmt` formats a file, by its extension.
fn formattable(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "law" || e == "case")
}

pub fn run(g: &Global, paths: &[PathBuf], check: bool) -> Outcome {
    let w = g.words();
    let mut sources = SourceMap::new();
    // A problem with a whole file, in the chosen language.
    let file_error = |msg: Msg, f: &Path, sources: &SourceMap| {
        eprint!(
            "{}",
            Diagnostic::file_error(msg, f.display().to_string()).render_in(sources, w)
        );
    };
    let mut files = Vec::new();
    let (mut folders, mut seen) = (Seen::default(), Seen::default());
    let mut outcome = Outcome::Ok;
    for p in paths {
        if !p.exists() {
            file_error(Msg::NoSuchPath, p, &sources);
            outcome = outcome.worst(Outcome::BadInput);
            continue;
        }
        if !p.is_dir() && !formattable(p) {
            file_error(Msg::NotFormattable, p, &sources);
            outcome = outcome.worst(Outcome::BadInput);
            continue;
        }
        // Each real folder entered once and each real file formatted once, whatever the links.
        for r in Walk::new(p, &mut folders) {
            match r {
                Ok(f) if formattable(&f) && seen.first(&f) => files.push(f),
                Ok(_) => {}
                Err(u) => {
                    let io = u.error.into();
                    file_error(Msg::CannotReadFolder { io }, &u.path, &sources);
                    outcome = outcome.worst(Outcome::BadInput);
                }
            }
        }
    }
    let (mut changed, mut unchanged) = (0usize, 0usize);
    let mut out = output::stdout();
    for f in &files {
        let bytes = match entrust::source::read_whole(f) {
            Ok(t) => t,
            Err(e) => {
                file_error(Msg::cannot_read(e), f, &sources);
                outcome = outcome.worst(Outcome::BadInput);
                continue;
            }
        };
        // A leading byte order mark is kept as it was; the layout is of the text after it.
        let bom = bytes.starts_with(entrust::source::BOM);
        let (id, not_utf8) = sources.add_bytes(f.display().to_string(), bytes, 1);
        if let Some(bad) = not_utf8.first() {
            eprint!("{}", sources.not_utf8(id, *bad).render_in(&sources, w));
            outcome = outcome.worst(Outcome::BadInput);
            continue;
        }
        let text = sources.get(id).map(|f| f.text.clone()).unwrap_or_default();
        let formatted = if f.extension().is_some_and(|e| e == "law") {
            format_statute_in(id, &text)
        } else {
            format_case_in(id, &text)
        };
        let formatted = match formatted {
            Ok(t) => t,
            Err(e) => {
                for d in e.diagnostics() {
                    eprint!("{}", d.render_in(&sources, w));
                }
                if let FormatError::Internal(detail) = e {
                    file_error(Msg::FormatterFailed { detail }, f, &sources);
                }
                outcome = outcome.worst(Outcome::BadInput);
                continue;
            }
        };
        if formatted == text {
            unchanged += 1;
            continue;
        }
        changed += 1;
        if check {
            let _ = writeln!(out, "{}", f.display());
            continue;
        }
        // Written whole: a temporary file beside the original, renamed over it.
        let formatted = if bom {
            format!("\u{feff}{formatted}")
        } else {
            formatted
        };
        let written = super::output::write_atomically(f, formatted.as_bytes(), None);
        if let Err(e) = written {
            file_error(Msg::CannotWrite { io: e.into() }, f, &sources);
            outcome = outcome.worst(Outcome::BadInput);
        }
    }
    if check {
        eprintln!("{}", w.would_reformat(changed, unchanged));
        if changed > 0 {
            outcome = outcome.worst(Outcome::Failed);
        }
    } else {
        eprintln!("{}", w.reformatted(changed, unchanged));
    }
    outcome
}
