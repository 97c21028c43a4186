//! The compiled pack: facts as numbered slots, rules as plain data in evaluation order.
//!
//! A [`Pack`] is built once per run by [`crate::check::check_pack`] and shared read-only
//! (it is `Send + Sync`); evaluating a case against it allocates nothing per rule.

use crate::date::Date;
use crate::eval::tri::Tri;
use crate::source::Span;
use std::collections::HashMap;

/// Index of a fact slot.
pub type FactId = u16;
/// Index of a test.
pub type TestId = u16;
/// Index of an exception.
pub type ExcId = u16;
/// Index of a weighing.
pub type WeighId = u16;
/// Index of a requirement.
pub type ReqId = u16;

/// FNV-1a: a fast hasher for the short names looked up on the hot path.
#[derive(Clone, Copy, Debug)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A map keyed by names, hashed with [`Fnv`].
pub type NameMap<V> = HashMap<String, V, std::hash::BuildHasherDefault<Fnv>>;

/// The most values an enum or set fact may declare (a set is a 64-bit mask).
pub const MAX_VALUES: usize = 64;

/// A fact's type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactType {
    /// true or false.
    Bool,
    /// A non-negative integer.
    Number,
    /// A date.
    Date,
    /// An ISO 3166-1 alpha-2 code.
    Country,
    /// One value of the list.
    Enum(Vec<String>),
    /// Any subset of the list.
    Set(Vec<String>),
}

impl FactType {
    /// The type in words, for messages.
    pub fn describe(&self) -> String {
        match self {
            FactType::Bool => "bool (true or false)".to_string(),
            FactType::Number => "number".to_string(),
            FactType::Date => "date (YYYY-MM-DD)".to_string(),
            FactType::Country => "country (a two-letter code such as KR)".to_string(),
            FactType::Enum(v) => format!("one of {}", v.join(", ")),
            FactType::Set(v) => format!("a set of {}", v.join(", ")),
        }
    }
}

/// A fact's value in a case; `Unknown` is a value like any other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Val {
    /// Not given, or given as unknown.
    #[default]
    Unknown,
    /// A truth value.
    Bool(bool),
    /// Index into the enum's values.
    Enum(u8),
    /// Bit mask over the set's values.
    Set(u64),
    /// A country code packed as two letters.
    Country(Country),
    /// A number.
    Number(u64),
    /// A date.
    Date(Date),
}

/// A two-letter country code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country(pub [u8; 2]);

impl Country {
    /// Parses an upper-case two-letter code.
    pub fn parse(s: &str) -> Option<Country> {
        match s.as_bytes() {
            [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some(Country([*a, *b])),
            _ => None,
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

/// A comparison of numbers or dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ord2 {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Ord2 {
    /// Applies the comparison.
    pub fn apply<T: PartialOrd>(self, a: T, b: T) -> bool {
        match self {
            Ord2::Eq => a == b,
            Ord2::Ne => a != b,
            Ord2::Lt => a < b,
            Ord2::Le => a <= b,
            Ord2::Gt => a > b,
            Ord2::Ge => a >= b,
        }
    }

    /// As written.
    pub fn as_str(self) -> &'static str {
        match self {
            Ord2::Eq => "=",
            Ord2::Ne => "!=",
            Ord2::Lt => "<",
            Ord2::Le => "<=",
            Ord2::Gt => ">",
            Ord2::Ge => ">=",
        }
    }
}

/// A compiled condition.
#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    /// Always this value.
    Const(bool),
    /// A bool fact has this value.
    Bool(FactId, bool),
    /// An enum fact's value is in the mask.
    EnumIn(FactId, u64),
    /// A set fact contains all (`true`) or any (`false`) of the mask.
    SetHas(FactId, u64, bool),
    /// A country fact is one of these.
    CountryIn(FactId, Box<[Country]>),
    /// A number fact compared with a number.
    Num(FactId, Ord2, u64),
    /// A date fact compared with a date.
    Date(FactId, Ord2, Date),
    /// A test holds.
    Test(TestId),
    /// An exception holds.
    Exc(ExcId),
    /// A weighing came out on side 0 or 1.
    Side(WeighId, u8),
    /// Negation.
    Not(Box<Cond>),
    /// Conjunction.
    And(Box<[Cond]>),
    /// Disjunction.
    Or(Box<[Cond]>),
}

impl Cond {
    /// Calls `f` on every fact the condition reads directly (not through tests).
    pub fn for_each_fact(&self, f: &mut impl FnMut(FactId)) {
        match self {
            Cond::Bool(id, _)
            | Cond::EnumIn(id, _)
            | Cond::SetHas(id, _, _)
            | Cond::CountryIn(id, _)
            | Cond::Num(id, _, _)
            | Cond::Date(id, _, _) => f(*id),
            Cond::Not(c) => c.for_each_fact(f),
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.for_each_fact(f)),
            Cond::Const(_) | Cond::Test(_) | Cond::Exc(_) | Cond::Side(_, _) => {}
        }
    }

