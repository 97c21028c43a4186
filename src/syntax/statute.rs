//! Lowering of the statute language (`grammar/statute.pest`): one function per grammar rule.

use super::ast::*;
use super::{Expected, MAX_EXPR_DEPTH, Msg, pest_error, span_of, unescape};

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::source::{SourceId, Span};
use pest::Parser as _;
use pest::iterators::{Pair, Pairs};

#[derive(pest_derive::Parser)]
#[grammar = "grammar/lexemes.pest"]
#[grammar = "grammar/statute.pest"]
struct StatuteParser;

type P<'i> = Pair<'i, Rule>;

/// What a grammar rule stands for, named in syntax errors.
fn describe(rule: &Rule) -> Option<Expected> {
    Some(match rule {
        Rule::EOI => Expected::EndOfFile,
        Rule::header => Expected::PackHeader,
        Rule::fact_decl => Expected::Code("fact"),
        Rule::test_decl => Expected::Code("test"),
        Rule::exception_decl => Expected::Code("exception"),
        Rule::weigh_decl | Rule::weigh_kw => Expected::ClassifyOrWeigh,
        Rule::require_decl => Expected::Code("require"),
        Rule::gap_decl => Expected::Code("gap"),
        Rule::scope_decl => Expected::Code("scope"),
        Rule::applies_clause => Expected::Code("applies when"),
        Rule::upper_name => Expected::Value,
        Rule::ident | Rule::name_ref => Expected::Name,
        Rule::string => Expected::QuotedString,
        Rule::date => Expected::Date,
        Rule::number => Expected::Number,
        Rule::country => Expected::CountryCode,
        Rule::code => Expected::ViolationCode,
        Rule::value => Expected::Value,
        Rule::value_set => Expected::ValueSet,
        Rule::fact_type
        | Rule::bool_type
        | Rule::number_type
        | Rule::date_type
        | Rule::country_type
        | Rule::enum_type
        | Rule::set_type => Expected::Type,
        Rule::ident_list => Expected::NameList,
        Rule::cmp_op => Expected::Comparison,
        Rule::op_and | Rule::op_or => Expected::AndOr,
        Rule::op_not => Expected::Code("not"),
        Rule::op_in => Expected::Code("in"),
        Rule::op_contains => Expected::Code("contains"),
        Rule::expr => Expected::Condition,
        Rule::cite_clause => Expected::Code("cite"),
        Rule::in_force => Expected::Code("in force"),
        Rule::if_clause => Expected::Code("if"),
        Rule::when_clause => Expected::Code("when"),
        Rule::factor_decl => Expected::Code("factor"),
        Rule::requires_clause => Expected::Code("requires"),
        Rule::violation_clause => Expected::Code("violation"),
        Rule::act_name => Expected::ActAbbrev,
        _ => return None,
    })
}

/// Parses one statute file into its AST, or reports every error found.
pub fn parse_statute(source: SourceId, text: &str) -> Result<StatuteFile, Vec<Diagnostic>> {
    super::nesting_guard(source, text).map_err(|d| vec![d])?;
    // A continuation file has no header: parse it behind a synthetic one and shift spans back.
    let trimmed = strip_comments_and_space(text);
    let has_header = trimmed
        .strip_prefix("pack")
        .is_some_and(|rest| rest.starts_with(char::is_whitespace));
    let owned;
    let (input, offset) = if has_header {
        (text, 0usize)
    } else {
        const PRELUDE: &str = "pack continuation \"\"\n";
        owned = format!("{PRELUDE}{text}");
        (owned.as_str(), PRELUDE.len())
    };
    let pairs = StatuteParser::parse(Rule::pack_file, input).map_err(|e| {
        let mut d = pest_error(source, input, e, describe);
        shift(&mut d, offset, text.len());
        vec![d]
    })?;
    let mut lower = Lower {
        source,
        offset,
        errors: Vec::new(),
    };
    let file = lower.pack_file(pairs, has_header);
    if lower.errors.is_empty() {
        Ok(file)
    } else {
        Err(lower.errors)
    }
}

