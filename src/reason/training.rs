//! Training: a trainee's answer to an exercise (a sample case shown without its expected
//! answer), graded part by part against the engine's verdict, with, for each part the trainee got
//! wrong, the first step of the engine's reasoning where the two part ways.
//!
//! Four parts are graded, each worth one point:
//!
//! - the **classification** (right or wrong);
//! - the **lawfulness** (`yes`, `no` or `unknown`; right or wrong);
//! - the **violations**: codes match as in cases.md §4 (`KR-PIPA-28-8` matches `KR-PIPA-28-8-1`);
//!   each code the verdict found and the trainee named earns its share of the point, and each
//!   code the trainee named that matches nothing found takes a share away (never below zero).
//!   With no violation found, naming none earns the point;
//! - the **grounds**: each named fact or rule among the verdict's grounds or its decisive
//!   unknowns earns a share, each other name takes one away; the shares are counted against the
//!   number of grounds the exercise's key (its `expect because`) names, or one without a key.
//!
//! The answers of a class come in YAML files ([`read_answers`]):
//!
//! ```yaml
//! trainee: Kim Ji-woo
//! answers:
//!   - case: courier-parcels-training
//!     classification: outsourcing
//!     lawful: yes            # yes, no, unknown (true, false and null are read so too)
//!     violations: []         # codes; `none` or an empty list for none
//!     because: [processing_serves]
//! ```

use crate::compile::pack::Pack;
use crate::explain::{Explanation, FactRead, Node, NodeKind, Outcome};
use crate::testing::code_matches;
use crate::verdict::Verdict;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt::{self, Write as _};

// ---- answers ----------------------------------------------------------------------------------

/// Lawfulness as a trainee answers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lawful {
    /// Lawful.
    Yes,
    /// Unlawful.
    No,
    /// Not decidable on the facts given.
    Unknown,
}

impl Lawful {
    /// The verdict's lawfulness in the trainee's words.
    pub fn of_verdict(l: Option<bool>) -> Lawful {
        match l {
            Some(true) => Lawful::Yes,
            Some(false) => Lawful::No,
            None => Lawful::Unknown,
        }
    }

    /// Reads a typed answer: `yes`, `no`, `unknown` and their usual synonyms.
    pub fn parse(s: &str) -> Option<Lawful> {
        match s.trim().to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" | "lawful" => Some(Lawful::Yes),
            "no" | "n" | "false" | "unlawful" => Some(Lawful::No),
            "unknown" | "u" | "null" | "~" | "open" | "undecided" => Some(Lawful::Unknown),
            _ => None,
        }
    }

    /// The answer as a word.
    pub fn word(self) -> &'static str {
        match self {
            Lawful::Yes => "yes",
            Lawful::No => "no",
            Lawful::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Lawful {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

struct LawfulVisitor;

impl<'de> Visitor<'de> for LawfulVisitor {
    type Value = Option<Lawful>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("yes, no or unknown")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(if v { Lawful::Yes } else { Lawful::No }))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Lawful::parse(v).map(Some).ok_or_else(|| {
            E::custom(format!(
                "`{v}` is not a lawfulness: answer yes, no or unknown"
            ))
        })
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Some(Lawful::Unknown))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Some(Lawful::Unknown))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(LawfulVisitor)
    }
}

fn lawful_answer<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lawful>, D::Error> {
    d.deserialize_any(LawfulVisitor)
}

/// Splits a typed list of names or codes: commas or spaces between them; `none` or `-` alone
/// for none.
pub fn split_list(s: &str) -> Vec<String> {
    let t = s.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("none") || t == "-" || t == "[]" {
        return Vec::new();
    }
    t.trim_start_matches('[')
        .trim_end_matches(']')
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

struct ListVisitor;

impl<'de> Visitor<'de> for ListVisitor {
    type Value = Option<Vec<String>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of names, or none")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(split_list(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Some(Vec::new()))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Some(Vec::new()))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(ListVisitor)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(x) = seq.next_element::<String>()? {
            out.extend(split_list(&x));
        }
        Ok(Some(out))
    }
}

fn list_answer<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    d.deserialize_any(ListVisitor)
}

/// A trainee's answer to one exercise. A part left out is a part not answered, and earns
/// nothing; an empty list of violations is the answer "none".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The exercise's case id.
    pub case: String,
    /// `outsourcing`, `provision`, `joint_control` or `undecided`.
    #[serde(default)]
    pub classification: Option<String>,
    /// Lawful: `yes`, `no` or `unknown`.
    #[serde(default, deserialize_with = "lawful_answer")]
    pub lawful: Option<Lawful>,
    /// The violation codes found.
    #[serde(default, deserialize_with = "list_answer")]
    pub violations: Option<Vec<String>>,
    /// The decisive grounds: names of facts or rules.
    #[serde(default, deserialize_with = "list_answer")]
    pub because: Option<Vec<String>>,
    /// How many of the exercise's hints the trainee asked for (shown before the answer).
    #[serde(default)]
    pub hints: usize,
    /// The line of the answers file where this answer starts (set by [`read_answers`]).
    #[serde(skip)]
    pub line: Option<usize>,
}

