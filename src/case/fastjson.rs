//! A fast reader for the common JSON Lines case: one line parsed straight into a pack's fact
//! slots, without building a tree. It accepts only plain input (the keys `id`, `under`, `title`,
//! `date`, `period`, `facts`; strings without escapes; each fact once). Anything else, valid or
//! not, makes it decline, and the caller reads the line with the general reader, which gives the
//! same result or a precise error.
//!
//! It reads a line in one pass: each fact's value is parsed against the fact's type as soon as
//! its name is known (unless `facts` comes before `under`; then the values wait for the pack).
//! Names are found by a predictor (the order of the previous lines) before any hashing.

use crate::compile::pack::{Country, FactType, Pack, Val};
use crate::date::Date;
use std::ops::Range;

/// An empty entry of the successor table.
const NONE: u16 = u16::MAX;

/// The value start of a fact the line did not give.
const NOT_GIVEN: usize = usize::MAX;

/// The reader declines a line that gives a fact of this slot or above (as it always has).
const MAX_SLOTS: usize = 128;

/// How many successors the predictor tries before it hashes: 4 skips up to 3 facts in a row
/// that the line omits.
const HOPS: usize = 4;

/// A case read by the fast reader; buffers are reused from line to line.
#[derive(Debug, Default, Clone)]
pub struct FastCase {
    /// Byte range of the id in the line.
    pub id: Range<usize>,
    /// Byte range of the pack id in the line.
    pub under: Range<usize>,
    /// Byte range of the title, if any.
    pub title: Option<Range<usize>>,
    /// First day judged.
    pub from: Date,
    /// Last day judged.
    pub to: Date,
    /// Fact slots.
    pub facts: Vec<Val>,
    /// Where each fact's value starts in the line, by slot; [`NOT_GIVEN`] for the facts the
    /// line did not give. Also how a fact given twice is caught.
    starts: Vec<usize>,
    /// Facts read before the pack was known (`facts` before `under`): the name's range and the
    /// value's range, parsed once the pack is known.
    pending: Vec<(Range<usize>, Range<usize>)>,
    /// The successor table of the predictor: `next[0]` is the slot that came first in the
    /// `facts` of an earlier line, `next[s + 1]` the slot that followed slot `s`. Cases of one
    /// file usually list their facts in one order, omitting some: the name at hand is checked
    /// against `next[prev]`, then, to skip omitted facts, against its successors, and hashed
    /// only when none matches. Only a hash updates the table, so the chain keeps the facts that
    /// a line omitted and the next line that gives them finds them again.
    next: Vec<u16>,
    /// The last `date` read, as written and as a date.
    last_date: Option<([u8; 10], Date)>,
}

impl FastCase {
    /// The byte offset in the line where the value of fact `slot` starts (its first byte: `"`,
    /// `[`, a digit, `t`, `f` or `n`), or `None` when the line did not give that fact.
    /// Meaningful after [`read`] returned a pack for that line.
    pub fn value_start(&self, slot: usize) -> Option<usize> {
        self.starts.get(slot).copied().filter(|&at| at != NOT_GIVEN)
    }

    /// The 1-based column of each fact's value in `line`, by slot (0 when the line did not give
    /// the fact), where the general reader places it (a string at its text, a list at its first
    /// item) and counted in characters as [`crate::source::SourceMap`] counts them: the `at` of
    /// an explanation.
    pub fn columns(&self, line: &[u8], cols: &mut Vec<u32>) {
        cols.clear();
        cols.resize(self.starts.len(), 0);
        let ascii = line.is_ascii();
        for (slot, col) in cols.iter_mut().enumerate() {
            let Some(off) = self.value_start(slot) else {
                continue;
            };
            let off = value_place(line, off);
            let before = line.get(..off).unwrap_or(line);
            let chars = if ascii {
                before.len()
            } else {
                before.iter().filter(|b| (**b & 0xC0) != 0x80).count()
            };
            *col = u32::try_from(chars + 1).unwrap_or(u32::MAX);
        }
    }

