//! The verdict of a case under one pack, in the shape of cases.md §3 (extended, never broken).

use crate::case::BoundCase;
use crate::compile::pack::{FactId, Pack};
use crate::eval::tri::Tri;
use crate::eval::{Evaluator, Stretch, StretchJudgment, stretches};
use crate::explain::Explanation;
use crate::source::SourceMap;
use crate::summary::{CouldChange, Summary, SummaryViolation, summarize};
use crate::syntax::ast::CaseAst;
use crate::words::words;
use serde::{Deserialize, Serialize};

/// A violation in a verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// Stable code, e.g. `KR-PIPA-26-1`.
    pub code: String,
    /// The article broken.
    pub cite: String,
    /// What was broken, in words.
    pub message: String,
    /// What it exposes the transferor to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposes: Option<String>,
    /// The requirement of the pack that found it.
    pub requirement: String,
    /// Set when the violation holds only if the transfer is classified so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_classified: Option<String>,
    /// When it ran (top level only): the stretches of the period in which it was found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub during: Vec<DateRange>,
    /// Transitional rules of the pack that apply because the violation ran across their date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transition: Vec<String>,
}

/// A stretch of dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
}

/// An unknown fact that could change the outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unknown {
    /// The fact.
    pub fact: String,
    /// The question to ask.
    pub question: String,
    /// What it could change: `classification`, `lawfulness`, or `violations` (which violations
    /// are found, where lawfulness is settled or this fact alone cannot change it).
    pub could_change: CouldChange,
    /// Who bears the burden of proving it, and what it counts as unproven.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub burden: Option<String>,
}

/// A fact taken at its burden-of-proof default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assumed {
    /// The fact.
    pub fact: String,
    /// The value it counts as, unproven.
    pub value: String,
    /// Who must prove it.
    pub party: String,
}

/// The verdict under the burden of proof: the open facts a party must prove, taken as unproven.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BurdenView {
    /// The facts taken at their defaults.
    pub assumed: Vec<Assumed>,
    /// The classification then (`null` where the law does not apply).
    #[serde(serialize_with = "class_json", deserialize_with = "class_read")]
    pub classification: String,
    /// Lawfulness then.
    pub lawful: Option<bool>,
    /// The violation codes then.
    pub violations: Vec<String>,
}

/// An unknown fact that would settle a possible violation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settler {
    /// The fact.
    pub fact: String,
    /// The question to ask.
    pub question: String,
}

/// A requirement that unknown facts leave open in some stretch: it may be violated
/// (cases.md §3.1). The keys of a [`Violation`], and `settled_by`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PossibleViolation {
    /// Stable code, e.g. `KR-PIPA-26-1`.
    pub code: String,
    /// The article that may be broken.
    pub cite: String,
    /// What would be broken, in words.
    pub message: String,
    /// What it would expose the transferor to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposes: Option<String>,
    /// The requirement of the pack.
    pub requirement: String,
    /// Set when it can be broken only if the transfer is classified so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_classified: Option<String>,
    /// The stretches of the period in which it is open.
    pub during: Vec<DateRange>,
    /// The unknown facts that would settle it, with their questions (empty when only the
    /// classification, which no single fact can settle, leaves it open).
    pub settled_by: Vec<Settler>,
}

/// Law the pack knows applies or may apply to the case but does not encode (cases.md §3.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotChecked {
    /// The pack's gap rule.
    pub rule: String,
    /// What is not checked.
    pub title: String,
    /// The law concerned.
    pub cite: String,
    /// The stretches of the period in which it applies or may apply.
    pub during: Vec<DateRange>,
}

/// Law the pack does not encode, which the case touches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// The gap's id.
    pub id: String,
    /// What is missing.
    pub title: String,
    /// The law concerned.
    pub cite: String,
}

/// The verdict of one stretch of law.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// Whether the law reaches the case in this stretch (packs with `scope` items only).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub applies: Option<Option<bool>>,
    /// Classification in this stretch (`null` where the law does not apply).
    #[serde(serialize_with = "class_json", deserialize_with = "class_read")]
    pub classification: String,
    /// The law's own term for it, where it differs from the classification (cases.md §3.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// The side's title in the run's language, where the pack gives one (for reports only).
    #[serde(skip)]
    pub term_title: Option<String>,
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<Gap>,
}

