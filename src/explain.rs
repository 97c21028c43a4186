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
use crate::words::{Words, words};
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

/// What a step of the reasoning is. Serialized as the explanation's `kind` code, the same in
/// every language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// The classification weighing.
    Weighing,
    /// A factor of the weighing.
    Factor,
    /// A test.
    Test,
    /// An exception.
    Exception,
    /// A requirement.
    Requirement,
    /// Law the pack does not encode.
    Gap,
    /// `all of`.
    All,
    /// `any of`.
    Any,
    /// `not`.
    Not,
    /// A requirement's condition of application.
    Applies,
    /// What a requirement requires.
    Requires,
    /// `weighing is side`, or a condition cut at the depth limit.
    Condition,
    /// A condition on facts.
    Fact,
}

impl NodeKind {
    /// The code written in JSON.
    pub fn code(self) -> &'static str {
        match self {
            NodeKind::Weighing => "weighing",
            NodeKind::Factor => "factor",
            NodeKind::Test => "test",
            NodeKind::Exception => "exception",
            NodeKind::Requirement => "requirement",
            NodeKind::Gap => "gap",
            NodeKind::All => "all",
            NodeKind::Any => "any",
            NodeKind::Not => "not",
            NodeKind::Applies => "applies",
            NodeKind::Requires => "requires",
            NodeKind::Condition => "condition",
            NodeKind::Fact => "fact",
        }
    }
}

/// The result of a step. Serialized as the explanation's `result` code (`true`, `met`,
/// `not fired`, a weighing's side…), the same in every language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// A condition, test or exception holds.
    True,
    /// It does not hold.
    False,
    /// Unknown facts decide.
    Unknown,
    /// A requirement is met.
    Met,
    /// A requirement is violated.
    Violated,
    /// Unknown facts decide whether a requirement is met.
    Open,
    /// A requirement would apply but an exception excuses it.
    Excused,
    /// A requirement does not apply.
    NotApplicable,
    /// A factor fired.
    Fired,
    /// A factor did not fire.
    NotFired,
    /// A gap: law the pack does not encode.
    NotEncoded,
    /// A weighing the facts cannot settle.
    Undecided,
    /// A weighing settled on this side.
    Side(String),
}

impl Outcome {
    /// The code written in JSON.
    pub fn code(&self) -> &str {
        match self {
            Outcome::True => "true",
            Outcome::False => "false",
            Outcome::Unknown => "unknown",
            Outcome::Met => "met",
            Outcome::Violated => "violated",
            Outcome::Open => "open",
            Outcome::Excused => "excused",
            Outcome::NotApplicable => "not applicable",
            Outcome::Fired => "fired",
            Outcome::NotFired => "not fired",
            Outcome::NotEncoded => "not encoded",
            Outcome::Undecided => "undecided",
            Outcome::Side(s) => s,
        }
    }

    /// The outcome of a code (any other word is a weighing's side).
    pub fn from_code(s: &str) -> Outcome {
        match s {
            "true" => Outcome::True,
            "false" => Outcome::False,
            "unknown" => Outcome::Unknown,
            "met" => Outcome::Met,
            "violated" => Outcome::Violated,
            "open" => Outcome::Open,
            "excused" => Outcome::Excused,
            "not applicable" => Outcome::NotApplicable,
            "fired" => Outcome::Fired,
            "not fired" => Outcome::NotFired,
            "not encoded" => Outcome::NotEncoded,
            "undecided" => Outcome::Undecided,
            side => Outcome::Side(side.to_string()),
        }
    }

    /// The outcome of a condition, test or exception.
    pub fn of_tri(t: Tri) -> Outcome {
        match t {
            Tri::True => Outcome::True,
            Tri::False => Outcome::False,
            Tri::Unknown => Outcome::Unknown,
        }
    }

    /// The outcome of a factor.
    pub fn of_factor(t: Tri) -> Outcome {
        match t {
            Tri::True => Outcome::Fired,
            Tri::False => Outcome::NotFired,
            Tri::Unknown => Outcome::Unknown,
        }
    }

    /// The outcome of a requirement's status.
    pub fn of_status(s: ReqStatus) -> Outcome {
        match s {
            ReqStatus::Met => Outcome::Met,
            ReqStatus::Violated => Outcome::Violated,
            ReqStatus::Open => Outcome::Open,
            ReqStatus::NotApplicable => Outcome::NotApplicable,
        }
    }

