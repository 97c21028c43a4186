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

fn tri_word(t: Tri) -> &'static str {
    match t {
        Tri::True => "true",
        Tri::False => "false",
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

/// Describes a leaf condition in words, e.g. `processing_serves is transferor`.
fn describe_leaf(pack: &Pack, c: &Cond) -> String {
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

fn cond_node(ctx: &Ctx<'_>, env: &Env<'_>, c: &Cond, depth: usize) -> Node {
    let v = eval(c, env);
    if depth > MAX_DEPTH {
        return Node::new("condition", "…", tri_word(v));
    }
    match c {
        Cond::And(xs) | Cond::Or(xs) => {
            let kind = if matches!(c, Cond::And(_)) {
                "all"
            } else {
                "any"
            };
            let title = if kind == "all" { "all of" } else { "any of" };
            let mut n = Node::new(kind, title, tri_word(v));
            n.children = xs
                .iter()
                .map(|x| cond_node(ctx, env, x, depth + 1))
                .collect();
            n
        }
        Cond::Not(x) => {
            let inner = cond_node(ctx, env, x, depth + 1);
            if inner.kind == "fact" {
                let mut n = inner;
                n.title = format!("not ({})", n.title);
                n.result = tri_word(v).to_string();
                n
            } else {
                let mut n = Node::new("not", "not", tri_word(v));
                n.children = vec![inner];
                n
            }
        }
        Cond::Test(t) => match ctx.pack.tests.get(usize::from(*t)) {
            Some(def) => {
                let mut n = Node::new("test", def.meta.title.clone(), tri_word(v));
                n.id.clone_from(&def.meta.id);
                n.cite = def.meta.cite();
                n.notes.clone_from(&def.meta.notes);
                n.detail = match v {
                    Tri::True => def.holds.clone(),
                    Tri::False => def.fails.clone(),
                    Tri::Unknown => None,
                };
                n.children.push(cond_node(ctx, env, &def.cond, depth + 1));
                for e in &def.exceptions {
                    n.children.push(exception_node(ctx, env, *e, depth + 1));
                }
                n
            }
            None => Node::new("test", "?", tri_word(v)),
        },
        Cond::Exc(e) => exception_node(ctx, env, *e, depth),
        Cond::Side(w, side) => {
            let def = ctx.pack.weighings.get(usize::from(*w));
            let side_name = def
                .and_then(|d| d.sides.get(usize::from(*side)))
                .cloned()
                .unwrap_or_default();
            let mut n = Node::new(
                "condition",
                format!("{} is {side_name}", def.map_or("?", |d| d.meta.id.as_str())),
                tri_word(v),
            );
            n.id = def.map_or_else(String::new, |d| d.meta.id.clone());
            n
        }
        leaf => {
            let mut n = Node::new("fact", describe_leaf(ctx.pack, leaf), tri_word(v));
            leaf.for_each_fact(&mut |f| n.facts.push(ctx.fact(f)));
            n
        }
    }
}

fn exception_node(ctx: &Ctx<'_>, env: &Env<'_>, e: u16, depth: usize) -> Node {
    let Some(def) = ctx.pack.exceptions.get(usize::from(e)) else {
        return Node::new("exception", "?", "unknown");
    };
    let v = env
        .excs
        .get(usize::from(e))
        .copied()
        .unwrap_or(Tri::Unknown);
    let mut n = Node::new("exception", def.meta.title.clone(), tri_word(v));
    n.id.clone_from(&def.meta.id);
    n.cite = def.meta.cite();
    n.notes.clone_from(&def.meta.notes);
    if depth <= MAX_DEPTH {
        n.children.push(cond_node(ctx, env, &def.cond, depth + 1));
        for x in &def.exceptions {
            n.children.push(exception_node(ctx, env, *x, depth + 1));
        }
    }
    n
}

fn status_word(s: ReqStatus) -> &'static str {
    match s {
        ReqStatus::Met => "met",
        ReqStatus::Violated => "violated",
        ReqStatus::Open => "open",
        ReqStatus::NotApplicable => "not applicable",
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
    let ctx = Ctx {
        pack,
        bound,
        sources,
    };
    let mut periods = Vec::new();
    for (s, j) in parts {
        let date = s.from;
        // The classification weighing.
        let classification = match (pack.classifier(), j.weighing) {
            (Some(w), Some(o)) => {
                let side = o.side().and_then(|i| w.sides.get(usize::from(i)).cloned());
                let mut n = Node::new(
                    "weighing",
                    w.meta.title.clone(),
                    side.unwrap_or_else(|| "undecided".into()),
                );
                n.id.clone_from(&w.meta.id);
                n.cite = w.meta.cite();
                n.notes.clone_from(&w.meta.notes);
                let first = w.sides.first().cloned().unwrap_or_default();
                n.detail = Some(if o.lo == o.hi {
                    format!("{:+} toward {first} (undecided within {})", o.lo, w.margin)
                } else {
                    format!(
                        "from {:+} to {:+} toward {first}, depending on unknown facts (undecided within {})",
                        o.lo, o.hi, w.margin
                    )
                });
                ev.prepare(pack, &bound.facts, date, None);
                for (f, v) in w.factors.iter().zip(&j.factor_vals) {
                    if !f.meta.in_force(date) {
                        continue;
                    }
                    let result = match v {
                        Tri::True => "fired",
                        Tri::False => "not fired",
                        Tri::Unknown => "unknown",
                    };
                    let mut fnode = Node::new("factor", f.because.clone(), result);
                    fnode.id.clone_from(&f.meta.id);
                    fnode.cite = f.meta.cite();
                    fnode.notes.clone_from(&f.meta.notes);
                    let side_name = w
                        .sides
                        .get(usize::from(f.side))
                        .cloned()
                        .unwrap_or_default();
                    fnode.weight = Some(format!(
                        "{}{} toward {side_name}",
                        f.weight,
                        if f.decisive { ", decisive" } else { "" }
                    ));
                    ev.with_env(pack, &bound.facts, None, |env| {
                        fnode.children.push(cond_node(&ctx, env, &f.cond, 1));
                    });
                    n.children.push(fnode);
                }
                Some(n)
            }
            _ => None,
        };
        // Lawfulness under each possible class.
        let classes: Vec<Option<u8>> = match j.classes {
            0b01 => vec![Some(0)],
            0b10 => vec![Some(1)],
            0b11 => vec![Some(0), Some(1)],
            _ => vec![None],
        };
        let mut readings = Vec::new();
        for class in &classes {
            ev.prepare(pack, &bound.facts, date, *class);
            let assuming = if classes.len() > 1 {
                class.and_then(|c| {
                    pack.classifier()
                        .and_then(|w| w.sides.get(usize::from(c)).cloned())
                })
            } else {
                None
            };
            let requirements = ev.with_env(pack, &bound.facts, *class, |env| {
                let mut out = Vec::new();
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
                    let mut n = Node::new("requirement", r.meta.title.clone(), word);
                    n.id.clone_from(&r.meta.id);
                    n.cite = r.meta.cite();
                    n.notes.clone_from(&r.meta.notes);
                    if status == ReqStatus::Violated || status == ReqStatus::Open {
                        n.detail = Some(format!("{}: {}", r.code, r.message));
                    }
                    if let Some(w) = &r.when {
                        let mut when = Node::new("applies", "applies when", tri_word(eval(w, env)));
                        when.children.push(cond_node(&ctx, env, w, 1));
                        n.children.push(when);
                    }
                    for e in &r.exceptions {
                        n.children.push(exception_node(&ctx, env, *e, 1));
                    }
                    if status != ReqStatus::NotApplicable {
                        let mut req =
                            Node::new("requires", "requires", tri_word(eval(&r.requires, env)));
                        req.children.push(cond_node(&ctx, env, &r.requires, 1));
                        n.children.push(req);
                    }
                    out.push(n);
                }
                out
            });
            readings.push(Reading {
                assuming,
                requirements,
            });
        }
        let gaps = j
            .gaps
            .iter()
            .filter_map(|g| pack.gaps.get(usize::from(*g)))
            .map(|g| {
                let mut n = Node::new("gap", g.meta.title.clone(), "not encoded");
                n.id.clone_from(&g.meta.id);
                n.cite = g.meta.cite();
                n.notes.clone_from(&g.meta.notes);
                n
            })
            .collect();
        periods.push(PeriodExplanation {
            from: s.from.to_string(),
            to: s.to.to_string(),
            classification,
            readings,
            gaps,
        });
    }
    Explanation { periods }
}
