//! Checking a pack: names resolved (with "did you mean"), types and enum values checked,
//! duplicates, cycles and missing clauses rejected, unused declarations warned about. Every error
//! of every file is collected before giving up. A pack that passes is compiled ([`crate::compile`]).

mod expr;
mod msg;

pub use msg::{Clause, Given, LitKind, Msg, RuleKind, SymbolKind};

use crate::compile::pack::*;
use crate::compile::{self};
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::source::{SourceId, SourceMap, Span};
use crate::syntax::ast::{self, InForce, Item, Literal, Name, StatuteFile, Text, TypeAst};
use expr::{Place, resolve};
use std::collections::HashMap;

/// The common axis of classifications (cases.md §3): the values a side of a `classify`
/// weighing stands on, whatever the law calls it.
pub const CLASS_VALUES: [&str; 3] = ["outsourcing", "provision", "joint_control"];

/// The most sides a weighing may have (its pairs are weighed one by one).
pub const MAX_SIDES: usize = 3;

/// What a name stands for in a pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Symbol {
    Fact(FactId),
    Test(TestId),
    Exc(ExcId),
    Weigh(WeighId),
    Req(ReqId),
    Gap(u16),
}

impl Symbol {
    fn kind(self) -> SymbolKind {
        match self {
            Symbol::Fact(_) => SymbolKind::Fact,
            Symbol::Test(_) => SymbolKind::Test,
            Symbol::Exc(_) => SymbolKind::Exception,
            Symbol::Weigh(_) => SymbolKind::Weighing,
            Symbol::Req(_) => SymbolKind::Requirement,
            Symbol::Gap(_) => SymbolKind::Gap,
        }
    }
}

/// The names of a pack and what they stand for.
pub(crate) struct Symbols {
    map: HashMap<String, (Symbol, Span)>,
    order: Vec<String>,
    fact_types: Vec<FactType>,
    /// Per weighing: its sides, each with its name and its axis value.
    sides: Vec<Vec<(String, String)>>,
}

impl Symbols {
    fn lookup(&self, name: &str) -> Option<Symbol> {
        self.map.get(name).map(|(s, _)| *s)
    }

    fn fact_type(&self, id: FactId) -> &FactType {
        self.fact_types
            .get(usize::from(id))
            .unwrap_or(&FactType::Bool)
    }

    fn sides(&self, w: WeighId) -> &[(String, String)] {
        self.sides.get(usize::from(w)).map_or(&[], |s| &s[..])
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(String::as_str)
    }
}

/// The outcome of checking a pack: the compiled pack if there was no error, and every
/// diagnostic (errors and warnings) found.
#[derive(Debug)]
pub struct Checked {
    /// The pack, when no error was found.
    pub pack: Option<Pack>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks and compiles the parsed files of one pack.
pub fn check_pack(sources: &SourceMap, files: &[(SourceId, StatuteFile)], lang: Lang) -> Checked {
    let mut c = Checker {
        errors: Vec::new(),
        warnings: Vec::new(),
        sources,
        lang,
    };
    let pack = c.run(files);
    let mut diagnostics = c.errors;
    diagnostics.extend(c.warnings);
    diagnostics.sort_by_key(|d| d.span.map(|s| (s.source, s.start)));
    Checked {
        pack: if diagnostics.iter().any(Diagnostic::is_error) {
            None
        } else {
            pack
        },
        diagnostics,
    }
}

struct Checker<'a> {
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    sources: &'a SourceMap,
    /// The language the pack's texts are compiled in.
    lang: Lang,
}

fn meta(
    lang: Lang,
    name: &Name,
    title: &Text,
    cites: &[Text],
    notes: &[Text],
    in_force: InForce,
) -> RuleMeta {
    RuleMeta {
        id: name.text.clone(),
        title: title.get(lang).to_string(),
        cites: cites.iter().map(|t| t.get(lang).to_string()).collect(),
        notes: notes.iter().map(|t| t.get(lang).to_string()).collect(),
        from: in_force.from,
        until: in_force.until,
        span: name.span,
    }
}