    /// Calls `f` on every rule the condition refers to.
    pub fn for_each_ref(&self, f: &mut impl FnMut(Node)) {
        match self {
            Cond::Test(t) => f(Node::Test(*t)),
            Cond::Exc(e) => f(Node::Exc(*e)),
            Cond::Side(w, _) => f(Node::Weigh(*w)),
            Cond::Not(c) => c.for_each_ref(f),
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.for_each_ref(f)),
            _ => {}
        }
    }
}

/// A rule that can be evaluated before requirements: tests, exceptions and weighings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    /// A test.
    Test(TestId),
    /// An exception.
    Exc(ExcId),
    /// A weighing.
    Weigh(WeighId),
}

/// What every rule carries: id, title, citations, caveats, dates in force, place.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleMeta {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Citations.
    pub cites: Vec<String>,
    /// Caveats for the explanation.
    pub notes: Vec<String>,
    /// First day in force.
    pub from: Option<Date>,
    /// Last day in force.
    pub until: Option<Date>,
    /// Where it is written.
    pub span: Span,
}

impl RuleMeta {
    /// Whether the rule is in force on `date`.
    pub fn in_force(&self, date: Date) -> bool {
        self.from.is_none_or(|f| date >= f) && self.until.is_none_or(|u| date <= u)
    }

    /// The citations joined for display.
    pub fn cite(&self) -> String {
        self.cites.join("; ")
    }
}

/// A provision's own words, version by version, quoted under the rules that apply it
/// (`article` items of the statute language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Its id.
    pub id: String,
    /// Its name, e.g. 「개인정보 보호법」 제17조(개인정보의 제공), in the pack's language.
    pub title: String,
    /// The rules under which it is quoted, each for some dates or always.
    pub rules: Vec<QuotedFor>,
    /// Its versions, in the order written.
    pub versions: Vec<ArticleVersion>,
}

/// A rule an article is quoted under, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotedFor {
    /// The rule's id.
    pub rule: String,
    /// From this day (always when `None`).
    pub from: Option<Date>,
    /// Until this day.
    pub until: Option<Date>,
}

impl QuotedFor {
    /// The stretch from `from` to `to` cut down to when the article is quoted for the rule;
    /// `None` when they do not meet.
    pub fn within(&self, from: Date, to: Date) -> Option<(Date, Date)> {
        let a = self.from.map_or(from, |f| f.max(from));
        let b = self.until.map_or(to, |u| u.min(to));
        (a <= b).then_some((a, b))
    }
}

/// One version of a provision's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleVersion {
    /// First day in force.
    pub from: Option<Date>,
    /// Last day in force.
    pub until: Option<Date>,
    /// Where the text was taken from (the official consolidated text, with its Act number).
    pub source: String,
    /// Remarks on the version (e.g. on its dates).
    pub notes: Vec<String>,
    /// The text, paragraph by paragraph, in the statute's own language.
    pub text: Vec<String>,
}

impl ArticleVersion {
    /// Whether this version is in force on some day from `from` to `to`.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        self.from.is_none_or(|f| f <= to) && self.until.is_none_or(|u| u >= from)
    }
}

