//! A direct writer of the explanation as JSON, for large batches with `--explain`: it follows
//! the same walk as the tree of [`crate::explain`] ([`crate::explain::walk`]) and writes each
//! node as it is met, from fragments escaped once per pack, instead of building the tree and
//! serializing it. Its output is byte for byte that of serde_json on the tree (a test holds it
//! to that).

use crate::compile::pack::{Cond, FactId, FactType, Fnv, Pack, RuleMeta, Val};
use crate::eval::tri::Tri;
use crate::eval::{Evaluator, Stretch, StretchJudgment};
use crate::explain::{Connective, Outcome, Step, TreeOut, Weight, describe_leaf, walk};
use crate::words::{Words, words};
use std::collections::HashMap;
use std::io::Write as _;

fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// Writes `s` as a JSON string, escaped as serde_json escapes it.
fn js_into(out: &mut Vec<u8>, s: &str) {
    if serde_json::to_writer(&mut *out, s).is_err() {
        out.extend_from_slice(b"\"\"");
    }
}

/// `{"kind":…[,"id":…],"title":…[,"cite":…],"result":`: a node's head up to its result.
fn head(kind: &str, id: &str, title: &str, cite: &str) -> String {
    let mut s = format!("{{\"kind\":{}", js(kind));
    if !id.is_empty() {
        s.push_str(&format!(",\"id\":{}", js(id)));
    }
    s.push_str(&format!(",\"title\":{}", js(title)));
    if !cite.is_empty() {
        s.push_str(&format!(",\"cite\":{}", js(cite)));
    }
    s.push_str(",\"result\":");
    s
}

fn meta_head(kind: &str, title: &str, meta: &RuleMeta) -> String {
    head(kind, &meta.id, title, &meta.cite())
}

/// `,"notes":[…]`, or nothing when there are none.
fn notes(meta: &RuleMeta) -> String {
    if meta.notes.is_empty() {
        return String::new();
    }
    let items: Vec<String> = meta.notes.iter().map(|n| js(n)).collect();
    format!(",\"notes\":[{}]", items.join(","))
}

fn detail(d: Option<&str>) -> String {
    d.map_or_else(String::new, |d| format!(",\"detail\":{}", js(d)))
}

/// The explanation's fragments of a pack, escaped once.
#[derive(Debug, Clone)]
pub struct ExplainJson {
    weighing_head: String,
    weighing_notes: String,
    /// The classification's sides as JSON strings.
    sides: Vec<String>,
    /// Its first side as JSON string content (the balance counts toward it).
    first_side: String,
    margin: i32,
    /// Per factor of the classification: head, and what follows the result (notes, weight).
    factor: Vec<(String, String)>,
    /// Per test: head, and what follows each result (true, false, unknown).
    test: Vec<(String, [String; 3])>,
    /// Per exception: head and notes.
    exception: Vec<(String, String)>,
    /// Per requirement: head, and what follows the result without and with the detail.
    requirement: Vec<(String, [String; 2])>,
    /// Per gap: the node up to its children (it has none).
    gap: Vec<String>,
    /// Per weighing and side: the `condition` node's head.
    side: Vec<[String; 2]>,
    /// Per leaf condition (by address): the `fact` node's head, plain and negated.
    leaf: HashMap<usize, [String; 2], std::hash::BuildHasherDefault<Fnv>>,
    /// Per fact: `{"fact":…,"value":`.
    fact_head: Vec<String>,
    /// Per fact of an enum or set type: its values as JSON strings (enums) or escaped contents
    /// (sets).
    values: Vec<Vec<String>>,
    /// Per side of the classification: `{"assuming":…,"requirements":[`.
    assuming: [String; 2],
    /// Per connective: its node up to the result.
    connective: [String; 5],
    /// The words of the pack's language.
    words: &'static dyn Words,
}

impl std::fmt::Debug for dyn Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({})", self.lang())
    }
}

