//! A direct writer of verdicts as JSON Lines, for large batches: it writes from the judged
//! stretches and their summary with fragments escaped once per pack, allocating nothing per case.
//! Its output is byte for byte that of serializing [`crate::verdict::Verdict`] with serde_json
//! (a test holds it to that).

use crate::compile::pack::{Exposure, FactId, Pack};
use crate::date::Date;
use crate::eval::tri::Tri;
use crate::eval::{Found, Ground, Stretch, StretchJudgment};
use crate::summary::Summary;
use std::collections::HashMap;

fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// Fragments of a pack's verdicts, escaped once.
#[derive(Debug, Clone)]
pub struct PackJson {
    under: String,
    sides: [String; 2],
    /// Per requirement: `{"code":…,"cite":…,"message":…`.
    violation_head: Vec<String>,
    /// Per requirement: its exposures, each with its dates and its text escaped for the inside
    /// of a JSON string (without quotes), so that several can be joined into one string.
    exposures: Vec<Vec<Exposure>>,
    /// Per requirement: `,"requirement":…`.
    violation_tail: Vec<String>,
    /// Per fact: its name as a JSON string.
    fact_name: Vec<String>,
    /// Per fact: `{"fact":…,"question":…,"could_change":`.
    unknown_head: Vec<String>,
    /// Per fact: `,"burden":…` or empty.
    unknown_burden: Vec<String>,
    /// Per factor of the classification: `"side:id:weight"`.
    factor: Vec<String>,
    /// Per gap: `{"id":…,"title":…,"cite":…}`.
    gap: Vec<String>,
    /// Per gap: `{"rule":…,"title":…,"cite":…` (a `not_checked` entry up to its `during`).
    not_checked_head: Vec<String>,
    /// Per fact: `{"fact":…,"question":…}` (an entry of a possible violation's `settled_by`).
    settler: Vec<String>,
    /// Per transitional rule: its note as a JSON string.
    transition: Vec<String>,
    /// Names of grounds, deduplicated, as JSON strings.
    names: Vec<String>,
    /// The index into `names` of each ground, laid out as facts, tests, exceptions, weighings,
    /// requirements, then the factors of each weighing (from `factor_base`).
    name_idx: Vec<u32>,
    bases: [usize; 5],
    factor_base: Vec<usize>,
}

impl PackJson {
    /// The index into `names` of a ground's name.
    fn name_index(&self, g: Ground) -> Option<u32> {
        let [tests, excs, weighs, reqs, _] = self.bases;
        let i = match g {
            Ground::Fact(f) => usize::from(f),
            Ground::Test(t) => tests + usize::from(t),
            Ground::Exc(e) => excs + usize::from(e),
            Ground::Weigh(w) => weighs + usize::from(w),
            Ground::Req(r) => reqs + usize::from(r),
            Ground::Factor(w, f) => self.factor_base.get(usize::from(w))? + usize::from(f),
        };
        self.name_idx.get(i).copied()
    }
}