    /// How the step came out, in three values: holds (true, met, fired, excused: an exception
    /// that holds), fails, or still open.
    pub fn truth(&self) -> Tri {
        match self {
            Outcome::True | Outcome::Met | Outcome::Fired | Outcome::Excused => Tri::True,
            Outcome::False | Outcome::Violated | Outcome::NotApplicable | Outcome::NotFired => {
                Tri::False
            }
            Outcome::Unknown | Outcome::Open | Outcome::Undecided => Tri::Unknown,
            Outcome::NotEncoded | Outcome::Side(_) => Tri::Unknown,
        }
    }
}

impl Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Outcome {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Outcome, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Outcome::from_code(&s))
    }
}

/// A factor's side and weight. Serialized as the explanation's `weight` code,
/// `3 toward provision` or `5, decisive toward provision`, the same in every language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Weight {
    /// Its points.
    pub points: i32,
    /// Whether it settles the weighing on its own.
    pub decisive: bool,
    /// The side it counts toward.
    pub side: String,
}

impl Weight {
    /// The weight of a factor of the pack's classification.
    pub fn of_factor(pack: &Pack, f: &crate::compile::pack::FactorDef) -> Weight {
        let side = pack
            .classifier()
            .and_then(|w| w.sides.get(usize::from(f.side)))
            .map_or_else(String::new, Clone::clone);
        Weight {
            points: f.weight,
            decisive: f.decisive,
            side,
        }
    }

    /// Writes the code (without allocating).
    pub fn write_code(w: &mut impl std::fmt::Write, points: i32, decisive: bool, side: &str) {
        let _ = write!(
            w,
            "{points}{} toward {side}",
            if decisive { ", decisive" } else { "" }
        );
    }

    /// The code, as written in JSON.
    pub fn code(&self) -> String {
        let mut s = String::new();
        Weight::write_code(&mut s, self.points, self.decisive, &self.side);
        s
    }

    /// The weight of a code; `None` if it is not one.
    pub fn from_code(s: &str) -> Option<Weight> {
        let (head, side) = s.split_once(" toward ")?;
        let (points, decisive) = match head.split_once(", ") {
            Some((p, "decisive")) => (p, true),
            Some(_) => return None,
            None => (head, false),
        };
        Some(Weight {
            points: points.trim().parse().ok()?,
            decisive,
            side: side.to_string(),
        })
    }
}

