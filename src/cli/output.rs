//! Shared plumbing of the subcommands: loading packs and cases, printing diagnostics.

use super::{Global, Outcome};
use entrust::batch::{LoadedCase, collect_inputs, load_cases};
use entrust::date::Date;
use entrust::diagnostic::{Diagnostic, error_count};
use entrust::lang::Lang;
use entrust::library::Library;
use entrust::words::{Words, words};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Prints diagnostics to standard error, in the library's language.
pub fn report(lib: &Library, diags: &[Diagnostic]) {
    let w = entrust::words::words(lib.lang);
    let stderr = std::io::stderr();
    let mut err = anstream::AutoStream::auto(stderr.lock());
    // At most MAX_ERRORS errors of a file, then their count.
    let shown = entrust::diagnostic::cap_per_file(diags.to_vec(), &lib.sources);
    for d in &shown {
        let _ = write!(err, "{}", d.render_in(&lib.sources, w));
    }
}

/// Loads the packs, their texts in the chosen language; reports their diagnostics, and warns
/// about a pack that has no texts in that language.
pub fn packs(g: &Global) -> (Library, Outcome) {
    let statutes = g.statutes.as_deref();
    let lib = Library::open_in(statutes, g.lang);
    for p in &lib.packs {
        if g.lang != Lang::En && !p.languages.contains(&g.lang) {
            eprintln!("{}", g.words().pack_lacks_language(&p.id, g.lang.code()));
        }
    }
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

/// Loads cases from paths; reports the errors of bad ones (in the language of `lib`).
pub fn cases(
    lib: &mut Library,
    paths: &[PathBuf],
    as_of: Option<Date>,
) -> (Vec<LoadedCase>, Outcome) {
    let w = words(lib.lang);
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
        let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!("{}", w.error(&w.no_case_files(&paths.join(w.comma()))));
        return (cases, Outcome::BadInput);
    }
    (cases, outcome)
}

/// Where a report goes: standard output, or a file written atomically.
pub enum Target {
    /// Standard output.
    Stdout(io::BufWriter<io::Stdout>),
    /// A temporary file beside the destination, renamed into place on commit.
    File(io::BufWriter<tempfile::NamedTempFile>, PathBuf),
}

impl Target {
    /// Opens the target; refuses to write over an input.
    pub fn open(path: Option<&Path>, inputs: &[PathBuf], w: &dyn Words) -> Result<Target, String> {
        let Some(path) = path else {
            return Ok(Target::Stdout(io::BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            )));
        };
        let canonical = |p: &Path| std::fs::canonicalize(p).ok();
        if let Some(out) = canonical(path) {
            for i in inputs {
                if canonical(i).is_some_and(|c| out.starts_with(&c) || c == out) {
                    return Err(w.writes_over_input(&path.display().to_string()));
                }
            }
        }
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = tempfile::NamedTempFile::new_in(dir)
            .map_err(|e| w.cannot_write_in(&dir.display().to_string(), &e.to_string()))?;
        Ok(Target::File(
            io::BufWriter::with_capacity(1 << 16, tmp),
            path.to_path_buf(),
        ))
    }

    /// The writer.
    pub fn writer(&mut self) -> &mut dyn Write {
        match self {
            Target::Stdout(w) => w,
            Target::File(w, _) => w,
        }
    }

    /// Flushes, and renames a file into place; an error in the words `w`.
    pub fn commit(self, words: &dyn Words) -> Result<(), String> {
        match self {
            Target::Stdout(mut w) => w.flush().map_err(|e| e.to_string()),
            Target::File(w, path) => {
                let tmp = w.into_inner().map_err(|e| e.to_string())?;
                // A report is an ordinary file: keep the permissions of the one it replaces, or
                // give it the usual ones (a temporary file is created private).
                let perms = std::fs::metadata(&path).map(|m| m.permissions()).ok();
                let perms = perms.unwrap_or_else(|| {
                    use std::os::unix::fs::PermissionsExt;
                    std::fs::Permissions::from_mode(0o644)
                });
                let _ = std::fs::set_permissions(tmp.path(), perms);
                tmp.persist(&path)
                    .map(|_| ())
                    .map_err(|e| words.cannot_write(&path.display().to_string(), &e.to_string()))
            }
        }
    }
}

/// A progress bar on standard error, shown only on a terminal and once a run takes a while.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    /// A bar, if standard error is a terminal, its words `w`'s.
    pub fn new(w: &dyn Words) -> Progress {
        if !io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template(w.progress_template())
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Progress { bar: Some(bar) }
    }

    /// Sets the count; draws once `show` is true (the run is long).
    pub fn set(&self, n: usize, show: bool) {
        if let Some(b) = &self.bar {
            if show && b.is_hidden() {
                b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            b.set_position(u64::try_from(n).unwrap_or(u64::MAX));
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// Replaces (or creates) `path` with `bytes` whole: a temporary file beside it, synced, given
/// the permissions of `perms_from` (or of the file replaced), then renamed over it. An
/// interrupted write never leaves a half-written file where a good one was.
pub fn write_atomically(path: &Path, bytes: &[u8], perms_from: Option<&Path>) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    let perms = std::fs::metadata(path)
        .or_else(|e| perms_from.map_or(Err(e), std::fs::metadata))
        .map(|m| m.permissions());
    if let Ok(p) = perms {
        let _ = std::fs::set_permissions(tmp.path(), p);
    }
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}