    /// Readies the fact slots for `pack`: all unknown, none given.
    fn start<'p>(&mut self, pack: &'p Pack) -> &'p Pack {
        let n = pack.facts.len();
        // `fill` when the length is right (the usual case) is cheaper than `resize`.
        if self.facts.len() == n && self.starts.len() == n {
            self.facts.fill(Val::Unknown);
            self.starts.fill(NOT_GIVEN);
        } else {
            self.facts.clear();
            self.facts.resize(n, Val::Unknown);
            self.starts.clear();
            self.starts.resize(n, NOT_GIVEN);
        }
        if self.next.len() <= n {
            self.next.resize(n + 1, NONE);
        }
        pack
    }

    /// Records fact `slot`'s value, read at byte `at`; `None` if the line gave it already or
    /// the slot is [`MAX_SLOTS`] or more.
    fn give(&mut self, slot: usize, at: usize, v: Val) -> Option<()> {
        if slot >= MAX_SLOTS {
            return None;
        }
        let start = self.starts.get_mut(slot)?;
        if *start != NOT_GIVEN {
            return None;
        }
        *start = at;
        *self.facts.get_mut(slot)? = v;
        Some(())
    }
}

/// The length of the plain string content at the start of `s`: the offset of the first byte
/// that ends it (`"`) or that the fast reader refuses in a string (`\`, or a control byte below
/// 0x20); `s.len()` if there is none.
///
/// It looks at 8 bytes at a time (SWAR). For a word `x`, `(x - 0x01…01) & !x & 0x80…80` flags
/// the bytes that are zero, and `(x - 0x20…20) & !x & 0x80…80` those below 0x20; applied to
/// `x ^ 0x22…22` and `x ^ 0x5c…5c`, the first flags the quotes and backslashes. A borrow can
/// flag a byte above a flagged one by mistake, never one below, so the lowest flag (the
/// lowest byte, as the word is read little-endian) is exact.
fn plain_len(s: &[u8]) -> usize {
    const LO: u64 = u64::from_ne_bytes([0x01; 8]);
    const HI: u64 = u64::from_ne_bytes([0x80; 8]);
    const QUOTE: u64 = u64::from_ne_bytes([b'"'; 8]);
    const BACKSLASH: u64 = u64::from_ne_bytes([b'\\'; 8]);
    const SPACE: u64 = u64::from_ne_bytes([0x20; 8]);
    // Word by word while 8 bytes are left (a plain loop: short strings end in the first word or
    // two, where the set-up of `as_chunks` would cost more than it saves).
    let mut off = 0;
    while let Some(w) = s.get(off..).and_then(|r| r.first_chunk::<8>()) {
        let x = u64::from_le_bytes(*w);
        let q = x ^ QUOTE;
        let b = x ^ BACKSLASH;
        let hit =
            (q.wrapping_sub(LO) & !q | b.wrapping_sub(LO) & !b | x.wrapping_sub(SPACE) & !x) & HI;
        if hit != 0 {
            return off + (hit.trailing_zeros() / 8) as usize;
        }
        off += 8;
    }
    let tail = s.get(off..).unwrap_or_default();
    off + tail
        .iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
        .unwrap_or(tail.len())
}

/// `YYYY-MM-DD` as bytes; the same dates as [`Date::parse`] (only ASCII digits and dashes).
fn date(w: &[u8]) -> Option<Date> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *w else {
        return None;
    };
    let d = |c: u8| {
        let v = c.wrapping_sub(b'0');
        (v < 10).then_some(u32::from(v))
    };
    let y = ((d(y0)? * 10 + d(y1)?) * 10 + d(y2)?) * 10 + d(y3)?;
    Date::from_ymd(
        i32::try_from(y).ok()?,
        d(m0)? * 10 + d(m1)?,
        d(d0)? * 10 + d(d1)?,
    )
}

/// Whether `a` and `b` hold the same bytes. Inline, 8 bytes at a time: for names and enum
/// values (mostly 5 to 40 bytes) this is cheaper than a call to `memcmp`.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match (a.last_chunk::<8>(), b.last_chunk::<8>()) {
        (Some(la), Some(lb)) => {
            // The whole words, then the last 8 bytes (overlapping the last word, so that no
            // byte is left over).
            let mut d = u64::from_ne_bytes(*la) ^ u64::from_ne_bytes(*lb);
            for (x, y) in a.as_chunks::<8>().0.iter().zip(b.as_chunks::<8>().0) {
                d |= u64::from_ne_bytes(*x) ^ u64::from_ne_bytes(*y);
            }
            d == 0
        }
        _ => a.iter().zip(b).fold(0, |d, (x, y)| d | (x ^ y)) == 0,
    }
}

/// Whether `rest` (the bytes just past a string's opening quote) is the string `w`: its bytes,
/// then the closing quote.
///
/// Only for `w` without `"`, `\` or control bytes: fact names and enum and set values are
/// identifiers (the statute grammar's `ident`: ASCII letters, digits, `_`; packs are only built
/// from parsed statutes), as are the keys of a case. For such a `w` this is exactly what
/// scanning the plain string and comparing its content would find, without the scan: the same
/// match, and a string holding an escape, a control byte or anything else matches no `w`.
#[inline(always)]
fn is_word(rest: &[u8], w: &[u8]) -> bool {
    // The quote where `w` would end is a cheap first test; then the bytes.
    rest.get(w.len()) == Some(&b'"') && rest.get(..w.len()).is_some_and(|r| same(r, w))
}

