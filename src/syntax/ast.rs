//! The abstract syntax of both languages, with a span on every node. Nothing of pest leaks here.

use crate::date::Date;
use crate::lang::Lang;
use crate::source::Span;

/// A name as written, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// The text.
    pub text: String,
    /// Where it was written.
    pub span: Span,
}

/// A text a person reads: a string literal's content in English, with its place, and its
/// versions in other languages (`"Consent" ko "동의"`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// The unescaped English content.
    pub text: String,
    /// Where the English was written (quotes included).
    pub span: Span,
    /// Its versions in other languages, in the order written.
    pub tr: Vec<(Lang, String)>,
}

impl Text {
    /// A text in English only.
    pub fn plain(text: impl Into<String>, span: Span) -> Text {
        Text {
            text: text.into(),
            span,
            tr: Vec::new(),
        }
    }

    /// The text in a language: its version in that language, or the English when it has none
    /// (`entrust check` warns about a pack's texts missing in a language it declares).
    pub fn get(&self, lang: Lang) -> &str {
        if lang == Lang::En {
            return &self.text;
        }
        self.tr
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(self.text.as_str(), |(_, t)| t.as_str())
    }

    /// Whether the text has a version in a language (English always).
    pub fn has(&self, lang: Lang) -> bool {
        lang == Lang::En || self.tr.iter().any(|(l, _)| *l == lang)
    }
}

/// A literal value in a condition or a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Literal {
    /// `true`, `false`, `yes`, `no`.
    Bool(bool),
    /// A non-negative integer.
    Number(u64),
    /// A date.
    Date(Date),
    /// An upper-case two-letter code.
    Country(String),
    /// An enum or set value, or a weighing side.
    Word(String),
}

/// A literal with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    /// The literal.
    pub lit: Literal,
    /// Where it was written.
    pub span: Span,
}

/// A fact's type as declared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeAst {
    /// `bool`
    Bool,
    /// `number`
    Number,
    /// `date`
    Date,
    /// `country`
    Country,
    /// `enum {…}`
    Enum(Vec<Name>),
    /// `set {…}`
    Set(Vec<Name>),
}

/// `in force from … until …`, both ends inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct InForce {
    /// First day in force.
    pub from: Option<Date>,
    /// Last day in force.
    pub until: Option<Date>,
    /// Where the clause was written.
    pub span: Option<Span>,
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
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

impl CmpOp {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// How `contains` reads a set of values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantifier {
    /// Every value (the default).
    All,
    /// At least one value.
    Any,
}

/// A condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExprKind {
    /// `a and b and …`: a chain of `and`s, one node for all its operands (two or more).
    And(Vec<Expr>),
    /// `a or b or …`: a chain of `or`s, one node for all its operands (two or more).
    Or(Vec<Expr>),
    /// `not a`
    Not(Box<Expr>),
    /// `fact op value`
    Compare(Name, CmpOp, Value),
    /// `fact in {…}`
    In(Name, Vec<Value>),
    /// `fact contains [all|any] …`
    Contains(Name, Quantifier, Vec<Value>),
    /// A bool fact, a test, or an exception.
    Ref(Name),
}

/// A condition with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expr {
    /// The condition.
    pub kind: ExprKind,
    /// Where it was written.
    pub span: Span,
}

/// `proven by PARTY otherwise VALUE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Burden {
    /// Who must prove the fact.
    pub party: Name,
    /// What the fact is taken to be when unproven.
    pub otherwise: Value,
}

/// `fact name : type …`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactDecl {
    /// Its name.
    pub name: Name,
    /// Its type.
    pub ty: TypeAst,
    /// Where the type was written.
    pub ty_span: Span,
    /// The question for a user.
    pub ask: Option<Text>,
    /// Help for that user.
    pub help: Option<Text>,
    /// Burden of proof.
    pub burden: Option<Burden>,
    /// Kept for reports only.
    pub recorded: bool,
    /// Describes the arrangement's givens (`given`): what-if searches leave it as it is.
    pub given: bool,
}