fn strip_comments_and_space(text: &str) -> &str {
    let mut rest = text;
    loop {
        let t = rest.trim_start();
        if let Some(after) = t.strip_prefix('#') {
            rest = after.find('\n').and_then(|i| after.get(i..)).unwrap_or("");
        } else {
            return t;
        }
    }
}

fn shift(d: &mut Diagnostic, offset: usize, len: usize) {
    if let Some(span) = &mut d.span {
        let o = u32::try_from(offset).unwrap_or(0);
        let l = u32::try_from(len).unwrap_or(u32::MAX);
        span.start = span.start.saturating_sub(o).min(l);
        span.end = span.end.saturating_sub(o).min(l);
    }
}

struct Lower {
    source: SourceId,
    offset: usize,
    errors: Vec<Diagnostic>,
}

impl Lower {
    fn span(&self, pair: &P<'_>) -> Span {
        let s = span_of(self.source, pair);
        let o = u32::try_from(self.offset).unwrap_or(0);
        Span {
            source: s.source,
            start: s.start.saturating_sub(o),
            end: s.end.saturating_sub(o),
        }
    }

    fn name(&self, pair: P<'_>) -> Name {
        Name {
            text: pair.as_str().to_string(),
            span: self.span(&pair),
        }
    }

    /// A `text` (a string and its translations) or a bare `string`.
    fn text(&self, pair: P<'_>) -> Text {
        if pair.as_rule() != Rule::text {
            let span = self.span(&pair);
            let inner = pair.into_inner().next().map_or("", |p| p.as_str());
            return Text::plain(unescape(inner), span);
        }
        let mut inner = pair.into_inner();
        let mut t = inner.next().map(|p| self.text(p)).unwrap_or_default();
        for tr in inner {
            let mut it = tr.into_inner();
            if let (Some(tag), Some(s)) = (it.next(), it.next())
                && let Some(lang) = crate::lang::Lang::parse(tag.as_str())
            {
                t.tr.push((lang, self.text(s).text));
            }
        }
        t
    }

