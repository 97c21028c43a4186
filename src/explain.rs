//! The explanation: a tree of what was tested, under which citation, with what result, and
//! which facts it read (with their values and where in the case file they were written).
//! Built on demand from the evaluator's own functions, so it cannot disagree with the verdict.

use crate::case::BoundCase;
use crate::compile::pack::{Cond, FactId, Pack, Val};
use crate::eval::cond::{Env, eval};
use crate::eval::tri::Tri;
use crate::eval::{Evaluator, ReqStatus, Stretch, StretchJudgment, requirement_status};
use crate::source::SourceMap;
use crate::syntax::ast::CaseAst;
use serde::{Deserialize, Serialize};

/// How deep the explanation of a condition goes.
const MAX_DEPTH: usize = 24;

/// A fact read by a rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactRead {
    /// The fact.
    pub fact: String,
    /// Its value (`unknown` if not given).
    pub value: String,
    /// `file:line:col` where the value was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// One step of the reasoning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// `weighing`, `factor`, `test`, `exception`, `requirement`, `gap`, `all`, `any`, `not`, `fact`.
    pub kind: String,
    /// The rule's id (empty for connectives and facts).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// What was tested, in words.
    pub title: String,
    /// The source of the rule.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cite: String,
    /// The result: `true`, `false`, `unknown`; for requirements `met`, `violated`, `open`,
    /// `excused` (an exception applies), `not applicable`; for factors `fired`, `not fired`, `unknown`; for a weighing its side.
    pub result: String,
    /// Facts read directly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactRead>,
    /// Caveats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// More words: a factor's reason, a violation's message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A factor's side and weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<String>,
    /// Sub-steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

impl Node {
    fn new(kind: &str, title: impl Into<String>, result: impl Into<String>) -> Node {
        Node {
            kind: kind.to_string(),
            id: String::new(),
            title: title.into(),
            cite: String::new(),
            result: result.into(),
            facts: Vec::new(),
            notes: Vec::new(),
            detail: None,
            weight: None,
            children: Vec::new(),
        }
    }
}

/// Requirements as judged under one assumed classification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    /// The classification assumed, if the classification was open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assuming: Option<String>,
    /// The requirements in force, in pack order.
    pub requirements: Vec<Node>,
}

/// The reasoning for one stretch of law.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodExplanation {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// The classification weighing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<Node>,
    /// Lawfulness, once per classification still possible.
    pub readings: Vec<Reading>,
    /// Gaps touched.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<Node>,
}

/// The whole explanation of a verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    /// One entry per stretch of law.
    pub periods: Vec<PeriodExplanation>,
}

/// Where the facts of a case were written, for the explanation's `at`.
struct Ctx<'a> {
    pack: &'a Pack,
    bound: &'a BoundCase,
    sources: &'a SourceMap,
}

impl Ctx<'_> {
    fn fact(&self, f: FactId) -> FactRead {
        let name = self
            .pack
            .facts
            .get(usize::from(f))
            .map_or_else(String::new, |d| d.name.clone());
        let v = self
            .bound
            .facts
            .get(usize::from(f))
            .copied()
            .unwrap_or(Val::Unknown);
        let at = self
            .bound
            .spans
            .get(usize::from(f))
            .copied()
            .flatten()
            .and_then(|s| self.sources.locate(s))
            .map(|(file, lc)| format!("{file}:{lc}"));
        FactRead {
            fact: name,
            value: self.pack.show_value(f, v),
            at,
        }
    }
}

/// The word for a three-valued result.
pub fn tri_word(t: Tri) -> &'static str {
    match t {
        Tri::True => "true",
        Tri::False => "false",
        Tri::Unknown => "unknown",
    }
}

/// The word for a factor's result.
pub fn factor_word(t: Tri) -> &'static str {
    match t {
        Tri::True => "fired",
        Tri::False => "not fired",
        Tri::Unknown => "unknown",
    }
}

/// A weighing's balance range in words, toward the side it leans to, e.g. `+31 to +33 toward
/// provision` (the balance counts toward the classification's first side).
pub fn balance_words(pack: &Pack, lo: i32, hi: i32) -> String {
    let sides = pack
        .classifier()
        .map(|w| w.sides.clone())
        .unwrap_or_default();
    let [first, second] = &sides;
    let (lo, hi, side) = if hi < 0 {
        (-hi, -lo, second)
    } else {
        (lo, hi, first)
    };
    if lo == hi {
        format!("{lo:+} toward {side}")
    } else {
        format!("{lo:+} to {hi:+} toward {side}")
    }
}

