//! Lowering of the case language (`grammar/case.pest`): one function per grammar rule.

use super::ast::*;
use super::{CaseClause, Expected, Msg, pest_error, span_of, unescape};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::source::{SourceId, Span};
use pest::Parser as _;
use pest::iterators::Pair;

#[derive(pest_derive::Parser)]
#[grammar = "grammar/lexemes.pest"]
#[grammar = "grammar/case.pest"]
struct CaseParser;

type P<'i> = Pair<'i, Rule>;

/// What a grammar rule stands for, named in syntax errors.
fn describe(rule: &Rule) -> Option<Expected> {
    Some(match rule {
        Rule::EOI => Expected::EndOfFile,
        Rule::case_decl => Expected::Code("case ID \"TITLE\""),
        Rule::case_id => Expected::CaseId,
        Rule::string => Expected::QuotedString,
        Rule::date => Expected::Date,
        Rule::under_clause => Expected::Code("under"),
        Rule::period_clause => Expected::Code("period"),
        Rule::date_clause => Expected::Code("date"),
        Rule::party_clause | Rule::party_role => Expected::PartyRole,
        Rule::source_clause => Expected::Code("source"),
        Rule::note_clause => Expected::Code("note"),
        Rule::hint_clause => Expected::Code("hint"),
        Rule::level_clause | Rule::level => Expected::Code("level easy|medium|hard"),
        Rule::facts_block => Expected::Code("facts"),
        Rule::expect_block => Expected::Code("expect"),
        Rule::expect_under => Expected::Code("under ID"),
        Rule::assignment => Expected::Assignment,
        Rule::ident => Expected::Name,
        Rule::fact_value | Rule::value | Rule::value_set | Rule::unknown_lit => Expected::Value,
        Rule::expect_class => Expected::Code("classification = …"),
        Rule::expect_lawful => Expected::Code("lawful = yes|no|unknown"),
        Rule::expect_applies => Expected::Code("applies = yes|no|unknown"),
        Rule::expect_include | Rule::expect_exclude => Expected::Violations,
        Rule::expect_because => Expected::Code("because {…}"),
        Rule::bool_lit => Expected::YesNo,
        Rule::code_set => Expected::CodeSet,
        Rule::name_set => Expected::NameSet,
        Rule::code => Expected::ViolationCode,
        Rule::equals => Expected::Code("="),
        _ => return None,
    })
}

/// Parses a `.case` text into its cases, or reports the errors found.
pub fn parse_cases(source: SourceId, text: &str) -> Result<Vec<CaseAst>, Vec<Diagnostic>> {
    super::nesting_guard(source, text).map_err(|d| vec![d])?;
    let mut pairs = CaseParser::parse(Rule::case_file, text)
        .map_err(|e| vec![pest_error(source, text, e, describe)])?;
    let mut lower = Lower {
        source,
        errors: Vec::new(),
    };
    let mut cases = Vec::new();
    if let Some(file) = pairs.next() {
        for pair in file.into_inner() {
            if pair.as_rule() == Rule::case_decl {
                cases.push(lower.case(pair));
            }
        }
    }
    if lower.errors.is_empty() {
        Ok(cases)
    } else {
        Err(lower.errors)
    }
}

struct Lower {
    source: SourceId,
    errors: Vec<Diagnostic>,
}

impl Lower {
    fn span(&self, pair: &P<'_>) -> Span {
        span_of(self.source, pair)
    }

    fn name(&self, pair: P<'_>) -> Name {
        Name {
            text: pair.as_str().to_string(),
            span: self.span(&pair),
        }
    }

    fn string(&self, pair: P<'_>) -> String {
        unescape(pair.into_inner().next().map_or("", |p| p.as_str()))
    }

    /// A `text`: a string and its translations.
    fn text(&self, pair: P<'_>) -> Text {
        let mut inner = pair.into_inner();
        let mut t = match inner.next() {
            Some(p) => {
                let span = self.span(&p);
                Text::plain(self.string(p), span)
            }
            None => Text::default(),
        };
        for tr in inner {
            let mut it = tr.into_inner();
            if let (Some(tag), Some(s)) = (it.next(), it.next())
                && let Some(lang) = crate::lang::Lang::parse(tag.as_str())
            {
                t.tr.push((lang, self.string(s)));
            }
        }
        t
    }

    fn date(&mut self, pair: &P<'_>) -> Date {
        match Date::parse(pair.as_str()) {
            Some(d) => d,
            None => {
                self.errors.push(Diagnostic::error(
                    Msg::NotADate {
                        text: pair.as_str().to_string(),
                    },
                    self.span(pair),
                ));
                Date(0)
            }
        }
    }

    fn twice(&mut self, clause: CaseClause, span: Span) {
        self.errors
            .push(Diagnostic::error(Msg::CaseClauseTwice { clause }, span));
    }