impl Checker<'_> {
    fn declare(&mut self, syms: &mut Symbols, name: &Name, sym: Symbol) {
        if name.text.is_empty() {
            return;
        }
        if let Some((prev, prev_span)) = syms.map.get(&name.text) {
            let at = self
                .sources
                .locate(*prev_span)
                .map(|(f, lc)| format!("{f}:{lc}"))
                .unwrap_or_default();
            self.errors.push(Diagnostic::error(
                Msg::DeclaredTwice {
                    name: name.text.clone(),
                    prev: prev.kind(),
                    at,
                },
                name.span,
            ));
            return;
        }
        syms.map.insert(name.text.clone(), (sym, name.span));
        syms.order.push(name.text.clone());
    }

    fn require_cite(&mut self, kind: RuleKind, name: &Name, cites: &[Text]) {
        if cites.is_empty() {
            self.errors.push(Diagnostic::error(
                Msg::NoCitation {
                    kind,
                    name: name.text.clone(),
                },
                name.span,
            ));
        }
    }

    fn missing(&mut self, kind: RuleKind, name: &Name, clause: Clause) {
        self.errors.push(Diagnostic::error(
            Msg::MissingClause {
                kind,
                name: name.text.clone(),
                clause,
            },
            name.span,
        ));
    }

    fn check_dates(&mut self, in_force: InForce) {
        if let (Some(from), Some(until), Some(span)) =
            (in_force.from, in_force.until, in_force.span)
            && until < from
        {
            self.errors.push(Diagnostic::error(
                Msg::UntilBeforeFrom { from, until },
                span,
            ));
        }
    }

    fn run(&mut self, files: &[(SourceId, StatuteFile)]) -> Option<Pack> {
        // ---- the header ----
        let headers: Vec<&ast::HeaderAst> = files
            .iter()
            .filter_map(|(_, f)| f.header.as_ref())
            .collect();
        let header = match headers.as_slice() {
            [h] => Some(*h),
            [] => {
                let file = files
                    .first()
                    .and_then(|(s, _)| self.sources.get(*s))
                    .map_or_else(|| "<pack>".to_string(), |f| f.name.clone());
                self.errors
                    .push(Diagnostic::file_error(Msg::NoHeader, file));
                None
            }
            [first, rest @ ..] => {
                for h in rest {
                    self.errors.push(Diagnostic::error(
                        Msg::SecondHeader {
                            id: h.id.text.clone(),
                            first: first.id.text.clone(),
                        },
                        h.id.span,
                    ));
                }
                Some(*first)
            }
        };

        self.translations(header, files);

        // ---- declare every name ----
        let mut syms = Symbols {
            map: HashMap::new(),
            order: Vec::new(),
            fact_types: Vec::new(),
            sides: Vec::new(),
        };
        let items: Vec<&Item> = files.iter().flat_map(|(_, f)| f.items.iter()).collect();
        let mut factor_names: HashMap<String, Span> = HashMap::new();
        let (mut n_facts, mut n_tests, mut n_exc, mut n_weigh, mut n_req, mut n_gap) =
            (0u16, 0u16, 0u16, 0u16, 0u16, 0u16);
        for item in &items {
            match item {
                Item::Fact(f) => {
                    self.declare(&mut syms, &f.name, Symbol::Fact(n_facts));
                    syms.fact_types.push(self.fact_type(f));
                    n_facts += 1;
                }
                Item::Test(t) => {
                    self.declare(&mut syms, &t.name, Symbol::Test(n_tests));
                    n_tests += 1;
                }
                Item::Exception(e) => {
                    self.declare(&mut syms, &e.name, Symbol::Exc(n_exc));
                    n_exc += 1;
                }
                Item::Weigh(w) => {
                    self.declare(&mut syms, &w.name, Symbol::Weigh(n_weigh));
                    // Factors have their own namespace: no condition names them, and a factor
                    // may well be named after the fact it reads.
                    for f in &w.factors {
                        if let Some(prev) = factor_names.insert(f.name.text.clone(), f.name.span) {
                            let at = self
                                .sources
                                .locate(prev)
                                .map(|(file, lc)| format!("{file}:{lc}"))
                                .unwrap_or_default();
                            self.errors.push(Diagnostic::error(
                                Msg::FactorTwice {
                                    name: f.name.text.clone(),
                                    at,
                                },
                                f.name.span,
                            ));
                        }
                    }
                    let sides = w
                        .sides
                        .iter()
                        .flatten()
                        .map(|s| {
                            let axis = s.axis.as_ref().unwrap_or(&s.name);
                            (s.name.text.clone(), axis.text.clone())
                        })
                        .collect();
                    syms.sides.push(sides);
                    n_weigh += 1;
                }
                Item::Require(r) => {
                    self.declare(&mut syms, &r.name, Symbol::Req(n_req));
                    n_req += 1;
                }
                Item::Gap(g) => {
                    self.declare(&mut syms, &g.name, Symbol::Gap(n_gap));
                    n_gap += 1;
                }
                // A scope item is a test the law's reach depends on.
                Item::Scope(g) => {
                    self.declare(&mut syms, &g.name, Symbol::Test(n_tests));
                    n_tests += 1;
                }
                // Articles have their own namespace: only `quoted for` links them to rules.
                Item::Article(_) => {}
            }
        }

        // ---- lower every item ----
        let mut facts = Vec::new();
        let mut tests = Vec::new();
        let mut exceptions: Vec<ExcDef> = Vec::new();
        let mut weighings = Vec::new();
        let mut requirements = Vec::new();
        let mut gaps = Vec::new();
        let mut articles: Vec<Article> = Vec::new();
        let mut article_names: HashMap<&str, Span> = HashMap::new();
        let mut classification = None;
        let mut scope: Vec<TestId> = Vec::new();
        for item in &items {
            match item {
                Item::Article(a) => {
                    if let Some(prev) = article_names.insert(&a.name.text, a.name.span) {
                        let at = self
                            .sources
                            .locate(prev)
                            .map(|(file, lc)| format!("{file}:{lc}"))
                            .unwrap_or_default();
                        self.errors.push(Diagnostic::error(
                            Msg::ArticleTwice {
                                name: a.name.text.clone(),
                                at,
                            },
                            a.name.span,
                        ));
                    }
                    articles.push(self.article(&syms, &factor_names, a));
                }
                Item::Fact(f) => facts.push(self.fact(&syms, f)),
                Item::Test(t) => {
                    self.require_cite(RuleKind::Test, &t.name, &t.cites);
                    self.check_dates(t.in_force);
                    let cond = match &t.cond {
                        Some(e) => resolve(&syms, e, Place::Rule, &mut self.errors),
                        None => {
                            self.missing(RuleKind::Test, &t.name, Clause::TestIf);
                            Cond::Const(false)
                        }
                    };
                    tests.push(TestDef {
                        meta: meta(self.lang, &t.name, &t.title, &t.cites, &t.notes, t.in_force),
                        cond,
                        holds: t.holds.as_ref().map(|x| x.get(self.lang).to_string()),
                        fails: t.fails.as_ref().map(|x| x.get(self.lang).to_string()),
                        exceptions: Vec::new(),
                    });
                }
                Item::Exception(e) => {
                    self.require_cite(RuleKind::Exception, &e.name, &e.cites);
                    self.check_dates(e.in_force);
                    let cond = match &e.cond {
                        Some(x) => resolve(&syms, x, Place::Rule, &mut self.errors),
                        None => {
                            self.missing(RuleKind::Exception, &e.name, Clause::ExceptionIf);
                            Cond::Const(false)
                        }
                    };
                    let target = match &e.target {
                        Some(t) => match syms.lookup(&t.text) {
                            Some(Symbol::Test(id)) => Some(Target::Test(id)),
                            Some(Symbol::Exc(id)) => Some(Target::Exc(id)),
                            Some(Symbol::Req(id)) => Some(Target::Req(id)),
                            Some(other) => {
                                self.errors.push(Diagnostic::error(
                                    Msg::CannotExcept {
                                        name: t.text.clone(),
                                        kind: other.kind(),
                                    },
                                    t.span,
                                ));
                                None
                            }
                            None => {
                                self.errors.push(
                                    Diagnostic::error(
                                        Msg::UnknownRule {
                                            name: t.text.clone(),
                                        },
                                        t.span,
                                    )
                                    .suggest(&t.text, syms.names()),
                                );
                                None
                            }
                        },
                        None => {
                            self.missing(RuleKind::Exception, &e.name, Clause::ExceptionTo);
                            None
                        }
                    };
                    exceptions.push(ExcDef {
                        meta: meta(self.lang, &e.name, &e.title, &e.cites, &e.notes, e.in_force),
                        target: target.unwrap_or(Target::Exc(u16::MAX)),
                        cond,
                        exceptions: Vec::new(),
                    });
                }
                Item::Weigh(w) => {
                    let id = u16::try_from(weighings.len()).unwrap_or(0);
                    if w.classifies {
                        if let Some(prev) = classification {
                            let _ = prev;
                            self.errors
                                .push(Diagnostic::error(Msg::SecondClassification, w.name.span));
                        } else {
                            classification = Some(id);
                        }
                    }
                    weighings.push(self.weighing(&syms, w));
                }
                Item::Require(r) => requirements.push(self.requirement(&syms, r)),
                Item::Scope(g) => {
                    self.require_cite(RuleKind::Scope, &g.name, &g.cites);
                    self.check_dates(g.in_force);
                    let cond = match &g.applies {
                        Some(e) => resolve(&syms, e, Place::Rule, &mut self.errors),
                        None => {
                            self.missing(RuleKind::Scope, &g.name, Clause::AppliesWhen);
                            Cond::Const(true)
                        }
                    };
                    if g.because.is_none() {
                        self.missing(RuleKind::Scope, &g.name, Clause::ScopeBecause);
                    }
                    scope.push(u16::try_from(tests.len()).unwrap_or(0));
                    tests.push(TestDef {
                        meta: meta(self.lang, &g.name, &g.title, &g.cites, &g.notes, g.in_force),
                        cond,
                        holds: None,
                        fails: g.because.as_ref().map(|x| x.get(self.lang).to_string()),
                        exceptions: Vec::new(),
                    });
                }
                Item::Gap(g) => {
                    self.require_cite(RuleKind::Gap, &g.name, &g.cites);
                    self.check_dates(g.in_force);
                    gaps.push(GapDef {
                        meta: meta(self.lang, &g.name, &g.title, &g.cites, &g.notes, g.in_force),
                        when: g
                            .when
                            .as_ref()
                            .map(|e| resolve(&syms, e, Place::Rule, &mut self.errors)),
                    });
                }
            }
        }

        // Attach exceptions to their targets.
        for (i, e) in exceptions.clone().iter().enumerate() {
            let i = u16::try_from(i).unwrap_or(0);
            match e.target {
                Target::Test(t) => {
                    if let Some(t) = tests.get_mut(usize::from(t)) {
                        t.exceptions.push(i);
                    }
                }
                Target::Exc(x) => {
                    if let Some(x) = exceptions.get_mut(usize::from(x)) {
                        x.exceptions.push(i);
                    }
                }
                Target::Req(r) => {
                    if let Some(r) = requirements.get_mut(usize::from(r)) {
                        r.exceptions.push(i);
                    }
                }
            }
        }

        let header = header?;
        let mut pack = Pack {
            id: header.id.text.clone(),
            lang: self.lang,
            languages: header.languages.iter().map(|(l, _)| *l).collect(),
            title: header.title.get(self.lang).to_string(),
            jurisdiction: header.jurisdiction.as_ref().map(|j| j.text.clone()),
            acts: header
                .acts
                .iter()
                .map(|a| Act {
                    abbrev: a.abbrev.text.clone(),
                    title: a.title.get(self.lang).to_string(),
                })
                .collect(),
            sources: header
                .sources
                .iter()
                .map(|s| s.get(self.lang).to_string())
                .collect(),
            notes: header
                .notes
                .iter()
                .map(|s| s.get(self.lang).to_string())
                .collect(),
            transitions: header
                .transitions
                .iter()
                .map(|(d, prefix, t)| Transition {
                    date: *d,
                    prefix: prefix.as_ref().map(|p| p.text.clone()).unwrap_or_default(),
                    note: t.get(self.lang).to_string(),
                })
                .collect(),
            fact_index: facts
                .iter()
                .enumerate()
                .map(|(i, f): (usize, &FactDef)| (f.name.clone(), u16::try_from(i).unwrap_or(0)))
                .collect(),
            facts,
            tests,
            exceptions,
            weighings,
            classification,
            requirements,
            gaps,
            articles,
            scope,
            order: Vec::new(),
            class_dependent: Vec::new(),
            change_dates: Vec::new(),
            representatives: Vec::new(),
        };
        if let Err(cycle) = compile::order(&mut pack) {
            let names: Vec<String> = cycle.iter().map(|n| node_name(&pack, *n)).collect();
            let span = cycle
                .first()
                .map_or(Span::default(), |n| node_span(&pack, *n));
            self.errors
                .push(Diagnostic::error(Msg::Cycle { names }, span));
            self.unused(&pack, &items);
            return None;
        }
        if let Some((rule, n)) = compile::too_expansive(&pack) {
            let (name, span) = rule_place(&pack, rule);
            self.errors.push(Diagnostic::error(
                Msg::ExpandsTooFar {
                    name,
                    n,
                    max: compile::MAX_EXPANSION,
                },
                span,
            ));
            self.unused(&pack, &items);
            return None;
        }
        if let Some((rule, depth)) = compile::too_deep(&pack) {
            let (name, span) = rule_place(&pack, rule);
            self.errors.push(Diagnostic::error(
                Msg::ReadsTooDeep {
                    name,
                    depth,
                    max: compile::MAX_READ_DEPTH,
                },
                span,
            ));
            self.unused(&pack, &items);
            return None;
        }
        if let Some(c) = pack.classification {
            let dependent = pack
                .order
                .iter()
                .zip(&pack.class_dependent)
                .any(|(n, d)| *n == Node::Weigh(c) && *d);
            if dependent {
                let span = pack.classifier().map_or(Span::default(), |w| w.meta.span);
                self.errors
                    .push(Diagnostic::error(Msg::ClassificationReadsItself, span));
            }
        }
        self.unused(&pack, &items);
        compile::finish(&mut pack);
        Some(pack)
    }

    fn fact_type(&mut self, f: &ast::FactDecl) -> FactType {
        let list = |names: &[Name], this: &mut Self| -> Vec<String> {
            let mut seen: HashMap<&str, Span> = HashMap::new();
            for n in names {
                if seen.insert(&n.text, n.span).is_some() {
                    this.errors.push(Diagnostic::error(
                        Msg::ValueTwice {
                            value: n.text.clone(),
                        },
                        n.span,
                    ));
                }
            }
            if names.len() > MAX_VALUES {
                this.errors.push(Diagnostic::error(
                    Msg::TooManyValues {
                        fact: f.name.text.clone(),
                        n: names.len(),
                        max: MAX_VALUES,
                    },
                    f.ty_span,
                ));
            }
            names.iter().map(|n| n.text.clone()).collect()
        };
        match &f.ty {
            TypeAst::Bool => FactType::Bool,
            TypeAst::Number => FactType::Number,
            TypeAst::Date => FactType::Date,
            TypeAst::Country => FactType::Country,
            TypeAst::Enum(v) => FactType::Enum(list(v, self)),
            TypeAst::Set(v) => FactType::Set(list(v, self)),
        }
    }

    fn fact(&mut self, syms: &Symbols, f: &ast::FactDecl) -> FactDef {
        let id = match syms.lookup(&f.name.text) {
            Some(Symbol::Fact(id)) => id,
            _ => 0,
        };
        let ty = syms.fact_type(id).clone();
        if f.ask.is_none() {
            self.missing(RuleKind::Fact, &f.name, Clause::Ask);
        }
        let burden = f.burden.as_ref().map(|b| {
            let v = self.literal_value(&f.name, &ty, &b.otherwise);
            (b.party.text.clone(), v)
        });
        FactDef {
            name: f.name.text.clone(),
            ty,
            ask: f
                .ask
                .as_ref()
                .map(|t| t.get(self.lang).to_string())
                .unwrap_or_default(),
            help: f.help.as_ref().map(|t| t.get(self.lang).to_string()),
            burden,
            recorded: f.recorded,
            given: f.given,
            span: f.name.span,
        }
    }

    /// A literal as a value of a fact's type (for `proven by … otherwise VALUE`).
    fn literal_value(&mut self, name: &Name, ty: &FactType, v: &ast::Value) -> Val {
        let val = match (ty, &v.lit) {
            (FactType::Bool, Literal::Bool(b)) => Some(Val::Bool(*b)),
            (FactType::Number, Literal::Number(n)) => Some(Val::Number(*n)),
            (FactType::Date, Literal::Date(d)) => Some(Val::Date(*d)),
            (FactType::Country, Literal::Country(c)) => Country::parse(c).map(Val::Country),
            (FactType::Enum(list), _) => expr::value_bit(name, list, v, &mut self.errors)
                .map(|bit| Val::Enum(u8::try_from(bit.trailing_zeros()).unwrap_or(0))),
            (FactType::Set(list), _) => {
                expr::value_bit(name, list, v, &mut self.errors).map(Val::Set)
            }
            _ => {
                self.errors.push(Diagnostic::error(
                    Msg::ValueNotOfType {
                        fact: name.text.clone(),
                        ty: ty.clone(),
                    },
                    v.span,
                ));
                None
            }
        };
        val.unwrap_or(Val::Unknown)
    }

    fn weighing(&mut self, syms: &Symbols, w: &ast::WeighDecl) -> WeighDef {
        self.require_cite(
            if w.classifies {
                RuleKind::Classification
            } else {
                RuleKind::Weighing
            },
            &w.name,
            &w.cites,
        );
        let mut sides: Vec<String> = Vec::new();
        let mut axis: Vec<String> = Vec::new();
        let mut titles: Vec<Option<String>> = Vec::new();
        match &w.sides {
            Some(list) => {
                if list.len() > MAX_SIDES {
                    self.errors.push(Diagnostic::error(
                        Msg::TooManySides {
                            weighing: w.name.text.clone(),
                            n: list.len(),
                            max: MAX_SIDES,
                        },
                        w.name.span,
                    ));
                }
                for s in list {
                    if sides.contains(&s.name.text) {
                        self.errors
                            .push(Diagnostic::error(Msg::SidesEqual, s.name.span));
                    }
                    let on = s.axis.as_ref().unwrap_or(&s.name);
                    if w.classifies {
                        if !CLASS_VALUES.contains(&on.text.as_str()) {
                            self.errors.push(
                                Diagnostic::error(
                                    Msg::NotAClassification {
                                        value: on.text.clone(),
                                        values: CLASS_VALUES.map(String::from).to_vec(),
                                    },
                                    on.span,
                                )
                                .suggest(&on.text, CLASS_VALUES),
                            );
                        } else if let Some(k) = axis.iter().position(|a| *a == on.text) {
                            self.errors.push(Diagnostic::error(
                                Msg::AxisTwice {
                                    axis: on.text.clone(),
                                    first: sides.get(k).cloned().unwrap_or_default(),
                                },
                                on.span,
                            ));
                        }
                    } else if let Some(a) = &s.axis {
                        self.errors.push(Diagnostic::error(
                            Msg::AxisOutsideClassification {
                                side: s.name.text.clone(),
                            },
                            a.span,
                        ));
                    }
                    sides.push(s.name.text.clone());
                    axis.push(on.text.clone());
                    titles.push(s.title.as_ref().map(|t| t.get(self.lang).to_string()));
                }
            }
            None => {
                self.missing(RuleKind::Weighing, &w.name, Clause::Sides);
                for _ in 0..2 {
                    sides.push(String::new());
                    axis.push(String::new());
                    titles.push(None);
                }
            }
        }
        if w.factors.is_empty() {
            self.errors.push(Diagnostic::error(
                Msg::NoFactor {
                    weighing: w.name.text.clone(),
                },
                w.name.span,
            ));
        }
        let mut factors = Vec::new();
        for f in &w.factors {
            self.check_dates(f.in_force);
            let side = match &f.toward {
                Some(t) => match sides
                    .iter()
                    .position(|s| *s == t.text)
                    .or_else(|| axis.iter().position(|s| *s == t.text))
                {
                    Some(i) => u8::try_from(i).unwrap_or(0),
                    None => {
                        self.errors.push(
                            Diagnostic::error(
                                Msg::NotASide {
                                    value: t.text.clone(),
                                    weighing: w.name.text.clone(),
                                    sides: sides.to_vec(),
                                },
                                t.span,
                            )
                            .suggest(&t.text, sides.iter().map(String::as_str)),
                        );
                        0
                    }
                },
                None => {
                    self.missing(RuleKind::Factor, &f.name, Clause::Toward);
                    0
                }
            };
            let weight = match f.weight {
                Some((n, _)) => i32::try_from(n).unwrap_or(0),
                None => {
                    self.missing(RuleKind::Factor, &f.name, Clause::Weight);
                    0
                }
            };
            let cond = match &f.when {
                Some(e) => resolve(syms, e, Place::Factor, &mut self.errors),
                None => {
                    self.missing(RuleKind::Factor, &f.name, Clause::FactorWhen);
                    Cond::Const(false)
                }
            };
            if f.because.is_none() {
                self.missing(RuleKind::Factor, &f.name, Clause::Because);
            }
            let cites = if f.cites.is_empty() {
                &w.cites
            } else {
                &f.cites
            };
            let title = f
                .because
                .clone()
                .unwrap_or_else(|| Text::plain(String::new(), f.name.span));
            factors.push(FactorDef {
                meta: meta(self.lang, &f.name, &title, cites, &f.notes, f.in_force),
                side,
                weight,
                cond,
                because: title.get(self.lang).to_string(),
                decisive: f.decisive,
                facts: Vec::new(),
            });
        }
        WeighDef {
            meta: meta(
                self.lang,
                &w.name,
                &w.title,
                &w.cites,
                &w.notes,
                InForce::default(),
            ),
            classifies: w.classifies,
            sides,
            axis,
            titles,
            pairs: Vec::new(),
            margin: w.margin.map_or(0, |(m, _)| i32::try_from(m).unwrap_or(0)),
            factors,
            groups: Vec::new(),
        }
    }

    /// Lowers an `article`: its versions' dates checked, each rule it is quoted for known.
    fn article(
        &mut self,
        syms: &Symbols,
        factor_names: &HashMap<String, Span>,
        a: &ast::ArticleDecl,
    ) -> Article {
        let mut quoted_for = Vec::new();
        for (rule, dates) in &a.quoted_for {
            self.check_dates(*dates);
            let known = matches!(
                syms.lookup(&rule.text),
                Some(
                    Symbol::Test(_)
                        | Symbol::Exc(_)
                        | Symbol::Weigh(_)
                        | Symbol::Req(_)
                        | Symbol::Gap(_)
                )
            ) || factor_names.contains_key(&rule.text);
            if !known {
                self.errors.push(
                    Diagnostic::error(
                        Msg::QuotedUnderNoRule {
                            name: rule.text.clone(),
                            kind: syms.lookup(&rule.text).map(Symbol::kind),
                        },
                        rule.span,
                    )
                    .suggest(
                        &rule.text,
                        syms.names().chain(factor_names.keys().map(String::as_str)),
                    ),
                );
            }
            quoted_for.push(QuotedFor {
                rule: rule.text.clone(),
                from: dates.from,
                until: dates.until,
            });
        }
        let mut versions = Vec::new();
        for v in &a.versions {
            self.check_dates(v.in_force);
            let span = v.in_force.span.unwrap_or(a.name.span);
            if v.source.is_none() {
                self.errors.push(Diagnostic::error(
                    Msg::VersionWithoutSource {
                        article: a.name.text.clone(),
                    },
                    span,
                ));
            }
            if v.text.is_empty() {
                self.errors.push(Diagnostic::error(
                    Msg::VersionWithoutText {
                        article: a.name.text.clone(),
                    },
                    span,
                ));
            }
            versions.push(ArticleVersion {
                from: v.in_force.from,
                until: v.in_force.until,
                source: v
                    .source
                    .as_ref()
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
                notes: v.notes.iter().map(|t| t.text.clone()).collect(),
                text: v.text.iter().map(|t| t.text.clone()).collect(),
            });
        }
        Article {
            id: a.name.text.clone(),
            title: a.title.get(self.lang).to_string(),
            rules: quoted_for,
            versions,
        }
    }

    /// Warns about a text without a version in a language the pack declares, and about
    /// versions in a language it does not declare.
    fn translations(&mut self, header: Option<&ast::HeaderAst>, files: &[(SourceId, StatuteFile)]) {
        let declared: Vec<Lang> = header
            .map(|h| h.languages.iter().map(|(l, _)| *l).collect())
            .unwrap_or_default();
        let mut texts: Vec<&Text> = header.map(ast::HeaderAst::texts).unwrap_or_default();
        for (_, f) in files {
            for it in &f.items {
                texts.extend(it.texts());
            }
        }
        for lang in &declared {
            for t in texts.iter().filter(|t| !t.has(*lang) && !t.text.is_empty()) {
                self.warnings.push(Diagnostic::warning(
                    Msg::MissingTranslation { lang: *lang },
                    t.span,
                ));
            }
        }
        for lang in Lang::ALL
            .iter()
            .filter(|l| **l != Lang::En && !declared.contains(l))
        {
            if let Some(t) = texts.iter().find(|t| t.tr.iter().any(|(l, _)| l == lang)) {
                self.warnings.push(Diagnostic::warning(
                    Msg::UndeclaredLanguage { lang: *lang },
                    t.span,
                ));
            }
        }
    }

    fn requirement(&mut self, syms: &Symbols, r: &ast::RequireDecl) -> ReqDef {
        self.require_cite(RuleKind::Requirement, &r.name, &r.cites);
        self.check_dates(r.in_force);
        for e in &r.exposes {
            self.check_dates(e.in_force);
            // An exposure dated outside the requirement's own dates never shows.
            let outside = match (e.in_force.from, r.in_force.until) {
                (Some(f), Some(u)) => f > u,
                _ => false,
            } || match (e.in_force.until, r.in_force.from) {
                (Some(u), Some(f)) => u < f,
                _ => false,
            };
            if outside && let Some(span) = e.in_force.span {
                self.warnings.push(Diagnostic::warning(
                    Msg::ExposureOutOfForce {
                        requirement: r.name.text.clone(),
                    },
                    span,
                ));
            }
        }
        let requires = match &r.requires {
            Some(e) => resolve(syms, e, Place::Rule, &mut self.errors),
            None => {
                self.missing(RuleKind::Requirement, &r.name, Clause::Requires);
                Cond::Const(true)
            }
        };
        let (code, message) = match &r.violation {
            Some(v) => (v.code.text.clone(), v.message.get(self.lang).to_string()),
            None => {
                self.missing(RuleKind::Requirement, &r.name, Clause::Violation);
                (String::new(), String::new())
            }
        };
        ReqDef {
            meta: meta(self.lang, &r.name, &r.title, &r.cites, &r.notes, r.in_force),
            when: r
                .when
                .as_ref()
                .map(|e| resolve(syms, e, Place::Rule, &mut self.errors)),
            requires,
            code,
            message,
            exposes: r
                .exposes
                .iter()
                .map(|e| crate::compile::pack::Exposure {
                    text: e.text.get(self.lang).to_string(),
                    from: e.in_force.from,
                    until: e.in_force.until,
                })
                .collect(),
            exceptions: Vec::new(),
        }
    }

    fn unused(&mut self, pack: &Pack, items: &[&Item]) {
        let mut fact_used = vec![false; pack.facts.len()];
        let mut test_used = vec![false; pack.tests.len()];
        let mut weigh_used = vec![false; pack.weighings.len()];
        let mut mark = |c: &Cond| {
            c.for_each_fact(&mut |f| {
                if let Some(u) = fact_used.get_mut(usize::from(f)) {
                    *u = true;
                }
            });
            c.for_each_ref(&mut |n| match n {
                Node::Test(t) => {
                    if let Some(u) = test_used.get_mut(usize::from(t)) {
                        *u = true;
                    }
                }
                Node::Weigh(w) => {
                    if let Some(u) = weigh_used.get_mut(usize::from(w)) {
                        *u = true;
                    }
                }
                Node::Exc(_) => {}
            });
        };
        for t in &pack.tests {
            mark(&t.cond);
        }
        for e in &pack.exceptions {
            mark(&e.cond);
        }
        for w in &pack.weighings {
            for f in &w.factors {
                mark(&f.cond);
            }
        }
        for r in &pack.requirements {
            if let Some(w) = &r.when {
                mark(w);
            }
            mark(&r.requires);
        }
        for g in &pack.gaps {
            if let Some(w) = &g.when {
                mark(w);
            }
        }
        let _ = items;
        for (f, used) in pack.facts.iter().zip(&fact_used) {
            if !used && !f.recorded {
                self.warnings.push(Diagnostic::warning(
                    Msg::FactUnused {
                        fact: f.name.clone(),
                    },
                    f.span,
                ));
            }
            if *used && f.recorded {
                self.warnings.push(Diagnostic::warning(
                    Msg::RecordedButRead {
                        fact: f.name.clone(),
                    },
                    f.span,
                ));
            }
        }
        for (i, (t, used)) in pack.tests.iter().zip(&test_used).enumerate() {
            if !used && !pack.scope.iter().any(|s| usize::from(*s) == i) {
                self.warnings.push(Diagnostic::warning(
                    Msg::TestUnused {
                        test: t.meta.id.clone(),
                    },
                    t.meta.span,
                ));
            }
        }
        for (i, (w, used)) in pack.weighings.iter().zip(&weigh_used).enumerate() {
            if !used && !w.classifies && pack.classification != u16::try_from(i).ok() {
                self.warnings.push(Diagnostic::warning(
                    Msg::WeighingUnused {
                        weighing: w.meta.id.clone(),
                    },
                    w.meta.span,
                ));
            }
        }
    }
}

