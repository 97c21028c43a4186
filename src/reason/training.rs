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
//!     lawful: yes            # yes, no, unknown (true, false, null, 예, 아니오, 모름 are read so too)
//!     violations: []         # codes; `none` or an empty list for none
//!     because: [processing_serves]
//! ```
//!
//! This module holds data only: answers, grades, the steps of the reasoning and the remarks,
//! typed. They are put into words by [`crate::render::training`], in the language of the run.

use crate::compile::pack::Pack;
use crate::explain::{Explanation, FactRead, Node, NodeKind, Outcome, Weight};
use crate::lang::Lang;
use crate::testing::code_matches;
use crate::verdict::Verdict;
use crate::words::words;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_exercises.rs"));
}

/// Where the exercises built into entrust are said to come from: the repository's
/// `cases/training/`, embedded at build time.
pub const BUILTIN_EXERCISES: &str = "<builtin>/cases/training";

/// The exercises built into entrust (those of the repository's `cases/training/`, embedded when
/// it was built): the name each is shown under (`<builtin>/cases/training/01-….case`) and its
/// text, in the case language. `entrust exercise` and `entrust grade` set them when no folder
/// is named, so that they work from any folder.
pub fn builtin_exercises() -> Vec<(String, &'static str)> {
    builtin::EXERCISES
        .iter()
        .map(|(name, text)| (format!("{BUILTIN_EXERCISES}/{name}"), *text))
        .collect()
}

// ---- answers ----------------------------------------------------------------------------------

/// Lawfulness as a trainee answers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

    /// Every lawfulness.
    pub const ALL: [Lawful; 3] = [Lawful::Yes, Lawful::No, Lawful::Unknown];

    /// Reads an answer, typed or in an answers file: `yes`, `no`, `unknown`, their usual
    /// synonyms (`true`, `n`, `~`…) and their words in every language entrust speaks (`예`,
    /// `아니오`, `모름`…), in any case.
    pub fn parse(s: &str) -> Option<Lawful> {
        let t = s.trim().to_lowercase();
        Lang::ALL.into_iter().find_map(|lang| {
            Lawful::ALL
                .into_iter()
                .find(|l| words(lang).lawful_typed(*l).contains(&t.as_str()))
        })
    }

    /// The answer's code, as answers files write it: `yes`, `no`, `unknown`.
    pub fn code(self) -> &'static str {
        match self {
            Lawful::Yes => "yes",
            Lawful::No => "no",
            Lawful::Unknown => "unknown",
        }
    }

    /// The lawfulness as a verdict holds it: `Some(true)`, `Some(false)`, `None`.
    pub fn as_verdict(self) -> Option<bool> {
        match self {
            Lawful::Yes => Some(true),
            Lawful::No => Some(false),
            Lawful::Unknown => None,
        }
    }
}

/// Reads a lawfulness as written in an answers file. A word that is none is refused where it
/// stands when `strict` (so that the error has its place), else left for the caller (`Err` with
/// the word).
struct LawfulVisitor {
    strict: bool,
}

impl<'de> Visitor<'de> for LawfulVisitor {
    type Value = Option<Result<Lawful, String>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("yes, no or unknown")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(Ok(if v { Lawful::Yes } else { Lawful::No })))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        match Lawful::parse(v) {
            Some(l) => Ok(Some(Ok(l))),
            None if self.strict => Err(E::custom(format!(
                "`{v}` is not a lawfulness: answer yes, no or unknown"
            ))),
            None => Ok(Some(Err(v.to_string()))),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Some(Ok(Lawful::Unknown)))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Some(Ok(Lawful::Unknown)))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

fn lawful_answer<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lawful>, D::Error> {
    Ok(d.deserialize_any(LawfulVisitor { strict: true })?
        .and_then(Result::ok))
}

