//! Words of `check`: the frame of every diagnostic (severity, help, "did you mean"), the types
//! of facts, the checker's messages, and the summary lines of `check` and `fmt`.

use super::josa::{eul, eun, i, ro};
use super::{En, Ko};
use crate::check::{Clause, Given, LitKind, Msg, RuleKind, SymbolKind};
use crate::compile::pack::FactType;
use crate::diagnostic::{Said, Severity};

/// Words of `check`.
pub trait CheckWords {
    /// "error", "warning".
    fn severity(&self, s: Severity) -> &'static str;
    /// "help", before a help line.
    fn help_word(&self) -> &'static str;
    /// "did you mean `x`?".
    fn did_you_mean(&self, name: &str) -> String;
    /// A fact's type: "bool (true or false)", "one of a, b".
    fn fact_type(&self, ty: &FactType) -> String;
    /// A message of the checker.
    fn check_said(&self, m: &Msg) -> Said;
}

fn symbol_en(k: SymbolKind) -> &'static str {
    match k {
        SymbolKind::Fact => "a fact",
        SymbolKind::Test => "a test",
        SymbolKind::Exception => "an exception",
        SymbolKind::Weighing => "a weighing",
        SymbolKind::Requirement => "a requirement",
        SymbolKind::Gap => "a gap",
    }
}

fn rule_en(k: RuleKind) -> &'static str {
    match k {
        RuleKind::Fact => "fact",
        RuleKind::Test => "test",
        RuleKind::Exception => "exception",
        RuleKind::Classification => "classification",
        RuleKind::Weighing => "weighing",
        RuleKind::Factor => "factor",
        RuleKind::Requirement => "requirement",
        RuleKind::Gap => "gap",
        RuleKind::Scope => "scope item",
    }
}

fn lit_en(k: LitKind) -> &'static str {
    match k {
        LitKind::TruthValue => "a truth value",
        LitKind::Number => "a number",
        LitKind::Date => "a date",
        LitKind::Country => "a country code",
        LitKind::Name => "a name",
    }
}

/// An example of a clause, in code; the texts a pack writes in English come with a Korean
/// translation in the Korean example.
fn clause_example(c: Clause, korean: bool) -> &'static str {
    match (c, korean) {
        (Clause::TestIf, _) => "if recipient_country != KR",
        (Clause::ExceptionIf, _) => "if cross_border_disclosed",
        (Clause::ExceptionTo, _) => "to cross_border_ground",
        (Clause::Ask, false) => "ask \"Does the recipient use the data for itself?\"",
        (Clause::Ask, true) => {
            "ask \"Does the recipient use the data for itself?\" ko \"이전받는 자가 개인정보를 자기 목적으로 이용합니까?\""
        }
        (Clause::Sides, _) => "sides provision, outsourcing",
        (Clause::Toward, _) => "toward provision",
        (Clause::Weight, _) => "weight 1",
        (Clause::FactorWhen, _) => "when recipient_own_use",
        (Clause::Because, false) => "because \"the recipient uses the data for itself\"",
        (Clause::Because, true) => {
            "because \"the recipient uses the data for itself\" ko \"이전받는 자가 개인정보를 자기 목적으로 이용함\""
        }
        (Clause::Requires, _) => "requires written_contract",
        (Clause::Violation, _) => "violation KR-PIPA-26-1 \"…\"",
        (Clause::AppliesWhen, _) => "applies when transferor_country = KR",
        (Clause::ScopeBecause, false) => "because \"the sender is established outside Korea\"",
        (Clause::ScopeBecause, true) => {
            "because \"the sender is established outside Korea\" ko \"이전하는 자가 한국 밖에 설립되어 있음\""
        }
    }
}

