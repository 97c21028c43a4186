//! Batch runs: many case files judged in parallel and written in input order, with memory
//! bounded by the blocks in flight and by the record of the run's ids (a repeated id is an
//! error; the record keeps recent ids in memory and older ones in temporary files, see
//! [`ids`]), whatever the number of cases.
//!
//! Inputs are cut into blocks (up to [`BLOCK_BYTES`] of JSON Lines, or one whole `.case`/YAML
//! file); a batch of blocks is judged in parallel, then written in order before the next batch
//! is read. JSON Lines take a fast path ([`crate::case::fastjson`], [`crate::render::jsonl`],
//! and with explanations [`crate::render::jsonl_explain`]) when the line is plain and the output
//! is JSON Lines; anything else goes through the general reader and renderers, which give the
//! same bytes or a precise error.

use crate::batch::bind_cases;
use crate::case::fastjson::{self, FastCase};
use crate::case::{self, Format};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, MAX_ERRORS, Severity};
use crate::eval::{Evaluator, Stretch, StretchJudgment};
use crate::library::Library;
use crate::render::jsonl::{self, PackJson};
use crate::render::jsonl_explain::{self, ExplainJson, FactPlaces};
use crate::source::SourceMap;
use crate::summary::{Summary, summarize};
use crate::verdict::Verdict;
use std::collections::HashMap;
use std::io::{self, BufRead, Read, Write};
use std::sync::Arc;

mod ids;

/// The size of a block of JSON Lines read at once, for small verdicts.
pub const BLOCK_BYTES: usize = 1 << 20;
/// The size of a block when verdicts are large (explanations, memos).
pub const SMALL_BLOCK_BYTES: usize = 1 << 16;

/// The size of its first block when JSON Lines are cut by a [`BlockSize`]: small, so that the
/// blocks in flight before their verdicts' size is known stay small too.
pub const FIRST_BLOCK_BYTES: usize = 1 << 16;

/// The smallest block a [`BlockSize`] shrinks to.
const LEAST_BLOCK_BYTES: usize = 1 << 12;

/// What the verdicts of one block should come to, about: with a few blocks in flight a thread,
/// the memory of a run stays near a few times this, however large each verdict is.
pub const BLOCK_OUTPUT_BYTES: usize = 4 << 20;

/// The size JSON Lines are cut into, shared by the reader that cuts them and the run that
/// judges them: after each block the run sets it so that a block's verdicts come to about
/// [`BLOCK_OUTPUT_BYTES`] (verdicts may be a hundred times their lines: a Korean case over many
/// stretches of law, or one judged under three laws), between a few KiB and the most given.
#[derive(Clone, Debug)]
pub struct BlockSize(Arc<(std::sync::atomic::AtomicUsize, usize)>);

impl BlockSize {
    /// Blocks of at most `most` bytes, starting at [`FIRST_BLOCK_BYTES`] (or `most` if less).
    pub fn new(most: usize) -> BlockSize {
        let most = most.max(LEAST_BLOCK_BYTES);
        let first = FIRST_BLOCK_BYTES.min(most);
        BlockSize(Arc::new((std::sync::atomic::AtomicUsize::new(first), most)))
    }

    /// Blocks of `bytes` always.
    pub fn fixed(bytes: usize) -> BlockSize {
        let bytes = bytes.max(1024);
        BlockSize(Arc::new((
            std::sync::atomic::AtomicUsize::new(bytes),
            bytes,
        )))
    }

    /// The size of the next block.
    pub fn bytes(&self) -> usize {
        self.0.0.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The most a block may be.
    pub fn most(&self) -> usize {
        self.0.1
    }

    /// Learns from a block of `input` bytes whose verdicts came to `output` bytes.
    fn fit(&self, input: usize, output: usize) {
        if input == 0 {
            return;
        }
        let (now, most) = (&self.0.0, self.0.1);
        let ratio = output.div_ceil(input).max(1);
        let want = (BLOCK_OUTPUT_BYTES / ratio).clamp(LEAST_BLOCK_BYTES.min(most), most);
        now.store(want, std::sync::atomic::Ordering::Relaxed);
    }
}

/// How verdicts are written.
pub trait Sink: Sync {
    /// Appends the rendering of one verdict to `out`; `pack` judged it and `case` is the case
    /// judged (for the renderers that name its parties and source).
    fn verdict(
        &self,
        v: &Verdict,
        pack: &crate::compile::pack::Pack,
        case: &crate::syntax::ast::CaseAst,
        out: &mut Vec<u8>,
    );
    /// Whether this sink writes JSON Lines, with the explanation when [`Sink::explain`] says so
    /// (eligible for the fast path).
    fn is_jsonl(&self) -> bool {
        false
    }
    /// Whether verdicts need their explanation tree.
    fn explain(&self) -> bool {
        false
    }
    /// Whether a case judged under several packs is followed by the comparison of its
    /// verdicts ([`Sink::compare`]).
    fn compares(&self) -> bool {
        false
    }
    /// Appends the comparison of one case's verdicts under several packs, after the last of
    /// them.
    fn compare(
        &self,
        _case: &crate::syntax::ast::CaseAst,
        _items: &[(&Verdict, &crate::compile::pack::Pack)],
        _out: &mut Vec<u8>,
    ) {
    }
    /// Written once before the first verdict.
    fn begin(&self, _out: &mut Vec<u8>) {}
    /// Written between two verdicts.
    fn between(&self, _out: &mut Vec<u8>) {}
    /// Written once after the last verdict.
    fn end(&self, _out: &mut Vec<u8>) {}
}

/// JSON Lines: one verdict a line (cases.md §3), with the explanation tree when `explain`.
/// Plain lines take the fast path.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonLines {
    /// Whether each verdict carries its explanation.
    pub explain: bool,
}