impl Answer {
    /// An answer with no part answered.
    pub fn blank(case: &str) -> Answer {
        Answer {
            case: case.to_string(),
            ..Answer::default()
        }
    }
}

/// One trainee's answers file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerFile {
    /// The trainee's name.
    pub trainee: String,
    /// The answers, one per exercise.
    #[serde(default)]
    pub answers: Vec<Answer>,
}

impl AnswerFile {
    /// The answer to an exercise, if the trainee gave one.
    pub fn answer(&self, case: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.case == case)
    }
}

/// Why an answers file could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerError {
    /// Line, from 1 (0 when unknown).
    pub line: usize,
    /// Column, from 1 (0 when unknown).
    pub col: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

/// Reads an answers file. Errors carry the line and column; an answer given twice for one
/// exercise is an error at its second place.
pub fn read_answers(text: &str) -> Result<AnswerFile, AnswerError> {
    let mut file: AnswerFile = serde_yaml::from_str(text).map_err(|e| {
        let (line, col) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        let mut message = e.to_string();
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        AnswerError { line, col, message }
    })?;
    // Where each answer starts: the `case:` lines, in order.
    let mut starts = text.lines().enumerate().filter_map(|(i, l)| {
        let t = l.trim_start().trim_start_matches('-').trim_start();
        t.strip_prefix("case:")
            .map(|rest| (i + 1, rest.trim().trim_matches(['"', '\'']).to_string()))
    });
    for a in &mut file.answers {
        a.line = starts.find(|(_, id)| *id == a.case).map(|(l, _)| l);
    }
    for (k, a) in file.answers.iter().enumerate() {
        if file.answers.iter().take(k).any(|b| b.case == a.case) {
            return Err(AnswerError {
                line: a.line.unwrap_or(0),
                col: 1,
                message: format!("a second answer to `{}`", a.case),
            });
        }
    }
    Ok(file)
}

// ---- grades -----------------------------------------------------------------------------------

/// A graded part of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// Outsourcing, provision, …
    Classification,
    /// Lawful or not.
    Lawfulness,
    /// The violations found.
    Violations,
    /// The decisive grounds.
    Grounds,
}

impl Part {
    /// The part's name.
    pub fn name(self) -> &'static str {
        match self {
            Part::Classification => "classification",
            Part::Lawfulness => "lawfulness",
            Part::Violations => "violations",
            Part::Grounds => "grounds",
        }
    }
}

/// Points earned out of points possible; a part is worth `earned / possible` of one point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// Shares earned.
    pub earned: u32,
    /// Shares possible (at least 1).
    pub possible: u32,
}

impl Score {
    /// The part's worth, from 0 to 1.
    pub fn value(self) -> f64 {
        if self.possible == 0 {
            0.0
        } else {
            f64::from(self.earned) / f64::from(self.possible)
        }
    }

    /// Full marks.
    pub fn full(self) -> bool {
        self.possible > 0 && self.earned >= self.possible
    }
}

/// One step of the engine's reasoning, lifted out of the explanation for a trainee.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// `factor`, `weighing`, `requirement`, `gap` or `lawfulness` (a summary of the requirements).
    pub kind: String,
    /// The rule's id.
    pub id: String,
    /// What the rule says: a factor's reason, a requirement's title.
    pub title: String,
    /// The article or judgment behind it.
    pub cite: String,
    /// What the engine found: `fired`, `violated`, `open`, `met`, `excused`, `not applicable`,
    /// `not in force`, a weighing's side or `undecided`.
    pub result: String,
    /// More: a factor's side and weight, a violation's code and message, a weighing's balance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The facts it read that carried the result, with their values and where they were written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactRead>,
    /// Caveats of the rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The classification assumed, when the engine could not settle it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assuming: Option<String>,
    /// The stretch of law, when the case's period falls into several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<(String, String)>,
}

/// A part graded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartGrade {
    /// Which part.
    pub part: Part,
    /// Its score.
    pub score: Score,
    /// What the trainee answered, in words.
    pub given: String,
    /// What the engine found, in words.
    pub expected: String,
    /// What was right and what was wrong, item by item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<String>,
    /// Where the engine's reasoning differs from the answer, first step first (empty when the
    /// part is right).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

/// An answer graded against the verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    /// The exercise's case id.
    pub case: String,
    /// Whether the trainee answered at all.
    pub answered: bool,
    /// The classification.
    pub classification: PartGrade,
    /// The lawfulness.
    pub lawfulness: PartGrade,
    /// The violations.
    pub violations: PartGrade,
    /// The grounds.
    pub grounds: PartGrade,
}

impl Grade {
    /// The four parts in order.
    pub fn parts(&self) -> [&PartGrade; 4] {
        [
            &self.classification,
            &self.lawfulness,
            &self.violations,
            &self.grounds,
        ]
    }

    /// The points earned, out of [`Grade::POSSIBLE`].
    pub fn total(&self) -> f64 {
        self.parts().iter().map(|p| p.score.value()).sum()
    }

