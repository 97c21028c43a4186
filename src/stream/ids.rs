//! The record of the case ids a batch run has written, so that a repeated id is an error
//! (docs/cases.md §1) at the line that repeats it, naming the place of the first use: exact, and
//! in memory bounded whatever the number of cases.
//!
//! - The most recent ids are kept in memory, whole, in a hash table ([`Recent`]): up to
//!   [`Limits::entries`] ids or [`Limits::id_bytes`] bytes of ids (about 28 MB at most).
//! - When it is full, its ids are sorted by hash and written to a temporary file as a *run*
//!   (hash, place, the id itself), and the table starts afresh. A run keeps in memory only every
//!   [`Limits::stride`]-th hash and its offset (a sparse index: about 0.25 byte a case).
//! - A Bloom filter of fixed size ([`Limits::bloom_bytes`], 16 MB) holds the hashes of every id
//!   written to a run. An id not in the table whose hash the filter has not seen is new, without
//!   reading the disk; otherwise each run is searched (one short read where the index points)
//!   and the ids themselves compared. At 10,000,000 cases the filter sends about one id in 200
//!   to the disk; past about 50,000,000 it fills and more ids are looked up on disk: slower,
//!   never wrong, and memory does not grow.
//! - Runs are merged, [`Limits::fan_in`] runs of one size into one, so that there are never many
//!   to search (at most `fan_in - 1` of each size).
//!
//! On disk: 24 bytes and the id a case (about 400 MB at 10,000,000 ids of 15 bytes), in the
//! system's temporary folder (`TMPDIR`), in files unlinked from the start, so nothing is left
//! behind even if the process is killed.
//!
//! Hashes are keyed by the process (std's `RandomState`), so no input can be made to collide on
//! purpose; a collision only costs a comparison, since ids are always compared whole.
//!
//! If a temporary file cannot be made or written, the record stops spilling and keeps every
//! further id in memory, as before this record existed: the run goes on and stays exact.

use std::fs::File;
use std::hash::BuildHasher;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, OnceLock};

/// The hash of a case id, keyed by the process: the same for every thread of a run.
pub(crate) fn id_hash(id: &[u8]) -> u64 {
    static KEYS: OnceLock<std::hash::RandomState> = OnceLock::new();
    KEYS.get_or_init(std::hash::RandomState::new).hash_one(id)
}

/// The sizes that bound the record's memory.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// Ids in the in-memory table before it is written to a run.
    pub entries: usize,
    /// Bytes of ids in the in-memory table before it is written to a run.
    pub id_bytes: usize,
    /// One record in this many is in a run's sparse index.
    pub stride: usize,
    /// The Bloom filter's size in bytes (a power of two, at least 64).
    pub bloom_bytes: usize,
    /// How many runs of one size are merged into one.
    pub fan_in: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            entries: 1 << 19,
            id_bytes: 8 << 20,
            stride: 64,
            bloom_bytes: 16 << 20,
            fan_in: 8,
        }
    }
}

/// One id in the in-memory table.
#[derive(Clone, Copy, Debug)]
struct Entry {
    hash: u64,
    /// The file's number in [`Recent::files`] and the line.
    file: u32,
    line: u32,
    /// Where the id's bytes are in [`Recent::ids`].
    at: u32,
    len: u32,
}

/// The in-memory table: open addressing with linear probing over `slots` (0 for an empty slot,
/// else the hash's high half and the entry's number plus one).
#[derive(Default)]
struct Recent {
    slots: Vec<u64>,
    entries: Vec<Entry>,
    ids: Vec<u8>,
    /// The names of the files of the entries, each once in a row.
    files: Vec<Arc<str>>,
}

impl Recent {
    fn id(&self, e: &Entry) -> &[u8] {
        let at = e.at as usize;
        self.ids.get(at..at + e.len as usize).unwrap_or(&[])
    }