/// Which of `values` (identifiers) is the string at the start of `rest` (see [`is_word`]), and
/// its length.
#[inline(always)]
fn word_of(values: &[String], rest: &[u8]) -> Option<(usize, usize)> {
    // A plain loop: `Iterator::find` here was left out of line, at twice the cost.
    for (i, v) in values.iter().enumerate() {
        if is_word(rest, v.as_bytes()) {
            return Some((i, v.len()));
        }
    }
    None
}

/// The slot whose name starts `rest` (the bytes just past a name's opening quote) according to
/// the successor table, starting at entry `prev`, and the name's length; `None` if the
/// [`HOPS`] candidates all differ.
#[inline(always)]
fn predict(next: &[u16], pack: &Pack, rest: &[u8], prev: usize) -> Option<(usize, usize)> {
    let mut at = prev;
    for _ in 0..HOPS {
        // An empty entry (`NONE`) names no fact, so `get` ends the search.
        let c = usize::from(*next.get(at)?);
        let name = pack.facts.get(c)?.name.as_bytes();
        if is_word(rest, name) {
            return Some((c, name.len()));
        }
        at = c + 1;
    }
    None
}

struct P<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> P<'a> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        // Compact JSON first: the byte itself, without the white-space loop.
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            return Some(());
        }
        self.ws();
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            Some(())
        } else {
            None
        }
    }

    /// After an item: `Some(true)` past a `,` (another item follows), `Some(false)` past the
    /// closing bracket, `None` for anything else.
    fn more(&mut self, close: u8) -> Option<bool> {
        // Compact JSON first, as in `eat`.
        if self.b.get(self.i) == Some(&b',') {
            self.i += 1;
            return Some(true);
        }
        match self.peek()? {
            b',' => {
                self.i += 1;
                Some(true)
            }
            c if c == close => {
                self.i += 1;
                Some(false)
            }
            _ => None,
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.i).copied()
    }

    /// The rest of the line.
    fn rest(&self) -> &'a [u8] {
        self.b.get(self.i..).unwrap_or_default()
    }

    /// A literal such as `true`.
    fn lit(&mut self, w: &[u8]) -> Option<()> {
        if self.rest().starts_with(w) {
            self.i += w.len();
            Some(())
        } else {
            None
        }
    }

    /// A string without escapes; returns its content's byte range.
    fn string(&mut self) -> Option<Range<usize>> {
        self.eat(b'"')?;
        self.string_rest()
    }

    /// The rest of a string whose opening quote is read; returns its content's byte range.
    fn string_rest(&mut self) -> Option<Range<usize>> {
        let start = self.i;
        let rest = self.rest();
        let n = plain_len(rest);
        if rest.get(n) != Some(&b'"') {
            return None;
        }
        self.i = start + n + 1;
        Some(start..start + n)
    }

    /// A date string whose opening quote is read, in place (its 10 bytes, then the closing
    /// quote: the date holds no byte that would end a plain string sooner). `last` keeps the
    /// last date read: the cases of a file mostly share their date, and comparing 10 bytes is
    /// cheaper than converting them.
    fn date_word(&mut self, last: &mut Option<([u8; 10], Date)>) -> Option<Date> {
        let rest = self.rest();
        if rest.get(10) != Some(&b'"') {
            return None;
        }
        let w = rest.first_chunk::<10>()?;
        let d = match last {
            Some((lw, ld)) if lw == w => *ld,
            _ => {
                let d = date(w)?;
                *last = Some((*w, d));
                d
            }
        };
        self.i += 11;
        Some(d)
    }

    /// A string's content, as bytes.
    fn word(&mut self) -> Option<&'a [u8]> {
        let r = self.string()?;
        self.b.get(r)
    }

    /// Skips any JSON value that a fact could hold (kept as a raw range until the pack is
    /// known); returns its range.
    fn skip(&mut self, depth: usize) -> Option<Range<usize>> {
        if depth > 4 {
            return None;
        }
        self.ws();
        let start = self.i;
        match self.b.get(self.i)? {
            b'"' => {
                self.string()?;
            }
            b'[' => {
                self.i += 1;
                if self.peek()? == b']' {
                    self.i += 1;
                } else {
                    loop {
                        self.skip(depth + 1)?;
                        if !self.more(b']')? {
                            break;
                        }
                    }
                }
            }
            b't' => self.lit(b"true")?,
            b'f' => self.lit(b"false")?,
            b'n' => self.lit(b"null")?,
            b'0'..=b'9' => {
                while self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
                    self.i += 1;
                }
                if matches!(self.b.get(self.i), Some(b'.' | b'e' | b'E')) {
                    return None;
                }
            }
            _ => return None,
        }
        Some(start..self.i)
    }

    /// A fact's value of type `ty`, at the current byte (white space skipped). `null` and
    /// `"unknown"` are unknown for every type; anything not of the type declines.
    #[inline(always)]
    fn fact(&mut self, ty: &FactType) -> Option<Val> {
        match *self.b.get(self.i)? {
            b'"' => {
                // Each type's words are matched in place (see `is_word`); a string that is
                // none of them declines, whatever it holds.
                let rest = self.b.get(self.i + 1..)?;
                let (v, len) = if is_word(rest, b"unknown") {
                    (Val::Unknown, 7)
                } else {
                    match ty {
                        FactType::Date => {
                            if rest.get(10) != Some(&b'"') {
                                return None;
                            }
                            (Val::Date(date(rest.get(..10)?)?), 10)
                        }
                        FactType::Country => match *rest {
                            [a, b, b'"', ..]
                                if a.is_ascii_uppercase() && b.is_ascii_uppercase() =>
                            {
                                (Val::Country(Country([a, b])), 2)
                            }
                            _ => return None,
                        },
                        FactType::Enum(values) => {
                            let (i, len) = word_of(values, rest)?;
                            (Val::Enum(u8::try_from(i).ok()?), len)
                        }
                        _ => return None,
                    }
                };
                // The quotes and the content.
                self.i += len + 2;
                Some(v)
            }
            b'n' => {
                self.lit(b"null")?;
                Some(Val::Unknown)
            }
            b't' => {
                self.lit(b"true")?;
                matches!(ty, FactType::Bool).then_some(Val::Bool(true))
            }
            b'f' => {
                self.lit(b"false")?;
                matches!(ty, FactType::Bool).then_some(Val::Bool(false))
            }
            b'0'..=b'9' => {
                if !matches!(ty, FactType::Number) {
                    return None;
                }
                // Digits only (leading zeros allowed, as `u64::from_str` does); a fraction or
                // exponent, or a value above u64::MAX, declines.
                let mut n = 0u64;
                while let Some(c) = self.b.get(self.i).filter(|c| c.is_ascii_digit()) {
                    n = n.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
                    self.i += 1;
                }
                if matches!(self.b.get(self.i), Some(b'.' | b'e' | b'E')) {
                    return None;
                }
                Some(Val::Number(n))
            }
            b'[' => {
                let FactType::Set(values) = ty else {
                    return None;
                };
                self.i += 1;
                let mut mask = 0u64;
                if self.peek()? == b']' {
                    self.i += 1;
                } else {
                    loop {
                        self.eat(b'"')?;
                        let rest = self.rest();
                        let (i, len) = word_of(values, rest)?;
                        self.i += len + 1;
                        mask |= 1u64.checked_shl(u32::try_from(i).ok()?)?;
                        if !self.more(b']')? {
                            break;
                        }
                    }
                }
                Some(Val::Set(mask))
            }
            _ => None,
        }
    }

    /// The members of a `facts` object whose `{` is read, straight into `out`'s slots.
    fn facts(&mut self, out: &mut FastCase, pack: &Pack) -> Option<()> {
        // The entry of the successor table to start from: 0 before the first fact, then
        // `slot + 1` after each.
        let mut prev = 0;
        // Past the most facts a case gives, the general reader says so (each fact is given
        // once, in a slot of the pack, so a line read here never comes near it).
        let mut given = 0usize;
        loop {
            given += 1;
            if given > crate::case::MAX_FACTS {
                return None;
            }
            self.eat(b'"')?;
            let slot = match predict(&out.next, pack, self.rest(), prev) {
                Some((slot, len)) => {
                    self.i += len + 1;
                    slot
                }
                None => {
                    let name = self.string_rest()?;
                    let name = std::str::from_utf8(self.b.get(name)?).ok()?;
                    let found = pack.fact(name)?;
                    if let Some(e) = out.next.get_mut(prev) {
                        *e = found;
                    }
                    usize::from(found)
                }
            };
            self.eat(b':')?;
            self.ws();
            let at = self.i;
            let v = self.fact(&pack.facts.get(slot)?.ty)?;
            out.give(slot, at, v)?;
            prev = slot + 1;
            if !self.more(b'}')? {
                return Some(());
            }
        }
    }
}