    /// Points possible for one exercise: one per part.
    pub const POSSIBLE: f64 = 4.0;

    /// The first step of the reasoning that differs from the answer, over all parts.
    pub fn first_step(&self) -> Option<&Step> {
        self.parts().into_iter().find_map(|p| p.steps.first())
    }
}

/// Formats points for a table: at most two decimals, no trailing zeros (`4`, `3.5`, `2.67`).
pub fn points(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

// ---- finding steps in the explanation -------------------------------------------------------------

fn leaf_facts(n: &Node, out: &mut Vec<FactRead>) {
    for f in &n.facts {
        if !out.iter().any(|x| x.fact == f.fact) {
            out.push(f.clone());
        }
    }
    for c in &n.children {
        leaf_facts(c, out);
    }
}

/// The leaf conditions that keep a condition from holding, as `title (here: false)`, and the
/// facts they read.
fn failing_leaves(n: &Node, out: &mut Vec<String>, facts: &mut Vec<FactRead>) {
    if n.result == Outcome::True {
        return;
    }
    let leaf = n.children.is_empty() || n.kind == NodeKind::Test;
    if leaf
        && matches!(
            n.kind,
            NodeKind::Fact | NodeKind::Condition | NodeKind::Test
        )
    {
        leaf_facts(n, facts);
        let title = if n.kind == NodeKind::Test && !n.id.is_empty() {
            format!("{} ({})", n.title, n.id)
        } else {
            n.title.clone()
        };
        let line = format!("{title} (here: {})", n.result.code());
        if !out.contains(&line) {
            out.push(line);
        }
        return;
    }
    for c in &n.children {
        failing_leaves(c, out, facts);
    }
}

fn reads(n: &Node, fact: &str) -> bool {
    n.facts.iter().any(|f| f.fact == fact) || n.children.iter().any(|c| reads(c, fact))
}

fn find_id<'a>(n: &'a Node, id: &str) -> Option<&'a Node> {
    if n.id == id {
        return Some(n);
    }
    n.children.iter().find_map(|c| find_id(c, id))
}

/// Whether a factor is decisive, and its weight.
fn weight_of(n: &Node) -> (bool, i32) {
    n.weight
        .as_ref()
        .map_or((false, 0), |w| (w.decisive, w.points))
}

/// The side a factor counts toward.
fn side_of(n: &Node) -> &str {
    n.weight.as_ref().map_or("", |w| w.side.as_str())
}

struct Ctx<'a> {
    v: &'a Verdict,
    e: Option<&'a Explanation>,
}