fn lenient_lawful<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Result<Lawful, String>>, D::Error> {
    d.deserialize_any(LawfulVisitor { strict: false })
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

/// What is wrong with an answers file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerProblem {
    /// The YAML reader's own account (a syntax error, an unknown or missing key, a value of
    /// the wrong type), as the reader words it.
    Yaml(String),
    /// The lawfulness of an answer (its place in the list, from 0) is none of `yes`, `no`,
    /// `unknown`.
    NotLawful {
        /// The answer's place in the list, from 0.
        answer: usize,
        /// What was written.
        value: String,
    },
    /// A second answer to one exercise.
    SecondAnswer {
        /// The exercise's case id.
        case: String,
    },
    /// Lists and mappings nested more than `max` levels deep, refused before the YAML reader
    /// (whose time grows with the square of their depth) sees them.
    NestedTooDeep {
        /// The limit.
        max: usize,
    },
}

/// Why an answers file could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerError {
    /// Line, from 1 (0 when unknown).
    pub line: usize,
    /// Column, from 1 (0 when unknown).
    pub col: usize,
    /// What is wrong.
    pub problem: AnswerProblem,
}

/// An answers file read without refusing a lawfulness, to tell a bad lawfulness from other
/// errors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct LenientFile {
    trainee: String,
    #[serde(default)]
    answers: Vec<LenientAnswer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct LenientAnswer {
    case: String,
    #[serde(default)]
    classification: Option<String>,
    #[serde(default, deserialize_with = "lenient_lawful")]
    lawful: Option<Result<Lawful, String>>,
    #[serde(default, deserialize_with = "list_answer")]
    violations: Option<Vec<String>>,
    #[serde(default, deserialize_with = "list_answer")]
    because: Option<Vec<String>>,
    #[serde(default)]
    hints: usize,
}

/// Reads an answers file. Errors carry the line and column; an answer given twice for one
/// exercise is an error at its second place.
pub fn read_answers(text: &str) -> Result<AnswerFile, AnswerError> {
    if let Some(at) = crate::case::nesting::yaml(text) {
        let before = text.get(..at).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        return Err(AnswerError {
            line: before.matches('\n').count() + 1,
            col: before.get(line_start..).map_or(0, |l| l.chars().count()) + 1,
            problem: AnswerProblem::NestedTooDeep {
                max: crate::case::nesting::MAX_NESTING,
            },
        });
    }
    let mut file: AnswerFile = serde_yaml::from_str(text).map_err(|e| {
        let (line, col) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        // The file reads but for a lawfulness: the first such answer is the error.
        let not_lawful = serde_yaml::from_str::<LenientFile>(text)
            .ok()
            .and_then(|f| {
                f.answers
                    .into_iter()
                    .enumerate()
                    .find_map(|(answer, a)| match a.lawful {
                        Some(Err(value)) => Some(AnswerProblem::NotLawful { answer, value }),
                        _ => None,
                    })
            });
        let problem = not_lawful.unwrap_or_else(|| {
            let mut message = e.to_string();
            if let Some(i) = message.rfind(" at line ") {
                message.truncate(i);
            }
            AnswerProblem::Yaml(message)
        });
        AnswerError { line, col, problem }
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
                problem: AnswerProblem::SecondAnswer {
                    case: a.case.clone(),
                },
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
    /// Every part, in the order graded.
    pub const ALL: [Part; 4] = [
        Part::Classification,
        Part::Lawfulness,
        Part::Violations,
        Part::Grounds,
    ];

    /// The part's code (as serialized).
    pub fn code(self) -> &'static str {
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

/// What a step shown to a trainee is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// A rule of the explanation: a factor, the weighing, a requirement, a gap, a test, an
    /// exception.
    Rule(NodeKind),
    /// A summary of the requirements: every one that applies is met.
    Lawfulness,
}

impl StepKind {
    /// The code: the node kind's (`factor`, `requirement`…) or `lawfulness`.
    pub fn code(self) -> &'static str {
        match self {
            StepKind::Rule(k) => k.code(),
            StepKind::Lawfulness => "lawfulness",
        }
    }
}

impl Default for StepKind {
    fn default() -> StepKind {
        StepKind::Rule(NodeKind::Requirement)
    }
}

impl Serialize for StepKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for StepKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<StepKind, D::Error> {
        let s = String::deserialize(d)?;
        if s == "lawfulness" {
            return Ok(StepKind::Lawfulness);
        }
        NodeKind::deserialize(de::value::StrDeserializer::<D::Error>::new(&s)).map(StepKind::Rule)
    }
}

