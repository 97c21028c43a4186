//! The packs of a run: the ones embedded in the binary, or those of a `--statutes` folder,
//! each parsed, checked and compiled once.

use crate::check::check_pack;
use crate::compile::pack::Pack;
use crate::diagnostic::{Diagnostic, IoProblem};
use crate::lang::Lang;
use crate::source::{NotUtf8, SourceId, SourceMap};
use crate::syntax::parse_statute;
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
/// `.law` files itself is one pack.
pub fn dir_files(dir: &Path) -> Result<Vec<PackFiles>, Diagnostic> {
    let shown = dir.display().to_string();
    let read_pack = |path: &Path| -> Result<Option<PackFiles>, Diagnostic> {
        let mut files = Vec::new();
        let mut not_utf8 = Vec::new();
        let entries = std::fs::read_dir(path).map_err(|e| {
            Diagnostic::file_error(
                Msg::CannotReadFolder { io: e.into() },
                path.display().to_string(),
            )
        })?;
        for entry in entries.flatten() {
            let p = entry.path();
            if p.extension().is_some_and(|e| e == "law") {
                let bytes = std::fs::read(&p).map_err(|e| {
                    Diagnostic::file_error(
                        Msg::CannotReadFile { io: e.into() },
                        p.display().to_string(),
                    )
                })?;
                let (text, bad) = crate::source::decode(bytes);
                if let Some(b) = bad.first() {
                    not_utf8.push((p.display().to_string(), *b));
                }
                files.push((p.display().to_string(), text));
            }
        }
        files.sort();
        if files.is_empty() {
            return Ok(None);
        }
        let folder = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().to_string());
        Ok(Some(PackFiles {
            folder,
            files,
            not_utf8,
        }))
    };
    if !dir.is_dir() {
        return Err(Diagnostic::file_error(Msg::NoSuchFolder, shown));
    }
    if let Some(p) = read_pack(dir)? {
        return Ok(vec![p]);
    }
    let mut out = Vec::new();
    let mut subdirs: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Diagnostic::file_error(Msg::CannotReadFolder { io: e.into() }, shown.clone()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    subdirs.sort();
    for sub in subdirs {
        if let Some(p) = read_pack(&sub)? {
            out.push(p);
        }
    }
    if out.is_empty() {
        return Err(Diagnostic::file_error(Msg::NoLawFiles, shown));
    }
    Ok(out)
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
            Some(d) => match dir_files(d) {
                Ok(files) => Library::load_in(files, lang),
                Err(e) => Library {
                    diagnostics: vec![e],
                    lang,
                    ..Library::default()
                },
            },
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
