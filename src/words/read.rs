//! Words of reading inputs: the parsers' syntax errors, the problems of cases (in a case file,
//! YAML, JSON Lines, a `--set` argument, an answer), and of the files of a run.

use super::josa::{eul, eun, i};
use super::{AskWords, CheckWords, CommonWords, En, Ko};
use crate::batch::Scope;
use crate::case::{Found, Msg as CaseMsg, Shape, Within};
use crate::date::DateProblem;
use crate::diagnostic::{IoProblem, MAX_ERRORS, Said};
use crate::reason::ask::AnswerError;
use crate::syntax::ast::Odd;
use crate::syntax::{CaseClause, Expected, Msg as SyntaxMsg};
use std::io::ErrorKind;

/// Words of reading inputs.
pub trait ReadWords {
    /// What the grammar expected: "a name", "`fact`".
    fn expected(&self, e: Expected) -> String;
    /// A value no fact holds: "the decimal number 1.5".
    fn odd(&self, o: &Odd) -> String;
    /// The operating system's reason a file cannot be read or written.
    fn io_problem(&self, io: &IoProblem) -> String;
    /// A message of the parsers.
    fn syntax_said(&self, m: &SyntaxMsg) -> Said;
    /// A message about a case.
    fn case_said(&self, m: &CaseMsg) -> Said;
    /// A message about the files of a run.
    fn batch_said(&self, m: &crate::batch::Msg) -> Said;
    /// A message about the files of statute packs.
    fn library_said(&self, m: &crate::library::Msg) -> Said;
}

/// A count with its thousands grouped: 9,980.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A size in bytes as people write it: 64 MiB, 1 MiB, 512 KiB, or the bytes, grouped.
fn bytes_size(n: u64) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!(
            "{} MiB",
            grouped(usize::try_from(n >> 20).unwrap_or(usize::MAX))
        )
    } else if n >= 1 << 10 && n.is_multiple_of(1 << 10) {
        format!(
            "{} KiB",
            grouped(usize::try_from(n >> 10).unwrap_or(usize::MAX))
        )
    } else {
        format!(
            "{} bytes",
            grouped(usize::try_from(n).unwrap_or(usize::MAX))
        )
    }
}

// ---- English ----------------------------------------------------------------------------------

fn shape_en(s: Shape) -> &'static str {
    match s {
        Shape::Null => "null",
        Shape::TruthValue => "a truth value",
        Shape::Number => "a number",
        Shape::Decimal => "a decimal number",
        Shape::String => "a string",
        Shape::List => "a list",
        Shape::Mapping => "a mapping",
    }
}

fn within_en(w: Within) -> &'static str {
    match w {
        Within::Case => "a case",
        Within::Period => "period",
        Within::Parties => "parties",
        Within::Translation => "a translation",
        Within::Expect => "`expect`",
    }
}

fn clause_en(c: &CaseClause) -> String {
    match c {
        CaseClause::Under => "`under`".to_string(),
        CaseClause::Time => "`date` or `period`".to_string(),
        CaseClause::Party(role) => format!("`{role}`"),
        CaseClause::Source => "`source`".to_string(),
        CaseClause::Level => "`level`".to_string(),
        CaseClause::Classification => "`classification`".to_string(),
        CaseClause::Lawful => "`lawful`".to_string(),
        CaseClause::Applies => "`applies`".to_string(),
        CaseClause::Expect(None) => "`expect`".to_string(),
        CaseClause::Expect(Some(pack)) => format!("`expect under {pack}`"),
    }
}

/// "a, b or c".
fn or_list_en(items: &[String]) -> String {
    match items.split_last() {
        None => "something else".to_string(),
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!("{} or {last}", init.join(", ")),
    }
}

impl En {
    fn found(&self, f: &Found) -> String {
        match f {
            Found::Negative(n) => format!("the negative number {n}"),
            Found::Number(n) => format!("the number {n}"),
            Found::TruthValue(b) => format!("the truth value {b}"),
            Found::Word(w) => format!("`{w}`"),
            Found::Set => "a set".to_string(),
            Found::Odd(o) => self.odd(o),
        }
    }
}

fn wrong_type_en(w: &En, fact: &str, ty: &crate::compile::pack::FactType, found: &str) -> Said {
    Said::new(format!(
        "fact `{fact}` takes {}, but {found} was given",
        w.fact_type(ty)
    ))
}

impl ReadWords for En {
    fn expected(&self, e: Expected) -> String {
        match e {
            Expected::EndOfFile => "end of file".to_string(),
            Expected::PackHeader => "the pack header `pack ID \"TITLE\"`".to_string(),
            Expected::Code(c) => format!("`{c}`"),
            Expected::ClassifyOrWeigh => "`classify` or `weigh`".to_string(),
            Expected::AndOr => "`and` or `or`".to_string(),
            Expected::PartyRole => "`transferor`, `recipient` or `beneficiary`".to_string(),
            Expected::Violations => {
                "`violations include {…}` or `violations exclude {…}`".to_string()
            }
            Expected::Name => "a name".to_string(),
            Expected::QuotedString => "a quoted string".to_string(),
            Expected::Date => "a date (YYYY-MM-DD)".to_string(),
            Expected::Number => "a number".to_string(),
            Expected::CountryCode => "a country code".to_string(),
            Expected::ViolationCode => "a violation code such as KR-PIPA-26-1".to_string(),
            Expected::Value => "a value".to_string(),
            Expected::ValueSet => "a set of values `{…}`".to_string(),
            Expected::Type => "a type (bool, number, date, country, enum {…}, set {…})".to_string(),
            Expected::NameList => "a list of names `{a, b}`".to_string(),
            Expected::Comparison => "a comparison (=, !=, <, <=, >, >=)".to_string(),
            Expected::Condition => "a condition".to_string(),
            Expected::ActAbbrev => "an act abbreviation such as PIPA".to_string(),
            Expected::CaseId => "a case id (lowercase letters, digits and `-`)".to_string(),
            Expected::Assignment => "a fact `name = value`".to_string(),
            Expected::YesNo => "yes or no".to_string(),
            Expected::CodeSet => "a set of violation codes `{…}`".to_string(),
            Expected::NameSet => "a set of names `{…}`".to_string(),
        }
    }

    fn odd(&self, o: &Odd) -> String {
        match o {
            Odd::TooLarge(t) => format!("the number `{t}`, which is too large"),
            Odd::Decimal(f) => format!("the decimal number {f}"),
            Odd::ListHolding(s) => format!("a list holding {}", shape_en(*s)),
            Odd::Mapping => "a mapping".to_string(),
        }
    }

    fn io_problem(&self, io: &IoProblem) -> String {
        io.text.clone()
    }