    fn find(&self, hash: u64, id: &[u8]) -> Option<&Entry> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let tag = hash >> 32;
        let mut i = (hash as usize) & mask;
        loop {
            let s = *self.slots.get(i)?;
            if s == 0 {
                return None;
            }
            if s >> 32 == tag {
                let e = self.entries.get((s as u32 as usize).wrapping_sub(1))?;
                if e.hash == hash && self.id(e) == id {
                    return Some(e);
                }
            }
            i = (i + 1) & mask;
        }
    }

    fn place_slot(slots: &mut [u64], hash: u64, n: usize) {
        let mask = slots.len() - 1;
        let mut i = (hash as usize) & mask;
        while let Some(s) = slots.get_mut(i) {
            if *s == 0 {
                *s = ((hash >> 32) << 32) | (n as u64 + 1);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, hash: u64, id: &[u8], name: &Arc<str>, line: u32) {
        // At most half full.
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            let cap = (self.slots.len() * 2).max(1024);
            self.slots.clear();
            self.slots.resize(cap, 0);
            for (n, e) in self.entries.iter().enumerate() {
                Self::place_slot(&mut self.slots, e.hash, n);
            }
        }
        if !self.files.last().is_some_and(|f| Arc::ptr_eq(f, name)) {
            self.files.push(name.clone());
        }
        let file = u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX);
        let at = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.extend_from_slice(id);
        let n = self.entries.len();
        self.entries.push(Entry {
            hash,
            file,
            line,
            at,
            len: u32::try_from(id.len()).unwrap_or(u32::MAX),
        });
        Self::place_slot(&mut self.slots, hash, n);
    }

    fn clear(&mut self) {
        self.slots.fill(0);
        self.entries.clear();
        self.ids.clear();
        self.files.clear();
    }
}

/// A Bloom filter of blocks of 512 bits (one cache line): each hash sets 6 bits of one block.
struct Bloom {
    words: Vec<u64>,
}

impl Bloom {
    fn new(bytes: usize) -> Bloom {
        let words = (bytes / 8).next_power_of_two().max(8);
        Bloom {
            words: vec![0; words],
        }
    }

    /// The block's first word and the 6 bits (word in the block, bit in the word).
    fn bits(&self, hash: u64) -> (usize, [(usize, u64); 6]) {
        let blocks = self.words.len() / 8;
        // The block from a remix of the hash, the bits from the hash itself.
        let mixed = hash.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29) ^ hash;
        let block = (mixed as usize) & (blocks - 1);
        let mut bits = [(0, 0); 6];
        for (k, b) in bits.iter_mut().enumerate() {
            let field = (hash >> (k * 9)) & 0x1ff;
            *b = ((field >> 6) as usize, 1u64 << (field & 63));
        }
        (block * 8, bits)
    }

    fn insert(&mut self, hash: u64) {
        let (base, bits) = self.bits(hash);
        for (w, m) in bits {
            if let Some(word) = self.words.get_mut(base + w) {
                *word |= m;
            }
        }
    }

    fn may_hold(&self, hash: u64) -> bool {
        let (base, bits) = self.bits(hash);
        bits.iter()
            .all(|(w, m)| self.words.get(base + w).is_some_and(|word| word & m != 0))
    }
}

/// One record of a run on disk: hash, offset of the file's name in the names file, line, and
/// the id.
struct Rec {
    hash: u64,
    name: u64,
    line: u32,
    id: Vec<u8>,
}

impl Rec {
    fn empty() -> Rec {
        Rec {
            hash: 0,
            name: 0,
            line: 0,
            id: Vec::new(),
        }
    }

    fn write(&self, w: &mut impl Write) -> io::Result<u64> {
        let len = u32::try_from(self.id.len()).map_err(io::Error::other)?;
        w.write_all(&self.hash.to_le_bytes())?;
        w.write_all(&self.name.to_le_bytes())?;
        w.write_all(&self.line.to_le_bytes())?;
        w.write_all(&len.to_le_bytes())?;
        w.write_all(&self.id)?;
        Ok(24 + u64::from(len))
    }

    /// The next record, or `None` at the end of the file.
    fn read(r: &mut impl Read, into: &mut Rec) -> io::Result<bool> {
        let mut head = [0u8; 24];
        match r.read_exact(&mut head) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(false),
            Err(e) => return Err(e),
        }
        let word = |a: usize| -> u64 {
            head.get(a..a + 8)
                .and_then(|s| s.try_into().ok())
                .map_or(0, u64::from_le_bytes)
        };
        let half = |a: usize| -> u32 {
            head.get(a..a + 4)
                .and_then(|s| s.try_into().ok())
                .map_or(0, u32::from_le_bytes)
        };
        into.hash = word(0);
        into.name = word(8);
        into.line = half(16);
        into.id.clear();
        into.id.resize(half(20) as usize, 0);
        r.read_exact(&mut into.id)?;
        Ok(true)
    }
}