impl Ctx<'_> {
    fn period(&self, k: usize) -> Option<(String, String)> {
        if self.v.periods.len() < 2 {
            return None;
        }
        self.v
            .periods
            .get(k)
            .map(|p| (p.from.clone(), p.to.clone()))
    }

    /// Facts of a requirement's subtree that are among the verdict's grounds or unknowns.
    fn deciding_facts(&self, n: &Node) -> Vec<FactRead> {
        // What it requires first, then when it applies and its exceptions.
        let mut all = Vec::new();
        for c in n.children.iter().filter(|c| c.kind == NodeKind::Requires) {
            leaf_facts(c, &mut all);
        }
        leaf_facts(n, &mut all);
        all.retain(|f| {
            self.v.grounds.contains(&f.fact) || self.v.unknowns.iter().any(|u| u.fact == f.fact)
        });
        all
    }

    fn factor_step(&self, n: &Node, k: usize) -> Step {
        let mut facts = Vec::new();
        leaf_facts(n, &mut facts);
        Step {
            kind: "factor".into(),
            id: n.id.clone(),
            title: n.title.clone(),
            cite: n.cite.clone(),
            result: n.result.code().to_string(),
            detail: n.weight.as_ref().map(|w| format!("weight {}", w.code())),
            facts,
            notes: n.notes.clone(),
            assuming: None,
            period: self.period(k),
        }
    }

    fn weighing_step(&self, w: &Node, k: usize) -> Step {
        // The facts that would settle it, most decisive first (the verdict's order).
        let mut decisive = self
            .v
            .periods
            .get(k)
            .map(|p| p.decisive.clone())
            .unwrap_or_default();
        decisive.sort_by_key(|f| {
            self.v
                .unknowns
                .iter()
                .position(|u| u.fact == *f)
                .unwrap_or(usize::MAX)
        });
        Step {
            kind: "weighing".into(),
            id: w.id.clone(),
            title: w.title.clone(),
            cite: w.cite.clone(),
            result: w.result.code().to_string(),
            detail: w.detail.clone(),
            facts: decisive
                .into_iter()
                .map(|fact| FactRead {
                    fact,
                    value: "unknown".into(),
                    at: None,
                })
                .collect(),
            notes: Vec::new(),
            assuming: None,
            period: self.period(k),
        }
    }

    fn requirement_step(&self, n: &Node, k: usize, assuming: Option<&String>) -> Step {
        let mut detail = n.detail.clone();
        let mut facts = self.deciding_facts(n);
        if n.result == Outcome::NotApplicable {
            let (mut unmet, mut read) = (Vec::new(), Vec::new());
            for c in n.children.iter().filter(|c| c.kind == NodeKind::Applies) {
                failing_leaves(c, &mut unmet, &mut read);
            }
            if !unmet.is_empty() {
                detail = Some(format!("does not apply: {}", unmet.join("; ")));
            }
            facts = read;
        }
        if n.result == Outcome::Excused {
            let by: Vec<String> = n
                .children
                .iter()
                .filter(|c| c.kind == NodeKind::Exception && c.result == Outcome::True)
                .map(|c| format!("excused by {}: {} ({})", c.id, c.title, c.cite))
                .collect();
            if !by.is_empty() {
                detail = Some(by.join("; "));
            }
        }
        Step {
            kind: "requirement".into(),
            id: n.id.clone(),
            title: n.title.clone(),
            cite: n.cite.clone(),
            result: n.result.code().to_string(),
            detail,
            facts,
            notes: n.notes.clone(),
            assuming: assuming.cloned(),
            period: self.period(k),
        }
    }

    /// The first requirement node (over stretches from `from`, readings, requirements) that
    /// `pick` accepts.
    fn first_requirement(&self, pick: impl Fn(usize, &Node) -> bool) -> Option<Step> {
        let e = self.e?;
        for (k, p) in e.periods.iter().enumerate() {
            for r in &p.readings {
                if let Some(n) = r.requirements.iter().find(|n| pick(k, n)) {
                    return Some(self.requirement_step(n, k, r.assuming.as_ref()));
                }
            }
        }
        None
    }

    /// For a wrong classification: the heaviest fired factor of the side the engine chose, in
    /// the first stretch whose classification differs from the answer; for an undecided
    /// weighing, the weighing itself with the facts that would settle it.
    fn classification_step(&self, answer: Option<&str>) -> Option<Step> {
        let e = self.e?;
        let k = self
            .v
            .periods
            .iter()
            .position(|p| Some(p.classification.as_str()) != answer)
            .unwrap_or(0);
        let w = e.periods.get(k)?.classification.as_ref()?;
        if w.result == Outcome::Undecided {
            return Some(self.weighing_step(w, k));
        }
        let mut best: Option<&Node> = None;
        for f in w
            .children
            .iter()
            .filter(|f| f.result == Outcome::Fired && side_of(f) == w.result.code())
        {
            if best.is_none_or(|b| weight_of(f) > weight_of(b)) {
                best = Some(f);
            }
        }
        match best {
            Some(f) => Some(self.factor_step(f, k)),
            None => Some(self.weighing_step(w, k)),
        }
    }

    /// For a wrong lawfulness: the first requirement whose status decides it.
    fn lawfulness_step(&self) -> Option<Step> {
        let e = self.e?;
        match self.v.lawful {
            Some(false) => {
                let bad: Vec<usize> = (0..self.v.periods.len())
                    .filter(|k| {
                        self.v
                            .periods
                            .get(*k)
                            .is_some_and(|p| p.lawful == Some(false))
                    })
                    .collect();
                self.first_requirement(|k, n| bad.contains(&k) && n.result == Outcome::Violated)
            }
            None => {
                let open: Vec<usize> = (0..self.v.periods.len())
                    .filter(|k| self.v.periods.get(*k).is_some_and(|p| p.lawful.is_none()))
                    .collect();
                if let Some(s) =
                    self.first_requirement(|k, n| open.contains(&k) && n.result == Outcome::Open)
                {
                    return Some(s);
                }
                for &k in &open {
                    let p = e.periods.get(k)?;
                    if let Some(g) = p.gaps.first() {
                        return Some(Step {
                            kind: "gap".into(),
                            id: g.id.clone(),
                            title: g.title.clone(),
                            cite: g.cite.clone(),
                            result: g.result.code().to_string(),
                            detail: None,
                            facts: Vec::new(),
                            notes: g.notes.clone(),
                            assuming: None,
                            period: self.period(k),
                        });
                    }
                    if p.readings.len() > 1
                        && let Some(w) = &p.classification
                    {
                        return Some(self.weighing_step(w, k));
                    }
                }
                self.first_requirement(|k, n| open.contains(&k) && n.result == Outcome::Violated)
            }
            Some(true) => {
                if let Some(s) = self.first_requirement(|_, n| n.result == Outcome::Excused) {
                    return Some(s);
                }
                let p = e.periods.first()?;
                let met: Vec<String> = p
                    .readings
                    .iter()
                    .flat_map(|r| &r.requirements)
                    .filter(|n| n.result == Outcome::Met)
                    .map(|n| format!("{} ({})", n.id, n.cite))
                    .collect();
                Some(Step {
                    kind: "lawfulness".into(),
                    id: String::new(),
                    title: "Every requirement that applies is met".into(),
                    cite: String::new(),
                    result: "lawful".into(),
                    detail: Some(if met.is_empty() {
                        "no requirement applies".into()
                    } else {
                        format!("met: {}", met.join(", "))
                    }),
                    facts: Vec::new(),
                    notes: Vec::new(),
                    assuming: None,
                    period: self.period(0),
                })
            }
        }
    }

    /// The requirement that found a violation the trainee missed.
    fn missed_step(&self, requirement: &str) -> Option<Step> {
        self.first_requirement(|_, n| n.id == requirement && n.result == Outcome::Violated)
    }

    /// The requirement behind a code the trainee named and the engine did not find: how the
    /// engine judged it (met, excused, not applicable, open), or that it was not in force.
    fn extra_step(&self, pack: &Pack, code: &str) -> Option<Step> {
        let reqs: Vec<&crate::compile::pack::ReqDef> = pack
            .requirements
            .iter()
            .filter(|r| code_matches(code, &r.code))
            .collect();
        let rank = |n: &Node| match n.result {
            Outcome::Open => 0,
            Outcome::Met | Outcome::Excused => 1,
            _ => 2,
        };
        for want in 0..3 {
            if let Some(s) = self
                .first_requirement(|_, n| rank(n) == want && reqs.iter().any(|r| r.meta.id == n.id))
            {
                return Some(s);
            }
        }
        let r = reqs.first()?;
        let when = match (r.meta.from, r.meta.until) {
            (Some(f), Some(u)) => format!("in force from {f} until {u}"),
            (Some(f), None) => format!("in force from {f}"),
            (None, Some(u)) => format!("in force until {u}"),
            (None, None) => "in force at no date of the case".into(),
        };
        Some(Step {
            kind: "requirement".into(),
            id: r.meta.id.clone(),
            title: r.meta.title.clone(),
            cite: r.meta.cite(),
            result: "not in force".into(),
            detail: Some(format!(
                "{}: {}; {when}, so at no date of this case",
                r.code, r.message
            )),
            facts: Vec::new(),
            notes: Vec::new(),
            assuming: None,
            period: None,
        })
    }

    /// Where a ground the key names is decided: the rule of that id, or the first violated or
    /// open requirement, fired factor or undecided weighing that reads the fact.
    fn ground_step(&self, name: &str) -> Option<Step> {
        let e = self.e?;
        // A fact that could still settle the classification: the open weighing.
        if self.v.unknowns.iter().any(|u| {
            u.fact == name && u.could_change == crate::summary::CouldChange::Classification
        }) {
            for (k, p) in e.periods.iter().enumerate() {
                if let Some(w) = &p.classification
                    && w.result == Outcome::Undecided
                {
                    return Some(self.weighing_step(w, k));
                }
            }
        }
        for (k, p) in e.periods.iter().enumerate() {
            for r in &p.readings {
                for n in &r.requirements {
                    if n.id == name {
                        return Some(self.requirement_step(n, k, r.assuming.as_ref()));
                    }
                }
            }
            if let Some(w) = &p.classification {
                if w.id == name {
                    return Some(self.weighing_step(w, k));
                }
                if let Some(f) = w.children.iter().find(|f| f.id == name) {
                    return Some(self.factor_step(f, k));
                }
            }
        }
        if let Some(s) = self.first_requirement(|_, n| {
            matches!(
                n.result,
                Outcome::Violated | Outcome::Open | Outcome::Excused
            ) && reads(n, name)
        }) {
            return Some(s);
        }
        for (k, p) in e.periods.iter().enumerate() {
            if let Some(w) = &p.classification {
                if let Some(f) = w
                    .children
                    .iter()
                    .find(|f| f.result == Outcome::Fired && reads(f, name))
                {
                    return Some(self.factor_step(f, k));
                }
                if w.result == Outcome::Undecided && reads(w, name) {
                    return Some(self.weighing_step(w, k));
                }
            }
        }
        // A test or exception of that id anywhere.
        for (k, p) in e.periods.iter().enumerate() {
            for r in &p.readings {
                for n in &r.requirements {
                    if let Some(x) = find_id(n, name) {
                        let mut s = self.requirement_step(n, k, r.assuming.as_ref());
                        s.kind = x.kind.code().to_string();
                        s.id = x.id.clone();
                        s.title = x.title.clone();
                        s.cite = x.cite.clone();
                        s.result = x.result.code().to_string();
                        s.detail = x.detail.clone();
                        s.notes = x.notes.clone();
                        return Some(s);
                    }
                }
            }
        }
        None
    }
}