fn leaves(
    c: &Cond,
    pack: &Pack,
    map: &mut HashMap<usize, [String; 2], std::hash::BuildHasherDefault<Fnv>>,
) {
    match c {
        Cond::And(xs) | Cond::Or(xs) => xs.iter().for_each(|x| leaves(x, pack, map)),
        Cond::Not(x) => leaves(x, pack, map),
        Cond::Test(_) | Cond::Exc(_) | Cond::Side(..) => {}
        leaf => {
            let title = describe_leaf(pack, leaf);
            map.insert(
                std::ptr::from_ref(leaf) as usize,
                [
                    head("fact", "", &title, ""),
                    head("fact", "", &words(pack.lang).negated(&title), ""),
                ],
            );
        }
    }
}

impl ExplainJson {
    /// Escapes the fragments of a pack.
    pub fn new(pack: &Pack) -> ExplainJson {
        let class = pack.classifier();
        let w = words(pack.lang);
        let mut leaf = HashMap::default();
        for t in &pack.tests {
            leaves(&t.cond, pack, &mut leaf);
        }
        for e in &pack.exceptions {
            leaves(&e.cond, pack, &mut leaf);
        }
        for w in &pack.weighings {
            for f in &w.factors {
                leaves(&f.cond, pack, &mut leaf);
            }
        }
        for r in &pack.requirements {
            if let Some(w) = &r.when {
                leaves(w, pack, &mut leaf);
            }
            leaves(&r.requires, pack, &mut leaf);
        }
        let side_of = |i: usize| {
            class
                .and_then(|w| w.sides.get(i))
                .map_or_else(String::new, |s| {
                    format!("{{\"assuming\":{},\"requirements\":[", js(s))
                })
        };
        ExplainJson {
            weighing_head: class.map_or_else(String::new, |w| {
                meta_head("weighing", &w.meta.title, &w.meta)
            }),
            weighing_notes: class.map_or_else(String::new, |w| notes(&w.meta)),
            sides: class.map_or_else(Vec::new, |w| w.sides.iter().map(|s| js(s)).collect()),
            first_side: class
                .and_then(|w| w.sides.first())
                .map(|s| {
                    let s = js(s);
                    s.get(1..s.len().saturating_sub(1))
                        .unwrap_or_default()
                        .to_string()
                })
                .unwrap_or_default(),
            margin: class.map_or(0, |w| w.margin),
            factor: class.map_or_else(Vec::new, |w| {
                w.factors
                    .iter()
                    .map(|f| {
                        (
                            meta_head("factor", &f.because, &f.meta),
                            format!(
                                "{},\"weight\":{}",
                                notes(&f.meta),
                                js(&Weight::of_factor(pack, f).code())
                            ),
                        )
                    })
                    .collect()
            }),
            test: pack
                .tests
                .iter()
                .map(|t| {
                    let n = notes(&t.meta);
                    (
                        meta_head("test", &t.meta.title, &t.meta),
                        [
                            format!("{n}{}", detail(t.holds.as_deref())),
                            format!("{n}{}", detail(t.fails.as_deref())),
                            n.clone(),
                        ],
                    )
                })
                .collect(),
            exception: pack
                .exceptions
                .iter()
                .map(|e| {
                    (
                        meta_head("exception", &e.meta.title, &e.meta),
                        notes(&e.meta),
                    )
                })
                .collect(),
            requirement: pack
                .requirements
                .iter()
                .map(|r| {
                    let n = notes(&r.meta);
                    (
                        meta_head("requirement", &r.meta.title, &r.meta),
                        [
                            n.clone(),
                            format!("{n}{}", detail(Some(&format!("{}: {}", r.code, r.message)))),
                        ],
                    )
                })
                .collect(),
            gap: pack
                .gaps
                .iter()
                .map(|g| {
                    format!(
                        "{}\"not encoded\"{}",
                        meta_head("gap", &g.meta.title, &g.meta),
                        notes(&g.meta)
                    )
                })
                .collect(),
            side: pack
                .weighings
                .iter()
                .map(|wd| {
                    let words = w;
                    let w = wd;
                    [0, 1].map(|s| {
                        let name = w.sides.get(s).map_or("", String::as_str);
                        head(
                            "condition",
                            &w.meta.id,
                            &words.weighing_is(&w.meta.id, name),
                            "",
                        )
                    })
                })
                .collect(),
            leaf,
            fact_head: pack
                .facts
                .iter()
                .map(|f| format!("{{\"fact\":{},\"value\":", js(&f.name)))
                .collect(),
            values: pack
                .facts
                .iter()
                .map(|f| match &f.ty {
                    FactType::Enum(vs) => vs.iter().map(|v| js(v)).collect(),
                    FactType::Set(vs) => vs
                        .iter()
                        .map(|v| {
                            let s = js(v);
                            s.get(1..s.len().saturating_sub(1))
                                .unwrap_or_default()
                                .to_string()
                        })
                        .collect(),
                    _ => Vec::new(),
                })
                .collect(),
            assuming: [side_of(0), side_of(1)],
            connective: [
                Connective::All,
                Connective::Any,
                Connective::Not,
                Connective::Applies,
                Connective::Requires,
            ]
            .map(|c| {
                let kind = serde_json::to_string(&c.kind()).unwrap_or_default();
                format!("{{\"kind\":{kind},\"title\":{},\"result\":", js(c.title(w)))
            }),
            words: w,
        }
    }
}

