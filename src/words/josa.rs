//! Korean particles that depend on the word before them: 을/를, 이/가, 은/는, 과/와, (으)로,
//! 이며/며.
//! The choice follows the last syllable's final consonant (받침); a word ending in a digit is
//! read as the number is read (1 일, 2 이, 3 삼…), and a word in Latin letters, whose reading
//! the layer cannot know, gets both forms, `을(를)`.

/// The final consonant of the last syllable: `Some(true)` if it has one, `Some(false)` if not,
/// `Some` with ㄹ reported through `rieul`; `None` when unknown.
fn batchim(word: &str) -> Option<(bool, bool)> {
    // A particle after a parenthesis follows the word before it, as it is read:
    // "처리자(processor)로".
    if let Some(before) = word
        .strip_suffix(')')
        .and_then(|w| w.rfind('(').map(|i| w.get(..i).unwrap_or("")))
        .filter(|b| !b.trim().is_empty())
        && let Some(b) = batchim(before.trim_end())
    {
        return Some(b);
    }
    let c = word
        .trim_end_matches([')', ']', '」', '"', '\'', '`'])
        .chars()
        .last()?;
    match c {
        '가'..='힣' => {
            let jong = (u32::from(c) - 0xAC00) % 28;
            Some((jong != 0, jong == 8))
        }
        // Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
        '0' | '3' | '6' => Some((true, false)),
        '1' | '7' | '8' => Some((true, true)),
        '2' | '4' | '5' | '9' => Some((false, false)),
        _ => None,
    }
}

fn pick(word: &str, with: &str, without: &str) -> String {
    match batchim(word) {
        Some((true, _)) => format!("{word}{with}"),
        Some((false, _)) => format!("{word}{without}"),
        None => format!("{word}{with}({without})"),
    }
}

/// `word` + 을/를.
pub fn eul(word: &str) -> String {
    pick(word, "을", "를")
}

/// `word` + 이/가.
pub fn i(word: &str) -> String {
    pick(word, "이", "가")
}

/// `word` + 은/는.
pub fn eun(word: &str) -> String {
    pick(word, "은", "는")
}

/// `word` + 과/와.
pub fn gwa(word: &str) -> String {
    pick(word, "과", "와")
}

/// `word` + 으로/로 (로 after a vowel or ㄹ).
pub fn ro(word: &str) -> String {
    match batchim(word) {
        Some((true, false)) => format!("{word}으로"),
        Some(_) => format!("{word}로"),
        None => format!("{word}(으)로"),
    }
}

/// `word` + 이다/다 as a noun ending a clause: 이며/며.
pub fn imyeo(word: &str) -> String {
    pick(word, "이며", "며")
}

#[cfg(test)]
mod tests {
    use super::{eul, eun, gwa, i, ro};

    #[test]
    fn follows_the_final_consonant() {
        assert_eq!(eul("제3자 제공"), "제3자 제공을");
        assert_eq!(
            ro("처리자에 의한 처리(processor)"),
            "처리자에 의한 처리(processor)로"
        );
        assert_eq!(
            eul("공동 컨트롤(joint controller)"),
            "공동 컨트롤(joint controller)을"
        );
        assert_eq!(eul("(processor)"), "(processor)을(를)");
        assert_eq!(eul("처리위탁"), "처리위탁을");
        assert_eq!(eul("판단 유보"), "판단 유보를");
        assert_eq!(i("위반"), "위반이");
        assert_eq!(i("판단 유보"), "판단 유보가");
        assert_eq!(gwa("구간 1"), "구간 1과");
        assert_eq!(gwa("구간 2"), "구간 2와");
        assert_eq!(ro("처리위탁"), "처리위탁으로");
        assert_eq!(ro("제3자 제공"), "제3자 제공으로");
        assert_eq!(ro("판단 유보"), "판단 유보로");
        assert_eq!(ro("서울"), "서울로");
        assert_eq!(eul("provision"), "provision을(를)");
        assert_eq!(eun("사실"), "사실은");
        assert_eq!(eun("형량"), "형량은");
        assert_eq!(eun("판단 기준"), "판단 기준은");
        // An identifier in backticks is read as written: a digit as the number, a Latin
        // letter unknown.
        assert_eq!(i("`t1`"), "`t1`이");
        assert_eq!(i("`j2`"), "`j2`가");
        assert_eq!(eun("`2023-02-30`"), "`2023-02-30`은");
        assert_eq!(i("`dup`"), "`dup`이(가)");
    }
}