/// `test name "title" …`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestDecl {
    /// Its name.
    pub name: Name,
    /// Its title.
    pub title: Text,
    /// Citations.
    pub cites: Vec<Text>,
    /// Dates in force.
    pub in_force: InForce,
    /// The condition (`if`).
    pub cond: Option<Expr>,
    /// Sentence for when it holds.
    pub holds: Option<Text>,
    /// Sentence for when it fails.
    pub fails: Option<Text>,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// `exception name "title" to target …`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExceptionDecl {
    /// Its name.
    pub name: Name,
    /// Its title.
    pub title: Text,
    /// The rule it excepts.
    pub target: Option<Name>,
    /// Citations.
    pub cites: Vec<Text>,
    /// Dates in force.
    pub in_force: InForce,
    /// The condition (`if`).
    pub cond: Option<Expr>,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// `factor name …` inside a weighing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorDecl {
    /// Its name.
    pub name: Name,
    /// The side it favours.
    pub toward: Option<Name>,
    /// Its weight.
    pub weight: Option<(u32, Span)>,
    /// When it fires.
    pub when: Option<Expr>,
    /// The reason in words.
    pub because: Option<Text>,
    /// Settles the weighing on its own.
    pub decisive: bool,
    /// Citations (else the weighing's).
    pub cites: Vec<Text>,
    /// Dates in force.
    pub in_force: InForce,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// `classify name "title" …` or `weigh name "title" …`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeighDecl {
    /// Its name.
    pub name: Name,
    /// Its title.
    pub title: Text,
    /// Declared with `classify`: gives the classification.
    pub classifies: bool,
    /// Citations.
    pub cites: Vec<Text>,
    /// The sides (two or more): with two, the balance counts toward the first.
    pub sides: Option<Vec<SideAst>>,
    /// `undecided within N`.
    pub margin: Option<(u32, Span)>,
    /// The factors.
    pub factors: Vec<FactorDecl>,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// A side of a weighing: `processor "processor" ko "처리자" as outsourcing`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideAst {
    /// Its name, the law's own term (`processor`).
    pub name: Name,
    /// Its title for readers, with translations.
    pub title: Option<Text>,
    /// The value of the common axis of classifications it stands on (`as outsourcing`); a
    /// side without one is on the axis value of its own name.
    pub axis: Option<Name>,
}

/// `scope name "title" … applies when COND because "…"`: a condition of the law's reach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopeDecl {
    /// Its name.
    pub name: Name,
    /// Its title.
    pub title: Text,
    /// When the law reaches the case.
    pub applies: Option<Expr>,
    /// Why the law does not apply when it fails.
    pub because: Option<Text>,
    /// Citations.
    pub cites: Vec<Text>,
    /// Dates in force.
    pub in_force: InForce,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// A violation code with its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViolationAst {
    /// The code, e.g. `KR-PIPA-26-1`.
    pub code: Name,
    /// What was broken, in words.
    pub message: Text,
}

/// `require name "title" …`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequireDecl {
    /// Its name.
    pub name: Name,
    /// Its title.
    pub title: Text,
    /// When it applies.
    pub when: Option<Expr>,
    /// What it requires.
    pub requires: Option<Expr>,
    /// Citations.
    pub cites: Vec<Text>,
    /// Dates in force.
    pub in_force: InForce,
    /// The violation if unmet.
    pub violation: Option<ViolationAst>,
    /// What a violation exposes the transferor to, each with the dates it applies.
    pub exposes: Vec<ExposesAst>,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// `exposes "…" [from DATE] [until DATE]`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExposesAst {
    /// What the violation exposes the transferor to.
    pub text: Text,
    /// The dates it applies (both ends inclusive); `span` is the clause.
    pub in_force: InForce,
}

/// `gap name "title" …`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapDecl {
    /// Its name.
    pub name: Name,
    /// Its title.
    pub title: Text,
    /// Where it applies.
    pub when: Option<Expr>,
    /// Citations.
    pub cites: Vec<Text>,
    /// Dates in force.
    pub in_force: InForce,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// `act PIPA "…"`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActAst {
    /// Abbreviation.
    pub abbrev: Name,
    /// Full title.
    pub title: Text,
}

/// `pack id "title" …`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderAst {
    /// Pack id.
    pub id: Name,
    /// Title.
    pub title: Text,
    /// Jurisdiction.
    pub jurisdiction: Option<Name>,
    /// The languages besides English its texts are written in, with where each was declared.
    pub languages: Vec<(Lang, Span)>,
    /// Acts encoded.
    pub acts: Vec<ActAst>,
    /// Sources.
    pub sources: Vec<Text>,
    /// Notes.
    pub notes: Vec<Text>,
    /// Transitional rules: a date, the code prefix they concern, and what applies to a
    /// violation still running on that date.
    pub transitions: Vec<(crate::date::Date, Option<Name>, Text)>,
}