/// The keys of a case line.
enum Key {
    Id,
    Under,
    Title,
    Date,
    Period,
    Facts,
}

/// Where the general reader places a value that starts at `off` (see
/// [`crate::case::locate`]): a string at its text, inside the quotes; a list at its first item's
/// text, or at its key's name when it is empty; anything else where it starts.
fn value_place(line: &[u8], off: usize) -> usize {
    match line.get(off) {
        Some(b'"') => off + 1,
        Some(b'[') => {
            let rest = line.get(off + 1..).unwrap_or(&[]);
            match rest.iter().position(|c| !c.is_ascii_whitespace()) {
                Some(p) if rest.get(p) == Some(&b'"') => off + p + 2,
                Some(p) if rest.get(p) != Some(&b']') => off + p + 1,
                _ => key_place(line, off),
            }
        }
        _ => off,
    }
}

/// The start of the name of the key whose value starts at `off` (inside its quotes).
fn key_place(line: &[u8], off: usize) -> usize {
    let before = line.get(..off).unwrap_or(&[]).trim_ascii_end();
    let before = before.strip_suffix(b":").unwrap_or(before).trim_ascii_end();
    let before = before.strip_suffix(b"\"").unwrap_or(before);
    memchr::memrchr(b'"', before).map_or(off, |q| q + 1)
}

