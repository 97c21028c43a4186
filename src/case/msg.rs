//! The problems found in a case, in whatever form it came (a case file, YAML, JSON Lines, a
//! `--set` argument, an answer), as data. Their words, in each language, are in
//! [`crate::words::ReadWords`].

use crate::compile::pack::FactType;
use crate::date::Date;
use crate::syntax::ast::Odd;

/// The kind of a YAML or JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `null`.
    Null,
    /// `true` or `false`.
    TruthValue,
    /// An integer.
    Number,
    /// A decimal number.
    Decimal,
    /// A string.
    String,
    /// A list.
    List,
    /// A mapping.
    Mapping,
}

/// Where an unknown key was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Within {
    /// At the top of a case.
    Case,
    /// Under `period`.
    Period,
    /// Under `parties`.
    Parties,
    /// Under a language of `translations`.
    Translation,
    /// Under `expect`.
    Expect,
}

/// What was given for a fact of another type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A negative number.
    Negative(i64),
    /// A number.
    Number(i64),
    /// A truth value.
    TruthValue(bool),
    /// A word, as written.
    Word(String),
    /// A set.
    Set,
    /// Something no fact holds.
    Odd(Odd),
}

/// A problem found in a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A case id that is not lowercase letters, digits and `-`.
    BadId {
        /// The id.
        id: String,
    },
    /// A case without `under`.
    NoUnder {
        /// The case.
        id: String,
        /// The packs it could name.
        packs: Vec<String>,
    },
    /// `under` names a pack the library does not have.
    UnknownPack {
        /// The name.
        name: String,
        /// The packs there are.
        packs: Vec<String>,
    },
    /// A case with neither `date` nor `period`.
    NoTime {
        /// The case.
        id: String,
    },
    /// A period that ends before it starts.
    PeriodBackwards {
        /// Its start.
        from: Date,
        /// Its end.
        to: Date,
    },
    /// A fact the pack does not have.
    UnknownFact {
        /// The name.
        name: String,
        /// The pack.
        pack: String,
    },
    /// A fact none of the packs a case is judged under has.
    UnknownFactOfPacks {
        /// The name.
        name: String,
        /// The packs.
        packs: Vec<String>,
    },
    /// A fact named on the command line (`--vary`, `--keep`) that the pack does not have.
    UnknownOptionFact {
        /// The name.
        name: String,
        /// The pack.
        pack: String,
    },
    /// A fact given twice.
    FactTwice {
        /// The fact.
        name: String,
    },
    /// A value of the wrong type.
    WrongType {
        /// The fact.
        fact: String,
        /// Its type.
        ty: FactType,
        /// What was given.
        found: Found,
    },
    /// A number given for a bool.
    NumberForBool {
        /// The fact.
        fact: String,
        /// Its type.
        ty: FactType,
        /// The number.
        n: i64,
    },
    /// One value given for a set.
    OneForSet {
        /// The fact.
        fact: String,
        /// Its type.
        ty: FactType,
        /// The value.
        value: String,
    },
    /// A date that does not exist.
    NotADate {
        /// As written.
        text: String,
    },
    /// A number out of the range a number fact holds.
    NumberOutOfRange {
        /// The fact.
        fact: String,
        /// The number as written.
        text: String,
    },
    /// A tab in the indentation of a YAML line (YAML indents with spaces only).
    YamlTab,
    /// A control character (NUL, say) in a YAML file.
    ControlCharacter {
        /// Its code point.
        code: u32,
    },
    /// A country that is not a code.
    NotACountry {
        /// As written.
        text: String,
    },
    /// A word that is not a value of the fact.
    NotAValue {
        /// The word.
        value: String,
        /// The fact.
        fact: String,
        /// Its values.
        values: Vec<String>,
    },
    /// A `--set` argument not of the form `FACT=VALUE`.
    NotFactValue {
        /// The argument.
        arg: String,
    },
    /// An answer for a fact the pack does not have.
    NoSuchFact,
    /// A key given twice (not `facts`).
    KeyTwice {
        /// The key.
        key: String,
    },
    /// `facts` given twice.
    FactsTwice,
    /// A key given twice, where the second could not be found (pointing at the first).
    KeyTwiceHere {
        /// The key.
        key: String,
    },
    /// The YAML parser refused the text.
    NotYaml {
        /// The parser's words (in English).
        detail: String,
    },
    /// The JSON parser refused a line.
    NotJson {
        /// The parser's words (in English).
        detail: String,
    },
    /// A YAML file without a case.
    NoCase,
    /// A case that is not a mapping.
    CaseNotMapping {
        /// What it is.
        shape: Shape,
    },
    /// `id` that is not a string.
    IdNotString {
        /// What it is.
        shape: Shape,
    },
    /// `level` that is not easy, medium or hard.
    BadLevel,
    /// A list under `under` holding something other than pack ids.
    UnderListsIds,
    /// `under` that is neither a pack id nor a list.
    UnderShape {
        /// What it is.
        shape: Shape,
    },
    /// `period` that is not a mapping.
    PeriodNotMapping {
        /// What it is.
        shape: Shape,
    },
    /// `period` without `from` or `to`.
    PeriodNeedsBoth,
    /// `parties` that is not a mapping.
    PartiesNotMapping {
        /// What it is.
        shape: Shape,
    },
    /// `facts` that is not a mapping.
    FactsNotMapping {
        /// What it is.
        shape: Shape,
    },
    /// A case without `id`.
    NoId,
    /// `translations` that is not a mapping.
    TranslationsNotMapping {
        /// What it is.
        shape: Shape,
    },
    /// A language tag under `translations` that entrust does not know.
    UnknownLanguage {
        /// The tag.
        tag: String,
        /// The tags it knows (other than English).
        known: Vec<&'static str>,
    },
    /// One language's translations that are not a mapping.
    TranslationNotMapping {
        /// The tag.
        tag: String,
        /// What they are.
        shape: Shape,
    },
    /// A text translated that has no English version.
    NoEnglish {
        /// The key.
        key: String,
    },
    /// A text that must be a string.
    NotString {
        /// The key.
        key: String,
        /// What it is.
        shape: Shape,
    },
    /// A list of notes or hints translated with another number of items.
    TranslatedCount {
        /// The key (`notes`, `hints`).
        key: String,
        /// Items translated.
        given: usize,
        /// Items in English.
        english: usize,
    },
    /// Translated `parties` that are not a mapping.
    TranslatedPartiesNotMapping,
    /// A party translated that has no English name.
    PartyNoEnglish {
        /// The role (`transferor`, `recipient`, `beneficiary`).
        role: String,
    },
    /// Both `date` and `period`.
    DateAndPeriod,
    /// An unknown key.
    UnknownKey {
        /// The key.
        key: String,
        /// Where.
        within: Within,
        /// The keys allowed there.
        allowed: Vec<&'static str>,
    },
    /// A date that is not a string.
    DateShape {
        /// What it is.
        shape: Shape,
    },
    /// `expect` that is not a mapping.
    ExpectNotMapping {
        /// What it is.
        shape: Shape,
    },
    /// A list of expected codes or names that is not a list.
    ListShape {
        /// What it is.
        shape: Shape,
    },
    /// `classification` under `expect` that is not a value.
    ClassificationValue,
    /// `under` under `expect` that is not a pack id.
    ExpectUnderValue,
    /// `expect under ID` naming a pack the case is not judged under.
    ExpectUnderNotJudged {
        /// The pack named.
        pack: String,
        /// The packs the case is judged under.
        under: Vec<String>,
    },
    /// `lawful` under `expect` that is not true, false or null.
    LawfulValue {
        /// What it is.
        shape: Shape,
    },
    /// A fact answered a second time in an answers file (`ask --answers`).
    AnswerTwice {
        /// The fact.
        fact: String,
        /// The line of the first answer.
        first: u32,
    },
    /// An answer in an answers file that does not fit its fact (`ask --answers`).
    BadAnswer {
        /// The fact.
        fact: String,
        /// Its type: the answers it allows.
        ty: FactType,
        /// Why the answer cannot be read.
        problem: crate::reason::ask::AnswerError,
    },
    /// Lists and mappings of a YAML or JSON case nested more than `max` levels deep.
    NestedTooDeep {
        /// The limit.
        max: usize,
    },
    /// A line of JSON Lines longer than `max` bytes ([`crate::stream::MAX_LINE_BYTES`]).
    LineTooLong {
        /// The limit, in bytes.
        max: usize,
    },
    /// A case giving more than `max` facts ([`crate::case::MAX_FACTS`]), at the first fact
    /// past the limit.
    TooManyFacts {
        /// The limit.
        max: usize,
    },
}
