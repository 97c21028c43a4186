//! Words of `entrust facts`: the listing of a pack's facts around the pack's own texts (its
//! title, and each fact's question and help, which are pack texts in the language of the run),
//! and the help of the subcommand. Fact names, types and values are the case language's, the
//! same in every language.

use super::josa::eun;
use super::{CommandHelp, En, Ko};

/// Words of `facts`.
pub trait FactsWords {
    /// The heading of a pack's facts: "Pack `kr`: TITLE. 80 facts; a fact a case does not give
    /// is unknown."
    fn facts_pack_heading(&self, pack: &str, title: &str, n: usize) -> String;
    /// "question" (a label before a fact's question).
    fn facts_question_label(&self) -> &'static str;
    /// The label of the packs that read a fact: "read by".
    fn facts_read_by_label(&self) -> &'static str;
    /// A fact that describes what the arrangement is (`given`).
    fn facts_given(&self) -> &'static str;
    /// A fact kept for reports only (`recorded`).
    fn facts_recorded(&self) -> &'static str;
    /// No pack of that id (an error line), with the packs there are: `facts PACK`, `--under`.
    fn no_pack_named(&self, name: &str, packs: &str) -> String;

    /// `facts`.
    fn help_facts(&self) -> CommandHelp;
    /// `facts PACK`.
    fn arg_facts_pack(&self) -> &'static str;
    /// `facts --format`.
    fn arg_facts_format(&self) -> &'static str;
    /// `--format text`.
    fn value_facts_text(&self) -> &'static str;
    /// `--format json`.
    fn value_facts_json(&self) -> &'static str;
}

impl FactsWords for En {
    fn facts_pack_heading(&self, pack: &str, title: &str, n: usize) -> String {
        format!(
            "Pack `{pack}`: {title}\n{n} facts; a fact a case does not give is unknown, never false."
        )
    }
    fn facts_question_label(&self) -> &'static str {
        "question"
    }
    fn facts_read_by_label(&self) -> &'static str {
        "read by"
    }
    fn facts_given(&self) -> &'static str {
        "given: it says what the arrangement is; `entrust whatif` keeps it unless --vary names it"
    }
    fn facts_recorded(&self) -> &'static str {
        "recorded only: no rule of the pack reads it yet"
    }
    fn no_pack_named(&self, name: &str, packs: &str) -> String {
        format!("error: no pack `{name}` (packs: {packs})")
    }

    fn help_facts(&self) -> CommandHelp {
        CommandHelp {
            about: "List the facts a pack reads: each with its type and values, its question and its help",
            long_about: "List the facts a pack reads: each with its type and values, its question and its help.

These are the names and values a case file may give (docs/facts.md describes the shared ones). With no PACK, every pack's facts. The questions and help are in the language of the run; names, types and values are the same in every language. --format json writes them for scripts.

Example: entrust facts kr",
        }
    }
    fn arg_facts_pack(&self) -> &'static str {
        "The pack whose facts to list (default: every pack)"
    }
    fn arg_facts_format(&self) -> &'static str {
        "`text` to read, `json` for scripts"
    }
    fn value_facts_text(&self) -> &'static str {
        "Each fact with its type, question and help, in plain words"
    }
    fn value_facts_json(&self) -> &'static str {
        "A JSON array of packs, each with its facts: name, type, values, question, help, given, recorded, burden"
    }
}

impl FactsWords for Ko {
    fn facts_pack_heading(&self, pack: &str, title: &str, n: usize) -> String {
        format!(
            "법령팩 `{pack}`: {title}\n사실 {n}개. 사안에 적히지 않은 사실은 거짓이 아니라 미확인으로 봅니다."
        )
    }
    fn facts_question_label(&self) -> &'static str {
        "질문"
    }
    fn facts_read_by_label(&self) -> &'static str {
        "읽는 법령팩"
    }
    fn facts_given(&self) -> &'static str {
        "전제 사실: 이전의 구조 자체를 나타내므로 `entrust whatif`는 --vary로 지정하지 않는 한 바꾸지 않습니다"
    }
    fn facts_recorded(&self) -> &'static str {
        "기록용: 아직 이 법령팩의 어떤 규칙도 읽지 않습니다"
    }
    fn no_pack_named(&self, name: &str, packs: &str) -> String {
        format!(
            "오류: {} 법령팩이 없습니다(법령팩: {packs})",
            eun(&format!("`{name}`"))
        )
    }

    fn help_facts(&self) -> CommandHelp {
        CommandHelp {
            about: "법령팩이 읽는 사실을 타입과 값, 질문, 도움말과 함께 나열합니다",
            long_about: "법령팩이 읽는 사실을 타입과 값, 질문, 도움말과 함께 나열합니다.

사안 파일에 쓸 수 있는 사실 이름과 값입니다(공통 사실은 docs/facts.md에 설명되어 있습니다). PACK을 지정하지 않으면 모든 법령팩의 사실을 나열합니다. 질문과 도움말은 실행 언어로 표시되며, 사실 이름, 타입, 값은 모든 언어에서 같습니다. --format json은 스크립트용으로 출력합니다.

예: entrust facts kr",
        }
    }
    fn arg_facts_pack(&self) -> &'static str {
        "사실을 나열할 법령팩(기본값: 모든 법령팩)"
    }
    fn arg_facts_format(&self) -> &'static str {
        "읽기용은 `text`, 스크립트용은 `json`"
    }
    fn value_facts_text(&self) -> &'static str {
        "사실마다 타입, 질문, 도움말을 문장으로 씀"
    }
    fn value_facts_json(&self) -> &'static str {
        "법령팩의 JSON 배열. 법령팩마다 사실 목록(name, type, values, question, help, given, recorded, burden)을 담음"
    }
}