impl Serialize for Weight {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Weight, D::Error> {
        let s = String::deserialize(d)?;
        Weight::from_code(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a factor weight: `{s}`")))
    }
}

/// One step of the reasoning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// What the step is.
    pub kind: NodeKind,
    /// The rule's id (empty for connectives and facts).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// What was tested, in words (the pack's title of the rule, or the condition).
    pub title: String,
    /// The source of the rule.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cite: String,
    /// How it came out.
    pub result: Outcome,
    /// Facts read directly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactRead>,
    /// Caveats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// More words: a test's holds or fails sentence, a violation's code and message, a
    /// weighing's balance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A factor's side and weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Weight>,
    /// Sub-steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

impl Node {
    fn new(kind: NodeKind, title: impl Into<String>, result: Outcome) -> Node {
        Node {
            kind,
            id: String::new(),
            title: title.into(),
            cite: String::new(),
            result,
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
    /// The pack's scope items in force: whether its law reaches the case (packs with `scope`
    /// items only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<Node>,
    /// The classification weighing (none where the law does not reach the case).
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

/// Describes a leaf condition in words, e.g. `processing_serves = transferor`: fact names and
/// values as the pack writes them, joined by the words of the pack's language.
pub fn describe_leaf(pack: &Pack, c: &Cond) -> String {
    let w = words(pack.lang);
    let name = |f: &u16| {
        pack.facts
            .get(usize::from(*f))
            .map_or("?", |d| d.name.as_str())
    };
    let show = |f: &u16, v: Val| pack.show_value(*f, v);
    match c {
        Cond::Const(b) => b.to_string(),
        Cond::Bool(f, true) => name(f).to_string(),
        Cond::Bool(f, false) => w.fact_false(name(f)),
        Cond::EnumIn(f, mask) => {
            let vals: Vec<String> = (0..64u8)
                .filter(|i| mask & (1u64 << i) != 0)
                .map(|i| show(f, Val::Enum(i)))
                .collect();
            if vals.len() == 1 {
                format!("{} = {}", name(f), vals.join(""))
            } else {
                w.fact_in(name(f), &format!("{{{}}}", vals.join(", ")))
            }
        }
        Cond::SetHas(f, mask, all) => {
            let set = show(f, Val::Set(*mask));
            if mask.count_ones() == 1 {
                w.contains(name(f), set.trim_matches(['{', '}']))
            } else if *all {
                w.contains_all(name(f), &set)
            } else {
                w.contains_any(name(f), &set)
            }
        }
        Cond::CountryIn(f, codes) => {
            let cs: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
            if cs.len() == 1 {
                format!("{} = {}", name(f), cs.join(""))
            } else {
                w.fact_in(name(f), &format!("{{{}}}", cs.join(", ")))
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
    /// The node's kind.
    pub fn kind(self) -> NodeKind {
        match self {
            Connective::All => NodeKind::All,
            Connective::Any => NodeKind::Any,
            Connective::Not => NodeKind::Not,
            Connective::Applies => NodeKind::Applies,
            Connective::Requires => NodeKind::Requires,
        }
    }

    /// The node's title, in the words of a language.
    pub fn title(self, w: &dyn Words) -> &'static str {
        match self {
            Connective::All => w.all_of(),
            Connective::Any => w.any_of(),
            Connective::Not => w.not(),
            Connective::Applies => w.applies_when(),
            Connective::Requires => w.requires(),
        }
    }
}

/// How a requirement came out in a reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReqOutcome {
    /// As judged.
    Status(ReqStatus),
    /// It would apply, but an exception excuses it.
    Excused,
}

impl ReqOutcome {
    /// The node's result.
    pub fn outcome(self) -> Outcome {
        match self {
            ReqOutcome::Status(s) => Outcome::of_status(s),
            ReqOutcome::Excused => Outcome::Excused,
        }
    }

    /// The node's result code.
    pub fn code(self) -> &'static str {
        match self {
            ReqOutcome::Status(ReqStatus::Met) => "met",
            ReqOutcome::Status(ReqStatus::Violated) => "violated",
            ReqOutcome::Status(ReqStatus::Open) => "open",
            ReqOutcome::Status(ReqStatus::NotApplicable) => "not applicable",
            ReqOutcome::Excused => "excused",
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
    /// A requirement with its outcome; `detail` when it is violated or open.
    Requirement {
        /// The requirement.
        r: usize,
        /// How it came out.
        outcome: ReqOutcome,
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
        kind: NodeKind,
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
    /// The scope items begin (only called for a pack that has some, before the weighing).
    fn scope_start(&mut self);
    /// The scope items end.
    fn scope_end(&mut self);
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
                    kind: NodeKind::Test,
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
                kind: NodeKind::Exception,
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
        // Whether the law reaches the case.
        if pack.scope.iter().any(|t| {
            pack.tests
                .get(usize::from(*t))
                .is_some_and(|d| d.meta.in_force(date))
        }) {
            out.scope_start();
            ev.prepare(pack, facts, date, None);
            ev.with_env(pack, facts, None, |env| {
                for &t in &pack.scope {
                    if pack
                        .tests
                        .get(usize::from(t))
                        .is_some_and(|d| d.meta.in_force(date))
                    {
                        cond_walk(out, pack, facts, env, &Cond::Test(t), 0);
                    }
                }
            });
            out.scope_end();
        }
        if j.applies == Tri::False {
            out.period_end();
            continue;
        }
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
        let classes: &[Option<u8>] = crate::eval::passes(j.classes);
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
                    let outcome = if excused {
                        ReqOutcome::Excused
                    } else {
                        ReqOutcome::Status(status)
                    };
                    out.open(
                        pack,
                        facts,
                        Step::Requirement {
                            r: i,
                            outcome,
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
    Scope,
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
        let w = words(pack.lang);
        let with_meta = |mut n: Node, meta: &crate::compile::pack::RuleMeta| {
            n.id.clone_from(&meta.id);
            n.cite = meta.cite();
            n.notes.clone_from(&meta.notes);
            n
        };
        match step {
            Step::Weighing { side, lo, hi } => {
                let Some(def) = pack.classifier() else {
                    return Node::new(NodeKind::Weighing, "?", Outcome::Undecided);
                };
                let result = side
                    .and_then(|i| def.sides.get(usize::from(i)).cloned())
                    .map_or(Outcome::Undecided, Outcome::Side);
                let mut n = with_meta(
                    Node::new(NodeKind::Weighing, def.meta.title.clone(), result),
                    &def.meta,
                );
                let first = def.sides.first().map_or("", String::as_str);
                let mut d = String::new();
                w.weighing_detail(&mut d, first, lo, hi, def.margin);
                n.detail = Some(d);
                n
            }
            Step::Factor { f, result } => {
                let Some(def) = pack.classifier().and_then(|w| w.factors.get(f)) else {
                    return Node::new(NodeKind::Factor, "?", Outcome::of_factor(result));
                };
                let mut n = with_meta(
                    Node::new(
                        NodeKind::Factor,
                        def.because.clone(),
                        Outcome::of_factor(result),
                    ),
                    &def.meta,
                );
                n.weight = Some(Weight::of_factor(pack, def));
                n
            }
            Step::Test { t, result } => {
                let Some(def) = pack.tests.get(usize::from(t)) else {
                    return Node::new(NodeKind::Test, "?", Outcome::of_tri(result));
                };
                let mut n = with_meta(
                    Node::new(
                        NodeKind::Test,
                        def.meta.title.clone(),
                        Outcome::of_tri(result),
                    ),
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
                    Node::new(
                        NodeKind::Exception,
                        def.meta.title.clone(),
                        Outcome::of_tri(result),
                    ),
                    &def.meta,
                ),
                None => Node::new(NodeKind::Exception, "?", Outcome::Unknown),
            },
            Step::Requirement { r, outcome, detail } => {
                let Some(def) = pack.requirements.get(r) else {
                    return Node::new(NodeKind::Requirement, "?", outcome.outcome());
                };
                let mut n = with_meta(
                    Node::new(
                        NodeKind::Requirement,
                        def.meta.title.clone(),
                        outcome.outcome(),
                    ),
                    &def.meta,
                );
                if detail {
                    n.detail = Some(format!("{}: {}", def.code, def.message));
                }
                n
            }
            Step::Gap { g } => match pack.gaps.get(usize::from(g)) {
                Some(def) => with_meta(
                    Node::new(NodeKind::Gap, def.meta.title.clone(), Outcome::NotEncoded),
                    &def.meta,
                ),
                None => Node::new(NodeKind::Gap, "?", Outcome::NotEncoded),
            },
            Step::Connective { kind, result } => {
                Node::new(kind.kind(), kind.title(w), Outcome::of_tri(result))
            }
            Step::Side {
                w: wi,
                side,
                result,
            } => {
                let def = pack.weighings.get(usize::from(wi));
                let side_name = def
                    .and_then(|d| d.sides.get(usize::from(side)))
                    .map_or("", String::as_str);
                let mut n = Node::new(
                    NodeKind::Condition,
                    w.weighing_is(def.map_or("?", |d| d.meta.id.as_str()), side_name),
                    Outcome::of_tri(result),
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
                let title = if negated { w.negated(&title) } else { title };
                let mut n = Node::new(NodeKind::Fact, title, Outcome::of_tri(result));
                cond.for_each_fact(&mut |f| n.facts.push(self.ctx.fact(f)));
                n
            }
            Step::Truncated { result } => {
                Node::new(NodeKind::Condition, "…", Outcome::of_tri(result))
            }
            Step::Missing { kind, result } => Node::new(kind, "?", Outcome::of_tri(result)),
        }
    }
}

impl TreeOut for Builder<'_> {
    fn period_start(&mut self, s: Stretch) {
        self.periods.push(PeriodExplanation {
            from: s.from.to_string(),
            to: s.to.to_string(),
            scope: Vec::new(),
            classification: None,
            readings: Vec::new(),
            gaps: Vec::new(),
        });
        self.place = Place::Classification;
    }
    fn scope_start(&mut self) {
        self.place = Place::Scope;
    }
    fn scope_end(&mut self) {
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
            Place::Scope => p.scope.push(n),
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