/// An example that uses a fact of this type as a condition, in code.
fn example_code(name: &str, ty: &FactType) -> String {
    match ty {
        FactType::Enum(v) => format!("`{name} = {}`", v.first().map_or("VALUE", |s| s)),
        FactType::Set(v) => format!("`{name} contains {}`", v.first().map_or("VALUE", |s| s)),
        FactType::Country => format!("`{name} = KR`"),
        FactType::Number => format!("`{name} >= 1`"),
        FactType::Date => format!("`{name} >= 2023-09-15`"),
        FactType::Bool => format!("`{name}`"),
    }
}

impl CheckWords for En {
    fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    fn help_word(&self) -> &'static str {
        "help"
    }

    fn did_you_mean(&self, name: &str) -> String {
        format!("did you mean `{name}`?")
    }

    fn fact_type(&self, ty: &FactType) -> String {
        match ty {
            FactType::Bool => "bool (true or false)".to_string(),
            FactType::Number => "number".to_string(),
            FactType::Date => "date (YYYY-MM-DD)".to_string(),
            FactType::Country => "country (a two-letter code such as KR)".to_string(),
            FactType::Enum(v) => format!("one of {}", v.join(", ")),
            FactType::Set(v) => format!("a set of {}", v.join(", ")),
        }
    }

    fn check_said(&self, m: &Msg) -> Said {
        match m {
            Msg::NoHeader => Said::new("the pack has no header")
                .help("start its first file with `pack ID \"TITLE\"`"),
            Msg::SecondHeader { id, first } => Said::new(format!(
                "a second `pack` header (`{id}`)"
            ))
            .help(format!(
                "pack `{first}` is already declared; only one file carries the header"
            )),
            Msg::DeclaredTwice { name, prev, at } => {
                Said::new(format!("`{name}` is declared twice"))
                    .label(format!("already declared as {} at {at}", symbol_en(*prev)))
                    .help("every fact and rule of a pack needs its own name")
            }
            Msg::FactorTwice { name, at } => Said::new(format!(
                "factor `{name}` is declared twice"
            ))
            .label(format!("already declared at {at}")),
            Msg::NoCitation { kind, name } => Said::new(format!(
                "{} `{name}` has no citation",
                rule_en(*kind)
            ))
            .help("add `cite \"…\"` naming the article or judgment it encodes"),
            Msg::MissingClause { kind, name, clause } => Said::new(format!(
                "{} `{name}` has no `{}` clause",
                rule_en(*kind),
                clause.keyword()
            ))
            .help(format!("add e.g. `{}`", clause_example(*clause, false))),
            Msg::UntilBeforeFrom { from, until } => Said::new(format!(
                "in force until {until}, before it comes into force on {from}"
            )),
            Msg::CannotExcept { name, kind } => Said::new(format!(
                "an exception can except a test, a requirement or an exception, and `{name}` is {}",
                symbol_en(*kind)
            )),
            Msg::UnknownRule { name } => Said::new(format!("unknown rule `{name}`")),
            Msg::SecondClassification => Said::new("a second `classify` weighing").help(
                "a pack has one classification; declare other weighings with `weigh`",
            ),
            Msg::Cycle { names } => Said::new(format!(
                "rules depend on each other in a circle: {}",
                names.join(" → ")
            ))
            .help("a rule cannot depend, even indirectly, on itself"),
            Msg::ClassificationReadsItself => Said::new(
                "the classification weighing reads a rule that depends on the classification",
            ),
            Msg::ExpandsTooFar { name, n, max } => Said::new(format!(
                "`{name}` comes to {n} conditions once the tests and exceptions it reads are followed along every path; at most {max} are allowed"
            ))
            .help("tests that read each other along many paths are judged and explained once per path: read a shared test from fewer rules"),
            Msg::ReadsTooDeep { name, depth, max } => Said::new(format!(
                "`{name}` reads {depth} levels deep, counting each `and`, `or` and `not` and each test or exception it follows; at most {max} are allowed"
            ))
            .help("a test that reads a test that reads a test … is followed to the end each time it is judged: read the facts in fewer steps"),
            Msg::ValueTwice { value } => Said::new(format!("value `{value}` is listed twice")),
            Msg::TooManyValues { fact, n, max } => Said::new(format!(
                "`{fact}` lists {n} values; at most {max} are allowed"
            )),
            Msg::ValueNotOfType { fact, ty } => Said::new(format!(
                "this value is not of the type of `{fact}`"
            ))
            .label(format!("`{fact}` is {}", self.fact_type(ty))),
            Msg::SidesEqual => Said::new("the two sides of a weighing must differ"),
            Msg::TooManySides { weighing, n, max } => Said::new(format!(
                "weighing `{weighing}` has {n} sides; at most {max} are allowed"
            )),
            Msg::AxisTwice { axis, first } => Said::new(format!(
                "two sides of the classification are placed on `{axis}`"
            ))
            .label(format!("`{first}` is already on `{axis}`")),
            Msg::AxisOutsideClassification { side } => Said::new(format!(
                "side `{side}` is placed on the axis of classifications, but this weighing is not the classification"
            ))
            .label("`as …` belongs to the sides of `classify`".to_string()),
            Msg::NotAClassification { value, values } => Said::new(format!(
                "`{value}` is not a classification"
            ))
            .label(format!("classifications: {}", values.join(", "))),
            Msg::NoFactor { weighing } => {
                Said::new(format!("weighing `{weighing}` has no factor"))
            }
            Msg::NotASide {
                value,
                weighing,
                sides,
            } => Said::new(format!(
                "`{value}` is not a side of weighing `{weighing}`"
            ))
            .label(format!("sides: {}", sides.join(", "))),
            Msg::ArticleTwice { name, at } => Said::new(format!(
                "article `{name}` is declared twice"
            ))
            .label(format!("already declared at {at}")),
            Msg::QuotedUnderNoRule { name, kind } => Said::new(match kind {
                Some(k) => format!(
                    "an article is quoted under a rule, and `{name}` is {}",
                    symbol_en(*k)
                ),
                None => format!("an article is quoted under a rule, and `{name}` is no rule of the pack"),
            }),
            Msg::VersionWithoutSource { article } => Said::new(format!(
                "a version of article `{article}` has no `source`"
            ))
            .help("say where its text was taken from: `source \"law.go.kr …\"`"),
            Msg::VersionWithoutText { article } => Said::new(format!(
                "a version of article `{article}` has no `text`"
            ))
            .help("quote its paragraphs, one `text \"…\"` each"),
            Msg::MissingTranslation { lang } => Said::new(format!(
                "this text has no `{lang}` version, though the pack declares `language {lang}`"
            ))
            .help(format!(
                "write it after the English: `\"…\" {lang} \"…\"`; until then it is shown in English"
            )),
            Msg::UndeclaredLanguage { lang } => Said::new(format!(
                "the pack has texts in `{lang}` but does not declare `language {lang}`"
            ))
            .help(format!(
                "add `language {lang}` to the pack header, so that `entrust check` can tell which texts lack it"
            )),
            Msg::ExposureOutOfForce { requirement } => Said::new(format!(
                "requirement `{requirement}` is not in force when this exposure applies"
            ))
            .help("date the exposure within the requirement's `in force` dates"),
            Msg::FactUnused { fact } => Said::new(format!(
                "fact `{fact}` is declared but no rule reads it"
            ))
            .help("use it, remove it, or mark it `recorded` if it is kept for reports"),
            Msg::RecordedButRead { fact } => Said::new(format!(
                "fact `{fact}` is marked `recorded` but a rule reads it"
            )),
            Msg::TestUnused { test } => {
                Said::new(format!("test `{test}` is declared but no rule uses it"))
            }
            Msg::WeighingUnused { weighing } => Said::new(format!(
                "weighing `{weighing}` is declared but no rule uses it"
            )),
            Msg::UnknownName { name } => Said::new(format!("unknown name `{name}`"))
                .label("not a fact, test, exception or weighing of this pack"),
            Msg::NotBool { fact, ty } => {
                let lead = match ty {
                    FactType::Set(_) => "test membership: ",
                    FactType::Bool => "",
                    _ => "compare it: ",
                };
                Said::new(format!(
                    "fact `{fact}` is not a bool and cannot stand alone as a condition"
                ))
                .label(format!("its type is {}", self.fact_type(ty)))
                .help(format!("{lead}{}", example_code(fact, ty)))
            }
            Msg::FactorReadsException { name } => Said::new(format!(
                "a factor cannot read exception `{name}`; name the test it excepts"
            )),
            Msg::FactorReadsWeighing { name } => {
                Said::new(format!("a factor cannot read weighing `{name}`"))
            }
            Msg::WeighingNeedsSide { name } => Said::new(format!(
                "weighing `{name}` needs a side to compare with"
            ))
            .help(format!("write `{name} = SIDE`, naming one of its sides")),
            Msg::CannotRead { name, kind } => Said::new(format!(
                "`{name}` is {}, which a condition cannot read",
                symbol_en(*kind)
            )),
            Msg::ComparedWithWrongType { fact, given, ty } => {
                let shown = match given {
                    Given::Word(w) => format!("`{w}`"),
                    Given::Kind(k) => lit_en(*k).to_string(),
                };
                Said::new(format!(
                    "fact `{fact}` is compared with {shown}, which is not of its type"
                ))
                .label(format!("`{fact}` is {}", self.fact_type(ty)))
            }
            Msg::OnlyEquality { name, op } => Said::new(format!(
                "`{name}` can only be compared with `=` or `!=`, not `{op}`"
            )),
            Msg::TakesListedValue { fact, kind, values } => Said::new(format!(
                "`{fact}` takes one of its listed values, not {}",
                lit_en(*kind)
            ))
            .label(format!("values: {}", values.join(", "))),
            Msg::NotAValue {
                value,
                fact,
                values,
            } => Said::new(format!("`{value}` is not a value of `{fact}`"))
                .label(format!("values: {}", values.join(", "))),
            Msg::SetCompared { fact, op, value } => Said::new(format!(
                "set `{fact}` cannot be compared with `{op}`"
            ))
            .help(format!("test membership: `{fact} contains {value}`")),
            Msg::TestCompared { name } => Said::new(format!(
                "test `{name}` is true or false and is not compared with a value"
            ))
            .help(format!("write `{name}` or `not {name}`")),
            Msg::InNotAFact { name } => Said::new(format!(
                "`in` needs an enum or country fact, and `{name}` is not a fact"
            )),
            Msg::InOnSet { fact } => Said::new(format!(
                "`{fact}` is a set: use `contains any {{…}}` rather than `in`"
            )),
            Msg::InWrongType { fact, ty } => Said::new(format!(
                "`in` needs an enum or country fact, and `{fact}` is {}",
                self.fact_type(ty)
            )),
            Msg::ContainsNotAFact { name } => Said::new(format!(
                "`contains` needs a set fact, and `{name}` is not a fact"
            )),
            Msg::ContainsOnOneValue { fact, ty } => Said::new(format!(
                "`contains` needs a set fact, and `{fact}` is {}",
                self.fact_type(ty)
            ))
            .help(format!("for one value use `{fact} in {{…}}`")),
            Msg::ContainsWrongType { fact, ty } => Said::new(format!(
                "`contains` needs a set fact, and `{fact}` is {}",
                self.fact_type(ty)
            )),
        }
    }
}

