//! Reading many case files: folders expanded, each case checked and bound to its packs. A bad
//! case is reported and the others go on.

use crate::case::{self, BoundCase, Format};
use crate::compile::pack::Pack;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, IoProblem};
use crate::library::Library;
use crate::source::Span;
use crate::syntax::ast::CaseAst;
use crate::walk::{Seen, Walk};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A problem with the files a run was given (case files, or the files `fmt` rewrites), as
/// data; its words are in [`crate::words::ReadWords`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A path that does not exist.
    NoSuchPath,
    /// A file whose extension is not that of a case file.
    NotACaseFile,
    /// A file `fmt` does not format.
    NotFormattable,
    /// A file that cannot be read.
    CannotRead {
        /// Why.
        io: IoProblem,
    },
    /// A file larger than the most read whole ([`crate::source::MAX_FILE_BYTES`]).
    FileTooLarge {
        /// The limit, in bytes.
        max: u64,
    },
    /// A folder that cannot be read (listed).
    CannotReadFolder {
        /// Why.
        io: IoProblem,
    },
    /// A folder given that holds no case file (a warning).
    NoCaseFiles,
    /// A file that cannot be written.
    CannotWrite {
        /// Why.
        io: IoProblem,
    },
    /// The formatter could not lay a text out (a bug in the formatter).
    FormatterFailed {
        /// What went wrong, in the formatter's words.
        detail: String,
    },
    /// A case id used twice in one run.
    IdTwice {
        /// The id.
        id: String,
        /// Where it was first used (`file:line:col`, or `file:line`).
        at: String,
    },
    /// More errors than are reported for one case, line or file: how many more there are.
    MoreErrors {
        /// How many errors were not reported.
        n: usize,
        /// In what.
        scope: Scope,
    },
}

impl Msg {
    /// A file that could not be read: [`Msg::FileTooLarge`] when it is larger than the most
    /// read whole (see [`crate::source::read_whole`]), else [`Msg::CannotRead`].
    pub fn cannot_read(e: std::io::Error) -> Msg {
        if crate::source::too_large(&e) {
            Msg::FileTooLarge {
                max: crate::source::MAX_FILE_BYTES,
            }
        } else {
            Msg::CannotRead { io: e.into() }
        }
    }

    /// Why a file could not be read, in the words given when it is larger than the most read
    /// whole, else in the system's words (for messages that name the file themselves).
    pub fn reason(e: &std::io::Error, w: &dyn crate::words::Words) -> String {
        if crate::source::too_large(e) {
            let too_large = Msg::FileTooLarge {
                max: crate::source::MAX_FILE_BYTES,
            };
            crate::diagnostic::Msg::from(too_large).said(w).message
        } else {
            e.to_string()
        }
    }
}

/// What a count of errors not reported is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One case.
    Case,
    /// One line of JSON Lines.
    Line,
    /// One file.
    File,
}

/// A case file to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// Its path as given or found.
    pub path: PathBuf,
    /// Its form.
    pub format: Format,
}

/// Expands paths into case files: files as given (by extension), folders searched recursively
/// for `.case`, `.yaml`, `.yml` and `.jsonl` files, in name order. Each real folder is entered
/// once and each real file read once, whatever the symbolic links (see [`crate::walk`]); a
/// folder that cannot be read is an error naming it, and a folder holding no case file a
/// warning.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Diagnostic>) {
    let mut c = Collector::default();
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let (i, e) = c.collect(p);
        inputs.extend(i);
        errors.extend(e);
    }
    (inputs, errors)
}

/// Expands paths one at a time (for a run that reads other inputs, such as standard input,
/// between them), remembering the folders and files already met, so that none is read twice.
#[derive(Debug, Default)]
pub struct Collector {
    folders: Seen,
    files: Seen,
}

impl Collector {
    /// The case files of one path, and the problems finding them.
    pub fn collect(&mut self, p: &Path) -> (Vec<Input>, Vec<Diagnostic>) {
        let mut inputs = Vec::new();
        let mut errors = Vec::new();
        if p.is_dir() {
            // A folder already walked (named twice, or inside one named before) is read once.
            if !self.folders.first(p) {
                return (inputs, errors);
            }
            let mut found = Vec::new();
            for r in Walk::new(p, &mut self.folders) {
                match r {
                    Ok(path) => {
                        if Format::of_path(&path.to_string_lossy()).is_some() {
                            found.push(path);
                        }
                    }
                    Err(u) => errors.push(Diagnostic::file_error(
                        Msg::CannotReadFolder { io: u.error.into() },
                        u.path.display().to_string(),
                    )),
                }
            }
            if found.is_empty() && errors.is_empty() {
                errors.push(Diagnostic::file_warning(
                    Msg::NoCaseFiles,
                    p.display().to_string(),
                ));
            }
            found.sort();
            inputs.extend(found.into_iter().filter_map(|path| {
                let format = Format::of_path(&path.to_string_lossy())?;
                self.files.first(&path).then_some(Input { path, format })
            }));
        } else if !p.exists() {
            errors.push(Diagnostic::file_error(
                Msg::NoSuchPath,
                p.display().to_string(),
            ));
        } else {
            match Format::of_path(&p.to_string_lossy()) {
                Some(format) => {
                    if self.files.first(p) {
                        inputs.push(Input {
                            path: p.to_path_buf(),
                            format,
                        });
                    }
                }
                None => errors.push(Diagnostic::file_error(
                    Msg::NotACaseFile,
                    p.display().to_string(),
                )),
            }
        }
        (inputs, errors)
    }
}