impl Sink for JsonLines {
    fn verdict(
        &self,
        v: &Verdict,
        _pack: &crate::compile::pack::Pack,
        _case: &crate::syntax::ast::CaseAst,
        out: &mut Vec<u8>,
    ) {
        out.extend_from_slice(crate::render::json::line(v).as_bytes());
        out.push(b'\n');
    }
    fn is_jsonl(&self) -> bool {
        true
    }
    fn explain(&self) -> bool {
        self.explain
    }
}

/// Where one block of input comes from.
pub struct Block {
    /// The file's name, for messages.
    pub name: Arc<str>,
    /// The form of the text.
    pub format: Format,
    /// The line number of the block's first line.
    pub first_line: u32,
    /// The text (whole lines). Empty only for a JSON Lines file that holds no case (nothing
    /// but blank lines), which is warned of.
    pub text: Vec<u8>,
    /// The size the reader cuts the file's blocks by, which the run sets from the verdicts'
    /// size; `None` for a file read whole.
    pub size: Option<BlockSize>,
}

/// An input that could not be read (opened, or read on), with its name.
#[derive(Debug)]
pub struct ReadError {
    /// The file's name, for messages.
    pub name: Arc<str>,
    /// Why.
    pub error: io::Error,
}

/// A judged case in a block's output.
struct Record {
    /// Where its id is in the block's `ids`.
    id: std::ops::Range<usize>,
    /// Its line in the input.
    line: u32,
    /// The hash of its id (computed by the worker, so the writer only looks it up).
    hash: u64,
    /// Whether this is the verdict of the case of the record before under another pack (its
    /// id is checked once, with the first).
    same_case: bool,
    start: usize,
    end: usize,
}

/// What judging a block produced.
struct BlockOut {
    name: Arc<str>,
    out: Vec<u8>,
    ids: Vec<u8>,
    records: Vec<Record>,
    /// The errors rendered, one after the other.
    errors: Vec<u8>,
    /// Each error rendered: where it ends in `errors`, and how many errors it stands for when
    /// it is a count of errors not shown (0 for an error itself).
    error_ends: Vec<(usize, usize)>,
    /// Errors found but not rendered (past [`MAX_ERRORS`] in the block).
    hidden: usize,
    /// The bytes of input judged, and the size its file is cut by.
    input: usize,
    size: Option<BlockSize>,
    rejected: usize,
}

impl BlockOut {
    /// Renders a diagnostic, unless the block has rendered [`MAX_ERRORS`] already (then it is
    /// counted): no file shows more, and blocks are written in order.
    fn report(&mut self, d: &Diagnostic, sources: &SourceMap, words: &dyn crate::words::Words) {
        let count = if d.is_count() { d.weight() } else { 0 };
        // A count follows the errors it comes after: shown if they are.
        let full = if count > 0 {
            self.hidden > 0
        } else {
            self.error_ends.iter().filter(|e| e.1 == 0).count() >= MAX_ERRORS
        };
        if full {
            self.hidden += d.weight();
            return;
        }
        self.errors
            .extend_from_slice(d.render_in(sources, words).as_bytes());
        self.error_ends.push((self.errors.len(), count));
    }
}

/// The errors written for the file being written, to show at most [`MAX_ERRORS`] of a file.
#[derive(Default)]
struct FileErrors {
    /// The file.
    name: Option<Arc<str>>,
    /// Errors shown.
    shown: usize,
    /// Errors not shown.
    hidden: usize,
}

impl FileErrors {
    /// Moves on to the file of a block: the count of the errors not shown in the previous
    /// file is written first.
    fn file(
        &mut self,
        name: &Arc<str>,
        errors: &mut dyn Write,
        words: &dyn crate::words::Words,
    ) -> io::Result<()> {
        if self
            .name
            .as_ref()
            .is_some_and(|n| Arc::ptr_eq(n, name) || **n == **name)
        {
            return Ok(());
        }
        self.finish(errors, words)?;
        self.name = Some(name.clone());
        Ok(())
    }