/// The classification weighing's detail: its balance range and margin.
pub fn weighing_detail(first_side: &str, lo: i32, hi: i32, margin: i32) -> String {
    let mut s = String::new();
    write_weighing_detail(&mut s, first_side, lo, hi, margin);
    s
}

/// Writes [`weighing_detail`] into `w` (without allocating).
pub fn write_weighing_detail(
    w: &mut impl std::fmt::Write,
    first_side: &str,
    lo: i32,
    hi: i32,
    margin: i32,
) {
    let _ = if lo == hi {
        write!(w, "{lo:+} toward {first_side} (undecided within {margin})")
    } else {
        write!(
            w,
            "from {lo:+} to {hi:+} toward {first_side}, depending on unknown facts (undecided within {margin})"
        )
    };
}

/// A factor's side and weight in words, e.g. `3 toward provision` or `5, decisive toward
/// provision`.
pub fn factor_weight(pack: &Pack, f: &crate::compile::pack::FactorDef) -> String {
    let side_name = pack
        .classifier()
        .and_then(|w| w.sides.get(usize::from(f.side)))
        .map_or("", String::as_str);
    format!(
        "{}{} toward {side_name}",
        f.weight,
        if f.decisive { ", decisive" } else { "" }
    )
}

/// Describes a leaf condition in words, e.g. `processing_serves is transferor`.
pub fn describe_leaf(pack: &Pack, c: &Cond) -> String {
    let name = |f: &u16| {
        pack.facts
            .get(usize::from(*f))
            .map_or("?", |d| d.name.as_str())
    };
    let show = |f: &u16, v: Val| pack.show_value(*f, v);
    match c {
        Cond::Const(b) => b.to_string(),
        Cond::Bool(f, true) => name(f).to_string(),
        Cond::Bool(f, false) => format!("not {}", name(f)),
        Cond::EnumIn(f, mask) => {
            let vals: Vec<String> = (0..64u8)
                .filter(|i| mask & (1u64 << i) != 0)
                .map(|i| show(f, Val::Enum(i)))
                .collect();
            if vals.len() == 1 {
                format!("{} = {}", name(f), vals.join(""))
            } else {
                format!("{} in {{{}}}", name(f), vals.join(", "))
            }
        }
        Cond::SetHas(f, mask, all) => {
            let set = show(f, Val::Set(*mask));
            if mask.count_ones() == 1 {
                format!("{} contains {}", name(f), set.trim_matches(['{', '}']))
            } else {
                format!(
                    "{} contains {} {set}",
                    name(f),
                    if *all { "all of" } else { "any of" }
                )
            }
        }
        Cond::CountryIn(f, codes) => {
            let cs: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
            if cs.len() == 1 {
                format!("{} = {}", name(f), cs.join(""))
            } else {
                format!("{} in {{{}}}", name(f), cs.join(", "))
            }
        }
        Cond::Num(f, op, n) => format!("{} {} {n}", name(f), op.as_str()),
        Cond::Date(f, op, d) => format!("{} {} {d}", name(f), op.as_str()),
        _ => String::new(),
    }
}

/// Whether a condition is explained as a `fact` node (it reads facts directly).
pub fn is_leaf(c: &Cond) -> bool {
    !matches!(
        c,
        Cond::And(_) | Cond::Or(_) | Cond::Not(_) | Cond::Test(_) | Cond::Exc(_) | Cond::Side(..)
    )
}

/// A connective node of the explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connective {
    /// `all of`.
    All,
    /// `any of`.
    Any,
    /// `not`.
    Not,
    /// `applies when` (a requirement's condition).
    Applies,
    /// `requires` (what a requirement requires).
    Requires,
}

impl Connective {
    /// The node's kind and title.
    pub fn kind_title(self) -> (&'static str, &'static str) {
        match self {
            Connective::All => ("all", "all of"),
            Connective::Any => ("any", "any of"),
            Connective::Not => ("not", "not"),
            Connective::Applies => ("applies", "applies when"),
            Connective::Requires => ("requires", "requires"),
        }
    }
}