/// A declared fact.
#[derive(Clone, Debug, PartialEq)]
pub struct FactDef {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: FactType,
    /// The question for a user.
    pub ask: String,
    /// Help for that user.
    pub help: Option<String>,
    /// Who must prove it, and what it is when unproven.
    pub burden: Option<(String, Val)>,
    /// Kept for reports only.
    pub recorded: bool,
    /// Describes the arrangement's givens (who sends, what data, where it is established):
    /// what-if searches do not propose changing it unless asked to.
    pub given: bool,
    /// Where it is declared.
    pub span: Span,
}

/// A compiled test.
#[derive(Clone, Debug, PartialEq)]
pub struct TestDef {
    /// Id, title, citations, dates.
    pub meta: RuleMeta,
    /// Its condition.
    pub cond: Cond,
    /// Sentence for when it holds.
    pub holds: Option<String>,
    /// Sentence for when it fails.
    pub fails: Option<String>,
    /// Exceptions to it.
    pub exceptions: Vec<ExcId>,
}

/// What an exception excepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A test.
    Test(TestId),
    /// Another exception.
    Exc(ExcId),
    /// A requirement.
    Req(ReqId),
}

/// A compiled exception.
#[derive(Clone, Debug, PartialEq)]
pub struct ExcDef {
    /// Id, title, citations, dates.
    pub meta: RuleMeta,
    /// The rule it excepts.
    pub target: Target,
    /// Its condition.
    pub cond: Cond,
    /// Exceptions to it.
    pub exceptions: Vec<ExcId>,
}

/// A compiled factor of a weighing.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorDef {
    /// Id, citations (the weighing's when it has none), dates.
    pub meta: RuleMeta,
    /// 0 for the weighing's first side, 1 for its second.
    pub side: u8,
    /// Its weight.
    pub weight: i32,
    /// When it fires.
    pub cond: Cond,
    /// The reason in words.
    pub because: String,
    /// Settles the weighing on its own.
    pub decisive: bool,
    /// The facts it reads, through tests too, in slot order.
    pub facts: Vec<FactId>,
}

/// Factors that read common facts, weighed together so that one fact never counts both ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorGroup {
    /// Indexes into the weighing's factors.
    pub factors: Vec<u16>,
    /// The facts they read, in slot order.
    pub facts: Vec<FactId>,
    /// Bit `i` set for each factor `i` of the group below 64.
    pub mask: u64,
    /// What the group can contribute to the balance when all its facts are unknown, worked out
    /// once when that is the same in every case and on every date: the distinct pairs of
    /// (signed sum of the weights of the factors that fire, their decisive sides as bits 0 and
    /// 1). Empty when it has to be worked out case by case.
    pub all_unknown: Vec<(i32, u8)>,
    /// The group's table, when it has one (see [`GroupTable`]).
    pub table: Option<GroupTable>,
    /// A table for this group and the next ones together, when they all have tables and the
    /// product is small: one look-up instead of several, for settling the weighing.
    pub block: Option<GroupTable>,
}

/// The type of a fact of a [`GroupTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFact {
    /// A bool: digits 1 (false) and 2 (true).
    Bool,
    /// An enum of this many values: digit 1 + the value's index.
    Enum(u8),
}

impl TableFact {
    /// How many values the fact can take.
    pub fn values(self) -> usize {
        match self {
            TableFact::Bool => 2,
            TableFact::Enum(n) => usize::from(n),
        }
    }
}

/// How a group of factors weighs for every pattern of values of its facts, worked out once per
/// pack for a group whose factors depend on nothing but its facts (no dates, no rules) and
/// whose facts are few bools and enums.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupTable {
    /// How many groups it covers, from its own on.
    pub groups: usize,
    /// Their factors, in order.
    pub factors: Vec<u16>,
    /// Bit `i` set for each of those factors `i` below 64.
    pub mask: u64,
    /// Their facts in order, each with its type. An entry's index is written in digits, the
    /// first fact's least significant: 0 for unknown, else as [`TableFact`] says.
    pub facts: Vec<(FactId, TableFact)>,
    /// The weights of the factors toward the first side and toward the second.
    pub side_weights: (i32, i32),
    /// The entries by index.
    pub entries: Vec<GroupEntry>,
}

