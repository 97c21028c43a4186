//! The formatter (`entrust::format`): it keeps the meaning and every comment, is idempotent, and
//! refuses a text that does not parse.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

// The fuzz targets' helpers, `strip_spans` among them.
#[path = "../fuzz/src/lib.rs"]
mod checks;

use checks::strip_spans;
use entrust::format::{FormatError, format_case, format_case_in, format_statute};
use entrust::source::SourceId;
use entrust::syntax::{parse_cases, parse_statute};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lang {
    Statute,
    Case,
}

fn format(lang: Lang, text: &str) -> Result<String, FormatError> {
    match lang {
        Lang::Statute => format_statute(text),
        Lang::Case => format_case(text),
    }
}

/// `{:?}` of the parsed text with every `Span { … }` removed, or the parse errors.
fn ast_without_spans(lang: Lang, text: &str) -> Result<String, String> {
    let debug = match lang {
        Lang::Statute => parse_statute(SourceId(0), text).map(|ast| format!("{ast:?}")),
        Lang::Case => parse_cases(SourceId(0), text).map(|ast| format!("{ast:?}")),
    }
    .map_err(|diags| format!("{diags:?}"))?;
    Ok(strip_spans(&debug))
}

/// The comments of a text (from `#` outside a string to the end of the line, trailing white
/// space removed), sorted: a multiset.
fn comments(text: &str) -> Vec<String> {
    let mut found = checks::comments(text);
    found.sort();
    found
}

/// Checks the three properties of a formatting, and the layout rules any output obeys.
fn check_formatting(lang: Lang, name: &str, original: &str) -> Result<String, TestCaseError> {
    let formatted =
        format(lang, original).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
    let before = ast_without_spans(lang, original).map_err(TestCaseError::fail)?;
    let after = ast_without_spans(lang, &formatted)
        .map_err(|e| TestCaseError::fail(format!("{name}: formatted text does not parse: {e}")))?;
    prop_assert_eq!(before, after, "{}: the meaning changed", name);
    prop_assert_eq!(
        comments(original),
        comments(&formatted),
        "{}: comments changed",
        name
    );
    let twice = format(lang, &formatted)
        .map_err(|e| TestCaseError::fail(format!("{name}: second formatting: {e}")))?;
    prop_assert_eq!(&twice, &formatted, "{}: formatting is not idempotent", name);
    check_layout(name, &formatted)?;
    Ok(formatted)
}

fn check_layout(name: &str, formatted: &str) -> Result<(), TestCaseError> {
    if formatted.is_empty() {
        return Ok(());
    }
    prop_assert!(formatted.ends_with('\n'), "{}: no final newline", name);
    prop_assert!(
        !formatted.ends_with("\n\n"),
        "{}: blank line at the end",
        name
    );
    prop_assert!(
        !formatted.starts_with('\n'),
        "{}: blank line at the start",
        name
    );
    prop_assert!(!formatted.contains("\n\n\n"), "{}: two blank lines", name);
    prop_assert!(!formatted.contains('\r'), "{}: carriage return", name);
    for line in formatted.lines() {
        prop_assert_eq!(line, line.trim_end(), "{}: trailing white space", name);
        prop_assert!(!line.starts_with('\t'), "{}: tab indentation", name);
    }
    Ok(())
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

/// Every sample file: the Korean pack, the bench pack, the Korean cases and the test fixtures.
fn samples() -> &'static [(String, Lang, String)] {
    static SAMPLES: OnceLock<Vec<(String, Lang, String)>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let root = root();
        let mut paths = Vec::new();
        for dir in ["statutes/kr", "benches/packs/bench"] {
            paths.extend(
                files_in(&root.join(dir), "law")
                    .into_iter()
                    .map(|p| (p, Lang::Statute)),
            );
        }
        for dir in ["cases/kr", "tests/fixtures"] {
            paths.extend(
                files_in(&root.join(dir), "case")
                    .into_iter()
                    .map(|p| (p, Lang::Case)),
            );
        }
        paths
            .into_iter()
            .map(|(p, lang)| {
                let text = std::fs::read_to_string(&p).unwrap();
                let name = p.strip_prefix(&root).unwrap_or(&p).display().to_string();
                (name, lang, text)
            })
            .collect()
    })
}

#[test]
fn every_sample_file_keeps_its_meaning_and_comments_and_formats_idempotently() {
    let samples = samples();
    assert!(samples.len() > 50, "sample files not found");
    assert!(samples.iter().any(|(_, lang, _)| *lang == Lang::Statute));
    for (name, lang, text) in samples {
        if let Err(e) = check_formatting(*lang, name, text) {
            panic!("{e}");
        }
    }
}

