//! The verdict of a case under one pack, in the shape of cases.md §3 (extended, never broken).

use crate::case::BoundCase;
use crate::compile::pack::{FactId, Pack};
use crate::date::Date;
use crate::eval::tri::Tri;
use crate::eval::{Evaluator, StretchJudgment, stretches};
use crate::explain::Explanation;
use crate::source::SourceMap;
use crate::syntax::ast::CaseAst;
use serde::Serialize;

/// A violation in a verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// Stable code, e.g. `KR-PIPA-26-1`.
    pub code: String,
    /// The article broken.
    pub cite: String,
    /// What was broken, in words.
    pub message: String,
    /// What it exposes the transferor to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exposes: Option<String>,
    /// The requirement of the pack that found it.
    pub requirement: String,
    /// Set when the violation holds only if the transfer is classified so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub if_classified: Option<String>,
    /// When it ran (top level only): the stretches of the period in which it was found.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub during: Vec<DateRange>,
    /// Transitional rules of the pack that apply because the violation ran across their date.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub transition: Vec<String>,
}

/// A stretch of dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateRange {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
}

/// An unknown fact that could change the outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unknown {
    /// The fact.
    pub fact: String,
    /// The question to ask.
    pub question: String,
    /// What it could change: `classification` or `lawfulness`.
    pub could_change: &'static str,
    /// Who bears the burden of proving it, and what it counts as unproven.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub burden: Option<String>,
}

/// Law the pack does not encode, which the case touches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Gap {
    /// The gap's id.
    pub id: String,
    /// What is missing.
    pub title: String,
    /// The law concerned.
    pub cite: String,
}

/// The verdict of one stretch of law.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// Classification in this stretch.
    pub classification: String,
    /// Lawfulness in this stretch (`null` for unknown).
    pub lawful: Option<bool>,
    /// Violations in this stretch.
    pub violations: Vec<Violation>,
    /// Lowest and highest balance of the classification weighing (toward its first side).
    pub score: [i32; 2],
    /// Fired factors as `side:factor:weight`.
    pub factors: Vec<String>,
    /// Unknown facts that alone could settle the classification, in declaration order.
    pub decisive: Vec<String>,
    /// Law not yet encoded that this stretch touches.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<Gap>,
}

/// The verdict of a case under one pack.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    /// Case id.
    pub id: String,
    /// Pack id.
    pub under: String,
    /// Case title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `outsourcing`, `provision`, `joint_control` or `undecided`.
    pub classification: String,
    /// Lawfulness (`null` for unknown).
    pub lawful: Option<bool>,
    /// Violations found in any stretch.
    pub violations: Vec<Violation>,
    /// Unknown facts that could change the outcome, most decisive first.
    pub unknowns: Vec<Unknown>,
    /// One verdict per stretch of law.
    pub periods: Vec<Period>,
    /// The rules and facts that carried the outcome.
    pub grounds: Vec<String>,
    /// Law not yet encoded that the case touches.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<Gap>,
    /// The explanation tree, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

fn tri(t: Tri) -> Option<bool> {
    t.as_bool()
}

fn class_name(pack: &Pack, j: &StretchJudgment) -> String {
    match (pack.classifier(), j.weighing.and_then(|o| o.side())) {
        (Some(w), Some(side)) => w.sides.get(usize::from(side)).cloned().unwrap_or_default(),
        (Some(_), None) => "undecided".to_string(),
        (None, _) => "undecided".to_string(),
    }
}

fn violation(pack: &Pack, found: crate::eval::Found) -> Option<Violation> {
    let r = pack.requirements.get(usize::from(found.req))?;
    let if_classified = found.only_under.and_then(|s| {
        pack.classifier()
            .and_then(|w| w.sides.get(usize::from(s)).cloned())
    });
    Some(Violation {
        code: r.code.clone(),
        cite: r.meta.cite(),
        message: r.message.clone(),
        exposes: r.exposes.clone(),
        requirement: r.meta.id.clone(),
        if_classified,
        during: Vec::new(),
        transition: Vec::new(),
    })
}

fn unknown(pack: &Pack, f: FactId, could_change: &'static str) -> Option<Unknown> {
    let def = pack.facts.get(usize::from(f))?;
    Some(Unknown {
        fact: def.name.clone(),
        question: def.ask.clone(),
        could_change,
        burden: def.burden.as_ref().map(|(party, v)| {
            format!(
                "the {party} must prove it; unproven, it counts as {}",
                pack.show_value(f, *v)
            )
        }),
    })
}