/// The verdict of a case under one pack.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// Case id.
    pub id: String,
    /// Pack id.
    pub under: String,
    /// Case title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Whether the pack's law reaches the case (`null` for unknown; packs with `scope` items
    /// only, cases.md §3.1).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub applies: Option<Option<bool>>,
    /// Why the law does not reach the case, or may not (the scope items that fail).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    /// `outsourcing`, `provision`, `joint_control` or `undecided` (the common axis); `null`
    /// where the law does not apply.
    #[serde(serialize_with = "class_json", deserialize_with = "class_read")]
    pub classification: String,
    /// The law's own term for the relation, where the pack names it otherwise than the axis
    /// (cases.md §3.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// The side's title in the run's language, where the pack gives one (for reports only).
    #[serde(skip)]
    pub term_title: Option<String>,
    /// Lawfulness (`null` for unknown).
    pub lawful: Option<bool>,
    /// Violations found in any stretch.
    pub violations: Vec<Violation>,
    /// Unknown facts that could change the outcome or the violations found, most decisive
    /// first: the classification's, then lawfulness', then the violations'.
    pub unknowns: Vec<Unknown>,
    /// One verdict per stretch of law.
    pub periods: Vec<Period>,
    /// The rules and facts that carried the outcome.
    pub grounds: Vec<String>,
    /// Law not yet encoded that the case touches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<Gap>,
    /// Requirements that unknown facts leave open in some stretch: violations that may be
    /// found, with the facts that would settle each, whether or not lawfulness is decided.
    #[serde(default)]
    pub possible_violations: Vec<PossibleViolation>,
    /// Law the pack knows applies or may apply but does not encode, with when; where it is
    /// not empty, `lawful` is not `true`.
    #[serde(default)]
    pub not_checked: Vec<NotChecked>,
    /// The outcome if every open fact a party must prove stays unproven (with the explanation
    /// only, and only when some open fact that matters carries a burden of proof).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub burden: Option<BurdenView>,
    /// The facts the case gives, with where they were written (with the explanation only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<crate::explain::FactRead>,
    /// The explanation tree, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

fn tri(t: Tri) -> Option<bool> {
    t.as_bool()
}

/// An empty classification (the law does not apply) is written `null`.
fn class_json<S: serde::Serializer>(c: &str, s: S) -> Result<S::Ok, S::Error> {
    if c.is_empty() {
        s.serialize_none()
    } else {
        s.serialize_str(c)
    }
}

fn class_read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// A key that is present, even as `null`.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<bool>>, D::Error> {
    Ok(Some(Option::<bool>::deserialize(d)?))
}

fn side_name(pack: &Pack, side: Option<u8>) -> String {
    pack.class_value(side)
}

/// The law's own term for a side, where it differs from the axis value.
fn term(pack: &Pack, side: Option<u8>) -> Option<String> {
    pack.classifier()?.term_of(side?).map(str::to_string)
}

/// The title a pack gives a side, for reports.
fn term_title(pack: &Pack, side: Option<u8>) -> Option<String> {
    let w = pack.classifier()?;
    w.titles.get(usize::from(side?))?.clone()
}

/// `applies` of a verdict: only for a pack with scope items.
fn applies_key(pack: &Pack, t: Tri) -> Option<Option<bool>> {
    (!pack.scope.is_empty()).then(|| t.as_bool())
}

/// A violation (or possible violation) of `found.req`, with the exposures that apply on some
/// day of `during`.
fn violation(
    pack: &Pack,
    found: crate::eval::Found,
    during: &[(crate::date::Date, crate::date::Date)],
) -> Option<Violation> {
    let r = pack.requirements.get(usize::from(found.req))?;
    let if_classified = found.only_under.and_then(|s| {
        pack.classifier()
            .and_then(|w| w.axis_of(s).map(str::to_string))
    });
    Some(Violation {
        code: r.code.clone(),
        cite: r.meta.cite(),
        message: r.message.clone(),
        exposes: r.exposes_during(during.iter().copied()),
        requirement: r.meta.id.clone(),
        if_classified,
        during: Vec::new(),
        transition: Vec::new(),
    })
}