fn list_or_none(xs: &[String]) -> String {
    if xs.is_empty() {
        "none".into()
    } else {
        xs.join(", ")
    }
}

/// Whether a code names at least an article: `JURISDICTION-ACT-ARTICLE[-PARAGRAPH]`.
fn specific_enough(code: &str) -> bool {
    code.split('-').filter(|s| !s.is_empty()).count() >= 3
}

/// Grades an answer against the verdict of the exercise's case under `pack`. The verdict should
/// carry its explanation (judged with sources) for the steps to be found. `key` is the grounds
/// the exercise expects (`expect because`): the grounds part is counted against their number
/// (one if there is no key), and the first one the trainee did not name is the step shown.
pub fn grade(answer: &Answer, verdict: &Verdict, pack: &Pack, key: &[String]) -> Grade {
    let ctx = Ctx {
        v: verdict,
        e: verdict.explanation.as_ref(),
    };
    let answered = answer.classification.is_some()
        || answer.lawful.is_some()
        || answer.violations.is_some()
        || answer.because.is_some();

    // Classification.
    let given_class = answer
        .classification
        .as_ref()
        .map(|c| c.trim().to_ascii_lowercase());
    let class_right = given_class.as_deref() == Some(verdict.classification.as_str());
    let classification = PartGrade {
        part: Part::Classification,
        score: Score {
            earned: u32::from(class_right),
            possible: 1,
        },
        given: given_class.clone().unwrap_or_else(|| "no answer".into()),
        expected: verdict.classification.clone(),
        remarks: Vec::new(),
        steps: if class_right {
            Vec::new()
        } else {
            ctx.classification_step(given_class.as_deref())
                .into_iter()
                .collect()
        },
    };

    // Lawfulness.
    let want = Lawful::of_verdict(verdict.lawful);
    let lawful_right = answer.lawful == Some(want);
    let lawfulness = PartGrade {
        part: Part::Lawfulness,
        score: Score {
            earned: u32::from(lawful_right),
            possible: 1,
        },
        given: answer
            .lawful
            .map_or_else(|| "no answer".into(), |l| l.word().into()),
        expected: want.word().into(),
        remarks: Vec::new(),
        steps: if lawful_right {
            Vec::new()
        } else {
            ctx.lawfulness_step().into_iter().collect()
        },
    };

    // Violations.
    let mut found: Vec<(&str, &str)> = Vec::new();
    for x in &verdict.violations {
        if !found.iter().any(|(c, _)| *c == x.code) {
            found.push((x.code.as_str(), x.requirement.as_str()));
        }
    }
    let mut named: Vec<String> = Vec::new();
    for c in answer.violations.iter().flatten() {
        let c = c.trim().to_ascii_uppercase();
        if !c.is_empty() && !named.contains(&c) {
            named.push(c);
        }
    }
    let usable = |c: &str| specific_enough(c);
    let mut remarks = Vec::new();
    let mut steps = Vec::new();
    let mut hits = 0u32;
    let mut wrong = 0u32;
    for (code, req) in &found {
        match named.iter().find(|n| usable(n) && code_matches(n, code)) {
            Some(n) => {
                hits += 1;
                if n == code {
                    remarks.push(format!("found {code}"));
                } else {
                    remarks.push(format!("found {code} (as {n})"));
                }
            }
            None => {
                remarks.push(format!("missed {code}"));
                steps.extend(ctx.missed_step(req));
            }
        }
    }
    for n in &named {
        if !usable(n) {
            wrong += 1;
            remarks.push(format!(
                "{n} is too vague: name at least the article (JURISDICTION-ACT-ARTICLE)"
            ));
        } else if !found.iter().any(|(c, _)| code_matches(n, c)) {
            wrong += 1;
            remarks.push(format!("{n} was not broken"));
            match ctx.extra_step(pack, n) {
                Some(s) => steps.push(s),
                None => remarks.push(format!("no rule of the pack carries the code {n}")),
            }
        }
    }
    let possible = u32::try_from(found.len()).unwrap_or(u32::MAX).max(1);
    let earned = if answer.violations.is_none() {
        0
    } else if found.is_empty() {
        u32::from(wrong == 0)
    } else {
        hits.saturating_sub(wrong).min(possible)
    };
    let violations = PartGrade {
        part: Part::Violations,
        score: Score { earned, possible },
        given: answer
            .violations
            .as_ref()
            .map_or_else(|| "no answer".into(), |_| list_or_none(&named)),
        expected: list_or_none(
            &found
                .iter()
                .map(|(c, _)| (*c).to_string())
                .collect::<Vec<_>>(),
        ),
        remarks,
        steps: if answer.violations.is_some() || !found.is_empty() {
            steps
        } else {
            Vec::new()
        },
    };

    // Grounds.
    let mut names: Vec<String> = Vec::new();
    for n in answer.because.iter().flatten() {
        let n = n.trim().to_string();
        if !n.is_empty() && !names.contains(&n) {
            names.push(n);
        }
    }
    let is_ground = |n: &str| {
        verdict.grounds.iter().any(|g| g == n) || verdict.unknowns.iter().any(|u| u.fact == n)
    };
    let mut remarks = Vec::new();
    let (mut right, mut wrong) = (0u32, 0u32);
    for n in &names {
        if is_ground(n) {
            right += 1;
            remarks.push(format!("{n} is a ground"));
        } else {
            wrong += 1;
            remarks.push(format!("{n} is not among the grounds of this verdict"));
        }
    }
    let possible = u32::try_from(key.len()).unwrap_or(u32::MAX).max(1);
    let earned = right.saturating_sub(wrong).min(possible);
    let missing: Vec<&String> = key.iter().filter(|k| !names.contains(k)).collect();
    if earned < possible && !missing.is_empty() {
        remarks.push(format!(
            "the key grounds not named: {}",
            missing
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let ground_steps: Vec<Step> = if earned < possible {
        missing
            .first()
            .and_then(|m| ctx.ground_step(m))
            .into_iter()
            .collect()
    } else {
        Vec::new()
    };
    let grounds = PartGrade {
        part: Part::Grounds,
        score: Score { earned, possible },
        given: answer
            .because
            .as_ref()
            .map_or_else(|| "no answer".into(), |_| list_or_none(&names)),
        expected: if key.is_empty() {
            "any of the verdict's grounds".into()
        } else {
            key.join(", ")
        },
        remarks,
        steps: ground_steps,
    };

    Grade {
        case: answer.case.clone(),
        answered,
        classification,
        lawfulness,
        violations,
        grounds,
    }
}

// ---- rendering ----------------------------------------------------------------------------------

/// Wraps a paragraph to `width` columns, each line after the first indented by `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = indent.to_string();
        } else if len > 0 && line != indent {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

/// A step in words, each line indented by `indent`.
pub fn render_step(s: &Step, indent: &str) -> String {
    let mut out = String::new();
    let what = if s.id.is_empty() {
        s.kind.clone()
    } else {
        format!("{} {}", s.kind, s.id)
    };
    let mut head = format!("{indent}{what}: {}", s.result);
    if let Some((from, to)) = &s.period {
        let _ = write!(head, " (from {from} to {to})");
    }
    if let Some(a) = &s.assuming {
        let _ = write!(head, ", if the transfer is {a}");
    }
    let _ = writeln!(out, "{head}");
    let more = format!("{indent}  ");
    let _ = writeln!(out, "{more}{}", wrap(&s.title, 92, &format!("{more}  ")));
    if let Some(d) = &s.detail {
        let _ = writeln!(out, "{more}{}", wrap(d, 92, &format!("{more}  ")));
    }
    if !s.facts.is_empty() {
        let facts: Vec<String> = s
            .facts
            .iter()
            .map(|f| match &f.at {
                Some(at) => format!("{} = {} ({at})", f.fact, f.value),
                None => format!("{} = {}", f.fact, f.value),
            })
            .collect();
        // One fact a line, aligned after `reads`.
        let _ = writeln!(
            out,
            "{more}reads {}",
            facts.join(&format!("\n{more}      "))
        );
    }
    if !s.cite.is_empty() {
        let _ = writeln!(out, "{more}cite: {}", s.cite);
    }
    for n in &s.notes {
        let _ = writeln!(
            out,
            "{more}{}",
            wrap(&format!("note: {n}"), 92, &format!("{more}  "))
        );
    }
    out
}

/// The score of each part, what was right and wrong, and, for each part not fully right, the
/// step of the reasoning that differs (for violations, one per code missed or wrongly named).
pub fn render_grade(g: &Grade) -> String {
    let mut out = String::new();
    for p in g.parts() {
        let _ = writeln!(
            out,
            "  {:<15} {:>4}  you: {}; engine: {}",
            p.part.name(),
            format!("{}/{}", p.score.earned, p.score.possible),
            p.given,
            p.expected
        );
        if !p.score.full() || p.part == Part::Violations {
            for r in &p.remarks {
                let _ = writeln!(out, "{:20}{r}", "");
            }
        }
    }
    let _ = writeln!(
        out,
        "  {:<15} {:>4}  out of {}",
        "exercise",
        points(g.total()),
        points(Grade::POSSIBLE)
    );
    let wrong: Vec<&PartGrade> = g
        .parts()
        .into_iter()
        .filter(|p| !p.score.full() && !p.steps.is_empty())
        .collect();
    if !wrong.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "  Where the engine's reasoning differs:");
        let mut shown: Vec<(&Step, &str)> = Vec::new();
        for p in wrong {
            let steps: &[Step] = if p.part == Part::Violations {
                &p.steps
            } else {
                p.steps.get(..1).unwrap_or(&[])
            };
            for s in steps {
                match shown.iter().find(|(x, _)| *x == s) {
                    Some((_, part)) => {
                        let _ = writeln!(
                            out,
                            "  - {}: the same step as for {part} ({} {})",
                            p.part.name(),
                            s.kind,
                            s.id
                        );
                    }
                    None => {
                        let _ = writeln!(out, "  - {}:", p.part.name());
                        out.push_str(&render_step(s, "    "));
                        shown.push((s, p.part.name()));
                    }
                }
            }
        }
    }
    out
}

/// One trainee's graded answers, for the score table.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The trainee's name.
    pub trainee: String,
    /// Where the answers came from.
    pub source: String,
    /// One grade per exercise answered (unanswered exercises have none).
    pub grades: Vec<Grade>,
}

