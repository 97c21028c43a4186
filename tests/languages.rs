//! Every sample case, rendered in every language entrust speaks: the Korean pack and the sample
//! cases have a Korean version of every text, and no English phrase is left in a Korean memo,
//! summary, Markdown section or HTML page (nor a Korean one in an English output).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use entrust::batch::{collect_inputs, load_cases};
use entrust::diagnostic::Severity;
use entrust::eval::Evaluator;
use entrust::lang::Lang;
use entrust::library::Library;
use entrust::render::{Memo, csv, html, markdown, text};
use entrust::verdict::{Verdict, judge};
use entrust::words::words;
use std::path::PathBuf;

/// Words that give away an English sentence (with the spaces around them, so that fact names,
/// values and codes, which never hold a space, do not count).
const ENGLISH: [&str; 14] = [
    " the ", " of ", " and ", " is ", " are ", " to ", " a ", " an ", " not ", " with ", " for ",
    " by ", " or ", " under ",
];

fn hangul(s: &str) -> bool {
    s.chars().any(|c| ('가'..='힣').contains(&c))
}

/// The English words left in `text` once what is not prose is taken out: HTML tags and
/// entities, the style sheet and script, backquoted identifiers, `[fact = value]` reads and
/// the `source` lines of the quoted articles (which name files of the legalize-kr mirror).
fn english_left(text: &str) -> Vec<String> {
    // The provisions' own words are quoted in the statute's language (the GDPR's in English),
    // with their sources: never translated, so not looked at; nor the points of an article,
    // `(a)`, in a citation.
    let mut text = text.to_string();
    for (open, close) in [
        ("<blockquote>", "</blockquote>"),
        ("<p class=\"quote-version\">", "</p>"),
    ] {
        while let Some(a) = text.find(open) {
            let Some(b) = text[a..].find(close) else {
                break;
            };
            text.replace_range(a..a + b + close.len(), " ");
        }
    }
    let text: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('|'))
        .collect::<Vec<_>>()
        .join("\n");
    let mut points = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('(') {
        points.push_str(&rest[..i]);
        let b = rest.as_bytes();
        if b.get(i + 1).is_some_and(u8::is_ascii_lowercase) && b.get(i + 2) == Some(&b')') {
            points.push(' ');
            rest = &rest[i + 3..];
        } else {
            points.push('(');
            rest = &rest[i + 1..];
        }
    }
    points.push_str(rest);
    let text = points.as_str();
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    let mut in_code = false;
    let body = text
        .split("</style>")
        .last()
        .unwrap_or(text)
        .split("<script>")
        .next()
        .unwrap_or(text);
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            '`' => in_code = !in_code,
            _ if in_tag || in_code => {}
            c => plain.push(c),
        }
    }
    let mut found = Vec::new();
    for line in plain.lines() {
        let line = format!(
            " {} ",
            line.replace(['[', ']', '(', ')', ',', ';', ':'], " ")
        );
        for w in ENGLISH {
            if line.contains(w) {
                found.push(format!("`{}` in: {}", w.trim(), line.trim()));
            }
        }
    }
    found
}

struct Rendered {
    memos: Vec<(String, String)>,
    page: String,
}

/// Every sample case judged under the built-in packs, their texts in `lang`, and rendered as a
/// memo (with the articles' words), a summary, a Markdown section and a CSV row, then all on
/// one HTML page.
fn render_all(lang: Lang, quote: bool) -> Rendered {
    let mut lib = Library::open_in(None, lang);
    let (inputs, errs) =
        collect_inputs(&[PathBuf::from("cases/kr"), PathBuf::from("cases/training")]);
    assert!(errs.is_empty());
    let (cases, errs) = load_cases(&mut lib, &inputs, None);
    assert!(errs.is_empty(), "{errs:?}");
    assert!(cases.len() >= 80, "{} cases", cases.len());
    let w = words(lang);
    let mut ev = Evaluator::new();
    let mut memos = Vec::new();
    let mut verdicts: Vec<(Verdict, usize)> = Vec::new();
    for c in &cases {
        for (i, b) in &c.bound {
            let pack = &lib.packs[*i];
            let v = judge(pack, &c.case, b, &mut ev, Some(&lib.sources));
            let memo = Memo {
                pack,
                case: Some(&c.case),
                words: w,
                quote,
            };
            let mut all = text::explanation(&v, &memo);
            all.push_str(&text::summary(&v, w));
            all.push_str(&markdown::section(&v, &memo));
            all.push_str(csv::header(w));
            all.push_str(&csv::row(&v));
            memos.push((c.case.id.text.clone(), all));
            verdicts.push((v, *i));
        }
    }
    let items: Vec<_> = verdicts.iter().map(|(v, i)| (v, &lib.packs[*i])).collect();
    let page = html::report(&items, w.report_title(), w);
    Rendered { memos, page }
}