/// How a group (or a run of groups) weighs under one pattern of values of its facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupEntry {
    /// The value of each of the table's factors, in the table's order.
    pub vals: Vec<Tri>,
    /// The distinct (contribution, decisive flags) pairs the group can make.
    pub contrib: Vec<(i32, u8)>,
    /// The least and the greatest of those contributions.
    pub range: (i32, i32),
    /// How many of the facts are unknown.
    pub unknown: u8,
    /// False when the pairs are the coarse approximation factor by factor.
    pub exact: bool,
}

/// A compiled weighing.
#[derive(Clone, Debug, PartialEq)]
pub struct WeighDef {
    /// Id, title, citations.
    pub meta: RuleMeta,
    /// Gives the classification.
    pub classifies: bool,
    /// The sides, by the names the pack gives them (the law's own terms); with two, the
    /// balance counts toward the first.
    pub sides: Vec<String>,
    /// Per side: the value of the common axis of classifications it stands on (cases.md §3);
    /// the side's own name where it is declared without `as`.
    pub axis: Vec<String>,
    /// Per side: its title for readers, in the pack's language, where the pack gives one.
    pub titles: Vec<Option<String>>,
    /// For a weighing of more than two sides: its two-sided balances, one per pair of sides.
    /// Empty for two sides.
    pub pairs: Vec<PairDef>,
    /// Within this margin the weighing is undecided.
    pub margin: i32,
    /// Its factors in declaration order.
    pub factors: Vec<FactorDef>,
    /// Its factors grouped by the facts they share.
    pub groups: Vec<FactorGroup>,
}

/// The balance of two sides of a weighing of more than two: a two-sided weighing over the
/// factors toward either. Side `i` wins the weighing when it wins every pair it is in.
#[derive(Clone, Debug, PartialEq)]
pub struct PairDef {
    /// The two sides (indexes into the weighing's sides); the balance counts toward the first.
    pub sides: [u8; 2],
    /// The two-sided weighing (its factors' `side` is 0 or 1 within the pair).
    pub def: WeighDef,
    /// For each factor of `def`: its index among the weighing's factors.
    pub factors: Vec<u16>,
}

impl WeighDef {
    /// The points of the factors that fired (`vals`, per factor), toward each side.
    pub fn fired_points(&self, vals: &[Tri]) -> [i32; crate::check::MAX_SIDES] {
        let mut points = [0i32; crate::check::MAX_SIDES];
        for (f, v) in self.factors.iter().zip(vals) {
            if *v == Tri::True
                && let Some(p) = points.get_mut(usize::from(f.side))
            {
                *p += f.weight;
            }
        }
        points
    }

    /// The axis value of a side (the side's own name where it has none).
    pub fn axis_of(&self, side: u8) -> Option<&str> {
        self.axis
            .get(usize::from(side))
            .or_else(|| self.sides.get(usize::from(side)))
            .map(String::as_str)
    }

    /// The words for a side a reader sees: its title, else its name.
    pub fn side_title(&self, side: u8) -> Option<&str> {
        match self.titles.get(usize::from(side)) {
            Some(Some(t)) => Some(t.as_str()),
            _ => self.sides.get(usize::from(side)).map(String::as_str),
        }
    }

    /// The law's term for a side where it differs from its axis value (`term` of cases.md
    /// §3.1).
    pub fn term_of(&self, side: u8) -> Option<&str> {
        let name = self.sides.get(usize::from(side))?;
        (Some(name.as_str()) != self.axis_of(side)).then_some(name.as_str())
    }

    /// Whether the weighing speaks only the common axis with two sides, as before packs could
    /// name their own (the fast paths' shape).
    pub fn plain(&self) -> bool {
        self.pairs.is_empty()
            && self.sides.len() == 2
            && self.titles.iter().all(Option::is_none)
            && (0..2).all(|i| self.term_of(i).is_none())
    }
}