/// One step of the reasoning as the walk meets it. A [`TreeOut`] turns it into a node: the tree
/// of [`Node`]s, or JSON written straight to a buffer; both read the same steps, so they agree.
#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
    /// The classification weighing: the side it came out on, and its balance range.
    Weighing {
        /// The side, `None` for undecided.
        side: Option<u8>,
        /// Lowest balance.
        lo: i32,
        /// Highest balance.
        hi: i32,
    },
    /// A factor of the classification weighing (by index), fired, not fired or unknown.
    Factor {
        /// The factor's index in the weighing.
        f: usize,
        /// Whether it fired.
        result: Tri,
    },
    /// A test.
    Test {
        /// The test.
        t: u16,
        /// Its value.
        result: Tri,
    },
    /// An exception.
    Exception {
        /// The exception.
        e: u16,
        /// Its value.
        result: Tri,
    },
    /// A requirement with its status word; `detail` when it is violated or open.
    Requirement {
        /// The requirement.
        r: usize,
        /// `met`, `violated`, `open`, `excused` or `not applicable`.
        word: &'static str,
        /// Whether the violation's code and message are shown.
        detail: bool,
    },
    /// A gap touched.
    Gap {
        /// The gap.
        g: u16,
    },
    /// A connective.
    Connective {
        /// Which.
        kind: Connective,
        /// Its value.
        result: Tri,
    },
    /// `weighing is side`.
    Side {
        /// The weighing.
        w: u16,
        /// The side.
        side: u8,
        /// Its value.
        result: Tri,
    },
    /// A condition on facts, written `not (…)` when negated.
    Leaf {
        /// The condition (a leaf: see [`is_leaf`]).
        cond: &'a Cond,
        /// Whether it is read negated.
        negated: bool,
        /// Its value (of the negation, when negated).
        result: Tri,
    },
    /// The depth limit was reached.
    Truncated {
        /// The value of what was not shown.
        result: Tri,
    },
    /// A rule the pack does not have (a compiled pack always has it).
    Missing {
        /// The node's kind.
        kind: &'static str,
        /// Its value.
        result: Tri,
    },
}

