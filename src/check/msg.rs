//! The problems the checker reports, as data. Their words, in each language, are in
//! [`crate::words::CheckWords`].

use crate::compile::pack::FactType;
use crate::date::Date;
use crate::lang::Lang;

/// What a name of a pack stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    /// A fact.
    Fact,
    /// A test.
    Test,
    /// An exception.
    Exception,
    /// A weighing (or the classification).
    Weighing,
    /// A requirement.
    Requirement,
    /// A gap.
    Gap,
}

/// A kind of declaration, as the checker names it in a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// `fact`.
    Fact,
    /// `test`.
    Test,
    /// `exception`.
    Exception,
    /// `classify`.
    Classification,
    /// `weigh`.
    Weighing,
    /// `factor`.
    Factor,
    /// `require`.
    Requirement,
    /// `gap`.
    Gap,
    /// `scope`.
    Scope,
}

/// A clause a declaration needs, as the message about its absence names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clause {
    /// `if` of a test.
    TestIf,
    /// `if` of an exception.
    ExceptionIf,
    /// `to` of an exception.
    ExceptionTo,
    /// `ask` of a fact.
    Ask,
    /// `sides` of a weighing.
    Sides,
    /// `toward` of a factor.
    Toward,
    /// `weight` of a factor.
    Weight,
    /// `when` of a factor.
    FactorWhen,
    /// `because` of a factor.
    Because,
    /// `requires` of a requirement.
    Requires,
    /// `violation` of a requirement.
    Violation,
    /// `applies when` of a scope item.
    AppliesWhen,
    /// `because` of a scope item.
    ScopeBecause,
}

impl Clause {
    /// The clause's keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            Clause::TestIf | Clause::ExceptionIf => "if",
            Clause::ExceptionTo => "to",
            Clause::Ask => "ask",
            Clause::Sides => "sides",
            Clause::Toward => "toward",
            Clause::Weight => "weight",
            Clause::FactorWhen => "when",
            Clause::Because => "because",
            Clause::Requires => "requires",
            Clause::Violation => "violation",
            Clause::AppliesWhen => "applies when",
            Clause::ScopeBecause => "because",
        }
    }
}

/// The kind of a literal written in a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitKind {
    /// `true`, `false`, `yes`, `no`.
    TruthValue,
    /// A number.
    Number,
    /// A date.
    Date,
    /// A country code.
    Country,
    /// A name.
    Name,
}

/// What a fact was compared with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Given {
    /// A word or a code, as written.
    Word(String),
    /// Another kind of literal.
    Kind(LitKind),
}

