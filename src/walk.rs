//! Walking folders: each real folder entered once and each real file found once, whatever the
//! symbolic links (a link to the folder itself or to a parent is a loop, not a longer path), and
//! every folder that cannot be read named.
//!
//! A folder or file is known by what it is on disk, not by the path that reached it: its device
//! and inode on Unix, its canonical path elsewhere. Links are followed (a link to a folder
//! outside the walk is walked like a folder inside it), but a folder already entered, or a file
//! already found, is passed over quietly: the path that reached it first, in name order, is
//! kept. Walks are iterative, so a deep tree costs no stack.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

/// What a file or folder is on disk, however it is reached.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileKey(Key);

#[cfg(unix)]
type Key = (u64, u64);
#[cfg(not(unix))]
type Key = PathBuf;

impl FileKey {
    /// The key of what `path` names (links followed); `None` when it cannot be looked at (it
    /// does not exist, or a link leads nowhere), which reading it will then report.
    pub fn of(path: &Path) -> Option<FileKey> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let m = std::fs::metadata(path).ok()?;
            Some(FileKey((m.dev(), m.ino())))
        }
        #[cfg(not(unix))]
        {
            std::fs::canonicalize(path).ok().map(FileKey)
        }
    }
}

/// The folders and files met so far.
#[derive(Debug, Default)]
pub struct Seen(HashSet<FileKey>);

impl Seen {
    /// Whether `path` is met for the first time (and marks it met). What cannot be looked at
    /// counts as new, so that the error of reading it is reported.
    pub fn first(&mut self, path: &Path) -> bool {
        FileKey::of(path).is_none_or(|k| self.0.insert(k))
    }
}

/// A folder that could not be read, or whose listing broke off.
#[derive(Debug)]
pub struct Unreadable {
    /// The folder, as reached.
    pub path: PathBuf,
    /// Why.
    pub error: io::Error,
}

/// The files under a folder, depth first and in name order within each folder, each real
/// folder entered once. Yields every entry that is not a folder (files, and links that lead
/// nowhere, whose reading will say so), and an [`Unreadable`] for each folder that cannot be
/// listed; the walk goes on past it.
pub struct Walk<'a> {
    /// Folders still to list, and files still to yield: the next on top.
    stack: Vec<(PathBuf, bool)>,
    seen: &'a mut Seen,
}

impl<'a> Walk<'a> {
    /// A walk of `root` (a folder, or a file, which is yielded alone), passing over the folders
    /// below it that `seen` already holds and adding those it enters. The root is walked even
    /// if `seen` holds it (the caller decides whether it was met before).
    pub fn new(root: &Path, seen: &'a mut Seen) -> Walk<'a> {
        let is_dir = root.is_dir();
        if is_dir {
            seen.first(root);
        }
        Walk {
            stack: vec![(root.to_path_buf(), is_dir)],
            seen,
        }
    }
}

impl Iterator for Walk<'_> {
    type Item = Result<PathBuf, Unreadable>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (path, is_dir) = self.stack.pop()?;
            if !is_dir {
                return Some(Ok(path));
            }
            let mut entries = Vec::new();
            let listed = std::fs::read_dir(&path).and_then(|rd| {
                for e in rd {
                    entries.push(e?.path());
                }
                Ok(())
            });
            if let Err(error) = listed {
                return Some(Err(Unreadable { path, error }));
            }
            entries.sort();
            // Marked when listed: the shallower of two paths to one folder is kept.
            let mut children = Vec::with_capacity(entries.len());
            for p in entries {
                if p.is_dir() {
                    if self.seen.first(&p) {
                        children.push((p, true));
                    }
                } else {
                    children.push((p, false));
                }
            }
            self.stack.extend(children.into_iter().rev());
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn names(root: &Path) -> Vec<String> {
        let mut seen = Seen::default();
        Walk::new(root, &mut seen)
            .map(|r| r.unwrap().strip_prefix(root).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn files_come_depth_first_in_name_order() {
        let d = tempfile::tempdir().unwrap();
        for f in ["b/2", "b/1", "a", "c/d/3"] {
            let p = d.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        assert_eq!(names(d.path()), ["a", "b/1", "b/2", "c/d/3"]);
    }

    /// Two links to the folder itself and one to its parent: each real folder once.
    #[cfg(unix)]
    #[test]
    fn links_back_are_loops_not_longer_paths() {
        let d = tempfile::tempdir().unwrap();
        let sub = d.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("x"), "").unwrap();
        std::os::unix::fs::symlink(".", sub.join("a")).unwrap();
        std::os::unix::fs::symlink(".", sub.join("b")).unwrap();
        std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
        assert_eq!(names(d.path()), ["sub/x"]);
    }

    /// A deep tree walks without recursion.
    #[test]
    fn a_deep_tree_costs_no_stack() {
        let d = tempfile::tempdir().unwrap();
        let mut p = d.path().to_path_buf();
        for _ in 0..200 {
            p.push("d");
        }
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join("f"), "").unwrap();
        assert_eq!(names(d.path()).len(), 1);
    }
}