#[test]
fn formatting_is_the_identity_on_the_bench_pack() {
    // The bench pack is already laid out canonically (clauses on the item's line included).
    let (name, lang, text) = samples()
        .iter()
        .find(|(name, ..)| name.ends_with("bench.law"))
        .unwrap();
    assert_eq!(&format(*lang, text).unwrap(), text, "{name}");
}

// ---- random re-spacings -----------------------------------------------------------------------

/// A text cut into tokens, comments and the white space between them.
#[derive(Clone, Debug)]
enum Piece {
    /// A word, a string, an operator or a bracket.
    Token(String),
    /// A comment, to the end of its line (trailing white space included).
    Comment(String),
    /// The white space between two of the above (possibly none).
    Gap(String),
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

fn pieces(text: &str) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut gap = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, ' ' | '\t' | '\r' | '\n') {
            gap.push(c);
            i += 1;
            continue;
        }
        out.push(Piece::Gap(std::mem::take(&mut gap)));
        let start = i;
        if c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            out.push(Piece::Comment(chars[start..i].iter().collect()));
            continue;
        }
        if c == '"' {
            i += 1;
            while i < chars.len() {
                match chars[i] {
                    '\\' => i += 2,
                    '"' => {
                        i += 1;
                        break;
                    }
                    _ => i += 1,
                }
            }
        } else if is_word(c) {
            while i < chars.len() && is_word(chars[i]) {
                i += 1;
            }
        } else if matches!(c, '!' | '<' | '>') && chars.get(i + 1) == Some(&'=') {
            i += 2;
        } else {
            i += 1;
        }
        out.push(Piece::Token(
            chars[start..i.min(chars.len())].iter().collect(),
        ));
    }
    out.push(Piece::Gap(gap));
    out
}

fn is_punctuation(piece: Option<&Piece>) -> bool {
    matches!(piece, Some(Piece::Token(t))
        if matches!(t.as_str(), "{" | "}" | "(" | ")" | "," | ":" | "=" | "!=" | "<" | "<=" | ">" | ">="))
}

const SPACES: &[&str] = &["", " ", "  ", "\t", "   ", " \t "];
const BREAKS: &[&str] = &[
    "\n",
    "\n\n",
    "\n  ",
    "\n    ",
    "\n\n\n     ",
    " \t \n",
    "\r\n",
    "\n           ",
    "\n \n\t",
];

/// Replaces the white space of the gaps `pick` chooses a replacement for (given the gap's number
/// and the number of gaps).
/// Without `newlines`, only gaps inside a line are touched and none gains a line break.
fn respace(
    text: &str,
    mut pick: impl FnMut(usize, usize) -> Option<usize>,
    newlines: bool,
) -> String {
    let mut pieces = pieces(text);
    let gaps: Vec<usize> = (0..pieces.len())
        .filter(|&i| match &pieces[i] {
            // The gaps at the very start and end stay: the text must keep a token first.
            Piece::Gap(g) => i > 0 && i + 1 < pieces.len() && (newlines || !g.contains('\n')),
            _ => false,
        })
        .collect();
    for (n, &i) in gaps.iter().enumerate() {
        let Some(choice) = pick(n, gaps.len()) else {
            continue;
        };
        let after_comment = matches!(pieces.get(i - 1), Some(Piece::Comment(_)));
        let may_vanish = is_punctuation(pieces.get(i - 1)) || is_punctuation(pieces.get(i + 1));
        let options: Vec<&str> = if after_comment {
            BREAKS.to_vec()
        } else if newlines {
            SPACES.iter().chain(BREAKS).copied().collect()
        } else {
            SPACES.to_vec()
        };
        let options: Vec<&str> = options
            .into_iter()
            .filter(|o| may_vanish || !o.is_empty())
            .collect();
        pieces[i] = Piece::Gap(options[choice % options.len()].to_string());
    }
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Token(s) | Piece::Comment(s) | Piece::Gap(s) => s,
        })
        .collect()
}

/// Re-spaces a few gaps: `edits` are (gap, choice) pairs, the gap taken modulo their number.
fn respace_some(text: &str, edits: &[(usize, usize)], newlines: bool) -> String {
    respace(
        text,
        |n, count| {
            edits
                .iter()
                .rev()
                .find(|&&(gap, _)| gap % count == n)
                .map(|&(_, choice)| choice)
        },
        newlines,
    )
}

/// Re-spaces every gap, from a seed.
fn respace_all(text: &str, seed: u64, newlines: bool) -> String {
    let mut state = seed | 1;
    respace(
        text,
        |_, _| {
            // xorshift64
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            Some((state >> 32) as usize)
        },
        newlines,
    )
}