/// A byte buffer written through [`std::fmt::Write`] (text written is UTF-8 already).
struct Utf8<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Utf8<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Where the facts of the case being written were given: the file (escaped, without quotes),
/// the line, and per fact slot the column of its value (0 when not given).
#[derive(Clone, Copy, Debug)]
pub struct FactPlaces<'a> {
    /// The file's name, as JSON string content.
    pub file: &'a [u8],
    /// The line.
    pub line: u32,
    /// Per fact slot: the 1-based column of its value, or 0.
    pub cols: &'a [u32],
}

/// No place: for facts the case does not give (they have no `at`).
const NOWHERE: FactPlaces<'static> = FactPlaces {
    file: b"",
    line: 0,
    cols: &[],
};

/// Writes a fact's value as shown in explanations (as [`Pack::show_value`] shows it), as a JSON
/// string.
fn value(out: &mut Vec<u8>, pack: &Pack, ej: &ExplainJson, f: FactId, v: Val) {
    let vals = ej.values.get(usize::from(f));
    let ty = pack.facts.get(usize::from(f)).map(|d| &d.ty);
    match v {
        Val::Unknown => out.extend_from_slice(b"\"unknown\""),
        Val::Bool(true) => out.extend_from_slice(b"\"true\""),
        Val::Bool(false) => out.extend_from_slice(b"\"false\""),
        Val::Enum(i) if matches!(ty, Some(FactType::Enum(_))) => {
            match vals.and_then(|vs| vs.get(usize::from(i))) {
                Some(s) => out.extend_from_slice(s.as_bytes()),
                None => js_into(out, &pack.show_value(f, v)),
            }
        }
        Val::Country(c) => js_into(out, c.as_str()),
        Val::Set(mask) if matches!(ty, Some(FactType::Set(_))) => {
            out.extend_from_slice(b"\"{");
            let mut first = true;
            for (i, s) in vals.into_iter().flatten().enumerate() {
                if i < 64 && mask & (1u64 << i) != 0 {
                    if !first {
                        out.extend_from_slice(b", ");
                    }
                    first = false;
                    out.extend_from_slice(s.as_bytes());
                }
            }
            out.extend_from_slice(b"}\"");
        }
        Val::Number(n) => {
            let _ = write!(out, "\"{n}\"");
        }
        Val::Date(d) => {
            let _ = write!(out, "\"{d}\"");
        }
        _ => js_into(out, &pack.show_value(f, v)),
    }
}