fn symbol_ko(k: SymbolKind) -> &'static str {
    match k {
        SymbolKind::Fact => "사실",
        SymbolKind::Test => "판단 기준",
        SymbolKind::Exception => "예외",
        SymbolKind::Weighing => "형량",
        SymbolKind::Requirement => "요건",
        SymbolKind::Gap => "검토하지 않은 법령",
    }
}

fn rule_ko(k: RuleKind) -> &'static str {
    match k {
        RuleKind::Fact => "사실",
        RuleKind::Test => "판단 기준",
        RuleKind::Exception => "예외",
        RuleKind::Classification => "법적 성격 판단",
        RuleKind::Weighing => "형량",
        RuleKind::Factor => "고려 요소",
        RuleKind::Requirement => "요건",
        RuleKind::Gap => "검토하지 않은 법령",
        RuleKind::Scope => "적용 범위 항목",
    }
}

fn lit_ko(k: LitKind) -> &'static str {
    match k {
        LitKind::TruthValue => "진릿값",
        LitKind::Number => "숫자",
        LitKind::Date => "날짜",
        LitKind::Country => "국가 코드",
        LitKind::Name => "이름",
    }
}

impl CheckWords for Ko {
    fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Error => "오류",
            Severity::Warning => "경고",
        }
    }

    fn help_word(&self) -> &'static str {
        "도움말"
    }

    fn did_you_mean(&self, name: &str) -> String {
        format!("{} 뜻하셨습니까?", eul(&format!("`{name}`")))
    }

    fn fact_type(&self, ty: &FactType) -> String {
        match ty {
            FactType::Bool => "bool (true 또는 false)".to_string(),
            FactType::Number => "number (숫자)".to_string(),
            FactType::Date => "date (YYYY-MM-DD)".to_string(),
            FactType::Country => "country (KR과 같은 두 글자 코드)".to_string(),
            FactType::Enum(v) => format!("{} 중 하나", v.join(", ")),
            FactType::Set(v) => format!("{}의 집합", v.join(", ")),
        }
    }

    fn check_said(&self, m: &Msg) -> Said {
        match m {
            Msg::NoHeader => Said::new("법령팩에 머리글이 없습니다")
                .help("첫 파일을 다음과 같이 시작하십시오: `pack ID \"TITLE\"`"),
            Msg::SecondHeader { id, first } => {
                Said::new(format!("두 번째 `pack` 머리글입니다(`{id}`)")).help(format!(
                    "`{first}` 법령팩이 이미 선언되어 있습니다. 머리글은 한 파일에만 둡니다"
                ))
            }
            Msg::DeclaredTwice { name, prev, at } => Said::new(format!(
                "{} 두 번 선언되었습니다",
                i(&format!("`{name}`"))
            ))
            .label(format!("{at}에서 이미 {} 선언됨", ro(symbol_ko(*prev))))
            .help("법령팩의 사실과 규칙에는 각각 고유한 이름이 필요합니다"),
            Msg::FactorTwice { name, at } => Said::new(format!(
                "고려 요소 {} 두 번 선언되었습니다",
                i(&format!("`{name}`"))
            ))
            .label(format!("{at}에서 이미 선언됨")),
            Msg::NoCitation { kind, name } => Said::new(format!(
                "{} `{name}`에 근거 조문이 없습니다",
                rule_ko(*kind)
            ))
            .help("이 규칙이 반영하는 조문이나 판결을 `cite \"…\"`로 적으십시오"),
            Msg::MissingClause { kind, name, clause } => Said::new(format!(
                "{} `{name}`에 `{}` 절이 없습니다",
                rule_ko(*kind),
                clause.keyword()
            ))
            .help(format!(
                "예를 들어 다음과 같이 추가하십시오: `{}`",
                clause_example(*clause, true)
            )),
            Msg::UntilBeforeFrom { from, until } => Said::new(format!(
                "효력 종료일 {} 시행일 {from}보다 앞섭니다",
                i(&until.to_string())
            )),
            Msg::CannotExcept { name, kind } => Said::new(format!(
                "예외의 대상은 판단 기준, 요건 또는 예외여야 하나 {} {}입니다",
                eun(&format!("`{name}`")),
                symbol_ko(*kind)
            )),
            Msg::UnknownRule { name } => Said::new(format!("알 수 없는 규칙 `{name}`입니다")),
            Msg::SecondClassification => Said::new("두 번째 `classify` 형량입니다").help(
                "법령팩의 법적 성격 판단은 하나뿐입니다. 다른 형량은 `weigh`로 선언하십시오",
            ),
            Msg::Cycle { names } => Said::new(format!(
                "규칙들이 서로 순환하여 의존합니다: {}",
                names.join(" → ")
            ))
            .help("규칙은 간접적으로라도 자기 자신에 의존할 수 없습니다"),
            Msg::ClassificationReadsItself => Said::new(
                "법적 성격 판단 형량이 법적 성격에 따라 달라지는 규칙을 참조합니다",
            ),
            Msg::ExpandsTooFar { name, n, max } => Said::new(format!(
                "`{name}`: 참조하는 판단 기준과 예외를 경로마다 따라가면 조건이 {n}개가 됩니다. 최대 {max}개까지 허용됩니다"
            ))
            .help("여러 경로로 서로 참조하는 판단 기준은 경로마다 다시 판단되고 설명됩니다. 공유하는 판단 기준을 참조하는 규칙의 수를 줄이십시오"),
            Msg::ReadsTooDeep { name, depth, max } => Said::new(format!(
                "`{name}`: `and`, `or`, `not`의 각 단계와 따라가는 판단 기준 및 예외를 세면 {depth}단계 깊이로 참조합니다. 최대 {max}단계까지 허용됩니다"
            ))
            .help("판단 기준을 참조하는 판단 기준을 다시 참조하는 식으로 이어지면 판단할 때마다 끝까지 따라가야 합니다. 더 적은 단계로 사실을 참조하십시오"),
            Msg::ValueTwice { value } => Said::new(format!(
                "값 {} 두 번 나열되었습니다",
                i(&format!("`{value}`"))
            )),
            Msg::TooManyValues { fact, n, max } => Said::new(format!(
                "`{fact}`에 값이 {n}개 나열되어 있습니다. 최대 {max}개까지 허용됩니다"
            )),
            Msg::ValueNotOfType { fact, ty } => {
                Said::new(format!("이 값은 `{fact}`의 타입에 맞지 않습니다"))
                    .label(format!("`{fact}`의 타입: {}", self.fact_type(ty)))
            }
            Msg::SidesEqual => Said::new("형량의 두 측(`sides`)은 서로 달라야 합니다"),
            Msg::TooManySides { weighing, n, max } => Said::new(format!(
                "형량 `{weighing}`의 측(`sides`)이 {n}개입니다. 최대 {max}개까지 허용됩니다"
            )),
            Msg::AxisTwice { axis, first } => Said::new(format!(
                "법적 성격 판단의 두 측이 같은 값 `{axis}`에 놓여 있습니다"
            ))
            .label(format!("`{first}`{} 이미 `{axis}`에 놓여 있습니다", if first.is_empty() { "" } else { "이(가)" })),
            Msg::AxisOutsideClassification { side } => Said::new(format!(
                "측 `{side}`을(를) 법적 성격의 공통 축에 놓았으나, 이 형량은 법적 성격 판단이 아닙니다"
            ))
            .label("`as …`는 `classify`의 측에만 쓸 수 있습니다".to_string()),
            Msg::NotAClassification { value, values } => Said::new(format!(
                "{} 법적 성격 값이 아닙니다",
                eun(&format!("`{value}`"))
            ))
            .label(format!("법적 성격 값: {}", values.join(", "))),
            Msg::NoFactor { weighing } => {
                Said::new(format!("형량 `{weighing}`에 고려 요소가 없습니다"))
            }
            Msg::NotASide {
                value,
                weighing,
                sides,
            } => Said::new(format!(
                "{} 형량 `{weighing}`의 측이 아닙니다",
                eun(&format!("`{value}`"))
            ))
            .label(format!("측: {}", sides.join(", "))),
            Msg::ArticleTwice { name, at } => Said::new(format!(
                "조문 {} 두 번 선언되었습니다",
                i(&format!("`{name}`"))
            ))
            .label(format!("{at}에서 이미 선언됨")),
            Msg::QuotedUnderNoRule { name, kind } => Said::new(match kind {
                Some(k) => format!(
                    "조문은 규칙 아래에 인용되는데, {} {}입니다",
                    eun(&format!("`{name}`")),
                    symbol_ko(*k)
                ),
                None => format!(
                    "조문은 규칙 아래에 인용되는데, {} 이 법령팩의 규칙이 아닙니다",
                    eun(&format!("`{name}`"))
                ),
            }),
            Msg::VersionWithoutSource { article } => Said::new(format!(
                "조문 `{article}`의 한 판(version)에 `source`가 없습니다"
            ))
            .help("조문을 어디서 옮겼는지 밝히십시오: `source \"law.go.kr …\"`"),
            Msg::VersionWithoutText { article } => Said::new(format!(
                "조문 `{article}`의 한 판(version)에 `text`가 없습니다"
            ))
            .help("각 항·호를 `text \"…\"`로 하나씩 인용하십시오"),
            Msg::MissingTranslation { lang } => Said::new(format!(
                "법령팩에 `language {lang}` 선언이 있으나 이 텍스트에는 `{lang}` 번역이 없습니다"
            ))
            .help(format!(
                "영어 뒤에 `\"…\" {lang} \"…\"` 형식으로 적으십시오. 그때까지는 영어로 표시됩니다"
            )),
            Msg::UndeclaredLanguage { lang } => Said::new(format!(
                "법령팩에 `{lang}` 텍스트가 있으나 `language {lang}` 선언이 없습니다"
            ))
            .help(format!(
                "법령팩 머리글에 `language {lang}` 줄을 추가하십시오. 그러면 `entrust check`가 번역이 빠진 텍스트를 알려 줍니다"
            )),
            Msg::ExposureOutOfForce { requirement } => Said::new(format!(
                "이 제재가 적용되는 기간에 요건 {} 시행되지 않습니다",
                i(&format!("`{requirement}`"))
            ))
            .help("제재의 기간을 요건의 `in force` 기간 안으로 정하십시오"),
            Msg::FactUnused { fact } => Said::new(format!(
                "사실 {} 선언되었으나 어떤 규칙도 읽지 않습니다",
                i(&format!("`{fact}`"))
            ))
            .help("사용하거나 삭제하십시오. 보고서를 위해 남긴다면 `recorded`로 표시하십시오"),
            Msg::RecordedButRead { fact } => Said::new(format!(
                "사실 {} `recorded`로 표시되어 있으나 규칙이 이 사실을 읽습니다",
                i(&format!("`{fact}`"))
            )),
            Msg::TestUnused { test } => Said::new(format!(
                "판단 기준 {} 선언되었으나 어떤 규칙도 쓰지 않습니다",
                i(&format!("`{test}`"))
            )),
            Msg::WeighingUnused { weighing } => Said::new(format!(
                "형량 {} 선언되었으나 어떤 규칙도 쓰지 않습니다",
                i(&format!("`{weighing}`"))
            )),
            Msg::UnknownName { name } => Said::new(format!("알 수 없는 이름 `{name}`입니다"))
                .label("이 법령팩의 사실, 판단 기준, 예외, 형량 중 어느 것도 아님"),
            Msg::NotBool { fact, ty } => {
                let lead = match ty {
                    FactType::Set(_) => "포함 여부를 검사하십시오: ",
                    FactType::Bool => "",
                    _ => "비교하십시오: ",
                };
                Said::new(format!(
                    "사실 {} bool이 아니어서 단독으로 조건이 될 수 없습니다",
                    i(&format!("`{fact}`"))
                ))
                .label(format!("타입: {}", self.fact_type(ty)))
                .help(format!("{lead}{}", example_code(fact, ty)))
            }
            Msg::FactorReadsException { name } => Said::new(format!(
                "고려 요소는 예외 {} 읽을 수 없습니다. 그 예외가 적용되는 판단 기준을 쓰십시오",
                eul(&format!("`{name}`"))
            )),
            Msg::FactorReadsWeighing { name } => Said::new(format!(
                "고려 요소는 형량 {} 읽을 수 없습니다",
                eul(&format!("`{name}`"))
            )),
            Msg::WeighingNeedsSide { name } => {
                Said::new(format!("형량 `{name}`에는 비교할 측이 필요합니다"))
                    .help(format!("측 하나를 적으십시오: `{name} = SIDE`"))
            }
            Msg::CannotRead { name, kind } => Said::new(format!(
                "조건은 {} 읽을 수 없습니다: `{name}`",
                eul(symbol_ko(*kind))
            )),
            Msg::ComparedWithWrongType { fact, given, ty } => {
                let shown = match given {
                    Given::Word(w) => format!("`{w}`"),
                    Given::Kind(k) => lit_ko(*k).to_string(),
                };
                Said::new(format!(
                    "사실 `{fact}`의 비교 대상 {} 이 사실의 타입이 아닙니다",
                    eun(&shown)
                ))
                .label(format!("`{fact}`의 타입: {}", self.fact_type(ty)))
            }
            Msg::OnlyEquality { name, op } => Said::new(format!(
                "`{name}`에는 `=` 또는 `!=` 비교만 쓸 수 있으며 `{op}` 비교는 쓸 수 없습니다"
            )),
            Msg::TakesListedValue { fact, kind, values } => Said::new(format!(
                "`{fact}`에는 {} 아니라 나열된 값 중 하나를 써야 합니다",
                i(lit_ko(*kind))
            ))
            .label(format!("값: {}", values.join(", "))),
            Msg::NotAValue {
                value,
                fact,
                values,
            } => Said::new(format!(
                "{} `{fact}`의 값이 아닙니다",
                eun(&format!("`{value}`"))
            ))
            .label(format!("값: {}", values.join(", "))),
            Msg::SetCompared { fact, op, value } => {
                Said::new(format!("집합 `{fact}`에는 `{op}` 비교를 쓸 수 없습니다"))
                    .help(format!("포함 여부를 검사하십시오: `{fact} contains {value}`"))
            }
            Msg::TestCompared { name } => Said::new(format!(
                "판단 기준 {} 참 또는 거짓이므로 값과 비교하지 않습니다",
                eun(&format!("`{name}`"))
            ))
            .help(format!("다음과 같이 쓰십시오: `{name}` 또는 `not {name}`")),
            Msg::InNotAFact { name } => Said::new(format!(
                "`in`에는 enum 또는 country 타입의 사실이 필요하나 {} 사실이 아닙니다",
                eun(&format!("`{name}`"))
            )),
            Msg::InOnSet { fact } => Said::new(format!(
                "{} 집합입니다. `in` 대신 `contains any {{…}}`를 쓰십시오",
                eun(&format!("`{fact}`"))
            )),
            Msg::InWrongType { fact, ty } => Said::new(format!(
                "`in`에는 enum 또는 country 타입의 사실이 필요하나 `{fact}`의 타입은 {}입니다",
                self.fact_type(ty)
            )),
            Msg::ContainsNotAFact { name } => Said::new(format!(
                "`contains`에는 집합(set) 타입의 사실이 필요하나 {} 사실이 아닙니다",
                eun(&format!("`{name}`"))
            )),
            Msg::ContainsOnOneValue { fact, ty } => Said::new(format!(
                "`contains`에는 집합(set) 타입의 사실이 필요하나 `{fact}`의 타입은 {}입니다",
                self.fact_type(ty)
            ))
            .help(format!("값 하나에는 다음을 쓰십시오: `{fact} in {{…}}`")),
            Msg::ContainsWrongType { fact, ty } => Said::new(format!(
                "`contains`에는 집합(set) 타입의 사실이 필요하나 `{fact}`의 타입은 {}입니다",
                self.fact_type(ty)
            )),
        }
    }
}