fn edits() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0usize..100_000, 0usize..64), 1..60)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random white space between tokens, line breaks and odd indentation included: the
    /// formatter keeps the meaning and the comments and is idempotent.
    #[test]
    fn random_respacing_keeps_meaning_comments_and_idempotence(
        file in 0usize..1000,
        edits in edits(),
    ) {
        let samples = samples();
        let (name, lang, text) = &samples[file % samples.len()];
        let mutated = respace_some(text, &edits, true);
        // The re-spacing itself must keep the meaning, or the generator is wrong.
        prop_assert_eq!(ast_without_spans(*lang, text), ast_without_spans(*lang, &mutated));
        check_formatting(*lang, name, &mutated)?;
    }

    /// The same with every gap between tokens re-spaced.
    #[test]
    fn thorough_respacing_keeps_meaning_comments_and_idempotence(
        file in 0usize..1000,
        seed in any::<u64>(),
    ) {
        let samples = samples();
        let (name, lang, text) = &samples[file % samples.len()];
        let mutated = respace_all(text, seed, true);
        prop_assert_eq!(ast_without_spans(*lang, text), ast_without_spans(*lang, &mutated));
        check_formatting(*lang, name, &mutated)?;
    }

    /// Format, then parse: the same syntax tree as parsing the re-spaced text.
    #[test]
    fn format_then_parse_is_parse(file in 0usize..1000, seed in any::<u64>()) {
        let samples = samples();
        let (name, lang, text) = &samples[file % samples.len()];
        let mutated = respace_all(text, seed, true);
        let formatted = format(*lang, &mutated)
            .map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        prop_assert_eq!(
            ast_without_spans(*lang, &formatted),
            ast_without_spans(*lang, &mutated)
        );
    }

    /// The layout of a line does not depend on the spaces between its tokens: re-spacing the
    /// inside of the lines of a formatted text formats back to the same text.
    #[test]
    fn spaces_inside_lines_do_not_matter(file in 0usize..1000, seed in any::<u64>()) {
        let samples = samples();
        let (name, lang, text) = &samples[file % samples.len()];
        let formatted = format(*lang, text)
            .map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        let mutated = respace_all(&formatted, seed, false);
        let again = format(*lang, &mutated)
            .map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        prop_assert_eq!(again, formatted);
    }
}

// ---- the canonical layout, visible ----------------------------------------------------------

const MESSY_STATUTE: &str = "\n\n# An excerpt of the Korean pack, laid out carelessly.\npack kr \"Korean law on outsourcing and provision of personal data\"   jurisdiction KR\n      act PIPA \"Personal Information Protection Act\"\n   act CIA  \"Credit Information Use and Protection Act\"\n\tnote \"# is not a comment inside a string\"\n\n\n\nfact processing_serves:enum {transferor,recipient , third_party, shared}\nask  \"Whose business does the recipient's processing actually serve?\"   # the key question\n      help \"Who in substance needs the data.\"\nfact written_contract : bool\n   ask \"Is the transfer governed by a written agreement?\"\n   proven by transferor otherwise false\n\n      # ---- classification\nclassify classification \"Outsourcing or provision to a third party\"\n    cite \"Supreme Court 2016do13263 (2017-04-07)\"\n sides provision,outsourcing\n undecided within 2\n # (e) who in substance needs the data\n factor serves_recipient toward provision weight 7\n when processing_serves=recipient\n because \"the recipient's processing serves its own business\"\n factor outsourcee_of_third_party\n toward provision weight 7 decisive\n   when recipient_acts_for_third_party and\n   processing_serves = third_party    # Kakao Pay\n    note \"the regulator's view\"\n\nexception provision_ground_within_purpose \"Provision within the collection purpose\"\nto provision_consent\ncite \"PIPA Art. 17(1)(ii)\"\nin force from 2011-09-30\nif purpose_within_original_collection and (other_legal_basis in {statute_or_legal_duty, vital_interest} or\n(other_legal_basis = public_task and transferor_sector = public_institution))\nrequire written_outsourcing_document \"Outsourcing made by a written document\" when classification = outsourcing\nrequires written_contract and contract_clauses contains all { purpose_limit , security }\ncite \"PIPA Art. 26(1)\"   in force from 2011-09-30\nviolation KR-PIPA-26-1 \"the outsourcing was not made by a written document\"\n\ngap before_pipa \"Transfers before 2011-09-30 are not encoded\"\n    in force\n  until 2011-09-29\n  when recipient_country\n    in {KR, JP}\n";