/// Receives the explanation as it is walked: frames (periods, readings, gaps) and nodes, each
/// node opened, then its children, then closed.
pub trait TreeOut {
    /// A stretch of law begins; its classification node, if any, follows.
    fn period_start(&mut self, s: Stretch);
    /// The readings (lawfulness per possible class) begin.
    fn readings_start(&mut self);
    /// One reading begins: the requirements judged assuming a class (`Some` when the class was
    /// open).
    fn reading_start(&mut self, pack: &Pack, assuming: Option<u8>);
    /// The reading ends.
    fn reading_end(&mut self);
    /// The readings end; gaps, if any, follow.
    fn readings_end(&mut self);
    /// The gaps touched begin (only called when there are some).
    fn gaps_start(&mut self);
    /// The gaps end.
    fn gaps_end(&mut self);
    /// The stretch ends.
    fn period_end(&mut self);
    /// Opens a node.
    fn open(&mut self, pack: &Pack, facts: &[Val], step: Step<'_>);
    /// Closes the last node opened.
    fn close(&mut self);
}

fn leaf<O: TreeOut>(out: &mut O, pack: &Pack, facts: &[Val], step: Step<'_>) {
    out.open(pack, facts, step);
    out.close();
}

fn cond_walk<O: TreeOut>(
    out: &mut O,
    pack: &Pack,
    facts: &[Val],
    env: &Env<'_>,
    c: &Cond,
    depth: usize,
) {
    let v = eval(c, env);
    if depth > MAX_DEPTH {
        return leaf(out, pack, facts, Step::Truncated { result: v });
    }
    match c {
        Cond::And(xs) | Cond::Or(xs) => {
            let kind = if matches!(c, Cond::And(_)) {
                Connective::All
            } else {
                Connective::Any
            };
            out.open(pack, facts, Step::Connective { kind, result: v });
            for x in xs {
                cond_walk(out, pack, facts, env, x, depth + 1);
            }
            out.close();
        }
        // A negated leaf reads as one fact node, `not (…)`.
        Cond::Not(x) if depth < MAX_DEPTH && is_leaf(x) => leaf(
            out,
            pack,
            facts,
            Step::Leaf {
                cond: x,
                negated: true,
                result: v,
            },
        ),
        Cond::Not(x) => {
            out.open(
                pack,
                facts,
                Step::Connective {
                    kind: Connective::Not,
                    result: v,
                },
            );
            cond_walk(out, pack, facts, env, x, depth + 1);
            out.close();
        }
        Cond::Test(t) => match pack.tests.get(usize::from(*t)) {
            Some(def) => {
                out.open(pack, facts, Step::Test { t: *t, result: v });
                cond_walk(out, pack, facts, env, &def.cond, depth + 1);
                for e in &def.exceptions {
                    exception_walk(out, pack, facts, env, *e, depth + 1);
                }
                out.close();
            }
            None => leaf(
                out,
                pack,
                facts,
                Step::Missing {
                    kind: "test",
                    result: v,
                },
            ),
        },
        Cond::Exc(e) => exception_walk(out, pack, facts, env, *e, depth),
        Cond::Side(w, side) => leaf(
            out,
            pack,
            facts,
            Step::Side {
                w: *w,
                side: *side,
                result: v,
            },
        ),
        _ => leaf(
            out,
            pack,
            facts,
            Step::Leaf {
                cond: c,
                negated: false,
                result: v,
            },
        ),
    }
}

fn exception_walk<O: TreeOut>(
    out: &mut O,
    pack: &Pack,
    facts: &[Val],
    env: &Env<'_>,
    e: u16,
    depth: usize,
) {
    let Some(def) = pack.exceptions.get(usize::from(e)) else {
        return leaf(
            out,
            pack,
            facts,
            Step::Missing {
                kind: "exception",
                result: Tri::Unknown,
            },
        );
    };
    let v = env
        .excs
        .get(usize::from(e))
        .copied()
        .unwrap_or(Tri::Unknown);
    out.open(pack, facts, Step::Exception { e, result: v });
    if depth <= MAX_DEPTH {
        cond_walk(out, pack, facts, env, &def.cond, depth + 1);
        for x in &def.exceptions {
            exception_walk(out, pack, facts, env, *x, depth + 1);
        }
    }
    out.close();
}

fn status_word(s: ReqStatus) -> &'static str {
    match s {
        ReqStatus::Met => "met",
        ReqStatus::Violated => "violated",
        ReqStatus::Open => "open",
        ReqStatus::NotApplicable => "not applicable",
    }
}

/// Walks the explanation of judged stretches, calling `out` for every frame and node. `facts`
/// are the case's fact slots; `ev` re-derives the values of tests and exceptions.
pub fn walk<O: TreeOut>(
    pack: &Pack,
    facts: &[Val],
    ev: &mut Evaluator,
    parts: &[(Stretch, StretchJudgment)],
    out: &mut O,
) {
    for (s, j) in parts {
        let date = s.from;
        out.period_start(*s);
        // The classification weighing.
        if let (Some(w), Some(o)) = (pack.classifier(), j.weighing) {
            out.open(
                pack,
                facts,
                Step::Weighing {
                    side: o.side(),
                    lo: o.lo,
                    hi: o.hi,
                },
            );
            ev.prepare(pack, facts, date, None);
            for (k, (f, v)) in w.factors.iter().zip(&j.factor_vals).enumerate() {
                if !f.meta.in_force(date) {
                    continue;
                }
                out.open(pack, facts, Step::Factor { f: k, result: *v });
                ev.with_env(pack, facts, None, |env| {
                    cond_walk(out, pack, facts, env, &f.cond, 1);
                });
                out.close();
            }
            out.close();
        }
        // Lawfulness under each possible class.
        let classes: &[Option<u8>] = match j.classes {
            0b01 => &[Some(0)],
            0b10 => &[Some(1)],
            0b11 => &[Some(0), Some(1)],
            _ => &[None],
        };
        out.readings_start();
        for class in classes {
            ev.prepare(pack, facts, date, *class);
            out.reading_start(pack, if classes.len() > 1 { *class } else { None });
            ev.with_env(pack, facts, *class, |env| {
                for (i, r) in pack.requirements.iter().enumerate() {
                    if !r.meta.in_force(date) {
                        continue;
                    }
                    let status = requirement_status(pack, env, i, date);
                    // Applicable but excused by an exception: say so, rather than "not applicable".
                    let excused = status == ReqStatus::NotApplicable
                        && r.when.as_ref().is_none_or(|w| eval(w, env) == Tri::True)
                        && r.exceptions
                            .iter()
                            .any(|e| env.excs.get(usize::from(*e)).copied() == Some(Tri::True));
                    let word = if excused {
                        "excused"
                    } else {
                        status_word(status)
                    };
                    out.open(
                        pack,
                        facts,
                        Step::Requirement {
                            r: i,
                            word,
                            detail: matches!(status, ReqStatus::Violated | ReqStatus::Open),
                        },
                    );
                    if let Some(w) = &r.when {
                        out.open(
                            pack,
                            facts,
                            Step::Connective {
                                kind: Connective::Applies,
                                result: eval(w, env),
                            },
                        );
                        cond_walk(out, pack, facts, env, w, 1);
                        out.close();
                    }
                    for e in &r.exceptions {
                        exception_walk(out, pack, facts, env, *e, 1);
                    }
                    if status != ReqStatus::NotApplicable {
                        out.open(
                            pack,
                            facts,
                            Step::Connective {
                                kind: Connective::Requires,
                                result: eval(&r.requires, env),
                            },
                        );
                        cond_walk(out, pack, facts, env, &r.requires, 1);
                        out.close();
                    }
                    out.close();
                }
            });
            out.reading_end();
        }
        out.readings_end();
        if !j.gaps.is_empty() {
            out.gaps_start();
            for g in &j.gaps {
                if pack.gaps.get(usize::from(*g)).is_some() {
                    leaf(out, pack, facts, Step::Gap { g: *g });
                }
            }
            out.gaps_end();
        }
        out.period_end();
    }
}