/// Reads `line` into `out`. Returns `None` when the line is not plain enough (then read it with
/// the general reader). `pack_of` finds the pack for the `under` value.
pub fn read<'p>(
    line: &[u8],
    out: &mut FastCase,
    pack_of: impl Fn(&[u8]) -> Option<&'p Pack>,
) -> Option<&'p Pack> {
    let mut p = P { b: line, i: 0 };
    let mut id = None;
    let mut under: Option<Range<usize>> = None;
    let mut title = None;
    let mut facts_seen = false;
    let mut when: Option<(Date, Date)> = None;
    // The pack, once `under` is read and `facts` needs it (or at the end).
    let mut pack: Option<&'p Pack> = None;
    out.pending.clear();
    p.eat(b'{')?;
    if p.peek()? == b'}' {
        return None;
    }
    loop {
        p.eat(b'"')?;
        let rest = p.rest();
        // The keys are words (see `is_word`): the first byte says which one it must be.
        let (key, word): (Key, &[u8]) = match rest.first()? {
            b'i' => (Key::Id, b"id"),
            b'u' => (Key::Under, b"under"),
            b't' => (Key::Title, b"title"),
            b'd' => (Key::Date, b"date"),
            b'p' => (Key::Period, b"period"),
            b'f' => (Key::Facts, b"facts"),
            _ => return None,
        };
        if !is_word(rest, word) {
            return None;
        }
        p.i += word.len() + 1;
        p.eat(b':')?;
        match key {
            Key::Id => {
                if id.is_some() {
                    return None;
                }
                id = Some(p.string()?);
            }
            Key::Under => {
                if under.is_some() {
                    return None;
                }
                under = Some(p.string()?);
            }
            // A key given twice: the general reader says what it makes of it.
            Key::Title if title.is_some() => return None,
            Key::Title => title = Some(p.string()?),
            Key::Date => {
                if when.is_some() {
                    return None;
                }
                p.eat(b'"')?;
                let d = p.date_word(&mut out.last_date)?;
                when = Some((d, d));
            }
            Key::Period => {
                if when.is_some() {
                    return None;
                }
                p.eat(b'{')?;
                let (mut from, mut to) = (None, None);
                loop {
                    let k = p.string()?;
                    p.eat(b':')?;
                    let v = date(p.word()?)?;
                    match line.get(k)? {
                        b"from" if from.is_none() => from = Some(v),
                        b"to" if to.is_none() => to = Some(v),
                        _ => return None,
                    }
                    if !p.more(b'}')? {
                        break;
                    }
                }
                let (from, to) = (from?, to?);
                if to < from {
                    return None;
                }
                when = Some((from, to));
            }
            Key::Facts if facts_seen => return None,
            Key::Facts => {
                facts_seen = true;
                if pack.is_none()
                    && let Some(u) = &under
                {
                    pack = Some(out.start(pack_of(line.get(u.clone())?)?));
                }
                p.eat(b'{')?;
                if p.peek()? == b'}' {
                    p.i += 1;
                } else if let Some(pack) = pack {
                    p.facts(out, pack)?;
                } else {
                    loop {
                        let name = p.string()?;
                        p.eat(b':')?;
                        let value = p.skip(0)?;
                        out.pending.push((name, value));
                        // Past the most facts a case gives: the general reader says so.
                        if out.pending.len() > crate::case::MAX_FACTS {
                            return None;
                        }
                        if !p.more(b'}')? {
                            break;
                        }
                    }
                }
            }
        }
        if !p.more(b'}')? {
            break;
        }
    }
    p.ws();
    if p.i != line.len() {
        return None;
    }
    let (id, under, (from, to)) = (id?, under?, when?);
    let idb = line.get(id.clone())?;
    if idb.is_empty()
        || idb.first() == Some(&b'-')
        || !idb
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
    {
        return None;
    }
    let pack = match pack {
        Some(pack) => pack,
        None => out.start(pack_of(line.get(under.clone())?)?),
    };
    // Facts that came before `under`: their names and values now that the pack is known.
    let pending = std::mem::take(&mut out.pending);
    for (name, value) in &pending {
        let slot = usize::from(pack.fact(std::str::from_utf8(line.get(name.clone())?).ok()?)?);
        let mut q = P {
            b: line,
            i: value.start,
        };
        let v = q.fact(&pack.facts.get(slot)?.ty)?;
        if q.i != value.end {
            return None;
        }
        out.give(slot, value.start, v)?;
    }
    out.pending = pending;
    out.id = id;
    out.under = under;
    out.title = title;
    out.from = from;
    out.to = to;
    Some(pack)
}