/// A compiled requirement.
#[derive(Clone, Debug, PartialEq)]
pub struct ReqDef {
    /// Id, title, citations, dates.
    pub meta: RuleMeta,
    /// When it applies (always if `None`).
    pub when: Option<Cond>,
    /// What it requires.
    pub requires: Cond,
    /// The violation code.
    pub code: String,
    /// The violation message.
    pub message: String,
    /// What a violation exposes the transferor to, each while in force.
    pub exposes: Vec<Exposure>,
    /// Exceptions that excuse it.
    pub exceptions: Vec<ExcId>,
}

/// A sanction a violation exposes the transferor to, while in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exposure {
    /// What it exposes the transferor to.
    pub text: String,
    /// First day it applies.
    pub from: Option<Date>,
    /// Last day it applies.
    pub until: Option<Date>,
}

impl Exposure {
    /// Whether it applies at some day of `from..=to`.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        self.from.is_none_or(|f| to >= f) && self.until.is_none_or(|u| from <= u)
    }
}

impl ReqDef {
    /// The exposures that apply on some day of the given stretches, joined with `; `;
    /// `None` when none does.
    pub fn exposes_during(
        &self,
        during: impl Iterator<Item = (Date, Date)> + Clone,
    ) -> Option<String> {
        let texts: Vec<&str> = self
            .exposes
            .iter()
            .filter(|e| during.clone().any(|(f, t)| e.overlaps(f, t)))
            .map(|e| e.text.as_str())
            .collect();
        (!texts.is_empty()).then(|| texts.join("; "))
    }
}

/// A compiled gap: law the pack does not encode yet.
#[derive(Clone, Debug, PartialEq)]
pub struct GapDef {
    /// Id, title, citations, dates.
    pub meta: RuleMeta,
    /// Where it applies (always if `None`).
    pub when: Option<Cond>,
}

/// An act the pack encodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Act {
    /// Abbreviation.
    pub abbrev: String,
    /// Full title.
    pub title: String,
}

/// A transitional rule of a pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    /// The date of the change.
    pub date: Date,
    /// The codes it concerns: those equal to this or starting with it and `-`; all if empty.
    pub prefix: String,
    /// What applies to a violation still running on the date.
    pub note: String,
}

/// A checked, compiled statute pack.
#[derive(Clone, Debug, PartialEq)]
pub struct Pack {
    /// Pack id, e.g. `kr`.
    pub id: String,
    /// The language its texts were compiled in (each text in that language, or in English
    /// where the pack has no version of it in that language).
    pub lang: crate::lang::Lang,
    /// The languages besides English it declares (`language ko`).
    pub languages: Vec<crate::lang::Lang>,
    /// Title.
    pub title: String,
    /// Jurisdiction code.
    pub jurisdiction: Option<String>,
    /// Acts encoded.
    pub acts: Vec<Act>,
    /// Sources.
    pub sources: Vec<String>,
    /// Notes.
    pub notes: Vec<String>,
    /// Transitional rules: a date, the code prefix they concern (all codes if empty), and what
    /// applies to a violation still running on that date.
    pub transitions: Vec<Transition>,
    /// Facts by slot.
    pub facts: Vec<FactDef>,
    /// Slot of each fact name.
    pub fact_index: NameMap<FactId>,
    /// Tests.
    pub tests: Vec<TestDef>,
    /// Exceptions.
    pub exceptions: Vec<ExcDef>,
    /// Weighings.
    pub weighings: Vec<WeighDef>,
    /// The weighing that gives the classification.
    pub classification: Option<WeighId>,
    /// Requirements in declaration order.
    pub requirements: Vec<ReqDef>,
    /// Gaps.
    pub gaps: Vec<GapDef>,
    /// The provisions' own words, quoted under the rules.
    pub articles: Vec<Article>,
    /// The `scope` items: tests that must all hold (those in force) for the law to reach the
    /// case; each test's `fails` sentence says why it does not.
    pub scope: Vec<TestId>,
    /// Tests, exceptions and weighings in an order where each comes after what it reads.
    pub order: Vec<Node>,
    /// For each node of `order`: whether it depends on the classification.
    pub class_dependent: Vec<bool>,
    /// Days on which some rule enters or leaves force, ascending.
    pub change_dates: Vec<Date>,
    /// For each fact: the values that represent every case the pack's weighings distinguish.
    pub representatives: Vec<Vec<Val>>,
}