    fn syntax_said(&self, m: &SyntaxMsg) -> Said {
        match m {
            SyntaxMsg::TooManyNots { max } => Said::new(format!("more than {max} `not`s in a row")),
            SyntaxMsg::BracketsTooDeep { max } => {
                Said::new(format!("brackets nested more than {max} levels deep"))
                    .help("split the condition into named tests")
            }
            SyntaxMsg::ConditionTooDeep { max } => {
                Said::new(format!("condition nested more than {max} levels deep"))
                    .help("split the condition into named tests")
            }
            SyntaxMsg::Unexpected { found, expected } => {
                let names: Vec<String> = expected.iter().map(|e| self.expected(*e)).collect();
                let expected = or_list_en(&names);
                if found.is_empty() {
                    Said::new(format!("unexpected end of file: expected {expected}"))
                } else {
                    let said = Said::new(format!("unexpected `{found}`: expected {expected}"));
                    match bytes_word_for_value(found, expected_value(m)) {
                        Some(WordFix::Lower(l)) => {
                            said.help(format!("values are written in lower case: write `{l}`"))
                        }
                        Some(WordFix::Country(c)) => said.help(format!(
                            "for a country, write its ISO 3166-1 alpha-2 code in capitals: `{c}`"
                        )),
                        None => said,
                    }
                }
            }
            SyntaxMsg::Parser { text } => Said::new(text.clone()),
            SyntaxMsg::NotADate { text } => not_a_date_en(text),
            SyntaxMsg::NumberTooLarge { text } => {
                Said::new(format!("number `{text}` is too large"))
            }
            SyntaxMsg::TooLargeHere { n } => Said::new(format!("`{n}` is too large here")),
            SyntaxMsg::ClauseTwice { clause } => Said::new(format!("`{clause}` is given twice"))
                .help("keep one; a rule has one such clause"),
            SyntaxMsg::InForceTwice => Said::new("`in force` is given twice")
                .help("write one clause: `in force from DATE until DATE`"),
            SyntaxMsg::CaseClauseTwice { clause } => {
                Said::new(format!("{} is given twice in this case", clause_en(clause)))
                    .help("keep one")
            }
            SyntaxMsg::NotUtf8 { byte } => Said::new(format!("invalid UTF-8 (byte 0x{byte:02X})"))
                .help(
                    "save the file as UTF-8; it may have been saved in another encoding, \
                     such as EUC-KR or Windows-1252",
                ),
        }
    }

