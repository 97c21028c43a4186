//! The packs of a run: the ones embedded in the binary, or those of a `--statutes` folder,
//! each parsed, checked and compiled once.

use crate::check::check_pack;
use crate::compile::pack::Pack;
use crate::diagnostic::{Diagnostic, IoProblem};
use crate::lang::Lang;
use crate::source::{NotUtf8, SourceId, SourceMap};
use crate::syntax::parse_statute;
use crate::walk::Seen;
use std::path::Path;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_packs.rs"));
}

/// A pack's files before parsing: its folder name and (file name, text) pairs.
#[derive(Clone, Debug, Default)]
pub struct PackFiles {
    /// Folder name (the pack id is in its header).
    pub folder: String,
    /// Display name and text of each `.law` file, in name order.
    pub files: Vec<(String, String)>,
    /// The files whose bytes were not UTF-8 (by display name), and where (see
    /// [`crate::source::decode`]): such a file is an error and its pack is left out.
    pub not_utf8: Vec<(String, NotUtf8)>,
}

/// The packs embedded in the binary.
pub fn builtin_files() -> Vec<PackFiles> {
    let mut out: Vec<PackFiles> = Vec::new();
    for (folder, name, text) in builtin::BUILTIN {
        let display = format!("<builtin>/statutes/{folder}/{name}");
        match out.iter_mut().find(|p| p.folder == *folder) {
            Some(p) => p.files.push((display, (*text).to_string())),
            None => out.push(PackFiles {
                folder: (*folder).to_string(),
                files: vec![(display, (*text).to_string())],
                not_utf8: Vec::new(),
            }),
        }
    }
    out
}

/// A problem finding or reading the files of statute packs, as data; its words are in
/// [`crate::words::ReadWords`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A folder that cannot be read.
    CannotReadFolder {
        /// Why.
        io: IoProblem,
    },
    /// A file that cannot be read.
    CannotReadFile {
        /// Why.
        io: IoProblem,
    },
    /// The folder of packs does not exist.
    NoSuchFolder,
    /// The folder holds no `.law` files.
    NoLawFiles,
    /// Two packs with one id.
    SecondPack {
        /// The id.
        id: String,
    },
}

/// The packs of a folder: each subfolder holding `.law` files is a pack; a folder that holds
/// `.law` files itself is one pack. The packs, or the first problem; see [`pack_folders`] for
/// all the packs that could be read and every problem.
pub fn dir_files(dir: &Path) -> Result<Vec<PackFiles>, Diagnostic> {
    let (packs, problems) = pack_folders(dir);
    match problems.into_iter().next() {
        Some(d) => Err(d),
        None => Ok(packs),
    }
}

/// The packs of a folder, as [`dir_files`], with every problem: a folder or file that cannot be
/// read is an error naming it, and the other packs are still read. Each real folder and each
/// real `.law` file is read once, whatever the symbolic links (two links to one pack folder
/// give one pack, not a second pack with the same id).
pub fn pack_folders(dir: &Path) -> (Vec<PackFiles>, Vec<Diagnostic>) {
    let shown = dir.display().to_string();
    let mut problems = Vec::new();
    let mut seen_files = Seen::default();
    let mut read_pack = |path: &Path, problems: &mut Vec<Diagnostic>| -> Option<PackFiles> {
        let listed = std::fs::read_dir(path).and_then(|rd| {
            rd.map(|e| e.map(|e| e.path()))
                .collect::<std::io::Result<Vec<_>>>()
        });
        let mut paths = match listed {
            Ok(p) => p,
            Err(e) => {
                problems.push(Diagnostic::file_error(
                    Msg::CannotReadFolder { io: e.into() },
                    path.display().to_string(),
                ));
                return None;
            }
        };
        paths.sort();
        let mut files = Vec::new();
        let mut unread = false;
        let mut not_utf8 = Vec::new();
        for p in paths {
            let is_law = p.extension().is_some_and(|e| e == "law");
            if !is_law || !seen_files.first(&p) {
                continue;
            }
            match crate::source::read_whole(&p) {
                Ok(bytes) => {
                    let (text, bad) = crate::source::decode(bytes);
                    if let Some(b) = bad.first() {
                        not_utf8.push((p.display().to_string(), *b));
                    }
                    files.push((p.display().to_string(), text));
                }
                Err(e) => {
                    unread = true;
                    let name = p.display().to_string();
                    problems.push(match crate::batch::Msg::cannot_read(e) {
                        crate::batch::Msg::CannotRead { io } => {
                            Diagnostic::file_error(Msg::CannotReadFile { io }, name)
                        }
                        too_large => Diagnostic::file_error(too_large, name),
                    });
                }
            }
        }
        // A pack lacking one of its files would judge by part of its law: it is left out.
        if files.is_empty() || unread {
            return None;
        }
        let folder = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().to_string());
        Some(PackFiles {
            folder,
            files,
            not_utf8,
        })
    };
    if !dir.is_dir() {
        return (
            Vec::new(),
            vec![Diagnostic::file_error(Msg::NoSuchFolder, shown)],
        );
    }
    let before = problems.len();
    if let Some(p) = read_pack(dir, &mut problems) {
        return (vec![p], problems);
    }
    if problems.len() > before {
        return (Vec::new(), problems);
    }
    let mut out = Vec::new();
    let mut folders = Seen::default();
    folders.first(dir);
    let mut subdirs: Vec<_> = match std::fs::read_dir(dir).and_then(|rd| {
        rd.map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<Vec<_>>>()
    }) {
        Ok(p) => p.into_iter().filter(|p| p.is_dir()).collect(),
        Err(e) => {
            problems.push(Diagnostic::file_error(
                Msg::CannotReadFolder { io: e.into() },
                shown,
            ));
            return (out, problems);
        }
    };
    subdirs.sort();
    for sub in subdirs {
        if !folders.first(&sub) {
            continue;
        }
        if let Some(p) = read_pack(&sub, &mut problems) {
            out.push(p);
        }
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::file_error(Msg::NoLawFiles, shown));
    }
    (out, problems)
}