/// What the engine found at a step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StepResult {
    /// The node's outcome: `fired`, `violated`, `open`, `met`, `excused`, `not applicable`, a
    /// weighing's side or `undecided`…
    Outcome(Outcome),
    /// The requirement is in force at no date of the case.
    NotInForce,
    /// Every requirement that applies is met.
    Lawful,
}

impl StepResult {
    /// The code: the outcome's, `not in force` or `lawful`.
    pub fn code(&self) -> &str {
        match self {
            StepResult::Outcome(o) => o.code(),
            StepResult::NotInForce => "not in force",
            StepResult::Lawful => "lawful",
        }
    }
}

impl Default for StepResult {
    fn default() -> StepResult {
        StepResult::Outcome(Outcome::Unknown)
    }
}

impl Serialize for StepResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for StepResult {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<StepResult, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match s.as_str() {
            "not in force" => StepResult::NotInForce,
            "lawful" => StepResult::Lawful,
            other => StepResult::Outcome(Outcome::from_code(other)),
        })
    }
}

/// A rule named in a step's detail.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleRef {
    /// The rule's id.
    pub id: String,
    /// Its title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Its citation.
    pub cite: String,
}

/// A condition of application that does not hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmet {
    /// The condition in words (a test's title, or a condition on facts).
    pub title: String,
    /// A test's id (empty for a condition on facts).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// How it came out here (`false` or `unknown`).
    pub result: Outcome,
}

/// More about a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepDetail {
    /// A factor's side and weight.
    Weight(Weight),
    /// The explanation's own detail of the node, in the pack's language: a weighing's balance,
    /// a violation's code and message, a test's holds or fails sentence.
    Node(String),
    /// A requirement that does not apply: the conditions of application that do not hold.
    DoesNotApply(Vec<Unmet>),
    /// A requirement excused by the exceptions that hold.
    ExcusedBy(Vec<RuleRef>),
    /// Every requirement that applies is met: those met (none: no requirement applies).
    Met(Vec<RuleRef>),
    /// A requirement in force at no date of the case: its violation code and message, and
    /// when it is in force.
    NotInForce {
        /// The violation code.
        code: String,
        /// The violation's message.
        message: String,
        /// First day in force.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        /// Last day in force.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<String>,
    },
}

/// One step of the engine's reasoning, lifted out of the explanation for a trainee.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// What the step is.
    pub kind: StepKind,
    /// The rule's id (empty for the summary of the requirements).
    pub id: String,
    /// What the rule says: a factor's reason, a requirement's title (empty for the summary of
    /// the requirements).
    pub title: String,
    /// The article or judgment behind it.
    pub cite: String,
    /// What the engine found.
    pub result: StepResult,
    /// More: a factor's side and weight, a violation's code and message, a weighing's balance,
    /// why a requirement does not apply or is excused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<StepDetail>,
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

/// What a trainee answered, or the engine found, for one part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Said {
    /// The part was not answered.
    NoAnswer,
    /// A classification, by its code (`outsourcing`, `provision`, `undecided`…), as given.
    Class(String),
    /// A lawfulness.
    Lawful(Lawful),
    /// Violation codes or names of grounds; none when empty.
    Names(Vec<String>),
    /// Any of the verdict's grounds (the exercise names none).
    AnyGround,
}

/// What was right and what was wrong in a part, item by item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "remark")]
pub enum Remark {
    /// A violation found and named (`named` when the trainee's code was a shorter form).
    Found {
        /// The code found.
        code: String,
        /// The code the trainee named, when not the same.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        named: Option<String>,
    },
    /// A violation found and not named.
    Missed {
        /// The code found.
        code: String,
    },
    /// A code too vague to count: it does not name an article.
    TooVague {
        /// The code named.
        code: String,
    },
    /// A code named whose requirement was not broken.
    NotBroken {
        /// The code named.
        code: String,
    },
    /// A code named that no rule of the pack carries.
    NoSuchCode {
        /// The code named.
        code: String,
    },
    /// A name among the verdict's grounds.
    Ground {
        /// The name.
        name: String,
    },
    /// A name that is not among the verdict's grounds.
    NotAGround {
        /// The name.
        name: String,
    },
    /// The key grounds the trainee did not name.
    KeyNotNamed {
        /// Their names.
        names: Vec<String>,
    },
}

