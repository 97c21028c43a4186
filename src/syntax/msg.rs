//! The problems the parsers report, as data: what went wrong and with which names and numbers.
//! Their words, in each language, are in [`crate::words::ReadWords`].

/// A problem found while parsing a statute or case file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// More than `max` `not`s in a row.
    TooManyNots {
        /// The limit.
        max: usize,
    },
    /// Brackets nested more than `max` levels deep.
    BracketsTooDeep {
        /// The limit.
        max: usize,
    },
    /// A condition nested more than `max` levels deep.
    ConditionTooDeep {
        /// The limit.
        max: usize,
    },
    /// The grammar did not expect `found` (empty at the end of the file).
    Unexpected {
        /// The word found, at most 30 characters; empty at the end of the file.
        found: String,
        /// What could have come instead, in the order shown.
        expected: Vec<Expected>,
    },
    /// A parser error the grammar gave in its own words.
    Parser {
        /// The parser's words.
        text: String,
    },
    /// A date that does not exist (`2023-02-30`).
    NotADate {
        /// The date as written.
        text: String,
    },
    /// A number too large to be read.
    NumberTooLarge {
        /// The number as written.
        text: String,
    },
    /// A number too large for where it stands (a weight, a margin).
    TooLargeHere {
        /// The number.
        n: u64,
    },
    /// A clause a rule may have once, given twice.
    ClauseTwice {
        /// The clause's keyword (`ask`, `if`, `proven by`…).
        clause: String,
    },
    /// `in force` given twice.
    InForceTwice,
    /// A clause a case may have once, given twice.
    CaseClauseTwice {
        /// Which.
        clause: CaseClause,
    },
    /// Bytes that are not UTF-8 (any file: statutes, cases, answers).
    NotUtf8 {
        /// The first byte that is not UTF-8.
        byte: u8,
    },
}

/// A clause of a case that may be given once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseClause {
    /// `under`.
    Under,
    /// `date` or `period`.
    Time,
    /// A party (`transferor`, `recipient`, `beneficiary`).
    Party(String),
    /// `source`.
    Source,
    /// `level`.
    Level,
    /// `classification` under `expect`.
    Classification,
    /// `lawful` under `expect`.
    Lawful,
    /// `applies` under `expect`.
    Applies,
    /// An `expect` block: for every pack (`None`), or `expect under ID`.
    Expect(Option<String>),
}

/// Something the grammar expected where it found something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// The end of the file.
    EndOfFile,
    /// The pack header `pack ID "TITLE"`.
    PackHeader,
    /// A keyword or a piece of syntax, shown as written (`fact`, `in force`, `=`).
    Code(&'static str),
    /// `classify` or `weigh`.
    ClassifyOrWeigh,
    /// `and` or `or`.
    AndOr,
    /// `transferor`, `recipient` or `beneficiary`.
    PartyRole,
    /// `violations include {…}` or `violations exclude {…}`.
    Violations,
    /// A name.
    Name,
    /// A quoted string.
    QuotedString,
    /// A date (YYYY-MM-DD).
    Date,
    /// A number.
    Number,
    /// A country code.
    CountryCode,
    /// A violation code such as KR-PIPA-26-1.
    ViolationCode,
    /// A value.
    Value,
    /// A set of values `{…}`.
    ValueSet,
    /// A type (bool, number, date, country, enum {…}, set {…}).
    Type,
    /// A list of names `{a, b}`.
    NameList,
    /// A comparison (=, !=, <, <=, >, >=).
    Comparison,
    /// A condition.
    Condition,
    /// An act abbreviation such as PIPA.
    ActAbbrev,
    /// A case id (lowercase letters, digits and `-`).
    CaseId,
    /// A fact `name = value`.
    Assignment,
    /// yes or no.
    YesNo,
    /// A set of violation codes `{…}`.
    CodeSet,
    /// A set of names `{…}`.
    NameSet,
}