    fn case_said(&self, m: &CaseMsg) -> Said {
        match m {
            CaseMsg::BadId { id } => Said::new(format!("`{id}` is not a valid case id"))
                .help("use lowercase letters, digits and `-`, e.g. `courier-parcels`"),
            CaseMsg::NoUnder { id, packs } => Said::new(format!(
                "case `{id}` does not say which pack to judge it under"
            ))
            .help(match packs.as_slice() {
                [] => "add `under PACK`".to_string(),
                [one] => format!("add `under {one}`"),
                many => format!(
                    "add `under PACK`, naming one or more of: {}",
                    many.join(", ")
                ),
            }),
            CaseMsg::UnknownPack { name, packs } => Said::new(format!("unknown pack `{name}`"))
                .label(format!("packs: {}", packs.join(", "))),
            CaseMsg::NoTime { id } => Said::new(format!(
                "case `{id}` has neither a `date` nor a `period`"
            ))
            .help("add `date 2024-01-15` or `period 2019-06-01 to 2024-05-21`; the law applied depends on it"),
            CaseMsg::PeriodBackwards { from, to } => Said::new(format!(
                "the period ends on {to}, before it starts on {from}"
            )),
            CaseMsg::UnknownFact { name, pack } => Said::new(format!("unknown fact `{name}`"))
                .label(format!("not a fact of pack `{pack}`")),
            CaseMsg::UnknownFactOfPacks { name, packs } => {
                let packs: Vec<String> = packs.iter().map(|p| format!("`{p}`")).collect();
                Said::new(format!("unknown fact `{name}`"))
                    .label(format!("a fact of none of the packs {}", packs.join(", ")))
            }
            CaseMsg::UnknownOptionFact { name, pack } => Said::new(format!(
                "unknown fact `{name}` in --vary or --keep"
            ))
            .label(format!("not a fact of pack `{pack}`")),
            CaseMsg::FactTwice { name } => Said::new(format!("fact `{name}` is given twice"))
                .help("keep one value; a case states each fact once"),
            CaseMsg::WrongType { fact, ty, found } => {
                let mut said = wrong_type_en(self, fact, ty, &self.found(found));
                said.help = bytes_value_help_en(ty, found);
                said
            }
            CaseMsg::NumberForBool { fact, ty, n } => {
                wrong_type_en(self, fact, ty, &format!("the number {n}"))
                    .help("write true or false (a number is never read as a truth value)")
            }
            CaseMsg::OneForSet { fact, ty, value } => {
                wrong_type_en(self, fact, ty, &format!("the single value `{value}`")).help(
                    format!("write a set: `{{{value}}}` in a .case file, `[{value}]` in YAML"),
                )
            }
            CaseMsg::NotADate { text } => not_a_date_en(text),
            CaseMsg::NumberOutOfRange { fact, text } => Said::new(format!(
                "the number `{text}` is out of range for fact `{fact}`"
            ))
            .help(format!("write a whole number from 0 to {}", i64::MAX)),
            CaseMsg::YamlTab => Said::new("a tab indents this line; YAML indents with spaces only")
                .help("replace the tab with spaces"),
            CaseMsg::ControlCharacter { code } => Said::new(format!(
                "control character U+{code:04X} in the file"
            ))
            .help("remove it: a case file holds text only (it may have been cut from a binary file)"),
            CaseMsg::NotACountry { text } => {
                let said = Said::new(format!("`{text}` is not a country code"));
                match crate::country::suggest(text) {
                    Some(code) => said.help(format!(
                        "write the country's ISO 3166-1 alpha-2 code in capitals: `{code}`"
                    )),
                    None => said.help("write an ISO 3166-1 alpha-2 code in capitals, e.g. KR, SG, US"),
                }
            }
            CaseMsg::NotAValue {
                value,
                fact,
                values,
            } => Said::new(format!("`{value}` is not a value of `{fact}`"))
                .label(format!("values: {}", values.join(", "))),
            CaseMsg::NotFactValue { arg } => {
                Said::new(format!("`{arg}` is not of the form FACT=VALUE"))
                    .help("write, e.g., --set recipient_own_use=false")
            }
            CaseMsg::NoSuchFact => Said::new("no such fact"),
            CaseMsg::KeyTwice { key } => Said::new(format!("key `{key}` is given twice"))
                .help("keep one value; a case states each fact once"),
            CaseMsg::FactsTwice => Said::new("key `facts` is given twice")
                .help("merge the two `facts` mappings into one: a parser would keep only the last"),
            CaseMsg::KeyTwiceHere { key } => Said::new(format!("key `{key}` is given twice")),
            CaseMsg::NotYaml { detail } => Said::new(format!("this is not valid YAML: {detail}")),
            CaseMsg::NotJson { detail } => {
                Said::new(format!("this line is not valid JSON: {detail}"))
            }
            CaseMsg::NoCase => Said::new("the file holds no case"),
            CaseMsg::CaseNotMapping { shape } => Said::new(format!(
                "a case must be a mapping of keys such as `id` and `facts`, not {}",
                shape_en(*shape)
            )),
            CaseMsg::IdNotString { shape } => Said::new(format!(
                "`id` must be a string, not {}",
                shape_en(*shape)
            )),
            CaseMsg::BadLevel => Said::new("`level` must be easy, medium or hard"),
            CaseMsg::UnderListsIds => Said::new("`under` lists pack ids"),
            CaseMsg::UnderShape { shape } => Said::new(format!(
                "`under` must be a pack id or a list of them, not {}",
                shape_en(*shape)
            )),
            CaseMsg::PeriodNotMapping { shape } => Said::new(format!(
                "`period` must be a mapping, not {}",
                shape_en(*shape)
            ))
            .help("write `period: {from: 2019-06-01, to: 2024-05-21}`"),
            CaseMsg::PeriodNeedsBoth => Said::new("`period` needs both `from` and `to`").help(
                "write `period: {from: 2019-06-01, to: 2024-05-21}`, or `date:` for one day",
            ),
            CaseMsg::PartiesNotMapping { shape } => Said::new(format!(
                "`parties` must be a mapping, not {}",
                shape_en(*shape)
            )),
            CaseMsg::FactsNotMapping { shape } => Said::new(format!(
                "`facts` must be a mapping of fact names to values, not {}",
                shape_en(*shape)
            )),
            CaseMsg::NoId => {
                Said::new("the case has no `id`").help("add e.g. `id: courier-parcels`")
            }
            CaseMsg::TranslationsNotMapping { shape } => Said::new(format!(
                "`translations` must be a mapping, not {}",
                shape_en(*shape)
            ))
            .help("write `translations: {ko: {title: …}}`"),
            CaseMsg::UnknownLanguage { tag, known } => {
                Said::new(format!("`{tag}` is not a language entrust knows")).help(format!(
                    "translations are keyed by a language tag: {}",
                    known.join(", ")
                ))
            }
            CaseMsg::TranslationNotMapping { tag, shape } => Said::new(format!(
                "the `{tag}` translations must be a mapping of texts, not {}",
                shape_en(*shape)
            )),
            CaseMsg::NoEnglish { key } => Said::new(format!(
                "`{key}` is translated but the case has no English `{key}`"
            ))
            .help(format!("give `{key}` in English too")),
            CaseMsg::NotString { key, shape } => Said::new(format!(
                "`{key}` must be a string, not {}",
                shape_en(*shape)
            )),
            CaseMsg::TranslatedCount {
                key,
                given,
                english,
            } => Said::new(format!(
                "{given} translated `{key}` for {english} in English"
            ))
            .help(format!("translate every item of `{key}`, in the same order")),
            CaseMsg::TranslatedPartiesNotMapping => Said::new("`parties` must be a mapping"),
            CaseMsg::PartyNoEnglish { role } => Said::new(format!(
                "the {role} is translated but has no English name"
            )),
            CaseMsg::DateAndPeriod => {
                Said::new("the case has both a `date` and a `period`").help("keep one")
            }
            CaseMsg::UnknownKey {
                key,
                within,
                allowed,
            } => Said::new(format!("unknown key `{key}` in {}", within_en(*within)))
                .label(format!("allowed: {}", allowed.join(", "))),
            CaseMsg::DateShape { shape } => Said::new(format!(
                "expected a date (YYYY-MM-DD), not {}",
                shape_en(*shape)
            )),
            CaseMsg::ExpectNotMapping { shape } => Said::new(format!(
                "`expect` must be a mapping, or a list of mappings, not {}",
                shape_en(*shape)
            )),
            CaseMsg::ListShape { shape } => {
                Said::new(format!("expected a list, not {}", shape_en(*shape)))
            }
            CaseMsg::ClassificationValue => {
                Said::new("`classification` must be a value such as provision")
            }
            CaseMsg::ExpectUnderValue => {
                Said::new("`under` in `expect` must be a pack id such as eu")
            }
            CaseMsg::ExpectUnderNotJudged { pack, under } => Said::new(format!(
                "an expectation under `{pack}`, but the case is judged under {} only",
                under.join(", ")
            ))
            .help(format!(
                "add `{pack}` to the case's `under`, or name one of its packs"
            )),
            CaseMsg::LawfulValue { shape } => Said::new(format!(
                "`lawful` must be true, false or null, not {}",
                shape_en(*shape)
            )),
            CaseMsg::AnswerTwice { fact, first } => {
                Said::new(format!("fact `{fact}` is answered twice"))
                    .label(format!("first answered on line {first}"))
                    .help("keep one answer: a later one would silently replace the first")
            }
            CaseMsg::BadAnswer { fact, ty, problem } => {
                let message = match problem {
                    AnswerError::NoSuchFact => format!("unknown fact `{fact}`"),
                    AnswerError::NotBool(t) => {
                        format!("`{t}` is not a yes-or-no answer for `{fact}`")
                    }
                    AnswerError::NotNumber(t) => {
                        format!("`{t}` is not a whole number, which `{fact}` takes")
                    }
                    AnswerError::Negative(n) => format!(
                        "{n} is negative: `{fact}` takes a whole number, zero or more"
                    ),
                    AnswerError::NotDate(t) => format!("`{t}` is not a real date"),
                    AnswerError::NotCountry(t) => format!("`{t}` is not a country code"),
                    AnswerError::NotAValue { given, .. } => {
                        format!("`{given}` is not a value of `{fact}`")
                    }
                };
                let help = match problem {
                    AnswerError::NotAValue {
                        closest: Some(c), ..
                    } => self.did_you_mean(c),
                    _ => format!("answer {}, or unknown", self.ask_allowed(ty)),
                };
                Said::new(message).help(help)
            }
            CaseMsg::NestedTooDeep { max } => {
                Said::new(format!("lists and mappings nested more than {max} levels deep"))
                    .help("a fact's value is one value or a list of values")
            }
            CaseMsg::LineTooLong { max } => Said::new(format!(
                "line longer than {}, the most entrust reads of one line",
                bytes_size(u64::try_from(*max).unwrap_or(u64::MAX))
            ))
            .label("this line")
            .help("JSON Lines hold one case a line; a case is far shorter than this"),
            CaseMsg::TooManyFacts { max } => Said::new(format!(
                "more than {} facts in one case",
                grouped(*max)
            ))
            .label("this fact is past the limit")
            .help("a case gives each fact once; no pack has this many facts"),
        }
    }