/// Writes one fact read, `{"fact":…,"value":…[,"at":…]}`.
fn fact_read(
    out: &mut Vec<u8>,
    pack: &Pack,
    ej: &ExplainJson,
    places: FactPlaces<'_>,
    f: FactId,
    v: Val,
) {
    out.extend_from_slice(
        ej.fact_head
            .get(usize::from(f))
            .map_or(b"{\"fact\":\"\",\"value\":" as &[u8], |s| s.as_bytes()),
    );
    value(out, pack, ej, f, v);
    let col = places.cols.get(usize::from(f)).copied().unwrap_or(0);
    if v != Val::Unknown && col > 0 {
        out.extend_from_slice(b",\"at\":\"");
        out.extend_from_slice(places.file);
        out.push(b':');
        crate::render::jsonl::uint(out, places.line);
        out.push(b':');
        crate::render::jsonl::uint(out, col);
        out.push(b'"');
    }
    out.push(b'}');
}

/// Writes `,"facts":[…]`: the facts the case gives, in the pack's order (the key is left out
/// when there are none, as serde does). `reads` gets, per fact slot, where its JSON
/// (`{"fact":…,"value":…,"at":…}`) was written in `out`, or an empty range when the case does
/// not give it: the explanation copies it from there wherever a rule reads the fact.
pub fn given_facts(
    out: &mut Vec<u8>,
    pack: &Pack,
    ej: &ExplainJson,
    facts: &[Val],
    places: FactPlaces<'_>,
    reads: &mut Vec<std::ops::Range<usize>>,
) {
    reads.clear();
    let mut first = true;
    for (i, v) in facts.iter().enumerate() {
        if *v == Val::Unknown {
            reads.push(0..0);
            continue;
        }
        out.extend_from_slice(if first { b",\"facts\":[" } else { b"," });
        first = false;
        let start = out.len();
        fact_read(out, pack, ej, places, u16::try_from(i).unwrap_or(0), *v);
        reads.push(start..out.len());
    }
    if !first {
        out.push(b']');
    }
}

/// Writes the explanation's nodes straight into a buffer.
struct JsonTree<'a> {
    ej: &'a ExplainJson,
    out: &'a mut Vec<u8>,
    /// Per fact slot: where its JSON was written in `out` (empty when not given).
    reads: &'a [std::ops::Range<usize>],
    /// Per open node: whether a child has been written.
    stack: &'a mut Vec<bool>,
    /// Whether the next node at the top level is the first of its list.
    first: bool,
    /// What precedes the next top-level node (`,"classification":` or a separator).
    classification_next: bool,
    first_period: bool,
    first_reading: bool,
}

fn tri_json(t: Tri) -> &'static [u8] {
    match t {
        Tri::True => b"\"true\"",
        Tri::False => b"\"false\"",
        Tri::Unknown => b"\"unknown\"",
    }
}

fn quoted(out: &mut Vec<u8>, word: &str) {
    out.push(b'"');
    out.extend_from_slice(word.as_bytes());
    out.push(b'"');
}

impl JsonTree<'_> {
    fn put(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    fn date(&mut self, d: crate::date::Date) {
        crate::render::jsonl::date(self.out, d);
    }
}