/// Compiled packs with the sources they came from.
#[derive(Debug, Default)]
pub struct Library {
    /// Every source text read (statutes first, cases added later).
    pub sources: SourceMap,
    /// The packs that compiled.
    pub packs: Vec<Pack>,
    /// Errors and warnings from the statute files.
    pub diagnostics: Vec<Diagnostic>,
    /// The language the packs' texts were compiled in, and the run speaks.
    pub lang: Lang,
    /// The packs every case of the run is judged under, in place of its own `under`
    /// (`--under`); `None` to judge each case under its own.
    pub under: Option<Vec<String>>,
}

impl Library {
    /// Parses, checks and compiles packs, their texts in English. Packs with errors are left
    /// out and their errors kept.
    pub fn load(packs: Vec<PackFiles>) -> Library {
        Library::load_in(packs, Lang::En)
    }

    /// Parses, checks and compiles packs, their texts in `lang` (where a pack has them). Packs
    /// with errors are left out and their errors kept.
    pub fn load_in(packs: Vec<PackFiles>, lang: Lang) -> Library {
        let mut lib = Library {
            lang,
            ..Library::default()
        };
        for pf in packs {
            let mut parsed = Vec::new();
            let mut failed = false;
            for (name, text) in pf.files {
                let bad = pf.not_utf8.iter().find(|(n, _)| *n == name).map(|b| b.1);
                let id: SourceId = lib.sources.add(name, text);
                if let Some(b) = bad {
                    failed = true;
                    lib.diagnostics.push(lib.sources.not_utf8(id, b));
                    continue;
                }
                let text = lib
                    .sources
                    .get(id)
                    .map(|f| f.text.clone())
                    .unwrap_or_default();
                match parse_statute(id, &text) {
                    Ok(file) => parsed.push((id, file)),
                    Err(errs) => {
                        failed = true;
                        lib.diagnostics.extend(errs);
                    }
                }
            }
            if failed {
                continue;
            }
            let checked = check_pack(&lib.sources, &parsed, lang);
            lib.diagnostics.extend(checked.diagnostics);
            if let Some(pack) = checked.pack {
                if lib.packs.iter().any(|p| p.id == pack.id) {
                    lib.diagnostics.push(Diagnostic::file_error(
                        Msg::SecondPack {
                            id: pack.id.clone(),
                        },
                        pf.folder,
                    ));
                } else {
                    lib.packs.push(pack);
                }
            }
        }
        lib
    }

    /// The embedded packs, or those of `dir`, their texts in English.
    pub fn open(dir: Option<&Path>) -> Library {
        Library::open_in(dir, Lang::En)
    }

    /// The embedded packs, or those of `dir`, their texts in `lang`.
    pub fn open_in(dir: Option<&Path>, lang: Lang) -> Library {
        match dir {
            None => Library::load_in(builtin_files(), lang),
            Some(d) => {
                let (files, problems) = pack_folders(d);
                let mut lib = Library::load_in(files, lang);
                lib.diagnostics.extend(problems);
                lib
            }
        }
    }

    /// A pack by id.
    pub fn pack(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.id == id)
    }

    /// The ids of the packs.
    pub fn ids(&self) -> Vec<&str> {
        self.packs.iter().map(|p| p.id.as_str()).collect()
    }
}