    fn batch_said(&self, m: &crate::batch::Msg) -> Said {
        use crate::batch::Msg;
        match m {
            Msg::NoSuchPath => Said::new("no such file or folder"),
            Msg::NotACaseFile => {
                Said::new("not a case file").help("case files end in .case, .yaml, .yml or .jsonl")
            }
            Msg::NotFormattable => Said::new("only .law and .case files are formatted"),
            Msg::CannotRead { io } => {
                Said::new(format!("cannot read the file: {}", self.io_problem(io)))
            }
            Msg::FileTooLarge { max } => Said::new(format!(
                "the file is larger than {}, the most entrust reads whole",
                bytes_size(*max)
            ))
            .help("split it into smaller files (JSON Lines given to `eval` are read line by line, of any size)"),
            Msg::CannotReadFolder { io } => {
                Said::new(format!("cannot read the folder: {}", self.io_problem(io)))
            }
            Msg::NoCaseFiles => Said::new("no case files in this folder")
                .help("case files end in .case, .yaml, .yml or .jsonl"),
            Msg::CannotWrite { io } => {
                Said::new(format!("cannot write the file: {}", self.io_problem(io)))
            }
            Msg::FormatterFailed { detail } => Said::new(format!(
                "the formatter could not lay out this text ({detail}); nothing was formatted"
            )),
            Msg::IdTwice { id, at } => {
                Said::new(format!("case id `{id}` is used twice in this run"))
                    .label(format!("first used at {at}"))
                    .help("give every case its own id")
            }
            Msg::MoreErrors { n, scope } => {
                let what = match scope {
                    Scope::Case => "case",
                    Scope::Line => "line",
                    Scope::File => "file",
                };
                let errors = if *n == 1 { "error" } else { "errors" };
                Said::new(format!(
                    "… and {} more {errors} in this {what}",
                    grouped(*n)
                ))
                .help(format!(
                    "only the first {MAX_ERRORS} errors are shown; correct them and run again"
                ))
            }
        }
    }

    fn library_said(&self, m: &crate::library::Msg) -> Said {
        use crate::library::Msg;
        match m {
            Msg::CannotReadFolder { io } => {
                Said::new(format!("cannot read the folder: {}", self.io_problem(io)))
            }
            Msg::CannotReadFile { io } => {
                Said::new(format!("cannot read the file: {}", self.io_problem(io)))
            }
            Msg::NoSuchFolder => Said::new("no such folder of statute packs"),
            Msg::NoLawFiles => Said::new("the folder holds no `.law` files"),
            Msg::SecondPack { id } => Said::new(format!("a second pack with id `{id}`")),
        }
    }
}

fn not_a_date_en(text: &str) -> Said {
    let why = bytes_date_problem_en(text).map_or_else(String::new, |w| format!(": {w}"));
    Said::new(format!("`{text}` is not a real date{why}"))
        .help("write dates as YYYY-MM-DD, e.g. 2023-09-15")
}

/// Whether a parser message expected a value.
fn expected_value(m: &SyntaxMsg) -> bool {
    matches!(m, SyntaxMsg::Unexpected { expected, .. } if expected.contains(&Expected::Value))
}

/// What to write instead of a word the case language does not read as a value.
enum WordFix {
    /// A value in capitals (`True`): the same in lower case.
    Lower(String),
    /// A country's name (`Vietnam`): its code.
    Country(&'static str),
}

/// What to write instead of `found` where a value was expected (`True`, `Vietnam`).
fn bytes_word_for_value(found: &str, expected_value: bool) -> Option<WordFix> {
    if !expected_value {
        return None;
    }
    let lower = found.to_lowercase();
    if matches!(lower.as_str(), "true" | "false" | "yes" | "no" | "unknown") {
        return Some(WordFix::Lower(lower));
    }
    crate::country::suggest(found).map(WordFix::Country)
}

/// The help for a word given to a fact that does not take it: for a yes/no fact, how yes, no
/// and "not known" are written.
fn bytes_value_help_en(ty: &crate::compile::pack::FactType, found: &Found) -> Option<String> {
    let (crate::compile::pack::FactType::Bool, Found::Word(w)) = (ty, found) else {
        return None;
    };
    let lower = w.to_lowercase();
    Some(
        if matches!(lower.as_str(), "true" | "false" | "yes" | "no") {
            format!("write it in lower case: `{lower}`")
        } else {
            "a yes/no fact takes yes or no (or true or false); if it is not known, write unknown"
                .to_string()
        },
    )
}

/// [`bytes_value_help_en`] in Korean.
fn bytes_value_help_ko(ty: &crate::compile::pack::FactType, found: &Found) -> Option<String> {
    let (crate::compile::pack::FactType::Bool, Found::Word(w)) = (ty, found) else {
        return None;
    };
    let lower = w.to_lowercase();
    Some(
        if matches!(lower.as_str(), "true" | "false" | "yes" | "no") {
            format!("소문자로 쓰십시오: `{lower}`")
        } else {
            "예/아니오 사실에는 yes 또는 no(또는 true 또는 false)를 쓰십시오. 알 수 없으면 unknown이라고 쓰십시오"
            .to_string()
        },
    )
}

/// What is wrong with a text that looks like a date but is not one ("month 13 is out of
/// range …"); `None` when it is not of the form YYYY-MM-DD at all.
pub(super) fn bytes_date_problem_en(text: &str) -> Option<String> {
    match crate::date::Date::problem(text)? {
        DateProblem::Form => None,
        DateProblem::Month(m) => Some(format!(
            "month {m} is out of range (months run from 01 to 12)"
        )),
        DateProblem::Day {
            day,
            year,
            month,
            last,
        } => Some(format!(
            "day {day} is out of range ({year:04}-{month:02} has {last} days)"
        )),
    }
}

/// [`bytes_date_problem_en`] in Korean.
pub(super) fn bytes_date_problem_ko(text: &str) -> Option<String> {
    match crate::date::Date::problem(text)? {
        DateProblem::Form => None,
        DateProblem::Month(m) => Some(format!(
            "{m}월은 범위를 벗어났습니다(월은 01부터 12까지입니다)"
        )),
        DateProblem::Day {
            day,
            year,
            month,
            last,
        } => Some(format!(
            "{day}일은 범위를 벗어났습니다({year}년 {month}월은 {last}일까지입니다)"
        )),
    }
}

// ---- Korean -----------------------------------------------------------------------------------

fn shape_ko(s: Shape) -> &'static str {
    match s {
        Shape::Null => "null",
        Shape::TruthValue => "진릿값",
        Shape::Number => "숫자",
        Shape::Decimal => "소수",
        Shape::String => "문자열",
        Shape::List => "목록",
        Shape::Mapping => "매핑",
    }
}

