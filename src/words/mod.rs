//! The wording layer: every phrase entrust prints for a person, in each language it speaks.
//!
//! Each area of output has a trait with one method per phrase (a heading, a label, a sentence
//! with its typed arguments), implemented once per language by [`En`] and [`Ko`] in the area's
//! own file, the two versions side by side. A phrase added to a trait and missing in one
//! language does not compile; there is no fallback from one language to another and no
//! lookup by key at run time. The choice over Project Fluent and the rules for adding a
//! phrase are in `docs/design-notes.md`.
//!
//! What the wording layer does not hold: the packs' and cases' own texts (titles, questions,
//! messages, citations), which carry their translations with them (see `docs/language.md`),
//! and the codes scripts read (JSON keys, fact names and values, violation codes, the `kind`,
//! `result` and `weight` of the explanation tree), which are the same in every language.

use crate::lang::Lang;

mod ask;
mod check;
mod cli;
mod common;
mod compare;
mod diff;
mod facts;
mod html;
mod josa;
mod read;
mod report;
mod testing;
mod training;
mod tree;
mod whatif;

pub use ask::AskWords;
pub use check::CheckWords;
pub use cli::{CliWords, CommandHelp, HelpFrame};
pub use common::{Balance, CommonWords, QuestionScope};
pub use compare::{CompareRow, CompareWords};
pub use diff::DiffWords;
pub use facts::FactsWords;
pub use html::HtmlWords;
pub use read::ReadWords;
pub use report::ReportWords;
pub use testing::{RuleKind, TestWords};
pub use training::TrainingWords;
pub use tree::TreeWords;
pub use whatif::WhatifWords;

/// Every phrase of one language.
pub trait Words:
    CommonWords
    + CompareWords
    + TreeWords
    + ReportWords
    + HtmlWords
    + AskWords
    + WhatifWords
    + DiffWords
    + FactsWords
    + TrainingWords
    + TestWords
    + CheckWords
    + ReadWords
    + CliWords
    + Sync
{
    /// The language these words are in.
    fn lang(&self) -> Lang;
}

/// English.
#[derive(Clone, Copy, Debug, Default)]
pub struct En;

/// Korean, as a Korean privacy lawyer writes: the statutes' own terms (개인정보처리자, 정보주체,
/// 위탁, 수탁자, 제3자 제공, 국외 이전) and the formal written style (-함, -임) of a memo.
#[derive(Clone, Copy, Debug, Default)]
pub struct Ko;

impl Words for En {
    fn lang(&self) -> Lang {
        Lang::En
    }
}

impl Words for Ko {
    fn lang(&self) -> Lang {
        Lang::Ko
    }
}

/// The words of a language.
pub fn words(lang: Lang) -> &'static dyn Words {
    match lang {
        Lang::En => &En,
        Lang::Ko => &Ko,
    }
}