/// Where the nodes being built go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Classification,
    Requirements,
    Gaps,
}

/// Builds the tree of [`Node`]s from the walk.
struct Builder<'a> {
    ctx: Ctx<'a>,
    stack: Vec<Node>,
    periods: Vec<PeriodExplanation>,
    place: Place,
}

impl Builder<'_> {
    fn node(&self, step: Step<'_>) -> Node {
        let pack = self.ctx.pack;
        let with_meta = |mut n: Node, meta: &crate::compile::pack::RuleMeta| {
            n.id.clone_from(&meta.id);
            n.cite = meta.cite();
            n.notes.clone_from(&meta.notes);
            n
        };
        match step {
            Step::Weighing { side, lo, hi } => {
                let Some(w) = pack.classifier() else {
                    return Node::new("weighing", "?", "undecided");
                };
                let side = side.and_then(|i| w.sides.get(usize::from(i)).cloned());
                let mut n = with_meta(
                    Node::new(
                        "weighing",
                        w.meta.title.clone(),
                        side.unwrap_or_else(|| "undecided".into()),
                    ),
                    &w.meta,
                );
                let first = w.sides.first().map_or("", String::as_str);
                n.detail = Some(weighing_detail(first, lo, hi, w.margin));
                n
            }
            Step::Factor { f, result } => {
                let Some(def) = pack.classifier().and_then(|w| w.factors.get(f)) else {
                    return Node::new("factor", "?", factor_word(result));
                };
                let mut n = with_meta(
                    Node::new("factor", def.because.clone(), factor_word(result)),
                    &def.meta,
                );
                n.weight = Some(factor_weight(pack, def));
                n
            }
            Step::Test { t, result } => {
                let Some(def) = pack.tests.get(usize::from(t)) else {
                    return Node::new("test", "?", tri_word(result));
                };
                let mut n = with_meta(
                    Node::new("test", def.meta.title.clone(), tri_word(result)),
                    &def.meta,
                );
                n.detail = match result {
                    Tri::True => def.holds.clone(),
                    Tri::False => def.fails.clone(),
                    Tri::Unknown => None,
                };
                n
            }
            Step::Exception { e, result } => match pack.exceptions.get(usize::from(e)) {
                Some(def) => with_meta(
                    Node::new("exception", def.meta.title.clone(), tri_word(result)),
                    &def.meta,
                ),
                None => Node::new("exception", "?", "unknown"),
            },
            Step::Requirement { r, word, detail } => {
                let Some(def) = pack.requirements.get(r) else {
                    return Node::new("requirement", "?", word);
                };
                let mut n = with_meta(
                    Node::new("requirement", def.meta.title.clone(), word),
                    &def.meta,
                );
                if detail {
                    n.detail = Some(format!("{}: {}", def.code, def.message));
                }
                n
            }
            Step::Gap { g } => match pack.gaps.get(usize::from(g)) {
                Some(def) => with_meta(
                    Node::new("gap", def.meta.title.clone(), "not encoded"),
                    &def.meta,
                ),
                None => Node::new("gap", "?", "not encoded"),
            },
            Step::Connective { kind, result } => {
                let (kind, title) = kind.kind_title();
                Node::new(kind, title, tri_word(result))
            }
            Step::Side { w, side, result } => {
                let def = pack.weighings.get(usize::from(w));
                let side_name = def
                    .and_then(|d| d.sides.get(usize::from(side)))
                    .map_or("", String::as_str);
                let mut n = Node::new(
                    "condition",
                    format!("{} is {side_name}", def.map_or("?", |d| d.meta.id.as_str())),
                    tri_word(result),
                );
                n.id = def.map_or_else(String::new, |d| d.meta.id.clone());
                n
            }
            Step::Leaf {
                cond,
                negated,
                result,
            } => {
                let title = describe_leaf(pack, cond);
                let title = if negated {
                    format!("not ({title})")
                } else {
                    title
                };
                let mut n = Node::new("fact", title, tri_word(result));
                cond.for_each_fact(&mut |f| n.facts.push(self.ctx.fact(f)));
                n
            }
            Step::Truncated { result } => Node::new("condition", "…", tri_word(result)),
            Step::Missing { kind, result } => Node::new(kind, "?", tri_word(result)),
        }
    }
}