/// A sorted run on disk, with its sparse index.
struct Run {
    file: File,
    /// The merges behind it: runs of one level are merged into one of the next.
    level: u32,
    /// The hash and offset of every `stride`-th record.
    index: Vec<(u64, u64)>,
}

/// Writes records, sorted by hash, to a new run.
struct RunWriter {
    out: BufWriter<File>,
    index: Vec<(u64, u64)>,
    at: u64,
    n: usize,
    stride: usize,
}

impl RunWriter {
    fn new(stride: usize) -> io::Result<RunWriter> {
        Ok(RunWriter {
            out: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            index: Vec::new(),
            at: 0,
            n: 0,
            stride: stride.max(1),
        })
    }

    fn push(&mut self, rec: &Rec) -> io::Result<()> {
        if self.n.is_multiple_of(self.stride) {
            self.index.push((rec.hash, self.at));
        }
        self.at += rec.write(&mut self.out)?;
        self.n += 1;
        Ok(())
    }

    fn finish(self, level: u32) -> io::Result<Run> {
        let file = self
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        Ok(Run {
            file,
            level,
            index: self.index,
        })
    }
}

impl Run {
    /// The offset of the name of the file where `id` (of hash `hash`) was used, and the line, if
    /// this run holds it.
    fn find(&self, hash: u64, id: &[u8], rec: &mut Rec) -> io::Result<Option<(u64, u32)>> {
        // The last indexed record before the hash (records of one hash may straddle an index
        // entry).
        let p = self.index.partition_point(|(h, _)| *h < hash);
        let Some(&(_, off)) = self.index.get(p.saturating_sub(1)) else {
            return Ok(None);
        };
        let mut r = BufReader::with_capacity(4096, &self.file);
        r.seek(SeekFrom::Start(off))?;
        while Rec::read(&mut r, rec)? {
            if rec.hash > hash {
                break;
            }
            if rec.hash == hash && rec.id == id {
                return Ok(Some((rec.name, rec.line)));
            }
        }
        Ok(None)
    }
}

/// The ids written in a run, and where each was first used.
pub(crate) struct Ids {
    limits: Limits,
    recent: Recent,
    /// Set once the first run is written.
    bloom: Option<Bloom>,
    runs: Vec<Run>,
    /// The names of the files of the runs' records, each stored once per spill.
    names: Option<File>,
    names_len: u64,
    /// Whether spilling failed (then every id stays in memory).
    in_memory: bool,
    scratch: Rec,
}

impl Default for Ids {
    fn default() -> Self {
        Ids::with_limits(Limits::default())
    }
}

impl Ids {
    pub(crate) fn with_limits(limits: Limits) -> Ids {
        Ids {
            limits,
            recent: Recent::default(),
            bloom: None,
            runs: Vec::new(),
            names: None,
            names_len: 0,
            in_memory: false,
            scratch: Rec::empty(),
        }
    }

    /// Where `id` (whose hash is [`id_hash`]`(id)`) was first used, as `file:line`, if it was;
    /// otherwise records it as used at `name`:`line`.
    pub(crate) fn first_use(
        &mut self,
        hash: u64,
        id: &[u8],
        name: &Arc<str>,
        line: u32,
    ) -> io::Result<Option<String>> {
        if let Some(e) = self.recent.find(hash, id) {
            let file = self.recent.files.get(e.file as usize).map_or("?", |f| &**f);
            return Ok(Some(format!("{file}:{}", e.line)));
        }
        if self.bloom.as_ref().is_some_and(|b| b.may_hold(hash)) {
            for run in &self.runs {
                if let Some((name, line)) = run.find(hash, id, &mut self.scratch)? {
                    return Ok(Some(format!("{}:{line}", self.name_at(name)?)));
                }
            }
        }
        if !self.in_memory
            && (self.recent.entries.len() >= self.limits.entries
                || self.recent.ids.len() + id.len() > self.limits.id_bytes)
            && self.spill().is_err()
        {
            // Keep every further id in memory rather than fail the run.
            self.in_memory = true;
        }
        self.recent.insert(hash, id, name, line);
        Ok(None)
    }