    /// Writes the count of the errors not shown in the current file, if any.
    fn finish(
        &mut self,
        errors: &mut dyn Write,
        words: &dyn crate::words::Words,
    ) -> io::Result<()> {
        if let Some(name) = self.name.take()
            && self.hidden > 0
        {
            let more = Diagnostic::file_error(
                crate::batch::Msg::MoreErrors {
                    n: self.hidden,
                    scope: crate::batch::Scope::File,
                },
                &*name,
            );
            errors.write_all(more.render_in(&SourceMap::new(), words).as_bytes())?;
        }
        *self = FileErrors::default();
        Ok(())
    }

    /// Whether another error of the file is shown (else it is counted). `count` is 0 for an
    /// error, else the number of errors not shown that it counts: a count is shown when the
    /// errors before it were.
    fn show(&mut self, count: usize) -> bool {
        if count > 0 {
            if self.hidden == 0 {
                return true;
            }
            self.hidden += count;
            false
        } else if self.shown < MAX_ERRORS {
            self.shown += 1;
            true
        } else {
            self.hidden += 1;
            false
        }
    }
}

/// Counts of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Cases judged and written (one per case and pack).
    pub evaluated: usize,
    /// Cases rejected: each case with errors counts one, whatever their number; so does a
    /// text that does not parse (a JSON line, a whole `.case` or YAML file), an unreadable file,
    /// and a case whose id was used before.
    pub rejected: usize,
}

/// Per-thread buffers.
struct Worker {
    ev: Evaluator,
    fast: FastCase,
    parts: Vec<(Stretch, StretchJudgment)>,
    sum: Summary,
    names: Vec<u32>,
    /// Per fact slot: the column of its value in the line (explanations only).
    cols: Vec<u32>,
    /// The open nodes of an explanation being written.
    stack: Vec<bool>,
    /// Per fact slot: where its JSON was written in the output (explanations only).
    reads: Vec<std::ops::Range<usize>>,
}

impl Worker {
    fn new() -> Self {
        Worker {
            ev: Evaluator::new(),
            fast: FastCase::default(),
            parts: Vec::new(),
            sum: Summary::default(),
            names: Vec::new(),
            cols: Vec::new(),
            stack: Vec::new(),
            reads: Vec::new(),
        }
    }
}