fn within_ko(w: Within) -> &'static str {
    match w {
        Within::Case => "사안",
        Within::Period => "`period`",
        Within::Parties => "`parties`",
        Within::Translation => "번역",
        Within::Expect => "`expect`",
    }
}

fn clause_ko(c: &CaseClause) -> String {
    match c {
        CaseClause::Under => "`under`".to_string(),
        CaseClause::Time => "`date` 또는 `period`".to_string(),
        CaseClause::Party(role) => format!("`{role}`"),
        CaseClause::Source => "`source`".to_string(),
        CaseClause::Level => "`level`".to_string(),
        CaseClause::Classification => "`classification`".to_string(),
        CaseClause::Lawful => "`lawful`".to_string(),
        CaseClause::Applies => "`applies`".to_string(),
        CaseClause::Expect(None) => "`expect`".to_string(),
        CaseClause::Expect(Some(pack)) => format!("`expect under {pack}`"),
    }
}

/// "a, b 또는 c".
fn or_list_ko(items: &[String]) -> String {
    match items.split_last() {
        None => "다른 내용".to_string(),
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!("{} 또는 {last}", init.join(", ")),
    }
}

impl Ko {
    fn found(&self, f: &Found) -> String {
        match f {
            Found::Negative(n) => format!("음수 {n}"),
            Found::Number(n) => format!("숫자 {n}"),
            Found::TruthValue(b) => format!("진릿값 {b}"),
            Found::Word(w) => format!("`{w}`"),
            Found::Set => "집합".to_string(),
            Found::Odd(o) => self.odd(o),
        }
    }
}

fn wrong_type_ko(w: &Ko, fact: &str, ty: &crate::compile::pack::FactType, found: &str) -> Said {
    Said::new(format!(
        "사실 `{fact}`의 타입은 {}인데 {} 주어졌습니다",
        w.fact_type(ty),
        i(found)
    ))
}

fn not_a_date_ko(text: &str) -> Said {
    let why = bytes_date_problem_ko(text).map_or_else(String::new, |w| format!(": {w}"));
    Said::new(format!(
        "{} 존재하지 않는 날짜입니다{why}",
        eun(&format!("`{text}`"))
    ))
    .help("날짜는 YYYY-MM-DD 형식으로 쓰십시오(예: 2023-09-15)")
}

fn io_ko(io: &IoProblem) -> String {
    match io.kind {
        ErrorKind::NotFound => "파일이나 폴더가 없습니다".to_string(),
        ErrorKind::PermissionDenied => "접근 권한이 없습니다".to_string(),
        ErrorKind::InvalidData => "UTF-8 텍스트가 아닙니다".to_string(),
        ErrorKind::IsADirectory => "파일이 아니라 폴더입니다".to_string(),
        ErrorKind::NotADirectory => "폴더가 아닙니다".to_string(),
        _ => format!("입출력 오류({})", io.text),
    }
}

impl ReadWords for Ko {
    fn expected(&self, e: Expected) -> String {
        match e {
            Expected::EndOfFile => "파일의 끝".to_string(),
            Expected::PackHeader => "법령팩 머리글 `pack ID \"TITLE\"`".to_string(),
            Expected::Code(c) => format!("`{c}`"),
            Expected::ClassifyOrWeigh => "`classify` 또는 `weigh`".to_string(),
            Expected::AndOr => "`and` 또는 `or`".to_string(),
            Expected::PartyRole => "`transferor`, `recipient` 또는 `beneficiary`".to_string(),
            Expected::Violations => {
                "`violations include {…}` 또는 `violations exclude {…}`".to_string()
            }
            Expected::Name => "이름".to_string(),
            Expected::QuotedString => "따옴표로 감싼 문자열".to_string(),
            Expected::Date => "날짜(YYYY-MM-DD)".to_string(),
            Expected::Number => "숫자".to_string(),
            Expected::CountryCode => "국가 코드".to_string(),
            Expected::ViolationCode => "KR-PIPA-26-1과 같은 위반 코드".to_string(),
            Expected::Value => "값".to_string(),
            Expected::ValueSet => "값의 집합 `{…}`".to_string(),
            Expected::Type => "타입(bool, number, date, country, enum {…}, set {…})".to_string(),
            Expected::NameList => "이름 목록 `{a, b}`".to_string(),
            Expected::Comparison => "비교 연산자(=, !=, <, <=, >, >=)".to_string(),
            Expected::Condition => "조건".to_string(),
            Expected::ActAbbrev => "PIPA와 같은 법률 약칭".to_string(),
            Expected::CaseId => "사안 id(영문 소문자, 숫자, `-`)".to_string(),
            Expected::Assignment => "사실 `name = value`".to_string(),
            Expected::YesNo => "yes 또는 no".to_string(),
            Expected::CodeSet => "위반 코드의 집합 `{…}`".to_string(),
            Expected::NameSet => "이름의 집합 `{…}`".to_string(),
        }
    }

    fn odd(&self, o: &Odd) -> String {
        match o {
            Odd::TooLarge(t) => format!("너무 큰 숫자 `{t}`"),
            Odd::Decimal(f) => format!("소수 {f}"),
            Odd::ListHolding(s) => format!("{} 든 목록", i(shape_ko(*s))),
            Odd::Mapping => "매핑".to_string(),
        }
    }

    fn io_problem(&self, io: &IoProblem) -> String {
        io_ko(io)
    }