/// Judges a bound case under a pack, stretch by stretch, and sums it up.
pub fn judge(
    pack: &Pack,
    case: &CaseAst,
    bound: &BoundCase,
    ev: &mut Evaluator,
    sources: Option<&SourceMap>,
) -> Verdict {
    let parts: Vec<(crate::eval::Stretch, StretchJudgment)> = stretches(pack, bound.from, bound.to)
        .into_iter()
        .map(|s| (s, ev.judge(pack, &bound.facts, s)))
        .collect();
    let mut v = Verdict {
        id: case.id.text.clone(),
        under: pack.id.clone(),
        title: case.title.clone(),
        classification: String::new(),
        lawful: None,
        violations: Vec::new(),
        unknowns: Vec::new(),
        periods: Vec::new(),
        grounds: Vec::new(),
        gaps: Vec::new(),
        explanation: None,
    };
    let mut lawful = Tri::True;
    let mut class: Option<String> = None;
    let mut class_differs = false;
    let mut decisive_order: Vec<FactId> = Vec::new();
    let mut lawful_unknowns: Vec<FactId> = Vec::new();
    for (s, j) in &parts {
        let cname = class_name(pack, j);
        match &class {
            None => class = Some(cname.clone()),
            Some(c) if *c != cname => class_differs = true,
            _ => {}
        }
        lawful = match (lawful, j.lawful) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        };
        let violations: Vec<Violation> = j
            .violations
            .iter()
            .filter_map(|f| violation(pack, *f))
            .collect();
        let during = DateRange {
            from: s.from.to_string(),
            to: s.to.to_string(),
        };
        for viol in &violations {
            match v
                .violations
                .iter_mut()
                .find(|x| x.code == viol.code && x.if_classified == viol.if_classified)
            {
                Some(existing) => merge_during(&mut existing.during, during.clone(), s.from),
                None => {
                    let mut top = viol.clone();
                    top.during.push(during.clone());
                    v.violations.push(top);
                }
            }
        }
        let gaps: Vec<Gap> = j
            .gaps
            .iter()
            .filter_map(|g| pack.gaps.get(usize::from(*g)))
            .map(|g| Gap {
                id: g.meta.id.clone(),
                title: g.meta.title.clone(),
                cite: g.meta.cite(),
            })
            .collect();
        for g in &gaps {
            if !v.gaps.contains(g) {
                v.gaps.push(g.clone());
            }
        }
        for name in &j.grounds {
            if !v.grounds.contains(name) {
                v.grounds.push(name.clone());
            }
        }
        for f in &j.decisive {
            if !decisive_order.contains(f) {
                decisive_order.push(*f);
            }
        }
        for f in &j.lawful_unknowns {
            if !lawful_unknowns.contains(f) {
                lawful_unknowns.push(*f);
            }
        }
        let (score, factors) = match (pack.classifier(), j.weighing) {
            (Some(w), Some(o)) => (
                [o.lo, o.hi],
                w.factors
                    .iter()
                    .zip(&j.factor_vals)
                    .filter(|(_, v)| **v == Tri::True)
                    .map(|(f, _)| {
                        format!(
                            "{}:{}:{}",
                            w.sides.get(usize::from(f.side)).map_or("", String::as_str),
                            f.meta.id,
                            f.weight
                        )
                    })
                    .collect(),
            ),
            _ => ([0, 0], Vec::new()),
        };
        v.periods.push(Period {
            from: s.from.to_string(),
            to: s.to.to_string(),
            classification: cname,
            lawful: tri(j.lawful),
            violations,
            score,
            factors,
            decisive: j
                .decisive
                .iter()
                .filter_map(|f| pack.facts.get(usize::from(*f)).map(|d| d.name.clone()))
                .collect(),
            gaps,
        });
    }
    v.classification = if class_differs {
        "undecided".to_string()
    } else {
        class.unwrap_or_else(|| "undecided".to_string())
    };
    v.lawful = tri(lawful);
    // A violation that started before a transition date and still ran on it.
    for x in &mut v.violations {
        for (date, note) in &pack.transitions {
            let runs_across = x.during.iter().any(|d| {
                Date::parse(&d.from).is_some_and(|f| f < *date)
                    && Date::parse(&d.to).is_some_and(|t| t >= *date)
            });
            if runs_across {
                x.transition
                    .push(format!("still running on {date}: {note}"));
            }
        }
    }
    // Most decisive first: classification facts by the weight they can move, then lawfulness.
    if let Some(w) = pack.classifier() {
        decisive_order.sort_by_key(|f| {
            let weight: i32 = w
                .factors
                .iter()
                .filter(|x| x.facts.contains(f))
                .map(|x| x.weight)
                .max()
                .unwrap_or(0);
            (std::cmp::Reverse(weight), *f)
        });
    }
    v.unknowns = decisive_order
        .iter()
        .filter_map(|f| unknown(pack, *f, "classification"))
        .chain(
            lawful_unknowns
                .iter()
                .filter(|f| !decisive_order.contains(f))
                .filter_map(|f| unknown(pack, *f, "lawfulness")),
        )
        .collect();
    if v.lawful != Some(false) {
        // Lawfulness can only change if it is still open.
        v.unknowns
            .retain(|u| u.could_change == "classification" || v.lawful.is_none());
    }
    if let Some(sources) = sources {
        v.explanation = Some(crate::explain::explain(
            pack, case, bound, ev, sources, &parts,
        ));
    }
    v
}

fn merge_during(during: &mut Vec<DateRange>, next: DateRange, from: Date) {
    if let Some(last) = during.last_mut()
        && Date::parse(&last.to).is_some_and(|t| t.succ() == from)
    {
        last.to = next.to;
        return;
    }
    during.push(next);
}