impl TreeOut for JsonTree<'_> {
    fn period_start(&mut self, s: Stretch) {
        if !self.first_period {
            self.out.push(b',');
        }
        self.first_period = false;
        self.out.extend_from_slice(b"{\"from\":");
        self.date(s.from);
        self.out.extend_from_slice(b",\"to\":");
        self.date(s.to);
        self.classification_next = true;
    }
    fn readings_start(&mut self) {
        self.classification_next = false;
        self.first_reading = true;
        self.out.extend_from_slice(b",\"readings\":[");
    }
    fn reading_start(&mut self, _pack: &Pack, assuming: Option<u8>) {
        if !self.first_reading {
            self.out.push(b',');
        }
        self.first_reading = false;
        let ej = self.ej;
        match assuming
            .and_then(|c| ej.assuming.get(usize::from(c)))
            .filter(|a| !a.is_empty())
        {
            Some(a) => self.out.extend_from_slice(a.as_bytes()),
            None => self.out.extend_from_slice(b"{\"requirements\":["),
        }
        self.first = true;
    }
    fn reading_end(&mut self) {
        self.out.extend_from_slice(b"]}");
    }
    fn readings_end(&mut self) {
        self.out.push(b']');
    }
    fn gaps_start(&mut self) {
        self.out.extend_from_slice(b",\"gaps\":[");
        self.first = true;
    }
    fn gaps_end(&mut self) {
        self.out.push(b']');
    }
    fn scope_start(&mut self) {
        self.out.extend_from_slice(b",\"scope\":[");
        self.first = true;
    }
    fn scope_end(&mut self) {
        self.out.push(b']');
    }
    fn period_end(&mut self) {
        self.out.push(b'}');
    }
    fn open(&mut self, pack: &Pack, facts: &[Val], step: Step<'_>) {
        // The separator before the node.
        match self.stack.last_mut() {
            Some(has) if !*has => {
                *has = true;
                self.out.extend_from_slice(b",\"children\":[");
            }
            Some(_) => self.out.push(b','),
            None if self.classification_next => {
                self.out.extend_from_slice(b",\"classification\":");
            }
            None => {
                if !self.first {
                    self.out.push(b',');
                }
                self.first = false;
            }
        }
        self.stack.push(false);
        let ej = self.ej;
        match step {
            Step::Weighing { side, lo, hi } => {
                self.put(&ej.weighing_head);
                match side.and_then(|i| ej.sides.get(usize::from(i))) {
                    Some(n) => self.put(n),
                    None => self.out.extend_from_slice(b"\"undecided\""),
                }
                self.put(&ej.weighing_notes);
                // The words hold no character JSON escapes, and the side is escaped already.
                self.out.extend_from_slice(b",\"detail\":\"");
                ej.words
                    .weighing_detail(&mut Utf8(self.out), &ej.first_side, lo, hi, ej.margin);
                self.out.push(b'"');
            }
            Step::Factor { f, result } => match ej.factor.get(f) {
                Some((h, tail)) => {
                    self.put(h);
                    quoted(self.out, Outcome::of_factor(result).code());
                    self.put(tail);
                }
                None => {
                    self.put(&head("factor", "", "?", ""));
                    quoted(self.out, Outcome::of_factor(result).code());
                }
            },
            Step::Test { t, result } => match ej.test.get(usize::from(t)) {
                Some((h, tails)) => {
                    self.put(h);
                    self.out.extend_from_slice(tri_json(result));
                    let k = match result {
                        Tri::True => 0,
                        Tri::False => 1,
                        Tri::Unknown => 2,
                    };
                    if let Some(tail) = tails.get(k) {
                        self.put(tail);
                    }
                }
                None => {
                    self.put(&head("test", "", "?", ""));
                    self.out.extend_from_slice(tri_json(result));
                }
            },
            Step::Exception { e, result } => match ej.exception.get(usize::from(e)) {
                Some((h, tail)) => {
                    self.put(h);
                    self.out.extend_from_slice(tri_json(result));
                    self.put(tail);
                }
                None => {
                    self.put(&head("exception", "", "?", ""));
                    self.out.extend_from_slice(b"\"unknown\"");
                }
            },
            Step::Requirement { r, outcome, detail } => match ej.requirement.get(r) {
                Some((h, tails)) => {
                    self.put(h);
                    quoted(self.out, outcome.code());
                    if let Some(tail) = tails.get(usize::from(detail)) {
                        self.put(tail);
                    }
                }
                None => {
                    self.put(&head("requirement", "", "?", ""));
                    quoted(self.out, outcome.code());
                }
            },
            Step::Gap { g } => match ej.gap.get(usize::from(g)) {
                Some(n) => self.put(n),
                None => {
                    self.put(&head("gap", "", "?", ""));
                    self.out.extend_from_slice(b"\"not encoded\"");
                }
            },
            Step::Connective { kind, result } => {
                let k = match kind {
                    Connective::All => 0,
                    Connective::Any => 1,
                    Connective::Not => 2,
                    Connective::Applies => 3,
                    Connective::Requires => 4,
                };
                if let Some(h) = ej.connective.get(k) {
                    self.put(h);
                }
                self.out.extend_from_slice(tri_json(result));
            }
            Step::Side { w, side, result } => {
                match ej
                    .side
                    .get(usize::from(w))
                    .and_then(|s| s.get(usize::from(side)))
                {
                    Some(h) => self.put(h),
                    None => self.put(&head("condition", "", "? is ", "")),
                }
                self.out.extend_from_slice(tri_json(result));
            }
            Step::Leaf {
                cond,
                negated,
                result,
            } => {
                let key = std::ptr::from_ref(cond) as usize;
                match ej.leaf.get(&key).and_then(|h| h.get(usize::from(negated))) {
                    Some(h) => self.put(h),
                    None => {
                        let t = describe_leaf(pack, cond);
                        let t = if negated { ej.words.negated(&t) } else { t };
                        self.put(&head("fact", "", &t, ""));
                    }
                }
                self.out.extend_from_slice(tri_json(result));
                let mut first = true;
                let (out, reads) = (&mut *self.out, self.reads);
                cond.for_each_fact(&mut |f| {
                    out.extend_from_slice(if first { b",\"facts\":[" } else { b"," });
                    first = false;
                    match reads.get(usize::from(f)).filter(|r| !r.is_empty()) {
                        Some(r) => out.extend_from_within(r.clone()),
                        None => {
                            let v = facts.get(usize::from(f)).copied().unwrap_or(Val::Unknown);
                            fact_read(out, pack, ej, NOWHERE, f, v);
                        }
                    }
                });
                if !first {
                    self.out.push(b']');
                }
            }
            Step::Truncated { result } => {
                self.out.extend_from_slice(
                    "{\"kind\":\"condition\",\"title\":\"…\",\"result\":".as_bytes(),
                );
                self.out.extend_from_slice(tri_json(result));
            }
            Step::Missing { kind, result } => {
                let kind = serde_json::to_value(kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                self.put(&head(&kind, "", "?", ""));
                self.out.extend_from_slice(tri_json(result));
            }
        }
    }
    fn close(&mut self) {
        if self.stack.pop() == Some(true) {
            self.out.push(b']');
        }
        self.out.push(b'}');
    }
}

/// Writes `,"explanation":{"periods":[…]}` for judged stretches. `reads` are the places of the
/// facts' JSON that [`given_facts`] wrote into `out`; `stack` is a reusable buffer.
#[allow(clippy::too_many_arguments)]
pub fn explanation(
    out: &mut Vec<u8>,
    pack: &Pack,
    ej: &ExplainJson,
    facts: &[Val],
    reads: &[std::ops::Range<usize>],
    ev: &mut Evaluator,
    parts: &[(Stretch, StretchJudgment)],
    stack: &mut Vec<bool>,
) {
    out.extend_from_slice(b",\"explanation\":{\"periods\":[");
    stack.clear();
    let mut tree = JsonTree {
        ej,
        out,
        reads,
        stack,
        first: true,
        classification_next: false,
        first_period: true,
        first_reading: true,
    };
    walk(pack, facts, ev, parts, &mut tree);
    out.extend_from_slice(b"]}");
}