const MESSY_CASE: &str = "# Kakao Pay, Alipay and Apple: the daily NSF-scoring leg.\r\n\r\ncase kakaopay-alipay-nsf \"Kakao Pay sends all users' data to Alipay for Apple's fraud scores\"\r\n under kr\r\n      period 2019-06-01 to 2024-05-21\r\n  transferor  \"Kakao Pay Corp.\"   recipient \"Alipay Singapore E-Commerce\"\r\n  source \"PIPC decision of 2025-01-22 # not a comment\"\r\n\r\n\r\n  facts\r\n  # Who, where, what data\r\n  transferor_sector=credit_information_user   # the CIA applies first\r\n transferor_country = KR\r\n recipient_country    =    SG\r\ntransfer_mode = transmission # daily batches\r\n  data_categories = {personal_credit,\r\n e_financial_transaction}\r\n  identifiability_at_recipient = pseudonymised_linkable\r\n      # an unsalted hash can be reversed\r\n\r\n  processing_serves = third_party      # Apple needed the scores\r\n  recipient_own_use = unknown\r\n  contract_clauses = {\r\n  purpose_limit, security\r\n  }\r\n\r\nexpect\r\n  classification = provision\r\n  lawful = no\r\n  # CIA 32(1) and EFTA 26 over the whole period\r\n  violations include {KR-CIA-32-1 , KR-EFTA-26}\r\n  because {processing_serves}   \r\n\r\n\r\n";

#[test]
fn snapshot_statute_excerpt() {
    let formatted = check_formatting(Lang::Statute, "messy statute", MESSY_STATUTE).unwrap();
    insta::assert_snapshot!("statute_excerpt", formatted);
}

#[test]
fn snapshot_case() {
    let formatted = check_formatting(Lang::Case, "messy case", MESSY_CASE).unwrap();
    insta::assert_snapshot!("case", formatted);
}

// ---- particular rules -------------------------------------------------------------------------

#[test]
fn in_force_is_a_clause_but_in_is_membership() {
    let text = "gap g \"t\"\nin force until 2011-09-29\n when x\nin {a, b}\n";
    assert_eq!(
        format_statute(text).unwrap(),
        "gap g \"t\"\n  in force until 2011-09-29\n  when x\n      in {a, b}\n"
    );
}

#[test]
fn names_that_look_like_keywords_are_not_clauses() {
    // `factor` and `note` are names here, not clauses: only the grammar can tell.
    let text = "weigh w \"t\"\n  sides a, b\n  factor f toward a weight 1 when\nfactor and\nnote\n";
    assert_eq!(
        format_statute(text).unwrap(),
        "weigh w \"t\"\n  sides a, b\n  factor f toward a weight 1 when\n        factor and\n        note\n"
    );
}

#[test]
fn lines_are_neither_split_nor_joined() {
    let text = "case c \"t\" under kr date 2024-01-01 facts a = 1 b = 2\nexpect lawful = yes\n";
    assert_eq!(format_case(text).unwrap(), text);
}

#[test]
fn an_empty_or_comment_only_text() {
    // A statute file without a header may hold nothing but comments.
    assert_eq!(format_statute("").unwrap(), "");
    assert_eq!(format_statute("\n\n  \n").unwrap(), "");
    assert_eq!(
        format_statute("\n   # only a comment   \n\n\n# and another\n").unwrap(),
        "# only a comment\n\n# and another\n"
    );
}

// ---- errors -----------------------------------------------------------------------------------

#[test]
fn a_statute_that_does_not_parse_is_not_formatted() {
    let text = "pack kr \"t\"\nfact a : boolean\n  ask \"?\"\n";
    let err = format_statute(text).unwrap_err();
    assert!(matches!(err, FormatError::Syntax(_)), "{err:?}");
    assert!(!err.diagnostics().is_empty());
    let message = err.to_string();
    assert!(message.contains("does not parse"), "{message}");
    assert!(message.contains("nothing was formatted"), "{message}");
}

#[test]
fn a_case_that_does_not_parse_is_not_formatted() {
    for text in [
        "case c \"t\"\n  under kr\nfacts\n  a = \n",
        "case c \"unterminated\n  under kr\n",
        "facts\n  a = 1\n",
        // A statute is not a case.
        "pack kr \"t\"\n",
        // Parses, but the lowering refuses the date.
        "case c \"t\"\n  under kr\n  date 2023-02-30\n",
    ] {
        let err = format_case(text).unwrap_err();
        assert!(!err.diagnostics().is_empty(), "{text:?}: {err}");
    }
    // A case is not a statute.
    assert!(format_statute("case c \"t\"\n  under kr\n  date 2024-01-01\n").is_err());
}

#[test]
fn diagnostics_point_into_the_source_given() {
    let err = format_case_in(SourceId(7), "case c \"t\"\n  under\n").unwrap_err();
    let span = err.diagnostics().first().and_then(|d| d.span).unwrap();
    assert_eq!(span.source, SourceId(7));
}