/// A case read and bound to each pack it is judged under.
#[derive(Clone, Debug)]
pub struct LoadedCase {
    /// The case as written.
    pub case: CaseAst,
    /// Index into the library's packs, and the bound facts, per pack of `under`.
    pub bound: Vec<(usize, BoundCase)>,
}

/// Reads, checks and binds the cases of `inputs`; returns the good ones and the errors of the
/// others. Duplicate ids across the run are errors.
pub fn load_cases(
    lib: &mut Library,
    inputs: &[Input],
    as_of: Option<Date>,
) -> (Vec<LoadedCase>, Vec<Diagnostic>) {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let mut ids: HashMap<String, Span> = HashMap::new();
    for input in inputs {
        let bytes = match crate::source::read_whole(&input.path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(Diagnostic::file_error(
                    Msg::cannot_read(e),
                    input.path.display().to_string(),
                ));
                continue;
            }
        };
        let name = input.path.display().to_string();
        let (_, read) = case::read_bytes(&mut lib.sources, &name, 1, bytes, input.format);
        let mut file_errors = read.diagnostics;
        let (loaded, errs) = bind_cases(lib, read.cases, as_of, &mut ids);
        cases.extend(loaded);
        file_errors.extend(errs);
        errors.extend(crate::diagnostic::cap_per_file(file_errors, &lib.sources));
    }
    (cases, errors)
}

/// The packs a case is judged under (indexes into the library's packs, in order: those of
/// `--under` when the run names them, else the case's own), and the packs whose facts it may
/// give: those judged first, then the case's own others, so that a case written for one law
/// and judged under another keeps its facts.
pub fn packs_of<'a>(lib: &'a Library, c: &CaseAst) -> (Vec<usize>, Vec<&'a Pack>) {
    let index = |id: &str| lib.packs.iter().position(|p| p.id == id);
    let own = c.under.iter().filter_map(|u| index(&u.text));
    let mut judged: Vec<usize> = Vec::new();
    let named: Vec<usize> = match &lib.under {
        Some(ids) => ids.iter().filter_map(|u| index(u)).collect(),
        None => own.clone().collect(),
    };
    for i in named {
        if !judged.contains(&i) {
            judged.push(i);
        }
    }
    let mut readers: Vec<&Pack> = judged.iter().filter_map(|i| lib.packs.get(*i)).collect();
    for i in own {
        if !judged.contains(&i)
            && let Some(p) = lib.packs.get(i)
        {
            readers.push(p);
        }
    }
    (judged, readers)
}

/// Checks and binds cases already read.
pub fn bind_cases(
    lib: &Library,
    read: Vec<CaseAst>,
    as_of: Option<Date>,
    ids: &mut HashMap<String, Span>,
) -> (Vec<LoadedCase>, Vec<Diagnostic>) {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let pack_ids = lib.ids();
    for c in read {
        let mut errs = case::bind::check_header(&c, &pack_ids, as_of);
        if let Some(prev) = ids.get(&c.id.text) {
            let at = lib
                .sources
                .locate(*prev)
                .map(|(f, lc)| format!("{f}:{lc}"))
                .unwrap_or_default();
            errs.push(Diagnostic::error(
                Msg::IdTwice {
                    id: c.id.text.clone(),
                    at,
                },
                c.id.span,
            ));
        } else {
            ids.insert(c.id.text.clone(), c.id.span);
        }
        let mut bound = Vec::new();
        if errs.is_empty() {
            let (judged, readers) = packs_of(lib, &c);
            for i in judged {
                if let Some(pack) = lib.packs.get(i) {
                    match case::bind::bind_among(&c, pack, &readers, as_of) {
                        Ok(b) => bound.push((i, b)),
                        Err(e) => errs.extend(e),
                    }
                }
            }
        }
        if errs.is_empty() {
            cases.push(LoadedCase { case: c, bound });
        } else {
            errors.extend(errs);
        }
    }
    (cases, errors)
}