/// Runs a batch: reads `blocks`, judges them, writes verdicts to `out` and rendered errors to
/// `errors` (an input that cannot be read is named, counted rejected, and the run goes on), and
/// calls `progress` with the number of cases done so far.
///
/// Blocks are judged on rayon's pool while the calling thread reads the next ones and writes
/// finished ones in input order; at most a few blocks per thread are in flight, so memory stays
/// flat however many cases come in, and output starts before input ends.
pub fn run(
    lib: &Library,
    sink: &(dyn Sink + Sync),
    as_of: Option<Date>,
    blocks: &mut dyn Iterator<Item = Result<Block, ReadError>>,
    out: &mut dyn Write,
    errors: &mut dyn Write,
    progress: &mut dyn FnMut(usize),
) -> io::Result<Counts> {
    let words = crate::words::words(lib.lang);
    let pack_json: Vec<PackJson> = lib.packs.iter().map(PackJson::new).collect();
    // The explanation's fragments, escaped once per pack, when the fast path writes them.
    let explain_json: Vec<ExplainJson> = if sink.is_jsonl() && sink.explain() {
        lib.packs.iter().map(ExplainJson::new).collect()
    } else {
        Vec::new()
    };
    let in_flight = rayon::current_num_threads().max(1) * 3;
    // Output buffers, reused from block to block.
    let pool: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(Vec::new());
    let mut counts = Counts::default();
    // Ids already written, and where each was first used.
    let mut seen = ids::Ids::default();
    // At most MAX_ERRORS errors of a file are written; the others are counted.
    let mut shown = FileErrors::default();
    let mut first = true;
    let has_sep = {
        let mut sep = Vec::new();
        sink.between(&mut sep);
        !sep.is_empty()
    };
    let mut head = Vec::new();
    sink.begin(&mut head);
    out.write_all(&head)?;
    rayon::in_place_scope(|scope| -> io::Result<()> {
        let mut pending: std::collections::VecDeque<std::sync::mpsc::Receiver<BlockOut>> =
            std::collections::VecDeque::new();
        let mut input_done = false;
        loop {
            // Keep the pool busy.
            while !input_done && pending.len() < in_flight {
                match blocks.next() {
                    Some(Ok(b)) => {
                        let (tx, rx) = std::sync::mpsc::sync_channel(1);
                        let pj = Fragments {
                            verdict: &pack_json,
                            explanation: &explain_json,
                        };
                        let pool = &pool;
                        scope.spawn(move |_| {
                            let buf = pool
                                .lock()
                                .ok()
                                .and_then(|mut p| p.pop())
                                .unwrap_or_default();
                            let r = WORKER.with(|w| {
                                let mut w = w.borrow_mut();
                                judge_block(lib, pj, sink, as_of, &b, buf, &mut w)
                            });
                            recycle_text(b.text);
                            let _ = tx.send(r);
                        });
                        pending.push_back(rx);
                    }
                    Some(Err(e)) => {
                        let d = Diagnostic::file_error(
                            crate::batch::Msg::cannot_read(e.error),
                            e.name.to_string(),
                        );
                        errors.write_all(d.render_in(&SourceMap::new(), words).as_bytes())?;
                        counts.rejected += 1;
                    }
                    None => input_done = true,
                }
            }
            let Some(rx) = pending.pop_front() else { break };
            let Ok(r) = rx.recv() else { continue };
            // The next blocks of the file are cut so that their verdicts stay near
            // BLOCK_OUTPUT_BYTES.
            if let Some(size) = &r.size {
                size.fit(r.input, r.out.len());
            }
            // At most MAX_ERRORS errors of a file are written; the others are counted.
            shown.file(&r.name, errors, words)?;
            let mut from = 0;
            for &(end, count) in &r.error_ends {
                if shown.show(count) {
                    errors.write_all(r.errors.get(from..end).unwrap_or(&[]))?;
                }
                from = end;
            }
            shown.hidden += r.hidden;
            counts.rejected += r.rejected;
            let mut pending_write: Option<(usize, usize)> = None;
            // Whether the case of the last record was refused (its other verdicts go too).
            let mut refused = false;
            for rec in &r.records {
                if rec.same_case && refused {
                    continue;
                }
                let id = r.ids.get(rec.id.clone()).unwrap_or(&[]);
                refused = false;
                if rec.same_case {
                    // Checked with the case's first verdict.
                } else if let Some(at) = seen.first_use(rec.hash, id, &r.name, rec.line)? {
                    refused = true;
                    counts.rejected += 1;
                    if !shown.show(0) {
                        continue;
                    }
                    // Rendered by hand: the writer knows the line, not the column.
                    let said = crate::diagnostic::Msg::from(crate::batch::Msg::IdTwice {
                        id: String::from_utf8_lossy(id).into_owned(),
                        at,
                    })
                    .said(words);
                    writeln!(
                        errors,
                        "{}: {}\n  --> {}:{}\n   = {}: {} ({})",
                        words.severity(Severity::Error),
                        said.message,
                        r.name,
                        rec.line,
                        words.help_word(),
                        said.help.unwrap_or_default(),
                        said.label.unwrap_or_default(),
                    )?;
                    continue;
                }
                if !first {
                    let mut sep = Vec::new();
                    sink.between(&mut sep);
                    out.write_all(&sep)?;
                }
                first = false;
                // Contiguous records are written together, in as few calls as possible.
                match pending_write {
                    Some((a, b)) if b == rec.start && !has_sep => {
                        pending_write = Some((a, rec.end))
                    }
                    Some((a, b)) => {
                        out.write_all(r.out.get(a..b).unwrap_or(&[]))?;
                        pending_write = Some((rec.start, rec.end));
                    }
                    None => pending_write = Some((rec.start, rec.end)),
                }
                if has_sep && let Some((a, b)) = pending_write.take() {
                    out.write_all(r.out.get(a..b).unwrap_or(&[]))?;
                }
                counts.evaluated += 1;
            }
            if let Some((a, b)) = pending_write.take() {
                out.write_all(r.out.get(a..b).unwrap_or(&[]))?;
            }
            // Hand the buffer back: fresh large buffers cost a page fault per page.
            if let Ok(mut p) = pool.lock()
                && p.len() < in_flight
                && r.out.capacity() <= MAX_KEPT_OUTPUT
            {
                p.push(r.out);
            }
            progress(counts.evaluated + counts.rejected);
        }
        shown.finish(errors, words)
    })?;
    let mut tail = Vec::new();
    sink.end(&mut tail);
    out.write_all(&tail)?;
    out.flush()?;
    Ok(counts)
}

/// Input blocks' buffers, handed back once judged and reused by the readers: a fresh buffer
/// of a megabyte costs a page fault per page.
static SPARE_TEXT: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(Vec::new());

/// The largest output buffer kept for reuse (one grown larger is let go).
const MAX_KEPT_OUTPUT: usize = 16 << 20;

/// The most spare input buffers kept.
const MAX_SPARE_TEXT: usize = 16;

/// An empty buffer for a block's text, reused when one is spare.
fn spare_text() -> Vec<u8> {
    let mut t = SPARE_TEXT
        .lock()
        .ok()
        .and_then(|mut p| p.pop())
        .unwrap_or_default();
    t.clear();
    t
}

/// Hands a block's buffer back for reuse.
fn recycle_text(t: Vec<u8>) {
    // A buffer grown for one very long line is let go rather than kept.
    if t.capacity() > 4 * BLOCK_BYTES {
        return;
    }
    if let Ok(mut p) = SPARE_TEXT.lock()
        && p.len() < MAX_SPARE_TEXT
    {
        p.push(t);
    }
}

thread_local! {
    static WORKER: std::cell::RefCell<Worker> = std::cell::RefCell::new(Worker::new());
}