impl Sheet {
    /// The grade for an exercise, if answered.
    pub fn grade(&self, case: &str) -> Option<&Grade> {
        self.grades.iter().find(|g| g.case == case && g.answered)
    }

    /// The points earned over all exercises.
    pub fn total(&self) -> f64 {
        self.grades.iter().map(Grade::total).sum()
    }
}

/// The score table: one row per exercise (`(id, level)`, in order), one column per trainee, a
/// class average, and the totals. Plain text with aligned columns, to paste into a report.
pub fn score_table(exercises: &[(String, String)], sheets: &[Sheet]) -> String {
    let mut out = String::new();
    let idw = exercises
        .iter()
        .map(|(id, _)| id.chars().count())
        .chain(["exercise".len(), "total (out of NN)".len()])
        .max()
        .unwrap_or(8);
    let cols: Vec<usize> = sheets
        .iter()
        .map(|s| s.trainee.chars().count().max(6))
        .collect();
    let avg_w = "average".len();
    let mut header = format!("{:<idw$}  {:<6}", "exercise", "level");
    for (s, w) in sheets.iter().zip(&cols) {
        let _ = write!(header, "  {:>w$}", s.trainee);
    }
    let _ = write!(header, "  {:>avg_w$}", "average");
    let _ = writeln!(out, "{}", header.trim_end());
    let _ = writeln!(out, "{}", "-".repeat(header.trim_end().chars().count()));
    for (id, level) in exercises {
        let mut row = format!("{id:<idw$}  {level:<6}");
        let mut sum = 0.0;
        for (s, w) in sheets.iter().zip(&cols) {
            let cell = match s.grade(id) {
                Some(g) => {
                    sum += g.total();
                    points(g.total())
                }
                None => "-".into(),
            };
            let _ = write!(row, "  {cell:>w$}");
        }
        let avg = if sheets.is_empty() {
            "-".into()
        } else {
            points(sum / sheets.len() as f64)
        };
        let _ = write!(row, "  {avg:>avg_w$}");
        let _ = writeln!(out, "{row}");
    }
    let _ = writeln!(out, "{}", "-".repeat(header.trim_end().chars().count()));
    let possible = Grade::POSSIBLE * exercises.len() as f64;
    let label = format!("total (out of {})", points(possible));
    let mut row = format!("{label:<idw$}  {:<6}", "");
    let mut pct = format!("{:<idw$}  {:<6}", "percent", "");
    let mut sum = 0.0;
    for (s, w) in sheets.iter().zip(&cols) {
        let t = s.total();
        sum += t;
        let _ = write!(row, "  {:>w$}", points(t));
        let p = if possible > 0.0 {
            format!("{:.0}%", 100.0 * t / possible)
        } else {
            "-".into()
        };
        let _ = write!(pct, "  {p:>w$}");
    }
    let avg = if sheets.is_empty() {
        0.0
    } else {
        sum / sheets.len() as f64
    };
    let _ = write!(row, "  {:>avg_w$}", points(avg));
    let p = if possible > 0.0 {
        format!("{:.0}%", 100.0 * avg / possible)
    } else {
        "-".into()
    };
    let _ = write!(pct, "  {p:>avg_w$}");
    let _ = writeln!(out, "{row}");
    let _ = writeln!(out, "{pct}");
    out
}