fn unknown(pack: &Pack, f: FactId, could_change: CouldChange) -> Option<Unknown> {
    let def = pack.facts.get(usize::from(f))?;
    Some(Unknown {
        fact: def.name.clone(),
        question: def.ask.clone(),
        could_change,
        burden: def.burden.as_ref().map(|(party, v)| {
            let w = words(pack.lang);
            w.burden(&w.role(party), &pack.show_value(f, *v))
        }),
    })
}

fn range(from: crate::date::Date, to: crate::date::Date) -> DateRange {
    DateRange {
        from: from.to_string(),
        to: to.to_string(),
    }
}

fn possible(pack: &Pack, x: &SummaryViolation) -> Option<PossibleViolation> {
    let v = violation(
        pack,
        crate::eval::Found {
            req: x.req,
            only_under: x.only_under,
        },
        &x.during,
    )?;
    Some(PossibleViolation {
        code: v.code,
        cite: v.cite,
        message: v.message,
        exposes: v.exposes,
        requirement: v.requirement,
        if_classified: v.if_classified,
        during: x.during.iter().map(|(f, t)| range(*f, *t)).collect(),
        settled_by: x
            .settled_by
            .iter()
            .filter_map(|f| {
                let d = pack.facts.get(usize::from(*f))?;
                Some(Settler {
                    fact: d.name.clone(),
                    question: d.ask.clone(),
                })
            })
            .collect(),
    })
}

fn gap(pack: &Pack, g: u16) -> Option<Gap> {
    pack.gaps.get(usize::from(g)).map(|g| Gap {
        id: g.meta.id.clone(),
        title: g.meta.title.clone(),
        cite: g.meta.cite(),
    })
}

/// The verdict of one stretch.
fn period(pack: &Pack, s: &Stretch, j: &StretchJudgment) -> Period {
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
    let side = j.weighing.and_then(|o| o.side());
    Period {
        from: s.from.to_string(),
        to: s.to.to_string(),
        applies: applies_key(pack, j.applies),
        classification: if j.applies == Tri::False {
            String::new()
        } else {
            side_name(pack, side)
        },
        term: term(pack, side),
        term_title: term_title(pack, side),
        lawful: tri(j.lawful),
        violations: j
            .violations
            .iter()
            .filter_map(|f| violation(pack, *f, &[(s.from, s.to)]))
            .collect(),
        score,
        factors,
        decisive: j
            .decisive
            .iter()
            .filter_map(|f| pack.facts.get(usize::from(*f)).map(|d| d.name.clone()))
            .collect(),
        gaps: j.gaps.iter().filter_map(|g| gap(pack, *g)).collect(),
    }
}

/// Judges every stretch of a bound case.
pub fn judge_parts(
    pack: &Pack,
    bound: &BoundCase,
    ev: &mut Evaluator,
) -> Vec<(Stretch, StretchJudgment)> {
    stretches(pack, bound.from, bound.to)
        .into_iter()
        .map(|s| (s, ev.judge(pack, &bound.facts, s)))
        .collect()
}