/// A problem found while checking a pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The pack has no `pack` header.
    NoHeader,
    /// A second `pack` header.
    SecondHeader {
        /// The second header's id.
        id: String,
        /// The pack's id, from the first header.
        first: String,
    },
    /// A name declared twice.
    DeclaredTwice {
        /// The name.
        name: String,
        /// What it was first declared as.
        prev: SymbolKind,
        /// Where it was first declared (`file:line:col`).
        at: String,
    },
    /// A factor name used twice in the pack.
    FactorTwice {
        /// The name.
        name: String,
        /// Where it was first declared (`file:line:col`).
        at: String,
    },
    /// A rule without `cite`.
    NoCitation {
        /// What it is.
        kind: RuleKind,
        /// Its name.
        name: String,
    },
    /// A declaration without a clause it needs.
    MissingClause {
        /// What it is.
        kind: RuleKind,
        /// Its name.
        name: String,
        /// The clause.
        clause: Clause,
    },
    /// `in force` ending before it starts.
    UntilBeforeFrom {
        /// The start.
        from: Date,
        /// The end.
        until: Date,
    },
    /// An exception whose target is not a test, a requirement or an exception.
    CannotExcept {
        /// The target.
        name: String,
        /// What it is.
        kind: SymbolKind,
    },
    /// An exception's target is not a name of the pack.
    UnknownRule {
        /// The target.
        name: String,
    },
    /// A second `classify` weighing.
    SecondClassification,
    /// Rules that depend on each other in a circle.
    Cycle {
        /// The rules of the circle, in order.
        names: Vec<String>,
    },
    /// The classification reads a rule that depends on the classification.
    ClassificationReadsItself,
    /// A rule that comes to `n` conditions, more than `max`, once the tests and exceptions it
    /// reads are followed along every path.
    ExpandsTooFar {
        /// The rule.
        name: String,
        /// How many conditions it comes to.
        n: u64,
        /// The limit.
        max: u64,
    },
    /// A rule that reads `depth` levels deep, more than `max`, counting each `and`, `or` and
    /// `not` and each test or exception followed.
    ReadsTooDeep {
        /// The rule.
        name: String,
        /// How deep it reads.
        depth: usize,
        /// The limit.
        max: usize,
    },
    /// A value listed twice in an enum or set.
    ValueTwice {
        /// The value.
        value: String,
    },
    /// An enum or set with too many values.
    TooManyValues {
        /// The fact.
        fact: String,
        /// How many it lists.
        n: usize,
        /// How many are allowed.
        max: usize,
    },
    /// A `proven by … otherwise VALUE` whose value is not of the fact's type.
    ValueNotOfType {
        /// The fact.
        fact: String,
        /// Its type.
        ty: FactType,
    },
    /// A weighing whose two sides are the same.
    SidesEqual,
    /// A weighing with more sides than the engine weighs.
    TooManySides {
        /// The weighing.
        weighing: String,
        /// How many it declares.
        n: usize,
        /// The most allowed.
        max: usize,
    },
    /// Two sides of the classification placed on the same value of the common axis.
    AxisTwice {
        /// The axis value.
        axis: String,
        /// The side that took it first.
        first: String,
    },
    /// `as …` on a side of a weighing that is not the classification.
    AxisOutsideClassification {
        /// The side.
        side: String,
    },
    /// A side of the classification that is not a classification value.
    NotAClassification {
        /// The side.
        value: String,
        /// The classification values.
        values: Vec<String>,
    },
    /// A weighing without factors.
    NoFactor {
        /// The weighing.
        weighing: String,
    },
    /// A side that is not one of the weighing's.
    NotASide {
        /// The side written.
        value: String,
        /// The weighing.
        weighing: String,
        /// Its sides.
        sides: Vec<String>,
    },
    /// An article id declared twice.
    ArticleTwice {
        /// The id.
        name: String,
        /// Where it was first declared (`file:line:col`).
        at: String,
    },
    /// An article quoted under a name that is no rule of the pack.
    QuotedUnderNoRule {
        /// The name written.
        name: String,
        /// What it is instead (`None`: not a name of the pack).
        kind: Option<SymbolKind>,
    },
    /// A version of an article without `source`.
    VersionWithoutSource {
        /// The article.
        article: String,
    },
    /// A version of an article without `text`.
    VersionWithoutText {
        /// The article.
        article: String,
    },
    /// A text without a version in a language the pack declares.
    MissingTranslation {
        /// The language.
        lang: Lang,
    },
    /// Texts in a language the pack does not declare.
    UndeclaredLanguage {
        /// The language.
        lang: Lang,
    },
    /// An exposure dated when its requirement is not in force.
    ExposureOutOfForce {
        /// The requirement.
        requirement: String,
    },
    /// A fact no rule reads.
    FactUnused {
        /// The fact.
        fact: String,
    },
    /// A fact marked `recorded` that a rule reads.
    RecordedButRead {
        /// The fact.
        fact: String,
    },
    /// A test no rule uses.
    TestUnused {
        /// The test.
        test: String,
    },
    /// A weighing no rule uses.
    WeighingUnused {
        /// The weighing.
        weighing: String,
    },
    /// A name in a condition that is not a name of the pack.
    UnknownName {
        /// The name.
        name: String,
    },
    /// A fact that is not a bool standing alone as a condition.
    NotBool {
        /// The fact.
        fact: String,
        /// Its type.
        ty: FactType,
    },
    /// A factor reading an exception.
    FactorReadsException {
        /// The exception.
        name: String,
    },
    /// A factor reading a weighing.
    FactorReadsWeighing {
        /// The weighing.
        name: String,
    },
    /// A weighing standing alone as a condition.
    WeighingNeedsSide {
        /// The weighing.
        name: String,
    },
    /// A name a condition cannot read (a requirement, a gap).
    CannotRead {
        /// The name.
        name: String,
        /// What it is.
        kind: SymbolKind,
    },
    /// A fact compared with a value not of its type.
    ComparedWithWrongType {
        /// The fact.
        fact: String,
        /// What it was compared with.
        given: Given,
        /// Its type.
        ty: FactType,
    },
    /// An order comparison of something that only has equality.
    OnlyEquality {
        /// The fact or weighing.
        name: String,
        /// The operator written.
        op: &'static str,
    },
    /// An enum or set compared with a literal that is not one of its values.
    TakesListedValue {
        /// The fact.
        fact: String,
        /// The literal's kind.
        kind: LitKind,
        /// The fact's values.
        values: Vec<String>,
    },
    /// A word that is not a value of an enum or set.
    NotAValue {
        /// The word.
        value: String,
        /// The fact.
        fact: String,
        /// Its values.
        values: Vec<String>,
    },
    /// A set compared with `=` and the like.
    SetCompared {
        /// The fact.
        fact: String,
        /// The operator.
        op: &'static str,
        /// The value compared with.
        value: String,
    },
    /// A test compared with a value.
    TestCompared {
        /// The test.
        name: String,
    },
    /// `in` on a name that is not a fact.
    InNotAFact {
        /// The name.
        name: String,
    },
    /// `in` on a set.
    InOnSet {
        /// The fact.
        fact: String,
    },
    /// `in` on a fact that is not an enum or a country.
    InWrongType {
        /// The fact.
        fact: String,
        /// Its type.
        ty: FactType,
    },
    /// `contains` on a name that is not a fact.
    ContainsNotAFact {
        /// The name.
        name: String,
    },
    /// `contains` on an enum or a country fact, which holds one value.
    ContainsOnOneValue {
        /// The fact.
        fact: String,
        /// Its type.
        ty: FactType,
    },
    /// `contains` on a fact that is not a set.
    ContainsWrongType {
        /// The fact.
        fact: String,
        /// Its type.
        ty: FactType,
    },
}