    fn syntax_said(&self, m: &SyntaxMsg) -> Said {
        match m {
            SyntaxMsg::TooManyNots { max } => {
                Said::new(format!("`not`이 {max}번 넘게 연달아 나옵니다"))
            }
            SyntaxMsg::BracketsTooDeep { max } => {
                Said::new(format!("괄호가 {max}단계보다 깊게 중첩되었습니다"))
                    .help("조건을 이름 붙은 판단 기준(`test`)으로 나누십시오")
            }
            SyntaxMsg::ConditionTooDeep { max } => {
                Said::new(format!("조건이 {max}단계보다 깊게 중첩되었습니다"))
                    .help("조건을 이름 붙은 판단 기준(`test`)으로 나누십시오")
            }
            SyntaxMsg::Unexpected { found, expected } => {
                let names: Vec<String> = expected.iter().map(|e| self.expected(*e)).collect();
                let expected = or_list_ko(&names);
                if found.is_empty() {
                    Said::new(format!(
                        "파일이 예상보다 일찍 끝났습니다. 필요한 것: {expected}"
                    ))
                } else {
                    let said = Said::new(format!(
                        "예상하지 못한 `{found}`입니다. 필요한 것: {expected}"
                    ));
                    match bytes_word_for_value(found, expected_value(m)) {
                        Some(WordFix::Lower(l)) => {
                            said.help(format!("값은 소문자로 씁니다. `{l}`로 쓰십시오"))
                        }
                        Some(WordFix::Country(c)) => said.help(format!(
                            "국가는 ISO 3166-1 alpha-2 코드를 대문자로 쓰십시오: `{c}`"
                        )),
                        None => said,
                    }
                }
            }
            SyntaxMsg::Parser { text } => Said::new(text.clone()),
            SyntaxMsg::NotADate { text } => not_a_date_ko(text),
            SyntaxMsg::NumberTooLarge { text } => {
                Said::new(format!("숫자 {} 너무 큽니다", i(&format!("`{text}`"))))
            }
            SyntaxMsg::TooLargeHere { n } => {
                Said::new(format!("이 자리에는 {} 너무 큽니다", i(&format!("`{n}`"))))
            }
            SyntaxMsg::ClauseTwice { clause } => {
                Said::new(format!("`{clause}` 절이 두 번 나옵니다"))
                    .help("하나만 남기십시오. 규칙마다 이 절은 하나뿐입니다")
            }
            SyntaxMsg::InForceTwice => Said::new("`in force` 절이 두 번 나옵니다")
                .help("절 하나로 쓰십시오: `in force from DATE until DATE`"),
            SyntaxMsg::CaseClauseTwice { clause } => Said::new(format!(
                "이 사안에 {} 두 번 나옵니다",
                i(&clause_ko(clause))
            ))
            .help("하나만 남기십시오"),
            SyntaxMsg::NotUtf8 { byte } => Said::new(format!(
                "UTF-8이 아닌 바이트(0x{byte:02X})가 있습니다"
            ))
            .help("파일을 UTF-8로 저장하십시오. EUC-KR 같은 다른 인코딩으로 저장된 파일일 수 있습니다"),
        }
    }