    fn first_inner<'i>(&mut self, pair: P<'i>) -> Option<P<'i>> {
        pair.into_inner().next()
    }

    fn date(&mut self, pair: P<'_>) -> Date {
        match Date::parse(pair.as_str()) {
            Some(d) => d,
            None => {
                let span = self.span(&pair);
                self.errors.push(Diagnostic::error(
                    Msg::NotADate {
                        text: pair.as_str().to_string(),
                    },
                    span,
                ));
                Date(0)
            }
        }
    }

    fn number(&mut self, pair: P<'_>) -> u64 {
        match pair.as_str().parse::<u64>() {
            Ok(n) => n,
            Err(_) => {
                let span = self.span(&pair);
                self.errors.push(Diagnostic::error(
                    Msg::NumberTooLarge {
                        text: pair.as_str().to_string(),
                    },
                    span,
                ));
                0
            }
        }
    }

    fn small_number(&mut self, pair: P<'_>) -> (u32, Span) {
        let span = self.span(&pair);
        let n = self.number(pair);
        match u32::try_from(n) {
            Ok(n) if n <= 1_000_000 => (n, span),
            _ => {
                self.errors
                    .push(Diagnostic::error(Msg::TooLargeHere { n }, span));
                (0, span)
            }
        }
    }

    fn pack_file(&mut self, mut pairs: Pairs<'_, Rule>, has_header: bool) -> StatuteFile {
        let mut header = None;
        let mut items = Vec::new();
        let Some(file) = pairs.next() else {
            return StatuteFile { header, items };
        };
        for pair in file.into_inner() {
            match pair.as_rule() {
                Rule::header if has_header => {
                    header = Some(self.header(pair));
                }
                Rule::fact_decl => items.push(Item::Fact(self.fact(pair))),
                Rule::test_decl => items.push(Item::Test(self.test(pair))),
                Rule::exception_decl => items.push(Item::Exception(self.exception(pair))),
                Rule::weigh_decl => items.push(Item::Weigh(self.weigh(pair))),
                Rule::require_decl => items.push(Item::Require(self.require(pair))),
                Rule::gap_decl => items.push(Item::Gap(self.gap(pair))),
                Rule::scope_decl => items.push(Item::Scope(self.scope(pair))),
                Rule::article_decl => items.push(Item::Article(self.article(pair))),
                _ => {}
            }
        }
        StatuteFile { header, items }
    }

    fn header(&mut self, pair: P<'_>) -> HeaderAst {
        let mut inner = pair.into_inner();
        let id = inner.next().map(|p| self.name(p));
        let title = inner.next().map(|p| self.text(p));
        let mut h = HeaderAst {
            id: id.unwrap_or_else(|| self.missing_name()),
            title: title.unwrap_or_else(|| self.missing_text()),
            jurisdiction: None,
            languages: Vec::new(),
            acts: Vec::new(),
            sources: Vec::new(),
            notes: Vec::new(),
            transitions: Vec::new(),
        };
        for clause in inner {
            match clause.as_rule() {
                Rule::jurisdiction => {
                    h.jurisdiction = self.first_inner(clause).map(|p| self.name(p));
                }
                Rule::language => {
                    for tag in clause.into_inner() {
                        let span = self.span(&tag);
                        if let Some(lang) = crate::lang::Lang::parse(tag.as_str()) {
                            h.languages.push((lang, span));
                        }
                    }
                }
                Rule::act => {
                    let mut it = clause.into_inner();
                    if let (Some(a), Some(t)) = (it.next(), it.next()) {
                        h.acts.push(ActAst {
                            abbrev: self.name(a),
                            title: self.text(t),
                        });
                    }
                }
                Rule::source_clause => {
                    if let Some(p) = self.first_inner(clause) {
                        h.sources.push(self.text(p));
                    }
                }
                Rule::note_clause => {
                    if let Some(p) = self.first_inner(clause) {
                        h.notes.push(self.text(p));
                    }
                }
                Rule::transition => {
                    let mut it = clause.into_inner();
                    let date = it.next().map(|d| self.date(d));
                    let mut prefix = None;
                    let mut text = None;
                    for p in it {
                        if p.as_rule() == Rule::code {
                            prefix = Some(self.name(p));
                        } else {
                            text = Some(self.text(p));
                        }
                    }
                    if let (Some(date), Some(text)) = (date, text) {
                        h.transitions.push((date, prefix, text));
                    }
                }
                _ => {}
            }
        }
        h
    }

    fn missing_name(&self) -> Name {
        Name {
            text: String::new(),
            span: Span::new(self.source, 0, 0),
        }
    }

    fn missing_text(&self) -> Text {
        Text::plain(String::new(), Span::new(self.source, 0, 0))
    }

    fn fact(&mut self, pair: P<'_>) -> FactDecl {
        let mut inner = pair.into_inner();
        let name = inner
            .next()
            .map(|p| self.name(p))
            .unwrap_or_else(|| self.missing_name());
        let (ty, ty_span) = match inner.next() {
            Some(t) => {
                let span = self.span(&t);
                (self.fact_type(t), span)
            }
            None => (TypeAst::Bool, name.span),
        };
        let mut f = FactDecl {
            name,
            ty,
            ty_span,
            ask: None,
            help: None,
            burden: None,
            recorded: false,
            given: false,
        };
        for clause in inner {
            let span = self.span(&clause);
            match clause.as_rule() {
                Rule::ask_clause => {
                    let t = self.first_inner(clause).map(|p| self.text(p));
                    self.once(&mut f.ask, t, "ask", span);
                }
                Rule::help_clause => {
                    let t = self.first_inner(clause).map(|p| self.text(p));
                    self.once(&mut f.help, t, "help", span);
                }
                Rule::burden_clause => {
                    let mut it = clause.into_inner();
                    if let (Some(party), Some(v)) = (it.next(), it.next()) {
                        let b = Burden {
                            party: self.name(party),
                            otherwise: self.value(v),
                        };
                        self.once(&mut f.burden, Some(b), "proven by", span);
                    }
                }
                Rule::recorded_clause => f.recorded = true,
                Rule::given_clause => f.given = true,
                _ => {}
            }
        }
        f
    }

    /// Stores a clause that may appear only once, reporting a repeat.
    fn once<T>(&mut self, slot: &mut Option<T>, value: Option<T>, what: &str, span: Span) {
        if slot.is_some() {
            self.errors.push(Diagnostic::error(
                Msg::ClauseTwice {
                    clause: what.to_string(),
                },
                span,
            ));
        } else {
            *slot = value;
        }
    }

    fn fact_type(&mut self, pair: P<'_>) -> TypeAst {
        let Some(t) = pair.into_inner().next() else {
            return TypeAst::Bool;
        };
        match t.as_rule() {
            Rule::number_type => TypeAst::Number,
            Rule::date_type => TypeAst::Date,
            Rule::country_type => TypeAst::Country,
            Rule::enum_type => TypeAst::Enum(self.ident_list(t)),
            Rule::set_type => TypeAst::Set(self.ident_list(t)),
            _ => TypeAst::Bool,
        }
    }

    fn ident_list(&mut self, pair: P<'_>) -> Vec<Name> {
        pair.into_inner()
            .flat_map(|list| list.into_inner())
            .map(|p| self.name(p))
            .collect()
    }

    fn in_force(&mut self, pair: P<'_>, slot: &mut InForce) {
        let span = self.span(&pair);
        if slot.span.is_some() {
            self.errors.push(Diagnostic::error(Msg::InForceTwice, span));
            return;
        }
        slot.span = Some(span);
        for part in pair.into_inner() {
            self.date_bound(part, slot);
        }
    }

    /// Reads a `from DATE` or `until DATE` into `slot`.
    fn date_bound(&mut self, part: P<'_>, slot: &mut InForce) {
        let is_from = part.as_rule() == Rule::from_date;
        if let Some(d) = self.first_inner(part) {
            let date = self.date(d);
            if is_from {
                slot.from = Some(date);
            } else {
                slot.until = Some(date);
            }
        }
    }

    fn test(&mut self, pair: P<'_>) -> TestDecl {
        let mut inner = pair.into_inner();
        let (name, title) = self.head(&mut inner);
        let mut t = TestDecl {
            name,
            title,
            cites: Vec::new(),
            in_force: InForce::default(),
            cond: None,
            holds: None,
            fails: None,
            notes: Vec::new(),
        };
        for clause in inner {
            let span = self.span(&clause);
            match clause.as_rule() {
                Rule::if_clause => {
                    let e = self.first_inner(clause).map(|p| self.expr(p, 0));
                    self.once(&mut t.cond, e, "if", span);
                }
                Rule::holds_text => {
                    let e = self.first_inner(clause).map(|p| self.text(p));
                    self.once(&mut t.holds, e, "holds", span);
                }
                Rule::fails_text => {
                    let e = self.first_inner(clause).map(|p| self.text(p));
                    self.once(&mut t.fails, e, "fails", span);
                }
                _ => self.dated_clause(clause, &mut t.cites, &mut t.notes, &mut t.in_force),
            }
        }
        t
    }

    /// The clauses every dated item has, wherever they stand: `cite`, `note` and `in force`;
    /// any other clause is the item's own, and left to it.
    fn dated_clause(
        &mut self,
        clause: P<'_>,
        cites: &mut Vec<Text>,
        notes: &mut Vec<Text>,
        in_force: &mut InForce,
    ) {
        match clause.as_rule() {
            Rule::cite_clause => self.push_text(clause, cites),
            Rule::note_clause => self.push_text(clause, notes),
            Rule::in_force => self.in_force(clause, in_force),
            _ => {}
        }
    }

    fn push_text(&mut self, clause: P<'_>, into: &mut Vec<Text>) {
        if let Some(p) = self.first_inner(clause) {
            into.push(self.text(p));
        }
    }

    fn exception(&mut self, pair: P<'_>) -> ExceptionDecl {
        let mut inner = pair.into_inner();
        let (name, title) = self.head(&mut inner);
        let mut e = ExceptionDecl {
            name,
            title,
            target: None,
            cites: Vec::new(),
            in_force: InForce::default(),
            cond: None,
            notes: Vec::new(),
        };
        for clause in inner {
            let span = self.span(&clause);
            match clause.as_rule() {
                Rule::to_clause => {
                    let n = self.first_inner(clause).map(|p| self.name(p));
                    self.once(&mut e.target, n, "to", span);
                }
                Rule::if_clause => {
                    let c = self.first_inner(clause).map(|p| self.expr(p, 0));
                    self.once(&mut e.cond, c, "if", span);
                }
                _ => self.dated_clause(clause, &mut e.cites, &mut e.notes, &mut e.in_force),
            }
        }
        e
    }

    fn weigh(&mut self, pair: P<'_>) -> WeighDecl {
        let mut inner = pair.into_inner();
        let classifies = inner.next().is_some_and(|k| k.as_str() == "classify");
        let (name, title) = self.head(&mut inner);
        let mut w = WeighDecl {
            name,
            title,
            classifies,
            cites: Vec::new(),
            sides: None,
            margin: None,
            factors: Vec::new(),
            notes: Vec::new(),
        };
        for clause in inner {
            let span = self.span(&clause);
            match clause.as_rule() {
                Rule::cite_clause => self.push_text(clause, &mut w.cites),
                Rule::note_clause => self.push_text(clause, &mut w.notes),
                Rule::sides_clause => {
                    let sides: Vec<SideAst> = clause
                        .into_inner()
                        .map(|side| {
                            let mut it = side.into_inner();
                            let name = it
                                .next()
                                .map(|p| self.name(p))
                                .unwrap_or_else(|| self.missing_name());
                            let mut s = SideAst {
                                name,
                                title: None,
                                axis: None,
                            };
                            for p in it {
                                match p.as_rule() {
                                    Rule::text => s.title = Some(self.text(p)),
                                    Rule::ident => s.axis = Some(self.name(p)),
                                    _ => {}
                                }
                            }
                            s
                        })
                        .collect();
                    self.once(&mut w.sides, Some(sides), "sides", span);
                }
                Rule::margin_clause => {
                    let m = self.first_inner(clause).map(|p| self.small_number(p));
                    self.once(&mut w.margin, m, "undecided within", span);
                }
                Rule::factor_decl => {
                    let f = self.factor(clause);
                    w.factors.push(f);
                }
                _ => {}
            }
        }
        w
    }

    fn factor(&mut self, pair: P<'_>) -> FactorDecl {
        let mut inner = pair.into_inner();
        let name = inner
            .next()
            .map(|p| self.name(p))
            .unwrap_or_else(|| self.missing_name());
        let mut f = FactorDecl {
            name,
            toward: None,
            weight: None,
            when: None,
            because: None,
            decisive: false,
            cites: Vec::new(),
            in_force: InForce::default(),
            notes: Vec::new(),
        };
        for clause in inner {
            let span = self.span(&clause);
            match clause.as_rule() {
                Rule::toward_clause => {
                    let n = self.first_inner(clause).map(|p| self.name(p));
                    self.once(&mut f.toward, n, "toward", span);
                }
                Rule::weight_clause => {
                    let n = self.first_inner(clause).map(|p| self.small_number(p));
                    self.once(&mut f.weight, n, "weight", span);
                }
                Rule::when_clause => {
                    let e = self.first_inner(clause).map(|p| self.expr(p, 0));
                    self.once(&mut f.when, e, "when", span);
                }
                Rule::because_clause => {
                    let t = self.first_inner(clause).map(|p| self.text(p));
                    self.once(&mut f.because, t, "because", span);
                }
                Rule::decisive_flag => f.decisive = true,
                _ => self.dated_clause(clause, &mut f.cites, &mut f.notes, &mut f.in_force),
            }
        }
        f
    }

    fn require(&mut self, pair: P<'_>) -> RequireDecl {
        let mut inner = pair.into_inner();
        let (name, title) = self.head(&mut inner);
        let mut r = RequireDecl {
            name,
            title,
            when: None,
            requires: None,
            cites: Vec::new(),
            in_force: InForce::default(),
            violation: None,
            exposes: Vec::new(),
            notes: Vec::new(),
        };
        for clause in inner {
            let span = self.span(&clause);
            match clause.as_rule() {
                Rule::when_clause => {
                    let e = self.first_inner(clause).map(|p| self.expr(p, 0));
                    self.once(&mut r.when, e, "when", span);
                }
                Rule::requires_clause => {
                    let e = self.first_inner(clause).map(|p| self.expr(p, 0));
                    self.once(&mut r.requires, e, "requires", span);
                }
                Rule::violation_clause => {
                    let mut it = clause.into_inner();
                    if let (Some(c), Some(m)) = (it.next(), it.next()) {
                        let v = ViolationAst {
                            code: self.name(c),
                            message: self.text(m),
                        };
                        self.once(&mut r.violation, Some(v), "violation", span);
                    }
                }
                Rule::exposes_clause => {
                    let mut text = None;
                    let mut in_force = InForce {
                        span: Some(span),
                        ..InForce::default()
                    };
                    for part in clause.into_inner() {
                        match part.as_rule() {
                            Rule::from_date | Rule::until_date => {
                                self.date_bound(part, &mut in_force);
                            }
                            _ => text = Some(self.text(part)),
                        }
                    }
                    if let Some(text) = text {
                        r.exposes.push(ExposesAst { text, in_force });
                    }
                }
                _ => self.dated_clause(clause, &mut r.cites, &mut r.notes, &mut r.in_force),
            }
        }
        r
    }

    fn gap(&mut self, pair: P<'_>) -> GapDecl {
        let mut inner = pair.into_inner();
        let (name, title) = self.head(&mut inner);
        let mut g = GapDecl {
            name,
            title,
            when: None,
            cites: Vec::new(),
            in_force: InForce::default(),
            notes: Vec::new(),
        };
        for clause in inner {
            let span = self.span(&clause);
            match clause.as_rule() {
                Rule::when_clause => {
                    let e = self.first_inner(clause).map(|p| self.expr(p, 0));
                    self.once(&mut g.when, e, "when", span);
                }
                _ => self.dated_clause(clause, &mut g.cites, &mut g.notes, &mut g.in_force),
            }
        }
        g
    }

    /// The name and the title that open an item (`test NAME "title"`), each a placeholder
    /// where the parser could not give it.
    fn head(&mut self, inner: &mut Pairs<'_, Rule>) -> (Name, Text) {
        let name = inner
            .next()
            .map(|p| self.name(p))
            .unwrap_or_else(|| self.missing_name());
        let title = inner
            .next()
            .map(|p| self.text(p))
            .unwrap_or_else(|| self.missing_text());
        (name, title)
    }

    fn scope(&mut self, pair: P<'_>) -> ScopeDecl {
        let mut inner = pair.into_inner();
        let (name, title) = self.head(&mut inner);
        let mut g = ScopeDecl {
            name,
            title,
            applies: None,
            because: None,
            cites: Vec::new(),
            in_force: InForce::default(),
            notes: Vec::new(),
        };
        for clause in inner {
            let span = self.span(&clause);
            match clause.as_rule() {
                Rule::applies_clause => {
                    let e = self.first_inner(clause).map(|p| self.expr(p, 0));
                    self.once(&mut g.applies, e, "applies when", span);
                }
                Rule::because_clause => {
                    let t = self.first_inner(clause).map(|p| self.text(p));
                    self.once(&mut g.because, t, "because", span);
                }
                _ => self.dated_clause(clause, &mut g.cites, &mut g.notes, &mut g.in_force),
            }
        }
        g
    }

    fn article(&mut self, pair: P<'_>) -> ArticleDecl {
        let mut inner = pair.into_inner();
        let (name, title) = self.head(&mut inner);
        let mut a = ArticleDecl {
            name,
            title,
            quoted_for: Vec::new(),
            versions: Vec::new(),
        };
        for clause in inner {
            let span = self.span(&clause);
            match clause.as_rule() {
                Rule::quoted_for => {
                    for q in clause.into_inner() {
                        let qspan = self.span(&q);
                        let mut parts = q.into_inner();
                        let Some(rule) = parts.next().map(|p| self.name(p)) else {
                            continue;
                        };
                        let mut dates = InForce {
                            span: Some(qspan),
                            ..InForce::default()
                        };
                        for part in parts {
                            self.date_bound(part, &mut dates);
                        }
                        a.quoted_for.push((rule, dates));
                    }
                }
                Rule::version_decl => {
                    let mut v = VersionAst {
                        in_force: InForce {
                            span: Some(span),
                            ..InForce::default()
                        },
                        source: None,
                        notes: Vec::new(),
                        text: Vec::new(),
                    };
                    for part in clause.into_inner() {
                        let pspan = self.span(&part);
                        match part.as_rule() {
                            Rule::from_date | Rule::until_date => {
                                self.date_bound(part, &mut v.in_force);
                            }
                            Rule::source_clause => {
                                let t = self.first_inner(part).map(|p| self.text(p));
                                self.once(&mut v.source, t, "source", pspan);
                            }
                            Rule::note_clause => self.push_text(part, &mut v.notes),
                            Rule::quote_line => self.push_text(part, &mut v.text),
                            _ => {}
                        }
                    }
                    a.versions.push(v);
                }
                _ => {}
            }
        }
        a
    }

    fn value(&mut self, pair: P<'_>) -> Value {
        let span = self.span(&pair);
        let inner = pair.into_inner().next();
        let lit = match inner {
            Some(p) => match p.as_rule() {
                Rule::date => Literal::Date(self.date(p)),
                Rule::number => Literal::Number(self.number(p)),
                Rule::bool_lit => Literal::Bool(matches!(p.as_str(), "true" | "yes")),
                Rule::country => Literal::Country(p.as_str().to_string()),
                _ => Literal::Word(p.as_str().to_string()),
            },
            None => Literal::Word(String::new()),
        };
        Value { lit, span }
    }

    fn values(&mut self, pair: P<'_>) -> Vec<Value> {
        match pair.as_rule() {
            Rule::value_set => pair.into_inner().map(|v| self.value(v)).collect(),
            _ => vec![self.value(pair)],
        }
    }

    /// A condition: `and`/`or` chains lowered flat (one node for all the operands of a chain,
    /// whatever its length), and nesting (of `and`, `or` and `not`) refused past
    /// [`MAX_EXPR_DEPTH`] levels, so that no walk over a condition recurses deeper than that.
    fn expr(&mut self, pair: P<'_>, brackets: usize) -> Expr {
        let span = self.span(&pair);
        self.expr_from_pairs(span, pair.into_inner(), brackets).0
    }

    /// A primary with its depth; `brackets` counts the brackets around it.
    fn primary(&mut self, pair: P<'_>, brackets: usize) -> (Expr, usize) {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = pair.into_inner();
        let kind = match rule {
            // A parenthesised condition.
            Rule::expr => return self.expr_from_pairs(span, inner, brackets + 1),
            Rule::comparison => {
                let (Some(f), Some(op), Some(v)) = (inner.next(), inner.next(), inner.next())
                else {
                    return (self.broken(span), 0);
                };
                let op = match op.as_str() {
                    "=" => CmpOp::Eq,
                    "!=" => CmpOp::Ne,
                    "<" => CmpOp::Lt,
                    "<=" => CmpOp::Le,
                    ">" => CmpOp::Gt,
                    _ => CmpOp::Ge,
                };
                ExprKind::Compare(self.name(f), op, self.value(v))
            }
            Rule::membership => {
                let (Some(f), Some(_in), Some(set)) = (inner.next(), inner.next(), inner.next())
                else {
                    return (self.broken(span), 0);
                };
                ExprKind::In(self.name(f), self.values(set))
            }
            Rule::containment => {
                let Some(f) = inner.next() else {
                    return (self.broken(span), 0);
                };
                let _contains = inner.next();
                let mut quant = Quantifier::All;
                let mut values = Vec::new();
                for p in inner {
                    if p.as_rule() == Rule::quantifier {
                        if p.as_str().starts_with("any") {
                            quant = Quantifier::Any;
                        }
                    } else {
                        values = self.values(p);
                    }
                }
                ExprKind::Contains(self.name(f), quant, values)
            }
            Rule::name_ref => match inner.next() {
                Some(n) => ExprKind::Ref(self.name(n)),
                None => return (self.broken(span), 0),
            },
            _ => return (self.broken(span), 0),
        };
        (Expr { kind, span }, 0)
    }

    /// Lowers `prefix* primary (infix prefix* primary)*` without recursing on its length:
    /// `not` binds tightest, then `and`, then `or`; each chain of `and`s (of `or`s) becomes one
    /// node. Returns the condition and its depth (nested `and`, `or` and `not` nodes).
    fn expr_from_pairs(
        &mut self,
        span: Span,
        inner: Pairs<'_, Rule>,
        brackets: usize,
    ) -> (Expr, usize) {
        if brackets > MAX_EXPR_DEPTH {
            // The nesting guard refuses such a text before pest sees it.
            self.errors.push(Diagnostic::error(
                Msg::ConditionTooDeep {
                    max: MAX_EXPR_DEPTH,
                },
                span,
            ));
            return (self.broken(span), 0);
        }
        // The `or` operands done, the `and` operands of the current one, and the `not`s read
        // before the next primary.
        let mut ors: Vec<(Expr, usize)> = Vec::new();
        let mut ands: Vec<(Expr, usize)> = Vec::new();
        let mut nots: Vec<Span> = Vec::new();
        for p in inner {
            match p.as_rule() {
                Rule::op_not => nots.push(self.span(&p)),
                Rule::op_and => {}
                Rule::op_or => {
                    let group = self.chain(std::mem::take(&mut ands), ExprKind::And, span);
                    ors.push(group);
                }
                _ => {
                    let (mut e, mut depth) = self.primary(p, brackets);
                    while let Some(not) = nots.pop() {
                        let at = Span {
                            end: e.span.end,
                            ..not
                        };
                        depth += 1;
                        if depth > MAX_EXPR_DEPTH {
                            (e, depth) = (self.too_deep(not), 0);
                            continue;
                        }
                        e = Expr {
                            kind: ExprKind::Not(Box::new(e)),
                            span: at,
                        };
                    }
                    ands.push((e, depth));
                }
            }
        }
        let group = self.chain(ands, ExprKind::And, span);
        ors.push(group);
        self.chain(ors, ExprKind::Or, span)
    }

    /// One node for the operands of a chain (the operand itself when alone), with its depth.
    fn chain(
        &mut self,
        parts: Vec<(Expr, usize)>,
        node: fn(Vec<Expr>) -> ExprKind,
        span: Span,
    ) -> (Expr, usize) {
        let depth = parts.iter().map(|(_, d)| *d).max().unwrap_or(0) + 1;
        let mut exprs: Vec<Expr> = parts.into_iter().map(|(e, _)| e).collect();
        match exprs.len() {
            0 => (self.broken(span), 0),
            1 => exprs
                .pop()
                .map_or((self.broken(span), 0), |e| (e, depth - 1)),
            _ => {
                let whole = match (exprs.first(), exprs.last()) {
                    (Some(a), Some(b)) => a.span.to(b.span),
                    _ => span,
                };
                if depth > MAX_EXPR_DEPTH {
                    return (self.too_deep(whole), 0);
                }
                (
                    Expr {
                        kind: node(exprs),
                        span: whole,
                    },
                    depth,
                )
            }
        }
    }

    /// Reports a condition nested past the limit, at the node that passes it.
    fn too_deep(&mut self, span: Span) -> Expr {
        self.errors.push(Diagnostic::error(
            Msg::ConditionTooDeep {
                max: MAX_EXPR_DEPTH,
            },
            span,
        ));
        self.broken(span)
    }
    fn broken(&self, span: Span) -> Expr {
        Expr {
            kind: ExprKind::Ref(Name {
                text: String::new(),
                span,
            }),
            span,
        }
    }
}