impl TreeOut for Builder<'_> {
    fn period_start(&mut self, s: Stretch) {
        self.periods.push(PeriodExplanation {
            from: s.from.to_string(),
            to: s.to.to_string(),
            classification: None,
            readings: Vec::new(),
            gaps: Vec::new(),
        });
        self.place = Place::Classification;
    }
    fn readings_start(&mut self) {
        self.place = Place::Requirements;
    }
    fn reading_start(&mut self, pack: &Pack, assuming: Option<u8>) {
        let assuming = assuming.and_then(|c| {
            pack.classifier()
                .and_then(|w| w.sides.get(usize::from(c)).cloned())
        });
        if let Some(p) = self.periods.last_mut() {
            p.readings.push(Reading {
                assuming,
                requirements: Vec::new(),
            });
        }
    }
    fn reading_end(&mut self) {}
    fn readings_end(&mut self) {}
    fn gaps_start(&mut self) {
        self.place = Place::Gaps;
    }
    fn gaps_end(&mut self) {}
    fn period_end(&mut self) {}
    fn open(&mut self, _pack: &Pack, _facts: &[Val], step: Step<'_>) {
        let n = self.node(step);
        self.stack.push(n);
    }
    fn close(&mut self) {
        let Some(n) = self.stack.pop() else { return };
        if let Some(parent) = self.stack.last_mut() {
            parent.children.push(n);
            return;
        }
        let Some(p) = self.periods.last_mut() else {
            return;
        };
        match self.place {
            Place::Classification => p.classification = Some(n),
            Place::Requirements => {
                if let Some(r) = p.readings.last_mut() {
                    r.requirements.push(n);
                }
            }
            Place::Gaps => p.gaps.push(n),
        }
    }
}

/// The facts a case gives (not those left unknown), in the pack's order, with their values and
/// where they were written.
pub fn given_facts(pack: &Pack, bound: &BoundCase, sources: &SourceMap) -> Vec<FactRead> {
    let ctx = Ctx {
        pack,
        bound,
        sources,
    };
    (0..pack.facts.len())
        .filter(|&i| bound.facts.get(i).is_some_and(|v| *v != Val::Unknown))
        .map(|i| ctx.fact(u16::try_from(i).unwrap_or(0)))
        .collect()
}

/// Builds the explanation of a judged case.
pub fn explain(
    pack: &Pack,
    _case: &CaseAst,
    bound: &BoundCase,
    ev: &mut Evaluator,
    sources: &SourceMap,
    parts: &[(Stretch, StretchJudgment)],
) -> Explanation {
    let mut b = Builder {
        ctx: Ctx {
            pack,
            bound,
            sources,
        },
        stack: Vec::new(),
        periods: Vec::new(),
        place: Place::Classification,
    };
    walk(pack, &bound.facts, ev, parts, &mut b);
    Explanation { periods: b.periods }
}