    fn case_said(&self, m: &CaseMsg) -> Said {
        match m {
            CaseMsg::BadId { id } => Said::new(format!(
                "{} 올바른 사안 id가 아닙니다",
                eun(&format!("`{id}`"))
            ))
            .help("영문 소문자, 숫자, `-`만 쓰십시오(예: `courier-parcels`)"),
            CaseMsg::NoUnder { id, packs } => Said::new(format!(
                "사안 `{id}`에 판단에 쓸 법령팩(`under`)이 적혀 있지 않습니다"
            ))
            .help(match packs.as_slice() {
                [] => "다음을 추가하십시오: `under 법령팩`".to_string(),
                [one] => format!("다음을 추가하십시오: `under {one}`"),
                many => format!(
                    "다음을 추가하십시오: `under 법령팩`(다음 중 하나 이상: {})",
                    many.join(", ")
                ),
            }),
            CaseMsg::UnknownPack { name, packs } => {
                Said::new(format!("알 수 없는 법령팩 `{name}`입니다"))
                    .label(format!("법령팩: {}", packs.join(", ")))
            }
            CaseMsg::NoTime { id } => Said::new(format!(
                "사안 `{id}`에 `date`도 `period`도 없습니다"
            ))
            .help("다음 중 하나를 추가하십시오: `date 2024-01-15` 또는 `period 2019-06-01 to 2024-05-21`. 적용되는 법령이 이에 따라 달라집니다"),
            CaseMsg::PeriodBackwards { from, to } => Said::new(format!(
                "기간의 종료일 {} 시작일 {from}보다 앞섭니다",
                i(&to.to_string())
            )),
            CaseMsg::UnknownFact { name, pack } => {
                Said::new(format!("알 수 없는 사실 `{name}`입니다"))
                    .label(format!("`{pack}` 법령팩의 사실이 아님"))
            }
            CaseMsg::UnknownFactOfPacks { name, packs } => {
                let packs: Vec<String> = packs.iter().map(|p| format!("`{p}`")).collect();
                Said::new(format!("알 수 없는 사실 `{name}`입니다"))
                    .label(format!("법령팩 {} 어느 것의 사실도 아님", packs.join(", ")))
            }
            CaseMsg::UnknownOptionFact { name, pack } => Said::new(format!(
                "--vary 또는 --keep에 쓴 {} 알 수 없는 사실입니다",
                eun(&format!("`{name}`"))
            ))
            .label(format!("`{pack}` 법령팩의 사실이 아님")),
            CaseMsg::FactTwice { name } => Said::new(format!(
                "사실 {} 두 번 주어졌습니다",
                i(&format!("`{name}`"))
            ))
            .help("값 하나만 남기십시오. 사안에는 사실마다 한 번만 적습니다"),
            CaseMsg::WrongType { fact, ty, found } => {
                let mut said = wrong_type_ko(self, fact, ty, &self.found(found));
                said.help = bytes_value_help_ko(ty, found);
                said
            }
            CaseMsg::NumberForBool { fact, ty, n } => {
                wrong_type_ko(self, fact, ty, &format!("숫자 {n}"))
                    .help("true 또는 false로 쓰십시오(숫자는 진릿값으로 읽지 않습니다)")
            }
            CaseMsg::OneForSet { fact, ty, value } => {
                wrong_type_ko(self, fact, ty, &format!("단일 값 `{value}`")).help(format!(
                    "집합으로 쓰십시오: .case 파일에서는 `{{{value}}}`, YAML에서는 `[{value}]`"
                ))
            }
            CaseMsg::NotADate { text } => not_a_date_ko(text),
            CaseMsg::NumberOutOfRange { fact, text } => Said::new(format!(
                "{} {} 받을 수 있는 범위를 벗어났습니다",
                eun(&format!("숫자 `{text}`")),
                i(&format!("사실 `{fact}`"))
            ))
            .help(format!("0부터 {}까지의 정수로 쓰십시오", i64::MAX)),
            CaseMsg::YamlTab => Said::new(
                "이 줄은 탭으로 들여쓰여 있습니다. YAML은 공백으로만 들여씁니다",
            )
            .help("탭을 공백으로 바꾸십시오"),
            CaseMsg::ControlCharacter { code } => Said::new(format!(
                "파일에 {} 있습니다",
                i(&format!("제어 문자 U+{code:04X}"))
            ))
            .help("지우십시오. 사안 파일에는 텍스트만 있어야 합니다(바이너리 파일에서 잘라 온 것일 수 있습니다)"),
            CaseMsg::NotACountry { text } => Said::new(format!(
                "{} 국가 코드가 아닙니다",
                eun(&format!("`{text}`"))
            ))
            .help(match crate::country::suggest(text) {
                Some(code) => format!("국가의 ISO 3166-1 alpha-2 코드를 대문자로 쓰십시오: `{code}`"),
                None => "ISO 3166-1 alpha-2 코드를 대문자로 쓰십시오(예: KR, SG, US)".to_string(),
            }),
            CaseMsg::NotAValue {
                value,
                fact,
                values,
            } => Said::new(format!(
                "{} `{fact}`의 값이 아닙니다",
                eun(&format!("`{value}`"))
            ))
            .label(format!("값: {}", values.join(", "))),
            CaseMsg::NotFactValue { arg } => Said::new(format!(
                "{} FACT=VALUE 형식이 아닙니다",
                eun(&format!("`{arg}`"))
            ))
            .help("예: --set recipient_own_use=false"),
            CaseMsg::NoSuchFact => Said::new("그런 사실이 없습니다"),
            CaseMsg::KeyTwice { key } => Said::new(format!(
                "키 {} 두 번 나옵니다",
                i(&format!("`{key}`"))
            ))
            .help("값 하나만 남기십시오. 사안에는 사실마다 한 번만 적습니다"),
            CaseMsg::FactsTwice => Said::new("키 `facts`가 두 번 나옵니다")
                .help("두 `facts` 매핑을 하나로 합치십시오. 파서는 마지막 것만 남깁니다"),
            CaseMsg::KeyTwiceHere { key } => Said::new(format!(
                "키 {} 두 번 나옵니다",
                i(&format!("`{key}`"))
            )),
            CaseMsg::NotYaml { detail } => {
                Said::new(format!("올바른 YAML이 아닙니다(파서 메시지: {detail})"))
            }
            CaseMsg::NotJson { detail } => Said::new(format!(
                "이 줄은 올바른 JSON이 아닙니다(파서 메시지: {detail})"
            )),
            CaseMsg::NoCase => Said::new("파일에 사안이 없습니다"),
            CaseMsg::CaseNotMapping { shape } => Said::new(format!(
                "사안은 {} 아니라 `id`, `facts` 같은 키의 매핑이어야 합니다",
                i(shape_ko(*shape))
            )),
            CaseMsg::IdNotString { shape } => Said::new(format!(
                "`id`는 {} 아니라 문자열이어야 합니다",
                i(shape_ko(*shape))
            )),
            CaseMsg::BadLevel => Said::new("`level`은 easy, medium, hard 중 하나여야 합니다"),
            CaseMsg::UnderListsIds => Said::new("`under`에는 법령팩 id를 나열해야 합니다"),
            CaseMsg::UnderShape { shape } => Said::new(format!(
                "`under`는 {} 아니라 법령팩 id 또는 그 목록이어야 합니다",
                i(shape_ko(*shape))
            )),
            CaseMsg::PeriodNotMapping { shape } => Said::new(format!(
                "`period`는 {} 아니라 매핑이어야 합니다",
                i(shape_ko(*shape))
            ))
            .help("다음과 같이 쓰십시오: `period: {from: 2019-06-01, to: 2024-05-21}`"),
            CaseMsg::PeriodNeedsBoth => Said::new("`period`에는 `from`과 `to`가 모두 필요합니다")
                .help("`period: {from: 2019-06-01, to: 2024-05-21}`처럼 쓰거나, 하루라면 `date:`를 쓰십시오"),
            CaseMsg::PartiesNotMapping { shape } => Said::new(format!(
                "`parties`는 {} 아니라 매핑이어야 합니다",
                i(shape_ko(*shape))
            )),
            CaseMsg::FactsNotMapping { shape } => Said::new(format!(
                "`facts`는 {} 아니라 사실 이름과 값의 매핑이어야 합니다",
                i(shape_ko(*shape))
            )),
            CaseMsg::NoId => Said::new("사안에 `id`가 없습니다")
                .help("다음과 같이 추가하십시오: `id: courier-parcels`"),
            CaseMsg::TranslationsNotMapping { shape } => Said::new(format!(
                "`translations`는 {} 아니라 매핑이어야 합니다",
                i(shape_ko(*shape))
            ))
            .help("다음과 같이 쓰십시오: `translations: {ko: {title: …}}`"),
            CaseMsg::UnknownLanguage { tag, known } => Said::new(format!(
                "{} entrust가 아는 언어가 아닙니다",
                eun(&format!("`{tag}`"))
            ))
            .help(format!("번역의 키는 언어 태그입니다: {}", known.join(", "))),
            CaseMsg::TranslationNotMapping { tag, shape } => Said::new(format!(
                "`{tag}` 번역은 {} 아니라 텍스트의 매핑이어야 합니다",
                i(shape_ko(*shape))
            )),
            CaseMsg::NoEnglish { key } => Said::new(format!(
                "`{key}`의 번역은 있으나 영어 {} 없습니다",
                i(&format!("`{key}`"))
            ))
            .help(format!("{} 영어로도 적으십시오", eul(&format!("`{key}`")))),
            CaseMsg::NotString { key, shape } => Said::new(format!(
                "{} {} 아니라 문자열이어야 합니다",
                eun(&format!("`{key}`")),
                i(shape_ko(*shape))
            )),
            CaseMsg::TranslatedCount {
                key,
                given,
                english,
            } => Said::new(format!(
                "`{key}`의 번역은 {given}개인데 영어는 {english}개입니다"
            ))
            .help(format!("`{key}`의 모든 항목을 같은 순서로 번역하십시오")),
            CaseMsg::TranslatedPartiesNotMapping => Said::new("`parties`는 매핑이어야 합니다"),
            CaseMsg::PartyNoEnglish { role } => Said::new(format!(
                "{}의 번역은 있으나 영어 이름이 없습니다",
                self.role(role)
            )),
            CaseMsg::DateAndPeriod => {
                Said::new("사안에 `date`와 `period`가 모두 있습니다").help("하나만 남기십시오")
            }
            CaseMsg::UnknownKey {
                key,
                within,
                allowed,
            } => Said::new(format!(
                "{}에 알 수 없는 키 {} 있습니다",
                within_ko(*within),
                i(&format!("`{key}`"))
            ))
            .label(format!("허용되는 키: {}", allowed.join(", "))),
            CaseMsg::DateShape { shape } => Said::new(format!(
                "날짜(YYYY-MM-DD)가 와야 하는데 {} 왔습니다",
                i(shape_ko(*shape))
            )),
            CaseMsg::ExpectNotMapping { shape } => Said::new(format!(
                "`expect`는 {} 아니라 매핑이나 매핑의 목록이어야 합니다",
                i(shape_ko(*shape))
            )),
            CaseMsg::ListShape { shape } => Said::new(format!(
                "목록이 와야 하는데 {} 왔습니다",
                i(shape_ko(*shape))
            )),
            CaseMsg::ClassificationValue => {
                Said::new("`classification`은 provision과 같은 값이어야 합니다")
            }
            CaseMsg::ExpectUnderValue => {
                Said::new("`expect`의 `under`는 eu와 같은 법령팩 식별자여야 합니다")
            }
            CaseMsg::ExpectUnderNotJudged { pack, under } => Said::new(format!(
                "`{pack}`에 따른 기대 결과가 있으나, 이 사안은 {}에 따라서만 판단됩니다",
                under.join(", ")
            ))
            .help(format!(
                "사안의 `under`에 `{pack}`을(를) 추가하거나, 사안의 법령팩 중 하나를 지정하십시오"
            )),
            CaseMsg::LawfulValue { shape } => Said::new(format!(
                "`lawful`은 {} 아니라 true, false, null 중 하나여야 합니다",
                i(shape_ko(*shape))
            )),
            CaseMsg::AnswerTwice { fact, first } => Said::new(format!(
                "사실 `{fact}`에 대한 답변이 두 번 있습니다"
            ))
            .label(format!("처음 답한 줄: {first}"))
            .help("답변 하나만 남기십시오. 나중의 답변이 처음 답변을 조용히 대체하게 됩니다"),
            CaseMsg::BadAnswer { fact, ty, problem } => {
                let quoted = |t: &str| format!("`{t}`");
                let message = match problem {
                    AnswerError::NoSuchFact => format!("알 수 없는 사실 `{fact}`입니다"),
                    AnswerError::NotBool(t) => format!(
                        "{} `{fact}`에 대한 예/아니오 답변이 아닙니다",
                        eun(&quoted(t))
                    ),
                    AnswerError::NotNumber(t) => format!(
                        "{} 정수가 아닙니다. `{fact}`에는 정수로 답해야 합니다",
                        eun(&quoted(t))
                    ),
                    AnswerError::Negative(n) => format!(
                        "{} 음수입니다. `{fact}`에는 0 이상의 정수로 답해야 합니다",
                        eun(&n.to_string())
                    ),
                    AnswerError::NotDate(t) => {
                        format!("{} 존재하지 않는 날짜입니다", eun(&quoted(t)))
                    }
                    AnswerError::NotCountry(t) => {
                        format!("{} 국가 코드가 아닙니다", eun(&quoted(t)))
                    }
                    AnswerError::NotAValue { given, .. } => {
                        format!("{} `{fact}`의 값이 아닙니다", eun(&quoted(given)))
                    }
                };
                let help = match problem {
                    AnswerError::NotAValue {
                        closest: Some(c), ..
                    } => self.did_you_mean(c),
                    _ => format!(
                        "다음과 같이 답하십시오: {}. 모르면 모름 또는 unknown",
                        self.ask_allowed(ty)
                    ),
                };
                Said::new(message).help(help)
            }
            CaseMsg::NestedTooDeep { max } => {
                Said::new(format!("목록과 매핑이 {max}단계보다 깊게 중첩되었습니다"))
                    .help("사실의 값은 값 하나 또는 값의 목록으로 쓰십시오")
            }
            CaseMsg::LineTooLong { max } => Said::new(format!(
                "줄이 {}보다 깁니다. entrust가 한 줄에서 읽는 최대 길이입니다",
                bytes_size(u64::try_from(*max).unwrap_or(u64::MAX))
            ))
            .label("이 줄")
            .help("JSON Lines는 한 줄에 사안 하나를 씁니다. 사안 하나는 이보다 훨씬 짧습니다"),
            CaseMsg::TooManyFacts { max } => Said::new(format!(
                "사안 하나에 사실이 {}개보다 많습니다",
                grouped(*max)
            ))
            .label("이 사실부터 한도를 넘습니다")
            .help("사실은 사안마다 한 번씩 씁니다. 이만큼 많은 사실을 가진 법령팩은 없습니다"),
        }
    }