impl PackJson {
    /// Escapes the fragments of a pack.
    pub fn new(pack: &Pack) -> PackJson {
        let words = crate::words::words(pack.lang);
        let class = pack.classifier();
        let sides = match class {
            Some(w) => [0, 1].map(|i| js(w.axis_of(i).unwrap_or_default())),
            None => [js("undecided"), js("undecided")],
        };
        let mut names: Vec<String> = Vec::new();
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut name_idx: Vec<u32> = Vec::new();
        let mut intern = |g: Ground, names: &mut Vec<String>, name_idx: &mut Vec<u32>| {
            let n = js(g.name(pack));
            let i = *index.entry(n.clone()).or_insert_with(|| {
                names.push(n);
                u32::try_from(names.len() - 1).unwrap_or(0)
            });
            name_idx.push(i);
        };
        let u = |i: usize| u16::try_from(i).unwrap_or(0);
        for i in 0..pack.facts.len() {
            intern(Ground::Fact(u(i)), &mut names, &mut name_idx);
        }
        let tests = name_idx.len();
        for i in 0..pack.tests.len() {
            intern(Ground::Test(u(i)), &mut names, &mut name_idx);
        }
        let excs = name_idx.len();
        for i in 0..pack.exceptions.len() {
            intern(Ground::Exc(u(i)), &mut names, &mut name_idx);
        }
        let weighs = name_idx.len();
        for i in 0..pack.weighings.len() {
            intern(Ground::Weigh(u(i)), &mut names, &mut name_idx);
        }
        let reqs = name_idx.len();
        for i in 0..pack.requirements.len() {
            intern(Ground::Req(u(i)), &mut names, &mut name_idx);
        }
        let mut factor_base = Vec::new();
        for (w, def) in pack.weighings.iter().enumerate() {
            factor_base.push(name_idx.len());
            for f in 0..def.factors.len() {
                intern(Ground::Factor(u(w), u(f)), &mut names, &mut name_idx);
            }
        }
        let bases = [tests, excs, weighs, reqs, name_idx.len()];
        PackJson {
            under: js(&pack.id),
            sides,
            violation_head: pack
                .requirements
                .iter()
                .map(|r| {
                    format!(
                        "{{\"code\":{},\"cite\":{},\"message\":{}",
                        js(&r.code),
                        js(&r.meta.cite()),
                        js(&r.message)
                    )
                })
                .collect(),
            exposures: pack
                .requirements
                .iter()
                .map(|r| {
                    r.exposes
                        .iter()
                        .map(|e| {
                            let q = js(&e.text);
                            let inside = q
                                .get(1..q.len().saturating_sub(1))
                                .unwrap_or_default()
                                .to_string();
                            Exposure {
                                text: inside,
                                ..e.clone()
                            }
                        })
                        .collect()
                })
                .collect(),
            violation_tail: pack
                .requirements
                .iter()
                .map(|r| format!(",\"requirement\":{}", js(&r.meta.id)))
                .collect(),
            fact_name: pack.facts.iter().map(|f| js(&f.name)).collect(),
            unknown_head: pack
                .facts
                .iter()
                .map(|f| {
                    format!(
                        "{{\"fact\":{},\"question\":{},\"could_change\":",
                        js(&f.name),
                        js(&f.ask)
                    )
                })
                .collect(),
            unknown_burden: pack
                .facts
                .iter()
                .enumerate()
                .map(|(i, f)| match &f.burden {
                    Some((party, v)) => format!(
                        ",\"burden\":{}",
                        js(&words.burden(
                            &words.role(party),
                            &pack.show_value(u16::try_from(i).unwrap_or(0), *v)
                        ))
                    ),
                    None => String::new(),
                })
                .collect(),
            factor: class.map_or_else(Vec::new, |w| {
                w.factors
                    .iter()
                    .map(|f| {
                        js(&format!(
                            "{}:{}:{}",
                            w.sides.get(usize::from(f.side)).map_or("", String::as_str),
                            f.meta.id,
                            f.weight
                        ))
                    })
                    .collect()
            }),
            gap: pack
                .gaps
                .iter()
                .map(|g| format!("{}}}", gap_head("id", &g.meta)))
                .collect(),
            not_checked_head: pack
                .gaps
                .iter()
                .map(|g| gap_head("rule", &g.meta))
                .collect(),
            settler: pack
                .facts
                .iter()
                .map(|f| format!("{{\"fact\":{},\"question\":{}}}", js(&f.name), js(&f.ask)))
                .collect(),
            transition: pack
                .transitions
                .iter()
                .map(|t| js(&words.transition(&t.date.to_string(), &t.note)))
                .collect(),
            names,
            name_idx,
            bases,
            factor_base,
        }
    }
}

/// `{"<key>":id,"title":…,"cite":…` of a gap: the head of its `gaps` and `not_checked` entries.
fn gap_head(key: &str, meta: &crate::compile::pack::RuleMeta) -> String {
    format!(
        "{{\"{key}\":{},\"title\":{},\"cite\":{}",
        js(&meta.id),
        js(&meta.title),
        js(&meta.cite())
    )
}

/// Writes a date as a JSON string.
pub(crate) fn date(out: &mut Vec<u8>, d: Date) {
    let (y, m, day) = d.ymd();
    let y = u32::try_from(y).unwrap_or(0);
    out.extend_from_slice(&[
        b'"',
        b'0' + (y / 1000 % 10) as u8,
        b'0' + (y / 100 % 10) as u8,
        b'0' + (y / 10 % 10) as u8,
        b'0' + (y % 10) as u8,
        b'-',
        b'0' + (m / 10 % 10) as u8,
        b'0' + (m % 10) as u8,
        b'-',
        b'0' + (day / 10 % 10) as u8,
        b'0' + (day % 10) as u8,
        b'"',
    ]);
}

fn int(out: &mut Vec<u8>, n: i32) {
    if n < 0 {
        out.push(b'-');
    }
    uint(out, n.unsigned_abs());
}

/// Writes a number in plain decimal.
pub(crate) fn uint(out: &mut Vec<u8>, n: u32) {
    let mut n = n;
    let mut digits = [0u8; 10];
    let mut k = digits.len();
    loop {
        k -= 1;
        if let Some(d) = digits.get_mut(k) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || k == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(k..).unwrap_or(&[]));
}