/// Builds the verdict from judged stretches and their summary.
pub fn verdict(
    pack: &Pack,
    case: &CaseAst,
    parts: &[(Stretch, StretchJudgment)],
    sum: &Summary,
) -> Verdict {
    Verdict {
        id: case.id.text.clone(),
        under: pack.id.clone(),
        title: case.title.as_ref().map(|t| t.get(pack.lang).to_string()),
        applies: applies_key(pack, sum.applies),
        reasons: if sum.applies == Tri::True {
            Vec::new()
        } else {
            sum.out_of_scope
                .iter()
                .filter_map(|t| pack.tests.get(usize::from(*t)))
                .map(|t| t.fails.clone().unwrap_or_else(|| t.meta.title.clone()))
                .collect()
        },
        classification: if sum.applies == Tri::False {
            String::new()
        } else {
            side_name(pack, sum.side)
        },
        term: term(pack, sum.side),
        term_title: term_title(pack, sum.side),
        lawful: tri(sum.lawful),
        violations: sum
            .violations
            .iter()
            .filter_map(|x| {
                let mut v = violation(
                    pack,
                    crate::eval::Found {
                        req: x.req,
                        only_under: x.only_under,
                    },
                    &x.during,
                )?;
                v.during = x.during.iter().map(|(f, t)| range(*f, *t)).collect();
                v.transition = x
                    .transitions
                    .iter()
                    .filter_map(|i| pack.transitions.get(*i))
                    .map(|t| words(pack.lang).transition(&t.date.to_string(), &t.note))
                    .collect();
                Some(v)
            })
            .collect(),
        unknowns: sum
            .unknowns
            .iter()
            .filter_map(|(f, c)| unknown(pack, *f, *c))
            .collect(),
        periods: parts.iter().map(|(s, j)| period(pack, s, j)).collect(),
        grounds: {
            // A factor may be named after the fact it reads: list each name once.
            let mut names: Vec<String> = Vec::with_capacity(sum.grounds.len());
            for g in &sum.grounds {
                let n = g.name(pack);
                if !names.iter().any(|x| x == n) {
                    names.push(n.to_string());
                }
            }
            names
        },
        gaps: sum.gaps.iter().filter_map(|g| gap(pack, *g)).collect(),
        possible_violations: sum
            .possible
            .iter()
            .filter_map(|x| possible(pack, x))
            .collect(),
        not_checked: sum
            .gaps
            .iter()
            .filter_map(|g| {
                let def = pack.gaps.get(usize::from(*g))?;
                Some(NotChecked {
                    rule: def.meta.id.clone(),
                    title: def.meta.title.clone(),
                    cite: def.meta.cite(),
                    during: sum
                        .gap_during
                        .iter()
                        .filter(|(x, _, _)| x == g)
                        .map(|(_, f, t)| range(*f, *t))
                        .collect(),
                })
            })
            .collect(),
        burden: None,
        facts: Vec::new(),
        explanation: None,
    }
}

/// The verdict with every open fact that matters and carries a burden of proof taken at its
/// default; `None` when no such fact is open.
pub fn burden_view(
    pack: &Pack,
    case: &CaseAst,
    bound: &BoundCase,
    ev: &mut Evaluator,
    sum: &Summary,
) -> Option<BurdenView> {
    let mut facts = bound.facts.clone();
    let mut assumed = Vec::new();
    for (f, _) in &sum.unknowns {
        let def = pack.facts.get(usize::from(*f))?;
        if let Some((party, v)) = &def.burden {
            if let Some(slot) = facts.get_mut(usize::from(*f)) {
                *slot = *v;
            }
            assumed.push(Assumed {
                fact: def.name.clone(),
                value: pack.show_value(*f, *v),
                party: party.clone(),
            });
        }
    }
    if assumed.is_empty() {
        return None;
    }
    let alt = BoundCase {
        facts,
        ..bound.clone()
    };
    let parts = judge_parts(pack, &alt, ev);
    let mut s = Summary::default();
    summarize(pack, &parts, &mut s);
    let v = verdict(pack, case, &parts, &s);
    Some(BurdenView {
        assumed,
        classification: v.classification,
        lawful: v.lawful,
        violations: v.violations.iter().map(|x| x.code.clone()).collect(),
    })
}

/// Adds the explanation tree, and the facts the case gives, to a verdict.
pub fn explain_into(
    v: &mut Verdict,
    pack: &Pack,
    case: &CaseAst,
    bound: &BoundCase,
    ev: &mut Evaluator,
    sources: &SourceMap,
    parts: &[(Stretch, StretchJudgment)],
) {
    v.facts = crate::explain::given_facts(pack, bound, sources);
    let mut sum = Summary::default();
    summarize(pack, parts, &mut sum);
    v.burden = burden_view(pack, case, bound, ev, &sum);
    v.explanation = Some(crate::explain::explain(
        pack, case, bound, ev, sources, parts,
    ));
}

/// Judges a bound case under a pack, stretch by stretch, and sums it up. With `sources`, the
/// explanation tree is included.
pub fn judge(
    pack: &Pack,
    case: &CaseAst,
    bound: &BoundCase,
    ev: &mut Evaluator,
    sources: Option<&SourceMap>,
) -> Verdict {
    let parts = judge_parts(pack, bound, ev);
    let mut sum = Summary::default();
    summarize(pack, &parts, &mut sum);
    let mut v = verdict(pack, case, &parts, &sum);
    if let Some(sources) = sources {
        explain_into(&mut v, pack, case, bound, ev, sources, &parts);
    }
    v
}