    fn batch_said(&self, m: &crate::batch::Msg) -> Said {
        use crate::batch::Msg;
        match m {
            Msg::NoSuchPath => Said::new("그런 파일이나 폴더가 없습니다"),
            Msg::NotACaseFile => Said::new("사안 파일이 아닙니다")
                .help("사안 파일의 확장자는 .case, .yaml, .yml, .jsonl입니다"),
            Msg::NotFormattable => Said::new(".law 파일과 .case 파일만 서식을 맞출 수 있습니다"),
            Msg::CannotRead { io } => {
                Said::new(format!("파일을 읽을 수 없습니다: {}", self.io_problem(io)))
            }
            Msg::FileTooLarge { max } => Said::new(format!(
                "파일이 {}보다 큽니다. entrust가 한 번에 읽는 파일의 최대 크기입니다",
                bytes_size(*max)
            ))
            .help("더 작은 파일로 나누십시오(`eval`은 JSON Lines 파일을 한 줄씩 읽으므로 크기에 제한이 없습니다)"),
            Msg::CannotReadFolder { io } => {
                Said::new(format!("폴더를 읽을 수 없습니다: {}", self.io_problem(io)))
            }
            Msg::NoCaseFiles => Said::new("이 폴더에는 사안 파일이 없습니다")
                .help("사안 파일의 확장자는 .case, .yaml, .yml, .jsonl입니다"),
            Msg::CannotWrite { io } => {
                Said::new(format!("파일을 쓸 수 없습니다: {}", self.io_problem(io)))
            }
            Msg::FormatterFailed { detail } => Said::new(format!(
                "서식 도구가 이 텍스트를 배치하지 못했습니다({detail}). 아무것도 바꾸지 않았습니다"
            )),
            Msg::IdTwice { id, at } => Said::new(format!(
                "사안 id {} 이번 실행에서 두 번 쓰였습니다",
                i(&format!("`{id}`"))
            ))
            .label(format!("처음 쓰인 곳: {at}"))
            .help("사안마다 고유한 id를 부여하십시오"),
            Msg::MoreErrors { n, scope } => {
                let what = match scope {
                    Scope::Case => "이 사안",
                    Scope::Line => "이 줄",
                    Scope::File => "이 파일",
                };
                Said::new(format!("… {what}에 오류가 {}개 더 있습니다", grouped(*n))).help(format!(
                    "처음 {MAX_ERRORS}개의 오류만 보여 줍니다. 이를 고친 뒤 다시 실행하십시오"
                ))
            }
        }
    }

    fn library_said(&self, m: &crate::library::Msg) -> Said {
        use crate::library::Msg;
        match m {
            Msg::CannotReadFolder { io } => {
                Said::new(format!("폴더를 읽을 수 없습니다: {}", self.io_problem(io)))
            }
            Msg::CannotReadFile { io } => {
                Said::new(format!("파일을 읽을 수 없습니다: {}", self.io_problem(io)))
            }
            Msg::NoSuchFolder => Said::new("법령팩 폴더가 없습니다"),
            Msg::NoLawFiles => Said::new("폴더에 `.law` 파일이 없습니다"),
            Msg::SecondPack { id } => Said::new(format!("id가 `{id}`인 법령팩이 또 있습니다")),
        }
    }
}