/// The fragments of the fast path, escaped once per pack.
#[derive(Clone, Copy)]
struct Fragments<'a> {
    verdict: &'a [PackJson],
    /// Empty when explanations are not written by the fast path.
    explanation: &'a [ExplainJson],
}

fn judge_block(
    lib: &Library,
    pj: Fragments<'_>,
    sink: &dyn Sink,
    as_of: Option<Date>,
    b: &Block,
    mut buf: Vec<u8>,
    w: &mut Worker,
) -> BlockOut {
    buf.clear();
    buf.reserve(b.text.len());
    let mut r = BlockOut {
        name: b.name.clone(),
        out: buf,
        ids: Vec::new(),
        records: Vec::new(),
        errors: Vec::new(),
        error_ends: Vec::new(),
        hidden: 0,
        rejected: 0,
        input: b.text.len(),
        size: b.size.clone(),
    };
    // The file's name as JSON string content, for the explanation's `at`.
    let file_json = if pj.explanation.is_empty() {
        String::new()
    } else {
        let s = serde_json::to_string(&*b.name).unwrap_or_default();
        s.get(1..s.len().saturating_sub(1))
            .unwrap_or_default()
            .to_string()
    };
    match b.format {
        // A file of no case: the general reader warns of it.
        Format::Jsonl if b.text.is_empty() => general(
            lib,
            sink,
            as_of,
            &b.name,
            b.first_line,
            &b.text,
            Format::Jsonl,
            w,
            &mut r,
        ),
        Format::Jsonl => {
            // The fast path reads bytes: a line that is not UTF-8 goes to the general reader,
            // which rejects it. Checked once for the block, line by line only when it fails.
            let utf8 = std::str::from_utf8(&b.text).is_ok();
            let mut start = 0;
            let ends = memchr::memchr_iter(b'\n', &b.text).chain(std::iter::once(b.text.len()));
            for (this, end) in (b.first_line..).zip(ends) {
                let line = b.text.get(start..end).unwrap_or(&[]);
                start = end + 1;
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                // A line past the limit (of which the reader kept a little more than the
                // limit) goes to the general reader, which refuses it at its line.
                let long = line.len() > case::MAX_LINE_BYTES;
                if !long && line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                if !long
                    && sink.is_jsonl()
                    && (!sink.explain() || !pj.explanation.is_empty())
                    && (utf8 || std::str::from_utf8(line).is_ok())
                    && fast_line(lib, pj, as_of, line, &file_json, this, w, &mut r)
                {
                    continue;
                }
                general(
                    lib,
                    sink,
                    as_of,
                    &b.name,
                    this,
                    line,
                    Format::Jsonl,
                    w,
                    &mut r,
                );
            }
        }
        format => general(
            lib,
            sink,
            as_of,
            &b.name,
            b.first_line,
            &b.text,
            format,
            w,
            &mut r,
        ),
    }
    r
}

#[allow(clippy::too_many_arguments)]
fn fast_line(
    lib: &Library,
    pj: Fragments<'_>,
    as_of: Option<Date>,
    line: &[u8],
    file_json: &str,
    line_no: u32,
    w: &mut Worker,
    r: &mut BlockOut,
) -> bool {
    // The fast reader judges a line under its own `under`; `--under` is the general path's.
    if lib.under.is_some() {
        return false;
    }
    let Some(pack) = fastjson::read(line, &mut w.fast, |u| {
        lib.packs.iter().find(|p| p.id.as_bytes() == u)
    }) else {
        return false;
    };
    let Some(pack_idx) = lib.packs.iter().position(|p| std::ptr::eq(p, pack)) else {
        return false;
    };
    // The fast writers know two sides on the common axis and no scope: any other pack's
    // verdicts (`term`, `applies`, three sides) are written by the general path.
    if !pack.plain() {
        return false;
    }
    let Some(pjson) = pj.verdict.get(pack_idx) else {
        return false;
    };
    // With the explanation: `None` when explanations are not written here.
    let ejson = pj.explanation.get(pack_idx);
    if !pj.explanation.is_empty() && ejson.is_none() {
        return false;
    }
    let (from, to) = match as_of {
        Some(d) => (d, d),
        None => (w.fast.from, w.fast.to),
    };
    // Judge every stretch, reusing buffers.
    let mut k = 0;
    let mut start = from;
    let mut cuts = pack
        .change_dates
        .iter()
        .filter(|c| **c > from && **c <= to)
        .peekable();
    loop {
        let end = match cuts.peek() {
            Some(c) => c.pred(),
            None => to,
        };
        let s = Stretch {
            from: start,
            to: end,
        };
        if w.parts.len() <= k {
            w.parts.push((s, StretchJudgment::default()));
        }
        if let Some(slot) = w.parts.get_mut(k) {
            slot.0 = s;
            w.ev.judge_into(pack, &w.fast.facts, s, &mut slot.1);
        }
        k += 1;
        match cuts.next() {
            Some(c) => start = *c,
            None => break,
        }
    }
    w.parts.truncate(k);
    summarize(pack, &w.parts, &mut w.sum);
    // The burden-of-proof view re-judges the case: the general path writes it.
    if ejson.is_some()
        && w.sum.unknowns.iter().any(|(f, _)| {
            pack.facts
                .get(usize::from(*f))
                .is_some_and(|d| d.burden.is_some())
        })
    {
        return false;
    }
    let startb = r.out.len();
    let id = line.get(w.fast.id.clone()).unwrap_or(&[]);
    let title = w.fast.title.clone().and_then(|t| line.get(t));
    jsonl::fields(
        &mut r.out,
        pack,
        pjson,
        id,
        title,
        &w.parts,
        &w.sum,
        &mut w.names,
    );
    if let Some(ej) = ejson {
        w.fast.columns(line, &mut w.cols);
        let places = FactPlaces {
            file: file_json.as_bytes(),
            line: line_no,
            cols: &w.cols,
        };
        jsonl_explain::given_facts(&mut r.out, pack, ej, &w.fast.facts, places, &mut w.reads);
        jsonl_explain::explanation(
            &mut r.out,
            pack,
            ej,
            &w.fast.facts,
            &w.reads,
            &mut w.ev,
            &w.parts,
            &mut w.stack,
        );
    }
    r.out.extend_from_slice(b"}\n");
    let id_start = r.ids.len();
    r.ids.extend_from_slice(id);
    r.records.push(Record {
        id: id_start..r.ids.len(),
        line: line_no,
        hash: ids::id_hash(id),
        same_case: false,
        start: startb,
        end: r.out.len(),
    });
    true
}