#[test]
fn the_korean_pack_has_every_text_in_korean() {
    let lib = Library::open_in(None, Lang::Ko);
    let kr = lib.pack("kr").unwrap();
    assert!(kr.languages.contains(&Lang::Ko));
    // `entrust check` warns about a text without its Korean version: there is none.
    let warnings: Vec<String> = lib
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| d.render(&lib.sources))
        .collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
    // And the texts compiled in Korean are Korean.
    for r in &kr.requirements {
        assert!(hangul(&r.meta.title), "{}", r.meta.id);
        assert!(hangul(&r.message), "{}", r.meta.id);
        assert!(r.meta.cites.iter().all(|c| hangul(c)), "{}", r.meta.id);
    }
    for f in &kr.facts {
        assert!(hangul(&f.ask), "{}", f.name);
    }
    assert!(kr.articles.len() > 80);
}

#[test]
fn every_sample_case_has_its_texts_in_korean() {
    let mut lib = Library::open(None);
    let (inputs, _) = collect_inputs(&[PathBuf::from("cases/kr"), PathBuf::from("cases/training")]);
    let (cases, errs) = load_cases(&mut lib, &inputs, None);
    assert!(errs.is_empty());
    for c in &cases {
        let id = &c.case.id.text;
        let title = c.case.title.as_ref().unwrap();
        assert!(hangul(title.get(Lang::Ko)), "{id}: title");
        assert!(!hangul(title.get(Lang::En)), "{id}: title");
        for t in c.case.notes.iter().chain(&c.case.hints) {
            assert!(t.has(Lang::Ko), "{id}: {}", t.text);
        }
        for t in [
            &c.case.source,
            &c.case.parties.transferor,
            &c.case.parties.recipient,
            &c.case.parties.beneficiary,
        ]
        .into_iter()
        .flatten()
        {
            assert!(t.has(Lang::Ko), "{id}: {}", t.text);
        }
    }
}

#[test]
fn every_sample_case_reads_in_korean_without_english() {
    let r = render_all(Lang::Ko, true);
    let mut leaks = Vec::new();
    for (id, memo) in &r.memos {
        assert!(memo.contains("결론"), "{id}");
        // Korean, but for the dates and sources of the quoted articles (which name the files
        // of the mirror the texts were taken from).
        let prose: String = memo
            .lines()
            .filter(|l| !(l.trim_start().starts_with('(') && l.contains("출처:")))
            .collect::<Vec<_>>()
            .join("\n");
        for l in english_left(&prose) {
            leaks.push(format!("{id}: {l}"));
        }
    }
    for l in english_left(&r.page) {
        leaks.push(format!("HTML: {l}"));
    }
    assert!(
        leaks.is_empty(),
        "English in Korean outputs:\n{}",
        leaks.join("\n")
    );
    assert!(r.page.contains("<html lang=\"ko\">"));
}

#[test]
fn every_sample_case_reads_in_english_without_korean() {
    let r = render_all(Lang::En, false);
    for (id, memo) in &r.memos {
        assert!(memo.contains("CONCLUSION"), "{id}");
        assert!(!hangul(memo), "{id}: Korean in:\n{memo}");
    }
    // The page names its fonts (Korean ones among them) and quotes the articles' own words,
    // folded, in Korean: nothing else is Korean.
    let body = r.page.split("</style>").last().unwrap();
    let mut outside_quotes = String::new();
    let mut rest = body;
    while let Some(k) = rest.find("<details class=\"quote\">") {
        outside_quotes.push_str(&rest[..k]);
        let after = &rest[k..];
        rest = &after[after.find("</details>").unwrap()..];
    }
    outside_quotes.push_str(rest);
    assert!(!hangul(&outside_quotes));
    assert!(r.page.contains("<html lang=\"en\">"));
}