#[cfg(test)]
mod tests {
    use super::{Lawful, points, read_answers, split_list};

    #[test]
    fn answers_file_reads_lawful_words_and_lists() {
        let f = read_answers(
            "trainee: A\nanswers:\n  - case: x\n    lawful: yes\n    violations: none\n  - case: y\n    lawful: false\n    violations: [KR-PIPA-17-1]\n    because: processing_serves, consent_provision\n  - case: z\n    lawful: ~\n",
        );
        let Ok(f) = f else {
            return assert!(f.is_ok(), "{f:?}");
        };
        let lawful: Vec<Option<Lawful>> = f.answers.iter().map(|a| a.lawful).collect();
        assert_eq!(
            lawful,
            vec![Some(Lawful::Yes), Some(Lawful::No), Some(Lawful::Unknown)]
        );
        assert_eq!(
            f.answers.first().and_then(|a| a.violations.clone()),
            Some(vec![])
        );
        assert_eq!(f.answers.get(1).and_then(|a| a.line), Some(6));
        assert_eq!(
            f.answers.get(1).and_then(|a| a.because.clone()),
            Some(vec!["processing_serves".into(), "consent_provision".into()])
        );
    }

    #[test]
    fn bad_answers_file_has_a_location() {
        let e = read_answers("trainee: A\nanswers:\n  - case: x\n    lawfull: yes\n");
        let Err(e) = e else {
            return assert!(e.is_err());
        };
        assert_eq!(e.line, 4, "{e}");
        assert!(e.message.contains("lawfull"), "{e}");
    }

    #[test]
    fn points_are_short() {
        assert_eq!(points(4.0), "4");
        assert_eq!(points(3.5), "3.5");
        assert_eq!(points(2.0 + 2.0 / 3.0), "2.67");
        assert_eq!(points(0.0), "0");
        assert_eq!(split_list(" none "), Vec::<String>::new());
        assert_eq!(split_list("a, b c"), vec!["a", "b", "c"]);
    }
}