#[allow(clippy::too_many_arguments)]
fn general(
    lib: &Library,
    sink: &dyn Sink,
    as_of: Option<Date>,
    name: &str,
    first_line: u32,
    text: &[u8],
    format: Format,
    w: &mut Worker,
    r: &mut BlockOut,
) {
    let mut sources = SourceMap::new();
    let (id, read) = case::read_bytes(&mut sources, name, first_line, text.to_vec(), format);
    let mut diags: Vec<Diagnostic> = read.diagnostics;
    let n_read = read.cases.len();
    // Duplicate ids are checked in order by the writer, across the whole run.
    let (cases, errs) = bind_cases(lib, read.cases, as_of, &mut HashMap::new());
    diags.extend(errs);
    // Cases are counted, not errors: a case with two errors is one rejected.
    r.rejected += read.rejected + n_read.saturating_sub(cases.len());
    // At most MAX_ERRORS errors of a line of JSON Lines, or of a file, are shown.
    crate::diagnostic::cap(&mut diags, |n| {
        if format == Format::Jsonl {
            let more = crate::batch::Msg::MoreErrors {
                n,
                scope: crate::batch::Scope::Line,
            };
            Diagnostic::error(more, crate::source::Span::new(id, 0, 0))
        } else {
            let more = crate::batch::Msg::MoreErrors {
                n,
                scope: crate::batch::Scope::File,
            };
            Diagnostic::file_error(more, name)
        }
    });
    for d in &diags {
        r.report(d, &sources, crate::words::words(lib.lang));
    }
    for c in &cases {
        // Whether a verdict of this case is recorded already (its id is checked with the first).
        let mut recorded = false;
        // The case's verdicts, kept for their comparison when it has several.
        let compare = sink.compares() && c.bound.len() > 1;
        let mut kept: Vec<(Verdict, usize)> = Vec::new();
        for (i, bound) in &c.bound {
            let Some(pack) = lib.packs.get(*i) else {
                continue;
            };
            let v = crate::verdict::judge(
                pack,
                &c.case,
                bound,
                &mut w.ev,
                sink.explain().then_some(&sources),
            );
            let start = r.out.len();
            sink.verdict(&v, pack, &c.case, &mut r.out);
            let line = sources
                .locate(c.case.id.span)
                .map_or(first_line, |(_, lc)| lc.line);
            let id_start = r.ids.len();
            r.ids.extend_from_slice(c.case.id.text.as_bytes());
            r.records.push(Record {
                id: id_start..r.ids.len(),
                line,
                hash: ids::id_hash(c.case.id.text.as_bytes()),
                same_case: recorded,
                start,
                end: r.out.len(),
            });
            recorded = true;
            if compare {
                kept.push((v, *i));
            }
        }
        if compare {
            let items: Vec<(&Verdict, &crate::compile::pack::Pack)> = kept
                .iter()
                .filter_map(|(v, i)| lib.packs.get(*i).map(|p| (v, p)))
                .collect();
            sink.compare(&c.case, &items, &mut r.out);
            // The comparison is written with the case's last verdict.
            if let Some(last) = r.records.last_mut() {
                last.end = r.out.len();
            }
        }
    }
}

/// The most bytes of a line kept by [`jsonl_blocks`]: two past [`case::MAX_LINE_BYTES`], so
/// that a line longer than the limit is still longer once a `\r` before its line break is cut.
const KEPT_OF_LONG_LINE: usize = case::MAX_LINE_BYTES + 2;