fn node_name(pack: &Pack, n: Node) -> String {
    match n {
        Node::Test(t) => pack.tests.get(usize::from(t)).map(|t| t.meta.id.clone()),
        Node::Exc(e) => pack
            .exceptions
            .get(usize::from(e))
            .map(|e| e.meta.id.clone()),
        Node::Weigh(w) => pack
            .weighings
            .get(usize::from(w))
            .map(|w| w.meta.id.clone()),
    }
    .unwrap_or_default()
}

fn node_span(pack: &Pack, n: Node) -> Span {
    match n {
        Node::Test(t) => pack.tests.get(usize::from(t)).map(|t| t.meta.span),
        Node::Exc(e) => pack.exceptions.get(usize::from(e)).map(|e| e.meta.span),
        Node::Weigh(w) => pack.weighings.get(usize::from(w)).map(|w| w.meta.span),
    }
    .unwrap_or_default()
}

/// The name and place of a rule a pack-wide limit stops at (see [`compile::Expansive`]).
fn rule_place(pack: &Pack, rule: compile::Expansive) -> (String, Span) {
    match rule {
        compile::Expansive::Node(node) => (node_name(pack, node), node_span(pack, node)),
        compile::Expansive::Req(r) => pack
            .requirements
            .get(usize::from(r))
            .map_or_else(Default::default, |r| (r.meta.id.clone(), r.meta.span)),
    }
}
