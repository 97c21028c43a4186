//! The languages entrust speaks: the language of every phrase it prints (see [`crate::words`])
//! and of the packs' and cases' own texts, which carry a version per language.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language of output.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the default and the language every pack and case must be written in.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The language's tag, as written after a text in packs and cases (`ko "…"`), given to
    /// `--lang` and declared in an HTML page.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language of a tag (`en`, `ko`; case and a region such as `ko-KR` or `ko_KR.UTF-8`
    /// are ignored, so that `LANG`-style values work too).
    pub fn parse(s: &str) -> Option<Lang> {
        let head = s
            .split(['-', '_', '.'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == head)
    }

    /// The tags of every language, for error messages: `en, ko`.
    pub fn codes() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn parses_tags_and_locale_names() {
        assert_eq!(Lang::parse("ko"), Some(Lang::Ko));
        assert_eq!(Lang::parse("KO"), Some(Lang::Ko));
        assert_eq!(Lang::parse("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::parse("ko_KR.UTF-8"), Some(Lang::Ko));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