#[cfg(test)]
mod tests {
    use super::{FastCase, read};
    use crate::compile::pack::{Country, Pack, Val};
    use crate::date::Date;
    use crate::library::{Library, PackFiles};

    /// A pack whose fact names include prefixes of one another (`consent`, `consent_abroad`).
    const PACK: &str = r#"pack t "Test pack"

fact consent : bool
  ask "Consent?"
fact consent_abroad : enum {none, valid_separate, bundled}
  ask "Consent abroad?"
fact count : number
  ask "How many?"
fact since : date
  ask "Since when?"
fact country : country
  ask "Where?"
fact kinds : set {ordinary, credit, sensitive}
  ask "Which kinds?"
fact cons : bool
  ask "Cons?"

classify classification "Test weighing"
  cite "none"
  sides provision, outsourcing
  factor f toward provision weight 1
    when consent and consent_abroad = none and count > 1 and since > 2020-01-01 and country = KR and kinds contains credit and cons
    because "test"
"#;

    fn library() -> Library {
        let lib = Library::load(vec![PackFiles {
            folder: "t".into(),
            files: vec![("t.law".into(), PACK.into())],
            not_utf8: Vec::new(),
        }]);
        assert_eq!(lib.packs.len(), 1, "{:?}", lib.diagnostics);
        lib
    }

    fn slot(pack: &Pack, name: &str) -> usize {
        pack.fact(name).map_or(usize::MAX, usize::from)
    }

    /// Reads `line`; the fact values by name, or `None` if the reader declines.
    fn facts(lib: &Library, fast: &mut FastCase, line: &str) -> Option<Vec<(String, Val)>> {
        let pack = read(line.as_bytes(), fast, |u| {
            lib.packs.iter().find(|p| p.id.as_bytes() == u)
        })?;
        Some(
            pack.facts
                .iter()
                .zip(&fast.facts)
                .map(|(f, v)| (f.name.clone(), *v))
                .collect(),
        )
    }

    fn val(v: &Option<Vec<(String, Val)>>, name: &str) -> Option<Val> {
        v.as_ref()?.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }

    const HEAD: &str = r#"{"id":"c1","under":"t","date":"2024-01-01","facts":"#;