/// One item of a statute file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A fact declaration.
    Fact(FactDecl),
    /// A test.
    Test(TestDecl),
    /// An exception.
    Exception(ExceptionDecl),
    /// A weighing.
    Weigh(WeighDecl),
    /// A requirement.
    Require(RequireDecl),
    /// A gap.
    Gap(GapDecl),
    /// A condition of the law's reach.
    Scope(ScopeDecl),
    /// A provision's own words.
    Article(ArticleDecl),
}

/// `article name "NAME" quoted for … version …`: a provision's text, version by version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleDecl {
    /// Its id.
    pub name: Name,
    /// Its name as cited, e.g. `"PIPA Art. 17(1)" ko "「개인정보 보호법」 제17조제1항"`.
    pub title: Text,
    /// The rules it is quoted under, each with the dates it is quoted for (open when not
    /// given); `span` of the `InForce` is the rule's entry.
    pub quoted_for: Vec<(Name, InForce)>,
    /// Its versions in the order written.
    pub versions: Vec<VersionAst>,
}

/// `version [from DATE] [until DATE] source "…" text "…" …`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionAst {
    /// The dates it was in force; `span` is the `version` clause.
    pub in_force: InForce,
    /// Where its text was taken from.
    pub source: Option<Text>,
    /// Remarks on the version (e.g. on its dates).
    pub notes: Vec<Text>,
    /// Its paragraphs, in the statute's own language.
    pub text: Vec<Text>,
}

/// One parsed statute file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatuteFile {
    /// The header, in the pack's first file only.
    pub header: Option<HeaderAst>,
    /// The items in order.
    pub items: Vec<Item>,
}

// ---- the case language ------------------------------------------------------------------------

/// A fact value as written in a case, before its type is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawValue {
    /// `unknown`, `null`, or `~`.
    Unknown,
    /// A truth value.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A word, code, date or string.
    Text(String),
    /// A set or list.
    List(Vec<(String, Span)>),
    /// Something no fact can hold (a float, a mapping), kept for the message.
    Other(Odd),
}

/// A value no fact can hold, as the case gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Odd {
    /// A number too large to read, as written.
    TooLarge(String),
    /// A decimal number, as read.
    Decimal(String),
    /// A list holding something other than plain values.
    ListHolding(crate::case::Shape),
    /// A mapping.
    Mapping,
}

impl std::fmt::Display for Odd {
    /// The value in English words ("the decimal number 1.5").
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::ReadWords::odd(&crate::words::En, self))
    }
}

/// `name = value` in a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactEntry {
    /// The fact's name.
    pub name: Name,
    /// The value.
    pub value: RawValue,
    /// Where the value was written.
    pub value_span: Span,
}

/// When a case happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseTime {
    /// One date.
    Date(Date),
    /// A period, both ends inclusive.
    Period(Date, Date),
}

/// The lawfulness a test expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpectLawful {
    /// Lawful.
    Yes,
    /// Unlawful.
    No,
    /// Unknown.
    Unknown,
}

/// An `expect` block.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Expectation {
    /// The pack it is for (`expect under eu`); `None` for every pack the case is judged under.
    pub under: Option<Name>,
    /// Expected classification.
    pub classification: Option<Name>,
    /// Expected lawfulness.
    pub lawful: Option<(ExpectLawful, Span)>,
    /// Whether the pack's law is expected to reach the case (`applies = no`).
    pub applies: Option<(ExpectLawful, Span)>,
    /// Codes that must be found.
    pub include: Vec<Name>,
    /// Codes that must not be found.
    pub exclude: Vec<Name>,
    /// Grounds that must be among the verdict's.
    pub because: Vec<Name>,
    /// Where the block starts.
    pub span: Option<Span>,
}

/// Party names, for reports.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Parties {
    /// The sender.
    pub transferor: Option<Text>,
    /// The recipient.
    pub recipient: Option<Text>,
    /// Who benefits.
    pub beneficiary: Option<Text>,
}