    /// The file name stored at `at` in the names file.
    fn name_at(&self, at: u64) -> io::Result<String> {
        let Some(mut f) = self.names.as_ref() else {
            return Ok("?".to_string());
        };
        f.seek(SeekFrom::Start(at))?;
        let mut len = [0u8; 4];
        f.read_exact(&mut len)?;
        let mut name = vec![0; u32::from_le_bytes(len) as usize];
        f.read_exact(&mut name)?;
        Ok(String::from_utf8_lossy(&name).into_owned())
    }

    /// Writes the in-memory table to a new run, then merges runs of one size.
    fn spill(&mut self) -> io::Result<()> {
        if self.recent.entries.is_empty() {
            return Ok(());
        }
        // The files' names, once each.
        if self.names.is_none() {
            self.names = Some(tempfile::tempfile()?);
            self.names_len = 0;
        }
        let mut name_at = Vec::with_capacity(self.recent.files.len());
        if let Some(f) = self.names.as_mut() {
            f.seek(SeekFrom::End(0))?;
            let mut w = BufWriter::new(f);
            for name in &self.recent.files {
                name_at.push(self.names_len);
                let len = u32::try_from(name.len()).map_err(io::Error::other)?;
                w.write_all(&len.to_le_bytes())?;
                w.write_all(name.as_bytes())?;
                self.names_len += 4 + u64::from(len);
            }
            w.flush()?;
        }
        let mut order: Vec<u32> =
            (0..u32::try_from(self.recent.entries.len()).unwrap_or(0)).collect();
        order.sort_unstable_by_key(|&n| self.recent.entries.get(n as usize).map_or(0, |e| e.hash));
        let mut w = RunWriter::new(self.limits.stride)?;
        let mut rec = Rec::empty();
        for n in order {
            let Some(e) = self.recent.entries.get(n as usize) else {
                continue;
            };
            rec.hash = e.hash;
            rec.name = name_at.get(e.file as usize).copied().unwrap_or(0);
            rec.line = e.line;
            rec.id.clear();
            rec.id.extend_from_slice(self.recent.id(e));
            w.push(&rec)?;
        }
        let run = w.finish(0)?;
        let bloom = self
            .bloom
            .get_or_insert_with(|| Bloom::new(self.limits.bloom_bytes));
        for e in &self.recent.entries {
            bloom.insert(e.hash);
        }
        self.runs.push(run);
        self.recent.clear();
        self.merge()
    }

    /// Merges the last `fan_in` runs while they are of one level (a run is only dropped once
    /// the merged one is written).
    fn merge(&mut self) -> io::Result<()> {
        let fan = self.limits.fan_in.max(2);
        while let Some(start) = self.runs.len().checked_sub(fan) {
            let tail = self.runs.get(start..).unwrap_or(&[]);
            let level = tail.first().map_or(0, |r| r.level);
            if tail.iter().any(|r| r.level != level) {
                break;
            }
            let mut readers = Vec::with_capacity(fan);
            let mut heads = Vec::with_capacity(fan);
            for run in tail {
                let mut r = BufReader::with_capacity(1 << 16, &run.file);
                r.seek(SeekFrom::Start(0))?;
                let mut rec = Rec::empty();
                let live = Rec::read(&mut r, &mut rec)?;
                readers.push(r);
                heads.push(live.then_some(rec));
            }
            let mut w = RunWriter::new(self.limits.stride)?;
            loop {
                let next = heads
                    .iter()
                    .enumerate()
                    .filter_map(|(k, h)| h.as_ref().map(|h| (h.hash, k)))
                    .min();
                let Some((_, k)) = next else { break };
                let (Some(slot), Some(r)) = (heads.get_mut(k), readers.get_mut(k)) else {
                    break;
                };
                if let Some(rec) = slot.as_mut() {
                    w.push(rec)?;
                    if !Rec::read(r, rec)? {
                        *slot = None;
                    }
                }
            }
            drop(readers);
            let merged = w.finish(level + 1)?;
            self.runs.truncate(start);
            self.runs.push(merged);
        }
        Ok(())
    }