impl Pack {
    /// The slot of a fact name.
    pub fn fact(&self, name: &str) -> Option<FactId> {
        self.fact_index.get(name).copied()
    }

    /// The classification weighing.
    pub fn classifier(&self) -> Option<&WeighDef> {
        self.classification
            .and_then(|w| self.weighings.get(usize::from(w)))
    }

    /// Whether the pack has the shape the fast writers know: no scope, and a classification of
    /// two sides named on the common axis.
    pub fn plain(&self) -> bool {
        self.scope.is_empty() && self.classifier().is_none_or(WeighDef::plain)
    }

    /// The axis value of a side of the classification (`undecided` for none).
    pub fn class_value(&self, side: Option<u8>) -> String {
        match (self.classifier(), side) {
            (Some(w), Some(s)) => w.axis_of(s).unwrap_or_default().to_string(),
            _ => "undecided".to_string(),
        }
    }

    /// A value in words, as a case would write it.
    pub fn show_value(&self, fact: FactId, v: Val) -> String {
        let ty = self.facts.get(usize::from(fact)).map(|f| &f.ty);
        match (v, ty) {
            (Val::Unknown, _) => "unknown".to_string(),
            (Val::Bool(b), _) => b.to_string(),
            (Val::Enum(i), Some(FactType::Enum(vs))) => {
                vs.get(usize::from(i)).cloned().unwrap_or_default()
            }
            (Val::Set(mask), Some(FactType::Set(vs))) => {
                let items: Vec<&str> = vs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1u64 << i) != 0)
                    .map(|(_, s)| s.as_str())
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
            (Val::Country(c), _) => c.as_str().to_string(),
            (Val::Number(n), _) => n.to_string(),
            (Val::Date(d), _) => d.to_string(),
            _ => "?".to_string(),
        }
    }

    /// The provisions quoted under rule `rule` on some day from `from` to `to`, each with its
    /// versions in force on such a day.
    pub fn quotes(
        &self,
        rule: &str,
        from: Date,
        to: Date,
    ) -> Vec<(&Article, Vec<&ArticleVersion>)> {
        self.articles
            .iter()
            .filter_map(|a| {
                let (f, t) = a
                    .rules
                    .iter()
                    .filter(|q| q.rule == rule)
                    .find_map(|q| q.within(from, to))?;
                Some((a, a.versions.iter().filter(|v| v.overlaps(f, t)).collect()))
            })
            .collect()
    }

    /// The title of a rule by id (a factor's reason for a factor), if the pack has it.
    pub fn rule_title(&self, id: &str) -> Option<&str> {
        let metas = self
            .tests
            .iter()
            .map(|t| &t.meta)
            .chain(self.exceptions.iter().map(|e| &e.meta))
            .chain(self.weighings.iter().map(|w| &w.meta))
            .chain(self.requirements.iter().map(|r| &r.meta))
            .chain(self.gaps.iter().map(|g| &g.meta));
        for m in metas {
            if m.id == id {
                return Some(&m.title);
            }
        }
        self.weighings
            .iter()
            .flat_map(|w| &w.factors)
            .find(|f| f.meta.id == id)
            .map(|f| f.because.as_str())
    }

    /// Every rule id of the pack (tests, exceptions, weighings, factors, requirements, gaps).
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.tests
            .iter()
            .map(|t| t.meta.id.as_str())
            .chain(self.exceptions.iter().map(|e| e.meta.id.as_str()))
            .chain(self.weighings.iter().flat_map(|w| {
                std::iter::once(w.meta.id.as_str())
                    .chain(w.factors.iter().map(|f| f.meta.id.as_str()))
            }))
            .chain(self.requirements.iter().map(|r| r.meta.id.as_str()))
            .chain(self.gaps.iter().map(|g| g.meta.id.as_str()))
    }
}