/// A case as read from any of its forms, before it is checked against a pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseAst {
    /// Its id.
    pub id: Name,
    /// Its title.
    pub title: Option<Text>,
    /// The packs to judge it under.
    pub under: Vec<Name>,
    /// Its date or period.
    pub time: Option<(CaseTime, Span)>,
    /// Party names.
    pub parties: Parties,
    /// Where its facts come from.
    pub source: Option<Text>,
    /// Facts in the order written.
    pub facts: Vec<FactEntry>,
    /// What a test expects of the verdict under every pack.
    pub expect: Option<Expectation>,
    /// What a test expects of the verdict under one pack (`expect under ID`), one per pack.
    pub expect_under: Vec<Expectation>,
    /// Teaching notes (training): shown after the trainee answers.
    pub notes: Vec<Text>,
    /// Hints (training): shown on request.
    pub hints: Vec<Text>,
    /// How hard the exercise is: `easy`, `medium` or `hard`.
    pub level: Option<String>,
    /// The whole case.
    pub span: Span,
}

impl CaseAst {
    /// What a test expects of the case's verdict under `pack`: the expectation for every pack,
    /// then the one for this pack (`expect under`), where written.
    pub fn expectations(&self, pack: &str) -> Vec<&Expectation> {
        self.expect
            .iter()
            .chain(
                self.expect_under
                    .iter()
                    .filter(|e| e.under.as_ref().is_some_and(|u| u.text == pack)),
            )
            .collect()
    }

    /// Files an expectation: for every pack, or for the pack it names; the clause written
    /// twice when the case has one for the same packs already.
    pub fn add_expectation(&mut self, e: Expectation) -> Result<(), super::CaseClause> {
        match &e.under {
            None if self.expect.is_some() => Err(super::CaseClause::Expect(None)),
            None => {
                self.expect = Some(e);
                Ok(())
            }
            Some(u) => {
                let pack = u.text.clone();
                let twice = self
                    .expect_under
                    .iter()
                    .any(|x| x.under.as_ref().is_some_and(|x| x.text == pack));
                if twice {
                    return Err(super::CaseClause::Expect(Some(pack)));
                }
                self.expect_under.push(e);
                Ok(())
            }
        }
    }
}

impl HeaderAst {
    /// Every text of the header a person reads: title, acts' titles, sources, notes,
    /// transitional rules.
    pub fn texts(&self) -> Vec<&Text> {
        let mut out = vec![&self.title];
        out.extend(self.acts.iter().map(|a| &a.title));
        out.extend(&self.sources);
        out.extend(&self.notes);
        out.extend(self.transitions.iter().map(|(_, _, t)| t));
        out
    }
}

impl Item {
    /// Every text of the item a person reads: titles, questions and help, citations, holds and
    /// fails sentences, factors' reasons, violation messages, exposures and notes.
    pub fn texts(&self) -> Vec<&Text> {
        let mut out: Vec<&Text> = Vec::new();
        match self {
            Item::Fact(f) => out.extend(f.ask.iter().chain(&f.help)),
            Item::Test(t) => {
                out.push(&t.title);
                out.extend(&t.cites);
                out.extend(t.holds.iter().chain(&t.fails));
                out.extend(&t.notes);
            }
            Item::Exception(e) => {
                out.push(&e.title);
                out.extend(&e.cites);
                out.extend(&e.notes);
            }
            Item::Weigh(w) => {
                out.push(&w.title);
                out.extend(&w.cites);
                out.extend(&w.notes);
                for s in w.sides.iter().flatten() {
                    out.extend(&s.title);
                }
                for f in &w.factors {
                    out.extend(&f.because);
                    out.extend(&f.cites);
                    out.extend(&f.notes);
                }
            }
            Item::Require(r) => {
                out.push(&r.title);
                out.extend(&r.cites);
                out.extend(r.violation.iter().map(|v| &v.message));
                out.extend(r.exposes.iter().map(|e| &e.text));
                out.extend(&r.notes);
            }
            Item::Gap(g) => {
                out.push(&g.title);
                out.extend(&g.cites);
                out.extend(&g.notes);
            }
            Item::Scope(g) => {
                out.push(&g.title);
                out.extend(&g.cites);
                out.extend(&g.because);
                out.extend(&g.notes);
            }
            // The versions' sources, remarks and paragraphs are quoted as they are, in the
            // statute's own language: only the article's name is translated.
            Item::Article(a) => out.push(&a.title),
        }
        out
    }
}