/// Reads on to the end of the line `text` begins (`text` holds no line break), keeping at most
/// `keep` bytes of the line in `text` and skipping the rest, then its line break, so that lines
/// are still counted; `false` when the input ends first. Memory stays that of the reader's
/// buffer and `keep`, however long the line.
fn rest_of_line(reader: &mut impl BufRead, text: &mut Vec<u8>, keep: usize) -> io::Result<bool> {
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(false);
        }
        let (part, used, ended) = match memchr::memchr(b'\n', buf) {
            Some(p) => (buf.get(..p).unwrap_or(&[]), p + 1, true),
            None => (buf, buf.len(), false),
        };
        let room = keep.saturating_sub(text.len()).min(part.len());
        text.extend_from_slice(part.get(..room).unwrap_or(&[]));
        reader.consume(used);
        if ended {
            text.push(b'\n');
            return Ok(true);
        }
    }
}

/// Cuts a JSON Lines reader into blocks of whole lines. `block_bytes` bounds a block (a longer
/// line makes a longer block, up to [`case::MAX_LINE_BYTES`]; of a line longer still only the
/// first bytes are kept, enough to refuse it at its line): smaller blocks keep memory low when
/// verdicts are large. A
/// reader that holds no case (nothing but blank lines) ends with one empty block, which is
/// warned of as a file of no case.
pub fn jsonl_blocks<R: Read + 'static>(
    name: Arc<str>,
    reader: R,
    size: BlockSize,
) -> impl Iterator<Item = Result<Block, ReadError>> {
    let mut reader = io::BufReader::with_capacity(size.most(), reader);
    let mut carry: Vec<u8> = Vec::new();
    let mut line = 1u32;
    let mut done = false;
    // Whether a line that is not blank has been read; once the input ends without one, the
    // empty block that says so has been given.
    let mut content = false;
    let mut said_empty = false;
    let failed = {
        let name = name.clone();
        move |error: io::Error| ReadError {
            name: name.clone(),
            error,
        }
    };
    // A byte order mark at the start of the file is dropped (see `crate::source::decode`).
    let mut at_start = true;
    std::iter::from_fn(move || {
        if done {
            if !content && !said_empty {
                said_empty = true;
                return Some(Ok(Block {
                    name: name.clone(),
                    format: Format::Jsonl,
                    first_line: 1,
                    text: Vec::new(),
                    size: None,
                }));
            }
            return None;
        }
        let block_bytes = size.bytes();
        let mut text = spare_text();
        text.extend_from_slice(&carry);
        carry.clear();
        text.reserve(block_bytes);
        // Read straight into the block's spare room.
        while text.len() < block_bytes {
            let want = u64::try_from(block_bytes - text.len()).unwrap_or(0);
            match (&mut reader).take(want).read_to_end(&mut text) {
                Ok(0) => {
                    done = true;
                    break;
                }
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    done = true;
                    // An unreadable input is reported as such, not as one of no case.
                    said_empty = true;
                    return Some(Err(failed(e)));
                }
            }
        }
        if !done {
            // Keep the partial last line for the next block.
            match memchr::memrchr(b'\n', &text) {
                Some(p) => {
                    carry.extend_from_slice(text.get(p + 1..).unwrap_or(&[]));
                    text.truncate(p + 1);
                }
                None => {
                    // A line longer than a block: read on to its end, keeping no more of it
                    // than a little past the limit (it is refused by its length).
                    match rest_of_line(&mut reader, &mut text, KEPT_OF_LONG_LINE) {
                        Ok(true) => {}
                        Ok(false) => done = true,
                        Err(e) => {
                            done = true;
                            said_empty = true;
                            return Some(Err(failed(e)));
                        }
                    }
                }
            }
        }
        if std::mem::take(&mut at_start) && text.starts_with(crate::source::BOM) {
            text.drain(..crate::source::BOM.len());
        }
        if text.is_empty() {
            recycle_text(text);
            done = true;
            // Once more: the empty block, if no line held a case.
            return if !content && !said_empty {
                said_empty = true;
                Some(Ok(Block {
                    name: name.clone(),
                    format: Format::Jsonl,
                    first_line: 1,
                    text: Vec::new(),
                    size: None,
                }))
            } else {
                None
            };
        }
        content = content || text.iter().any(|b| !b.is_ascii_whitespace());
        let first_line = line;
        line += u32::try_from(memchr::memchr_iter(b'\n', &text).count()).unwrap_or(0);
        Some(Ok(Block {
            name: name.clone(),
            format: Format::Jsonl,
            first_line,
            text,
            size: Some(size.clone()),
        }))
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// Of a line longer than the limit, the blocks keep a little more than the limit and skip
    /// the rest; the lines after it keep their numbers.
    #[test]
    fn a_line_past_the_limit_is_cut_and_the_next_lines_keep_their_numbers() {
        let long = "x".repeat(3 * case::MAX_LINE_BYTES);
        let text = format!("a\n{long}\nb\nc");
        let blocks: Vec<Block> = jsonl_blocks(
            Arc::from("t"),
            std::io::Cursor::new(text),
            BlockSize::fixed(1024),
        )
        .map(Result::unwrap)
        .collect();
        let mut lines: Vec<(u32, usize)> = Vec::new();
        for b in &blocks {
            for (n, l) in (b.first_line..).zip(b.text.split_inclusive(|c| *c == b'\n')) {
                lines.push((n, l.len()));
            }
        }
        let at = |n: u32| lines.iter().find(|l| l.0 == n).map(|l| l.1);
        assert_eq!(at(1), Some(2));
        // The long line: the limit and two bytes, and its line break.
        assert_eq!(at(2), Some(KEPT_OF_LONG_LINE + 1));
        assert_eq!(at(3), Some(2));
        assert_eq!(at(4), Some(1));
        for b in blocks {
            recycle_text(b.text);
        }
    }

    #[test]
    fn the_rest_of_a_line_is_read_to_its_break_keeping_at_most_what_is_asked() {
        let mut r = io::BufReader::with_capacity(4, std::io::Cursor::new(b"bcdefgh\nij".to_vec()));
        let mut text = b"a".to_vec();
        assert!(rest_of_line(&mut r, &mut text, 3).unwrap());
        assert_eq!(text, b"abc\n");
        // The next line is where it was; the input ends without a line break.
        let mut text = Vec::new();
        assert!(!rest_of_line(&mut r, &mut text, 10).unwrap());
        assert_eq!(text, b"ij");
    }

    /// Blocks hold whole lines, in order, each numbered from its first line, whatever the
    /// lengths of the lines (one longer than a block; none ending the text).
    /// The block size follows the verdicts: a block whose verdicts are a hundred times its
    /// lines makes the next blocks small, one whose verdicts are small lets them grow back, never
    /// past the most given nor below a few KiB.
    #[test]
    fn block_size_keeps_a_blocks_verdicts_near_their_target() {
        let size = BlockSize::new(BLOCK_BYTES);
        assert_eq!(size.bytes(), FIRST_BLOCK_BYTES);
        size.fit(60_000, 6_000_000);
        assert_eq!(size.bytes(), BLOCK_OUTPUT_BYTES / 100);
        size.fit(40_000, 40_000);
        assert_eq!(size.bytes(), BLOCK_BYTES);
        size.fit(1_000, 1_000_000_000);
        assert_eq!(size.bytes(), LEAST_BLOCK_BYTES);
        size.fit(0, 5);
        assert_eq!(size.bytes(), LEAST_BLOCK_BYTES);
        let fixed = BlockSize::fixed(2048);
        fixed.fit(10, 10_000_000);
        assert_eq!(fixed.bytes(), 2048);
    }

    /// Blocks cut by a shrinking size still hold whole lines, numbered on.
    #[test]
    fn blocks_cut_smaller_keep_whole_lines() {
        let text: String = (0..2000)
            .map(|i| format!("{{\"id\":\"c{i}\"}}\n"))
            .collect();
        let size = BlockSize::new(1 << 14);
        let mut lines = 0u32;
        let mut expect_first = 1u32;
        for b in jsonl_blocks(Arc::from("t"), std::io::Cursor::new(text), size.clone()) {
            let b = b.unwrap();
            assert_eq!(b.first_line, expect_first);
            assert!(b.text.ends_with(b"\n"));
            let n = u32::try_from(memchr::memchr_iter(b'\n', &b.text).count()).unwrap();
            expect_first += n;
            lines += n;
            // As if every verdict were 500 times its line.
            size.fit(b.text.len(), b.text.len() * 500);
        }
        assert_eq!(lines, 2000);
        assert_eq!(size.bytes(), BLOCK_OUTPUT_BYTES / 500);
    }

    #[test]
    fn blocks_cut_at_line_ends_and_number_their_lines() {
        let mut text = String::new();
        for i in 0..500 {
            let len = if i == 137 { 5000 } else { i % 97 };
            text.push_str(&format!("{i}:{}\n", "x".repeat(len)));
        }
        text.push_str("last line without its break");
        for _ in 0..2 {
            // Twice: the second run reuses buffers handed back by the first.
            let blocks: Vec<Block> = jsonl_blocks(
                Arc::from("t"),
                std::io::Cursor::new(text.clone()),
                BlockSize::fixed(1024),
            )
            .map(Result::unwrap)
            .collect();
            assert!(blocks.len() > 10);
            let mut line = 1;
            let mut joined = Vec::new();
            for b in &blocks {
                assert_eq!(b.first_line, line);
                let body = String::from_utf8(b.text.clone()).unwrap();
                assert!(body.starts_with(&format!("{}:", line - 1)), "{body}");
                line += u32::try_from(body.matches('\n').count()).unwrap();
                joined.extend_from_slice(&b.text);
            }
            assert_eq!(joined, text.as_bytes());
            for b in blocks {
                recycle_text(b.text);
            }
        }
    }
}