    /// How many runs are on disk (for tests).
    #[cfg(test)]
    fn runs(&self) -> usize {
        self.runs.len()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn tiny() -> Limits {
        Limits {
            entries: 7,
            id_bytes: 64,
            stride: 3,
            bloom_bytes: 64,
            fan_in: 3,
        }
    }

    /// What the record answers for a sequence of (id, file, line), against a plain map.
    fn check(limits: Limits, uses: &[(String, usize, u32)]) -> Result<(), TestCaseError> {
        let names: Vec<Arc<str>> = (0..4).map(|k| Arc::from(format!("f{k}.jsonl"))).collect();
        let mut ids = Ids::with_limits(limits);
        let mut model: HashMap<&str, String> = HashMap::new();
        for (id, file, line) in uses {
            let name = &names[*file % names.len()];
            let got = ids
                .first_use(id_hash(id.as_bytes()), id.as_bytes(), name, *line)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let want = model.get(id.as_str()).cloned();
            prop_assert_eq!(&got, &want, "id {}", id);
            // What is kept in memory stays within the limits, whatever the number of ids.
            prop_assert!(ids.recent.entries.len() <= limits.entries.max(1));
            prop_assert!(ids.recent.ids.len() <= limits.id_bytes.max(id.len()));
            if want.is_none() {
                model.insert(id, format!("{name}:{line}"));
            }
        }
        Ok(())
    }

    #[test]
    fn repeats_are_found_in_memory_on_disk_and_after_merges() {
        let mut uses = Vec::new();
        for i in 0..400u32 {
            uses.push((format!("c{i}"), (i / 50) as usize, i + 1));
            // Repeat an old id now and then, from every age.
            if i % 13 == 0 {
                uses.push((format!("c{}", i / 3), 3, 10_000 + i));
            }
        }
        check(tiny(), &uses).unwrap();
        let mut ids = Ids::with_limits(tiny());
        let name: Arc<str> = Arc::from("x");
        for i in 0..400u32 {
            let id = format!("c{i}");
            ids.first_use(id_hash(id.as_bytes()), id.as_bytes(), &name, i)
                .unwrap();
        }
        // 57 runs of 7 merged by threes: few runs left.
        assert!(ids.runs() <= 2 * 4, "{}", ids.runs());
        assert_eq!(
            ids.first_use(id_hash(b"c0"), b"c0", &name, 999).unwrap(),
            Some("x:0".to_string())
        );
    }

    #[test]
    fn colliding_hashes_are_told_apart_by_the_ids() {
        let name: Arc<str> = Arc::from("f");
        let mut ids = Ids::with_limits(tiny());
        for i in 0..100u32 {
            // Every id with one hash: only the ids tell them apart.
            let id = format!("id{i}");
            assert_eq!(ids.first_use(42, id.as_bytes(), &name, i).unwrap(), None);
        }
        for i in 0..100u32 {
            let id = format!("id{i}");
            assert_eq!(
                ids.first_use(42, id.as_bytes(), &name, 500).unwrap(),
                Some(format!("f:{i}"))
            );
        }
    }

    #[test]
    fn a_huge_id_is_kept() {
        let name: Arc<str> = Arc::from("f");
        let mut ids = Ids::with_limits(tiny());
        let big = vec![b'x'; 1000];
        assert_eq!(ids.first_use(id_hash(&big), &big, &name, 1).unwrap(), None);
        for i in 0..20u32 {
            let id = format!("{i}");
            ids.first_use(id_hash(id.as_bytes()), id.as_bytes(), &name, i + 2)
                .unwrap();
        }
        assert_eq!(
            ids.first_use(id_hash(&big), &big, &name, 99).unwrap(),
            Some("f:1".to_string())
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn the_record_answers_as_a_map_does(
            uses in prop::collection::vec(("[a-e]{1,3}", 0usize..4, 1u32..100_000), 0..300),
            entries in 1usize..20,
            fan_in in 2usize..5,
        ) {
            let limits = Limits { entries, id_bytes: 40, stride: 2, bloom_bytes: 64, fan_in };
            check(limits, &uses)?;
        }
    }
}