    #[test]
    fn reads_every_type_and_where_values_start() {
        let lib = library();
        let Some(pack) = lib.packs.first() else {
            return;
        };
        let mut fast = FastCase::default();
        let line = format!(
            r#"{HEAD}{{"consent":true,"consent_abroad":"bundled","count":12,"since":"2021-03-04","country":"KR","kinds":["credit", "ordinary"],"cons":null}}}}"#
        );
        let v = facts(&lib, &mut fast, &line);
        assert_eq!(val(&v, "consent"), Some(Val::Bool(true)));
        assert_eq!(val(&v, "consent_abroad"), Some(Val::Enum(2)));
        assert_eq!(val(&v, "count"), Some(Val::Number(12)));
        assert_eq!(val(&v, "since"), Date::parse("2021-03-04").map(Val::Date));
        assert_eq!(val(&v, "country"), Some(Val::Country(Country(*b"KR"))));
        assert_eq!(val(&v, "kinds"), Some(Val::Set(0b011)));
        assert_eq!(val(&v, "cons"), Some(Val::Unknown));
        assert_eq!(fast.from, Date::parse("2024-01-01").unwrap_or_default());
        assert_eq!(line.get(fast.id.clone()), Some("c1"));
        // Value offsets: where each value's first byte is, none for a fact not given.
        for (name, text) in [
            ("consent", "true"),
            ("consent_abroad", "\"bundled\""),
            ("count", "12"),
            ("kinds", "[\"credit\""),
            ("cons", "null"),
        ] {
            let at = fast.value_start(slot(pack, name));
            assert_eq!(
                at.and_then(|at| line.get(at..at + text.len())),
                Some(text),
                "{name}"
            );
        }
        let line = format!(r#"{HEAD}{{"count":3}}}}"#);
        assert!(facts(&lib, &mut fast, &line).is_some());
        assert_eq!(fast.value_start(slot(pack, "consent")), None);
        assert_eq!(fast.value_start(slot(pack, "count")), line.find('3'));
        assert_eq!(fast.value_start(999), None);
    }

    #[test]
    fn predictor_follows_order_changes_omissions_and_prefixes() {
        let lib = library();
        let mut fast = FastCase::default();
        // The same facts in several orders and with some omitted, read one after the other by
        // one `FastCase`, must each read as a fresh `FastCase` reads them.
        let lines = [
            r#"{"consent":true,"consent_abroad":"none","cons":false,"count":1}"#,
            r#"{"consent":false,"consent_abroad":"valid_separate","cons":true,"count":2}"#,
            r#"{"consent_abroad":"none","cons":true,"count":3}"#,
            r#"{"consent":true,"count":4}"#,
            r#"{"cons":true,"consent":false,"count":5,"consent_abroad":"bundled"}"#,
            r#"{"count":6,"consent_abroad":"none","consent":true,"cons":false}"#,
            r#"{"consent":true,"consent_abroad":"none","cons":false,"count":7}"#,
            r#"{"cons":true}"#,
            r#"{"consent":true}"#,
            r#"{"consent_abroad":"bundled"}"#,
            r#"{"consent":true,"kinds":[],"since":"unknown","country":"FR","cons":true,"count":8}"#,
            r#"{"consent":true,"consent_abroad":"none","cons":false,"count":9}"#,
        ];
        for facts_json in lines.iter().chain(lines.iter().rev()) {
            let line = format!("{HEAD}{facts_json}}}");
            let warm = facts(&lib, &mut fast, &line);
            let cold = facts(&lib, &mut FastCase::default(), &line);
            assert!(warm.is_some(), "{line}");
            assert_eq!(warm, cold, "{line}");
        }
        let line = format!(r#"{HEAD}{{"cons":true,"consent":false}}}}"#);
        let v = facts(&lib, &mut fast, &line);
        assert_eq!(val(&v, "cons"), Some(Val::Bool(true)));
        assert_eq!(val(&v, "consent"), Some(Val::Bool(false)));
        assert_eq!(val(&v, "consent_abroad"), Some(Val::Unknown));
    }

    #[test]
    fn facts_before_under_wait_for_the_pack() {
        let lib = library();
        let mut fast = FastCase::default();
        let line = r#"{"facts":{"consent":true,"kinds":["sensitive"]},"id":"c2","date":"2024-01-01","under":"t"}"#;
        let v = facts(&lib, &mut fast, line);
        assert_eq!(val(&v, "consent"), Some(Val::Bool(true)));
        assert_eq!(val(&v, "kinds"), Some(Val::Set(0b100)));
        let at = lib
            .packs
            .first()
            .and_then(|p| fast.value_start(slot(p, "kinds")));
        assert_eq!(at, line.find('['));
        // Declines there as it does in place.
        for bad in [
            r#"{"facts":{"consent":1},"id":"c2","date":"2024-01-01","under":"t"}"#,
            r#"{"facts":{"consent":true,"consent":true},"id":"c2","date":"2024-01-01","under":"t"}"#,
            r#"{"facts":{"nope":true},"id":"c2","date":"2024-01-01","under":"t"}"#,
            r#"{"facts":{"kinds":[["credit"]]},"id":"c2","date":"2024-01-01","under":"t"}"#,
        ] {
            assert_eq!(facts(&lib, &mut fast, bad), None, "{bad}");
        }
    }

    #[test]
    fn declines_what_is_not_plain() {
        let lib = library();
        let mut fast = FastCase::default();
        // Warm the predictor first, so that declining does not depend on a cold start.
        let good = format!(r#"{HEAD}{{"consent":true,"consent_abroad":"none","count":1}}}}"#);
        assert!(facts(&lib, &mut fast, &good).is_some());
        let bad_facts = [
            r#"{"consent":true,"consent":false}"#,
            r#"{"cons\u0065nt":true}"#,
            r#"{"consent\"":true}"#,
            r#"{"consent_abroad":"no\ne"}"#,
            "{\"consent_abroad\":\"no\u{1}ne\"}",
            "{\"consent\u{1}\":true}",
            r#"{"consent_abroad":"non"}"#,
            r#"{"consent_abroad":"none "}"#,
            r#"{"consent_abroad":"None"}"#,
            r#"{"consent_abroad":none}"#,
            r#"{"consent":"true"}"#,
            r#"{"consent":truex}"#,
            r#"{"consent":tru}"#,
            r#"{"count":1.5}"#,
            r#"{"count":1e3}"#,
            r#"{"count":-1}"#,
            r#"{"count":18446744073709551616}"#,
            r#"{"count":"1"}"#,
            r#"{"since":"2021-02-30"}"#,
            r#"{"since":"2021-2-3"}"#,
            r#"{"since":"2021-02-03 "}"#,
            r#"{"country":"kr"}"#,
            r#"{"country":"KOR"}"#,
            r#"{"kinds":["credit",]}"#,
            r#"{"kinds":["credit,ordinary"]}"#,
            r#"{"kinds":["unknown"]}"#,
            r#"{"kinds":"credit"}"#,
            r#"{"kinds":[null]}"#,
            r#"{"con":true}"#,
            r#"{"consent_":true}"#,
            r#"{"consent":true,}"#,
            r#"{"consent":{}}"#,
        ];
        for f in bad_facts {
            let line = format!("{HEAD}{f}}}");
            assert_eq!(facts(&lib, &mut fast, &line), None, "{line}");
        }
        let bad_lines = [
            r#"{}"#,
            r#"{"id":"c1","under":"t","date":"2024-01-01"} x"#,
            r#"{"id":"c1","under":"t","date":"2024-01-01","id":"c2"}"#,
            r#"{"id":"c1","under":"t","date":"2024-01-01","other":1}"#,
            r#"{"id":"c1","under":"t","date":"2024-01-01","ids":"c1"}"#,
            r#"{"i\u0064":"c1","under":"t","date":"2024-01-01"}"#,
            r#"{"id":"C1","under":"t","date":"2024-01-01"}"#,
            r#"{"id":"-c1","under":"t","date":"2024-01-01"}"#,
            r#"{"id":"cé","under":"t","date":"2024-01-01"}"#,
            r#"{"id":"c1","under":"u","date":"2024-01-01"}"#,
            r#"{"id":"c1","under":"t"}"#,
            r#"{"id":"c1","under":"t","date":"2024-01-01","period":{"from":"2024-01-01","to":"2024-02-01"}}"#,
            r#"{"id":"c1","under":"t","period":{"from":"2024-03-01","to":"2024-02-01"}}"#,
            r#"{"id":"c1","under":"t","period":{"from":"2024-01-01"}}"#,
            r#"{"id":"c1","under":"t","date":"2024-01-01","title":"a\tb"}"#,
            r#"{"id":"c1","under":"t","date":"2024-01-01","facts":{"consent":true}"#,
            r#"{"id":"c1","under":"t","date":"2024-01-01","title":"a","title":"b"}"#,
            r#"{"id":"c1","under":"t","date":"2024-01-01","facts":{"consent":true},"facts":{}}"#,
        ];
        for line in bad_lines {
            assert_eq!(facts(&lib, &mut fast, line), None, "{line}");
        }
        // Plain but not compact: accepted, with the same values.
        let spaced = " { \"id\" : \"c1\" ,\t\"under\":\"t\" , \"date\" : \"2024-01-01\", \"title\": \"T é\", \"facts\" : { \"consent\" : true , \"kinds\" : [ \"credit\" , \"sensitive\" ] } }\r\n";
        let v = facts(&lib, &mut fast, spaced);
        assert_eq!(val(&v, "consent"), Some(Val::Bool(true)));
        assert_eq!(val(&v, "kinds"), Some(Val::Set(0b110)));
        assert_eq!(fast.title.clone().and_then(|t| spaced.get(t)), Some("T é"));
    }
}
