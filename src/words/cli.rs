//! Words of the command line itself: warnings about the run, and the help of each subcommand.

use super::{En, Ko};

/// Words of the command line.
pub trait CliWords {
    /// A pack has no texts in the language asked for.
    fn pack_lacks_language(&self, pack: &str, lang: &str) -> String;
}

impl CliWords for En {
    fn pack_lacks_language(&self, pack: &str, lang: &str) -> String {
        format!(
            "warning: pack `{pack}` has no texts in `{lang}` (it declares no `language {lang}`); its titles, questions and messages are shown in English"
        )
    }
}

impl CliWords for Ko {
    fn pack_lacks_language(&self, pack: &str, lang: &str) -> String {
        format!(
            "경고: `{pack}` 법령팩에는 `{lang}` 텍스트가 없습니다(`language {lang}` 선언 없음). 이 법령팩의 제목·질문·메시지는 영어로 표시됩니다."
        )
    }
}