    fn case(&mut self, pair: P<'_>) -> CaseAst {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let id = inner.next().map(|p| self.name(p)).unwrap_or(Name {
            text: String::new(),
            span,
        });
        let title = inner.next().map(|p| self.text(p));
        let mut case = CaseAst {
            id,
            title,
            under: Vec::new(),
            time: None,
            parties: Parties::default(),
            source: None,
            facts: Vec::new(),
            expect: None,
            expect_under: Vec::new(),
            notes: Vec::new(),
            hints: Vec::new(),
            level: None,
            span,
        };
        for clause in inner {
            let cspan = self.span(&clause);
            match clause.as_rule() {
                Rule::under_clause => {
                    if !case.under.is_empty() {
                        self.twice(CaseClause::Under, cspan);
                    }
                    case.under = clause.into_inner().map(|p| self.name(p)).collect();
                }
                Rule::period_clause | Rule::date_clause => {
                    let is_period = clause.as_rule() == Rule::period_clause;
                    let dates: Vec<Date> = clause.into_inner().map(|d| self.date(&d)).collect();
                    let time = match (is_period, dates.as_slice()) {
                        (true, [from, to]) => CaseTime::Period(*from, *to),
                        (_, [d, ..]) => CaseTime::Date(*d),
                        _ => continue,
                    };
                    if case.time.is_some() {
                        self.twice(CaseClause::Time, cspan);
                    } else {
                        case.time = Some((time, cspan));
                    }
                }
                Rule::party_clause => {
                    let mut it = clause.into_inner();
                    let (Some(role), Some(name)) = (it.next(), it.next()) else {
                        continue;
                    };
                    let role_text = role.as_str().to_string();
                    let value = Some(self.text(name));
                    let slot = match role_text.as_str() {
                        "transferor" => &mut case.parties.transferor,
                        "recipient" => &mut case.parties.recipient,
                        _ => &mut case.parties.beneficiary,
                    };
                    if slot.is_some() {
                        self.twice(CaseClause::Party(role_text), cspan);
                    } else {
                        *slot = value;
                    }
                }
                Rule::source_clause => {
                    let s = clause.into_inner().next().map(|p| self.text(p));
                    if case.source.is_some() {
                        self.twice(CaseClause::Source, cspan);
                    } else {
                        case.source = s;
                    }
                }
                Rule::note_clause => case
                    .notes
                    .extend(clause.into_inner().next().map(|p| self.text(p))),
                Rule::hint_clause => case
                    .hints
                    .extend(clause.into_inner().next().map(|p| self.text(p))),
                Rule::level_clause => {
                    if case.level.is_some() {
                        self.twice(CaseClause::Level, cspan);
                    }
                    case.level = clause.into_inner().next().map(|p| p.as_str().to_string());
                }
                Rule::facts_block => {
                    for a in clause.into_inner() {
                        if let Some(f) = self.assignment(a) {
                            case.facts.push(f);
                        }
                    }
                }
                Rule::expect_block => {
                    let e = self.expect(clause);
                    let span = e.span.unwrap_or(span);
                    if let Err(clause) = case.add_expectation(e) {
                        self.twice(clause, span);
                    }
                }
                _ => {}
            }
        }
        case
    }

    fn assignment(&mut self, pair: P<'_>) -> Option<FactEntry> {
        let mut it = pair.into_inner();
        let name = self.name(it.next()?);
        let _equals = it.next()?;
        let value_pair = it.next()?;
        let value_span = self.span(&value_pair);
        let v = value_pair.into_inner().next()?;
        let value = match v.as_rule() {
            Rule::unknown_lit => RawValue::Unknown,
            Rule::value_set => RawValue::List(
                v.into_inner()
                    .map(|x| (x.as_str().to_string(), self.span(&x)))
                    .collect(),
            ),
            _ => self.scalar(v),
        };
        Some(FactEntry {
            name,
            value,
            value_span,
        })
    }

    fn scalar(&mut self, value: P<'_>) -> RawValue {
        let Some(p) = value.into_inner().next() else {
            return RawValue::Unknown;
        };
        match p.as_rule() {
            Rule::bool_lit => RawValue::Bool(matches!(p.as_str(), "true" | "yes")),
            Rule::number => match p.as_str().parse::<i64>() {
                Ok(n) => RawValue::Int(n),
                Err(_) => RawValue::Other(Odd::TooLarge(p.as_str().to_string())),
            },
            Rule::date => {
                // Checked here so that an impossible date points at itself.
                let _ = self.date(&p);
                RawValue::Text(p.as_str().to_string())
            }
            _ => RawValue::Text(p.as_str().to_string()),
        }
    }

    fn expect(&mut self, pair: P<'_>) -> Expectation {
        let mut e = Expectation {
            span: Some(self.span(&pair)),
            ..Expectation::default()
        };
        for x in pair.into_inner() {
            let xspan = self.span(&x);
            match x.as_rule() {
                Rule::expect_under => e.under = x.into_inner().next().map(|p| self.name(p)),
                Rule::expect_class => {
                    if e.classification.is_some() {
                        self.twice(CaseClause::Classification, xspan);
                    }
                    e.classification = x.into_inner().nth(1).map(|p| self.name(p));
                }
                Rule::expect_lawful | Rule::expect_applies => {
                    let applies = x.as_rule() == Rule::expect_applies;
                    let v = match x
                        .into_inner()
                        .nth(1)
                        .map(|p| p.as_str().to_string())
                        .as_deref()
                    {
                        Some("yes" | "true") => ExpectLawful::Yes,
                        Some("no" | "false") => ExpectLawful::No,
                        _ => ExpectLawful::Unknown,
                    };
                    if applies {
                        if e.applies.is_some() {
                            self.twice(CaseClause::Applies, xspan);
                        }
                        e.applies = Some((v, xspan));
                    } else {
                        if e.lawful.is_some() {
                            self.twice(CaseClause::Lawful, xspan);
                        }
                        e.lawful = Some((v, xspan));
                    }
                }
                Rule::expect_include | Rule::expect_exclude | Rule::expect_because => {
                    let rule = x.as_rule();
                    let names: Vec<Name> = x
                        .into_inner()
                        .flat_map(|set| set.into_inner())
                        .map(|p| self.name(p))
                        .collect();
                    match rule {
                        Rule::expect_include => e.include.extend(names),
                        Rule::expect_exclude => e.exclude.extend(names),
                        _ => e.because.extend(names),
                    }
                }
                _ => {}
            }
        }
        e
    }
}