/// A part graded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartGrade {
    /// Which part.
    pub part: Part,
    /// Its score.
    pub score: Score,
    /// What the trainee answered.
    pub given: Said,
    /// What the engine found.
    pub expected: Said,
    /// What was right and what was wrong, item by item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<Remark>,
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

/// The leaf conditions that keep a condition from holding, and the facts they read.
fn failing_leaves(n: &Node, out: &mut Vec<Unmet>, facts: &mut Vec<FactRead>) {
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
        let unmet = Unmet {
            title: n.title.clone(),
            id: if n.kind == NodeKind::Test {
                n.id.clone()
            } else {
                String::new()
            },
            result: n.result.clone(),
        };
        if !out.contains(&unmet) {
            out.push(unmet);
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
            kind: StepKind::Rule(NodeKind::Factor),
            id: n.id.clone(),
            title: n.title.clone(),
            cite: n.cite.clone(),
            result: StepResult::Outcome(n.result.clone()),
            detail: n.weight.clone().map(StepDetail::Weight),
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
            kind: StepKind::Rule(NodeKind::Weighing),
            id: w.id.clone(),
            title: w.title.clone(),
            cite: w.cite.clone(),
            result: StepResult::Outcome(w.result.clone()),
            detail: w.detail.clone().map(StepDetail::Node),
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
        let mut detail = n.detail.clone().map(StepDetail::Node);
        let mut facts = self.deciding_facts(n);
        if n.result == Outcome::NotApplicable {
            let (mut unmet, mut read) = (Vec::new(), Vec::new());
            for c in n.children.iter().filter(|c| c.kind == NodeKind::Applies) {
                failing_leaves(c, &mut unmet, &mut read);
            }
            if !unmet.is_empty() {
                detail = Some(StepDetail::DoesNotApply(unmet));
            }
            facts = read;
        }
        if n.result == Outcome::Excused {
            let by: Vec<RuleRef> = n
                .children
                .iter()
                .filter(|c| c.kind == NodeKind::Exception && c.result == Outcome::True)
                .map(|c| RuleRef {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    cite: c.cite.clone(),
                })
                .collect();
            if !by.is_empty() {
                detail = Some(StepDetail::ExcusedBy(by));
            }
        }
        Step {
            kind: StepKind::Rule(NodeKind::Requirement),
            id: n.id.clone(),
            title: n.title.clone(),
            cite: n.cite.clone(),
            result: StepResult::Outcome(n.result.clone()),
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
                            kind: StepKind::Rule(NodeKind::Gap),
                            id: g.id.clone(),
                            title: g.title.clone(),
                            cite: g.cite.clone(),
                            result: StepResult::Outcome(g.result.clone()),
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
                let met: Vec<RuleRef> = p
                    .readings
                    .iter()
                    .flat_map(|r| &r.requirements)
                    .filter(|n| n.result == Outcome::Met)
                    .map(|n| RuleRef {
                        id: n.id.clone(),
                        title: n.title.clone(),
                        cite: n.cite.clone(),
                    })
                    .collect();
                Some(Step {
                    kind: StepKind::Lawfulness,
                    id: String::new(),
                    title: String::new(),
                    cite: String::new(),
                    result: StepResult::Lawful,
                    detail: Some(StepDetail::Met(met)),
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
        Some(Step {
            kind: StepKind::Rule(NodeKind::Requirement),
            id: r.meta.id.clone(),
            title: r.meta.title.clone(),
            cite: r.meta.cite(),
            result: StepResult::NotInForce,
            detail: Some(StepDetail::NotInForce {
                code: r.code.clone(),
                message: r.message.clone(),
                from: r.meta.from.map(|d| d.to_string()),
                until: r.meta.until.map(|d| d.to_string()),
            }),
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
                        s.kind = StepKind::Rule(x.kind);
                        s.id = x.id.clone();
                        s.title = x.title.clone();
                        s.cite = x.cite.clone();
                        s.result = StepResult::Outcome(x.result.clone());
                        s.detail = x.detail.clone().map(StepDetail::Node);
                        s.notes = x.notes.clone();
                        return Some(s);
                    }
                }
            }
        }
        None
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
    // The axis value or the law's own term.
    let class_right = given_class.as_deref() == Some(verdict.classification.as_str())
        || (given_class.is_some() && given_class.as_ref() == verdict.term.as_ref());
    let classification = PartGrade {
        part: Part::Classification,
        score: Score {
            earned: u32::from(class_right),
            possible: 1,
        },
        given: given_class.clone().map_or(Said::NoAnswer, Said::Class),
        expected: Said::Class(verdict.classification.clone()),
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
        given: answer.lawful.map_or(Said::NoAnswer, Said::Lawful),
        expected: Said::Lawful(want),
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
                remarks.push(Remark::Found {
                    code: (*code).to_string(),
                    named: (n != code).then(|| n.clone()),
                });
            }
            None => {
                remarks.push(Remark::Missed {
                    code: (*code).to_string(),
                });
                steps.extend(ctx.missed_step(req));
            }
        }
    }
    for n in &named {
        if !usable(n) {
            wrong += 1;
            remarks.push(Remark::TooVague { code: n.clone() });
        } else if !found.iter().any(|(c, _)| code_matches(n, c)) {
            wrong += 1;
            remarks.push(Remark::NotBroken { code: n.clone() });
            match ctx.extra_step(pack, n) {
                Some(s) => steps.push(s),
                None => remarks.push(Remark::NoSuchCode { code: n.clone() }),
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
            .map_or(Said::NoAnswer, |_| Said::Names(named.clone())),
        expected: Said::Names(found.iter().map(|(c, _)| (*c).to_string()).collect()),
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
            remarks.push(Remark::Ground { name: n.clone() });
        } else {
            wrong += 1;
            remarks.push(Remark::NotAGround { name: n.clone() });
        }
    }
    let possible = u32::try_from(key.len()).unwrap_or(u32::MAX).max(1);
    let earned = right.saturating_sub(wrong).min(possible);
    let missing: Vec<&String> = key.iter().filter(|k| !names.contains(k)).collect();
    if earned < possible && !missing.is_empty() {
        remarks.push(Remark::KeyNotNamed {
            names: missing.iter().map(|s| (*s).clone()).collect(),
        });
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
            .map_or(Said::NoAnswer, |_| Said::Names(names.clone())),
        expected: if key.is_empty() {
            Said::AnyGround
        } else {
            Said::Names(key.to_vec())
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

// ---- score sheets ------------------------------------------------------------------------------

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

#[cfg(test)]
mod tests {
    use super::{AnswerError, AnswerProblem, Lawful, read_answers, split_list};

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
        assert_eq!(e.line, 4, "{e:?}");
        assert!(
            matches!(&e.problem, AnswerProblem::Yaml(m) if m.contains("lawfull")),
            "{e:?}"
        );
    }

    #[test]
    fn a_bad_lawfulness_is_told_apart_with_its_place() {
        let e = read_answers(
            "trainee: A\nanswers:\n  - case: x\n    lawful: yes\n  - case: y\n    lawful: maybe\n",
        );
        let Err(e) = e else {
            return assert!(e.is_err());
        };
        assert_eq!((e.line, e.col), (6, 13), "{e:?}");
        assert_eq!(
            e.problem,
            AnswerProblem::NotLawful {
                answer: 1,
                value: "maybe".into()
            }
        );
        let e = read_answers("trainee: A\nanswers:\n  - case: x\n  - case: x\n");
        assert!(
            matches!(&e, Err(AnswerError { line: 4, problem: AnswerProblem::SecondAnswer { case }, .. }) if case == "x"),
            "{e:?}"
        );
    }

    #[test]
    fn typed_lists_split() {
        assert_eq!(split_list(" none "), Vec::<String>::new());
        assert_eq!(split_list("a, b c"), vec!["a", "b", "c"]);
    }
}