fn lawful(out: &mut Vec<u8>, t: Tri) {
    out.extend_from_slice(match t {
        Tri::True => b"true",
        Tri::False => b"false",
        Tri::Unknown => b"null",
    });
}

fn side(out: &mut Vec<u8>, pj: &PackJson, s: Option<u8>) {
    match s {
        Some(i) => out.extend_from_slice(
            pj.sides
                .get(usize::from(i))
                .map_or(b"\"\"" as &[u8], |x| x.as_bytes()),
        ),
        None => out.extend_from_slice(b"\"undecided\""),
    }
}

/// Writes a violation's keys up to `requirement` (and `if_classified`), with the exposures
/// that apply on some day of `during` joined into one `exposes` string, as the verdict does.
fn violation(
    out: &mut Vec<u8>,
    pj: &PackJson,
    f: Found,
    during: impl Iterator<Item = (Date, Date)> + Clone,
) {
    let r = usize::from(f.req);
    out.extend_from_slice(
        pj.violation_head
            .get(r)
            .map_or(b"{" as &[u8], |x| x.as_bytes()),
    );
    let mut first = true;
    for e in pj.exposures.get(r).into_iter().flatten() {
        if !during.clone().any(|(a, b)| e.overlaps(a, b)) {
            continue;
        }
        out.extend_from_slice(if first { b",\"exposes\":\"" } else { b"; " });
        first = false;
        out.extend_from_slice(e.text.as_bytes());
    }
    if !first {
        out.push(b'"');
    }
    out.extend_from_slice(
        pj.violation_tail
            .get(r)
            .map_or(b"" as &[u8], |x| x.as_bytes()),
    );
    if let Some(s) = f.only_under {
        out.extend_from_slice(b",\"if_classified\":");
        side(out, pj, Some(s));
    }
}

fn fact_list(out: &mut Vec<u8>, pj: &PackJson, facts: &[FactId]) {
    out.push(b'[');
    for (i, f) in facts.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(
            pj.fact_name
                .get(usize::from(*f))
                .map_or(b"\"\"" as &[u8], |x| x.as_bytes()),
        );
    }
    out.push(b']');
}

/// Writes `,"gaps":[…]` when there are gaps (the key is left out otherwise, as serde does).
fn gaps(out: &mut Vec<u8>, pj: &PackJson, gaps: &[u16]) {
    if gaps.is_empty() {
        return;
    }
    out.extend_from_slice(b",\"gaps\":[");
    for (k, g) in gaps.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(
            pj.gap
                .get(usize::from(*g))
                .map_or(b"{}" as &[u8], |x| x.as_bytes()),
        );
    }
    out.push(b']');
}

/// Writes one verdict line (with its trailing newline). `id` and `title` must already be valid
/// JSON string contents needing no escape (as the fast reader guarantees).
#[allow(clippy::too_many_arguments)]
pub fn write(
    out: &mut Vec<u8>,
    pack: &Pack,
    pj: &PackJson,
    id: &[u8],
    title: Option<&[u8]>,
    parts: &[(Stretch, StretchJudgment)],
    sum: &Summary,
    seen_names: &mut Vec<u32>,
) {
    fields(out, pack, pj, id, title, parts, sum, seen_names);
    out.extend_from_slice(b"}\n");
}

