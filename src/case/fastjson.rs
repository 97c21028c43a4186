//! A fast reader for the common JSON Lines case: one line parsed straight into a pack's fact
//! slots, without building a tree. It accepts only plain input (the keys `id`, `under`, `title`,
//! `date`, `period`, `facts`; strings without escapes; each fact once). Anything else, valid or
//! not, makes it decline, and the caller reads the line with the general reader, which gives the
//! same result or a precise error.

use crate::compile::pack::{Country, FactType, Pack, Val};
use crate::date::Date;
use std::ops::Range;

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
    raw: Vec<(Range<usize>, Range<usize>)>,
    /// The slot the k-th fact of the previous line named: cases of one file usually list
    /// their facts in the same order, so the name is checked against it before any hashing.
    order: Vec<u16>,
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

    /// A string without escapes; returns its content's byte range.
    fn string(&mut self) -> Option<Range<usize>> {
        self.eat(b'"')?;
        let start = self.i;
        loop {
            match self.b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(start..self.i - 1);
                }
                b'\\' => return None,
                c if *c < 0x20 => return None,
                _ => self.i += 1,
            }
        }
    }

    /// Skips any JSON value (used for fact values, kept as raw ranges); returns its range.
    fn value(&mut self, depth: usize) -> Option<Range<usize>> {
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
                        self.value(depth + 1)?;
                        if !self.more(b']')? {
                            break;
                        }
                    }
                }
            }
            b't' if self.b.get(self.i..self.i + 4) == Some(b"true") => self.i += 4,
            b'f' if self.b.get(self.i..self.i + 5) == Some(b"false") => self.i += 5,
            b'n' if self.b.get(self.i..self.i + 4) == Some(b"null") => self.i += 4,
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
}

fn date(b: &[u8], r: &Range<usize>) -> Option<Date> {
    Date::parse(std::str::from_utf8(b.get(r.clone())?).ok()?)
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
    let mut under = None;
    let mut title = None;
    let mut when: Option<(Date, Date)> = None;
    out.raw.clear();
    p.eat(b'{')?;
    if p.peek()? == b'}' {
        return None;
    }
    loop {
        let key = p.string()?;
        p.eat(b':')?;
        match line.get(key)? {
            b"id" => {
                if id.is_some() {
                    return None;
                }
                id = Some(p.string()?);
            }
            b"under" => {
                if under.is_some() {
                    return None;
                }
                under = Some(p.string()?);
            }
            b"title" => title = Some(p.string()?),
            b"date" => {
                if when.is_some() {
                    return None;
                }
                let d = date(line, &p.string()?)?;
                when = Some((d, d));
            }
            b"period" => {
                if when.is_some() {
                    return None;
                }
                p.eat(b'{')?;
                let (mut from, mut to) = (None, None);
                loop {
                    let k = p.string()?;
                    p.eat(b':')?;
                    let v = date(line, &p.string()?)?;
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
            b"facts" => {
                p.eat(b'{')?;
                if p.peek()? == b'}' {
                    p.i += 1;
                } else {
                    loop {
                        let name = p.string()?;
                        p.eat(b':')?;
                        let value = p.value(0)?;
                        out.raw.push((name, value));
                        if !p.more(b'}')? {
                            break;
                        }
                    }
                }
            }
            _ => return None,
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
    let pack = pack_of(line.get(under.clone())?)?;
    out.facts.clear();
    out.facts.resize(pack.facts.len(), Val::Unknown);
    let mut seen = 0u128;
    for (k, (name, value)) in out.raw.iter().enumerate() {
        let name = line.get(name.clone())?;
        let guess = out.order.get(k).copied().filter(|g| {
            pack.facts
                .get(usize::from(*g))
                .is_some_and(|f| f.name.as_bytes() == name)
        });
        let slot = match guess {
            Some(g) => usize::from(g),
            None => {
                let found = pack.fact(std::str::from_utf8(name).ok()?)?;
                if let Some(o) = out.order.get_mut(k) {
                    *o = found;
                } else {
                    out.order.push(found);
                }
                usize::from(found)
            }
        };
        if slot >= 128 || seen & (1u128 << slot) != 0 {
            return None;
        }
        seen |= 1u128 << slot;
        let ty = &pack.facts.get(slot)?.ty;
        let v = fact_value(line, value, ty)?;
        *out.facts.get_mut(slot)? = v;
    }
    out.id = id;
    out.under = under;
    out.title = title;
    out.from = from;
    out.to = to;
    Some(pack)
}

fn word<'b>(line: &'b [u8], r: &Range<usize>) -> Option<&'b [u8]> {
    // A JSON string value's content (quotes stripped; the reader refused escapes).
    let s = line.get(r.clone())?;
    s.strip_prefix(b"\"")?.strip_suffix(b"\"")
}

fn fact_value(line: &[u8], r: &Range<usize>, ty: &FactType) -> Option<Val> {
    let raw = line.get(r.clone())?;
    if raw == b"null" || raw == b"\"unknown\"" {
        return Some(Val::Unknown);
    }
    match ty {
        FactType::Bool => match raw {
            b"true" => Some(Val::Bool(true)),
            b"false" => Some(Val::Bool(false)),
            _ => None,
        },
        FactType::Number => std::str::from_utf8(raw).ok()?.parse().ok().map(Val::Number),
        FactType::Date => Date::parse(std::str::from_utf8(word(line, r)?).ok()?).map(Val::Date),
        FactType::Country => {
            Country::parse(std::str::from_utf8(word(line, r)?).ok()?).map(Val::Country)
        }
        FactType::Enum(values) => {
            let w = word(line, r)?;
            let i = values.iter().position(|v| v.as_bytes() == w)?;
            Some(Val::Enum(u8::try_from(i).ok()?))
        }
        FactType::Set(values) => {
            let items = raw.strip_prefix(b"[")?.strip_suffix(b"]")?;
            let mut mask = 0u64;
            for item in items.split(|c| *c == b',') {
                let item = item.trim_ascii();
                if item.is_empty() {
                    if items.trim_ascii().is_empty() {
                        break;
                    }
                    return None;
                }
                let w = item.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
                let i = values.iter().position(|v| v.as_bytes() == w)?;
                mask |= 1u64 << i;
            }
            Some(Val::Set(mask))
        }
    }
}
