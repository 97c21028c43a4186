//! Shared plumbing of the subcommands: loading packs and cases, printing diagnostics.

use super::{Global, Outcome};
use entrust::batch::{LoadedCase, collect_inputs, load_cases};
use entrust::date::Date;
use entrust::diagnostic::{Diagnostic, error_count};
use entrust::lang::Lang;
use entrust::library::Library;
use entrust::words::Words;
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
/// about a pack that has no texts in that language. With `--under`, every case is to be judged
/// under the packs it names; one that is not loaded is an error, and no pack is returned.
pub fn packs(g: &Global) -> (Library, Outcome) {
    let statutes = g.statutes.as_deref();
    let mut lib = Library::open_in(statutes, g.lang);
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
    // `--under`: every pack it names must be loaded.
    if let Some(under) = &g.under {
        let w = g.words();
        let unknown: Vec<&String> = under.iter().filter(|u| lib.pack(u).is_none()).collect();
        for u in &unknown {
            eprintln!("{}", w.no_pack_named(u, &lib.ids().join(w.comma())));
        }
        if !unknown.is_empty() {
            // Nothing is judged: not under the packs asked for, nor under the cases' own.
            lib.packs.clear();
            return (lib, Outcome::BadInput);
        }
        lib.under = Some(under.clone());
    }
    (lib, outcome)
}

/// Loads cases from paths; reports the errors of bad ones (in the language of `lib`), and the
/// warnings (a folder or a file that holds no case).
pub fn cases(
    lib: &mut Library,
    paths: &[PathBuf],
    as_of: Option<Date>,
) -> (Vec<LoadedCase>, Outcome) {
    let (cases, outcome, _) = cases_counted(lib, paths, as_of);
    (cases, outcome)
}

/// [`cases`], with the number of warnings reported.
pub fn cases_counted(
    lib: &mut Library,
    paths: &[PathBuf],
    as_of: Option<Date>,
) -> (Vec<LoadedCase>, Outcome, usize) {
    let (inputs, mut errors) = collect_inputs(paths);
    let (cases, errs) = load_cases(lib, &inputs, as_of);
    errors.extend(errs);
    report(lib, &errors);
    let n_errors = error_count(&errors);
    let outcome = if n_errors > 0 {
        Outcome::BadInput
    } else {
        Outcome::Ok
    };
    (cases, outcome, errors.len() - n_errors)
}

/// A writer whose reader may go away: when a write finds the pipe closed (`entrust eval … |
/// head -1`), the run ends there, quietly and with exit code 0, as Unix tools do, since nothing
/// it could still write would be read. Every command writes its standard output through one
/// (see [`stdout`]), and `eval` its stream of errors too.
pub struct Quiet<W: Write>(W);

impl<W: Write> Quiet<W> {
    fn or_end<T>(r: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &r
            && e.kind() == io::ErrorKind::BrokenPipe
        {
            std::process::exit(0);
        }
        r
    }
}

impl<W: Write> Write for Quiet<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Self::or_end(self.0.write(buf))
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        Self::or_end(self.0.write_all(buf))
    }
    fn flush(&mut self) -> io::Result<()> {
        Self::or_end(self.0.flush())
    }
}

/// Standard output, ending the run quietly once its reader has gone.
pub fn stdout() -> Quiet<io::StdoutLock<'static>> {
    Quiet(io::stdout().lock())
}

/// Standard error, ending the run quietly once its reader has gone (`2>&1 | head`).
pub fn stderr() -> Quiet<io::StderrLock<'static>> {
    Quiet(io::stderr().lock())
}

/// Where a report goes: standard output, or a file written atomically.
pub enum Target {
    /// Standard output.
    Stdout(io::BufWriter<Quiet<io::StdoutLock<'static>>>),
    /// A temporary file beside the destination, renamed into place on commit.
    File(io::BufWriter<tempfile::NamedTempFile>, PathBuf),
}

impl Target {
    /// Opens the target; refuses to write over an input.
    pub fn open(path: Option<&Path>, inputs: &[PathBuf], w: &dyn Words) -> Result<Target, String> {
        let Some(path) = path else {
            return Ok(Target::Stdout(io::BufWriter::with_capacity(
                1 << 16,
                stdout(),
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