/// Writes a verdict's object up to its last key, without the closing brace: more keys (the
/// explanation's) may follow.
#[allow(clippy::too_many_arguments)]
pub fn fields(
    out: &mut Vec<u8>,
    pack: &Pack,
    pj: &PackJson,
    id: &[u8],
    title: Option<&[u8]>,
    parts: &[(Stretch, StretchJudgment)],
    sum: &Summary,
    seen_names: &mut Vec<u32>,
) {
    out.extend_from_slice(b"{\"id\":\"");
    out.extend_from_slice(id);
    out.extend_from_slice(b"\",\"under\":");
    out.extend_from_slice(pj.under.as_bytes());
    if let Some(t) = title {
        out.extend_from_slice(b",\"title\":\"");
        out.extend_from_slice(t);
        out.push(b'"');
    }
    out.extend_from_slice(b",\"classification\":");
    side(out, pj, sum.side);
    out.extend_from_slice(b",\"lawful\":");
    lawful(out, sum.lawful);
    out.extend_from_slice(b",\"violations\":[");
    for (i, x) in sum.violations.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        violation(
            out,
            pj,
            Found {
                req: x.req,
                only_under: x.only_under,
            },
            x.during.iter().copied(),
        );
        if !x.during.is_empty() {
            out.extend_from_slice(b",\"during\":");
            ranges(out, x.during.iter().copied());
        }
        if !x.transitions.is_empty() {
            out.extend_from_slice(b",\"transition\":[");
            for (k, t) in x.transitions.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(
                    pj.transition
                        .get(*t)
                        .map_or(b"\"\"" as &[u8], |x| x.as_bytes()),
                );
            }
            out.push(b']');
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"unknowns\":[");
    for (i, (f, c)) in sum.unknowns.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let f = usize::from(*f);
        out.extend_from_slice(
            pj.unknown_head
                .get(f)
                .map_or(b"{" as &[u8], |x| x.as_bytes()),
        );
        out.push(b'"');
        out.extend_from_slice(c.as_str().as_bytes());
        out.push(b'"');
        out.extend_from_slice(
            pj.unknown_burden
                .get(f)
                .map_or(b"" as &[u8], |x| x.as_bytes()),
        );
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"periods\":[");
    for (i, (s, j)) in parts.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"from\":");
        date(out, s.from);
        out.extend_from_slice(b",\"to\":");
        date(out, s.to);
        out.extend_from_slice(b",\"classification\":");
        side(out, pj, j.weighing.and_then(|o| o.side()));
        out.extend_from_slice(b",\"lawful\":");
        lawful(out, j.lawful);
        out.extend_from_slice(b",\"violations\":[");
        for (k, f) in j.violations.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            violation(out, pj, *f, std::iter::once((s.from, s.to)));
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"score\":[");
        let (lo, hi) = match (pack.classifier(), j.weighing) {
            (Some(_), Some(o)) => (o.lo, o.hi),
            _ => (0, 0),
        };
        int(out, lo);
        out.push(b',');
        int(out, hi);
        out.extend_from_slice(b"],\"factors\":[");
        let mut first = true;
        if pack.classifier().is_some() {
            for (k, v) in j.factor_vals.iter().enumerate() {
                if *v == Tri::True {
                    if !first {
                        out.push(b',');
                    }
                    first = false;
                    out.extend_from_slice(
                        pj.factor.get(k).map_or(b"\"\"" as &[u8], |x| x.as_bytes()),
                    );
                }
            }
        }
        out.extend_from_slice(b"],\"decisive\":");
        fact_list(out, pj, &j.decisive);
        gaps(out, pj, &j.gaps);
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"grounds\":[");
    seen_names.clear();
    for g in &sum.grounds {
        let Some(n) = pj.name_index(*g) else {
            continue;
        };
        if seen_names.contains(&n) {
            continue;
        }
        if !seen_names.is_empty() {
            out.push(b',');
        }
        seen_names.push(n);
        out.extend_from_slice(
            pj.names
                .get(n as usize)
                .map_or(b"\"\"" as &[u8], |x| x.as_bytes()),
        );
    }
    out.push(b']');
    gaps(out, pj, &sum.gaps);
    out.extend_from_slice(b",\"possible_violations\":[");
    for (i, x) in sum.possible.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        violation(
            out,
            pj,
            Found {
                req: x.req,
                only_under: x.only_under,
            },
            x.during.iter().copied(),
        );
        out.extend_from_slice(b",\"during\":");
        ranges(out, x.during.iter().copied());
        out.extend_from_slice(b",\"settled_by\":[");
        for (k, f) in x.settled_by.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            out.extend_from_slice(
                pj.settler
                    .get(usize::from(*f))
                    .map_or(b"{}" as &[u8], |x| x.as_bytes()),
            );
        }
        out.extend_from_slice(b"]}");
    }
    out.extend_from_slice(b"],\"not_checked\":[");
    for (i, g) in sum.gaps.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(
            pj.not_checked_head
                .get(usize::from(*g))
                .map_or(b"{" as &[u8], |x| x.as_bytes()),
        );
        out.extend_from_slice(b",\"during\":");
        ranges(
            out,
            sum.gap_during
                .iter()
                .filter(|(x, _, _)| x == g)
                .map(|(_, f, t)| (*f, *t)),
        );
        out.push(b'}');
    }
    out.push(b']');
}

/// Writes a list of date ranges: `[{"from":…,"to":…},…]`.
fn ranges(out: &mut Vec<u8>, during: impl Iterator<Item = (Date, Date)>) {
    out.push(b'[');
    for (k, (f, t)) in during.enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"from\":");
        date(out, f);
        out.extend_from_slice(b",\"to\":");
        date(out, t);
        out.push(b'}');
    }
    out.push(b']');
}
